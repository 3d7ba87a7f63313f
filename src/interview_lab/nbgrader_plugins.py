"""nbgrader plug-ins of the course, registered in ``nbgrader_config.py``.

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

from nbconvert.preprocessors import Preprocessor
from nbgrader.preprocessors import ClearHiddenTests
from traitlets import Bool, Unicode, default

from .cells import is_test, strip_ansi

__all__ = ["HIDDEN_PLACEHOLDER", "HideHiddenTests", "hide_hidden_tests", "short_error"]

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
