"""04_imbalanced: imbalanced data.

The notebook imports the topic once, ``from interview_lab.topics import imbalanced as
topic``, and calls:

* in teaching cells, in notebook order: ``topic.fraud_data()`` (:mod:`.core`),
  ``topic.paradox_table(...)``, ``topic.paradox_figure(table)``,
  ``topic.smote_explorer()``, ``topic.smote_figure(...)``,
  ``topic.leak_experiment(...)``, ``topic.leak_figure(table)``,
  ``topic.compare_strategies(...)``, ``topic.strategies_figure(...)``,
  ``topic.imbalance_explorer()`` and ``topic.ImbalanceExplorer(prevalence)``
  (:mod:`.figures`);
* in graded test cells: ``topic.checker(exercise, func)``, the case generators
  (``resampling_case``, ``resampling_cases``, ``smote_cases``,
  ``class_weight_cases``, ``threshold_cases`` and their ``extreme_*`` companions at
  the edges of floating point and size), the invariant checks of the random
  exercises (``check_undersample``, ``check_oversample``,
  ``check_random_resampling``, ``check_relabelled``, ``check_fresh_process``,
  ``check_smote``, ``check_smote_random``) and the references of the deterministic
  ones (``class_weight_reference``, ``best_threshold_reference``,
  ``best_threshold_exact``) (:mod:`.checks`, :mod:`.core`).

:mod:`.core` holds the data and the reference implementations.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submod_attrs={
        "checks": [
            "EXERCISES",
            "check_fresh_process",
            "check_oversample",
            "check_random_resampling",
            "check_relabelled",
            "check_smote",
            "check_smote_random",
            "check_undersample",
            "checker",
            "class_weight_cases",
            "extreme_class_weight_cases",
            "extreme_resampling_cases",
            "extreme_smote_cases",
            "extreme_threshold_cases",
            "resampling_case",
            "resampling_cases",
            "smote_cases",
            "threshold_cases",
        ],
        "core": [
            "best_threshold_exact",
            "best_threshold_reference",
            "class_weight_reference",
            "fraud_data",
            "smote_data",
        ],
        "figures": [
            "PREVALENCES",
            "ImbalanceExplorer",
            "SmoteView",
            "compare_strategies",
            "imbalance_explorer",
            "leak_experiment",
            "leak_figure",
            "paradox_figure",
            "paradox_table",
            "smote_explorer",
            "smote_figure",
            "strategies_figure",
        ],
    },
)
