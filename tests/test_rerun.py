"""Notebooks survive what learners do: re-running cells, and storms of slider moves.

- Every code cell of every notebook, run twice in a row in one kernel, gives
  no error and shows the same thing both times (text, HTML and pictures),
  after the substitutions of tests/sanitize.cfg and nothing else (stream text
  joined as nbval joins it). A cell whose output nbval ignores
  (`# NBVAL_IGNORE_OUTPUT`, with the reason tests/test_notebook_files.py asks
  for) must still run twice without error, but its two outputs are not
  compared: nbval's own marker parser picks those cells, so the two tests
  cannot disagree about them.
- Every registered panel, displayed under ipympl in a kernel, takes 300
  quick moves of its controls set by code and 300 sent as the browser sends
  them (comm messages, in one burst): no exception, no warning, the panel
  ends at the last values, and the kernel's memory grows by at most 5 MB.
"""
import configparser
import copy
import json
import pathlib
import queue
import re
import shutil
import time

import nbformat
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
SANITIZE = ROOT / "tests" / "sanitize.cfg"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
MOVES = 300
MEMORY_BUDGET = 5 * 2**20

pytestmark = pytest.mark.slow


def sanitizers():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(SANITIZE)
    return [(re.compile(parser[s]["regex"]), parser[s]["replace"]) for s in parser.sections()]


def sanitize(text, rules):
    for regex, replace in rules:
        text = regex.sub(replace, text)
    return text


def shown(outputs, rules):
    """What a cell shows, comparable between runs: widget model ids left out."""
    seen = []
    for output in outputs:
        kind = output["output_type"]
        if kind == "error":
            seen.append(("error", output["ename"], output["evalue"]))
        elif kind == "stream":
            seen.append((output["name"], sanitize(output["text"], rules)))
        else:
            data = {k: v if isinstance(v, str) else json.dumps(v, sort_keys=True)
                    for k, v in output.get("data", {}).items() if k != WIDGET_VIEW}
            seen.append((kind, {k: v if k.startswith("image/") else sanitize(v, rules)
                                for k, v in sorted(data.items())}))
    return seen


def output_is_checked(cell):
    """Whether strict nbval compares this cell's output, decided by nbval's own parsers."""
    from nbval.plugin import find_comment_markers, find_metadata_tags
    options = dict(find_metadata_tags(cell.metadata) or ())
    options.update(find_comment_markers(cell.source))       # comments win, as in nbval
    return options.get("check", True)


