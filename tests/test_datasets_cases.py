"""Datasets and test-case generators: offline, seeded, validated."""

from __future__ import annotations

import re

import numpy as np
import pytest

from interview_lab import cases, datasets


def test_screening_scores_prevalence_and_reproducibility():
    for p in (0.5, 0.2, 0.05, 0.01):
        y, s = datasets.screening_scores(p, n_negative=1000, seed=0)
        assert (y == 0).sum() == 1000
        assert y.mean() == pytest.approx(p, abs=0.002)
        assert s.min() >= 0 and s.max() <= 1
    a = datasets.screening_scores(0.1, seed=3)
    b = datasets.screening_scores(0.1, seed=3)
    assert all(np.array_equal(x, z) for x, z in zip(a, b, strict=True))


def test_screening_model_separates_the_classes():
    from sklearn.metrics import roc_auc_score

    y, s = datasets.screening_scores(0.5)
    assert (
        0.85 < roc_auc_score(y, s) < 0.97
    )  # good, not perfect: the lesson needs errors


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        (
            {"prevalence": 0},
            ValueError,
            "prevalence must be a finite number in (0, 1), got 0",
        ),
        ({"prevalence": 1.5}, ValueError, "got 1.5"),
        ({"prevalence": "high"}, TypeError, "prevalence must be a number, got 'high'"),
        (
            {"n_negative": 0},
            ValueError,
            "n_negative must be an int from 1 to 3900, got 0",
        ),
        ({"n_negative": 10.0}, TypeError, "n_negative must be an int, got 10.0"),
        ({"seed": -1}, ValueError, "seed must be a non-negative int, got -1"),
        ({"prevalence": 0.9}, ValueError, "prevalence=0.9 needs 27000 positives"),
    ],
)
def test_screening_scores_validation_echoes_the_bad_value(kwargs, error, message):
    with pytest.raises(error, match=re.escape(message)):
        datasets.screening_scores(**kwargs)


@pytest.mark.parametrize(
    "generator", [cases.binary_pairs, cases.scored_pairs, cases.regression_pairs]
)
def test_cases_are_seeded_mixed_and_valid(generator):
    first = list(generator(seed=5, n_random=20))
    again = list(generator(seed=5, n_random=20))
    other = list(generator(seed=6, n_random=20))

    def as_text(cs):
        return repr([(np.asarray(a).tolist(), np.asarray(b).tolist()) for a, b in cs])

    assert as_text(first) == as_text(again)
    assert as_text(first) != as_text(other)
    kinds = {type(a) for a, _ in first}
    assert kinds == {list, np.ndarray}, "cases must mix lists and arrays"
    sizes = {len(a) for a, _ in first}
    assert min(sizes) <= 2 and max(sizes) >= 10
    for a, b in first:
        assert len(a) == len(b)


def test_scored_pairs_have_both_classes_and_ties():
    pairs = list(cases.scored_pairs(seed=0, n_random=40))
    assert all(0 < np.mean(y) < 1 for y, _ in pairs)
    assert any(len(set(np.asarray(s).tolist())) < len(s) for _, s in pairs)


def test_binary_pairs_cover_the_zero_denominators():
    pairs = [(np.asarray(t), np.asarray(p)) for t, p in cases.binary_pairs(n_random=0)]
    assert any(p.sum() == 0 for _, p in pairs)  # nothing predicted positive
    assert any(t.sum() == 0 for t, _ in pairs)  # no positives
    assert any(len(t) == 1 for t, _ in pairs)  # one sample


def test_seed_validation():
    with pytest.raises(
        ValueError, match=re.escape("seed must be a non-negative int, got -2")
    ):
        next(cases.binary_pairs(seed=-2))
