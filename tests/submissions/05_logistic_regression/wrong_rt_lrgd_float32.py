import numpy as np


class LogisticRegressionGD:
    # WRONG (float32 arithmetic "for speed"): X, y, w, b all float32.
    # rng = default_rng(0); x = N(0,1) x 500; X = [x, x + 1e-3*N(0,1)]; y = (x + N(0,1) > 0);
    # learning_rate=1, n_iter=20000: coef_ off by 4.5e-4 from the float64 run.
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    @staticmethod
    def _sig(z):
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, np.float32(1.0), e) / (np.float32(1.0) + e)

    def fit(self, X, y):
        f = np.float32
        X = np.asarray(X, dtype=f)
        y = np.asarray(y, dtype=f)
        n, d = X.shape
        w, b = np.zeros(d, dtype=f), f(0.0)
        lr, l2 = f(self.learning_rate), f(self.l2)
        self.loss_history_ = []
        for _ in range(self.n_iter):
            r = self._sig(X @ w + b) - y
            w, b = w - lr * (X.T @ r / f(n) + l2 * w), b - lr * r.mean()
            z = X @ w + b
            self.loss_history_.append(
                float(np.mean(np.logaddexp(f(0), z) - y * z) + l2 / f(2) * (w @ w))
            )
        self.coef_, self.intercept_ = w, float(b)
        return self

    def predict_proba(self, X):
        return self._sig(
            np.asarray(X, dtype=np.float64) @ self.coef_.astype(np.float64)
            + self.intercept_
        )

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) >= threshold).astype(int)
