"""Checks for the exercises on backpropagation's four equations (notebook 05)."""
import numpy as np

from helpers.activations import sigmoid, sigmoid_prime
from helpers.checks import check_close
from helpers.validate import float_array, positive_int, real

__all__ = ["check_output_delta", "check_hidden_delta", "check_forward_passes"]


def _number(answer):
    """A one-element numpy result (sigmoid(1.0) is a 0-d array) as a float; else unchanged."""
    if isinstance(answer, np.ndarray) and answer.size == 1 and np.issubdtype(answer.dtype, np.number):
        return float(answer.reshape(()))
    return answer


def check_output_delta(delta, z=1.0, y=0.0):
    """BP1 for one sigmoid output neuron under the quadratic cost: delta = (a - y) sigma'(z)."""
    z, y = real(z, "z"), real(y, "y")
    delta = _number(delta)
    a, sp = float(sigmoid(z)), float(sigmoid_prime(z))
    return check_close(
        delta, (a - y) * sp, f"delta of the output neuron at z = {z:g}, y = {y:g}",
        "BP1: delta = dC/da * sigma'(z), with dC/da = a - y for the quadratic cost "
        "and sigma'(z) = a (1 - a).", tol=1e-3,
        mistakes={a - y: "that is dC/da = a - y: BP1 multiplies it by sigma'(z) as well.",
                  sp: "that is sigma'(z) alone: multiply it by dC/da = a - y.",
                  (y - a) * sp: "the sign: dC/da is a - y (the output minus the target).",
                  (a - y) * a: "multiply by the slope sigma'(z) = a (1 - a), not by a."})


def check_hidden_delta(delta, w=(2.0, -1.0), delta_next=(0.1, 0.3), z=0.0):
    """BP2 for one hidden neuron feeding two output neurons through weights w."""
    w, z = float_array(w, "w", shape=(2,)), real(z, "z")
    delta_next = float_array(delta_next, "delta_next", shape=(2,))
    delta = _number(delta)
    total = sum(wk * dk for wk, dk in zip(w, delta_next))
    sp = float(sigmoid_prime(z))
    return check_close(
        delta, total * sp, f"delta of the hidden neuron (z = {z:g})",
        "BP2: add w_k * delta_k over every neuron k the hidden neuron feeds (one path each), "
        "then multiply by sigma'(z).", tol=1e-3,
        mistakes={total: "that is the sum over the paths, before the factor sigma'(z).",
                  w[0] * delta_next[0] * sp: "that follows only the first path: add the second.",
                  w[1] * delta_next[1] * sp: "that follows only the second path: add the first.",
                  total * float(sigmoid(z)): "multiply by the slope sigma'(z), not by sigma(z)."})


def check_forward_passes(n_evaluations, sizes=(784, 30, 10)):
    """How many cost evaluations centred differences need for every parameter of `sizes`."""
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, (tuple, list)) or len(sizes) < 2:
        raise (ValueError if isinstance(sizes, (tuple, list)) else TypeError)(
            f"sizes must be a list of at least 2 layer sizes such as (784, 30, 10), got {sizes!r}")
    sizes = [positive_int(n, f"sizes[{i}]") for i, n in enumerate(sizes)]
    n_evaluations = _number(n_evaluations)
    weights = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
    biases = sum(sizes[1:])
    n = weights + biases
    return check_close(
        n_evaluations, 2 * n, f"the cost evaluations for a {'-'.join(map(str, sizes))} network",
        "count the parameters (every weight and every bias), and a centred difference "
        "evaluates the cost twice for each.", tol=1e-9,
        mistakes={n: f"{n} is the number of parameters: a centred difference needs two "
                     "evaluations per parameter, at p + h and p - h.",
                  2 * weights: "the biases are parameters too.",
                  n + 1: "that is a one-sided difference (one base evaluation plus one per "
                         "parameter); the centred difference needs two per parameter."})
