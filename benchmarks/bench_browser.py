"""Slider key press to changed pixels, in JupyterLab in headless Chromium, for every panel.

For every panel in the registry (`helpers.widgets.all_panels()`), a small
notebook (`%matplotlib widget`, `use_style()`, the floor's figure, the panel
with its defaults) runs in its own kernel. A slider is focused and
ArrowRight / ArrowLeft are pressed in turn (so the value stays in range),
one move at a time, alternately on the panel's slider and on the floor's:
the next key is pressed only when the canvases have been still for a while
and the kernel is idle. In the page, a keydown listener notes `performance.now()`;
the ipympl canvas's 2D context is wrapped so that every draw into it notes
the time and compares the canvas's pixels with those before the key press.
A move's latency is the time from keydown to the first draw that changed
the pixels (the browser shows them at its next frame, at most 16.7 ms later,
for the floor and the panels alike).

The floor, in the same run and under the same load, since its moves are
taken in turn with each panel's: a one-line ipympl figure whose slider's
observer calls `fig.canvas.draw()` (what the panels do, with nothing to
compute). Budget per panel, with floor = the median of the floor moves taken
in turn with that panel's (on a shared machine the load drifts over a run):
median <= max(60 ms, floor + 12 ms) and p95 <= max(100 ms, 2 x floor). The
ratio column gives the panel's median over that floor; the floor row pools
every floor move of the run.

The JupyterLab server and Chromium are the browser tests' own
(tests/browser/conftest.py): a server from this venv on a free port, with a
token, empty Jupyter folders and its own copy of the notebooks folder.
"""
import json
import pathlib
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field

from benchmarks.common import Row, browser_support

ROOT = pathlib.Path(__file__).resolve().parents[1]
MOVES = 40                  # measured moves per panel (the budget asks for at least 40)
WARMUP = 4                  # moves before those: first draws, lazy imports
QUIET = 0.25                # seconds without a draw, kernel idle, before the next key press
MOVE_TIMEOUT = 5.0          # seconds: a move with no new pixels by then counts as missed
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
CANVAS = ".jupyter-matplotlib-canvas-div canvas:first-child"
SLIDER = ".widget-slider .noUi-handle"

FLOOR_SOURCE = """\
import numpy as np
import ipywidgets as widgets
import matplotlib.pyplot as plt

x = np.linspace(0, 2 * np.pi, 200)
with plt.ioff():
    fig, ax = plt.subplots()
(line,) = ax.plot(x, np.sin(x))
ax.set_ylim(-1.1, 1.1)
fig.canvas.header_visible = False
slider = widgets.FloatSlider(value=1.0, min=0.5, max=3.0, step=0.1, description="k")

def redraw(change):
    line.set_ydata(np.sin(change["new"] * x))
    fig.canvas.draw()

slider.observe(redraw, names="value")
widgets.VBox([slider, fig.canvas])"""

