"""The exercise checks of notebooks 03, 04 and 08, and the helpers their new sections use.

Every planted mistake of a coding check gets its own hint on 100 seeds; every entry
of a number check's table of mistakes gets its own hint, and lies well outside the
check's tolerance; a hard-coded answer fails; learner errors come back as "Not yet".
(The worked answers in the notebooks passing their checks is tests/test_exercises.py.)
"""
import linecache

import numpy as np
import pytest

import helpers.checks.descent as checks_descent
import helpers.checks.modes as checks_modes
from helpers.checks.descent import (LOOP_HINT, NEWTON_HINT, NEWTON_MISTAKES, PATH_MISTAKES,
                                    RPROP_HINT, RPROP_MISTAKES, check_descent_loop,
                                    check_descent_path, check_largest_rate, check_newton_step,
                                    check_one_step, check_rprop_step, random_rprop_state)
from helpers.checks.modes import (WALK_HINT, WALK_MISTAKES, check_backward_walk, check_forward_tangents,
                                  check_passes, check_reverse_adjoints, random_graph)
from helpers.graph import Value

SEEDS = range(100)


def learner(code, name):
    """Define `name` from learner code in a fake notebook cell (its lines findable, as IPython's are)."""
    filename = f"<cell-{name}>"
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    namespace = {"np": np}
    exec(compile(code, filename, "exec"), namespace)
    return namespace[name]


# ---- 03: the reverse walk ---------------------------------------------------------------

WALK = """
def backward_walk(output):
    order = output.topo()
    for node in order:
        {reset}
    {seed}
    for node in {order}:
        for parent, local in zip(node.parents, node.local):
            {update}
"""
RIGHT = dict(reset="node.grad = 0.0", seed="output.grad = 1.0", order="reversed(order)",
             update="parent.grad += node.grad * local")
PLANTED_WALKS = {
    "assign": dict(RIGHT, update="parent.grad = node.grad * local"),
    "forward_order": dict(RIGHT, order="order"),
    "no_reset": dict(RIGHT, reset="pass"),
    "no_seed": dict(RIGHT, seed="pass"),
    "no_chain": dict(RIGHT, update="parent.grad += local"),
}


def walk(**parts):
    return learner(WALK.format(**parts), "backward_walk")


def test_every_walk_mistake_is_planted():
    assert set(PLANTED_WALKS) == set(WALK_MISTAKES)


def test_the_right_walk_passes_on_100_seeds():
    right = walk(**RIGHT)
    assert all(check_backward_walk(right, seed=s) for s in SEEDS)


@pytest.mark.parametrize("name", sorted(PLANTED_WALKS))
def test_each_walk_mistake_gets_its_own_hint_on_100_seeds(name):
    wrong = walk(**PLANTED_WALKS[name])
    for seed in SEEDS:
        result = check_backward_walk(wrong, seed=seed)
        assert not result and result.hint == WALK_MISTAKES[name][1], (seed, repr(result))


def test_calling_backward_is_named_and_backward_still_works_afterwards():
    result = check_backward_walk(learner("def backward_walk(output):\n    output.backward()\n",
                                         "backward_walk"))
    assert not result and ".backward()" in result.message
    a, b = Value(2.0, "a"), Value(1.0, "b")
    e = (a + b) * (b + 1)
    e.backward()
    assert (a.grad, b.grad) == (2.0, 5.0)


def test_a_walk_hard_coded_for_the_running_example_fails():
    code = ("def backward_walk(output):\n"
            "    for node in output.topo():\n"
            "        node.grad = {'a': 2.0, 'b': 5.0, 'c': 2.0, 'd': 3.0, 'e': 1.0}.get(node.label, 0.0)\n")
    result = check_backward_walk(learner(code, "backward_walk"))
    assert not result and repr(result).startswith("Not yet")


@pytest.mark.parametrize("code, words", [
    ("def backward_walk(output):\n    ...\n", "write the body"),
    ("def backward_walk(output):\n    return 1 / 0\n", "ZeroDivisionError on line 2"),
    ("def backward_walk(output):\n    output.grad = 'one'\n", "not a number"),
])
def test_walk_answers_that_are_not_walks_get_not_yet(code, words):
    result = check_backward_walk(learner(code, "backward_walk"))
    assert not result and words in repr(result), repr(result)


