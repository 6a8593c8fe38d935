"""Write student copies of the notebooks: the exercises' worked answers taken out, the checks kept.

    python tools/make_student_version.py              # notebooks/ -> student/
    python tools/make_student_version.py DEST         # notebooks/ -> DEST/
    python tools/make_student_version.py DEST --source SOME/FOLDER

In each copy, a cell tagged `answer` gets its `metadata.student_source` as its
source (the same cell with the answer replaced by `...` and a comment), a
cell tagged `solution` (the "Worked answer" block) is removed, and the stored
outputs of the answer cells and of the cells that call a `check_...` function
are cleared, so that no stored "Correct: ..." gives the answer away. Every
other file in the folder is copied as it is. The original notebooks are only
read. A learner's check on `...` says "Not yet: ...", never a traceback.
"""
import argparse
import pathlib
import re
import shutil
import sys

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[1]
CHECK_CALL = re.compile(r"\bcheck_\w+\s*\(")

__all__ = ["student_notebook", "make_student_version"]


def _text(source):
    return "".join(source) if isinstance(source, list) else source


def student_notebook(nb, name="notebook"):
    """Return a student copy of `nb` (an nbformat v4 notebook) and what changed.

    Raises ValueError, naming the notebook and cell, when an `answer` cell has
    no `student_source`.
    """
    copy = nbformat.from_dict(nbformat.from_dict(nb))   # deep copy, nb stays as it was
    cells, answers, solutions = [], 0, 0
    for index, cell in enumerate(copy.cells):
        tags = cell.get("metadata", {}).get("tags", [])
        if "solution" in tags:
            solutions += 1
            continue
        if "answer" in tags:
            student = cell.metadata.get("student_source")
            if not isinstance(student, (str, list)) or not _text(student).strip():
                raise ValueError(f"{name}: cell {index} is tagged 'answer' but its "
                                 "metadata.student_source is missing or empty")
            cell.source = _text(student)
            del cell.metadata["student_source"]
            answers += 1
        if cell.cell_type == "code" and ("answer" in tags or CHECK_CALL.search(_text(cell.source))):
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    copy.cells = cells
    return copy, {"answers": answers, "solutions": solutions}


def make_student_version(destination, source=ROOT / "notebooks"):
    """Copy `source` to `destination` with student copies of its numbered notebooks."""
    source, destination = pathlib.Path(source).resolve(), pathlib.Path(destination).resolve()
    if not source.is_dir():
        raise ValueError(f"source must be a folder of notebooks, got {source}")
    if destination == source or source in destination.parents:
        raise ValueError(f"destination must be outside the source folder, got {destination}")
    shutil.copytree(source, destination, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.ipynb"))
    report = {}
    for path in sorted(source.glob("[0-9]*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        student, report[path.name] = student_notebook(nb, path.name)
        nbformat.validate(student)
        nbformat.write(student, destination / path.name)
    return report


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("destination", nargs="?", default=str(ROOT / "student"),
                        help="folder for the student copies (default: student/)")
    parser.add_argument("--source", default=str(ROOT / "notebooks"),
                        help="folder of the original notebooks (default: notebooks/)")
    args = parser.parse_args(argv)
    try:
        report = make_student_version(args.destination, args.source)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for name, counts in report.items():
        print(f"{name}: {counts['answers']} answers blanked, "
              f"{counts['solutions']} worked answers removed")
    print(f"Student copies written to {args.destination}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
