"""The feedback engine: exact texts a learner sees, and robustness to odd answers."""

from __future__ import annotations

import os
import re
import sys
import time
import warnings

import numpy as np
import pandas as pd
import pytest

from interview_lab.checking import (
    Checker,
    CheckFailed,
    Exercise,
    Exercises,
    Mistake,
    compare,
    copied,
    describe_call,
    format_value,
    quiet,
)


def failure(check: Checker, *args, **kwargs) -> str:
    with pytest.raises(CheckFailed) as info:
        check(*args, **kwargs)
    return str(info.value)


def precision_ok(y_true, y_pred):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    return float(np.sum(t & p) / np.sum(p)) if np.sum(p) else 0.0


# ----------------------------------------------------------------------- exact texts
def test_value_mismatch_names_input_expected_returned_and_hint():
    check = Checker(lambda y_true, y_pred: 0.5, name="precision", hint="TP / (TP + FP)")
    assert failure(check, [0, 1, 1], [1, 1, 1], expect=2 / 3) == (
        "precision(y_true=[0, 1, 1], y_pred=[1, 1, 1])\n"
        "  expected: 0.666667\n"
        "  returned: 0.5\n"
        "  hint:     TP / (TP + FP)"
    )


def test_case_description_comes_before_values():
    check = Checker(lambda y_true, y_pred: float("nan"), name="precision")
    assert failure(
        check, [1, 0], [0, 0], expect=0.0, why="nothing is predicted positive"
    ) == (
        "precision(y_true=[1, 0], y_pred=[0, 0])\n"
        "  case:     nothing is predicted positive\n"
        "  expected: 0.0\n"
        "  returned: nan"
    )


def test_matching_mistake_gives_its_hint():
    def recall(y_true, y_pred):
        t, p = np.asarray(y_true), np.asarray(y_pred)
        return float(np.sum(t & p) / np.sum(t))

    mistakes = [Mistake(recall, "precision and recall look swapped")]
    check = Checker(recall, name="precision", mistakes=mistakes, hint="generic")
    text = failure(check, [1, 1, 0, 0], [1, 0, 0, 0], expect=1.0)
    assert text.endswith("  hint:     precision and recall look swapped")


def test_mistake_equal_to_the_right_answer_is_not_blamed():
    # on this input recall == precision, so the "swapped" hint would be wrong
    mistakes = [Mistake(lambda t, p: 2 / 3, "precision and recall look swapped")]
    check = Checker(
        lambda t, p: 0.1, name="precision", mistakes=mistakes, hint="generic"
    )
    assert failure(check, [0], [0], expect=2 / 3).endswith("  hint:     generic")


def test_none_result_asks_about_return():
    check = Checker(lambda x: None, name="f")
    assert failure(check, 3, expect=1.0) == (
        "f(x=3)\n"
        "  expected: 1.0\n"
        "  returned: None\n"
        "  problem:  is None: did you forget to `return` the result?"
    )


def test_shape_mismatch_is_reported_before_values():
    check = Checker(lambda a: [[1, 2, 3]], name="cm")
    text = failure(check, 0, expect=np.array([[1, 2], [3, 4]]))
    assert "  problem:  has shape (1, 3), expected shape (2, 2)" in text


def test_tuple_parts_are_named():
    check = Checker(
        lambda y, s: ([0, 1], [0, 1], [1.0, 0.5]),
        name="roc_curve",
        names=("fpr", "tpr", "thresholds"),
    )
    text = failure(
        check, [0, 1], [0.5, 1.0], expect=([0, 0, 1], [0, 1, 1], [np.inf, 1.0, 0.5])
    )
    assert text == (
        "roc_curve(y=[0, 1], s=[0.5, 1.0])\n"
        "  expected: fpr=[0, 0, 1], tpr=[0, 1, 1], thresholds=[inf, 1.0, 0.5]\n"
        "  returned: fpr=[0, 1], tpr=[0, 1], thresholds=[1.0, 0.5]\n"
        "  problem:  fpr has shape (2,), expected shape (3,)"
    )


