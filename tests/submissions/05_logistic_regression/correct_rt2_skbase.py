"""Red team 2, correct: np.vectorize sigmoid, log1p log loss, a scikit-learn
BaseEstimator with the penalty as weight decay, tanh, int8 predictions.
"""

import math

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin


def sigmoid(z):
    # Correct: a math-based element function through np.vectorize (otypes fixes
    # float64, and the input is read as float64 first); a number for a number.
    def one(v):
        if v >= 0:
            return 1.0 / (1.0 + math.exp(-v))
        e = math.exp(v)
        return e / (1.0 + e)

    out = np.vectorize(one, otypes=[np.float64])(np.asarray(z, dtype=np.float64))
    return float(out) if np.ndim(out) == 0 else out


def log_loss(y_true, p, eps=1e-15):
    # Correct: log1p for the negative term, np.where to pick each sample's term.
    y = np.asarray(y_true, dtype=np.float64)
    p = np.clip(np.asarray(p, dtype=np.float64), eps, 1.0 - eps)
    return float(np.mean(np.where(y == 1, -np.log(p), -np.log1p(-p))))


class LogisticRegressionGD(ClassifierMixin, BaseEstimator):
    # Correct, as a scikit-learn compatible estimator (get_params, clone, score);
    # the penalty as weight decay, w <- (1 - lr*l2) w - lr * X^T r / n.
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    def fit(self, X, y):
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        n, d = X.shape
        self.classes_ = np.array([0, 1])
        w, b = np.zeros(d), 0.0
        hist = np.zeros(self.n_iter)
        lr = self.learning_rate
        for k in range(self.n_iter):
            r = 0.5 * (1.0 + np.tanh(0.5 * (X @ w + b))) - y
            w = (1.0 - lr * self.l2) * w - (lr / n) * (X.T @ r)
            b = b - lr * r.sum() / n
            z = X @ w + b
            hist[k] = np.mean(
                np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z))) - y * z
            ) + self.l2 / 2 * np.dot(w, w)
        self.coef_, self.intercept_, self.loss_history_ = w, float(b), hist
        return self

    def decision_function(self, X):
        return np.asarray(X, dtype=np.float64) @ self.coef_ + self.intercept_

    def predict_proba(self, X):
        return 0.5 * (1.0 + np.tanh(0.5 * self.decision_function(X)))

    def predict(self, X, threshold=0.5):
        return np.where(self.predict_proba(X) >= threshold, 1, 0).astype(np.int8)
