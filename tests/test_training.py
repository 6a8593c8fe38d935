"""The digits data, the output-error check, and the training run of notebook 07."""
import warnings

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from helpers.checks.training import check_output_error, check_softmax_probability  # noqa: E402
from helpers.costs import COSTS, LogLikelihoodCost, QuadraticCost  # noqa: E402
from helpers.data import _raw, load_digits  # noqa: E402
from helpers.network import Network  # noqa: E402
from helpers.plots.training import plot_digit_grid, plot_softmax, plot_training_curves  # noqa: E402
from helpers.training import misclassified, output_error_check, train_each_cost  # noqa: E402

# The settings of notebook 07 and the final test accuracies measured when it was written.
SETTINGS = dict(hidden=64, epochs=40, mini_batch_size=10, eta=0.5, seed=0)
MEASURED = {"quadratic": 0.951, "cross-entropy": 0.964, "log-likelihood": 0.962}


@pytest.fixture(autouse=True)
def warnings_are_errors():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


@pytest.fixture(scope="module")
def digits():
    return load_digits()


@pytest.fixture(scope="module")
def runs(digits):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        progress = []
        result = train_each_cost(digits, **SETTINGS, progress=lambda *args: progress.append(args))
    assert progress[0] == (1, 120, "quadratic") and progress[-1] == (120, 120, "log-likelihood")
    return result


# ---- the training run ---------------------------------------------------------

def test_the_training_run_reaches_its_pinned_accuracies(runs):
    final = {name: run.final_accuracy for name, run in runs.items()}
    assert final["log-likelihood"] >= 0.95
    for name, measured in MEASURED.items():
        assert abs(final[name] - measured) <= 0.015, (name, final[name])
    first = {name: run.history["test_accuracy"][0] for name, run in runs.items()}
    assert first["quadratic"] < 0.25
    assert min(first["cross-entropy"], first["log-likelihood"]) > 0.75


def test_runs_share_their_start_and_differ_in_the_output_layer(digits, runs):
    start = {name: Network([64, 64, 10], cost=COSTS[name], seed=0) for name in MEASURED}
    for a, b in zip(start["quadratic"].weights, start["log-likelihood"].weights):
        assert np.array_equal(a, b)
    out = runs["log-likelihood"].network.feedforward(digits.X_test[:, :5])
    assert np.allclose(out.sum(axis=0), 1.0)                     # softmax columns are probabilities
    assert not np.allclose(runs["quadratic"].network.feedforward(digits.X_test[:, :5]).sum(axis=0), 1)


def test_misclassified_agrees_with_the_accuracy(digits, runs):
    net = runs["log-likelihood"].network
    wrong, guessed = misclassified(net, digits.X_test, digits.y_test)
    assert len(wrong) == round((1 - runs["log-likelihood"].final_accuracy) * 450)
    assert (guessed != digits.y_test[wrong]).all()
    with pytest.raises(TypeError, match="net"):
        misclassified("net", digits.X_test, digits.y_test)
    with pytest.raises(ValueError, match="labels"):
        misclassified(net, digits.X_test, digits.y_test[:10])
    with pytest.raises(ValueError, match="labels"):
        misclassified(net, digits.X_test, digits.y_test.astype(float))


# ---- the data -----------------------------------------------------------------

def test_digits_split_is_fixed_balanced_and_complete(digits):
    assert digits.X_train.shape == (64, 1347) and digits.X_test.shape == (64, 450)
    assert digits.Y_train.shape == (10, 1347) and digits.Y_test.shape == (10, 450)
    assert np.array_equal(digits.Y_test.argmax(axis=0), digits.y_test)
    assert np.array_equal(digits.Y_train.sum(axis=0), np.ones(1347))
    assert 0.0 <= digits.X_train.min() and digits.X_train.max() == 1.0
    assert np.bincount(digits.y_test).min() >= 44 and np.bincount(digits.y_test).max() <= 46
    again = load_digits()
    assert np.array_equal(again.X_test, digits.X_test) and np.array_equal(again.y_train, digits.y_train)
    # the two sets are disjoint and together hold every image once
    pixels, labels = _raw()
    both = np.concatenate([digits.X_train, digits.X_test], axis=1).T * 16
    order = np.lexsort(both.T)
    reference = np.lexsort(pixels.T)
    assert np.array_equal(both[order], pixels[reference])
    assert repr(digits).startswith("Digits(1347 training and 450 test images")


def test_digits_read_directly_match_scikit_learns_loader():
    from sklearn.datasets import load_digits as sklearn_digits
    bunch = sklearn_digits()
    pixels, labels = _raw()
    assert np.array_equal(pixels, bunch.data) and np.array_equal(labels, bunch.target)


