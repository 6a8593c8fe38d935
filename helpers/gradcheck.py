"""Gradient checking: backprop's gradients against centred finite differences.

For every parameter p of a Network, the centred difference

    (C(p + h) - C(p - h)) / (2 h)

approximates dC/dp with an error of order h^2 (plus rounding of order
eps * |C| / h), so with h = 1e-5 in float64 it agrees with a correct
backprop to about 1e-9 or better. The comparison uses the relative error in
common use, |a - b| / max(|a|, |b|), entry by entry, and reads it with the
usual thresholds: at most 1e-7 is correct, above 1e-2 is wrong, in between
deserves a closer look (a kink, a tiny gradient, or a subtle bug).

`planted_bug(net, kind)` returns a deliberately broken backprop, so a
notebook can show the check catching it.
"""
import numpy as np

from helpers.activations import sigmoid_prime
from helpers.network import Network, as_batch, as_targets
from helpers.validate import (choice, float_array, function, instance, positive, positive_int,
                              real)

__all__ = ["numerical_gradient", "relative_error", "verdict", "gradient_check", "GradCheck",
           "planted_bug", "BUGS", "GOOD", "BAD", "DEFAULT_H"]

GOOD = 1e-7          # relative error at or below this: the gradient is right
BAD = 1e-2           # above this: the gradient is wrong
DEFAULT_H = 1e-5
_TINY = np.finfo(float).tiny        # only keeps 0 / 0 from happening


def _check_net(net):
    instance(net, "net", Network)


def _check_h(h):
    """The step of a finite difference: a number strictly between 0 and 1."""
    h = real(h, "h")
    if not 0 < h < 1:
        raise ValueError(f"h must be a small positive step such as 1e-5, got {h!r}")
    return h


def numerical_gradient(net, X, Y, h=DEFAULT_H):
    """Centred finite differences of net.cost_value(X, Y) for every parameter.

    Returns (nabla_b, nabla_w) shaped like net.biases and net.weights. Costs
    2 forward passes per parameter; the parameters are restored exactly.
    """
    _check_net(net)
    h = _check_h(h)
    X = as_batch(X, net.sizes[0], "X")
    Y = as_targets(Y, net.sizes[-1], X.shape[1], "Y")

    def differences(arrays):
        grads = []
        for array in arrays:
            grad = np.zeros_like(array)
            for idx in np.ndindex(array.shape):
                old = array[idx]
                array[idx] = old + h
                plus = net.cost_value(X, Y)
                array[idx] = old - h
                minus = net.cost_value(X, Y)
                array[idx] = old                     # put it back exactly
                grad[idx] = (plus - minus) / (2 * h)
            grads.append(grad)
        return grads

    return differences(net.biases), differences(net.weights)


def relative_error(a, b, tiny=_TINY):
    """|a - b| / max(|a|, |b|, tiny), entry by entry (0 where both are 0)."""
    a, b = float_array(a, "a"), float_array(b, "b")
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape, got {a.shape} and {b.shape}")
    return _relative_error(a, b, positive(tiny, "tiny"))


def _relative_error(a, b, tiny=_TINY):
    """relative_error without the checks: a NaN gradient gives a NaN error ("wrong")."""
    return np.abs(a - b) / np.maximum(np.maximum(np.abs(a), np.abs(b)), tiny)


def verdict(error):
    """'correct', 'suspect' or 'wrong' for a relative error, by the usual thresholds.

    A NaN error (from a NaN gradient) is "wrong"; a negative one is refused.
    """
    error = float_array(error, "error", ndim=0, finite=False)
    if error < 0:
        raise ValueError(f"error must be a relative error, 0 or more, got {float(error):g}")
    if not np.isfinite(error) or error > BAD:
        return "wrong"
    return "correct" if error <= GOOD else "suspect"


class GradCheck:
    """The result of a gradient check.

    max_error -- the largest entry-by-entry relative error over all parameters
    worst     -- where it occurs, e.g. "weights[0][2, 1]"
    verdict   -- "correct" (<= 1e-7), "suspect" (<= 1e-2) or "wrong"
    ok        -- verdict == "correct"
    errors    -- {"weights[0]": array of relative errors, "biases[0]": ..., ...}
    backprop, numerical -- the two gradients compared, as (nabla_b, nabla_w)
    evaluations -- how many cost evaluations the finite differences took
    """

    def __init__(self, backprop, numerical, evaluations):
        backprop = _gradient_pair(backprop, "backprop", finite=False)    # what is being checked
        numerical = _gradient_pair(numerical, "numerical")
        shapes = [[g.shape for g in part] for part in (*numerical, *backprop)]
        if shapes[:2] != shapes[2:]:
            raise ValueError(f"numerical must have the shapes of backprop, got {shapes[:2]} "
                             f"and {shapes[2:]}")
        self.backprop, self.numerical = backprop, numerical
        self.evaluations = positive_int(evaluations, "evaluations")
        self.errors = {}
        for name, k in (("biases", 0), ("weights", 1)):
            for i, (a, b) in enumerate(zip(backprop[k], numerical[k])):
                self.errors[f"{name}[{i}]"] = _relative_error(a, b)
        name, errs = max(self.errors.items(), key=lambda kv: np.max(kv[1]))
        idx = np.unravel_index(np.argmax(errs), errs.shape)
        self.max_error = float(errs[idx])
        self.worst = f"{name}[{', '.join(str(int(i)) for i in idx)}]"
        self.verdict = verdict(self.max_error)
        self.ok = self.verdict == "correct"

    def __bool__(self):
        return self.ok

    def __repr__(self):
        rule = {"correct": "<= 1e-7", "suspect": "between 1e-7 and 1e-2",
                "wrong": "> 1e-2"}[self.verdict]
        return (f"Gradient check: largest relative error {self.max_error:.1e} at {self.worst} "
                f"({rule}): {self.verdict}")


