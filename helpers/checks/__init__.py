"""Self-check exercises: each check says what is right, or what is wrong with a hint.

A check returns a `CheckResult`, which prints as a one-line verdict in a
notebook and is truthy only when the answer is right, so tests can assert it.
An answer left as `...` (or a function whose body is only `...`) gets
"Not yet", never a traceback. The learner's code runs through `call_learner`,
so an exception in it becomes "Not yet: ... raised X on line N".

The pieces an exercise check is built from:

    rng = learner_rng(seed)                       # fresh inputs on every call
    failed = check_written(fn, "cube", "write cube(x) above, then run this check.", hint)
    if failed is not None:
        return failed                             # still `...`, or not a function
    got, failed = call_learner(fn, x, what="cube")
    if failed is not None:
        return failed                             # "cube raised ... on line 2: `...`"
    got, failed = as_array(got, "cube should return numbers", hint)   # a float array, or "Not yet"
    wrong = check_shape(got, (3, 2), "cube(x)")   # None, or "Not yet" naming both shapes
    hint = first_mistake(got, {"forgot the 3": lambda x: x ** 2}, x)

or all of it at once, for a function compared with a reference:

    check_function(fn, reference, make_inputs, what="cube", hint="...", mistakes={...})

Every message a check shows is written in English and looked up in the learner's
language when the check runs (helpers.i18n): `_("...")` where the message is made,
`N_("...")` on module-level tables of hints, which are translated with `_()` where
they are shown, and `.format()` after translating. Texts several checks share
(PASS_THE_FUNCTION, YOUR_FUNCTION, ONE_SLIP, ...) are written once, here.
"""
import dis
import linecache
import math
import numbers
import os
import sysconfig
import types
import warnings

import numpy as np

from helpers.i18n import N_, _
from helpers.validate import function, instance, integer, positive_int, real

__all__ = ["CheckResult", "is_unanswered", "check_written", "call_learner", "as_array",
           "check_shape", "learner_rng", "check_close", "agrees", "first_mistake", "check_function"]


class CheckResult:
    """The verdict of a check: `ok`, a message, and a hint when not ok."""

    def __init__(self, ok, message, hint=""):
        self.ok = bool(instance(ok, "ok", (bool, np.bool_)))
        self.message, self.hint = instance(message, "message", str), instance(hint, "hint", str)

    def __bool__(self):
        return self.ok

    def __repr__(self):
        if self.ok:
            return _("Correct: {message}").format(message=self.message)
        return _("Not yet: {message}").format(message=self.message) + \
            ("\n" + _("Hint: {hint}").format(hint=self.hint) if self.hint else "")


_STUB_OPS = {"RESUME", "NOP", "LOAD_CONST", "RETURN_VALUE", "RETURN_CONST", "POP_TOP"}


def _is_stub(fn):
    """A function whose body is only `...`, `pass` and/or a docstring: it just returns None."""
    code = getattr(fn, "__code__", None)
    if not isinstance(code, types.CodeType):
        return False
    for op in dis.get_instructions(code):
        if op.opname not in _STUB_OPS:
            return False
        if op.opname in ("LOAD_CONST", "RETURN_CONST") and op.argval not in (None, Ellipsis) \
                and op.argval != code.co_consts[0]:
            return False
    return True


def is_unanswered(answer):
    """True for the placeholders a learner starts from: `...`, None, or a stub function."""
    return answer is Ellipsis or answer is None or (isinstance(answer, types.FunctionType)
                                                    and _is_stub(answer))


# Texts several checks show (each message is written once: see helpers.i18n).
PASS_THE_FUNCTION = N_("pass the function itself (its name, without parentheses).")
YOUR_FUNCTION = N_("your {name}")                  # "your backprop", the subject of a message
REPLACE_WITH_FUNCTION = N_("replace ... with your function {name}.")
RETURNED_NOTHING = N_("{what} returned nothing: the body is still a stub.")
ONE_SLIP = N_("your {name} matches a version with one slip: {mistake}.")
SIGN_FLIPPED = N_("sign flipped")                  # the name of a slip, shown in ONE_SLIP
HAS_SHAPE = N_("{name} has shape {shape}, expected {expected}.")


def check_written(fn, name, prompt, hint, not_callable_hint=None):
    """None when the learner has written the function `name`, else a "Not yet".

    prompt            -- the message while fn is still `...` or a stub: what to write, where
    not_callable_hint -- the hint for "name should be a function, got <type>." (default: hint)
    """
    if is_unanswered(fn):
        return CheckResult(False, prompt, hint)
    if not callable(fn):
        return CheckResult(False, _("{name} should be a function, got {type}.").format(
                               name=name, type=type(fn).__name__),
                           hint if not_callable_hint is None else not_callable_hint)
    return None


# ---- running the learner's code -----------------------------------------------------

