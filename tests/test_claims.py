"""Every number a notebook's prose states is checked against the notebook's stored outputs.

The numbers are extracted from the markdown (maths included); structural ones
are exempt in one place (tests/claims/__init__.py); every other one must be
mapped by a row of tests/claims/nbNN.py to a value read from a stored output,
which strict nbval verifies. No notebook is run here.

What counts as a number: digits outside fenced code blocks, inline code, HTML
tags and link targets, not part of an identifier (BP2, x1, W_2), not a maths
subscript or exponent ($a^L_j$, $x^3$; but $10^{4}$ is the number 10^4), with
thousands separators (23,860 or 23{,}860) and a minus sign attached to it (-1).
The worked answers (`solution` cells) are left out: tests/test_exercises.py runs
each one through its check, and their arithmetic explains that verified code.
"""
import json
import pathlib
import re

import pytest

from claims import EXEMPT, SMALL_INTEGERS, Claim, table

ROOT = pathlib.Path(__file__).resolve().parents[1]
NUMBERS = range(1, 9)

HIDDEN = [re.compile(r"^```.*?^```", re.M | re.S),        # fenced code: code, not prose
          re.compile(r"`[^`\n]*`"),                       # inline code
          re.compile(r"<[^>\n]*>"),                       # HTML tags (<details>, <img src=...>)
          re.compile(r"\]\([^)\s]*\)"),                   # link targets
          re.compile(r"https?://\S+")]
POWER_OF_TEN = re.compile(r"(?:(\d+(?:\.\d+)?)\s*(?:\\times|×|\\cdot)\s*)?10\^\{?([-−]?\d+)\}?")
INDEX = re.compile(r"[\^_](\{[^{}]*\}|[-−]?\w)")           # maths sub- and superscripts
NUMBER = re.compile(r"(?<![\w.\\])(?:(?:\d+(?:\.\d+)?×)?10\^-?\d+|(?:[-−](?=\d))?\d+(?:\{,\}\d{3}|,\d{3}(?!\d))*(?:\.\d+)?)"
                    r"(?![\w])")
EXEMPT_RES = [re.compile(pattern, re.M) for pattern, _ in EXEMPT]


def notebook(number):
    found = sorted((ROOT / "notebooks").glob(f"{number:02d}-*.ipynb"))
    return found[0] if found else None


def value_of(written):
    """(value, decimals, power of ten) of a number as written: "1.45×10^-4" is (1.45e-4, 2, -4)."""
    text = written.replace("{,}", "").replace(",", "").replace("−", "-")
    mantissa, power = text.split("10^") if "10^" in text else (text, "0")
    mantissa = mantissa.rstrip("×") or "1"
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return float(mantissa) * 10.0 ** int(power), decimals, int(power)


def prose_numbers(cells):
    """[(number as written, the markdown line)] of a notebook's markdown cells."""
    found = []
    for cell in cells:
        if cell["cell_type"] != "markdown" or "solution" in cell.get("metadata", {}).get("tags", []):
            continue                     # a worked answer is verified by running it (test_exercises.py)
        text = "".join(cell["source"])
        for hidden in HIDDEN:
            text = hidden.sub(lambda m: " " * len(m.group()) if "\n" not in m.group()
                              else "\n" * m.group().count("\n"), text)
        for line in text.splitlines():
            original = line
            for exempt in EXEMPT_RES:
                line = exempt.sub(" ", line)
            line = POWER_OF_TEN.sub(lambda m: f" {m.group(1) or ''}{'×' if m.group(1) else ''}10\0"
                                          f"{m.group(2).replace('−', '-')} ", line)
            line = INDEX.sub(" ", line).replace("\0", "^")
            for match in NUMBER.finditer(line):
                written = match.group()
                if written.replace("−", "-") not in SMALL_INTEGERS:
                    found.append((written, original.strip()))
    return found


def text_of(output):
    parts = []
    if "text" in output:
        parts.append("".join(output["text"]))
    for key, value in output.get("data", {}).items():
        if key.startswith("text/") and key != "text/html":
            parts.append("".join(value) if isinstance(value, list) else str(value))
    return "\n".join(parts)


def read(claim, cells):
    """The value a claim row reads from the notebook, or an error message."""
    code = [c for c in cells if c["cell_type"] == "code" and claim.cell in "".join(c["source"])]
    if len(code) != 1:
        return None, f"{claim.cell!r} is in {len(code)} code cells, not exactly 1"
    cell = code[0]
    text = "".join(cell["source"]) if claim.source else "\n".join(text_of(o) for o in cell["outputs"])
    match = re.search(claim.pattern, text)
    if match is None:
        return None, f"{claim.pattern!r} does not match the {'source' if claim.source else 'stored output'} " \
                     f"of the cell {claim.cell!r}: {text[:200]!r}"
    found = match.group(1) if match.groups() else match.group()
    try:
        return float(found.replace(",", "").replace("{,}", "").replace("−", "-")) * claim.scale, None
    except ValueError:
        return None, f"{claim.pattern!r} found {found!r}, not a number"


def agrees(claim, value):
    """Equal as written: rounded to the written decimals (of the mantissa, for 1.45 × 10^-4)."""
    written, decimals, power = value_of(claim.written)
    if claim.tol is not None:
        return abs(value - written) <= claim.tol
    scale = 10.0 ** power
    return f"{value / scale:.{decimals}f}" == f"{written / scale:.{decimals}f}"


def covering(written, line, claims):
    """The row that covers this occurrence: one with a matching `where` first, else one without."""
    rows = [c for c in claims if c.written == written]
    return next((c for c in rows if c.where and c.where in line), None) or \
        next((c for c in rows if not c.where), None)


