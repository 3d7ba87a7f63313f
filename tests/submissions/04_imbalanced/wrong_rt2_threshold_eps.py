import numpy as np


# WRONG on F-beta near-ties below 1e-10: "f > best_f + 1e-10" (a guard against float
# noise) treats two different F values as a tie and keeps the larger threshold.
# Input: /tmp/rt04/scratch/eps_case.npz, 297,261 samples on three scores
# (0.875: 60,013 pos + 27,325 neg; 0.625: 50,000 pos + 116,923 neg; 0.25: 3,000 pos
# + 40,000 neg), beta=1. F1(0.625) - F1(0.875) = 2.7e-11 exactly (> 0, and every
# float formula agrees); right value 0.625, this returns 0.875.
def best_threshold(y_true, scores, beta=1.0):
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    b2 = beta**2
    best_t, best_f = None, -1.0
    for t in np.unique(s)[::-1]:
        flagged = s >= t
        tp = np.sum(flagged & (y == 1))
        fp = np.sum(flagged & (y == 0))
        fn = np.sum(~flagged & (y == 1))
        f = (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp) if tp else 0.0
        if f > best_f + 1e-10:  # ignore float noise
            best_t, best_f = t, f
    return float(best_t)
