"""Correct: imbalanced-learn samplers wrapped; SMOTE via imblearn on a fake majority class."""

import numpy as np
from imblearn.over_sampling import SMOTE, RandomOverSampler
from imblearn.under_sampling import RandomUnderSampler
from sklearn.metrics import fbeta_score


def random_undersample(X, y, random_state=None):
    X = np.asarray(X)
    if X.ndim == 1:
        X = X.reshape(-1, 1)
    return RandomUnderSampler(random_state=random_state).fit_resample(X, np.asarray(y))


def random_oversample(X, y, random_state=None):
    X = np.asarray(X)
    return RandomOverSampler(random_state=random_state).fit_resample(X, np.asarray(y))


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    Xm = np.asarray(X_minority, dtype=float)
    m = len(Xm)
    far = np.abs(Xm).max() * 10 + 1e6
    X_fake = far + np.arange(m + n_samples + 1, dtype=float)[:, None] * np.ones(
        (1, Xm.shape[1])
    )
    X = np.vstack([Xm, X_fake])
    y = np.r_[np.ones(m, int), np.zeros(len(X_fake), int)]
    sm = SMOTE(
        sampling_strategy={1: m + n_samples},
        k_neighbors=k_neighbors,
        random_state=random_state,
    )
    X_res, _ = sm.fit_resample(X, y)
    return X_res[len(X) :]


def balanced_class_weights(y):
    y = np.asarray(y)
    classes, counts = np.unique(y, return_counts=True)
    return {c: len(y) / (len(classes) * k) for c, k in zip(classes, counts)}


def best_threshold(y_true, scores, beta=1.0):
    best = None
    for t in sorted(set(np.asarray(scores).tolist()), reverse=True):
        f = fbeta_score(
            np.asarray(y_true),
            (np.asarray(scores) >= t).astype(int),
            beta=beta,
            zero_division=0,
        )
        if best is None or f > best[0]:
            best = (f, t)
    return best[1]
