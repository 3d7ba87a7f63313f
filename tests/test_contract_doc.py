"""docs/exercises.md, the exercise contract, agrees with the source notebooks.

For every assignment in ``source/`` the contract lists exactly the notebook's answer
cells, each with the signature its solution defines; an assignment the contract lists
but ``source/`` lacks is marked *(planned)*, and nothing in ``source/`` is missing from
the contract.

Most answer cells define a function or class: a row ``| `name(params)` | ...``. An
answer cell may instead assign a variable (a quiz answer, ``q_l1_l2 = "b"``), and a
notebook may hold manually graded answers (nbgrader "manually graded answer" cells);
those are rows of a cell table, ``| `grade_id` | what the learner writes | points |
autograded |`` or ``... | manual |``, checked against the cell (it assigns the name)
and its points.
"""

from __future__ import annotations

import ast
import re

import pytest
from harness import REPO, read_nb, source_assignments

from interview_lab import cells

DOC = REPO / "docs" / "exercises.md"
HEADING = re.compile(r"^## (\d\d_\w+) / (\S+\.ipynb)(.*)$", re.M)
ROW = re.compile(r"^\| `(\w+)\(([^`]*)\)`", re.M)
CELL_ROW = re.compile(
    r"^\| `(\w+)` \|.*\| (\d+(?:\.\d+)?) \| (autograded|manual) \|[ \t]*$", re.M
)


def contract(text: str) -> dict[str, dict]:
    """``{assignment: {"notebook", "planned", "exercises", "variables", "manual"}}``.

    ``exercises`` maps function names to parameters; ``variables`` (answer cells that
    assign a name) and ``manual`` (manually graded answers) map grade ids to points.
    """
    found = {}
    heads = list(HEADING.finditer(text))
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        section = text[head.end() : end]
        found[head.group(1)] = {
            "notebook": head.group(2),
            "planned": "(planned)" in head.group(3),
            "exercises": {m.group(1): m.group(2) for m in ROW.finditer(section)},
            "variables": {
                m.group(1): float(m.group(2))
                for m in CELL_ROW.finditer(section)
                if m.group(3) == "autograded"
            },
            "manual": {
                m.group(1): float(m.group(2))
                for m in CELL_ROW.finditer(section)
                if m.group(3) == "manual"
            },
        }
    return found


def signature(code: str, name: str) -> str:
    """The parameters of the function ``name`` (or its class's ``__init__``)."""
    for node in ast.parse(code).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return ast.unparse(node.args)
        if isinstance(node, ast.ClassDef) and node.name == name:
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                    params = ast.unparse(item.args)
                    return re.sub(r"^self,?\s*", "", params)
            return ""
    raise AssertionError(f"the answer cell {name} defines no {name}")


def _normal(params: str) -> str:
    """Parameters as Python writes them back (``1e-6`` and ``1e-06`` are one)."""
    return ast.unparse(ast.parse(f"def f({params}): pass").body[0].args)


CONTRACT = contract(DOC.read_text())


def test_contract_parser_reads_a_section():
    text = (
        "## 99_x / x.ipynb — x *(planned)*\n\n| exercise | meaning |\n|---|---|\n"
        "| `f(a, b=1)` | thing |\n| `g(c)` | other |\n"
    )
    assert contract(text) == {
        "99_x": {
            "notebook": "x.ipynb",
            "planned": True,
            "exercises": {"f": "a, b=1", "g": "c"},
            "variables": {},
            "manual": {},
        }
    }


def test_contract_parser_reads_a_cell_table():
    text = (
        "## 99_x / x.ipynb — x\n\n| answer cell | writes | points | graded |\n"
        '|---|---|---|---|\n| `q1` | `q1 = "<letter>"` | 1 | autograded |\n'
        "| `f(a)` | a function | 3 | autograded |\n"
        "| `essay` | markdown | 4 | manual |\n"
    )
    (entry,) = contract(text).values()
    assert entry["exercises"] == {"f": "a"}
    assert entry["variables"] == {"q1": 1.0}
    assert entry["manual"] == {"essay": 4.0}


def assigns(code: str, name: str) -> bool:
    """Whether ``code`` binds ``name`` at its top level (``name = ...``)."""
    for node in ast.parse(code).body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return True
    return False


def test_assigns_sees_a_top_level_binding():
    assert assigns("# answer\nq = 'b'\n", "q")
    assert not assigns("def q():\n    q = 1\n", "q")


def test_every_source_assignment_is_in_the_contract():
    missing = sorted(set(source_assignments()) - set(CONTRACT))
    assert not missing, f"docs/exercises.md lacks {missing}"


@pytest.mark.parametrize("assignment", sorted(CONTRACT))
def test_contract_matches_the_notebook(assignment):
    entry = CONTRACT[assignment]
    path = REPO / "source" / assignment / entry["notebook"]
    if not path.exists():
        assert entry["planned"], f"{assignment}: {path.name} is missing and not planned"
        return
    assert not entry["planned"], f"{assignment} exists: drop its '(planned)' mark"
    nb = read_nb(path)
    answers = {
        cells.grade_id(c): cells.source(c) for c in nb["cells"] if cells.is_answer(c)
    }
    listed = sorted([*entry["exercises"], *entry["variables"]])
    assert listed == sorted(answers), (
        f"{assignment}: the contract lists {listed}, "
        f"the notebook has answer cells {sorted(answers)}"
    )
    points = {
        name: sum(p for _, p in tests)
        for name, tests in cells.exercise_tests(nb).items()
    }
    for name, pts in entry["variables"].items():
        assert assigns(answers[name], name), (
            f"{assignment}: the answer cell {name} never assigns {name}"
        )
        assert points.get(name) == pts, (
            f"{assignment}: {name} has {pts} points in the contract, "
            f"{points.get(name)} in its test cells"
        )
    manual = {
        cells.grade_id(c): float(cells.nbgrader_meta(c).get("points", 0))
        for c in nb["cells"]
        if cells.is_manual(c)
    }
    assert manual == entry["manual"], (
        f"{assignment}: the contract lists manual answers {entry['manual']}, "
        f"the notebook has {manual}"
    )
    for name, params in entry["exercises"].items():
        assert _normal(signature(answers[name], name)) == _normal(params), (
            f"{assignment}: {name}({params}) in the contract, "
            f"{name}({signature(answers[name], name)}) in the notebook"
        )
