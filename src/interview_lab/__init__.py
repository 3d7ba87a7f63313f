"""ML Interview Lab: helpers for the course notebooks.

The notebooks import what they need in one line each:

* :mod:`interview_lab.checking` -- the feedback engine behind every test cell;
* :mod:`interview_lab.cases` -- edge cases and seeded random inputs for tests;
* :mod:`interview_lab.datasets` -- small, offline datasets (generated or shipped with
  scikit-learn);
* :mod:`interview_lab.topics` -- one module per assignment: its plots, interactive
  widgets and the catalogue of common mistakes its checks recognise;
* :mod:`interview_lab.course` -- the course layout, used by ``python -m interview_lab``.
"""

__version__ = "0.1.0"

from .checking import Checker, CheckFailed, Mistake  # noqa: E402

__all__ = ["CheckFailed", "Checker", "Mistake", "__version__"]
