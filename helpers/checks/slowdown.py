"""Checks for the learning-slowdown exercises (one sigmoid neuron, x = 1, y = 0 by default)."""
import numbers

import numpy as np

from helpers.activations import sigmoid, sigmoid_prime
from helpers.checks import (ONE_SLIP, REPLACE_WITH_FUNCTION, RETURNED_NOTHING, SIGN_FLIPPED,
                            YOUR_FUNCTION, CheckResult, as_array, call_learner, check_close,
                            check_written, is_unanswered, learner_rng)
from helpers.i18n import N_, _
from helpers.neuron import train_neuron
from helpers.validate import positive_int, real

__all__ = ["check_quadratic_gradient", "check_cross_entropy_gradient", "check_epochs_to_half",
           "check_cross_entropy_delta", "DELTA_MISTAKES"]


def check_quadratic_gradient(w, b, dC_dw, x=1.0, y=0.0):
    """dC/dw under the quadratic cost at weight w and bias b: (a - y) sigma'(z) x."""
    w, b, x, y = real(w, "w"), real(b, "b"), real(x, "x"), real(y, "y")
    z = w * x + b
    a = float(sigmoid(z))
    expected = (a - y) * float(sigmoid_prime(z)) * x
    return check_close(dC_dw, expected, _("dC/dw (quadratic) at w={w:g}, b={b:g}").format(w=w, b=b),
                       _("compute z = w x + b, a = sigma(z), then (a - y) * sigma'(z) * x, "
                         "with sigma'(z) = a (1 - a)."),
                       tol=1e-4,
                       mistakes={a - y: _("that is a - y alone: the quadratic cost keeps the "
                                          "factor sigma'(z)."),
                                 float(sigmoid_prime(z)): _("that is sigma'(z) alone; multiply by "
                                                            "(a - y) and x.")})


def check_cross_entropy_gradient(w, b, dC_dw, x=1.0, y=0.0):
    """dC/dw under cross-entropy at weight w and bias b: (a - y) x, sigma' cancelled."""
    w, b, x, y = real(w, "w"), real(b, "b"), real(x, "x"), real(y, "y")
    z = w * x + b
    a = float(sigmoid(z))
    expected = (a - y) * x
    return check_close(dC_dw, expected,
                       _("dC/dw (cross-entropy) at w={w:g}, b={b:g}").format(w=w, b=b),
                       _("under cross-entropy sigma'(z) cancels: dC/dw = (a - y) x."),
                       tol=1e-4,
                       mistakes={(a - y) * float(sigmoid_prime(z)) * x:
                                 _("that is the quadratic cost's gradient: with cross-entropy "
                                   "the factor sigma'(z) cancels.")})


def check_epochs_to_half(epochs, w0=2.0, b0=2.0, eta=0.005, cost="cross-entropy", limit=2000):
    """The first epoch after which the neuron's output is below 0.5."""
    limit, w0, b0 = positive_int(limit, "limit"), real(w0, "w0"), real(b0, "b0")
    history = train_neuron(1.0, 0.0, w0, b0, eta, limit, cost)     # checks the settings
    if is_unanswered(epochs):
        return CheckResult(False, _("replace ... with a whole number of epochs."),
                           _("train with train_neuron(...) and look for the first epoch where "
                             "output < 0.5, e.g. with np.argmax(h.output < 0.5)."))
    if isinstance(epochs, bool) or not isinstance(epochs, (numbers.Integral, np.integer)):
        return CheckResult(False, _("the answer should be a whole number, got {epochs!r}.").format(
                               epochs=epochs),
                           _("np.argmax(...) gives an integer index; convert it with int(...)."))
    below = np.flatnonzero(history.output < 0.5)
    if not below.size:
        return CheckResult(False, _("the output does not fall below 0.5 within {limit} "
                                    "epochs.").format(limit=limit), "")
    expected = int(below[0])
    if int(epochs) == expected:
        return CheckResult(True, _("the output first drops below 0.5 after {expected} epochs "
                                   "({cost}, eta = {eta:g}).").format(expected=expected, cost=cost,
                                                                      eta=eta))
    if abs(int(epochs) - expected) == 1:
        hint = _("count from epoch 0, the untrained neuron: the index into h.output is the number "
                 "of epochs")
    else:
        hint = _("train for enough epochs (say {limit}) with eta = {eta:g} and the {cost} cost, "
                 "then find the first index where h.output < 0.5.").format(limit=limit, eta=eta,
                                                                          cost=cost)
    return CheckResult(False, _("{epochs} is not the first epoch with output below 0.5.").format(
        epochs=epochs), hint)


# ---- the coding exercise: the cross-entropy output error ---------------------------------

DELTA_TASK = N_("write cross_entropy_delta(z, a, y): the output error delta = dC/dz of sigmoid "
                "outputs a = sigma(z) under the cross-entropy cost, for arrays with one column per "
                "example (y holds the targets, 0 or 1). The check calls it on new random arrays "
                "each time, some outputs saturated at 1.0.")

