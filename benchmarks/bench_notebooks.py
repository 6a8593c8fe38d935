"""Each notebook executed in a fresh kernel (time and peak kernel memory), and the test suite."""
import os
import pathlib
import subprocess
import sys
import time

import nbformat
from nbclient import NotebookClient

from benchmarks.common import Row

ROOT = pathlib.Path(__file__).resolve().parents[1]
SECONDS_BUDGET = 15.0
MEMORY_BUDGET_MB = 300.0
PEAK_RSS = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"


def execute(path):
    """Seconds to run every cell in a fresh kernel, and the kernel's peak resident MB after."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PEAK_RSS))
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    with client.setup_kernel():
        start = time.perf_counter()
        for index, cell in enumerate(nb.cells[:-1]):
            client.execute_cell(cell, index)
        seconds = time.perf_counter() - start
        client.execute_cell(nb.cells[-1], len(nb.cells) - 1)
    kilobytes = int("".join(nb.cells[-1].outputs[0]["text"]).strip())
    return seconds, kilobytes / 1024


def suite_seconds(*marker):
    env = dict(os.environ, PATH=f"{pathlib.Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", *marker], cwd=ROOT,
                   env=env, check=False, capture_output=True)
    return time.perf_counter() - start


def run():
    rows = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        seconds, megabytes = execute(path)
        rows.append(Row(f"notebook {path.stem}: fresh kernel, top to bottom", f"{seconds:.1f} s",
                        budget="<= 15 s", ok=seconds <= SECONDS_BUDGET))
        rows.append(Row(f"notebook {path.stem}: kernel peak memory", f"{megabytes:.0f} MB",
                        budget="<= 300 MB", ok=megabytes <= MEMORY_BUDGET_MB))
    if os.environ.get("BENCH_SKIP_SUITE") != "1":
        fast = suite_seconds("-m", "not slow")
        rows.append(Row("test suite without the slow tests (browser, second nbval pass)", f"{fast:.0f} s",
                        budget="<= 90 s", ok=fast <= 90))
        full = suite_seconds()
        rows.append(Row("test suite, everything (as CI runs it)", f"{full:.0f} s",
                        budget="<= 300 s", ok=full <= 300))
    return rows
