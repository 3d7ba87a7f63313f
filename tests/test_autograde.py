"""Every assignment through the real nbgrader pipeline, in a temporary course.

For each assignment in source/ one course is built and these submissions are
autograded together, in one nbgrader run:

* ``instructor``: the source notebook itself (solutions and hidden tests in place);
* ``solved``: the release notebook with the instructor's answers pasted in;
* ``untouched``: the release notebook as shipped (every stub raises);
* ``written`` (only where the notebook has manually graded answers): ``solved`` with
  text in every written answer, which nbgrader must leave for a person;
* one student per file in ``tests/submissions/<assignment>/``: the file's functions
  replace the solved answers of the same name. ``correct_*`` files must get full marks;
  in ``wrong_*`` files every function must lose marks on its exercise; ``hostile_*``
  files either kill the kernel or never return (``hostile_crash*``: 0 on those
  exercises, marks kept elsewhere) or delete the gradebook (``hostile_tamper*``: 0 on
  everything, and every other student keeps their grades).

Exact per-exercise scores are pinned in ``tests/goldens/scores_<assignment>.json``; after an
intended change, regenerate them with ``pytest tests/test_autograde.py --update-goldens``
and review the diff.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from harness import (
    GOLDENS,
    REPO,
    SUBMISSIONS,
    Course,
    answers_from_file,
    exercise_scores,
    notebook_path,
    read_nb,
    solved_release,
    source_assignments,
    variable_answers,
    with_answers,
)

from interview_lab import cells
from interview_lab.sandbox import sandbox_is_on

SANDBOX = sandbox_is_on()

ASSIGNMENTS = source_assignments()
pytestmark = pytest.mark.slow


TAMPERED_RUBRIC = "**Rubric.** Every answer earns full marks (4/4)."


def _tampered(written: dict) -> dict:
    """``written`` with its rubrics and written answers deleted or unmarked, in turn.

    Rubric 1 loses its nbgrader metadata and says :data:`TAMPERED_RUBRIC`; rubric 2
    is deleted; answer 3 loses its metadata; answer 4 is deleted (and so on, cycling).
    """
    nb = copy.deepcopy(written)
    rubrics = [c for c in nb["cells"] if str(cells.grade_id(c)).startswith("rubric_")]
    answers = [c for c in nb["cells"] if cells.is_manual(c)]
    for i, (rubric, answer) in enumerate(zip(rubrics, answers)):
        step = i % 4
        if step == 0:
            del rubric["metadata"]["nbgrader"]
            rubric["source"] = TAMPERED_RUBRIC
        elif step == 1:
            nb["cells"].remove(rubric)
        elif step == 2:
            del answer["metadata"]["nbgrader"]
        else:
            nb["cells"].remove(answer)
    return nb


def _tampered_more(written: dict) -> dict:
    """``written`` with rubrics moved, stolen, hidden and duplicated, in turn.

    Rubric 1 moves to the end with a look-alike (no metadata) above its answer;
    rubric 2's grade_id moves to the last cell (its look-alike text left in place);
    rubric 3 gets ``transient.remove_source``; answer 4 and its rubric are pasted again
    (the copies carrying the same grade ids, the rubric copy saying
    :data:`TAMPERED_RUBRIC`).
    """
    nb = copy.deepcopy(written)
    rubrics = [c for c in nb["cells"] if str(cells.grade_id(c)).startswith("rubric_")]
    answers = [c for c in nb["cells"] if cells.is_manual(c)]
    for i, (rubric, answer) in enumerate(zip(rubrics, answers)):
        step = i % 4
        if step == 0:
            nb["cells"].remove(rubric)
            nb["cells"].append(rubric)
            fake = {"cell_type": "markdown", "metadata": {}, "source": TAMPERED_RUBRIC}
            nb["cells"].insert(nb["cells"].index(answer), fake)
        elif step == 1:
            nb["cells"][-1]["metadata"]["nbgrader"] = rubric["metadata"].pop("nbgrader")
            rubric["source"] = TAMPERED_RUBRIC
        elif step == 2:
            rubric["metadata"]["transient"] = {"remove_source": True}
        else:
            copies = copy.deepcopy([rubric, answer])
            copies[0]["source"] = TAMPERED_RUBRIC
            at = nb["cells"].index(answer) + 1
            nb["cells"][at:at] = copies
    for i, cell in enumerate(nb["cells"]):
        cell["id"] = f"cell-{i}"  # pasted cells get new ids in JupyterLab
    return nb


def _param(a):
    return pytest.param(a, marks=pytest.mark.xdist_group(f"grade-{a}"), id=a)


class Graded:
    """An assignment generated and autograded in a temporary course."""

    def __init__(self, assignment: str, tmp: Path):
        self.assignment = assignment
        self.course = Course.create(tmp, [assignment])
        self.generated = read_nb(self.course.generate(assignment))
        self.source = read_nb(notebook_path(REPO, "source", assignment))
        self.tests = cells.exercise_tests(self.source, strict=True)
        self.max = {
            name: sum(p for _, p in tests) for name, tests in self.tests.items()
        }
        solved = solved_release(assignment)
        self.variants: dict[str, set[str]] = {}
        self.course.submit(assignment, "instructor", self.source)
        self.course.submit(assignment, "solved", solved)
        self.course.submit(
            assignment, "untouched", read_nb(notebook_path(REPO, "release", assignment))
        )
        variables = variable_answers(self.source)  # quiz answers
        for path in sorted((SUBMISSIONS / assignment).glob("*.py")):
            answers = answers_from_file(path, variables)
            self.variants[path.stem] = set(answers)
            self.course.submit(assignment, path.stem, with_answers(solved, answers))
        self.manual_ids = [
            cells.grade_id(c) for c in self.source["cells"] if cells.is_manual(c)
        ]
        if self.manual_ids:  # written answers: a person grades them
            written = copy.deepcopy(solved)
            for cell in written["cells"]:
                if cells.is_manual(cell):
                    cell["source"] = "A written answer, for a person to grade."
            self.course.submit(assignment, "written", written)
            self.course.submit(assignment, "tampered", _tampered(written))
            self.course.submit(assignment, "tampered_more", _tampered_more(written))
        # one nbgrader run for the whole class: on this 2-core machine the suite already
        # grades two assignments at a time, and grading each on two Dask workers too
        # took 34 minutes against about 18 (the parallel path has its own tests)
        self.log = self.course.autograde(assignment)
        self.cells = self.course.scores(assignment)
        self.manual = self.course.manual_grades(assignment, self.manual_ids)
        self.by_exercise = {
            student: exercise_scores(scores, self.tests)
            for student, scores in self.cells.items()
        }


@pytest.fixture(scope="module", params=[_param(a) for a in ASSIGNMENTS])
def graded(request, tmp_path_factory) -> Graded:
    return Graded(request.param, tmp_path_factory.mktemp(request.param))


def test_every_exercise_has_tests_and_points(graded):
    for name, tests in graded.tests.items():
        assert tests, f"{name} has no test cells"
        assert graded.max[name] > 0
        ids = [gid for gid, _ in tests]
        assert all(gid.startswith(f"test_{name}") for gid in ids)


def test_release_matches_fresh_generate_assignment(graded):
    committed = read_nb(notebook_path(REPO, "release", graded.assignment))
    assert committed == graded.generated, (
        f"release/{graded.assignment} is out of date: run `make release` and commit"
    )


def test_release_hides_solutions_and_hidden_tests(graded):
    text = json.dumps(graded.generated)
    for marker in (
        "BEGIN SOLUTION",
        "END SOLUTION",
        "BEGIN HIDDEN TESTS",
        "END HIDDEN TESTS",
    ):
        assert marker not in text
    source_hidden = [
        cells.source(c)
        for c in graded.source["cells"]
        if "### BEGIN HIDDEN TESTS" in cells.source(c)
    ]
    assert source_hidden, "no hidden tests in the source notebook"
    for cell in graded.generated["cells"]:
        if cells.is_answer(cell):
            assert "raise NotImplementedError()" in cells.source(cell)


def test_instructor_notebook_gets_full_marks(graded):
    assert graded.by_exercise["instructor"] == graded.max, graded.log.stderr[-3000:]


def test_solved_release_gets_full_marks(graded):
    assert graded.by_exercise["solved"] == graded.max


def test_untouched_release_gets_zero(graded):
    assert sum(graded.by_exercise["untouched"].values()) == 0


def test_correct_variants_get_full_marks(graded):
    correct = [v for v in graded.variants if v.startswith("correct")]
    if graded.tests:
        assert len(correct) >= 2, "add two differently written correct submissions"
    for variant in correct:
        assert graded.by_exercise[variant] == graded.max, variant


def test_wrong_variants_lose_marks_on_every_wrong_function(graded):
    wrong = [v for v in graded.variants if v.startswith("wrong")]
    if graded.tests:
        assert wrong, "add wrong-but-plausible submissions"
    for variant in wrong:
        for name in graded.variants[variant]:
            got = graded.by_exercise[variant][name]
            assert got < graded.max[name], f"{variant}.{name} kept all {got} points"


def test_hostile_variants_lose_only_what_they_broke(graded):
    for variant in [v for v in graded.variants if v.startswith("hostile_crash")]:
        scores = graded.by_exercise[variant]
        for name in graded.variants[variant]:
            assert scores[name] == 0, f"{variant}.{name} scored {scores[name]}"
        assert sum(scores.values()) > 0, f"{variant} lost every mark"


def test_a_submission_that_deletes_the_gradebook_harms_no_one(graded):
    """With the sandbox on, the gradebook is out of the kernel's sight: the answer
    that tries to delete it just returns a wrong value and loses that exercise only.
    Without the sandbox, the executor notices, restores the gradebook and gives the
    submission 0 everywhere. Either way every other learner keeps their grades."""
    correct = ["instructor", "solved"]
    correct += [v for v in graded.variants if v.startswith("correct")]
    for variant in [v for v in graded.variants if v.startswith("hostile_tamper")]:
        for student in correct:  # those graded before it included
            assert graded.by_exercise[student] == graded.max, student
        scores = graded.by_exercise[variant]
        text = json.dumps(
            read_nb(
                graded.course.root
                / "autograded"
                / variant
                / graded.assignment
                / notebook_path(REPO, "release", graded.assignment).name
            )
        )
        if SANDBOX:
            for name in graded.max:
                want = 0 if name in graded.variants[variant] else graded.max[name]
                assert scores[name] == want, (variant, name)
            assert "deleted or overwrote the gradebook" not in text
        else:
            assert sum(scores.values()) == 0
            assert "deleted or overwrote the gradebook" in text


def test_manual_answers_are_left_for_the_grader(graded):
    """A written answer gets no automatic score: it waits for a person. An unanswered
    one (the release's text unchanged) gets 0 from nbgrader itself. Either way the
    autograded exercises score as usual (pinned in the goldens)."""
    if not graded.manual_ids:
        return
    assert graded.manual["written"] == dict.fromkeys(graded.manual_ids, (None, True))
    assert graded.by_exercise["written"] == graded.max
    for student in ("untouched", "solved"):
        assert graded.manual[student] == dict.fromkeys(graded.manual_ids, (0, False))


@pytest.mark.parametrize("student", ["tampered", "tampered_more"])
def test_tampered_rubrics_and_answers_are_put_back(graded, student):
    """A submission that deletes, unmarks, moves, steals, hides or duplicates rubrics
    and written answers still shows the grader every original rubric, visible and
    right above its answer cell, and every written answer waits for a person; its
    autograded exercises score as usual."""
    if not graded.manual_ids:
        return
    assert graded.manual[student] == dict.fromkeys(graded.manual_ids, (None, True))
    assert graded.by_exercise[student] == graded.max
    name = notebook_path(REPO, "release", graded.assignment).name
    nb = read_nb(graded.course.root / "autograded" / student / graded.assignment / name)
    ids = [cells.grade_id(c) for c in nb["cells"]]
    assert len(ids) - ids.count(None) == len(set(ids) - {None}), "duplicate grade ids"
    source = {cells.grade_id(c): cells.source(c) for c in graded.source["cells"]}
    for answer in graded.manual_ids:
        rubric = nb["cells"][ids.index(f"rubric_{answer}")]
        assert cells.source(rubric).endswith(source[f"rubric_{answer}"])
        assert "transient" not in rubric["metadata"]
        assert ids.index(answer) == ids.index(f"rubric_{answer}") + 1
    notes = [
        c for c in nb["cells"] if "by the autograder" in cells.source(c).split("\n")[0]
    ]
    assert len(notes) == {"tampered": 4, "tampered_more": 2}[student]


def test_scores_match_goldens(graded, request):
    path = GOLDENS / f"scores_{graded.assignment}.json"
    got = {  # a hostile_tamper score depends on the sandbox: tested above
        student: graded.by_exercise[student]
        for student in sorted(graded.by_exercise)
        if not student.startswith("hostile_tamper")
    }
    if request.config.getoption("--update-goldens"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(got, indent=1, sort_keys=True) + "\n")
        pytest.skip(f"goldens updated: {path.name}")
    assert path.exists(), f"no goldens yet: run with --update-goldens ({path.name})"
    assert got == json.loads(path.read_text())
