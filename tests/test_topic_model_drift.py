"""09_model_drift topic module: references, checks, cases, data, policies, figures, explorer."""

from __future__ import annotations

import math
import subprocess
import sys

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from pixels import assert_blits_like_a_full_draw
from scipy import stats
from sklearn.linear_model import LogisticRegression

from interview_lab.checking import CheckFailed
from interview_lab.topics import model_drift as topic
from interview_lab.topics.model_drift import checks, core, figures

PSI_CASES = list(topic.psi_cases(seed=91))
KS_CASES = list(topic.ks_cases(seed=92))


def _size(args):
    return np.size(args[0]) * np.size(args[1])


# --------------------------------------------------- slow references from the definition
def psi_fractions(expected, actual, n_bins=10, eps=1e-4):
    """PSI with the bin shares counted by comparison, one bin at a time."""
    e = np.asarray(expected, dtype=float).ravel()
    a = np.asarray(actual, dtype=float).ravel()
    inner = np.quantile(e, [i / n_bins for i in range(1, n_bins)])
    edges = np.r_[-np.inf, inner, np.inf]
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        pe = max(np.count_nonzero((e >= lo) & (e < hi)) / e.size, eps)
        pa = max(np.count_nonzero((a >= lo) & (a < hi)) / a.size, eps)
        total += (pa - pe) * math.log(pa / pe)
    return total


@pytest.mark.parametrize("i", range(len(PSI_CASES)))
def test_psi_reference_matches_slow_definitions(i):
    args, why = PSI_CASES[i]
    ref = core.psi_reference(*args)
    assert ref == pytest.approx(psi_fractions(*args), rel=1e-10, abs=1e-12), why
    if _size(args) < 2e5:
        assert ref == pytest.approx(core.psi_slow(*args), rel=1e-10, abs=1e-12), why
    assert ref >= 0


def test_psi_worked_examples_and_properties():
    assert core.psi_reference([1, 2, 3, 4], [4, 3, 2, 1], 2) == 0.0
    worked = 0.5 * np.log(2) + (1e-4 - 0.5) * np.log(1e-4 / 0.5)
    assert core.psi_reference([1, 2, 3, 4], [1, 1, 1, 2], 2) == pytest.approx(worked)
    ties = [1, 1, 1, 2, 2, 2, 2, 3, 3, 3]
    on_edge = 0.2 * np.log(3) + 0.2 * np.log(9 / 7)
    assert core.psi_reference(ties, [2] * 8 + [1, 3], 2) == pytest.approx(on_edge)
    x = np.random.default_rng(0).normal(size=300)
    assert core.psi_reference(x, x + 50) == pytest.approx(core.psi_reference(x, x - 50))
    assert core.psi_reference(x, x, 1) == 0.0  # one bin


def test_duplicate_edges_give_the_same_psi_as_dropping_them():
    rng = np.random.default_rng(1)
    e = np.r_[np.zeros(600), rng.normal(size=400)]
    a = rng.normal(size=500)
    edges = core.quantile_edges(e)
    assert len(np.unique(edges)) < len(edges)
    bins = np.r_[-np.inf, np.unique(edges), np.inf]
    pe = np.maximum(np.histogram(e, bins)[0] / e.size, 1e-4)
    pa = np.maximum(np.histogram(a, bins)[0] / a.size, 1e-4)
    dropped = float(np.sum((pa - pe) * np.log(pa / pe)))
    assert core.psi_reference(e, a) == pytest.approx(dropped, rel=1e-12)


@pytest.mark.parametrize("i", range(len(KS_CASES)))
def test_ks_reference_matches_scipy_and_the_slow_statistic(i):
    args, why = KS_CASES[i]
    d, p, drifted = core.ks_reference(*args)
    r = stats.ks_2samp(np.asarray(args[0], float), np.asarray(args[1], float))
    assert (d, p) == (pytest.approx(r.statistic), pytest.approx(r.pvalue)), why
    alpha = args[2] if len(args) > 2 else 0.05
    assert drifted is bool(p < alpha)
    if _size(args) < 5e4:
        assert d == pytest.approx(core.ks_statistic_slow(args[0], args[1]), abs=1e-12)


