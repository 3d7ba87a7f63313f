"""The learner's side of the judge: call the learner's functions, return plain values.

When a notebook is graded, its test cells run in the grader's process
(:mod:`interview_lab.judge`); each learner name they use is a proxy there, and every
use of a proxy becomes one request that :func:`serve`, run in the learner's kernel for
the length of the test cell, answers over a Unix socket: look a name up, call a
function or method on inputs sent as JSON, read an attribute, or run one of the
course's :func:`~interview_lab.checking.kernel_side` functions on a learner's object.
Results go back through :mod:`interview_lab.wire` (JSON and ``.npy``, no pickle);
anything else (an instance of the learner's class, a fitted model) stays here behind
a numbered handle.

A call runs as :class:`~interview_lab.checking.Checker` runs one in the kernel: on
inputs decoded afresh (a second decoding is kept to see what the call changed in
place), silenced, under the time limit, an iterator read into a tuple.

Nothing here can make a check pass: the learner may replace this module, and then
only their own answers change. The judge decides.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import io
import json
import socket
from collections.abc import Callable, Iterator
from typing import Any

from . import wire
from .checking import (
    DEFAULT_TIME_LIMIT,
    _changed_argument,
    _TimeLimitExceeded,
    is_unsolved_stub,
    kernel_side,
    quiet,
    stub_methods,
    time_limit,
)

__all__ = ["serve", "sklearn_clone", "sklearn_is_fitted", "sklearn_tags"]

_objects: dict[int, Any] = {}  # handle number -> object (kept alive while grading)
_numbers: dict[int, int] = {}  # id(object) -> handle number


def _handle(obj: Any) -> dict:
    number = _numbers.get(id(obj))
    if number is None or _objects.get(number) is not obj:
        number = len(_objects) + 1
        _objects[number] = obj
        _numbers[id(obj)] = number
    return {"~": "handle", "id": number, **_describe(obj)}


def _describe(obj: Any) -> dict:
    info: dict[str, Any] = {"type": type(obj).__qualname__}
    if callable(obj):
        info["name"] = str(getattr(obj, "__name__", type(obj).__name__))
        info["stub"] = bool(is_unsolved_stub(obj))
        if inspect.isclass(obj):
            info["stubs"] = stub_methods(obj)
        try:
            info["signature"] = [
                [p.name, int(p.kind), p.default is not inspect.Parameter.empty]
                for p in inspect.signature(obj).parameters.values()
            ]
        except (TypeError, ValueError):
            info["signature"] = None
    return info


def _send(value: Any) -> Any:
    return wire.encode(value, _handle)


def _receive(text: str) -> Any:
    return wire.loads(text, ref=lambda d: _objects[d["id"]])


def _lookup(name: str) -> dict:
    from IPython import get_ipython

    namespace = get_ipython().user_ns
    if name not in namespace:
        return {"missing": True}
    return {"value": _send(namespace[name])}


def _guarded(
    run: Callable[[], Any], seconds: float | None, silenced: bool = False
) -> dict:
    """``{"value": run()}`` run silenced under the time limit, or what went wrong
    (``silenced``: the caller has silenced the block already)."""
    try:
        with contextlib.ExitStack() as stack:
            if not silenced:
                stack.enter_context(quiet())
                stack.enter_context(contextlib.redirect_stdout(io.StringIO()))
            stack.enter_context(time_limit(seconds))
            return {"value": run()}
    except _TimeLimitExceeded:
        return {"timeout": True}
    except Exception as exc:  # the learner's exception, by name, message and kind
        return {"raised": [c.__name__ for c in type(exc).__mro__], "message": str(exc)}


def _call(
    number: int,
    payload: str,
    seconds: float | None,
    after: bool = False,
    *,
    original: tuple | None = None,
    silenced: bool = False,
) -> dict:
    func = _objects[number]
    # the inputs as sent (decoded once per batch), and the call's own copy of them
    args, kwargs = _receive(payload) if original is None else original
    passed_args, passed_kwargs = _receive(payload)

    def run() -> Any:
        got = func(*passed_args, **passed_kwargs)
        return tuple(got) if isinstance(got, Iterator) else got

    answer = _guarded(run, seconds, silenced)
    if "value" in answer:
        answer["value"] = _send(answer["value"])
        answer["changed"] = _changed_argument(
            func, args, kwargs, passed_args, passed_kwargs
        )
        if after:  # the inputs as the call left them
            answer["after"] = _send((passed_args, passed_kwargs))
    return answer


def _calls(number: int, payloads: list, seconds: float | None) -> dict:
    """Several calls of one function, answered at once (a check's loop over seeds):
    each as :func:`_call` answers it, stopping after the first that does not return
    a value cleanly (the check stops there too)."""
    answers: list[dict] = []
    decoded: dict[str, Any] = {}  # each distinct input decoded once
    with quiet(), contextlib.redirect_stdout(io.StringIO()):
        for payload in map(str, payloads):
            try:
                if payload not in decoded:
                    decoded[payload] = _receive(payload)
                answer = _call(
                    number, payload, seconds, original=decoded[payload], silenced=True
                )
            except wire.NotSendable as exc:
                answer = {"unsendable": str(exc)}
            answers.append(answer)
            if "value" not in answer or answer.get("changed") is not None:
                break
    return {"answers": answers}


def _kernel_side(path: str, number: int, payload: str, seconds: float | None) -> dict:
    """A function the course marked :func:`~interview_lab.checking.kernel_side`, run
    here on the learner's object (its module is imported by name, from the course's
    package only)."""
    from .checking import KERNEL_SIDE

    module = path.partition(":")[0]
    if path not in KERNEL_SIDE and module.split(".")[0] == __name__.split(".")[0]:
        importlib.import_module(module)
    func = KERNEL_SIDE.get(path)
    if func is None:
        return {"unsendable": f"not a course function: {path!r}"}
    args, kwargs = _receive(payload)
    answer = _guarded(lambda: func(_objects[number], *args, **kwargs), seconds)
    if "value" in answer:
        answer["value"] = _send(answer["value"])
    return answer


def _getattr(number: int, name: str) -> dict:
    answer = _guarded(lambda: getattr(_objects[number], name), DEFAULT_TIME_LIMIT)
    if "value" in answer:
        answer["value"] = _send(answer["value"])
    return answer


@kernel_side  # a learner's estimator inside a scikit-learn pipeline, cloned there
def sklearn_clone(estimator: Any) -> Any:
    """``sklearn.base.clone`` of a learner's estimator, in the kernel."""
    from sklearn.base import clone

    return clone(estimator, safe=False)  # a function among its parameters, too


