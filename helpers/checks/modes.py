"""Checks for the forward-mode and reverse-mode exercises (notebook 03)."""
import math
import numbers

import numpy as np

from helpers.checks import (CheckResult, call_learner, check_close, check_written, is_unanswered,
                            learner_rng)
from helpers.graph import Value
from helpers.i18n import N_, _
from helpers.validate import positive_int, real

__all__ = ["check_forward_tangents", "check_reverse_adjoints", "check_passes", "random_graph",
           "check_backward_walk"]


def _numbers(answer, n, what, hint):
    """answer as a tuple of n floats, or a CheckResult saying what is wrong with it."""
    if is_unanswered(answer) or (isinstance(answer, (tuple, list))
                                 and any(is_unanswered(x) for x in answer)):
        return CheckResult(False, _("replace each ... with a number ({what}).").format(what=what),
                           hint)
    if not isinstance(answer, (tuple, list)) or len(answer) != n:
        return CheckResult(False, _("{what} should be {n} numbers in a tuple, "
                                    "got {answer!r}.").format(what=what, n=n, answer=answer), hint)
    if any(isinstance(x, bool) or not isinstance(x, numbers.Real) for x in answer):
        return CheckResult(False, _("{what} should all be numbers, got {answer!r}.").format(
            what=what, answer=answer), hint)
    return tuple(float(x) for x in answer)


def _show(xs):
    return "(" + ", ".join(f"{x:g}" for x in xs) + ")"


def _same(xs, ys):
    return all(math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9) for x, y in zip(xs, ys))


def _grade(answer, want, what, hint, right, slips):
    """Grade a tuple of numbers on the running example: a CheckResult either way.

    right -- the message when answer is want
    slips -- [(the first numbers of a typical wrong answer, message, hint)], tried in
             order; a message may name the answer's last number as {last:g}
    """
    got = _numbers(answer, len(want), what, hint)
    if isinstance(got, CheckResult):
        return got
    if _same(got, want):
        return CheckResult(True, right)
    for start, message, slip_hint in slips:
        if _same(got[:len(start)], start):
            return CheckResult(False, message.format(last=got[-1]), slip_hint)
    return CheckResult(False, _("{got} are not {what}.").format(got=_show(got), what=what), hint)


def check_forward_tangents(tangents, a=2.0, b=1.0):
    """(da/da, db/da, dc/da, dd/da, de/da) for e = (a + b)(b + 1): forward mode from a."""
    a, b = real(a, "a"), real(b, "b")
    c, d = a + b, b + 1
    want = (1.0, 0.0, 1.0, 0.0, d)
    what = _("the tangents of a, b, c, d, e")
    slips = [((0.0, 1.0, 1.0, 1.0, c + d), _("those are the tangents from b."),
              _("this pass starts from a: seed a with 1 and b with 0.")),
             (want[:4], _("a, b, c, d are right; e's tangent is not {last:g}."),
              _("e = c * d: add (dc/da × de/dc) and (dd/da × de/dd), with "
                "de/dc = d and de/dd = c."))]
    return _grade(tangents, want, what,
                  _("seed a with 1 and b with 0, then go front to back: each node's tangent is "
                    "the sum of (parent's tangent × edge number)."),
                  _("{what} from a are {want}: de/da = {d:g} in one pass.").format(
                      what=what, want=_show(want), d=d), slips)


def check_reverse_adjoints(adjoints, a=-1.0, b=3.0):
    """(de/dc, de/dd, de/da, de/db) for e = (a + b)(b + 1): reverse mode from e."""
    a, b = real(a, "a"), real(b, "b")
    c, d = a + b, b + 1
    want = (d, c, d, c + d)
    what = "de/dc, de/dd, de/da, de/db"
    hint = _("start from de/de = 1 and go back to front: each node gets the sum of "
             "(child's adjoint × edge number) over the nodes that use it.")
    one_use = (_("de/db misses one of b's two uses."),
               _("b feeds both c and d: add de/dc × 1 and de/dd × 1."))
    slips = [((d, c, d, d), *one_use), ((d, c, d, c), *one_use),
             (want[:3], _("de/db is not {last:g}."), hint),
             ((c, d), _("de/dc and de/dd are swapped."),
              _("e = c × d: de/dc is the other factor, d."))]
    return _grade(adjoints, want, what, hint,
                  _("{what} = {want}: every derivative of e from one pass.").format(
                      what=what, want=_show(want)), slips)


