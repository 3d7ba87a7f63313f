"""04_imbalanced: checks by invariants, imbalanced data, experiments, figures, widgets.

The notebook calls each piece in one line, for example::

    from interview_lab.topics import imbalanced as topic
    X_train, X_test, y_train, y_test = topic.fraud_data()
    topic.leak_experiment(X_train, y_train, X_test, y_test)
    check = topic.checker("smote", smote)                      # in a test cell
    topic.check_smote(check, X_minority, 200, k_neighbors=2)   # an invariant check

Resampling and SMOTE are random, so their answers are not unique: the ``check_*``
functions test *invariants* (class counts, rows staying paired with their labels, every
synthetic point on a segment between neighbours, reproducibility with a seed) and never
compare with one reference output. The deterministic exercises (class weights, the best
threshold) are compared with scikit-learn and a brute-force reference.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from functools import lru_cache

import numpy as np

from ..cases import check_seed
from ..checking import Checker, Mistake, checker_factory
from ..widgets import FigureImage, explorer_box, new_figure

__all__ = [
    "HINTS",
    "MISTAKES",
    "NAMES",
    "ImbalanceExplorer",
    "SmoteView",
    "best_threshold_reference",
    "check_oversample",
    "check_random_resampling",
    "check_smote",
    "check_smote_random",
    "check_undersample",
    "checker",
    "class_weight_cases",
    "class_weight_reference",
    "compare_strategies",
    "fraud_data",
    "imbalance_explorer",
    "leak_experiment",
    "leak_figure",
    "paradox_figure",
    "paradox_table",
    "resampling_case",
    "resampling_cases",
    "smote_cases",
    "smote_data",
    "smote_explorer",
    "smote_figure",
    "strategies_figure",
    "threshold_cases",
]


# ------------------------------------------------------------------ small references
def _undersample(X, y, random_state=None):
    """Reference random undersampling (used by figures and tests)."""
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


def _oversample(X, y, random_state=None):
    """Reference random oversampling (used by figures and tests)."""
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, counts = np.unique(y, return_counts=True)
    extra = [
        rng.choice(np.flatnonzero(y == c), counts.max() - n, replace=True)
        for c, n in zip(classes, counts, strict=True)
    ]
    keep = rng.permutation(np.concatenate([np.arange(len(y)), *extra]))
    return X[keep], y[keep]


def _neighbours(X, k):
    """Indices (n, k) of each row's k nearest other rows (Euclidean, stable ties)."""
    d = ((X[:, None, :] - X[None, :, :]) ** 2).sum(-1)
    np.fill_diagonal(d, np.inf)
    return np.argsort(d, axis=1, kind="stable")[:, :k]


def _smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    """Reference SMOTE: x + u (x_nn - x) with x_nn among x's k nearest other rows."""
    X = np.asarray(X_minority, dtype=float)
    rng = np.random.default_rng(random_state)
    nn = _neighbours(X, k_neighbors)
    base = rng.integers(len(X), size=n_samples)
    other = nn[base, rng.integers(k_neighbors, size=n_samples)]
    u = rng.random((n_samples, 1))
    return X[base] + u * (X[other] - X[base])


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


def _counts(y_true, scores, t):
    y = np.asarray(y_true).astype(int)
    flagged = np.asarray(scores, dtype=float) >= t
    tp = int(np.sum(flagged & (y == 1)))
    fp = int(np.sum(flagged & (y == 0)))
    fn = int(np.sum(~flagged & (y == 1)))
    return tp, fp, fn


def _candidates(scores):
    return np.unique(np.asarray(scores, dtype=float))[::-1]  # high to low


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
    ts = _candidates(s)
    # One column per threshold: fbeta_score scores every column in one call.
    flagged = (s[:, None] >= ts[None, :]).astype(int)
    truth = np.repeat(y[:, None], len(ts), axis=1)
    if len(ts) == 1:  # a one-column matrix would be read as a single label vector
        flagged, truth = np.c_[flagged, flagged], np.c_[truth, truth]
    f = fbeta_score(truth, flagged, beta=beta, average=None, zero_division=0)
    return float(ts[np.flatnonzero(f >= f.max() - 1e-12)[0]])


def _best_threshold_fast(y_true, scores, beta=1.0):
    """Best threshold by sorting once and counting with cumulative sums (exact ties)."""
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


def _best_by(y_true, scores, beta, f_of):
    """Best threshold when F-beta is computed by ``f_of(tp, fp, fn, beta)`` (floats)."""
    ts = _candidates(scores)
    f = np.array([f_of(*_counts(y_true, scores, t), beta) for t in ts])
    return float(ts[np.flatnonzero(f == f.max())[0]])


def _f_counts(tp, fp, fn, beta):
    b2 = beta**2
    den = (1 + b2) * tp + b2 * fn + fp
    return (1 + b2) * tp / den if den else 0.0


def _f_pr(tp, fp, fn, beta):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    b2 = beta**2
    return (1 + b2) * p * r / (b2 * p + r) if (p or r) else 0.0


def _f_harmonic(tp, fp, fn, beta):
    if tp == 0:
        return 0.0
    b2 = beta**2
    return 1.0 / (
        (1 / (1 + b2)) * ((tp + fp) / tp) + (b2 / (1 + b2)) * ((tp + fn) / tp)
    )


def _f_exact(tp, fp, fn, beta):
    b2 = Fraction(beta) ** 2
    num = (1 + b2) * tp
    den = num + b2 * fn + fp
    return num / den if den else Fraction(0)


# ---------------------------------------------------------------------------- mistakes
def _weights(y, formula):
    y = np.asarray(y)
    classes, counts = np.unique(y, return_counts=True)
    n, k = len(y), len(classes)
    return {
        c: float(formula(n, k, m))
        for c, m in zip(classes.tolist(), counts, strict=True)
    }


def _threshold_variant(
    y_true, scores, beta=1.0, *, smallest=False, strict=False, ignore_beta=False
):
    s = np.asarray(scores, dtype=float).ravel()
    y = np.asarray(y_true).astype(int).ravel()
    ts = _candidates(s)
    b = 1.0 if ignore_beta else beta
    f = []
    for t in ts:
        flagged = s > t if strict else s >= t
        tp = int(np.sum(flagged & (y == 1)))
        fp = int(np.sum(flagged & (y == 0)))
        fn = int(np.sum(~flagged & (y == 1)))
        f.append(_f_exact(tp, fp, fn, b))
    best = [i for i, v in enumerate(f) if v == max(f)]
    return float(ts[best[-1] if smallest else best[0]])


def _threshold_index(y_true, scores, beta=1.0):
    s = np.asarray(scores, dtype=float).ravel()
    t = best_threshold_reference(y_true, scores, beta)
    return int(np.flatnonzero(s == t)[0])


def _threshold_ungrouped(y_true, scores, beta=1.0):
    """Running counts over the sorted scores without merging tied scores."""
    y = np.asarray(y_true, dtype=float).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    tp = np.cumsum(y)
    fp = np.cumsum(1 - y)
    b2 = beta**2
    den = (1 + b2) * tp + b2 * (y.sum() - tp) + fp
    f = np.divide((1 + b2) * tp, den, out=np.zeros_like(tp), where=tp > 0)
    return float(s[np.flatnonzero(f >= f.max() - 1e-12)].max())


def _threshold_best_f(y_true, scores, beta=1.0):
    from sklearn.metrics import fbeta_score

    t = best_threshold_reference(y_true, scores, beta)
    s = np.asarray(scores, dtype=float)
    y = np.asarray(y_true).astype(int)
    return float(fbeta_score(y, (s >= t).astype(int), beta=beta, zero_division=0))


