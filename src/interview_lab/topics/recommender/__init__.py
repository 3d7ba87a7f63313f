"""10_recommender: recommendation (system design).

The notebook imports the topic once, ``from interview_lab.topics import recommender
as topic``, and calls:

* in teaching cells, in notebook order: ``topic.make_ratings()``,
  ``topic.hold_out(...)``, ``topic.recommend_popular``, ``topic.recommend_random``,
  ``topic.content_similarity(genre)`` (:mod:`.core`), ``topic.ratings_figure(data)``,
  ``topic.similarity_figure(sim, data)``, ``topic.user_explorer(...)``,
  ``topic.UserExplorer(...)``, ``topic.evaluation_table(...)``,
  ``topic.evaluation_figure(table)``, ``topic.popularity_bias_table(...)``,
  ``topic.popularity_bias_figure(...)`` and ``topic.scale_table()``
  (:mod:`.figures`);
* in graded test cells: ``topic.checker(exercise, func)`` and the case generators
  ``ranking_cases``, ``similarity_cases`` and ``recommend_cases`` (:mod:`.checks`).

:mod:`.core` holds the simulation, the references and the baselines.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submod_attrs={
        "checks": [
            "EXERCISES",
            "checker",
            "ranking_cases",
            "recommend_cases",
            "similarity_cases",
        ],
        "core": [
            "GENRES",
            "RatingsData",
            "because",
            "content_similarity",
            "hold_out",
            "item_scores",
            "item_similarity_reference",
            "make_ratings",
            "precision_at_k_reference",
            "recall_at_k_reference",
            "recommend_popular",
            "recommend_random",
            "recommend_reference",
        ],
        "figures": [
            "UserExplorer",
            "evaluation_figure",
            "evaluation_table",
            "popularity_bias_figure",
            "popularity_bias_table",
            "ratings_figure",
            "scale_table",
            "similarity_figure",
            "user_explorer",
        ],
    },
)
