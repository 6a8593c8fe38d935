"""A scalar computation graph whose edges carry their local derivatives.

Every operation computes its value *and* the derivative of that value with
respect to each input, and stores the derivatives as plain numbers on the
edges. The path sum, forward mode and reverse mode are then three walks over
the same numbers. Since edges hold numbers rather than closures, a graph has
no reference cycles and is freed as soon as the last name for it goes.

    >>> a, b = Value(2.0, "a"), Value(1.0, "b")
    >>> e = (a + b) * (b + 1)
    >>> e.backward(); b.grad
    5.0
"""
import math

from helpers.validate import real

__all__ = ["Value", "topological_order"]


class Value:
    """A number in a computation graph.

    data     -- the value computed in the forward pass
    label    -- a name for display ("a", "c", ...), may be empty
    op       -- the operation that made it ("+", "*", "exp", ...), "" for inputs
    parents  -- the Values it was computed from (one per edge, repeats allowed)
    local    -- d(self)/d(parent) for each edge, a float, same order as parents
    grad     -- d(output)/d(self) after output.backward()

    Every operation below makes its result with this same constructor,
    Value(result, "", op, parents, local); only an input (no parents) has
    its data checked, since a result is computed from checked numbers.
    """

    __slots__ = ("data", "label", "op", "parents", "local", "grad")

    def __init__(self, data, label="", op="", parents=(), local=()):
        if not parents:             # an input: check what the learner typed
            data = real(data, "Value data")
            if not isinstance(label, str):
                raise TypeError(f"label must be a string, got {type(label).__name__}")
        self.data, self.label, self.op = data, label, op
        self.parents, self.local, self.grad = parents, local, 0.0

    def named(self, label):
        """Set the display label and return self: `c = (a + b).named("c")`."""
        if not isinstance(label, str):
            raise TypeError(f"label must be a string, got {type(label).__name__}")
        self.label = label
        return self

    def __repr__(self):
        name = f", {self.label!r}" if self.label else ""
        return f"Value({self.data:.6g}{name})"

    # ---- arithmetic: value and local derivative(s), nothing else ----------

    def __add__(self, other):
        if isinstance(other, Value):
            return Value(self.data + other.data, "", "+", (self, other), (1.0, 1.0))
        c = real(other, "the number added")
        return Value(self.data + c, "", "+", (self,), (1.0,))

    __radd__ = __add__

    def __mul__(self, other):
        if isinstance(other, Value):
            return Value(self.data * other.data, "", "*", (self, other), (other.data, self.data))
        c = real(other, "the factor")
        return Value(self.data * c, "", "*", (self,), (c,))

    __rmul__ = __mul__

    def __neg__(self):
        return Value(-self.data, "", "neg", (self,), (-1.0,))

    def __sub__(self, other):
        if isinstance(other, Value):
            return Value(self.data - other.data, "", "-", (self, other), (1.0, -1.0))
        c = real(other, "the number subtracted")
        return Value(self.data - c, "", "-", (self,), (1.0,))

    def __rsub__(self, other):
        c = real(other, "the number subtracted from")
        return Value(c - self.data, "", "-", (self,), (-1.0,))

    def __truediv__(self, other):
        if isinstance(other, Value):
            if other.data == 0.0:
                raise ValueError(f"division by zero: the divisor {other!r} is 0")
            q = self.data / other.data
            return Value(q, "", "/", (self, other), (1.0 / other.data, -q / other.data))
        c = real(other, "the divisor")
        if c == 0.0:
            raise ValueError("division by zero: the divisor is 0")
        return Value(self.data / c, "", "/", (self,), (1.0 / c,))

    def __rtruediv__(self, other):
        c = real(other, "the dividend")
        if self.data == 0.0:
            raise ValueError(f"division by zero: the divisor {self!r} is 0")
        q = c / self.data
        return Value(q, "", "/", (self,), (-q / self.data,))

    def __pow__(self, p):
        if isinstance(p, Value):
            raise TypeError("the exponent of ** must be a constant number, not a Value")
        p = real(p, "the exponent")
        x = self.data
        if x == 0.0 and p < 1.0:
            raise ValueError(f"0 ** {p} has no finite derivative")
        if x < 0.0 and not p.is_integer():
            raise ValueError(f"a negative base ({x}) needs an integer exponent, got {p}")
        try:
            return Value(x ** p, "", f"**{p:g}", (self,), (p * x ** (p - 1.0),))
        except OverflowError:
            raise ValueError(f"{x} ** {p} overflows a float") from None

    # ---- functions --------------------------------------------------------

    def exp(self):
        if self.data > 709.0:
            raise ValueError(f"exp({self.data}) overflows a float")
        y = math.exp(self.data)
        return Value(y, "", "exp", (self,), (y,))

    def log(self):
        if self.data <= 0.0:
            raise ValueError(f"log needs a positive value, got {self.data}")
        return Value(math.log(self.data), "", "log", (self,), (1.0 / self.data,))

    def tanh(self):
        # slope 1 / cosh(x)^2 = 4e / (1 + e)^2 with e = exp(-2|x|): no overflow,
        # and all its digits where 1 - tanh(x)^2 would round to 0
        e = math.exp(-2.0 * abs(self.data))
        return Value(math.tanh(self.data), "", "tanh", (self,), (4.0 * e / (1.0 + e) ** 2,))

    def sigmoid(self):
        # e = exp(-|x|) never overflows; the slope e / (1 + e)^2 keeps its
        # digits where s(1 - s) would round to 0 (x = 40: s is 1.0 exactly)
        x = self.data
        e = math.exp(-abs(x))
        s = 1.0 / (1.0 + e) if x >= 0 else e / (1.0 + e)
        return Value(s, "", "sigmoid", (self,), (e / (1.0 + e) ** 2,))

    def relu(self):
        x = self.data
        return Value(x if x > 0 else 0.0, "", "relu", (self,), (1.0 if x > 0 else 0.0,))

    # ---- walking the graph ------------------------------------------------

    def topo(self):
        """Every node this one depends on, itself last, parents before children."""
        return topological_order([self])

    def inputs(self):
        """The leaves of the graph (nodes made with Value(...)), in topological order."""
        return [n for n in self.topo() if not n.parents]

    def edges(self):
        """(parent, child, local derivative) for every edge, from the output back."""
        return [(p, child, d) for child in reversed(self.topo())
                for p, d in zip(child.parents, child.local)]

    def zero_grad(self):
        """Set .grad to 0 on every node of this graph."""
        for node in self.topo():
            node.grad = 0.0

    def backward(self):
        """Reverse mode: fill in d(self)/d(node) as node.grad for every node.

        Grads are reset first, so a second call gives the same numbers.
        """
        order = self.topo()
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):
            g = node.grad
            for parent, d in zip(node.parents, node.local):
                parent.grad += g * d   # += : a value used twice gets both paths


def topological_order(roots):
    """Every node the roots depend on, parents before children, each once.

    Depth-first, without recursion: each stack entry is a node and an
    iterator over its parents; a node joins the order once every parent has.
    (Values hash by identity, so `seen` holds the nodes themselves.)
    """
    order, seen = [], set()
    for root in roots:
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(root.parents))]
        while stack:
            node, parents = stack[-1]
            for p in parents:
                if p not in seen:
                    seen.add(p)
                    stack.append((p, iter(p.parents)))
                    break
            else:
                stack.pop()
                order.append(node)
    return order
