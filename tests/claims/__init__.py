"""The claims tables: every number a notebook's markdown writes, mapped to the notebook's stored outputs.

tests/test_claims.py extracts every number from each notebook's markdown and
fails unless it is exempt (EXEMPT below, the one place for structural numbers)
or mapped by a row of that notebook's table in tests/claims/nbNN.py. A row
names a code cell by a unique substring of its source and a regex whose first
group (or whole match) is read from that cell's STORED text output (which
strict nbval verifies on every run) or, with `source=True`, from the cell's
source (for a parameter the prose states, such as a learning rate). The value
is rounded as the prose writes the number: "0.9820" must equal the value to 4
decimals, "259" to 0. So a claim in the prose that drifts from the computation
fails without re-running any notebook.
"""
import importlib
from typing import NamedTuple

__all__ = ["Claim", "EXEMPT", "SMALL_INTEGERS", "table"]


class Claim(NamedTuple):
    """One number the markdown writes and where the notebook computes it.

    written -- the number as the markdown writes it: "0.9820", "23,860", "-1", "10^4"
    cell    -- a substring of exactly one code cell's source
    pattern -- a regex searched in that cell's stored text output (or its source); its first group,
               or the whole match, is the value
    where   -- optional: the row covers only the occurrences on markdown lines containing this text
               (when one notebook writes the same number for two different things)
    source  -- read the cell's source instead of its outputs (a parameter set in code)
    scale   -- multiply the value before comparing (100 for a fraction the prose writes as a percent)
    tol     -- allowed absolute difference instead of equal rounding ("about 60 times")
    """
    written: str
    cell: str
    pattern: str
    where: str = None
    source: bool = False
    scale: float = 1.0
    tol: float = None


# ---- structural numbers, in one place -------------------------------------------------
# Each pattern is blanked out of the markdown before numbers are extracted; say why.
EXEMPT = [
    (r"\b0[1-9]\b", "a notebook's number as the collection writes it (01 ... 08)"),
    (r"\b[Nn]otebooks?\s+\d+(\s*(-|–|,|and|or|to)\s*\d+)*", "notebook numbers"),
    (r"\b(Exercise|Section|section|Part|part|Figure|figure|Table|table|Chapter|chapter|Appendix|appendix|"
     r"Equation|equation|Eq\.)\s+\d+(\.\d+)*", "exercise, section, figure and equation numbers"),
    (r"^#+\s*\d+(\.\d+)*\.?", "numbered headings"),
    (r"^\s*\d+\.\s", "numbered list items"),
    (r"\bBP\s?[1-4]\b", "the equation names BP1-BP4"),
    (r"\b\d+(\s*[-–]\s*\d+){2,}\b", "layer sizes such as 64-64-10, 784-30-10 or 2-3-2"),
    (r"\b\d+(\s*[×x]\s*\d+)?\s+(hidden\s+|input\s+|output\s+)?(neurons?|units?|pixels?|classes|layers?)\b",
     "layer sizes and image sizes written as words (30 hidden neurons, 8 × 8 pixels, 10 classes)"),
    (r"\b\d+\s*[×x]\s*\d+\s+(images?|grid|digits?)\b", "image sizes"),
    (r"\b[1-3]-?D\b", "dimensions (2-D, 3D)"),
    (r"[A-Z][A-Za-z]+( et al\.)?,?\s+\(?(19|20)\d\d\)?", "years in citations"),
]

SMALL_INTEGERS = {"0", "1", "2"}
"""The constants of formulas (the 1/2 of the quadratic cost, 1 - sigma, 2 eta, targets 0 and 1),
exempt as written integers. Any other number must be mapped, decimals like 0.5 included."""


def table(number):
    """The module tests/claims/nbNN.py for notebook `number` (1 ... 8)."""
    return importlib.import_module(f"claims.nb{number:02d}")


