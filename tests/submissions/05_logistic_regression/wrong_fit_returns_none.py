"""fit does not return self (model.fit(X, y).predict(X) fails)."""

import numpy as np


class LogisticRegressionGD:
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    @staticmethod
    def _sigmoid(z):
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1.0, e) / (1.0 + e)

    @staticmethod
    def _log_loss(y, p, eps=1e-15):
        p = np.clip(p, eps, 1 - eps)
        return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        n, d = X.shape
        w, b = np.zeros(d), 0.0
        self.loss_history_ = []
        for _ in range(self.n_iter):
            p = self._sigmoid(X @ w + b)
            w = w - self.learning_rate * (X.T @ (p - y) / n + self.l2 * w)
            b = b - self.learning_rate * np.mean(p - y)
            p = self._sigmoid(X @ w + b)
            self.loss_history_.append(self._log_loss(y, p) + self.l2 / 2 * (w @ w))
        self.coef_, self.intercept_ = w, float(b)

    def predict_proba(self, X):
        return self._sigmoid(np.asarray(X, dtype=float) @ self.coef_ + self.intercept_)

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) >= threshold).astype(int)
