"""One network's gradients in the notations learners meet in other courses.

Every function here reads the parameters of a `helpers.network.Network` and
returns the same numbers as `Network.backprop`, written the way another
course writes them, so the correspondence can be checked, not just claimed.

1. Theta notation (the classic machine-learning course): layers numbered
   from 1, a^(1) = x with a bias unit +1 prepended, z^(l+1) = Theta^(l) a^(l),
   a^(l+1) = [1; g(z^(l+1))], h_Theta(x) = a^(L), cost J(Theta). Theta^(l) is
   [b | w] of our layer l+1, shape (n_(l+1), 1 + n_l). Backprop loops over
   the examples, as that course writes it: delta^(L) = output error,
   delta^(l) = (Theta^(l))^T delta^(l+1) .* g'(z^(l)) without the bias row,
   Delta^(l) += delta^(l+1) (a^(l))^T, and D^(l) = Delta^(l) / m = dJ/dTheta^(l).
   The data come as that course stores them: ONE ROW PER EXAMPLE, X of shape
   (m, n_1) and Y of shape (m, K).
2. dZ / dW notation (the deep-learning specialisation): layers [0] .. [L],
   X of shape (n_x, m) with ONE COLUMN PER EXAMPLE (as that course does, and
   as we do), parameters {"W1", "b1", ...} shaped like ours, caches of Z and
   A, and gradients dZ[l] (one column per example, our delta), dW[l] =
   dZ[l] A[l-1]^T / m, db[l] = the row sums of dZ[l] / m, dA[l-1] = W[l]^T dZ[l].
3. Rows notation (as in the convolutional-networks course notes): X of shape
   (N, D) with ONE ROW PER EXAMPLE, h = g(X W1 + b1), W1 of shape (D, H):
   every weight matrix is the transpose of ours, and every product flips.
4. The reverse-mode engine of notebook 01: every weight, bias and operation a
   `helpers.graph.Value`, and `backward()` does the rest (small networks only).
"""
import numpy as np

from helpers.activations import Sigmoid, Softmax
from helpers.graph import Value
from helpers.network import Network
from helpers.validate import instance

__all__ = ["to_thetas", "theta_forward", "theta_gradients", "theta_to_nabla",
           "to_parameters", "forward_propagation", "backward_propagation", "grads_to_nabla",
           "row_gradients", "value_network", "value_gradients", "all_gradients"]


# ---- 1. Theta, a^(l) with a bias unit, Delta ------------------------------------

def to_thetas(net):
    """Theta^(1) .. Theta^(L-1): [b | w] for each of our layers, bias column first."""
    return [np.hstack([b, w]) for b, w in zip(net.biases, net.weights)]


def theta_forward(thetas, x, output=Sigmoid, g=Sigmoid):
    """a^(l) and z^(l) for one example x, as dicts keyed by the layer number 1..L.

    Every a^(l) except the last carries the bias unit a^(l)_0 = 1 on top.
    g is the hidden layers' activation, `output` the output layer's.
    """
    a, z = {1: np.concatenate([[1.0], np.ravel(x)])}, {}
    L = len(thetas) + 1
    for l in range(1, L):
        z[l + 1] = thetas[l - 1] @ a[l]
        if l + 1 == L:
            a[L] = output.fn(z[L][:, None])[:, 0]
        else:
            a[l + 1] = np.concatenate([[1.0], g.fn(z[l + 1])])
    return a, z


def theta_gradients(thetas, X_rows, Y_rows, cost, g=Sigmoid):
    """D^(l) = dJ/dTheta^(l), accumulated example by example as Delta^(l).

    X_rows -- shape (m, n_1), one row per example; Y_rows -- shape (m, K).
    cost   -- the cost object (its delta gives delta^(L) and its activation the output's)
    """
    m, L = X_rows.shape[0], len(thetas) + 1
    Delta = [np.zeros_like(t) for t in thetas]                    # Delta^(l), l = 1 .. L-1
    for i in range(m):                                            # "for i = 1 to m"
        a, z = theta_forward(thetas, X_rows[i], cost.activation, g)
        delta = {L: cost.delta(z[L][:, None], a[L][:, None], Y_rows[i][:, None])[:, 0]}
        for l in range(L - 1, 1, -1):
            back = thetas[l - 1].T @ delta[l + 1]                 # (Theta^(l))^T delta^(l+1)
            delta[l] = back[1:] * g.prime(z[l])                   # drop the bias row, .* g'(z^(l))
        for l in range(1, L):
            Delta[l - 1] += np.outer(delta[l + 1], a[l])          # Delta^(l) += delta^(l+1) a^(l)T
    return [D / m for D in Delta]                                 # D^(l) = Delta^(l) / m


