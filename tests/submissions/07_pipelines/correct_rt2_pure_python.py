"""Correct: both steps in pure Python inside a ColumnTransformer: the median with
statistics.median, the mean and the (population) variance exactly with Fraction (so a
constant column, and only a constant column, has variance 0 and gives 0), the most
frequent value with collections.Counter (ties broken towards the smallest value,
as SimpleImputer and the contract), and one-hot columns from a dict of the
training categories (an unseen category matches none: all zeros). Values equal as
numbers (3 and 3.0) are the same category. build_pipeline copies the model with
copy.deepcopy (same class, same parameters).
"""

import copy
import math
import statistics
from collections import Counter
from fractions import Fraction

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline


def build_preprocessor(numeric, categorical):
    def columns(X):
        X = X if isinstance(X, pd.DataFrame) else pd.DataFrame(X)
        return [X[c].tolist() for c in X.columns]

    def missing(v):
        return v is None or (not isinstance(v, str) and bool(pd.isna(v)))

    class Standardise(BaseEstimator, TransformerMixin):
        def fit(self, X, y=None):
            self.median_, self.mean_, self.std_ = [], [], []
            for col in columns(X):
                seen = [float(v) for v in col if not missing(v)]
                median = statistics.median(seen)
                filled = [
                    Fraction(float(v)) if not missing(v) else Fraction(median)
                    for v in col
                ]
                mean = sum(filled) / len(filled)
                var = sum((v - mean) ** 2 for v in filled) / len(filled)
                self.median_.append(median)
                self.mean_.append(mean)
                self.std_.append(math.sqrt(var) if var else 0.0)
            return self

        def transform(self, X):
            out = []
            for col, median, mean, std in zip(
                columns(X), self.median_, self.mean_, self.std_
            ):
                filled = [float(v) if not missing(v) else median for v in col]
                out.append(
                    [float(Fraction(v) - mean) / std if std else 0.0 for v in filled]
                )
            n = len(X)
            return np.array(out, dtype=float).T.reshape(n, len(out))

    class OneHot(BaseEstimator, TransformerMixin):
        def fit(self, X, y=None):
            self.fill_, self.levels_ = [], []
            for col in columns(X):
                counts = Counter(v for v in col if not missing(v))
                top = max(counts.values())
                fill = min(v for v, k in counts.items() if k == top)
                levels = {}
                for v in col:
                    levels.setdefault(fill if missing(v) else v, len(levels))
                self.fill_.append(fill)
                self.levels_.append(levels)
            return self

        def transform(self, X):
            n = len(X)
            blocks = []
            for col, fill, levels in zip(columns(X), self.fill_, self.levels_):
                block = [[0.0] * len(levels) for _ in range(n)]
                for i, v in enumerate(col):
                    j = levels.get(fill if missing(v) else v)
                    if j is not None:
                        block[i][j] = 1.0
                blocks.append(np.array(block, dtype=float).reshape(n, len(levels)))
            return np.hstack(blocks) if blocks else np.zeros((n, 0))

    return ColumnTransformer(
        [
            ("numbers", Standardise(), list(numeric)),
            ("categories", OneHot(), list(categorical)),
        ]
    )


def build_pipeline(numeric, categorical, model):
    return Pipeline(
        [
            ("preprocess", build_preprocessor(numeric, categorical)),
            ("model", copy.deepcopy(model)),
        ]
    )