def load(number):
    path = notebook(number)
    if path is None:
        pytest.skip(f"no notebook {number:02d} yet")
    module = table(number)
    claims = module.CLAIMS
    assert all(isinstance(c, Claim) for c in claims), f"nb{number:02d}.CLAIMS holds something not a Claim"
    return path, json.loads(path.read_text())["cells"], module, claims


@pytest.mark.parametrize("number", NUMBERS, ids=lambda n: f"nb{n:02d}")
def test_every_number_in_the_prose_is_mapped(number):
    path, cells, module, claims = load(number)
    missing = {}
    for written, line in prose_numbers(cells):
        if covering(written, line, claims) is None:
            missing.setdefault(written, line)
    if missing and not module.COMPLETE:
        pytest.xfail(f"{len(missing)} numbers of {path.name} not mapped yet (COMPLETE = False)")
    assert not missing, f"{path.name}: {len(missing)} numbers in the prose have no row in " \
        f"tests/claims/nb{number:02d}.py (or EXEMPT):\n" + \
        "\n".join(f"  {w!r:>12} in: {line[:110]}" for w, line in missing.items())


@pytest.mark.parametrize("number", NUMBERS, ids=lambda n: f"nb{n:02d}")
def test_every_mapped_claim_agrees_with_the_stored_outputs(number):
    path, cells, module, claims = load(number)
    wrong = []
    for claim in claims:
        value, error = read(claim, cells)
        if error:
            wrong.append(f"{claim.written!r}: {error}")
        elif not agrees(claim, value):
            wrong.append(f"{claim.written!r}: the stored output gives {value!r}")
    assert not wrong, f"{path.name}: claims that disagree with the notebook:\n" + "\n".join(wrong)


@pytest.mark.parametrize("number", NUMBERS, ids=lambda n: f"nb{n:02d}")
def test_every_row_is_still_written(number):
    path, cells, module, claims = load(number)
    prose = prose_numbers(cells)
    stale = [c for c in claims if not any(w == c.written and (not c.where or c.where in line)
                                          for w, line in prose)]
    assert not stale, f"{path.name}: rows for numbers the prose no longer writes: " + \
        ", ".join(repr(c.written) for c in stale)
    keys = [(c.written, c.where) for c in claims]
    assert len(keys) == len(set(keys)), "two rows for the same number and `where`"


# ---- the extraction rules themselves ---------------------------------------------------

def cell(text):
    return {"cell_type": "markdown", "source": text}


def written(text):
    return [w for w, _ in prose_numbers([cell(text)])]


def test_worked_answers_are_left_out():
    solution = {"cell_type": "markdown", "metadata": {"tags": ["solution"]},
                "source": "<details><summary>Worked answer</summary>\n\n$w_1 = 1.4$\n</details>"}
    assert prose_numbers([solution]) == []


def test_extraction_rules():
    assert written("so $e = 8$ and $a = -1$, and 23,860 or $23{,}820$ weights; 0.9820 and 95%") == \
        ["8", "-1", "23,860", "23{,}820", "0.9820", "95"]
    assert written("BP1-BP4, x1, $a^L_j$, $x^3$, $w_{12}$, `eta = 0.3`, [link](https://a.b/3.4)") == []
    assert written("$h = 10^{-5}$ and $10^4$ inputs") == ["10^-5", "10^4"]
    assert written("fell by $1.45 \\times 10^{-4}$, or 2 × 10^3") == ["1.45×10^-4", "2×10^3"]
    assert written("1. **Forward**: one\n5. **Gradients**") == []
    assert written("```python\nx = 3.5\n```\nafter 126 steps") == ["126"]
    assert written("the 64-64-10 network, notebook 05, 30 hidden neurons, Exercise 3, 2-D") == []
    assert written("$1 - 2\\eta$ and $\\frac{1}{2}$ and 0") == []


def test_agreement_uses_the_written_rounding():
    assert agrees(Claim("0.9820", "", ""), 0.98201379)
    assert not agrees(Claim("0.982", "", ""), 0.9825)
    assert agrees(Claim("23,860", "", ""), 23860.0) and agrees(Claim("10^4", "", ""), 10000.0)
    assert agrees(Claim("259", "", ""), 259.3) and not agrees(Claim("259", "", ""), 260.0)
    assert agrees(Claim("60", "", "", tol=5), 56.6) and agrees(Claim("-1", "", ""), -1.0)
    assert agrees(Claim("1.45×10^-4", "", ""), 1.4512e-4) and not agrees(Claim("1.45×10^-4", "", ""), 1.46e-4)
    assert agrees(Claim("10^-5", "", ""), 1e-5) and not agrees(Claim("10^-5", "", ""), 2e-5)


def test_a_claim_reads_the_stored_output_or_the_source():
    cells = [{"cell_type": "code", "source": "eta = 0.3\nrun(eta)", "outputs": [
        {"output_type": "stream", "name": "stdout", "text": "w after 10 steps: 1.4000000001\n"}]}]
    assert read(Claim("1.4", "run(eta)", r"steps: ([\d.]+)"), cells)[0] == pytest.approx(1.4)
    assert read(Claim("0.3", "run(eta)", r"eta = ([\d.]+)", source=True), cells)[0] == 0.3
    assert "exactly 1" in read(Claim("1.4", "missing", r"x"), cells)[1]
    assert "does not match" in read(Claim("1.4", "run(eta)", r"loss: (\d+)"), cells)[1]
