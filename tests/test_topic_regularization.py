"""Unit tests of interview_lab.topics.regularization: references, test inputs,
mistakes, figures and widgets. That every declared mistake is told apart with its own
hint is tested for every topic in test_topic_contract.py."""

from __future__ import annotations

import re
from functools import partial

import numpy as np
import pytest
from pixels import assert_blits_like_a_full_draw

from interview_lab.checking import CheckFailed
from interview_lab.topics import regularization as topic
from interview_lab.topics.regularization import checks, figures

EXAMPLE_X = [[1, 1], [1, -1], [-1, 1], [-1, -1]]
EXAMPLE_Y = [4, 2, 0, -2]


# ------------------------------------------------------------- slow references
def _ridge_slow(X, y, alpha):
    """Ridge by minimising the objective over (w, b) with the normal equations of the
    full augmented problem, the intercept left out of the penalty."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    A = np.column_stack([X, np.ones(n)])
    P = alpha * np.eye(p + 1)
    P[p, p] = 0.0
    sol = np.linalg.lstsq(A.T @ A + P, A.T @ y, rcond=None)[0]
    return sol[:p], sol[p]


def _lasso_objective(X, y, alpha, coef, b):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    r = y - X @ coef - b
    return r @ r / (2 * len(y)) + alpha * np.abs(coef).sum()


def _soft_slow(z, t):
    if z > t:
        return z - t
    if z < -t:
        return z + t
    return 0.0


# ------------------------------------------------------------------ references
@pytest.mark.parametrize(
    "case",
    list(topic.ridge_cases(seed=5, n_random=15)),
    ids=lambda c: f"n{len(c[0])}p{len(c[0][0])}a{c[2]:g}",
)
def test_ridge_reference_matches_slow_normal_equations(case):
    X, y, alpha = case
    coef, b = topic.ridge_reference(X, y, alpha)
    slow_coef, slow_b = _ridge_slow(X, y, alpha)
    np.testing.assert_allclose(coef, slow_coef, atol=1e-6)
    assert abs(b - slow_b) < 1e-6


def test_ridge_reference_worked_example():
    coef, b = topic.ridge_reference(EXAMPLE_X, EXAMPLE_Y, 4.0)
    np.testing.assert_allclose(coef, [1.0, 0.5])
    assert b == pytest.approx(1.0)


def test_lasso_reference_is_a_minimum():
    """No small move of any coefficient lowers the lasso objective."""
    rng = np.random.default_rng(0)
    for X, y, alpha in topic.lasso_cases(seed=3, n_random=10):
        coef, b = topic.lasso_reference(X, y, alpha)
        best = _lasso_objective(X, y, alpha, coef, b)
        for _ in range(20):
            step = rng.normal(0, 1e-3, len(coef))
            assert _lasso_objective(X, y, alpha, coef + step, b) >= best - 1e-12
            assert _lasso_objective(X, y, alpha, coef, b + 1e-3) >= best - 1e-12


def test_lasso_reference_worked_example_has_an_exact_zero():
    coef, b = topic.lasso_reference(EXAMPLE_X, EXAMPLE_Y, 1.5)
    assert coef.tolist() == pytest.approx([0.5, 0.0])
    assert coef[1] == 0
    assert b == pytest.approx(1.0)


@pytest.mark.parametrize("case", list(topic.soft_threshold_cases(seed=4)), ids=str)
def test_soft_threshold_reference_matches_scalar_definition(case):
    z, t = case
    got = topic.soft_threshold_reference(z, t)
    expected = np.vectorize(lambda v: _soft_slow(v, t))(np.asarray(z, dtype=float))
    np.testing.assert_array_equal(np.asarray(got), expected)
    assert np.shape(got) == np.shape(z)


def test_soft_threshold_reference_returns_float_and_no_negative_zero():
    assert topic.soft_threshold_reference(-0.5, 1.0) == 0.0
    assert isinstance(topic.soft_threshold_reference(-0.5, 1.0), float)
    assert not np.signbit(topic.soft_threshold_reference(-0.5, 1.0))


def test_wrong_zeros():
    assert topic.wrong_zeros([0.5, 0.0], EXAMPLE_X, EXAMPLE_Y, 1.5) == []
    assert topic.wrong_zeros([0.5, 1e-12], EXAMPLE_X, EXAMPLE_Y, 1.5) == [1]
    with pytest.raises(
        ValueError, match=re.escape("coef must have shape (2,), got (3,)")
    ):
        topic.wrong_zeros([0.5, 0.0, 0.0], EXAMPLE_X, EXAMPLE_Y, 1.5)


# ----------------------------------------------------------------- test inputs
def test_ridge_cases_cover_the_contract_edge_cases():
    cases = list(topic.ridge_cases(seed=31))
    shapes = [np.shape(X) for X, _, _ in cases]
    alphas = [a for _, _, a in cases]
    assert any(p == 1 for _, p in shapes), "one feature"
    assert any(p > n for n, p in shapes), "more features than samples"
    assert any(isinstance(X, list) for X, _, _ in cases), "lists"
    assert 0.0 in alphas and max(alphas) >= 1e6
    for X, _, a in cases:
        if a == 0:
            assert np.linalg.matrix_rank(np.asarray(X, float)) == np.shape(X)[1]
    assert len(cases) == 7 + 40


def test_lasso_cases_edge_cases_and_well_posed():
    cases = list(topic.lasso_cases(seed=33, n_random=20))
    assert len(cases) == 24
    coefs = [topic.lasso_reference(X, y, a)[0] for X, y, a in cases]
    assert np.shape(cases[0][0])[1] == 1 and isinstance(cases[0][0], list)
    assert np.all(coefs[1] == 0), "huge alpha: every coefficient exactly 0"
    X2 = np.asarray(cases[2][0])
    assert np.corrcoef(X2.T)[0, 1] > 0.7 and np.sum(coefs[2] == 0) == 1
    X3 = np.asarray(cases[3][0])
    assert X3.shape[1] == 5 and np.all(coefs[3] != 0)
    assert checks._max_correlation_eigenvalue(X3) > 2, "simultaneous updates diverge"
    assert any(np.any(c == 0) and np.any(c != 0) for c in coefs[4:]), "mixed zeros"
    for X, y, a in cases:
        assert checks._lasso_margin_ok(X, y, a)


def _cd(X, y, alpha, stop, sweeps=1000, guard=True):
    """Cyclic coordinate descent on centred data; ``stop(dw, dobj, w, obj)`` ends it.

    ``guard`` skips a column with x_j·x_j = 0 (a constant column), as scikit-learn does.
    """
    X, y = np.asarray(X, float), np.asarray(y, float)
    n, p = X.shape
    Xc, r = X - X.mean(0), y - y.mean()
    z, w = (Xc**2).sum(0) / n, np.zeros(p)
    obj = r @ r / (2 * n)
    for _ in range(sweeps):
        old_w, old_obj = w.copy(), obj
        for j in range(p):
            if guard and z[j] == 0:
                continue
            rho = Xc[:, j] @ r / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r -= Xc[:, j] * (new - w[j])
            w[j] = new
        obj = r @ r / (2 * n) + alpha * np.abs(w).sum()
        if stop(np.max(np.abs(w - old_w)), abs(old_obj - obj), w, obj):
            break
    return w, y.mean() - X.mean(0) @ w


STOPS = {
    "max |dw| < tol": lambda dw, do, w, o: dw < 1e-6,
    "max |dw| < tol * max |w|": lambda dw, do, w, o: dw <= 1e-6 * np.max(np.abs(w)),
    "objective change < tol": lambda dw, do, w, o: do < 1e-6,
    "relative objective change < tol": lambda dw, do, w, o: do < 1e-6 * o,
    "no early stop": lambda dw, do, w, o: False,
}


@pytest.mark.parametrize("rule", list(STOPS))
def test_lasso_cases_every_reasonable_stopping_rule_lands_within_tolerance(rule):
    """The hidden cases (seed 33) leave room: each rule is within 1e-4 / 2."""
    cases = [*topic.lasso_cases(seed=33), *topic.extreme_lasso_cases(seed=33)]
    for X, y, alpha in cases:
        coef, b = _cd(X, y, alpha, STOPS[rule])
        ref, ref_b = topic.lasso_reference(X, y, alpha)
        assert max(np.max(np.abs(coef - ref)), abs(b - ref_b)) < 5e-5
        assert not topic.wrong_zeros(coef, X, y, alpha)


def test_lasso_cases_catch_few_sweeps_and_simultaneous_updates():
    def few_sweeps_fail(sweeps):
        return any(
            max(np.max(np.abs(c - r)), abs(b - rb)) > 1e-4
            for (c, b), (r, rb) in (
                (
                    _cd(X, y, a, lambda *_: False, sweeps=sweeps),
                    topic.lasso_reference(X, y, a),
                )
                for X, y, a in topic.lasso_cases(seed=33)
            )
        )

    assert few_sweeps_fail(1) and few_sweeps_fail(3)
    X, y, alpha = list(topic.lasso_cases(seed=33, n_random=0))[3]
    X, y = np.asarray(X), np.asarray(y)
    Xc, yc = X - X.mean(0), y - y.mean()
    z, w = (Xc**2).sum(0) / len(y), np.zeros(X.shape[1])
    with np.errstate(all="ignore"):
        for _ in range(200):  # Jacobi: every coordinate from the same residual
            rho = Xc.T @ (yc - Xc @ w) / len(y) + z * w
            w = np.sign(rho) * np.maximum(np.abs(rho) - alpha, 0) / z
    ref, _ = topic.lasso_reference(X, y, alpha)
    assert not np.allclose(w, ref, atol=1e-4)


def test_cases_are_reproducible():
    a = list(topic.lasso_cases(seed=1, n_random=3))
    b = list(topic.lasso_cases(seed=1, n_random=3))
    for (X1, y1, a1), (X2, y2, a2) in zip(a, b, strict=True):
        np.testing.assert_array_equal(np.asarray(X1), np.asarray(X2))
        np.testing.assert_array_equal(np.asarray(y1), np.asarray(y2))
        assert a1 == a2


def test_soft_threshold_cases_include_ties_zero_threshold_and_2d():
    cases = list(topic.soft_threshold_cases(seed=0))
    assert any(np.ndim(z) == 0 and abs(z) == t for z, t in cases)
    assert any(t == 0 for _, t in cases)
    assert any(np.ndim(z) == 2 and isinstance(z, list) for z, _ in cases)
    assert any(np.ndim(z) == 2 and isinstance(z, np.ndarray) for z, _ in cases)
    ints = [(z, t) for z, t in cases if np.asarray(z).dtype.kind == "i"]
    assert any(t != int(t) for _, t in ints), "ints with a fractional threshold"
    assert any(np.ndim(z) == 1 for z, _ in ints) and any(
        np.ndim(z) == 2 for z, _ in ints
    )


@pytest.mark.parametrize(
    "func", [topic.ridge_cases, topic.lasso_cases, topic.soft_threshold_cases]
)
def test_case_generators_validate(func):
    with pytest.raises(
        ValueError, match=re.escape("seed must be a non-negative int, got -1")
    ):
        next(func(seed=-1))
    with pytest.raises(TypeError, match=re.escape("n_random must be an int, got 2.5")):
        next(func(n_random=2.5))


# ------------------------------------------------- test inputs at the edges (issue 9)
def _ridge_centred(X, y, alpha, solver=np.linalg.solve):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    mx, my = X.mean(0), y.mean()
    Xc = X - mx
    coef = solver(Xc.T @ Xc + alpha * np.eye(X.shape[1]), Xc.T @ (y - my))
    return coef, my - mx @ coef


def _ridge_inv(X, y, alpha):
    return _ridge_centred(X, y, alpha, lambda A, b: np.linalg.inv(A) @ b)


def _ridge_augmented_lstsq(X, y, alpha):
    """Uncentred but backward stable: least squares on [X 1; sqrt(alpha)·I 0]."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, p = X.shape
    A = np.block([[X, np.ones((n, 1))], [np.sqrt(alpha) * np.eye(p), np.zeros((p, 1))]])
    sol = np.linalg.lstsq(A, np.r_[y, np.zeros(p)], rcond=None)[0]
    return sol[:p], sol[p]


