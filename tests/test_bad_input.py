"""The bad-input audit: every class and function a helpers module exports refuses odd input clearly.

For every exported name (walked with pkgutil over each module's __all__; classes and
functions, not constants) the table AUDIT holds three bad calls:

    "type"  -- an argument of the wrong type,
    "shape" -- an argument of the wrong shape or size,
    "nan"   -- a NaN where a number is expected.

Each must raise TypeError or ValueError whose message STARTS WITH THE ARGUMENT'S NAME
(for Value's operators, the operand's role: "the factor", "the divisor"), raised by
helpers code itself: the traceback's last frame is in helpers/, never inside
numpy or matplotlib. Where a kind of bad call does not exist for a name (it takes no
arguments, or no numbers), the table says why with `NoSuch(reason)`. A self-check's answer
is the one argument that must never raise: a wrong answer gets "Not yet: ..." (`NotYet`).
Extra rows cover the methods of exported classes that take a learner's input.

A name that is exported but missing from the table fails `test_every_exported_name_is_audited`,
so a new function must be added here.
"""
import functools
import importlib
import inspect
import pathlib
import pkgutil
import re
from typing import Callable, NamedTuple

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402
from helpers import checks, show_source, validate  # noqa: E402
from helpers.activations import sigmoid, sigmoid_prime, softmax  # noqa: E402
from helpers.checks import descent as cd, graphs as cg, modes as cm, network as cn  # noqa: E402
from helpers.checks import paths as cp, slowdown as cs, training as ct  # noqa: E402
from helpers.costs import CrossEntropyCost, LogLikelihoodCost, QuadraticCost  # noqa: E402
from helpers.data import Digits, load_digits  # noqa: E402
from helpers import descent as de  # noqa: E402
from helpers import gradcheck as gc_  # noqa: E402
from helpers.graph import Value, as_value, topological_order  # noqa: E402
from helpers.network import Network, as_batch, as_targets, one_hot  # noqa: E402
from helpers import neuron as ne  # noqa: E402
from helpers import notations as no  # noqa: E402
from helpers.plots import as_image  # noqa: E402
from helpers.plots import descent as pd, graph as pg, layers as pl, network as pn  # noqa: E402
from helpers.plots import slowdown as ps, training as pt, walks as pw  # noqa: E402
from helpers import training as tr  # noqa: E402
from helpers import walks as wa  # noqa: E402
from helpers import widgets as wi  # noqa: E402
from helpers.widgets import descent as wd, expression as we, modes as wm  # noqa: E402
from helpers.widgets import network as wn, paths as wp, slowdown as ws  # noqa: E402

HELPERS = pathlib.Path(helpers.__file__).resolve().parent
NAN = float("nan")
KINDS = ("type", "shape", "nan")


class Raises(NamedTuple):
    """call() must raise TypeError/ValueError whose message starts with `argument`."""
    call: Callable
    argument: str


class NotYet(NamedTuple):
    """call() is a self-check given a bad answer: it must say "Not yet", not raise."""
    call: Callable


class NoSuch(NamedTuple):
    """This kind of bad call does not exist for the name, and why."""
    reason: str


NO_ARGUMENTS = {kind: NoSuch("takes no arguments") for kind in KINDS}


# ---- objects to call things with (small, seeded, built fresh for each call) ----------------

def net(sizes=(2, 3, 2), cost="quadratic"):
    return Network(list(sizes), cost=cost, seed=0)


def X(m=3, n=2):
    return np.random.default_rng(0).uniform(-1, 1, (n, m))


def Y(m=3, n=2):
    return np.eye(n)[:, np.arange(m) % n]


def nan_at(array, index=0):
    array = np.array(array, dtype=float)
    array.flat[index] = NAN
    return array


def graph():
    a, b = Value(2.0, "a"), Value(1.0, "b")
    return a, b, we.running_example(a, b)


def on_graph(fn):
    """A call on one fresh running example: fn(a, b, e)."""
    return lambda: fn(*graph())


def ax():
    return plt.figure().add_subplot()


def axes(n):
    return list(np.atleast_1d(plt.figure().subplots(1, n)))


def history(**kwargs):
    return ne.train_neuron(epochs=4, **kwargs)


def fields(**changes):
    h = history()
    out = {name: getattr(h, name) for name in ne.FIELDS}
    out.update(changes)
    return out


def descent_path():
    return de.gradient_descent(de.PARABOLA.f, de.PARABOLA.grad, 5.0, steps=3)


def method_run(**changes):
    args = dict(name="m", uses="values", counts={"f": 3, "grad": 0, "hess": 0},
                trace_evaluations=np.array([1, 2, 3]), trace_losses=np.array([3.0, 2.0, 1.0]),
                x=np.array([1.0, 1.0]))
    args.update(changes)
    return de.MethodRun(**args)


@functools.lru_cache(maxsize=1)
def _digits():
    return load_digits()


def digits(**changes):
    d = _digits()
    args = {k: getattr(d, k) for k in ("X_train", "Y_train", "y_train",
                                       "X_test", "Y_test", "y_test")}
    args.update(changes)
    return args


def run(**history_changes):
    hist = {"epoch": [1, 2], "train_cost": [0.5, 0.4], "test_cost": [0.6, 0.5],
            "test_accuracy": [0.5, 0.6]}
    hist.update(history_changes)
    return tr.Run(net((64, 3, 10)), hist)


def grads(sizes=(2, 3, 2)):
    """(nabla_b, nabla_w) of a small network."""
    return net(sizes).backprop(X(), Y())


def loss(**changes):
    args = dict(name="p", formula="J", f=de.PARABOLA.f, grad=de.PARABOLA.grad,
                hess=de.PARABOLA.hess, minimum=-1.0, curvatures=(2.0,))
    args.update(changes)
    return de.Loss(**args)


def steps_of_running_example():
    a, b, e = graph()
    return e, wa.forward_steps(e, b)


def mode_rows(**changes):
    row = {"n": 2, "forward_s": 1e-5, "reverse_s": 1e-5, "ratio": 1.0, "passes_timed": 2,
           "forward_ops": 12, "reverse_ops": 6}
    row2 = dict(row, n=4, ratio=2.0, forward_ops=56, reverse_ops=14)
    row2.update(changes)
    return [row, row2]


# ---- the table ---------------------------------------------------------------------------

