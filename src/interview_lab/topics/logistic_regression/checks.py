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
a second fit of the same model, convergence to scikit-learn's solution, the effect
of the penalty, finite results on separable data.
"""

from __future__ import annotations

import numpy as np

from ...checking import (
    Checker,
    Exercise,
    Exercises,
    Mistake,
)
from ...validation import check_int, check_seed
from ...values import compare
from ._estimator import fitting, refuse_stub
from .core import (
    descent_variant,
    gradient_descent,
    log_loss_reference,
    make_data,
    offset_data,
    sigmoid_reference,
)
from .model_checks import (
    STEP_TOL,
    check_converges,
    check_descent,
    check_model,
    check_penalty_shrinks,
    check_refit,
    check_separable,
    check_threshold,
    check_unchanged,
    check_warning_free,
    check_weights,
)

__all__ = [
    "EXERCISES",
    "check_converges",
    "check_descent",
    "check_model",
    "check_penalty_shrinks",
    "check_refit",
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
    ``±1e4`` and the limits of ``exp`` (709.8, 745), tiny values, NumPy scalars of
    small dtypes (``uint8``, ``int8``, ``int16``, ``float32``), empty arrays (shapes
    ``(0,)`` and ``(2, 0)``, both representable as lists), a 200,000-value array, then
    random arrays of several shapes and magnitudes, lists and arrays in turn.
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
    yield np.uint8(3), "a NumPy uint8 scalar (read as float64: -z must not wrap)"
    yield np.int8(1), "a NumPy int8 scalar (read as float64, not float16)"
    yield np.int16(-7), "a NumPy int16 scalar"
    yield np.float32(0.1), "a NumPy float32 scalar (read as float64)"
    yield np.array([]), "an empty array, shape (0,)"
    yield np.empty((2, 0)), "an empty 2-D array, shape (2, 0)"
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
    ``eps`` (0 and 1e-18 with ``p`` below machine epsilon, where only the given
    ``eps`` clips), ``uint8`` and ``uint16`` labels, one sample, tiny probabilities,
    100,000 samples, then random cases, lists and arrays in turn. ``p = 1`` for a
    negative sample is only sent with ``eps`` of at least 1e-6: with a smaller
    ``eps``, ``1 - (1 - eps)`` is not ``eps`` in floating point and two correct ways
    of clipping give visibly different losses.
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
    yield [1, 0, 1], [1e-20, 0.3, 1e-17], 0.0, "eps = 0 and p below 2.2e-16: no clip"
    yield [1, 1, 0], [1e-20, 0.6, 1e-19], 1e-18, "eps = 1e-18 clips p = 1e-20"
    yield (
        np.array([1, 0, 1, 0], np.uint8),
        [0.9, 0.2, 0.6, 0.45],
        1e-15,
        "uint8 labels (-y must not wrap around)",
    )
    yield (
        np.array([0, 1, 1], np.uint16),
        np.array([0.3, 0.8, 1e-3]),
        1e-15,
        "uint16 labels",
    )
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


@_reports
def _float32_results(X, y, learning_rate=0.1, n_iter=1000, l2=0.0):
    """The right run, with ``coef_`` and ``loss_history_`` stored as float32."""
    coef, b, history = gradient_descent(X, y, learning_rate, n_iter, l2)
    return coef.astype(np.float32), b, history.astype(np.float32)


@_reports
def _float32_features(X, y, learning_rate=0.1, n_iter=1000, l2=0.0):
    """The run on ``X`` rounded to float32 (the arithmetic in float64)."""
    X32 = np.asarray(X, dtype=np.float32)
    return gradient_descent(X32, y, learning_rate, n_iter, l2)


_FLOAT32_HINT = (
    "The values are right to about 7 digits, which is what float32 keeps; the run is "
    "compared within 1e-9. Read X with np.asarray(X, dtype=float) (float64), and "
    "keep coef_ and loss_history_ in float64 (no .astype(np.float32))."
)


def _blobs(n, d, seed, separation=1.5, balance=0.5):
    return make_data(n, d, separation=separation, balance=balance, random_state=seed)


def descent_cases(seed=0, n_random=6):
    """Gradient-descent runs ``(why, (X, y, learning_rate, n_iter, l2))``.

    Each is short (2-80 iterations) and uses a learning rate the iteration is stable
    with, so a correct answer written in any style follows the reference run to many
    digits (about 1e-15; the checker allows :data:`STEP_TOL`): standardised
    data, integer features, a constant column, duplicated columns, features at a
    large offset and at a large scale (with a learning rate small enough for them),
    one feature, one sample (with ``y = 1`` and with ``y = 0``), a sample
    misclassified by a margin of 16.3 (where an objective that clips ``p`` at 1e-7
    records less, while clipping at the notebook's 1e-15 changes nothing), 10,000
    samples, lists, ``uint8`` and ``int8`` labels, several penalties, then random
    runs.
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
    yield (
        "one sample with y = 0: class 1 is y = 1 even when absent",
        (np.array([[0.5, -1.0]]), np.array([0]), 0.5, 20, 0.1),
    )
    yield (
        "a sample misclassified by a margin of 16.3: the objective's log loss there "
        "is 16.3, not capped at -log(1e-7) = 16.1",
        (np.array([[10.0], [-10.0], [9.0]]), np.array([1, 0, 0]), 1.0, 2, 0.0),
    )
    X6, y6 = _blobs(10_000, 3, seed + 4)
    yield "10,000 samples", (X6, y6, 1.0, 5, 0.01)
    for i in range(n_random):
        n = int(rng.integers(5, 120))
        d = int(rng.integers(1, 6))
        Xr, yr = _blobs(n, d, seed + 10 + i, separation=float(rng.uniform(0.5, 3)))
        lr = float(rng.choice([0.05, 0.2, 0.5, 1.0]))
        l2 = float(rng.choice([0.0, 0.001, 0.03, 0.3]))
        yield f"random run {i + 1}", (Xr, yr, lr, int(rng.integers(20, 80)), l2)


def long_runs(seed=0):
    """Longer runs ``(why, (X, y, learning_rate, n_iter, l2))`` for :func:`check_weights`.

    1000 steps at ``learning_rate=1.0`` on two nearly equal columns (``x`` and
    ``x + 0.01·e``, 100 samples) whose labels follow the small difference ``e``, without
    and with a penalty: the problem is ill-conditioned, so the iterates are still
    moving by more than 1e-6 at the last step (a run that stops early is visibly off),
    and float32 arithmetic or features rounded to float32 end far from the float64
    run. Two float64 implementations summing in different orders agree to about 1e-16
    there (the tests check it). The runs need the structure, not the size: 100 rows
    keep an answer that loops over the rows well inside the time limit.
    """
    rng = np.random.default_rng(check_seed(seed))
    x = rng.normal(size=100)
    e = rng.normal(size=100)
    X = np.column_stack([x, x + 0.01 * e])
    y = (e + 0.5 * rng.normal(size=100) > 0).astype(int)
    yield (
        "two nearly equal columns, labels following their difference, 1000 steps: "
        "no early stopping, all in float64",
        (X, y, 1.0, 1000, 0.0),
    )
    yield "the same with l2 = 0.001", (X, y, 1.0, 1000, 0.001)


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


# -------------------------------------------------------------------------- checker
_DESCENT_HINT = (
    "Start from w = 0, b = 0. Each iteration: p = sigmoid(X @ w + b); "
    "grad_w = X.T @ (p - y) / n + l2 * w; grad_b = mean(p - y); then w -= "
    "learning_rate * grad_w and b -= learning_rate * grad_b, and append the objective "
    "(mean log loss + (l2/2)·||w||²) at the new w, b to loss_history_. Everything in "
    "float64 (float32 keeps only 7 digits): the run is compared within 1e-9."
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
            Mistake(_float32_results, _FLOAT32_HINT),
            Mistake(_float32_features, _FLOAT32_HINT),
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
    loss_history_)``, compared with the reference run within :data:`STEP_TOL` (1e-9,
    absolute and relative): on the short, stable runs the checks send, correct float64
    answers in any style agree with it to about 1e-15, while float32 anywhere (the
    features read as float32, or ``coef_`` and ``loss_history_`` stored as float32)
    is 1e-8 to 1e-6 off. A class whose methods are still nbgrader's stub fails at
    once.

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
        options.setdefault("atol", STEP_TOL)
        options.setdefault("rtol", STEP_TOL)
    return EXERCISES.checker(exercise, func, **options)
