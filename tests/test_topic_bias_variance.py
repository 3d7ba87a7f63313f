"""02_bias_variance topic package: data, simulation, references, checks, figures, widget."""

from __future__ import annotations

import re
from fractions import Fraction

import matplotlib.pyplot as plt
import numpy as np
import pytest
from pixels import assert_blits_like_a_full_draw
from sklearn.base import clone
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.model_selection import KFold
from sklearn.tree import DecisionTreeRegressor

from interview_lab.checking import CheckFailed
from interview_lab.topics import bias_variance as topic
from interview_lab.topics.bias_variance import checks, core, figures


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --------------------------------------------------- slow references from the definition
def bias_variance_slow(predictions, y_true):
    """Bias² and variance with plain loops, straight from the definition."""
    rows = [list(map(float, r)) for r in predictions]
    n_models, n_points = len(rows), len(y_true)
    b2 = var = 0.0
    for j in range(n_points):
        col = [rows[i][j] for i in range(n_models)]
        mean = sum(col) / n_models
        b2 += (mean - float(y_true[j])) ** 2
        var += sum((c - mean) ** 2 for c in col) / n_models
    return b2 / n_points, var / n_points


def cross_val_mse_slow(model, X, y, n_folds):
    X, y = np.asarray(X, float), np.asarray(y, float)
    mses = []
    for train, val in KFold(n_folds).split(X):
        m = clone(model).fit(X[train], y[train])
        mses.append(np.mean((y[val] - m.predict(X[val])) ** 2))
    return np.mean(mses)


@pytest.mark.parametrize("case", list(topic.bias_variance_cases(seed=1, n_random=30)))
def test_bias_variance_reference_matches_loops(case):
    assert core.bias_variance_reference(*case) == pytest.approx(
        bias_variance_slow(*case)
    )


def test_bias_variance_reference_rejects_mismatched_shapes():
    with pytest.raises(
        ValueError, match=re.escape("must have shape (n_models, 3), got (2, 2)")
    ):
        core.bias_variance_reference([[1, 2], [3, 4]], [1, 2, 3])


@pytest.mark.parametrize("n, k", list(topic.kfold_cases(seed=2, n_random=20)))
def test_kfold_reference_is_sklearn_and_partitions(n, k):
    folds = core.kfold_reference(n, k)
    assert len(folds) == k
    assert np.array_equal(np.concatenate([v for _, v in folds]), np.arange(n))
    for train, val in folds:
        assert np.array_equal(np.sort(np.r_[train, val]), np.arange(n))


@pytest.mark.parametrize(
    "i, case", list(enumerate(topic.cross_val_cases(seed=3, n_random=10)))
)
def test_cross_val_mse_reference_matches_slow(i, case):
    model, X, y, k = case
    assert topic.cross_val_mse_reference(model, X, y, k) == pytest.approx(
        cross_val_mse_slow(model, X, y, k), rel=1e-10
    )


def test_cross_val_cases_cover_lists_uneven_folds_and_loo():
    cases = list(topic.cross_val_cases(seed=23))
    assert any(isinstance(X, list) for _, X, _, _ in cases)
    assert any(isinstance(X, np.ndarray) for _, X, _, _ in cases)
    assert any(len(y) % k for _, _, y, k in cases)
    assert any(len(y) == k for _, _, y, k in cases)
    assert {type(m).__name__ for m, *_ in cases} >= {
        "LinearRegression",
        "Ridge",
        "DecisionTreeRegressor",
        "KNeighborsRegressor",
        "DecisionTreeClassifier",
    }
    assert any(getattr(m, "warm_start", False) for m, *_ in cases)


def test_cross_val_cases_catch_a_reused_model_and_stratified_folds():
    """Only the warm-started model and the classifier tell these mistakes apart."""
    reuse, stratified = topic.EXERCISES["cross_val_mse"].mistakes[-2:]
    warm, classifier = list(topic.cross_val_cases(seed=23, n_random=0))
    ref = topic.cross_val_mse_reference
    assert reuse.compute(*warm) != pytest.approx(ref(*warm), abs=1e-6)
    assert stratified.compute(*classifier) != pytest.approx(ref(*classifier), abs=1e-6)
    # on the deterministic regressors of the random cases both mistakes are invisible
    for case in list(topic.cross_val_cases(seed=23, n_random=5))[2:]:
        assert reuse.compute(*case) == pytest.approx(ref(*case), rel=1e-9)
        assert stratified.compute(*case) == pytest.approx(ref(*case), rel=1e-9)


