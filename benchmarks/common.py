"""Timing and reporting shared by every benchmark module."""
import gc
import importlib.util
import pathlib
import statistics
import time
from dataclasses import dataclass


@dataclass
class Row:
    """One line of the results table.

    what   -- what was measured
    median -- the median, as text with its unit ("12.3 ms")
    ratio  -- a ratio to a baseline, as text ("7.4x"), or ""
    budget -- the budget it is held to, as text, or ""
    ok     -- True/False when there is a budget, None when not
    """
    what: str
    median: str
    ratio: str = ""
    budget: str = ""
    ok: object = None


def times(fn, repeat=50, warmup=1):
    """Seconds per call of fn(), `repeat` times, after `warmup` untimed calls."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def median(samples):
    return statistics.median(samples)


def ms(seconds):
    return f"{seconds * 1e3:.2f} ms"


def panel_update_times(panel, moves):
    """Kernel-side time of each slider move: update the artists and render the canvas.

    moves -- a list of {control name: value}; each is applied as a learner would,
    by setting the widget's value, which runs the panel's observer. Under Agg
    the observer's draw_idle() renders at once, so the time includes one full
    render, as the kernel pays for it under ipympl.
    """
    samples = []
    for move in moves:
        start = time.perf_counter()
        for name, value in move.items():
            panel.controls[name].value = value
        samples.append(time.perf_counter() - start)
    gc.collect()
    return samples


def browser_support():
    """The browser tests' conftest.py as a module: LabServer, find_chromium, CHROMIUM_ARGS,
    LAB_SETTINGS (the benchmarks drive JupyterLab as the browser tests do)."""
    path = pathlib.Path(__file__).resolve().parents[1] / "tests" / "browser" / "conftest.py"
    spec = importlib.util.spec_from_file_location("_browser_support", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
