"""Forward mode vs reverse mode, measured: the ratio table behind notebook 03.

Many inputs, one output (a loss over n parameters): forward mode needs n
passes, reverse mode one, so forward/reverse should grow like n. One input,
many outputs: the other way round. `helpers.timing.time_modes` times up to
`max_passes` passes of the mode that needs many and scales to all of them.

    python -m benchmarks modes
"""
from benchmarks.common import Row, ms
from helpers.timing import loglog_slope, time_modes

SIZES = [10, 30, 100, 300, 1000, 3000, 10000]     # as in notebook 03


def run():
    out = []
    for many, slow, fast in (("inputs", "forward", "reverse"), ("outputs", "reverse", "forward")):
        rows = time_modes(SIZES, many=many, max_passes=3)     # as in notebook 03
        for r in rows:
            ok = r["ratio"] > 50 if r["n"] == 10_000 else None
            out.append(Row(f"{slow}/{fast} mode, {r['n']:,} {many} "
                           f"({slow} {ms(r[slow + '_s'])}, {r['passes_timed']} passes timed; "
                           f"multiply-adds {r[slow + '_ops']:,} vs {r[fast + '_ops']:,})",
                           ms(r[fast + "_s"]), f"{r['ratio']:.0f}x",
                           "> 50x" if ok is not None else "", ok))
        slope = loglog_slope([r["n"] for r in rows], [r["ratio"] for r in rows])
        out.append(Row(f"{slow}/{fast} ratio vs n ({many}): fitted log-log slope", "",
                       f"{slope:.2f}", "0.7 to 1.3", 0.7 <= slope <= 1.3))
    return out
