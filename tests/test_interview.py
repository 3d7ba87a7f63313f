"""Mock interviews (``make interview``, ``make interview-grade``)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections import Counter

import pytest
from harness import REPO, read_nb
from test_grading import STUDENT, run_cli

from interview_lab import cells, interview
from interview_lab.review import catalog


def session(seed=7, minutes=45, history=None) -> interview.Session:
    coding, concepts, written = interview.draw(REPO, seed, minutes, history)
    return interview.Session(
        "interview-test",
        seed,
        minutes,
        "2026-03-02T09:00:00+00:00",
        coding,
        concepts,
        written,
    )


def test_a_session_draws_existing_exercises_the_same_way_for_a_seed():
    known = set(catalog(REPO))
    a, b = session(7), session(7)
    assert (a.coding, a.concepts, a.written) == (b.coding, b.concepts, b.written)
    assert a.coding in known and a.coding[0].startswith(interview.CODING)
    assert all((interview.CONCEPTS, q) in known for q in a.concepts)
    assert len(a.concepts) == 2 == len(set(a.concepts))
    assert len(session(7, minutes=20).concepts) == 1
    (concepts,) = (REPO / "source" / interview.CONCEPTS).glob("*.ipynb")
    written = [c for c in read_nb(concepts)["cells"] if cells.is_manual(c)]
    assert a.written in {cells.grade_id(c) for c in written}  # a written answer of 11
    drawn = {session(seed).coding for seed in range(12)}
    assert len(drawn) > 6, "the seed changes the session"


def test_the_draw_prefers_what_the_review_says_to_practise():
    """Every coding exercise passed today but one, which failed: it comes up far more
    often than its share."""
    coding = [e for e in catalog(REPO) if e[0].startswith(interview.CODING)]
    failed = coding[3]
    today = dt.datetime.now().astimezone().isoformat()  # the passes are not due yet
    rows = [
        {
            "time": today,
            "assignment": a,
            "exercises": {e: [0, 3] if (a, e) == failed else [3, 3]},
        }
        for a, e in coding
    ]
    counts = Counter(session(seed, history=rows).coding for seed in range(200))
    assert counts[failed] > 3 * 200 / len(coding)


def test_the_session_notebook_asks_without_teaching_and_hides_every_check():
    s = session(11)
    nb = interview.build_source(REPO, s)
    text = "\n".join(cells.source(c) for c in nb["cells"])
    assert interview.OPENING in text
    answers = [cells.grade_id(c) for c in nb["cells"] if cells.is_answer(c)]
    assert answers == [s.coding[1], *s.concepts]
    tests = [c for c in nb["cells"] if cells.is_test(c)]
    coding_tests = [
        c for c in tests if cells.grade_id(c).startswith(f"test_{s.coding[1]}")
    ]
    assert coding_tests and len(tests) > len(coding_tests)
    assert all(
        re.fullmatch(
            r'"""[^\n]*"""\n### BEGIN HIDDEN TESTS\n.*\n### END HIDDEN TESTS',
            cells.source(c),
            re.S,
        )
        for c in tests
    ), "no visible check: every test cell holds only its docstring when released"
    assert "<details>" not in text, "no hints"
    assert "Rubric" not in text and "Model answer" not in text
    assert not [c for c in nb["cells"] if cells.is_lesson(c)]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("interview") / "lab"
    root.mkdir()
    shutil.copy2(REPO / "nbgrader_config.py", root)
    shutil.copytree(REPO / "source", root / "source")
    # seed 3: 01_metrics/mae, q_supervised, q_cm_recall (a variant), star_project
    proc = run_cli(root, "interview", "--seed", "3", "--minutes", "30")
    assert proc.returncode == 0, proc.stderr[-3000:]
    (info,) = (root / "notebooks" / "interviews").glob("*.json")
    return root, json.loads(info.read_text()), proc


@pytest.mark.slow
@pytest.mark.xdist_group("interview")
def test_make_interview_writes_a_valid_session_with_no_solution_or_hidden_test(lab):
    root, info, proc = lab
    assert "seed 3" in proc.stdout and info["notebook"] in proc.stdout
    mine = root / info["notebook"]
    nb = read_nb(mine)
    text = "\n".join(cells.source(c) for c in nb["cells"])
    assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
    source = read_nb(root / ".selfstudy" / "source" / info["id"] / "interview.ipynb")
    secret = [
        line.strip()
        for c in source["cells"]
        for block in re.findall(
            r"### BEGIN (?:SOLUTION|HIDDEN TESTS)\n(.*?)### END", cells.source(c), re.S
        )
        for line in block.splitlines()
        if len(line.strip()) > 12 and not line.startswith(("from ", "import "))
    ]
    assert secret and not [line for line in secret if line in text]
    assert info["coding"][0].startswith(interview.CODING)
    assert info["minutes"] == 30 and info["seed"] == 3
    assert "q_cm_recall" in info["concepts"]
    assert str(interview.session_matrix(3)) in text and "[[905, 15]" not in text


@pytest.mark.slow
@pytest.mark.xdist_group("interview")
def test_interview_grade_scores_an_unsolved_then_a_solved_session(lab):
    root, info, _ = lab
    proc = run_cli(root, "interview-grade")
    assert proc.returncode == 0, proc.stderr[-3000:]
    total = re.search(r"^total +(\S+) / (\S+)$", proc.stdout, re.M)
    assert total and float(total.group(1)) == 0 and float(total.group(2)) > 0
    assert "time: " in proc.stdout and f"min of {info['minutes']}" in proc.stdout
    assert "score it yourself against its rubric" in proc.stdout
    assert "STAR helper on your answer:" in proc.stdout  # star_project is behavioural
    page = root / ".selfstudy" / "feedback" / STUDENT / info["id"] / "interview.html"
    assert f"feedback: {page.relative_to(root)}" in proc.stdout
    assert f"<code>{info['coding'][1]}</code>" in page.read_text()  # named, as in 01-11
    # the same session answered with the instructor's solutions
    source = read_nb(root / ".selfstudy" / "source" / info["id"] / "interview.ipynb")
    solutions = {
        cells.grade_id(c): cells.source(c)
        for c in source["cells"]
        if cells.is_answer(c)
    }
    mine = root / info["notebook"]
    nb = read_nb(mine)
    for c in nb["cells"]:
        if cells.grade_id(c) in solutions:
            c["source"] = solutions[cells.grade_id(c)]
    mine.write_text(json.dumps(nb))
    proc = run_cli(root, "interview-grade")
    assert proc.returncode == 0, proc.stderr[-3000:]
    total = re.search(r"^total +(\S+) / (\S+)$", proc.stdout, re.M)
    assert total and total.group(1) == total.group(2), proc.stdout
    rows = [
        json.loads(line)
        for line in (root / ".selfstudy" / "history.jsonl").read_text().splitlines()
    ]
    coding_a, coding_e = info["coding"]
    mine_rows = [r for r in rows if r.get("session") == info["id"]]
    assert {r["assignment"] for r in mine_rows} == {coding_a, interview.CONCEPTS}
    assert all(r["student"] == STUDENT and r["kind"] == "interview" for r in mine_rows)
    last = [r for r in mine_rows if r["assignment"] == coding_a][-1]
    assert last["exercises"][coding_e][0] == last["exercises"][coding_e][1] > 0
    review = run_cli(root, "review", "--all")
    assert f"later   {coding_a}/{coding_e} " in review.stdout  # passed: not due today


def test_the_quiz_numbers_change_with_the_seed_so_a_remembered_answer_fails():
    from interview_lab.checking import CheckFailed
    from interview_lab.topics import interview_concepts as topic

    matrices = {str(interview.session_matrix(seed)) for seed in range(20)}
    assert len(matrices) == 20 and interview.QUIZ_MATRIX_TEXT not in matrices
    s = session(3)  # asks q_cm_recall
    assert "q_cm_recall" in s.concepts
    nb = interview.build_source(REPO, s)
    text = "\n".join(cells.source(c) for c in nb["cells"])
    matrix = interview.session_matrix(3)
    (tn, fp), (fn, tp) = matrix
    assert f"`{matrix}`" in text and "What is its recall?" in text
    assert interview.QUIZ_MATRIX_TEXT not in text
    with pytest.raises(CheckFailed, match="expected"):
        topic.check_matrix_answer("q_cm_recall", 0.75, matrix)  # the quiz's answer
    topic.check_matrix_answer("q_cm_recall", f"{tp}/{tp + fn}", matrix)


def test_a_matrix_answer_is_checked_with_messages_that_say_why(capsys):
    from interview_lab.checking import CheckFailed
    from interview_lab.topics import interview_concepts as topic

    matrix = [[700, 20], [30, 90]]
    topic.check_matrix_answer("q_cm_precision", 90 / 110 + 0.004, matrix)
    assert capsys.readouterr().out == (
        "✓ q_cm_precision: precision = TP / (TP + FP) = 90 / 110 = 0.8182.\n"
    )
    with pytest.raises(CheckFailed) as info:
        topic.check_matrix_answer("q_cm_recall", 0.8, matrix)
    assert str(info.value) == (
        "q_cm_recall = 0.8\n  expected: 0.7500 (within 0.005)\n"
        "  hint:     recall = TP / (TP + FN), with [[TN, FP], [FN, TP]] = "
        "[[700, 20], [30, 90]]."
    )
    with pytest.raises(CheckFailed, match="cannot read the answer"):
        topic.check_matrix_answer("q_cm_recall", "about a half", matrix)
    with pytest.raises(ValueError, match="q_other"):
        topic.check_matrix_answer("q_other", 0.5, matrix)


def test_the_coding_question_shows_an_example_drawn_with_the_seed():
    examples = set()
    metrics = interview._source_nb(REPO, "01_metrics")
    for seed in range(30):
        s = interview.Session("x", seed, 45, "", ("01_metrics", "mae"), [], "")
        text = interview._example(metrics, s)
        assert text == interview._example(metrics, s), "the same seed, the same example"
        found = re.search(r"`(mae\(.*\))` returns `(.*)`\.$", text)
        assert found, text
        examples.add(found.group(1))
    assert len(examples) >= 3
    s = interview.Session(
        "x", 0, 45, "", ("07_pipelines", "build_preprocessor"), [], ""
    )
    pipelines = interview._source_nb(REPO, "07_pipelines")
    assert interview._example(pipelines, s) == ""  # an estimator is no one-line example