MISTAKES: dict[str, list[Mistake]] = {
    "balanced_class_weights": [
        Mistake(
            lambda y: _weights(y, lambda n, k, m: k * m / n),
            "The weights look inverted: a rare class must get a *large* weight, "
            "n / (n_classes * count).",
        ),
        Mistake(
            lambda y: _weights(y, lambda n, k, m: 1 / m),
            "1 / count has the right ordering but not the scale: multiply by "
            "n / n_classes, so that a balanced data set gets weight 1 for every class.",
        ),
        Mistake(
            lambda y: _weights(y, lambda n, k, m: n / m),
            "Divide by the number of classes too: n / (n_classes * count).",
        ),
        Mistake(
            lambda y: _weights(y, lambda n, k, m: n / (2 * m)),
            "That divides by 2 whatever the number of classes is: use "
            "n_classes = the number of distinct labels.",
        ),
        Mistake(
            lambda y: {
                c: w / sum(_weights(y, lambda n, k, m: 1 / m).values())
                for c, w in _weights(y, lambda n, k, m: 1 / m).items()
            },
            "The weights should not sum to 1: each is n / (n_classes * count(class)).",
        ),
    ],
    "best_threshold": [
        Mistake(
            lambda t, s, beta=1.0: _threshold_variant(t, s, beta, smallest=True),
            "Several thresholds reach the best F-beta here: return the largest of "
            "them.",
        ),
        Mistake(
            lambda t, s, beta=1.0: _threshold_variant(t, s, beta, ignore_beta=True),
            "That threshold maximises F1: use the beta argument in F-beta.",
        ),
        Mistake(
            _threshold_ungrouped,
            "Tied scores are one threshold: `scores >= t` flags every sample scoring "
            "t at once, so count a group of equal scores together (a running count "
            "inside the group gives F values no threshold reaches).",
        ),
        Mistake(
            lambda t, s, beta=1.0: _threshold_variant(t, s, beta, strict=True),
            "Predict positive when `scores >= t` (greater than *or equal*), so that "
            "the sample scoring exactly t is flagged.",
        ),
        Mistake(
            _threshold_index,
            "That looks like the position of the threshold: return the score value "
            "t itself.",
        ),
        Mistake(
            lambda t, s, beta=1.0: float("inf"),
            "Return one of the scores. With no positive in y_true every threshold "
            "has F-beta = 0: all tie, and the largest score wins (inf, as in "
            "roc_curve's thresholds, is not a score).",
        ),
        Mistake(
            _threshold_best_f,
            "That looks like the best F-beta value: return the threshold t that "
            "reaches it.",
        ),
    ],
}

HINTS: dict[str, str] = {
    "random_undersample": "For each class c, pick `n_min` of the indices "
    "np.flatnonzero(y == c) with rng.choice(..., replace=False); concatenate the "
    "picked indices and index X and y with the same array so rows stay paired.",
    "random_oversample": "Keep every row (np.arange(n)) and, for each class c, add "
    "n_max - count(c) indices drawn with rng.choice(..., replace=True) from that "
    "class; index X and y with the same array.",
    "smote": "Find each row's k nearest *other* rows (a distance matrix with an "
    "infinite diagonal, or NearestNeighbors(n_neighbors=k + 1) without the first "
    "column). For each new row pick a random row x, a random one of its neighbours "
    "x_nn and one number u = rng.random(): x + u * (x_nn - x).",
    "balanced_class_weights": "Count each class (np.unique(y, return_counts=True)); "
    "weight = n / (n_classes * count). Return a dict {class: weight}.",
    "best_threshold": "Try every distinct score t: predict `scores >= t`, compute "
    "F-beta = (1 + b²)TP / ((1 + b²)TP + b²FN + FP) (0 when TP = 0) and keep the "
    "best; on a tie keep the larger t.",
}

NAMES = {
    "random_undersample": ("X_res", "y_res"),
    "random_oversample": ("X_res", "y_res"),
}

checker = checker_factory(HINTS, MISTAKES, NAMES)


# ----------------------------------------------------------------- resampling checks
_INT_LABELS = ([0, 1, 2, 3], [1, 0, 3, 2], [2, 5, 9, 4], [-1, 1, 7, 3])
_STR_LABELS = (["legit", "fraud", "review", "chargeback"], ["b", "a", "d", "c"])


def resampling_case(counts, n_features=3, labels=None, seed=0, as_list=False):
    """A shuffled data set with the given class counts and row ids in column 0.

    ``X[:, 0]`` is the row index, so a check can tell exactly which original row each
    output row is, whether rows stay paired with their labels and whether a row was
    used twice.

    Parameters
    ----------
    counts : sequence of int
        Number of rows of each class (at least one class, each count >= 1).
    n_features : int, default=3
        Columns of X, the first being the row id.
    labels : sequence, optional
        The class labels, one per count (ints or strings); 0, 1, 2... by default.
    seed : int, default=0
        Seed of the features and the shuffling.
    as_list : bool, default=False
        Return X and y as Python lists instead of arrays.

    Returns
    -------
    X : ndarray of shape (sum(counts), n_features) or list of lists
    y : ndarray of shape (sum(counts),) or list

    Examples
    --------
    >>> X, y = resampling_case([3, 1])
    >>> X[:, 0].tolist(), sorted(y.tolist())
    ([0.0, 1.0, 2.0, 3.0], [0, 0, 0, 1])
    """
    counts = [int(c) for c in counts]
    if not counts or min(counts) < 1:
        raise ValueError(f"counts must hold at least one count >= 1, got {counts!r}")
    if not isinstance(n_features, int | np.integer) or n_features < 1:
        raise ValueError(f"n_features must be an int >= 1, got {n_features!r}")
    labels = list(range(len(counts))) if labels is None else list(labels)
    if len(labels) != len(counts) or len(set(labels)) != len(labels):
        raise ValueError(
            f"labels must be {len(counts)} distinct values, one per count, got {labels!r}"
        )
    rng = np.random.default_rng(seed)
    y = np.concatenate([[lab] * c for lab, c in zip(labels, counts, strict=True)])
    y = y[rng.permutation(len(y))]
    X = np.round(rng.normal(size=(len(y), n_features)), 3)
    X[:, 0] = np.arange(len(y))
    return (X.tolist(), y.tolist()) if as_list else (X, y)


def resampling_cases(seed=0, n_random=16):
    """Data sets for the resampling checks: edge cases, then seeded random ones.

    Two, three and four classes, int and string labels, a class with one row, classes
    tied for smallest or largest and an already balanced set; inputs alternate between
    arrays and Python lists. (No single-class set: imbalanced-learn's samplers, a
    correct answer when wrapped, refuse one.)

    Yields
    ------
    X, y
        As :func:`resampling_case` makes them (``X[:, 0]`` is the row id).
    """
    edge = [
        ([8, 3], None),
        ([3, 8], None),
        ([5, 9, 2], None),
        ([4, 7, 7, 12], _STR_LABELS[0]),
        ([6, 6], None),
        ([10, 1], None),
        ([3, 3, 9], _STR_LABELS[1][:3]),
        ([2, 11, 11], _INT_LABELS[2][:3]),
    ]
    for i, (counts, labels) in enumerate(edge):
        yield resampling_case(counts, labels=labels, seed=seed + i, as_list=i % 2 == 1)
    rng = np.random.default_rng(seed)
    for i in range(n_random):
        k = int(rng.integers(2, 5))
        counts = rng.integers(1, 25, size=k).tolist()
        pool = (_INT_LABELS + _STR_LABELS)[i % 6]
        yield resampling_case(
            counts,
            n_features=int(rng.integers(1, 5)),
            labels=pool[:k],
            seed=seed + 100 + i,
            as_list=i % 2 == 0,
        )


def _result_pair(check, result, X, y, kwargs):
    """Unpack (X_res, y_res) as arrays, or fail with a clear message."""
    __tracebackhide__ = True
    args = (X, y)
    ok = isinstance(result, tuple | list) and len(result) == 2
    check.that(ok, "should return a pair (X_res, y_res)", *args, got=result, **kwargs)
    try:
        X_res = np.asarray(result[0], dtype=float)
    except (TypeError, ValueError):
        X_res = None
    n_features = np.asarray(X).shape[1]
    check.that(
        X_res is not None and X_res.ndim == 2 and X_res.shape[1] == n_features,
        f"X_res should be a 2-D array of numbers with {n_features} columns like X, got "
        f"{'something else' if X_res is None else f'shape {X_res.shape}'}",
        *args,
        got=result,
        **kwargs,
    )
    y_res = np.asarray(result[1])
    check.that(
        y_res.ndim == 1 and len(y_res) == len(X_res),
        f"y_res should be 1-D with one label per row of X_res ({len(X_res)}), got "
        f"shape {y_res.shape}",
        *args,
        got=result,
        **kwargs,
    )
    return X_res, y_res


