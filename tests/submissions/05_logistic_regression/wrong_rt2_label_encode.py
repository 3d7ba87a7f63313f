"""Red team 2: the positive class is np.unique(y)[-1], so labels that are all 0
make 0 the positive class. Caught by the one-sample case with y = [0].
"""

import numpy as np


class LogisticRegressionGD:
    # WRONG (label encoding): the positive class is taken as the largest label present
    # (np.unique(y)[-1], scikit-learn style, "so string labels work too"). With labels
    # that are all 0 the 0s become the positive class and the run goes the wrong way.
    # Contract: labels are 0/1, y = 1 is the positive class, whatever is present.
    # X = [[0.5, -1.0]], y = [0], learning_rate=0.5, n_iter=20, l2=0.1:
    # right coef_ [-0.41722, 0.83444], intercept_ -1.53932 (core.gradient_descent);
    # this gives the mirror image [0.41722, -0.83444], +1.53932.
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
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        y = (y == self.classes_[-1]).astype(float)
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

    def predict_proba(self, X):
        return self._sigmoid(np.asarray(X, dtype=float) @ self.coef_ + self.intercept_)

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) >= threshold).astype(int)
