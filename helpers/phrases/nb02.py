"""Sentences printed by notebook 02's code cells (helpers.phrases.say)."""
from helpers.i18n import N_

PHRASES = {
}
