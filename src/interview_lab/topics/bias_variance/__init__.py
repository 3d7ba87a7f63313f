"""02_bias_variance: bias, variance and generalisation error.

The notebook imports the topic once, ``from interview_lab.topics import bias_variance
as topic``, and calls:

* in graded test cells (:mod:`.checks`): ``topic.checker(exercise, func)``, the case
  generators ``topic.bias_variance_cases``, ``topic.kfold_cases`` and
  ``topic.cross_val_cases`` and, at the edges of floating point and of size,
  ``topic.bias_variance_extreme_cases``, ``topic.bias_variance_tie_cases``,
  ``topic.kfold_large_cases`` and ``topic.cross_val_extreme_cases``; with exact
  expected results, ``topic.bias_variance_dtype_cases`` and
  ``topic.cross_val_dtype_cases`` (other dtypes, huge biases, near-ties at 1e12);
  ``topic.check_folds(check, n_samples, n_folds)`` and
  ``topic.check_model_unfitted(check, model, X, y)``; also
  ``topic.cross_val_mse_reference``, ``topic.make_data`` and ``topic.poly_model``
  (:mod:`.core`);
* in teaching cells, in notebook order: ``topic.resampling_figure()``,
  ``topic.simulate(degree)``, ``topic.complexity_explorer()``,
  ``topic.ComplexityExplorer(degree, n_train)``, ``topic.make_data``,
  ``topic.poly_model``, ``topic.validation_curve_figure()``,
  ``topic.learning_curve_figure()``, ``topic.more_data_figure()``,
  ``topic.regularisation_figure()`` and ``topic.ensemble_figure()``
  (:mod:`.figures`, :mod:`.core`).

:mod:`.core` holds the data (everything is simulated from ``sin(2πx)`` plus noise),
the batched simulation and the references.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submod_attrs={
        "checks": [
            "EXERCISES",
            "bias_variance_cases",
            "bias_variance_dtype_cases",
            "bias_variance_extreme_cases",
            "bias_variance_tie_cases",
            "check_folds",
            "check_model_unfitted",
            "checker",
            "cross_val_cases",
            "cross_val_dtype_cases",
            "cross_val_extreme_cases",
            "kfold_cases",
            "kfold_large_cases",
        ],
        "core": ["cross_val_mse_reference", "make_data", "poly_model", "simulate"],
        "figures": [
            "ComplexityExplorer",
            "complexity_explorer",
            "ensemble_figure",
            "learning_curve_figure",
            "more_data_figure",
            "regularisation_figure",
            "resampling_figure",
            "validation_curve_figure",
        ],
    },
)
