"""Checks for the gradient-descent exercises (notebook 04) and the optimiser appendix (08)."""
import numpy as np

from helpers.checks import (CheckResult, as_array, call_learner, check_close, check_written,
                            is_unanswered, learner_rng)
from helpers.descent import gradient_descent
from helpers.i18n import N_, _
from helpers.validate import integer, positive, positive_int, real

__all__ = ["check_one_step", "check_largest_rate", "check_descent_loop", "random_bowl",
           "check_descent_path", "random_curved_loss", "check_newton_step", "random_rprop_state",
           "check_rprop_step"]


def check_one_step(w1, w0=5.0, eta=0.3):
    """One step of gradient descent on C(w) = (w + 1)^2 from w0 at learning rate eta."""
    w0, eta = real(w0, "w0"), positive(eta, "eta")
    slope = 2.0 * (w0 + 1.0)
    return check_close(
        w1, w0 - eta * slope, _("w1 from w0 = {w0:g} at η = {eta:g}").format(w0=w0, eta=eta),
        _("the slope is C'(w0) = 2(w0 + 1); step against it: w1 = w0 - η C'(w0)."),
        mistakes={w0 + eta * slope: _("that step went up the slope: subtract η C'(w0), do not "
                                      "add it."),
                  w0 - slope: _("that is a step of the whole slope: multiply it by η first."),
                  w0 - eta * (w0 + 1.0): _("the derivative of (w + 1)^2 is 2(w + 1), not "
                                           "(w + 1).")})


def check_largest_rate(eta_max):
    """The learning rate above which gradient descent on C(w) = 3(w - 2)^2 stops converging."""
    return check_close(
        eta_max, 1.0 / 3.0, _("the largest learning rate that still converges on "
                              "C(w) = 3(w - 2)^2"),
        _("C''(w) = 6, so each step multiplies w - 2 by 1 - 6η; it must stay between -1 and 1."),
        tol=1e-3,
        mistakes={1.0: _("1 is the limit for (w + 1)^2, whose curvature is 2; here the curvature "
                         "is 6."),
                  1.0 / 6.0: _("1/6 makes the factor 1 - 6η zero: one step to the minimum. "
                               "Larger rates still converge, with oscillation, until the factor "
                               "hits -1."),
                  2.0 / 3.0: _("the derivative of 3(w - 2)^2 is 6(w - 2): the curvature is 6, "
                               "not 3."),
                  0.5: _("0.5 is where (w + 1)^2 starts to oscillate; work out 1 - 6η = -1 "
                         "instead.")})


def check_descent_loop(w_final, w0=5.0, eta=0.1, steps=10):
    """w after `steps` steps of gradient descent on C(w) = (w + 1)^2, computed by a loop."""
    w0, eta, steps = real(w0, "w0"), positive(eta, "eta"), integer(steps, "steps", 0, 10_000)
    factor = 1.0 - 2.0 * eta
    miscounted = _("that is after {steps} steps: count the steps again.")
    return check_close(
        w_final, (w0 + 1.0) * factor ** steps - 1.0,
        _("w after {steps} steps from w0 = {w0:g} at η = {eta:g}").format(steps=steps, w0=w0,
                                                                           eta=eta),
        _("repeat w = w - eta * 2 * (w + 1) exactly `steps` times, starting from w0."),
        tol=1e-9,
        mistakes={(w0 + 1.0) * factor ** (steps - 1) - 1.0: miscounted.format(steps=steps - 1),
                  (w0 + 1.0) * factor ** (steps + 1) - 1.0: miscounted.format(steps=steps + 1),
                  (w0 + 1.0) * (1.0 + 2.0 * eta) ** steps - 1.0: _(
                      "w moved away from -1: the update adds the slope instead of "
                      "subtracting it.")})


# ---- the gradient-descent loop on a 2-D loss, written by the learner -------------------


