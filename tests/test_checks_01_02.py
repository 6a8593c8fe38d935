"""The exercises of notebooks 01 and 02: worked answers pass, every planted mistake gets its own hint.

For the coding exercises (01's cube, 02's path_sum) each typical mistake is
written as a learner would write it and fed to the check on 100 seeds; for the
number exercises every entry of the check's table of mistakes is fed in.
"""
import math
import pathlib
import re

import nbformat
import numpy as np
import pytest

from helpers.checks import as_array, check_written
from helpers.checks import graphs as cg
from helpers.checks import paths as cp
from helpers.examples import diamond_chain, diamond_counts, running_example
from helpers.graph import Value
from helpers.walks import count_operations, count_paths, forward_mode, paths, reverse_mode

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOKS = {"01": ROOT / "notebooks" / "01-computation-graphs.ipynb",
             "02": ROOT / "notebooks" / "02-chain-rule-path-sums.ipynb"}
SEEDS = range(100)


def verdict(result):
    return repr(result)


def hint_of(result):
    assert not result, f"accepted a planted mistake: {result!r}"
    assert not repr(result).startswith("Correct")
    return result.hint


# ---- the pieces every coding check is built from -----------------------------------

def test_check_written_says_not_yet_for_a_stub_and_for_a_value():
    def stub(x):
        ...

    written = check_written(stub, "cube", "write cube(x).", "the hint")
    assert not written and (written.message, written.hint) == ("write cube(x).", "the hint")
    for answer, hint in ((3, "the hint"), ("cube", "pass cube itself")):
        result = check_written(answer, "cube", "write cube(x).", "the hint",
                               None if hint == "the hint" else hint)
        assert not result and result.hint == hint
        assert result.message == f"cube should be a function, got {type(answer).__name__}."
    assert check_written(cube, "cube", "write cube(x).", "the hint") is None


def test_as_array_converts_numbers_and_names_what_is_not():
    array, failed = as_array([[1, 2], [3, 4]], "f should return numbers", "h")
    assert failed is None and array.dtype == float and array.shape == (2, 2)
    for got in (None, ...):
        _, failed = as_array(got, "f should return numbers", "h", nothing="f returned nothing.")
        assert not failed and (failed.message, failed.hint) == ("f returned nothing.", "h")
    for got, kind in ((object(), "object"), ([[1, 2], [3]], "list"), ({"a": 1}, "dict")):
        _, failed = as_array(got, "f should return numbers", "h")
        assert not failed and failed.message == f"f should return numbers, got {kind}."


# ---- 01: the cube -------------------------------------------------------------------

def cube(x):
    return x ** 3, 3 * x ** 2


CUBE_PLANTED = {   # what a learner writes -> the CUBE_MISTAKES entry it must be named as
    "derivative without the factor 3": lambda x: (x ** 3, x ** 2),
    "derivative with the exponent not lowered": lambda x: (x ** 3, 3 * x ** 3),
    "derivative 3x": lambda x: (x ** 3, 3 * x),
    "value and derivative swapped": lambda x: (3 * x ** 2, x ** 3),
    "value 3x": lambda x: (x * 3, 3 * x ** 2),
    "derivative 3": lambda x: (x ** 3, 3),
}


def test_cube_worked_answer_passes_on_every_seed():
    assert all(cg.check_cube(cube, seed=s) for s in SEEDS)
    assert cg.check_cube(cube)                           # fresh inputs


def test_every_cube_mistake_is_planted():
    assert set(CUBE_PLANTED) == {name for name, *_ in cg.CUBE_MISTAKES}


@pytest.mark.parametrize("name", list(CUBE_PLANTED))
def test_cube_mistake_gets_its_own_hint_on_100_seeds(name):
    want = {n: hint for n, _, _, hint in cg.CUBE_MISTAKES}[name]
    others = {h for n, _, _, h in cg.CUBE_MISTAKES if n != name}
    for s in SEEDS:
        hint = hint_of(cg.check_cube(CUBE_PLANTED[name], seed=s))
        assert hint == want and hint not in others, (name, s, hint)


