"""Figures for softmax outputs and for training networks on the digits."""
import numpy as np

from helpers.activations import softmax
from helpers.i18n import _
from helpers.style import COLORS, COST_STYLE, EPOCH, cost_label
from helpers.training import Run
from helpers.validate import float_array, instance, integer, positive_int

__all__ = ["plot_softmax", "plot_digit_grid", "plot_training_curves"]

def plot_softmax(z, axes=None, target=None):
    """The scores z_j (left) and the softmax probabilities a_j (right) as bars.

    target -- the index of the right class, outlined on the right
    """
    z = float_array(z, "z").ravel()
    if z.size == 0:
        raise ValueError("z must be a non-empty vector of finite numbers")
    if target is not None:
        target = integer(target, "target", 0, z.size - 1)
    if axes is None:
        import matplotlib.pyplot as plt
        _fig, axes = plt.subplots(1, 2, figsize=(8, 2.8))
    a = softmax(z.reshape(-1, 1)).ravel()
    classes = np.arange(z.size)
    left, right = axes
    left.bar(classes, z, color=COLORS["muted"])
    left.set_title(_("scores z (any real numbers)"))
    bars = right.bar(classes, a, color=COLORS["main"])
    right.set_ylim(0, 1.05)
    right.set_title(_("softmax a (sum = {total:.2f})").format(total=a.sum()))
    for bar, value in zip(bars, a):
        right.annotate(f"{value:.3f}", (bar.get_x() + bar.get_width() / 2, value),
                       xytext=(0, 3), textcoords="offset points", ha="center", fontsize="small")
    if target is not None:
        bars[target].set_edgecolor(COLORS["ink"])
        bars[target].set_linewidth(2)
        bars[target].set_hatch("//")
    for ax in axes:
        ax.set_xticks(classes)
        ax.set_xlabel(_("class j"))
    return axes


def plot_digit_grid(images, captions, ncols=10, title=None, cmap="gray_r"):
    """Small 8x8 images (one per column of `images`) in a grid, each with a caption."""
    import matplotlib.pyplot as plt
    images = float_array(images, "images")
    if images.ndim != 2 or images.shape[0] != 64:
        raise ValueError(f"images must have shape (64, m), one 8x8 image per column, "
                         f"got {images.shape}")
    if isinstance(captions, (str, bytes)) or not hasattr(captions, "__len__"):
        raise TypeError(f"captions must be a list of texts, one per image, "
                        f"got {type(captions).__name__}")
    ncols = positive_int(ncols, "ncols")
    if len(captions) != images.shape[1]:
        raise ValueError(f"captions must have one entry per image ({images.shape[1]}), "
                         f"got {len(captions)}")
    n = images.shape[1]
    if n == 0:
        raise ValueError("images must hold at least one image")
    ncols = min(ncols, n)
    nrows = -(-n // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(0.95 * ncols, 1.25 * nrows), squeeze=False)
    for k, ax in enumerate(axes.flat):
        ax.set_axis_off()
        if k < n:
            ax.imshow(images[:, k].reshape(8, 8), cmap=cmap, vmin=0, vmax=1)
            ax.set_title(captions[k], fontsize="small")
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_training_curves(runs, axes=None):
    """Test accuracy and training cost per epoch for each run: {cost name: Run}."""
    if not isinstance(runs, dict):
        raise TypeError(f"runs must be a dict {{cost name: Run}} (from train_each_cost), "
                        f"got {type(runs).__name__}")
    for name, run in runs.items():
        instance(run, f"runs[{name!r}]", Run)
        if "test_accuracy" not in run.history:
            raise ValueError(f"runs[{name!r}] must have test accuracies (train it with test data)")
    if not runs:
        raise ValueError("runs must hold at least one {cost name: Run}")
    if axes is None:
        import matplotlib.pyplot as plt
        _fig, axes = plt.subplots(1, 2, figsize=(10, 3.6))
    acc_ax, cost_ax = axes
    for name, run in runs.items():
        style = dict(COST_STYLE.get(name, {"label": name}))
        label = cost_label(style.pop("label"))
        epochs = run.history["epoch"]
        accuracy = 100 * np.asarray(run.history["test_accuracy"])
        acc_ax.plot(epochs, accuracy, label=f"{label}: {accuracy[-1]:.1f}%", markevery=5,
                    markersize=5, **style)
        cost_ax.plot(epochs, run.history["train_cost"], label=label, markevery=5,
                     markersize=5, **style)
    acc_ax.axhline(95, color=COLORS["muted"], linestyle=":", linewidth=1)
    acc_ax.set_ylim(0, 100)
    acc_ax.set_xlabel(_(EPOCH))
    acc_ax.set_ylabel(_("test accuracy (%)"))
    acc_ax.legend(loc="lower right", fontsize="small", title=_("final test accuracy"),
                  title_fontsize="small")
    cost_ax.set_yscale("log")
    cost_ax.set_xlabel(_(EPOCH))
    cost_ax.set_ylabel(_("training cost (its own cost function)"))
    cost_ax.legend(loc="upper right", fontsize="small")
    return axes