def test_ks_cases_hit_the_boundaries():
    whys = {why: args for args, why in KS_CASES}
    equal = next(a for w, a in whys.items() if w.startswith("alpha equal"))
    d, p, drifted = core.ks_reference(*equal)
    assert p == equal[2] and not drifted
    above = whys["alpha just above the p-value: drifted"]
    assert core.ks_reference(*above)[2]
    assert core.ks_reference(*whys["identical samples: statistic 0, p-value 1"])[
        :2
    ] == (
        0.0,
        1.0,
    )
    assert core.ks_reference(*whys["disjoint samples: statistic 1"])[0] == 1.0
    big = whys["50,000 values, a tiny shift: significant, yet small"]
    d, p, drifted = core.ks_reference(*big)
    assert drifted and d < 0.03


# ------------------------------------------------------------------ cases: dimensions
def test_psi_cases_cover_the_dimensions():
    whys = [w for _, w in PSI_CASES]
    assert len(PSI_CASES) >= 50
    kinds = {type(a[0]).__name__ for a, _ in PSI_CASES}
    assert {"list", "ndarray"} <= kinds
    dtypes = {np.asarray(a[0]).dtype.kind for a, _ in PSI_CASES}
    assert {"f", "i", "u"} <= dtypes
    assert any(np.asarray(a[0]).dtype == np.float32 for a, _ in PSI_CASES)
    assert any(np.size(a[0]) == 1 for a, _ in PSI_CASES)
    assert any(np.size(a[1]) == 1 for a, _ in PSI_CASES)
    assert any(np.size(a[0]) >= 100_000 for a, _ in PSI_CASES)
    assert any(np.min(a[0]) > 1e5 for a, _ in PSI_CASES)
    assert {a[2] for a, _ in PSI_CASES if len(a) > 2} >= {1, 2, 25}
    assert {a[3] for a, _ in PSI_CASES if len(a) > 3} >= {1e-6, 0.05}
    assert any("duplicate" in w for w in whys) and any("bin above" in w for w in whys)


def test_psi_random_cases_put_no_quantile_on_a_value():
    for args, why in PSI_CASES:
        if why.startswith("random"):
            assert math.gcd(np.size(args[0]) - 1, args[2]) == 1


def test_psi_on_tied_edges_does_not_depend_on_the_grid_of_levels():
    """Where a case puts values on edges, np.linspace levels give the same PSI."""
    for args, why in PSI_CASES:
        e = np.asarray(args[0], dtype=float)
        n_bins = args[2] if len(args) > 2 else 10
        eps = args[3] if len(args) > 3 else 1e-4
        edges = np.quantile(e, np.linspace(0, 1, n_bins + 1)[1:-1])
        pe = np.maximum(core.bin_proportions(e, edges), eps)
        pa = np.maximum(core.bin_proportions(args[1], edges), eps)
        alt = float(np.sum((pa - pe) * np.log(pa / pe)))
        assert alt == pytest.approx(core.psi_reference(*args), rel=1e-9, abs=1e-8), why


def _untied_edges_near_values(args, ulps=4):
    """Edges that are not a tied value of expected, with the values within ``ulps``."""
    x = np.sort(np.asarray(args[0], dtype=float).ravel())
    n_bins = args[2] if len(args) > 2 else 10
    h = (x.size - 1) * (np.arange(1, n_bins) / n_bins)
    k = np.floor(h).astype(int)
    untied = x[k] != x[np.minimum(k + 1, x.size - 1)]
    values = np.concatenate([x, np.asarray(args[1], dtype=float).ravel()])
    found = []
    for edge, whole in zip(
        np.quantile(x, np.arange(1, n_bins) / n_bins)[untied],
        h[untied] == np.round(h[untied]),
        strict=True,
    ):
        near = values[np.abs(values - edge) <= ulps * np.spacing(abs(edge))]
        if near.size or whole:
            found.append((float(edge), near[:3].tolist()))
    return found