def test_cube_other_answers_are_not_yet_never_raise():
    def raises(x):
        return x ** 3, 1 / 0
    assert "raised ZeroDivisionError" in verdict(cg.check_cube(raises, seed=1))
    assert "not a pair" in verdict(cg.check_cube(lambda x: x ** 3, seed=1))
    assert "not a pair" in verdict(cg.check_cube(lambda x: (x ** 3, 3 * x * x, 0), seed=1))
    assert "not a finite number" in verdict(cg.check_cube(lambda x: (x ** 3, math.nan), seed=1))
    assert "not a finite number" in verdict(cg.check_cube(lambda x: ("x", 1.0), seed=1))
    assert "should be a function" in verdict(cg.check_cube(8.0, seed=1))
    assert "value is right" in verdict(cg.check_cube(lambda x: (x ** 3, 2 * x ** 2), seed=1))
    assert "x ** 3 =" in verdict(cg.check_cube(lambda x: (x ** 2, 2 * x), seed=1))

    def stub(x):
        ...
    assert verdict(cg.check_cube(stub)).startswith("Not yet: write the function cube")
    assert verdict(cg.check_cube(...)).startswith("Not yet")


def test_cube_hard_coded_answer_is_rejected():
    def hard_coded(x):                 # right at x = 2 only
        return 8.0, 12.0
    assert not any(cg.check_cube(hard_coded, seed=s) for s in SEEDS)


def test_cube_accepts_numpy_numbers_and_a_centred_difference():
    assert cg.check_cube(lambda x: (np.float64(x) ** 3, np.float64(3 * x * x)), seed=3)
    h = 1e-6
    assert cg.check_cube(lambda x: (x ** 3, ((x + h) ** 3 - (x - h) ** 3) / (2 * h)), seed=3)


@pytest.mark.parametrize("seed, error", [(-1, ValueError), (1.5, TypeError), ("1", TypeError)])
def test_cube_bad_seed_raises(seed, error):
    with pytest.raises(error, match="seed"):
        cg.check_cube(cube, seed=seed)


# ---- 02: the path sum ---------------------------------------------------------------

def path_sum(edges, output, wrt):
    if wrt == output:
        return 1.0
    return sum(d * path_sum(edges, output, c) for (p, c), d in edges.items() if p == wrt)


def walked_backwards(edges, output, wrt):       # reads the keys as (child, parent)
    if wrt == output:
        return 1.0
    return sum(d * walked_backwards(edges, output, p) for (p, c), d in edges.items() if c == wrt)


def counted(edges, output, wrt):                # forgot the edge number
    if wrt == output:
        return 1.0
    return sum(counted(edges, output, c) for (p, c), d in edges.items() if p == wrt)


def _path_values(edges, output, wrt, start, combine):
    def walk(node, acc):
        if node == output:
            return [acc]
        return [x for (p, c), d in edges.items() if p == node for x in walk(c, combine(acc, d))]
    return walk(wrt, start)


def multiplied_paths(edges, output, wrt):
    return math.prod(_path_values(edges, output, wrt, 1.0, lambda acc, d: acc * d))


def added_along(edges, output, wrt):
    return sum(_path_values(edges, output, wrt, 0.0, lambda acc, d: acc + d))


def one_path(edges, output, wrt):               # returns at the first path found
    if wrt == output:
        return 1.0
    for (p, c), d in edges.items():
        if p == wrt:
            rest = one_path(edges, output, c)
            if rest:
                return d * rest
    return 0.0


PATH_SUM_PLANTED = {"zero": walked_backwards, "count": counted, "product": multiplied_paths,
                    "sum along": added_along}
ONE_PATH_HINT = "that is the product along one path only"


def test_path_sum_worked_answer_passes_on_every_seed():
    assert all(cp.check_path_sum_function(path_sum, seed=s) for s in SEEDS)
    assert cp.check_path_sum_function(path_sum)


def test_every_path_sum_mistake_is_planted():
    assert set(PATH_SUM_PLANTED) == {name for name, *_ in cp.PATH_SUM_MISTAKES}


@pytest.mark.parametrize("name", list(PATH_SUM_PLANTED) + ["one path"])
def test_path_sum_mistake_gets_its_own_hint_on_100_seeds(name):
    hints = {n: h for n, _, h in cp.PATH_SUM_MISTAKES}
    want = hints.get(name)
    fn = PATH_SUM_PLANTED.get(name, one_path)
    for s in SEEDS:
        hint = hint_of(cp.check_path_sum_function(fn, seed=s))
        if name == "one path":
            assert hint.startswith(ONE_PATH_HINT), (s, hint)
        else:
            assert hint == want, (name, s, hint)


def test_path_sum_hard_coded_example_is_rejected():
    edges = {("a", "c"): 1, ("b", "c"): 1, ("b", "d"): 1, ("c", "e"): 2, ("d", "e"): 3}
    assert path_sum(edges, "e", "b") == 5 and path_sum(edges, "e", "a") == 2

    def hard_coded(edges, output, wrt):
        return 5.0
    assert not any(cp.check_path_sum_function(hard_coded, seed=s) for s in range(20))


def test_path_sum_other_answers_are_not_yet_never_raise():
    def key_error(edges, output, wrt):
        return edges[(output, wrt)]            # no edge runs backwards
    assert "raised KeyError" in verdict(cp.check_path_sum_function(key_error, seed=0))
    assert "not a finite number" in verdict(
        cp.check_path_sum_function(lambda e, o, w: "5", seed=0))
    assert "not a finite number" in verdict(
        cp.check_path_sum_function(lambda e, o, w: math.inf, seed=0))
    assert "should be a function" in verdict(cp.check_path_sum_function(5.0))

    def stub(edges, output, wrt):
        ...
    assert verdict(cp.check_path_sum_function(stub)).startswith("Not yet: write path_sum")

    def mutates(edges, output, wrt):            # the check's own graph is not touched
        result = path_sum(edges, output, wrt)
        edges.clear()
        return result
    assert cp.check_path_sum_function(mutates, seed=4)


def test_random_dags_have_what_the_check_promises():
    for s in SEEDS:
        edges, output, wrt, products = cp.random_dag(np.random.default_rng(s))
        assert 3 <= len(products) <= 12
        assert math.isclose(path_sum(edges, output, wrt), sum(p for p, _ in products))
        assert math.isclose(cp._engine(edges, output, wrt), sum(p for p, _ in products))
        assert all(d != 0 for d in edges.values())


@pytest.mark.parametrize("kwargs, error", [({"seed": -1}, ValueError), ({"graphs": 0}, ValueError),
                                           ({"graphs": 2.5}, TypeError)])
def test_path_sum_bad_parameters_raise(kwargs, error):
    with pytest.raises(error):
        cp.check_path_sum_function(path_sum, **kwargs)


# ---- the number exercises: every entry of every table of mistakes ---------------------

NUMBER_MISTAKES = [   # (check, its exercise's parameters, wrong answer, words of its hint)
    (cg.check_running_example, dict(a=-1, b=3), ("e", 6.0), "c + d"),
    (cg.check_running_example, dict(a=-1, b=3), ("e", 2.0), "that is c;"),
    (cg.check_running_example, dict(a=-1, b=3), ("e", 4.0), "that is d;"),
    (cg.check_local_derivative, dict(a=-1, b=3), ("de_dc", 2.0), "that is de/dd"),
    (cg.check_local_derivative, dict(a=-1, b=3), ("de_dc", 1.0), "local derivative of a sum"),
    (cp.check_path_sum, dict(a=4.0, b=1.0), ("de_db", 2.0), "through c alone"),
    (cp.check_path_sum, dict(a=4.0, b=1.0), ("de_db", 5.0), "through d alone"),
    (cp.check_path_sum, dict(a=4.0, b=1.0), ("de_db", 10.0), "multiplies the two"),
]
COUNTS = dict(depth=5, width=4)
COUNT_MISTAKES = [    # check_diamond_counts(5, 4, n_paths, multiply_adds): its two tables
    ((20, 20), "adds routes stage by stage"),
    ((625, 20), "that is k^w"),
    ((9, 20), "do not add"),
    ((1024, 40), "two edges per route"),
    ((1024, 5 * 1024), "work path by path"),
    ((1024, 1024), "the number of paths; the walk reads"),
    ((1024, 19), "additions and multiplications of the factored formula"),
]


