"""The collection's benchmarks: `python -m benchmarks` (or `python3 run.py bench`).

Each `benchmarks/bench_*.py` module has a `run()` returning a list of `Row`s,
measured in this one process so that ratios compare like with like.
"""
