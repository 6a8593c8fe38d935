"""The exercise checks of notebooks 05-07: worked answers pass, every planted mistake gets its own hint.

The coding checks (backprop, the cross-entropy delta, a stable softmax and
log-softmax) draw fresh random inputs per call; here every mistake is planted
on 100 seeds and must be named every time. The worked answers are read from
the notebooks' `solution` cells (their one fenced python block), so the
answer tested is the answer shown.
"""
import json
import pathlib
import re

import numpy as np
import pytest

from helpers.activations import sigmoid, sigmoid_prime
from helpers.checks.network import (BACKPROP_MISTAKES, check_backprop, check_forward_passes,
                                    check_hidden_delta, check_output_delta, random_network_problem)
from helpers.checks.slowdown import (DELTA_MISTAKES, check_cross_entropy_delta,
                                     check_cross_entropy_gradient, check_epochs_to_half,
                                     check_quadratic_gradient)
from helpers.checks.training import (LOG_SOFTMAX_MISTAKES, SOFTMAX_MISTAKES, check_log_softmax,
                                     check_output_error, check_softmax_probability,
                                     check_stable_softmax)

NOTEBOOKS = pathlib.Path(__file__).resolve().parents[1] / "notebooks"
SEEDS = range(100)
FENCE = re.compile(r"```python\n(.*?)```", re.DOTALL)


