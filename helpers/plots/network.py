"""Draw a small network: neurons with their activations and errors, weights as edges.

Each neuron is a circle filled by its activation (white at 0, full orange at
1; inputs grey) with its value inside and, given the target, its error
delta = dC/dz underneath. An edge's width grows with |w|, and its sign shows
twice, so that colour is never the only cue: positive weights solid blue,
negative ones dashed vermillion (Okabe-Ito colours). `draw_dominoes` draws
the order of backpropagation instead: one domino per layer, output first.
"""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Polygon
from matplotlib.transforms import ScaledTranslation

from helpers.i18n import _, N_
from helpers.network import Network, as_batch, as_targets
from helpers.plots.graph import INPUT, number_format
from helpers.style import COLORS
from helpers.validate import instance, sequence

__all__ = ["draw_network", "NetworkDrawing", "network_positions", "ACTIVATION_CMAP",
           "weight_name", "draw_dominoes"]

# Inputs are not activations: they are drawn in a neutral grey (the "bad" colour).
ACTIVATION_CMAP = LinearSegmentedColormap.from_list(
    "activation", ["#FFFFFF", COLORS["second"]]).with_extremes(bad="#E4E4E4")
POSITIVE = {"color": COLORS["main"], "linestyle": "-"}
NEGATIVE = {"color": COLORS["alert"], "linestyle": (0, (4, 2))}
COST_C = N_("cost C")           # the dominoes' cost, the network panel's cost axis
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def weight_name(i, j, k):
    """The symbol of weights[i][j, k] in the course's notation: w^(i+2)_(j+1)(k+1)."""
    return f"w{str(i + 2).translate(_SUPERSCRIPT)}{str(j + 1).translate(_SUBSCRIPT)}" \
           f"{str(k + 1).translate(_SUBSCRIPT)}"


def network_positions(sizes):
    """(x, y) of every neuron: layer l at x = l, neurons centred on y = 0, top first."""
    return [np.column_stack([np.full(n, float(l)), (n - 1) / 2 - np.arange(n, dtype=float)])
            for l, n in enumerate(sizes)]


def _one_example(net, x, y):
    instance(net, "net", Network)
    x = as_batch(x, net.sizes[0], "x")
    if x.shape[1] != 1:
        raise ValueError(f"x must be a single example (a vector of length {net.sizes[0]}), "
                         f"got {x.shape[1]} columns")
    if y is not None:
        y = as_targets(y, net.sizes[-1], 1, "y")
    return x, y


def _weight_labels(weight_labels, net):
    """(i, j, k) triples, each naming a weight weights[i][j, k] of net."""
    out = [tuple(t) if isinstance(t, (tuple, list)) else t
           for t in sequence(weight_labels, "weight_labels", "a list of (i, j, k) triples")]
    for n, t in enumerate(out):
        if not (isinstance(t, tuple) and len(t) == 3
                and all(isinstance(v, (int, np.integer)) for v in t)
                and 0 <= t[0] < len(net.weights) and 0 <= t[1] < net.weights[t[0]].shape[0]
                and 0 <= t[2] < net.weights[t[0]].shape[1]):
            raise ValueError(f"weight_labels[{n}] must be the (i, j, k) of a weight "
                             f"weights[i][j, k] of sizes {net.sizes}, got {t!r}")
    return out


