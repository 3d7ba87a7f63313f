"""Repository hygiene: notebook structure, no outputs, lint clean, the text tool."""

from __future__ import annotations

import ast
import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from harness import REPO, answer_cells_by_id, assigned_names

from interview_lab import cells

sys.path.insert(0, str(REPO / "tools"))
import nbtool  # noqa: E402

SOURCES = sorted((REPO / "source").glob("*/*.ipynb"))
RELEASES = sorted((REPO / "release").glob("*/*.ipynb"))
IDS = [p.parent.name for p in SOURCES]


@pytest.mark.parametrize(
    "path", SOURCES + RELEASES, ids=lambda p: f"{p.parts[-3]}/{p.parent.name}"
)
def test_notebooks_are_committed_without_outputs(path):
    nb = json.loads(path.read_text())
    dirty = [
        c.get("id")
        for c in nb["cells"]
        if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count"))
    ]
    assert not dirty, f"cells with outputs: {dirty} (clear outputs before committing)"


@pytest.mark.parametrize("path", SOURCES, ids=IDS)
def test_source_notebook_structure(path):
    nb = json.loads(path.read_text())
    ids = [cells.grade_id(c) for c in nb["cells"] if cells.nbgrader_meta(c)]
    assert len(ids) == len(set(ids)), "duplicate grade ids"
    text = "".join(cells.source(c) for c in nb["cells"])
    for heading in (
        "The interview question",
        "Learning goals",
        "how to answer this in an interview",
    ):
        assert heading.lower() in text.lower(), f"missing the skeleton part {heading!r}"
    assert "source/" in text, "the intro must say where the solutions are"
    for name, cell in answer_cells_by_id(nb).items():
        src = cells.source(cell)
        assert "### BEGIN SOLUTION" in src and "### END SOLUTION" in src, name
        tree = ast.parse(src)
        defs = [n for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)]
        if not defs and assigned_names(src) == [name]:
            continue  # a quiz answer: one variable, its question in the cell above
        assert [d.name for d in defs] == [name], (
            f"cell {name} must define exactly {name}"
        )
        assert ast.get_docstring(defs[0]), f"{name} needs a docstring stating the task"
    tests = cells.exercise_tests(nb, strict=True)
    assert all(tests.values()), (
        f"exercises without tests: {[n for n, t in tests.items() if not t]}"
    )


def _lesson_cells_run(nb: dict) -> list[str]:
    """The lesson-only cells grading the instructor's own notebook would still run
    (:func:`cells.left_out`): a cell outside the lesson reads a name one binds."""
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    lessons = frozenset(cells.source(c).strip() for c in code if cells.is_lesson(c))
    out = cells.left_out([cells.source(c) for c in code], lessons)
    return [c["id"] for i, c in enumerate(code) if cells.is_lesson(c) and i not in out]


def _unneeded_cells(nb: dict) -> list[str]:
    """The plain code cells (the set-up cell aside) not marked lesson-only that
    grading could leave out as well: no cell that runs reads from them."""
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    plain = [
        c for c in code[1:] if not cells.nbgrader_meta(c) and not cells.is_lesson(c)
    ]
    candidates = frozenset(
        cells.source(c).strip() for c in code if cells.is_lesson(c) or c in plain
    )
    out = cells.left_out([cells.source(c) for c in code], candidates)
    return [c["id"] for i, c in enumerate(code) if i in out and c in plain]


@pytest.mark.parametrize("path", SOURCES, ids=IDS)
def test_lesson_only_cells_bind_nothing_the_graded_notebook_needs(path):
    """Grading leaves out lesson-only cells (interview_lab/execute.py) unless a cell
    that runs reads a name one binds: in the instructor's notebook none may."""
    nb = json.loads(path.read_text())
    assert any(cells.is_lesson(c) for c in nb["cells"]), "no lesson-only cell"
    assert _lesson_cells_run(nb) == []


@pytest.mark.parametrize("path", SOURCES, ids=IDS)
def test_every_cell_grading_does_not_need_is_lesson_only(path):
    """Each one runs once for every submission: 08's split and model comparison cost
    1.7 s a submission before it was marked."""
    assert _unneeded_cells(json.loads(path.read_text())) == []


def test_lesson_cells_grading_runs_and_cells_it_need_not_run_are_reported():
    nb = nbtool.text_to_notebook(
        "# %%\nimport numpy as np\n\n# %% lesson\nx = topic.data()\n\n# %%\n"
        "print(x)\n\n# %%\nk = 2\n\n# %% answer id=f\ndef f(x):\n    return x * k\n"
    )
    assert _lesson_cells_run(nb) == ["cell-001"]  # cell-002 reads x
    assert _unneeded_cells(nb) == ["cell-002"]  # f's x is its own; it reads k