def _paired_ids(check, X, y, X_res, y_res, result, kwargs, why):
    """Row ids of the output rows; fails unless each is an original row and label."""
    __tracebackhide__ = True
    Xa, ya = np.asarray(X, dtype=float), np.asarray(y)
    ids = np.rint(X_res[:, 0]).astype(int) if len(X_res) else np.zeros(0, int)
    valid = (np.abs(X_res[:, 0] - ids) < 1e-6) & (ids >= 0) & (ids < len(Xa))
    rows_ok = valid.copy()
    rows_ok[valid] = np.all(
        np.isclose(X_res[valid], Xa[ids[valid]], rtol=1e-6, atol=1e-9), axis=1
    )
    bad = np.flatnonzero(~rows_ok)
    check.that(
        bad.size == 0,
        f"row {bad[0] if bad.size else 0} of X_res is not a row of X",
        X,
        y,
        got=result,
        why=why,
        **kwargs,
        hint="Select whole rows of X with an index array, X[idx], and never build or "
        "change rows.",
    )
    labels_ok = [a == b for a, b in zip(y_res.tolist(), ya[ids].tolist(), strict=True)]
    wrong = [i for i, ok in enumerate(labels_ok) if not ok]
    check.that(
        not wrong,
        f"rows and labels are no longer paired: row {wrong[0] if wrong else 0} of X_res "
        f"is X[{ids[wrong[0]] if wrong else 0}], whose label is "
        f"{ya[ids[wrong[0]]] if wrong else ''!r}, but y_res says "
        f"{y_res[wrong[0]] if wrong else ''!r}",
        X,
        y,
        got=result,
        why=why,
        **kwargs,
        hint="Draw one array of row indices and use it for both: X[idx], y[idx]. "
        "Shuffling X and y separately breaks the pairing.",
    )
    return ids


def _class_counts(check, y, y_res, target, what, result, X, kwargs, why):
    __tracebackhide__ = True
    ya = np.asarray(y).tolist()
    original = Counter(ya)
    got = {
        c: sum(1 for v in y_res.tolist() if v == c) for c in sorted(original, key=str)
    }
    ok = all(n == target for n in got.values()) and len(y_res) == target * len(original)
    check.that(
        ok,
        f"class counts after resampling are {got}; expected {target} rows of every "
        f"class ({what})",
        X,
        y,
        got=result,
        why=why,
        **kwargs,
        hint="Work class by class over every distinct label (np.unique(y)), whatever "
        "the number of classes; the target size is the "
        + ("smallest" if "smallest" in what else "largest")
        + " class count.",
    )


def _call(check, X, y, random_state):
    kwargs = {} if random_state == "default" else {"random_state": random_state}
    return check.call(X, y, **kwargs), kwargs


def check_undersample(check: Checker, X, y, random_state=0, why=None):
    """Check one call of a learner's ``random_undersample`` by its invariants.

    Every class ends with as many rows as the smallest class, every output row is a
    row of X with its own label (``X[:, 0]`` must be the row id), and no row is used
    twice, so the smallest class is kept whole.

    Parameters
    ----------
    check : Checker
        The exercise's checker (its function is called, quietly and on copies).
    X, y : array-like
        A data set from :func:`resampling_case`.
    random_state : int or None or "default"
        Passed on; ``"default"`` leaves the argument out.
    why : str, optional
        What the case is about, shown on failure.

    Returns
    -------
    ids : ndarray of int
        The original row of each output row.
    """
    __tracebackhide__ = True
    result, kwargs = _call(check, X, y, random_state)
    X_res, y_res = _result_pair(check, result, X, y, kwargs)
    n_min = min(Counter(np.asarray(y).tolist()).values())
    _class_counts(
        check, y, y_res, n_min, "the size of the smallest class", result, X, kwargs, why
    )
    ids = _paired_ids(check, X, y, X_res, y_res, result, kwargs, why)
    dup = [i for i, c in Counter(ids.tolist()).items() if c > 1]
    check.that(
        not dup,
        f"row X[{dup[0] if dup else 0}] appears more than once: undersampling draws "
        "rows without replacement (and keeps the smallest class whole)",
        X,
        y,
        got=result,
        why=why,
        **kwargs,
        hint="Use rng.choice(indices, size, replace=False) (or a permutation and a "
        "slice).",
    )
    return ids


def check_oversample(check: Checker, X, y, random_state=0, why=None):
    """Check one call of a learner's ``random_oversample`` by its invariants.

    Every class ends with as many rows as the largest class, every output row is a row
    of X with its own label, and every original row is kept (so the largest class is
    unchanged and only copies are added).

    Parameters
    ----------
    check : Checker
    X, y : array-like
        A data set from :func:`resampling_case`.
    random_state : int or None or "default"
    why : str, optional

    Returns
    -------
    ids : ndarray of int
        The original row of each output row.
    """
    __tracebackhide__ = True
    result, kwargs = _call(check, X, y, random_state)
    X_res, y_res = _result_pair(check, result, X, y, kwargs)
    n_max = max(Counter(np.asarray(y).tolist()).values())
    _class_counts(
        check, y, y_res, n_max, "the size of the largest class", result, X, kwargs, why
    )
    ids = _paired_ids(check, X, y, X_res, y_res, result, kwargs, why)
    missing = sorted(set(range(len(np.asarray(y)))) - set(ids.tolist()))
    check.that(
        not missing,
        f"{len(missing)} original row(s) are missing, e.g. X[{missing[0] if missing else 0}]"
        ": oversampling keeps every original row and only adds copies",
        X,
        y,
        got=result,
        why=why,
        **kwargs,
        hint="Start from all the rows (np.arange(n)) and append the extra indices drawn "
        "with replacement; do not redraw the whole class.",
    )
    return ids


