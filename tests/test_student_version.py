"""The student copies: the worked answers out, everything else as shipped.

The shipped notebooks already hold every answer cell as a stub and every
check's "Not yet" output (tests/test_exercises.py), and strict nbval runs
their code cells; a student copy has exactly those code cells, so it needs
no run of its own here.
"""
import hashlib
import pathlib
import subprocess
import sys

import nbformat
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from make_student_version import make_student_version, student_notebook  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def tree_hashes(folder):
    return {p.relative_to(folder): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def student(tmp_path_factory):
    """Student copies made once by the command line that run.py calls; originals hashed around it."""
    destination = tmp_path_factory.mktemp("student")
    before = tree_hashes(NOTEBOOKS)
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "make_student_version.py"),
                             str(destination)], capture_output=True, text=True, timeout=120)
    after = tree_hashes(NOTEBOOKS)
    assert result.returncode == 0, result.stderr
    return destination, before, after, result.stdout


# --- the transformation, on a small notebook made here -------------------------------------

def small_notebook():
    nb = nbformat.v4.new_notebook()
    answer = nbformat.v4.new_code_cell("x = ...  # your value of x", execution_count=2)
    answer.metadata = {"tags": ["answer"]}
    check = nbformat.v4.new_code_cell("check_x(x)", execution_count=3, outputs=[
        nbformat.v4.new_output("execute_result", {"text/plain": "Not yet: replace ... with x."},
                               execution_count=3)])
    solution = nbformat.v4.new_markdown_cell(
        "<details><summary>Worked answer</summary>\n\n```python\nx = 6.0\n```\n</details>")
    solution.metadata = {"tags": ["solution"]}
    other = nbformat.v4.new_code_cell("y = 1\ny", execution_count=1, outputs=[
        nbformat.v4.new_output("execute_result", {"text/plain": "1"}, execution_count=1)])
    nb.cells = [nbformat.v4.new_markdown_cell("### Exercise 1: x"), other, answer, check, solution]
    return nb


def test_solution_removed_everything_else_kept():
    nb = small_notebook()
    original = nbformat.writes(nb)
    student, counts = student_notebook(nb, "small.ipynb")
    assert counts == {"answers": 1, "solutions": 1}
    assert nbformat.writes(nb) == original, "the original notebook object was changed"
    assert student.cells == nb.cells[:4]
    assert "Worked answer" not in nbformat.writes(student) and "6.0" not in nbformat.writes(student)


@pytest.mark.parametrize("filled", ["x = 6.0", "def f(x):\n    return x ** 3"])
def test_an_answer_cell_that_is_not_a_stub_is_an_error(filled):
    nb = small_notebook()
    nb.cells[2].source = filled
    with pytest.raises(ValueError, match=r"small\.ipynb: cell 2 .*no `\.\.\.`"):
        student_notebook(nb, "small.ipynb")


def test_destination_inside_the_source_is_refused(tmp_path):
    with pytest.raises(ValueError, match="destination must be outside"):
        make_student_version(NOTEBOOKS / "student", NOTEBOOKS)
    with pytest.raises(ValueError, match="source must be a folder"):
        make_student_version(tmp_path / "out", tmp_path / "missing")


# --- the real notebooks -------------------------------------------------------------------

def test_originals_untouched_and_every_notebook_copied(student):
    destination, before, after, stdout = student
    assert before == after, "making the student version changed files in notebooks/"
    names = sorted(p.relative_to(NOTEBOOKS).as_posix()
                   for p in [*NOTEBOOKS.glob("[0-9]*.ipynb"), *NOTEBOOKS.glob("zh-CN/[0-9]*.ipynb")])
    assert sorted(p.relative_to(destination).as_posix()
                  for p in [*destination.glob("[0-9]*.ipynb"), *destination.glob("zh-CN/[0-9]*.ipynb")]) == names
    for name in names:
        assert name in stdout


def test_student_copies_keep_everything_but_the_worked_answers(student):
    destination = student[0]
    for path in sorted([*NOTEBOOKS.glob("[0-9]*.ipynb"), *NOTEBOOKS.glob("zh-CN/[0-9]*.ipynb")]):
        name = path.relative_to(NOTEBOOKS).as_posix()
        original = nbformat.read(path, as_version=4)
        copy = nbformat.read(destination / name, as_version=4)
        solutions = [c for c in original.cells if "solution" in tags(c)]
        assert solutions, f"{name} has no worked answers to remove"
        assert copy.cells == [c for c in original.cells if "solution" not in tags(c)], name
        assert "<summary>Worked answer" not in nbformat.writes(copy), name
        assert "<summary>参考答案" not in nbformat.writes(copy), name
