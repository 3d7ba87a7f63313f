"""Wrong: always a logistic regression, whatever model is passed in."""

from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline


def build_pipeline(numeric, categorical, model):
    return Pipeline(
        [
            ("preprocess", build_preprocessor(numeric, categorical)),  # noqa: F821 (the notebook's)
            ("model", LogisticRegression(max_iter=1000)),
        ]
    )
