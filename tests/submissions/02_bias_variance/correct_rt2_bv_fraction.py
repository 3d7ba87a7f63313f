from fractions import Fraction


# CORRECT: pure Python, exact rational arithmetic on the given floats; one rounding at the
# end. Accepts lists or arrays (anything iterable by rows); returns a tuple of floats.
def bias_variance(predictions, y_true):
    rows = [[Fraction(float(v)) for v in row] for row in predictions]
    targets = [Fraction(float(v)) for v in y_true]
    n_models, n_points = len(rows), len(targets)
    bias_sum = Fraction(0)
    var_sum = Fraction(0)
    for j in range(n_points):
        column = [row[j] for row in rows]
        mean = sum(column) / n_models
        bias_sum += (mean - targets[j]) ** 2
        var_sum += sum((v - mean) ** 2 for v in column) / n_models
    return float(bias_sum / n_points), float(var_sum / n_points)
