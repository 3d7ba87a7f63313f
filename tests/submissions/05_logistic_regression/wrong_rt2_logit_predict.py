"""Red team 2: predict compares the score with log(t / (1 - t)) instead of
predict_proba with t; differs where p rounds to exactly 0.5 (scores within 1e-16
of 0) or 1.0 (scores above 37). Caught by check_threshold's one-step model.
"""

import numpy as np


class LogisticRegressionGD:
    # WRONG (near-tie at the threshold): predict compares the *score* with the logit of
    # the threshold, as scikit-learn compares decision_function with 0, instead of
    # comparing predict_proba with the threshold. sigmoid(z) rounds to exactly 0.5 for
    # -1.1e-16 < z < 0, so the two disagree there.
    # X = [[1.], [-1.]], y = [1, 0], learning_rate=1.0, n_iter=1: coef_ = [0.5],
    # intercept_ = 0.0; predict([[-1e-17]]): z = -5e-18, predict_proba is exactly 0.5
    # >= 0.5, so the contract (and the reference model) says [1]; this returns [0].
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
        return self

    def decision_function(self, X):
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_

    def predict_proba(self, X):
        return self._sigmoid(self.decision_function(X))

    def predict(self, X, threshold=0.5):
        # p >= t  <=>  z >= log(t / (1 - t))  (monotone), cheaper: no exp
        with np.errstate(divide="ignore"):
            cut = np.log(threshold) - np.log1p(-threshold)
        return (self.decision_function(X) >= cut).astype(int)
