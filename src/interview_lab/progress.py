"""The learner's progress: best score so far per assignment, as a table and a chart.

Scores come from the self-study gradebook, ``.selfstudy/gradebook.db`` (the latest
grading of each assignment), and from ``.selfstudy/history.jsonl``, where every
``make grade`` adds a line, for the best score so far. Assignments never graded count
0 of their points, read from the ``source/`` notebooks.

:func:`write_progress` writes ``notebooks/progress.png`` (a bar chart) and
``notebooks/progress.ipynb`` (the table and the same chart, already rendered).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path

from . import cells, course
from .grading import SELFSTUDY, format_points, student_id
from .review import catalog, read_history, schedule, summary

__all__ = ["Progress", "collect", "figure", "format_table", "show", "write_progress"]


@dataclass
class Progress:
    """One assignment's standing."""

    assignment: str
    max_score: float
    best: float | None = None
    latest: float | None = None
    attempts: int = 0
    last: str = ""
    review: str = ""  #: exercises to practise now (``"1 failed, 2 due"``), see review

    @property
    def percent(self) -> float:
        return 100 * (self.best or 0.0) / self.max_score if self.max_score else 0.0


def _max_points(root: Path, assignment: str) -> float:
    total = 0.0
    for path in (root / "source" / assignment).glob("*.ipynb"):
        nb = json.loads(path.read_text())
        for cell in nb["cells"]:
            meta = cells.nbgrader_meta(cell)
            if meta.get("grade"):
                total += float(meta.get("points", 0))
    return total


def _gradebook_scores(db: Path, student: str) -> dict[str, tuple[float, float, str]]:
    """``{assignment: (score, max_score, when)}`` from the self-study gradebook."""
    if not db.exists():
        return {}
    from nbgrader.api import Gradebook, MissingEntry

    result = {}
    with Gradebook(f"sqlite:///{db}") as gb:
        for assignment in gb.assignments:
            try:
                sub = gb.find_submission(assignment.name, student)
            except MissingEntry:
                continue
            when = sub.timestamp.strftime("%Y-%m-%d %H:%M") if sub.timestamp else ""
            result[assignment.name] = (float(sub.score), float(sub.max_score), when)
    return result


def collect(root: Path, student: str | None = None) -> list[Progress]:
    """Every assignment in ``source/`` with the student's best and latest scores."""
    root = Path(root)
    student = student_id(student)
    study = root / SELFSTUDY
    latest = _gradebook_scores(study / "gradebook.db", student)
    history: dict[str, list[dict]] = {}
    if (study / "history.jsonl").exists():
        for line in (study / "history.jsonl").read_text().splitlines():
            if line.strip():
                row = json.loads(line)
                if row.get("student") == student and row.get("kind") != "interview":
                    history.setdefault(row["assignment"], []).append(row)
    rows = []
    for a in course.assignments(root):
        p = Progress(a, _max_points(root, a))
        runs = history.get(a, [])
        scores = [r["score"] for r in runs]
        if a in latest:
            score, most, when = latest[a]
            p.latest, p.last = score, when
            p.max_score = most or p.max_score
            scores.append(score)
        if scores:
            p.best = max(scores)
            p.attempts = max(len(runs), 1)
        if runs and not p.last:
            p.last = runs[-1]["time"][:16].replace("T", " ")
        rows.append(p)
    todo = summary(
        schedule(catalog(root), read_history(study / "history.jsonl", student))
    )
    for p in rows:
        p.review = todo.get(p.assignment, "")
    return rows


