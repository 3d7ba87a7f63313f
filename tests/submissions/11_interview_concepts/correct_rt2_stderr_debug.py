"""Correct (red team 2): the right values (float64, exact-zero guard, no mutation),
with a leftover debug line written to the process's stderr (sys.__stderr__, file
descriptor 2). The Checker silences what a correct answer writes there, as it does
for sys.stderr, so it keeps its marks."""

import sys

import numpy as np


def confusion_rates(cm):
    a = np.asarray(cm, dtype=np.float64)
    tn, fp, fn, tp = a.ravel()
    print("debug confusion_rates:", a.tolist(), file=sys.__stderr__, flush=True)
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    return float(precision), float(recall)
