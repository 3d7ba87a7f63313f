"""05_logistic_regression: invariant checks of a learner's model.

What holds whatever the answer's style: fit returns self, attribute shapes and types,
probabilities in [0, 1] and equal to the sigmoid of the decision function, the
history's last value the objective at the fitted parameters, convergence to
scikit-learn, the penalty shrinking the weights, warning-free sigmoids, unchanged
arguments, predictions at exactly the threshold.
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
    kernel_side,
    quiet,
    time_limit,
)
from ...values import compare
from ._estimator import Fitted, as_float
from .core import (
    gradient_descent,
    newton_solution,
    objective,
    sigmoid_reference,
    sklearn_solution,
)

__all__ = [
    "RUN_TOL",
    "SKLEARN_TOL",
    "STEP_TOL",
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
]

#: Absolute and relative tolerance of a gradient-descent run (``coef_``,
#: ``intercept_``, ``loss_history_``) against the reference run. The runs the checks
#: send are stable, so float64 answers in any style (loops or matrices, any summation
#: order, tanh or exp, weight decay, an augmented matrix, exact or clipped objective)
#: agree with the reference to about 1e-15; float32 anywhere is 1e-8 to 1e-6 off.
STEP_TOL = 1e-9
#: Tolerance of the recorded objective against the objective at the fitted
#: parameters (:func:`check_model`), where a clipped log loss may differ slightly.
RUN_TOL = 1e-6
#: The contract's tolerance against scikit-learn, for runs long enough to converge.
SKLEARN_TOL = 1e-2


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
    caught = warnings_of(check.func, check.seconds, z)
    case.that(
        not caught,
        lambda: f"raised a warning: {caught[0]}",
        hint="The value is right, but NumPy warns: exp overflowed somewhere (np.where "
        "computes both of its branches for every element, so a branch you throw away "
        "still overflows). Compute e = np.exp(-np.abs(z)) once, then 1 / (1 + e) where "
        "z >= 0 and e / (1 + e) where z < 0.",
    )


@kernel_side  # when grading: the warnings are raised in the learner's kernel
def warnings_of(func, seconds, *args) -> list[str]:
    """The warnings one call ``func(*args)`` raises, with NumPy's default errstate
    (stopped after ``seconds`` of CPU time)."""
    a = copy.deepcopy(args)
    with (
        warnings.catch_warnings(record=True) as caught,
        np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"),
        contextlib.redirect_stderr(io.StringIO()),
        contextlib.redirect_stdout(io.StringIO()),
    ):
        warnings.simplefilter("always")
        try:
            with time_limit(seconds):
                func(*a)
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
    _, args_after, _ = check.after_call(*args, **kwargs)
    names = _parameter_names(check.func, len(args))
    for name, before, after in zip(names, saved, args_after, strict=True):
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

    Every label is compared with the learner's own ``predict_proba`` (so only exact
    comparisons are asked for, whatever its sigmoid):

    * with ``n_iter=0`` the model is ``w = 0, b = 0`` and every probability is exactly
      0.5, so ``predict(X)`` and ``predict(X, threshold=0.5)`` are all 1, and
      thresholds just above 0.5 (``0.5 + 1e-9``, ``0.5 + 1e-13`` and the next float,
      ``np.nextafter(0.5, 1)``) give all 0: a tolerance around the threshold is wrong;
    * one step at ``learning_rate=1`` on ``X = [[1], [-1]], y = [1, 0]`` gives
      ``coef_ = [0.5], intercept_ = 0``; at the rows ``[-1e-17]``, ``[0]``,
      ``[1e-17]`` the scores are within 1e-16 of 0 and their probabilities round to
      exactly 0.5 (label 1 at the threshold 0.5, whatever the sign of the score:
      comparing the score with log(t / (1 - t)) is not the same), and at ``[±80]``
      the probabilities are exactly 1.0 and about 2e-18, so ``threshold=1.0`` labels
      the first row 1 and ``threshold=0.0`` every row 1.
    """
    __tracebackhide__ = True
    fitted = _fit(check, X, y, 0.1, 0, 0.0, why or "n_iter=0: every probability is 0.5")
    thresholds = (None, 0.5, 0.5 + 1e-9, 0.5 + 1e-13, float(np.nextafter(0.5, 1.0)))
    _labels_at_thresholds(fitted, X, thresholds)
    fitted = _fit(
        check,
        [[1.0], [-1.0]],
        [1, 0],
        1.0,
        1,
        0.0,
        "one step: coef_ = [0.5], intercept_ = 0, scores of 1e-17 round to p = 0.5",
    )
    X_near = [[-1e-17], [0.0], [1e-17], [80.0], [-80.0]]
    thresholds = (None, 0.5, 0.5 + 1e-13, float(np.nextafter(0.5, 1.0)), 1.0, 0.0)
    _labels_at_thresholds(fitted, X_near, thresholds)