def check_random_resampling(check: Checker, X, y, kind, seeds=range(30)):
    """Check that a resampler is random, reproducible and can pick every row.

    The same ``random_state`` must give the same result; different seeds must give
    different results, and over the seeds every row that may be drawn is drawn at least
    once (rules out "take the first rows" or "repeat the class in order").

    Parameters
    ----------
    check : Checker
    X, y : array-like
        A data set from :func:`resampling_case` whose classes differ in size.
    kind : {"under", "over"}
    seeds : iterable of int
    """
    __tracebackhide__ = True
    if kind not in ("under", "over"):
        raise ValueError(f"kind must be 'under' or 'over', got {kind!r}")
    one = check_undersample if kind == "under" else check_oversample
    seeds = list(seeds)
    first = check.call(X, y, random_state=seeds[0])
    again = check.call(X, y, random_state=seeds[0])
    same = all(
        np.array_equal(np.asarray(a, dtype=object), np.asarray(b, dtype=object))
        for a, b in zip(first, again, strict=False)
    ) and len(first) == len(again)
    check.that(
        same,
        "two calls with the same random_state gave different results",
        X,
        y,
        random_state=seeds[0],
        got=again,
        hint="Make every random draw from one generator built from the seed: "
        "rng = np.random.default_rng(random_state).",
    )
    ya = np.asarray(y)
    counts = Counter(ya.tolist())
    n_min, n_max = min(counts.values()), max(counts.values())
    drawn: list[frozenset] = []
    for seed in seeds:
        ids = one(check, X, y, random_state=seed)
        if kind == "under":
            drawn.append(frozenset(ids.tolist()))
        else:
            extra = Counter(ids.tolist())
            drawn.append(frozenset((i, c) for i, c in extra.items() if c > 1))
    check.that(
        len(set(drawn)) > 1,
        f"all {len(seeds)} seeds drew the same rows: the rows must be drawn at random",
        X,
        y,
        random_state=f"{seeds[0]}..{seeds[-1]}",
        hint="Draw the rows with rng.choice (or shuffle with rng.permutation); do not "
        "take the first rows of each class or repeat a class in order.",
    )
    if kind == "under":
        eligible = {i for i, v in enumerate(ya.tolist()) if counts[v] > n_min}
        used = set().union(*drawn)
    else:
        eligible = {i for i, v in enumerate(ya.tolist()) if counts[v] < n_max}
        used = {i for d in drawn for i, _ in d}
    never = sorted(eligible - used)
    check.that(
        not never,
        f"over {len(seeds)} seeds, row X[{never[0] if never else 0}] was never drawn: "
        "every row of a class must have a chance",
        X,
        y,
        random_state=f"{seeds[0]}..{seeds[-1]}",
        hint="Draw from all the indices of the class, np.flatnonzero(y == c).",
    )
    if kind == "over":
        # Classes needing 2 <= m <= count extra rows: drawn without replacement they
        # never repeat a row among the extras; with replacement they almost surely do
        # at some seed (each seed: at most 1 - P(no repeat), tiny over 30 seeds).
        small = {c for c, m in counts.items() if 2 <= n_max - m <= m}
        if small:
            repeat = any(c > 2 and ya[i] in small for d in drawn for i, c in d)
            check.that(
                repeat,
                f"over {len(seeds)} seeds, no row was added twice to a class that "
                "needs no more extra rows than it has: the extra rows must be drawn "
                "with replacement",
                X,
                y,
                random_state=f"{seeds[0]}..{seeds[-1]}",
                hint="rng.choice(indices, n_max - count, replace=True), whatever the "
                "number of extra rows.",
            )


# ---------------------------------------------------------------------- smote checks
def smote_cases(seed=0):
    """Inputs ``(X_minority, n_samples, k_neighbors, why, distinct)`` for SMOTE checks.

    ``distinct`` says the rows of ``X_minority`` are all different, so a synthetic row
    that equals an original one betrays a row used as its own neighbour.
    """
    rng = np.random.default_rng(seed)
    far = np.vstack([rng.normal(0, 0.5, (5, 2)), rng.normal(30, 0.5, (5, 2))])
    chain = np.array([[0.0, 0], [1, 0.1], [2.5, 0], [4.5, 0.3], [7, 0], [10, 0.2]])
    dup = np.array([[0.0, 0], [0, 0], [1, 1], [2, 0], [0, 2], [1, 1], [3, 3]])
    yield rng.normal(size=(12, 3)).round(3), 200, 3, "12 points in 3-D, k=3", True
    yield far.tolist(), 200, 2, "two far-apart clusters, k=2 (as lists)", True
    yield far, 200, 4, "two far-apart clusters, k=4", True
    yield chain, 150, 1, "points on a line of growing gaps, k=1", True
    yield rng.normal(size=(20, 4)), 300, 5, "20 points in 4-D, k=5", True
    yield dup, 80, 2, "duplicated rows in X_minority", False
    yield dup.tolist(), 60, 1, "duplicated rows, k=1", False
    yield rng.uniform(-5, 5, (8, 2)), 1, 3, "a single synthetic row", True
    yield rng.normal(size=(6, 1)), 40, 2, "one feature", False


def _segment_pairs(X, k, nearest=True):
    """Allowed (i, j) pairs: j among i's k nearest other rows (ties all allowed)."""
    d = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    if not nearest:
        i, j = np.nonzero(np.isfinite(d))
        return i, j
    kth = np.sort(d, axis=1)[:, k - 1]
    scale = 1e-9 * (1 + np.abs(X).max())
    i, j = np.nonzero(d <= kth[:, None] + scale)
    return i, j


def _segment_fit(R, X, pairs):
    """For each row of R: on some pair's line (residual), and the u found there."""
    i, j = pairs
    base, diff = X[i], X[j] - X[i]  # (P, F)
    dd = (diff**2).sum(1)  # (P,)
    rel = R[:, None, :] - base[None, :, :]  # (R, P, F)
    u = np.where(dd > 0, (rel * diff[None]).sum(-1) / np.where(dd > 0, dd, 1), 0.0)
    resid = np.sqrt(((rel - u[..., None] * diff[None]) ** 2).sum(-1))  # (R, P)
    return resid, u


def _on_each_segment(R, X, pairs, u_ok=True):
    """(rows of R, pairs) boolean: the row lies on that pair's segment (or line)."""
    tol = 1e-7 * (1 + np.abs(X).max())
    resid, u = _segment_fit(R, X, pairs)
    ok = resid <= tol
    if u_ok:
        ok &= (u >= -1e-9) & (u <= 1 + 1e-9)
    return ok


def _on_segments(R, X, pairs, u_ok=True):
    return _on_each_segment(R, X, pairs, u_ok).any(axis=1)


def _undirected(pairs):
    return {frozenset(p) for p in zip(*pairs, strict=True)}


def check_smote(
    check: Checker,
    X_minority,
    n_samples,
    k_neighbors=5,
    random_state=0,
    why=None,
    distinct=True,
):
    """Check one call of a learner's ``smote`` by its invariants.

    The result has shape ``(n_samples, n_features)``; every row lies on a segment from
    a row x of ``X_minority`` towards one of its ``k_neighbors`` nearest other rows,
    ``x + u (x_nn - x)`` with u in [0, 1) (ties in distance allow either neighbour).
    When the rows of ``X_minority`` are distinct (``distinct=True``) and there are at
    least 40 new rows, almost none may equal an original row (a row used as its own
    neighbour) and almost all must differ from each other (one fresh u per row).

    Parameters
    ----------
    check : Checker
    X_minority : array-like of shape (n, n_features)
    n_samples : int
    k_neighbors : int or None
        Passed on; None leaves the argument out (the default, 5).
    random_state : int or None
    why : str, optional
    distinct : bool, default=True

    Returns
    -------
    ndarray of shape (n_samples, n_features)
    """
    __tracebackhide__ = True
    kwargs = {"random_state": random_state}
    if k_neighbors is not None:
        kwargs["k_neighbors"] = k_neighbors
    k = 5 if k_neighbors is None else k_neighbors
    args = (X_minority, n_samples)
    result = check.call(*args, **kwargs)
    X = np.asarray(X_minority, dtype=float)
    try:
        R = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        R = None
    expected = (n_samples, X.shape[1])
    check.that(
        R is not None and R.shape == expected,
        f"should be an array of shape {expected}, got "
        f"{'something else' if R is None else f'shape {R.shape}'}",
        *args,
        got=result,
        why=why,
        **kwargs,
        hint="Return one row per synthetic sample: shape (n_samples, n_features).",
    )
    good = _on_segments(R, X, _segment_pairs(X, k))
    if not good.all():
        r = int(np.flatnonzero(~good)[0])
        row = R[r : r + 1]
        if _on_segments(row, X, _segment_pairs(X, k, nearest=False))[0]:
            hint = (
                f"That row lies between two rows of X_minority that are not "
                f"neighbours: x_nn must be one of the k_neighbors={k} nearest rows of x "
                "(by Euclidean distance), not any row."
            )
        elif _on_segments(row, X, _segment_pairs(X, k), u_ok=False)[0]:
            hint = "That row is on the line through x and a neighbour but beyond them: "
            hint += "u must be between 0 and 1 (rng.random())."
        else:
            hint = (
                "That row is on no segment between two rows of X_minority. Use one "
                "number u for all the features of a new row: x + u * (x_nn - x), "
                "u = rng.random() (not rng.random(n_features))."
            )
        check.that(
            False,
            f"row {r} of the result, {np.round(R[r], 4).tolist()}, is not "
            f"x + u (x_nn - x) for a row x, one of its k_neighbors={k} nearest other "
            "rows x_nn and u in [0, 1)",
            *args,
            got=result,
            why=why,
            hint=hint,
            **kwargs,
        )
    if distinct and n_samples >= 40:
        tol = 1e-9 * (1 + np.abs(X).max())
        copies = np.mean(
            np.any(np.all(np.abs(R[:, None, :] - X[None]) <= tol, axis=-1), axis=1)
        )
        check.that(
            copies <= 0.02,
            f"{copies:.0%} of the new rows are exact copies of rows of X_minority",
            *args,
            got=result,
            why=why,
            **kwargs,
            hint="A row is not its own neighbour: with NearestNeighbors ask for "
            "k_neighbors + 1 and drop the first column, or give the diagonal of a "
            "distance matrix an infinite distance.",
        )
        unique = len(np.unique(np.round(R, 12), axis=0)) / n_samples
        check.that(
            unique >= 0.9,
            f"only {unique:.0%} of the new rows differ from each other",
            *args,
            got=result,
            why=why,
            **kwargs,
            hint="Draw a fresh random u in [0, 1) (and a random x and neighbour) for "
            "every new row; u = 0.5 always gives only midpoints.",
        )
        _check_smote_spread(check, R, X, k, args, result, why, kwargs)
    return R