def test_no_hidden_psi_case_puts_a_value_on_an_untied_edge():
    """The contract leaves a value exactly on an untied edge out of scope."""
    for args, why in PSI_CASES:
        assert _untied_edges_near_values(args) == [], why
    # the scan sees one: 0.5 on the median edge of [0, 1], and 0.12 on 0.04 * 3
    assert _untied_edges_near_values(([0.0, 1.0], [0.5], 2)) == [(0.5, [0.5])]
    assert _untied_edges_near_values(([0.0, 0.1, 0.2], [0.12], 5))
    assert _untied_edges_near_values(([0.0, 1.0, 2.0], [5.0], 4))  # position 1


def _psi_edges_by(levels_or_formula):
    def psi(expected, actual, n_bins=10, eps=1e-4):
        x = np.sort(np.asarray(expected, dtype=float).ravel())
        edges = levels_or_formula(x, n_bins)
        return checks._psi_with_edges(expected, actual, np.asarray(edges), eps)

    return psi


def _lerp_edges(x, n_bins, two_branch):
    """x[k] + (x[k+1] - x[k])·t, or numpy's x[k+1] - (x[k+1] - x[k])·(1 - t) for t >= 0.5."""
    h = (x.size - 1) * (np.arange(1, n_bins) / n_bins)
    k = np.floor(h).astype(int)
    t = h - k
    a, b = x[k], x[np.minimum(k + 1, x.size - 1)]
    low = a + (b - a) * t
    return np.where(t >= 0.5, b - (b - a) * (1 - t), low) if two_branch else low


@pytest.mark.parametrize(
    "edges",
    [
        lambda x, nb: np.quantile(x, np.arange(1, nb) * (1 / nb)),
        lambda x, nb: np.quantile(x, np.linspace(0, 1, nb + 1)[1:-1]),
        lambda x, nb: np.percentile(x, 100 * np.arange(1, nb) / nb),
        lambda x, nb: pd.Series(x).quantile([i / nb for i in range(1, nb)]).to_numpy(),
        lambda x, nb: _lerp_edges(x, nb, two_branch=False),
        lambda x, nb: _lerp_edges(x, nb, two_branch=True),
    ],
    ids=["arange-step", "linspace", "percentile", "pandas", "a+(b-a)t", "two-branch"],
)
def test_every_edge_formula_the_contract_accepts_passes(edges):
    """Each form gives a tied value exactly; none meets a value on an untied edge."""
    _run_hidden("population_stability_index", _psi_edges_by(edges), PSI_CASES)


def test_cases_are_reproducible_in_a_fresh_process():
    code = (
        "import hashlib, numpy as np\n"
        "from interview_lab.topics import model_drift as t\n"
        "h = hashlib.sha256()\n"
        "for args, why in [*t.psi_cases(seed=91), *t.ks_cases(seed=92)]:\n"
        "    for a in args: h.update(np.asarray(a, dtype=float).tobytes())\n"
        "print(h.hexdigest())\n"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    }
    assert len(runs) == 1


def test_case_generators_validate_the_seed():
    with pytest.raises(ValueError, match="-1"):
        list(topic.psi_cases(seed=-1))
    with pytest.raises(ValueError, match="'a'"):
        list(topic.ks_cases(seed="a"))


# -------------------------------------------------- checks: correct styles and mistakes
def _run_hidden(exercise, func, cases):
    check = topic.checker(exercise, func, rtol=1e-9)
    for args, why in cases:
        check(*args, why=why)


def psi_linspace_histogram(expected, actual, n_bins=10, eps=1e-4):
    e, a = np.asarray(expected, float), np.asarray(actual, float)
    inner = np.unique(np.quantile(e, np.linspace(0, 1, n_bins + 1)[1:-1]))
    bins = np.r_[-np.inf, inner, np.inf]
    pe = np.clip(np.histogram(e, bins)[0] / e.size, eps, None)
    pa = np.clip(np.histogram(a, bins)[0] / a.size, eps, None)
    return np.sum((pa - pe) * np.log(pa / pe))


def psi_pandas(expected, actual, n_bins=10, eps=1e-4):
    e, a = pd.Series(np.asarray(expected, float)), pd.Series(np.asarray(actual, float))
    inner = e.quantile(np.arange(1, n_bins) / n_bins).to_numpy()
    bins = np.r_[-np.inf, inner, np.inf]
    pe = pd.cut(e, bins, right=False, duplicates="drop").value_counts(sort=False)
    pa = pd.cut(a, bins, right=False, duplicates="drop").value_counts(sort=False)
    pe, pa = (
        np.maximum(pe.to_numpy() / e.size, eps),
        np.maximum(pa.to_numpy() / a.size, eps),
    )
    return float(((pa - pe) * np.log(pa / pe)).sum())


