"""Activation functions on numpy arrays, safe for any finite input.

Each public function checks its argument (a finite number or array, named
z in the message); `helpers.validate._unchecked(sigmoid)` is the bare
formula, for code that has checked its data already.
"""
import numpy as np

from helpers.validate import _checked_arrays

__all__ = ["sigmoid", "sigmoid_prime", "softmax"]


@_checked_arrays("z")
def sigmoid(z):
    """1 / (1 + e^-z), computed without overflow for large |z|."""
    e = np.exp(-np.abs(z))                 # never overflows: the exponent is <= 0
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


@_checked_arrays("z")
def sigmoid_prime(z):
    """The slope of the sigmoid, sigma(z) (1 - sigma(z)): at most 1/4, near 0 when saturated."""
    s = _sigmoid(z)
    return s * (1.0 - s)


@_checked_arrays("z", ndim=(1, 2))
def softmax(z):
    """Column-wise softmax: each column (one example) becomes probabilities summing to 1."""
    e = np.exp(z - z.max(axis=0, keepdims=True))   # shifting by the max changes nothing but overflow
    return e / e.sum(axis=0, keepdims=True)


_sigmoid = sigmoid.__wrapped__             # the formulas without the checks
_sigmoid_prime = sigmoid_prime.__wrapped__
_softmax = softmax.__wrapped__
