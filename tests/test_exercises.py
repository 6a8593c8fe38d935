"""The exercises, derived from the notebooks, and the shared machinery of helpers.checks.

An exercise is (see the layout in docs/teaching.md and the README):
an `answer`-tagged code cell that ships as a stub, the next code cell calling
`check_...(...)` whose stored output is its "Not yet" message, and a markdown
cell tagged `solution`: a collapsed `<details>` holding exactly one fenced
python block, the single source of the worked answer. These tests read the
stored notebooks; they run no notebook, only the imports cell, the worked
answer and the check.
"""
import ast
import json
import os
import pathlib
import re
import sys
import types

import numpy as np
import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

from helpers.checks import (CheckResult, agrees, call_learner, check_function,  # noqa: E402
                            check_shape, first_mistake, is_unanswered, learner_rng)

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from exercises import ANY_FENCE, FENCE, exercises, source, tags, worked_answer  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def text_of(output):
    parts = []
    if "text" in output:
        parts.append("".join(output["text"]))
    for key, value in output.get("data", {}).items():
        if key.startswith("text/"):
            parts.append("".join(value) if isinstance(value, list) else str(value))
    return "\n".join(parts)


def first_code_cell(path):
    cell = next(c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code")
    return "\n".join(line for line in source(cell).splitlines()
                     if not line.lstrip().startswith(("%", "!")))


EXERCISES = [(path, *exercise) for path in NOTEBOOKS for exercise in exercises(path)]
IDS = [exercise[1] for exercise in EXERCISES]


def test_every_notebook_has_exercises():
    for path in NOTEBOOKS:
        assert exercises(path), f"{path.name} has no `answer`-tagged cell"


def _stub_body(body):
    """Only a docstring, `...` and/or `pass`."""
    return all(isinstance(s, ast.Pass) or (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant)
                                           and (s.value.value is Ellipsis or isinstance(s.value.value, str)))
               for s in body)


@pytest.mark.parametrize("path, name, answer, check, solution", EXERCISES, ids=IDS)
def test_answer_cell_ships_as_a_stub(path, name, answer, check, solution):
    tree = ast.parse(source(answer))
    assert any(isinstance(n, ast.Constant) and n.value is Ellipsis for n in ast.walk(tree)), \
        f"{name}: the answer cell holds no `...` for the learner to replace:\n{source(answer)}"
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            assert _stub_body(node.body), f"{name}: {node.name} ships with a body:\n{source(answer)}"
    assert not answer["outputs"], f"{name}: the answer cell has stored outputs"


@pytest.mark.parametrize("path, name, answer, check, solution", EXERCISES, ids=IDS)
def test_check_cell_stores_not_yet(path, name, answer, check, solution):
    assert check is not None, f"{name}: no code cell calling check_...() follows the answer cell"
    shown = "\n".join(text_of(o) for o in check["outputs"]).strip()
    assert shown.startswith("Not yet"), f"{name}: the stored check output is {shown[:120]!r}"
    assert "Correct" not in shown


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_stored_output_shows_an_answer(path):
    for i, cell in enumerate(json.loads(path.read_text())["cells"]):
        for output in cell.get("outputs", []):
            assert "Correct:" not in text_of(output), f"cell {i} stores a passing check: {source(cell)[:80]!r}"


@pytest.mark.parametrize("path, name, answer, check, solution", EXERCISES, ids=IDS)
def test_worked_answer_is_one_collapsed_block(path, name, answer, check, solution):
    assert solution is not None, f"{name}: no `solution`-tagged markdown cell after the check"
    assert solution["cell_type"] == "markdown"
    text = source(solution).strip()
    assert re.match(r"<details><summary>Worked answer</summary>\n\n", text), \
        f"{name}: the solution must open with <details><summary>Worked answer</summary> and a blank line " \
        f"(no `open`, so it renders collapsed, and GitHub renders the markdown inside):\n{text[:120]}"
    assert text.endswith("</details>"), f"{name}: the solution must end with </details>"
    assert text.count("<details") == 1 and " open" not in text.split(">", 1)[0]
    assert len(FENCE.findall(text)) == 1 and len(ANY_FENCE.findall(text)) == 2, \
        f"{name}: the worked answer must hold exactly one ```python block"


def run_check(path, name, check, solution, change=None):
    """The CheckResult of: the imports cell, the worked answer, `change(namespace)`, the check cell."""
    assert check is not None and solution is not None
    code = worked_answer(solution)
    namespace = {"__name__": f"worked_answer_{name}"}
    exec(compile(first_code_cell(path), f"{name}-imports", "exec"), namespace)
    exec(compile(code, f"{name}-worked-answer", "exec"), namespace)
    if change is not None:
        change(namespace)
    return check_cell_result(check, namespace, name)


