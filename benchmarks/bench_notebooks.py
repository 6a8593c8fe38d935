"""Each notebook executed in a fresh kernel (time and the kernel's own peak memory), and the test suite.

The peak is VmHWM, read from /proc/self/status inside the kernel after its last
cell: the kernel process's own high-water mark of resident memory. (Not
ru_maxrss: on Linux it survives exec, so a kernel started from this process
would report this process's peak.) Where the notebook imported scipy.optimize
(about 40 MB by itself), found in the kernel's sys.modules, the budget is larger.
"""
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient

from benchmarks.common import Row

ROOT = pathlib.Path(__file__).resolve().parents[1]
SECONDS_BUDGET = 15.0
MEMORY_BUDGET_MB = 150.0
MEMORY_BUDGET_SCIPY_MB = 180.0          # where scipy.optimize is imported
PEAK = ("import sys\n"
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]\n"
        "print(hwm, 'scipy.optimize' in sys.modules)")


def execute(path):
    """Seconds to run every cell in a fresh kernel, its VmHWM in MB, and whether scipy.optimize loaded."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PEAK))
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    with client.setup_kernel():
        start = time.perf_counter()
        for index, cell in enumerate(nb.cells[:-1]):
            client.execute_cell(cell, index)
        seconds = time.perf_counter() - start
        client.execute_cell(nb.cells[-1], len(nb.cells) - 1)
    kilobytes, scipy_optimize = "".join(nb.cells[-1].outputs[0]["text"]).split()
    return seconds, int(kilobytes) / 1024, scipy_optimize == "True"


def suite_run(*marker):
    """Seconds the test suite takes, and pytest's summary line (what passed, failed, skipped)."""
    env = dict(os.environ, PATH=f"{pathlib.Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "2", *marker], cwd=ROOT, env=env,
                          check=False, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    log = pathlib.Path(tempfile.gettempdir()) / f"bench-suite{'-fast' if marker else ''}.log"
    log.write_text(done.stdout + done.stderr)
    print(f"pytest's output: {log}", file=sys.stderr, flush=True)
    lines = [l.strip("= ") for l in done.stdout.splitlines() if re.search(r" (passed|failed)", l)]
    return seconds, (lines[-1] if lines else f"pytest exited {done.returncode}"), done.returncode == 0


def run():
    rows = []
    notebooks = ROOT / "notebooks"
    for path in [*sorted(notebooks.glob("[0-9][0-9]-*.ipynb")),           # English, then the zh-CN edition
                 *sorted((notebooks / "zh-CN").glob("[0-9][0-9]-*.ipynb"))]:
        name = path.relative_to(notebooks).with_suffix("").as_posix()
        seconds, megabytes, scipy_optimize = execute(path)
        budget = MEMORY_BUDGET_SCIPY_MB if scipy_optimize else MEMORY_BUDGET_MB
        rows.append(Row(f"notebook {name}: fresh kernel, top to bottom", f"{seconds:.1f} s",
                        budget="<= 15 s", ok=seconds <= SECONDS_BUDGET))
        rows.append(Row(f"notebook {name}: kernel peak memory (VmHWM"
                        f"{', imports scipy.optimize' if scipy_optimize else ''})",
                        f"{megabytes:.0f} MB", budget=f"<= {budget:g} MB", ok=megabytes <= budget))
    if os.environ.get("BENCH_SKIP_SUITE") != "1":
        # as `python3 run.py test` runs them: on two cores
        for what, marker, budget in (("test suite without the slow tests", ("-m", "not slow"), 90),
                                     ("test suite, everything (as CI runs it)", (), 1200)):
            seconds, summary, passed = suite_run(*marker)
            rows.append(Row(f"{what}: {summary}", f"{seconds:.0f} s",
                            budget=f"<= {budget} s, all pass", ok=passed and seconds <= budget))
    return rows
