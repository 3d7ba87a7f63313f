import numpy as np


def log_loss(y_true, p, eps=1e-15):
    # WRONG for float32 p: no dtype=float, so the clip happens in float32 where
    # 1 - 1e-15 rounds to 1.0: p = 1 is not clipped, log(1 - p) = -inf and
    # 0 * -inf = nan. log_loss([0, 1], np.array([0.0, 1.0], dtype=np.float32))
    # returns nan; right: -log(1 - 1e-15) ~ 1.0e-15 (reference in float64).
    y = np.asarray(y_true)
    p = np.clip(np.asarray(p), eps, 1 - eps)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
