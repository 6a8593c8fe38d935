"""Checks at the door: the arguments of the names that notebooks call.

Each check returns the argument in the form the caller computes with (a
float, an int, a float array, the object itself) or raises an error whose
message STARTS WITH THE ARGUMENT'S NAME and says what was expected:
TypeError for the wrong kind of thing ("eta must be a real number, got str
'0.1'"), ValueError for a wrong value ("eta must be positive and finite, got
-1"). Inside, the formulas trust their data.

    >>> positive(0.5, "eta")
    0.5
"""
import math
import numbers

import numpy as np

__all__ = ["real", "positive", "integer", "positive_int", "float_array", "function", "choice",
           "sequence", "instance", "by_name"]


def _got(x, limit=60):
    text = " ".join(repr(x).split())
    return f"got {type(x).__name__} {text if len(text) <= limit else text[:limit - 3] + '...'}"


def _bounds(x, name, low, high):
    if (low is not None and x < low) or (high is not None and x > high):
        want = (f"between {low:g} and {high:g}" if low is not None and high is not None
                else f"at least {low:g}" if low is not None else f"at most {high:g}")
        raise ValueError(f"{name} must be {want}, got {x:g}")
    return x


def _float(x, name):
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise TypeError(f"{name} must be a real number, {_got(x)}")
    try:
        return float(x)
    except OverflowError:                         # an int beyond the float range
        raise ValueError(f"{name} must be finite, got an integer of {len(str(x))} digits") from None


def real(x, name, low=None, high=None):
    """x as a finite float (not a bool); with low and/or high, also low <= x <= high."""
    x = x if type(x) is float else _float(x, name)
    if not math.isfinite(x):
        raise ValueError(f"{name} must be finite, got {x}")
    return _bounds(x, name, low, high)


def positive(x, name):
    """x as a finite float greater than 0 (a learning rate, a step size)."""
    x = x if type(x) is float else _float(x, name)
    if not 0.0 < x < math.inf:                    # also False for NaN
        raise ValueError(f"{name} must be positive and finite, got {x:g}")
    return x


def integer(x, name, low=None, high=None):
    """x as an int (Python or numpy integer, not bool); optionally low <= x <= high."""
    if isinstance(x, bool) or not isinstance(x, numbers.Integral):
        raise TypeError(f"{name} must be an integer, {_got(x)}")
    return _bounds(int(x), name, low, high)


def positive_int(x, name, high=None):
    """x as an int of at least 1 (a count, a size); optionally at most `high`."""
    x = integer(x, name)
    if x < 1:
        raise ValueError(f"{name} must be at least 1, got {x}")
    return _bounds(x, name, None, high)


def float_array(x, name, ndim=None, shape=None, finite=True):
    """x as a float64 numpy array: integers are converted; bools, strings and ragged lists refused.

    ndim   -- the number of dimensions required (an int, or a tuple of allowed ones)
    shape  -- the shape required; None in an entry allows any length there
    finite -- refuse NaN and infinite entries
    """
    if not (type(x) is np.ndarray and x.dtype == np.float64):
        try:
            arr = None if isinstance(x, (str, bytes)) else np.asarray(x)
        except (TypeError, ValueError):           # ragged nested lists, etc.
            arr = None
        if arr is None or arr.dtype == bool or arr.dtype.kind not in "iuf":
            raise TypeError(f"{name} must be a number or an array of numbers, {_got(x)}")
        x = arr.astype(np.float64, copy=False)
    ndims = (ndim,) if isinstance(ndim, int) else ndim
    if ndims is not None and x.ndim not in ndims:
        raise ValueError(f"{name} must have {' or '.join(map(str, ndims))} dimensions, "
                         f"got shape {x.shape}")
    if shape is not None and (x.ndim != len(shape) or any(
            want is not None and got != want for got, want in zip(x.shape, shape))):
        wanted = ", ".join("*" if s is None else str(s) for s in shape)
        raise ValueError(f"{name} must have shape ({wanted}{',' if len(shape) == 1 else ''}), "
                         f"got shape {x.shape}")
    if finite and not np.isfinite(x).all():
        raise ValueError(f"{name} contains NaN or infinite values")
    return x


def function(fn, name):
    """fn itself, if it can be called."""
    if not callable(fn):
        raise TypeError(f"{name} must be callable (a function), {_got(fn)}")
    return fn


def choice(x, name, options):
    """x itself, if it is one of `options` (compared with ==)."""
    try:
        ok = x in options
    except TypeError:                             # unhashable x, options a set or dict
        ok = False
    if not ok:
        listed = [repr(o) for o in options]
        either = " or ".join(listed) if len(listed) <= 2 else "one of " + ", ".join(listed)
        raise ValueError(f"{name} must be {either}, {_got(x)}")
    return x


def sequence(x, name, what):
    """x as a list, if it is a list-like of items (not a string); `what` says what it must be."""
    if isinstance(x, (str, bytes)) or not hasattr(x, "__iter__"):
        raise TypeError(f"{name} must be {what}, got {type(x).__name__}")
    return list(x)


def instance(x, name, cls):
    """x itself, if it is an instance of `cls` (a class or a tuple of classes)."""
    if not isinstance(x, cls):
        names = [c.__name__ for c in (cls if isinstance(cls, tuple) else (cls,))]
        article = "an" if names[0][0].lower() in "aeiou" else "a"
        raise TypeError(f"{name} must be {article} {' or '.join(names)}, got {type(x).__name__}")
    return x


def by_name(x, name, table, methods):
    """x itself if it has every method in `methods`, or table[x] when x is a name in the table."""
    if isinstance(x, str):
        if x not in table:
            raise ValueError(f"{name} must be one of {sorted(table)} or an object like them, "
                             f"got {x!r}")
        return table[x]
    if not all(callable(getattr(x, method, None)) for method in methods):
        raise TypeError(f"{name} must be one of {sorted(table)} or an object with "
                        f"{', '.join(methods)}, {_got(x)}")
    return x
