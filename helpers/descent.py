"""Gradient descent, and other ways down a loss, on functions of one or two variables.

`gradient_descent` returns the whole path (points, losses, learning rates)
and stops with a flag, never with an overflow warning or a NaN, when the
iterates run away. `learning_rates` turns a learning rate and a schedule
into the rate of every step. `compare_methods` runs eight methods on the
same 2-D loss, counting every evaluation of the loss, its gradient and its
Hessian with wrappers (`CountedLoss`), and returns loss-vs-evaluations traces.

Uses numpy, and scipy.optimize for the comparison only.
"""
import math
from dataclasses import dataclass, field

import numpy as np

from helpers.validate import choice, float_array, function, instance, integer, positive, \
    positive_int, real

__all__ = ["Loss", "PARABOLA", "TILTED_BOWL", "ROSENBROCK",
           "Path", "learning_rates", "gradient_descent", "sign_descent", "newton_method",
           "hooke_jeeves", "pattern_search", "explore_moves",
           "update_factor", "regime",
           "CountedLoss", "MethodRun", "compare_methods", "comparison_table", "COMPARISON_START"]


# ----------------------------------------------------------------------------- losses

@dataclass(frozen=True)
class Loss:
    """A loss with its derivatives.

    f, grad, hess -- functions of a point (a number in 1-D, a length-2 array in 2-D);
                     f also accepts stacked grids, f(np.array([X, Y])), for contour plots
    minimum       -- where the loss is smallest
    curvatures    -- the second derivatives along the loss's principal axes, where constant
    """
    name: str
    formula: str
    f: object
    grad: object
    hess: object
    minimum: object
    curvatures: tuple = ()

    def __post_init__(self):
        instance(self.name, "name", str)
        instance(self.formula, "formula", str)
        for name in ("f", "grad", "hess"):
            function(getattr(self, name), name)
        minimum = float_array(self.minimum, "minimum")
        if minimum.ndim > 1:
            raise ValueError(f"minimum must be a number or a point, got shape {minimum.shape}")
        instance(self.curvatures, "curvatures", tuple)
        for i, c in enumerate(self.curvatures):
            positive(c, f"curvatures[{i}]")


PARABOLA = Loss(
    name="parabola", formula="J(w) = (w + 1)²",
    f=lambda w: (w + 1.0) ** 2,
    grad=lambda w: 2.0 * (w + 1.0),
    hess=lambda w: 2.0,
    minimum=-1.0, curvatures=(2.0,))

# A bowl whose axes are turned by 30 degrees: curvature 1 along one axis, 10 along the other.
_ANGLE = math.radians(30.0)
_COS, _SIN = math.cos(_ANGLE), math.sin(_ANGLE)
_CURV = (1.0, 10.0)
_CENTRE = np.array([1.0, 0.5])
_ROT = np.array([[_COS, _SIN], [-_SIN, _COS]])          # rows: the bowl's two axes
_A = _ROT.T @ np.diag(_CURV) @ _ROT


def _bowl_f(p):
    dx, dy = p[0] - _CENTRE[0], p[1] - _CENTRE[1]
    u, v = _COS * dx + _SIN * dy, -_SIN * dx + _COS * dy
    return 0.5 * (_CURV[0] * u * u + _CURV[1] * v * v)


TILTED_BOWL = Loss(
    name="tilted bowl", formula="L(x, y) = ½ (u² + 10 v²), with u, v the bowl's axes",
    f=_bowl_f,
    grad=lambda p: _A @ (np.asarray(p, dtype=float) - _CENTRE),
    hess=lambda p: _A.copy(),
    minimum=_CENTRE.copy(), curvatures=_CURV)


def _rosen_f(p):
    x, y = p[0], p[1]
    return 100.0 * (y - x * x) ** 2 + (1.0 - x) ** 2


def _rosen_grad(p):
    x, y = float(p[0]), float(p[1])
    return np.array([-400.0 * x * (y - x * x) - 2.0 * (1.0 - x), 200.0 * (y - x * x)])


def _rosen_hess(p):
    x, y = float(p[0]), float(p[1])
    return np.array([[1200.0 * x * x - 400.0 * y + 2.0, -400.0 * x], [-400.0 * x, 200.0]])


