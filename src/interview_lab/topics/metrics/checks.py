"""01_metrics: what the graded test cells call.

Each exercise is declared once in :data:`EXERCISES`: its default hint, the common
mistakes the checks recognise (each with the hint a learner sees when their result
matches it), its reference and the cases on which every mistake shows. A test cell
asks for a checker::

    check = topic.checker("precision", precision)
    check([0, 1, 1], [1, 1, 0], expect=0.5)
"""

from __future__ import annotations

import numpy as np

from ... import cases as _cases
from ...checking import Exercise, Exercises, Mistake
from .core import (
    auc_pairs,
    confusion_counts,
    confusion_matrix_reference,
    f_beta_reference,
    mae_reference,
    precision_reference,
    r2_reference,
    ratio,
    recall_reference,
    rmse_reference,
    roc_curve_reference,
)

__all__ = ["EXERCISES", "checker"]


# ------------------------------------------------------------------ cases for mistakes
def _label_cases():
    yield ([0, 0, 1, 1, 1], [1, 1, 1, 0, 1])
    yield ([1, 1, 0, 0], [1, 0, 0, 0])
    yield ([1, 1, 0, 0], [1, 1, 1, 0])
    yield ([1, 1, 0], [0, 0, 0])  # nothing predicted positive
    yield ([0, 0, 0], [1, 0, 1])  # no positives
    yield from _cases.binary_pairs(seed=0, n_random=10)


def _f_beta_cases():
    yield ([1, 1, 1, 1, 0, 0], [1, 0, 0, 0, 1, 0], 2.0)
    yield ([1, 1], [0, 0], 1.0)  # P = R = 0
    for y_true, y_pred in _label_cases():
        yield (y_true, y_pred, 0.5)


def _score_cases():
    yield ([0, 0, 1, 1, 1], [0.1, 0.4, 0.7, 0.8, 0.9])  # collinear points
    yield ([0, 1, 1, 0], [0.5, 0.5, 0.9, 0.1])  # a tie across classes
    yield from _cases.scored_pairs(seed=0, n_random=10)


def _regression_cases():
    yield ([1.0, 2.0, 3.0], [3.0, 2.5, 0.0])
    yield ([2.0, 2.0], [1.0, 3.0])  # constant target
    yield from _cases.regression_pairs(seed=0, n_random=10)


# ------------------------------------------------------------------- mistake helpers
def _nan_ratio(a: float, b: float) -> float:
    return np.float64(a) / np.float64(b)


def _one_when_empty(a: float, b: float) -> float:
    return a / b if b else 1.0


def _sklearn_default_curve(t, s):
    from sklearn.metrics import roc_curve

    return tuple(roc_curve(t, s))  # drop_intermediate=True prunes collinear points


def _f_beta_unsquared(t, p, beta=1.0):
    P, R = precision_reference(t, p), recall_reference(t, p)
    return ratio((1 + beta) * P * R, beta * P + R)


def _f_beta_swapped(t, p, beta=1.0):
    P, R = precision_reference(t, p), recall_reference(t, p)
    return ratio((1 + beta**2) * P * R, beta**2 * R + P)


