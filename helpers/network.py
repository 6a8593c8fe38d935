"""A feedforward sigmoid network trained by backpropagation, one mini-batch per matrix.

Names and layout follow Nielsen's book, so the two can be read side by side:
`weights[i]` has shape (n_l, n_(l-1)) and maps layer l-1 to layer l,
`biases[i]` has shape (n_l, 1), and `i = 0` is the first layer after the input.

A batch of m examples is a matrix with ONE COLUMN PER EXAMPLE: X has shape
(n_in, m) and targets Y have shape (n_out, m). Every layer then runs as one
matrix product, z = w a + b (the bias column broadcasts across the columns),
and `backprop` returns gradients averaged over the m columns with no Python
loop over examples.

Hidden layers use the sigmoid; the output layer uses `cost.activation` (the
sigmoid for the quadratic and cross-entropy costs, the softmax for the
log-likelihood cost), so swapping the cost is one argument.

    >>> net = Network([2, 3, 2], seed=0)
    >>> X = np.array([[0.5, -1.0], [1.0, 0.25]])      # two examples, as columns
    >>> Y = np.array([[1.0, 0.0], [0.0, 1.0]])
    >>> nabla_b, nabla_w = net.backprop(X, Y)
    >>> [g.shape for g in nabla_w]
    [(3, 2), (2, 3)]
"""
import numpy as np

from helpers.activations import _sigmoid as sigmoid      # the formula: batches are checked once
from helpers.costs import COSTS, QuadraticCost
from helpers.validate import _unchecked as unchecked
from helpers.validate import float_array, function, instance, integer, positive, positive_int

__all__ = ["Network", "one_hot", "as_batch", "as_targets"]


# ---- input checking ---------------------------------------------------------

def as_batch(X, n_in, name="X"):
    """X as a float matrix of shape (n_in, m): one column per example.

    A 1-D vector of length n_in is taken as a single example (one column).
    """
    return _as_batch(X, positive_int(n_in, "n_in"), instance(name, "name", str))


def _as_batch(X, n_in, name):
    X = float_array(X, name)
    if X.ndim == 1 and X.shape[0] == n_in:
        X = X.reshape(n_in, 1)
    if X.ndim != 2 or X.shape[0] != n_in or X.shape[1] == 0:
        hint = ""
        if X.ndim == 2 and X.shape[1] == n_in and X.shape[0] != n_in:
            hint = " (examples are columns here: pass X.T)"
        raise ValueError(f"{name} must have shape ({n_in}, m), one column per example, "
                         f"or be a vector of length {n_in}; got shape {X.shape}{hint}")
    return X


def one_hot(labels, n_classes):
    """Integer class labels of shape (m,) as a one-hot matrix of shape (n_classes, m)."""
    n_classes = positive_int(n_classes, "n_classes")
    return _one_hot(labels, n_classes)


def _one_hot(labels, n_classes):
    if isinstance(labels, (str, bytes)):
        raise TypeError(f"labels must be a 1-D array of integers, got {type(labels).__name__}")
    try:
        labels = np.asarray(labels)
    except Exception:                              # ragged lists
        raise TypeError(f"labels must be a 1-D array of integers, got {type(labels).__name__}") \
            from None
    if labels.ndim != 1 or labels.dtype == bool or not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(f"labels must be a 1-D array of integers, got shape {labels.shape} "
                         f"and dtype {labels.dtype}")
    if labels.size and (labels.min() < 0 or labels.max() >= n_classes):
        raise ValueError(f"labels must lie in 0..{n_classes - 1}, got values "
                         f"from {labels.min()} to {labels.max()}")
    out = np.zeros((n_classes, labels.shape[0]))
    out[labels, np.arange(labels.shape[0])] = 1.0
    return out


def as_targets(Y, n_out, m, name="Y"):
    """Y as a float matrix of shape (n_out, m).

    Accepted: targets of shape (n_out, m) (one-hot or any desired outputs),
    integer class labels of shape (m,) (made one-hot; needs n_out >= 2),
    for a single example a vector of length n_out, and for a single output
    neuron a vector of m targets.
    """
    return _as_targets(Y, positive_int(n_out, "n_out"), positive_int(m, "m"),
                        instance(name, "name", str))


