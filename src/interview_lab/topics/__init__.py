"""One package per assignment, imported by its notebook as ``topic``.

Each topic package (``metrics``, ``bias_variance``, ``regularization``, ``imbalanced``,
``logistic_regression``, ``kmeans``, ``pipelines``, ``fraud_detection``, ...) splits
into ``core`` (data and reference implementations), ``checks`` (what graded test cells
call: ``EXERCISES`` and ``checker``) and ``figures`` (the teaching cells' experiments,
figures and explorers); its ``__init__`` re-exports what the notebook calls, lazily
(``lazy_loader``): a submodule is imported when one of its names is first used, so
grading, which calls only ``checks`` and ``core``, never pays for the figures'
Matplotlib, widgets and scikit-learn imports.
"""
