"""08_fraud_detection: the simulated transaction stream and the references.

A seeded simulation of card transactions (heavy imbalance, amounts, merchants, time
of day, three fraud patterns, one of them appearing half-way through, and chargebacks
that confirm a fraud days later), the point-in-time features a scoring service could
compute at authorisation, and small, obviously correct versions of what the learner
writes (the time-based split, the expected cost, the cost-optimal threshold). The
checks use them to build cases and recognise mistakes; the figures use them so that
they work before the learner has written anything. No checker and no plotting here.
"""

from __future__ import annotations

import math
from fractions import Fraction
from functools import lru_cache

import numpy as np
import pandas as pd

from ...validation import check_int, check_number, check_seed

__all__ = [
    "FEATURES",
    "MERCHANTS",
    "PATTERNS",
    "COST_FORMULAS",
    "Split",
    "add_features",
    "cost_curve",
    "cost_threshold_by",
    "cost_threshold_fast",
    "cost_threshold_reference",
    "expected_cost_reference",
    "feature_matrix",
    "n_test_rows",
    "robust_threshold_case",
    "time_split_reference",
    "transactions",
]

MERCHANTS = (
    "grocery",
    "fuel",
    "restaurant",
    "online",
    "electronics",
    "travel",
    "gift cards",
)
#: The costs the notebook assumes: a false alarm (review and an annoyed customer) and
#: a missed fraud (the average loss), in dollars.
COST_FP = 5.0
COST_FN = 150.0
#: The fraud patterns of the simulation, in the order of the ``pattern`` column.
PATTERNS = ("card testing", "night spree", "gift-card scam")

# legitimate spending: share of transactions, median amount, spread (log scale)
_LEGIT_SHARE = np.array([0.30, 0.14, 0.20, 0.20, 0.06, 0.04, 0.06])
_MEDIAN = np.array([35.0, 45.0, 30.0, 40.0, 180.0, 300.0, 25.0])
_SPREAD = np.array([0.6, 0.4, 0.6, 0.9, 0.8, 0.8, 0.8])
_START = pd.Timestamp("2024-03-04")


# ------------------------------------------------------------------ the time split
class Split(tuple):
    """``(train, test)``, knowing which column is the time (for the checks).

    A plain tuple of two DataFrames in every other respect.
    """

    time_col: str

    def __new__(cls, train, test, time_col):
        split = super().__new__(cls, (train, test))
        split.time_col = time_col
        return split

    def __getnewargs__(self):
        return (self[0], self[1], self.time_col)

    def __deepcopy__(self, memo):
        return Split(self[0].copy(deep=True), self[1].copy(deep=True), self.time_col)


def n_test_rows(n, test_fraction):
    """``ceil(test_fraction · n)``, computed as the contract writes it.

    >>> n_test_rows(10, 0.25), n_test_rows(8, 0.25), n_test_rows(1, 0.3)
    (3, 2, 1)
    """
    return math.ceil(test_fraction * n)


def _check_frame(df, time_col, test_fraction):
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"df must be a pandas DataFrame, got {type(df).__name__}")
    if time_col not in df.columns:
        raise ValueError(
            f"time_col must be a column of df, got {time_col!r}; columns are "
            f"{list(df.columns)}"
        )
    return check_number("test_fraction", test_fraction, 0, 1, open_low=True)


def time_split_reference(df, time_col, test_fraction):
    """Train on the past, test on the future: the latest ``ceil(f · n)`` rows are test.

    Rows are ordered by ``time_col`` with a stable sort (rows with equal times keep
    their order), so the result is unique; the contract allows any order of rows and
    either side for rows tied with the boundary time.

    Parameters
    ----------
    df : pandas.DataFrame
    time_col : str
        The column holding the time (datetimes, ints or floats).
    test_fraction : float
        In (0, 1].

    Returns
    -------
    Split
        ``(train, test)``, each sorted by time, with df's index.

    Examples
    --------
    >>> df = pd.DataFrame({"t": [5, 1, 4, 2, 3]})
    >>> train, test = time_split_reference(df, "t", 0.4)
    >>> train["t"].tolist(), test["t"].tolist()
    ([1, 2, 3], [4, 5])
    """
    test_fraction = _check_frame(df, time_col, test_fraction)
    k = n_test_rows(len(df), test_fraction)
    ordered = df.sort_values(time_col, kind="mergesort")
    cut = len(df) - k
    return Split(ordered.iloc[:cut].copy(), ordered.iloc[cut:].copy(), time_col)


