"""All three read their inputs without dtype=float: float32 data is averaged in float32
(ridge and lasso intercepts off at 1e4/1e6 offsets) and int8's abs(-128) wraps in
soft_threshold (second red team)."""

import numpy as np

# All three read inputs with np.asarray(...) WITHOUT dtype=float, so float32 inputs are
# computed in float32 and int8 inputs in int8 (the contract: every numeric input is read
# as float64, whatever its dtype). Hidden cases only ever send float64 arrays or lists
# (-> int64/float64), so this never shows.


def ridge_fit(X, y, alpha):
    # WRONG on X = float32 array near 1e4 (prices):
    #   X = (1e4 + rng.normal(size=(60, 3))).astype(np.float32), y = 1e6 + X @ w + noise,
    #   alpha = 1: X.mean(0) is rounded in float32 (ulp 1e-3 at 1e4), so the intercept is
    #   off by ~1e-3 (Ridge on X.astype(float64) is the right value).
    X = np.asarray(X)
    y = np.asarray(y)
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    coef = np.linalg.solve(Xc.T @ Xc + alpha * np.eye(X.shape[1]), Xc.T @ yc)
    return coef, float(y_mean - x_mean @ coef)


def soft_threshold(z, t):
    # WRONG on z = np.array([-128, 5], dtype=np.int8), t = 0.5: np.abs(int8(-128)) is -128
    #   (overflow), so the result is [0, 4.5]; the right one is [-127.5, 4.5].
    # WRONG on z = np.float32([0.1]) (or any float32 array), t = 0.1: computed in float32,
    #   returns [0.0]; float64 reading gives float64(float32(0.1)) - 0.1 = 1.49e-9.
    z = np.asarray(z)
    return np.sign(z) * np.maximum(np.abs(z) - t, 0.0)


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    # WRONG on y = float32 array near 1e6 (e.g. 1e6 + X @ w + noise, cast to float32):
    #   y.mean() is rounded to float32 (ulp 0.0625 at 1e6): intercept off by ~0.03
    #   against Lasso(...).fit(X, y.astype(float64)).
    X = np.asarray(X)
    y = np.asarray(y)
    n, p = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    z = np.sum(Xc**2, axis=0) / n
    w = np.zeros(p)
    r = yc.copy()
    for _ in range(max_iter):
        big = 0.0
        for j in range(p):
            if z[j] == 0:
                continue
            rho = Xc[:, j] @ r / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r = r - Xc[:, j] * (new - w[j])
            big = max(big, abs(new - w[j]))
            w[j] = new
        if big < tol:
            break
    return w, float(y_mean - x_mean @ w)
