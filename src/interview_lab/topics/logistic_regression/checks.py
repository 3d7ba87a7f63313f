"""05_logistic_regression: what the graded test cells call.

Each exercise is declared once in :data:`EXERCISES`. ``sigmoid`` and ``log_loss`` are
functions and are checked as usual::

    check = topic.checker("sigmoid", sigmoid)
    check([-1e4, 0, 1e4], expect=[0.0, 0.5, 1.0])
    topic.check_warning_free(check, [-1e4, 1e4])

``LogisticRegressionGD`` is a class. Its checker checks what fitting it gives: a call
``check(X, y, learning_rate=0.5, n_iter=20, l2=0.1)`` builds
``LogisticRegressionGD(learning_rate=0.5, n_iter=20, l2=0.1)``, fits it on ``(X, y)``
and compares ``(coef_, intercept_, loss_history_)`` with the reference run (gradient
descent from ``w = 0, b = 0``), which is how its common mistakes are recognised. The
``check_*`` functions check what does not depend on one run: the attributes' shapes,
``fit`` returning ``self``, ``predict_proba`` and ``predict`` (with its threshold),
convergence to scikit-learn's solution, the effect of the penalty, finite results on
separable data.
"""

from __future__ import annotations

import contextlib
import copy
import inspect
import io
import warnings

import numpy as np

from ...checking import (
    Checker,
    Exercise,
    Exercises,
    Mistake,
    quiet,
    time_limit,
)
from ...validation import check_int, check_seed
from ...values import compare
from ._estimator import Fitted, as_float, fitting, refuse_stub
from .core import (
    descent_variant,
    gradient_descent,
    log_loss_reference,
    make_data,
    newton_solution,
    objective,
    offset_data,
    sigmoid_reference,
    sklearn_solution,
)

__all__ = [
    "EXERCISES",
    "check_converges",
    "check_descent",
    "check_model",
    "check_penalty_shrinks",
    "check_separable",
    "check_threshold",
    "check_unchanged",
    "check_warning_free",
    "check_weights",
    "checker",
    "convergence_cases",
    "descent_cases",
    "fitting",
    "log_loss_cases",
    "long_runs",
    "sigmoid_cases",
]

#: Absolute and relative tolerance of a gradient-descent run against the reference.
RUN_TOL = 1e-6
#: The contract's tolerance against scikit-learn, for runs long enough to converge.
SKLEARN_TOL = 1e-2


# ------------------------------------------------------------------- sigmoid cases
def _sigmoid_mistake_cases():
    yield ([-1e4, -50.0, -1.0, 0.0, 2.0, 50.0, 1e4],)
    yield (np.array([-3, 0, 3]),)  # integers
    yield (np.array([[0.5, -2.0], [800.0, -800.0]]),)
    yield (2.0,)


def sigmoid_cases(seed=0, n_random=40):
    """Inputs ``(z, why)`` for ``sigmoid``: edge cases, then seeded random arrays.

    Scalars (float and int), lists, 2-D arrays and length-1 axes, integer arrays
    (``uint8``, ``int8``, ``int16`` too), ``float32`` (read as float64),
    ``±1e4`` and the limits of ``exp`` (709.8, 745), tiny values, a 200,000-value
    array, then random arrays of several shapes and magnitudes, lists and arrays in
    turn.
    """
    n_random = check_int("n_random", n_random, low=0)
    rng = np.random.default_rng(check_seed(seed))
    yield 0.0, "a scalar"
    yield 3, "a Python int"
    yield -1e4, "a scalar at -1e4"
    yield 1e4, "a scalar at +1e4"
    yield [-2.0, -0.5, 0.0, 0.5, 2.0], "a list"
    yield np.array([7]), "an int array of length 1"
    yield np.array([[-1.5]]), "shape (1, 1)"
    yield np.array([[1.0], [-2.0], [0.25]]), "a column, shape (3, 1)"
    yield np.array([[0, -4, 9], [20, -20, 1]]), "a 2-D int array"
    yield np.array([0, 3, 200], np.uint8), "uint8 (read as float64)"
    yield np.array([-100, 1, 100], np.int8), "int8 (read as float64)"
    yield np.arange(-300, 301, 7, dtype=np.int16), "int16 (read as float64)"
    yield np.linspace(-8, 8, 1001, dtype=np.float32), "float32 (read as float64)"
    yield (
        np.array([-1e4, -1000.0, -745.5, -709.9, 709.9, 745.5, 1000.0, 1e4]),
        ("where exp overflows or underflows"),
    )
    yield np.array([1e-12, -1e-12, 1e-300, -5e-324]), "tiny values"
    yield np.arange(-60, 61), "ints from -60 to 60"
    yield np.linspace(-1e4, 1e4, 200_001), "200,001 values from -1e4 to 1e4"
    for i in range(n_random):
        shape = [(5,), (2, 3), (4, 1), (1,), (3, 2, 2)][i % 5]
        z = rng.normal(size=shape) * 10.0 ** rng.integers(-2, 4)
        yield (z.tolist() if i % 2 else z), f"random, scale {np.abs(z).max():.3g}"


def _naive_ratio(z):
    z = np.asarray(z, dtype=float)
    out = np.exp(z) / (1 + np.exp(z))
    return float(out) if out.ndim == 0 else out


def _sigmoid_negated(z):
    return sigmoid_reference(-np.asarray(z, dtype=float))


