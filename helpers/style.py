"""The collection's look: a colour-blind-safe palette and readable defaults."""
import unicodedata

from helpers.i18n import _, N_

__all__ = ["OKABE_ITO", "COLORS", "COST_STYLE", "COST_NAMES", "cost_label",
           "LEARNING_RATE", "PATH", "EPOCH", "OUTPUT_A", "START_W_B",
           "text_width", "pad", "FONT_FAMILIES", "use_style"]

# Okabe & Ito (2008), safe for the common colour-vision deficiencies.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00",
             "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

# Latin, Greek and maths from DejaVu Sans; Chinese glyphs from the first CJK font the
# machine has (binder/apt.txt and `run.py test` install Noto Sans CJK on Linux).
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN",
                 "Microsoft YaHei", "PingFang SC"]

# Named roles, so that plots say what a colour means rather than which it is.
COLORS = {"main": "#0072B2", "second": "#E69F00", "third": "#009E73",
          "alert": "#D55E00", "highlight": "#CC79A7", "light": "#56B4E9",
          "ink": "#000000", "muted": "#999999"}

# One look per cost in every figure: colour AND line style AND marker, and a label.
COST_STYLE = {
    "quadratic": {"color": COLORS["main"], "linestyle": "-", "marker": "o",
                  "label": N_("quadratic + sigmoid")},
    "cross-entropy": {"color": COLORS["second"], "linestyle": "--", "marker": "s",
                      "label": N_("cross-entropy + sigmoid")},
    "log-likelihood": {"color": COLORS["third"], "linestyle": "-.", "marker": "^",
                       "label": N_("log-likelihood + softmax")},
}

# A cost's name where a figure or a panel shows it (the code knows a cost by its English name).
COST_NAMES = {"quadratic": N_("quadratic"), "cross-entropy": N_("cross-entropy"),
              "log-likelihood": N_("log-likelihood")}

# Words that several figures and panels show.
LEARNING_RATE = N_("η (learning rate)")
PATH = N_("path")
EPOCH = N_("epoch")
OUTPUT_A = N_("output a")
START_W_B = N_("start w = {w:g}, b = {b:g}")      # a neuron's starting point (notebook 06 too)


def cost_label(name):
    """A cost's name (or COST_STYLE label) in the learner's language; other names as they are."""
    known = name in COST_NAMES.values() or any(s["label"] == name for s in COST_STYLE.values())
    return _(name) if known else name


def text_width(text):
    """How many columns `text` takes in a fixed-width font: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text, width, right=False):
    """`text` padded with spaces to `width` columns (text_width), on the left if right=True."""
    fill = " " * max(0, width - text_width(text))
    return fill + text if right else text + fill


def use_style():
    """Set the palette and sizes for the figures of a notebook session.

    Also turns matplotlib's interactive mode off: a figure appears where the
    notebook displays it (a panel, or `as_image(fig)`), never twice.
    """
    import matplotlib as mpl
    import matplotlib.pyplot as plt
    from matplotlib import cycler, font_manager
    plt.ioff()
    installed = {font.name for font in font_manager.fontManager.ttflist}
    mpl.rcParams.update({
        # only families the machine has: matplotlib logs a line for each one it misses
        "font.family": [name for name in FONT_FAMILIES if name in installed] or ["sans-serif"],
        "axes.prop_cycle": cycler(color=OKABE_ITO),
        "figure.figsize": (7.0, 3.6),
        "figure.dpi": 80,
        "savefig.dpi": 80,
        "font.size": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "figure.max_open_warning": 0,
    })
