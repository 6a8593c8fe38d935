"""Shared code for the backprop notebooks.

Maths modules (graph, ...) import numpy only; `plots` draws them with
matplotlib; `widgets` wraps plots in ipywidgets panels; `checks` holds the
self-check exercises. Importing this package changes nothing: a notebook
calls `use_style()` itself.
"""
from helpers.style import OKABE_ITO, use_style
from helpers.source import show_source

__all__ = ["OKABE_ITO", "use_style", "show_source"]
