"""Checks for the exercises on backpropagation's four equations (notebook 05).

`check_backprop` grades a learner's own BP1-BP4 for a mini-batch: on a fresh
random network each call, against centred differences, naming the equation
that is off.
"""
import numpy as np

from helpers.activations import sigmoid, sigmoid_prime
from helpers.checks import (REPLACE_WITH_FUNCTION, RETURNED_NOTHING, SIGN_FLIPPED, YOUR_FUNCTION,
                            CheckResult, as_array, call_learner, check_close, check_written,
                            learner_rng)
from helpers.costs import QuadraticCost
from helpers.gradcheck import centred_differences
from helpers.i18n import N_, _
from helpers.validate import float_array, positive_int, real

__all__ = ["check_output_delta", "check_hidden_delta", "check_forward_passes", "check_backprop",
           "random_network_problem", "BACKPROP_MISTAKES"]


def _number(answer):
    """A one-element numpy result (sigmoid(1.0) is a 0-d array) as a float; else unchanged."""
    if isinstance(answer, np.ndarray) and answer.size == 1 and np.issubdtype(answer.dtype, np.number):
        return float(answer.reshape(()))
    return answer


def check_output_delta(delta, z=1.0, y=0.0):
    """BP1 for one sigmoid output neuron under the quadratic cost: delta = (a - y) sigma'(z)."""
    z, y = real(z, "z"), real(y, "y")
    delta = _number(delta)
    a, sp = float(sigmoid(z)), float(sigmoid_prime(z))
    return check_close(
        delta, (a - y) * sp, _("delta of the output neuron at z = {z:g}, y = {y:g}").format(z=z, y=y),
        _("BP1: delta = dC/da * sigma'(z), with dC/da = a - y for the quadratic cost "
          "and sigma'(z) = a (1 - a)."), tol=1e-3,
        mistakes={a - y: _("that is dC/da = a - y: BP1 multiplies it by sigma'(z) as well."),
                  sp: _("that is sigma'(z) alone: multiply it by dC/da = a - y."),
                  (y - a) * sp: _("the sign: dC/da is a - y (the output minus the target)."),
                  (a - y) * a: _("multiply by the slope sigma'(z) = a (1 - a), not by a.")})


def check_hidden_delta(delta, w=(2.0, -1.0), delta_next=(0.1, 0.3), z=0.0):
    """BP2 for one hidden neuron feeding two output neurons through weights w."""
    w, z = float_array(w, "w", shape=(2,)), real(z, "z")
    delta_next = float_array(delta_next, "delta_next", shape=(2,))
    delta = _number(delta)
    total = sum(wk * dk for wk, dk in zip(w, delta_next))
    sp = float(sigmoid_prime(z))
    return check_close(
        delta, total * sp, _("delta of the hidden neuron (z = {z:g})").format(z=z),
        _("BP2: add w_k * delta_k over every neuron k the hidden neuron feeds (one path each), "
          "then multiply by sigma'(z)."), tol=1e-3,
        mistakes={total: _("that is the sum over the paths, before the factor sigma'(z)."),
                  w[0] * delta_next[0] * sp: _("that follows only the first path: add the "
                                               "second."),
                  w[1] * delta_next[1] * sp: _("that follows only the second path: add the "
                                               "first."),
                  total * float(sigmoid(z)): _("multiply by the slope sigma'(z), not by "
                                               "sigma(z).")})


def check_forward_passes(n_evaluations, sizes=(784, 30, 10)):
    """How many cost evaluations centred differences need for every parameter of `sizes`."""
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, (tuple, list)) or len(sizes) < 2:
        raise (ValueError if isinstance(sizes, (tuple, list)) else TypeError)(
            f"sizes must be a list of at least 2 layer sizes such as (784, 30, 10), got {sizes!r}")
    sizes = [positive_int(n, f"sizes[{i}]") for i, n in enumerate(sizes)]
    n_evaluations = _number(n_evaluations)
    weights = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
    biases = sum(sizes[1:])
    n = weights + biases
    return check_close(
        n_evaluations, 2 * n, _("the cost evaluations for a {sizes} network").format(
            sizes="-".join(map(str, sizes))),
        _("count the parameters (every weight and every bias), and a centred difference "
          "evaluates the cost twice for each."), tol=1e-9,
        mistakes={n: _("{n} is the number of parameters: a centred difference needs two "
                       "evaluations per parameter, at p + h and p - h.").format(n=n),
                  2 * weights: _("the biases are parameters too."),
                  n + 1: _("that is a one-sided difference (one base evaluation plus one per "
                           "parameter); the centred difference needs two per parameter.")})


