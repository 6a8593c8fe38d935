"""Draw a computation graph with matplotlib alone, left to right by depth."""
import math
from collections import Counter

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from helpers.i18n import _, N_
from helpers.graph import Value
from helpers.style import COLORS
from helpers.validate import instance, sequence

__all__ = ["draw_graph", "GraphDrawing", "layout", "formula", "number_format"]


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


INPUT = N_("input")          # an input node without a name; an input layer
BINARY = {"+": "+", "*": "·", "-": "−", "/": "/"}
FUNCTIONS = {"exp", "log", "tanh", "sigmoid", "relu"}


def formula(node, fmt=".4g"):
    """How a node was computed from its parents: "c = a + b", "d = b + 1", "tanh(z)".

    An input is just its label. When a parent has no label, the node's label
    (or else its op) alone; an operation the engine does not name is written
    as its op says ("Y = αX + βX + γX").
    """
    instance(node, "node", Value)
    name, op, parents = node.label, node.op, node.parents
    if not parents:
        return name or format(node.data, fmt)
    names = [p.label for p in parents]
    if not all(names):                  # a parent without a name: the node's own name will do
        return name or op
    rhs = None
    if op in BINARY and len(parents) == 2:
        rhs = f"{names[0]} {BINARY[op]} {names[1]}"
    elif op in BINARY and len(parents) == 1:
        rhs = _with_constant(node, names[0], fmt)
    elif op.startswith("**") and len(parents) == 1:
        rhs = f"{names[0]}{op}"
    elif op in FUNCTIONS and len(parents) == 1:
        rhs = f"{op}({names[0]})"
    elif op == "neg" and len(parents) == 1:
        rhs = f"−{names[0]}"
    if rhs is None:                     # an operation named by whoever built the node
        rhs = op or ", ".join(names)
    if not name or name == rhs:
        return rhs
    return f"{name} = {rhs}"


def _with_constant(node, parent, fmt):
    """x + k, x · k, x − k, k − x, x / k, k / x: the constant read back from the numbers."""
    x, y, d = node.parents[0].data, node.data, node.local[0]
    if node.op == "+":
        return f"{parent} + {format(y - x, fmt)}"
    if node.op == "*":
        return f"{parent} · {format(d, fmt)}"
    if node.op == "-":
        if d > 0:                                         # x − k
            return f"{parent} − {format(x - y, fmt)}"
        return f"{format(y + x, fmt)} − {parent}"         # k − x
    if d * x == y or math.isclose(d * x, y):              # x / k has slope 1/k
        return f"{parent} / {format(1.0 / d, fmt)}"
    return f"{format(y * x, fmt)} / {parent}"             # k / x


def _node_text(node, show_grad, fmt, formulas=True):
    name = formula(node, fmt) if formulas else (node.label or node.op or _(INPUT))
    text = f"{name}\n{format(node.data, fmt)}"
    if show_grad:
        text += f"\ngrad {format(node.grad, fmt)}"
    return text


def _middle(ax, start, end, rad):
    """The middle of an arc3 edge, in data coordinates.

    matplotlib bends the edge in display space, so the midpoint is found
    there: a quadratic curve through the control point mid + rad (dy, -dx).
    """
    (x0, y0), (x1, y1) = ax.transData.transform([start, end])
    cx, cy = (x0 + x1) / 2 + rad * (y1 - y0), (y0 + y1) / 2 - rad * (x1 - x0)
    middle = ((x0 + 2 * cx + x1) / 4, (y0 + 2 * cy + y1) / 4)
    return ax.transData.inverted().transform(middle)


def _half_size(node, text, fontsize=10):
    """Half the width and height, in points, of a node's box: a circle for an input."""
    lines = text.split("\n")
    w = 0.6 * fontsize * max(len(line) for line in lines) / 2 + 0.4 * fontsize
    h = 1.2 * fontsize * len(lines) / 2 + 0.4 * fontsize
    if not node.parents:                                  # circle,pad=0.3 around the text
        r = math.hypot(w, h) - 0.1 * fontsize
        return r, r
    return w, h


def _ends(ax, start, end, rad, half_start, half_end):
    """How far (points) each end of an edge stops short of its node's centre: at the box's edge.

    The edge leaves and arrives along the tangents of its arc, towards and
    from the control point of matplotlib's arc3.
    """
    (x0, y0), (x1, y1) = ax.transData.transform([start, end]) * 72.0 / ax.figure.dpi
    cx, cy = (x0 + x1) / 2 + rad * (y1 - y0), (y0 + y1) / 2 - rad * (x1 - x0)

    def to_edge(dx, dy, half):
        w, h = half
        norm = math.hypot(dx, dy) or 1.0
        dx, dy = abs(dx) / norm, abs(dy) / norm
        return min(w / dx if dx else math.inf, h / dy if dy else math.inf) + 3.0

    return to_edge(cx - x0, cy - y0, half_start), to_edge(x1 - cx, y1 - cy, half_end)


def _bends(n):
    """Curvatures that fan n parallel edges apart."""
    spread = min(0.25 * (n - 1), 0.6)
    return [-spread + 2 * spread * k / (n - 1) for k in range(n)]


