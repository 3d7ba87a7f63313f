# WRONG: downcasts the scaled numbers to float32 "to halve memory". The contract says
# real-valued results are computed and returned in float64 (default tolerance 1e-8):
# a scaled value such as 1.2345678901234 comes back as 1.2345679 (error ~1e-7 relative,
# up to ~5e-7 for |z| ~ 4); the checks compare with rtol=atol=1e-6.
import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler


def build_preprocessor(numeric, categorical):
    num = Pipeline(
        [
            ("impute", SimpleImputer(strategy="median")),
            ("scale", StandardScaler()),
            (
                "f32",
                FunctionTransformer(
                    lambda X: np.asarray(X, dtype=np.float32),
                    feature_names_out="one-to-one",
                ),
            ),
        ]
    )
    cat = Pipeline(
        [
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("onehot", OneHotEncoder(handle_unknown="ignore", dtype=np.float32)),
        ]
    )
    return ColumnTransformer(
        [("num", num, list(numeric)), ("cat", cat, list(categorical))]
    )


def build_pipeline(numeric, categorical, model):
    return Pipeline(
        [("preprocess", build_preprocessor(numeric, categorical)), ("model", model)]
    )
