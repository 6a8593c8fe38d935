"""Three walks over one annotated graph: the path sum, forward mode, reverse mode.

The engine (`helpers.graph`) stores the local derivative of every edge as a
number. Each walk here only reads those numbers:

- the path sum lists every path from one node to another, multiplies the
  edge numbers along each, and adds the products;
- forward mode walks the graph front to back once and gives the derivative
  of *every* node with respect to *one* input (its "tangent");
- reverse mode walks it back to front once and gives the derivative of *one*
  output with respect to *every* node (its "adjoint"): `Value.backward`.

Both modes are also available as a list of `Step`s, one node per step, so
that a notebook can show them filling in the graph in order. Work is counted
in multiply-adds: one `total += x * d` with `d` an edge number.

    >>> from helpers.graph import Value
    >>> a, b = Value(2.0, "a"), Value(1.0, "b")
    >>> e = ((a + b).named("c") * (b + 1).named("d")).named("e")
    >>> [str(p) for p in paths(e, b)]
    ['b → c → e: 1 × 2 = 2', 'b → d → e: 1 × 3 = 3']
    >>> path_sum(e, b), forward_mode(e, b)[e], reverse_mode(e)[b]
    (5.0, 5.0, 5.0)
"""
import gc
import math
import random
import time
from collections.abc import Sequence
from typing import NamedTuple

from helpers.graph import Value, topological_order
from helpers.validate import choice, float_array, instance, integer, positive_int, real

__all__ = [
    "Path", "paths", "path_sum", "count_paths",
    "forward_mode", "reverse_mode", "Term", "Step", "forward_steps", "reverse_steps",
    "OperationCounts", "count_operations",
    "DiamondChain", "diamond_chain", "diamond_counts",
    "many_inputs_function", "many_outputs_function", "time_modes", "loglog_slope",
]

PATH_LIMIT = 100_000      # paths() refuses to list more than this by default


# ---- checking arguments ------------------------------------------------------

def _outputs(output, name="output"):
    """A Value or a non-empty sequence of Values, as a list."""
    if isinstance(output, Value):
        return [output]
    if isinstance(output, Sequence) and not isinstance(output, str) and output:
        for i, out in enumerate(output):
            instance(out, f"{name}[{i}]", Value)
        return list(output)
    raise TypeError(f"{name} must be a Value or a non-empty list of Values, "
                    f"got {type(output).__name__}")


def _name(node):
    return node.label or (f"({node.op})" if node.op else "(input)")


def _in_graph(order, wrt, output_name="output"):
    if wrt not in order:     # a list or set of Values: membership is by identity
        raise ValueError(
            f"wrt ({_name(wrt)}) is not connected to {output_name}: it is not in the graph "
            f"that computes {output_name}, so there is no path from it "
            f"(are the arguments swapped? the output comes first)")


# ---- the path sum ------------------------------------------------------------

class _PathFields(NamedTuple):
    edges: tuple
    product: float


class Path(_PathFields):
    """One path through the graph, as its edges from `wrt` up to the output.

    edges   -- (parent, child, local derivative) triples, in walking order
    product -- the product of the edge derivatives (1.0 for the empty path)
    """
    __slots__ = ()

    def __new__(cls, edges, product):
        return super().__new__(cls, _edge_triples(edges), real(product, "product"))

    @property
    def nodes(self):
        """The nodes along the path, start to end."""
        if not self.edges:
            return ()
        return (self.edges[0][0],) + tuple(child for _, child, _ in self.edges)

    def pairs(self):
        """(parent, child) pairs, the form `draw_graph(..., highlight=)` takes."""
        return [(p, c) for p, c, _ in self.edges]

    def __str__(self):
        if not self.edges:
            return "(empty path): 1"
        route = " → ".join(_name(n) for n in self.nodes)
        factors = " × ".join(f"{d:.4g}" for _, _, d in self.edges)
        return f"{route}: {factors} = {self.product:.4g}"


