"""Unit tests of interview_lab.topics.logistic_regression: references against slow
definitions and scikit-learn, the test inputs, every invariant check catching a broken
answer, the data, the figures and the explorer. That every declared mistake is told
apart with its own hint is tested for every topic in test_topic_contract.py."""

from __future__ import annotations

import hashlib
import math
import re
import subprocess
import sys

import numpy as np
import pytest
from pixels import assert_blits_like_a_full_draw

from interview_lab.checking import CheckFailed
from interview_lab.topics import logistic_regression as topic
from interview_lab.topics.logistic_regression import checks, core
from interview_lab.widgets import FigureImage


# ------------------------------------------------------------- slow references
def _sigmoid_slow(v: float) -> float:
    v = float(v)
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    return math.exp(v) / (1.0 + math.exp(v))


def _log_loss_slow(y_true, p, eps=1e-15):
    total = 0.0
    ys, ps = np.ravel(y_true).tolist(), np.ravel(p).tolist()
    for y, q in zip(ys, ps, strict=True):
        q = min(max(q, eps), 1 - eps)
        total -= y * math.log(q) + (1 - y) * math.log(1 - q)
    return total / len(ys)


def _objective_slow(X, y, w, b, l2):
    X = np.asarray(X, dtype=float).tolist()
    total = 0.0
    for row, t in zip(X, np.ravel(y).tolist(), strict=True):
        z = sum(a * c for a, c in zip(row, w, strict=True)) + b
        total += math.log1p(math.exp(-abs(z))) + max(z, 0.0) - t * z
    return total / len(X) + 0.5 * l2 * sum(v * v for v in w)


class LoopGD:
    """Gradient descent with Python loops, one sample at a time."""

    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate, self.n_iter, self.l2 = learning_rate, n_iter, l2

    def fit(self, X, y):
        rows = np.asarray(X, dtype=float).tolist()
        ys = np.ravel(y).astype(float).tolist()
        n, d = len(rows), len(rows[0])
        w, b = [0.0] * d, 0.0
        self.loss_history_ = []
        for _ in range(self.n_iter):
            gw, gb = [0.0] * d, 0.0
            for row, t in zip(rows, ys, strict=True):
                r = _sigmoid_slow(sum(a * c for a, c in zip(row, w, strict=True)) + b)
                r -= t
                gw = [g + r * a for g, a in zip(gw, row, strict=True)]
                gb += r
            w = [
                v - self.learning_rate * (g / n + self.l2 * v)
                for v, g in zip(w, gw, strict=True)
            ]
            b -= self.learning_rate * gb / n
            self.loss_history_.append(_objective_slow(rows, ys, w, b, self.l2))
        self.coef_, self.intercept_ = np.array(w), b
        return self

    def predict_proba(self, X):
        return np.array(
            [
                _sigmoid_slow(np.dot(row, self.coef_) + self.intercept_)
                for row in np.asarray(X, dtype=float)
            ]
        )

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) >= threshold).astype(int)


Reference = core.LogisticRegressionReference


def _broken(**changes):
    """The reference class with one method or attribute replaced."""
    return type("LogisticRegressionGD", (Reference,), changes)


# ------------------------------------------------------------------ references
@pytest.mark.parametrize(
    "case", list(topic.sigmoid_cases(seed=0, n_random=20))[:-20] + [(3.5, "")]
)
def test_sigmoid_reference_matches_the_definition_and_scipy(case):
    from scipy.special import expit

    z, _ = case
    got = core.sigmoid_reference(z)
    arr = np.asarray(z, dtype=float)
    assert np.shape(got) == arr.shape
    np.testing.assert_allclose(got, expit(arr), rtol=1e-14, atol=1e-300)
    if arr.size < 1000:
        slow = np.array([_sigmoid_slow(v) for v in arr.ravel()]).reshape(arr.shape)
        np.testing.assert_allclose(got, slow, rtol=1e-14, atol=1e-300)


def test_sigmoid_reference_scalar_is_float_and_warning_free():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise", under="ignore"):
            assert core.sigmoid_reference(0) == 0.5
            assert isinstance(core.sigmoid_reference(2), float)
            assert core.sigmoid_reference([-1e4, 1e4]).tolist() == [0.0, 1.0]


@pytest.mark.parametrize("case", list(topic.log_loss_cases(seed=1, n_random=25)))
def test_log_loss_reference_matches_a_loop(case):
    y, p, eps, _ = case
    assert core.log_loss_reference(y, p, eps) == pytest.approx(
        _log_loss_slow(y, p, eps), rel=1e-12, abs=1e-15
    )


def test_log_loss_reference_worked_values():
    assert core.log_loss_reference([1, 0], [0.5, 0.5]) == pytest.approx(math.log(2))
    assert core.log_loss_reference([1], [0.0]) == pytest.approx(-math.log(1e-15))
    assert core.log_loss_reference([1], [0.0], eps=0.1) == pytest.approx(-math.log(0.1))


def test_objective_and_gradient_match_slow_and_finite_differences():
    rng = np.random.default_rng(0)
    X, y = topic.make_data(40, 3, random_state=1)
    for l2 in (0.0, 0.3):
        w, b = rng.normal(size=3), 0.4
        assert core.objective(X, y, w, b, l2) == pytest.approx(
            _objective_slow(X, y, w.tolist(), b, l2), rel=1e-12
        )
        gw, gb = core.gradient_reference(X, y, w, b, l2)
        nw, nb = core.numerical_gradient(X, y, w, b, l2)
        np.testing.assert_allclose(gw, nw, atol=1e-8)
        assert gb == pytest.approx(nb, abs=1e-8)


@pytest.mark.parametrize(
    "case",
    [c for c in topic.descent_cases(seed=3, n_random=4) if len(c[1][1]) < 5000],
    ids=lambda c: c[0],
)
def test_gradient_descent_matches_python_loops(case):
    _, (X, y, lr, n_iter, l2) = case
    coef, b, hist = core.gradient_descent(X, y, lr, n_iter, l2)
    slow = LoopGD(lr, n_iter, l2).fit(X, y)
    np.testing.assert_allclose(coef, slow.coef_, rtol=1e-10, atol=1e-14)
    assert b == pytest.approx(slow.intercept_, rel=1e-10, abs=1e-14)
    np.testing.assert_allclose(hist, slow.loss_history_, rtol=1e-10)
    assert hist.shape == (n_iter,)


