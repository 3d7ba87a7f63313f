"""03_regularization: ridge and the lasso, L2 against L1.

The notebook imports the topic once, ``from interview_lab.topics import
regularization as topic``, and calls:

* in graded test cells: ``topic.checker(exercise, func)``, the references
  ``topic.ridge_reference``, ``topic.soft_threshold_reference`` and
  ``topic.lasso_reference``, the hidden inputs ``topic.ridge_cases``,
  ``topic.soft_threshold_cases`` and ``topic.lasso_cases``, their edges of floating
  point, rank and shape ``topic.extreme_ridge_cases``, ``topic.tiny_ridge_cases``,
  ``topic.extreme_soft_threshold_cases``, ``topic.ulp_soft_threshold_cases``,
  ``topic.extreme_lasso_cases`` and ``topic.slow_lasso_cases``, and the
  invariant ``topic.wrong_zeros`` (:mod:`.checks`, references from :mod:`.core`);
* in teaching cells, in notebook order: ``topic.regularization_explorer()``,
  ``topic.PathExplorer(lam)``, ``topic.geometry_explorer()``,
  ``topic.GeometryExplorer(budget)``, ``topic.scaling_figure()``,
  ``topic.correlated_figure()`` and ``topic.cv_figure()`` (:mod:`.figures`).

:mod:`.core` holds the references (scikit-learn's ``Ridge`` and ``Lasso``) and the data
generators ``polynomial_data`` and ``correlated_data``, with the scales of alpha.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submod_attrs={
        "checks": [
            "EXERCISES",
            "checker",
            "extreme_lasso_cases",
            "extreme_ridge_cases",
            "extreme_soft_threshold_cases",
            "lasso_cases",
            "ridge_cases",
            "slow_lasso_cases",
            "soft_threshold_cases",
            "tiny_ridge_cases",
            "ulp_soft_threshold_cases",
            "wrong_zeros",
        ],
        "core": [
            "correlated_data",
            "lasso_reference",
            "polynomial_data",
            "ridge_reference",
            "soft_threshold_reference",
        ],
        "figures": [
            "GeometryExplorer",
            "PathExplorer",
            "correlated_figure",
            "cv_figure",
            "geometry_explorer",
            "geometry_figure",
            "regularization_explorer",
            "scaling_figure",
        ],
    },
)
