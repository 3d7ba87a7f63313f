"""09_model_drift: what the graded test cells call.

Each exercise is declared once in :data:`EXERCISES`: its default hint, the common
mistakes the checks recognise (each with the hint a learner sees when their result
matches it), its reference and the cases on which every mistake shows. A test cell
asks for a checker::

    check = topic.checker("population_stability_index", population_stability_index)
    check([1, 2, 3, 4], [1, 2, 3, 4], 2, expect=0.0)

The hidden cases (:func:`psi_cases`, :func:`ks_cases`) put a value of either sample
exactly on a bin edge only where the edge is a tied value x[k] = x[k+1] of
``expected``, and no value within a few ulps of any other edge: whether a value on an
untied edge goes above or below it depends on how the level i/n_bins and the
interpolation were rounded (``np.quantile`` computes x[k+1] − (x[k+1] − x[k])·(1 − t)
for t ≥ 0.5, ``np.percentile`` and ``np.linspace`` levels can differ by an ulp), and
the contract leaves that out of scope. A tied value, though, must be the edge exactly:
``np.quantile``, ``np.percentile``, pandas' ``quantile``, x[k] + (x[k+1] − x[k])·t and
numpy's two-branch form return it whatever the grid of levels, while (1 − t)·x[k] +
t·x[k+1] or ``statistics.quantiles(method="inclusive")`` can land one ulp off it and
move the values equal to it into the other bin; the cases include such ties.
Elsewhere no quantile position (n − 1)·i/n_bins is a whole number (n − 1 and n_bins
are coprime): a quantile that falls exactly on a value of ``expected`` would be
computed one ulp above or below it depending on the grid of levels.

``ks_drift``'s p-value is compared within 1e-9 *relative* (:func:`_ks_equal`):
scipy's exact and asymptotic p-values are accurate far below 1e-16, so 1e-30 and
1e-20 are different answers.
"""

from __future__ import annotations

import math
import statistics

import numpy as np
from scipy import stats

from ...checking import Exercise, Exercises, Mistake
from ...validation import check_seed
from ...values import compare, every_digit, format_value
from .core import bin_proportions, ks_reference, psi_reference, quantile_edges

__all__ = ["EXERCISES", "checker", "ks_cases", "psi_cases"]


# ------------------------------------------------------------------------- the cases
def _psi_mistake_cases():
    """Small cases on which every PSI mistake shows (and gets its own hint)."""
    rng = np.random.default_rng(9)
    yield (list(range(10)), [0, 1, 1, 2, 2, 3, 5, 8, 9, 9], 4)
    yield ([1, 1, 1, 2, 2, 2, 2, 3, 3, 3], [2, 2, 2, 2, 3, 3, 1, 2, 2, 2], 2)  # on edge
    yield (rng.normal(size=200), rng.normal(0.5, 1.3, size=150))
    yield (rng.exponential(size=300), rng.exponential(2.0, size=300), 5, 0.01)
    yield (rng.normal(size=100), rng.normal(6, 1, size=100))  # disjoint
    yield (np.r_[np.zeros(60), rng.normal(size=40)], rng.normal(size=80), 10)
    yield (rng.uniform(0, 1, 50), rng.uniform(-2, 3, 50), 10)  # outside the range
    yield ([3.0, 3.0], [3.0, 2.0], 5)  # (1 - t) * 3 + t * 3 is not 3.0
    yield ([0.1] * 7 + [0.9] * 7, [0.1] * 5 + [0.9] * 9, 3)  # lerp moves 0.1s


