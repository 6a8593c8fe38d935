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

from helpers.activations import sigmoid, sigmoid_prime
from helpers.graph import Value
from helpers.network import Network, _as_cost, as_batch, as_targets
from helpers.validate import float_array, function, instance

__all__ = ["to_thetas", "theta_forward", "theta_gradients", "theta_to_nabla",
           "to_parameters", "forward_propagation", "backward_propagation", "grads_to_nabla",
           "row_gradients", "value_network", "value_gradients", "all_gradients"]


def _check_net(net):
    instance(net, "net", Network)


def _rows(A, n, name):
    """Row-per-example data of width n, checked."""
    A = float_array(A, name)
    if A.ndim != 2 or A.shape[1] != n or A.shape[0] == 0:
        raise ValueError(f"{name} must have shape (m, {n}), one row per example; "
                         f"got shape {A.shape}")
    return A


def _matrices(arrays, name, what):
    """A non-empty list of finite float matrices (the layers of a network), checked."""
    if isinstance(arrays, (str, bytes)) or not isinstance(arrays, (list, tuple)) or not arrays:
        raise TypeError(f"{name} must be a non-empty list of matrices ({what}), "
                        f"got {type(arrays).__name__}")
    return [float_array(a, f"{name}[{i}]", ndim=2) for i, a in enumerate(arrays)]


def _thetas(thetas):
    """Theta^(1) .. Theta^(L-1), checked: each [b | w], its columns one more than the rows before."""
    thetas = _matrices(thetas, "thetas", "see to_thetas")
    for l, t in enumerate(thetas):
        want = 2 if l == 0 else thetas[l - 1].shape[0] + 1
        if t.shape[1] < want or (l > 0 and t.shape[1] != want):
            raise ValueError(f"thetas[{l}] must have {want}{' or more' if l == 0 else ''} columns "
                             f"(the bias column, then one per unit of the layer before), "
                             f"got shape {t.shape}")
    return thetas


def _parameters(parameters):
    """{"W1": ..., "b1": ..., "W2": ...}, checked: shapes of a network's layers, in order."""
    if not isinstance(parameters, dict):
        raise TypeError(f"parameters must be a dict {{'W1': ..., 'b1': ..., ...}} (see "
                        f"to_parameters), got {type(parameters).__name__}")
    L = len(parameters) // 2
    if L == 0 or set(parameters) != {f"{p}{l}" for p in "Wb" for l in range(1, L + 1)}:
        raise ValueError(f"parameters must hold W1 .. WL and b1 .. bL, got {sorted(parameters)}")
    out = {}
    for l in range(1, L + 1):
        W = float_array(parameters[f"W{l}"], f"parameters['W{l}']", ndim=2)
        if l > 1 and W.shape[1] != out[f"W{l - 1}"].shape[0]:
            raise ValueError(f"parameters['W{l}'] must have {out[f'W{l - 1}'].shape[0]} columns "
                             f"(one per unit of layer {l - 1}), got shape {W.shape}")
        out[f"W{l}"] = W
        out[f"b{l}"] = float_array(parameters[f"b{l}"], f"parameters['b{l}']",
                                   shape=(W.shape[0], 1))
    return out


# ---- 1. Theta, a^(l) with a bias unit, Delta ------------------------------------

def to_thetas(net):
    """Theta^(1) .. Theta^(L-1): [b | w] for each of our layers, bias column first."""
    _check_net(net)
    return [np.hstack([b, w]) for b, w in zip(net.biases, net.weights)]


def theta_forward(thetas, x, output=sigmoid):
    """a^(l) and z^(l) for one example x, as dicts keyed by the layer number 1..L.

    Every a^(l) except the last carries the bias unit a^(l)_0 = 1 on top.
    """
    thetas, output = _thetas(thetas), function(output, "output")
    x = float_array(x, "x").ravel()
    if x.size != thetas[0].shape[1] - 1:
        raise ValueError(f"x must be one example of {thetas[0].shape[1] - 1} inputs, "
                         f"got {x.size} numbers")
    return _theta_forward(thetas, x, output)


def _theta_forward(thetas, x, output):
    a = {1: np.concatenate([[1.0], x])}
    z = {}
    L = len(thetas) + 1
    for l in range(1, L):
        z[l + 1] = thetas[l - 1] @ a[l]
        g = output(z[l + 1][:, None])[:, 0] if l + 1 == L else sigmoid(z[l + 1])
        a[l + 1] = g if l + 1 == L else np.concatenate([[1.0], g])
    return a, z


