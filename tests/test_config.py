"""nbgrader_config.py loads cleanly and holds every setting the course relies on.

nbgrader logs and *ignores* an exception raised inside its config file, so a broken
line would silently drop every setting after it: this test loads the file the way
traitlets does and fails loudly instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import REPO
from traitlets.config.loader import PyFileConfigLoader


def load(monkeypatch, **env) -> object:
    for key in ("NBGRADER_DB_URL", "NBGRADER_EXCHANGE", "NBGRADER_TIMEOUT"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return PyFileConfigLoader("nbgrader_config.py", path=str(REPO)).load_config()


def test_config_defaults(monkeypatch):
    c = load(monkeypatch)
    assert c.CourseDirectory.root == str(REPO)
    assert c.CourseDirectory.course_id == "ml-interview-lab"
    assert c.CourseDirectory.db_url == f"sqlite:///{REPO / 'gradebook.db'}"
    assert c.Exchange.root == str(REPO / ".exchange")
    assert c.Execute.timeout == 60
    assert c.Execute.interrupt_on_timeout is True


def test_config_reads_the_environment(monkeypatch, tmp_path: Path):
    c = load(
        monkeypatch,
        NBGRADER_DB_URL="postgresql://grader@db/course",
        NBGRADER_EXCHANGE=str(tmp_path),
        NBGRADER_TIMEOUT="7",
    )
    assert c.CourseDirectory.db_url == "postgresql://grader@db/course"
    assert c.Exchange.root == str(tmp_path)
    assert c.Execute.timeout == 7


def test_autograde_uses_the_resilient_executor(monkeypatch):
    from nbgrader.preprocessors import Execute

    from interview_lab.execute import ResilientExecute

    procs = load(monkeypatch).Autograde.autograde_preprocessors
    assert ResilientExecute in procs and Execute not in procs
    assert len(procs) >= 5, "the other autograde preprocessors must stay"


def test_grading_kernels_are_sandboxed_and_bounded(monkeypatch):
    c = load(monkeypatch, NBGRADER_SUBMISSION_TIMEOUT="30")
    assert c.Execute.kernel_manager_class == (
        "interview_lab.sandbox.SandboxedKernelManager"
    )
    assert c.ResilientExecute.submission_timeout == 30


def test_autograde_restores_tampered_cells_and_keeps_pasted_copies(monkeypatch):
    from nbgrader.preprocessors import DeduplicateIds, OverwriteCells

    from interview_lab.nbgrader_plugins import DropDuplicateIds, RestoreReadOnlyCells

    procs = load(monkeypatch).Autograde.sanitize_preprocessors
    assert DeduplicateIds not in procs and DropDuplicateIds in procs
    assert procs.index(RestoreReadOnlyCells) == procs.index(OverwriteCells) + 1


def test_feedback_hides_hidden_tests(monkeypatch):
    procs = load(monkeypatch).GenerateFeedback.preprocessors
    assert any(p.__name__ == "HideHiddenTests" for p in procs)


def test_the_feedback_template_reaches_generate_feedback_and_not_the_formgrader(
    monkeypatch,
):
    """The formgrader renders submissions with an HTMLExporter of this configuration:
    a template set on HTMLExporter would replace its 'formgrade' pages."""
    from nbconvert.exporters import HTMLExporter

    from interview_lab.nbgrader_plugins import FeedbackExporter

    config = load(monkeypatch)
    assert config.GenerateFeedback.exporter_class is FeedbackExporter
    assert config.FeedbackExporter.template_file == "exercises.html.j2"
    assert not {"template_file", "template_name", "extra_template_basedirs"} & set(
        config.HTMLExporter
    )
    import nbgrader

    # as nbgrader's formgrader builds its exporter
    config.HTMLExporter.template_name = "formgrade"
    config.HTMLExporter.extra_template_basedirs = [
        str(Path(nbgrader.__file__).parent / "server_extensions/formgrader/templates")
    ]
    assert HTMLExporter(config=config).template_file == "index.html.j2"
    procs = config.GenerateFeedback.preprocessors
    names = [p.__name__ for p in procs]
    assert names.index("ExerciseSummary") < names.index("HideHiddenTests")


@pytest.mark.parametrize(
    "name",
    [
        "gradebook.db",
        ".exchange/",
        "submitted/*",
        "autograded/*",
        "feedback/*",
        "notebooks/*",
    ],
)
def test_generated_state_is_git_ignored(name):
    assert name in (REPO / ".gitignore").read_text().splitlines()