LOOP_HINT = N_("start from a copy of start; repeat `steps` times: w = w - eta * grad(w), "
               "keeping every point; return them stacked, shape (steps + 1, 2).")


def random_bowl(rng):
    """A random tilted 2-D bowl C(w) = ½ (w - m)ᵀ A (w - m): (f, grad, A, m).

    A has curvatures between 1 and 10 along axes turned by a random angle, so the
    two coordinates are coupled and updating them one after the other shows.
    """
    angle = float(rng.uniform(0.3, 1.2)) * (1 if rng.random() < 0.5 else -1)
    c, s = np.cos(angle), np.sin(angle)
    rot = np.array([[c, s], [-s, c]])
    curv = np.array([float(rng.uniform(1.0, 2.0)), float(rng.uniform(5.0, 10.0))])
    A = rot.T @ np.diag(curv) @ rot
    m = rng.uniform(-2.0, 2.0, size=2)

    def f(w):
        d = np.asarray(w, dtype=float) - m
        return 0.5 * float(d @ A @ d)

    def grad(w):
        return A @ (np.asarray(w, dtype=float) - m)

    return f, grad, A, m


def _wrong_paths(grad, start, eta, steps):
    """The paths that the planted mistakes give, by name."""
    def run(update, n=steps):
        w, points = start.copy(), [start.copy()]
        g0 = grad(start)
        for _ in range(n):
            w = update(w, g0)
            points.append(w.copy())
        return np.array(points)

    def one_at_a_time(w, _):
        w = w.copy()
        w[0] = w[0] - eta * grad(w)[0]
        w[1] = w[1] - eta * grad(w)[1]          # the gradient at the half-updated point
        return w

    return {
        "ascent": run(lambda w, _: w + eta * grad(w)),
        "one_at_a_time": run(one_at_a_time),
        "no_eta": run(lambda w, _: w - grad(w)),
        "frozen_gradient": run(lambda w, g0: w - eta * g0),
    }


# mistake -> (what the learner's path shows, hint): marked here, translated where shown
PATH_MISTAKES = {
    "ascent": (N_("the path climbs: the loss grows at every step."),
               N_("step against the gradient: w = w - eta * grad(w), not w + eta * grad(w).")),
    "one_at_a_time": (N_("the second coordinate was updated with the gradient at a half-updated "
                         "point."),
                      N_("compute g = grad(w) once per step and update both coordinates from it, "
                         "w = w - eta * g: the step is simultaneous.")),
    "no_eta": (N_("each step is the whole gradient."),
               N_("multiply the gradient by the learning rate: w = w - eta * grad(w).")),
    "frozen_gradient": (N_("every step uses the gradient at the start."),
                        N_("call grad(w) inside the loop, at the current point, on every step.")),
    "missing_start": (N_("the first point is missing: the path should start with `start` itself."),
                      N_("keep w_0 = start as the first row, then one row per step: steps + 1 "
                         "rows.")),
    "missing_last": (N_("one step is missing: the path stops a step early."),
                     N_("run the loop exactly `steps` times after keeping the start: steps + 1 "
                        "rows.")),
    "extra_step": (N_("there is one step too many."),
                   N_("run the loop exactly `steps` times: range(steps), not range(steps + 1).")),
    "aliased": (N_("every row is the same point: the list holds one array, changed in place."),
                N_("w -= ... changes the array you already stored; write w = w - eta * grad(w), "
                   "or store w.copy().")),
    "final_only": (N_("only the final point came back."),
                   N_("return every point, the start included: an array of shape (steps + 1, 2).")),
}


def _mistake(name):
    what, hint = PATH_MISTAKES[name]
    return CheckResult(False, _(what), _(hint))


