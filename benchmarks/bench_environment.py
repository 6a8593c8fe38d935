"""The learner environment on disk: what `python3 run.py lab` installs.

A fresh virtual environment in a temporary folder, then `pip install -r
requirements.txt` (the learner set, as run.py and Binder install it), then the
size of the folder as `du` counts it (allocated blocks, hard links once). pip's
own cache is outside the folder and not counted. The install time is shown for
information only: it depends on the network and on pip's cache.
"""
import pathlib
import subprocess
import sys
import tempfile
import time
import venv

from benchmarks.common import Row

ROOT = pathlib.Path(__file__).resolve().parents[1]
BUDGET_MB = 650


def disk_megabytes(folder):
    out = subprocess.run(["du", "-sk", str(folder)], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[0]) / 1024


def run():
    with tempfile.TemporaryDirectory() as tmp:
        target = pathlib.Path(tmp) / "venv"
        start = time.perf_counter()
        venv.create(target, with_pip=True)
        python = target / ("Scripts/python.exe" if sys.platform.startswith("win") else "bin/python")
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                        "-r", "requirements.txt"], cwd=ROOT, check=True, capture_output=True)
        seconds = time.perf_counter() - start
        size = disk_megabytes(target)
    return [Row(f"learner environment: fresh venv + pip install -r requirements.txt, du "
                f"(install took {seconds:.0f} s)", f"{size:.0f} MB",
                budget=f"<= {BUDGET_MB} MB", ok=size <= BUDGET_MB)]
