"""A feedforward network trained by backpropagation, one mini-batch per matrix.

Names and layout follow Nielsen's book, so the two can be read side by side:
`weights[l]` has shape (n_l, n_(l-1)) and maps one layer to the next,
`biases[l]` has shape (n_l, 1), and `l = 0` is the first layer after the input.

A batch of m examples is a matrix with ONE COLUMN PER EXAMPLE: x has shape
(n_in, m) and y has shape (n_out, m). Every layer then runs as one matrix
product, z = w a + b (the bias column broadcasts across the columns).

`forward` and `backprop` are the formulas, plain numpy on checked data.
`Network` holds the parameters and checks what a notebook passes in, once.

    >>> net = Network([2, 3, 2], seed=0)
    >>> x = np.array([[0.5, -1.0], [1.0, 0.25]])      # two examples, as columns
    >>> nabla_b, nabla_w = net.backprop(x, [0, 1])
    >>> [g.shape for g in nabla_w]
    [(3, 2), (2, 3)]
"""
import numpy as np

from helpers.activations import Sigmoid, as_activation
from helpers.costs import QuadraticCost, as_cost
from helpers.validate import float_array, function, instance, integer, positive, positive_int

__all__ = ["forward", "backprop", "Network", "one_hot", "as_batch", "as_targets"]


# ---- the formulas -------------------------------------------------------------

def forward(weights, biases, x, cost=QuadraticCost, activation=Sigmoid):
    """Every layer's z and activation for the examples in the columns of x: (zs, activations).

    zs[l] = weights[l] @ activations[l] + biases[l]; activations[0] is x.
    Hidden layers use `activation`, the output layer the cost's own.
    """
    zs, activations = [], [x]
    for l, (w, b) in enumerate(zip(weights, biases)):
        zs.append(w @ activations[l] + b)
        output = cost.activation if l == len(weights) - 1 else activation
        activations.append(output.fn(zs[l]))
    return zs, activations


def backprop(weights, biases, x, y, cost=QuadraticCost, activation=Sigmoid, costs=None):
    """The gradient of the cost on the mini-batch (x, y): (nabla_b, nabla_w).

    nabla_b[l] and nabla_w[l] have the shapes of biases[l] and weights[l]. The
    m examples (columns) move through each line together, and dividing the
    column sums by m averages their gradients.
    costs -- None, or a list to which the mini-batch's cost is appended (sgd's history)
    """
    zs, activations = forward(weights, biases, x, cost, activation)
    if costs is not None:
        costs.append(cost.fn(activations[-1], y))
    m, L = x.shape[1], len(weights)          # weights[L - 1] leads to the output layer
    nabla_b, nabla_w = [None] * L, [None] * L
    delta = cost.delta(zs[L - 1], activations[L], y)                            # BP1
    for l in range(L - 1, -1, -1):           # from the output layer back to the first
        if l < L - 1:
            delta = (weights[l + 1].T @ delta) * activation.prime(zs[l])        # BP2
        nabla_b[l] = delta.sum(axis=1, keepdims=True) / m                       # BP3
        nabla_w[l] = delta @ activations[l].T / m                               # BP4
    return nabla_b, nabla_w


# ---- checking what comes in ------------------------------------------------------

def as_batch(X, n_in, name="X"):
    """X as a float matrix of shape (n_in, m), one column per example (a vector is one example)."""
    X = float_array(X, name)
    if X.ndim == 1 and X.shape[0] == n_in:
        X = X.reshape(n_in, 1)
    if X.ndim != 2 or X.shape[0] != n_in or X.shape[1] == 0:
        hint = " (examples are columns here: pass X.T)" if X.ndim == 2 and X.shape[1] == n_in \
            else ""
        raise ValueError(f"{name} must have shape ({n_in}, m), one column per example, "
                         f"or be a vector of length {n_in}; got shape {X.shape}{hint}")
    return X


def one_hot(labels, n_classes):
    """Integer class labels of shape (m,) as a one-hot matrix of shape (n_classes, m)."""
    n_classes = positive_int(n_classes, "n_classes")
    try:
        arr = None if isinstance(labels, (str, bytes)) else np.asarray(labels)
    except ValueError:                             # ragged lists
        arr = None
    if arr is None or arr.ndim != 1 or arr.dtype.kind not in "iu":
        shape = "" if arr is None else f" of shape {arr.shape} and dtype {arr.dtype}"
        raise TypeError(f"labels must be a 1-D array of integers, "
                        f"got {type(labels).__name__}{shape}")
    labels = arr
    if labels.size and (labels.min() < 0 or labels.max() >= n_classes):
        raise ValueError(f"labels must lie in 0..{n_classes - 1}, got values "
                         f"from {labels.min()} to {labels.max()}")
    out = np.zeros((n_classes, labels.shape[0]))
    out[labels, np.arange(labels.shape[0])] = 1.0
    return out


