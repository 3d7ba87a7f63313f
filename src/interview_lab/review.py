"""Spaced review: what to practise next, from your own grading history.

Every ``make grade`` adds a line to ``.selfstudy/history.jsonl`` with the points of
each exercise. From those lines, each exercise of the course gets a status:

* ``failed``: its latest grading lost points. Practise it first.
* ``new``: never graded.
* ``due``: passed (full points), and its next review has come.
* ``later``: passed, and not due yet (the date says when).

A pass moves an exercise one step along :data:`INTERVALS` (1, 3, 7 then 21 days),
counted from that pass; a pass before the review is due changes nothing, and a failure
sends it back to the start. ``make review`` lists failed, new and due exercises, in that
order, then the next ones to come due.

>>> import datetime as dt
>>> day = dt.datetime(2026, 1, 1, 9)
>>> rows = [{"time": day.isoformat(), "assignment": "01_metrics",
...          "exercises": {"precision": [3, 3], "recall": [1, 3]}}]
>>> items = schedule([("01_metrics", "precision"), ("01_metrics", "recall"),
...                   ("01_metrics", "f_beta")], rows, now=day)
>>> [(i.exercise, i.status, str(i.due)) for i in items]
[('recall', 'failed', '2026-01-01'), ('f_beta', 'new', 'None'), ('precision', 'later', '2026-01-02')]
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import cells, course
from .grading import SELFSTUDY, student_id

__all__ = [
    "INTERVALS",
    "ReviewItem",
    "catalog",
    "format_review",
    "read_history",
    "schedule",
    "show_review",
    "summary",
]

#: Days from a pass to the next review: after the 1st, 2nd, 3rd, and every later pass.
INTERVALS = (1, 3, 7, 21)
#: Statuses in the order they are practised.
ORDER = ("failed", "new", "due", "later")


@dataclass(frozen=True)
class ReviewItem:
    """One exercise's place in the review schedule."""

    assignment: str
    exercise: str
    status: str
    due: dt.date | None = None
    passes: int = 0
    last: dt.datetime | None = None

    def describe(self, today: dt.date) -> str:
        """``"failed on 2026-01-03"``, ``"never graded"``, ``"due 2 days ago"``..."""
        if self.status == "new":
            return "never graded"
        assert self.last is not None and self.due is not None
        if self.status == "failed":
            return f"lost points when last graded ({self.last:%Y-%m-%d %H:%M})"
        days = (self.due - today).days
        if days > 0:
            return f"passed {self.passes}x, next review in {days} day(s), {self.due}"
        late = f", {-days} day(s) late" if days < 0 else ""
        return f"passed {self.passes}x, review due{late}"


def read_history(path: Path, student: str | None = None) -> list[dict]:
    """The lines of a ``history.jsonl`` (for ``student`` if given), skipping any that
    cannot be read."""
    rows = []
    if not path.exists():
        return rows
    for line in path.read_text().splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if not isinstance(row, dict) or not isinstance(row.get("exercises"), dict):
            continue
        if student is not None and row.get("student", student) != student:
            continue
        rows.append(row)
    return rows


def _attempts(rows: Iterable[dict]) -> dict[tuple[str, str], list[tuple]]:
    """``{(assignment, exercise): [(time, passed), ...]}`` in time order."""
    found: dict[tuple[str, str], list[tuple]] = {}
    for row in rows:
        try:
            when = dt.datetime.fromisoformat(row["time"])
        except (KeyError, TypeError, ValueError):
            continue
        for exercise, points in row["exercises"].items():
            try:
                score, max_score = (float(p) for p in points)
            except (TypeError, ValueError):
                continue
            passed = max_score > 0 and score >= max_score
            found.setdefault((row.get("assignment", ""), exercise), []).append(
                (when, passed)
            )
    for attempts in found.values():
        attempts.sort(key=lambda a: a[0])
    return found


def _now(now: dt.datetime | None) -> dt.datetime:
    return now if now is not None else dt.datetime.now().astimezone()


def _day(when: dt.datetime, now: dt.datetime) -> dt.date:
    """The calendar day of ``when`` where the learner is (``now``'s time zone)."""
    if when.tzinfo is not None and now.tzinfo is not None:
        when = when.astimezone(now.tzinfo)
    return when.date()