def check_descent_path(descend, seed=None, runs=3):
    """Run the learner's `descend(grad, start, eta, steps)` on fresh random 2-D bowls.

    The answer is compared with `helpers.descent.gradient_descent`'s path; the
    planted mistakes in PATH_MISTAKES each get their own hint.
    """
    runs = positive_int(runs, "runs", high=20)
    rng = learner_rng(seed)                     # checks the seed, before any answer is read
    failed = check_written(descend, "descend", _("write the body of descend(grad, start, eta, "
                                                 "steps) in the cell above (it returns the whole "
                                                 "path), then run this check."), _(LOOP_HINT))
    if failed is not None:
        return failed
    for __ in range(runs):
        f, grad, A, m = random_bowl(rng)
        eta = float(rng.uniform(0.3, 0.9)) * 2.0 / float(np.linalg.eigvalsh(A).max())
        steps = int(rng.integers(5, 13))
        start = np.round(m + rng.uniform(-3.0, 3.0, size=2), 2)
        want = gradient_descent(f, grad, start.copy(), eta=eta, steps=steps).points
        given = start.copy()
        got, failed = call_learner(descend, grad, given, eta, steps, what="descend")
        if failed is None:
            got, failed = as_array(got, _("descend should return numbers"), _(LOOP_HINT),
                                   nothing=_("descend returned nothing: return the array of "
                                             "points."))
        if failed is not None:
            return failed
        if got.shape == (2,):
            return _mistake("final_only")
        if got.ndim != 2 or got.shape[1] != 2:
            return CheckResult(False, _("the path should have shape (steps + 1, 2) = "
                                        "({rows}, 2), got {shape}.").format(rows=steps + 1,
                                                                            shape=got.shape),
                               _(LOOP_HINT))
        if got.shape[0] == steps + 1 and np.allclose(got, want, rtol=1e-9, atol=1e-12):
            if not np.array_equal(given, start):
                return CheckResult(False, _("descend changed the caller's start array in place."),
                                   _(PATH_MISTAKES["aliased"][1]))
            continue
        if got.shape[0] > 1 and np.allclose(got, want[-1]) and not np.allclose(want, want[0]):
            return _mistake("aliased")
        longer = gradient_descent(f, grad, start.copy(), eta=eta, steps=steps + 1).points
        if got.shape[0] == steps and np.allclose(got, want[1:]):
            return _mistake("missing_start")
        if got.shape[0] == steps and np.allclose(got, want[:-1]):
            return _mistake("missing_last")
        if got.shape[0] == steps + 2 and np.allclose(got, longer):
            return _mistake("extra_step")
        if got.shape[0] == steps + 1:
            for name, path in _wrong_paths(grad, start, eta, steps).items():
                with np.errstate(all="ignore"):
                    if np.allclose(got, path, rtol=1e-9, atol=1e-12):
                        return _mistake(name)
            t = int(np.flatnonzero(~np.isclose(got, want, rtol=1e-9, atol=1e-12).all(axis=1))[0])
            return CheckResult(False, _("point {t} of the path is {got}; gradient descent gives "
                                        "{want} (start {start}, eta = {eta:.4g}, {steps} "
                                        "steps).").format(
                                            t=t, got=np.round(got[t], 6).tolist(),
                                            want=np.round(want[t], 6).tolist(),
                                            start=start.tolist(), eta=eta, steps=steps),
                               _(LOOP_HINT))
        return CheckResult(False, _("the path should have steps + 1 = {rows} points, "
                                    "got {n}.").format(rows=steps + 1, n=got.shape[0]),
                           _(LOOP_HINT))
    return CheckResult(True, _("descend followed gradient descent point for point on {runs} "
                               "random 2-D bowls.").format(runs=runs))


# ---- one Newton step, written by the learner (the optimiser appendix) ----------------

NEWTON_HINT = N_("solve the local quadratic model: the step d satisfies H d = -g, so return "
                 "w - np.linalg.solve(hess(w), grad(w)).")