def _sigmoid_equal(got, expected):
    """Values within 1e-8, and the shape of ``z``: a number for a number."""
    reason = compare(got, expected, 1e-8, 0.0)
    if reason is None:
        try:
            shape = np.shape(got)
        except ValueError:
            shape = None
        if shape != np.shape(expected):
            return (
                f"the result has shape {shape}, but z has shape {np.shape(expected)}: "
                "sigmoid works element-wise, so its result has z's shape (a number "
                "for a number)"
            )
    return reason


def _sigmoid_in_dtype(z):
    z = np.asarray(z)
    out = np.asarray(sigmoid_reference(z)).astype(z.dtype)
    return out if out.ndim else out[()]


# ------------------------------------------------------------------ log_loss cases
def _log_loss_mistake_cases():
    yield ([1, 0, 1, 0], [0.9, 0.1, 0.8, 0.3])
    yield ([1, 0, 1], [0.0, 0.2, 0.7])  # p = 0 for a positive
    yield ([0, 1, 1], [1.0, 0.6, 0.9], 1e-6)  # p = 1 for a negative
    yield ([0, 1], [0.0, 1.0])  # confident and right: tiny, not nan
    yield ([1, 0, 0], [0.05, 0.5, 0.97], 0.1)  # eps clips even moderate p


def log_loss_cases(seed=0, n_random=40):
    """Inputs ``(y_true, p, eps, why)`` for ``log_loss``: edge cases, then random.

    ``p`` exactly 0 or 1 (right and wrong), integer labels and integer ``p``, float32
    ``p`` with 0.0 and 1.0 (read as float64, where ``1 - eps`` is below 1), several
    ``eps``, one sample, tiny probabilities, 100,000 samples, then random cases, lists
    and arrays in turn. ``p = 1`` for a negative sample is only sent with ``eps`` of
    at least 1e-6: with a smaller ``eps``, ``1 - (1 - eps)`` is not ``eps`` in floating
    point and two correct ways of clipping give visibly different losses.
    """
    n_random = check_int("n_random", n_random, low=0)
    rng = np.random.default_rng(check_seed(seed))
    yield [1, 0, 1, 0], [0.9, 0.1, 0.8, 0.3], 1e-15, "no clipping needed"
    yield [1], [0.7], 1e-15, "one sample"
    yield [1, 0], [0.0, 0.5], 1e-15, "p = 0 for a positive: -log(eps)"
    yield [0, 1], [0.0, 1.0], 1e-15, "p exactly 0 and 1, both right: not nan"
    yield [0, 1, 0], [1.0, 1.0, 0.5], 1e-6, "p = 1 for a negative"
    yield np.array([1, 0, 1]), np.array([0, 0, 1]), 1e-7, "integer p: 0 and 1"
    yield np.array([1, 1, 0]), np.array([1e-20, 1e-300, 0.3]), 1e-15, "tiny p"
    yield [1, 0, 1, 0], [0.05, 0.5, 0.97, 0.02], 0.1, "eps = 0.1 clips p"
    yield [0, 1], [0.5, 0.25], 0.0, "eps = 0"
    yield [1, 0, 1], [0.0, 1.0, 0.5], 2.0**-20, "eps = 2**-20"
    yield (
        np.array([0, 1, 1, 0]),
        np.array([0.0, 1.0, 0.7, 0.2], np.float32),
        1e-15,
        "float32 p with 0.0 and 1.0 (read as float64)",
    )
    n = 100_000
    y = (rng.random(n) < 0.3).astype(int)
    yield y, np.clip(rng.beta(2, 5, n) + 0.3 * y, 0, 1), 1e-15, "100,000 samples"
    for i in range(n_random):
        n = int(rng.integers(1, 60))
        y = rng.integers(0, 2, n)
        p = rng.random(n) ** rng.choice([1, 4, 20])
        p[rng.random(n) < 0.1] = 0.0
        safe = y == 1
        p[safe & (rng.random(n) < 0.1)] = 1.0  # p = 1 only for positives
        eps = float(rng.choice([1e-15, 1e-10, 1e-4, 0.01]))
        if i % 2:
            yield y.tolist(), p.tolist(), eps, f"random, {n} samples"
        else:
            yield y, p, eps, f"random, {n} samples"


def _log_loss_clipped(low, high):
    """The log loss with p clipped to [low(eps), high(eps)] (a mistaken clip)."""

    def compute(y_true, p, eps=1e-15):
        y = np.asarray(y_true, dtype=float)
        p = np.clip(np.asarray(p, dtype=float), low(eps), high(eps))
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

    return compute


# ------------------------------------------------------------ LogisticRegressionGD
def _reports(func):
    """Mark a function that already fits and reports (a reference, a mistake)."""
    func.fits_data = True
    return func


@_reports
def _reference_run(X, y, learning_rate=0.1, n_iter=1000, l2=0.0):
    return gradient_descent(X, y, learning_rate, n_iter, l2)


def _variant(**mistake):
    @_reports
    def run(X, y, learning_rate=0.1, n_iter=1000, l2=0.0):
        return descent_variant(X, y, learning_rate, n_iter, l2, **mistake)

    return run


def _blobs(n, d, seed, separation=1.5, balance=0.5):
    return make_data(n, d, separation=separation, balance=balance, random_state=seed)


