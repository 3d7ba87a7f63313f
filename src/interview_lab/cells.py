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

import re

__all__ = [
    "ANSI",
    "answer_cells",
    "error_output",
    "exercise_tests",
    "grade_id",
    "is_answer",
    "is_manual",
    "is_test",
    "nbgrader_meta",
    "source",
    "strip_ansi",
    "graded_tests",
]

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
