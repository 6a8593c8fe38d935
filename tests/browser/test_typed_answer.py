"""A learner's coding answer, entered in JupyterLab by keyboard, passes its check.

Notebook 05 asks the learner to write backprop(weights, biases, X, Y). In a real
(headless) Chromium this test opens 05, runs the imports cell, runs the stub and
its check (which says "Not yet"), then clicks into the answer cell's editor,
selects its text with the keyboard and enters the worked answer as a paste
would (keyboard input events into the editor, never the notebook model API),
runs the cell and the check with Shift+Enter, and waits for "Correct". The
answer entered is the notebook's own worked answer (its one fenced block).
"""
import json
import pathlib
import re
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
ARTIFACTS = ROOT / "tests" / "artifacts" / "browser"
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
FENCE = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)

pytestmark = pytest.mark.browser

KERNEL_READY_JS = """
(panel) => document.querySelector(panel + ' .jp-Notebook-ExecutionIndicator')?.dataset.status === 'idle'
  && /\\| Idle/.test(document.querySelector('#jp-main-statusbar')?.innerText || '')
"""

# (notebook, the line that starts the answer cell's stub)
EXERCISES = [("05", "def backprop(")]


def exercise_cells(prefix, marker):
    """(path, index of the first code cell, of the answer cell, of its check cell, the worked answer)."""
    path = next(NOTEBOOKS.glob(f"{prefix}-*.ipynb"))
    cells = json.loads(path.read_text())["cells"]
    source = ["".join(c["source"]) for c in cells]
    first = next(i for i, c in enumerate(cells) if c["cell_type"] == "code")
    answer = next(i for i, c in enumerate(cells)
                  if "answer" in c["metadata"].get("tags", []) and source[i].lstrip().startswith(marker))
    check = next(i for i in range(answer + 1, len(cells))
                 if cells[i]["cell_type"] == "code" and re.search(r"\bcheck_\w+\(", source[i]))
    solution = next(i for i in range(check + 1, len(cells))
                    if "solution" in cells[i]["metadata"].get("tags", []))
    (worked,) = FENCE.findall(source[solution])
    return path, first, answer, check, worked


def run_cell(page, cell):
    """Click into the cell's editor and press Shift+Enter; wait until this run has finished."""
    prompt = cell.locator(".jp-InputArea-prompt")
    before = prompt.text_content().strip()
    cell.locator(".cm-content").click()
    page.keyboard.press("Shift+Enter")
    page.wait_for_function(
        """([prompt, before]) => {
             const now = prompt.textContent.trim();
             return now !== before && /^\\[\\d+\\]:$/.test(now);
           }""", arg=[prompt.element_handle(), before], timeout=60_000, polling=200)


def output_text(cell):
    return "\n".join(t.strip() for t in cell.locator(".jp-OutputArea-output").all_inner_texts())


@pytest.mark.parametrize("prefix, marker", EXERCISES, ids=[e[0] for e in EXERCISES])
def test_typed_answer_passes_its_check(page, lab, prefix, marker):
    path, first, answer, check, worked = exercise_cells(prefix, marker)
    page.goto(lab.url(f"lab/workspaces/typed-{prefix}-{time.monotonic_ns()}/tree/{path.name}"))
    page.wait_for_selector(f'{PANEL} .jp-Notebook-ExecutionIndicator[data-status="idle"]', timeout=60_000)
    page.wait_for_function(KERNEL_READY_JS, arg=PANEL, timeout=60_000)
    page.locator('.lm-MenuBar-itemLabel:text-is("Edit")').click()
    page.locator('.lm-Menu-itemLabel:text-is("Clear Outputs of All Cells")').click()
    cells = page.locator(f"{PANEL} .jp-Notebook .jp-Cell")
    try:
        run_cell(page, cells.nth(first))
        run_cell(page, cells.nth(answer))                   # the stub as shipped
        run_cell(page, cells.nth(check))
    except Exception:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"typed-{prefix}.png"))
        raise
    assert output_text(cells.nth(check)).startswith("Not yet")

    editor = cells.nth(answer).locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+a")                        # select the stub's text in the editor
    page.keyboard.press("Delete")
    page.keyboard.insert_text(worked.rstrip("\n"))          # as a paste: verbatim, no auto-indent
    typed = editor.inner_text()
    assert typed.split() == worked.split(), f"the editor holds {typed!r}"

    run_cell(page, cells.nth(answer))
    run_cell(page, cells.nth(check))
    shown = output_text(cells.nth(check))
    assert shown.startswith("Correct"), f"the check printed {shown[:400]!r}"