# Installed once per page, on every ipympl canvas; `arm(i)` before each key press
# aimed at canvas i.
PROBE_JS = """
(canvases) => {
  const b = window.__bench = {target: null, t0: null, t1: null, lastDraw: 0, armed: false};
  const contexts = canvases.map(c => c.getContext('2d'));
  const pixels = (i) => new Uint32Array(contexts[i].getImageData(
      0, 0, canvases[i].width, canvases[i].height).data.buffer.slice(0));
  const differs = (a, c) => {
    if (a.length !== c.length) return true;
    for (let i = 0; i < a.length; i++) if (a[i] !== c[i]) return true;
    return false;
  };
  contexts.forEach((ctx, i) => {
    for (const name of ['drawImage', 'putImageData']) {
      const original = ctx[name];
      ctx[name] = function (...args) {
        const out = original.apply(this, args);
        const t = performance.now();
        b.lastDraw = t;
        if (b.armed && b.target === i && b.t0 !== null && b.t1 === null
            && differs(b.before, pixels(i))) b.t1 = t;
        return out;
      };
    }
  });
  // Where the time goes: the first message the page sends after the key press
  // (the slider's new value), and the arrival of the first PNG (ipympl's image).
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (...args) {
    if (b.armed && b.t0 !== null && b.tSend === null) b.tSend = performance.now();
    return send.apply(this, args);
  };
  const objectURL = URL.createObjectURL;
  URL.createObjectURL = function (object) {
    if (b.armed && b.t0 !== null && b.tImage === null && object?.type === 'image/png')
      b.tImage = performance.now();
    return objectURL.call(URL, object);
  };
  document.addEventListener('keydown', () => {
    if (b.armed && b.t0 === null) b.t0 = performance.now();
  }, true);
  b.arm = (i) => {
    b.target = i;
    b.before = pixels(i);
    b.t0 = b.t1 = b.tSend = b.tImage = null;
    b.armed = true;
  };
  b.quiet = (ms) => performance.now() - b.lastDraw > ms;
  return canvases.length;
}
"""

KERNEL_IDLE_JS = """(panel) => document.querySelector(panel + ' .jp-Notebook-ExecutionIndicator')
    ?.dataset.status === 'idle'"""


def notebook(*sources):
    import nbformat
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    return nbformat.writes(nb)


def panel_notebook(qualname):
    """The floor's figure, then the panel, each in its own cell."""
    module, name = qualname.rsplit(".", 1)
    return notebook(f"%matplotlib widget\nfrom helpers import use_style\nuse_style()\n"
                    f"from {module} import {name}", FLOOR_SOURCE, f"{name}()")


def menu(page, top, item):
    page.locator(f'.lm-MenuBar-itemLabel:text-is("{top}")').click()
    page.locator(f'.lm-Menu-itemLabel:text-is("{item}")').click()


def open_and_run(page, lab, path):
    """Open the notebook, run all cells, wait for a slider and a drawn canvas."""
    page.goto(lab.url(f"lab/workspaces/bench-{time.monotonic_ns()}/tree/{path}"),
              timeout=120_000)
    page.wait_for_selector(f'{PANEL} .jp-Notebook-ExecutionIndicator[data-status="idle"]',
                           timeout=60_000)
    page.wait_for_function("""() => /\\| Idle/.test(
        document.querySelector('#jp-main-statusbar')?.innerText || '')""", timeout=60_000)
    menu(page, "Run", "Run All Cells")
    page.wait_for_selector(f"{PANEL} {SLIDER}", timeout=120_000)
    page.wait_for_selector(f"{PANEL} {CANVAS}", timeout=60_000)
    page.wait_for_function("""(panel) => [...document.querySelectorAll(
        panel + ' .jp-CodeCell .jp-InputArea-prompt')].every(p => /\\d/.test(p.textContent))""",
                           arg=PANEL, timeout=120_000)
    page.wait_for_function(KERNEL_IDLE_JS, arg=PANEL, timeout=60_000)


def settle(page, timeout=10.0):
    """Wait until the kernel is idle and the canvas has not been drawn for QUIET seconds."""
    page.wait_for_function(f"""(panel) => ({KERNEL_IDLE_JS})(panel)
        && window.__bench.quiet({QUIET * 1e3})""", arg=PANEL, timeout=timeout * 1e3,
                           polling=20)


def one_move(page, key, target, timeout=MOVE_TIMEOUT):
    """Press `key` on the focused slider: (ms to new pixels on canvas `target`, parts), or None.

    parts -- (key press to the page's first message, that message to the PNG's
    arrival, the PNG's arrival to new pixels) in ms, or None when not seen.
    timeout -- seconds after which a move with no new pixels counts as missed.
    """
    page.evaluate("(i) => window.__bench.arm(i)", target)
    page.keyboard.press(key)
    try:
        page.wait_for_function("() => window.__bench.t1 !== null", timeout=timeout * 1e3,
                               polling=10)
    except Exception:                          # playwright's TimeoutError
        return None
    b = page.evaluate("() => ({t0: window.__bench.t0, t1: window.__bench.t1, "
                      "send: window.__bench.tSend, image: window.__bench.tImage})")
    parts = None
    if b["send"] is not None and b["image"] is not None and b["t0"] <= b["send"] <= b["image"]:
        parts = (b["send"] - b["t0"], b["image"] - b["send"], b["t1"] - b["image"])
    return b["t1"] - b["t0"], parts


