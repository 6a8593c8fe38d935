"""Mark the cells of the notebooks as slides (`metadata.slideshow.slide_type`), keeping marks made by hand.

    python tools/mark_slides.py                   # every notebooks/[0-9]*.ipynb, in place
    python tools/mark_slides.py notebooks/01-computation-graphs.ipynb
    python tools/mark_slides.py --check           # exit 1 if a cell has no mark

The mark is Jupyter's standard one, read by `jupyter nbconvert --to slides`,
RISE and other slide tools. A cell that already has a mark keeps it; the
others get a default from the notebook's own structure:

    a markdown cell that opens with a # or ## heading   -> "slide"
    a markdown cell that opens with a ### heading       -> "subslide"
    the first code cell (imports, style) and every cell
    tagged "solution" (the worked answers)              -> "skip"
    everything else                                     -> "-" (same slide)

Only metadata changes: sources and stored outputs stay as they are.
"""
import argparse
import pathlib
import re
import sys

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[1]
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}
HEADING = re.compile(r"^\s*(#{1,3})\s")

__all__ = ["SLIDE_TYPES", "default_slide_type", "mark_slides"]


def default_slide_type(cell, is_first_code_cell=False):
    """The mark a cell gets when it has none (see the module docstring)."""
    tags = cell.get("metadata", {}).get("tags", [])
    if "solution" in tags or is_first_code_cell:
        return "skip"
    if cell.cell_type == "markdown":
        heading = HEADING.match(cell.source)
        if heading:
            return "subslide" if len(heading.group(1)) == 3 else "slide"
    return "-"


def mark_slides(nb):
    """Give every unmarked cell of `nb` its default mark, in place; return how many were marked.

    Raises ValueError naming the cell when an existing mark is not a slide type.
    """
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    first_code = code_cells[0] if code_cells else None
    marked = 0
    for index, cell in enumerate(nb.cells):
        slideshow = cell.metadata.get("slideshow", {})
        current = slideshow.get("slide_type")
        if current is not None:
            if current not in SLIDE_TYPES:
                raise ValueError(f"cell {index}: slide_type must be one of "
                                 f"{sorted(SLIDE_TYPES)}, got {current!r}")
            continue
        cell.metadata["slideshow"] = dict(slideshow,
                                          slide_type=default_slide_type(cell, cell is first_code))
        marked += 1
    return marked


def unmarked(nb):
    return [i for i, c in enumerate(nb.cells)
            if c.metadata.get("slideshow", {}).get("slide_type") not in SLIDE_TYPES]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", help="default: every notebooks/[0-9]*.ipynb")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a cell has no valid mark")
    args = parser.parse_args(argv)
    paths = [pathlib.Path(p) for p in args.notebooks] or sorted(
        (ROOT / "notebooks").glob("[0-9]*.ipynb"))
    status = 0
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if args.check:
            missing = unmarked(nb)
            if missing:
                print(f"{path.name}: cells without a slide mark: {missing}")
                status = 1
            continue
        try:
            count = mark_slides(nb)
        except ValueError as error:
            print(f"error: {path.name}: {error}", file=sys.stderr)
            return 2
        if count:
            nbformat.write(nb, path)
        slides = sum(c.metadata["slideshow"]["slide_type"] == "slide" for c in nb.cells)
        print(f"{path.name}: {count} cells marked, {slides} slides")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