def descent_cases(seed=0, n_random=6):
    """Gradient-descent runs ``(why, (X, y, learning_rate, n_iter, l2))``.

    Each is short (20-80 iterations) and uses a learning rate the iteration is stable
    with, so a correct answer written in any style follows the reference run to many
    digits: standardised data, integer features, a constant column, duplicated
    columns, features at a large offset and at a large scale (with a learning rate
    small enough for them), one feature, one sample, 10,000 samples, lists, ``uint8``
    and ``int8`` labels, several penalties, then random runs.
    """
    n_random = check_int("n_random", n_random, low=0)
    rng = np.random.default_rng(check_seed(seed))
    X, y = _blobs(60, 2, seed)
    yield "standardised 2-D data, no penalty", (X, y, 0.5, 40, 0.0)
    yield "the same with l2 = 0.1", (X, y, 0.5, 40, 0.1)
    yield "the same as Python lists", (X.tolist(), y.tolist(), 0.5, 20, 0.05)
    yield "uint8 labels", (X, y.astype(np.uint8), 0.5, 40, 0.0)
    yield "int8 labels", (X, y.astype(np.int8), 0.5, 20, 0.1)
    Xi = rng.integers(-3, 4, size=(50, 3))
    yi = (Xi[:, 0] + Xi[:, 1] + rng.normal(0, 1.5, 50) > 0).astype(int)
    yield "integer features", (Xi, yi, 0.05, 40, 0.01)
    X3, y3 = _blobs(80, 2, seed + 1)
    Xc = np.column_stack([X3, np.full(80, 3.0)])
    yield "a constant column (3.0)", (Xc, y3, 0.1, 50, 0.05)
    yield "duplicated columns", (np.column_stack([X3, X3[:, 0]]), y3, 0.3, 50, 0.02)
    X4, y4 = _blobs(70, 2, seed + 2, balance=0.8)
    yield "features at an offset of 100", (X4 + 100.0, y4, 1e-4, 60, 0.0)
    yield "features at a scale of 1000", (X4 * 1000.0, y4, 1e-6, 60, 0.5)
    X5, y5 = _blobs(40, 1, seed + 3)
    yield "one feature", (X5, y5, 1.0, 30, 0.0)
    yield "one sample", (np.array([[0.5, -1.0]]), np.array([1]), 0.5, 20, 0.1)
    X6, y6 = _blobs(10_000, 3, seed + 4)
    yield "10,000 samples", (X6, y6, 1.0, 20, 0.01)
    for i in range(n_random):
        n = int(rng.integers(5, 120))
        d = int(rng.integers(1, 6))
        Xr, yr = _blobs(n, d, seed + 10 + i, separation=float(rng.uniform(0.5, 3)))
        lr = float(rng.choice([0.05, 0.2, 0.5, 1.0]))
        l2 = float(rng.choice([0.0, 0.001, 0.03, 0.3]))
        yield f"random run {i + 1}", (Xr, yr, lr, int(rng.integers(20, 80)), l2)


def long_runs(seed=0):
    """Longer runs ``(why, (X, y, learning_rate, n_iter, l2))`` for :func:`check_weights`.

    1000 steps at ``learning_rate=1.0`` on ``make_data(200, random_state=seed + 1)``,
    still moving at the end (a run that stops early is visibly off), and 1000 steps on
    two nearly equal columns at a scale of 500 (``x`` and ``x + 1e-3·N(0, 1)``, 1000
    samples), where float32 arithmetic loses the columns' difference and ends far
    from the float64 run. With ``seed=0`` two float64 implementations summing in
    different orders agree far inside the run tolerance there (the tests check it).
    Each reference run takes well under a second.
    """
    seed = check_seed(seed)
    X, y = make_data(200, random_state=seed + 1)
    yield "1000 steps at learning_rate=1.0: no early stopping", (X, y, 1.0, 1000, 0.0)
    rng = np.random.default_rng(seed)
    x = rng.normal(size=1000) * 500.0
    X = np.column_stack([x, x + 1e-3 * rng.normal(size=1000)])
    y = (x + rng.normal(size=1000) > 0).astype(int)
    yield (
        "two nearly equal columns at a scale of 500, 1000 steps: in float64",
        (X, y, 1.0, 1000, 0.0),
    )


def _descent_mistake_cases():
    for _, args in descent_cases(seed=0, n_random=0):
        yield args


def convergence_cases(seed=0):
    """Runs long enough to reach the minimum: ``(why, X, y, params)``.

    ``params`` are the keyword arguments of :func:`check_converges`. On each, the
    reference run ends within 1e-4 of scikit-learn (the check allows 1e-2): a large
    unpenalised intercept, the contract's default step on 4 features with new rows
    to predict, a duplicated column, one feature given as lists, integer features.
    """
    seed = check_seed(seed)
    X, y = offset_data(random_state=seed)
    yield "85% positives: a large intercept, not penalised", X, y, {"l2": 0.1}
    X, y = make_data(200, 4, random_state=seed)
    X_new, _ = make_data(50, 4, random_state=seed + 1)
    yield (
        "the default step (0.1, 1000 iterations), 4 features, new rows",
        X,
        y,
        {"l2": 0.03, "learning_rate": 0.1, "n_iter": 1000, "X_new": X_new},
    )
    X_dup = np.column_stack([X[:, :2], X[:, 0]])
    yield "a duplicated column", X_dup, y, {"l2": 0.01}
    yield "one feature, as lists", X[:, :1].tolist(), y.tolist(), {"l2": 0.0}
    rng = np.random.default_rng(seed)
    Xi = rng.integers(-2, 3, size=(200, 2))
    yi = (Xi @ [1.0, -0.5] + rng.normal(0, 1.0, 200) > 0).astype(int)
    yield "integer features", Xi, yi, {"l2": 0.01, "learning_rate": 0.3, "n_iter": 500}