@dataclass
class Series:
    """The moves of one slider: latencies (ms), moves with no new pixels, parts of the time."""
    label: str = ""
    samples: list = field(default_factory=list)
    missed: int = 0
    parts: list = field(default_factory=list)

    def add(self, result):
        if result is None:
            self.missed += 1
            return
        self.samples.append(result[0])
        if result[1] is not None:
            self.parts.append(result[1])


class Slider:
    """A slider handle, the canvas it should change, and the keys that move it back and forth."""

    def __init__(self, cell, index, target):
        self.handle = cell.locator(SLIDER).nth(index)
        self.label = cell.locator(".widget-slider .widget-label").nth(index).inner_text().strip()
        at_max = self.handle.get_attribute("aria-valuenow") == \
            self.handle.get_attribute("aria-valuemax")
        self.keys = ["ArrowLeft", "ArrowRight"] if at_max else ["ArrowRight", "ArrowLeft"]
        self.target, self.presses = target, 0

    def move(self, page):
        self.handle.focus()
        settle(page)
        key = self.keys[self.presses % 2]
        self.presses += 1
        return one_move(page, key, self.target)


def measure(page, moves):
    """(floor Series, panel Series): moves of the floor's slider and the panel's, taken in turn.

    The panel's slider is its first one whose move changes the panel's figure.
    Taking the moves in turn measures the floor under the same load as the panel.
    """
    cells = page.locator(PANEL).locator(".jp-CodeCell")
    floor_cell, panel_cell = cells.nth(1), cells.nth(2)
    canvases = [cell.locator(CANVAS).first.element_handle() for cell in (floor_cell, panel_cell)]
    page.evaluate(PROBE_JS, canvases)
    floor = Slider(floor_cell, 0, target=0)
    for index in range(panel_cell.locator(SLIDER).count()):
        slider = Slider(panel_cell, index, target=1)
        if slider.move(page) is not None:
            break                              # this slider changes the figure
    else:
        return Series(floor.label), Series(missed=moves)
    floor_series, panel_series = Series(floor.label), Series(slider.label)
    for i in range(WARMUP - 1 + moves):
        for which, series in ((floor, floor_series), (slider, panel_series)):
            result = which.move(page)
            if i >= WARMUP - 1:
                series.add(result)
    return floor_series, panel_series


def budget(floor):
    """(median budget, p95 budget, as text) for a panel measured beside these floor moves."""
    median = statistics.median(floor.samples)
    med_budget, p95_budget = max(60.0, median + 12.0), max(100.0, 2 * median)
    return med_budget, p95_budget, f"median <= {med_budget:.0f} ms, p95 <= {p95_budget:.0f} ms"