def psi_cases(seed: int = 0, n_random: int = 40):
    """Hidden cases of ``population_stability_index``: ``(args, why)`` pairs.

    Edge cases (identical and disjoint samples, values on tied edges, duplicate
    quantile edges, one value, n_bins 1 and 2, non-default eps, integer and float32
    inputs, lists, offsets of 1e6 with a spread of 1e-3, 100,000 values), the cases
    of :func:`_psi_precision_cases` (tied edges that only np.quantile's formula gives
    exactly, int8 gaps above 127, float32 one ulp apart, spreads of 1e-12, 150,000
    rows), then ``n_random`` seeded random cases.
    """
    rng = np.random.default_rng(check_seed(seed))
    x = rng.normal(size=500)
    yield (x, x.copy()), "identical samples: PSI 0"
    yield (x.tolist(), x[::-1].tolist(), 7), "the same values shuffled, as lists: 0"
    yield (x, x + 20.0), "disjoint samples: every value of actual above every edge"
    yield (x, x - 20.0, 10, 1e-6), "disjoint below, eps=1e-6"
    ties = [1, 1, 1, 2, 2, 2, 2, 3, 3, 3]
    yield (ties, [2] * 8 + [1, 3], 2), "the median edge is 2: a 2 goes to the bin above"
    yield (ties, [1, 2, 3, 3, 3], 4), "edges 1.25, 2, 2.75: 2 is a tied value"
    many = np.r_[np.zeros(600), rng.normal(size=400)]
    yield (many, rng.normal(size=700)), "60% zeros: six inner edges are 0 (duplicates)"
    yield (
        (many, np.zeros(50), 10, 0.05),
        "duplicate edges, actual all on them, eps 0.05",
    )
    yield (np.repeat([3, 7], 50), [3, 7, 7, 7, 9]), "integer inputs, two tied values"
    yield ([5.0], [5.0, 4.0, 6.0], 3), "expected of one value: every edge is 5.0"
    yield ([0.0, 1.0], [0.25], 2), "one value in actual (below the edge 0.5)"
    yield (x, rng.normal(1, 1, 300), 1), "n_bins=1: one bin, PSI 0"
    yield (x, rng.normal(0.3, 1, 300), 2), "n_bins=2: the median"
    yield (x, rng.normal(0.3, 1, 300), 25, 1e-3), "n_bins=25, eps=1e-3"
    big = 1e6 + 1e-3 * rng.normal(size=400)
    yield (big, 1e6 + 1e-3 * rng.normal(0.5, 1, 300)), "1e6 + a spread of 1e-3"
    f32 = rng.normal(size=300).astype(np.float32)
    yield (f32, rng.normal(0.2, 1, 300).astype(np.float32), 8), "float32 inputs"
    u8 = rng.integers(0, 20, 400).astype(np.uint8)
    yield (u8, rng.integers(5, 25, 300).astype(np.uint8)), "uint8 inputs"
    yield (
        (
            rng.normal(size=100_000),
            rng.normal(0.05, 1, 80_000),
        ),
        "100,000 values",
    )
    yield from _psi_precision_cases(np.random.default_rng([check_seed(seed), 1]))
    for i in range(n_random):
        n_bins = int(rng.integers(1, 21))
        n, m = rng.integers(5, 400, size=2)
        while math.gcd(int(n) - 1, n_bins) != 1:  # no quantile lands on a value
            n += 1
        e = rng.gamma(2.0, 1.0, size=n) * rng.choice([1.0, 1e-3, 1e4])
        shift, scale = rng.normal(0, 0.5), rng.uniform(0.5, 2)
        a = (rng.gamma(2.0, 1.0, size=m) * scale + shift) * (e.std() + 1e-300)
        args = (e, a, n_bins, float(rng.choice([1e-4, 1e-3, 0.02])))
        if i % 2 == 0:
            args = (e.tolist(), a.tolist(), *args[2:])
        yield args, f"random case {i}"