def _gradient_pair(pair, name, finite=True):
    """(nabla_b, nabla_w): two equally long lists of float arrays."""
    if not isinstance(pair, (tuple, list)) or len(pair) != 2 or not all(
            isinstance(part, (tuple, list)) for part in pair):
        raise TypeError(f"{name} must be a pair (nabla_b, nabla_w) of lists of arrays, "
                        f"got {type(pair).__name__}")
    if len(pair[0]) != len(pair[1]) or not pair[0]:
        raise ValueError(f"{name} must hold as many nabla_b as nabla_w arrays (one per layer), "
                         f"got {len(pair[0])} and {len(pair[1])}")
    return tuple([float_array(g, f"{name}[{k}][{i}]", finite=finite) for i, g in enumerate(part)]
                 for k, part in enumerate(pair))


def gradient_check(net, X, Y, backprop=None, h=DEFAULT_H):
    """Compare a backprop (default: net.backprop) with finite differences on (X, Y).

    backprop -- a function (X, Y) -> (nabla_b, nabla_w), e.g. from planted_bug
    """
    _check_net(net)
    if backprop is None:
        backprop = net.backprop
    function(backprop, "backprop")
    X = as_batch(X, net.sizes[0], "X")
    Y = as_targets(Y, net.sizes[-1], X.shape[1], "Y")
    analytic = backprop(X, Y)
    for name, got, want in (("nabla_b", analytic[0], net.biases),
                            ("nabla_w", analytic[1], net.weights)):
        if [np.shape(g) for g in got] != [w.shape for w in want]:
            raise ValueError(f"backprop returned {name} with shapes {[np.shape(g) for g in got]}, "
                             f"expected {[w.shape for w in want]}")
    numerical = numerical_gradient(net, X, Y, h)
    return GradCheck(analytic, numerical, 2 * net.n_params)


# ---- planted bugs -----------------------------------------------------------

BUGS = {
    "missing sigma'": "BP2 without the factor sigma'(z^l)",
    "untransposed weight": "BP2 with w^(l+1) where its transpose belongs (needs a square weight)",
    "sum instead of mean": "BP3 and BP4 add the examples' gradients but forget to divide by m",
    "output sigma' dropped": "BP1 as a - y, as if the cost were cross-entropy, "
                             "while the cost is quadratic",
}


def planted_bug(net, kind="missing sigma'"):
    """A backprop for `net` with one deliberate mistake (see BUGS for the kinds).

    Returns a function (X, Y) -> (nabla_b, nabla_w) with the right shapes and
    the wrong numbers, for gradient_check(net, X, Y, backprop=...).
    """
    _check_net(net)
    choice(kind, "kind", sorted(BUGS))
    if kind == "untransposed weight" and not any(w.shape[0] == w.shape[1] for w in net.weights[1:]):
        raise ValueError("kind 'untransposed weight' needs a square weight matrix after the first "
                         f"layer (e.g. sizes [2, 3, 3, 2]); this network has sizes {net.sizes}")
    if kind == "output sigma' dropped" and getattr(net.cost, "name", "") != "quadratic":
        raise ValueError("kind \"output sigma' dropped\" is only a bug with the quadratic cost "
                         f"(for {getattr(net.cost, 'name', net.cost)} it is the right formula)")

    def buggy_backprop(X, Y):
        X = as_batch(X, net.sizes[0], "X")
        Y = as_targets(Y, net.sizes[-1], X.shape[1], "Y")
        m = 1 if kind == "sum instead of mean" else X.shape[1]
        zs, activations = net.forward(X)
        nabla_b, nabla_w = [None] * len(net.biases), [None] * len(net.weights)
        if kind == "output sigma' dropped":
            delta = activations[-1] - Y                                         # BP1, wrong
        else:
            delta = net.cost.delta(zs[-1], activations[-1], Y)                  # BP1
        nabla_b[-1] = delta.sum(axis=1, keepdims=True) / m                      # BP3
        nabla_w[-1] = (delta / m) @ activations[-2].T                           # BP4
        for l in range(2, net.num_layers):
            w = net.weights[-l + 1]
            if kind == "untransposed weight" and w.shape[0] == w.shape[1]:
                back = w @ delta                                                # should be w.T
            else:
                back = w.T @ delta
            if kind == "missing sigma'":
                delta = back                                                    # BP2 without sigma'
            else:
                delta = back * sigmoid_prime(zs[-l])                            # BP2
            nabla_b[-l] = delta.sum(axis=1, keepdims=True) / m                  # BP3
            nabla_w[-l] = (delta / m) @ activations[-l - 1].T                   # BP4
        return nabla_b, nabla_w

    buggy_backprop.__name__ = f"backprop_with_{kind.replace(' ', '_').replace(chr(39), '')}"
    buggy_backprop.__doc__ = f"A broken backprop: {BUGS[kind]}."
    return buggy_backprop