def test_gradient_descent_worked_example_and_path():
    coef, b, hist = core.gradient_descent([[1.0], [-1.0]], [1, 0], 1.0, 2)
    assert coef[0] == pytest.approx(0.5 + (1 - _sigmoid_slow(0.5)))
    assert b == pytest.approx(0.0, abs=1e-15)
    assert hist.tolist() == pytest.approx(
        [math.log1p(math.exp(-0.5)), math.log1p(math.exp(-coef[0]))]
    )
    coefs, intercepts, objectives = core.descent_path([[1.0], [-1.0]], [1, 0], 1.0, 2)
    assert coefs[0].tolist() == [0.0] and objectives[0] == pytest.approx(math.log(2))
    assert objectives[1:].tolist() == pytest.approx(hist.tolist())


@pytest.mark.parametrize("l2", [0.0, 0.01, 0.3])
def test_long_runs_and_newton_reach_sklearn(l2):
    X, y = topic.make_data(200, 3, random_state=5)
    sk_coef, sk_b = core.sklearn_solution(X, y, l2)
    coef, b, _ = core.gradient_descent(X, y, 1.0, 1000, l2)
    np.testing.assert_allclose(coef, sk_coef, atol=1e-6)
    assert b == pytest.approx(sk_b, abs=1e-6)
    n_coef, n_b = core.newton_solution(X, y, l2)
    np.testing.assert_allclose(n_coef, sk_coef, atol=1e-7)
    assert n_b == pytest.approx(sk_b, abs=1e-7)


def test_reference_class_api():
    X, y = topic.make_data(50, random_state=0)
    model = Reference(learning_rate=0.5, n_iter=10)
    assert model.fit(X, y) is model
    assert model.predict_proba(X).shape == (50,)
    assert set(model.predict(X, threshold=0.0).tolist()) == {1}


# ------------------------------------------------------------------- the cases
def test_sigmoid_cases_cover_the_dimensions():
    cases = [z for z, _ in topic.sigmoid_cases(seed=0)]
    shapes = {np.shape(z) for z in cases}
    assert {(), (1,), (1, 1), (3, 1)} <= shapes
    assert any(np.ndim(z) == 2 and np.asarray(z).dtype.kind == "i" for z in cases)
    assert any(isinstance(z, int) for z in cases)
    assert any(isinstance(z, list) for z in cases)
    assert any(np.size(z) > 100_000 for z in cases)
    sized = [z for z in cases if np.size(z)]
    assert {-1e4, 1e4} <= {float(np.max(np.abs(z))) for z in sized} | {
        float(np.min(z)) for z in sized
    }
    assert {(0,), (2, 0)} <= shapes  # empty arrays, representable as lists too
    scalars = {type(z) for z in cases if isinstance(z, np.generic)}
    assert {np.uint8, np.int8, np.float32} <= scalars


def test_log_loss_cases_avoid_the_fragile_p_equals_one_for_a_negative():
    """p = 1 for a negative costs log(1 - (1 - eps)), which rounding makes differ from
    log(eps) when eps is tiny: such cases are only sent with eps >= 1e-6 (or an eps
    whose 1 - eps is exact)."""
    found = 0
    for y, p, eps, _ in topic.log_loss_cases(seed=0):
        y, p = np.asarray(y), np.asarray(p, dtype=float)
        if np.any((y == 0) & (p >= 1 - eps)):
            found += 1
            assert eps >= 1e-6 or (1 - eps) + eps == 1.0 and 1 - (1 - eps) == eps
    assert found >= 2


def test_log_loss_cases_cover_the_dimensions():
    cases = list(topic.log_loss_cases(seed=0))
    assert any(len(np.ravel(y)) == 1 for y, *_ in cases)
    assert any(len(np.ravel(y)) >= 100_000 for y, *_ in cases)
    assert any(np.asarray(p).dtype.kind == "i" for _, p, *_ in cases)
    assert {1e-15, 0.1, 0.0} <= {eps for *_, eps, _ in cases}
    assert any(np.any(np.asarray(p) == 0) for _, p, *_ in cases)
    assert any(isinstance(y, list) for y, *_ in cases)


def _descent_with_reordered_sums(X, y, lr, n_iter, l2):
    """Gradient descent summing in another order: a correct answer's rounding."""
    X = np.asarray(X, dtype=float)[::-1]
    y = np.asarray(y, dtype=float)[::-1]
    n, d = X.shape
    w, b, hist = np.zeros(d), 0.0, []
    for _ in range(n_iter):
        r = core.sigmoid_reference(X @ w + b) - y
        w = w - lr * (np.einsum("ij,i->j", X, r) / n + l2 * w)
        b = b - lr * np.sum(r) / n
        p = np.clip(core.sigmoid_reference(X @ w + b), 1e-15, 1 - 1e-15)
        hist.append(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)) + l2 / 2 * w @ w)
    return w, b, np.array(hist)


@pytest.mark.parametrize("case", list(topic.descent_cases(seed=0)), ids=lambda c: c[0])
def test_descent_cases_are_stable_for_every_style(case):
    """Another summation order and a clipped log loss stay within 1e-9 of the
    reference (the checks allow 1e-6), and no misclassified score is large enough
    for clipping at 1e-15 to matter."""
    _, (X, y, lr, n_iter, l2) = case
    coef, b, hist = core.gradient_descent(X, y, lr, n_iter, l2)
    other = _descent_with_reordered_sums(X, y, lr, n_iter, l2)
    np.testing.assert_allclose(other[0], coef, rtol=1e-9, atol=1e-12)
    assert other[1] == pytest.approx(b, rel=1e-9, abs=1e-12)
    np.testing.assert_allclose(other[2], hist, rtol=1e-9)
    z = np.asarray(X, dtype=float) @ coef + b
    assert np.max(np.abs(z)) < 30


def test_descent_cases_cover_the_dimensions():
    whys = [why for why, _ in topic.descent_cases(seed=0)]
    for word in (
        "integer",
        "constant",
        "duplicated",
        "offset",
        "scale",
        "one feature",
        "one sample",
        "10,000",
        "lists",
    ):
        assert any(word in why for why in whys), word
    l2s = {args[4] for _, args in topic.descent_cases(seed=0)}
    assert 0.0 in l2s and len(l2s) >= 4


