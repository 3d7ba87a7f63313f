"""Correct (red team): exact rational arithmetic on the counts (``tolist`` gives Python
ints or floats, so int8/uint8 cannot overflow); returns two Fractions."""

from fractions import Fraction

import numpy as np


def confusion_rates(cm):
    tn, fp, fn, tp = (Fraction(x) for x in np.asarray(cm).ravel().tolist())
    precision = tp / (tp + fp) if tp + fp else Fraction(0)
    recall = tp / (tp + fn) if tp + fn else Fraction(0)
    return precision, recall