@pytest.mark.parametrize("check, params, answer, words", NUMBER_MISTAKES)
def test_number_mistake_gets_its_own_hint(check, params, answer, words):
    name, value = answer
    result = check(**params, **{name: value})
    assert words in hint_of(result)
    others = [m for m in NUMBER_MISTAKES if m[0] is check and m[3] != words]
    assert all(m[3] not in result.hint for m in others)


@pytest.mark.parametrize("answers, words", COUNT_MISTAKES)
def test_count_mistake_gets_its_own_hint(answers, words):
    result = cp.check_diamond_counts(**COUNTS, n_paths=answers[0], multiply_adds=answers[1])
    assert words in hint_of(result)
    assert all(w not in result.hint for _, w in COUNT_MISTAKES if w != words)


def test_factored_mistakes_get_their_own_hints():
    chain = diamond_chain(3, 2, seed=5)
    flat = [w for stage in chain.weights for w in stage]
    assert cp.check_factored(chain, math.prod(sum(s) for s in chain.weights))
    wrong = {"adds every weight": sum(flat), "multiplies every weight": math.prod(flat),
             "part of a single path": chain.weights[0][0] * chain.weights[-1][0]}
    for words, value in wrong.items():
        hint = hint_of(cp.check_factored(chain, value))
        assert words in hint and all(w not in hint for w in wrong if w != words)
    assert "DiamondChain" in verdict(cp.check_factored(None, 1.0))
    assert verdict(cp.check_factored(chain, ...)).startswith("Not yet")


def test_number_exercises_reject_a_hard_coded_answer_elsewhere():
    assert cg.check_running_example(a=-1, b=3, e=8.0)
    assert not cg.check_running_example(a=2, b=1, e=8.0)
    assert cp.check_diamond_counts(5, 4, 1024, 20)
    assert not cp.check_diamond_counts(5, 3, 1024, 20)
    assert cp.check_path_sum(a=4.0, b=1.0, de_db=7.0)
    assert not cp.check_path_sum(a=2.0, b=1.0, de_db=7.0)


# ---- the worked answers in the notebooks ------------------------------------------------

FENCE = re.compile(r"```python\n(.*?)```", re.S)


