"""Sentences printed by notebook 06's code cells (helpers.phrases.say)."""
from helpers.i18n import N_
from helpers.style import COST_NAMES, START_W_B

__all__ = ["PHRASES"]

PHRASES = {
    # the cost names (figure titles) and a start's label, marked once in helpers.style
    "nb06_quadratic": COST_NAMES["quadratic"],
    "nb06_cross_entropy": COST_NAMES["cross-entropy"],
    # one neuron from two starts
    "nb06_start_label": START_W_B,
    "nb06_start_outputs": N_("start w = {w:.1f}, b = {b:.1f}: output {before:.4f} before, "
                             "{after:.4f} after {epochs} epochs"),
    # the factor sigma'(z)
    "nb06_slopes_at_starts": N_("z at the two starts: {z}  sigma'(z): {slope}"),
    "nb06_first_gradients": N_("first gradients dC/dw: {grad}"),
    "nb06_gradient_ratio": N_("ratio of the first gradients: {ratio}"),
    # the two costs on a grid of outputs
    "nb06_grid_cross_entropy": N_("cross-entropy smallest on the grid: {smallest:.4f}   "
                                  "C(a = 0.01, y = 0) = {near:.4f}   C(a = 0.99, y = 0) = {far:.4f}"),
    "nb06_grid_quadratic": N_("quadratic     smallest on the grid: {smallest:.4f}   "
                              "C(a = 0.01, y = 0) = {near:.4f}   C(a = 0.99, y = 0) = {far:.4f}"),
    # cross-entropy from the same starts
    "nb06_ce_first_gradients": N_("first gradients dC/dw: {grad}  outputs a - y: {error}"),
    "nb06_ce_outputs_after": N_("outputs after {epochs} epochs: {outputs}"),
    "nb06_ce_over_quadratic": N_("bad start, cross-entropy's first gradient / quadratic's: {ratio}"),
    "nb06_first_below_half": N_("{{'quadratic': {quadratic}, 'cross-entropy': {cross_entropy}}}"),
    # the saturated hidden neuron
    "nb06_hidden_row": N_("hidden z = {z:.0f}:  output error a - y = {error:.4f},  "
                          "hidden sigma' = {slope:.4f},  dC/dw hidden = {grad:.5f}"),
    "nb06_hidden_ratio": N_("the saturated hidden weight's gradient is {ratio:.0f} times smaller"),
    # the learning rate
    "nb06_slow_outputs": N_("quadratic     eta = 0.005: outputs after 300 epochs {quadratic}\n"
                            "cross-entropy eta = 0.005: outputs after 300 epochs {cross_entropy}"),
    # things to try in the panel
    "nb06_things_to_try": N_("{{'quadratic': {worse_quadratic}, 'cross-entropy': {worse_cross_entropy}}} "
                             "{better} {{'quadratic': {fast_quadratic}, 'cross-entropy': {fast_cross_entropy}}}"),
}
