"""exp(z) / (1 + exp(z)) (nan for large z), a log loss that ignores eps, and an
intercept inside the penalty (a column of ones in X)."""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.exp(z) / (1 + np.exp(z))


def log_loss(y_true, p, eps=1e-15):
    y = np.asarray(y_true, dtype=float)
    p = np.clip(np.asarray(p, dtype=float), 1e-15, 1 - 1e-15)  # eps ignored
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


class LogisticRegressionGD:
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        n = len(y)
        A = np.column_stack([X, np.ones(n)])
        theta = np.zeros(A.shape[1])
        self.loss_history_ = []
        for _ in range(self.n_iter):
            z = A @ theta
            p = np.exp(-np.logaddexp(0, -z))
            theta = theta - self.learning_rate * (A.T @ (p - y) / n + self.l2 * theta)
            z = A @ theta
            loss = np.mean(np.logaddexp(0, z) - y * z)
            self.loss_history_.append(loss + self.l2 / 2 * (theta @ theta))
        self.coef_, self.intercept_ = theta[:-1], float(theta[-1])
        return self

    def predict_proba(self, X):
        z = np.asarray(X, dtype=float) @ self.coef_ + self.intercept_
        return np.exp(-np.logaddexp(0, -z))

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) >= threshold).astype(int)
