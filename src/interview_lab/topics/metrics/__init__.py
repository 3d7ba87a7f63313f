"""01_metrics: evaluation metrics.

The notebook imports the topic once, ``from interview_lab.topics import metrics as
topic``, and calls:

* in graded test cells: ``topic.checker(exercise, func)`` (:mod:`.checks`);
* in teaching cells, in notebook order: ``topic.threshold_explorer()``,
  ``topic.ThresholdExplorer(y, scores)``, ``topic.prevalence_figure()`` and
  ``topic.outlier_figure()`` (:mod:`.figures`).

:mod:`.core` holds the references written from the definitions.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submod_attrs={
        "checks": ["EXERCISES", "checker"],
        "figures": [
            "ThresholdExplorer",
            "outlier_figure",
            "prevalence_figure",
            "threshold_explorer",
        ],
    },
)
