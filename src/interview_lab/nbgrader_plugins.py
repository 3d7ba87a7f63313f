"""nbgrader plug-ins of the course, registered in ``nbgrader_config.py``.

:class:`RestoreReadOnlyCells` puts back, when autograding, the read-only cells and
written answers a submission deleted or unmarked (its nbgrader metadata removed), puts
each rubric right above its answer again, and drops display metadata that would hide a
graded cell's text: nbgrader's own ``OverwriteCells`` restores a cell's text only if
the cell still carries its ``grade_id``, wherever it sits, so without this a learner
could delete, move or hide a rubric, or leave a look-alike above their answer, and
the grader would read that.

:class:`DropDuplicateIds` replaces nbgrader's ``DeduplicateIds``: of the cells that
share a ``grade_id`` (a cell copied and pasted in JupyterLab copies its metadata) the
last keeps it and the others become ordinary cells. nbgrader's version leaves them an
empty ``nbgrader`` entry, which then fails its metadata check and discards the whole
submission (nbgrader issue 1083).

:class:`HideHiddenTests` keeps hidden tests out of the HTML feedback. nbgrader's
``generate_feedback`` renders the *autograded* notebook, whose test cells were restored
from the gradebook with their hidden tests in place, and the error tracebacks of failed
test cells quote the lines around the failing call. Both show the hidden test source to
the student (nbgrader issues 917 and 1363). This preprocessor runs last in
``GenerateFeedback.preprocessors`` and, in every graded test cell,

* replaces each ``### BEGIN HIDDEN TESTS`` ... ``### END HIDDEN TESTS`` region with a
  single line ``# hidden tests (not shown)``;
* reduces each error output to its last line, ``CheckFailed: <message>``: the message
  (input, expected, returned, hint) is the feedback and stays; the code context of the
  traceback goes.

Examples
--------
>>> print(hide_hidden_tests("check(1)\\n### BEGIN HIDDEN TESTS\\nsecret()\\n### END HIDDEN TESTS"))
check(1)
# hidden tests (not shown)
"""

from __future__ import annotations

from nbconvert.exporters import HTMLExporter
from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from nbgrader.api import Gradebook
from nbgrader.preprocessors import (
    ClearHiddenTests,
    DeduplicateIds,
    NbGraderPreprocessor,
)
from traitlets import Bool, Unicode, default

from .cells import (
    exercise_tests,
    grade_id,
    is_answer,
    is_manual,
    is_test,
    nbgrader_meta,
    strip_ansi,
)
from .cells import source as cell_source

__all__ = [
    "HIDDEN_PLACEHOLDER",
    "HIDING_METADATA",
    "MOVED_NOTE",
    "RESTORED_ANSWER_NOTE",
    "RESTORED_NOTE",
    "DropDuplicateIds",
    "ExerciseSummary",
    "FeedbackExporter",
    "HideHiddenTests",
    "RestoreReadOnlyCells",
    "exercise_summary",
    "hide_hidden_tests",
    "short_error",
]

#: The line that stands in for a hidden test region in the feedback.
HIDDEN_PLACEHOLDER = "# hidden tests (not shown)"


def hide_hidden_tests(
    source: str,
    begin: str = "BEGIN HIDDEN TESTS",
    end: str = "END HIDDEN TESTS",
    placeholder: str = HIDDEN_PLACEHOLDER,
) -> str:
    """``source`` with each hidden test region replaced by ``placeholder``.

    A region runs from the line holding ``begin`` to the line holding ``end`` (both
    included). A region left open runs to the end of the cell, so that a missing end
    marker hides too much rather than too little.
    """
    out: list[str] = []
    hiding = False
    for line in source.splitlines():
        if not hiding and begin in line:
            hiding = True
            indent = line[: len(line) - len(line.lstrip())]
            out.append(indent + placeholder)
        elif hiding:
            if end in line:
                hiding = False
        else:
            out.append(line)
    return "\n".join(out)


