"""Correct: reuse assignment 01, sklearn's confusion_matrix at each candidate
threshold; the cost from its counts as Python ints times the costs as floats.
"""

import numpy as np
from sklearn.metrics import confusion_matrix


def expected_cost(y_true, y_pred, cost_fp, cost_fn):
    # CORRECT: labels=[0, 1] keeps a 2x2 matrix when a class is absent.
    (tn, fp), (fn, tp) = confusion_matrix(
        np.asarray(y_true), np.asarray(y_pred), labels=[0, 1]
    ).tolist()
    return fp * float(cost_fp) + fn * float(cost_fn)


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # CORRECT: every distinct score from high to low, strict `<` keeps the largest t.
    y = np.asarray(y_true).astype(np.int64).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    best_t, best_cost = None, None
    for t in np.unique(s)[::-1]:
        (tn, fp), (fn, tp) = confusion_matrix(
            y, (s >= t).astype(int), labels=[0, 1]
        ).tolist()
        cost = fp * float(cost_fp) + fn * float(cost_fn)
        if best_cost is None or cost < best_cost:
            best_t, best_cost = t, cost
    return float(best_t)
