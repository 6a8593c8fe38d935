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
import math
from collections.abc import Sequence
from typing import NamedTuple

from helpers.graph import Value, topological_order
from helpers.i18n import _
from helpers.validate import instance, positive_int

__all__ = [
    "Path", "paths", "path_sum", "count_paths",
    "forward_mode", "reverse_mode", "Term", "Step", "forward_steps", "reverse_steps",
    "OperationCounts", "count_operations",
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
    return node.label or (f"({node.op})" if node.op else _("(input)"))


def _in_graph(order, wrt, output_name="output"):
    if wrt not in order:     # a list or set of Values: membership is by identity
        raise ValueError(
            f"wrt ({_name(wrt)}) is not connected to {output_name}: it is not in the graph "
            f"that computes {output_name}, so there is no path from it "
            f"(are the arguments swapped? the output comes first)")


# ---- the path sum ------------------------------------------------------------

class Path(NamedTuple):
    """One path through the graph, as its edges from `wrt` up to the output.

    edges   -- (parent, child, local derivative) triples, in walking order
    product -- the product of the edge derivatives (1.0 for the empty path)
    """
    edges: tuple
    product: float

    @property
    def nodes(self):
        """The nodes along the path, start to end."""
        if not self.edges:
            return ()
        return (self.edges[0][0],) + tuple(child for _parent, child, _d in self.edges)

    def pairs(self):
        """(parent, child) pairs, the form `draw_graph(..., highlight=)` takes."""
        return [(p, c) for p, c, _ in self.edges]

    def __str__(self):
        if not self.edges:
            return _("(empty path)") + ": 1"
        route = " → ".join(_name(n) for n in self.nodes)
        factors = " × ".join(f"{d:.4g}" for _parent, _child, d in self.edges)
        return f"{route}: {factors} = {self.product:.4g}"


def count_paths(output, wrt):
    """How many paths lead from `wrt` to `output`, counted in one walk without listing them:
    a node is reached by as many paths as its parents together (a parent used twice, twice)."""
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
            found.append(Path(tail, math.prod((d for _parent, _child, d in tail), start=1.0)))
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
    """Tangents d(node)/d(wrt) of every node for an input `wrt`, in one walk front to back:
    {node: tangent}. output -- a Value, or a list of Values (one walk serves all of them)."""
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


class Term(NamedTuple):
    """One edge read by a step: the node at its other end and the two numbers."""
    node: Value          # the parent (forward mode) or the child (reverse mode)
    name: str            # how that node's number is written, e.g. "da/db"
    derivative: float    # the edge's local derivative
    value: float         # that node's tangent or adjoint


class Step(NamedTuple):
    """One node's tangent (mode "forward", name "dc/db") or adjoint ("reverse", "de/dc").

    terms -- a Term per edge read: the parents in forward mode, the children in
             reverse mode; the step's value is the sum of their value x derivative
    """
    mode: str
    node: Value
    name: str
    value: float
    terms: tuple

    def edge_pairs(self):
        """(parent, child) pairs of the edges this step reads, for highlighting."""
        if self.mode == "forward":
            return [(t.node, self.node) for t in self.terms]
        return [(self.node, t.node) for t in self.terms]

    def formula(self):
        """The step written out: 'dc/db = da/db × 1 + db/db × 1 = 0 × 1 + 1 × 1 = 1'."""
        if not self.terms:
            if self.mode == "forward" and self.value == 0.0:
                line = _("{name} = {value:.4g}   (another input)")
            else:
                line = _("{name} = {value:.4g}   (the seed)")
            return line.format(name=self.name, value=self.value)
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
            value = sum(t.value * t.derivative for t in terms)
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
            value = sum(t.value * t.derivative for t in terms)
        adjoint[node] = value
        steps.append(Step("reverse", node, names[node], value, terms))
    return steps


# ---- counting the work ------------------------------------------------------

class OperationCounts(NamedTuple):
    """The work of each method, in multiply-adds (one `total += x * d`).

    inputs, edges, paths -- derivatives asked for (one per input), edges in the graph,
                paths from those inputs to the output
    path_sum -- one per edge of every path (a running product of L factors, the last
                added to the total): the total path length
    forward  -- one walk per input, each reading every edge once; reverse -- one walk
    """
    inputs: int
    edges: int
    paths: int
    path_sum: int
    forward: int
    reverse: int


def count_operations(output, wrt=None):
    """Count, without enumerating anything, the work each method needs for the derivatives
    of `output` with respect to `wrt` (an input, a list of them, or None: every input)."""
    instance(output, "output", Value)
    order = output.topo()
    wrt = _outputs([n for n in order if not n.parents] if wrt is None else wrt, "wrt")
    members = set(order)
    for x in wrt:
        _check_input(members, x)
    wrt = set(wrt)
    edges = sum(len(n.parents) for n in order)
    # Inputs never lie on each other's paths, so one walk counts them all.
    count, length = _path_counts(order, wrt)
    return OperationCounts(inputs=len(wrt), edges=edges, paths=count[output],
                           path_sum=length[output], forward=len(wrt) * edges, reverse=edges)
