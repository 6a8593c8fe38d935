"""Live gradient descent: a learning-rate slider and a starting point, in 1-D and in 2-D."""
import ipywidgets as widgets

from helpers.plots.descent import ContourDrawing, ParabolaDrawing
from helpers.plots.background import freeze_static
from helpers.i18n import _
from helpers.style import LEARNING_RATE
from helpers.validate import positive_int, real
from helpers.widgets import Panel, new_figure

__all__ = ["ParabolaPanel", "ContourPanel"]


def _slider(value, low, high, step, description, fmt):
    return widgets.FloatSlider(value=value, min=low, max=high, step=step, description=description,
                               readout_format=fmt, continuous_update=True,
                               style={"description_width": "initial"})


class ParabolaPanel(Panel):
    """C(w) = (w + 1)^2: the iterates on the curve and w_t + 1 against t, for any eta and w0.

    The learning-rate slider runs past 1, so the oscillating (0.5 < eta < 1) and
    diverging (eta > 1) regimes are both on it; a diverging path is cut at the
    edge of the plot and the figure says "diverges".
    """

    def __init__(self, eta=0.2, w0=5.0, steps=20):
        eta, w0 = real(eta, "eta", 0.01, 1.1), real(w0, "w0", -7.0, 5.0)   # the sliders' ranges
        steps = positive_int(steps, "steps", high=200)
        self.controls = {
            "eta": _slider(eta, 0.01, 1.1, 0.01, _(LEARNING_RATE), ".2f"),
            "w0": _slider(w0, -7.0, 5.0, 0.5, _("w₀ (start)"), ".1f"),
        }
        self.figure = new_figure(figsize=(9.0, 3.4))
        ax, ax_dist = self.figure.subplots(1, 2)
        self.drawing = ParabolaDrawing(ax, ax_dist, steps=steps)
        self.figure.tight_layout()
        freeze_static(self.figure, self.drawing.dynamic)     # only the path is redrawn
        self._connect()

    def update(self, eta, w0):
        self.drawing.update(w0, eta)


class ContourPanel(Panel):
    """A tilted bowl (curvatures 1 and 10): the descent path on the contours, and its loss.

    eta runs to 0.22, past the limit 2/10 = 0.2 set by the steep axis, so the
    zigzag (eta > 0.1) and the divergence (eta > 0.2) are both on the slider.
    """

    def __init__(self, eta=0.15, x0=-3.0, y0=3.0, steps=30):
        eta = real(eta, "eta", 0.01, 0.22)                                # the sliders' ranges
        x0, y0 = real(x0, "x0", -4.0, 4.0), real(y0, "y0", -4.0, 4.0)
        steps = positive_int(steps, "steps", high=200)
        self.controls = {
            "eta": _slider(eta, 0.01, 0.22, 0.005, _(LEARNING_RATE), ".3f"),
            "x0": _slider(x0, -4.0, 4.0, 0.25, _("x₀ (start)"), ".2f"),
            "y0": _slider(y0, -4.0, 4.0, 0.25, _("y₀ (start)"), ".2f"),
        }
        self.figure = new_figure(figsize=(9.0, 4.0))
        ax, ax_loss = self.figure.subplots(1, 2, gridspec_kw={"width_ratios": [1.15, 1]})
        self.drawing = ContourDrawing(ax, ax_loss, steps=steps)
        self.figure.tight_layout()
        freeze_static(self.figure, self.drawing.dynamic)     # only the path is redrawn
        self._connect()

    def update(self, eta, x0, y0):
        self.drawing.update((x0, y0), eta)
