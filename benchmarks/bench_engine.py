"""One training step of a small ReLU MLP, as a learner pays for it: our engine vs micrograd.

The step builds the graph of a mean hinge loss over a few dozen 2-D points
through a 2-16-16-1 ReLU network (about 50,000 nodes with our engine),
runs the backward pass, and lets the graph go, garbage collection included:
`gc.collect()` is inside the timed region for both engines. micrograd's
backward closures make every node part of a reference cycle, so its graphs
wait for the collector; ours hold numbers on the edges and are freed at once.

The same function computes the step for both engines; only the Value class
differs. micrograd is a benchmark-only dependency (`pip install micrograd`),
not in requirements.txt: without it this module reports a skipped row.

    python -m benchmarks engine
"""
import gc
import random
import time

from benchmarks.common import Row, median, ms
from helpers.graph import Value

SIZES = (2, 16, 16, 1)
POINTS = 78
ROUNDS = 11
BUDGET = 5.0          # our step must be at least this many times faster


def make_data(n_points=POINTS, seed=1):
    """Points in [-2, 2]^2 labelled +1/-1 by the sign of x0 * x1 (an XOR pattern)."""
    rng = random.Random(seed)
    X = [[rng.uniform(-2, 2), rng.uniform(-2, 2)] for _ in range(n_points)]
    return X, [1.0 if x0 * x1 > 0 else -1.0 for x0, x1 in X]


def make_weights(sizes=SIZES, seed=0):
    """Plain floats: per layer, per neuron, (input weights, bias)."""
    rng = random.Random(seed)
    return [[([rng.uniform(-1, 1) for _ in range(n_in)], 0.0) for _ in range(n_out)]
            for n_in, n_out in zip(sizes[:-1], sizes[1:])]


def training_step(value, weights, X, y, keep=None):
    """Build the loss graph with the Value class `value`, run backward, return the gradients.

    Written the way micrograd's own demo writes it (inputs and parameters as
    Values, each neuron a sum started from its bias), so both engines do the
    same arithmetic in the same order. `keep` (a list) receives the loss node,
    for counting nodes outside the timed runs.
    """
    layers = [[([value(w) for w in ws], value(b)) for ws, b in layer] for layer in weights]
    losses = []
    for row, target in zip(X, y):
        h = [value(x) for x in row]
        for depth, layer in enumerate(layers):
            out = []
            for ws, b in layer:
                act = sum((w * x for w, x in zip(ws, h)), b)
                out.append(act.relu() if depth < len(layers) - 1 else act)
            h = out
        losses.append((1 + -target * h[0]).relu())          # hinge loss
    loss = sum(losses) * (1.0 / len(losses))
    loss.backward()
    if keep is not None:
        keep.append(loss)
    return [p.grad for layer in layers for ws, b in layer for p in ws + [b]]


def timed_step(value, weights, X, y):
    """Seconds for one step, building, backward and release (gc.collect) all timed."""
    gc.collect()                          # start each run from the same clean heap
    start = time.perf_counter()
    grads = training_step(value, weights, X, y)
    gc.collect()
    return time.perf_counter() - start, grads


def count_nodes(loss):
    """Nodes of a graph by walking parents (ours) or _prev (micrograd)."""
    seen, stack = {id(loss)}, [loss]
    while stack:
        node = stack.pop()
        for p in getattr(node, "parents", None) or getattr(node, "_prev", ()):
            if id(p) not in seen:
                seen.add(id(p))
                stack.append(p)
    return len(seen)


def compare(rounds=ROUNDS, n_points=POINTS):
    """Median seconds of both engines (interleaved rounds), node counts, gradient gap."""
    from micrograd.engine import Value as MicroValue
    weights, (X, y) = make_weights(), make_data(n_points)
    ours_graph, theirs_graph = [], []
    ours_grads = training_step(Value, weights, X, y, keep=ours_graph)
    theirs_grads = training_step(MicroValue, weights, X, y, keep=theirs_graph)
    nodes = count_nodes(ours_graph.pop()), count_nodes(theirs_graph.pop())
    # Same arithmetic, but micrograd adds up a node's gradient contributions in
    # set order: allow for the last bit, no more.
    scale = max(abs(g) for g in ours_grads)
    gap = max(abs(a - b) for a, b in zip(ours_grads, theirs_grads))
    assert len(ours_grads) == len(theirs_grads) and gap <= 1e-12 * scale, \
        f"the engines disagree on the gradients by {gap:.3g}"
    ours, theirs = [], []
    for _ in range(rounds):
        ours.append(timed_step(Value, weights, X, y)[0])
        theirs.append(timed_step(MicroValue, weights, X, y)[0])
    return {"ours": median(ours), "micrograd": median(theirs), "nodes": nodes, "gap": gap,
            "scale": scale, "ratio": median([t / o for o, t in zip(ours, theirs)])}


def run():
    try:
        import micrograd.engine  # noqa: F401
    except ImportError:
        return [Row("engine step vs micrograd", "skipped: micrograd is not installed",
                    budget=f">= {BUDGET:g}x", ok=None)]
    r = compare()
    ratio = r["ratio"]
    what = f"2-16-16-1 ReLU MLP, {POINTS} points, build + backward + gc"
    return [
        Row(f"engine step, helpers.graph ({r['nodes'][0]:,} nodes; {what})", ms(r["ours"])),
        Row(f"engine step, micrograd ({r['nodes'][1]:,} nodes; same step; "
            f"largest gradient gap {r['gap']:.1g})", ms(r["micrograd"])),
        Row(f"engine step: micrograd time / ours (median of {ROUNDS} interleaved rounds' ratios)", "",
            f"{ratio:.1f}x", f">= {BUDGET:g}x", ratio >= BUDGET),
    ]
