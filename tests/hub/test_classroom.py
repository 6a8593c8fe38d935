"""A class on a real JupyterHub: three students follow the nbgitpuller link in Chromium.

Each student clicks the link a teacher hands out (docs/teaching.md's link,
built by tools/classroom_hub.nbgitpuller_link, pointed at the local hub and
a file:// URL of the teacher's clone), logs in, waits for their server,
gets their own copy of the repository, runs notebook 01, moves a slider and
sees the figure change, then edits a cell and saves. The teacher then
changes notebook 02 and adds a file; each student clicks the same link
again: their edited notebook keeps their edit, the teacher's change and new
file arrive.
"""
import json
import pathlib
import time

import pytest

from classroom_hub import git, nbgitpuller_link

ROOT = pathlib.Path(__file__).resolve().parents[2]
STUDENTS = ["ada", "ben", "cleo"]
NOTEBOOK_01 = "notebooks/01-computation-graphs.ipynb"
NOTEBOOK_02 = "notebooks/02-chain-rule-path-sums.ipynb"
NEW_FILE = "notebooks/reading-for-lecture-2.md"
TEACHER_NOTE = "A note from the teacher for lecture 2."
EDITED_CELL = 3                       # notebook 01's `a = Value(2.0, "a")` cell
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
CANVAS = ".jupyter-matplotlib-canvas-div canvas:first-child"

# "done" once every code cell has an execution count and the kernel is idle,
# "error" at the first error output (as in tests/browser/test_jupyterlab.py).
RUN_STATE_JS = """
(panel) => {
  const root = document.querySelector(panel);
  if (!root) return null;
  if (root.querySelector('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'))
    return 'error';
  const status = root.querySelector('.jp-Notebook-ExecutionIndicator')?.dataset.status;
  const prompts = [...root.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
      .map(p => p.textContent.trim());
  const ran = prompts.length > 0 && prompts.every(p => /^\\[\\d+\\]:$/.test(p));
  return (ran && status === 'idle') ? 'done' : null;
}
"""
KERNEL_IDLE_JS = """(panel) =>
  document.querySelector(panel + ' .jp-Notebook-ExecutionIndicator')?.dataset.status === 'idle'
  && /\\| Idle/.test(document.querySelector('#jp-main-statusbar')?.innerText || '')"""


def test_the_docs_hand_out_this_link():
    """docs/teaching.md's link is the one nbgitpuller_link builds (and the test follows)."""
    link = nbgitpuller_link("https://hub.example.edu",
                            "https://github.com/backprop-notebooks/backprop-notebooks")
    assert link in (ROOT / "docs" / "teaching.md").read_text()


def menu(page, top, item):
    page.locator(f'.lm-MenuBar-itemLabel:text-is("{top}")').click()
    page.locator(f'.lm-Menu-itemLabel:text-is("{item}")').click()


def follow_link(page, link, name, password=None):
    """Click the link; log in if asked; wait until notebook 01 is open with an idle kernel."""
    page.goto(link)
    if password is not None:
        page.wait_for_selector("#username_input")
        page.fill("#username_input", name)
        page.fill("#password_input", password)
        page.click("#login_submit")
    # spawn (spawn-pending page), then nbgitpuller's progress page, then JupyterLab
    page.wait_for_selector(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']",
                           timeout=240_000)
    page.wait_for_function(KERNEL_IDLE_JS, arg=PANEL, timeout=120_000)
    assert f"/user/{name}/lab" in page.url, page.url
    title = page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel")\
        .first.inner_text()
    assert title == pathlib.PurePath(NOTEBOOK_01).name


