"""The learner's language: English by default, Simplified Chinese from the gettext catalogue.

A notebook's first cell says `use_language("en")` or `use_language("zh_CN")`.
Every sentence helpers show (figure text, panel labels, check messages,
progress) is written in English in the code, marked `_("...")` where it is
shown, and looked up in helpers/locale/<language>/LC_MESSAGES/helpers.mo at
that moment, so switching the language changes the next figure, not the
module. Text defined at import is only marked (`N_("...")`) and looked up
where it is shown. `python3 run.py catalogue` extracts the marked messages
and updates and compiles the catalogue (docs/zh-CN/glossary.md lists the terms).
"""
import gettext
import pathlib

__all__ = ["LANGUAGES", "use_language", "language", "_", "N_", "ngettext"]

LOCALE_DIR = pathlib.Path(__file__).resolve().parent / "locale"
DOMAIN = "helpers"
LANGUAGES = ("en", "zh_CN")

_current = {"language": "en", "catalogue": gettext.NullTranslations()}


def use_language(name="en"):
    """Show helpers' text in `name` ("en" or "zh_CN") from now on."""
    if name not in LANGUAGES:
        raise ValueError(f"name must be one of {', '.join(LANGUAGES)}, got {name!r}")
    catalogue = gettext.NullTranslations() if name == "en" else \
        gettext.translation(DOMAIN, LOCALE_DIR, languages=[name])
    _current.update(language=name, catalogue=catalogue)


def language():
    """The language helpers show their text in."""
    return _current["language"]


def _(message):
    """`message` in the learner's language (the English itself when it has no translation)."""
    return _current["catalogue"].gettext(message)


def ngettext(singular, plural, n):
    """The singular or plural of a message for the count `n`, in the learner's language."""
    return _current["catalogue"].ngettext(singular, plural, n)


def N_(message):
    """Mark `message` for the catalogue without looking it up: `_()` translates it where it is shown."""
    return message
