"""Timing what a notebook measures: medians with the garbage collector paused, slopes, and memory.

`median_seconds` times one call; `time_modes` times forward against reverse
mode on growing graphs (notebook 03, benchmarks/bench_modes.py); `loglog_slope`
fits how a measured quantity grows. `graph_memory` measures reverse mode's
price: the bytes its stored graph holds, against a forward pass that keeps
nothing behind (`forward_on_the_fly`), with `tracemalloc`.
"""
import gc
import math
import random
import time
import tracemalloc
from collections.abc import Sequence

from helpers.examples import many_inputs_function, many_outputs_function
from helpers.graph import topological_order
from helpers.validate import choice, float_array, function, positive, positive_int, sequence
from helpers.walks import forward_mode

__all__ = ["median_seconds", "time_modes", "loglog_slope", "graph_memory", "forward_on_the_fly"]


def median_seconds(fn, repeat=5, at_least=0.005):
    """Median seconds per call of fn() over `repeat` samples; a quick fn is
    called several times per sample, so that each sample lasts `at_least`.

    As `timeit` does, the garbage collector is paused while timing: its
    pauses depend on every object in the process, not on the walk timed.
    """
    function(fn, "fn")
    repeat, at_least = positive_int(repeat, "repeat"), positive(at_least, "at_least")
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter()
        fn()
        once = time.perf_counter() - start
        number = max(1, min(1000, math.ceil(at_least / max(once, 1e-9))))
        samples = [once] if number == 1 else []      # a long first call counts
        while len(samples) < repeat:
            start = time.perf_counter()
            for _ in range(number):
                fn()
            samples.append((time.perf_counter() - start) / number)
    finally:
        if was_enabled:
            gc.enable()
    samples.sort()
    return samples[len(samples) // 2]


def time_modes(sizes, many="inputs", max_passes=10, repeat=3, seed=0):
    """Measure forward mode against reverse mode for growing problem sizes.

    many="inputs":  n inputs, one output (`many_inputs_function`): forward
                    mode needs n passes, reverse mode one; many="outputs": the other way round.
    A mode that needs more than `max_passes` passes has `max_passes` of them (spread
    evenly) timed, scaled up to all: every pass does the same work, as the exact
    multiply-add counts confirm. Returns a dict per size: n, forward_s and reverse_s (all
    passes), ratio (the slower mode's time over the faster's), passes_timed, forward_ops
    and reverse_ops.
    """
    choice(many, "many", ("inputs", "outputs"))
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, Sequence) or not sizes:
        raise TypeError("sizes must be a non-empty list of positive integers")
    sizes = [positive_int(n, f"sizes[{i}]") for i, n in enumerate(sizes)]
    max_passes = positive_int(max_passes, "max_passes")
    repeat = positive_int(repeat, "repeat")
    rows = []
    for n in sizes:
        timed = min(n, max_passes)
        pick = [int((k + 0.5) * n / timed) for k in range(timed)]   # spread over 0..n-1
        if many == "inputs":
            xs, out = many_inputs_function(n, seed)
            edges = sum(len(v.parents) for v in out.topo())
            forward = median_seconds(lambda: [forward_mode(out, xs[i]) for i in pick],
                                     repeat) * n / timed
            reverse = median_seconds(out.backward, repeat)
            f_ops, r_ops = n * edges, edges
            ratio = forward / reverse
        else:
            x, outs = many_outputs_function(n, seed)
            edges_all = sum(len(v.parents) for v in topological_order(outs))
            edges_one = sum(len(v.parents) for v in outs[0].topo())
            forward = median_seconds(lambda: forward_mode(outs, x), repeat)
            reverse = median_seconds(lambda: [outs[i].backward() for i in pick], repeat) * n / timed
            f_ops, r_ops = edges_all, n * edges_one
            ratio = reverse / forward
        rows.append({"n": n, "forward_s": forward, "reverse_s": reverse, "ratio": ratio,
                     "passes_timed": timed, "forward_ops": f_ops, "reverse_ops": r_ops})
    return rows


def loglog_slope(xs, ys):
    """Least-squares slope of log(y) against log(x): 1 means y grows like x."""
    xs, ys = float_array(xs, "xs", ndim=1).tolist(), float_array(ys, "ys", ndim=1).tolist()
    if len(xs) != len(ys) or len(xs) < 2:
        raise ValueError(f"xs and ys must have the same length, at least 2, "
                         f"got {len(xs)} and {len(ys)}")
    if any(not v > 0 for v in list(xs) + list(ys)):
        raise ValueError("xs and ys must be positive (they are taken logs of)")
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    spread = sum((x - mx) ** 2 for x in lx)
    if spread == 0:
        raise ValueError("xs must not all be equal")
    return sum((x - mx) * (y - my) for x, y in zip(lx, ly)) / spread


# ---- reverse mode's price: the memory of the stored graph (notebook 03) ----------------

def _inputs(n, seed):
    """The inputs and coefficients of many_inputs_function(n, seed), as plain floats."""
    rng = random.Random(seed)
    xs = [rng.uniform(-1.0, 1.0) for _ in range(n)]
    cs = [rng.uniform(0.5, 1.5) for _ in range(n)]
    return xs, cs


def forward_on_the_fly(xs, cs, wrt):
    """Value and tangent d(h_n)/d(x_wrt) of h_i = tanh(h_(i-1) + c_i x_i), h_0 = 0,
    computed together, one step at a time, keeping nothing behind."""
    h = dh = 0.0
    for i, (x, c) in enumerate(zip(xs, cs)):
        dx = 1.0 if i == wrt else 0.0
        h = math.tanh(h + c * x)
        dh = (1.0 - h * h) * (dh + c * dx)
    return h, dh


def _traced(fn):
    """(result, bytes still held when fn returns, peak bytes while it ran)."""
    gc.collect()
    tracemalloc.start()
    try:
        result = fn()
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, held, peak


def graph_memory(sizes, seed=0):
    """Memory of reverse mode's stored graph and of one forward pass on the fly.

    For each n: the nodes and edges of many_inputs_function(n), the bytes the
    built graph holds (inputs included), bytes per node, and the peak bytes of
    a forward-mode pass that computes value and tangent together without
    building a graph (its inputs, n floats, are already in memory).
    """
    sizes = [positive_int(n, f"sizes[{i}]", high=10**6)
             for i, n in enumerate(sequence(sizes, "sizes", "a list of sizes"))]
    if not sizes:
        raise ValueError("sizes must not be empty")
    rows = []
    for n in sizes:
        (_, out), held, _ = _traced(lambda: many_inputs_function(n, seed))
        order = out.topo()
        nodes, edges = len(order), sum(len(v.parents) for v in order)
        del out, order
        xs, cs = _inputs(n, seed)
        _, _, fwd_peak = _traced(lambda: forward_on_the_fly(xs, cs, n // 2))
        rows.append({"n": n, "nodes": nodes, "edges": edges, "graph_bytes": held,
                     "bytes_per_node": held / nodes, "forward_peak_bytes": fwd_peak})
    return rows
