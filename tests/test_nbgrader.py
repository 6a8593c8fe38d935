"""The nbgrader course: every notebook an assignment, graded by the real nbgrader, offline.

The course folder is written by the command `python3 run.py nbgrader` runs
(tools/make_nbgrader_course.py), into a temporary folder. Then nbgrader, read
from that folder's nbgrader_config.py, releases every assignment and autogrades
three submissions: the worked answers typed in (full marks), the release as it is
(zero), and typical mistakes from the checks' own tables (those points lost, the
check's hint in the feedback). The round trip runs every notebook twice, so it is
marked slow; the transformation itself is tested on a small notebook first.
"""
import ast
import html
import json
import os
import pathlib
import re
import subprocess
import sys
import warnings

import nbformat
import pytest
import sqlalchemy.exc

os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from exercises import exercises, worked_answer  # noqa: E402
from make_nbgrader_course import BEGIN, COURSE_ID, END, POINTS, nbgrader_notebook  # noqa: E402
from make_student_version import student_notebook  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
ASSIGNMENTS = [path.stem for path in NOTEBOOKS]
MISTAKE_ASSIGNMENT = "05-four-equations"


def nbgrader(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


# --- the transformation, on a small notebook made here ------------------------------------

def small_notebook():
    nb = nbformat.v4.new_notebook()
    answer = nbformat.v4.new_code_cell("def cube(x):\n    ...  # your code")
    answer.metadata = {"tags": ["answer"]}
    check = nbformat.v4.new_code_cell("check_cube(cube)", execution_count=3, outputs=[
        nbformat.v4.new_output("execute_result", {"text/plain": "Not yet: cube is still a stub"},
                               execution_count=3)])
    solution = nbformat.v4.new_markdown_cell(
        "<details><summary>Worked answer</summary>\n\nThe power rule.\n\n"
        "```python\ndef cube(x):\n    return x ** 3, 3 * x ** 2\n```\n</details>")
    solution.metadata = {"tags": ["solution"]}
    value = nbformat.v4.new_code_cell("x = ...  # your value")
    value.metadata = {"tags": ["answer"]}
    value_check = nbformat.v4.new_code_cell("y = 2\ncheck_x(\n    x, y=y)")
    value_solution = nbformat.v4.new_markdown_cell(
        "<details><summary>Worked answer</summary>\n\n```python\nx = 6.0\n```\n</details>")
    value_solution.metadata = {"tags": ["solution"]}
    nb.cells = [nbformat.v4.new_markdown_cell("### Exercise 1"), answer, check, solution,
                value, value_check, value_solution]
    return nb


def test_exercises_become_solution_and_test_cells():
    nb = small_notebook()
    original = nbformat.writes(nb)
    version, grades = nbgrader_notebook(nb, "01-small.ipynb")
    assert nbformat.writes(nb) == original, "the original notebook object was changed"
    assert grades == [("cube-check", POINTS["function"]), ("x-check", POINTS["value"])]
    heading, answer, check, value, value_check = version.cells
    assert heading == nb.cells[0]
    assert answer.source == f"def cube(x):\n    ...  # your code\n{BEGIN}\n" \
                            f"def cube(x):\n    return x ** 3, 3 * x ** 2\n{END}"
    assert nbgrader(answer) == {"grade": False, "grade_id": "cube-answer", "locked": False,
                                "schema_version": 3, "solution": True, "task": False}
    assert answer.metadata["tags"] == ["answer"]
    assert check.source.splitlines() == [
        "result = check_cube(cube)",
        "assert result, result   # the points, only when the check says Correct",
        "result"]
    assert check.outputs == [] and check.execution_count is None
    assert nbgrader(check) == {"grade": True, "grade_id": "cube-check", "locked": True,
                               "points": POINTS["function"], "schema_version": 3,
                               "solution": False, "task": False}
    assert value_check.source.startswith("y = 2\nresult = check_x(\n    x, y=y)\nassert result")
    assert "Worked answer" not in nbformat.writes(version)
    nbformat.validate(version)


@pytest.mark.parametrize("change, message", [
    (lambda nb: nb.cells.pop(3), "needs a check cell and a worked answer"),
    (lambda nb: setattr(nb.cells[2], "source", "print(check_cube(cube))"), "should end with"),
    (lambda nb: setattr(nb.cells[5], "source", "check_cube(x)"), "grade ids must be unique"),
    (lambda nb: setattr(nb.cells[3], "source", "<details>\n\nno code\n</details>"), "exactly one"),
])
def test_an_incomplete_exercise_is_an_error(change, message):
    nb = small_notebook()
    change(nb)
    with pytest.raises(ValueError, match=message):
        nbgrader_notebook(nb, "01-small.ipynb")


# --- the real notebooks, through nbgrader ---------------------------------------------------

def run_tool(destination):
    return subprocess.run([sys.executable, str(ROOT / "tools" / "make_nbgrader_course.py"),
                           str(destination)], capture_output=True, text=True, timeout=300)


@pytest.mark.slow                # runs the tool on every notebook in a subprocess: 11 s
def test_every_notebook_becomes_an_assignment(tmp_path, monkeypatch):
    from traitlets.config.loader import PyFileConfigLoader
    result = run_tool(tmp_path / "course")
    assert result.returncode == 0, result.stderr
    course = tmp_path / "course"
    monkeypatch.setenv("PATH", os.environ["PATH"])          # the config adds the venv's programs
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    assert config.CourseDirectory.course_id == COURSE_ID
    assert config.CourseDirectory.db_url == f"sqlite:///{course.resolve() / 'gradebook.db'}"
    assert os.environ["PATH"].split(os.pathsep)[0] == os.path.dirname(sys.executable)
    for path in NOTEBOOKS:
        version = nbformat.read(course / "source" / path.stem / path.name, as_version=4)
        graded = [c for c in version.cells if nbgrader(c).get("grade")]
        solved = [c for c in version.cells if nbgrader(c).get("solution")]
        assert len(graded) == len(solved) == len(exercises(path)), path.name
        assert f"source/{path.stem}: {len(graded)} autograded checks" in result.stdout
    # A teacher's edited config is kept when the course is written again.
    (course / "nbgrader_config.py").write_text("c = get_config()\n# mine\n")
    assert run_tool(course).returncode == 0
    assert "# mine" in (course / "nbgrader_config.py").read_text()


def filled_in(release, answers):
    """The release with its solution cells replaced by `answers` (code, in order)."""
    nb = nbformat.from_dict(json.loads(json.dumps(release)))
    cells = [c for c in nb.cells if nbgrader(c).get("solution")]
    assert len(cells) == len(answers)
    for cell, code in zip(cells, answers):
        cell.source = code
    return nb


def typical_mistakes(answers):
    """Notebook 05 with two slips from the checks' own tables, and the hint each check gives.

    backprop without the hidden layer's sigma' (BP2), and BP1's delta without sigma'(z).
    The hints are what the checks say in this process; the feedback must show the same.
    """
    from helpers.activations import sigmoid, sigmoid_prime
    from helpers.checks.network import BACKPROP_MISTAKES, check_backprop, check_output_delta
    wrong = list(answers)
    slip = " * sigmoid_prime(zs[l - 1])"
    assert slip in wrong[0]
    wrong[0] = wrong[0].replace(slip, "")
    assert wrong[1] == "delta = (sigmoid(1.0) - 0.0) * sigmoid_prime(1.0)"
    wrong[1] = "delta = sigmoid(1.0) - 0.0"
    namespace = {"np": __import__("numpy"), "sigmoid": sigmoid, "sigmoid_prime": sigmoid_prime}
    exec(wrong[0] + "\n" + wrong[1], namespace)
    backprop_says = check_backprop(namespace["backprop"])
    delta_says = check_output_delta(namespace["delta"])
    assert not backprop_says and backprop_says.hint == BACKPROP_MISTAKES["hidden sigma' dropped"]
    assert not delta_says and "BP1 multiplies it by sigma'(z)" in delta_says.hint
    return wrong, {"backprop-check": backprop_says.hint, "output_delta-check": delta_says.hint}


def visible_text(page):
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def release_and_grade(folder):
    """Write the course to `folder`; nbgrader releases every assignment and autogrades
    three students; the feedback for the mistakes. Returns the API and {grade_id: hint}."""
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    result = run_tool(folder)
    assert result.returncode == 0, result.stderr
    # The first release by the command a teacher types, the venv not activated: the config
    # finds the `alembic` program nbgrader runs to make the gradebook.
    scripts = str(pathlib.Path(sys.executable).parent)
    bare = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if p != scripts)
    command = subprocess.run([os.path.join(scripts, "nbgrader"), "generate_assignment",
                              ASSIGNMENTS[0]], cwd=folder, capture_output=True, text=True,
                             timeout=600, env=dict(os.environ, PATH=bare))
    assert command.returncode == 0 and (folder / "gradebook.db").exists(), command.stderr[-3000:]
    config = PyFileConfigLoader("nbgrader_config.py", path=str(folder)).load_config()
    api = NbGraderAPI(config=config)
    assert pathlib.Path(api.coursedir.root) == folder.resolve()

    def ok(outcome, what):
        assert outcome["success"], \
            f"{what}: {outcome.get('error')}\n{outcome.get('log', '')[-3000:]}"

    mistakes = {}
    for path in NOTEBOOKS:
        assignment = path.stem
        if assignment != ASSIGNMENTS[0]:
            ok(api.generate_assignment(assignment), f"generate_assignment {assignment}")
        release = nbformat.read(folder / "release" / assignment / path.name, as_version=4)
        answers = [worked_answer(e.solution).rstrip("\n") for e in exercises(path)]
        submissions = {"answers": filled_in(release, answers), "blank": release}
        if assignment == MISTAKE_ASSIGNMENT:
            wrong, mistakes = typical_mistakes(answers)
            submissions["mistake"] = filled_in(release, wrong)
        for student, nb in submissions.items():
            submitted = folder / "submitted" / student / assignment
            submitted.mkdir(parents=True)
            nbformat.write(nb, submitted / path.name)
            ok(api.autograde(assignment, student), f"autograde {assignment} for {student}")
    # The feedback, by the command a teacher types, from the course folder.
    command = subprocess.run([os.path.join(scripts, "nbgrader"), "generate_feedback",
                              MISTAKE_ASSIGNMENT],
                             cwd=folder, capture_output=True, text=True, timeout=600)
    assert command.returncode == 0, command.stderr[-3000:]
    return api, mistakes


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nbgrader") / "course"
    with pytest.MonkeyPatch.context() as patch, warnings.catch_warnings():
        # nbgrader 0.9.6's gradebook makes SQLAlchemy 2 warn ("SubmittedAssignment not in
        # session"); the nbgrader command only prints it, pytest's RuntimeWarning filter
        # (pyproject.toml) would make it an error.
        warnings.simplefilter("ignore", sqlalchemy.exc.SAWarning)
        # Loading nbgrader_config.py here puts the venv's programs first on PATH (see the
        # config): undone after.
        patch.setenv("PATH", os.environ["PATH"])
        api, mistakes = release_and_grade(folder)
    return folder, api, mistakes