class NetworkDrawing:
    """The artists of a drawn network, updated in place by `update(net, x, y)`."""

    def __init__(self, ax, net, x, y=None, fmt=".2f", weight_labels=(), max_width=6.0,
                 annotate=True):
        self.ax, self.fmt, self.max_width = ax, fmt, max_width
        self.sizes = list(net.sizes)
        self.pos = network_positions(self.sizes)
        # weights[i][j, k] joins neuron k of layer i to neuron j of layer i + 1
        self.edge_index = [(i, j, k) for i, w in enumerate(net.weights)
                           for j, k in np.ndindex(w.shape)]
        segments = [[self.pos[i][k], self.pos[i + 1][j]] for i, j, k in self.edge_index]
        self.edges = LineCollection(segments, zorder=1, capstyle="round")
        ax.add_collection(self.edges)
        points = np.vstack(self.pos)
        self.neurons = ax.scatter(points[:, 0], points[:, 1], s=700, c=np.zeros(len(points)),
                                  cmap=ACTIVATION_CMAP, vmin=0.0, vmax=1.0,
                                  edgecolors=COLORS["ink"], linewidths=1.2, zorder=2)
        # One text per neuron (text is what a redraw costs most): the value on the first
        # line, centred in the circle, and delta two lines down, below the circle.
        up = ScaledTranslation(0.0, 6.0 / 72.0, ax.figure.dpi_scale_trans)
        self.labels = [ax.text(px, py, "", ha="center", va="top", fontsize=9, zorder=3,
                               linespacing=1.25, color=COLORS["ink"],
                               transform=ax.transData + up) for px, py in points]
        self.target_text = []
        if annotate:
            self.target_text = [ax.text(px + 0.2, py, "", ha="left", va="center", fontsize=9,
                                        color=COLORS["muted"]) for px, py in self.pos[-1]]
        self.weight_labels = []
        for (i, j, k) in weight_labels:
            (x0, y0), (x1, y1) = self.pos[i][k], self.pos[i + 1][j]
            t = 0.42                             # before the middle, where edges cross less
            label = ax.text(x0 + t * (x1 - x0), y0 + t * (y1 - y0), weight_name(i, j, k),
                            ha="center", va="center",
                            fontsize=8, zorder=4, color=COLORS["ink"],
                            bbox=dict(boxstyle="round,pad=0.12", fc="white", ec="none", alpha=0.9))
            self.weight_labels.append(((i, j, k), label))
        names = [_(INPUT)] + [_("hidden")] * (len(self.sizes) - 2) + [_("output")]
        for l, name in enumerate(names if annotate else ()):
            ax.text(l, (max(self.sizes) - 1) / 2 + 0.45, name, ha="center", va="bottom",
                    fontsize=9, color=COLORS["muted"])
        if annotate:
            ax.legend(handles=[Line2D([], [], lw=2.5, **POSITIVE, label=_("weight > 0")),
                               Line2D([], [], lw=2.5, **NEGATIVE, label=_("weight < 0"))],
                      loc="lower center", ncol=2, fontsize=8, frameon=False, handlelength=2.5,
                      borderaxespad=0.0)
        top = (max(self.sizes) - 1) / 2
        ax.set_xlim(-0.35, len(self.sizes) - 1 + 0.6)
        ax.set_ylim(-top - 1.2, top + 0.8)
        ax.axis("off")
        self.update(net, x, y)

    def update(self, net, x, y=None):
        """Redraw for new weights, input or target (same sizes), changing artists in place."""
        x, y = _one_example(net, x, y)
        if list(net.sizes) != self.sizes:
            raise ValueError(f"net must have sizes {self.sizes} like the drawn one, got {net.sizes}")
        zs, activations = net.forward(x)
        acts = np.concatenate([a[:, 0] for a in activations])
        fill = np.clip(acts, 0.0, 1.0)
        fill[:self.sizes[0]] = np.nan                         # inputs: grey, any value
        self.neurons.set_array(np.ma.masked_invalid(fill))
        weights = np.array([net.weights[i][j, k] for i, j, k in self.edge_index])
        scale = max(1.0, float(np.max(np.abs(weights))))
        self.edges.set_linewidths(0.4 + self.max_width * np.abs(weights) / scale)
        positive = weights >= 0
        self.edges.set_colors([POSITIVE["color"] if p else NEGATIVE["color"] for p in positive])
        self.edges.set_linestyles([POSITIVE["linestyle"] if p else NEGATIVE["linestyle"]
                                   for p in positive])
        deltas = [np.full(n, np.nan) for n in self.sizes[:1]]          # inputs have no delta
        deltas += [d[:, 0] for d in net.deltas(x, y)] if y is not None else \
            [np.full(n, np.nan) for n in self.sizes[1:]]
        for text, value, d in zip(self.labels, acts, np.concatenate(deltas)):
            text.set_text(format(value, self.fmt) + ("" if np.isnan(d) else f"\n\nδ {d:+.2g}"))
        for text, target in zip(self.target_text, [] if y is None else y[:, 0]):
            text.set_text(f"y = {target:g}")
        return self


def draw_network(net, x, y=None, ax=None, fmt=".2f", weight_labels=(), annotate=True):
    """Draw `net` on one example x (and, with the target y, every neuron's delta).

    weight_labels -- (i, j, k) triples: name the edge of weights[i][j, k] ("w²₁₁")
    annotate      -- layer names, targets and a legend of the edge styles (a live panel
                     may say these elsewhere: every text costs time at each redraw)
    Returns a NetworkDrawing (its .ax is the axes).
    """
    _one_example(net, x, y)
    weight_labels = _weight_labels(weight_labels, net)
    fmt = number_format(fmt)
    if ax is not None:
        instance(ax, "ax", Axes)
    else:
        _fig, ax = plt.subplots(figsize=(1.8 * len(net.sizes) + 0.8, 0.75 * max(net.sizes) + 1.5))
    return NetworkDrawing(ax, net, x, y, fmt=fmt, weight_labels=weight_labels,
                          annotate=annotate)