def test_exception_in_learner_code_is_explained_not_raised():
    def f(x):
        return 1 / 0

    check = Checker(f, hint="guard the division")
    assert failure(check, 2, expect=1.0) == (
        "f(x=2)\n"
        "  problem:  raised ZeroDivisionError: division by zero\n"
        "  hint:     guard the division"
    )


def test_not_implemented_in_a_started_answer_says_what_to_do():
    def f(x):
        x = x + 1  # started, but still raising
        raise NotImplementedError()

    assert failure(Checker(f), 1, expect=1) == (
        "f(x=1)\n"
        "  problem:  raised NotImplementedError\n"
        "  hint:     Replace `raise NotImplementedError()` with your code."
    )


def test_list_only_failure_is_diagnosed():
    def recall(y_true, y_pred):  # `list == 1` is False: only right for arrays
        tp = np.sum((y_true == 1) & (y_pred == 1))
        return float(tp / np.sum(y_true == 1)) if np.sum(y_true == 1) else 0.0

    check = Checker(recall, hint="generic")
    assert failure(check, [1, 1, 0], [1, 0, 0], expect=0.5).endswith(
        "  hint:     Your function is right for NumPy arrays but not for Python lists: "
        "start with `y = np.asarray(y)` for each input."
    )


def test_raises_reports_a_returned_value():
    check = Checker(lambda y, s: 0.5, name="roc_auc")
    with pytest.raises(CheckFailed) as info:
        check.raises(ValueError, [1, 1], [0.1, 0.2], why="only one class")
    assert str(info.value) == (
        "roc_auc(y=[1, 1], s=[0.1, 0.2])\n"
        "  case:     only one class\n"
        "  problem:  returned 0.5; expected it to raise ValueError"
    )


def test_that_reports_the_broken_property():
    check = Checker(len, name="kmeans")
    with pytest.raises(CheckFailed) as info:
        check.that(
            False, "cluster 2 is empty", [[0.0, 1.0]], hint="re-seed empty clusters"
        )
    assert str(info.value) == (
        "kmeans(obj=[[0.0, 1.0]])\n"
        "  problem:  cluster 2 is empty\n"
        "  hint:     re-seed empty clusters"
    )


def test_passed_messages(capsys):
    check = Checker(abs)
    check(-1, expect=1)
    check(2, expect=2)
    check.passed()
    check.passed(hidden=True)
    assert capsys.readouterr().out == (
        "✓ abs: 2 visible checks passed. Hidden tests run when the notebook is graded.\n"
        "✓ abs: 2 hidden checks passed.\n"
    )


def test_not_a_function():
    with pytest.raises(CheckFailed, match=re.escape("Expected a function, got None.")):
        Checker(None)


# ------------------------------------------------------------ every correct style passes
@pytest.mark.parametrize(
    "result",
    [
        2 / 3,
        np.float64(2 / 3),
        np.float32(2 / 3),
        np.array(2 / 3),
        np.array([2 / 3]),
        [2 / 3],
    ],
)
def test_any_numeric_scalar_form_is_accepted(result):
    Checker(lambda: result, atol=1e-6)(expect=2 / 3)


@pytest.mark.parametrize(
    "result",
    [
        [[1, 2], [3, 4]],
        np.array([[1, 2], [3, 4]]),
        np.array([[1.0, 2.0], [3.0, 4.0]]),
        ((1, 2), (3, 4)),
        np.array([[1, 2], [3, 4]], dtype=np.int8),
    ],
)
def test_any_array_form_is_accepted(result):
    Checker(lambda: result)(expect=np.array([[1, 2], [3, 4]]))


