"""Self-check exercises: each check says what is right, or what is wrong with a hint.

A check returns a `CheckResult`, which prints as a one-line verdict in a
notebook and is truthy only when the answer is right, so tests can assert it.
An answer left as `...` gets "not yet", never a traceback.
"""
import math
import numbers

import numpy as np

from helpers.validate import instance, real

__all__ = ["CheckResult", "check_close", "is_unanswered"]


class CheckResult:
    """The verdict of a check: `ok`, a message, and a hint when not ok."""

    def __init__(self, ok, message, hint=""):
        self.ok = bool(instance(ok, "ok", (bool, np.bool_)))
        self.message, self.hint = instance(message, "message", str), instance(hint, "hint", str)

    def __bool__(self):
        return self.ok

    def __repr__(self):
        if self.ok:
            return f"Correct: {self.message}"
        return f"Not yet: {self.message}" + (f"\nHint: {self.hint}" if self.hint else "")


def is_unanswered(answer):
    """True for the placeholders a learner starts from (`...` or None)."""
    return answer is Ellipsis or answer is None


def check_close(answer, expected, what, hint, tol=1e-6, mistakes=None):
    """Compare a numeric answer with the expected value.

    what     -- what the number is, for the message ("de/db at a=2, b=1")
    hint     -- shown when the answer is wrong
    mistakes -- {wrong value: specific hint} for the classic slips
    The answer is the learner's: whatever it is, the result is a CheckResult.
    The other arguments come from the exercise and are checked.
    """
    expected = real(expected, "expected")
    instance(what, "what", str)
    instance(hint, "hint", str)
    tol = real(tol, "tol", low=0.0)
    mistakes = {} if mistakes is None else instance(mistakes, "mistakes", dict)
    for wrong, specific in mistakes.items():
        if isinstance(wrong, bool) or not isinstance(wrong, numbers.Real) \
                or not isinstance(specific, str):
            raise TypeError(f"mistakes must map wrong values (numbers) to hints (text), "
                            f"got {wrong!r}: {specific!r}")
    if is_unanswered(answer):
        return CheckResult(False, f"replace ... with your value of {what}.", hint)
    if getattr(answer, "shape", None) == ():         # a numpy 0-d array, e.g. from sigmoid(z)
        answer = answer.item()
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return CheckResult(False, f"{what} should be a number, got {type(answer).__name__}.", hint)
    answer = float(answer)
    if math.isclose(answer, expected, rel_tol=tol, abs_tol=tol):
        return CheckResult(True, f"{what} = {expected:g}.")
    for wrong, specific in mistakes.items():
        if math.isclose(answer, wrong, rel_tol=tol, abs_tol=tol):
            return CheckResult(False, f"{answer:g} is not {what}.", specific)
    return CheckResult(False, f"{answer:g} is not {what}.", hint)
