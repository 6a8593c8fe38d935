"""Shared code for the backprop notebooks.

Maths modules (graph, ...) import numpy only; `plots` draws them with
matplotlib; `widgets` wraps plots in ipywidgets panels; `checks` holds the
self-check exercises. Importing this package changes nothing: a notebook
calls `use_style()` and `use_language(...)` itself (`i18n` holds the language,
`phrases` the sentences the notebooks' own cells print).
"""
from helpers.i18n import use_language
from helpers.phrases import phrase, say
from helpers.style import OKABE_ITO, use_style
from helpers.source import show_source

__all__ = ["OKABE_ITO", "use_style", "use_language", "phrase", "say", "show_source"]