def psi_percentile_digitize(expected, actual, n_bins=10, eps=1e-4):
    e, a = np.asarray(expected, float), np.asarray(actual, float)
    edges = np.percentile(e, np.linspace(0, 100, n_bins + 1)[1:-1])
    pe = np.maximum(np.bincount(np.digitize(e, edges), minlength=n_bins) / e.size, eps)
    pa = np.maximum(np.bincount(np.digitize(a, edges), minlength=n_bins) / a.size, eps)
    return float(np.sum((pa - pe) * np.log(pa / pe)))


@pytest.mark.parametrize(
    "func", [psi_linspace_histogram, psi_pandas, psi_percentile_digitize]
)
def test_correct_psi_in_other_styles_passes_every_hidden_case(func):
    _run_hidden("population_stability_index", func, PSI_CASES)


def ks_by_hand(reference, current, alpha=0.05):
    r, c = np.sort(np.asarray(reference, float)), np.sort(np.asarray(current, float))
    x = np.r_[r, c]
    d = np.max(
        np.abs(
            np.searchsorted(r, x, "right") / r.size
            - np.searchsorted(c, x, "right") / c.size
        )
    )
    p = stats.ks_2samp(r, c).pvalue
    return d, p, p < alpha


def ks_kstest(reference, current, alpha=0.05):
    res = stats.kstest(reference, current)
    return res.statistic, res.pvalue, int(res.pvalue < alpha)


@pytest.mark.parametrize("func", [ks_by_hand, ks_kstest])
def test_correct_ks_in_other_styles_passes_every_hidden_case(func):
    _run_hidden("ks_drift", func, KS_CASES)


def _mistakes(exercise):
    return [
        pytest.param(exercise, i, id=f"{exercise}-{i}")
        for i in range(len(topic.EXERCISES[exercise].mistakes))
    ]


@pytest.mark.parametrize(
    "exercise, index",
    _mistakes("population_stability_index") + _mistakes("ks_drift"),
)
def test_every_mistake_fails_the_hidden_cases(exercise, index):
    mistake = topic.EXERCISES[exercise].mistakes[index]
    cases = PSI_CASES if exercise.startswith("population") else KS_CASES
    with pytest.raises(CheckFailed):
        _run_hidden(exercise, mistake.compute, cases)


def test_the_right_hint_names_a_value_on_an_edge():
    with pytest.raises(CheckFailed) as info:
        _run_hidden("population_stability_index", checks._psi_right_closed, PSI_CASES)
    assert "bin *above*" in str(info.value)


def test_an_answer_that_sorts_its_input_in_place_fails():
    def psi_sorting(expected, actual, n_bins=10, eps=1e-4):
        expected.sort()
        return core.psi_reference(expected, actual, n_bins, eps)

    with pytest.raises(CheckFailed, match="changed its argument expected in place"):
        _run_hidden("population_stability_index", psi_sorting, PSI_CASES)


def test_a_float32_answer_fails_on_large_offsets():
    def psi32(expected, actual, n_bins=10, eps=1e-4):
        return core.psi_reference(
            np.asarray(expected, np.float32),
            np.asarray(actual, np.float32),
            n_bins,
            eps,
        )

    def ks32(reference, current, alpha=0.05):
        return core.ks_reference(
            np.asarray(reference, np.float32), np.asarray(current, np.float32), alpha
        )

    with pytest.raises(CheckFailed, match="1e6"):
        _run_hidden("population_stability_index", psi32, PSI_CASES)
    with pytest.raises(CheckFailed, match="1e6"):
        _run_hidden("ks_drift", ks32, KS_CASES)


def _cases_named(cases, *words):
    found = [(args, why) for args, why in cases if any(w in why for w in words)]
    assert found, words
    return found