def test_random_graphs_have_shared_nodes_and_every_input_reaches_the_output():
    for seed in range(20):
        inputs, nodes, out = random_graph(np.random.default_rng(seed))
        order = out.topo()
        assert all(x in order for x in inputs)
        uses = {}
        for n in order:
            for p in n.parents:
                uses[p] = uses.get(p, 0) + 1
        assert max(uses.values()) >= 2
        assert any(len(set(map(id, n.parents))) < len(n.parents) for n in order)   # x * x


def test_walk_check_raises_only_on_its_own_parameters():
    with pytest.raises((TypeError, ValueError)):
        check_backward_walk(walk(**RIGHT), graphs=0)
    with pytest.raises((TypeError, ValueError)):
        check_backward_walk(walk(**RIGHT), seed="x")


# ---- 04: the loop in two dimensions ------------------------------------------------------

PLANTED_PATHS = {
    "ascent": """
def descend(grad, start, eta, steps):
    w = np.array(start, dtype=float); path = [w]
    for _ in range(steps):
        w = w + eta * grad(w); path.append(w)
    return np.array(path)
""",
    "one_at_a_time": """
def descend(grad, start, eta, steps):
    w = np.array(start, dtype=float); path = [w.copy()]
    for _ in range(steps):
        w[0] = w[0] - eta * grad(w)[0]
        w[1] = w[1] - eta * grad(w)[1]
        path.append(w.copy())
    return np.array(path)
""",
    "no_eta": """
def descend(grad, start, eta, steps):
    w = np.array(start, dtype=float); path = [w]
    for _ in range(steps):
        w = w - grad(w); path.append(w)
    return np.array(path)
""",
    "frozen_gradient": """
def descend(grad, start, eta, steps):
    w = np.array(start, dtype=float); path = [w]; g = grad(w)
    for _ in range(steps):
        w = w - eta * g; path.append(w)
    return np.array(path)
""",
    "missing_start": """
def descend(grad, start, eta, steps):
    w = np.array(start, dtype=float); path = []
    for _ in range(steps):
        w = w - eta * grad(w); path.append(w)
    return np.array(path)
""",
    "missing_last": """
def descend(grad, start, eta, steps):
    w = np.array(start, dtype=float); path = [w]
    for _ in range(steps - 1):
        w = w - eta * grad(w); path.append(w)
    return np.array(path)
""",
    "extra_step": """
def descend(grad, start, eta, steps):
    w = np.array(start, dtype=float); path = [w]
    for _ in range(steps + 1):
        w = w - eta * grad(w); path.append(w)
    return np.array(path)
""",
    "aliased": """
def descend(grad, start, eta, steps):
    w = start; path = [w]
    for _ in range(steps):
        w -= eta * grad(w); path.append(w)
    return np.array(path)
""",
    "final_only": """
def descend(grad, start, eta, steps):
    w = np.array(start, dtype=float)
    for _ in range(steps):
        w = w - eta * grad(w)
    return w
""",
}
RIGHT_PATH = """
def descend(grad, start, eta, steps):
    w = np.array(start, dtype=float); path = [w]
    for _ in range(steps):
        w = w - eta * grad(w); path.append(w)
    return np.array(path)
"""


def test_every_path_mistake_is_planted():
    assert set(PLANTED_PATHS) == set(PATH_MISTAKES)


def test_the_right_loop_passes_on_100_seeds():
    right = learner(RIGHT_PATH, "descend")
    assert all(check_descent_path(right, seed=s) for s in SEEDS)


@pytest.mark.parametrize("name", sorted(PLANTED_PATHS))
def test_each_path_mistake_gets_its_own_hint_on_100_seeds(name):
    wrong = learner(PLANTED_PATHS[name], "descend")
    for seed in SEEDS:
        result = check_descent_path(wrong, seed=seed)
        assert not result and result.hint == PATH_MISTAKES[name][1], (seed, repr(result))


