"""The three walks over one graph: path sum, forward mode, reverse mode."""
import math
import warnings

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from helpers.examples import diamond_chain, many_inputs_function, many_outputs_function
from helpers.graph import Value
from helpers.timing import median_seconds, time_modes
from helpers.walks import (Path, count_operations, count_paths, forward_mode, forward_steps,
                           path_sum, paths, reverse_mode, reverse_steps)


@pytest.fixture(autouse=True)
def numeric_warnings_are_errors():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def running_example(a=2.0, b=1.0):
    a, b = Value(a, "a"), Value(b, "b")
    c = (a + b).named("c")
    d = (b + 1).named("d")
    return a, b, c, d, (c * d).named("e")


# ---- the running example: the numbers of CURRICULUM sections 2 and 3 --------

def test_paths_of_the_running_example():
    a, b, c, d, e = running_example()
    found = paths(e, b)
    assert [str(p) for p in found] == ["b → c → e: 1 × 2 = 2", "b → d → e: 1 × 3 = 3"]
    assert [p.product for p in found] == [2.0, 3.0]
    assert found[0].nodes == (b, c, e)
    assert found[1].pairs() == [(b, d), (d, e)]
    assert path_sum(e, b) == 5.0
    assert path_sum(e, a) == 2.0
    assert [p.product for p in paths(e, a)] == [2.0]


def test_one_path_is_the_classic_mistake():
    _, b, _, _, e = running_example()
    one = paths(e, b)[0].product
    assert one == 2.0 and one != path_sum(e, b)


def test_path_to_itself_is_the_empty_path():
    _, _, _, _, e = running_example()
    (only,) = paths(e, e)
    assert only == Path((), 1.0) and only.nodes == () and path_sum(e, e) == 1.0


def test_paths_from_an_intermediate_node():
    _, _, c, _, e = running_example()
    assert [p.product for p in paths(e, c)] == [2.0]     # de/dc = d


def test_forward_mode_from_b_and_from_a():
    a, b, c, d, e = running_example()
    tangents = forward_mode(e, b)
    assert [tangents[n] for n in (a, b, c, d, e)] == [0.0, 1.0, 1.0, 1.0, 5.0]
    assert list(tangents) == e.topo()
    assert forward_mode(e, a)[e] == 2.0


def test_reverse_mode_is_backward():
    a, b, c, d, e = running_example()
    adjoints = reverse_mode(e)
    assert [adjoints[n] for n in (e, c, d, a, b)] == [1.0, 2.0, 3.0, 2.0, 5.0]
    assert list(adjoints) == list(reversed(e.topo()))
    assert b.grad == 5.0


def test_step_lists_are_in_walking_order():
    a, b, c, d, e = running_example()
    fwd = forward_steps(e, b)
    assert [s.node for s in fwd] == [a, b, c, d, e] == e.topo()
    assert [s.value for s in fwd] == [0.0, 1.0, 1.0, 1.0, 5.0]
    assert [s.name for s in fwd] == ["da/db", "db/db", "dc/db", "dd/db", "de/db"]
    assert str(fwd[4]) == "de/db = dc/db × 2 + dd/db × 3 = 1 × 2 + 1 × 3 = 5"
    assert "seed" in str(fwd[1]) and "another input" in str(fwd[0])
    assert fwd[4].edge_pairs() == [(c, e), (d, e)]
    rev = reverse_steps(e)
    assert [s.node for s in rev] == list(reversed(e.topo())) == [e, d, c, b, a]
    assert [s.value for s in rev] == [1.0, 3.0, 2.0, 5.0, 2.0]
    assert str(rev[3]) == "de/db = de/dd × 1 + de/dc × 1 = 3 × 1 + 2 × 1 = 5"
    assert rev[3].edge_pairs() == [(b, d), (b, c)]
    # Each node is filled in only after every node it needs.
    for steps, needs in ((fwd, lambda s: [t.node for t in s.terms]),
                         (rev, lambda s: [t.node for t in s.terms])):
        done = set()
        for s in steps:
            assert all(n in done for n in needs(s))
            done.add(s.node)


def test_operation_counts_of_the_running_example():
    _, b, _, _, e = running_example()
    counts = count_operations(e)
    assert (counts.inputs, counts.edges, counts.paths, counts.path_sum) == (2, 5, 3, 6)
    assert (counts.forward, counts.reverse) == (10, 5)
    assert count_operations(e, b).forward == 5


# ---- random graphs, reused nodes included ------------------------------------

OPS = ["+", "*", "-", "tanh", "sigmoid", "c*", "c+", "neg", "square", "relu"]


