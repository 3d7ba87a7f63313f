"""11_interview_concepts: everything the graded test cells call.

* :func:`check_answer` checks one quiz answer against its salted hash: a wrong or
  unreadable answer raises :class:`~interview_lab.checking.CheckFailed` naming the
  question, what came back and a hint that does not give the answer away; a right one
  prints the explanation, which only the right answer decrypts (see :mod:`.core`);
* ``checker("confusion_rates", func)`` checks the one function exercise.

Laid out as every topic's ``checks.py``: case generators, helpers of the mistakes,
then ``EXERCISES`` and ``checker``.
"""

from __future__ import annotations

import numpy as np

from ...checking import CheckFailed, Exercise, Exercises, Mistake
from ...values import format_value
from .core import (
    QUESTIONS,
    AnswerFormatError,
    confusion_rates_reference,
    normalise_number,
)

__all__ = [
    "EXERCISES",
    "check_answer",
    "check_matrix_answer",
    "checker",
    "confusion_cases",
    "random_confusion_matrices",
]


# -------------------------------------------------------------------- case generators
def confusion_cases():
    """Matrices on which every declared mistake of ``confusion_rates`` shows."""
    yield ([[905, 15], [20, 60]],)
    yield (np.array([[50, 0], [5, 0]]),)  # nothing predicted positive
    yield (np.array([[7, 3], [0, 0]]),)  # no true positive in the data
    yield ([[10, 4], [2, 30]],)
    # float32 weighted counts: divided in float32, 0.375 / 0.625 is 0.6 + 2.4e-8
    yield (np.array([[0.5, 0.25], [0.125, 0.375]], dtype=np.float32),)
    # a normalised matrix (denominators in (0, 1)): max(d, 1) fails
    yield ([[0.5, 0.25], [0.125, 0.125]],)
    # a tiny but non-zero denominator: d + 1e-10 and np.isclose(d, 0) fail
    yield ([[0.0, 0.0], [0.0, 1e-9]],)
    # float32 counts whose sum 2**24 + 1 float32 cannot hold: sums in float32 fail
    yield (np.array([[0, 1], [0, 2**24]], dtype=np.float32),)
    # float16 counts: 2 / 3 in float16 is 0.6665
    yield (np.array([[0, 1], [0, 2]], dtype=np.float16),)
    # below machine epsilon: d > np.finfo(float).eps fails
    yield ([[0.0, 0.0], [0.0, 1e-16]],)
    # 1e-300: even d + np.finfo(float).tiny (2.2e-308) is off by 2.2e-8
    yield ([[0.0, 0.0], [0.0, 1e-300]],)


def random_confusion_matrices(n: int = 50, seed: int = 0):
    """``n`` seeded 2x2 count matrices (some with zero cells), as int64 arrays."""
    rng = np.random.default_rng(seed)
    for _ in range(n):
        cm = rng.integers(0, 60, size=(2, 2))
        cm[rng.random((2, 2)) < 0.15] = 0
        yield cm


# ------------------------------------------------------------------------- mistakes
def _swapped(cm):
    precision, recall = confusion_rates_reference(cm)
    return recall, precision


def _textbook_layout(cm):
    """Reads [[TP, FN], [FP, TN]] (the textbook layout) instead of scikit-learn's."""
    cm = np.asarray(cm, dtype=float)
    return confusion_rates_reference(cm[::-1, ::-1])


def _float32_kept(cm):
    """Converts with ``* 1.0``, which keeps float32 (and float16) counts as they are:
    sums and division in the input's precision."""
    tn, fp, fn, tp = (np.asarray(cm) * 1.0).ravel()
    with np.errstate(all="ignore"):
        precision = tp / (tp + fp) if tp + fp > 0 else 0.0
        recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    return float(precision), float(recall)


def _guarded_by_one(cm):
    """Guards the division with ``max(denominator, 1)``: right only for whole counts."""
    tn, fp, fn, tp = np.asarray(cm, dtype=float).ravel()
    return float(tp / max(tp + fp, 1.0)), float(tp / max(tp + fn, 1.0))


