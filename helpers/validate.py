"""Checking arguments, in one place: every helper validates its input with these.

Each check returns the argument in the form the caller computes with (a
float, an int, a float array, the object itself) or raises an error whose
message STARTS WITH THE ARGUMENT'S NAME and says what was expected:

- TypeError when the argument is the wrong kind of thing ("eta must be a
  real number, got str '0.1'"),
- ValueError when it is the right kind with a wrong value ("eta must be
  positive and finite, got -1", "X contains NaN or infinite values").

So a learner who passes something odd reads one line about their own
argument, never a traceback from deep inside numpy or matplotlib.

    >>> positive(0.5, "eta")
    0.5
    >>> float_array([[1, 2]], "X", shape=(1, None)).dtype
    dtype('float64')
"""
import functools
import math
import numbers

import numpy as np

__all__ = ["real", "positive", "integer", "positive_int", "float_array", "function", "choice", "sequence",
           "instance"]


def _show(x, limit=60):
    """A short repr for a message (a long array or string is cut)."""
    text = " ".join(repr(x).split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _got(x):
    return f"got {type(x).__name__} {_show(x)}"


def _check_name(name):
    if not isinstance(name, str) or not name:
        raise TypeError(f"name must be a non-empty string (the argument's name), got {_show(name)}")


def _bounds(x, name, low, high):
    if low is not None and high is not None and not low <= x <= high:
        raise ValueError(f"{name} must be between {low:g} and {high:g}, got {x:g}")
    if low is not None and x < low:
        raise ValueError(f"{name} must be at least {low:g}, got {x:g}")
    if high is not None and x > high:
        raise ValueError(f"{name} must be at most {high:g}, got {x:g}")


def real(x, name, low=None, high=None):
    """x as a finite float; with low and/or high, also low <= x <= high.

    Accepts Python and numpy numbers (a bool is refused: True is not a number
    a learner means).
    """
    if type(x) is not float:                      # the common case costs one comparison
        x = _to_float(x, name)
    if x - x != 0.0:                              # NaN or +-infinity
        _check_name(name)
        raise ValueError(f"{name} must be finite, got {x}")
    if low is not None or high is not None:
        _bounds(x, name, low, high)
    return x


def _to_float(x, name):
    if type(x) is not int and (isinstance(x, bool) or not isinstance(x, numbers.Real)):
        _check_name(name)
        raise TypeError(f"{name} must be a real number, {_got(x)}")
    try:
        return float(x)
    except OverflowError:                         # an int beyond the float range
        raise ValueError(f"{name} must be finite, got an integer of {len(str(x))} digits") \
            from None


def positive(x, name):
    """x as a finite float greater than 0 (a learning rate, a step size)."""
    if type(x) is not float:
        x = _to_float(x, name)
    if not 0.0 < x < math.inf:                    # also False for NaN
        _check_name(name)
        raise ValueError(f"{name} must be positive and finite, got {x:g}")
    return x


def integer(x, name, low=None, high=None):
    """x as an int (Python or numpy integer, not bool); optionally low <= x <= high."""
    if type(x) is not int:
        if isinstance(x, bool) or not isinstance(x, numbers.Integral):
            _check_name(name)
            raise TypeError(f"{name} must be an integer, {_got(x)}")
        x = int(x)
    if low is not None or high is not None:
        _bounds(x, name, low, high)
    return x


def positive_int(x, name, high=None):
    """x as an int of at least 1 (a count, a size); optionally at most `high`."""
    x = integer(x, name)
    if x < 1:
        raise ValueError(f"{name} must be at least 1, got {x}")
    if high is not None and x > high:
        raise ValueError(f"{name} must be at most {high}, got {x}")
    return x


def float_array(x, name, ndim=None, shape=None, finite=True):
    """x as a float64 numpy array, checked.

    ndim   -- the number of dimensions required (an int, or a tuple of allowed ones)
    shape  -- the shape required; None in an entry allows any length there
    finite -- refuse NaN and infinite entries
    Integer input is converted; bools, strings, objects and ragged lists are refused.
    """
    if type(x) is np.ndarray and x.dtype == np.float64:
        arr = x                                   # the common case, checked cheaply
    else:
        arr = _numeric(x, name, ndim)
    if ndim is not None and arr.ndim not in ((ndim,) if isinstance(ndim, int) else ndim):
        raise ValueError(f"{name} must have {_dims(ndim)}, got shape {arr.shape}")
    if shape is not None and (arr.ndim != len(shape) or any(
            want is not None and got != want for got, want in zip(arr.shape, shape))):
        wanted = ", ".join("*" if s is None else str(s) for s in shape)
        wanted = f"({wanted},)" if len(shape) == 1 else f"({wanted})"
        raise ValueError(f"{name} must have shape {wanted}, got shape {arr.shape}")
    # One sum is finite exactly when every entry is (or when entries near the
    # float limit overflow, which the full check then tells apart).
    if finite and not math.isfinite(arr.sum()) and not np.isfinite(arr).all():
        raise ValueError(f"{name} contains NaN or infinite values")
    return arr


def _numeric(x, name, ndim):
    what = "a number or an array of numbers" if ndim == 0 or (
        isinstance(ndim, tuple) and 0 in ndim) else "a numeric array"
    if isinstance(x, (str, bytes)):
        _check_name(name)
        raise TypeError(f"{name} must be {what}, {_got(x)}")
    try:
        arr = np.asarray(x)
    except Exception:                             # ragged nested lists, etc.
        _check_name(name)
        raise TypeError(f"{name} must be {what}, {_got(x)}") from None
    if arr.dtype == bool or not (np.issubdtype(arr.dtype, np.integer)
                                 or np.issubdtype(arr.dtype, np.floating)):
        _check_name(name)
        raise TypeError(f"{name} must be {what}, {_got(x)} (dtype {arr.dtype})")
    return arr.astype(np.float64, copy=False)


def _dims(ndim):
    if isinstance(ndim, int):
        return {0: "0 dimensions (a single number)", 1: "1 dimension (a vector)",
                2: "2 dimensions (a matrix)"}.get(ndim, f"{ndim} dimensions")
    return " or ".join(str(n) for n in ndim) + " dimensions"


def function(fn, name):
    """fn itself, if it can be called."""
    if not callable(fn):
        _check_name(name)
        raise TypeError(f"{name} must be callable (a function), {_got(fn)}")
    return fn


def choice(x, name, options):
    """x itself, if it is one of `options` (compared with ==)."""
    try:
        ok = x in options
    except TypeError:                             # unhashable x, options a set or dict
        ok = False
    if not ok:
        _check_name(name)
        listed = [_show(o) for o in options]
        either = " or ".join(listed) if len(listed) <= 2 else "one of " + ", ".join(listed)
        raise ValueError(f"{name} must be {either}, {_got(x)}")
    return x


def sequence(x, name, what):
    """x as a list, if it is a list-like of items (not a string); `what` says what it must be."""
    if isinstance(x, (str, bytes)) or not hasattr(x, "__iter__"):
        _check_name(name)
        raise TypeError(f"{name} must be {what}, got {type(x).__name__}")
    return list(x)


def instance(x, name, cls):
    """x itself, if it is an instance of `cls` (a class or a tuple of classes)."""
    if not isinstance(x, cls):
        _check_name(name)
        names = [c.__name__ for c in (cls if isinstance(cls, tuple) else (cls,))]
        article = "an" if names[0][0].lower() in "aeiou" else "a"
        raise TypeError(f"{name} must be {article} {' or '.join(names)}, got {type(x).__name__}")
    return x


# ---- for the array formulas of activations and costs ------------------------------

def _checked_arrays(*names, ndim=None):
    """Decorate a formula of arrays: its arguments `names` are checked first.

    Each must be a finite float array with `ndim` dimensions (any if None),
    not empty, and all of the same shape. The formula itself stays at
    `checked.__wrapped__` (see `_unchecked`), so code that has checked its
    data once (a Network's mini-batch) can call it without checking again.
    """
    def decorate(formula):
        @functools.wraps(formula)
        def checked(*args, **kwargs):
            rest = names[len(args):]
            if len(args) > len(names) or set(kwargs) != set(rest):
                raise TypeError(f"{formula.__name__} takes the arguments ({', '.join(names)}), "
                                f"got {len(args)} and {', '.join(kwargs) or 'no names'}")
            values = list(args) + [kwargs[n] for n in rest]
            arrays = [float_array(x, n, ndim) for x, n in zip(values, names)]
            first = arrays[0]
            if first.size == 0:
                raise ValueError(f"{names[0]} must not be empty, got shape {first.shape}")
            for arr, n in zip(arrays[1:], names[1:]):
                if arr.shape != first.shape:
                    raise ValueError(f"{n} must have the shape of {names[0]} {first.shape}, "
                                     f"got shape {arr.shape}")
            return formula(*arrays)
        return checked
    return decorate


def _unchecked(fn):
    """The formula inside a function decorated with `_checked_arrays` (else fn itself)."""
    return getattr(fn, "__wrapped__", fn)