# ------------------------------------ cases at the edges of floating point and of size
def _same(a, b):
    """Two case lists hold equal values (lists and arrays alike)."""
    assert len(a) == len(b)
    for x, y in zip(a, b):
        for u, v in zip(x, y):
            if isinstance(u, list | np.ndarray):
                assert np.array_equal(np.asarray(u), np.asarray(v))
            else:
                assert repr(u) == repr(v)


def _bv_welford(predictions, y_true):
    p = np.asarray(predictions, float)
    mean, m2 = np.zeros(p.shape[1]), np.zeros(p.shape[1])
    for k, row in enumerate(p, 1):
        delta = row - mean
        mean += delta / k
        m2 += delta * (row - mean)
    return np.mean((mean - np.asarray(y_true, float)) ** 2), np.mean(m2) / len(p)


def _bv_one_pass(predictions, y_true):  # variance as E[x²] - E[x]²
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    m = p.mean(axis=0)
    return np.mean((m - t) ** 2), np.mean(np.maximum((p * p).mean(0) - m * m, 0))


def _bv_expanded(predictions, y_true):  # bias² as mean(m²) - 2 mean(m t) + mean(t²)
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    m = p.mean(axis=0)
    return abs(np.mean(m * m) - 2 * np.mean(m * t) + np.mean(t * t)), np.mean(p.var(0))


def _bv_allclose(predictions, y_true):  # allclose decides "no variance", "no bias"
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    b2, var = core.bias_variance_reference(p, t)
    m = p.mean(axis=0)
    return (0.0 if np.allclose(m, t) else b2), (0.0 if np.allclose(p, p[0]) else var)


def _bv_truncated(predictions, y_true):  # the mean kept in the input's (int) dtype
    p, t = np.asarray(predictions), np.asarray(y_true)
    m = np.empty_like(p[0])
    m[:] = p.mean(axis=0)
    return np.mean((m - t) ** 2), np.mean((p - m) ** 2)


def _all_close(func, cases, rtol, atol):
    return all(
        np.allclose(func(*c), core.bias_variance_reference(*c), rtol=rtol, atol=atol)
        for c in cases
    )


def test_bias_variance_extreme_cases_are_deterministic_and_cover_the_docstring():
    cases = list(topic.bias_variance_extreme_cases(seed=24))
    _same(cases, list(topic.bias_variance_extreme_cases(seed=24)))
    shapes = [np.shape(p) for p, _ in cases]
    values = [np.asarray(p, float) for p, _ in cases]
    assert any(abs(v).min() > 1e9 and v.std(axis=0).max() < 100 for v in values)
    assert any(250 < v.min() and v.max() < 350 and v.std() < 1e-3 for v in values)
    assert any(abs(v).max() < 1e-90 for v in values)
    assert any(abs(v).min() > 1e90 for v in values)
    big_ints = [p for p, _ in cases if isinstance(p, list) and isinstance(p[0][0], int)]
    assert any(max(map(max, p)) ** 2 > np.iinfo(np.int64).max for p in big_ints)
    assert any(shape[1] >= 3000 for shape in shapes)
    assert {(1, 1), (9, 1), (1, 9)} <= set(shapes)


def test_bias_variance_extreme_cases_pass_stable_formulas_and_catch_unstable_ones():
    cases = list(topic.bias_variance_extreme_cases(seed=24))
    for case in cases:
        expected = core.bias_variance_reference(*case)
        for stable in (bias_variance_slow, _bv_welford):
            assert np.allclose(stable(*case), expected, rtol=1e-6, atol=0)
    for broken in (_bv_one_pass, _bv_expanded, _bv_allclose, _bv_truncated):
        assert not _all_close(broken, cases, rtol=1e-5, atol=0)
    # the unit-scale random cases let the same broken answers through
    unit = list(topic.bias_variance_cases(seed=21))
    for broken in (_bv_one_pass, _bv_expanded, _bv_allclose, _bv_truncated):
        assert _all_close(broken, unit, rtol=1e-9, atol=1e-8)


def test_bias_variance_tie_cases_are_exact_zeros_at_a_large_offset():
    cases = list(topic.bias_variance_tie_cases(seed=25))
    _same(cases, list(topic.bias_variance_tie_cases(seed=25)))
    zeros = [core.bias_variance_reference(*c) for c in cases]
    assert [b2 < 1e-12 for b2, _ in zeros] == [False, True, True]
    assert [var < 1e-12 for _, var in zeros] == [True, True, False]
    assert all(
        _all_close(f, cases, 1e-5, 1e-8) for f in (bias_variance_slow, _bv_welford)
    )
    assert not _all_close(_bv_one_pass, cases, 1e-5, 1e-8)


