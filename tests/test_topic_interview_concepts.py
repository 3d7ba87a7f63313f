"""11_interview_concepts: the sealed quiz key, answer reading, the confusion exercise,
the STAR helper and the confusion-matrix explorer.

``KEY`` below is the instructor's answer key in plain text (like ``source/``, it is
instructor material). ``write_sealed(KEY)`` regenerates the package's
``sealed.py`` after an edit of a question's answer or explanation:

    .venv/bin/python -c "import sys; sys.path.insert(0, 'tests'); \\
        import test_topic_interview_concepts as t; t.write_sealed(t.KEY)"
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from harness import REPO
from pixels import assert_blits_like_a_full_draw
from sklearn.metrics import precision_score, recall_score

from interview_lab.checking import CheckFailed
from interview_lab.topics import interview_concepts as topic
from interview_lab.topics.interview_concepts import checks, core, figures

PACKAGE = REPO / "src" / "interview_lab" / "topics" / "interview_concepts"

KEY = {
    "q_supervised": (
        "choice",
        "b",
        "Right: predicting fraud from past transactions labelled fraud / not fraud is supervised learning (classification): every training example comes with the answer. Grouping customers without labels is unsupervised; an agent learning from rewards is reinforcement learning; PCA is unsupervised dimensionality reduction.",
    ),
    "q_unsupervised": (
        "choice",
        "c",
        "Right: segmenting customers by behaviour with no labels is unsupervised learning (clustering, e.g. K-means): the algorithm finds the groups, nobody tells it the right ones. Spam filtering and price forecasting learn from labels (supervised); a robot learning to walk from rewards is reinforcement learning.",
    ),
    "q_reinforcement": (
        "choice",
        "a",
        "Right: a game-playing agent that acts, then learns from the reward (win or loss, often delayed) is reinforcement learning: it learns a policy by trial and error, and its own actions change the data it sees. The others learn from fixed labels (supervised) or find structure without labels (unsupervised).",
    ),
    "q_bias_variance": (
        "choice",
        "d",
        "Right: 99% on training and 70% on validation is a large gap, the sign of high variance (overfitting). More data, stronger regularisation, a simpler model or fewer features narrow it. High bias looks different: both scores low and close together, fixed by a richer model or better features.",
    ),
    "q_l1_l2": (
        "choice",
        "b",
        "Right: L1 (lasso) puts corners in the constraint at the axes, so the optimum has many coefficients exactly zero: it selects features. L2 (ridge) shrinks all coefficients smoothly but leaves them non-zero; it is the better choice for many small, correlated effects (elastic net mixes both).",
    ),
    "q_imbalance": (
        "choice",
        "c",
        "Right: first measure honestly. With 1% positives, accuracy rewards always saying 'no'; precision, recall and the precision-recall curve (PR-AUC) on an untouched, stratified test set show what the model does. Class weights or resampling then go on the training data only: resampling the test set would fake the results.",
    ),
    "q_metric_classification": (
        "choice",
        "a",
        "Right: recall = TP / (TP + FN) counts the misses, so it is the metric to keep high when a missed positive costs far more than a false alarm (screening, fraud). Report precision beside it, and pick the threshold from the costs; accuracy hides the misses when positives are rare.",
    ),
    "q_metric_regression": (
        "choice",
        "d",
        "Right: MAE averages absolute errors, in the units of the target, so a few extreme errors weigh in proportion, not squared. RMSE and MSE square the residuals, so outliers dominate them; R² is unitless and also built on squared errors.",
    ),
    "q_cm_precision": (
        "number",
        "0.8",
        "Right: precision = TP / (TP + FP) = 60 / (60 + 15) = 0.8. The predicted-positive column holds FP = 15 (top right) and TP = 60 (bottom right): of the 75 transactions flagged, 60 were fraud.",
    ),
    "q_cm_recall": (
        "number",
        "0.75",
        "Right: recall = TP / (TP + FN) = 60 / (60 + 20) = 0.75. The true-positive row holds FN = 20 (bottom left) and TP = 60 (bottom right): of the 80 frauds, 60 were caught.",
    ),
}


def write_sealed(key: dict, path: Path = PACKAGE / "sealed.py") -> None:
    """Rewrite ``sealed.py`` from a plain-text key (kind, answer, explanation)."""
    lines = [
        '"""11_interview_concepts: the sealed answer key (data only, no answers).\n\n'
        "For each question: its kind, the salted hash of the right answer's canonical "
        "form and\nthe explanation encrypted with a key derived from the right answer "
        "(see :mod:`.core`).\nRegenerate with ``tests/test_topic_interview_concepts.py``'s "
        '``write_sealed``.\n"""\n',
        "SEALED = {",
    ]
    for name, (kind, answer, text) in key.items():
        salt = f"interview-lab/11/{name}/"
        canon = core.canonical(kind, answer)
        lines.append(
            f'    "{name}": (\n        "{kind}",\n        "{core.digest(salt, canon)}",'
            f'\n        "{core.seal(salt, canon, text)}",\n    ),'
        )
    lines.append("}\n")
    path.write_text("\n".join(lines))