# ----------------------------------------------------------------- invariant checks
def check_warning_free(check: Checker, z, why=None):
    """Check that the learner's ``sigmoid(z)`` raises no warning and is finite.

    The checker silences warnings; this runs the function once more with NumPy's
    default error handling (overflow, division and invalid values warn) and records
    what it says. The contract asks for a sigmoid that is finite and warning-free for
    ``|z|`` up to 1e4.
    """
    __tracebackhide__ = True
    got = check.call(z)
    case = check.case(z, got=got, why=why)
    with quiet():
        values = np.asarray(got, dtype=float)
    case.that(
        bool(np.all(np.isfinite(values))),
        lambda: "returned nan or inf",
        hint="exp(z) overflows to inf for z above 709.8: never compute exp of a large "
        "positive number. exp(-|z|) is at most 1.",
    )
    caught = _warnings_of(check, z)
    case.that(
        not caught,
        lambda: f"raised a warning: {caught[0]}",
        hint="The value is right, but NumPy warns: exp overflowed somewhere (np.where "
        "computes both of its branches for every element, so a branch you throw away "
        "still overflows). Compute e = np.exp(-np.abs(z)) once, then 1 / (1 + e) where "
        "z >= 0 and e / (1 + e) where z < 0.",
    )


def _warnings_of(check: Checker, *args) -> list[str]:
    """The warnings one call of ``check.func`` raises, with NumPy's default errstate."""
    a = copy.deepcopy(args)
    with (
        warnings.catch_warnings(record=True) as caught,
        np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"),
        contextlib.redirect_stderr(io.StringIO()),
        contextlib.redirect_stdout(io.StringIO()),
    ):
        warnings.simplefilter("always")
        try:
            with time_limit(check.seconds):
                check.func(*a)
        except BaseException:  # a crash was already reported by check.call
            pass
    return [f"{w.category.__name__}: {w.message}" for w in caught]


def check_unchanged(check: Checker, *args, why=None, **kwargs):
    """Check that the learner's function leaves its array arguments as they were.

    The function is called once on copies (so that a crash is explained), then on the
    arrays themselves, and each NumPy array argument is compared with a saved copy
    (the contract: a function never changes its arguments). For
    ``LogisticRegressionGD`` the checker's function fits the class, so this checks
    ``fit``'s ``X`` and ``y``.
    """
    __tracebackhide__ = True
    check.call(*args, **kwargs)
    saved = copy.deepcopy(args)
    check.call_in_place(*args, **kwargs)
    names = _parameter_names(check.func, len(args))
    for name, before, after in zip(names, saved, args, strict=True):
        if not isinstance(before, np.ndarray):
            continue
        same = before.shape == after.shape and bool(
            np.all((before == after) | (before != before))
        )
        check.that(
            same,
            lambda name=name: f"{check.name} changed its argument {name} in place",
            *saved,
            got=after,
            why=why,
            hint="Leave the caller's arrays alone: np.asarray(a, dtype=float) is `a` "
            "itself when it already is a float64 array, so writing into it (out=..., "
            "+=, a[...] = ...) changes the caller's data. Compute new arrays, or "
            "start from a copy (np.array(a, dtype=float)).",
            **kwargs,
        )


def _parameter_names(func, n: int) -> list[str]:
    try:
        params = list(inspect.signature(func).parameters)
    except (TypeError, ValueError):
        params = []
    return [params[i] if i < len(params) else f"number {i + 1}" for i in range(n)]


def check_threshold(check: Checker, X, y, why=None):
    """Check ``predict`` exactly at the threshold: 1 where ``predict_proba >= t``.

    With ``n_iter=0`` the model is ``w = 0, b = 0`` and every probability is exactly
    0.5, so ``predict(X)`` and ``predict(X, threshold=0.5)`` are all 1 and
    ``predict(X, threshold=0.5 + 1e-9)`` all 0 (compared with the learner's own
    ``predict_proba``, so only exact comparisons are asked for).
    """
    __tracebackhide__ = True
    fitted = _fit(check, X, y, 0.1, 0, 0.0, why or "n_iter=0: every probability is 0.5")
    _, p = fitted.proba(X)
    for threshold in (None, 0.5, 0.5 + 1e-9):
        kwargs = {} if threshold is None else {"threshold": threshold}
        t = 0.5 if threshold is None else threshold
        predict_check, got = fitted.predict(X, **kwargs)
        labels = as_float(got)
        want = (p >= t).astype(float)
        ok = labels is not None and labels.shape == want.shape
        wrong = np.flatnonzero(labels != want) if ok else np.array([0])
        fitted.holds(
            predict_check,
            ok and wrong.size == 0,
            lambda wrong=wrong, t=t, labels=labels, want=want: (
                f"row {wrong[0]} has probability {p[wrong[0]]!r} and threshold {t!r}, "
                f"so its label is {int(want[wrong[0]])} (1 where predict_proba >= "
                f"threshold); got {labels if labels is None else labels[wrong[0]]!r}"
            ),
            X,
            got=got,
            **kwargs,
            hint="predict gives 1 where predict_proba(X) >= threshold (a probability "
            "equal to the threshold gives 1): use >=, not >.",
        )


def _fit(check, X, y, learning_rate, n_iter, l2, why):
    params = {"learning_rate": learning_rate, "n_iter": n_iter, "l2": l2}
    return Fitted(check, X, y, params, why)


