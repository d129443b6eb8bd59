"""Normalise answers, hash them with a salt, and score a value against the answer key.

The self-check in a notebook and the instructor's grader share these functions, so a student
sees in class exactly the verdict the grader will give. The key never holds an answer in plain
text: text answers are salted hashes of their normalised form; a number is a hash of the
tolerance band it falls in (the band's offset is public, its index is hashed); a code task is
a list of hashes of the function's outputs on public test inputs. An answer drawn from a
small set (a letter, a label, a small count) can still be found by trying each candidate, as
calling ``check`` again and again would: the key hides answers from reading, not from guessing.

Examples
--------
>>> normalise_text("  “Fox News  reported.” ")
'fox news reported'
>>> canonical({"b": 2.0, "a": [3, 1]})
'{"a":[3,1],"b":2}'
>>> salt = "00"
>>> entry = make_entry(Question("9.1", "number", tolerance=0.5), 23, salt)
>>> score(Question("9.1", "number", tolerance=0.5), 23.2, entry, salt).right
True
>>> score(Question("9.1", "number", tolerance=0.5), 24, entry, salt).right
False
"""

from __future__ import annotations

import hashlib
import json
import math
import numbers
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from medialit.exercises.bank import Question

# Typographic quotes and dashes a student may or may not copy from the article.
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
_EDGE = " \t\n\"'.,;:!?…()[]"
DIGEST_CHARS = 24  # 96 bits: no collisions among a course's answers, short key file


class AnswerError(ValueError):
    """The answer has the wrong shape (a list where a dict is expected, text for a number...)."""


@dataclass(frozen=True)
class Verdict:
    """The outcome of one question: points earned and a message that never shows the answer."""

    question: str
    points: float
    max_points: float
    message: str
    right: bool = False
    answered: bool = True
    details: tuple[str, ...] = field(default=())


def normalise_text(value: str) -> str:
    """Case, spacing, typographic quotes and edge punctuation do not matter in a quote.

    >>> normalise_text("Plausible   claims SAY,")
    'plausible claims say'
    """
    text = unicodedata.normalize("NFKC", value).translate(_QUOTES)
    return " ".join(text.split()).strip(_EDGE).casefold()


def canonical(value: Any) -> str:
    """One JSON text per value: sorted keys and sets, tuples as lists, floats rounded to 4 places.

    Whole floats become ints so that ``2.0`` and ``2`` hash alike.

    >>> canonical((1.23456789, {"x", "y"}))
    '[1.2346,["x","y"]]'
    """
    return json.dumps(_plain(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        number = round(float(value), 4)
        if math.isnan(number) or math.isinf(number):
            return str(number)
        return int(number) if number.is_integer() else number
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v) for v in value), key=canonical)
    if isinstance(value, Iterable):
        return [_plain(v) for v in value]
    raise AnswerError(f"cannot compare a {type(value).__name__}")


def digest(salt: str, question: str, text: str) -> str:
    """Salted SHA-256 of one normalised answer, shortened.

    >>> digest("ab", "1.1", "b") == digest("ab", "1.1", "b") != digest("ab", "1.2", "b")
    True
    """
    payload = f"{salt}\x00{question}\x00{text}".encode()
    return hashlib.sha256(payload).hexdigest()[:DIGEST_CHARS]


# --------------------------------------------------------------------------- normalising by kind


def is_blank(value: Any) -> bool:
    """A blank exercise leaves ``...`` (or None, or empty text) in the answer variable."""
    return value is ... or value is None or (isinstance(value, str) and not value.strip())


def _choice(question: Question, value: Any) -> str:
    if not isinstance(value, str):
        raise AnswerError(f"give the letter of one option as text, e.g. {question.options[0]!r}")
    letter = normalise_text(value)
    if letter not in question.options:
        raise AnswerError(f"{value!r} is not one of the options {', '.join(question.options)}")
    return letter


def _choices(question: Question, value: Any) -> str:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise AnswerError("give a list of option letters, e.g. ['a', 'c']")
    return canonical(sorted({_choice(question, v) for v in value}))


def _quote(question: Question, value: Any) -> str:
    if not isinstance(value, str):
        raise AnswerError("give the phrase as text, copied from the article")
    return normalise_text(value)


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise AnswerError(f"give a number, not a {type(value).__name__}")
    try:
        number = float(value)
    except OverflowError:
        raise AnswerError("give a number the grader can compare: this one is too large") from None
    if math.isnan(number) or math.isinf(number):
        raise AnswerError(f"give a finite number, not {number}")
    return number