@pytest.mark.parametrize("path", SOURCES, ids=IDS)
def test_graded_cells_start_with_a_docstring_and_end_without_a_bare_value(path):
    nb = json.loads(path.read_text())
    for cell in nb["cells"]:
        meta = cells.nbgrader_meta(cell)
        if not (meta.get("grade") and cell["cell_type"] == "code"):
            continue
        tree = ast.parse(cells.source(cell))
        first = tree.body[0]
        assert (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        ), f"{meta['grade_id']}: first line must say what it checks"
        assert len(first.value.value.splitlines()) == 1, meta["grade_id"]
        assert meta.get("points", 0) > 0, meta["grade_id"]
        last = tree.body[-1]
        bare = (
            isinstance(last, ast.Expr)
            and not isinstance(last.value, ast.Call)
            and last is not first
        )
        assert not bare, (
            f"{meta['grade_id']} ends with a bare expression (read as partial credit)"
        )


@pytest.mark.parametrize("path", SOURCES, ids=IDS)
def test_nbtool_round_trip_is_exact(path, tmp_path):
    text = nbtool.notebook_to_text(json.loads(path.read_text()))
    nbtool.write_notebook(nbtool.text_to_notebook(text), tmp_path / path.name)
    assert (tmp_path / path.name).read_bytes() == path.read_bytes()


def test_nbtool_header_kinds():
    nb = nbtool.text_to_notebook(
        "# %% [markdown]\n# # Title\n#\n# text\n"
        "# %% answer id=f\ndef f():\n    pass\n"
        '# %% test id=test_f points=2\n"""checks f."""\n'
        "# %% [markdown] manual id=q1 points=3\n# answer here\n"
    )
    md, answer, test, manual = nb["cells"]
    assert "".join(md["source"]) == "# Title\n\ntext"
    assert answer["metadata"]["nbgrader"] == {
        "grade": False,
        "grade_id": "f",
        "locked": False,
        "schema_version": 3,
        "solution": True,
        "task": False,
    }
    assert test["metadata"]["nbgrader"]["points"] == 2
    assert test["metadata"]["nbgrader"]["locked"] is True
    assert (
        manual["metadata"]["nbgrader"]["solution"]
        and manual["metadata"]["nbgrader"]["grade"]
    )
    with pytest.raises(SystemExit, match="line 1: the answer cell needs id="):
        nbtool.text_to_notebook("# %% answer\nx = 1\n")
    with pytest.raises(SystemExit, match="line 2: a cell header needs a role"):
        nbtool.text_to_notebook("# %%\n# %% id=f\nx = 1\n")


PACKAGE = REPO / "src" / "interview_lab"
# Topic packages are checked by tests/test_topic_contract.py.
MODULES = sorted(
    ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(
        ".__init__"
    )
    for p in [*PACKAGE.glob("*.py"), PACKAGE / "topics" / "__init__.py"]
)


@pytest.mark.parametrize("module", MODULES)
def test_all_lists_every_public_function_and_class(module):
    path = PACKAGE.parent.joinpath(*module.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    tree = ast.parse(path.read_text())
    public = {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.ClassDef)
        and not node.name.startswith("_")
    }
    mod = importlib.import_module(module)
    listed = set(getattr(mod, "__all__", ()))
    assert not public - listed, f"{module}.__all__ omits {sorted(public - listed)}"
    missing = sorted(name for name in listed if not hasattr(mod, name))
    assert not missing, f"{module}.__all__ names what it lacks: {missing}"


def test_makefile_phony_names_exactly_its_commands():
    text = (REPO / "Makefile").read_text()
    phony = re.search(r"^\.PHONY:((?:.*\\\n)*.*)$", text, re.M).group(1)
    commands = re.findall(r"^([a-z][a-z-]*):.*## ", text, re.M)
    assert sorted(phony.replace("\\", " ").split()) == sorted(commands)


def test_ruff_is_clean():
    """`make lint` passes: ruff's rules on code and notebooks, its format on code."""
    ruff = Path(sys.executable).parent / "ruff"
    for args in (
        ["check", "--quiet", "."],
        ["format", "--check", "src", "tests", "tools"],
    ):
        proc = subprocess.run(
            [str(ruff), *args], cwd=REPO, capture_output=True, text=True
        )
        assert proc.returncode == 0, f"ruff {args[0]}:\n{proc.stdout}{proc.stderr}"


def test_no_stray_notebooks_or_generated_files_are_tracked():
    files = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True
    ).stdout.split()
    stray = [
        f
        for f in files
        if "Untitled" in f
        or f.endswith((".db", ".pyc"))
        or "/.ipynb_checkpoints/" in f
        or (f.startswith("notebooks/") and f != "notebooks/README.md")
    ]
    assert not stray
