"""The engine: values, edge derivatives, reverse mode, errors and drawing."""
import gc
import math

import matplotlib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from helpers.graph import Value  # noqa: E402
from helpers.plots.graph import draw_graph  # noqa: E402
from helpers.examples import running_example  # noqa: E402


def centred_difference(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def rel_error(a, b):
    return abs(a - b) / max(abs(a), abs(b), 1e-12)


UNARY = {
    "neg": (lambda v: -v, lambda x: -x),
    "exp": (lambda v: v.exp(), math.exp),
    "log": (lambda v: v.log(), math.log),
    "tanh": (lambda v: v.tanh(), math.tanh),
    "sigmoid": (lambda v: v.sigmoid(), lambda x: 1 / (1 + math.exp(-x))),
    "relu": (lambda v: v.relu(), lambda x: max(x, 0.0)),
    "square": (lambda v: v ** 2, lambda x: x ** 2),
    "cube root": (lambda v: v ** (1 / 3), lambda x: x ** (1 / 3)),
    "inverse": (lambda v: v ** -1, lambda x: 1 / x),
    "add const": (lambda v: v + 3, lambda x: x + 3),
    "radd const": (lambda v: 3 + v, lambda x: 3 + x),
    "sub const": (lambda v: v - 3, lambda x: x - 3),
    "rsub const": (lambda v: 3 - v, lambda x: 3 - x),
    "mul const": (lambda v: v * 2.5, lambda x: x * 2.5),
    "rmul const": (lambda v: 2.5 * v, lambda x: 2.5 * x),
    "div const": (lambda v: v / 4, lambda x: x / 4),
    "rdiv const": (lambda v: 4 / v, lambda x: 4 / x),
}


@pytest.mark.parametrize("name", sorted(UNARY))
@pytest.mark.parametrize("x", [0.7, 1.9])
def test_unary_derivatives_match_centred_differences(name, x):
    op, plain = UNARY[name]
    v = Value(x, "x")
    y = op(v)
    y.backward()
    assert y.data == pytest.approx(plain(x), rel=1e-12)
    assert rel_error(v.grad, centred_difference(plain, x)) < 1e-7


BINARY = {
    "+": (lambda a, b: a + b), "-": (lambda a, b: a - b),
    "*": (lambda a, b: a * b), "/": (lambda a, b: a / b),
}


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_derivatives_match_centred_differences(name):
    f = BINARY[name]
    a, b = Value(1.3, "a"), Value(-0.6, "b")
    y = f(a, b)
    y.backward()
    assert rel_error(a.grad, centred_difference(lambda x: f(x, -0.6), 1.3)) < 1e-7
    assert rel_error(b.grad, centred_difference(lambda x: f(1.3, x), -0.6)) < 1e-7


def test_running_example_values_and_edges():
    a, b = Value(2.0, "a"), Value(1.0, "b")
    e = running_example(a, b)
    c, d = e.parents
    assert (c.data, d.data, e.data) == (3.0, 2.0, 6.0)
    edges = {(p.label, q.label): x for p, q, x in e.edges()}
    assert edges == {("a", "c"): 1.0, ("b", "c"): 1.0, ("b", "d"): 1.0,
                     ("c", "e"): 2.0, ("d", "e"): 3.0}
    e.backward()
    assert (a.grad, b.grad) == (2.0, 5.0)


def test_topological_order_puts_parents_first():
    a, b = Value(2.0, "a"), Value(1.0, "b")
    e = running_example(a, b)
    order = e.topo()
    position = {id(n): i for i, n in enumerate(order)}
    assert order[-1] is e and len(order) == 5
    for parent, child, _ in e.edges():
        assert position[id(parent)] < position[id(child)]


def test_value_used_twice_gets_both_contributions():
    x = Value(3.0, "x")
    y = x * x + x
    y.backward()
    assert x.grad == 7.0                       # 2x + 1


def test_backward_twice_does_not_double():
    a, b = Value(2.0), Value(1.0)
    e = running_example(a, b)
    e.backward()
    e.backward()
    assert (a.grad, b.grad) == (2.0, 5.0)


def test_zero_grad():
    a, b = Value(2.0), Value(1.0)
    e = running_example(a, b)
    e.backward()
    e.zero_grad()
    assert all(n.grad == 0.0 for n in e.topo())


def test_graph_is_freed_without_the_cycle_collector():
    gc.collect()
    gc.disable()
    try:
        x = Value(1.0)
        y = x
        for _ in range(200):
            y = (y * x + 1).tanh()
        y.backward()
        del x, y
        assert gc.collect() == 0               # refcounting alone freed it: no cycles left
    finally:
        gc.enable()


# ---- the worked examples of CURRICULUM "Small worked examples" -------------

def test_cs231n_sum_times_product():
    x, y, z = Value(-2.0), Value(5.0), Value(-4.0)
    q = x + y
    f = q * z
    f.backward()
    assert (q.data, f.data) == (3.0, -12.0)
    assert (x.grad, y.grad, z.grad) == (-4.0, -4.0, 3.0)


def test_j_equals_three_a_plus_bc():
    a, b, c = Value(5.0), Value(3.0), Value(2.0)
    J = 3 * (a + b * c)
    J.backward()
    assert J.data == 33.0
    assert (a.grad, b.grad, c.grad) == (3.0, 6.0, 9.0)


def test_two_input_sigmoid_neuron():
    w0, w1, bias = Value(2.0), Value(-3.0), Value(-3.0)
    x0, x1 = Value(-1.0), Value(-2.0)
    z = w0 * x0 + w1 * x1 + bias
    out = z.sigmoid()
    out.backward()
    assert z.data == pytest.approx(1.0)
    assert out.data == pytest.approx(0.7311, abs=1e-4)
    assert [x0.grad, x1.grad] == pytest.approx([0.393, -0.590], abs=1e-3)
    assert [w0.grad, w1.grad] == pytest.approx([-0.197, -0.393], abs=1e-3)
    assert bias.grad == pytest.approx(0.197, abs=1e-3)


def test_tanh_neuron():
    x1, x2, w1, w2 = Value(2.0), Value(0.0), Value(-3.0), Value(1.0)
    b = Value(6.8813735870195432)
    o = (x1 * w1 + x2 * w2 + b).tanh()
    o.backward()
    assert o.data == pytest.approx(0.7071, abs=1e-4)
    assert (x1.grad, w1.grad, x2.grad, w2.grad, b.grad) == pytest.approx(
        (-1.5, 1.0, 0.5, 0.0, 0.5), abs=1e-4)


# ---- random graphs ---------------------------------------------------------

OPS = ["add", "mul", "sub", "tanh", "sigmoid", "square", "const"]


@st.composite
def random_graph(draw):
    """A random expression over 3 inputs whose nodes are reused freely."""
    xs = draw(st.lists(st.floats(-2, 2), min_size=3, max_size=3))
    steps = draw(st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 10**6),
                                    st.integers(0, 10**6)), min_size=1, max_size=15))
    return xs, steps