def _edge_triples(edges):
    if isinstance(edges, (str, bytes)) or not isinstance(edges, Sequence):
        raise TypeError(f"edges must be a tuple of (parent, child, derivative) triples, "
                        f"got {type(edges).__name__}")
    for i, edge in enumerate(edges):
        if not isinstance(edge, tuple) or len(edge) != 3:
            raise ValueError(f"edges[{i}] must be a (parent, child, derivative) triple, "
                             f"got {edge!r}")
        instance(edge[0], f"edges[{i}][0]", Value)
        instance(edge[1], f"edges[{i}][1]", Value)
        real(edge[2], f"edges[{i}][2]")
    return tuple(edges)


def count_paths(output, wrt):
    """How many paths lead from `wrt` to `output`, without listing them.

    One walk front to back: a node is reached by as many paths as its
    parents together (a parent used twice counts twice). Exact integers.
    """
    instance(output, "output", Value)
    instance(wrt, "wrt", Value)
    order = output.topo()
    _in_graph(order, wrt)
    return _path_counts(order, wrt)[0][output]


def _path_counts(order, sources):
    """{node: number of paths from the sources}, {node: total length of those paths}.

    sources -- one node, or a set of nodes none of which lies on a path from
               another (inputs, say): then the counts are the sums over sources.
    """
    if isinstance(sources, Value):
        sources = {sources}
    count, length = {}, {}
    for node in order:
        if node in sources:
            count[node], length[node] = 1, 0
            continue
        c = s = 0
        for p in node.parents:
            cp = count.get(p, 0)
            if cp:
                c += cp
                s += length[p] + cp      # every path to p gets one more edge
        if c:
            count[node], length[node] = c, s
    return count, length


def paths(output, wrt, limit=PATH_LIMIT):
    """Every path from `wrt` to `output`, each with the product of its edges.

    Paths are listed in the order of the output's parents (for e = c * d:
    the paths through c first). An edge used twice (x * x) gives two paths.
    Raises ValueError if wrt does not feed into output, or if there are more
    than `limit` paths (use count_paths to count them instead).
    """
    instance(output, "output", Value)
    instance(wrt, "wrt", Value)
    limit = positive_int(limit, "limit")
    order = output.topo()
    _in_graph(order, wrt)
    count = _path_counts(order, wrt)[0]
    if count[output] > limit:
        raise ValueError(f"there are {count[output]:,} paths from wrt to output, more than "
                         f"limit={limit:,}; count them with count_paths() or raise limit")
    found = []
    # Walk back from the output, into parents that lie on some path from wrt.
    stack = [(output, ())]
    while stack:
        node, tail = stack.pop()
        if node is wrt:
            edges = tail
            product = 1.0
            for _, _, d in edges:
                product *= d
            found.append(Path._make((edges, product)))     # built here: no checks needed
            continue
        steps = [(p, ((p, node, d),) + tail) for p, d in zip(node.parents, node.local)
                 if count.get(p, 0)]
        stack.extend(reversed(steps))
    return found


def path_sum(output, wrt, limit=PATH_LIMIT):
    """d(output)/d(wrt) by the path sum: multiply along each path, add over paths."""
    total = 0.0
    for path in paths(output, wrt, limit):
        total += path.product
    return total


# ---- forward and reverse mode ------------------------------------------------

def _check_input(order, wrt):
    """wrt must be a leaf of the graph; `order` is its node list (or a set of its nodes)."""
    instance(wrt, "wrt", Value)
    if wrt.parents:
        raise ValueError(f"wrt must be an input of the graph (a node made with Value(...)), "
                         f"but {_name(wrt)} is computed by {wrt.op!r} from other nodes")
    _in_graph(order, wrt, "the output")


def forward_mode(output, wrt):
    """Tangents d(node)/d(wrt) of every node, in one walk front to back.

    output -- a Value, or a list of Values (one walk serves all of them)
    wrt    -- an input of the graph (a leaf)
    Returns {node: tangent} in topological order. Each node's tangent is the
    sum over its incoming edges of (parent's tangent x edge derivative).
    """
    order = topological_order(_outputs(output))
    _check_input(order, wrt)
    tangent = {}
    for node in order:
        if node.parents:
            t = 0.0
            for p, d in zip(node.parents, node.local):
                t += tangent[p] * d
            tangent[node] = t
        else:
            tangent[node] = 1.0 if node is wrt else 0.0
    return tangent


