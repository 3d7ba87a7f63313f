import math

import numpy as np


def roc_curve(y_true, scores):
    # WRONG: treats scores equal up to float noise (math.isclose, rel_tol=1e-13) as one
    # threshold. y_true = [0, 1], scores = [0.3, 0.1 + 0.2] gives 2 points;
    # right: fpr [0, 0, 1], tpr [0, 1, 1], thresholds [inf, 0.30000000000000004, 0.3].
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    distinct = []
    for v in sorted(set(s.tolist()), reverse=True):
        if distinct and math.isclose(v, distinct[-1], rel_tol=1e-13, abs_tol=0.0):
            continue
        distinct.append(v)
    thresholds = np.array([np.inf] + distinct)
    n_pos, n_neg = np.sum(y == 1), np.sum(y == 0)
    tpr = np.array([np.sum((s >= t) & (y == 1)) for t in thresholds]) / n_pos
    fpr = np.array([np.sum((s >= t) & (y == 0)) for t in thresholds]) / n_neg
    return fpr, tpr, thresholds


def roc_auc(y_true, scores):
    # WRONG: near-equal scores (rel 1e-13) counted as ties. y_true = [0, 1],
    # scores = [0.3, 0.1 + 0.2] gives 0.5; right: 1.0.
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    pos, neg = s[y == 1], s[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("only one class")
    tie = np.isclose(pos[:, None], neg[None, :], rtol=1e-13, atol=0.0)
    win = (pos[:, None] > neg[None, :]) & ~tie
    return float(np.mean(win + 0.5 * tie))
