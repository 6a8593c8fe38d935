"""Training a real network with each cost, and checking the output error numerically.

`output_error_check` compares a cost object's `delta(z, a, y)` (BP1) with
centred finite differences of its cost through its own output activation, so
it checks, for softmax with log-likelihood, that delta^L = a^L - y. (Whole
networks are checked by `helpers.gradcheck.gradient_check`.)

`train_each_cost` trains one `Network` per cost from the same initial
weights on the same mini-batches, for a fair comparison.
"""
from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits

from helpers.gradcheck import _check_h
from helpers.network import Network, _as_cost
from helpers.validate import (float_array, function, instance, integer, positive, positive_int,
                              real)

__all__ = ["OutputErrorCheck", "output_error_check", "Run", "train_each_cost", "misclassified", "one_blas_thread"]


@dataclass
class OutputErrorCheck:
    """delta from the cost object against dC_x/dz from centred differences, for one example.

    max_error -- |delta - numerical| / max(|delta|, |numerical|), with vector lengths
    ok        -- max_error <= 1e-7, the usual threshold for "correct" in float64
    """
    delta: np.ndarray
    numerical: np.ndarray
    max_error: float

    def __post_init__(self):
        delta = float_array(self.delta, "delta", ndim=1)
        float_array(self.numerical, "numerical", shape=delta.shape)
        real(self.max_error, "max_error", low=0.0)

    @property
    def ok(self):
        return self.max_error <= 1e-7

    def __repr__(self):
        verdict = "agree (relative error <= 1e-7)" if self.ok else "DISAGREE"
        return f"OutputErrorCheck: cost.delta and the finite differences {verdict}"


def output_error_check(cost, z, y, h=1e-5):
    """Check cost.delta(z, a, y) = dC_x/dz for one example (z and y: vectors of the same length).

    C_x is cost.fn(cost.activation(z), y); each entry z_j is moved by +-h and
    the centred difference [C(z_j + h) - C(z_j - h)] / 2h approximates dC_x/dz_j.
    """
    cost = _as_cost(cost)
    z = _vector(z, "z")
    y = _vector(y, "y")
    if y.shape != z.shape:
        raise ValueError(f"y must have the same length as z ({z.size}), got {y.size}")
    h = _check_h(h)
    column = z.reshape(-1, 1)
    target = y.reshape(-1, 1)
    delta = cost.delta(column, cost.activation(column), target).ravel()
    numerical = np.empty_like(z)
    for j in range(z.size):
        step = np.zeros_like(column)
        step[j] = h
        plus = cost.fn(cost.activation(column + step), target)
        minus = cost.fn(cost.activation(column - step), target)
        numerical[j] = (plus - minus) / (2 * h)
    # One relative error for the whole vector, |delta - numerical| / max(|delta|, |numerical|)
    # with Euclidean lengths: an entry that is tiny in both (a class with probability 1e-5)
    # then cannot blow up the error through rounding alone.
    scale = max(np.linalg.norm(delta), np.linalg.norm(numerical))
    error = float(np.linalg.norm(delta - numerical) / scale) if scale else 0.0
    return OutputErrorCheck(delta, numerical, error)


def _vector(x, name):
    """One example as a non-empty vector (a single row or column is flattened)."""
    arr = float_array(x, name)
    if arr.ndim == 2 and 1 in arr.shape:
        arr = arr.ravel()
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{name} must be a non-empty vector (one example), got shape {arr.shape}")
    return arr


@dataclass
class Run:
    """One trained network and its per-epoch history (see Network.sgd)."""
    network: Network
    history: dict

    def __post_init__(self):
        instance(self.network, "network", Network)
        instance(self.history, "history", dict)
        if not {"epoch", "train_cost"} <= set(self.history):
            raise ValueError(f"history must have 'epoch' and 'train_cost' (see Network.sgd), "
                             f"got {sorted(self.history)}")
        epochs = len(self.history["epoch"])
        for key, values in self.history.items():
            values = float_array(values, f"history[{key!r}]", ndim=1)
            if len(values) != epochs:
                raise ValueError(f"history[{key!r}] must have one entry per epoch ({epochs}), "
                                 f"got {len(values)}")

    @property
    def final_accuracy(self):
        return self.history["test_accuracy"][-1]


def train_each_cost(data, hidden=64, epochs=40, mini_batch_size=10, eta=0.5, seed=0,
                    costs=("quadratic", "cross-entropy", "log-likelihood"), progress=None):
    """Train Network([64, hidden, 10]) once per cost; return {cost name: Run}.

    Every run starts from the same weights (Network's `seed`) and sees the
    same mini-batches in the same order (sgd's `seed`), with the same eta and
    epochs: only the cost, and with it the output activation, differs.

    data     -- a helpers.data.Digits (or anything with X_train, Y_train, X_test, y_test)
    progress -- optional progress(done, total, cost name), called after every epoch
    """
    for name in ("X_train", "Y_train", "X_test", "y_test"):
        if not hasattr(data, name):
            raise TypeError(f"data must have {name} (e.g. helpers.data.load_digits()), "
                            f"got {type(data).__name__}")
    hidden = positive_int(hidden, "hidden")
    epochs, eta = integer(epochs, "epochs", low=0), positive(eta, "eta")
    mini_batch_size = positive_int(mini_batch_size, "mini_batch_size")
    seed = integer(seed, "seed", low=0)
    if progress is not None:
        function(progress, "progress")
    if isinstance(costs, (str, bytes)) or not isinstance(costs, (list, tuple)):
        raise TypeError(f"costs must be a list of costs such as ('quadratic', 'cross-entropy'), "
                        f"got {costs!r}")
    costs = [_as_cost(c) for c in costs]
    if not costs:
        raise ValueError("costs must name at least one cost")
    sizes = [data.X_train.shape[0], int(hidden), data.Y_train.shape[0]]
    total = len(costs) * epochs
    runs = {}
    with one_blas_thread():
        for i, cost in enumerate(costs):
            runs[cost.name] = _train_one(data, sizes, cost, epochs, mini_batch_size, eta, seed,
                                         progress, done=i * epochs, total=total)
    return runs


def _train_one(data, sizes, cost, epochs, mini_batch_size, eta, seed, progress, done, total):
    net = Network(sizes, cost=cost, seed=seed)
    callback = None
    if progress is not None:
        def callback(epoch, _history):
            progress(done + epoch, total, cost.name)
    history = net.sgd(data.X_train, data.Y_train, epochs, mini_batch_size, eta,
                      test=(data.X_test, data.y_test), seed=seed, callback=callback)
    return Run(net, history)


def one_blas_thread():
    """A context in which BLAS uses one thread.

    The matrices here are small (64 x 64 by 64 x 10): a second BLAS thread gains
    nothing and, on a machine whose cores are shared, makes the run several
    times slower at random (measured: 2 s or 7 s for the same run).
    """
    return threadpool_limits(limits=1, user_api="blas")


def misclassified(net, X, labels):
    """(indices, predicted) of the columns of X whose largest output is not the label."""
    instance(net, "net", Network)
    labels = np.asarray(labels)
    if labels.ndim != 1 or not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(f"labels must be a 1-D array of integer classes, got shape {labels.shape}")
    predicted = net.feedforward(X).argmax(axis=0)
    if predicted.shape != labels.shape:
        raise ValueError(f"labels must have one entry per column of X ({predicted.size}), "
                         f"got {labels.size}")
    wrong = np.flatnonzero(predicted != labels)
    return wrong, predicted[wrong]