AUDIT = {
    # ---- helpers.activations
    "helpers.activations.sigmoid": {
        "type": Raises(lambda: sigmoid("0.5"), "z"),
        "shape": Raises(lambda: sigmoid([]), "z"),
        "nan": Raises(lambda: sigmoid([0.0, NAN]), "z"),
    },
    "helpers.activations.sigmoid_prime": {
        "type": Raises(lambda: sigmoid_prime([["a"]]), "z"),
        "shape": Raises(lambda: sigmoid_prime(np.zeros((2, 0))), "z"),
        "nan": Raises(lambda: sigmoid_prime(NAN), "z"),
    },
    "helpers.activations.softmax": {
        "type": Raises(lambda: softmax({"z": 1}), "z"),
        "shape": Raises(lambda: softmax(np.zeros((2, 2, 2))), "z"),
        "nan": Raises(lambda: softmax(nan_at(np.zeros((3, 2)), 4)), "z"),
    },

    # ---- helpers.checks
    "helpers.checks.CheckResult": {
        "type": Raises(lambda: checks.CheckResult(True, 42), "message"),
        "shape": Raises(lambda: checks.CheckResult(np.array([True, False]), "m"), "ok"),
        "nan": Raises(lambda: checks.CheckResult(NAN, "m"), "ok"),
    },
    "helpers.checks.check_close": {
        "type": Raises(lambda: checks.check_close(1.0, "1", "x", "hint"), "expected"),
        "shape": Raises(lambda: checks.check_close(1.0, np.ones(2), "x", "hint"), "expected"),
        "nan": Raises(lambda: checks.check_close(1.0, NAN, "x", "hint"), "expected"),
        "more": [NotYet(lambda: checks.check_close("1", 1.0, "x", "hint")),
                 NotYet(lambda: checks.check_close(NAN, 1.0, "x", "hint")),
                 Raises(lambda: checks.check_close(1.0, 1.0, "x", "hint", tol=-1), "tol"),
                 Raises(lambda: checks.check_close(1.0, 1.0, 3, "hint"), "what"),
                 Raises(lambda: checks.check_close(1.0, 1.0, "x", "h", mistakes=[1]), "mistakes")],
    },
    "helpers.checks.is_unanswered": {
        kind: NoSuch("any object is a fair question: it says only whether it is ... or None")
        for kind in KINDS},
    "helpers.checks.descent.check_one_step": {
        "type": Raises(lambda: cd.check_one_step(-1.0, w0="5"), "w0"),
        "shape": Raises(lambda: cd.check_one_step(-1.0, eta=[0.3, 0.4]), "eta"),
        "nan": Raises(lambda: cd.check_one_step(-1.0, w0=NAN), "w0"),
        "more": [NotYet(lambda: cd.check_one_step("-1")), NotYet(lambda: cd.check_one_step(NAN))],
    },
    "helpers.checks.descent.check_largest_rate": {
        "type": NotYet(lambda: cd.check_largest_rate("1/3")),
        "shape": NotYet(lambda: cd.check_largest_rate([1 / 3, 1 / 3])),
        "nan": NotYet(lambda: cd.check_largest_rate(NAN)),
    },
    "helpers.checks.descent.check_descent_loop": {
        "type": Raises(lambda: cd.check_descent_loop(0.0, steps=2.5), "steps"),
        "shape": Raises(lambda: cd.check_descent_loop(0.0, w0=np.zeros(2)), "w0"),
        "nan": Raises(lambda: cd.check_descent_loop(0.0, eta=NAN), "eta"),
        "more": [NotYet(lambda: cd.check_descent_loop([0.0]))],
    },
    "helpers.checks.graphs.check_running_example": {
        "type": Raises(lambda: cg.check_running_example("2", 1.0, 6.0), "a"),
        "shape": Raises(lambda: cg.check_running_example(2.0, [1.0, 2.0], 6.0), "b"),
        "nan": Raises(lambda: cg.check_running_example(2.0, NAN, 6.0), "b"),
        "more": [NotYet(lambda: cg.check_running_example(2.0, 1.0, "6"))],
    },
    "helpers.checks.graphs.check_local_derivative": {
        "type": Raises(lambda: cg.check_local_derivative(None, 1.0, 2.0), "a"),
        "shape": Raises(lambda: cg.check_local_derivative(np.ones(2), 1.0, 2.0), "a"),
        "nan": Raises(lambda: cg.check_local_derivative(2.0, NAN, 2.0), "b"),
        "more": [NotYet(lambda: cg.check_local_derivative(2.0, 1.0, NAN))],
    },
    "helpers.checks.graphs.check_built_graph": {
        "type": NotYet(lambda: cg.check_built_graph("(x + y) * z")),
        "shape": NotYet(lambda: cg.check_built_graph(Value(1.0, "x") * 2)),
        "nan": NotYet(lambda: cg.check_built_graph(NAN)),
    },
    "helpers.checks.modes.check_forward_tangents": {
        "type": Raises(lambda: cm.check_forward_tangents("2", 1.0, (1, 0, 1, 0, 2)), "a"),
        "shape": Raises(lambda: cm.check_forward_tangents([2.0], 1.0, (1, 0, 1, 0, 2)), "a"),
        "nan": Raises(lambda: cm.check_forward_tangents(2.0, NAN, (1, 0, 1, 0, 2)), "b"),
        "more": [NotYet(lambda: cm.check_forward_tangents(2.0, 1.0, (1, 0, 1))),
                 NotYet(lambda: cm.check_forward_tangents(2.0, 1.0, (1, 0, 1, 0, NAN)))],
    },
    "helpers.checks.modes.check_reverse_adjoints": {
        "type": Raises(lambda: cm.check_reverse_adjoints(2.0, "1", (2, 3, 2, 5)), "b"),
        "shape": Raises(lambda: cm.check_reverse_adjoints(np.ones(3), 1.0, (2, 3, 2, 5)), "a"),
        "nan": Raises(lambda: cm.check_reverse_adjoints(NAN, 1.0, (2, 3, 2, 5)), "a"),
        "more": [NotYet(lambda: cm.check_reverse_adjoints(2.0, 1.0, "2, 3, 2, 5"))],
    },
    "helpers.checks.modes.check_passes": {
        "type": Raises(lambda: cm.check_passes("1000", 1, 1000, 1), "n_inputs"),
        "shape": Raises(lambda: cm.check_passes(1000, 0, 1000, 1), "n_outputs"),
        "nan": Raises(lambda: cm.check_passes(NAN, 1, 1000, 1), "n_inputs"),
        "more": [NotYet(lambda: cm.check_passes(1000, 1, NAN, 1)),
                 NotYet(lambda: cm.check_passes(1000, 1, 1000, [1]))],
    },
    "helpers.checks.network.check_output_delta": {
        "type": Raises(lambda: cn.check_output_delta(0.1, z="1"), "z"),
        "shape": Raises(lambda: cn.check_output_delta(0.1, y=[0.0, 1.0]), "y"),
        "nan": Raises(lambda: cn.check_output_delta(0.1, z=NAN), "z"),
        "more": [NotYet(lambda: cn.check_output_delta("0.1")),
                 NotYet(lambda: cn.check_output_delta(np.array([0.1, 0.2])))],
    },
    "helpers.checks.network.check_hidden_delta": {
        "type": Raises(lambda: cn.check_hidden_delta(0.0, w="2, -1"), "w"),
        "shape": Raises(lambda: cn.check_hidden_delta(0.0, delta_next=(0.1, 0.2, 0.3)),
                        "delta_next"),
        "nan": Raises(lambda: cn.check_hidden_delta(0.0, w=(2.0, NAN)), "w"),
        "more": [NotYet(lambda: cn.check_hidden_delta(NAN))],
    },
    "helpers.checks.network.check_forward_passes": {
        "type": Raises(lambda: cn.check_forward_passes(100, sizes="784-30-10"), "sizes"),
        "shape": Raises(lambda: cn.check_forward_passes(100, sizes=(784,)), "sizes"),
        "nan": Raises(lambda: cn.check_forward_passes(100, sizes=(784, NAN, 10)), "sizes"),
        "more": [NotYet(lambda: cn.check_forward_passes("47720"))],
    },
    "helpers.checks.paths.check_path_sum": {
        "type": Raises(lambda: cp.check_path_sum(2.0, "1", 5.0), "b"),
        "shape": Raises(lambda: cp.check_path_sum([2.0, 1.0], 1.0, 5.0), "a"),
        "nan": Raises(lambda: cp.check_path_sum(NAN, 1.0, 5.0), "a"),
        "more": [NotYet(lambda: cp.check_path_sum(2.0, 1.0, None))],
    },
    "helpers.checks.paths.check_diamond_counts": {
        "type": Raises(lambda: cp.check_diamond_counts("3", 2, 8, 12), "depth"),
        "shape": Raises(lambda: cp.check_diamond_counts(3, 0, 8, 12), "width"),
        "nan": Raises(lambda: cp.check_diamond_counts(NAN, 2, 8, 12), "depth"),
        "more": [NotYet(lambda: cp.check_diamond_counts(3, 2, "8", 12)),
                 NotYet(lambda: cp.check_diamond_counts(3, 2, 8, NAN))],
    },
    "helpers.checks.paths.check_factored": {
        "type": NotYet(lambda: cp.check_factored("chain", 1.0)),
        "shape": NotYet(lambda: cp.check_factored(wa.diamond_chain(2, 2), [1.0, 2.0])),
        "nan": NotYet(lambda: cp.check_factored(wa.diamond_chain(2, 2), NAN)),
    },
    "helpers.checks.slowdown.check_quadratic_gradient": {
        "type": Raises(lambda: cs.check_quadratic_gradient("2", 2.0, 0.0), "w"),
        "shape": Raises(lambda: cs.check_quadratic_gradient(2.0, np.ones(2), 0.0), "b"),
        "nan": Raises(lambda: cs.check_quadratic_gradient(2.0, 2.0, 0.0, x=NAN), "x"),
        "more": [NotYet(lambda: cs.check_quadratic_gradient(2.0, 2.0, "0.01"))],
    },
    "helpers.checks.slowdown.check_cross_entropy_gradient": {
        "type": Raises(lambda: cs.check_cross_entropy_gradient(2.0, 2.0, 0.9, y="0"), "y"),
        "shape": Raises(lambda: cs.check_cross_entropy_gradient([2.0], 2.0, 0.9), "w"),
        "nan": Raises(lambda: cs.check_cross_entropy_gradient(2.0, NAN, 0.9), "b"),
        "more": [NotYet(lambda: cs.check_cross_entropy_gradient(2.0, 2.0, NAN))],
    },
    "helpers.checks.slowdown.check_epochs_to_half": {
        "type": Raises(lambda: cs.check_epochs_to_half(300, limit="2000"), "limit"),
        "shape": Raises(lambda: cs.check_epochs_to_half(300, w0=np.ones(2)), "w0"),
        "nan": Raises(lambda: cs.check_epochs_to_half(300, eta=NAN), "eta"),
        "more": [NotYet(lambda: cs.check_epochs_to_half(300.5)),
                 NotYet(lambda: cs.check_epochs_to_half(NAN))],
    },
    "helpers.checks.training.check_softmax_probability": {
        "type": Raises(lambda: ct.check_softmax_probability("1, 3, 0", 1, 0.8), "z"),
        "shape": Raises(lambda: ct.check_softmax_probability([1.0, 3.0, 0.0], 3, 0.8), "k"),
        "nan": Raises(lambda: ct.check_softmax_probability([1.0, NAN, 0.0], 1, 0.8), "z"),
        "more": [NotYet(lambda: ct.check_softmax_probability([1.0, 3.0, 0.0], 1, "0.8"))],
    },
    "helpers.checks.training.check_output_error": {
        "type": Raises(lambda: ct.check_output_error([1.0, 2.0], "0", [0.0, 0.0]), "label"),
        "shape": Raises(lambda: ct.check_output_error(np.ones((2, 2)), 0, [0.0, 0.0]), "z"),
        "nan": Raises(lambda: ct.check_output_error([1.0, NAN], 0, [0.0, 0.0]), "z"),
        "more": [NotYet(lambda: ct.check_output_error([1.0, 2.0], 0, [NAN, 0.0])),
                 NotYet(lambda: ct.check_output_error([1.0, 2.0], 0, [0.0, 0.0, 0.0]))],
    },
    "helpers.checks.training.check_misclassified_count": {
        "type": Raises(lambda: ct.check_misclassified_count("net", X(), [0, 1, 0], 1), "net"),
        "shape": Raises(lambda: ct.check_misclassified_count(net(), X(), [0, 1], 1), "labels"),
        "nan": Raises(lambda: ct.check_misclassified_count(net(), nan_at(X()), [0, 1, 0], 1), "X"),
        "more": [NotYet(lambda: ct.check_misclassified_count(net(), X(), [0, 1, 0], NAN))],
    },

    # ---- helpers.costs (no constructor arguments: the calls are to the static methods)
    "helpers.costs.QuadraticCost": {
        "type": Raises(lambda: QuadraticCost.fn("a", [[1.0]]), "a"),
        "shape": Raises(lambda: QuadraticCost.delta(np.zeros((2, 1)), np.zeros((2, 1)),
                                                    np.zeros((3, 1))), "y"),
        "nan": Raises(lambda: QuadraticCost.derivative([[0.5]], [[NAN]]), "y"),
        "more": [Raises(lambda: QuadraticCost.activation("z"), "z"),
                 Raises(lambda: QuadraticCost.fn(np.zeros((2, 1)), np.zeros((2, 2))), "y")],
    },
    "helpers.costs.CrossEntropyCost": {
        "type": Raises(lambda: CrossEntropyCost.delta(None, [0.5], [1.0]), "z"),
        "shape": Raises(lambda: CrossEntropyCost.fn(np.full((2, 2, 2), 0.5), np.ones((2, 2, 2))),
                        "a"),
        "nan": Raises(lambda: CrossEntropyCost.fn([[0.5, NAN]], [[1.0, 0.0]]), "a"),
        "more": [Raises(lambda: CrossEntropyCost.derivative([0.5], "1"), "y")],
    },
    "helpers.costs.LogLikelihoodCost": {
        "type": Raises(lambda: LogLikelihoodCost.derivative([[0.5]], [["one"]]), "y"),
        "shape": Raises(lambda: LogLikelihoodCost.delta([1.0, 2.0], [0.3, 0.7], [0.0]), "y"),
        "nan": Raises(lambda: LogLikelihoodCost.activation([[1.0], [NAN]]), "z"),
        "more": [Raises(lambda: LogLikelihoodCost.fn([NAN, 0.5], [0.0, 1.0]), "a")],
    },

    # ---- helpers.data
    "helpers.data.Digits": {
        "type": Raises(lambda: Digits(**digits(X_train="pixels")), "X_train"),
        "shape": Raises(lambda: Digits(**digits(Y_test=np.zeros((10, 3)))), "Y_test"),
        "nan": Raises(lambda: Digits(**digits(X_test=nan_at(_digits().X_test))), "X_test"),
    },
    "helpers.data.load_digits": {
        "type": Raises(lambda: load_digits(test_fraction="a quarter"), "test_fraction"),
        "shape": Raises(lambda: load_digits(test_fraction=0.0001), "test_fraction"),
        "nan": Raises(lambda: load_digits(test_fraction=NAN), "test_fraction"),
    },

    # ---- helpers.descent
    "helpers.descent.Loss": {
        "type": Raises(lambda: loss(grad="2 (w + 1)"), "grad"),
        "shape": Raises(lambda: loss(minimum=np.zeros((2, 2))), "minimum"),
        "nan": Raises(lambda: loss(curvatures=(NAN,)), "curvatures"),
    },
    "helpers.descent.Path": {
        "type": Raises(lambda: de.Path("points", np.zeros(1), np.zeros(0)), "points"),
        "shape": Raises(lambda: de.Path(np.zeros(3), np.zeros(2), np.zeros(2)), "losses"),
        "nan": Raises(lambda: de.Path(nan_at(np.zeros(3)), np.zeros(3), np.zeros(2)), "points"),
    },
    "helpers.descent.learning_rates": {
        "type": Raises(lambda: de.learning_rates(0.1, "10"), "steps"),
        "shape": Raises(lambda: de.learning_rates([0.1, 0.2], 10), "eta"),
        "nan": Raises(lambda: de.learning_rates(0.1, 10, "inverse", decay_steps=NAN),
                      "decay_steps"),
    },
    "helpers.descent.gradient_descent": {
        "type": Raises(lambda: de.gradient_descent("f", de.PARABOLA.grad, 5.0), "f"),
        "shape": Raises(lambda: de.gradient_descent(de.PARABOLA.f, de.PARABOLA.grad,
                                                    (1.0, 2.0, 3.0)), "start"),
        "nan": Raises(lambda: de.gradient_descent(de.PARABOLA.f, de.PARABOLA.grad, 5.0, eta=NAN),
                      "eta"),
    },
    "helpers.descent.sign_descent": {
        "type": Raises(lambda: de.sign_descent(de.PARABOLA.f, de.PARABOLA.grad, 5.0, step="0.05"),
                       "step"),
        "shape": Raises(lambda: de.sign_descent(de.PARABOLA.f, de.PARABOLA.grad, np.zeros((2, 2))),
                        "start"),
        "nan": Raises(lambda: de.sign_descent(de.PARABOLA.f, de.PARABOLA.grad, 5.0, step=NAN),
                      "step"),
    },
    "helpers.descent.newton_method": {
        "type": Raises(lambda: de.newton_method(de.PARABOLA.f, de.PARABOLA.grad, 2.0, 5.0), "hess"),
        "shape": Raises(lambda: de.newton_method(de.PARABOLA.f, de.PARABOLA.grad,
                                                 de.PARABOLA.hess, [1.0, 2.0, 3.0]), "start"),
        "nan": Raises(lambda: de.newton_method(de.PARABOLA.f, de.PARABOLA.grad,
                                               de.PARABOLA.hess, NAN), "start"),
    },
    "helpers.descent.hooke_jeeves": {
        "type": Raises(lambda: de.hooke_jeeves(de.PARABOLA.f, 5.0, step="1"), "step"),
        "shape": Raises(lambda: de.hooke_jeeves(de.PARABOLA.f, 5.0, max_evaluations=0),
                        "max_evaluations"),
        "nan": Raises(lambda: de.hooke_jeeves(de.PARABOLA.f, 5.0, target=NAN), "target"),
    },
    "helpers.descent.pattern_search": {
        "type": Raises(lambda: de.pattern_search("loss", np.zeros(1), 0.5, 0.5, 1e-9,
                                                 lambda f: "", lambda *a: None), "loss"),
        "shape": Raises(lambda: de.pattern_search(de.PARABOLA.f, np.zeros((1, 1)), 0.5, 0.5, 1e-9,
                                                  lambda f: "", lambda *a: None), "base"),
        "nan": Raises(lambda: de.pattern_search(de.PARABOLA.f, np.zeros(1), NAN, 0.5, 1e-9,
                                                lambda f: "", lambda *a: None), "step"),
    },
    "helpers.descent.explore_moves": {
        "type": Raises(lambda: de.explore_moves(de.PARABOLA.f, "1.0", 4.0, 0.5), "x"),
        "shape": Raises(lambda: de.explore_moves(de.PARABOLA.f, np.float64(1.0), 4.0, 0.5), "x"),
        "nan": Raises(lambda: de.explore_moves(de.PARABOLA.f, np.array([1.0]), NAN, 0.5), "fx"),
    },
    "helpers.descent.update_factor": {
        "type": Raises(lambda: de.update_factor("0.1"), "eta"),
        "shape": Raises(lambda: de.update_factor(0.1, curvature=[1.0, 10.0]), "curvature"),
        "nan": Raises(lambda: de.update_factor(NAN), "eta"),
    },
    "helpers.descent.regime": {
        "type": Raises(lambda: de.regime(0.1, curvature="2"), "curvature"),
        "shape": Raises(lambda: de.regime(np.array([0.1, 0.2])), "eta"),
        "nan": Raises(lambda: de.regime(NAN), "eta"),
    },
    "helpers.descent.CountedLoss": {
        "type": Raises(lambda: de.CountedLoss("Rosenbrock"), "loss"),
        "shape": NoSuch("takes one Loss: no arrays or sizes"),
        "nan": NoSuch("takes one Loss: no numbers"),
    },
    "helpers.descent.MethodRun": {
        "type": Raises(lambda: method_run(counts=[3, 0, 0]), "counts"),
        "shape": Raises(lambda: method_run(trace_losses=np.array([3.0, 2.0])), "trace_losses"),
        "nan": Raises(lambda: method_run(x=np.array([1.0, NAN])), "x"),
    },
    "helpers.descent.compare_methods": {
        "type": Raises(lambda: de.compare_methods(loss="Rosenbrock"), "loss"),
        "shape": Raises(lambda: de.compare_methods(start=(1.0, 2.0, 3.0)), "start"),
        "nan": Raises(lambda: de.compare_methods(target=NAN), "target"),
    },
    "helpers.descent.comparison_table": {
        "type": Raises(lambda: de.comparison_table("runs"), "runs"),
        "shape": Raises(lambda: de.comparison_table([]), "runs"),
        "nan": Raises(lambda: de.comparison_table([method_run()], threshold=NAN), "threshold"),
    },

    # ---- helpers.gradcheck
    "helpers.gradcheck.numerical_gradient": {
        "type": Raises(lambda: gc_.numerical_gradient(net(), X(), Y(), h="1e-5"), "h"),
        "shape": Raises(lambda: gc_.numerical_gradient(net(), X().T, Y()), "X"),
        "nan": Raises(lambda: gc_.numerical_gradient(net(), X(), nan_at(Y())), "Y"),
    },
    "helpers.gradcheck.relative_error": {
        "type": Raises(lambda: gc_.relative_error("1.0", 1.0), "a"),
        "shape": Raises(lambda: gc_.relative_error(np.ones(2), np.ones(3)), "a"),
        "nan": Raises(lambda: gc_.relative_error(1.0, NAN), "b"),
    },
    "helpers.gradcheck.verdict": {
        "type": Raises(lambda: gc_.verdict("1e-8"), "error"),
        "shape": Raises(lambda: gc_.verdict(np.array([1e-8, 1e-3])), "error"),
        "nan": NoSuch("a NaN relative error (from a NaN gradient) is a result, not bad input: "
                      "its verdict is 'wrong' (test_gradcheck pins it); a negative error is "
                      "refused"),
        "more": [Raises(lambda: gc_.verdict(-1e-3), "error")],
    },
    "helpers.gradcheck.gradient_check": {
        "type": Raises(lambda: gc_.gradient_check(net(), X(), Y(), backprop="mine"), "backprop"),
        "shape": Raises(lambda: gc_.gradient_check(net(), X(n=3), Y()), "X"),
        "nan": Raises(lambda: gc_.gradient_check(net(), nan_at(X()), Y()), "X"),
        "more": [Raises(lambda: gc_.gradient_check("net", X(), Y()), "net")],
    },
    "helpers.gradcheck.GradCheck": {
        "type": Raises(lambda: gc_.GradCheck("backprop", grads(), 34), "backprop"),
        "shape": Raises(lambda: gc_.GradCheck(grads(), grads((2, 4, 2)), 34), "numerical"),
        "nan": Raises(lambda: gc_.GradCheck(grads(), grads(), NAN), "evaluations"),
    },
    "helpers.gradcheck.planted_bug": {
        "type": Raises(lambda: gc_.planted_bug("net"), "net"),
        "shape": Raises(lambda: gc_.planted_bug(net(), "untransposed weight"), "kind"),
        "nan": Raises(lambda: gc_.planted_bug(net(), NAN), "kind"),
        "more": [Raises(lambda: gc_.planted_bug(net())(X().T, Y()), "X")],
    },

    # ---- helpers.graph
    "helpers.graph.Value": {
        "type": Raises(lambda: Value("2.0"), "Value data"),
        "shape": Raises(lambda: Value(np.array([1.0, 2.0])), "Value data"),
        "nan": Raises(lambda: Value(NAN), "Value data"),
        "more": [Raises(lambda: Value(1.0, label=3), "label"),
                 Raises(lambda: Value(1.0) + "1", "the number added"),
                 Raises(lambda: Value(1.0) + np.ones(2), "the number added"),
                 Raises(lambda: Value(1.0) + NAN, "the number added"),
                 Raises(lambda: Value(1.0) * [2.0], "the factor"),
                 Raises(lambda: NAN * Value(1.0), "the factor"),
                 Raises(lambda: Value(1.0) - "1", "the number subtracted"),
                 Raises(lambda: NAN - Value(1.0), "the number subtracted from"),
                 Raises(lambda: Value(1.0) / NAN, "the divisor"),
                 Raises(lambda: "1" / Value(1.0), "the dividend"),
                 Raises(lambda: Value(1.0) ** "2", "the exponent"),
                 Raises(lambda: Value(1.0) ** NAN, "the exponent"),
                 Raises(lambda: Value(1.0) ** Value(2.0), "the exponent"),
                 Raises(lambda: Value(1.0).named(None), "label")],
    },
    "helpers.graph.topological_order": {
        "type": Raises(lambda: topological_order(3), "roots"),
        "shape": Raises(lambda: topological_order([Value(1.0), 2.0]), "roots"),
        "nan": Raises(lambda: topological_order([NAN]), "roots"),
    },
    "helpers.graph.as_value": {
        "type": Raises(lambda: as_value("1"), "x"),
        "shape": Raises(lambda: as_value([1.0, 2.0]), "x"),
        "nan": Raises(lambda: as_value(NAN), "x"),
    },

    # ---- helpers.network
    "helpers.network.Network": {
        "type": Raises(lambda: Network("2-3-2"), "sizes"),
        "shape": Raises(lambda: Network([3]), "sizes"),
        "nan": Raises(lambda: Network([2, NAN, 2]), "sizes"),
    },
    "helpers.network.Network.forward": {
        "type": Raises(lambda: net().forward("X"), "X"),
        "shape": Raises(lambda: net().forward(X(n=3)), "X"),
        "nan": Raises(lambda: net().forward(nan_at(X())), "X"),
    },
    "helpers.network.Network.feedforward": {
        "type": Raises(lambda: net().feedforward([["a", "b"]]), "X"),
        "shape": Raises(lambda: net().feedforward(np.zeros(3)), "X"),
        "nan": Raises(lambda: net().feedforward([NAN, 0.0]), "X"),
    },
    "helpers.network.Network.backprop": {
        "type": Raises(lambda: net().backprop(X(), "Y"), "Y"),
        "shape": Raises(lambda: net().backprop(X(), Y(m=4)), "Y"),
        "nan": Raises(lambda: net().backprop(nan_at(X()), Y()), "X"),
    },
    "helpers.network.Network.deltas": {
        "type": Raises(lambda: net().deltas(None, Y()), "X"),
        "shape": Raises(lambda: net().deltas(X(), Y(n=3)), "Y"),
        "nan": Raises(lambda: net().deltas(X(), nan_at(Y())), "Y"),
    },
    "helpers.network.Network.update_mini_batch": {
        "type": Raises(lambda: net().update_mini_batch(X(), Y(), "0.5"), "eta"),
        "shape": Raises(lambda: net().update_mini_batch(X().T, Y(), 0.5), "X"),
        "nan": Raises(lambda: net().update_mini_batch(X(), Y(), NAN), "eta"),
    },
    "helpers.network.Network.sgd": {
        "type": Raises(lambda: net().sgd(X(), Y(), 1, 2.5, 0.5), "mini_batch_size"),
        "shape": Raises(lambda: net().sgd(X(), Y(), 1, 4, 0.5), "mini_batch_size"),
        "nan": Raises(lambda: net().sgd(X(), Y(), 1, 2, NAN), "eta"),
        "more": [Raises(lambda: net().sgd(X(), Y(), 1, 2, 0.5, test=(X(n=3), Y())), "X_test"),
                 Raises(lambda: net().sgd(X(), Y(), 1, 2, 0.5, callback=3), "callback"),
                 Raises(lambda: net().sgd(X(), Y(), "1", 2, 0.5), "epochs")],
    },
    "helpers.network.Network.train_epoch": {
        "type": Raises(lambda: net().train_epoch(X(), Y(), 2, 0.5, rng=0), "rng"),
        "shape": Raises(lambda: net().train_epoch(X(), Y(), 0, 0.5, np.random.default_rng(0)),
                        "mini_batch_size"),
        "nan": Raises(lambda: net().train_epoch(nan_at(X()), Y(), 2, 0.5,
                                                np.random.default_rng(0)), "X"),
    },
    "helpers.network.Network.cost_value": {
        "type": Raises(lambda: net().cost_value(X(), [["a"] * 3] * 2), "Y"),
        "shape": Raises(lambda: net().cost_value(X(), np.zeros((2, 3, 1))), "Y"),
        "nan": Raises(lambda: net().cost_value(X(), nan_at(Y(), 5)), "Y"),
    },
    "helpers.network.Network.accuracy": {
        "type": Raises(lambda: net().accuracy({"x": 1}, Y()), "X"),
        "shape": Raises(lambda: net().accuracy(X(), np.array([0, 1, 2])), "labels"),
        "nan": Raises(lambda: net().accuracy(X(), [NAN, 1.0, 0.0]), "Y"),
    },
    "helpers.network.one_hot": {
        "type": Raises(lambda: one_hot("012", 3), "labels"),
        "shape": Raises(lambda: one_hot([[0, 1]], 2), "labels"),
        "nan": Raises(lambda: one_hot([0, NAN], 2), "labels"),
        "more": [Raises(lambda: one_hot([0, 1], "2"), "n_classes")],
    },
    "helpers.network.as_batch": {
        "type": Raises(lambda: as_batch(X(), "2"), "n_in"),
        "shape": Raises(lambda: as_batch(X().T, 2), "X"),
        "nan": Raises(lambda: as_batch(nan_at(X()), 2), "X"),
    },
    "helpers.network.as_targets": {
        "type": Raises(lambda: as_targets(Y(), 2, 3.0), "m"),
        "shape": Raises(lambda: as_targets(Y(), 2, 4), "Y"),
        "nan": Raises(lambda: as_targets(nan_at(Y()), 2, 3), "Y"),
    },

    # ---- helpers.neuron
    "helpers.neuron.train_neuron": {
        "type": Raises(lambda: ne.train_neuron(x="1"), "x"),
        "shape": Raises(lambda: ne.train_neuron(w0=np.zeros(2), b0=np.zeros(3)), "w0"),
        "nan": Raises(lambda: ne.train_neuron(eta=NAN), "eta"),
    },
    "helpers.neuron.NeuronHistory": {
        "type": Raises(lambda: ne.NeuronHistory(1.0, 0.0, 0.15, "hinge", **fields()), "cost"),
        "shape": Raises(lambda: ne.NeuronHistory(1.0, 0.0, 0.15, "quadratic",
                                                 **fields(b=np.zeros(3))), "b"),
        "nan": Raises(lambda: ne.NeuronHistory(1.0, NAN, 0.15, "quadratic", **fields()), "y"),
        "more": [Raises(lambda: history().upto(2.5), "epochs"),
                 Raises(lambda: history().upto(10), "epochs"),
                 Raises(lambda: history().extended("9"), "epochs")],
    },
    "helpers.neuron.example_cost": {
        "type": Raises(lambda: ne.example_cost("quadratic", "0.5", 0.0), "a"),
        "shape": Raises(lambda: ne.example_cost("quadratic", 0.5, [0.0, 1.0]), "y"),
        "nan": Raises(lambda: ne.example_cost("cross-entropy", [0.5, NAN], 0.0), "a"),
    },
    "helpers.neuron.neuron_cost": {
        "type": Raises(lambda: ne.neuron_cost("2", 2.0), "w"),
        "shape": Raises(lambda: ne.neuron_cost(np.zeros(2), np.zeros(3)), "w"),
        "nan": Raises(lambda: ne.neuron_cost(2.0, NAN), "b"),
    },
    "helpers.neuron.finite_difference_gradients": {
        "type": Raises(lambda: ne.finite_difference_gradients("2", 2.0), "w"),
        "shape": Raises(lambda: ne.finite_difference_gradients(2.0, 2.0, x=[1.0, 2.0]), "x"),
        "nan": Raises(lambda: ne.finite_difference_gradients(NAN, 2.0), "w"),
    },

    # ---- helpers.notations
    "helpers.notations.to_thetas": {
        "type": Raises(lambda: no.to_thetas("net"), "net"),
        "shape": NoSuch("takes one Network, whose sizes are checked when it is made"),
        "nan": NoSuch("takes one Network: no numbers"),
    },
    "helpers.notations.theta_forward": {
        "type": Raises(lambda: no.theta_forward("thetas", [0.5, -1.0]), "thetas"),
        "shape": Raises(lambda: no.theta_forward(no.to_thetas(net()), [0.5, -1.0, 2.0]), "x"),
        "nan": Raises(lambda: no.theta_forward(no.to_thetas(net()), [0.5, NAN]), "x"),
        "more": [Raises(lambda: no.theta_forward(no.to_thetas(net()), [0.5, 1.0], output=2),
                        "output")],
    },
    "helpers.notations.theta_gradients": {
        "type": Raises(lambda: no.theta_gradients(no.to_thetas(net()), X().T, Y().T, "hinge"),
                       "cost"),
        "shape": Raises(lambda: no.theta_gradients(no.to_thetas(net())[:1], X().T, Y().T,
                                                   QuadraticCost), "Y_rows"),
        "nan": Raises(lambda: no.theta_gradients([nan_at(t) for t in no.to_thetas(net())],
                                                 X().T, Y().T, QuadraticCost), "thetas"),
    },
    "helpers.notations.theta_to_nabla": {
        "type": Raises(lambda: no.theta_to_nabla("Ds"), "Ds"),
        "shape": Raises(lambda: no.theta_to_nabla([np.zeros(3)]), "Ds"),
        "nan": Raises(lambda: no.theta_to_nabla([nan_at(np.zeros((3, 3)))]), "Ds"),
    },
    "helpers.notations.to_parameters": {
        "type": Raises(lambda: no.to_parameters({"W1": 1}), "net"),
        "shape": NoSuch("takes one Network, whose sizes are checked when it is made"),
        "nan": NoSuch("takes one Network: no numbers"),
    },
    "helpers.notations.forward_propagation": {
        "type": Raises(lambda: no.forward_propagation(X(), "parameters"), "parameters"),
        "shape": Raises(lambda: no.forward_propagation(X(n=3), no.to_parameters(net())), "X"),
        "nan": Raises(lambda: no.forward_propagation(nan_at(X()), no.to_parameters(net())), "X"),
    },
    "helpers.notations.backward_propagation": {
        "type": Raises(lambda: no.backward_propagation(X(), Y(), no.to_parameters(net()), None),
                       "cost"),
        "shape": Raises(lambda: no.backward_propagation(
            X(), Y(), dict(no.to_parameters(net()), W2=np.zeros((2, 4))), QuadraticCost),
            "parameters"),
        "nan": Raises(lambda: no.backward_propagation(
            X(), Y(), dict(no.to_parameters(net()), b1=nan_at(np.zeros((3, 1)))), QuadraticCost),
            "parameters"),
    },
    "helpers.notations.grads_to_nabla": {
        "type": Raises(lambda: no.grads_to_nabla(["dW1"]), "grads"),
        "shape": Raises(lambda: no.grads_to_nabla({"dW1": np.zeros((3, 2))}), "grads"),
        "nan": Raises(lambda: no.grads_to_nabla({"dW1": nan_at(np.zeros((3, 2))),
                                                 "db1": np.zeros((3, 1))}), "grads"),
    },
    "helpers.notations.row_gradients": {
        "type": Raises(lambda: no.row_gradients(net(), "rows", Y().T), "X_rows"),
        "shape": Raises(lambda: no.row_gradients(net(), X(), Y().T), "X_rows"),
        "nan": Raises(lambda: no.row_gradients(net(), X().T, nan_at(Y().T)), "Y_rows"),
    },
    "helpers.notations.value_network": {
        "type": Raises(lambda: no.value_network(net(), X(), "Y"), "Y"),
        "shape": Raises(lambda: no.value_network(Network([100, 100, 10]), np.zeros((100, 5)),
                                                 np.zeros((10, 5))), "value_network"),
        "nan": Raises(lambda: no.value_network(net(), nan_at(X()), Y()), "X"),
    },
    "helpers.notations.value_gradients": {
        "type": Raises(lambda: no.value_gradients(3, X(), Y()), "net"),
        "shape": Raises(lambda: no.value_gradients(net(), X(n=3), Y()), "X"),
        "nan": Raises(lambda: no.value_gradients(net(), X(), nan_at(Y())), "Y"),
    },
    "helpers.notations.all_gradients": {
        "type": Raises(lambda: no.all_gradients(net(), "X", Y()), "X"),
        "shape": Raises(lambda: no.all_gradients(net(), X(), Y(n=3)), "Y"),
        "nan": Raises(lambda: no.all_gradients(net(), nan_at(X()), Y()), "X"),
    },

    # ---- helpers.plots
    "helpers.plots.as_image": {
        "type": Raises(lambda: as_image("figure"), "fig"),
        "shape": NoSuch("takes one Figure: no arrays or sizes"),
        "nan": NoSuch("takes one Figure: no numbers"),
    },
    "helpers.plots.descent.ParabolaDrawing": {
        "type": Raises(lambda: pd.ParabolaDrawing("ax"), "ax"),
        "shape": Raises(lambda: pd.ParabolaDrawing(ax(), steps=0), "steps"),
        "nan": Raises(lambda: pd.ParabolaDrawing(ax(), steps=NAN), "steps"),
        "more": [Raises(lambda: pd.ParabolaDrawing(ax()).update("5", 0.2), "w0"),
                 Raises(lambda: pd.ParabolaDrawing(ax()).update(5.0, NAN), "eta")],
    },
    "helpers.plots.descent.draw_parabola_descent": {
        "type": Raises(lambda: pd.draw_parabola_descent(w0="5"), "w0"),
        "shape": Raises(lambda: pd.draw_parabola_descent(axes=axes(3)), "axes"),
        "nan": Raises(lambda: pd.draw_parabola_descent(eta=NAN), "eta"),
    },
    "helpers.plots.descent.plot_regimes": {
        "type": Raises(lambda: pd.plot_regimes(etas="0.2, 0.5"), "etas"),
        "shape": Raises(lambda: pd.plot_regimes(etas=()), "etas"),
        "nan": Raises(lambda: pd.plot_regimes(etas=(0.2, NAN)), "etas"),
    },
    "helpers.plots.descent.plot_distance": {
        "type": Raises(lambda: pd.plot_distance("path"), "path"),
        "shape": Raises(lambda: pd.plot_distance(descent_path(), minimum=[1.0, 2.0, 3.0]),
                        "minimum"),
        "nan": Raises(lambda: pd.plot_distance(descent_path(), minimum=NAN), "minimum"),
    },
    "helpers.plots.descent.ContourDrawing": {
        "type": Raises(lambda: pd.ContourDrawing(ax(), loss="bowl"), "loss"),
        "shape": Raises(lambda: pd.ContourDrawing(ax(), window=(-4.5, 4.5)), "window"),
        "nan": Raises(lambda: pd.ContourDrawing(ax(), window=((-4.5, NAN), (-4.5, 4.5))), "window"),
        "more": [Raises(lambda: pd.ContourDrawing(ax()).update((1.0, 2.0, 3.0), 0.1), "start"),
                 Raises(lambda: pd.ContourDrawing(ax()).update((1.0, 2.0), NAN), "eta")],
    },
    "helpers.plots.descent.draw_contour_descent": {
        "type": Raises(lambda: pd.draw_contour_descent(start="top left"), "start"),
        "shape": Raises(lambda: pd.draw_contour_descent(start=(1.0,)), "start"),
        "nan": Raises(lambda: pd.draw_contour_descent(eta=NAN), "eta"),
    },
    "helpers.plots.descent.plot_comparison": {
        "type": Raises(lambda: pd.plot_comparison("runs"), "runs"),
        "shape": Raises(lambda: pd.plot_comparison([]), "runs"),
        "nan": Raises(lambda: pd.plot_comparison([method_run()], threshold=NAN), "threshold"),
    },
    "helpers.plots.graph.draw_graph": {
        "type": Raises(lambda: pg.draw_graph("e"), "output"),
        "shape": Raises(on_graph(lambda a, b, e: pg.draw_graph(e, highlight=[(a,)])), "highlight"),
        "nan": NoSuch("takes Values, which refuse NaN themselves (see helpers.graph.Value)"),
        "more": [Raises(lambda: pg.draw_graph(graph()[2], fmt=3), "fmt")],
    },
    "helpers.plots.graph.GraphDrawing": {
        "type": Raises(lambda: pg.GraphDrawing("ax", graph()[2], False, ".3g"), "ax"),
        "shape": Raises(lambda: pg.GraphDrawing(ax(), graph()[2], False, ".3g").update(Value(1.0)),
                        "output"),
        "nan": NoSuch("takes Values, which refuse NaN themselves (see helpers.graph.Value)"),
        "more": [Raises(lambda: pg.GraphDrawing(ax(), graph()[2], False, ".3g").highlight("ab"),
                        "edges")],
    },
    "helpers.plots.graph.layout": {
        "type": Raises(lambda: pg.layout("abc"), "nodes"),
        "shape": Raises(lambda: pg.layout(list(reversed(graph()[2].topo()))), "nodes"),
        "nan": NoSuch("takes Values, which refuse NaN themselves (see helpers.graph.Value)"),
    },
    "helpers.plots.layers.freeze_static": {
        "type": Raises(lambda: pl.freeze_static("figure", []), "figure"),
        "shape": Raises(lambda: pl.freeze_static(plt.figure(), 3), "dynamic"),
        "nan": NoSuch("takes a Figure and artists: no numbers"),
    },
    "helpers.plots.network.draw_network": {
        "type": Raises(lambda: pn.draw_network(net(), "x"), "x"),
        "shape": Raises(lambda: pn.draw_network(net(), [0.5, -1.0], weight_labels=[(0, 0)]),
                        "weight_labels"),
        "nan": Raises(lambda: pn.draw_network(net(), [0.5, -1.0], y=[NAN, 0.0]), "y"),
    },
    "helpers.plots.network.draw_dominoes": {
        "type": Raises(lambda: pn.draw_dominoes(net(), [0.5, -1.0], "y"), "y"),
        "shape": Raises(lambda: pn.draw_dominoes(net(), X(), Y()), "x"),
        "nan": Raises(lambda: pn.draw_dominoes(net(), [0.5, -1.0], [NAN, 0.0]), "y"),
        "more": [Raises(lambda: pn.draw_dominoes("net", [0.5, -1.0], [1.0, 0.0]), "net"),
                 Raises(lambda: pn.draw_dominoes(net(), [0.5, -1.0], None), "y"),
                 Raises(lambda: pn.draw_dominoes(net(), [0.5, -1.0], [1.0, 0.0], ax="ax"), "ax")],
    },
    "helpers.plots.network.NetworkDrawing": {
        "type": Raises(lambda: pn.NetworkDrawing(ax(), "net", [0.5, -1.0]), "net"),
        "shape": Raises(lambda: pn.NetworkDrawing(ax(), net(), X()), "x"),
        "nan": Raises(lambda: pn.NetworkDrawing(ax(), net(), [NAN, -1.0]), "x"),
        "more": [Raises(lambda: pn.NetworkDrawing("ax", net(), [0.5, -1.0]), "ax"),
                 Raises(lambda: pn.draw_network(net(), [0.5, -1.0]).update(net(), [0.5, NAN]),
                        "x")],
    },
    "helpers.plots.network.network_positions": {
        "type": Raises(lambda: pn.network_positions("232"), "sizes"),
        "shape": Raises(lambda: pn.network_positions([2, 0, 2]), "sizes"),
        "nan": Raises(lambda: pn.network_positions([2, NAN, 2]), "sizes"),
    },
    "helpers.plots.network.weight_name": {
        "type": Raises(lambda: pn.weight_name(0, "1", 0), "j"),
        "shape": Raises(lambda: pn.weight_name(-1, 0, 0), "i"),
        "nan": Raises(lambda: pn.weight_name(0, 0, NAN), "k"),
    },
    "helpers.plots.slowdown.plot_runs": {
        "type": Raises(lambda: ps.plot_runs("curves"), "curves"),
        "shape": Raises(lambda: ps.plot_runs({"q": ([0.5], {})}), "curves"),
        "nan": Raises(lambda: ps.plot_runs({"q": ([0.5, NAN], {})}), "curves"),
        "more": [Raises(lambda: ps.plot_runs({"q": ([0.5, 0.4], {})}, target=NAN), "target")],
    },
    "helpers.plots.slowdown.plot_starts": {
        "type": Raises(lambda: ps.plot_starts({"quadratic": "history"}), "histories"),
        "shape": Raises(lambda: ps.plot_starts({}), "histories"),
        "nan": Raises(lambda: ps.plot_starts({"quadratic": history()}, target=NAN), "target"),
        "more": [Raises(lambda: ps.plot_starts({"quadratic": history()}, field="speed"), "field")],
    },
    "helpers.plots.slowdown.plot_sigmoid_points": {
        "type": Raises(lambda: ps.plot_sigmoid_points({"start": ("2", {})}), "points"),
        "shape": Raises(lambda: ps.plot_sigmoid_points({}, z_range=(-6, 0, 6)), "z_range"),
        "nan": Raises(lambda: ps.plot_sigmoid_points({"start": (NAN, {})}), "points"),
    },
    "helpers.plots.slowdown.plot_costs_of_output": {
        "type": Raises(lambda: ps.plot_costs_of_output(y="0"), "y"),
        "shape": Raises(lambda: ps.plot_costs_of_output(y=[0.0, 1.0]), "y"),
        "nan": Raises(lambda: ps.plot_costs_of_output(y=NAN), "y"),
    },
    "helpers.plots.slowdown.SlowdownDrawing": {
        "type": Raises(lambda: ps.SlowdownDrawing("figure"), "figure"),
        "shape": Raises(lambda: ps.SlowdownDrawing(plt.figure(), max_epochs=0), "max_epochs"),
        "nan": Raises(lambda: ps.SlowdownDrawing(plt.figure(), y=NAN), "y"),
        "more": [Raises(lambda: ps.SlowdownDrawing(plt.figure()).update("runs"), "histories")],
    },
    "helpers.plots.training.plot_softmax": {
        "type": Raises(lambda: pt.plot_softmax("1, 2"), "z"),
        "shape": Raises(lambda: pt.plot_softmax([1.0, 2.0], target=2), "target"),
        "nan": Raises(lambda: pt.plot_softmax([1.0, NAN]), "z"),
    },
    "helpers.plots.training.plot_digit_grid": {
        "type": Raises(lambda: pt.plot_digit_grid("images", []), "images"),
        "shape": Raises(lambda: pt.plot_digit_grid(np.zeros((64, 2)), ["a"]), "captions"),
        "nan": Raises(lambda: pt.plot_digit_grid(nan_at(np.zeros((64, 1))), ["a"]), "images"),
        "more": [Raises(lambda: pt.plot_digit_grid(np.zeros((64, 1)), ["a"], ncols=0), "ncols")],
    },
    "helpers.plots.training.plot_training_curves": {
        "type": Raises(lambda: pt.plot_training_curves("runs"), "runs"),
        "shape": Raises(lambda: pt.plot_training_curves({}), "runs"),
        "nan": Raises(lambda: pt.plot_training_curves({"quadratic": run(test_accuracy=[0.5, NAN])}),
                      "history"),
    },
    "helpers.plots.walks.draw_each_path": {
        "type": Raises(lambda: pw.draw_each_path(graph()[2], "b"), "wrt"),
        "shape": Raises(on_graph(lambda a, b, e: pw.draw_each_path(e, b, axes=axes(1))), "axes"),
        "nan": NoSuch("takes Values, which refuse NaN themselves (see helpers.graph.Value)"),
    },
    "helpers.plots.walks.WorkPlot": {
        "type": Raises(lambda: pw.WorkPlot(ax(), "3", range(1, 5)), "width"),
        "shape": Raises(lambda: pw.WorkPlot(ax(), 3, []), "depths"),
        "nan": Raises(lambda: pw.WorkPlot(ax(), 3, range(1, 5), top=NAN), "top"),
        "more": [Raises(lambda: pw.WorkPlot(ax(), 3, range(1, 5)).update(3, "2"), "depth")],
    },
    "helpers.plots.walks.plot_work": {
        "type": Raises(lambda: pw.plot_work(3, depths="1-12"), "depths"),
        "shape": Raises(lambda: pw.plot_work(0), "width"),
        "nan": Raises(lambda: pw.plot_work(NAN), "width"),
    },
    "helpers.plots.walks.StepDrawing": {
        "type": Raises(lambda: pw.StepDrawing(ax(), "e"), "output"),
        "shape": Raises(lambda: pw.StepDrawing(ax(), steps_of_running_example()[0]).show(
            steps_of_running_example()[1], 9), "done"),
        "nan": Raises(lambda: pw.StepDrawing(ax(), steps_of_running_example()[0]).show(
            steps_of_running_example()[1], NAN), "done"),
    },
    "helpers.plots.walks.draw_steps": {
        "type": Raises(lambda: pw.draw_steps(graph()[2], "steps"), "steps"),
        "shape": Raises(lambda: pw.draw_steps(*steps_of_running_example(), done=-1), "done"),
        "nan": Raises(lambda: pw.draw_steps(*steps_of_running_example(), done=NAN), "done"),
    },
    "helpers.plots.walks.plot_mode_ratios": {
        "type": Raises(lambda: pw.plot_mode_ratios("rows"), "rows"),
        "shape": Raises(lambda: pw.plot_mode_ratios(mode_rows()[:1]), "rows"),
        "nan": Raises(lambda: pw.plot_mode_ratios(mode_rows(ratio=NAN)), "rows"),
    },

    # ---- helpers.source and helpers.style
    "helpers.source.show_source": {
        "type": Raises(lambda: show_source("sigmoid"), "show_source"),
        "shape": NoSuch("takes one function, class or method: no arrays or sizes"),
        "nan": NoSuch("takes one function, class or method: no numbers"),
    },
    "helpers.style.use_style": NO_ARGUMENTS,

    # ---- helpers.training
    "helpers.training.OutputErrorCheck": {
        "type": Raises(lambda: tr.OutputErrorCheck("delta", np.zeros(2), 0.0), "delta"),
        "shape": Raises(lambda: tr.OutputErrorCheck(np.zeros(2), np.zeros(3), 0.0), "numerical"),
        "nan": Raises(lambda: tr.OutputErrorCheck(np.zeros(2), np.zeros(2), NAN), "max_error"),
    },
    "helpers.training.output_error_check": {
        "type": Raises(lambda: tr.output_error_check("hinge", [1.0], [0.0]), "cost"),
        "shape": Raises(lambda: tr.output_error_check(QuadraticCost, [1.0, 2.0], [0.0]), "y"),
        "nan": Raises(lambda: tr.output_error_check(QuadraticCost, [1.0], [0.0], h=NAN), "h"),
    },
    "helpers.training.Run": {
        "type": Raises(lambda: tr.Run("network", {"epoch": [1], "train_cost": [0.5]}), "network"),
        "shape": Raises(lambda: run(train_cost=[0.5]), "history"),
        "nan": Raises(lambda: run(train_cost=[0.5, NAN]), "history"),
    },
    "helpers.training.train_each_cost": {
        "type": Raises(lambda: tr.train_each_cost("digits"), "data"),
        "shape": Raises(lambda: tr.train_each_cost(_digits(), costs=()), "costs"),
        "nan": Raises(lambda: tr.train_each_cost(_digits(), eta=NAN), "eta"),
        "more": [Raises(lambda: tr.train_each_cost(_digits(), hidden=2.5), "hidden"),
                 Raises(lambda: tr.train_each_cost(_digits(), epochs=NAN), "epochs")],
    },
    "helpers.training.misclassified": {
        "type": Raises(lambda: tr.misclassified(net(), X(), "010"), "labels"),
        "shape": Raises(lambda: tr.misclassified(net(), X(), [0, 1]), "labels"),
        "nan": Raises(lambda: tr.misclassified(net(), nan_at(X()), [0, 1, 0]), "X"),
    },
    "helpers.training.one_blas_thread": NO_ARGUMENTS,

    # ---- helpers.validate (the name passed is the argument the message names)
    "helpers.validate.real": {
        "type": Raises(lambda: validate.real("1", "x"), "x"),
        "shape": Raises(lambda: validate.real(np.ones(2), "x"), "x"),
        "nan": Raises(lambda: validate.real(NAN, "x"), "x"),
        "more": [Raises(lambda: validate.real(2.0, "x", high=1.0), "x"),
                 Raises(lambda: validate.real("1", 3), "name")],
    },
    "helpers.validate.positive": {
        "type": Raises(lambda: validate.positive(True, "eta"), "eta"),
        "shape": Raises(lambda: validate.positive([0.1], "eta"), "eta"),
        "nan": Raises(lambda: validate.positive(NAN, "eta"), "eta"),
    },
    "helpers.validate.integer": {
        "type": Raises(lambda: validate.integer(2.5, "n"), "n"),
        "shape": Raises(lambda: validate.integer(np.arange(2), "n"), "n"),
        "nan": Raises(lambda: validate.integer(NAN, "n"), "n"),
        "more": [Raises(lambda: validate.integer(-1, "n", low=0), "n")],
    },
    "helpers.validate.positive_int": {
        "type": Raises(lambda: validate.positive_int("3", "size"), "size"),
        "shape": Raises(lambda: validate.positive_int(0, "size"), "size"),
        "nan": Raises(lambda: validate.positive_int(NAN, "size"), "size"),
    },
    "helpers.validate.float_array": {
        "type": Raises(lambda: validate.float_array([[1.0], "a"], "X"), "X"),
        "shape": Raises(lambda: validate.float_array(np.zeros((2, 3)), "X", shape=(3, None)), "X"),
        "nan": Raises(lambda: validate.float_array([1.0, NAN], "X"), "X"),
        "more": [Raises(lambda: validate.float_array(np.zeros(3), "X", ndim=2), "X")],
    },
    "helpers.validate.function": {
        "type": Raises(lambda: validate.function(3, "callback"), "callback"),
        "shape": NoSuch("takes one object: no arrays or sizes"),
        "nan": Raises(lambda: validate.function(NAN, "callback"), "callback"),
    },
    "helpers.validate.choice": {
        "type": Raises(lambda: validate.choice(["a"], "mode", {"a", "b"}), "mode"),
        "shape": Raises(lambda: validate.choice("c", "mode", ("a", "b")), "mode"),
        "nan": Raises(lambda: validate.choice(NAN, "mode", ("a", "b")), "mode"),
    },
    "helpers.validate.sequence": {
        "type": Raises(lambda: validate.sequence("abc", "steps", "a list of steps"), "steps"),
        "shape": Raises(lambda: validate.sequence(3, "depths", "a range of depths"), "depths"),
        "nan": Raises(lambda: validate.sequence(NAN, "edges", "a list of edges"), "edges"),
    },
    "helpers.validate.instance": {
        "type": Raises(lambda: validate.instance("net", "net", Network), "net"),
        "shape": NoSuch("takes one object: no arrays or sizes"),
        "nan": Raises(lambda: validate.instance(NAN, "output", Value), "output"),
    },

    # ---- helpers.walks
    "helpers.walks.Path": {
        "type": Raises(lambda: wa.Path("edges", 1.0), "edges"),
        "shape": Raises(on_graph(lambda a, b, e: wa.Path(((a, e),), 1.0)), "edges"),
        "nan": Raises(lambda: wa.Path((), NAN), "product"),
    },
    "helpers.walks.paths": {
        "type": Raises(on_graph(lambda a, b, e: wa.paths("e", b)), "output"),
        "shape": Raises(lambda: wa.paths(graph()[2], Value(1.0)), "wrt"),
        "nan": Raises(on_graph(lambda a, b, e: wa.paths(e, b, limit=NAN)), "limit"),
    },
    "helpers.walks.path_sum": {
        "type": Raises(lambda: wa.path_sum(graph()[2], "b"), "wrt"),
        "shape": Raises(on_graph(lambda a, b, e: wa.path_sum(e, b, limit=0)), "limit"),
        "nan": Raises(on_graph(lambda a, b, e: wa.path_sum(e, b, limit=NAN)), "limit"),
    },
    "helpers.walks.count_paths": {
        "type": Raises(lambda: wa.count_paths(graph()[2], 1.0), "wrt"),
        "shape": Raises(on_graph(lambda a, b, e: wa.count_paths(b, e)), "wrt"),
        "nan": NoSuch("takes Values, which refuse NaN themselves (see helpers.graph.Value)"),
    },
    "helpers.walks.forward_mode": {
        "type": Raises(lambda: wa.forward_mode(graph()[2], "b"), "wrt"),
        "shape": Raises(lambda: wa.forward_mode([], graph()[1]), "output"),
        "nan": NoSuch("takes Values, which refuse NaN themselves (see helpers.graph.Value)"),
    },
    "helpers.walks.reverse_mode": {
        "type": Raises(lambda: wa.reverse_mode([graph()[2]]), "output"),
        "shape": NoSuch("takes one Value: no arrays or sizes"),
        "nan": NoSuch("takes Values, which refuse NaN themselves (see helpers.graph.Value)"),
    },
    "helpers.walks.Term": {
        "type": Raises(lambda: wa.Term("a", "da/db", 1.0, 0.0), "node"),
        "shape": Raises(lambda: wa.Term(Value(1.0), "da/db", [1.0, 2.0], 0.0), "derivative"),
        "nan": Raises(lambda: wa.Term(Value(1.0), "da/db", 1.0, NAN), "value"),
    },
    "helpers.walks.Step": {
        "type": Raises(lambda: wa.Step("forward", Value(1.0), "da/da", 1.0, "terms"), "terms"),
        "shape": Raises(lambda: wa.Step("sideways", Value(1.0), "da/da", 1.0, ()), "mode"),
        "nan": Raises(lambda: wa.Step("forward", Value(1.0), "da/da", NAN, ()), "value"),
    },
    "helpers.walks.forward_steps": {
        "type": Raises(lambda: wa.forward_steps(graph()[2], None), "wrt"),
        "shape": Raises(on_graph(lambda a, b, e: wa.forward_steps(e, e.parents[0])), "wrt"),
        "nan": NoSuch("takes Values, which refuse NaN themselves (see helpers.graph.Value)"),
    },
    "helpers.walks.reverse_steps": {
        "type": Raises(lambda: wa.reverse_steps("e"), "output"),
        "shape": Raises(lambda: wa.reverse_steps(graph()[2].topo()), "output"),
        "nan": NoSuch("takes Values, which refuse NaN themselves (see helpers.graph.Value)"),
    },
    "helpers.walks.OperationCounts": {
        "type": Raises(lambda: wa.OperationCounts("2", 6, 2, 4, 12, 6), "inputs"),
        "shape": Raises(lambda: wa.OperationCounts(2, -6, 2, 4, 12, 6), "edges"),
        "nan": Raises(lambda: wa.OperationCounts(2, 6, NAN, 4, 12, 6), "paths"),
    },
    "helpers.walks.count_operations": {
        "type": Raises(lambda: wa.count_operations(graph()[2], wrt="a"), "wrt"),
        "shape": Raises(lambda: wa.count_operations(graph()[2], wrt=[]), "wrt"),
        "nan": NoSuch("takes Values, which refuse NaN themselves (see helpers.graph.Value)"),
    },
    "helpers.walks.DiamondChain": {
        "type": Raises(lambda: wa.DiamondChain("X", Value(1.0), ((0.5,),), ()), "input"),
        "shape": Raises(lambda: wa.DiamondChain(*wa.diamond_chain(2, 2)[:3], ()), "stages"),
        "nan": Raises(lambda: wa.DiamondChain(Value(1.0), Value(1.0), ((NAN,),), ()), "weights"),
    },
    "helpers.walks.diamond_chain": {
        "type": Raises(lambda: wa.diamond_chain(2.0, 3), "depth"),
        "shape": Raises(lambda: wa.diamond_chain(2, 2, weights=[[0.5, 0.5]]), "weights"),
        "nan": Raises(lambda: wa.diamond_chain(2, 2, x=NAN), "x"),
    },
    "helpers.walks.diamond_counts": {
        "type": Raises(lambda: wa.diamond_counts("2", 3), "depth"),
        "shape": Raises(lambda: wa.diamond_counts(2, 0), "width"),
        "nan": Raises(lambda: wa.diamond_counts(2, NAN), "width"),
    },
    "helpers.walks.many_inputs_function": {
        "type": Raises(lambda: wa.many_inputs_function("10"), "n"),
        "shape": Raises(lambda: wa.many_inputs_function(0), "n"),
        "nan": Raises(lambda: wa.many_inputs_function(NAN), "n"),
    },
    "helpers.walks.many_outputs_function": {
        "type": Raises(lambda: wa.many_outputs_function(2.5), "m"),
        "shape": Raises(lambda: wa.many_outputs_function(-3), "m"),
        "nan": Raises(lambda: wa.many_outputs_function(NAN), "m"),
    },
    "helpers.walks.time_modes": {
        "type": Raises(lambda: wa.time_modes(10), "sizes"),
        "shape": Raises(lambda: wa.time_modes([]), "sizes"),
        "nan": Raises(lambda: wa.time_modes([4, NAN]), "sizes"),
        "more": [Raises(lambda: wa.time_modes([4], many="both"), "many")],
    },
    "helpers.walks.loglog_slope": {
        "type": Raises(lambda: wa.loglog_slope("12", [1.0, 2.0]), "xs"),
        "shape": Raises(lambda: wa.loglog_slope([1.0, 2.0], [1.0]), "xs"),
        "nan": Raises(lambda: wa.loglog_slope([1.0, 2.0], [1.0, NAN]), "ys"),
    },

    # ---- helpers.widgets (panels: construction with bad arguments)
    "helpers.widgets.Panel": NO_ARGUMENTS,
    "helpers.widgets.all_panels": NO_ARGUMENTS,
    "helpers.widgets.new_figure": {
        "type": Raises(lambda: wi.new_figure(figsize="big"), "figsize"),
        "shape": Raises(lambda: wi.new_figure(figsize=(4.0, 3.0, 2.0)), "figsize"),
        "nan": Raises(lambda: wi.new_figure(figsize=(NAN, 3.0)), "figsize"),
        "more": [Raises(lambda: wi.new_figure(colour="red"), "new_figure")],
    },
    "helpers.widgets.descent.ParabolaPanel": {
        "type": Raises(lambda: wd.ParabolaPanel(eta="0.2"), "eta"),
        "shape": Raises(lambda: wd.ParabolaPanel(steps=0), "steps"),
        "nan": Raises(lambda: wd.ParabolaPanel(w0=NAN), "w0"),
    },
    "helpers.widgets.descent.ContourPanel": {
        "type": Raises(lambda: wd.ContourPanel(x0="-3"), "x0"),
        "shape": Raises(lambda: wd.ContourPanel(y0=[3.0, 2.0]), "y0"),
        "nan": Raises(lambda: wd.ContourPanel(eta=NAN), "eta"),
    },
    "helpers.widgets.expression.ExpressionPanel": {
        "type": Raises(lambda: we.ExpressionPanel(inputs="a, b"), "inputs"),
        "shape": Raises(lambda: we.ExpressionPanel(inputs={"a": (1.0, 2.0)}), "inputs"),
        "nan": Raises(lambda: we.ExpressionPanel(step=NAN), "step"),
        "more": [Raises(lambda: we.ExpressionPanel(inputs={"a": (NAN, -1.0, 1.0),
                                                           "b": (0.0, -1.0, 1.0)}), "inputs")],
    },
    "helpers.widgets.expression.running_example": {
        "type": Raises(lambda: we.running_example("a", Value(1.0)), "a"),
        "shape": Raises(lambda: we.running_example(Value(2.0), [Value(1.0)]), "b"),
        "nan": Raises(lambda: we.running_example(NAN, Value(1.0)), "a"),
    },
    "helpers.widgets.modes.ModeStepPanel": {
        "type": Raises(lambda: wm.ModeStepPanel(a="2"), "a"),
        "shape": Raises(lambda: wm.ModeStepPanel(done=6), "done"),
        "nan": Raises(lambda: wm.ModeStepPanel(b=NAN), "b"),
    },
    "helpers.widgets.network.NetworkPanel": {
        "type": Raises(lambda: wn.NetworkPanel(eta="2"), "eta"),
        "shape": Raises(lambda: wn.NetworkPanel(x=(0.5, -1.0, 0.0)), "x"),
        "nan": Raises(lambda: wn.NetworkPanel(y=(NAN, 0.0)), "y"),
    },
    "helpers.widgets.paths.PathCountPanel": {
        "type": Raises(lambda: wp.PathCountPanel(max_depth="12"), "max_depth"),
        "shape": Raises(lambda: wp.PathCountPanel(width=7), "width"),
        "nan": Raises(lambda: wp.PathCountPanel(x=NAN), "x"),
    },
    "helpers.widgets.slowdown.SlowdownPanel": {
        "type": Raises(lambda: ws.SlowdownPanel(w0="2"), "w0"),
        "shape": Raises(lambda: ws.SlowdownPanel(epochs=5000), "epochs"),
        "nan": Raises(lambda: ws.SlowdownPanel(eta=NAN), "eta"),
    },
}