# ------------------------------------------------------------------- the sealed key
def test_sealed_key_matches_the_answer_key():
    assert list(topic.QUESTIONS) == list(KEY)
    for name, (kind, answer, text) in KEY.items():
        q = topic.QUESTIONS[name]
        assert q.kind == kind
        assert q.is_right(answer), name
        assert q.explanation(answer) == text


def test_package_and_release_hold_no_answer_in_plain_text():
    package = "\n".join(p.read_text() for p in PACKAGE.glob("*.py"))
    release = (REPO / "release/11_interview_concepts/concepts.ipynb").read_text()
    for name, (_, answer, text) in KEY.items():
        for where in (package, release):
            assert text[:60] not in where, name
            assert f'{name} = "{answer}"' not in where, name
    assert "Model answer" not in release
    assert "60 / (60 + 15)" not in release


def test_a_wrong_answer_does_not_decrypt_the_explanation():
    for name, (kind, answer, text) in KEY.items():
        q = topic.QUESTIONS[name]
        wrong = "a" if answer != "a" else "b"
        if kind == "number":
            wrong = "0.50"
        try:
            garbled = core.unseal(q.salt, wrong, q.sealed)
        except UnicodeDecodeError:
            continue
        assert garbled != text, name


def test_seal_round_trips_and_depends_on_the_answer():
    sealed = core.seal("s/", "b", "héllo, world")
    assert core.unseal("s/", "b", sealed) == "héllo, world"
    assert core.seal("s/", "c", "héllo, world") != sealed
    assert core.digest("s/", "b") != core.digest("t/", "b")


