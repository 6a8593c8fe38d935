"""The output slopes of a network while it trains (notebook 07): why the quadratic cost starts slowly."""
import numpy as np

from helpers.i18n import _
from helpers.plots import axes_list
from helpers.style import COLORS, COST_STYLE, cost_label
from helpers.validate import float_array, instance, positive_int

__all__ = ["plot_output_slopes"]

COLUMNS = ("slope right", "slope others", "output right", "output others")


def plot_output_slopes(records, steps_per_epoch, axes=None):
    """sigma'(z^L) (left) and the output a^L (right) of the right-class output and of the others.

    records         -- {cost name: array (n, 4)}: row i after i steps (row 0: before any),
                       columns (sigma' right class, sigma' others, a right class, a others),
                       each a mean over the images watched
    steps_per_epoch -- mini-batch steps per epoch: the x axis is in epochs
    Right class solid, the others dashed; one colour per cost. Returns the two axes.
    """
    instance(records, "records", dict)
    if not records:
        raise ValueError("records must hold at least one cost")
    steps_per_epoch = positive_int(steps_per_epoch, "steps_per_epoch")
    checked = {}
    for name, rows in records.items():
        if name not in COST_STYLE:
            raise ValueError(f"records keys must be cost names {sorted(COST_STYLE)}, got {name!r}")
        checked[name] = float_array(rows, f"records[{name!r}]", shape=(None, 4))
    if axes is None:
        import matplotlib.pyplot as plt
        _fig, axes = plt.subplots(1, 2, figsize=(9, 3.2), constrained_layout=True)
    left, right = axes = axes_list(axes, "axes", 2, 2)
    for name, rows in checked.items():
        epochs = np.arange(rows.shape[0]) / steps_per_epoch
        style = COST_STYLE[name]
        cost = cost_label(style["label"])
        for ax, first in ((left, 0), (right, 2)):
            ax.plot(epochs, rows[:, first], color=style["color"], lw=1.8,
                    label=_("{cost}: right class").format(cost=cost))
            ax.plot(epochs, rows[:, first + 1], color=style["color"], lw=1.4, ls="--",
                    label=_("{cost}: the others").format(cost=cost))
    left.axhline(0.25, color=COLORS["ink"], lw=1, ls=":")
    left.annotate(_("largest possible σ' = 1/4"), (0.02, 0.25), xycoords=("axes fraction", "data"),
                  xytext=(0, 3), textcoords="offset points", fontsize="small")
    left.set_ylim(0, 0.27)
    left.set_ylabel(_("mean σ'(z) of the output"))
    left.set_title(_("slope of the output sigmoids"))
    right.set_ylim(0, 1)
    right.set_ylabel(_("mean output a"))
    right.set_title(_("the outputs themselves"))
    right.legend(fontsize="x-small", loc="upper left")
    for ax in axes:
        ax.set_xlabel(_("epochs of training"))
        ax.set_xlim(0, max(rows.shape[0] - 1 for rows in checked.values()) / steps_per_epoch)
    return axes
