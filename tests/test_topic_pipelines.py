"""07_pipelines topic: data, references, the checks of the estimators, the leak
detector, the figures and the explorer."""

from __future__ import annotations

import copy
import math
import re
import subprocess
import sys
from collections import Counter

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from pixels import assert_blits_like_a_full_draw
from sklearn.base import BaseEstimator, TransformerMixin, clone, is_classifier
from sklearn.compose import (
    ColumnTransformer,
    make_column_selector,
    make_column_transformer,
)
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

from interview_lab.checking import CheckFailed
from interview_lab.topics import pipelines as topic
from interview_lab.topics.pipelines import checks, core


# --------------------------------------------------- slow references from the definition
def _missing(v) -> bool:
    return v is None or (not isinstance(v, str) and bool(pd.isna(v)))


def slow_preprocess(train, test, numeric, categorical) -> np.ndarray:
    """Median, mean and std by hand, one 0/1 column per training category, in loops."""
    rows = [*train.to_dict("records"), *test.to_dict("records")]
    n_train = len(train)
    columns = []
    for c in numeric:
        known = sorted(float(r[c]) for r in rows[:n_train] if not _missing(r[c]))
        m = len(known)
        median = (known[(m - 1) // 2] + known[m // 2]) / 2
        values = [median if _missing(r[c]) else float(r[c]) for r in rows]
        mean = math.fsum(values[:n_train]) / n_train
        var = math.fsum((v - mean) ** 2 for v in values[:n_train]) / n_train
        std = math.sqrt(var) or 1.0
        columns.append([(v - mean) / std for v in values])
    for c in categorical:
        counts = Counter(r[c] for r in rows[:n_train] if not _missing(r[c]))
        (mode, top), *rest = counts.most_common()
        assert not rest or rest[0][1] < top, "the slow reference needs a unique mode"
        filled = [mode if _missing(r[c]) else r[c] for r in rows]
        for level in sorted(set(filled[:n_train]), key=str):
            columns.append([1.0 if v == level else 0.0 for v in filled])
    return np.array(columns, dtype=float).T.reshape(len(rows), len(columns))


PRE_CASES = list(topic.preprocessor_cases(seed=5))
REFIT_CASES = list(topic.refit_cases(seed=5))


@pytest.mark.parametrize("case", PRE_CASES, ids=[c[-1] for c in PRE_CASES])
def test_preprocessor_reference_matches_the_definition(case):
    numeric, categorical, train, test, _ = case
    seen = checks.observe_preprocessor(
        topic.preprocessor_reference(numeric, categorical), train, test
    )
    assert seen.error is None and not seen.fitted
    slow = slow_preprocess(train, test, numeric, categorical)
    assert seen.output.shape == slow.shape
    missing, _ = checks._match_columns(seen.output.astype(float), slow)
    assert not missing
    # in the reference's own order: numeric columns first, each as computed by hand
    k = len(numeric)
    np.testing.assert_allclose(seen.output[:, :k], slow[:, :k], rtol=1e-9, atol=1e-9)


def test_preprocessor_reference_on_the_sample_by_hand():
    train, test = topic.sample_frames()
    pre = topic.preprocessor_reference(["income"], ["city"]).fit(train)
    out = topic.show_output(pre, test)
    filled = [32000, 41000, 58000, 250000, 41000, 38000]  # the median is 41000
    mean, std = np.mean(filled), np.std(filled)
    assert out.loc[6, "num__income"] == pytest.approx((41000 - mean) / std, abs=1e-3)
    assert (
        out.loc[6, ["cat__city_Lyon", "cat__city_Nice", "cat__city_Paris"]].sum() == 0
    )
    assert list(out.columns) == [
        "num__income",
        "cat__city_Lyon",
        "cat__city_Nice",
        "cat__city_Paris",
    ]


# ------------------------------------------------------------------------- the data
def test_churn_data_is_realistic_seeded_and_copied():
    X, y = topic.churn_data(2000)
    assert X.shape == (2000, 11) and y.shape == (2000,)
    assert set(topic.NUMERIC + topic.CATEGORICAL) < set(X.columns)
    assert 0.25 < y.mean() < 0.5
    assert X["tenure_months"].dtype == np.int64 and X["support_calls"].dtype == np.int64
    assert X["age"].isna().mean() == pytest.approx(0.1, abs=0.03)
    assert X[["tenure_months", "contract", "support_calls"]].notna().all().all()
    assert X["city"].nunique() > 50
    assert X.index[0] == 100_000 and X.index.equals(pd.Index(X["customer_id"]))
    # the retention offer leaks: almost only churners have one
    offer = X["retention_offer"] == "yes"
    assert y[offer].mean() > 0.9 and y[~offer].mean() < 0.2
    X["age"] = 0.0
    again, _ = topic.churn_data(2000)
    assert again["age"].notna().any()
    new, _ = topic.churn_data(500, seed=1, new_category_rate=0.1)
    assert "crypto wallet" in set(new["payment"]) and new.index[0] == 1_100_000
    assert "crypto wallet" not in set(topic.churn_data(500)[0]["payment"])


def test_churn_data_is_the_same_in_a_fresh_process():
    code = (
        "from interview_lab.topics.pipelines import churn_data;"
        "X, y = churn_data(300, seed=4);"
        "print(X['city'].fillna('-').str.cat(), y.sum())"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    }
    X, y = topic.churn_data(300, seed=4)
    assert outs == {f"{X['city'].fillna('-').str.cat()} {y.sum()}\n"}


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"n_samples": 5},
            ValueError,
            "n_samples must be an int from 20 to 200000, got 5",
        ),
        (
            {"missing": 0.7},
            ValueError,
            "missing must be a finite number from 0 to 0.6, got 0.7",
        ),
        ({"leak": 2}, ValueError, "leak must be a finite number from 0 to 1, got 2"),
        ({"seed": -1}, ValueError, "seed must be a non-negative int, got -1"),
        ({"n_samples": "many"}, TypeError, "got 'many'"),
    ],
)
def test_churn_data_validates(kwargs, error, message):
    with pytest.raises(error, match=re.escape(message)):
        topic.churn_data(**kwargs)