@pytest.mark.parametrize(
    "case", list(topic.convergence_cases(seed=2)), ids=lambda c: c[0]
)
def test_convergence_cases_are_converged_by_the_reference(case):
    """The check allows 1e-2; the reference run ends within 1e-4 of scikit-learn."""
    _, X, y, params = case
    coef, b, _ = core.gradient_descent(
        X, y, params.get("learning_rate", 1.0), params.get("n_iter", 300), params["l2"]
    )
    sk_coef, sk_b = core.sklearn_solution(X, y, params["l2"])
    assert np.max(np.abs(coef - sk_coef)) < 1e-4 and abs(b - sk_b) < 1e-4


def test_offset_data_punishes_a_penalised_intercept():
    X, y = topic.offset_data()
    _, b, _ = core.gradient_descent(X, y, 1.0, 300, 0.1)
    _, wrong_b, _ = core.descent_variant(X, y, 1.0, 300, 0.1, penalise_intercept=True)
    assert b > 1.5 and abs(b - wrong_b) > 0.3


def test_separable_data_is_separable_and_blows_up_a_naive_loss():
    X, y = topic.separable_data()
    gap = X[y == 1, 0].min() - X[y == 0, 0].max()
    assert gap > 0
    coef, b, hist = core.gradient_descent(X, y, 1.0, 50, 0.0)
    z = X @ coef + b
    assert np.abs(z).max() > 1000 and np.all(np.isfinite(hist))
    with np.errstate(all="ignore"):
        p = 1 / (1 + np.exp(-z))
        naive = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert np.isnan(naive)


def test_cases_are_reproducible_in_a_fresh_process():
    code = (
        "import hashlib, numpy as np\n"
        "from interview_lab.topics import logistic_regression as t\n"
        "h = hashlib.sha256()\n"
        "for why, args in t.descent_cases(seed=4):\n"
        "    h.update(np.ascontiguousarray(np.asarray(args[0], float)).tobytes())\n"
        "for z, _ in t.sigmoid_cases(seed=4):\n"
        "    h.update(np.ascontiguousarray(np.asarray(z, float)).tobytes())\n"
        "print(h.hexdigest())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    h = hashlib.sha256()
    for _, args in topic.descent_cases(seed=4):
        h.update(np.ascontiguousarray(np.asarray(args[0], float)).tobytes())
    for z, _ in topic.sigmoid_cases(seed=4):
        h.update(np.ascontiguousarray(np.asarray(z, float)).tobytes())
    assert out == h.hexdigest()


@pytest.mark.parametrize(
    "func", [topic.sigmoid_cases, topic.log_loss_cases, topic.descent_cases]
)
def test_case_generators_validate(func):
    with pytest.raises(
        ValueError, match=re.escape("seed must be a non-negative int, got -1")
    ):
        next(iter(func(seed=-1)))
    with pytest.raises(TypeError, match=re.escape("n_random must be an int, got 2.5")):
        next(iter(func(n_random=2.5)))


# -------------------------------------------------------------------- the data
def test_make_data_shapes_seeds_and_standardisation():
    X, y = topic.make_data(120, 3, random_state=7)
    assert X.shape == (120, 3) and y.shape == (120,) and y.dtype.kind == "i"
    np.testing.assert_allclose(X.mean(0), 0, atol=1e-12)
    np.testing.assert_allclose(X.std(0), 1)
    X2, y2 = topic.make_data(120, 3, random_state=7)
    assert np.array_equal(X, X2) and np.array_equal(y, y2)
    assert not np.array_equal(X, topic.make_data(120, 3, random_state=8)[0])
    raw, _ = topic.make_data(50, standardize=False)
    assert abs(raw.mean()) > 1e-3
    assert set(topic.make_data(2)[1].tolist()) == {0, 1}


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"n_samples": 1}, ValueError, "n_samples must be an int >= 2, got 1"),
        ({"n_features": 0}, ValueError, "n_features must be an int >= 1, got 0"),
        (
            {"separation": -1},
            ValueError,
            "separation must be a finite number >= 0, got -1",
        ),
        (
            {"balance": 1.0},
            ValueError,
            "balance must be a finite number in (0, 1), got 1.0",
        ),
        (
            {"random_state": -3},
            ValueError,
            "random_state must be a non-negative int, got -3",
        ),
        ({"n_samples": 2.5}, TypeError, "n_samples must be an int, got 2.5"),
    ],
)
def test_make_data_validates(kwargs, error, message):
    with pytest.raises(error, match=re.escape(message)):
        topic.make_data(**kwargs)


def test_other_generators_validate():
    with pytest.raises(
        ValueError, match=re.escape("n_samples must be an int >= 10, got 3")
    ):
        topic.offset_data(3)
    with pytest.raises(
        ValueError, match=re.escape("scale must be a finite number > 0, got 0")
    ):
        topic.separable_data(scale=0)
    with pytest.raises(
        ValueError, match=re.escape("learning_rate must be a finite number > 0, got 0")
    ):
        core.gradient_descent([[1.0]], [1], 0, 5)
    with pytest.raises(ValueError, match=re.escape("X must be 2-D")):
        core.gradient_descent([1.0, 2.0], [1, 0], 0.1, 5)


# ---------------------------------------------------------------- the checker
def test_checker_fails_at_once_on_the_stub():
    class Stub:
        def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
            self.learning_rate = learning_rate

        def fit(self, X, y):
            """Docstring."""
            # YOUR CODE HERE
            raise NotImplementedError()

        def predict_proba(self, X):
            raise NotImplementedError()

        def predict(self, X, threshold=0.5):
            raise NotImplementedError()

    with pytest.raises(
        CheckFailed, match="LogisticRegressionGD.fit is still the unsolved stub"
    ):
        topic.checker("LogisticRegressionGD", Stub)


def test_checker_compares_the_run_and_accepts_loops():
    X, y = topic.make_data(30, random_state=0)
    for cls in (Reference, LoopGD):
        check = topic.checker("LogisticRegressionGD", cls)
        check(X, y, learning_rate=0.5, n_iter=10, l2=0.1)
    assert check.count == 1


