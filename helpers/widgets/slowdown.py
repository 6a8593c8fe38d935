"""One sigmoid neuron learning live: quadratic vs cross-entropy cost."""
import ipywidgets as widgets

from helpers.neuron import train_neuron
from helpers.i18n import _, N_
from helpers.style import LEARNING_RATE, cost_label
from helpers.validate import choice, integer, real
from helpers.plots.slowdown import COST_STYLE, SlowdownDrawing
from helpers.widgets import Panel, new_figure

__all__ = ["SlowdownPanel"]

COST = N_("cost")            # the selector's label and the readout's column
MAX_EPOCHS = 1000         # training both costs this far takes about 20 ms


class SlowdownPanel(Panel):
    """Sliders for the neuron's start, the learning rate and the epochs; a cost selector.

    x, y -- the single training example (input 1, target 0 in the curriculum)
    The other arguments are the sliders' starting values.

    Runs are cached: moving only the epochs slider reuses (or carries on)
    the run already computed for the same start and learning rate.
    """

    def __init__(self, w0=2.0, b0=2.0, eta=0.15, epochs=300, cost="both", x=1.0, y=0.0):
        self.x, self.y = real(x, "x", -2.0, 2.0), real(y, "y", 0.0, 1.0)
        choice(cost, "cost", (*COST_STYLE, "both"))
        # The sliders' ranges:
        w0, b0 = real(w0, "w0", -4.0, 4.0), real(b0, "b0", -4.0, 4.0)
        eta, epochs = real(eta, "eta", 0.005, 2.0), integer(epochs, "epochs", 10, MAX_EPOCHS)
        wide = {"description_width": "initial"}
        self.controls = {
            "w0": widgets.FloatSlider(value=w0, min=-4.0, max=4.0, step=0.1, style=wide,
                                      description=_("w₀ (starting weight)")),
            "b0": widgets.FloatSlider(value=b0, min=-4.0, max=4.0, step=0.1, style=wide,
                                      description=_("b₀ (starting bias)")),
            "eta": widgets.FloatSlider(value=eta, min=0.005, max=2.0, step=0.005, style=wide,
                                       readout_format=".3f", description=_(LEARNING_RATE)),
            "epochs": widgets.IntSlider(value=epochs, min=10, max=MAX_EPOCHS, step=10, style=wide,
                                        description=_("epochs")),
            "cost": widgets.ToggleButtons(options=[(cost_label(name), name) for name in COST_STYLE]
                                          + [(_("both"), "both")],
                                          value=cost, description=_(COST), style=wide),
        }
        self.readout = widgets.HTML()
        self._runs = {}
        self.figure = new_figure(figsize=(8.4, 3.6))
        self.drawing = SlowdownDrawing(self.figure, y=self.y, max_epochs=epochs)
        self.figure.subplots_adjust(left=0.08, right=0.98, bottom=0.14, top=0.97)
        self.drawing.freeze()                    # only the curves and markers are redrawn
        self._connect()

    def control_box(self):
        return widgets.VBox([super().control_box(), self.readout])

    def run(self, cost, w0, b0, eta, epochs):
        """The NeuronHistory for these settings, reusing a cached run where possible."""
        key = (float(w0), float(b0), float(eta))
        cached = self._runs.get(cost)
        if cached is not None and cached[0] == key:
            history = cached[1].extended(epochs)
        else:
            history = train_neuron(self.x, self.y, w0, b0, eta, epochs, cost)
        if cached is None or cached[0] != key or history.epochs > cached[1].epochs:
            self._runs[cost] = (key, history)
        return history

    def update(self, w0, b0, eta, epochs, cost):
        epochs = int(epochs)
        shown = list(COST_STYLE) if cost == "both" else [cost]
        self.histories = {name: self.run(name, w0, b0, eta, epochs) if name in shown else None
                          for name in COST_STYLE}
        self.drawing.update(self.histories)
        self.readout.value = self._readout(epochs)

    def _readout(self, epochs):
        rows = []
        for name, h in self.histories.items():
            if h is None:
                continue
            rows.append(f"<tr><td><b>{cost_label(name)}</b></td><td>{h.output[0]:.4f} → {h.output[-1]:.4f}</td>"
                        f"<td>{h.cost[0]:.4f} → {h.cost[-1]:.4f}</td><td>{h.dC_dw[0]:.4g}</td>"
                        f"<td>{h.z[-1]:.2f}</td></tr>")
        head = "<tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>".format(
            _("output, epoch 0 → {epochs}").format(epochs=epochs), _(COST), _("first dC/dw"),
            _("z now"))
        return f"<table>{head}{''.join(rows)}</table>"
