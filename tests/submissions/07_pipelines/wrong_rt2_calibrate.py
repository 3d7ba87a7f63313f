"""Wrong: a classifier without predict_proba is wrapped in CalibratedClassifierCV "so
that the pipeline can always give probabilities (ROC-AUC)"; the 'model' step is then
not the model passed in and its predictions are not that model's. E.g.
build_pipeline(["x"], [], LinearSVC()) fitted on
  x = [1.05, 1.78, -2.55, -0.14, 1.01, 1.35, 0.65, 1.5, 0.29, 0.55, 0.18, -1.07, -0.85,
       0.38, -0.58, 1.27, 1.29, 1.8, -0.03, 1.38]
  y = [0, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1]
predicts 1 at x = 1.0, where the contract's pipeline (LinearSVC itself) predicts 0;
and pipe.named_steps["model"] is a CalibratedClassifierCV, not the LinearSVC.
Caught by the hidden RidgeClassifier case (a classifier without predict_proba).
"""

from sklearn.base import is_classifier
from sklearn.calibration import CalibratedClassifierCV
from sklearn.pipeline import Pipeline


def build_pipeline(numeric, categorical, model):
    if is_classifier(model) and not hasattr(model, "predict_proba"):
        model = CalibratedClassifierCV(model)
    return Pipeline(
        [
            ("preprocess", build_preprocessor(numeric, categorical)),  # noqa: F821
            ("model", model),
        ]
    )
