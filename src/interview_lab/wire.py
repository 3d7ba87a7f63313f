"""Values across the judge's boundary, in a format that cannot run code.

When a submission is graded, the checks run in the grader's process (the judge) and the
learner's functions run in the learner's kernel; what crosses between them is encoded
here as JSON, with arrays inside it as ``.npy`` bytes (read back with
``allow_pickle=False``). Never a pickle: decoding builds numbers, strings, containers,
NumPy arrays and scalars, pandas frames, series and indexes, dates, decimals and
fractions, nothing else.

An object of any other type does not cross. :func:`encode` hands it to ``other`` (the
kernel keeps it behind a numbered handle, the judge sends back the handle's number), and
:func:`decode` hands a ``{"~": "handle"}`` or ``{"~": "ref"}`` node to ``handle`` or
``ref``. A scikit-learn or imbalanced-learn estimator crosses as its description: its
class, which must come from those libraries, and its parameters: it is rebuilt unfitted
on the other side, marked (:data:`FITTED_MARK`) when the original was fitted, so that
scikit-learn's ``check_is_fitted`` gives the same answer on both sides. NumPy dtypes
and scalar types, and the builtin types, cross by name (an encoder's ``dtype=``).
A joblib ``Memory`` (a pipeline's ``memory=`` cache) crosses as a cache that stores
nothing: caching changes where the work is done, never its values, and the judge must
not write where the learner's kernel writes.

Examples
--------
>>> import numpy as np
>>> text = dumps({"a": (1, 2.5), "b": np.arange(3, dtype=np.int8)})
>>> value = loads(text)
>>> value["a"], value["b"].dtype, value["b"].tolist()
((1, 2.5), dtype('int8'), [0, 1, 2])
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import fractions
import importlib
import io
import json
import struct
from collections.abc import Callable
from typing import Any

import numpy as np

__all__ = [
    "ESTIMATOR_MODULES",
    "FITTED_MARK",
    "HEADER",
    "NotSendable",
    "decode",
    "dumps",
    "encode",
    "frame",
    "is_fitted",
    "loads",
]

#: The packages an estimator's class may come from to cross as a description.
ESTIMATOR_MODULES = ("sklearn", "imblearn")
_TAG = "~"
_NATIVE = frozenset({bool, int, float, str, type(None)})


class NotSendable(TypeError):
    """A value the wire cannot carry, and no handle for it."""


def _npy(array: np.ndarray) -> str:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _from_npy(text: str) -> np.ndarray:
    return np.load(io.BytesIO(base64.b64decode(text)), allow_pickle=False)


#: Arrays of at most this many values of these kinds (bool, int, uint, float) cross
#: as JSON numbers, which keep them exactly (a float's repr round-trips, nan and
#: inf included), and much faster than ``.npy`` bytes for a check's many small calls.
SMALL = 256
_SMALL_KINDS = frozenset("biuf")


def _small(array: np.ndarray) -> dict | None:
    if array.size > SMALL or array.dtype.kind not in _SMALL_KINDS:
        return None
    if array.dtype.kind == "f" and array.dtype.itemsize > 8:  # longdouble: npy
        return None
    return {
        _TAG: "array",
        "dtype": array.dtype.str,
        "shape": list(array.shape),
        "v": array.ravel().tolist(),
    }


def _from_small(d: dict) -> np.ndarray:
    dtype = np.dtype(str(d["dtype"]))
    if dtype.kind not in _SMALL_KINDS:
        raise ValueError(f"not a plain numeric dtype: {dtype}")
    return np.array(d["v"], dtype=dtype).reshape([int(n) for n in d["shape"]])


def _numbers(items: list | tuple) -> dict | None:
    """A list's or tuple's items as one node when they are all NumPy scalars of one
    plain numeric type (what iterating an array gives: ``list(idx)``,
    ``[i for i in idx]``), as JSON numbers; decoded, scalars of that type again.
    One node each would cost a thousand times more for a long list."""
    if not items or not isinstance(items[0], np.generic):
        return None
    kind = type(items[0])
    if any(type(x) is not kind for x in items):
        return None
    dtype = items[0].dtype
    if dtype.kind not in _SMALL_KINDS or (dtype.kind == "f" and dtype.itemsize > 8):
        return None
    return {_TAG: "numbers", "dtype": dtype.str, "v": np.array(items, dtype).tolist()}


def _from_numbers(d: dict) -> list:
    return list(_from_small({"dtype": d["dtype"], "shape": [len(d["v"])], "v": d["v"]}))


def _is_estimator(value: Any) -> bool:
    module = type(value).__module__.split(".")[0]
    return module in ESTIMATOR_MODULES and hasattr(value, "get_params")


def _is_memory(value: Any) -> bool:
    cls = type(value)
    return cls.__module__.startswith("joblib.") and cls.__name__ == "Memory"


def encode(value: Any, other: Callable[[Any], dict] | None = None) -> Any:
    """``value`` as JSON-ready data (see the module's docstring)."""

    def enc(v: Any) -> Any:
        # JSON text keeps these exactly (a float's nan, inf and -0.0 too)
        if type(v) in _NATIVE or isinstance(v, str):
            return v
        if isinstance(v, np.ndarray):
            if v.dtype.hasobject:
                return {
                    _TAG: "objects",
                    "shape": list(v.shape),
                    "v": [enc(x) for x in v.ravel().tolist()],
                }
            return _small(v) or {_TAG: "ndarray", "npy": _npy(v)}
        if isinstance(v, np.generic):
            if isinstance(v, np.object_):
                return enc(v.item())
            small = _small(np.asarray(v))
            if small is not None:
                return {**small, _TAG: "number"}
            return {_TAG: "scalar", "npy": _npy(np.asarray(v))}
        if type(v) is list:
            if _NATIVE.issuperset(map(type, v)):  # JSON as it is: no copy
                return v
            return _numbers(v) or [enc(x) for x in v]
        if type(v) is tuple:
            return {_TAG: "tuple", "v": _numbers(v) or [enc(x) for x in v]}
        if type(v) in (set, frozenset):
            return {_TAG: type(v).__name__, "v": [enc(x) for x in v]}
        if type(v) is dict:
            return {_TAG: "dict", "v": [[enc(k), enc(x)] for k, x in v.items()]}
        if type(v) is range:
            return {_TAG: "range", "v": [v.start, v.stop, v.step]}
        if isinstance(v, complex):
            return {_TAG: "complex", "v": [repr(v.real), repr(v.imag)]}
        if isinstance(v, decimal.Decimal):
            return {_TAG: "decimal", "v": str(v)}
        if isinstance(v, fractions.Fraction):
            return {_TAG: "fraction", "v": str(v)}
        frame = _encode_pandas(v, enc)
        if frame is not None:
            return frame
        # subclasses of the containers: a namedtuple keeps its name and fields, the
        # others (OrderedDict, Counter, a list subclass) cross as their base
        if isinstance(v, tuple):
            fields = getattr(type(v), "_fields", None)
            if isinstance(fields, tuple) and len(fields) == len(v):
                return {
                    _TAG: "namedtuple",
                    "name": type(v).__name__,
                    "fields": [str(f) for f in fields],
                    "v": [enc(x) for x in v],
                }
            return enc(tuple(v))
        if isinstance(v, list):
            return enc(list(v))
        if isinstance(v, dict):
            return enc(dict(v))
        if isinstance(v, set | frozenset):
            return enc(frozenset(v) if isinstance(v, frozenset) else set(v))
        if isinstance(v, dt.datetime | dt.date | dt.timedelta):
            return {_TAG: type(v).__name__, "v": _date(v)}
        for base in (int, float):  # subclasses (IntEnum, ...): their value
            if isinstance(v, base):
                return enc(base(v))
        if isinstance(v, np.dtype) and not v.hasobject and v.fields is None:
            return {_TAG: "dtype", "v": v.str}
        if isinstance(v, type) and (v in _TYPES.values() or issubclass(v, np.generic)):
            return {_TAG: "type", "v": _type_name(v)}
        if _is_memory(v):
            return {_TAG: "memory"}
        if _is_estimator(v):
            cls = type(v)
            return {
                _TAG: "estimator",
                "cls": f"{cls.__module__}.{cls.__qualname__}",
                "params": enc(dict(v.get_params(deep=False))),
                "fitted": is_fitted(v),
            }
        if other is not None:
            return other(v)
        raise NotSendable(f"cannot send a value of type {type(v).__qualname__}")

    return enc(value)


#: Types that cross by name (as an estimator's ``dtype=`` parameter, say): these, and
#: NumPy's scalar types.
_TYPES = {t.__name__: t for t in (bool, int, float, complex, str, bytes, object)}


def _type_name(t: type) -> str:
    if t in _TYPES.values():
        return t.__name__
    return f"numpy.{np.dtype(t).type.__name__}" if t is not np.generic else "numpy"


def _type(name: str) -> type:
    if name in _TYPES:
        return _TYPES[name]
    module, _, attr = name.partition(".")
    t = getattr(np, attr, None) if module == "numpy" else None
    if not (isinstance(t, type) and issubclass(t, np.generic)):
        raise NotSendable(f"not a type that crosses: {name!r}")
    return t


#: Set on an estimator rebuilt from a fitted one (its learned state stays behind):
#: scikit-learn's ``check_is_fitted`` then says fitted, as it did for the original.
FITTED_MARK = "fitted_elsewhere_"


def is_fitted(estimator: Any) -> bool:
    """Whether scikit-learn's ``check_is_fitted`` says ``estimator`` is fitted."""
    try:
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(estimator)
    except Exception:  # NotFittedError, or an estimator that cannot say
        return False
    return True


def _namedtuple(name: Any, fields: Any) -> type:
    """A namedtuple class of that name and fields (plain identifiers only)."""
    import collections

    names = [name, *fields] if isinstance(fields, list) else [None]
    if not all(isinstance(n, str) and n.isidentifier() for n in names):
        raise ValueError(f"not a namedtuple: {name!r} {fields!r}")
    return collections.namedtuple(name, fields)


def _date(v: dt.date | dt.timedelta) -> Any:
    if isinstance(v, dt.timedelta):
        return [v.days, v.seconds, v.microseconds]
    return v.isoformat()


def _encode_pandas(v: Any, enc: Callable[[Any], Any]) -> dict | None:
    pd = _pandas()
    if pd is None:
        return None
    if isinstance(v, pd.DataFrame):
        return {
            _TAG: "frame",
            "columns": enc(v.columns),
            "index": enc(v.index),
            "data": [_column(v.iloc[:, i].array, enc) for i in range(v.shape[1])],
        }
    if isinstance(v, pd.Series):
        return {
            _TAG: "series",
            "values": _column(v.array, enc),
            "index": enc(v.index),
            "name": enc(v.name),
        }
    if isinstance(v, pd.Index):
        return {
            _TAG: "index",
            "values": _column(v.array, enc),
            "name": enc(v.name),
            "names": enc(list(v.names)),
        }
    if isinstance(v, pd.Timestamp):
        return {_TAG: "timestamp", "v": v.isoformat()}
    if isinstance(v, pd.Timedelta):
        return {_TAG: "timedelta64", "v": int(v.value)}
    if v is pd.NaT:
        return {_TAG: "NaT"}
    if v is pd.NA:
        return {_TAG: "NA"}
    return None


def _column(array: Any, enc: Callable[[Any], Any]) -> dict:
    """A pandas array: NumPy-backed ones as arrays, others as objects and their dtype."""
    dtype = str(array.dtype)
    numpy_dtype = array.dtype
    if type(numpy_dtype).__name__ in ("NumpyEADtype", "PandasDtype"):
        numpy_dtype = numpy_dtype.numpy_dtype  # a NumPy column, wrapped by pandas
    if isinstance(numpy_dtype, np.dtype) and not numpy_dtype.hasobject:
        return {"dtype": dtype, "v": enc(np.asarray(array))}
    return {"dtype": dtype, "v": [enc(x) for x in array.tolist()]}


def _pandas():
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is a dependency
        return None
    return pd


def decode(
    data: Any,
    handle: Callable[[dict], Any] | None = None,
    ref: Callable[[dict], Any] | None = None,
) -> Any:
    """The value :func:`encode` encoded; handles and refs through the callbacks.

    A list of plain JSON values (numbers, strings, ``None``) comes back as the very
    list in ``data``, not a copy: decode data fresh from ``json.loads``, as
    :func:`loads` does, so that nothing else holds it.
    """

    def dec(d: Any) -> Any:
        if d is None or isinstance(d, bool | int | float | str):
            return d
        if isinstance(d, list):
            if _NATIVE.issuperset(map(type, d)):  # plain JSON, fresh from json.loads
                return d
            return [dec(x) for x in d]
        if not isinstance(d, dict) or _TAG not in d:
            raise ValueError(f"not a wire value: {str(d)[:80]}")
        tag = d[_TAG]
        if tag == "float":
            return float(d["v"])
        if tag == "ndarray":
            return _from_npy(d["npy"])
        if tag == "array":
            return _from_small(d)
        if tag == "number":
            return _from_small(d)[()]
        if tag == "scalar":
            return _from_npy(d["npy"])[()]
        if tag == "objects":
            out = np.empty(len(d["v"]), dtype=object)
            out[:] = [dec(x) for x in d["v"]] if d["v"] else []
            return out.reshape(d["shape"])
        if tag == "numbers":
            return _from_numbers(d)
        if tag == "tuple":
            v = d["v"]
            if isinstance(v, dict) and v.get(_TAG) == "numbers":
                return tuple(_from_numbers(v))
            return tuple(dec(x) for x in v)
        if tag == "namedtuple":
            return _namedtuple(d["name"], d["fields"])(*(dec(x) for x in d["v"]))
        if tag == "set":
            return {dec(x) for x in d["v"]}
        if tag == "frozenset":
            return frozenset(dec(x) for x in d["v"])
        if tag == "dict":
            return {dec(k): dec(x) for k, x in d["v"]}
        if tag == "range":
            return range(*d["v"])
        if tag == "complex":
            return complex(float(d["v"][0]), float(d["v"][1]))
        if tag == "decimal":
            return decimal.Decimal(d["v"])
        if tag == "fraction":
            return fractions.Fraction(d["v"])
        if tag == "datetime":
            return dt.datetime.fromisoformat(d["v"])
        if tag == "date":
            return dt.date.fromisoformat(d["v"])
        if tag == "timedelta":
            return dt.timedelta(*d["v"])
        if tag == "estimator":
            estimator = _rebuild_estimator(d["cls"], dec(d["params"]))
            if d.get("fitted") is True:
                setattr(estimator, FITTED_MARK, True)
            return estimator
        if tag == "memory":
            from joblib import Memory

            return Memory(None, verbose=0)
        if tag == "dtype":
            return np.dtype(str(d["v"]))
        if tag == "type":
            return _type(str(d["v"]))
        if tag == "handle":
            if handle is None:
                raise ValueError("a handle where none is accepted")
            return handle(d)
        if tag == "ref":
            if ref is None:
                raise ValueError("a reference where none is accepted")
            return ref(d)
        return _decode_pandas(tag, d, dec)

    return dec(data)


def _decode_pandas(tag: str, d: dict, dec: Callable[[Any], Any]) -> Any:
    import pandas as pd

    if tag == "frame":
        columns = dec(d["columns"])
        data = {i: _uncolumn(c, dec) for i, c in enumerate(d["data"])}
        frame = pd.DataFrame(data, index=dec(d["index"]), copy=False)
        frame.columns = columns
        return frame
    if tag == "series":
        return pd.Series(
            _uncolumn(d["values"], dec),
            index=dec(d["index"]),
            name=dec(d["name"]),
            copy=False,
        )
    if tag == "index":
        index = pd.Index(_uncolumn(d["values"], dec), name=dec(d["name"]))
        names = dec(d["names"])
        if len(names) == index.nlevels:
            index.names = names
        return index
    if tag == "timestamp":
        return pd.Timestamp(d["v"])
    if tag == "timedelta64":
        return pd.Timedelta(d["v"], unit="ns")
    if tag == "NaT":
        return pd.NaT
    if tag == "NA":
        return pd.NA
    raise ValueError(f"unknown wire tag {tag!r}")


def _uncolumn(column: dict, dec: Callable[[Any], Any]) -> Any:
    import pandas as pd

    values = dec(column["v"])
    if isinstance(values, np.ndarray):
        return values
    return pd.array(values, dtype=column["dtype"])


def _rebuild_estimator(path: str, params: dict) -> Any:
    module_name, _, name = path.rpartition(".")
    if module_name.split(".")[0] not in ESTIMATOR_MODULES or "." in name:
        raise NotSendable(f"not an allowed estimator class: {path!r}")
    cls = getattr(importlib.import_module(module_name), name)
    if not isinstance(cls, type) or not hasattr(cls, "get_params"):
        raise NotSendable(f"not an estimator class: {path!r}")
    return cls(**params)


#: The length before each frame between the judge and the kernel: 8 bytes, big-endian.
HEADER = struct.Struct(">Q")


def frame(message: dict) -> bytes:
    """``message`` as one frame: its length, then its compact JSON."""
    data = json.dumps(message, separators=(",", ":")).encode()
    return HEADER.pack(len(data)) + data


def dumps(value: Any, other: Callable[[Any], dict] | None = None) -> str:
    """``value`` encoded, as JSON text."""
    return json.dumps(encode(value, other), separators=(",", ":"))


def loads(text: str, handle=None, ref=None) -> Any:
    """The value in JSON text made by :func:`dumps`."""
    return decode(json.loads(text), handle, ref)
