"""Run notebooks through the real nbgrader pipeline in a temporary course.

A :class:`Course` is a copy of the repository's ``nbgrader_config.py`` and
``source/<assignment>/`` in a temporary folder with its own sqlite gradebook. Tests
generate the assignment there, drop submissions into ``submitted/``, run
``nbgrader autograde`` and read the scores back from the gradebook.

Submissions are built from the notebooks themselves:

* :func:`solved_release` is the release notebook with the instructor's answers pasted
  into the answer cells (what a perfect learner hands in);
* :func:`with_answers` replaces chosen answer cells with other code, e.g. the functions
  of a file in ``tests/submissions/<assignment>/``.
"""

from __future__ import annotations

import ast
import copy
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from interview_lab import cells, grading
from interview_lab.cells import source as cell_source  # noqa: F401 (for other tests)

REPO = Path(__file__).resolve().parents[1]
SUBMISSIONS = REPO / "tests" / "submissions"
GOLDENS = REPO / "tests" / "goldens"
SOLUTION_BLOCK = re.compile(
    r"^[ \t]*### BEGIN SOLUTION[ \t]*\n|^[ \t]*### END SOLUTION[ \t]*\n?", re.M
)


def source_assignments() -> list[str]:
    return sorted(p.name for p in (REPO / "source").iterdir() if p.is_dir())


def notebook_path(root: Path, folder: str, assignment: str) -> Path:
    (nb,) = sorted((root / folder / assignment).glob("*.ipynb"))
    return nb


def read_nb(path: Path) -> dict:
    return json.loads(Path(path).read_text())


def answer_cells_by_id(nb: dict) -> dict[str, dict]:
    """The answer cells (:func:`interview_lab.cells.is_answer`) by grade id."""
    return {cells.grade_id(c): c for c in nb["cells"] if cells.is_answer(c)}


def assigned_names(code: str) -> list[str]:
    """The names a cell's code assigns at its top level (``name = ...``), in order.

    Code that is not plain Python (an IPython magic) assigns nothing here.
    """
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    return [
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    ]


def variable_answers(nb: dict) -> list[str]:
    """The answer cells that assign a variable of their own name (a quiz answer)."""
    return [
        name
        for name, cell in answer_cells_by_id(nb).items()
        if name in assigned_names(cells.source(cell))
    ]


def solved_release(assignment: str, release_root: Path = REPO) -> dict:
    """The release notebook with the instructor's answers in its answer cells."""
    release = read_nb(notebook_path(release_root, "release", assignment))
    source = read_nb(notebook_path(REPO, "source", assignment))
    answers = {
        k: SOLUTION_BLOCK.sub("", cells.source(c))
        for k, c in answer_cells_by_id(source).items()
    }
    return with_answers(release, answers)


def with_answers(nb: dict, answers: dict[str, str]) -> dict:
    """A copy of ``nb`` whose answer cells named in ``answers`` hold the given code."""
    nb = copy.deepcopy(nb)
    answer = answer_cells_by_id(nb)
    for name, code in answers.items():
        if name not in answer:
            raise KeyError(f"no answer cell {name!r}; cells: {sorted(answer)}")
        answer[name]["source"] = code
    return nb


def answers_from_file(path: Path, variables=()) -> dict[str, str]:
    """Top-level functions and classes of a submission file, by name.

    Module-level imports in the file are put at the top of every answer. A top-level
    assignment ``name = ...`` is an answer too when ``name`` is in ``variables`` (the
    answer cells that assign a variable, such as a quiz answer ``q_l1_l2 = "b"``).
    """
    text = Path(path).read_text()
    tree = ast.parse(text)
    lines = text.splitlines(keepends=True)
    imports = "".join(
        ast.get_source_segment(text, node) + "\n"
        for node in tree.body
        if isinstance(node, ast.Import | ast.ImportFrom)
    )
    answers = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            start = min([node.lineno] + [d.lineno for d in node.decorator_list]) - 1
            answers[node.name] = imports + "".join(lines[start : node.end_lineno])
        elif (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id in variables
        ):
            segment = "".join(lines[node.lineno - 1 : node.end_lineno])
            answers[node.targets[0].id] = imports + segment
    return answers