def describe(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            if x[0] != y[0] or not isinstance(x[1], dict):
                return f"output {i}: {str(x)[:300]!r} then {str(y)[:300]!r}"
            keys = [k for k in set(x[1]) | set(y[1]) if x[1].get(k) != y[1].get(k)]
            return "; ".join(f"output {i} {k}: {str(x[1].get(k))[:300]!r} then "
                             f"{str(y[1].get(k))[:300]!r}" for k in keys)
    return f"{len(a)} outputs, then {len(b)}"


def test_the_rerun_compares_exactly_what_nbval_compares():
    ignored = nbformat.v4.new_code_cell("# NBVAL_IGNORE_OUTPUT\n# timings vary from run to run\nprint(1)")
    tagged = nbformat.v4.new_code_cell("print(1)", metadata={"tags": ["nbval-ignore-output"]})
    trailing = nbformat.v4.new_code_cell("print(1)  # NBVAL_IGNORE_OUTPUT")   # not a marker for nbval
    assert not output_is_checked(ignored) and not output_is_checked(tagged)
    assert output_is_checked(trailing) and output_is_checked(nbformat.v4.new_code_cell("print(1)"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_cell_runs_twice_and_shows_the_same(path, tmp_path):
    from nbclient import NotebookClient
    from nbval.plugin import coalesce_streams
    folder = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", folder,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    nb = nbformat.read(folder / path.name, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                            record_timing=False, store_widget_state=False,
                            resources={"metadata": {"path": str(folder)}})
    rules = sanitizers()
    problems = []
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            runs = []
            for _ in range(2):
                cell.outputs = []
                client.execute_cell(cell, index)
                # one stream written in several messages (a busy machine flushes early) reads as one
                runs.append(shown(coalesce_streams(copy.deepcopy(cell.outputs)), rules))
            head = cell.source.strip().splitlines()[0][:70] if cell.source.strip() else ""
            errors = [o for run in runs for o in run if o[0] == "error"]
            if errors:
                problems.append(f"cell {index} ({head!r}): {errors[0][1]}: {errors[0][2]}")
            elif output_is_checked(cell) and runs[0] != runs[1]:
                problems.append(f"cell {index} ({head!r}) shows something else when run again: "
                                + describe(*runs))
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


# ---------------------------------------------------------------------------------------------
# The slider storm

KERNEL_SETUP = r"""
%matplotlib widget
import gc, json, random, warnings
import psutil
from IPython.display import display
from helpers.widgets import all_panels
PANELS = all_panels()
_FILTERS = list(warnings.filters)

def _rss():
    gc.collect()
    return psutil.Process().memory_info().rss

def _moves(panel, n, seed):
    rng = random.Random(seed)
    movable = {k: w for k, w in panel.controls.items()
               if hasattr(w, "value") and not getattr(w, "disabled", False)}
    out = []
    for _ in range(n):
        name = rng.choice(sorted(movable))
        w = movable[name]
        if hasattr(w, "options"):
            values = [o[1] if isinstance(o, tuple) else o for o in w.options]
            out.append((name, rng.choice(values)))
        elif isinstance(w.value, int) and not isinstance(w.value, bool):
            out.append((name, rng.randrange(w.min, w.max + 1, getattr(w, "step", 1) or 1)))
        else:
            steps = int(round((w.max - w.min) / w.step))
            out.append((name, round(w.min + rng.randint(0, steps) * w.step, 10)))
    return out
"""

STORM_CODE = r"""
warnings.filters[:] = _FILTERS            # the kernel's own filters while the panel is built
panel = PANELS[{name!r}]()
display(panel)
warnings.simplefilter("error")           # the moves themselves may not
for name, value in _moves(panel, 30, 1):
    panel.controls[name].value = value
panel.flush()
_before = _rss()
for name, value in _moves(panel, {moves}, 2):
    panel.controls[name].value = value
panel.flush()
print(json.dumps({{"grown": _rss() - _before,
                   "ids": {{k: w.model_id for k, w in panel.controls.items() if hasattr(w, "value")}},
                   "options": {{k: [o[1] if isinstance(o, tuple) else o for o in w.options]
                               for k, w in panel.controls.items() if hasattr(w, "options")}},
                   "moves": _moves(panel, {moves}, 3)}}))
"""

CHECK_CODE = r"""
panel.flush()
_last = {last!r}
print(json.dumps({{"grown": _rss() - _before2, "values": {{k: panel.controls[k].value for k in _last}},
                   "stale": bool(panel.__dict__.get("_stale")), "planned": panel.__dict__.get("_planned") is not None}}))
"""


class Kernel:
    def __init__(self, workdir, stderr):
        from jupyter_client.manager import start_new_kernel
        self.manager, self.client = start_new_kernel(kernel_name="python3", cwd=str(workdir),
                                                     stderr=stderr)
        self.stray = []

    def run(self, code, timeout=300):
        msg_id = self.client.execute(code)
        out, errors = [], []
        deadline = time.monotonic() + timeout
        while True:
            try:
                msg = self.client.get_iopub_msg(timeout=max(1, deadline - time.monotonic()))
            except queue.Empty:
                raise TimeoutError(f"no answer within {timeout} s to:\n{code}")
            kind, content = msg["msg_type"], msg["content"]
            if msg["parent_header"].get("msg_id") != msg_id:
                # output of a comm message's handler (a control moved from "the browser")
                if kind == "error" or (kind == "stream" and content["name"] == "stderr"):
                    self.stray.append(content.get("text") or f"{content['ename']}: {content['evalue']}")
                continue
            if kind == "stream":
                (errors if content["name"] == "stderr" else out).append(content["text"])
            elif kind == "error":
                errors.append(f"{content['ename']}: {content['evalue']}")
            elif kind == "status" and content["execution_state"] == "idle":
                break
        assert not errors, "".join(errors)
        return "".join(out)

    def send_update(self, model_id, name, value):
        """What the browser sends when a learner moves a control."""
        content = {"comm_id": model_id,
                   "data": {"method": "update", "state": {name: value}, "buffer_paths": []}}
        self.client.shell_channel.send(self.client.session.msg("comm_msg", content))

    def stop(self):
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


def panel_names():
    from helpers.widgets import all_panels
    return sorted(all_panels())


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("storm")
    log = open(workdir / "kernel-stderr.txt", "w+")
    k = Kernel(workdir, log)
    k.log = log
    try:
        k.run(KERNEL_SETUP)
        yield k
    finally:
        k.stop()
        log.close()


def kernel_complaints(log, start):
    log.flush()
    log.seek(start)
    text = log.read()
    # ipykernel's own notice about TCP transport is no complaint of ours
    lines = [line for line in text.splitlines() if "running over TCP without encryption" not in line]
    return "\n".join(line for line in lines if line.strip())


@pytest.mark.parametrize("name", panel_names())
def test_slider_storm(kernel, name, record_property):
    log_start = kernel.log.seek(0, 2)
    first = json.loads(kernel.run(STORM_CODE.format(name=name, moves=MOVES)).strip().splitlines()[-1])
    kernel.run("_before2 = _rss()")
    # The same number of moves as the browser sends them, all at once: each is one comm message.
    for control, value in first["moves"]:
        if control in first["options"]:       # choosers sync the index of their option
            kernel.send_update(first["ids"][control], "index", first["options"][control].index(value))
        else:
            kernel.send_update(first["ids"][control], "value", value)
    last = {}
    for control, value in first["moves"]:
        last[control] = value
    second = json.loads(kernel.run(CHECK_CODE.format(last=last)).strip().splitlines()[-1])
    kernel.run("import matplotlib.pyplot as plt; plt.close('all'); del panel")
    record_property("memory_growth_code_kib", first["grown"] // 1024)
    record_property("memory_growth_browser_kib", second["grown"] // 1024)
    print(f"{name}: kernel memory after {MOVES} moves by code {first['grown'] / 2**20:+.2f} MB, "
          f"after {MOVES} moves from the browser {second['grown'] / 2**20:+.2f} MB")
    complaints = kernel_complaints(kernel.log, log_start) + "".join(kernel.stray)
    kernel.stray.clear()
    assert not complaints, f"the kernel complained during the storm:\n{complaints[-3000:]}"
    assert second["values"] == {k: v for k, v in last.items()}, "the panel did not end at the last values"
    assert not second["stale"] and not second["planned"], "an update was left pending"
    assert first["grown"] <= MEMORY_BUDGET, f"memory grew by {first['grown'] / 2**20:.1f} MB"
    assert second["grown"] <= MEMORY_BUDGET, f"memory grew by {second['grown'] / 2**20:.1f} MB"