def _psi_precision_cases(rng):
    """Ties at two-decimal values, int8 gaps, float32 one ulp apart, 1e-12, 150,000 rows.

    Drawn from their own generator, so that the cases before and after them stay the
    same whatever is added here.
    """
    yield ([3.0, 3.0], [3.0, 2.0], 5), "expected [3.0, 3.0]: every edge is 3.0 exactly"
    yield (
        ([0.1] * 7 + [0.9] * 7, [0.1] * 3 + [0.9] * 5 + [0.05], 3),
        "edges at the tied values 0.1 and 0.9, exactly (np.quantile)",
    )
    for i in range(6):  # drawn until another linear formula moves a tied edge
        other = _psi_lerp if i % 2 == 0 else _psi_inclusive
        while True:
            values = np.round(rng.uniform(0, 1, 2), 2)
            n, n_bins = int(rng.integers(6, 40)), int(rng.integers(2, 11))
            while math.gcd(n - 1, n_bins) != 1:  # every edge tied or between values
                n += 1
            e = rng.choice(values, n).tolist()
            a = rng.choice(values, int(rng.integers(5, 40))).tolist()
            if abs(other(e, a, n_bins) - psi_reference(e, a, n_bins)) > 1e-6:
                break
        yield (e, a, n_bins), f"two-decimal values, all tied ({i})"
    low, high = rng.integers(-128, -100, 50), rng.integers(100, 128, 50)
    e8 = rng.permutation(np.r_[low, high]).astype(np.int8)
    a8 = rng.integers(-128, 128, 300).astype(np.int8)
    a8 = a8[a8 != (low.max() + high.min()) / 2]  # no value on the (untied) edge
    yield (
        (e8, a8, 2),
        "int8: the median edge lies between -101.. and 100.. (a gap above 127)",
    )
    one, ulp = np.float32(1.0), np.float32(2.0**-23)
    yield (
        (np.r_[[one] * 3, [one + ulp] * 3], np.r_[[one] * 4, [one + ulp]], 2),
        "float32 values 1 and 1 + 2**-23: the median edge 1 + 2**-24 is between them",
    )
    e32 = (one + ulp * rng.integers(0, 40, 31)).astype(np.float32)
    a32 = (one + ulp * rng.integers(0, 41, 200)).astype(np.float32)
    yield (e32, a32, 7), "float32 values 1 + k * 2**-23, k in 0..39"
    tiny = 1e-12 * rng.normal(size=300)
    yield (tiny, 1e-12 * rng.normal(0.5, 1, 200)), "values of size 1e-12"
    yield (
        (
            1 + 1e-13 * rng.integers(0, 30, 400),
            1 + 1e-13 * rng.integers(5, 35, 300),
        ),
        "1 + k * 1e-13 (ties): a spread of 3e-12",
    )
    yield (
        (
            rng.normal(size=150_000),
            np.r_[rng.normal(size=100_000), rng.normal(1.0, 1, 50_000)],
        ),
        "150,000 values; the drift is in the last 50,000 rows of actual",
    )


def _ks_mistake_cases():
    rng = np.random.default_rng(19)
    yield ([1.0, 2.0, 3.0, 4.0], [3.5, 4.5, 5.5, 6.5, 7.5])
    yield ([1, 2, 2, 3], [1, 2, 2, 3])  # identical, with ties
    yield ([0, 1, 1, 2, 2, 2], [1, 2, 2, 3, 3, 3, 3], 0.1)
    yield (rng.normal(size=30), rng.normal(0.4, 1, size=40))
    yield (rng.exponential(size=200), rng.exponential(size=200) + 0.1)
    yield (rng.exponential(size=400), rng.exponential(size=500) * 1.2, 0.01)
    r, c = rng.normal(size=60), rng.normal(0.5, 1, size=60)
    yield (r, c, ks_reference(r, c)[1])  # alpha equal to the p-value
    yield (rng.uniform(size=40), rng.uniform(-0.2, 0.8, size=40))  # lower, not higher
    yield ([0.0], [1e-11])  # rounding the data merges them
    yield (rng.normal(size=10_001), rng.normal(0.03, 1, 10_002))  # n·m/(n+m) 5000.75


