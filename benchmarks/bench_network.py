"""One epoch of mini-batch SGD on a 784-30-10 sigmoid network, three ways.

1. A per-example loop in the style of the classic book code (written here
   as the baseline): each mini-batch calls backprop once per example on a
   (784, 1) column and adds up the gradients.
2. `helpers.network.Network`: the whole mini-batch as one matrix.
3. Finite differences for one mini-batch: two cost evaluations per
   parameter. Timing all 23,860 parameters would take minutes, so a subset
   is timed and the time is extrapolated linearly (each parameter costs the
   same two forward passes); the row says so.
4. The floor of any matrix form (`floor_epoch`): only the gathering of each
   shuffled mini-batch and its two 784-wide matrix products. The loop's time
   over the floor's is the most any matrix form could gain on this machine.

Both SGD forms start from the same weights and draw the same shuffle, so
besides equal gradients on one mini-batch (to 1e-10) they must end the epoch
with the same weights. The data are 10,000 random "images" (uniform in
[0, 1)) with random labels: the timing does not depend on what is learned.

BLAS is held to one thread: the benchmark machines have two shared cores,
where a threaded BLAS on the (784, 100) products contends with itself and
with other processes and times become erratic (seconds instead of tens of
milliseconds). The baseline's small matrix-vector products never use a second
thread, so one thread compares like with like.
"""
import time

import numpy as np

from benchmarks.common import Row, median, ms
# The bare formulas, as the Network's hot path uses them: the public sigmoid and
# sigmoid_prime check their argument on every call, which would slow the baseline.
from helpers.activations import _sigmoid as sigmoid, _sigmoid_prime as sigmoid_prime
from helpers.network import Network
from helpers.training import one_blas_thread

SIZES = [784, 30, 10]
N_EXAMPLES = 10_000
ETA = 3.0
BUDGETS = {10: 5.0, 100: 15.0}       # matrix form vs per-example loop, at each mini-batch size
REPEAT = 5
FD_PARAMS = 300                      # parameters timed for the finite-difference extrapolation


# ---- the baseline: one example at a time, as in the classic book code ----------

def loop_backprop(net, x, y):
    """nabla_b, nabla_w of one example's cost; x is a (784, 1) column."""
    nabla_b = [np.zeros(b.shape) for b in net.biases]
    nabla_w = [np.zeros(w.shape) for w in net.weights]
    activation = x
    activations = [x]
    zs = []
    for b, w in zip(net.biases, net.weights):
        z = np.dot(w, activation) + b
        zs.append(z)
        activation = sigmoid(z)
        activations.append(activation)
    delta = (activations[-1] - y) * sigmoid_prime(zs[-1])           # BP1 (quadratic cost)
    nabla_b[-1] = delta                                             # BP3
    nabla_w[-1] = np.dot(delta, activations[-2].transpose())        # BP4
    for l in range(2, net.num_layers):
        z = zs[-l]
        sp = sigmoid_prime(z)
        delta = np.dot(net.weights[-l + 1].transpose(), delta) * sp  # BP2
        nabla_b[-l] = delta                                         # BP3
        nabla_w[-l] = np.dot(delta, activations[-l - 1].transpose())  # BP4
    return nabla_b, nabla_w


def loop_sums(net, mini_batch):
    """The per-example gradients added up over a list of (x, y) pairs, as the book code does."""
    nabla_b = [np.zeros(b.shape) for b in net.biases]
    nabla_w = [np.zeros(w.shape) for w in net.weights]
    for x, y in mini_batch:
        delta_nabla_b, delta_nabla_w = loop_backprop(net, x, y)
        nabla_b = [nb + dnb for nb, dnb in zip(nabla_b, delta_nabla_b)]
        nabla_w = [nw + dnw for nw, dnw in zip(nabla_w, delta_nabla_w)]
    return nabla_b, nabla_w


def loop_gradient(net, mini_batch):
    """The average of the per-example gradients over a list of (x, y) pairs."""
    nabla_b, nabla_w = loop_sums(net, mini_batch)
    n = len(mini_batch)
    return [nb / n for nb in nabla_b], [nw / n for nw in nabla_w]


def loop_update_mini_batch(net, mini_batch, eta):
    nabla_b, nabla_w = loop_sums(net, mini_batch)
    net.weights = [w - (eta / len(mini_batch)) * nw for w, nw in zip(net.weights, nabla_w)]
    net.biases = [b - (eta / len(mini_batch)) * nb for b, nb in zip(net.biases, nabla_b)]


def loop_epoch(net, training_data, mini_batch_size, eta, rng):
    """One epoch over a list of (x, y) column pairs, shuffled by rng."""
    order = rng.permutation(len(training_data))
    shuffled = [training_data[i] for i in order]
    for k in range(0, len(shuffled), mini_batch_size):
        loop_update_mini_batch(net, shuffled[k:k + mini_batch_size], eta)


# ---- the floor: the work no matrix form can skip ----------------------------------

def floor_epoch(net, XF, mini_batch_size, rng):
    """Only gather each shuffled mini-batch and multiply it twice by 784-wide matrices.

    Any matrix form must do this much: the forward product w^2 a^1 and the
    weight gradient delta^2 (a^1)^T of the first layer, on a gathered copy of
    the batch. Without the activations, the small layers and the updates, its
    time bounds from above the ratio any matrix form can reach over the loop.
    """
    X_rows, w = XF.T, net.weights[0]
    delta = np.ones((w.shape[0], mini_batch_size))
    order = rng.permutation(XF.shape[1])
    for k in range(0, XF.shape[1], mini_batch_size):
        batch = X_rows[order[k:k + mini_batch_size]].T
        w @ batch
        delta[:, :batch.shape[1]] @ batch.T


