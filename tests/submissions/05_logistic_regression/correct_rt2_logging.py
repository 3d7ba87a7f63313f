"""Red team 2, correct: the reference algorithm, vectorised, plus one
logging.info line per fit through a StreamHandler (silenced by the checks).
"""

import logging

import numpy as np


class LogisticRegressionGD:
    # Correct (the reference algorithm, vectorised); it also logs one progress line per
    # fit through the standard logging module, as production code does instead of
    # print. The handler is created when the cell runs, so it writes to that moment's
    # sys.stderr (the notebook's stderr stream).
    _log = logging.getLogger("LogisticRegressionGD")
    if not _log.handlers:
        _log.addHandler(logging.StreamHandler())
        _log.setLevel(logging.INFO)

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
            r = self._sigmoid(X @ w + b) - y
            w, b = (
                w - self.learning_rate * (X.T @ r / n + self.l2 * w),
                b - self.learning_rate * r.mean(),
            )
            z = X @ w + b
            self.loss_history_.append(
                float(np.mean(np.logaddexp(0, z) - y * z) + self.l2 / 2 * (w @ w))
            )
        self.coef_, self.intercept_ = w, float(b)
        if self.loss_history_:
            self._log.info(
                "fit: %d steps, final objective %.6f",
                self.n_iter,
                self.loss_history_[-1],
            )
        return self

    def predict_proba(self, X):
        return self._sigmoid(np.asarray(X, dtype=float) @ self.coef_ + self.intercept_)

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) >= threshold).astype(int)