# ------------------------------------------------------------------- expected cost
def _labels(y_true, y_pred):
    y = np.asarray(y_true).astype(np.int64).ravel()
    p = np.asarray(y_pred).astype(np.int64).ravel()
    if y.shape != p.shape:
        raise ValueError(
            f"y_true and y_pred must have one length, got {y.shape} and {p.shape}"
        )
    return y, p


def _exact_cost(name, cost):
    """A cost read as float64 (whatever its NumPy dtype), as an exact fraction."""
    check_number(name, cost, low=0)
    return Fraction(float(cost))


def expected_cost_reference(y_true, y_pred, cost_fp, cost_fn):
    """FP·cost_fp + FN·cost_fn in exact arithmetic, the costs read as float64.

    A NumPy-typed cost (``np.int8(100)``, ``np.float32(0.1)``) is read as float64, as
    every numeric input: its own dtype would wrap (``2 * np.int8(100)`` is -56) or
    round (float32).

    >>> expected_cost_reference([0, 1, 1, 0], [1, 1, 0, 0], 1.0, 10.0)
    11.0
    >>> expected_cost_reference([1, 1], [0, 0], np.int8(5), np.int8(100))
    200.0
    """
    y, p = _labels(y_true, y_pred)
    fp = int(np.sum((y == 0) & (p == 1)))
    fn = int(np.sum((y == 1) & (p == 0)))
    a, b = _exact_cost("cost_fp", cost_fp), _exact_cost("cost_fn", cost_fn)
    return float(fp * a + fn * b)


# ------------------------------------------------------------ cost-optimal threshold
def _scored(y_true, scores):
    y = np.asarray(y_true).astype(np.int64).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    if y.shape != s.shape or y.size == 0:
        raise ValueError(
            f"y_true and scores must be non-empty and of one length, got {y.shape} "
            f"and {s.shape}"
        )
    return y, s


def cost_curve(y_true, scores):
    """For each distinct score t, from high to low: FP and FN of ``scores >= t``.

    Tied scores are one threshold: a group of equal scores is flagged at once.

    Returns
    -------
    thresholds : ndarray of float
        The distinct scores, decreasing.
    fp, fn : ndarray of int
        False positives and false negatives at each threshold.

    Examples
    --------
    >>> t, fp, fn = cost_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    >>> t.tolist(), fp.tolist(), fn.tolist()
    ([0.8, 0.4, 0.35, 0.1], [0, 1, 1, 2], [1, 1, 0, 0])
    """
    y, s = _scored(y_true, scores)
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    # end of each tie group; s[1:] != s[:-1] (not np.diff(s) != 0: -inf - -inf is nan)
    last = np.r_[np.flatnonzero(s[1:] != s[:-1]), len(s) - 1]
    tp = np.cumsum(y)[last]
    fp = last + 1 - tp
    fn = int(y.sum()) - tp
    return s[last], fp, fn


def cost_threshold_reference(y_true, scores, cost_fp, cost_fn):
    """The cost-optimal threshold in exact rational arithmetic; ties to the largest t.

    Every distinct score t is a candidate (predict positive when ``score >= t``); the
    cost FP·cost_fp + FN·cost_fn is computed with :class:`fractions.Fraction` (the
    exact values of the costs read as float64, whatever their NumPy dtype), so equal
    costs tie exactly.

    Parameters
    ----------
    y_true : array-like of 0/1 ints, shape (n_samples,)
    scores : array-like of float, shape (n_samples,)
    cost_fp, cost_fn : float
        Cost of a false alarm and of a missed fraud, >= 0.

    Returns
    -------
    float
        One of the scores.

    Examples
    --------
    >>> cost_threshold_reference([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 1, 1)
    0.8
    >>> cost_threshold_reference([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 1, 5)
    0.35
    """
    a, b = _exact_cost("cost_fp", cost_fp), _exact_cost("cost_fn", cost_fn)
    ts, fp, fn = cost_curve(y_true, scores)
    costs = [a * int(f) + b * int(m) for f, m in zip(fp, fn, strict=True)]
    best = min(costs)
    return float(ts[costs.index(best)])  # the first from the top is the largest t


