"""The Kubernetes recipe in docs/teaching.md agrees with the repository and the hub tests.

The guide tells a teacher to build the servers' image with repo2docker and gives
Zero to JupyterHub a config.yaml. Neither runs here (no cluster, no Docker), so
this test reads both from the guide and checks what can go stale: the image is
built from this repository (the owner/name the Binder links use) and named after
it, the config runs that image in JupyterLab, nbgitpuller is the pinned version,
the timeouts are the ones the hub test and benchmark use, and the memory
guarantee covers what the benchmark measured per student.
"""
import pathlib
import re
import shlex
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "docs" / "teaching.md").read_text()
sys.path.insert(0, str(ROOT / "tools"))
from classroom_hub import TIMEOUTS  # noqa: E402

MEASURED_MB_PER_STUDENT = 210          # the benchmark's largest, server + kernel (PSS)


def fenced(language, after):
    """The first fenced block of `language` after the text `after`."""
    tail = GUIDE[GUIDE.index(after):]
    return re.search(rf"^```{language}\n(.*?)^```", tail, re.M | re.S).group(1)


def repository():
    """owner/name, from the README's Binder links."""
    return re.search(r"mybinder\.org/v2/gh/([\w.-]+/[\w.-]+)/", (ROOT / "README.md").read_text()).group(1)


def pin(name):
    text = (ROOT / "requirements-dev.txt").read_text()
    return re.search(rf"^{name}==(\S+)$", text, re.M).group(1)


def build_command():
    block = fenced("", "### Kubernetes: Zero to JupyterHub")
    return shlex.split(next(line for line in block.splitlines() if "repo2docker" in line))


def config():
    return yaml.safe_load(fenced("yaml", "### Kubernetes: Zero to JupyterHub"))


def megabytes(quantity):
    number, unit = re.fullmatch(r"(\d+)([MG])i?", str(quantity)).groups()
    return int(number) * (1024 if unit == "G" else 1)


def test_the_image_is_built_from_this_repository():
    command = build_command()
    assert command[0] == "jupyter-repo2docker" and "--no-run" in command
    assert command[-1] == f"https://github.com/{repository()}"
    image = command[command.index("--image-name") + 1]
    assert image.split(":")[0].endswith("/" + repository().split("/")[1])
    appendix = command[command.index("--appendix") + 1]
    assert f"nbgitpuller=={pin('nbgitpuller')}" in appendix


def test_the_config_runs_that_image_in_jupyterlab():
    single = config()["singleuser"]
    image = build_command()[build_command().index("--image-name") + 1]
    assert f"{single['image']['name']}:{single['image']['tag']}" == image
    assert single["defaultUrl"] == "/lab"


def test_the_timeouts_are_the_hub_tests():
    hub = config()["hub"]["config"]
    assert hub["Spawner"]["http_timeout"] == TIMEOUTS["Spawner.http_timeout"]
    assert hub["JupyterHub"]["concurrent_spawn_limit"] == TIMEOUTS["JupyterHub.concurrent_spawn_limit"]
    assert config()["singleuser"]["startTimeout"] >= TIMEOUTS["Spawner.start_timeout"]
    python = fenced("python", "### What each student's server needs")
    for name, value in TIMEOUTS.items():
        assert re.search(rf"^c\.{re.escape(name)} = {value}\b", python, re.M), name


def test_the_memory_guarantee_covers_a_student():
    memory = config()["singleuser"]["memory"]
    assert megabytes(memory["guarantee"]) >= MEASURED_MB_PER_STUDENT
    assert megabytes(memory["limit"]) >= 2 * MEASURED_MB_PER_STUDENT