def short_error(output: dict) -> list[str]:
    """The traceback of an error output reduced to ``<ename>: <evalue>``."""
    ename = output.get("ename", "Error")
    evalue = strip_ansi(str(output.get("evalue", "")))
    return [f"{ename}: {evalue}" if evalue else ename]


class HideHiddenTests(Preprocessor):
    """Hide hidden test source and traceback context in test cells (see module doc)."""

    # nbgrader registers its converters' preprocessors without enabling them, and
    # nbconvert's default is off: on unless a config turns it off.
    enabled = Bool(True, help="Whether to hide hidden tests in feedback.").tag(
        config=True
    )

    begin_test_delimiter = Unicode(
        help="Marks the start of a hidden test region (by default nbgrader's "
        "ClearHiddenTests.begin_test_delimeter, as configured)."
    ).tag(config=True)
    end_test_delimiter = Unicode(
        help="Marks the end of a hidden test region (by default nbgrader's "
        "ClearHiddenTests.end_test_delimeter, as configured)."
    ).tag(config=True)
    placeholder = Unicode(
        HIDDEN_PLACEHOLDER, help="The line shown instead of a hidden test region."
    ).tag(config=True)

    @default("begin_test_delimiter")
    def _nbgrader_begin(self) -> str:
        return ClearHiddenTests(config=self.config).begin_test_delimeter

    @default("end_test_delimiter")
    def _nbgrader_end(self) -> str:
        return ClearHiddenTests(config=self.config).end_test_delimeter

    def preprocess_cell(self, cell, resources, index):
        hidden_source = self.begin_test_delimiter in cell.get("source", "")
        if not (is_test(cell) or hidden_source):
            return cell, resources
        if hidden_source:
            cell.source = hide_hidden_tests(
                cell.source,
                self.begin_test_delimiter,
                self.end_test_delimiter,
                self.placeholder,
            )
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                output["traceback"] = short_error(output)
        return cell, resources


#: The first line of a read-only cell put back by :class:`RestoreReadOnlyCells`.
RESTORED_NOTE = (
    "*Restored by the autograder: this read-only cell was missing from the "
    "submission (deleted, or its nbgrader metadata removed); the text below is the "
    "original.*\n\n"
)
#: The first line of a written-answer cell put back by :class:`RestoreReadOnlyCells`.
RESTORED_ANSWER_NOTE = (
    "*Restored by the autograder: this answer cell was missing from the submission "
    "(deleted, or its nbgrader metadata removed). If the learner's answer is in an "
    "unmarked cell nearby, grade it here.*\n\n"
)


#: The first line of a rubric :class:`RestoreReadOnlyCells` moved back above its answer.
MOVED_NOTE = (
    "*Moved back by the autograder: in the submission this rubric was not right "
    "above its answer; the text below is the original.*\n\n"
)
#: Cell metadata that hides a cell's text or output when rendered; dropped from
#: graded and read-only cells.
HIDING_METADATA = ("jupyter", "transient", "collapsed", "scrolled")


class DropDuplicateIds(DeduplicateIds):
    """nbgrader's ``DeduplicateIds``, but earlier copies lose ``nbgrader`` entirely."""

    def preprocess_cell(self, cell, resources, cell_index):
        cell, resources = super().preprocess_cell(cell, resources, cell_index)
        if cell.metadata.get("nbgrader") == {}:  # an earlier copy: an ordinary cell
            del cell.metadata["nbgrader"]
        return cell, resources