@st.composite
def programs(draw, ops=OPS):
    """Input values and a list of operations over earlier nodes (reuse allowed)."""
    n_inputs = draw(st.integers(1, 4))
    values = draw(st.lists(st.floats(-2, 2, allow_nan=False), min_size=n_inputs,
                           max_size=n_inputs))
    steps = []
    for k in range(draw(st.integers(0, 12))):
        pool = n_inputs + k
        op = draw(st.sampled_from(ops))
        i, j = draw(st.integers(0, pool - 1)), draw(st.integers(0, pool - 1))
        steps.append((op, i, j, draw(st.floats(-1.5, 1.5, allow_nan=False))))
    return values, steps


def build(program):
    """The graph of a program: (inputs, output)."""
    values, steps = program
    nodes = [Value(v, f"x{i}") for i, v in enumerate(values)]
    for op, i, j, c in steps:
        u, v = nodes[i], nodes[j]
        nodes.append({"+": lambda: u + v, "*": lambda: u * v, "-": lambda: u - v,
                      "tanh": u.tanh, "sigmoid": u.sigmoid, "c*": lambda: u * c,
                      "c+": lambda: u + c, "neg": lambda: -u, "square": lambda: u * u,
                      "relu": u.relu}[op]())
    return nodes[:len(values)], nodes[-1]


def close(x, y, scale):
    return abs(x - y) <= 1e-12 * max(1.0, scale)


@settings(max_examples=150, deadline=None)
@given(programs())
def test_path_sum_forward_and_reverse_agree(program):
    inputs, out = build(program)
    assume(all(math.isfinite(n.data) and abs(n.data) < 1e6 for n in out.topo()))
    adjoints = reverse_mode(out)
    for x in out.inputs():
        products = [p.product for p in paths(out, x)]
        scale = sum(abs(p) for p in products)
        by_paths = path_sum(out, x)
        assert close(by_paths, forward_mode(out, x)[out], scale)
        assert close(by_paths, adjoints[x], scale)
        assert count_paths(out, x) == len(products)


@settings(max_examples=100, deadline=None)
@given(programs())
def test_steps_match_the_modes_exactly(program):
    _, out = build(program)
    assume(all(math.isfinite(n.data) for n in out.topo()))
    out.backward()
    rev = reverse_steps(out)
    assert [s.node for s in rev] == list(reversed(out.topo()))
    assert all(s.value == s.node.grad for s in rev)        # bit for bit: the same sums
    for x in out.inputs():
        fwd = forward_steps(out, x)
        tangents = forward_mode(out, x)
        assert [s.node for s in fwd] == list(tangents)
        assert all(s.value == tangents[s.node] for s in fwd)


@settings(max_examples=100, deadline=None)
@given(programs())
def test_operation_counts_match_the_walks(program):
    _, out = build(program)
    counts = count_operations(out)
    listed = [p for x in out.inputs() for p in paths(out, x)]
    assert counts.paths == len(listed)
    assert counts.path_sum == sum(len(p.edges) for p in listed)
    assert counts.edges == len(out.edges()) == counts.reverse
    assert counts.forward == len(out.inputs()) * counts.edges


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(programs(ops=[op for op in OPS if op != "relu"]))
def test_forward_mode_matches_finite_differences(program):
    values, steps = program
    inputs, out = build(program)
    assume(all(abs(n.data) < 1e3 for n in out.topo()))
    h = 1e-5
    for i, x in enumerate(inputs):
        if x not in out.topo():
            continue
        up = build(([v + h * (k == i) for k, v in enumerate(values)], steps))[1].data
        down = build(([v - h * (k == i) for k, v in enumerate(values)], steps))[1].data
        numeric = (up - down) / (2 * h)
        exact = forward_mode(out, x)[out]
        assert abs(numeric - exact) <= 1e-6 * max(1.0, abs(exact)), (i, numeric, exact)


def reference_topo(node, order=None, seen=None):
    """The textbook recursive depth-first order."""
    order, seen = ([], set()) if order is None else (order, seen)
    seen.add(id(node))
    for p in node.parents:
        if id(p) not in seen:
            reference_topo(p, order, seen)
    order.append(node)
    return order


@settings(max_examples=100, deadline=None)
@given(programs())
def test_engine_topo_is_the_recursive_depth_first_order(program):
    _, out = build(program)
    assert [id(n) for n in out.topo()] == [id(n) for n in reference_topo(out)]


