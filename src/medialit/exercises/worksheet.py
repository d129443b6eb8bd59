"""Worksheets: an exercise notebook answered in a web page, and the file a student hands in.

Each exercise notebook has a worksheet page in the book (``book/worksheets/NN-stem.md``,
generated from ``exercises/`` by ``medialit exercises build``). The page needs no kernel: every
item but a code task is answered in the page; its JavaScript (``book/_assets/worksheet.js``)
self-checks the practice items against :func:`page_data`, which holds only what the package
already ships (the bank and the practice key's salted hashes and tolerance bands), and says of
a graded item only that it is recorded. "Download my answers" saves a **worksheet file**::

    {"format": "medialit-worksheet", "version": 1, "worksheet": "02-attribution",
     "student": "Alice Smith", "saved": "2026-11-27T10:12:00.000Z",
     "answers": {"2.1": {"Fox News reported": "vague"}, "2.2": ["b", "c"],
                 "2.4": "Fox News", "2.5": "In my words ..."}}

The file is data: :func:`read_worksheet` checks it strictly (exactly those six fields, a known
worksheet, an answer only for a question of that worksheet and only in the shape the page
writes, no key twice, at most :data:`MAX_FILE_BYTES`) and refuses anything else with one message
naming the field. It holds no score: ``medialit grade`` scores the answers itself, with the code
that scores a notebook's, and runs nothing from the file.

Answers take the shapes a notebook's answer variables take, so one scorer serves both:

========  ====================================  =========================================
kind      in the file                           as in a notebook
========  ====================================  =========================================
choice    ``"b"``                               ``answer_1_1 = "b"``
choices   ``["b", "c"]`` (no letter twice)      ``answer_2_2 = ["b", "c"]``
quote     ``"exact words"``                     ``answer_2_4 = "exact words"``
number    ``26`` or ``12.5`` (finite)           ``answer_1_2 = 26``
classify  ``{"item": "label", ...}``            ``answer_2_1 = {"item": "label", ...}``
lateral   ``{"publisher", "date", "url", "says"}``  the same dict
open      ``"text"``                            ``answer_1_6 = "text"``
========  ====================================  =========================================

A question left blank is simply absent. Code tasks (extension items) are answered only in the
notebook.

Examples
--------
>>> sheet = parse_worksheet(json.dumps(submission("01-sourcing", "Ann", {"1.1": "b"})).encode())
>>> sheet.chapter, sheet.student, sheet.answers
(1, 'Ann', {'1.1': 'b'})
>>> parse_worksheet(b'{"format": "medialit-worksheet", "score": 10}')  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
medialit.exercises.worksheet.WorksheetError: unexpected field 'score' (a worksheet file ...)
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medialit.exercises.answers import EDGE_PUNCTUATION, TYPOGRAPHIC
from medialit.exercises.bank import (
    CHAPTERS,
    LATERAL_FIELDS,
    NOTEBOOKS,
    Question,
    questions_of,
)
from medialit.inputs import InputError, read_file

FORMAT = "medialit-worksheet"
VERSION = 1
FIELDS = ("format", "version", "worksheet", "student", "saved", "answers")
MAX_FILE_BYTES = 1_000_000  # a worksheet of long answers is a few tens of kB
MAX_TEXT_CHARS = 20_000  # per text answer (the page's fields stop there)
MAX_NAME_CHARS = 200
IN_PAGE_KINDS = ("choice", "choices", "quote", "number", "classify", "lateral", "open")
SELF_CHECKED_KINDS = ("choice", "choices", "quote", "number", "classify")


class WorksheetError(ValueError):
    """The file is not a worksheet file the grader accepts; the message names the field."""


@dataclass(frozen=True)
class WorksheetFile:
    """A checked worksheet file: which worksheet, whose, when, and the answers as values."""

    worksheet: str
    chapter: int
    student: str
    saved: dt.datetime
    answers: Mapping[str, Any]


def worksheet_ids() -> dict[str, int]:
    """Worksheet id (the notebook's file stem) -> notebook number.

    >>> worksheet_ids()["02-attribution"]
    2
    """
    return {stem: number for number, stem in CHAPTERS.items()}


def submission(
    worksheet: str, student: str, answers: Mapping[str, Any], saved: str | None = None
) -> dict:
    """A worksheet file as the page writes it (for tests, and for tools that convert answers).

    >>> sorted(submission("01-sourcing", "Ann", {})) == sorted(FIELDS)
    True
    """
    when = saved or dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")
    return {
        "format": FORMAT,
        "version": VERSION,
        "worksheet": worksheet,
        "student": student,
        "saved": when.replace("+00:00", "Z"),
        "answers": dict(answers),
    }


# =========================================================================== reading a file


def read_worksheet(path: Path, max_bytes: int = MAX_FILE_BYTES) -> WorksheetFile:
    """Read and check a worksheet file; only a regular file of at most ``max_bytes`` is opened.

    Raises
    ------
    WorksheetError
        Naming what is wrong: the size, the JSON, or the field.
    """
    try:
        data = read_file(path, max_bytes, follow_links=False)
    except InputError as error:
        raise WorksheetError(error.reason) from None
    return parse_worksheet(data)


def parse_worksheet(data: bytes) -> WorksheetFile:
    """Check the bytes of a worksheet file and return its answers as values.

    >>> parse_worksheet(b"[1, 2]")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    medialit.exercises.worksheet.WorksheetError: not a worksheet file: the JSON is a list, ...
    """
    document = _json(data)
    if not isinstance(document, dict):
        raise WorksheetError(
            f"not a worksheet file: the JSON is {_kind_of(document)}, not an object"
        )
    if document.get("format") != FORMAT:
        raise WorksheetError(f'not a worksheet file: its "format" is not "{FORMAT}"')
    unknown = [name for name in document if name not in FIELDS]
    if unknown:
        names = ", ".join(repr(name) for name in unknown)
        raise WorksheetError(
            f"unexpected field{'s' if len(unknown) > 1 else ''} {names} "
            f"(a worksheet file holds only {', '.join(FIELDS)})"
        )
    missing = [name for name in FIELDS if name not in document]
    if missing:
        raise WorksheetError(f"missing field{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
    version = document["version"]
    if type(version) is not int or version != VERSION:
        raise WorksheetError(f"version: this grader reads version {VERSION} files, not {version!r}")
    worksheet = document["worksheet"]
    ids = worksheet_ids()
    if not isinstance(worksheet, str) or worksheet not in ids:
        raise WorksheetError(
            f"worksheet: {_short(worksheet)} is not a worksheet of this kit "
            f"({', '.join(sorted(ids))})"
        )
    student = _student(document["student"])
    saved = _timestamp(document["saved"])
    chapter = ids[worksheet]
    answers = _answers(document["answers"], chapter, worksheet)
    return WorksheetFile(worksheet, chapter, student, saved, answers)


def _json(data: bytes) -> Any:
    if not data.strip():
        raise WorksheetError("the file is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise WorksheetError("not a worksheet file: not UTF-8 text") from None
    try:
        return json.loads(
            text.removeprefix("\ufeff"),
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_no_constant,
        )
    except WorksheetError:
        raise
    except RecursionError:
        raise WorksheetError("not a worksheet file: the JSON is nested too deeply") from None
    except ValueError as error:
        raise WorksheetError(f"not a worksheet file: not valid JSON ({error})") from None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise WorksheetError(f"the key {_short(key)} appears twice in one object")
        seen[key] = value
    return seen


def _no_constant(name: str) -> Any:
    raise WorksheetError(f"not a worksheet file: {name} is not a number JSON allows")


def _kind_of(value: Any) -> str:
    """How a JSON value is described in a message.

    >>> _kind_of(True), _kind_of(3), _kind_of({}), _kind_of(None)
    ('true or false', 'a number', 'an object', 'null')
    """
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"


def _short(value: Any, limit: int = 40) -> str:
    text = (
        json.dumps(value, ensure_ascii=True)
        if not isinstance(value, (list, dict))
        else _kind_of(value)
    )
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(value: Any, where: str, limit: int = MAX_TEXT_CHARS) -> str:
    if not isinstance(value, str):
        raise WorksheetError(f"{where}: expected text, got {_kind_of(value)}")
    if len(value) > limit:
        raise WorksheetError(f"{where}: the text is longer than {limit:,} characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise WorksheetError(f"{where}: not valid text (a lone surrogate)") from None
    return value


def _student(value: Any) -> str:
    name = _text(value, "student", MAX_NAME_CHARS)
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        raise WorksheetError("student: the name holds a control character (a line break, a tab...)")
    return name.strip()


def _timestamp(value: Any) -> dt.datetime:
    text = _text(value, "saved", 64)
    try:
        saved = dt.datetime.fromisoformat(
            text.removesuffix("Z") + ("+00:00" if text.endswith("Z") else "")
        )
    except ValueError:
        raise WorksheetError(f"saved: {_short(text)} is not a date and time (ISO 8601)") from None
    return saved


def _answers(value: Any, chapter: int, worksheet: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise WorksheetError(f"answers: expected an object of answers, got {_kind_of(value)}")
    mine = {q.id: q for q in questions_of(chapter)}
    answers = {}
    for qid, raw in value.items():
        where = f"answers[{_short(qid)}]"
        question = mine.get(qid)
        if question is None:
            raise WorksheetError(f"{where}: worksheet {worksheet} has no question {_short(qid)}")
        answers[qid] = answer_value(question, raw, where)
    return answers


def answer_value(question: Question, raw: Any, where: str = "answer") -> Any:
    """One answer, checked against the shape the page writes for its kind.

    >>> from medialit.exercises.bank import QUESTIONS
    >>> answer_value(QUESTIONS["2.2"], ["b", "c"])
    ['b', 'c']
    >>> answer_value(QUESTIONS["2.2"], ["a", "a"])
    Traceback (most recent call last):
    ...
    medialit.exercises.worksheet.WorksheetError: answer: the letter "a" is given twice
    """
    kind = question.kind
    if kind == "code":
        raise WorksheetError(
            f"{where}: question {question.id} is a coding task, answered in the notebook only"
        )
    if kind == "choice":
        return _letter(question, raw, where)
    if kind == "choices":
        if not isinstance(raw, list):
            raise WorksheetError(f"{where}: expected a list of option letters, got {_kind_of(raw)}")
        letters = [_letter(question, item, f"{where}[{i}]") for i, item in enumerate(raw)]
        twice = sorted({letter for letter in letters if letters.count(letter) > 1})
        if twice:
            raise WorksheetError(f'{where}: the letter "{twice[0]}" is given twice')
        return letters
    if kind in ("quote", "open"):
        return _text(raw, where)
    if kind == "number":
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            raise WorksheetError(f"{where}: expected a number, got {_kind_of(raw)}")
        if not math.isfinite(float(raw)):
            raise WorksheetError(f"{where}: the number is not finite")
        return raw
    if kind == "classify":
        return _labels(question, raw, where)
    if kind == "lateral":
        if not isinstance(raw, dict):
            raise WorksheetError(
                f"{where}: expected an object with {', '.join(LATERAL_FIELDS)}, got {_kind_of(raw)}"
            )
        if sorted(raw) != sorted(LATERAL_FIELDS):
            raise WorksheetError(
                f"{where}: expected exactly the fields {', '.join(LATERAL_FIELDS)}"
            )
        return {name: _text(raw[name], f"{where}.{name}") for name in LATERAL_FIELDS}
    raise WorksheetError(f"{where}: question {question.id} has a kind this grader does not know")


def _letter(question: Question, raw: Any, where: str) -> str:
    if not isinstance(raw, str) or raw not in question.letters:
        shown = _short(raw) if isinstance(raw, str) else _kind_of(raw)
        raise WorksheetError(
            f"{where}: expected one option letter ({', '.join(question.letters)}), got {shown}"
        )
    return raw


def _labels(question: Question, raw: Any, where: str) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise WorksheetError(
            f"{where}: expected an object from each item to its label, got {_kind_of(raw)}"
        )
    labels = {}
    for item, label in raw.items():
        if item not in question.items:
            raise WorksheetError(
                f"{where}: {_short(item)} is not an item of question {question.id}"
            )
        if not isinstance(label, str) or label not in question.label_set:
            shown = _short(label) if isinstance(label, str) else _kind_of(label)
            raise WorksheetError(f"{where}[{_short(item)}]: {shown} is not one of its labels")
        labels[item] = label
    return labels


# =========================================================================== what the page holds


def page_data(chapter: int, key: Mapping) -> dict:
    """Everything a worksheet page's JavaScript needs, and nothing a student may not see.

    Practice items carry their entry of the practice key (salted hashes, tolerance bands) and
    their hint; graded items carry neither, whatever ``key`` holds.

    >>> from medialit.exercises.keys import load_key
    >>> data = page_data(1, load_key())
    >>> [q["id"] for q in data["questions"] if "entry" in q]
    ['1.1', '1.2', '1.3', '1.4', '1.5']
    """
    notebook = NOTEBOOKS[chapter]
    questions = [_question_data(q, key) for q in questions_of(chapter)]
    data = {
        "format": FORMAT,
        "version": VERSION,
        "worksheet": notebook.stem,
        "title": notebook.title,
        "salt": key["salt"],
        "maxText": MAX_TEXT_CHARS,
        "maxName": MAX_NAME_CHARS,
        "questions": questions,
        "text": text_tables(full=any("entry" in q and q["kind"] == "quote" for q in questions)),
    }
    return data


def _question_data(question: Question, key: Mapping) -> dict:
    data: dict[str, Any] = {
        "id": question.id,
        "kind": question.kind,
        "role": question.role,
        "points": question.points,
    }
    if question.letters:
        data["letters"] = list(question.letters)
    if question.kind == "classify":
        data["items"] = list(question.items)
        data["labels"] = list(question.label_set)
    if question.kind == "number":
        data["unit"] = question.unit
    practice = question.role == "practice" and question.kind in SELF_CHECKED_KINDS
    entry = key["questions"].get(question.id) if practice else None
    if entry is not None:
        data["entry"] = entry
        if question.hint:
            data["hint"] = question.hint
    return data


@functools.cache
def text_tables(full: bool = True) -> dict:
    """How :func:`~medialit.exercises.answers.normalise_text` treats each character, as data
    for the page's JavaScript, from this Python's Unicode database.

    ``space`` lists what ``str.split`` splits on; ``quotes`` and ``edge`` are the module's;
    with ``full``, ``assigned`` lists the code points this Unicode version assigns (as runs:
    gap, length, gap, length...; the browser may know newer characters, and leaves those
    alone as Python does) and ``casefold`` the characters whose ``casefold`` is not their
    ``lower``.

    >>> tables = text_tables()
    >>> tables["casefold"]["ß"], 0x20 in tables["space"]
    ('ss', True)
    >>> tables["unicode"] == unicodedata.unidata_version
    True
    """
    tables: dict[str, Any] = {
        "unicode": unicodedata.unidata_version,
        "space": [cp for cp in range(0x110000) if chr(cp).isspace()],
        "quotes": dict(TYPOGRAPHIC),
        "edge": EDGE_PUNCTUATION,
    }
    if full:
        runs, previous_end, start = [], 0, None
        for cp in range(0x110000):
            assigned = unicodedata.category(chr(cp)) != "Cn"
            if assigned and start is None:
                start = cp
            elif not assigned and start is not None:
                runs += [start - previous_end, cp - start]
                previous_end, start = cp, None
        if start is not None:
            runs += [start - previous_end, 0x110000 - start]
        tables["assigned"] = runs
        tables["casefold"] = {
            chr(cp): chr(cp).casefold()
            for cp in range(0x110000)
            if not 0xD800 <= cp <= 0xDFFF and chr(cp).casefold() != chr(cp).lower()
        }
    return tables