def theta_to_nabla(Ds):
    """Split each D^(l) into our (nabla_b, nabla_w): the bias column is column 0."""
    return [D[:, :1] for D in Ds], [D[:, 1:] for D in Ds]


# ---- 2. dZ / dW, columns = examples ---------------------------------------------

def to_parameters(net):
    """{"W1": weights[0], "b1": biases[0], "W2": ...}: layer [l] is our weights[l-1]."""
    params = {}
    for l, (w, b) in enumerate(zip(net.weights, net.biases), start=1):
        params[f"W{l}"], params[f"b{l}"] = w.copy(), b.copy()
    return params


def forward_propagation(X, parameters, output=Sigmoid, g=Sigmoid):
    """AL and the caches {"A0": X, "Z1": ..., "A1": ..., ...}; X has shape (n_x, m)."""
    L = len(parameters) // 2
    caches = {"A0": X}
    A = X
    for l in range(1, L + 1):
        Z = parameters[f"W{l}"] @ A + parameters[f"b{l}"]
        A = output.fn(Z) if l == L else g.fn(Z)
        caches[f"Z{l}"], caches[f"A{l}"] = Z, A
    return A, caches


def backward_propagation(X, Y, parameters, cost, g=Sigmoid):
    """grads {"dZl", "dWl", "dbl", "dA(l-1)"} for l = L .. 1; X, Y: one column per example."""
    L, m = len(parameters) // 2, X.shape[1]
    AL, caches = forward_propagation(X, parameters, cost.activation, g)
    grads = {f"dZ{L}": cost.delta(caches[f"Z{L}"], AL, Y)}      # dZ[L] (= A[L] - Y for CE)
    for l in range(L, 0, -1):
        dZ, A_prev = grads[f"dZ{l}"], caches[f"A{l - 1}"]
        grads[f"dW{l}"] = dZ @ A_prev.T / m
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
        grads[f"dA{l - 1}"] = parameters[f"W{l}"].T @ dZ
        if l > 1:
            grads[f"dZ{l - 1}"] = grads[f"dA{l - 1}"] * g.prime(caches[f"Z{l - 1}"])
    return grads


def grads_to_nabla(grads):
    """Our (nabla_b, nabla_w) from the dW / db of backward_propagation."""
    L = sum(1 for k in grads if k.startswith("dW"))
    return [grads[f"db{l}"] for l in range(1, L + 1)], [grads[f"dW{l}"] for l in range(1, L + 1)]


# ---- 3. rows = examples ---------------------------------------------------------

def row_gradients(net, X_rows, Y_rows):
    """Backprop with one example per row and W = our weights transposed.

    Returns our (nabla_b, nabla_w) (transposed back) so that they compare directly.
    Forward: H = g(X W + b) row by row; backward: dZ is (N, H), dW = A_prev^T dZ.
    """
    N, g = X_rows.shape[0], net.activation
    Ws = [w.T for w in net.weights]                                # (D, H): input x output
    bs = [b.ravel() for b in net.biases]                           # (H,)
    As, Zs = [X_rows], []
    for i, (W, b) in enumerate(zip(Ws, bs)):
        Z = As[-1] @ W + b
        As.append(net.cost.activation.fn(Z.T).T if i == len(Ws) - 1 else g.fn(Z))
        Zs.append(Z)
    dZ = net.cost.delta(Zs[-1].T, As[-1].T, Y_rows.T).T / N        # (N, K), averaged here
    dWs, dbs = [None] * len(Ws), [None] * len(Ws)
    for i in range(len(Ws) - 1, -1, -1):
        dWs[i] = As[i].T @ dZ                                      # (D, H)
        dbs[i] = dZ.sum(axis=0)
        if i > 0:
            dZ = (dZ @ Ws[i].T) * g.prime(Zs[i - 1])
    return [db[:, None] for db in dbs], [dW.T for dW in dWs]


