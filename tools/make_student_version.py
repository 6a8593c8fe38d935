"""Write student copies of the notebooks: the exercises' worked answers taken out, the checks kept.

    python tools/make_student_version.py              # notebooks/ -> student/ (zh-CN/ too)
    python tools/make_student_version.py DEST         # notebooks/ -> DEST/
    python tools/make_student_version.py DEST --source SOME/FOLDER

The notebooks already ship with every answer cell as a stub (`...`) and every
check's stored output as its "Not yet" message, so a copy only drops the cells
tagged `solution` (the collapsed "Worked answer" blocks): a teacher's copy
without the answers one click away. Every other cell, and every other file in
the folder, is copied as it is. The original notebooks are only read. As a
guard, an `answer` cell without `...` is an error: it would give an answer away.
"""
import argparse
import ast
import pathlib
import shutil
import sys

import nbformat

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from exercises import notebook_folders  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]

__all__ = ["student_notebook", "make_student_version"]


def _is_stub(source):
    """True when the cell's code holds a `...` for the learner to replace."""
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return False
    return any(isinstance(node, ast.Constant) and node.value is Ellipsis for node in ast.walk(tree))


def student_notebook(nb, name="notebook"):
    """Return a student copy of `nb` (an nbformat v4 notebook) and what changed.

    Raises ValueError, naming the notebook and cell, when an `answer` cell is not a stub.
    """
    copy = nbformat.from_dict(nbformat.from_dict(nb))   # deep copy, nb stays as it was
    cells, answers, solutions = [], 0, 0
    for index, cell in enumerate(copy.cells):
        tags = cell.get("metadata", {}).get("tags", [])
        if "solution" in tags:
            solutions += 1
            continue
        if "answer" in tags:
            if not _is_stub(cell.source):
                raise ValueError(f"{name}: cell {index} is tagged 'answer' but holds no `...`: "
                                 "it would give the answer away")
            answers += 1
        cells.append(cell)
    copy.cells = cells
    return copy, {"answers": answers, "solutions": solutions}


def make_student_version(destination, source=ROOT / "notebooks"):
    """Copy `source` to `destination` with student copies of its numbered notebooks,
    those of its editions in other languages (zh-CN/) included."""
    source, destination, notebooks = notebook_folders(source, destination)
    notebooks += sorted(source.glob("*/[0-9]*.ipynb"))
    shutil.copytree(source, destination, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.ipynb"))
    report = {}
    for path in notebooks:
        name = path.relative_to(source).as_posix()
        nb = nbformat.read(path, as_version=4)
        student, report[name] = student_notebook(nb, name)
        nbformat.validate(student)
        nbformat.write(student, destination / name)
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
        print(f"{name}: {counts['solutions']} worked answers removed, "
              f"{counts['answers']} answer cells left for the learner")
    print(f"Student copies written to {args.destination}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
