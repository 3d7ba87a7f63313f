# Part B, style: augmented design matrix, one forward pass per step, errstate.
import numpy as np


def sigmoid(z):
    # Correct: textbook formula with the (harmless) overflow silenced: 1/(1+inf) = 0.
    # Warning-free and exact; returns a 0-d array for a scalar (same shape as z).
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    with np.errstate(over="ignore"):
        np.divide(1.0, 1.0 + np.exp(-z), out=out)
    return out


def log_loss(y_true, p, eps=1e-15):
    # Correct: clip, log1p for the negative-class term (more accurate for small p).
    y = np.asarray(y_true, dtype=float).ravel()
    p = np.clip(np.asarray(p, dtype=float).ravel(), eps, 1 - eps)
    return -(y @ np.log(p) + (1 - y) @ np.log1p(-p)) / y.size


class LogisticRegressionGD:
    # Correct: theta = [w, b] against A = [X, 1]; penalty masked off the intercept;
    # the p computed for the objective after step k is reused as the forward pass
    # of step k+1 (same numbers, half the work). History is a list, predictions int8.
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    @staticmethod
    def _p(z):
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1.0, e) / (1.0 + e)

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        n, d = X.shape
        A = np.hstack([X, np.ones((n, 1))])
        mask = np.r_[np.ones(d), 0.0]
        theta = np.zeros(d + 1)
        p = self._p(A @ theta)
        self.loss_history_ = []
        for _ in range(self.n_iter):
            grad = A.T @ (p - y) / n + self.l2 * mask * theta
            theta = theta - self.learning_rate * grad
            p = self._p(A @ theta)
            pc = np.clip(p, 1e-15, 1 - 1e-15)
            w = theta[:d]
            self.loss_history_.append(
                float(
                    -np.mean(y * np.log(pc) + (1 - y) * np.log(1 - pc))
                    + self.l2 / 2 * (w @ w)
                )
            )
        self.coef_ = theta[:d].copy()
        self.intercept_ = float(theta[d])
        return self

    def predict_proba(self, X):
        return self._p(np.asarray(X, dtype=float) @ self.coef_ + self.intercept_)

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) >= threshold).astype(np.int8)
