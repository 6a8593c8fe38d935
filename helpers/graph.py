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

from helpers.validate import real as _check_number    # (the name notebook 01 shows)

__all__ = ["Value", "as_value", "topological_order"]


class Value:
    """A number in a computation graph.

    data     -- the value computed in the forward pass
    label    -- a name for display ("a", "c", ...), may be empty
    op       -- the operation that made it ("+", "*", "exp", ...), "" for inputs
    parents  -- the Values it was computed from (one per edge, repeats allowed)
    local    -- d(self)/d(parent) for each edge, a float, same order as parents
    grad     -- d(output)/d(self) after output.backward()
    """

    __slots__ = ("data", "label", "op", "parents", "local", "grad")

    def __init__(self, data, label=""):
        if not isinstance(label, str):
            raise TypeError(f"label must be a string, got {type(label).__name__}")
        self.data = _check_number(data, "Value data")
        self.label = label
        self.op = ""
        self.parents = ()
        self.local = ()
        self.grad = 0.0

    @classmethod
    def _result(cls, data, op, parents, local):
        """A new node from an operation; skips the input checks (hot path)."""
        out = cls.__new__(cls)
        out.data, out.label, out.op = data, "", op
        out.parents, out.local, out.grad = parents, local, 0.0
        return out

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
            return Value._result(self.data + other.data, "+", (self, other), (1.0, 1.0))
        c = _check_number(other, "the number added")
        return Value._result(self.data + c, "+", (self,), (1.0,))

    __radd__ = __add__

    def __mul__(self, other):
        if isinstance(other, Value):
            return Value._result(self.data * other.data, "*", (self, other), (other.data, self.data))
        c = _check_number(other, "the factor")
        return Value._result(self.data * c, "*", (self,), (c,))

    __rmul__ = __mul__

    def __neg__(self):
        return Value._result(-self.data, "neg", (self,), (-1.0,))

    def __sub__(self, other):
        if isinstance(other, Value):
            return Value._result(self.data - other.data, "-", (self, other), (1.0, -1.0))
        c = _check_number(other, "the number subtracted")
        return Value._result(self.data - c, "-", (self,), (1.0,))

    def __rsub__(self, other):
        c = _check_number(other, "the number subtracted from")
        return Value._result(c - self.data, "-", (self,), (-1.0,))

    def __truediv__(self, other):
        if isinstance(other, Value):
            if other.data == 0.0:
                raise ValueError(f"division by zero: the divisor {other!r} is 0")
            q = self.data / other.data
            return Value._result(q, "/", (self, other), (1.0 / other.data, -q / other.data))
        c = _check_number(other, "the divisor")
        if c == 0.0:
            raise ValueError("division by zero: the divisor is 0")
        return Value._result(self.data / c, "/", (self,), (1.0 / c,))

    def __rtruediv__(self, other):
        c = _check_number(other, "the dividend")
        if self.data == 0.0:
            raise ValueError(f"division by zero: the divisor {self!r} is 0")
        q = c / self.data
        return Value._result(q, "/", (self,), (-q / self.data,))

    def __pow__(self, p):
        if isinstance(p, Value):
            raise TypeError("the exponent of ** must be a constant number, not a Value")
        p = _check_number(p, "the exponent")
        x = self.data
        if x == 0.0 and p < 1.0:
            raise ValueError(f"0 ** {p} has no finite derivative")
        if x < 0.0 and not p.is_integer():
            raise ValueError(f"a negative base ({x}) needs an integer exponent, got {p}")
        try:
            return Value._result(x ** p, f"**{p:g}", (self,), (p * x ** (p - 1.0),))
        except OverflowError:
            raise ValueError(f"{x} ** {p} overflows a float") from None

    # ---- functions --------------------------------------------------------

    def exp(self):
        if self.data > 709.0:
            raise ValueError(f"exp({self.data}) overflows a float")
        y = math.exp(self.data)
        return Value._result(y, "exp", (self,), (y,))

    def log(self):
        if self.data <= 0.0:
            raise ValueError(f"log needs a positive value, got {self.data}")
        return Value._result(math.log(self.data), "log", (self,), (1.0 / self.data,))

    def tanh(self):
        t = math.tanh(self.data)
        return Value._result(t, "tanh", (self,), (1.0 - t * t,))

    def sigmoid(self):
        x = self.data
        # Two forms so that exp never sees a large positive argument.
        s = 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))
        return Value._result(s, "sigmoid", (self,), (s * (1.0 - s),))

    def relu(self):
        x = self.data
        return Value._result(x if x > 0 else 0.0, "relu", (self,), (1.0 if x > 0 else 0.0,))

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


def as_value(x, label=""):
    """x if it is already a Value, else a new input Value."""
    return x if isinstance(x, Value) else Value(_check_number(x, "x"), label)


def topological_order(roots):
    """Every node the roots depend on, parents before children, each once.

    Depth-first, without recursion: each stack entry is a node and an
    iterator over its parents; a node joins the order once every parent has.
    (Values hash by identity, so `seen` holds the nodes themselves.)
    """
    if isinstance(roots, Value) or not isinstance(roots, (list, tuple)) or \
            not all(isinstance(r, Value) for r in roots):
        raise TypeError(f"roots must be a list of Values, got {roots!r:.60}")
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
