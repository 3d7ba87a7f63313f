"""Which lesson-only cells grading leaves out (``cells.left_out``): every way a
learner's cell can read a lesson's name keeps that lesson cell, as running the notebook
top to bottom would need it. The cases are those a red team graded through the real
pipeline with and without leaving lesson cells out."""

import pytest

from interview_lab.cells import binds_names, cell_reads, left_out

SPLIT = "train = data[:10]"
FIGURE = "shown = topic.figure(train)"
LESSONS = frozenset({SPLIT, FIGURE})


def _kept(*learner: str, before: tuple[str, ...] = ()) -> list[str]:
    """The lesson cells that run when the learner's cells follow (or precede) them."""
    codes = ["data = list(range(20))", *before, SPLIT, FIGURE, *learner]
    out = left_out(codes, LESSONS)
    return [codes[i] for i in range(len(codes)) if codes[i] in LESSONS and i not in out]


def test_lesson_cells_nothing_reads_are_left_out():
    assert _kept("def f(x):\n    return x + 1") == []


@pytest.mark.parametrize(
    "learner",
    [
        "def f():\n    return len(train)",  # a function body, called later
        "def f(n=len(train)):\n    return n",  # a default
        "f = lambda: train",
        "class A:\n    train = train",  # a class body reads the global first
        "g = [t for t in train]",
        "del train",
        "train += [1]",
        "@register(train)\ndef f():\n    pass",
    ],
)
def test_a_learner_cell_that_reads_the_split_keeps_it(learner):
    assert _kept(learner) == [SPLIT]


@pytest.mark.parametrize(
    "before",
    ["def f():\n    return train.mean()", "gen = (x for x in range(3) if x in train)"],
)
def test_a_function_defined_above_the_lesson_keeps_it(before):
    # called (or consumed) after the lesson has run: its global is the lesson's
    assert _kept(before=(before,)) == [SPLIT]


def test_a_helper_the_lesson_rebinds_keeps_the_lesson():
    # top to bottom, the lesson's `shown` replaces the learner's helper: so here too
    helper = "def shown(x):\n    return x"
    answer = "def answer(x):\n    return shown(x)"
    assert _kept(before=(helper, answer)) == [SPLIT, FIGURE]


@pytest.mark.parametrize(
    "learner",
    [
        "%time f(train)",
        "eval('train')",
        "globals()['train']",
        "import sys\nsys.modules['__main__'].train",
        "def f():\n    from __main__ import train\n    return train",
        "def f():\n    import __main__\n    return __main__.train",
        "IPython.get_ipython().user_ns['train']",
        "f.__globals__['train']",
        "df.query('x > @limit')",
        "total = " + " + ".join(["1"] * 5000),  # too deep for the analysis
    ],
)
def test_a_cell_whose_reads_are_unknown_keeps_every_lesson(learner):
    assert cell_reads(learner) is None
    assert _kept(learner) == [SPLIT, FIGURE]


def test_binds_names_sees_except_and_match_targets():
    code = "try:\n    pass\nexcept E as err:\n    pass\nmatch v:\n    case [a, *rest]:\n        pass"
    assert {"err", "a", "rest"} <= set(binds_names(code))