def test_kfold_large_cases_pass_int16_and_uint16_and_catch_small_index_types():
    cases = list(topic.kfold_large_cases())
    assert cases == list(topic.kfold_large_cases())
    assert any(n // k > np.iinfo(np.uint16).max for n, k in cases)
    assert any(n > np.iinfo(np.int16).max and n % k for n, k in cases)
    assert any(n == k >= 1000 for n, k in cases)
    assert max(n * k for n, k in cases) <= 3 * 10**6  # loops over samples stay fast
    n, k = cases[0]
    folds = core.kfold_reference(n, k)
    idx = np.arange(n, dtype=np.int16)
    wrapped = [(idx[~np.isin(idx, v)], v) for v in np.array_split(idx, k)]
    assert checks.folds_equal(wrapped, folds) is not None
    assert checks.folds_equal([(tr.tolist(), va) for tr, va in folds], folds) is None


def _cv_expanded(model, X, y, n_folds):  # fold MSE as mean(y²) - 2 mean(y p) + mean(p²)
    X, y = np.asarray(X, float), np.asarray(y, float)
    out = []
    for train, val in KFold(n_folds).split(X):
        p, t = clone(model).fit(X[train], y[train]).predict(X[val]), y[val]
        out.append(abs(np.mean(t * t) - 2 * np.mean(t * p) + np.mean(p * p)))
    return np.mean(out)


def _cv_allclose(model, X, y, n_folds):  # allclose decides "a perfect fold"
    X, y = np.asarray(X, float), np.asarray(y, float)
    out = []
    for train, val in KFold(n_folds).split(X):
        p = clone(model).fit(X[train], y[train]).predict(X[val])
        out.append(0.0 if np.allclose(p, y[val]) else np.mean((y[val] - p) ** 2))
    return np.mean(out)


def _cv_truncated(model, X, y, n_folds):  # out-of-fold predictions in y's (int) dtype
    X, y = np.asarray(X), np.asarray(y)
    oof, folds = np.zeros_like(y), list(KFold(n_folds).split(X))
    for train, val in folds:
        oof[val] = clone(model).fit(X[train], y[train]).predict(X[val])
    return np.mean([np.mean((y[v] - oof[v]) ** 2) for _, v in folds])


def test_cross_val_extreme_cases_cover_the_docstring_and_catch_unstable_answers():
    cases = list(topic.cross_val_extreme_cases(seed=26))
    again = list(topic.cross_val_extreme_cases(seed=26))
    _same([c[1:] for c in cases], [c[1:] for c in again])
    arrays = [(np.asarray(X, float), np.asarray(y, float)) for _, X, y, _ in cases]
    assert any(y.min() > 1e9 and y.std() < 10 for _, y in arrays)
    assert any(0 < np.abs(y).max() < 1e-6 for _, y in arrays)
    assert any(isinstance(y, list) and isinstance(y[0], int) for _, _, y, _ in cases)
    assert any(np.any(X.std(axis=0) == 0) and X.shape[1] > 2 for X, _ in arrays)
    assert any(np.array_equal(X[:, 0], X[:, -1]) for X, _ in arrays)
    assert any(len(np.unique(X, axis=0)) < len(X) for X, _ in arrays)
    assert any(len(y) >= 3000 for _, y in arrays)
    assert any(np.all(y == 1e9) for _, y in arrays)
    expected = [topic.cross_val_mse_reference(*c) for c in cases]
    assert all(
        np.isclose(cross_val_mse_slow(*c), e, rtol=1e-9, atol=0)
        for c, e in zip(cases, expected)
    )
    for broken in (_cv_expanded, _cv_allclose, _cv_truncated):
        assert not all(
            np.isclose(broken(*c), e, rtol=1e-6, atol=0)
            for c, e in zip(cases, expected)
        )


def _exact_bias_variance(predictions, y_true):
    """Bias² and variance with fractions, on the values read as float64 (or ints)."""

    def exact(v):
        return (
            Fraction(int(v)) if np.asarray(v).dtype.kind in "iu" else Fraction(float(v))
        )

    rows = [[exact(v) for v in row] for row in np.asarray(predictions)]
    target = [exact(v) for v in np.asarray(y_true)]
    means = [sum(col) / len(col) for col in zip(*rows)]
    bias2 = sum((m - t) ** 2 for m, t in zip(means, target)) / len(target)
    var = sum(
        sum((v - m) ** 2 for v in col) / len(col) for col, m in zip(zip(*rows), means)
    ) / len(target)
    return bias2, var


def _bv_in_dtype(predictions, y_true):  # errors in the input's dtype (wrap, float32)
    errors = np.asarray(predictions) - np.asarray(y_true)
    return float(np.mean(errors.mean(axis=0) ** 2)), float(np.mean(errors.var(axis=0)))


def _bv_decomposed(predictions, y_true):  # variance = MSE - bias²
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    bias2 = np.mean(((p - t).mean(axis=0)) ** 2)
    return float(bias2), float(max(np.mean((p - t) ** 2) - bias2, 0.0))


def _bv_shifted_int(predictions, y_true):  # shifted data kept in int64: d**2 overflows
    p, t = np.asarray(predictions), np.asarray(y_true, float)
    d = p - p[0]
    var = np.mean(np.mean(d**2, axis=0) - np.mean(d, axis=0) ** 2)
    return float(np.mean((p.mean(axis=0) - t) ** 2)), float(var)


def _bv_allclose_tie(predictions, y_true):  # allclose(rtol=1e-12) decides "no variance"
    p = np.asarray(predictions, float)
    b2, var = core.bias_variance_reference(p, y_true)
    return b2, 0.0 if np.allclose(p, p[0], rtol=1e-12, atol=0.0) else var


def test_bias_variance_dtype_cases_are_exact_and_catch_dtype_and_shortcut_answers():
    cases = list(topic.bias_variance_dtype_cases())
    dtypes = {np.asarray(p).dtype for p, *_ in cases}
    assert {np.dtype(np.float32), np.dtype(np.uint8), np.dtype(np.int8)} <= dtypes
    for p, t, expected, why in cases:
        assert why
        exact = _exact_bias_variance(p, t)
        assert expected == tuple(
            float(x) for x in exact
        )  # rounded once, from fractions
        assert np.allclose(core.bias_variance_reference(p, t), expected, 1e-12, 0)
        for stable in (bias_variance_slow, _bv_welford):
            assert np.allclose(stable(p, t), expected, rtol=1e-9, atol=0)
    for broken, index in [
        (_bv_in_dtype, 0),  # float32 arithmetic
        (_bv_in_dtype, 1),  # uint8 wraps
        (_bv_in_dtype, 2),  # int8 wraps
        (_bv_decomposed, 3),
        (_bv_shifted_int, 4),
        (_bv_allclose_tie, 5),
    ]:
        p, t, expected, _ = cases[index]
        with np.errstate(all="ignore"):
            got = broken(p.copy(), t.copy())
        assert not np.allclose(got, expected, rtol=1e-9, atol=0), (broken, index)


def test_cross_val_dtype_cases_are_exact_and_catch_allclose_and_wrapping():
    from sklearn.dummy import DummyRegressor  # noqa: F401  (the cases' model)

    cases = list(topic.cross_val_dtype_cases())
    assert {np.asarray(y).dtype for _, _, y, _, _, _ in cases} >= {
        np.dtype(np.int8),
        np.dtype(np.uint8),
    }
    for model, X, y, n_folds, expected, why in cases:
        assert why
        assert topic.cross_val_mse_reference(model, X, y, n_folds) == expected
        assert cross_val_mse_slow(model, X, y, n_folds) == expected

    def allclose_perfect(model, X, y, n_folds):
        X, y = np.asarray(X, float), np.asarray(y, float)
        out = []
        for tr, va in KFold(n_folds).split(X):
            p = clone(model).fit(X[tr], y[tr]).predict(X[va])
            ok = np.allclose(p, y[va], rtol=1e-12, atol=0.0)
            out.append(0.0 if ok else np.mean((y[va] - p) ** 2))
        return np.mean(out)

    def in_label_dtype(model, X, y, n_folds):
        X, y = np.asarray(X), np.asarray(y)
        return np.mean(
            [
                np.mean((y[va] - clone(model).fit(X[tr], y[tr]).predict(X[va])) ** 2)
                for tr, va in KFold(n_folds).split(X)
            ]
        )

    with np.errstate(all="ignore"):
        assert [allclose_perfect(*c[:4]) == c[4] for c in cases] == [
            False,
            False,
            True,
            True,
        ]
        assert [in_label_dtype(*c[:4]) == c[4] for c in cases] == [
            True,
            True,
            False,
            False,
        ]


def _kfold_from_sets(n, k):  # train = set difference: iteration order, not sorted
    everything, out, start = set(range(n)), [], 0
    for size in [n // k + (i < n % k) for i in range(k)]:
        val = list(range(start, start + size))
        out.append((np.array(list(everything - set(val))), np.array(val)))
        start += size
    return out


def test_kfold_cases_catch_a_set_ordered_training_index():
    cases = list(topic.kfold_cases(seed=22))
    assert {(9, 2), (33, 2)} <= set(cases)
    unsorted = [
        (n, k)
        for n, k in cases
        if checks.folds_equal(_kfold_from_sets(n, k), core.kfold_reference(n, k))
    ]
    assert unsorted, "a training index built from a set must fail somewhere"


@pytest.mark.parametrize(
    "part, ok",
    [
        (np.array([2.0, 3.0, 4.0, 5.0]), False),
        ([2.0, 3.0, 4.0, 5.0], False),
        (np.array([True, False, True, True]), False),
        ([2, 3, 4, 5], True),
        (np.array([2, 3, 4, 5], dtype=np.uint8), True),
    ],
)
def test_folds_must_hold_integer_index_arrays(part, ok):
    expected = core.kfold_reference(6, 3)
    got = [(part, [0, 1])] + [(tr.tolist(), va.tolist()) for tr, va in expected[1:]]
    problem = checks.folds_equal(got, expected)
    if ok:
        assert problem is None
    else:
        assert problem.startswith("fold 0: train_idx holds ")
        assert problem.endswith("index arrays must be integers: X[idx] needs ints")
    if isinstance(part, np.ndarray) and part.dtype.kind == "f":
        assert problem == (
            "fold 0: train_idx holds floats (2.0, 3.0, 4.0, ...); index arrays must "
            "be integers: X[idx] needs ints"
        )
    # an empty part (float64 to NumPy) is not a dtype problem
    assert checks._not_integer([]) is None


# ------------------------------------------------------------------- data and simulation
def test_make_data_shapes_seed_and_order():
    X, y = topic.make_data(50, seed=4)
    assert X.shape == (50, 1) and y.shape == (50,)
    X2, y2 = topic.make_data(50, seed=4)
    assert np.array_equal(X, X2) and np.array_equal(y, y2)
    assert not np.all(np.diff(X[:, 0]) > 0), "rows must not be sorted by x"
    assert np.allclose(
        topic.make_data(5, noise=0.0)[1],
        core.true_function(topic.make_data(5)[0][:, 0]),
    )


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"n_samples": 1}, "n_samples must be an int >= 2, got 1"),
        ({"n_samples": 2.5}, "n_samples must be an int, got 2.5"),
        ({"noise": -0.1}, "noise must be a finite number >= 0.0, got -0.1"),
        ({"seed": -1}, "seed must be a non-negative int, got -1"),
    ],
)
def test_make_data_validation_echoes_value(kwargs, message):
    error = TypeError if "got 2.5" in message else ValueError
    with pytest.raises(error, match=re.escape(message)):
        topic.make_data(**kwargs)