def _check_smote_spread(check, R, X, k, args, result, why, kwargs):
    """Many new rows from distinct points: not all from one x, not all to the nearest.

    A correct SMOTE picks x and one of its k neighbours at random for every row, so
    with 40 or more rows it fails these only with a negligible probability.
    """
    __tracebackhide__ = True
    pairs = _segment_pairs(X, k)
    on = _on_each_segment(R, X, pairs)
    i, j = pairs
    # Points that are an end of some segment through each row; one shared by all rows
    # means every row was built from the same x.
    shared = set(range(len(X)))
    for row in on:
        shared &= set(i[row].tolist()) | set(j[row].tolist())
    check.that(
        not shared,
        f"all {len(R)} new rows lie on segments from the same row of X_minority, "
        f"X_minority[{min(shared) if shared else 0}]",
        *args,
        got=result,
        why=why,
        **kwargs,
        hint="Draw a random x for every new row (rng.integers(n, size=n_samples)), "
        "not one x for the whole call.",
    )
    nearest = _segment_pairs(X, 1)
    if k >= 2 and _undirected(pairs) != _undirected(nearest):
        near = _on_segments(R, X, nearest)
        check.that(
            not near.all(),
            f"all {len(R)} new rows lie between a row and its nearest neighbour: x_nn "
            f"must be a random one of the k_neighbors={k} nearest rows",
            *args,
            got=result,
            why=why,
            **kwargs,
            hint="Pick the neighbour at random among the k nearest, e.g. "
            "nn[i, rng.integers(k_neighbors)], not always the first column.",
        )


def check_smote_random(check: Checker, X_minority, n_samples=30, k_neighbors=2):
    """Check that ``smote`` is reproducible with a seed and random across seeds.

    Parameters
    ----------
    check : Checker
    X_minority : array-like of shape (n, n_features)
    n_samples, k_neighbors : int
    """
    __tracebackhide__ = True
    args = (X_minority, n_samples)
    runs = [
        np.asarray(check.call(*args, k_neighbors=k_neighbors, random_state=seed), float)
        for seed in (5, 5, 6)
    ]
    check.that(
        runs[0].shape == runs[1].shape and np.allclose(runs[0], runs[1]),
        "two calls with the same random_state gave different rows",
        *args,
        k_neighbors=k_neighbors,
        random_state=5,
        got=runs[1],
        hint="Make every random draw from one generator built from the seed: "
        "rng = np.random.default_rng(random_state).",
    )
    check.that(
        runs[0].shape != runs[2].shape or not np.allclose(runs[0], runs[2]),
        "random_state=5 and random_state=6 gave the same rows: the rows must be random",
        *args,
        k_neighbors=k_neighbors,
        random_state=6,
        got=runs[2],
        hint="Draw x, its neighbour and u from rng, the generator made from the seed.",
    )


# --------------------------------------------------------------- deterministic cases
def class_weight_cases(seed=0, n_random=30):
    """Label vectors for ``balanced_class_weights``: edge cases and random ones."""
    edge = [
        [0, 0, 0, 1],
        np.array([1, 0, 1, 1, 1, 1, 0, 1]),
        ["fraud", "legit", "legit", "legit", "review", "legit"],
        np.array(["b", "a", "c", "d", "a", "a", "b", "c", "a", "a"]),
        [3, 3, 3, 3],
        np.array([7]),
        [2, 9, 9, 5, 9, 2, 9],
        np.array([-1, 1, 1, 1, -1, 1]),
    ]
    yield from edge
    rng = np.random.default_rng(seed)
    for i in range(n_random):
        k = int(rng.integers(2, 5))
        pool = (_INT_LABELS + _STR_LABELS)[i % 6][:k]
        counts = rng.integers(1, 40, size=k)
        y = np.repeat(np.asarray(pool), counts)[rng.permutation(counts.sum())]
        yield y.tolist() if i % 2 else y


def threshold_cases(seed=0, n_random=40):
    """Cases ``(y_true, scores, beta)`` for ``best_threshold``: edge, then random.

    Random cases have tied scores, several betas and a few with only positives. A
    random case is kept only when every usual way of computing F-beta in floating
    point (from counts, from precision and recall, as a harmonic mean) picks the same
    threshold as exact rational arithmetic, so that no correct answer can lose a mark
    to a rounding difference between two mathematically equal F-beta values.
    """
    edge = [
        ([1, 0, 0, 1], [4, 3, 2, 1], 1.0),  # F1 = 2/3 at t=4 and t=1: the larger wins
        (np.array([0, 1, 1, 0, 1]), np.array([0.5, 0.5, 0.9, 0.2, 0.5]), 1.0),  # ties
        ([1, 1, 1], [0.2, 0.9, 0.5], 1.0),  # all positives: flag everything
        (
            np.array([1, 0, 1, 0, 0, 1, 0, 0]),
            np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2]),
            2.0,
        ),
        ([1, 0, 1, 0, 0, 1, 0, 0], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2], 0.5),
        ([1], [0.3], 1.0),
        (np.array([0, 1, 0, 1, 1]), np.array([-2, 3, 3, -1, 0]), 3.0),  # ints, negative
        ([0, 0, 0, 0], [0.3, 0.7, 0.1, 0.7], 1.0),  # no positives: F = 0 everywhere
        # A tie spanning positives and negatives counts as one threshold: a running
        # count inside the group (whichever order) would see F = 1 at 0.4.
        ([1, 1, 0, 0, 0, 0], [0.9, 0.4, 0.4, 0.4, 0.4, 0.1], 1.0),
        (np.array([0, 0, 0, 1, 1, 0]), np.array([0.4, 0.4, 0.4, 0.4, 0.9, 0.1]), 1.0),
    ]
    yield from edge
    rng = np.random.default_rng(seed)
    betas = [1.0, 2.0, 0.5, 1.0, 3.0, 0.25]
    produced = 0
    i = 0
    while produced < n_random:
        i += 1
        n = int(rng.integers(2, 36))
        if i % 11 == 0:
            y = np.ones(n, dtype=int)
        else:
            y = (rng.random(n) < rng.uniform(0.1, 0.6)).astype(int)
            y[rng.integers(n)] = 1
        s = y * rng.uniform(0, 2) + rng.normal(size=n)
        if i % 2:
            s = np.round(s, 1)
        beta = betas[i % len(betas)]
        truth = _threshold_variant(y, s, beta)  # exact arithmetic
        variants = [_best_by(y, s, beta, f) for f in (_f_counts, _f_pr, _f_harmonic)]
        if any(v != truth for v in variants):
            continue
        produced += 1
        yield (y.tolist(), s.tolist(), beta) if i % 2 else (y, s, beta)


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
    if not isinstance(n_samples, int | np.integer) or not 200 <= n_samples <= 100_000:
        raise ValueError(
            f"n_samples must be an int from 200 to 100000, got {n_samples!r}"
        )
    try:
        p = float(prevalence)
    except (TypeError, ValueError):
        raise TypeError(f"prevalence must be a number, got {prevalence!r}") from None
    if not 0 < p <= 0.5:
        raise ValueError(f"prevalence must be in (0, 0.5], got {prevalence!r}")
    return tuple(a.copy() for a in _fraud(int(n_samples), p, int(seed)))


