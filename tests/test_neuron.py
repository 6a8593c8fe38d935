"""One sigmoid neuron: the reference figures of CURRICULUM section 6, gradients, bad input."""
import warnings

import numpy as np
import pytest

from helpers.costs import COSTS, CrossEntropyCost, LogLikelihoodCost, QuadraticCost
from helpers.neuron import NeuronHistory, example_cost, train_neuron


def finite_difference_gradients(w, b, x, y, cost, h=1e-5):
    """(dC/dw, dC/db) by centred differences of the neuron's cost, written independently."""
    def c(w, b):
        a = 1.0 / (1.0 + np.exp(-(w * x + b)))
        return 0.5 * (a - y) ** 2 if cost.name == "quadratic" else \
            -(y * np.log(a) + (1 - y) * np.log(1 - a))
    return (c(w + h, b) - c(w - h, b)) / (2 * h), (c(w, b + h) - c(w, b - h)) / (2 * h)


GOOD, BAD = (0.6, 0.9), (2.0, 2.0)


@pytest.fixture(autouse=True)
def warnings_are_errors():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def run(start, cost, eta=0.15, epochs=300):
    return train_neuron(x=1.0, y=0.0, w0=start[0], b0=start[1], eta=eta, epochs=epochs, cost=cost)


@pytest.mark.parametrize("start, cost, before, after", [
    (GOOD, QuadraticCost, 0.8176, 0.0940),
    (BAD, QuadraticCost, 0.9820, 0.2028),
    (GOOD, CrossEntropyCost, 0.8176, 0.0116),
    (BAD, CrossEntropyCost, 0.9820, 0.0120),
])
def test_reference_table(start, cost, before, after):
    h = run(start, cost)
    assert abs(h.output[0] - before) < 1e-3
    assert abs(h.output[300] - after) < 1e-3
    assert h.epochs == 300 and h.output.shape == (301,)


def test_quadratic_plateau_from_the_bad_start():
    h = run(BAD, QuadraticCost)
    for epoch, output in [(50, 0.976), (150, 0.933), (200, 0.789), (250, 0.357)]:
        assert abs(h.output[epoch] - output) < 1e-3, epoch


def test_first_gradients():
    quad = [run(s, QuadraticCost, epochs=0).dC_dw[0] for s in (GOOD, BAD)]
    ce = [run(s, CrossEntropyCost, epochs=0).dC_dw[0] for s in (GOOD, BAD)]
    assert abs(quad[0] - 0.1219) < 1e-3 and abs(quad[1] - 0.01735) < 1e-4
    assert abs(ce[0] - 0.8176) < 1e-3 and abs(ce[1] - 0.9820) < 1e-3
    # cross-entropy's first gradient is the output itself (y = 0, x = 1): sigma' cancelled
    assert ce[0] == pytest.approx(run(GOOD, CrossEntropyCost, epochs=0).output[0], abs=1e-15)


def test_small_learning_rate_caveat():
    h = train_neuron(w0=np.array([0.6, 2.0]), b0=np.array([0.9, 2.0]), eta=0.005,
                     epochs=300, cost="cross-entropy")
    assert np.allclose(h.output[300], [0.418, 0.780], atol=1e-3)


def test_several_starts_at_once_match_one_at_a_time():
    together = train_neuron(w0=[0.6, 2.0, -1.0], b0=[0.9, 2.0, 0.5], cost="quadratic")
    for i, (w0, b0) in enumerate([(0.6, 0.9), (2.0, 2.0), (-1.0, 0.5)]):
        alone = train_neuron(w0=w0, b0=b0, cost="quadratic")
        for field in ("w", "b", "z", "output", "cost", "dC_dw", "dC_db"):
            assert np.array_equal(getattr(together, field)[:, i], getattr(alone, field)), field


@pytest.mark.parametrize("cost", [QuadraticCost, CrossEntropyCost])
@pytest.mark.parametrize("x, y, w, b", [(1.0, 0.0, 0.6, 0.9), (1.0, 0.0, 2.0, 2.0),
                                        (-1.5, 1.0, 0.3, -0.7), (0.5, 0.25, -2.0, 1.0)])
def test_gradients_match_finite_differences(cost, x, y, w, b):
    h = train_neuron(x=x, y=y, w0=w, b0=b, eta=0.1, epochs=0, cost=cost)
    dw, db = finite_difference_gradients(w, b, x, y, cost, h=1e-5)
    assert abs(h.dC_dw[0] - dw) <= 1e-7 * max(1.0, abs(dw))
    assert abs(h.dC_db[0] - db) <= 1e-7 * max(1.0, abs(db))


def test_gradients_along_a_whole_run_match_finite_differences():
    h = run(BAD, QuadraticCost, epochs=40)
    for t in (0, 17, 40):
        dw, db = finite_difference_gradients(h.w[t], h.b[t], 1.0, 0.0, QuadraticCost)
        assert abs(h.dC_dw[t] - dw) < 1e-9 and abs(h.dC_db[t] - db) < 1e-9


def test_sigma_prime_cancels_in_the_cost_objects():
    """The neuron uses cost.delta: quadratic keeps sigma'(z), cross-entropy is a - y."""
    h_q, h_ce = run(BAD, QuadraticCost, epochs=0), run(BAD, CrossEntropyCost, epochs=0)
    a = h_q.output[0]
    assert h_q.dC_db[0] == pytest.approx((a - 0.0) * a * (1 - a), rel=1e-12)
    assert h_ce.dC_db[0] == pytest.approx(a - 0.0, rel=1e-12)