def check_passes(passes, n_inputs=1000, n_outputs=3):
    """passes = (forward, reverse): the passes each mode needs for every derivative of every output."""
    n_inputs, n_outputs = positive_int(n_inputs, "n_inputs"), positive_int(n_outputs, "n_outputs")
    hint = _("forward mode: one pass per input; reverse: one per output.")
    if is_unanswered(passes) or (isinstance(passes, (tuple, list))
                                 and any(is_unanswered(x) for x in passes)):
        return CheckResult(False, _("replace each ... with a number of passes: (forward, "
                                    "reverse)."), hint)
    if not isinstance(passes, (tuple, list)) or len(passes) != 2:
        return CheckResult(False, _("passes should be two numbers, (forward, reverse), "
                                    "got {passes!r:.60}.").format(passes=passes), hint)
    forward, reverse = passes
    if forward == n_outputs and reverse == n_inputs and n_inputs != n_outputs:
        return CheckResult(False, _("the two counts are swapped."),
                           _("forward mode follows one input per pass, reverse mode one output."))
    right = check_close(forward, n_inputs, _("the forward-mode passes"),
                        _("one forward pass gives the derivatives with respect to ONE input."),
                        tol=0.0, mistakes={n_outputs: _("forward mode follows one input per "
                                                        "pass, not one output.")})
    if not right:
        return right
    right = check_close(reverse, n_outputs, _("the reverse-mode passes"),
                        _("one reverse pass gives the derivatives of ONE output."),
                        tol=0.0, mistakes={n_inputs: _("reverse mode follows one output per "
                                                       "pass, not one input."),
                                           1: _("one pass per output: there are several "
                                                "outputs.")})
    if not right:
        return right
    if n_outputs < n_inputs:
        message = _("forward mode needs {n_inputs:,} passes, reverse mode {n_outputs:,}: "
                    "reverse mode is cheaper here.")
    else:
        message = _("forward mode needs {n_inputs:,} passes, reverse mode {n_outputs:,}: "
                    "forward mode is cheaper here.")
    return CheckResult(True, message.format(n_inputs=n_inputs, n_outputs=n_outputs))


# ---- the reverse walk, written by the learner ----------------------------------------


WALK_HINT = N_("reset every grad to 0, seed output.grad = 1, then go through output.topo() "
               "backwards; each node adds node.grad × local into each parent's grad with +=.")


def random_graph(rng, n_inputs=None, n_ops=None):
    """A random expression with shared nodes: (inputs, nodes in creation order, output).

    Every input reaches the output; at least one node feeds two operations and
    one operation uses the same node twice (x * x), so `=` instead of `+=` shows.
    """
    n_inputs = int(rng.integers(2, 5)) if n_inputs is None else n_inputs
    n_ops = int(rng.integers(5, 10)) if n_ops is None else n_ops
    inputs = [Value(float(rng.uniform(-1.5, 1.5)), f"x{i + 1}") for i in range(n_inputs)]
    nodes = list(inputs)
    used = {id(n): 0 for n in nodes}

    def pick(prefer_fresh):
        unused = [n for n in nodes if used[id(n)] == 0]
        n = unused[0] if prefer_fresh and unused else nodes[int(rng.integers(len(nodes)))]
        used[id(n)] += 1
        return n

    def binary(x, y, kind):
        if kind == 0:
            return x + y
        if kind == 1:
            return x * y
        return x - y

    # the first operation multiplies an input by itself: two edges to one parent
    square = nodes[0] * nodes[0]
    used[id(nodes[0])] += 2
    nodes.append(square)
    used[id(square)] = 0
    for k in range(n_ops):
        if rng.random() < 0.3:
            x = pick(prefer_fresh=k % 2 == 0)
            new = x.tanh() if rng.random() < 0.5 else x.sigmoid()
        else:
            x, y = pick(prefer_fresh=True), pick(prefer_fresh=False)
            new = binary(x, y, int(rng.integers(3)))
        nodes.append(new)
        used[id(new)] = 0
    # the square feeds a second operation too: a node with two children
    nodes.append(nodes[-1] * square)
    used[id(nodes[-1])] = 0
    out = nodes[-1]
    for n in nodes[:-1]:                       # everything left over joins the output
        if n not in set(out.topo()):
            out = out + n
            nodes.append(out)
    for i, n in enumerate(nodes[n_inputs:]):
        n.label = n.label or f"v{i + 1}"
    out.label = "out"
    return inputs, nodes, out


def _stale(out, rng):
    """Grads left over from an earlier walk, as a notebook session leaves them."""
    for n in out.topo():
        n.grad = float(rng.uniform(0.5, 2.0)) * (1 if rng.random() < 0.5 else -1)
    out.grad = 0.0