def theta_gradients(thetas, X_rows, Y_rows, cost):
    """D^(l) = dJ/dTheta^(l), accumulated example by example as Delta^(l).

    X_rows -- shape (m, n_1), one row per example; Y_rows -- shape (m, K).
    cost   -- the cost object (its delta gives delta^(L) and its activation g at the output).
    """
    thetas, cost = _thetas(thetas), _as_cost(cost)
    X_rows = _rows(X_rows, thetas[0].shape[1] - 1, "X_rows")
    Y_rows = _rows(Y_rows, thetas[-1].shape[0], "Y_rows")
    if X_rows.shape[0] != Y_rows.shape[0]:
        raise ValueError(f"X_rows and Y_rows must have the same number of rows (examples), "
                         f"got {X_rows.shape[0]} and {Y_rows.shape[0]}")
    m, L = X_rows.shape[0], len(thetas) + 1
    Delta = [np.zeros_like(t) for t in thetas]                    # Delta^(l), l = 1 .. L-1
    for i in range(m):                                            # "for i = 1 to m"
        a, z = _theta_forward(thetas, X_rows[i], cost.activation)
        y = Y_rows[i]
        delta = {L: cost.delta(z[L][:, None], a[L][:, None], y[:, None])[:, 0]}
        for l in range(L - 1, 1, -1):
            back = thetas[l - 1].T @ delta[l + 1]                 # (Theta^(l))^T delta^(l+1)
            delta[l] = back[1:] * sigmoid_prime(z[l])             # drop the bias row, .* g'(z^(l))
        for l in range(1, L):
            Delta[l - 1] += np.outer(delta[l + 1], a[l])          # Delta^(l) += delta^(l+1) a^(l)T
    return [D / m for D in Delta]                                 # D^(l) = Delta^(l) / m


def theta_to_nabla(Ds):
    """Split each D^(l) into our (nabla_b, nabla_w): the bias column is column 0."""
    Ds = _matrices(Ds, "Ds", "D^(l) of theta_gradients")
    for l, D in enumerate(Ds):
        if D.shape[1] < 2:
            raise ValueError(f"Ds[{l}] must have a bias column and at least one weight column, "
                             f"got shape {D.shape}")
    return [D[:, :1] for D in Ds], [D[:, 1:] for D in Ds]


# ---- 2. dZ / dW, columns = examples ---------------------------------------------

def to_parameters(net):
    """{"W1": weights[0], "b1": biases[0], "W2": ...}: layer [l] is our weights[l-1]."""
    _check_net(net)
    params = {}
    for l, (w, b) in enumerate(zip(net.weights, net.biases), start=1):
        params[f"W{l}"], params[f"b{l}"] = w.copy(), b.copy()
    return params


def forward_propagation(X, parameters, output=sigmoid):
    """AL and the caches {"A0": X, "Z1": ..., "A1": ..., ...}; X has shape (n_x, m)."""
    parameters, output = _parameters(parameters), function(output, "output")
    L = len(parameters) // 2
    caches = {"A0": as_batch(X, parameters["W1"].shape[1], "X")}
    A = caches["A0"]
    for l in range(1, L + 1):
        Z = parameters[f"W{l}"] @ A + parameters[f"b{l}"]
        A = output(Z) if l == L else sigmoid(Z)
        caches[f"Z{l}"], caches[f"A{l}"] = Z, A
    return A, caches


def backward_propagation(X, Y, parameters, cost):
    """grads {"dZl", "dWl", "dbl", "dA(l-1)"} for l = L .. 1; X, Y: one column per example."""
    parameters, cost = _parameters(parameters), _as_cost(cost)
    L = len(parameters) // 2
    X = as_batch(X, parameters["W1"].shape[1], "X")
    Y = as_targets(Y, parameters[f"W{L}"].shape[0], X.shape[1], "Y")
    m = X.shape[1]
    AL, caches = forward_propagation(X, parameters, output=cost.activation)
    grads = {f"dZ{L}": cost.delta(caches[f"Z{L}"], AL, Y)}      # dZ[L] (= A[L] - Y for CE)
    for l in range(L, 0, -1):
        dZ, A_prev = grads[f"dZ{l}"], caches[f"A{l - 1}"]
        grads[f"dW{l}"] = dZ @ A_prev.T / m
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
        grads[f"dA{l - 1}"] = parameters[f"W{l}"].T @ dZ
        if l > 1:
            grads[f"dZ{l - 1}"] = grads[f"dA{l - 1}"] * sigmoid_prime(caches[f"Z{l - 1}"])
    return grads


