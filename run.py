#!/usr/bin/env python3
"""One entry point: set up a virtual environment, then run a task in it.

    python3 run.py lab        open JupyterLab on the first notebook
    python3 run.py test       run every test (helpers, notebooks, browser)
    python3 run.py execute    re-execute and save every notebook (or the ones named)
    python3 run.py student    write student copies without worked answers to student/
    python3 run.py bench      run the benchmarks and print one table

Extra arguments go to the underlying tool, e.g. `python3 run.py test -m "not browser"`.
Only the standard library is used here, so a bare Python 3.11 can run it.
"""
import hashlib
import os
import pathlib
import shutil
import subprocess
import sys
import venv

ROOT = pathlib.Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / "bin"
STAMP = VENV / ".requirements.sha256"
FIRST_NOTEBOOK = "notebooks/01-computation-graphs.ipynb"


def requirements_hash():
    text = b"".join((ROOT / name).read_bytes() for name in ("requirements.txt", "pyproject.toml"))
    return hashlib.sha256(text).hexdigest()


def setup():
    """Create .venv and install the pinned requirements, unless already done."""
    if not (BIN / "python").exists():
        print("Creating .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    if STAMP.exists() and STAMP.read_text() == requirements_hash():
        return
    print("Installing the pinned requirements into .venv ...", flush=True)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run(pip + ["-r", "requirements.txt"], cwd=ROOT, check=True)
    STAMP.write_text(requirements_hash())


def ensure_chromium():
    """The browser test drives Debian's Chromium; install it where we may."""
    if shutil.which("chromium") or os.environ.get("CHROMIUM"):
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing Chromium for the browser test (apt-get) ...", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env)
    # Otherwise the browser test fails with a message saying how to install it.


def run(*command):
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
               VIRTUAL_ENV=str(VENV), MPLBACKEND="Agg", PYTHONHASHSEED="0")
    env.pop("PYTHONPATH", None)
    return subprocess.run(command, cwd=ROOT, env=env).returncode


def main(argv):
    task, extra = (argv[0] if argv else "help"), argv[1:]
    if task not in {"lab", "test", "execute", "student", "bench"}:
        print(__doc__)
        return 0 if task in {"help", "-h", "--help"} else 2
    setup()
    python = str(BIN / "python")
    if task == "lab":
        return run(python, "-m", "jupyter", "lab", *(extra or [FIRST_NOTEBOOK]))
    if task == "test":
        ensure_chromium()
        return run(python, "-m", "pytest", *extra)
    if task == "execute":
        return run(python, "tools/execute_notebooks.py", *extra)
    if task == "student":
        return run(python, "tools/make_student_version.py", *extra)
    return run(python, "-m", "benchmarks", *extra)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
