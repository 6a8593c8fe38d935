"""Sentences printed by notebook 04's code cells (helpers.phrases.say)."""
from helpers.i18n import N_

__all__ = ["PHRASES"]

PHRASES = {
    "nb04_chain_rule_vs_formula": N_("chain rule: {chain}   C'(w) = w + 1: {direct}"),
    "nb04_grid_digits": N_("{n_params:,} parameters; a grid of 100 values each has "
                           "100**{n_params} points, a number of {digits:,} digits"),
    "nb04_convex_cost": N_("convex (w + 1)^2"),
    "nb04_non_convex_cost": N_("not convex (w^2 - 1)^2 + w/2"),
    "nb04_stationary_point": N_("{kind} at w = {w:.3f} (C = {c:.3f})"),
    "nb04_zero_slope_at": N_("{name}: C'(w) = 0 at {found}"),
    "nb04_steepest_direction": N_("steepest slope found {slope:.4f}, -|grad| = {descent:.4f}, "
                                  "angle to -grad {angle:.2f} degrees"),
    "nb04_step_and_slope": N_("w{t} = {w:.4g}   (the slope was {slope:g})"),
    "nb04_largest_gap": N_("largest gap between w_t + 1 and 6 * 0.6**t for t = 0..50: "
                           "{gap:.1e}"),
    "nb04_stopped_past_1e6": N_("stopped: the next step would take |w| past 1e6"),
    "nb04_ran_all_200": N_("ran all 200"),
    "nb04_rate_row": N_("eta={eta:<4}  r={r:+.2f}  w1..w4 = {first}  {regime}; "
                        "{steps} steps taken ({ended})"),
    "nb04_oscillation_check": N_("eta = 0.8, first 60 steps: sign flips every step: {flips} ; "
                                 "distance shrinks every step: {shrinks} ; "
                                 "|w_200 + 1| = {distance:.0e}"),
    "nb04_one_step_and_bounce": N_("eta = 0.5: w1 = {w1}   "
                                   "eta = 1.0: the points visited: {visited}"),
    "nb04_bowl_curvatures": N_("curvatures: {curvatures}   largest stable rate 2 / 10 = {limit}"),
    "nb04_steep_axis_one_step": N_("the steep axis is settled in one step at "
                                   "1 / {steepest:g} = {eta:g}"),
    "nb04_petals_least_squares": N_("{n} flowers; least-squares line w = {w:.3f}, b = {b:.3f}, "
                                    "C = {cost:.4f}"),
    "nb04_after_60_steps": N_("{name:>18}: after 60 steps C = {cost:.4f}, "
                              "{examples:>5,} example gradients computed"),
}