def test_training_sets_cover_every_bin():
    x, y = core.training_sets(30, 20, seed=1)
    assert x.shape == y.shape == (30, 20)
    bins = np.floor(np.sort(x, axis=1) * 20)
    assert np.array_equal(bins, np.tile(np.arange(20), (30, 1)))


@pytest.mark.parametrize("degree", [0, 1, 3, 7])
def test_batched_polynomial_fit_matches_polyfit(degree):
    x, y = core.training_sets(5, 25, seed=degree)
    grid = np.linspace(0, 1, 11)
    batched = core.predict_polynomials(core.fit_polynomials(x, y, degree), grid)
    for i in range(5):
        slow = np.polyval(np.polyfit(x[i], y[i], degree), grid)
        assert np.allclose(batched[i], slow, atol=1e-7)


def test_batched_ridge_matches_normal_equations_loop():
    x, y = core.training_sets(3, 15, seed=0)
    coef = core.fit_polynomials(x, y, 5, alpha=0.3)
    for i in range(3):
        V = np.polynomial.legendre.legvander(2 * x[i] - 1, 5)
        P = np.diag([0.0] + [1.0] * 5)
        assert np.allclose(coef[i], np.linalg.solve(V.T @ V + 0.3 * P, V.T @ y[i]))


def test_fit_polynomials_rejects_mismatched_shapes():
    with pytest.raises(
        ValueError, match=re.escape("x and y differ in shape: (2, 3) vs (2, 4)")
    ):
        core.fit_polynomials(np.zeros((2, 3)), np.zeros((2, 4)), 1)


