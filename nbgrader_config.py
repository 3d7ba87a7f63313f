"""nbgrader configuration for ML Interview Lab.

Run every nbgrader command from this folder (the course root). Settings that differ
between a laptop and a class server come from the environment:

NBGRADER_DB_URL
    The gradebook. Defaults to ``sqlite:///<course root>/gradebook.db``; a class can use
    PostgreSQL, e.g. ``postgresql+psycopg2://grader@dbhost/ml_interview_lab`` (name the
    driver: SQLAlchemy 2.1 reads a bare ``postgresql://`` as psycopg 3).
NBGRADER_EXCHANGE
    The exchange folder used by release/fetch/submit/collect. Defaults to
    ``<course root>/.exchange`` for a single machine; JupyterHub courses usually use
    ``/srv/nbgrader/exchange``.
NBGRADER_TIMEOUT
    Seconds of wall time a single cell may run while autograding (default 60). A cell
    that runs longer is interrupted and scores 0; the rest of the notebook is still
    graded. Inside a test cell each call of the learner's function is stopped sooner,
    after 10 s of CPU time (see ``interview_lab.checking``); the cell's limit is wall
    time, so it leaves room for a correct answer graded on a busy server.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821  (injected by traitlets when nbgrader loads this file)

ROOT = Path(__file__).resolve().parent

c.CourseDirectory.course_id = "ml-interview-lab"
c.CourseDirectory.root = str(ROOT)
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "release"
c.CourseDirectory.submitted_directory = "submitted"
c.CourseDirectory.autograded_directory = "autograded"
c.CourseDirectory.feedback_directory = "feedback"
c.CourseDirectory.db_url = os.environ.get(
    "NBGRADER_DB_URL", f"sqlite:///{ROOT / 'gradebook.db'}"
)
# Only notebooks are assignment files; helper data ships in the interview_lab package.
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints",
    "*.pyc",
    "__pycache__",
    "feedback",
    ".DS_Store",
    "*.py",
]

c.Exchange.root = os.environ.get("NBGRADER_EXCHANGE", str(ROOT / ".exchange"))
c.Exchange.path_includes_course = True

# Every notebook runs top to bottom in seconds; 30 s per cell leaves room for slow
# machines while keeping an endless loop from holding up a class's grading for long.
c.Execute.timeout = int(os.environ.get("NBGRADER_TIMEOUT", "60"))
c.Execute.interrupt_on_timeout = True

# Student notebooks must not be able to skip a test cell by editing or deleting it:
# autograde's OverwriteCells restores every grade cell and locked cell whose grade_id
# it finds from the gradebook, and a deleted test cell is put back
# (add_missing_cells below), so a learner's edits to them do not count.
c.ClearSolutions.code_stub = {
    "python": "# YOUR CODE HERE\nraise NotImplementedError()",
}

# Feedback must not show hidden tests: the autograded notebook holds them (restored
# from the gradebook) and tracebacks quote their lines (nbgrader issues 917, 1363).
# HideHiddenTests replaces each hidden region with "# hidden tests (not shown)" and
# cuts test-cell tracebacks down to the "CheckFailed: <message>" feedback.
import nbgrader  # noqa: E402
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import GetGrades  # noqa: E402

import interview_lab  # noqa: E402
from interview_lab.nbgrader_plugins import (  # noqa: E402
    ExerciseSummary,
    FeedbackExporter,
    HideHiddenTests,
)

c.GenerateFeedback.preprocessors = [
    GetGrades,
    CSSHTMLHeaderPreprocessor,
    ExerciseSummary,
    HideHiddenTests,
]
# The feedback page opens with each exercise by name, its points and its visible and
# hidden parts, linked to their cells (nbgrader's lists one "Test cell" per cell):
# interview_lab/templates/feedback/exercises.html.j2 extends nbgrader's page. Set on an
# exporter class of its own: the formgrader's HTMLExporter must keep its templates.
c.GenerateFeedback.exporter_class = FeedbackExporter
c.FeedbackExporter.template_file = "exercises.html.j2"
c.FeedbackExporter.extra_template_basedirs = [
    str(
        Path(nbgrader.__file__).parent
        / "server_extensions"
        / "formgrader"
        / "templates"
    ),
    str(Path(interview_lab.__file__).parent / "templates"),
]

# A submission that kills its kernel (os._exit, a crash) scores 0 on that cell only:
# the kernel is restarted, earlier cells are replayed and grading goes on, instead of
# nbgrader discarding the whole submission (see interview_lab/execute.py).
from nbgrader.converters.autograde import Autograde  # noqa: E402

from interview_lab.execute import with_resilient_execute  # noqa: E402

c.Autograde.autograde_preprocessors = with_resilient_execute(
    Autograde.class_traits()["autograde_preprocessors"].default()
)

# A rubric or a written answer deleted from a submission, or stripped of its nbgrader
# metadata, is put back next to its partner cell before grading, a moved rubric goes
# back above its answer, and metadata hiding a graded cell's text is dropped
# (OverwriteCells restores only cells that still carry their grade_id, where they are).
# Of cells sharing a grade_id (a copied and pasted cell), the last keeps it and the
# others become ordinary cells, instead of the whole submission being discarded.
from nbgrader.preprocessors import DeduplicateIds, OverwriteCells  # noqa: E402

from interview_lab.nbgrader_plugins import (  # noqa: E402
    DropDuplicateIds,
    RestoreReadOnlyCells,
)

_sanitize = list(Autograde.class_traits()["sanitize_preprocessors"].default())
_sanitize[_sanitize.index(DeduplicateIds)] = DropDuplicateIds
_sanitize.insert(_sanitize.index(OverwriteCells) + 1, RestoreReadOnlyCells)
c.Autograde.sanitize_preprocessors = _sanitize

# Grading kernels start under resource limits and, where bubblewrap works, inside a
# sandbox (no network; the course folder hidden but for the Python environment and the
# submission's own folder): see interview_lab/sandbox.py. A whole submission gets
# NBGRADER_SUBMISSION_TIMEOUT seconds (default 600) on top of the per-cell timeout.
c.Execute.kernel_manager_class = "interview_lab.sandbox.SandboxedKernelManager"
c.ResilientExecute.submission_timeout = int(
    os.environ.get("NBGRADER_SUBMISSION_TIMEOUT", "600")
)

# Graded test cells run in the judge, in this process, apart from the learner's kernel
# (interview_lab/judge.py), for every assignment. An assignment listed here would run
# them in the learner's kernel instead, open to its tampering: keep the list empty.
c.ResilientExecute.judge_exempt = []
