"""Depth and width of a diamond chain: the graph, the path being counted, and three answers."""
import ipywidgets as widgets

from helpers.examples import diamond_chain, diamond_counts
from helpers.i18n import _
from helpers.plots.graph import draw_graph
from helpers.style import COLORS, PATH
from helpers.validate import integer, positive_int, real
from helpers.walks import count_operations, forward_mode, path_sum
from helpers.widgets import Panel, new_figure

__all__ = ["PathCountPanel", "ENUMERATE_LIMIT", "DRAW_LIMIT"]

ENUMERATE_LIMIT = 256      # list the paths only up to this many (one slider move, under 50 ms)
DRAW_LIMIT = 4             # draw the chain only up to this many stages, and edges per stage
STEP = 1e-6                # the finite difference's step in X


def path_choices(index, depth, width):
    """Which of the `width` edges path number `index` (from 0) takes at each stage.

    The paths are numbered like the counts of a mileometer in base `width`,
    the first stage turning fastest.
    """
    return [(index // width ** j) % width for j in range(depth)]


class PathCountPanel(Panel):
    """Sliders for depth k and width w of a diamond chain, and for the path to show.

    Left: the chain, drawn while it has at most DRAW_LIMIT stages of at most
    DRAW_LIMIT edges, with one path highlighted and its product written
    above it. Right: the derivative dZ/dX three ways (every path listed,
    stage by stage, a finite difference), the paths listed only while there
    are at most ENUMERATE_LIMIT of them, and the multiply-adds of both ways.
    """

    def __init__(self, depth=2, width=3, max_depth=12, max_width=6, x=1.0):
        max_depth = positive_int(max_depth, "max_depth", high=64)
        max_width = positive_int(max_width, "max_width", high=64)
        for name, v, top in (("depth", depth, max_depth), ("width", width, max_width)):
            if not 1 <= integer(v, name) <= top:
                raise ValueError(f"{name} must be an integer from 1 to {top}, got {v!r}")
        self.x = real(x, "x")
        self.controls = {
            "depth": widgets.IntSlider(value=depth, min=1, max=max_depth,
                                       description=_("k (depth)")),
            "width": widgets.IntSlider(value=width, min=1, max=max_width,
                                       description=_("w (width)")),
            "path": widgets.IntSlider(value=1, min=1, max=width ** depth if
                                      width <= DRAW_LIMIT and depth <= DRAW_LIMIT else 1,
                                      description=_(PATH)),
        }
        self.figure = new_figure(figsize=(9.0, 3.4))
        self.graph_ax = self.figure.add_axes([0.0, 0.0, 0.68, 0.86])
        self.caption = self.figure.text(0.34, 0.95, "", ha="center", va="top", fontsize=10,
                                        color=COLORS["ink"])
        text_ax = self.figure.add_axes([0.71, 0.02, 0.28, 0.94])
        text_ax.set_axis_off()
        self.table = text_ax.text(0.0, 0.9, "", fontsize=10, va="top", linespacing=1.9,
                                  color=COLORS["ink"])
        self.shown, self.drawing, self._busy = None, None, False
        self._connect()

    def derivatives(self, depth, width):
        """(path sum or None, factored, finite difference, counts) for one chain."""
        chain = diamond_chain(depth, width, x=self.x)
        counts = count_operations(chain.output, chain.input)
        listed = path_sum(chain.output, chain.input) if counts.paths <= ENUMERATE_LIMIT else None
        factored = forward_mode(chain.output, chain.input)[chain.output]
        up = diamond_chain(depth, width, x=self.x + STEP).output.data
        down = diamond_chain(depth, width, x=self.x - STEP).output.data
        return listed, factored, (up - down) / (2 * STEP), counts

    def _on_change(self, change):
        if not self._busy:              # the path slider's range follows depth and width
            super()._on_change(change)

    def update(self, depth, width, path=1):
        n = width ** depth
        drawable = depth <= DRAW_LIMIT and width <= DRAW_LIMIT
        slider = self.controls["path"]
        self._busy = True
        try:
            slider.max = n if drawable else 1
            slider.disabled = not drawable
            path = slider.value = min(max(path, 1), slider.max)
        finally:
            self._busy = False
        if self.shown != (depth, width):         # a new chain: draw it, write its numbers
            self._draw_chain(depth, width, drawable)
            self._write_table(depth, width)
        if drawable:
            self._highlight(path - 1, depth, width)
        else:
            self.caption.set_text(_("too many paths to draw: the drawing stops at {limit} "
                                    "stages of {limit} edges").format(limit=DRAW_LIMIT))

    def _draw_chain(self, depth, width, drawable):
        # Remove the old chain's artists; clearing the axes would build new ticks each time.
        for artist in [*self.graph_ax.texts, *self.graph_ax.patches, *self.graph_ax.lines,
                       *self.graph_ax.collections, *self.graph_ax.artists]:
            artist.remove()
        self.graph_ax.set_axis_off()
        self.chain = diamond_chain(depth, width, x=self.x)
        self.drawing = draw_graph(self.chain.output, ax=self.graph_ax, fmt=".3g", formulas=False) \
            if drawable else None
        if not drawable:                  # the count in place of the drawing
            self.graph_ax.text(0.5, 0.5, _("$w^k = {width}^{{{depth}}}$ = {count:,} paths").format(
                                   width=width, depth=depth, count=width ** depth),
                               transform=self.graph_ax.transAxes, ha="center", va="center",
                               fontsize=14, color=COLORS["ink"])
        self.shown = (depth, width)

    def _highlight(self, index, depth, width):
        choices = path_choices(index, depth, width)
        stages, weights = self.chain.stages, self.chain.weights
        self.drawing.highlight_slots([(stages[j + 1], i) for j, i in enumerate(choices)])
        factors = [weights[j][i] for j, i in enumerate(choices)]
        product = 1.0
        for f in factors:
            product *= f
        self.caption.set_text(_("path {number} of {count}: {factors} = {product:.4g}").format(
            number=index + 1, count=width ** depth, factors=" × ".join(f"{f:.3g}" for f in factors),
            product=product))

    def _write_table(self, depth, width):
        listed, factored, numeric, counts = self.derivatives(depth, width)
        formula = diamond_counts(depth, width)
        if listed is None:
            head = _("{paths:,} paths, more than {limit}:\nnot listed; dZ/dX").format(
                paths=formula["paths"], limit=ENUMERATE_LIMIT)
        else:
            head = _("{paths:,} paths; dZ/dX\nby paths: {listed:.6g}").format(
                paths=formula["paths"], listed=listed)
        self.table.set_text(_("{head}\nby stages: {factored:.6g}\nfinite diff.: {numeric:.6g}\n"
                              "multiply-adds: {path_sum:,} vs {forward:,}").format(
            head=head, factored=factored, numeric=numeric, path_sum=formula["path_sum"],
            forward=counts.forward))
