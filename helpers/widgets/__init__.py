"""Live panels: sliders and buttons over a figure that is updated in place.

Every panel is a `Panel` subclass, so every panel is in `Panel.registry`
and the sweep test reaches all of them without a list to keep up to date.
"""
import importlib
import pkgutil

from helpers.validate import float_array, positive

__all__ = ["Panel", "all_panels", "new_figure"]


def new_figure(**kwargs):
    """A figure that appears only where the panel displays it.

    kwargs -- figsize=(width, height) in inches and/or dpi, as for plt.figure
    """
    import matplotlib.pyplot as plt
    unknown = set(kwargs) - {"figsize", "dpi"}
    if unknown:
        raise TypeError(f"new_figure takes figsize and dpi, got {', '.join(sorted(unknown))}")
    if "figsize" in kwargs:
        figsize = float_array(kwargs["figsize"], "figsize", shape=(2,))
        if (figsize <= 0).any():
            raise ValueError(f"figsize must be a positive (width, height), got {figsize.tolist()}")
        kwargs["figsize"] = tuple(figsize.tolist())
    if "dpi" in kwargs:
        kwargs["dpi"] = positive(kwargs["dpi"], "dpi")
    with plt.ioff():
        fig = plt.figure(**kwargs)
    canvas = fig.canvas
    if hasattr(canvas, "header_visible"):    # ipympl: no "Figure 1" header, fixed size
        canvas.header_visible = False
        canvas.resizable = False
        canvas.toolbar_visible = False
    return fig


class Panel:
    """Controls and one figure; `update(**values)` changes the artists in place.

    Subclasses build `self.figure` once with the plot functions, put their
    widgets in `self.controls` (name -> widget) and call `self._connect()`.
    Every subclass must be constructible with no arguments (its defaults).
    """

    registry = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Panel.registry[f"{cls.__module__}.{cls.__name__}"] = cls

    def _connect(self):
        for widget in self.controls.values():
            if hasattr(widget, "on_click"):
                continue                       # buttons wire their own handlers
            widget.observe(self._on_change, names="value")
        self.update(**self.values())

    def values(self):
        """The current value of every control that has one."""
        return {name: w.value for name, w in self.controls.items() if hasattr(w, "value")}

    def update(self, **values):
        raise NotImplementedError

    def _on_change(self, _change):
        self.update(**self.values())
        self.figure.canvas.draw_idle()

    def control_box(self):
        import ipywidgets as widgets
        return widgets.HBox(list(self.controls.values()),
                            layout=widgets.Layout(flex_flow="row wrap"))

    def _ipython_display_(self):
        from IPython.display import display
        display(self.control_box())
        canvas = self.figure.canvas
        # ipympl's canvas is a widget and also stores a PNG of itself;
        # under a static backend, show the figure as an image.
        display(canvas if hasattr(canvas, "_model_id") else self.figure)


def all_panels():
    """Import every panel module and return the registry (name -> class)."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    return dict(Panel.registry)
