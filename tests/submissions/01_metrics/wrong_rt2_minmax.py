import numpy as np


def roc_auc(y_true, scores):
    # WRONG when the score range is huge: min-max scaling to [0, 1] first rounds
    # near-equal scores together. y_true = [0, 0, 1], scores = [-1e20, 1.0, 1.0 + 2**-52]
    # gives 0.75 (the two top scores become a tie); right (roc_auc_score): 1.0.
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    lo, hi = s.min(), s.max()
    s = (s - lo) / (hi - lo) if hi > lo else np.zeros_like(s)
    pos, neg = s[y == 1], s[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("only one class")
    diff = pos[:, None] - neg[None, :]
    return float(np.mean((diff > 0) + 0.5 * (diff == 0)))
