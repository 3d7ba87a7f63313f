"""06_kmeans: k-means from scratch.

The notebook imports the topic once, ``from interview_lab.topics import kmeans as
topic``, and calls:

* in teaching cells, in notebook order: ``topic.demo_data()`` and
  ``topic.grid_blobs(n_blobs)`` (:mod:`.core`),
  ``topic.lloyd_explorer()`` and ``topic.LloydExplorer(step)``,
  ``topic.k_explorer()`` and ``topic.KExplorer(k)``, ``topic.init_explorer()`` and
  ``topic.InitExplorer(n_blobs)``, ``topic.limits_figure()`` (:mod:`.figures`);
* in graded test cells: ``topic.checker(exercise, func)``, the case generators
  (``init_cases``, ``kmeans_cases``) and the invariant checks (``check_init``,
  ``check_init_reproducible``, ``check_first_center_uniform``,
  ``check_init_far_point``, ``check_init_not_farthest``, ``check_init_rare_row``,
  ``check_init_set_frequency``, ``check_kmeans``, ``check_kmeans_reproducible``,
  ``check_kmeans_vs_sklearn``, ``check_empty_cluster``, ``check_kmeans_long_runs``,
  ``check_kmeans_near_ties``, ``check_kmeans_uses_init``) (:mod:`.checks`).

:mod:`.core` holds the data, the reference implementations and the sampling
statistics the checks' thresholds come from.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submod_attrs={
        "checks": [
            "EXERCISES",
            "check_empty_cluster",
            "check_first_center_uniform",
            "check_init",
            "check_init_far_point",
            "check_init_not_farthest",
            "check_init_rare_row",
            "check_init_reproducible",
            "check_init_set_frequency",
            "check_kmeans",
            "check_kmeans_long_runs",
            "check_kmeans_near_ties",
            "check_kmeans_reproducible",
            "check_kmeans_uses_init",
            "check_kmeans_vs_sklearn",
            "checker",
            "init_cases",
            "kmeans_cases",
        ],
        "core": [
            "demo_data",
            "grid_blobs",
            "kmeans_plus_plus_reference",
            "kmeans_reference",
        ],
        "figures": [
            "InitExplorer",
            "KExplorer",
            "LloydExplorer",
            "init_explorer",
            "k_explorer",
            "limits_figure",
            "lloyd_explorer",
        ],
    },
)
