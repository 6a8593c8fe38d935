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
import numpy as np

from helpers.activations import sigmoid
from helpers.costs import COSTS, _safe_log
from helpers.validate import _unchecked, float_array, integer, positive, real

__all__ = ["train_neuron", "NeuronHistory", "example_cost", "neuron_cost",
           "finite_difference_gradients"]

FIELDS = ("w", "b", "z", "output", "cost", "dC_dw", "dC_db")


# ---- input checking ---------------------------------------------------------

def _number_array(value, name):
    """A finite float array (a scalar gives a 0-d array) within +-1e6, or an error naming it."""
    arr = float_array(value, name)
    if np.abs(arr).max(initial=0.0) > 1e6:
        raise ValueError(f"{name} must lie between -1e6 and 1e6, got {value!r}")
    return arr


def _sigmoid_cost(cost):
    """A cost object for a sigmoid output (or its name), or an error naming `cost`."""
    if isinstance(cost, str):
        if cost not in COSTS:
            raise ValueError(f"cost must be 'quadratic' or 'cross-entropy' (or a cost object), "
                             f"got {cost!r}")
        cost = COSTS[cost]
    if not all(callable(getattr(cost, attr, None)) for attr in ("fn", "delta", "activation")):
        raise TypeError(f"cost must be a cost object such as QuadraticCost, got {cost!r}")
    if cost.activation is not sigmoid:
        raise ValueError(f"cost must go with a sigmoid output (quadratic or cross-entropy); "
                         f"{getattr(cost, 'name', cost)!r} needs several softmax outputs")
    return cost


# ---- the cost of one example ------------------------------------------------

def example_cost(cost, a, y):
    """C_x for every entry of `a` at once: one example, one output neuron, elementwise.

    `cost.fn` averages over the columns of a batch and returns one number;
    training a neuron needs the cost at every epoch (and for several runs),
    so this evaluates the same formula entry by entry, with the same guard
    against log(0). The tests check it against `cost.fn` entry by entry.
    """
    cost = _sigmoid_cost(cost)
    a, y = float_array(a, "a"), real(y, "y")
    if cost.name == "quadratic":
        return 0.5 * (a - y) ** 2
    if cost.name == "cross-entropy":
        return -(y * _safe_log(a) + (1 - y) * _safe_log(1 - a))
    # Any other sigmoid cost object: ask it one entry at a time (slower, always right).
    return np.vectorize(lambda ai: cost.fn(np.array([[ai]]), np.array([[y]])))(a)


def neuron_cost(w, b, x=1.0, y=0.0, cost="quadratic"):
    """The cost of the neuron with weight w and bias b on the example (x, y)."""
    cost = _sigmoid_cost(cost)
    w, b = _matching(_number_array(w, "w"), _number_array(b, "b"), "w", "b")
    x, y = real(x, "x"), real(y, "y")
    return example_cost(cost, cost.activation(w * x + b), y)


def _matching(w, b, w_name, b_name):
    """w and b broadcast to one shape (several runs at once), or a clear error."""
    try:
        return np.broadcast_arrays(w, b)
    except ValueError:
        raise ValueError(f"{w_name} and {b_name} must have matching shapes, "
                         f"got {w.shape} and {b.shape}") from None


def finite_difference_gradients(w, b, x=1.0, y=0.0, cost="quadratic", h=1e-5):
    """(dC/dw, dC/db) by centred differences, [C(p + h) - C(p - h)] / 2h, for checking."""
    h = positive(h, "h")
    w, b = _matching(_number_array(w, "w"), _number_array(b, "b"), "w", "b")
    dw = (neuron_cost(w + h, b, x, y, cost) - neuron_cost(w - h, b, x, y, cost)) / (2 * h)
    db = (neuron_cost(w, b + h, x, y, cost) - neuron_cost(w, b - h, x, y, cost)) / (2 * h)
    return dw, db


# ---- training ---------------------------------------------------------------

