import numpy as np


class LogisticRegressionGD:
    # WRONG at the threshold: predict uses '>' where the docstring says
    # "1 where predict_proba(X) >= threshold". X = [[1.], [-1.]], y = [1, 0],
    # fit (defaults) gives intercept_ = -5e-17; predict_proba([[0.0]]) is exactly 0.5,
    # so predict([[0.0]]) must be [1]; this returns [0]. Same for threshold=0.3 at a row with p = 0.3.
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    @staticmethod
    def _sig(z):
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1.0, e) / (1.0 + e)

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        n, d = X.shape
        w, b = np.zeros(d), 0.0
        self.loss_history_ = []
        for _ in range(self.n_iter):
            r = self._sig(X @ w + b) - y
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
        return self._sig(np.asarray(X, dtype=float) @ self.coef_ + self.intercept_)

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) > threshold).astype(int)
