"""Checks for the softmax and training exercises."""
import numpy as np

from helpers.activations import softmax
from helpers.checks import (ONE_SLIP, REPLACE_WITH_FUNCTION, RETURNED_NOTHING, YOUR_FUNCTION,
                            CheckResult, as_array, call_learner, check_close, check_written,
                            is_unanswered, learner_rng)
from helpers.i18n import N_, _
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
    mistakes = {float(e[k]): _("that is e^(z_k) alone: divide by the sum of e^(z_j) over all "
                               "classes.")}
    if z.sum() != 0:
        mistakes[float(z[k] / z.sum())] = _("that divides the scores themselves; softmax divides "
                                            "their exponentials, e^(z_k) / sum_j e^(z_j).")
    return check_close(a_k, float(a[k]), _("the softmax probability of class {k}").format(k=k),
                       _("a_k = e^(z_k) / sum_j e^(z_j)."), tol=1e-3, mistakes=mistakes)


def check_output_error(z, label, delta):
    """delta^L = a^L - y for softmax outputs with the log-likelihood cost (y one-hot)."""
    z = _scores(z)
    label = integer(label, "label", 0, z.size - 1)
    hint = _("delta = a - y, with a = softmax(z) and y the one-hot vector of the right class.")
    if is_unanswered(delta):
        return CheckResult(False, _("replace ... with your vector delta."), hint)
    a = _softmax(z)
    y = np.zeros_like(a)
    y[label] = 1.0
    try:
        delta = np.asarray(delta, dtype=float).ravel()
    except (TypeError, ValueError):
        return CheckResult(False, _("delta should be a vector of numbers, got {type}.").format(
            type=type(delta).__name__), hint)
    if delta.shape != a.shape:
        return CheckResult(False, _("delta should have {n} entries, one per class, "
                                    "got {got}.").format(n=a.size, got=delta.size), hint)
    if np.allclose(delta, a - y, atol=1e-3):
        return CheckResult(True, _("delta = a - y: {delta}.").format(
            delta=np.round(a - y, 3).tolist()))
    if np.allclose(delta, y - a, atol=1e-3):
        return CheckResult(False, _("the sign is flipped."),
                           _("the error is a - y (output minus target)."))
    if np.allclose(delta, a, atol=1e-3):
        return CheckResult(False, _("that is a itself."), _("subtract the one-hot target y."))
    return CheckResult(False, _("delta does not match a - y."), hint)


# ---- the coding exercises: a stable softmax and log-softmax -------------------------------

SOFTMAX_TASK = N_("write stable_softmax(z): the softmax of each COLUMN of z (one example per "
                  "column), so that each column holds positive numbers summing to 1, without "
                  "overflow. The check calls it on new random scores each time, with entries as "
                  "large as +-1000.")
LOG_SOFTMAX_TASK = N_("write log_softmax(z): ln of the softmax of each column of z, computed "
                      "directly (scores as large as +-1000: no entry may become -inf or NaN).")

