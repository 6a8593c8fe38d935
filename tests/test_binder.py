"""Binder builds the environment the tests pass with, or CI says why not.

Two checks, each also shown to fail on a deliberately broken copy:
- repo2docker (what mybinder.org runs), with --no-build so that no Docker
  daemon is needed, must pick binder/, Python 3.11 from binder/runtime.txt
  and install binder/requirements.txt (not the top-level requirements.txt);
- binder/requirements.txt, installed into a fresh virtual environment, must
  give every pinned version and an importable `helpers` with all its panels.
"""
import contextlib
import os
import pathlib
import shutil
import subprocess
import sys
import warnings

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
# What Binder needs from the repository: its config, and what "-e ." installs.
BINDER_FILES = ("binder", "helpers", "pyproject.toml", "README.md", "requirements.txt")
PIP_INSTALL = 'pip install --no-cache-dir -r "binder/requirements.txt"'


def copy_repo(destination):
    """The parts of the repository Binder uses, in a folder we may break."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in BINDER_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, destination / name)
    return destination


def clean_env():
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "PIP_REQUIRE_VIRTUALENV"}}
    return dict(env, PIP_DISABLE_PIP_VERSION_CHECK="1")


# --- repo2docker --------------------------------------------------------------------------

def run_repo2docker(repo, workdir):
    """`repo2docker --no-build --debug`: the Dockerfile it would build, and its log."""
    result = subprocess.run(
        [sys.executable, "-m", "repo2docker", "--no-build", "--debug",
         "--user-name", "jovyan", "--user-id", "1000", str(repo)],
        cwd=workdir, env=clean_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"repo2docker failed:\n{result.stderr[-3000:]}"
    return result.stdout, result.stderr


def picked_buildpack(repo):
    """The build pack repo2docker's own detection picks for `repo` (its Python API)."""
    with warnings.catch_warnings():     # its logging library renamed a module; not ours to fix
        warnings.simplefilter("ignore", DeprecationWarning)
        from repo2docker.app import Repo2Docker
    app = Repo2Docker()
    with contextlib.chdir(repo):
        for buildpack_class in app.buildpacks:
            buildpack = buildpack_class(base_image=app.base_image)
            if buildpack.detect():
                return buildpack
    return None


def check_repo2docker(repo, workdir):
    """Assert that Binder would build `repo` from binder/ with Python 3.11 and the pins."""
    dockerfile, log = run_repo2docker(repo, workdir)
    assert "Building conda environment for python=3.11" in log, \
        f"repo2docker does not choose Python 3.11:\n{log}"
    assert PIP_INSTALL in dockerfile, \
        "repo2docker would not install binder/requirements.txt"
    assert 'pip install --no-cache-dir -r "requirements.txt"' not in dockerfile, \
        "repo2docker would install the top-level requirements.txt, not binder/'s"

    buildpack = picked_buildpack(repo)
    assert type(buildpack).__name__ == "PythonBuildPack", f"picked {type(buildpack).__name__}"
    with contextlib.chdir(repo):
        assert buildpack.binder_dir == "binder"
        assert buildpack.runtime[:2] == ("python", "3.11")
        assert buildpack.python_version == "3.11"
        assert buildpack.get_preassemble_script_files() == {
            "binder/requirements.txt": "binder/requirements.txt"}
        scripts = [script for _user, script in buildpack.get_assemble_scripts()]
    assert any(PIP_INSTALL in script for script in scripts), scripts


def test_repo2docker_builds_from_binder_folder(tmp_path):
    check_repo2docker(ROOT, tmp_path)


def test_repo2docker_check_fails_on_a_broken_copy(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    check_repo2docker(repo, tmp_path)                  # the intact copy passes
    requirements = repo / "binder" / "requirements.txt"
    pins = requirements.read_text()
    requirements.unlink()
    with pytest.raises(AssertionError, match="binder/requirements.txt"):
        check_repo2docker(repo, tmp_path)
    requirements.write_text(pins)
    (repo / "binder" / "runtime.txt").write_text("python-3.10\n")
    with pytest.raises(AssertionError, match="3.11"):
        check_repo2docker(repo, tmp_path)


# --- a fresh virtual environment from binder/requirements.txt -----------------------------

IMPORT_CHECK = """
import importlib.metadata, pathlib, re, sys
import helpers
from helpers.widgets import all_panels
import ipympl, ipywidgets, jupyterlab, matplotlib, numpy, scipy, sklearn
repo = pathlib.Path(sys.argv[1]).resolve()
assert pathlib.Path(helpers.__file__).resolve().is_relative_to(repo), helpers.__file__
wrong = []
for line in (repo / "binder" / "requirements.txt").read_text().splitlines():
    if "==" in line and not line.startswith("#"):
        name, version = line.split("==")
        if importlib.metadata.version(name) != version.strip():
            wrong.append(f"{name} {importlib.metadata.version(name)} (pinned {version})")
assert not wrong, wrong
assert all_panels(), "no panels"
from helpers.i18n import _, use_language
use_language("zh_CN")                  # the compiled catalogue came with the install
assert _("Correct: {message}") == "正确：{message}", _("Correct: {message}")
print("ok", len(all_panels()), "panels, the zh_CN catalogue")
"""


def check_binder_environment(repo, venv_dir):
    """Install repo/binder/requirements.txt into a new virtual environment and import helpers.

    The environment is created without pip and filled by this environment's pip
    (`pip --python`), without byte-compiling: the same resolution and the same
    files as Binder's `pip install -r binder/requirements.txt`, in a third of the time.
    """
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv_dir)], check=True,
                   env=clean_env(), timeout=120)
    python = venv_dir / "bin" / "python"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-compile",
         "--quiet", "-r", "binder/requirements.txt"],
        cwd=repo, env=clean_env(), capture_output=True, text=True, timeout=600)
    errors = "\n".join(line for line in install.stderr.splitlines()
                       if not line.startswith("WARNING: Location"))
    assert install.returncode == 0, \
        f"pip could not install binder/requirements.txt:\n{errors[-3000:]}"
    # From outside the repository, so that `helpers` can only come from the install.
    imported = subprocess.run([str(python), "-c", IMPORT_CHECK, str(repo)], cwd=venv_dir,
                              env=dict(clean_env(), MPLBACKEND="Agg"),
                              capture_output=True, text=True, timeout=300)
    assert imported.returncode == 0, \
        f"the Binder environment cannot import helpers:\n{imported.stderr[-3000:]}"
    return imported.stdout


@pytest.mark.slow
def test_binder_requirements_install_and_import_helpers(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    assert check_binder_environment(repo, tmp_path / "venv").startswith("ok")


@pytest.mark.slow                # pip resolves against the index: 15 s of the fast suite's 90 s budget
@pytest.mark.parametrize("breakage", ["unknown pin", "no -e ."])
def test_binder_environment_check_fails_on_a_broken_copy(tmp_path, breakage):
    repo = copy_repo(tmp_path / "repo")
    requirements = repo / "binder" / "requirements.txt"
    if breakage == "unknown pin":          # a typo in a version: pip finds nothing
        requirements.write_text(requirements.read_text().replace(
            "numpy==", "numpy==0.0.0.post", 1))
        message = "pip could not install"
    else:                                  # installs, but the helpers package is missing
        requirements.write_text("toml==0.10.2\n")
        message = "cannot import helpers"
    with pytest.raises(AssertionError, match=message):
        check_binder_environment(repo, tmp_path / "venv")