def test_a_path_hard_coded_for_the_contour_example_fails():
    code = ("def descend(grad, start, eta, steps):\n"
            "    return np.array([[-3.0, 3.0]] * (steps + 1))\n")
    result = check_descent_path(learner(code, "descend"))
    assert not result and result.hint == LOOP_HINT


def test_changing_the_callers_start_is_named():
    code = ("def descend(grad, start, eta, steps):\n"
            "    path = [start.copy()]\n"
            "    for _ in range(steps):\n"
            "        start -= eta * grad(start); path.append(start.copy())\n"
            "    return np.array(path)\n")
    result = check_descent_path(learner(code, "descend"), seed=3)
    assert not result and "in place" in result.message


@pytest.mark.parametrize("code, words", [
    ("def descend(grad, start, eta, steps):\n    ...\n", "write the body"),
    ("def descend(grad, start, eta, steps):\n    return grad(start)[5]\n", "IndexError on line 2"),
    ("def descend(grad, start, eta, steps):\n    return 'path'\n", "numbers"),
    ("def descend(grad, start, eta, steps):\n    w = start\n", "returned nothing"),
    ("def descend(grad, start, eta, steps):\n    return np.zeros((steps + 1, 3))\n", "shape"),
])
def test_path_answers_that_are_not_paths_get_not_yet(code, words):
    result = check_descent_path(learner(code, "descend"))
    assert not result and words in repr(result), repr(result)


# ---- 08: one Newton step -------------------------------------------------------------------

PLANTED_NEWTON = {
    "uphill": "w + np.linalg.solve(hess(w), grad(w))",
    "times_hessian": "w - hess(w) @ grad(w)",
    "diagonal_only": "w - grad(w) / np.diag(hess(w))",
    "gradient_step": "w - grad(w)",
    "step_only": "-np.linalg.solve(hess(w), grad(w))",
}


def newton(body):
    return learner(f"def newton_step(grad, hess, w):\n    return {body}\n", "newton_step")


def test_every_newton_mistake_is_planted():
    assert set(PLANTED_NEWTON) == set(NEWTON_MISTAKES)


def test_the_right_newton_step_passes_on_100_seeds():
    right = newton("w + np.linalg.solve(hess(w), -grad(w))")
    assert all(check_newton_step(right, seed=s) for s in SEEDS)


@pytest.mark.parametrize("name", sorted(PLANTED_NEWTON))
def test_each_newton_mistake_gets_its_own_hint_on_100_seeds(name):
    wrong = newton(PLANTED_NEWTON[name])
    for seed in SEEDS:
        result = check_newton_step(wrong, seed=seed)
        assert not result and result.hint == NEWTON_MISTAKES[name][1], (seed, repr(result))


def test_a_hard_coded_newton_step_fails():
    result = check_newton_step(newton("np.array([1.0, 1.0])"))
    assert not result and result.hint == NEWTON_HINT


# ---- 08: one Rprop step --------------------------------------------------------------------

RPROP = """
def rprop_step(w, g, g_prev, steps):
    agree = g * g_prev
    steps = {steps}
    return {move}, steps
"""
RIGHT_STEPS = "np.where(agree > 0, steps * 1.2, np.where(agree < 0, steps * 0.5, steps))"
RIGHT_MOVE = "w - steps * np.sign(g)"
PLANTED_RPROP = {
    "swapped": ("np.where(agree > 0, steps * 0.5, np.where(agree < 0, steps * 1.2, steps))", RIGHT_MOVE),
    "magnitude": (RIGHT_STEPS, "w - steps * g"),
    "uphill": (RIGHT_STEPS, "w + steps * np.sign(g)"),
    "zero_shrinks": ("np.where(agree > 0, steps * 1.2, steps * 0.5)", RIGHT_MOVE),
    "zero_grows": ("np.where(agree >= 0, steps * 1.2, steps * 0.5)", RIGHT_MOVE),
}


def rprop(steps=RIGHT_STEPS, move=RIGHT_MOVE):
    return learner(RPROP.format(steps=steps, move=move), "rprop_step")


OLD_STEPS = """
def rprop_step(w, g, g_prev, steps):
    agree = g * g_prev
    w_new = w - steps * np.sign(g)
    steps = np.where(agree > 0, steps * 1.2, np.where(agree < 0, steps * 0.5, steps))
    return w_new, steps
"""