def reverse_mode(output):
    """Adjoints d(output)/d(node) of every node, in one walk back to front.

    This is the engine's own `output.backward()` (so it also sets every
    node's .grad); returned as {node: adjoint}, output first.
    """
    instance(output, "output", Value)
    output.backward()
    return {node: node.grad for node in reversed(output.topo())}


class _TermFields(NamedTuple):
    node: Value          # the parent (forward mode) or the child (reverse mode)
    name: str            # how that node's number is written, e.g. "da/db"
    derivative: float    # the edge's local derivative
    value: float         # that node's tangent or adjoint


class Term(_TermFields):
    """One edge read by a step: the node at its other end and the two numbers."""
    __slots__ = ()

    def __new__(cls, node, name, derivative, value):
        return super().__new__(cls, instance(node, "node", Value), instance(name, "name", str),
                               real(derivative, "derivative"), real(value, "value"))


class _StepFields(NamedTuple):
    mode: str
    node: Value
    name: str
    value: float
    terms: tuple


class Step(_StepFields):
    """One node filled in by forward or reverse mode.

    mode  -- "forward" or "reverse"
    node  -- the node whose number this step fills in
    name  -- how that number is written: "dc/db" (forward), "de/dc" (reverse)
    value -- its tangent (forward) or adjoint (reverse)
    terms -- a Term per edge read: the parents in forward mode, the
             children in reverse mode (value = sum of value x derivative)
    """
    __slots__ = ()

    def __new__(cls, mode, node, name, value, terms):
        if isinstance(terms, (str, bytes)) or not isinstance(terms, Sequence):
            raise TypeError(f"terms must be a tuple of Terms, got {type(terms).__name__}")
        for i, term in enumerate(terms):
            instance(term, f"terms[{i}]", Term)
        return super().__new__(cls, choice(mode, "mode", ("forward", "reverse")),
                               instance(node, "node", Value), instance(name, "name", str),
                               real(value, "value"), tuple(terms))

    def edge_pairs(self):
        """(parent, child) pairs of the edges this step reads, for highlighting."""
        if self.mode == "forward":
            return [(t.node, self.node) for t in self.terms]
        return [(self.node, t.node) for t in self.terms]

    def formula(self):
        """The step written out: 'dc/db = da/db × 1 + db/db × 1 = 0 × 1 + 1 × 1 = 1'."""
        if not self.terms:
            why = "another input" if self.mode == "forward" and self.value == 0.0 else "the seed"
            return f"{self.name} = {self.value:.4g}   ({why})"
        symbols = " + ".join(f"{t.name} × {t.derivative:.4g}" for t in self.terms)
        numbers = " + ".join(f"{t.value:.4g} × {t.derivative:.4g}" for t in self.terms)
        return f"{self.name} = {symbols} = {numbers} = {self.value:.4g}"

    def __str__(self):
        return self.formula()


def _mode_names(order, mode, fixed):
    """d(node)/d(wrt) (forward) or d(output)/d(node) (reverse), for every node."""
    f = _name(fixed)
    if mode == "forward":
        return {n: f"d{_name(n)}/d{f}" for n in order}
    return {n: f"d{f}/d{_name(n)}" for n in order}


def forward_steps(output, wrt):
    """Forward mode as a list of Steps, one per node, front to back."""
    instance(output, "output", Value)
    order = output.topo()
    _check_input(order, wrt)
    names = _mode_names(order, "forward", wrt)
    tangent, steps = {}, []
    for node in order:
        if node.parents:
            terms = tuple(Term(p, names[p], d, tangent[p])
                          for p, d in zip(node.parents, node.local))
            value = 0.0
            for t in terms:
                value += t.value * t.derivative
        else:
            terms, value = (), (1.0 if node is wrt else 0.0)
        tangent[node] = value
        steps.append(Step("forward", node, names[node], value, terms))
    return steps


def reverse_steps(output):
    """Reverse mode as a list of Steps, one per node, back to front.

    A node is filled in once every node that uses it has been, so its
    adjoint is complete: the sum over its outgoing edges of (child's adjoint
    x edge derivative). The order is that of `output.backward()`, and the
    terms are the very products that backward() adds with +=.
    """
    instance(output, "output", Value)
    order = output.topo()
    names = _mode_names(order, "reverse", output)
    children = {node: [] for node in order}
    for child in reversed(order):           # the order backward() visits them
        for p, d in zip(child.parents, child.local):
            children[p].append((child, d))
    adjoint, steps = {}, []
    for node in reversed(order):
        if node is output:
            terms, value = (), 1.0
        else:
            terms = tuple(Term(c, names[c], d, adjoint[c]) for c, d in children[node])
            value = 0.0
            for t in terms:
                value += t.value * t.derivative
        adjoint[node] = value
        steps.append(Step("reverse", node, names[node], value, terms))
    return steps


