"""The bad-input audit of the door (DESIGN.md, "Checks at the door").

The door is where a learner or a notebook calls in: every class and function a
notebook imports (parsed from the `from helpers... import ...` lines of
notebooks/*.ipynb, so the list keeps itself up to date), `Network`'s public
methods, and every panel's constructor (the panel registry of helpers.widgets).

AUDIT maps each door name to its bad calls, or to a sentence saying why it has
none. `Raises(argument, call)`: TypeError/ValueError whose message starts with
the argument's name, raised by helpers code (the traceback's last frame is in
helpers/). `NotYet(call)`: an exercise check given a wrong answer says "Not
yet: ...", never raises. Exercise checks (`check_*`) that take the learner's
answer first and give every other parameter a default need no row: bad answers
must get "Not yet", and a bad value for each other parameter must raise naming
it. A name a notebook newly imports without a row fails the audit.
"""
import functools
import importlib
import inspect
import json
import math
import pathlib
import re
from typing import Callable, NamedTuple

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
HELPERS = pathlib.Path(helpers.__file__).resolve().parent
NAN = float("nan")


class Raises(NamedTuple):
    argument: str
    call: Callable


class NotYet(NamedTuple):
    call: Callable


# ---- the door ------------------------------------------------------------------------------

IMPORT = re.compile(r"^[ \t]*from[ \t]+(helpers(?:\.\w+)*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)",
                    re.MULTILINE)


def imports_in(source):
    """[(module, name, alias)] of every `from helpers... import ...` in a cell's source."""
    source = re.sub(r"#[^\n]*", "", source).replace("\\\n", " ")
    out = []
    for module, names in IMPORT.findall(source):
        for item in names.strip("() \t\n").split(","):
            if item.strip():
                name, _, alias = item.strip().partition(" as ")
                out.append((module, name.strip(), alias.strip() or name.strip()))
    return out


def notebook_sources():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                yield path.name, "".join(cell["source"])


@functools.lru_cache(maxsize=1)
def notebook_imports():
    """{alias: (module, name, notebook)}: what the notebooks import from helpers."""
    found = {}
    for notebook, source in notebook_sources():
        for module, name, alias in imports_in(source):
            found.setdefault(alias, (module, name, notebook))
    return found


class Door:
    """The notebooks' names, imported as the notebooks import them (when first used)."""

    def __getattr__(self, alias):
        if alias not in notebook_imports():
            raise AttributeError(f"no notebook imports {alias}")
        module, name, _ = notebook_imports()[alias]
        return getattr(importlib.import_module(module), name)


N = Door()


def panels():
    from helpers.widgets import all_panels
    return {cls.__name__: cls for cls in all_panels().values()}


def network_methods():
    return sorted(f"Network.{m}" for m, f in inspect.getmembers(N.Network, inspect.isfunction)
                  if not m.startswith("_"))


def follows_check_convention(fn):
    """The answer first with no default, the exercise's own parameters after it with defaults."""
    params = list(inspect.signature(fn).parameters.values())
    return bool(params) and params[0].default is params[0].empty \
        and all(p.default is not p.empty for p in params[1:])


def door_names(imports):
    """The names that need a row in AUDIT: functions and classes (not constants, even callable
    ones such as numpy's Polynomial), except the conventional exercise checks."""
    names = set(network_methods()) | set(panels())
    for alias, (module, name, _) in imports.items():
        obj = getattr(importlib.import_module(module), name, None)   # None: see the test below
        if (inspect.isroutine(obj) or inspect.isclass(obj)) and not (
                alias.startswith("check_") and follows_check_convention(obj)):
            names.add(alias)
    return names


def checks():
    """The conventional exercise checks the notebooks import: {name: function}."""
    return {alias: getattr(N, alias) for alias in notebook_imports()
            if alias.startswith("check_") and follows_check_convention(getattr(N, alias))}


# ---- things to call with (small and seeded) ------------------------------------------------

def net():
    return N.Network([2, 3, 2], seed=0)


def X(m=3, n=2):
    return np.random.default_rng(0).uniform(-1, 1, (n, m))


def Y(m=3, n=2):
    return np.eye(n)[:, np.arange(m) % n]


def nan_at(array, index=0):
    array = np.array(array, dtype=float)
    array.flat[index] = NAN
    return array


