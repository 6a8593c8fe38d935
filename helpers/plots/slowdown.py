"""Figures for the learning slowdown of one sigmoid neuron.

Static figures (`plot_runs`, `plot_sigmoid_points`, `plot_costs_of_output`)
take their data and `ax=None` and return the axes. `SlowdownDrawing` is the
figure of the live panel: it is built once and `update` moves its artists in
place; what does not move is drawn from a cached picture (`freeze_static`).
"""
import numpy as np
from matplotlib.ticker import FixedLocator

from helpers.activations import Sigmoid
from helpers.costs import CrossEntropyCost, QuadraticCost
from helpers.i18n import _, N_
from helpers.neuron import FIELDS, NeuronHistory
from helpers.plots.background import freeze_static
from helpers import style
from helpers.style import COLORS, EPOCH, OUTPUT_A, START_W_B, cost_label
from helpers.validate import choice, float_array, instance, real

__all__ = ["COST_STYLE", "START_STYLE", "plot_runs", "plot_starts", "plot_sigmoid_points",
           "plot_costs_of_output", "SlowdownDrawing", "Z_LIMITS"]

# The two costs of a sigmoid neuron, in the look they have in every figure (helpers.style).
COST_STYLE = {name: style.COST_STYLE[name] for name in ("quadratic", "cross-entropy")}
Z_LIMITS = (-10.0, 10.0)
TARGET_Y = N_("target y = {y:g}")
_TINY = np.finfo(float).tiny


def _pairs(table, name, what):
    """A dict {label: (value, style dict)}, checked."""
    if not isinstance(table, dict) or not all(
            isinstance(e, (tuple, list)) and len(e) == 2 and isinstance(e[1], dict)
            for e in table.values()):
        raise TypeError(f"{name} must be a dict {{label: ({what}, style dict)}}, got {table!r:.80}")
    return table


def _axes(ax):
    if ax is None:
        import matplotlib.pyplot as plt
        _fig, ax = plt.subplots()
    return ax


def plot_runs(curves, ax=None, ylabel=OUTPUT_A, title=None, target=None):
    """Curves against the epoch: curves = {label: (values, style dict)}.

    values -- one number per epoch, epoch 0 first
    target -- draw the target output as a dotted line
    """
    ax = _axes(ax)
    for label, (values, style) in curves.items():
        ax.plot(np.arange(len(values)), values, label=label, **style)
    if target is not None:
        ax.axhline(target, color=COLORS["muted"], linestyle=":", linewidth=1,
                   label=_(TARGET_Y).format(y=target))
    ax.set_xlim(0, max((len(values) - 1 for values, _style in curves.values()), default=0))
    ax.set_xlabel(_(EPOCH))
    ax.set_ylabel(_(ylabel))
    if title:
        ax.set_title(title)
    ax.legend(loc="best", fontsize="small")
    return ax


# One look per starting point in the static figures.
START_STYLE = [{"color": COLORS["third"], "linestyle": "-"},
               {"color": COLORS["highlight"], "linestyle": "--"}]


def plot_starts(histories, field="output", axes=None, target=None):
    """One axes per cost, one curve per starting point: {cost name: NeuronHistory}.

    Each history holds the runs from several starts at once (w0, b0 given as
    arrays); every axes shares the same y scale, so the costs compare at a glance.
    """
    if not isinstance(histories, dict):
        raise TypeError(f"histories must be a dict {{cost name: NeuronHistory}}, "
                        f"got {histories!r:.80}")
    if not histories:
        raise ValueError("histories must hold at least one {cost name: NeuronHistory}")
    for name, history in histories.items():
        instance(history, f"histories[{name!r}]", NeuronHistory)
    field = choice(field, "field", FIELDS)
    target = None if target is None else real(target, "target")
    if axes is None:
        import matplotlib.pyplot as plt
        _fig, axes = plt.subplots(1, len(histories), sharey=True, squeeze=False,
                               figsize=(4.6 * len(histories), 3.4))
        axes = axes[0]
    labels = {"output": _(OUTPUT_A), "cost": _("cost of the example"), "dC_dw": "dC/dw"}
    for ax, (name, history) in zip(axes, histories.items()):
        values = np.asarray(getattr(history, field))
        values = values.reshape(values.shape[0], -1)
        w0, b0 = np.ravel(history.w[0]), np.ravel(history.b[0])
        curves = {_(START_W_B).format(w=w0[i], b=b0[i]):
                  (values[:, i], START_STYLE[i % 2]) for i in range(values.shape[1])}
        plot_runs(curves, ax=ax, ylabel=labels.get(field, field), target=target,
                  title=f"{cost_label(name)}, η = {history.eta:g}")
    return axes