def _check_split(X_train, y_train, X_test, y_test):
    for name, X, y in (("train", X_train, y_train), ("test", X_test, y_test)):
        if len(X) != len(y):
            raise ValueError(f"X_{name} has {len(X)} rows but y_{name} has {len(y)}")
        if len(np.unique(y)) != 2:
            raise ValueError(
                f"y_{name} must hold both classes 0 and 1, got {np.unique(y)}"
            )


def _scores(y, pred, proba):
    from sklearn import metrics as skm

    return {
        "accuracy": skm.accuracy_score(y, pred),
        "balanced accuracy": skm.balanced_accuracy_score(y, pred),
        "precision": skm.precision_score(y, pred, zero_division=0),
        "recall": skm.recall_score(y, pred, zero_division=0),
        "F1": skm.f1_score(y, pred, zero_division=0),
        "ROC-AUC": skm.roc_auc_score(y, proba),
        "PR-AUC": skm.average_precision_score(y, proba),
    }


def _logreg(**kwargs):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(max_iter=1000, **kwargs)


def paradox_table(X_train, y_train, X_test, y_test):
    """Test-set metrics of "always predict the majority" and a logistic regression.

    Parameters
    ----------
    X_train, y_train, X_test, y_test : array-like
        A split with 0/1 labels, both classes in each part.

    Returns
    -------
    pandas.DataFrame
        One row per model; accuracy, balanced accuracy, precision, recall, F1 (at
        threshold 0.5), ROC-AUC and PR-AUC (average precision).
    """
    import pandas as pd
    from sklearn.dummy import DummyClassifier

    _check_split(X_train, y_train, X_test, y_test)
    rows = {}
    for name, model in [
        ("always 'not fraud'", DummyClassifier(strategy="most_frequent")),
        ("logistic regression", _logreg()),
    ]:
        model.fit(X_train, y_train)
        proba = model.predict_proba(X_test)[:, 1]
        rows[name] = _scores(y_test, model.predict(X_test), proba)
    return pd.DataFrame(rows).T.round(3)


def paradox_figure(table):
    """Grouped bars of the metrics in :func:`paradox_table`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    if len(table) != 2:
        raise ValueError(f"table must have two rows (two models), got {len(table)}")
    metrics = list(table.columns)
    fig, ax = plt.subplots(figsize=(8, 3.8), layout="constrained")
    pos = np.arange(len(metrics))
    for off, (name, row), colour in zip(
        (-0.2, 0.2), table.iterrows(), ("tab:grey", "tab:blue"), strict=True
    ):
        bars = ax.barh(pos + off, row.values, height=0.38, color=colour, label=name)
        ax.bar_label(bars, fmt="%.2f", fontsize=8, padding=2)
    ax.set_yticks(pos, metrics)
    ax.invert_yaxis()
    ax.set(
        xlim=(0, 1.12),
        xlabel="score on the test set (higher is better)",
        title="Accuracy can hardly tell them apart; recall, F1 and PR-AUC can",
    )
    ax.legend(loc="lower right", fontsize=8)
    return fig


# -------------------------------------------------------------------------- the leak
def leak_experiment(X_train, y_train, X_test, y_test, sampler="smote", seed=0):
    """Measure the resampling leak: where the sampler runs decides the score.

    A decision tree is evaluated four ways. *Resample, then split*: the whole data is
    resampled and then split, so copies of one row land on both sides. *Resample,
    then cross-validate*: the training set is resampled, then 5-fold cross-validated.
    *Pipeline in CV*: an imbalanced-learn ``Pipeline`` resamples only the training
    folds. *Held-out test*: the pipeline fitted on the training set, scored on the
    untouched test set, which is the truth the others try to estimate.

    Parameters
    ----------
    X_train, y_train, X_test, y_test : array-like
        A split with 0/1 labels.
    sampler : {"smote", "oversample"}
        ``SMOTE`` or ``RandomOverSampler``.
    seed : int

    Returns
    -------
    pandas.DataFrame
        Rows are the protocols, columns ``F1`` and ``PR-AUC`` and ``leaks``.
    """
    import pandas as pd
    from imblearn.over_sampling import SMOTE, RandomOverSampler
    from imblearn.pipeline import make_pipeline
    from sklearn import metrics as skm
    from sklearn.model_selection import (
        StratifiedKFold,
        cross_validate,
        train_test_split,
    )
    from sklearn.tree import DecisionTreeClassifier

    samplers = {"oversample": RandomOverSampler, "smote": SMOTE}
    if sampler not in samplers:
        raise ValueError(f"sampler must be one of {sorted(samplers)}, got {sampler!r}")
    _check_split(X_train, y_train, X_test, y_test)
    make = samplers[sampler]
    tree = DecisionTreeClassifier(random_state=seed)
    cv = StratifiedKFold(5, shuffle=True, random_state=seed)
    scoring = {"F1": "f1", "PR-AUC": "average_precision"}

    def test_scores(model, X, y):
        proba = model.predict_proba(X)[:, 1]
        return {
            "F1": skm.f1_score(y, model.predict(X)),
            "PR-AUC": skm.average_precision_score(y, proba),
        }

    X_all = np.vstack([X_train, X_test])
    y_all = np.concatenate([y_train, y_test])
    X_r, y_r = make(random_state=seed).fit_resample(X_all, y_all)
    a, b, c, d = train_test_split(
        X_r, y_r, test_size=0.3, stratify=y_r, random_state=seed
    )
    rows = {"resample, then split": test_scores(tree.fit(a, c), b, d)}
    X_r, y_r = make(random_state=seed).fit_resample(X_train, y_train)
    cvr = cross_validate(tree, X_r, y_r, cv=cv, scoring=scoring)
    rows["resample, then cross-validate"] = {
        k: cvr[f"test_{k}"].mean() for k in scoring
    }
    pipe = make_pipeline(make(random_state=seed), tree)
    cvr = cross_validate(pipe, X_train, y_train, cv=cv, scoring=scoring)
    rows["imblearn Pipeline in CV"] = {k: cvr[f"test_{k}"].mean() for k in scoring}
    rows["held-out test set (truth)"] = test_scores(
        pipe.fit(X_train, y_train), X_test, y_test
    )
    table = pd.DataFrame(rows).T.round(3)
    table["leaks"] = [True, True, False, False]
    return table


def leak_figure(table):
    """Bars of F1 and PR-AUC per protocol from :func:`leak_experiment`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    missing = {"F1", "PR-AUC", "leaks"} - set(table.columns)
    if missing:
        raise ValueError(f"table lacks the columns {sorted(missing)}")
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.2), layout="constrained", sharey=True)
    names = list(table.index)
    colours = ["tab:red" if leak else "tab:green" for leak in table["leaks"]]
    colours[-1] = "tab:grey"
    truth = table.iloc[-1]
    for ax, metric in zip(axes, ("F1", "PR-AUC"), strict=True):
        bars = ax.barh(names, table[metric], color=colours)
        ax.bar_label(bars, fmt="%.2f", fontsize=8, padding=2)
        ax.axvline(truth[metric], color="black", ls="--", lw=1, zorder=0)
        ax.set(xlim=(0, 1.12), xlabel=metric, title=f"{metric}: estimate vs truth")
    axes[0].invert_yaxis()
    fig.suptitle(
        "Red: resampling leaked into the evaluation. Dashed: the held-out truth.",
        fontsize=10,
    )
    return fig


