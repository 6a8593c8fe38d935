"""The example graphs of the collection, built with `helpers.graph.Value`.

- `running_example(a, b)`: e = (a + b) * (b + 1), the graph of notebooks 01-03;
- `diamond_chain(depth, width)`: stages joined by parallel edges, so that the
  paths multiply while the edges only add up (notebook 02);
- `many_inputs_function(n)` and `many_outputs_function(m)`: the shapes for
  which reverse mode, or forward mode, wins (notebook 03).
"""
import math
import random
from collections.abc import Sequence
from typing import NamedTuple

from helpers.graph import Value
from helpers.i18n import _
from helpers.validate import instance, positive_int, real

__all__ = ["running_example", "DiamondChain", "diamond_chain", "diamond_counts",
           "many_inputs_function", "many_outputs_function"]


def running_example(a, b):
    """The running example of the collection: e = (a + b) * (b + 1)."""
    instance(a, "a", Value)
    instance(b, "b", Value)
    c = (a + b).named("c")
    d = (b + 1).named("d")
    return (c * d).named("e")


# ---- the diamond chain: many paths, little work -------------------------------

GREEK = "αβγδεζηθικλμνξοπρστυφχψω"


class DiamondChain(NamedTuple):
    """A layered graph X => Y1 => ... => Z, each stage joined to the next by w parallel edges.

    input   -- the input node X
    output  -- the output node Z
    weights -- one tuple of w edge derivatives per stage
    stages  -- the nodes X, Y1, ..., Z that the stages join
    """
    input: Value
    output: Value
    weights: tuple
    stages: tuple

    def factored(self):
        """dZ/dX stage by stage: the product over stages of the sum of its weights."""
        return math.prod(sum(stage) for stage in self.weights)


def _weight_table(weights, depth, width):
    """depth tuples of width finite numbers, checked."""
    if isinstance(weights, str) or not isinstance(weights, Sequence) or any(
            isinstance(s, str) or not isinstance(s, Sequence) for s in weights):
        raise TypeError(f"weights must be a list of stages, each a list of numbers, "
                        f"got {type(weights).__name__}")
    if len(weights) != depth or not depth or any(len(s) != width or not width for s in weights):
        raise ValueError(f"weights must be depth={depth} lists of width={width} numbers each")
    return tuple(tuple(real(w, f"weights[{j}][{i}]") for i, w in enumerate(stage))
                 for j, stage in enumerate(weights))


def diamond_chain(depth, width, weights=None, x=1.0, seed=0):
    """Build the path-explosion graph: `depth` stages, each of `width` parallel edges.

    Stage j is one node, Y(j) = w_1 Y(j-1) + ... + w_width Y(j-1): its
    parents are Y(j-1), `width` times over, and edge i carries w_i. So
    there are width ** depth paths from X to Z, each of `depth` edges, and
    dZ/dX = product over stages of (sum of that stage's weights).

    weights -- depth lists of width numbers; default: seeded, one decimal
               in [0.1, 0.9], so the path sums are not just path counts
    x       -- the value of the input X
    While the Greek letters last, each stage's operation is written with
    them ("αX + βX + γX"): the letters name its edges, first stage first.
    """
    depth = positive_int(depth, "depth", 64)
    width = positive_int(width, "width", 64)
    x = real(x, "x")
    if weights is None:
        rng = random.Random(seed)
        weights = [[round(rng.uniform(0.1, 0.9), 1) for _edge in range(width)]
                   for _stage in range(depth)]
    weights = _weight_table(weights, depth, width)
    names = ["X"] + [f"Y{j}" if depth > 2 else "Y" for j in range(1, depth)] + ["Z"]
    greek = depth * width <= len(GREEK)
    node = Value(x, names[0])
    stages = [node]
    for j, stage in enumerate(weights):
        if greek:
            op = " + ".join(f"{letter}{node.label}" for letter in GREEK[j * width:(j + 1) * width])
        else:
            op = _("{width} edges from {label}").format(width=width, label=node.label)
        node = Value(sum(stage) * node.data, names[j + 1], op, (node,) * width, stage)
        stages.append(node)
    return DiamondChain(stages[0], node, weights, tuple(stages))


def diamond_counts(depth, width):
    """Path count and multiply-adds of a diamond chain, by formula.

    Each stage has `width` edges, so a path has `depth` edges and one walk
    reads width * depth edges.
    """
    n_paths = width ** depth
    return {"paths": n_paths, "path_sum": depth * n_paths, "factored": width * depth}


# ---- functions with many inputs or many outputs, for timing the modes ---------

def many_inputs_function(n, seed=0):
    """n inputs, one output: h1 = tanh(c1 x1), h_i = tanh(h_(i-1) + c_i x_i).

    Every input reaches the output, like the parameters of a loss.
    Returns (inputs, output). The graph has 4n - 2 edges.
    """
    n = positive_int(n, "n")
    rng = random.Random(seed)
    xs = [Value(rng.uniform(-1.0, 1.0), f"x{i + 1}") for i in range(n)]
    h = (xs[0] * rng.uniform(0.5, 1.5)).tanh()
    for x in xs[1:]:
        h = (h + x * rng.uniform(0.5, 1.5)).tanh()
    return xs, h


def many_outputs_function(m, seed=0):
    """One input, m outputs: a shared trunk of m steps t_i = tanh(c_i t_(i-1))
    from t_0 = x, then y_j = tanh(d_j t_m) for j = 1..m.

    Every output depends on the whole trunk. Returns (input, outputs).
    One walk over everything reads 4m edges; each output alone has 2m + 2.
    """
    rng = random.Random(seed)
    x = Value(rng.uniform(-1.0, 1.0), "x")
    t = x
    for _ in range(m):
        t = (t * rng.uniform(0.5, 1.5)).tanh()
    return x, [(t * rng.uniform(0.5, 1.5)).tanh() for _ in range(m)]
