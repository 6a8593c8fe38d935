"""The message catalogues: complete, current, compiled, and read when a message is shown.

English is written in the code; every other language comes from
helpers/locale/<language>/LC_MESSAGES/helpers.po (tools/catalogue.py keeps it
in step, Babel extracts). A message the code marks but the catalogue lacks,
a fuzzy guess, a translation that drops a {placeholder}, a stale .mo, a
message written twice, or a lookup at import fails here, naming the message.
"""
import ast
import gettext
import io
import pathlib
import string
import sys
import warnings
from collections import Counter

import numpy as np
import pytest

import helpers
from helpers import i18n
from helpers.i18n import _, use_language

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import catalogue  # noqa: E402  (tools/catalogue.py)


@pytest.fixture(scope="module")
def template():
    return catalogue.extract()


@pytest.fixture(scope="module", params=catalogue.TRANSLATIONS)
def translated(request):
    return request.param, catalogue.read(catalogue.po_path(request.param))


@pytest.fixture
def chinese():
    use_language("zh_CN")
    yield
    use_language("en")


def fields(text):
    """The {placeholders} of a message as str.format reads them (name, format spec, conversion)."""
    try:
        return Counter((name, spec, conversion) for _, name, spec, conversion
                       in string.Formatter().parse(text) if name is not None)
    except ValueError:                       # not a format string: compare the braces themselves
        return Counter(ch for ch in text if ch in "{}")


def test_every_marked_message_has_a_translation(template, translated):
    language, po = translated
    missing = [m.id for m in template if m.id and (m.id not in po or not po[m.id].string)]
    assert not missing, f"{len(missing)} messages lack a {language} translation " \
                        f"(python3 run.py catalogue, then translate them in {catalogue.po_path(language)}): {missing[:10]}"


def test_no_translation_is_fuzzy_or_left_over(template, translated):
    language, po = translated
    fuzzy = [m.id for m in po if m.id and m.fuzzy]
    assert not fuzzy, f"fuzzy {language} entries, check and unmark them: {fuzzy[:10]}"
    gone = [m.id for m in po if m.id and m.id not in template]
    assert not gone, f"{language} translations of messages no longer in the code (python3 run.py catalogue): {gone[:10]}"


def test_translations_keep_every_placeholder(translated):
    language, po = translated
    broken = [(m.id, m.string) for m in po if m.id and m.string and fields(m.id) != fields(m.string)]
    assert not broken, f"{language} translations whose {{placeholders}} differ from the English: {broken[:5]}"


def test_each_compiled_catalogue_matches_its_po(translated):
    """The committed .mo is what compiling the committed .po gives: nobody forgot `run.py catalogue`."""
    language, po = translated
    from babel.messages.mofile import write_mo
    fresh = io.BytesIO()
    write_mo(fresh, po)
    fresh.seek(0)
    path = catalogue.po_path(language).with_suffix(".mo")
    with open(path, "rb") as committed:
        assert gettext.GNUTranslations(committed)._catalog == gettext.GNUTranslations(fresh)._catalog, \
            f"{path.relative_to(ROOT)} is stale: run python3 run.py catalogue"


def test_the_template_is_current(template):
    with open(catalogue.TEMPLATE, "rb") as file:
        committed = catalogue.read_po(file)
    assert {m.id for m in committed} == {m.id for m in template}, \
        "helpers/locale/helpers.pot differs from the messages in the code: run python3 run.py catalogue"


def test_no_message_is_written_twice(template):
    twice = {m.id: m.locations for m in template if m.id and len(m.locations) > 1}
    assert not twice, f"messages written in more than one place; keep one constant each: {twice}"


def module_level_lookups(tree):
    """Calls of _() or ngettext() outside any function: they would run once, at import."""
    inside = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            inside.update(id(child) for child in ast.walk(node))
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in {"_", "ngettext"} and id(node) not in inside]


def test_messages_are_looked_up_when_shown_not_at_import():
    found = {}
    for path in sorted((ROOT / "helpers").rglob("*.py")):
        lines = module_level_lookups(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            found[str(path.relative_to(ROOT))] = lines
    assert not found, f"_() at import (mark with N_() and look up where shown): {found}"


def test_the_finder_sees_module_level_lookups():
    assert module_level_lookups(ast.parse('TITLE = _("cost")\ndef f():\n    return _("cost")')) == [1]


def test_the_language_switches_what_is_shown_next(chinese):
    some = next(m.id for m in catalogue.read(catalogue.po_path("zh_CN")) if m.id and m.string)
    assert _(some) != some
    use_language("en")
    assert _(some) == some and i18n.language() == "en"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="zh_CN"):
        use_language("fr")
    assert i18n.language() == "en"


def test_phrase_names_are_unique_and_marked():
    from helpers import phrases
    modules = [getattr(phrases, f"nb{n:02d}") for n in range(1, 9)]
    assert sum(len(m.PHRASES) for m in modules) == len(phrases.PHRASES)
    with pytest.raises(ValueError, match="helpers/phrases"):
        helpers.phrase("no such sentence")
    with pytest.raises(ValueError, match="needs"):
        helpers.phrase(next(key for key, text in phrases.PHRASES.items() if "{" in text))


def rendered(text):
    """Pixels of `text` drawn by matplotlib in the collection's style, and the warnings on the way."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    helpers.use_style()
    fig = plt.figure(figsize=(2.0, 0.6), dpi=80)
    fig.text(0.05, 0.3, text, fontsize=16)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    pixels = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
    plt.close(fig)
    return pixels, [str(w.message) for w in caught]


def test_chinese_labels_render_as_glyphs_not_tofu():
    """Each character draws its own glyph: no missing-glyph warning, ink, and different characters differ."""
    learning_rate, complaints = rendered("学习率")
    assert not [c for c in complaints if "missing from" in c], complaints
    gradient, _ = rendered("梯度下")
    missing, _ = rendered("\U000f0000\U000f0001\U000f0002")       # private use: every font's box
    ink = (learning_rate < 128).sum()
    assert ink > 100, "no Chinese drawn at all"
    assert (learning_rate != gradient).any(), "two different words draw the same pixels: boxes"
    assert (learning_rate != missing).any(), "the Chinese draws like characters no font has: boxes"