def score(api, assignment, student):
    """{grade_id: (score, max_score)} of one autograded submission, from the gradebook."""
    from nbgrader.api import Gradebook
    with Gradebook(api.coursedir.db_url) as gradebook:
        notebook = gradebook.find_submission_notebook(assignment, assignment, student)
        return {grade.name: (grade.score, grade.max_score) for grade in notebook.grades}


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_release_holds_no_worked_answer(course, path):
    folder = course[0]
    release = nbformat.read(folder / "release" / path.stem / path.name, as_version=4)
    student, _ = student_notebook(nbformat.read(path, as_version=4), path.name)
    text, student_text = nbformat.writes(release), nbformat.writes(student)
    for marker in (BEGIN, END, "<details", "<summary>Worked answer"):
        assert marker not in text, f"{path.stem}: the release holds {marker!r}"
    for exercise in exercises(path):
        for line in worked_answer(exercise.solution).splitlines():
            if line.strip() and line.strip() not in student_text:
                assert line.strip() not in text, \
                    f"{path.stem}: the release gives away {line.strip()!r}"
    # Apart from the graded cells, the release is the student copy (stored outputs too).
    assert len(release.cells) == len(student.cells)
    for ours, theirs in zip(release.cells, student.cells):
        if nbgrader(ours).get("solution"):
            assert ours.source.rstrip() == theirs.source.rstrip(), "the learner's stub, as shipped"
        elif nbgrader(ours).get("grade"):
            call = ast.unparse(ast.parse(theirs.source).body[-1])
            assert f"result = {call}\nassert result, result" in ours.source
        else:
            assert (ours.source, ours.get("outputs")) == (theirs.source, theirs.get("outputs"))


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_worked_answers_get_full_marks_and_a_blank_gets_zero(course, path):
    folder, api, _ = course
    answers, blank = score(api, path.stem, "answers"), score(api, path.stem, "blank")
    release = nbformat.read(folder / "release" / path.stem / path.name, as_version=4)
    graded = {nbgrader(c)["grade_id"] for c in release.cells if nbgrader(c).get("grade")}
    assert set(answers) == graded
    for grade_id, (got, most) in answers.items():
        assert most > 0 and got == most, \
            f"{path.stem}: the worked answer scores {got}/{most} at {grade_id}"
    assert all(got == 0 for got, _ in blank.values()), \
        f"{path.stem}: a blank submission scores {blank}"


@pytest.mark.slow
def test_a_typical_mistake_loses_its_points_and_the_feedback_gives_the_hint(course):
    folder, api, mistakes = course
    graded = score(api, MISTAKE_ASSIGNMENT, "mistake")
    for grade_id, (got, most) in graded.items():
        assert got == (0 if grade_id in mistakes else most), (grade_id, got, most)
    page = (folder / "feedback" / "mistake" / MISTAKE_ASSIGNMENT / f"{MISTAKE_ASSIGNMENT}.html")
    shown = visible_text(page.read_text(encoding="utf-8"))
    for grade_id, hint in mistakes.items():
        assert hint in shown, f"the feedback does not show {grade_id}'s hint {hint!r}"
