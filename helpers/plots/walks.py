"""Pictures of the walks: each path highlighted, the work they cost, the steps of both modes."""
import math

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from helpers.examples import diamond_counts
from helpers.i18n import _, N_
from helpers.graph import Value
from helpers.plots import axes_list
from helpers.plots.graph import draw_graph, number_format
from helpers.style import COLORS
from helpers.timing import loglog_slope
from helpers.validate import instance, integer, positive, positive_int, sequence
from helpers.walks import Step, paths

__all__ = ["draw_each_path", "WorkPlot", "plot_work", "StepDrawing", "draw_steps",
           "plot_mode_ratios", "plot_memory"]


def draw_each_path(output, wrt, axes=None, fmt=".3g"):
    """One small copy of the graph per path from wrt to output, that path highlighted.

    Each copy is titled with the path and its product. Returns the list of
    GraphDrawings (their .ax are the axes).
    """
    found = paths(output, wrt, limit=12)
    fmt = number_format(fmt)
    if axes is None:
        axes = plt.subplots(1, len(found), figsize=(6.4 * len(found), 3.3), squeeze=False)[1]
    drawings = []
    for ax, path in zip(axes_list(axes, "axes", len(found)), found):     # one per path
        drawings.append(draw_graph(output, ax=ax, highlight=path.pairs(), fmt=fmt))
        ax.set_title(str(path), fontsize=10)
    return drawings


CURVES = {"paths": (N_("paths"), COLORS["second"], ":"),
          "path_sum": (N_("path by path"), COLORS["alert"], "--"),
          "factored": (N_("stage by stage"), COLORS["main"], "-")}


def _depths(depths):
    """A non-empty list of positive integers (a range of depths)."""
    depths = sequence(depths, "depths", "a range of positive integers")
    depths = [positive_int(k, f"depths[{i}]") for i, k in enumerate(depths)]
    if not depths:
        raise ValueError("depths must be a non-empty range of positive integers")
    return depths


SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _power_of_ten(e):
    """10^e as plain text ("1", "10", "10²", ...): no mathtext to lay out."""
    return "1" if e == 0 else "10" if e == 1 else "10" + str(e).translate(SUPERSCRIPTS)


class WorkPlot:
    """Path count and multiply-adds of a diamond chain against its depth, log scale.

    curves -- which of "paths" (w^k), "path_sum" (k w^k multiply-adds) and
              "factored" (w k multiply-adds) to draw; each is labelled at its
              right end, nearer the line than a legend
    The lines hold log10 of the counts, on ticks labelled in powers of ten.
    `update(width, depth)` moves the curves to another width and the markers
    to another depth, in place; `counts(key)` reads a curve back as counts.
    """

    def __init__(self, ax, width, depths, depth=None, top=None, curves=tuple(CURVES)):
        self.ax, self.depths = ax, depths
        depth = depths[0] if depth is None else depth
        self.lines, self.marks, self.labels = {}, {}, {}
        right = max(self.depths)
        for key in curves:
            label, color, style = CURVES[key]
            self.lines[key], = ax.plot(self.depths, [0.0] * len(self.depths), style,
                                       color=color, lw=2)
            self.marks[key], = ax.plot([self.depths[0]], [0.0], "o", color=color, ms=7)
            self.labels[key] = ax.text(right + 0.4, 0.0, _(label), color=color,
                                       fontsize=9, va="center", clip_on=False)
        # A fixed scale (easy to compare widths), so the axes never change.
        if top is None:
            top = diamond_counts(max(self.depths), width)["path_sum"]
        decades = math.ceil(math.log10(top)) + 1
        every = 1 if decades <= 8 else 2
        ax.set_ylim(-0.3, decades)
        ax.set_xlim(min(self.depths) - 0.3, right + 0.3)
        exponents = list(range(0, decades + 1, every))
        ax.set_yticks(exponents, [_power_of_ten(e) for e in exponents])
        ax.grid(axis="y", color=COLORS["muted"], lw=0.6, alpha=0.5)
        ax.set_xticks(self.depths if len(self.depths) <= 12 else self.depths[::2])
        ax.set_xlabel(_("depth $k$ (number of stages)"))
        ax.set_ylabel(_("count"))
        self.update(width, depth)

    def update(self, width, depth):
        table = [diamond_counts(k, width) for k in self.depths]
        for key, line in self.lines.items():
            line.set_ydata([math.log10(row[key]) for row in table])
            self.labels[key].set_y(math.log10(table[-1][key]))
        here = diamond_counts(depth, width)
        for key, mark in self.marks.items():
            mark.set_data([depth], [math.log10(here[key])])

    def counts(self, key):
        """The counts a curve shows, back from its log10 data."""
        return [10.0 ** y for y in self.lines[key].get_ydata()]


