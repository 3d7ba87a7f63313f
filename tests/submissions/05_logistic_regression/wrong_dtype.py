"""Integer inputs kept integer (np.zeros_like), a summed log loss, and
scikit-learn-shaped attributes: coef_ of shape (1, n_features), intercept_ (1,)."""

import numpy as np


def sigmoid(z):
    z = np.asarray(z)
    out = np.zeros_like(z)  # int input -> int output: probabilities truncated to 0
    pos = z >= 0
    out[pos] = 1 / (1 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1 + e)
    return out


def log_loss(y_true, p, eps=1e-15):
    y = np.asarray(y_true, dtype=float)
    p = np.clip(np.asarray(p, dtype=float), eps, 1 - eps)
    return float(-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))  # a sum


class LogisticRegressionGD:
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        n, d = X.shape
        w, b = np.zeros((1, d)), np.zeros(1)
        self.loss_history_ = []
        for _ in range(self.n_iter):
            z = (X @ w.T).ravel() + b
            p = np.exp(-np.logaddexp(0, -z))
            w = w - self.learning_rate * ((p - y) @ X / n + self.l2 * w)
            b = b - self.learning_rate * np.mean(p - y)
            z = (X @ w.T).ravel() + b
            loss = np.mean(np.logaddexp(0, z) - y * z)
            self.loss_history_.append(loss + self.l2 / 2 * np.sum(w**2))
        self.coef_, self.intercept_ = w, b  # shapes (1, d) and (1,)
        return self

    def predict_proba(self, X):
        z = (np.asarray(X, dtype=float) @ self.coef_.T).ravel() + self.intercept_
        return np.exp(-np.logaddexp(0, -z))

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) >= threshold).astype(int)
