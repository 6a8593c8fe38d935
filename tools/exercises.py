"""The exercises of a notebook, as the tests and the classroom tools read them.

An exercise is three cells, in this order:
- an `answer`-tagged code cell that ships as a stub (`...`) for the learner;
- the next code cell calling `check_...(...)`, whose stored output is its "Not yet";
- a markdown cell tagged `solution`: a collapsed `<details>` holding exactly one
  fenced python block, the single source of the worked answer.

tests/test_exercises.py checks that every notebook keeps this shape and that each
worked answer passes its check; tools/make_student_version.py drops the worked
answers; tools/make_nbgrader_course.py turns them into nbgrader solutions.
"""
import json
import pathlib
import re
from typing import NamedTuple, Optional

__all__ = ["Exercise", "exercises", "worked_answer", "source", "tags", "notebook_folders",
           "FENCE", "ANY_FENCE", "CHECK_CALL"]

FENCE = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
ANY_FENCE = re.compile(r"^```", re.M)
CHECK_CALL = re.compile(r"\bcheck_\w+\(")


class Exercise(NamedTuple):
    name: str                  # "05-cell31": the notebook's number and the answer cell's index
    answer: dict               # the `answer`-tagged code cell
    check: Optional[dict]      # the first later code cell calling check_...(...), if any
    solution: Optional[dict]   # the `solution`-tagged cell after the check, if any


def source(cell):
    """A cell's source as one string (stored notebooks keep it as a list of lines)."""
    return "".join(cell["source"])


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def exercises(notebook, prefix=None):
    """The exercises of `notebook`: a path to a .ipynb file, or a notebook (dict or nbformat).

    `prefix` starts each exercise's name; by default the file name's first two characters.
    """
    if isinstance(notebook, (str, pathlib.Path)):
        path = pathlib.Path(notebook)
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        prefix = path.name[:2] if prefix is None else prefix
    else:
        cells = notebook["cells"]
    found = []
    for i, cell in enumerate(cells):
        if "answer" not in tags(cell):
            continue
        check = solution = None
        for later in cells[i + 1:]:
            if "answer" in tags(later):
                break
            if check is None and later["cell_type"] == "code" and CHECK_CALL.search(source(later)):
                check = later
            if check is not None and "solution" in tags(later):
                solution = later
                break
        found.append(Exercise(f"{prefix or 'nb'}-cell{i}", cell, check, solution))
    return found


def worked_answer(solution):
    """The code of a worked answer: its one fenced python block. ValueError unless exactly one."""
    blocks = FENCE.findall(source(solution))
    if len(blocks) != 1 or len(ANY_FENCE.findall(source(solution))) != 2:
        raise ValueError(f"a worked answer must hold exactly one ```python block, "
                         f"found {len(blocks)}")
    return blocks[0]


def notebook_folders(source_folder, destination):
    """(source, destination, the numbered notebooks in source), as the tools that write copies
    of the notebooks need them: resolved, the source a folder, the destination outside it."""
    source_folder = pathlib.Path(source_folder).resolve()
    destination = pathlib.Path(destination).resolve()
    if not source_folder.is_dir():
        raise ValueError(f"source must be a folder of notebooks, got {source_folder}")
    if destination == source_folder or source_folder in destination.parents:
        raise ValueError(f"destination must be outside the source folder, got {destination}")
    return source_folder, destination, sorted(source_folder.glob("[0-9]*.ipynb"))