# ---- counting the work ------------------------------------------------------

class _OperationCountsFields(NamedTuple):
    inputs: int
    edges: int
    paths: int
    path_sum: int
    forward: int
    reverse: int


class OperationCounts(_OperationCountsFields):
    """The work of each method, in multiply-adds (one `total += x * d`).

    inputs   -- how many derivatives are asked for (one per input in wrt)
    edges    -- edges in the graph: one walk, either way, reads each once
    paths    -- paths from those inputs to the output, all together
    path_sum -- multiply-adds of the path sum: one per edge of every path
                (a path of L edges: the running product takes L factors,
                the last one added to the total), i.e. the total path length
    forward  -- forward mode: one walk per input, edges each
    reverse  -- reverse mode: one walk, edges
    """
    __slots__ = ()

    def __new__(cls, inputs, edges, paths, path_sum, forward, reverse):
        counts = dict(inputs=inputs, edges=edges, paths=paths, path_sum=path_sum,
                      forward=forward, reverse=reverse)
        return super().__new__(cls, **{k: integer(v, k, low=0) for k, v in counts.items()})


def count_operations(output, wrt=None):
    """Count, without enumerating anything, the work each method needs for
    the derivatives of `output` with respect to `wrt` (an input, a list of
    inputs, or None for every input of the graph)."""
    instance(output, "output", Value)
    order = output.topo()
    if wrt is None:
        wrt = [n for n in order if not n.parents]
    members = set(order)
    for x in _outputs(wrt, "wrt"):
        _check_input(members, x)
    wrt = set(_outputs(wrt, "wrt"))
    edges = sum(len(n.parents) for n in order)
    # Inputs never lie on each other's paths, so one walk counts them all.
    count, length = _path_counts(order, wrt)
    return OperationCounts(inputs=len(wrt), edges=edges, paths=count[output],
                           path_sum=length[output], forward=len(wrt) * edges, reverse=edges)


# ---- the diamond chain: many paths, little work ------------------------------

GREEK = "αβγδεζηθικλμνξοπρστυφχψω"


class _DiamondChainFields(NamedTuple):
    input: Value
    output: Value
    weights: tuple
    stages: tuple


class DiamondChain(_DiamondChainFields):
    """A layered graph X -> (w branches) -> Y1 -> (w branches) -> ... -> Z.

    input   -- the input node X
    output  -- the output node Z
    weights -- one tuple of w edge derivatives per stage
    stages  -- the nodes X, Y1, ..., Z that the stages join
    """
    __slots__ = ()

    def __new__(cls, input, output, weights, stages):
        instance(input, "input", Value)
        instance(output, "output", Value)
        weights = _weight_table(weights)
        if isinstance(stages, (str, bytes)) or not isinstance(stages, Sequence):
            raise TypeError(f"stages must be a tuple of Values, got {type(stages).__name__}")
        for i, node in enumerate(stages):
            instance(node, f"stages[{i}]", Value)
        if len(stages) != len(weights) + 1 or stages[0] is not input or stages[-1] is not output:
            raise ValueError(f"stages must be the {len(weights) + 1} nodes from input to output, "
                             f"one more than the stages of weights; got {len(stages)} nodes")
        return super().__new__(cls, input, output, weights, tuple(stages))

    def factored(self):
        """dZ/dX stage by stage: the product over stages of the sum of its weights."""
        return math.prod(sum(stage) for stage in self.weights)


def _weight_table(weights, depth=None, width=None):
    """depth tuples of width finite numbers, checked (by default: as many as there are)."""
    if isinstance(weights, str) or not isinstance(weights, Sequence) or any(
            isinstance(s, str) or not isinstance(s, Sequence) for s in weights):
        raise TypeError(f"weights must be a list of stages, each a list of numbers, "
                        f"got {type(weights).__name__}")
    depth = len(weights) if depth is None else depth
    width = len(weights[0]) if width is None and weights else width
    if len(weights) != depth or not depth or any(len(s) != width or not width for s in weights):
        raise ValueError(f"weights must be depth={depth} lists of width={width} numbers each")
    return tuple(tuple(real(w, f"weights[{j}][{i}]") for i, w in enumerate(stage))
                 for j, stage in enumerate(weights))