def test_hashing_is_the_same_in_a_fresh_process():
    code = (
        "from interview_lab.topics.interview_concepts import core;"
        "print(core.digest('interview-lab/11/q_cm_recall/', core.canonical('number', 3/4)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == topic.QUESTIONS["q_cm_recall"].digest


# --------------------------------------------------------------------- reading answers
@pytest.mark.parametrize(
    "value",
    [
        "B",
        " b ",
        "b)",
        "(b)",
        "b.",
        "b:",
        "\tB)\n",
        "b) L1 (lasso)",
        "b. because it zeroes coefficients",
        "B: lasso",
        "(b) L1",
        "b)\nL1, the lasso",
        "[b]",
        "[B] L1",
        "b) L1: it (i) zeroes weights and (ii) keeps a few features",
        "b) first the penalty (step i), then the fit (step ii)",
        "b. because a few weights become zero",
    ],
)
def test_choice_variants_read_as_the_letter(value):
    assert core.normalise_choice(value) == "b"


@pytest.mark.parametrize(
    "value, shown",
    [
        ("e", "'e'"),
        ("", "''"),
        ("bc", "'bc'"),
        ("b c", "'b c'"),
        ("L1", "'L1'"),
        ("b)c", "'b)c'"),
        ("b lasso", "'b lasso'"),
        ("a lasso", "'a lasso'"),
        ("b) or c)", "'b) or c)', which names more than one option"),
        ("(b) not (a)", "'(b) not (a)', which names more than one option"),
        ("b. or c.", "'b. or c.', which names more than one option"),
        ("b: or a:", "'b: or a:', which names more than one option"),
        ("d.\na.", "'d.\\na.', which names more than one option"),
        ("[b] or [c]", "'[b] or [c]', which names more than one option"),
        ("b) not a.", "'b) not a.', which names more than one option"),
        (2, "2 (int)"),
        (None, "None (NoneType)"),
        (["b"], "['b'] (list)"),
    ],
)
def test_unreadable_choices_are_refused_naming_the_value(value, shown):
    with pytest.raises(
        core.AnswerFormatError, match="got " + __import__("re").escape(shown)
    ):
        core.normalise_choice(value)


@pytest.mark.parametrize(
    "value",
    [
        0.8,
        "0.8",
        " 0.80 ",
        np.float64(0.8),
        np.float32(0.8),
        4 / 5,
        "4/5",
        "80%",
        Fraction(4, 5),
        np.array(0.8),
        0.7951,
        0.8049,
        "0.7951",
        Decimal(60) / Decimal(75),
        Decimal("0.8"),
        np.array([[905, 15], [20, 60]])[:, 1:][1] / 75,
        np.array([[0.8]], dtype=np.float32),
        pd.Series([0.8]),
        np.float16(0.8),
        pd.Series([Decimal(60) / Decimal(75)]),
        np.array([Fraction(4, 5)]),
        np.array([0.8], dtype=object),
    ],
)
def test_number_variants_are_right(value):
    assert topic.QUESTIONS["q_cm_precision"].is_right(value)


@pytest.mark.parametrize("value", [0.79, 0.81, 0.75, 0.965, "0.7", 0, 1, 60 / 80])
def test_wrong_numbers_are_wrong(value):
    assert not topic.QUESTIONS["q_cm_precision"].is_right(value)


HALVES = {
    "q_cm_precision": [
        0.795,
        0.805,
        "0.795",
        "0.805",
        np.float32(0.795),
        np.float32(0.805),
        Decimal("0.795"),
        Fraction(161, 200),
        "80.5%",
        np.array([0.805]),
    ],
    "q_cm_recall": [
        0.745,
        0.755,
        "0.745",
        "0.755",
        np.float32(0.755),
        np.float64(0.745),
    ],
}


@pytest.mark.parametrize(
    "name, value", [(n, v) for n, values in HALVES.items() for v in values]
)
def test_numbers_exactly_halfway_are_wrong(name, value):
    """|x - answer| < 0.005 on the decimal spelling: 0.005 off is wrong, whichever
    way binary rounding of the float (or float32) would go."""
    q = topic.QUESTIONS[name]
    assert not q.is_right(value)
    assert "exactly halfway between" in q.canonical(value)


@pytest.mark.parametrize(
    "value, canon",
    [
        (0.7951, "0.80"),
        (0.7949, "0.79"),
        (
            np.float32(0.745),
            "0.745 (exactly halfway between 0.74 and 0.75: 0.005 from each)",
        ),
        (
            Fraction(1, 200),
            "0.005 (exactly halfway between 0.00 and 0.01: 0.005 from each)",
        ),
        (0.0, "0.00"),
        ("1/3", "0.33"),
        (1, "1.00"),
    ],
)
def test_numbers_are_rounded_exactly_on_their_decimal_spelling(value, canon):
    assert core.canonical("number", value) == canon


def test_the_old_binary_rounding_would_have_accepted_the_halves():
    """The broken reading (round the binary float) takes 0.795 and float32 0.755."""

    def binary_rounding(value):
        return f"{round(float(value), 2):.2f}"

    assert (
        binary_rounding(0.795) == "0.80"
        and binary_rounding(np.float32(0.755)) == "0.75"
    )
    assert core.canonical("number", 0.795) != "0.80"
    assert core.canonical("number", np.float32(0.755)) != "0.75"


@pytest.mark.parametrize(
    "value, message",
    [
        (True, "boolean True"),
        ("abc", "the text 'abc'"),
        (float("nan"), "finite"),
        (float("inf"), "finite"),
        ([0.8], "[0.8] (list)"),
        ("0,8", "'0,8' has a decimal comma: write 0.8 with a decimal point"),
        (" 0,75 ", "has a decimal comma: write 0.75 with a decimal point"),
        ((0, 8), "Python reads 0,8 as two numbers; write 0.8 with a decimal point"),
        (np.array([0.8, 0.75]), "(ndarray)"),
        (np.array(["0.8"], dtype=object), "(ndarray)"),
        (np.array([True], dtype=object), "boolean True"),
        (pd.Series([Fraction(4, 5), Fraction(3, 4)]), "(Series)"),
        (Decimal("NaN"), "finite"),
        (np.float32("inf"), "finite"),
        (None, "None"),
        ("1/0", "the text '1/0'"),
        (80, "a percentage? give a fraction"),
        (-0.2, "between 0 and 1"),
    ],
)
def test_unreadable_numbers_are_refused(value, message):
    with pytest.raises(core.AnswerFormatError, match=__import__("re").escape(message)):
        topic.QUESTIONS["q_cm_precision"].canonical(value)


def test_the_old_reader_accepted_hedges_and_refused_enumerations():
    """The round-1 test for a second option looked only for a second ``x)`` (any
    letter): it let "b. or c." through and refused "(i)" and "step i)"."""
    import re

    old = re.compile(r"(?<![\w(])\(?[a-z]\)")
    for hedge in ("b. or c.", "b: or a:", "d.\na."):
        assert not old.search(hedge, 1)
        with pytest.raises(core.AnswerFormatError, match="more than one option"):
            core.normalise_choice(hedge)
    for enumeration in ("b) it (i) zeroes weights", "b) first step i), then ii)"):
        assert old.search(enumeration, 1)
        assert core.normalise_choice(enumeration) == "b"


def test_hedges_lose_marks_in_check_answer():
    right = KEY["q_l1_l2"][1]
    other = "a" if right != "a" else "b"
    for hedge in (f"{right}. or {other}.", f"{right}: or {other}:"):
        with pytest.raises(CheckFailed, match="names more than one option"):
            topic.check_answer("q_l1_l2", hedge)


@pytest.mark.parametrize("name", [n for n, (k, _, _) in KEY.items() if k == "choice"])
def test_every_other_option_is_wrong(name):
    right = KEY[name][1]
    q = topic.QUESTIONS[name]
    for letter in "abcd":
        assert q.is_right(letter.upper()) == (letter == right)


# ------------------------------------------------------------------------ check_answer
def test_check_answer_prints_the_explanation(capsys):
    topic.check_answer("q_l1_l2", "B)")
    assert capsys.readouterr().out == f"✓ q_l1_l2: {KEY['q_l1_l2'][2]}\n"


def test_check_answer_explains_a_wrong_letter():
    with pytest.raises(CheckFailed) as failure:
        topic.check_answer("q_l1_l2", "A")
    assert str(failure.value) == (
        "q_l1_l2 = 'A'\n  read as:  a\n  problem:  not the right answer\n"
        f"  hint:     {topic.QUESTIONS['q_l1_l2'].hint}"
    )


def test_check_answer_explains_a_wrong_number():
    with pytest.raises(CheckFailed) as failure:
        topic.check_answer("q_cm_recall", np.float64(0.8))
    assert str(failure.value) == (
        "q_cm_recall = 0.8\n  read as:  0.80\n  problem:  not the right answer\n"
        f"  hint:     {topic.QUESTIONS['q_cm_recall'].hint}"
    )


def test_check_answer_explains_an_unreadable_answer():
    with pytest.raises(CheckFailed) as failure:
        topic.check_answer("q_supervised", "b and c")
    assert str(failure.value) == (
        "q_supervised = 'b and c'\n  problem:  cannot read the answer: expected one "
        "of the letters a, b, c, d, got 'b and c'\n  hint:     Write one letter in "
        'quotes, e.g. q_supervised = "a", run the cell, then this check again.'
    )


def test_hints_never_name_the_answer():
    for name, (kind, answer, _) in KEY.items():
        hint = topic.QUESTIONS[name].hint
        if kind == "number":
            assert answer not in hint and "0.8" not in hint and "0.75" not in hint
        else:
            assert f"{answer})" not in hint and f'"{answer}"' not in hint


def test_check_answer_refuses_an_unknown_question():
    with pytest.raises(ValueError, match="unknown question 'q_nope'"):
        topic.check_answer("q_nope", "a")


# -------------------------------------------------------------------- confusion_rates
def slow_rates(cm):
    """From the definition, in exact fractions."""
    (tn, fp), (fn, tp) = [[Fraction(float(v)) for v in row] for row in cm]
    p = tp / (tp + fp) if tp + fp else Fraction(0)
    r = tp / (tp + fn) if tp + fn else Fraction(0)
    return float(p), float(r)


def test_reference_matches_the_definition_and_sklearn():
    for cm in topic.random_confusion_matrices(80, seed=3):
        got = core.confusion_rates_reference(cm)
        assert got == pytest.approx(slow_rates(cm), abs=1e-12)
        y_true = np.repeat([0, 0, 1, 1], cm.ravel())
        y_pred = np.repeat([0, 1, 0, 1], cm.ravel())
        if y_true.size:
            assert got[0] == pytest.approx(
                precision_score(y_true, y_pred, zero_division=0)
            )
            assert got[1] == pytest.approx(
                recall_score(y_true, y_pred, zero_division=0)
            )


def test_reference_reads_small_integer_dtypes_as_float64():
    cm = np.array([[100, 100], [100, 100]], dtype=np.int8)
    assert core.confusion_rates_reference(cm) == (0.5, 0.5)
    assert cm.dtype == np.int8


def test_random_matrices_are_seeded_counts():
    a = list(topic.random_confusion_matrices(10, seed=1))
    b = list(topic.random_confusion_matrices(10, seed=1))
    c = list(topic.random_confusion_matrices(10, seed=2))
    assert all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))
    assert not all(np.array_equal(x, y) for x, y in zip(a, c, strict=True))
    assert all(m.shape == (2, 2) and m.min() >= 0 for m in a)
    assert any((m == 0).any() for m in topic.random_confusion_matrices(50, seed=1))