def _as_targets(Y, n_out, m, name):
    if not (type(Y) is np.ndarray and Y.dtype == np.float64):
        try:
            raw = np.asarray(Y)
        except Exception:                          # ragged lists
            raw = None
        if (raw is not None and raw.ndim == 1 and n_out >= 2 and raw.shape[0] == m
                and np.issubdtype(raw.dtype, np.integer) and raw.dtype != bool):
            return _one_hot(raw, n_out)
    Y = float_array(Y, name)
    if Y.ndim == 1 and m == 1 and Y.shape[0] == n_out:
        Y = Y.reshape(n_out, 1)
    elif Y.ndim == 1 and n_out == 1 and Y.shape[0] == m:
        Y = Y.reshape(1, m)                        # one output neuron: a row of targets
    if Y.shape != (n_out, m):
        raise ValueError(f"{name} must have shape ({n_out}, {m}) to match X (one column per "
                         f"example), or be {m} integer labels; got shape {Y.shape}")
    return Y


def _as_cost(cost):
    if isinstance(cost, str):
        if cost not in COSTS:
            raise ValueError(f"cost must be one of {sorted(COSTS)} or a cost object, got {cost!r}")
        return COSTS[cost]
    if not all(callable(getattr(cost, attr, None)) for attr in ("fn", "delta", "activation")):
        raise TypeError("cost must have fn(a, y), delta(z, a, y) and activation(z), "
                        f"e.g. QuadraticCost; got {cost!r}")
    return cost


# ---- the network ------------------------------------------------------------