def test_simulation_decomposition_adds_up_to_measured_error():
    for degree in (1, 4, 10):
        sim = topic.simulate(degree, n_train=20, n_models=400)
        b2, var = core.bias_variance_reference(sim.predictions, sim.truth)
        assert b2 + var + sim.noise**2 == pytest.approx(sim.test_mse, rel=0.03)


@pytest.mark.parametrize("n_train", [5, 13, 20, 240])
def test_decomposition_is_simulate_at_every_degree(n_train):
    # one QR per training set serves every degree (n_train > 12); below that, the
    # minimum-norm fits of simulate() itself: the slow reference, degree by degree
    dec = core.decomposition(12, n_train, n_models=60, seed=3)
    for degree in range(13):
        sim = topic.simulate(degree, n_train=n_train, n_models=60, seed=3)
        assert dec["predictions"][degree] == pytest.approx(
            sim.predictions, rel=1e-8, abs=1e-8
        )
        b2, var = core.bias_variance_reference(sim.predictions, sim.truth)
        assert dec["bias_squared"][degree] == pytest.approx(b2, rel=1e-9)
        assert dec["variance"][degree] == pytest.approx(var, rel=1e-9)
        assert dec["test_mse"][degree] == pytest.approx(sim.test_mse, rel=1e-9)
    assert np.array_equal(dec["x_train"], sim.x_train)
    assert np.array_equal(dec["truth"], sim.truth)


