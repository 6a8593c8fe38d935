"""The Chinese edition (notebooks/zh-CN) and the English one stay one collection.

- the same notebooks, cells, ids and order; code cells identical apart from the
  one line that selects the language, and the English code cells hold no prose
  (so the zh copy has none either: everything a cell prints comes from helpers);
- every markdown cell translated from the English as it is now (the recorded
  hash), listing the cells to retranslate when the English changes;
- the numbers agree: in each markdown cell, and in each stored output;
- each exercise check answers in Chinese.
Strict nbval on the zh notebooks runs with the slow tests (tests/conftest.py).
"""
import io
import pathlib
import re
import sys
import tokenize
from collections import Counter

import nbformat
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import translations  # noqa: E402  (tools/translations.py)
from test_rerun import output_is_checked  # noqa: E402  (tests/, on the path)

ENGLISH = translations.english_notebooks()
NUMBER = re.compile(r"\d+(?:\.\d+)?")
CJK = re.compile(r"[\u4e00-\u9fff]")
PROSE = re.compile(r"[A-Za-z]{3,}[ ,:;]+[A-Za-z]{2,}")      # two words in a row


def pair(path):
    return (nbformat.read(path, as_version=4),
            nbformat.read(translations.CHINESE / path.name, as_version=4))


def test_every_notebook_has_its_chinese_edition():
    assert sorted(p.name for p in translations.CHINESE.glob("*.ipynb")) == [p.name for p in ENGLISH]


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.name[:2])
def test_the_same_cells_and_the_same_code(path):
    english, zh = pair(path)
    assert [(c.id, c.cell_type) for c in zh.cells] == [(c.id, c.cell_type) for c in english.cells], \
        f"cells differ: python tools/translations.py sync notebooks/{path.name}"
    first_code = next(c for c in english.cells if c.cell_type == "code")
    assert first_code.source.count(translations.LANGUAGE_LINE["en"]) == 1, \
        f"the first code cell selects the language: {translations.LANGUAGE_LINE['en']}"
    for en_cell, zh_cell in zip(english.cells, zh.cells):
        if en_cell.cell_type == "code":
            assert zh_cell.source == translations.to_chinese(en_cell.source), \
                f"code cell {en_cell.id} differs from the English: python tools/translations.py sync"


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.name[:2])
def test_every_markdown_cell_translates_the_english_as_it_is_now(path):
    stale = translations.stale_cells(path)
    assert not stale, "retranslate these zh-CN cells, then record the English hash " \
                      "(tools/translations.py mark_translated):\n" + \
                      "\n".join(f"  {path.name} cell {cell}: {why}" for cell, why in stale)


def prose_in_code(source):
    """English words in a code cell: comments, and strings of words.

    nbval's markers and the comment block right under one (the reason the
    output is not compared) may stay in English, as the issue allows.
    """
    found, reason_lines = [], set()
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return [source]
    for token in tokens:
        line = token.start[0]
        if token.type == tokenize.COMMENT and ("NBVAL_" in token.string or line - 1 in reason_lines):
            reason_lines.add(line)
        elif token.type == tokenize.COMMENT:
            found.append(token.string)
        elif token.type == tokenize.STRING:
            text = re.sub(r"\{[^{}]*\}", " ", token.string)     # f-string fields are code
            if PROSE.search(text):
                found.append(token.string)
    return found


def code_lines(source):
    return "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.name[:2])
def test_code_cells_hold_no_prose(path):
    """What a cell says in words comes from helpers (helpers.phrases, the catalogue), so both editions say it."""
    english = nbformat.read(path, as_version=4)
    prose = {cell.id: words for cell in english.cells if cell.cell_type == "code"
             for words in [prose_in_code(code_lines(cell.source))] if words}
    assert not prose, f"move these into markdown or helpers.phrases: {prose}"


def test_the_prose_finder_finds_prose():
    assert prose_in_code('print(f"e moves by {d:.3f}")  # the nudge') == ['f"e moves by {d:.3f}"', "# the nudge"]
    assert prose_in_code('# NBVAL_IGNORE_OUTPUT\n# timings vary\nsay("rate_b", h=h)\nprint("de/db =", 5)') == []
    assert prose_in_code('# NBVAL_IGNORE_OUTPUT\n# timings vary\nx = 1\n# later words') == ["# later words"]


def numbers(text):
    return Counter(NUMBER.findall(text))


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.name[:2])
def test_translations_keep_every_number_of_the_prose(path):
    english, zh = pair(path)
    differ = [(en.id, numbers(en.source) - numbers(cn.source), numbers(cn.source) - numbers(en.source))
              for en, cn in zip(english.cells, zh.cells) if en.cell_type == "markdown"
              and numbers(en.source) != numbers(cn.source)]
    assert not differ, "markdown cells whose numbers changed in translation (cell, only English, only zh): " \
                       f"{differ}"


def shown_text(cell):
    """The text a cell's stored outputs show: streams and every text/* type (not images)."""
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        for kind, value in output.get("data", {}).items():
            if kind.startswith("text/"):
                parts.append(value if isinstance(value, str) else "".join(value))
    return "\n".join(parts)


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.name[:2])
def test_both_editions_compute_the_same_numbers(path):
    english, zh = pair(path)
    differ = [(en.id, numbers(shown_text(en)) - numbers(shown_text(cn)), numbers(shown_text(cn)) - numbers(shown_text(en)))
              for en, cn in zip(english.cells, zh.cells)
              if en.cell_type == "code" and output_is_checked(en) and numbers(shown_text(en)) != numbers(shown_text(cn))]
    assert not differ, f"stored outputs whose numbers differ (cell, only English, only zh): {differ}"


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.name[:2])
def test_each_check_answers_in_chinese(path):
    _, zh = pair(path)
    checks = [cell for cell in zh.cells if cell.cell_type == "code" and re.search(r"^check_\w+\(", cell.source, re.M)]
    silent = [cell.id for cell in checks if not CJK.search(shown_text(cell))]
    assert not silent, f"zh cells whose check answers without Chinese: {silent}"
