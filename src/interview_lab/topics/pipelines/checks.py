"""07_pipelines: what the graded test cells call.

The two exercises return *unfitted estimators*, so the checks judge what the
estimators do, never how they are written. :func:`check_preprocessor` and
:func:`check_pipeline` take the learner's function and a training and a test table,
and

* call the function, and check the kind of object it returned (a
  ``ColumnTransformer``; a ``Pipeline`` with the steps ``"preprocess"`` and
  ``"model"``), that it is not fitted yet, and that the pipeline's model is the model
  passed in (or a clone with the same parameters);
* fit a copy of it on the training rows, transform (or predict) the training and the
  test rows, which hold missing values and categories unseen in training, and compare
  with the reference fitted the same way: output matrices are densified and compared
  column by column *up to the order of the columns* (each expected column must be
  matched by its own equal column, equal duplicates included), so any column order
  and any step names inside the transformer are right; the number of columns must be
  the reference's, so columns that should be dropped and categories that should be
  ignored are caught;
* on a difference, name the first expected column that has no equal and the row where
  the closest candidate differs, and give the hint of the common mistake the answer
  matches (mean instead of median, scaling before imputing, an encoder that fails on
  unseen categories, ...), found by running each mistake on the same tables.

Each exercise is declared once in :data:`EXERCISES`; its ``equal`` does the same
comparison on a fixed probe table, so that ``check(numeric, categorical)`` works too.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from joblib import parallel_config
from scipy.optimize import linear_sum_assignment
from sklearn.base import clone, is_classifier
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression, Ridge, RidgeClassifier
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.tree import DecisionTreeRegressor
from sklearn.utils.validation import check_is_fitted
from threadpoolctl import threadpool_limits

from ...checking import (
    Checker,
    Exercise,
    Exercises,
    Mistake,
    quiet,
    remembered,
    time_limit,
)
from ...values import every_digit
from .core import (
    CATEGORICAL,
    NUMERIC,
    churn_data,
    frame_case,
    pipeline_reference,
    preprocessor_reference,
    preprocessor_variant,
    sample_frames,
    target_for,
)

__all__ = [
    "EXERCISES",
    "check_pipeline",
    "check_preprocessor",
    "checker",
    "pipeline_cases",
    "preprocessor_cases",
    "refit_cases",
]

#: Tolerance of comparisons of predictions (models' solvers differ in their last digits).
ATOL = RTOL = 1e-6
#: Tolerance of transformed values: the contract's default, 1e-8 absolute (with a
#: relative 1e-9 for large standardised values); every correct preprocessor computes
#: its medians, means and standard deviations in float64 and agrees far closer.
MATRIX_ATOL, MATRIX_RTOL = 1e-8, 1e-9
#: ... except on a float32 input column, where an answer that keeps float32 (as
#: scikit-learn's own steps do) is accepted to float32's precision.
FLOAT32_TOL = 1e-6
_FIT_SECONDS = 30.0


# ------------------------------------------------------------------ case generators
def _ridge(alpha=1.0, **kwargs):
    return Ridge(alpha=alpha, tol=1e-12, **kwargs)  # solver-independent to 1e-10


def _logistic(C=1.0):
    return LogisticRegression(C=C, tol=1e-10, max_iter=5000)


def _case_columns(rng):
    numeric = rng.choice(
        ["float", "skewed", "int", "offset", "tiny", "constant", "late_missing"],
        size=int(rng.integers(0, 4)),
        replace=False,
    ).tolist()
    categorical = rng.choice(
        ["str", "code", "int_code", "binary", "many"],
        size=int(rng.integers(0 if numeric else 1, 3)),
        replace=False,
    ).tolist()
    other = rng.choice(["id", "text"], size=int(rng.integers(0, 3)), replace=False)
    return numeric, categorical, other.tolist()


def _wide_categories(seed):
    """150 distinct training categories (a cap on categories merges some)."""
    rng = np.random.default_rng(seed)
    cats = np.array([f"v{i}" for i in range(150)], dtype=object)
    c = np.r_[cats, cats[rng.integers(0, 150, 150)], ["v0"] * 5]
    train = pd.DataFrame({"x": rng.normal(size=c.size), "c": c})
    train.loc[3, "x"] = np.nan
    test = pd.DataFrame({"x": [0.5, np.nan, 1.0], "c": ["v1", "new", np.nan]})
    return train, test


def _rare_categories(seed):
    """Thousands of rows with two categories seen once (a frequency floor merges them)."""
    rng = np.random.default_rng(seed)
    c = np.array(["a"] * 1500 + ["b"] * 1498 + ["x", "y"], dtype=object)
    train = pd.DataFrame({"x": rng.normal(size=c.size), "c": c})
    train.loc[7, "c"] = np.nan
    test = pd.DataFrame({"x": [0.1, 0.2, np.nan], "c": ["x", "y", "new"]})
    return train, test


def _big_table(seed):
    """20,000 training rows: a median that a sample of the values would miss."""
    rng = np.random.default_rng(seed)
    n = 20_000
    x = rng.permutation(n).astype(float)
    x[rng.random(n) < 0.05] = np.nan
    colours = np.array(["red", "green", "blue", "black"], dtype=object)
    c = rng.choice(colours, n, p=[0.4, 0.3, 0.2, 0.1])
    c[rng.random(n) < 0.05] = np.nan
    train = pd.DataFrame({"x": x, "c": pd.Series(c, dtype="str")})
    test = pd.DataFrame(
        {
            "x": [np.nan, 5000.0, 12345.5, np.nan],
            "c": pd.Series([np.nan, "purple", "blue", "red"], dtype="str"),
        },
        index=pd.RangeIndex(n, n + 4),
    )
    return train, test


def preprocessor_cases(seed=0, n_random=8):
    """Inputs ``(numeric, categorical, train, test, why)`` for ``build_preprocessor``.

    Edge cases first: skewed numbers (median far from the mean), yes/no columns,
    columns to drop, column lists as tuples and in another order than the table's,
    a single column of each role, no categorical or no numeric columns, integer-typed
    numbers and integer-coded categories, timestamps near 1.7e9 with a small spread and
    values near 1e-9, int8 and uint8 columns, a float32 column, a constant column of
    0.1, duplicated columns, values missing only at prediction time (numbers, and
    integer codes complete in training), a single test row, three training rows,
    object-typed text, thousands of rows with forty categories, and 20,000 rows. Then
    seeded random tables. Every test table holds missing values and (except yes/no
    columns) a category unseen in training.
    """
    s = seed * 1000
    train, test = sample_frames()
    yield ["age", "income"], ["city", "plan"], train, test, "the sample tables"
    cols = {"id": "id", "x": "skewed", "colour": "str", "y": "float", "ok": "binary"}
    cols["notes"] = "text"
    tr, te = frame_case(cols, 30, 10, seed=s + 1)
    why = "skewed numbers, a yes/no column, an id and a text column to drop"
    yield ["x", "y"], ["colour", "ok"], tr, te, why
    tr, te = frame_case({"a": "float", "x": "skewed", "c": "str"}, 12, 5, seed=s + 2)
    yield ("x",), ("c",), tr, te, "column lists as tuples, one column each"
    cols = {"n": "int", "m": "int", "code": "code", "k": "int_code", "id": "id"}
    tr, te = frame_case(cols, 25, 8, seed=s + 3)
    yield ["n", "m"], ["code", "k"], tr, te, "integer-typed numbers, integer codes"
    cols = {"ts": "offset", "dose": "tiny", "colour": "str"}
    tr, te = frame_case(cols, 40, 10, seed=s + 4)
    why = "timestamps near 1.7e9 with a spread of minutes, values near 1e-9"
    yield ["ts", "dose"], ["colour"], tr, te, why
    cols = {"small": "int8", "byte": "uint8", "ts": "offset", "c": "str"}
    tr, te = frame_case(cols, 30, 8, seed=s + 20)
    why = "int8 and uint8 columns (read as float64), timestamps near 1.7e9"
    yield ["small", "byte", "ts"], ["c"], tr, te, why
    tr, te = frame_case({"f": "float32", "c": "str"}, 30, 8, seed=s + 21)
    yield ["f"], ["c"], tr, te, "a float32 column (read as float64)"
    tr, te = frame_case({"k": "constant", "x": "float", "c": "str"}, 20, 6, seed=s + 5)
    why = "a constant column of 0.1 (standard scaling gives 0)"
    yield ["k", "x"], ["c"], tr, te, why
    tr, te = frame_case({"x": "float", "z": "skewed", "c": "str"}, 20, 6, seed=s + 6)
    yield ["x", "z"], [], tr, te, "no categorical columns"
    tr, te = frame_case({"x": "float", "c": "str", "d": "many"}, 30, 8, seed=s + 7)
    yield (), ("c", "d"), tr, te, "no numeric columns"
    tr, te = frame_case({"late": "late_missing", "ok": "binary"}, 20, 8, seed=s + 8)
    yield ["late"], ["ok"], tr, te, "no value missing in training, some at test time"
    cols = {"code": "late_code", "x": "float", "c": "str"}
    tr, te = frame_case(cols, 20, 8, seed=s + 22)
    why = "integer codes complete in training (int64), missing at test time (float64)"
    yield ["x"], ["code", "c"], tr, te, why
    tr, te = frame_case({"x": "skewed", "c": "str", "t": "text"}, 24, 8, seed=s + 9)
    tr["x_copy"], te["x_copy"] = tr["x"], te["x"]
    tr["c_copy"], te["c_copy"] = tr["c"], te["c"]
    yield ["x", "x_copy"], ["c", "c_copy"], tr, te, "duplicated columns"
    cols = {"c": "str", "a": "float", "id": "id", "d": "code", "b": "skewed"}
    tr, te = frame_case(cols, 25, 8, seed=s + 10)
    yield (
        ["b", "a"],
        ["d", "c"],
        tr,
        te,
        "columns listed in another order than the table's",
    )
    tr, te = frame_case({"x": "skewed", "c": "str"}, 15, 1, seed=s + 11)
    yield ["x"], ["c"], tr, te, "a single test row"
    tr, te = frame_case({"x": "skewed", "c": "str"}, 3, 3, missing=0.2, seed=s + 12)
    yield ["x"], ["c"], tr, te, "three training rows"
    cols = {"x": "skewed", "c": "str", "ok": "binary", "t": "text"}
    tr, te = frame_case(cols, 20, 6, seed=s + 13, strings="object")
    yield ["x"], ["c", "ok"], tr, te, "text columns of dtype object"
    cols = {"x": "skewed", "y": "float", "n": "int", "city": "many", "c": "str"}
    tr, te = frame_case(cols, 4000, 1000, missing=0.2, seed=s + 14)
    yield ["x", "y", "n"], ["city", "c"], tr, te, "4000 training rows, 40 categories"
    tr, te = _wide_categories(seed + 15)
    yield ["x"], ["c"], tr, te, "150 categories: every one gets its own column"
    tr, te = _rare_categories(seed + 16)
    why = "3,000 rows, two categories seen once each: no rare category is merged"
    yield ["x"], ["c"], tr, te, why
    tr, te = _big_table(seed + 17)
    yield ["x"], ["c"], tr, te, "20,000 training rows: the median of every value"
    tr, _ = churn_data(1000, missing=0.2, seed=seed + 5)
    te, _ = churn_data(400, missing=0.2, seed=seed + 6, new_category_rate=0.05)
    why = "the churn table, a payment method launched after training"
    yield list(NUMERIC), list(CATEGORICAL), tr, te, why
    rng = np.random.default_rng(seed)
    for i in range(n_random):
        numeric, categorical, other = _case_columns(rng)
        kinds = {f"n_{k}": k for k in numeric} | {f"c_{k}": k for k in categorical}
        kinds |= {f"o_{k}": k for k in other}
        order = rng.permutation(list(kinds)).tolist()
        tr, te = frame_case(
            {k: kinds[k] for k in order},
            n_train=int(rng.integers(5, 300)),
            n_test=int(rng.integers(1, 60)),
            missing=float(rng.uniform(0, 0.4)),
            seed=s + 100 + i,
            strings=("str", "object")[i % 2],
        )
        num = [f"n_{k}" for k in numeric]
        cat = [f"c_{k}" for k in categorical]
        as_tuple = i % 3 == 2
        yield (
            tuple(num) if as_tuple else num,
            tuple(cat) if as_tuple else cat,
            tr,
            te,
            f"random table {i + 1}",
        )


def _another_table(train, numeric, categorical):
    """The training rows reversed, other numbers and every category renamed.

    Each categorical column's levels are shifted by one (in sorted order), so its most
    frequent value changes; numbers are tripled and moved.
    """
    first = train.iloc[::-1].copy()
    for c in numeric:
        first[c] = first[c].astype(float) * 3 + 5
    for c in categorical:
        col = first[c]
        levels = sorted(col.dropna().unique().tolist(), key=str)
        shift = dict(zip(levels, levels[1:] + levels[:1], strict=True))
        first[c] = col.map(shift).astype(col.dtype)
    return first


def refit_cases(seed=0):
    """Inputs ``(numeric, categorical, first, train, test, why)`` for a refit.

    The estimator is fitted on ``first`` and then on ``train`` (and a clone of the
    copy fitted on ``first`` is fitted on ``train``): what it learned from ``first``
    must not survive (cross-validation and grid search refit clones this way).
    """
    train, test = sample_frames()
    num, cat = ["age", "income"], ["city", "plan"]
    yield num, cat, _another_table(train, num, cat), train, test, "the sample tables"
    first = pd.DataFrame({"c": ["a", "a", "b"]})
    train = pd.DataFrame({"c": ["b", "b", "a", np.nan]})
    test = pd.DataFrame({"c": ["a", np.nan]}, index=[4, 5])
    yield [], ["c"], first, train, test, "a column whose mode changes"
    cols = {"x": "skewed", "n": "int", "k": "code", "c": "str", "id": "id"}
    train, test = frame_case(cols, 30, 10, missing=0.2, seed=seed * 1000 + 31)
    num, cat = ["x", "n"], ["k", "c"]
    yield num, cat, _another_table(train, num, cat), train, test, "a random table"


def pipeline_cases(seed=0, n_random=4):
    """Inputs ``(numeric, categorical, model, train, y, test, why)`` for ``build_pipeline``.

    Ridge regressions (one with non-default parameters), logistic regressions with
    integer and string labels, a dummy classifier, a decision tree (its 'preprocess'
    step scales too), a classifier without ``predict_proba`` (``RidgeClassifier``),
    integer-typed columns, tuples, no categorical column, thousands of rows, then
    seeded random tables. The models give the same predictions whatever the order of
    the columns (to 1e-10; the tree's splits have no ties).
    """
    s = seed * 1000 + 500
    train, test = sample_frames()
    y = [12.5, 18.0, 15.5, 30.0, 21.0, 14.0]
    yield ["age", "income"], ["city", "plan"], _ridge(), train, y, test, "the sample"
    cols = {"id": "id", "x": "skewed", "colour": "str", "y": "float", "ok": "binary"}
    tr, te = frame_case(cols, 60, 15, seed=s + 1)
    yt = target_for(tr, "classification", seed=s + 1, labels=("stay", "churn"))
    why = "string labels 'stay'/'churn'"
    yield ["x", "y"], ["colour", "ok"], _logistic(), tr, yt, te, why
    tr, te = frame_case({"n": "int", "k": "int_code", "c": "code"}, 40, 10, seed=s + 2)
    yt = target_for(tr, "classification", seed=s + 2)
    yield ("n",), ("k", "c"), _logistic(C=0.1), tr, yt, te, "integer columns, tuples"
    tr, te = frame_case({"x": "float", "z": "skewed", "c": "str"}, 30, 10, seed=s + 3)
    yt = target_for(tr, seed=s + 3)
    model = _ridge(alpha=3.5, fit_intercept=False)
    yield ["x", "z"], [], model, tr, yt, te, "non-default model parameters"
    tr, te = frame_case({"x": "skewed", "c": "str", "ok": "binary"}, 30, 10, seed=s + 4)
    yt = target_for(tr, "classification", seed=s + 4)
    model = DummyClassifier(strategy="most_frequent")
    yield ["x"], ["c", "ok"], model, tr, yt, te, "a dummy classifier"
    cols = {"x": "skewed", "c": "str", "y": "float", "id": "id"}
    tr, te = frame_case(cols, 80, 20, seed=s + 6)
    yt = target_for(tr, seed=s + 6)
    model = DecisionTreeRegressor(max_depth=4, random_state=0)
    why = "a decision tree: the 'preprocess' step is the same for every model"
    yield ["x", "y"], ["c"], model, tr, yt, te, why
    cols = {"x": "float", "c": "str", "k": "code", "ok": "binary"}
    tr, te = frame_case(cols, 60, 15, seed=s + 7)
    yt = target_for(tr, "classification", seed=s + 7, labels=("no", "yes"))
    model = RidgeClassifier(alpha=2.0)
    why = "a classifier without predict_proba (RidgeClassifier), used as it is"
    yield ["x"], ["c", "k", "ok"], model, tr, yt, te, why
    cols = {"x": "skewed", "y": "float", "city": "many", "c": "str", "id": "id"}
    tr, te = frame_case(cols, 3000, 800, missing=0.2, seed=s + 5)
    yt = target_for(tr, "classification", seed=s + 5)
    yield ["x", "y"], ["city", "c"], _logistic(), tr, yt, te, "3000 training rows"
    rng = np.random.default_rng(seed + 1)
    for i in range(n_random):
        numeric, categorical, other = _case_columns(rng)
        kinds = {f"n_{k}": k for k in numeric} | {f"c_{k}": k for k in categorical}
        kinds |= {f"o_{k}": k for k in other}
        tr, te = frame_case(
            kinds,
            n_train=int(rng.integers(10, 200)),
            n_test=int(rng.integers(1, 40)),
            missing=float(rng.uniform(0, 0.4)),
            seed=s + 100 + i,
        )
        kind = ("regression", "classification")[i % 2]
        yt = target_for(tr, kind, seed=s + 100 + i)
        model = _ridge(alpha=float(rng.uniform(0.1, 5))) if i % 2 == 0 else _logistic()
        num = [f"n_{k}" for k in numeric]
        cat = [f"c_{k}" for k in categorical]
        yield num, cat, model, tr, yt, te, f"random table {i + 1}"


# ----------------------------------------------------------------- what an answer does
@dataclass
class _Seen:
    """What an estimator is and does on one training and one test table."""

    kind: str
    is_ct: bool
    is_pipe: bool
    fitted: bool
    steps: tuple | None = None
    model: object = None
    pre_kind: str | None = None
    error: tuple | None = None  # (what was done, exception type, message)
    output: np.ndarray | None = None  # the training rows, then the test rows
    n_train: int = 0
    names: list | None = None
    pred: np.ndarray | None = None
    proba: np.ndarray | None = None
    decision: np.ndarray | None = None
    float32: bool = False  # a float32 input column: float32's tolerance


def _is_fitted(est) -> bool:
    if isinstance(est, Pipeline):
        steps = [s for _, s in est.steps if s is not None and not isinstance(s, str)]
        return any(_is_fitted(s) for s in steps)
    try:
        with quiet():
            check_is_fitted(est)
        return True
    except NotFittedError:
        return False
    except Exception:
        return False


def _copy(est):
    try:
        return copy.deepcopy(est)
    except Exception:
        return est


def _dense(out) -> np.ndarray:
    if hasattr(out, "toarray"):
        out = out.toarray()
    elif hasattr(out, "to_numpy"):
        out = out.to_numpy()
    out = np.asarray(out)
    return out.reshape(-1, 1) if out.ndim == 1 else out


def _run(seen: _Seen, what: str, action):
    """Run ``action()``; on an exception record it in ``seen`` and return None."""
    if seen.error is not None:
        return None
    try:
        # n_jobs in an answer runs in threads: the same values, without starting
        # worker processes and pickling every table for each of the many small fits
        with quiet(), time_limit(_FIT_SECONDS), parallel_config(backend="threading"):
            return action()
    except Exception as exc:
        lines = str(exc).strip().splitlines() or [""]
        seen.error = (what, type(exc).__name__, lines[0][:240])
        return None


def _transformed(seen: _Seen, est, train, test, step=""):
    a = _run(seen, f"{step}transform(train)", lambda: est.transform(train))
    b = _run(seen, f"{step}transform(test)", lambda: est.transform(test))
    if seen.error is None:
        try:
            seen.output = np.vstack([_dense(a), _dense(b)])
        except ValueError as exc:
            seen.error = ("stack the outputs", type(exc).__name__, str(exc))
        seen.n_train = len(train)
        try:
            seen.names = [str(n) for n in est.get_feature_names_out()]
        except Exception:
            seen.names = None


def _has_float32(*tables) -> bool:
    return any(
        (np.asarray(getattr(t, "dtypes", [])) == np.dtype(np.float32)).any()
        for t in tables
    )


def observe_preprocessor(est, train, test, first=None, refit="refit") -> _Seen:
    """Fit a copy of ``est`` on ``train`` and transform ``train`` and ``test``.

    With a table ``first``, the copy is fitted on it before: then refitted on
    ``train`` (``refit="refit"``), or cloned and the clone fitted on ``train``
    (``refit="clone"``).
    """
    seen = _Seen(
        kind=type(est).__name__,
        is_ct=isinstance(est, ColumnTransformer),
        is_pipe=isinstance(est, Pipeline),
        fitted=_is_fitted(est),
        float32=_has_float32(train, test),
    )
    if not (hasattr(est, "fit") and hasattr(est, "transform")):
        seen.error = ("fit", "TypeError", f"{seen.kind} has no fit and transform")
        return seen
    fitted = _copy(est)
    if first is not None:
        _run(seen, "fit(another table)", lambda: fitted.fit(first))
        if refit == "clone":
            fitted = _run(seen, "clone(the fitted copy)", lambda: clone(fitted))
    step = {None: "", "refit": "after the refit, ", "clone": "in the clone, "}
    step = step[None if first is None else refit]
    _run(seen, f"{step}fit(train)", lambda: fitted.fit(train))
    _transformed(seen, fitted, train, test, step=step)
    return seen


def observe_pipeline(est, train, y, test) -> _Seen:
    """Fit a copy of ``est`` on ``(train, y)``; predict ``test``; transform both."""
    seen = _Seen(
        kind=type(est).__name__,
        is_ct=isinstance(est, ColumnTransformer),
        is_pipe=isinstance(est, Pipeline),
        fitted=_is_fitted(est),
        float32=_has_float32(train, test),
    )
    if seen.is_pipe:
        seen.steps = tuple(str(name) for name, _ in est.steps)
        seen.model = est.steps[-1][1]
        pre = dict(est.steps).get("preprocess")
        seen.pre_kind = type(pre).__name__
    if not (hasattr(est, "fit") and hasattr(est, "predict")):
        seen.error = ("fit", "TypeError", f"{seen.kind} has no fit and predict")
        return seen
    fitted = _copy(est)
    y = np.asarray(y)
    _run(seen, "fit(train, y)", lambda: fitted.fit(train, y))
    pred = _run(seen, "predict(test)", lambda: fitted.predict(test))
    if pred is not None:
        seen.pred = np.asarray(pred).ravel()
    if seen.error is None and hasattr(fitted, "predict_proba"):
        seen.proba = _run(
            seen, "predict_proba(test)", lambda: fitted.predict_proba(test)
        )
    elif seen.error is None and hasattr(fitted, "decision_function"):
        seen.decision = _run(
            seen, "decision_function(test)", lambda: fitted.decision_function(test)
        )
    if seen.is_pipe and seen.error is None:
        pre = dict(fitted.steps).get("preprocess")
        if hasattr(pre, "transform"):
            _transformed(seen, pre, train, test, step="the 'preprocess' step's ")
    return seen


# -------------------------------------------------------------- telling them apart
def _a(kind: str) -> str:
    return f"{'an' if kind[:1].lower() in 'aeiou' else 'a'} {kind}"


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 70 else text[:67] + "..."


def _same_value(a, b) -> bool:
    if hasattr(a, "get_params") and hasattr(b, "get_params"):
        return _model_difference(a, b) is None
    if isinstance(a, float) and isinstance(b, float) and np.isnan(a) and np.isnan(b):
        return True
    try:
        same = a == b
        return bool(np.all(same)) if not isinstance(same, bool) else same
    except Exception:
        return repr(a) == repr(b)


def _model_difference(got, expected) -> str | None:
    if type(got) is not type(expected):
        return (
            f"the 'model' step is {_short(got)}; expected the model passed in, "
            f"{_short(expected)}"
        )
    try:
        gp, ep = got.get_params(deep=False), expected.get_params(deep=False)
    except Exception:
        return None
    for key, value in ep.items():
        if key not in gp or not _same_value(gp[key], value):
            return (
                f"the 'model' step has {key}={_short(gp.get(key, '(missing)'))}, but "
                f"the model passed in has {key}={_short(value)}"
            )
    return None


def _plain(value):
    """A NumPy scalar as the Python value it holds (for readable messages)."""
    return value.item() if isinstance(value, np.generic) else value


def _numbers(out: np.ndarray) -> np.ndarray | None:
    try:
        return np.asarray(out, dtype=float)
    except (TypeError, ValueError):
        return None


def _row_name(row: int, n_train: int) -> str:
    return f"training row {row}" if row < n_train else f"test row {row - n_train}"


def _column_summary(seen: _Seen) -> str:
    if not seen.names:
        return ""
    num = sum(n.startswith("num__") for n in seen.names)
    cat = sum(n.startswith("cat__") for n in seen.names)
    if num + cat != len(seen.names):
        return ""
    return (
        f" ({num} numeric and {cat} one-hot columns, one per category seen in the "
        "training rows)"
    )


def _close(got: np.ndarray, exp: np.ndarray, float32=False) -> np.ndarray:
    """Elementwise: equal within the tolerance of transformed values."""
    atol, rtol = (FLOAT32_TOL, FLOAT32_TOL) if float32 else (MATRIX_ATOL, MATRIX_RTOL)
    with quiet():
        return np.isclose(got, exp, rtol=rtol, atol=atol, equal_nan=True)


def _pair(expected: float, got: float) -> str:
    """``expected ..., got ...`` with enough digits to tell the two apart."""
    e, g = f"{expected:.6g}", f"{got:.6g}"
    if e == g:
        e, g = every_digit(expected), every_digit(got)
    return f"expected {e}, got {g}"


def _match_columns(got: np.ndarray, exp: np.ndarray, float32=False):
    """Match each expected column to its own equal column of ``got``.

    Returns the expected columns left without an equal one.
    """
    equal = np.zeros((exp.shape[1], got.shape[1]), dtype=bool)
    for i in range(exp.shape[1]):
        equal[i] = _close(got, exp[:, [i]], float32).all(axis=0)
    rows, cols = linear_sum_assignment(-equal.astype(float))
    matched = {r for r, c in zip(rows, cols, strict=True) if equal[r, c]}
    used = {c for r, c in zip(rows, cols, strict=True) if equal[r, c]}
    missing = [i for i in range(exp.shape[1]) if i not in matched]
    free = [j for j in range(got.shape[1]) if j not in used]
    return missing, free


def _output_difference(got: _Seen, exp: _Seen, what: str) -> str | None:
    g, e = got.output, exp.output
    if e is None:
        return None
    if g is None:
        return f"{what} gave no output"
    if g.shape[0] != e.shape[0]:
        return f"{what} gave {g.shape[0]} rows for {e.shape[0]} rows in"
    if g.shape[1] != e.shape[1]:
        return (
            f"{what} has {g.shape[1]} columns, expected {e.shape[1]}"
            f"{_column_summary(exp)}"
        )
    gn, en = _numbers(g), _numbers(e)
    if en is None or gn is None:
        if en is None and gn is None:
            same = pd.DataFrame(g).astype(str).equals(pd.DataFrame(e).astype(str))
            return None if same else f"{what} gave other values"
        bad = next(v for v in np.asarray(g).ravel() if _numbers(np.array([v])) is None)
        return (
            f"{what} holds values that are not numbers, such as {bad!r}: a column "
            "that should have been encoded or dropped was passed through"
        )
    if g.shape[1] == 0:
        return None
    missing, free = _match_columns(gn, en, exp.float32)
    if not missing:
        return None
    i = missing[0]
    name = exp.names[i] if exp.names and i < len(exp.names) else f"column {i}"
    wrong = ~_close(gn[:, free], en[:, [i]], exp.float32)
    j = int(np.argmin(wrong.sum(axis=0)))
    row = int(np.flatnonzero(wrong[:, j])[0])
    return (
        f"no column of {what} equals the expected column {name!r}; the closest one "
        f"(column {free[j]}) differs at {_row_name(row, exp.n_train)}: "
        f"{_pair(en[row, i], gn[row, free[j]])}"
    )


def _prediction_difference(got: _Seen, exp: _Seen) -> str | None:
    g, e = got.pred, exp.pred
    if e is None:
        return None
    if g is None or g.shape != e.shape:
        return (
            f"predict(test) gave {None if g is None else g.shape}, expected {e.shape}"
        )
    gn, en = _numbers(g), _numbers(e)
    if en is not None and gn is not None and e.dtype.kind in "fc":
        scale = max(1.0, float(np.max(np.abs(en)))) if en.size else 1.0
        bad = np.flatnonzero(~np.isclose(gn, en, rtol=RTOL, atol=ATOL * scale))
        if bad.size:
            return (
                f"predict(test) differs from the reference at test row {bad[0]}: "
                f"{_pair(en[bad[0]], gn[bad[0]])}"
            )
        return None
    sure = np.ones(len(e), bool)
    if exp.proba is not None and np.ndim(exp.proba) == 2 and exp.proba.shape[1] > 1:
        top = np.sort(exp.proba, axis=1)
        sure = top[:, -1] - top[:, -2] > 1e-3  # leave out near-ties
    elif exp.decision is not None and np.ndim(exp.decision) == 1:
        margin = np.abs(_numbers(exp.decision))
        sure = margin > 1e-6 * max(1.0, float(margin.max(initial=0.0)))
    bad = np.flatnonzero((g.astype(str) != e.astype(str)) & sure)
    if bad.size:
        return (
            f"predict(test) differs from the reference at test row {bad[0]}: "
            f"expected {_plain(e[bad[0]])!r}, got {_plain(g[bad[0]])!r}"
        )
    if exp.proba is not None and got.proba is not None:
        gp, ep = _numbers(got.proba), _numbers(exp.proba)
        # a solver stopping at tol=1e-4 may stop one step apart on permuted columns
        if gp is None or gp.shape != ep.shape or not np.allclose(gp, ep, atol=1e-4):
            return "predict_proba(test) differs from the reference's"
    return None


def _difference(got: _Seen, exp: _Seen) -> str | None:
    """The first way ``got`` differs from ``exp`` in words, or None."""
    if exp.is_ct and not got.is_ct:
        return (
            f"should return a ColumnTransformer (sklearn.compose), got {_a(got.kind)}"
        )
    if exp.is_pipe and not got.is_pipe:
        return f"should return a Pipeline (sklearn.pipeline), got {_a(got.kind)}"
    if exp.is_pipe and got.steps != exp.steps:
        return (
            f"the pipeline's steps are named {list(got.steps)}, expected "
            f"{list(exp.steps)}"
        )
    if got.fitted != exp.fitted:
        return (
            "returned an estimator that is already fitted; it must come back "
            "unfitted (check_is_fitted raises on it)"
            if got.fitted
            else "returned an unfitted estimator"
        )
    if exp.is_pipe:
        if exp.pre_kind == "ColumnTransformer" and got.pre_kind != exp.pre_kind:
            return (
                "the 'preprocess' step should be the ColumnTransformer of "
                f"build_preprocessor, got {_a(str(got.pre_kind))}"
            )
        reason = _model_difference(got.model, exp.model)
        if reason:
            return reason
    if got.error or exp.error:
        if got.error == exp.error:
            return None
        if got.error:
            what, kind, message = got.error
            return f"{what} raised {kind}: {message}".strip(": ")
        return f"{exp.error[0]} should raise {exp.error[1]}, and it did not"
    what = "the 'preprocess' step's output" if exp.is_pipe else "the output"
    return _output_difference(got, exp, what) or _prediction_difference(got, exp)


# ------------------------------------------------------------------ the probe tables
@lru_cache(maxsize=1)
def _probe():
    """The tables on which ``check(numeric, categorical[, model])`` compares answers."""
    cols = {
        "customer_id": "id",
        "age": "float",
        "income": "skewed",
        "city": "str",
        "visits": "int",
        "plan": "binary",
        "code": "code",
        "late": "late_missing",
        "device": "many",
        "notes": "text",
    }
    train, test = frame_case(cols, n_train=40, n_test=15, missing=0.2, seed=7)
    y_reg = target_for(train, "regression", seed=7)
    y_cls = target_for(train, "classification", seed=7)
    return train, test, y_reg, y_cls


def _classifier_target(est) -> bool:
    model = est.steps[-1][1] if isinstance(est, Pipeline) else est
    return is_classifier(model)


def _equal_preprocessor(got, expected) -> str | None:
    train, test, _, _ = _probe()
    return _difference(
        observe_preprocessor(got, train, test),
        observe_preprocessor(expected, train, test),
    )


def _equal_pipeline(got, expected) -> str | None:
    train, test, y_reg, y_cls = _probe()
    y = y_cls if _classifier_target(expected) else y_reg
    return _difference(
        observe_pipeline(got, train, y, test),
        observe_pipeline(expected, train, y, test),
    )


def _preprocessor_cases():
    yield ["age", "income"], ["city", "plan"]
    yield ("income",), ("city", "device")
    yield ["age", "income", "visits", "late"], ["city", "code", "plan"]


def _pipeline_cases():
    yield ["age", "income"], ["city", "plan"], _ridge()
    yield ["income", "visits"], ["city", "device"], _logistic()
    yield (
        ["age", "income"],
        ["city"],
        DecisionTreeRegressor(max_depth=3, random_state=0),
    )
    yield ["income", "visits"], ["city", "plan"], RidgeClassifier()


# ------------------------------------------------------------------- mistake helpers
def _sample_for(numeric, categorical) -> pd.DataFrame:
    """A small table with the given columns, as a learner might test on."""
    data = {c: [1.0, 2.0, np.nan, 4.0] for c in numeric}
    data |= {c: ["a", "b", "a", np.nan] for c in categorical}
    return pd.DataFrame(data)


def _fitted_preprocessor(numeric, categorical):
    return preprocessor_reference(numeric, categorical).fit(
        _sample_for(numeric, categorical)
    )


def _fitted_pipeline(numeric, categorical, model):
    y = [0, 1, 0, 1] if is_classifier(model) else [1.0, 2.0, 3.0, 4.0]
    return pipeline_reference(numeric, categorical, model).fit(
        _sample_for(numeric, categorical), y
    )


def _variant(**choice):
    return lambda numeric, categorical: preprocessor_variant(
        numeric, categorical, **choice
    )


def _pipeline_with(pre):
    return lambda numeric, categorical, model: Pipeline(
        [("preprocess", pre(numeric, categorical)), ("model", model)]
    )


def _is_tree(model) -> bool:
    return type(model).__module__.startswith(("sklearn.tree", "sklearn.ensemble"))


def _unscaled_for_trees(numeric, categorical, model):
    """Mistake: "trees need no scaling", so a tree gets another 'preprocess' step."""
    pre = preprocessor_reference(numeric, categorical)
    if _is_tree(model):
        num = pre.transformers[0][1]
        num.steps = [(n, s) for n, s in num.steps if n != "scaler"]
    return Pipeline([("preprocess", pre), ("model", model)])


def _calibrated(numeric, categorical, model):
    """Mistake: a classifier without predict_proba is wrapped to get probabilities."""
    from sklearn.calibration import CalibratedClassifierCV

    if is_classifier(model) and not hasattr(model, "predict_proba"):
        model = CalibratedClassifierCV(model)
    return pipeline_reference(numeric, categorical, model)


# ------------------------------------------------------------------------- the checks
def _observed(make, args: tuple, observe, options: dict) -> _Seen:
    """``observe(make(*args), **options)``: what one of the course's estimators (the
    reference, or a known mistake) does on a case's tables. It depends on nothing
    else, so a grading run computes it once for all its submissions
    (:func:`~interview_lab.checking.remembered`)."""
    return observe(make(*args), **options)


def _diagnose(
    check: Checker, args: tuple, got: _Seen, exp: _Seen, observe, options: dict
) -> str:
    """The hint of the first mistake that behaves as the answer does on these tables."""
    for mistake in check.mistakes:
        try:
            seen = remembered(_observed, (mistake.compute, args, observe, options), {})
        except Exception:
            continue
        if _difference(seen, exp) is not None and _difference(got, seen) is None:
            return mistake.hint
    return check.hint


def _judge(check: Checker, args: tuple, observe, options: dict, why) -> None:
    """Check ``check.call(*args)`` by ``observe(result, **options)`` against the
    reference's."""
    __tracebackhide__ = True
    got = check.call(*args)
    with threadpool_limits(limits=1):  # small fits: threads only add overhead
        exp_seen = remembered(_observed, (check.reference, args, observe, options), {})
        got_seen = observe(got, **options)
        problem = _difference(got_seen, exp_seen)
        hint = None
        if problem is not None:
            hint = _diagnose(check, args, got_seen, exp_seen, observe, options)
    check.case(*args, why=why).that(problem is None, lambda: problem, hint=hint)


