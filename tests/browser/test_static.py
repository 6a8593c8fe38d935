"""Notebooks read without a kernel: in JupyterLab before running, and as GitHub shows them.

- JupyterLab: each notebook is opened and NOT run (its kernel starts, as it
  does when a learner opens a notebook). Every panel cell shows its picture
  and its readable controls line; no output says "Error displaying widget"
  or shows a raw widget repr (`HBox(children=...`).
- GitHub: each notebook is rendered as GitHub renders it (widget views and
  widget state dropped, the richest other type of each output kept) with
  nbconvert to HTML, and opened in Chromium: every panel cell shows its image
  (loaded, with a size) and its readable line; no output shows a widget repr.

A panel cell is a code cell whose last line displays a registered panel
(`SomePanel(...)`, or a name the cell assigned from one).
"""
import ast
import copy
import json
import os
import pathlib
import re

import nbformat
import pytest

pytestmark = pytest.mark.browser

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = pathlib.Path(os.environ.get("BACKPROP_NOTEBOOKS") or ROOT / "notebooks")   # as conftest.py
NOTEBOOK_NAMES = sorted(path.name for path in NOTEBOOKS.glob("[0-9]*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
READABLE = "live when the notebook runs"
WIDGET_REPR = re.compile(r"\b(HBox|VBox|Box|GridBox|FloatSlider|IntSlider|FloatLogSlider|"
                         r"ToggleButtons|Dropdown|Button|IntProgress|FloatProgress|HTML|Label|"
                         r"Canvas|Toolbar|Output)\((children|value|description|header_visible|"
                         r"layout|options|max|min|toolitems)=")


def panel_classes():
    from helpers.widgets import all_panels
    return {name.rsplit(".", 1)[-1] for name in all_panels()}


def displays_panel(source, classes):
    """True when the cell's last statement displays a panel."""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return False
    if not body or not isinstance(body[-1], ast.Expr):
        return False
    panels = set()
    for node in body:
        if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                and getattr(node.value.func, "id", None) in classes):
            panels.update(t.id for t in node.targets if isinstance(t, ast.Name))
    shown = body[-1].value
    if isinstance(shown, ast.Call) and getattr(shown.func, "id", None) == "display" and shown.args:
        shown = shown.args[0]
    return ((isinstance(shown, ast.Call) and getattr(shown.func, "id", None) in classes)
            or (isinstance(shown, ast.Name) and shown.id in panels))


def panel_cells(name):
    """Indices, among the notebook's code cells, of the cells that display a panel."""
    classes = panel_classes()
    code = [c for c in nbformat.read(NOTEBOOKS / name, as_version=4).cells if c.cell_type == "code"]
    return [i for i, cell in enumerate(code) if displays_panel(cell.source, classes)]


def as_github_shows(nb):
    """Widget views and widget state dropped; every output keeps its other types."""
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for output in cell.outputs:
            data = output.get("data")
            if data is not None:
                data.pop(WIDGET_VIEW, None)
                if not data:
                    continue
            kept.append(output)
        cell.outputs = kept
    return nb


# Evaluated in the page: for each code cell (in order), what its outputs show.
OUTPUTS_JS = """
([cellSelector, outputSelector]) => [...document.querySelectorAll(cellSelector)].map(cell => {
  const outputs = [...cell.querySelectorAll(outputSelector)];
  const images = outputs.flatMap(o => [...o.querySelectorAll('img')]).map(img => {
    const box = img.getBoundingClientRect();
    return {loaded: img.complete && img.naturalWidth > 0, width: box.width, height: box.height};
  });
  return {text: outputs.map(o => o.innerText).join('\\n'), images};
})
"""


def check_cells(seen, panels, where):
    problems = []
    for index, cell in enumerate(seen):
        repr_match = WIDGET_REPR.search(cell["text"])
        if repr_match:
            problems.append(f"code cell {index} shows a widget repr: {cell['text'][repr_match.start():][:100]!r}")
        if "Error displaying widget" in cell["text"]:
            problems.append(f"code cell {index}: {cell['text'][:200]!r}")
    for index in panels:
        if index >= len(seen):
            problems.append(f"panel cell {index} is missing from the page")
            continue
        cell = seen[index]
        if READABLE not in cell["text"]:
            problems.append(f"panel cell {index} shows no readable controls line; it shows "
                            f"{cell['text'][:200]!r}")
        if re.search(r"^\s*Figure( \d+)?\s*$", cell["text"], re.M):
            problems.append(f"panel cell {index} shows a 'Figure' label over its picture")
        if not any(i["loaded"] and i["width"] > 50 and i["height"] > 50 for i in cell["images"]):
            problems.append(f"panel cell {index} shows no picture ({cell['images']})")
    assert not problems, f"{where}:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_github_render_shows_every_panel(chromium, name, tmp_path):
    from nbconvert import HTMLExporter
    nb = as_github_shows(nbformat.read(NOTEBOOKS / name, as_version=4))
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    page_path = tmp_path / f"{name}.html"
    page_path.write_text(body)
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, offline=True)
    try:
        page = context.new_page()
        page.goto(page_path.as_uri(), wait_until="load")
        seen = page.evaluate(OUTPUTS_JS, [".jp-Cell.jp-CodeCell", ".jp-OutputArea-output"])
    finally:
        context.close()
    assert len(seen) == sum(c.cell_type == "code" for c in nb.cells)
    check_cells(seen, panel_cells(name), f"{name} as GitHub shows it")


KERNEL_IDLE_JS = """
(panel) => document.querySelector(panel + ' .jp-Notebook-ExecutionIndicator')?.dataset.status === 'idle'
"""


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_jupyterlab_before_running_shows_every_panel(page, lab, name):
    page.goto(lab.url(f"lab/workspaces/static-{name.split('-')[0]}/tree/{name}"))
    page.wait_for_selector(f"{PANEL} .jp-Notebook-ExecutionIndicator", timeout=60_000)
    page.wait_for_function(KERNEL_IDLE_JS, arg=PANEL, timeout=60_000)
    # Widget views (if any were stored) render asynchronously: give them time to fail.
    page.wait_for_function("""(panel) => !document.querySelector(panel).innerText
        .includes('Loading widget...')""", arg=PANEL, timeout=30_000)
    page.wait_for_timeout(1000)
    prompts = page.locator(f"{PANEL} .jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
    stored = [c.get("execution_count") for c in json.loads((NOTEBOOKS / name).read_text())["cells"]
              if c["cell_type"] == "code"]
    assert [re.sub(r"\D", "", p) for p in prompts] == [str(n) if n else "" for n in stored], \
        "the notebook ran: the prompts are not the stored execution counts"
    seen = page.evaluate(OUTPUTS_JS, [f"{PANEL} .jp-CodeCell", ".jp-OutputArea-output"])
    text = page.locator(PANEL).inner_text()
    assert "Error displaying widget" not in text, "a stored widget failed to render"
    check_cells(seen, panel_cells(name), f"{name} opened in JupyterLab, not run")
