"""The Network: layout, initialisation, backprop against finite differences, SGD, bad input."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decimal import Decimal, getcontext

from helpers import show_source
from helpers.activations import ReLU, Sigmoid, Tanh, sigmoid
from helpers.costs import COSTS, CrossEntropyCost, LogLikelihoodCost, QuadraticCost
from helpers.network import Network, backprop, one_hot

pytestmark = pytest.mark.filterwarnings("error")


def finite_differences(net, X, Y, h=1e-6):
    """Plain centred differences, written independently of helpers.gradcheck."""
    def fd(arrays):
        out = []
        for p in arrays:
            g = np.zeros_like(p)
            for idx in np.ndindex(p.shape):
                old = p[idx]
                p[idx] = old + h
                plus = net.cost_value(X, Y)
                p[idx] = old - h
                minus = net.cost_value(X, Y)
                p[idx] = old
                g[idx] = (plus - minus) / (2 * h)
            out.append(g)
        return out
    return fd(net.biases), fd(net.weights)


def toy_data(n_in=2, n_out=2, m=4, seed=0):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n_in, m)), one_hot(rng.integers(0, n_out, m), n_out)


# ---- layout and initialisation ---------------------------------------------------

def test_shapes_follow_nielsen():
    net = Network([4, 5, 3, 2])
    assert net.sizes == [4, 5, 3, 2] and net.num_layers == 4
    assert [w.shape for w in net.weights] == [(5, 4), (3, 5), (2, 3)]
    assert [b.shape for b in net.biases] == [(5, 1), (3, 1), (2, 1)]
    assert net.n_params == 5 * 4 + 5 + 3 * 5 + 3 + 2 * 3 + 2
    assert net.cost is QuadraticCost


def test_initialisation_is_scaled_gaussian_and_seeded():
    net = Network([400, 300, 2], seed=3)
    w = net.weights[0]
    assert abs(w.mean()) < 0.003
    assert abs(w.std() - 1 / np.sqrt(400)) < 0.002          # N(0, 1) / sqrt(fan-in)
    assert abs(net.biases[0].std() - 1.0) < 0.15             # N(0, 1)
    again, other = Network([400, 300, 2], seed=3), Network([400, 300, 2], seed=4)
    assert np.array_equal(again.weights[1], net.weights[1])
    assert not np.array_equal(other.weights[0], net.weights[0])
    expected = np.random.default_rng(3).standard_normal((300, 400)) / np.sqrt(400)
    assert np.array_equal(net.weights[0], expected)


def test_cost_by_name_and_copy():
    net = Network([2, 2], cost="cross-entropy")
    assert net.cost is CrossEntropyCost
    twin = net.copy()
    twin.weights[0][0, 0] += 1.0
    assert twin.weights[0][0, 0] != net.weights[0][0, 0] and twin.cost is net.cost


# ---- forward ----------------------------------------------------------------------

def test_feedforward_by_hand_and_one_column_per_example():
    net = Network([2, 3, 2], seed=0)
    X = np.array([[0.5, -1.0, 2.0], [1.0, 0.25, 0.0]])
    by_hand = sigmoid(net.weights[1] @ sigmoid(net.weights[0] @ X + net.biases[0]) + net.biases[1])
    assert np.allclose(net.feedforward(X), by_hand, rtol=0, atol=1e-15)
    for j in range(3):                              # each column alone gives the same column
        assert np.allclose(net.feedforward(X[:, j]), by_hand[:, [j]], rtol=0, atol=1e-15)
    assert net.feedforward([0.5, 1.0]).shape == (2, 1)
    zs, activations = net.forward(X)
    assert [z.shape for z in zs] == [(3, 3), (2, 3)] and len(activations) == 3
    assert activations[0] is not None and np.array_equal(activations[0], X)


def test_softmax_output_with_log_likelihood():
    net = Network([3, 4, 5], cost=LogLikelihoodCost, seed=1)
    a = net.feedforward(np.random.default_rng(0).standard_normal((3, 6)))
    assert np.allclose(a.sum(axis=0), 1.0) and (a > 0).all()


def test_extreme_inputs_stay_finite():
    for cost in COSTS.values():
        net = Network([2, 3, 2], cost=cost)
        X = np.array([[1e4, -1e4], [-1e4, 1e4]])
        nabla_b, nabla_w = net.backprop(X, np.eye(2))
        assert all(np.isfinite(g).all() for g in nabla_b + nabla_w)
        assert np.isfinite(net.cost_value(X, np.eye(2)))


# ---- backprop ---------------------------------------------------------------------

@pytest.mark.parametrize("cost", list(COSTS.values()), ids=lambda c: c.name)
def test_backprop_matches_finite_differences_for_every_cost(cost):
    net = Network([3, 4, 3], cost=cost, seed=2)
    X, Y = toy_data(3, 3, m=5)
    nabla_b, nabla_w = net.backprop(X, Y)
    fd_b, fd_w = finite_differences(net, X, Y)
    for got, want in zip(nabla_b + nabla_w, fd_b + fd_w):
        assert np.allclose(got, want, rtol=1e-6, atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(sizes=st.lists(st.integers(1, 5), min_size=2, max_size=4),
       m=st.integers(1, 6), cost=st.sampled_from(sorted(COSTS)), seed=st.integers(0, 10_000))
def test_backprop_matches_finite_differences_on_random_shapes(sizes, m, cost, seed):
    if cost == "log-likelihood":
        sizes[-1] = max(sizes[-1], 2)
    net = Network(sizes, cost=cost, seed=seed)
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((sizes[0], m))
    Y = one_hot(rng.integers(0, sizes[-1], m), sizes[-1]) if sizes[-1] > 1 else \
        rng.integers(0, 2, (1, m)).astype(float)
    nabla_b, nabla_w = net.backprop(X, Y)
    assert [g.shape for g in nabla_w] == [w.shape for w in net.weights]
    assert [g.shape for g in nabla_b] == [b.shape for b in net.biases]
    fd_b, fd_w = finite_differences(net, X, Y)
    for got, want in zip(nabla_b + nabla_w, fd_b + fd_w):
        assert np.allclose(got, want, rtol=1e-5, atol=1e-8), (got, want)


def test_backprop_is_the_average_of_per_example_gradients():
    net = Network([3, 4, 2], seed=5)
    X, Y = toy_data(3, 2, m=6, seed=1)
    nabla_b, nabla_w = net.backprop(X, Y)
    singles = [net.backprop(X[:, j], Y[:, j]) for j in range(6)]
    for i in range(2):
        assert np.allclose(nabla_b[i], np.mean([s[0][i] for s in singles], axis=0), atol=1e-15)
        assert np.allclose(nabla_w[i], np.mean([s[1][i] for s in singles], axis=0), atol=1e-15)


def test_labels_and_one_hot_give_the_same_gradient():
    net = Network([2, 3, 3], seed=1)
    X = np.random.default_rng(0).standard_normal((2, 4))
    labels = np.array([0, 2, 1, 2])
    a = net.backprop(X, labels)
    b = net.backprop(X, one_hot(labels, 3))
    assert all(np.array_equal(p, q) for p, q in zip(a[0] + a[1], b[0] + b[1]))


def test_network_backprop_is_the_plain_function_behind_a_door():
    net = Network([3, 4, 2], cost="cross-entropy", seed=3)
    X, Y = toy_data(3, 2, m=5)
    door = net.backprop(X, Y)
    plain = backprop(net.weights, net.biases, X, Y, CrossEntropyCost, Sigmoid)
    assert all(np.array_equal(p, q) for p, q in zip(door[0] + door[1], plain[0] + plain[1]))
    listing = repr(show_source(backprop))
    assert all(f"# BP{k}" in listing for k in range(1, 5))
    assert "check" not in listing and not listing.startswith("@")


@pytest.mark.parametrize("activation", [Tanh, ReLU, "tanh"], ids=["tanh", "relu", "by name"])
def test_other_hidden_activations_match_finite_differences(activation):
    net = Network([3, 5, 4, 2], cost="cross-entropy", activation=activation, seed=4)
    X, Y = toy_data(3, 2, m=4, seed=3)
    nabla_b, nabla_w = net.backprop(X, Y)
    fd_b, fd_w = finite_differences(net, X, Y)
    for got, want in zip(nabla_b + nabla_w, fd_b + fd_w):
        assert np.allclose(got, want, rtol=1e-6, atol=1e-9)
    assert net.activation is (Tanh if activation == "tanh" else activation)


def test_saturated_slopes_keep_their_relative_accuracy():
    getcontext().prec = 50
    e30 = Decimal(-30).exp()
    exact_sigmoid_30 = e30 / (1 + e30) ** 2                   # sigma'(30), to 50 digits
    cosh18 = (Decimal(18).exp() + Decimal(-18).exp()) / 2
    exact_tanh_18 = 1 / cosh18 ** 2                            # tanh'(18) = 1 / cosh^2
    for z in (30.0, -30.0):
        assert abs(Decimal(float(Sigmoid.prime(np.float64(z)))) / exact_sigmoid_30 - 1) < 1e-12
    for z in (18.0, -18.0):
        assert abs(Decimal(float(Tanh.prime(np.float64(z)))) / exact_tanh_18 - 1) < 1e-12
    z = np.array([-40.0, 40.0, 800.0])
    assert (Sigmoid.prime(z[:2]) > 0).all() and (Tanh.prime(z[:2]) > 0).all()
    assert np.isfinite(Sigmoid.prime(z)).all() and np.isfinite(Tanh.prime(z)).all()
    a = Sigmoid.fn(30.0)
    assert abs(a * (1 - a) / float(exact_sigmoid_30) - 1) > 1e-5     # what a (1 - a) would lose
    assert np.array_equal(ReLU.prime(np.array([-1.0, 0.0, 2.0])), [0.0, 0.0, 1.0])
    zz = np.linspace(-5, 5, 101)
    for act in (Sigmoid, Tanh):                                   # prime is the slope of fn
        numerical = (act.fn(zz + 1e-6) - act.fn(zz - 1e-6)) / 2e-6
        assert np.allclose(act.prime(zz), numerical, rtol=1e-7, atol=1e-10)


def classic_epoch(weights, biases, X, Y, order, mini_batch_size, eta, cross_entropy):
    """Nielsen's network.py as a learner writes it: one example at a time, column vectors."""
    def sigmoid_(z):
        return 1.0 / (1.0 + np.exp(-z))

    def sigmoid_prime_(z):
        return sigmoid_(z) * (1 - sigmoid_(z))

    def backprop_(x, y):
        nabla_b = [np.zeros(b.shape) for b in biases]
        nabla_w = [np.zeros(w.shape) for w in weights]
        activation, activations, zs = x, [x], []
        for b, w in zip(biases, weights):
            z = np.dot(w, activation) + b
            zs.append(z)
            activation = sigmoid_(z)
            activations.append(activation)
        delta = activations[-1] - y
        if not cross_entropy:
            delta = delta * sigmoid_prime_(zs[-1])
        nabla_b[-1] = delta
        nabla_w[-1] = np.dot(delta, activations[-2].transpose())
        for l in range(2, len(weights) + 1):
            delta = np.dot(weights[-l + 1].transpose(), delta) * sigmoid_prime_(zs[-l])
            nabla_b[-l] = delta
            nabla_w[-l] = np.dot(delta, activations[-l - 1].transpose())
        return nabla_b, nabla_w

    pairs = [(X[:, [j]], Y[:, [j]]) for j in range(X.shape[1])]
    pairs = [pairs[j] for j in order]
    for k in range(0, len(pairs), mini_batch_size):
        mini_batch = pairs[k:k + mini_batch_size]
        nabla_b = [np.zeros(b.shape) for b in biases]
        nabla_w = [np.zeros(w.shape) for w in weights]
        for x, y in mini_batch:
            delta_nabla_b, delta_nabla_w = backprop_(x, y)
            nabla_b = [nb + dnb for nb, dnb in zip(nabla_b, delta_nabla_b)]
            nabla_w = [nw + dnw for nw, dnw in zip(nabla_w, delta_nabla_w)]
        weights = [w - (eta / len(mini_batch)) * nw for w, nw in zip(weights, nabla_w)]
        biases = [b - (eta / len(mini_batch)) * nb for b, nb in zip(biases, nabla_b)]
    return weights, biases