def run_all(page):
    menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function("""(panel) => [...document.querySelectorAll(
        panel + ' .jp-CodeCell .jp-InputArea-prompt')].every(p => !/\\d/.test(p.textContent))""",
                           arg=PANEL)
    menu(page, "Run", "Run All Cells")
    verdict = page.wait_for_function(RUN_STATE_JS, arg=PANEL, timeout=180_000,
                                     polling=250).json_value()
    if verdict == "error":
        errors = page.locator(
            f'{PANEL} .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
        pytest.fail("error output in notebook 01:\n" + "\n".join(errors.all_inner_texts()),
                    pytrace=False)
    page.wait_for_function(f"(panel) => !document.querySelector(panel).innerText"
                           f".includes('Loading widget...')", arg=PANEL, timeout=60_000)


def slider_changes_figure(page):
    """Press End (Home at the top) on the first slider beside a canvas; True once pixels change."""
    cell = page.locator(f"{PANEL} .jp-CodeCell").filter(
        has=page.locator(".widget-slider")).filter(has=page.locator(CANVAS)).first
    canvas = cell.locator(CANVAS).first
    handle = cell.locator(".widget-slider .noUi-handle").first
    handle.scroll_into_view_if_needed()
    canvas.scroll_into_view_if_needed()
    time.sleep(0.3)
    before = canvas.screenshot(animations="disabled")
    at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
    handle.focus()
    handle.press("Home" if at_max else "End")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        time.sleep(0.25)
        if canvas.screenshot(animations="disabled") != before:
            return True
    return False


def note_of(name):
    return f"# {name}'s own note"


def edit_and_save(page, name, copy):
    """Add a comment line at the end of one code cell, save with Ctrl+S, wait for the file."""
    cell = page.locator(f"{PANEL} .jp-Notebook .jp-Cell").nth(EDITED_CELL)
    assert 'Value(2.0, "a")' in cell.inner_text()
    editor = cell.locator(".cm-content")
    editor.scroll_into_view_if_needed()
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type(note_of(name))
    page.keyboard.press("Escape")
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if note_of(name) in cell_source(copy / NOTEBOOK_01, EDITED_CELL):
            return
        time.sleep(0.25)
    pytest.fail(f"{name}'s edit was not saved to {NOTEBOOK_01}")


def cell_source(path, index):
    return "".join(json.loads(path.read_text())["cells"][index]["source"])


def teacher_update(repo):
    """The teacher adds a markdown cell to notebook 02 and a new file, and commits."""
    path = repo / NOTEBOOK_02
    notebook = json.loads(path.read_text())
    notebook["cells"].append({"cell_type": "markdown", "id": "teacher-note", "metadata": {},
                              "source": [TEACHER_NOTE]})
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n")
    (repo / NEW_FILE).write_text("# Reading for lecture 2\n\nNielsen, chapter 2.\n")
    git(repo, "add", NOTEBOOK_02, NEW_FILE)
    git(repo, "commit", "--quiet", "-m", "lecture 2: a note in 02 and the reading list")
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.mark.browser
@pytest.mark.slow
def test_three_students_pull_run_edit_and_get_the_update(hub, teacher, chromium):
    repo, url = teacher
    link = nbgitpuller_link(hub.base, url)
    first_head = git(repo, "rev-parse", "HEAD").strip()
    contexts, pages, log = [], {}, []
    start = time.monotonic()
    try:
        for name in STUDENTS:
            context = chromium.new_context(viewport={"width": 1280, "height": 900},
                                           reduced_motion="reduce")
            context.set_default_timeout(60_000)
            contexts.append(context)
            page = pages[name] = context.new_page()
            t = time.monotonic()
            follow_link(page, link, name, password=hub.password)
            copy = hub.homes / name / "backprop-notebooks"
            assert git(copy, "rev-parse", "HEAD").strip() == first_head, \
                f"{name}'s copy is not the teacher's repository"
            t_open = time.monotonic() - t
            run_all(page)
            assert slider_changes_figure(page), \
                f"{name}: moving notebook 01's slider did not change its figure"
            edit_and_save(page, name, copy)
            log.append(f"{name}: logged in, server, copy and notebook open {t_open:.0f} s, "
                       f"ran, slider, edit saved {time.monotonic() - t:.0f} s")

        new_head = teacher_update(repo)
        for name in STUDENTS:
            page = pages[name]
            t = time.monotonic()
            follow_link(page, link, name)
            copy = hub.homes / name / "backprop-notebooks"
            edited = cell_source(copy / NOTEBOOK_01, EDITED_CELL)
            assert note_of(name) in edited, f"{name} lost their edit of notebook 01"
            others = [other for other in STUDENTS if other != name and note_of(other) in edited]
            assert not others, f"{name}'s copy holds the edits of {others}: copies are shared"
            assert TEACHER_NOTE in json.dumps(json.loads((copy / NOTEBOOK_02).read_text())), \
                f"the teacher's change to notebook 02 did not reach {name}"
            assert (copy / NEW_FILE).exists(), f"the teacher's new file did not reach {name}"
            assert git(copy, "merge-base", "--is-ancestor", new_head, "HEAD") == ""
            # and the reopened notebook shows the student's own edit
            page.wait_for_function(
                "([panel, note]) => document.querySelector(panel)?.innerText.includes(note)",
                arg=[PANEL, note_of(name)], timeout=30_000)
            log.append(f"{name}: update pulled, edit kept {time.monotonic() - t:.0f} s")
    finally:
        for context in contexts:
            context.close()
        print(f"{time.monotonic() - start:.0f} s in all; " + "; ".join(log))