def test_tuple_result_may_be_a_list_with_inf_thresholds():
    Checker(lambda: [[0.0, 1.0], [0, 1], [float("inf"), 0.5]])(
        expect=(np.array([0, 1.0]), np.array([0, 1.0]), np.array([np.inf, 0.5]))
    )


def test_dict_keys_compare_by_value():
    Checker(lambda: {np.int64(0): np.float64(0.75), 1: 1.5})(expect={0: 0.75, 1: 1.5})
    text = failure(Checker(lambda: {0: 1.0}, name="w"), expect={0: 1.0, 1: 2.0})
    assert "has keys [0], expected keys [0, 1]" in text


@pytest.mark.parametrize(
    "got, expected, reason",
    [
        ("0.5", 0.5, "should be a single number, got a str ('0.5')"),
        ([1, 2], 0.5, "should be a single number, got a list of 2 values"),
        (0.5, (1, 2), "should be a tuple of 2 values, got a float (0.5)"),
        (
            pd.DataFrame({"a": [1, 2], "b": [3, 4]}),
            (1, 2),
            "should be a tuple of 2 values, got a DataFrame of shape (2, 2)",
        ),
        ((1, 2, 3), (1, 2), "should hold 2 values, got 3"),
        ({"a": 1}, [1, 2], "should be an array of numbers, got a dict ({'a': 1})"),
        (np.nan, np.nan, None),
        (np.inf, np.inf, None),
        (-np.inf, np.inf, "value differs"),
    ],
)
def test_compare_reasons(got, expected, reason):
    assert compare(got, expected, 1e-8, 0) == reason


# --------------------------------------------------------------------- robustness
def test_inputs_are_copied_and_mutation_is_reported():
    def sorts_in_place(values):
        values.sort()
        return values[0]

    data = [3, 1, 2]
    with pytest.raises(CheckFailed, match="changed its argument values in place"):
        Checker(sorts_in_place)(data, expect=1)
    assert data == [3, 1, 2]  # the test's own data never changes


def test_warnings_and_stderr_are_silenced(capfd):
    def noisy(x):
        warnings.warn("careful", RuntimeWarning, stacklevel=1)
        print("to stderr", file=sys.stderr)
        return np.float64(1.0) / np.float64(0.0) if x else 0.0

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Checker(noisy)(0, expect=0.0)
    assert capfd.readouterr().err == ""


def test_endless_loop_is_stopped_with_feedback():
    def endless(x):
        while True:
            try:
                time.sleep(0.01)
            except Exception:  # a learner's broad except must not swallow the stop
                pass

    check = Checker(endless, time_limit=0.3)
    start = time.perf_counter()
    text = failure(check, 1, expect=1)
    assert time.perf_counter() - start < 5
    assert text.startswith(
        "endless(x=1)\n  problem:  did not finish within 0.3 seconds"
    )


def test_time_limit_counts_cpu_time_with_a_wall_clock_backstop():
    from interview_lab.checking import _TimeLimitExceeded, time_limit

    start = time.perf_counter()
    with time_limit(0.2, wall_factor=3.0):
        time.sleep(0.3)  # waiting is not computing: under 0.2 s of CPU, under 0.6 s
    assert time.perf_counter() - start >= 0.3
    start = time.process_time()
    with pytest.raises(_TimeLimitExceeded), time_limit(0.2, wall_factor=50.0):
        while True:  # computing: stopped after 0.2 s of CPU time, however busy
            sum(range(1000))
    # 0.2 s of CPU, not the backstop's 10 s of wall. The bounds leave room for a busy
    # machine: the upper for a worker process whose other threads hold the GIL when
    # the signal comes; the lower for the kernel's CPU timer, which does not count
    # exactly as process_time() does (it fired at 0.183 s of it once, in a full run)
    assert 0.15 <= time.process_time() - start < 3.0
    with pytest.raises(_TimeLimitExceeded), time_limit(0.1, wall_factor=3.0):
        time.sleep(2)  # stopped by the backstop after 0.3 s of waiting


