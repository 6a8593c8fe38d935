"""Mini-batch SGD on a 784-30-10 sigmoid network: what a learner runs, against honest baselines.

Five forms, timed in the same process, interleaved round by round (so load
drifts on a shared machine hit every form alike), at mini-batch 10 and 100:

1. The classic loop, as a learner writes it from the book: column vectors,
   `np.dot`, the plain sigmoid 1 / (1 + exp(-z)), one backprop per example
   over a list of pre-split (x, y) pairs, new weight lists after each step.
2. `Network.sgd()`, the public method, on ordinary C-ordered arrays (as numpy
   and scikit-learn produce them), 3 epochs per round with its default
   history: everything a learner's call pays for (data checks, any copy,
   the history) is inside the timing. Reported per epoch.
3. The network's internal epoch (what `sgd` calls once per epoch) on the data
   as `sgd` prepares them.
4. A minimal hand-written matrix epoch with the same formulas (the network's
   own activation and cost objects, the same data layout): what the internal
   epoch would cost with no structure around the formulas at all.
5. The float64 floor: only gathering each shuffled mini-batch and its two
   784-wide matrix products, nothing else. No matrix form can beat it, so
   classic / floor is the most any matrix form could gain on this machine.

The ratios are the medians of the per-round ratios (each round times every
form once). The classic loop and `sgd` start from the same weights and use
the same shuffle, so after one epoch their weights must agree (to 1e-12).
The data are 10,000 random "images" with random one-hot labels: the timing
does not depend on what is learned.

BLAS is held to one thread: on two shared cores a threaded BLAS on the
(784, 100) products contends with itself and with other processes, and the
classic loop's matrix-vector products never use a second thread anyway.
"""
import time

import numpy as np
from threadpoolctl import threadpool_limits

from benchmarks.common import Row, median, ms
from helpers.network import Network

SIZES = [784, 30, 10]
N_EXAMPLES = 10_000
ETA = 3.0
ROUNDS = 11
SGD_EPOCHS = 3
BUDGETS = {10: 5.0, 100: 7.0}          # sgd() per epoch vs the classic loop, by mini-batch size
INTERNAL_BUDGET = 1.1                  # internal epoch / minimal epoch, at most
AGREE = 1e-12                          # classic vs sgd weights after one epoch
FD_PARAMS = 300                        # parameters timed for the finite-difference extrapolation


# ---- 1. the classic loop, as a learner writes it ----------------------------------------

def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    return sigmoid(z) * (1 - sigmoid(z))


def classic_backprop(weights, biases, x, y):
    nabla_b = [np.zeros(b.shape) for b in biases]
    nabla_w = [np.zeros(w.shape) for w in weights]
    activation = x
    activations = [x]
    zs = []
    for b, w in zip(biases, weights):
        z = np.dot(w, activation) + b
        zs.append(z)
        activation = sigmoid(z)
        activations.append(activation)
    delta = (activations[-1] - y) * sigmoid_prime(zs[-1])
    nabla_b[-1] = delta
    nabla_w[-1] = np.dot(delta, activations[-2].transpose())
    for l in range(2, len(weights) + 1):
        delta = np.dot(weights[-l + 1].transpose(), delta) * sigmoid_prime(zs[-l])
        nabla_b[-l] = delta
        nabla_w[-l] = np.dot(delta, activations[-l - 1].transpose())
    return nabla_b, nabla_w


def classic_update_mini_batch(weights, biases, mini_batch, eta):
    nabla_b = [np.zeros(b.shape) for b in biases]
    nabla_w = [np.zeros(w.shape) for w in weights]
    for x, y in mini_batch:
        delta_nabla_b, delta_nabla_w = classic_backprop(weights, biases, x, y)
        nabla_b = [nb + dnb for nb, dnb in zip(nabla_b, delta_nabla_b)]
        nabla_w = [nw + dnw for nw, dnw in zip(nabla_w, delta_nabla_w)]
    weights[:] = [w - (eta / len(mini_batch)) * nw for w, nw in zip(weights, nabla_w)]
    biases[:] = [b - (eta / len(mini_batch)) * nb for b, nb in zip(biases, nabla_b)]


def classic_epoch(weights, biases, training_data, mini_batch_size, eta, order):
    shuffled = [training_data[i] for i in order]
    for k in range(0, len(shuffled), mini_batch_size):
        classic_update_mini_batch(weights, biases, shuffled[k:k + mini_batch_size], eta)


# ---- 4. a minimal matrix epoch with the network's own formulas --------------------------

