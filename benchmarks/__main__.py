"""Run every benchmark, print one Markdown table, exit non-zero if a budget is missed.

    python -m benchmarks            # everything
    python -m benchmarks panels     # only modules whose name contains "panels"
"""
import importlib
import os
import pathlib
import platform
import sys

import matplotlib

matplotlib.use("Agg")


def versions():
    names = ["numpy", "matplotlib", "ipywidgets", "ipympl", "scipy", "sklearn"]
    out = []
    for name in names:
        try:
            out.append(f"{name} {importlib.import_module(name).__version__}")
        except ImportError:
            pass
    return ", ".join(out)


def main(filters):
    here = pathlib.Path(__file__).parent
    modules = sorted(p.stem for p in here.glob("bench_*.py"))
    modules = [m for m in modules if not filters or any(f in m for f in filters)]
    rows = []
    for name in modules:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows.extend(importlib.import_module(f"benchmarks.{name}").run())
    print(f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}; "
          f"{versions()}\n")
    print("| what | median | ratio | budget | met |")
    print("|---|---|---|---|---|")
    for r in rows:
        met = "" if r.ok is None else ("yes" if r.ok else "**NO**")
        print(f"| {r.what} | {r.median} | {r.ratio} | {r.budget} | {met} |")
    missed = [r.what for r in rows if r.ok is False]
    if missed:
        print(f"\nBudgets missed: {', '.join(missed)}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