def graph():
    """a, b and the running example e = (a + b)(b + 1)."""
    a, b = N.Value(2.0, "a"), N.Value(1.0, "b")
    return a, b, N.running_example(a, b)


def e():
    return graph()[2]


def steps():
    out = e()
    return out, N.forward_steps(out, [v for v in out.topo() if v.label == "b"][0])


def axes(n):
    return list(np.atleast_1d(plt.figure().subplots(1, n)))


def mode_rows(**changes):
    row = {"n": 2, "forward_s": 1e-5, "reverse_s": 1e-5, "ratio": 1.0, "passes_timed": 2,
           "forward_ops": 12, "reverse_ops": 6}
    return [row, {**row, "n": 4, "ratio": 2.0, "forward_ops": 56, "reverse_ops": 14, **changes}]


def memory_rows(**changes):
    first, second = N.graph_memory([2, 4])
    return [first, {**second, **changes}]


def parabola(hess=False):
    """f and grad (and hess) of the parabola C(w) = (w + 1)², to descend it from w = 5."""
    return (N.PARABOLA.f, N.PARABOLA.grad) + ((N.PARABOLA.hess,) if hess else ())


def call(name, **kwargs):
    """A panel (by its class name) or a name the notebooks import, called with kwargs."""
    return (panels()[name] if name in panels() else getattr(N, name))(**kwargs)


def bad_keywords(name, **bad):
    """A bad call for each keyword: name(keyword=value) must raise naming the keyword."""
    return [Raises(key, functools.partial(call, name, **{key: value}))
            for key, value in bad.items()]


def bad_values(argument, fn, *values):
    """A bad call for each value (built once, with the table): fn(value) must raise naming it."""
    return [Raises(argument, functools.partial(fn, value)) for value in values]


NONE = "takes no arguments"
SHOWN = "shown with show_source, never called by a notebook (checked by a test)"
COST = "a cost is a class of formulas used, not called: Network(cost=...) checks it"


# ---- the table ----------------------------------------------------------------------------