def plot_work(width, depths=range(1, 13), depth=None, ax=None, top=None, curves=tuple(CURVES)):
    """Plot the work of the path sum against the factored computation; returns a WorkPlot.

    top -- the largest count the y axis must hold (default: this width's)
    """
    width, depths = positive_int(width, "width"), _depths(depths)
    if depth is not None:
        depth = positive_int(depth, "depth")
    if top is not None:
        top = positive(top, "top")
    if isinstance(curves, (str, bytes)) or not isinstance(curves, (list, tuple)) \
            or not curves or any(c not in CURVES for c in curves):
        raise ValueError(f"curves must be some of {list(CURVES)}, got {curves!r}")
    if ax is None:
        fig, ax = plt.subplots(figsize=(7.0, 3.8))
        fig.subplots_adjust(right=0.78, bottom=0.18)   # room for the labels
    work = WorkPlot(ax, width, depths, depth, top, curves)
    ax.set_title(_("width {width}: paths, and multiply-adds of each method (log scale)").format(
        width=width), fontsize=10)
    return work


class StepDrawing:
    """The graph with each node's tangent or adjoint filled in as the steps go.

    `show(steps, done)` fills in the first `done` steps, rings the node of the
    last one and highlights the edges it read; nodes still to come show "?".
    values -- also write each node's value ("c = 3") above its derivative
    """

    def __init__(self, ax, output, fmt=".3g", values=True):
        self.fmt, self.values = fmt, values
        self.drawing = draw_graph(output, ax=ax, fmt=fmt)
        self.ax = ax
        if values:       # two wide lines per node: stop the arrows further out
            for arrow in self.drawing.edge_arrows:
                arrow.arrow_patch.shrinkA = arrow.arrow_patch.shrinkB = 34

    def show(self, steps, done, output=None):
        if output is not None:
            self.drawing.update(output)
        filled = {s.node: s for s in steps[:done]}
        names = {s.node: s.name for s in steps}
        current = steps[done - 1].node if done else None
        for text, node in zip(self.drawing.node_text, self.drawing.nodes):
            step = filled.get(node)
            number = format(step.value, self.fmt) if step else "?"
            if self.values:
                name = node.label or node.op
                text.set_text(f"{name} = {format(node.data, self.fmt)}\n"
                              f"{names.get(node, '')} = {number}")
            else:                                # fewer glyphs, for a live panel
                text.set_text(f"{names.get(node, '')}\n{number}")
            box = text.get_bbox_patch()
            box.set_facecolor("#FBE3C2" if step else "white")    # a pale tint of "second"
            box.set_edgecolor(COLORS["alert"] if node is current else COLORS["main"])
            box.set_linewidth(3.0 if node is current else 1.5)
        self.drawing.highlight(steps[done - 1].edge_pairs() if done else ())


def _steps(steps):
    """A list of Steps (of forward_steps or reverse_steps)."""
    steps = sequence(steps, "steps", "the list of forward_steps or reverse_steps")
    for i, step in enumerate(steps):
        instance(step, f"steps[{i}]", Step)
    return steps


