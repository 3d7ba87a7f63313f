"""08_fraud_detection: real-time fraud detection (system design).

The notebook imports the topic once, ``from interview_lab.topics import
fraud_detection as topic``, and calls:

* in teaching cells, in notebook order: ``topic.transactions()``,
  ``topic.add_features(tx)``, ``topic.FEATURES`` and ``topic.feature_matrix(frame)``
  (:mod:`.core`), ``topic.stream_figure(tx)``, ``topic.burst_table(feats)``,
  ``topic.evaluation_table(...)``, ``topic.evaluation_figure(table)``,
  ``topic.train_models(fit)``, ``topic.score(model, frame)``,
  ``topic.tradeoff_table(...)``, ``topic.tradeoff_figure(table)``,
  ``topic.cost_explorer(...)``, ``topic.CostExplorer(...)`` and
  ``topic.label_delay_figure(train)`` (:mod:`.figures`);
* in graded test cells: ``topic.checker(exercise, func)``, the case generators
  (``split_cases``, ``split_frame``, ``cost_cases``, ``threshold_cases``,
  ``extreme_threshold_cases``) and the invariant check ``check_split_keeps_input``
  (:mod:`.checks`).

:mod:`.core` holds the simulation, the features and the reference implementations.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submod_attrs={
        "checks": [
            "EXERCISES",
            "check_split_keeps_input",
            "checker",
            "clear_fraction",
            "cost_cases",
            "extreme_threshold_cases",
            "split_cases",
            "split_frame",
            "split_problem",
            "threshold_cases",
        ],
        "core": [
            "COST_FN",
            "COST_FP",
            "FEATURES",
            "add_features",
            "cost_threshold_reference",
            "expected_cost_reference",
            "feature_matrix",
            "time_split_reference",
            "transactions",
        ],
        "figures": [
            "BUDGETS",
            "RATIOS",
            "CostExplorer",
            "burst_table",
            "cost_explorer",
            "evaluation_figure",
            "evaluation_table",
            "label_delay_figure",
            "score",
            "stream_figure",
            "tradeoff_figure",
            "tradeoff_table",
            "train_models",
        ],
    },
)