AUDIT = {
    # helpers, helpers.style, helpers.plots
    "show_source": [Raises("show_source", lambda: N.show_source("sigmoid"))],
    "use_style": NONE,
    "use_language": bad_values("name", lambda name: N.use_language(name), "fr", None),
    "say": [Raises("key", lambda: N.say("no such sentence")),
            Raises("values", lambda: N.say("nb01_nudge_rate"))],
    "phrase": [Raises("key", lambda: N.phrase(3)),
               Raises("values", lambda: N.phrase("nb01_nudge_rate"))],
    "as_image": [Raises("fig", lambda: N.as_image("figure"))],

    # activations and costs: formulas, plain numpy; Network checks its cost at the door
    "sigmoid": bad_values("z", lambda z: N.sigmoid(z), "0.5", [0.0, NAN]),
    "sigmoid_prime": bad_values("z", lambda z: N.sigmoid_prime(z), [["a"]], NAN),
    "softmax": bad_values("z", lambda z: N.softmax(z), {"z": 1}, np.zeros((2, 2, 2)),
                          nan_at(np.zeros((3, 2)), 4)),
    "QuadraticCost": COST, "CrossEntropyCost": COST, "LogLikelihoodCost": COST,

    # the graph and the walks
    "Value": [*bad_values("Value data", lambda v: N.Value(v), "2.0", np.array([1.0, 2.0]), NAN),
              Raises("label", lambda: N.Value(1.0, label=3)),
              Raises("the number added", lambda: N.Value(1.0) + "1"),
              Raises("the factor", lambda: NAN * N.Value(1.0)),
              Raises("the divisor", lambda: N.Value(1.0) / NAN),
              Raises("the exponent", lambda: N.Value(1.0) ** N.Value(2.0))],
    "running_example": [Raises("a", lambda: N.running_example("a", N.Value(1.0))),
                        Raises("b", lambda: N.running_example(N.Value(2.0), [N.Value(1.0)])),
                        Raises("a", lambda: N.running_example(NAN, N.Value(1.0)))],
    "paths": [Raises("output", lambda: N.paths("e", graph()[1])),
              Raises("wrt", lambda: N.paths(e(), N.Value(1.0))),
              Raises("limit", lambda: N.paths(*graph()[2:0:-1], limit=NAN))],
    "path_sum": [Raises("wrt", lambda: N.path_sum(e(), "b")),
                 Raises("limit", lambda: N.path_sum(*graph()[2:0:-1], limit=0))],
    "count_paths": [Raises("wrt", lambda: N.count_paths(e(), 1.0)),
                    Raises("wrt", lambda: N.count_paths(graph()[1], e()))],
    "forward_mode": [Raises("wrt", lambda: N.forward_mode(e(), "b")),
                     Raises("output", lambda: N.forward_mode([], graph()[1]))],
    "reverse_mode": [Raises("output", lambda: N.reverse_mode([e()]))],
    "forward_steps": [Raises("wrt", lambda: N.forward_steps(e(), None))],
    "reverse_steps": [Raises("output", lambda: N.reverse_steps("e")),
                      Raises("output", lambda: N.reverse_steps(e().topo()))],
    "count_operations": bad_values("wrt", lambda wrt: N.count_operations(e(), wrt=wrt), "a", []),
    "diamond_chain": [Raises("depth", lambda: N.diamond_chain(2.0, 3)),
                      Raises("width", lambda: N.diamond_chain(2, 0)),
                      Raises("x", lambda: N.diamond_chain(2, 2, x=NAN))],
    "many_inputs_function": bad_values("n", lambda n: N.many_inputs_function(n), "10", 0, NAN),
    "time_modes": [*bad_values("sizes", lambda sizes: N.time_modes(sizes), 10, [], [4, NAN]),
                   Raises("many", lambda: N.time_modes([4], many="both"))],
    "graph_memory": bad_values("sizes", lambda sizes: N.graph_memory(sizes), 10, [], [4, NAN]),
    "median_seconds": [Raises("fn", lambda: N.median_seconds("fn")),
                       Raises("repeat", lambda: N.median_seconds(lambda: None, repeat=0)),
                       Raises("at_least", lambda: N.median_seconds(lambda: None, at_least=NAN))],
    "loglog_slope": [Raises("xs", lambda: N.loglog_slope("12", [1.0, 2.0])),
                     Raises("xs", lambda: N.loglog_slope([1.0, 2.0], [1.0])),
                     Raises("ys", lambda: N.loglog_slope([1.0, 2.0], [1.0, NAN]))],
    "draw_graph": [Raises("output", lambda: N.draw_graph("e")),
                   Raises("highlight", lambda: N.draw_graph(e(), highlight=[(1,)])),
                   Raises("fmt", lambda: N.draw_graph(e(), fmt=3))],
    "draw_each_path": [Raises("wrt", lambda: N.draw_each_path(e(), "b")),
                       Raises("axes", lambda: N.draw_each_path(*graph()[2:0:-1], axes=axes(1)))],
    "plot_work": [Raises("depths", lambda: N.plot_work(3, depths="1-12")),
                  *bad_values("width", lambda width: N.plot_work(width), 0, NAN)],
    "draw_steps": [Raises("steps", lambda: N.draw_steps(e(), "steps")),
                   *bad_values("done", lambda done: N.draw_steps(*steps(), done=done), -1, NAN)],
    "plot_mode_ratios": bad_values("rows", lambda rows: N.plot_mode_ratios(rows), "rows",
                                   mode_rows()[:1], mode_rows(ratio=NAN)),
    "plot_memory": [Raises("rows", lambda: N.plot_memory("rows")),
                    Raises("rows", lambda: N.plot_memory(memory_rows()[:1])),
                    Raises("rows", lambda: N.plot_memory(memory_rows(graph_bytes=NAN))),
                    Raises("ax", lambda: N.plot_memory(memory_rows(), ax=axes(2)))],

    # gradient descent and the optimisers
    "gradient_descent": [Raises("f", lambda: N.gradient_descent("f", N.PARABOLA.grad, 5.0)),
                         Raises("start", lambda: N.gradient_descent(*parabola(), (1.0, 2.0, 3.0))),
                         Raises("eta", lambda: N.gradient_descent(*parabola(), 5.0, eta=NAN)),
                         Raises("steps", lambda: N.gradient_descent(*parabola(), 5.0, steps=2.5))],
    "update_factor": [*bad_values("eta", lambda eta: N.update_factor(eta), "0.1", NAN),
                      Raises("curvature", lambda: N.update_factor(0.1, curvature=[1.0, 10.0]))],
    "regime": [*bad_values("eta", lambda eta: N.regime(eta), np.array([0.1, 0.2]), NAN),
               Raises("curvature", lambda: N.regime(0.1, curvature="2"))],
    "stationary_points": [Raises("poly", lambda: N.stationary_points([1.0, 2.0, 1.0]))],
    "load_petals": NONE,
    "minibatch_descent": [
        Raises("problem", lambda: N.minibatch_descent("petals")),
        Raises("batch_size", lambda: N.minibatch_descent(N.load_petals(), batch_size=151)),
        Raises("start", lambda: N.minibatch_descent(N.load_petals(), start=(1.0,))),
        Raises("eta", lambda: N.minibatch_descent(N.load_petals(), eta=NAN))],
    "sign_descent": [
        Raises("grad", lambda: N.sign_descent(N.PARABOLA.f, "grad", 5.0)),
        Raises("step", lambda: N.sign_descent(*parabola(), 5.0, step=NAN)),
        Raises("schedule", lambda: N.sign_descent(*parabola(), 5.0, schedule="linear"))],
    "newton_method": [
        Raises("hess", lambda: N.newton_method(*parabola(), "hess", 5.0)),
        Raises("start", lambda: N.newton_method(*parabola(hess=True), (1.0, 2.0, 3.0))),
        Raises("steps", lambda: N.newton_method(*parabola(hess=True), 5.0, steps=2.5))],
    "compare_methods": bad_keywords("compare_methods", loss="Rosenbrock", start=(1.0, 2.0, 3.0),
                                    target=NAN),
    "comparison_table": bad_values("runs", lambda runs: N.comparison_table(runs), "runs", []),
    "explore_moves": SHOWN,
    "draw_parabola_descent": [*bad_keywords("draw_parabola_descent", w0="5", eta=NAN),
                              Raises("axes", lambda: N.draw_parabola_descent(axes=axes(3)))],
    "draw_contour_descent": [*bad_keywords("draw_contour_descent", start="top left", eta=NAN),
                             Raises("start", lambda: N.draw_contour_descent(start=(1.0,)))],
    "plot_regimes": bad_values("etas", lambda etas: N.plot_regimes(etas=etas), "0.2, 0.5", (),
                               (0.2, NAN)),
    "plot_distance": [Raises("path", lambda: N.plot_distance("path")),
                      Raises("minimum", lambda: N.plot_distance(
                          N.gradient_descent(*parabola(), 5.0, steps=3), minimum=NAN))],
    "plot_comparison": bad_values("runs", lambda runs: N.plot_comparison(runs), "runs", []),
    "plot_convexity": [*bad_keywords("plot_convexity", axes="two axes"),
                       Raises("axes", lambda: N.plot_convexity(axes=axes(3)))],
    "plot_batch_paths": [
        Raises("problem", lambda: N.plot_batch_paths("petals", [])),
        *bad_values("runs", lambda runs: N.plot_batch_paths(N.load_petals(), runs), [], ["batch"]),
        Raises("axes", lambda: N.plot_batch_paths(
            N.load_petals(), [N.minibatch_descent(N.load_petals(), steps=2)], axes=axes(1)))],
    "plot_valley": [
        *bad_values("paths", lambda paths: N.plot_valley(paths), ["path"], {"gd": "path"}),
        *bad_values("window", lambda window: N.plot_valley({}, window=window), (-1.0, 1.0),
                    ((-1.0, NAN), (0.0, 1.0)))],

    # the network
    "Network": [*bad_values("sizes", lambda sizes: N.Network(sizes), "2-3-2", [3], [2, NAN, 2]),
                Raises("cost", lambda: N.Network([2, 3, 2], cost="hinge")),
                Raises("seed", lambda: N.Network([2, 3, 2], seed=-1))],
    "Network.copy": NONE,
    "Network.check_batch": [Raises("X", lambda: net().check_batch(X(n=3), Y())),
                            Raises("Y", lambda: net().check_batch(X(), nan_at(Y())))],
    "Network.forward": bad_values("X", lambda x: net().forward(x), "X", X(n=3), nan_at(X())),
    "Network.feedforward": bad_values("X", lambda x: net().feedforward(x), [["a", "b"]],
                                      np.zeros(3), [NAN, 0.0]),
    "Network.backprop": [*bad_values("Y", lambda y: net().backprop(X(), y), "Y", Y(m=4)),
                         Raises("X", lambda: net().backprop(nan_at(X()), Y()))],
    "Network.deltas": [Raises("X", lambda: net().deltas(None, Y())),
                       *bad_values("Y", lambda y: net().deltas(X(), y), Y(n=3), nan_at(Y()))],
    "Network.update_mini_batch": [
        *bad_values("eta", lambda eta: net().update_mini_batch(X(), Y(), eta), "0.5", NAN),
        Raises("X", lambda: net().update_mini_batch(X().T, Y(), 0.5))],
    "Network.sgd": [
        *bad_values("mini_batch_size", lambda size: net().sgd(X(), Y(), 1, size, 0.5), 2.5, 4),
        Raises("eta", lambda: net().sgd(X(), Y(), 1, 2, NAN)),
        Raises("epochs", lambda: net().sgd(X(), Y(), "1", 2, 0.5)),
        Raises("X", lambda: net().sgd(nan_at(X()), Y(), 1, 2, 0.5)),
        Raises("X_test", lambda: net().sgd(X(), Y(), 1, 2, 0.5, test=(X(n=3), Y()))),
        Raises("callback", lambda: net().sgd(X(), Y(), 1, 2, 0.5, callback=3))],
    "Network.train_epoch": [
        Raises("rng", lambda: net().train_epoch(X(), Y(), 2, 0.5, rng=0)),
        Raises("mini_batch_size", lambda: net().train_epoch(X(), Y(), 0, 0.5,
                                                            np.random.default_rng(0))),
        Raises("X", lambda: net().train_epoch(nan_at(X()), Y(), 2, 0.5, np.random.default_rng(0)))],
    "Network.cost_value": bad_values("Y", lambda y: net().cost_value(X(), y), [["a"] * 3] * 2,
                                     np.zeros((2, 3, 1)), nan_at(Y(), 5)),
    "Network.accuracy": [Raises("X", lambda: net().accuracy({"x": 1}, Y())),
                         Raises("labels", lambda: net().accuracy(X(), np.array([0, 1, 2]))),
                         Raises("Y", lambda: net().accuracy(X(), [NAN, 1.0, 0.0]))],
    "numerical_gradient": [Raises("h", lambda: N.numerical_gradient(net(), X(), Y(), h="1e-5")),
                           Raises("X", lambda: N.numerical_gradient(net(), X().T, Y())),
                           Raises("Y", lambda: N.numerical_gradient(net(), X(), nan_at(Y())))],
    "gradient_check": [
        Raises("backprop", lambda: N.gradient_check(net(), X(), Y(), backprop="mine")),
        *bad_values("X", lambda x: N.gradient_check(net(), x, Y()), X(n=3), nan_at(X())),
        Raises("net", lambda: N.gradient_check("net", X(), Y()))],
    "planted_bug": [Raises("net", lambda: N.planted_bug("net")),
                    Raises("kind", lambda: N.planted_bug(net(), "untransposed weight")),
                    Raises("X", lambda: N.planted_bug(net())(X().T, Y()))],
    "all_gradients": [*bad_values("X", lambda x: N.all_gradients(net(), x, Y()), "X", nan_at(X())),
                      Raises("Y", lambda: N.all_gradients(net(), X(), Y(n=3)))],
    "value_network": [Raises("Y", lambda: N.value_network(net(), X(), "Y")),
                      Raises("X", lambda: N.value_network(net(), nan_at(X()), Y())),
                      Raises("value_network", lambda: N.value_network(
                          N.Network([100, 100, 10]), np.zeros((100, 5)), np.zeros((10, 5))))],
    "draw_network": [
        Raises("x", lambda: N.draw_network(net(), "x")),
        Raises("weight_labels", lambda: N.draw_network(net(), [0.5, -1.0], weight_labels=[(0, 0)])),
        Raises("y", lambda: N.draw_network(net(), [0.5, -1.0], y=[NAN, 0.0]))],
    "draw_dominoes": [Raises("y", lambda: N.draw_dominoes(net(), [0.5, -1.0], "y")),
                      Raises("x", lambda: N.draw_dominoes(net(), X(), Y())),
                      Raises("net", lambda: N.draw_dominoes("net", [0.5, -1.0], [1.0, 0.0])),
                      Raises("ax", lambda: N.draw_dominoes(net(), [0.5, -1.0], [1.0, 0.0], ax=1))],

    # the slowdown and the neuron
    "train_neuron": [*bad_keywords("train_neuron", x="1", eta=NAN),
                     Raises("w0", lambda: N.train_neuron(w0=np.zeros(2), b0=np.zeros(3)))],
    "example_cost": [Raises("a", lambda: N.example_cost("quadratic", "0.5", 0.0)),
                     Raises("y", lambda: N.example_cost("quadratic", 0.5, [0.0, 1.0])),
                     Raises("a", lambda: N.example_cost("cross-entropy", [0.5, NAN], 0.0))],
    "plot_starts": [
        *bad_values("histories", lambda h: N.plot_starts(h), {"quadratic": "history"}, {}),
        Raises("target", lambda: N.plot_starts({"quadratic": N.train_neuron(epochs=4)},
                                               target=NAN))],
    "plot_sigmoid_points": [
        *bad_values("points", lambda p: N.plot_sigmoid_points(p), {"a": ("2", {})},
                    {"a": (NAN, {})}),
        Raises("z_range", lambda: N.plot_sigmoid_points({}, z_range=(-6, 0, 6)))],
    "plot_costs_of_output": bad_values("y", lambda y: N.plot_costs_of_output(y=y), "0", [0.0, 1.0],
                                       NAN),

    # softmax and training on the digits
    "load_digits": bad_values("test_fraction", lambda f: N.load_digits(test_fraction=f),
                              "a quarter", 0.0001, NAN),
    "misclassified": [
        *bad_values("labels", lambda labels: N.misclassified(net(), X(), labels), "010", [0, 1]),
        Raises("X", lambda: N.misclassified(net(), nan_at(X()), [0, 1, 0]))],
    "output_error_check": [
        Raises("cost", lambda: N.output_error_check("hinge", [1.0], [0.0])),
        Raises("y", lambda: N.output_error_check(N.QuadraticCost, [1.0, 2.0], [0.0])),
        Raises("h", lambda: N.output_error_check(N.QuadraticCost, [1.0], [0.0], h=NAN))],
    "plot_softmax": [*bad_values("z", lambda z: N.plot_softmax(z), "1, 2", [1.0, NAN]),
                     Raises("target", lambda: N.plot_softmax([1.0, 2.0], target=2))],
    "plot_digit_grid": [
        Raises("images", lambda: N.plot_digit_grid("images", [])),
        Raises("captions", lambda: N.plot_digit_grid(np.zeros((64, 2)), ["a"])),
        Raises("images", lambda: N.plot_digit_grid(nan_at(np.zeros((64, 1))), ["a"])),
        Raises("ncols", lambda: N.plot_digit_grid(np.zeros((64, 1)), ["a"], ncols=0))],
    "plot_training_curves": bad_values("runs", lambda runs: N.plot_training_curves(runs),
                                       "runs", {}),
    "plot_output_slopes": [
        *bad_values("records", lambda records: N.plot_output_slopes(records, 10), "records",
                    {"hinge": np.zeros((3, 4))}, {"quadratic": nan_at(np.zeros((3, 4)))}),
        Raises("steps_per_epoch", lambda: N.plot_output_slopes({"quadratic": np.zeros((3, 4))}, 0)),
        Raises("axes", lambda: N.plot_output_slopes({"quadratic": np.zeros((3, 4))}, 10,
                                                    axes=axes(1)))],
    "Run": "a plain record (DESIGN.md: records do not check themselves) of what Network.sgd gave",
    "one_blas_thread": NONE,
    "ProgressBar": [*bad_values("total", lambda total: N.ProgressBar(total), "12", 0),
                    Raises("description", lambda: N.ProgressBar(12, description=3))],

    # panels: their constructors
    "ExpressionPanel": [
        *bad_keywords("ExpressionPanel", inputs="a, b", step=NAN),
        Raises("inputs", lambda: call("ExpressionPanel", inputs={"a": (1.0, 2.0)}))],
    "PathCountPanel": bad_keywords("PathCountPanel", max_depth="12", width=7, x=NAN),
    "ModeStepPanel": bad_keywords("ModeStepPanel", a="2", done=6, b=NAN),
    "ParabolaPanel": bad_keywords("ParabolaPanel", eta="0.2", steps=0, w0=NAN),
    "ContourPanel": bad_keywords("ContourPanel", x0="-3", y0=[3.0, 2.0], eta=NAN),
    "NetworkPanel": bad_keywords("NetworkPanel", eta="2", x=(0.5, -1.0, 0.0), y=(NAN, 0.0)),
    "SlowdownPanel": bad_keywords("SlowdownPanel", w0="2", epochs=5000, eta=NAN),
    "SoftmaxPanel": [*bad_keywords("SoftmaxPanel", z="2, 1", temperature=NAN),
                     Raises("z", lambda: call("SoftmaxPanel", z=(2.0,)))],

    # exercise checks that do not follow the convention (answer first, own parameters defaulted)
    "check_running_example": [Raises("a", lambda: N.check_running_example("2", 1.0, 6.0)),
                              Raises("b", lambda: N.check_running_example(2.0, NAN, 6.0)),
                              NotYet(lambda: N.check_running_example(2.0, 1.0, "6"))],
    "check_local_derivative": [Raises("a", lambda: N.check_local_derivative(None, 1.0, 2.0)),
                               Raises("b", lambda: N.check_local_derivative(2.0, NAN, 2.0)),
                               NotYet(lambda: N.check_local_derivative(2.0, 1.0, NAN))],
    "check_path_sum": [Raises("a", lambda: N.check_path_sum([2.0, 1.0], 1.0, 5.0)),
                       Raises("b", lambda: N.check_path_sum(2.0, "1", 5.0)),
                       NotYet(lambda: N.check_path_sum(2.0, 1.0, None))],
    "check_diamond_counts": [Raises("depth", lambda: N.check_diamond_counts("3", 2, 8, 12)),
                             Raises("width", lambda: N.check_diamond_counts(3, 0, 8, 12)),
                             NotYet(lambda: N.check_diamond_counts(3, 2, "8", 12)),
                             NotYet(lambda: N.check_diamond_counts(3, 2, 8, NAN))],
    "check_factored": [NotYet(lambda: N.check_factored("chain", 1.0)),
                       NotYet(lambda: N.check_factored(N.diamond_chain(2, 2), NAN))],
    "check_quadratic_gradient": [
        Raises("w", lambda: N.check_quadratic_gradient("2", 2.0, 0.0)),
        Raises("b", lambda: N.check_quadratic_gradient(2.0, np.ones(2), 0.0)),
        NotYet(lambda: N.check_quadratic_gradient(2.0, 2.0, "0.01"))],
    "check_cross_entropy_gradient": [
        Raises("w", lambda: N.check_cross_entropy_gradient([2.0], 2.0, 0.9)),
        Raises("b", lambda: N.check_cross_entropy_gradient(2.0, NAN, 0.9)),
        NotYet(lambda: N.check_cross_entropy_gradient(2.0, 2.0, NAN))],
    "check_softmax_probability": [
        Raises("z", lambda: N.check_softmax_probability("1, 3, 0", 1, 0.8)),
        Raises("k", lambda: N.check_softmax_probability([1.0, 3.0, 0.0], 3, 0.8)),
        NotYet(lambda: N.check_softmax_probability([1.0, 3.0, 0.0], 1, "0.8"))],
    "check_output_error": [
        Raises("label", lambda: N.check_output_error([1.0, 2.0], "0", [0.0, 0.0])),
        Raises("z", lambda: N.check_output_error([1.0, NAN], 0, [0.0, 0.0])),
        NotYet(lambda: N.check_output_error([1.0, 2.0], 0, [0.0, 0.0, 0.0]))],
}


