"""What a notebook cell is to nbgrader: predicates and accessors, written once.

nbgrader marks a cell's role in ``metadata.nbgrader``; the course reads that role in
grading, in its kernel manager, in its feedback preprocessor, in progress reports and
in its tests, always through these functions (as nbgrader's own ``utils.is_grade`` and
``is_solution``).

=============================  ============  =========  ====================
role                            ``solution``  ``grade``  cell type
=============================  ============  =========  ====================
answer (the learner's code)     true          false      code
test (autograded)               false         true       code
manually graded answer          true          true       markdown or code
=============================  ============  =========  ====================

A lesson-only cell is the course's own: a figure, an explorer, a worked call of the
learner's function, the lesson's own split or model, tagged ``lesson-only`` in the
instructor's notebook. No later cell outside the lesson reads a name it binds
(:func:`binds_names`, :func:`cell_reads`), so grading can leave it out
(:func:`lesson_sources`), unless a learner's cell reads one; a learner cannot mark
their own cells this way, since only the instructor's notebook is read.

Examples
--------
>>> answer = {"cell_type": "code", "metadata": {"nbgrader": {
...     "solution": True, "grade": False, "grade_id": "mae"}}}
>>> test = {"cell_type": "code", "metadata": {"nbgrader": {
...     "solution": False, "grade": True, "grade_id": "test_mae", "points": 1}}}
>>> is_answer(answer), is_test(answer), is_test(test)
(True, False, True)
>>> exercise_tests({"cells": [answer, test]})
{'mae': [('test_mae', 1.0)]}
"""

from __future__ import annotations

import ast
import json
import re
import symtable
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "ANSI",
    "LESSON_TAG",
    "answer_cells",
    "error_output",
    "exercise_tests",
    "grade_id",
    "is_answer",
    "is_manual",
    "is_lesson",
    "is_test",
    "lesson_sources",
    "binds_names",
    "cell_reads",
    "left_out",
    "Reads",
    "nbgrader_meta",
    "source",
    "strip_ansi",
    "graded_tests",
    "sources_of_tests",
]

#: The tag of a lesson-only cell in the instructor's notebook.
LESSON_TAG = "lesson-only"

#: Terminal colour codes, as IPython puts them in tracebacks.
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def error_output(ename: str, text: str) -> dict:
    """An error output ``ename: text``: what nbgrader scores 0 and feedback shows.

    >>> error_output("CheckFailed", "wrong")["traceback"]
    ['CheckFailed: wrong']
    """
    from nbformat import NotebookNode

    return NotebookNode(
        output_type="error",
        ename=ename,
        evalue=text,
        traceback=[f"{ename}: {text}" if text else ename],
    )


def strip_ansi(text: str) -> str:
    """``text`` without terminal colour codes.

    >>> strip_ansi("\\x1b[31mCheckFailed\\x1b[0m")
    'CheckFailed'
    """
    return ANSI.sub("", text)


def nbgrader_meta(cell: dict) -> dict:
    """The cell's ``metadata.nbgrader`` (empty for an ordinary cell)."""
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def source(cell: dict) -> str:
    """The cell's source as one string (nbformat allows a list of lines)."""
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def grade_id(cell: dict) -> str | None:
    """The cell's nbgrader ``grade_id``, or ``None``."""
    return nbgrader_meta(cell).get("grade_id")


def is_answer(cell: dict) -> bool:
    """An autograded answer cell: the learner's code (``solution``, not ``grade``)."""
    meta = nbgrader_meta(cell)
    return bool(meta.get("solution")) and not meta.get("grade")


def is_test(cell: dict) -> bool:
    """An autograded test cell: code with points (``grade``, not ``solution``)."""
    meta = nbgrader_meta(cell)
    return (
        cell.get("cell_type") == "code"
        and bool(meta.get("grade"))
        and not meta.get("solution")
    )


def is_manual(cell: dict) -> bool:
    """A manually graded answer (``solution`` and ``grade``): a person scores it."""
    meta = nbgrader_meta(cell)
    return bool(meta.get("solution")) and bool(meta.get("grade"))