def _fitted_numbers(fitted: Fitted, n_features: int, n_iter: int | None):
    """coef_, intercept_ and loss_history_ with their shapes checked."""
    __tracebackhide__ = True
    coef = as_float(fitted.attribute("coef_"))
    fitted.that(
        coef is not None and coef.shape == (n_features,),
        lambda: (
            f"coef_ should have shape ({n_features},), one weight per feature; got "
            f"{'no numbers' if coef is None else f'shape {coef.shape}'}"
        ),
        hint="Keep the weights as a 1-D array: np.zeros(n_features), not "
        "np.zeros((n_features, 1)).",
        got=fitted.model.coef_,
    )
    intercept = fitted.attribute("intercept_")
    b = as_float(intercept)
    fitted.that(
        b is not None and b.ndim == 0,
        lambda: f"intercept_ should be a single float, got {intercept!r}",
        hint="Store the intercept as a number: self.intercept_ = float(b).",
        got=intercept,
    )
    history = as_float(fitted.attribute("loss_history_"))
    if n_iter is not None:
        fitted.that(
            history is not None and history.shape == (n_iter,),
            lambda: (
                f"loss_history_ should hold one value per iteration, {n_iter} values; "
                f"got {'no numbers' if history is None else f'shape {history.shape}'}"
            ),
            hint="Append the objective once per iteration, after the update.",
            got=fitted.model.loss_history_,
        )
    return coef, float(b), history


def check_weights(
    check: Checker, X, y, learning_rate=0.1, n_iter=1000, l2=0.0, why=None
):
    """Check ``coef_`` and ``intercept_`` after a long run against the reference run.

    Within 1e-6 (absolute and relative), as the checker's runs; ``loss_history_`` is
    only checked for its length: in long runs on large features the probabilities
    saturate at 0 and 1, and the recorded objective then depends on how an answer
    avoids log(0) (clipping or not), while the iterates do not.
    """
    __tracebackhide__ = True
    fitted = _fit(check, X, y, learning_rate, n_iter, l2, why)
    Xa = np.asarray(X, dtype=float)
    coef, b, _ = _fitted_numbers(fitted, Xa.shape[1], n_iter)
    ref_coef, ref_b, _ = gradient_descent(X, y, learning_rate, n_iter, l2)
    reason = compare(coef, ref_coef, RUN_TOL, RUN_TOL, "coef_") or compare(
        b, ref_b, RUN_TOL, RUN_TOL, "intercept_"
    )
    fitted.that(
        reason is None,
        lambda: (
            f"after {n_iter} steps coef_ = {coef.tolist()}, intercept_ = {b!r}; the "
            f"reference run ends at {ref_coef.tolist()} and {ref_b!r} ({reason})"
        ),
        hint="Make exactly n_iter updates (no early stopping), all in float64: "
        "X = np.asarray(X, dtype=float), y = np.asarray(y, dtype=float) (float32, or "
        "labels kept as small ints, lose digits the run needs).",
        got=fitted.model.coef_,
    )


def check_model(
    check: Checker, X, y, learning_rate=0.1, n_iter=100, l2=0.0, X_new=None, why=None
):
    """Check a fitted model's attributes, ``fit`` returning ``self``, and predictions.

    * ``fit`` returns the model itself;
    * ``coef_`` has shape ``(n_features,)``, ``intercept_`` is one float,
      ``loss_history_`` has ``n_iter`` finite values, the last being the objective
      at ``(coef_, intercept_)``;
    * ``predict_proba(X_new)`` has shape ``(n,)``, lies in [0, 1] and equals
      ``sigmoid(X_new @ coef_ + intercept_)``;
    * ``predict(X_new)`` and ``predict(X_new, threshold=t)`` are 0/1 and equal
      ``proba >= t`` wherever the probability is not within 1e-9 of ``t`` (exactly
      at the threshold, where rounding decides, :func:`check_threshold` checks it).

    None of this depends on the starting point or the style of the answer.
    """
    __tracebackhide__ = True
    fitted = _fit(check, X, y, learning_rate, n_iter, l2, why)
    fitted.that(
        fitted.returned is fitted.model,
        lambda: f"fit returned {fitted.returned!r}, not the model itself",
        hint="End fit with `return self`, so that model.fit(X, y).predict(X) works "
        "(as in scikit-learn).",
        got=fitted.returned,
    )
    Xa, ya = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    coef, b, history = _fitted_numbers(fitted, Xa.shape[1], n_iter)
    fitted.that(
        bool(np.all(np.isfinite(history))),
        lambda: f"loss_history_ holds nan or inf: {_first_bad(history)}",
        hint="Compute the log loss safely: clip p (your log_loss does) or use "
        "np.logaddexp(0, z) - y * z.",
        got=fitted.model.loss_history_,
    )
    if n_iter:
        final = objective(Xa, ya, coef, b, l2)
        fitted.that(
            np.isclose(history[-1], final, rtol=RUN_TOL, atol=RUN_TOL),
            lambda: (
                f"loss_history_[-1] is {history[-1]:.8g}, but the objective at the "
                f"fitted coef_ and intercept_ is {final:.8g}"
            ),
            hint="Record the objective after each update, so the last value belongs to "
            "the final coef_ and intercept_; include the penalty (l2/2)·||w||².",
            got=fitted.model.loss_history_,
        )
    X_new = Xa if X_new is None else X_new
    _check_predictions(fitted, X_new, coef, b)


def _first_bad(values) -> str:
    bad = np.flatnonzero(~np.isfinite(values))
    return f"value {bad[0]} is {values[bad[0]]}" if bad.size else "none"


