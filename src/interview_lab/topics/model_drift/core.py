"""09_model_drift: references, the drifting stream and the retraining simulation.

Small, obviously correct versions of the two monitors the learner writes (PSI and the
two-sample KS test), a simulated production stream whose inputs drift (covariate
drift) and whose concept drifts, a tiny logistic regression, and the simulation of
retraining policies (none, scheduled, triggered by PSI) under a label delay. No
checker and no plotting here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import stats

from ...validation import check_int, check_number, check_seed

__all__ = [
    "PSI_ALERT",
    "PSI_WATCH",
    "Stream",
    "bin_proportions",
    "cached_policy",
    "drift_stream",
    "false_alarm_rates",
    "fit_logistic",
    "ks_reference",
    "ks_statistic_slow",
    "psi_reference",
    "psi_slow",
    "quantile_edges",
    "simulate_policy",
    "window_monitors",
]

#: The rules of thumb: PSI < 0.1 stable, 0.1-0.25 watch, > 0.25 act.
PSI_WATCH, PSI_ALERT = 0.1, 0.25


# ------------------------------------------------------------------------- the monitors
def quantile_edges(expected, n_bins: int = 10) -> np.ndarray:
    """The ``n_bins - 1`` inner edges: quantiles i/n_bins of ``expected`` (linear)."""
    e = np.asarray(expected, dtype=float).ravel()
    return np.quantile(e, np.arange(1, n_bins) / n_bins)


def bin_proportions(values, edges) -> np.ndarray:
    """Share of ``values`` in each bin ``[edge_i, edge_i+1)`` with outer edges ±inf.

    A value equal to an inner edge goes to the bin above it.
    """
    v = np.asarray(values, dtype=float).ravel()
    idx = np.searchsorted(np.asarray(edges, dtype=float), v, side="right")
    return np.bincount(idx, minlength=len(edges) + 1) / v.size


def psi_reference(expected, actual, n_bins=10, eps=1e-4) -> float:
    """Population stability index, Σ (a − e)·ln(a / e) over quantile bins of expected.

    >>> round(psi_reference([1, 2, 3, 4], [1, 2, 3, 4], n_bins=2), 12)
    0.0
    """
    edges = quantile_edges(expected, n_bins)
    e = np.maximum(bin_proportions(expected, edges), eps)
    a = np.maximum(bin_proportions(actual, edges), eps)
    return float(np.sum((a - e) * np.log(a / e)))


def psi_slow(expected, actual, n_bins=10, eps=1e-4) -> float:
    """PSI written out bin by bin with Python loops (for the tests)."""
    e_vals = [float(x) for x in np.asarray(expected, dtype=float).ravel()]
    a_vals = [float(x) for x in np.asarray(actual, dtype=float).ravel()]
    inner = [
        float(q) for q in np.quantile(e_vals, [i / n_bins for i in range(1, n_bins)])
    ]
    edges = [-np.inf, *inner, np.inf]
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        e = sum(1 for x in e_vals if lo <= x < hi) / len(e_vals)
        a = sum(1 for x in a_vals if lo <= x < hi) / len(a_vals)
        e, a = max(e, eps), max(a, eps)
        total += (a - e) * np.log(a / e)
    return float(total)


def ks_reference(reference, current, alpha=0.05):
    """``(statistic, p_value, drifted)`` of ``scipy.stats.ks_2samp``; drifted = p < alpha."""
    r = np.asarray(reference, dtype=float).ravel()
    c = np.asarray(current, dtype=float).ravel()
    result = stats.ks_2samp(r, c)
    p = float(result.pvalue)
    return float(result.statistic), p, bool(p < alpha)


def ks_statistic_slow(reference, current) -> float:
    """sup |F_ref − F_cur| over every observed value, by counting (for the tests)."""
    r = [float(x) for x in np.asarray(reference, dtype=float).ravel()]
    c = [float(x) for x in np.asarray(current, dtype=float).ravel()]
    best = 0.0
    for x in set(r) | set(c):
        f = sum(v <= x for v in r) / len(r)
        g = sum(v <= x for v in c) / len(c)
        best = max(best, abs(f - g))
    return best


# ------------------------------------------------------------------------- the stream
@dataclass(frozen=True)
class Stream:
    """A simulated production stream, one batch per day.

    Attributes
    ----------
    X : ndarray of shape (n_batches, batch_size, 2)
        The two features of each row.
    y : ndarray of shape (n_batches, batch_size)
        The 0/1 labels.
    bayes : ndarray of shape (n_batches,)
        Accuracy of the true (Bayes) decision rule on each batch: the best any model
        could do that day.
    shift, angle : ndarray of shape (n_batches,)
        How far the mean of feature 0 has moved (covariate drift) and by how many
        radians the true decision boundary has turned (concept drift).
    onset : int
        The first batch that drifts.
    """

    X: np.ndarray
    y: np.ndarray
    bayes: np.ndarray
    shift: np.ndarray
    angle: np.ndarray
    onset: int

    @property
    def n_batches(self) -> int:
        return self.X.shape[0]


def _true_logit(X, angle):
    """Logit of P(y = 1 | x) per row; X (n_batches, n, 2), angle (n_batches,)."""
    w = np.stack([np.cos(np.pi / 4 + angle), np.sin(np.pi / 4 + angle)], axis=-1)
    return 4.0 * (np.einsum("tnj,tj->tn", X, w) - 0.3)


def drift_stream(
    strength: float = 1.0,
    n_batches: int = 60,
    batch_size: int = 400,
    onset: int = 20,
    ramp: int = 15,
    seed: int = 0,
) -> Stream:
    """A stream whose inputs and concept drift from batch ``onset`` on.

    Two standard-normal features; P(y = 1 | x) is a logistic function of a direction
    in the plane. From ``onset`` the mean of feature 0 moves by up to ``1.5 · strength``
    (covariate drift) and the direction turns by up to ``strength · 50°`` (concept
    drift), both growing linearly over ``ramp`` batches and then staying.

    Parameters
    ----------
    strength : float
        0 is a stream with no drift at all.
    n_batches, batch_size, onset, ramp : int
    seed : int

    Returns
    -------
    Stream
    """
    strength = check_number("strength", strength, low=0)
    n_batches = check_int("n_batches", n_batches, low=2)
    batch_size = check_int("batch_size", batch_size, low=1)
    onset = check_int("onset", onset, low=0, high=n_batches)
    ramp = check_int("ramp", ramp, low=1)
    rng = np.random.default_rng(check_seed(seed))
    t = np.arange(n_batches)
    grow = np.clip((t - onset + 1) / ramp, 0, 1) * (t >= onset)
    shift = 1.5 * strength * grow
    angle = np.deg2rad(50) * strength * grow
    X = rng.normal(size=(n_batches, batch_size, 2))
    X[:, :, 0] += shift[:, None]
    logit = _true_logit(X, angle)
    y = (rng.random(logit.shape) < 1 / (1 + np.exp(-logit))).astype(int)
    bayes = np.mean((logit > 0) == (y == 1), axis=1)
    return Stream(X=X, y=y, bayes=bayes, shift=shift, angle=angle, onset=onset)


def fit_logistic(X, y, l2: float = 1e-3, n_iter: int = 25) -> np.ndarray:
    """Weights ``(b, w1, w2, ...)`` of an L2-regularised logistic regression (Newton)."""
    X = np.asarray(X, dtype=float)
    A = np.column_stack([np.ones(len(X)), X])
    y = np.asarray(y, dtype=float)
    w = np.zeros(A.shape[1])
    penalty = l2 * np.eye(A.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(n_iter):
        p = 1 / (1 + np.exp(-A @ w))
        grad = A.T @ (p - y) / len(y) + penalty @ w
        hess = (A * (p * (1 - p))[:, None]).T @ A / len(y) + penalty
        step = np.linalg.solve(hess + 1e-9 * np.eye(len(w)), grad)
        w -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return w


def _scores(w, X):
    return 1 / (1 + np.exp(-(X @ w[1:] + w[0])))


# -------------------------------------------------------------------- the monitoring
def window_monitors(stream: Stream, w, reference_X, window: int = 1) -> dict:
    """PSI, KS and accuracy of a fixed model on each batch (pooled over ``window``).

    The KS p-value is the asymptotic one (``ks_2samp(..., method="asymp")``),
    computed for all batches at once.

    Returns
    -------
    dict of ndarray of shape (n_batches,)
        ``psi_feature`` (feature 0), ``psi_score``, ``ks_p`` (score), ``accuracy``.
    """
    window = check_int("window", window, low=1)
    ref_scores = np.sort(_scores(w, reference_X))
    ref_edges = quantile_edges(ref_scores)
    feat_edges = quantile_edges(reference_X[:, 0])
    e_score = np.maximum(bin_proportions(ref_scores, ref_edges), 1e-4)
    e_feat = np.maximum(bin_proportions(reference_X[:, 0], feat_edges), 1e-4)
    T = stream.n_batches
    out = {"ks_p": np.empty(T)}
    scores = _scores(w, stream.X)
    out["accuracy"] = np.mean((scores >= 0.5) == (stream.y == 1), axis=1)
    # PSI of every window at once: each batch's bin counts, summed over the window
    # (bin_proportions of the pooled rows, without pooling them day by day)
    lo = np.maximum(np.arange(T) - window + 1, 0)
    for key, values, edges, e in [
        ("psi_score", scores, ref_edges, e_score),
        ("psi_feature", stream.X[:, :, 0], feat_edges, e_feat),
    ]:
        counts = np.zeros((T + 1, len(edges) + 1))
        bins = np.searchsorted(edges, values, side="right")  # (T, batch_size)
        for b in range(len(edges) + 1):
            counts[1:, b] = np.cumsum(np.sum(bins == b, axis=1))
        pooled = counts[np.arange(T) + 1] - counts[lo]
        a = np.maximum(pooled / pooled.sum(axis=1, keepdims=True), 1e-4)
        out[key] = np.sum((a - e) * np.log(a / e), axis=1)
    d, en = np.empty(T), np.empty(T)
    for t in range(T):
        s = np.sort(scores[lo[t] : t + 1].ravel())
        pooled = np.concatenate([ref_scores, s])
        f = np.searchsorted(ref_scores, pooled, side="right") / ref_scores.size
        g = np.searchsorted(s, pooled, side="right") / s.size
        d[t] = np.max(np.abs(f - g))
        en[t] = ref_scores.size * s.size / (ref_scores.size + s.size)
    out["ks_p"] = np.clip(stats.kstwo.sf(d, np.round(en)), 0, 1)
    return out


def simulate_policy(
    stream: Stream,
    policy: str = "none",
    every: int = 10,
    threshold: float = PSI_ALERT,
    window: int = 1,
    label_delay: int = 3,
    train_batches: int = 3,
    accuracy_drop: float = 0.05,
) -> dict:
    """Run one retraining policy over the stream.

    The model is first trained on batches ``0 .. train_batches - 1``. Labels arrive
    ``label_delay`` batches late, so a retrain at batch t uses the labelled batches
    ``t - label_delay - train_batches + 1 .. t - label_delay`` and serves from t + 1.

    Parameters
    ----------
    policy : {"none", "scheduled", "triggered"}
        Never retrain; retrain every ``every`` batches; or retrain on an alert: the
        PSI of the score over the last ``window`` batches (against the current
        model's training data) above ``threshold``, or, once the labels of batch
        ``t - label_delay`` arrive, its accuracy more than ``accuracy_drop`` below
        the model's accuracy on its training data.

    Returns
    -------
    dict
        ``accuracy`` and ``psi`` (per batch, nan before serving starts),
        ``psi_alerts``, ``accuracy_alerts`` and ``retrains`` (batch indices),
        ``lost`` (mean accuracy below the Bayes rule, in points) and
        ``lost_before_retrain`` (points below the Bayes rule, summed over the
        batches from the onset of drift to the first retrain after it).
    """
    if policy not in ("none", "scheduled", "triggered"):
        raise ValueError(
            f"policy must be one of ['none', 'scheduled', 'triggered'], got {policy!r}"
        )
    every = check_int("every", every, low=1)
    window = check_int("window", window, low=1)
    label_delay = check_int("label_delay", label_delay, low=0)
    train_batches = check_int("train_batches", train_batches, low=1)
    T = stream.n_batches

    def train(last):  # fit on the labelled batches last-train_batches+1 .. last
        first = max(0, last - train_batches + 1)
        Xr = stream.X[first : last + 1].reshape(-1, 2)
        yr = stream.y[first : last + 1].ravel()
        w = fit_logistic(Xr, yr)
        s = _scores(w, Xr)
        edges = quantile_edges(s)
        e = np.maximum(bin_proportions(s, edges), 1e-4)
        return w, edges, e, float(np.mean((s >= 0.5) == (yr == 1)))

    w, edges, e, base = train(train_batches - 1)
    start = since = train_batches  # since: the first batch the current model serves
    accuracy, psi = np.full(T, np.nan), np.full(T, np.nan)
    psi_alerts, accuracy_alerts, retrains = [], [], []
    for t in range(start, T):
        s = _scores(w, stream.X[t])
        accuracy[t] = np.mean((s >= 0.5) == (stream.y[t] == 1))
        lo = max(since, t - window + 1)
        pooled = _scores(w, stream.X[lo : t + 1].reshape(-1, 2))
        a = np.maximum(bin_proportions(pooled, edges), 1e-4)
        psi[t] = np.sum((a - e) * np.log(a / e))
        fire = False
        if psi[t] > threshold:
            psi_alerts.append(t)
            fire = True
        known = t - label_delay  # the newest batch whose labels have arrived
        if known >= since and accuracy[known] < base - accuracy_drop:
            accuracy_alerts.append(t)
            fire = True
        due = policy == "scheduled" and (t - start + 1) % every == 0
        due = due or (policy == "triggered" and fire)
        if due and t + 1 < T and known >= 0:
            w, edges, e, base = train(known)
            retrains.append(t)
            since = t + 1
    gap = stream.bayes - accuracy
    after = [r for r in retrains if r >= stream.onset]
    end = after[0] + 1 if after else T
    return {
        "accuracy": accuracy,
        "psi": psi,
        "psi_alerts": psi_alerts,
        "accuracy_alerts": accuracy_alerts,
        "retrains": retrains,
        "lost": 100 * float(np.mean(gap[start:])),
        "lost_before_retrain": 100 * float(np.sum(gap[stream.onset : end])),
    }


@lru_cache(maxsize=64)
def cached_policy(strength, window, policy="triggered", every=10, seed=0):
    """:func:`simulate_policy` on :func:`drift_stream` (cached for the explorer)."""
    stream = drift_stream(strength, seed=seed)
    return stream, simulate_policy(stream, policy, every=every, window=window)


@lru_cache(maxsize=8)
def false_alarm_rates(
    sizes=(100, 300, 1000, 3000, 10000),
    shift: float = 0.0,
    n_reps: int = 100,
    alpha: float = 0.05,
    seed: int = 0,
) -> dict:
    """How often PSI > 0.1 and KS p < alpha fire when nothing (or little) changed.

    Reference and current samples of each size are drawn from N(0, 1) and
    N(shift, 1); ``shift=0`` is a stream with no drift, a small shift (0.05 sd) one
    whose drift does not matter.

    Returns
    -------
    dict
        ``sizes`` and, per size, the alarm rate of ``psi`` and of ``ks``.
    """
    rng = np.random.default_rng(check_seed(seed))
    psi_rate, ks_rate = [], []
    for n in sizes:
        n = check_int("size", n, low=2)
        ref = rng.normal(size=(n_reps, n))
        cur = rng.normal(shift, 1, size=(n_reps, n))
        # PSI of every pair at once: a value's bin is the number of edges <= it
        edges = np.quantile(ref, np.arange(1, 10) / 10, axis=1).T[:, None, :]
        e_bin = np.sum(ref[:, :, None] >= edges, axis=2)
        c_bin = np.sum(cur[:, :, None] >= edges, axis=2)
        e = np.maximum(np.stack([np.mean(e_bin == b, 1) for b in range(10)], 1), 1e-4)
        a = np.maximum(np.stack([np.mean(c_bin == b, 1) for b in range(10)], 1), 1e-4)
        psi = np.sum((a - e) * np.log(a / e), axis=1)
        # KS statistic of equal-size samples: the walk +1/n, -1/n along the pooled order
        order = np.argsort(np.concatenate([ref, cur], axis=1), axis=1)
        steps = np.where(order < n, 1.0, -1.0) / n
        d = np.max(np.abs(np.cumsum(steps, axis=1)), axis=1)
        p = stats.kstwo.sf(d, round(n / 2))  # ks_2samp's asymptotic p-value
        psi_rate.append(float(np.mean(psi > PSI_WATCH)))
        ks_rate.append(float(np.mean(p < alpha)))
    return {
        "sizes": np.asarray(sizes),
        "psi": np.array(psi_rate),
        "ks": np.array(ks_rate),
    }