@pytest.mark.parametrize("cost", [QuadraticCost, CrossEntropyCost])
def test_example_cost_matches_cost_fn(cost):
    rng = np.random.default_rng(0)
    for a, y in zip(rng.uniform(1e-6, 1 - 1e-6, 50), rng.uniform(0, 1, 50)):
        assert example_cost(cost, a, y) == pytest.approx(cost.fn(np.array([[a]]), np.array([[y]])),
                                                         rel=1e-12)


def test_cross_entropy_is_non_negative_and_small_when_right():
    a = np.linspace(1e-9, 1 - 1e-9, 1001)
    for y in (0.0, 1.0):
        c = example_cost(CrossEntropyCost, a, y)
        assert (c >= 0).all()
    assert example_cost(CrossEntropyCost, 1e-4, 0.0) < 2e-4
    assert example_cost(CrossEntropyCost, 1 - 1e-4, 1.0) < 2e-4
    assert example_cost(CrossEntropyCost, 0.0, 0.0) == 0.0     # no log(0): the guard holds


def test_history_shapes_slicing_and_extension_agree_with_a_fresh_run():
    h = run(BAD, QuadraticCost, epochs=120)
    assert isinstance(h, NeuronHistory) and h.epoch.tolist() == list(range(121))
    longer = h.extended(300)
    fresh = run(BAD, QuadraticCost, epochs=300)
    for field in ("w", "b", "z", "output", "cost", "dC_dw", "dC_db"):
        assert np.array_equal(getattr(longer, field), getattr(fresh, field)), field
        assert np.array_equal(getattr(fresh.upto(120), field), getattr(h, field)), field
    assert "quadratic" in repr(h) and "120 epochs" in repr(h)


def test_extreme_settings_stay_finite_and_silent():
    """Saturated starts, huge and tiny learning rates: no overflow, no log(0), no NaN."""
    for w0, b0 in [(40.0, 40.0), (-40.0, -40.0), (4.0, 4.0)]:
        for eta in (1e-6, 0.15, 50.0):
            for cost in ("quadratic", "cross-entropy"):
                h = train_neuron(w0=w0, b0=b0, eta=eta, epochs=200, cost=cost)
                for field in ("w", "b", "z", "output", "cost", "dC_dw", "dC_db"):
                    assert np.isfinite(getattr(h, field)).all(), (w0, b0, eta, cost, field)


def test_names_are_accepted_for_costs():
    assert train_neuron(cost="cross-entropy").cost_function is CrossEntropyCost
    assert train_neuron(cost=COSTS["quadratic"]).cost_function is QuadraticCost


@pytest.mark.parametrize("kwargs, error, argument", [
    ({"eta": -1.0}, ValueError, "eta"),
    ({"eta": 0.0}, ValueError, "eta"),
    ({"eta": float("nan")}, ValueError, "eta"),
    ({"eta": "fast"}, TypeError, "eta"),
    ({"epochs": -3}, ValueError, "epochs"),
    ({"epochs": 2.5}, TypeError, "epochs"),
    ({"epochs": True}, TypeError, "epochs"),
    ({"w0": float("nan")}, ValueError, "w0"),
    ({"b0": [1.0, float("inf")]}, ValueError, "b0"),
    ({"w0": "big"}, TypeError, "w0"),
    ({"w0": [1.0, 2.0], "b0": [1.0, 2.0, 3.0]}, ValueError, "w0 and b0"),
    ({"x": float("inf")}, ValueError, "x"),
    ({"x": 1e9}, ValueError, "x"),
    ({"y": 1.5}, ValueError, "y"),
    ({"y": None}, TypeError, "y"),
    ({"cost": "hinge"}, ValueError, "cost"),
    ({"cost": LogLikelihoodCost}, ValueError, "cost"),
    ({"cost": object()}, TypeError, "cost"),
    ({"eta": 1e9, "epochs": 10_000}, ValueError, "eta"),
])
def test_bad_input_names_the_argument(kwargs, error, argument):
    with pytest.raises(error, match=argument):
        train_neuron(**kwargs)


def test_bad_input_elsewhere():
    with pytest.raises(ValueError, match="epochs must be"):
        run(GOOD, QuadraticCost, epochs=10).upto(20)
    with pytest.raises(ValueError, match="cost must go with a sigmoid output"):
        example_cost(LogLikelihoodCost, 0.5, 1.0)
    with pytest.raises(TypeError, match="a must be"):
        example_cost(QuadraticCost, "a", 1.0)


def test_exercise_checks_accept_answers_and_coach_mistakes():
    from helpers.checks.slowdown import (check_cross_entropy_gradient, check_epochs_to_half,
                                         check_quadratic_gradient)
    assert check_quadratic_gradient(2.0, 2.0, 0.017345)
    assert not check_quadratic_gradient(2.0, 2.0, ...)
    assert "keeps the factor" in repr(check_quadratic_gradient(2.0, 2.0, 0.98201))
    assert check_cross_entropy_gradient(2.0, 2.0, 0.98201)
    assert "cancels" in repr(check_cross_entropy_gradient(2.0, 2.0, 0.017345))
    assert check_epochs_to_half(498)
    assert not check_epochs_to_half(...) and not check_epochs_to_half(2.5)
    assert "count from epoch 0" in repr(check_epochs_to_half(499))
    assert not check_epochs_to_half(10, w0=40.0, b0=40.0, eta=1e-6, limit=50)