@kernel_side
def sklearn_is_fitted(estimator: Any) -> bool:
    """Whether scikit-learn's ``check_is_fitted`` says a learner's estimator is fitted."""
    return wire.is_fitted(estimator)


@kernel_side
def sklearn_tags(estimator: Any) -> dict:
    """scikit-learn's tags of a learner's estimator, as plain data."""
    import dataclasses

    from sklearn.utils import get_tags

    return dataclasses.asdict(get_tags(estimator))


_HANDLERS = {
    "lookup": _lookup,
    "call": _call,
    "calls": _calls,
    "getattr": _getattr,
    "kernel_side": _kernel_side,
}


def serve(path: str) -> None:
    """Serve the judge's requests over the Unix socket at ``path`` until it says end.

    Frames are an 8-byte big-endian length and JSON: ``{"kind": ..., "args": [...]}``
    in, an answer out. Runs in the kernel's main thread (one silent execute request per
    test cell), so the time limits' signals work.
    """
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.connect(path)
        while True:
            request = _read_frame(conn)
            if request is None or request.get("kind") == "end":
                return
            try:
                answer = _HANDLERS[request["kind"]](*request["args"])
            except wire.NotSendable as exc:
                answer = {"unsendable": str(exc)}
            except KeyboardInterrupt:  # the grader interrupted a call past its limit
                answer = {"timeout": True}
            conn.sendall(wire.frame(answer))


def _read_frame(conn: socket.socket) -> dict | None:
    header = _read_exactly(conn, wire.HEADER.size)
    if header is None:
        return None
    (size,) = wire.HEADER.unpack(header)
    body = _read_exactly(conn, size)
    return None if body is None else json.loads(body)


def _read_exactly(conn: socket.socket, n: int) -> bytes | None:
    chunks, got = [], 0
    while got < n:
        chunk = conn.recv(min(n - got, 2**20))
        if not chunk:
            return None
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)
