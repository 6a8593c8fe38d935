"""Checks for the path-sum exercises (notebook 02)."""
import math
import numbers
import random

import numpy as np

from helpers.checks import (CheckResult, call_learner, check_close, check_written, is_unanswered,
                            learner_rng)
from helpers.graph import Value
from helpers.i18n import N_, _
from helpers.validate import instance, positive_int, real
from helpers.examples import DiamondChain, diamond_counts
from helpers.walks import count_paths, path_sum

__all__ = ["check_path_sum", "check_diamond_counts", "check_factored",
           "check_path_sum_function", "random_dag", "PATH_SUM_MISTAKES"]


def check_path_sum(a, b, de_db):
    """de/db for e = (a + b)(b + 1), added over both paths, at the given a and b."""
    a, b = real(a, "a"), real(b, "b")
    c, d = a + b, b + 1
    return check_close(de_db, d + c, _("de/db at a={a:g}, b={b:g}").format(a=a, b=b),
                       _("list both paths from b to e (through c and through d), multiply the "
                         "edge numbers along each, then add the two products."),
                       mistakes={float(d): _("{d:g} is the path through c alone (1 × d); "
                                             "b also reaches e through d.").format(d=d),
                                 float(c): _("{c:g} is the path through d alone (1 × c); "
                                             "b also reaches e through c.").format(c=c),
                                 float(c * d): _("that multiplies the two path products; "
                                                 "paths are added.")})


def check_diamond_counts(depth, width, n_paths, multiply_adds):
    """Paths from X to Z, and multiply-adds of the stage-by-stage computation."""
    depth, width = positive_int(depth, "depth", 64), positive_int(width, "width", 64)
    want = diamond_counts(depth, width)
    k, w = depth, width
    first = check_close(n_paths, want["paths"],
                        _("the number of paths for k={k}, w={w}").format(k=k, w=w),
                        _("each stage multiplies the number of routes by w."),
                        mistakes={w * k: _("w × k adds routes stage by stage; they multiply."),
                                  k ** w: _("that is k^w: the exponent is the number of stages."),
                                  w + k: _("routes multiply at each stage, they do not add.")},
                        tol=0.0)
    if not first:
        return first
    second = check_close(multiply_adds, want["factored"],
                         _("the multiply-adds stage by stage for k={k}, w={w}").format(k=k, w=w),
                         _("count the edges: the walk reads every edge once, one multiply-add "
                           "each."),
                         mistakes={2 * w * k: _("that counts two edges per route; here the w "
                                                "routes of a stage are single parallel edges."),
                                   want["path_sum"]: _("that is the work path by path (k edges on "
                                                       "each of the w^k paths)."),
                                   want["paths"]: _("that is the number of paths; the walk reads "
                                                    "edges, not paths."),
                                   (w - 1) * k + (k - 1): _("that counts the additions and "
                                   "multiplications of the factored formula; the walk does one "
                                   "multiply-add per edge.")},
                         tol=0.0)
    if not second:
        return second
    return CheckResult(True, _("{paths:,} paths, but only {factored} multiply-adds stage by "
                               "stage.").format(paths=want["paths"], factored=want["factored"]))


def check_factored(chain, derivative):
    """dZ/dX of a diamond chain computed stage by stage from its weights."""
    if not isinstance(chain, DiamondChain):
        return CheckResult(False, _("chain should be the DiamondChain of the exercise, "
                                    "got {type}.").format(type=type(chain).__name__),
                           _("keep the line chain = diamond_chain(...) as given."))
    hint = _("add up each stage's weights, then multiply the stage totals.")
    if is_unanswered(derivative):
        return CheckResult(False, _("replace ... with your dZ/dX."), hint)
    expected = path_sum(chain.output, chain.input)
    flat = [w for stage in chain.weights for w in stage]
    mistakes = {sum(flat): _("that adds every weight; add within a stage, multiply across "
                             "stages."),
                math.prod(flat): _("that multiplies every weight: one product per path, "
                                   "not the sum over paths."),
                chain.weights[0][0] * chain.weights[-1][0]: _("that is part of a single path.")}
    result = check_close(derivative, expected, "dZ/dX", hint, tol=1e-9, mistakes=mistakes)
    if result:
        n = count_paths(chain.output, chain.input)
        return CheckResult(True, _("dZ/dX = {expected:.6g}, the same as the sum over all "
                                   "{n} paths.").format(expected=expected, n=n))
    return result


# ---- writing the path sum: path_sum(edges, output, wrt) ------------------------

PATH_SUM_HINT = N_("start at wrt and follow every edge (parent, child) out of it; "
                   "multiply the edge numbers along each path that reaches output, and add "
                   "the products of all such paths (wrt == output is the empty path: 1).")

# The slips, as (what, the wrong number from the graph's list of path products, hint);
# the hints are marked here and translated where the check shows them.
PATH_SUM_MISTAKES = (
    ("zero",
     lambda products: 0.0,
     N_("your function found no path at all. Check the direction: a key (parent, child) is an "
        "edge from parent to child, and a walk from wrt must end at output; and the path from "
        "a node to itself (wrt == output) counts 1, not 0.")),
    ("count",
     lambda products: float(len(products)),
     N_("that is the number of paths: each path contributes the product of its edge numbers, "
        "not 1.")),
    ("product",
     lambda products: math.prod(p for p, _ in products),
     N_("that multiplies the path products together: paths are alternatives, so their "
        "products are added.")),
    ("sum along",
     lambda products: sum(s for _, s in products),
     N_("that adds the edge numbers along each path: along a path they multiply, across "
        "paths they add.")),
)


