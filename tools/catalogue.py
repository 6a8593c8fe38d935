"""Keep helpers' message catalogues in step with the code (Babel, the standard gettext tooling).

    python3 run.py catalogue                   # extract, update every .po, compile every .mo
    python3 run.py catalogue --fill zh.json    # also take translations from {English: Chinese} files

1. Extracts every message marked `_("...")`, `N_("...")` or `ngettext(...)` in
   helpers/ into helpers/locale/helpers.pot (the template).
2. Updates helpers/locale/<language>/LC_MESSAGES/helpers.po from it: new
   messages arrive untranslated, messages no longer in the code are dropped.
   No fuzzy guesses: a message without its own translation stays empty, and
   tests/test_i18n.py lists it.
3. Compiles each .po into the .mo that helpers.i18n reads. The .mo files are
   committed, so an install (Binder's `pip install -e .` included) needs no
   build step; the test checks each .mo against its .po.
"""
import json
import pathlib
import sys

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = pathlib.Path(__file__).resolve().parents[1]
HELPERS = ROOT / "helpers"
LOCALE = HELPERS / "locale"
TEMPLATE = LOCALE / "helpers.pot"
TRANSLATIONS = ["zh_CN"]


def po_path(language):
    return LOCALE / language / "LC_MESSAGES" / "helpers.po"


def extract():
    """A template of every message marked in helpers/, each with the places it is written."""
    template = Catalog(project="backprop-notebooks", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            HELPERS, method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS,
            comment_tags=("TRANSLATORS:",)):
        template.add(message, None, [(f"helpers/{filename}", lineno)],
                     auto_comments=comments, context=context)
    return template


def read(path):
    with open(path, "rb") as file:
        return read_po(file)


def write(catalogue, path, **options):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as file:
        write_po(file, catalogue, width=100, omit_header=False, **options)


def update(language, template, fills=()):
    """Bring `language`'s .po in step with `template`, take `fills` ({English: translation}), compile."""
    path = po_path(language)
    catalogue = read(path) if path.exists() else Catalog(locale=language, project="backprop-notebooks")
    catalogue.update(template, no_fuzzy_matching=True)
    catalogue.obsolete.clear()
    for fill in fills:
        for english, translation in fill.items():
            if english in catalogue and translation:
                catalogue[english].string = translation
                catalogue[english].flags.discard("fuzzy")
    write(catalogue, path)
    with open(path.with_suffix(".mo"), "wb") as file:
        write_mo(file, catalogue)
    return catalogue


def main(args):
    fills = []
    if args[:1] == ["--fill"]:
        fills = [json.loads(pathlib.Path(name).read_text(encoding="utf-8")) for name in args[1:]]
    template = extract()
    write(template, TEMPLATE, sort_by_file=True)
    for language in TRANSLATIONS:
        catalogue = update(language, template, fills)
        missing = [m.id for m in catalogue if m.id and not m.string]
        print(f"{language}: {len(catalogue) - 1} messages, {len(missing)} without a translation")
        for message in missing[:20]:
            print("   ", repr(message)[:100])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