# -------------------------------------------------------------------- the strategies
def compare_strategies(X_train, y_train, X_test, y_test, threshold_fn=None, seed=0):
    """Class weights vs resampling vs threshold moving for one logistic regression.

    Each strategy trains a standardised logistic regression on the training set and is
    scored on the untouched test set. Threshold moving keeps the plain model and picks
    the threshold that maximises F1 on out-of-fold training predictions (rounded to
    0.001: a finer grid of thresholds buys nothing).

    Parameters
    ----------
    X_train, y_train, X_test, y_test : array-like
        A split with 0/1 labels.
    threshold_fn : callable, optional
        ``threshold_fn(y_true, scores)`` returning the best threshold (your
        ``best_threshold``); the package's reference when omitted.
    seed : int

    Returns
    -------
    pandas.DataFrame
        One row per strategy: training rows, threshold, precision, recall,
        F1, ROC-AUC, PR-AUC and the mean predicted probability on the test set.
    """
    import pandas as pd
    from imblearn.over_sampling import SMOTE, RandomOverSampler
    from imblearn.pipeline import make_pipeline
    from imblearn.under_sampling import RandomUnderSampler
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.preprocessing import StandardScaler

    _check_split(X_train, y_train, X_test, y_test)
    threshold_fn = threshold_fn or _best_threshold_fast
    strategies = {
        "nothing (threshold 0.5)": (None, {}),
        "class_weight='balanced'": (None, {"class_weight": "balanced"}),
        "RandomUnderSampler": (RandomUnderSampler(random_state=seed), {}),
        "RandomOverSampler": (RandomOverSampler(random_state=seed), {}),
        "SMOTE": (SMOTE(random_state=seed), {}),
        "threshold moving": (None, {}),
    }
    rows = {}
    for name, (sampler, options) in strategies.items():
        steps = (
            [StandardScaler()] + ([sampler] if sampler else []) + [_logreg(**options)]
        )
        model = make_pipeline(*steps)
        model.fit(X_train, y_train)
        n_rows = (
            len(sampler.fit_resample(X_train, y_train)[1]) if sampler else len(y_train)
        )
        threshold = 0.5
        if name == "threshold moving":
            cv = StratifiedKFold(5, shuffle=True, random_state=seed)
            oof = cross_val_predict(
                model, X_train, y_train, cv=cv, method="predict_proba"
            )[:, 1]
            threshold = float(threshold_fn(y_train, np.round(oof, 3)))
        proba = model.predict_proba(X_test)[:, 1]
        row = _scores(y_test, (proba >= threshold).astype(int), proba)
        del row["accuracy"], row["balanced accuracy"]
        rows[name] = {
            "train rows": len(y_train) if not sampler else n_rows,
            "threshold": threshold,
            **row,
            "mean P(fraud)": proba.mean(),
        }
    table = pd.DataFrame(rows).T
    table["train rows"] = table["train rows"].astype(int)
    return table.round(3)


def strategies_figure(table, prevalence=None):
    """Precision, recall, F1 and PR-AUC of each strategy, and its mean probability.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`compare_strategies`.
    prevalence : float, optional
        The test set's fraction of positives, drawn as a reference line.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    metrics = ["precision", "recall", "F1", "PR-AUC"]
    missing = set(metrics + ["mean P(fraud)"]) - set(table.columns)
    if missing:
        raise ValueError(f"table lacks the columns {sorted(missing)}")
    fig, (ax, ax_p) = plt.subplots(
        1,
        2,
        figsize=(11, 3.8),
        layout="constrained",
        width_ratios=[2.2, 1],
        sharey=True,
    )
    pos = np.arange(len(table))
    width = 0.2
    for m, metric in enumerate(metrics):
        ax.barh(pos + (m - 1.5) * width, table[metric], height=width, label=metric)
    ax.set_yticks(pos, table.index)
    ax.invert_yaxis()
    ax.set(
        xlim=(0, 1),
        xlabel="score on the test set",
        title="Same ranking (PR-AUC), different operating points",
    )
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=4)
    bars = ax_p.barh(pos, table["mean P(fraud)"], color="tab:purple", height=0.5)
    ax_p.bar_label(bars, fmt="%.3f", fontsize=8, padding=2)
    if prevalence is not None:
        ax_p.axvline(
            prevalence,
            color="black",
            ls="--",
            lw=1,
            label=f"true rate {prevalence:.3f}",
        )
        ax_p.legend(fontsize=8, loc="lower right")
    ax_p.set(
        xlabel="mean predicted P(fraud)",
        xlim=(0, 0.6),
        title="Predicted vs true fraud rate",
    )
    return fig


# ------------------------------------------------------------------------------ smote
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


class SmoteView:
    """SMOTE's synthetic points on the segments between minority neighbours.

    Majority points are grey, minority points orange, each minority point is joined to
    its ``k_neighbors`` nearest minority points, and the synthetic points (purple
    crosses) lie on those segments. The title counts the synthetic points that are
    closer to a majority point than to any minority point: SMOTE's blind spot.

    Parameters
    ----------
    X_minority, X_majority : array-like of shape (n, 2)
    k_neighbors : int, default=5
    n_samples : int, default=60
    smote : callable, optional
        ``smote(X_minority, n_samples, k_neighbors, random_state)``; the package's own
        when omitted (pass yours to see your points).
    seed : int, default=0
    ax : matplotlib Axes, optional

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    links : matplotlib.collections.LineCollection
        The segments from each minority point to its neighbours.
    synthetic : ndarray of shape (n_samples, 2)
    n_inside : int
        Synthetic points whose nearest original point is a majority point.
    """

    def __init__(
        self,
        X_minority,
        X_majority,
        k_neighbors=5,
        n_samples=60,
        smote=None,
        seed=0,
        ax=None,
    ):
        self.X_min = np.asarray(X_minority, dtype=float)
        self.X_maj = np.asarray(X_majority, dtype=float)
        for name, X in (("X_minority", self.X_min), ("X_majority", self.X_maj)):
            if X.ndim != 2 or X.shape[1] != 2:
                raise ValueError(f"{name} must have shape (n, 2), got {X.shape}")
        self.smote = smote or _smote
        self.seed = seed
        if ax is None:
            self.figure = new_figure(figsize=(6, 4.6), layout="constrained")
            self.ax = self.figure.subplots()
        else:
            self.ax, self.figure = ax, ax.figure
        self.update(k_neighbors, n_samples)

    def _repr_png_(self) -> bytes:
        return FigureImage.render(self.figure)

    def update(self, k_neighbors, n_samples=None):
        """Redraw with ``k_neighbors`` (and ``n_samples``); return ``n_inside``."""
        n = len(self.X_min)
        if not isinstance(k_neighbors, int | np.integer) or not 1 <= k_neighbors < n:
            raise ValueError(
                f"k_neighbors must be an int from 1 to {n - 1}, got {k_neighbors!r}"
            )
        n_samples = self.n_samples if n_samples is None else n_samples
        if not isinstance(n_samples, int | np.integer) or n_samples < 1:
            raise ValueError(f"n_samples must be a positive int, got {n_samples!r}")
        self.k, self.n_samples = int(k_neighbors), int(n_samples)
        self.synthetic = np.asarray(
            self.smote(
                self.X_min, self.n_samples, k_neighbors=self.k, random_state=self.seed
            ),
            dtype=float,
        )
        d_min = np.min(
            np.linalg.norm(self.synthetic[:, None] - self.X_min[None], axis=2), 1
        )
        d_maj = np.min(
            np.linalg.norm(self.synthetic[:, None] - self.X_maj[None], axis=2), 1
        )
        self.n_inside = int(np.sum(d_maj < d_min))
        ax = self.ax
        ax.clear()
        ax.scatter(*self.X_maj.T, s=12, color="lightgrey", label="majority")
        from matplotlib.collections import LineCollection

        nn = _neighbours(self.X_min, self.k)
        segments = np.stack(
            [np.repeat(self.X_min, self.k, axis=0), self.X_min[nn.ravel()]], axis=1
        )
        self.links = LineCollection(
            segments, colors="tab:orange", alpha=0.25, lw=0.8, zorder=1
        )
        ax.add_collection(self.links)
        ax.scatter(
            *self.X_min.T,
            s=40,
            color="tab:orange",
            edgecolor="black",
            zorder=3,
            label="minority",
        )
        ax.scatter(
            *self.synthetic.T,
            marker="x",
            s=22,
            color="tab:purple",
            zorder=4,
            label="synthetic (SMOTE)",
        )
        ax.set(
            xlabel="feature 1",
            ylabel="feature 2",
            aspect="equal",
            title=f"k_neighbors = {self.k}: {self.n_inside} of {self.n_samples} "
            "synthetic points nearer the majority",
        )
        ax.legend(fontsize=8, loc="lower left")
        self.figure.canvas.draw_idle()
        return self.n_inside


def smote_figure(k_values=(2, 10), n_samples=60, smote=None, seed=0):
    """The SMOTE view side by side for a small and a large ``k_neighbors``.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    k_values = list(k_values)
    if not k_values:
        raise ValueError("k_values must name at least one k")
    X_min, X_maj = smote_data(seed)
    fig, axes = plt.subplots(
        1,
        len(k_values),
        figsize=(5.2 * len(k_values), 4.4),
        layout="constrained",
        squeeze=False,
    )
    for ax, k in zip(axes[0], k_values, strict=True):
        SmoteView(X_min, X_maj, k, n_samples, smote=smote, seed=seed, ax=ax)
        ax.title.set_fontsize(9)
    return fig