# ---- the coding exercise: backprop for a mini-batch -------------------------------------

BACKPROP_TASK = N_(
    "write backprop(weights, biases, X, Y): feedforward keeping every z and a, then BP1 for the "
    "output error, BP2 back through the hidden layers, and BP3/BP4 for the gradients, averaged "
    "over the m columns of X. Return nabla_b, nabla_w, lists shaped like biases and weights. "
    "The check runs it on a new random network with random sizes each time and compares it "
    "with centred differences, layer by layer.")

# (mistake, wrong formula) -> the hint a learner gets when every layer matches that formula.
# Both the mistake's name (shown as "one slip: ...") and its hint are marked here and
# translated where the check shows them.
BACKPROP_MISTAKES = {
    N_("output sigma' dropped"): N_(
        "BP1: for the quadratic cost the output error keeps the slope: "
        "delta^L = (a^L - y) * sigma'(z^L). Without sigma'(z^L) you have the "
        "cross-entropy error of notebook 06."),
    N_("hidden sigma' dropped"): N_(
        "BP2: after (w^(l+1))^T delta^(l+1), multiply by sigma'(z^l), the slope "
        "of the hidden layer's own sigmoid. Your output layer is right."),
    N_("sum instead of mean"): N_(
        "BP3 and BP4: the cost is an average over the mini-batch, so divide the "
        "sums over the columns by m = X.shape[1]. Your gradients are m times "
        "too large."),
    SIGN_FLIPPED: N_(
        "BP1: the quadratic cost's gradient is a^L - y (output minus target). "
        "With y - a every gradient points uphill."),
    N_("sigma instead of sigma'"): N_(
        "BP1 and BP2: use the slope sigmoid_prime(z), not the activation sigmoid(z), "
        "in BP1 and BP2."),
    N_("sigma' of a"): N_(
        "BP1 and BP2: sigmoid_prime takes z, the weighted input: sigmoid_prime(a) applies the "
        "sigmoid twice. Use sigmoid_prime(z) (or a * (1 - a))."),
}


def _reference_backprop(weights, biases, X, Y, mistake=None):
    """BP1-BP4 for a mini-batch, quadratic cost and sigmoids; `mistake` plants one slip."""
    m = X.shape[1]
    activations, zs = [X], []
    for w, b in zip(weights, biases):
        zs.append(w @ activations[-1] + b)
        activations.append(sigmoid(zs[-1]))

    def slope(z, a):
        if mistake == "sigma instead of sigma'":
            return sigmoid(z)
        if mistake == "sigma' of a":
            return sigmoid_prime(a)
        return sigmoid_prime(z)

    error = Y - activations[-1] if mistake == SIGN_FLIPPED else activations[-1] - Y
    delta = error if mistake == "output sigma' dropped" else error * slope(zs[-1], activations[-1])
    scale = 1.0 if mistake == "sum instead of mean" else 1.0 / m
    nabla_b, nabla_w = [None] * len(weights), [None] * len(weights)
    for l in range(len(weights) - 1, -1, -1):
        nabla_b[l] = delta.sum(axis=1, keepdims=True) * scale
        nabla_w[l] = delta @ activations[l].T * scale
        if l > 0:
            delta = weights[l].T @ delta
            if mistake != "hidden sigma' dropped":
                delta = delta * slope(zs[l - 1], activations[l])
    return nabla_b, nabla_w


def _centred_differences(weights, biases, X, Y):
    """dC/db and dC/dw of the quadratic cost by centred differences (gradient checking)."""
    weights, biases = [w.copy() for w in weights], [b.copy() for b in biases]

    def cost():
        a = X
        for w, b in zip(weights, biases):
            a = sigmoid(w @ a + b)
        return QuadraticCost.fn(a, Y)
    return centred_differences(cost, biases), centred_differences(cost, weights)


def _error(got, want):
    """The relative error of one array, by lengths (robust when entries are tiny)."""
    scale = max(np.linalg.norm(got), np.linalg.norm(want))
    return float(np.linalg.norm(got - want) / scale) if scale else 0.0