def test_every_rprop_mistake_is_planted():
    assert set(PLANTED_RPROP) | {"old_steps"} == set(RPROP_MISTAKES)


def test_the_rprop_inputs_reach_every_case():
    for seed in SEEDS:
        w, g, g_prev, steps = random_rprop_state(np.random.default_rng(seed))
        agree = g * g_prev
        assert (agree > 0).any() and (agree < 0).any() and (agree == 0).any()
        assert not np.isclose(np.abs(g), 1.0).any() and (g != 0).all() and len(w) >= 4


def test_the_right_rprop_step_passes_on_100_seeds():
    assert all(check_rprop_step(rprop(), seed=s) for s in SEEDS)
    in_place = learner("def rprop_step(w, g, g_prev, steps):\n"
                       "    agree = g * g_prev\n"
                       "    steps[agree > 0] *= 1.2\n"
                       "    steps[agree < 0] *= 0.5\n"
                       "    w -= steps * np.sign(g)\n"
                       "    return w, steps\n", "rprop_step")
    assert all(check_rprop_step(in_place, seed=s) for s in range(20))


@pytest.mark.parametrize("name", sorted(RPROP_MISTAKES))
def test_each_rprop_mistake_gets_its_own_hint_on_100_seeds(name):
    wrong = learner(OLD_STEPS, "rprop_step") if name == "old_steps" else rprop(*PLANTED_RPROP[name])
    for seed in SEEDS:
        result = check_rprop_step(wrong, seed=seed)
        assert not result and result.hint == RPROP_MISTAKES[name][1], (seed, repr(result))


def test_other_rprop_factors_are_honoured():
    assert not check_rprop_step(rprop(), grow=1.5, seed=0)
    factors = rprop("np.where(agree > 0, steps * 1.5, np.where(agree < 0, steps * 0.25, steps))")
    assert check_rprop_step(factors, grow=1.5, shrink=0.25, seed=0)


def test_a_hard_coded_rprop_step_fails():
    result = check_rprop_step(learner("def rprop_step(w, g, g_prev, steps):\n"
                                      "    return np.zeros(5), np.ones(5)\n", "rprop_step"))
    assert not result and result.hint == RPROP_HINT


@pytest.mark.parametrize("body, words", [
    ("...", "write the body"),
    ("return w[10], steps", "IndexError on line 2"),
    ("w - steps", "returned nothing"),
    ("return w - steps * np.sign(g)", "two arrays"),
    ("return w, steps[:2]", "the new steps has shape"),
    ("return 'w', 'steps'", "arrays of numbers"),
    ("return w, steps", "the new steps is off at weight"),
])
def test_rprop_answers_that_are_not_steps_get_not_yet(body, words):
    code = f"def rprop_step(w, g, g_prev, steps):\n    {body}\n"
    result = check_rprop_step(learner(code, "rprop_step"))
    assert not result and words in repr(result), repr(result)


@pytest.mark.parametrize("bad", [dict(grow=1.0), dict(grow=0.8), dict(shrink=1.0), dict(shrink=0.0),
                                 dict(shrink=-0.5), dict(runs=0)])
def test_rprop_check_refuses_bad_factors(bad):
    with pytest.raises(ValueError, match="^" + next(iter(bad))):
        check_rprop_step(rprop(), **bad)


# ---- number checks: every entry of every table of mistakes ---------------------------------

def tables(module, check, right):
    """[(expected, tol, {wrong value: hint})] of every check_close call the check makes."""
    seen, real_check_close = [], module.check_close

    def spy(answer, expected, what, hint, tol=1e-6, mistakes=None):
        seen.append((expected, tol, dict(mistakes or {})))
        return real_check_close(answer, expected, what, hint, tol=tol, mistakes=mistakes)

    module.check_close = spy
    try:
        assert check(right)
    finally:
        module.check_close = real_check_close
    return seen


@pytest.mark.parametrize("check, right", [
    (check_one_step, 1.4), (check_largest_rate, 1 / 3), (check_descent_loop, 6 * 0.8 ** 10 - 1)])