class RestoreReadOnlyCells(NbGraderPreprocessor):
    """Put back missing read-only cells and written answers, next to their partner.

    Runs in autograde after nbgrader's ``OverwriteCells``. For the notebook's entry in
    the gradebook:

    * a locked cell that is neither graded nor an answer (a rubric, ``rubric_<id>``)
      and is missing is inserted before the cell ``<id>`` (at the end if that is
      missing too), starting with :data:`RESTORED_NOTE`;
    * a manually graded answer cell (markdown, graded, an answer) that is missing is
      inserted after its rubric ``rubric_<id>`` (at the end if none), starting with
      :data:`RESTORED_ANSWER_NOTE`, so it waits for the grader instead of vanishing.

    Test cells are not touched: a deleted test cell scores 0, never more.
    """

    def preprocess(self, nb: NotebookNode, resources: dict):
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gradebook:
            notebook = gradebook.find_notebook(info["notebook"], info["assignment"])
            graded = {c.name for c in notebook.grade_cells}
            answers = {c.name for c in notebook.solution_cells}
            wanted = [
                (c.name, c.cell_type, c.source, c.checksum, c.locked)
                for c in notebook.source_cells
            ]
            points = {c.name: c.max_score for c in notebook.grade_cells}
        present = {grade_id(c) for c in nb.cells} - {None}
        for name, cell_type, source, checksum, locked in sorted(wanted):
            if name in present:
                continue
            if locked and name not in graded and name not in answers:
                cell = self._cell(cell_type, RESTORED_NOTE + source, name, checksum)
                cell.metadata.nbgrader.update(locked=True, grade=False, solution=False)
                self._insert(nb, cell, before=name.removeprefix("rubric_"))
            elif name in graded and name in answers and cell_type == "markdown":
                cell = self._cell(
                    cell_type, RESTORED_ANSWER_NOTE + source, name, checksum
                )
                cell.metadata.nbgrader.update(
                    locked=False, grade=True, solution=True, points=points[name]
                )
                self._insert(nb, cell, after=f"rubric_{name}")
            else:
                continue
            self.log.warning("Cell %s was missing from the submission: restored", name)
            present.add(name)
        self._rubrics_above_answers(nb)
        for cell in nb.cells:
            if grade_id(cell) is not None:
                for key in HIDING_METADATA:
                    cell.metadata.pop(key, None)
        return nb, resources

    def _rubrics_above_answers(self, nb: NotebookNode) -> None:
        """Move each ``rubric_<id>`` right above the cell ``<id>`` (if both exist)."""
        for rubric in [c for c in nb.cells if str(grade_id(c)).startswith("rubric_")]:
            answer = grade_id(rubric).removeprefix("rubric_")
            ids = [grade_id(c) for c in nb.cells]
            if (
                answer not in ids
                or ids.index(answer) == ids.index(grade_id(rubric)) + 1
            ):
                continue
            self.log.warning("Rubric %s was moved: put back above its answer", answer)
            nb.cells.remove(rubric)
            if not rubric.source.startswith(MOVED_NOTE):
                rubric.source = MOVED_NOTE + rubric.source
            nb.cells.insert([grade_id(c) for c in nb.cells].index(answer), rubric)

    @staticmethod
    def _cell(cell_type: str, source: str, name: str, checksum) -> NotebookNode:
        meta = {
            "grade_id": name,
            "checksum": checksum,
            "cell_type": cell_type,
            "schema_version": 3,
        }
        return NotebookNode(
            cell_type=cell_type,
            id=f"restored-{name}"[:64],
            metadata=NotebookNode(nbgrader=NotebookNode(meta)),
            source=source,
        )

    @staticmethod
    def _insert(nb, cell, before: str | None = None, after: str | None = None) -> None:
        ids = [grade_id(c) for c in nb.cells]
        if before is not None and before in ids:
            nb.cells.insert(ids.index(before), cell)
        elif after is not None and after in ids:
            nb.cells.insert(ids.index(after) + 1, cell)
        else:
            nb.cells.append(cell)


# ------------------------------------------------------------------ feedback summary
def _what(cell: dict) -> str:
    """What a test cell checks: the first line of its docstring, else its grade id."""
    first = cell_source(cell).lstrip().split("\n", 1)[0].strip()
    for quote in ('"""', "'''"):
        if first.startswith(quote):
            return first.strip(quote).strip() or str(grade_id(cell))
    return str(grade_id(cell))