def random_dag(rng):
    """A small random DAG as (edges, output, wrt, the (product, sum) of every path).

    Node names are single letters in a random order, so that neither the
    alphabet nor the order of the dict gives the topological order away.
    There are at least three paths from wrt to output, an extra input that
    also feeds the graph, and a node that wrt reaches but that does not
    reach output; edge numbers are nonzero with one decimal.
    """
    instance(rng, "rng", np.random.Generator)
    r = random.Random(int(rng.integers(2 ** 63)))    # plain Python draws: many small ones
    while True:
        m = r.randint(6, 8)
        names = r.sample("pqrstuvwxyzmnk", m)
        edges = {}
        for i in range(2, m):          # node 0 is wrt, node 1 a second input
            for j in sorted(r.sample(range(i), r.randint(1, min(i, 3)))):
                edges[(names[j], names[i])] = r.choice((-1.0, 1.0)) * round(r.uniform(0.5, 2.5), 1)
        wrt, output = names[0], names[m - 1]
        products = _all_paths(edges, output, wrt)
        dead_end = any(p == wrt for p, _ in edges) and any(
            not _all_paths(edges, output, c) for (p, c) in edges if p == wrt)
        if not 3 <= len(products) <= 12 or not dead_end:
            continue
        answer = sum(p for p, _ in products)
        values = [answer] + [fn(products) for _, fn, _ in PATH_SUM_MISTAKES]
        values += [p for p, _ in products]
        if all(abs(x - y) > 0.05 * max(1.0, abs(x), abs(y))
               for i, x in enumerate(values) for y in values[i + 1:]):
            keys = list(edges)
            r.shuffle(keys)
            return {key: edges[key] for key in keys}, output, wrt, products


def _all_paths(edges, output, wrt):
    """(product, sum) of the edge numbers of every path from wrt to output."""
    if wrt == output:
        return [(1.0, 0.0)]
    found = []
    for (parent, child), d in edges.items():
        if parent == wrt:
            found += [(d * p, d + s) for p, s in _all_paths(edges, output, child)]
    return found


def _engine(edges, output, wrt):
    """d(output)/d(wrt) by the Value engine: the graph built from the edge numbers, backward()."""
    parents = {}
    for (p, c), d in edges.items():
        parents.setdefault(c, []).append((p, d))
    built = {}

    def node(name):
        if name not in built:
            ins = parents.get(name, [])
            built[name] = Value(0.0, name, "+" if ins else "",
                                tuple(node(p) for p, _ in ins), tuple(d for _, d in ins))
        return built[name]

    out = node(output)
    out.backward()
    return built[wrt].grad if wrt in built else 0.0


def _show_edges(edges):
    return "{" + ", ".join(f"({p!r}, {c!r}): {d:g}" for (p, c), d in edges.items()) + "}"


def check_path_sum_function(fn, seed=None, graphs=5):
    """The learner's `path_sum(edges, output, wrt)` on fresh random DAGs, against the engine.

    edges is a dict {(parent, child): local derivative}; the answer must be
    the sum over all paths from wrt to output of the product of the edge
    numbers along the path. A wrong answer that is one of the slips of
    PATH_SUM_MISTAKES, or the product along a single path, is named.
    seed -- fixes the graphs (tests); by default each call draws new ones.
    """
    rng = learner_rng(seed)
    graphs = positive_int(graphs, "graphs", high=100)
    failed = check_written(fn, "path_sum", _("write path_sum(edges, output, wrt) in the cell "
                                             "above and run it, then run this check."),
                           _(PATH_SUM_HINT),
                           _("define it with def path_sum(edges, output, wrt): ... and pass the "
                             "function itself."))
    if failed is not None:
        return failed
    for __ in range(graphs):
        edges, output, wrt, products = random_dag(rng)
        expected = _engine(edges, output, wrt)
        answer, failed = call_learner(fn, dict(edges), output, wrt, what="path_sum")
        if failed is not None:
            return failed
        if getattr(answer, "shape", None) == ():
            answer = answer.item()
        if isinstance(answer, bool) or not isinstance(answer, numbers.Real) \
                or not math.isfinite(answer):
            return CheckResult(False, _("path_sum returned {answer!r}, not a finite "
                                        "number.").format(answer=answer), _(PATH_SUM_HINT))
        if math.isclose(answer, expected, rel_tol=1e-9, abs_tol=1e-9):
            continue
        where = _("on the graph {edges}, path_sum(edges, {output!r}, {wrt!r}) returned "
                  "{answer:.6g}; the {n} paths add up to {expected:.6g}.").format(
                      edges=_show_edges(edges), output=output, wrt=wrt, answer=answer,
                      n=len(products), expected=expected)
        for __, wrong, hint in PATH_SUM_MISTAKES:
            if math.isclose(answer, wrong(products), rel_tol=1e-9, abs_tol=1e-9):
                return CheckResult(False, where, _(hint))
        if any(math.isclose(answer, p, rel_tol=1e-9, abs_tol=1e-9) for p, _ in products):
            return CheckResult(False, where,
                               _("that is the product along one path only: every path from wrt "
                                 "to output counts, so add the products of all of them."))
        return CheckResult(False, where, _(PATH_SUM_HINT))
    return CheckResult(True, _("path_sum agrees with the engine's backward() on {graphs} random "
                               "graphs (3 to 12 paths each).").format(graphs=graphs))