# mistake -> (what the learner's step shows, hint): marked here, translated where shown
NEWTON_MISTAKES = {
    "uphill": (N_("the step points the wrong way: it went uphill on the local model."),
               N_("subtract the solved step: w - H⁻¹ g, not w + H⁻¹ g.")),
    "times_hessian": (N_("the step multiplies the gradient by the Hessian."),
                      N_("Newton divides by the curvature: solve H d = g (np.linalg.solve), "
                         "do not compute H @ g.")),
    "diagonal_only": (N_("the step divides each slope by its own curvature and ignores the rest "
                         "of H."),
                      N_("the off-diagonal entries couple the coordinates: solve with the whole "
                         "Hessian, np.linalg.solve(hess(w), grad(w)).")),
    "gradient_step": (N_("that is a plain gradient step: the Hessian was not used."),
                      N_("scale the gradient by the inverse Hessian: w - np.linalg.solve(H, g).")),
    "step_only": (N_("that is the step, not the new point."),
                  N_("return w plus the step: w - np.linalg.solve(hess(w), grad(w)).")),
}


def random_curved_loss(rng):
    """A random 2-D loss, a tilted bowl plus a quartic: (f, grad, hess), all coupled."""
    f2, g2, A, m = random_bowl(rng)
    k = float(rng.uniform(0.2, 1.0))

    def f(w):
        d = np.asarray(w, dtype=float) - m
        return f2(w) + 0.25 * k * float(np.sum(d ** 4))

    def grad(w):
        d = np.asarray(w, dtype=float) - m
        return g2(w) + k * d ** 3

    def hess(w):
        d = np.asarray(w, dtype=float) - m
        return A + np.diag(3.0 * k * d ** 2)

    return f, grad, hess


def check_newton_step(newton_step, seed=None, runs=3):
    """Run the learner's `newton_step(grad, hess, w)` at random points of random 2-D losses.

    The answer must be w - H⁻¹ g; the planted mistakes in NEWTON_MISTAKES each get their hint.
    """
    runs = positive_int(runs, "runs", high=20)
    rng = learner_rng(seed)                     # checks the seed, before any answer is read
    failed = check_written(newton_step, "newton_step", _("write the body of newton_step(grad, "
                           "hess, w) in the cell above (it returns the new point), then run this "
                           "check."), _(NEWTON_HINT))
    if failed is not None:
        return failed
    for __ in range(runs):
        f, grad, hess = random_curved_loss(rng)
        w = np.round(rng.uniform(-3.0, 3.0, size=2), 2)
        g, H = grad(w), hess(w)
        want = w - np.linalg.solve(H, g)
        given = w.copy()
        got, failed = call_learner(newton_step, grad, hess, given, what="newton_step")
        if failed is None:
            got, failed = as_array(got, _("newton_step should return two numbers"),
                                   _(NEWTON_HINT),
                                   nothing=_("newton_step returned nothing: return the new "
                                             "point."))
        if failed is not None:
            return failed
        if got.shape != (2,):
            return CheckResult(False, _("the new point should have shape (2,), got "
                                        "{shape}.").format(shape=got.shape), _(NEWTON_HINT))
        if np.allclose(got, want, rtol=1e-8, atol=1e-10):
            continue
        wrong = {"uphill": w + np.linalg.solve(H, g), "times_hessian": w - H @ g,
                 "diagonal_only": w - g / np.diag(H), "gradient_step": w - g,
                 "step_only": -np.linalg.solve(H, g)}
        for name, point in wrong.items():
            if np.allclose(got, point, rtol=1e-8, atol=1e-10):
                what, hint = NEWTON_MISTAKES[name]
                return CheckResult(False, _(what), _(hint))
        return CheckResult(False, _("at w = {w} your step lands at {got}; Newton's step lands "
                                    "at {want}.").format(w=w.tolist(),
                                                         got=np.round(got, 6).tolist(),
                                                         want=np.round(want, 6).tolist()),
                           _(NEWTON_HINT))
    return CheckResult(True, _("newton_step solved the local quadratic model at {runs} random "
                               "points of random 2-D losses.").format(runs=runs))


# ---- one Rprop step, written by the learner (the optimiser appendix) -----------------

