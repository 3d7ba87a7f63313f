"""How feedback shows values and decides whether two values are equal.

:func:`format_value` writes a value the way feedback shows it (short, numbers to six
digits, long arrays elided); :func:`describe_call` writes a call with its arguments
named; :func:`compare` compares by *value*, never by type: the kind of result first (a
number, an array, a tuple, a dict), then the shape, then the values, with ``nan`` equal
to ``nan`` and ``inf`` to ``inf``. :class:`interview_lab.checking.Checker` uses them
for every check.

Examples
--------
>>> compare([1, 2.0], np.array([1.0, 2.0]), atol=1e-8, rtol=0.0) is None
True
>>> compare(0.5, 2 / 3, atol=1e-8, rtol=0.0)
'value differs'
"""

from __future__ import annotations

import contextlib
import inspect
import math
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from numbers import Number
from typing import Any

import numpy as np

__all__ = [
    "compare",
    "describe_call",
    "every_digit",
    "format_value",
    "kind_of",
    "numeric_gap",
    "silent",
]


@contextlib.contextmanager
def silent():
    """Silence Python warnings and NumPy floating-point warnings inside the block.

    Formatting and comparing a learner's value must not print warnings of its own;
    :func:`~interview_lab.checking.quiet` adds stderr to this for the learner's call.
    """
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        yield


# ----------------------------------------------------------------------------- format


def format_value(value: Any, max_items: int = 12) -> str:
    """Short, readable text for a value shown in feedback.

    >>> format_value(np.array([1.0, 0.5]))
    '[1.0, 0.5]'
    >>> format_value(2 / 3)
    '0.666667'
    >>> format_value(list(range(20)))
    '[0, 1, 2, 3, 4, 5, ..., 16, 17, 18, 19] (20 values)'
    """
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, Number | np.number):
        return _format_number(value)
    if isinstance(value, str):
        return repr(str(value))  # np.str_ too, without its "np.str_(...)" wrapper
    if isinstance(value, Mapping):
        items = ", ".join(
            f"{format_value(k)}: {format_value(v)}" for k, v in value.items()
        )
        return "{" + items + "}"
    if isinstance(value, tuple) and not _is_numeric_array(value):
        return "(" + ", ".join(format_value(v) for v in value) + ")"
    if hasattr(value, "shape") and hasattr(value, "columns"):  # a DataFrame
        return f"DataFrame of shape {value.shape}"
    arr = _as_array(value)
    if arr is not None and arr.dtype.kind in "biufc":  # numbers (strings: below)
        return _format_array(arr, max_items)
    if isinstance(value, np.ndarray) and value.ndim >= 1:  # strings, objects
        value = value.tolist()
    if isinstance(value, Sequence):
        return "[" + ", ".join(format_value(v) for v in value) + "]"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _format_number(x: Any) -> str:
    x = x.item() if isinstance(x, np.generic) else x
    if isinstance(x, float):
        if math.isnan(x) or math.isinf(x):
            return str(x)
        text = f"{x:.6g}"
        return text if any(c in text for c in ".en") else text + ".0"
    return str(x)


def _format_array(arr: np.ndarray, max_items: int) -> str:
    if arr.ndim == 0:
        return _format_number(arr[()])
    if arr.ndim == 1:
        n = arr.shape[0]
        if n > max_items:
            half = max_items // 2
            head = ", ".join(_format_number(v) for v in arr[:half])
            tail = ", ".join(_format_number(v) for v in arr[-half:])
            return f"[{head}, ..., {tail}] ({n} values)"
        return "[" + ", ".join(_format_number(v) for v in arr) + "]"
    if arr.size > max_items * 2:
        return f"array of shape {arr.shape}"
    return "[" + ", ".join(_format_array(row, max_items) for row in arr) + "]"


def _as_array(value: Any) -> np.ndarray | None:
    try:
        with silent():
            return np.asarray(value)
    except Exception:
        return None


def _is_numeric_array(value: Any) -> bool:
    arr = _as_array(value)
    return arr is not None and arr.dtype.kind in "biuf" and arr.ndim >= 1


def describe_call(name: str, func: Callable, args: tuple, kwargs: dict) -> str:
    """Text of a call, naming the parameters: ``precision(y_true=[1], y_pred=[0])``."""
    parts = []
    try:
        bound = inspect.signature(func).bind_partial(*args, **kwargs)
        items = bound.arguments.items()
    except (TypeError, ValueError):
        items = [(None, a) for a in args] + list(kwargs.items())
    for key, val in items:
        text = format_value(val)
        parts.append(text if key is None else f"{key}={text}")
    return f"{name}({', '.join(parts)})"


# ---------------------------------------------------------------------------- compare