def cost_threshold_fast(y_true, scores, cost_fp, cost_fn):
    """The cost-optimal threshold in floating point (for figures).

    >>> cost_threshold_fast([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 1, 5)
    0.35
    """
    ts, fp, fn = cost_curve(y_true, scores)
    cost = fp * float(cost_fp) + fn * float(cost_fn)
    return float(ts[np.argmin(cost)])


def cost_threshold_by(y_true, scores, cost_fp, cost_fn, formula):
    """The cost-optimal threshold when the cost is computed by ``formula`` in floats.

    ``formula(fp, fn, flagged, y, cost_fp, cost_fn)`` gives the cost at one threshold
    (``flagged`` is the mask ``scores >= t``); the first of the smallest, from the
    top, wins. The checks keep a random case only when every usual formula
    (:data:`COST_FORMULAS`) agrees with exact arithmetic, so that no correct answer
    loses a mark to the rounding of two mathematically equal costs.
    """
    y, s = _scored(y_true, scores)
    ts = np.unique(s)[::-1]
    costs = []
    for t in ts:
        flagged = s >= t
        fp = int(np.sum(flagged & (y == 0)))
        fn = int(np.sum(~flagged & (y == 1)))
        costs.append(formula(fp, fn, flagged, y, float(cost_fp), float(cost_fn)))
    return float(ts[costs.index(min(costs))])


def _row_sums(fp, fn, flagged, y, cf, cn):
    return float(
        np.sum(np.where(flagged & (y == 0), cf, 0.0))
        + np.sum(np.where(~flagged & (y == 1), cn, 0.0))
    )


def _loop_sums(fp, fn, flagged, y, cf, cn):
    total = 0.0
    for f, label in zip(flagged.tolist(), y.tolist(), strict=True):
        if f and label == 0:
            total += cf
        elif not f and label == 1:
            total += cn
    return total


def _decimal(fp, fn, flagged, y, cf, cn):
    return fp * Fraction(repr(cf)) + fn * Fraction(repr(cn))


def _class_shares(fp, fn, flagged, y, cf, cn):
    n, n_pos = len(y), int(np.sum(y == 1))
    n_neg = n - n_pos
    fpr = fp / n_neg if n_neg else 0.0
    fnr = fn / n_pos if n_pos else 0.0
    return (n_neg / n) * fpr * cf + (n_pos / n) * fnr * cn


#: Ways a correct answer may compute the cost at one threshold, all equal in exact
#: arithmetic: counts times costs (either order), per-row sums (NumPy and a Python
#: loop), costs relative to a false alarm or to a miss, the mean cost, the cost per
#: transaction as costs times the mean of each error (``cost_fp * np.mean(FP mask) +
#: cost_fn * np.mean(FN mask)``, either order), the class shares times the error
#: rates, and the costs read as the decimals they were written as
#: (``Decimal(str(c))``).
COST_FORMULAS = {
    "decimal": _decimal,
    "counts": lambda fp, fn, flagged, y, cf, cn: fp * cf + fn * cn,
    "counts, misses first": lambda fp, fn, flagged, y, cf, cn: fn * cn + fp * cf,
    "row sums": _row_sums,
    "loop": _loop_sums,
    "relative to a false alarm": lambda fp, fn, flagged, y, cf, cn: fp + (cn / cf) * fn,
    "relative to a miss": lambda fp, fn, flagged, y, cf, cn: (cf / cn) * fp + fn,
    "mean": lambda fp, fn, flagged, y, cf, cn: (fp * cf + fn * cn) / len(y),
    "per-transaction means": lambda fp, fn, flagged, y, cf, cn: (
        cf * (fp / len(y)) + cn * (fn / len(y))
    ),
    "per-transaction means, misses first": lambda fp, fn, flagged, y, cf, cn: (
        cn * (fn / len(y)) + cf * (fp / len(y))
    ),
    "class shares times rates": _class_shares,
}