def as_targets(Y, n_out, m, name="Y"):
    """Y as a float matrix of shape (n_out, m).

    Accepted: targets of shape (n_out, m), integer class labels of shape (m,)
    (made one-hot; needs n_out >= 2), for a single example a vector of length
    n_out, and for a single output neuron a vector of m targets.
    """
    if not (isinstance(Y, np.ndarray) and Y.dtype == np.float64):
        try:
            raw = np.asarray(Y)
        except ValueError:                         # ragged lists: float_array says so
            raw = None
        if raw is not None and raw.ndim == 1 and n_out >= 2 and raw.shape[0] == m \
                and raw.dtype.kind in "iu":
            return one_hot(raw, n_out)
    Y = float_array(Y, name)
    if Y.ndim == 1 and m == 1 and Y.shape[0] == n_out:
        Y = Y.reshape(n_out, 1)
    elif Y.ndim == 1 and n_out == 1 and Y.shape[0] == m:
        Y = Y.reshape(1, m)                        # one output neuron: a row of targets
    if Y.shape != (n_out, m):
        raise ValueError(f"{name} must have shape ({n_out}, {m}) to match X (one column per "
                         f"example), or be {m} integer labels; got shape {Y.shape}")
    return Y


# ---- the network ----------------------------------------------------------------

