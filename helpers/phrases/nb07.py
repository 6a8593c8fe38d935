"""Sentences printed by notebook 07's code cells (helpers.phrases.say)."""
from helpers.i18n import N_
from helpers.style import COST_STYLE

__all__ = ["PHRASES"]

PHRASES = {
    "nb07_softmax_and_sum": N_("softmax: {a}  sum: {total}"),
    "nb07_scores_plus_100": N_("the same scores + 100: {a}"),
    "nb07_overflow_above": N_("e^z overflows a float64 above z = {z}"),
    "nb07_delta_within_1e15": N_("cost.delta = softmax(z) - y to within 1e-15: {within}"),
    "nb07_softmax_backprop_verdict": N_("softmax + log-likelihood, backprop with delta = a - y: {verdict}"),
    "nb07_quadratic_backprop_verdict": N_("quadratic + sigmoid, backprop with delta = a - y: {verdict}"),
    "nb07_images_in_all": N_("images in all: {n}"),
    "nb07_digit_shapes": N_("X_train {X}  Y_train (one-hot) {Y}  y_test (class indices) {y}"),
    "nb07_rarest_digit": N_("test images of the rarest digit: {n}"),
    "nb07_at_the_start": N_("at the start: |z^L| averages {mean:.2f}, largest {largest:.2f}; "
                            "sigma'(z^L) averages {slope:.2f} (the largest possible is 0.25)"),
    "nb07_slopes_of": N_("{pairing}:"),
    "nb07_slopes_row": N_("  after {step:3d} steps: sigma' right class {right_slope:.3f}, others {other_slope:.3f};"
                          "  output right class {right_output:.3f}, others {other_output:.3f}"),
    "nb07_loop_equals_sgd": N_("the loop above vs Network.sgd after 3 epochs, largest weight difference "
                               "below 1e-12: {below}"),
    "nb07_training_runs": N_("training runs"),
    "nb07_accuracy_table_header": N_(" seed 0  mean of 5  spread (sd)  lowest  highest  pairing"),
    "nb07_means_gap": N_("cross-entropy minus log-likelihood, means: {points:.1f} points"),
    "nb07_after_one_epoch": N_("test accuracy after 1 epoch, seed 0: quadratic + sigmoid {quadratic:.3f}, "
                               "cross-entropy + sigmoid {cross_entropy:.3f}, "
                               "log-likelihood + softmax {log_likelihood:.3f}"),
    "nb07_misclassified": N_("misclassified: {wrong} of {total}, test accuracy {accuracy:.3f}"),
    "nb07_guess_and_truth": N_("{guess} (true {truth})"),
    "nb07_wrong_title": N_("test images the log-likelihood + softmax network gets wrong: {wrong} of {total}"),
    # the pairings' names, as the figures label them (translated with helpers.style's labels)
    **{f"nb07_pairing_{name}": style["label"] for name, style in COST_STYLE.items()},
}
