"""Checks for the forward-mode and reverse-mode exercises (notebook 03)."""
import math
import numbers

from helpers.checks import CheckResult, check_close, is_unanswered
from helpers.validate import positive_int, real

__all__ = ["check_forward_tangents", "check_reverse_adjoints", "check_passes"]


def _numbers(answer, n, what, hint):
    """answer as a tuple of n floats, or a CheckResult saying what is wrong with it."""
    if is_unanswered(answer) or (isinstance(answer, (tuple, list))
                                 and any(is_unanswered(x) for x in answer)):
        return CheckResult(False, f"replace each ... with a number ({what}).", hint)
    if not isinstance(answer, (tuple, list)) or len(answer) != n:
        return CheckResult(False, f"{what} should be {n} numbers in a tuple, "
                                  f"got {answer!r}.", hint)
    if any(isinstance(x, bool) or not isinstance(x, numbers.Real) for x in answer):
        return CheckResult(False, f"{what} should all be numbers, got {answer!r}.", hint)
    return tuple(float(x) for x in answer)


def _show(xs):
    return "(" + ", ".join(f"{x:g}" for x in xs) + ")"


def _same(xs, ys):
    return all(math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9) for x, y in zip(xs, ys))


def check_forward_tangents(a, b, tangents):
    """(da/da, db/da, dc/da, dd/da, de/da) for e = (a + b)(b + 1): forward mode from a."""
    a, b = real(a, "a"), real(b, "b")
    what = "the tangents of a, b, c, d, e"
    hint = ("seed a with 1 and b with 0, then go front to back: each node's tangent is "
            "the sum of (parent's tangent × edge number).")
    got = _numbers(tangents, 5, what, hint)
    if isinstance(got, CheckResult):
        return got
    c, d = a + b, b + 1
    want = (1.0, 0.0, 1.0, 0.0, d)
    if _same(got, want):
        return CheckResult(True, f"{what} from a are {_show(want)}: de/da = {d:g} in one pass.")
    if _same(got, (0.0, 1.0, 1.0, 1.0, c + d)):
        return CheckResult(False, "those are the tangents from b.",
                           "this pass starts from a: seed a with 1 and b with 0.")
    if _same(got[:4], want[:4]):
        return CheckResult(False, f"a, b, c, d are right; e's tangent is not {got[4]:g}.",
                           "e = c * d: add (dc/da × de/dc) and (dd/da × de/dd), with "
                           "de/dc = d and de/dd = c.")
    return CheckResult(False, f"{_show(got)} are not {what}.", hint)


def check_reverse_adjoints(a, b, adjoints):
    """(de/dc, de/dd, de/da, de/db) for e = (a + b)(b + 1): reverse mode from e."""
    a, b = real(a, "a"), real(b, "b")
    what = "de/dc, de/dd, de/da, de/db"
    hint = ("start from de/de = 1 and go back to front: each node gets the sum of "
            "(child's adjoint × edge number) over the nodes that use it.")
    got = _numbers(adjoints, 4, what, hint)
    if isinstance(got, CheckResult):
        return got
    c, d = a + b, b + 1
    want = (d, c, d, c + d)
    if _same(got, want):
        return CheckResult(True, f"{what} = {_show(want)}: every derivative of e from one pass.")
    if _same(got[:3], want[:3]):
        wrong = got[3]
        if math.isclose(wrong, d, abs_tol=1e-9) or math.isclose(wrong, c, abs_tol=1e-9):
            return CheckResult(False, "de/db misses one of b's two uses.",
                               "b feeds both c and d: add de/dc × 1 and de/dd × 1.")
        return CheckResult(False, f"de/db is not {wrong:g}.", hint)
    if _same(got[:2], (c, d)):
        return CheckResult(False, "de/dc and de/dd are swapped.",
                           "e = c × d: de/dc is the other factor, d.")
    return CheckResult(False, f"{_show(got)} are not {what}.", hint)


def check_passes(n_inputs, n_outputs, forward, reverse):
    """Passes each mode needs for every derivative of every output."""
    n_inputs, n_outputs = positive_int(n_inputs, "n_inputs"), positive_int(n_outputs, "n_outputs")
    for name, answer in (("forward", forward), ("reverse", reverse)):
        if is_unanswered(answer):
            return CheckResult(False, f"replace ... with the number of {name}-mode passes.",
                               "forward mode: one pass per input; reverse: one per output.")
    right = check_close(forward, n_inputs, "the forward-mode passes",
                        "one forward pass gives the derivatives with respect to ONE input.",
                        tol=0.0, mistakes={n_outputs: "forward mode follows one input per "
                                                      "pass, not one output."})
    if not right:
        return right
    right = check_close(reverse, n_outputs, "the reverse-mode passes",
                        "one reverse pass gives the derivatives of ONE output.",
                        tol=0.0, mistakes={n_inputs: "reverse mode follows one output per "
                                                     "pass, not one input.", 1: "one pass per "
                                                     "output: there are several outputs."})
    if not right:
        return right
    cheaper = "reverse" if n_outputs < n_inputs else "forward"
    return CheckResult(True, f"forward mode needs {n_inputs:,} passes, reverse mode "
                             f"{n_outputs:,}: {cheaper} mode is cheaper here.")
