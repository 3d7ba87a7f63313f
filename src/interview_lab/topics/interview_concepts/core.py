"""11_interview_concepts: answer checking without the answers, and the STAR helper.

How the quiz keeps its answers
------------------------------
The package ships to learners, so it must not hold the right answers. For each
question it stores

* a **salted hash** of the right answer's canonical form,
  ``sha256(salt + canonical).hexdigest()``, where the canonical form of a letter answer
  is the lower-case letter (``" B) "`` -> ``"b"``) and of a number is the number
  rounded to two decimals, exactly (``1/4`` -> ``"0.25"``);
* the **explanation**, XOR-ed with a keystream derived from the right answer
  (``sha256(salt + "|key|" + canonical + "|" + block)``), base64-encoded: only the
  right answer decrypts it.

Numbers: a number is right when it is less than 0.005 from the right answer,
``|x - answer| < 0.005``, computed exactly on the number as written: a float by its
shortest decimal spelling (``repr``: ``0.245`` is 0.245, not the binary
0.24499999...), a NumPy float by the shortest spelling of its own precision
(``np.float32(0.355)`` is 0.355), a ``Fraction`` or ``Decimal`` exactly, a text as the
decimal or fraction it spells. The right answers have at most two decimals, so
within 0.005 of one means rounding (exactly) to it at two decimals, which is what is
hashed; a number exactly halfway between two two-decimal numbers (``0.245``,
``"0.255"``) is 0.005 from both and is right for neither: its canonical form is not a
two-decimal number. So for a right answer of 0.25, ``0.25``, ``"0.25"``, ``1/4``,
``np.float64(0.25)``, ``Decimal("0.25")``, ``0.2451`` and a size-1 array holding 0.25
are accepted, and ``0.245``, ``0.255`` and anything farther are not.

This hides the answers from someone *reading* the package, not from someone who
hashes every option (a multiple-choice question has four): it is a study aid, and the
grader's real safeguard is that hidden tests and points live in the gradebook.
"""

from __future__ import annotations

import base64
import hashlib
import math
import numbers
import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import numpy as np

__all__ = [
    "AnswerFormatError",
    "QUESTIONS",
    "Question",
    "STAR_CUES",
    "canonical",
    "confusion_rates_reference",
    "digest",
    "normalise_choice",
    "normalise_number",
    "seal",
    "star_feedback",
    "star_report",
    "unseal",
]


class AnswerFormatError(ValueError):
    """An answer that cannot be read as a letter (or as a number)."""


# ------------------------------------------------------------------ reading answers
#: A letter answer: an optional "(" or "[", one letter, then nothing or one of ")",
#: "]", "." and ":", which may be followed by whitespace and any text ("b) L1 (lasso)").
_CHOICE = re.compile(r"[(\[]?\s*([a-z])\s*(?:[).:\]](?:\s.*)?)?", re.S)


def _other_option(options: str) -> re.Pattern:
    """Another option named the same way in the text after the letter: one of
    ``options`` standing alone (after whitespace, optionally in round or square
    brackets) and marked with ``)``, ``]``, ``.`` or ``:`` ("b) or c)", "b. or c.",
    "b: or a:", "(b) not [a]"). "(i)" and "step i)" name no option."""
    letters = re.escape(options)
    return re.compile(rf"(?<!\S)[(\[]?\s*[{letters}]\s*[).:\]](?!\w)")


def normalise_choice(value, options: str = "abcd") -> str:
    """The option letter an answer names: ``"B"``, ``" b "``, ``"(b)"``, ``"b) L1"`` -> ``"b"``.

    Accepted: one letter, optionally in round or square brackets (``"(b)"``,
    ``"[b]"``), optionally followed by ``)``, ``.`` or ``:`` and then, after
    whitespace, any text (``"b) L1 (lasso)"``, ``"b. because ..."``, ``"b) it (i)
    zeroes weights"``). Refused: a letter followed by a space and text without that
    mark (``"b lasso"``, ``"a lasso"``), a word (``"L1"``), and text naming a second
    option the same way: another of ``options`` standing alone with ``)``, ``]``,
    ``.`` or ``:`` (``"b) or c)"``, ``"b. or c."``, ``"b: or a:"``).

    Raises
    ------
    AnswerFormatError
        When the answer is not a string naming exactly one of ``options``.
    """
    if not isinstance(value, str):
        raise AnswerFormatError(
            f'expected one letter as a string, such as "{options[0]}", '
            f"got {value!r} ({type(value).__name__})"
        )
    text = value.strip().lower()
    found = _CHOICE.fullmatch(text)
    listed = ", ".join(options)
    if not found or found.group(1) not in options:
        raise AnswerFormatError(f"expected one of the letters {listed}, got {value!r}")
    if _other_option(options).search(text, found.end(1)):
        raise AnswerFormatError(
            f"expected one of the letters {listed}, got {value!r}, which names more "
            "than one option"
        )
    return found.group(1)


