"""Red team 2, correct: pure-Python recursive sigmoid (nested lists), math.fsum
log loss, a dataclass model with a list coef_, a tuple history, list outputs.
"""

import math
from dataclasses import dataclass, field

import numpy as np


def sigmoid(z):
    # Correct, pure Python, recursive: a float for a number, nested lists for arrays
    # and lists (same shape); each element read as float first (uint8/int8 safe).
    if np.ndim(z) == 0:
        v = float(z)
        if v >= 0:
            return 1.0 / (1.0 + math.exp(-v))
        e = math.exp(v)
        return e / (1.0 + e)
    return [sigmoid(v) for v in z]


def log_loss(y_true, p, eps=1e-15):
    # Correct: exact summation (math.fsum) of the per-sample losses, pure Python.
    terms = []
    for t, q in zip(np.ravel(y_true).tolist(), np.ravel(p).tolist()):
        q = min(max(float(q), eps), 1.0 - eps)
        terms.append(-(float(t) * math.log(q) + (1.0 - float(t)) * math.log(1.0 - q)))
    return math.fsum(terms) / len(terms)


@dataclass
class LogisticRegressionGD:
    # Correct, as a dataclass (same __init__ signature and defaults); attributes in
    # plain Python types: coef_ a list, intercept_ a NumPy scalar, loss_history_ a
    # tuple; predict_proba and predict return lists.
    learning_rate: float = 0.1
    n_iter: int = 1000
    l2: float = 0.0
    coef_: list = field(default=None, init=False, repr=False)
    intercept_: float = field(default=None, init=False, repr=False)
    loss_history_: tuple = field(default=None, init=False, repr=False)

    def fit(self, X, y):
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        n, d = X.shape
        w, b = np.zeros(d), np.float64(0.0)
        history = []
        for _ in range(self.n_iter):
            z = X @ w + b
            r = np.asarray(sigmoid(z)) - y
            w, b = (
                w - self.learning_rate * (X.T @ r / n + self.l2 * w),
                b - self.learning_rate * r.mean(),
            )
            z = X @ w + b
            history.append(
                np.mean(np.logaddexp(0.0, z) - y * z) + 0.5 * self.l2 * (w @ w)
            )
        self.coef_ = w.tolist()
        self.intercept_ = np.float64(b)
        self.loss_history_ = tuple(history)
        return self

    def predict_proba(self, X):
        z = np.asarray(X, dtype=np.float64) @ np.asarray(self.coef_) + self.intercept_
        return sigmoid(z)

    def predict(self, X, threshold=0.5):
        return [1 if q >= threshold else 0 for q in self.predict_proba(X)]
