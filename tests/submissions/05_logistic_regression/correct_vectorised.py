"""Correct, vectorised differently: tanh sigmoid, np.where log loss, and an
augmented design matrix with a penalty mask that leaves the intercept out."""

import numpy as np


def sigmoid(z):
    # sigma(z) = (1 + tanh(z/2)) / 2: tanh never overflows
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))


def log_loss(y_true, p, eps=1e-15):
    y = np.asarray(y_true)
    p = np.clip(np.asarray(p, dtype=float), eps, 1 - eps)
    return -np.mean(np.where(y == 1, np.log(p), np.log(1 - p)))


class LogisticRegressionGD:
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        n = X.shape[0]
        A = np.hstack([X, np.ones((n, 1))])  # last column: the intercept
        mask = np.ones(A.shape[1])
        mask[-1] = 0.0  # no penalty on the intercept
        theta = np.zeros(A.shape[1])
        history = np.empty(self.n_iter)
        for k in range(self.n_iter):
            p = 0.5 * (1.0 + np.tanh(0.5 * (A @ theta)))
            grad = A.T @ (p - y) / n + self.l2 * mask * theta
            theta -= self.learning_rate * grad
            z = A @ theta
            history[k] = np.mean(np.logaddexp(0, z) - y * z) + 0.5 * self.l2 * np.sum(
                (mask * theta) ** 2
            )
        self.coef_ = theta[:-1].copy()
        self.intercept_ = float(theta[-1])
        self.loss_history_ = history
        return self

    def predict_proba(self, X):
        z = np.asarray(X, dtype=float) @ self.coef_ + self.intercept_
        return 0.5 * (1.0 + np.tanh(0.5 * z))

    def predict(self, X, threshold=0.5):
        return np.where(self.predict_proba(X) >= threshold, 1, 0)