def random_network_problem(rng):
    """Random sizes (2 to 7 per layer, 1 or 2 hidden layers, no two neighbours equal) and a mini-batch.

    The mini-batch size m differs from every layer size, so a missing transpose
    cannot pass by luck: it meets a product of mismatched shapes.
    """
    n_layers = int(rng.integers(3, 5))
    sizes = [int(rng.integers(2, 8))]
    while len(sizes) < n_layers:
        n = int(rng.integers(2, 8))
        if n != sizes[-1]:
            sizes.append(n)
    m = int(rng.choice([k for k in range(2, 10) if k not in sizes]))
    weights = [rng.standard_normal((n, n_in)) / np.sqrt(n_in) for n_in, n in zip(sizes[:-1], sizes[1:])]
    biases = [rng.standard_normal((n, 1)) for n in sizes[1:]]
    X = rng.standard_normal((sizes[0], m))
    Y = np.eye(sizes[-1])[:, rng.integers(0, sizes[-1], m)]     # one-hot targets, one column each
    return sizes, weights, biases, X, Y


def _layer_name(i, n_layers):
    if i == n_layers - 1:
        text = _("nabla_b[{i}], nabla_w[{i}] (layer {layer} of the text, the output layer)")
    else:
        text = _("nabla_b[{i}], nabla_w[{i}] (layer {layer} of the text, a hidden layer)")
    return text.format(i=i, layer=i + 2)


def _shape_hint(kind, i, got, weights, biases, X):
    """What a wrong shape of nabla_b[i] or nabla_w[i] usually means."""
    want = (biases if kind == "b" else weights)[i].shape
    m = X.shape[1]
    swapped = _("return nabla_b first, then nabla_w.")
    if kind == "b":
        if got == (want[0], m):
            return _("BP3 gives one column per example: average them, "
                     "delta.sum(axis=1, keepdims=True) / m.")
        if got == (want[0],):
            return _("keep the column shape with keepdims=True: delta.sum(axis=1, keepdims=True) "
                     "/ m.")
        if got == weights[i].shape:
            return swapped
        return _("nabla_b[l] has one entry per neuron of layer l, as a column like biases[l].")
    if got == want[::-1]:
        return _("BP4 is delta^l (a^(l-1))^T: delta on the left, the transposed activations on "
                 "the right.")
    if got == biases[i].shape:
        return swapped
    if len(got) == 2 and got[0] == want[0]:
        return _("BP4 uses the activations of the layer BEFORE: nabla_w[l] = delta @ "
                 "activations[l].T / m with activations[0] = X.")
    return _("nabla_w[l] = delta^l (a^(l-1))^T / m has the shape of weights[l].")


