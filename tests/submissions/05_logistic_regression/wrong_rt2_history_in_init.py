"""Red team 2: loss_history_ is created in __init__ and fit appends to it, so a
second fit of the same instance holds 2 * n_iter values. Caught by check_refit.
"""

import numpy as np


class LogisticRegressionGD:
    # WRONG (state kept across fits): loss_history_ is created in __init__ and fit only
    # appends, so a second fit of the same instance returns 2*n_iter values (and the
    # first n_iter belong to the previous data). Contract: after fit(X, y),
    # loss_history_ holds n_iter values.
    # m = LogisticRegressionGD(n_iter=1); m.fit([[1.], [-1.]], [1, 0]);
    # m.fit([[1.], [-1.]], [1, 0]); len(m.loss_history_) is 2, right 1.
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2
        self.loss_history_ = []

    @staticmethod
    def _sigmoid(z):
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1.0, e) / (1.0 + e)

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        n, d = X.shape
        w, b = np.zeros(d), 0.0
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
