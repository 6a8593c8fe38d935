"""Checks for the computation-graph exercises (notebook 01)."""
import math
import numbers

from helpers.checks import (CheckResult, call_learner, check_close, check_written, is_unanswered,
                            learner_rng)
from helpers.graph import Value
from helpers.i18n import N_, _
from helpers.validate import real

__all__ = ["check_running_example", "check_local_derivative", "check_built_graph",
           "check_cube", "CUBE_MISTAKES"]


def check_running_example(a, b, e):
    """e = (a + b)(b + 1) evaluated by hand at the given a and b."""
    a, b = real(a, "a"), real(b, "b")
    c, d = a + b, b + 1
    return check_close(e, c * d, _("e at a={a:g}, b={b:g}").format(a=a, b=b),
                       _("evaluate c = a + b and d = b + 1 first, then e = c * d."),
                       mistakes={c + d: _("that is c + d; the last node multiplies."),
                                 float(c): _("that is c; e multiplies c by d."),
                                 float(d): _("that is d; e multiplies c by d.")})


def check_local_derivative(a, b, de_dc):
    """The local derivative on the edge c -> e, at the given a and b."""
    a, b = real(a, "a"), real(b, "b")
    c, d = a + b, b + 1
    return check_close(de_dc, d, _("de/dc at a={a:g}, b={b:g}").format(a=a, b=b),
                       _("e = c * d; by the product rule, de/dc is the other factor."),
                       mistakes={float(c): _("that is de/dd: the derivative with respect to one "
                                             "factor is the *other* factor."),
                                 1.0: _("1 is the local derivative of a sum; e is a product.")})


def check_built_graph(f, x=-2.0, y=5.0, z=-4.0):
    """f = (x + y) * z built with Value at the given x, y, z (labelled "x", "y", "z")."""
    x, y, z = real(x, "x"), real(y, "y"), real(z, "z")
    at = f"x={x:g}, y={y:g}, z={z:g}"
    if is_unanswered(f):
        return CheckResult(False, _("replace ... with your expression built from x, y and z."),
                           _("make x, y, z with Value(...) and combine them with + and *."))
    if not isinstance(f, Value):
        return CheckResult(False, _("f should be a Value, got {type}.").format(
                               type=type(f).__name__),
                           _("build f from Value objects, e.g. x = Value({x:g}, 'x').").format(x=x))
    inputs = {n.label: n for n in f.inputs()}
    if set(inputs) != {"x", "y", "z"}:
        return CheckResult(False, _("f's inputs are labelled {labels}, not x, y, z.").format(
                               labels=sorted(inputs)),
                           _("label the inputs: Value({x:g}, 'x'), Value({y:g}, 'y'), "
                             "Value({z:g}, 'z').").format(x=x, y=y, z=z))
    want = (x + y) * z
    if abs(f.data - want) > 1e-9 * max(1.0, abs(want)):
        return CheckResult(False, _("f = {got:g}, expected {want:g}.").format(got=f.data, want=want),
                           _("check the input values {at} and the expression "
                             "(x + y) * z.").format(at=at))
    f.backward()
    grads = {k: inputs[k].grad for k in "xyz"}
    expected = {"x": z, "y": z, "z": x + y}
    if any(abs(grads[k] - expected[k]) > 1e-9 * max(1.0, abs(expected[k])) for k in "xyz"):
        return CheckResult(False, _("the gradients are {grads}, expected x: {z:g}, y: {z:g}, "
                                    "z: {sum:g}.").format(grads=grads, z=z, sum=x + y),
                           _("compute f as (x + y) * z, with the sum first."))
    return CheckResult(True, _("f = {want:g}, and its graph gives df/dx = {z:g}, df/dy = {z:g}, "
                               "df/dz = {sum:g}.").format(want=want, z=z, sum=x + y))


# ---- writing an operation: the cube -------------------------------------------

CUBE_HINT = N_("return a pair: the value x ** 3, then the local derivative of x ** 3 "
               "with respect to x (the power rule).")

# The slips a learner makes when writing the cube, as (what, value, derivative, hint).
# The check recognises each one on its own random inputs and names it; the hints are
# marked for the catalogue here and translated where the check shows them.
CUBE_MISTAKES = (
    ("derivative without the factor 3",
     lambda x: x ** 3, lambda x: x ** 2,
     N_("the derivative is x ** 2: the power rule also brings the exponent down as a factor, "
        "d(x^3)/dx = 3 x^2.")),
    ("derivative with the exponent not lowered",
     lambda x: x ** 3, lambda x: 3 * x ** 3,
     N_("the derivative is 3 x^3: bringing the 3 down also lowers the exponent by one, "
        "d(x^3)/dx = 3 x^2.")),
    ("derivative 3x",
     lambda x: x ** 3, lambda x: 3 * x,
     N_("the derivative is 3 x: the exponent goes down by one, to 2, so d(x^3)/dx = 3 x^2.")),
    ("value and derivative swapped",
     lambda x: 3 * x ** 2, lambda x: x ** 3,
     N_("value and derivative are swapped: return (value, derivative), in that order.")),
    ("value 3x",
     lambda x: 3 * x, lambda x: 3 * x ** 2,
     N_("the value is 3 x, which is x * 3: the cube is x ** 3 (two stars).")),
    ("derivative 3",
     lambda x: x ** 3, lambda x: 3.0,
     N_("the derivative is the constant 3: that is the derivative of 3 x, not of x ** 3. "
        "d(x^3)/dx = 3 x^2.")),
)