def _stage_names(depth):
    if depth == 1:
        return ["X", "Z"]
    if depth == 2:
        return ["X", "Y", "Z"]
    return ["X"] + [f"Y{j}" for j in range(1, depth)] + ["Z"]


def diamond_chain(depth, width, weights=None, x=1.0, seed=0, as_values=False):
    """Build the path-explosion graph: `depth` stages, each of `width` parallel routes.

    Stage j joins node Y(j-1) to Y(j) through `width` branch nodes
    b_i = Y(j-1) * w_i, which Y(j) adds up; so the edge into branch i carries
    w_i and the edge out of it carries 1. There are width ** depth paths from
    X to Z, and dZ/dX = product over stages of (sum of that stage's weights).

    weights   -- depth lists of width numbers; default: seeded, one decimal
                 in [0.1, 0.9], so the path sums are not just path counts
    x         -- the value of the input X
    as_values -- make each weight an input Value (then it also feeds into
                 the branch node) instead of a constant folded into the edge
    Branch nodes are labelled α·X, β·X, ... while the Greek letters last.
    """
    depth = positive_int(depth, "depth", 64)
    width = positive_int(width, "width", 64)
    x = real(x, "x")
    if weights is None:
        rng = random.Random(seed)
        weights = [[round(rng.uniform(0.1, 0.9), 1) for _ in range(width)] for _ in range(depth)]
    weights = _weight_table(weights, depth, width)
    names = _stage_names(depth)
    greek = depth * width <= len(GREEK)
    node = Value(x, names[0])
    stages = [node]
    for j, stage in enumerate(weights):
        branches = []
        for i, w in enumerate(stage):
            letter = GREEK[j * width + i] if greek else ""
            factor = Value(w, letter or f"w{j + 1},{i + 1}") if as_values else w
            branch = node * factor
            branches.append(branch.named(f"{letter}·{node.label}" if letter else ""))
        # One node adds the branches: `width` edges, each with derivative 1.
        node = Value._result(sum(b.data for b in branches), "+", tuple(branches),
                             (1.0,) * width).named(names[j + 1])
        stages.append(node)
    return DiamondChain._make((stages[0], node, weights, tuple(stages)))   # checked above


def diamond_counts(depth, width):
    """Path count and multiply-adds of a diamond chain, by formula.

    Each stage has 2 * width edges (into and out of each branch), so a
    path has 2 * depth edges and one walk reads 2 * width * depth edges.
    """
    depth = positive_int(depth, "depth")
    width = positive_int(width, "width")
    n_paths = width ** depth
    return {"paths": n_paths, "path_sum": 2 * depth * n_paths, "factored": 2 * width * depth}


# ---- functions with many inputs or many outputs, for timing the modes --------

def many_inputs_function(n, seed=0):
    """n inputs, one output: h1 = tanh(c1 x1), h_i = tanh(h_(i-1) + c_i x_i).

    Every input reaches the output, like the parameters of a loss.
    Returns (inputs, output). The graph has 4n - 2 edges.
    """
    n = positive_int(n, "n")
    rng = random.Random(seed)
    xs = [Value(rng.uniform(-1.0, 1.0), f"x{i + 1}") for i in range(n)]
    h = (xs[0] * rng.uniform(0.5, 1.5)).tanh()
    for x in xs[1:]:
        h = (h + x * rng.uniform(0.5, 1.5)).tanh()
    return xs, h


def many_outputs_function(m, seed=0):
    """One input, m outputs: a shared trunk of m steps t_i = tanh(c_i t_(i-1))
    from t_0 = x, then y_j = tanh(d_j t_m) for j = 1..m.

    Every output depends on the whole trunk. Returns (input, outputs).
    One walk over everything reads 4m edges; each output alone has 2m + 2.
    """
    m = positive_int(m, "m")
    rng = random.Random(seed)
    x = Value(rng.uniform(-1.0, 1.0), "x")
    t = x
    for _ in range(m):
        t = (t * rng.uniform(0.5, 1.5)).tanh()
    return x, [(t * rng.uniform(0.5, 1.5)).tanh() for _ in range(m)]


