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

__all__ = [
    "CheckFailed",
    "Checker",
    "Exercise",
    "Exercises",
    "Mistake",
    "__version__",
]

# Importing the package imports nothing else: ``python -m interview_lab.limits`` runs
# ahead of every grading kernel and must not wait for NumPy. The feedback engine's
# names are loaded on first use (PEP 562).
_FROM_CHECKING = frozenset(__all__) - {"__version__"}


def __getattr__(name: str):
    if name in _FROM_CHECKING:
        from . import checking

        return getattr(checking, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