_HELPERS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_LIBRARIES = tuple(os.path.abspath(p) for p in
                   {sysconfig.get_paths()[k] for k in ("stdlib", "platstdlib", "purelib", "platlib")})


def _is_learner_file(filename):
    """Code the learner wrote: not in helpers, not in Python's or an installed library."""
    if filename.startswith("<frozen"):
        return False
    path = os.path.abspath(filename)
    return not path.startswith(_HELPERS + os.sep) and not path.startswith(_LIBRARIES)


def _learner_frame(tb):
    """The (filename, line number) of the deepest learner frame of a traceback, else the first."""
    tb = tb.tb_next or tb                     # skip call_learner's own frame
    first, found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno), None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if _is_learner_file(filename):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found or first


def call_learner(fn, *args, what="your function"):
    """Run the learner's `fn(*args)`: `(value, None)`, or `(None, a "Not yet" CheckResult)`.

    An exception in the learner's code becomes "what raised X on line N: `that line`",
    pointing at the learner's own frame, never a traceback. numpy's overflow warnings
    are silenced: the check names the non-finite result instead.
    """
    failed = check_written(fn, instance(what, "what", str),
                           _("{what} is still a stub: replace the ... with your code and run its "
                             "cell, then run the check.").format(what=what), "",
                           _(PASS_THE_FUNCTION))
    if failed is not None:
        return None, failed
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore", RuntimeWarning)
            return fn(*args), None
    except Exception as exc:                                  # noqa: BLE001 - any learner error
        filename, line = _learner_frame(exc.__traceback__)
        source = linecache.getline(filename, line).strip()
        said = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        if source and said:
            message = _("{what} raised {error} on line {line}: `{source}` ({said}).")
        elif source:
            message = _("{what} raised {error} on line {line}: `{source}`.")
        elif said:
            message = _("{what} raised {error} on line {line} ({said}).")
        else:
            message = _("{what} raised {error} on line {line}.")
        return None, CheckResult(False, message.format(what=what, error=type(exc).__name__,
                                                       line=line, source=source, said=said),
                                 _("read that line and the error, fix it, run the cell again "
                                   "and then the check."))


def as_array(got, not_numbers, hint, nothing=None):
    """The learner's result as a float array: `(array, None)`, or `(None, a "Not yet")`.

    not_numbers -- the message for a result that is not numbers; ", got <type>." ends it
    nothing     -- if given, the message for a result of None or `...`
    """
    if nothing is not None and (got is None or got is Ellipsis):
        return None, CheckResult(False, nothing, hint)
    try:
        return np.array(got, dtype=float), None
    except (TypeError, ValueError):
        return None, CheckResult(False, _("{message}, got {type}.").format(
            message=not_numbers, type=type(got).__name__), hint)


def learner_rng(seed=None):
    """A numpy generator for a check's inputs: fresh on every call, or fixed by a test's seed."""
    if seed is None:
        return np.random.default_rng()        # new OS entropy each call: hard-coding cannot pass
    return np.random.default_rng(integer(seed, "seed", low=0))


# ---- comparing answers --------------------------------------------------------------

def _shape_of(value):
    if isinstance(value, (numbers.Number, np.ndarray, np.generic)):
        return np.shape(value)
    if isinstance(value, (list, tuple)):
        try:
            return np.shape(np.asarray(value, dtype=float))
        except (TypeError, ValueError):
            return None
    return None


def check_shape(value, expected_shape, name, hint=""):
    """None when `value` has `expected_shape`, else a "Not yet" naming the array and both shapes."""
    expected_shape = tuple(integer(n, "expected_shape entries", low=0)
                           for n in instance(expected_shape, "expected_shape", tuple))
    instance(name, "name", str)
    instance(hint, "hint", str)
    shape = _shape_of(value)
    if shape is None:
        return CheckResult(False, _("{name} should be an array of shape {expected}, "
                                    "got {type}.").format(name=name, expected=expected_shape,
                                                          type=type(value).__name__), hint)
    if tuple(shape) != expected_shape:
        return CheckResult(False, _(HAS_SHAPE).format(name=name, shape=tuple(shape),
                                                      expected=expected_shape), hint)
    return None


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
        return CheckResult(False, _("replace ... with your value of {what}.").format(what=what),
                           hint)
    if getattr(answer, "shape", None) == ():         # a numpy 0-d array, e.g. from sigmoid(z)
        answer = answer.item()
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return CheckResult(False, _("{what} should be a number, got {type}.").format(
            what=what, type=type(answer).__name__), hint)
    answer = float(answer)
    if math.isclose(answer, expected, rel_tol=tol, abs_tol=tol):
        return CheckResult(True, _("{what} = {expected:g}.").format(what=what, expected=expected))
    wrong_answer = _("{answer:g} is not {what}.").format(answer=answer, what=what)
    for wrong, specific in mistakes.items():
        if math.isclose(answer, wrong, rel_tol=tol, abs_tol=tol):
            return CheckResult(False, wrong_answer, specific)
    return CheckResult(False, wrong_answer, hint)


