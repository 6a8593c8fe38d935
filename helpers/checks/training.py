"""Checks for the softmax and training exercises."""
import numpy as np

from helpers.activations import softmax
from helpers.checks import (CheckResult, as_array, call_learner, check_close, check_written,
                            is_unanswered, learner_rng)
from helpers.validate import float_array, integer

__all__ = ["check_softmax_probability", "check_output_error", "check_stable_softmax", "check_log_softmax",
           "SOFTMAX_MISTAKES", "LOG_SOFTMAX_MISTAKES"]


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


# ---- the coding exercises: a stable softmax and log-softmax -------------------------------

SOFTMAX_TASK = ("write stable_softmax(z): the softmax of each COLUMN of z (one example per column), "
                "so that each column holds positive numbers summing to 1, without overflow. The check "
                "calls it on new random scores each time, with entries as large as +-1000.")
LOG_SOFTMAX_TASK = ("write log_softmax(z): ln of the softmax of each column of z, computed directly "
                    "(scores as large as +-1000: no entry may become -inf or NaN).")

SOFTMAX_MISTAKES = {
    "no shift": "e^1000 overflows to inf, and inf / inf is NaN: subtract each column's largest score "
                "first (it changes nothing but the overflow).",
    "one max for the whole array": "subtract each column's own max, z.max(axis=0, keepdims=True): with "
                                   "one max for the whole array, a column 2000 below it becomes "
                                   "e^-2000 = 0 everywhere, and 0 / 0 is NaN.",
    "the min instead of the max": "subtract the largest score, not the smallest: z - min can be 2000, "
                                  "and e^2000 overflows.",
    "rows instead of columns": "one example per column: take the max and the sum over axis=0, so "
                               "that each column sums to 1.",
    "not normalised": "divide by each column's sum, so that the probabilities add up to 1.",
}
LOG_SOFTMAX_MISTAKES = {
    "log of the softmax": "ln of a probability that underflowed to 0 is -inf: compute it directly, "
                          "z - max - ln(sum_j e^(z_j - max)).",
    "no shift": "ln(sum_j e^(z_j)) overflows to inf when a score is 1000: shift by the column's max "
                "inside the logarithm and add it back outside.",
    "the log-sum left out": "subtract ln(sum_j e^(z_j - max)) too, so that the exponentials of each "
                            "column sum to 1.",
    "the max not added back": "ln sum_j e^(z_j) = max + ln sum_j e^(z_j - max): subtract the max from z as well.",
    "rows instead of columns": "one example per column: take the max and the sum over axis=0.",
}


def _scores_problem(rng):
    """Scores of shape (n, m), n != m, entries up to +-1000.

    One column is near +1000, one near -1000, one spans [-1000, 1000]: a naive
    softmax overflows, one max for the whole array underflows, and shifting by
    the min overflows.
    """
    n = int(rng.integers(3, 8))
    m = int(rng.choice([k for k in range(3, 7) if k != n]))
    z = rng.normal(0.0, 3.0, (n, m))
    z[:, 0] += rng.uniform(990.0, 995.0)
    z[:, 1] -= rng.uniform(990.0, 995.0)
    z[:, 2] = rng.uniform(-1000.0, 1000.0, n)
    high, low = rng.choice(n, 2, replace=False)
    z[high, 2], z[low, 2] = 1000.0, -1000.0
    return z[:, rng.permutation(m)]


def _stable_softmax(z, axis=0):
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _stable_log_softmax(z, axis=0):
    shifted = z - z.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def _softmax_slips(z):
    with np.errstate(all="ignore"):
        e = np.exp(z)
        low = np.exp(z - z.min(axis=0, keepdims=True))
        shifted = np.exp(z - z.max())
        return {"no shift": e / e.sum(axis=0, keepdims=True),
                "one max for the whole array": shifted / shifted.sum(axis=0, keepdims=True),
                "the min instead of the max": low / low.sum(axis=0, keepdims=True),
                "rows instead of columns": _stable_softmax(z, axis=1),
                "not normalised": np.exp(z - z.max(axis=0, keepdims=True))}


def _log_softmax_slips(z):
    with np.errstate(all="ignore"):
        shifted = z - z.max(axis=0, keepdims=True)
        return {"log of the softmax": np.log(_stable_softmax(z)),
                "no shift": z - np.log(np.exp(z).sum(axis=0, keepdims=True)),
                "the log-sum left out": shifted,
                "the max not added back": z - np.log(np.exp(shifted).sum(axis=0, keepdims=True)),
                "rows instead of columns": _stable_log_softmax(z, axis=1)}


def _same(got, want):
    """Equal where `want` is finite, and the same non-finite entries where it is not."""
    finite = np.isfinite(want)
    return (np.array_equal(np.isfinite(got), finite)
            and np.allclose(got[finite], want[finite], rtol=1e-9, atol=1e-12))


def _check_columns(fn, name, task, expected_fn, slips_fn, mistakes, seed):
    rng = learner_rng(seed)
    failure = check_written(fn, name, f"replace ... with your function {name}.", task)
    if failure is not None:
        return failure
    z = _scores_problem(rng)
    with np.errstate(all="ignore"):
        value, failure = call_learner(fn, z.copy(), what=f"your {name}")
    if failure is None:
        value, failure = as_array(value, f"{name} should return an array of numbers", task,
                                  nothing=f"your {name} returned nothing: the body is still a "
                                          f"stub.")
    if failure is not None:
        return failure
    if value.shape != z.shape:
        hint = ("one example per column: the result has the shape of z; use keepdims=True "
                "when you take the max and the sum over axis=0.")
        if value.shape == z.shape[::-1]:
            hint = "the result is transposed: keep one example per column, the shape of z."
        return CheckResult(False, f"{name} should return the shape of z, {z.shape}, got "
                                  f"{value.shape}.", hint)
    if _same(value, expected_fn(z)):
        return CheckResult(True, f"{name} is right on random {z.shape[0]} x {z.shape[1]} scores "
                                 f"from {z.min():.0f} to {z.max():.0f}, with no overflow.")
    for mistake, slip in slips_fn(z).items():
        if _same(value, slip):
            return CheckResult(False, f"your {name} matches a version with one slip: {mistake}.",
                               mistakes[mistake])
    if not np.isfinite(value).all():
        return CheckResult(False, f"your {name} gives NaN or infinite entries on scores as large "
                                  "as +-1000.", mistakes["no shift"])
    return CheckResult(False, f"your {name} does not match the softmax of each column.", task)


def check_stable_softmax(stable_softmax, seed=None):
    """Grade the learner's stable_softmax(z) on fresh scores up to +-1000 (seed: for tests)."""
    return _check_columns(stable_softmax, "stable_softmax", SOFTMAX_TASK, _stable_softmax,
                          _softmax_slips, SOFTMAX_MISTAKES, seed)


def check_log_softmax(log_softmax, seed=None):
    """Grade the learner's log_softmax(z) on fresh scores up to +-1000 (seed: for tests)."""
    return _check_columns(log_softmax, "log_softmax", LOG_SOFTMAX_TASK, _stable_log_softmax,
                          _log_softmax_slips, LOG_SOFTMAX_MISTAKES, seed)
