"""Red team 2, correct: the gradient accumulated row by row (a Python loop over
the samples), reusing sigmoid and log_loss; slow but within the time limits.
"""

import numpy as np


def sigmoid(z):
    # Correct: the notebook's stable form.
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    out = np.where(z >= 0, 1.0, e) / (1.0 + e)
    return out if out.ndim else float(out)


def log_loss(y_true, p, eps=1e-15):
    # Correct: clip, mean.
    y = np.asarray(y_true, dtype=float)
    p = np.clip(np.asarray(p, dtype=float), eps, 1 - eps)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


class LogisticRegressionGD:
    # Correct, written as the maths reads: the gradient is accumulated sample by sample
    # (a loop over rows, NumPy for each row), reusing sigmoid and log_loss as the
    # notebook asks ("Reuse your sigmoid (and log_loss for the objective)").
    # Same iterates as the reference to ~1e-12; it is only slower.
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
            grad_w, grad_b = np.zeros(d), 0.0
            for i in range(n):
                error = sigmoid(X[i] @ w + b) - y[i]
                grad_w += error * X[i]
                grad_b += error
            w = w - self.learning_rate * (grad_w / n + self.l2 * w)
            b = b - self.learning_rate * grad_b / n
            p = [sigmoid(X[i] @ w + b) for i in range(n)]
            self.loss_history_.append(log_loss(y, p) + self.l2 / 2 * (w @ w))
        self.coef_, self.intercept_ = w, float(b)
        return self

    def predict_proba(self, X):
        return sigmoid(np.asarray(X, dtype=float) @ self.coef_ + self.intercept_)

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) >= threshold).astype(int)