CUBE_TRIALS = 6         # random inputs per check
CUBE_STEP = 1e-5        # the centred difference's step


def _centred(fn, x, h=CUBE_STEP):
    return (fn(x + h) - fn(x - h)) / (2 * h)


def _close(a, b, tol=1e-6):
    return math.isclose(a, b, rel_tol=tol, abs_tol=tol)


def _number(x):
    if getattr(x, "shape", None) == ():
        x = x.item()
    return not isinstance(x, bool) and isinstance(x, numbers.Real) and math.isfinite(x)


def check_cube(cube, seed=None):
    """The learner's `cube(x)` returns (x ** 3, d(x ** 3)/dx) on fresh random inputs.

    The value is compared with x ** 3 and the derivative with a centred
    difference of x ** 3 (step 1e-5, relative tolerance 1e-6); a wrong
    answer that matches a slip in CUBE_MISTAKES at every input is named.
    seed -- fixes the inputs (tests); by default each call draws new ones.
    """
    rng = learner_rng(seed)
    failed = check_written(cube, "cube", _("write the function cube(x) in the cell above and run "
                                           "it, then run this check."), _(CUBE_HINT),
                           _("define it with def cube(x): ... and pass the function itself, "
                             "cube, not cube(2)."))
    if failed is not None:
        return failed
    # Inputs away from 0 and 1, where some slips give the right number by chance.
    xs = [float(s * m) for s, m in zip(rng.choice([-1.0, 1.0], CUBE_TRIALS),
                                       rng.uniform(1.2, 3.0, CUBE_TRIALS).round(3))]
    answers = []
    for x in xs:
        out, failed = call_learner(cube, x, what="cube")
        if failed is not None:
            return failed
        if isinstance(out, (str, bytes)) or not hasattr(out, "__len__") or len(out) != 2:
            if not hasattr(out, "__len__") or isinstance(out, str):
                message = _("cube({x:g}) returned {type}, not a pair.")
            else:
                message = _("cube({x:g}) returned {type} of length {n}, not a pair.")
            return CheckResult(False, message.format(x=x, type=type(out).__name__,
                                                     n=len(out) if hasattr(out, "__len__") else 0),
                               _("end with return value, local: two numbers, value first."))
        value, local = out
        for message, v in ((_("cube({x:g}) returned a value of {v!r}, not a finite number."), value),
                           (_("cube({x:g}) returned a local derivative of {v!r}, not a finite "
                              "number."), local)):
            if not _number(v):
                return CheckResult(False, message.format(x=x, v=v), _(CUBE_HINT))
        answers.append((x, float(value), float(local)))
    right = [(_close(v, x ** 3), _close(d, _centred(lambda t: t ** 3, x))) for x, v, d in answers]
    if all(ok_v and ok_d for ok_v, ok_d in right):
        return CheckResult(True, _("cube gives x ** 3 and 3 x^2 at {n} random inputs, "
                                   "as a centred difference confirms (e.g. x = {x:g}: "
                                   "{value:.6g} and {derivative:.6g}).").format(
                                       n=len(xs), x=xs[0], value=answers[0][1],
                                       derivative=answers[0][2]))
    for __, want_v, want_d, hint in CUBE_MISTAKES:
        if all(_close(v, want_v(x)) and _close(d, want_d(x)) for x, v, d in answers):
            return CheckResult(False, _first_wrong(answers, right), _(hint))
    if all(ok_v for ok_v, __ in right):
        return CheckResult(False, _first_wrong(answers, right),
                           _("the value is right; for the derivative use the power rule, "
                             "d(x^n)/dx = n x^(n-1)."))
    return CheckResult(False, _first_wrong(answers, right), _(CUBE_HINT))


def _first_wrong(answers, right):
    for (x, v, d), (ok_v, ok_d) in zip(answers, right):
        if not ok_v:
            return _("at x = {x:g} your value is {v:.6g}, but x ** 3 = {cube:.6g}.").format(
                x=x, v=v, cube=x ** 3)
        if not ok_d:
            return _("at x = {x:g} your derivative is {d:.6g}, but a centred difference "
                     "of x ** 3 gives {centred:.6g}.").format(
                         x=x, d=d, centred=_centred(lambda t: t ** 3, x))
    return _("the answer is not right.")