def is_lesson(cell: dict) -> bool:
    """A plain code cell tagged :data:`LESSON_TAG` (not an nbgrader cell)."""
    return (
        cell.get("cell_type") == "code"
        and not nbgrader_meta(cell)
        and LESSON_TAG in cell.get("metadata", {}).get("tags", [])
    )


#: Names, attributes and strings through which code reaches the notebook's variables
#: without spelling them out (``globals()["x"]``, ``sys.modules["__main__"].x``,
#: ``f.__globals__``, ``get_ipython().user_ns``, pandas' ``df.query("@x")``).
_DYNAMIC_ATTRIBUTES = frozenset(
    {"modules", "f_globals", "f_locals", "f_back", "__globals__", "__dict__",
     "user_ns", "get_ipython", "eval", "query"}
)  # fmt: skip
_MAIN = "__main__"
_DYNAMIC_NAMES = frozenset(
    {"eval", "exec", "globals", "locals", "vars", "get_ipython", _MAIN}
)
#: Scopes that run at once, where they stand (a function's scope in symtable); not a
#: generator expression, which may be consumed later.
_COMPREHENSIONS = frozenset({"listcomp", "setcomp", "dictcomp"})


class Reads(NamedTuple):
    """The global names a cell reads: ``now``, when it runs (its top level and class
    bodies), and ``later``, whenever a function it defines is called."""

    now: frozenset[str]
    later: frozenset[str]