def p95(samples):
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def row(what, series, limits=None, floor=None):
    """A Row: median (p95); the slider, and the median of each part of the time.

    limits -- (median budget, p95 budget, text), or None for a row without a budget

    floor -- the floor's Series taken in turn with this one: its median goes in the ratio column
    """
    if not series.samples:
        return Row(what, "no change seen", budget="" if limits is None else limits[2],
                   ok=None if limits is None else False)
    med, top = statistics.median(series.samples), p95(series.samples)
    text = f"{med:.1f} ms (p95 {top:.1f} ms)"
    detail = [f"{len(series.samples)} key presses"]
    if series.label:
        detail.append(f"slider {series.label!r}")
    if series.parts:
        page, trip, image = (statistics.median(p[i] for p in series.parts) for i in range(3))
        detail.append(f"in the page {page:.0f} ms, to the kernel and back {trip:.0f} ms, "
                      f"PNG to pixels {image:.0f} ms")
    if series.missed:
        detail.append(f"{series.missed} with no new pixels")
    what = f"{what} ({'; '.join(detail)})"
    ratio = ""
    if floor is not None and floor.samples:
        ratio = f"{med / statistics.median(floor.samples):.2f}x floor"
    if limits is None:
        return Row(what, text, ratio)
    med_budget, p95_budget, budget_text = limits
    return Row(what, text, ratio, budget=budget_text,
               ok=med <= med_budget and top <= p95_budget and not series.missed)


def measure_panel(browser, lab, short):
    """Open bench/<short>.ipynb in a fresh browser context and kernel; (floor, panel) Series."""
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    context.set_default_timeout(60_000)
    try:
        page = context.new_page()
        open_and_run(page, lab, f"bench/{short}.ipynb")
        return measure(page, MOVES)
    finally:
        context.close()
        lab.shutdown_kernels()


def run():
    from helpers.widgets import all_panels
    fixtures = browser_support()
    executable = fixtures.find_chromium()
    panels = sorted(all_panels())
    start = time.monotonic()
    results = {}
    # A plain `kill` ends the run through the finally clauses: the server and its kernels stop.
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _run(fixtures, executable, panels, start, results)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _terminate(signum, _frame):
    raise SystemExit(128 + signum)


def _run(fixtures, executable, panels, start, results):
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory(prefix="bench-browser-") as tmp:
        lab = fixtures.LabServer(pathlib.Path(tmp))
        try:
            bench = lab.root / "bench"
            bench.mkdir()
            for name in panels:
                (bench / f"{name.rsplit('.', 1)[1]}.ipynb").write_text(panel_notebook(name))
            lab.wait_until_ready()
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=executable, headless=True,
                                                     args=fixtures.CHROMIUM_ARGS)
                try:
                    for name in panels:
                        short = name.rsplit(".", 1)[-1]
                        print(f"  browser: {short} ...", file=sys.stderr, flush=True)
                        for _attempt in (1, 2):         # a loaded machine: try again once
                            try:
                                results[name] = measure_panel(browser, lab, short)
                                break
                            except Exception as exc:    # playwright's errors, the server's
                                # the first line, without the server's token
                                first = (str(exc).splitlines() or [""])[0][:200]
                                results[name] = f"{type(exc).__name__}: " + \
                                    first.replace(lab.token, "<token>")
                                print(f"  browser: {short} failed ({results[name]})",
                                      file=sys.stderr)
                finally:
                    browser.close()
        finally:
            lab.stop()
    floor = Series("k")
    for floor_series, _ in (r for r in results.values() if not isinstance(r, str)):
        floor.samples += floor_series.samples
        floor.parts += floor_series.parts
        floor.missed += floor_series.missed
    if not floor.samples:
        raise RuntimeError("the floor figure never changed its pixels after a key press")
    rows = [row("browser floor: one-line ipympl figure, canvas.draw(), moved in turn with "
                "each panel's slider", floor)]
    for name in panels:
        what = f"browser key press to pixels: {name.rsplit('.', 1)[-1]}"
        if isinstance(results[name], str):          # the error that stopped it
            rows.append(Row(what, f"not measured: {results[name]}", budget=budget(floor)[2],
                            ok=False))
            continue
        floor_series, series = results[name]
        beside = floor_series if floor_series.samples else floor
        rows.append(row(what, series, limits=budget(beside), floor=beside))
    rows.append(Row("browser benchmark wall time", f"{time.monotonic() - start:.0f} s"))
    return rows


if __name__ == "__main__":
    json.dump([r.__dict__ for r in run()], sys.stdout, indent=1)