def check_preprocessor(
    check: Checker, numeric, categorical, train, test, why=None, first=None
):
    """Check one call of a learner's ``build_preprocessor`` on two tables.

    The result must be an unfitted ``ColumnTransformer``; a copy of it is fitted on
    ``train``, and its (densified) outputs on ``train`` and ``test`` must equal the
    reference's up to the order of the columns (the same number of columns, each
    expected column matched by its own equal column, within 1e-8 absolute plus 1e-9
    relative; 1e-6 when an input column is float32).

    With a table ``first`` (see :func:`refit_cases`) this is done twice, on a copy
    first fitted on ``first`` and then refitted on ``train``, and on a clone of such a
    copy fitted on ``train``: nothing learned from ``first`` may survive.

    Parameters
    ----------
    check : Checker
        ``topic.checker("build_preprocessor", build_preprocessor)``.
    numeric, categorical : sequence of str
        Passed to the learner's function.
    train, test : pandas.DataFrame
        Holding at least those columns (and usually others, to be dropped).
    why : str, optional
        What the case is about, shown on failure.
    first : pandas.DataFrame, optional
        A table to fit on before ``train``, with the same columns.
    """
    __tracebackhide__ = True
    if first is None:
        _judge(
            check,
            (numeric, categorical),
            observe_preprocessor,
            {"train": train, "test": test},
            why,
        )
        return
    for refit, how in [
        ("refit", "fitted on another table, then refitted on the training rows"),
        ("clone", "a clone of a copy fitted on another table, fitted on training"),
    ]:
        _judge(
            check,
            (numeric, categorical),
            observe_preprocessor,
            {"train": train, "test": test, "first": first, "refit": refit},
            f"{why}, {how}" if why else how,
        )