@pytest.mark.parametrize("mistake", checks.EXERCISES["confusion_rates"].mistakes)
def test_each_mistake_loses_on_the_hidden_style_cases(mistake):
    check = topic.checker("confusion_rates", mistake.compute)
    with pytest.raises(CheckFailed, match="hint:"):
        for (cm,) in checks.confusion_cases():
            check(cm)


def test_int8_overflow_is_caught():
    def keeps_dtype(cm):
        tn, fp, fn, tp = np.asarray(cm).ravel()
        with np.errstate(all="ignore"):
            return float(tp / (tp + fp)), float(tp / (tp + fn))

    check = topic.checker("confusion_rates", keeps_dtype)
    check([[100, 100], [100, 100]])  # fine as Python ints
    with pytest.raises(CheckFailed):
        check(np.array([[100, 100], [100, 100]], dtype=np.int8), expect=(0.5, 0.5))


def _float32_kept(cm):
    tn, fp, fn, tp = (np.asarray(cm) * 1.0).ravel()
    return float(tp / (tp + fp)), float(tp / (tp + fn))


def _small_int_upcast(cm):
    cm = np.asarray(cm)
    if cm.dtype.itemsize < 8:
        cm = cm.astype(np.int64)
    tn, fp, fn, tp = cm.ravel()
    return float(tp / (tp + fp)), float(tp / (tp + fn))


