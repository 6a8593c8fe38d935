"""Every notebook, run in JupyterLab in a real (headless) Chromium.

For each notebook: open it, clear its outputs, run all cells, wait until the
kernel is idle and every code cell has run, then check what a learner sees:
no error or warning output, every widget rendered, sliders, buttons and
ipympl canvases visible, and, for the first panel with a slider, that moving
the slider with the keyboard changes the figure's pixels. A screenshot of
each notebook goes to tests/artifacts/browser/<notebook>.png.
"""
import json
import os
import pathlib
import re
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = pathlib.Path(os.environ.get("BACKPROP_NOTEBOOKS") or ROOT / "notebooks")   # as conftest.py
ARTIFACTS = ROOT / "tests" / "artifacts" / "browser"

pytestmark = pytest.mark.browser

NOTEBOOK_NAMES = sorted(path.name for path in NOTEBOOKS.glob("[0-9]*.ipynb"))
RUN_TIMEOUT_MS = 120_000          # a notebook runs in <= 15 s; the rest is a loaded machine
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

# Evaluated in the page until it returns a verdict: "done" once every code cell
# has an execution count and the kernel is idle, or the first error output.
RUN_STATE_JS = """
(panel) => {
  const root = document.querySelector(panel);
  if (!root) return null;
  const error = root.querySelector('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]');
  if (error) return 'error';
  const status = root.querySelector('.jp-Notebook-ExecutionIndicator')?.dataset.status;
  const prompts = [...root.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
      .map(p => p.textContent.trim());
  const ran = prompts.length > 0 && prompts.every(p => /^\\[\\d+\\]:$/.test(p));
  return (ran && status === 'idle') ? 'done' : null;
}
"""


KERNEL_READY_JS = """
(panel) => document.querySelector(panel + ' .jp-Notebook-ExecutionIndicator')?.dataset.status === 'idle'
  && /\\| Idle/.test(document.querySelector('#jp-main-statusbar')?.innerText || '')
"""


def menu(page, top, item):
    page.locator(f'.lm-MenuBar-itemLabel:text-is("{top}")').click()
    page.locator(f'.lm-Menu-itemLabel:text-is("{item}")').click()


def run_all(page, lab, name):
    # A workspace of its own per notebook: no tabs restored from an earlier test.
    page.goto(lab.url(f"lab/workspaces/{name.split('-')[0]}-{time.monotonic_ns()}/tree/{name}"))
    page.wait_for_selector(f'{PANEL} .jp-Notebook-ExecutionIndicator[data-status="idle"]',
                           timeout=60_000)
    page.wait_for_function(KERNEL_READY_JS, arg=PANEL, timeout=60_000)
    # Clear the stored outputs first, so that an execution count can only come from this run.
    menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function("""(panel) => [...document.querySelectorAll(
        panel + ' .jp-CodeCell .jp-InputArea-prompt')].every(p => !/\\d/.test(p.textContent))""",
                           arg=PANEL)
    menu(page, "Run", "Run All Cells")
    verdict = page.wait_for_function(RUN_STATE_JS, arg=PANEL, timeout=RUN_TIMEOUT_MS,
                                     polling=250).json_value()
    return verdict


def text_of(locator):
    return [t.strip()[:2000] for t in locator.all_inner_texts()]


