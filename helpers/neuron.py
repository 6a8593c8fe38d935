"""One sigmoid neuron, z = w x + b, a = sigma(z), trained by plain gradient descent.

The smallest network there is, used to see why a saturated neuron learns
slowly under the quadratic cost and quickly under cross-entropy. It uses the
same cost objects as `helpers.network.Network`: the output error is
`cost.delta(z, a, y)` (BP1), so the factor sigma'(z) is kept by
QuadraticCost.delta and cancelled by CrossEntropyCost.delta in the very code
the network runs. Then dC/dw = delta * x (BP4) and dC/db = delta (BP3).

    >>> h = train_neuron(w0=2.0, b0=2.0, eta=0.15, epochs=300)
    >>> round(float(h.output[0]), 4), round(float(h.output[300]), 4)
    (0.982, 0.2028)

Several starts train at once: give w0 and/or b0 as arrays, and every field
of the history gains their (broadcast) shape after the epoch axis.
"""
from dataclasses import dataclass, replace

import numpy as np

from helpers.activations import Sigmoid
from helpers.costs import as_cost
from helpers.i18n import _
from helpers.validate import float_array, integer, positive, real

__all__ = ["train_neuron", "NeuronHistory", "example_cost", "sigmoid_cost", "FIELDS"]

FIELDS = ("w", "b", "z", "output", "cost", "dC_dw", "dC_db")


def sigmoid_cost(cost):
    """A cost object for a sigmoid output (or its name), or an error naming `cost`."""
    cost = as_cost(cost)
    if cost.activation is not Sigmoid:
        raise ValueError(f"cost must go with a sigmoid output (quadratic or cross-entropy); "
                         f"{getattr(cost, 'name', cost)!r} needs several softmax outputs")
    return cost


# ---- the cost of one example ------------------------------------------------

def example_cost(cost, a, y):
    """C_x for every entry of `a` at once: one example, one output neuron, elementwise."""
    return sigmoid_cost(cost).example_cost(float_array(a, "a"), real(y, "y"))


# ---- training ---------------------------------------------------------------

@dataclass
class NeuronHistory:
    """Everything about a training run, one row per epoch.

    Row t (t = 0 .. epochs) is the neuron after t steps of gradient descent:
    `w`, `b`, `z = w x + b`, `output = sigma(z)`, `cost` (of the example) and the
    gradient at that point, `dC_dw` and `dC_db`. So `output[0]` is the output
    before training, `output[-1]` after the last epoch, and `dC_dw[0]` the
    first gradient. Each field is a numpy array of shape (epochs + 1, *runs).
    `x`, `y`, `eta` and `cost_function` (the cost object) record the settings.
    """
    x: float
    y: float
    eta: float
    cost_function: type
    w: np.ndarray
    b: np.ndarray
    z: np.ndarray
    output: np.ndarray
    cost: np.ndarray
    dC_dw: np.ndarray
    dC_db: np.ndarray

    @property
    def epochs(self):
        return self.w.shape[0] - 1

    @property
    def epoch(self):
        """0, 1, ..., epochs: the x axis of every curve."""
        return np.arange(self.epochs + 1)

    def __repr__(self):
        runs = _(", runs {shape}").format(shape=self.w.shape[1:]) if self.w.ndim > 1 else ""
        return _("NeuronHistory({cost}, eta={eta:g}, {epochs} epochs{runs}: output {first} -> "
                 "{last})").format(cost=self.cost_function.name, eta=self.eta, epochs=self.epochs,
                                   runs=runs, first=np.round(self.output[0], 4),
                                   last=np.round(self.output[-1], 4))

    def upto(self, epochs):
        """The first `epochs` epochs of this run (rows 0 .. epochs), without recomputing."""
        epochs = integer(epochs, "epochs", low=0, high=self.epochs)
        return replace(self, **{name: getattr(self, name)[:epochs + 1] for name in FIELDS})

    def extended(self, epochs):
        """The same run carried on to `epochs` in total (the same numbers as a fresh run)."""
        epochs = integer(epochs, "epochs", low=0)
        if epochs <= self.epochs:
            return self.upto(epochs)
        w = self.w[-1] - self.eta * self.dC_dw[-1]
        b = self.b[-1] - self.eta * self.dC_db[-1]
        more = _train(self.x, self.y, w, b, self.eta, epochs - self.epochs - 1, self.cost_function)
        return replace(self, **{name: np.concatenate([getattr(self, name), getattr(more, name)])
                                for name in FIELDS})


def train_neuron(x=1.0, y=0.0, w0=0.6, b0=0.9, eta=0.15, epochs=300, cost="quadratic"):
    """Train one sigmoid neuron on the single example (x, y); return its NeuronHistory.

    x, y   -- the input and the target output (y between 0 and 1)
    w0, b0 -- the starting weight and bias (numbers, or arrays for several runs at once)
    eta    -- the learning rate (positive)
    epochs -- how many gradient-descent steps (at most 1,000,000)
    cost   -- QuadraticCost or CrossEntropyCost (or 'quadratic' / 'cross-entropy')
    """
    x, y, eta = real(x, "x", -1e6, 1e6), real(y, "y", 0.0, 1.0), positive(eta, "eta")
    epochs = integer(epochs, "epochs", low=0, high=1_000_000)
    w0, b0 = float_array(w0, "w0"), float_array(b0, "b0")
    for name, value in (("w0", w0), ("b0", b0)):
        if np.abs(value).max(initial=0.0) > 1e6:
            raise ValueError(f"{name} must lie between -1e6 and 1e6, got {value.tolist()!r}")
    try:                                  # arrays: several runs at once, one per entry
        w0, b0 = np.broadcast_arrays(w0, b0)
    except ValueError:
        raise ValueError(f"w0 and b0 must have matching shapes, got {w0.shape} and {b0.shape}") \
            from None
    # |delta| <= 1, so no step moves w or b by more than eta |x| or eta: bound the whole run.
    if eta * max(abs(x), 1.0) * (epochs + 1) > 1e12:
        raise ValueError(f"eta must be small enough that eta * max(|x|, 1) * epochs <= 1e12, "
                         f"got eta={eta:g}")
    return _train(x, y, w0.copy(), b0.copy(), eta, epochs, sigmoid_cost(cost))


def _train(x, y, w, b, eta, epochs, cost):
    """The gradient-descent loop: the NeuronHistory of rows 0 .. epochs."""
    ws = np.empty((epochs + 1,) + w.shape)
    bs = np.empty_like(ws)
    deltas = np.empty_like(ws)
    for t in range(epochs + 1):
        ws[t], bs[t] = w, b
        z = w * x + b
        delta = cost.delta(z, cost.activation.fn(z), y)    # dC/dz (BP1): sigma' kept or cancelled
        deltas[t] = delta
        w = w - eta * (delta * x)                          # dC/dw = delta * x  (BP4)
        b = b - eta * delta                                # dC/db = delta      (BP3)
    # The rest is elementwise, so it runs over all epochs at once.
    zs = ws * x + bs
    outputs = cost.activation.fn(zs)
    return NeuronHistory(x, y, eta, cost, ws, bs, zs, outputs, cost.example_cost(outputs, y),
                         deltas * x, deltas)
