"""Correct, with SciPy's expit and xlogy, and the objective recorded at the top of
the next iteration (plus once after the loop) instead of right after the update."""

import numpy as np
from scipy.special import expit, xlogy


def sigmoid(z):
    return expit(np.asarray(z, dtype=float))


def log_loss(y_true, p, eps=1e-15):
    y = np.asarray(y_true, dtype=float)
    p = np.clip(np.asarray(p, dtype=float), eps, 1 - eps)
    return float(-(xlogy(y, p) + xlogy(1 - y, 1 - p)).sum() / y.size)


class LogisticRegressionGD:
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    def _objective(self, X, y, w, b):
        p = np.clip(expit(X @ w + b), 1e-15, 1 - 1e-15)
        data = -np.mean(xlogy(y, p) + xlogy(1 - y, 1 - p))
        return data + self.l2 / 2 * np.dot(w, w)

    def fit(self, X, y):
        X = np.array(X, dtype=float)
        y = np.array(y, dtype=float)
        n, d = X.shape
        self.coef_ = np.zeros(d)
        self.intercept_ = 0.0
        self.loss_history_ = []
        for k in range(self.n_iter):
            if k > 0:  # the objective of the previous update
                self.loss_history_.append(
                    self._objective(X, y, self.coef_, self.intercept_)
                )
            error = expit(X @ self.coef_ + self.intercept_) - y
            grad_w = np.mean(error[:, None] * X, axis=0) + self.l2 * self.coef_
            grad_b = error.mean()
            self.coef_ = self.coef_ - self.learning_rate * grad_w
            self.intercept_ = float(self.intercept_ - self.learning_rate * grad_b)
        if self.n_iter:
            self.loss_history_.append(
                self._objective(X, y, self.coef_, self.intercept_)
            )
        return self

    def predict_proba(self, X):
        return expit(np.asarray(X, dtype=float) @ self.coef_ + self.intercept_)

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) >= threshold).astype(int)
