"""Wrong: precision and recall swapped, in the numbers and in the function."""

import numpy as np

q_cm_precision = 0.75
q_cm_recall = 0.8


def confusion_rates(cm):
    tn, fp, fn, tp = np.asarray(cm, dtype=float).ravel()
    recall = tp / (tp + fn) if tp + fn else 0.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    return recall, precision