def test_checker_explains_a_crash_and_a_missing_attribute():
    class NoHistory(Reference):
        def fit(self, X, y):
            super().fit(X, y)
            del self.loss_history_
            return self

    X, y = topic.make_data(30, random_state=0)
    check = topic.checker("LogisticRegressionGD", NoHistory)
    with pytest.raises(CheckFailed, match="raised AttributeError"):
        check(X, y, learning_rate=0.5, n_iter=5)
    with pytest.raises(CheckFailed, match="has no attribute loss_history_"):
        topic.check_model(check, X, y, learning_rate=0.5, n_iter=5)


def test_checker_names_a_summed_gradient():
    class Summed(Reference):
        def fit(self, X, y):
            w, b, h = core.descent_variant(
                X, y, self.learning_rate, self.n_iter, self.l2, sum_gradient=True
            )
            self.coef_, self.intercept_, self.loss_history_ = w, b, h
            return self

    X, y = topic.make_data(30, random_state=0)
    check = topic.checker("LogisticRegressionGD", Summed)
    with pytest.raises(CheckFailed, match=r"divides by n"):
        check(X, y, learning_rate=0.1, n_iter=5)


@pytest.mark.parametrize(
    "sigmoid, ok",
    [
        (core.sigmoid_reference, True),
        (lambda z: 0.5 * (1 + np.tanh(0.5 * np.asarray(z, dtype=float))), True),
        (lambda z: 1 / (1 + np.exp(-np.asarray(z, dtype=float))), False),
        (
            lambda z: np.where(
                np.asarray(z) >= 0,
                1 / (1 + np.exp(-np.asarray(z, float))),
                np.exp(np.asarray(z, float)) / (1 + np.exp(np.asarray(z, float))),
            ),
            False,
        ),
    ],
)
def test_check_warning_free(sigmoid, ok):
    check = topic.checker("sigmoid", sigmoid)
    z = np.array([-1e4, -800.0, 0.0, 800.0, 1e4])
    if ok:
        topic.check_warning_free(check, z)
    else:
        with pytest.raises(CheckFailed, match="overflow encountered in exp"):
            topic.check_warning_free(check, z)


def test_check_warning_free_catches_nan():
    def ratio(z):
        z = np.asarray(z, dtype=float)
        with np.errstate(all="ignore"):
            return np.exp(z) / (1 + np.exp(z))

    with pytest.raises(CheckFailed, match="returned nan or inf"):
        topic.check_warning_free(topic.checker("sigmoid", ratio), [1e4])


# ------------------------------------------------ invariant checks, each shown to bite
X_SMALL, Y_SMALL = topic.make_data(60, random_state=0)


def _fit_without_return(self, X, y):
    Reference.fit(self, X, y)


def _proba_two_columns(self, X):
    p = Reference.predict_proba(self, X)
    return np.column_stack([1 - p, p])


def _predict_fixed(self, X, threshold=0.5):
    return Reference.predict(self, X)


def _history_before(self, X, y):
    Reference.fit(self, X, y)
    _, _, objectives = core.descent_path(X, y, self.learning_rate, self.n_iter, self.l2)
    self.loss_history_ = objectives[:-1]
    return self


def _intercept_array(self, X, y):
    Reference.fit(self, X, y)
    self.intercept_ = np.array([self.intercept_])
    return self


def _proba_stale(self, X):
    return core.sigmoid_reference(np.asarray(X, dtype=float) @ self.coef_)


def _nan_history(self, X, y):
    Reference.fit(self, X, y)
    self.loss_history_ = np.r_[self.loss_history_[:-1], np.nan]
    return self


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"fit": _fit_without_return}, "fit returned None, not the model itself"),
        ({"predict_proba": _proba_two_columns}, "got shape (60, 2)"),
        ({"predict": _predict_fixed}, "and threshold 0.3, so its label is 1"),
        ({"fit": _history_before}, "loss_history_[-1] is"),
        ({"fit": _intercept_array}, "intercept_ should be a single float"),
        ({"predict_proba": _proba_stale}, "sigmoid(X @ coef_ + intercept_) there is"),
        ({"fit": _nan_history}, "loss_history_ holds nan or inf"),
    ],
)
def test_check_model_catches(changes, message):
    check = topic.checker("LogisticRegressionGD", _broken(**changes))
    with pytest.raises(CheckFailed, match=re.escape(message)):
        topic.check_model(check, X_SMALL, Y_SMALL, learning_rate=0.5, n_iter=20, l2=0.1)


@pytest.mark.parametrize("cls", [Reference, LoopGD])
def test_every_invariant_check_passes_correct_answers(cls):
    check = topic.checker("LogisticRegressionGD", cls)
    topic.check_model(check, X_SMALL, Y_SMALL, learning_rate=0.5, n_iter=20, l2=0.1)
    topic.check_model(check, X_SMALL.tolist(), Y_SMALL.tolist(), n_iter=5)
    topic.check_converges(check, X_SMALL, Y_SMALL, l2=0.05)
    topic.check_descent(check, X_SMALL, Y_SMALL, n_iter=50)
    topic.check_penalty_shrinks(check, X_SMALL, Y_SMALL, n_iter=200)
    topic.check_separable(check, *topic.separable_data(40))
    check(X_SMALL[:20], Y_SMALL[:20], why="the defaults")
    assert check.count > 30


def _penalised_intercept(self, X, y):
    w, b, h = core.descent_variant(
        X, y, self.learning_rate, self.n_iter, self.l2, penalise_intercept=True
    )
    self.coef_, self.intercept_, self.loss_history_ = w, b, h
    return self


def _naive_history(self, X, y):
    Reference.fit(self, X, y)
    with np.errstate(all="ignore"):
        X, y = np.asarray(X, float), np.asarray(y, float)
        p = 1 / (1 + np.exp(-(X @ self.coef_ + self.intercept_)))
        self.loss_history_ = np.full(
            self.n_iter, -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        )
    return self


def _ascent(self, X, y):
    w, b, h = core.descent_variant(
        X, y, self.learning_rate, self.n_iter, self.l2, ascent=True
    )
    self.coef_, self.intercept_, self.loss_history_ = w, b, h
    return self


def _no_penalty_gradient(self, X, y):
    w, b, h = core.descent_variant(
        X, y, self.learning_rate, self.n_iter, self.l2, l2_factor=0.0
    )
    self.coef_, self.intercept_, self.loss_history_ = w, b, h
    return self


def _ignores_defaults(self, learning_rate=0.5, n_iter=1000, l2=0.0):
    Reference.__init__(self, learning_rate, n_iter, l2)