# mistake -> hint; each wrong formula is computed in `_delta_slips`. The mistake's name
# (shown as "one slip: ...") and its hint are marked here and translated where shown.
SIGMA_PRIME_KEPT = N_("sigma' kept in the code")
DELTA_MISTAKES = {
    N_("the quadratic delta"): N_(
        "that is the quadratic cost's delta, (a - y) sigma'(z). Under cross-entropy "
        "dC/da = (a - y) / (a (1 - a)), and the slope sigma'(z) = a (1 - a) cancels it."),
    SIGN_FLIPPED: N_(
        "delta = dC/dz = a - y (output minus target); y - a points every step uphill."),
    N_("dC/da alone"): N_(
        "that is dC/da = (a - y) / (a (1 - a)). BP1 multiplies it by sigma'(z) = a (1 - a), "
        "and the two cancel."),
    N_("z instead of a"): N_(
        "delta uses the output a = sigma(z), not the weighted input z: a - y."),
    SIGMA_PRIME_KEPT: N_(
        "dC/da * sigma'(z) is right on paper, but where the output is saturated "
        "a is exactly 1.0 in floating point, a (1 - a) = 0, and 0/0 is NaN. "
        "Do the cancellation on paper: delta = a - y."),
}


def _delta_problem(rng):
    """z of shape (n, m), n != m, with one output saturated at 1.0 (z > 37) and one at 0."""
    n = int(rng.integers(2, 7))
    m = int(rng.choice([k for k in range(2, 9) if k != n]))
    z = rng.normal(0.0, 3.0, (n, m))
    z[rng.integers(n), 0] = rng.uniform(38.0, 45.0)           # sigma(z) rounds to 1.0
    z[rng.integers(n), 1] = -rng.uniform(38.0, 45.0)
    y = rng.integers(0, 2, (n, m)).astype(float)
    return z, sigmoid(z), y


def _delta_slips(z, a, y):
    with np.errstate(all="ignore"):
        dC_da = (a - y) / (a * (1.0 - a))
        return {"the quadratic delta": (a - y) * sigmoid_prime(z),
                SIGN_FLIPPED: y - a,
                "dC/da alone": dC_da,
                "z instead of a": z - y,
                SIGMA_PRIME_KEPT: dC_da * (a * (1.0 - a))}


def _same(got, want):
    """Equal where `want` is finite, and non-finite where it is not."""
    finite = np.isfinite(want)
    return (np.array_equal(np.isfinite(got), finite)
            and np.allclose(got[finite], want[finite], rtol=1e-9, atol=1e-12))


def check_cross_entropy_delta(cross_entropy_delta, seed=None):
    """Grade the learner's cross_entropy_delta(z, a, y) on fresh random arrays (seed: for tests)."""
    rng = learner_rng(seed)
    task = _(DELTA_TASK)
    failure = check_written(cross_entropy_delta, "cross_entropy_delta",
                            _(REPLACE_WITH_FUNCTION).format(name="cross_entropy_delta"), task)
    if failure is not None:
        return failure
    z, a, y = _delta_problem(rng)
    yours = _(YOUR_FUNCTION).format(name="cross_entropy_delta")
    with np.errstate(all="ignore"):
        value, failure = call_learner(cross_entropy_delta, z.copy(), a.copy(), y.copy(),
                                      what=yours)
    if failure is None:
        value, failure = as_array(value, _("delta should be an array of numbers"), task,
                                  nothing=_(RETURNED_NOTHING).format(what=yours))
    if failure is not None:
        return failure
    if value.shape != z.shape:
        return CheckResult(False, _("delta should have the shape of z, {shape} (one column per "
                                    "example), got {got}.").format(shape=z.shape, got=value.shape),
                           _("delta has one entry per output neuron and example: no sum or mean "
                             "over the examples here (that comes in BP3 and BP4)."))
    if _same(value, a - y):
        return CheckResult(True, _("delta = a - y on random {n} x {m} arrays, saturated outputs "
                                   "included: sigma' has cancelled.").format(n=z.shape[0],
                                                                              m=z.shape[1]))
    for mistake, slip in _delta_slips(z, a, y).items():
        if _same(value, slip):
            return CheckResult(False, _(ONE_SLIP).format(name="delta", mistake=_(mistake)),
                               _(DELTA_MISTAKES[mistake]))
    if not np.isfinite(value).all():
        return CheckResult(False, _("your delta has NaN or infinite entries where the output is "
                                    "saturated."), _(DELTA_MISTAKES[SIGMA_PRIME_KEPT]))
    return CheckResult(False, _("your delta does not match dC/dz for cross-entropy."),
                       _("start from dC/da = (a - y) / (a (1 - a)) and multiply by "
                         "sigma'(z) = a (1 - a)."))