def _max_one(cm):
    tn, fp, fn, tp = np.asarray(cm, dtype=float).ravel()
    return float(tp / max(tp + fp, 1.0)), float(tp / max(tp + fn, 1.0))


def _epsilon(cm):
    tn, fp, fn, tp = np.asarray(cm, dtype=float).ravel()
    return float(tp / (tp + fp + 1e-10)), float(tp / (tp + fn + 1e-10))


def _isclose(cm):
    tn, fp, fn, tp = np.asarray(cm, dtype=float).ravel()
    p = 0.0 if np.isclose(tp + fp, 0) else tp / (tp + fp)
    r = 0.0 if np.isclose(tp + fn, 0) else tp / (tp + fn)
    return float(p), float(r)


def _mutates(cm):
    cm = np.asarray(cm, dtype=np.float64)
    cm /= cm.sum()
    tn, fp, fn, tp = cm.ravel()
    return float(tp / (tp + fp)), float(tp / (tp + fn))


def _float32_matrix():
    return np.array([[0.5, 0.25], [0.125, 0.375]], dtype=np.float32)


def _sums_in_input_dtype(cm):
    cm = np.asarray(cm)
    tp, column, row = float(cm[1, 1]), float(cm[:, 1].sum()), float(cm[1, :].sum())
    return (tp / column if column > 0 else 0.0), (tp / row if row > 0 else 0.0)