def test_decomposition_is_u_shaped_and_variance_shrinks_with_data():
    small = core.decomposition(n_train=20)
    large = core.decomposition(n_train=240)
    assert small["bias_squared"][1] > 10 * small["bias_squared"][4]
    assert small["variance"][12] > 10 * small["variance"][2]
    best = int(np.argmin(small["total"]))
    assert 2 < best < 8
    assert np.all(large["variance"] < small["variance"])
    with pytest.raises(
        ValueError, match=re.escape("max_degree must be an int from 0 to 30, got 31")
    ):
        core.decomposition(max_degree=31)


# ------------------------------------------------------- batched trees against sklearn
def test_tree_predictions_equal_sklearn_deep_tree():
    x, y = core.training_sets(4, 30, seed=3)
    grid = np.linspace(0, 1, 57)
    ours = core.tree_predictions(x, y, grid)
    for i in range(4):
        tree = DecisionTreeRegressor(random_state=0).fit(x[i, :, None], y[i])
        assert np.allclose(ours[i], tree.predict(grid[:, None]))


def test_bagging_equals_average_of_trees_on_the_same_bootstraps():
    x, y = core.training_sets(3, 20, seed=4)
    grid = np.linspace(0, 1, 31)
    ours = core.bagged_tree_predictions(x, y, grid, n_estimators=5, seed=2)
    rng = np.random.default_rng([2, 7])
    slow = np.zeros_like(ours)
    for _ in range(5):
        draws = rng.integers(0, 20, (3, 20))
        for i in range(3):
            idx = draws[i]
            tree = DecisionTreeRegressor(random_state=0).fit(x[i, idx, None], y[i, idx])
            slow[i] += tree.predict(grid[:, None]) / 5
    assert np.allclose(ours, slow)


@pytest.mark.parametrize("n_estimators, lr", [(1, 1.0), (20, 0.3)])
def test_boosted_stumps_equal_sklearn_gradient_boosting(n_estimators, lr):
    x, y = core.training_sets(3, 25, seed=5)
    grid = np.linspace(0, 1, 41)
    ours = core.boosted_stump_predictions(x, y, grid, n_estimators, lr)
    for i in range(3):
        gb = GradientBoostingRegressor(
            max_depth=1, n_estimators=n_estimators, learning_rate=lr, random_state=0
        ).fit(x[i, :, None], y[i])
        assert np.allclose(ours[i], gb.predict(grid[:, None]), atol=1e-10)


# ------------------------------------------------------------------------------ checks
def kfold_right(n, k):
    if k < 2 or k > n:
        raise ValueError("bad")
    return [(tr.tolist(), va.tolist()) for tr, va in KFold(k).split(range(n))]


def test_check_folds_accepts_lists_tuples_and_generators():
    for func in (
        kfold_right,
        lambda n, k: tuple(KFold(k).split(range(n))),
        lambda n, k: (pair for pair in KFold(k).split(np.zeros(n))),
        lambda n, k: [
            (np.asarray(t, np.int32), np.asarray(v, np.uint32))
            for t, v in kfold_right(n, k)
        ],
    ):
        check = topic.checker("kfold_indices", func)
        for n, k in [(7, 3), (2, 2), (10, 10)]:
            topic.check_folds(check, n, k)
        assert check.count == 3


