"""Red team 2: a float64 run whose coef_ and loss_history_ are stored as float32
(off by about 3e-8). Caught by the checker's 1e-9 tolerance on the short runs.
"""

import numpy as np


class LogisticRegressionGD:
    # WRONG (float32 results): the run is in float64 but coef_ and loss_history_ are
    # stored as float32 ("to save memory"). Contract: real-valued results are returned
    # in float64. make_data(60, random_state=0), learning_rate=0.5, n_iter=20:
    # coef_ differs from the float64 run by ~1e-8 relative (float32 rounding), and
    # loss_history_ by up to ~3e-8 absolute; the checker allows 1e-9.
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    @staticmethod
    def _sigmoid(z):
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1.0, e) / (1.0 + e)

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        n, d = X.shape
        w, b = np.zeros(d), 0.0
        hist = np.empty(self.n_iter, dtype=np.float32)
        for k in range(self.n_iter):
            r = self._sigmoid(X @ w + b) - y
            w, b = (
                w - self.learning_rate * (X.T @ r / n + self.l2 * w),
                b - self.learning_rate * r.mean(),
            )
            z = X @ w + b
            hist[k] = np.mean(np.logaddexp(0, z) - y * z) + self.l2 / 2 * (w @ w)
        self.coef_, self.intercept_, self.loss_history_ = (
            w.astype(np.float32),
            float(b),
            hist,
        )
        return self

    def predict_proba(self, X):
        return self._sigmoid(np.asarray(X, dtype=float) @ self.coef_ + self.intercept_)

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) >= threshold).astype(int)
