"""A figure's still parts drawn from a cached picture, so a live panel redraws only what moves."""
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure

from helpers.validate import instance, sequence

__all__ = ["freeze_static"]


class _StaticLayer(Artist):
    """Draws everything in a figure's axes except the `dynamic` artists, from a cached image.

    A live panel redraws its whole figure after every slider move, and most of
    that time goes to what never moves: ticks, labels, grid, curves, contours.
    After `freeze_static`, the axes draw only their dynamic artists, and this
    layer (drawn first) pastes a picture of the rest, rendered once per pixel
    size and dpi. Renderers other than Agg (PDF, SVG) get the static artists
    drawn for real. Change a static artist afterwards? Call `invalidate()`.
    For a saved picture use bbox_inches="standard" (ipympl does): with the axes
    frozen, a "tight" box does not see the tick labels and would crop them.
    """

    def __init__(self, figure, dynamic):
        super().__init__()
        self.set_zorder(-1e9)
        self._fig, self._axes = figure, list(figure.axes)
        dynamic = {id(a) for a in dynamic}
        self._dynamic = [a for ax in self._axes for a in ax.get_children() if id(a) in dynamic]
        self._static = [a for ax in self._axes for a in ax.get_children()
                        if id(a) not in dynamic and a is not ax.patch and a.get_visible()
                        and a not in ax.spines.values() and a not in (ax.xaxis, ax.yaxis)]
        self._axison = [ax.axison for ax in self._axes]
        self._key = self._region = None
        self._show(static=False)

    def _show(self, static):
        # Plain attribute writes, not set_visible(): no "stale" signal, so no redraw loop.
        for a in self._static:
            a._visible = static
        for a in self._dynamic:
            a._visible = not static
        for ax, on in zip(self._axes, self._axison):
            ax.axison = on and static

    def _draw_static(self, renderer):
        self._show(static=True)
        try:
            for ax in self._axes:
                ax.draw(renderer)
        finally:
            self._show(static=False)

    def invalidate(self):
        self._key = None

    def draw(self, renderer):
        if not self.get_visible():
            return
        if not isinstance(renderer, RendererAgg):
            self._draw_static(renderer)
            return
        key = (renderer.width, renderer.height, self._fig.dpi, tuple(self._fig.patch.get_facecolor()))
        if key != self._key:
            background = RendererAgg(renderer.width, renderer.height, self._fig.dpi)
            self._fig.patch.draw(background)
            self._draw_static(background)
            self._region = background.copy_from_bbox(self._fig.bbox)
            self._key = key
        renderer.restore_region(self._region)


def freeze_static(figure, dynamic):
    """Draw all but the `dynamic` artists of `figure` from a cache from now on (see _StaticLayer).

    Call it once the figure is laid out (after tight_layout). Returns the layer.
    """
    instance(figure, "figure", Figure)
    dynamic = sequence(dynamic, "dynamic", "a list of the figure's moving artists")
    for i, artist in enumerate(dynamic):
        instance(artist, f"dynamic[{i}]", Artist)
    layer = _StaticLayer(figure, dynamic)
    figure.add_artist(layer)
    return layer