def test_frame_case_kinds():
    kinds = {k: k for group in core.KINDS.values() for k in group}
    train, test = topic.frame_case(kinds, 30, 10, seed=3)
    assert list(train.columns) == list(kinds) and test.index.tolist() == list(
        range(30, 40)
    )
    assert train["int"].dtype == np.int64 and train["int_code"].dtype == np.int64
    assert train["int8"].dtype == np.int8 and train["int8"].max() > 100
    assert train["uint8"].dtype == np.uint8 and train["uint8"].min() >= 100
    assert train["float32"].dtype == np.float32 and test["float32"].dtype == np.float32
    assert train["float32"].isna().any()
    assert train["str"].dtype == "str" and train["code"].dtype == float
    # integer codes complete in training, missing at test time: int64, then float64
    assert train["late_code"].dtype == np.int64 and test["late_code"].isna().any()
    assert test["late_code"].dtype == float
    assert train["constant"].dropna().eq(0.1).all()
    assert np.std(train["constant"].fillna(0.1).to_numpy()) > 0  # not exactly 0
    assert train["late_missing"].notna().all() and test["late_missing"].isna().any()
    assert abs(train["offset"].mean() - 1.7e9) < 1e3 and train["tiny"].max() < 1e-7
    assert 100 < train["offset"].std() < 1000  # a small spread on a large offset
    for col in ("str", "code", "int_code", "late_code", "many"):
        assert set(test[col].dropna()) - set(train[col].dropna()), col  # unseen
    for col in core.KINDS["categorical"]:
        counts = train[col].value_counts()
        assert counts.iloc[0] > counts.iloc[1], col  # a unique most frequent value
    assert train.notna().any().all()  # never an all-missing training column
    # numeric test values drift: a scaler fitted on them differs
    assert test["float"].mean() > train["float"].mean() + 5
    obj, _ = topic.frame_case({"s": "str"}, 5, 2, strings="object")
    assert obj["s"].dtype == object


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"columns": {}}, "columns must name at least one column, got none"),
        ({"columns": {"x": "float64"}}, "the kind of column 'x' must be one of"),
        (
            {"columns": {"x": "float"}, "n_train": 1},
            "n_train must be an int >= 2, got 1",
        ),
        ({"columns": {"x": "float"}, "strings": "bytes"}, "got 'bytes'"),
    ],
)
def test_frame_case_validates(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        topic.frame_case(**kwargs)


def test_sample_frames():
    train, test = topic.sample_frames()
    assert train["income"].median() == 41000 and train["income"].mean() > 80000
    assert "Bordeaux" not in set(train["city"]) and test["city"].iloc[0] == "Bordeaux"
    assert train.isna().any().sum() == 4


def test_cases_cover_the_dimensions():
    whys = " ".join(c[-1] for c in PRE_CASES)
    for word in (
        "tuples",
        "integer",
        "1.7e9",
        "1e-9",
        "constant",
        "no categorical",
        "no numeric",
        "duplicated",
        "single test row",
        "three training",
        "object",
        "4000",
        "churn",
        "another order",
        "int8",
        "float32",
        "constant column of 0.1",
        "missing at test time",
        "20,000",
    ):
        assert word in whys, word
    assert any(isinstance(c[0], tuple) for c in PRE_CASES)
    assert any(len(c[2]) >= 20_000 for c in PRE_CASES)
    assert len(REFIT_CASES) == 3
    cases = list(topic.pipeline_cases(seed=5))
    assert {type(c[2]).__name__ for c in cases} >= {
        "Ridge",
        "LogisticRegression",
        "DummyClassifier",
        "DecisionTreeRegressor",
        "RidgeClassifier",
    }
    assert any(set(np.asarray(c[4]).tolist()) == {"stay", "churn"} for c in cases)
    assert all(
        len(set(np.asarray(c[4]).tolist())) == 2 for c in cases if is_classifier(c[2])
    )
    for case in cases:
        assert len(case[4]) == len(case[3]) and len(case[5]) >= 1


def test_target_for_is_balanced_and_seeded():
    train, _ = topic.frame_case({"x": "float", "c": "str"}, 41, 3, seed=1)
    y = topic.target_for(train, "classification", seed=2, labels=("a", "b"))
    assert Counter(y.tolist()) == {"a": 20, "b": 21}
    assert np.array_equal(
        topic.target_for(train, seed=2), topic.target_for(train, seed=2)
    )


# -------------------------------------------------- answers the checks must accept
def _per_column(numeric, categorical):
    steps = [
        (
            f"c{i}",
            Pipeline(
                [
                    ("fill", SimpleImputer(strategy="most_frequent")),
                    (
                        "enc",
                        OneHotEncoder(handle_unknown="infrequent_if_exist", dtype=int),
                    ),
                ]
            ),
            [col],
        )
        for i, col in enumerate(categorical)
    ]
    steps += [
        (
            f"n{i}",
            make_pipeline(SimpleImputer(strategy="median"), StandardScaler()),
            [col],
        )
        for i, col in enumerate(reversed(list(numeric)))
    ]
    return ColumnTransformer(steps, sparse_threshold=0.0)


def _make(numeric, categorical):
    return make_column_transformer(
        (make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        (
            make_pipeline(
                SimpleImputer(strategy="most_frequent"),
                OneHotEncoder(handle_unknown="ignore", sparse_output=False),
            ),
            categorical,
        ),
    )


class _PandasNumbers(BaseEstimator, TransformerMixin):
    def fit(self, X, y=None):
        X = pd.DataFrame(X).astype(float)
        self.median_ = X.median()
        filled = X.fillna(self.median_)
        self.mean_, std = filled.mean(), filled.std(ddof=0)
        self.std_ = std.mask(filled.nunique() <= 1, 1.0)  # constant: not std > 0
        return self

    def transform(self, X):
        X = pd.DataFrame(X).astype(float).fillna(self.median_)
        return ((X - self.mean_) / self.std_).to_numpy()


def _pandas(numeric, categorical):
    cat = make_pipeline(
        SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")
    )
    return ColumnTransformer(
        [("n", _PandasNumbers(), list(numeric)), ("c", cat, list(categorical))]
    )


def _rounded(numeric, categorical):
    """Standardised values rounded to 8 decimals: within the contract's 1e-8."""
    pre = _make(numeric, categorical)
    rounding = FunctionTransformer(
        np.round, kw_args={"decimals": 8}, feature_names_out="one-to-one"
    )
    pre.transformers[0][1].steps.append(("round", rounding))
    return pre


@pytest.mark.parametrize("build", [_per_column, _make, _pandas, _rounded])
def test_check_preprocessor_accepts_other_correct_answers(build):
    check = topic.checker("build_preprocessor", build)
    for numeric, categorical, train, test, why in PRE_CASES:
        topic.check_preprocessor(check, numeric, categorical, train, test, why=why)
    for numeric, categorical, first, train, test, why in REFIT_CASES:
        topic.check_preprocessor(
            check, numeric, categorical, train, test, why=why, first=first
        )
    assert check.count == len(PRE_CASES) + 2 * len(REFIT_CASES)


# ----------------------------------------------------- and the mistakes they catch
def _variant(**choice):
    return lambda numeric, categorical: core.preprocessor_variant(
        numeric, categorical, **choice
    )


def _first_failure(build, cases=PRE_CASES):
    check = topic.checker("build_preprocessor", build)
    for numeric, categorical, train, test, why in cases:
        try:
            topic.check_preprocessor(check, numeric, categorical, train, test, why=why)
        except CheckFailed as failure:
            return str(failure)
    return None


def _hint_of(fragment):
    (mistake,) = [
        m for m in topic.EXERCISES["build_preprocessor"].mistakes if fragment in m.hint
    ][:1]
    return mistake.hint


@pytest.mark.parametrize(
    ("build", "hint", "problem"),
    [
        (_variant(impute="mean"), "imputed with the mean", "no column of the output"),
        (_variant(scale_first=True), "wrong order", "'num__age'"),
        (_variant(scaler="minmax"), "min-max", "expected -1.28538, got 0"),
        (_variant(impute=None), "as NaN", "no column"),
        (_variant(handle_unknown="error"), "makes the encoder raise", "Bordeaux"),
        (
            _variant(categorical_impute="constant"),
            "of their own",
            "10 columns, expected 8",
        ),
        (_variant(categorical_impute=None), "of their own", "10 columns, expected 8"),
        (_variant(drop="first"), "one column per category", "6 columns, expected 8"),
        (_variant(remainder="passthrough"), "neither numeric", "9 columns, expected 8"),
        (
            lambda n, c: core.preprocessor_reference(n, c).fit(
                checks._sample_for(n, c)
            ),
            "unfitted",
            "already fitted",
        ),
    ],
)
def test_check_preprocessor_names_each_mistake(build, hint, problem):
    text = _first_failure(build)
    assert text is not None and problem in text, text
    assert text.endswith("  hint:     " + _hint_of(hint)), text
    assert "case:     the sample tables" in text


def test_check_preprocessor_catches_if_binary_only_where_a_column_is_binary():
    text = _first_failure(_variant(drop="if_binary"))
    assert "yes/no" in text and text.endswith(_hint_of("one column per category"))
    visible = [c for c in PRE_CASES if c[-1] == "the sample tables"]
    assert _first_failure(_variant(drop="if_binary"), visible) is None


def test_check_preprocessor_catches_sample_std_and_dtype_selection():
    class SampleStd(_PandasNumbers):
        def fit(self, X, y=None):
            super().fit(X)
            self.std_ = (
                pd.DataFrame(X).astype(float).fillna(self.median_).std()
            )  # ddof=1
            return self

    def ddof1(numeric, categorical):
        pre = _pandas(numeric, categorical)
        pre.transformers[0] = ("n", SampleStd(), list(numeric))
        return pre

    assert "no column of the output equals the expected column" in _first_failure(ddof1)

    def by_dtype(numeric, categorical):
        return make_column_transformer(
            (
                make_pipeline(SimpleImputer(strategy="median"), StandardScaler()),
                make_column_selector(dtype_include="number"),
            ),
            (
                make_pipeline(
                    SimpleImputer(strategy="most_frequent"),
                    OneHotEncoder(handle_unknown="ignore"),
                ),
                make_column_selector(dtype_exclude="number"),
            ),
        )

    assert "columns, expected 8" in _first_failure(by_dtype)  # the id is kept


def _with_numbers(numbers):
    """_pandas with another hand-written numeric step."""

    def build(numeric, categorical):
        pre = _pandas(numeric, categorical)
        pre.transformers[0] = ("n", numbers(), list(numeric))
        return pre

    return build


def _cases_about(*words):
    return [c for c in PRE_CASES if any(w in c[-1] for w in words)]


def test_check_preprocessor_catches_one_pass_variance_and_an_exact_zero_guard():
    class OnePass(_PandasNumbers):  # E[x^2] - E[x]^2, in the column's own dtype
        def fit(self, X, y=None):
            X = pd.DataFrame(X)
            self.median_ = X.median()
            filled = X.fillna(self.median_)
            self.mean_ = filled.mean()
            var = (filled**2).mean() - self.mean_**2
            std = np.sqrt(var.clip(lower=0))
            self.std_ = std.where(std > 0, 1.0)
            return self

    text = _first_failure(_with_numbers(OnePass), _cases_about("spread of minutes"))
    assert "'num__ts'" in text, text
    text = _first_failure(_with_numbers(OnePass), _cases_about("int8 and uint8"))
    assert "'num__small'" in text, text  # x * x overflows int8

    class ExactGuard(_PandasNumbers):  # std == 0 -> 1: misses 0.1's rounding
        def fit(self, X, y=None):
            super().fit(X)
            std = pd.DataFrame(X).astype(float).fillna(self.median_).std(ddof=0)
            self.std_ = std.where(std != 0, 1.0)
            return self

    text = _first_failure(_with_numbers(ExactGuard))
    assert "case:     a constant column of 0.1" in text, text
    assert "'num__k'" in text and "got -1" in text, text


def _categories_with(step):
    def build(numeric, categorical):
        pre = _make(numeric, categorical)
        pre.transformers[1][1].steps.insert(1, ("extra", step()))
        return pre

    return build


def test_check_preprocessor_catches_string_casts_of_integer_codes():
    def as_str():
        return FunctionTransformer(lambda X: X.astype(str))

    text = _first_failure(_categories_with(as_str))
    assert "case:     integer codes complete in training" in text, text
    assert "'cat__code_3'" in text, text


def _refit_failure(build, cases=REFIT_CASES):
    check = topic.checker("build_preprocessor", build)
    for numeric, categorical, first, train, test, why in cases:
        try:
            topic.check_preprocessor(
                check, numeric, categorical, train, test, why=why, first=first
            )
        except CheckFailed as failure:
            return str(failure)
    return None


def test_check_preprocessor_catches_state_kept_across_fits():
    def first_call_mode(numeric, categorical):
        modes = {}  # shared by every copy and clone of the FunctionTransformer

        def fill(X):
            X = pd.DataFrame(X).astype(object)
            if not modes:
                modes.update({c: X[c].value_counts().index[0] for c in X.columns})
            return X.fillna(modes)

        pre = _make(numeric, categorical)
        pre.transformers[1][1].steps[0] = ("fill", FunctionTransformer(fill))
        return pre

    assert _first_failure(first_call_mode) is None  # a single fit is right
    text = _refit_failure(first_call_mode)
    assert "fitted on another table, then refitted" in text, text
    assert "no column of the output equals the expected column 'cat__" in text, text

    class FitOnce(_PandasNumbers):  # keeps what the first fit learned
        learned = {}

        def fit(self, X, y=None):
            if id(self.learned) not in FitOnce.seen:
                FitOnce.seen.add(id(self.learned))
                super().fit(X)
                self.learned.update(vars(self))
            vars(self).update(self.learned)
            return self

    def clone_keeps(numeric, categorical):
        FitOnce.learned, FitOnce.seen = {}, set()
        return _with_numbers(FitOnce)(numeric, categorical)

    text = _refit_failure(clone_keeps)
    assert "'num__age'" in text, text


def test_check_preprocessor_catches_a_subsampled_median():
    class SampledMedian(_PandasNumbers):
        def fit(self, X, y=None):
            super().fit(X)
            X = pd.DataFrame(X).astype(float)
            sample = X.sample(min(len(X), 5000), random_state=0)
            self.median_ = sample.median()
            filled = X.fillna(self.median_)
            self.mean_ = filled.mean()
            self.std_ = filled.std(ddof=0).where(filled.nunique() > 1, 1.0)
            return self

    text = _first_failure(_with_numbers(SampledMedian))
    assert "case:     20,000 training rows" in text, text


def test_check_preprocessor_tolerance_and_digits():
    def off_by(delta):
        def build(numeric, categorical):
            pre = _make(numeric, categorical)
            shift = FunctionTransformer(
                lambda X: np.asarray(X) + delta, feature_names_out="one-to-one"
            )
            pre.transformers[0][1].steps.append(("shift", shift))
            return pre

        return build

    cases = PRE_CASES[:1]
    assert _first_failure(off_by(6e-9), cases) is None  # inside 1e-8
    text = _first_failure(off_by(3e-8), cases)
    # the 6-digit forms are the same: every digit is shown
    assert re.search(r"expected -1\.285\d{6,}, got -1\.285\d{6,}", text), text
    assert checks._pair(1.5, 2.0) == "expected 1.5, got 2"
    # a float32 column: float32 results (scikit-learn's own) pass, 1e-5 does not
    float32 = _cases_about("float32")
    assert float32 and _first_failure(_make, float32) is None
    assert "'num__f'" in _first_failure(off_by(1e-5), float32)


def test_reference_computes_float32_columns_in_float64():
    (case,) = _cases_about("float32")
    numeric, categorical, train, test, _ = case
    out = topic.preprocessor_reference(numeric, categorical).fit(train).transform(test)
    as64 = train.astype({"f": float}), test.astype({"f": float})
    exp = topic.preprocessor_reference(numeric, categorical).fit(as64[0])
    np.testing.assert_array_equal(_dense(out), _dense(exp.transform(as64[1])))


def _dense(out):
    return out.toarray() if hasattr(out, "toarray") else np.asarray(out)


def test_check_preprocessor_type_and_returned_values():
    text = _first_failure(lambda n, c: make_pipeline(_make(n, c)))
    assert "should return a ColumnTransformer (sklearn.compose), got a Pipeline" in text
    text = _first_failure(lambda n, c: None)
    assert "got a NoneType" in text
    text = _first_failure(lambda n, c: 1 / 0)
    assert "raised ZeroDivisionError" in text


def test_match_columns_handles_permutations_and_duplicates():
    exp = np.array([[1.0, 1.0, 0.0], [2.0, 2.0, 1.0]])
    assert checks._match_columns(exp[:, [2, 0, 1]], exp) == ([], [])
    got = np.array([[1.0, 0.0, 0.0], [2.0, 1.0, 1.0]])  # one copy of the duplicate
    missing, free = checks._match_columns(got, exp)
    assert len(missing) == 1 and missing[0] in (0, 1) and len(free) == 1
    nan = np.array([[np.nan], [1.0]])
    assert checks._match_columns(nan, nan) == ([], [])
    assert checks._match_columns(exp + 1e-9, exp) == ([], [])
    assert checks._match_columns(exp + 1e-4, exp)[0] == [0, 1, 2]


def test_output_difference_reports_text_output():
    got = checks._Seen(
        "X", True, False, False, output=np.array([["a", 1.0]], dtype=object)
    )
    exp = checks._Seen("X", True, False, False, output=np.array([[0.0, 1.0]]))
    assert "not numbers, such as 'a'" in checks._output_difference(got, exp, "it")


# ------------------------------------------------------------------ build_pipeline
PIPE_CASES = list(topic.pipeline_cases(seed=6))


def _pipeline_failure(build, cases=PIPE_CASES):
    check = topic.checker("build_pipeline", build)
    for numeric, categorical, model, train, y, test, why in cases:
        try:
            topic.check_pipeline(
                check, numeric, categorical, model, train, y, test, why
            )
        except CheckFailed as failure:
            return str(failure)
    return None


@pytest.mark.parametrize(
    "build",
    [
        topic.pipeline_reference,
        lambda n, c, m: Pipeline(
            [("preprocess", _per_column(n, c)), ("model", clone(m))]
        ),
        lambda n, c, m: Pipeline(
            steps=[("preprocess", _pandas(n, c)), ("model", copy.deepcopy(m))]
        ),
    ],
)
def test_check_pipeline_accepts_correct_answers(build):
    assert _pipeline_failure(build) is None


def _pipe_hint(fragment):
    (hint,) = [
        m.hint for m in topic.EXERCISES["build_pipeline"].mistakes if fragment in m.hint
    ]
    return hint


@pytest.mark.parametrize(
    ("build", "hint", "problem"),
    [
        (
            lambda n, c, m: make_pipeline(topic.preprocessor_reference(n, c), m),
            "make_pipeline",
            "steps are named ['columntransformer', 'ridge']",
        ),
        (checks._fitted_pipeline, "unfitted", "already fitted"),
        (
            lambda n, c, m: topic.pipeline_reference(
                n, c, LogisticRegression(max_iter=1000)
            ),
            "not a model of your choice",
            "the 'model' step is LogisticRegression(max_iter=1000)",
        ),
        (
            lambda n, c, m: Pipeline(
                [("preprocess", _variant(impute=None)(n, c)), ("model", m)]
            ),
            "missing values reach the model",
            "fit(train, y) raised ValueError: Input X contains NaN",
        ),
    ],
)
def test_check_pipeline_names_each_mistake(build, hint, problem):
    text = _pipeline_failure(build)
    assert problem in text, text
    assert text.endswith("  hint:     " + _pipe_hint(hint)), text


def test_check_pipeline_catches_model_parameters_and_a_wrong_preprocessor():
    def refit_params(n, c, m):
        params = m.get_params()
        other = {key: 7.0 for key in ("C", "alpha") if key in params}
        return topic.pipeline_reference(n, c, clone(m).set_params(**other))

    text = _pipeline_failure(refit_params)
    assert "but the model passed in has alpha=1.0" in text
    text = _pipeline_failure(
        lambda n, c, m: Pipeline(
            [("preprocess", _variant(impute="mean")(n, c)), ("model", m)]
        )
    )
    assert "the 'preprocess' step's output" in text
    text = _pipeline_failure(
        lambda n, c, m: Pipeline([("preprocess", StandardScaler()), ("model", m)])
    )
    assert (
        "should be the ColumnTransformer of build_preprocessor, got a StandardScaler"
        in text
    )


def test_check_pipeline_catches_per_model_preprocessing_and_wrapped_models():
    from sklearn.calibration import CalibratedClassifierCV

    def no_scaling_for_trees(n, c, m):
        pre = topic.preprocessor_reference(n, c)
        if type(m).__module__.startswith(("sklearn.tree", "sklearn.ensemble")):
            pre.transformers[0][1].steps.pop()  # the scaler
        return Pipeline([("preprocess", pre), ("model", m)])

    text = _pipeline_failure(no_scaling_for_trees)
    assert "case:     a decision tree" in text, text
    assert "no column of the 'preprocess' step's output" in text, text
    assert text.endswith(_pipe_hint("whatever the model")), text

    def calibrated(n, c, m):
        if is_classifier(m) and not hasattr(m, "predict_proba"):
            m = CalibratedClassifierCV(m)
        return topic.pipeline_reference(n, c, m)

    text = _pipeline_failure(calibrated)
    assert "the 'model' step is CalibratedClassifierCV(" in text, text
    assert text.endswith(_pipe_hint("do not wrap it")), text


def test_prediction_difference_skips_near_ties_and_reports_labels():
    exp = checks._Seen(
        "P",
        False,
        True,
        False,
        pred=np.array(["a", "b"]),
        proba=np.array([[0.5, 0.5], [0.9, 0.1]]),
    )
    got = checks._Seen(
        "P",
        False,
        True,
        False,
        pred=np.array(["b", "b"]),
        proba=np.array([[0.5, 0.5], [0.9, 0.1]]),
    )
    assert checks._prediction_difference(got, exp) is None  # row 0 is a tie
    got.pred = np.array(["a", "a"])
    assert "test row 1: expected 'b', got 'a'" in checks._prediction_difference(
        got, exp
    )
    exp = checks._Seen("P", False, True, False, pred=np.array([1.0, 2.0]))
    got = checks._Seen("P", False, True, False, pred=np.array([1.0, 2.001]))
    assert "expected 2, got 2.001" in checks._prediction_difference(got, exp)
    # no predict_proba: a decision function near 0 is a near-tie
    exp = checks._Seen(
        "P", False, True, False, pred=np.array([0, 1]), decision=np.array([1e-9, 2.0])
    )
    got = checks._Seen("P", False, True, False, pred=np.array([1, 1]))
    assert checks._prediction_difference(got, exp) is None
    got.pred = np.array([1, 0])
    assert "test row 1" in checks._prediction_difference(got, exp)


def test_checks_leave_the_learners_objects_and_inputs_alone():
    train, test = topic.sample_frames()
    before = train.copy()
    pre = topic.preprocessor_reference(["age"], ["city"])
    checks.observe_preprocessor(pre, train, test)
    assert not checks._is_fitted(pre)
    pd.testing.assert_frame_equal(train, before)


def test_equal_on_the_probe_tables():
    assert (
        checks._equal_preprocessor(
            _make(["age"], ["city"]), topic.preprocessor_reference(["age"], ["city"])
        )
        is None
    )
    assert "already fitted" in checks._equal_pipeline(
        checks._fitted_pipeline(["age"], ["city"], Ridge()),
        topic.pipeline_reference(["age"], ["city"], Ridge()),
    )


# ------------------------------------------------------------------ leak detector
@pytest.fixture(scope="module")
def split():
    X, y = topic.churn_data(600, seed=2)
    return X.iloc[:450], X.iloc[450:], y.iloc[:450], y.iloc[450:], X


def test_spy_sees_preprocessing_before_the_split(split):
    X_train, X_test, _, _, X = split
    spied = topic.spy(topic.preprocessor_reference(topic.NUMERIC, topic.CATEGORICAL))
    spied.fit(X)
    report = topic.leak_report(spied, X_test.index)
    assert list(report.index) == [
        "ColumnTransformer",
        "num",
        "num/float64",
        "num/imputer",
        "num/scaler",
        "cat",
        "cat/imputer",
        "cat/onehot",
    ]
    assert (report["test rows seen"] == 150).all() and report["leaks"].all()
    with pytest.raises(AssertionError, match="num/scaler was fitted on 150 test rows"):
        topic.assert_no_leak(spied, X_test)


def test_spy_in_cross_validation_and_grid_search_sees_no_test_row(split):
    X_train, X_test, y_train, _, _ = split
    model = topic.pipeline_reference(
        topic.NUMERIC, topic.CATEGORICAL, LogisticRegression()
    )
    spied = topic.spy(model)
    assert is_classifier(spied) and not hasattr(spied, "transform")
    cv = StratifiedKFold(3, shuffle=True, random_state=0)
    scores = cross_val_score(spied, X_train, y_train, cv=cv, scoring="roc_auc")
    assert np.allclose(
        scores, cross_val_score(model, X_train, y_train, cv=cv, scoring="roc_auc")
    )
    report = topic.leak_report(spied, X_test.index)
    assert (
        report.loc["model", "fits"] == 3 and report.loc["model", "rows per fit"] == 300
    )
    assert report.loc["preprocess/num/scaler", "rows per fit"] == 300  # ndarray input
    topic.assert_no_leak(spied, X_test.index)
    grid = {"estimator__model__estimator__C": [0.1, 1.0]}
    GridSearchCV(topic.spy(model), grid, cv=cv).fit(X_train, y_train)
    fitted = topic.spy(model).fit(X_train, y_train)
    assert fitted.classes_.tolist() == [0, 1]
    proba = fitted.predict_proba(X_test)
    assert np.allclose(proba, clone(model).fit(X_train, y_train).predict_proba(X_test))
    assert fitted.score(X_test, split[3]) > 0.5


def test_recording_transformer_alone_and_its_errors(split):
    _, X_test, _, _, X = split
    scaler = topic.RecordingTransformer(StandardScaler(), name="scaler")
    out = scaler.fit_transform(X[["age"]])
    assert out.shape == (600, 1) and scaler.fitted_rows_.shape == (600,)
    assert scaler.get_feature_names_out().tolist() == ["age"]
    arr = topic.RecordingTransformer(StandardScaler()).fit(np.eye(3))
    assert len(set(arr.fitted_rows_.tolist())) == 3  # rows by content
    assert topic.leak_report(arr, np.eye(3)[:1])["test rows seen"].tolist() == [1]
    empty = topic.RecordingTransformer(StandardScaler())
    assert topic.leak_report(empty, X_test.index).empty
    with pytest.raises(AssertionError, match="nothing was fitted yet"):
        topic.assert_no_leak(empty, X_test.index)
    with pytest.raises(TypeError, match="got StandardScaler"):
        topic.leak_report(StandardScaler(), X_test.index)
    with pytest.raises(TypeError, match="must be a scikit-learn estimator, got 3"):
        topic.spy(3)


# ------------------------------------------------------------------------- figures
def test_describe_columns_lists_unseen_categories():
    train, test = topic.sample_frames()
    table = topic.describe_columns(train, test)
    assert table.loc["city", "unseen in test"] == "Bordeaux"
    assert table.loc["income", "missing in train"] == pytest.approx(1 / 6, abs=1e-3)
    with pytest.raises(ValueError, match="the same columns"):
        topic.describe_columns(train, test.drop(columns="age"))


def test_imputation_figure_marks_mean_and_median():
    train, _ = topic.sample_frames()
    fig = topic.imputation_figure(train, column="income")
    lines = fig.axes[0].get_lines()
    assert [ln.get_xdata()[0] for ln in lines] == pytest.approx([83800, 41000])
    plt.close(fig)
    with pytest.raises(ValueError, match="got 1"):
        topic.imputation_figure([1.0, np.nan])


@pytest.mark.parametrize("leak", list(topic.LEAKS))
def test_leak_curves_show_each_leak(leak):
    table = topic.leak_curves(leak)
    assert table.shape == (6, 4) and table.index.tolist() == list(topic.LEAKS[leak][2])
    gap = table["leaky estimate"] - table["leaky truth"]
    honest = (table["honest estimate"] - table["honest truth"]).abs()
    if leak == "preprocess":  # the same models: no measurable leak
        for what in ("estimate", "truth"):
            diff = table[f"leaky {what}"] - table[f"honest {what}"]
            assert diff.abs().max() < 0.005
    else:
        assert gap.iloc[-1] > 0.03 and gap.iloc[-1] > 2 * honest.iloc[-1]
    if leak == "target":
        assert gap.iloc[0] < 0.02 and gap.iloc[4] > 0.1
    if leak == "select":
        assert gap.iloc[-1] > 0.1
    with pytest.raises(ValueError, match=re.escape("got 'scaling'")):
        topic.leak_curves("scaling")


def test_the_honest_side_of_the_target_leak_is_the_same_at_every_size():
    """Fitted once, it is what a pipeline fitted at each size gets."""
    from interview_lab.topics.pipelines import figures

    table = topic.leak_curves("target")
    for share in topic.LEAKS["target"][2]:
        X, y = topic.churn_data(1600, leak=share, seed=0)
        X_tr, X_te, y_tr, y_te = figures._split(X, y, 0.5, 0)
        X_new, y_new = topic.churn_data(1500, leak=share, seed=1)
        honest = topic.pipeline_reference(
            figures.NUMERIC, figures.CATEGORICAL, figures._model()
        ).fit(X_tr, y_tr)
        assert table.loc[share, "honest estimate"] == figures._auc(honest, X_te, y_te)
        assert table.loc[share, "honest truth"] == figures._auc(honest, X_new, y_new)


def test_leak_explorer_updates_and_redraws():
    explorer = topic.LeakExplorer("target", size=0)
    first = explorer._repr_png_()
    numbers = explorer.update(4)
    table = topic.leak_curves("target")
    assert numbers["value"] == 0.8
    assert numbers["leaky estimate"] == pytest.approx(table.iloc[4]["leaky estimate"])
    assert numbers["gap"] > 0.1
    assert explorer.marker.get_xdata()[0] == 4
    assert explorer.bars[0].get_height() == pytest.approx(numbers["leaky estimate"])
    assert "gap +" in explorer.ax_bars.get_title()
    assert explorer._repr_png_() != first
    explorer.set_leak("tuning")
    assert explorer.ax.get_xlabel() == "settings compared on the test set"
    assert explorer.lines["honest truth"].get_ydata().tolist() == pytest.approx(
        topic.leak_curves("tuning")["honest truth"].tolist()
    )
    with pytest.raises(ValueError, match=re.escape("from 0 to 5, got 6")):
        explorer.update(6)


def test_leak_explorer_widget():
    box = topic.leak_explorer()
    before = box.children[1].value
    box.size.value = 1
    assert box.explorer.size == 1 and box.children[1].value != before
    before = box.children[1].value
    box.leak.value = "select"
    assert box.explorer.leak == "select" and box.children[1].value != before
    fresh = topic.leak_explorer()
    assert assert_blits_like_a_full_draw(fresh) == 4  # the sizes; a leak redraws
    assert fresh.image.full_draws == 1 + 4  # select, target, tuning, preprocess


def test_exercises_are_declared_once():
    assert list(topic.EXERCISES) == ["build_preprocessor", "build_pipeline"]
    assert all(not e.show_values for e in topic.EXERCISES.values())
