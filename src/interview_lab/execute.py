"""An nbgrader executor that survives broken and hostile submissions.

Stock nbgrader stops at the first cell whose kernel dies (``os._exit``, a crash in a
C extension, memory exhausted) and discards the whole submission: the student loses
the marks of every exercise they got right. :class:`ResilientExecute` instead

1. records an error on the cell that killed the kernel, or that ran past its time
   limit and ignored the interrupt (so that cell scores 0 and the feedback says why),
2. starts a fresh kernel and replays the earlier cells that are not graded tests, to
   rebuild the learner's definitions (skipping any cell that killed a kernel before),
3. goes on with the next cell.

It also guards the gradebook. The learner's code runs as the grader's user, a few
folders below a sqlite gradebook that holds every student's grades. The file is
snapshotted before a notebook executes; if the notebook deleted it, replaced it or
overwrote it with something that is not a SQLite database, the snapshot is restored
and the submission scores 0 on every test cell, with a message saying why. (Ordinary
row changes are not treated as tampering: a formgrader may be writing manual grades
at the same time.)

And it bounds the whole submission: once ``submission_timeout`` seconds have passed
(on top of nbgrader's per-cell ``timeout``), the cells left are not run and each test
cell among them scores 0 with :data:`SUBMISSION_TIMED_OUT`. The kernel itself is
started limited and sandboxed by :mod:`interview_lab.sandbox`.

And it keeps the judging out of the learner's reach: every graded test cell runs in the
grader's process (:class:`~interview_lab.judge.Judge`), its learner names bound to
proxies of the kernel's objects, unless the assignment is in ``judge_exempt``.

And it leaves out what grading does not need: a submitted cell whose source is one of
the lesson-only cells of the instructor's notebook in ``source/`` (figures, explorers,
worked calls; see :func:`~interview_lab.cells.lesson_sources`) is not run
(``skip_lessons``), unless a later cell that runs reads a name it binds (a learner's
answer may use the lesson's ``train``). The list comes from the instructor's
notebook, never from the submission, so a learner cannot leave out a cell of their
own. Once the cells have run, the kernel is killed (``shutdown_kernel``).

``nbgrader_config.py`` puts it in place of nbgrader's ``Execute`` in
``Autograde.autograde_preprocessors``; ``Execute``'s settings (``timeout``,
``interrupt_on_timeout``) apply to it unchanged.
"""

from __future__ import annotations

import copy
import time
from pathlib import Path

from jupyter_core.utils import run_sync
from nbclient.client import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbgrader.preprocessors import Execute
from traitlets import Bool, Enum, Integer, List, Unicode

from .cells import error_output, is_test, left_out, lesson_sources, source
from .course import sqlite_path
from .judge import Judge, close_client, preload

__all__ = [
    "GRADEBOOK_DESTROYED",
    "KERNEL_DIED",
    "KERNEL_GAVE_UP",
    "KERNEL_STOPPED",
    "SUBMISSION_TIMED_OUT",
    "ResilientExecute",
    "with_resilient_execute",
]

#: The error text recorded on a cell whose execution killed the kernel.
KERNEL_DIED = (
    "The kernel died while running this cell (os._exit, sys.exit from a thread, a "
    "crash in compiled code, or memory exhausted). This cell scores 0; the kernel was "
    "restarted, your earlier cells were run again, and grading went on."
)


#: The error recorded on every test cell of a submission that destroyed the gradebook.
GRADEBOOK_DESTROYED = (
    "This submission deleted or overwrote the gradebook while it ran. The gradebook was "
    "restored and every test cell of this submission scores 0; ask your instructor."
)


#: The error text recorded on a cell that ignored the interrupt at its time limit.
KERNEL_STOPPED = (
    "This cell ran past the time limit and ignored the interrupt, so its kernel was "
    "stopped. This cell scores 0; the kernel was restarted, your earlier cells were "
    "run again, and grading went on."
)

#: The error recorded on the cells left when a submission's kernel died too often.
KERNEL_GAVE_UP = (
    "The kernel died {} times while grading this notebook, so grading stopped before "
    "this cell: it was not run and scores 0. Look for the cells above that end the "
    "kernel (os._exit, a crash, memory exhausted)."
)

