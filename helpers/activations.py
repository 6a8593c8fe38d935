"""Activation functions on numpy arrays, safe for any finite input."""
import numpy as np

__all__ = ["sigmoid", "sigmoid_prime", "softmax"]


def sigmoid(z):
    """1 / (1 + e^-z), computed without overflow for large |z|."""
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))                 # never overflows: the exponent is <= 0
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_prime(z):
    """The slope of the sigmoid, sigma(z) (1 - sigma(z)): at most 1/4, near 0 when saturated."""
    s = sigmoid(z)
    return s * (1.0 - s)


def softmax(z):
    """Column-wise softmax: each column (one example) becomes probabilities summing to 1."""
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=0, keepdims=True))   # shifting by the max changes nothing but overflow
    return e / e.sum(axis=0, keepdims=True)