# ---- the audit is complete and current -----------------------------------------------------

def test_the_import_parser_reads_every_form():
    source = ("import numpy as np\nfrom helpers import show_source, use_style  # style\n"
              "from helpers.walks import (\n    path_sum,   # the sum\n    paths as all_paths,\n)\n"
              "    from helpers.plots.graph import draw_graph\nfrom numpy import (pi,\n e)\n")
    assert imports_in(source) == [("helpers", "show_source", "show_source"),
                                  ("helpers", "use_style", "use_style"),
                                  ("helpers.walks", "path_sum", "path_sum"),
                                  ("helpers.walks", "paths", "all_paths"),
                                  ("helpers.plots.graph", "draw_graph", "draw_graph")]


def test_the_notebooks_import_helpers_only_by_name():
    """`import helpers.x` would hide its names from the audit: notebooks use `from ... import`."""
    for notebook, source in notebook_sources():
        assert not re.search(r"^\s*import\s+helpers", source, re.MULTILINE), notebook


def test_every_notebook_import_resolves():
    broken = [f"{nb}: from {module} import {name}" for module, name, nb in notebook_imports().values()
              if not hasattr(importlib.import_module(module), name)]
    assert not broken, f"the notebooks import names helpers lacks (see RENAMES.md): {broken}"


