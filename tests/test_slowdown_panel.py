"""The learning-slowdown panel: every slider corner and 20 random settings, warnings as errors."""
import itertools
import random
import warnings

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from helpers.neuron import train_neuron  # noqa: E402
from helpers.widgets.slowdown import MAX_EPOCHS, SlowdownPanel  # noqa: E402

SLIDERS = ("w0", "b0", "eta", "epochs")
COSTS = ("quadratic", "cross-entropy", "both")


@pytest.fixture(scope="module")
def panel():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = SlowdownPanel()
    yield p
    plt.close(p.figure)


def settings(panel, n_random=20, seed=0):
    """Every corner of the four sliders (both costs shown; each cost alone at the two
    extreme corners), then n seeded random points."""
    c = panel.controls
    ends = [(c[k].min, c[k].max) for k in SLIDERS]
    corners = [dict(zip(SLIDERS, values), cost="both") for values in itertools.product(*ends)]
    corners += [dict(zip(SLIDERS, [e[i] for e in ends]), cost=cost)
                for i in (0, 1) for cost in COSTS[:2]]
    rng = random.Random(seed)
    randoms = []
    for _ in range(n_random):
        point = {k: c[k].min + rng.randint(0, round((c[k].max - c[k].min) / c[k].step)) * c[k].step
                 for k in SLIDERS}
        point["epochs"] = int(point["epochs"])
        point["cost"] = rng.choice(COSTS)
        randoms.append(point)
    return corners + randoms


def problems(fig):
    """Empty axes, NaN/inf anywhere, a curve wholly outside its axes' fixed limits.

    The panel draws its static artists from a cached picture, so here they
    count as hidden: every axes must still show at least one moving artist.
    """
    found = []
    for i, ax in enumerate(fig.axes):
        drawn = 0
        for line in ax.get_lines():
            xy = np.asarray(line.get_xydata(), dtype=float)
            if not np.isfinite(xy).all():
                found.append(f"axes {i}: a line has NaN/inf")
            if not (line.get_visible() and xy.size):
                continue
            drawn += 1
            (x0, x1), (y0, y1) = sorted(ax.get_xlim()), sorted(ax.get_ylim())
            inside = (xy[:, 0] >= x0) & (xy[:, 0] <= x1) & (xy[:, 1] >= y0) & (xy[:, 1] <= y1)
            if not inside.any():
                found.append(f"axes {i}: a line lies wholly outside the fixed limits")
        if not drawn:
            found.append(f"axes {i} is empty")
        if not np.isfinite(ax.get_xlim() + ax.get_ylim()).all():
            found.append(f"axes {i}: non-finite limits")
        for text in ax.texts:
            if "nan" in text.get_text().lower() or "inf" in text.get_text().lower():
                found.append(f"axes {i}: text {text.get_text()!r}")
    return found


def test_every_corner_and_random_point_draws_cleanly(panel, monkeypatch):
    cases = settings(panel)
    assert len(cases) == 16 + 4 + 20
    # Under Agg, draw_idle renders at once; render once per setting, below, instead.
    monkeypatch.setattr(panel.figure.canvas, "draw_idle", lambda *args, **kwargs: None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")                  # overflow, log(0), 0/0 would raise
        for case in cases:
            for key, value in case.items():
                panel.controls[key].value = value
            panel.figure.canvas.draw()
            assert not problems(panel.figure), (case, problems(panel.figure))
            shown = [name for name, h in panel.histories.items() if h is not None]
            assert len(shown) == (2 if case["cost"] == "both" else 1)
            drawn = [name for name, line in panel.drawing.output_lines.items()
                     if len(line.get_xdata())]
            assert drawn == shown
            for name in shown:
                h = panel.histories[name]
                assert h.epochs == case["epochs"]
                assert "nan" not in panel.readout.value.lower()


def test_updates_in_place(panel):
    lines_before = [list(ax.get_lines()) for ax in panel.figure.axes]
    panel.controls["w0"].value = -1.3
    panel.controls["cost"].value = "quadratic"
    panel.controls["epochs"].value = 120
    assert [list(ax.get_lines()) for ax in panel.figure.axes] == lines_before


def test_the_panel_shows_the_reference_run():
    p = SlowdownPanel(w0=2.0, b0=2.0, eta=0.15, epochs=300, cost="both")
    q, ce = p.histories["quadratic"], p.histories["cross-entropy"]
    assert abs(q.output[-1] - 0.2028) < 1e-3 and abs(ce.output[-1] - 0.0120) < 1e-3
    drawn = p.drawing.output_lines["quadratic"].get_ydata()
    assert np.array_equal(drawn, q.output)
    assert "0.2028" in p.readout.value and "0.0120" in p.readout.value
    plt.close(p.figure)


def test_cached_runs_equal_fresh_runs():
    p = SlowdownPanel(epochs=100)
    p.controls["epochs"].value = MAX_EPOCHS                  # carried on from the cached run
    p.controls["epochs"].value = 200                         # cut from the cached run
    fresh = train_neuron(w0=2.0, b0=2.0, eta=0.15, epochs=200, cost="quadratic")
    assert np.array_equal(p.histories["quadratic"].output, fresh.output)
    p.controls["eta"].value = 0.5                            # a new run
    fresh = train_neuron(w0=2.0, b0=2.0, eta=0.5, epochs=200, cost="cross-entropy")
    assert np.array_equal(p.histories["cross-entropy"].output, fresh.output)
    plt.close(p.figure)


def test_constructor_checks_its_arguments():
    with pytest.raises(ValueError, match="cost"):
        SlowdownPanel(cost="hinge")
    with pytest.raises(ValueError, match="y must"):
        SlowdownPanel(y=2.0)
    with pytest.raises(TypeError, match="x must"):
        SlowdownPanel(x="one")


def test_static_figures_draw_without_warnings():
    from helpers.plots.slowdown import plot_costs_of_output, plot_sigmoid_points, plot_starts
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        runs = {c: train_neuron(w0=[0.6, 2.0], b0=[0.9, 2.0], epochs=50, cost=c)
                for c in ("quadratic", "cross-entropy")}
        axes = plot_starts(runs, target=0.0)
        assert len(axes) == 2 and len(axes[0].get_lines()) == 3
        assert axes[1].get_title() == "cross-entropy, η = 0.15"
        ax = plot_sigmoid_points({"start": (4.0, {"color": "k"})})
        assert any("0.0177" in t.get_text() for t in ax.texts)
        plot_costs_of_output(y=1.0)
        fig, ax = plt.subplots()
        plot_starts({"quadratic": runs["quadratic"]}, field="cost", axes=[ax])
    with pytest.raises(ValueError, match="histories"):
        plot_starts({})
    plt.close("all")