@pytest.mark.parametrize("cost", ["quadratic", "cross-entropy"])
@pytest.mark.parametrize("mini_batch_size", [1, 10, 7])
def test_one_epoch_equals_the_classic_textbook_loop(cost, mini_batch_size):
    rng = np.random.default_rng(11)
    X = rng.standard_normal((6, 53))
    Y = one_hot(rng.integers(0, 4, 53), 4)
    net = Network([6, 8, 5, 4], cost=cost, seed=2)
    start = net.copy()
    net.sgd(X, Y, epochs=1, mini_batch_size=mini_batch_size, eta=0.8, seed=5)
    order = np.random.default_rng(5).permutation(53)          # sgd's shuffle for seed 5
    weights, biases = classic_epoch(start.weights, start.biases, X, Y, order, mini_batch_size,
                                    0.8, cost == "cross-entropy")
    for ours, theirs in zip(net.weights + net.biases, weights + biases):
        assert np.allclose(ours, theirs, rtol=0, atol=1e-12)
    assert max(np.abs(p - q).max() for p, q in zip(net.weights, start.weights)) > 0.01


# ---- learning ---------------------------------------------------------------------

def test_update_mini_batch_is_one_gradient_step():
    net = Network([2, 3, 2], seed=0)
    X, Y = toy_data()
    nabla_b, nabla_w = net.backprop(X, Y)
    before = net.copy()
    net.update_mini_batch(X, Y, 0.5)
    for w, w0, g in zip(net.weights, before.weights, nabla_w):
        assert np.allclose(w, w0 - 0.5 * g, rtol=0, atol=1e-15)
    for b, b0, g in zip(net.biases, before.biases, nabla_b):
        assert np.allclose(b, b0 - 0.5 * g, rtol=0, atol=1e-15)
    assert net.cost_value(X, Y) < before.cost_value(X, Y)