def check_cell_result(check, namespace, name):
    """Run the check cell in `namespace`: its statements, then the CheckResult of its last expression."""
    tree = ast.parse(source(check))
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, f"{name}-check", "exec"), namespace)
    assert last is not None, f"{name}: the check cell should end with the check call"
    result = eval(compile(ast.Expression(last.value), f"{name}-check", "eval"), namespace)
    assert isinstance(result, CheckResult), f"{name}: the check cell gave {result!r}"
    return result


@pytest.mark.parametrize("path, name, answer, check, solution", EXERCISES, ids=IDS)
def test_worked_answer_passes_its_check(path, name, answer, check, solution):
    result = run_check(path, name, check, solution)
    assert result, f"{name}: the worked answer does not pass: {result!r}"
    assert repr(result).startswith("Correct")


FUNCTION_EXERCISES = [e for e in EXERCISES
                      if any(isinstance(n, ast.FunctionDef) for n in ast.parse(source(e[2])).body)]


@pytest.mark.parametrize("path, name, answer, check, solution", FUNCTION_EXERCISES,
                         ids=[e[1] for e in FUNCTION_EXERCISES])
def test_a_hard_coded_answer_fails(path, name, answer, check, solution):
    """A learner who copies the result for the inputs of one run into a constant fails the next run:
    each run of the check draws fresh inputs."""
    names = [n.name for n in ast.parse(source(answer)).body if isinstance(n, ast.FunctionDef)]
    seen = {}

    def record(namespace):
        for fn_name in names:
            real = namespace[fn_name]

            def recording(*args, _real=real, _name=fn_name, **kwargs):
                result = _real(*args, **kwargs)
                seen.setdefault(_name, result)
                return result
            namespace[fn_name] = recording

    def hard_code(namespace):
        for fn_name in names:
            namespace[fn_name] = lambda *args, _result=seen.get(fn_name), **kwargs: _result

    assert run_check(path, name, check, solution, record)
    result = run_check(path, name, check, solution, hard_code)
    assert not result and repr(result).startswith("Not yet"), f"{name}: a hard-coded answer passes: {result!r}"


# ---- the machinery in helpers.checks ------------------------------------------------

def _learner(code, name):
    """Define `name` from learner code in a fake cell, with its source findable as IPython's are."""
    import linecache
    filename = f"<cell-{name}>"
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    namespace = {"np": np}
    exec(compile(code, filename, "exec"), namespace)
    return namespace[name]


def test_is_unanswered_knows_the_stubs():
    stubs = ["def f(x):\n    ...\n", "def f(x):\n    pass\n", 'def f(x):\n    """Doc."""\n',
             'def f(x, y):\n    """Doc."""\n    ...  # your code\n']
    for code in stubs:
        assert is_unanswered(_learner(code, "f")), code
    assert is_unanswered(...) and is_unanswered(None)
    for answer in [0, 0.0, "", [], np.zeros(2), _learner("def f(x):\n    return x\n", "f"),
                   _learner("def f(x):\n    x ** 3\n", "f"), lambda x: 1, print]:
        assert not is_unanswered(answer), answer


def test_call_learner_points_at_the_learners_line():
    fn = _learner("def f(x):\n    y = x + 1\n    return y / 0\n", "f")
    value, failed = call_learner(fn, 1.0, what="f")
    assert value is None and not failed
    assert repr(failed).startswith("Not yet: f raised ZeroDivisionError on line 3: `return y / 0`")
    assert "Traceback" not in repr(failed)


def test_call_learner_skips_helpers_and_library_frames():
    fn = _learner("def f(x):\n    return np.dot(x, np.ones(3))\n", "f")
    _, failed = call_learner(fn, np.ones(2))
    assert "ValueError on line 2: `return np.dot(x, np.ones(3))`" in repr(failed)
    fn = _learner("def f(x):\n    return check_shape(x, 'not a shape', 'x')\n", "f")
    fn.__globals__["check_shape"] = check_shape
    _, failed = call_learner(fn, np.ones(2))
    assert "TypeError on line 2" in repr(failed)


def test_call_learner_never_raises_on_the_answer():
    for answer in [..., None, 3, "f", _learner("def f(x):\n    ...\n", "f"), lambda x: {}[x], lambda: 1]:
        value, failed = call_learner(answer, 1.0)
        assert value is None and isinstance(failed, CheckResult) and not failed
        assert repr(failed).startswith("Not yet: ") and "Traceback" not in repr(failed)
    value, failed = call_learner(lambda x: np.exp(1000.0 * x), 1.0)
    assert failed is None and value == np.inf
    with pytest.raises(TypeError, match="what"):
        call_learner(print, what=3)


def test_check_shape():
    assert check_shape(np.ones((3, 2)), (3, 2), "W") is None
    assert check_shape([[1.0, 2.0]], (1, 2), "x") is None
    assert repr(check_shape(np.ones((2, 3)), (3, 2), "W")) == "Not yet: W has shape (2, 3), expected (3, 2)."
    for wrong in [None, "abc", [[1, 2], [3]], {"a": 1}, print]:
        assert not check_shape(wrong, (3, 2), "W")
    with pytest.raises(TypeError, match="expected_shape"):
        check_shape(np.ones(2), [2], "x")
    with pytest.raises(TypeError, match="name"):
        check_shape(np.ones(2), (2,), None)