def test_each_table_entry_of_a_descent_number_check_gets_its_hint(check, right):
    (expected, tol, mistakes), = tables(checks_descent, check, right)
    assert len(mistakes) >= 3
    for wrong, hint in mistakes.items():
        result = check(wrong)
        assert not result and result.hint == hint, (wrong, repr(result))
        # not within ten times the tolerance of the right answer, so a looser check still tells them apart
        assert abs(wrong - expected) > 10 * tol * max(1.0, abs(expected)), (wrong, expected, tol)


def test_each_table_entry_of_check_passes_gets_its_hint():
    seen = tables(checks_modes, lambda p: check_passes(p), (1000, 3))
    assert [len(m) for _, _, m in seen] == [1, 2]
    (_, _, forward_mistakes), (_, _, reverse_mistakes) = seen
    for wrong, hint in forward_mistakes.items():
        result = check_passes((wrong, 1000))
        assert not result and (result.hint == hint or "swapped" in result.message)
        result = check_passes((wrong, 7))
        assert not result and result.hint == hint
    for wrong, hint in reverse_mistakes.items():
        result = check_passes((1000, wrong))
        assert not result and result.hint == hint, (wrong, repr(result))
    swapped = check_passes((3, 1000))
    assert not swapped and "swapped" in swapped.message


@pytest.mark.parametrize("answer, words", [
    ((0, 1, 1, 1, 4), "tangents from b"),          # seeded at b instead of a (at a=2, b=1: e's tangent is 2+3)
    ((0, 1, 1, 1, 5), "tangents from b"),
    ((1, 0, 1, 0, 5), "e's tangent"),
])
def test_forward_tangent_mistakes_are_named(answer, words):
    result = check_forward_tangents(answer, a=2.0, b=1.0)
    assert not result
    if answer == (0, 1, 1, 1, 4):
        return                                      # not a planted mistake: only "not yet"
    assert words in result.message


@pytest.mark.parametrize("answer, words", [
    ((4, 2, 4, 4), "misses one of b's two uses"),   # de/db = de/dc only
    ((4, 2, 4, 2), "misses one of b's two uses"),   # de/db = de/dd only
    ((2, 4, 2, 6), "swapped"),
])
def test_reverse_adjoint_mistakes_are_named(answer, words):
    result = check_reverse_adjoints(answer, a=-1.0, b=3.0)
    assert not result and words in result.message, repr(result)


def test_number_checks_say_not_yet_for_placeholders_and_pass_worked_values():
    assert not check_forward_tangents((..., ..., ..., ..., ...))
    assert check_forward_tangents((1, 0, 1, 0, 2))
    assert check_reverse_adjoints((4, 2, 4, 6))
    assert not check_passes((..., ...)) and not check_passes("many")
    assert check_passes((1000, 3))


# ---- the helpers behind the new sections of 03, 04 and 08 ------------------------------------

def test_forward_on_the_fly_matches_forward_mode_on_the_graph():
    from helpers.examples import many_inputs_function
    from helpers.timing import _inputs, forward_on_the_fly
    from helpers.walks import forward_mode
    xs, out = many_inputs_function(40, seed=3)
    floats, coefficients = _inputs(40, 3)
    value, tangent = forward_on_the_fly(floats, coefficients, 17)
    assert value == pytest.approx(out.data, rel=1e-12)
    assert tangent == pytest.approx(forward_mode(out, xs[17])[out], rel=1e-9, abs=1e-300)


def test_the_stored_graph_grows_with_n_and_forward_on_the_fly_does_not():
    from helpers.timing import graph_memory, loglog_slope
    rows = graph_memory([100, 1000, 4000])
    assert [r["nodes"] for r in rows] == [4 * n - 1 for n in (100, 1000, 4000)]
    assert [r["edges"] for r in rows] == [4 * n - 2 for n in (100, 1000, 4000)]
    assert 0.9 < loglog_slope([100, 1000, 4000], [r["graph_bytes"] for r in rows]) < 1.1
    assert all(100 < r["bytes_per_node"] < 400 for r in rows)
    assert max(r["forward_peak_bytes"] for r in rows) < 5_000 < rows[0]["graph_bytes"]
    with pytest.raises((TypeError, ValueError)):
        graph_memory([])


