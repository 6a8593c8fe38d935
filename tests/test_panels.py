"""Every live panel, swept: slider ends, random settings, every button, warnings as errors.

The panels are found through `Panel.registry`, which every subclass joins by
being defined, so a new panel is swept without being listed anywhere.
"""
import ast
import pathlib
import random
import re
import statistics
import time
import warnings

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from helpers.widgets import Panel, all_panels  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
PANELS = all_panels()
NOT_FINITE = re.compile(r"\b(nan|inf)\b", re.I)


def sliders(panel):
    return {k: w for k, w in panel.controls.items() if hasattr(w, "min") and hasattr(w, "max")}


def choosers(panel):
    return {k: w for k, w in panel.controls.items() if hasattr(w, "options") and w.options}


def buttons(panel):
    return [w for w in panel.controls.values() if hasattr(w, "click")]


def random_value(widget, rng):
    if hasattr(widget, "options"):
        return rng.choice(list(widget.options.values()) if isinstance(widget.options, dict)
                          else [o[1] if isinstance(o, tuple) else o for o in widget.options])
    if isinstance(widget.value, (int, np.integer)) and not isinstance(widget.value, bool):
        return rng.randint(widget.min, widget.max)
    steps = int(round((widget.max - widget.min) / widget.step)) if widget.step else 1000
    return widget.min + rng.randint(0, steps) * (widget.step or (widget.max - widget.min) / 1000)


def settings(panel, n_random=20, seed=0):
    """Each slider at each end alone, all at min, all at max, then n random settings."""
    rng = random.Random(seed)
    ends = [{k: getattr(w, end)} for k, w in sliders(panel).items() for end in ("min", "max")]
    together = [{k: w.min for k, w in sliders(panel).items()},
                {k: w.max for k, w in sliders(panel).items()}]
    options = [{k: random_value(w, rng)} for k, w in choosers(panel).items() for _ in range(3)]
    randoms = [{k: random_value(w, rng) for k, w in {**sliders(panel), **choosers(panel)}.items()}
               for _ in range(n_random)]
    return ends + together + options + randoms


def artist_problems(fig):
    """What a learner would see as broken: non-finite data, nan/inf labels, empty axes."""
    problems = []
    for i, ax in enumerate(fig.axes):
        if not ax.get_visible():
            continue
        drawn = 0
        for line in ax.get_lines():
            xy = np.asarray(line.get_xydata(), dtype=float)
            if line.get_visible() and xy.size and not np.isfinite(xy).all():
                problems.append(f"axes {i}: line {line.get_label()!r} has NaN/inf")
            drawn += line.get_visible() and xy.size > 0
        for coll in ax.collections:
            offsets = np.asarray(coll.get_offsets(), dtype=float)
            if offsets.size and not np.isfinite(offsets).all():
                problems.append(f"axes {i}: a collection has NaN/inf offsets")
            drawn += coll.get_visible()
        for image in ax.images:
            if not np.isfinite(np.asarray(image.get_array(), dtype=float)).all():
                problems.append(f"axes {i}: an image has NaN/inf")
            drawn += 1
        for text in ax.texts + [ax.title, ax.xaxis.label, ax.yaxis.label]:
            if NOT_FINITE.search(text.get_text()):
                problems.append(f"axes {i}: text {text.get_text()!r}")
        drawn += sum(t.get_visible() and bool(t.get_text()) for t in ax.texts)
        drawn += sum(p.get_visible() for p in ax.patches)
        if not drawn:
            problems.append(f"axes {i} ({ax.get_title()!r}) is empty")
        if not all(np.isfinite(ax.get_xlim())) or not all(np.isfinite(ax.get_ylim())):
            problems.append(f"axes {i}: non-finite limits")
    for text in fig.texts:
        if NOT_FINITE.search(text.get_text()):
            problems.append(f"figure text {text.get_text()!r}")
    return problems


def test_registry_has_every_panel_defined_in_helpers():
    """Every class deriving from Panel in helpers/widgets is in the registry."""
    defined = set()
    for path in (ROOT / "helpers" / "widgets").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ClassDef) and any(
                    getattr(base, "id", getattr(base, "attr", "")) == "Panel" or
                    getattr(base, "id", "").endswith("Panel") for base in node.bases):
                defined.add(f"helpers.widgets.{path.stem}.{node.name}")
    assert defined, "no panels found"
    assert defined <= set(PANELS), f"not registered: {defined - set(PANELS)}"


@pytest.mark.slow    # every value of every slider: 35 s, more than a third of the fast suite's budget
@pytest.mark.parametrize("name", sorted(PANELS))
def test_panel_sweep(name, record_property):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        panel = PANELS[name]()
        assert isinstance(panel, Panel)
        for widget in panel.controls.values():
            assert getattr(widget, "description", "") or hasattr(widget, "click"), \
                f"{name}: a control without a description"
        durations = []
        for setting in settings(panel):
            start = time.perf_counter()
            for key, value in setting.items():
                panel.controls[key].value = value
            panel.figure.canvas.draw()
            durations.append(time.perf_counter() - start)
            problems = artist_problems(panel.figure)
            assert not problems, f"{name} at {setting}: {problems}"
            for button in buttons(panel):
                button.click()
                panel.figure.canvas.draw()
                problems = artist_problems(panel.figure)
                assert not problems, f"{name} after clicking {button.description!r} at {setting}: {problems}"
    record_property("median_update_ms", round(1e3 * statistics.median(durations), 2))
    plt.close("all")


@pytest.mark.parametrize("name", sorted(PANELS))
def test_fallback_reads_as_text_and_is_valid_html(name):
    """Read without a kernel: no block element inside a <p>, each table row on a line of its own."""
    panel = PANELS[name]()
    fallback = panel.fallback()
    for paragraph in re.findall(r"<p\b[^>]*>(.*?)</p>", fallback["text/html"], re.S):
        assert not re.search(r"<(table|div|p|ul|ol|h[1-6]|pre)\b", paragraph), \
            f"{name}: a block element inside a <p>: {paragraph[:120]!r}"
    assert "<" not in fallback["text/plain"].replace("<the panel", ""), f"{name}: markup in the text"
    for table in re.findall(r"<table\b.*?</table>", fallback["text/html"], re.S):
        for row in re.findall(r"<tr\b[^>]*>(.*?)</tr>", table, re.S):
            cells = [re.sub(r"<[^>]+>", "", cell).strip()
                     for cell in re.findall(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", row)]
            line = [ln for ln in fallback["text/plain"].splitlines() if all(c in ln for c in cells)]
            assert line, f"{name}: the row {cells} is not on one line of the text"
            assert re.search(r"\s{2,}".join(re.escape(c) for c in cells if c), line[0]), \
                f"{name}: the row {cells} runs together: {line[0]!r}"
    plt.close("all")