def draw_steps(output, steps, done=None, ax=None, fmt=".3g"):
    """Draw `output`'s graph with the first `done` steps (default: all) filled in."""
    instance(output, "output", Value)
    steps = _steps(steps)
    done = len(steps) if done is None else integer(done, "done", 0, len(steps))
    fmt = number_format(fmt)
    if ax is None:
        _fig, ax = plt.subplots(figsize=(7.0, 3.4))
    drawing = StepDrawing(ax, output, fmt)
    drawing.show(steps, done)
    return drawing


def _rows(rows, source, keys):
    """At least two dicts of `source` (a function of helpers.timing), with positive `keys`."""
    if isinstance(rows, (str, bytes)) or not isinstance(rows, (list, tuple)):
        raise TypeError(f"rows must be the list of dicts of {source}, got {type(rows).__name__}")
    for i, row in enumerate(rows):
        if not isinstance(row, dict) or not set(keys) <= set(row):
            raise TypeError(f"rows[{i}] must be a dict of {source} with keys {keys}, got {row!r}")
        for key in keys:
            positive(row[key], f"rows[{i}][{key!r}]")
    if len(rows) < 2:
        raise ValueError(f"rows must hold at least two measurements, got {len(rows)}")
    return rows


def plot_mode_ratios(rows, ax=None, label=N_("measured"), color=None, marker="o"):
    """Log-log plot of a measured time ratio against n, with its fitted slope.

    rows -- the dicts of `helpers.timing.time_modes` (keys n and ratio)
    Also draws the exact ratio of multiply-adds as a thin line, for reference.
    Returns the axes.
    """
    rows = _rows(rows, "time_modes", ("n", "ratio", "forward_ops", "reverse_ops"))
    if ax is None:
        _fig, ax = plt.subplots(figsize=(6.4, 3.8))
    color = color or COLORS["main"]
    ns = [r["n"] for r in rows]
    ratios = [r["ratio"] for r in rows]
    slope = loglog_slope(ns, ratios)
    label = _(label)
    ax.loglog(ns, ratios, marker, color=color, ms=7,
              label=_("{label} (fitted slope {slope:.2f})").format(label=label, slope=slope))
    ops = [max(r["forward_ops"], r["reverse_ops"]) / min(r["forward_ops"], r["reverse_ops"])
           for r in rows]
    ax.loglog(ns, ops, "-", color=color, lw=1, alpha=0.6, label=_("{label}: ratio of multiply-adds").format(label=label))
    ax.set_xlabel("$n$")
    ax.set_ylabel(_("time ratio, slower mode / faster"))
    ax.legend(fontsize=9, frameon=False)
    return ax


def plot_memory(rows, ax=None):
    """Log-log plot of the bytes reverse mode's stored graph holds, and the peak of a
    forward-mode pass on the fly, against the number of inputs n.

    rows -- the dicts of `helpers.timing.graph_memory`
    Returns the axes.
    """
    rows = _rows(rows, "graph_memory", ("n", "nodes", "graph_bytes", "forward_peak_bytes"))
    ax = plt.subplots(figsize=(6.4, 3.8))[1] if ax is None else instance(ax, "ax", Axes)
    ns = [r["n"] for r in rows]
    ax.loglog(ns, [r["graph_bytes"] / 1e3 for r in rows], "o-", color=COLORS["alert"], ms=7,
              label=_("reverse mode: the stored graph"))
    ax.loglog(ns, [r["forward_peak_bytes"] / 1e3 for r in rows], "s-", color=COLORS["main"], ms=7,
              label=_("forward mode on the fly: peak"))
    ax.set_xlabel(_("$n$ (inputs)"))
    ax.set_ylabel(_("memory (kB)"))
    ax.legend(fontsize=9, frameon=False)
    return ax
