"""The Network: layout, initialisation, backprop against finite differences, SGD, bad input."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.activations import sigmoid
from helpers.costs import COSTS, CrossEntropyCost, LogLikelihoodCost, QuadraticCost
from helpers.network import Network, one_hot

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
    assert history["test_cost"] == history["train_cost"]
    assert net.accuracy(X, labels) == history["test_accuracy"][-1]


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
    with pytest.raises(TypeError, match="X must be a numeric array"):
        net.feedforward([["a", "b", "c"]])
    with pytest.raises(TypeError, match="X must be a numeric array"):
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