def test_check_converges_catches_a_penalised_intercept():
    check = topic.checker("LogisticRegressionGD", _broken(fit=_penalised_intercept))
    X, y = topic.offset_data()
    with pytest.raises(CheckFailed, match="intercept is not penalised"):
        topic.check_converges(check, X, y, l2=0.1)


def test_check_converges_catches_a_wrong_minimum():
    check = topic.checker("LogisticRegressionGD", _broken(fit=_no_penalty_gradient))
    with pytest.raises(
        CheckFailed, match=re.escape("scikit-learn's LogisticRegression(C=1/(n·l2)")
    ) as failure:
        topic.check_converges(check, X_SMALL, Y_SMALL, l2=0.1)
    assert "the minimum without any penalty" in str(failure.value)


def _doubled_penalty(self, X, y):
    w, b, h = core.descent_variant(
        X, y, self.learning_rate, self.n_iter, self.l2, l2_factor=2.0
    )
    self.coef_, self.intercept_, self.loss_history_ = w, b, h
    return self


def test_check_converges_names_a_doubled_penalty():
    check = topic.checker("LogisticRegressionGD", _broken(fit=_doubled_penalty))
    with pytest.raises(CheckFailed, match="a penalty twice as strong"):
        topic.check_converges(check, X_SMALL, Y_SMALL, l2=0.05)


def test_check_penalty_shrinks_catches_an_ignored_penalty():
    check = topic.checker("LogisticRegressionGD", _broken(fit=_no_penalty_gradient))
    with pytest.raises(CheckFailed, match="not smaller than"):
        topic.check_penalty_shrinks(check, X_SMALL, Y_SMALL)


def test_check_descent_catches_ascent():
    check = topic.checker("LogisticRegressionGD", _broken(fit=_ascent))
    with pytest.raises(CheckFailed, match="should never increase"):
        topic.check_descent(check, X_SMALL, Y_SMALL)


def test_check_separable_catches_a_naive_loss():
    check = topic.checker("LogisticRegressionGD", _broken(fit=_naive_history))
    with pytest.raises(CheckFailed, match="0 \\* -inf is nan"):
        topic.check_separable(check, *topic.separable_data())


def test_a_call_without_arguments_checks_the_defaults():
    check = topic.checker("LogisticRegressionGD", _broken(__init__=_ignores_defaults))
    check(X_SMALL[:20], Y_SMALL[:20], learning_rate=0.1)
    with pytest.raises(CheckFailed, match="case:     the defaults"):
        check(X_SMALL[:20], Y_SMALL[:20], why="the defaults")


def test_invariant_checks_need_the_class_checker():
    check = topic.checker("LogisticRegressionGD", checks._reference_run)
    with pytest.raises(TypeError, match="needs the checker of the class"):
        topic.check_model(check, X_SMALL, Y_SMALL)


# ------------------------------------------------------------ figures, widgets
def test_overflow_table_lists_values_and_warnings():
    table = topic.overflow_table()
    assert table.loc["z = -1000", "exp(-z)"] == "inf"
    assert table.loc["z = 1000", "exp(z) / (1 + exp(z))"] == "nan"
    assert table.loc["warnings", "stable sigmoid"] == "none"
    assert "overflow" in table.loc["warnings", "1 / (1 + exp(-z))"]


def test_numerics_figure(tmp_path):
    fig = topic.numerics_figure()
    assert len(fig.axes) == 2
    assert all(len(ax.lines) >= 2 for ax in fig.axes)
    fig.savefig(tmp_path / "numerics.png", dpi=50)


def test_gradient_check_passes_the_right_gradient_and_fails_a_sum(capsys):
    def right(w, b, X, y, l2):
        return core.gradient_reference(X, y, w, b, l2)

    def summed(w, b, X, y, l2):
        gw, gb = core.gradient_reference(X, y, w, b, 0.0)
        return gw * len(y) + l2 * w, gb * len(y)

    good = topic.gradient_check(right)
    assert good.attrs["relative_error"] < 1e-7 and list(good.index)[-1] == "b"
    assert "agrees" in capsys.readouterr().out
    bad = topic.gradient_check(summed)
    assert bad.attrs["relative_error"] > 0.1
    assert "does NOT agree" in capsys.readouterr().out
    with pytest.raises(ValueError, match="one per feature"):
        topic.gradient_check(lambda w, b, X, y, l2: (np.zeros(2), 0.0))


def test_descent_explorer_updates_return_what_it_shows():
    e = topic.DescentExplorer(learning_rate=0.5, n_iter=30)
    png = FigureImage.render(e.figure)
    info = e.update_n_iter(200)
    assert info["iteration"] == 200 and info["increases"] == 0
    assert info["objective"] == pytest.approx(info["minimum"], abs=1e-3)
    assert FigureImage.render(e.figure) != png
    early = e.update_n_iter(5)
    assert early["objective"] > info["objective"]
    assert e.loss_point.get_xdata()[0] == 5
    assert len(e.path_line.get_xdata()) == 6
    wild = e.update_learning_rate(25.0)
    e.update_n_iter(200)
    assert e.update_n_iter(200)["increases"] > 10 and not wild["diverged"]
    assert "went up" in e.loss_note.get_text()
    diverged = e.update_l2(0.1)
    assert diverged["diverged"] and "diverging" in e.loss_note.get_text()
    e.update_learning_rate(0.5)
    norms = [e.update_l2(v)["norm"] for v in (0.0, 0.03, 0.3)]
    assert norms[0] > norms[1] > norms[2]
    assert "||w||" in e.ax_data.get_title()
    assert e._repr_png_()[:4] == b"\x89PNG"
    with pytest.raises(
        ValueError, match=re.escape("n_iter must be an int from 0 to 200, got 201")
    ):
        e.update_n_iter(201)


def test_descent_explorer_minimum_matches_sklearn():
    e = topic.DescentExplorer(l2=0.03)
    coef, b, _ = e.optimum
    sk_coef, sk_b = core.sklearn_solution(e.X, e.y, 0.03)
    np.testing.assert_allclose(coef, sk_coef, atol=1e-6)
    assert b == pytest.approx(sk_b, abs=1e-6)


