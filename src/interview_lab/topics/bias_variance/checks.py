"""02_bias_variance: what the graded test cells call.

Each exercise is declared once in :data:`EXERCISES`: its default hint, the common
mistakes the checks recognise (each with the hint a learner sees when their result
matches it), its reference and the cases on which every mistake shows. A test cell
asks for a checker::

    check = topic.checker("bias_variance", bias_variance)
    check([[1.0, 2.0], [3.0, 2.0]], [2.0, 1.0], expect=(0.5, 0.5))

Folds are compared by value, fold by fold (the ``equal`` hook of ``kfold_indices``),
and :func:`check_model_unfitted` checks that ``cross_val_mse`` leaves the caller's
model unfitted.
"""

from __future__ import annotations

import numpy as np

from ...cases import as_list_or_array
from ...checking import (
    Checker,
    Exercise,
    Exercises,
    Mistake,
    format_value,
    quiet,
)
from ...validation import check_int, check_seed
from .core import (
    bias_variance_reference,
    cross_val_mse_reference,
    kfold_reference,
    make_data,
)

__all__ = [
    "EXERCISES",
    "bias_variance_cases",
    "bias_variance_dtype_cases",
    "bias_variance_extreme_cases",
    "bias_variance_tie_cases",
    "check_folds",
    "check_model_unfitted",
    "checker",
    "bias_variance_dtype_cases",
    "cross_val_cases",
    "cross_val_dtype_cases",
    "cross_val_extreme_cases",
    "folds_equal",
    "kfold_cases",
    "kfold_large_cases",
]


# --------------------------------------------------------------------------- test cases
def kfold_cases(seed: int = 0, n_random: int = 60):
    """``(n_samples, n_folds)`` pairs: edge cases, then seeded random ones.

    Edge cases: even and uneven splits, two folds, leave-one-out (``n_folds ==
    n_samples``), the smallest valid input, and sizes where a training index built
    from ``set(range(n)) - set(val)`` iterates out of order ((9, 2), (33, 2)).

    Examples
    --------
    >>> list(kfold_cases(n_random=0))[:3]
    [(10, 2), (11, 2), (7, 3)]
    """
    seed = check_seed(seed)
    yield from [
        (10, 2),
        (11, 2),
        (7, 3),
        (10, 3),
        (13, 5),
        (6, 4),
        (2, 2),
        (5, 5),
        (12, 12),
        (100, 7),
        (101, 10),
        (9, 8),
        (9, 2),  # a train index built from a set comes out unsorted here: 8, 5, 6, 7
        (33, 2),
    ]
    rng = np.random.default_rng(seed)
    for i in range(check_int("n_random", n_random, low=0)):
        n = int(rng.integers(2, 80))
        k = n if i % 10 == 3 else int(rng.integers(2, min(n, 12) + 1))
        yield n, k


def bias_variance_cases(seed: int = 0, n_random: int = 60):
    """``(predictions, y_true)`` pairs: edge cases, then seeded random ones.

    Edge cases: one model, one point, as many models as points, constant
    predictions, two models; random cases alternate lists and arrays.
    """
    seed = check_seed(seed)
    edge = [
        ([[1.0, 2.0, 3.0]], [0.0, 2.0, 5.0]),  # one model: no variance
        ([[1.0], [3.0], [8.0]], [2.0]),  # one point
        ([[0.0, 1.0], [4.0, -1.0]], [1.0, 3.0]),  # two models, two points
        ([[2.0, 2.0, 2.0], [2.0, 2.0, 2.0]], [1.0, 2.0, 3.0]),  # constant predictions
        ([[1, 2], [3, 4], [5, 9]], [0, 0]),  # integers
        ([[5.0, -5.0, 1.0, 0.0]] * 3, [5.0, -5.0, 1.0, 0.0]),  # identical, perfect
    ]
    for i, (p, t) in enumerate(edge):
        yield (p, t) if i % 2 == 0 else (np.array(p), np.array(t))
    rng = np.random.default_rng(seed)
    for i in range(check_int("n_random", n_random, low=0)):
        n_models = int(rng.integers(1, 30))
        n_points = n_models if i % 8 == 5 else int(rng.integers(1, 40))
        t = rng.normal(0, rng.uniform(0.1, 3), n_points)
        offset = rng.normal(0, rng.uniform(0, 2), n_points)
        p = t + offset + rng.normal(0, rng.uniform(0.01, 2), (n_models, n_points))
        yield as_list_or_array(p, i), as_list_or_array(t, i + (i % 3 == 0))


