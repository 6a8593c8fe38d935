"""Checks for the computation-graph exercises."""
from helpers.checks import CheckResult, check_close, is_unanswered
from helpers.graph import Value
from helpers.validate import real

__all__ = ["check_running_example", "check_local_derivative", "check_built_graph"]


def check_running_example(a, b, e):
    """e = (a + b)(b + 1) evaluated by hand at the given a and b."""
    a, b = real(a, "a"), real(b, "b")
    c, d = a + b, b + 1
    return check_close(e, c * d, f"e at a={a:g}, b={b:g}",
                       "evaluate c = a + b and d = b + 1 first, then e = c * d.",
                       mistakes={c + d: "that is c + d; the last node multiplies.",
                                 float(c): "that is c; e multiplies c by d.",
                                 float(d): "that is d; e multiplies c by d."})


def check_local_derivative(a, b, de_dc):
    """The local derivative on the edge c -> e, at the given a and b."""
    a, b = real(a, "a"), real(b, "b")
    c, d = a + b, b + 1
    return check_close(de_dc, d, f"de/dc at a={a:g}, b={b:g}",
                       "e = c * d; by the product rule, de/dc is the other factor.",
                       mistakes={float(c): "that is de/dd: the derivative with respect to one "
                                           "factor is the *other* factor.",
                                 1.0: "1 is the local derivative of a sum; e is a product."})


def check_built_graph(f):
    """f = (x + y) * z built with Value at x=-2, y=5, z=-4."""
    if is_unanswered(f):
        return CheckResult(False, "replace ... with your expression built from x, y and z.",
                           "make x, y, z with Value(...) and combine them with + and *.")
    if not isinstance(f, Value):
        return CheckResult(False, f"f should be a Value, got {type(f).__name__}.",
                           "build f from Value objects, e.g. x = Value(-2.0, 'x').")
    inputs = {n.label: n for n in f.inputs()}
    if set(inputs) != {"x", "y", "z"}:
        return CheckResult(False, f"f's inputs are labelled {sorted(inputs)}, not x, y, z.",
                           "label the inputs: Value(-2.0, 'x'), Value(5.0, 'y'), Value(-4.0, 'z').")
    if abs(f.data - (-12.0)) > 1e-9:
        return CheckResult(False, f"f = {f.data:g}, expected -12.",
                           "check the input values x=-2, y=5, z=-4 and the expression (x + y) * z.")
    f.backward()
    grads = {k: inputs[k].grad for k in "xyz"}
    if any(abs(grads[k] - want) > 1e-9 for k, want in (("x", -4.0), ("y", -4.0), ("z", 3.0))):
        return CheckResult(False, f"the gradients are {grads}, expected x: -4, y: -4, z: 3.",
                           "compute f as (x + y) * z, with the sum first.")
    return CheckResult(True, "f = -12, and its graph gives df/dx = -4, df/dy = -4, df/dz = 3.")
