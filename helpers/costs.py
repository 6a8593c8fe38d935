"""Cost functions as small objects, each paired with its output activation.

Arrays hold one example per column. `example_cost(a, y)` is C_x entry by
entry (a column sums to one example's cost), `fn(a, y)` the cost averaged
over the examples, C = (1/n) sum_x C_x, and `delta(z, a, y)` the output
error delta^L = dC_x/dz^L (BP1). For the quadratic cost delta keeps the
factor sigma'(z); for cross-entropy and log-likelihood it cancels and delta
is just a - y. (`example_cost` takes the logarithm as `log`, so that the
same formula builds a graph of Values with log=Value.log.)
"""
import numpy as np

from helpers.activations import Sigmoid, Softmax
from helpers.validate import by_name

__all__ = ["QuadraticCost", "CrossEntropyCost", "LogLikelihoodCost", "COSTS", "as_cost", "safe_log"]

sigmoid_prime = Sigmoid.prime
_TINY = np.finfo(float).tiny            # log(_TINY) is about -708: finite, never -inf


def safe_log(x):
    """ln x, with 0 taken as the smallest float: finite, never -inf."""
    return np.log(np.maximum(x, _TINY))


class Cost:
    """What the three costs share: C, the average of C_x over the columns."""

    @classmethod
    def fn(cls, a, y):
        c = cls.example_cost(a, y)
        return float(c.sum() / (c.shape[1] if c.ndim == 2 else 1))


class QuadraticCost(Cost):
    """C_x = ||y - a||^2 / 2 with sigmoid outputs."""
    name = "quadratic"
    activation = Sigmoid

    @staticmethod
    def example_cost(a, y, log=safe_log):
        return 0.5 * (a - y) ** 2

    @staticmethod
    def delta(z, a, y):
        return (a - y) * sigmoid_prime(z)       # BP1: grad_a C (.) sigma'(z)


class CrossEntropyCost(Cost):
    """C_x = -sum_j [y_j ln a_j + (1 - y_j) ln(1 - a_j)] with sigmoid outputs."""
    name = "cross-entropy"
    activation = Sigmoid

    @staticmethod
    def example_cost(a, y, log=safe_log):
        return -(y * log(a) + (1 - y) * log(1 - a))

    @staticmethod
    def delta(z, a, y):
        # BP1 gives (a - y) / (a (1 - a)) * sigma'(z), and sigma'(z) = a (1 - a): it cancels.
        return a - y


class LogLikelihoodCost(Cost):
    """C_x = -ln a_y (the log-probability of the right class) with softmax outputs."""
    name = "log-likelihood"
    activation = Softmax

    @staticmethod
    def example_cost(a, y, log=safe_log):
        return -y * log(a)

    @staticmethod
    def delta(z, a, y):
        # Through the softmax Jacobian, -y/a becomes a - y (y one-hot): the same cancellation.
        return a - y


COSTS = {cost.name: cost for cost in (QuadraticCost, CrossEntropyCost, LogLikelihoodCost)}


def as_cost(cost, name="cost"):
    """A cost object from itself or its name ('quadratic', 'cross-entropy', 'log-likelihood')."""
    return by_name(cost, name, COSTS, ("fn", "delta", "example_cost"))