class GraphDrawing:
    """The artists of a drawn graph, so that a widget can update them in place.

    `update(output)` re-labels the drawing from a new graph of the same shape
    (the same expression at other input values); `highlight(edges)` recolours
    the given (parent, child) edges, `highlight_slots(slots)` the given
    (child, k) edges, one of several parallel ones.
    """

    def __init__(self, ax, output, show_grad, fmt, formulas=True):
        self.ax, self.show_grad, self.fmt, self.formulas = ax, show_grad, fmt, formulas
        self.nodes = output.topo()
        pos = layout(self.nodes)
        index = {id(n): i for i, n in enumerate(self.nodes)}
        xs, ys = zip(*pos.values())
        ax.set_xlim(min(xs) - 0.6, max(xs) + 0.6)       # first: the labels need the scale
        ax.set_ylim(min(ys) - 0.7, max(ys) + 0.7)
        half = {id(n): _half_size(n, _node_text(n, show_grad, fmt, formulas)) for n in self.nodes}
        self.edge_keys, self.edge_slots, self.edge_text, self.edge_arrows = [], [], [], []
        for child in self.nodes:
            copies, seen = Counter(id(p) for p in child.parents), {}
            for k, (parent, d) in enumerate(zip(child.parents, child.local)):
                (x0, y0), (x1, y1) = pos[id(parent)], pos[id(child)]
                # Fan parallel edges apart; bend an edge that skips a column around it.
                j = seen[id(parent)] = seen.get(id(parent), -1) + 1
                n = copies[id(parent)]
                rad = _bends(n)[j] if n > 1 else (-0.4 if x1 - x0 > 1 else 0.0)
                start, end = _ends(ax, (x0, y0), (x1, y1), rad, half[id(parent)], half[id(child)])
                arrow = ax.annotate(
                    "", xy=(x1, y1), xytext=(x0, y0),
                    arrowprops=dict(arrowstyle="-|>", color=COLORS["muted"], lw=1.5,
                                    shrinkA=start, shrinkB=end, connectionstyle=f"arc3,rad={rad}"))
                label = ax.text(*_middle(ax, (x0, y0), (x1, y1), rad), format(d, fmt),
                                ha="center", va="center", fontsize=9, color=COLORS["ink"], zorder=3,
                                bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none"))
                self.edge_keys.append((index[id(parent)], index[id(child)]))
                self.edge_slots.append((index[id(child)], k))
                self.edge_arrows.append(arrow)
                self.edge_text.append(label)
        self.node_text = [
            ax.text(*pos[id(n)], _node_text(n, show_grad, fmt, formulas), ha="center", va="center",
                    fontsize=10, zorder=4,
                    bbox=dict(boxstyle="circle,pad=0.3" if not n.parents else "round,pad=0.4",
                              fc=COLORS["light"] if not n.parents else "white",
                              ec=COLORS["main"], lw=1.5))
            for n in self.nodes]
        ax.set_axis_off()

    def update(self, output):
        """Show the numbers of `output`'s graph, which must have the same shape."""
        nodes = self.nodes = output.topo()
        for text, node in zip(self.node_text, nodes):
            text.set_text(_node_text(node, self.show_grad, self.fmt, self.formulas))
        locals_ = [d for child in nodes for d in child.local]
        for text, d in zip(self.edge_text, locals_):
            text.set_text(format(d, self.fmt))

    def highlight(self, edges=(), color=None):
        """Draw the given (parent, child) edges thick and coloured, the rest muted.

        A pair stands for every parallel edge between the two nodes; to pick
        one of them, use highlight_slots.
        """
        wanted = {(id(p), id(c)) for p, c in edges}
        self._colour([(id(self.nodes[i]), id(self.nodes[j])) in wanted
                      for i, j in self.edge_keys], color)

    def highlight_slots(self, slots=(), color=None):
        """Highlight edges given as (child, k): the edge from child.parents[k] into child."""
        wanted = {(id(child), k) for child, k in slots}
        self._colour([(id(self.nodes[i]), k) in wanted for i, k in self.edge_slots], color)

    def _colour(self, on_flags, color):
        color = color or COLORS["alert"]
        for on, arrow in zip(on_flags, self.edge_arrows):
            arrow.arrow_patch.set_color(color if on else COLORS["muted"])
            arrow.arrow_patch.set_linewidth(3.5 if on else 1.5)
            arrow.set_zorder(2.5 if on else 2)


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


def draw_graph(output, ax=None, highlight=(), show_grad=False, fmt=".4g", formulas=True):
    """Draw the graph that computes `output`: node formulas and values, edge derivatives
    (parallel edges between the same two nodes fanned apart).

    highlight -- (parent, child) pairs of Values to draw thick (a path, say)
    show_grad -- also print each node's .grad (after a backward pass)
    formulas  -- write each node's formula ("c = a + b"); False: its label only
    Returns a GraphDrawing, whose .ax is the axes and whose update() and
    highlight() change the labels and colours in place.
    """
    instance(output, "output", Value)
    highlight, fmt = _pairs(highlight, "highlight"), number_format(fmt)
    if ax is not None:
        instance(ax, "ax", Axes)
    else:
        nodes = output.topo()
        n, columns = len(nodes), 1 + int(max(x for x, _y in layout(nodes).values()))
        longest = max(len(_node_text(v, False, fmt, formulas).split("\n")[0]) for v in nodes)
        width = max(3 + 1.6 * math.sqrt(n), columns * (0.35 + 0.13 * longest) + 0.8)
        _fig, ax = plt.subplots(figsize=(min(width, 12), min(2 + 0.8 * math.sqrt(n), 8)))
    if not isinstance(formulas, bool):
        raise TypeError(f"formulas must be True or False, got {type(formulas).__name__}")
    drawing = GraphDrawing(ax, output, show_grad, fmt, formulas)
    drawing.highlight(highlight)
    return drawing
