"""Red team 2: X read as float32, the arithmetic in float64 (off by 1e-8 to
1e-6). Caught by the checker's 1e-9 tolerance and the long ill-conditioned runs.
"""

import numpy as np


class LogisticRegressionGD:
    # WRONG (features read as float32 "to halve memory"; the weights and all arithmetic
    # stay float64, since float32 @ float64 promotes). Contract: every numeric input is
    # read as float64. rng = np.random.default_rng(0); x = rng.normal(size=200);
    # e = rng.normal(size=200); X = np.c_[x, x + 1e-4 * e]; y = (e > 0).astype(int);
    # learning_rate=1.0, n_iter=3000: right coef_ [-0.12815587, -0.00808935]
    # (core.gradient_descent), this one [-0.12815728, -0.00808794]: 1.4e-6 off; on
    # the short runs the checks send it is 1e-8 off, beyond their 1e-9.
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    @staticmethod
    def _sigmoid(z):
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1.0, e) / (1.0 + e)

    def fit(self, X, y):
        X = np.asarray(X, dtype=np.float32)
        y = np.asarray(y, dtype=float)
        n, d = X.shape
        w, b = np.zeros(d), 0.0
        self.loss_history_ = []
        for _ in range(self.n_iter):
            r = self._sigmoid(X @ w + b) - y
            w, b = (
                w - self.learning_rate * (X.T @ r / n + self.l2 * w),
                b - self.learning_rate * r.mean(),
            )
            z = X @ w + b
            self.loss_history_.append(
                float(np.mean(np.logaddexp(0, z) - y * z) + self.l2 / 2 * (w @ w))
            )
        self.coef_, self.intercept_ = w, float(b)
        return self

    def predict_proba(self, X):
        return self._sigmoid(np.asarray(X, dtype=float) @ self.coef_ + self.intercept_)

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) >= threshold).astype(int)