def _difference(got, expected, name, tol):
    """None when got matches expected (numbers, arrays, or nested tuples/lists of them), else why not."""
    if isinstance(expected, (tuple, list)):
        if not isinstance(got, (tuple, list)):
            return _("{name} should be a {kind} of {n}, got {type}.").format(
                name=name, kind=type(expected).__name__, n=len(expected), type=type(got).__name__)
        if len(got) != len(expected):
            return _("{name} has {n} entries, expected {expected}.").format(
                name=name, n=len(got), expected=len(expected))
        for i, (g, e) in enumerate(zip(got, expected)):
            why = _difference(g, e, f"{name}[{i}]", tol)
            if why:
                return why
        return None
    if got is None:
        return _("{name} is None: did the function forget to `return` its result?").format(name=name)
    if isinstance(got, bool) or not isinstance(got, (numbers.Number, np.ndarray, np.generic, list)):
        return _("{name} should be a number or array, got {type}.").format(
            name=name, type=type(got).__name__)
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return _("{name} should be a number or array of numbers.").format(name=name)
    expected = np.asarray(expected, dtype=float)
    if got.shape != expected.shape:
        return _(HAS_SHAPE).format(name=name, shape=got.shape, expected=expected.shape)
    if not np.all(np.isfinite(got)) and np.all(np.isfinite(expected)):
        return _("{name} contains nan or inf.").format(name=name)
    if not np.allclose(got, expected, rtol=tol, atol=tol, equal_nan=True):
        return _("{name} has the right shape but different values.").format(name=name)
    return None


def agrees(got, expected, tol=1e-6):
    """True when got matches expected: numbers, arrays, or nested tuples/lists of them."""
    return _difference(got, expected, "value", real(tol, "tol", low=0.0)) is None


def first_mistake(got, mistakes, *args, tol=1e-6):
    """The hint of the first mistake whose result agrees with the learner's `got`, else None.

    mistakes -- {hint: mistake}: a mistake is a function, called with `args` (the same
                inputs the learner's function got), or directly the value it gives.
    """
    for hint, mistake in instance(mistakes, "mistakes", dict).items():
        instance(hint, "a mistake's hint", str)
        wrong = mistake(*args) if callable(mistake) else mistake
        if agrees(got, wrong, tol):
            return hint
    return None


def check_function(fn, reference, make_inputs, what, hint, mistakes=None, seed=None,
                   trials=3, tol=1e-6):
    """Compare the learner's `fn` with `reference` on `trials` fresh random inputs.

    make_inputs -- make_inputs(rng) -> the tuple of arguments for one trial
    mistakes    -- {hint: mistake function with reference's signature}, named when matched
    seed        -- fixes the inputs (tests); by default each call draws new ones
    The learner's function gets copies of the inputs, so it cannot change the reference's.
    """
    function(reference, "reference")
    function(make_inputs, "make_inputs")
    instance(what, "what", str)
    instance(hint, "hint", str)
    mistakes = {} if mistakes is None else instance(mistakes, "mistakes", dict)
    trials = positive_int(trials, "trials", high=1000)
    tol = real(tol, "tol", low=0.0)
    rng = learner_rng(seed)
    failed = check_written(fn, what, _("write {what} in the cell above (replace the ...) and run "
                                       "it, then run this check.").format(what=what), hint,
                           _(PASS_THE_FUNCTION))
    if failed is not None:
        return failed
    for __ in range(trials):
        args = make_inputs(rng)
        args = args if isinstance(args, tuple) else (args,)
        expected = reference(*args)
        got, failed = call_learner(fn, *_copy(args), what=what)
        if failed is not None:
            return failed
        why = _difference(got, expected, _("{what}'s result").format(what=what), tol)
        if why is None:
            continue
        return CheckResult(False, _("on {inputs}, {why}").format(inputs=_describe(args), why=why),
                           first_mistake(got, mistakes, *args, tol=tol) or hint)
    return CheckResult(True, _("{what} agrees with the reference on {trials} fresh random "
                               "inputs.").format(what=what, trials=trials))


def _copy(args):
    return tuple(a.copy() if isinstance(a, np.ndarray) else
                 [x.copy() if isinstance(x, np.ndarray) else x for x in a] if isinstance(a, list)
                 else a for a in args)


def _describe(args):
    parts = [_("an array of shape {shape}").format(shape=a.shape)
             if isinstance(a, np.ndarray) and a.size > 4 else
             np.array2string(np.asarray(a), precision=3) if isinstance(a, np.ndarray) else
             f"{a:.4g}" if isinstance(a, numbers.Real) else type(a).__name__ for a in args]
    if len(parts) > 1:
        return _("inputs {values}").format(values=", ".join(parts))
    return _("input {value}").format(value=parts[0])
