"""The step-through panel and the walk plots of notebooks 02-03."""
import io
import warnings

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from helpers.examples import running_example as build_running_example  # noqa: E402
from helpers.graph import Value  # noqa: E402
from helpers.plots.walks import draw_each_path, draw_steps, plot_mode_ratios  # noqa: E402
from helpers.walks import forward_steps, reverse_steps  # noqa: E402
from helpers.widgets.modes import ModeStepPanel  # noqa: E402


@pytest.fixture(autouse=True)
def strict():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield
    plt.close("all")


def running_example():
    a, b = Value(2.0, "a"), Value(1.0, "b")
    return a, b, build_running_example(a, b)


# ---- the step-through panel --------------------------------------------------

def node_texts(panel):
    return {n.label: t.get_text() for n, t in zip(panel.drawing.drawing.nodes,
                                                  panel.drawing.drawing.node_text)}


def test_next_fills_one_node_per_click_forward():
    panel = ModeStepPanel()
    assert all(text.endswith("\n?") for text in node_texts(panel).values())
    assert panel.formula.get_text() == "forward mode from b: press 'next step'"
    seen = []
    for _ in range(5):
        panel.controls["next"].click()
        seen.append([k for k, t in node_texts(panel).items() if not t.endswith("?")])
    assert seen == [["a"], ["a", "b"], ["a", "b", "c"], ["a", "b", "c", "d"],
                    ["a", "b", "c", "d", "e"]]
    assert node_texts(panel)["e"] == "de/db\n5"
    assert panel.formula.get_text() == \
        "step 5 of 5: de/db = dc/db × 2 + dd/db × 3 = 1 × 2 + 1 × 3 = 5"
    assert panel.controls["next"].disabled
    panel.controls["next"].click()                        # past the end: nothing changes
    assert panel.done == 5 and panel.formula.get_text().startswith("step 5 of 5")


def test_reverse_mode_order_reset_and_mode_switch():
    panel = ModeStepPanel(done=2)
    panel.controls["mode"].value = "reverse"              # another walk starts empty
    assert panel.done == 0 and panel.controls["wrt"].disabled
    for _ in range(5):
        panel.controls["next"].click()
    texts = node_texts(panel)
    assert [texts[k] for k in "ecdab"] == \
        ["de/de\n1", "de/dc\n2", "de/dd\n3", "de/da\n2", "de/db\n5"]
    panel.controls["reset"].click()
    assert panel.done == 0 and panel.formula.get_text() == "reverse mode from e: press 'next step'"
    assert not panel.controls["next"].disabled


def test_moving_a_slider_keeps_the_steps_taken():
    panel = ModeStepPanel(wrt="a")
    for _ in range(3):
        panel.controls["next"].click()
    panel.controls["b"].value = 2.0
    assert panel.done == 3
    assert node_texts(panel)["c"] == "dc/da\n1"
    assert panel.output.data == (2.0 + 2.0) * (2.0 + 1.0)
    assert [s.node.label for s in panel.steps] == ["a", "b", "c", "d", "e"]


def test_step_panel_highlights_the_edges_read():
    panel = ModeStepPanel(mode="reverse")
    for _ in range(4):                                    # e, d, c, then b reads b->d, b->c
        panel.controls["next"].click()
    drawing = panel.drawing.drawing
    thick = sorted((drawing.nodes[i].label, drawing.nodes[j].label)
                   for (i, j), arrow in zip(drawing.edge_keys, drawing.edge_arrows)
                   if arrow.arrow_patch.get_linewidth() > 2)
    assert thick == [("b", "c"), ("b", "d")]


@pytest.mark.parametrize("kwargs,match", [({"mode": "sideways"}, "mode must be"),
                                          ({"wrt": "c"}, "wrt must be 'a' or 'b'"),
                                          ({"done": 6}, "done must be"),
                                          ({"done": True}, "done must be")])
def test_step_panel_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        ModeStepPanel(**kwargs)


# ---- the path-count panel ----------------------------------------------------

def test_draw_each_path_titles_the_products():
    _, b, e = running_example()
    drawings = draw_each_path(e, b)
    assert [d.ax.get_title() for d in drawings] == ["b → c → e: 1 × 2 = 2", "b → d → e: 1 × 3 = 3"]
    fig, axes = plt.subplots(1, 1, squeeze=False)
    with pytest.raises(ValueError, match="axes must hold at least 2 Axes"):
        draw_each_path(e, b, axes=axes[0])


def test_draw_steps_and_ratio_plots():
    a, b, e = running_example()
    drawing = draw_steps(e, forward_steps(e, b))
    assert drawing.drawing.node_text[-1].get_text() == "e = 6\nde/db = 5"
    with pytest.raises(ValueError, match="done must be between 0 and 5"):
        draw_steps(e, reverse_steps(e), done=7)
    with pytest.raises(TypeError, match="output must be a Value"):
        draw_steps(3.0, [])
    rows = [{"n": n, "ratio": 2.0 * n, "forward_ops": 10 * n, "reverse_ops": 10}
            for n in (10, 100, 1000)]
    ax = plot_mode_ratios(rows)
    assert "fitted slope 1.00" in ax.get_legend().get_texts()[0].get_text()
    with pytest.raises(ValueError, match="rows must hold"):
        plot_mode_ratios([])


# ---- the cached static background ------------------------------------------------

def figure_with(y_moving):
    from matplotlib.figure import Figure
    fig = Figure(figsize=(4, 3), dpi=50)
    ax = fig.add_subplot()
    ax.plot([0, 1, 2], [0, 1, 0], color="0.5", alpha=0.5)        # still, half transparent
    ax.set_title("still")
    ax.grid(True)
    moving, = ax.plot([0, 1, 2], y_moving, "o-", zorder=5)
    ax.set_xlim(-0.5, 2.5)
    ax.set_ylim(-1, 2)
    return fig, moving


def pixels(fig):
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba()).astype(int)


def test_static_background_draws_what_a_plain_draw_draws():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from helpers.plots.background import freeze_static
    fig, moving = figure_with([1, 0, 1])
    FigureCanvasAgg(fig)
    layer = freeze_static(fig, [moving])
    assert moving.get_animated() is False and fig.axes[0].title.get_animated() is True
    for y in ([1, 0, 1], [0.5, 1.5, -0.5]):
        moving.set_ydata(y)
        plain, _ = figure_with(y)
        FigureCanvasAgg(plain)
        assert np.abs(pixels(fig) - pixels(plain)).max() <= 2
        assert not fig.stale                      # drawing starts no second draw
    saved, plain_saved = io.BytesIO(), io.BytesIO()
    fig.savefig(saved, format="png")              # saving draws every artist for real
    plain.savefig(plain_saved, format="png")
    saved.seek(0), plain_saved.seek(0)
    diff = np.abs(plt.imread(saved) - plt.imread(plain_saved)).max()
    assert diff <= 2 / 255
    assert layer.get_zorder() < 0
