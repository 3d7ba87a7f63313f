"""04_imbalanced: the data and the reference implementations.

Small, obviously correct versions of what the learner writes (random under- and
oversampling, SMOTE, balanced class weights, the best threshold), the F-beta formulas
the threshold cases are screened with, and the data generators of the notebook. The
checks use them to build cases and recognise mistakes; the figures use them so that
they work before the learner has written anything. No checker and no plotting here.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

import numpy as np

from ...validation import check_int, check_number, check_seed

__all__ = [
    "best_threshold_exact",
    "best_threshold_fast",
    "best_threshold_reference",
    "class_weight_reference",
    "fraud_data",
    "neighbours",
    "oversample_reference",
    "smote_data",
    "smote_reference",
    "undersample_reference",
]


# ---------------------------------------------------------------------- resampling
def undersample_reference(X, y, random_state=None):
    """Random undersampling: every class cut to the smallest, without replacement.

    >>> X, y = undersample_reference([[0], [1], [2], [3]], [0, 0, 0, 1], 0)
    >>> sorted(y.tolist())
    [0, 1]
    """
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, counts = np.unique(y, return_counts=True)
    keep = np.concatenate(
        [
            rng.choice(np.flatnonzero(y == c), counts.min(), replace=False)
            for c in classes
        ]
    )
    keep = rng.permutation(keep)
    return X[keep], y[keep]


def oversample_reference(X, y, random_state=None):
    """Random oversampling: every row kept, copies added up to the largest class.

    >>> X, y = oversample_reference([[0], [1], [2], [3]], [0, 0, 0, 1], 0)
    >>> sorted(y.tolist())
    [0, 0, 0, 1, 1, 1]
    """
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, counts = np.unique(y, return_counts=True)
    extra = [
        rng.choice(np.flatnonzero(y == c), counts.max() - n, replace=True)
        for c, n in zip(classes, counts, strict=True)
    ]
    keep = rng.permutation(np.concatenate([np.arange(len(y)), *extra]))
    return X[keep], y[keep]


def neighbours(X, k):
    """Indices (n, k) of each row's k nearest other rows (Euclidean, stable ties).

    >>> neighbours(np.array([[0.0], [1.0], [3.0]]), 1).ravel().tolist()
    [1, 0, 1]
    """
    d = ((X[:, None, :] - X[None, :, :]) ** 2).sum(-1)
    np.fill_diagonal(d, np.inf)
    return np.argsort(d, axis=1, kind="stable")[:, :k]


def smote_reference(X_minority, n_samples, k_neighbors=5, random_state=None):
    """SMOTE: x + u (x_nn - x) with x_nn among x's k nearest other rows.

    >>> smote_reference(np.eye(3), 4, k_neighbors=2, random_state=0).shape
    (4, 3)
    """
    X = np.asarray(X_minority, dtype=float)
    rng = np.random.default_rng(random_state)
    nn = neighbours(X, k_neighbors)
    base = rng.integers(len(X), size=n_samples)
    other = nn[base, rng.integers(k_neighbors, size=n_samples)]
    u = rng.random((n_samples, 1))
    return X[base] + u * (X[other] - X[base])


# --------------------------------------------------------------------- class weights
def class_weight_reference(y):
    """``{class: weight}`` from ``sklearn.utils.class_weight.compute_class_weight``.

    Parameters
    ----------
    y : array-like of shape (n_samples,)
        Class labels (ints or strings).

    Returns
    -------
    dict
        The "balanced" weight of each class, n / (n_classes * count(class)).

    Examples
    --------
    >>> w = class_weight_reference([0, 0, 0, 1])
    >>> {int(k): float(v) for k, v in w.items()}
    {0: 0.6666666666666666, 1: 2.0}
    """
    from sklearn.utils.class_weight import compute_class_weight

    y = np.asarray(y)
    if y.ndim != 1 or len(y) == 0:
        raise ValueError(
            f"y must be a non-empty 1-D array of labels, got shape {y.shape}"
        )
    classes = np.unique(y)
    weights = compute_class_weight("balanced", classes=classes, y=y)
    return dict(zip(classes.tolist(), weights, strict=True))


# ------------------------------------------------------------------- best threshold
def counts_at(y_true, scores, t):
    """``(tp, fp, fn)`` of predicting ``scores >= t``, as Python ints."""
    y = np.asarray(y_true).astype(int)
    flagged = np.asarray(scores, dtype=float) >= t
    tp = int(np.sum(flagged & (y == 1)))
    fp = int(np.sum(flagged & (y == 0)))
    fn = int(np.sum(~flagged & (y == 1)))
    return tp, fp, fn


def candidates(scores):
    """The distinct scores from high to low: the thresholds worth trying."""
    return np.unique(np.asarray(scores, dtype=float))[::-1]


def best_threshold_reference(y_true, scores, beta=1.0):
    """Brute force: try every distinct score with ``fbeta_score(zero_division=0)``.

    The predictions at all thresholds form the columns of one multilabel matrix, so
    one call of ``fbeta_score(..., average=None)`` gives F-beta at every threshold.

    Among thresholds whose F-beta is within 1e-12 of the best, the largest wins.

    Parameters
    ----------
    y_true : array-like of 0/1 ints, shape (n_samples,)
    scores : array-like of float, shape (n_samples,)
    beta : float, default=1.0

    Returns
    -------
    float
        The best threshold ``t`` (predict positive when ``score >= t``).

    Examples
    --------
    >>> best_threshold_reference([1, 0, 0, 1], [4, 3, 2, 1])
    4.0
    """
    from sklearn.metrics import fbeta_score

    y = np.asarray(y_true).astype(int).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    if y.shape != s.shape or y.size == 0:
        raise ValueError(
            f"y_true and scores must be non-empty and of one length, got {y.shape} "
            f"and {s.shape}"
        )
    ts = candidates(s)
    # One column per threshold: fbeta_score scores every column in one call.
    flagged = (s[:, None] >= ts[None, :]).astype(int)
    truth = np.repeat(y[:, None], len(ts), axis=1)
    if len(ts) == 1:  # a one-column matrix would be read as a single label vector
        flagged, truth = np.c_[flagged, flagged], np.c_[truth, truth]
    f = fbeta_score(truth, flagged, beta=beta, average=None, zero_division=0)
    return float(ts[np.flatnonzero(f >= f.max() - 1e-12)[0]])


def best_threshold_exact(y_true, scores, beta=1.0):
    """The best threshold in exact rational arithmetic, for any n and any scale.

    Scores are grouped by value (exact ties only), the counts at every threshold are
    integers, and F-beta is compared as a :class:`~fractions.Fraction`: two
    thresholds whose F-beta differ by 1e-12 relative are not a tie, two whose F-beta
    are equal are, and then the larger wins. The reference of the hidden cases at
    the edges of floating point.

    Parameters
    ----------
    y_true : array-like of 0/1 ints, shape (n_samples,)
    scores : array-like of float, shape (n_samples,)
    beta : float, default=1.0

    Returns
    -------
    float
        The best threshold ``t`` (predict positive when ``score >= t``).

    Examples
    --------
    >>> best_threshold_exact([1, 0, 0, 1], [4, 3, 2, 1])
    4.0
    >>> best_threshold_exact([1, 0, 1], [0.5 + 1e-12, 0.5, 0.5 + 2e-12]) == 0.5 + 1e-12
    True
    """
    y = np.asarray(y_true).astype(int).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    if y.shape != s.shape or y.size == 0:
        raise ValueError(
            f"y_true and scores must be non-empty and of one length, got {y.shape} "
            f"and {s.shape}"
        )
    ts, group = np.unique(s, return_inverse=True)  # ascending distinct scores
    pos = np.bincount(group[y == 1], minlength=len(ts))[::-1].tolist()
    neg = np.bincount(group[y != 1], minlength=len(ts))[::-1].tolist()
    total = sum(pos)
    best_t, best_f, tp, fp = None, None, 0, 0
    for t, p, q in zip(ts[::-1].tolist(), pos, neg, strict=True):  # high to low
        tp, fp = tp + p, fp + q
        f = f_exact(tp, fp, total - tp, beta)
        if best_f is None or f > best_f:  # strictly better: a tie keeps the larger t
            best_t, best_f = t, f
    return float(best_t)


def best_threshold_fast(y_true, scores, beta=1.0):
    """Best threshold by sorting once and counting with cumulative sums (exact ties).

    >>> best_threshold_fast([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.35
    """
    y = np.asarray(y_true, dtype=float).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    last = np.r_[np.flatnonzero(np.diff(s) != 0), len(s) - 1]  # end of each tie group
    tp = np.cumsum(y)[last]
    fp = last + 1 - tp
    fn = y.sum() - tp
    b2 = beta**2
    den = (1 + b2) * tp + b2 * fn + fp
    f = np.divide((1 + b2) * tp, den, out=np.zeros_like(tp), where=tp > 0)
    return float(s[last][np.argmax(f)])


def best_by(y_true, scores, beta, f_of):
    """Best threshold when F-beta is computed by ``f_of(tp, fp, fn, beta)`` (floats)."""
    ts = candidates(scores)
    f = np.array([f_of(*counts_at(y_true, scores, t), beta) for t in ts])
    return float(ts[np.flatnonzero(f == f.max())[0]])


def f_counts(tp, fp, fn, beta):
    """F-beta from the counts: (1 + b²)TP / ((1 + b²)TP + b²FN + FP)."""
    b2 = beta**2
    den = (1 + b2) * tp + b2 * fn + fp
    return (1 + b2) * tp / den if den else 0.0


def f_pr(tp, fp, fn, beta):
    """F-beta from precision and recall."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    b2 = beta**2
    return (1 + b2) * p * r / (b2 * p + r) if (p or r) else 0.0


def f_harmonic(tp, fp, fn, beta):
    """F-beta as a weighted harmonic mean of precision and recall."""
    if tp == 0:
        return 0.0
    b2 = beta**2
    return 1.0 / (
        (1 / (1 + b2)) * ((tp + fp) / tp) + (b2 / (1 + b2)) * ((tp + fn) / tp)
    )


def f_exact(tp, fp, fn, beta):
    """F-beta in exact rational arithmetic."""
    b2 = Fraction(beta) ** 2
    num = (1 + b2) * tp
    den = num + b2 * fn + fp
    return num / den if den else Fraction(0)


# ------------------------------------------------------------------------------- data
@lru_cache(maxsize=4)
def _fraud(n_samples, prevalence, seed):
    from sklearn.datasets import make_classification
    from sklearn.model_selection import train_test_split

    X, y = make_classification(
        n_samples=n_samples,
        n_features=10,
        n_informative=5,
        n_redundant=2,
        weights=[1 - prevalence],
        class_sep=1.0,
        flip_y=0.005,
        random_state=seed,
    )
    return train_test_split(X, y, test_size=0.3, stratify=y, random_state=seed)


def fraud_data(n_samples=5000, prevalence=0.03, seed=0):
    """A synthetic fraud-like problem, split 70/30 with the class balance kept.

    scikit-learn's ``make_classification`` with 10 features (5 informative) and about
    ``prevalence`` positives; ``train_test_split(..., stratify=y)`` keeps the same
    fraction of positives in both parts.

    Parameters
    ----------
    n_samples : int, default=5000
        Rows before the split (200 to 100000).
    prevalence : float, default=0.03
        Fraction of positives, in (0, 0.5].
    seed : int, default=0

    Returns
    -------
    X_train, X_test, y_train, y_test : ndarrays

    Examples
    --------
    >>> X_train, X_test, y_train, y_test = fraud_data()
    >>> X_train.shape, X_test.shape, round(float(y_train.mean()), 2)
    ((3500, 10), (1500, 10), 0.03)
    """
    n = check_int("n_samples", n_samples, low=200, high=100_000)
    p = check_number("prevalence", prevalence, low=0, high=0.5, open_low=True)
    return tuple(a.copy() for a in _fraud(n, p, check_seed(seed)))


@lru_cache(maxsize=4)
def _smote_data(seed):
    rng = np.random.default_rng(seed)
    majority = rng.normal(0, 1.3, size=(160, 2))
    minority = np.vstack(
        [
            rng.normal((-2.6, 2.6), 0.45, size=(7, 2)),
            rng.normal((2.6, 2.6), 0.45, size=(7, 2)),
            [[0.3, 0.2]],  # a noisy minority point inside the majority
        ]
    )
    return minority, majority


def smote_data(seed=0):
    """Two-feature data for the SMOTE view: a majority blob, two minority clusters.

    Parameters
    ----------
    seed : int, default=0

    Returns
    -------
    X_minority : ndarray of shape (15, 2)
        Two tight clusters of 7 and one noisy point inside the majority.
    X_majority : ndarray of shape (160, 2)
    """
    minority, majority = _smote_data(check_seed(seed))
    return minority.copy(), majority.copy()
