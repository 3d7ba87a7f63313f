"""Learner-facing checks: run a learner's function and explain the first failure.

Every test cell in the course uses :class:`Checker`. It

* calls the learner's function on deep copies of the inputs (so a function that changes
  its arguments cannot change the test), with warnings and stderr silenced (nbgrader
  scores any test cell that writes to stderr as 0) and a time limit;
* compares the result with the expected value by *value*, never by type: a NumPy scalar,
  a Python float, a list or an array are all fine when the numbers agree; it checks the
  kind of result first, then the shape, then the values;
* on the first failure raises :class:`CheckFailed` with a message that names the input,
  what was expected, what came back and a hint, using a catalogue of common mistakes
  (:class:`Mistake`) to say *why* the answer is wrong when it can.

Examples
--------
>>> def precision(y_true, y_pred):
...     return 0.5
>>> check = Checker(precision)
>>> check([1, 0, 1], [1, 1, 1], expect=2 / 3)
Traceback (most recent call last):
...
interview_lab.checking.CheckFailed: precision(y_true=[1, 0, 1], y_pred=[1, 1, 1])
  expected: 0.666667
  returned: 0.5
"""

from __future__ import annotations

import contextlib
import contextvars
import copy
import functools
import hashlib
import inspect
import io
import logging
import os
import pickle
import signal
import sys
import threading
from collections.abc import (
    Callable,
    Collection,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .values import (
    compare,
    describe_call,
    every_digit,
    format_value,
    kind_of,
    numeric_gap,
    silent,
)

__all__ = [
    "Case",
    "CheckFailed",
    "Checker",
    "Exercise",
    "Exercises",
    "Mistake",
    "copied",
    "current_time_limit",
    "is_unsolved_stub",
    "judge_changed",
    "kernel_side",
    "load_remembered",
    "quiet",
    "remembered",
    "remembered_digests",
    "save_remembered",
    "stub_methods",
    "time_limit",
]

#: CPU seconds a single call of a learner's function may use before it is stopped
#: (see :func:`time_limit`: a call is also stopped after twice as many seconds of wall
#: time, whatever it was doing).
DEFAULT_TIME_LIMIT = 10.0
#: Wall-clock seconds a call may take, as a multiple of its CPU limit.
WALL_FACTOR = 2.0
_MISSING = object()
#: Set while test cells run in the judge: a learner's function then runs in its own
#: kernel, which enforces the time limit (see :mod:`interview_lab.judge`).
_JUDGING: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "judging", default=False
)
_LIMIT: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "limit", default=DEFAULT_TIME_LIMIT
)


def current_time_limit() -> float | None:
    """The CPU seconds of the innermost :func:`time_limit` block (for the judge)."""
    return _LIMIT.get()


def _remote(func: Any) -> bool:
    """Whether ``func`` is the judge's proxy for a function in the learner's kernel."""
    return bool(getattr(type(func), "_judge_remote", False))


def judge_changed(func: Any) -> str | None:
    """The argument a judged call of ``func`` changed in place in the learner's kernel.

    The judge records it on its proxy after each call (``None`` when nothing changed,
    or when ``func`` ran here); a wrapper that makes such calls passes it on."""
    return getattr(func, "__dict__", {}).get("_judge_changed")


#: The functions :func:`kernel_side` registered, by ``module:qualname``.
KERNEL_SIDE: dict[str, Callable] = {}


def kernel_side(func: Callable) -> Callable:
    """Run ``func`` where its first argument lives.

    A check that needs more of a learner's function than its return values (the
    warnings it raises, a run in a fresh process, the function with a name in its
    module swapped) is written as a function of the learner's function and marked
    with this decorator. Called on a function in this process, it runs here. Called
    while grading on the judge's proxy (:mod:`interview_lab.judge`), it runs in the
    learner's kernel, on the learner's function itself, and only its result comes
    back, as data or as another proxy: what it reports is then as trustworthy as the
    learner's return values, and the judging stays with the judge.

    Its other arguments and its result must cross the judge's wire
    (:mod:`interview_lab.wire`).
    """
    path = f"{func.__module__}:{func.__qualname__}"
    KERNEL_SIDE[path] = func

    @functools.wraps(func)
    def run(obj: Any, *args: Any, **kwargs: Any) -> Any:
        if _remote(obj):
            return vars(obj)["_judge"].kernel_side(path, obj, args, kwargs)
        return func(obj, *args, **kwargs)

    return run


class CheckFailed(AssertionError):
    """A learner's answer failed a check; the message says what and why."""


class _TimeLimitExceeded(BaseException):
    """Raised inside a learner's function when it runs too long.

    A ``BaseException`` so that a bare ``except Exception`` in the learner's code does
    not swallow it.
    """


