"""Write an nbgrader course folder: each notebook becomes a source assignment.

    python tools/make_nbgrader_course.py                 # notebooks/ -> nbgrader-course/
    python tools/make_nbgrader_course.py DEST            # notebooks/ -> DEST/
    python tools/make_nbgrader_course.py DEST --source SOME/FOLDER

For every exercise (see tools/exercises.py) of a notebook NN-name.ipynb, the
source assignment source/NN-name/NN-name.ipynb has:
- the answer cell as an nbgrader solution cell: the learner's stub as shipped,
  then the worked answer between `### BEGIN SOLUTION` and `### END SOLUTION`,
  taken from the worked answer's one fenced block (the answer exists once);
- the check cell as a locked, autograded test cell worth points
  (`assert result, result`: a check's result is truthy only when it is right,
  and the failed assertion shows its "Not yet" message and hint);
- the collapsed "Worked answer" cell left out: the solution region replaces it.
Every other cell is copied as it is, stored outputs too.

nbgrader_config.py is written with the course id, the gradebook inside the course
folder, an empty code stub (so `nbgrader generate_assignment` leaves the learner's
own stub in the release) and the stored outputs kept. An existing config is kept.
Assignments already in the folder are replaced; release/, submitted/, autograded/,
feedback/ and the gradebook are left alone. The original notebooks are only read.
"""
import argparse
import ast
import pathlib
import shutil
import sys

import nbformat

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from exercises import exercises, notebook_folders, source, worked_answer  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
COURSE_ID = "backprop-notebooks"
POINTS = {"function": 2, "value": 1}     # writing a function is worth more than one number
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"

__all__ = ["nbgrader_notebook", "make_nbgrader_course", "CONFIG", "COURSE_ID", "POINTS"]

CONFIG = '''\
"""nbgrader configuration of this course folder (written by `python3 run.py nbgrader`).

Run every nbgrader command from this folder, e.g.
    nbgrader generate_assignment 05-four-equations
"""
import os
import pathlib
import sys

c = get_config()  # noqa: F821 - provided by nbgrader
here = pathlib.Path(__file__).resolve().parent

# nbgrader makes its gradebook by running the `alembic` program: find it beside this Python,
# also when the virtual environment is not activated (`../.venv/bin/nbgrader ...`).
os.environ["PATH"] = os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")])

c.CourseDirectory.course_id = "{course_id}"
c.CourseDirectory.root = str(here)
c.CourseDirectory.db_url = f"sqlite:///{{here / 'gradebook.db'}}"

# A solution region is replaced by nothing: the answer cell keeps the learner's stub
# (`...`), written above the region, as the notebooks ship it.
c.ClearSolutions.code_stub = {{"python": ""}}
# The released notebooks keep their stored outputs (figures, the panels' still images),
# like the notebooks themselves; autograding runs every cell again anyway.
c.ClearOutput.enabled = False
# Autograding runs each notebook top to bottom; give a cell two minutes on a busy machine
# (nbgrader's default is 30 s).
c.Execute.timeout = 120
'''


def _check_call(check, name):
    """(the lines before the check call, the call's source, the check's function name)."""
    text = source(check)
    tree = ast.parse(text)
    last = tree.body[-1] if tree.body else None
    if not (isinstance(last, ast.Expr) and isinstance(last.value, ast.Call)
            and isinstance(last.value.func, ast.Name) and last.value.func.id.startswith("check_")):
        raise ValueError(f"{name}: the check cell should end with a check_...(...) call:\n{text}")
    before = "".join(text.splitlines(True)[:last.lineno - 1])
    return before, ast.get_source_segment(text, last.value), last.value.func.id


def _defines_function(code):
    return any(isinstance(node, ast.FunctionDef) for node in ast.parse(code).body)


