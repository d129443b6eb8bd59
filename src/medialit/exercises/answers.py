"""Normalise answers, hash them with a salt, and score a value against the answer key.

The self-check in a notebook and the instructor's grader share these functions, so a student
sees in class exactly the verdict the grader will give. The key never holds an answer in plain
text: text answers are salted hashes of their normalised form; a number is a hash of the
tolerance band it falls in (the band's offset is public, its index is hashed); a code task is
a list of hashes of the function's outputs on public test inputs. An answer drawn from a
small set (a letter, a label, a small count) can still be found by trying each candidate, as
calling ``check`` again and again would: the key hides answers from reading, not from guessing.
That is why graded items have no entry in the key that ships with the package.

Every item credits each answer a careful student could defend. The solution gives the main
answer (full credit); a solution-only ``accept_X_Y`` adds the others, each with its credit:

========  ======================================  ===========================================
kind      ``accept_X_Y``                          key entry
========  ======================================  ===========================================
choice    ``{"c": 1.0}``                          ``accepted``: [[hash(letter), credit], ...]
choices   ``{"either": ["b"]}``                   ``options``: {letter: [hash(letter, state)]}
quote     ``{"other words": 0.5}``                ``accepted``: [[hash(text), credit], ...]
number    ``[[value, tolerance, credit], ...]``   ``bands``: [{offset, width, hash, credit}]
classify  ``{"item": {"label": 1.0}}``            ``items``: {item: [[hash(item, label), c]]}
========  ======================================  ===========================================

A choices item is scored option by option: each option is either to be chosen, or left, or
(``either``) both are defensible; the score is the share of options judged acceptably.
Accepted lists are sorted by hash, so their order says nothing. A worksheet page can score
practice items with the same entries: SHA-256 of ``salt NUL id NUL text``, first 24 hex digits.

Examples
--------
>>> normalise_text("  “Fox News  reported.” ")
'fox news reported'
>>> canonical({"b": 2.0, "a": [3, 1]})
'{"a":[3,1],"b":2}'
>>> salt = "00"
>>> q = Question("9.1", "number", tolerance=0.5)
>>> entry = make_entry(q, 23, salt, accept=[[24, 0.5, 0.5]])
>>> score(q, 23.2, entry, salt).points, score(q, 24.1, entry, salt).points
(1.0, 0.5)
>>> score(q, 25, entry, salt).right
False
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import numbers
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from medialit.exercises.bank import LATERAL_FIELDS, Question

# Typographic quotes and dashes a student may or may not copy from the article, and the
# punctuation that does not count at either end of a quote. Public because the worksheet pages'
# JavaScript normalises exactly as this module does (medialit.exercises.worksheet).
TYPOGRAPHIC = {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-"}
EDGE_PUNCTUATION = " \t\n\"'.,;:!?…()[]"
_QUOTES = str.maketrans(TYPOGRAPHIC)
_EDGE = EDGE_PUNCTUATION
DIGEST_CHARS = 24  # 96 bits: no collisions among a course's answers, short key file
EITHER = "either"


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
        raise AnswerError(f"give the letter of one option as text, e.g. {question.letters[0]!r}")
    letter = normalise_text(value)
    if letter not in question.letters:
        raise AnswerError(f"{value!r} is not one of the options {', '.join(question.letters)}")
    return letter


def _choices(question: Question, value: Any) -> set[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise AnswerError("give a list of option letters, e.g. ['a', 'c']")
    return {_choice(question, v) for v in value}


def _quote(question: Question, value: Any) -> str:
    if not isinstance(value, str):
        raise AnswerError("give the phrase as text, copied from the text")
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
        labels[str(item)] = normalise_label(label)
    return labels


def normalise_label(label: str) -> str:
    """A label as the key stores it: ``"Named person"`` and ``"named_person"`` are one label.

    >>> normalise_label(" Named  person "), normalise_label("no credit")
    ('named_person', 'no_credit')
    """
    return normalise_text(label).replace(" ", "_")


def band_index(value: float, offset: float, width: float) -> int | None:
    """Which band of ``width`` (bands start at ``offset``) a number falls in.

    None for a number so large that its band overflows (it lies in no band of the key).

    >>> band_index(23.4, 0.5, 1.0), band_index(22.5, 0.5, 1.0), band_index(22.49, 0.5, 1.0)
    (22, 22, 21)
    >>> band_index(1e308, 0.0025, 0.01) is None
    True
    """
    position = (value - offset) / width + 1e-9
    return math.floor(position) if math.isfinite(position) else None


def _state(letter: str, chosen: bool) -> str:
    return f"{letter}\x00{'chosen' if chosen else 'left'}"


# --------------------------------------------------------------------------- building the key


def make_entry(question: Question, value: Any, salt: str, accept: Any = None) -> dict:
    """The key entry for one question, from the solution's value and its other credited answers.

    For a code task ``value`` is the list of the solution function's outputs on the question's
    test inputs. ``accept`` is the solution's ``accept_X_Y`` (see the module docstring).
    """
    qid, kind = question.id, question.kind
    accept = accept or {}
    if kind in ("choice", "quote"):
        normal = _choice if kind == "choice" else _quote
        credits = {normal(question, value): 1.0}
        for other, credit in _mapping(accept, qid).items():
            credits.setdefault(normal(question, other), _credit(credit, qid))
        return {"kind": kind, "accepted": _hashed(salt, qid, credits)}
    if kind == "choices":
        chosen = _choices(question, value)
        either = {_choice(question, v) for v in _mapping(accept, qid).get(EITHER, [])}
        options = {}
        for letter in question.letters:
            states = [True, False] if letter in either else [letter in chosen]
            options[letter] = sorted(digest(salt, qid, _state(letter, s)) for s in states)
        return {"kind": kind, "options": options}
    if kind == "number":
        bands = [_band(question, _number(value), question.tolerance, 1.0, salt)]
        for other in accept or []:
            if not isinstance(other, (list, tuple)) or len(other) != 3:
                raise AnswerError(f"question {qid}: accept a number as [value, tolerance, credit]")
            number, tolerance, credit = other
            bands.append(_band(question, _number(number), tolerance, _credit(credit, qid), salt))
        return {"kind": kind, "bands": bands}
    if kind == "classify":
        labels = _labels(question, value)
        if sorted(labels) != sorted(question.items):
            raise AnswerError(f"question {qid}: the solution labels {sorted(labels)}")
        others = _mapping(accept, qid)
        items = {}
        for item, label in labels.items():
            credits = {label: 1.0}
            for other, credit in _mapping(others.get(item, {}), qid).items():
                credits.setdefault(normalise_label(other), _credit(credit, qid))
            _check_labels(question, credits)
            pairs = {f"{item}\x00{lab}": c for lab, c in credits.items()}
            items[item] = _hashed(salt, qid, pairs)
        unknown = set(others) - set(labels)
        if unknown:
            raise AnswerError(f"question {qid}: accept names unknown items {sorted(unknown)}")
        return {"kind": kind, "items": items}
    if kind == "code":
        return {"kind": kind, "cases": [digest(salt, qid, canonical(out)) for out in value]}
    if kind in ("open", "lateral"):
        return {"kind": kind}
    raise AnswerError(f"question {qid}: unknown kind {kind!r}")


def _mapping(value: Any, qid: str) -> Mapping:
    if not isinstance(value, Mapping):
        raise AnswerError(f"question {qid}: accept_ should be a dict here")
    return value


def _credit(value: Any, qid: str) -> float:
    credit = _number(value)
    if not 0 < credit <= 1:
        raise AnswerError(f"question {qid}: a credit is a share of the points, in (0, 1]")
    return credit


def _check_labels(question: Question, credits: Mapping[str, float]) -> None:
    unknown = sorted(set(credits) - {normalise_label(label) for label in question.label_set})
    if unknown:
        raise AnswerError(f"question {question.id}: labels {unknown} are not in its vocabulary")


def _hashed(salt: str, qid: str, credits: Mapping[str, float]) -> list[list]:
    return sorted([digest(salt, qid, text), credit] for text, credit in credits.items())


def _band(question: Question, value: float, tolerance: float, credit: float, salt: str) -> dict:
    width = 2 * tolerance
    # The band [answer - tol, answer + tol) is split into a public offset (the answer modulo
    # the band width, which says nothing of its size) and a hashed band index.
    offset = round((value - tolerance) % width, 9)
    index = band_index(value, offset, width)
    return {
        "offset": offset,
        "width": width,
        "hash": digest(salt, question.id, str(index)),
        "credit": credit,
    }


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
    if question.kind == "lateral":
        return lateral_verdict(question, value)
    if is_blank(value):
        return Verdict(qid, 0.0, top, "not answered yet", answered=False)
    try:
        fraction, message, details = _SCORERS[question.kind](question, value, entry, salt)
    except AnswerError as error:
        return Verdict(qid, 0.0, top, f"not yet: {error}")
    points = round(top * fraction, 2)
    right = fraction >= 1.0
    if not right and question.hint and question.role != "graded":
        message = f"{message}. Hint: {question.hint}"
    return Verdict(qid, points, top, message, right=right, details=details)


def _best_credit(candidates: Iterable[str], accepted: Iterable, salt: str, qid: str) -> float:
    table = {h: c for h, c in accepted}
    return max((table.get(digest(salt, qid, text), 0.0) for text in candidates), default=0.0)


def _credit_message(credit: float) -> str:
    if credit >= 1.0:
        return "right"
    return "partly right" if credit > 0 else "not yet"


def _score_accepted(question: Question, text: str, entry: Mapping, salt: str):
    credit = _best_credit([text], entry["accepted"], salt, question.id)
    return credit, _credit_message(credit), ()


def _score_choices(question: Question, value: Any, entry: Mapping, salt: str):
    chosen = _choices(question, value)
    options = entry["options"]
    fine = sum(
        digest(salt, question.id, _state(letter, letter in chosen)) in hashes
        for letter, hashes in options.items()
    )
    fraction = fine / len(options)
    message = (
        "right"
        if fine == len(options)
        else f"your choice was right for {fine} of the {len(options)} options"
    )
    return fraction, message, ()


def _score_number(question: Question, value: Any, entry: Mapping, salt: str):
    number = _number(value)
    credit = max(
        (
            band["credit"]
            for band in entry["bands"]
            if (index := band_index(number, band["offset"], band["width"])) is not None
            and digest(salt, question.id, str(index)) == band["hash"]
        ),
        default=0.0,
    )
    return credit, _credit_message(credit), ()


def _score_classify(question: Question, value: Any, entry: Mapping, salt: str):
    labels = _labels(question, value)
    expected = entry["items"]
    missing = [item for item in expected if item not in labels]
    known = {normalise_label(label) for label in question.label_set}
    strange = sorted({labels[i] for i in expected if i in labels and labels[i] not in known})
    earned = sum(
        _best_credit([f"{item}\x00{labels[item]}"], expected[item], salt, question.id)
        for item in expected
        if item in labels
    )
    full = sum(
        _best_credit([f"{item}\x00{labels[item]}"], expected[item], salt, question.id) >= 1.0
        for item in expected
        if item in labels
    )
    fraction = earned / len(expected)
    message = "right" if full == len(expected) else f"{full} of {len(expected)} right"
    details = []
    if missing:
        details.append(f"missing items: {', '.join(map(repr, missing))}")
    if strange:
        details.append(f"not a label of this question: {', '.join(strange)}")
    return fraction, message, tuple(details)


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
    "choice": lambda q, v, e, s: _score_accepted(q, _choice(q, v), e, s),
    "choices": _score_choices,
    "quote": lambda q, v, e, s: _score_accepted(q, _quote(q, v), e, s),
    "number": _score_number,
    "classify": _score_classify,
    "code": _score_code,
}


def check_shape(question: Question, value: Any) -> str | None:
    """Why an answer cannot be scored as it stands (wrong type, unknown option), or None.

    Self-check on a graded item says only this, and that the answer is recorded.

    >>> check_shape(Question("9.1", "choice", options=("x", "y")), "c")
    "'c' is not one of the options a, b"
    """
    checks: dict[str, Callable] = {
        "choice": _choice,
        "choices": _choices,
        "quote": _quote,
        "number": lambda q, v: _number(v),
        "classify": _labels,
    }
    try:
        if question.kind in checks:
            checks[question.kind](question, value)
    except AnswerError as error:
        return str(error)
    return None


# --------------------------------------------------------------------------- lateral reading

_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y-%m")


def parse_date(text: str) -> dt.date | None:
    """A date as students write it (ISO first), or None.

    >>> parse_date("2014-11-10"), parse_date("10 November 2014"), parse_date("soon")
    (datetime.date(2014, 11, 10), datetime.date(2014, 11, 10), None)
    """
    cleaned = " ".join(str(text).replace(",", ", ").split()).replace(" ,", ",")
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    return None


def is_url(text: str) -> bool:
    """An address a reader could open: http(s), a host with a dot, no spaces.

    >>> is_url("https://www.rferl.org/a/1.html"), is_url("rferl"), is_url("ftp://x.org")
    (True, False, False)
    >>> is_url("https://[abc.org")  # urlparse refuses it: not an address, and no crash
    False
    """
    text = str(text).strip()
    if re.search(r"\s", text):
        return False
    parts = _parsed(text)
    return parts is not None and parts.scheme in ("http", "https") and "." in parts.netloc


def _parsed(url: str):
    """``urlparse(url)``, or None where it refuses the text (an unclosed ``[``, or a host with
    characters that NFKC turns into ``/?#@:``): such text is not an address."""
    try:
        return urlparse(url)
    except ValueError:
        return None


def lateral_flags(value: Any, known_urls: frozenset[str] = frozenset()) -> list[str]:
    """What is missing or malformed in a lateral-reading answer (empty when complete).

    ``known_urls`` are the sources of the kit's reference ledger: an answer that reuses one is
    flagged, so that the instructor checks the student opened it rather than copied it.

    >>> lateral_flags({"publisher": "RFE/RL", "date": "2014-11-10", "url": "rferl.org",
    ...                "says": "State-owned."})
    ['the URL is not a web address (http:// or https://)']
    """
    if not isinstance(value, Mapping):
        return ["not a dict with the keys " + ", ".join(LATERAL_FIELDS)]
    flags = [f"{name} is missing" for name in LATERAL_FIELDS if is_blank(value.get(name))]
    url, date = value.get("url"), value.get("date")
    if not is_blank(url) and not is_url(url):
        flags.append("the URL is not a web address (http:// or https://)")
    if not is_blank(date) and parse_date(date) is None:
        flags.append("the date is not a date (write YYYY-MM-DD)")
    unknown = sorted(str(k) for k in value if k not in LATERAL_FIELDS)
    if unknown:
        flags.append(f"unexpected keys: {', '.join(unknown)}")
    if not is_blank(url) and _bare(url) in {_bare(u) for u in known_urls}:
        flags.append(
            "the URL is one of the book's own references, not a source found outside the book"
        )
    return flags


def _bare(url: str) -> str:
    """An address without scheme, ``www.`` or trailing slash, to compare two spellings of it."""
    parts = _parsed(str(url).strip())
    if parts is None:
        return str(url).strip()
    return (parts.netloc.removeprefix("www.") + parts.path).rstrip("/") + parts.query


def lateral_text(value: Any) -> str:
    """A lateral-reading answer written out for the instructor, verbatim."""
    if isinstance(value, Mapping):
        return "\n".join(f"{name}: {value.get(name, '')}" for name in LATERAL_FIELDS)
    return str(value)


def lateral_verdict(question: Question, value: Any) -> Verdict:
    """A lateral-reading answer is read by hand; what is missing is flagged at once."""
    top = float(question.points)
    if is_blank(value) or (isinstance(value, Mapping) and all(is_blank(v) for v in value.values())):
        return Verdict(question.id, 0.0, top, "not answered yet", answered=False)
    flags = lateral_flags(value)
    message = "to be graded by your teacher" + (f"; flagged: {'; '.join(flags)}" if flags else "")
    return Verdict(question.id, 0.0, top, message, details=tuple(flags))


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
