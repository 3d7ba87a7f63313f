"""Tolerance shortcuts deciding exact conditions."""

import numpy as np


def r2(y_true, y_pred):
    # isclose decides "constant target" and "perfect prediction": wrong for tiny values
    t, p = np.asarray(y_true, float), np.asarray(y_pred, float)
    ss_tot = np.sum((t - t.mean()) ** 2)
    ss_res = np.sum((t - p) ** 2)
    if np.isclose(ss_tot, 0):
        return 1.0 if np.isclose(ss_res, 0) else 0.0
    return float(1 - ss_res / ss_tot)


def roc_curve(y_true, scores):
    # merges scores within isclose into one threshold
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    u = np.unique(s)[::-1]
    keep = [u[0]] if len(u) else []
    for v in u[1:]:
        if not np.isclose(v, keep[-1]):
            keep.append(v)
    thresholds = np.r_[np.inf, keep]
    P, N = max(y.sum(), 1), max((1 - y).sum(), 1)
    tpr = np.array([np.sum((s >= t) & (y == 1)) for t in thresholds]) / P
    fpr = np.array([np.sum((s >= t) & (y == 0)) for t in thresholds]) / N
    return fpr, tpr, thresholds