def nbgrader_notebook(nb, name="notebook"):
    """Return the nbgrader source version of `nb` (nbformat v4) and its grade cells.

    The grade cells are [(grade_id of the test cell, points)], in order. Raises
    ValueError, naming the notebook and exercise, when an exercise is incomplete.
    """
    copy = nbformat.from_dict(nbformat.from_dict(nb))   # deep copy, nb stays as it was
    found = exercises(copy, pathlib.Path(name).name[:2])
    if not found:
        raise ValueError(f"{name}: no exercise (no `answer`-tagged cell)")
    drop, grades = set(), []
    for exercise in found:
        if exercise.check is None or exercise.solution is None:
            raise ValueError(f"{exercise.name}: an exercise needs a check cell and a worked answer")
        code = worked_answer(exercise.solution).rstrip("\n")
        before, call, check_name = _check_call(exercise.check, exercise.name)
        grade_id = check_name[len("check_"):]
        if grade_id in (g for g, _ in grades):
            raise ValueError(f"{name}: {check_name} grades two exercises; grade ids must be unique")
        points = POINTS["function" if _defines_function(code) else "value"]

        answer = exercise.answer
        answer.source = f"{source(answer).rstrip()}\n{BEGIN}\n{code}\n{END}"
        answer.outputs, answer.execution_count = [], None
        answer.metadata["nbgrader"] = {"grade": False, "grade_id": f"{grade_id}-answer",
                                       "locked": False, "schema_version": 3, "solution": True,
                                       "task": False}
        check = exercise.check
        check.source = (f"{before}result = {call}\n"
                        f"assert result, result   # the points, only when the check says Correct\n"
                        f"result")
        check.outputs, check.execution_count = [], None
        check.metadata["nbgrader"] = {"grade": True, "grade_id": f"{grade_id}-check",
                                      "locked": True, "points": points, "schema_version": 3,
                                      "solution": False, "task": False}
        drop.add(id(exercise.solution))
        grades.append((grade_id, points))
    copy.cells = [cell for cell in copy.cells if id(cell) not in drop]
    return copy, [(f"{g}-check", p) for g, p in grades]


def make_nbgrader_course(destination, source_folder=ROOT / "notebooks", course_id=COURSE_ID):
    """Write nbgrader_config.py (unless there is one) and source/NN-name/NN-name.ipynb per notebook.

    Returns {assignment: [(grade_id, points)]}.
    """
    source_folder, destination, paths = notebook_folders(source_folder, destination)
    if not paths:
        raise ValueError(f"no numbered notebooks in {source_folder}")
    versions = {}
    for path in paths:             # all converted before anything is written
        versions[path] = nbgrader_notebook(nbformat.read(path, as_version=4), path.name)
    destination.mkdir(parents=True, exist_ok=True)
    config = destination / "nbgrader_config.py"
    if not config.exists():
        config.write_text(CONFIG.format(course_id=course_id), encoding="utf-8")
    report = {}
    for path, (nb, grades) in versions.items():
        assignment = destination / "source" / path.stem
        if assignment.exists():
            shutil.rmtree(assignment)
        assignment.mkdir(parents=True)
        nbformat.validate(nb)
        nbformat.write(nb, assignment / path.name)
        report[path.stem] = grades
    return report


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("destination", nargs="?", default=str(ROOT / "nbgrader-course"),
                        help="the course folder (default: nbgrader-course/)")
    parser.add_argument("--source", default=str(ROOT / "notebooks"),
                        help="folder of the original notebooks (default: notebooks/)")
    parser.add_argument("--course-id", default=COURSE_ID, help=f"default: {COURSE_ID}")
    args = parser.parse_args(argv)
    try:
        report = make_nbgrader_course(args.destination, args.source, args.course_id)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for assignment, grades in report.items():
        print(f"source/{assignment}: {len(grades)} autograded checks, "
              f"{sum(p for _, p in grades)} points")
    print(f"nbgrader course written to {args.destination}\n"
          "Next, from that folder: nbgrader generate_assignment ASSIGNMENT")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