def test_every_door_name_is_audited():
    missing = sorted(door_names(notebook_imports()) - set(AUDIT))
    assert not missing, f"at the door but not in AUDIT (add a row to the table): {missing}"


def test_a_newly_imported_name_without_a_row_fails_the_audit():
    imports = dict(notebook_imports(), brand_new=("helpers.graph", "topological_order", "99.ipynb"),
                   data=("helpers.descent", "CONVEX", "99.ipynb"))   # a callable constant: data
    assert "brand_new" in door_names(imports) - set(AUDIT) and "data" not in door_names(imports)


def test_names_shown_only_are_never_called():
    shown = [name for name, entry in AUDIT.items() if entry is SHOWN]
    for notebook, source in notebook_sources():
        code = IMPORT.sub("", source)
        for name in shown:
            uses = len(re.findall(rf"\b{name}\b", code))
            assert uses == len(re.findall(rf"show_source\({name}\)", code)), (name, notebook)


def test_the_table_names_only_the_door():
    door = door_names(notebook_imports()) | set(checks())
    assert not sorted(set(AUDIT) - door), "rows for names no notebook imports (remove them)"
    for name, entry in AUDIT.items():
        assert isinstance(entry, str) and len(entry) >= 15 or entry and all(
            isinstance(case, (Raises, NotYet)) for case in entry), name


