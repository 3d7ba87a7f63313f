import numpy as np


def confusion_matrix(y_true, y_pred):
    # WRONG on int8 label arrays with >= 128 samples in one cell: counts by dot product
    # keep the input dtype, so int8 @ int8 wraps. E.g. y_true = y_pred = np.ones(128, np.int8)
    # gives [[0, 0], [0, -128]]; right: [[0, 0], [0, 128]].
    t = np.asarray(y_true).ravel()
    p = np.asarray(y_pred).ravel()
    tp = t @ p
    fp = (1 - t) @ p
    fn = t @ (1 - p)
    tn = (1 - t) @ (1 - p)
    return np.array([[tn, fp], [fn, tp]])


def precision(y_true, y_pred):
    # WRONG on int8 arrays: y_true = y_pred = np.ones(128, np.int8) gives tp = -128 and
    # precision -1.0; right: 1.0.
    t = np.asarray(y_true).ravel()
    p = np.asarray(y_pred).ravel()
    tp = t @ p
    flagged = p.sum()
    return float(tp / flagged) if flagged else 0.0


def recall(y_true, y_pred):
    # WRONG on int8 arrays: y_true = y_pred = np.ones(128, np.int8) gives -1.0; right: 1.0.
    t = np.asarray(y_true).ravel()
    p = np.asarray(y_pred).ravel()
    tp = t @ p
    positives = t.sum()
    return float(tp / positives) if positives else 0.0