def compare(
    got: Any, expected: Any, atol: float, rtol: float, what: str = ""
) -> str | None:
    """Compare by value; return ``None`` when equal, else a reason.

    Checks the kind of result first (a number, an array, a tuple, a dict), then the
    shape, then the values. ``nan`` equals ``nan`` and ``inf`` equals ``inf``.
    """
    label = f"{what} " if what else ""
    if isinstance(expected, Mapping):
        if not isinstance(got, Mapping):
            return f"{label}should be a dict, got {kind_of(got)}"
        if set(got.keys()) != set(expected.keys()):
            return (
                f"{label}has keys {format_value(sorted(got.keys(), key=str))}, "
                f"expected keys {format_value(sorted(expected.keys(), key=str))}"
            )
        for key in expected:
            reason = compare(got[key], expected[key], atol, rtol, f"{what}[{key!r}]")
            if reason:
                return reason
        return None
    if isinstance(expected, tuple):
        table = hasattr(got, "columns")  # iterating a DataFrame yields column names
        if (
            isinstance(got, str | bytes | Mapping)
            or table
            or not isinstance(got, Iterable)
        ):
            return f"{label}should be a tuple of {len(expected)} values, got {kind_of(got)}"
        got = tuple(got)
        if len(got) != len(expected):
            return f"{label}should hold {len(expected)} values, got {len(got)}"
        return None  # components are compared one by one by the caller
    if got is None:
        return f"{label}is None: did you forget to `return` the result?"
    if isinstance(expected, Number | np.number) and not isinstance(expected, bool):
        arr = _numeric(got)
        if arr is None or arr.size != 1:  # a 0-d, (1,) or (1, 1) result is one number
            return f"{label}should be a single number, got {kind_of(got)}"
        value = float(arr.reshape(-1)[0])
        if not _close(np.array([value]), np.array([float(expected)]), atol, rtol):
            return f"{label}value differs"
        return None
    try:
        exp = np.asarray(expected)
    except ValueError:  # ragged, e.g. folds of different sizes: compare item by item
        return _compare_items(got, list(expected), atol, rtol, what)
    if exp.dtype == object and exp.ndim >= 1:
        return _compare_items(got, list(expected), atol, rtol, what)
    arr = _numeric(got)
    if arr is None:
        return f"{label}should be an array of numbers, got {kind_of(got)}"
    if arr.shape != exp.shape:
        return f"{label}has shape {arr.shape}, expected shape {exp.shape}"
    if exp.dtype.kind in "biuf":
        if not _close(arr.astype(float), exp.astype(float), atol, rtol):
            return f"{label}values differ"
    elif not np.array_equal(arr, exp):
        return f"{label}values differ"
    return None


def _compare_items(
    got: Any, expected: list, atol: float, rtol: float, what: str
) -> str | None:
    label = what or "result"
    if isinstance(got, str | bytes | Mapping) or not isinstance(got, Iterable):
        return (
            f"{label} should be a sequence of {len(expected)} items, got {kind_of(got)}"
        )
    got = list(got)
    if len(got) != len(expected):
        return f"{label} should hold {len(expected)} items, got {len(got)}"
    for i, (g, e) in enumerate(zip(got, expected)):
        if isinstance(e, tuple):
            reason = compare(g, e, atol, rtol, f"{label}[{i}]")
            if reason:
                return reason
            e, g = list(e), list(g)
            reason = _compare_items(g, e, atol, rtol, f"{label}[{i}]")
        else:
            reason = compare(g, e, atol, rtol, f"{label}[{i}]")
        if reason:
            return reason
    return None


def _numeric(value: Any) -> np.ndarray | None:
    if isinstance(value, str | bytes | Mapping) or value is None:
        return None
    try:
        with silent():
            arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None
    return arr


def every_digit(value: Any) -> str:
    """Every digit of a single number."""
    return repr(float(np.asarray(value, dtype=float).flat[0]))


def numeric_gap(got: Any, expected: Any) -> float | None:
    """Largest absolute difference of two same-shaped numeric values, else None."""
    a, b = _numeric(got), _numeric(expected)
    if a is None or b is None or a.shape != b.shape or a.size == 0:
        return None
    with silent():
        diff = np.abs(a - b)
    diff = diff[np.isfinite(diff)]
    return float(diff.max()) if diff.size else None


def _close(a: np.ndarray, b: np.ndarray, atol: float, rtol: float) -> bool:
    return bool(np.all(np.isclose(a, b, atol=atol, rtol=rtol, equal_nan=True)))


def kind_of(value: Any) -> str:
    if value is None:
        return "None"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    if hasattr(value, "columns") and hasattr(value, "shape"):
        return f"a DataFrame of shape {value.shape}"
    if isinstance(value, list | tuple):
        return f"a {type(value).__name__} of {len(value)} values"
    return f"a {type(value).__name__} ({format_value(value)})"
