import numpy as np


# WRONG on uint8 scores (the contract: every numeric input is read as float64, whatever
# its dtype, uint8 included): the scores are not cast, so -s wraps (-0 stays 0, -5 is
# 251) and the descending sort puts score 0 first, before every positive score.
# Input: y_true = [1, 1, 1, 0], scores = np.array([0, 3, 3, 0], dtype=np.uint8).
# Right value 0 (F1 = 6/7 flagging all vs 4/5 at 3); this returns 3.
def best_threshold(y_true, scores, beta=1.0):
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores).ravel()  # keeps the caller's dtype
    order = np.argsort(-s, kind="stable")  # high to low
    s, y = s[order], y[order]
    last = np.r_[np.flatnonzero(np.diff(s) != 0), len(s) - 1]  # end of each tie group
    tp = np.cumsum(y)[last].astype(float)
    fp = last + 1 - tp
    fn = y.sum() - tp
    b2 = beta**2
    den = (1 + b2) * tp + b2 * fn + fp
    f = np.divide((1 + b2) * tp, den, out=np.zeros_like(tp), where=tp > 0)
    return float(s[last][np.argmax(f)])
