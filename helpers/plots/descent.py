"""Figures for gradient descent: a path on a parabola, a path on contours, methods compared.

`ParabolaDrawing` and `ContourDrawing` keep their artists so that a panel
can move the path in place (`update(...)`). A path that leaves the plot is
cut where it leaves, and the figure says so: every point drawn is finite and
inside the axes.
"""
import numpy as np
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.ticker import FixedLocator

from helpers.descent import (CONVEX, DIVERGES, MINIMUM_WORD, NON_CONVEX, PARABOLA, ROSENBROCK,
                             TILTED_BOWL, BatchRun, Descent, LineFit, Loss, gradient_descent, regime,
                             regime_words, stationary_kinds, update_factor)
from helpers.i18n import _, N_
from helpers.style import PATH
from helpers.optimizers import method_runs
from helpers.plots import axes_list
from helpers.style import COLORS
from helpers.validate import float_array, instance, positive, positive_int, real, sequence

__all__ = ["ParabolaDrawing", "draw_parabola_descent", "plot_regimes", "plot_distance",
           "ContourDrawing", "draw_contour_descent", "plot_comparison", "plot_valley", "plot_convexity",
           "plot_batch_paths"]

PARABOLA_WINDOW = (-8.0, 6.0)          # symmetric about the minimum w = -1
DISTANCE_LIMIT = 7.5                   # the right-hand axes show |w_t + 1| up to this
LOSS_FLOOR, LOSS_CEILING = 1e-12, 1e3  # the range of the loss axes of the contour panel
_BOX = dict(boxstyle="round,pad=0.3", fc="white", ec="none", alpha=0.85)   # under a text
# Words several figures show
START, MINIMUM, STEP_T = N_("start"), MINIMUM_WORD, N_("step t")
LEAVES = N_("leaves the plot after step {step}")
DIVERGES_LEAVES = N_("diverges: leaves the plot after step {step}")


def _fixed_ticks(ax, xticks, yticks):
    """Fixed tick positions and no minor ticks: the axes then cost little to redraw."""
    ax.xaxis.set_major_locator(FixedLocator(xticks))
    ax.yaxis.set_major_locator(FixedLocator(yticks))
    ax.minorticks_off()


def _steps(steps):
    return positive_int(steps, "steps", high=10_000)


def _inside_prefix(mask):
    """How many leading entries of a boolean array are True."""
    bad = np.flatnonzero(~mask)
    return int(bad[0]) if bad.size else len(mask)


def _parabola_ticks(lo, hi):
    """Ticks every 3 (or a wider round step) from the minimum -1, and 6 or so on the C axis."""
    step = 3.0 * max(1, int(np.ceil((hi - lo) / 15.0)))
    k = int(np.floor((PARABOLA.minimum - lo) / step))
    xs = [PARABOLA.minimum + step * j for j in range(-k, k + 1)]
    top = PARABOLA.f(hi)
    ystep = 10.0 if top <= 60 else 10.0 ** np.floor(np.log10(top / 2)) * (2 if top / 10.0 ** np.floor(np.log10(top)) < 5 else 1)
    return xs, list(np.arange(0.0, top + 1.0, ystep))


class ParabolaDrawing:
    """Gradient descent on C(w) = (w + 1)^2: the iterates on the curve, and w_t + 1 against t.

    ax       -- the axes for the curve
    ax_dist  -- optional axes for the distance w_t + 1 against the step t
    window   -- the w range shown, (lo, hi) symmetric about the minimum -1
    """

    def __init__(self, ax, ax_dist=None, steps=20, show_text=True, window=PARABOLA_WINDOW):
        self.ax, self.ax_dist, self.steps = ax, ax_dist, steps
        lo, hi = self.window = window
        w = np.linspace(lo, hi, 300)
        ax.plot(w, PARABOLA.f(w), color=COLORS["muted"], lw=2, zorder=1)
        ax.axvline(PARABOLA.minimum, color=COLORS["muted"], lw=0.8, ls=":", zorder=0)
        self.path_line, = ax.plot([], [], "-o", color=COLORS["main"], lw=1.2, ms=4, zorder=3,
                                  label=_("iterates"))
        self.start_mark, = ax.plot([], [], "s", color=COLORS["second"], ms=9, zorder=4,
                                   label=_(START))
        ax.set_xlim(lo, hi)
        top = PARABOLA.f(hi)
        ax.set_ylim(-0.06 * top, top * 1.08 + 1.0)
        _fixed_ticks(ax, *_parabola_ticks(lo, hi))
        ax.set_xlabel("w")
        ax.set_ylabel("C(w) = (w + 1)²")
        self.text = ax.text(0.5, 0.98, "", transform=ax.transAxes, ha="center", va="top",
                            fontsize=9, color=COLORS["ink"], bbox=_BOX) if show_text else None
        self.dynamic = [self.path_line, self.start_mark] + ([self.text] if show_text else [])
        if ax_dist is not None:
            ax_dist.axhline(0.0, color=COLORS["muted"], lw=0.8)
            self.dist_line, = ax_dist.plot([], [], "-o", color=COLORS["main"], lw=1.2, ms=4)
            ax_dist.set_xlim(-0.5, steps + 0.5)
            ax_dist.set_ylim(-DISTANCE_LIMIT, DISTANCE_LIMIT)
            _fixed_ticks(ax_dist, range(0, steps + 1, 5), [-6, -3, 0, 3, 6])
            ax_dist.set_xlabel(_(STEP_T))
            ax_dist.set_ylabel(_("w_t + 1 (distance to the minimum)"))
            self.dist_text = ax_dist.text(0.98, 0.02, "", transform=ax_dist.transAxes,
                                          ha="right", va="bottom", fontsize=9,
                                          color=COLORS["alert"])
            self.dynamic += [self.dist_line, self.dist_text]

    def update(self, w0, eta):
        """Run `steps` steps from w0 at learning rate eta and show them."""
        self.path = gradient_descent(PARABOLA.f, PARABOLA.grad, w0, eta=eta, steps=self.steps)
        w = self.path.points
        lo, hi = self.window
        n = self.shown = _inside_prefix((w >= lo) & (w <= hi))   # both plots cut the path here
        self.path_line.set_data(w[:n], PARABOLA.f(w[:n]))
        self.start_mark.set_data([w[0]], [PARABOLA.f(w[0])])
        factor = update_factor(eta)
        diverges = factor < -1
        if self.text is not None:
            words = _(regime_words(eta))
            if regime_words(eta) == DIVERGES and w0 == PARABOLA.minimum:
                words = _("would diverge, but starts at the minimum and stays")
            if n < len(w) or self.path.diverged:
                words = _(DIVERGES_LEAVES if diverges else LEAVES).format(step=n - 1)
            self.text.set_text(f"η = {eta:.2f}, 1 − 2η = {factor:+.2f}\n{words}")
        if self.ax_dist is not None:
            self.dist_line.set_data(np.arange(n), w[:n] + 1.0)
            cut = _("diverges: cut where it leaves the plot") if diverges else \
                _("cut where it leaves the plot")
            self.dist_text.set_text(cut if n < len(w) else "")
        return self


def draw_parabola_descent(w0=5.0, eta=0.2, steps=20, axes=None, distance=True):
    """A ParabolaDrawing of `steps` steps from w0 at rate eta, on new axes unless given.

    axes -- one axes (curve only) or a pair (curve, distance against t)
    """
    w0, eta, steps = real(w0, "w0"), positive(eta, "eta"), _steps(steps)
    if axes is None:
        fig, axes = plt.subplots(1, 2 if distance else 1, figsize=(9.5 if distance else 5, 3.6))
    axes = axes_list(axes, "axes", 1, 2)
    drawing = ParabolaDrawing(axes[0], axes[1] if len(axes) > 1 else None, steps=steps)
    return drawing.update(w0, eta)


def plot_regimes(etas=(0.2, 0.5, 0.8, 1.0, 1.05), w0=5.0, steps=12, axes=None):
    """One small parabola per learning rate, each titled with its update factor 1 - 2 eta."""
    etas = float_array(etas, "etas", ndim=1)
    if etas.size == 0 or (etas <= 0).any():
        raise ValueError(f"etas must be one or more positive learning rates, got {etas.tolist()}")
    w0, steps = real(w0, "w0"), _steps(steps)
    if axes is None:
        fig, axes = plt.subplots(1, len(etas), figsize=(2.6 * len(etas), 3.0))
    axes = axes_list(axes, "axes", len(etas), len(etas))
    drawings = []
    for ax, eta in zip(axes, etas.tolist()):
        # a path that leaves the usual window gets a wider one, so that it is seen widening
        far = np.max(np.abs(gradient_descent(PARABOLA.f, PARABOLA.grad, w0, eta=eta,
                                             steps=steps).points - PARABOLA.minimum))
        lo, hi = PARABOLA_WINDOW
        if far > hi - PARABOLA.minimum:
            half = 3.0 * np.ceil(far * 1.05 / 3.0)
            lo, hi = PARABOLA.minimum - half, PARABOLA.minimum + half
        d = ParabolaDrawing(ax, steps=steps, show_text=False, window=(lo, hi)).update(w0, eta)
        cut = d.shown < len(d.path.points)
        words = _("diverges (cut at the edge)") if cut else regime(eta)
        if (lo, hi) != PARABOLA_WINDOW:
            words = _("{words} (wider axes)").format(words=words)
        ax.set_title(f"η = {eta:g}, 1 − 2η = {update_factor(eta):+.2g}\n{words}", fontsize=9)
        ax.set_ylabel("")
        drawings.append(d)
    axes[0].set_ylabel("C(w)")
    return drawings


def plot_distance(path, minimum=-1.0, reference=None, ax=None):
    """|w_t - w*| against t on a log scale; a straight line means a constant factor per step.

    reference -- optional (label, values) drawn as a dashed line over the same t
    """
    instance(path, "path", Descent)
    points = np.asarray(path.points, dtype=float)
    minimum = float_array(minimum, "minimum")
    if minimum.shape not in ((), points.shape[1:]):
        raise ValueError(f"minimum must be a number or a point of shape {points.shape[1:]}, "
                         f"got shape {minimum.shape}")
    if reference is not None:
        if not isinstance(reference, (tuple, list)) or len(reference) != 2:
            raise TypeError(f"reference must be a pair (label, values), got {reference!r}")
        instance(reference[0], "reference label", str)
        float_array(reference[1], "reference values", shape=(len(points),), finite=False)
    if ax is None:
        _fig, ax = plt.subplots(figsize=(5, 3.4))
    distance = np.abs(points - minimum)
    if distance.ndim > 1:
        distance = np.sqrt((distance ** 2).sum(axis=1))
    t = np.arange(len(distance))
    ax.semilogy(t, np.maximum(distance, 1e-300), "o", ms=4, color=COLORS["main"],
                label=_("gradient descent"))
    if reference is not None:
        label, values = reference
        ax.semilogy(t, values, "--", color=COLORS["second"], lw=1.5, label=label)
    ax.set_xlabel(_(STEP_T))
    ax.set_ylabel("|w_t − w*|")
    ax.legend(frameon=False)
    return ax


class ContourDrawing:
    """Gradient descent on a 2-D loss: contours, the path, and the loss against the step.

    ax       -- the axes for the contours
    ax_loss  -- optional axes for the loss (log scale) against t
    """

    def __init__(self, ax, ax_loss=None, loss=TILTED_BOWL, window=((-4.5, 4.5), (-4.5, 4.5)),
                 steps=30, levels=None):
        self.ax, self.ax_loss, self.loss, self.window = ax, ax_loss, loss, window
        self.steps = steps
        (x0, x1), (y0, y1) = window
        X, Y = np.meshgrid(np.linspace(x0, x1, 120), np.linspace(y0, y1, 120))
        Z = loss.f(np.array([X, Y]))
        if levels is None:
            levels = np.geomspace(0.01, Z.max(), 12)
        ax.contour(X, Y, Z, levels=levels, colors=COLORS["muted"], linewidths=0.8, zorder=1)
        ax.plot(*np.asarray(loss.minimum), "*", color=COLORS["ink"], ms=11, zorder=2,
                label=_(MINIMUM))
        self.path_line, = ax.plot([], [], "-o", color=COLORS["main"], lw=1.2, ms=3.5, zorder=3,
                                  label=_(PATH))
        self.start_mark, = ax.plot([], [], "s", color=COLORS["second"], ms=8, zorder=4,
                                   label=_(START))
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        _fixed_ticks(ax, np.arange(np.ceil(x0), x1 + 0.01, 2), np.arange(np.ceil(y0), y1 + 0.01, 2))
        ax.set_aspect("equal")
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        ax.grid(False)
        self.text = ax.text(0.02, 0.98, "", transform=ax.transAxes, ha="left", va="top",
                            fontsize=8.5, color=COLORS["ink"], bbox=_BOX)
        self.dynamic = [self.path_line, self.start_mark, self.text]
        if ax_loss is not None:
            self.loss_line, = ax_loss.semilogy([], [], "-o", color=COLORS["main"], lw=1.2, ms=3)
            self.dynamic.append(self.loss_line)
            ax_loss.set_xlim(-0.5, steps + 0.5)
            ax_loss.set_ylim(LOSS_FLOOR, LOSS_CEILING)
            _fixed_ticks(ax_loss, range(0, steps + 1, 10), [1e-12, 1e-9, 1e-6, 1e-3, 1.0, 1e3])
            ax_loss.set_xlabel(_(STEP_T))
            ax_loss.set_ylabel(_("loss"))

    def update(self, start, eta):
        """Run `steps` steps from start at learning rate eta and show them."""
        self.path = gradient_descent(self.loss.f, self.loss.grad, start, eta=eta, steps=self.steps)
        p = self.path.points
        (x0, x1), (y0, y1) = self.window
        n = _inside_prefix((p[:, 0] >= x0) & (p[:, 0] <= x1) & (p[:, 1] >= y0) & (p[:, 1] <= y1))
        self.shown = n
        self.path_line.set_data(p[:n, 0], p[:n, 1])
        self.start_mark.set_data([p[0, 0]], [p[0, 1]])
        lines = [f"η = {eta:.3f}"]
        curvatures = self.loss.curvatures
        if curvatures:
            lines.append(_("factors per step: {factors}").format(factors=", ".join(
                f"1 − {'' if c == 1 else format(c, 'g')}η = {update_factor(eta, c):+.2f}"
                for c in curvatures)))
        if n < len(p) or self.path.diverged:
            runaway = any(abs(update_factor(eta, c)) > 1 for c in curvatures) or not curvatures
            lines.append(_(DIVERGES_LEAVES if runaway else LEAVES).format(step=n - 1))
        else:
            lines.append(_("loss after {steps} steps: {loss:.3g}").format(
                steps=self.path.steps, loss=self.path.losses[-1]))
        self.text.set_text("\n".join(lines))
        if self.ax_loss is not None:
            shown = np.clip(self.path.losses[:n], LOSS_FLOOR, LOSS_CEILING)
            self.loss_line.set_data(np.arange(n), shown)
        return self


def draw_contour_descent(start=(-3.0, 3.0), eta=0.15, steps=30, loss=TILTED_BOWL, axes=None,
                         loss_axes=True):
    """A ContourDrawing of `steps` steps from start at rate eta, on new axes unless given.

    axes -- one axes (contours only) or a pair (contours, loss against t)
    """
    start, eta = float_array(start, "start", shape=(2,)), positive(eta, "eta")
    steps, loss = _steps(steps), instance(loss, "loss", Loss)
    if axes is None:
        fig, axes = plt.subplots(1, 2 if loss_axes else 1, figsize=(9.5 if loss_axes else 5, 4.2),
                                 gridspec_kw={"width_ratios": [1.2, 1]} if loss_axes else None)
    axes = axes_list(axes, "axes", 1, 2)
    drawing = ContourDrawing(axes[0], axes[1] if len(axes) > 1 else None, loss=loss, steps=steps)
    return drawing.update(start, eta)


_STYLES = ["-", "--", "-.", ":"]
_MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]


def plot_comparison(runs, threshold=None, ax=None):
    """Loss against evaluations spent, both on log scales, one line per method.

    Lines differ by colour, dash and end marker, so they stay apart in grey too.
    """
    runs = method_runs(runs)
    if threshold is not None:
        threshold = positive(threshold, "threshold")
    if ax is None:
        _fig, ax = plt.subplots(figsize=(8, 4.4))
    colors = list(COLORS.values())
    for i, run in enumerate(runs):
        evals = np.maximum(run.trace_evaluations, 1)
        losses = np.maximum(run.trace_losses, 1e-300)
        style = dict(color=colors[i % len(colors)], ls=_STYLES[i % len(_STYLES)])
        ax.loglog(evals, losses, lw=1.6, drawstyle="steps-post", label=run.label, **style)
        ax.loglog(evals[-1:], losses[-1:], _MARKERS[i % len(_MARKERS)], ms=7,
                  color=style["color"])
    if threshold is not None:
        ax.axhline(threshold, color=COLORS["muted"], lw=1, ls=":")
        ax.text(1.1, threshold, _(" target {threshold:g}").format(threshold=threshold),
                va="bottom", fontsize=9,
                color=COLORS["muted"])
    ax.set_xlabel(_("evaluations spent (cost + gradient + Hessian)"))
    ax.set_ylabel(_("cost at the current point"))
    ax.legend(fontsize=8, frameon=False, loc="center left", bbox_to_anchor=(1.0, 0.5))
    return ax


def plot_valley(paths, loss=ROSENBROCK, window=((-1.6, 1.6), (-0.6, 1.8)), ax=None):
    """The paths of several descents on the contours of a 2-D loss (log-spaced levels).

    paths -- {label: Descent}; long paths are drawn through at most 400 of their points
    Returns the axes.
    """
    instance(paths, "paths", dict)
    for label, path in paths.items():
        instance(label, "paths key", str)
        instance(path, f"paths[{label!r}]", Descent)
    instance(loss, "loss", Loss)
    (x0, x1), (y0, y1) = float_array(window, "window", shape=(2, 2)).tolist()
    ax = plt.subplots(figsize=(7.0, 4.6))[1] if ax is None else instance(ax, "ax", Axes)
    X, Y = np.meshgrid(np.linspace(x0, x1, 240), np.linspace(y0, y1, 240))
    Z = loss.f(np.array([X, Y]))
    ax.contour(X, Y, Z, levels=np.geomspace(0.05, 500, 12), colors=COLORS["muted"], linewidths=0.7)
    colors = [COLORS[k] for k in ("main", "alert", "third", "highlight", "second")]
    for i, (label, path) in enumerate(paths.items()):
        pts = path.points
        keep = np.unique(np.linspace(0, len(pts) - 1, min(len(pts), 400)).astype(int))
        ax.plot(pts[keep, 0], pts[keep, 1], _STYLES[i % len(_STYLES)], color=colors[i % len(colors)],
                lw=1.6, marker="o" if len(pts) < 40 else None, ms=4,
                label=_("{label}: {steps:,} steps").format(label=label, steps=path.steps))
    if paths:
        ax.plot(*next(iter(paths.values())).points[0], "s", color=COLORS["second"], ms=9,
                label=_(START))
    ax.plot(*np.asarray(loss.minimum, dtype=float), "*", color=COLORS["ink"], ms=14,
            label=_(MINIMUM))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.legend(fontsize=8, frameon=True, loc="upper center")
    return ax


# ---- convex or not; batch, stochastic and mini-batch (notebook 04) ------------------

_MARK = {MINIMUM_WORD: ("o", COLORS["third"]), "lowest minimum": ("o", COLORS["third"]),
         "local minimum": ("o", COLORS["second"]), "maximum": ("^", COLORS["alert"]),
         "flat": ("s", COLORS["muted"])}


def plot_convexity(axes=None):
    """A convex loss and a non-convex one side by side, each with the solutions of C'(w) = 0
    marked and named. Returns the two axes."""
    left, right = axes_list(plt.subplots(1, 2, figsize=(10.0, 3.6))[1] if axes is None else axes,
                            "axes", 2, 2)
    for ax, poly, title, (lo, hi), words in (
            (left, CONVEX, _("convex: C(w) = (w + 1)²"), (-3.0, 1.0),
             _("C'(w) = 0 once: the minimum;\nevery chord lies above the curve")),
            (right, NON_CONVEX, _("not convex: C(w) = (w² − 1)² + w/2"), (-2.0, 2.0),
             _("C'(w) = 0 three times;\nthis chord passes under the hump"))):
        w = np.linspace(lo, hi, 400)
        ax.plot(w, poly(w), color=COLORS["muted"], lw=2)
        points = stationary_kinds(poly)
        ends = (-2.5, 0.2) if len(points) == 1 else (points[0][0], points[-1][0])
        ax.plot(ends, poly(np.array(ends)), "--", color=COLORS["main"], lw=1.2,
                label=_("a chord"))
        for x, c, kind in points:
            marker, color = _MARK[kind]
            ax.plot([x], [c], marker, color=color, ms=9, zorder=3)
            ax.annotate(f"{_(kind)}\nw = {x:.2f}", (x, c), textcoords="offset points",
                        xytext=(0, 12 if kind == "maximum" else -30), ha="center", fontsize=9,
                        color=color)
        ax.set_title(title, fontsize=11)
        ax.set_xlabel("w")
        ax.set_ylabel("C(w)")
        ax.set_ylim(-1.5, 4.5)
        ax.text(0.03, 0.97, words, transform=ax.transAxes, fontsize=9, va="top")
    return left, right


_STYLE = [(COLORS["main"], "-", 1.8), (COLORS["third"], "-", 1.2), (COLORS["alert"], "-", 0.9)]


def plot_batch_paths(problem, runs, axes=None):
    """Left: the paths of `runs` on the contours of problem.cost; right: the cost against
    the number of example gradients computed (log scale). Returns the two axes."""
    instance(problem, "problem", LineFit)
    runs = sequence(runs, "runs", "a list of BatchRun")
    if not runs:
        raise ValueError("runs must hold at least one BatchRun (from minibatch_descent)")
    for i, r in enumerate(runs):
        instance(r, f"runs[{i}]", BatchRun)
    left, right = axes_list(plt.subplots(1, 2, figsize=(11.0, 4.2))[1] if axes is None else axes,
                            "axes", 2, 2)
    best = problem.minimum
    pts = np.concatenate([r.points for r in runs])
    lo, hi = pts.min(axis=0) - 0.3, pts.max(axis=0) + 0.3
    W, B = np.meshgrid(np.linspace(lo[0], hi[0], 120), np.linspace(lo[1], hi[1], 120))
    C = np.array([problem.cost(w, b) for w, b in zip(W, B)])   # a row at a time: 17 MB less
    levels = problem.cost(*best) + np.geomspace(0.005, C.max(), 12)
    left.contour(W, B, C, levels=levels, colors=COLORS["muted"], linewidths=0.7)
    for k, r in enumerate(runs):
        color, ls, lw = _STYLE[k % len(_STYLE)]
        left.plot(r.points[:, 0], r.points[:, 1], ls, color=color, lw=lw, marker=".", ms=4,
                  label=_("{name} ({size} per step)").format(name=r.name, size=r.batch_size))
        right.semilogx(np.maximum(r.examples, 1), r.costs, ls, color=color, lw=lw, label=r.name)
    left.plot(*runs[0].points[0], "s", color=COLORS["second"], ms=9, label=_(START))
    left.plot(*best, "*", color=COLORS["ink"], ms=14, label=_(MINIMUM))
    left.set_xlabel(_("w (cm of width per cm of length)"))
    left.set_ylabel("b (cm)")
    left.legend(fontsize=8, frameon=True, loc="upper left")
    left.set_title(_("paths on the contours of C(w, b)"), fontsize=11)
    right.axhline(problem.cost(*best), color=COLORS["ink"], lw=0.8, ls=":")
    right.set_yscale("log")
    right.set_xlabel(_("example gradients computed"))
    right.set_ylabel(_("C(w, b) on all 150 flowers"))
    right.set_title(_("cost against work"), fontsize=11)
    right.legend(fontsize=8, frameon=False)
    return left, right