def robust_threshold_case(y_true, scores, cost_fp, cost_fn):
    """Whether every formula of :data:`COST_FORMULAS` finds the exact best threshold."""
    truth = cost_threshold_reference(y_true, scores, cost_fp, cost_fn)
    with np.errstate(all="ignore"):
        return all(
            cost_threshold_by(y_true, scores, cost_fp, cost_fn, f) == truth
            for f in COST_FORMULAS.values()
        )


# --------------------------------------------------------------------------- data
def _hours(rng, n, kind):
    """Hours of the day (floats in [0, 24)) for legitimate spending or a pattern."""
    if kind == "legit":
        peak = rng.choice([12.5, 19.0, 24.0 * rng.random()], size=n, p=[0.5, 0.4, 0.1])
        return (peak + rng.normal(0, 2.6, size=n)) % 24
    if kind == "night":
        return rng.uniform(0.5, 5.5, size=n)
    if kind == "day":
        return rng.uniform(9.0, 21.0, size=n)
    return rng.uniform(0, 24, size=n)


def _bursts(rng, n_days, per_day, fraud_rate, n_cards):
    """Fraud bursts: (day, card, pattern, size) for each compromised card."""
    days = np.arange(n_days)
    # the gift-card scam appears after 40% of the period and grows to most of fraud
    new = np.clip((days / n_days - 0.4) / 0.45, 0, 1) * 0.8
    share = np.c_[0.55 * (1 - new), 0.45 * (1 - new), new]
    mean_size = np.array([3.5, 1.8, 2.0])
    events = []
    for d in days:
        # bursts per day so that about fraud_rate of the day's transactions are fraud
        lam = fraud_rate * per_day / float(share[d] @ mean_size)
        for _ in range(rng.poisson(lam)):
            k = int(rng.choice(3, p=share[d]))
            size = 1 + rng.poisson(mean_size[k] - 1)
            events.append((d, int(rng.integers(n_cards)), k, size))
    return events