def worked_answer(notebook, name):
    """The namespace after running the fenced block (in a `solution` cell) that defines `name`."""
    cells = json.loads((NOTEBOOKS / notebook).read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if "solution" not in cell.get("metadata", {}).get("tags", []):
            continue
        blocks = FENCE.findall("".join(cell["source"]))
        assert len(blocks) == 1, "a worked answer holds exactly one fenced python block"
        if re.search(rf"^(def {name}\b|{name}\s*=)", blocks[0], re.MULTILINE):
            namespace = {"np": np, "sigmoid": sigmoid, "sigmoid_prime": sigmoid_prime}
            exec(blocks[0], namespace)          # noqa: S102 - our own notebook's worked answer
            return namespace
    raise AssertionError(f"no worked answer defines {name} in {notebook}")


def verdict(result):
    return repr(result)


# ---- 05: backprop for a mini-batch --------------------------------------------------------

def _backprop(weights, biases, X, Y, slip=None):
    """A learner's backprop written the way learners write it, with one slip planted."""
    m = X.shape[1]
    activations, zs = [X], []
    for w, b in zip(weights, biases):
        zs.append(w @ activations[-1] + b)
        activations.append(sigmoid(zs[-1]))
    if slip == "sign flipped":
        delta = (Y - activations[-1]) * sigmoid_prime(zs[-1])
    elif slip == "output sigma' dropped":
        delta = activations[-1] - Y
    elif slip == "sigma instead of sigma'":
        delta = (activations[-1] - Y) * sigmoid(zs[-1])
    elif slip == "sigma' of a":
        delta = (activations[-1] - Y) * sigmoid_prime(activations[-1])
    else:
        delta = (activations[-1] - Y) * sigmoid_prime(zs[-1])
    nabla_b, nabla_w = [None] * len(weights), [None] * len(weights)
    for l in range(len(weights) - 1, -1, -1):
        divide = 1 if slip == "sum instead of mean" else m
        nabla_b[l] = delta.sum(axis=1, keepdims=True) / divide
        nabla_w[l] = delta @ activations[l].T / divide
        if slip == "bias not averaged":
            nabla_b[l] = delta
        if slip == "keepdims":
            nabla_b[l] = delta.sum(axis=1) / m
        if slip == "BP4 transposed":
            nabla_w[l] = activations[l] @ delta.T / m
        if l > 0:
            back = weights[l] if slip == "missing transpose" else weights[l].T
            if slip == "hidden sigma' dropped":
                delta = back @ delta
            elif slip == "sigma instead of sigma'":
                delta = (back @ delta) * sigmoid(zs[l - 1])
            elif slip == "sigma' of a":
                delta = (back @ delta) * sigmoid_prime(activations[l])
            else:
                delta = (back @ delta) * sigmoid_prime(zs[l - 1])
    if slip == "order":
        return nabla_w, nabla_b
    return nabla_b, nabla_w


def test_backprop_worked_answer_passes_on_100_networks():
    backprop = worked_answer("05-four-equations.ipynb", "backprop")["backprop"]
    for seed in SEEDS:
        result = check_backprop(backprop, seed=seed)
        assert result, (seed, verdict(result))
        assert "agrees with centred differences" in verdict(result)


def test_random_networks_are_non_square_with_a_distinct_batch():
    for seed in SEEDS:
        sizes, weights, biases, X, Y = random_network_problem(np.random.default_rng(seed))
        assert len(sizes) >= 3 and all(n >= 2 for n in sizes)
        assert all(a != b for a, b in zip(sizes, sizes[1:]))
        assert X.shape[1] not in sizes and X.shape[1] >= 2
        assert (Y.sum(axis=0) == 1).all()                 # one-hot columns


@pytest.mark.parametrize("slip", sorted(BACKPROP_MISTAKES))
def test_each_backprop_mistake_gets_its_own_hint_on_100_seeds(slip):
    for seed in SEEDS:
        result = check_backprop(lambda w, b, X, Y: _backprop(w, b, X, Y, slip), seed=seed)
        assert not result
        assert result.hint == BACKPROP_MISTAKES[slip], (seed, verdict(result))


@pytest.mark.parametrize("slip, words", [
    ("missing transpose", "BP2 needs the transpose"),
    ("bias not averaged", "BP3 gives one column per example"),
    ("keepdims", "keepdims=True"),
    ("BP4 transposed", "BP4 is delta^l (a^(l-1))^T"),
    ("order", "return nabla_b first"),
])
def test_shape_mistakes_are_named_on_100_seeds(slip, words):
    for seed in SEEDS:
        result = check_backprop(lambda w, b, X, Y: _backprop(w, b, X, Y, slip), seed=seed)
        assert not result and words in result.hint, (seed, verdict(result))


def test_backprop_names_the_equation_layer_by_layer():
    def bp4_only_wrong(weights, biases, X, Y):
        nabla_b, nabla_w = _backprop(weights, biases, X, Y)
        nabla_w[-1] = nabla_w[-1] * 2
        return nabla_b, nabla_w

    def bp2_wrong(weights, biases, X, Y):
        nabla_b, nabla_w = _backprop(weights, biases, X, Y)
        nabla_b[0], nabla_w[0] = -nabla_b[0], -nabla_w[0]
        return nabla_b, nabla_w

    def bp3_only_wrong(weights, biases, X, Y):
        nabla_b, nabla_w = _backprop(weights, biases, X, Y)
        nabla_b[0] = nabla_b[0] + 1
        return nabla_b, nabla_w

    for seed in range(20):
        assert "BP4 looks off" in verdict(check_backprop(bp4_only_wrong, seed=seed))
        assert "BP2 looks off" in verdict(check_backprop(bp2_wrong, seed=seed))
        assert "BP3 looks off" in verdict(check_backprop(bp3_only_wrong, seed=seed))


def test_backprop_unanswered_stub_raising_and_hard_coded():
    def stub(weights, biases, X, Y):
        ...  # your code

    for answer in (..., None, stub):
        result = check_backprop(answer)
        assert not result and "backprop" in verdict(result) and result.hint
    raising = check_backprop(lambda w, b, X, Y: 1 / 0)
    assert not raising and "raised ZeroDivisionError" in verdict(raising)
    assert "Traceback" not in verdict(raising) and "helpers/" not in verdict(raising)
    assert not check_backprop(42) and not check_backprop("backprop")
    # a hard-coded answer: the gradients of one network, returned for any network
    sizes, weights, biases, X, Y = random_network_problem(np.random.default_rng(0))
    fixed = _backprop(weights, biases, X, Y)
    assert check_backprop(lambda *args: fixed, seed=0)
    assert sum(bool(check_backprop(lambda *args: fixed, seed=s)) for s in range(1, 30)) == 0


def test_backprop_does_not_trust_learner_mutation():
    def mutating(weights, biases, X, Y):
        result = _backprop(weights, biases, X, Y)
        weights[0][:] = 0.0
        X[:] = 0.0
        return result
    assert check_backprop(mutating, seed=3)


# ---- 05: the number exercises' tables of mistakes ------------------------------------------

def test_output_delta_mistakes():
    a, sp = float(sigmoid(1.0)), float(sigmoid_prime(1.0))
    worked = worked_answer("05-four-equations.ipynb", "delta")["delta"]
    assert check_output_delta(worked)
    assert not check_output_delta(...)
    for wrong, words in [(a, "BP1 multiplies it by sigma'(z) as well"), (sp, "sigma'(z) alone"),
                         (-a * sp, "the sign"), (a * a, "not by a")]:
        result = check_output_delta(wrong)
        assert not result and words in result.hint
    assert check_output_delta(0.1437) and not check_output_delta(0.15)      # the example shown


def test_hidden_delta_mistakes():
    worked = worked_answer("05-four-equations.ipynb", "delta_hidden_neuron")["delta_hidden_neuron"]
    assert check_hidden_delta(worked) and not check_hidden_delta(...)
    for wrong, words in [(-0.1, "before the factor"), (0.05, "first path"), (-0.075, "second path"),
                         (-0.05, "not by sigma(z)")]:
        result = check_hidden_delta(wrong)
        assert not result and words in result.hint


def test_forward_passes_mistakes():
    worked = worked_answer("05-four-equations.ipynb", "n_evaluations")["n_evaluations"]
    assert check_forward_passes(worked) and not check_forward_passes(...)
    n, weights = 23_860, 23_820
    for wrong, words in [(n, "two evaluations per parameter"), (2 * weights, "biases are parameters"),
                         (n + 1, "one-sided difference")]:
        result = check_forward_passes(wrong)
        assert not result and words in result.hint


# ---- 06: the cross-entropy delta ------------------------------------------------------------

DELTA_SLIPS = {
    "the quadratic delta": lambda z, a, y: (a - y) * sigmoid_prime(z),
    "sign flipped": lambda z, a, y: y - a,
    "dC/da alone": lambda z, a, y: (a - y) / (a * (1 - a)),
    "z instead of a": lambda z, a, y: z - y,
    "sigma' kept in the code": lambda z, a, y: (-y / a + (1 - y) / (1 - a)) * a * (1 - a),
}


def test_cross_entropy_delta_worked_answer_passes():
    fn = worked_answer("06-learning-slowdown.ipynb", "cross_entropy_delta")["cross_entropy_delta"]
    for seed in SEEDS:
        assert check_cross_entropy_delta(fn, seed=seed)


@pytest.mark.parametrize("slip", sorted(DELTA_MISTAKES))
def test_each_delta_mistake_gets_its_own_hint_on_100_seeds(slip):
    with np.errstate(all="ignore"):
        for seed in SEEDS:
            result = check_cross_entropy_delta(DELTA_SLIPS[slip], seed=seed)
            assert not result and result.hint == DELTA_MISTAKES[slip], (seed, verdict(result))


def test_cross_entropy_delta_shapes_stubs_and_errors():
    def stub(z, a, y):
        ...
    for answer in (..., None, stub):
        assert not check_cross_entropy_delta(answer)
    mean = check_cross_entropy_delta(lambda z, a, y: (a - y).mean(axis=1), seed=0)
    assert not mean and "no sum or mean" in mean.hint
    assert "raised ZeroDivisionError" in verdict(check_cross_entropy_delta(lambda z, a, y: 1 / 0))
    fixed = check_cross_entropy_delta(lambda z, a, y: np.zeros((3, 4)), seed=1)
    assert not fixed


def test_slowdown_number_mistakes():
    z = 4.0
    a, sp = float(sigmoid(z)), float(sigmoid_prime(z))
    ns = worked_answer("06-learning-slowdown.ipynb", "dC_dw_quadratic")
    assert check_quadratic_gradient(2.0, 2.0, ns["dC_dw_quadratic"])
    assert "keeps the factor" in check_quadratic_gradient(2.0, 2.0, a).hint
    assert "sigma'(z) alone" in check_quadratic_gradient(2.0, 2.0, sp).hint
    ns = worked_answer("06-learning-slowdown.ipynb", "dC_dw_cross_entropy")
    assert check_cross_entropy_gradient(2.0, 2.0, ns["dC_dw_cross_entropy"])
    assert "cancels" in check_cross_entropy_gradient(2.0, 2.0, a * sp).hint
    assert check_epochs_to_half(498) and "count from epoch 0" in check_epochs_to_half(499).hint
    assert "count from epoch 0" in check_epochs_to_half(497).hint


# ---- 07: stable softmax and log-softmax -----------------------------------------------------

def _softmax_rows(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


SOFTMAX_SLIPS = {
    "no shift": lambda z: np.exp(z) / np.sum(np.exp(z), axis=0),
    "one max for the whole array": lambda z: np.exp(z - np.max(z)) / np.exp(z - np.max(z)).sum(axis=0),
    "the min instead of the max": lambda z: (np.exp(z - z.min(axis=0))
                                             / np.exp(z - z.min(axis=0)).sum(axis=0)),
    "rows instead of columns": _softmax_rows,
    "not normalised": lambda z: np.exp(z - z.max(axis=0)),
}
LOG_SOFTMAX_SLIPS = {
    "log of the softmax": lambda z: np.log(np.exp(z - z.max(axis=0))
                                           / np.exp(z - z.max(axis=0)).sum(axis=0)),
    "no shift": lambda z: z - np.log(np.exp(z).sum(axis=0)),
    "the log-sum left out": lambda z: z - z.max(axis=0),
    "the max not added back": lambda z: z - np.log(np.exp(z - z.max(axis=0)).sum(axis=0)),
    "rows instead of columns": lambda z: (z - z.max(axis=1, keepdims=True)
                                          - np.log(np.exp(z - z.max(axis=1, keepdims=True))
                                                   .sum(axis=1, keepdims=True))),
}


def test_softmax_worked_answers_pass():
    ns = worked_answer("07-softmax-and-training.ipynb", "stable_softmax")
    ns_log = worked_answer("07-softmax-and-training.ipynb", "log_softmax")
    for seed in SEEDS:
        assert check_stable_softmax(ns["stable_softmax"], seed=seed)
        assert check_log_softmax(ns_log["log_softmax"], seed=seed)


@pytest.mark.parametrize("slip", sorted(SOFTMAX_MISTAKES))
def test_each_softmax_mistake_gets_its_own_hint_on_100_seeds(slip):
    with np.errstate(all="ignore"):
        for seed in SEEDS:
            result = check_stable_softmax(SOFTMAX_SLIPS[slip], seed=seed)
            assert not result and result.hint == SOFTMAX_MISTAKES[slip], (seed, verdict(result))


@pytest.mark.parametrize("slip", sorted(LOG_SOFTMAX_MISTAKES))
def test_each_log_softmax_mistake_gets_its_own_hint_on_100_seeds(slip):
    with np.errstate(all="ignore"):
        for seed in SEEDS:
            result = check_log_softmax(LOG_SOFTMAX_SLIPS[slip], seed=seed)
            assert not result and result.hint == LOG_SOFTMAX_MISTAKES[slip], (seed, verdict(result))


def test_softmax_inputs_reach_plus_minus_1000_and_hard_coding_fails():
    for check in (check_stable_softmax, check_log_softmax):
        for answer in (..., None, 3, lambda z: 1 / 0, lambda z: None):
            assert not check(answer)
        transposed = check(lambda z: np.zeros(z.shape[::-1]), seed=0)
        assert not transposed and "transposed" in transposed.hint
        assert not check(lambda z: np.full((4, 5), 0.2))
    fn = worked_answer("07-softmax-and-training.ipynb", "stable_softmax")["stable_softmax"]
    for seed in range(20):
        low, high = map(int, re.search(r"from (-\d+) to (\d+)", verdict(check_stable_softmax(fn, seed=seed))).groups())
        assert low <= -990 and high >= 990


# ---- 07: the number exercises' tables of mistakes -------------------------------------------

def test_softmax_number_mistakes():
    z = np.array([1.0, 3.0, 0.0])
    a = np.exp(z) / np.exp(z).sum()
    ns = worked_answer("07-softmax-and-training.ipynb", "a_1")
    assert check_softmax_probability([1.0, 3.0, 0.0], 1, ns["a_1"])
    assert "divide by the sum" in check_softmax_probability(z, 1, float(np.exp(3.0))).hint
    assert "exponentials" in check_softmax_probability(z, 1, 3.0 / 4.0).hint
    ns = worked_answer("07-softmax-and-training.ipynb", "output_error")
    assert check_output_error(z, 2, ns["output_error"])
    assert "a - y (output minus target)" in check_output_error(z, 2, [0, 0, 1] - a).hint
    assert "subtract the one-hot" in check_output_error(z, 2, a).hint


# ---- 07: the softmax panel and the slope plot ---------------------------------------------

def test_softmax_panel_moves_every_probability_and_keeps_the_sum():
    from helpers.widgets.softmax import SoftmaxPanel
    panel = SoftmaxPanel(z=(2.0, 1.0, 0.1), temperature=1.0)
    before = [bar.get_height() for bar in panel.prob_bars]
    panel.controls["z2"].value = 2.0                  # move one score
    after = [bar.get_height() for bar in panel.prob_bars]
    assert all(abs(a - b) > 1e-3 for a, b in zip(before, after))
    assert abs(sum(after) - 1.0) < 1e-12 and "add up to 1.000000" in panel.readout.value
    panel.controls["z2"].value = 0.1
    panel.controls["temperature"].value = 0.2
    assert max(bar.get_height() for bar in panel.prob_bars) > 0.99      # the largest score takes nearly all
    for bad, error in [({"z": (1.0,)}, ValueError), ({"z": (9.0, 1.0)}, ValueError),
                       ({"temperature": 0.0}, ValueError), ({"z": "abc"}, TypeError)]:
        with pytest.raises(error):
            SoftmaxPanel(**bad)


def test_plot_output_slopes_draws_both_costs_and_checks_its_records():
    import matplotlib
    matplotlib.use("agg")
    from helpers.plots.slopes import plot_output_slopes
    rows = np.tile([0.2, 0.19, 0.6, 0.6], (11, 1))
    left, right = plot_output_slopes({"quadratic": rows, "cross-entropy": rows}, steps_per_epoch=5)
    assert len(left.lines) == 5 and len(right.lines) == 4          # 2 per cost, and the 1/4 line
    assert left.get_xlim() == (0.0, 2.0)
    for bad, error in [([], TypeError), ({}, ValueError), ({"nope": rows}, ValueError),
                       ({"quadratic": rows[:, :3]}, ValueError)]:
        with pytest.raises(error):
            plot_output_slopes(bad, 5)
