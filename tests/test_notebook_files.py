"""The committed notebooks as files: what a reader on GitHub, Binder and nbval meet.

nbval re-runs the notebooks and compares outputs; these checks read the
stored files themselves, so they catch what a re-run cannot (a missing
output, a local path, a figure with no description, a missing exercise).
"""
import json
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
LOCAL_PATH = re.compile(r"/root/|/home/\w+/|/tmp/|site-packages|" + re.escape(str(ROOT)))
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]{6,}")


def load(path):
    return json.loads(path.read_text())


def text_of(output):
    parts = []
    if "text" in output:
        parts.append("".join(output["text"]))
    for key, value in output.get("data", {}).items():
        if key.startswith("text/") or key == "application/json":
            parts.append("".join(value) if isinstance(value, list) else str(value))
    return "\n".join(parts)


def source(cell):
    return "".join(cell["source"])


def test_there_are_notebooks():
    assert NOTEBOOKS and NOTEBOOKS[0].name == "01-computation-graphs.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_outputs_are_clean(path):
    assert path.stat().st_size < 1_000_000, "over the 1 MB budget"
    nb = load(path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    counts = [c["execution_count"] for c in code]
    assert None not in counts, "a code cell was not executed before saving"
    assert counts == list(range(1, len(code) + 1)), "not run top to bottom in a fresh kernel"
    for i, cell in enumerate(code):
        for output in cell["outputs"]:
            where = f"code cell {i}: {source(cell)[:60]!r}"
            assert output["output_type"] != "error", where
            assert output.get("name") != "stderr", f"{where} wrote to stderr: {text_of(output)[:200]}"
            assert not LOCAL_PATH.search(text_of(output)), f"{where} shows a local path"
            assert not ADDRESS.search(text_of(output)), f"{where} shows a memory address"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_ignored_outputs_say_why(path):
    """nbval only honours the marker alone on its line, so the reason is the next comment line."""
    for cell in load(path)["cells"]:
        lines = source(cell).splitlines()
        for i, line in enumerate(lines):
            if "NBVAL_IGNORE_OUTPUT" in line:
                assert line.strip() == "# NBVAL_IGNORE_OUTPUT", f"nbval ignores {line!r}"
                reason = lines[i + 1] if i + 1 < len(lines) else ""
                assert re.match(r"#\s*\S+", reason), "NBVAL_IGNORE_OUTPUT without a reason below it"
                assert re.search(r"tim|clock|second", reason, re.I), f"only timings may be ignored: {reason!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_code_cell_sets_up(path):
    first = next(c for c in load(path)["cells"] if c["cell_type"] == "code")
    assert "use_style()" in source(first)
    assert "import *" not in source(first)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_figure_is_followed_by_a_description(path):
    cells = load(path)["cells"]
    for i, cell in enumerate(cells):
        shows_image = cell["cell_type"] == "code" and any(
            "image/png" in o.get("data", {}) for o in cell["outputs"])
        if shows_image:
            following = cells[i + 1] if i + 1 < len(cells) else None
            assert following is not None and following["cell_type"] == "markdown", \
                f"figure from {source(cell)[:60]!r} is not followed by a description"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_ends_with_checked_exercises(path):
    """Two or more exercise headings; the cells of each are tested in test_exercises.py."""
    cells = load(path)["cells"]
    headings = [c for c in cells if c["cell_type"] == "markdown" and
                re.search(r"^###\s+Exercise", source(c), re.M)]
    answers = [c for c in cells if "answer" in c["metadata"].get("tags", [])]
    solutions = [c for c in cells if "solution" in c["metadata"].get("tags", [])]
    assert len(headings) >= 2, f"{len(headings)} exercises"
    assert len(answers) == len(solutions) >= len(headings)
    assert not any("student_source" in c["metadata"] for c in cells), \
        "metadata.student_source is gone: the shipped answer cell is the student version"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_assert_in_code_cells(path):
    """The learner reads no test scaffolding: values are printed, and tests/claims checks them."""
    for i, cell in enumerate(load(path)["cells"]):
        if cell["cell_type"] != "code":
            continue
        for line in source(cell).splitlines():
            assert not re.match(r"\s*assert\b", line), f"cell {i}: {line.strip()[:100]!r}"
