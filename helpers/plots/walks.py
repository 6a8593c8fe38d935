"""Pictures of the three walks: each path highlighted, the work they cost, the steps of both modes."""
import math

import matplotlib.pyplot as plt
import matplotlib.ticker as mticker

from helpers.graph import Value
from helpers.plots.graph import draw_graph
from helpers.style import COLORS
from helpers.walks import diamond_counts, loglog_slope, paths

__all__ = ["draw_each_path", "WorkPlot", "plot_work", "StepDrawing", "draw_steps",
           "plot_mode_ratios"]


def draw_each_path(output, wrt, axes=None, fmt=".3g"):
    """One small copy of the graph per path from wrt to output, that path highlighted.

    Each copy is titled with the path and its product. Returns the list of
    GraphDrawings (their .ax are the axes).
    """
    found = paths(output, wrt, limit=12)
    if axes is None:
        n = len(found)
        _, axes = plt.subplots(1, n, figsize=(4.8 * n, 3.3), squeeze=False)
        axes = axes[0]
    if len(axes) < len(found):
        raise ValueError(f"axes must hold one axes per path: {len(found)} needed, got {len(axes)}")
    drawings = []
    for ax, path in zip(axes, found):
        drawing = draw_graph(output, ax=ax, highlight=path.pairs(), fmt=fmt)
        ax.set_title(str(path), fontsize=10)
        drawings.append(drawing)
    return drawings


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _power_of_ten(y, _pos=None):
    """10³ rather than mathtext $10^{3}$: the same look, a fraction of the drawing time."""
    if y <= 0:
        return ""
    exponent = round(math.log10(y))
    return "1" if exponent == 0 else "10" + str(exponent).translate(_SUPERSCRIPT)


class WorkPlot:
    """Path count and multiply-adds of a diamond chain against its depth, log scale.

    `update(width, depth)` moves the curves to another width and the markers
    to another depth, in place.
    """

    def __init__(self, ax, width, depths, depth=None, top=None):
        self.ax, self.depths = ax, list(depths)
        if not self.depths or min(self.depths) < 1:
            raise ValueError("depths must be a non-empty range of positive integers")
        styles = [("paths", "paths", COLORS["second"], ":"),
                  ("path_sum", "work by paths", COLORS["alert"], "--"),
                  ("factored", "work by stages", COLORS["main"], "-")]
        self.lines, self.marks = {}, {}
        for key, label, color, style in styles:
            self.lines[key], = ax.plot(self.depths, self.depths, style, color=color, lw=2,
                                       label=label)
            self.marks[key], = ax.plot([self.depths[0]], [1], "o", color=color, ms=7)
        ax.set_yscale("log")
        # A fixed scale with few, plain tick labels: cheap to redraw, easy to compare widths.
        if top is None:
            top = diamond_counts(max(self.depths), width)["path_sum"]
        decades = math.ceil(math.log10(top)) + 1
        decades += 2                                     # room for the legend
        every = max(1, math.ceil(decades / 3))           # about four labels
        ax.set_ylim(0.5, 10.0 ** decades)
        ax.yaxis.set_major_locator(mticker.FixedLocator(
            [10.0 ** e for e in range(0, decades + 1, every)]))
        ax.yaxis.set_minor_locator(mticker.NullLocator())
        ax.yaxis.set_major_formatter(mticker.FuncFormatter(_power_of_ten))
        ax.xaxis.set_major_locator(mticker.MaxNLocator(nbins=4, integer=True))
        ax.grid(False, axis="x")
        ax.set_xlabel("depth k")
        ax.set_ylabel("count (log scale)")
        ax.set_xlim(min(self.depths) - 0.3, max(self.depths) + 0.3)
        ax.legend(loc="upper left", fontsize=9, frameon=False)
        self.update(width, depth if depth is not None else self.depths[0])

    def update(self, width, depth):
        table = [diamond_counts(k, width) for k in self.depths]
        for key, line in self.lines.items():
            line.set_ydata([row[key] for row in table])
        here = diamond_counts(depth, width)
        for key, mark in self.marks.items():
            mark.set_data([depth], [here[key]])