def test_quiet_silences_a_logging_handler_made_before_the_redirection(capsys):
    import io
    import logging

    stream = io.StringIO()  # a handler keeps the stream it was created with
    logger = logging.getLogger("learner")
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:

        def noisy(x):
            logger.warning("fitting %s", x)
            return x

        assert Checker(noisy)(2, expect=2) == 2
        assert stream.getvalue() == ""
        logger.warning("after")
        assert stream.getvalue() == "after\n", "logging works again after the check"
    finally:
        logger.removeHandler(handler)


def test_what_bypasses_sys_stderr_is_silenced_too(capfd):
    """sys.__stderr__, os.write(2, ...) and child processes write to descriptor 2,
    which the kernel forwards to the cell as stderr (a 0 from nbgrader)."""
    import subprocess

    def noisy(x):
        print("debug", file=sys.__stderr__)
        os.write(2, b"raw\n")
        subprocess.run(["sh", "-c", "echo child >&2"], check=True)
        return x

    assert Checker(noisy)(3, expect=3) == 3
    assert capfd.readouterr().err == ""
    os.write(2, b"after\n")
    assert capfd.readouterr().err == "after\n", "descriptor 2 works again afterwards"


def test_nested_quiet_stays_silent_and_restores_logging_as_it_was():
    import logging

    before = logging.root.manager.disable
    with quiet():
        with quiet():
            assert logging.root.manager.disable == logging.CRITICAL
        assert logging.root.manager.disable == logging.CRITICAL, "still silent"
        logging.disable(logging.NOTSET)  # a learner's code turning logging back on
    assert logging.root.manager.disable == before
    logging.disable(logging.WARNING)
    try:
        with quiet():
            logging.disable(logging.NOTSET)
        assert logging.root.manager.disable == logging.WARNING
        logging.disable(logging.CRITICAL)  # already as quiet as quiet() makes it
        with quiet():
            logging.disable(logging.NOTSET)
        assert logging.root.manager.disable == logging.CRITICAL
    finally:
        logging.disable(before)


def test_quiet_restores_stderr():
    before = sys.stderr
    with quiet():
        assert sys.stderr is not before
    assert sys.stderr is before


# ---------------------------------------------------------------------- formatting
@pytest.mark.parametrize(
    "value, text",
    [
        (0.0, "0.0"),
        (1, "1"),
        (np.int64(3), "3"),
        (2 / 3, "0.666667"),
        (1e-9, "1e-09"),
        (float("inf"), "inf"),
        (True, "True"),
        ("a", "'a'"),
        ([1.0, 0.5], "[1.0, 0.5]"),
        (np.array([[1, 2], [3, 4]]), "[[1, 2], [3, 4]]"),
        (
            list(range(20)),
            "[0, 1, 2, 3, 4, 5, ..., 14, 15, 16, 17, 18, 19] (20 values)",
        ),
        ({1: 0.5}, "{1: 0.5}"),
        ({np.str_("fraud"): np.float64(2.5)}, "{'fraud': 2.5}"),
        ((1, [2]), "(1, [2])"),
    ],
)
def test_format_value(value, text):
    assert format_value(value) == text


def test_describe_call_names_keyword_arguments():
    def f_beta(y_true, y_pred, beta=1.0):
        return 0

    assert describe_call("f_beta", f_beta, ([1], [0]), {"beta": 2.0}) == (
        "f_beta(y_true=[1], y_pred=[0], beta=2.0)"
    )


def test_exercises_reject_an_unknown_exercise():
    checker = Exercises(Exercise("precision", hint="hint")).checker
    with pytest.raises(
        ValueError,
        match=re.escape("unknown exercise 'recal'; expected one of ['precision']"),
    ):
        checker("recal", precision_ok)


def test_exercises_reject_a_name_declared_twice():
    with pytest.raises(ValueError, match=re.escape("exercise 'f' is declared twice")):
        Exercises(Exercise("f", hint="one"), Exercise("f", hint="two"))


