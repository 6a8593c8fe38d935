"""Slide marks (`metadata.slideshow.slide_type`): defaults from headings, hand marks kept, nothing else touched."""
import pathlib
import shutil
import sys

import nbformat
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from mark_slides import SLIDE_TYPES, main, mark_slides  # noqa: E402


def slide_types(nb):
    return [c.metadata.get("slideshow", {}).get("slide_type") for c in nb.cells]


def small_notebook():
    nb = nbformat.v4.new_notebook()
    solution = nbformat.v4.new_markdown_cell("<details><summary>Worked answer</summary></details>")
    solution.metadata = {"tags": ["solution"]}
    panel = nbformat.v4.new_code_cell("panel", execution_count=2, outputs=[
        nbformat.v4.new_output("execute_result", {"text/plain": "Panel"}, execution_count=2)])
    nb.cells = [nbformat.v4.new_markdown_cell("# Title\n\nIntro."),
                nbformat.v4.new_code_cell("%matplotlib widget\nimport numpy as np"),
                nbformat.v4.new_markdown_cell("## A section"),
                panel,
                nbformat.v4.new_markdown_cell("The panel shows a graph."),
                nbformat.v4.new_markdown_cell("### Exercise 1: a question"),
                solution,
                nbformat.v4.new_markdown_cell("#hashtag is not a heading")]
    return nb


def test_default_marks_follow_the_headings():
    nb = small_notebook()
    assert mark_slides(nb) == len(nb.cells)
    assert slide_types(nb) == ["slide", "skip", "slide", "-", "-", "subslide", "skip", "-"]


def test_hand_marks_are_kept_and_marking_twice_changes_nothing():
    nb = small_notebook()
    nb.cells[4].metadata["slideshow"] = {"slide_type": "fragment"}
    nb.cells[3].metadata["slideshow"] = {"slide_type": "slide"}
    assert mark_slides(nb) == len(nb.cells) - 2
    assert slide_types(nb)[3:5] == ["slide", "fragment"]
    once = nbformat.writes(nb)
    assert mark_slides(nb) == 0 and nbformat.writes(nb) == once


def test_a_wrong_mark_is_an_error_naming_the_cell():
    nb = small_notebook()
    nb.cells[2].metadata["slideshow"] = {"slide_type": "slides"}
    with pytest.raises(ValueError, match=r"cell 2: slide_type must be one of .*'slides'"):
        mark_slides(nb)


def test_marking_a_real_notebook_touches_metadata_only(tmp_path):
    originals = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    if not originals:
        pytest.skip("no notebooks yet")
    copy = tmp_path / originals[0].name
    shutil.copy2(originals[0], copy)
    fully_marked = None not in slide_types(nbformat.read(copy, 4))
    assert main(["--check", str(copy)]) == (0 if fully_marked else 1)
    assert main([str(copy)]) == 0
    assert main(["--check", str(copy)]) == 0
    before, after = nbformat.read(originals[0], 4), nbformat.read(copy, 4)
    assert len(before.cells) == len(after.cells)
    for old, new in zip(before.cells, after.cells):
        assert new.source == old.source and new.get("outputs") == old.get("outputs")
        assert new.metadata["slideshow"]["slide_type"] in SLIDE_TYPES
        assert {k: v for k, v in new.metadata.items() if k != "slideshow"} == \
            {k: v for k, v in old.metadata.items() if k != "slideshow"}
    assert slide_types(after)[0] == "slide", "a notebook should open with a title slide"