def test_many_inputs_counts_and_agreement():
    xs, out = many_inputs_function(6)
    assert len(out.edges()) == 4 * 6 - 2
    adjoints = reverse_mode(out)
    for x in xs:
        assert forward_mode(out, x)[out] == pytest.approx(adjoints[x], rel=1e-12)
    assert count_operations(out).forward == 6 * (4 * 6 - 2)


def test_many_outputs_counts_and_agreement():
    x, outs = many_outputs_function(5)
    tangents = forward_mode(outs, x)
    for y in outs:
        assert len(y.edges()) == 2 * 5 + 2
        assert reverse_mode(y)[x] == pytest.approx(tangents[y], rel=1e-12)


def test_time_modes_rows():
    rows = time_modes([3, 40], max_passes=4, repeat=1)
    assert [r["n"] for r in rows] == [3, 40]
    assert [r["passes_timed"] for r in rows] == [3, 4]
    assert [(r["forward_ops"], r["reverse_ops"]) for r in rows] == [(3 * 10, 10), (40 * 158, 158)]
    assert all(r["forward_s"] > 0 and r["reverse_s"] > 0 for r in rows)
    rows = time_modes([7], many="outputs", repeat=1)
    x, outs = many_outputs_function(7)
    assert rows[0]["reverse_ops"] == sum(len(y.edges()) for y in outs) == 7 * 16
    assert rows[0]["forward_ops"] == 4 * 7
    assert rows[0]["ratio"] == rows[0]["reverse_s"] / rows[0]["forward_s"]


# ---- bad input ---------------------------------------------------------------

def test_paths_between_unconnected_nodes():
    a, b, c, d, e = running_example()
    stranger = Value(3.0, "s")
    for fn in (paths, path_sum, count_paths):
        with pytest.raises(ValueError, match="wrt .*not connected to output"):
            fn(e, stranger)
    with pytest.raises(ValueError, match="swapped"):
        paths(b, e)                          # arguments the wrong way round
    with pytest.raises(ValueError, match="wrt"):
        paths(c, d)                          # siblings: no path either way


def test_forward_mode_needs_an_input():
    a, b, c, d, e = running_example()
    for fn in (forward_mode, forward_steps):
        with pytest.raises(ValueError, match="wrt must be an input.*c is computed by '\\+'"):
            fn(e, c)
        with pytest.raises(ValueError, match="wrt .*not connected"):
            fn(e, Value(1.0, "z"))
        with pytest.raises(TypeError, match="wrt must be a Value"):
            fn(e, "b")
    with pytest.raises(TypeError, match="output must be a Value"):
        forward_mode(5.0, b)
    with pytest.raises(TypeError, match="output must be a Value or a non-empty list"):
        forward_mode([], b)
    with pytest.raises(TypeError, match=r"output\[1\] must be a Value"):
        forward_mode([e, 2.0], b)
    with pytest.raises(ValueError, match="wrt must be an input"):
        count_operations(e, [b, d])


def test_wrong_types_name_the_argument():
    _, b, _, _, e = running_example()
    with pytest.raises(TypeError, match="output must be a Value"):
        paths("e", b)
    with pytest.raises(TypeError, match="wrt must be a Value"):
        path_sum(e, 1.0)
    with pytest.raises(TypeError, match="output must be a Value"):
        reverse_steps(None)
    with pytest.raises(TypeError, match="output must be a Value"):
        reverse_mode([e])


def test_too_many_paths_are_refused_not_listed():
    chain = diamond_chain(10, 4)
    with pytest.raises(ValueError, match="1,048,576 paths.*limit=100,000.*count_paths"):
        paths(chain.output, chain.input)
    assert count_paths(chain.output, chain.input) == 4 ** 10
    with pytest.raises(ValueError, match="limit must be at least 1"):
        paths(chain.output, chain.input, limit=0)


def test_other_builders_bad_arguments():
    with pytest.raises(ValueError, match="n must be at least 1"):
        many_inputs_function(0)
    with pytest.raises(ValueError, match="many must be 'inputs' or 'outputs'"):
        time_modes([10], many="both")
    with pytest.raises(TypeError, match="sizes must be a non-empty list"):
        time_modes(10)


def test_median_seconds_times_a_call_and_checks_its_arguments():
    assert 0.0 < median_seconds(lambda: sum(range(100)), repeat=3) < 1.0
    with pytest.raises(TypeError, match="fn must be callable"):
        median_seconds(3)
    with pytest.raises(ValueError, match="repeat must be at least 1"):
        median_seconds(lambda: None, repeat=0)
    with pytest.raises(ValueError, match="at_least must be positive"):
        median_seconds(lambda: None, at_least=0.0)