def _only_float32_upcast(cm):
    cm = np.asarray(cm)
    cm = cm.astype(np.float64) if cm.dtype == np.float32 else cm
    tn, fp, fn, tp = cm.ravel()
    return float(tp / (tp + fp)), float(tp / (tp + fn))


def _machine_epsilon(cm):
    tn, fp, fn, tp = np.asarray(cm, dtype=float).ravel()
    eps = np.finfo(float).eps
    p = tp / (tp + fp) if tp + fp > eps else 0.0
    r = tp / (tp + fn) if tp + fn > eps else 0.0
    return float(p), float(r)


def _plus_tiny(cm):
    tn, fp, fn, tp = np.asarray(cm, dtype=float).ravel()
    tiny = np.finfo(float).tiny
    return float(tp / (tp + fp + tiny)), float(tp / (tp + fn + tiny))


#: The hidden cases added after the first and second red teams, each with a broken
#: copy it catches: (broken function, matrix, right (precision, recall), what it shows).
NEW_HIDDEN = [
    (_float32_kept, _float32_matrix, (0.6, 0.75), "differs by 2.4e-08"),
    (_small_int_upcast, _float32_matrix, (0.6, 0.75), "returned: precision=nan"),
    (_max_one, lambda: [[0.5, 0.25], [0.125, 0.125]], (1 / 3, 0.5), "max(denominator"),
    (_epsilon, lambda: [[0.0, 0.0], [0.0, 1e-9]], (1.0, 1.0), "small epsilon"),
    (_isclose, lambda: [[0.0, 0.0], [0.0, 1e-9]], (1.0, 1.0), "np.isclose"),
    (
        _isclose,
        lambda: np.array([[10.0, 4.0], [2.0, 30.0]]) * 1e-12,
        (30 / 34, 30 / 32),
        "np.isclose",
    ),
    (_mutates, lambda: np.array([[1.0, 2.0], [3.0, 4.0]]), (4 / 6, 4 / 7), "in place"),
    # the second red team's
    (
        _sums_in_input_dtype,
        lambda: np.array([[0, 1], [0, 2**24]], dtype=np.float32),
        (2**24 / (2**24 + 1), 1.0),
        "float32 or float16",
    ),
    (
        _only_float32_upcast,
        lambda: np.array([[0, 1], [0, 2]], dtype=np.float16),
        (2 / 3, 1.0),
        "float32 or float16",
    ),
    (_machine_epsilon, lambda: [[0.0, 0.0], [0.0, 1e-16]], (1.0, 1.0), "eps, 2.2e-16"),
    (_plus_tiny, lambda: [[0.0, 0.0], [0.0, 1e-300]], (1.0, 1.0), "finfo(float).tiny"),
]


@pytest.mark.parametrize(
    "broken, matrix, right, shows",
    NEW_HIDDEN,
    ids=[f"{b.__name__}-{k}" for k, (b, *_) in enumerate(NEW_HIDDEN)],
)
def test_new_hidden_cases_catch_their_broken_copy(broken, matrix, right, shows):
    assert core.confusion_rates_reference(matrix()) == pytest.approx(right, abs=1e-15)
    assert slow_rates(matrix()) == pytest.approx(right, abs=1e-15)
    with pytest.raises(CheckFailed, match=__import__("re").escape(shows)):
        topic.checker("confusion_rates", broken)(matrix(), expect=right)


