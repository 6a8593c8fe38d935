"""The package and the project around it: imports, style, checks, the expression panel, CI."""
import importlib
import pathlib
import pkgutil
import re
import subprocess
import sys

import matplotlib
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import helpers  # noqa: E402
from helpers import OKABE_ITO, show_source, use_style  # noqa: E402
from helpers.costs import QuadraticCost  # noqa: E402
from helpers.checks import CheckResult, check_close  # noqa: E402
from helpers.checks.graphs import (check_built_graph, check_local_derivative,  # noqa: E402
                                   check_running_example)
from helpers.graph import Value  # noqa: E402
from helpers.widgets.expression import ExpressionPanel  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_importing_every_module_changes_nothing():
    code = ("import importlib, pkgutil, matplotlib, helpers\n"
            "before = dict(matplotlib.rcParams)\n"
            "for m in pkgutil.walk_packages(helpers.__path__, 'helpers.'):\n"
            "    importlib.import_module(m.name)\n"
            "changed = [k for k, v in matplotlib.rcParams.items() if before[k] != v]\n"
            "assert not changed, changed\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"MPLBACKEND": "Agg", "PATH": ""})
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""                    # nothing printed at import time either


def test_use_style_sets_the_colour_blind_safe_palette():
    use_style()
    cycle = [c["color"] for c in matplotlib.rcParams["axes.prop_cycle"]]
    assert cycle == OKABE_ITO
    assert not plt.isinteractive()
    matplotlib.rcdefaults()


def test_show_source_shows_code_and_refuses_non_code():
    assert "def __mul__" in repr(show_source(Value.__mul__))
    shown = repr(show_source(QuadraticCost.delta))           # checked by a private decorator
    assert shown.lstrip().startswith("@staticmethod") and "@_" not in shown
    assert "return (a - y) * sigmoid_prime(z)" in shown
    with pytest.raises(TypeError, match="show_source needs a function"):
        show_source(3)


def test_check_results_are_truthy_only_when_right():
    right = check_close(5.0, 5.0, "de/db", "add over paths")
    wrong = check_close(2.0, 5.0, "de/db", "add over paths", mistakes={2.0: "one path only"})
    assert right and repr(right).startswith("Correct")
    assert not wrong and "one path only" in repr(wrong)
    assert isinstance(check_close("five", 5.0, "x", "h"), CheckResult)


@pytest.mark.parametrize("check, kwargs, right", [
    (check_running_example, {"a": -1, "b": 3}, {"e": 8}),
    (check_local_derivative, {"a": -1, "b": 3}, {"de_dc": 4}),
])
def test_graph_exercises(check, kwargs, right):
    assert check(**kwargs, **right)
    (name,) = right
    unanswered = check(**kwargs, **{name: ...})
    assert not unanswered and repr(unanswered).startswith("Not yet")
    assert not check(**kwargs, **{name: right[name] + 1})


def test_graph_exercise_hints_name_the_classic_slips():
    assert "c + d" in repr(check_running_example(a=-1, b=3, e=6))     # added instead of multiplied
    assert "other" in repr(check_local_derivative(a=-1, b=3, de_dc=2))  # gave de/dd


def test_built_graph_exercise():
    x, y, z = Value(-2.0, "x"), Value(5.0, "y"), Value(-4.0, "z")
    assert check_built_graph((x + y) * z)
    assert not check_built_graph(x + y * z)
    assert not check_built_graph(...)
    assert not check_built_graph(-12.0)


def test_expression_panel_updates_in_place():
    panel = ExpressionPanel()
    texts = list(panel.drawing.node_text)
    before = [t.get_text() for t in texts]
    panel.controls["b"].value = -1.0
    assert panel.drawing.node_text == texts            # same artists ...
    assert [t.get_text() for t in texts] != before     # ... new numbers
    assert panel.output.data == 0.0
    plt.close("all")


def test_expression_panel_refuses_bad_specs():
    with pytest.raises(ValueError, match="inputs"):
        ExpressionPanel(inputs={"a": (9.0, -5.0, 5.0)})
    with pytest.raises(TypeError, match="build"):
        ExpressionPanel(build=3)


def quick_start_lines():
    text = (ROOT / "README.md").read_text()
    section = re.search(r"^## Quick start\n(.*?)(?=^## )", text, re.M | re.S).group(1)
    return [line.strip() for block in re.findall(r"```\n(.*?)```", section, re.S)
            for line in block.splitlines() if line.strip()]


def test_readme_has_two_commands_and_ci_runs_the_test_one():
    lines = quick_start_lines()
    assert lines == ["python3 run.py lab", "python3 run.py test"]
    assert lines[1] in (ROOT / ".ci" / "run").read_text().splitlines()


def test_every_helper_module_declares_all():
    for info in pkgutil.walk_packages(helpers.__path__, "helpers."):
        module = importlib.import_module(info.name)
        assert hasattr(module, "__all__"), f"{info.name} has no __all__"


def test_checks_take_numpy_scalars_and_zero_d_arrays():
    import numpy as np
    assert check_close(np.float64(5.0), 5.0, "x", "h")
    assert check_close(np.array(5.0), 5.0, "x", "h")
    assert not check_close(np.array([5.0, 1.0]), 5.0, "x", "h")