def plot_work(width, depths=range(1, 13), depth=None, ax=None, top=None):
    """Plot the work of the path sum against the factored computation; returns a WorkPlot.

    top -- the largest count the y axis must hold (default: this width's)
    """
    if isinstance(width, bool) or not isinstance(width, int) or width < 1:
        raise ValueError(f"width must be a positive integer, got {width!r}")
    if ax is None:
        _, ax = plt.subplots(figsize=(7.0, 3.8))
    return WorkPlot(ax, width, depths, depth, top)


class StepDrawing:
    """The graph with each node's tangent or adjoint filled in as the steps go.

    `show(steps, done)` fills in the first `done` steps, rings the node of the
    last one and highlights the edges it read; nodes still to come show "?".
    """

    def __init__(self, ax, output, fmt=".3g"):
        self.fmt = fmt
        self.drawing = draw_graph(output, ax=ax, fmt=fmt)
        self.ax = ax
        # Two-line nodes are wider: stop the arrows further out so their heads show.
        for arrow in self.drawing.edge_arrows:
            arrow.arrow_patch.shrinkA = arrow.arrow_patch.shrinkB = 34

    def show(self, steps, done, output=None):
        if output is not None:
            self.drawing.update(output)
        if not 0 <= done <= len(steps):
            raise ValueError(f"done must be between 0 and {len(steps)}, got {done}")
        filled = {s.node: s for s in steps[:done]}
        names = {s.node: s.name for s in steps}
        current = steps[done - 1].node if done else None
        for text, node in zip(self.drawing.node_text, self.drawing.nodes):
            step = filled.get(node)
            number = format(step.value, self.fmt) if step else "?"
            name = node.label or node.op
            text.set_text(f"{name} = {format(node.data, self.fmt)}\n{names.get(node, '')} = {number}")
            box = text.get_bbox_patch()
            box.set_facecolor("#FBE3C2" if step else "white")    # a pale tint of "second"
            box.set_edgecolor(COLORS["alert"] if node is current else COLORS["main"])
            box.set_linewidth(3.0 if node is current else 1.5)
        self.drawing.highlight(steps[done - 1].edge_pairs() if done else ())


def draw_steps(output, steps, done=None, ax=None, fmt=".3g"):
    """Draw `output`'s graph with the first `done` steps (default: all) filled in."""
    if not isinstance(output, Value):
        raise TypeError(f"output must be a Value, got {type(output).__name__}")
    if ax is None:
        _, ax = plt.subplots(figsize=(7.0, 3.4))
    drawing = StepDrawing(ax, output, fmt)
    drawing.show(list(steps), len(steps) if done is None else done)
    return drawing


def plot_mode_ratios(rows, ax=None, label="measured", color=None, marker="o"):
    """Log-log plot of a measured time ratio against n, with its fitted slope.

    rows -- the dicts of `helpers.walks.time_modes` (keys n and ratio)
    Also draws the exact ratio of multiply-adds as a thin line, for reference.
    Returns the axes.
    """
    if not rows:
        raise ValueError("rows must hold at least two measurements")
    if ax is None:
        _, ax = plt.subplots(figsize=(6.4, 3.8))
    color = color or COLORS["main"]
    ns = [r["n"] for r in rows]
    ratios = [r["ratio"] for r in rows]
    slope = loglog_slope(ns, ratios)
    ax.loglog(ns, ratios, marker, color=color, ms=7, label=f"{label} (fitted slope {slope:.2f})")
    ops = [max(r["forward_ops"], r["reverse_ops"]) / min(r["forward_ops"], r["reverse_ops"])
           for r in rows]
    ax.loglog(ns, ops, "-", color=color, lw=1, alpha=0.6, label=f"{label}: ratio of multiply-adds")
    ax.set_xlabel("$n$")
    ax.set_ylabel("time ratio, slower mode / faster")
    ax.legend(fontsize=9, frameon=False)
    return ax