def _ridge_expanded(X, y, alpha):
    """XᵀX - n·x̄x̄ᵀ: right in exact arithmetic, cancels at large offsets."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, p = X.shape
    mx, my = X.mean(0), y.mean()
    G = X.T @ X - n * np.outer(mx, mx)
    coef = np.linalg.solve(G + alpha * np.eye(p), X.T @ y - n * mx * my)
    return coef, my - mx @ coef


def _ridge_gradient_steps(X, y, alpha, steps=20_000):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    mx, my = X.mean(0), y.mean()
    Xc = X - mx
    H = Xc.T @ Xc + alpha * np.eye(X.shape[1])
    g, w = Xc.T @ (y - my), np.zeros(X.shape[1])
    step = 1 / np.linalg.eigvalsh(H).max()
    for _ in range(steps):
        w -= step * (H @ w - g)
    return w, my - mx @ w


def _ridge_standardised(X, y, alpha):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    s = X.std(0)
    Z = (X - X.mean(0)) / s
    v = np.linalg.solve(Z.T @ Z + alpha * np.diag(1 / s**2), Z.T @ (y - y.mean()))
    return v / s, y.mean() - X.mean(0) @ (v / s)


def _ridge_jitter(X, y, alpha):
    return _ridge_centred(X, y, alpha + 1e-8)


def _ridge_allclose(X, y, alpha):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    Xc = X - X.mean(0)
    keep = ~np.array([np.allclose(c, 0) for c in Xc.T])
    w = np.zeros(X.shape[1])
    if keep.any():
        w[keep] = _ridge_centred(X[:, keep], y, alpha)[0]
    return w, y.mean() - X.mean(0) @ w


def _ridge_cut(X, y, alpha):
    coef, _ = _ridge_centred(X, y, alpha)
    coef[np.abs(coef) < 1e-3] = 0.0
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    return coef, y.mean() - X.mean(0) @ coef


def _ridge_float32(X, y, alpha):
    X32, y32 = np.asarray(X, np.float32), np.asarray(y, np.float32)
    return _ridge_centred(X32.astype(float), y32.astype(float), alpha)


def _ridge_fails(func, cases, atol=1e-6, rtol=1e-11):
    """Indices of the cases on which ``func`` is not within the tolerance."""
    bad = []
    for i, (X, y, alpha) in enumerate(cases):
        ref, ref_b = topic.ridge_reference(X, y, alpha)
        with np.errstate(all="ignore"):
            try:
                coef, b = func(X, y, alpha)
            except np.linalg.LinAlgError:
                bad.append(i)
                continue
        ok = np.allclose(coef, ref, atol=atol, rtol=rtol) and np.isclose(
            b, ref_b, atol=atol, rtol=rtol
        )
        if not ok:
            bad.append(i)
    return bad


def test_extreme_ridge_cases_cover_offsets_rank_scale_and_one_sample():
    cases = list(topic.extreme_ridge_cases(seed=31))
    assert len(cases) == 13 and all(a > 0 for _, _, a in cases)
    arrays = [(np.asarray(X, float), np.asarray(y, float)) for X, y, _ in cases]
    offsets = [
        i for i, (X, y) in enumerate(arrays) if X.min() > 9_900 and y.min() > 9e5
    ]
    assert offsets == [0, 1, 2, 11] and len(arrays[1][0]) == 500
    assert isinstance(cases[2][0], list) and isinstance(cases[2][0][0][0], int)
    X3, X4 = arrays[3][0], arrays[4][0]
    assert np.corrcoef(X3.T)[0, 1] > 1 - 1e-6 and np.corrcoef(X4.T)[0, 1] > 1 - 1e-12
    X5 = arrays[5][0]
    assert np.array_equal(X5[:, 0], X5[:, 2]), "a duplicated column"
    X6 = arrays[6][0]
    assert np.ptp(X6, axis=0)[[1, 3]].tolist() == [0.0, 0.0], "constant columns"
    assert np.all(topic.ridge_reference(*cases[6])[0][[1, 3]] == 0)
    assert np.abs(arrays[7][0]).max() < 1e-2 and np.abs(arrays[8][0]).min() > 1e2
    small = np.abs(topic.ridge_reference(*cases[9])[0])
    assert np.all((small > 1e-4) & (small < 1e-3)), "small coefficients, not 0"
    assert np.shape(cases[10][0]) == (1, 3)
    coef, b = topic.ridge_reference(*cases[10])
    assert coef.tolist() == [0.0, 0.0, 0.0] and b == 7.0
    assert cases[11][0].dtype == np.float32 and cases[11][1].dtype == np.float32
    assert cases[11][0].min() > 9_900 and cases[11][1].min() > 9e5
    assert cases[12][0].dtype == np.int8 and cases[12][1].dtype == np.int16
    X12 = cases[12][0]
    assert np.any((X12.T @ X12).astype(int) != X12.T.astype(int) @ X12), "wraps in int8"
    X, y, a = next(topic.extreme_ridge_cases(seed=31))
    np.testing.assert_array_equal(X, cases[0][0])


def test_extreme_ridge_cases_pass_careful_answers_and_catch_the_numerics():
    cases = list(topic.extreme_ridge_cases(seed=31))
    for careful in (_ridge_centred, _ridge_inv, _ridge_augmented_lstsq):
        assert _ridge_fails(careful, cases) == [], careful.__name__
    assert {0, 1, 2} <= set(_ridge_fails(_ridge_expanded, cases)), "cancellation"
    assert {0, 1} <= set(_ridge_fails(_ridge_float32, cases)), "float offsets"
    assert {3, 4} <= set(_ridge_fails(_ridge_gradient_steps, cases)), "collinear"
    assert 6 in _ridge_fails(_ridge_standardised, cases), "constant column"
    assert 7 in _ridge_fails(_ridge_jitter, cases), "small scale"
    assert 9 in _ridge_fails(_ridge_cut, cases), "small coefficients"

    def keep_dtype(X, y, alpha):  # means and products in the input's dtype
        X, y = np.asarray(X), np.asarray(y)
        x_mean, y_mean = X.mean(0, dtype=X.dtype), y.mean(dtype=y.dtype)
        gram = X.T @ X - len(X) * np.outer(x_mean, x_mean)
        coef = np.linalg.solve(gram + alpha * np.eye(X.shape[1]), (X - x_mean).T @ y)
        return coef, float(y_mean - x_mean @ coef)

    assert {11, 12} <= set(_ridge_fails(keep_dtype, cases)), "float32 and int8"


def test_tiny_ridge_cases_are_below_allclose_and_fair_at_atol_1e_5():
    cases = list(topic.tiny_ridge_cases(seed=31))
    assert len(cases) == 2 and isinstance(cases[1][0], list)
    for X, y, alpha in cases:
        Xc = np.asarray(X) - np.mean(X, axis=0)
        assert np.abs(Xc).max() < 1e-8 and alpha == 2e-18
        assert 0.1 < np.abs(topic.ridge_reference(X, y, alpha)[0]).max() < 10
    for careful in (_ridge_centred, _ridge_inv, _ridge_augmented_lstsq):
        assert _ridge_fails(careful, cases, atol=1e-5, rtol=0) == []
    for wrong in (_ridge_allclose, _ridge_jitter):
        assert _ridge_fails(wrong, cases, atol=1e-5, rtol=0) == [0, 1]


def _st_multiplicative(z, t):
    z = np.asarray(z, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = z * np.where(np.abs(z) > t, 1 - t / np.abs(z), 0.0)
    return float(out) if out.ndim == 0 else out


def _st_fails(func, cases):
    from interview_lab.checking import compare

    bad = []
    for i, (z, t) in enumerate(cases):
        with np.errstate(all="ignore"):
            got = func(z, t)
        if compare(got, topic.soft_threshold_reference(z, t), 0.0, 1e-3) is not None:
            bad.append(i)
    return bad


def test_extreme_soft_threshold_cases_cover_shapes_ties_scales_and_ints():
    cases = list(topic.extreme_soft_threshold_cases(seed=32))
    shapes = {np.shape(z) for z, _ in cases}
    assert {(1,), (1, 1), (7, 1), (1, 6), (), (6, 1)} <= shapes
    outs = [topic.soft_threshold_reference(z, t) for z, t in cases]
    tiny_nonzero = [abs(v) for o in outs for v in np.ravel(o) if 0 < abs(v) < 1e-11]
    assert min(tiny_nonzero) < 1e-199, "results near 1e-200 are not 0"
    near = [np.abs(np.asarray(z)) / t - 1 for z, t in cases[6:9]]
    assert all(np.any((r > 0) & (r < 1e-12)) for r in near), "near-ties, not ties"
    assert all(np.any(r == 0) for r in near), "and exact ties"
    ints = [z for z, _ in cases if np.asarray(z).dtype.kind == "i"]
    assert any(np.max(np.abs(z)) > 2**31 for z in ints), "past int32"
    assert any(t == 0 and 0.0 in np.ravel(z) for z, t in cases)
    assert max(np.size(z) for z, _ in cases) == 5000
    z, t = cases[-4]
    assert np.mean(np.abs(z) == t) > 0.3, "a third exact ties"
    dtypes = [np.asarray(z).dtype for z, _ in cases[-3:]]
    assert dtypes == [np.int8, np.uint8, np.float32]
    assert -128 in cases[-3][0] and 255 in cases[-2][0]


def test_ulp_soft_threshold_cases_are_fair_at_rtol_half_and_catch_dead_zones():
    from interview_lab.checking import compare

    cases = list(topic.ulp_soft_threshold_cases())
    assert [t for _, t in cases] == [1.0, 2.0**20, 0.1, 1e10]
    for z, t in cases:
        units = (np.abs(z) - t) / np.spacing(t)
        assert units.tolist() == [1, 2, 3, 4, 1, 2, 3, 4, 0]

    def clip(z, t):
        return np.asarray(z, float) - np.clip(np.asarray(z, float), -t, t)

    def relative_epsilon(z, t):
        z = np.asarray(z, dtype=float)
        mag = np.abs(z) - t
        return np.sign(z) * np.where(mag <= 1e-13 * t, 0.0, mag)

    def isclose(z, t):
        z = np.asarray(z, dtype=float)
        dead = (np.abs(z) <= t) | np.isclose(np.abs(z), t, rtol=1e-15, atol=0)
        return np.where(dead, 0.0, z - np.sign(z) * t)

    def fails(func):
        return [
            i
            for i, (z, t) in enumerate(cases)
            if compare(func(z, t), topic.soft_threshold_reference(z, t), 0.0, 0.5)
        ]

    for careful in (topic.soft_threshold_reference, _st_multiplicative, clip):
        assert fails(careful) == [], careful
    for wrong in (relative_epsilon, isclose):
        assert fails(wrong) == [0, 1, 2, 3], wrong.__name__


def test_extreme_soft_threshold_cases_fair_to_other_formulas_and_catch_mistakes():
    cases = list(topic.extreme_soft_threshold_cases(seed=32))

    def clip(z, t):
        return np.asarray(z, float) - np.clip(np.asarray(z, float), -t, t)

    for careful in (topic.soft_threshold_reference, _st_multiplicative, clip):
        assert _st_fails(careful, cases) == [], careful

    def square(z, t):
        z = np.asarray(z, dtype=float)
        return np.sign(z) * np.maximum(np.sqrt(z * z) - t, 0.0)

    def isclose(z, t):
        z = np.asarray(z, dtype=float)
        dead = (np.abs(z) <= t) | np.isclose(np.abs(z), t)
        return np.where(dead, 0.0, z - np.sign(z) * t)

    def rounded(z, t):
        return np.round(topic.soft_threshold_reference(z, t), 10)

    def squeezed(z, t):
        return np.squeeze(topic.soft_threshold_reference(z, t))

    def float32(z, t):
        return topic.soft_threshold_reference(np.asarray(z, np.float32), t)

    def keep_dtype(z, t):  # abs(-128) is -128 in int8; float32 stays float32
        z = np.asarray(z)
        return np.sign(z) * np.maximum(np.abs(z) - z.dtype.type(t), 0)

    for wrong in (square, isclose, rounded, squeezed, float32):
        assert _st_fails(wrong, cases), wrong.__name__
    assert {len(cases) - 3, len(cases) - 1} <= set(_st_fails(keep_dtype, cases))


def test_extreme_lasso_cases_cover_constant_columns_small_coefficients_ints_offsets():
    cases = list(topic.extreme_lasso_cases(seed=33))
    assert len(cases) == 9
    coefs = [topic.lasso_reference(X, y, a)[0] for X, y, a in cases]
    X0 = np.asarray(cases[0][0])
    assert np.ptp(X0, axis=0)[[1, 3]].tolist() == [0.0, 0.0]
    assert np.all(coefs[0][[1, 3]] == 0) and np.sum(coefs[0] != 0) >= 2
    assert np.any((np.abs(coefs[1]) > 2e-4) & (np.abs(coefs[1]) < 1e-3))
    assert isinstance(cases[2][0], list) and isinstance(cases[2][0][0][0], int)
    assert isinstance(cases[2][1][0], int)
    assert [len(y) for _, y, _ in cases[3:6]] == [60, 2000, 60]
    assert all(np.min(y) > 9.9e5 for _, y, _ in cases[3:6]), "targets near 1e6"
    assert cases[5][0].dtype == np.float32 and cases[5][1].dtype == np.float32
    assert cases[6][0].dtype == np.int8 and cases[6][1].dtype == np.int16
    assert np.isclose(np.var(cases[7][0][:, 1]), 0) and coefs[7][1] > 1e4
    assert abs(coefs[8][1]) < 1e-3 * abs(coefs[8][0]) and abs(coefs[8][1]) > 5e-4
    for X, y, a in cases:
        assert checks._lasso_margin_ok(X, y, a, min_effect=0.02)


def _lasso_fails(func, cases):
    bad = []
    for i, (X, y, alpha) in enumerate(cases):
        ref, ref_b = topic.lasso_reference(X, y, alpha)
        with np.errstate(all="ignore"):
            try:
                coef, b = func(X, y, alpha)
            except np.linalg.LinAlgError:
                bad.append(i)
                continue
        if (
            not np.allclose(coef, ref, atol=1e-4, rtol=0)
            or not np.isclose(b, ref_b, atol=1e-4, rtol=0)
            or topic.wrong_zeros(coef, X, y, alpha)
        ):
            bad.append(i)
    return bad


def test_extreme_lasso_cases_catch_missing_guard_cut_offs_and_float32():
    cases = list(topic.extreme_lasso_cases(seed=33))
    stop = STOPS["max |dw| < tol"]
    assert _lasso_fails(lambda X, y, a: _cd(X, y, a, stop), cases) == []

    def unguarded(X, y, a):
        return _cd(X, y, a, stop, guard=False)

    def cut(X, y, a):
        coef, _ = _cd(X, y, a, stop)
        coef[np.abs(coef) < 1e-3] = 0.0
        return coef, np.mean(y) - np.mean(X, axis=0) @ coef

    def float32(X, y, a):
        X32, y32 = np.asarray(X, np.float32), np.asarray(y, np.float32)
        return _cd(X32.astype(float), y32.astype(float), a, stop)

    def keep_dtype(X, y, a):  # means in the input's dtype
        X, y = np.asarray(X), np.asarray(y)
        coef, _ = _cd(X, y, a, stop)
        return coef, y.mean(dtype=y.dtype) - X.mean(0, dtype=X.dtype) @ coef

    assert 0 in _lasso_fails(unguarded, cases), "0/0 on a constant column"
    assert 1 in _lasso_fails(cut, cases), "small coefficients"
    assert {3, 4} <= set(_lasso_fails(float32, cases)), "targets near 1e6"
    assert 5 in _lasso_fails(keep_dtype, cases), "float32 targets averaged in float32"

    def isclose_guard(X, y, a):  # np.isclose(var, 0) calls a spread of 5e-5 constant
        X = np.asarray(X, dtype=float)
        keep = ~np.isclose(X.var(0), 0)
        coef = np.zeros(X.shape[1])
        coef[keep], _ = _cd(X[:, keep], y, a, stop)
        return coef, np.mean(y) - X.mean(0) @ coef

    def relative_cut(X, y, a):
        coef, _ = _cd(X, y, a, stop)
        coef[np.abs(coef) < 1e-3 * np.abs(coef).max()] = 0.0
        return coef, np.mean(y) - np.mean(X, axis=0) @ coef

    def int8_gram(X, y, a):  # covariance updates from a Gram matrix in X's dtype
        X = np.asarray(X)
        n = len(X)
        gram = (X.T @ X) / n - np.outer(X.mean(0), X.mean(0))
        cov = X.T @ np.asarray(y, float) / n - X.mean(0) * np.mean(y)
        w = np.zeros(X.shape[1])
        for _ in range(1000):
            for j in range(len(w)):
                rho = cov[j] - gram[j] @ w + gram[j, j] * w[j]
                w[j] = np.sign(rho) * max(abs(rho) - a, 0.0) / gram[j, j]
        return w, np.mean(y) - X.mean(0) @ w

    assert 7 in _lasso_fails(isclose_guard, cases), "a column of spread 5e-5"
    assert 8 in _lasso_fails(relative_cut, cases), "6e-4 beside 1"
    assert 6 in _lasso_fails(int8_gram, cases), "X·X wraps in int8"


def _cd_uncentred(X, y, alpha, sweeps=1000):
    """Coordinate descent on uncentred X with the intercept as one more coordinate,
    stopped when no coordinate moves by 1e-6."""
    X, y = np.asarray(X, float), np.asarray(y, float)
    n, p = X.shape
    w, b = np.zeros(p), float(y.mean())
    z = (X**2).sum(0) / n
    for _ in range(sweeps):
        big = 0.0
        for j in range(p):
            rho = X[:, j] @ (y - X @ w - b) / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            big, w[j] = max(big, abs(new - w[j])), new
        new_b = float(np.mean(y - X @ w))
        big, b = max(big, abs(new_b - b)), new_b
        if big < 1e-6:
            break
    return w, b


def test_slow_lasso_cases_are_fair_at_atol_1e_3_and_catch_shortcuts():
    cases = list(topic.slow_lasso_cases(seed=33))
    assert len(cases) == 3
    means = [np.abs(np.mean(X, 0)) for X, _, _ in cases[:2]]
    assert np.all((means[0] > 95) & (means[0] < 105)) and np.all(means[1] > 295)
    assert checks._max_correlation_eigenvalue(cases[2][0]) > 3

    def gap(func, case):
        (coef, b), (ref, ref_b) = func(*case), topic.lasso_reference(*case)
        return max(np.max(np.abs(np.asarray(coef) - ref)), abs(b - ref_b))

    for rule, stop in STOPS.items():
        assert max(gap(partial(_cd, stop=stop), case) for case in cases) < 5e-4, rule
    assert gap(_cd_uncentred, cases[0]) > 1 and gap(_cd_uncentred, cases[1]) > 1
    ten = lambda X, y, a: _cd(X, y, a, STOPS["no early stop"], sweeps=10)  # noqa: E731
    assert gap(ten, cases[2]) > 1e-2


def test_extreme_cases_are_reproducible_and_validate():
    for func in (
        topic.extreme_ridge_cases,
        topic.tiny_ridge_cases,
        topic.extreme_soft_threshold_cases,
        topic.extreme_lasso_cases,
        topic.slow_lasso_cases,
    ):
        for a, b in zip(func(seed=5), func(seed=5), strict=True):
            for u, v in zip(a, b, strict=True):
                np.testing.assert_array_equal(np.asarray(u), np.asarray(v))
        with pytest.raises(
            ValueError, match=re.escape("seed must be a non-negative int, got -1")
        ):
            next(func(seed=-1))


# -------------------------------------------------------------------- mistakes
def _ridge_penalised_intercept(X, y, alpha):
    X = np.asarray(X, dtype=float)
    A = np.column_stack([X, np.ones(len(X))])
    sol = np.linalg.solve(A.T @ A + alpha * np.eye(A.shape[1]), A.T @ np.asarray(y))
    return sol[:-1], sol[-1]


def test_checker_names_the_penalised_intercept():
    check = topic.checker("ridge_fit", _ridge_penalised_intercept, atol=1e-6)
    X = np.asarray(EXAMPLE_X) + 10
    with pytest.raises(CheckFailed) as info:
        check(X, EXAMPLE_Y, 4.0, expect=([1.0, 0.5], -14.0))
    assert str(info.value) == (
        "ridge_fit(X=[[11, 11], [11, 9], [9, 11], [9, 9]], y=[4, 2, 0, -2], alpha=4.0)\n"
        "  expected: coef=[1.0, 0.5], intercept=-14.0\n"
        "  returned: coef=[0.313725, -0.186275], intercept=-0.137255\n"
        "  hint:     The intercept looks penalised (a column of ones inside the "
        "penalty). Centre X and y, solve for the coefficients, then set intercept = "
        "mean(y) - mean(X, axis=0) @ coef."
    )


def test_checker_names_soft_threshold_without_sign():
    check = topic.checker("soft_threshold", lambda z, t: np.maximum(np.abs(z) - t, 0))
    with pytest.raises(CheckFailed, match=re.escape("The sign is missing")):
        check(-3.0, 1.0, expect=-2.0)


def test_checker_names_soft_threshold_truncating_ints():
    def soft_threshold(z, t):
        z = np.asarray(z)
        out = np.zeros_like(z)
        out[z > t] = z[z > t] - t
        out[z < -t] = z[z < -t] + t
        return out

    check = topic.checker("soft_threshold", soft_threshold)
    with pytest.raises(
        CheckFailed, match=re.escape("Integer inputs lost their fractions")
    ):
        check([3, -2, 0], 0.5, expect=[2.5, -1.5, 0.0])


def test_checker_names_lasso_without_1_over_n():
    X, y, alpha = next(iter(list(topic.lasso_cases(seed=33, n_random=0))[2:]))

    def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
        return checks._lasso_sklearn(X, y, alpha / len(y))

    check = topic.checker(
        "lasso_fit", lasso_fit, reference=topic.lasso_reference, atol=1e-4
    )
    with pytest.raises(
        CheckFailed, match=re.escape("The penalty looks n times too weak")
    ):
        check(X, y, alpha)


def test_checker_rejects_unknown_exercise():
    with pytest.raises(ValueError, match=re.escape("unknown exercise 'ridge'")):
        topic.checker("ridge", abs)


# ------------------------------------------------------------------------ data
def test_polynomial_data_is_standardised_on_training_data():
    d = topic.polynomial_data(n_train=15, degree=5, seed=2)
    assert d["X_train"].shape == (15, 5) and d["X_val"].shape == (400, 5)
    np.testing.assert_allclose(d["X_train"].mean(0), 0, atol=1e-12)
    np.testing.assert_allclose(d["X_train"].std(0), 1)
    np.testing.assert_allclose(d["features"](d["x_train"]), d["X_train"])
    d["X_train"][0, 0] = 99.0  # callers get copies: the cache is not changed
    assert topic.polynomial_data(n_train=15, degree=5, seed=2)["X_train"][0, 0] != 99.0


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"n_train": 2}, "n_train must be an int >= 3, got 2"),
        ({"degree": 0}, "degree must be an int >= 1, got 0"),
        ({"noise": -1.0}, "noise must be a finite number > 0, got -1.0"),
        ({"seed": "a"}, "seed must be a non-negative int, got 'a'"),
    ],
)
def test_polynomial_data_validates(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        topic.polynomial_data(**kwargs)


def test_correlated_data():
    X, y = topic.correlated_data(n=3000, corr=0.9, seed=1)
    assert X.shape == (3000, 3) and y.shape == (3000,)
    assert np.corrcoef(X[:, 0], X[:, 1])[0, 1] == pytest.approx(0.9, abs=0.02)
    with pytest.raises(
        ValueError, match=re.escape("corr must be a finite number in [0, 1), got 1.0")
    ):
        topic.correlated_data(corr=1.0)


# ------------------------------------------------------------- figures, widgets
def test_path_explorer_update_moves_markers_and_curves():
    e = topic.PathExplorer(lam=0.01)
    info = e.update(1.0)
    assert info["lam"] == pytest.approx(1.0)
    assert info["ridge_alpha"] == pytest.approx(20.0) and info["lasso_alpha"] == 1.0
    assert list(e.ridge_marker.get_xdata()) == pytest.approx([1.0, 1.0])
    assert list(e.lasso_marker.get_xdata()) == pytest.approx([1.0, 1.0])
    assert info["ridge_nonzero"] == 12 and info["lasso_nonzero"] < 3
    assert (
        e.ax_lasso.get_title() == f"Lasso (L1): {info['lasso_nonzero']} of 12 "
        "coefficients non-zero"
    )
    assert len(e.ridge_curve.get_xdata()) == 300
    assert e.lasso_point.get_ydata()[0] == pytest.approx(info["lasso_val"])
    assert "at λ = 1\nridge_fit alpha = n·λ = 20," in e.ax_fit.get_title()
    small = e.update(1e-6)
    assert small["lasso_nonzero"] > info["lasso_nonzero"]
    assert small["ridge_val"] > e.update(1e-2)["ridge_val"], "over-fitting at tiny λ"
    assert e.update(0.0123)["lam"] == pytest.approx(10**-1.9), "snaps to the grid"
    assert e._repr_png_()[:4] == b"\x89PNG"
    with pytest.raises(
        ValueError, match=re.escape("lam must be a finite number > 0, got -1")
    ):
        e.update(-1)


def test_path_explorer_paths_match_sklearn():
    from sklearn.linear_model import Lasso, Ridge

    e = topic.PathExplorer()
    d, paths = e.data, e.paths
    i = int(np.argmin(np.abs(paths["lambdas"] - 0.01)))
    ridge = Ridge(alpha=20 * paths["lambdas"][i]).fit(d["X_train"], d["y_train"])
    np.testing.assert_allclose(paths["ridge"]["coefs"][i], ridge.coef_, atol=1e-8)
    lasso = Lasso(alpha=paths["lambdas"][i], tol=1e-10, max_iter=100_000)
    lasso.fit(d["X_train"], d["y_train"])
    np.testing.assert_allclose(paths["lasso"]["coefs"][i], lasso.coef_, atol=1e-3)


def test_regularization_explorer_slider_updates_the_figure():
    box = topic.regularization_explorer()
    before = box.children[1].value
    box.slider.value = 1.0
    assert box.explorer.lam == pytest.approx(1.0)
    assert box.children[1].value != before
    assert assert_blits_like_a_full_draw(box) == 4
    assert box.image.full_draws == 1


def test_geometry_l1_solution_has_an_exact_zero_and_l2_does_not():
    g = topic.GeometryExplorer(budget=1.0)
    l1, l2 = g.solutions["l1"], g.solutions["l2"]
    assert l1.tolist() == [1.0, 0.0]
    assert np.all(l2 != 0) and np.hypot(*l2) == pytest.approx(1.0, abs=1e-3)
    labels = [t.get_text() for t in g.ax_l1.texts]
    assert any("w₂ is exactly 0" in t for t in labels)
    assert not any("exactly 0" in t.get_text() for t in g.ax_l2.texts)
    assert g.ax_l1.get_title() == "L1 (lasso): a diamond, budget 1.00"
    assert len(g.ax_l1.patches) == 1 and len(g.ax_l2.patches) == 1


def test_geometry_big_budget_gives_least_squares():
    g = topic.GeometryExplorer(budget=2.5)
    np.testing.assert_allclose(g.solutions["l1"], figures._W_OLS)
    np.testing.assert_allclose(g.solutions["l2"], figures._W_OLS)
    with pytest.raises(
        ValueError, match=re.escape("budget must be a finite number > 0, got 0")
    ):
        g.update(0)


def test_geometry_constrained_solution_is_the_best_point_of_the_ball():
    rng = np.random.default_rng(0)
    for kind, norm in [
        ("l1", lambda w: np.abs(w).sum(-1)),
        ("l2", lambda w: np.hypot(w[..., 0], w[..., 1])),
    ]:
        w = figures._constrained(kind, 1.0)
        pts = rng.uniform(-1, 1, size=(20_000, 2))
        inside = pts[norm(pts) <= 1.0]
        assert figures._loss(w) <= figures._loss(inside).min() + 1e-6


def test_geometry_explorer_and_figure():
    box = topic.geometry_explorer()
    box.slider.value = 0.5
    assert box.explorer.solutions["l1"].tolist() == [0.5, 0.0]
    assert len(topic.geometry_figure(0.8).axes) >= 2
    # a budget change blits (only the panels' insides move) and looks drawn whole
    fresh = topic.geometry_explorer()
    assert assert_blits_like_a_full_draw(fresh) == 4
    assert fresh.image.full_draws == 1
    ax, region, point, note = fresh.explorer.panels["l1"]
    budget = fresh.slider.value
    assert region.get_xy()[0].tolist() == [budget, 0.0]
    assert list(point.get_xdata()) == [fresh.explorer.solutions["l1"][0]]
    assert note.get_text().startswith("w = (") and f"{budget:.2f}" in ax.get_title()


def test_scaling_figure_zeroes_the_fraction_on_raw_units_only():
    fig = topic.scaling_figure()
    ax = fig.axes[0]
    heights = [p.get_height() for p in ax.patches]
    truth, raw, scaled = heights[:3], heights[3:6], heights[6:9]
    assert truth == [1.0, 1.0, 1.0]
    assert raw[2] == 0 and raw[0] > 0.8
    assert max(scaled) - min(scaled) < 0.1
    assert any(t.get_text() == "exactly 0" for t in ax.texts)
    with pytest.raises(
        ValueError, match=re.escape("alpha must be a finite number > 0, got 0")
    ):
        topic.scaling_figure(alpha=0)


def test_correlated_figure_lasso_picks_one_ridge_shares():
    fig = topic.correlated_figure(n_resamples=20)
    ridge_ax, lasso_ax, enet_ax = fig.axes[:3]
    lasso_pts = lasso_ax.collections[0].get_offsets()
    ridge_pts = ridge_ax.collections[0].get_offsets()
    assert len(lasso_pts) == 20
    assert np.mean(np.any(np.asarray(lasso_pts) == 0, axis=1)) > 0.5
    assert not np.any(np.asarray(ridge_pts) == 0)
    assert "exactly 0 in 0 of 20" in ridge_ax.get_title()
    with pytest.raises(
        ValueError, match=re.escape("n_resamples must be an int >= 1, got 0")
    ):
        topic.correlated_figure(n_resamples=0)


def test_cv_figure_marks_best_and_one_se_alphas():
    fig = topic.cv_figure()
    lasso_ax = fig.axes[0]
    lines = [ln for ln in lasso_ax.get_lines() if ln.get_linestyle() in ("--", ":")]
    best, one_se = (ln.get_xdata()[0] for ln in lines)
    assert one_se >= best
    labels = lasso_ax.get_legend_handles_labels()[1]
    assert any(lbl.startswith("least error: alpha = ") for lbl in labels)
    assert any(lbl.startswith("1-SE rule: alpha = ") for lbl in labels)
    with pytest.raises(
        ValueError, match=re.escape("n_folds must be an int >= 2, got 1")
    ):
        topic.cv_figure(n_folds=1)
