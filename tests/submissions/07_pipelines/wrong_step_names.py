"""Wrong: make_pipeline names the steps 'columntransformer' and after the model."""

from sklearn.pipeline import make_pipeline


def build_pipeline(numeric, categorical, model):
    pre = build_preprocessor(numeric, categorical)  # noqa: F821 (the notebook's)
    return make_pipeline(pre, model)