def check_outputs(page):
    """No error or stderr output, no widget left unrendered."""
    panel = page.locator(PANEL)
    stderr = text_of(panel.locator(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'))
    if stderr:
        pytest.fail("error or warning output in the browser:\n\n" + "\n\n".join(stderr),
                    pytrace=False)
    # Widget views render asynchronously after the output arrives.
    page.wait_for_function("""(panel) => !document.querySelector(panel).innerText
        .includes('Loading widget...')""", arg=PANEL, timeout=30_000)
    text = panel.inner_text()
    assert "Error displaying widget" not in text, "a widget failed to render"
    assert "Loading widget..." not in text


def stored_widget_fallbacks(name):
    """How many stored outputs are a live widget's fallback (a panel's controls line or figure)."""
    cells = json.loads((NOTEBOOKS / name).read_text())["cells"]
    return sum("live when the notebook runs" in "".join(output.get("data", {}).get("text/plain", ""))
               for cell in cells for output in cell.get("outputs", []))


def check_widget_views(page, name):
    """Every widget output is a rendered, live widget view; each stored fallback became one."""
    views = page.locator(f"{PANEL} .jp-OutputArea-output:not([data-mime-type])")
    rendered = page.locator(f"{PANEL} .jp-OutputArea-output:not([data-mime-type]) > "
                            ":is(.jupyter-widgets, .jupyter-matplotlib)")
    expected = stored_widget_fallbacks(name)
    assert views.count() == rendered.count() >= expected, (
        f"at least {expected} widget views expected (one per stored widget fallback), "
        f"{views.count()} widget outputs and {rendered.count()} rendered views in the browser")


def check_visible(page):
    """Every slider, button and ipympl canvas is on screen with a size; returns the counts."""
    counts = {}
    for what, selector in (("sliders", ".widget-slider"),
                           ("buttons", ".jupyter-button:not(.jupyter-matplotlib-button)"),
                           ("canvases", ".jupyter-matplotlib-canvas-div canvas:first-child")):
        items = page.locator(f"{PANEL} {selector}")
        counts[what] = items.count()
        for i in range(counts[what]):
            item = items.nth(i)
            item.scroll_into_view_if_needed()
            box = item.bounding_box()
            assert item.is_visible() and box and box["width"] > 0 and box["height"] > 0, \
                f"{what[:-1]} {i + 1} is not visible"
    return counts


def slider_panel(page):
    """The first output area that holds both a slider and an ipympl canvas, or None."""
    cells = page.locator(f"{PANEL} .jp-CodeCell").filter(
        has=page.locator(".widget-slider")).filter(
        has=page.locator(".jupyter-matplotlib-canvas-div canvas"))
    return cells.first if cells.count() else None


def move_slider_changes_figure(page, cell):
    """Press End (or Home at the top end) on the first slider; seconds until new pixels, or None."""
    canvas = cell.locator(".jupyter-matplotlib-canvas-div canvas").first
    handle = cell.locator(".widget-slider .noUi-handle").first
    handle.scroll_into_view_if_needed()
    canvas.scroll_into_view_if_needed()
    time.sleep(0.3)                                  # let the first frame settle
    before = canvas.screenshot(animations="disabled")
    at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
    handle.focus()
    handle.press("Home" if at_max else "End")
    moved = time.monotonic()
    while time.monotonic() < moved + 15:
        time.sleep(0.25)
        if canvas.screenshot(animations="disabled") != before:
            return time.monotonic() - moved
    return None


def save_screenshot(page, name):
    """The whole notebook in one image: hide the sidebar, make the window as tall as the notebook."""
    page.keyboard.press("Escape")
    sidebar = page.locator("#jp-left-stack")
    if sidebar.is_visible():
        page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current").first.click()
    height = page.evaluate("""(panel) => {
        const outer = document.querySelector(panel + ' .jp-WindowedPanel-outer');
        return outer ? outer.scrollHeight : 900; }""", PANEL)
    page.set_viewport_size({"width": 1280, "height": max(900, min(height + 200, 16_000))})
    page.locator(f"{PANEL} .jp-WindowedPanel-outer").evaluate("e => e.scrollTo(0, 0)")
    time.sleep(0.3)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name.removesuffix('.ipynb')}.png"
    page.screenshot(path=str(path), animations="disabled")
    return path


@pytest.mark.parametrize("name", NOTEBOOK_NAMES or [
    pytest.param(None, marks=pytest.mark.skip(reason="no notebooks/[0-9]*.ipynb yet"))])
def test_notebook_runs_in_jupyterlab(page, lab, name):
    start = time.monotonic()
    report = [name]
    try:
        verdict = run_all(page, lab, name)
        report.append(f"opened and ran all cells in {time.monotonic() - start:.1f} s")
        if verdict == "error":
            check_outputs(page)                       # fails with the error's text
        assert verdict == "done"
        check_outputs(page)
        check_widget_views(page, name)
        counts = check_visible(page)
        report.append(", ".join(f"{n} {what}" for what, n in counts.items()) + " visible")
        cell = slider_panel(page)
        if cell is not None:
            label = cell.locator(".widget-slider .widget-label").first.inner_text()
            seconds = move_slider_changes_figure(page, cell)
            assert seconds is not None, \
                f"moving the slider {label!r} did not change its panel's figure"
            report.append(f"slider {label!r} moved, figure changed after {seconds:.1f} s")
        elif counts["sliders"]:
            pytest.fail("the notebook has sliders but none shares a cell with an ipympl figure")
        prompts = page.locator(f"{PANEL} .jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
        seen = [int(re.sub(r"\D", "", p)) for p in prompts]
        assert seen == list(range(1, len(seen) + 1)), \
            f"cells did not run once each, in order, in a fresh kernel: {seen}"
    finally:
        try:
            report.append(f"screenshot {save_screenshot(page, name).relative_to(ROOT)}")
        except Exception as exc:                      # a screenshot must not hide the real failure
            report.append(f"no screenshot: {exc}")
        report.append(f"{time.monotonic() - start:.1f} s in all")
        print("; ".join(report))


def appearance(page, item):
    page.locator('.lm-MenuBar-itemLabel:text-is("View")').click()
    page.locator('.lm-Menu-itemLabel:text-is("Appearance")').hover()
    page.locator(f'.lm-Menu-itemLabel:text-is("{item}")').click()


PRESENTED = next((n for n in NOTEBOOK_NAMES if stored_widget_fallbacks(n)), None)


@pytest.mark.skipif(PRESENTED is None, reason="no notebook with a live panel yet")
def test_live_panel_works_in_presentation_mode(page, lab):
    """As projected in class: Simple Interface, Presentation Mode, code collapsed, slider moved."""
    assert run_all(page, lab, PRESENTED) == "done"
    appearance(page, "Simple Interface")
    appearance(page, "Presentation Mode")
    menu(page, "View", "Collapse All Code")
    page.wait_for_selector(".jp-mod-presentationMode")
    cell = slider_panel(page)
    assert cell is not None, f"{PRESENTED} shows no slider next to a figure"
    assert move_slider_changes_figure(page, cell) is not None, \
        "in Presentation Mode, moving the slider did not change the figure"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "presentation-mode.png"))
