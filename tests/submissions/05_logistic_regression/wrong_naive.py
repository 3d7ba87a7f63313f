"""Textbook formulas with no numerical care: a sigmoid that overflows (with a
warning), a log loss without clipping, and a loss history that becomes nan once
probabilities round to exactly 0 or 1."""

import numpy as np


def sigmoid(z):
    # overflows (RuntimeWarning) for large negative z; values are still 0.0
    return 1 / (1 + np.exp(-np.asarray(z, dtype=float)))


def log_loss(y_true, p, eps=1e-15):
    # no clipping: p = 0 or 1 gives inf or nan
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(p, dtype=float)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


class LogisticRegressionGD:
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        n, d = X.shape
        w, b = np.zeros(d), 0.0
        self.loss_history_ = []
        for _ in range(self.n_iter):
            p = 1 / (1 + np.exp(-(X @ w + b)))
            w = w - self.learning_rate * (X.T @ (p - y) / n + self.l2 * w)
            b = b - self.learning_rate * np.mean(p - y)
            p = 1 / (1 + np.exp(-(X @ w + b)))
            # unclipped: 0 * log(0) = nan on separable data
            loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
            self.loss_history_.append(loss + self.l2 / 2 * (w @ w))
        self.coef_, self.intercept_ = w, float(b)
        return self

    def predict_proba(self, X):
        return 1 / (
            1 + np.exp(-(np.asarray(X, dtype=float) @ self.coef_ + self.intercept_))
        )

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) >= threshold).astype(int)