@pytest.mark.parametrize(
    "matrix, right",
    [(m, r) for _, m, r, _ in NEW_HIDDEN],
    ids=[f"case{k}" for k in range(len(NEW_HIDDEN))],
)
def test_new_hidden_cases_pass_correct_answers_in_other_styles(matrix, right):
    def fractions(cm):
        return slow_rates(cm)

    def tp_guard(cm):
        tn, fp, fn, tp = np.array(cm, dtype=np.float64).reshape(-1)
        return np.zeros(2) if tp <= 0 else np.array([tp / (tp + fp), tp / (tp + fn)])

    def sklearn_weights(cm):
        w = np.asarray(cm, dtype=np.float64).ravel()
        if w.sum() == 0:
            return 0.0, 0.0
        pairs = ([0, 0, 1, 1], [0, 1, 0, 1])
        return (
            precision_score(*pairs, sample_weight=w, zero_division=0),
            recall_score(*pairs, sample_weight=w, zero_division=0),
        )

    for answer in (
        fractions,
        tp_guard,
        sklearn_weights,
        core.confusion_rates_reference,
    ):
        cm = matrix()
        topic.checker("confusion_rates", answer)(cm, expect=right)
        topic.checker("confusion_rates", answer)(cm)


# ------------------------------------------------------------------------- STAR helper
WEAK = """We had a churn model that was not very good. We tried a lot of things
and in the end we improved it and everyone was happy with the result."""

STRONG = """Situation: at a subscription start-up, our churn model missed most churners.
Task: I owned the model and had two weeks to make it useful for the retention team.
Action: I found that the labels leaked future cancellations, so I rebuilt them from
event dates, added usage-trend features and tuned the threshold with the team's costs.
Result: recall rose from 0.41 to 0.68 at the same precision, and I set up a weekly
drift report that the team still uses."""

CUES_ONLY = """At my previous job the fraud team drowned in alerts. My goal was to halve
them in a month. I built a cost-based threshold and I tested it on a time split.
As a result alerts fell by 48% and recall stayed at 0.9."""


def test_star_feedback_on_a_weak_answer():
    assert topic.star_feedback(WEAK) == (
        "STAR check (advice, not a grade): 30 words, about 0 min 12 s at 150 words "
        "per minute.\n"
        "- Missing Task: say what *you* were responsible for, the goal you owned (or "
        "label it 'Task:').\n"
        "- Missing Action: say what you did, step by step, with 'I ...' and past-tense "
        "verbs (or label it 'Action:').\n"
        "- The Result has no measurable outcome: add a number, a percentage or a unit "
        "(e.g. 'recall rose from 0.62 to 0.81', 'latency fell to 40 ms').\n"
        "- 'we/our/us' 3 times, 'I/my/me' 0 times: the interviewer wants your part. "
        "Say 'I' for what you did."
    )


def test_star_feedback_on_a_strong_labelled_answer():
    assert topic.star_feedback(STRONG) == (
        "STAR check (advice, not a grade): 79 words, about 0 min 32 s at 150 words "
        "per minute.\n"
        "- All four parts of STAR, a measurable result, a length you can say in two "
        "minutes, and 'I' for your part. Now say it aloud."
    )


def test_star_feedback_finds_parts_by_cue_words():
    report = topic.star_report(CUES_ONLY)
    assert report["parts"] == dict.fromkeys(
        ("Situation", "Task", "Action", "Result"), "cue words"
    )
    assert report["measurable"] and report["i"] == 4 and report["we"] == 0
    assert topic.star_feedback(CUES_ONLY).endswith("Now say it aloud.")


@pytest.mark.parametrize("label", ["Result:", "**Result** -", "R:", "> result —"])
def test_star_labels_in_several_styles(label):
    text = f"Situation: x.\nTask: y.\nAction: I did z.\n{label} it worked."
    report = topic.star_report(text)
    assert report["parts"]["Result"] == "label"
    assert report["result_text"] == "it worked."
    assert not report["measurable"]


