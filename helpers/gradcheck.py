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
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from helpers.i18n import _, N_
from helpers.network import Network, forward
from helpers.validate import choice, function, instance, real

__all__ = ["centred_differences", "numerical_gradient", "relative_error", "verdict",
           "gradient_check", "GradCheck",
           "planted_bug", "BUGS", "BUG_IDS", "VERDICTS", "GOOD", "BAD", "DEFAULT_H", "check_h"]

GOOD = 1e-7          # relative error at or below this: the gradient is right
BAD = 1e-2           # above this: the gradient is wrong
DEFAULT_H = 1e-5
_TINY = np.finfo(float).tiny        # only keeps 0 / 0 from happening


def check_h(h):
    """The step of a finite difference: a number strictly between 0 and 1."""
    h = real(h, "h")
    if not 0 < h < 1:
        raise ValueError(f"h must be a small positive step such as 1e-5, got {h!r}")
    return h


def centred_differences(cost, arrays, h=DEFAULT_H):
    """[C(p + h) - C(p - h)] / 2h for every entry p of every array in `arrays`.

    cost -- a function of no arguments that reads the arrays, C = cost()
    Each entry is moved in place and put back exactly.
    """
    grads = []
    for array in arrays:
        grad = np.zeros_like(array)
        for idx in np.ndindex(array.shape):
            old = array[idx]
            array[idx] = old + h
            plus = cost()
            array[idx] = old - h
            minus = cost()
            array[idx] = old
            grad[idx] = (plus - minus) / (2 * h)
        grads.append(grad)
    return grads


def numerical_gradient(net, X, Y, h=DEFAULT_H):
    """Centred finite differences of net.cost_value(X, Y) for every parameter.

    Returns (nabla_b, nabla_w) shaped like net.biases and net.weights. Costs
    2 forward passes per parameter; the parameters are restored exactly.
    """
    instance(net, "net", Network)
    h = check_h(h)
    X, Y = net.check_batch(X, Y)

    def cost():
        return net.cost.fn(forward(net.weights, net.biases, X, net.cost, net.activation)[1][-1], Y)

    return centred_differences(cost, net.biases, h), centred_differences(cost, net.weights, h)


def relative_error(a, b):
    """|a - b| / max(|a|, |b|), entry by entry (0 where both are 0; NaN for a NaN gradient)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.abs(a - b) / np.maximum(np.maximum(np.abs(a), np.abs(b)), _TINY)


# The verdicts: the code compares the English word, a learner reads VERDICTS[word] translated.
VERDICTS = {"correct": N_("correct"), "suspect": N_("suspect"), "wrong": N_("wrong")}


def verdict(error):
    """'correct', 'suspect' or 'wrong' for a relative error by the usual thresholds (NaN: wrong)."""
    if not error <= BAD:
        return "wrong"
    return "correct" if error <= GOOD else "suspect"


@dataclass
class GradCheck:
    """The result of a gradient check.

    max_error -- the largest entry-by-entry relative error over all parameters
    worst     -- where it occurs, e.g. "weights[0][2, 1]"
    verdict   -- "correct" (<= 1e-7), "suspect" (<= 1e-2) or "wrong"; ok: verdict == "correct"
    errors    -- {"weights[0]": array of relative errors, "biases[0]": ..., ...}
    backprop, numerical -- the two gradients compared, as (nabla_b, nabla_w)
    evaluations -- how many cost evaluations the finite differences took
    """
    backprop: tuple
    numerical: tuple
    evaluations: int
    errors: dict
    max_error: float
    worst: str
    verdict: str

    @property
    def ok(self):
        return self.verdict == "correct"

    def __bool__(self):
        return self.ok

    @property
    def shown_verdict(self):
        """The verdict in the learner's language (verdict itself stays the English word)."""
        return _(VERDICTS[self.verdict])

    def __repr__(self):
        rule = {"correct": "<= 1e-7", "suspect": _("between 1e-7 and 1e-2"),
                "wrong": "> 1e-2"}[self.verdict]
        return _("Gradient check: largest relative error {error:.1e} at {worst} ({rule}): "
                 "{verdict}").format(error=self.max_error, worst=self.worst, rule=rule,
                                     verdict=self.shown_verdict)


