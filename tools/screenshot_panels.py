"""Screenshots of live panels for the README, taken in real JupyterLab in headless Chromium.

    .venv/bin/python tools/screenshot_panels.py            # writes docs/panel-*.png
    .venv/bin/python tools/screenshot_panels.py --out /tmp  # elsewhere
    .venv/bin/python tools/screenshot_panels.py --only panel-zh-cn.png

For each panel in PANELS: open its notebook in JupyterLab (a temporary copy of
notebooks/, started as the browser tests start it, see tests/browser/conftest.py),
clear the outputs, run all cells in a fresh kernel, scroll to the cell that
builds the panel, and screenshot that cell's output area: the live sliders and
the figure as a learner sees them. The image is reduced to a palette so that
it stays small. The committed notebooks are only read.
"""
import argparse
import io
import pathlib
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from conftest import CHROMIUM_ARGS, LabServer, find_chromium   # noqa: E402
from test_jupyterlab import PANEL, check_outputs, run_all        # noqa: E402

# (notebook, a unique substring of the panel cell's source, image name, width of the window)
PANELS = [
    ("01-computation-graphs.ipynb", "panel = ExpressionPanel()", "panel-expression.png", 1100),
    ("07-softmax-and-training.ipynb", "SoftmaxPanel(z=", "panel-softmax.png", 1280),
    ("zh-CN/04-gradient-descent.ipynb", "ParabolaPanel(eta=0.2", "panel-zh-cn.png", 1280),
]
MAX_BYTES = 150_000
SCALE = 2                     # device pixels per CSS pixel: sharp on high-resolution screens


def shrink(png_bytes, path, margin=12):
    """Trim the white margins (keeping `margin` pixels) and save as an adaptive-palette PNG."""
    from PIL import Image, ImageChops
    image = Image.open(io.BytesIO(png_bytes)).convert("RGB")
    box = ImageChops.difference(image, Image.new("RGB", image.size, "white")).getbbox()
    if box:
        left, top, right, bottom = box
        image = image.crop((max(left - margin, 0), max(top - margin, 0),
                            min(right + margin, image.width), min(bottom + margin, image.height)))
    for colours in (256, 128, 64):
        buffer = io.BytesIO()
        image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT).save(
            buffer, format="PNG", optimize=True)
        if buffer.tell() <= MAX_BYTES:
            break
    path.write_bytes(buffer.getvalue())
    return buffer.tell()


def screenshot(page, lab, notebook, marker, path):
    verdict = run_all(page, lab, notebook)
    if verdict != "done":
        check_outputs(page)                  # raises with the error's text
        raise RuntimeError(f"{notebook} did not finish running: {verdict}")
    check_outputs(page)
    page.keyboard.press("Escape")
    cell = page.locator(f"{PANEL} .jp-CodeCell").filter(
        has=page.locator(".jp-InputArea", has_text=marker))
    if cell.count() != 1:
        raise RuntimeError(f"{marker!r} is in {cell.count()} code cells of {notebook}, not 1")
    output = cell.locator(".jp-OutputArea").first
    output.scroll_into_view_if_needed()
    canvas = output.locator(".jupyter-matplotlib-canvas-div canvas").first
    canvas.wait_for(state="visible")
    page.mouse.move(0, 0)                    # no hover highlight on a control
    time.sleep(1.0)                          # the first frame drawn, fonts settled
    return shrink(output.screenshot(animations="disabled"), path)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "docs",
                        help="folder for the PNG files (default: docs/)")
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="take only this picture (repeatable), e.g. panel-zh-cn.png")
    args = parser.parse_args(argv)
    panels = [panel for panel in PANELS if not args.only or panel[2] in args.only]
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as workdir:
        lab = LabServer(pathlib.Path(workdir))
        try:
            lab.wait_until_ready()
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=find_chromium(),
                                                     args=CHROMIUM_ARGS, headless=True)
                for notebook, marker, name, width in panels:
                    context = browser.new_context(viewport={"width": width, "height": 900},
                                                  reduced_motion="reduce",
                                                  device_scale_factor=SCALE)
                    context.set_default_timeout(60_000)
                    page = context.new_page()
                    try:
                        size = screenshot(page, lab, notebook, marker, args.out / name)
                        print(f"{args.out / name}: {size / 1000:.0f} KB")
                    finally:
                        context.close()
                        lab.shutdown_kernels()
                browser.close()
        finally:
            lab.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