ROSENBROCK = Loss(
    name="Rosenbrock", formula="L(x, y) = 100 (y − x²)² + (1 − x)²",
    f=_rosen_f, grad=_rosen_grad, hess=_rosen_hess, minimum=np.array([1.0, 1.0]))

COMPARISON_START = (-1.2, 1.0)      # the classic start, on the far side of the curved valley


# ----------------------------------------------------------------------------- validation

def _as_start(start, bound=None):
    """A scalar (1-D problems) or a float array of shape (1,) or (2,)."""
    w = float_array(start, "start").copy()
    if w.shape not in ((), (1,), (2,)):
        raise ValueError(f"start must be a number or a point of 1 or 2 coordinates, "
                         f"got shape {w.shape}")
    if bound is not None and np.max(np.abs(w)) > bound:
        raise ValueError(f"start must lie within the bound |w| <= {bound:g}, got {start!r}")
    return w


# ----------------------------------------------------------------------------- learning rates

SCHEDULES = ("constant", "inverse", "exponential")


def learning_rates(eta, steps, schedule="constant", decay_steps=100):
    """The learning rate of each of `steps` steps, t = 0 .. steps-1.

    eta         -- a positive number, or a function of the step t returning one
    schedule    -- for a number eta: "constant" (eta every step),
                   "inverse" (eta / (1 + t / decay_steps)),
                   "exponential" (eta * 0.5 ** (t / decay_steps): halved every decay_steps)
    """
    steps = integer(steps, "steps", low=0)
    if callable(eta):
        if schedule != "constant":
            raise ValueError(f"schedule must be 'constant' when eta is a function of t "
                             f"(the function is the schedule), got {schedule!r}")
        rates = np.empty(steps)
        for t in range(steps):
            value = eta(t)
            try:
                rates[t] = positive(value, "eta(t)")
            except (TypeError, ValueError):
                raise ValueError(f"eta(t) must return a positive finite number, "
                                 f"got {value!r} at t={t}") from None
        return rates
    eta = positive(eta, "eta")
    choice(schedule, "schedule", SCHEDULES)
    t = np.arange(steps, dtype=float)
    if schedule == "constant":
        return np.full(steps, eta)
    decay_steps = positive(decay_steps, "decay_steps")
    if schedule == "inverse":
        return eta / (1.0 + t / decay_steps)
    return eta * 0.5 ** (t / decay_steps)


# ----------------------------------------------------------------------------- paths

@dataclass
class Path:
    """Where a descent went.

    points    -- shape (n+1,) for a 1-D start given as a number, else (n+1, d)
    losses    -- the loss at each point
    rates     -- the learning rate (or step size) used for each of the n steps
    diverged  -- True when the run was stopped because it ran away
    converged -- True when a stopping test (tol, target) was met
    reason    -- why the run ended, in words
    """
    points: np.ndarray
    losses: np.ndarray
    rates: np.ndarray
    diverged: bool = False
    converged: bool = False
    reason: str = ""

    def __post_init__(self):
        points = float_array(self.points, "points", ndim=(1, 2))
        n = len(points)
        losses = float_array(self.losses, "losses", shape=(n,), finite=False)
        if np.isnan(losses).any():                 # a loss may overflow to inf, never be NaN
            raise ValueError("losses contains NaN")
        float_array(self.rates, "rates", shape=(max(n - 1, 0),))
        instance(self.diverged, "diverged", (bool, np.bool_))
        instance(self.converged, "converged", (bool, np.bool_))
        instance(self.reason, "reason", str)

    @property
    def steps(self):
        return len(self.points) - 1

    @property
    def final(self):
        return self.points[-1]


