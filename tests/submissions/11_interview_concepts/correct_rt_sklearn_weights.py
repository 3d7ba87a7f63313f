"""Correct (red team): scikit-learn itself, the four cells as sample weights of the
four (true, predicted) pairs; float weights handle weighted and tiny counts."""

import numpy as np
from sklearn.metrics import precision_score, recall_score


def confusion_rates(cm):
    w = np.asarray(cm, dtype=np.float64).ravel()
    y_true, y_pred = [0, 0, 1, 1], [0, 1, 0, 1]
    if w.sum() == 0:
        return 0.0, 0.0
    return (
        precision_score(y_true, y_pred, sample_weight=w, zero_division=0),
        recall_score(y_true, y_pred, sample_weight=w, zero_division=0),
    )
