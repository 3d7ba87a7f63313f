"""docs/exercises.md, the exercise contract, agrees with the source notebooks.

For every assignment in ``source/`` the contract lists exactly the notebook's answer
cells, each with the signature its solution defines; an assignment the contract lists
but ``source/`` lacks is marked *(planned)*, and nothing in ``source/`` is missing from
the contract.
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


def contract(text: str) -> dict[str, dict]:
    """``{assignment: {"notebook", "planned", "exercises": {name: params}}}``."""
    found = {}
    heads = list(HEADING.finditer(text))
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        section = text[head.end() : end]
        found[head.group(1)] = {
            "notebook": head.group(2),
            "planned": "(planned)" in head.group(3),
            "exercises": {m.group(1): m.group(2) for m in ROW.finditer(section)},
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
        }
    }


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
    assert sorted(entry["exercises"]) == sorted(answers), (
        f"{assignment}: the contract lists {sorted(entry['exercises'])}, "
        f"the notebook has answer cells {sorted(answers)}"
    )
    for name, params in entry["exercises"].items():
        assert _normal(signature(answers[name], name)) == _normal(params), (
            f"{assignment}: {name}({params}) in the contract, "
            f"{name}({signature(answers[name], name)}) in the notebook"
        )
