"""Every topic, checked the same way (as scikit-learn's estimator checks do).

* the dependency rule of a topic package: ``core`` imports neither ``checks`` nor
  ``figures`` (nor the checker or any plotting library), ``checks`` never imports
  ``figures`` (nor matplotlib or ipywidgets);
* its exercises are declared once, in ``EXERCISES``, one per answer cell of the source
  notebook and the other way round;
* every declared mistake differs from the reference on the exercise's cases and, fed
  to the checker as the learner's function, gets exactly its own hint;
* every graded test cell is self-contained: from the learner's cells it uses only its
  exercise's own name; everything else (the topic, NumPy, the case generators) it
  imports itself, so it runs the same whatever the learner did to other names.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import re
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest
from harness import REPO, read_nb, source_assignments

from interview_lab import cells
from interview_lab.checking import CheckFailed, Exercise

TOPICS = REPO / "src" / "interview_lab" / "topics"
IMPORT = re.compile(r"from interview_lab\.topics import (\w+) as topic")


def topic_of(assignment: str) -> str:
    """The topic package a source notebook imports (``... import metrics as topic``)."""
    (nb,) = sorted((REPO / "source" / assignment).glob("*.ipynb"))
    for cell in read_nb(nb)["cells"]:
        found = IMPORT.search(cells.source(cell))
        if found:
            return found.group(1)
    raise AssertionError(f"{nb} never imports its topic as `topic`")


def source_nb(assignment: str) -> dict:
    (nb,) = sorted((REPO / "source" / assignment).glob("*.ipynb"))
    return read_nb(nb)


ASSIGNMENTS = source_assignments()
TOPIC_NAMES = sorted(p.name for p in TOPICS.iterdir() if (p / "__init__.py").exists())


# ------------------------------------------------------------------- dependency rule
def imported_modules(path: Path) -> set[str]:
    """Absolute or package-relative names of every module a file imports."""
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            names.add(base)
            if node.module is None:
                names.update("." * node.level + alias.name for alias in node.names)
    return names


def breaks_rule(path: Path, banned: tuple[str, ...]) -> list[str]:
    found = []
    for name in imported_modules(path):
        for ban in banned:
            if name == ban or name.startswith(ban + "."):
                found.append(name)
    return sorted(found)


@pytest.mark.parametrize("topic", TOPIC_NAMES)
def test_topic_package_keeps_the_dependency_rule(topic):
    folder = TOPICS / topic
    for part in ("__init__", "core", "checks", "figures"):
        assert (folder / f"{part}.py").exists(), f"{topic}/{part}.py is missing"
    plotting = ("matplotlib", "ipywidgets", "pandas.plotting")
    assert not breaks_rule(
        folder / "core.py", (".checks", ".figures", "...checking", *plotting)
    ), f"{topic}/core.py imports the checker, the checks, the figures or plotting"
    helpers = sorted(
        p.name
        for p in folder.glob("*.py")
        if p.stem not in ("__init__", "core", "figures")
    )  # checks.py and the modules it splits into when it grows
    for name in helpers:
        assert not breaks_rule(folder / name, (".figures", *plotting)), (
            f"{topic}/{name} imports the figures or a plotting library"
        )


GRADING_NEVER_IMPORTS = ("matplotlib", "ipywidgets")


def modules_loaded_by_checker(topic: str) -> list[str]:
    """Plotting modules loaded by what a graded test cell does, in a fresh process."""
    code = (
        "import sys\n"
        f"from interview_lab.topics import {topic} as topic\n"
        "topic.checker, topic.EXERCISES\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(GRADING_NEVER_IMPORTS)!r}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return ast.literal_eval(out.stdout.strip())


def test_a_graded_test_cell_never_loads_the_figures():
    """The judge imports each topic in the grader's process: figures cost it ~1 s."""
    loaded = {t: modules_loaded_by_checker(t) for t in TOPIC_NAMES}
    assert not {t: m for t, m in loaded.items() if m}, loaded


