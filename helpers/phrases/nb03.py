"""Sentences printed by notebook 03's code cells (helpers.phrases.say)."""
from helpers.i18n import N_

__all__ = ["PHRASES"]

PHRASES = {
    "modes_title_forward_from_b": N_("forward mode from b: d(node)/db"),
    "modes_title_reverse_from_e": N_("reverse mode from e: de/d(node)"),
    "modes_count_row": N_("n = {n:>6,}: {edges:>6,} edges (4n - 2 = {formula:>6,}); "
                          "forward {forward:>11,} multiply-adds, reverse {reverse:>6,}, ratio {ratio:,}"),
    "modes_fold_saving": N_("forward {forward:.2e}, reverse {reverse:.2e}: a {saving:.0e}-fold saving"),
    "modes_inputs_measured": N_("n = {n:>6,}: forward {forward_s:9.4f} s (measured), "
                                "reverse {reverse_ms:7.3f} ms, ratio {ratio:7,.0f}"),
    "modes_inputs_extrapolated": N_("n = {n:>6,}: forward {forward_s:9.4f} s (extrapolated from {passes} passes "
                                    "timed), reverse {reverse_ms:7.3f} ms, ratio {ratio:7,.0f}"),
    "modes_inputs_slope": N_("fitted slope of log(ratio) against log(n): between 0.7 and 1.3: {ok}"),
    "modes_forward_slower": N_("forward mode more than 50 times slower at n = 10,000: {ok}"),
    "modes_ops_ratios": N_("multiply-adds forward / reverse: {ratios}"),
    "modes_memory_row": N_("n = {n:>6,}: {nodes:>6,} nodes; stored graph {graph_kb:8.1f} kB "
                           "({per_node:.0f} bytes per node), forward on the fly {forward_kb:.1f} kB;"
                           "  time ratio {ratio:7,.0f}"),
    "modes_bytes_per_node": N_("stored graph: about {per_node:.0f} bytes per node (to the nearest 100); "
                               "slope of log(memory) against log(n) between 0.95 and 1.05: {ok}"),
    "modes_on_the_fly_small": N_("forward on the fly below 1 kB at every n: {ok}"),
    "modes_title_time": N_("time: forward mode pays n passes"),
    "modes_title_memory": N_("memory: reverse mode keeps the graph"),
    "modes_label_time_ratio": N_("time, forward / reverse"),
    "modes_outputs_measured": N_("m = {m:>6,}: forward {forward_ms:8.3f} ms, reverse {reverse_s:8.4f} s "
                                 "(measured), ratio {ratio:7,.0f}"),
    "modes_outputs_extrapolated": N_("m = {m:>6,}: forward {forward_ms:8.3f} ms, reverse {reverse_s:8.4f} s "
                                     "(extrapolated from {passes} passes timed), ratio {ratio:7,.0f}"),
    "modes_outputs_slope": N_("fitted slope: between 0.7 and 1.3: {ok}"),
    "modes_reverse_slower": N_("reverse mode more than 50 times slower at m = 10,000: {ok}"),
    "modes_ops_outputs": N_("multiply-adds (forward, reverse) = (4m, m(2m + 2)): {same}"),
    "modes_label_many_inputs": N_("n inputs, 1 output: forward / reverse"),
    "modes_label_many_outputs": N_("1 input, n outputs: reverse / forward"),
}
