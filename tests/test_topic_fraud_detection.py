"""08_fraud_detection topic module: references, checks, cases, data, figures, explorer."""

from __future__ import annotations

import math
import re
from fractions import Fraction

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from pixels import assert_blits_like_a_full_draw
from sklearn.metrics import confusion_matrix

from interview_lab.checking import CheckFailed
from interview_lab.topics import fraud_detection as topic
from interview_lab.topics.fraud_detection import checks, core

SPLIT_CASES = list(topic.split_cases(seed=3, n_random=30))
COST_CASES = list(topic.cost_cases(seed=3, n_random=30))
THRESHOLD_CASES = list(topic.threshold_cases(seed=3, n_random=30))
EXTREME_CASES = list(topic.extreme_threshold_cases(seed=3))


# --------------------------------------------------- slow references from the definition
def split_slow(df, time_col, test_fraction):
    """Row ids of test, by brute force: the k latest (time, position) pairs."""
    k = math.ceil(test_fraction * len(df))
    pairs = sorted(
        zip(df[time_col].tolist(), range(len(df)), strict=True), key=lambda p: p[0]
    )
    test = {p[1] for p in pairs[len(df) - k :]}
    return sorted(set(range(len(df))) - test), sorted(test)


def cost_slow(y_true, y_pred, cost_fp, cost_fn):
    """Exact cost with fractions, one row at a time."""
    total = Fraction(0)
    for a, b in zip(
        np.asarray(y_true).tolist(), np.asarray(y_pred).tolist(), strict=True
    ):
        if a == 0 and b == 1:
            total += Fraction(float(cost_fp))  # every cost read as float64
        elif a == 1 and b == 0:
            total += Fraction(float(cost_fn))
    return total


def threshold_slow(y_true, scores, cost_fp, cost_fn):
    y = [int(v) for v in np.asarray(y_true).tolist()]
    s = [float(v) for v in np.asarray(scores, dtype=float).tolist()]
    best = {}
    for t in set(s):
        pred = [1 if v >= t else 0 for v in s]
        best[t] = cost_slow(y, pred, cost_fp, cost_fn)
    least = min(best.values())
    return max(t for t, c in best.items() if c == least)


# --------------------------------------------------------------------- time split
@pytest.mark.parametrize("case", SPLIT_CASES, ids=lambda c: str(c[3])[:40])
def test_time_split_reference_matches_the_definition(case):
    df, time_col, f, _ = case
    train, test = topic.time_split_reference(df, time_col, f)
    _, slow_test = split_slow(df, time_col, f)
    assert len(test) == len(slow_test) == math.ceil(f * len(df))
    assert len(train) + len(test) == len(df)
    rows = checks._rows  # rows as values, counted (two cases have identical rows)
    columns = list(df.columns)
    assert rows(test, columns) == rows(df.iloc[slow_test], columns)
    assert rows(train, columns) + rows(test, columns) == rows(df, columns)
    if len(train) and len(test):
        assert train[time_col].max() <= test[time_col].min()
    assert (
        topic.split_problem((train, test), topic.time_split_reference(df, time_col, f))
        is None
    )


def test_split_cases_cover_what_they_say():
    kinds = {str(df[t].dtype)[:8] for df, t, _, _ in SPLIT_CASES}
    assert {"int64", "float64", "datetime"} <= kinds
    assert all(topic.clear_fraction(len(df), f) for df, _, f, _ in SPLIT_CASES)
    assert any(len(df) == 1 for df, *_ in SPLIT_CASES)
    assert any(len(df) >= 20_000 for df, *_ in SPLIT_CASES)
    assert any(not isinstance(df.index, pd.RangeIndex) for df, *_ in SPLIT_CASES)
    assert any(t != "time" and list(df.columns)[-1] == t for df, t, *_ in SPLIT_CASES)
    assert any(not df[t].is_monotonic_increasing for df, t, *_ in SPLIT_CASES)
    # ties across the boundary, and products that are whole numbers
    assert any(
        (k := math.ceil(f * len(df))) < len(df)
        and np.sort(df[t].to_numpy())[len(df) - k - 1]
        == np.sort(df[t].to_numpy())[len(df) - k]
        for df, t, f, _ in SPLIT_CASES
    )
    assert any(f * len(df) == int(f * len(df)) for df, _, f, _ in SPLIT_CASES)


def test_clear_fraction_screens_float_rounding():
    assert 0.07 * 100 == 7.000000000000001
    assert not topic.clear_fraction(100, 0.07)
    assert core.n_test_rows(100, 0.07) == 8  # as the contract writes it
    assert (1 - 0.8) * 5 == 0.9999999999999998  # n - floor((1 - f) n) gives 5, not 4
    assert not topic.clear_fraction(5, 0.8)
    assert topic.clear_fraction(8, 0.25) and topic.clear_fraction(10, 0.3)


def test_split_frame_shape_and_options():
    df = topic.split_frame([3, 1, 2], time_col="ts", index=["a", "b", "c"], front=False)
    assert list(df.columns) == ["txn_id", "amount", "card", "ts"]
    assert list(df.index) == ["a", "b", "c"]
    assert df["txn_id"].tolist() == [0, 1, 2]


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        (([1, 2], "time", 0.5), TypeError, "df must be a pandas DataFrame, got list"),
        ((pd.DataFrame({"t": [1]}), "time", 0.5), ValueError, "got 'time'"),
        ((pd.DataFrame({"t": [1]}), "t", 1.5), ValueError, "got 1.5"),
        ((pd.DataFrame({"t": [1]}), "t", 0), ValueError, "got 0"),
    ],
)
def test_time_split_reference_validates(args, error, message):
    with pytest.raises(error, match=re.escape(message)):
        topic.time_split_reference(*args)


# ---------------------------------------------------------------- split_problem
DF = topic.split_frame([5, 1, 4, 2, 3, 9, 7, 8, 6, 0], index=list("jihgfedcba"))
REF = topic.time_split_reference(DF, "time", 0.3)