def _item(assignment: str, exercise: str, attempts: list[tuple], now: dt.datetime):
    if not attempts:
        return ReviewItem(assignment, exercise, "new")
    passes, due = 0, None
    for when, passed in attempts:
        day = _day(when, now)
        if not passed:
            passes, due = 0, day
        elif passes == 0 or due is None or day >= due:
            passes += 1
            due = day + dt.timedelta(days=INTERVALS[min(passes, len(INTERVALS)) - 1])
    last = attempts[-1][0]
    today = now.date()
    if passes == 0:
        return ReviewItem(assignment, exercise, "failed", due, 0, last)
    status = "due" if today >= due else "later"
    return ReviewItem(assignment, exercise, status, due, passes, last)


def schedule(
    exercises: Iterable[tuple[str, str]],
    rows: Iterable[dict],
    now: dt.datetime | None = None,
) -> list[ReviewItem]:
    """Every exercise's review status, in the order to practise them.

    Parameters
    ----------
    exercises : iterable of (assignment, exercise)
        The course's exercises, in course order (see :func:`catalog`).
    rows : iterable of dict
        Grading history lines (see :func:`read_history`).
    now : datetime, optional
        The time to schedule for (default: now, in the local time zone); days are
        counted in its time zone.

    Returns
    -------
    list of ReviewItem
        Failed ones, then never graded (both in course order), then due ones (the
        most overdue first), then the rest (the soonest due first).
    """
    now = _now(now)
    history = _attempts(rows)
    items = [
        (i, _item(a, e, history.get((a, e), []), now))
        for i, (a, e) in enumerate(exercises)
    ]

    def key(pair):
        index, item = pair
        rank = ORDER.index(item.status)
        when = item.due.toordinal() if item.status in ("due", "later") else 0
        return (rank, when, index)

    return [item for _, item in sorted(items, key=key)]


def catalog(root: Path) -> list[tuple[str, str]]:
    """``(assignment, exercise)`` for every answer cell of ``source/``, in course
    order."""
    found = []
    for assignment in course.assignments(root):
        for path in sorted((root / "source" / assignment).glob("*.ipynb")):
            nb = json.loads(path.read_text())
            found += [(assignment, name) for name in cells.answer_cells(nb)]
    return found


def format_review(
    items: list[ReviewItem],
    now: dt.datetime | None = None,
    upcoming: int = 5,
    limit: int | None = 12,
) -> list[str]:
    """The lines ``make review`` prints: what to practise now (the first ``limit``
    of them; ``None`` for all), then the next ``upcoming`` to come due."""
    today = _now(now).date()
    now_items = [i for i in items if i.status != "later"]
    later = [i for i in items if i.status == "later"][:upcoming]
    lines = []
    if now_items:
        lines.append(f"Practise now ({len(now_items)}):")
        shown = now_items if limit is None else now_items[:limit]
        width = max(len(f"{i.assignment}/{i.exercise}") for i in shown)
        for i in shown:
            name = f"{i.assignment}/{i.exercise}"
            lines.append(f"  {i.status:<6}  {name:<{width}}  {i.describe(today)}")
        if len(shown) < len(now_items):
            lines.append(
                f"  ... and {len(now_items) - len(shown)} more (make review ALL=1)"
            )
    else:
        lines.append("Nothing to practise today: every exercise is passed and not due.")
    if later:
        lines.append("Coming up:")
        width = max(len(f"{i.assignment}/{i.exercise}") for i in later)
        for i in later:
            name = f"{i.assignment}/{i.exercise}"
            lines.append(f"  {i.status:<6}  {name:<{width}}  {i.describe(today)}")
    return lines


def summary(items: list[ReviewItem]) -> dict[str, str]:
    """``{assignment: "1 failed, 2 due"}`` (empty when nothing is to practise)."""
    counts: dict[str, dict[str, int]] = {}
    for item in items:
        per = counts.setdefault(item.assignment, {})
        if item.status in ("failed", "due"):
            per[item.status] = per.get(item.status, 0) + 1
    return {
        a: ", ".join(f"{per[s]} {s}" for s in ORDER if s in per)
        for a, per in counts.items()
        if per
    }


def show_review(
    root: Path,
    student: str | None = None,
    now: dt.datetime | None = None,
    limit: int | None = 12,
) -> list[str]:
    """Print the review list for ``student`` (from ``.selfstudy/history.jsonl``)."""
    rows = read_history(root / SELFSTUDY / "history.jsonl", student_id(student))
    lines = format_review(schedule(catalog(root), rows, now), now, limit=limit)
    print("\n".join(lines))
    return lines