def test_check_folds_names_the_fold_and_the_known_mistake():
    def remainder_last(n_samples, n_folds):
        return checks._kfold_remainder_last(n_samples, n_folds)

    check = topic.checker("kfold_indices", remainder_last)
    with pytest.raises(CheckFailed) as info:
        topic.check_folds(check, 5, 2, why="uneven")
    assert str(info.value) == (
        "kfold_indices(n_samples=5, n_folds=2)\n"
        "  case:     uneven\n"
        "  problem:  fold 0 is (train_idx=[2, 3, 4], val_idx=[0, 1]); expected "
        "(train_idx=[3, 4], val_idx=[0, 1, 2])\n"
        f"  hint:     {topic.EXERCISES['kfold_indices'].mistakes[1].hint}"
    )


@pytest.mark.parametrize(
    "func, problem",
    [
        (lambda n, k: None, "is None: did you forget to `return` the folds?"),
        (
            lambda n, k: kfold_right(n, k)[:-1],
            "should hold 3 folds (one per n_folds), got 2",
        ),
        (lambda n, k: [1, 2, 3], "fold 0 should be a (train_idx, val_idx) pair, got 1"),
    ],
)
def test_check_folds_explains_malformed_results(func, problem):
    check = topic.checker("kfold_indices", func)
    with pytest.raises(CheckFailed, match=re.escape(problem)):
        topic.check_folds(check, 7, 3)


def test_check_model_unfitted_catches_a_fitted_model():
    def no_clone(model, X, y, n_folds=5):
        X, y = np.asarray(X), np.asarray(y)
        return float(
            np.mean(
                [
                    np.mean((y[v] - model.fit(X[t], y[t]).predict(X[v])) ** 2)
                    for t, v in KFold(n_folds).split(X)
                ]
            )
        )

    X, y = topic.make_data(12)
    good = topic.checker(
        "cross_val_mse", lambda m, X, y, n_folds=5: cross_val_mse_slow(m, X, y, n_folds)
    )
    topic.check_model_unfitted(good, LinearRegression(), X, y, n_folds=3)
    bad = topic.checker("cross_val_mse", no_clone)
    with pytest.raises(
        CheckFailed, match=re.escape("the model passed in is fitted afterwards")
    ):
        topic.check_model_unfitted(bad, Ridge(), X, y, n_folds=3)
    with pytest.raises(
        ValueError, match=re.escape("model must be unfitted for this check")
    ):
        topic.check_model_unfitted(good, LinearRegression().fit(X, y), X, y)


def test_checker_hint_for_swapped_bias_variance():
    check = topic.checker(
        "bias_variance", lambda p, t: core.bias_variance_reference(p, t)[::-1]
    )
    with pytest.raises(CheckFailed, match=re.escape("The result looks swapped")):
        check([[1.0, 1.0, 1.0]], [0.0, 1.0, 2.0], expect=(2 / 3, 0.0))


# ----------------------------------------------------------------------- figures, widget
def test_explorer_update_moves_marker_and_redraws_fits():
    ex = topic.ComplexityExplorer(degree=2, n_train=20, n_shown=10)
    assert len(ex.fit_lines) == 10
    parts = ex.update(9)
    assert list(ex.marker.get_xdata()) == [9, 9]
    dec = core.decomposition(n_train=20)
    assert np.allclose(ex.fit_lines[0].get_ydata(), dec["predictions"][9][0])
    assert np.allclose(ex.mean_line.get_ydata(), dec["predictions"][9].mean(axis=0))
    assert parts["total"] == pytest.approx(dec["total"][9])
    assert (
        "variance" in ex.ax_err.get_title()
        and f"{parts['variance']:.3f}" in ex.ax_err.get_title()
    )
    assert ex._repr_png_().startswith(b"\x89PNG")


def test_explorer_training_size_shrinks_the_variance():
    ex = topic.ComplexityExplorer(degree=8, n_train=20)
    small = ex.update(8)["variance"]
    ex.set_n_train(240)
    assert ex.degree == 8
    assert ex.update(8)["variance"] < small / 5
    spread = np.std([line.get_ydata() for line in ex.fit_lines], axis=0).mean()
    assert spread < np.sqrt(small)
    # the right panel's curves, best degree and training points follow the new size
    dec = ex.dec
    assert dec["x_train"].shape == (200, 240)
    assert np.allclose(ex.curves["variance"].get_ydata(), dec["variance"])
    best = int(np.argmin(dec["total"]))
    assert list(ex.best.get_xdata()) == [best]
    assert ex.err_legend.get_texts()[-1].get_text() == f"best degree ({best})"
    assert len(ex.points.get_xdata()) == 240