def _fails_only_on(exercise, func, cases, *words, match=None):
    """``func`` passes every case but those named by ``words``, and fails each of them."""
    named = _cases_named(cases, *words)
    rest = [(args, why) for args, why in cases if not any(w in why for w in words)]
    _run_hidden(exercise, func, rest)
    for case in named:
        with pytest.raises(CheckFailed, match=match):
            _run_hidden(exercise, func, [case])


def _capped(func, max_rows=100_000):
    """``func`` on a seeded subsample of at most ``max_rows`` of each sample."""

    def capped(x, y, *rest):
        rng = np.random.default_rng(0)
        x, y = np.asarray(x, float).ravel(), np.asarray(y, float).ravel()
        if x.size > max_rows:
            x = rng.choice(x, max_rows, replace=False)
        if y.size > max_rows:
            y = rng.choice(y, max_rows, replace=False)
        return func(x, y, *rest)

    return capped


def test_answers_that_subsample_fail_on_150000_rows():
    for exercise, func, cases in [
        ("population_stability_index", core.psi_reference, PSI_CASES),
        ("ks_drift", core.ks_reference, KS_CASES),
    ]:
        _fails_only_on(exercise, _capped(func), cases, "150,000", match="150,000")


def test_a_hand_made_switch_to_the_asymptotic_p_value_fails():
    def ks_cutoff(reference, current, alpha=0.05):
        r, c = np.asarray(reference, float), np.asarray(current, float)
        method = "exact" if max(r.size, c.size) <= 1000 else "asymp"
        res = stats.ks_2samp(r, c, method=method)
        return res.statistic, res.pvalue, res.pvalue < alpha

    _fails_only_on(
        "ks_drift", ks_cutoff, KS_CASES, "2,000 and 1,500", "10,000 and 7,001"
    )


def test_ks_on_rounded_data_fails_on_values_1e_12_and_one_ulp_apart():
    _fails_only_on(
        "ks_drift",
        checks._ks_rounded,
        KS_CASES,
        "1e-11",
        "1e-12",
        "the next float",
        match="Do not round the data",
    )
    whys = {why: args for args, why in KS_CASES}
    one_ulp = whys["1.0 against the next float: statistic 1"]
    assert core.ks_reference(*one_ulp) == (1.0, 1.0, False)


def test_a_floored_effective_size_fails_above_10000_values():
    _fails_only_on(
        "ks_drift",
        checks._ks_floor_size,
        KS_CASES,
        "5000.75",
        match="rounded to the nearest whole number",
    )
    for args, why in KS_CASES:  # the only large case whose n·m/(n+m) rounds up
        n, m = np.size(args[0]), np.size(args[1])
        if max(n, m) > 10_000 and (n * m / (n + m)) % 1 >= 0.5:
            assert "5000.75" in why


def test_tiny_p_values_are_compared_relatively():
    def ks_floored(reference, current, alpha=0.05):
        d, p, drifted = core.ks_reference(reference, current, alpha)
        return d, max(p, 1e-12), drifted  # within 1e-8 absolute, not 1e-9 relative

    tiny = [why for args, why in KS_CASES if core.ks_reference(*args)[1] < 1e-12]
    assert {"disjoint samples: statistic 1"} < set(tiny)
    assert any("large shift" in why for why in tiny)
    _fails_only_on("ks_drift", ks_floored, KS_CASES, *tiny, match="relative")


def test_ks_feedback_names_the_part_and_both_values():
    def ks_float32_p(reference, current, alpha=0.05):
        d, p, drifted = core.ks_reference(reference, current, alpha)
        return d, float(np.float32(p)), drifted

    with pytest.raises(CheckFailed) as info:
        _run_hidden("ks_drift", ks_float32_p, KS_CASES)
    text = str(info.value)
    assert "p_value differs: expected 3.34052053860239" in text
    assert "returned 3.34052055" in text and "within 1e-9 relative" in text
    with pytest.raises(
        CheckFailed, match=r"should hold 3 values, got 2: returned \[0.0, 1.0\]"
    ):
        _run_hidden("ks_drift", lambda r, c, alpha=0.05: (0.0, 1.0), KS_CASES)