def test_learner_rng_is_fresh_unless_seeded():
    assert learner_rng().normal() != learner_rng().normal()
    assert learner_rng(7).normal() == learner_rng(7).normal()
    with pytest.raises((TypeError, ValueError), match="seed"):
        learner_rng("7")
    with pytest.raises(ValueError, match="seed"):
        learner_rng(-1)


def test_agrees_and_first_mistake():
    x = np.arange(6.0).reshape(3, 2)
    assert agrees((x, [x, 1.0]), (x, [x, 1.0]))
    assert not agrees(x.T, x) and not agrees(None, x) and not agrees((x,), (x, x)) and not agrees("x", 1.0)
    mistakes = {"squared": lambda v: v ** 2, "halved": lambda v: v / 2}
    assert first_mistake(x / 2, mistakes, x) == "halved"
    assert first_mistake(x + 1, mistakes, x) is None
    assert first_mistake(3.0, {"three": 3.0}) == "three"
    with pytest.raises(TypeError, match="mistakes"):
        first_mistake(x, [lambda v: v])


def _cube_inputs(rng):
    return (rng.normal(size=(3, 2)),)


@pytest.mark.parametrize("seed", range(20))
def test_check_function_names_each_planted_mistake(seed):
    mistakes = {"that is x squared": lambda x: x ** 2, "that is 3x": lambda x: 3 * x}
    kwargs = dict(what="cube", hint="cube it", mistakes=mistakes, seed=seed)
    assert check_function(lambda x: x ** 3, lambda x: x ** 3, _cube_inputs, **kwargs)
    for hint, mistake in mistakes.items():
        result = check_function(mistake, lambda x: x ** 3, _cube_inputs, **kwargs)
        assert not result and result.hint == hint
    assert check_function(lambda x: x ** 4, lambda x: x ** 3, _cube_inputs, **kwargs).hint == "cube it"


def test_check_function_reports_without_raising():
    ref = lambda x: x ** 3  # noqa: E731
    kwargs = dict(what="cube", hint="cube it", seed=1)
    cases = {"replace the ...": _learner("def cube(x):\n    ...\n", "cube"),
             "is None: did the function forget to `return`": _learner("def cube(x):\n    x ** 3\n", "cube"),
             "has shape (2, 3), expected (3, 2)": lambda x: (x ** 3).T,
             "contains nan or inf": lambda x: x ** 3 / 0.0,
             "raised ZeroDivisionError on line 2": _learner("def cube(x):\n    return 1 / 0\n", "cube"),
             "should be a function": 3.0}
    for said, answer in cases.items():
        result = check_function(answer, ref, _cube_inputs, **kwargs)
        assert not result and said in repr(result), (said, repr(result))
    assert check_function(lambda x: x ** 3, ref, _cube_inputs, what="cube", hint="h")   # fresh inputs


def test_check_function_gives_the_learner_copies():
    def sloppy(x):
        x *= 2
        return x ** 3 / 8
    assert check_function(sloppy, lambda x: x ** 3, _cube_inputs, what="cube", hint="h", seed=3)


def test_check_function_raises_only_on_its_own_parameters():
    ref = lambda x: x  # noqa: E731
    with pytest.raises(TypeError, match="reference"):
        check_function(ref, "x", _cube_inputs, what="f", hint="h")
    with pytest.raises(TypeError, match="what"):
        check_function(ref, ref, _cube_inputs, what=None, hint="h")
    with pytest.raises(ValueError, match="trials"):
        check_function(ref, ref, _cube_inputs, what="f", hint="h", trials=0)
    with pytest.raises(TypeError, match="mistakes"):
        check_function(ref, ref, _cube_inputs, what="f", hint="h", mistakes=[ref])
    with pytest.raises(ValueError, match="seed"):
        check_function(ref, ref, _cube_inputs, what="f", hint="h", seed=-2)


def test_a_hard_coded_answer_fails_on_fresh_inputs():
    shown = np.random.default_rng(0).normal(size=(3, 2)) ** 3
    assert not check_function(lambda x: shown, lambda x: x ** 3, _cube_inputs, what="cube", hint="h")


def test_stub_detection_matches_the_notebooks_stubs():
    """Every function stub an answer cell ships is unanswered for the checks too."""
    for path, name, answer, *_ in EXERCISES:
        tree = ast.parse(source(answer))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                namespace = {}
                exec(compile(ast.Module([node], []), name, "exec"), namespace)
                assert isinstance(namespace[node.name], types.FunctionType)
                assert is_unanswered(namespace[node.name]), f"{name}: {node.name}"
