import numpy as np


# WRONG on int8 labels (the contract: "label vectors may come in any integer dtype"):
# tp = y @ flagged is computed in int8 and wraps past 127 positives.
# Input: y_true = np.array([1]*100 + [1]*50 + [0]*10 + [0]*100, dtype=np.int8),
#        scores = [0.9]*100 + [0.5]*60 + [0.1]*100.
# Right value 0.5 (F1 = 300/310 vs 0.8 at 0.9); this returns 0.9 (tp=150 wraps to -106).
def best_threshold(y_true, scores, beta=1.0):
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    b2 = beta**2
    n_pos = y.sum()
    best_t, best_f = None, -1.0
    for t in np.unique(s)[::-1]:
        flagged = s >= t
        tp = y @ flagged  # number of flagged positives
        fp = flagged.sum() - tp
        fn = n_pos - tp
        f = (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp) if tp else 0.0
        if f > best_f:
            best_t, best_f = t, f
    return float(best_t)