def _descend(f, grad, start, rates, direction, bound, loss_bound, tol, target, callback):
    """The loop shared by gradient descent and the sign rule: w <- w - rate * direction(grad)."""
    w = start
    with np.errstate(all="ignore"):
        loss0 = _loss_value(f, w)
    if loss0 is None or loss0 > loss_bound:
        raise ValueError(f"the loss at start must be finite and at most loss_bound={loss_bound:g}, "
                         f"got {loss0}")
    points, losses = [w], [loss0]
    diverged = converged = False
    reason = f"ran all {len(rates)} steps"
    for t, rate in enumerate(rates):
        if target is not None and losses[-1] <= target:
            converged, reason = True, f"loss <= target {target:g} after {t} steps"
            break
        with np.errstate(all="ignore"):
            g = _grad_value(grad, w)
            if tol is not None and g is not None and float(np.sqrt(np.sum(g * g))) <= tol:
                converged, reason = True, f"gradient norm <= tol {tol:g} after {t} steps"
                break
            new = None if g is None else w - rate * direction(g, w)
            if new is None or not np.all(np.isfinite(new)):
                diverged, reason = True, f"diverged: the gradient or step was not finite at step {t + 1}"
                break
            if np.max(np.abs(new)) > bound:
                diverged, reason = True, f"diverged: |w| exceeded bound {bound:g} at step {t + 1}"
                break
            loss = _loss_value(f, new)
        if loss is None or loss > loss_bound:
            diverged, reason = True, f"diverged: the loss exceeded loss_bound {loss_bound:g} at step {t + 1}"
            break
        w = new
        points.append(w)
        losses.append(loss)
        if callback is not None:
            callback(t + 1, w, loss)
    else:
        if target is not None and losses[-1] <= target:
            converged, reason = True, f"loss <= target {target:g} after {len(rates)} steps"
    n = len(points) - 1
    return Path(np.array(points), np.array(losses), np.asarray(rates[:n], dtype=float),
                diverged, converged, reason)


def _loss_value(f, w):
    try:
        value = float(f(w))
    except (OverflowError, FloatingPointError):
        return None
    return value if math.isfinite(value) else None


def _grad_value(grad, w):
    try:
        g = np.asarray(grad(w), dtype=float)
    except (OverflowError, FloatingPointError):
        return None
    if g.shape != np.shape(w):
        raise ValueError(f"grad must return an array shaped like start {np.shape(w)}, got {g.shape}")
    return g


def _prepare(f, grad, start, steps, bound, loss_bound, tol, target, callback):
    function(f, "f")
    function(grad, "grad")
    if callback is not None:
        function(callback, "callback")
    steps = integer(steps, "steps", low=0)
    bound = positive(bound, "bound")
    loss_bound = positive(loss_bound, "loss_bound")
    if tol is not None:
        real(tol, "tol", low=0)
    if target is not None:
        real(target, "target")
    w = _as_start(start, bound)
    return (np.float64(w) if w.shape == () else w), steps, bound, loss_bound


def gradient_descent(f, grad, start, eta=0.1, steps=100, schedule="constant", decay_steps=100,
                     bound=1e6, loss_bound=1e12, tol=None, target=None, callback=None):
    """Steps w <- w - eta_t * grad(w) from `start`; returns the whole `Path`.

    f, grad     -- the loss and its gradient (functions of w)
    start       -- a number (1-D) or a point of 1 or 2 coordinates
    eta         -- the learning rate: a positive number, or a function of the step t
    schedule    -- "constant", "inverse" or "exponential" decay of a numeric eta
                   (see `learning_rates`), with `decay_steps`
    bound, loss_bound -- the run stops with `diverged=True` as soon as a step would take
                   any |coordinate| above bound or the loss above loss_bound (no overflow)
    tol         -- stop (converged) when the gradient's norm is <= tol
    target      -- stop (converged) when the loss is <= target
    callback    -- called as callback(t, w, loss) after each step
    """
    w, steps, bound, loss_bound = _prepare(f, grad, start, steps, bound, loss_bound, tol, target,
                                           callback)
    rates = learning_rates(eta, steps, schedule, decay_steps)
    return _descend(f, grad, w, rates, lambda g, w: g, bound, loss_bound, tol, target, callback)


def sign_descent(f, grad, start, step=0.05, steps=1000, schedule="exponential", decay_steps=1000,
                 bound=1e6, loss_bound=1e12, tol=None, target=None, callback=None):
    """Steps of a fixed size along the sign of each slope, shrunk over time.

    w <- w - step_t * sign(grad(w)): the gradient says only which way is down,
    not how far. Without shrinking, the steps would bounce around the minimum
    at a distance of about `step`; by default the step halves every
    `decay_steps` steps. Arguments as in `gradient_descent`, with `step` in
    place of `eta`.
    """
    w, steps, bound, loss_bound = _prepare(f, grad, start, steps, bound, loss_bound, tol, target,
                                           callback)
    if not callable(step):
        step = positive(step, "step")
    rates = learning_rates(step, steps, schedule, decay_steps) if not callable(step) \
        else learning_rates(step, steps)
    return _descend(f, grad, w, rates, lambda g, w: np.sign(g), bound, loss_bound, tol, target,
                    callback)


def newton_method(f, grad, hess, start, steps=50, bound=1e6, loss_bound=1e12, tol=None,
                  target=None, callback=None):
    """Full Newton steps w <- w - H(w)^-1 grad(w), with no line search.

    The step is where the local quadratic model of the loss (slope and curvature
    at w) has its minimum, so on a quadratic it lands on the minimum at once.
    Each step needs the gradient and the Hessian, and a linear solve. A singular
    Hessian ends the run with `diverged=True`. Arguments as in `gradient_descent`.
    """
    function(hess, "hess")
    w, steps, bound, loss_bound = _prepare(f, grad, start, steps, bound, loss_bound, tol, target,
                                           callback)

    def newton_step(g, w):
        h = np.asarray(hess(w), dtype=float).reshape(np.size(w), np.size(w))
        try:
            return np.linalg.solve(h, np.atleast_1d(g)).reshape(np.shape(g))
        except np.linalg.LinAlgError:
            return np.full(np.shape(g), np.nan)

    return _descend(f, grad, w, np.ones(steps), newton_step, bound, loss_bound, tol, target,
                    callback)


# ----------------------------------------------------------------------------- Hooke-Jeeves

def explore_moves(f, x, fx, step):
    """Try a step up and down along each coordinate in turn; keep whatever lowers f."""
    f, x = function(f, "f"), float_array(x, "x", ndim=1)
    fx, step = real(fx, "fx"), positive(step, "step")
    for i in range(len(x)):
        for move in (step, -step):
            trial = x.copy()
            trial[i] += move
            f_trial = f(trial)
            if f_trial < fx:
                x, fx = trial, f_trial
                break
    return x, fx


def _counting_loss(f, start, max_evaluations):
    """f as Hooke-Jeeves calls it: on arrays, counting calls, refusing NaN."""
    scalar = np.ndim(start) == 0
    calls = [0]

    def loss(x):
        calls[0] += 1
        value = float(f(x[0] if scalar else x))
        if math.isnan(value):
            raise ValueError(f"f returned NaN at {x}")
        return value
    loss.calls, loss.scalar = calls, scalar
    return loss


def hooke_jeeves(f, start, step=0.5, shrink=0.5, min_step=1e-9, max_evaluations=10_000,
                 target=None, callback=None):
    """Pattern search: only loss values, no derivatives. Returns the `Path` of base points.

    Stops when the step is below `min_step`, the loss is <= `target`, or after
    about `max_evaluations` calls of f. callback(t, base, loss) after each move.
    """
    function(f, "f")
    step, shrink, min_step = (positive(v, n) for v, n in
                              ((step, "step"), (shrink, "shrink"), (min_step, "min_step")))
    if shrink >= 1:
        raise ValueError(f"shrink must be between 0 and 1, got {shrink:g}")
    max_evaluations = positive_int(max_evaluations, "max_evaluations")
    if target is not None:
        target = real(target, "target")
    loss = _counting_loss(f, start, max_evaluations)
    path = {"points": [], "losses": [], "steps": []}

    def moved(base, f_base, step):
        path["points"].append(base), path["losses"].append(f_base), path["steps"].append(step)
        if callback is not None and len(path["points"]) > 1:
            callback(len(path["points"]) - 1, base, f_base)

    def stop(f_base):
        if target is not None and f_base <= target:
            return f"loss <= target {target:g}"
        if loss.calls[0] >= max_evaluations:
            return f"used max_evaluations={max_evaluations}"
        return ""

    if callback is not None:
        function(callback, "callback")
    base = np.atleast_1d(_as_start(start)).astype(float)
    reason = pattern_search(loss, base, step, shrink, min_step, stop, moved)
    points = np.array(path["points"])
    return Path(points[:, 0] if loss.scalar else points, np.array(path["losses"]),
                np.array(path["steps"][1:]), False, not reason.startswith("used"), reason)


def pattern_search(loss, base, step, shrink, min_step, stop, moved):
    """The Hooke-Jeeves loop. Returns why it stopped.

    stop(f_base) -- a reason to stop now, or ""
    moved(base, f_base, step) -- told of every new base point
    """
    loss, stop, moved = function(loss, "loss"), function(stop, "stop"), function(moved, "moved")
    base = float_array(base, "base", ndim=1)
    step, min_step = positive(step, "step"), positive(min_step, "min_step")
    if not 0 < real(shrink, "shrink") < 1:
        raise ValueError(f"shrink must be between 0 and 1, got {shrink:g}")
    f_base = loss(base)
    moved(base, f_base, step)
    while not stop(f_base):
        if step < min_step:
            return f"step below min_step {min_step:g}"
        x, fx = explore_moves(loss, base, f_base, step)
        if fx >= f_base:
            step *= shrink                            # nothing lower nearby: look closer
            continue
        while fx < f_base:                            # it worked: keep going that way
            previous, base, f_base = base, x, fx
            moved(base, f_base, step)
            if stop(f_base):
                break
            pattern = base + (base - previous)        # jump as far again, same direction,
            x, fx = explore_moves(loss, pattern, loss(pattern), step)   # and explore there
    return stop(f_base)


# ----------------------------------------------------------------------------- regimes

def update_factor(eta, curvature=2.0):
    """How a step scales the distance to the minimum of a quadratic: 1 - eta * curvature.

    For J(w) = (w + 1)^2 (curvature 2): w_{t+1} + 1 = (1 - 2 eta)(w_t + 1).
    """
    return 1.0 - positive(eta, "eta") * positive(curvature, "curvature")


def regime(eta, curvature=2.0):
    """What gradient descent does on a quadratic with this curvature, in words."""
    r = update_factor(eta, curvature)
    if math.isclose(r, 0.0, abs_tol=1e-9):
        return "reaches the minimum in one step"
    if math.isclose(r, -1.0, abs_tol=1e-9):
        return "oscillates forever, never closer"
    if r > 0:
        return "converges monotonically"
    if r > -1:
        return "oscillates and converges"
    return "diverges"


# ----------------------------------------------------------------------------- comparison

class CountedLoss:
    """A Loss whose f, grad and hess count their own calls.

    `counts` is {"f": ..., "grad": ..., "hess": ...}; `total` is their sum.
    The counts are made here, by the calls themselves, not read from what an
    optimiser reports.
    """

    def __init__(self, loss):
        self.loss = instance(loss, "loss", Loss)
        self.counts = {"f": 0, "grad": 0, "hess": 0}

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

    def __post_init__(self):
        instance(self.name, "name", str)
        instance(self.uses, "uses", str)
        instance(self.counts, "counts", dict)
        if set(self.counts) != {"f", "grad", "hess"}:
            raise ValueError(f"counts must count 'f', 'grad' and 'hess', got {sorted(self.counts)}")
        for key, n in self.counts.items():
            integer(n, f"counts[{key!r}]", low=0)
        evaluations = float_array(self.trace_evaluations, "trace_evaluations", ndim=1)
        float_array(self.trace_losses, "trace_losses", shape=evaluations.shape)
        float_array(self.x, "x", ndim=1)
        instance(self.reported, "reported", dict)

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


def _tracer(counted, monitor):
    """A trace list and a function recording (evaluations so far, loss at x)."""
    trace = []

    def record(x, value=None):
        if value is None:
            value = monitor(np.asarray(x, dtype=float))
        trace.append((counted.total, float(value)))
        return trace[-1][1]
    return trace, record


def _run_scipy(method, loss, start, target, max_evaluations):
    from scipy.optimize import minimize
    counted = CountedLoss(loss)
    trace, record = _tracer(counted, loss.f)
    record(start)

    def callback(xk):
        if record(xk) <= target or counted.total >= max_evaluations:
            raise StopIteration

    kwargs = {"Nelder-Mead": dict(options={"xatol": 1e-12, "fatol": 1e-14, "maxfev": max_evaluations}),
              "CG": dict(jac=counted.grad, options={"gtol": 1e-12}),
              "BFGS": dict(jac=counted.grad, options={"gtol": 1e-12}),
              "Newton-CG": dict(jac=counted.grad, hess=counted.hess, options={"xtol": 1e-14})}[method]
    result = minimize(counted.f, np.array(start, dtype=float), method=method, callback=callback,
                      **kwargs)
    reported = {k: int(result[k]) for k in ("nfev", "njev", "nhev") if k in result}
    return counted, trace, np.array(result.x), reported