def gradient_check(net, X, Y, backprop=None, h=DEFAULT_H):
    """Compare a backprop (default: net.backprop) with finite differences on (X, Y).

    backprop -- a function (X, Y) -> (nabla_b, nabla_w), e.g. from planted_bug
    """
    instance(net, "net", Network)
    backprop = function(net.backprop if backprop is None else backprop, "backprop")
    X, Y = net.check_batch(X, Y)
    analytic = backprop(X, Y)
    for name, got, want in (("nabla_b", analytic[0], net.biases),
                            ("nabla_w", analytic[1], net.weights)):
        if [np.shape(g) for g in got] != [w.shape for w in want]:
            raise ValueError(f"backprop returned {name} with shapes {[np.shape(g) for g in got]}, "
                             f"expected {[w.shape for w in want]}")
    numerical = numerical_gradient(net, X, Y, h)
    errors = {f"{name}[{i}]": relative_error(a, b) for k, name in enumerate(("biases", "weights"))
              for i, (a, b) in enumerate(zip(analytic[k], numerical[k]))}
    name, errs = max(errors.items(), key=lambda kv: np.max(kv[1]))
    idx = np.unravel_index(np.argmax(errs), errs.shape)
    max_error = float(errs[idx])
    return GradCheck(analytic, numerical, 2 * net.n_params, errors, max_error,
                     f"{name}[{', '.join(str(int(i)) for i in idx)}]", verdict(max_error))


# ---- planted bugs -----------------------------------------------------------

class Described(Mapping):
    """{kind: description}: the kinds are names the code passes around (planted_bug's `kind`),
    the descriptions come out in the learner's language whenever they are read."""

    def __init__(self, descriptions):
        self._descriptions = dict(descriptions)

    def __getitem__(self, kind):
        return _(self._descriptions[kind])

    def __iter__(self):
        return iter(self._descriptions)

    def __len__(self):
        return len(self._descriptions)

    def __repr__(self):
        return repr(dict(self.items()))


BUGS = Described({
    "missing sigma'": N_("BP2 without the factor sigma'(z^l)"),
    "untransposed weight": N_("BP2 with w^(l+1) where its transpose belongs (needs a square weight)"),
    "sum instead of mean": N_("BP3 and BP4 add the examples' gradients but forget to divide by m"),
    "output sigma' dropped": N_("BP1 as a - y, as if the cost were cross-entropy, "
                                "while the cost is quadratic"),
})


# Each kind also by an identifier ("missing_sigma" for "missing sigma'"), for code that names one.
BUG_IDS = {kind.replace(" ", "_").replace("'", ""): kind for kind in BUGS}


def planted_bug(net, kind="missing sigma'"):
    """A backprop for `net` with one deliberate mistake (see BUGS for the kinds; BUG_IDS
    lists the same kinds as identifiers, "missing_sigma", which are accepted too).

    Returns a function (X, Y) -> (nabla_b, nabla_w) with the right shapes and
    the wrong numbers, for gradient_check(net, X, Y, backprop=...).
    """
    instance(net, "net", Network)
    kind = BUG_IDS.get(kind, kind) if isinstance(kind, str) else kind
    choice(kind, "kind", sorted(BUGS))
    if kind == "untransposed weight" and not any(w.shape[0] == w.shape[1] for w in net.weights[1:]):
        raise ValueError("kind 'untransposed weight' needs a square weight matrix after the first "
                         f"layer (e.g. sizes [2, 3, 3, 2]); this network has sizes {net.sizes}")
    if kind == "output sigma' dropped" and getattr(net.cost, "name", "") != "quadratic":
        raise ValueError("kind \"output sigma' dropped\" is only a bug with the quadratic cost "
                         f"(for {getattr(net.cost, 'name', net.cost)} it is the right formula)")

    def buggy_backprop(X, Y):
        x, y = net.check_batch(X, Y)
        weights, cost, activation = net.weights, net.cost, net.activation
        zs, activations = forward(weights, net.biases, x, cost, activation)
        m = 1 if kind == "sum instead of mean" else x.shape[1]
        L = len(weights)
        nabla_b, nabla_w = [None] * L, [None] * L
        if kind == "output sigma' dropped":
            delta = activations[L] - y                                          # BP1, wrong
        else:
            delta = cost.delta(zs[L - 1], activations[L], y)                    # BP1
        for l in range(L - 1, -1, -1):
            if l < L - 1:
                w = weights[l + 1]
                square = w.shape[0] == w.shape[1]
                back = w @ delta if kind == "untransposed weight" and square else w.T @ delta
                slope = 1.0 if kind == "missing sigma'" else activation.prime(zs[l])
                delta = back * slope                                            # BP2
            nabla_b[l] = delta.sum(axis=1, keepdims=True) / m                   # BP3
            nabla_w[l] = delta @ activations[l].T / m                           # BP4
        return nabla_b, nabla_w

    buggy_backprop.__name__ = f"backprop_with_{kind.replace(' ', '_').replace(chr(39), '')}"
    buggy_backprop.__doc__ = f"A broken backprop: {BUGS[kind]}."
    return buggy_backprop