def exercises(key):
    """(worked-answer code, check-cell source, imports source) for each exercise of a notebook."""
    nb = nbformat.read(NOTEBOOKS[key], as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    imports = "\n".join(line for line in code[0].source.splitlines() if not line.startswith("%"))
    found = []
    for i, cell in enumerate(nb.cells):
        if "solution" in cell.metadata.get("tags", []):
            blocks = FENCE.findall(cell.source)
            assert len(blocks) == 1, f"{key}: cell {i} must hold exactly one python block"
            assert cell.source.startswith("<details><summary>Worked answer</summary>")
            check = nb.cells[i - 1]
            assert check.cell_type == "code" and "check_" in check.source
            answer = nb.cells[i - 2]
            assert "answer" in answer.metadata.get("tags", [])
            found.append((blocks[0], check.source, imports, answer.source))
    return found


@pytest.mark.parametrize("key, count", [("01", 4), ("02", 4)])
def test_worked_answers_pass_and_stubs_do_not(key, count):
    found = exercises(key)
    assert len(found) == count
    for block, check, imports, stub in found:
        space = {}
        exec(imports, space)
        exec(block, space)
        result = eval(check, space)
        assert result, (block, result)
        space = {}
        exec(imports, space)
        exec(stub, space)
        assert repr(eval(check, space)).startswith("Not yet"), stub


def test_stored_check_outputs_say_not_yet():
    for key, path in NOTEBOOKS.items():
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code" and re.search(r"\bcheck_\w+\(", cell.source):
                text = "".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)
                assert text.startswith("Not yet"), (key, cell.source, text)


def test_no_assert_in_code_cells():
    for key, path in NOTEBOOKS.items():
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not re.search(r"^\s*assert\b", cell.source, re.M), (key, cell.source)


def test_engine_builds_the_edge_dict_graph():
    edges = {("a", "c"): 1.0, ("b", "c"): 1.0, ("b", "d"): 1.0, ("c", "e"): 2.0, ("d", "e"): 3.0}
    assert cp._engine(edges, "e", "b") == 5.0 and cp._engine(edges, "e", "a") == 2.0
    assert isinstance(Value(1.0), Value)


# ---- the diamond chain: parallel edges, no route nodes -----------------------------------

@pytest.mark.parametrize("depth,width", [(1, 1), (1, 5), (2, 3), (3, 4), (5, 2), (4, 6)])
def test_diamond_chain_has_width_to_the_depth_paths(depth, width):
    chain = diamond_chain(depth, width)
    n = width ** depth
    assert len(chain.output.topo()) == depth + 1                   # X, Y1, ..., Z only
    assert count_paths(chain.output, chain.input) == n
    counts = count_operations(chain.output, chain.input)
    formula = diamond_counts(depth, width)
    assert (counts.paths, counts.path_sum, counts.forward) == \
        (formula["paths"], formula["path_sum"], formula["factored"]) == (n, depth * n, width * depth)
    exact = chain.factored()
    assert math.isclose(forward_mode(chain.output, chain.input)[chain.output], exact, rel_tol=1e-12)
    assert math.isclose(reverse_mode(chain.output)[chain.input], exact, rel_tol=1e-12)
    h = 1e-6
    numeric = (diamond_chain(depth, width, x=1 + h).output.data
               - diamond_chain(depth, width, x=1 - h).output.data) / (2 * h)
    assert numeric == pytest.approx(exact, rel=1e-7)


def test_nine_path_graph_has_three_parallel_edges_each_way():
    chain = diamond_chain(2, 3)
    x, y, z = chain.stages
    assert [s.label for s in chain.stages] == ["X", "Y", "Z"]
    assert y.parents == (x, x, x) and z.parents == (y, y, y)
    assert (y.local, z.local) == chain.weights == ((0.8, 0.7, 0.4), (0.3, 0.5, 0.4))
    assert (y.op, z.op) == ("αX + βX + γX", "δY + εY + ζY")
    listed = paths(chain.output, chain.input)
    assert len(listed) == 9 and [len(p.edges) for p in listed] == [2] * 9
    assert sum(p.product for p in listed) == pytest.approx(1.9 * 1.2, rel=1e-12)


def test_diamond_chain_weights_are_seeded_and_nontrivial():
    one, two = diamond_chain(3, 4, seed=1), diamond_chain(3, 4, seed=1)
    assert one.weights == two.weights != diamond_chain(3, 4, seed=2).weights
    assert all(0.1 <= w <= 0.9 for stage in one.weights for w in stage)
    assert diamond_chain(5, 5).output.op == "5 edges from Y4"             # past the Greek letters


@pytest.mark.parametrize("kwargs,error,match", [
    ({"depth": 0, "width": 3}, ValueError, "depth must be at least 1, got 0"),
    ({"depth": 3, "width": 0}, ValueError, "width must be at least 1, got 0"),
    ({"depth": 65, "width": 2}, ValueError, "depth must be at most 64"),
    ({"depth": 2.0, "width": 3}, TypeError, "depth must be an integer, got float"),
    ({"depth": 2, "width": 2, "weights": [[1, 2]]}, ValueError, "weights must be depth=2 lists"),
    ({"depth": 1, "width": 2, "weights": [[1, float("nan")]]}, ValueError,
     r"weights\[0\]\[1\] must be finite"),
    ({"depth": 1, "width": 1, "x": "1"}, TypeError, "x must be a real number"),
])
def test_diamond_chain_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        diamond_chain(**kwargs)


# ---- drawings: node formulas, parallel edges, the work plot, the path-count panel --------

def test_nodes_show_their_operation_name_and_value():
    import matplotlib
    matplotlib.use("Agg")
    from helpers.plots.graph import draw_graph, formula
    a, b = Value(2.0, "a"), Value(1.0, "b")
    e = running_example(a, b)
    texts = [t.get_text() for t in draw_graph(e).node_text]
    assert texts == ["a\n2", "b\n1", "c = a + b\n3", "d = b + 1\n2", "e = c · d\n6"]
    x = Value(2.0, "x")
    assert [formula(v) for v in [(x * 2).named("q"), (x - 3).named("r"), (3 - x).named("s"),
                                 (x / 4).named("t"), (4 / x).named("u"), (x ** 3).named("v"),
                                 x.tanh().named("h"), (-x).named("w"), x.exp(), x]] == \
        ["q = x · 2", "r = x − 3", "s = 3 − x", "t = x / 4", "u = 4 / x", "v = x**3",
         "h = tanh(x)", "w = −x", "exp(x)", "x"]


def test_parallel_edges_are_fanned_apart_and_one_can_be_highlighted():
    import matplotlib
    matplotlib.use("Agg")
    from helpers.plots.graph import draw_graph
    chain = diamond_chain(2, 3)
    drawing = draw_graph(chain.output)
    assert [t.get_text() for t in drawing.node_text][1:] == ["Y = αX + βX + γX\n1.9",
                                                            "Z = δY + εY + ζY\n2.28"]
    styles = {a.arrow_patch.get_connectionstyle().rad for a in drawing.edge_arrows}
    assert len(styles) == 3                                   # three distinct curvatures
    labels = [tuple(t.get_position()) for t in drawing.edge_text]
    assert len(set(labels)) == 6                              # no two labels on one spot
    y, z = chain.stages[1:]
    drawing.highlight_slots([(y, 0), (z, 2)])
    thick = [a.arrow_patch.get_linewidth() > 2 for a in drawing.edge_arrows]
    assert sum(thick) == 2
    drawing.highlight([(chain.input, y)])                     # a pair: all three parallel edges
    assert sum(a.arrow_patch.get_linewidth() > 2 for a in drawing.edge_arrows) == 3
    assert [t.get_text() for t in draw_graph(chain.output, formulas=False).node_text] == \
        ["X\n1", "Y\n1.9", "Z\n2.28"]
    with pytest.raises(TypeError, match="formulas"):
        draw_graph(chain.output, formulas="yes")


def test_work_plot_has_tick_labels_on_both_axes():
    import matplotlib
    matplotlib.use("Agg")
    from helpers.plots.walks import plot_work
    work = plot_work(3, depths=range(1, 11), depth=10)
    ax = work.ax
    ax.figure.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(k) for k in range(1, 11)]
    assert [t.get_text() for t in ax.get_yticklabels()][:4] == ["1", "10", "10²", "10³"]
    assert ax.get_xlabel() and ax.get_ylabel()
    assert work.counts("path_sum")[-1] == pytest.approx(10 * 3 ** 10)
    assert work.counts("factored") == pytest.approx([3 * k for k in range(1, 11)])