def _run_own(kind, loss, start, target, max_evaluations, settings):
    counted = CountedLoss(loss)
    trace, record = _tracer(counted, loss.f)
    record(start)
    # The callback records the loss each step reached. Hooke-Jeeves computed it
    # itself (counted). The other three never use loss values, so they get the
    # uncounted loss.f for the path's losses: only their gradients and Hessians count.
    def step_done(t, w, value):
        record(w, value)
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
    return counted, trace, np.asarray(path.final)


def compare_methods(loss=ROSENBROCK, start=COMPARISON_START, target=1e-6, max_evaluations=50_000,
                    gd_eta=1e-3, sign_step=0.05, sign_half_life=1000, hj_step=0.5):
    """Run eight methods from the same start until the loss is <= target; count evaluations.

    Every method stops as soon as its current point has loss <= target (checked
    after each iteration, without counting that check), or after about
    max_evaluations evaluations. Returns a list of `MethodRun`.
    """
    instance(loss, "loss", Loss)
    start = _as_start(start)
    if start.shape != (2,):
        raise ValueError(f"start must be a point of 2 coordinates, got shape {start.shape}")
    target = positive(target, "target")
    max_evaluations = positive_int(max_evaluations, "max_evaluations")
    settings = dict(gd_eta=positive(gd_eta, "gd_eta"),
                    sign_step=positive(sign_step, "sign_step"),
                    sign_half_life=positive(sign_half_life, "sign_half_life"),
                    hj_step=positive(hj_step, "hj_step"))
    plan = [("Nelder-Mead (scipy)", "values", "scipy", "Nelder-Mead"),
            ("Hooke-Jeeves (ours)", "values", "own", "hooke-jeeves"),
            (f"gradient descent, η = {gd_eta:g}", "gradient", "own", "gradient"),
            ("sign of slope, shrinking step", "gradient's sign", "own", "sign"),
            ("conjugate gradient (scipy)", "gradient", "scipy", "CG"),
            ("BFGS (scipy)", "gradient", "scipy", "BFGS"),
            ("Newton-CG (scipy)", "gradient + Hessian", "scipy", "Newton-CG"),
            ("Newton, full steps (ours)", "gradient + Hessian", "own", "newton")]
    runs = []
    for name, uses, where, key in plan:
        if where == "scipy":
            counted, trace, x, reported = _run_scipy(key, loss, start, target, max_evaluations)
        else:
            counted, trace, x = _run_own(key, loss, start, target, max_evaluations, settings)
            reported = {}
        evals, losses = (np.array(c) for c in zip(*trace))
        runs.append(MethodRun(name, uses, dict(counted.counts), evals.astype(int), losses, x, reported))
    return runs


def _method_runs(runs):
    """A non-empty list of MethodRun, checked."""
    if isinstance(runs, (str, bytes)) or not isinstance(runs, (list, tuple)):
        raise TypeError(f"runs must be a list of MethodRun (from compare_methods), "
                        f"got {type(runs).__name__}")
    if not runs:
        raise ValueError("runs must hold at least one MethodRun")
    for i, run in enumerate(runs):
        instance(run, f"runs[{i}]", MethodRun)
    return list(runs)


def comparison_table(runs, threshold=1e-6):
    """A plain-text table: evaluations of each kind, and the total spent to reach threshold."""
    runs = _method_runs(runs)
    threshold = real(threshold, "threshold")
    width = max(len(run.name) for run in runs)
    reach_title = f"to reach {threshold:g}"
    header = (f"{'method':<{width}}  {'uses':<18} {'f':>6} {'grad':>6} {'Hess':>5}  "
              f"{reach_title:>14}")
    lines = [header, "-" * len(header)]
    for run in runs:
        reach = run.evaluations_to(threshold)
        c = run.counts
        lines.append(f"{run.name:<{width}}  {run.uses:<18} {c['f']:>6} {c['grad']:>6} {c['hess']:>5}  "
                     f"{'never' if reach is None else reach:>14}")
    return "\n".join(lines)