RPROP_HINT = N_("for each weight, compare the signs of g and g_prev: if g * g_prev > 0 multiply "
                "its step by grow, if < 0 by shrink, if 0 keep it (np.where); then move every "
                "weight against the sign of its slope by its new step, w - steps * np.sign(g). "
                "Return both: the new w and the new steps.")

# mistake -> (what the learner's step shows, hint): marked here, translated where shown
RPROP_MISTAKES = {
    "swapped": (N_("the steps grew where the slope flipped sign and shrank where it kept its "
                   "sign."),
                N_("a kept sign (g * g_prev > 0) says the step was too timid: multiply it by "
                   "grow; a flip (g * g_prev < 0) says it jumped over a minimum: multiply it by "
                   "shrink.")),
    "magnitude": (N_("each weight moved by its step times the slope: the size of the slope was "
                     "used."),
                  N_("Rprop keeps only the direction of each slope: move by steps * np.sign(g), "
                     "not steps * g.")),
    "uphill": (N_("each weight moved the way its slope points: uphill."),
               N_("step against the slope: w - steps * np.sign(g), not w + steps * np.sign(g).")),
    "old_steps": (N_("the weights moved by the old step sizes, before growing or shrinking them."),
                  N_("first update the steps, then move each weight by its new step.")),
    "zero_shrinks": (N_("a step whose previous slope was 0 was shrunk, as if the sign had "
                        "flipped."),
                     N_("g * g_prev == 0 (the very first step, or a flat spot) is neither a flip "
                        "nor a kept sign: leave that step as it was.")),
    "zero_grows": (N_("a step whose previous slope was 0 was grown, as if the sign had been "
                      "kept."),
                   N_("g * g_prev == 0 (the very first step, or a flat spot) is neither a flip "
                      "nor a kept sign: leave that step as it was; grow only where "
                      "g * g_prev > 0.")),
}


NEW_W, NEW_STEPS = N_("the new w"), N_("the new steps")   # the two arrays rprop_step returns


def random_rprop_state(rng):
    """(w, g, g_prev, steps) for one Rprop step on 4 to 7 weights.

    The weights include at least one slope that kept its sign, one that flipped, and
    one with no previous slope (g_prev = 0), and no slope is 0 or ±1, so every
    planted mistake changes the result.
    """
    n = int(rng.integers(4, 8))
    kinds = np.concatenate([[1, -1, 0], rng.integers(-1, 2, size=n - 3)])
    rng.shuffle(kinds)
    g = rng.uniform(0.2, 3.0, size=n) * rng.choice([-1.0, 1.0], size=n)
    g[np.isclose(np.abs(g), 1.0, atol=0.05)] *= 1.5
    g_prev = np.sign(g) * kinds * rng.uniform(0.2, 3.0, size=n)
    steps = rng.uniform(0.01, 0.5, size=n)
    w = rng.uniform(-2.0, 2.0, size=n)
    return w, g, g_prev, steps


def _rprop(w, g, g_prev, steps, grow, shrink):
    agree = g * g_prev
    new_steps = np.where(agree > 0, steps * grow, np.where(agree < 0, steps * shrink, steps))
    return w - new_steps * np.sign(g), new_steps


def _rprop_mistakes(w, g, g_prev, steps, grow, shrink):
    """The (new w, new steps) that each planted mistake gives, by name."""
    agree = g * g_prev
    right_w, right_steps = _rprop(w, g, g_prev, steps, grow, shrink)
    swapped = np.where(agree > 0, steps * shrink, np.where(agree < 0, steps * grow, steps))
    zero_shrinks = np.where(agree > 0, steps * grow, steps * shrink)
    zero_grows = np.where(agree < 0, steps * shrink, steps * grow)
    return {
        "swapped": (w - swapped * np.sign(g), swapped),
        "magnitude": (w - right_steps * g, right_steps),
        "uphill": (w + right_steps * np.sign(g), right_steps),
        "old_steps": (w - steps * np.sign(g), right_steps),
        "zero_shrinks": (w - zero_shrinks * np.sign(g), zero_shrinks),
        "zero_grows": (w - zero_grows * np.sign(g), zero_grows),
    }