def normalise_number(value) -> Fraction:
    """A numeric answer as the exact number it spells (a ``Fraction``): accepted are

    ``0.25``, ``"0.25"``, ``"1/4"``, ``"25%"``, ``Fraction(1, 4)``,
    ``Decimal("0.25")``, NumPy scalars and NumPy arrays (or pandas objects) holding
    one number, in a numeric dtype or as a Python number in an object array
    (``pd.Series([Decimal("0.8")])``, ``np.array([Fraction(3, 4)])``). A float is read by its shortest decimal spelling (``repr(0.245)`` is
    ``"0.245"``), a NumPy float by the shortest spelling in its own precision
    (``np.float32(0.355)`` is 0.355), so that the number is the one the learner wrote.
    Python lists and tuples are refused (``0,25`` unquoted is the tuple ``(0, 25)``:
    the message says to write a decimal point).

    Raises
    ------
    AnswerFormatError
        For booleans, lists, tuples and other containers, text that is no number (a
        decimal comma, ``"0,25"``, says so), NaN and infinities.
    """
    if not isinstance(value, str | np.generic) and hasattr(value, "__array__"):
        array = np.asarray(value)
        if array.size == 1 and array.dtype.kind in "iuf":
            value = array.reshape(-1)[0]  # a NumPy scalar of the array's own dtype
        elif array.size == 1 and array.dtype.kind == "O":
            item = array.reshape(-1)[0]  # a Python number: Fraction, Decimal, float
            if isinstance(item, numbers.Number | Decimal):
                value = item
    if isinstance(value, bool | np.bool_):
        raise AnswerFormatError(f"expected a number, got the boolean {value!r}")
    if isinstance(value, str):
        return _read_text(value)
    if isinstance(value, np.integer | numbers.Integral):
        return Fraction(int(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise AnswerFormatError(f"expected a finite number, got {value!r}")
        return Fraction(value)
    if isinstance(value, numbers.Rational):
        return Fraction(value.numerator, value.denominator)
    if isinstance(value, numbers.Real):
        if not math.isfinite(value):
            raise AnswerFormatError(f"expected a finite number, got {value!r}")
        if isinstance(value, np.floating):  # the shortest spelling in its precision
            return Fraction(Decimal(np.format_float_positional(value, unique=True)))
        return Fraction(Decimal(repr(float(value))))
    tip = ""
    if isinstance(value, tuple) and len(value) == 2:
        if all(type(v) is int and v >= 0 for v in value):
            tip = (
                f": Python reads {value[0]},{value[1]} as two numbers; write "
                f"{value[0]}.{value[1]} with a decimal point"
            )
    raise AnswerFormatError(
        f"expected a number, got {value!r} ({type(value).__name__}){tip}"
    )


def _read_text(value: str) -> Fraction:
    """A number written as text: ``"0.8"``, ``"4/5"``, ``"80%"`` (exactly)."""
    text = value.strip().replace(" ", "")
    if re.fullmatch(r"[+-]?\d*,\d+%?", text):
        raise AnswerFormatError(
            f"{value!r} has a decimal comma: write {text.replace(',', '.')} with a "
            "decimal point"
        )
    percent = text.endswith("%")
    try:
        number = Fraction(text[:-1] if percent else text)
    except (ValueError, ZeroDivisionError):
        raise AnswerFormatError(
            f"expected a number such as 0.25 or 1/4, got the text {value!r}"
        ) from None
    return number / 100 if percent else number


def canonical(kind: str, value, options: str = "abcd") -> str:
    """The canonical form of an answer that is hashed: a letter, or ``"0.80"``.

    A number is rounded exactly to two decimals; one exactly halfway between two
    two-decimal numbers (0.005 from each) gets a form that names it as such and so
    matches no answer.
    """
    if kind == "choice":
        return normalise_choice(value, options)
    if kind == "number":
        number = normalise_number(value)
        hundredths = number * 100
        low = math.floor(hundredths)
        if hundredths - low == Fraction(1, 2):
            return (
                f"{Decimal(2 * low + 1) / 200} (exactly halfway between "
                f"{_two_decimals(low)} and {_two_decimals(low + 1)}: 0.005 from each)"
            )
        return _two_decimals(round(hundredths))
    raise ValueError(f"kind must be 'choice' or 'number', got {kind!r}")


def _two_decimals(hundredths: int) -> str:
    """``80`` -> ``"0.80"``, ``-5`` -> ``"-0.05"``, ``0`` -> ``"0.00"``."""
    sign = "-" if hundredths < 0 else ""
    whole, cents = divmod(abs(hundredths), 100)
    return f"{sign}{whole}.{cents:02d}"


# --------------------------------------------------------------- hashing and sealing
def digest(salt: str, canon: str) -> str:
    """``sha256(salt + canon)`` in hex: what is stored instead of the answer."""
    return hashlib.sha256((salt + canon).encode()).hexdigest()


def _keystream(salt: str, canon: str, n: int) -> bytes:
    blocks = []
    for i in range((n + 31) // 32):
        blocks.append(hashlib.sha256(f"{salt}|key|{canon}|{i}".encode()).digest())
    return b"".join(blocks)[:n]


def seal(salt: str, canon: str, text: str) -> str:
    """``text`` encrypted with a keystream derived from the right answer (base64)."""
    data = text.encode()
    key = _keystream(salt, canon, len(data))
    return base64.b64encode(
        bytes(a ^ b for a, b in zip(data, key, strict=True))
    ).decode()


def unseal(salt: str, canon: str, sealed: str) -> str:
    """The text :func:`seal` encrypted, given the same salt and answer."""
    data = base64.b64decode(sealed)
    key = _keystream(salt, canon, len(data))
    return bytes(a ^ b for a, b in zip(data, key, strict=True)).decode()


# ---------------------------------------------------------------------- the questions
@dataclass(frozen=True)
class Question:
    """One autograded question: how to read it, its hashed answer, its sealed text.

    Attributes
    ----------
    name : str
        The variable the learner sets (also the answer cell's grade id).
    kind : {"choice", "number"}
    digest : str
        Salted hash of the right answer's canonical form.
    sealed : str
        The explanation, encrypted with a key derived from the right answer.
    hint : str
        Shown after a wrong answer; never names the answer.
    options : str
        The letters of a multiple-choice question.
    low, high : float
        The plausible range of a numeric answer (outside it the format is wrong).
    """

    name: str
    kind: str
    digest: str
    sealed: str
    hint: str
    options: str = "abcd"
    low: float = 0.0
    high: float = 1.0

    @property
    def salt(self) -> str:
        return f"interview-lab/11/{self.name}/"

    def canonical(self, value) -> str:
        """The canonical form of ``value`` (raises :class:`AnswerFormatError`)."""
        if self.kind == "number":
            number = normalise_number(value)
            if not self.low <= number <= self.high:
                hint = " (a percentage? give a fraction)" if number > 1 else ""
                raise AnswerFormatError(
                    f"expected a number between {self.low:g} and {self.high:g}"
                    f"{hint}, got {value!r}"
                )
        return canonical(self.kind, value, self.options)

    def is_right(self, value) -> bool:
        return digest(self.salt, self.canonical(value)) == self.digest

    def explanation(self, value) -> str:
        """The explanation, readable only with the right answer."""
        return unseal(self.salt, self.canonical(value), self.sealed)


from .sealed import SEALED  # noqa: E402  (data only: digests and ciphertexts)

_HINTS = {
    "q_supervised": "Supervised learning needs a label for every training example: "
    "look for the option where the right output is known in the past data.",
    "q_unsupervised": "Unsupervised learning finds structure with no labels at all: "
    "which option has no right answer to learn from?",
    "q_reinforcement": "Reinforcement learning has an agent that acts, then gets a "
    "reward, often later: which option learns from the consequences of its actions?",
    "q_bias_variance": "Compare the two scores: a big gap between training and "
    "validation points to one of bias or variance, both low scores to the other.",
    "q_l1_l2": "Which penalty drives coefficients to exactly zero, so that the model "
    "selects features itself?",
    "q_imbalance": "With 1% positives, what does a model that always says 'no' score "
    "on each metric? And which data may you resample?",
    "q_metric_classification": "Which metric counts the misses (false negatives)? "
    "That is the one to keep high when a miss is the expensive mistake.",
    "q_metric_regression": "Squaring a residual makes one big error count like many "
    "small ones. Which metric does not square?",
    "q_cm_precision": "Rows are the true class, columns the prediction "
    "(scikit-learn's layout). Precision = TP / (TP + FP): of everything flagged, "
    "how much was right?",
    "q_cm_recall": "Recall = TP / (TP + FN): of all true positives (the bottom row), "
    "how many were caught?",
}

QUESTIONS: dict[str, Question] = {
    name: Question(name, kind, d, s, _HINTS[name])
    for name, (kind, d, s) in SEALED.items()
}

#: The confusion matrix of the numeric questions, scikit-learn's layout.
QUIZ_MATRIX = np.array([[905, 15], [20, 60]])


# ------------------------------------------------------------ the confusion exercise
def confusion_rates_reference(cm):
    """Precision and recall from a 2x2 confusion matrix ``[[TN, FP], [FN, TP]]``.

    Each is 0.0 when its denominator is 0 (scikit-learn's ``zero_division=0``).
    """
    cm = np.asarray(cm, dtype=np.float64)
    tn, fp, fn, tp = cm.ravel()
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    return float(precision), float(recall)


# ---------------------------------------------------------------------- STAR feedback
#: Cue words (lower case, matched as whole words or phrases) for each STAR part, used
#: when the answer has no explicit labels (``Situation:`` ...). An explicit label at
#: the start of a line (``Situation:``, ``**Task** -``, ``S:``) always counts.
STAR_CUES = {
    "Situation": (
        "situation",
        "context",
        "background",
        "at my previous",
        "at my last",
        "when i was",
        "i was working",
        "i worked",
        "our team",
        "the team",
        "the company",
        "the project",
        "last year",
        "we had",
        "there was",
    ),
    "Task": (
        "task",
        "my goal",
        "the goal",
        "goal was",
        "my job",
        "responsible for",
        "i was asked",
        "i needed to",
        "i had to",
        "my role",
        "objective",
        "the challenge was",
        "i was tasked",
    ),
    "Action": (
        "action",
        "i built",
        "i designed",
        "i implemented",
        "i decided",
        "i trained",
        "i added",
        "i proposed",
        "i ran",
        "i wrote",
        "i used",
        "i chose",
        "i led",
        "i set up",
        "i started",
        "i analysed",
        "i analyzed",
        "i tested",
        "i replaced",
        "i introduced",
        "i split",
        "i talked",
        "i asked",
        "i created",
        "i changed",
        "i removed",
        "i investigated",
        "i ranked",
        "i focused",
    ),
    "Result": (
        "result",
        "as a result",
        "outcome",
        "in the end",
        "improved",
        "reduced",
        "increased",
        "cut",
        "saved",
        "led to",
        "impact",
        "shipped",
        "launched",
        "decreased",
        "raised",
        "lowered",
    ),
}
_PARTS = tuple(STAR_CUES)
_LABEL = re.compile(
    r"^[ \t>*_#-]*(?:(situation|task|action|result)s?[*_ \t]*[:\-–—]|([star])[*_ \t]*:)",
    re.I | re.M,
)
_NUMBER_WORDS = (
    r"\d|%|\bpercent\b|\bhalf\b|\bhalved\b|\btwice\b|\bdoubled?\b|\btripled?\b|"
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundred|thousand|million|billion)\b"
)
_WE = re.compile(r"\b(we|our|ours|us)\b", re.I)
_I = re.compile(r"\b(i|my|mine|me)\b", re.I)


def _labelled(text: str) -> dict[str, str]:
    """The text under each explicit label (``Situation:`` ...), if there are any."""
    marks = list(_LABEL.finditer(text))
    parts: dict[str, str] = {}
    for k, mark in enumerate(marks):
        letter = (mark.group(1) or mark.group(2))[0].upper()
        name = next(p for p in _PARTS if p[0] == letter)
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        parts[name] = parts.get(name, "") + " " + text[mark.end() : end]
    return parts


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def _has_cue(sentence: str, part: str) -> bool:
    low = sentence.lower()
    return any(re.search(rf"\b{re.escape(cue)}\b", low) for cue in STAR_CUES[part])


def star_report(text: str, words_per_minute: float = 150.0) -> dict:
    """The numbers behind :func:`star_feedback` (parts found, words, we/I counts).

    Returns
    -------
    dict
        ``parts`` (STAR part -> "label", "cue words" or None), ``result_text`` (the text
        taken as the Result), ``measurable`` (bool), ``words``, ``seconds``, ``we`` and
        ``i`` (counts of we/our/us and I/my/me).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string (your written answer), got {text!r}")
    if not isinstance(words_per_minute, numbers.Real) or not words_per_minute > 0:
        raise ValueError(
            f"words_per_minute must be a positive number, got {words_per_minute!r}"
        )
    labelled = _labelled(text)
    sentences = _sentences(text)
    parts, result_text = {}, labelled.get("Result", "")
    for part in _PARTS:
        if part in labelled and labelled[part].strip():
            parts[part] = "label"
        elif any(_has_cue(s, part) for s in sentences):
            parts[part] = "cue words"
        else:
            parts[part] = None
    if not result_text and parts["Result"]:
        result_text = " ".join(s for s in sentences if _has_cue(s, "Result"))
    words = len([w for w in re.findall(r"\S+", text) if re.search(r"\w", w)])
    return {
        "parts": parts,
        "result_text": result_text.strip(),
        "measurable": bool(re.search(_NUMBER_WORDS, result_text, re.I)),
        "words": words,
        "seconds": words / float(words_per_minute) * 60.0,
        "we": len(_WE.findall(text)),
        "i": len(_I.findall(text)),
    }


_PART_ADVICE = {
    "Situation": "set the scene in one or two sentences: where, when, what was at "
    "stake (or label it 'Situation:')",
    "Task": "say what *you* were responsible for, the goal you owned (or label it "
    "'Task:')",
    "Action": "say what you did, step by step, with 'I ...' and past-tense verbs "
    "(or label it 'Action:')",
    "Result": "end with the outcome, what changed because of you (or label it "
    "'Result:')",
}


def star_feedback(
    text: str, words_per_minute: float = 150.0, max_words: int = 300
) -> str:
    """Advice on a written STAR answer, before you hand it in. Advice, not a grade.

    It checks four things, deterministically and offline:

    1. each part of STAR is there: an explicit label at the start of a line
       (``Situation:``, ``**Task** -``, ``A:``) or, without labels, cue words in some
       sentence (:data:`STAR_CUES`, e.g. "my goal", "I built", "as a result");
    2. the Result is measurable: the Result text (under its label, or the sentences
       with result cue words) holds a number, a percentage or a number word;
    3. it can be said in about two minutes: at most ``max_words`` words (300 at 150
       words per minute);
    4. it says "I" for what you did: flagged when "we/our/us" outnumber "I/my/me".

    Parameters
    ----------
    text : str
        Your written answer.
    words_per_minute : float, default=150
        Speaking pace used for the time estimate.
    max_words : int, default=300
        The length beyond which the answer is too long to say.

    Returns
    -------
    str
        One line of summary, then one line per piece of advice (or a line saying the
        answer has all four).
    """
    if not isinstance(max_words, numbers.Integral) or max_words <= 0:
        raise ValueError(f"max_words must be a positive int, got {max_words!r}")
    report = star_report(text, words_per_minute)
    if report["words"] == 0:
        return "STAR check: the answer is empty. Write it first, then run this again."
    minutes, seconds = divmod(round(report["seconds"]), 60)
    lines = [
        f"STAR check (advice, not a grade): {report['words']} words, about "
        f"{minutes} min {seconds:02d} s at {words_per_minute:g} words per minute."
    ]
    advice = []
    for part, found in report["parts"].items():
        if found is None:
            advice.append(f"- Missing {part}: {_PART_ADVICE[part]}.")
    if report["parts"]["Result"] and not report["measurable"]:
        advice.append(
            "- The Result has no measurable outcome: add a number, a percentage or a "
            "unit (e.g. 'recall rose from 0.62 to 0.81', 'latency fell to 40 ms')."
        )
    if report["words"] > max_words:
        advice.append(
            f"- Too long to say in about two minutes: {report['words']} words, over "
            f"{max_words}. Cut the Situation to two sentences and keep the Action."
        )
    if report["we"] > report["i"]:
        advice.append(
            f"- 'we/our/us' {report['we']} times, 'I/my/me' {report['i']} times: the "
            "interviewer wants your part. Say 'I' for what you did."
        )
    if not advice:
        advice.append(
            "- All four parts of STAR, a measurable result, a length you can say in "
            "two minutes, and 'I' for your part. Now say it aloud."
        )
    return "\n".join(lines + advice)