def minimal_epoch(net, X_rows, Y_rows, mini_batch_size, eta, order):
    """One epoch over examples stored as rows, with the network's activation and cost objects.

    The same work as the internal epoch: the forward pass, BP1-BP4, the update
    in place, and each mini-batch's cost (which sgd's default history averages).
    """
    hidden, output, cost = net.activation, net.cost.activation, net.cost
    weights, biases, costs = net.weights, net.biases, []
    for k in range(0, len(order), mini_batch_size):
        idx = order[k:k + mini_batch_size]
        x, y = X_rows[idx].T, Y_rows[idx].T
        zs, activations = [], [x]
        for i, (w, b) in enumerate(zip(weights, biases)):
            zs.append(w @ activations[-1] + b)
            activations.append((output if i == len(weights) - 1 else hidden).fn(zs[-1]))
        costs.append(cost.fn(activations[-1], y))
        delta = cost.delta(zs[-1], activations[-1], y)
        grads = [(delta.sum(axis=1, keepdims=True), delta @ activations[-2].T)]
        for l in range(2, len(weights) + 1):
            delta = (weights[-l + 1].T @ delta) * hidden.prime(zs[-l])
            grads.insert(0, (delta.sum(axis=1, keepdims=True), delta @ activations[-l - 1].T))
        step = eta / x.shape[1]
        for w, b, (nb, nw) in zip(weights, biases, grads):
            w -= step * nw
            b -= step * nb
    return costs


# ---- 5. the floor ------------------------------------------------------------------------

def floor_epoch(w, X_rows, mini_batch_size, order):
    """Gather each shuffled mini-batch and multiply it twice by a 784-wide matrix, nothing else."""
    delta = np.ones((w.shape[0], mini_batch_size))
    for k in range(0, len(order), mini_batch_size):
        batch = X_rows[order[k:k + mini_batch_size]].T
        w @ batch
        delta[:, :batch.shape[1]] @ batch.T


# ---- finite differences, for scale ------------------------------------------------------

def fd_partial(net, X, Y, params, h=1e-5):
    """Centred differences for the listed (array, index) parameters."""
    out = []
    for array, idx in params:
        old = array[idx]
        array[idx] = old + h
        plus = net.cost_value(X, Y)
        array[idx] = old - h
        minus = net.cost_value(X, Y)
        array[idx] = old
        out.append((plus - minus) / (2 * h))
    return np.array(out)


def data(seed=0):
    """C-ordered X (784, m) in [0, 1) and one-hot Y (10, m), as numpy makes them."""
    rng = np.random.default_rng(seed)
    X = rng.random((SIZES[0], N_EXAMPLES))
    Y = np.zeros((SIZES[-1], N_EXAMPLES))
    Y[rng.integers(0, SIZES[-1], N_EXAMPLES), np.arange(N_EXAMPLES)] = 1.0
    return X, Y


def sgd_order(seed, m=N_EXAMPLES):
    """The shuffle of sgd's first epoch with this seed (np.random.default_rng(seed).permutation)."""
    return np.random.default_rng(seed).permutation(m)


def prepare(X, Y):
    """The data as sgd() hands them to its internal epoch (converted once per sgd call)."""
    return np.asfortranarray(X), np.asfortranarray(Y)


def internal_epoch(net, X, Y, mini_batch_size, eta, seed):
    """The epoch sgd() runs, on data from prepare(), with sgd's shuffle for this seed."""
    net._train_epoch(X, Y, mini_batch_size, eta, np.random.default_rng(seed))


def run():
    with threadpool_limits(limits=1, user_api="blas"):
        return sgd_rows() + finite_difference_rows()


