"""Outputs are reproducible: a second strict nbval pass over every notebook, in the same CI run.

The main pytest run already compared each notebook's re-executed outputs with
the stored ones; this runs the same comparison again in a fresh process, so a
notebook whose outputs depend on state left over from a previous run (a cache,
a random seed drawn from the clock, a file written by the notebook) fails.
"""
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_second_strict_nbval_pass():
    env = dict(os.environ, PATH=f"{pathlib.Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "notebooks"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
