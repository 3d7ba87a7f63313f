"""Correct, written with Python loops and the math module: one element at a time."""

import math

import numpy as np


def sigmoid(z):
    # element by element, choosing the form that cannot overflow
    arr = np.asarray(z, dtype=float)
    out = np.empty(arr.shape)
    for idx, v in np.ndenumerate(arr):
        if v >= 0:
            out[idx] = 1.0 / (1.0 + math.exp(-v))
        else:
            e = math.exp(v)
            out[idx] = e / (1.0 + e)
    return float(out) if out.ndim == 0 else out


def log_loss(y_true, p, eps=1e-15):
    total = 0.0
    ys = list(np.ravel(y_true))
    ps = list(np.ravel(p))
    for y, q in zip(ys, ps):
        q = min(max(float(q), eps), 1 - eps)
        total += -(y * math.log(q) + (1 - y) * math.log(1 - q))
    return total / len(ys)


class LogisticRegressionGD:
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    @staticmethod
    def _sig(v):
        if v >= 0:
            return 1.0 / (1.0 + math.exp(-v))
        e = math.exp(v)
        return e / (1.0 + e)

    def fit(self, X, y):
        rows = [[float(v) for v in row] for row in np.asarray(X)]
        ys = [float(v) for v in np.ravel(y)]
        n, d = len(rows), len(rows[0])
        w = [0.0] * d
        b = 0.0
        self.loss_history_ = []
        for _ in range(self.n_iter):
            gw = [0.0] * d
            gb = 0.0
            for row, t in zip(rows, ys):
                r = self._sig(sum(a * c for a, c in zip(row, w)) + b) - t
                for j in range(d):
                    gw[j] += r * row[j]
                gb += r
            w = [
                w[j] - self.learning_rate * (gw[j] / n + self.l2 * w[j])
                for j in range(d)
            ]
            b -= self.learning_rate * gb / n
            loss = 0.0
            for row, t in zip(rows, ys):
                z = sum(a * c for a, c in zip(row, w)) + b
                # log(1 + e^z) - t*z, without overflow
                loss += max(z, 0.0) + math.log1p(math.exp(-abs(z))) - t * z
            penalty = 0.5 * self.l2 * sum(v * v for v in w)
            self.loss_history_.append(loss / n + penalty)
        self.coef_ = np.array(w)
        self.intercept_ = b
        return self

    def predict_proba(self, X):
        out = []
        for row in np.asarray(X, dtype=float):
            out.append(self._sig(float(np.dot(row, self.coef_)) + self.intercept_))
        return np.array(out)

    def predict(self, X, threshold=0.5):
        return np.array([1 if p >= threshold else 0 for p in self.predict_proba(X)])
