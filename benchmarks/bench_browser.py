"""Slider key press to changed pixels, in JupyterLab in headless Chromium, for every panel.

For every panel in the registry (`helpers.widgets.all_panels()`), a small
notebook (`%matplotlib widget`, `use_style()`, the panel with its defaults)
runs in its own kernel. One slider is focused and ArrowRight / ArrowLeft are
pressed in turn (so the value stays in range), one move at a time: the next
key is pressed only when the canvas has been still for a while and the
kernel is idle. In the page, a keydown listener notes `performance.now()`;
the ipympl canvas's 2D context is wrapped so that every draw into it notes
the time and compares the canvas's pixels with those before the key press.
A move's latency is the time from keydown to the first draw that changed
the pixels (the browser shows them at its next frame, at most 16.7 ms later,
for the floor and the panels alike).

The floor, in the same run: a one-line ipympl figure whose slider's
observer calls `fig.canvas.draw()` (what the panels do, with nothing to
compute). Budget per panel: median <= max(60 ms, floor + 12 ms) and
p95 <= max(100 ms, 2 x floor).

The JupyterLab server and Chromium are the browser tests' own
(tests/browser/conftest.py): a server from this venv on a free port, with a
token, empty Jupyter folders and its own copy of the notebooks folder.
"""
import importlib.util
import json
import pathlib
import statistics
import sys
import tempfile
import time

from benchmarks.common import Row

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

# Installed once per page; `arm()` before each key press.
PROBE_JS = """
(canvas) => {
  const b = window.__bench = {canvas, t0: null, t1: null, draws: 0, lastDraw: 0, armed: false};
  const ctx = canvas.getContext('2d');
  const pixels = () => new Uint32Array(
      ctx.getImageData(0, 0, canvas.width, canvas.height).data.buffer.slice(0));
  const differs = (a, c) => {
    if (a.length !== c.length) return true;
    for (let i = 0; i < a.length; i++) if (a[i] !== c[i]) return true;
    return false;
  };
  b.onDraw = (t) => {
    b.lastDraw = t;
    b.draws++;
    if (b.armed && b.t0 !== null && b.t1 === null && differs(b.before, pixels())) b.t1 = t;
  };
  for (const name of ['drawImage', 'putImageData']) {
    const original = ctx[name];
    ctx[name] = function (...args) {
      const out = original.apply(this, args);
      window.__bench.onDraw(performance.now());
      return out;
    };
  }
  // Where the time goes: the first message the page sends after the key press
  // (the slider's new value), and the arrival of the first PNG (ipympl's image).
  if (!WebSocket.prototype.__benchSend) {
    const send = WebSocket.prototype.__benchSend = WebSocket.prototype.send;
    WebSocket.prototype.send = function (...args) {
      const w = window.__bench;
      if (w && w.armed && w.t0 !== null && w.tSend === null) w.tSend = performance.now();
      return send.apply(this, args);
    };
    const blob = URL.createObjectURL;
    URL.createObjectURL = function (object) {
      const w = window.__bench;
      if (w && w.armed && w.t0 !== null && w.tImage === null && object?.type === 'image/png')
        w.tImage = performance.now();
      return blob.call(URL, object);
    };
  }
  document.addEventListener('keydown', () => {
    if (b.armed && b.t0 === null) b.t0 = performance.now();
  }, true);
  b.arm = () => {
    b.before = pixels();
    b.t0 = b.t1 = b.tSend = b.tImage = null;
    b.armed = true;
  };
  b.quiet = (ms) => performance.now() - b.lastDraw > ms;
  return true;
}
"""

KERNEL_IDLE_JS = """(panel) => document.querySelector(panel + ' .jp-Notebook-ExecutionIndicator')
    ?.dataset.status === 'idle'"""


