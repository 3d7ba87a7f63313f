"""Correct: counts from sklearn's roc_curve with its default drop_intermediate=True (a
dropped point is collinear with its neighbours, so never strictly best, and a tie
keeps the larger neighbour).
"""

import numpy as np
from sklearn.metrics import roc_curve


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # CORRECT: drop_intermediate=True drops only points collinear between their
    # neighbours (never the first real threshold: the (0, 0) point is added after the
    # drop). The cost is linear in (FP, TP), so a dropped point is never strictly best,
    # and when it ties, the kept neighbour above it is larger and costs the same.
    # Counts recovered exactly with rint; no positives/negatives: nan -> 0.
    y = np.asarray(y_true).astype(int).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    n_pos = int(y.sum())
    n_neg = len(y) - n_pos
    fpr, tpr, thresholds = roc_curve(y, s)
    fpr, tpr, thresholds = fpr[1:], tpr[1:], thresholds[1:]  # drop the inf point
    fp = np.rint(np.nan_to_num(fpr) * n_neg)
    fn = n_pos - np.rint(np.nan_to_num(tpr) * n_pos)
    cost = fp * float(cost_fp) + fn * float(cost_fn)
    return float(thresholds[int(np.argmin(cost))])  # decreasing: first = largest t
