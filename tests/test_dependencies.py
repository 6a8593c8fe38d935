"""Dependencies are declared where they are used, and pinned the same everywhere."""
import ast
import json
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[1]
# import name -> distribution name, where they differ
DISTRIBUTION = {"sklearn": "scikit-learn", "IPython": "ipython"}


def pins(path):
    lines = [line.strip() for line in path.read_text().splitlines()]
    return sorted(line for line in lines if line and not line.startswith("#"))


def top_level_imports(code):
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def third_party(names):
    return {n for n in names if n not in sys.stdlib_module_names and n not in {"helpers", "benchmarks"}}


def normalise(name):
    return re.sub(r"[-_.]+", "-", DISTRIBUTION.get(name, name)).lower()


def requirement_names(lines):
    return {normalise(re.split(r"[=<>~!\[ ]", line)[0]) for line in lines if not line.startswith("-")}


def test_every_requirement_is_pinned_and_binder_matches():
    top = pins(ROOT / "requirements.txt")
    assert all("==" in line for line in top if not line.startswith("-e")), "unpinned requirement"
    assert "-e ." in top
    assert top == pins(ROOT / "binder" / "requirements.txt")
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"


def test_helpers_imports_are_declared_in_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = requirement_names(project["dependencies"])
    used = set()
    for path in (ROOT / "helpers").rglob("*.py"):
        used |= third_party(top_level_imports(path.read_text()))
    missing = {normalise(n) for n in used} - declared
    assert not missing, f"helpers import {missing}, not in pyproject.toml dependencies"


def test_notebook_imports_are_in_requirements():
    required = requirement_names(pins(ROOT / "requirements.txt"))
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text())["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        code = "\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("%", "!")))
        missing = {normalise(n) for n in third_party(top_level_imports(code))} - required
        assert not missing, f"{path.name} imports {missing}, not in requirements.txt"


def test_every_benchmark_module_imports():
    """`python -m benchmarks` is not run by CI (timings are noisy), so at least import it all."""
    import importlib
    for path in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        assert callable(importlib.import_module(f"benchmarks.{path.stem}").run)
