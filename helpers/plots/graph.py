"""Draw a computation graph with matplotlib alone, left to right by depth."""
import math

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from helpers.graph import Value
from helpers.style import COLORS
from helpers.validate import instance, sequence

__all__ = ["draw_graph", "GraphDrawing", "layout", "number_format"]


def layout(nodes):
    """x = depth (longest path from an input), y = spread within each column.

    Within a column, nodes are ordered by the mean height of their parents,
    which keeps most edges from crossing.
    nodes -- Values with every node's parents before it, as Value.topo() lists them
    """
    depth, y = {}, {}
    for node in nodes:
        depth[id(node)] = 1 + max((depth[id(p)] for p in node.parents), default=-1)
    columns = {}
    for node in nodes:
        columns.setdefault(depth[id(node)], []).append(node)
    for d in sorted(columns):
        col = columns[d]
        if d > 0:
            col.sort(key=lambda n: -sum(y[id(p)] for p in n.parents) / len(n.parents))
        top = (len(col) - 1) / 2
        for i, node in enumerate(col):
            y[id(node)] = top - i
    return {id(n): (float(depth[id(n)]), y[id(n)]) for n in nodes}


def _node_text(node, show_grad, fmt):
    name = node.label or node.op or "input"
    text = f"{name}\n{format(node.data, fmt)}"
    if show_grad:
        text += f"\ngrad {format(node.grad, fmt)}"
    return text


class GraphDrawing:
    """The artists of a drawn graph, so that a widget can update them in place.

    `update(output)` re-labels the drawing from a new graph of the same shape
    (the same expression at other input values); `highlight(edges)` recolours
    the given (parent, child) edges.
    """

    def __init__(self, ax, output, show_grad, fmt):
        self.ax, self.show_grad, self.fmt = ax, show_grad, fmt
        self.nodes = output.topo()
        pos = layout(self.nodes)
        index = {id(n): i for i, n in enumerate(self.nodes)}
        self.edge_keys, self.edge_text, self.edge_arrows = [], [], []
        for child in self.nodes:
            for k, (parent, d) in enumerate(zip(child.parents, child.local)):
                repeats = sum(p is parent for p in child.parents)
                (x0, y0), (x1, y1) = pos[id(parent)], pos[id(child)]
                # Bend repeated edges apart, and edges that skip a column around it.
                rad = (0.3 if k % 2 == 0 else -0.3) if repeats > 1 else (-0.4 if x1 - x0 > 1 else 0.0)
                arrow = ax.annotate(
                    "", xy=(x1, y1), xytext=(x0, y0),
                    arrowprops=dict(arrowstyle="-|>", color=COLORS["muted"], lw=1.5,
                                    shrinkA=22, shrinkB=22, connectionstyle=f"arc3,rad={rad}"))
                # Label at the middle of the (possibly bent) edge.
                mx, my = (x0 + x1) / 2 + rad * (y1 - y0) / 2, (y0 + y1) / 2 - rad * (x1 - x0) / 2
                label = ax.text(mx, my, format(d, fmt), ha="center", va="center", fontsize=9,
                                color=COLORS["ink"], zorder=3,
                                bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none"))
                self.edge_keys.append((index[id(parent)], index[id(child)]))
                self.edge_arrows.append(arrow)
                self.edge_text.append(label)
        self.node_text = [
            ax.text(*pos[id(n)], _node_text(n, show_grad, fmt), ha="center", va="center",
                    fontsize=10, zorder=4,
                    bbox=dict(boxstyle="circle,pad=0.3" if not n.parents else "round,pad=0.4",
                              fc=COLORS["light"] if not n.parents else "white",
                              ec=COLORS["main"], lw=1.5))
            for n in self.nodes]
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        ax.set_xlim(min(xs) - 0.6, max(xs) + 0.6)
        ax.set_ylim(min(ys) - 0.7, max(ys) + 0.7)
        ax.set_axis_off()

    def update(self, output):
        """Show the numbers of `output`'s graph, which must have the same shape."""
        nodes = self.nodes = output.topo()
        for text, node in zip(self.node_text, nodes):
            text.set_text(_node_text(node, self.show_grad, self.fmt))
        locals_ = [d for child in nodes for d in child.local]
        for text, d in zip(self.edge_text, locals_):
            text.set_text(format(d, self.fmt))

    def highlight(self, edges=(), color=None):
        """Draw the given (parent, child) edges thick and coloured, the rest muted."""
        wanted = {(id(p), id(c)) for p, c in edges}
        color = color or COLORS["alert"]
        for (i, j), arrow in zip(self.edge_keys, self.edge_arrows):
            on = (id(self.nodes[i]), id(self.nodes[j])) in wanted
            arrow.arrow_patch.set_color(color if on else COLORS["muted"])
            arrow.arrow_patch.set_linewidth(3.5 if on else 1.5)


def number_format(fmt):
    """A format spec for the numbers, such as ".4g"."""
    instance(fmt, "fmt", str)
    try:
        format(1.0, fmt)
    except ValueError:
        raise ValueError(f"fmt must be a format for numbers such as '.4g', got {fmt!r}") from None
    return fmt


def _pairs(edges, name):
    """(parent, child) pairs of Values, as a list."""
    edges = sequence(edges, name, "a list of (parent, child) pairs of Values")
    for i, pair in enumerate(edges):
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise ValueError(f"{name}[{i}] must be a (parent, child) pair, got {pair!r}")
        instance(pair[0], f"{name}[{i}][0]", Value)
        instance(pair[1], f"{name}[{i}][1]", Value)
    return edges


_format = number_format     # transitional (issue 12): plots/network.py still imports this name


def draw_graph(output, ax=None, highlight=(), show_grad=False, fmt=".4g"):
    """Draw the graph that computes `output`: node labels and values, edge derivatives.

    highlight -- (parent, child) pairs of Values to draw thick (a path, say)
    show_grad -- also print each node's .grad (after a backward pass)
    Returns a GraphDrawing, whose .ax is the axes and whose update() and
    highlight() change the labels and colours in place.
    """
    instance(output, "output", Value)
    highlight, fmt = _pairs(highlight, "highlight"), number_format(fmt)
    if ax is not None:
        instance(ax, "ax", Axes)
    else:
        n = len(output.topo())
        _, ax = plt.subplots(figsize=(min(3 + 1.6 * math.sqrt(n), 12), min(2 + 0.8 * math.sqrt(n), 8)))
    drawing = GraphDrawing(ax, output, show_grad, fmt)
    drawing.highlight(highlight)
    return drawing
