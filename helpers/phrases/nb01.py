"""Sentences printed by notebook 01's code cells (helpers.phrases.say)."""
from helpers.i18n import N_

__all__ = ["PHRASES"]

PHRASES = {
    "nb01_nudge_rate": N_("e moves by {change:.6f} when {name} moves by {h}: rate {rate:.4f}"),
    "nb01_sigmoid_edge": N_("z = {z:g}, sigmoid(z) = {value:g}, local derivative on the edge z -> σ(z): {local:g}"),
    "nb01_cut_edge": N_("a = {a:g}: e = {e:g}, edge c -> e carries {de_dc:g}, edge d -> e carries {de_dd:g}"),
}