# ---- 4. the reverse-mode engine -------------------------------------------------

def value_network(net, X, Y):
    """The cost of `net` on (X, Y) built from Values: (C, bias_values, weight_values).

    bias_values[i][j] and weight_values[i][j][k] are the input Values standing
    for biases[i][j, 0] and weights[i][j, k], labelled like "b2_1" and "w2_13"
    (layer, then neuron indices counted from 1). The nodes z^l_j and a^l_j are
    labelled "z2_1", "a2_1", ... (with "[x1]", "[x2]", ... added when there
    are several examples), so a path sum can start from them. Only for small networks: a
    2-3-2 network on 3 examples is a graph of a few hundred nodes.
    """
    instance(net, "net", Network)
    X, Y = net.check_batch(X, Y)
    if net.n_params * X.shape[1] > 20_000:
        raise ValueError("value_network is for small networks: n_params * examples must be "
                         f"at most 20000, got {net.n_params * X.shape[1]}")
    bias_values = [[Value(float(b[j, 0]), f"b{i + 2}_{j + 1}") for j in range(b.shape[0])]
                   for i, b in enumerate(net.biases)]
    weight_values = [[[Value(float(w[j, k]), f"w{i + 2}_{j + 1}{k + 1}") for k in range(w.shape[1])]
                      for j in range(w.shape[0])] for i, w in enumerate(net.weights)]
    m, total = X.shape[1], None

    def tag(col):
        return f"[x{col + 1}]" if m > 1 else ""

    for col in range(m):
        a = [float(v) for v in X[:, col]]
        for i, (Ws, bs) in enumerate(zip(weight_values, bias_values)):
            zs = []
            for j in range(len(bs)):
                z = bs[j]
                for k in range(len(a)):
                    z = z + Ws[j][k] * a[k]
                zs.append(z.named(f"z{i + 2}_{j + 1}{tag(col)}"))
            last = i == len(weight_values) - 1
            a = _value_activation(net.cost.activation if last else net.activation, zs)
            a = [aj.named(f"a{i + 2}_{j + 1}{tag(col)}") for j, aj in enumerate(a)]
        for aj, yj in zip(a, Y[:, col]):
            term = net.cost.example_cost(aj, float(yj), log=Value.log)
            total = term if total is None else total + term
    return (total / m).named("C"), bias_values, weight_values


def _value_activation(activation, zs):
    """activation.fn on a layer of Values (softmax needs the whole layer)."""
    if activation is Softmax:
        shift = max(z.data for z in zs)                   # a constant: changes no gradient
        exps = [(z - shift).exp() for z in zs]
        total = sum(exps[1:], exps[0])
        return [e / total for e in exps]
    return [getattr(z, activation.name)() for z in zs]    # Value.sigmoid, .tanh, .relu


def value_gradients(net, X, Y):
    """Our (nabla_b, nabla_w), read off the Values' .grad after C.backward()."""
    C, bias_values, weight_values = value_network(net, X, Y)
    C.backward()
    nabla_b = [np.array([[v.grad] for v in layer]) for layer in bias_values]
    nabla_w = [np.array([[v.grad for v in row] for row in layer]) for layer in weight_values]
    return nabla_b, nabla_w


# ---- all of them ----------------------------------------------------------------

def all_gradients(net, X, Y):
    """{notation name: (nabla_b, nabla_w)} for the same network and data, five ways."""
    instance(net, "net", Network)
    X, Y = net.check_batch(X, Y)
    return {
        "delta, BP1-BP4 (Network.backprop)": net.backprop(X, Y),
        "Theta, Delta (examples as rows)": theta_to_nabla(theta_gradients(to_thetas(net), X.T, Y.T,
                                                                          net.cost, net.activation)),
        "dZ, dW (examples as columns)": grads_to_nabla(backward_propagation(
            X, Y, to_parameters(net), net.cost, net.activation)),
        "rows, W transposed": row_gradients(net, X.T, Y.T),
        "Value graph, reverse mode": value_gradients(net, X, Y),
    }