# mistake -> hint. The mistake's name (shown as "one slip: ...") and its hint are marked
# here and translated where the check shows them; two slips are shared by both tables.
NO_SHIFT = N_("no shift")
ROWS_NOT_COLUMNS = N_("rows instead of columns")
SOFTMAX_MISTAKES = {
    NO_SHIFT: N_("e^1000 overflows to inf, and inf / inf is NaN: subtract each column's largest "
                 "score first (it changes nothing but the overflow)."),
    N_("one max for the whole array"): N_(
        "subtract each column's own max, z.max(axis=0, keepdims=True): with "
        "one max for the whole array, a column 2000 below it becomes "
        "e^-2000 = 0 everywhere, and 0 / 0 is NaN."),
    N_("the min instead of the max"): N_(
        "subtract the largest score, not the smallest: z - min can be 2000, "
        "and e^2000 overflows."),
    ROWS_NOT_COLUMNS: N_("one example per column: take the max and the sum over axis=0, so "
                         "that each column sums to 1."),
    N_("not normalised"): N_("divide by each column's sum, so that the probabilities add up to 1."),
}
LOG_SOFTMAX_MISTAKES = {
    N_("log of the softmax"): N_(
        "ln of a probability that underflowed to 0 is -inf: compute it directly, "
        "z - max - ln(sum_j e^(z_j - max))."),
    NO_SHIFT: N_("ln(sum_j e^(z_j)) overflows to inf when a score is 1000: shift by the column's "
                 "max inside the logarithm and add it back outside."),
    N_("the log-sum left out"): N_(
        "subtract ln(sum_j e^(z_j - max)) too, so that the exponentials of each "
        "column sum to 1."),
    N_("the max not added back"): N_(
        "ln sum_j e^(z_j) = max + ln sum_j e^(z_j - max): subtract the max from z as well."),
    ROWS_NOT_COLUMNS: N_("one example per column: take the max and the sum over axis=0."),
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
        return {NO_SHIFT: e / e.sum(axis=0, keepdims=True),
                "one max for the whole array": shifted / shifted.sum(axis=0, keepdims=True),
                "the min instead of the max": low / low.sum(axis=0, keepdims=True),
                ROWS_NOT_COLUMNS: _stable_softmax(z, axis=1),
                "not normalised": np.exp(z - z.max(axis=0, keepdims=True))}


def _log_softmax_slips(z):
    with np.errstate(all="ignore"):
        shifted = z - z.max(axis=0, keepdims=True)
        return {"log of the softmax": np.log(_stable_softmax(z)),
                NO_SHIFT: z - np.log(np.exp(z).sum(axis=0, keepdims=True)),
                "the log-sum left out": shifted,
                "the max not added back": z - np.log(np.exp(shifted).sum(axis=0, keepdims=True)),
                ROWS_NOT_COLUMNS: _stable_log_softmax(z, axis=1)}


def _same(got, want):
    """Equal where `want` is finite, and the same non-finite entries where it is not."""
    finite = np.isfinite(want)
    return (np.array_equal(np.isfinite(got), finite)
            and np.allclose(got[finite], want[finite], rtol=1e-9, atol=1e-12))


def _check_columns(fn, name, task, expected_fn, slips_fn, mistakes, seed):
    rng = learner_rng(seed)
    task = _(task)
    failure = check_written(fn, name, _(REPLACE_WITH_FUNCTION).format(name=name), task)
    if failure is not None:
        return failure
    z = _scores_problem(rng)
    yours = _(YOUR_FUNCTION).format(name=name)
    with np.errstate(all="ignore"):
        value, failure = call_learner(fn, z.copy(), what=yours)
    if failure is None:
        value, failure = as_array(value, _("{name} should return an array of numbers").format(
                                      name=name), task,
                                  nothing=_(RETURNED_NOTHING).format(what=yours))
    if failure is not None:
        return failure
    if value.shape != z.shape:
        if value.shape == z.shape[::-1]:
            hint = _("the result is transposed: keep one example per column, the shape of z.")
        else:
            hint = _("one example per column: the result has the shape of z; use keepdims=True "
                     "when you take the max and the sum over axis=0.")
        return CheckResult(False, _("{name} should return the shape of z, {shape}, got "
                                    "{got}.").format(name=name, shape=z.shape, got=value.shape),
                           hint)
    if _same(value, expected_fn(z)):
        return CheckResult(True, _("{name} is right on random {n} x {m} scores from {low:.0f} to "
                                   "{high:.0f}, with no overflow.").format(
                                       name=name, n=z.shape[0], m=z.shape[1], low=z.min(),
                                       high=z.max()))
    for mistake, slip in slips_fn(z).items():
        if _same(value, slip):
            return CheckResult(False, _(ONE_SLIP).format(name=name, mistake=_(mistake)),
                               _(mistakes[mistake]))
    if not np.isfinite(value).all():
        return CheckResult(False, _("your {name} gives NaN or infinite entries on scores as large "
                                    "as +-1000.").format(name=name), _(mistakes[NO_SHIFT]))
    return CheckResult(False, _("your {name} does not match the softmax of each "
                                "column.").format(name=name), task)


def check_stable_softmax(stable_softmax, seed=None):
    """Grade the learner's stable_softmax(z) on fresh scores up to +-1000 (seed: for tests)."""
    return _check_columns(stable_softmax, "stable_softmax", SOFTMAX_TASK, _stable_softmax,
                          _softmax_slips, SOFTMAX_MISTAKES, seed)


def check_log_softmax(log_softmax, seed=None):
    """Grade the learner's log_softmax(z) on fresh scores up to +-1000 (seed: for tests)."""
    return _check_columns(log_softmax, "log_softmax", LOG_SOFTMAX_TASK, _stable_log_softmax,
                          _log_softmax_slips, LOG_SOFTMAX_MISTAKES, seed)
