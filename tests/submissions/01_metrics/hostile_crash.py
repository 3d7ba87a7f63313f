"""Hostile or broken answers: one kills the kernel, one never returns.

Each must score 0 on its own exercise (and on exercises that call it) without costing
the other exercises their marks.
"""

import os


def recall(y_true, y_pred):
    os._exit(1)  # kills the kernel: nbgrader alone would discard the whole submission


def mae(y_true, y_pred):
    total = 0
    while True:  # never returns; a broad except must not help it survive the time limit
        try:
            total += 1
        except Exception:
            pass