def check_rprop_step(rprop_step, grow=1.2, shrink=0.5, seed=None, runs=3):
    """Run the learner's `rprop_step(w, g, g_prev, steps)` on fresh random weights.

    It must return (new w, new steps) of one Rprop step with the factors grow and
    shrink; the planted mistakes in RPROP_MISTAKES each get their own hint.
    """
    grow = real(grow, "grow", low=1.0, high=10.0)
    if grow == 1.0:
        raise ValueError("grow must be greater than 1, got 1")
    shrink = real(shrink, "shrink", low=0.0, high=1.0)
    if shrink in (0.0, 1.0):
        raise ValueError(f"shrink must lie strictly between 0 and 1, got {shrink:g}")
    runs = positive_int(runs, "runs", high=20)
    rng = learner_rng(seed)                     # checks the seed, before any answer is read
    failed = check_written(rprop_step, "rprop_step", _("write the body of rprop_step(w, g, "
                           "g_prev, steps) in the cell above (it returns the new w and the new "
                           "steps), then run this check."), _(RPROP_HINT))
    if failed is not None:
        return failed
    for __ in range(runs):
        w, g, g_prev, steps = random_rprop_state(rng)
        want = _rprop(w, g, g_prev, steps, grow, shrink)
        got, failed = call_learner(rprop_step, w.copy(), g.copy(), g_prev.copy(), steps.copy(),
                                   what="rprop_step")
        if failed is not None:
            return failed
        if is_unanswered(got):
            return CheckResult(False, _("rprop_step returned nothing: return the new w and the "
                                        "new steps, as `return w_new, steps_new`."), _(RPROP_HINT))
        if not isinstance(got, (tuple, list)) or len(got) != 2:
            return CheckResult(False, _("rprop_step should return two arrays, the new w and the "
                                        "new steps (`return w_new, steps_new`)."), _(RPROP_HINT))
        try:
            got = tuple(np.array(part, dtype=float) for part in got)
        except (TypeError, ValueError):
            return CheckResult(False, _("rprop_step should return two arrays of numbers."),
                               _(RPROP_HINT))
        for name, part in zip((_(NEW_W), _(NEW_STEPS)), got):
            if part.shape != w.shape:
                return CheckResult(False, _("{name} has shape {shape}, expected {expected}: "
                                            "one entry per weight.").format(
                                                name=name, shape=part.shape, expected=w.shape),
                                   _(RPROP_HINT))
        if all(np.allclose(p, q, rtol=1e-9, atol=1e-12) for p, q in zip(got, want)):
            continue
        for name, wrong in _rprop_mistakes(w, g, g_prev, steps, grow, shrink).items():
            if all(np.allclose(p, q, rtol=1e-9, atol=1e-12) for p, q in zip(got, wrong)):
                what, hint = RPROP_MISTAKES[name]
                return CheckResult(False, _(what), _(hint))
        for name, p, q in zip((_(NEW_STEPS), _(NEW_W)), got[::-1], want[::-1]):
            off = np.flatnonzero(~np.isclose(p, q, rtol=1e-9, atol=1e-12))
            if off.size:
                i = int(off[0])
                return CheckResult(False, _("{name} is off at weight {i} (g = {g:.3g}, "
                                            "g_prev = {g_prev:.3g}, step {step:.3g}): "
                                            "got {got:.6g}, Rprop gives {want:.6g}.").format(
                                                name=name, i=i, g=g[i], g_prev=g_prev[i],
                                                step=steps[i], got=p[i], want=q[i]),
                                   _(RPROP_HINT))
    return CheckResult(True, _("rprop_step grew, shrank and kept the steps and moved the weights "
                               "as Rprop does, on {runs} random sets of weights.").format(runs=runs))
