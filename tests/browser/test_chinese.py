"""The Chinese edition in real JupyterLab: a zh-CN notebook runs, and its live panel speaks Chinese.

Opens notebooks/zh-CN/04 (the gradient-descent panels: a learning-rate slider
over an ipympl figure), runs every cell in a fresh kernel, checks that no cell
wrote an error, that the panel's controls are labelled in Chinese, and that
pressing End on the slider changes the figure's pixels. Also checks that
JupyterLab itself offers Simplified Chinese (the language pack in the learner
set). A screenshot goes to tests/artifacts/browser/zh-CN-04-gradient-descent.png.
"""
import re
import time

import pytest

from test_jupyterlab import (ARTIFACTS, PANEL, check_outputs, move_slider_changes_figure,
                             run_all, slider_panel)

pytestmark = pytest.mark.browser

NOTEBOOK = "zh-CN/04-gradient-descent.ipynb"
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_jupyterlab_offers_simplified_chinese(lab):
    languages = lab.api("lab/api/translations/")["data"]
    assert "zh_CN" in languages, f"JupyterLab's languages: {sorted(languages)}"


def test_a_chinese_notebook_runs_and_its_panel_moves_with_chinese_labels(page, lab):
    verdict = run_all(page, lab, NOTEBOOK)
    if verdict == "error":
        check_outputs(page)                          # fails with the error's text
    assert verdict == "done"
    check_outputs(page)
    cell = slider_panel(page)
    assert cell is not None, "no panel with a slider and a figure"
    labels = cell.locator(".widget-slider .widget-label").all_inner_texts()
    assert any(CJK.search(label) for label in labels), f"the panel's controls are not in Chinese: {labels}"
    assert CJK.search(page.locator(PANEL).inner_text()), "no Chinese on the page"
    seconds = move_slider_changes_figure(page, cell)
    assert seconds is not None, f"moving the slider {labels[0]!r} did not change the figure"
    cell.scroll_into_view_if_needed()
    time.sleep(0.3)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    cell.screenshot(path=str(ARTIFACTS / "zh-CN-04-gradient-descent.png"), animations="disabled")
    print(f"{NOTEBOOK}: controls {labels}; the figure changed {seconds:.1f} s after the key press")
