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

from .checks import (
    EXERCISES,
    check_pipeline,
    check_preprocessor,
    checker,
    pipeline_cases,
    preprocessor_cases,
    refit_cases,
)
from .core import (
    CATEGORICAL,
    NUMERIC,
    RecordingTransformer,
    assert_no_leak,
    churn_data,
    frame_case,
    leak_report,
    pipeline_reference,
    preprocessor_reference,
    sample_frames,
    spy,
    target_for,
)
from .figures import (
    LEAKS,
    LeakExplorer,
    describe_columns,
    imputation_figure,
    leak_curves,
    leak_explorer,
    show_output,
)

__all__ = [
    "CATEGORICAL",
    "EXERCISES",
    "LEAKS",
    "NUMERIC",
    "LeakExplorer",
    "RecordingTransformer",
    "assert_no_leak",
    "check_pipeline",
    "check_preprocessor",
    "checker",
    "churn_data",
    "describe_columns",
    "frame_case",
    "imputation_figure",
    "leak_curves",
    "leak_explorer",
    "leak_report",
    "pipeline_cases",
    "pipeline_reference",
    "preprocessor_cases",
    "preprocessor_reference",
    "refit_cases",
    "sample_frames",
    "show_output",
    "spy",
    "target_for",
]
