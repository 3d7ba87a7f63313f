import numpy as np


def mae(y_true, y_pred):
    # WRONG on unsigned-int arrays (no dtype=float): uint8 subtraction wraps.
    # mae(np.array([0], np.uint8), np.array([1], np.uint8)) gives 255.0; right: 1.0.
    y_true = np.asarray(y_true).ravel()
    y_pred = np.asarray(y_pred).ravel()
    return float(np.mean(np.abs(y_true - y_pred)))


def rmse(y_true, y_pred):
    # WRONG on integer arrays: uint8 wraps, int64 squares overflow.
    # rmse(np.array([0], np.uint8), np.array([16], np.uint8)) gives 0.0; right: 16.0.
    # rmse([0], [4_000_000_000]) (Python ints) gives nan (int64 square wraps negative); right: 4e9.
    y_true = np.asarray(y_true).ravel()
    y_pred = np.asarray(y_pred).ravel()
    return float(np.sqrt(np.mean((y_true - y_pred) ** 2)))


def r2(y_true, y_pred):
    # WRONG on integer arrays: r2(np.array([0, 32], np.uint8), np.array([16, 16], np.uint8))
    # gives 1.0 (squared residuals wrap to 0); right: 0.0.
    y_true = np.asarray(y_true).ravel()
    y_pred = np.asarray(y_pred).ravel()
    ss_res = np.sum((y_true - y_pred) ** 2)
    ss_tot = np.sum((y_true - y_true.mean()) ** 2)
    if ss_tot == 0:
        return 1.0 if ss_res == 0 else 0.0
    return float(1 - ss_res / ss_tot)