def test_each_door_name_means_one_object():
    for notebook, source in notebook_sources():
        for module, name, alias in imports_in(source):
            obj = getattr(importlib.import_module(module), name, None)
            assert obj is getattr(N, alias, None), f"{alias} means two things; {notebook}"


# ---- the bad calls -------------------------------------------------------------------------

CASES = [(name, i) for name, entry in AUDIT.items() if not isinstance(entry, str)
         for i in range(len(entry))]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def raises_from_helpers(argument, call):
    pattern = "^" + re.escape(argument) + r"(?!\w)"
    with pytest.raises((TypeError, ValueError), match=pattern) as excinfo:
        call()
    where = pathlib.Path(str(excinfo.traceback[-1].path)).resolve()
    assert where.is_relative_to(HELPERS), (
        f"raised inside {where}, not by helpers: {excinfo.type.__name__}: {excinfo.value}")


def says_not_yet(result):
    from helpers.checks import CheckResult
    assert isinstance(result, CheckResult) and not result, result
    assert repr(result).startswith("Not yet: "), repr(result)


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("name, index", CASES, ids=[f"{n}-{i}" for n, i in CASES])
def test_bad_call(name, index):
    if name not in notebook_imports() and name not in network_methods() and name not in panels():
        pytest.skip(f"{name} is no longer at the door: test_the_table_names_only_the_door fails")
    case = AUDIT[name][index]
    if isinstance(case, NotYet):
        says_not_yet(case.call())
    else:
        raises_from_helpers(case.argument, case.call)


