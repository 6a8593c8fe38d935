"""Cost functions as small objects, each paired with its output activation.

Arrays hold one example per column. `fn(a, y)` is the cost averaged over the
examples, C = (1/n) sum_x C_x. `derivative(a, y)` is dC_x/da, the gradient
of one example's cost with respect to the output activations. `delta(z, a, y)`
is the output error delta^L = dC_x/dz^L (BP1): for the quadratic cost it keeps
the factor sigma'(z); for cross-entropy and log-likelihood that factor cancels
and delta is just a - y.

Each of them checks its arguments (finite arrays of one shape, named a, y, z
in the messages); `helpers.validate._unchecked(cost.delta)` is the bare
formula, which a Network calls on data it has checked once per mini-batch.
"""
import numpy as np

from helpers.activations import sigmoid, softmax
# Inside a cost's formulas the arrays are checked already: the bare formula of sigma'.
from helpers.activations import _sigmoid_prime as sigmoid_prime
from helpers.validate import _checked_arrays

__all__ = ["QuadraticCost", "CrossEntropyCost", "LogLikelihoodCost", "COSTS"]

_TINY = np.finfo(float).tiny            # log(_TINY) is about -708: finite, never -inf


def _safe_log(x):
    return np.log(np.maximum(x, _TINY))


def _mean_over_examples(per_entry):
    per_entry = np.asarray(per_entry)
    return float(per_entry.sum() / (per_entry.shape[1] if per_entry.ndim == 2 else 1))


def _arrays(*names):
    """Check the named arguments: finite float arrays of one shape, up to 2-D."""
    return _checked_arrays(*names, ndim=(0, 1, 2))


class QuadraticCost:
    """C_x = ||y - a||^2 / 2 with sigmoid outputs."""
    name = "quadratic"
    activation = staticmethod(sigmoid)

    @staticmethod
    @_arrays("a", "y")
    def fn(a, y):
        return _mean_over_examples(0.5 * (a - y) ** 2)

    @staticmethod
    @_arrays("a", "y")
    def derivative(a, y):
        return a - y

    @staticmethod
    @_arrays("z", "a", "y")
    def delta(z, a, y):
        return (a - y) * sigmoid_prime(z)       # BP1: grad_a C (.) sigma'(z)


class CrossEntropyCost:
    """C_x = -sum_j [y_j ln a_j + (1 - y_j) ln(1 - a_j)] with sigmoid outputs."""
    name = "cross-entropy"
    activation = staticmethod(sigmoid)

    @staticmethod
    @_arrays("a", "y")
    def fn(a, y):
        return _mean_over_examples(-(y * _safe_log(a) + (1 - y) * _safe_log(1 - a)))

    @staticmethod
    @_arrays("a", "y")
    def derivative(a, y):
        return (a - y) / np.maximum(a * (1 - a), _TINY)

    @staticmethod
    @_arrays("z", "a", "y")
    def delta(z, a, y):
        # BP1 gives (a - y) / (a (1 - a)) * sigma'(z), and sigma'(z) = a (1 - a): it cancels.
        return a - y


class LogLikelihoodCost:
    """C_x = -ln a_y (the log-probability of the right class) with softmax outputs."""
    name = "log-likelihood"
    activation = staticmethod(softmax)

    @staticmethod
    @_arrays("a", "y")
    def fn(a, y):
        return _mean_over_examples(-y * _safe_log(a))

    @staticmethod
    @_arrays("a", "y")
    def derivative(a, y):
        return -y / np.maximum(a, _TINY)

    @staticmethod
    @_arrays("z", "a", "y")
    def delta(z, a, y):
        # Through the softmax Jacobian, -y/a becomes a - y (y one-hot): the same cancellation.
        return a - y


COSTS = {cost.name: cost for cost in (QuadraticCost, CrossEntropyCost, LogLikelihoodCost)}