def format_table(rows: list[Progress]) -> list[str]:
    """The progress table as text lines."""
    w = max([len("assignment"), *(len(r.assignment) for r in rows)]) + 2
    lines = [
        f"{'assignment':<{w}}{'best':>6}{'of':>5}{'%':>6}  {'tries':>5}  "
        f"{'last graded':<16}  to practise (make review)"
    ]
    for r in rows:
        best = "-" if r.best is None else format_points(r.best)
        pct = "-" if r.best is None else f"{r.percent:.0f}"
        lines.append(
            f"{r.assignment:<{w}}{best:>6}{format_points(r.max_score):>5}{pct:>6}"
            f"  {r.attempts:>5}  {r.last:<16}  {r.review}".rstrip()
        )
    done = sum(r.best or 0 for r in rows)
    total = sum(r.max_score for r in rows)
    lines.append(
        f"{'total':<{w}}{format_points(done):>6}{format_points(total):>5}"
        f"{(100 * done / total if total else 0):>6.0f}"
    )
    return lines


def figure(rows: list[Progress]):
    """A horizontal bar chart of the best score (percent of the points) per assignment."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 0.5 * len(rows) + 1.4), layout="constrained")
    ax = fig.add_subplot()
    names = [r.assignment for r in rows][::-1]
    pcts = [r.percent for r in rows][::-1]
    ax.barh(names, [100] * len(rows), color="#eeeeee")
    bars = ax.barh(
        names, pcts, color=["#2a9d8f" if p >= 100 else "#4c78a8" for p in pcts]
    )
    labels = [
        "not graded yet"
        if r.best is None
        else f"{format_points(r.best)} / {format_points(r.max_score)}"
        for r in rows
    ][::-1]
    for bar, label, pct in zip(bars, labels, pcts, strict=True):
        ax.text(
            min(pct, 80) + 1.5,
            bar.get_y() + bar.get_height() / 2,
            label,
            va="center",
            fontsize=9,
        )
    ax.set_xlim(0, 100)
    ax.set_xlabel("best score so far (% of the points)")
    ax.set_title("ML Interview Lab: your progress")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def write_progress(
    root: Path, student: str | None = None, quiet: bool = False
) -> tuple[Path, Path]:
    """Print the table; write ``notebooks/progress.png`` and ``progress.ipynb``."""
    import nbformat

    root = Path(root)
    rows = collect(root, student)
    table = format_table(rows)
    out = root / "notebooks"
    out.mkdir(exist_ok=True)
    png = out / "progress.png"
    figure(rows).savefig(png, dpi=100)
    nb = nbformat.v4.new_notebook()
    md_rows = "\n".join(
        f"| {r.assignment} | {'-' if r.best is None else format_points(r.best)} "
        f"| {format_points(r.max_score)} | {r.attempts} | {r.last or '-'} "
        f"| {r.review or '-'} |"
        for r in rows
    )
    nb.cells = [
        nbformat.v4.new_markdown_cell(
            "# Your progress\n\nBest score so far per assignment, from your local "
            "gradebook (`.selfstudy/`). Refresh with `make progress` (or run the cell "
            "below); grade an assignment with `make grade A=<assignment>`.\n\n"
            "| assignment | best | of | tries | last graded | to practise |\n"
            "|---|---|---|---|---|---|\n" + md_rows
        ),
        nbformat.v4.new_code_cell(
            "from interview_lab.progress import show\n\nshow()",
            outputs=[
                nbformat.v4.new_output(
                    "display_data",
                    data={
                        "image/png": base64.b64encode(png.read_bytes()).decode(),
                        "text/plain": "<progress chart>",
                    },
                )
            ],
        ),
    ]
    nbformat.write(nb, out / "progress.ipynb")
    if not quiet:
        print("\n".join(table))
        print(
            f"\nchart: {png.relative_to(root)}  (also in "
            f"{(out / 'progress.ipynb').relative_to(root)})"
        )
    return png, out / "progress.ipynb"


def show(root: Path | None = None, student: str | None = None):
    """Print the table and return the chart as an image (for ``progress.ipynb``)."""
    import io

    from IPython.display import Image

    root = course.find_root(root)
    rows = collect(root, student)
    print("\n".join(format_table(rows)))
    buf = io.BytesIO()
    figure(rows).savefig(buf, format="png", dpi=100)
    return Image(data=buf.getvalue())