def plot_sigmoid_points(points, ax=None, z_range=(-6, 6)):
    """The sigmoid curve with labelled points on it and the slope sigma'(z) at each.

    points -- {label: (z, style dict)}
    """
    for label, (z, _style) in _pairs(points, "points", "z").items():
        real(z, f"points[{label!r}]")
    z_range = float_array(z_range, "z_range", shape=(2,))
    if not z_range[0] < z_range[1]:
        raise ValueError(f"z_range must be (low, high) with low < high, got {z_range.tolist()}")
    ax = _axes(ax)
    zz = np.linspace(*z_range, 400)
    ax.plot(zz, Sigmoid.fn(zz), color=COLORS["ink"], linewidth=1.5, label=r"$\sigma(z)$")
    for label, (z, style) in points.items():
        z = float(z)
        a, slope = float(Sigmoid.fn(z)), float(Sigmoid.prime(z))
        ax.plot([z], [a], linestyle="none", markersize=9, label=label,
                **{"marker": "o", **{k: v for k, v in style.items() if k != "linestyle"}})
        half = 1.2                                 # the tangent line over z +- half
        ax.plot([z - half, z + half], [a - slope * half, a + slope * half],
                color=style.get("color", COLORS["ink"]), linewidth=1, linestyle=":")
        ax.annotate(f"z = {z:.1f}\na = {a:.4f}\nσ'(z) = {slope:.4f}", (z, a),
                    xytext=(10, -24), textcoords="offset points", ha="left", va="top",
                    fontsize="small", color=style.get("color", COLORS["ink"]))
    ax.set_xlim(*z_range)
    ax.set_ylim(-0.05, 1.1)
    ax.set_xlabel("z = w x + b")
    ax.set_ylabel("a = σ(z)")
    ax.legend(loc="upper left", fontsize="small")
    return ax


def plot_costs_of_output(y=0.0, ax=None):
    """Quadratic and cross-entropy cost of one example as the output a goes from 0 to 1."""
    y = real(y, "y", 0.0, 1.0)
    ax = _axes(ax)
    a = np.linspace(0.001, 0.999, 500)
    for cost in (QuadraticCost, CrossEntropyCost):
        ax.plot(a, cost.example_cost(a, y), label=cost_label(cost.name),
                **{k: v for k, v in COST_STYLE[cost.name].items() if k not in ("marker", "label")})
    ax.axvline(y, color=COLORS["muted"], linestyle=":", linewidth=1, label=_(TARGET_Y).format(y=y))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 4)
    ax.set_xlabel(_(OUTPUT_A))
    ax.set_ylabel(_("cost of one example (y = {y:g})").format(y=y))
    ax.legend(loc="upper center", fontsize="small")
    return ax


