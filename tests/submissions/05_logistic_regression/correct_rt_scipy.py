# Part B, style: scipy.special (expit / xlogy), a class with helper methods,
# objective computed exactly with logaddexp (as the notebook suggests for a loop).
import numpy as np
from scipy.special import expit, xlogy


def sigmoid(z):
    # Correct: scipy's expit, in float64 (integers read as float64).
    return expit(np.asarray(z, dtype=np.float64))


def log_loss(y_true, p, eps=1e-15):
    # Correct: clip p to [eps, 1 - eps], xlogy for the two terms.
    y = np.asarray(y_true, dtype=np.float64)
    p = np.clip(np.asarray(p, dtype=np.float64), eps, 1 - eps)
    return float(-np.mean(xlogy(y, p) + xlogy(1 - y, 1 - p)))


class LogisticRegressionGD:
    # Correct: same algorithm; the objective uses the exact form of the mean log loss,
    # log(1 + e^z) - y z  (np.logaddexp(0, z) - y*z), which the notebook recommends
    # "inside a training loop" (section 2, trade-offs). History is an ndarray.
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    def _decision(self, X, w, b):
        return X @ w + b

    def _objective(self, X, y, w, b):
        z = self._decision(X, w, b)
        return float(np.mean(np.logaddexp(0.0, z) - y * z) + self.l2 / 2 * (w @ w))

    def _gradient(self, X, y, w, b):
        err = expit(self._decision(X, w, b)) - y
        return X.T @ err / len(y) + self.l2 * w, float(np.mean(err))

    def fit(self, X, y):
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        w = np.zeros(X.shape[1])
        b = 0.0
        history = np.empty(self.n_iter)
        for i in range(self.n_iter):
            gw, gb = self._gradient(X, y, w, b)
            w, b = w - self.learning_rate * gw, b - self.learning_rate * gb
            history[i] = self._objective(X, y, w, b)
        self.coef_, self.intercept_, self.loss_history_ = w, float(b), history
        return self

    def decision_function(self, X):
        return self._decision(
            np.asarray(X, dtype=np.float64), self.coef_, self.intercept_
        )

    def predict_proba(self, X):
        return expit(self.decision_function(X))

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) >= threshold).astype(int)