def _part(cell: dict, kind: str) -> dict:
    meta = nbgrader_meta(cell)
    score = meta.get("score")
    return {
        "grade_id": meta["grade_id"],
        "kind": kind,
        "what": _what(cell) if kind != "written answer" else "graded by a person",
        "score": None if score is None else float(score),
        "points": float(meta.get("points", 0) or 0),
    }


def exercise_summary(
    nb: dict, begin_hidden: str = "### BEGIN HIDDEN TESTS"
) -> list[dict]:
    """Each exercise of a graded notebook with its points and its graded parts.

    One entry per answer cell (code the learner writes, with its test cells) and per
    written answer, in notebook order: ``name``, ``anchor`` (the HTML anchor of its
    cell in nbgrader's feedback), ``score`` (``None`` while a part is ungraded),
    ``points`` and ``parts``, each a test cell (``kind`` ``"checks"``, or ``"hidden
    tests"`` when it holds hidden tests) or the written answer itself, with its
    ``grade_id``, ``what`` (the first line of the test cell's docstring), ``score``
    and ``points``. Scores are those ``GetGrades`` put in the cells' metadata.

    >>> import nbformat
    >>> def cell(src, **meta):
    ...     c = nbformat.v4.new_code_cell(src)
    ...     c.metadata["nbgrader"] = meta
    ...     return c
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     cell("def f(): ...", grade_id="f", solution=True, grade=False),
    ...     cell("'''f: two examples.'''", grade_id="test_f", grade=True, points=1,
    ...          score=1.0),
    ...     cell("'''f: edge cases (hidden).'''\\n### BEGIN HIDDEN TESTS", grade=True,
    ...          grade_id="test_f_hidden", points=2, score=0.0)])
    >>> [(e["name"], e["score"], e["points"]) for e in exercise_summary(nb)]
    [('f', 1.0, 3.0)]
    >>> [(p["kind"], p["what"], p["score"]) for p in exercise_summary(nb)[0]["parts"]]
    [('checks', 'f: two examples.', 1.0), ('hidden tests', 'f: edge cases (hidden).', 0.0)]
    """
    owner = {
        gid: name for name, tests in exercise_tests(nb).items() for gid, _ in tests
    }
    rows: dict[str, dict] = {}
    for cell in nb["cells"]:
        gid = grade_id(cell)
        if gid is None:
            continue
        if is_answer(cell):
            rows.setdefault(gid, {"name": gid, "anchor": f"comment-{gid}", "parts": []})
        elif is_manual(cell):
            row = rows.setdefault(gid, {"name": gid, "anchor": gid, "parts": []})
            row["parts"].append(_part(cell, "written answer"))
        elif is_test(cell):
            name = owner.get(gid, gid)
            row = rows.setdefault(name, {"name": name, "anchor": gid, "parts": []})
            hidden = begin_hidden in cell_source(cell)
            row["parts"].append(_part(cell, "hidden tests" if hidden else "checks"))
    for row in rows.values():
        scores = [p["score"] for p in row["parts"]]
        row["points"] = sum(p["points"] for p in row["parts"])
        row["score"] = None if None in scores else sum(scores)
    return [row for row in rows.values() if row["parts"]]


class ExerciseSummary(Preprocessor):
    """Put :func:`exercise_summary` in ``resources["exercises"]`` for the course's
    feedback template, which lists each exercise by name (run it after ``GetGrades``
    and before :class:`HideHiddenTests`)."""

    enabled = Bool(True, help="Whether to summarise the exercises.").tag(config=True)

    def preprocess(self, nb, resources):
        begin = ClearHiddenTests(config=self.config).begin_test_delimeter
        resources["exercises"] = exercise_summary(nb, begin)
        return nb, resources


class FeedbackExporter(HTMLExporter):
    """The HTML exporter of the course's feedback pages (``GenerateFeedback.exporter_class``).

    A class of its own, so that its template settings (``exercises.html.j2``, which
    extends nbgrader's feedback page) reach ``generate_feedback`` alone: the
    formgrader renders submissions with an ``HTMLExporter`` of the same configuration,
    and ``c.HTMLExporter`` settings would change its pages too.
    """