#: The error recorded on the cells a submission had no time left to run.
SUBMISSION_TIMED_OUT = (
    "The submission ran out of time: its cells together took longer than the limit "
    "for a whole notebook, so this cell was not run and scores 0. Look for a loop that "
    "does not end or a very slow cell above."
)


class ResilientExecute(Execute):
    """nbgrader's ``Execute``, recovering from dead kernels cell by cell."""

    max_restarts = 10

    submission_timeout = Integer(
        600,
        help="Seconds for all the cells of a submission together (then the cells "
        "left are not run); 0 for no limit.",
    ).tag(config=True)

    judge = Bool(
        True,
        help="Run graded test cells in the grader's process against the learner's "
        "kernel (interview_lab.judge), instead of in the learner's kernel.",
    ).tag(config=True)

    judge_exempt = List(
        Unicode(),
        help="Assignments whose test cells still run in the learner's kernel.",
    ).tag(config=True)

    _left_out: frozenset[int] = frozenset()

    shutdown_kernel = Enum(
        ["graceful", "immediate"],
        default_value="immediate",
        help="How the kernel is stopped once the notebook has run. Grading keeps "
        "nothing the kernel could still do, so it is killed at once: a graceful exit "
        "tears down SciPy and scikit-learn, 0.4-1.2 s a submission.",
    ).tag(config=True)

    skip_lessons = Bool(
        True,
        help="Leave out submitted cells that are lesson-only cells of the "
        "instructor's notebook (figures, explorers): grading does not need them.",
    ).tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code" and is_test(cell) and self._judged(resources):
            Judge(self).run(cell)
            return cell, resources
        return super().preprocess_cell(cell, resources, index)

    async def async_start_new_kernel(self, **kwargs) -> None:
        """Start the learner's kernel; while it boots in its own process, import
        what the judge will need for this notebook's test cells (scikit-learn, the
        topic's checks): about 1 s a submission otherwise waits for."""
        await super().async_start_new_kernel(**kwargs)
        if self._judged(self.resources):
            preload([source(c) for c in self.nb.cells if is_test(c)])

    start_new_kernel = run_sync(async_start_new_kernel)  # nbclient binds the base one

    def _judged(self, resources) -> bool:
        assignment = (resources or {}).get("nbgrader", {}).get("assignment")
        return self.judge and assignment not in self.judge_exempt

    def _lessons(self, resources) -> frozenset[str]:
        """The lesson-only sources of this notebook in the course's ``source/``."""
        info = (resources or {}).get("nbgrader", {})
        course = self.config.get("CourseDirectory", {})
        root, folder = course.get("root"), course.get("source_directory", "source")
        if not (self.skip_lessons and root and info.get("assignment")):
            return frozenset()
        name = f"{info.get('notebook')}.ipynb"
        return lesson_sources(Path(root) / folder / info["assignment"] / name)

    def _skipped(self, index: int) -> bool:
        return index in self._left_out

    def _leave_out(self, lessons: frozenset[str]) -> frozenset[int]:
        """The indices of the submitted cells grading leaves out
        (:func:`~interview_lab.cells.left_out`): the lesson-only cells no cell that
        runs reads from. The instructor's notebook reads none (``tests/test_repo.py``),
        but a learner's answer may use one (``train`` from the lesson's split)."""
        code = [i for i, cell in enumerate(self.nb.cells) if cell.cell_type == "code"]
        out = left_out([source(self.nb.cells[i]) for i in code], lessons)
        return frozenset(code[i] for i in out)

    def preprocess(self, nb, resources=None, km=None):
        NotebookClient.__init__(self, nb, km)
        self.reset_execution_trackers()
        self._check_assign_resources(resources)
        self._left_out = self._leave_out(self._lessons(resources))
        killers: set[int] = set()
        gradebook = sqlite_path((resources or {}).get("nbgrader", {}).get("db_url"))
        snapshot = _Snapshot.take(gradebook)
        with self.setup_kernel():
            self._record_language_info()
            deadline = time.monotonic() + (self.submission_timeout or float("inf"))
            for index, cell in enumerate(self.nb.cells):
                if time.monotonic() > deadline:
                    self._record_timeout(cell)
                    continue
                if self._skipped(index):
                    continue
                try:
                    self.preprocess_cell(cell, resources, index)
                except (DeadKernelError, CellTimeoutError) as exc:  # died, or stopped
                    killers.add(index)
                    self._record_death(cell, isinstance(exc, CellTimeoutError))
                    if len(killers) > self.max_restarts:
                        self.log.error("Kernel died %d times; giving up", len(killers))
                        self._record_gave_up(index, len(killers))
                        break
                    self._restart(index, killers, resources)
            close_client(self)
        self.set_widgets_metadata()
        if snapshot is not None and snapshot.destroyed():
            self.log.error("The submission destroyed the gradebook %s", gradebook)
            snapshot.restore()
            self._void_tests()
        return self.nb, self.resources

    def _void_tests(self) -> None:
        for cell in self.nb.cells:
            if is_test(cell):
                cell.outputs = [error_output("GradebookDestroyed", GRADEBOOK_DESTROYED)]

    def _record_language_info(self) -> None:
        info = self.wait_for_reply(self.kc.kernel_info())
        self.nb.metadata["language_info"] = info["content"]["language_info"]

    def _record_timeout(self, cell) -> None:
        if cell.cell_type == "code":
            cell.outputs = [error_output("SubmissionTimeout", SUBMISSION_TIMED_OUT)]

    def _record_gave_up(self, index: int, deaths: int) -> None:
        """A test cell with no output scores full marks in nbgrader: each one after
        ``index`` gets :data:`KERNEL_GAVE_UP` instead."""
        for cell in self.nb.cells[index + 1 :]:
            if is_test(cell):
                cell.outputs = [
                    error_output("KernelGaveUp", KERNEL_GAVE_UP.format(deaths))
                ]

    def _record_death(self, cell, timed_out: bool = False) -> None:
        self.log.warning("The kernel died in cell %s", cell.get("id"))
        text = KERNEL_STOPPED if timed_out else KERNEL_DIED
        if cell.cell_type == "code":
            cell.outputs.append(error_output("DeadKernelError", text))

    def _restart(self, upto: int, killers: set[int], resources) -> None:
        """A fresh kernel with the earlier non-test cells run again (outputs dropped)."""
        self._cleanup_kernel()
        self.km = self.create_kernel_manager()
        self.start_new_kernel()
        self.start_new_kernel_client()
        for index in range(upto):
            cell = self.nb.cells[index]
            if cell.cell_type != "code" or index in killers or is_test(cell):
                continue
            if self._skipped(index):
                continue
            try:
                self.execute_cell(copy.deepcopy(cell), index, store_history=False)
            except DeadKernelError:
                killers.add(index)
                self._cleanup_kernel()
                self.km = self.create_kernel_manager()
                self.start_new_kernel()
                self.start_new_kernel_client()


class _Snapshot:
    """A copy of a sqlite gradebook and the identity of its file."""

    HEADER = b"SQLite format 3\x00"

    def __init__(self, path: Path):
        self.path = path
        self.data = path.read_bytes()
        self.identity = self._identity()

    @classmethod
    def take(cls, path: Path | None) -> _Snapshot | None:
        return cls(path) if path is not None and path.is_file() else None

    def _identity(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_dev, st.st_ino)

    def destroyed(self) -> bool:
        """Deleted, replaced by another file, or no longer a SQLite database."""
        if self._identity() != self.identity:
            return True
        try:
            with self.path.open("rb") as f:
                return f.read(len(self.HEADER)) != self.HEADER
        except OSError:
            return True

    def restore(self) -> None:
        self.path.write_bytes(self.data)


def with_resilient_execute(preprocessors: list) -> list:
    """``preprocessors`` with nbgrader's ``Execute`` replaced by :class:`ResilientExecute`."""
    return [ResilientExecute if p is Execute else p for p in preprocessors]
