"""Gradient checking: the finite differences, the relative error, the verdicts, the planted bugs."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.costs import COSTS
from helpers.gradcheck import (BUGS, GradCheck, gradient_check, numerical_gradient, planted_bug,
                               relative_error, verdict)
from helpers.network import Network, one_hot

pytestmark = pytest.mark.filterwarnings("error")


def data(n_in=2, n_out=2, m=4, seed=0):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n_in, m)), one_hot(rng.integers(0, n_out, m), n_out)


def test_relative_error_by_hand():
    assert relative_error(1.0, 1.1) == pytest.approx(0.1 / 1.1)
    assert relative_error(-2.0, 2.0) == pytest.approx(2.0)
    assert relative_error(0.0, 0.0) == 0.0
    assert relative_error(1e-3, 0.0) == pytest.approx(1.0)
    assert np.allclose(relative_error([1.0, 3.0], [1.0, 6.0]), [0.0, 0.5])


@pytest.mark.parametrize("error, expected", [(0.0, "correct"), (1e-7, "correct"), (2e-7, "suspect"),
                                             (1e-2, "suspect"), (0.02, "wrong"),
                                             (float("nan"), "wrong")])
def test_verdict_thresholds(error, expected):
    assert verdict(error) == expected


@pytest.mark.parametrize("cost", list(COSTS.values()), ids=lambda c: c.name)
def test_correct_backprop_passes(cost):
    net = Network([2, 3, 2], cost=cost, seed=0)
    X, Y = data()
    check = gradient_check(net, X, Y)
    assert isinstance(check, GradCheck) and check.ok and bool(check)
    assert check.max_error < 1e-7 and check.verdict == "correct"
    assert check.evaluations == 2 * net.n_params == 2 * 17
    assert set(check.errors) == {"biases[0]", "biases[1]", "weights[0]", "weights[1]"}
    assert "correct" in repr(check) and check.worst.startswith(("weights[", "biases["))


def test_numerical_gradient_restores_the_parameters_and_matches_backprop():
    net = Network([3, 4, 2], seed=3)
    before = net.copy()
    X, Y = data(3, 2, m=5)
    fd_b, fd_w = numerical_gradient(net, X, Y)
    assert all(np.array_equal(a, b) for a, b in zip(net.weights + net.biases,
                                                   before.weights + before.biases))
    nb, nw = net.backprop(X, Y)
    assert all(np.allclose(a, b, rtol=1e-6, atol=1e-10) for a, b in zip(fd_b + fd_w, nb + nw))


@settings(max_examples=25, deadline=None)
@given(sizes=st.lists(st.integers(1, 4), min_size=2, max_size=4), m=st.integers(2, 5),
       seed=st.integers(0, 10_000), kind=st.sampled_from(["missing sigma'", "sum instead of mean"]))
def test_planted_bugs_change_the_gradient_on_random_networks(sizes, m, seed, kind):
    """Any planted bug that changes the numbers is flagged as not correct."""
    net = Network(sizes, seed=seed)
    X, Y = data(sizes[0], sizes[-1], m, seed) if sizes[-1] > 1 else \
        (np.random.default_rng(seed).standard_normal((sizes[0], m)), np.ones((1, m)))
    buggy = planted_bug(net, kind)(X, Y)
    right = net.backprop(X, Y)
    differs = any(not np.allclose(a, b, rtol=1e-4, atol=1e-9)
                  for a, b in zip(buggy[0] + buggy[1], right[0] + right[1]))
    check = gradient_check(net, X, Y, backprop=planted_bug(net, kind))
    if differs:
        assert not check.ok


@pytest.mark.parametrize("kind", sorted(BUGS))
def test_every_planted_bug_is_caught(kind):
    net = Network([2, 3, 3, 2], seed=0)
    X, Y = data(m=4)
    clean = gradient_check(net, X, Y)
    buggy = gradient_check(net, X, Y, backprop=planted_bug(net, kind))
    assert clean.verdict == "correct"
    assert buggy.verdict == "wrong" and buggy.max_error > 0.1
    assert "wrong" in repr(buggy)


def test_sum_instead_of_mean_hides_on_a_single_example():
    """With m = 1 the sum is the mean: check with more than one example."""
    net = Network([2, 3, 2], seed=0)
    X, Y = data(m=1)
    assert gradient_check(net, X, Y, backprop=planted_bug(net, "sum instead of mean")).ok
    X, Y = data(m=3)
    assert not gradient_check(net, X, Y, backprop=planted_bug(net, "sum instead of mean")).ok


def test_missing_sigma_prime_is_caught_on_the_notebook_network():
    net = Network([2, 3, 2], seed=0)
    X, Y = data(m=3)
    check = gradient_check(net, X, Y, backprop=planted_bug(net, "missing sigma'"))
    assert check.verdict == "wrong"
    assert check.worst.startswith(("weights[0]", "biases[0]"))     # the layer BP2 feeds


def test_bad_arguments():
    net = Network([2, 3, 2])
    X, Y = data()
    with pytest.raises(TypeError, match="net must be"):
        gradient_check("net", X, Y)
    with pytest.raises(ValueError, match="h must be"):
        numerical_gradient(net, X, Y, h=0)
    with pytest.raises(ValueError, match="h must be"):
        numerical_gradient(net, X, Y, h=-1e-5)
    with pytest.raises(TypeError, match="backprop must be"):
        gradient_check(net, X, Y, backprop=3)
    with pytest.raises(ValueError, match="backprop returned nabla_w"):
        gradient_check(net, X, Y, backprop=lambda X, Y: (net.biases, [w.T for w in net.weights]))
    with pytest.raises(ValueError, match="X must have shape"):
        gradient_check(net, X.T, Y)
    with pytest.raises(ValueError, match="kind must be one of"):
        planted_bug(net, "typo")
    with pytest.raises(ValueError, match="square weight"):
        planted_bug(net, "untransposed weight")
    with pytest.raises(ValueError, match="only a bug with the quadratic cost"):
        planted_bug(Network([2, 2, 2], cost="cross-entropy"), "output sigma' dropped")
