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
from .core import QUESTIONS, AnswerFormatError, confusion_rates_reference

__all__ = [
    "EXERCISES",
    "check_answer",
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