def _simulate(order, mistake):
    """The grads a walk with a planted mistake leaves (order: topo order, stale grads set)."""
    out = order[-1]
    if mistake != "no_reset":
        for n in order:
            n.grad = 0.0
    if mistake != "no_seed":
        out.grad = 1.0
    walk = order if mistake == "forward_order" else list(reversed(order))
    for node in walk:
        for parent, d in zip(node.parents, node.local):
            if mistake == "assign":
                parent.grad = node.grad * d
            elif mistake == "no_chain":
                parent.grad += d
            else:
                parent.grad += node.grad * d
    return [n.grad for n in order]


# mistake -> (what the learner's grads show, hint): marked here, translated where shown
WALK_MISTAKES = {
    "assign": (N_("a node used more than once kept only its last contribution."),
               N_("write parent.grad += ..., not parent.grad = ...: a node that feeds several "
                  "operations (or one operation twice, as in x * x) collects one term per edge.")),
    "forward_order": (N_("the grads are what a walk in the wrong order gives."),
                      N_("visit the nodes in reverse topological order, reversed(output.topo()): "
                         "a node must have collected every term before it passes its grad on.")),
    "no_reset": (N_("the grads still hold what an earlier walk left in them."),
                 N_("set every node's grad to 0 before the walk: += adds to whatever is there.")),
    "no_seed": (N_("every grad is 0."),
                N_("seed the walk: output.grad = 1 (d output / d output), after the reset.")),
    "no_chain": (N_("each parent got the edge numbers without the child's grad."),
                 N_("the chain rule multiplies: parent.grad += node.grad * local.")),
}


def _grads_of(order):
    """The nodes' grads as floats, or None when one is not a real number."""
    grads = []
    for n in order:
        g = n.grad
        if getattr(g, "shape", None) == ():
            g = g.item()
        if isinstance(g, bool) or not isinstance(g, numbers.Real):
            return None
        grads.append(float(g))
    return grads


def _close(xs, ys):
    return all(math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12) for x, y in zip(xs, ys))


def check_backward_walk(backward_walk, seed=None, graphs=3):
    """Run the learner's `backward_walk(output)` on fresh random graphs with shared nodes.

    Each graph starts with stale grads (as a second walk in a session would) and the
    learner's grads are compared, node by node, with `Value.backward` on a copy.
    The planted mistakes in WALK_MISTAKES each get their own hint.
    """
    graphs = positive_int(graphs, "graphs", high=20)
    rng = learner_rng(seed)                     # checks the seed, before any answer is read
    failed = check_written(backward_walk, "backward_walk", _("write the body of "
                           "backward_walk(output) in the cell above (it fills .grad on every "
                           "node), then run this check."), _(WALK_HINT))
    if failed is not None:
        return failed
    for k in range(graphs):
        graph_seed = int(rng.integers(2**32))
        *__, out = random_graph(np.random.default_rng(graph_seed))
        order = out.topo()
        _stale(out, np.random.default_rng(graph_seed + 1))
        stale = [n.grad for n in order]
        *__, twin = random_graph(np.random.default_rng(graph_seed))
        twin.backward()
        want = [n.grad for n in twin.topo()]
        called = []
        real_backward = Value.backward

        def spy(self):
            called.append(self)
            real_backward(self)

        Value.backward = spy
        try:
            failed = call_learner(backward_walk, out, what="backward_walk")[1]
        finally:
            Value.backward = real_backward
        if failed is not None:
            return failed
        if called:
            return CheckResult(False, _("backward_walk calls .backward(): the walk is yours to "
                                        "write."), _(WALK_HINT))
        got = _grads_of(order)
        if got is None:
            bad = next(n for n in order if _grads_of([n]) is None)
            return CheckResult(False, _("node {label}'s grad is {grad!r}, not a number.").format(
                label=bad.label, grad=bad.grad), _(WALK_HINT))
        if _close(got, want):
            continue
        for name, (what, hint) in WALK_MISTAKES.items():
            for n, g in zip(order, stale):
                n.grad = g
            if _close(got, _simulate(order, name)):
                return CheckResult(False, _("on a random graph of {n} nodes, {what}").format(
                    n=len(order), what=_(what)), _(hint))
        i = next(i for i, (x, y) in enumerate(zip(got, want))
                 if not math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12))
        node = order[i]
        return CheckResult(False, _("on a random graph of {n} nodes, node {label} ({op}) got "
                                    "grad {got:.6g}; the reverse walk gives {want:.6g}.").format(
                                        n=len(order), label=node.label,
                                        op=node.op or _("an input"), got=got[i], want=want[i]),
                           _(WALK_HINT))
    return CheckResult(True, _("backward_walk gave every node's grad on {graphs} random graphs "
                               "with shared nodes, the same as Value.backward.").format(
                                   graphs=graphs))
