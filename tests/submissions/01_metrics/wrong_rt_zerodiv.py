"""Zero denominators and degenerate inputs handled wrongly; otherwise right."""

import numpy as np


def confusion_matrix(y_true, y_pred):
    t = np.asarray(y_true)
    p = np.asarray(y_pred)
    from collections import Counter

    c = Counter(zip(t.tolist(), p.tolist()))
    keys = sorted(c)
    if len(keys) < 4:
        # learner "fills" only what it saw, in order of appearance
        vals = [c[k] for k in keys] + [0] * (4 - len(keys))
        return np.array(vals).reshape(2, 2)
    return np.array([[c[(0, 0)], c[(0, 1)]], [c[(1, 0)], c[(1, 1)]]])


def precision(y_true, y_pred):
    t = np.asarray(y_true, float)
    p = np.asarray(y_pred, float)
    with np.errstate(all="ignore"):
        return np.sum(t * p) / np.sum(p)


def f_beta(y_true, y_pred, beta=1.0):
    t = np.asarray(y_true, float)
    p = np.asarray(y_pred, float)
    tp = np.sum(t * p)
    P = tp / p.sum() if p.sum() else 0.0
    R = tp / t.sum() if t.sum() else 0.0
    b2 = beta**2
    with np.errstate(all="ignore"):
        return np.float64((1 + b2) * P * R) / np.float64(b2 * P + R)


def roc_curve(y_true, scores):
    # collinear points pruned, like sklearn's default drop_intermediate=True
    from sklearn.metrics import roc_curve as sk

    return sk(y_true, scores)


def roc_auc(y_true, scores):
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    pos, neg = s[y == 1], s[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        return 0.5
    return np.mean((pos[:, None] > neg) + 0.5 * (pos[:, None] == neg))


def r2(y_true, y_pred):
    y = np.asarray(y_true, float)
    p = np.asarray(y_pred, float)
    ss_tot = np.sum((y - y.mean()) ** 2)
    ss_res = np.sum((y - p) ** 2)
    if ss_tot == 0:
        return 0.0
    return 1 - ss_res / ss_tot


def rmse(y_true, y_pred):
    d = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return np.sqrt(np.sum(d**2)) / len(d)


def mae(y_true, y_pred):
    # list inputs not converted: works only on arrays
    return np.mean(np.abs(y_true - y_pred))