def test_descent_explorer_box_sliders_redraw_and_blit_like_a_full_draw():
    box = topic.descent_explorer()
    assert {"learning_rate", "n_iter", "l2"} <= set(dir(box))
    image = box.children[1]
    for control, value in [
        (box.learning_rate, 20.0),
        (box.n_iter, 120),
        (box.l2, 0.3),
    ]:
        before = image.value
        control.value = value
        assert image.value != before
    draws = box.image.full_draws
    # every change blits: a new penalty's contours and minimum are animated too
    assert assert_blits_like_a_full_draw(box) == 12
    assert box.image.full_draws == draws
    with pytest.raises(ValueError, match=re.escape("l2 must be one of")):
        topic.descent_explorer(l2=0.5)


def test_learning_rate_and_penalty_figures():
    fig = topic.learning_rate_figure(learning_rates=(0.1, 20.0))
    loss_ax, path_ax = fig.axes
    assert len(loss_ax.lines) == 3 and len(path_ax.lines) == 3
    fig = topic.penalty_figure(l2_values=(0.0, 0.5))
    norms = [float(ax.get_title().split("= ")[-1]) for ax in fig.axes]
    assert len(norms) == 2 and norms[0] > norms[1]


# ------------------------------------------- dtypes, mutation, shape, long runs
def _float64_run_other_order(X, y, learning_rate, n_iter, l2=0.0):
    """Gradient descent summing in another order (rows reversed, column by column),
    the penalty as weight decay."""
    X = np.asarray(X, dtype=float)[::-1].copy()
    y = np.asarray(y, dtype=float)[::-1].copy()
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iter):
        z = np.einsum("ij,j->i", X, w) + b
        e = np.exp(-np.abs(z))
        r = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)) - y
        grad = np.array([np.sum(X[:, j] * r) for j in range(d)]) / n
        w = (1.0 - learning_rate * l2) * w - learning_rate * grad
        b = b - learning_rate * np.sum(r[::-1]) / n
    return w, b


@pytest.mark.parametrize("case", list(topic.long_runs(seed=0)), ids=lambda c: c[0])
def test_long_runs_are_stable(case):
    """Another float64 summation order agrees 1000 times inside the tolerance (about
    1e-16 in fact), ill-conditioned as the runs are."""
    _, (X, y, rate, n_iter, l2) = case
    coef, b, _ = core.gradient_descent(X, y, rate, n_iter, l2)
    w2, b2 = _float64_run_other_order(X, y, rate, n_iter, l2)
    tol = checks.STEP_TOL * (1 + np.abs(coef))
    assert np.all(np.abs(w2 - coef) <= 1e-3 * tol)
    assert abs(b2 - b) <= 1e-3 * checks.STEP_TOL * (1 + abs(b))


def _rows_of(X):
    return len(np.asarray(X))


def test_long_runs_are_small_enough_for_a_loop_over_rows():
    """The runs need their structure, not their size: 100 rows each, so that an
    answer looping over the rows in Python stays well inside the time limit."""
    assert all(_rows_of(args[0]) <= 100 for _, args in topic.long_runs(seed=0))
    assert (
        sum(_rows_of(args[0]) * args[3] for _, args in topic.descent_cases(seed=0))
        <= 100_000
    )


class Float32(Reference):
    """Gradient descent in float32 arithmetic throughout."""

    def fit(self, X, y):
        f = np.float32
        X, y = np.asarray(X, dtype=f), np.asarray(y, dtype=f)
        w, b, rate = np.zeros(X.shape[1], f), f(0), f(self.learning_rate)
        l2 = f(self.l2)
        for _ in range(self.n_iter):
            r = core.sigmoid_reference(X @ w + b).astype(f) - y
            w, b = w - rate * (X.T @ r / f(len(y)) + l2 * w), b - rate * r.mean()
        self.coef_, self.intercept_ = w, float(b)
        self.loss_history_ = np.zeros(self.n_iter)
        return self


class Float32Features(Reference):
    """X rounded to float32, the arithmetic in float64."""

    def fit(self, X, y):
        return Reference.fit(self, np.asarray(X, dtype=np.float32), y)


class Float32Stored(Reference):
    """The float64 run, coef_ and loss_history_ stored as float32."""

    def fit(self, X, y):
        Reference.fit(self, X, y)
        self.coef_ = self.coef_.astype(np.float32)
        self.loss_history_ = self.loss_history_.astype(np.float32)
        return self


class EarlyStop(Reference):
    """Stops once the objective improves by less than 1e-4 (scikit-learn's default
    tol; not asked for)."""

    def fit(self, X, y):
        _, _, objectives = core.descent_path(
            X, y, self.learning_rate, self.n_iter, self.l2
        )
        small = np.flatnonzero(np.abs(np.diff(objectives)) < 1e-4)
        n_iter = int(small[0]) + 1 if small.size else self.n_iter
        coef, b, history = core.gradient_descent(
            X, y, self.learning_rate, n_iter, self.l2
        )
        self.coef_, self.intercept_ = coef, b
        self.loss_history_ = np.r_[history, np.full(self.n_iter - n_iter, history[-1])]
        return self


def test_long_runs_catch_float32_and_early_stopping():
    runs = [args for _, args in topic.long_runs(seed=0)]
    for X, y, rate, n_iter, l2 in runs:  # still moving at the last step
        coef, b, _ = core.gradient_descent(X, y, rate, n_iter, l2)
        before, _, _ = core.gradient_descent(X, y, rate, n_iter - 1, l2)
        assert np.max(np.abs(coef - before)) > 1e-7
    for cls in (Reference, LoopGD):
        for args in runs:
            topic.check_weights(topic.checker("LogisticRegressionGD", cls), *args)
    for cls in (Float32, Float32Features, EarlyStop):
        for args in runs:
            with pytest.raises(CheckFailed, match="coef_ values differ|intercept_"):
                topic.check_weights(topic.checker("LogisticRegressionGD", cls), *args)


def test_short_runs_catch_float32_storage_and_features():
    """The checker's 1e-9 catches float32 anywhere on the short runs, and names it;
    correct answers in other styles are 1e-15 from the reference there (above)."""
    X, y = topic.make_data(60, random_state=0)
    for cls in (Float32Stored, Float32Features, Float32):
        with pytest.raises(CheckFailed) as failure:
            topic.checker("LogisticRegressionGD", cls)(
                X, y, learning_rate=0.5, n_iter=20
            )
        assert "float32" in str(failure.value)
    topic.checker("LogisticRegressionGD", LoopGD)(X, y, learning_rate=0.5, n_iter=20)


