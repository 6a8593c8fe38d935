"""Plot functions, one module per topic.

Each takes its data and `ax=None`, draws, and returns the axes or the artists
a widget will update. None calls plt.show() or changes global style.
`as_image(fig)` turns a finished static figure into the PNG a notebook shows.
"""
import io

__all__ = ["as_image"]


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