def sgd_rows():
    X, Y = data()
    # Each baseline gets its data in the layout it reads best, prepared outside the timing:
    # the classic loop a list of (784, 1) columns, the matrix forms one contiguous row per example.
    pairs = [(X[:, i:i + 1].copy(), Y[:, i:i + 1].copy()) for i in range(N_EXAMPLES)]
    X_rows, Y_rows = np.ascontiguousarray(X.T), np.ascontiguousarray(Y.T)
    start = Network(SIZES, seed=0)
    XP, YP = prepare(X, Y)
    rows = []
    for mbs, budget in BUDGETS.items():
        # Same weights, same shuffle: one epoch of sgd() and of the classic loop agree.
        net = start.copy()
        net.sgd(X, Y, 1, mbs, ETA, seed=1)
        weights, biases = [w.copy() for w in start.weights], [b.copy() for b in start.biases]
        classic_epoch(weights, biases, pairs, mbs, ETA, sgd_order(1))
        agree = max(float(np.max(np.abs(a - b)))
                    for a, b in zip(weights + biases, net.weights + net.biases))

        t = {k: [] for k in ("classic", "sgd", "internal", "minimal", "floor")}
        for r in range(ROUNDS):
            weights, biases = [w.copy() for w in start.weights], [b.copy() for b in start.biases]
            order = sgd_order(r)
            t0 = time.perf_counter()
            classic_epoch(weights, biases, pairs, mbs, ETA, order)
            t1 = time.perf_counter()
            start.copy().sgd(X, Y, SGD_EPOCHS, mbs, ETA, seed=r)
            t2 = time.perf_counter()
            net = start.copy()
            t3 = time.perf_counter()
            internal_epoch(net, XP, YP, mbs, ETA, r)
            t4 = time.perf_counter()
            net = start.copy()
            t5 = time.perf_counter()
            minimal_epoch(net, X_rows, Y_rows, mbs, ETA, sgd_order(r))
            t6 = time.perf_counter()
            floor_epoch(start.weights[0], X_rows, mbs, order)
            t7 = time.perf_counter()
            for key, dt in zip(t, (t1 - t0, (t2 - t1) / SGD_EPOCHS, t4 - t3, t6 - t5, t7 - t6)):
                t[key].append(dt)
        ratio = {k: median([c / v for c, v in zip(t["classic"], t[k])]) for k in t}
        internal = median([i / m for i, m in zip(t["internal"], t["minimal"])])
        head = f"SGD epoch 784-30-10, 10k examples, mb {mbs}"
        rows += [
            Row(f"{head}: classic loop (columns, np.dot, plain sigmoid, one backprop per example)",
                ms(median(t["classic"]))),
            Row(f"{head}: Network.sgd() on C-ordered arrays, {SGD_EPOCHS} epochs per round, "
                f"default history (per epoch); classic / sgd",
                ms(median(t["sgd"])), f"{ratio['sgd']:.1f}x", f">= {budget:g}x",
                ratio["sgd"] >= budget),
            Row(f"{head}: internal epoch (as sgd calls it); classic / internal",
                ms(median(t["internal"])), f"{ratio['internal']:.1f}x"),
            Row(f"{head}: minimal matrix epoch, same formulas; classic / minimal",
                ms(median(t["minimal"])), f"{ratio['minimal']:.1f}x"),
            Row(f"{head}: internal epoch / minimal epoch", "", f"{internal:.2f}x",
                f"<= {INTERNAL_BUDGET:g}x", internal <= INTERNAL_BUDGET),
            Row(f"{head}: float64 floor (gather each batch, its two 784-wide products); "
                f"classic / floor", ms(median(t["floor"])), f"{ratio['floor']:.1f}x"),
            Row(f"mb {mbs}: largest weight difference after one epoch, sgd() vs classic loop "
                f"(same start, same shuffle)", f"{agree:.1e}", "", f"<= {AGREE:g}",
                agree <= AGREE),
        ]
    return rows


def finite_difference_rows():
    """One mini-batch's gradient by backprop and by centred differences, for scale."""
    X, Y = data()
    Xb, Yb = X[:, :10].copy(), Y[:, :10].copy()
    net = Network(SIZES, seed=0)
    bp_times = []
    for _ in range(50):
        t0 = time.perf_counter()
        nabla_b, nabla_w = net.backprop(Xb, Yb)
        bp_times.append(time.perf_counter() - t0)
    arrays, grads = net.weights + net.biases, nabla_w + nabla_b
    rng = np.random.default_rng(1)
    params, at = [], []
    for _ in range(FD_PARAMS):
        i = int(rng.integers(len(arrays)))
        idx = tuple(int(rng.integers(n)) for n in arrays[i].shape)
        params.append((arrays[i], idx))
        at.append(grads[i][idx])
    fd_times = []
    for _ in range(3):
        t0 = time.perf_counter()
        fd = fd_partial(net, Xb, Yb, params)
        fd_times.append(time.perf_counter() - t0)
    t_fd = median(fd_times) / FD_PARAMS * net.n_params
    t_bp = median(bp_times)
    at = np.array(at)
    agrees = bool(np.max(np.abs(fd - at)) <= 1e-7 * max(1.0, np.max(np.abs(at))))
    return [Row("gradient of one mini-batch of 10: Network.backprop", ms(t_bp)),
            Row(f"same gradient by finite differences, all {net.n_params:,} parameters "
                f"(timed on {FD_PARAMS}, extrapolated; agrees with backprop: {agrees})",
                f"{t_fd:.2f} s", f"{t_fd / t_bp:,.0f}x slower")]


if __name__ == "__main__":
    for row in run():
        print(row)