def _seconds(fn, repeat, at_least=0.005):
    """Median seconds per call of fn() over `repeat` samples; a quick fn is
    called several times per sample, so that each sample lasts `at_least`.

    As `timeit` does, the garbage collector is paused while timing: its
    pauses depend on every object in the process, not on the walk timed.
    """
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter()
        fn()
        once = time.perf_counter() - start
        number = max(1, min(1000, math.ceil(at_least / max(once, 1e-9))))
        samples = [once] if number == 1 else []      # a long first call counts
        while len(samples) < repeat:
            start = time.perf_counter()
            for _ in range(number):
                fn()
            samples.append((time.perf_counter() - start) / number)
    finally:
        if was_enabled:
            gc.enable()
    samples.sort()
    return samples[len(samples) // 2]


def time_modes(sizes, many="inputs", max_passes=10, repeat=3, seed=0):
    """Measure forward mode against reverse mode for growing problem sizes.

    many="inputs":  n inputs, one output (`many_inputs_function`): forward
                    mode needs n passes, reverse mode one.
    many="outputs": one input, n outputs (`many_outputs_function`): forward
                    mode needs one pass, reverse mode n.
    When a mode needs more than `max_passes` passes, `max_passes` of them
    (spread evenly) are timed and the time is scaled up to all of them;
    all passes do the same work, which `ops` confirms exactly.
    Returns one dict per size: n, forward and reverse seconds (all passes),
    ratio (the slower mode's time over the faster's: forward/reverse for
    many inputs, reverse/forward for many outputs), passes timed, and the
    exact multiply-add counts forward_ops and reverse_ops.
    """
    choice(many, "many", ("inputs", "outputs"))
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, Sequence) or not sizes:
        raise TypeError("sizes must be a non-empty list of positive integers")
    sizes = [positive_int(n, f"sizes[{i}]") for i, n in enumerate(sizes)]
    max_passes = positive_int(max_passes, "max_passes")
    repeat = positive_int(repeat, "repeat")
    rows = []
    for n in sizes:
        timed = min(n, max_passes)
        pick = [int((k + 0.5) * n / timed) for k in range(timed)]   # spread over 0..n-1
        if many == "inputs":
            xs, out = many_inputs_function(n, seed)
            edges = sum(len(v.parents) for v in out.topo())
            forward = _seconds(lambda: [forward_mode(out, xs[i]) for i in pick], repeat) * n / timed
            reverse = _seconds(out.backward, repeat)
            f_ops, r_ops = n * edges, edges
            ratio = forward / reverse
        else:
            x, outs = many_outputs_function(n, seed)
            edges_all = sum(len(v.parents) for v in topological_order(outs))
            edges_one = sum(len(v.parents) for v in outs[0].topo())
            forward = _seconds(lambda: forward_mode(outs, x), repeat)
            reverse = _seconds(lambda: [outs[i].backward() for i in pick], repeat) * n / timed
            f_ops, r_ops = edges_all, n * edges_one
            ratio = reverse / forward
        rows.append({"n": n, "forward_s": forward, "reverse_s": reverse, "ratio": ratio,
                     "passes_timed": timed, "forward_ops": f_ops, "reverse_ops": r_ops})
    return rows


def loglog_slope(xs, ys):
    """Least-squares slope of log(y) against log(x): 1 means y grows like x."""
    xs, ys = float_array(xs, "xs", ndim=1).tolist(), float_array(ys, "ys", ndim=1).tolist()
    if len(xs) != len(ys) or len(xs) < 2:
        raise ValueError(f"xs and ys must have the same length, at least 2, "
                         f"got {len(xs)} and {len(ys)}")
    if any(not v > 0 for v in list(xs) + list(ys)):
        raise ValueError("xs and ys must be positive (they are taken logs of)")
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    spread = sum((x - mx) ** 2 for x in lx)
    if spread == 0:
        raise ValueError("xs must not all be equal")
    return sum((x - mx) * (y - my) for x, y in zip(lx, ly)) / spread