# ------------------------------------------------------------------------- exercises
EXERCISES = Exercises(
    Exercise(
        "confusion_matrix",
        hint=(
            "Count each cell with a boolean mask, e.g. "
            "TP = np.sum((y_true == 1) & (y_pred == 1)), and return [[TN, FP], [FN, TP]]."
        ),
        reference=confusion_matrix_reference,
        cases=_label_cases,
        mistakes=[
            Mistake(
                lambda t, p: np.array(confusion_counts(t, p)).reshape(2, 2).T,
                "Rows and columns look swapped. Rows are the true class, columns the "
                "prediction: [[TN, FP], [FN, TP]].",
            ),
            Mistake(
                lambda t, p: np.array(confusion_counts(t, p)[::-1]).reshape(2, 2),
                "The classes look reversed: row 0 and column 0 are class 0 (negatives), "
                "so TN is top-left and TP bottom-right.",
            ),
        ],
    ),
    Exercise(
        "precision",
        hint="Precision = TP / (TP + FP), and 0.0 when TP + FP = 0.",
        reference=precision_reference,
        cases=_label_cases,
        mistakes=[
            Mistake(
                lambda t, p: _one_when_empty(
                    confusion_counts(t, p)[3], sum(confusion_counts(t, p)[1::2])
                ),
                "When nothing is predicted positive, TP + FP = 0 and precision is 0.0 by "
                "convention (as scikit-learn's zero_division=0), not 1.0.",
            ),
            Mistake(
                recall_reference,
                "That is the recall, TP / (TP + FN): precision and recall look swapped. "
                "Precision divides by everything predicted positive, TP + FP.",
            ),
            Mistake(
                lambda t, p: _nan_ratio(
                    *confusion_counts(t, p)[3:4],
                    confusion_counts(t, p)[3] + confusion_counts(t, p)[1],
                ),
                "When nothing is predicted positive, TP + FP = 0: return 0.0 instead of "
                "dividing by zero.",
            ),
            Mistake(
                lambda t, p: float(np.mean(np.asarray(t) == np.asarray(p))),
                "That is the accuracy. Precision only looks at the cases predicted "
                "positive: TP / (TP + FP).",
            ),
        ],
    ),
    Exercise(
        "recall",
        hint="Recall = TP / (TP + FN), and 0.0 when TP + FN = 0.",
        reference=recall_reference,
        cases=_label_cases,
        mistakes=[
            Mistake(
                lambda t, p: _one_when_empty(
                    confusion_counts(t, p)[3], sum(confusion_counts(t, p)[2:])
                ),
                "When there are no positives, TP + FN = 0 and recall is 0.0 by convention "
                "(as scikit-learn's zero_division=0), not 1.0.",
            ),
            Mistake(
                precision_reference,
                "That is the precision, TP / (TP + FP): precision and recall look swapped. "
                "Recall divides by all actual positives, TP + FN.",
            ),
            Mistake(
                lambda t, p: _nan_ratio(
                    confusion_counts(t, p)[3],
                    confusion_counts(t, p)[3] + confusion_counts(t, p)[2],
                ),
                "When there are no positives, TP + FN = 0: return 0.0 instead of dividing "
                "by zero.",
            ),
            Mistake(
                lambda t, p: ratio(
                    confusion_counts(t, p)[0],
                    confusion_counts(t, p)[0] + confusion_counts(t, p)[1],
                ),
                "That is the specificity (true negative rate), TN / (TN + FP). Recall is "
                "the true positive rate, TP / (TP + FN).",
            ),
        ],
    ),
    Exercise(
        "f_beta",
        hint="Compute P and R first; F = (1 + b²)·P·R / (b²·P + R), 0.0 when P = R = 0.",
        reference=f_beta_reference,
        cases=_f_beta_cases,
        mistakes=[
            Mistake(
                _f_beta_unsquared,
                "beta is squared in F-beta: (1 + beta**2) * P * R / (beta**2 * P + R).",
            ),
            Mistake(
                _f_beta_swapped,
                "The beta**2 multiplies the precision in the denominator: "
                "(1 + beta**2) * P * R / (beta**2 * P + R). A beta above 1 favours recall.",
            ),
            Mistake(
                lambda t, p, beta=1.0: ratio(
                    2 * precision_reference(t, p) * recall_reference(t, p),
                    precision_reference(t, p) + recall_reference(t, p),
                ),
                "That is F1 whatever beta is: use the beta argument.",
            ),
            Mistake(
                lambda t, p, beta=1.0: np.float64(0) / np.float64(0),
                "When precision and recall are both 0 the formula divides 0 by 0: return "
                "0.0 in that case.",
            ),
        ],
    ),
    Exercise(
        "roc_curve",
        hint=(
            "Thresholds: inf, then the distinct scores from high to low "
            "(np.unique(scores)[::-1]). At each threshold t predict `scores >= t` and record "
            "fpr = FP / negatives and tpr = TP / positives. Tied scores give one point."
        ),
        reference=roc_curve_reference,
        parts=("fpr", "tpr", "thresholds"),
        cases=_score_cases,
        mistakes=[
            Mistake(
                lambda t, s: tuple(a[1:] for a in roc_curve_reference(t, s)),
                "The curve starts at threshold inf, where nothing is predicted positive "
                "and fpr = tpr = 0. Prepend that point.",
            ),
            Mistake(
                lambda t, s: tuple(a[::-1] for a in roc_curve_reference(t, s)),
                "Thresholds go from high to low (inf first), so fpr and tpr increase "
                "along the curve.",
            ),
            Mistake(
                lambda t, s: (
                    *roc_curve_reference(t, s)[:2],
                    np.r_[np.max(s) + 1, roc_curve_reference(t, s)[2][1:]],
                ),
                "The first threshold is inf (nothing predicted positive), not the top "
                "score + 1 (older scikit-learn versions used that).",
            ),
            Mistake(
                _sklearn_default_curve,
                "Keep a point for every distinct score, even where points lie on a straight "
                "line: scikit-learn's roc_curve drops those unless drop_intermediate=False.",
            ),
        ],
    ),
    Exercise(
        "roc_auc",
        hint=(
            "Compare every (positive, negative) pair: 1 if the positive scores "
            "higher, 1/2 for a tie, 0 otherwise; average. Raise ValueError when y_true has one "
            "class only."
        ),
        reference=auc_pairs,
        cases=_score_cases,
        mistakes=[
            Mistake(
                lambda t, s: auc_pairs(t, s, tie=0.0),
                "Ties between a positive and a negative score count 1/2, not 0.",
            ),
            Mistake(
                lambda t, s: auc_pairs(t, s, tie=1.0),
                "Ties between a positive and a negative score count 1/2, not 1.",
            ),
            Mistake(
                lambda t, s: 1 - auc_pairs(t, s),
                "That is 1 - AUC: count the pairs where the positive scores higher than "
                "the negative.",
            ),
        ],
    ),
    Exercise(
        "mae",
        hint="MAE = mean(|y_true - y_pred|).",
        reference=mae_reference,
        cases=_regression_cases,
        mistakes=[
            Mistake(
                lambda t, p: float(
                    np.mean((np.asarray(t, float) - np.asarray(p, float)) ** 2)
                ),
                "That is the mean squared error: MAE takes the absolute value of each "
                "error, not its square.",
            ),
            Mistake(
                lambda t, p: float(
                    np.mean(np.asarray(t, float) - np.asarray(p, float))
                ),
                "Positive and negative errors cancel out: take the absolute value of each "
                "error before averaging.",
            ),
            Mistake(
                lambda t, p: float(
                    np.mean(np.asarray(p, float) - np.asarray(t, float))
                ),
                "Positive and negative errors cancel out: take the absolute value of each "
                "error before averaging.",
            ),
        ],
    ),
    Exercise(
        "rmse",
        hint="RMSE = sqrt(mean((y_true - y_pred)**2)).",
        reference=rmse_reference,
        cases=_regression_cases,
        mistakes=[
            Mistake(
                lambda t, p: float(
                    np.mean((np.asarray(t, float) - np.asarray(p, float)) ** 2)
                ),
                "That is the mean squared error: take its square root.",
            ),
            Mistake(
                lambda t, p: float(
                    np.sqrt(np.sum((np.asarray(t, float) - np.asarray(p, float)) ** 2))
                ),
                "Average the squared errors (mean, not sum) before the square root.",
            ),
            Mistake(
                lambda t, p: float(
                    np.sqrt(
                        np.sum((np.asarray(t, float) - np.asarray(p, float)) ** 2)
                        / max(len(t) - 1, 1)
                    )
                ),
                "Divide by the number of samples n, not n - 1: RMSE is the root of the "
                "mean squared error, not a sample standard deviation.",
            ),
            Mistake(
                lambda t, p: float(
                    np.mean(np.abs(np.asarray(t, float) - np.asarray(p, float)))
                ),
                "That is the MAE: square the errors, average them, then take the root.",
            ),
        ],
    ),
    Exercise(
        "r2",
        hint=(
            "R² = 1 - SS_res / SS_tot with SS_res = sum((y - ŷ)²) and SS_tot = "
            "sum((y - mean(y))²); when SS_tot = 0 return 1.0 for a perfect prediction, else 0.0."
        ),
        reference=r2_reference,
        cases=_regression_cases,
        mistakes=[
            Mistake(
                lambda t, p: float(
                    1
                    - np.sum((np.asarray(t, float) - np.asarray(p, float)) ** 2)
                    / np.float64(np.sum((np.asarray(t, float) - np.mean(t)) ** 2))
                ),
                "When the target is constant, SS_tot = 0: return 1.0 if the prediction is "
                "perfect and 0.0 otherwise, instead of dividing by zero.",
            ),
            Mistake(
                lambda t, p: float(
                    1
                    - np.sum((np.asarray(t, float) - np.asarray(p, float)) ** 2)
                    / np.sum((np.asarray(p, float) - np.mean(p)) ** 2)
                ),
                "SS_tot measures the spread of the true values around their own mean: "
                "sum((y_true - mean(y_true))**2).",
            ),
            Mistake(
                lambda t, p: float(np.corrcoef(t, p)[0, 1] ** 2),
                "That is the squared correlation. R² = 1 - SS_res / SS_tot, which can be "
                "negative when a model is worse than predicting the mean.",
            ),
            Mistake(
                lambda t, p: max(0.0, r2_reference(t, p)),
                "Do not clip R² at 0: a model worse than predicting the mean has a "
                "negative R².",
            ),
        ],
    ),
)

checker = EXERCISES.checker