def ks_cases(seed: int = 0, n_random: int = 40):
    """Hidden cases of ``ks_drift``: ``(args, why)`` pairs.

    Identical and disjoint samples, ties, one value on either side, alpha equal to
    the p-value, non-default alpha, integer and float32 inputs, lists, offsets of
    1e6 with a spread of 1e-3, 50,000 values, the sizes of :func:`_ks_size_cases`
    (exact p-values up to 10,000 on each side, a p-value of 6e-35, 150,000 rows,
    10,001 against 10,002), the values of :func:`_ks_precision_cases` (1e-12, one ulp
    apart), then seeded random cases.
    """
    rng = np.random.default_rng(check_seed(seed))
    x = rng.normal(size=300)
    yield (x, x.copy()), "identical samples: statistic 0, p-value 1"
    yield (x.tolist(), x[::-1].tolist(), 1.0), "identical, alpha 1: p = 1 is not < 1"
    yield (x[:50], x[:40] + 10.0), "disjoint samples: statistic 1"
    yield ([3.0], [3.0]), "one value each, equal"
    yield ([3.0], [4.0]), "one value each, different: statistic 1"
    yield ([1.0, 2.0, 3.0], [2.5]), "one value in current"
    yield ([1, 1, 2, 2, 2, 3], [2, 2, 3, 3, 3, 3, 4]), "integer ties across samples"
    yield (np.repeat([0, 1, 2], 30), np.repeat([0, 1, 2], [20, 30, 40])), "ties only"
    r, c = rng.normal(size=70), rng.normal(0.6, 1, size=50)
    p = ks_reference(r, c)[1]
    yield (r, c, p), f"alpha equal to the p-value ({p:.4g}): not drifted"
    yield (r, c, np.nextafter(p, 1)), "alpha just above the p-value: drifted"
    yield (r, c, 0.001), "alpha=0.001"
    big = 1e6 + 1e-3 * rng.normal(size=200)
    yield (big, 1e6 + 1e-3 * rng.normal(0.3, 1, 150)), "1e6 + a spread of 1e-3"
    f32 = rng.normal(size=100).astype(np.float32)
    yield (f32, rng.normal(0.3, 1, 120).astype(np.float32)), "float32 inputs"
    yield (rng.integers(0, 5, 80), rng.integers(0, 6, 90)), "integer inputs"
    yield (
        (
            rng.normal(size=50_000),
            rng.normal(0.03, 1, 40_000),
        ),
        "50,000 values, a tiny shift: significant, yet small",
    )
    yield from _ks_size_cases(np.random.default_rng([check_seed(seed), 1]))
    yield from _ks_precision_cases(np.random.default_rng([check_seed(seed), 2]))
    for i in range(n_random):
        n, m = rng.integers(1, 300, size=2)
        r = rng.normal(size=n).round(int(rng.integers(0, 4)))  # some ties
        c = rng.normal(rng.normal(0, 0.4), rng.uniform(0.7, 1.4), size=m).round(2)
        alpha = float(rng.choice([0.05, 0.01, 0.1]))
        args = (r.tolist(), c.tolist(), alpha) if i % 2 == 0 else (r, c, alpha)
        yield args, f"random case {i}"


def _ks_size_cases(rng):
    """Sizes on both sides of ks_2samp's switch to the asymptotic p-value (10,000)."""
    yield (
        (rng.normal(size=2000), rng.normal(0.05, 1, 1500)),
        "2,000 and 1,500 values: ks_2samp's default p-value is still exact",
    )
    yield (
        (rng.normal(size=10_000), rng.normal(0.03, 1, 7001)),
        "10,000 and 7,001 values: exact up to 10,000 on each side",
    )
    yield (
        (rng.normal(size=10_001), rng.normal(0.03, 1, 9000)),
        "10,001 and 9,000 values: asymptotic above 10,000",
    )
    yield (
        (rng.normal(size=300), rng.normal(1.5, 1, 250)),
        "a large shift: a p-value of 6e-35, compared within 1e-9 relative",
    )
    yield (
        (
            rng.normal(size=150_000),
            np.r_[rng.normal(size=100_000), rng.normal(0.3, 1, 50_000)],
        ),
        "150,000 values; the drift is in the last 50,000 rows of current",
    )
    yield (
        (rng.normal(size=10_001), rng.normal(0.03, 1, 10_002)),
        "10,001 and 10,002 values: n·m/(n + m) = 5000.75, which ks_2samp rounds to "
        "5001",
    )