def _psi_lerp_in_dtype(expected, actual, n_bins=10, eps=1e-4):
    """A hand-made linear quantile computed in the input's own dtype."""
    s = np.sort(np.asarray(expected).ravel())
    edges = []
    for i in range(1, n_bins):
        h = (s.size - 1) * i / n_bins  # a Python float keeps s's dtype
        k = int(h)
        if k + 1 < s.size:
            edges.append(s[k] + (s[k + 1] - s[k]) * (h - k))
        else:
            edges.append(s[k])
    with np.errstate(over="ignore"):
        return checks._psi_with_edges(expected, actual, np.array(edges), eps)


def test_a_quantile_computed_in_int8_or_float32_fails():
    with np.errstate(over="ignore"):
        _fails_only_on(
            "population_stability_index",
            _psi_lerp_in_dtype,
            PSI_CASES,
            "int8:",
            "float32 values 1",
        )


def test_edges_rounded_to_ten_decimals_fail_at_a_spread_of_1e_12():
    def psi_rounded(expected, actual, n_bins=10, eps=1e-4):
        edges = np.round(core.quantile_edges(expected, n_bins), 10)
        return checks._psi_with_edges(expected, actual, edges, eps)

    _fails_only_on(
        "population_stability_index",
        psi_rounded,
        PSI_CASES,
        "size 1e-12",
        "1e-13",
        "2**-23, k in",
    )


@pytest.mark.parametrize("other", [checks._psi_lerp, checks._psi_inclusive])
def test_another_linear_quantile_formula_fails_on_tied_edges(other):
    def psi(expected, actual, n_bins=10, eps=1e-4):
        if n_bins == 1 or np.size(expected) == 1:
            return core.psi_reference(expected, actual, n_bins, eps)
        return other(expected, actual, n_bins, eps)

    named = _cases_named(PSI_CASES, "tied values 0.1 and 0.9", "all tied")
    failing = 0
    for case in named:
        try:
            _run_hidden("population_stability_index", psi, [case])
        except CheckFailed:
            failing += 1
    assert failing >= 3
    with pytest.raises(CheckFailed, match="tied"):
        _run_hidden("population_stability_index", psi, PSI_CASES)


def test_lerp_hint_on_a_tied_edge():
    with pytest.raises(CheckFailed) as info:
        _run_hidden("population_stability_index", checks._psi_lerp, PSI_CASES)
    assert "np.quantile(expected, np.arange(1, n_bins) / n_bins) itself" in str(
        info.value
    )


def test_the_references_pass_the_hidden_cases():
    _run_hidden("population_stability_index", core.psi_reference, PSI_CASES)
    _run_hidden("ks_drift", core.ks_reference, KS_CASES)


# ----------------------------------------------------------------- stream and policies
def test_drift_stream_shapes_seeds_and_drift():
    s = core.drift_stream(1.0, n_batches=30, batch_size=50, onset=10, ramp=5, seed=3)
    assert s.X.shape == (30, 50, 2) and s.y.shape == (30, 50) and s.bayes.shape == (30,)
    assert set(np.unique(s.y)) <= {0, 1}
    assert np.all(s.shift[:10] == 0) and s.shift[14] == pytest.approx(1.5)
    assert s.angle[-1] == pytest.approx(np.deg2rad(50))
    again = core.drift_stream(
        1.0, n_batches=30, batch_size=50, onset=10, ramp=5, seed=3
    )
    assert np.array_equal(s.X, again.X) and np.array_equal(s.y, again.y)
    flat = core.drift_stream(0.0)
    assert np.all(flat.shift == 0) and np.all(flat.angle == 0)
    assert 0.8 < flat.bayes.mean() < 0.95


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"strength": -1}, "strength must be .* got -1"),
        ({"n_batches": 1}, "n_batches must be .* got 1"),
        ({"batch_size": 0}, "batch_size must be .* got 0"),
        ({"seed": -2}, "seed must be .* got -2"),
    ],
)
def test_drift_stream_validates_its_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        core.drift_stream(**kwargs)


def test_fit_logistic_matches_sklearn():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(500, 2))
    y = (rng.random(500) < 1 / (1 + np.exp(-(X @ [1.5, -2.0] + 0.3)))).astype(int)
    w = core.fit_logistic(X, y, l2=1e-3)
    sk = LogisticRegression(C=1 / (500 * 1e-3), tol=1e-12, max_iter=10_000).fit(X, y)
    assert w[0] == pytest.approx(sk.intercept_[0], abs=1e-4)
    assert w[1:] == pytest.approx(sk.coef_[0], abs=1e-4)


