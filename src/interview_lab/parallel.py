"""Grading a class in parallel, on a Dask cluster.

``make grade-all JOBS=4`` (``python -m interview_lab grade-all --jobs 4``) starts a
:class:`distributed.LocalCluster` of four workers on this machine (threads of this
process: each of them only waits for an nbgrader run, a process of its own);
``--scheduler tcp://host:8786`` uses a cluster that is already running (Dask's own
deployments: SSH, Kubernetes, HPC job queues), so one command grades a class across
many machines. Each worker needs this course's Python environment, nothing else.

nbgrader's sqlite gradebook is not safe for concurrent writers, so no worker writes
the course's gradebook. A task (:func:`grade_submissions`) autogrades a chunk of an
assignment's submissions (:func:`chunks`) with one nbgrader run in a private *scratch
course* on its worker: a copy of the course's ``nbgrader_config.py``, a gradebook
holding only the assignment's definitions, the submissions' files, and the
assignment's non-notebook files. It sends back each submission's autograded files
and that small gradebook, as bytes. This process alone writes them into the course, a
task's submissions at a time, as tasks finish (:func:`merge_gradebook`): their
autograded folders, then their grades, comments and flags. So the course's gradebook
may be sqlite or PostgreSQL alike, and a cluster needs no shared filesystem.

Grading is the same on a worker as in ``make grade``: nbgrader's autograde with the
course's configuration (the sandboxed, bounded kernel and the judge), on the same
inputs, so a submission scores exactly what it scores when graded serially. Only its
start differs: each run is forked from a warm process the worker keeps, which has
imported nbgrader and the judge already (:mod:`interview_lab.warm`).
"""

from __future__ import annotations

import collections
import contextlib
import importlib
import shutil
import sqlite3
import sys
import tempfile
import threading
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .cells import sources_of_tests
from .course import sqlite_path

__all__ = [
    "Outcome",
    "chunks",
    "grade_on_cluster",
    "grade_submissions",
    "gradebook_template",
    "merge_gradebook",
]


@dataclass
class Outcome:
    """What one task sends back: nbgrader's exit status and the tail of its log, the
    autograded files (path relative to the submission's folder: bytes) and the
    scratch gradebook (an sqlite file's bytes)."""

    student: str
    assignment: str
    returncode: int
    log: str
    files: dict[str, bytes]
    gradebook: bytes | None


