"""Activation functions as small objects, like the costs: `fn(z)` and its slope `prime(z)`.

The formulas are plain numpy on arrays (one example per column). Adding an
activation is one class here. Slopes keep their relative accuracy where the
function saturates: sigma'(30) is about 9.4e-14, not the rounding noise of
sigma(30) (1 - sigma(30)).

`sigmoid`, `sigmoid_prime` and `softmax` are the names the notebooks call:
they check their argument, then apply the formula.
"""
import numpy as np

from helpers.validate import by_name, float_array

__all__ = ["Sigmoid", "Tanh", "ReLU", "Softmax", "ACTIVATIONS", "as_activation", "sigmoid",
           "sigmoid_prime", "softmax"]


class Sigmoid:
    """sigma(z) = 1 / (1 + e^-z), written with e^-|z| so that no exponential overflows."""
    name = "sigmoid"

    @staticmethod
    def fn(z):
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1.0, e) / (1.0 + e)       # 1 / (1 + e^-z) or e^z / (1 + e^z)

    @staticmethod
    def prime(z):
        # sigma(z) (1 - sigma(z)) = e^-|z| / (1 + e^-|z|)^2, accurate however large |z| is
        e = np.exp(-np.abs(z))
        return e / (1.0 + e) ** 2


class Tanh:
    """tanh(z), the sigmoid stretched to (-1, 1)."""
    name = "tanh"

    @staticmethod
    def fn(z):
        return np.tanh(z)

    @staticmethod
    def prime(z):
        # 1 - tanh(z)^2 = 1 / cosh(z)^2 = 4 e^-2|z| / (1 + e^-2|z|)^2 (no overflow)
        e = np.exp(-2.0 * np.abs(z))
        return 4.0 * e / (1.0 + e) ** 2


class ReLU:
    """max(0, z); its slope is 1 for z > 0 and 0 otherwise (0 at the kink)."""
    name = "relu"

    @staticmethod
    def fn(z):
        return np.maximum(z, 0.0)

    @staticmethod
    def prime(z):
        return (z > 0).astype(float)


class Softmax:
    """Column-wise softmax for the output layer: each column becomes probabilities summing to 1."""
    name = "softmax"

    @staticmethod
    def fn(z):
        e = np.exp(z - z.max(axis=0, keepdims=True))   # shifting by the max only avoids overflow
        return e / e.sum(axis=0, keepdims=True)


ACTIVATIONS = {act.name: act for act in (Sigmoid, Tanh, ReLU)}


def as_activation(activation, name="activation"):
    """An activation object (Sigmoid, Tanh, ReLU or one like them) from itself or its name."""
    return by_name(activation, name, ACTIVATIONS, ("fn", "prime"))


def sigmoid(z):
    """sigma(z) for a number or an array of numbers."""
    return Sigmoid.fn(float_array(z, "z"))


def sigmoid_prime(z):
    """The sigmoid's slope sigma(z) (1 - sigma(z)): at most 1/4, small but not 0 when saturated."""
    return Sigmoid.prime(float_array(z, "z"))


def softmax(z):
    """The softmax of each column of z (a vector is one column)."""
    z = float_array(z, "z", ndim=(1, 2))
    if z.size == 0:
        raise ValueError(f"z must not be empty, got shape {z.shape}")
    return Softmax.fn(z)
