"""Wrong: balances the test set, optimises precision for screening, RMSE with outliers."""

q_imbalance = "b"
q_metric_classification = "b"
q_metric_regression = "a"