def test_new_dtype_cases_are_sent():
    sig = list(topic.sigmoid_cases(seed=0, n_random=0))
    dtypes = {np.asarray(z).dtype for z, _ in sig if isinstance(z, np.ndarray)}
    assert {np.dtype(t) for t in ("uint8", "int8", "int16", "float32")} <= dtypes
    ll = list(topic.log_loss_cases(seed=0, n_random=0))
    assert any(
        isinstance(p, np.ndarray) and p.dtype == np.float32 and {0.0, 1.0} <= set(p)
        for _, p, _, _ in ll
    )
    labels = {np.asarray(a[1]).dtype for _, a in topic.descent_cases(seed=0)}
    assert {np.dtype("uint8"), np.dtype("int8")} <= labels


def test_sigmoid_keeps_the_shape_of_z():
    check = topic.checker("sigmoid", core.sigmoid_reference)
    check(0.0, expect=0.5)
    check(np.array([[1.0]]))
    with pytest.raises(CheckFailed, match=r"shape \(1,\), but z has shape \(\)"):
        topic.checker("sigmoid", lambda z: np.atleast_1d(core.sigmoid_reference(z)))(
            0.0
        )
    topic.checker("log_loss", lambda y, p, eps=1e-15: np.array([[0.6931471805599453]]))(
        [1, 0], [0.5, 0.5]
    )  # a single number may come in any size-1 container


def test_check_unchanged():
    topic.check_unchanged(topic.checker("sigmoid", core.sigmoid_reference), np.zeros(3))

    def clipping(y_true, p, eps=1e-15):
        p = np.asarray(p, dtype=float)
        np.clip(p, eps, 1 - eps, out=p)
        return core.log_loss_reference(y_true, p, eps)

    with pytest.raises(CheckFailed, match="changed its argument p in place"):
        topic.check_unchanged(
            topic.checker("log_loss", clipping),
            np.array([0.0, 1.0]),
            np.array([0.0, 1.0]),
        )
    X, y = topic.make_data(20, random_state=0)
    topic.check_unchanged(topic.checker("LogisticRegressionGD", Reference), X, y * 1.0)


def test_n_iter_zero_and_the_threshold():
    X, y = topic.make_data(30, random_state=3)
    check = topic.checker("LogisticRegressionGD", Reference)
    check(X, y, n_iter=0)
    topic.check_model(check, X, y, n_iter=0)
    topic.check_threshold(check, X, y)
    strict = _broken(
        predict=lambda self, X, threshold=0.5: (self.predict_proba(X) > threshold) * 1
    )
    with pytest.raises(CheckFailed, match=">= threshold"):
        topic.check_threshold(topic.checker("LogisticRegressionGD", strict), X, y)


# --------------------------- second red team: each new case or check shown to bite
def _sigmoid_empty_fast_path(z):
    z = np.asarray(z, dtype=float)
    if np.abs(z).max() < 700:  # crashes on size 0
        return core.sigmoid_reference(z)
    return core.sigmoid_reference(z)


def _sigmoid_scalar_keeps_dtype(z):
    if np.isscalar(z):  # np.exp in the scalar's own dtype: float16 for int8, uint8
        e = np.exp(-abs(z))
        return float(1 / (1 + e) if z >= 0 else e / (1 + e))
    return core.sigmoid_reference(z)


def _sigmoid_saturating(z):
    z = np.asarray(z, dtype=float)
    out = np.where(z < -19, 0.0, np.where(z > 19, 1.0, core.sigmoid_reference(z)))
    return out if out.ndim else float(out)


def _sigmoid_nested_lists(z):
    """Correct, in plain Python: nested lists of the shape of z, a float for a number."""
    if np.ndim(z) == 0:
        return _sigmoid_slow(z)
    return [_sigmoid_nested_lists(v) for v in z]


def _check_all(exercise, func, cases):
    check = topic.checker(exercise, func)
    for *args, why in cases:
        if exercise == "log_loss":
            y, p, eps = args
            check(y, p, eps=eps, why=why)
        else:
            check(*args, why=why)


@pytest.mark.parametrize(
    "func, message",
    [
        (_sigmoid_empty_fast_path, "sigmoid(z=[])\n  problem:  raised ValueError"),
        (_sigmoid_scalar_keeps_dtype, "a NumPy uint8 scalar"),
    ],
)
def test_sigmoid_cases_catch_empty_input_and_small_scalars(func, message):
    with pytest.raises(CheckFailed, match=re.escape(message)):
        _check_all("sigmoid", func, topic.sigmoid_cases(seed=0))


def test_sigmoid_cases_accept_lists_and_an_absolute_1e_8():
    """Empty arrays only in shapes a nested list can hold; a sigmoid that rounds to 0
    and 1 beyond |z| = 19 is within the contract's 1e-8 absolute (and passes)."""
    _check_all("sigmoid", _sigmoid_nested_lists, topic.sigmoid_cases(seed=0))
    _check_all("sigmoid", _sigmoid_saturating, topic.sigmoid_cases(seed=0))
    with pytest.raises(CheckFailed, match="an int8 scalar|NumPy int8 scalar"):
        topic.checker("sigmoid", _sigmoid_scalar_keeps_dtype)(
            np.int8(1), why="a NumPy int8 scalar"
        )


def _log_loss_uint_labels(y_true, p, eps=1e-15):
    y = np.asarray(y_true)  # -y wraps around for unsigned labels
    p = np.clip(np.asarray(p, dtype=float), eps, 1 - eps)
    return float(np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p)))


def _log_loss_eps_floor(y_true, p, eps=1e-15):
    return core.log_loss_reference(y_true, p, max(eps, np.finfo(float).eps))


@pytest.mark.parametrize(
    "func, message",
    [
        (_log_loss_uint_labels, "uint8 labels"),
        (_log_loss_eps_floor, "eps = 0 and p below 2.2e-16"),
    ],
)
def test_log_loss_cases_catch_unsigned_labels_and_a_floored_eps(func, message):
    with pytest.raises(CheckFailed, match=re.escape(message)):
        _check_all("log_loss", func, topic.log_loss_cases(seed=0))


