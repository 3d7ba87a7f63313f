"""ML Interview Lab: helpers for the course notebooks.

The notebooks import what they need in one line each:

* :mod:`interview_lab.checking` -- the feedback engine behind every test cell;
* :mod:`interview_lab.cases` -- edge cases and seeded random inputs for tests;
* :mod:`interview_lab.datasets` -- small, offline datasets (generated or shipped with
  scikit-learn);
* :mod:`interview_lab.topics` -- one package per assignment: its exercises' checks,
  and the experiments, figures and explorers of its lesson.

The course's tooling, used by ``python -m interview_lab`` and nbgrader:

* :mod:`interview_lab.course` -- the course layout and how nbgrader is run;
* :mod:`interview_lab.grading` and :mod:`interview_lab.progress` -- ``make grade``,
  ``make grade-all`` and ``make progress``;
* :mod:`interview_lab.cells` -- what a notebook cell is to nbgrader;
* :mod:`interview_lab.execute` and :mod:`interview_lab.nbgrader_plugins` -- nbgrader
  plug-ins registered in ``nbgrader_config.py``.
"""

__version__ = "0.1.0"

from .checking import Checker, CheckFailed, Exercise, Exercises, Mistake  # noqa: E402

__all__ = [
    "CheckFailed",
    "Checker",
    "Exercise",
    "Exercises",
    "Mistake",
    "__version__",
]