@dataclass
class Course:
    """A temporary nbgrader course holding one or more assignments."""

    root: Path

    @classmethod
    def create(cls, tmp: Path, assignments: list[str]) -> Course:
        root = Path(tmp) / "course"
        root.mkdir(parents=True)
        shutil.copy2(REPO / "nbgrader_config.py", root)
        for a in assignments:
            shutil.copytree(REPO / "source" / a, root / "source" / a)
        return cls(root)

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.root / 'gradebook.db'}"

    def nbgrader(
        self,
        *args: str,
        timeout: float = 3600,  # a whole class of submissions on a busy 2-core box
        check: bool = True,
        env: dict | None = None,
        warm: bool = True,
    ) -> subprocess.CompletedProcess:
        # forked from a warm nbgrader process, as grade-all runs it: the suite runs
        # nbgrader dozens of times, and each fresh start imports it again (``warm``
        # False: nbgrader started afresh, as a learner's `make grade` does)
        proc = grading.run_nbgrader(
            list(args),
            self.root,
            env={
                "NBGRADER_DB_URL": self.db_url,
                "NBGRADER_EXCHANGE": str(self.root / ".exchange"),
                **(env or {}),
            },
            timeout=timeout,
            warm=[] if warm else None,
        )
        if check and proc.returncode != 0:
            raise AssertionError(
                f"nbgrader {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-4000:]}"
            )
        return proc

    def generate(self, assignment: str) -> Path:
        self.nbgrader("generate_assignment", assignment, "--force")
        return notebook_path(self.root, "release", assignment)

    def submit(
        self,
        assignment: str,
        student: str,
        nb: dict | str | bytes,
        name: str | None = None,
    ) -> Path:
        """Place a submission (a notebook dict, or raw text for broken files)."""
        name = name or notebook_path(self.root, "release", assignment).name
        folder = self.root / "submitted" / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        if isinstance(nb, dict):
            path.write_text(json.dumps(nb, indent=1))
        elif isinstance(nb, bytes):
            path.write_bytes(nb)
        else:
            path.write_text(nb)
        (folder / "timestamp.txt").write_text("2026-01-01 00:00:00.000000 UTC")
        return path

    def autograde(
        self, assignment: str, *extra: str, **kwargs
    ) -> subprocess.CompletedProcess:
        return self.nbgrader("autograde", assignment, "--force", *extra, **kwargs)

    def scores(self, assignment: str) -> dict[str, dict[str, float]]:
        """``{student: {grade_id: score}}`` of the autograded test cells."""
        from nbgrader.api import Gradebook, MissingEntry

        result: dict[str, dict[str, float]] = {}
        with Gradebook(self.db_url) as gb:
            nb_name = notebook_path(self.root, "release", assignment).stem
            for student in gb.students:
                try:
                    sub = gb.find_submission_notebook(nb_name, assignment, student.id)
                except MissingEntry:
                    continue
                result[student.id] = {
                    g.name: float(g.score)
                    for g in sub.grades
                    if g.auto_score is not None
                }
        return result

    def manual_grades(
        self, assignment: str, grade_ids
    ) -> dict[str, dict[str, tuple[float | None, bool]]]:
        """``{student: {grade_id: (auto_score, needs_manual_grade)}}`` for ``grade_ids``.

        For manually graded answers: nbgrader scores an unchanged one 0 by itself and
        leaves an answered one (``auto_score`` None) for a person.
        """
        from nbgrader.api import Gradebook, MissingEntry

        result: dict[str, dict[str, tuple[float | None, bool]]] = {}
        with Gradebook(self.db_url) as gb:
            nb_name = notebook_path(self.root, "release", assignment).stem
            for student in gb.students:
                try:
                    sub = gb.find_submission_notebook(nb_name, assignment, student.id)
                except MissingEntry:
                    continue
                result[student.id] = {
                    g.name: (g.auto_score, bool(g.needs_manual_grade))
                    for g in sub.grades
                    if g.name in grade_ids
                }
        return result


def exercise_scores(cell_scores: dict[str, float], tests: dict) -> dict[str, float]:
    """Sum cell scores per exercise."""
    return {
        name: sum(cell_scores.get(gid, 0.0) for gid, _ in cells)
        for name, cells in tests.items()
    }
