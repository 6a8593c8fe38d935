"""Softmax live: move one score and every probability moves, their sum stays 1."""
import ipywidgets as widgets
import numpy as np

from helpers.activations import softmax
from helpers.i18n import _
from helpers.plots.background import freeze_static
from helpers.plots.training import plot_softmax
from helpers.validate import float_array, real
from helpers.widgets import Panel, new_figure

__all__ = ["SoftmaxPanel"]

SCORE_RANGE = (-5.0, 5.0)
TEMPERATURE_RANGE = (0.2, 5.0)


class SoftmaxPanel(Panel):
    """One slider per score z_j and a temperature T; bars of z and of a = softmax(z / T).

    z           -- the starting scores (2 to 6 of them, each within SCORE_RANGE)
    temperature -- the starting T (within TEMPERATURE_RANGE): below 1 the largest
                   score takes more of the probability, above 1 the probabilities even out
    """

    def __init__(self, z=(2.0, 1.0, 0.1), temperature=1.0):
        z = float_array(z, "z", ndim=1)
        if not 2 <= z.size <= 6:
            raise ValueError(f"z must hold 2 to 6 scores, got {z.size}")
        if (z < SCORE_RANGE[0]).any() or (z > SCORE_RANGE[1]).any():
            raise ValueError(f"z must lie between {SCORE_RANGE[0]:g} and {SCORE_RANGE[1]:g}, "
                             f"got {z.tolist()}")
        temperature = real(temperature, "temperature", *TEMPERATURE_RANGE)
        wide = {"description_width": "initial"}
        self.n = z.size
        self.controls = {
            f"z{j}": widgets.FloatSlider(value=float(z[j]), min=SCORE_RANGE[0], max=SCORE_RANGE[1],
                                         step=0.1, description=_("z{sub} (score of class {j})").format(sub=_sub(j), j=j),
                                         style=wide)
            for j in range(self.n)}
        self.controls["temperature"] = widgets.FloatSlider(
            value=temperature, min=TEMPERATURE_RANGE[0], max=TEMPERATURE_RANGE[1], step=0.05,
            description=_("T (temperature)"), style=wide)
        self.readout = widgets.HTML()
        self.figure = new_figure(figsize=(8.0, 2.9))
        axes = self.figure.subplots(1, 2)
        plot_softmax(z, axes=axes)
        self.score_ax, self.prob_ax = axes
        self.score_bars = list(self.score_ax.patches)
        self.prob_bars = list(self.prob_ax.patches)
        self.labels = list(self.prob_ax.texts)
        self.score_ax.set_ylim(SCORE_RANGE[0] - 0.3, SCORE_RANGE[1] + 0.3)
        zero = self.score_ax.axhline(0.0, color="0.5", lw=0.8)
        self.figure.subplots_adjust(left=0.08, right=0.98, bottom=0.17, top=0.88, wspace=0.25)
        # Only the bars, their labels and the titles move: the axes come from a cached picture.
        freeze_static(self.figure, [*self.score_bars, zero, *self.prob_bars, *self.labels,
                                    self.score_ax.title, self.prob_ax.title])
        self._connect()

    def control_box(self):
        return widgets.VBox([super().control_box(), self.readout])

    def probabilities(self, values=None):
        """softmax(z / T) for the sliders' current values (or for `values`)."""
        values = self.values() if values is None else values
        z = np.array([values[f"z{j}"] for j in range(self.n)])
        return z, softmax((z / values["temperature"]).reshape(-1, 1)).ravel()

    def update(self, **values):
        z, a = self.probabilities(values)
        for bar, score in zip(self.score_bars, z):
            bar.set_height(score)
        for bar, label, p in zip(self.prob_bars, self.labels, a):
            bar.set_height(p)
            label.xy = (bar.get_x() + bar.get_width() / 2, p)
            label.set_text(f"{p:.3f}")
        temperature = values["temperature"]
        self.score_ax.set_title(_("scores z (T = {temperature:.2f})").format(temperature=temperature))
        self.prob_ax.set_title(_("softmax(z / T): sum = {total:.6f}").format(total=a.sum()))
        shown = ", ".join(f"{p:.3f}" for p in a)
        self.readout.value = _("a = ({shown}); the probabilities add up to {total:.6f}. The largest "
                               "score, class {j}, takes {largest:.1%} at T = {temperature:.2f}.").format(
            shown=shown, total=a.sum(), j=int(np.argmax(z)), largest=a.max(), temperature=temperature)


def _sub(j):
    return "".join("₀₁₂₃₄₅₆₇₈₉"[int(d)] for d in str(j))
