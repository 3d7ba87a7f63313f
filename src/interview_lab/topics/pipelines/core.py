"""07_pipelines: the data, the reference pipelines and the leak detector.

* :func:`churn_data`: a realistic customer table (numeric and categorical columns,
  missing values, a long tail of cities so that the test rows hold categories the
  training rows never saw, an id column and a column that leaks the target);
  :func:`sample_frames`, a tiny table to test an answer on by hand; and
  :func:`frame_case`, the tables the checks are made of.
* :func:`preprocessor_reference` and :func:`pipeline_reference`, the exercises as the
  contract states them, and :func:`preprocessor_variant`, the same with one choice
  changed (the common mistakes).
* :class:`RecordingTransformer`, :func:`spy`, :func:`leak_report` and
  :func:`assert_no_leak`: a leak detector for any pipeline, which records the rows
  each step was fitted on.

No checker and no plotting here.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, MetaEstimatorMixin, clone
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import (
    FunctionTransformer,
    MinMaxScaler,
    OneHotEncoder,
    StandardScaler,
)
from sklearn.utils import get_tags
from sklearn.utils.metaestimators import available_if

from ...validation import check_choice, check_int, check_number, check_seed

__all__ = [
    "CATEGORICAL",
    "CITIES",
    "KINDS",
    "NUMERIC",
    "RecordingTransformer",
    "RowLog",
    "assert_no_leak",
    "churn_data",
    "frame_case",
    "leak_report",
    "pipeline_reference",
    "preprocessor_reference",
    "preprocessor_variant",
    "sample_frames",
    "spy",
    "target_for",
]

NUMERIC = [
    "age",
    "tenure_months",
    "monthly_charges",
    "support_calls",
    "last_login_days",
]
CATEGORICAL = ["plan", "contract", "payment", "city"]
CITIES = (
    "Berlin Madrid Rome Paris Vienna Hamburg Warsaw Budapest Barcelona Munich Milan "
    "Prague Sofia Brussels Birmingham Cologne Naples Turin Stockholm Marseille "
    "Amsterdam Zagreb Valencia Krakow Frankfurt Seville Lodz Zaragoza Athens Palermo "
    "Riga Wroclaw Rotterdam Stuttgart Helsinki Dusseldorf Glasgow Copenhagen Leipzig "
    "Dortmund Essen Genoa Malaga Bremen Vilnius Dublin Dresden Lisbon Hanover Antwerp "
    "Nuremberg Lyon Gothenburg Poznan Bologna Florence Duisburg Tallinn Bilbao Oslo"
).split()


# ------------------------------------------------------------------------ the data
@lru_cache(maxsize=16)
def _churn(n_samples, missing, leak, new_category_rate, seed):
    rng = np.random.default_rng(seed)
    n = n_samples
    age = np.clip(rng.normal(45, 14, n), 18, 85).round()
    tenure = np.minimum(rng.geometric(1 / 22, n) - 1, 72)
    charges = np.round(np.exp(rng.normal(np.log(60), 0.35, n)), 2)
    calls = rng.poisson(1.5, n)
    login = np.round(rng.exponential(9, n), 1)
    plan = rng.choice(["basic", "standard", "premium"], n, p=[0.5, 0.35, 0.15])
    contract = rng.choice(["monthly", "yearly", "two-year"], n, p=[0.6, 0.3, 0.1])
    payment = rng.choice(
        ["card", "bank transfer", "paypal", "voucher"], n, p=[0.45, 0.3, 0.2, 0.05]
    )
    weights = 1 / np.arange(1, len(CITIES) + 1) ** 1.4  # a long tail of small cities
    city = rng.choice(CITIES, n, p=weights / weights.sum())
    city_effect = dict(
        zip(CITIES, np.random.default_rng(1234).normal(0, 0.3, len(CITIES)))
    )
    logit = (
        -1.5
        + 0.9 * (contract == "monthly")
        - 0.9 * (contract == "two-year")
        - 0.045 * (tenure - 20)
        + 0.45 * (calls - 1.5)
        + 0.05 * (login - 9)
        + 0.015 * (charges - 60)
        - 0.012 * (age - 45)
        + np.select([plan == "basic", plan == "premium"], [0.2, -0.4], 0.0)
        + np.select([payment == "voucher", payment == "bank transfer"], [0.6, -0.3], 0)
        + np.array([city_effect[c] for c in city])
    )
    churned = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    offer_rate = np.where(churned == 1, leak, 0.03)
    offer = np.where(rng.random(n) < offer_rate, "yes", "no")
    if new_category_rate:
        payment = np.where(rng.random(n) < new_category_rate, "crypto wallet", payment)
    start = 100_000 + 1_000_000 * seed
    X = pd.DataFrame(
        {
            "customer_id": np.arange(start, start + n),
            "age": age,
            "tenure_months": tenure.astype(np.int64),
            "monthly_charges": charges,
            "support_calls": calls.astype(np.int64),
            "last_login_days": login,
            "plan": plan.astype(object),
            "contract": contract.astype(object),
            "payment": payment.astype(object),
            "city": city.astype(object),
            "retention_offer": offer.astype(object),
        },
        index=pd.RangeIndex(start, start + n, name="row"),
    )
    # values go missing at random; tenure, support calls and the contract never do
    for col, rate in [
        ("age", missing),
        ("monthly_charges", missing / 2),
        ("last_login_days", missing * 1.5),
        ("plan", missing / 2),
        ("payment", missing),
        ("city", missing / 2),
    ]:
        X.loc[rng.random(n) < rate, col] = np.nan
    return X, pd.Series(churned, index=X.index, name="churned")


def churn_data(
    n_samples=2000, missing=0.1, leak=0.8, new_category_rate=0.0, seed=0
) -> tuple[pd.DataFrame, pd.Series]:
    """Customers of a subscription service and whether they churned.

    Numeric columns (:data:`NUMERIC`): ``age``, ``tenure_months`` and
    ``support_calls`` (integer-typed), ``monthly_charges`` (skewed),
    ``last_login_days``. Categorical columns (:data:`CATEGORICAL`): ``plan``,
    ``contract``, ``payment`` and ``city`` (60 cities with a long tail: a random test
    split holds cities the training rows never saw). Two more columns are traps:
    ``customer_id``, an identifier, and ``retention_offer``, set when a customer who
    asked to cancel was offered a discount: it is known only *after* the customer
    decided, so it leaks the target. Values of ``age``, ``monthly_charges``,
    ``last_login_days``, ``plan``, ``payment`` and ``city`` are missing at random.

    Parameters
    ----------
    n_samples : int, default=2000
        Number of customers, from 20 to 200000.
    missing : float, default=0.1
        Rate of missing values (per column it varies around this), in [0, 0.6].
    leak : float, default=0.8
        Share of churners with ``retention_offer == "yes"`` (of the others: 3%), in
        [0, 1].
    new_category_rate : float, default=0.0
        Share of rows paying with ``"crypto wallet"``, a payment method launched after
        the training data was collected, in [0, 1].
    seed : int, default=0
        Seed of the data; customer ids (and the index) of two seeds never overlap.

    Returns
    -------
    X : pandas.DataFrame of shape (n_samples, 11)
    y : pandas.Series of 0/1 ints named ``churned``

    Examples
    --------
    >>> X, y = churn_data(500)
    >>> X.shape, round(float(y.mean()), 2)
    ((500, 11), 0.29)
    """
    n_samples = check_int("n_samples", n_samples, 20, 200_000)
    missing = check_number("missing", missing, 0, 0.6)
    leak = check_number("leak", leak, 0, 1)
    new_category_rate = check_number("new_category_rate", new_category_rate, 0, 1)
    seed = check_seed(seed)
    X, y = _churn(n_samples, missing, leak, new_category_rate, seed)
    return X.copy(), y.copy()


def sample_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Six training rows and two test rows to test a preprocessor on by hand.

    ``age`` and ``income`` are numeric (``income`` is skewed, so its median, 41000,
    is far from its mean), ``city`` and ``plan`` categorical, ``customer_id`` an
    identifier. Both parts have missing values, and the first test row lives in
    Bordeaux, a city the training rows never saw.

    >>> train, test = sample_frames()
    >>> train.shape, test.shape
    ((6, 5), (2, 5))
    """
    nan = np.nan
    train = pd.DataFrame(
        {
            "age": [25, 41, nan, 35, 52, 29],
            "income": [32000, nan, 58000, 250000, 41000, 38000],
            "city": ["Paris", "Lyon", "Paris", "Nice", nan, "Paris"],
            "plan": ["basic", "premium", nan, "basic", "basic", "standard"],
            "customer_id": [101, 102, 103, 104, 105, 106],
        }
    )
    test = pd.DataFrame(
        {
            "age": [33, nan],
            "income": [nan, 45000],
            "city": ["Bordeaux", "Lyon"],
            "plan": ["premium", nan],
            "customer_id": [107, 108],
        },
        index=[6, 7],
    )
    return train, test


