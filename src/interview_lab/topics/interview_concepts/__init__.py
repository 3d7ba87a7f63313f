"""11_interview_concepts: concepts and behavioural answers.

The notebook imports the topic once, ``from interview_lab.topics import
interview_concepts as topic``, and calls:

* in graded test cells: ``topic.check_answer(question, answer)`` for each quiz answer
  and ``topic.checker("confusion_rates", func)`` for the function exercise
  (:mod:`.checks`);
* in teaching cells, in notebook order: ``topic.confusion_explorer()`` and
  ``topic.ConfusionExplorer()`` (:mod:`.figures`), and ``topic.star_feedback(text)``
  on a written answer (:mod:`.core`).

:mod:`.core` reads answers, hashes and seals them (the package never holds a right
answer in plain text), and holds the STAR helper; :mod:`.sealed` is the sealed key.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submod_attrs={
        "checks": [
            "EXERCISES",
            "check_answer",
            "check_matrix_answer",
            "checker",
            "random_confusion_matrices",
        ],
        "core": ["QUESTIONS", "QUIZ_MATRIX", "star_feedback", "star_report"],
        "figures": ["confusion_explorer", "ConfusionExplorer"],
    },
)
