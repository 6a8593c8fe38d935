"""Dependencies are declared where they are used, and pinned the same everywhere."""
import ast
import concurrent.futures
import json
import pathlib
import re
import subprocess
import sys
import tomllib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
# import name -> distribution name, where they differ
DISTRIBUTION = {"sklearn": "scikit-learn", "PIL": "pillow", "yaml": "pyyaml", "websocket": "websocket-client", "IPython": "ipython",
                "repo2docker": "jupyter-repo2docker", "jupyter_server": "jupyter-server",
                "jupyter_client": "jupyter-client"}


def pins(path):
    lines = [line.strip() for line in path.read_text().splitlines()]
    return sorted(line for line in lines if line and not line.startswith("#"))


def top_level_imports(code):
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def local_modules(folder, deep=False):
    """The repo's own importable names in folder (and its subfolders, if deep): modules (x.py)
    and packages (x/ holding .py files)."""
    return {p.stem for p in (folder.rglob("*") if deep else folder.iterdir())
            if p.suffix == ".py" or (p.is_dir() and any(p.glob("*.py")))}


def third_party(names):
    return {n for n in names if n not in sys.stdlib_module_names} - local_modules(ROOT)


def normalise(name):
    return re.sub(r"[-_.]+", "-", DISTRIBUTION.get(name, name)).lower()


def requirement_names(lines):
    return {normalise(re.split(r"[=<>~!\[ ]", line)[0]) for line in lines if not line.startswith("-")}


def test_every_requirement_is_pinned_and_binder_matches():
    learner = pins(ROOT / "requirements.txt")
    assert all("==" in line for line in learner if not line.startswith("-e")), "unpinned requirement"
    assert "-e ." in learner
    assert learner == pins(ROOT / "binder" / "requirements.txt"), \
        "binder/requirements.txt must be the learner set, pin for pin"
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"


def test_development_set_adds_to_the_learner_set_without_repeating_it():
    dev = pins(ROOT / "requirements-dev.txt")
    assert "-r requirements.txt" in dev, "requirements-dev.txt must start from the learner set"
    added = [line for line in dev if not line.startswith("-")]
    assert added and all("==" in line for line in added), "unpinned development requirement"
    learner = requirement_names(pins(ROOT / "requirements.txt"))
    assert not requirement_names(added) & learner, "a pin appears in both requirement files"
    # The test tools stay out of what learners and Binder install.
    assert not {"pytest", "nbval", "playwright", "hypothesis", "jupyter-repo2docker"} & learner


def test_pyproject_declares_what_the_pins_pin():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    learner = requirement_names(pins(ROOT / "requirements.txt"))
    assert requirement_names(project["dependencies"]) <= learner
    dev = requirement_names(pins(ROOT / "requirements-dev.txt"))
    assert requirement_names(project["optional-dependencies"]["test"]) <= dev


def test_tests_and_tools_imports_are_in_the_development_set():
    required = requirement_names(pins(ROOT / "requirements.txt") + pins(ROOT / "requirements-dev.txt"))
    required |= {"jupyter-server", "nbformat", "nbconvert", "ipykernel", "jupyter-client"}  # via jupyterlab
    ours = set().union(*(local_modules(ROOT / d, deep=True) for d in ("tests", "tools", "benchmarks")))
    for folder in ("tests", "tools", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            used = third_party(top_level_imports(path.read_text())) - ours
            missing = {normalise(n) for n in used} - required
            assert not missing, f"{path.relative_to(ROOT)} imports {missing}, not pinned"


def test_helpers_imports_are_declared_in_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = requirement_names(project["dependencies"])
    used = set()
    for path in (ROOT / "helpers").rglob("*.py"):
        used |= third_party(top_level_imports(path.read_text()))
    missing = {normalise(n) for n in used} - declared
    assert not missing, f"helpers import {missing}, not in pyproject.toml dependencies"


def test_notebook_imports_are_in_requirements():
    required = requirement_names(pins(ROOT / "requirements.txt"))
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text())["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        code = "\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("%", "!")))
        missing = {normalise(n) for n in third_party(top_level_imports(code))} - required
        assert not missing, f"{path.name} imports {missing}, not in requirements.txt"


def test_every_benchmark_module_imports():
    """`python -m benchmarks` is not run by CI (timings are noisy), so at least import it all."""
    import importlib
    for path in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        assert callable(importlib.import_module(f"benchmarks.{path.stem}").run)


# --- the learner set installs from wheels on every platform we name --------------------------

# pip expands a macOS tag to older macOS versions, but not a manylinux tag to older glibcs:
# a Linux with glibc 2.28 takes every manylinux wheel from 2_17 (manylinux2014) to 2_28.
PLATFORMS = {"Windows": ["win_amd64"], "macOS (Apple silicon)": ["macosx_14_0_arm64"],
             "Linux": [f"manylinux_2_{minor}_x86_64" for minor in range(17, 29)] + ["manylinux2014_x86_64"]}
PYTHONS = ("3.11", "3.12", "3.13", "3.14")


def resolve_wheels(platforms, python, workdir):
    """pip's resolution of the learner pins for another platform, wheels only, nothing fetched."""
    pinned = workdir / "pins.txt"
    pinned.write_text("\n".join(line for line in pins(ROOT / "requirements.txt") if "==" in line))
    report = workdir / "report.json"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--disable-pip-version-check",
         "--only-binary=:all:", *(f"--platform={tag}" for tag in platforms), "--python-version", python,
         "--target", str(workdir / "target"), "--report", str(report), "-r", str(pinned)],
        capture_output=True, text=True, timeout=600)
    errors = "\n".join(line for line in result.stderr.splitlines() if not line.startswith("WARNING"))
    return result.returncode, errors, report


@pytest.mark.slow
def test_learner_pins_resolve_to_wheels_on_every_platform(tmp_path):
    failures, futures = [], {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:   # pip waits on the index
        for platform, tags in PLATFORMS.items():
            for python in PYTHONS:
                workdir = tmp_path / f"{tags[0]}-{python}"
                workdir.mkdir()
                futures[pool.submit(resolve_wheels, tags, python, workdir)] = (platform, python)
        for future, (platform, python) in futures.items():
            code, errors, report = future.result()
            if code:
                failures.append(f"{platform} / Python {python}:\n{errors[-1500:]}")
                continue
            wheels = [item["download_info"]["url"] for item in json.loads(report.read_text())["install"]]
            numpy = [url for url in wheels if "/numpy-" in url]
            assert numpy and numpy[0].endswith(".whl"), (platform, python, numpy)
    assert not failures, "\n\n".join(failures)