# ------------------------------------------------------------- extension points
def test_bound_case_checks_a_property_and_builds_a_lazy_problem_only_on_failure():
    calls = []

    def problem():
        calls.append(1)
        return "item 0 is 3, larger than item 1"

    check = Checker(lambda values: values, name="sort_values")
    case = check.case([3, 1], got=[3, 1], why="two values")
    case.that(True, problem)
    assert calls == [] and check.count == 1
    with pytest.raises(CheckFailed) as info:
        case.that(False, problem, hint="compare neighbours")
    assert calls == [1]
    assert str(info.value) == (
        "sort_values(values=[3, 1])\n"
        "  case:     two values\n"
        "  returned: [3, 1]\n"
        "  problem:  item 0 is 3, larger than item 1\n"
        "  hint:     compare neighbours"
    )


def same_values(got, expected):
    """An equal-hook: order and repeats do not matter."""
    if set(got) == set(expected):
        return None
    return f"holds {sorted(set(got))}, expected {sorted(set(expected))}"


def unique_exercise(**options) -> Exercises:
    return Exercises(
        Exercise(
            "unique",
            hint="Keep each value once.",
            mistakes=[Mistake(lambda xs: xs[:1], "You kept only the first value.")],
            reference=lambda xs: sorted(set(xs)),
            equal=same_values,
            **options,
        )
    )


def test_equal_hook_replaces_the_comparison():
    check = unique_exercise().checker("unique", lambda xs: list(reversed(xs)))
    assert check([1, 2, 2]) == [2, 2, 1]  # equal by the hook, not by value
    check = unique_exercise().checker("unique", lambda xs: xs + [9])
    assert failure(check, [1, 2]) == (
        "unique(xs=[1, 2])\n"
        "  expected: [1, 2]\n"
        "  returned: [1, 2, 9]\n"
        "  problem:  holds [1, 2, 9], expected [1, 2]\n"
        "  hint:     Keep each value once."
    )


def test_equal_hook_also_recognises_the_mistakes():
    # [1, 1] is not [1] by value (shapes differ) but is by the hook
    check = unique_exercise().checker("unique", lambda xs: [xs[0], xs[0]])
    assert failure(check, [1, 2, 2]) == (
        "unique(xs=[1, 2, 2])\n"
        "  expected: [1, 2]\n"
        "  returned: [1, 1]\n"
        "  problem:  holds [1], expected [1, 2]\n"
        "  hint:     You kept only the first value."
    )


def test_show_values_false_leaves_the_values_to_the_problem():
    exercises = unique_exercise(show_values=False)
    check = exercises.checker("unique", lambda xs: [2])
    assert failure(check, [1, 2, 2]) == (
        "unique(xs=[1, 2, 2])\n"
        "  problem:  holds [2], expected [1, 2]\n"
        "  hint:     Keep each value once."
    )


def test_calls_checks_each_call_in_order_and_stops_at_the_first_failure():
    seen = []

    def halves(x):
        seen.append(x)
        if x == 3:
            raise ValueError("odd")
        return x / 2

    results = Checker(halves).calls(((x,), {}) for x in (2, 4, 3, 8))
    assert next(results) == 1.0 and next(results) == 2.0
    with pytest.raises(CheckFailed, match=r"halves\(x=3\)\n  problem:  raised"):
        next(results)
    assert seen == [2, 4, 3]  # called lazily here: 8 never


def test_call_in_place_mutates_the_inputs_themselves():
    def sorts_in_place(values):
        values.sort()
        return values[0]

    data = [3, 1, 2]
    assert Checker(sorts_in_place).call_in_place(data) == 1
    assert data == [1, 2, 3]