def check_pipeline(
    check: Checker, numeric, categorical, model, train, y, test, why=None
):
    """Check one call of a learner's ``build_pipeline`` on two tables.

    The result must be an unfitted ``Pipeline`` with the steps ``"preprocess"`` (a
    ``ColumnTransformer``) and ``"model"`` (the model passed in, or a clone with the
    same parameters). A copy is fitted on ``(train, y)``; its predictions on ``test``
    must equal the reference pipeline's, and its ``preprocess`` step's outputs the
    reference's up to the order of the columns.

    Parameters
    ----------
    check : Checker
        ``topic.checker("build_pipeline", build_pipeline)``.
    numeric, categorical : sequence of str
    model : unfitted scikit-learn model
    train, test : pandas.DataFrame
    y : array-like of shape (len(train),)
    why : str, optional
    """
    __tracebackhide__ = True
    _judge(
        check,
        (numeric, categorical, model),
        observe_pipeline,
        {"train": train, "y": y, "test": test},
        why,
    )


# ------------------------------------------------------------------------- exercises
EXERCISES = Exercises(
    Exercise(
        "build_preprocessor",
        hint=(
            "Return ColumnTransformer([('num', Pipeline([('impute', "
            "SimpleImputer(strategy='median')), ('scale', StandardScaler())]), "
            "numeric), ('cat', Pipeline([('impute', SimpleImputer(strategy="
            "'most_frequent')), ('onehot', OneHotEncoder(handle_unknown='ignore'))]), "
            "categorical)]) without fitting it; other columns are dropped by default."
        ),
        reference=preprocessor_reference,
        cases=_preprocessor_cases,
        equal=_equal_preprocessor,
        show_values=False,
        mistakes=[
            Mistake(
                _fitted_preprocessor,
                "Return the ColumnTransformer unfitted, without calling fit: the caller "
                "fits it on the training rows (and cross_val_score or GridSearchCV "
                "clone and refit it in every fold).",
            ),
            Mistake(
                _variant(impute="mean"),
                "Numeric columns are imputed with the mean here: use "
                "SimpleImputer(strategy='median'), which a few huge values (incomes, "
                "prices) do not drag away.",
            ),
            Mistake(
                _variant(scale_first=True),
                "The numeric steps run in the wrong order: impute first, then scale "
                "(Pipeline([imputer, scaler])), so that the scaler's mean and "
                "standard deviation include the imputed values.",
            ),
            Mistake(
                _variant(scaler="minmax"),
                "That is min-max scaling to [0, 1]: use StandardScaler, which "
                "subtracts the mean and divides by the standard deviation.",
            ),
            Mistake(
                _variant(impute=None),
                "Missing numeric values reach the output as NaN: put "
                "SimpleImputer(strategy='median') before the scaler.",
            ),
            Mistake(
                _variant(handle_unknown="error"),
                "A category that never appeared in training makes the encoder raise: "
                "use OneHotEncoder(handle_unknown='ignore'), which encodes it as all "
                "zeros.",
            ),
            Mistake(
                _variant(categorical_impute="constant"),
                "Missing categories became a category of their own (a 'missing' or NaN "
                "column): impute categorical columns with "
                "SimpleImputer(strategy='most_frequent') before encoding them.",
            ),
            Mistake(
                _variant(categorical_impute=None),
                "Missing categories became a category of their own (a 'missing' or NaN "
                "column): impute categorical columns with "
                "SimpleImputer(strategy='most_frequent') before encoding them.",
            ),
            Mistake(
                _variant(drop="first"),
                "Keep one column per category seen in training: leave OneHotEncoder's "
                "drop at None (drop='first' or 'if_binary' removes a column).",
            ),
            Mistake(
                _variant(drop="if_binary"),
                "Keep one column per category seen in training: leave OneHotEncoder's "
                "drop at None (drop='first' or 'if_binary' removes a column).",
            ),
            Mistake(
                _variant(remainder="passthrough"),
                "Columns that are neither numeric nor categorical must be dropped: "
                "leave remainder='drop' (the default), not 'passthrough'.",
            ),
        ],
    ),
    Exercise(
        "build_pipeline",
        hint=(
            "Return Pipeline([('preprocess', build_preprocessor(numeric, "
            "categorical)), ('model', model)]) without fitting it. When the "
            "'preprocess' step's output differs, fix build_preprocessor first: its "
            "check cell says how."
        ),
        reference=pipeline_reference,
        cases=_pipeline_cases,
        equal=_equal_pipeline,
        show_values=False,
        mistakes=[
            Mistake(
                lambda numeric, categorical, model: make_pipeline(
                    preprocessor_reference(numeric, categorical), model
                ),
                "make_pipeline names the steps after their classes: build "
                "Pipeline([('preprocess', ...), ('model', model)]) so that "
                "pipe.named_steps['model'] and parameters such as 'model__C' work.",
            ),
            Mistake(
                _fitted_pipeline,
                "Return the pipeline unfitted, without calling fit: the caller fits it "
                "on the training rows (and cross-validation refits clones of it).",
            ),
            Mistake(
                lambda numeric, categorical, model: pipeline_reference(
                    numeric, categorical, LogisticRegression(max_iter=1000)
                ),
                "Use the model passed in as the 'model' step (it may be a regressor, "
                "or have parameters of its own), not a model of your choice.",
            ),
            Mistake(
                _pipeline_with(_variant(impute=None)),
                "Build the 'preprocess' step with your build_preprocessor(numeric, "
                "categorical): here missing values reach the model.",
            ),
            Mistake(
                _unscaled_for_trees,
                "The 'preprocess' step is build_preprocessor(numeric, categorical) "
                "whatever the model: a tree needs no scaling, but the contract's "
                "pipeline is the same for every model (so that models can be swapped "
                "and compared on the same features).",
            ),
            Mistake(
                _calibrated,
                "The 'model' step is the model passed in, as it is: do not wrap it "
                "(in CalibratedClassifierCV or anything else), even when it has no "
                "predict_proba.",
            ),
        ],
    ),
)

checker = EXERCISES.checker