def _check_predictions(fitted: Fitted, X_new, coef, b):
    __tracebackhide__ = True
    proba_check, p = fitted.proba(X_new)
    Xn = np.asarray(X_new, dtype=float)
    fitted.holds(
        proba_check,
        bool(np.all(np.isfinite(p)) and np.all((p >= 0) & (p <= 1))),
        lambda: f"probabilities should be finite and in [0, 1]; got {_outside(p)}",
        X_new,
        got=p,
        hint="Pass the scores through your sigmoid: sigmoid(X @ coef_ + intercept_).",
    )
    with quiet():
        expected = sigmoid_reference(Xn @ coef + b)
    gap = np.abs(p - expected)
    fitted.holds(
        proba_check,
        bool(np.all(gap <= 1e-8)),
        lambda: (
            f"predict_proba(X)[{int(np.argmax(gap))}] is {p[np.argmax(gap)]:.8g}, but "
            f"sigmoid(X @ coef_ + intercept_) there is {expected[np.argmax(gap)]:.8g}"
        ),
        X_new,
        got=p,
        hint="predict_proba must use the fitted coef_ and intercept_: "
        "sigmoid(X @ self.coef_ + self.intercept_).",
    )
    for threshold in (None, 0.3, 0.8):
        kwargs = {} if threshold is None else {"threshold": threshold}
        t = 0.5 if threshold is None else threshold
        predict_check, got = fitted.predict(X_new, **kwargs)
        labels = as_float(got)
        n = len(Xn)
        fitted.holds(
            predict_check,
            labels is not None
            and labels.shape == (n,)
            and bool(np.all((labels == 0) | (labels == 1))),
            f"should return one 0/1 label per row, shape ({n},)",
            X_new,
            got=got,
            **kwargs,
            hint="Return (self.predict_proba(X) >= threshold).astype(int).",
        )
        clear = np.abs(p - t) > 1e-9
        wrong = np.flatnonzero(clear & (labels != (p >= t)))
        fitted.holds(
            predict_check,
            wrong.size == 0,
            lambda wrong=wrong, t=t, labels=labels: (
                f"row {wrong[0]} has probability {p[wrong[0]]:.4g} and threshold {t}, "
                f"so its label is {int(p[wrong[0]] >= t)}; got {labels[wrong[0]]:g}"
            ),
            X_new,
            got=got,
            **kwargs,
            hint="Compare the probabilities with the threshold argument (default "
            "0.5), not with a fixed 0.5.",
        )


def _outside(p) -> str:
    bad = np.flatnonzero(~(np.isfinite(p) & (p >= 0) & (p <= 1)))
    return f"p[{bad[0]}] = {p[bad[0]]}" if bad.size else "fine"


def check_converges(
    check: Checker,
    X,
    y,
    l2=0.0,
    learning_rate=1.0,
    n_iter=300,
    X_new=None,
    why=None,
    tol=SKLEARN_TOL,
):
    """Check that a long run reaches scikit-learn's solution within ``tol``.

    The model, fitted with a step and a number of iterations that reach the minimum
    on the given data, must give ``coef_``, ``intercept_`` and probabilities within
    ``tol`` (the contract's 1e-2) of ``LogisticRegression(C=1 / (n·l2))``
    (no penalty when ``l2 = 0``), whatever its starting point.
    """
    __tracebackhide__ = True
    fitted = _fit(check, X, y, learning_rate, n_iter, l2, why)
    Xa = np.asarray(X, dtype=float)
    coef, b, _ = _fitted_numbers(fitted, Xa.shape[1], None)
    sk_coef, sk_b = sklearn_solution(X, y, l2)
    gap = max(float(np.max(np.abs(coef - sk_coef), initial=0.0)), abs(b - sk_b))
    fitted.that(
        gap <= tol,
        lambda: (
            f"coef_ = {np.round(coef, 4).tolist()}, intercept_ = {b:.4f}; "
            f"scikit-learn's LogisticRegression(C={_c_text(len(Xa), l2)}) finds "
            f"{np.round(sk_coef, 4).tolist()} and {sk_b:.4f} (more than {tol:g} apart)"
        ),
        hint=_converge_hint(X, y, l2, coef, b, tol) if gap > tol else None,
        got=fitted.model.coef_,
    )
    X_new = Xa if X_new is None else X_new
    proba_check, p = fitted.proba(X_new)
    with quiet():
        sk_p = sigmoid_reference(np.asarray(X_new, dtype=float) @ sk_coef + sk_b)
    gap = np.abs(p - sk_p)
    fitted.holds(
        proba_check,
        bool(np.all(gap <= tol)),
        lambda: (
            f"probability {p[np.argmax(gap)]:.4f} at row {int(np.argmax(gap))}; "
            f"scikit-learn's is {sk_p[np.argmax(gap)]:.4f}"
        ),
        X_new,
        got=p,
        hint="predict_proba should be sigmoid(X @ coef_ + intercept_).",
    )


def _c_text(n, l2) -> str:
    return "inf" if l2 == 0 else f"1/(n·l2) = {1 / (n * l2):.4g}"


_MINIMUM_HINT = (
    "Run to convergence, gradient descent minimises mean log loss + "
    "(l2/2)·||w||². Check the gradient: X.T @ (p - y) / n + l2 * w for w and "
    "mean(p - y) for b, and that every iteration moves against it."
)


