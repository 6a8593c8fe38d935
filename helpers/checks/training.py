"""Checks for the softmax and training exercises."""
import numbers

import numpy as np

from helpers.activations import softmax
from helpers.checks import CheckResult, check_close, is_unanswered
from helpers.network import Network
from helpers.training import misclassified
from helpers.validate import float_array, instance, integer

__all__ = ["check_softmax_probability", "check_output_error", "check_misclassified_count"]


def _softmax(z):
    return softmax(z.reshape(-1, 1)).ravel()


def _scores(z):
    """The scores of one example: a non-empty vector of finite numbers."""
    z = float_array(z, "z", ndim=1)
    if z.size == 0:
        raise ValueError("z must hold at least one score")
    return z


def check_softmax_probability(z, k, a_k):
    """The softmax probability of class k for the scores z."""
    z = _scores(z)
    k = integer(k, "k", 0, z.size - 1)
    a = _softmax(z)
    with np.errstate(over="ignore"):              # a huge score: e^z is inf, never a mistake
        e = np.exp(z)
    mistakes = {float(e[k]): "that is e^(z_k) alone: divide by the sum of e^(z_j) over all classes."}
    if z.sum() != 0:
        mistakes[float(z[k] / z.sum())] = ("that divides the scores themselves; softmax divides "
                                           "their exponentials, e^(z_k) / sum_j e^(z_j).")
    return check_close(a_k, float(a[k]), f"the softmax probability of class {k}",
                       "a_k = e^(z_k) / sum_j e^(z_j).", tol=1e-3, mistakes=mistakes)


def check_output_error(z, label, delta):
    """delta^L = a^L - y for softmax outputs with the log-likelihood cost (y one-hot)."""
    hint = "delta = a - y, with a = softmax(z) and y the one-hot vector of the right class."
    z = _scores(z)
    label = integer(label, "label", 0, z.size - 1)
    if is_unanswered(delta):
        return CheckResult(False, "replace ... with your vector delta.", hint)
    a = _softmax(z)
    y = np.zeros_like(a)
    y[label] = 1.0
    try:
        delta = np.asarray(delta, dtype=float).ravel()
    except (TypeError, ValueError):
        return CheckResult(False, f"delta should be a vector of numbers, got {type(delta).__name__}.",
                           hint)
    if delta.shape != a.shape:
        return CheckResult(False, f"delta should have {a.size} entries, one per class, "
                                  f"got {delta.size}.", hint)
    if np.allclose(delta, a - y, atol=1e-3):
        return CheckResult(True, f"delta = a - y: {np.round(a - y, 3).tolist()}.")
    if np.allclose(delta, y - a, atol=1e-3):
        return CheckResult(False, "the sign is flipped.", "the error is a - y (output minus target).")
    if np.allclose(delta, a, atol=1e-3):
        return CheckResult(False, "that is a itself.", "subtract the one-hot target y.")
    return CheckResult(False, "delta does not match a - y.", hint)


def check_misclassified_count(net, X, labels, count):
    """How many columns of X the network classifies wrongly."""
    hint = ("predict with net.feedforward(X).argmax(axis=0) and count the entries that differ "
            "from the labels, e.g. with np.sum(predicted != labels).")
    wrong, _ = misclassified(instance(net, "net", Network), X, labels)
    if is_unanswered(count):
        return CheckResult(False, "replace ... with your count.", hint)
    if isinstance(count, bool) or not isinstance(count, (numbers.Integral, np.integer)):
        return CheckResult(False, f"the count should be a whole number, got {count!r}.",
                           "np.sum(...) of booleans is an integer; int(...) makes it a plain one.")
    m = np.asarray(labels).size
    if int(count) == wrong.size:
        return CheckResult(True, "your count matches the network's mistakes on the test set, "
                                 "and 1 - count / m is its test accuracy.")
    if int(count) == m - wrong.size:
        return CheckResult(False, "that counts the right answers.", "count where they differ.")
    return CheckResult(False, f"{count} is not the number of misclassified images.", hint)
