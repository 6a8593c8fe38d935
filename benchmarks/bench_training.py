"""One training epoch on the digits, for each cost: what notebook 07 spends its time on.

The network and settings are notebook 07's: 64 inputs, 64 hidden sigmoids,
10 outputs, mini-batches of 10 (135 updates per epoch over the 1,347
training images), eta = 0.5. Each timed call is one `Network.train_epoch`,
without the per-epoch evaluation on the test set. The notebook trains three
networks for 40 epochs each, so 120 epochs must fit comfortably in its 15 s:
the budget of 50 ms per epoch keeps training under 6 s. The ratio compares
each cost with the quadratic cost.

BLAS is held to one thread, as `train_each_cost` does in the notebook (the
matrices are small; a second thread on shared cores only makes times erratic).
"""
import numpy as np

from benchmarks.common import Row, median, ms, times
from helpers.costs import COSTS
from helpers.data import load_digits
from helpers.network import Network
from helpers.training import one_blas_thread

HIDDEN, MINI_BATCH, ETA = 64, 10, 0.5
BUDGET = 0.050
REPEAT = 15


def epoch_times(cost, data, repeat=REPEAT):
    """Seconds per training epoch (one shuffle, 135 mini-batch updates)."""
    net = Network([64, HIDDEN, 10], cost=cost, seed=0)
    X, Y = np.asfortranarray(data.X_train), np.asfortranarray(data.Y_train)
    rng = np.random.default_rng(0)
    return times(lambda: net.train_epoch(X, Y, MINI_BATCH, ETA, rng), repeat=repeat, warmup=2)


def run():
    data = load_digits()
    with one_blas_thread():
        medians = {name: median(epoch_times(cost, data)) for name, cost in COSTS.items()}
    base = medians["quadratic"]
    return [Row(f"one epoch on the digits (64-{HIDDEN}-10, mini-batch {MINI_BATCH}): {name}",
                ms(m), f"{m / base:.2f}x quadratic", "<= 50 ms", m <= BUDGET)
            for name, m in medians.items()]
