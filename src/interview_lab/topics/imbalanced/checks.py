"""04_imbalanced: what the graded test cells call.

Each exercise is declared once in :data:`EXERCISES`; a test cell asks for a checker::

    check = topic.checker("smote", smote)
    topic.check_smote(check, X_minority, 200, k_neighbors=2)   # an invariant check

Resampling and SMOTE are random, so their answers are not unique: the ``check_*``
functions test *invariants* (class counts, rows staying paired with their labels,
every synthetic point on a segment between neighbours, reproducibility with a seed)
and never compare with one reference output; those exercises declare a hint and no
mistakes. The deterministic exercises (class weights, the best threshold) are
compared with scikit-learn and a brute-force reference, and their common mistakes
are recognised.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from ...checking import Checker, Exercise, Exercises, Mistake
from ...validation import check_choice, check_int
from .core import (
    best_by,
    best_threshold_reference,
    candidates,
    class_weight_reference,
    f_counts,
    f_exact,
    f_harmonic,
    f_pr,
)

__all__ = [
    "EXERCISES",
    "check_oversample",
    "check_random_resampling",
    "check_smote",
    "check_smote_random",
    "check_undersample",
    "checker",
    "class_weight_cases",
    "resampling_case",
    "resampling_cases",
    "smote_cases",
    "threshold_cases",
]

_INT_LABELS = ([0, 1, 2, 3], [1, 0, 3, 2], [2, 5, 9, 4], [-1, 1, 7, 3])
_STR_LABELS = (["legit", "fraud", "review", "chargeback"], ["b", "a", "d", "c"])


# ------------------------------------------------------------------- mistake helpers
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
    """The best threshold in exact arithmetic, or one of its mistaken variants."""
    s = np.asarray(scores, dtype=float).ravel()
    y = np.asarray(y_true).astype(int).ravel()
    ts = candidates(s)
    b = 1.0 if ignore_beta else beta
    f = []
    for t in ts:
        flagged = s > t if strict else s >= t
        tp = int(np.sum(flagged & (y == 1)))
        fp = int(np.sum(flagged & (y == 0)))
        fn = int(np.sum(~flagged & (y == 1)))
        f.append(f_exact(tp, fp, fn, b))
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
        variants = [best_by(y, s, beta, f) for f in (f_counts, f_pr, f_harmonic)]
        if any(v != truth for v in variants):
            continue
        produced += 1
        yield (y.tolist(), s.tolist(), beta) if i % 2 else (y, s, beta)


# ------------------------------------------------------------------------- exercises
EXERCISES = Exercises(
    Exercise(
        "random_undersample",
        hint="For each class c, pick `n_min` of the indices np.flatnonzero(y == c) "
        "with rng.choice(..., replace=False); concatenate the picked indices and index "
        "X and y with the same array so rows stay paired.",
        parts=("X_res", "y_res"),
    ),
    Exercise(
        "random_oversample",
        hint="Keep every row (np.arange(n)) and, for each class c, add n_max - "
        "count(c) indices drawn with rng.choice(..., replace=True) from that class; "
        "index X and y with the same array.",
        parts=("X_res", "y_res"),
    ),
    Exercise(
        "smote",
        hint="Find each row's k nearest *other* rows (a distance matrix with an "
        "infinite diagonal, or NearestNeighbors(n_neighbors=k + 1) without the first "
        "column). For each new row pick a random row x, a random one of its "
        "neighbours x_nn and one number u = rng.random(): x + u * (x_nn - x).",
    ),
    Exercise(
        "balanced_class_weights",
        hint="Count each class (np.unique(y, return_counts=True)); weight = n / "
        "(n_classes * count). Return a dict {class: weight}.",
        reference=class_weight_reference,
        cases=lambda: ((y,) for y in class_weight_cases(seed=0, n_random=10)),
        mistakes=[
            Mistake(
                lambda y: _weights(y, lambda n, k, m: k * m / n),
                "The weights look inverted: a rare class must get a *large* weight, "
                "n / (n_classes * count).",
            ),
            Mistake(
                lambda y: _weights(y, lambda n, k, m: 1 / m),
                "1 / count has the right ordering but not the scale: multiply by "
                "n / n_classes, so that a balanced data set gets weight 1 for every "
                "class.",
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
                "The weights should not sum to 1: each is n / (n_classes * "
                "count(class)).",
            ),
        ],
    ),
    Exercise(
        "best_threshold",
        hint="Try every distinct score t: predict `scores >= t`, compute F-beta = "
        "(1 + b²)TP / ((1 + b²)TP + b²FN + FP) (0 when TP = 0) and keep the best; on "
        "a tie keep the larger t.",
        reference=best_threshold_reference,
        cases=lambda: threshold_cases(seed=0, n_random=10),
        mistakes=[
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
                "Tied scores are one threshold: `scores >= t` flags every sample "
                "scoring t at once, so count a group of equal scores together (a "
                "running count inside the group gives F values no threshold reaches).",
            ),
            Mistake(
                lambda t, s, beta=1.0: _threshold_variant(t, s, beta, strict=True),
                "Predict positive when `scores >= t` (greater than *or equal*), so "
                "that the sample scoring exactly t is flagged.",
            ),
            Mistake(
                _threshold_index,
                "That looks like the position of the threshold: return the score "
                "value t itself.",
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
    ),
)

checker = EXERCISES.checker


# ------------------------------------------------------------------ resampling cases
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
    n_features = check_int("n_features", n_features, low=1)
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


# ----------------------------------------------------------------- resampling checks
def _result_pair(bare, result, X):
    """Unpack (X_res, y_res) as arrays, or fail with a clear message."""
    __tracebackhide__ = True
    ok = isinstance(result, tuple | list) and len(result) == 2
    bare.that(ok, "should return a pair (X_res, y_res)")
    try:
        X_res = np.asarray(result[0], dtype=float)
    except (TypeError, ValueError):
        X_res = None
    n_features = np.asarray(X).shape[1]
    bare.that(
        X_res is not None and X_res.ndim == 2 and X_res.shape[1] == n_features,
        lambda: (
            f"X_res should be a 2-D array of numbers with {n_features} columns "
            f"like X, got {'something else' if X_res is None else f'shape {X_res.shape}'}"
        ),
    )
    y_res = np.asarray(result[1])
    bare.that(
        y_res.ndim == 1 and len(y_res) == len(X_res),
        lambda: (
            f"y_res should be 1-D with one label per row of X_res ({len(X_res)}), "
            f"got shape {y_res.shape}"
        ),
    )
    return X_res, y_res


def _class_counts(case, y, y_res, target, which):
    """Every class has ``target`` rows, ``which`` ("smallest" or "largest") class."""
    __tracebackhide__ = True
    original = Counter(np.asarray(y).tolist())
    got = {
        c: sum(1 for v in y_res.tolist() if v == c) for c in sorted(original, key=str)
    }
    ok = all(n == target for n in got.values()) and len(y_res) == target * len(original)
    case.that(
        ok,
        lambda: (
            f"class counts after resampling are {got}; expected {target} rows of "
            f"every class (the size of the {which} class)"
        ),
        hint="Work class by class over every distinct label (np.unique(y)), whatever "
        f"the number of classes; the target size is the {which} class count.",
    )


def _paired_ids(case, X, y, X_res, y_res):
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
    case.that(
        bad.size == 0,
        lambda: f"row {bad[0]} of X_res is not a row of X",
        hint="Select whole rows of X with an index array, X[idx], and never build or "
        "change rows.",
    )
    labels_ok = [a == b for a, b in zip(y_res.tolist(), ya[ids].tolist(), strict=True)]
    wrong = [i for i, ok in enumerate(labels_ok) if not ok]
    case.that(
        not wrong,
        lambda: (
            f"rows and labels are no longer paired: row {wrong[0]} of X_res is "
            f"X[{ids[wrong[0]]}], whose label is {ya[ids[wrong[0]]]!r}, but y_res says "
            f"{y_res[wrong[0]]!r}"
        ),
        hint="Draw one array of row indices and use it for both: X[idx], y[idx]. "
        "Shuffling X and y separately breaks the pairing.",
    )
    return ids


def _resampled(check, X, y, random_state, why, which):
    """The checks both resamplers share: call, unpack, class counts, pairing.

    ``which`` is "smallest" (undersampling) or "largest" (oversampling): the class
    whose size every class must reach. Returns the bound case and the original row of
    each output row.
    """
    __tracebackhide__ = True
    kwargs = {} if random_state == "default" else {"random_state": random_state}
    result = check.call(X, y, **kwargs)
    X_res, y_res = _result_pair(check.case(X, y, got=result, **kwargs), result, X)
    sizes = Counter(np.asarray(y).tolist()).values()
    target = min(sizes) if which == "smallest" else max(sizes)
    case = check.case(X, y, got=result, why=why, **kwargs)
    _class_counts(case, y, y_res, target, which)
    return case, _paired_ids(case, X, y, X_res, y_res)


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
    case, ids = _resampled(check, X, y, random_state, why, "smallest")
    dup = [i for i, c in Counter(ids.tolist()).items() if c > 1]
    case.that(
        not dup,
        lambda: (
            f"row X[{dup[0]}] appears more than once: undersampling draws rows "
            "without replacement (and keeps the smallest class whole)"
        ),
        hint="Use rng.choice(indices, size, replace=False) (or a permutation and a "
        "slice).",
    )
    return ids


def check_oversample(check: Checker, X, y, random_state=0, why=None):
    """Check one call of a learner's ``random_oversample`` by its invariants.

    Every class ends with as many rows as the largest class, every output row is a
    row of X with its own label, and every original row is kept (so the largest class
    is unchanged and only copies are added).

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
    case, ids = _resampled(check, X, y, random_state, why, "largest")
    missing = sorted(set(range(len(np.asarray(y)))) - set(ids.tolist()))
    case.that(
        not missing,
        lambda: (
            f"{len(missing)} original row(s) are missing, e.g. X[{missing[0]}]: "
            "oversampling keeps every original row and only adds copies"
        ),
        hint="Start from all the rows (np.arange(n)) and append the extra indices "
        "drawn with replacement; do not redraw the whole class.",
    )
    return ids