def _labels(question: Question, value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise AnswerError("give a dict that maps each item to its label")
    labels = {}
    for item, label in value.items():
        if not isinstance(label, str):
            raise AnswerError(f"the label of {item!r} should be text")
        labels[str(item)] = normalise_text(label)
    return labels


def band_index(value: float, offset: float, width: float) -> int:
    """Which band of ``width`` (bands start at ``offset``) a number falls in.

    >>> band_index(23.4, 0.5, 1.0), band_index(22.5, 0.5, 1.0), band_index(22.49, 0.5, 1.0)
    (22, 22, 21)
    """
    return math.floor((value - offset) / width + 1e-9)


# --------------------------------------------------------------------------- building the key


def make_entry(question: Question, value: Any, salt: str) -> dict:
    """The key entry for one question, from the solution's value (or function outputs).

    For a code task ``value`` is the list of the solution function's outputs on the question's
    test inputs.
    """
    qid, kind = question.id, question.kind
    if kind == "choice":
        return {"kind": kind, "hash": digest(salt, qid, _choice(question, value))}
    if kind == "choices":
        return {"kind": kind, "hash": digest(salt, qid, _choices(question, value))}
    if kind == "quote":
        return {"kind": kind, "hash": digest(salt, qid, _quote(question, value))}
    if kind == "number":
        width = 2 * question.tolerance
        # The band [answer - tol, answer + tol) is split into a public offset (the answer modulo
        # the band width, which says nothing of its size) and a hashed band index.
        offset = round((_number(value) - question.tolerance) % width, 9)
        index = band_index(_number(value), offset, width)
        return {
            "kind": kind,
            "offset": offset,
            "width": width,
            "hash": digest(salt, qid, str(index)),
        }
    if kind == "classify":
        labels = _labels(question, value)
        if sorted(labels) != sorted(question.items):
            raise AnswerError(f"question {qid}: the solution labels {sorted(labels)}")
        return {
            "kind": kind,
            "items": {item: digest(salt, qid, f"{item}\x00{labels[item]}") for item in labels},
        }
    if kind == "code":
        return {"kind": kind, "cases": [digest(salt, qid, canonical(out)) for out in value]}
    if kind == "open":
        return {"kind": kind}
    raise AnswerError(f"question {qid}: unknown kind {kind!r}")


# --------------------------------------------------------------------------- scoring


def score(question: Question, value: Any, entry: Mapping, salt: str) -> Verdict:
    """Score one answer against its key entry; the message never contains the expected answer.

    For a code task ``value`` is the list of outputs (or :class:`CaseError`) of the student's
    function on the test inputs, as produced by :func:`run_cases`.
    """
    qid, top = question.id, float(question.points)
    if question.kind == "open":
        answered = not is_blank(value)
        message = "graded by hand with the rubric" if answered else "not answered yet"
        return Verdict(qid, 0.0, top, message, answered=answered)
    if is_blank(value):
        return Verdict(qid, 0.0, top, "not answered yet", answered=False)
    try:
        fraction, message, details = _SCORERS[question.kind](question, value, entry, salt)
    except AnswerError as error:
        return Verdict(qid, 0.0, top, f"not yet: {error}")
    points = round(top * fraction, 2)
    right = fraction >= 1.0
    if not right and question.hint:
        message = f"{message}. Hint: {question.hint}"
    return Verdict(qid, points, top, message, right=right, details=details)


def _score_hash(question: Question, text: str, entry: Mapping, salt: str):
    if digest(salt, question.id, text) == entry["hash"]:
        return 1.0, "right", ()
    return 0.0, "not yet", ()


def _score_number(question: Question, value: Any, entry: Mapping, salt: str):
    index = band_index(_number(value), entry["offset"], entry["width"])
    return _score_hash(question, str(index), entry, salt)


def _score_classify(question: Question, value: Any, entry: Mapping, salt: str):
    labels = _labels(question, value)
    expected = entry["items"]
    missing = [item for item in expected if item not in labels]
    right = sum(
        digest(salt, question.id, f"{item}\x00{labels[item]}") == expected[item]
        for item in expected
        if item in labels
    )
    message = f"{right} of {len(expected)} items right" if right < len(expected) else "right"
    details = (f"missing items: {', '.join(map(repr, missing))}",) if missing else ()
    return right / len(expected), message, details


def _score_code(question: Question, value: Any, entry: Mapping, salt: str):
    if not isinstance(value, Outputs):
        raise AnswerError("assign the function itself, without calling it (no parentheses)")
    cases = entry["cases"]
    if all(output is None for output in value):
        return 0.0, "not yet: the function returns None (is its body still `...`?)", ()
    passed, failures = 0, []
    for number, (output, expected) in enumerate(zip(value, cases, strict=True), start=1):
        if isinstance(output, CaseError):
            failures.append(f"test {number} {output.message}")
        elif digest(salt, question.id, canonical(output)) == expected:
            passed += 1
        else:
            failures.append(f"test {number} (input {_short(question.inputs[number - 1])}) fails")
    message = "right" if passed == len(cases) else f"{passed} of {len(cases)} tests pass"
    return passed / len(cases), message, tuple(failures)


def _short(args: Any, limit: int = 60) -> str:
    text = ", ".join(repr(a) for a in args)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_SCORERS: dict[str, Callable] = {
    "choice": lambda q, v, e, s: _score_hash(q, _choice(q, v), e, s),
    "choices": lambda q, v, e, s: _score_hash(q, _choices(q, v), e, s),
    "quote": lambda q, v, e, s: _score_hash(q, _quote(q, v), e, s),
    "number": _score_number,
    "classify": _score_classify,
    "code": _score_code,
}


# --------------------------------------------------------------------------- code tasks


class Outputs(tuple):
    """What a student's function returned on each test input of a code task."""


@dataclass(frozen=True)
class CaseError:
    """A test input on which the student's function raised or returned something unusable."""

    message: str


def run_case(function: Callable, args: Iterable) -> Any:
    """Call the student's function on one test input; an exception becomes a :class:`CaseError`.

    >>> run_case(len, ["abc"])
    3
    >>> run_case(int, ["x"]).message
    "raised ValueError: invalid literal for int() with base 10: 'x'"
    """
    try:
        output = function(*args)
        canonical(output)
    except AnswerError as error:
        return CaseError(f"returned something that cannot be compared ({error})")
    except Exception as error:
        return CaseError(f"raised {type(error).__name__}: {error}")
    return output


def run_cases(question: Question, function: Any) -> Any:
    """The outputs of a code-task answer on every test input (or the blank/unusable answer)."""
    if is_blank(function) or not callable(function):
        return function
    return Outputs(run_case(function, args) for args in question.inputs)