def draw_dominoes(net, x, y, ax=None):
    """Backpropagation on one example (x, y) as dominoes, one per layer after the input.

    The cost tips the output domino (BP1), each domino tips the one to its left
    (BP2), and under each fallen domino are its errors delta, the numbers of
    net.deltas(x, y), and the gradients BP3 and BP4 read off them. The number
    on a domino is the order in which it falls. Returns the axes.
    """
    if y is None:
        raise TypeError("y must be the target of x: the dominoes are errors, which need one")
    x, y = _one_example(net, x, y)
    if ax is not None:
        instance(ax, "ax", Axes)
    deltas, L = net.deltas(x, y), len(net.sizes)
    tilt, height, width, gap = np.radians(20), 1.5, 0.3, 2.3
    along = np.array([-np.sin(tilt), np.cos(tilt)])   # up a domino: it leans left, onto the
    across = np.array([np.cos(tilt), np.sin(tilt)])   # layer whose delta it makes next
    bases = [np.array([gap * i, 0.0]) for i in range(L - 1)]    # the corners they pivot on
    hits = [b + width * across + 0.85 * height * along for b in bases]   # where a push lands
    cost = np.array([bases[-1][0] + 1.5, hits[-1][1]])
    # The texts under the ground are placed in points, so that they keep their size; the
    # limits (and a new figure, at one inch per unit) leave room for `rows` lines of deltas.
    rows, right = min(7, max(net.sizes[1:])), cost[0] + 1.0
    bottom = -(88 + 15 * rows) / 72
    if ax is None:
        ax = plt.figure(figsize=(right + 0.9, height + 0.9 - bottom)).add_axes((0, 0, 1, 1))
    for i, (delta, base) in enumerate(zip(deltas, bases)):
        l = i + 2
        ax.add_patch(Polygon([base, base + width * across, base + width * across + height * along,
                              base + height * along], fc=COLORS["ink"], gid="domino"))
        ax.text(*(base + width / 2 * across + 0.6 * height * along), str(L - l + 1),
                rotation=np.degrees(tilt), ha="center", va="center", color="white",
                fontsize=13, fontweight="bold")
        values = [rf"$\delta^{{{l}}}_{{{j + 1}}}$ = {d:+.3g}" for j, d in enumerate(delta[:6, 0])]
        # a long layer: six
        more = [_("... {count} in all").format(count=len(delta))] if len(delta) > 6 else []
        layer = _("layer {l} (output)") if l == L else _("layer {l} (hidden)")
        below = [(layer.format(l=l), 6, COLORS["ink"], None),
                 ("\n".join(values + more), 24, COLORS["ink"], "delta"),
                 (f"BP3, BP4\n$\\partial C/\\partial b^{{{l}}} = \\delta^{{{l}}}$\n"
                  f"$\\partial C/\\partial w^{{{l}}} = \\delta^{{{l}}} (a^{{{l - 1}}})^T$",
                  34 + 15 * rows, COLORS["third"], None)]
        for text, points, color, gid in below:
            ax.annotate(text, (base[0] + width / 2, 0), xytext=(0, -points), color=color,
                        textcoords="offset points", ha="center", va="top", fontsize=10,
                        linespacing=1.5, multialignment="left", gid=gid)
    ax.text(*cost, _(COST_C), ha="left", va="center", fontsize=11,
            bbox=dict(boxstyle="round,pad=0.3", fc="white", ec=COLORS["alert"], lw=1.5))
    pushes = [(cost, hits[-1], "BP1", COLORS["alert"])]     # then each domino's top onto the next
    pushes += [(hits[i + 1] - width * across, hits[i], "BP2", COLORS["main"]) for i in range(L - 2)]
    for start, end, label, color in pushes:
        ax.add_patch(FancyArrowPatch(start, end, connectionstyle="arc3,rad=0.35",
                                     arrowstyle="-|>", mutation_scale=16, lw=2, color=color))
        ax.text((start[0] + end[0]) / 2, end[1] + 0.35, label, ha="center", va="bottom",
                fontsize=11, color=color, fontweight="bold")
    ax.plot([-0.8, right - 0.1], [0, 0], color=COLORS["muted"], lw=1.5)
    ax.text(-0.8, height + 0.75, _("numbered in the order they fall: the output first"),
            ha="left", va="top", fontsize=10, color=COLORS["ink"])
    ax.set_xlim(-0.9, right)
    ax.set_ylim(bottom, height + 0.9)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax
