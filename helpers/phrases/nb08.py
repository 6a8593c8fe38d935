"""Sentences printed by notebook 08's code cells (helpers.phrases.say)."""
from helpers.i18n import N_

__all__ = ["PHRASES"]

PHRASES = {
    "nb08_rosenbrock_start": N_("{formula};  start {start}, cost there {cost:.1f}"),
    "nb08_valley_curvatures": N_("curvatures at (1, 1): {curvatures}   ratio: {ratio}"),
    "nb08_largest_stable_rate": N_("largest stable learning rate 2 / {steepest:.1f} = {eta:.4f}"),
    "nb08_legend_gradient_descent": N_("gradient descent, η = 0.001"),
    "nb08_legend_sign_rule": N_("sign of the slope"),
    "nb08_legend_newton": N_("Newton, full steps"),
    "nb08_newton_second_point": N_("Newton: {steps} steps; its second point {point}"),
    "nb08_all_reached_target": N_("every run reached the target, near (1, 1): {reached}"),
    "nb08_all_start_at_cost": N_("every run starts at cost {costs}"),
    "nb08_slowest_100x": N_("gradient descent and the sign rule need more than 100x the "
                            "evaluations of BFGS and Nelder-Mead: {slower}"),
    "nb08_newton_uphill": N_("full Newton: highest cost on the way {highest:.1f};  "
                             "Newton-CG Hessians: {hessians}"),
    "nb08_eigenvalues_above_and_on": N_("Hessian eigenvalues at (-1, 1.01): {above}   "
                                        "at (-1, 1): {on}"),
    "nb08_cost_per_round": N_("for {n_params:,} parameters: Hessian entries {entries:,}, "
                              "one round of pattern-search probes up to {probes:,}"),
}