@dataclass(frozen=True)
class Mistake:
    """A common wrong answer and the hint that explains it.

    Parameters
    ----------
    compute : callable
        Takes the same arguments as the exercise and returns what the mistaken version
        would return.
    hint : str
        Shown when the learner's result equals ``compute(...)`` but not the expected
        value.
    """

    compute: Callable[..., Any]
    hint: str


@dataclass(frozen=True)
class Exercise:
    """One exercise, declared once: everything the checks know about it.

    Parameters
    ----------
    name : str
        The function's (or class's) name, which is also its answer cell's ``grade_id``.
    hint : str
        The default hint, shown when no known mistake explains a failure.
    mistakes : sequence of Mistake
        Common wrong answers, most specific first; the first one whose result matches
        the learner's gives the hint.
    parts : sequence of str, optional
        Names of the parts of a tuple result, e.g. ``("fpr", "tpr", "thresholds")``.
    reference : callable, optional
        A trusted implementation. It is the checker's default reference, and the
        contract test tells every mistake from it.
    cases : callable, optional
        ``cases()`` yields argument tuples on which every mistake differs from the
        reference and, fed to the checker, is recognised with its hint.
    equal : callable, optional
        ``equal(got, expected)`` returns ``None`` when a result is right, else the
        problem in words; replaces the checker's comparison by value (for results
        such as folds, whose equality is not numeric closeness).
    show_values : bool, default=True
        Whether a failure shows the expected and returned values (off when the
        ``equal`` problem already names them).
    """

    name: str
    hint: str
    mistakes: Sequence[Mistake] = ()
    parts: Sequence[str] | None = None
    reference: Callable[..., Any] | None = None
    cases: Callable[[], Iterable[tuple]] | None = None
    equal: Callable[[Any, Any], str | None] | None = None
    show_values: bool = True


@contextlib.contextmanager
def quiet():
    """Silence warnings, NumPy floating-point warnings, logging and stderr inside the
    block.

    nbgrader gives 0 points to a test cell that writes anything to stderr, so a correct
    answer that happens to trigger a harmless ``RuntimeWarning``, or that logs its
    progress (a ``logging`` handler keeps the stderr it was created with, out of reach
    of a redirection), must not cost marks.
    """
    previous = logging.root.manager.disable
    if previous < logging.CRITICAL:  # each change walks every logger: not when nested
        logging.disable(logging.CRITICAL)
    try:
        with silent(), contextlib.redirect_stderr(io.StringIO()), _stderr_fd_silenced():
            yield
    finally:
        if logging.root.manager.disable != previous:
            logging.disable(previous)


@contextlib.contextmanager
def _stderr_fd_silenced():
    """Send what is written to file descriptor 2 inside the block to /dev/null.

    ``sys.__stderr__``, compiled code and child processes write there, past any
    ``sys.stderr`` redirection, and the kernel forwards it to the cell as stderr.
    """
    try:
        saved = os.dup(2)
    except OSError:  # no descriptor 2: nothing to silence
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        with contextlib.suppress(Exception):
            sys.__stderr__.flush()
        os.dup2(saved, 2)
        os.close(saved)