def evaluate(xs, steps, make):
    nodes = [make(x) for x in xs]
    for op, i, j in steps:
        u, v = nodes[i % len(nodes)], nodes[j % len(nodes)]
        nodes.append({"add": lambda: u + v, "mul": lambda: u * v, "sub": lambda: u - v,
                      "tanh": lambda: u.tanh() if isinstance(u, Value) else math.tanh(u),
                      "sigmoid": lambda: u.sigmoid() if isinstance(u, Value) else 1 / (1 + math.exp(-u)),
                      "square": lambda: u * u, "const": lambda: 0.5 * u + 1}[op]())
    return nodes


@settings(max_examples=60, deadline=None)
@given(random_graph())
def test_random_graphs_backward_matches_finite_differences(graph):
    xs, steps = graph
    nodes = evaluate(xs, steps, Value)
    out = nodes[-1]
    if abs(out.data) > 1e6:
        return
    out.backward()
    for k, x in enumerate(xs):
        def f(t, k=k):
            ys = list(xs)
            ys[k] = t
            return evaluate(ys, steps, float)[-1]
        numeric = centred_difference(f, x, h=1e-6)
        assert abs(nodes[k].grad - numeric) <= 1e-5 * max(1.0, abs(numeric))


# ---- bad input -------------------------------------------------------------

@pytest.mark.parametrize("bad, error, match", [
    ("x", TypeError, "Value data must be a real number"),
    (None, TypeError, "real number"),
    (True, TypeError, "real number"),
    (float("nan"), ValueError, "finite"),
    (float("inf"), ValueError, "finite"),
])
def test_bad_values_are_refused(bad, error, match):
    with pytest.raises(error, match=match):
        Value(bad)