# ---- exercise checks: the answer never raises, the exercise's own parameters do -------------

def stub(x):
    ...


def raising(*args, **kwargs):
    return 1 / 0


BAD_ANSWERS = {"ellipsis": ..., "none": None, "nan": NAN, "text": "42", "object": object(),
               "stub": stub, "raising": raising, "nan-array": np.full((2, 2), NAN),
               "infinite": math.inf}


def check_names():
    """The exercise checks in the notebooks' imports, read without importing them."""
    return sorted(a for a in notebook_imports() if a.startswith("check_"))


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("answer", BAD_ANSWERS, ids=list(BAD_ANSWERS))
@pytest.mark.parametrize("name", check_names())
def test_a_wrong_answer_gets_not_yet(name, answer):
    check = getattr(N, name)
    if not follows_check_convention(check):
        pytest.skip(f"{name} takes its answer elsewhere: its rows in AUDIT")
    says_not_yet(check(BAD_ANSWERS[answer]))


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("name", check_names())
def test_a_check_refuses_bad_values_of_its_own_parameters(name):
    check = getattr(N, name)
    if not follows_check_convention(check):
        pytest.skip(f"{name} takes its answer elsewhere: its rows in AUDIT")
    for param in list(inspect.signature(check).parameters)[1:]:
        raises_from_helpers(param, lambda: check(..., **{param: object()}))
