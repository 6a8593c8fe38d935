"""Run the benchmarks, print one Markdown table, exit 1 if a budget is missed.

A full run (no NAME filter) also writes the table to benchmarks/RESULTS.md,
which holds this script's output and nothing else. The browser benchmark
(Chromium and a JupyterLab server, minutes) and the hub benchmark (a
JupyterHub and a class of 30) run only when named or with --all.
"""
import argparse
import datetime
import importlib
import os
import pathlib
import platform
import sys

import matplotlib

matplotlib.use("Agg")

HERE = pathlib.Path(__file__).parent
RESULTS = HERE / "RESULTS.md"
ON_REQUEST = {"bench_browser", "bench_hub"}   # slow: only by name or with --all


def modules():
    return sorted(p.stem for p in HERE.glob("bench_*.py"))


def versions():
    out = []
    for name in ["numpy", "matplotlib", "ipywidgets", "ipympl", "scipy", "sklearn"]:
        try:
            out.append(f"{name} {importlib.import_module(name).__version__}")
        except ImportError:
            pass
    return ", ".join(out)


def parse(argv):
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="modules: " + ", ".join(m.removeprefix("bench_") for m in modules())
        + "\nexample: python -m benchmarks network notebooks")
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help="run only the modules whose name contains NAME")
    parser.add_argument("--skip-suite", action="store_true",
                        help="do not time the test suite (the notebooks module runs it otherwise)")
    parser.add_argument("--all", action="store_true",
                        help="also run the benchmarks that run only on request (browser)")
    parser.add_argument("--no-write", action="store_true",
                        help="print only; do not write benchmarks/RESULTS.md after a full run")
    return parser.parse_args(argv)


def table(rows):
    lines = ["| what | median | ratio | budget | met |", "|---|---|---|---|---|"]
    for r in rows:
        met = "" if r.ok is None else ("yes" if r.ok else "**NO**")
        lines.append(f"| {r.what} | {r.median} | {r.ratio} | {r.budget} | {met} |")
    return lines


def main(argv):
    args = parse(argv)
    if args.skip_suite:
        os.environ["BENCH_SKIP_SUITE"] = "1"
    if args.names:
        names = [m for m in modules() if any(f in m for f in args.names)]
    else:
        names = [m for m in modules() if args.all or m not in ON_REQUEST]
    left_out = sorted(set(modules()) - set(names)) if not args.names else []
    if not names:
        print(f"no benchmark module matches {args.names}; modules: {', '.join(modules())}",
              file=sys.stderr)
        return 2
    rows = []
    for name in names:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows.extend(importlib.import_module(f"benchmarks.{name}").run())
    missed = [r.what for r in rows if r.ok is False]
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    command = " ".join(["python -m benchmarks", *argv])
    lines = [f"Output of `{command}`.", "",
             f"Run {now}. Machine: {os.cpu_count()} cores, {platform.machine()}, "
             f"Python {platform.python_version()}; {versions()}; load average at the end "
             f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}.", "", *table(rows), "",
             f"Budgets missed: {', '.join(missed)}." if missed else "Every budget met.",
             *(["The test suite was not timed (--skip-suite)."] if args.skip_suite else []),
             *([f"Not run (on request only): {', '.join(left_out)}."] if left_out else [])]
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.names and not args.no_write:
        RESULTS.write_text("# Benchmark results\n\n" + text)
        print(f"wrote {RESULTS}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