def test_path_count_panel_draws_the_chain_and_highlights_the_counted_path():
    import matplotlib
    matplotlib.use("Agg")
    from helpers.widgets.paths import DRAW_LIMIT, PathCountPanel, path_choices
    panel = PathCountPanel()
    assert panel.caption.get_text() == "path 1 of 9: 0.8 × 0.3 = 0.24"
    assert panel.table.get_text().splitlines() == [
        "9 paths; dZ/dX", "by paths: 2.28", "by stages: 2.28", "finite diff.: 2.28",
        "multiply-adds: 18 vs 6"]
    assert panel.controls["path"].max == 9
    thick = [a.arrow_patch.get_linewidth() > 2 for a in panel.drawing.edge_arrows]
    assert sum(thick) == 2
    seen = set()
    for p in range(1, 10):
        panel.controls["path"].value = p
        on = tuple(i for i, a in enumerate(panel.drawing.edge_arrows)
                   if a.arrow_patch.get_linewidth() > 2)
        seen.add(on)
    assert len(seen) == 9                                      # every path is a different pair
    assert panel.caption.get_text() == "path 9 of 9: 0.4 × 0.4 = 0.16"
    assert path_choices(5, 2, 3) == [2, 1]
    panel.controls["depth"].value = DRAW_LIMIT + 4
    panel.controls["width"].value = 4
    assert panel.drawing is None and panel.controls["path"].disabled
    assert panel.caption.get_text() == "too many paths to draw: the drawing stops at 4 stages of 4 edges"
    assert panel.table.get_text().splitlines() == [
        "65,536 paths, more than 256:", "not listed; dZ/dX", "by stages: 746.573",
        "finite diff.: 746.573", "multiply-adds: 524,288 vs 32"]
    panel.controls["depth"].value = 2                          # drawable again, path 1
    assert panel.controls["path"].max == 16 and not panel.controls["path"].disabled
    assert panel.caption.get_text().startswith("path 1 of 16: ")


