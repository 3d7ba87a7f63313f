"""An nbgrader executor that survives a submission killing its own kernel.

Stock nbgrader stops at the first cell whose kernel dies (``os._exit``, a crash in a
C extension, memory exhausted) and discards the whole submission: the student loses
the marks of every exercise they got right. :class:`ResilientExecute` instead

1. records an error on the cell that killed the kernel (so that cell scores 0 and the
   feedback says why),
2. starts a fresh kernel and replays the earlier cells that are not graded tests, to
   rebuild the learner's definitions (skipping any cell that killed a kernel before),
3. goes on with the next cell.

``nbgrader_config.py`` puts it in place of nbgrader's ``Execute`` in
``Autograde.autograde_preprocessors``; ``Execute``'s settings (``timeout``,
``interrupt_on_timeout``) apply to it unchanged.
"""

from __future__ import annotations

import copy

from nbclient.client import NotebookClient
from nbclient.exceptions import DeadKernelError
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute

__all__ = ["KERNEL_DIED", "ResilientExecute", "with_resilient_execute"]

#: The error text recorded on a cell whose execution killed the kernel.
KERNEL_DIED = (
    "The kernel died while running this cell (os._exit, sys.exit from a thread, a "
    "crash in compiled code, or memory exhausted). This cell scores 0; the kernel was "
    "restarted, your earlier cells were run again, and grading went on."
)


def _is_test_cell(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return bool(meta.get("grade") and not meta.get("solution"))


class ResilientExecute(Execute):
    """nbgrader's ``Execute``, recovering from dead kernels cell by cell."""

    max_restarts = 10

    def preprocess(self, nb, resources=None, km=None):
        NotebookClient.__init__(self, nb, km)
        self.reset_execution_trackers()
        self._check_assign_resources(resources)
        killers: set[int] = set()
        with self.setup_kernel():
            self._record_language_info()
            for index, cell in enumerate(self.nb.cells):
                try:
                    self.preprocess_cell(cell, resources, index)
                except DeadKernelError:
                    killers.add(index)
                    self._record_death(cell)
                    if len(killers) > self.max_restarts:
                        self.log.error("Kernel died %d times; giving up", len(killers))
                        break
                    self._restart(index, killers, resources)
        self.set_widgets_metadata()
        return self.nb, self.resources

    def _record_language_info(self) -> None:
        info = self.wait_for_reply(self.kc.kernel_info())
        self.nb.metadata["language_info"] = info["content"]["language_info"]

    def _record_death(self, cell) -> None:
        self.log.warning("The kernel died in cell %s", cell.get("id"))
        if cell.cell_type == "code":
            cell.outputs.append(
                NotebookNode(
                    output_type="error",
                    ename="DeadKernelError",
                    evalue=KERNEL_DIED,
                    traceback=[f"DeadKernelError: {KERNEL_DIED}"],
                )
            )

    def _restart(self, upto: int, killers: set[int], resources) -> None:
        """A fresh kernel with the earlier non-test cells run again (outputs dropped)."""
        self._cleanup_kernel()
        self.km = self.create_kernel_manager()
        self.start_new_kernel()
        self.start_new_kernel_client()
        for index in range(upto):
            cell = self.nb.cells[index]
            if cell.cell_type != "code" or index in killers or _is_test_cell(cell):
                continue
            try:
                self.execute_cell(copy.deepcopy(cell), index, store_history=False)
            except DeadKernelError:
                killers.add(index)
                self._cleanup_kernel()
                self.km = self.create_kernel_manager()
                self.start_new_kernel()
                self.start_new_kernel_client()


def with_resilient_execute(preprocessors: list) -> list:
    """``preprocessors`` with nbgrader's ``Execute`` replaced by :class:`ResilientExecute`."""
    return [ResilientExecute if p is Execute else p for p in preprocessors]
