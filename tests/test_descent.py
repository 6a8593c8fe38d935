"""Gradient descent, its regimes and schedules, the counted comparison, Hooke-Jeeves, the checks."""
import math

import numpy as np
import pytest

from helpers.descent import (PARABOLA, ROSENBROCK, TILTED_BOWL, Descent, Loss, gradient_descent,
                             learning_rates, regime, update_factor)
from helpers.optimizers import (COMPARISON_START, CountedLoss, compare_methods, comparison_table,
                                hooke_jeeves, newton_method, sign_descent)

pytestmark = pytest.mark.filterwarnings("error")

J, dJ = PARABOLA.f, PARABOLA.grad


# ----------------------------------------------------------------------------- worked example

def test_worked_example_values():
    path = gradient_descent(J, dJ, 5.0, eta=0.2, steps=3)
    assert path.points.shape == (4,)
    np.testing.assert_allclose(path.points, [5.0, 2.6, 1.16, 0.296], atol=1e-12)
    np.testing.assert_allclose(path.losses, (path.points + 1) ** 2)
    np.testing.assert_allclose(path.rates, [0.2] * 3)


def test_worked_example_closed_form_for_many_steps():
    path = gradient_descent(J, dJ, 5.0, eta=0.2, steps=200)
    t = np.arange(201)
    # w is stored, not w + 1: the distance keeps absolute precision ~1e-16, not relative.
    np.testing.assert_allclose(path.points + 1, 6 * 0.6 ** t, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(path.points[:31] + 1, 6 * 0.6 ** t[:31], rtol=1e-8)
    assert abs(path.final - PARABOLA.minimum) <= np.spacing(1.0)   # stalls within one ulp of -1
    assert not path.diverged and path.reason == "ran all 200 steps"


def test_two_dimensional_path_shape_and_descent():
    path = gradient_descent(TILTED_BOWL.f, TILTED_BOWL.grad, (-3.0, 3.0), eta=0.15, steps=40)
    assert path.points.shape == (41, 2)
    assert path.losses[-1] < 1e-3 * path.losses[0]
    np.testing.assert_allclose(path.losses, [TILTED_BOWL.f(p) for p in path.points])


# ----------------------------------------------------------------------------- regimes

@pytest.mark.parametrize("eta, words", [(0.2, "converges monotonically"),
                                        (0.5, "reaches the minimum in one step"),
                                        (0.8, "oscillates and converges"),
                                        (1.0, "oscillates forever, never closer"),
                                        (1.05, "diverges")])
def test_regime_names(eta, words):
    assert regime(eta) == words
    assert update_factor(eta) == pytest.approx(1 - 2 * eta)


def test_monotone_regime_never_crosses_the_minimum():
    d = gradient_descent(J, dJ, 5.0, eta=0.3, steps=30).points + 1
    assert np.all(d > 0) and np.all(np.diff(d) < 0)


def test_oscillation_flips_sign_every_step_and_shrinks():
    d = gradient_descent(J, dJ, 5.0, eta=0.8, steps=30).points + 1
    assert np.all(np.sign(d[1:]) == -np.sign(d[:-1]))          # a sign flip at every step
    assert np.all(np.abs(d[1:]) < np.abs(d[:-1]))
    np.testing.assert_allclose(d, 6 * (-0.6) ** np.arange(31), atol=1e-12)


def test_boundary_cases():
    one_step = gradient_descent(J, dJ, 5.0, eta=0.5, steps=5)
    np.testing.assert_array_equal(one_step.points[1:], -1.0)
    bounce = gradient_descent(J, dJ, 5.0, eta=1.0, steps=6)
    np.testing.assert_array_equal(bounce.points, [5, -7, 5, -7, 5, -7, 5])
    assert not bounce.diverged


def test_divergence_is_flagged_without_warnings_or_nan():
    path = gradient_descent(J, dJ, 5.0, eta=1.05, steps=10_000)
    assert path.diverged and not path.converged
    assert "bound" in path.reason
    assert np.all(np.isfinite(path.points)) and np.all(np.isfinite(path.losses))
    assert np.max(np.abs(path.points)) <= 1e6
    # |w + 1| = 6 * 1.1^t first exceeds 1e6 + 1 at t = 127: the path keeps 126 steps.
    assert path.steps == math.ceil(math.log((1e6 - 1) / 6) / math.log(1.1)) - 1 == 126


def test_divergence_on_the_loss_bound_and_with_overflowing_functions():
    path = gradient_descent(J, dJ, 5.0, eta=3.0, steps=100, bound=1e300, loss_bound=1e20)
    assert path.diverged and "loss" in path.reason and path.losses.max() <= 1e20
    # A gradient that overflows to inf (inside the run, warnings are errors here) stops the run.
    path = gradient_descent(J, lambda w: np.float64(1e308) * (w + 10.0), 5.0, eta=0.1, steps=10)
    assert path.diverged and "not finite" in path.reason and path.steps == 0
    # A loss that overflows: exp(w) at w = 800 is inf, the run stops before it.
    path = gradient_descent(lambda w: np.exp(w), lambda w: -np.float64(100.0), 0.0, eta=1.0,
                            steps=20, loss_bound=1e308)
    assert path.diverged and path.steps == 7 and np.all(np.isfinite(path.losses))


def test_tol_and_target_stop_early():
    by_tol = gradient_descent(J, dJ, 5.0, eta=0.2, steps=1000, tol=1e-6)
    assert by_tol.converged and abs(dJ(by_tol.final)) <= 1e-6 < abs(dJ(by_tol.points[-2]))
    by_target = gradient_descent(J, dJ, 5.0, eta=0.2, steps=1000, target=1e-8)
    assert by_target.converged and by_target.losses[-1] <= 1e-8 < by_target.losses[-2]


# ----------------------------------------------------------------------------- schedules

def test_named_schedules():
    np.testing.assert_allclose(learning_rates(0.4, 4), [0.4] * 4)
    np.testing.assert_allclose(learning_rates(0.4, 4, "inverse", decay_steps=2), [0.4, 0.4 / 1.5, 0.2, 0.16])
    np.testing.assert_allclose(learning_rates(0.4, 5, "exponential", decay_steps=2)[[0, 2, 4]],
                               [0.4, 0.2, 0.1])


def test_callable_schedule_is_used_step_by_step():
    path = gradient_descent(J, dJ, 5.0, eta=lambda t: 0.5 if t == 0 else 0.1, steps=3)
    np.testing.assert_allclose(path.rates, [0.5, 0.1, 0.1])
    np.testing.assert_allclose(path.points, [5.0, -1.0, -1.0, -1.0])


def test_decaying_schedule_rescues_a_diverging_start():
    constant = gradient_descent(J, dJ, 5.0, eta=1.05, steps=200)
    decaying = gradient_descent(J, dJ, 5.0, eta=1.05, steps=200, schedule="inverse", decay_steps=2)
    assert constant.diverged
    assert not decaying.diverged and abs(decaying.final + 1) < 1e-6
    assert abs(decaying.points[1] + 1) > 6              # the first step still moves away


def test_sign_descent_moves_by_the_step_only():
    path = sign_descent(J, dJ, 5.0, step=0.5, steps=4, schedule="constant")
    np.testing.assert_allclose(path.points, [5.0, 4.5, 4.0, 3.5, 3.0])
    shrinking = sign_descent(J, dJ, 5.0, step=1.0, steps=400, decay_steps=20)
    assert abs(shrinking.final + 1) < 1e-3


def test_newton_lands_on_a_quadratic_minimum_in_one_step():
    path = newton_method(TILTED_BOWL.f, TILTED_BOWL.grad, TILTED_BOWL.hess, (-3.0, 3.0), steps=2)
    np.testing.assert_allclose(path.points[1], TILTED_BOWL.minimum, atol=1e-12)


# ----------------------------------------------------------------------------- Hooke-Jeeves

def test_hooke_jeeves_on_a_bowl():
    counted = CountedLoss(TILTED_BOWL)
    path = hooke_jeeves(counted.f, (-3.0, 3.0), step=0.5, min_step=1e-8)
    assert path.converged and "min_step" in path.reason
    np.testing.assert_allclose(path.final, TILTED_BOWL.minimum, atol=1e-6)
    assert np.all(np.diff(path.losses) < 0)             # a base point is kept only if it is lower
    assert counted.counts == {"f": counted.counts["f"], "grad": 0, "hess": 0}
    assert 20 < counted.counts["f"] < 2000


def test_hooke_jeeves_in_one_dimension_and_its_evaluation_cap():
    path = hooke_jeeves(J, 5.0, step=1.0)
    assert path.points.ndim == 1 and abs(path.final + 1) < 1e-8
    calls = []
    capped = hooke_jeeves(lambda x: calls.append(1) or ROSENBROCK.f(x), COMPARISON_START,
                          max_evaluations=50)
    assert "max_evaluations" in capped.reason and len(calls) <= 50 + 5


# ----------------------------------------------------------------------------- comparison

@pytest.fixture(scope="module")
def runs():
    return {run.name.split(" (")[0].split(",")[0]: run for run in compare_methods()}


def test_every_method_reaches_the_minimum(runs):
    assert len(runs) == 8
    for name, run in runs.items():
        assert run.loss <= 1e-6, name
        assert np.linalg.norm(run.x - ROSENBROCK.minimum) < 5e-3, name
        assert run.evaluations_to(1e-6) == run.evaluations, name
        assert np.all(np.diff(run.trace_evaluations) >= 0), name
        assert run.trace_evaluations[0] == 0 and run.trace_losses[0] == pytest.approx(24.2)


def test_counts_are_real_and_match_what_scipy_reports(runs):
    for name in ("Nelder-Mead", "conjugate gradient", "BFGS", "Newton-CG"):
        run = runs[name]
        assert run.reported["nfev"] == run.counts["f"], name
        assert run.reported.get("njev", 0) == run.counts["grad"], name
        assert run.reported.get("nhev", 0) == run.counts["hess"], name
    assert runs["Nelder-Mead"].counts["grad"] == 0 and runs["Hooke-Jeeves"].counts["grad"] == 0
    assert runs["BFGS"].counts["hess"] == 0 and runs["Newton-CG"].counts["hess"] > 0


def test_exact_counts_for_deterministic_methods(runs):
    # Gradient descent: one gradient per step and nothing else, so its count is its step count.
    gd = runs["gradient descent"]
    path = gradient_descent(ROSENBROCK.f, ROSENBROCK.grad, COMPARISON_START, eta=1e-3,
                            steps=50_000, target=1e-6)
    assert gd.counts == {"f": 0, "grad": path.steps, "hess": 0}
    assert path.steps == 15068
    # Full Newton steps: one gradient and one Hessian per step, 5 steps from (-1.2, 1).
    assert runs["Newton"].counts == {"f": 0, "grad": 5, "hess": 5}
    # Nelder-Mead with the pinned scipy: 135 loss evaluations.
    assert runs["Nelder-Mead"].counts == {"f": 135, "grad": 0, "hess": 0}


def test_the_ordering_the_notebook_states(runs):
    e = {name: run.evaluations for name, run in runs.items()}
    assert e["Newton"] < e["BFGS"] < e["conjugate gradient"] < e["Newton-CG"]
    assert e["Nelder-Mead"] < e["Hooke-Jeeves"] < 1000
    assert min(e["gradient descent"], e["sign of slope"]) > 10_000


def test_comparison_table_lists_every_method(runs):
    table = comparison_table(list(runs.values()))
    assert len(table.splitlines()) == 2 + 8 and "15068" in table and "never" not in table


def test_counted_loss_counts_each_call():
    counted = CountedLoss(ROSENBROCK)
    counted.f((0.0, 0.0)), counted.grad((0.0, 0.0)), counted.grad((1.0, 1.0)), counted.hess((1, 1))
    assert counted.counts == {"f": 1, "grad": 2, "hess": 1} and counted.total == 4


def test_rosenbrock_derivatives_against_finite_differences():
    p, h = np.array([-0.7, 0.4]), 1e-6
    fd = [(ROSENBROCK.f(p + h * e) - ROSENBROCK.f(p - h * e)) / (2 * h) for e in np.eye(2)]
    np.testing.assert_allclose(ROSENBROCK.grad(p), fd, rtol=1e-7)
    fd_h = np.array([(ROSENBROCK.grad(p + h * e) - ROSENBROCK.grad(p - h * e)) / (2 * h) for e in np.eye(2)])
    np.testing.assert_allclose(ROSENBROCK.hess(p), fd_h, rtol=1e-6)


def test_tilted_bowl_curvatures_are_its_hessian_eigenvalues():
    np.testing.assert_allclose(np.linalg.eigvalsh(TILTED_BOWL.hess(None)), TILTED_BOWL.curvatures)
    grid = np.array(np.meshgrid([0.0, 1.0], [2.0, -1.0]))
    assert TILTED_BOWL.f(grid).shape == (2, 2)


# ----------------------------------------------------------------------------- bad input

@pytest.mark.parametrize("eta, error, match", [(-1.0, ValueError, "eta must be positive"),
                                               (0.0, ValueError, "eta must be positive"),
                                               (float("nan"), ValueError, "eta must be positive and finite"),
                                               (float("inf"), ValueError, "eta must be positive and finite"),
                                               ("0.1", TypeError, "eta must be a real number"),
                                               (True, TypeError, "eta must be a real number")])
def test_bad_learning_rate(eta, error, match):
    with pytest.raises(error, match=match):
        gradient_descent(J, dJ, 5.0, eta=eta)


@pytest.mark.parametrize("start, error, match", [((1.0, 2.0, 3.0), ValueError, "start must be .* shape \\(3,\\)"),
                                                 (np.zeros((2, 2)), ValueError, "start must be"),
                                                 (float("nan"), ValueError, "start contains NaN or infinite"),
                                                 ((1.0, float("inf")), ValueError, "start contains NaN or infinite"),
                                                 ("five", TypeError, "start must be"),
                                                 (2e6, ValueError, "start must lie within")])
def test_bad_start(start, error, match):
    with pytest.raises(error, match=match):
        gradient_descent(J, dJ, start, eta=0.1)


def test_bad_functions_and_other_arguments():
    with pytest.raises(TypeError, match="f must be callable"):
        gradient_descent(3.0, dJ, 5.0)
    with pytest.raises(TypeError, match="grad must be callable"):
        gradient_descent(J, None, 5.0)
    with pytest.raises(TypeError, match="hess must be callable"):
        newton_method(J, dJ, "H", 5.0)
    with pytest.raises(ValueError, match="step must be positive"):
        sign_descent(J, dJ, 5.0, step=0.0)
    with pytest.raises(ValueError, match="steps must be at least 0"):
        newton_method(J, dJ, PARABOLA.hess, 5.0, steps=-1)
    with pytest.raises(ValueError, match="start must lie within"):
        sign_descent(J, dJ, 5.0, bound=1.0)
    with pytest.raises(ValueError, match="grad must return an array shaped like start"):
        gradient_descent(TILTED_BOWL.f, lambda p: np.zeros(3), (0.0, 0.0))
    with pytest.raises(ValueError, match="steps must be at least 0"):
        gradient_descent(J, dJ, 5.0, steps=-1)
    with pytest.raises(TypeError, match="steps must be an integer"):
        gradient_descent(J, dJ, 5.0, steps=2.5)
    with pytest.raises(ValueError, match="schedule must be one of"):
        gradient_descent(J, dJ, 5.0, schedule="cosine")
    with pytest.raises(ValueError, match="decay_steps must be positive"):
        gradient_descent(J, dJ, 5.0, schedule="inverse", decay_steps=0)
    with pytest.raises(ValueError, match=r"eta\(t\) must return a positive finite number"):
        gradient_descent(J, dJ, 5.0, eta=lambda t: 0.1 - 0.05 * t, steps=5)
    with pytest.raises(ValueError, match="schedule must be 'constant' when eta is a function"):
        gradient_descent(J, dJ, 5.0, eta=lambda t: 0.1, schedule="inverse")
    with pytest.raises(TypeError, match="loss must be a Loss"):
        compare_methods(loss="rosenbrock")
    with pytest.raises(ValueError, match="start must be a point of 2 coordinates"):
        compare_methods(start=1.0)
    with pytest.raises(ValueError, match="curvature must be positive"):
        update_factor(0.1, curvature=0.0)
    with pytest.raises(ValueError, match="the loss at start must be finite"):
        gradient_descent(lambda w: float("nan"), dJ, 5.0)
    assert isinstance(PARABOLA, Loss)
    assert isinstance(gradient_descent(J, dJ, 5.0, steps=3), Descent)