def test_explorer_validation_echoes_value():
    ex = topic.ComplexityExplorer()
    with pytest.raises(
        ValueError, match=re.escape("degree must be an int from 0 to 12, got 13")
    ):
        ex.update(13)
    with pytest.raises(
        ValueError,
        match=re.escape("n_train must be one of [15, 20, 30, 60, 120, 240], got 25"),
    ):
        topic.complexity_explorer(n_train=25)


def test_complexity_explorer_widget_reacts_to_controls():
    box = topic.complexity_explorer()
    before = box.children[1].value
    box.slider.value = 11
    assert box.explorer.degree == 11
    assert box.children[1].value != before
    box.size.value = 120
    assert box.explorer.n_train == 120


def test_complexity_explorer_blits_a_degree_and_a_new_size():
    box = topic.complexity_explorer()
    assert assert_blits_like_a_full_draw(box) == 8  # the axes never change
    assert box.image.full_draws == 1


def test_resampling_figure_draws_one_panel_per_degree():
    fig = topic.resampling_figure(degrees=(1, 12), n_shown=7)
    axes = fig.axes
    assert len(axes) == 2
    assert len(axes[0].lines) == 7 + 2  # the fits, their average and the truth
    assert axes[1].get_title().startswith("degree 12")
    with pytest.raises(
        ValueError, match=re.escape("degree must be an int from 0 to 12, got 13")
    ):
        topic.resampling_figure(degrees=(13,))


def test_curve_figures_have_train_and_validation_lines():
    fig = topic.validation_curve_figure()
    labels = [line.get_label() for line in fig.axes[0].lines]
    assert "training MSE" in labels and "5-fold validation MSE" in labels
    fig = topic.learning_curve_figure(degrees=(1, 12), sizes=(15, 30, 60), n_models=50)
    assert len(fig.axes) == 2
    train, test = fig.axes[1].lines[:2]
    assert np.all(np.asarray(train.get_ydata()) < np.asarray(test.get_ydata()))
    with pytest.raises(
        ValueError, match=re.escape("sizes must be at least two ints >= 2, got [10]")
    ):
        topic.learning_curve_figure(sizes=(10,))


def test_remedy_figures():
    fig = topic.more_data_figure(degrees=(1, 10), sizes=(15, 60, 240), n_models=50)
    variance = [
        line for line in fig.axes[0].lines if line.get_label() == "degree 10: variance"
    ][0]
    assert np.all(np.diff(variance.get_ydata()) < 0)
    fig = topic.regularisation_figure(alphas=(1e-6, 1e-2, 1.0, 100.0), n_models=50)
    assert len(fig.axes) == 4
    with pytest.raises(
        ValueError, match=re.escape("alphas must be at least three positive numbers")
    ):
        topic.regularisation_figure(alphas=(1.0, 2.0))
    fig = topic.ensemble_figure(n_models=30)
    bars = fig.axes[-1].patches
    heights = np.array([b.get_height() for b in bars]).reshape(
        3, 4
    )  # bias², variance, noise
    assert heights[1, 1] < heights[1, 0], "bagging must lower the variance"
    assert heights[0, 3] < heights[0, 2], "boosting must lower the bias"


def test_poly_model_validates_degree():
    assert topic.poly_model(3).get_params()["polynomialfeatures__degree"] == 3
    with pytest.raises(
        ValueError, match=re.escape("degree must be an int from 1 to 20, got 0")
    ):
        topic.poly_model(0)


def test_complexity_explorer_keeps_the_explorer_protocol():
    from interview_lab.widgets import Explorer

    assert isinstance(topic.ComplexityExplorer(), Explorer)


# ---------------------------------------------------------------------------- docstrings
DOCUMENTED_DEFAULT = re.compile(r"^ {4}(\w+) : [^\n]*\bdefault=(\S+?),?$", re.M)


def _documented(module):
    for name in module.__all__:
        obj = getattr(module, name)
        func = obj.__init__ if isinstance(obj, type) else obj
        if callable(func) and obj.__doc__:
            yield pytest.param(module, obj, func, id=name)


@pytest.mark.parametrize(
    "module, obj, func",
    [p for m in (core, checks, figures) for p in _documented(m)],
)
def test_documented_defaults_match_the_signature(module, obj, func):
    import inspect

    params = inspect.signature(func).parameters
    for name, text in DOCUMENTED_DEFAULT.findall(obj.__doc__):
        assert name in params, f"{obj.__name__} documents {name}, not a parameter"
        assert params[name].default == eval(text, vars(module)), (
            f"{obj.__name__}: {name} documented as default={text}, "
            f"signature says {params[name].default!r}"
        )
