"""Checks for the path-sum exercises (notebook 02)."""
import math

from helpers.checks import CheckResult, check_close, is_unanswered
from helpers.validate import real
from helpers.walks import DiamondChain, count_paths, diamond_counts, path_sum

__all__ = ["check_path_sum", "check_diamond_counts", "check_factored"]


def check_path_sum(a, b, de_db):
    """de/db for e = (a + b)(b + 1), added over both paths, at the given a and b."""
    a, b = real(a, "a"), real(b, "b")
    c, d = a + b, b + 1
    return check_close(de_db, d + c, f"de/db at a={a:g}, b={b:g}",
                       "list both paths from b to e (through c and through d), multiply the "
                       "edge numbers along each, then add the two products.",
                       mistakes={float(d): f"{d:g} is the path through c alone (1 × d); "
                                           "b also reaches e through d.",
                                 float(c): f"{c:g} is the path through d alone (1 × c); "
                                           "b also reaches e through c.",
                                 float(c * d): "that multiplies the two path products; "
                                               "paths are added."})


def check_diamond_counts(depth, width, n_paths, multiply_adds):
    """Paths from X to Z, and multiply-adds of the stage-by-stage computation."""
    want = diamond_counts(depth, width)
    k, w = depth, width
    first = check_close(n_paths, want["paths"], f"the number of paths for k={k}, w={w}",
                        "each stage multiplies the number of routes by w.",
                        mistakes={w * k: "w × k adds routes stage by stage; they multiply.",
                                  k ** w: "that is k^w: the exponent is the number of stages.",
                                  w + k: "routes multiply at each stage, they do not add."},
                        tol=0.0)
    if not first:
        return first
    second = check_close(multiply_adds, want["factored"],
                         f"the multiply-adds stage by stage for k={k}, w={w}",
                         "count the edges: each branch has an edge in (its weight) and an edge "
                         "out (1), and one walk reads every edge once.",
                         mistakes={w * k: "each branch has two edges: into it and out of it.",
                                   want["path_sum"]: "that is the work path by path.",
                                   (w - 1) * k + (k - 1): "that counts the textbook sums and "
                                   "products; our graph reads every edge, two per branch."},
                         tol=0.0)
    if not second:
        return second
    return CheckResult(True, f"{want['paths']:,} paths, but only {want['factored']} "
                             f"multiply-adds stage by stage.")


def check_factored(chain, derivative):
    """dZ/dX of a diamond chain computed stage by stage from its weights."""
    if not isinstance(chain, DiamondChain):
        return CheckResult(False, f"chain should be the DiamondChain of the exercise, "
                                  f"got {type(chain).__name__}.",
                           "keep the line chain = diamond_chain(...) as given.")
    if is_unanswered(derivative):
        return CheckResult(False, "replace ... with your dZ/dX.",
                           "add up each stage's weights, then multiply the stage totals.")
    expected = path_sum(chain.output, chain.input)
    flat = [w for stage in chain.weights for w in stage]
    mistakes = {sum(flat): "that adds every weight; add within a stage, multiply across stages.",
                math.prod(flat): "that multiplies every weight: one product per path, "
                                 "not the sum over paths.",
                chain.weights[0][0] * chain.weights[-1][0]: "that is part of a single path."}
    result = check_close(derivative, expected, "dZ/dX", "add up each stage's weights, then "
                         "multiply the stage totals.", tol=1e-9, mistakes=mistakes)
    if result:
        n = count_paths(chain.output, chain.input)
        return CheckResult(True, f"dZ/dX = {expected:.6g}, the same as the sum over all "
                                 f"{n} paths.")
    return result
