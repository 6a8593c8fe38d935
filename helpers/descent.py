"""Gradient descent on losses of one or two variables.

`gradient_descent` returns the whole run as a `Descent` and stops with a
flag, never with an overflow warning or a NaN, when the iterates run away;
`update_factor` and `regime` say what a rate does on a quadratic. Also batch,
stochastic and mini-batch descent on a line through 150 iris flowers
(`load_petals`, `minibatch_descent`), and a convex and a non-convex cost of
one parameter. Other ways down a loss are in `helpers.optimizers`.
"""
import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from helpers.data import sklearn_table
from helpers.i18n import _, N_
from helpers.validate import (choice, float_array, function, instance, integer, positive,
                              positive_int, real)

__all__ = ["Loss", "PARABOLA", "TILTED_BOWL", "ROSENBROCK", "Descent", "Limits", "start_point",
           "check_descent", "learning_rates", "descend", "gradient_descent", "update_factor",
           "regime", "regime_words", "DIVERGES", "LineFit", "load_petals", "BatchRun",
           "minibatch_descent", "CONVEX", "NON_CONVEX", "stationary_points", "stationary_kinds",
           "MINIMUM_WORD"]


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


PARABOLA = Loss(
    name="parabola", formula="C(w) = (w + 1)²",
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
    name="tilted bowl", formula="C(x, y) = ½ (u² + 10 v²), with u, v the bowl's axes",
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
    name="Rosenbrock", formula="C(x, y) = 100 (y − x²)² + (1 − x)²",
    f=_rosen_f, grad=_rosen_grad, hess=_rosen_hess, minimum=np.array([1.0, 1.0]))


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


# ----------------------------------------------------------------------------- the loop

@dataclass
class Descent:
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

    @property
    def steps(self):
        return len(self.points) - 1

    @property
    def final(self):
        return self.points[-1]


class Limits(NamedTuple):
    """When a descent stops early.

    bound, loss_bound -- stop (diverged) before any |coordinate| exceeds bound
                         or the loss exceeds loss_bound
    tol               -- stop (converged) when the gradient's norm is <= tol
    target            -- stop (converged) when the loss is <= target
    """
    bound: float = 1e6
    loss_bound: float = 1e12
    tol: float = None
    target: float = None


def start_point(start, bound=None):
    """start as a float: a number (1-D problems), or an array of shape (1,) or (2,)."""
    w = float_array(start, "start").copy()
    if w.shape not in ((), (1,), (2,)):
        raise ValueError(f"start must be a number or a point of 1 or 2 coordinates, "
                         f"got shape {w.shape}")
    if bound is not None and np.max(np.abs(w)) > bound:
        raise ValueError(f"start must lie within the bound |w| <= {bound:g}, got {start!r}")
    return np.float64(w) if w.shape == () else w


TARGET_REACHED = N_("loss <= target {target:g} after {steps} steps")


def descend(f, grad, start, rates, limits, direction=None, callback=None):
    """The loop of gradient descent and its cousins: w <- w - rate * direction(g, w).

    direction -- what to step along, from the gradient g at w (default: g itself)
    callback  -- called as callback(t, w, loss) after each step
    """
    bound, loss_bound, tol, target = limits
    w = start
    with np.errstate(all="ignore"):
        loss0 = _loss_value(f, w)
    if loss0 is None or loss0 > loss_bound:
        raise ValueError(f"the loss at start must be finite and at most loss_bound={loss_bound:g}, "
                         f"got {loss0}")
    points, losses = [w], [loss0]
    diverged = converged = False
    reason = _("ran all {steps} steps").format(steps=len(rates))
    for t, rate in enumerate(rates):
        if target is not None and losses[-1] <= target:
            converged, reason = True, _(TARGET_REACHED).format(target=target, steps=t)
            break
        with np.errstate(all="ignore"):
            g = _grad_value(grad, w)
            if tol is not None and g is not None and float(np.sqrt(np.sum(g * g))) <= tol:
                converged = True
                reason = _("gradient norm <= tol {tol:g} after {steps} steps").format(tol=tol, steps=t)
                break
            new = None if g is None else w - rate * (g if direction is None else direction(g, w))
            if new is None or not np.all(np.isfinite(new)):
                diverged = True
                reason = _("diverged: the gradient or step was not finite at step {step}").format(
                    step=t + 1)
                break
            if np.max(np.abs(new)) > bound:
                diverged = True
                reason = _("diverged: |w| exceeded bound {bound:g} at step {step}").format(
                    bound=bound, step=t + 1)
                break
            loss = _loss_value(f, new)
        if loss is None or loss > loss_bound:
            diverged = True
            reason = _("diverged: the loss exceeded loss_bound {bound:g} at step {step}").format(
                bound=loss_bound, step=t + 1)
            break
        w = new
        points.append(w)
        losses.append(loss)
        if callback is not None:
            callback(t + 1, w, loss)
    else:
        if target is not None and losses[-1] <= target:
            converged, reason = True, _(TARGET_REACHED).format(target=target, steps=len(rates))
    n = len(points) - 1
    return Descent(np.array(points), np.array(losses), np.asarray(rates[:n], dtype=float),
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
        raise ValueError(f"grad must return an array shaped like start {np.shape(w)}, "
                         f"got {g.shape}")
    return g


def gradient_descent(f, grad, start, eta=0.1, steps=100, schedule="constant", decay_steps=100,
                     bound=1e6, loss_bound=1e12, tol=None, target=None, callback=None):
    """Steps w <- w - eta_t * grad(w) from `start`; returns the whole run as a `Descent`.

    f, grad  -- the loss and its gradient (functions of w)
    start    -- a number (1-D) or a point of 1 or 2 coordinates
    eta      -- the learning rate: a positive number, or a function of the step t;
                schedule and decay_steps as in `learning_rates`
    bound, loss_bound, tol, target -- when to stop early, as in `Limits`
    callback -- called as callback(t, w, loss) after each step
    """
    start, limits = check_descent(start, Limits(bound, loss_bound, tol, target), callback,
                                  f=f, grad=grad)
    rates = learning_rates(eta, integer(steps, "steps", low=0), schedule, decay_steps)
    return descend(f, grad, start, rates, limits, callback=callback)


def check_descent(start, limits, callback=None, **functions):
    """The door of every descent: the start, each limit, the callback and the named functions
    (f=..., grad=...) checked. Returns the start as floats and the checked Limits."""
    for name, fn in functions.items():
        function(fn, name)
    if callback is not None:
        function(callback, "callback")
    bound, loss_bound, tol, target = limits
    limits = Limits(positive(bound, "bound"), positive(loss_bound, "loss_bound"),
                    None if tol is None else real(tol, "tol", low=0),
                    None if target is None else real(target, "target"))
    return start_point(start, limits.bound), limits


# ----------------------------------------------------------------------------- regimes

def update_factor(eta, curvature=2.0):
    """How a step scales the distance to the minimum of a quadratic: 1 - eta * curvature.

    For J(w) = (w + 1)^2 (curvature 2): w_{t+1} + 1 = (1 - 2 eta)(w_t + 1).
    """
    return 1.0 - positive(eta, "eta") * positive(curvature, "curvature")


DIVERGES = N_("diverges")


def regime_words(eta, curvature=2.0):
    """regime(eta, curvature) in English, as the code compares it (e.g. with DIVERGES)."""
    r = update_factor(eta, curvature)
    if math.isclose(r, 0.0, abs_tol=1e-9):
        return N_("reaches the minimum in one step")
    if math.isclose(r, -1.0, abs_tol=1e-9):
        return N_("oscillates forever, never closer")
    if r > 0:
        return N_("converges monotonically")
    if r > -1:
        return N_("oscillates and converges")
    return DIVERGES


def regime(eta, curvature=2.0):
    """What gradient descent does on a quadratic with this curvature, in words."""
    return _(regime_words(eta, curvature))


# ---- batch, stochastic and mini-batch descent on one real problem (notebook 04) -------

@dataclass(frozen=True)
class LineFit:
    """A line fit ŷ = w · x + b on fixed data x (centred), y, under the quadratic cost."""
    x: np.ndarray
    y: np.ndarray
    x_mean: float

    @property
    def n(self):
        return len(self.x)

    def cost(self, w, b, idx=None):
        """C(w, b) = mean of ½ (w x + b − y)² over the examples idx (all by default).
        w and b may be grids of the same shape (for contours)."""
        x, y = (self.x, self.y) if idx is None else (self.x[idx], self.y[idx])
        w, b = np.asarray(w, dtype=float), np.asarray(b, dtype=float)
        r = w[..., None] * x + b[..., None] - y
        return 0.5 * np.mean(r * r, axis=-1)

    def grad(self, p, idx=None):
        """(dC/dw, dC/db) at p = (w, b), averaged over the examples idx (all by default)."""
        x, y = (self.x, self.y) if idx is None else (self.x[idx], self.y[idx])
        r = p[0] * x + p[1] - y
        return np.array([np.mean(r * x), np.mean(r)])

    @property
    def minimum(self):
        """The least-squares line (w, b): where the gradient is zero."""
        w = np.sum(self.x * (self.y - self.y.mean())) / np.sum(self.x * self.x)
        return np.array([w, self.y.mean() - w * self.x.mean()])


def load_petals():
    """Petal length (cm, centred on its mean) against petal width (cm): 150 iris flowers.

    Fisher's data, from the copy that scikit-learn ships (read without importing it).
    """
    table = sklearn_table("iris.csv", skiprows=1)
    if table is None:
        from sklearn.datasets import load_iris
        table = np.column_stack(load_iris(return_X_y=True))
    length, width = table[:, 2], table[:, 3]
    return LineFit(x=length - length.mean(), y=width.copy(), x_mean=float(length.mean()))


@dataclass
class BatchRun:
    """One descent: the points (steps + 1, 2), the full cost at each, and how many
    example gradients had been computed by each point."""
    name: str
    batch_size: int
    points: np.ndarray
    costs: np.ndarray
    examples: np.ndarray


def minibatch_descent(problem, start=(-1.0, -1.0), eta=0.1, batch_size=None, steps=50, seed=0,
                      name=None):
    """Gradient descent on problem.cost with the gradient of `batch_size` examples per step.

    batch_size=None or n: batch gradient descent (the exact gradient every step);
    1: stochastic gradient descent; in between: mini-batch. The examples are
    shuffled (seeded) once per pass over the data and taken in turn.
    """
    n = instance(problem, "problem", LineFit).n
    batch_size = n if batch_size is None else positive_int(batch_size, "batch_size", high=n)
    eta, steps = positive(eta, "eta"), integer(steps, "steps", 0, 100_000)
    seed = integer(seed, "seed", low=0)
    w = float_array(start, "start", shape=(2,)).copy()
    rng = np.random.default_rng(seed)
    order, at = rng.permutation(n), 0
    points, seen = [w.copy()], [0]
    for _step in range(steps):
        if at + batch_size > n:
            order, at = rng.permutation(n), 0
        idx = order[at:at + batch_size]
        at += batch_size
        w = w - eta * problem.grad(w, idx)
        points.append(w.copy())
        seen.append(seen[-1] + batch_size)
    points = np.array(points)
    kind = _("batch") if batch_size == n else _("stochastic") if batch_size == 1 else \
        _("mini-batch of {size}").format(size=batch_size)
    return BatchRun(name or kind, batch_size, points, problem.cost(points[:, 0], points[:, 1]),
                    np.array(seen))


# ---- convex and not: one parameter ---------------------------------------------------

CONVEX = np.polynomial.Polynomial([1.0, 2.0, 1.0])               # (w + 1)²
NON_CONVEX = np.polynomial.Polynomial([1.0, 0.5, -2.0, 0.0, 1.0])  # (w² − 1)² + w/2


MINIMUM_WORD = N_("minimum")


def stationary_points(poly):
    """The real solutions of C'(w) = 0, sorted, each as (w, C(w), kind): the kind from C''(w),
    and with several minima, the lowest one named apart from the local ones (in words, in the
    learner's language)."""
    return [(w, c, _(kind)) for w, c, kind in stationary_kinds(poly)]


def stationary_kinds(poly):
    """stationary_points(poly) with the kinds in English, as the code compares them."""
    instance(poly, "poly", np.polynomial.Polynomial)
    roots = poly.deriv().roots()
    ws = np.sort(roots[np.abs(roots.imag) < 1e-9].real)
    second = poly.deriv(2)
    kinds = [N_("maximum") if second(w) < 0 else MINIMUM_WORD if second(w) > 0 else N_("flat")
             for w in ws]
    minima = [i for i, kind in enumerate(kinds) if kind == MINIMUM_WORD]
    if len(minima) > 1:
        for i in minima:
            kinds[i] = N_("local minimum")
        kinds[min(minima, key=lambda i: poly(ws[i]))] = N_("lowest minimum")
    return [(float(w), float(poly(w)), kind) for w, kind in zip(ws, kinds)]
