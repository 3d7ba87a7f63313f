"""Correct: percent-free decimal text, and scikit-learn on labels rebuilt from counts."""

import numpy as np
from sklearn.metrics import precision_score, recall_score

q_cm_precision = "0.80"
q_cm_recall = 0.7500001


def confusion_rates(cm):
    cm = np.asarray(cm, dtype=np.float64)
    tn, fp, fn, tp = cm.ravel()
    # weights carry the counts, so huge or fractional counts need no expansion
    y_true = np.array([0, 0, 1, 1])
    y_pred = np.array([0, 1, 0, 1])
    w = np.array([tn, fp, fn, tp])
    if w.sum() == 0:
        return 0.0, 0.0
    p = precision_score(y_true, y_pred, sample_weight=w, zero_division=0)
    r = recall_score(y_true, y_pred, sample_weight=w, zero_division=0)
    return float(p), float(r)
