"""Sentences printed by notebook 06's code cells (helpers.phrases.say)."""
from helpers.i18n import N_

PHRASES = {
}
