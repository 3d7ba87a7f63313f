"""05_logistic_regression: logistic regression from scratch.

The notebook imports the topic once, ``from interview_lab.topics import
logistic_regression as topic``, and calls:

* in graded test cells: ``topic.checker(exercise, func)`` and the invariant checks
  ``topic.check_warning_free``, ``check_model``, ``check_converges``,
  ``check_descent``, ``check_penalty_shrinks``, ``check_refit``,
  ``check_separable``, ``check_threshold``, ``check_unchanged`` and
  ``check_weights``, on the inputs of
  ``topic.sigmoid_cases``, ``log_loss_cases``, ``descent_cases``, ``long_runs``,
  ``convergence_cases``, ``make_data``, ``offset_data`` and ``separable_data``
  (:mod:`.checks`, :mod:`.core`);
* in teaching cells, in notebook order: ``topic.overflow_table()``,
  ``topic.numerics_figure()``, ``topic.gradient_check(gradient)``,
  ``topic.descent_explorer()``, ``topic.DescentExplorer(...)`` (its static copy),
  ``topic.learning_rate_figure()`` and ``topic.penalty_figure()``
  (:mod:`.figures`).

:mod:`.core` holds the data and the references written from the definitions;
:mod:`._estimator` the machinery that checks a learner's class (wrap, fit, inspect),
a candidate for :mod:`interview_lab.checking` once another topic needs it.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submod_attrs={
        "checks": [
            "EXERCISES",
            "check_converges",
            "check_descent",
            "check_model",
            "check_penalty_shrinks",
            "check_refit",
            "check_separable",
            "check_threshold",
            "check_unchanged",
            "check_warning_free",
            "check_weights",
            "checker",
            "convergence_cases",
            "descent_cases",
            "log_loss_cases",
            "long_runs",
            "sigmoid_cases",
        ],
        "core": ["make_data", "offset_data", "separable_data"],
        "figures": [
            "DescentExplorer",
            "descent_explorer",
            "gradient_check",
            "learning_rate_figure",
            "numerics_figure",
            "overflow_table",
            "penalty_figure",
        ],
    },
)
