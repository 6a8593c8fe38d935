"""Checks for the learning-slowdown exercises (one sigmoid neuron, x = 1, y = 0 by default)."""
import numbers

import numpy as np

from helpers.activations import sigmoid, sigmoid_prime
from helpers.checks import CheckResult, check_close, is_unanswered
from helpers.neuron import train_neuron
from helpers.validate import positive_int, real

__all__ = ["check_quadratic_gradient", "check_cross_entropy_gradient", "check_epochs_to_half"]


def check_quadratic_gradient(w, b, dC_dw, x=1.0, y=0.0):
    """dC/dw under the quadratic cost at weight w and bias b: (a - y) sigma'(z) x."""
    w, b, x, y = real(w, "w"), real(b, "b"), real(x, "x"), real(y, "y")
    z = w * x + b
    a = float(sigmoid(z))
    expected = (a - y) * float(sigmoid_prime(z)) * x
    return check_close(dC_dw, expected, f"dC/dw (quadratic) at w={w:g}, b={b:g}",
                       "compute z = w x + b, a = sigma(z), then (a - y) * sigma'(z) * x, "
                       "with sigma'(z) = a (1 - a).",
                       tol=1e-4,
                       mistakes={a - y: "that is a - y alone: the quadratic cost keeps the factor "
                                        "sigma'(z).",
                                 float(sigmoid_prime(z)): "that is sigma'(z) alone; multiply by "
                                                          "(a - y) and x."})


def check_cross_entropy_gradient(w, b, dC_dw, x=1.0, y=0.0):
    """dC/dw under cross-entropy at weight w and bias b: (a - y) x, sigma' cancelled."""
    w, b, x, y = real(w, "w"), real(b, "b"), real(x, "x"), real(y, "y")
    z = w * x + b
    a = float(sigmoid(z))
    expected = (a - y) * x
    return check_close(dC_dw, expected, f"dC/dw (cross-entropy) at w={w:g}, b={b:g}",
                       "under cross-entropy sigma'(z) cancels: dC/dw = (a - y) x.",
                       tol=1e-4,
                       mistakes={(a - y) * float(sigmoid_prime(z)) * x:
                                 "that is the quadratic cost's gradient: with cross-entropy "
                                 "the factor sigma'(z) cancels."})


def check_epochs_to_half(epochs, w0=2.0, b0=2.0, eta=0.005, cost="cross-entropy", limit=2000):
    """The first epoch after which the neuron's output is below 0.5."""
    limit, w0, b0 = positive_int(limit, "limit"), real(w0, "w0"), real(b0, "b0")
    history = train_neuron(1.0, 0.0, w0, b0, eta, limit, cost)     # checks the settings
    if is_unanswered(epochs):
        return CheckResult(False, "replace ... with a whole number of epochs.",
                           "train with train_neuron(...) and look for the first epoch where "
                           "output < 0.5, e.g. with np.argmax(h.output < 0.5).")
    if isinstance(epochs, bool) or not isinstance(epochs, (numbers.Integral, np.integer)):
        return CheckResult(False, f"the answer should be a whole number, got {epochs!r}.",
                           "np.argmax(...) gives an integer index; convert it with int(...).")
    below = np.flatnonzero(history.output < 0.5)
    if not below.size:
        return CheckResult(False, f"the output does not fall below 0.5 within {limit} epochs.", "")
    expected = int(below[0])
    if int(epochs) == expected:
        return CheckResult(True, f"the output first drops below 0.5 after {expected} epochs "
                                 f"({cost}, eta = {eta:g}).")
    hint = ("count from epoch 0, the untrained neuron: the index into h.output is the number "
            "of epochs" if abs(int(epochs) - expected) == 1 else
            f"train for enough epochs (say {limit}) with eta = {eta:g} and the {cost} cost, "
            "then find the first index where h.output < 0.5.")
    return CheckResult(False, f"{epochs} is not the first epoch with output below 0.5.", hint)
