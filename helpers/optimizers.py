"""Other ways down a loss, and a fair race between them.

`sign_descent` steps along the signs of the slopes, `newton_method` jumps to
the minimum of the local quadratic, `hooke_jeeves` uses loss values alone.
`compare_methods` runs eight methods, ours and scipy's (imported only there),
from the same start, and counts every evaluation of the loss, its gradient
and its Hessian itself (`CountedLoss`).
"""
import math
from dataclasses import dataclass, field

import numpy as np

from helpers.descent import (ROSENBROCK, Descent, Limits, Loss, check_descent, descend,
                             gradient_descent, learning_rates, start_point)
from helpers.i18n import _, N_
from helpers.style import pad, text_width
from helpers.validate import instance, integer, positive, positive_int, real, sequence

__all__ = ["COMPARISON_START", "sign_descent", "newton_method",
           "explore_moves", "hooke_jeeves",
           "CountedLoss", "MethodRun", "method_runs", "compare_methods", "comparison_table"]

COMPARISON_START = (-1.2, 1.0)      # the classic start, on the far side of the curved valley


# ----------------------------------------------------------------------------- gradient cousins

def sign_descent(f, grad, start, step=0.05, steps=1000, schedule="exponential", decay_steps=1000,
                 bound=1e6, loss_bound=1e12, tol=None, target=None, callback=None):
    """Steps of a fixed size along the sign of each slope, shrunk over time.

    w <- w - step_t * sign(grad(w)): the gradient says only which way is down,
    not how far. Without shrinking, the steps would bounce around the minimum
    at a distance of about `step`; by default the step halves every
    `decay_steps` steps. Arguments as in `gradient_descent`, with `step` in
    place of `eta`.
    """
    start, limits = check_descent(start, Limits(bound, loss_bound, tol, target), callback,
                                  f=f, grad=grad)
    if not callable(step):
        step = positive(step, "step")
    rates = learning_rates(step, integer(steps, "steps", low=0),
                           schedule if not callable(step) else "constant", decay_steps)
    return descend(f, grad, start, rates, limits, lambda g, w: np.sign(g), callback)


def newton_method(f, grad, hess, start, steps=50, bound=1e6, loss_bound=1e12, tol=None,
                  target=None, callback=None):
    """Full Newton steps w <- w - H(w)^-1 grad(w), with no line search.

    The step is where the local quadratic model of the loss (slope and curvature
    at w) has its minimum, so on a quadratic it lands on the minimum at once.
    Each step needs the gradient and the Hessian, and a linear solve. A singular
    Hessian ends the run with `diverged=True`. Arguments as in `gradient_descent`.
    """
    def newton_step(g, w):
        h = np.asarray(hess(w), dtype=float).reshape(np.size(w), np.size(w))
        try:
            return np.linalg.solve(h, np.atleast_1d(g)).reshape(np.shape(g))
        except np.linalg.LinAlgError:
            return np.full(np.shape(g), np.nan)

    start, limits = check_descent(start, Limits(bound, loss_bound, tol, target), callback,
                                  f=f, grad=grad, hess=hess)
    return descend(f, grad, start, np.ones(integer(steps, "steps", low=0)), limits, newton_step,
                   callback)


# ----------------------------------------------------------------------------- Hooke-Jeeves

def explore_moves(f, x, fx, step):
    """Try a step up and down along each coordinate in turn; keep whatever lowers f."""
    for i in range(len(x)):
        for move in (step, -step):
            trial = x.copy()
            trial[i] += move
            f_trial = f(trial)
            if f_trial < fx:
                x, fx = trial, f_trial
                break
    return x, fx


def hooke_jeeves(f, start, step=0.5, shrink=0.5, min_step=1e-9, max_evaluations=10_000,
                 target=None, callback=None):
    """Pattern search: only loss values, no derivatives. Returns the `Descent` of base points.

    Explores around the base point (`explore_moves`); when that finds a lower
    loss, jumps as far again the same way and explores there; when it does
    not, multiplies the step by `shrink`. Stops when the step is below
    `min_step`, the loss is <= `target`, or after about `max_evaluations`
    calls of f. callback(t, base, loss) after each move.
    """
    scalar, calls = np.ndim(start) == 0, [0]

    def loss(x):                          # f on arrays, counting its calls, refusing NaN
        calls[0] += 1
        value = float(f(x[0] if scalar else x))
        if math.isnan(value):
            raise ValueError(f"f returned NaN at {x}")
        return value

    capped = _("used max_evaluations={max_evaluations}").format(max_evaluations=max_evaluations)

    def stop(f_base):
        if target is not None and f_base <= target:
            return _("loss <= target {target:g}").format(target=target)
        return capped if calls[0] >= max_evaluations else ""

    base = np.atleast_1d(start_point(start))
    f_base = loss(base)
    points, losses, steps = [base], [f_base], []
    while not (reason := stop(f_base)):
        if step < min_step:
            reason = _("step below min_step {min_step:g}").format(min_step=min_step)
            break
        x, fx = explore_moves(loss, base, f_base, step)
        if fx >= f_base:
            step *= shrink                            # nothing lower nearby: look closer
            continue
        while fx < f_base:                            # it worked: keep going that way
            previous, base, f_base = base, x, fx
            points.append(base), losses.append(f_base), steps.append(step)
            if callback is not None:
                callback(len(points) - 1, base, f_base)
            if stop(f_base):
                break
            pattern = base + (base - previous)        # jump as far again, same direction,
            x, fx = explore_moves(loss, pattern, loss(pattern), step)   # and explore there
    points = np.array(points)
    return Descent(points[:, 0] if scalar else points, np.array(losses), np.array(steps),
                   False, reason != capped, reason)


