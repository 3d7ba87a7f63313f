"""01_metrics: evaluation metrics.

The notebook imports the topic once, ``from interview_lab.topics import metrics as
topic``, and calls:

* in graded test cells: ``topic.checker(exercise, func)`` (:mod:`.checks`);
* in teaching cells, in notebook order: ``topic.threshold_explorer()``,
  ``topic.ThresholdExplorer(y, scores)``, ``topic.prevalence_figure()`` and
  ``topic.outlier_figure()`` (:mod:`.figures`).

:mod:`.core` holds the references written from the definitions.
"""

from .checks import EXERCISES, checker
from .figures import (
    ThresholdExplorer,
    outlier_figure,
    prevalence_figure,
    threshold_explorer,
)

__all__ = [
    "EXERCISES",
    "ThresholdExplorer",
    "checker",
    "outlier_figure",
    "prevalence_figure",
    "threshold_explorer",
]
