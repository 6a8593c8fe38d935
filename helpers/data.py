"""A real, small data set that needs no download: scikit-learn's 8x8 handwritten digits.

1,797 grey images of the digits 0-9, 8 x 8 pixels with values 0-16, shipped
inside scikit-learn itself. `load_digits()` returns them in the layout of
`helpers.network.Network`: one COLUMN per image, pixels scaled to 0-1, and
one-hot targets, split into training and test sets by a fixed, seeded,
class-balanced shuffle (the same split on every machine and every run).

    >>> d = load_digits()
    >>> d.X_train.shape, d.Y_train.shape, d.X_test.shape
    ((64, 1347), (10, 1347), (64, 450))
"""
import functools
import importlib.util
import pathlib
from dataclasses import dataclass

import numpy as np

from helpers.network import one_hot
from helpers.i18n import _
from helpers.validate import integer, real

__all__ = ["Digits", "load_digits", "IMAGE_SHAPE", "N_CLASSES", "sklearn_table"]

IMAGE_SHAPE = (8, 8)
N_CLASSES = 10


@dataclass(frozen=True)
class Digits:
    """The digits split into training and test sets, one column per image.

    X_* -- pixels, shape (64, m), values 0 to 1 (row by row from the top left)
    Y_* -- one-hot targets, shape (10, m)
    y_* -- the labels 0-9, shape (m,)
    """
    X_train: np.ndarray
    Y_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray
    y_test: np.ndarray

    def __repr__(self):
        return _("Digits({train} training and {test} test images of {rows}x{columns} pixels, "
                 "{classes} classes)").format(train=self.X_train.shape[1], test=self.X_test.shape[1],
                                              rows=IMAGE_SHAPE[0], columns=IMAGE_SHAPE[1],
                                              classes=N_CLASSES)


def sklearn_table(filename, skiprows=0):
    """A table of numbers from scikit-learn's datasets/data/ folder, or None if it is not there.

    Reading the file directly saves importing scikit-learn (about a second);
    if it ever moves, the callers use scikit-learn's public loader instead.
    """
    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.origin:
        return None
    path = pathlib.Path(spec.origin).parent / "datasets" / "data" / filename
    return np.loadtxt(path, delimiter=",", skiprows=skiprows) if path.is_file() else None


@functools.lru_cache(maxsize=1)
def _raw():
    """All 1,797 images as rows (values 0-16) and their labels: 64 pixels and the label a line."""
    table = sklearn_table("digits.csv.gz")
    if table is not None and table.shape == (1797, 65):
        return table[:, :64], table[:, 64].astype(np.int64)
    from sklearn.datasets import load_digits as sklearn_digits
    bunch = sklearn_digits()
    return bunch.data.astype(float), bunch.target.astype(np.int64)


def load_digits(test_fraction=0.25, seed=0):
    """The digits with a fixed train/test split.

    test_fraction -- the share of each digit class held out for testing (between 0 and 1)
    seed          -- seed of np.random.default_rng for the shuffle (the default split is 0)

    Each class is shuffled and split on its own, so both sets hold every digit
    in the same proportions; each set is then put in a shuffled order.
    """
    test_fraction = real(test_fraction, "test_fraction", 0.0, 1.0)
    seed = integer(seed, "seed", low=0)
    pixels, labels = _raw()
    rng = np.random.default_rng(seed)
    train, test = [], []
    for digit in range(N_CLASSES):
        members = rng.permutation(np.flatnonzero(labels == digit))
        n_test = int(round(test_fraction * members.size))
        if n_test == 0 or n_test == members.size:
            raise ValueError(f"test_fraction must leave images of every digit in both sets, "
                             f"got {test_fraction}")
        test.append(members[:n_test])
        train.append(members[n_test:])
    train, test = rng.permutation(np.concatenate(train)), rng.permutation(np.concatenate(test))
    X = pixels / 16.0
    return Digits(X_train=np.ascontiguousarray(X[train].T), Y_train=one_hot(labels[train], N_CLASSES),
                  y_train=labels[train], X_test=np.ascontiguousarray(X[test].T),
                  Y_test=one_hot(labels[test], N_CLASSES), y_test=labels[test])