def test_call_in_place_keeps_the_time_limit():
    def endless(values):
        values.append(0)
        while True:
            time.sleep(0.01)

    data = [1]
    check = Checker(endless, time_limit=0.2)
    with pytest.raises(CheckFailed) as info:
        check.call_in_place(data)
    assert str(info.value) == (
        "endless(values=[1, 0])\n  problem:  did not finish within 0.2 seconds"
    )


def test_ragged_expected_values_compare_item_by_item():
    folds = [
        (np.array([2, 3, 4]), np.array([0, 1])),
        (np.array([0, 1]), np.array([2, 3, 4])),
    ]
    as_lists = [([2, 3, 4], [0, 1]), ([0, 1], [2, 3, 4])]
    Checker(lambda: as_lists)(expect=folds)
    Checker(lambda: [list(f) for f in folds])(expect=folds)
    wrong = [([2, 3, 4], [0, 1]), ([0, 1, 2], [3, 4])]
    text = failure(Checker(lambda: wrong, name="kfold_indices"), expect=folds)
    assert "  problem:  result[1][0] has shape (3,), expected shape (2,)" in text
    short = failure(Checker(lambda: wrong[:1], name="kfold_indices"), expect=folds)
    assert "  problem:  result should hold 2 items, got 1" in short


def test_unsolved_stub_fails_when_the_checker_is_made():
    def precision(y_true, y_pred):
        """Return the precision."""
        # YOUR CODE HERE
        raise NotImplementedError()

    with pytest.raises(CheckFailed) as info:
        Checker(precision)
    assert str(info.value) == (
        "precision is still the unsolved stub\n"
        "  hint:     Replace `raise NotImplementedError()` with your code, then run its "
        "cell again."
    )


@pytest.mark.parametrize(
    "source",
    [
        "def f(x):\n    if x:\n        raise NotImplementedError()\n    return 1\n",
        "def f(x):\n    raise ValueError('no')\n",
        "def f(x):\n    return x\n",
    ],
)
def test_solved_functions_are_not_stubs(source):
    from interview_lab.checking import is_unsolved_stub

    namespace = {}
    exec(compile(source, "<cell>", "exec"), namespace)  # no source file: not a stub
    assert not is_unsolved_stub(namespace["f"])
    assert not is_unsolved_stub(lambda x: x)
    assert not is_unsolved_stub(print)


def test_values_equal_at_six_digits_show_every_digit_and_the_gap():
    check = Checker(lambda: float(np.float32(2 / 3)), name="precision")
    assert failure(check, expect=2 / 3) == (
        "precision()\n"
        "  expected: 0.6666666666666666\n"
        "  returned: 0.6666666865348816\n"
        "  problem:  differs by 2.0e-08, more than the tolerance (atol=1e-08): "
        "rounding, or float32 arithmetic?"
    )


def test_a_generator_or_map_of_parts_counts_as_the_tuple():
    """An answer may yield the parts of a tuple result: read once, compared by value."""

    def parts_generator(x):
        yield x
        yield 2 * x

    check = Checker(parts_generator, names=("a", "b"))
    assert check(3, expect=(3, 6)) == (3, 6)
    check = Checker(lambda x: map(float, (x, x)), name="pair")
    check(1, expect=(1.0, 1.0))
    with pytest.raises(CheckFailed) as info:
        check(2, expect=(2.0, 3.0))
    assert str(info.value) == (
        "pair(x=2)\n  expected: [2.0, 3.0]\n  returned: [2.0, 2.0]"
    )


def test_a_generator_that_raises_is_explained():
    def broken(x):
        yield x
        raise ZeroDivisionError("division by zero")

    with pytest.raises(CheckFailed, match=re.escape("raised ZeroDivisionError")):
        Checker(broken)(1, expect=(1, 2))


def test_a_single_number_may_come_in_any_size_1_container():
    check = Checker(lambda: np.matrix([[0.5]]), name="f")
    check(expect=0.5)
    check = Checker(lambda: [[0.25]], name="g")
    assert failure(check, expect=0.5) == "g()\n  expected: 0.5\n  returned: [[0.25]]"
    assert failure(Checker(lambda: [0.5, 0.5], name="h"), expect=0.5).endswith(
        "should be a single number, got a list of 2 values"
    )


