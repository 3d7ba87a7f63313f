# WRONG: OneHotEncoder(max_categories=100) "to bound the width on high-cardinality columns".
# On a categorical column with more than 100 categories in training (e.g. 150 distinct
# values, each once), the 51 rarest... are merged into one "infrequent" column: the output
# has 100 one-hot columns for that column, the contract (one-hot encoding, one column per
# category) gives 150. Hidden cases have at most 40 ("many") / 60 (churn cities) categories.
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_preprocessor(numeric, categorical):
    num = Pipeline(
        [("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]
    )
    cat = Pipeline(
        [
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("onehot", OneHotEncoder(handle_unknown="ignore", max_categories=100)),
        ]
    )
    return ColumnTransformer(
        [("num", num, list(numeric)), ("cat", cat, list(categorical))]
    )