def _converge_hint(X, y, l2, coef, b, tol) -> str:
    """The hint for a run that ends away from the minimum: which wrong objective
    it minimised, when it is one of the common ones."""
    if l2 > 0:
        wrong = [
            (
                newton_solution(X, y, l2, penalise_intercept=True),
                "This is the minimum with the intercept penalised too. The intercept "
                "is not penalised: its gradient is mean(p - y) with no l2 * b.",
            ),
            (
                sklearn_solution(X, y, 2 * l2),
                "This is the minimum for a penalty twice as strong: the derivative of "
                "(l2/2)·||w||² is l2 * w, not 2 * l2 * w.",
            ),
            (
                sklearn_solution(X, y, 0.0),
                "This is the minimum without any penalty: add l2 * w to the gradient "
                "of w.",
            ),
        ]
        for (w, c), hint in wrong:
            close = np.max(np.abs(coef - w), initial=0.0) <= tol and abs(b - c) <= tol
            if close:
                return hint
    return _MINIMUM_HINT


def check_penalty_shrinks(
    check: Checker, X, y, l2_values=(0.0, 0.01, 0.1, 1.0), learning_rate=1.0, n_iter=300
):
    """Check that a larger ``l2`` gives a smaller ``||coef_||``, run to convergence."""
    __tracebackhide__ = True
    norms = []
    for l2 in l2_values:
        fitted = _fit(check, X, y, learning_rate, n_iter, l2, f"l2 = {l2}")
        coef, _, _ = _fitted_numbers(fitted, np.asarray(X).shape[1], None)
        norms.append(float(np.linalg.norm(coef)))
        if len(norms) > 1:
            fitted.that(
                norms[-1] < norms[-2],
                lambda l2=l2: (
                    f"||coef_|| is {norms[-1]:.4g} with l2 = {l2}, not smaller than "
                    f"{norms[-2]:.4g} with l2 = {l2_values[len(norms) - 2]}"
                ),
                hint="The penalty's gradient l2 * w pulls every weight towards 0 at "
                "each step: subtract learning_rate * (data gradient + l2 * w).",
                got=fitted.model.coef_,
            )


def check_descent(
    check: Checker, X, y, learning_rate=0.1, n_iter=200, l2=0.0, why=None
):
    """Check that with a small step the objective never increases."""
    __tracebackhide__ = True
    fitted = _fit(check, X, y, learning_rate, n_iter, l2, why)
    _, _, history = _fitted_numbers(fitted, np.asarray(X).shape[1], n_iter)
    rise = np.diff(history)
    up = np.flatnonzero(rise > 1e-12 * (1 + np.abs(history[:-1])))
    fitted.that(
        up.size == 0,
        lambda: (
            f"with a small step the objective should never increase, but "
            f"loss_history_[{up[0] + 1}] = {history[up[0] + 1]:.8g} > "
            f"loss_history_[{up[0]}] = {history[up[0]]:.8g}"
        ),
        hint="Each update moves against the gradient: w -= learning_rate * grad_w, "
        "with grad_w = X.T @ (p - y) / n + l2 * w, and the objective recorded is the "
        "one the gradient belongs to.",
        got=fitted.model.loss_history_,
    )


def check_separable(
    check: Checker, X, y, learning_rate=1.0, n_iter=50, l2=0.0, why=None
):
    """Check finite results on separable data, where the weights grow large.

    The log loss history, the weights and the probabilities must all be finite, the
    probabilities in [0, 1], and the training data classified perfectly (as the
    reference run does).
    """
    __tracebackhide__ = True
    fitted = _fit(check, X, y, learning_rate, n_iter, l2, why)
    Xa = np.asarray(X, dtype=float)
    coef, b, history = _fitted_numbers(fitted, Xa.shape[1], n_iter)
    fitted.that(
        bool(np.all(np.isfinite(coef)) and np.isfinite(b)),
        lambda: f"coef_ = {coef.tolist()}, intercept_ = {b}: not finite",
        hint=_MINIMUM_HINT,
        got=fitted.model.coef_,
    )
    fitted.that(
        bool(np.all(np.isfinite(history))),
        lambda: f"loss_history_ holds nan or inf: {_first_bad(history)}",
        hint="On separable data the margins grow large and p becomes exactly 0.0 or "
        "1.0 in floating point, so log(p) or log(1 - p) is -inf and 0 * -inf is nan. "
        "Clip p to [eps, 1 - eps] (your log_loss does it) or use "
        "np.logaddexp(0, z) - y * z.",
        got=fitted.model.loss_history_,
    )
    _check_predictions(fitted, X, coef, b)
    _, got = fitted.predict(X)
    wrong = np.flatnonzero(np.asarray(got, dtype=float) != np.asarray(y))
    fitted.that(
        wrong.size == 0,
        lambda: (
            f"the separable training data should be classified perfectly; row "
            f"{wrong[0]} is not"
        ),
        hint=_MINIMUM_HINT,
        got=got,
    )


# -------------------------------------------------------------------------- checker
_DESCENT_HINT = (
    "Start from w = 0, b = 0. Each iteration: p = sigmoid(X @ w + b); "
    "grad_w = X.T @ (p - y) / n + l2 * w; grad_b = mean(p - y); then w -= "
    "learning_rate * grad_w and b -= learning_rate * grad_b, and append the objective "
    "(mean log loss + (l2/2)·||w||²) at the new w, b to loss_history_."
)