def test_strings_in_a_list_are_shown_quoted():
    assert format_value(["age", "income"]) == "['age', 'income']"
    assert format_value(np.array(["a", "b"])) == "['a', 'b']"


def test_a_function_that_changes_its_argument_in_place_fails():
    def centred(x):
        x -= np.mean(x)
        return x

    check = Checker(centred, name="centred")
    message = failure(check, np.array([1.0, 3.0]), expect=[-1.0, 1.0])
    assert message == (
        "centred(x=[1.0, 3.0])\n"
        "  problem:  changed its argument x in place\n"
        "  hint:     Leave the caller's data as it was (the caller may use it again): "
        "work on a copy, e.g. x = np.array(x, dtype=float), and avoid in-place "
        "operations such as x -= ..., x.sort() or out=x."
    )
    listed = Checker(lambda values: values.sort() or values, name="s")
    assert "changed its argument values in place" in failure(
        listed, [2, 1], expect=[1, 2]
    )
    frame = pd.DataFrame({"a": [1.0, np.nan]})
    Checker(lambda df: df.fillna(0), name="f")(frame, expect=[[1.0], [0.0]])


def test_a_set_dict_or_tuple_changed_in_place_fails():
    def hits(relevant, top):
        relevant &= set(top)  # changes the caller's set
        return len(relevant)

    check = Checker(hits, name="hits")
    assert "changed its argument relevant in place" in failure(
        check, {1, 2, 3}, [1, 5], expect=1
    )
    counted = Checker(lambda d: d.setdefault("n", 0) + len(d), name="c")
    assert "changed its argument d in place" in failure(counted, {"a": 1}, expect=1)
    nested = Checker(lambda t: t[0].append(0) or len(t), name="t")
    assert "changed its argument t in place" in failure(nested, ([1],), expect=1)
    Checker(lambda s: len(s | {9}), name="u")({1, 2}, expect=3)  # a new set: fine


def test_raises_reads_a_generator_so_a_lazy_error_counts():
    def folds(n, k):
        if k > n:
            raise ValueError("too many folds")
        yield from range(k)

    check = Checker(folds, name="folds")
    check.raises(ValueError, 2, 5)
    assert check.count == 1


# ------------------------------------------------------------------- copied inputs
def _copy_cases():
    xs = [1, 2.5, None, "a", True]
    arr = np.arange(12.0).reshape(3, 4)
    frame = pd.DataFrame({"a": [1, 2]})
    nested = [[1, 2], [3, [4, 5]]]
    return [
        ((xs,), {}),
        ((xs, xs), {"again": xs}),  # one object passed three times
        ((arr, arr.T, arr[:, ::2]), {}),  # F-ordered and strided views
        ((np.array([[1], "x"], dtype=object),), {}),
        ((nested, {"k": nested}), {"frame": frame}),
        (([np.float64(1.5), np.int8(3)], (1, [2])), {}),
        ((), {}),
    ]


@pytest.mark.parametrize("args, kwargs", _copy_cases())
def test_copied_is_deepcopy_on_every_kind_of_input(args, kwargs):
    """Against copy.deepcopy itself: same values, same types and layout, same aliasing."""
    import copy

    got_args, got_kwargs = copied(args, kwargs)
    want_args, want_kwargs = copy.deepcopy((args, kwargs))
    got, want = [*got_args, *got_kwargs.values()], [*want_args, *want_kwargs.values()]
    originals = [*args, *kwargs.values()]
    assert list(got_kwargs) == list(want_kwargs)
    for g, w, o in zip(got, want, originals, strict=True):
        assert type(g) is type(w) and repr(g) == repr(w)
        if isinstance(o, (list, dict, np.ndarray, pd.DataFrame)):
            assert g is not o, "an input was passed on, not copied"
        if isinstance(o, np.ndarray):
            assert g.flags.f_contiguous == w.flags.f_contiguous
            assert g.strides == w.strides
    same = [[a is b for b in originals] for a in originals]
    assert [[a is b for b in got] for a in got] == same
    assert [[a is b for b in want] for a in want] == same