def _ks_precision_cases(rng):
    """Values of size 1e-12 and values one ulp apart: rounding the data merges them."""
    yield ([0.0], [1e-11]), "0 against 1e-11: statistic 1"
    yield (
        (1e-12 * np.arange(5), 1e-12 * np.arange(10, 15)),
        "1e-12 * [0..4] against 1e-12 * [10..14]: disjoint, drifted",
    )
    yield ([1.0], [1.0000000000000002]), "1.0 against the next float: statistic 1"
    yield (
        (1e-12 * rng.normal(size=300), 1e-12 * rng.normal(0.4, 1, 250)),
        "values of size 1e-12",
    )


def _ks_equal(got, expected):
    """``None`` when ``got`` equals ``expected``, else the problem, with both values.

    ``statistic`` and ``drifted`` within 1e-8 (+1e-9 relative); ``p_value`` within
    1e-9 relative only.
    """
    reason = compare(got, expected, 1e-8, 1e-9)
    if reason is not None:
        return f"{reason}: returned {format_value(got)}"
    got = tuple(got)
    for name, g, e, atol in zip(
        ("statistic", "p_value", "drifted"), got, expected, (1e-8, 0.0, 1e-8)
    ):
        reason = compare(g, e, atol, 1e-9, name)
        if reason == f"{name} value differs" or reason == f"{name} values differ":
            within = "1e-9 relative" if atol == 0 else "1e-8"
            shown = every_digit if name != "drifted" else format_value
            return (
                f"{name} differs: expected {shown(e)}, returned {shown(g)} "
                f"(compared within {within})"
            )
        if reason:
            return f"{reason}: returned {format_value(got)}"
    return None


# ------------------------------------------------------------------- mistake helpers
def _as_float(x):
    return np.asarray(x, dtype=float).ravel()


def _psi_from(e, a, eps):
    e, a = np.maximum(e, eps), np.maximum(a, eps)
    return float(np.sum((a - e) * np.log(a / e)))


def _psi_equal_width(expected, actual, n_bins=10, eps=1e-4):
    x = _as_float(expected)
    edges = np.linspace(x.min(), x.max(), n_bins + 1)[1:-1]
    return _psi_from(bin_proportions(x, edges), bin_proportions(actual, edges), eps)


def _psi_no_clip(expected, actual, n_bins=10, eps=1e-4):
    edges = quantile_edges(expected, n_bins)
    e, a = bin_proportions(expected, edges), bin_proportions(actual, edges)
    return float(np.sum((a - e) * np.log(a / e)))


def _psi_add_eps(expected, actual, n_bins=10, eps=1e-4):
    edges = quantile_edges(expected, n_bins)
    e, a = bin_proportions(expected, edges) + eps, bin_proportions(actual, edges) + eps
    return float(np.sum((a - e) * np.log(a / e)))


def _psi_from_actual(expected, actual, n_bins=10, eps=1e-4):
    edges = quantile_edges(actual, n_bins)
    e, a = bin_proportions(expected, edges), bin_proportions(actual, edges)
    return _psi_from(e, a, eps)