#: The kinds of column :func:`frame_case` can make, by role.
KINDS = {
    "numeric": (
        "float",  # normal, with missing values
        "skewed",  # log-normal: median and mean differ
        "int",  # integer-typed, never missing
        "int8",  # int8-typed, 20 to 127, never missing (x * x overflows int8)
        "uint8",  # uint8-typed, 100 to 255, never missing (x * x overflows uint8)
        "float32",  # float32-typed, with missing values
        "offset",  # timestamps: 1.7e9 plus whole seconds within 17 minutes
        "tiny",  # values around 1e-9
        "constant",  # one value, 0.1, not exact in binary (and missing values)
        "late_missing",  # missing in the test rows only
    ),
    "categorical": (
        "str",  # five colours, missing values, an unseen colour in the test rows
        "code",  # integer codes with missing values (so floats), an unseen code
        "int_code",  # integer-typed codes, never missing, an unseen code
        "late_code",  # integer-typed codes in training, missing at test time (floats)
        "binary",  # yes/no with missing values
        "many",  # forty categories with a long tail
    ),
    "other": ("id", "text"),
}
_COLOURS = np.array(["red", "green", "blue", "black", "white"], dtype=object)
_CODES = np.array([3, 17, 42, 101])
_MANY = np.array([f"c{i:02d}" for i in range(40)], dtype=object)


