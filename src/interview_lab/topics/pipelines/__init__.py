"""07_pipelines: preprocessing pipelines and data leakage.

The notebook imports the topic once, ``from interview_lab.topics import pipelines as
topic``, and calls:

* in teaching cells, in notebook order: ``topic.churn_data(...)`` and
  ``topic.sample_frames()`` (:mod:`.core`), ``topic.describe_columns(...)``,
  ``topic.imputation_figure(...)``, ``topic.show_output(...)`` (:mod:`.figures`), the
  leak detector ``topic.spy(...)``, ``topic.RecordingTransformer(...)``,
  ``topic.leak_report(...)`` and ``topic.assert_no_leak(...)`` (:mod:`.core`),
  ``topic.leak_explorer()`` and ``topic.LeakExplorer(...)`` (:mod:`.figures`);
* in graded test cells: ``topic.checker(exercise, func)``, the case generators
  (``preprocessor_cases``, ``refit_cases``, ``pipeline_cases``, ``frame_case``,
  ``target_for``) and the checks that fit the learner's estimators
  (``check_preprocessor``, ``check_pipeline``) (:mod:`.checks`).

:mod:`.core` holds the data, the references and the leak detector.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submod_attrs={
        "checks": [
            "EXERCISES",
            "check_pipeline",
            "check_preprocessor",
            "checker",
            "pipeline_cases",
            "preprocessor_cases",
            "refit_cases",
        ],
        "core": [
            "CATEGORICAL",
            "NUMERIC",
            "RecordingTransformer",
            "assert_no_leak",
            "churn_data",
            "frame_case",
            "leak_report",
            "pipeline_reference",
            "preprocessor_reference",
            "sample_frames",
            "spy",
            "target_for",
        ],
        "figures": [
            "LEAKS",
            "LeakExplorer",
            "describe_columns",
            "imputation_figure",
            "leak_curves",
            "leak_explorer",
            "show_output",
        ],
    },
)