def _psi_right_closed(expected, actual, n_bins=10, eps=1e-4):
    edges = quantile_edges(expected, n_bins)

    def share(v):
        v = _as_float(v)
        idx = np.searchsorted(edges, v, side="left")
        return np.bincount(idx, minlength=len(edges) + 1) / v.size

    return _psi_from(share(expected), share(actual), eps)


def _psi_min_max_outer(expected, actual, n_bins=10, eps=1e-4):
    x, y = _as_float(expected), _as_float(actual)
    edges = np.quantile(x, np.arange(n_bins + 1) / n_bins)
    e = np.histogram(x, bins=edges)[0] / x.size
    a = np.histogram(y, bins=edges)[0] / y.size
    return _psi_from(e, a, eps)


def _psi_kl(expected, actual, n_bins=10, eps=1e-4):
    edges = quantile_edges(expected, n_bins)
    e = np.maximum(bin_proportions(expected, edges), eps)
    a = np.maximum(bin_proportions(actual, edges), eps)
    return float(np.sum(a * np.log(a / e)))


def _psi_with_edges(expected, actual, edges, eps):
    e = np.maximum(bin_proportions(expected, edges), eps)
    a = np.maximum(bin_proportions(actual, edges), eps)
    return float(np.sum((a - e) * np.log(a / e)))


def _psi_lerp(expected, actual, n_bins=10, eps=1e-4):
    """Edges by the textbook (1 - t)·x[k] + t·x[k+1]: one ulp off some tied values."""
    x = np.sort(_as_float(expected))
    h = (x.size - 1) * np.arange(1, n_bins) / n_bins
    k = np.floor(h).astype(int)
    t = h - k
    edges = (1 - t) * x[k] + t * x[np.minimum(k + 1, x.size - 1)]
    return _psi_with_edges(expected, actual, edges, eps)


def _psi_inclusive(expected, actual, n_bins=10, eps=1e-4):
    """Edges by statistics.quantiles(method="inclusive") (n >= 2, n_bins >= 2)."""
    x = [float(v) for v in _as_float(expected)]
    edges = statistics.quantiles(x, n=n_bins, method="inclusive")
    return _psi_with_edges(expected, actual, edges, eps)


def _psi_one_bin_short(expected, actual, n_bins=10, eps=1e-4):
    return psi_reference(expected, actual, max(n_bins - 1, 1), eps)


def _ks_parts(reference, current):
    r, c = _as_float(reference), _as_float(current)
    pooled = np.concatenate([r, c])
    f = np.searchsorted(np.sort(r), pooled, side="right") / r.size
    g = np.searchsorted(np.sort(c), pooled, side="right") / c.size
    return r, c, f, g


def _ks_with(statistic, p, alpha, rule=lambda p, alpha: p < alpha):
    return float(statistic), float(p), bool(rule(p, alpha))


def _ks_le(reference, current, alpha=0.05):
    d, p, _ = ks_reference(reference, current, alpha)
    return _ks_with(d, p, alpha, lambda p, a: p <= a)


def _ks_reversed(reference, current, alpha=0.05):
    d, p, _ = ks_reference(reference, current, alpha)
    return _ks_with(d, p, alpha, lambda p, a: p > a)


def _ks_one_sample(reference, current, alpha=0.05):
    r, c = _as_float(reference), _as_float(current)
    res = stats.kstest(c, "norm", args=(r.mean(), r.std() or 1.0))
    return _ks_with(res.statistic, res.pvalue, alpha)


def _ks_one_sided(reference, current, alpha=0.05):
    res = stats.ks_2samp(
        _as_float(reference), _as_float(current), alternative="greater"
    )
    return _ks_with(res.statistic, res.pvalue, alpha)


def _ks_no_abs(reference, current, alpha=0.05):
    _, _, f, g = _ks_parts(reference, current)
    _, p, drifted = ks_reference(reference, current, alpha)
    return float(max(np.max(f - g), 0.0)), p, drifted