def test_log_loss_cases_send_unsigned_labels_and_tiny_eps():
    cases = list(topic.log_loss_cases(seed=0, n_random=0))
    dtypes = {np.asarray(y).dtype for y, *_ in cases if isinstance(y, np.ndarray)}
    assert {np.dtype("uint8"), np.dtype("uint16")} <= dtypes
    tiny = [
        eps
        for _, p, eps, _ in cases
        if eps < np.finfo(float).eps and np.min(p) < np.finfo(float).eps
    ]
    assert {0.0, 1e-18} <= set(tiny)


class LabelEncoded(Reference):
    """Class 1 taken as the largest label present (np.unique(y)[-1])."""

    def fit(self, X, y):
        y = np.asarray(y)
        return Reference.fit(self, X, (y == np.unique(y)[-1]).astype(int))


class HistoryClippedAt1e7(Reference):
    """The right run, the objective's log loss clipped at 1e-7 (Keras's epsilon)."""

    def fit(self, X, y):
        Reference.fit(self, X, y)
        coefs, intercepts, _ = core.descent_path(
            X, y, self.learning_rate, self.n_iter, self.l2
        )
        Xa, ya = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
        self.loss_history_ = [
            core.log_loss_reference(ya, core.sigmoid_reference(Xa @ w + b), 1e-7)
            + self.l2 / 2 * (w @ w)
            for w, b in zip(coefs[1:], intercepts[1:], strict=True)
        ]
        return self


@pytest.mark.parametrize(
    "cls, message",
    [
        (LabelEncoded, "one sample with y = 0"),
        (HistoryClippedAt1e7, "misclassified by a margin of 16.3"),
    ],
)
def test_descent_cases_catch_label_encoding_and_a_coarse_clip(cls, message):
    check = topic.checker("LogisticRegressionGD", cls)
    with pytest.raises(CheckFailed, match=re.escape(message)):
        for why, args in topic.descent_cases(seed=0):
            check(*args, why=why)


def test_descent_cases_pass_a_loop_and_a_clipped_log_loss_at_1e_9():
    """At the checker's 1e-9, a pure-Python loop and the notebook's own solution (the
    log loss clipped at 1e-15) pass every run, the margin-16.3 one included."""

    class Clipped(Reference):
        def fit(self, X, y):
            Reference.fit(self, X, y)
            coefs, intercepts, _ = core.descent_path(
                X, y, self.learning_rate, self.n_iter, self.l2
            )
            Xa, ya = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
            self.loss_history_ = [
                core.log_loss_reference(ya, core.sigmoid_reference(Xa @ w + b))
                + self.l2 / 2 * (w @ w)
                for w, b in zip(coefs[1:], intercepts[1:], strict=True)
            ]
            return self

    for cls in (LoopGD, Clipped):
        check = topic.checker("LogisticRegressionGD", cls)
        for why, args in topic.descent_cases(seed=0, n_random=3):
            check(*args, why=why)


def _predict_by_logit(self, X, threshold=0.5):
    z = np.asarray(X, dtype=float) @ self.coef_ + self.intercept_
    with np.errstate(divide="ignore"):
        return (z >= np.log(threshold) - np.log1p(-threshold)).astype(int)


def _predict_with_tolerance(self, X, threshold=0.5):
    p = self.predict_proba(X)
    return ((p >= threshold) | np.isclose(p, threshold, rtol=0, atol=1e-12)) * 1


@pytest.mark.parametrize(
    "predict, message",
    [
        (_predict_by_logit, "threshold 0.5, so its label is 1"),
        (_predict_with_tolerance, "threshold 0.5000000000001, so its label is 0"),
    ],
)
def test_check_threshold_catches_a_logit_cut_and_a_tolerance(predict, message):
    X, y = topic.make_data(30, random_state=3)
    check = topic.checker("LogisticRegressionGD", _broken(predict=predict))
    with pytest.raises(CheckFailed, match=re.escape(message)):
        topic.check_threshold(check, X, y)


def test_check_threshold_passes_correct_answers_and_catches_p_equal_to_one():
    X, y = topic.make_data(30, random_state=3)
    for cls in (Reference, LoopGD):
        topic.check_threshold(topic.checker("LogisticRegressionGD", cls), X, y)

    def logit_except_at_half(self, X, threshold=0.5):
        if threshold == 0.5:
            return Reference.predict(self, X)
        return _predict_by_logit(self, X, threshold)

    check = topic.checker("LogisticRegressionGD", _broken(predict=logit_except_at_half))
    with pytest.raises(
        CheckFailed, match=re.escape("and threshold 1.0, so its label is 1")
    ):
        topic.check_threshold(check, X, y)


class HistoryInInit(Reference):
    """loss_history_ created in __init__; each fit appends to it."""

    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        super().__init__(learning_rate, n_iter, l2)
        self.loss_history_ = []

    def fit(self, X, y):
        previous = list(self.loss_history_)
        Reference.fit(self, X, y)
        self.loss_history_ = previous + list(self.loss_history_)
        return self


class WarmStart(Reference):
    """A second fit continues from the previous coef_ and intercept_."""

    def fit(self, X, y):
        if not hasattr(self, "coef_"):
            return Reference.fit(self, X, y)
        X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
        w, b, history = self.coef_.copy(), self.intercept_, []
        for _ in range(self.n_iter):
            r = core.sigmoid_reference(X @ w + b) - y
            w = w - self.learning_rate * (X.T @ r / len(y) + self.l2 * w)
            b = b - self.learning_rate * np.mean(r)
            history.append(core.objective(X, y, w, b, self.l2))
        self.coef_, self.intercept_, self.loss_history_ = w, float(b), history
        return self


@pytest.mark.parametrize(
    "cls, message",
    [
        (HistoryInInit, "loss_history_ holds 30 values, not n_iter = 15"),
        (WarmStart, "should give what a fresh model gives: coef_"),
    ],
)
def test_check_refit_catches_state_kept_between_fits(cls, message):
    X, y = topic.make_data(30, random_state=3)
    X2, y2 = topic.make_data(45, random_state=6)
    for ok in (Reference, LoopGD):
        topic.check_refit(
            topic.checker("LogisticRegressionGD", ok), X, y, X2, y2, 0.5, 15, 0.05
        )
    with pytest.raises(CheckFailed, match=re.escape(message)) as failure:
        topic.check_refit(
            topic.checker("LogisticRegressionGD", cls), X, y, X2, y2, 0.5, 15, 0.05
        )
    assert "fit starts afresh every time" in str(failure.value)
