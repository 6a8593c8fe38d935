"""Depth and width of a diamond chain: how many paths, how much work, and do the answers agree."""
import ipywidgets as widgets

from helpers.walks import count_operations, diamond_chain, diamond_counts, forward_mode, path_sum
from helpers.plots.walks import WorkPlot
from helpers.style import COLORS
from helpers.validate import integer, positive_int, real
from helpers.widgets import Panel, new_figure

__all__ = ["PathCountPanel"]

ENUMERATE_LIMIT = 256      # list the paths only up to this many (one slider move, under 50 ms)
STEP = 1e-6                # the finite difference's step in X


class PathCountPanel(Panel):
    """Sliders for depth k and width w of a diamond chain.

    Left: the path count w^k and the multiply-adds of both methods against
    depth, log scale. Right: the derivative dZ/dX three ways (every path
    listed, stage by stage, a finite difference), when there are few enough
    paths to list; otherwise the panel says it counted them by formula.
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
                                       description="k (depth)"),
            "width": widgets.IntSlider(value=width, min=1, max=max_width,
                                       description="w (width)"),
        }
        self.figure = new_figure(figsize=(8.4, 3.4))
        plot_ax = self.figure.add_axes([0.09, 0.15, 0.36, 0.8])
        self.work = WorkPlot(plot_ax, width, range(1, max_depth + 1), depth,
                             top=diamond_counts(max_depth, max_width)["path_sum"],
                             curves=("paths", "factored"))
        text_ax = self.figure.add_axes([0.62, 0.02, 0.37, 0.94])
        text_ax.set_axis_off()
        self.table = text_ax.text(0.0, 0.9, "", fontsize=10, va="top", linespacing=1.9,
                                  color=COLORS["ink"])
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

    def update(self, depth, width):
        listed, factored, numeric, counts = self.derivatives(depth, width)
        formula = diamond_counts(depth, width)
        self.work.update(width, depth)
        # Few characters: every glyph costs drawing time on each slider move.
        if listed is None:
            head = f"w^k = {formula['paths']:,} paths:\ntoo many to list; dZ/dX"
        else:
            head = f"{formula['paths']:,} paths; dZ/dX\nby paths: {listed:.6g}"
        self.table.set_text(f"{head}\n"
                            f"by stages: {factored:.6g}\n"
                            f"finite diff.: {numeric:.6g}\n"
                            f"multiply-adds: {formula['path_sum']:,} vs {counts.forward:,}")