def _read_files(folder: Path) -> dict:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _write_files(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = (folder / name).resolve()
        if folder.resolve() not in path.parents:
            raise ValueError(f"a file outside its folder: {name!r}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def grade_submissions(
    config: str,
    template: bytes,
    assignment: str,
    submissions: dict[str, dict[str, bytes]],
    extra: dict[str, bytes],
) -> list[Outcome]:
    """Autograde some submissions of one assignment in a scratch course, with one run
    of nbgrader forked from this worker's warm process (runs on a Dask worker).

    One run for several submissions computes the checks' references once. nbgrader
    grades them one after another and goes on after a failure, removing that
    submission's output: a submission is graded when its autograded folder exists.

    Parameters
    ----------
    config : str
        The text of the course's ``nbgrader_config.py``.
    template : bytes
        An sqlite gradebook that holds the assignment (see :func:`gradebook_template`).
    assignment : str
    submissions : dict of str to dict of str to bytes
        For each student, the files of ``submitted/<student>/<assignment>``, by
        relative path.
    extra : dict of str to bytes
        The assignment's files in ``source/``: its notebook, whose lesson-only cells
        grading leaves out, and the files nbgrader copies over the submission's.

    Returns
    -------
    list of Outcome
        One per student, in the order given; the graded ones share the scratch
        gradebook.
    """
    from .grading import autograde_args, run_failures, run_nbgrader

    with tempfile.TemporaryDirectory(prefix="interview-lab-grade-") as tmp:
        root = Path(tmp)
        (root / "nbgrader_config.py").write_text(config)
        db = root / "gradebook.db"
        db.write_bytes(template)
        for student, files in submissions.items():
            _write_files(root / "submitted" / student / assignment, files)
        _write_files(root / "source" / assignment, extra)
        chunk = list(submissions)
        proc = run_nbgrader(
            autograde_args(assignment, chunk, set(chunk)),
            root,
            env={"NBGRADER_DB_URL": f"sqlite:///{db}"},
            warm=sources_of_tests(
                [data for name, data in extra.items() if name.endswith(".ipynb")]
            ),
        )
        gradebook = db.read_bytes()
        outcomes = []
        for student, failure in run_failures(root, assignment, chunk, proc).items():
            if failure is None:
                out = root / "autograded" / student / assignment
                files = _read_files(out)
                outcomes.append(Outcome(student, assignment, 0, "", files, gradebook))
            else:
                code = proc.returncode or 1
                outcomes.append(Outcome(student, assignment, code, failure, {}, None))
        return outcomes


def chunks(students: list[str], workers: int, most: int = 8) -> list[list[str]]:
    """``students`` in consecutive chunks, each graded by one nbgrader run.

    For one worker (a serial run), the fewest chunks of at most ``most``, of sizes
    within one of each other: each chunk is a step of the progress bar.

    For several, *guided* chunks, as OpenMP's guided schedule: each chunk takes a
    quarter of each worker's share of the students left (at most ``most``), so the
    chunks shrink to single submissions at the end. Whichever worker is free takes
    the next chunk, and one that drew slow submissions (one that loops until its time
    limit takes 20 s) is balanced by the small chunks the others take meanwhile. Each
    run forked from a warm process (:mod:`interview_lab.warm`) costs a few tenths of
    a second, so small chunks are cheap.

    >>> chunks(list("abcdefghij"), workers=1)
    [['a', 'b', 'c', 'd', 'e'], ['f', 'g', 'h', 'i', 'j']]
    >>> [len(c) for c in chunks([str(i) for i in range(30)], workers=1)]
    [8, 8, 7, 7]
    >>> [len(c) for c in chunks([str(i) for i in range(50)], workers=2)]
    [7, 6, 5, 4, 4, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1]
    >>> chunks(["a", "b"], workers=4)
    [['a'], ['b']]
    """
    if not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive int, got {workers!r}")
    if not isinstance(most, int) or most < 1:
        raise ValueError(f"most must be a positive int, got {most!r}")
    n = len(students)
    if workers == 1:
        count = -(-n // most)  # the fewest chunks of at most `most`
        size, extra = divmod(n, max(count, 1))
        sizes = [size + (k < extra) for k in range(count)]
    else:
        sizes, left = [], n
        while left:
            sizes.append(min(most, -(-left // (4 * workers))))
            left -= sizes[-1]
    out, start = [], 0
    for size in sizes:
        out.append(students[start : start + size])
        start += size
    return out


def gradebook_template(root: Path, db_url: str, assignment: str) -> bytes:
    """An sqlite gradebook holding ``assignment`` as the course's gradebook defines it.

    From an sqlite gradebook, a copy (sqlite's backup, consistent while others read
    it); from another database, the assignment generated again from ``source/`` in a
    scratch course (the same notebooks give the same cells, checksums and points).
    """
    from .grading import GradingError, run_nbgrader

    course_file = sqlite_path(db_url)
    with tempfile.TemporaryDirectory(prefix="interview-lab-template-") as tmp:
        path = Path(tmp) / "gradebook.db"
        if course_file is not None:
            src = sqlite3.connect(course_file)
            dst = sqlite3.connect(path)
            try:
                src.backup(dst)
            finally:
                src.close()
                dst.close()
            return path.read_bytes()
        scratch = Path(tmp)
        shutil.copy(root / "nbgrader_config.py", scratch / "nbgrader_config.py")
        shutil.copytree(root / "source" / assignment, scratch / "source" / assignment)
        proc = run_nbgrader(
            ["generate_assignment", assignment, "--force"],
            scratch,
            env={"NBGRADER_DB_URL": f"sqlite:///{path}"},
        )
        if proc.returncode:
            raise GradingError(
                f"nbgrader generate_assignment {assignment} failed:\n"
                + proc.stderr[-3000:]
            )
        return path.read_bytes()


def merge_gradebook(
    db_url: str, scratch: Path, assignment: str, students: Iterable[str]
) -> dict[str, str]:
    """Write some submissions' grades from a scratch gradebook into the course's.

    For each student: the student (with their name and email), the submission (its
    timestamp and extension), each notebook's flag and late penalty, each grade's
    automatic and manual scores and each comment, as ``nbgrader autograde`` would have
    written them. Both gradebooks are opened once for all of them, and each
    student's grades are committed on their own, so that one that cannot be written
    leaves the others written.

    Returns
    -------
    dict of str to str
        The students whose grades could not be written, with the reason.
    """
    from nbgrader.api import Gradebook

    failed = {}
    with (
        Gradebook(f"sqlite:///{scratch}") as src,
        Gradebook(db_url) as dst,
    ):
        for student in students:
            try:
                _merge_one(src, dst, assignment, student)
                dst.db.commit()
            except Exception as exc:  # noqa: BLE001 - report it, merge the others
                dst.db.rollback()
                failed[student] = f"{type(exc).__name__}: {exc}"
    return failed


def _merge_one(src, dst, assignment: str, student: str) -> None:
    """:func:`merge_gradebook` of one student, uncommitted."""
    from nbgrader.api import MissingEntry
    from sqlalchemy.exc import SAWarning

    sub = src.find_submission(assignment, student)
    person = sub.student
    dst.update_or_create_student(
        student,
        first_name=person.first_name,
        last_name=person.last_name,
        email=person.email,
        lms_user_id=person.lms_user_id,
    )
    try:
        target = dst.find_submission(assignment, student)
    except MissingEntry:
        with warnings.catch_warnings():
            # nbgrader's add_submission walks its new rows before adding them to the
            # session, and SQLAlchemy warns of that autoflush; harmless
            warnings.filterwarnings("ignore", category=SAWarning)
            target = dst.add_submission(assignment, student)
    target.timestamp, target.extension = sub.timestamp, sub.extension
    for nb in sub.notebooks:
        tnb = dst.find_submission_notebook(nb.name, assignment, student)
        tnb.flagged = nb.flagged
        tnb.late_submission_penalty = nb.late_submission_penalty
        for g in nb.grades:
            t = dst.find_grade(g.name, nb.name, assignment, student)
            t.auto_score, t.manual_score = g.auto_score, g.manual_score
            t.extra_credit = g.extra_credit
            t.needs_manual_grade = g.needs_manual_grade
        for c in nb.comments:
            t = dst.find_comment(c.name, nb.name, assignment, student)
            t.auto_comment, t.manual_comment = c.auto_comment, c.manual_comment


def _client(workers: int, scheduler: str | None):
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    # The local workers are threads of this process. A task writes a scratch course,
    # waits for the nbgrader run its warm process forks, and reads the results: the
    # grading itself runs in processes of its own, limited and sandboxed alike. A
    # worker process would only add its start and a copy of every chunk's data (a
    # class of 20 on 2 workers: 67.4 s and 124 s of CPU in threads, 69.4-71.1 s and
    # 127-131 s in processes).
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=False,
        dashboard_address=":0",  # any free port: 8787 may be taken
        silence_logs=40,  # logging.ERROR
    )
    return Client(cluster), cluster


def grade_on_cluster(
    root: Path,
    jobs: Iterable[tuple[str, str]],
    workers: int = 2,
    scheduler: str | None = None,
    progress: bool = True,
    report: Callable[[str, str, str], None] | None = None,
) -> list[tuple[str, str]]:
    """Autograde ``(student, assignment)`` pairs of the course at ``root`` on a Dask
    cluster (a local one of ``workers`` threads, or the one at ``scheduler``).

    Results are written into the course as they come (:func:`merge_gradebook`). A
    submission whose grading fails is passed to ``report(student, assignment,
    reason)`` and the others go on. Returns the graded pairs.
    """
    from distributed import as_completed
    from tqdm import tqdm

    from .grading import course_db_url

    root = Path(root)
    jobs = list(jobs)
    db_url = course_db_url(root)
    config = (root / "nbgrader_config.py").read_text()
    graded: list[tuple[str, str]] = []
    client, cluster = _client(workers, scheduler)
    try:
        assignments = sorted({a for _, a in jobs})
        shared = {}
        for a in assignments:
            # all of source/: the notebook names the lesson-only cells grading leaves
            # out (interview_lab.execute), and nbgrader copies the other files over
            # the submission's
            extra = _read_files(root / "source" / a)
            template = gradebook_template(root, db_url, a)
            shared[a] = client.scatter([template, extra], broadcast=True)
        workers_info = client.scheduler_info()["workers"].values()
        n_workers = len(workers_info)
        threads = max(1, sum(w.get("nthreads", 1) for w in workers_info))
        todo = collections.deque(
            (a, chunk)
            for a in assignments
            for chunk in chunks([s for s, b in jobs if b == a], threads)
        )
        futures = {}

        def submit_next():
            """The next chunk, to the scheduler: it goes to the free worker."""
            a, chunk = todo.popleft()
            template, extra = shared[a]
            files = {s: _read_files(root / "submitted" / s / a) for s in chunk}
            future = client.submit(
                grade_submissions,
                config,
                template,
                a,
                files,
                extra,
                key=f"grade-{a}-{chunk[0]}-{len(chunk)}",
                pure=False,
            )
            futures[future] = (a, chunk)
            return future

        # As many chunks at a time as the workers can grade: each of the others is
        # sent when one is done, so it goes to whichever worker is free (sent all at
        # once, they would be shared out ahead, and a chunk could wait behind a slow
        # one while another worker runs out of work).
        running = as_completed([submit_next() for _ in range(min(threads, len(todo)))])
        # the merges need nbgrader's API, a second to import: import it while the
        # workers grade, not after the first of them has finished
        threading.Thread(target=_import_nbgrader_api, daemon=True).start()
        bar = tqdm(
            total=len(jobs),
            desc=f"autograde ({n_workers} workers)",
            unit="submission",
            disable=not progress,
            file=sys.stderr,
        )
        stored = set()
        for future in running:
            if todo:
                running.add(submit_next())
            a, chunk = futures.pop(future)
            bar.update(len(chunk))
            bar.set_postfix_str(f"{chunk[-1]}/{a}")
            try:
                outcomes = future.result()
            except Exception as exc:  # noqa: BLE001 - a task failed: report it, go on
                for student in chunk:
                    if report is not None:
                        why = f"grading failed: {type(exc).__name__}: {exc}"
                        report(student, a, why)
                continue
            ok = []
            for outcome in outcomes:
                if not outcome.returncode:
                    ok.append(outcome)
                elif report is not None:
                    why = "nbgrader autograde failed: " + outcome.log
                    report(outcome.student, a, why)
            try:
                failed = _store(root, db_url, ok)
            except Exception as exc:  # noqa: BLE001 - report it, go on
                failed = {o.student: f"{type(exc).__name__}: {exc}" for o in ok}
            for outcome in ok:
                if outcome.student not in failed:
                    stored.add((outcome.student, a))
                elif report is not None:
                    report(
                        outcome.student, a, f"grading failed: {failed[outcome.student]}"
                    )
        bar.close()
        graded += [job for job in jobs if job in stored]  # in the order asked
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return graded


def _import_nbgrader_api() -> None:
    with contextlib.suppress(Exception):  # the merge imports it again, and says why
        importlib.import_module("nbgrader.api")


def _store(root: Path, db_url: str, outcomes: list[Outcome]) -> dict[str, str]:
    """Write a task's graded submissions into the course: their autograded folders,
    then their grades, from the gradebook they share, in one merge. Returns the
    students whose grades could not be written, with the reason."""
    if not outcomes:
        return {}
    for outcome in outcomes:
        out = root / "autograded" / outcome.student / outcome.assignment
        if out.exists():
            shutil.rmtree(out)
        out.mkdir(parents=True)
        _write_files(out, outcome.files)
    with tempfile.TemporaryDirectory(prefix="interview-lab-merge-") as tmp:
        scratch = Path(tmp) / "gradebook.db"
        scratch.write_bytes(outcomes[0].gradebook or b"")
        students = [outcome.student for outcome in outcomes]
        return merge_gradebook(db_url, scratch, outcomes[0].assignment, students)