def check_backprop(backprop, seed=None):
    """Run the learner's backprop(weights, biases, X, Y) on a fresh random network and grade it.

    The network has random sizes (1 or 2 hidden layers, neighbours of different
    sizes), sigmoid neurons and the quadratic cost; its gradient is checked
    against centred differences layer by layer, and a wrong answer is compared
    with the typical slips (BACKPROP_MISTAKES) to name the equation that is off.
    seed -- for tests: the same random network every time.
    """
    rng = learner_rng(seed)
    failure = check_written(backprop, "backprop", _(REPLACE_WITH_FUNCTION).format(name="backprop"),
                           _(BACKPROP_TASK))
    if failure is not None:
        return failure
    sizes, weights, biases, X, Y = random_network_problem(rng)
    shown = "-".join(map(str, sizes))
    args = ([w.copy() for w in weights], [b.copy() for b in biases], X.copy(), Y.copy())
    yours = _(YOUR_FUNCTION).format(name="backprop")
    value, failure = call_learner(backprop, *args, what=yours)
    if failure is not None:
        if "ValueError" in failure.message:
            return CheckResult(False, failure.message,
                               _("often a product of mismatched shapes (on a {sizes} network, "
                                 "mini-batch of {m}): BP2 needs the transpose "
                                 "weights[l].T @ delta and BP4 needs delta @ activations[l].T. "
                                 "Print the shapes to see which.").format(sizes=shown,
                                                                          m=X.shape[1]))
        return failure
    if value is None or value is Ellipsis:
        return CheckResult(False, _(RETURNED_NOTHING).format(what=yours), _(BACKPROP_TASK))
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        return CheckResult(False, _("backprop should return two lists, nabla_b, nabla_w "
                                    "(got {type}).").format(type=type(value).__name__),
                           _("end with `return nabla_b, nabla_w`."))
    got = {"b": value[0], "w": value[1]}
    for kind, name, like in (("b", "nabla_b", "biases"), ("w", "nabla_w", "weights")):
        grads = got[kind]
        if not isinstance(grads, (list, tuple)) or len(grads) != len(weights):
            return CheckResult(False, _("{name} should be a list of {n} arrays, one per "
                                        "layer after the input, like {like} (network "
                                        "{sizes}).").format(name=name, n=len(weights), like=like,
                                                            sizes=shown),
                               _("make {name} = [None] * len({like}) and fill entry l for every "
                                 "layer.").format(name=name, like=like))
        arrays = []
        for i, g in enumerate(grads):
            g, failure = as_array(g, _("{name}[{i}] should be an array of numbers").format(
                name=name, i=i), _(BACKPROP_TASK))
            if failure is not None:
                return failure
            want = (biases if kind == "b" else weights)[i].shape
            if g.shape != want:
                return CheckResult(False, _("{name}[{i}] should have shape {want} like {like}[{i}], "
                                            "got {got} (network {sizes}, mini-batch of "
                                            "{m}).").format(name=name, i=i, want=want, like=like,
                                                            got=g.shape, sizes=shown,
                                                            m=X.shape[1]),
                                   _shape_hint(kind, i, g.shape, weights, biases, X))
            arrays.append(g)
        got[kind] = arrays
    if not all(np.isfinite(g).all() for g in got["b"] + got["w"]):
        return CheckResult(False, _("your gradients contain NaN or infinite values."),
                           _("sigmoid and sigmoid_prime never overflow; look for a division."))
    numerical = _centred_differences(weights, biases, X, Y)
    errors = [(_error(gb, nb), _error(gw, nw)) for gb, nb, gw, nw
              in zip(got["b"], numerical[0], got["w"], numerical[1])]
    worst = max(max(e) for e in errors)
    if worst <= 1e-6:
        return CheckResult(True, _("your backprop agrees with centred differences on a random "
                                   "{sizes} network with a mini-batch of {m} "
                                   "(largest relative error {worst:.0e}).").format(
                                       sizes=shown, m=X.shape[1], worst=worst))
    for mistake, hint in BACKPROP_MISTAKES.items():
        slip = _reference_backprop(weights, biases, X, Y, mistake)
        if all(_error(g, s) <= 1e-6 for g, s in zip(got["b"] + got["w"], slip[0] + slip[1])):
            return CheckResult(False, _("on a random {sizes} network your gradients are those of "
                                        "a backprop with one slip: {mistake}.").format(
                                            sizes=shown, mistake=_(mistake)), _(hint))
    n = len(weights)
    wrong = [i for i in range(n) if max(errors[i]) > 1e-6]
    last = wrong[-1]                           # the wrong layer nearest the output
    b_err, w_err = errors[last]
    where = _layer_name(last, n)
    if b_err <= 1e-6:
        equation = "BP4"
        hint = _("nabla_w[l] = delta^l @ (a^(l-1)).T / m, with a^(l-1) = activations[l] when "
                 "activations[0] = X.")
    elif w_err <= 1e-6:
        equation = "BP3"
        hint = _("nabla_b[l] = delta^l averaged over the columns: delta.sum(axis=1, keepdims=True) "
                 "/ m.")
    elif last == n - 1:
        equation = "BP1"
        hint = _("delta^L = (a^L - y) * sigma'(z^L) for the quadratic cost, then BP3 and BP4 read "
                 "the gradients off it.")
    else:
        equation = "BP2"
        hint = _("the layers after it are right, so the error is carried back wrongly: "
                 "delta^l = (w^(l+1))^T delta^(l+1) * sigma'(z^l), with weights[l + 1] for "
                 "w^(l+1).")
    return CheckResult(False, _("{equation} looks off: {where} has relative error "
                                "{error:.1e} against centred differences "
                                "(network {sizes}).").format(equation=equation, where=where,
                                                             error=max(b_err, w_err), sizes=shown),
                       hint)