def grads_to_nabla(grads):
    """Our (nabla_b, nabla_w) from the dW / db of backward_propagation."""
    if not isinstance(grads, dict):
        raise TypeError(f"grads must be the dict of backward_propagation, got {type(grads).__name__}")
    L = sum(1 for k in grads if isinstance(k, str) and k.startswith("dW"))
    needed = {f"{p}{l}" for p in ("dW", "db") for l in range(1, L + 1)}
    if L == 0 or not needed <= set(grads):
        raise ValueError(f"grads must hold dW1 .. dWL and db1 .. dbL, got {sorted(map(str, grads))}")
    for key in sorted(needed):
        float_array(grads[key], f"grads[{key!r}]", ndim=2)
    return ([grads[f"db{l}"] for l in range(1, L + 1)],
            [grads[f"dW{l}"] for l in range(1, L + 1)])


# ---- 3. rows = examples ---------------------------------------------------------

def row_gradients(net, X_rows, Y_rows):
    """Backprop with one example per row and W = our weights transposed.

    Returns our (nabla_b, nabla_w) (transposed back) so that they compare directly.
    Forward: H = g(X W + b) row by row; backward: dZ is (N, H), dW = A_prev^T dZ.
    """
    _check_net(net)
    X_rows = _rows(X_rows, net.sizes[0], "X_rows")
    Y_rows = _rows(Y_rows, net.sizes[-1], "Y_rows")
    N = X_rows.shape[0]
    Ws = [w.T for w in net.weights]                                # (D, H): input x output
    bs = [b.ravel() for b in net.biases]                           # (H,)
    As, Zs = [X_rows], []
    for i, (W, b) in enumerate(zip(Ws, bs)):
        Z = As[-1] @ W + b
        last = i == len(Ws) - 1
        As.append(net.cost.activation(Z.T).T if last else sigmoid(Z))
        Zs.append(Z)
    dZ = net.cost.delta(Zs[-1].T, As[-1].T, Y_rows.T).T / N        # (N, K), averaged here
    dWs, dbs = [None] * len(Ws), [None] * len(Ws)
    for i in range(len(Ws) - 1, -1, -1):
        dWs[i] = As[i].T @ dZ                                      # (D, H)
        dbs[i] = dZ.sum(axis=0)
        if i > 0:
            dZ = (dZ @ Ws[i].T) * sigmoid_prime(Zs[i - 1])
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
    _check_net(net)
    X = as_batch(X, net.sizes[0], "X")
    Y = as_targets(Y, net.sizes[-1], X.shape[1], "Y")
    if net.n_params * X.shape[1] > 20_000:
        raise ValueError("value_network is for small networks: n_params * examples must be "
                         f"at most 20000, got {net.n_params * X.shape[1]}")
    name = getattr(net.cost, "name", "")
    if name not in ("quadratic", "cross-entropy", "log-likelihood"):
        raise ValueError(f"value_network knows the three costs of helpers.costs, got {net.cost!r}")
    bias_values = [[Value(float(b[j, 0]), f"b{i + 2}_{j + 1}") for j in range(b.shape[0])]
                   for i, b in enumerate(net.biases)]
    weight_values = [[[Value(float(w[j, k]), f"w{i + 2}_{j + 1}{k + 1}") for k in range(w.shape[1])]
                      for j in range(w.shape[0])] for i, w in enumerate(net.weights)]
    m = X.shape[1]

    def tag(col):
        return f"[x{col + 1}]" if m > 1 else ""

    total = None
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
            if last and name == "log-likelihood":
                shift = max(z.data for z in zs)                   # a constant: changes no gradient
                exps = [(z - shift).exp() for z in zs]
                total_exp = exps[0]
                for e in exps[1:]:
                    total_exp = total_exp + e
                a = [e / total_exp for e in exps]
            else:
                a = [z.sigmoid() for z in zs]
            a = [aj.named(f"a{i + 2}_{j + 1}{tag(col)}") for j, aj in enumerate(a)]
        y = Y[:, col]
        for j, aj in enumerate(a):
            yj = float(y[j])
            if name == "quadratic":
                term = 0.5 * (aj - yj) ** 2
            elif name == "cross-entropy":
                term = -(yj * aj.log() + (1.0 - yj) * (1.0 - aj).log())
            else:
                if yj == 0.0:
                    continue
                term = -yj * aj.log()
            total = term if total is None else total + term
    return (total / m).named("C"), bias_values, weight_values


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
    _check_net(net)
    X = as_batch(X, net.sizes[0], "X")
    Y = as_targets(Y, net.sizes[-1], X.shape[1], "Y")
    return {
        "delta, BP1-BP4 (Network.backprop)": net.backprop(X, Y),
        "Theta, Delta (examples as rows)": theta_to_nabla(theta_gradients(to_thetas(net), X.T,
                                                                          Y.T, net.cost)),
        "dZ, dW (examples as columns)": grads_to_nabla(backward_propagation(
            X, Y, to_parameters(net), net.cost)),
        "rows, W transposed": row_gradients(net, X.T, Y.T),
        "Value graph, reverse mode": value_gradients(net, X, Y),
    }