def separable(m=200, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((2, m))
    labels = (X[0] + 0.5 * X[1] > 0).astype(int)
    return X, labels


@pytest.mark.parametrize("cost", list(COSTS.values()), ids=lambda c: c.name)
def test_sgd_learns_a_separable_problem(cost):
    X, labels = separable()
    net = Network([2, 4, 2], cost=cost, seed=1)
    seen = []
    history = net.sgd(X, labels, epochs=15, mini_batch_size=10, eta=1.0,
                      test=(X, labels), callback=lambda e, h: seen.append((e, len(h["train_cost"]))))
    assert seen == [(e, e) for e in range(1, 16)]
    assert history["epoch"] == list(range(1, 16))
    assert set(history) == {"epoch", "train_cost", "test_cost", "test_accuracy"}
    assert history["train_cost"][-1] < 0.5 * history["train_cost"][0]
    assert history["test_accuracy"][-1] >= 0.95
    assert net.accuracy(X, labels) == history["test_accuracy"][-1]
    # monitor_training_cost: the cost on all the data after each epoch, as on the test data here
    again = Network([2, 4, 2], cost=cost, seed=1)
    monitored = again.sgd(X, labels, epochs=15, mini_batch_size=10, eta=1.0, test=(X, labels),
                          monitor_training_cost=True)
    assert monitored["test_cost"] == monitored["train_cost"] == history["test_cost"]


def test_default_history_averages_the_mini_batch_costs():
    """Without monitor_training_cost the epoch's cost is the mean of the costs backprop saw."""
    X, labels = separable(m=23)
    Y = one_hot(labels, 2)
    net, replay = Network([2, 3, 2], seed=0), Network([2, 3, 2], seed=0)
    history = net.sgd(X, labels, epochs=2, mini_batch_size=10, eta=0.5, seed=4)
    rng = np.random.default_rng(4)
    for epoch in range(2):
        order, total = rng.permutation(23), 0.0
        for k in range(0, 23, 10):
            idx = order[k:k + 10]
            total += replay.cost_value(X[:, idx], Y[:, idx]) * len(idx)    # before the step
            replay.update_mini_batch(X[:, idx], Y[:, idx], 0.5)
        assert history["train_cost"][epoch] == pytest.approx(total / 23, rel=1e-12)


def test_sgd_is_reproducible_and_handles_a_short_last_batch():
    X, labels = separable(m=23)
    runs = []
    for _ in range(2):
        net = Network([2, 3, 2], seed=0)
        h = net.sgd(X, labels, epochs=2, mini_batch_size=10, eta=0.5, seed=7)
        assert set(h) == {"epoch", "train_cost"}
        runs.append(net)
    assert np.array_equal(runs[0].weights[0], runs[1].weights[0])
    other = Network([2, 3, 2], seed=0)
    other.sgd(X, labels, epochs=2, mini_batch_size=10, eta=0.5, seed=8)
    assert not np.array_equal(other.weights[0], runs[0].weights[0])


def test_train_epoch_equals_update_steps_on_the_same_shuffle():
    X, labels = separable(m=12)
    Y = one_hot(labels, 2)
    a, b = Network([2, 3, 2], seed=0), Network([2, 3, 2], seed=0)
    a.train_epoch(X, Y, 5, 0.7, np.random.default_rng(3))
    order = np.random.default_rng(3).permutation(12)
    for k in range(0, 12, 5):
        b.update_mini_batch(X[:, order[k:k + 5]], Y[:, order[k:k + 5]], 0.7)
    assert all(np.allclose(p, q, rtol=0, atol=1e-14) for p, q in zip(a.weights, b.weights))


def test_accuracy_and_cost_value():
    net = Network([2, 3, 3], seed=2)
    X = np.random.default_rng(1).standard_normal((2, 10))
    a = net.feedforward(X)
    labels = a.argmax(axis=0)
    assert net.accuracy(X, labels) == 1.0
    assert net.accuracy(X, one_hot(labels, 3)) == 1.0
    assert net.accuracy(X, (labels + 1) % 3) == 0.0
    assert net.cost_value(X, labels) == QuadraticCost.fn(a, one_hot(labels, 3))
    single = Network([2, 1], seed=0)
    out = single.feedforward(X)[0]
    assert single.accuracy(X, (out >= 0.5).astype(float)[None, :]) == 1.0
    assert single.accuracy(X, (out >= 0.5).astype(int)) == 1.0       # a vector of m targets


# ---- bad input --------------------------------------------------------------------

@pytest.mark.parametrize("sizes, error", [
    ([3], ValueError), ([], ValueError), ([2, 0], ValueError), ([2, -1, 2], ValueError),
    ([2, 2.5], TypeError), ([2, True], TypeError), ("23", TypeError), (5, TypeError)])
def test_bad_sizes(sizes, error):
    with pytest.raises(error, match="sizes"):
        Network(sizes)


def test_the_activation_doors_name_their_argument():
    from helpers.activations import sigmoid_prime, softmax
    for door in (sigmoid, sigmoid_prime, softmax):
        with pytest.raises(TypeError, match="z must be"):
            door("a")
        with pytest.raises(ValueError, match="z contains NaN"):
            door(np.array([0.0, np.nan]))
    with pytest.raises(ValueError, match="z must not be empty"):
        softmax(np.zeros((3, 0)))
    assert float(sigmoid(0)) == 0.5 and np.allclose(softmax([1.0, 1.0]), [0.5, 0.5])
    with pytest.raises(ValueError, match="activation must be one of"):
        Network([2, 2], activation="softmax")
    with pytest.raises(TypeError, match="activation must be"):
        Network([2, 2], activation=np.tanh)


def test_bad_cost_and_seed():
    with pytest.raises(ValueError, match="cost"):
        Network([2, 2], cost="hinge")
    with pytest.raises(TypeError, match="cost"):
        Network([2, 2], cost=object())
    with pytest.raises(ValueError, match="seed"):
        Network([2, 2], seed=-1)
    with pytest.raises(TypeError, match="seed must be an integer"):
        Network([2, 2], seed=1.5)


def test_bad_X_and_Y():
    net = Network([3, 2, 2])
    X, Y = np.zeros((3, 4)), np.zeros((2, 4))
    with pytest.raises(ValueError, match=r"X must have shape \(3, m\).*pass X\.T"):
        net.backprop(X.T, Y)
    with pytest.raises(ValueError, match="X must have shape"):
        net.feedforward(np.zeros(4))
    with pytest.raises(ValueError, match="X must have shape"):
        net.feedforward(np.zeros((3, 4, 1)))
    with pytest.raises(TypeError, match="X must be a number or an array"):
        net.feedforward([["a", "b", "c"]])
    with pytest.raises(TypeError, match="X must be a number or an array"):
        net.feedforward(np.ones((3, 2), dtype=bool))
    bad = X.copy()
    bad[1, 2] = np.nan
    with pytest.raises(ValueError, match="X contains NaN"):
        net.backprop(bad, Y)
    with pytest.raises(ValueError, match="X contains NaN"):
        net.feedforward(np.full(3, np.inf))
    with pytest.raises(ValueError, match=r"Y must have shape \(2, 4\)"):
        net.backprop(X, np.zeros((2, 3)))
    badY = Y.copy()
    badY[0, 0] = np.nan
    with pytest.raises(ValueError, match="Y contains NaN"):
        net.cost_value(X, badY)
    with pytest.raises(ValueError, match="labels must lie in 0..1"):
        net.accuracy(X, np.array([0, 1, 2, 0]))


@pytest.mark.parametrize("eta", [0, -1, float("nan"), float("inf")])
def test_non_positive_learning_rate(eta):
    net = Network([2, 2])
    X, Y = toy_data(m=4)
    with pytest.raises(ValueError, match="eta must be positive"):
        net.update_mini_batch(X, Y, eta)
    with pytest.raises(ValueError, match="eta must be positive"):
        net.sgd(X, Y, 1, 2, eta)
    with pytest.raises(TypeError, match="eta"):
        net.sgd(X, Y, 1, 2, "0.1")


def test_bad_sgd_arguments():
    net = Network([2, 2])
    X, Y = toy_data(m=4)
    with pytest.raises(ValueError, match="mini_batch_size must be at least 1, got 0"):
        net.sgd(X, Y, 1, 0, 0.1)
    with pytest.raises(TypeError, match="mini_batch_size must be an integer"):
        net.sgd(X, Y, 1, 2.5, 0.1)
    with pytest.raises(ValueError, match="mini_batch_size must be at most"):
        net.sgd(X, Y, 1, 5, 0.1)
    with pytest.raises(ValueError, match="epochs"):
        net.sgd(X, Y, -1, 2, 0.1)
    with pytest.raises(TypeError, match="test"):
        net.sgd(X, Y, 1, 2, 0.1, test=X)
    with pytest.raises(ValueError, match="X_test"):
        net.sgd(X, Y, 1, 2, 0.1, test=(X.T, Y))
    with pytest.raises(TypeError, match="callback"):
        net.sgd(X, Y, 1, 2, 0.1, callback=3)
    with pytest.raises(TypeError, match="rng"):
        net.train_epoch(X, Y, 2, 0.1, rng=0)
    assert net.sgd(X, Y, 0, 2, 0.1) == {"epoch": [], "train_cost": []}


def test_deltas_give_the_bias_gradients():
    net = Network([3, 4, 2, 2], cost="cross-entropy", seed=6)
    X, Y = toy_data(3, 2, m=5, seed=2)
    deltas = net.deltas(X, Y)
    assert [d.shape for d in deltas] == [(4, 5), (2, 5), (2, 5)]
    nabla_b, nabla_w = net.backprop(X, Y)
    zs, activations = net.forward(X)
    for d, nb, nw, a in zip(deltas, nabla_b, nabla_w, activations[:-1]):
        assert np.allclose(d.mean(axis=1, keepdims=True), nb, rtol=0, atol=1e-15)   # BP3
        assert np.allclose(d @ a.T / 5, nw, rtol=0, atol=1e-15)                      # BP4


# ---- the drawing and the panel -------------------------------------------------------

def test_drawing_updates_in_place():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from helpers.plots.network import draw_network, weight_name
    net = Network([2, 3, 2], seed=0)
    drawing = draw_network(net, [0.5, -1.0], [1.0, 0.0], weight_labels=[(0, 0, 0)])
    artists = (drawing.edges, drawing.neurons, list(drawing.labels))
    net.weights[0][0, 0] = -3.0
    drawing.update(net, [0.5, -1.0], [1.0, 0.0])
    assert (drawing.edges, drawing.neurons, list(drawing.labels)) == artists
    widths = drawing.edges.get_linewidths()
    assert widths[0] == max(widths)                       # the largest |w| is the widest edge
    assert drawing.edges.get_linestyles()[0][1] is not None    # negative: dashed
    delta_out = net.deltas([0.5, -1.0], [1.0, 0.0])[-1][0, 0]
    assert drawing.labels[5].get_text().endswith(f"δ {delta_out:+.2g}")
    assert drawing.labels[0].get_text() == "0.50"         # inputs: value, no delta
    assert weight_name(1, 0, 2) == "w³₁₃"
    with pytest.raises(ValueError, match="net must have sizes"):
        drawing.update(Network([2, 2]), [0.5, -1.0])
    with pytest.raises(ValueError, match="x must be a single example"):
        draw_network(net, np.zeros((2, 3)))
    with pytest.raises(ValueError, match="weight_labels"):
        draw_network(net, [0, 0], weight_labels=[(2, 0, 0)])
    plt.close("all")


@pytest.mark.parametrize("sizes", [[2, 3, 2], [2, 3, 3, 2]])
def test_dominoes_show_the_deltas_of_every_layer(sizes):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from helpers.plots.network import draw_dominoes
    net, x, y = Network(sizes, seed=0), [0.5, -1.0], [1.0, 0.0]
    ax = draw_dominoes(net, x, y)
    assert len([p for p in ax.patches if p.get_gid() == "domino"]) == len(sizes) - 1
    texts = [t.get_text() for t in ax.texts if t.get_gid() == "delta"]   # layer 2 first
    written = [[float(line.split("=")[1]) for line in text.split("\n")] for text in texts]
    assert len(written) == len(sizes) - 1
    for shown, delta in zip(written, net.deltas(x, y)):
        assert np.allclose(shown, delta.ravel(), rtol=5e-3, atol=0)         # 3 significant digits
    labels = [t.get_text() for t in ax.texts]
    assert labels.count("BP1") == 1 and labels.count("BP2") == len(sizes) - 2
    assert [t for t in labels if t.isdigit()] == [str(n) for n in range(len(sizes) - 1, 0, -1)]
    plt.close("all")


def test_panel_step_follows_sgd_and_reset_restores():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from helpers.widgets.network import NetworkPanel
    panel = NetworkPanel()
    start = panel.net.copy()
    x, y = np.array([0.5, -1.0]), np.array([1.0, 0.0])
    expected = start.copy()
    expected.update_mini_batch(x, y, 2.0)
    panel.step()
    assert np.allclose(panel.net.weights[1], expected.weights[1], rtol=0, atol=1e-15)
    assert panel.controls["w000"].value == pytest.approx(expected.weights[0][0, 0])
    assert len(panel.costs) == 2 and panel.costs[1] < panel.costs[0]
    assert "after 1 step(s)" in panel.readout.value
    panel.controls["eta"].value = 4.0                     # the rate alone keeps the record
    assert len(panel.costs) == 2
    panel.controls["x1"].value = 1.0                      # a new input starts a new record
    assert len(panel.costs) == 1
    panel.reset()
    assert np.array_equal(panel.net.weights[0], start.weights[0])
    with pytest.raises(ValueError, match="eta must be between 0.1 and 10, got 0"):
        NetworkPanel(eta=0)
    with pytest.raises(ValueError, match="x must be two inputs"):
        NetworkPanel(x=(5.0, 0.0))
    plt.close("all")


def test_exercise_checks():
    from helpers.checks.network import check_forward_passes, check_hidden_delta, check_output_delta
    assert check_output_delta(0.14373) and not check_output_delta(...)
    assert "sigma'(z) as well" in repr(check_output_delta(0.7311))
    assert check_hidden_delta(-0.025) and not check_hidden_delta(-0.1)
    assert "first path" in repr(check_hidden_delta(0.05))
    assert check_forward_passes(47_720) and not check_forward_passes(23_860)
    assert check_forward_passes(2 * (2 * 3 + 3 + 3 * 2 + 2), sizes=(2, 3, 2))
    assert not check_forward_passes("many")
