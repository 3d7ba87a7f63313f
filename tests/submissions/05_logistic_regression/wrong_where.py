"""A "stable" sigmoid through np.where (both branches overflow and warn), a log
loss clipped from below only, and a gradient summed instead of averaged."""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))


def log_loss(y_true, p, eps=1e-15):
    y = np.asarray(y_true, dtype=float)
    p = np.maximum(np.asarray(p, dtype=float), eps)  # p = 1 still gives log(0)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


class LogisticRegressionGD:
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
            p = self._sigmoid(X @ w + b)
            # summed, not averaged: the step grows with n
            w = w - self.learning_rate * (X.T @ (p - y) + self.l2 * w)
            b = b - self.learning_rate * np.sum(p - y)
            z = X @ w + b
            loss = np.mean(np.logaddexp(0, z) - y * z)
            self.loss_history_.append(loss + self.l2 / 2 * (w @ w))
        self.coef_, self.intercept_ = w, float(b)
        return self

    def predict_proba(self, X):
        return self._sigmoid(np.asarray(X, dtype=float) @ self.coef_ + self.intercept_)

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) >= threshold).astype(int)