def _ks_at_reference_only(reference, current, alpha=0.05):
    r, c = _as_float(reference), _as_float(current)
    f = np.searchsorted(np.sort(r), r, side="right") / r.size
    g = np.searchsorted(np.sort(c), r, side="right") / c.size
    _, p, drifted = ks_reference(reference, current, alpha)
    return float(np.max(np.abs(f - g))), p, drifted


def _ks_ties_one_at_a_time(reference, current, alpha=0.05):
    r, c = np.sort(_as_float(reference)), np.sort(_as_float(current))
    order = np.argsort(np.concatenate([r, c]), kind="stable")
    step = np.where(order < r.size, 1 / r.size, -1 / c.size)
    d = float(np.max(np.abs(np.cumsum(step))))
    _, p, drifted = ks_reference(reference, current, alpha)
    return d, p, drifted


def _ks_rounded(reference, current, alpha=0.05):
    """The data rounded to 10 decimals first: values 1e-11 apart become ties."""
    return ks_reference(
        np.round(_as_float(reference), 10), np.round(_as_float(current), 10), alpha
    )


def _ks_floor_size(reference, current, alpha=0.05):
    """Above 10,000 values, the asymptotic p-value with n·m // (n + m) (floored)."""
    d, p, _ = ks_reference(reference, current, alpha)
    n, m = np.size(reference), np.size(current)
    if max(n, m) > 10_000:
        p = float(stats.kstwo.sf(d, n * m // (n + m)))
    return _ks_with(d, p, alpha)


def _ks_asymptotic(reference, current, alpha=0.05):
    res = stats.ks_2samp(_as_float(reference), _as_float(current), method="asymp")
    return _ks_with(res.statistic, res.pvalue, alpha)


# ------------------------------------------------------------------------- exercises
EXERCISES = Exercises(
    Exercise(
        "population_stability_index",
        hint=(
            "Inner edges: np.quantile(expected, np.arange(1, n_bins) / n_bins); outer "
            "edges -inf and +inf. Bin both samples with the same edges (a value equal to "
            "an edge goes to the bin above: np.searchsorted(edges, x, side='right')), "
            "divide the counts by each sample's size, clip with np.maximum(p, eps), then "
            "sum((a - e) * np.log(a / e))."
        ),
        reference=psi_reference,
        cases=_psi_mistake_cases,
        mistakes=[
            Mistake(
                _psi_no_clip,
                "An empty bin makes a/e zero or infinite: clip both proportions below "
                "at eps (np.maximum(p, eps)) before the log.",
            ),
            Mistake(
                _psi_add_eps,
                "Clip the proportions at eps (np.maximum(p, eps)) rather than adding eps "
                "to every bin: only the nearly empty bins should change.",
            ),
            Mistake(
                lambda e, a, n_bins=10, eps=1e-4: -psi_reference(e, a, n_bins, eps),
                "The sign is flipped: PSI = sum((a - e) * ln(a / e)), and every term is "
                ">= 0 (a - e and ln(a / e) have the same sign).",
            ),
            Mistake(
                lambda e, a, n_bins=10, eps=1e-4: (
                    psi_reference(e, a, n_bins, eps) / np.log(10)
                ),
                "PSI uses the natural log, np.log, not np.log10: the thresholds 0.1 and "
                "0.25 are for ln.",
            ),
            Mistake(
                lambda e, a, n_bins=10, eps=1e-4: (
                    psi_reference(e, a, n_bins, eps) / np.log(2)
                ),
                "PSI uses the natural log, np.log, not np.log2: the thresholds 0.1 and "
                "0.25 are for ln.",
            ),
            Mistake(
                _psi_kl,
                "That is the KL divergence sum(a * ln(a / e)), one direction only. PSI "
                "is symmetric: sum((a - e) * ln(a / e)).",
            ),
            Mistake(
                _psi_equal_width,
                "The bins are equal-width: PSI's edges are quantiles of expected "
                "(np.quantile(expected, np.arange(1, n_bins) / n_bins)), so each bin "
                "holds 1/n_bins of the expected sample.",
            ),
            Mistake(
                _psi_from_actual,
                "The edges come from actual: they must be the quantiles of expected (the "
                "reference), so that expected puts 1/n_bins in each bin.",
            ),
            Mistake(
                _psi_right_closed,
                "A value equal to an inner edge goes to the bin *above* it (bins are "
                "[edge_i, edge_i+1), as np.searchsorted(edges, x, side='right') or "
                "np.digitize): with ties in expected, many values sit on an edge.",
            ),
            Mistake(
                _psi_min_max_outer,
                "The outer edges are -inf and +inf, not the min and max of expected: "
                "values of actual outside expected's range must still be counted (they "
                "are the drift).",
            ),
            Mistake(
                _psi_lerp,
                "Take the edges from np.quantile(expected, np.arange(1, n_bins) / "
                "n_bins) itself: (1 - t) * x[k] + t * x[k+1] can land one ulp off a tied "
                "value x[k] = x[k+1], and the values equal to it then change bins.",
            ),
            Mistake(
                _psi_one_bin_short,
                "That has n_bins - 1 bins: there are n_bins - 1 inner edges, the "
                "quantiles at 1/n_bins, 2/n_bins, ..., (n_bins - 1)/n_bins.",
            ),
        ],
    ),
    Exercise(
        "ks_drift",
        hint=(
            "r = scipy.stats.ks_2samp(reference, current) gives the two-sample statistic "
            "sup |F_ref(x) - F_cur(x)| and its two-sided p-value (r.statistic, "
            "r.pvalue); drifted is p_value < alpha."
        ),
        reference=ks_reference,
        parts=("statistic", "p_value", "drifted"),
        cases=_ks_mistake_cases,
        equal=_ks_equal,
        show_values=False,
        mistakes=[
            Mistake(
                _ks_le,
                "drifted is p_value < alpha, strictly: a p-value equal to alpha is not "
                "significant.",
            ),
            Mistake(
                _ks_reversed,
                "drifted is reversed: a *small* p-value (p_value < alpha) means the two "
                "samples are unlikely to come from one distribution.",
            ),
            Mistake(
                _ks_one_sample,
                "That is a one-sample test of current against a normal distribution. "
                "Compare the two samples themselves: scipy.stats.ks_2samp(reference, "
                "current).",
            ),
            Mistake(
                _ks_one_sided,
                "That is a one-sided test (alternative='greater'): drift in either "
                "direction counts, so use the default two-sided ks_2samp.",
            ),
            Mistake(
                _ks_no_abs,
                "The statistic is the largest *absolute* gap, max |F_ref - F_cur|: "
                "without abs you only see one side of the drift.",
            ),
            Mistake(
                _ks_at_reference_only,
                "Evaluate both ECDFs at every value of *both* samples: the largest gap "
                "may sit at a value of current.",
            ),
            Mistake(
                _ks_ties_one_at_a_time,
                "Tied values must be passed all at once: evaluate F(x) = share of values "
                "<= x (np.searchsorted(sorted, x, side='right')) at each distinct value, "
                "not after each single value of a merged list.",
            ),
            Mistake(
                _ks_rounded,
                "Do not round the data: values 1e-11 apart (or one ulp apart) are "
                "different values, and rounding them to 10 decimals makes them ties "
                "and moves the statistic.",
            ),
            Mistake(
                _ks_floor_size,
                "Above 10,000 values ks_2samp's p-value is kstwo.sf(D, "
                "round(n * m / (n + m))): the effective size is rounded to the "
                "nearest whole number, not floored.",
            ),
            Mistake(
                _ks_asymptotic,
                "That is the asymptotic p-value: the contract takes ks_2samp's default "
                "method, exact for small samples.",
            ),
        ],
    ),
)

checker = EXERCISES.checker