def test_other_seeds_and_fractions(digits):
    other = load_digits(seed=1)
    assert not np.array_equal(other.y_test, digits.y_test)
    assert load_digits(test_fraction=0.5).X_test.shape[1] in range(890, 910)


@pytest.mark.parametrize("kwargs, error, argument", [
    ({"test_fraction": 0.0}, ValueError, "test_fraction"),
    ({"test_fraction": 1.0}, ValueError, "test_fraction"),
    ({"test_fraction": "a quarter"}, TypeError, "test_fraction"),
    ({"test_fraction": 0.0001}, ValueError, "test_fraction"),
    ({"seed": -1}, ValueError, "seed"),
    ({"seed": 1.5}, TypeError, "seed must be an integer"),
])
def test_load_digits_bad_input(kwargs, error, argument):
    with pytest.raises(error, match=argument):
        load_digits(**kwargs)


# ---- delta^L = a^L - y by finite differences -------------------------------

@pytest.mark.parametrize("name", sorted(COSTS))
def test_every_cost_delta_matches_finite_differences(name):
    rng = np.random.default_rng(3)
    for _ in range(5):
        z = rng.normal(scale=2.0, size=7)
        y = np.eye(7)[rng.integers(7)]
        check = output_error_check(COSTS[name], z, y)
        assert check.ok and check.max_error < 1e-7, check.max_error


def test_softmax_delta_is_output_minus_target():
    z, y = np.array([2.0, 1.0, 0.1]), np.array([1.0, 0.0, 0.0])
    check = output_error_check(LogLikelihoodCost, z, y)
    a = np.exp(z) / np.exp(z).sum()
    assert np.allclose(check.delta, a - y) and np.allclose(check.numerical, a - y, atol=1e-8)
    assert "agree" in repr(check)


def test_a_wrong_delta_is_caught():
    class Wrong(LogLikelihoodCost):
        @staticmethod
        def delta(z, a, y):
            return (a - y) * a * (1 - a)               # sigma' where it does not belong
    check = output_error_check(Wrong, [0.5, -1.0, 2.0], [0, 1, 0])
    assert not check.ok and check.max_error > 1e-2 and "DISAGREE" in repr(check)
    assert not output_error_check(QuadraticCost, [0.5, -1.0], [0, 1]).max_error > 1e-7


@pytest.mark.parametrize("args, error, argument", [
    (("hinge", [1.0], [1.0]), ValueError, "cost"),
    ((LogLikelihoodCost, [1.0, np.nan], [1.0, 0.0]), ValueError, "z"),
    ((LogLikelihoodCost, [[1.0, 2.0], [3.0, 4.0]], [1.0, 0.0]), ValueError, "z"),
    ((LogLikelihoodCost, [1.0, 2.0], [1.0, 0.0, 0.0]), ValueError, "y"),
    ((LogLikelihoodCost, "12", [1.0, 0.0]), TypeError, "z"),
])
def test_output_error_check_bad_input(args, error, argument):
    with pytest.raises(error, match=argument):
        output_error_check(*args)
    with pytest.raises(ValueError, match="h must"):
        output_error_check(LogLikelihoodCost, [1.0, 2.0], [1.0, 0.0], h=0)


# ---- the exercises' checks and the figures --------------------------------------

def test_checks_accept_the_answers_and_coach_the_mistakes():
    z = [1.0, 3.0, 0.0]
    a = np.exp(z) / np.exp(z).sum()
    assert check_softmax_probability(z, 1, float(a[1]))
    assert not check_softmax_probability(z, 1, ...)
    assert "divide by the sum" in repr(check_softmax_probability(z, 1, float(np.exp(3.0))))
    assert check_output_error(z, 2, a - [0, 0, 1])
    assert "sign" in repr(check_output_error(z, 2, [0, 0, 1] - a))
    assert not check_output_error(z, 2, ...) and not check_output_error(z, 2, [1.0, 2.0])


def test_figures_draw_without_warnings(digits, runs):
    axes = plot_training_curves(runs)
    assert len(axes[0].get_lines()) == 3 + 1
    plot_softmax([2.0, 1.0, 0.1], target=0)
    fig = plot_digit_grid(digits.X_test[:, :12], [str(k) for k in digits.y_test[:12]], ncols=5)
    assert len(fig.axes) == 15
    with pytest.raises(ValueError, match="images"):
        plot_digit_grid(np.zeros((10, 3)), ["a", "b", "c"])
    with pytest.raises(ValueError, match="captions"):
        plot_digit_grid(digits.X_test[:, :2], ["a"])
    with pytest.raises(ValueError, match="z"):
        plot_softmax([np.inf])
    plt.close("all")