# ----------------------------------------------------------------------------- comparison

class CountedLoss:
    """A Loss whose f, grad and hess count their own calls.

    `counts` is {"f": ..., "grad": ..., "hess": ...}; `total` is their sum.
    The counts are made here, by the calls themselves, not read from what an
    optimiser reports. `trace` holds (total so far, loss) pairs from `record`.
    """

    def __init__(self, loss):
        self.loss = loss
        self.counts = {"f": 0, "grad": 0, "hess": 0}
        self.trace = []

    def f(self, x):
        self.counts["f"] += 1
        return float(self.loss.f(np.array(x, dtype=float)))

    def grad(self, x):
        self.counts["grad"] += 1
        return np.asarray(self.loss.grad(np.array(x, dtype=float)), dtype=float)

    def hess(self, x):
        self.counts["hess"] += 1
        return np.asarray(self.loss.hess(np.array(x, dtype=float)), dtype=float)

    @property
    def total(self):
        return sum(self.counts.values())

    def record(self, x, value=None):
        """Add (evaluations so far, loss at x) to the trace; the loss, unless given, uncounted."""
        value = float(self.loss.f(np.asarray(x, dtype=float)) if value is None else value)
        self.trace.append((self.total, value))
        return value


@dataclass
class MethodRun:
    """One method's run in the comparison.

    counts      -- {"f", "grad", "hess"}: calls counted by the wrappers
    reported    -- what scipy itself reported (nfev, njev, nhev), for the cross-check
    trace_evaluations, trace_losses -- the loss at the method's current point after
                   each iteration, against the evaluations spent so far (entry 0: the start)
    """
    name: str
    uses: str
    counts: dict
    trace_evaluations: np.ndarray
    trace_losses: np.ndarray
    x: np.ndarray
    reported: dict = field(default_factory=dict)
    name_template: tuple = ()

    @property
    def label(self):
        """The method's name in the learner's language (name_template: (English, its fields))."""
        if self.name_template:
            template, fields = self.name_template
            return _(template).format(**fields)
        return self.name

    @property
    def evaluations(self):
        return sum(self.counts.values())

    @property
    def loss(self):
        return float(self.trace_losses[-1])

    def evaluations_to(self, threshold):
        """Evaluations spent when the loss first reached <= threshold (None if never)."""
        hit = np.flatnonzero(self.trace_losses <= threshold)
        return int(self.trace_evaluations[hit[0]]) if hit.size else None


def _run_scipy(method, loss, start, target, max_evaluations):
    from scipy.optimize import minimize
    counted = CountedLoss(loss)
    counted.record(start)

    def callback(xk):
        if counted.record(xk) <= target or counted.total >= max_evaluations:
            raise StopIteration

    kwargs = {"Nelder-Mead": dict(options={"xatol": 1e-12, "fatol": 1e-14,
                                           "maxfev": max_evaluations}),
              "CG": dict(jac=counted.grad, options={"gtol": 1e-12}),
              "BFGS": dict(jac=counted.grad, options={"gtol": 1e-12}),
              "Newton-CG": dict(jac=counted.grad, hess=counted.hess,
                                options={"xtol": 1e-14})}[method]
    result = minimize(counted.f, np.array(start, dtype=float), method=method, callback=callback,
                      **kwargs)
    reported = {k: int(result[k]) for k in ("nfev", "njev", "nhev") if k in result}
    return counted, np.array(result.x), reported