def test_split_problem_accepts_every_correct_form():
    train, test = REF
    assert topic.split_problem((train, test), REF) is None
    assert topic.split_problem([train[::-1], test[::-1]], REF) is None  # any order
    reset = (train.reset_index(drop=True), test.reset_index(drop=True))
    assert topic.split_problem(reset, REF) is None  # any index
    cols = list(reversed(DF.columns))
    assert topic.split_problem((train[cols], test[cols]), REF) is None  # column order
    ties = topic.split_frame([1, 2, 2, 2, 3])
    ref = topic.time_split_reference(ties, "time", 0.4)
    other = (ties.iloc[[0, 2, 3]], ties.iloc[[1, 4]])  # the other tied row in test
    assert topic.split_problem(other, ref) is None


@pytest.mark.parametrize(
    ("got", "message"),
    [
        (
            REF[0],
            "should return a tuple (train, test) of two DataFrames, got DataFrame",
        ),
        ((REF[0],), "should return two DataFrames (train, test), got 1 values"),
        ((REF[0], REF[1]["time"]), "test should be a DataFrame, got Series"),
        ((REF[0], REF[1].assign(rank=1)), "test has the columns"),
        ((REF[1], REF[0]), "test has 7 rows; expected 3 of the 10 rows"),
        ((REF[0].iloc[1:], pd.concat([REF[1], REF[0].iloc[:1]])), "test has 4 rows"),
        ((REF[0].iloc[1:], REF[1]), "train has 6 rows; expected the other 7"),
        (
            (pd.concat([REF[0].iloc[1:], REF[1].iloc[:1]]), REF[1]),
            "is in both train and test",
        ),
        ((REF[0], REF[1].assign(amount=0.0)), "is in neither train nor test"),
        (
            (pd.concat([REF[0].iloc[3:], REF[1]]), REF[0].iloc[:3]),
            "a train row has time = 9, later than the earliest test row (0)",
        ),
    ],
)
def test_split_problem_names_what_is_wrong(got, message):
    problem = topic.split_problem(got, REF)
    assert problem is not None and message in problem


def test_split_problem_compares_rows_of_a_plain_tuple():
    train, test = REF
    assert topic.split_problem((train, test), (train, test)) is None
    swap = (
        pd.concat([train.iloc[1:], test.iloc[:1]]),
        pd.concat([test.iloc[1:], train.iloc[:1]]),
    )
    assert (
        topic.split_problem(swap, (train, test))
        == "test holds other rows than expected"
    )


def test_split_deep_copies_keep_the_time_column():
    import copy

    again = copy.deepcopy(REF)
    assert again.time_col == "time" and again[0].equals(REF[0])


# ---------------------------------------------------- checks on learner-like answers
def split_sorted(df, time_col, test_fraction):
    k = math.ceil(test_fraction * len(df))
    ordered = df.sort_values(time_col)
    return ordered.iloc[: len(df) - k], ordered.iloc[len(df) - k :]


def split_nlargest(df, time_col, test_fraction):
    k = math.ceil(test_fraction * len(df))
    frame = df.reset_index(drop=True)  # duplicate labels would drop too many rows
    test = frame.nlargest(k, time_col, keep="first")
    return frame.drop(test.index), test


def split_numpy(df, time_col, test_fraction):
    n = len(df)
    n_train = int(n * (1 - test_fraction))  # another correct way, on clear fractions
    order = np.argsort(df[time_col].to_numpy(), kind="stable")
    return (
        df.iloc[order[:n_train]].reset_index(drop=True),
        df.iloc[order[n_train:]].reset_index(drop=True),
    )


def split_loc(df, time_col, test_fraction):  # positions used as labels
    k = math.ceil(test_fraction * len(df))
    order = np.argsort(df[time_col].to_numpy())
    return df.loc[order[: len(df) - k]], df.loc[order[len(df) - k :]]


def split_random(df, time_col, test_fraction):
    k = math.ceil(test_fraction * len(df))
    test = df.sample(n=k, random_state=0)
    return df.drop(test.index), test


def split_in_place(df, time_col, test_fraction):
    df.sort_values(time_col, inplace=True)
    k = math.ceil(test_fraction * len(df))
    return df.iloc[: len(df) - k], df.iloc[len(df) - k :]


def _passes_split_cases(func):
    check = topic.checker("time_based_split", func)
    for df, t, f, why in topic.split_cases(seed=81):
        check(df, t, f, why=why)


@pytest.mark.parametrize("func", [split_sorted, split_nlargest, split_numpy])
def test_correct_splits_pass_the_hidden_cases(func):
    _passes_split_cases(func)
    check = topic.checker("time_based_split", func)
    topic.check_split_keeps_input(check, DF.copy(), "time", 0.3)


@pytest.mark.parametrize(
    ("func", "message"),
    [
        (split_loc, "index"),
        (split_random, "later than the earliest test row"),
    ],
)
def test_plausible_wrong_splits_fail(func, message):
    with pytest.raises(CheckFailed, match=message):
        _passes_split_cases(func)


def test_an_in_place_sort_is_caught_by_every_check():
    check = topic.checker("time_based_split", split_in_place)
    with pytest.raises(CheckFailed, match="changed its argument df in place"):
        check(DF, "time", 0.3)  # the checker compares df with its copy
    with pytest.raises(CheckFailed, match="changed its argument df in place"):
        topic.check_split_keeps_input(check, DF.copy(), "time", 0.3)


# ------------------------------------------------------------------ expected cost
@pytest.mark.parametrize("case", COST_CASES[:20] + COST_CASES[-10:])
def test_expected_cost_reference_matches_definition_and_sklearn(case):
    y, p, cf, cn = case
    ref = topic.expected_cost_reference(y, p, cf, cn)
    assert ref == pytest.approx(float(cost_slow(y, p, cf, cn)), rel=1e-12, abs=1e-12)
    tn, fp, fn, tp = confusion_matrix(y, p, labels=[0, 1]).ravel()
    expect = int(fp) * float(cf) + int(fn) * float(cn)  # costs read as float64
    assert ref == pytest.approx(expect, rel=1e-12, abs=1e-12)


