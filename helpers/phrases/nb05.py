"""Sentences printed by notebook 05's code cells (helpers.phrases.say)."""
from helpers.i18n import N_

__all__ = ["PHRASES"]

PHRASES = {
    "nb05_shapes": N_("shapes of w: {w}  shapes of b: {b}"),
    "nb05_nudge": N_("delta3_1 * nudge = {predicted:.4e},  actual change in C = {change:.4e}"),
    "nb05_bp1_by_hand": N_("BP1 by hand: {hand}   Network: {network}"),
    "nb05_gap_1e15": N_("largest difference below 1e-15: {below}"),
    "nb05_path_sums": N_("z2_{j}: {paths} paths, path sum {path_sum:+.6f},  BP2 {bp2:+.6f}"),
    "nb05_bp3_within": N_("BP3, nabla_b[0] = delta2 to within 1e-15: {within}"),
    "nb05_bp4_within": N_("BP4, nabla_w[0] = delta2 a1^T to within 1e-15: {within}"),
    "nb05_domino": N_("domino {step} ({rule}): delta{layer} = {delta}"),
    "nb05_quiet_activations": N_("hidden activations: {a}"),
    "nb05_quiet_out_of": N_("|dC/dw3| out of each hidden neuron: {largest}"),
    "nb05_quiet_ratio": N_("neuron 2's largest / neuron 1's largest: {ratio:.0f}"),
    "nb05_stuck_into": N_(
        "|dC/dw2| into each hidden neuron: {largest}  neighbours / neuron 2: {ratio:.0f}x or more"),
    "nb05_matrix_timing": N_(
        "one column at a time: {loop:.2f} ms, one matrix: {matrix:.3f} ms, ratio {ratio:.0f}"),
    "nb05_circle_training": N_(
        "training cost {first:.3f} -> {last:.3f}, test accuracy {accuracy:.2f}"),
    "nb05_notation_gap": N_("{name:36s} largest difference from BP1-BP4 below 1e-15: {below}"),
    "nb05_output_layer_error": N_("output layer, largest relative error: {error:.1e}"),
    "nb05_fd_timing": N_(
        "finite differences: {fd:.0f} ms, backprop: {bp:.3f} ms, ratio {ratio:,.0f}"),
    "nb05_fd_count": N_("parameters: {n}  evaluations of C: {evaluations}"),
    "nb05_gap_1e8": N_("largest difference below 1e-8: {below}"),
}
