"""A cached static background: a live figure redraws only what moves.

A live panel redraws its whole figure after every slider move, and most of
that time goes to what never moves: ticks, labels, grid, curves, contours.
`freeze_static(figure, dynamic)` marks every other artist of the figure's
axes as animated (matplotlib's own flag for "not part of the normal draw"),
so the axes draw only the `dynamic` artists; a background layer, drawn first,
pastes a picture of the rest, rendered once per pixel size and dpi.

Saving (savefig, and the PNG that ipympl stores beside its widget) ignores
the animated flag, so a saved picture draws every artist for real.
Change a static artist afterwards? Call the layer's `invalidate()`.
"""
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure

from helpers.validate import instance, sequence

__all__ = ["freeze_static", "StaticBackground"]


class StaticBackground(Artist):
    """Draws the still part of a figure's axes from a cached image.

    Animated artists send no "stale" signal when they change, so switching
    the flags while drawing starts no second draw. The axes' own patches
    (their background colour) are animated and hidden too: the cached image
    holds them, and drawing them again would paint over it.
    """

    def __init__(self, figure, dynamic):
        super().__init__()
        self.set_zorder(-1e9)
        self._fig, self._axes = figure, list(figure.axes)
        dynamic = {id(a) for a in dynamic}
        children = [a for ax in self._axes for a in ax.get_children() if a is not ax.patch]
        self._dynamic = [a for a in children if id(a) in dynamic]
        self._static = [a for a in children if id(a) not in dynamic and a.get_visible()]
        self._patches = [ax.patch for ax in self._axes if ax.axison and ax.get_frame_on()]
        for patch in self._patches:
            patch.set_animated(True)
        self._key = self._region = None
        self._show(static=False)

    def _show(self, static):
        """static=True: the axes draw their still artists; False: their moving ones."""
        for a in self._static:
            a.set_animated(not static)
        for a in self._dynamic:
            a.set_animated(static)
        for patch in self._patches:
            patch.set_visible(static)

    def _draw_static(self, renderer):
        self._show(static=True)
        try:
            for ax in self._axes:
                ax.draw(renderer)
        finally:
            self._show(static=False)

    def invalidate(self):
        """Render the background again at the next draw."""
        self._key = None

    def draw(self, renderer):
        if not self.get_visible():
            return
        if self._fig.canvas.is_saving() or not isinstance(renderer, RendererAgg):
            # Saving draws every artist for real; only the hidden patches are missing.
            for patch in self._patches:
                patch.set_visible(True)
                patch.draw(renderer)
                patch.set_visible(False)
            return
        key = (renderer.width, renderer.height, self._fig.dpi,
               tuple(self._fig.patch.get_facecolor()))
        if key != self._key:
            background = RendererAgg(renderer.width, renderer.height, self._fig.dpi)
            self._fig.patch.draw(background)
            self._draw_static(background)
            self._region = background.copy_from_bbox(self._fig.bbox)
            self._key = key
        renderer.restore_region(self._region)


def freeze_static(figure, dynamic):
    """Draw all but the `dynamic` artists of `figure` from a cache from now on.

    Call it once the figure is laid out (after tight_layout). Returns the
    `StaticBackground` layer.
    """
    instance(figure, "figure", Figure)
    dynamic = sequence(dynamic, "dynamic", "a list of the figure's moving artists")
    for i, artist in enumerate(dynamic):
        instance(artist, f"dynamic[{i}]", Artist)
    layer = StaticBackground(figure, dynamic)
    figure.add_artist(layer)
    return layer
