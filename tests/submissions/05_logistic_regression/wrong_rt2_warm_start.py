"""Red team 2: a second fit starts from the previous coef_ and intercept_
instead of w = 0, b = 0. Caught by check_refit.
"""

import numpy as np


class LogisticRegressionGD:
    # WRONG (warm start): a refit starts from the previous coef_ / intercept_ instead of
    # w = 0, b = 0 ("so calling fit again continues training"). Contract: fit starts
    # from w = 0, b = 0 every time.
    # m = LogisticRegressionGD(learning_rate=1.0, n_iter=2); X = [[1.], [-1.]]; y = [1, 0]
    # m.fit(X, y); m.fit(X, y): coef_ = [1.40786] (4 steps), right [0.87754]
    # (gradient_descent(X, y, 1.0, 2) = 0.8775).
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
        if getattr(self, "coef_", None) is not None and len(self.coef_) == d:
            w, b = self.coef_.copy(), self.intercept_
        else:
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