def _epsilon_denominator(cm):
    """Adds 1e-10 to each denominator instead of testing it for 0."""
    tn, fp, fn, tp = np.asarray(cm, dtype=float).ravel()
    return float(tp / (tp + fp + 1e-10)), float(tp / (tp + fn + 1e-10))


def _tiny_denominator(cm):
    """Adds ``np.finfo(float).tiny`` (2.2e-308) to each denominator instead of testing
    it for 0."""
    tn, fp, fn, tp = np.asarray(cm, dtype=float).ravel()
    tiny = np.finfo(np.float64).tiny
    return float(tp / (tp + fp + tiny)), float(tp / (tp + fn + tiny))


def _below_machine_epsilon(cm):
    """Decides "the denominator is 0" with ``d <= np.finfo(float).eps`` (2.2e-16)."""
    tn, fp, fn, tp = np.asarray(cm, dtype=float).ravel()
    eps = np.finfo(np.float64).eps
    precision = tp / (tp + fp) if tp + fp > eps else 0.0
    recall = tp / (tp + fn) if tp + fn > eps else 0.0
    return float(precision), float(recall)


def _isclose_zero(cm):
    """Decides "the denominator is 0" with ``np.isclose(d, 0)`` (atol 1e-8)."""
    tn, fp, fn, tp = np.asarray(cm, dtype=float).ravel()
    precision = 0.0 if np.isclose(tp + fp, 0.0) else tp / (tp + fp)
    recall = 0.0 if np.isclose(tp + fn, 0.0) else tp / (tp + fn)
    return float(precision), float(recall)


def _nan_on_zero(cm):
    cm = np.asarray(cm, dtype=float)
    tn, fp, fn, tp = cm.ravel()
    with np.errstate(all="ignore"):
        return float(np.divide(tp, tp + fp)), float(np.divide(tp, tp + fn))


# --------------------------------------------------------------------- the quiz check
def check_answer(name: str, value) -> None:
    """Check the learner's answer to quiz question ``name``; explain a right answer.

    Raises
    ------
    CheckFailed
        When the answer cannot be read, or is not right.
    """
    __tracebackhide__ = True
    if name not in QUESTIONS:
        raise ValueError(
            f"unknown question {name!r}; expected one of {sorted(QUESTIONS)}"
        )
    question = QUESTIONS[name]
    shown = (
        f"{name} = {format_value(value) if not isinstance(value, str) else repr(value)}"
    )
    try:
        right = question.is_right(value)
    except AnswerFormatError as problem:
        form = (
            f'one letter in quotes, e.g. {name} = "a"'
            if question.kind == "choice"
            else 'a number such as 0.25 (or 1/4, or a text like "0.25")'
        )
        raise CheckFailed(
            f"{shown}\n  problem:  cannot read the answer: {problem}\n"
            f"  hint:     Write {form}, run the cell, then this check again."
        ) from None
    if not right:
        read = question.canonical(value)
        raise CheckFailed(
            f"{shown}\n  read as:  {read}\n  problem:  not the right answer\n"
            f"  hint:     {question.hint}"
        )
    print(f"✓ {name}: {question.explanation(value)}")