def test_stationary_points_of_the_convex_and_non_convex_costs():
    from helpers.descent import CONVEX, NON_CONVEX, stationary_points
    (w, c, kind), = stationary_points(CONVEX)
    assert (w, c, kind) == (pytest.approx(-1.0), pytest.approx(0.0, abs=1e-12), "minimum")
    points = stationary_points(NON_CONVEX)
    assert [k for *_, k in points] == ["lowest minimum", "maximum", "local minimum"]
    for w, _, _ in points:
        assert NON_CONVEX.deriv()(w) == pytest.approx(0.0, abs=1e-9)
    assert points[0][1] < points[2][1] < points[1][1]


def test_batch_descent_is_exact_and_stochastic_descent_is_noisy():
    from helpers.descent import gradient_descent, load_petals, minibatch_descent
    petals = load_petals()
    assert petals.n == 150 and abs(petals.x.mean()) < 1e-12
    assert np.allclose(petals.grad(petals.minimum), 0.0, atol=1e-12)
    batch = minibatch_descent(petals, start=(-1.0, -1.0), eta=0.2, steps=40)
    plain = gradient_descent(lambda p: float(petals.cost(p[0], p[1])), petals.grad, (-1.0, -1.0),
                             eta=0.2, steps=40)
    assert np.allclose(batch.points, plain.points)
    sgd = minibatch_descent(petals, start=(-1.0, -1.0), eta=0.2, batch_size=1, steps=300, seed=1)
    assert list(sgd.examples[:3]) == [0, 1, 2] and batch.examples[1] == 150
    late = sgd.costs[100:]
    assert late.min() < 0.1 and late.max() > 2 * batch.costs[-1]          # close, but it jitters
    assert np.any(np.diff(late) > 0)                                      # not monotone
    with pytest.raises((TypeError, ValueError)):
        minibatch_descent(petals, batch_size=0)
    with pytest.raises(TypeError):
        minibatch_descent("petals")


def test_the_new_figures_draw(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from helpers.descent import ROSENBROCK, gradient_descent, load_petals, minibatch_descent
    from helpers.optimizers import COMPARISON_START, newton_method
    from helpers.plots.descent import plot_batch_paths, plot_convexity, plot_regimes, plot_valley
    from helpers.plots.walks import plot_memory
    from helpers.timing import graph_memory
    left, right = plot_convexity()
    assert len(left.lines) >= 3 and len(right.lines) >= 5           # curve, chord, marked points
    petals = load_petals()
    runs = [minibatch_descent(petals, batch_size=k, steps=20) for k in (None, 1)]
    left, right = plot_batch_paths(petals, runs)
    assert {line.get_label() for line in left.lines} >= {"batch (150 per step)", "start", "minimum"}
    nm = newton_method(ROSENBROCK.f, ROSENBROCK.grad, ROSENBROCK.hess, COMPARISON_START, steps=20)
    gd = gradient_descent(ROSENBROCK.f, ROSENBROCK.grad, COMPARISON_START, eta=1e-3, steps=50)
    ax = plot_valley({"Newton": nm, "gradient descent": gd}, window=((-1.6, 1.6), (-3.4, 2.0)))
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert f"Newton: {nm.steps} steps" in texts and "gradient descent: 50 steps" in texts
    ax = plot_memory(graph_memory([10, 100]))
    assert len(ax.lines) == 2
    with pytest.raises(TypeError):
        plot_memory([{"n": 10}])
    plt.close("all")


def test_the_regimes_widen_the_axes_for_a_diverging_rate():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from helpers.plots.descent import PARABOLA_WINDOW, plot_regimes
    drawings = plot_regimes([0.2, 1.05], w0=5.0, steps=12)
    assert drawings[0].ax.get_xlim() == PARABOLA_WINDOW
    lo, hi = drawings[1].ax.get_xlim()
    assert hi - lo > 2 * (PARABOLA_WINDOW[1] - PARABOLA_WINDOW[0])
    assert drawings[1].shown == 13                       # all twelve steps and the start are drawn
    plt.close("all")
