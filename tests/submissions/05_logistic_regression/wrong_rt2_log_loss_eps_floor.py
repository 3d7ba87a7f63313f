"""Red team 2: eps raised to machine epsilon, which changes the loss of
p < 2.2e-16. Caught by the eps = 0 and eps = 1e-18 cases with p = 1e-20.
"""

import numpy as np


def log_loss(y_true, p, eps=1e-15):
    # WRONG for eps below machine epsilon: eps is raised to np.finfo(float).eps
    # ("an eps smaller than machine precision does nothing anyway"), but clipping at
    # 2.2e-16 changes the loss of p < 2.2e-16. Contract: clip to [eps, 1 - eps].
    # log_loss([1], [1e-20], eps=0.0): right -log(1e-20) = 46.0517; this 36.0437.
    eps = max(eps, np.finfo(float).eps)
    y = np.asarray(y_true, dtype=float)
    p = np.clip(np.asarray(p, dtype=float), eps, 1 - eps)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
