"""Every exercise check answers in Chinese when the learner's language is zh_CN.

Each exercise runs as a zh notebook runs it: its notebook's imports cell with the
language line switched to `use_language("zh_CN")` (the only difference between an
English and a Chinese code cell), then an answer, then the check cell. The worked
answer gets "正确"; the answer cell as shipped, and wrong answers made from the
worked one, get "还没有" with a message and a hint in Chinese. Every hint in the
checks' tables of typical mistakes has its translation. English is restored after
each test.
"""
import ast
import importlib
import pathlib
import pkgutil
import re
import sys
import types

import numpy as np
import pytest

import helpers.checks
from helpers.checks import check_function, check_shape
from helpers.graph import Value
from helpers.i18n import _, language, use_language

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from exercises import exercises, source, worked_answer  # noqa: E402
from translations import LANGUAGE_LINE, to_chinese  # noqa: E402
from test_exercises import check_cell_result, first_code_cell  # noqa: E402  (tests/, on the path)

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
EXERCISES = [(path, exercise) for path in NOTEBOOKS for exercise in exercises(path)]
IDS = [exercise.name for _, exercise in EXERCISES]
CJK = re.compile(r"[\u4e00-\u9fff]")
CHECK_MODULES = [importlib.import_module(f"helpers.checks.{m.name}")
                 for m in pkgutil.iter_modules(helpers.checks.__path__)]


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    use_language("en")


_IMPORTS = {}
DRAWING = ("matplotlib", "ipywidgets", "IPython", "helpers.plots", "helpers.widgets")


def zh_namespace(path):
    """A fresh namespace after `path`'s imports cell, run as the zh notebook runs it.

    The cell's imports of figures and panels are left out (the checks draw nothing,
    and importing matplotlib alone would take longer than this whole file); so are
    its other statements but the language line, which becomes `use_language("zh_CN")`.
    """
    if path not in _IMPORTS:
        code = first_code_cell(path)
        assert LANGUAGE_LINE["en"] in code, f"{path.name}: no language line in the first code cell"
        tree = ast.parse(to_chinese(code))
        tree.body = [node for node in tree.body
                     if isinstance(node, ast.Import) and not any(
                         a.name.startswith(DRAWING) for a in node.names)
                     or isinstance(node, ast.ImportFrom) and not (node.module or "").startswith(DRAWING)
                     or isinstance(node, ast.Expr) and "use_language" in ast.unparse(node)]
        namespace = {"__name__": f"zh_{path.stem}"}
        exec(compile(tree, path.name, "exec"), namespace)
        _IMPORTS[path] = namespace
    use_language("zh_CN")
    return dict(_IMPORTS[path])


def run_check(namespace, exercise):
    return check_cell_result(exercise.check, namespace, exercise.name)


def assert_chinese_not_yet(result, what):
    shown = repr(result)
    assert not result and shown.startswith("还没有："), f"{what}: {shown}"
    assert CJK.search(result.message), f"{what}: the message is not in Chinese: {shown}"
    assert not result.hint or CJK.search(result.hint), f"{what}: the hint is not in Chinese: {shown}"
    assert "Not yet" not in shown and "Hint:" not in shown, shown


def answer_names(exercise):
    """The functions and variables the learner's answer cell defines."""
    functions, values = [], []
    for node in ast.parse(source(exercise.answer)).body:
        if isinstance(node, ast.FunctionDef):
            functions.append(node.name)
        elif isinstance(node, ast.Assign):
            values += [t.id for t in node.targets if isinstance(t, ast.Name)]
    return functions, values


def wrong_value(value):
    """A wrong answer of the same kind as a right one (a number, a tuple, an array, a Value)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float, np.integer, np.floating)):
        return value + 1
    if type(value) in (tuple, list):
        return type(value)(wrong_value(x) for x in value)
    if isinstance(value, np.ndarray):
        return value + 1.0
    if isinstance(value, Value):
        return 3.0
    return None


def wrong_functions(name, worked, exercise):
    """Wrong versions of the learner's function `name`: each is (what it does, the function)."""
    seen = []

    def recording(*args, **kwargs):
        seen.append(worked[name](*args, **kwargs))
        return seen[-1]

    assert run_check(dict(worked, **{name: recording}), exercise) and seen

    def crashes(*args, **kwargs):
        return 1 / 0

    return [("returns a number", lambda *args, **kwargs: 0.0), ("raises", crashes),
            ("hard-codes the result of other inputs", lambda *args, **kwargs: seen[0])]


def test_every_check_is_an_exercise():
    """The exercises below reach every check the modules of helpers.checks define."""
    defined = {name for module in CHECK_MODULES for name, value in vars(module).items()
               if name.startswith("check_") and isinstance(value, types.FunctionType)
               and value.__module__ == module.__name__}
    called = {ast.parse(source(e.check)).body[-1].value.func.id for _, e in EXERCISES}
    assert defined and defined <= called, f"checks no exercise calls: {sorted(defined - called)}"


@pytest.mark.parametrize("path, exercise", EXERCISES, ids=IDS)
def test_check_answers_in_chinese(path, exercise):
    # the worked answer: 正确
    namespace = zh_namespace(path)
    exec(compile(worked_answer(exercise.solution), exercise.name, "exec"), namespace)
    right = run_check(namespace, exercise)
    assert right and repr(right).startswith("正确："), f"{exercise.name}: {right!r}"
    worked = dict(namespace)
    # the answer cell as shipped: 还没有
    namespace = zh_namespace(path)
    exec(compile(source(exercise.answer), exercise.name, "exec"), namespace)
    assert_chinese_not_yet(run_check(namespace, exercise), f"{exercise.name} as shipped")
    # wrong answers made from the worked one
    functions, values = answer_names(exercise)
    tried = 0
    for name in functions:
        for what, wrong in wrong_functions(name, worked, exercise):
            namespace = dict(worked, **{name: wrong})
            assert_chinese_not_yet(run_check(namespace, exercise), f"{exercise.name}: {name} {what}")
            tried += 1
    if not functions:
        changed = {name: wrong_value(worked[name]) for name in values}
        changed = {name: value for name, value in changed.items() if value is not None}
        assert_chinese_not_yet(run_check(dict(worked, **changed), exercise),
                               f"{exercise.name}: {sorted(changed)} changed")
        tried += bool(changed)
    assert tried, f"{exercise.name}: no wrong answer was tried"
    assert language() == "zh_CN"


def _hints(table):
    """The marked texts of a table of typical mistakes: dict keys shown as the slip's name
    (when the value is the hint itself), hints, and (what, hint) pairs."""
    if isinstance(table, str):
        return [table]
    if isinstance(table, dict):
        return [text for key, value in table.items()
                for text in ([key] if isinstance(value, str) else []) + _hints(value)]
    if all(isinstance(x, str) for x in table):          # (what it shows, hint)
        return list(table)
    if all(isinstance(x, tuple) for x in table):        # ((name, value, ..., hint), ...)
        return [entry[-1] for entry in table]
    return []


TABLES = [(module.__name__.rsplit(".", 1)[1], name, value)
          for module in [helpers.checks] + CHECK_MODULES
          for name, value in vars(module).items()
          if name.isupper() and not name.startswith("_")
          and (name.endswith(("_MISTAKES", "_HINT", "_TASK"))
                                 or isinstance(value, str))]


def test_every_hint_table_is_translated():
    use_language("zh_CN")
    texts = [(f"{module}.{name}", text) for module, name, table in TABLES for text in _hints(table)]
    assert len({name for name, _ in texts}) >= 15, sorted({name for name, _ in texts})
    untranslated = [(name, text) for name, text in texts if not CJK.search(_(text))]
    assert not untranslated, f"hints without a Chinese translation: {untranslated}"


def test_the_shared_pieces_answer_in_chinese():
    use_language("zh_CN")
    assert_chinese_not_yet(check_shape(np.ones((2, 3)), (3, 2), "W"), "check_shape")
    inputs = lambda rng: (rng.normal(size=(3, 2)),)            # noqa: E731
    for answer in (lambda x: x ** 2, lambda x: (x ** 3).T, lambda x: None, lambda x: 1 / 0, 3.0):
        assert_chinese_not_yet(check_function(answer, lambda x: x ** 3, inputs, what="cube",
                                              hint="求 x 的立方。", seed=1), "check_function")
    assert repr(check_function(lambda x: x ** 3, lambda x: x ** 3, inputs, what="cube",
                               hint="求 x 的立方。", seed=1)).startswith("正确：")
    use_language("en")
    assert repr(check_shape(np.ones((2, 3)), (3, 2), "W")) == \
        "Not yet: W has shape (2, 3), expected (3, 2)."