def _browser_fixtures():
    """LabServer, find_chromium and CHROMIUM_ARGS from the browser tests' conftest.py."""
    path = ROOT / "tests" / "browser" / "conftest.py"
    spec = importlib.util.spec_from_file_location("_browser_conftest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def notebook(*sources):
    import nbformat
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    return nbformat.writes(nb)


def panel_notebook(qualname):
    module, name = qualname.rsplit(".", 1)
    return notebook(f"%matplotlib widget\nfrom helpers import use_style\nuse_style()\n"
                    f"from {module} import {name}", f"{name}()")


def floor_notebook():
    return notebook("%matplotlib widget\nfrom helpers import use_style\nuse_style()",
                    FLOOR_SOURCE)


def menu(page, top, item):
    page.locator(f'.lm-MenuBar-itemLabel:text-is("{top}")').click()
    page.locator(f'.lm-Menu-itemLabel:text-is("{item}")').click()


def open_and_run(page, lab, path):
    """Open the notebook, run all cells, wait for a slider and a drawn canvas."""
    page.goto(lab.url(f"lab/workspaces/bench-{time.monotonic_ns()}/tree/{path}"))
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


def one_move(page, key):
    """Press `key` on the focused slider: (milliseconds to new pixels, parts), or None.

    parts -- (key press to the page's first message, that message to the PNG's
    arrival, the PNG's arrival to new pixels) in ms, or None when not seen.
    """
    page.evaluate("() => window.__bench.arm()")
    page.keyboard.press(key)
    try:
        page.wait_for_function("() => window.__bench.t1 !== null", timeout=MOVE_TIMEOUT * 1e3,
                               polling=10)
    except Exception:                          # playwright's TimeoutError
        return None
    b = page.evaluate("() => ({t0: window.__bench.t0, t1: window.__bench.t1, "
                      "send: window.__bench.tSend, image: window.__bench.tImage})")
    parts = None
    if b["send"] is not None and b["image"] is not None and b["t0"] <= b["send"] <= b["image"]:
        parts = (b["send"] - b["t0"], b["image"] - b["send"], b["t1"] - b["image"])
    return b["t1"] - b["t0"], parts


def measure(page, moves):
    """(slider label, latencies in ms, moves missed, parts) on the first slider that changes the figure."""
    panel = page.locator(PANEL)
    canvas = panel.locator(CANVAS).first
    canvas.scroll_into_view_if_needed()
    page.evaluate(PROBE_JS, canvas.element_handle())
    handles = panel.locator(SLIDER)
    for index in range(handles.count()):
        handle = handles.nth(index)
        label = panel.locator(".widget-slider .widget-label").nth(index).inner_text().strip()
        at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        keys = ["ArrowLeft", "ArrowRight"] if at_max else ["ArrowRight", "ArrowLeft"]
        handle.focus()
        settle(page)
        if one_move(page, keys[0]) is None:
            continue                           # this slider does not change the figure: next
        samples, parts, missed = [], [], 0
        for i in range(WARMUP - 1 + moves):
            settle(page)
            result = one_move(page, keys[(i + 1) % 2])
            if i < WARMUP - 1:
                continue
            if result is None:
                missed += 1
            else:
                samples.append(result[0])
                if result[1] is not None:
                    parts.append(result[1])
        return label, samples, missed, parts
    return None, [], moves, []


def p95(samples):
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def row(what, label, samples, missed, parts, budget=None):
    """A Row: median (p95); the slider, and the median of each part of the time."""
    if not samples:
        return Row(what, "no change seen", budget="" if budget is None else budget[2],
                   ok=None if budget is None else False)
    med, top = statistics.median(samples), p95(samples)
    text = f"{med:.1f} ms (p95 {top:.1f} ms)"
    slider = f", slider {label!r}" if label else ""
    split = ""
    if parts:
        page, trip, image = (statistics.median(p[i] for p in parts) for i in range(3))
        split = (f"; in the page {page:.0f} ms, to the kernel and back {trip:.0f} ms, "
                 f"PNG to pixels {image:.0f} ms")
    what = f"{what} ({len(samples)} key presses{slider}{split}" + (
        f"; {missed} with no new pixels)" if missed else ")")
    if budget is None:
        return Row(what, text)
    med_budget, p95_budget, budget_text = budget
    return Row(what, text, budget=budget_text,
               ok=med <= med_budget and top <= p95_budget and not missed)


def run():
    from helpers.widgets import all_panels
    fixtures = _browser_fixtures()
    executable = fixtures.find_chromium()
    panels = sorted(all_panels())
    from playwright.sync_api import sync_playwright
    start = time.monotonic()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-browser-") as tmp:
        lab = fixtures.LabServer(pathlib.Path(tmp))
        try:
            bench = lab.root / "bench"
            bench.mkdir()
            (bench / "floor.ipynb").write_text(floor_notebook())
            for name in panels:
                (bench / f"{name.rsplit('.', 1)[1]}.ipynb").write_text(panel_notebook(name))
            lab.wait_until_ready()
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=executable, headless=True,
                                                     args=fixtures.CHROMIUM_ARGS)
                try:
                    results = {}
                    for name in ["floor", *panels]:
                        short = name.rsplit(".", 1)[-1]
                        print(f"  browser: {short} ...", file=sys.stderr, flush=True)
                        context = browser.new_context(viewport={"width": 1280, "height": 900})
                        context.set_default_timeout(30_000)
                        try:
                            page = context.new_page()
                            open_and_run(page, lab, f"bench/{short}.ipynb")
                            results[name] = measure(page, MOVES)
                        finally:
                            context.close()
                            lab.shutdown_kernels()
                finally:
                    browser.close()
        finally:
            lab.stop()
    label, floor_samples, missed, parts = results["floor"]
    if not floor_samples:
        raise RuntimeError("the floor figure never changed its pixels after a key press")
    floor = statistics.median(floor_samples)
    rows.append(row("browser floor: one-line ipympl figure, canvas.draw()", label,
                    floor_samples, missed, parts))
    med_budget, p95_budget = max(60.0, floor + 12.0), max(100.0, 2 * floor)
    budget = (med_budget, p95_budget,
              f"median <= {med_budget:.0f} ms, p95 <= {p95_budget:.0f} ms")
    for name in panels:
        rows.append(row(f"browser key press to pixels: {name.rsplit('.', 1)[-1]}",
                        *results[name], budget=budget))
    rows.append(Row("browser benchmark wall time", f"{time.monotonic() - start:.0f} s"))
    return rows


if __name__ == "__main__":
    json.dump([r.__dict__ for r in run()], sys.stdout, indent=1)
