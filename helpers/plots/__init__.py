"""Plot functions, one module per topic.

Each takes its data and `ax=None`, draws, and returns the axes or the artists
a widget will update. None calls plt.show() or changes global style.
`as_image(fig)` turns a finished static figure into the PNG a notebook shows.
"""
import io

from helpers.validate import instance, sequence

__all__ = ["as_image", "axes_list"]


def as_image(fig):
    """A static figure as a PNG for the notebook (and GitHub); closes the figure."""
    import matplotlib.pyplot as plt
    from IPython.display import Image
    if not isinstance(fig, plt.Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(fig)
    return Image(data=buffer.getvalue(), format="png")


def axes_list(axes, name, low, high=None):
    """One Axes, or a list or array of `low` to `high` (None: any number) of them, as a list."""
    from matplotlib.axes import Axes
    if isinstance(axes, Axes):
        axes = [axes]
    axes = sequence(getattr(axes, "flat", axes), name, "one Axes or a list of them")
    if len(axes) < low or (high is not None and len(axes) > high):
        count = f"at least {low}" if high is None else low if low == high else f"{low} to {high}"
        raise ValueError(f"{name} must hold {count} Axes, got {len(axes)}")
    return [instance(a, f"{name}[{i}]", Axes) for i, a in enumerate(axes)]
