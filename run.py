#!/usr/bin/env python3
"""One entry point: set up a virtual environment, then run a task in it.

    python3 run.py lab        open JupyterLab on the first notebook
    python3 run.py test       run every test (helpers, notebooks, browser), on two cores
    python3 run.py execute    re-execute and save every notebook (or the ones named)
    python3 run.py student    write student copies without worked answers to student/
    python3 run.py nbgrader   write an nbgrader course folder to nbgrader-course/
    python3 run.py catalogue  update and compile helpers' message catalogues (helpers/locale)
    python3 run.py bench      run the benchmarks and print one table

On Windows, type `py run.py lab` instead of `python3 run.py lab`.
`lab` installs what a learner needs (requirements.txt); the other tasks add the
test and tooling pins (requirements-dev.txt).
Extra arguments go to the underlying tool, e.g. `python3 run.py test -m "not slow"`.
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
FIRST_NOTEBOOK = "notebooks/01-computation-graphs.ipynb"
LEARNER, DEVELOPER = "requirements.txt", "requirements-dev.txt"
TASKS = {"lab": LEARNER, "test": DEVELOPER, "execute": DEVELOPER, "student": DEVELOPER,
         "nbgrader": DEVELOPER, "catalogue": DEVELOPER, "bench": DEVELOPER}


def scripts_dir(venv_dir=VENV, platform=sys.platform):
    """Where a virtual environment keeps its programs: Scripts\\ on Windows, bin/ elsewhere."""
    return pathlib.Path(venv_dir) / ("Scripts" if platform.startswith("win") else "bin")


def venv_python(venv_dir=VENV, platform=sys.platform):
    return scripts_dir(venv_dir, platform) / ("python.exe" if platform.startswith("win") else "python")


def requirements_hash(requirements):
    """What an install depends on: the requirement files it reads, and the package metadata."""
    names = [LEARNER, "pyproject.toml"] + ([DEVELOPER] if requirements == DEVELOPER else [])
    return hashlib.sha256(b"".join((ROOT / name).read_bytes() for name in names)).hexdigest()


def setup(requirements=LEARNER):
    """Create .venv and install the pinned `requirements`, unless that is done already.

    The development set includes the learner set, so a venv made for tests also serves `lab`.
    """
    python = venv_python()
    if not python.exists():
        print("Creating .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    stamps = {name: VENV / f".{name}.sha256" for name in (LEARNER, DEVELOPER)}
    if any(stamp.exists() and stamp.read_text() == requirements_hash(name)
           for name, stamp in stamps.items() if name == requirements or name == DEVELOPER):
        return python
    print(f"Installing the pinned {requirements} into .venv ...", flush=True)
    subprocess.run([str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                    "-r", requirements], cwd=ROOT, check=True)
    stamps[requirements].write_text(requirements_hash(requirements))
    return python


CHROMIUM_HELP = """\
The browser tests drive Chromium, which is not installed here.
  Debian/Ubuntu:  sudo apt-get install chromium     (the tests look for it on PATH)
  macOS:          brew install --cask chromium
  Windows:        install Chromium or Google Chrome
  anywhere:       .venv/bin/python -m playwright install chromium
Or point the tests at any Chromium or Chrome binary: CHROMIUM=/path/to/chrome.
To run everything else meanwhile: python3 run.py test -m "not browser"
"""


def apt_install(packages, purpose):
    """Install Debian packages where we may (as root, with apt-get); whether we did."""
    if not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")):
        return False
    print(f"Installing {' and '.join(packages)} for {purpose} (apt-get) ...", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True, env=env)
    return True


def ensure_chromium():
    """The browser tests drive Chromium: install Debian's where we may, else say what to do."""
    if shutil.which("chromium") or os.environ.get("CHROMIUM") or \
            apt_install(["chromium"], "the browser test"):
        return True
    print(CHROMIUM_HELP, file=sys.stderr, flush=True)
    return False                 # the browser tests then fail, repeating how to install it


def ensure_node():
    """The hub test installs configurable-http-proxy with npm: install Node.js where we may."""
    if shutil.which("npm") or apt_install(["nodejs", "npm"], "the hub test"):
        return True
    print("The hub test (tests/hub) needs Node.js and npm for its proxy: install them "
          "(https://nodejs.org), or skip it with -m 'not browser'.", file=sys.stderr, flush=True)
    return False


def ensure_cjk_font():
    """Figures in the Chinese edition need a CJK font: install Noto Sans CJK where we may."""
    if not sys.platform.startswith("linux"):
        return                   # Windows and macOS come with a Chinese font (YaHei, PingFang)
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout \
        if shutil.which("fc-list") else ""
    if "CJK" in fonts or "Han Sans" in fonts:
        return
    if not apt_install(["fonts-noto-cjk"], "the Chinese edition"):
        print("The Chinese notebooks' figures need a CJK font: install fonts-noto-cjk "
              "(sudo apt-get install fonts-noto-cjk); tests/test_i18n.py checks it.", file=sys.stderr, flush=True)
        return
    # matplotlib lists the system's fonts once and caches the list: make it look again
    cache = pathlib.Path(os.environ.get("MPLCONFIGDIR") or
                         pathlib.Path(os.environ.get("XDG_CACHE_HOME") or pathlib.Path.home() / ".cache") / "matplotlib")
    for stale in cache.glob("fontlist-*.json"):
        stale.unlink()


def run(*command):
    bin_dir = scripts_dir()
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
               VIRTUAL_ENV=str(VENV), MPLBACKEND="Agg", PYTHONHASHSEED="0")
    env.pop("PYTHONPATH", None)
    return subprocess.run(command, cwd=ROOT, env=env).returncode


def main(argv):
    task, extra = (argv[0] if argv else "help"), argv[1:]
    if task not in TASKS:
        print(__doc__)
        return 0 if task in {"help", "-h", "--help"} else 2
    python = str(setup(TASKS[task]))
    if task == "lab":
        return run(python, "-m", "jupyter", "lab", *(extra or [FIRST_NOTEBOOK]))
    if task == "test":
        ensure_chromium()
        ensure_node()
        ensure_cjk_font()
        # Two workers (pytest-xdist; each test file or notebook stays on one): the suite's
        # kernels, servers and browsers keep two cores busy. `-n 0` runs it in one process.
        workers = [] if any(a.startswith(("-n", "--numprocesses")) for a in extra) else ["-n", "2"]
        return run(python, "-m", "pytest", *workers, *extra)
    if task == "execute":
        return run(python, "tools/execute_notebooks.py", *extra)
    if task == "student":
        return run(python, "tools/make_student_version.py", *extra)
    if task == "nbgrader":
        return run(python, "tools/make_nbgrader_course.py", *extra)
    if task == "catalogue":
        return run(python, "tools/catalogue.py", *extra)
    return run(python, "-m", "benchmarks", *extra)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
