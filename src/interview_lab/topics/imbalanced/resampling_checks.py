"""04_imbalanced: invariant checks of the resamplers, and reproducibility checks.

Random undersampling and oversampling have no unique answer: these checks test
class counts, rows staying paired with their labels, draws with or without
replacement, and that a seed gives the same rows in any process.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

from ...checking import Checker, kernel_side
from ...validation import check_choice, check_int, check_seed

__all__ = [
    "check_fresh_process",
    "check_oversample",
    "check_random_resampling",
    "check_relabelled",
    "check_undersample",
    "extreme_resampling_cases",
    "relabelling",
    "resampling_case",
    "resampling_cases",
    "run_in_fresh_processes",
]


_INT_LABELS = ([0, 1, 2, 3], [1, 0, 3, 2], [2, 5, 9, 4], [-1, 1, 7, 3])
_STR_LABELS = (["legit", "fraud", "review", "chargeback"], ["b", "a", "d", "c"])


# ------------------------------------------------------------------ resampling cases
def resampling_case(counts, n_features=3, labels=None, seed=0, as_list=False):
    """A shuffled data set with the given class counts and row ids in column 0.

    ``X[:, 0]`` is the row index, so a check can tell exactly which original row each
    output row is, whether rows stay paired with their labels and whether a row was
    used twice.

    Parameters
    ----------
    counts : sequence of int
        Number of rows of each class (at least one class, each count >= 1).
    n_features : int, default=3
        Columns of X, the first being the row id.
    labels : sequence, optional
        The class labels, one per count (ints or strings); 0, 1, 2... by default.
    seed : int, default=0
        Seed of the features and the shuffling.
    as_list : bool, default=False
        Return X and y as Python lists instead of arrays.

    Returns
    -------
    X : ndarray of shape (sum(counts), n_features) or list of lists
    y : ndarray of shape (sum(counts),) or list

    Examples
    --------
    >>> X, y = resampling_case([3, 1])
    >>> X[:, 0].tolist(), sorted(y.tolist())
    ([0.0, 1.0, 2.0, 3.0], [0, 0, 0, 1])
    """
    counts = [int(c) for c in counts]
    if not counts or min(counts) < 1:
        raise ValueError(f"counts must hold at least one count >= 1, got {counts!r}")
    n_features = check_int("n_features", n_features, low=1)
    labels = list(range(len(counts))) if labels is None else list(labels)
    if len(labels) != len(counts) or len(set(labels)) != len(labels):
        raise ValueError(
            f"labels must be {len(counts)} distinct values, one per count, got {labels!r}"
        )
    rng = np.random.default_rng(seed)
    y = np.concatenate([[lab] * c for lab, c in zip(labels, counts, strict=True)])
    y = y[rng.permutation(len(y))]
    X = np.round(rng.normal(size=(len(y), n_features)), 3)
    X[:, 0] = np.arange(len(y))
    return (X.tolist(), y.tolist()) if as_list else (X, y)


def resampling_cases(seed=0, n_random=16):
    """Data sets for the resampling checks: edge cases, then seeded random ones.

    Two, three and four classes, int and string labels, a class with one row, classes
    tied for smallest or largest and an already balanced set; inputs alternate between
    arrays and Python lists. (No single-class set: imbalanced-learn's samplers, a
    correct answer when wrapped, refuse one.)

    Yields
    ------
    X, y
        As :func:`resampling_case` makes them (``X[:, 0]`` is the row id).
    """
    edge = [
        ([8, 3], None),
        ([3, 8], None),
        ([5, 9, 2], None),
        ([4, 7, 7, 12], _STR_LABELS[0]),
        ([6, 6], None),
        ([10, 1], None),
        ([3, 3, 9], _STR_LABELS[1][:3]),
        ([2, 11, 11], _INT_LABELS[2][:3]),
    ]
    for i, (counts, labels) in enumerate(edge):
        yield resampling_case(counts, labels=labels, seed=seed + i, as_list=i % 2 == 1)
    rng = np.random.default_rng(seed)
    for i in range(n_random):
        k = int(rng.integers(2, 5))
        counts = rng.integers(1, 25, size=k).tolist()
        pool = (_INT_LABELS + _STR_LABELS)[i % 6]
        yield resampling_case(
            counts,
            n_features=int(rng.integers(1, 5)),
            labels=pool[:k],
            seed=seed + 100 + i,
            as_list=i % 2 == 0,
        )


def extreme_resampling_cases(seed=0):
    """Data sets for the resampling checks at the edges of floats and sizes.

    ``X[:, 0]`` is still the row id; the other columns are

    * int64 timestamps in milliseconds (1.7e12), as an array and as Python lists:
      a float32 copy changes them, so rows must stay exactly what they were;
    * 1e8 + N(0, 1) (a large offset with a small spread) and tiny values (1e-300);
    * absent: X has one column (the row id), and labels are ints that are not 0..k-1;
    * 4,400 rows in three string classes;
    * int8 label vectors spanning -100 to 100 (``y - y.min()`` wraps in int8).

    Parameters
    ----------
    seed : int
        Seed of the values and the shuffling.

    Yields
    ------
    X, y, why
    """
    rng = np.random.default_rng(check_seed(seed))
    X, y = resampling_case([9, 4, 6], labels=_STR_LABELS[0][:3], seed=seed)
    stamps = 1_700_000_000_000 + rng.integers(0, 10**6, size=(len(y), 2))
    Xi = np.c_[np.arange(len(y)), stamps].astype(np.int64)
    yield Xi, y, "int64 timestamps near 1.7e12 in X"
    X, y = resampling_case([5, 11, 7], labels=_INT_LABELS[2][:3], seed=seed + 1)
    stamps = 1_700_000_000_000 + rng.integers(0, 10**6, size=(len(y), 1))
    yield np.c_[np.arange(len(y)), stamps].tolist(), y.tolist(), "integer lists, 1.7e12"
    X, y = resampling_case([6, 10, 3, 8], labels=_STR_LABELS[0], seed=seed + 2)
    X[:, 1:] = 1e8 + rng.normal(size=(len(y), 2))
    yield X, y, "1e8 + a spread of 1 in X"
    X, y = resampling_case([8, 3], labels=_STR_LABELS[1][:2], seed=seed + 3)
    X[:, 1:] *= 1e-300
    yield X.tolist(), y.tolist(), "tiny values (1e-300) in X, as lists"
    X, y = resampling_case([7, 3, 12], n_features=1, labels=[-1, 1, 7], seed=seed + 4)
    yield X, y, "X with a single column, labels -1, 1, 7"
    X, y = resampling_case([3000, 200, 1200], labels=_STR_LABELS[1][:3], seed=seed + 5)
    yield X, y, "4,400 rows"
    y = np.array([-100, -100, -100, 100], dtype=np.int8)
    yield (
        [[0], [1], [2], [3]],
        y,
        "int8 labels -100 and 100 (y - y.min() wraps in int8)",
    )
    X, y = resampling_case(
        [6, 3, 5], n_features=2, labels=[-100, 100, 0], seed=seed + 6
    )
    yield X, y.astype(np.int8), "int8 labels -100, 0 and 100"


# ----------------------------------------------------------------- resampling checks
def _result_pair(bare, result, X):
    """Unpack (X_res, y_res) as arrays, or fail with a clear message."""
    __tracebackhide__ = True
    ok = isinstance(result, tuple | list) and len(result) == 2
    bare.that(ok, "should return a pair (X_res, y_res)")
    try:
        X_res = np.asarray(result[0], dtype=float)
    except (TypeError, ValueError):
        X_res = None
    n_features = np.asarray(X).shape[1]
    bare.that(
        X_res is not None and X_res.ndim == 2 and X_res.shape[1] == n_features,
        lambda: (
            f"X_res should be a 2-D array of numbers with {n_features} columns "
            f"like X, got {'something else' if X_res is None else f'shape {X_res.shape}'}"
        ),
    )
    y_res = np.asarray(result[1])
    bare.that(
        y_res.ndim == 1 and len(y_res) == len(X_res),
        lambda: (
            f"y_res should be 1-D with one label per row of X_res ({len(X_res)}), "
            f"got shape {y_res.shape}"
        ),
    )
    return X_res, y_res


def _class_counts(case, y, y_res, target, which):
    """Every class has ``target`` rows, ``which`` ("smallest" or "largest") class."""
    __tracebackhide__ = True
    original = Counter(np.asarray(y).tolist())
    got = {
        c: sum(1 for v in y_res.tolist() if v == c) for c in sorted(original, key=str)
    }
    ok = all(n == target for n in got.values()) and len(y_res) == target * len(original)
    case.that(
        ok,
        lambda: (
            f"class counts after resampling are {got}; expected {target} rows of "
            f"every class (the size of the {which} class)"
        ),
        hint="Work class by class over every distinct label (np.unique(y)), whatever "
        f"the number of classes; the target size is the {which} class count.",
    )


def _paired_ids(case, X, y, X_res, y_res):
    """Row ids of the output rows; fails unless each is an original row and label."""
    __tracebackhide__ = True
    Xa, ya = np.asarray(X, dtype=float), np.asarray(y)
    ids = np.rint(X_res[:, 0]).astype(int) if len(X_res) else np.zeros(0, int)
    valid = (np.abs(X_res[:, 0] - ids) < 1e-6) & (ids >= 0) & (ids < len(Xa))
    rows_ok = valid.copy()
    rows_ok[valid] = np.all(X_res[valid] == Xa[ids[valid]], axis=1)  # exact copies
    bad = np.flatnonzero(~rows_ok)
    hint = (
        "Select whole rows of X with an index array, X[idx], and never build or "
        "change rows."
    )
    if bad.size and valid[bad[0]]:
        b = bad[0]
        if np.allclose(X_res[b], Xa[ids[b]], rtol=1e-5, atol=0):
            hint += (
                f" Row {b} is X[{ids[b]}] up to its last digits: keep X's own "
                "values and dtype (no float32, no rounding), so that every row stays "
                "exactly what it was."
            )
    case.that(
        bad.size == 0,
        lambda: f"row {bad[0]} of X_res is not a row of X",
        hint=hint,
    )
    labels_ok = [a == b for a, b in zip(y_res.tolist(), ya[ids].tolist(), strict=True)]
    wrong = [i for i, ok in enumerate(labels_ok) if not ok]
    case.that(
        not wrong,
        lambda: (
            f"rows and labels are no longer paired: row {wrong[0]} of X_res is "
            f"X[{ids[wrong[0]]}], whose label is {ya[ids[wrong[0]]]!r}, but y_res says "
            f"{y_res[wrong[0]]!r}"
        ),
        hint="Draw one array of row indices and use it for both: X[idx], y[idx]. "
        "Shuffling X and y separately breaks the pairing.",
    )
    return ids


def _resampled(check, X, y, random_state, why, which):
    """The checks both resamplers share: call, unpack, class counts, pairing.

    ``which`` is "smallest" (undersampling) or "largest" (oversampling): the class
    whose size every class must reach. Returns the bound case and the original row of
    each output row.
    """
    __tracebackhide__ = True
    kwargs = {} if random_state == "default" else {"random_state": random_state}
    result = check.call(X, y, **kwargs)
    X_res, y_res = _result_pair(check.case(X, y, got=result, **kwargs), result, X)
    sizes = Counter(np.asarray(y).tolist()).values()
    target = min(sizes) if which == "smallest" else max(sizes)
    case = check.case(X, y, got=result, why=why, **kwargs)
    _class_counts(case, y, y_res, target, which)
    return case, _paired_ids(case, X, y, X_res, y_res)


def check_undersample(check: Checker, X, y, random_state=0, why=None):
    """Check one call of a learner's ``random_undersample`` by its invariants.

    Every class ends with as many rows as the smallest class, every output row is a
    row of X with its own label (``X[:, 0]`` must be the row id), and no row is used
    twice, so the smallest class is kept whole.

    Parameters
    ----------
    check : Checker
        The exercise's checker (its function is called, quietly and on copies).
    X, y : array-like
        A data set from :func:`resampling_case`.
    random_state : int or None or "default"
        Passed on; ``"default"`` leaves the argument out.
    why : str, optional
        What the case is about, shown on failure.

    Returns
    -------
    ids : ndarray of int
        The original row of each output row.
    """
    __tracebackhide__ = True
    case, ids = _resampled(check, X, y, random_state, why, "smallest")
    dup = [i for i, c in Counter(ids.tolist()).items() if c > 1]
    case.that(
        not dup,
        lambda: (
            f"row X[{dup[0]}] appears more than once: undersampling draws rows "
            "without replacement (and keeps the smallest class whole)"
        ),
        hint="Use rng.choice(indices, size, replace=False) (or a permutation and a "
        "slice).",
    )
    return ids


def check_oversample(check: Checker, X, y, random_state=0, why=None):
    """Check one call of a learner's ``random_oversample`` by its invariants.

    Every class ends with as many rows as the largest class, every output row is a
    row of X with its own label, and every original row is kept (so the largest class
    is unchanged and only copies are added).

    Parameters
    ----------
    check : Checker
    X, y : array-like
        A data set from :func:`resampling_case`.
    random_state : int or None or "default"
    why : str, optional

    Returns
    -------
    ids : ndarray of int
        The original row of each output row.
    """
    __tracebackhide__ = True
    case, ids = _resampled(check, X, y, random_state, why, "largest")
    missing = sorted(set(range(len(np.asarray(y)))) - set(ids.tolist()))
    case.that(
        not missing,
        lambda: (
            f"{len(missing)} original row(s) are missing, e.g. X[{missing[0]}]: "
            "oversampling keeps every original row and only adds copies"
        ),
        hint="Start from all the rows (np.arange(n)) and append the extra indices "
        "drawn with replacement; do not redraw the whole class.",
    )
    return ids


def check_random_resampling(check: Checker, X, y, kind, seeds=range(30)):
    """Check that a resampler is random, reproducible and can pick every row.

    The same ``random_state`` must give the same result; different seeds must give
    different results, and over the seeds every row that may be drawn is drawn at
    least once (rules out "take the first rows" or "repeat the class in order").
    Undersampling must draw a simple random sample: kept rows that are evenly
    spaced in their class at every seed (a block from a random start, every k-th
    row) fail.

    Parameters
    ----------
    check : Checker
    X, y : array-like
        A data set from :func:`resampling_case` whose classes differ in size.
    kind : {"under", "over"}
    seeds : iterable of int
    """
    __tracebackhide__ = True
    check_choice("kind", kind, ("under", "over"))
    one = check_undersample if kind == "under" else check_oversample
    seeds = list(seeds)
    first = check.call(X, y, random_state=seeds[0])
    again = check.call(X, y, random_state=seeds[0])
    same = all(
        np.array_equal(np.asarray(a, dtype=object), np.asarray(b, dtype=object))
        for a, b in zip(first, again, strict=False)
    ) and len(first) == len(again)
    check.case(X, y, random_state=seeds[0], got=again).that(
        same,
        "two calls with the same random_state gave different results",
        hint="Make every random draw from one generator built from the seed: "
        "rng = np.random.default_rng(random_state).",
    )
    ya = np.asarray(y)
    counts = Counter(ya.tolist())
    n_min, n_max = min(counts.values()), max(counts.values())
    drawn: list[frozenset] = []
    for seed in seeds:
        ids = one(check, X, y, random_state=seed)
        if kind == "under":
            drawn.append(frozenset(ids.tolist()))
        else:
            extra = Counter(ids.tolist())
            drawn.append(frozenset((i, c) for i, c in extra.items() if c > 1))
    over_seeds = check.case(X, y, random_state=f"{seeds[0]}..{seeds[-1]}")
    over_seeds.that(
        len(set(drawn)) > 1,
        f"all {len(seeds)} seeds drew the same rows: the rows must be drawn at random",
        hint="Draw the rows with rng.choice (or shuffle with rng.permutation); do not "
        "take the first rows of each class or repeat a class in order.",
    )
    if kind == "under":
        eligible = {i for i, v in enumerate(ya.tolist()) if counts[v] > n_min}
        used = set().union(*drawn)
    else:
        eligible = {i for i, v in enumerate(ya.tolist()) if counts[v] < n_max}
        used = {i for d in drawn for i, _ in d}
    never = sorted(eligible - used)
    over_seeds.that(
        not never,
        lambda: (
            f"over {len(seeds)} seeds, row X[{never[0]}] was never drawn: every "
            "row of a class must have a chance"
        ),
        hint="Draw from all the indices of the class, np.flatnonzero(y == c).",
    )
    if kind == "under":
        spaced = _always_evenly_spaced(ya, drawn, counts, n_min)
        over_seeds.that(
            spaced is None,
            lambda: (
                f"over {len(seeds)} seeds, the rows kept of class {spaced!r} were "
                "always evenly spaced among its rows (a block of consecutive rows or "
                "every k-th row, wrapping around or not): every subset of the class must be equally likely"
            ),
            hint="Sample the rows, not a start: rng.choice(np.flatnonzero(y == c), "
            "n_min, replace=False).",
        )
    if kind == "over":
        # Classes needing 2 <= m <= count extra rows: drawn without replacement they
        # never repeat a row among the extras; with replacement they almost surely do
        # at some seed (each seed: at most 1 - P(no repeat), tiny over 30 seeds).
        small = {c for c, m in counts.items() if 2 <= n_max - m <= m}
        if small:
            repeat = any(c > 2 and ya[i] in small for d in drawn for i, c in d)
            over_seeds.that(
                repeat,
                f"over {len(seeds)} seeds, no row was added twice to a class that "
                "needs no more extra rows than it has: the extra rows must be drawn "
                "with replacement",
                hint="rng.choice(indices, n_max - count, replace=True), whatever the "
                "number of extra rows.",
            )


def _evenly_spaced(positions, count) -> bool:
    """True when ``positions`` (distinct, among ``count`` rows) are ``a, a + s, ...``
    modulo ``count`` for some start ``a`` and step ``s``: a block of consecutive rows
    or every s-th row, wrapping around the end or not."""
    kept = set(positions)
    m = len(kept)
    return any(
        {(a + k * s) % count for k in range(m)} == kept
        for s in range(1, count)
        for a in kept
    )


def _always_evenly_spaced(y, drawn, counts, n_min, max_count=200):
    """A class cut to ``n_min >= 3`` rows whose kept rows, as positions among the
    class's rows, were evenly spaced (:func:`_evenly_spaced`) at every seed, or None.

    A simple random sample of the classes of the resampling cases is evenly spaced
    with probability at most 0.4 (4 rows of 6), so 30 seeds in a row happen by chance
    with probability below 1e-11; a block from a random start, or every k-th row from
    a random offset, always is. Classes over ``max_count`` rows are not examined.
    """
    if n_min < 3:
        return None
    labels = y.tolist()
    for c, count in counts.items():
        if count <= n_min or count > max_count:
            continue
        where = {i: k for k, i in enumerate(j for j, v in enumerate(labels) if v == c)}
        spaced = [
            _evenly_spaced([where[i] for i in ids if i in where], count)
            for ids in drawn
        ]
        if spaced and all(spaced):
            return c
    return None


# ------------------------------------------------------------ fresh-process repeats
# PYTHONHASHSEED values under which a set of the string labels of the resampling
# cases iterates in different orders (whatever the insertion order), so that a result
# that depends on that order differs between the two processes.
HASH_SEEDS = ("1", "4")

_CHILD = """
import pickle, sys, warnings
from collections.abc import Iterator

