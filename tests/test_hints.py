"""Every exercise offers a hint that does not give the solution away, and every
notebook says where the solutions are.

A hint is a collapsed markdown cell (``<details><summary>Hint...</summary>``) or a
``hint("<exercise>")`` call, placed between the previous exercise's test cells and the
exercise's own test cells (before or after its answer cell).
"""

from __future__ import annotations

import re

import pytest
from harness import REPO, read_nb, source_assignments

from interview_lab import cells

HINT_CALL = re.compile(r"""\bhint\(\s*["']{name}["']\s*\)""")


def notebooks():
    return [
        pytest.param(path, id=str(path.relative_to(REPO / "source")))
        for a in source_assignments()
        for path in sorted((REPO / "source" / a).glob("*.ipynb"))
    ]


def is_test_of(cell: dict, owner: str) -> bool:
    return cells.is_test(cell) and cells.grade_id(cell).startswith(f"test_{owner}")


def exercises_and_hints(nb: dict) -> dict[str, list[str]]:
    """For each answer cell, the hint cells in its stretch of the notebook."""
    nb_cells = nb["cells"]
    answers = [
        (i, cells.grade_id(c)) for i, c in enumerate(nb_cells) if cells.is_answer(c)
    ]
    result = {}
    for k, (i, name) in enumerate(answers):
        # from just after the previous exercise's last test cell ...
        start = 0
        if k:
            prev_i, prev = answers[k - 1]
            tests = [j for j in range(prev_i, i) if is_test_of(nb_cells[j], prev)]
            start = max(tests + [prev_i]) + 1
        # ... to this exercise's first test cell (or the next answer cell)
        tests = [j for j in range(i, len(nb_cells)) if is_test_of(nb_cells[j], name)]
        if tests:
            end = tests[0]
        else:
            end = answers[k + 1][0] if k + 1 < len(answers) else len(nb_cells)
        call = re.compile(HINT_CALL.pattern.format(name=re.escape(name)))
        result[name] = [
            cells.source(c)
            for c in nb_cells[start:end]
            if (c["cell_type"] == "markdown" and "<details>" in cells.source(c))
            or (c["cell_type"] == "code" and call.search(cells.source(c)))
        ]
    return result


@pytest.mark.parametrize("path", notebooks())
def test_every_exercise_has_a_hint(path):
    missing = [
        name for name, hints in exercises_and_hints(read_nb(path)).items() if not hints
    ]
    assert not missing, (
        f'{path.relative_to(REPO)}: no <details> hint (or hint("name") call) between '
        f"the previous exercise's tests and the tests of: {', '.join(missing)}"
    )


@pytest.mark.parametrize("path", notebooks())
def test_hints_do_not_hold_the_solution(path):
    for name, hints in exercises_and_hints(read_nb(path)).items():
        for hint in hints:
            assert "BEGIN SOLUTION" not in hint, name
            assert "<summary>" in hint or "hint(" in hint, name


@pytest.mark.parametrize("path", notebooks())
def test_intro_points_to_the_solutions_in_source(path):
    intro = "\n".join(
        cells.source(c)
        for c in read_nb(path)["cells"][:3]
        if c["cell_type"] == "markdown"
    )
    assert f"source/{path.parent.name}" in intro, (
        f"{path.relative_to(REPO)}: the introduction should say that the solutions are "
        f"in source/{path.parent.name}/"
    )