def test_window_monitors_match_scipy_and_psi():
    s = core.drift_stream(1.0)
    w, Xr = figures._frozen_model(s)
    m = core.window_monitors(s, w, Xr, window=2)
    ref = core._scores(w, Xr)
    for t in (5, 30):
        cur = core._scores(w, s.X[t - 1 : t + 1].reshape(-1, 2))
        assert m["ks_p"][t] == pytest.approx(
            stats.ks_2samp(ref, cur, method="asymp").pvalue, rel=1e-9, abs=1e-300
        )
        assert m["psi_score"][t] == pytest.approx(core.psi_reference(ref, cur))
        x0 = s.X[t - 1 : t + 1, :, 0].ravel()
        assert m["psi_feature"][t] == pytest.approx(core.psi_reference(Xr[:, 0], x0))
    assert m["psi_score"][5] < 0.1 < 0.25 < m["psi_score"][40]
    assert m["accuracy"][5] > 0.8 > 0.65 > m["accuracy"][50]
    # a window longer than the days so far pools them all (PSI from windowed counts)
    m7 = core.window_monitors(s, w, Xr, window=7)
    for t in (0, 3, 6, 7, 59):
        days = s.X[max(0, t - 6) : t + 1]
        cur = core._scores(w, days.reshape(-1, 2))
        assert m7["psi_score"][t] == pytest.approx(core.psi_reference(ref, cur))
        x0 = days[:, :, 0].ravel()
        assert m7["psi_feature"][t] == pytest.approx(core.psi_reference(Xr[:, 0], x0))


def test_policies_spend_retrains_as_described():
    s = core.drift_stream(1.0)
    never = core.simulate_policy(s, "none")
    assert never["retrains"] == [] and never["lost"] > 10
    sched = core.simulate_policy(s, "scheduled", every=10)
    assert sched["retrains"] == [12, 22, 32, 42, 52]
    trig = core.simulate_policy(s, "triggered", window=3)
    assert trig["retrains"] and min(trig["retrains"]) >= s.onset
    assert trig["lost"] < never["lost"] / 3
    assert (
        np.all(np.isnan(trig["accuracy"][:3]))
        and not np.isnan(trig["accuracy"][3:]).any()
    )
    calm = core.simulate_policy(core.drift_stream(0.0), "triggered")
    assert calm["psi_alerts"] == []
    with pytest.raises(ValueError, match="'weekly'"):
        core.simulate_policy(s, "weekly")
    with pytest.raises(ValueError, match="got -1"):
        core.simulate_policy(s, "none", label_delay=-1)


def test_label_delay_makes_retraining_use_older_data():
    s = core.drift_stream(2.0)
    fresh = core.simulate_policy(s, "scheduled", every=5, label_delay=0)
    late = core.simulate_policy(s, "scheduled", every=5, label_delay=6)
    assert fresh["retrains"] == late["retrains"]
    assert fresh["lost"] < late["lost"]


def test_false_alarm_rates_show_psi_noise_and_ks_sensitivity():
    calm = core.false_alarm_rates()
    assert calm["psi"][0] > 0.5 and calm["psi"][-1] == 0
    assert np.all(calm["ks"] <= 0.15)
    tiny = core.false_alarm_rates(shift=0.05)
    assert tiny["ks"][-1] > 0.6 > tiny["ks"][0]
    rng = np.random.default_rng(5)
    r, c = rng.normal(size=300), rng.normal(size=300)
    d = core.ks_reference(r, c)[0]
    assert stats.kstwo.sf(d, 150) == pytest.approx(
        stats.ks_2samp(r, c, method="asymp").pvalue
    )


# ------------------------------------------------------------------------- figures
def test_stream_figure_draws_both_panels():
    fig = topic.stream_figure()
    ax1, ax2 = fig.axes
    assert len(ax1.patches) > 50 and len(ax2.lines) >= 3
    plt.close(fig)