@lru_cache(maxsize=4)
def _transactions(n_days, per_day, fraud_rate, seed):
    rng = np.random.default_rng(seed)
    n_cards = max(50, per_day * 4)
    # legitimate transactions: cards of different activity and spending level
    activity = rng.gamma(2.0, 1.0, size=n_cards)
    level = rng.lognormal(0.0, 0.35, size=n_cards)
    counts = rng.poisson(per_day, size=n_days)
    n = int(counts.sum())
    day = np.repeat(np.arange(n_days), counts)
    card = rng.choice(n_cards, size=n, p=activity / activity.sum())
    merchant = rng.choice(len(MERCHANTS), size=n, p=_LEGIT_SHARE)
    amount = _MEDIAN[merchant] * level[card] * rng.lognormal(0, _SPREAD[merchant])
    hour = _hours(rng, n, "legit")
    pattern = np.full(n, -1)
    rows = [(day, hour, card, merchant, amount, pattern)]
    # fraud: bursts on compromised cards
    for d, c, k, size in _bursts(rng, n_days, per_day, fraud_rate, n_cards):
        if k == 0:  # card testing: small online charges minutes apart, any hour
            start = _hours(rng, 1, "any")[0]
            h = start + np.cumsum(rng.uniform(1, 12, size=size)) / 60
            m = rng.choice([3, 6], size=size, p=[0.7, 0.3])
            a = rng.uniform(1.0, 6.0, size=size)
        elif k == 1:  # night spree: expensive goods at night, an hour or so apart
            h = _hours(rng, 1, "night")[0] + np.cumsum(rng.uniform(0, 1.5, size=size))
            m = rng.choice([4, 5], size=size, p=[0.7, 0.3])
            a = rng.lognormal(np.log(650), 0.5, size=size)
        else:  # gift-card scam: ordinary-looking daytime purchases of gift cards
            h = _hours(rng, 1, "day")[0] + np.cumsum(rng.uniform(0, 3, size=size))
            m = np.full(size, 6)
            a = rng.uniform(60, 240, size=size).round(-1)
        rows.append((np.full(size, d), h, np.full(size, c), m, a, [k] * size))
    day, hours, card, merchant, amount, pattern = (
        np.concatenate([r[i] for r in rows]) for i in range(6)
    )
    # a burst that starts late in the evening runs on into the next day
    time = _START + pd.to_timedelta(np.round(day * 86400.0 + hours * 3600.0), unit="s")
    keep = time < _START + pd.Timedelta(days=n_days)
    time, card, merchant, amount, pattern = (
        a[keep] for a in (time, card, merchant, amount, pattern)
    )
    hour = (time - time.normalize()).total_seconds() / 3600
    is_fraud = (pattern >= 0).astype(int)
    delay = np.where(
        is_fraud == 1, np.clip(rng.lognormal(np.log(9), 0.6, len(time)), 1, 60), 0.0
    )
    tx = pd.DataFrame(
        {
            "time": time,
            "card_id": [f"C{c:05d}" for c in card],
            "merchant": pd.Categorical(np.array(MERCHANTS)[merchant], MERCHANTS),
            "amount": np.round(amount, 2).clip(0.5),
            "hour": np.floor(np.asarray(hour) * 100) / 100,
            "is_fraud": is_fraud,
            "pattern": np.where(pattern >= 0, np.array(PATTERNS)[pattern], "legit"),
            "label_delay_days": np.round(delay, 1),
        }
    )
    tx = tx.sort_values("time", kind="mergesort").reset_index(drop=True)
    tx.insert(0, "txn_id", np.arange(len(tx)))
    return tx


def transactions(n_days=60, per_day=400, fraud_rate=0.01, seed=0):
    """A simulated stream of card transactions, in time order.

    Legitimate spending follows each card's activity and spending level, mostly in
    the day and evening. Fraud comes in bursts on compromised cards, in three
    patterns: *card testing* (several tiny online charges minutes apart, any hour),
    *night spree* (expensive electronics or travel at night) and the *gift-card scam*
    (ordinary-looking daytime gift-card purchases), which starts after 40% of the
    period and becomes the most common pattern by the end. A fraud is confirmed by a
    chargeback ``label_delay_days`` after the transaction (a week or two, sometimes
    much more); until then it looks legitimate.

    Parameters
    ----------
    n_days : int, default=60
        Days simulated (14 to 365).
    per_day : int, default=400
        Mean legitimate transactions per day (50 to 5000).
    fraud_rate : float, default=0.01
        Target fraction of fraudulent transactions, in (0, 0.2].
    seed : int, default=0

    Returns
    -------
    pandas.DataFrame
        One row per transaction: ``txn_id, time, card_id, merchant, amount, hour,
        is_fraud, pattern`` ("legit" or a fraud pattern) and ``label_delay_days`` (0
        for legitimate rows).

    Examples
    --------
    >>> tx = transactions(n_days=20, per_day=100)
    >>> tx["time"].is_monotonic_increasing, set(tx["is_fraud"]) == {0, 1}
    (True, True)
    """
    n_days = check_int("n_days", n_days, 14, 365)
    per_day = check_int("per_day", per_day, 50, 5000)
    fraud_rate = check_number("fraud_rate", fraud_rate, 0, 0.2, open_low=True)
    return _transactions(n_days, per_day, fraud_rate, check_seed(seed)).copy()


# ----------------------------------------------------------------------- features
#: Point-in-time features a scoring service can compute at authorisation.
FEATURES = [
    "log_amount",
    "hour_sin",
    "hour_cos",
    "night",
    *[f"merchant_{m.replace(' ', '_')}" for m in MERCHANTS],
    "card_txns_1h",
    "card_txns_24h",
    "log_mins_since_last",
    "amount_vs_card",
]