EXERCISES = Exercises(
    Exercise(
        "sigmoid",
        hint="sigmoid(z) = 1 / (1 + exp(-z)), element-wise, for any shape; compute it "
        "through e = np.exp(-np.abs(z)) so that nothing overflows.",
        reference=sigmoid_reference,
        cases=_sigmoid_mistake_cases,
        equal=_sigmoid_equal,
        mistakes=[
            Mistake(
                _naive_ratio,
                "exp(z) / (1 + exp(z)) is inf / inf = nan once exp(z) overflows "
                "(z above 709.8). Use e = exp(-|z|), which never overflows.",
            ),
            Mistake(
                _sigmoid_negated,
                "That is sigmoid(-z): the sign of the exponent looks flipped. "
                "sigmoid(z) = 1 / (1 + exp(-z)) is above 0.5 for positive z.",
            ),
            Mistake(
                _sigmoid_in_dtype,
                "On integer input the result is truncated to integers: an output array "
                "made with np.zeros_like(z) or np.empty_like(z) keeps z's integer dtype. "
                "Start with z = np.asarray(z, dtype=float).",
            ),
        ],
    ),
    Exercise(
        "log_loss",
        hint="Clip p to [eps, 1 - eps] with np.clip, then return "
        "-mean(y * log(p) + (1 - y) * log(1 - p)).",
        reference=log_loss_reference,
        cases=_log_loss_mistake_cases,
        mistakes=[
            Mistake(
                lambda y, p, eps=1e-15: log_loss_reference(y, p, 1e-15),
                "Use the eps argument, not a fixed 1e-15.",
            ),
            Mistake(
                _log_loss_clipped(lambda eps: eps, lambda eps: 1.0),
                "Clip from both sides: p = 1 for a negative sample needs log(1 - p) "
                "finite too, so p goes to [eps, 1 - eps].",
            ),
            Mistake(
                _log_loss_clipped(lambda eps: 0.0, lambda eps: 1.0),
                "Without clipping, p = 0 or 1 gives log(0) = -inf (and 0 * -inf = nan). "
                "Clip p to [eps, 1 - eps] before taking logs.",
            ),
            Mistake(
                lambda y, p, eps=1e-15: log_loss_reference(y, p, eps) * np.size(y),
                "The log loss is a mean over samples, not a sum: divide by n.",
            ),
            Mistake(
                lambda y, p, eps=1e-15: -log_loss_reference(y, p, eps),
                "The sign looks flipped: log(p) is negative, so the loss is "
                "-mean(y·log(p) + (1 - y)·log(1 - p)), a positive number.",
            ),
            Mistake(
                lambda y, p, eps=1e-15: log_loss_reference(1 - np.asarray(y), p, eps),
                "The two terms look swapped: a positive sample (y = 1) costs -log(p), "
                "a negative one -log(1 - p).",
            ),
            Mistake(
                lambda y, p, eps=1e-15: log_loss_reference(y, p, eps) / np.log(10),
                "Use the natural logarithm, np.log, not np.log10.",
            ),
        ],
    ),
    Exercise(
        "LogisticRegressionGD",
        hint=_DESCENT_HINT,
        reference=_reference_run,
        parts=("coef_", "intercept_", "loss_history_"),
        cases=_descent_mistake_cases,
        mistakes=[
            Mistake(
                _variant(sum_gradient=True),
                "The gradient of the *mean* log loss divides by n: grad_w = X.T @ "
                "(p - y) / n + l2 * w and grad_b = mean(p - y). Summing makes each step "
                "n times larger.",
            ),
            Mistake(
                _variant(penalise_intercept=True),
                "The intercept is not penalised: grad_b = mean(p - y) with no l2 * b, "
                "and the objective's penalty is (l2/2)·||w||² without b².",
            ),
            Mistake(
                _variant(l2_factor=2.0),
                "The derivative of (l2/2)·||w||² is l2 * w, not 2 * l2 * w: the 1/2 "
                "cancels the 2.",
            ),
            Mistake(
                _variant(sum_gradient=False, l2_factor=0.0),
                "The gradient misses the penalty's part: grad_w = X.T @ (p - y) / n + "
                "l2 * w.",
            ),
            Mistake(
                _variant(record_before=True),
                "loss_history_[k] is the objective after update k + 1: record it after "
                "moving w and b, so the last value belongs to the fitted coef_ and "
                "intercept_.",
            ),
            Mistake(
                _variant(no_penalty=True),
                "loss_history_ records the whole objective, mean log loss + "
                "(l2/2)·||w||², not the log loss alone.",
            ),
            Mistake(
                _variant(with_start=True),
                "loss_history_ holds one value per iteration (n_iter values), each after "
                "its update: leave out the objective at the starting point.",
            ),
            Mistake(
                _variant(ascent=True),
                "The iterates move uphill: subtract learning_rate * gradient, with the "
                "gradient X.T @ (p - y) / n (p - y, not y - p).",
            ),
        ],
    ),
)


def checker(exercise: str, func, **options) -> Checker:
    """A :class:`~interview_lab.checking.Checker` of ``func`` for one exercise.

    For ``LogisticRegressionGD`` the learner's class is wrapped by :func:`fitting`:
    the checker's function fits the class and returns ``(coef_, intercept_,
    loss_history_)``, compared with the reference run within 1e-6 (absolute and
    relative). A class whose methods are still nbgrader's stub fails at once.

    Parameters
    ----------
    exercise : str
        ``"sigmoid"``, ``"log_loss"`` or ``"LogisticRegressionGD"``.
    func : callable
        The learner's function or class.
    **options
        Passed to :class:`~interview_lab.checking.Checker`.
    """
    __tracebackhide__ = True
    if exercise == "LogisticRegressionGD":
        if not getattr(func, "fits_data", False):
            refuse_stub(func)
            func = fitting(func)
        options.setdefault("atol", RUN_TOL)
        options.setdefault("rtol", RUN_TOL)
    return EXERCISES.checker(exercise, func, **options)
