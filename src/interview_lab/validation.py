"""Argument validation for the package's public functions, written once.

Each function returns the value in its plain Python (or NumPy) form, or raises an
error whose message names the argument and echoes the bad value, as scikit-learn's
``validate_params`` does: ``n_folds must be an int from 2 to 10, got 11``.

Examples
--------
>>> check_int("n_folds", 3, low=2)
3
>>> check_int("n_folds", 1, low=2)
Traceback (most recent call last):
...
ValueError: n_folds must be an int >= 2, got 1
>>> check_number("noise", 0.3, low=0)
0.3
>>> check_number("prevalence", 1.5, low=0, high=1, open_low=True, open_high=True)
Traceback (most recent call last):
...
ValueError: prevalence must be a finite number in (0, 1), got 1.5
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from numbers import Integral, Real

import numpy as np

__all__ = ["check_choice", "check_int", "check_number", "check_seed", "check_xy"]


def _bounds(low, high, open_low: bool = False, open_high: bool = False) -> str:
    if low is not None and high is not None:
        if not open_low and not open_high and isinstance(low, int):
            return f"from {low} to {high}"
        return f"in {'(' if open_low else '['}{low}, {high}{')' if open_high else ']'}"
    if low is not None:
        return f"{'>' if open_low else '>='} {low}"
    if high is not None:
        return f"{'<' if open_high else '<='} {high}"
    return ""


def check_int(name: str, value, low: int | None = None, high: int | None = None) -> int:
    """``value`` as an int within ``[low, high]``.

    Raises
    ------
    TypeError
        When ``value`` is not an integer (``True`` is not one here).
    ValueError
        When it is out of bounds.
    """
    if isinstance(value, bool | np.bool_) or not isinstance(value, Integral):
        raise TypeError(f"{name} must be an int, got {value!r}")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{name} must be an int {_bounds(low, high)}, got {value!r}")
    return int(value)


def check_number(
    name: str,
    value,
    low: float | None = None,
    high: float | None = None,
    *,
    open_low: bool = False,
    open_high: bool = False,
) -> float:
    """``value`` as a finite float within bounds (closed unless ``open_*``).

    Raises
    ------
    TypeError
        When ``value`` is not a real number.
    ValueError
        When it is not finite or out of bounds.
    """
    if isinstance(value, bool | np.bool_) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a number, got {value!r}")
    v = float(value)
    bad = not math.isfinite(v)
    if low is not None:
        bad = bad or (v <= low if open_low else v < low)
    if high is not None:
        bad = bad or (v >= high if open_high else v > high)
    if bad:
        bounds = _bounds(low, high, open_low, open_high)
        text = f"{name} must be a finite number {bounds}".rstrip()
        raise ValueError(f"{text}, got {value!r}")
    return v


def check_seed(seed, name: str = "seed") -> int:
    """``seed`` as an int, or a ValueError naming it when it is not a seed.

    >>> check_seed(3)
    3
    >>> check_seed(-1)
    Traceback (most recent call last):
    ...
    ValueError: seed must be a non-negative int, got -1
    """
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise ValueError(f"{name} must be a non-negative int, got {seed!r}")
    return int(seed)


def check_choice(name: str, value, options: Iterable):
    """``value`` when it is one of ``options``, else a ValueError listing them.

    >>> check_choice("kind", "over", ("under", "over"))
    'over'
    """
    options = list(options)
    if value not in options:
        raise ValueError(f"{name} must be one of {options}, got {value!r}")
    return value


def check_xy(X, y) -> tuple[np.ndarray, np.ndarray]:
    """``X`` as a 2-D float array and ``y`` as a matching 1-D float array.

    >>> X, y = check_xy([[1, 2], [3, 4]], [0, 1])
    >>> X.shape, y.shape
    ((2, 2), (2,))
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if y.shape != (X.shape[0],):
        raise ValueError(
            f"y must have shape ({X.shape[0]},) to match X {X.shape}, got {y.shape}"
        )
    return X, y