def check_random_resampling(check: Checker, X, y, kind, seeds=range(30)):
    """Check that a resampler is random, reproducible and can pick every row.

    The same ``random_state`` must give the same result; different seeds must give
    different results, and over the seeds every row that may be drawn is drawn at
    least once (rules out "take the first rows" or "repeat the class in order").

    Parameters
    ----------
    check : Checker
    X, y : array-like
        A data set from :func:`resampling_case` whose classes differ in size.
    kind : {"under", "over"}
    seeds : iterable of int
    """
    __tracebackhide__ = True
    check_choice("kind", kind, ("under", "over"))
    one = check_undersample if kind == "under" else check_oversample
    seeds = list(seeds)
    first = check.call(X, y, random_state=seeds[0])
    again = check.call(X, y, random_state=seeds[0])
    same = all(
        np.array_equal(np.asarray(a, dtype=object), np.asarray(b, dtype=object))
        for a, b in zip(first, again, strict=False)
    ) and len(first) == len(again)
    check.case(X, y, random_state=seeds[0], got=again).that(
        same,
        "two calls with the same random_state gave different results",
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
    over_seeds = check.case(X, y, random_state=f"{seeds[0]}..{seeds[-1]}")
    over_seeds.that(
        len(set(drawn)) > 1,
        f"all {len(seeds)} seeds drew the same rows: the rows must be drawn at random",
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
    over_seeds.that(
        not never,
        lambda: (
            f"over {len(seeds)} seeds, row X[{never[0]}] was never drawn: every "
            "row of a class must have a chance"
        ),
        hint="Draw from all the indices of the class, np.flatnonzero(y == c).",
    )
    if kind == "over":
        # Classes needing 2 <= m <= count extra rows: drawn without replacement they
        # never repeat a row among the extras; with replacement they almost surely do
        # at some seed (each seed: at most 1 - P(no repeat), tiny over 30 seeds).
        small = {c for c, m in counts.items() if 2 <= n_max - m <= m}
        if small:
            repeat = any(c > 2 and ya[i] in small for d in drawn for i, c in d)
            over_seeds.that(
                repeat,
                f"over {len(seeds)} seeds, no row was added twice to a class that "
                "needs no more extra rows than it has: the extra rows must be drawn "
                "with replacement",
                hint="rng.choice(indices, n_max - count, replace=True), whatever the "
                "number of extra rows.",
            )


# ----------------------------------------------------------------------- smote cases
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


# ---------------------------------------------------------------------- smote checks
def segment_pairs(X, k, nearest=True):
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


def _off_segment_hint(row, X, k):
    """Why a synthetic row is on no allowed segment, as a hint."""
    if _on_segments(row, X, segment_pairs(X, k, nearest=False))[0]:
        return (
            f"That row lies between two rows of X_minority that are not "
            f"neighbours: x_nn must be one of the k_neighbors={k} nearest rows of x "
            "(by Euclidean distance), not any row."
        )
    if _on_segments(row, X, segment_pairs(X, k), u_ok=False)[0]:
        return (
            "That row is on the line through x and a neighbour but beyond them: "
            "u must be between 0 and 1 (rng.random())."
        )
    return (
        "That row is on no segment between two rows of X_minority. Use one "
        "number u for all the features of a new row: x + u * (x_nn - x), "
        "u = rng.random() (not rng.random(n_features))."
    )


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
    result = check.call(X_minority, n_samples, **kwargs)
    case = check.case(X_minority, n_samples, got=result, why=why, **kwargs)
    X = np.asarray(X_minority, dtype=float)
    try:
        R = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        R = None
    expected = (n_samples, X.shape[1])
    case.that(
        R is not None and R.shape == expected,
        lambda: (
            f"should be an array of shape {expected}, got "
            f"{'something else' if R is None else f'shape {R.shape}'}"
        ),
        hint="Return one row per synthetic sample: shape (n_samples, n_features).",
    )
    good = _on_segments(R, X, segment_pairs(X, k))
    if not good.all():
        r = int(np.flatnonzero(~good)[0])
        case.that(
            False,
            f"row {r} of the result, {np.round(R[r], 4).tolist()}, is not "
            f"x + u (x_nn - x) for a row x, one of its k_neighbors={k} nearest other "
            "rows x_nn and u in [0, 1)",
            hint=_off_segment_hint(R[r : r + 1], X, k),
        )
    if distinct and n_samples >= 40:
        tol = 1e-9 * (1 + np.abs(X).max())
        copies = np.mean(
            np.any(np.all(np.abs(R[:, None, :] - X[None]) <= tol, axis=-1), axis=1)
        )
        case.that(
            copies <= 0.02,
            lambda: (
                f"{copies:.0%} of the new rows are exact copies of rows of X_minority"
            ),
            hint="A row is not its own neighbour: with NearestNeighbors ask for "
            "k_neighbors + 1 and drop the first column, or give the diagonal of a "
            "distance matrix an infinite distance.",
        )
        unique = len(np.unique(np.round(R, 12), axis=0)) / n_samples
        case.that(
            unique >= 0.9,
            lambda: f"only {unique:.0%} of the new rows differ from each other",
            hint="Draw a fresh random u in [0, 1) (and a random x and neighbour) for "
            "every new row; u = 0.5 always gives only midpoints.",
        )
        _check_smote_spread(case, R, X, k)
    return R


def _check_smote_spread(case, R, X, k):
    """Many new rows from distinct points: not all from one x, not all to the nearest.

    A correct SMOTE picks x and one of its k neighbours at random for every row, so
    with 40 or more rows it fails these only with a negligible probability.
    """
    __tracebackhide__ = True
    pairs = segment_pairs(X, k)
    on = _on_each_segment(R, X, pairs)
    i, j = pairs
    # Points that are an end of some segment through each row; one shared by all rows
    # means every row was built from the same x.
    shared = set(range(len(X)))
    for row in on:
        shared &= set(i[row].tolist()) | set(j[row].tolist())
    case.that(
        not shared,
        lambda: (
            f"all {len(R)} new rows lie on segments from the same row of "
            f"X_minority, X_minority[{min(shared)}]"
        ),
        hint="Draw a random x for every new row (rng.integers(n, size=n_samples)), "
        "not one x for the whole call.",
    )
    nearest = segment_pairs(X, 1)
    if k >= 2 and _undirected(pairs) != _undirected(nearest):
        case.that(
            not _on_segments(R, X, nearest).all(),
            f"all {len(R)} new rows lie between a row and its nearest neighbour: x_nn "
            f"must be a random one of the k_neighbors={k} nearest rows",
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
    check.case(*args, k_neighbors=k_neighbors, random_state=5, got=runs[1]).that(
        runs[0].shape == runs[1].shape and np.allclose(runs[0], runs[1]),
        "two calls with the same random_state gave different rows",
        hint="Make every random draw from one generator built from the seed: "
        "rng = np.random.default_rng(random_state).",
    )
    check.case(*args, k_neighbors=k_neighbors, random_state=6, got=runs[2]).that(
        runs[0].shape != runs[2].shape or not np.allclose(runs[0], runs[2]),
        "random_state=5 and random_state=6 gave the same rows: the rows must be random",
        hint="Draw x, its neighbour and u from rng, the generator made from the seed.",
    )