def test_path_count_panel_methods_agree_everywhere():
    import matplotlib
    matplotlib.use("Agg")
    from helpers.widgets.paths import ENUMERATE_LIMIT, PathCountPanel
    panel = PathCountPanel()
    for depth in range(1, 13):
        for width in range(1, 7):
            listed, factored, numeric, counts = panel.derivatives(depth, width)
            assert (listed is None) == (width ** depth > ENUMERATE_LIMIT)
            assert counts.paths == width ** depth
            if listed is not None:
                assert math.isclose(listed, factored, rel_tol=1e-12)
            assert math.isclose(numeric, factored, rel_tol=1e-6)
            assert math.isclose(factored, diamond_chain(depth, width).factored(), rel_tol=1e-12)


@pytest.mark.parametrize("kwargs, error", [({"depth": 13}, ValueError), ({"width": 2.5}, TypeError),
                                           ({"max_depth": "12"}, TypeError), ({"x": math.nan}, ValueError)])
def test_path_count_panel_bad_arguments(kwargs, error):
    from helpers.widgets.paths import PathCountPanel
    with pytest.raises(error):
        PathCountPanel(**kwargs)


def test_built_graph_mistakes_get_their_own_hints():
    def inputs():
        return Value(-2.0, "x"), Value(5.0, "y"), Value(-4.0, "z")
    x, y, z = inputs()
    assert cg.check_built_graph((x + y) * z, x=-2, y=5, z=-4)
    x, y, z = inputs()
    assert cg.check_built_graph((x + y) * z)                           # the defaults
    planted = {}
    x, y, z = Value(-2.0, "a"), Value(5.0, "b"), Value(-4.0, "c")
    planted["label the inputs"] = (x + y) * z
    x, y, z = inputs()
    planted["check the input values"] = x + y * z
    x, y, z = inputs()
    planted["with the sum first"] = (x * 0 + 3) * z + (x + y) * 0      # -12, but df/dx = 0
    for words, f in planted.items():
        hint = hint_of(cg.check_built_graph(f, x=-2, y=5, z=-4))
        assert words in hint and all(w not in hint for w in planted if w != words)
    assert "should be a Value" in verdict(cg.check_built_graph(-12.0))
    assert verdict(cg.check_built_graph(...)).startswith("Not yet")
    x, y, z = Value(1.0, "x"), Value(2.0, "y"), Value(3.0, "z")
    assert cg.check_built_graph((x + y) * z, x=1, y=2, z=3)
    with pytest.raises(TypeError, match="x"):
        cg.check_built_graph((x + y) * z, x="1")
