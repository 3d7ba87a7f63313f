"""Small offline datasets for the notebooks.

Nothing here downloads: data is generated from a seed (topic modules also use the
copies that ship inside scikit-learn, such as ``load_diabetes``). Every function takes
``seed`` and returns the same data for the same seed.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .validation import check_int, check_number, check_seed

__all__ = ["screening_scores"]


@lru_cache(maxsize=8)
def _screening_pool(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-sample scores of a logistic regression on a balanced synthetic problem."""
    from sklearn.datasets import make_classification
    from sklearn.linear_model import LogisticRegression

    X, y = make_classification(
        n_samples=12_000,
        n_features=10,
        n_informative=4,
        n_redundant=2,
        class_sep=1.6,
        flip_y=0.02,
        weights=[0.5],
        random_state=seed,
    )
    model = LogisticRegression(max_iter=1000).fit(X[:4000], y[:4000])
    scores = model.predict_proba(X[4000:])[:, 1]
    return y[4000:], scores


def screening_scores(
    prevalence: float = 0.5, n_negative: int = 3000, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Labels and model scores of a screening problem at a chosen class balance.

    A logistic regression is trained on a synthetic two-class problem (scikit-learn's
    ``make_classification``) and scores a held-out set. The same scored population is
    then subsampled so that a fraction ``prevalence`` of the cases is positive: the
    model does not change, only how rare the positives are. This is how a fraud or
    disease screening model looks when the base rate drops.

    Parameters
    ----------
    prevalence : float, default=0.5
        Fraction of positives, strictly between 0 and 1.
    n_negative : int, default=3000
        Number of negatives kept (at most 3900).
    seed : int, default=0
        Seed of the data, the model and the subsampling.

    Returns
    -------
    y_true : ndarray of shape (n_samples,)
        0/1 labels.
    scores : ndarray of shape (n_samples,)
        The model's predicted probability of the positive class.

    Examples
    --------
    >>> y, s = screening_scores(prevalence=0.1, n_negative=900)
    >>> y.shape, round(float(y.mean()), 2)
    ((1000,), 0.1)
    """
    prevalence = check_number(
        "prevalence", prevalence, 0, 1, open_low=True, open_high=True
    )
    n_negative = check_int("n_negative", n_negative, 1, 3900)
    seed = check_seed(seed)
    y_all, s_all = _screening_pool(seed)
    rng = np.random.default_rng(seed)
    neg = np.flatnonzero(y_all == 0)
    pos = np.flatnonzero(y_all == 1)
    n_pos = max(1, round(n_negative * prevalence / (1 - prevalence)))
    if n_pos > len(pos):
        raise ValueError(
            f"prevalence={prevalence!r} needs {n_pos} positives with n_negative="
            f"{n_negative}, but only {len(pos)} exist: lower n_negative"
        )
    keep = np.concatenate(
        [
            rng.choice(neg, size=n_negative, replace=False),
            rng.choice(pos, size=n_pos, replace=False),
        ]
    )
    keep = rng.permutation(keep)
    return y_all[keep].astype(int), s_all[keep]
