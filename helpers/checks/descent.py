"""Checks for the gradient-descent exercises (notebook 04)."""
from helpers.checks import check_close
from helpers.validate import integer, positive, real

__all__ = ["check_one_step", "check_largest_rate", "check_descent_loop"]


def check_one_step(w1, w0=5.0, eta=0.3):
    """One step of gradient descent on J(w) = (w + 1)^2 from w0 at learning rate eta."""
    w0, eta = real(w0, "w0"), positive(eta, "eta")
    slope = 2.0 * (w0 + 1.0)
    return check_close(
        w1, w0 - eta * slope, f"w1 from w0 = {w0:g} at η = {eta:g}",
        "the slope is J'(w0) = 2(w0 + 1); step against it: w1 = w0 - η J'(w0).",
        mistakes={w0 + eta * slope: "that step went up the slope: subtract η J'(w0), do not add it.",
                  w0 - slope: "that is a step of the whole slope: multiply it by η first.",
                  w0 - eta * (w0 + 1.0): "the derivative of (w + 1)^2 is 2(w + 1), not (w + 1)."})


def check_largest_rate(eta_max):
    """The learning rate above which gradient descent on J(w) = 3(w - 2)^2 stops converging."""
    return check_close(
        eta_max, 1.0 / 3.0, "the largest learning rate that still converges on J(w) = 3(w - 2)^2",
        "J''(w) = 6, so each step multiplies w - 2 by 1 - 6η; it must stay between -1 and 1.",
        tol=1e-3,
        mistakes={1.0: "1 is the limit for (w + 1)^2, whose curvature is 2; here the curvature is 6.",
                  1.0 / 6.0: "1/6 makes the factor 1 - 6η zero: one step to the minimum. "
                             "Larger rates still converge, with oscillation, until the factor hits -1.",
                  2.0 / 3.0: "the derivative of 3(w - 2)^2 is 6(w - 2): the curvature is 6, not 3.",
                  0.5: "0.5 is where (w + 1)^2 starts to oscillate; work out 1 - 6η = -1 instead."})


def check_descent_loop(w_final, w0=5.0, eta=0.1, steps=10):
    """w after `steps` steps of gradient descent on J(w) = (w + 1)^2, computed by a loop."""
    w0, eta, steps = real(w0, "w0"), positive(eta, "eta"), integer(steps, "steps", 0, 10_000)
    factor = 1.0 - 2.0 * eta
    return check_close(
        w_final, (w0 + 1.0) * factor ** steps - 1.0,
        f"w after {steps} steps from w0 = {w0:g} at η = {eta:g}",
        "repeat w = w - eta * 2 * (w + 1) exactly `steps` times, starting from w0.",
        tol=1e-9,
        mistakes={(w0 + 1.0) * factor ** (steps - 1) - 1.0: f"that is after {steps - 1} steps: "
                                                            "count the steps again.",
                  (w0 + 1.0) * factor ** (steps + 1) - 1.0: f"that is after {steps + 1} steps: "
                                                            "count the steps again.",
                  (w0 + 1.0) * (1.0 + 2.0 * eta) ** steps - 1.0: "w moved away from -1: the update "
                                                                  "adds the slope instead of subtracting it."})