def test_bad_operations_are_refused():
    with pytest.raises(ValueError, match="log needs a positive value"):
        Value(0.0).log()
    with pytest.raises(ValueError, match="division by zero"):
        Value(1.0) / Value(0.0)
    with pytest.raises(ValueError, match="division by zero"):
        Value(1.0) / 0
    with pytest.raises(ValueError, match="division by zero"):
        1 / Value(0.0)
    with pytest.raises(ValueError, match="overflows"):
        Value(1000.0).exp()
    with pytest.raises(TypeError, match="exponent"):
        Value(2.0) ** Value(2.0)
    with pytest.raises(ValueError, match="negative base"):
        Value(-2.0) ** 0.5
    with pytest.raises(TypeError, match="the factor"):
        Value(2.0) * "3"
    with pytest.raises(ValueError, match="the number added must be finite"):
        Value(2.0) + float("nan")
    with pytest.raises(TypeError, match="label"):
        Value(1.0, 3)


def test_extreme_but_valid_inputs_stay_finite():
    for x in (-800.0, 800.0):
        s = Value(x).sigmoid()
        s.backward()
        assert 0.0 <= s.data <= 1.0 and math.isfinite(s.parents[0].grad)


def test_saturated_slopes_keep_their_digits():
    from decimal import Decimal, getcontext
    getcontext().prec = 50

    def sigmoid_slope(z):                 # e^-z / (1 + e^-z)^2, exactly enough
        e = (-Decimal(z)).exp()
        return float(e / (1 + e) ** 2)

    def tanh_slope(z):                    # 1 / cosh(z)^2
        return float(4 / (Decimal(z).exp() + (-Decimal(z)).exp()) ** 2)

    for z, exact in ((30.0, sigmoid_slope(30)), (-30.0, sigmoid_slope(30))):
        (d,) = Value(z).sigmoid().local
        assert rel_error(d, exact) <= 1e-12
    for z, exact in ((18.0, tanh_slope(18)), (-18.0, tanh_slope(18))):
        (d,) = Value(z).tanh().local
        assert rel_error(d, exact) <= 1e-12
    assert Value(40.0).sigmoid().local[0] > 0 and Value(40.0).tanh().local[0] > 0
    assert Value(-40.0).sigmoid().local[0] > 0 and Value(-40.0).tanh().local[0] > 0


def test_one_constructor_checks_only_inputs():
    a = Value(2.0, "a")
    node = Value(3.0, "", "+", (a,), (1.0,))        # what every operation builds
    assert (node.op, node.parents, node.local, node.grad) == ("+", (a,), (1.0,), 0.0)
    node.backward()
    assert a.grad == 1.0
    assert not hasattr(Value, "_result")


# ---- drawing ---------------------------------------------------------------

def test_draw_graph_labels_values_and_edges():
    a, b = Value(2.0, "a"), Value(1.0, "b")
    e = running_example(a, b)
    drawing = draw_graph(e)
    texts = [t.get_text() for t in drawing.node_text]
    assert "e = c · d\n6" in texts and "a\n2" in texts
    assert sorted(t.get_text() for t in drawing.edge_text) == ["1", "1", "1", "2", "3"]
    drawing.update(running_example(Value(3.0), Value(-1.0)))
    assert "e = c · d\n0" in [t.get_text() for t in drawing.node_text]
    plt.close("all")


def test_draw_graph_one_node_and_thirty_nodes():
    drawing = draw_graph(Value(4.0, "x"))
    assert drawing.ax.axison is False and len(drawing.node_text) == 1
    x = Value(0.5, "x")
    node = x
    for i in range(29):
        node = node.tanh() if i % 2 else node * x     # one new node each time
    drawing = draw_graph(node)
    assert len(drawing.node_text) == 30
    assert isinstance(drawing.ax, plt.Axes)
    plt.close("all")


def test_draw_graph_highlight_and_errors():
    a, b = Value(2.0, "a"), Value(1.0, "b")
    e = running_example(a, b)
    c = e.parents[0]
    drawing = draw_graph(e, highlight=[(b, c), (c, e)])
    widths = sorted(arrow.arrow_patch.get_linewidth() for arrow in drawing.edge_arrows)
    assert widths[-2:] == [3.5, 3.5] and widths[0] == 1.5
    with pytest.raises(TypeError, match="output must be a Value"):
        draw_graph(3.0)
    with pytest.raises(ValueError, match=r"highlight\[0\] must be a \(parent, child\) pair"):
        draw_graph(e, highlight=[b])
    plt.close("all")