def test_psi_bins_figure_sums_the_terms_in_its_title():
    rng = np.random.default_rng(0)
    e, a = rng.normal(size=500), rng.normal(0.4, 1, size=400)
    fig = topic.psi_bins_figure(e, a, n_bins=8)
    (ax,) = fig.axes
    assert len(ax.patches) == 16
    assert f"{core.psi_reference(e, a, 8):.3f}" in ax.get_title()
    plt.close(fig)
    with pytest.raises(ValueError, match="got 0"):
        topic.psi_bins_figure(e, a, n_bins=0)


def test_false_alarm_figure_has_two_monitors_per_panel():
    fig = topic.false_alarm_figure()
    assert len(fig.axes) == 2
    for ax in fig.axes:
        assert len(ax.lines) == 3 and ax.get_xscale() == "log"
    plt.close(fig)


def test_policy_table_and_figure():
    table = topic.policy_table()
    assert list(table.columns) == ["retrains", "accuracy lost"]
    assert table.loc["never retrain", "retrains"] == 0
    assert table["accuracy lost"].idxmax() == "never retrain"
    assert (
        table.loc["scheduled, every 5 days", "retrains"]
        > table.loc["triggered, window 5 days", "retrains"]
    )
    fig = topic.policy_figure(table)
    assert len(fig.axes[0].lines) == len(table)
    plt.close(fig)


# ------------------------------------------------------------------------ explorer
def test_dashboard_updates_return_what_they_show():
    dash = topic.DriftDashboard(strength=1.0, window=3)
    out = dash.update_strength(0.0)
    assert out["first_alert"] is None and out["retrains"] == 0
    assert "first score alert on day -" in dash.ax_psi.get_title()
    assert len(dash.alert_marks.get_xdata()) == 0
    out = dash.update_strength(2.0)
    assert out["first_alert"] is not None and out["first_alert"] >= 20
    assert f"on day {out['first_alert']}" in dash.ax_psi.get_title()
    assert list(dash.retrain_marks.get_xdata()) == list(
        core.cached_policy(2.0, 3)[1]["retrains"]
    )
    assert f"{out['retrains']} retrains" in dash.ax_acc.get_title()
    slow = dash.update_window(10)
    assert slow["first_alert"] >= out["first_alert"]
    assert f"{slow['false_alarm_ks']:.0%}" in dash.ax_psi.get_title()
    assert 0 <= slow["false_alarm_psi"] <= 1
    with pytest.raises(ValueError, match="got 0"):
        dash.update_window(0)


@pytest.mark.parametrize("window", figures.WINDOWS)
def test_the_kept_false_alarm_rates_are_what_the_drift_free_streams_give(window):
    assert window in figures._FALSE_ALARM_DAYS  # every window the slider offers
    assert figures._false_alarms(window) == figures._count_false_alarms(window)


def test_a_window_the_slider_does_not_offer_is_counted():
    assert 12 not in figures._FALSE_ALARM_DAYS  # update_window takes up to 30
    assert figures._false_alarms(12) == figures._count_false_alarms(12)


def test_dashboard_monitors_a_setting_once(monkeypatch):
    dash = topic.DriftDashboard()
    for s in (0.5, 1.5):
        dash.update_strength(s)
    calls = []
    monkeypatch.setattr(figures, "window_monitors", lambda *a: calls.append(a))
    monkeypatch.setattr(core, "simulate_policy", lambda *a, **k: calls.append(a))
    dash.update_strength(0.5)
    dash.update_strength(1.5)
    assert calls == []  # a setting seen before is drawn from the caches


def test_dashboard_figure_is_the_explorer_figure_drawn_once():
    fig = topic.dashboard_figure(strength=1.0, window=3)
    assert len(fig.axes) == 3
    assert "window 3 day(s)" in fig.axes[0].get_title()


def test_explorer_sliders_redraw_the_image():
    box = topic.drift_explorer()
    image = box.image.widget
    before = image.value
    box.strength.value = 2.0
    assert box.explorer.strength == 2.0 and image.value != before
    middle = image.value
    box.window.value = 7
    assert box.explorer.window == 7 and image.value != middle
    fresh = topic.drift_explorer()
    assert assert_blits_like_a_full_draw(fresh) == 8
    assert fresh.image.full_draws == 1
