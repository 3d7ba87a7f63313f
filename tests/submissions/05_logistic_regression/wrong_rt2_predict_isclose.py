"""Red team 2: predict counts a probability within 1e-12 below the threshold as
reaching it. Caught by check_threshold at thresholds 0.5 + 1e-13 and
nextafter(0.5, 1) where every probability is exactly 0.5.
"""

import numpy as np


class LogisticRegressionGD:
    # WRONG (tolerance shortcut at the threshold): predict treats a probability within
    # 1e-12 of the threshold as reaching it ("guard against rounding"). Contract: 1 only
    # where predict_proba(X) >= threshold.
    # X = [[1.], [-1.]], y = [1, 0], learning_rate=1.0, n_iter=1 (coef_ [0.5], intercept_
    # 0.0); predict([[0.0]], threshold=0.5 + 1e-13): predict_proba is exactly 0.5 <
    # threshold, right [0] (reference model: [0]); this returns [1].
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
        p = self.predict_proba(X)
        return (
            (p >= threshold) | np.isclose(p, threshold, rtol=0.0, atol=1e-12)
        ).astype(int)