def _run_own(kind, loss, start, target, max_evaluations, settings):
    counted = CountedLoss(loss)
    counted.record(start)
    # The callback records the loss each step reached. Hooke-Jeeves computed it
    # itself (counted). The other three never use loss values, so they get the
    # uncounted loss.f for the path's losses: only their gradients and Hessians count.
    def step_done(t, w, value):
        counted.record(w, value)

    if kind == "hooke-jeeves":
        path = hooke_jeeves(counted.f, start, step=settings["hj_step"], target=target,
                            max_evaluations=max_evaluations, callback=step_done)
    elif kind == "newton":
        path = newton_method(loss.f, counted.grad, counted.hess, start, steps=max_evaluations,
                             target=target, callback=step_done)
    elif kind == "gradient":
        path = gradient_descent(loss.f, counted.grad, start, eta=settings["gd_eta"],
                                steps=max_evaluations, target=target, callback=step_done)
    else:
        path = sign_descent(loss.f, counted.grad, start, step=settings["sign_step"],
                            decay_steps=settings["sign_half_life"], steps=max_evaluations,
                            target=target, callback=step_done)
    return counted, np.asarray(path.final)


def compare_methods(loss=ROSENBROCK, start=COMPARISON_START, target=1e-6, max_evaluations=50_000,
                    gd_eta=1e-3, sign_step=0.05, sign_half_life=1000, hj_step=0.5):
    """Run eight methods from the same start until the loss is <= target; count evaluations.

    Every method stops as soon as its current point has loss <= target (checked
    after each iteration, without counting that check), or after about
    max_evaluations evaluations. Returns a list of `MethodRun`.
    """
    instance(loss, "loss", Loss)
    start = start_point(start)
    if start.shape != (2,):
        raise ValueError(f"start must be a point of 2 coordinates, got shape {start.shape}")
    target = positive(target, "target")
    max_evaluations = positive_int(max_evaluations, "max_evaluations")
    settings = dict(gd_eta=positive(gd_eta, "gd_eta"),
                    sign_step=positive(sign_step, "sign_step"),
                    sign_half_life=positive(sign_half_life, "sign_half_life"),
                    hj_step=positive(hj_step, "hj_step"))
    # Each method's name (the code knows a run by its English name; `label` translates it)
    # and what it uses.
    values, gradient, hessian = N_("values"), N_("gradient"), N_("gradient + Hessian")
    plan = [(N_("Nelder-Mead (scipy)"), {}, values, "scipy", "Nelder-Mead"),
            (N_("Hooke-Jeeves (ours)"), {}, values, "own", "hooke-jeeves"),
            (N_("gradient descent, η = {eta:g}"), {"eta": gd_eta}, gradient, "own", "gradient"),
            (N_("sign of slope, shrinking step"), {}, N_("gradient's sign"), "own", "sign"),
            (N_("conjugate gradient (scipy)"), {}, gradient, "scipy", "CG"),
            (N_("BFGS (scipy)"), {}, gradient, "scipy", "BFGS"),
            (N_("Newton-CG (scipy)"), {}, hessian, "scipy", "Newton-CG"),
            (N_("Newton, full steps (ours)"), {}, hessian, "own", "newton")]
    runs = []
    for template, fields, uses, where, key in plan:
        name = template.format(**fields)
        if where == "scipy":
            counted, x, reported = _run_scipy(key, loss, start, target, max_evaluations)
        else:
            counted, x = _run_own(key, loss, start, target, max_evaluations, settings)
            reported = {}
        evals, losses = (np.array(c) for c in zip(*counted.trace))
        runs.append(MethodRun(name, uses, dict(counted.counts), evals.astype(int), losses, x,
                              reported, (template, fields)))
    return runs


def method_runs(runs):
    """A non-empty list of MethodRun, checked."""
    runs = sequence(runs, "runs", "a list of MethodRun (from compare_methods)")
    if not runs:
        raise ValueError("runs must hold at least one MethodRun")
    for i, run in enumerate(runs):
        instance(run, f"runs[{i}]", MethodRun)
    return runs


def comparison_table(runs, threshold=1e-6):
    """A plain-text table: evaluations of each kind, and the total spent to reach threshold."""
    runs = method_runs(runs)
    threshold = real(threshold, "threshold")
    names = [run.label for run in runs]
    width = max(map(text_width, names))
    reach_title = _("to reach {threshold:g}").format(threshold=threshold)
    method, uses, never = _("method"), _("uses"), _("never")
    header = (f"{pad(method, width)}  {pad(uses, 18)} {'f':>6} {'grad':>6} "
              f"{'Hess':>5}  {pad(reach_title, 14, right=True)}")
    lines = [header, "-" * text_width(header)]
    for name, run in zip(names, runs):
        reach = run.evaluations_to(threshold)
        c = run.counts
        lines.append(f"{pad(name, width)}  {pad(_(run.uses), 18)} "
                     f"{c['f']:>6} {c['grad']:>6} {c['hess']:>5}  "
                     f"{pad(never if reach is None else str(reach), 14, right=True)}")
    return "\n".join(lines)
