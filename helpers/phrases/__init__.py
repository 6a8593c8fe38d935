"""The sentences that notebooks' own cells print, in the learner's language.

A code cell holds no prose, so that the English and Chinese notebooks share
every line of code: where a cell reports a result in words, it names the
sentence by key, `say("nudge", change=..., h=..., rate=...)`, and the sentence
itself lives here, one module per notebook (nb01 ... nb08), marked for the
catalogue. `phrase` returns the text (for a title or a legend) and `say`
prints it.
"""
from helpers.i18n import _
from helpers.phrases import nb01, nb02, nb03, nb04, nb05, nb06, nb07, nb08

__all__ = ["PHRASES", "phrase", "say"]

_MODULES = (nb01, nb02, nb03, nb04, nb05, nb06, nb07, nb08)
PHRASES = {}
for _module in _MODULES:
    _twice = PHRASES.keys() & _module.PHRASES.keys()
    if _twice:
        raise ImportError(f"helpers.phrases: {_module.__name__} reuses the names {sorted(_twice)}")
    PHRASES.update(_module.PHRASES)


def phrase(key, **values):
    """The sentence named `key`, in the learner's language, with `values` filled in."""
    if key not in PHRASES:
        raise ValueError(f"key: no sentence is named {key!r} (the sentences are in helpers/phrases/)")
    try:
        return _(PHRASES[key]).format(**values)
    except (KeyError, IndexError) as missing:
        raise ValueError(f"values: the sentence {key!r} needs {missing} as well") from None


def say(key, **values):
    """Print the sentence named `key` with `values` filled in (see `phrase`)."""
    print(phrase(key, **values))