# ---- what the modules export ----------------------------------------------------------------

def exported_names():
    """module.qualname of every class and function in a helpers module's __all__."""
    names = set()
    modules = [helpers] + [importlib.import_module(info.name)
                           for info in pkgutil.walk_packages(helpers.__path__, "helpers.")]
    for module in modules:
        for attr in getattr(module, "__all__", ()):
            obj = getattr(module, attr)
            if inspect.isclass(obj) or inspect.isfunction(obj):
                names.add(f"{obj.__module__}.{obj.__qualname__}")
    return names


def resolve(name):
    """The object a table key names (a module attribute, or a method of an exported class)."""
    parts = name.split(".")
    for i in range(len(parts) - 1, 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        for part in parts[i:]:
            obj = getattr(obj, part)
        return obj
    raise LookupError(name)


def test_every_exported_name_is_audited():
    missing = sorted(exported_names() - set(AUDIT))
    assert not missing, f"exported but not in the bad-input table (add them to AUDIT): {missing}"


def test_the_table_names_only_real_things():
    exported = exported_names()
    for name, entry in AUDIT.items():
        obj = resolve(name)                        # raises for a stale entry
        if name not in exported:                   # a method of an exported class
            owner = name.rsplit(".", 1)[0]
            assert owner in exported and callable(obj), name
        assert set(entry) - {"more"} == set(KINDS), f"{name} needs exactly {KINDS} (+ 'more')"
        for kind in KINDS:
            assert isinstance(entry[kind], (Raises, NotYet, NoSuch)), (name, kind)
            if isinstance(entry[kind], NoSuch):
                assert len(entry[kind].reason) >= 15, (name, kind)


CASES = [(name, kind) for name, entry in AUDIT.items() for kind in KINDS]
MORE = [(name, i) for name, entry in AUDIT.items() for i in range(len(entry.get("more", ())))]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def check(entry):
    if isinstance(entry, NoSuch):
        return
    if isinstance(entry, NotYet):
        result = entry.call()
        assert isinstance(result, checks.CheckResult) and not result, result
        assert repr(result).startswith("Not yet: "), repr(result)
        return
    pattern = "^" + re.escape(entry.argument) + r"(?!\w)"
    with pytest.raises((TypeError, ValueError), match=pattern) as excinfo:
        entry.call()
    where = pathlib.Path(str(excinfo.traceback[-1].path)).resolve()
    assert where.is_relative_to(HELPERS), (
        f"raised inside {where}, not by helpers: {excinfo.type.__name__}: {excinfo.value}")


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("name, kind", CASES, ids=[f"{n}-{k}" for n, k in CASES])
def test_bad_call(name, kind):
    check(AUDIT[name][kind])


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("name, index", MORE, ids=[f"{n}-more{i}" for n, i in MORE])
def test_more_bad_calls(name, index):
    check(AUDIT[name]["more"][index])


def test_the_audit_is_big_enough():
    """A floor, so that rows are not quietly dropped: the counts when the audit was written."""
    calls = sum(not isinstance(AUDIT[n][k], NoSuch) for n, k in CASES) + len(MORE)
    assert len(exported_names()) >= 150 and calls >= 500, (len(exported_names()), calls)