def test_star_result_without_a_number_is_flagged_even_if_the_rest_has_numbers():
    text = STRONG.replace(
        "recall rose from 0.41 to 0.68 at the same precision", "it went well"
    )
    text = text.replace("two weeks", "14 days")
    assert "- The Result has no measurable outcome" in topic.star_feedback(text)


def test_star_feedback_on_a_long_answer():
    text = STRONG + " I also" + " kept iterating" * 120 + "."
    out = topic.star_feedback(text)
    assert (
        "- Too long to say in about two minutes: 321 words, over 300. Cut the "
        "Situation to two sentences and keep the Action." in out
    )
    assert out.startswith(
        "STAR check (advice, not a grade): 321 words, about 2 min 08 s"
    )
    assert "over 300" not in topic.star_feedback(text, max_words=400)


def test_star_feedback_counts_we_against_i():
    text = CUES_ONLY.replace("I built", "we built").replace("I tested", "we tested")
    text += " We shipped it. Our team was proud of us."
    assert "- 'we/our/us' 5 times, 'I/my/me' 2 times" in topic.star_feedback(text)


def test_star_feedback_on_empty_text_and_bad_arguments():
    assert topic.star_feedback("   ") == (
        "STAR check: the answer is empty. Write it first, then run this again."
    )
    with pytest.raises(TypeError, match="got 42"):
        topic.star_feedback(42)
    with pytest.raises(ValueError, match="got 0"):
        topic.star_feedback("x", words_per_minute=0)
    with pytest.raises(ValueError, match="got -1"):
        topic.star_feedback("x", max_words=-1)


def test_star_feedback_pace_changes_the_time():
    assert "about 0 min 24 s at 75 words per minute" in topic.star_feedback(
        WEAK, words_per_minute=75
    )


# ------------------------------------------------------------------------ the explorer
def _png(explorer):
    return explorer._repr_png_()


def test_explorer_draws_matrix_and_bars_and_returns_metrics():
    e = topic.ConfusionExplorer()
    assert len(e.figure.axes) == 2
    assert len(e.ax_matrix.images) == 1 and len(e.ax_matrix.texts) == 4
    assert len(e.ax_bars.patches) == 4
    before = _png(e)
    values = e.update(tp=60, fp=15, fn=20, tn=905)
    assert values == pytest.approx(
        {"precision": 0.8, "recall": 0.75, "f1": 2 * 0.6 / 1.55, "accuracy": 0.965}
    )
    assert _png(e) != before
    assert e.update(tp=0, fp=0)["precision"] == 0.0


def test_explorer_default_is_not_the_quiz_matrix():
    e = topic.ConfusionExplorer()
    assert not np.array_equal(e.matrix(), topic.QUIZ_MATRIX)


def test_explorer_validates_counts():
    with pytest.raises(ValueError, match="-1"):
        topic.ConfusionExplorer(tp=-1)
    with pytest.raises(ValueError, match="'xx'"):
        topic.ConfusionExplorer().update(xx=1)


def test_explorer_box_sliders_redraw():
    box = topic.confusion_explorer()
    assert box.explorer.counts == {"tp": 45, "fp": 30, "fn": 5, "tn": 920}
    before = box.image.widget.value
    box.fp.value = 100
    assert box.explorer.counts["fp"] == 100
    assert box.image.widget.value != before
    for name in ("tp", "fn", "tn"):
        before = box.image.widget.value
        getattr(box, name).value = getattr(box, name).value + 10
        assert box.image.widget.value != before, name


def test_explorer_blits_every_count_like_a_full_draw():
    box = topic.confusion_explorer()
    assert assert_blits_like_a_full_draw(box) == 16  # 4 values of each slider
    assert box.image.full_draws == 1


def test_figures_module_is_in_notebook_order():
    assert figures.__all__ == ["ConfusionExplorer", "confusion_explorer"]
    assert set(figures.__all__) <= set(topic.__all__)


def test_write_sealed_reproduces_the_package_key(tmp_path):
    write_sealed(KEY, tmp_path / "sealed.py")
    assert (tmp_path / "sealed.py").read_text() == (PACKAGE / "sealed.py").read_text()
