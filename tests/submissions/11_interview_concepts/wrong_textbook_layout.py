"""Wrong: reads the matrix as [[TP, FN], [FP, TN]] (the textbook layout)."""

import numpy as np

q_cm_precision = 905 / (905 + 20)
q_cm_recall = 905 / (905 + 15)


def confusion_rates(cm):
    (tp, fn), (fp, tn) = np.asarray(cm, dtype=float)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall
