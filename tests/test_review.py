"""Spaced review (``make review``): the schedule on synthetic grading histories."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from interview_lab import review
from interview_lab.grading import ExerciseResult, GradeReport, NotebookResult, _record

UTC = dt.UTC
DAY0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def at(day: int, hour: int = 9) -> dt.datetime:
    return DAY0 + dt.timedelta(days=day, hours=hour - 9)


def row(day: int, exercises: dict, assignment: str = "01_metrics", **extra) -> dict:
    return {
        "time": at(day).isoformat(),
        "assignment": assignment,
        "exercises": exercises,
        **extra,
    }


def one(history: list[dict], now_day: float, exercise: str = "precision"):
    now = DAY0 + dt.timedelta(days=now_day)
    (item,) = review.schedule([("01_metrics", exercise)], history, now=now)
    return item


PASS, FAIL = [3.0, 3.0], [1.0, 3.0]


def test_never_graded_is_new():
    item = one([row(0, {"recall": PASS})], 0)
    assert (item.status, item.due, item.passes) == ("new", None, 0)


@pytest.mark.parametrize(
    "pass_days, due_day",
    [
        ([0], 1),  # first pass: review a day later
        ([0, 1], 4),  # on time: 3 days
        ([0, 1, 4], 11),  # 7 days
        ([0, 1, 4, 11], 32),  # 21 days
        ([0, 1, 4, 11, 32], 53),  # and 21 from then on
        ([0, 0, 0], 1),  # passing again before the review is due changes nothing
        ([0, 3], 6),  # a late review counts from the day it was done
        ([0, 1, 2, 3], 4),  # the passes on days 2 and 3 came early
    ],
)
def test_each_pass_on_time_moves_the_review_along_the_intervals(pass_days, due_day):
    history = [row(d, {"precision": PASS}) for d in pass_days]
    item = one(history, pass_days[-1])
    assert item.due == at(due_day).date()
    assert item.status == "later"
    assert one(history, due_day).status == "due"


def test_a_failure_is_practised_first_and_sends_the_exercise_back_to_the_start():
    history = [row(0, {"precision": PASS}), row(1, {"precision": PASS})]
    history.append(row(2, {"precision": FAIL}))
    assert one(history, 2).status == "failed"
    assert one(history, 30).status == "failed", "failed stays failed until passed"
    history.append(row(3, {"precision": PASS}))
    item = one(history, 3)
    assert (item.status, item.passes, item.due) == ("later", 1, at(4).date())


def test_history_order_in_the_file_does_not_matter():
    history = [row(1, {"precision": FAIL}), row(0, {"precision": PASS})]
    assert one(history, 1).status == "failed"
    assert one(list(reversed(history)), 1).status == "failed"


def test_days_are_counted_where_the_learner_is():
    """A pass at 23:30 UTC is the next day in Tokyo: due a day later there."""
    tokyo = dt.timezone(dt.timedelta(hours=9))
    history = [
        {
            "time": "2026-03-02T23:30:00+00:00",
            "assignment": "01_metrics",
            "exercises": {"precision": PASS},
        }
    ]
    utc_item = review.schedule(
        [("01_metrics", "precision")],
        history,
        now=dt.datetime(2026, 3, 3, 12, tzinfo=UTC),
    )[0]
    tokyo_item = review.schedule(
        [("01_metrics", "precision")],
        history,
        now=dt.datetime(2026, 3, 3, 21, tzinfo=tokyo),
    )[0]
    assert (utc_item.status, str(utc_item.due)) == ("due", "2026-03-03")
    assert (tokyo_item.status, str(tokyo_item.due)) == ("later", "2026-03-04")


def test_the_order_is_failed_new_due_then_later():
    exercises = [("01_metrics", e) for e in ("a", "b", "c", "d", "e", "f", "g")]
    history = [
        row(0, {"a": PASS, "b": FAIL, "d": PASS}),
        row(5, {"e": PASS, "f": FAIL}),
        row(9, {"g": PASS}),
    ]
    items = review.schedule(exercises, history, now=at(9))
    assert [(i.exercise, i.status) for i in items] == [
        ("b", "failed"),  # failed, in course order
        ("f", "failed"),
        ("c", "new"),
        ("a", "due"),  # due since day 1: the most overdue first
        ("d", "due"),
        ("e", "due"),  # due since day 6
        ("g", "later"),
    ]


def test_unreadable_lines_and_other_students_are_left_out(tmp_path):
    path = tmp_path / "history.jsonl"
    lines = [
        json.dumps(row(0, {"precision": FAIL}, student="ana")),
        "not json",
        json.dumps({"time": "yesterday", "exercises": {"precision": PASS}}),
        json.dumps(row(1, {"precision": PASS}, student="ben")),
        json.dumps(["a list"]),
        json.dumps(row(1, {"precision": "full"}, student="ana")),
    ]
    path.write_text("\n".join(lines) + "\n")
    assert len(review.read_history(path)) == 4
    ana = review.read_history(path, "ana")
    assert one(ana, 1).status == "failed"
    assert one(review.read_history(path, "ben"), 1).status == "later"
    assert review.read_history(tmp_path / "missing.jsonl") == []


def test_what_make_grade_records_is_what_the_review_reads(tmp_path):
    report = GradeReport(
        "01_metrics",
        "ana",
        [
            NotebookResult(
                "metrics",
                [
                    ExerciseResult("precision", 3.0, 3.0),
                    ExerciseResult("recall", 2.0, 3.0),
                ],
            )
        ],
        tmp_path,
    )
    _record(tmp_path, report, at(0))
    rows = review.read_history(tmp_path / "history.jsonl", "ana")
    items = review.schedule(
        [("01_metrics", "precision"), ("01_metrics", "recall")], rows, now=at(0)
    )
    assert [(i.exercise, i.status) for i in items] == [
        ("recall", "failed"),
        ("precision", "later"),
    ]


def test_the_review_list_as_printed():
    exercises = [("01_metrics", e) for e in ("precision", "recall", "f_beta")]
    exercises.append(("10_recommender", "recommend"))
    history = [
        row(0, {"precision": PASS, "recall": FAIL}),
        row(0, {"recommend": PASS}, assignment="10_recommender"),
        row(1, {"recommend": PASS}, assignment="10_recommender"),
    ]
    lines = review.format_review(review.schedule(exercises, history, now=at(3)), at(3))
    assert lines == [
        "Practise now (3):",
        "  failed  01_metrics/recall     lost points when last graded (2026-03-02 09:00)",
        "  new     01_metrics/f_beta     never graded",
        "  due     01_metrics/precision  passed 1x, review due, 2 day(s) late",
        "Coming up:",
        "  later   10_recommender/recommend  passed 2x, next review in 1 day(s), 2026-03-06",
    ]
    items = review.schedule(exercises, history, now=at(3))
    assert review.summary(items) == {"01_metrics": "1 failed, 1 due"}
    done = review.schedule(exercises[:1], history, now=at(0))
    assert review.format_review(done, at(0)) == [
        "Nothing to practise today: every exercise is passed and not due.",
        "Coming up:",
        "  later   01_metrics/precision  passed 1x, next review in 1 day(s), 2026-03-03",
    ]


def test_the_catalog_is_every_answer_cell_of_the_course_in_order():
    from harness import REPO

    found = review.catalog(REPO)
    assert found[0][0] == "01_metrics"
    assert ("05_logistic_regression", "LogisticRegressionGD") in found
    assert len(found) == len(set(found)) > 40
    assert [a for a, _ in found] == sorted(a for a, _ in found)


def test_a_long_list_shows_the_first_ones_and_says_how_many_more():
    exercises = [("01_metrics", f"e{i}") for i in range(15)]
    lines = review.format_review(review.schedule(exercises, [], now=at(0)), at(0))
    assert lines[0] == "Practise now (15):"
    assert lines[1] == "  new     01_metrics/e0   never graded"
    assert lines[13:] == ["  ... and 3 more (make review ALL=1)"]
    everything = review.format_review(
        review.schedule(exercises, [], now=at(0)), at(0), limit=None
    )
    assert len(everything) == 16