def _case_models():
    from sklearn.linear_model import LinearRegression, Ridge
    from sklearn.neighbors import KNeighborsRegressor
    from sklearn.tree import DecisionTreeRegressor

    return [
        LinearRegression(),
        Ridge(alpha=1.0),
        DecisionTreeRegressor(random_state=0),
        DecisionTreeRegressor(max_depth=2, random_state=0),
        KNeighborsRegressor(n_neighbors=2),
    ]


def cross_val_cases(seed: int = 0, n_random: int = 40):
    """``(model, X, y, n_folds)`` cases: several model types, uneven folds, lists.

    Two fixed cases come first. A gradient-boosting model with ``warm_start=True``:
    one model refitted fold after fold keeps the trees of the earlier folds, so only
    a fresh clone per fold gives the right answer. A classifier on rows sorted by
    label: its folds are still ``KFold``'s, which ``cross_val_score(..., cv=n_folds)``
    would replace by stratified ones.

    Then seeded random cases: models cycle through linear regression, ridge, a deep
    and a shallow tree and 2-nearest neighbours (all deterministic). ``X`` and ``y``
    alternate between Python lists and arrays; ``n_samples % n_folds`` is often
    non-zero, and some cases are leave-one-out.
    """
    from sklearn.ensemble import GradientBoostingRegressor
    from sklearn.tree import DecisionTreeClassifier

    seed = check_seed(seed)
    X, y = make_data(24, seed=seed)
    warm = GradientBoostingRegressor(
        n_estimators=8, max_depth=2, warm_start=True, random_state=0
    )
    yield warm, X, y, 4
    rng = np.random.default_rng([seed, 1])
    X = rng.uniform(0, 1, (15, 2))
    X = X[np.argsort(X[:, 0])]  # rows sorted by the feature that sets the label
    labels = (X[:, 0] > np.sort(X[:, 0])[9]).astype(int)  # ten 0s, then five 1s
    yield DecisionTreeClassifier(random_state=0), X.tolist(), labels.tolist(), 3
    rng = np.random.default_rng(seed)
    for i in range(check_int("n_random", n_random, low=0)):
        model = _case_models()[i % 5]
        n = int(rng.integers(8, 50))
        n_features = int(rng.integers(1, 4))
        X = rng.normal(size=(n, n_features))
        y = X @ rng.normal(size=n_features) + rng.normal(0, rng.uniform(0.1, 2), n)
        y = y + rng.uniform(-5, 5)
        if i % 9 == 4 and i % 5 != 4:
            n_folds = n  # leave-one-out (not for 2-nearest neighbours)
        else:
            n_folds = int(rng.integers(2, min(n // 2, 10) + 1))
        yield (
            model,
            as_list_or_array(X, i),
            as_list_or_array(y, i + (i % 4 == 1)),
            n_folds,
        )


def bias_variance_extreme_cases(seed: int = 0):
    """``(predictions, y_true)`` pairs at the edges of floating point.

    * large offsets with a small spread: timestamps (1.7e9 ± 10), 1e9 ± 1 and kelvins
      (300 ± 1e-5), where E[x²] − E[x]² and the expanded square
      mean(m²) − 2·mean(m·t) + mean(t²) cancel, and where ``isclose``/``allclose``
      calls every model equal;
    * integers at epoch-millisecond scale (their squares overflow ``int64``), and small
      integers whose means and variances are not integers;
    * tiny (1e-9, 1e-100) and huge (1e100) values;
    * 40 models by 3,000 points with many exact ties (values rounded to 0.1);
    * length-1 axes: one model by one point, one point, one model.

    Compare with a relative tolerance (1e-5 is safe for every stable formula, two-pass,
    Welford or exact) and no absolute one. Near-ties far below 1e-8 relative are not
    sent: there the variance is ill-conditioned (its condition number is
    mean/spread), so Welford's update loses ~1e-5 relative there too.

    Parameters
    ----------
    seed : int
        Seed of the random values.
    """
    rng = np.random.default_rng(check_seed(seed))
    for offset, spread, n_models, n_points in [
        (1.7e9, 10.0, 25, 30),
        (1e9, 1.0, 7, 40),
        (300.0, 1e-5, 12, 20),
    ]:
        t = offset + spread * rng.normal(size=n_points)
        bias = spread * rng.normal(size=n_points)
        p = t + bias + spread * rng.normal(size=(n_models, n_points))
        yield p, t
    t = 1_700_000_000_000 + rng.integers(0, 10**5, size=12)  # epoch milliseconds
    p = t + rng.integers(-(10**4), 2 * 10**4, size=(5, 12))
    yield p.tolist(), t.tolist()
    yield [[1, 2, 7], [2, 2, 0], [4, 5, 5]], [0, 3, 1]  # means 7/3, 3, 4
    yield np.array([[3], [4], [4], [8]]), np.array([5])  # mean 4.75
    for scale in (1e-9, 1e-100, 1e100):
        t = scale * rng.normal(size=15)
        yield t + scale * rng.normal(0.5, 1.0, size=(6, 15)), t
    t = np.round(rng.normal(size=3000), 1)
    yield np.round(t + rng.normal(0.2, 0.5, size=(40, 3000)), 1), t
    yield [[2.5]], [1.0]
    yield rng.normal(size=(9, 1)).tolist(), rng.normal(size=1).tolist()
    yield rng.normal(size=(1, 9)), rng.normal(size=9)


def bias_variance_tie_cases(seed: int = 0):
    """``(predictions, y_true)`` pairs whose bias² or variance is exactly 0, at 1.7e9.

    Identical models (no variance), identical and perfect models, and models
    symmetric about the target (no bias). A stable formula returns 0 there up to the
    square of one rounding of the mean (about 1e-14); E[x²] − E[x]² returns
    hundreds. Compare with an absolute tolerance.

    Parameters
    ----------
    seed : int
        Seed of the random values.
    """
    rng = np.random.default_rng(check_seed(seed))
    row = 1.7e9 + rng.normal(size=20)
    yield np.tile(row, (3, 1)), row + 1.0  # identical models: variance 0
    yield np.tile(row, (7, 1)).tolist(), row.tolist()  # identical and perfect
    d = rng.integers(1, 5, size=20) * 0.25
    yield np.vstack([row - d, row + d, row]), row  # mean prediction = target: bias 0


def bias_variance_dtype_cases():
    """``(predictions, y_true, expected, why)`` cases with an exact expected result.

    Inputs of other dtypes and values where a shortcut loses everything, each with
    ``expected = (bias_squared, variance)`` computed exactly (with fractions) on the
    values as given, read as float64, and rounded once:

    * float32 predictions and targets at an offset of 1,000: the float32 values are
      read as float64 (the float32 value of 1000.1 is 1000.0999755859375...);
      arithmetic in float32 is off by about 1e-4 relative;
    * uint8 and int8 arrays, where ``predictions - y_true`` in the input's dtype wraps
      around (1 - 2 is 255 in uint8);
    * a bias of 1e9 with a spread of 1 (the decomposition MSE − bias² cancels to 0);
    * integer predictions 4e9 apart (exact in float64, but their squares in int64
      overflow);
    * two models at 1e12 that differ by 0.5 (``allclose(..., rtol=1e-12)`` calls them
      identical; every value here is exact in float64).

    Compare with a relative tolerance (1e-9 is safe) and no absolute one.

    Examples
    --------
    >>> [e for _, _, e, _ in bias_variance_dtype_cases()][-1]
    (0.0625, 0.0625)
    """
    yield (  # exactly 241542761/4831838208 and 136884389/2415919104
        np.float32([[1000.1, 2000.2], [1000.3, 2000.7], [999.9, 2000.0]]),
        np.float32([1000, 2000]),
        (0.04998982801205582, 0.056659342928065196),
        "float32 input: read it as float64 (float32 arithmetic is off by ~1e-4)",
    )
    yield (
        np.array([[1, 2], [3, 2]], dtype=np.uint8),
        np.array([2, 1], dtype=np.uint8),
        (0.5, 0.5),
        "the worked example as uint8: 1 - 2 wraps to 255 in uint8",
    )
    yield (
        np.array([[100, -100], [120, -120]], dtype=np.int8),
        np.array([-100, 100], dtype=np.int8),
        (44100.0, 100.0),
        "int8 input: 100 - (-100) wraps to -56 in int8",
    )
    yield (
        np.array([[1e9 + 1], [1e9 - 1]]),
        np.array([0.0]),
        (1e18, 1.0),
        "predictions 1e9 + 1 and 1e9 - 1, target 0: a bias of 1e9, a spread of 1",
    )
    yield (
        np.array([[0], [4_000_000_000]]),
        np.array([0]),
        (4e18, 4e18),
        "integer predictions 0 and 4,000,000,000: their squares overflow int64",
    )
    yield (
        np.array([[1e12], [1e12 + 0.5]]),
        np.array([1e12]),
        (0.0625, 0.0625),
        "predictions 1e12 and 1e12 + 0.5 differ (a near-tie is not a tie)",
    )


def kfold_large_cases():
    """``(n_samples, n_folds)`` pairs large enough for index types and loops to show.

    Fold sizes past ``int16`` (32,767) and ``uint16`` (65,535), uneven splits, and
    leave-one-out at 1,500 samples. Sizes stay moderate, so that every correct style
    finishes in about a second: ``np.setdiff1d`` on 10**6 indices takes about 2 s per
    fold (measured with NumPy 2.4), and a loop over the samples for each fold costs
    ``n_samples * n_folds``. A quadratic search (``i not in list_of_val``) still
    times out. (Indices past float32's 2**24 would need arrays of 16 million: not
    sent.)

    Examples
    --------
    >>> list(kfold_large_cases())[:2]
    [(200003, 3), (70001, 2)]
    """
    yield from [(200_003, 3), (70_001, 2), (1500, 1500), (1201, 1200)]


def cross_val_extreme_cases(seed: int = 0):
    """``(model, X, y, n_folds)`` cases at the edges of floating point and of the data.

    * targets at a large offset with a small spread (timestamps 1.7e9 ± 1, kelvins
      300 ± 1e-5), where mean(y²) − 2·mean(y·p) + mean(p²) cancels and
      ``allclose(pred, y)`` calls a poor fit perfect;
    * tiny targets (1e-9 scale), where the same ``allclose`` (or rounding) makes every
      error 0;
    * integer features and targets (as lists): predictions are not integers;
    * a constant column and a duplicated column (rank-deficient design), and
      duplicated rows that fall in different folds;
    * a constant target at 1e9, predicted exactly (the MSE is exactly 0);
    * 3,000 rows with many tied targets.

    Models are deterministic; the fits themselves are those of the reference, so the
    results agree to rounding: compare with a relative tolerance and no absolute one.

    Parameters
    ----------
    seed : int
        Seed of the random values.
    """
    from sklearn.dummy import DummyRegressor
    from sklearn.linear_model import LinearRegression, Ridge
    from sklearn.neighbors import KNeighborsRegressor
    from sklearn.tree import DecisionTreeRegressor

    rng = np.random.default_rng(check_seed(seed))

    def linear(n, n_features, offset, spread):
        X = rng.normal(size=(n, n_features))
        y = X @ rng.normal(size=n_features) + rng.normal(size=n)
        return X, offset + spread * y

    X, y = linear(40, 2, 1.7e9, 1.0)
    yield LinearRegression(), X, y, 4
    yield KNeighborsRegressor(n_neighbors=3), X.tolist(), y.tolist(), 6
    X, y = linear(30, 3, 300.0, 1e-5)
    yield DecisionTreeRegressor(max_depth=3, random_state=0), X, y, 4
    X, y = linear(33, 2, 0.0, 1e-9)
    yield LinearRegression(), X, y, 5
    yield Ridge(alpha=1e-3), X.tolist(), y.tolist(), 3
    X = rng.integers(0, 10, size=(25, 2))
    y = X @ [3, -2] + rng.integers(-3, 4, size=25)
    yield LinearRegression(), X.tolist(), y.tolist(), 3
    yield DecisionTreeRegressor(max_depth=2, random_state=0), X, y, 4
    X, y = linear(30, 2, 5.0, 1.0)
    X = np.column_stack([X, np.full(30, 3.0), X[:, 0]])  # constant, duplicated column
    yield LinearRegression(), X, y, 5
    yield Ridge(alpha=0.1), X.tolist(), y, 4
    X, y = linear(20, 2, 0.0, 1.0)
    X, y = np.vstack([X, X]), np.r_[y, y]  # row i is row i + 20
    yield LinearRegression(), X, y, 4
    yield DecisionTreeRegressor(max_depth=3, random_state=0), X.tolist(), y.tolist(), 3
    X = rng.normal(size=(24, 2))
    yield DummyRegressor(), X, np.full(24, 1e9), 4
    yield LinearRegression(), X.tolist(), [1e9] * 24, 3
    X, y = linear(3000, 3, 100.0, 1.0)
    yield LinearRegression(), X, np.round(y), 10
    yield DecisionTreeRegressor(max_depth=5, random_state=0), X, np.round(y), 7


def cross_val_dtype_cases():
    """``(model, X, y, n_folds, expected, why)`` cases with an exact expected result.

    * a ``DummyRegressor`` on targets at 1e12 with a spread of 0.5: every prediction
      is off by 0.25 (the MSE is 0.0625, exactly), which ``allclose(pred, y,
      rtol=1e-12)`` calls a perfect fit;
    * a ``DecisionTreeClassifier`` on int8 and uint8 labels 0 and 100: its
      predictions keep the labels' dtype, so ``(y - pred) ** 2`` in that dtype wraps
      (10,000 becomes 16). Every validation row is off by 100: the MSE is 10,000.

    The expected values are those of ``cross_val_score(model, X, y, cv=KFold(n_folds),
    scoring="neg_mean_squared_error")``, negated. Compare with a relative tolerance.
    """
    from sklearn.dummy import DummyRegressor
    from sklearn.tree import DecisionTreeClassifier

    y = [1e12, 1e12 + 0.5, 1e12, 1e12 + 0.5]
    why = "targets 1e12 and 1e12 + 0.5: every prediction is 0.25 off, not perfect"
    yield DummyRegressor(), np.zeros((4, 1)), np.array(y), 2, 0.0625, why
    yield DummyRegressor(), np.zeros((4, 1)).tolist(), y, 2, 0.0625, why
    X = [[0], [1], [2], [3], [4], [5]]
    for dtype in (np.int8, np.uint8):
        y = np.array([0, 0, 100, 100, 0, 0], dtype=dtype)
        why = f"{dtype.__name__} labels 0 and 100: an error of 100, squared, must not wrap"
        yield DecisionTreeClassifier(random_state=0), X, y, 3, 10000.0, why


# ----------------------------------------------------------------------------- mistakes
def _folds_from_sizes(n, sizes):
    idx = np.arange(n)
    out, start = [], 0
    for size in sizes:
        val = idx[start : start + size]
        out.append((np.setdiff1d(idx, val), val))
        start += size
    return out


def _kfold_remainder_last(n, k):
    sizes = [n // k] * k
    sizes[-1] += n % k
    return _folds_from_sizes(n, sizes)


def _kfold_ceil(n, k):
    size = -(-n // k)
    return [
        (np.setdiff1d(np.arange(n), v), v)
        for v in np.split(np.arange(n), range(size, n, size))
    ]


def _kfold_swapped(n, k):
    return [(va, tr) for tr, va in kfold_reference(n, k)]


def _kfold_train_all(n, k):
    return [(np.arange(n), va) for _, va in kfold_reference(n, k)]


def _kfold_floor_dropped(n, k):
    size = n // k
    return _folds_from_sizes(n, [size] * k)


def _cv_folds(model, X, y, n_folds, on_train=False, once=False, reuse=False):
    from sklearn.base import clone

    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    fitted = clone(model).fit(X, y) if once else None
    shared = clone(model)
    out = []
    for tr, va in kfold_reference(len(y), n_folds):
        if once:
            m = fitted
        elif reuse:  # one clone refitted fold after fold
            m = shared.fit(X[tr], y[tr])
        else:
            m = clone(model).fit(X[tr], y[tr])
        rows = tr if on_train else va
        out.append((y[rows], m.predict(X[rows])))
    return out


def _cv_score_int(model, X, y, n_folds=5):
    from sklearn.model_selection import cross_val_score

    scores = cross_val_score(model, X, y, cv=n_folds, scoring="neg_mean_squared_error")
    return float(-np.mean(scores))


def _cv_mean(model, X, y, n_folds=5, **kw):
    return float(
        np.mean(
            [np.mean((t - p) ** 2) for t, p in _cv_folds(model, X, y, n_folds, **kw)]
        )
    )


# ----------------------------------------------------------------------- folds by value
def _not_integer(part) -> str | None:
    """Why ``part`` (a 1-D index array or list) is not integer-valued, or ``None``.

    Integer arrays and lists of Python ints pass, and so does an empty part (an
    empty list is float64 to NumPy); floats, booleans and strings do not: ``X[idx]``
    needs integers.
    """
    raw = np.asarray(part)
    if raw.size == 0 or raw.dtype.kind in "iu":
        return None
    if raw.dtype.kind == "O" and all(
        isinstance(v, int | np.integer) and not isinstance(v, bool) for v in raw
    ):
        return None
    values = ", ".join(str(v) for v in raw[:3]) + (", ..." if raw.size > 3 else "")
    what = {"f": "floats", "b": "booleans"}.get(raw.dtype.kind, f"{raw.dtype} values")
    return f"holds {what} ({values}); index arrays must be integers: X[idx] needs ints"


def _as_folds(result):
    """A list of (train, val) int arrays, or a reason why ``result`` is not one."""
    if result is None:
        return None, "is None: did you forget to `return` the folds?"
    if isinstance(result, str | bytes | dict) or not hasattr(result, "__iter__"):
        return (
            None,
            f"should be a list of (train_idx, val_idx) pairs, got {result!r:.60}",
        )
    with quiet():  # once: leave-one-out at 1,500 rows converts 3,000 arrays
        return _folds_of(result)


def _folds_of(result):
    folds = []
    for i, pair in enumerate(list(result)):
        try:
            pair = list(pair)
        except TypeError:
            return (
                None,
                f"fold {i} should be a (train_idx, val_idx) pair, got {pair!r:.60}",
            )
        if len(pair) != 2:
            return (
                None,
                f"fold {i} should be a (train_idx, val_idx) pair, got {len(pair)} values",
            )
        arrays = []
        for part in pair:
            try:
                arr = np.asarray(part, dtype=float)
            except (TypeError, ValueError):
                arr = None
            if arr is None or arr.ndim != 1:
                return (
                    None,
                    f"fold {i} should hold two 1-D index arrays, got {part!r:.60}",
                )
            problem = _not_integer(part)
            if problem is not None:
                name = ("train_idx", "val_idx")[len(arrays)]
                return None, f"fold {i}: {name} {problem}"
            arrays.append(arr.astype(np.int64))
        folds.append(tuple(arrays))
    return folds, None


def _fold_text(train, val) -> str:
    return f"(train_idx={format_value(train)}, val_idx={format_value(val)})"


def folds_equal(got, expected) -> str | None:
    """``None`` when ``got`` holds the folds ``expected`` holds, else the problem.

    The ``equal`` hook of ``kfold_indices``. ``got`` may be a list (or tuple, or
    generator) of pairs of lists or arrays; what counts is the number of folds and,
    for each fold in order, the values of its training and validation indices.

    >>> folds_equal([([2, 3], [0, 1]), ([0, 1], [2, 3])], kfold_reference(4, 2))
    >>> folds_equal([([2, 3], [0, 1])], kfold_reference(4, 2))
    'should hold 2 folds (one per n_folds), got 1'
    """
    exp_folds, problem = _as_folds(expected)
    if problem is not None:
        return f"the expected folds are malformed: the result {problem}"
    folds, problem = _as_folds(got)
    if problem is None and len(folds) != len(exp_folds):
        problem = (
            f"should hold {len(exp_folds)} folds (one per n_folds), got {len(folds)}"
        )
    if problem is None:
        for i, (pair, exp) in enumerate(zip(folds, exp_folds)):
            # int64 index arrays on both sides (_as_folds): equal means identical
            if not all(np.array_equal(g, e) for g, e in zip(pair, exp)):
                return f"fold {i} is {_fold_text(*pair)}; expected {_fold_text(*exp)}"
    return problem


# ---------------------------------------------------------------------------- exercises
EXERCISES = Exercises(
    Exercise(
        "bias_variance",
        hint=(
            "mean_pred = predictions.mean(axis=0); bias² = mean((mean_pred - "
            "y_true)**2); variance = predictions.var(axis=0).mean() (ddof=0)."
        ),
        parts=("bias_squared", "variance"),
        reference=bias_variance_reference,
        cases=bias_variance_cases,
        mistakes=[
            Mistake(
                lambda p, t: bias_variance_reference(p, t)[::-1],
                "The result looks swapped: return (bias_squared, variance) in that order.",
            ),
            Mistake(
                lambda p, t: (
                    float(np.mean((np.asarray(p, float) - np.asarray(t, float)) ** 2)),
                    bias_variance_reference(p, t)[1],
                ),
                "That bias² is the mean squared error of all models (bias² + variance). "
                "Average the predictions over models first, then compare that mean with "
                "the target.",
            ),
            Mistake(
                lambda p, t: (
                    float(np.mean(np.mean(p, axis=0) - np.asarray(t, float))),
                    bias_variance_reference(p, t)[1],
                ),
                "The bias is not squared (and positive and negative offsets cancel): "
                "square (mean prediction - target) at each point, then average.",
            ),
            Mistake(
                lambda p, t: (
                    float(np.mean(np.abs(np.mean(p, axis=0) - np.asarray(t, float)))),
                    bias_variance_reference(p, t)[1],
                ),
                "That is the mean absolute bias: square (mean prediction - target) at each "
                "point instead of taking its absolute value.",
            ),
            Mistake(
                lambda p, t: (
                    float((np.mean(p) - np.mean(t)) ** 2),
                    bias_variance_reference(p, t)[1],
                ),
                "That squares the offset of the overall means. Compute (mean prediction - "
                "target)² at each point, then average over points.",
            ),
            Mistake(
                lambda p, t: (
                    bias_variance_reference(p, t)[0],
                    float(np.mean(np.var(np.asarray(p, float), axis=0, ddof=1))),
                ),
                "That variance uses ddof=1 (the sample variance). The decomposition uses "
                "the population variance across models, ddof=0 (np.var's default).",
            ),
            Mistake(
                lambda p, t: (bias_variance_reference(p, t)[0], float(np.var(p))),
                "That variance is over all predictions at once, so it counts how the curve "
                "varies along x. Take the variance across models (axis=0) at each point, "
                "then average over points.",
            ),
            Mistake(
                lambda p, t: (
                    bias_variance_reference(p, t)[0],
                    float(np.mean(np.var(np.asarray(p, float), axis=1))),
                ),
                "That variance is along each model's curve (axis=1). Take it across models "
                "(axis=0) at each point, then average over points.",
            ),
            Mistake(
                lambda p, t: (
                    bias_variance_reference(p, t)[0],
                    float(np.mean(np.std(np.asarray(p, float), axis=0))),
                ),
                "That is the mean standard deviation: use the variance (the square).",
            ),
        ],
    ),
    Exercise(
        "kfold_indices",
        hint=(
            "Fold sizes: the first n_samples % n_folds folds get "
            "n_samples // n_folds + 1 samples, the others n_samples // n_folds; folds are "
            "consecutive, in order, not shuffled. Each pair is (train_idx, val_idx) with "
            "train_idx every index not in val_idx. Raise ValueError when n_folds < 2 or "
            "n_folds > n_samples."
        ),
        reference=kfold_reference,
        cases=kfold_cases,
        equal=folds_equal,
        show_values=False,
        mistakes=[
            Mistake(
                _kfold_swapped,
                "Each pair is (train_idx, val_idx), training indices first: the training "
                "part is the bigger one.",
            ),
            Mistake(
                _kfold_remainder_last,
                "When n_samples % n_folds != 0 the *first* n_samples % n_folds folds get one "
                "extra sample each (as KFold does), not the last fold.",
            ),
            Mistake(
                _kfold_ceil,
                "Rounding the fold size up makes the last fold too small (or empty). The "
                "first n_samples % n_folds folds have n_samples // n_folds + 1 samples, the "
                "rest n_samples // n_folds.",
            ),
            Mistake(
                _kfold_floor_dropped,
                "Every sample must be in exactly one validation fold: with n_samples // "
                "n_folds per fold the last n_samples % n_folds samples are never validated.",
            ),
            Mistake(
                _kfold_train_all,
                "The training indices must leave out the validation fold: otherwise the "
                "model is scored on data it was trained on.",
            ),
        ],
    ),
    Exercise(
        "cross_val_mse",
        hint=(
            "Convert X and y with np.asarray. For each (train_idx, val_idx) "
            "of kfold_indices(len(y), n_folds) (the same folds for a classifier): a fresh "
            "m = sklearn.base.clone(model) inside the loop, fit it on the "
            "training rows, compute the MSE on the validation rows. Return the mean of those "
            "n_folds numbers."
        ),
        reference=cross_val_mse_reference,
        cases=cross_val_cases,
        mistakes=[
            Mistake(
                lambda m, X, y, n_folds=5: _cv_mean(m, X, y, n_folds) * n_folds,
                "That is the sum of the fold MSEs: return their mean.",
            ),
            Mistake(
                lambda m, X, y, n_folds=5: float(
                    np.mean(
                        [
                            np.sqrt(np.mean((t - p) ** 2))
                            for t, p in _cv_folds(m, X, y, n_folds)
                        ]
                    )
                ),
                "That is the mean RMSE: average the squared errors of each fold, without "
                "a square root.",
            ),
            Mistake(
                lambda m, X, y, n_folds=5: float(
                    np.mean(
                        np.concatenate(
                            [(t - p) ** 2 for t, p in _cv_folds(m, X, y, n_folds)]
                        )
                    )
                ),
                "That is the MSE of all out-of-fold predictions pooled together. The "
                "contract asks for the mean of the per-fold MSEs, which differs when the "
                "folds differ in size.",
            ),
            Mistake(
                lambda m, X, y, n_folds=5: _cv_mean(m, X, y, n_folds, on_train=True),
                "That is the training error: score each fold's model on its validation "
                "indices, the rows it did not see.",
            ),
            Mistake(
                lambda m, X, y, n_folds=5: _cv_mean(m, X, y, n_folds, once=True),
                "The model was fitted once on all the data, so every validation fold was "
                "seen in training. Fit a fresh clone on each fold's training rows.",
            ),
            Mistake(
                lambda m, X, y, n_folds=5: _cv_mean(m, X, y, n_folds, reuse=True),
                "One model was refitted fold after fold. A model that keeps state between "
                "fits (warm_start=True, say) then carries what it learnt on earlier folds, "
                "their validation rows included, into the next. Make a fresh "
                "sklearn.base.clone(model) inside the loop, once per fold.",
            ),
            Mistake(
                lambda m, X, y, n_folds=5: _cv_score_int(m, X, y, n_folds),
                "cross_val_score(..., cv=n_folds) splits a classifier's data with "
                "StratifiedKFold, not KFold. The folds must be those of "
                "kfold_indices(len(y), n_folds) for every model: loop over them, or pass "
                "cv=KFold(n_folds).",
            ),
        ],
    ),
)

checker = EXERCISES.checker


# ------------------------------------------------------------ helpers of the test cells
def check_folds(
    check: Checker, n_samples, n_folds, *, expect=None, why: str | None = None
) -> None:
    """Check ``kfold_indices(n_samples, n_folds)`` fold by fold, by value.

    ``check(n_samples, n_folds, expect=...)`` with the folds of scikit-learn's
    ``KFold(n_folds)`` by default: the checker of ``kfold_indices`` compares folds with
    :func:`folds_equal` and tells the known mistakes apart by the same comparison.

    Parameters
    ----------
    check : Checker
        ``topic.checker("kfold_indices", kfold_indices)``.
    n_samples, n_folds : int
        The arguments.
    expect : list of (train_idx, val_idx), optional
        The expected folds; by default those of scikit-learn's ``KFold(n_folds)``.
    why : str, optional
        What the case is about, shown on failure.

    Raises
    ------
    CheckFailed
        On the first difference, naming the fold, what was expected and what came back.
    """
    __tracebackhide__ = True
    if expect is None:
        expect = kfold_reference(n_samples, n_folds)
    check(n_samples, n_folds, expect=expect, why=why)


def _is_fitted(model) -> bool:
    from sklearn.exceptions import NotFittedError
    from sklearn.utils.validation import check_is_fitted

    try:
        check_is_fitted(model)
    except NotFittedError:
        return False
    return True


def check_model_unfitted(
    check: Checker, model, X, y, n_folds: int = 5, why: str | None = None
) -> None:
    """Check that ``cross_val_mse(model, X, y, n_folds)`` leaves ``model`` unfitted.

    The Checker passes copies of the inputs, so this calls the learner's function on
    ``model`` itself (:meth:`Checker.after_call`: quietly, within the time limit),
    then asks scikit-learn's ``check_is_fitted`` whether ``model`` was fitted.

    Parameters
    ----------
    check : Checker
        ``topic.checker("cross_val_mse", cross_val_mse)``.
    model : unfitted scikit-learn estimator
    X, y : array-like
    n_folds : int, default=5
    why : str, optional
        What the case is about, shown on failure.
    """
    __tracebackhide__ = True
    if _is_fitted(model):
        raise ValueError(
            f"model must be unfitted for this check, got a fitted {model!r}"
        )
    check.call(model, X, y, n_folds)  # explains a crash or a time-out on copies
    _, (model_after, *_), _ = check.after_call(model, X, y, n_folds)
    check.case(model, X, y, n_folds, why=why).that(
        not _is_fitted(model_after),
        "the model passed in is fitted afterwards; it must be left unfitted",
        hint="Fit a fresh sklearn.base.clone(model) in each fold and never call "
        "model.fit itself: the caller's model must not change. (copy.copy is not "
        "enough: a shallow copy of a Pipeline shares its steps with the caller's.)",
    )
