"""The student copies: worked answers out, checks kept, and a check on `...` says "Not yet"."""
import ast
import asyncio
import concurrent.futures
import builtins
import hashlib
import pathlib
import re
import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from make_student_version import make_student_version, student_notebook  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
EXERCISE_HEADING = re.compile(r"^###\s+Exercise\b", re.MULTILINE)
CHECK_CALL = re.compile(r"\bcheck_\w+\s*\(")


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
    answer = nbformat.v4.new_code_cell("x = 6.0", execution_count=2, outputs=[
        nbformat.v4.new_output("stream", name="stdout", text="6.0\n")])
    answer.metadata = {"tags": ["answer"], "student_source": "x = ...  # your value of x"}
    check = nbformat.v4.new_code_cell("check_x(x)", execution_count=3, outputs=[
        nbformat.v4.new_output("execute_result", {"text/plain": "Correct: x = 6."},
                               execution_count=3)])
    solution = nbformat.v4.new_markdown_cell("<details><summary>Worked answer</summary>6</details>")
    solution.metadata = {"tags": ["solution"]}
    other = nbformat.v4.new_code_cell("y = 1\ny", execution_count=1, outputs=[
        nbformat.v4.new_output("execute_result", {"text/plain": "1"}, execution_count=1)])
    nb.cells = [nbformat.v4.new_markdown_cell("### Exercise 1: x"), other, answer, check, solution]
    return nb


def test_answer_blanked_solution_removed_outputs_cleared():
    nb = small_notebook()
    original = nbformat.writes(nb)
    student, counts = student_notebook(nb, "small.ipynb")
    assert counts == {"answers": 1, "solutions": 1}
    assert nbformat.writes(nb) == original, "the original notebook object was changed"
    heading, other, answer, check = student.cells
    assert answer.source == "x = ...  # your value of x"
    assert "student_source" not in answer.metadata and tags(answer) == ["answer"]
    assert answer.outputs == [] and answer.execution_count is None
    assert check.source == "check_x(x)" and check.outputs == [] and check.execution_count is None
    assert other == nb.cells[1], "a cell outside the exercises changed"
    assert "Worked answer" not in nbformat.writes(student)


def test_answer_cell_without_student_source_is_an_error():
    nb = small_notebook()
    del nb.cells[2].metadata["student_source"]
    with pytest.raises(ValueError, match=r"small\.ipynb: cell 2 .*student_source"):
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
    names = sorted(p.name for p in NOTEBOOKS.glob("[0-9]*.ipynb"))
    assert sorted(p.name for p in destination.glob("[0-9]*.ipynb")) == names
    for name in names:
        assert name in stdout


def test_student_copies_keep_everything_but_the_answers(student):
    destination = student[0]
    for path in sorted(NOTEBOOKS.glob("[0-9]*.ipynb")):
        original = nbformat.read(path, as_version=4)
        copy = nbformat.read(destination / path.name, as_version=4)
        kept = [c for c in original.cells if "solution" not in tags(c)]
        assert len(copy.cells) == len(kept), path.name
        for old, new in zip(kept, copy.cells):
            if "answer" in tags(old):
                assert new.source == old.metadata["student_source"], path.name
                assert "..." in new.source, f"{path.name}: a blanked answer without `...`"
                assert not new.outputs
            elif new.cell_type == "code" and CHECK_CALL.search(new.source):
                assert new.source == old.source and not new.outputs, path.name
            else:
                assert new == old, f"{path.name}: a cell outside the exercises changed"
        assert "Worked answer" not in nbformat.writes(copy), path.name


def names_bound_and_used(source):
    code = "\n".join(line for line in source.splitlines()
                     if not line.lstrip().startswith(("%", "!")))
    bound, used = set(), set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Name):
            (used if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
    return bound, used


def exercise_cells(nb):
    """The first code cell and the exercises' code cells, or None if they need more.

    Running only the exercises keeps the test fast. Exercises that use a name
    defined in the body of the notebook (a trained network, say) return None:
    the slow test runs those notebooks whole.
    """
    code = [c for c in nb.cells if c.cell_type == "code"]
    start = next((i for i, c in enumerate(nb.cells)
                  if c.cell_type == "markdown" and EXERCISE_HEADING.search(c.source)), 0)
    cells = code[:1] + [c for c in nb.cells[start:] if c.cell_type == "code"]
    bound, used = set(dir(builtins)), set()
    for cell in cells:
        cell_bound, cell_used = names_bound_and_used(cell.source)
        bound |= cell_bound
        used |= cell_used
    return cells if used <= bound else None


async def execute_all(jobs, parallel=2):
    """Run each (name, notebook) in a fresh kernel, two at a time; name -> error or None."""
    gate = asyncio.Semaphore(parallel)

    async def one(name, nb, folder):
        async with gate:
            client = NotebookClient(nb, timeout=120, kernel_name="python3",
                                    resources={"metadata": {"path": str(folder)}})
            try:
                await client.async_execute()
            except CellExecutionError as error:
                text = re.sub(r"\x1b\[[0-9;]*m", "", str(error))
                cell = text.split("------------------")[1].strip() if "----" in text else "?"
                return name, f"{error.ename}: {error.evalue} in the cell {cell!r}"
            return name, None

    return dict(await asyncio.gather(*(one(*job) for job in jobs)))


def run_student_copies(folder, whole):
    """Run the student copies with answer cells (only their exercises, or whole) and check them."""
    jobs, checks = [], {}
    for path in sorted(folder.glob("[0-9]*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        if not any("answer" in tags(c) for c in nb.cells):
            continue                                 # nothing was blanked: nbval runs it already
        cells = exercise_cells(nb)
        if whole == (cells is not None):
            continue
        nb.cells = cells or nb.cells
        checks[path.name] = [c for c in nb.cells
                             if c.cell_type == "code" and CHECK_CALL.search(c.source)]
        jobs.append((path.name, nb, folder))
    if not jobs:
        pytest.skip("no student copy of this kind")
    # In a thread of its own: the browser test's Playwright (sync API) may leave an
    # event loop running in this one, and asyncio.run refuses to nest.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        errors = pool.submit(asyncio.run, execute_all(jobs)).result()
    crashed = {name: error for name, error in errors.items() if error}
    assert not crashed, f"student copies that crash instead of saying 'Not yet': {crashed}"
    for name, cells in checks.items():
        assert cells, f"{name}: answer cells but no check_...() call"
        for cell in cells:
            verdict = "".join(o.get("text", "") or o.get("data", {}).get("text/plain", "")
                              for o in cell.outputs)
            assert verdict.lstrip("'\"").startswith("Not yet"), \
                f"{name}: {cell.source!r} on `...` printed {verdict[:200]!r}"
    return sorted(checks)


def test_student_exercises_run_and_checks_say_not_yet(student):
    """Exercises that need only the first cell: just those cells, in a fresh kernel each."""
    run_student_copies(student[0], whole=False)


@pytest.mark.slow
def test_student_copies_needing_the_whole_notebook_run(student):
    """Exercises that use the notebook's results (a trained network): the whole copy runs."""
    run_student_copies(student[0], whole=True)