class Network:
    """A fully connected network: `activation` in the hidden layers, `cost.activation` at the output.

    sizes      -- neurons per layer, input first: [2, 3, 2] has 2 inputs, 3 hidden, 2 outputs
    cost       -- QuadraticCost, CrossEntropyCost, LogLikelihoodCost (or their names)
    activation -- of the hidden layers: Sigmoid (the book's), Tanh or ReLU
    seed       -- seed of np.random.default_rng for the initial weights and biases

    Initialisation (the "default" of Nielsen's network2.py, from NumPy's newer
    generator): w ~ N(0, 1) / sqrt(fan-in), so z starts with a standard
    deviation near 1 and the sigmoids are not saturated, and b ~ N(0, 1).
    """

    def __init__(self, sizes, cost=QuadraticCost, activation=Sigmoid, seed=0):
        if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__"):
            raise TypeError(f"sizes must be a list of layer sizes such as [2, 3, 2], got {sizes!r}")
        if len(sizes) < 2:
            raise ValueError(f"sizes must list at least 2 layers (input and output), "
                             f"got {list(sizes)}")
        self.sizes = [positive_int(n, f"sizes[{i}]") for i, n in enumerate(sizes)]
        if seed is not None:
            integer(seed, "seed", low=0)
        self.num_layers = len(self.sizes)
        self.cost, self.activation = as_cost(cost), as_activation(activation)
        rng = np.random.default_rng(seed)
        self.weights = [rng.standard_normal((n, n_in)) / np.sqrt(n_in)
                        for n_in, n in zip(self.sizes[:-1], self.sizes[1:])]
        self.biases = [rng.standard_normal((n, 1)) for n in self.sizes[1:]]

    def __repr__(self):
        names = [getattr(part, "__name__", repr(part)) for part in (self.cost, self.activation)]
        return f"Network({self.sizes}, cost={names[0]}, activation={names[1]})"

    def copy(self):
        """An independent network with the same sizes, cost, activation and parameters."""
        other = Network(self.sizes, self.cost, self.activation, seed=None)
        other.weights = [w.copy() for w in self.weights]
        other.biases = [b.copy() for b in self.biases]
        return other

    @property
    def n_params(self):
        """How many numbers the network learns (weights and biases)."""
        return sum(w.size + b.size for w, b in zip(self.weights, self.biases))

    def check_batch(self, X, Y):
        """(X, Y) checked and shaped for this network: (n_in, m) and (n_out, m) float matrices."""
        X = as_batch(X, self.sizes[0], "X")
        return X, as_targets(Y, self.sizes[-1], X.shape[1], "Y")

    def forward(self, X):
        """(zs, activations) of every layer: activations[0] is X, activations[-1] the output."""
        return forward(self.weights, self.biases, as_batch(X, self.sizes[0], "X"), self.cost,
                       self.activation)

    def feedforward(self, X):
        """The output activations, shape (n_out, m) (a 1-D X gives one column)."""
        return self.forward(X)[1][-1]

    def backprop(self, X, Y):
        """The gradient of the cost averaged over the columns of X: (nabla_b, nabla_w)."""
        X, Y = self.check_batch(X, Y)
        return backprop(self.weights, self.biases, X, Y, self.cost, self.activation)

    def deltas(self, X, Y):
        """The error delta^l = dC_x/dz^l of every layer after the input, one column per example.

        For one example the bias gradient is delta itself (BP3), so these are
        backprop's nabla_b, one column at a time; deltas(X, Y)[-1] is the output error.
        """
        X, Y = self.check_batch(X, Y)
        columns = [backprop(self.weights, self.biases, X[:, [j]], Y[:, [j]], self.cost,
                            self.activation)[0] for j in range(X.shape[1])]
        return [np.hstack(layer) for layer in zip(*columns)]

    # ---- learning ---------------------------------------------------------------

    def update_mini_batch(self, X, Y, eta):
        """One step of gradient descent on one mini-batch: w -> w - eta * nabla_w."""
        X, Y = self.check_batch(X, Y)
        self._step(X, Y, positive(eta, "eta"))

    def _step(self, x, y, eta, costs=None):
        nabla_b, nabla_w = backprop(self.weights, self.biases, x, y, self.cost, self.activation,
                                    costs)
        for w, nw in zip(self.weights, nabla_w):      # in place: no new arrays at every step
            w -= eta * nw
        for b, nb in zip(self.biases, nabla_b):
            b -= eta * nb

    def sgd(self, X, Y, epochs, mini_batch_size, eta, test=None, seed=0, callback=None,
            monitor_training_cost=False):
        """Mini-batch stochastic gradient descent; returns the history of each epoch.

        Each epoch shuffles the columns (np.random.default_rng(seed)) and takes one
        gradient step per mini-batch of `mini_batch_size` (the last one may be smaller).
        test     -- optional (X_test, Y_test): "test_cost" and "test_accuracy" after each epoch
        callback -- optional callback(epoch, history), called after every epoch
        The history has one entry per epoch in "epoch" and "train_cost": the average of the
        mini-batches' costs, each computed by its backprop before its step, or with
        monitor_training_cost the cost on all of X (one more forward pass) after the epoch.
        """
        X, Y = self.check_batch(X, Y)
        epochs = integer(epochs, "epochs", low=0)
        mini_batch_size = positive_int(mini_batch_size, "mini_batch_size", high=X.shape[1])
        eta, seed = positive(eta, "eta"), integer(seed, "seed", low=0)
        if callback is not None:
            function(callback, "callback")
        if test is not None:
            if not isinstance(test, (tuple, list)) or len(test) != 2:
                raise TypeError(f"test must be a pair (X_test, Y_test), got {type(test).__name__}")
            X_test = as_batch(test[0], self.sizes[0], "X_test")
            test = (X_test, as_targets(test[1], self.sizes[-1], X_test.shape[1], "Y_test"))
        X, Y = np.asfortranarray(X), np.asfortranarray(Y)    # once, see _train_epoch
        rng = np.random.default_rng(seed)
        history = {"epoch": [], "train_cost": []}
        if test is not None:
            history.update(test_cost=[], test_accuracy=[])
        for epoch in range(1, epochs + 1):
            batch_cost = self._train_epoch(X, Y, mini_batch_size, eta, rng)
            history["epoch"].append(epoch)
            history["train_cost"].append(self._cost(X, Y) if monitor_training_cost else batch_cost)
            if test is not None:
                history["test_cost"].append(self._cost(*test))
                history["test_accuracy"].append(self._accuracy(*test))
            if callback is not None:
                callback(epoch, history)
        return history

    def train_epoch(self, X, Y, mini_batch_size, eta, rng):
        """One pass over the data in shuffled mini-batches; returns their average cost.

        rng -- a np.random.Generator that draws the shuffle
        """
        X, Y = self.check_batch(X, Y)
        return self._train_epoch(X, Y, positive_int(mini_batch_size, "mini_batch_size"),
                                 positive(eta, "eta"), instance(rng, "rng", np.random.Generator))

    def _train_epoch(self, X, Y, mini_batch_size, eta, rng):
        # Each example (a column) is kept contiguous in memory (Fortran order),
        # so X.T[idx] gathers a mini-batch as whole rows and .T hands it to
        # the matrix products as columns without another copy. (Slicing the
        # columns of a wide C-ordered matrix instead gives strided batches
        # that multiply several times more slowly.)
        X_rows, Y_rows = np.asfortranarray(X).T, np.asfortranarray(Y).T
        order, costs = rng.permutation(X.shape[1]), []
        for k in range(0, X.shape[1], mini_batch_size):
            idx = order[k:k + mini_batch_size]
            self._step(X_rows[idx].T, Y_rows[idx].T, eta, costs)
        sizes = np.diff([*range(0, X.shape[1], mini_batch_size), X.shape[1]])
        return float(np.dot(costs, sizes) / X.shape[1])     # weighted: the last batch may be short

    # ---- evaluation ---------------------------------------------------------------

    def cost_value(self, X, Y):
        """The cost C = (1/m) sum_x C_x over the columns of X (Y: targets or labels)."""
        return self._cost(*self.check_batch(X, Y))

    def _cost(self, X, Y):
        return self.cost.fn(forward(self.weights, self.biases, X, self.cost,
                                        self.activation)[1][-1], Y)

    def accuracy(self, X, Y):
        """The fraction (0 to 1) of examples whose largest output is the right class.

        Y may be integer labels of shape (m,) or one-hot targets of shape
        (n_out, m). With a single output neuron, the prediction is
        "output >= 0.5" and the target is "y >= 0.5".
        """
        return self._accuracy(*self.check_batch(X, Y))

    def _accuracy(self, X, Y):
        a = forward(self.weights, self.biases, X, self.cost, self.activation)[1][-1]
        if self.sizes[-1] == 1:
            return float(np.mean((a[0] >= 0.5) == (Y[0] >= 0.5)))
        return float(np.mean(a.argmax(axis=0) == Y.argmax(axis=0)))