def _categories(rng, values, n, p=None):
    p = p if p is not None else 0.6 ** np.arange(len(values))
    return rng.choice(values, n, p=p / p.sum())


def _strict_mode(col: pd.Series, rng) -> pd.Series:
    """Change values until the most frequent one is unique (no tie to break)."""
    while True:
        counts = col.value_counts()
        if len(counts) < 2 or counts.iloc[0] > counts.iloc[1]:
            return col
        second = col.index[col == counts.index[1]]
        col.loc[rng.choice(second)] = counts.index[0]


def _column(kind, n_train, n_test, missing, shift, rng, start):
    """One column's values (training rows first) and its dtype ("text" or numeric).

    ``shift`` moves the numeric test values by that many training standard deviations.
    """
    n = n_train + n_test
    miss = rng.random(n) < missing
    if kind in ("float", "late_missing"):
        v = np.round(rng.normal(50, 10, n), 2)
    elif kind == "skewed":
        v = np.round(np.exp(rng.normal(10, 1, n)), 2)
    elif kind == "int":
        v, miss = rng.integers(0, 100, n).astype(np.int64), np.zeros(n, bool)
    elif kind in ("int8", "uint8"):
        low, dtype = {"int8": (20, np.int8), "uint8": (100, np.uint8)}[kind]
        high = np.iinfo(dtype).max + 1
        v, miss = rng.integers(low, high, n).astype(dtype), np.zeros(n, bool)
    elif kind == "float32":
        v = np.round(rng.normal(50, 10, n), 2)
    elif kind == "offset":
        # a small spread on a large offset: E[x^2] - E[x]^2 cancels catastrophically
        v = np.round(1.7e9 + rng.uniform(0, 1000, n))
    elif kind == "tiny":
        v = 1e-9 * np.exp(rng.normal(0, 1, n))
    elif kind == "constant":
        v = np.full(n, 0.1)  # its float mean is not exactly 0.1: std is not 0
    elif kind == "str":
        v = _categories(rng, _COLOURS, n)
    elif kind in ("code", "int_code", "late_code"):
        v = _categories(rng, _CODES, n).astype(np.int64)
        if kind == "int_code":
            miss = np.zeros(n, bool)
    elif kind == "binary":
        v = _categories(rng, np.array(["yes", "no"], dtype=object), n, np.array([3, 2]))
    elif kind == "many":
        v = _categories(rng, _MANY, n, 1 / np.arange(1, 41))
    elif kind == "id":
        v, miss = np.arange(start, start + n, dtype=np.int64), np.zeros(n, bool)
    else:  # text
        v = np.array([f"note {i}" for i in rng.integers(0, 9, n)], dtype=object)
    fixed = ("int", "int8", "uint8", "constant")
    if kind in KINDS["numeric"] and kind not in fixed and shift:
        spread = np.std(v[:n_train]) or 1.0
        v = v.astype(float)
        v[n_train:] += shift * spread  # drift: a step fitted on test rows differs
    if kind in ("late_missing", "late_code"):
        miss[:n_train] = False
        miss[n_train:] = rng.random(n_test) < 0.5
    if kind in ("str", "code", "int_code", "late_code", "many") and n_test:
        unseen = {"str": "purple", "many": "c99"}.get(kind, 999)
        row = n_train + rng.integers(n_test)
        v[row], miss[row] = unseen, False
        if kind == "late_code" and n_test > 1 and not miss[n_train:].any():
            miss[n_train + (row - n_train + 1) % n_test] = True
    if miss[:n_train].all():  # never an all-missing training column
        miss[0] = False
    text = v.dtype == object
    if miss.any():
        v = v.astype(object if text else float)
        v[miss] = np.nan
    if kind in KINDS["categorical"]:
        mode = _strict_mode(pd.Series(v[:n_train], dtype=object), rng)
        v[:n_train] = mode.to_numpy()
    if kind == "float32":
        v = v.astype(np.float32)
    return v, "text" if text else v.dtype


