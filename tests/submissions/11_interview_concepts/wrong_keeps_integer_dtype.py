"""Wrong: adds counts in the input's dtype (int8 and uint8 overflow); truncated recall."""

import numpy as np

q_cm_recall = 0.7


def confusion_rates(cm):
    tn, fp, fn, tp = np.asarray(cm).ravel()
    predicted, actual = tp + fp, tp + fn
    precision = float(tp / predicted) if predicted != 0 else 0.0
    recall = float(tp / actual) if actual != 0 else 0.0
    return precision, recall
