import numpy as np


# WRONG on int8 labels spanning more than 127: y - y.min() wraps in int8 and
# np.bincount raises ValueError. Input: np.array([-100, -100, -100, 100], dtype=np.int8);
# right value (compute_class_weight): {-100: 2/3, 100: 2.0}.
def balanced_class_weights(y):
    y = np.asarray(y)
    if y.dtype.kind in "iu":  # fast path for integer labels
        lo = y.min()
        counts = np.bincount(y - lo)
        classes = np.flatnonzero(counts)
        n, k = len(y), len(classes)
        return {int(c + lo): float(n / (k * counts[c])) for c in classes}
    classes, counts = np.unique(y, return_counts=True)
    return {
        c: float(len(y) / (len(classes) * m)) for c, m in zip(classes.tolist(), counts)
    }
