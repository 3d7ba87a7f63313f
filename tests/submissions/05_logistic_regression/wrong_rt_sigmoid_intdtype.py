import numpy as np


def sigmoid(z):
    # WRONG: no float conversion (np.asarray(z) keeps the integer dtype). np.exp of
    # an int8/uint8 array computes in float16, of int16 in float32, and -np.abs of an
    # unsigned array wraps around. The contract reads integer scores as float64.
    # sigmoid(np.array([3], dtype=np.uint8)) returns [0.0]; right: [0.95257413].
    # sigmoid(np.array([1], dtype=np.int8)) returns [0.731] (float16); right 0.7310585786.
    # sigmoid(np.array([1], dtype=np.int16)) is off by ~2e-8 (float32).
    z = np.asarray(z)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)
