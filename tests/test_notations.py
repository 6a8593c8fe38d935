"""One network, several notations: every way of writing backprop gives the same numbers."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.costs import COSTS
from helpers.graph import Value
from helpers.network import Network, one_hot
from helpers.notations import (all_gradients, backward_propagation, forward_propagation,
                               grads_to_nabla, row_gradients, theta_forward, theta_gradients,
                               theta_to_nabla, to_parameters, to_thetas, value_gradients,
                               value_network)

pytestmark = pytest.mark.filterwarnings("error")


def data(n_in, n_out, m, seed=0):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n_in, m)), one_hot(rng.integers(0, n_out, m), n_out)


def largest_difference(grads):
    ref_b, ref_w = grads["delta, BP1-BP4 (Network.backprop)"]
    return max(float(np.max(np.abs(a - b))) for nb, nw in grads.values()
               for a, b in zip(nb + nw, ref_b + ref_w))


@pytest.mark.parametrize("cost", list(COSTS.values()), ids=lambda c: c.name)
def test_four_notations_agree_on_a_2_3_2_network(cost):
    net = Network([2, 3, 2], cost=cost, seed=0)
    X, Y = data(2, 2, 3)
    grads = all_gradients(net, X, Y)
    assert len(grads) == 5
    for nb, nw in grads.values():
        assert [g.shape for g in nb] == [(3, 1), (2, 1)]
        assert [g.shape for g in nw] == [(3, 2), (2, 3)]
    assert largest_difference(grads) < 1e-10
    assert max(np.max(np.abs(g)) for g in grads["Value graph, reverse mode"][1]) > 1e-3  # not all 0


@settings(max_examples=25, deadline=None)
@given(sizes=st.lists(st.integers(1, 4), min_size=2, max_size=4), m=st.integers(1, 4),
       cost=st.sampled_from(sorted(COSTS)), seed=st.integers(0, 10_000))
def test_notations_agree_on_random_shapes(sizes, m, cost, seed):
    if cost == "log-likelihood":
        sizes[-1] = max(sizes[-1], 2)
    net = Network(sizes, cost=cost, seed=seed)
    X, Y = data(sizes[0], sizes[-1], m, seed) if sizes[-1] > 1 else \
        (np.random.default_rng(seed).standard_normal((sizes[0], m)), np.ones((1, m)))
    assert largest_difference(all_gradients(net, X, Y)) < 1e-10


def test_theta_layout_and_bias_unit():
    net = Network([2, 3, 2], seed=1)
    thetas = to_thetas(net)
    assert [t.shape for t in thetas] == [(3, 3), (2, 4)]
    assert np.array_equal(thetas[0][:, 0:1], net.biases[0])
    assert np.array_equal(thetas[1][:, 1:], net.weights[1])
    x = np.array([0.3, -0.7])
    a, z = theta_forward(thetas, x)
    assert sorted(a) == [1, 2, 3] and sorted(z) == [2, 3]
    assert a[1][0] == 1.0 and a[2][0] == 1.0 and a[3].shape == (2,)      # bias units, none on h
    assert np.allclose(a[3], net.feedforward(x)[:, 0], rtol=0, atol=1e-15)
    Ds = theta_gradients(thetas, np.array([x]), np.array([[1.0, 0.0]]), net.cost)
    nb, nw = theta_to_nabla(Ds)
    bb, bw = net.backprop(x, [1.0, 0.0])
    assert all(np.allclose(p, q, rtol=0, atol=1e-15) for p, q in zip(nb + nw, bb + bw))


def test_dz_dw_caches_and_dZ_is_delta():
    net = Network([3, 4, 2], cost="cross-entropy", seed=2)
    X, Y = data(3, 2, 5)
    params = to_parameters(net)
    assert sorted(params) == ["W1", "W2", "b1", "b2"]
    AL, caches = forward_propagation(X, params)
    assert np.allclose(AL, net.feedforward(X), rtol=0, atol=1e-15)
    assert np.array_equal(caches["A0"], X)
    grads = backward_propagation(X, Y, params, net.cost)
    assert np.allclose(grads["dZ2"], AL - Y, rtol=0, atol=1e-15)        # dZ[L] = A[L] - Y here
    assert grads["dA0"].shape == X.shape
    nb, nw = grads_to_nabla(grads)
    bb, bw = net.backprop(X, Y)
    assert all(np.allclose(p, q, rtol=0, atol=1e-15) for p, q in zip(nb + nw, bb + bw))


def test_rows_notation_is_the_transpose():
    net = Network([3, 2, 2], seed=4)
    X, Y = data(3, 2, 4)
    nb, nw = row_gradients(net, X.T, Y.T)
    bb, bw = net.backprop(X, Y)
    assert all(np.allclose(p, q, rtol=0, atol=1e-15) for p, q in zip(nb + nw, bb + bw))


def test_value_network_is_a_graph_of_labelled_parameters():
    net = Network([2, 3, 2], seed=0)
    X, Y = data(2, 2, 2)
    C, bias_values, weight_values = value_network(net, X, Y)
    assert isinstance(C, Value) and C.label == "C"
    assert C.data == pytest.approx(net.cost_value(X, Y), abs=1e-14)
    assert weight_values[0][2][1].label == "w2_32" and bias_values[1][0].label == "b3_1"
    leaves = {v.label for v in C.inputs()}
    assert {"w2_11", "w3_23", "b2_3", "b3_2"} <= leaves
    nb, nw = value_gradients(net, X, Y)
    assert nw[1].shape == (2, 3)


def test_the_doors_check_their_arguments():
    """all_gradients and value_network are what notebook 05 calls; the notations inside are plain."""
    net = Network([2, 3, 2])
    X, Y = data(2, 2, 3)
    with pytest.raises(TypeError, match="net must be"):
        all_gradients("net", X, Y)
    with pytest.raises(TypeError, match="net must be"):
        value_network(None, X, Y)
    with pytest.raises(ValueError, match="value_network is for small networks"):
        value_network(Network([100, 100, 10]), np.zeros((100, 5)), np.zeros((10, 5)))
    with pytest.raises(ValueError, match="X must have shape"):
        all_gradients(net, X.T, Y)
    with pytest.raises(ValueError, match="Y must have shape"):
        value_network(net, X, Y[:, :2])


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_notations_follow_the_hidden_activation(activation):
    net = Network([3, 4, 3, 2], cost="log-likelihood", activation=activation, seed=5)
    X, Y = data(3, 2, 3, seed=1)
    assert largest_difference(all_gradients(net, X, Y)) < 1e-10


def test_path_sum_from_a_hidden_z_is_its_delta():
    """BP2 is the path-sum rule: every path from z2_j to C, multiplied along and added."""
    from helpers.walks import count_paths, path_sum
    net = Network([2, 3, 2], seed=0)
    x, y = np.array([0.5, -1.0]), np.array([1.0, 0.0])
    C, _, _ = value_network(net, x, y)
    nodes = {n.label: n for n in C.topo() if n.label}
    deltas = net.deltas(x, y)
    for j in range(3):
        assert path_sum(C, nodes[f"z2_{j + 1}"]) == pytest.approx(deltas[0][j, 0], abs=1e-15)
        assert count_paths(C, nodes[f"z2_{j + 1}"]) == 2       # through z3_1 and z3_2
    assert "z2_1[x2]" in {n.label for n in value_network(net, np.ones((2, 2)), np.eye(2))[0].topo()}
