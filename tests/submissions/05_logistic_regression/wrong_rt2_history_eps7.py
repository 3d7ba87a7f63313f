"""Red team 2: the run is right but the recorded objective clips p at 1e-7
(Keras's epsilon). Caught by the descent case with a margin of 16.3.
"""

import numpy as np


class LogisticRegressionGD:
    # WRONG objective in loss_history_: the log loss clips p at Keras's epsilon 1e-7
    # (tf.keras.backend.epsilon()), so a confidently wrong sample costs at most
    # -log(1e-7) = 16.1 instead of its real loss. The run itself (coef_, intercept_) is
    # right. Contract: loss_history_ holds J = mean log loss + (l2/2)||w||^2 (the
    # notebook's log_loss clips at 1e-15; the reference is exact).
    # X = [[10.], [-10.], [9.]], y = [1, 0, 0], learning_rate=1.0, n_iter=3:
    # coef_ [5.49989], intercept_ -0.500003 are right, but loss_history_ is
    # [5.3727, 7.7778, 5.3727]; right [5.4444, 7.7778, 16.3330] (core.gradient_descent).
    # With n_iter=2 the notebook's own 1e-15-clipped solution matches the exact
    # reference ([5.4444, 7.7778]) while this gives [5.3727, 7.7778].
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    @staticmethod
    def _sigmoid(z):
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1.0, e) / (1.0 + e)

    @staticmethod
    def _bce(y, p, eps=1e-7):
        p = np.clip(p, eps, 1 - eps)
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

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
            self.loss_history_.append(
                self._bce(y, self._sigmoid(X @ w + b)) + self.l2 / 2 * (w @ w)
            )
        self.coef_, self.intercept_ = w, float(b)
        return self

    def predict_proba(self, X):
        return self._sigmoid(np.asarray(X, dtype=float) @ self.coef_ + self.intercept_)

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) >= threshold).astype(int)