def frame_case(
    columns,
    n_train=40,
    n_test=15,
    missing=0.15,
    shift=1.0,
    seed=0,
    strings="str",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Training and test tables with the kinds of columns asked for.

    Every categorical column has a unique most frequent value in the training rows
    (so most-frequent imputation has no tie to break) and, except ``binary``, a
    category in the test rows that the training rows never saw. Numeric test values
    are shifted by ``shift`` training standard deviations, so that a step fitted on
    the test rows gives other numbers. No column is entirely missing in training.

    Parameters
    ----------
    columns : mapping of str to str
        Column name to kind, a kind from :data:`KINDS`; the tables keep this order.
    n_train, n_test : int
        Rows of each table (at least 2 training rows; the test table may be empty).
    missing : float
        Rate of missing values in the columns whose kind allows them, in [0, 0.9].
    shift : float
        Drift of the numeric test values, in training standard deviations.
    seed : int
    strings : {"str", "object"}
        The dtype of text columns: pandas' string dtype (its default) or ``object``.

    Returns
    -------
    train, test : pandas.DataFrame
        The test index continues the training index.

    Examples
    --------
    >>> train, test = frame_case({"x": "skewed", "colour": "str", "id": "id"}, 6, 2)
    >>> list(train.columns), test.index.tolist()
    (['x', 'colour', 'id'], [6, 7])
    """
    kinds = [k for group in KINDS.values() for k in group]
    columns = dict(columns)
    if not columns:
        raise ValueError("columns must name at least one column, got none")
    for name, kind in columns.items():
        check_choice(f"the kind of column {name!r}", kind, kinds)
    n_train = check_int("n_train", n_train, 2)
    n_test = check_int("n_test", n_test, 0)
    missing = check_number("missing", missing, 0, 0.9)
    shift = check_number("shift", shift)
    strings = check_choice("strings", strings, ("str", "object"))
    rng = np.random.default_rng(check_seed(seed))
    train, test = {}, {}
    test_index = pd.RangeIndex(n_train, n_train + n_test)
    for i, (name, kind) in enumerate(columns.items()):
        v, dtype = _column(kind, n_train, n_test, missing, shift, rng, 1000 * (i + 1))
        dtype = strings if dtype == "text" else dtype
        # complete integer codes in training, floats (with NaN) at test time
        train_dtype = np.int64 if kind == "late_code" else dtype
        train[name] = pd.Series(v[:n_train], dtype=train_dtype)
        test[name] = pd.Series(v[n_train:], dtype=dtype, index=test_index)
    return pd.DataFrame(train), pd.DataFrame(test, index=test_index)


def target_for(train, kind="regression", seed=0, labels=(0, 1)):
    """A target for a table: a noisy function of its numeric and text columns.

    Parameters
    ----------
    train : pandas.DataFrame
    kind : {"regression", "classification"}
    seed : int
    labels : pair
        The two class labels of a classification target (both always occur).

    Returns
    -------
    ndarray of shape (len(train),)
    """
    rng = np.random.default_rng(seed)
    score = rng.normal(0, 0.5, len(train))
    for name in train.columns:
        col = train[name]
        if pd.api.types.is_numeric_dtype(col):
            values = col.to_numpy(dtype=float)
            spread = np.nanstd(values) if np.isfinite(values).any() else 0.0
            centred = (values - np.nanmean(values)) / (spread or 1.0)
            score += rng.normal() * np.nan_to_num(centred)
        else:
            codes = pd.factorize(col.astype(object))[0] % 7
            score += rng.normal(0, 0.5) * (codes - 3)
    if kind == "regression":
        return np.round(10 + 3 * score, 6)
    order = np.argsort(np.argsort(score))
    positive = order >= len(score) // 2  # a balanced split: both classes occur
    return np.where(positive, labels[1], labels[0])


# ------------------------------------------------------------------ the references
def as_float64(X):
    """Numbers as float64, whatever their dtype (the contract reads them so)."""
    if isinstance(X, pd.DataFrame):
        return X.astype(np.float64)
    return np.asarray(X, dtype=np.float64)


def preprocessor_variant(
    numeric,
    categorical,
    *,
    impute="median",
    scaler="standard",
    scale_first=False,
    categorical_impute="most_frequent",
    handle_unknown="ignore",
    drop=None,
    remainder="drop",
) -> ColumnTransformer:
    """The contract's preprocessor with one choice changed (a common mistake).

    Parameters
    ----------
    numeric, categorical : sequence of str
        Column names.
    impute : {"median", "mean", None}
        The numeric imputation (None: no imputer).
    scaler : {"standard", "minmax"}
    scale_first : bool
        Scale before imputing.
    categorical_impute : {"most_frequent", "constant", None}
        ``"constant"`` fills ``"missing"``; None leaves missing values to the encoder.
    handle_unknown : str
        Passed to ``OneHotEncoder``.
    drop : None or str
        Passed to ``OneHotEncoder``.
    remainder : {"drop", "passthrough"}

    Returns
    -------
    ColumnTransformer
        Unfitted, with transformers named ``"num"`` and ``"cat"``.
    """
    scale = {"standard": StandardScaler, "minmax": MinMaxScaler}[scaler]()
    num = [("scaler", scale)]
    if impute is not None:
        step = ("imputer", SimpleImputer(strategy=impute))
        num = [*num, step] if scale_first else [step, *num]
    # float32 (and int8, ...) columns are read as float64: SimpleImputer and
    # StandardScaler alone would compute in float32
    cast = FunctionTransformer(as_float64, feature_names_out="one-to-one")
    num.insert(0, ("float64", cast))
    cat = [("onehot", OneHotEncoder(handle_unknown=handle_unknown, drop=drop))]
    if categorical_impute is not None:
        fill = {"fill_value": "missing"} if categorical_impute == "constant" else {}
        cat.insert(0, ("imputer", SimpleImputer(strategy=categorical_impute, **fill)))
    return ColumnTransformer(
        [
            ("num", Pipeline(num), list(numeric)),
            ("cat", Pipeline(cat), list(categorical)),
        ],
        remainder=remainder,
    )


def preprocessor_reference(numeric, categorical) -> ColumnTransformer:
    """The contract's ``build_preprocessor``: an unfitted ``ColumnTransformer``.

    Numeric columns: median imputation, then standard scaling; categorical columns:
    most-frequent imputation, then one-hot encoding that ignores unseen categories;
    other columns dropped. Numeric columns are first cast to float64 (the contract's
    rule for every input: a float32 column is computed in float64). Ties for the most
    frequent value go to the smallest value (``SimpleImputer``'s rule).
    """
    return preprocessor_variant(numeric, categorical)


def pipeline_reference(numeric, categorical, model) -> Pipeline:
    """The contract's ``build_pipeline``: ``preprocess`` then ``model``, unfitted."""
    return Pipeline(
        [("preprocess", preprocessor_reference(numeric, categorical)), ("model", model)]
    )


# -------------------------------------------------------------------- leak detector
class RowLog:
    """The fits recorded by every :class:`RecordingTransformer` sharing it.

    ``fits`` is a list of ``(step, row ids)``. A copy of a log is the log itself, so
    the clones that ``cross_val_score`` and ``GridSearchCV`` make still write here.
    """

    def __init__(self):
        self.fits: list[tuple[str, np.ndarray]] = []
        self.current: np.ndarray | None = None

    def __deepcopy__(self, memo):
        return self

    def __repr__(self):
        return f"RowLog({len(self.fits)} fits)"


def _content_ids(X) -> np.ndarray:
    if hasattr(X, "toarray"):
        X = X.toarray()
    rows = np.asarray(X, dtype=object)
    rows = rows.reshape(len(rows), -1)
    return np.array([hash(tuple(map(str, r))) for r in rows])


def _row_ids(X, log: RowLog) -> np.ndarray:
    """The ids of X's rows: its DataFrame index, else the last index of that length."""
    index = getattr(X, "index", None)
    if index is not None:
        log.current = np.asarray(index)
        return log.current
    n = X.shape[0] if hasattr(X, "shape") else len(X)
    if log.current is not None and len(log.current) == n:
        return log.current
    return _content_ids(X)


def _delegates(name):
    return lambda self: hasattr(self.estimator, name)


class RecordingTransformer(MetaEstimatorMixin, BaseEstimator):
    """Wrap a transformer (or a model) and record which rows it is fitted on.

    It behaves as the estimator it wraps (``fit``, ``transform``, ``predict``,
    ``predict_proba``, ``score``, ... are passed on) and, at every ``fit`` and
    ``fit_transform``, appends ``(name, row ids)`` to ``log``. Rows are identified by
    the index of a pandas input; a step that gets a NumPy array (a scaler after an
    imputer) uses the index of the last DataFrame seen with as many rows, else a
    hash of each row's values.

    Parameters
    ----------
    estimator : estimator
        Any scikit-learn transformer or model (cloned at each fit).
    name : str, optional
        What the step is called in reports; the class name by default.
    log : RowLog, optional
        Where fits are recorded; shared by copies and clones. A new one by default.

    Attributes
    ----------
    estimator_ : estimator
        The fitted clone.
    fitted_rows_ : ndarray
        The ids of the rows of the last fit.

    Examples
    --------
    >>> train, test = sample_frames()
    >>> scaler = RecordingTransformer(StandardScaler(), name="scaler")
    >>> _ = scaler.fit(pd.concat([train, test])[["age"]])  # fitted before the split
    >>> leak_report(scaler, test_rows=test.index)["test rows seen"].tolist()
    [2]
    """

    def __init__(self, estimator, name=None, log=None):
        self.estimator = estimator
        self.name = name
        self.log = log

    @property
    def log_(self) -> RowLog:
        if self.log is None:
            self.log = RowLog()
        return self.log

    def _record(self, X):
        rows = _row_ids(X, self.log_)
        self.log_.fits.append((self.name or type(self.estimator).__name__, rows))
        self.fitted_rows_ = rows

    def fit(self, X, y=None, **params):
        """Record X's rows, then fit a clone of the estimator on them."""
        self._record(X)
        self.estimator_ = clone(self.estimator).fit(X, y, **params)
        return self

    @available_if(_delegates("transform"))
    def fit_transform(self, X, y=None, **params):
        """Record X's rows, then fit a clone and transform X."""
        self._record(X)
        self.estimator_ = clone(self.estimator)
        if hasattr(self.estimator_, "fit_transform"):
            return self.estimator_.fit_transform(X, y, **params)
        return self.estimator_.fit(X, y, **params).transform(X)

    @available_if(_delegates("transform"))
    def transform(self, X):
        return self.estimator_.transform(X)

    @available_if(_delegates("predict"))
    def predict(self, X):
        return self.estimator_.predict(X)

    @available_if(_delegates("predict_proba"))
    def predict_proba(self, X):
        return self.estimator_.predict_proba(X)

    @available_if(_delegates("decision_function"))
    def decision_function(self, X):
        return self.estimator_.decision_function(X)

    @available_if(_delegates("score"))
    def score(self, X, y=None, **params):
        return self.estimator_.score(X, y, **params)

    @available_if(_delegates("get_feature_names_out"))
    def get_feature_names_out(self, input_features=None):
        return self.estimator_.get_feature_names_out(input_features)

    @property
    def classes_(self):
        return self.estimator_.classes_

    def __sklearn_tags__(self):
        return get_tags(self.estimator)


def _wrap(estimator, path: str, log: RowLog):
    if isinstance(estimator, str) or estimator is None:  # "drop", "passthrough"
        return estimator
    if isinstance(estimator, Pipeline):
        estimator = clone(estimator)
        estimator.steps = [
            (name, _wrap(step, f"{path}/{name}", log)) for name, step in estimator.steps
        ]
    elif isinstance(estimator, ColumnTransformer):
        estimator = clone(estimator)
        estimator.transformers = [
            (name, _wrap(step, f"{path}/{name}", log), cols)
            for name, step, cols in estimator.transformers
        ]
    return RecordingTransformer(
        estimator, name=path.strip("/") or type(estimator).__name__, log=log
    )


def spy(estimator) -> RecordingTransformer:
    """A copy of ``estimator`` in which every step records the rows it is fitted on.

    The estimator itself and every step of its pipelines and column transformers,
    at any depth, are wrapped in a :class:`RecordingTransformer` sharing one log, named
    by its path (``"preprocess/num/scaler"``). Use the copy as the original (fit it,
    cross-validate it, tune it), then ask :func:`leak_report` which steps saw test
    rows.

    Parameters
    ----------
    estimator : scikit-learn estimator
        Unfitted (it is cloned).

    Returns
    -------
    RecordingTransformer
    """
    if not hasattr(estimator, "fit"):
        raise TypeError(
            f"estimator must be a scikit-learn estimator, got {estimator!r}"
        )
    return _wrap(estimator, "", RowLog())


def _log_of(spied) -> RowLog:
    if isinstance(spied, RecordingTransformer):
        return spied.log_
    log = getattr(spied, "log", None)
    if isinstance(log, RowLog):
        return log
    if isinstance(spied, RowLog):
        return spied
    raise TypeError(
        f"expected what topic.spy(...) or RecordingTransformer(...) returned, got "
        f"{type(spied).__name__}"
    )


def _test_ids(test_rows) -> np.ndarray:
    if hasattr(test_rows, "index") and hasattr(test_rows, "shape"):  # a DataFrame
        return np.asarray(test_rows.index)
    arr = np.asarray(test_rows)
    return _content_ids(arr) if arr.ndim == 2 else arr


def leak_report(spied, test_rows) -> pd.DataFrame:
    """Which recorded steps were fitted on test rows, and on how many.

    Parameters
    ----------
    spied : RecordingTransformer
        What :func:`spy` returned (after fitting, cross-validating or tuning it), or a
        :class:`RecordingTransformer`.
    test_rows : pandas.Index, array of ids, or DataFrame
        The rows that must never be fitted on (a DataFrame: its index).

    Returns
    -------
    pandas.DataFrame
        One row per step, in the order first fitted: ``fits`` (how often it was
        fitted), ``rows per fit`` (the largest fit), ``test rows seen`` (how many
        distinct test rows were in any of its fits) and ``leaks``.
    """
    log = _log_of(spied)
    test = set(_test_ids(test_rows).tolist())
    steps: dict[str, dict] = {}
    for name, rows in log.fits:
        entry = steps.setdefault(name, {"fits": 0, "rows per fit": 0, "seen": set()})
        entry["fits"] += 1
        entry["rows per fit"] = max(entry["rows per fit"], len(rows))
        entry["seen"] |= test.intersection(rows.tolist())
    table = pd.DataFrame(
        {
            name: {
                "fits": e["fits"],
                "rows per fit": e["rows per fit"],
                "test rows seen": len(e["seen"]),
            }
            for name, e in steps.items()
        }
    ).T
    if table.empty:
        return pd.DataFrame(columns=["fits", "rows per fit", "test rows seen", "leaks"])
    table.index.name = "step"
    table["leaks"] = table["test rows seen"] > 0
    return table


def assert_no_leak(spied, test_rows) -> None:
    """Raise an AssertionError naming every step that was fitted on test rows.

    Parameters are those of :func:`leak_report`.
    """
    table = leak_report(spied, test_rows)
    if not len(table):
        raise AssertionError("nothing was fitted yet: fit or cross-validate it first")
    leaks = table[table["leaks"]]
    if len(leaks):
        lines = [
            f"{step} was fitted on {row['test rows seen']} test rows"
            for step, row in leaks.iterrows()
        ]
        raise AssertionError(
            "; ".join(lines) + ": fit it on the training rows only (inside a Pipeline, "
            "after the split)"
        )