# ---- finite differences ---------------------------------------------------------

def fd_partial(net, X, Y, params, h=1e-5):
    """Centred differences for the listed (array, index) parameters; returns them."""
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


def _data(seed=0):
    rng = np.random.default_rng(seed)
    X = rng.random((SIZES[0], N_EXAMPLES))
    labels = rng.integers(0, SIZES[-1], N_EXAMPLES)
    Y = np.zeros((SIZES[-1], N_EXAMPLES))
    Y[labels, np.arange(N_EXAMPLES)] = 1.0
    return X, Y


def run():
    with one_blas_thread():
        return _run()


def _run():
    X, Y = _data()
    # Each form stores the data in the layout it reads best, prepared once outside the
    # timing, as a training script would: the loop a list of (784, 1) columns, the
    # matrix form one array with each example contiguous (see Network.train_epoch).
    training_data = [(X[:, i:i + 1].copy(), Y[:, i:i + 1].copy()) for i in range(N_EXAMPLES)]
    XF, YF = np.asfortranarray(X), np.asfortranarray(Y)
    start = Network(SIZES, seed=0)
    rows = []

    for mbs, budget in BUDGETS.items():
        # Same weights, same mini-batch: the gradients must agree.
        batch = training_data[:mbs]
        lb, lw = loop_gradient(start, batch)
        nb, nw = start.backprop(X[:, :mbs], Y[:, :mbs])
        grad_diff = max(float(np.max(np.abs(a - b))) for a, b in zip(lb + lw, nb + nw))

        loop_times, matrix_times, floor_times = [], [], []
        for r in range(REPEAT):                  # interleaved, so load drifts hit every form
            net_loop, net_matrix = start.copy(), start.copy()
            t0 = time.perf_counter()
            loop_epoch(net_loop, training_data, mbs, ETA, np.random.default_rng(r))
            t1 = time.perf_counter()
            net_matrix.train_epoch(XF, YF, mbs, ETA, np.random.default_rng(r))
            t2 = time.perf_counter()
            floor_epoch(start, XF, mbs, np.random.default_rng(r))
            t3 = time.perf_counter()
            loop_times.append(t1 - t0)
            matrix_times.append(t2 - t1)
            floor_times.append(t3 - t2)
        weight_diff = max(float(np.max(np.abs(a - b))) for a, b in
                          zip(net_loop.weights + net_loop.biases,
                              net_matrix.weights + net_matrix.biases))
        t_loop, t_matrix = median(loop_times), median(matrix_times)
        ratio = t_loop / t_matrix
        rows.append(Row(f"SGD epoch 784-30-10, 10k examples, mb {mbs}: per-example loop",
                        ms(t_loop)))
        rows.append(Row(f"SGD epoch 784-30-10, 10k examples, mb {mbs}: Network (matrix)",
                        ms(t_matrix), f"{ratio:.1f}x", f">= {budget:g}x", ratio >= budget))
        t_floor = median(floor_times)
        rows.append(Row(f"mb {mbs}: floor of any matrix form (gather each batch and its two "
                        f"784-wide products, nothing else); loop / floor",
                        ms(t_floor), f"{t_loop / t_floor:.1f}x"))
        rows.append(Row(f"mb {mbs}: largest gradient difference, loop vs matrix "
                        f"(and weights after the epoch: {weight_diff:.1e})",
                        f"{grad_diff:.1e}", "", "<= 1e-10",
                        grad_diff <= 1e-10 and weight_diff <= 1e-10))

    # Finite differences on one mini-batch of 10, against backprop on the same batch.
    Xb, Yb = X[:, :10].copy(), Y[:, :10].copy()
    net = start.copy()
    bp_times = []
    for _ in range(50):
        t0 = time.perf_counter()
        net.backprop(Xb, Yb)
        bp_times.append(time.perf_counter() - t0)
    rng = np.random.default_rng(1)
    arrays = net.weights + net.biases
    sizes = np.array([a.size for a in arrays])
    picks = rng.choice(sizes.sum(), size=FD_PARAMS, replace=False)
    bounds = np.cumsum(sizes)
    params = []
    for p in picks:
        i = int(np.searchsorted(bounds, p, side="right"))
        flat = p - (bounds[i - 1] if i else 0)
        params.append((arrays[i], np.unravel_index(flat, arrays[i].shape)))
    fd_times = []
    for _ in range(3):
        t0 = time.perf_counter()
        fd = fd_partial(net, Xb, Yb, params)
        fd_times.append(time.perf_counter() - t0)
    t_fd = median(fd_times) / FD_PARAMS * net.n_params
    t_bp = median(bp_times)
    # The finite differences agree with backprop where they were taken (loose: h = 1e-5).
    nb, nw = net.backprop(Xb, Yb)
    grads = nw + nb
    bp_at = np.array([grads[[id(a) for a in arrays].index(id(arr))][idx] for arr, idx in params])
    fd_ok = bool(np.max(np.abs(fd - bp_at)) <= 1e-7 * max(1.0, np.max(np.abs(bp_at))))
    rows.append(Row("gradient of one mini-batch of 10: backprop (matrix)", ms(t_bp)))
    rows.append(Row(f"same gradient by finite differences, all {net.n_params} parameters "
                    f"(timed on {FD_PARAMS}, extrapolated; agrees with backprop: {fd_ok})",
                    f"{t_fd:.2f} s", f"{t_fd / t_bp:,.0f}x slower"))
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