def _window_counts(card_codes, seconds, window):
    """For each row (sorted by card then time): the card's earlier rows in the window."""
    key = card_codes * 1e9 + seconds
    first = np.searchsorted(key, key - window, side="left")
    return np.arange(len(key)) - first


def add_features(tx):
    """The transactions with point-in-time features (and two card-history columns).

    Every feature of :data:`FEATURES` uses only the transaction itself and the card's
    *earlier* transactions, as a streaming feature store could serve it at
    authorisation: amount (log), time of day, merchant (one-hot), the card's
    transactions in the last hour and day, minutes since its previous transaction and
    the amount against the card's earlier average. Two more columns count the card's
    earlier frauds: ``card_frauds_known`` only those whose chargeback had arrived by
    then (what production knows), ``card_frauds_naive`` all of them (what a training
    table built from today's labels says; it leaks labels that arrived later).

    Parameters
    ----------
    tx : pandas.DataFrame
        From :func:`transactions` (or rows of it).

    Returns
    -------
    pandas.DataFrame
        A copy of ``tx`` in the same row order, with the new columns.
    """
    needed = {"time", "card_id", "merchant", "amount", "hour", "is_fraud"}
    missing = needed - set(getattr(tx, "columns", ()))
    if missing:
        raise ValueError(f"tx lacks the columns {sorted(missing)}")
    out = tx.copy()
    out["log_amount"] = np.log1p(out["amount"])
    angle = 2 * np.pi * out["hour"] / 24
    out["hour_sin"], out["hour_cos"] = np.sin(angle), np.cos(angle)
    out["night"] = (out["hour"] < 6).astype(int)
    for m in MERCHANTS:
        out[f"merchant_{m.replace(' ', '_')}"] = (out["merchant"] == m).astype(int)

    seconds = (out["time"] - _START).dt.total_seconds().to_numpy()
    codes = pd.factorize(out["card_id"])[0]
    order = np.lexsort((seconds, codes))
    c, t = codes[order], seconds[order]
    first_of_card = np.r_[True, c[1:] != c[:-1]]
    gap = np.where(first_of_card, 7 * 86400.0, np.diff(t, prepend=0.0))
    logs = out["log_amount"].to_numpy()[order]
    fraud = out["is_fraud"].to_numpy()[order]
    group_start = np.maximum.accumulate(np.where(first_of_card, np.arange(len(c)), 0))
    before = np.arange(len(c)) - group_start  # the card's earlier transactions
    sum_before = np.cumsum(logs) - logs - (np.cumsum(logs) - logs)[group_start]
    frauds_before = np.cumsum(fraud) - fraud - (np.cumsum(fraud) - fraud)[group_start]
    mean_before = np.divide(sum_before, before, out=logs.copy(), where=before > 0)
    if "label_delay_days" in out:
        arrival = t + out["label_delay_days"].to_numpy()[order] * 86400.0
        known_key = np.sort((c * 1e9 + arrival)[fraud == 1])
        key = c * 1e9 + t
        known = np.searchsorted(known_key, key, side="right") - np.searchsorted(
            known_key, c * 1e9, side="left"
        )
    else:
        known = np.zeros(len(c), dtype=int)
    columns = {
        "card_txns_1h": _window_counts(c, t, 3600.0),
        "card_txns_24h": _window_counts(c, t, 86400.0),
        "log_mins_since_last": np.log1p(np.minimum(gap, 7 * 86400.0) / 60),
        "amount_vs_card": logs - mean_before,
        "card_frauds_known": known,
        "card_frauds_naive": frauds_before,
    }
    back = np.empty_like(order)
    back[order] = np.arange(len(order))
    for name, values in columns.items():
        out[name] = np.asarray(values)[back]
    return out


def feature_matrix(df, extra=()):
    """The model's inputs: :data:`FEATURES` (and ``extra`` columns) as a float array."""
    return df[[*FEATURES, *extra]].to_numpy(dtype=float)