def _labels_at_thresholds(fitted: Fitted, X_new, thresholds):
    """``predict(X_new, threshold=t)`` against the learner's ``predict_proba >= t``."""
    __tracebackhide__ = True
    _, p = fitted.proba(X_new)
    for threshold in thresholds:
        kwargs = {} if threshold is None else {"threshold": threshold}
        t = 0.5 if threshold is None else threshold
        predict_check, got = fitted.predict(X_new, **kwargs)
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
            X_new,
            got=got,
            **kwargs,
            hint="predict gives 1 exactly where predict_proba(X) >= threshold: a "
            "probability equal to the threshold gives 1 (use >=, not >), one below it "
            "gives 0 however close (no tolerance), and compare the probability itself, "
            "not the score with log(t / (1 - t)) (p rounds to exactly 0.5 for scores "
            "within 1e-16 of 0, and to 1.0 above 37).",
        )


def check_refit(
    check: Checker, X, y, X2, y2, learning_rate=0.5, n_iter=20, l2=0.0, why=None
):
    """Check that fitting the same model again starts afresh.

    One instance is fitted on ``(X, y)``, then on ``(X2, y2)`` (same number of
    features); the second fit must give what a fresh fit on ``(X2, y2)`` gives:
    ``coef_``, ``intercept_`` and ``loss_history_`` (``n_iter`` values) of the
    reference run within :data:`STEP_TOL`. So ``fit`` starts from ``w = 0, b = 0``
    every time (no warm start) and builds a new history (not one created in
    ``__init__`` and appended to). The hyperparameters are those given to the
    constructor (the contract names no attribute to change them through).
    """
    __tracebackhide__ = True
    fitted = _fit(check, X, y, learning_rate, n_iter, l2, why)
    fitted.refit(X2, y2, why or "the same model fitted a second time, on other data")
    X2a = np.asarray(X2, dtype=float)
    coef, b, history = _fitted_numbers(fitted, X2a.shape[1], None)
    ref_coef, ref_b, ref_history = gradient_descent(X2, y2, learning_rate, n_iter, l2)
    reason = (
        (
            None
            if history is not None and history.shape == ref_history.shape
            else f"loss_history_ holds {'no numbers' if history is None else history.size} "
            f"values, not n_iter = {n_iter}"
        )
        or compare(coef, ref_coef, STEP_TOL, STEP_TOL, "coef_")
        or compare(b, ref_b, STEP_TOL, STEP_TOL, "intercept_")
        or compare(history, ref_history, STEP_TOL, STEP_TOL, "loss_history_")
    )
    fitted.that(
        reason is None,
        lambda: (
            "fitting the same model a second time should give what a fresh model "
            f"gives: {reason}"
        ),
        hint="fit starts afresh every time it is called: w = 0, b = 0 and "
        "self.loss_history_ = [] at the start of fit (not in __init__, and not the "
        "previous coef_), as LogisticRegressionGD(...).fit(X2, y2) would.",
        got=fitted.model.loss_history_,
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

    Within :data:`STEP_TOL` (absolute and relative), as the checker's runs;
    ``loss_history_`` is only checked for its length: in long runs on large features
    the probabilities saturate at 0 and 1, and the recorded objective then depends on
    how an answer avoids log(0) (clipping or not), while the iterates do not.
    """
    __tracebackhide__ = True
    fitted = _fit(check, X, y, learning_rate, n_iter, l2, why)
    Xa = np.asarray(X, dtype=float)
    coef, b, _ = _fitted_numbers(fitted, Xa.shape[1], n_iter)
    ref_coef, ref_b, _ = gradient_descent(X, y, learning_rate, n_iter, l2)
    reason = compare(coef, ref_coef, STEP_TOL, STEP_TOL, "coef_") or compare(
        b, ref_b, STEP_TOL, STEP_TOL, "intercept_"
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
