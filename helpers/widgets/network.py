"""A 2-3-2 network live: move weights and the input, watch activations and deltas; take SGD steps."""
import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import MaxNLocator

from helpers.network import Network
from helpers.plots.background import freeze_static
from helpers.plots.network import draw_network, weight_name
from helpers.style import COLORS
from helpers.i18n import _
from helpers.plots.network import COST_C
from helpers.style import LEARNING_RATE
from helpers.widgets.modes import RESET
from helpers.validate import float_array, real
from helpers.widgets import Panel, new_figure

__all__ = ["NetworkPanel"]

WEIGHT_RANGE = (-4.0, 4.0)
# The weights on sliders: (layer index i, neuron j, input k) of weights[i][j, k].
SLIDER_WEIGHTS = ((0, 0, 0), (0, 1, 1), (1, 0, 0))


class NetworkPanel(Panel):
    """Sliders for three weights, the two inputs and the learning rate; "step" and "reset".

    seed -- seed of the starting 2-3-2 network (quadratic cost)
    x    -- the training example's input; y -- its target
    eta  -- the learning rate's starting value

    "step" runs one step of gradient descent on the single example
    (update_mini_batch with a mini-batch of one) and moves the weight sliders
    to the new weights (kept within the sliders' range, -4 to 4); the right
    plot shows the cost after each step. Moving a weight or input slider
    starts a new record of steps.
    """

    def __init__(self, seed=0, x=(0.5, -1.0), y=(1.0, 0.0), eta=2.0):
        self.start = Network([2, 3, 2], seed=seed)
        self.net = self.start.copy()
        self.y = float_array(y, "y").reshape(-1, 1)
        if self.y.shape != (2, 1) or (self.y < 0).any() or (self.y > 1).any():
            raise ValueError(f"y must be two targets between 0 and 1, got {y}")
        x = float_array(x, "x").ravel()
        if x.shape != (2,) or (np.abs(x) > 2).any():
            raise ValueError(f"x must be two inputs between -2 and 2, got {x}")
        eta = real(eta, "eta", 0.1, 10.0)                    # the slider's range
        for i, j, k in SLIDER_WEIGHTS:                       # start inside the sliders' range
            self.start.weights[i][j, k] = np.clip(self.start.weights[i][j, k], *WEIGHT_RANGE)
        self.net = self.start.copy()
        wide = {"description_width": "initial"}
        self.weight_controls = {f"w{i}{j}{k}": (i, j, k) for i, j, k in SLIDER_WEIGHTS}
        self.controls = {
            "x1": widgets.FloatSlider(value=float(x[0]), min=-2.0, max=2.0, step=0.05, style=wide,
                                      description=_("x₁ (input 1)")),
            "x2": widgets.FloatSlider(value=float(x[1]), min=-2.0, max=2.0, step=0.05, style=wide,
                                      description=_("x₂ (input 2)")),
        }
        for name, (i, j, k) in self.weight_controls.items():
            self.controls[name] = widgets.FloatSlider(
                value=float(self.net.weights[i][j, k]), min=WEIGHT_RANGE[0], max=WEIGHT_RANGE[1],
                step=0.05, style=wide, description=_("{name} (weight)").format(name=weight_name(i, j, k)))
        self.controls["eta"] = widgets.FloatSlider(value=float(eta), min=0.1, max=10.0, step=0.1,
                                                   style=wide, description=_(LEARNING_RATE))
        self.controls["step"] = widgets.Button(description=_("step"), tooltip=_("one SGD step"),
                                               icon="forward")
        self.controls["reset"] = widgets.Button(description=_(RESET), icon="undo",
                                                tooltip=_("back to the starting weights"))
        self.controls["step"].on_click(self.step)
        self.controls["reset"].on_click(self.reset)
        self.readout = widgets.HTML()
        self._last, self._busy, self.costs, self._cost_scaled = {}, False, [], False

        self.figure = new_figure(figsize=(8.4, 3.4))
        grid = self.figure.add_gridspec(1, 2, width_ratios=[2.3, 1.0], wspace=0.25)
        self.drawing = draw_network(self.net, x, self.y, ax=self.figure.add_subplot(grid[0]),
                                    weight_labels=SLIDER_WEIGHTS, annotate=False)
        self.cost_ax = self.figure.add_subplot(grid[1])
        (self.cost_line,) = self.cost_ax.plot([0], [0.0], "-o", color=COLORS["main"], ms=3, lw=1.5)
        # Tick labels on both axes: whole steps along x, the cost along y.
        self.cost_ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        self.cost_ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
        self.cost_ax.tick_params(labelsize=8)
        self.cost_ax.set_xlabel(_("SGD steps"))
        self.cost_ax.set_ylabel(_(COST_C))
        self.figure.subplots_adjust(left=0.01, right=0.98, bottom=0.16, top=0.95)
        # What a move changes is drawn; the rest (the cost plot's axes) comes from a cached
        # picture, drawn again only when the cost plot's limits change.
        d = self.drawing
        self.layer = freeze_static(self.figure, [d.edges, d.neurons, *d.labels, *d.target_text,
                                                 *(label for _ijk, label in d.weight_labels),
                                                 self.cost_line])
        self._connect()

    def control_box(self):
        return widgets.VBox([super().control_box(), self.readout])

    def _on_change(self, change):
        if not self._busy:                    # "step" and "reset" move sliders, then draw once
            super()._on_change(change)

    def _x(self, values):
        return np.array([values["x1"], values["x2"]])

    def update(self, **values):
        if self._busy:
            return
        new_record = not self._last
        for name, (i, j, k) in self.weight_controls.items():
            last = self._last.get(name)
            # A move smaller than half a slider step is the slider rounding a weight that
            # "step" set: keep the exact weight and the record of steps.
            if name in values and (last is None or abs(values[name] - last) >= 0.025):
                self.net.weights[i][j, k] = values[name]
                new_record = new_record or last is not None
        if any(values.get(n) != self._last.get(n) for n in ("x1", "x2")):
            new_record = True
        self._last = dict(values)
        x = self._x(values)
        cost = self.net.cost_value(x, self.y)
        if new_record:
            self.costs = [cost]
        self._redraw(x, values["eta"])

    def _redraw(self, x, eta):
        self.drawing.update(self.net, x, self.y)
        steps = np.arange(len(self.costs))
        self.cost_line.set_data(steps, self.costs)
        self._cost_limits()
        trial = self.net.copy()
        trial.update_mini_batch(x, self.y, eta)
        after = trial.cost_value(x, self.y)
        self.readout.value = _(
            "cost C = {cost:.4f} after {steps} step(s); one more step with η = {eta:g} would make "
            "it {after:.4f}. Target y = ({y1:g}, {y2:g}).<br>Left to right: input, hidden and "
            "output layer; each neuron shows its activation and δ = ∂C/∂z. Edges: solid blue for "
            "a positive weight, dashed vermillion for a negative one, wider for a larger |w|."
        ).format(cost=self.costs[-1], steps=len(self.costs) - 1, eta=eta, after=after,
                 y1=self.y[0, 0], y2=self.y[1, 0])

    def _cost_limits(self):
        """The cost plot's limits: y from 0 to 1.1 x the largest cost, kept while the costs
        fit in it and fill more than a quarter of it (so that a moved slider moves the point)."""
        top = max(self.costs)
        xlim = (-0.5, max(5, len(self.costs)) - 0.5)
        y_top = self.cost_ax.get_ylim()[1] if self._cost_scaled else None
        if y_top is None or not y_top / 4 <= 1.1 * top <= y_top:
            y_top = 1.1 * top if top > 0 else 1.0
        if (xlim, y_top) != (self.cost_ax.get_xlim(), self.cost_ax.get_ylim()[1]):
            self.cost_ax.set_xlim(*xlim)
            self.cost_ax.set_ylim(0.0, y_top)
            self.layer.invalidate()
        self._cost_scaled = True

    def step(self, _button=None):
        """One SGD step on the single example; the weight sliders follow the new weights."""
        values = self.values()
        x = self._x(values)
        self.net.update_mini_batch(x, self.y, values["eta"])
        self._busy = True
        try:
            for name, (i, j, k) in self.weight_controls.items():
                w = float(np.clip(self.net.weights[i][j, k], *WEIGHT_RANGE))
                self.net.weights[i][j, k] = w
                self.controls[name].value = w
        finally:
            self._busy = False
        self._last = self.values()
        self.costs.append(self.net.cost_value(x, self.y))
        self._redraw(x, values["eta"])
        self.redraw()

    def reset(self, _button=None):
        """Back to the starting network (and a new record of steps)."""
        self.net = self.start.copy()
        self._busy = True
        try:
            for name, (i, j, k) in self.weight_controls.items():
                self.controls[name].value = float(self.net.weights[i][j, k])
        finally:
            self._busy = False
        self._last = {}
        self.update(**self.values())
        self.redraw()