def test_copied_keeps_a_list_passed_twice_one_list_inside_a_deep_copy_too():
    xs = [1, 2]
    (a, box), _ = copied((xs, {"xs": xs}), {})
    assert box["xs"] is a
    a.append(3)
    assert xs == [1, 2]


CALLS = []


def scaled(xs, factor=2):
    """A module-level reference (remembered), counting its calls."""
    CALLS.append(1)
    return np.asarray(xs, dtype=float) * factor


def test_a_reference_is_computed_once_per_process_for_the_same_inputs(monkeypatch):
    from interview_lab import checking

    monkeypatch.setattr(checking, "_REMEMBERED", {})
    monkeypatch.setattr(checking, "_REMEMBERED_BYTES", [0])
    calls = CALLS
    calls.clear()

    out = checking.remembered(scaled, ([1, 2],), {"factor": 3})
    out[0] = -1  # the caller's copy: the remembered result is untouched
    again = checking.remembered(scaled, ([1, 2],), {"factor": 3})
    assert again.tolist() == [3.0, 6.0] and len(calls) == 1
    checking.remembered(scaled, ([1, 2],), {"factor": 4})  # other inputs: computed
    checking.remembered(scaled, (np.array([1, 2]),), {"factor": 3})  # other types too
    assert len(calls) == 3

    captured = 5
    closure = lambda: calls.append(captured)  # noqa: E731 - its state is not its name
    checking.remembered(closure, (), {})
    checking.remembered(closure, (), {})
    assert calls[-2:] == [5, 5]

    monkeypatch.setattr(checking, "REMEMBER_BYTES", 10)  # too big to keep: computed
    checking.remembered(scaled, ([7, 8],), {})
    checking.remembered(scaled, ([7, 8],), {})
    assert len(calls) == 7


def test_a_remembered_reference_is_named_by_what_decides_its_result():
    from interview_lab.checking import _reference_key
    from interview_lab.topics.metrics import core

    key = _reference_key(core.mae_reference, ([1.0], [2.0]), {})
    assert key == _reference_key(core.mae_reference, ([1.0], [2.0]), {})
    assert key != _reference_key(core.mae_reference, ([1.0], [2.5]), {})
    assert _reference_key(core.mae_reference, ([lambda: 0], [2.0]), {}) is None

    def cell(source: str, **names):  # a test cell run again for the next learner
        space = {"np": np, **names}
        exec(source, space)
        return space["ref"]

    lam = "ref = lambda t, p, b=1: np.abs(np.asarray(t) - p).mean() * b"
    first, second = cell(lam), cell(lam)
    assert first is not second
    assert _reference_key(first, ([1], [2]), {}) == _reference_key(
        second, ([1], [2]), {}
    )
    other = cell(lam.replace("mean", "max"))
    assert _reference_key(other, ([1], [2]), {}) != _reference_key(
        first, ([1], [2]), {}
    )
    assert _reference_key(cell(lam.replace("b=1", "b=2")), ([1], [2]), {}) != (
        _reference_key(first, ([1], [2]), {})
    )

    def learner(t, p):
        return 0.0

    reads_learner = cell("ref = lambda t, p: mae(t, p)", mae=learner)
    assert _reference_key(reads_learner, ([1], [2]), {}) is None

    class Box:
        def method(self, x):
            return x

    assert _reference_key(Box().method, (1,), {}) is None
    assert _reference_key(np.mean, ([1, 2],), {}) is not None  # numpy.mean itself