def _epoch_ticks(epochs):
    return [0, epochs // 2, epochs] if epochs >= 2 else [0, epochs]


class SlowdownDrawing:
    """The live panel's figure: cost and output against the epoch, and the sigmoid.

    Left, top: each cost divided by its value at epoch 0, so both costs share
    one fixed scale from 0 to 1 (with a target of 0 or 1 the output never
    overshoots it, so the cost only falls). Left, bottom: the output a.
    Right, bottom: the sigmoid, sharing the output's axis a = sigma(z), with
    the start (open circle), the neuron's z after the last epoch for each
    cost, and the stretch of the curve each run travelled. Right, top: the key.

    `update(histories)` takes {cost name: NeuronHistory or None}; None hides
    that cost (its artists get no data). `freeze()` (once the figure is laid
    out) has everything but the moving artists drawn from a cached picture;
    the picture is redrawn only when the epoch axis changes.
    """

    def __init__(self, figure, y=0.0, max_epochs=500):
        grid = figure.add_gridspec(2, 2, width_ratios=[1.6, 1], hspace=0.1, wspace=0.1)
        self.figure = figure
        self.ax_cost = figure.add_subplot(grid[0, 0])
        self.ax_output = figure.add_subplot(grid[1, 0], sharex=self.ax_cost)
        self.ax_sigmoid = figure.add_subplot(grid[1, 1], sharey=self.ax_output)
        self.ax_key = figure.add_subplot(grid[0, 1])
        self.epoch_ticks = FixedLocator(_epoch_ticks(max_epochs))
        self.epochs, self.layer = max_epochs, None
        self.cost_lines, self.output_lines, self.current, self.travelled = {}, {}, {}, {}
        # On the sigmoid, the stretch each run travelled: the first one wider, so both show.
        for (name, style), width in zip(COST_STYLE.items(), (7, 3)):
            line_style = {"color": style["color"], "linestyle": style["linestyle"], "linewidth": 2}
            self.cost_lines[name], = self.ax_cost.plot([0, 1], [1, 1], **line_style)
            self.output_lines[name], = self.ax_output.plot([0, 1], [0.5, 0.5], **line_style)
            self.travelled[name], = self.ax_sigmoid.plot([0, 0], [0.5, 0.5], color=style["color"],
                                                         linewidth=width,
                                                         alpha=0.5, solid_capstyle="butt")
            self.current[name], = self.ax_sigmoid.plot([0], [0.5], linestyle="none",
                                                       marker=style["marker"], markersize=9,
                                                       color=style["color"])
        self.ax_output.axhline(y, color=COLORS["muted"], linestyle=":", linewidth=1)
        zz = np.linspace(*Z_LIMITS, 200)
        self.ax_sigmoid.plot(zz, Sigmoid.fn(zz), color=COLORS["ink"], linewidth=1.2)
        self.start, = self.ax_sigmoid.plot([0], [0.5], linestyle="none", marker="o", markersize=10,
                                           markerfacecolor="none", markeredgewidth=1.5,
                                           color=COLORS["ink"])
        self.key_samples = []
        self._dress()

    @property
    def dynamic(self):
        """The artists that move with the sliders (the rest can be drawn from a cache)."""
        return [*self.cost_lines.values(), *self.output_lines.values(), *self.current.values(),
                *self.travelled.values(), self.start, *self.key_samples]

    def _dress(self):
        """Fixed limits and ticks (the epoch axis follows the epochs slider)."""
        for ax in (self.ax_cost, self.ax_output, self.ax_sigmoid):
            ax.minorticks_off()
        self.ax_cost.set_ylim(-0.03, 1.08)
        self.ax_cost.yaxis.set_major_locator(FixedLocator([0, 1]))
        self.ax_cost.set_ylabel(_("cost ÷ start"))
        self.ax_cost.tick_params(bottom=False, labelbottom=False)
        self.ax_output.set_ylim(-0.03, 1.03)
        self.ax_output.yaxis.set_major_locator(FixedLocator([0, 0.5, 1]))
        self.ax_output.xaxis.set_major_locator(self.epoch_ticks)
        self.ax_output.set_xlim(0, self.epochs)
        self.ax_output.set_ylabel(_(OUTPUT_A))
        self.ax_output.set_xlabel(_(EPOCH))
        self.ax_sigmoid.set_xlim(*Z_LIMITS)
        self.ax_sigmoid.xaxis.set_major_locator(FixedLocator([-5, 0, 5]))
        self.ax_sigmoid.tick_params(left=False, labelleft=False)
        self.ax_sigmoid.set_xlabel("z")
        key = self.ax_key
        key.set_axis_off()
        key.set_xlim(0, 1)
        key.set_ylim(0, 1)
        for i, (name, style) in enumerate(COST_STYLE.items()):
            row = 0.85 - 0.22 * i
            sample, = key.plot([0.08, 0.26], [row, row], color=style["color"],
                               linestyle=style["linestyle"], linewidth=2)
            dot, = key.plot([0.17], [row], marker=style["marker"], color=style["color"],
                            markersize=8)
            self.key_samples += [sample, dot]
            key.text(0.32, row, cost_label(name), color=style["color"], va="center")
        key.plot([0.17], [0.41], marker="o", markersize=10, markerfacecolor="none",
                 markeredgewidth=1.5, color=COLORS["ink"])
        key.text(0.32, 0.41, _("start, filled: now"), va="center")

    def freeze(self):
        """Draw the static artists from a cached picture from now on (call after the layout)."""
        self.layer = freeze_static(self.figure, self.dynamic)
        return self.layer

    def update(self, histories):
        epochs = None
        for name in COST_STYLE:
            history = histories.get(name)
            if history is None:                # hidden: no data (visibility belongs to the cache)
                for artist in (self.cost_lines[name], self.output_lines[name], self.current[name],
                               self.travelled[name]):
                    artist.set_data([], [])
                continue
            epochs = history.epochs
            t = history.epoch
            start = max(float(history.cost[0]), _TINY)
            self.cost_lines[name].set_data(t, np.minimum(history.cost / start, 1.08))
            self.output_lines[name].set_data(t, history.output)
            z0, z1 = np.clip([history.z[0], history.z[-1]], *Z_LIMITS)
            self.current[name].set_data([z1], [Sigmoid.fn(z1)])
            stretch = np.linspace(z1, z0, 40)
            self.travelled[name].set_data(stretch, Sigmoid.fn(stretch))
            self.start.set_data([z0], [Sigmoid.fn(z0)])
        if epochs is not None and epochs != self.epochs:
            self.epochs = epochs
            self.ax_output.set_xlim(0, max(epochs, 1))
            self.epoch_ticks.locs = _epoch_ticks(epochs)
            if self.layer is not None:
                self.layer.invalidate()           # the epoch axis is part of the cached picture