def _dynamic(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in _DYNAMIC_NAMES:
            return True
        if isinstance(node, ast.Attribute) and node.attr in _DYNAMIC_ATTRIBUTES:
            return True
        if isinstance(node, ast.Constant) and node.value == _MAIN:
            return True
        if isinstance(node, ast.alias) and _MAIN in node.name:
            return True
        if isinstance(node, ast.ImportFrom) and _MAIN in (node.module or ""):
            return True
    return False


def cell_reads(code: str) -> Reads | None:
    """The global names ``code`` reads (a function's parameters and locals are its
    own); ``None`` when that cannot be known from its source: IPython syntax
    (``%time``, ``!ls``), code that does not parse or is too deep to analyse, or a
    way to reach variables by name (``eval``, ``globals``, ``__main__``, ...).

    A class body's names all count (``x = x`` reads the global first), and so do
    the targets of ``x += 1`` and ``del x``.

    >>> r = cell_reads("def f(x, n=k):\\n    return x + train.mean()\\ny = f(2)")
    >>> sorted(r.now), sorted(r.later)
    (['f', 'k'], ['train'])
    >>> cell_reads("%time f(train)"), cell_reads("sys.modules['__main__'].train")
    (None, None)
    """
    try:
        tree = ast.parse(code)
        top = symtable.symtable(code, "<cell>", "exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    if _dynamic(tree):
        return None
    now: set[str] = set()
    later: set[str] = set()
    scopes = [(top, False)]
    while scopes:
        scope, in_function = scopes.pop()
        kind = scope.get_type()
        runs_at_once = kind != "function" or scope.get_name() in _COMPREHENSIONS
        in_function = in_function or not runs_at_once
        (later if in_function else now).update(
            s.get_name()
            for s in scope.get_symbols()
            if s.is_referenced() and (kind != "function" or s.is_global())
        )
        scopes += [(child, in_function) for child in scope.get_children()]
    for node in ast.walk(tree):
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            now.add(node.target.id)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Del):
            now.add(node.id)
    return Reads(frozenset(now), frozenset(later))


def binds_names(code: str) -> list[str]:
    """The names ``code`` binds anywhere in it (assignments, imports, definitions,
    loop, ``with``, ``except`` and ``match`` targets, ``del``, ``global``), as written
    in its source; ``"*"`` for ``from m import *``.

    >>> binds_names("topic.figure(x=1);")
    []
    >>> binds_names("import numpy as np\\nfor i, j in z: pass")
    ['np', 'i', 'j']
    """
    names = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            names.append(node.id)
        elif isinstance(node, ast.alias):
            names.append((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
        elif isinstance(node, ast.Global | ast.Nonlocal):
            names.extend(node.names)
        elif isinstance(node, ast.ExceptHandler | ast.MatchAs | ast.MatchStar):
            names += [node.name] if node.name else []
        elif isinstance(node, ast.MatchMapping) and node.rest:
            names.append(node.rest)
    return names


def left_out(codes: list[str], lessons: frozenset[str]) -> frozenset[int]:
    """Which of a notebook's code cells (their sources, in order) grading leaves out:
    those whose source is one of ``lessons``, unless a cell that runs reads a name one
    binds (a later cell when it runs, any cell's function whenever it is called), and
    none at all when a cell's reads cannot be known (:func:`cell_reads`).

    >>> left_out(["x = 1", "y = 2", "def f():\\n    return x"], frozenset({"x = 1", "y = 2"}))
    frozenset({1})
    """
    found = {i for i, code in enumerate(codes) if code.strip() in lessons}
    if not found:
        return frozenset()
    reads = [cell_reads(code) for code in codes]
    if None in reads:
        return frozenset()
    # every cell parsed (cell_reads): binds_names can read each lesson cell
    bound = {i: set(binds_names(codes[i])) for i in found}
    kept = set(range(len(codes))) - found
    while True:  # until the lesson cells kept define no function reading more
        needed = set().union(*(reads[i].later for i in kept))
        out = set()
        for index in reversed(range(len(codes))):
            if index in found and "*" not in bound[index] and not needed & bound[index]:
                out.add(index)
                continue
            needed |= reads[index].now
        now_kept = set(range(len(codes))) - out
        if now_kept == kept:
            return frozenset(out)
        kept = now_kept


def lesson_sources(notebook: str | Path) -> frozenset[str]:
    """The sources of the lesson-only cells of the instructor's ``notebook`` (empty
    when it cannot be read): a submitted cell with one of these sources is the
    course's own and need not run when the submission is graded."""
    try:
        nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
        cells = nb["cells"]
    except (OSError, ValueError, KeyError, TypeError):
        return frozenset()
    return frozenset(source(c).strip() for c in cells if is_lesson(c))


def answer_cells(nb: dict) -> list[str]:
    """Grade ids of the answer cells, in notebook order."""
    return [nbgrader_meta(c)["grade_id"] for c in nb["cells"] if is_answer(c)]


def graded_tests(nb: dict) -> list[dict]:
    """The autograded test cells, in notebook order."""
    return [c for c in nb["cells"] if is_test(c)]


def exercise_tests(
    nb: dict, strict: bool = False
) -> dict[str, list[tuple[str, float]]]:
    """For each exercise (answer cell), its test cells ``(grade_id, points)``.

    A test cell belongs to the exercise whose name its grade id starts with
    (``test_<name>``, the longest such name).

    Parameters
    ----------
    nb : dict
        A notebook (nbformat JSON).
    strict : bool, default=False
        Raise ``ValueError`` for a test cell that matches no exercise; otherwise such
        a cell is listed under its own grade id.
    """
    names = answer_cells(nb)
    result: dict[str, list[tuple[str, float]]] = {n: [] for n in names}
    for cell in graded_tests(nb):
        meta = nbgrader_meta(cell)
        gid = meta["grade_id"]
        owners = [n for n in names if gid.startswith(f"test_{n}")]
        if not owners and strict:
            raise ValueError(f"test cell {gid!r} belongs to no exercise")
        owner = max(owners, key=len, default=gid)
        result.setdefault(owner, []).append((gid, float(meta.get("points", 0))))
    return result


def sources_of_tests(notebooks: list[str | bytes]) -> list[str]:
    """The sources of the test cells of ``notebooks`` (their JSON texts); a text that
    is not a notebook gives none.

    >>> nb = {"cells": [{"cell_type": "code", "source": "assert f(1) == 1",
    ...     "metadata": {"nbgrader": {"grade": True, "solution": False}}}]}
    >>> sources_of_tests([json.dumps(nb), "{ not json"])
    ['assert f(1) == 1']
    """
    out = []
    for text in notebooks:
        try:
            cells = json.loads(text)["cells"]
        except (ValueError, KeyError, TypeError):
            continue
        out += [source(c) for c in cells if isinstance(c, dict) and is_test(c)]
    return out