def test_rule_checker_sees_a_forbidden_import(tmp_path):
    bad = tmp_path / "checks.py"
    bad.write_text("from .figures import thing\nimport matplotlib.pyplot as plt\n")
    assert breaks_rule(bad, (".figures", "matplotlib")) == [
        ".figures",
        "matplotlib.pyplot",
    ]


# --------------------------------------------------------------- exercises declared once
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_answer_cell_is_declared_and_every_declaration_answered(assignment):
    topic = importlib.import_module(f"interview_lab.topics.{topic_of(assignment)}")
    answers = cells.answer_cells(source_nb(assignment))
    declared = list(getattr(topic, "EXERCISES", {}))
    assert sorted(answers) == sorted(declared), (
        f"{assignment}: answer cells {answers} but EXERCISES declares {declared}"
    )
    for name in declared:
        assert isinstance(topic.EXERCISES[name], Exercise)
        assert topic.EXERCISES[name].hint, f"{name} has no hint"


def _mistakes():
    for assignment in ASSIGNMENTS:
        try:
            topic = importlib.import_module(
                f"interview_lab.topics.{topic_of(assignment)}"
            )
        except Exception as exc:  # reported by the test, not at collection
            yield pytest.param(exc, assignment, -1, id=f"{assignment}-import")
            continue
        for name, exercise in getattr(topic, "EXERCISES", {}).items():
            for i in range(len(exercise.mistakes)):
                yield pytest.param(topic, name, i, id=f"{name}-{i}")


@pytest.mark.parametrize("topic, name, index", list(_mistakes()))
def test_every_mistake_is_told_apart_and_gets_its_hint(topic, name, index):
    """A learner function that makes exactly this mistake gets exactly this hint."""
    if isinstance(topic, Exception):
        raise topic
    exercise = topic.EXERCISES[name]
    assert exercise.reference is not None and exercise.cases is not None, (
        f"{name} declares mistakes, so it needs a reference and cases to show them"
    )
    mistake = exercise.mistakes[index]
    hints = []
    for args in exercise.cases():
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            check = topic.checker(name, mistake.compute)
            try:
                check(*args)
            except CheckFailed as failure:
                hints.append(str(failure).split("  hint:     ")[-1])
                if str(failure).endswith(f"  hint:     {mistake.hint}"):
                    return
    assert hints, f"no case of {name} tells mistake {index} from the reference"
    pytest.fail(
        f"mistake {index} of {name} is caught but never with its own hint; "
        f"it got: {sorted(set(hints))[:3]}"
    )


# ---------------------------------------------------------- self-contained test cells
BUILTINS = set(dir(builtins)) | {"__name__", "__file__", "display", "get_ipython"}


def free_names(code: str) -> set[str]:
    """Names a cell reads that it never binds itself (builtins aside)."""
    tree = ast.parse(code)
    loaded, bound = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            for alias in node.names:
                bound.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return loaded - bound - BUILTINS


def test_free_names_sees_an_outside_variable():
    code = "import numpy as np\ncheck = topic.checker('mae', mae)\ncheck(y, np.ones(2))"
    assert free_names(code) == {"topic", "mae", "y"}


def _test_cells():
    for assignment in ASSIGNMENTS:
        nb = source_nb(assignment)
        owners = {
            gid: owner
            for owner, tests in cells.exercise_tests(nb).items()
            for gid, _ in tests
        }
        for cell in cells.graded_tests(nb):
            gid = cells.grade_id(cell)
            yield pytest.param(
                cells.source(cell), owners[gid], id=f"{assignment}-{gid}"
            )


@pytest.mark.parametrize("code, exercise", list(_test_cells()))
def test_graded_test_cell_is_self_contained(code, exercise):
    outside = free_names(code) - {exercise}
    assert not outside, (
        f"this test cell of {exercise} uses {sorted(outside)} from earlier cells; "
        "import it in the cell (the learner can change earlier cells)"
    )