warnings.simplefilter("ignore")
with open(sys.argv[1], "rb") as f:
    path, blob = pickle.load(f)
sys.path[:] = path
func, args, kwargs = pickle.loads(blob)
result = func(*args, **kwargs)
if isinstance(result, Iterator):
    result = tuple(result)
with open(sys.argv[2], "wb") as f:
    pickle.dump(result, f)
"""


@kernel_side  # when grading: the processes start from the learner's kernel
def run_in_fresh_processes(func, args, kwargs, hash_seeds=HASH_SEEDS, timeout=60.0):
    """``func(*args, **kwargs)`` in fresh Python processes, one per ``PYTHONHASHSEED``.

    The function is sent by value with cloudpickle (with the globals it uses: the
    modules it imports are imported again by name, helper functions defined in the
    notebook travel with it) to ``sys.executable`` with the same ``sys.path``; the
    processes run at the same time.

    Parameters
    ----------
    func : callable
    args : tuple
    kwargs : dict
    hash_seeds : sequence of str
        One process per value of ``PYTHONHASHSEED``.
    timeout : float
        Seconds to wait for all of them.

    Returns
    -------
    list or None
        One result per hash seed, or None when the function could not be run in
        another process (cloudpickle missing, something that does not pickle, a
        crash, a time-out): then nothing can be said about reproducibility.
    """
    try:
        import cloudpickle
    except ImportError:  # pragma: no cover - scikit-learn's joblib ships a copy
        try:
            from joblib.externals import cloudpickle
        except ImportError:
            return None
    try:
        blob = cloudpickle.dumps((func, args, kwargs))
        payload = pickle.dumps(([p for p in sys.path if p], blob))
    except Exception:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        call = Path(tmp) / "call.pkl"
        call.write_bytes(payload)
        procs = []
        for i, seed in enumerate(hash_seeds):
            out = Path(tmp) / f"result{i}.pkl"
            proc = subprocess.Popen(
                [sys.executable, "-c", _CHILD, str(call), str(out)],
                env={**os.environ, "PYTHONHASHSEED": str(seed)},
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            procs.append((proc, out))
        deadline = time.monotonic() + timeout
        try:
            for proc, _ in procs:
                proc.wait(max(deadline - time.monotonic(), 0.01))
        except subprocess.TimeoutExpired:
            for proc, _ in procs:
                proc.kill()
                proc.wait()
            return None
        if any(proc.returncode != 0 or not out.exists() for proc, out in procs):
            return None
        try:
            return [pickle.loads(out.read_bytes()) for _, out in procs]
        except Exception:
            return None


def _same_result(a, b):
    """Equal results, part by part, whatever the containers (arrays or lists)."""
    try:
        a, b = list(a), list(b)
        return len(a) == len(b) and all(
            np.asarray(p).tolist() == np.asarray(q).tolist()
            for p, q in zip(a, b, strict=True)
        )
    except Exception:
        return False


def check_fresh_process(check: Checker, X, y, random_state=7, hash_seeds=HASH_SEEDS):
    """Check that a seed gives the same resampled rows in a fresh Python process.

    The notebook promises that a seed gives the same rows for everyone and for the
    grader. Iterating over a set of string labels breaks it: string hashes are salted
    per process, so the classes (and the rows drawn for each) come in another order.
    The learner's function runs here and in fresh processes with different
    ``PYTHONHASHSEED`` values (:func:`run_in_fresh_processes`); all results must be
    equal. When the function cannot run elsewhere, nothing is checked.

    Parameters
    ----------
    check : Checker
        The exercise's checker.
    X, y : array-like
        A data set with string labels.
    random_state : int
    hash_seeds : sequence of str
    """
    __tracebackhide__ = True
    here = check.call(X, y, random_state=random_state)
    there = run_in_fresh_processes(
        check.func, (X, y), {"random_state": random_state}, hash_seeds
    )
    if there is None:
        return
    for seed, result in zip(hash_seeds, there, strict=True):
        check.case(
            X,
            y,
            random_state=random_state,
            got=result,
            why=f"the same call in a fresh Python process (PYTHONHASHSEED={seed})",
        ).that(
            _same_result(here, result),
            "a fresh Python process gave other rows for the same random_state than "
            "this notebook: the result depends on more than the seed",
            hint="Iterating over a set of strings (set(y)) visits the classes in an "
            "order that changes from one Python process to the next (string hashes "
            "are salted per process). Go through the classes in a fixed order: "
            "np.unique(y) (sorted) or the order of first appearance "
            "(dict.fromkeys(y)).",
        )


def _set_orders(labels):
    """The positions in ``labels`` of a set's labels, built in first-seen or sorted order.

    Also each order without one label (a class that draws nothing, such as the
    largest one when oversampling, does not show in the result).
    """
    orders = []
    for seq in (labels, sorted(labels)):
        order = [labels.index(v) for v in set(seq)]
        orders.append(tuple(order))
        if len(labels) >= 3:
            orders.extend(tuple(i for i in order if i != d) for d in range(len(labels)))
    return orders


def relabelling(y):
    """A renaming of the string labels of ``y`` that a set iterates in another order.

    Every label gets the same prefix, which keeps their sorted order, their lengths'
    order, their first appearance and their counts: whatever a reproducible answer
    may order the classes by. Only the string hashes change, and the prefix is chosen
    so that, in this process, a set of the labels iterates them in another order than
    a set of the original labels (even with any one label left out).

    Parameters
    ----------
    y : array-like of str

    Returns
    -------
    dict or None
        ``{label: new label}``, or None when no prefix changes the order.
    """
    labels = list(dict.fromkeys(np.asarray(y).tolist()))
    if len(labels) < 2 or not all(isinstance(v, str) for v in labels):
        return None
    before = _set_orders(labels)
    for i in range(200):
        prefix = f"class{i}_"
        after = _set_orders([prefix + v for v in labels])
        if all(a != b for a, b in zip(before, after, strict=True)):
            return {v: prefix + v for v in labels}
    return None  # pragma: no cover - 200 prefixes all keeping the order


def check_relabelled(check: Checker, X, y, random_state=7):
    """Check that renaming the classes (same order, same counts) draws the same rows.

    A cheap, in-process companion of :func:`check_fresh_process` for string labels:
    the labels get a common prefix (:func:`relabelling`), which changes nothing a
    reproducible answer depends on but changes the order in which a set of the labels
    is iterated. The same seed must then draw the same rows (with the renamed labels).

    Parameters
    ----------
    check : Checker
    X, y : array-like
        A data set with string labels.
    random_state : int
    """
    __tracebackhide__ = True
    rename = relabelling(y)
    if rename is None:
        return
    y_new = [rename[v] for v in np.asarray(y).tolist()]
    if isinstance(y, np.ndarray):
        y_new = np.asarray(y_new)
    first = check.call(X, y, random_state=random_state)
    X1, y1 = _result_pair(
        check.case(X, y, got=first, random_state=random_state), first, X
    )
    second = check.call(X, y_new, random_state=random_state)
    case = check.case(
        X,
        y_new,
        got=second,
        random_state=random_state,
        why=f"the labels renamed {rename[next(iter(rename))]!r}, ...: same classes, "
        "same order, same counts",
    )
    X2, y2 = _result_pair(case, second, X)
    back = {v: k for k, v in rename.items()}
    same = (
        X1.shape == X2.shape
        and np.array_equal(X1, X2)
        and [back.get(v, v) for v in y2.tolist()] == y1.tolist()
    )
    case.that(
        same,
        "giving the classes other names (a common prefix: their sorted order, counts "
        "and first appearance unchanged) changed the rows drawn with the same "
        "random_state: the order of the classes seems to come from a set, which "
        "changes from one Python process to the next",
        hint="Iterating over a set of strings (set(y)) visits the classes in an "
        "order that depends on the string hashes, salted per process. Go through the "
        "classes in a fixed order: np.unique(y) (sorted) or the order of first "
        "appearance (dict.fromkeys(y)).",
    )