class Network:
    """A fully connected network: sigmoid hidden layers, `cost.activation` at the output.

    sizes -- neurons per layer, input first: [2, 3, 2] has 2 inputs, 3 hidden, 2 outputs
    cost  -- QuadraticCost, CrossEntropyCost, LogLikelihoodCost (or their names)
    seed  -- seed of np.random.default_rng for the initial weights and biases

    Initialisation: every weight w^l_jk ~ N(0, 1) / sqrt(n_(l-1)) (Gaussian,
    scaled by the square root of the neuron's fan-in, so z starts with a
    standard deviation near 1 and the sigmoids are not saturated), and every
    bias b^l_j ~ N(0, 1). This is the "default" initialiser of Nielsen's
    network2.py, drawn from NumPy's newer generator.
    """

    def __init__(self, sizes, cost=QuadraticCost, seed=0):
        if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__"):
            raise TypeError(f"sizes must be a list of layer sizes such as [2, 3, 2], got {sizes!r}")
        if len(sizes) < 2:
            raise ValueError(f"sizes must list at least 2 layers (input and output), got {list(sizes)}")
        sizes = [positive_int(n, f"sizes[{i}]") for i, n in enumerate(sizes)]
        if seed is not None:
            integer(seed, "seed", low=0)
        self.sizes = sizes
        self.num_layers = len(self.sizes)
        self.cost = _as_cost(cost)
        rng = np.random.default_rng(seed)
        self.weights = [rng.standard_normal((n, n_in)) / np.sqrt(n_in)
                        for n_in, n in zip(self.sizes[:-1], self.sizes[1:])]
        self.biases = [rng.standard_normal((n, 1)) for n in self.sizes[1:]]

    def __repr__(self):
        return f"Network({self.sizes}, cost={getattr(self.cost, '__name__', self.cost)})"

    def copy(self):
        """An independent network with the same sizes, cost and parameters."""
        other = Network.__new__(Network)
        other.sizes, other.num_layers, other.cost = list(self.sizes), self.num_layers, self.cost
        other.weights = [w.copy() for w in self.weights]
        other.biases = [b.copy() for b in self.biases]
        return other

    @property
    def n_params(self):
        """How many numbers the network learns (weights and biases)."""
        return sum(w.size + b.size for w, b in zip(self.weights, self.biases))

    # ---- forward ----------------------------------------------------------

    def _batch(self, X, Y):
        X = _as_batch(X, self.sizes[0], "X")
        return X, _as_targets(Y, self.sizes[-1], X.shape[1], "Y")

    def forward(self, X):
        """Feedforward keeping every layer: (zs, activations).

        zs[i] is z for layer i+1; activations[0] is X itself, activations[-1]
        the output. Each has one column per example.
        """
        return self._forward(_as_batch(X, self.sizes[0], "X"))

    def _forward(self, a):
        zs, activations = [], [a]
        last = len(self.weights) - 1
        output = unchecked(self.cost.activation)           # a checked batch needs no more checks
        for i, (w, b) in enumerate(zip(self.weights, self.biases)):
            z = w @ a + b                                   # z^l = w^l a^(l-1) + b^l
            a = output(z) if i == last else sigmoid(z)
            zs.append(z)
            activations.append(a)
        return zs, activations

    def feedforward(self, X):
        """The output activations, shape (n_out, m) (a 1-D X gives one column)."""
        return self.forward(X)[1][-1]

    # ---- backward ---------------------------------------------------------

    def backprop(self, X, Y, check=True):
        """Gradients of the cost averaged over the m columns: (nabla_b, nabla_w).

        nabla_b[i] and nabla_w[i] have the shapes of biases[i] and weights[i].
        The whole mini-batch moves through each line at once: delta has one
        column per example, and summing over columns adds the examples'
        gradients: for the weights the matrix product (delta / m) @ a.T is
        the average over examples of delta_x a_x^T. In the hidden layers,
        sigma'(z^l) is computed as a^l (1 - a^l) from the stored activations
        (the same number as sigmoid_prime(z^l), without a second exponential).

        check -- validate X and Y first; `sgd` checks the whole data set once
                 and passes False for each of its mini-batches. The cost's
                 formula is called `unchecked`: X and Y were checked already.
        """
        if check:
            X, Y = self._batch(X, Y)
        m = X.shape[1]
        zs, activations = self._forward(X)
        nabla_b = [None] * len(self.biases)
        nabla_w = [None] * len(self.weights)
        delta = unchecked(self.cost.delta)(zs[-1], activations[-1], Y)         # BP1
        nabla_b[-1] = delta.sum(axis=1, keepdims=True) / m                     # BP3
        nabla_w[-1] = (delta / m) @ activations[-2].T                          # BP4
        for l in range(2, self.num_layers):
            a = activations[-l]
            sp = a * (1.0 - a)                                                 # sigma'(z^l)
            delta = (self.weights[-l + 1].T @ delta) * sp                      # BP2
            nabla_b[-l] = delta.sum(axis=1, keepdims=True) / m                 # BP3
            nabla_w[-l] = (delta / m) @ activations[-l - 1].T                  # BP4
        return nabla_b, nabla_w

    def deltas(self, X, Y):
        """The error delta^l = dC_x/dz^l of every layer after the input, one column per example.

        The same BP1 and BP2 as in `backprop`, kept apart for drawing and
        teaching: deltas(X, Y)[-1] is the output error, deltas(X, Y)[0] the
        first hidden layer's.
        """
        X, Y = self._batch(X, Y)
        zs, activations = self._forward(X)
        out = [unchecked(self.cost.delta)(zs[-1], activations[-1], Y)]         # BP1
        for l in range(2, self.num_layers):
            a = activations[-l]
            out.insert(0, (self.weights[-l + 1].T @ out[0]) * (a * (1.0 - a)))  # BP2
        return out

    # ---- learning ---------------------------------------------------------

    def update_mini_batch(self, X, Y, eta, check=True):
        """One step of gradient descent on one mini-batch: w -> w - eta * nabla_w.

        check -- validate the arguments first (False: already checked by `sgd`)
        """
        if check:
            eta = positive(eta, "eta")
        nabla_b, nabla_w = self.backprop(X, Y, check=check)
        # In place: an epoch takes thousands of steps, and new arrays for each cost time.
        for w, nw in zip(self.weights, nabla_w):
            w -= eta * nw
        for b, nb in zip(self.biases, nabla_b):
            b -= eta * nb

    def sgd(self, X, Y, epochs, mini_batch_size, eta, test=None, seed=0, callback=None):
        """Mini-batch stochastic gradient descent; returns the history of each epoch.

        Each epoch shuffles the columns (np.random.default_rng(seed)), cuts
        them into mini-batches of `mini_batch_size` (the last one may be
        smaller) and takes one `update_mini_batch` step per mini-batch.

        test     -- optional (X_test, Y_test), evaluated after every epoch
        callback -- optional callback(epoch, history), called after every epoch

        The history dict has lists, one entry per epoch: "epoch" (1, 2, ...),
        "train_cost" and, with test data, "test_cost" and "test_accuracy".
        """
        X, Y = self._batch(X, Y)
        m = X.shape[1]
        epochs = integer(epochs, "epochs", low=0)
        mini_batch_size = positive_int(mini_batch_size, "mini_batch_size")
        if mini_batch_size > m:
            raise ValueError(f"mini_batch_size must be at most the number of examples ({m}), "
                             f"got {mini_batch_size}")
        eta = positive(eta, "eta")
        if callback is not None:
            function(callback, "callback")
        integer(seed, "seed", low=0)
        if test is not None:
            if not isinstance(test, (tuple, list)) or len(test) != 2:
                raise TypeError(f"test must be a pair (X_test, Y_test), got {type(test).__name__}")
            X_test = _as_batch(test[0], self.sizes[0], "X_test")
            test = (X_test, _as_targets(test[1], self.sizes[-1], X_test.shape[1], "Y_test"))
        X, Y = np.asfortranarray(X), np.asfortranarray(Y)    # once, see train_epoch
        rng = np.random.default_rng(seed)
        history = {"epoch": [], "train_cost": []}
        if test is not None:
            history.update(test_cost=[], test_accuracy=[])
        for epoch in range(1, int(epochs) + 1):
            self._train_epoch(X, Y, mini_batch_size, eta, rng)
            history["epoch"].append(epoch)
            history["train_cost"].append(self.cost_value(X, Y))
            if test is not None:
                history["test_cost"].append(self.cost_value(*test))
                history["test_accuracy"].append(self.accuracy(*test))
            if callback is not None:
                callback(epoch, history)
        return history

    def train_epoch(self, X, Y, mini_batch_size, eta, rng):
        """One pass over the data in shuffled mini-batches (the body of `sgd`).

        rng -- a np.random.Generator that draws the shuffle
        """
        X, Y = self._batch(X, Y)
        mini_batch_size = positive_int(mini_batch_size, "mini_batch_size")
        eta = positive(eta, "eta")
        instance(rng, "rng", np.random.Generator)
        self._train_epoch(X, Y, mini_batch_size, eta, rng)

    def _train_epoch(self, X, Y, mini_batch_size, eta, rng):
        # Each example (a column) is kept contiguous in memory (Fortran order),
        # so X.T[idx] gathers a mini-batch as whole rows and .T hands it to
        # the matrix products as columns without another copy. (Slicing the
        # columns of a wide C-ordered matrix instead gives strided batches
        # that multiply several times more slowly.)
        X_rows, Y_rows = np.asfortranarray(X).T, np.asfortranarray(Y).T
        order = rng.permutation(X.shape[1])
        for k in range(0, X.shape[1], mini_batch_size):
            idx = order[k:k + mini_batch_size]
            self.update_mini_batch(X_rows[idx].T, Y_rows[idx].T, eta, check=False)

    # ---- evaluation -------------------------------------------------------

    def cost_value(self, X, Y):
        """The cost C = (1/m) sum_x C_x over the columns of X (Y: targets or labels)."""
        X, Y = self._batch(X, Y)
        return unchecked(self.cost.fn)(self._forward(X)[1][-1], Y)

    def accuracy(self, X, Y):
        """The fraction (0 to 1) of examples whose largest output is the right class.

        Y may be integer labels of shape (m,) or one-hot targets of shape
        (n_out, m) (the right class is then the argmax of each column).
        With a single output neuron, the prediction is "output >= 0.5" and
        the target is "y >= 0.5".
        """
        X, Y = self._batch(X, Y)
        a = self._forward(X)[1][-1]
        if self.sizes[-1] == 1:
            return float(np.mean((a[0] >= 0.5) == (Y[0] >= 0.5)))
        return float(np.mean(a.argmax(axis=0) == Y.argmax(axis=0)))