def check_matrix_answer(name: str, value, matrix) -> None:
    """Check a precision or a recall read off ``matrix``, a mock interview's own
    confusion matrix (``[[TN, FP], [FN, TP]]``, drawn with the session's seed).

    ``name`` ends with ``precision`` or ``recall``; the answer may be 0.005 off, as in
    the quiz. The numbers change with every session, so a remembered answer to the
    quiz's matrix does not pass.

    Raises
    ------
    CheckFailed
        When the answer cannot be read, or is not right.
    """
    __tracebackhide__ = True
    kind = next((k for k in ("precision", "recall") if name.endswith(k)), None)
    if kind is None:
        raise ValueError(f"name must end with precision or recall, got {name!r}")
    (tn, fp), (fn, tp) = np.asarray(matrix, dtype=np.int64).tolist()
    parts = (
        (tp, tp + fp, "TP / (TP + FP)")
        if kind == "precision"
        else (tp, tp + fn, "TP / (TP + FN)")
    )
    right = parts[0] / parts[1]
    shown = f"{name} = {value!r}"
    try:
        got = float(normalise_number(value))
    except AnswerFormatError as problem:
        raise CheckFailed(
            f"{shown}\n  problem:  cannot read the answer: {problem}\n"
            f'  hint:     Write a number such as 0.25 (or 1/4, or a text like "0.25").'
        ) from None
    if not abs(got - right) < 0.005:
        raise CheckFailed(
            f"{shown}\n  expected: {right:.4f} (within 0.005)\n"
            f"  hint:     {kind} = {parts[2]}, with [[TN, FP], [FN, TP]] = {matrix}."
        )
    print(f"✓ {name}: {kind} = {parts[2]} = {parts[0]} / {parts[1]} = {right:.4f}.")


# ---------------------------------------------------------------------- the exercises
EXERCISES = Exercises(
    Exercise(
        "confusion_rates",
        hint="scikit-learn's layout is [[TN, FP], [FN, TP]]: rows are the true class, "
        "columns the prediction. Precision = TP / (TP + FP) (the right column), "
        "recall = TP / (TP + FN) (the bottom row); each is 0.0 when its denominator "
        "is 0. Convert with np.asarray(cm, dtype=float) first.",
        reference=confusion_rates_reference,
        cases=confusion_cases,
        parts=("precision", "recall"),
        mistakes=[
            Mistake(
                _float32_kept,
                "Off on float32 or float16 counts: the sums or the division ran in "
                "the input's precision (`cm * 1.0`, `np.asarray(cm)` and `.sum()` keep "
                "float32 and float16). Read the counts as float64 first: "
                "np.asarray(cm, dtype=np.float64).",
            ),
            Mistake(
                _below_machine_epsilon,
                "A denominator below machine epsilon (np.finfo(float).eps, 2.2e-16) "
                "is still not 0: weights of any size are valid. Test for exactly 0 "
                "(denominator > 0).",
            ),
            Mistake(
                _isclose_zero,
                "np.isclose(denominator, 0) calls a tiny but non-zero denominator 0 "
                "(its atol is 1e-8): weighted counts can be that small. Test for "
                "exactly 0 (denominator > 0).",
            ),
            Mistake(
                _guarded_by_one,
                "max(denominator, 1) is a zero guard only for whole counts: weighted "
                "counts (a normalised matrix) can have a denominator in (0, 1). Test "
                "the denominator for exactly 0 instead.",
            ),
            Mistake(
                _epsilon_denominator,
                "Adding a small epsilon to the denominator shifts the result when the "
                "counts are small (weighted or normalised counts): test the "
                "denominator for exactly 0 and divide by it as it is.",
            ),
            Mistake(
                _tiny_denominator,
                "Adding even np.finfo(float).tiny to the denominator shifts the result "
                "when the weights are that small (1e-300 is a valid weight): test the "
                "denominator for exactly 0 and divide by it as it is.",
            ),
            Mistake(
                _swapped,
                "Precision and recall look swapped: precision divides TP by "
                "everything *predicted* positive (the right column, TP + FP), recall "
                "by everything *truly* positive (the bottom row, TP + FN).",
            ),
            Mistake(
                _textbook_layout,
                "That reads the matrix in the textbook layout [[TP, FN], [FP, TN]]; "
                "scikit-learn's confusion_matrix puts the negative class first: "
                "[[TN, FP], [FN, TP]], so TP is the bottom-right cell.",
            ),
            Mistake(
                _nan_on_zero,
                "A denominator is 0 here (nothing predicted positive, or no true "
                "positive at all): return 0.0 then, as scikit-learn does with "
                "zero_division=0, not nan.",
            ),
        ],
    ),
    *(Exercise(name, hint=q.hint) for name, q in QUESTIONS.items()),
)
checker = EXERCISES.checker
