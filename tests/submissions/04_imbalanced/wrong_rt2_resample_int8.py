import numpy as np


# WRONG on int8 label vectors whose labels span more than 127 (the contract: label
# vectors may come in any integer dtype): the "fast path for integer labels" shifts
# by the minimum, y - y.min(), in int8, which wraps negative, and np.bincount raises.
# Input: X = [[0], [1], [2], [3]], y = np.array([-100, -100, -100, 100], dtype=np.int8).
# Right: undersample -> 1 row of each class; oversample -> 3 rows of each class.
# Here: ValueError (bincount of negative values).
def random_undersample(X, y, random_state=None):
    def _classes(y):
        if y.dtype.kind in "iu":  # fast path for integer labels
            lo = y.min()
            counts = np.bincount(y - lo)
            classes = np.flatnonzero(counts)
            return classes + lo, counts[classes], y - lo, classes
        classes, inv, counts = np.unique(y, return_inverse=True, return_counts=True)
        return classes, counts, inv, np.arange(len(classes))

    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, counts, code, codes = _classes(y)
    keep = np.concatenate(
        [
            rng.choice(np.flatnonzero(code == c), size=counts.min(), replace=False)
            for c in codes
        ]
    )
    keep = rng.permutation(keep)
    return X[keep], y[keep]


def random_oversample(X, y, random_state=None):
    def _classes(y):
        if y.dtype.kind in "iu":  # fast path for integer labels
            lo = y.min()
            counts = np.bincount(y - lo)
            classes = np.flatnonzero(counts)
            return classes + lo, counts[classes], y - lo, classes
        classes, inv, counts = np.unique(y, return_inverse=True, return_counts=True)
        return classes, counts, inv, np.arange(len(classes))

    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, counts, code, codes = _classes(y)
    extra = [
        rng.choice(np.flatnonzero(code == c), size=counts.max() - n, replace=True)
        for c, n in zip(codes, counts)
    ]
    keep = np.concatenate([np.arange(len(y)), *extra])
    return X[keep], y[keep]