class NeuronHistory:
    """Everything about a training run, one row per epoch.

    Row t (t = 0 .. epochs) is the neuron after t steps of gradient descent:
    `w`, `b`, `z = w x + b`, `output = sigma(z)`, `cost` (of the example) and the
    gradient at that point, `dC_dw` and `dC_db`. So `output[0]` is the output
    before training, `output[-1]` after the last epoch, and `dC_dw[0]` the
    first gradient. Each field is a numpy array of shape (epochs + 1, *runs).
    `x`, `y`, `eta` and `cost_function` (the cost object) record the settings.
    """

    def __init__(self, x, y, eta, cost_function, **fields):
        self.x, self.y = real(x, "x"), real(y, "y")
        self.eta, self.cost_function = positive(eta, "eta"), _sigmoid_cost(cost_function)
        if set(fields) != set(FIELDS):
            raise TypeError(f"fields must be exactly {', '.join(FIELDS)}; got {', '.join(fields)}")
        shape = None
        for name in FIELDS:
            value = float_array(fields[name], name)
            if shape is None and value.ndim == 0:
                raise ValueError(f"{name} must have one row per epoch, got a single number")
            if shape is not None and value.shape != shape:
                raise ValueError(f"{name} must have the shape of w {shape}, got {value.shape}")
            shape = value.shape
            setattr(self, name, value)

    @property
    def epochs(self):
        return self.w.shape[0] - 1

    @property
    def epoch(self):
        """0, 1, ..., epochs: the x axis of every curve."""
        return np.arange(self.epochs + 1)

    def __repr__(self):
        runs = f", runs {self.w.shape[1:]}" if self.w.ndim > 1 else ""
        return (f"NeuronHistory({self.cost_function.name}, eta={self.eta:g}, {self.epochs} epochs{runs}: "
                f"output {np.round(self.output[0], 4)} -> {np.round(self.output[-1], 4)})")

    def upto(self, epochs):
        """The first `epochs` epochs of this run (rows 0 .. epochs), without recomputing."""
        epochs = _epochs(epochs)
        if epochs > self.epochs:
            raise ValueError(f"epochs must be at most {self.epochs} for this history, got {epochs}")
        return NeuronHistory(self.x, self.y, self.eta, self.cost_function,
                             **{name: getattr(self, name)[:epochs + 1] for name in FIELDS})

    def extended(self, epochs):
        """The same run carried on to `epochs` in total (the same numbers as a fresh run)."""
        epochs = _epochs(epochs)
        if epochs <= self.epochs:
            return self.upto(epochs)
        w = self.w[-1] - self.eta * self.dC_dw[-1]
        b = self.b[-1] - self.eta * self.dC_db[-1]
        more = _train(self.x, self.y, w, b, self.eta, epochs - self.epochs - 1, self.cost_function)
        return NeuronHistory(self.x, self.y, self.eta, self.cost_function,
                             **{name: np.concatenate([getattr(self, name), more[name]])
                                for name in FIELDS})


def _epochs(epochs):
    return integer(epochs, "epochs", low=0)


def train_neuron(x=1.0, y=0.0, w0=0.6, b0=0.9, eta=0.15, epochs=300, cost="quadratic"):
    """Train one sigmoid neuron on the single example (x, y); return its NeuronHistory.

    x, y   -- the input and the target output (y between 0 and 1)
    w0, b0 -- the starting weight and bias (numbers, or arrays for several runs at once)
    eta    -- the learning rate (positive)
    epochs -- how many gradient-descent steps
    cost   -- QuadraticCost or CrossEntropyCost (or 'quadratic' / 'cross-entropy')
    """
    x, y, eta = real(x, "x", -1e6, 1e6), real(y, "y"), positive(eta, "eta")
    if not 0.0 <= y <= 1.0:
        raise ValueError(f"y must lie between 0 and 1 (a sigmoid output), got {y}")
    epochs = _epochs(epochs)
    if epochs > 1_000_000:
        raise ValueError(f"epochs must be at most 1,000,000, got {epochs}")
    w0, b0 = _matching(_number_array(w0, "w0"), _number_array(b0, "b0"), "w0", "b0")
    # |delta| <= 1, so no step moves w or b by more than eta |x| or eta: bound the whole run.
    if eta * max(abs(x), 1.0) * (epochs + 1) > 1e12:
        raise ValueError(f"eta must be small enough that eta * max(|x|, 1) * epochs <= 1e12, "
                         f"got eta={eta:g}")
    cost = _sigmoid_cost(cost)
    fields = _train(x, y, w0.copy(), b0.copy(), eta, epochs, cost)
    return NeuronHistory(x, y, eta, cost, **fields)


def _train(x, y, w, b, eta, epochs, cost):
    """The gradient-descent loop; returns the fields of rows 0 .. epochs."""
    ws = np.empty((epochs + 1,) + w.shape)
    bs = np.empty_like(ws)
    deltas = np.empty_like(ws)
    # The formulas without their argument checks: every number here is checked already.
    activation, output_error = _unchecked(cost.activation), _unchecked(cost.delta)
    with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
        for t in range(epochs + 1):
            ws[t], bs[t] = w, b
            z = w * x + b
            delta = output_error(z, activation(z), y)      # dC/dz (BP1): sigma' kept or cancelled
            deltas[t] = delta
            w = w - eta * (delta * x)                      # dC/dw = delta * x  (BP4)
            b = b - eta * delta                            # dC/db = delta      (BP3)
        # The rest is elementwise, so it runs over all epochs at once.
        zs = ws * x + bs
        outputs = activation(zs)
        return {"w": ws, "b": bs, "z": zs, "output": outputs,
                "cost": example_cost(cost, outputs, y),
                "dC_dw": deltas * x, "dC_db": deltas}