def test_cost_cases_cover_what_they_say():
    costs = [(cf, cn) for _, _, cf, cn in COST_CASES]
    assert (0.0, 0.0) in costs and any(isinstance(cf, int) for cf, _ in costs)
    assert any(max(cf, cn) >= 1e9 for cf, cn in costs)
    assert any(len(y) >= 70_000 for y, *_ in COST_CASES)
    assert any(isinstance(y, list) for y, *_ in COST_CASES)
    assert {np.asarray(y).dtype.name for y, *_ in COST_CASES} >= {"uint8", "int8"}
    assert any(topic.expected_cost_reference(*c) == 0 for c in COST_CASES)


def cost_row_sums(y_true, y_pred, cost_fp, cost_fn):
    cost_fp, cost_fn = float(cost_fp), float(cost_fn)  # 0.0 + np.float32 is float32
    total = 0.0
    for a, b in zip(y_true, y_pred):  # noqa: B905
        total += (
            cost_fp if (a == 0 and b == 1) else cost_fn if (a == 1 and b == 0) else 0
        )
    return total


def cost_truncated(y_true, y_pred, cost_fp, cost_fn):
    y, p = np.asarray(y_true), np.asarray(y_pred)
    per_row = np.zeros_like(y)  # int: float costs are truncated
    per_row[(y == 0) & (p == 1)] = cost_fp
    per_row[(y == 1) & (p == 0)] = cost_fn
    return per_row.sum()


def cost_by_difference(y_true, y_pred, cost_fp, cost_fn):
    diff = np.asarray(y_pred) - np.asarray(y_true)  # uint8: -1 wraps to 255
    return int(np.sum(diff == 1)) * cost_fp + int(np.sum(diff == -1)) * cost_fn


def test_expected_cost_hidden_cases_catch_wrapping_label_arithmetic():
    check = topic.checker("expected_cost", cost_by_difference, rtol=1e-9)
    with pytest.raises(CheckFailed, match="expected: 4.1e"):  # 7 misses lost
        for case in topic.cost_cases(seed=82):
            check(*case)


def test_expected_cost_hidden_cases_accept_a_loop_and_catch_truncation():
    check = topic.checker("expected_cost", cost_row_sums, rtol=1e-9)
    for case in topic.cost_cases(seed=82):
        check(*case)
    check = topic.checker("expected_cost", cost_truncated, rtol=1e-9)
    with pytest.raises(CheckFailed):
        for case in topic.cost_cases(seed=82):
            check(*case)


# -------------------------------------------------------- cost-optimal threshold
@pytest.mark.parametrize("case", THRESHOLD_CASES + [c[:4] for c in EXTREME_CASES[:5]])
def test_cost_threshold_reference_matches_the_definition(case):
    assert topic.cost_threshold_reference(*case) == threshold_slow(*case)


@pytest.mark.parametrize("case", THRESHOLD_CASES + [c[:4] for c in EXTREME_CASES])
def test_threshold_cases_agree_for_every_float_formula(case):
    truth = topic.cost_threshold_reference(*case)
    for name, formula in core.COST_FORMULAS.items():
        assert core.cost_threshold_by(*case, formula) == truth, name
    assert core.cost_threshold_fast(*case) == truth


def test_threshold_cases_cover_what_they_say():
    assert any(isinstance(s, list) for _, s, *_ in THRESHOLD_CASES)
    assert any(max(np.asarray(y)) == 0 for y, *_ in THRESHOLD_CASES)
    assert any(min(np.asarray(y)) == 1 for y, *_ in THRESHOLD_CASES)
    assert any(
        len(set(np.asarray(s).tolist())) < len(s) for _, s, *_ in THRESHOLD_CASES
    )
    # a tie between thresholds that only the "largest t" rule settles
    assert any(
        checks._threshold_variant(*c, smallest=True)
        != topic.cost_threshold_reference(*c)
        for c in THRESHOLD_CASES
    )
    whys = " ".join(c[4] for c in EXTREME_CASES)
    for word in ("1e-12", "float32", "1e9", "1e-300", "integer", "3,000", "uint8"):
        assert word in whys
    y, s = EXTREME_CASES[1][:2]
    assert len(np.unique(np.asarray(s, dtype=np.float32))) < len(np.unique(s))


