"""Checking a learner's estimator class: build it, fit it, inspect it, explain.

A helper of :mod:`.checks` (and a candidate for :mod:`interview_lab.checking`, for any
later exercise whose answer is a class with ``fit``/``predict``): it wraps the class
in a function the :class:`~interview_lab.checking.Checker` can compare by value
(:func:`fitting`), refuses nbgrader's unsolved stub at once (:func:`refuse_stub`) and
runs each method quietly, in time, explaining a crash as a failure of that method's
call (:class:`Fitted`). The names of the model (``LogisticRegressionGD``) and its
attributes are this topic's.
"""

from __future__ import annotations

import inspect

import numpy as np

from ...checking import (
    Checker,
    CheckFailed,
    _remote,
    is_unsolved_stub,
    judge_changed,
    quiet,
    stub_methods,
)

__all__ = ["Fitted", "as_float", "fitting", "refuse_stub"]


class _Default:
    """An argument the learner's class is not given (its own default applies)."""

    def __repr__(self) -> str:
        return "the default"


_DEFAULT = _Default()


def fitting(model_class):
    """A function that fits ``model_class`` and reports what the checks compare.

    ``fitting(LogisticRegressionGD)(X, y, learning_rate=0.5, n_iter=20)`` builds
    ``LogisticRegressionGD(learning_rate=0.5, n_iter=20)`` (keyword arguments, as in
    the contract; those not given are left to the class's defaults), fits it on
    ``(X, y)`` and returns ``(coef_, intercept_, loss_history_)``. The class is kept
    as ``.model_class`` for the ``check_*`` functions.
    """

    def LogisticRegressionGD(
        X, y, learning_rate=_DEFAULT, n_iter=_DEFAULT, l2=_DEFAULT
    ):
        given = {"learning_rate": learning_rate, "n_iter": n_iter, "l2": l2}
        model = model_class(**{k: v for k, v in given.items() if v is not _DEFAULT})
        fit = model.fit
        fit(X, y)
        # graded by the judge, fit ran on copies in the learner's kernel: what it
        # changed in place there is reported to the checker through this function
        LogisticRegressionGD._judge_changed = judge_changed(fit)
        return model.coef_, model.intercept_, model.loss_history_

    LogisticRegressionGD.model_class = model_class
    LogisticRegressionGD._judge_changed = None
    return LogisticRegressionGD


def model_class_of(check: Checker):
    """The class behind a checker made by :func:`fitting`."""
    cls = getattr(check.func, "model_class", None)
    if cls is None:
        raise TypeError(
            "this check needs the checker of the class: "
            "topic.checker('LogisticRegressionGD', LogisticRegressionGD)"
        )
    return cls


def _label(params: dict) -> str:
    inside = ", ".join(f"{k}={v!r}" for k, v in params.items())
    return f"LogisticRegressionGD({inside})"


class Fitted:
    """A learner's model built and fitted once, each step called quietly and in time.

    A crash, a time-out or a stub in any method is reported as a failure of that
    method's call (``LogisticRegressionGD(...).fit(X=..., y=...)``).
    """

    def __init__(self, check: Checker, X, y, params: dict, why=None):
        __tracebackhide__ = True
        self.check, self.X, self.y, self.why = check, X, y, why
        self.label = _label(params)
        cls = model_class_of(check)
        make = Checker(cls, name="LogisticRegressionGD", hint=check.hint)
        self.model = make.call(**params)
        self.fit_check = self._checker("fit")
        self.returned = self.fit_check.call(X, y)

    def refit(self, X, y, why=None) -> None:
        """Fit the same model again, on ``(X, y)``; later checks report this fit."""
        __tracebackhide__ = True
        self.X, self.y, self.why = X, y, why or self.why
        self.returned = self.fit_check.call(X, y)

    def _checker(self, method: str) -> Checker:
        __tracebackhide__ = True
        func = getattr(self.model, method, None)
        if not callable(func):
            raise CheckFailed(
                f"{self.label}\n  problem:  has no method {method}()\n  hint:     "
                f"Write {method} as a method of the class (indented inside it)."
            )
        return Checker(func, name=f"{self.label}.{method}", hint=self.check.hint)

    def that(self, ok: bool, problem, hint=None, got=None) -> None:
        """A property of the fitted model, reported against the call of ``fit``."""
        __tracebackhide__ = True
        self.fit_check.that(
            ok, problem, self.X, self.y, got=got, why=self.why, hint=hint
        )
        self.check.count += 1

    def holds(self, sub: Checker, ok: bool, problem, X_new, got, hint, **kwargs):
        """A property of a prediction, reported against the call of ``sub``."""
        __tracebackhide__ = True
        sub.that(ok, problem, X_new, got=got, why=self.why, hint=hint, **kwargs)
        self.check.count += 1

    def attribute(self, name: str):
        __tracebackhide__ = True
        ok = hasattr(self.model, name)
        self.that(
            ok,
            f"after fit the model has no attribute {name}",
            hint=f"Set self.{name} in fit (with the trailing underscore).",
        )
        return getattr(self.model, name)

    def proba(self, X_new):
        __tracebackhide__ = True
        check = self._checker("predict_proba")
        got = check.call(X_new)
        with quiet():
            p = as_float(got)
        n = len(np.asarray(X_new, dtype=float))
        self.holds(
            check,
            p is not None and p.shape == (n,),
            lambda: (
                f"should return one probability per row, shape ({n},); got "
                f"{'something that is not numbers' if p is None else f'shape {p.shape}'}"
            ),
            X_new,
            got=got,
            hint="predict_proba returns P(y = 1) only, a 1-D array: sigmoid(X @ "
            "coef_ + intercept_). (scikit-learn's predict_proba returns both classes "
            "as shape (n, 2); this one does not.)",
        )
        return check, p

    def predict(self, X_new, **kwargs):
        __tracebackhide__ = True
        check = self._checker("predict")
        return check, check.call(X_new, **kwargs)


def as_float(value):
    """``value`` as a float array, or None when it is not numbers."""
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None


def refuse_stub(model_class) -> None:
    """Fail at once when a class still has nbgrader's stub in one of its methods."""
    __tracebackhide__ = True
    if _remote(model_class) and "_judge_stubs" in vars(model_class):
        found = vars(model_class)["_judge_stubs"]  # graded: the kernel named them
    elif not inspect.isclass(model_class):
        if callable(model_class) and is_unsolved_stub(model_class):
            raise CheckFailed(
                "LogisticRegressionGD is still the unsolved stub\n  hint:     Replace "
                "`raise NotImplementedError()` with your code, then run its cell again."
            )
        return
    else:
        found = stub_methods(model_class)
    stubs = [m for m in ("__init__", "fit", "predict_proba", "predict") if m in found]
    if stubs:
        raise CheckFailed(
            f"LogisticRegressionGD.{stubs[0]} is still the unsolved stub\n"
            "  hint:     Replace `raise NotImplementedError()` in each method with your "
            "code, then run its cell again."
        )