def smote_explorer(seed=0):
    """Interactive SMOTE view: sliders for ``k_neighbors`` and the number of points.

    Returns
    -------
    ipywidgets.VBox
        ``.view`` holds the :class:`SmoteView`, ``.k`` and ``.n`` the sliders.
    """
    import ipywidgets as widgets

    view = SmoteView(*smote_data(seed), k_neighbors=3, n_samples=60, seed=seed)
    k = widgets.IntSlider(
        value=3,
        min=1,
        max=len(view.X_min) - 1,
        description="k_neighbors",
        continuous_update=False,
    )
    n = widgets.IntSlider(
        value=60,
        min=10,
        max=300,
        step=10,
        description="n_samples",
        continuous_update=False,
    )

    def on_change(_):
        view.update(k.value, n.value)

    box = explorer_box(view.figure, {"k": (k, on_change), "n": (n, on_change)})
    box.view = view
    return box


# ------------------------------------------------------------ the imbalance explorer
PREVALENCES = (0.5, 0.3, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005)


def _ratio_metrics(prevalence, seed):
    from sklearn import metrics as skm

    from .. import datasets

    y, s = datasets.screening_scores(prevalence, n_negative=3900, seed=seed)
    pred = (s >= 0.5).astype(int)
    return (
        y,
        s,
        {
            "accuracy": skm.accuracy_score(y, pred),
            "majority baseline": float(max(y.mean(), 1 - y.mean())),
            "balanced accuracy": skm.balanced_accuracy_score(y, pred),
            "ROC-AUC": skm.roc_auc_score(y, s),
            "PR-AUC": skm.average_precision_score(y, s),
        },
    )


@lru_cache(maxsize=4)
def _ratio_curves(seed):
    return {p: _ratio_metrics(p, seed)[2] for p in PREVALENCES}


class ImbalanceExplorer:
    """One model's accuracy, ROC-AUC and PR-AUC as the positives get rarer.

    The same screening model (see :func:`interview_lab.datasets.screening_scores`) is
    scored at several class balances. Left: each metric against the prevalence, with
    the current balance marked. Middle and right: the ROC and precision-recall curves
    at the current balance.

    Parameters
    ----------
    prevalence : float, default=0.5
        One of :data:`PREVALENCES`.
    seed : int, default=0

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    marker : matplotlib.lines.Line2D
        The vertical line at the current prevalence.
    metrics : dict
        The metrics at the current prevalence.
    """

    COLOURS = {
        "accuracy": "tab:blue",
        "majority baseline": "grey",
        "balanced accuracy": "tab:cyan",
        "ROC-AUC": "tab:purple",
        "PR-AUC": "tab:green",
    }

    def __init__(self, prevalence=0.5, seed=0):
        self.seed = seed
        self.figure = new_figure(figsize=(12, 3.9), layout="constrained")
        self.ax_lines, self.ax_roc, self.ax_pr = self.figure.subplots(1, 3)
        curves = _ratio_curves(seed)
        ps = np.array(PREVALENCES)
        ax = self.ax_lines
        for name, colour in self.COLOURS.items():
            ax.plot(
                ps,
                [curves[p][name] for p in PREVALENCES],
                marker="o",
                ms=3,
                color=colour,
                ls=":" if name == "majority baseline" else "-",
                label=name,
            )
        ax.set_xscale("log")
        ax.invert_xaxis()
        ax.set(
            xlabel="fraction of positives (log scale)", ylabel="score", ylim=(0, 1.02)
        )
        ax.set_xticks(ps, [f"{p:.1%}".replace(".0%", "%") for p in ps], fontsize=7)
        ax.minorticks_off()
        ax.legend(fontsize=7, loc="lower left")
        self.marker = ax.axvline(prevalence, color="black", lw=1.2, ls="--")
        self.update(prevalence)

    def _repr_png_(self) -> bytes:
        return FigureImage.render(self.figure)

    def update(self, prevalence):
        """Show the class balance ``prevalence``; return its metrics."""
        if prevalence not in PREVALENCES:
            raise ValueError(
                f"prevalence must be one of {PREVALENCES}, got {prevalence!r}"
            )
        from sklearn.metrics import precision_recall_curve, roc_curve

        y, s, self.metrics = _ratio_metrics(prevalence, self.seed)
        self.prevalence = prevalence
        self.marker.set_xdata([prevalence, prevalence])
        m = self.metrics
        self.ax_lines.set_title(
            f"{prevalence:.1%} positives: accuracy {m['accuracy']:.3f}, "
            f"do-nothing {m['majority baseline']:.3f}",
            fontsize=10,
        )
        fpr, tpr, _ = roc_curve(y, s)
        prec, rec, _ = precision_recall_curve(y, s)
        ax = self.ax_roc
        ax.clear()
        ax.plot(fpr, tpr, color="tab:purple", label=f"ROC-AUC {m['ROC-AUC']:.3f}")
        ax.plot([0, 1], [0, 1], ":", color="grey", label="random")
        ax.set(
            xlabel="false positive rate",
            ylabel="true positive rate",
            title=f"ROC at {prevalence:.1%} positives",
            xlim=(0, 1),
            ylim=(0, 1.02),
        )
        ax.legend(fontsize=8, loc="lower right")
        ax = self.ax_pr
        ax.clear()
        ax.plot(rec, prec, color="tab:green", label=f"PR-AUC {m['PR-AUC']:.3f}")
        ax.axhline(prevalence, ls=":", color="grey", label=f"random = {prevalence:.3f}")
        ax.set(
            xlabel="recall",
            ylabel="precision",
            xlim=(0, 1),
            ylim=(0, 1.02),
            title=f"Precision-recall at {prevalence:.1%} positives",
        )
        ax.legend(fontsize=8, loc="lower left")
        self.figure.canvas.draw_idle()
        return dict(self.metrics)


def imbalance_explorer(seed=0):
    """Interactive imbalance-ratio slider over :class:`ImbalanceExplorer`.

    Returns
    -------
    ipywidgets.VBox
        ``.explorer`` holds the figure object, ``.slider`` the control.
    """
    import ipywidgets as widgets

    explorer = ImbalanceExplorer(PREVALENCES[0], seed=seed)
    slider = widgets.SelectionSlider(
        options=[(f"{p:.1%}", p) for p in PREVALENCES],
        value=PREVALENCES[0],
        description="positives",
        continuous_update=False,
        layout=widgets.Layout(width="480px"),
    )

    box = explorer_box(explorer.figure, {"slider": (slider, explorer.update)})
    box.explorer = explorer
    return box