@contextlib.contextmanager
def time_limit(seconds: float | None, wall_factor: float = WALL_FACTOR):
    """Stop the block with an error after ``seconds`` of CPU time, or after
    ``wall_factor * seconds`` of wall time (main thread, POSIX only).

    CPU time (of the whole process, every thread) does not depend on how busy the
    machine is, so a correct answer is not stopped because the grader shares its
    cores; the wall-clock backstop stops a block that waits rather than computes
    (``time.sleep``, ``input()``).
    """
    usable = (
        seconds is not None
        and not _JUDGING.get()
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    token = _LIMIT.set(seconds)
    try:
        if not usable:
            yield
            return
        with _timers(seconds, wall_factor):
            yield
    finally:
        _LIMIT.reset(token)


@contextlib.contextmanager
def _timers(seconds: float, wall_factor: float):

    def _stop(signum, frame):
        raise _TimeLimitExceeded

    previous = {
        sig: signal.signal(sig, _stop) for sig in (signal.SIGPROF, signal.SIGALRM)
    }
    signal.setitimer(signal.ITIMER_PROF, seconds)
    signal.setitimer(signal.ITIMER_REAL, seconds * wall_factor)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# ------------------------------------------------------------------------------ stubs


def is_unsolved_stub(func: Callable) -> bool:
    """Whether ``func`` is still nbgrader's stub: a docstring, then only
    ``raise NotImplementedError()`` (comments aside).

    Test cells fail at once on a stub, so that a test cell whose checks are all hidden
    still fails on the released notebook (``nbgrader validate --invert``).

    >>> def f(x):
    ...     'Docstring.'
    ...     # YOUR CODE HERE
    ...     raise NotImplementedError()
    >>> is_unsolved_stub(f), is_unsolved_stub(abs)
    (True, False)
    """
    import ast
    import textwrap

    if _remote(func):
        return bool(vars(func).get("_judge_stub"))
    if not inspect.isfunction(func):
        return False
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
    except (OSError, TypeError, SyntaxError, IndentationError):
        return False
    if not tree.body or not isinstance(
        tree.body[0], ast.FunctionDef | ast.AsyncFunctionDef
    ):
        return False
    body = tree.body[0].body
    if (
        body
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
    ):
        body = body[1:]  # the docstring
    if len(body) != 1 or not isinstance(body[0], ast.Raise) or body[0].exc is None:
        return False
    exc = body[0].exc
    target = exc.func if isinstance(exc, ast.Call) else exc
    return isinstance(target, ast.Name) and target.id == "NotImplementedError"


# ---------------------------------------------------------------------------- checker


def stub_methods(cls: type) -> list[str]:
    """The methods a class defines that are still nbgrader's stub, in their order."""
    return [
        name
        for name, member in vars(cls).items()
        if inspect.isfunction(member) and is_unsolved_stub(member)
    ]


_ATOMS = frozenset({int, float, complex, bool, str, bytes, type(None)})


def copied(args: tuple, kwargs: dict) -> tuple[tuple, dict]:
    """``copy.deepcopy`` of a call's inputs, ``(args, kwargs)``, quicker on the
    course's usual ones.

    A list of plain numbers or strings is copied as a list, a NumPy array without
    objects as an array (``order="K"``, as ``deepcopy`` does); everything else goes
    through ``deepcopy``. One memo serves them all, so an input passed twice is
    still one object in the copy. ``deepcopy`` takes about 12 ms for a list of
    100,000 numbers, this 1.5 ms; a check copies its inputs for the learner's
    function and for the reference, on every call.

    Examples
    --------
    >>> xs = [1, 2.5, None]
    >>> (a, b), kw = copied((xs, xs), {"k": [xs]})
    >>> a == xs and a is not xs and a is b and kw["k"][0] is a
    True
    """
    memo: dict[int, Any] = {}

    def one(value: Any) -> Any:
        if id(value) in memo:
            return memo[id(value)]
        if type(value) is list and _ATOMS.issuperset(map(type, value)):
            copy_ = value[:]
        elif type(value) is np.ndarray and not value.dtype.hasobject:
            copy_ = value.copy(order="K")
        else:
            return copy.deepcopy(value, memo)
        memo[id(value)] = copy_
        return copy_

    return tuple(one(a) for a in args), {k: one(v) for k, v in kwargs.items()}


#: Results of references already computed in this process, by a digest of the
#: reference and its inputs (see :func:`remembered`), and the bytes they take.
_REMEMBERED: dict[bytes, Any] = {}
_REMEMBERED_BYTES = [0]
#: At most this many bytes of results are remembered (pickled size).
REMEMBER_BYTES = 256 * 2**20


def _named(value: Any) -> tuple | None:
    """How to name a value a reference reads: a module by its name, a function or
    class by where it is importable from (when it is that very object there), or a
    plain constant by itself; None for anything else (a learner's function)."""
    if inspect.ismodule(value):
        return ("module", value.__name__)
    module = sys.modules.get(getattr(value, "__module__", None) or "")
    qualname = getattr(value, "__qualname__", "")
    if module is not None and "<" not in qualname and module.__name__ != "__main__":
        found: Any = module
        for part in qualname.split("."):
            found = getattr(found, part, None)
        if found is value:
            return ("object", module.__name__, qualname)
    if type(value) in _ATOMS:
        return ("value", value)
    return None


def _global_names(code: Any) -> set[str]:
    """The global names a code object (and the code nested in it) loads."""
    import dis

    names = {
        ins.argval
        for ins in dis.get_instructions(code)
        if ins.opname in ("LOAD_GLOBAL", "LOAD_NAME")
    }
    for const in code.co_consts:
        if inspect.iscode(const):
            names |= _global_names(const)
    return names


def _code_identity(code: Any) -> tuple:
    return (
        code.co_code,
        code.co_names,
        tuple(
            _code_identity(c) if inspect.iscode(c) else repr(c) for c in code.co_consts
        ),
    )


def _describe(reference: Callable) -> tuple | None:
    """What decides a reference's result besides its inputs, or None when that
    cannot be said: for an importable function, its name; for another Python
    function (a lambda in a test cell), its code, defaults, closure and the globals
    it reads, each of which must be named (:func:`_named`)."""
    named = _named(reference)
    if named is not None and named[0] == "object":
        return named
    if not inspect.isfunction(reference):
        return None
    import builtins

    reads = []
    for name in sorted(_global_names(reference.__code__)):
        if name in reference.__globals__:
            value = reference.__globals__[name]
        elif hasattr(builtins, name):
            continue
        else:
            return None
        described = _named(value)
        if described is None:
            return None
        reads.append((name, described))
    cells = tuple(c.cell_contents for c in reference.__closure__ or ())
    return (
        "code",
        _code_identity(reference.__code__),
        reference.__defaults__,
        reference.__kwdefaults__,
        cells,
        tuple(reads),
    )


def _reference_key(reference: Callable, args: tuple, kwargs: dict) -> bytes | None:
    """A digest naming ``reference(*args, **kwargs)``, or None when the call cannot be
    named (see :func:`_describe`), or its inputs cannot be pickled."""
    described = _describe(reference)
    if described is None:
        return None
    try:
        blob = pickle.dumps((described, args, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - an input pickle cannot write: not remembered
        return None
    return hashlib.blake2b(blob, digest_size=20).digest()


def remembered(reference: Callable, args: tuple, kwargs: dict) -> Any:
    """``reference(*args, **kwargs)`` on copies of the inputs, quietly; computed once
    per process for the same reference and the same inputs.

    A grader checks the same cases for every submission of a class (the cases are
    seeded), and the course's references are pure functions of their inputs, so a
    result is remembered by a digest of the reference (its importable name, or for a
    test cell's lambda its code and the modules and functions it reads) and of its
    pickled inputs, and given again, as a copy, to the next submission's check: a
    grading run that grades several submissions computes each reference once. A
    reference that reads anything else (a learner's function, a method's object) is
    never remembered, nor results beyond :data:`REMEMBER_BYTES` in all.

    Examples
    --------
    >>> import numpy as np
    >>> first = remembered(np.multiply, ([1, 2], 2), {})
    >>> first[0] = 99  # the caller's copy
    >>> remembered(np.multiply, ([1, 2], 2), {})
    array([2, 4])
    """
    key = _reference_key(reference, args, kwargs)
    if key is not None and key in _REMEMBERED:
        return copied((_REMEMBERED[key],), {})[0][0]
    args, kwargs = copied(args, kwargs)
    with quiet():
        value = reference(*args, **kwargs)
    if key is not None:
        try:
            size = len(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        except Exception:  # noqa: BLE001 - a result pickle cannot write: not kept
            size = None
        if size is not None:
            _keep(key, lambda: copied((value,), {})[0][0], size)
    return value


def _keep(key: bytes, value: Callable[[], Any], size: int) -> bool:
    """Remember ``value()`` under ``key``, a result of ``size`` pickled bytes, unless
    the key is held already or :data:`REMEMBER_BYTES` would be passed; whether kept."""
    if key in _REMEMBERED or _REMEMBERED_BYTES[0] + size > REMEMBER_BYTES:
        return False
    _REMEMBERED[key] = value()
    _REMEMBERED_BYTES[0] += size
    return True


def remembered_digests() -> frozenset[bytes]:
    """The digests of the results :func:`remembered` holds in this process."""
    return frozenset(_REMEMBERED)


def save_remembered(path: Path, known: Collection[bytes]) -> int:
    """Write the results :func:`remembered` holds in this process, but for those under
    the digests ``known``, to ``path``; how many.

    A grading run forked from a warm process (:mod:`interview_lab.warm`) hands back
    what it computed, so that the next run forked from it starts with those results.
    """
    new = {
        key: pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        for key, value in _REMEMBERED.items()
        if key not in known
    }  # each result pickled alone: its size is what the budget counts
    path.write_bytes(pickle.dumps(new, protocol=pickle.HIGHEST_PROTOCOL))
    return len(new)


def load_remembered(path: Path) -> int:
    """Remember the results :func:`save_remembered` wrote to ``path`` (within
    :data:`REMEMBER_BYTES`); how many.

    The file is trusted as the course's own: a copy of this very process wrote it, of
    values the course's references returned (a learner's code never runs in a
    grading process, and its values reach one only as data).
    """
    added = 0
    for key, data in pickle.loads(path.read_bytes()).items():
        added += _keep(key, lambda data=data: pickle.loads(data), len(data))
    return added


def _same_data(original: Any, passed: Any) -> bool:
    """Whether an argument still equals its saved copy (data only; others: yes)."""
    try:
        if isinstance(original, np.ndarray):
            if not isinstance(passed, np.ndarray) or passed.shape != original.shape:
                return False
            if original.dtype.kind in "fc":
                return bool(np.array_equal(original, passed, equal_nan=True))
            return bool(np.array_equal(original, passed))
        if hasattr(original, "equals") and hasattr(original, "shape"):  # pandas
            return bool(original.equals(passed))
        if isinstance(original, (list, tuple, set, frozenset, dict)):
            # repr: a NaN copied inside a container is not == itself
            return type(passed) is type(original) and (
                bool(original == passed) or repr(original) == repr(passed)
            )
    except Exception:  # a value that cannot be compared: not a data argument
        return True
    return True


def _changed_argument(
    func: Callable, args: tuple, kwargs: dict, passed_args: tuple, passed_kwargs: dict
) -> str | None:
    """The name of the first argument the call changed in place, or ``None``."""
    for i, (original, passed) in enumerate(zip(args, passed_args)):
        if not _same_data(original, passed):
            try:  # only now: a signature costs more than the comparisons
                params = list(inspect.signature(func).parameters.values())
            except (TypeError, ValueError):
                params = []
            positional = i < len(params) and params[i].kind in (
                inspect.Parameter.POSITIONAL_ONLY,
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
            )
            return params[i].name if positional else f"#{i + 1}"
    for name in kwargs:
        if not _same_data(kwargs[name], passed_kwargs[name]):
            return name
    return None


class Checker:
    """Check a learner's function case by case, with feedback on the first failure.

    Parameters
    ----------
    func : callable
        The learner's function (or class).
    reference : callable, optional
        A trusted implementation; when a case gives no ``expect=``, the expected value
        is ``reference(*args, **kwargs)``.
    mistakes : sequence of Mistake, optional
        Common wrong answers; the first one whose result matches the learner's gives
        the hint.
    hint : str, optional
        The hint shown when no mistake matches.
    names : sequence of str, optional
        Names of the parts of a tuple result, e.g. ``("fpr", "tpr", "thresholds")``.
    atol, rtol : float
        Tolerances for comparing numbers (absolute 1e-8 by default, as the contract).
    time_limit : float
        CPU seconds one call may use (and twice as many of wall time; see
        :func:`time_limit`).
    name : str, optional
        The name shown in feedback; the function's own name by default.
    equal : callable, optional
        ``equal(got, expected)`` returns ``None`` when equal, else the problem in
        words; replaces the comparison by value (see :class:`Exercise`).
    show_values : bool, default=True
        Whether a failed comparison shows the expected and returned values.

    Examples
    --------
    >>> check = Checker(abs, hint="abs returns a magnitude")
    >>> check(-2, expect=2)
    2
    >>> check.passed()
    ✓ abs: 1 visible check passed. Hidden tests run when the notebook is graded.
    """

    def __init__(
        self,
        func: Callable,
        *,
        reference: Callable | None = None,
        mistakes: Sequence[Mistake] = (),
        hint: str | None = None,
        names: Sequence[str] | None = None,
        atol: float = 1e-8,
        rtol: float = 0.0,
        time_limit: float | None = DEFAULT_TIME_LIMIT,
        name: str | None = None,
        equal: Callable[[Any, Any], str | None] | None = None,
        show_values: bool = True,
    ):
        if not callable(func):
            raise CheckFailed(
                f"Expected a function, got {kind_of(func)}. Run the cell that defines it "
                "first (and make sure it does not reuse the name for something else)."
            )
        self.func = func
        self.name = name or getattr(func, "__name__", "your function")
        if is_unsolved_stub(func):
            raise CheckFailed(
                f"{self.name} is still the unsolved stub\n"
                "  hint:     Replace `raise NotImplementedError()` with your code, then "
                "run its cell again."
            )
        self.reference = reference
        self.mistakes = tuple(mistakes)
        self.hint = hint
        self.names = tuple(names) if names else None
        self.atol = atol
        self.rtol = rtol
        self.seconds = time_limit
        self.equal = equal
        self.show_values = show_values
        self.count = 0

    # -- calling -------------------------------------------------------------------
    def call(self, *args: Any, **kwargs: Any) -> Any:
        """Call the learner's function on copies of the inputs, quietly, in time.

        A result that is an iterator (a generator, ``map`` or ``zip`` object) is read
        once into a tuple, inside the time limit: a function may yield the parts of
        its result instead of returning them, and the comparison then sees values.
        A function that changes an argument in place (an array, a list, a data frame)
        fails: the caller's data must stay as it was.
        """
        __tracebackhide__ = True
        a, k = self._copies(args, kwargs)

        def run() -> Any:
            result = self.func(*a, **k)
            if isinstance(result, Iterator):  # a generator, map or zip: its parts
                result = tuple(result)
            return result

        def changed() -> str | None:
            found = _changed_argument(self.func, args, kwargs, a, k)
            # what the learner's kernel saw change, when judged
            return found if found is not None else judge_changed(self.func)

        return self._checked(args, kwargs, run, changed)

    def calls(self, arg_sets: Iterable[tuple[tuple, dict]]) -> Iterator[Any]:
        """:meth:`call` for each ``(args, kwargs)`` in ``arg_sets``: their results,
        in order.

        For a check that calls the learner's function many times (over seeds, say).
        Each result is checked as :meth:`call` checks it, and raises as it would when
        it is reached. When the function runs in the learner's kernel (graded by the
        judge), the calls go there in one request instead of one request each.
        """
        __tracebackhide__ = True
        arg_sets = [(tuple(a), dict(k)) for a, k in arg_sets]
        if not _remote(self.func):
            for a, k in arg_sets:
                yield self.call(*a, **k)
            return
        judge = vars(self.func)["_judge"]
        with quiet(), time_limit(self.seconds):
            answers = iter(judge.calls(self.func, arg_sets))
        for a, k in arg_sets:
            answer = next(answers, {"timeout": True})
            yield self._checked(
                a,
                k,
                functools.partial(judge.answer, answer),
                functools.partial(answer.get, "changed"),
                guarded=False,  # the call ran in the kernel, silenced and in time
            )

    def _checked(
        self,
        args: tuple,
        kwargs: dict,
        run: Callable[[], Any],
        changed: Callable[[], str | None],
        guarded: bool = True,
    ) -> Any:
        """``run()`` quietly under the time limit (unless not ``guarded``), then
        ``changed()``: the result, or the failure that explains what the learner's
        function did wrong."""
        __tracebackhide__ = True
        try:
            if guarded:
                with quiet(), time_limit(self.seconds):
                    result = run()
            else:
                result = run()
            argument = changed()
            if argument is not None:
                raise self._fail(
                    args,
                    kwargs,
                    f"changed its argument {argument} in place",
                    hint="Leave the caller's data as it was (the caller may use it "
                    "again): work on a copy, e.g. x = np.array(x, dtype=float), and "
                    "avoid in-place operations such as x -= ..., x.sort() or out=x.",
                )
            return result
        except _TimeLimitExceeded:
            raise self._fail(
                args,
                kwargs,
                f"did not finish within {self.seconds:g} seconds",
                hint="Look for a loop that never ends, or one that runs far more often "
                "than needed (a loop over all pairs of a large input, say).",
            ) from None
        except NotImplementedError:
            raise self._fail(
                args,
                kwargs,
                "raised NotImplementedError",
                hint="Replace `raise NotImplementedError()` with your code.",
            ) from None
        except CheckFailed:
            raise
        except Exception as exc:  # the learner's code crashed: explain, don't re-raise
            raise self._fail(
                args,
                kwargs,
                f"raised {type(exc).__name__}: {exc}".rstrip(": "),
                hint=self.hint,
            ) from None

    def _copies(self, args: tuple, kwargs: dict) -> tuple[tuple, dict]:
        """Copies of the inputs for one call (a function in the learner's kernel gets
        copies anyway: the judge sends them over as data)."""
        if _remote(self.func):
            return args, kwargs
        return copied(args, kwargs)

    def call_in_place(self, *args: Any, **kwargs: Any) -> Any:
        """Call the learner's function on the inputs themselves, not on copies.

        Quiet and under the time limit like :meth:`call`; call :meth:`call` on the
        same inputs first, so that a crash or a time-out is explained. To see what the
        call did to its inputs, use :meth:`after_call`.
        """
        __tracebackhide__ = True
        return self.after_call(*args, **kwargs)[0]

    def after_call(self, *args: Any, **kwargs: Any) -> tuple[Any, tuple, dict]:
        """Call the learner's function on the inputs themselves: its result, and the
        inputs as the call left them, ``(result, args, kwargs)``.

        For checks of what a function does to its arguments (a model left unfitted,
        a frame left as it was). In this process those are the inputs themselves;
        when a judged function runs in the learner's kernel, they come back from
        there (an estimator fitted there comes back marked fitted, see
        :data:`interview_lab.wire.FITTED_MARK`).
        """
        __tracebackhide__ = True
        try:
            with quiet(), time_limit(self.seconds):
                if _remote(self.func):
                    judge = vars(self.func)["_judge"]
                    return judge.call(self.func, args, kwargs, after=True)
                return self.func(*args, **kwargs), args, kwargs
        except _TimeLimitExceeded:
            raise self._fail(
                args, kwargs, f"did not finish within {self.seconds:g} seconds"
            ) from None
        except CheckFailed:
            raise
        except Exception as exc:
            raise self._fail(
                args,
                kwargs,
                f"raised {type(exc).__name__}: {exc}".rstrip(": "),
                hint=self.hint,
            ) from None

    def case(
        self, *args: Any, got: Any = _MISSING, why: str | None = None, **kwargs: Any
    ) -> Case:
        """Bind the inputs (and result) that several invariant checks are about.

        ``check.case(X, y, got=result, random_state=0).that(ok, "problem")`` is
        ``check.that(ok, "problem", X, y, got=result, random_state=0)``, without
        repeating the inputs at every check.
        """
        return Case(self, args, kwargs, got=got, why=why)

    def _reference(self, *args: Any, **kwargs: Any) -> Any:
        return remembered(self.reference, args, kwargs)

    def __call__(
        self,
        *args: Any,
        expect: Any = _MISSING,
        why: str | None = None,
        hint: str | None = None,
        **kwargs: Any,
    ) -> Any:
        """Check one case: ``check(*args, expect=value, why="...")``.

        Returns the learner's result, so a test can make further checks on it.
        """
        __tracebackhide__ = True
        if expect is _MISSING:
            if self.reference is None:
                raise TypeError("give expect= or a reference")
            expect = self._reference(*args, **kwargs)
        got = self.call(*args, **kwargs)
        reason = self._compare(got, expect)
        if reason is not None:
            raise self._fail(
                args,
                kwargs,
                reason,
                expected=expect,
                got=got,
                why=why,
                hint=hint or self._diagnose(args, kwargs, got, expect),
            )
        self.count += 1
        return got

    def raises(
        self,
        exception: type[BaseException],
        *args: Any,
        why: str | None = None,
        hint: str | None = None,
        **kwargs: Any,
    ) -> None:
        """Check that the call raises ``exception`` (or a subclass)."""
        __tracebackhide__ = True
        a, k = self._copies(args, kwargs)
        try:
            with quiet(), time_limit(self.seconds):
                got = self.func(*a, **k)
                if isinstance(got, Iterator):  # a generator may raise when read
                    got = tuple(got)
        except exception:
            self.count += 1
            return
        except _TimeLimitExceeded:
            raise self._fail(
                args,
                kwargs,
                f"did not finish within {self.seconds:g} seconds",
                hint=hint,
            ) from None
        except Exception as exc:
            raise self._fail(
                args,
                kwargs,
                f"raised {type(exc).__name__}: {exc}; expected {exception.__name__}",
                why=why,
                hint=hint,
            ) from None
        raise self._fail(
            args,
            kwargs,
            f"returned {format_value(got)}; expected it to raise {exception.__name__}",
            why=why,
            hint=hint,
        )

    def that(
        self,
        condition: bool,
        problem: str | Callable[[], str],
        *args: Any,
        got: Any = _MISSING,
        why: str | None = None,
        hint: str | None = None,
        **kwargs: Any,
    ) -> None:
        """Check a property of a result (an invariant) and explain when it fails.

        ``args``/``kwargs`` are the inputs the result came from, shown in the message.
        ``problem`` may be a function returning the text, called only on failure (for
        messages that index into a result that is only there when something is wrong).
        """
        __tracebackhide__ = True
        if not condition:
            text = problem() if callable(problem) else problem
            raise self._fail(args, kwargs, text, got=got, why=why, hint=hint)
        self.count += 1

    def passed(self, hidden: bool = False) -> None:
        """Print the confirmation after the checks of one test cell pass."""
        n = self.count
        checks = "check" if n == 1 else "checks"
        if hidden:
            print(f"✓ {self.name}: {n} hidden {checks} passed.")
        else:
            print(
                f"✓ {self.name}: {n} visible {checks} passed. "
                "Hidden tests run when the notebook is graded."
            )

    # -- explaining ----------------------------------------------------------------
    def _compare(self, got: Any, expect: Any) -> str | None:
        if self.equal is not None:
            return self.equal(got, expect)
        reason = compare(got, expect, self.atol, self.rtol)
        if reason is None and isinstance(expect, tuple):
            got = tuple(got)
            names = self.names or [f"part {i}" for i in range(len(expect))]
            for name, g, e in zip(names, got, expect, strict=True):
                reason = compare(g, e, self.atol, self.rtol, name)
                if reason:
                    return reason
        return reason

    def _diagnose(self, args: tuple, kwargs: dict, got: Any, expect: Any) -> str | None:
        for mistake in self.mistakes:
            try:
                a, k = copied(args, kwargs)
                with quiet():
                    wrong = mistake.compute(*a, **k)
            except Exception:
                continue
            if (
                self._compare(wrong, expect) is not None
                and self._compare(got, wrong) is None
            ):
                return mistake.hint
        if any(isinstance(a, list) for a in args):
            as_arrays = tuple(np.asarray(a) if isinstance(a, list) else a for a in args)
            try:
                with quiet(), time_limit(self.seconds):
                    retry = self.func(*as_arrays, **copy.deepcopy(kwargs))
                if self._compare(retry, expect) is None:
                    return (
                        "Your function is right for NumPy arrays but not for Python "
                        "lists: start with `y = np.asarray(y)` for each input."
                    )
            except BaseException:
                pass
        return self.hint

    def _fail(
        self,
        args: tuple,
        kwargs: dict,
        problem: str,
        *,
        expected: Any = _MISSING,
        got: Any = _MISSING,
        why: str | None = None,
        hint: str | None = None,
    ) -> CheckFailed:
        lines = [describe_call(self.name, self.func, args, kwargs)]
        if why:
            lines.append(f"  case:     {why}")
        if not self.show_values:
            expected = got = _MISSING
        shown = {}
        if expected is not _MISSING:
            shown["expected"] = self._show(expected)
        if got is not _MISSING:
            shown["returned"] = self._show(got)
        gap = None
        if len(shown) == 2 and shown["expected"] == shown["returned"]:
            # equal at 6 digits: show every digit and the size of the difference
            gap = numeric_gap(got, expected)
            if gap is not None and np.size(expected) == 1 == np.size(got):
                shown = {
                    "expected": every_digit(expected),
                    "returned": every_digit(got),
                }
        for label, text in shown.items():
            lines.append(f"  {label + ':':<9} {text}")
        if gap is not None:
            lines.append(
                f"  problem:  differs by {gap:.1e}, more than the tolerance "
                f"(atol={self.atol:g}): rounding, or float32 arithmetic?"
            )
        elif expected is _MISSING or not problem.endswith(
            ("value differs", "values differ")
        ):
            lines.append(f"  problem:  {problem}")
        if hint:
            lines.append(f"  hint:     {hint}")
        return CheckFailed("\n".join(lines))

    def _show(self, value: Any) -> str:
        if (
            self.names
            and isinstance(value, tuple | list)
            and len(value) == len(self.names)
        ):
            return ", ".join(
                f"{n}={format_value(v)}" for n, v in zip(self.names, value, strict=True)
            )
        return format_value(value)


class Case:
    """Inputs (and the result they gave) bound for several invariant checks.

    Made by :meth:`Checker.case`; each :meth:`that` is a :meth:`Checker.that` about
    these inputs.
    """

    def __init__(
        self,
        checker: Checker,
        args: tuple,
        kwargs: dict,
        *,
        got: Any = _MISSING,
        why: str | None = None,
    ):
        self.checker = checker
        self.args = args
        self.kwargs = kwargs
        self.got = got
        self.why = why

    def that(
        self,
        condition: bool,
        problem: str | Callable[[], str],
        hint: str | None = None,
    ) -> None:
        """Check one property; ``problem`` (text, or a function giving it) on failure."""
        __tracebackhide__ = True
        self.checker.that(
            condition,
            problem,
            *self.args,
            got=self.got,
            why=self.why,
            hint=hint,
            **self.kwargs,
        )


class Exercises(Mapping):
    """A topic's exercises, by name, and the ``checker`` its test cells call.

    Parameters
    ----------
    *exercises : Exercise
        Each exercise once, in notebook order.

    Examples
    --------
    >>> exercises = Exercises(Exercise("double", hint="Multiply by 2."))
    >>> check = exercises.checker("double", lambda x: 2 * x)
    >>> check(3, expect=6)
    6
    >>> exercises.checker("triple", abs)
    Traceback (most recent call last):
    ...
    ValueError: unknown exercise 'triple'; expected one of ['double']
    """

    def __init__(self, *exercises: Exercise):
        self._by_name: dict[str, Exercise] = {}
        for exercise in exercises:
            if not isinstance(exercise, Exercise):
                raise TypeError(f"expected an Exercise, got {exercise!r}")
            if exercise.name in self._by_name:
                raise ValueError(f"exercise {exercise.name!r} is declared twice")
            self._by_name[exercise.name] = exercise

    def __getitem__(self, name: str) -> Exercise:
        return self._by_name[name]

    def __iter__(self):
        return iter(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)

    def __repr__(self) -> str:
        return f"Exercises({', '.join(self._by_name)})"

    def checker(self, exercise: str, func: Callable, **options: Any) -> Checker:
        """A :class:`Checker` of ``func`` set up for one exercise.

        It knows the exercise's hint, its mistakes, the names of its result's parts,
        its reference (unless ``reference=`` is given) and its comparison.

        Parameters
        ----------
        exercise : str
            The exercise's name.
        func : callable
            The learner's function (or class).
        **options
            Passed to :class:`Checker` (``reference=``, ``atol=``, ...).
        """
        if exercise not in self._by_name:
            raise ValueError(
                f"unknown exercise {exercise!r}; expected one of {sorted(self)}"
            )
        spec = self._by_name[exercise]
        options.setdefault("reference", spec.reference)
        options.setdefault("equal", spec.equal)
        options.setdefault("show_values", spec.show_values)
        return Checker(
            func,
            name=exercise,
            mistakes=spec.mistakes,
            hint=spec.hint,
            names=spec.parts,
            **options,
        )
