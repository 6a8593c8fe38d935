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

from helpers.costs import as_cost
from helpers.gradcheck import GOOD, centred_differences, check_h
from helpers.i18n import _
from helpers.network import Network
from helpers.validate import float_array, instance

__all__ = ["OutputErrorCheck", "output_error_check", "Run", "train_each_cost", "misclassified",
           "one_blas_thread"]


@dataclass
class OutputErrorCheck:
    """delta from the cost object against dC_x/dz from centred differences, for one example.

    max_error -- |delta - numerical| / max(|delta|, |numerical|), with vector lengths
    ok        -- max_error <= 1e-7, the usual threshold for "correct" in float64
    """
    delta: np.ndarray
    numerical: np.ndarray
    max_error: float

    @property
    def ok(self):
        return self.max_error <= GOOD

    def __repr__(self):
        verdict = _("agree (relative error <= 1e-7)") if self.ok else _("DISAGREE")
        return _("OutputErrorCheck: cost.delta and the finite differences {verdict}").format(
            verdict=verdict)


def output_error_check(cost, z, y, h=1e-5):
    """Check cost.delta(z, a, y) = dC_x/dz for one example (z and y: vectors of the same length).

    C_x is cost.fn(cost.activation.fn(z), y); each entry z_j is moved by +-h and
    the centred difference [C(z_j + h) - C(z_j - h)] / 2h approximates dC_x/dz_j.
    """
    cost, h = as_cost(cost), check_h(h)
    z, y = _vector(z, "z"), _vector(y, "y")
    if y.shape != z.shape:
        raise ValueError(f"y must have the same length as z ({z.size}), got {y.size}")
    column, target = z.reshape(-1, 1).copy(), y.reshape(-1, 1)
    delta = cost.delta(column, cost.activation.fn(column), target).ravel()
    numerical = centred_differences(lambda: cost.fn(cost.activation.fn(column), target), [column],
                                    h)[0].ravel()
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

    @property
    def final_accuracy(self):
        return self.history["test_accuracy"][-1]


def train_each_cost(data, hidden=64, epochs=40, mini_batch_size=10, eta=0.5, seed=0,
                    costs=("quadratic", "cross-entropy", "log-likelihood"), progress=None):
    """Train Network([64, hidden, 10]) once per cost; return {cost name: Run}.

    Every run starts from the same weights (Network's `seed`) and sees the
    same mini-batches in the same order (sgd's `seed`), with the same eta and
    epochs: only the cost, and with it the output activation, differs. The
    history's training cost is the cost on all the training data after each epoch.

    data     -- a helpers.data.Digits (or anything with X_train, Y_train, X_test, y_test)
    progress -- optional progress(done, total, cost name), called after every epoch
    Network and its sgd check the other arguments.
    """
    costs = [as_cost(c, f"costs[{i}]") for i, c in enumerate(costs)]
    sizes = [data.X_train.shape[0], hidden, data.Y_train.shape[0]]
    runs = {}
    with one_blas_thread():
        for i, cost in enumerate(costs):
            net = Network(sizes, cost=cost, seed=seed)
            callback = None
            if progress is not None:
                def callback(epoch, _history, done=i * epochs, name=cost.name):
                    progress(done + epoch, len(costs) * epochs, name)
            history = net.sgd(data.X_train, data.Y_train, epochs, mini_batch_size, eta,
                              test=(data.X_test, data.y_test), seed=seed, callback=callback,
                              monitor_training_cost=True)
            runs[cost.name] = Run(net, history)
    return runs


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
    if labels.ndim != 1 or labels.dtype.kind not in "iu":
        raise ValueError(f"labels must be a 1-D array of integer classes, got shape {labels.shape}")
    predicted = net.feedforward(X).argmax(axis=0)
    if predicted.shape != labels.shape:
        raise ValueError(f"labels must have one entry per column of X ({predicted.size}), "
                         f"got {labels.size}")
    wrong = np.flatnonzero(predicted != labels)
    return wrong, predicted[wrong]