def test_robust_threshold_case_drops_fragile_ties():
    # t = 0.95 (one miss, 2.1) and t = 0.1 (three false alarms, 3 x 0.7) tie as
    # decimals; as doubles 3 x 0.7 < 2.1, so exact arithmetic on the floats picks 0.1
    case = ([1, 0, 0, 0, 1], [0.95, 0.9, 0.8, 0.7, 0.1], 0.7, 2.1)
    assert topic.cost_threshold_reference(*case) == 0.1
    assert core.cost_threshold_by(*case, core.COST_FORMULAS["counts"]) == 0.1
    assert core.cost_threshold_by(*case, core.COST_FORMULAS["decimal"]) == 0.95
    assert not core.robust_threshold_case(*case)
    assert core.robust_threshold_case([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 1, 5)


def threshold_vectorised(y_true, scores, cost_fp, cost_fn):
    y = np.asarray(y_true, dtype=float)
    s = np.asarray(scores, dtype=float)
    ts = np.unique(s)[::-1]
    flagged = s[None, :] >= ts[:, None]
    fp = (flagged & (y == 0)).sum(1)
    fn = (~flagged & (y == 1)).sum(1)
    cost = fp * float(cost_fp) + fn * float(cost_fn)  # int64 * 2**52 would wrap
    return ts[np.argmin(cost)]


def threshold_pandas(y_true, scores, cost_fp, cost_fn):
    frame = pd.DataFrame(
        {"y": np.asarray(y_true), "s": np.asarray(scores, dtype=float)}
    )
    groups = frame.groupby("s")["y"].agg(["sum", "count"]).sort_index(ascending=False)
    tp = groups["sum"].cumsum()
    fp = groups["count"].cumsum() - tp
    fn = frame["y"].sum() - tp
    cost = (fp / cost_fn) * cost_fp + fn  # relative to a miss
    return float(cost.idxmin())


def threshold_float32(y_true, scores, cost_fp, cost_fn):
    return threshold_vectorised(
        y_true, np.asarray(scores, dtype=np.float32), cost_fp, cost_fn
    )


def threshold_grid(y_true, scores, cost_fp, cost_fn):
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    grid = np.quantile(s, np.linspace(0, 1, 50))
    costs = [
        cost_fp * np.sum((s >= t) & (y == 0)) + cost_fn * np.sum((s < t) & (y == 1))
        for t in grid
    ]
    return grid[int(np.argmin(costs))]


def _passes_threshold_cases(func):
    check = topic.checker("cost_optimal_threshold", func, atol=0.0, rtol=0.0)
    for case in topic.threshold_cases(seed=83):
        check(*case)
    for *case, why in topic.extreme_threshold_cases(seed=83):
        check(*case, why=why)


@pytest.mark.parametrize("func", [threshold_vectorised, threshold_pandas])
def test_correct_thresholds_pass_the_hidden_cases(func):
    _passes_threshold_cases(func)


@pytest.mark.parametrize("func", [threshold_float32, threshold_grid])
def test_plausible_wrong_thresholds_fail(func):
    with pytest.raises(CheckFailed):
        _passes_threshold_cases(func)


# ------------------------------------- the first red team's answers, one case each
def split_float_times(df, time_col, test_fraction):  # datetime64[ns] read as float64
    k = math.ceil(test_fraction * len(df))
    order = np.argsort(np.asarray(df[time_col], dtype=float), kind="stable")
    return df.iloc[order[: len(df) - k]], df.iloc[order[len(df) - k :]]


def split_ceil_eps(df, time_col, test_fraction):  # a guard against float noise
    k = math.ceil(test_fraction * len(df) - 1e-9)
    ordered = df.sort_values(time_col, kind="mergesort")
    return ordered.iloc[: len(df) - k], ordered.iloc[len(df) - k :]


def split_drop_labels(df, time_col, test_fraction):  # drop by (duplicate) labels
    test = df.nlargest(math.ceil(test_fraction * len(df)), time_col, keep="first")
    return df.drop(index=test.index), test


def split_loc_labels(df, time_col, test_fraction):  # .loc on sorted (duplicate) labels
    labels = df[time_col].sort_values(kind="mergesort").index
    cut = len(df) - math.ceil(test_fraction * len(df))
    return df.loc[labels[:cut]], df.loc[labels[cut:]]


@pytest.mark.parametrize(
    ("func", "why"),
    [
        (split_float_times, "ns apart"),
        (split_ceil_eps, "1e-10"),
        (split_drop_labels, "duplicate index labels 0, 1, 2"),
        (split_loc_labels, "duplicate index labels 0, 1, 2"),
    ],
)
def test_new_split_cases_catch_what_the_red_team_found(func, why):
    check = topic.checker("time_based_split", func)
    new = [c for c in topic.split_cases(seed=81) if why in c[3]]
    assert new
    with pytest.raises(CheckFailed, match=re.escape(why)):
        for df, t, f, reason in new:
            check(df, t, f, why=reason)
    _passes_split_cases(split_sorted)  # and the same cases pass a correct answer


def test_split_cases_hold_nanoseconds_and_duplicate_labels():
    cases = list(topic.split_cases(seed=81))
    ns = [df for df, t, _, why in cases if "ns apart" in why]
    assert ns and all(str(df["time"].dtype) == "datetime64[ns]" for df in ns)
    times = np.sort(ns[0]["time"].to_numpy().astype(np.int64))
    assert np.diff(times).min() == 1 and times[-1] - times[0] == 100
    assert len(set(np.asarray(ns[0]["time"], dtype=float))) == 1  # float64 merges them
    assert any(df.index.has_duplicates for df, *_ in cases)
    assert any(
        df.index.has_duplicates and not pd.api.types.is_integer_dtype(df.index)
        for df, *_ in cases
    )


def cost_int64(y_true, y_pred, cost_fp, cost_fn):  # the old instructor solution
    y, p = np.asarray(y_true), np.asarray(y_pred)
    fp = np.sum((y == 0) & (p == 1))
    fn = np.sum((y == 1) & (p == 0))
    with np.errstate(all="ignore"):
        return float(fp * cost_fp + fn * cost_fn)


def cost_aligned(y_true, y_pred, cost_fp, cost_fn):  # Series paired by label
    y, p = pd.Series(y_true), pd.Series(y_pred)
    fp = int(((y == 0) & (p == 1)).sum())
    fn = int(((y == 1) & (p == 0)).sum())
    return float(fp * cost_fp + fn * cost_fn)


@pytest.mark.parametrize(
    ("func", "hint"), [(cost_int64, checks._INT64), (cost_aligned, checks._ALIGNED)]
)
def test_expected_cost_hidden_cases_catch_int64_wrap_and_label_alignment(func, hint):
    assert expected_cost_passes(cost_row_sums)
    check = topic.checker("expected_cost", func, rtol=1e-9)
    with pytest.raises(CheckFailed, match=re.escape(hint[:60])):
        for case in topic.cost_cases(seed=82):
            check(*case)


def expected_cost_passes(func):
    check = topic.checker("expected_cost", func, rtol=1e-9)
    for case in topic.cost_cases(seed=82):
        check(*case)
    return True


def test_cost_cases_hold_big_integer_costs_and_shuffled_series():
    big = [c for c in COST_CASES if isinstance(c[3], int) and c[3] >= 2**52]
    assert big and any(topic.expected_cost_reference(*c) >= 2**63 for c in big)
    series = [c for c in COST_CASES if isinstance(c[0], pd.Series)]
    assert any(not c[0].index.equals(pd.RangeIndex(len(c[0]))) for c in series)
    assert any(isinstance(c[1], pd.Series) for c in series)
    for c in series:  # read by position, as np.asarray does
        args = (np.asarray(c[0]), np.asarray(c[1]), *c[2:])
        assert topic.expected_cost_reference(*c) == topic.expected_cost_reference(*args)
        assert checks._cost_aligned(*c) != topic.expected_cost_reference(*c)


def threshold_int64(y_true, scores, cost_fp, cost_fn):  # the old instructor solution
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    best_t, best = None, np.inf
    with np.errstate(all="ignore"):
        for t in np.unique(s)[::-1]:
            cost = (
                np.sum((s >= t) & (y == 0)) * cost_fp
                + np.sum((s < t) & (y == 1)) * cost_fn
            )
            if cost < best:
                best_t, best = t, cost
    return float(best_t)


def threshold_aligned(y_true, scores, cost_fp, cost_fn):  # DataFrame of two Series
    frame = pd.DataFrame({"y": pd.Series(y_true), "s": pd.Series(scores, dtype=float)})
    return threshold_pandas(frame["y"], frame["s"], cost_fp, cost_fn)


def _threshold_tying(close):
    """A threshold search that counts costs ``close`` to the best as ties."""

    def threshold(y_true, scores, cost_fp, cost_fn):
        ts, fp, fn = core.cost_curve(y_true, scores)
        cost = fp * float(cost_fp) + fn * float(cost_fn)
        best = 0
        for i in range(1, len(ts)):
            if cost[i] < cost[best] and not close(cost[i], cost[best]):
                best = i
        return float(ts[best])

    return threshold


threshold_isclose = _threshold_tying(np.isclose)  # near-equal costs tie


def threshold_quantiles(y_true, scores, cost_fp, cost_fn):  # a grid past 1000 scores
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    ts = np.unique(s)
    if ts.size > 1000:
        ts = np.unique(np.quantile(s, np.linspace(0, 1, 1001), method="nearest"))
    ts = ts[::-1]
    flagged = s[None, :] >= ts[:, None]
    cost = (flagged & (y == 0)).sum(1) * float(cost_fp)
    cost = cost + (~flagged & (y == 1)).sum(1) * float(cost_fn)
    return float(ts[np.argmin(cost)])


def threshold_minmax(y_true, scores, cost_fp, cost_fn):  # scaled, then mapped back
    s = np.asarray(scores, dtype=float)
    lo, hi = s.min(), s.max()
    z = (s - lo) / (hi - lo) if hi > lo else np.zeros_like(s)
    return float(lo + threshold_vectorised(y_true, z, cost_fp, cost_fn) * (hi - lo))


@pytest.mark.parametrize(
    ("func", "match"),
    [
        (threshold_int64, re.escape(checks._INT64[:60])),
        (threshold_aligned, re.escape(checks._ALIGNED[:60])),
        (threshold_isclose, "np.isclose"),
        (threshold_quantiles, "off a grid of 1,001 quantiles"),
        (threshold_minmax, "one ulp apart"),
    ],
)
def test_new_threshold_cases_catch_what_the_red_team_found(func, match):
    check = topic.checker("cost_optimal_threshold", func, atol=0.0, rtol=0.0)
    cases = [(*c, None) for c in topic.threshold_cases(seed=83)]
    cases += list(topic.extreme_threshold_cases(seed=83))
    if func is threshold_minmax:  # past the hand cases it already fails
        cases = [c for c in cases if c[4] and "ulp" in c[4]]
    with pytest.raises(CheckFailed, match=match):
        for *case, why in cases:
            check(*case, why=why)


def test_minmax_passes_with_the_old_tolerance_on_the_3000_sample_cases():
    y, s, cf, cn, _ = next(
        c for c in topic.extreme_threshold_cases(seed=83) if "3,000" in c[4]
    )
    got, truth = (
        threshold_minmax(y, s, cf, cn),
        topic.cost_threshold_reference(y, s, cf, cn),
    )
    assert got != truth and got == pytest.approx(truth, rel=1e-14)  # rtol=0 needed


def test_per_transaction_means_no_longer_tip_ties():
    case = ([0, 0, 0, 1, 0], [5, 4, 3, 2, 1], 1, 2)  # t = 5 and t = 2 both cost 3
    assert topic.cost_threshold_reference(*case) == 5
    means = core.COST_FORMULAS["per-transaction means"]
    assert core.cost_threshold_by(*case, means) == 2  # 0.6000000000000001 > 0.6
    assert not core.robust_threshold_case(*case)
    del core.COST_FORMULAS["per-transaction means"]  # a broken copy lets it through
    try:
        assert core.robust_threshold_case(*case) is False  # the other order catches it
        del core.COST_FORMULAS["per-transaction means, misses first"]
        assert core.robust_threshold_case(*case)
    finally:
        core.COST_FORMULAS.clear()
        core.COST_FORMULAS.update(_FORMULAS)


_FORMULAS = dict(core.COST_FORMULAS)


def test_cost_curve_groups_ties():
    t, fp, fn = core.cost_curve([1, 1, 0, 0, 0, 0], [0.9, 0.4, 0.4, 0.4, 0.4, 0.1])
    assert t.tolist() == [0.9, 0.4, 0.1]
    assert fp.tolist() == [0, 3, 4] and fn.tolist() == [1, 0, 0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (([0, 1], [0.1], 1, 1), "got (2,) and (1,)"),
        (([], [], 1, 1), "got (0,) and (0,)"),
        (([0, 1], [0.1, 0.2], -1, 1), "cost_fp must be a finite number >= 0, got -1"),
    ],
)
def test_cost_threshold_reference_validates(args, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        topic.cost_threshold_reference(*args)


def test_exercises_are_declared_with_references_and_cases():
    assert list(topic.EXERCISES) == [
        "time_based_split",
        "expected_cost",
        "cost_optimal_threshold",
    ]
    for exercise in topic.EXERCISES.values():
        assert exercise.reference is not None and list(exercise.cases())


# --------------------------------------------------------------------------- data
def test_transactions_are_seeded_ordered_and_imbalanced():
    tx = topic.transactions()
    assert tx["time"].is_monotonic_increasing
    assert tx["txn_id"].tolist() == list(range(len(tx)))
    assert 20_000 < len(tx) < 28_000
    assert 0.007 < tx["is_fraud"].mean() < 0.014
    assert set(tx["pattern"]) == {"legit", *core.PATTERNS}
    assert (tx.loc[tx["is_fraud"] == 0, "label_delay_days"] == 0).all()
    assert (tx.loc[tx["is_fraud"] == 1, "label_delay_days"] >= 1).all()
    day = (tx["time"] - tx["time"].min()).dt.days
    assert not (tx["pattern"] == "gift-card scam")[day < 20].any()  # a new pattern
    assert (tx["pattern"] == "gift-card scam")[day >= 48].sum() > 20
    assert tx.equals(topic.transactions())
    assert not tx.equals(topic.transactions(seed=1))
    tx.loc[0, "amount"] = -1.0  # a copy: the cache is safe
    assert topic.transactions().loc[0, "amount"] > 0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n_days": 5}, "n_days must be an int from 14 to 365, got 5"),
        ({"per_day": 10}, "per_day must be an int from 50 to 5000, got 10"),
        (
            {"fraud_rate": 0.5},
            "fraud_rate must be a finite number in (0, 0.2], got 0.5",
        ),
        ({"seed": -1}, "seed must be a non-negative int, got -1"),
    ],
)
def test_transactions_validate(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        topic.transactions(**kwargs)


@pytest.fixture(scope="module")
def feats():
    return topic.add_features(topic.transactions())


def test_features_only_look_at_the_past(feats):
    tx = topic.transactions()
    cut = tx["time"].iloc[len(tx) // 2]
    early = topic.add_features(tx[tx["time"] < cut])
    columns = [*topic.FEATURES, "card_frauds_known", "card_frauds_naive"]
    pd.testing.assert_frame_equal(early[columns], feats.loc[early.index, columns])


def test_card_history_features_count_what_they_say(feats):
    assert (feats["card_frauds_known"] <= feats["card_frauds_naive"]).all()
    card = feats.loc[feats["pattern"] == "card testing", "card_id"].iloc[0]
    rows = feats[feats["card_id"] == card]
    naive = rows["is_fraud"].cumsum() - rows["is_fraud"]
    assert rows["card_frauds_naive"].tolist() == naive.tolist()
    arrivals = rows["time"] + pd.to_timedelta(rows["label_delay_days"], unit="D")
    known = [
        int(((rows["is_fraud"] == 1) & (arrivals <= t)).sum()) for t in rows["time"]
    ]
    assert rows["card_frauds_known"].tolist() == known
    one_hour = [
        int(((rows["time"] >= t - pd.Timedelta(hours=1)) & (rows.index < i)).sum())
        for i, t in zip(rows.index, rows["time"], strict=True)
    ]
    assert rows["card_txns_1h"].tolist() == one_hour
    assert (
        feats[[f for f in topic.FEATURES if f.startswith("merchant_")]]
        .sum(axis=1)
        .eq(1)
        .all()
    )
    assert topic.feature_matrix(feats).shape == (len(feats), len(topic.FEATURES))


def test_add_features_validates():
    with pytest.raises(ValueError, match=re.escape("tx lacks the columns ['card_id']")):
        topic.add_features(topic.transactions().drop(columns="card_id"))


# ------------------------------------------------------------------------ figures
@pytest.fixture(scope="module")
def periods(feats):
    train, test = topic.time_split_reference(feats, "time", 0.3)
    fit, val = topic.time_split_reference(train, "time", 0.25)
    return {"train": train, "test": test, "fit": fit, "val": val}


def test_stream_figure_and_burst_table(feats):
    fig = topic.stream_figure(topic.transactions())
    assert len(fig.axes) == 3
    assert len(fig.axes[0].patches) > 100  # bars per day and pattern
    plt.close(fig)
    burst = topic.burst_table(feats)
    assert burst["is_fraud"].sum() >= 2 and burst["is_fraud"].iloc[0] == 0
    assert burst["card_frauds_known"].max() < burst["card_frauds_naive"].max()
    with pytest.raises(ValueError, match="got 'refund'"):
        topic.burst_table(feats, pattern="refund")


def test_evaluation_table_shows_both_leaks(feats, periods):
    from sklearn.model_selection import train_test_split

    random = train_test_split(
        feats, test_size=0.3, stratify=feats["is_fraud"], random_state=0
    )
    table = topic.evaluation_table(random, (periods["train"], periods["test"]))
    pr = table["PR-AUC"]
    assert pr.iloc[0] > pr.iloc[1] + 0.1  # the random split flatters
    assert pr.iloc[2] > pr.iloc[1] > pr.iloc[3]  # the naive feature: offline vs served
    fig = topic.evaluation_figure(table)
    assert len(fig.axes[0].patches) == 4
    plt.close(fig)
    with pytest.raises(ValueError, match="is_fraud"):
        topic.evaluation_table(
            random, (periods["train"], periods["test"].drop(columns="is_fraud"))
        )


@pytest.fixture(scope="module")
def models(periods):
    return topic.train_models(periods["fit"])


def test_train_models_and_tradeoff(models, periods):
    assert list(models) == [
        "logistic regression",
        "gradient boosting (100 trees)",
        "random forest (300 trees)",
    ]
    forest = models["random forest (300 trees)"]
    assert forest.n_jobs is None and len(forest.estimators_) == 300
    latency = pd.DataFrame(
        {
            name: {"one (ms)": i + 1.0, "batch (ms each)": (i + 1) / 100}
            for i, name in enumerate(models)
        }
    ).T
    table = topic.tradeoff_table(models, latency, periods["val"], periods["test"])
    assert list(table.columns[:2]) == ["one (ms)", "batch (ms each)"]
    assert (table["PR-AUC"] > 0.2).all()
    booster = models["gradient boosting (100 trees)"]
    s_val = topic.score(booster, periods["val"])
    t = topic.cost_threshold_reference(periods["val"]["is_fraud"], s_val, 5.0, 150.0)
    assert table.loc["gradient boosting (100 trees)", "threshold (val)"] == t
    fig = topic.tradeoff_figure(table)
    assert len(fig.axes) == 2 and len(fig.axes[1].texts) == 3
    plt.close(fig)


def test_label_delay_figure(periods):
    fig = topic.label_delay_figure(periods["train"])
    assert "of the frauds in the data are known" in fig.axes[1].get_title()
    plt.close(fig)
    with pytest.raises(ValueError, match="train holds no fraud"):
        topic.label_delay_figure(periods["train"][periods["train"]["is_fraud"] == 0])


# ----------------------------------------------------------------------- explorer
@pytest.fixture(scope="module")
def scored(models, periods):
    test = periods["test"]
    s = topic.score(models["gradient boosting (100 trees)"], test)
    return test["is_fraud"].to_numpy(), s, test["time"]


def test_cost_explorer_updates_return_what_they_show(scored):
    y, s, times = scored
    explorer = topic.CostExplorer(y, s, times, ratio=30, budget=10)
    days = times.dt.normalize().nunique()
    for ratio in topic.RATIOS:
        out = explorer.update_ratio(ratio)
        assert out["threshold"] == core.cost_threshold_fast(y, s, 1.0, ratio)
        flagged = s >= out["threshold"]
        cost = 5.0 * (np.sum(flagged & (y == 0)) + ratio * np.sum(~flagged & (y == 1)))
        assert out["cost_per_day"] == pytest.approx(cost / days)
        assert explorer.best_point.get_xdata()[0] == out["threshold"]
        assert f"a miss = {ratio} false alarms" in explorer.ax_cost.get_title()
    for budget in topic.BUDGETS:
        out = explorer.update_budget(budget)
        flagged = s >= out["threshold"]
        assert flagged.sum() / days <= budget + 1e-9
        lower = s[s < out["threshold"]]
        if len(lower):  # one step lower breaks the budget
            assert (s >= lower.max()).sum() / days > budget
        assert out["recall"] == pytest.approx(np.sum(flagged & (y == 1)) / y.sum())
        assert explorer.ops_budget_line.get_xdata()[0] == budget
    with pytest.raises(ValueError, match=re.escape("got 7")):
        explorer.update_ratio(7)
    with pytest.raises(ValueError, match="one length"):
        topic.CostExplorer(y[:-1], s, times)


def test_cost_explorer_sliders_redraw_the_image(scored):
    box = topic.cost_explorer(*scored)
    image = box.image.widget
    before = image.value
    box.ratio.value = 100
    assert box.explorer.ratio == 100 and image.value != before
    middle = image.value
    box.budget.value = 50
    assert box.explorer.budget == 50 and image.value != middle
    assert topic.CostExplorer(*scored)._repr_png_()[:4] == b"\x89PNG"
    fresh = topic.cost_explorer(*scored)
    assert assert_blits_like_a_full_draw(fresh) == 8
    assert fresh.image.full_draws == 1


# ------------------------------------ the second red team's answers, one case each
def split_antijoin(df, time_col, test_fraction):  # identical rows dropped together
    test = df.nlargest(math.ceil(test_fraction * len(df)), time_col, keep="first")
    return pd.concat([df, test]).drop_duplicates(keep=False), test


def split_train_size(df, time_col, test_fraction):  # n - int(n (1 - f)) test rows
    n_train = int(len(df) * (1 - test_fraction))
    ordered = df.sort_values(time_col, kind="mergesort")
    return ordered.iloc[:n_train], ordered.iloc[n_train:]


def split_relative_guard(df, time_col, test_fraction):  # a relative guard
    k = math.ceil(test_fraction * len(df) * (1 - 1e-12))
    ordered = df.sort_values(time_col, kind="mergesort")
    return ordered.iloc[: len(df) - k], ordered.iloc[len(df) - k :]


def test_identical_rows_catch_an_anti_join():
    check = topic.checker("time_based_split", split_antijoin)
    new = [c for c in topic.split_cases(seed=81) if "identical rows" in c[3]]
    assert len(new) == 2 and all(df.duplicated().any() for df, *_ in new)
    for df, t, f, why in new:  # each of the two cases catches it on its own
        with pytest.raises(CheckFailed, match="identical rows"):
            check(df, t, f, why=why)
    _passes_split_cases(split_sorted)
    df = new[1][0]  # a row in train and test that df holds three times is fine
    assert checks.split_problem(split_sorted(df, "time", 0.25), REF_OF(df)) is None
    train, test = REF_OF(df)
    twice = (train, pd.concat([train.iloc[-1:], test.iloc[:1]]))  # (7, 3) four times
    assert "is in both train and test" in checks.split_problem(twice, REF_OF(df))


def REF_OF(df):  # noqa: N802
    return topic.time_split_reference(df, "time", 0.25)


def test_no_split_case_puts_float_noise_on_k():
    # the lead's decision: f·n within 1e-9 (relative) of a whole number, and not it,
    # is never sent; then these two guards are right on every case
    assert not topic.clear_fraction(100, 0.07) and not topic.clear_fraction(5, 0.8)
    for df, _, f, _ in topic.split_cases(seed=81):
        x = f * len(df)
        assert x == round(x) or abs(x - round(x)) > 1e-9 * abs(x)
    _passes_split_cases(split_train_size)
    _passes_split_cases(split_relative_guard)
    # the new screen: 0.35 * 180 = 62.99999999999999, every way of the old screen
    # gives 63 (a broken copy without the new screen sends it), yet it is float noise
    assert 0.35 * 180 == 62.99999999999999
    ways = {math.ceil(0.35 * 180), math.ceil(Fraction("0.35") * 180)}
    ways |= {180 - math.floor(0.65 * 180), 180 - int(180 * (1 - 0.35))}
    assert ways == {63} and not topic.clear_fraction(180, 0.35)
    assert topic.clear_fraction(8, 0.25)  # an exact product is still sent


def cost_rounded_to_cents(y_true, y_pred, cost_fp, cost_fn):
    return round(expected_cost_passes_ref(y_true, y_pred, cost_fp, cost_fn), 2)


def expected_cost_passes_ref(y_true, y_pred, cost_fp, cost_fn):
    return topic.expected_cost_reference(y_true, y_pred, cost_fp, cost_fn)


def cost_in_own_dtype(y_true, y_pred, cost_fp, cost_fn):  # the instructor solution
    y, p = np.asarray(y_true).ravel(), np.asarray(y_pred).ravel()
    fp = int(np.sum((y == 0) & (p == 1)))
    fn = int(np.sum((y == 1) & (p == 0)))
    with np.errstate(all="ignore"):
        return float(fp * cost_fp + fn * cost_fn)


@pytest.mark.parametrize(
    ("func", "match"),
    [
        (cost_rounded_to_cents, "cost_fp=0.001, cost_fn=0.004"),
        (cost_in_own_dtype, re.escape(checks._DTYPE[:60])),
    ],
)
def test_new_cost_cases_catch_what_the_second_red_team_found(func, match):
    check = topic.checker("expected_cost", func, rtol=1e-9)
    with pytest.raises(CheckFailed, match=match):
        for case in topic.cost_cases(seed=82):
            check(*case)
    assert expected_cost_passes(cost_row_sums)


def test_references_read_numpy_costs_as_float64():
    assert (
        topic.expected_cost_reference([1, 1], [0, 0], np.int8(5), np.int8(100)) == 200
    )
    got = topic.expected_cost_reference([0] * 1000, [1] * 1000, np.float32(0.1), 1.0)
    assert got == 1000 * float(np.float32(0.1)) != 100.0
    case = ([1, 1, 1, 0], [0.9, 0.5, 0.5, 0.1], np.int8(1), np.int8(100))
    assert topic.cost_threshold_reference(*case) == 0.5
    case = ([1] * 31 + [0], [0.9] + [0.5] * 31, np.float32(3.0), np.float32(0.1))
    assert topic.cost_threshold_reference(*case) == 0.5
    assert checks._threshold_in_dtype(*case) == 0.9  # float32: 3.0 == 3.0, a "tie"


threshold_isclose_rel = _threshold_tying(math.isclose)  # math.isclose ties


def threshold_negated(y_true, scores, cost_fp, cost_fn):  # -scores in their dtype
    y, s = np.asarray(y_true).astype(np.int64), np.asarray(scores)
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    last = np.r_[np.flatnonzero(s[1:] != s[:-1]), len(s) - 1]
    tp = np.cumsum(y)[last]
    cost = (last + 1 - tp) * float(cost_fp) + (y.sum() - tp) * float(cost_fn)
    return float(s[last][int(np.argmin(cost))])


def threshold_dot(y_true, scores, cost_fp, cost_fn):  # y @ flagged in y's dtype
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    best_t, best = None, np.inf
    for t in np.unique(s)[::-1]:
        flagged = s >= t
        tp = int(y @ flagged)
        cost = (int(flagged.sum()) - tp) * float(cost_fp)
        cost += (int(y.sum()) - tp) * float(cost_fn)
        if cost < best:
            best_t, best = t, cost
    return float(best_t)


def threshold_own_dtype(y_true, scores, cost_fp, cost_fn):  # the instructor solution
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    best_t, best = None, np.inf
    with np.errstate(all="ignore"):
        for t in np.unique(s)[::-1]:
            flagged = s >= t
            fp = int(np.sum(flagged & (y == 0)))
            fn = int(np.sum(~flagged & (y == 1)))
            cost = fp * cost_fp + fn * cost_fn
            if cost < best:
                best_t, best = t, cost
    return float(best_t)


@pytest.mark.parametrize(
    ("func", "match"),
    [
        (threshold_isclose_rel, "costs 1e-12 apart are not a tie"),
        (threshold_negated, "scores as uint8"),
        (threshold_dot, "256 frauds, labels as uint8"),
        (threshold_own_dtype, re.escape(checks._DTYPE[:60])),
    ],
)
def test_new_threshold_cases_catch_what_the_second_red_team_found(func, match):
    check = topic.checker("cost_optimal_threshold", func, atol=0.0, rtol=0.0)
    cases = [(*c, None) for c in topic.threshold_cases(seed=83)]
    cases += list(topic.extreme_threshold_cases(seed=83))
    with pytest.raises(CheckFailed, match=match):
        for *case, why in cases:
            check(*case, why=why)


def test_int8_scores_down_to_minus_128_catch_negation_too():
    case = next(c for c in topic.extreme_threshold_cases(seed=83) if "-128" in c[4])
    assert np.asarray(case[1]).dtype == np.int8
    assert threshold_negated(*case[:4]) != topic.cost_threshold_reference(*case[:4])
    unsigned = [c for c in topic.extreme_threshold_cases(seed=83) if "uint8" in c[4]]
    assert len(unsigned) >= 2


def test_cost_curve_groups_infinite_ties():
    # scores are finite by the contract, but the reference still groups -inf ties
    # (np.diff(s) != 0 would split them: -inf - -inf is nan)
    t, fp, fn = core.cost_curve([0, 1, 0], [0.5, -np.inf, -np.inf])
    assert t.tolist() == [0.5, -np.inf] and fp.tolist() == [1, 2]
    assert (
        topic.cost_threshold_reference([0, 1, 0], [0.5, -np.inf, -np.inf], 1, 1) == 0.5
    )


def test_early_stop_gets_a_hint_that_names_it():
    def early_stop(y_true, scores, cost_fp, cost_fn):
        return checks._threshold_early_stop(y_true, scores, cost_fp, cost_fn)

    check = topic.checker("cost_optimal_threshold", early_stop)
    with pytest.raises(CheckFailed, match="stopped where the cost first rose"):
        check([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 1.0, 5.0)
