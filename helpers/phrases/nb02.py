"""Sentences printed by notebook 02's code cells (helpers.phrases.say)."""
from helpers.i18n import N_

__all__ = ["PHRASES"]

PHRASES = {
    "nb02_one_path_vs_nudge": N_("one path: {product:g}   nudge: {rate:.5f}"),
    "nb02_moves_alone_and_together": N_("only c moves: {only_c:.6f}   only d moves: {only_d:.6f}   both move: {both:.6f}"),
    "nb02_edge_numbers": N_("edge numbers: {weights}"),
    "nb02_stages": N_("stages: {stages}"),
    "nb02_paths_vs_factored": N_("{n} paths: {by_paths:.6g}   factored: {first:.6g} × {second:.6g} = {factored:.6g}"),
    "nb02_work_table_header": N_("  k    paths   path by path  stage by stage"),
}
