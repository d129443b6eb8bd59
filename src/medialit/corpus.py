"""The five articles and their annotations, loaded and validated.

Everything the kit shows stands on the files in ``seeds/``: the article texts, ``catalog.yaml``,
``annotations/ID.yaml``, ``references.yaml``. This module reads them, checks every field and
turns every quoted anchor into a character span. Any problem raises :class:`CorpusError` whose
message names the file, the item and the field, so a course author can fix it at once.

Examples
--------
>>> articles = load_corpus()
>>> [a.id for a in articles]
['000', '001', '002', '003', '004']
>>> a = articles[2]
>>> a.outlet
'Vision Times'
>>> all(a.text[f.span.start:f.span.end] == f.span.text for f in a.figures)
True
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import hashlib
import os
import re
import sys
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from medialit.dates import parse_partial_date
from medialit.inputs import InputError, capped, decode_utf8, inside, read_file, short_repr
from medialit.safeyaml import load_yaml
from medialit.schema import (
    CONFIDENCES,
    FIGURE_KINDS,
    ISSUE_KINDS,
    ISSUE_VERDICTS,
    ISSUES_WITHOUT_REFERENCE,
    LABEL_TARGETS,
    MEASURE_UNITS,
    OUTLET_KINDS,
    PROVENANCE_KINDS,
    QUALIFIERS,
    REFERENCE_STATUSES,
    SOURCE_TYPES,
    SPLITS,
    TERM_CATEGORIES,
    VOICES,
)


class CorpusError(ValueError):
    """A seed file is wrong; the message names the file, the item and the field.

    The message is one line of bounded length, however large the offending value.
    """

    def __init__(self, message: str):
        super().__init__(capped(message))


# Every seed file is read whole; the largest today is 51 kB. A file twenty times that is not
# a seed file (and parsing YAML in pure Python takes about 2.5 s per megabyte).
MAX_FILE_BYTES = 1_000_000


# --------------------------------------------------------------------------- data classes


@dataclass(frozen=True)
class Span:
    """A stretch of an article's text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class AnnotatedFigure:
    """A number in the article, with its normalised value and what it counts."""

    span: Span
    kind: str
    value: float | int | str | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    counts: str
    source: str
    quantity: str | None = None
    references: tuple[str, ...] = ()
    note: str = ""
    key: str | None = None


@dataclass(frozen=True)
class AnnotatedAttribution:
    """Who the article says a claim comes from (PARC: source, cue, content)."""

    cue: Span
    source: Span | None
    source_name: str
    source_type: str
    direct: bool
    content: Span | None = None
    via: str | None = None
    note: str = ""


@dataclass(frozen=True)
class AnnotatedTerm:
    """A loaded word or phrase with a neutral alternative."""

    span: Span
    category: str
    neutral: str
    voice: str
    speaker: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Label:
    """A name the article gives to the participants or to the foreign troops."""

    span: Span
    refers_to: str
    label: str
    voice: str
    note: str = ""


@dataclass(frozen=True)
class FactualIssue:
    """A claim the references contradict or cannot support, or a flaw in the text itself."""

    span: Span
    kind: str
    claim: str
    problem: str
    verdict: str
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProvenanceNote:
    """A trace in the text of where it came from (page furniture, copied text, translation)."""

    span: Span
    kind: str
    note: str


@dataclass(frozen=True)
class Rendering:
    """The sentence in which an article renders a statement that several outlets report."""

    statement: str
    span: Span


@dataclass(frozen=True, kw_only=True)
class AnnotatedText:
    """A text with its annotations: one of the five articles, or a text kept for measuring.

    ``split`` says what the text is for (:data:`medialit.schema.SPLITS`): ``case`` for the
    articles the lessons analyse, ``dev`` and ``test`` for the texts the extractors are tuned and
    measured on, ``unseen`` for the texts of the graded exercises.
    """

    id: str
    file: str
    sha256: str
    split: str
    headline: str
    published: dt.date
    text: str
    figures: tuple[AnnotatedFigure, ...] = ()
    attributions: tuple[AnnotatedAttribution, ...] = ()
    loaded_terms: tuple[AnnotatedTerm, ...] = ()
    labels: tuple[Label, ...] = ()
    issues: tuple[FactualIssue, ...] = ()
    renderings: tuple[Rendering, ...] = ()

    @property
    def word_count(self) -> int:
        """Number of words in the text (runs of letters and digits, apostrophes inside)."""
        return len(WORD.findall(self.text))


@dataclass(frozen=True, kw_only=True)
class Article(AnnotatedText):
    """One of the case articles: its catalog entry (outlet profile, provenance), text and
    annotations."""

    outlet: str
    outlet_short: str
    outlet_url: str
    outlet_kind: str
    behind: str
    profile: str
    profile_references: tuple[str, ...]
    byline: str | None
    provenance: tuple[ProvenanceNote, ...] = ()


@dataclass(frozen=True, kw_only=True)
class CollectedText(AnnotatedText):
    """A text listed in a manifest of texts kept apart from the case (``dev``, ``test`` and
    ``unseen`` splits), with where it came from."""

    url: str = ""
    licence: str = ""
    constructed: bool = False
    topic: str = ""


@dataclass(frozen=True)
class Reference:
    """One entry of the independent reference ledger."""

    id: str
    fact: str
    value: str
    unit: str
    as_of: str
    source: str
    source_date: str
    url: str
    confidence: str
    notes: str = ""
    key: str | None = None


@dataclass(frozen=True)
class ReferenceValue:
    """One reference value of a quantity, as of a date.

    ``as_of`` keeps the precision the source gives (a :class:`medialit.dates.PartialDate` for a
    month or a year); ``key`` names the value for the pages that print it.
    """

    ref: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    as_of: dt.date | None
    status: str
    note: str = ""
    key: str | None = None


@dataclass(frozen=True)
class Quantity:
    """Something countable that outlets report and references pin (deaths, detained...)."""

    key: str
    label: str
    unit: str
    values: tuple[ReferenceValue, ...]

    def current(self) -> ReferenceValue | None:
        """The value to prefer (status ``current``, latest date), or None."""
        best = [v for v in self.values if v.status == "current"]
        return max(best, key=lambda v: v.as_of or dt.date.min) if best else None


@dataclass(frozen=True)
class References:
    """The reference ledger and the quantities built on it."""

    entries: dict[str, Reference] = field(default_factory=dict)
    quantities: dict[str, Quantity] = field(default_factory=dict)


WORD = re.compile(r"\w+(?:['’]\w+)*")

# --------------------------------------------------------------------------- locating files


def seeds_dir() -> Path:
    """The folder holding the articles and their data.

    Inside an installed wheel the data sits in the package (``medialit/seeds``); in a
    checkout (editable install) it is the repository's top-level ``seeds/``.

    >>> (seeds_dir() / "catalog.yaml").is_file()
    True
    """
    packaged = Path(str(resources.files("medialit"))) / "seeds"
    if (packaged / "catalog.yaml").is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "seeds"
    if (checkout / "catalog.yaml").is_file():
        return checkout
    raise CorpusError(f"seeds: no catalog.yaml in {packaged} or {checkout}")


# --------------------------------------------------------------------------- validation helpers


class _Item:
    """Reads one mapping from a YAML file and reports errors with file, item and field."""

    def __init__(self, data: Any, file: str, item: str):
        self.file, self.item = file, item
        if not isinstance(data, dict):
            self.fail(None, f"expected a mapping, found {type(data).__name__}")
        self.data = data
        self.used: set[str] = set()

    def fail(self, name: str | None, message: str):
        where = f"{self.file}: {self.item}" + (f": field '{name}'" if name else "")
        raise CorpusError(f"{where}: {message}")

    def get(self, name: str, types: type | tuple, *, required: bool = True, default=None):
        self.used.add(name)
        if name not in self.data or self.data[name] is None:
            if required and name not in self.data:
                self.fail(name, "missing")
            if required and self.data.get(name) is None:
                self.fail(name, "must not be empty")
            return default
        value = self.data[name]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in _tuple(types)):
            names = " or ".join(t.__name__ for t in _tuple(types))
            self.fail(name, f"expected {names}, found {short_repr(value)}")
        if isinstance(value, str) and required and not value.strip():
            self.fail(name, "must not be empty")
        return value

    def choice(self, name: str, choices: tuple[str, ...], *, required: bool = True):
        value = self.get(name, str, required=required)
        if value is not None and value not in choices:
            self.fail(
                name, f"unknown value {short_repr(value)}; expected one of: {', '.join(choices)}"
            )
        return value

    def ids(self, name: str, known: dict, *, required: bool = False) -> tuple[str, ...]:
        values = self.get(name, list, required=required, default=[])
        for value in values:
            if not isinstance(value, str) or value not in known:
                self.fail(
                    name, f"unknown reference id {short_repr(value)} (not in references.yaml)"
                )
        return tuple(values)

    def ref(self, name: str, known: dict) -> str:
        value = self.get(name, str)
        if value not in known:
            self.fail(name, f"unknown reference id {short_repr(value)} (not in references.yaml)")
        return value

    def done(self):
        extra = sorted(set(self.data) - self.used, key=repr)  # keys may be of any type
        if extra:
            name = extra[0] if isinstance(extra[0], str) else short_repr(extra[0])
            self.fail(name[:80], "unknown field (a typo?)")


def _tuple(types) -> tuple:
    return types if isinstance(types, tuple) else (types,)


def _read_yaml(path: Path, root: Path | None = None) -> Any:
    """The YAML document in ``path``, read safely (see :mod:`medialit.safeyaml`).

    All reading of seed files happens here and in :func:`_read_bytes`: the file must lie
    inside ``root`` (when given), be a regular file no larger than :data:`MAX_FILE_BYTES`,
    be UTF-8, and be YAML without duplicate keys or alias bombs.
    """
    name = _display(path)
    data = _read_bytes(path, root, name)
    try:
        return load_yaml(decode_utf8(data, name), name)
    except InputError as err:
        raise CorpusError(str(err)) from None


def _read_bytes(path: Path, root: Path | None, name: str) -> bytes:
    """The bytes of a seed file, confined to ``root``; any problem is a :class:`CorpusError`."""
    if root is not None:
        confined = inside(root, path.absolute())
        if confined is None:
            raise CorpusError(
                f"{name}: lies outside {_display(root)} (an absolute path, '..', a link)"
            )
        path = confined  # the path checked is the path opened, with no link left to follow
    try:
        return read_file(path, MAX_FILE_BYTES, name=name, too_large="the limit for a seed file")
    except InputError as err:
        raise CorpusError(str(err).replace(": no such file", ": file not found")) from None


def _display(path: Path) -> str:
    """A short name for messages: the path below the seeds folder's parent."""
    parts = path.parts
    return "/".join(parts[parts.index("seeds") :]) if "seeds" in parts else str(path)


def _as_date(item: _Item, name: str, *, required: bool = True) -> dt.date | None:
    value = item.get(name, (str, dt.date), required=required)
    if isinstance(value, dt.datetime):
        item.fail(name, f"expected a date without a time, found {value.isoformat()}")
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        item.fail(name, f"expected an ISO date YYYY-MM-DD, found {value!r}")


def _as_of_date(item: _Item, name: str) -> dt.date | None:
    """An optional date of any precision, ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: a reference
    that gives only a month or a year keeps that precision (:mod:`medialit.dates`)."""
    value = item.get(name, (str, int, dt.date), required=False)
    if isinstance(value, dt.datetime):
        item.fail(name, f"expected a date without a time, found {value.isoformat()}")
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return parse_partial_date(str(value))
    except ValueError as error:
        item.fail(name, str(error))


# --------------------------------------------------------------------------- anchoring quotes


def find_quote(text: str, quote: str, occurrence: int | None = None) -> Span:
    """The span of ``quote`` in ``text``; ``occurrence`` (1-based) picks among repeats.

    Raises ValueError when the quote is absent, repeats without ``occurrence``, or the
    occurrence is out of range.

    >>> find_quote("eight police and eight soldiers", "eight", occurrence=2)
    Span(start=17, end=22, text='eight')
    >>> find_quote("eight police", "nine")
    Traceback (most recent call last):
    ...
    ValueError: quote 'nine' not found in the text
    """
    if not quote:
        raise ValueError("empty quote")
    starts = _all_starts(text, quote)
    if not starts:
        raise ValueError(f"quote {quote!r} not found in the text")
    if occurrence is None:
        if len(starts) > 1:
            raise ValueError(
                f"quote {quote!r} occurs {len(starts)} times; add 'occurrence' (1 to {len(starts)})"
            )
        occurrence = 1
    if not 1 <= occurrence <= len(starts):
        raise ValueError(f"occurrence {occurrence} of {quote!r}: it occurs {len(starts)} time(s)")
    start = starts[occurrence - 1]
    return Span(start, start + len(quote), quote)


def find_nearest(text: str, quote: str, near: int) -> Span:
    """The occurrence of ``quote`` closest to position ``near``.

    >>> find_nearest("A said x. B said y.", "said", near=12)
    Span(start=12, end=16, text='said')
    """
    starts = _all_starts(text, quote)
    if not starts:
        raise ValueError(f"quote {quote!r} not found in the text")
    start = min(starts, key=lambda s: abs(s - near))
    return Span(start, start + len(quote), quote)


def _all_starts(text: str, quote: str) -> list[int]:
    starts, i = [], text.find(quote)
    while i != -1:
        starts.append(i)
        i = text.find(quote, i + 1)
    return starts


def _anchor(item: _Item, text: str, name: str = "quote") -> Span:
    quote = item.get(name, str)
    occurrence = item.get("occurrence", int, required=False)
    try:
        return find_quote(text, quote, occurrence)
    except ValueError as err:
        item.fail(name, str(err))


def _secondary(item: _Item, text: str, name: str, near: int) -> Span | None:
    quote = item.get(name, str, required=False)
    if quote is None:
        return None
    try:
        return find_nearest(text, quote, near)
    except ValueError as err:
        item.fail(name, str(err))


# --------------------------------------------------------------------------- references


def load_references(folder: Path | None = None) -> References:
    """Read and validate ``references.yaml``.

    >>> refs = load_references()
    >>> len(refs.entries) > 80
    True
    >>> refs.quantities["deaths"].current().value
    238
    """
    return _load_references(folder or seeds_dir())


@functools.lru_cache(maxsize=8)
def _load_references(folder: Path) -> References:
    path = folder / "references.yaml"
    name = _display(path)
    data = _read_yaml(path, folder)
    top = _Item(data, name, "top level")
    raw_entries = top.get("references", list)
    raw_quantities = top.get("quantities", dict)
    top.done()
    entries: dict[str, Reference] = {}
    for i, raw in enumerate(raw_entries):
        item = _Item(raw, name, f"references[{i}]")
        ref = Reference(
            id=item.get("id", str),
            fact=item.get("fact", str),
            value=str(item.get("value", (str, int, float))),
            unit=item.get("unit", str),
            as_of=str(item.get("as_of", (str, dt.date))),
            source=item.get("source", str),
            source_date=str(item.get("source_date", (str, dt.date))),
            url=item.get("url", str),
            confidence=item.choice("confidence", CONFIDENCES),
            notes=item.get("notes", str, required=False, default=""),
            key=item.get("key", str, required=False),
        )
        if ref.key is not None:
            _check_date_key(item, ref)
        item.done()
        if ref.id in entries:
            item.fail("id", f"duplicate id {ref.id!r}")
        entries[ref.id] = ref
    quantities = {key: _quantity(key, raw, name, entries) for key, raw in raw_quantities.items()}
    _check_reference_keys(entries, quantities, name)
    return References(entries, quantities)


#: A ledger entry's ``key`` says how a page prints its date: ``date_`` in full, ``day_`` without
#: the year, ``month_`` the month and year, ``year_`` the year alone.
ENTRY_KEY_PREFIXES = ("date_", "day_", "month_", "year_")


def _check_date_key(item: _Item, ref: Reference) -> None:
    """A keyed entry is printed by its date: its ``as_of`` must be one, and its key must say how."""
    if not ref.key.startswith(ENTRY_KEY_PREFIXES):
        item.fail("key", f"{ref.key!r} must start with one of {', '.join(ENTRY_KEY_PREFIXES)}")
    try:
        parse_partial_date(ref.as_of)
    except ValueError:
        item.fail("key", f"entry {ref.id} has a key but its as_of is no date ({ref.as_of!r})")


def _check_reference_keys(entries: dict, quantities: dict, file: str) -> None:
    """Refuse a key given twice: the pages look entries and values up by it."""
    owner: dict[str, str] = {}
    named = [(e.key, f"entry {e.id}") for e in entries.values() if e.key]
    named += [
        (v.key, f"quantities.{q.key} value from {v.ref}")
        for q in quantities.values()
        for v in q.values
        if v.key
    ]
    for key, where in named:
        if key in owner:
            raise CorpusError(
                f"{file}: {where}: field 'key': {key!r} is already used by {owner[key]}"
            )
        owner[key] = where


def _quantity(key: str, raw: Any, name: str, entries: dict) -> Quantity:
    item = _Item(raw, name, f"quantities.{key}")
    label, unit = item.get("label", str), item.get("unit", str)
    values = []
    for i, raw_value in enumerate(item.get("values", list)):
        v = _Item(raw_value, name, f"quantities.{key}.values[{i}]")
        ref = v.get("ref", str)
        if ref not in entries:
            v.fail("ref", f"unknown reference id {ref!r}")
        values.append(
            ReferenceValue(
                ref=ref,
                value=v.get("value", (int, float), required=False),
                low=v.get("low", (int, float), required=False),
                high=v.get("high", (int, float), required=False),
                qualifier=v.choice("qualifier", QUALIFIERS),
                as_of=_as_of_date(v, "as_of"),
                status=v.choice("status", REFERENCE_STATUSES),
                note=v.get("note", str, required=False, default=""),
                key=v.get("key", str, required=False),
            )
        )
        v.done()
    item.done()
    return Quantity(key, label, unit, tuple(values))


# --------------------------------------------------------------------------- the story


@dataclass(frozen=True)
class KeyEvent:
    """A dated event of the story, for timelines: its label and the reference that dates it."""

    day: dt.date
    label: str
    ref: str


@dataclass(frozen=True)
class Statement:
    """A statement several outlets report; each article anchors its rendering of it.

    ``keywords`` are lower-case word stems of what was said, marked in each rendering.
    """

    key: str
    title: str
    speaker: str
    reference: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Series:
    """Reference values of one quantity that a chart plots over time, in date order."""

    key: str
    title: str
    quantity: str
    values: tuple[ReferenceValue, ...]


@dataclass(frozen=True)
class Story:
    """What the articles report on, as data: key events, statements traced across outlets,
    and the series of reference values the charts plot."""

    events: tuple[KeyEvent, ...]
    statements: tuple[Statement, ...]
    series: tuple[Series, ...] = ()

    def chart_series(self, key: str) -> Series:
        """One series by key.

        >>> [v.value for v in load_story().chart_series("official_toll").values]
        [225, 230, 238]
        """
        for series in self.series:
            if series.key == key:
                return series
        known = ", ".join(s.key for s in self.series) or "none"
        raise KeyError(f"no series {key!r} in story.yaml; known: {known}")

    @property
    def statement_keys(self) -> frozenset[str]:
        """The keys a rendering may name."""
        return frozenset(s.key for s in self.statements)

    def statement(self, key: str) -> Statement:
        """One statement by key.

        >>> load_story().statement("csto_troops").speaker
        'CSTO'
        """
        for statement in self.statements:
            if statement.key == key:
                return statement
        known = ", ".join(s.key for s in self.statements)
        raise KeyError(f"no statement {key!r}; known: {known}")


def load_story(folder: Path | None = None) -> Story:
    """Read and validate ``story.yaml``: the key events (dated by their references, in date
    order) and the statements traced across outlets.

    >>> events = load_story().events
    >>> events[0].label, events[0].day.isoformat()
    ('Protests begin in Zhanaozen', '2022-01-02')
    """
    return _load_story(folder or seeds_dir())


@functools.lru_cache(maxsize=8)
def _load_story(folder: Path) -> Story:
    refs = _load_references(folder)
    path = folder / "story.yaml"
    name = _display(path)
    top = _Item(_read_yaml(path, folder), name, "top level")
    events = _items(top.get("events", list), name, "events", _event, refs)
    statements = _items(top.get("statements", list), name, "statements", _statement, refs)
    series = _items(
        top.get("series", list, required=False, default=[]), name, "series", _series, refs
    )
    top.done()
    for list_name, items in (("statements", statements), ("series", series)):
        keys = [item.key for item in items]
        for i, key in enumerate(keys):
            if key in keys[:i]:
                raise CorpusError(f"{name}: {list_name}[{i}]: field 'key': duplicate key {key!r}")
    return Story(tuple(sorted(events, key=lambda e: e.day)), statements, series)


def _event(item: _Item, refs: References) -> KeyEvent:
    ref = item.ref("ref", refs.entries)
    as_of = refs.entries[ref].as_of
    try:
        day = dt.date.fromisoformat(as_of[:10])
    except ValueError:
        item.fail("ref", f"reference {ref} has no ISO date in its as_of ({as_of!r})")
    return KeyEvent(day=day, label=item.get("label", str), ref=ref)


def _statement(item: _Item, refs: References) -> Statement:
    reference = item.ref("reference", refs.entries)
    keywords = item.get("keywords", list)
    if not all(isinstance(k, str) and k and k == k.lower() for k in keywords):
        item.fail("keywords", "expected a list of lower-case word stems")
    return Statement(
        key=item.get("key", str),
        title=item.get("title", str),
        speaker=item.get("speaker", str),
        reference=reference,
        keywords=tuple(keywords),
    )


def _series(item: _Item, refs: References) -> Series:
    key = item.get("quantity", str)
    if key not in refs.quantities:
        item.fail("quantity", f"unknown quantity {short_repr(key)} (not in references.yaml)")
    quantity = refs.quantities[key]
    ids = item.ids("values", refs.entries, required=True)
    if not ids:
        item.fail("values", "must not be empty")
    values = []
    for i, ref in enumerate(ids):
        if ref in ids[:i]:
            item.fail("values", f"{ref} is listed twice")
        found = [v for v in quantity.values if v.ref == ref]
        if len(found) != 1:
            item.fail("values", f"{ref} is not one value of quantity {key!r}")
        if found[0].as_of is None:
            item.fail("values", f"{ref} has no date to plot it at (as_of)")
        values.append(found[0])
    return Series(
        key=item.get("key", str),
        title=item.get("title", str),
        quantity=key,
        values=tuple(sorted(values, key=lambda v: v.as_of)),
    )


# --------------------------------------------------------------------------- annotations


def _figure(item: _Item, text: str, refs: References) -> AnnotatedFigure:
    span = _anchor(item, text)
    kind = item.choice("kind", FIGURE_KINDS)
    value = item.get("value", (int, float, str, dt.date), required=False)
    if isinstance(value, dt.date):
        value = value.isoformat()
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value):
        item.fail("value", f"a text value must be an ISO date (YYYY-MM or YYYY-MM-DD): {value!r}")
    low = item.get("low", (int, float), required=False)
    high = item.get("high", (int, float), required=False)
    if value is None and low is None and high is None:
        item.fail("value", "give a value, or low/high bounds")
    if low is not None and high is not None and low > high:
        item.fail("low", f"low {low} is above high {high}")
    quantity = item.get("quantity", str, required=False)
    if quantity is not None and quantity not in refs.quantities:
        item.fail("quantity", f"unknown quantity {quantity!r} (see references.yaml quantities)")
    unit = item.get("unit", str)
    if quantity is not None:
        expected = refs.quantities[quantity].unit
        # Counts may name what they count ("police"); measures must match to be comparable.
        if (unit in MEASURE_UNITS or expected in MEASURE_UNITS) and unit != expected:
            item.fail("unit", f"{unit!r} differs from the unit of {quantity!r}: {expected!r}")
    return AnnotatedFigure(
        span=span,
        kind=kind,
        value=value,
        low=low,
        high=high,
        qualifier=item.choice("qualifier", QUALIFIERS),
        unit=unit,
        counts=item.get("counts", str),
        source=item.get("source", str),
        quantity=quantity,
        references=item.ids("references", refs.entries),
        note=item.get("note", str, required=False, default=""),
        key=item.get("key", str, required=False),
    )


def _attribution(item: _Item, text: str, refs: References) -> AnnotatedAttribution:
    cue = _anchor(item, text, "cue")
    direct = item.get("direct", bool)
    return AnnotatedAttribution(
        cue=cue,
        source=_secondary(item, text, "source", cue.start),
        source_name=item.get("source_name", str),
        source_type=item.choice("source_type", SOURCE_TYPES),
        direct=direct,
        content=_secondary(item, text, "content", cue.start),
        via=item.get("via", str, required=False),
        note=item.get("note", str, required=False, default=""),
    )


def _term(item: _Item, text: str, refs: References) -> AnnotatedTerm:
    return AnnotatedTerm(
        span=_anchor(item, text),
        category=item.choice("category", TERM_CATEGORIES),
        neutral=item.get("neutral", str, required=False, default="") or "",
        voice=item.choice("voice", VOICES),
        speaker=item.get("speaker", str, required=False),
        note=item.get("note", str, required=False, default=""),
    )


def _label(item: _Item, text: str, refs: References) -> Label:
    return Label(
        span=_anchor(item, text),
        refers_to=item.choice("refers_to", LABEL_TARGETS),
        label=item.get("label", str),
        voice=item.choice("voice", VOICES),
        note=item.get("note", str, required=False, default=""),
    )


def _issue(item: _Item, text: str, refs: References) -> FactualIssue:
    span = _anchor(item, text)
    kind = item.choice("kind", ISSUE_KINDS)
    references = item.ids("references", refs.entries)
    if not references and kind not in ISSUES_WITHOUT_REFERENCE:
        item.fail("references", f"an issue of kind {kind!r} needs at least one reference id")
    return FactualIssue(
        span=span,
        kind=kind,
        claim=item.get("claim", str),
        problem=item.get("problem", str),
        verdict=item.choice("verdict", ISSUE_VERDICTS),
        references=references,
    )


ANNOTATION_LISTS = {
    "figures": _figure,
    "attributions": _attribution,
    "loaded_terms": _term,
    "labels": _label,
    "issues": _issue,
}


def _describe(raw: Any) -> str:
    """A short handle for an item in messages, e.g. ``(quote '317')``."""
    if isinstance(raw, dict):
        for key in ("quote", "cue"):
            if isinstance(raw.get(key), str):
                return f" ({key} {raw[key][:40]!r})"
    return ""


def _rendering(item: _Item, text: str, statements: Collection[str]) -> Rendering:
    key = item.get("statement", str)
    if key not in statements:
        known = ", ".join(sorted(statements)) or "none"
        item.fail("statement", f"unknown statement {key!r} (story.yaml statements: {known})")
    return Rendering(statement=key, span=_anchor(item, text))


def load_annotations(
    article_id: str,
    text: str,
    folder: Path,
    refs: References,
    statements: Collection[str] = (),
    *,
    subfolder: str = "annotations",
) -> dict:
    """Read ``annotations/ID.yaml`` and resolve every anchor against ``text``.

    The five lists of :data:`ANNOTATION_LISTS` are required (``[]`` when empty); the optional
    ``renderings`` list anchors the sentence in which the text renders each of ``statements``.
    ``subfolder`` names another folder of ``folder`` holding a second annotation of the same
    texts in the same scheme (``corpora/agreement/`` for the inter-annotator study).
    """
    path = folder / subfolder / f"{article_id}.yaml"
    name = _display(path)
    top = _Item(_read_yaml(path, folder), name, "top level")
    declared = top.get("article", str)
    if declared != article_id:
        top.fail("article", f"says {declared!r} but the file is for article {article_id!r}")
    result = {}
    for list_name, build in ANNOTATION_LISTS.items():
        raw_items = top.get(list_name, list, required=False)
        if raw_items is None:
            top.fail(list_name, "missing (write [] when the article has none)")
        result[list_name] = _items(raw_items, name, list_name, build, text, refs)
    raw_renderings = top.get("renderings", list, required=False, default=[])
    renderings = _items(raw_renderings, name, "renderings", _rendering, text, statements)
    seen: set[str] = set()
    for i, rendering in enumerate(renderings):
        if rendering.statement in seen:
            _Item(raw_renderings[i], name, f"renderings[{i}]").fail(
                "statement", f"statement {rendering.statement!r} is rendered twice"
            )
        seen.add(rendering.statement)
    result["renderings"] = renderings
    top.done()
    return result


def _items(raw_items: list, file: str, list_name: str, build: Callable, *args: Any) -> tuple:
    """``build(item, *args)`` for each raw item of a list, each checked for unknown fields."""
    items = []
    for i, raw in enumerate(raw_items):
        item = _Item(raw, file, f"{list_name}[{i}]{_describe(raw)}")
        items.append(build(item, *args))
        item.done()
    return tuple(items)


# --------------------------------------------------------------------------- the corpus


def load_corpus(folder: Path | str | None = None) -> list[Article]:
    """Load every article in the catalog with its annotations resolved to spans.

    Parameters
    ----------
    folder
        A seeds folder (``catalog.yaml``, the texts, ``annotations/``, ``references.yaml``).
        Defaults to the one shipped with the package.

    Returns
    -------
    list of Article
        In catalog order.

    Raises
    ------
    CorpusError
        When any file is missing, malformed or inconsistent; the message names file, item, field.
    """
    return list(_load_corpus(Path(folder) if folder else seeds_dir()))


@functools.lru_cache(maxsize=8)
def _load_corpus(folder: Path) -> tuple[Article, ...]:
    refs = _load_references(folder)
    story = _load_story(folder)
    path = folder / "catalog.yaml"
    name = _display(path)
    top = _Item(_read_yaml(path, folder), name, "top level")
    raw_articles = top.get("articles", list)
    top.done()
    articles, seen = [], set()
    for i, raw in enumerate(raw_articles):
        handle = raw.get("id") if isinstance(raw, dict) else None
        item = _Item(raw, name, f"articles[{i}]" + (f" (id {handle!r})" if handle else ""))
        article = _article(item, folder, refs, story)
        item.done()
        if article.id in seen:
            item.fail("id", f"duplicate id {article.id!r}")
        seen.add(article.id)
        articles.append(article)
    if not articles:
        top.fail("articles", "the catalog lists no article")
    _check_keys(articles, name)
    return tuple(articles)


def _check_keys(texts: Sequence[AnnotatedText], file: str) -> None:
    """Refuse a figure ``key`` used twice: pages look figures up by it."""
    owner: dict[str, str] = {}
    for text in texts:
        for fig in text.figures:
            if fig.key is None:
                continue
            if fig.key in owner:
                raise CorpusError(
                    f"{file}: article {text.id!r}: figure key {fig.key!r} is already used in "
                    f"article {owner[fig.key]!r}; keys must be unique"
                )
            owner[fig.key] = text.id


def _article(item: _Item, folder: Path, refs: References, story: Story) -> Article:
    article_id = item.get("id", str)
    file = item.get("file", str)
    sha = item.get("sha256", str)
    text = _read_text(item, folder, file, sha)
    provenance = []
    for j, raw in enumerate(item.get("provenance", list, required=False, default=[])):
        note = _Item(raw, item.file, f"{item.item}.provenance[{j}]{_describe(raw)}")
        provenance.append(
            ProvenanceNote(
                span=_anchor(note, text),
                kind=note.choice("kind", PROVENANCE_KINDS),
                note=note.get("note", str),
            )
        )
        note.done()
    return Article(
        id=article_id,
        file=file,
        sha256=sha,
        split=item.choice("split", SPLITS),
        outlet=item.get("outlet", str),
        outlet_short=item.get("outlet_short", str),
        outlet_url=item.get("outlet_url", str),
        outlet_kind=item.choice("outlet_kind", OUTLET_KINDS),
        behind=item.get("behind", str),
        profile=item.get("profile", str),
        profile_references=item.ids("profile_references", refs.entries, required=True),
        headline=item.get("headline", str),
        published=_as_date(item, "published"),
        byline=item.get("byline", str, required=False),
        text=text,
        provenance=tuple(provenance),
        **load_annotations(article_id, text, folder, refs, story.statement_keys),
    )


def _read_text(item: _Item, root: Path, file: str, sha256: str) -> str:
    """The text ``file`` below ``root``, checked against its sha256; a problem fails ``file``."""
    path = root / file
    try:
        data = _read_bytes(path, root, _display(path))
    except CorpusError as err:
        item.fail("file", str(err))
    actual = hashlib.sha256(data).hexdigest()
    if actual != sha256:
        item.fail("sha256", f"{_display(path)} has sha256 {actual}, the catalog says {sha256}")
    try:
        return decode_utf8(data, _display(path))
    except InputError as err:
        item.fail("file", str(err))


# --------------------------------------------------------------------------- other collections


def shared_corpora_dir() -> Path | None:
    """The folder of real texts kept outside the project (``../shared/corpora`` beside a
    checkout), or None where it is absent: those texts are read from there, never copied.

    The environment variable ``MEDIALIT_SHARED_CORPORA`` names another folder.
    """
    configured = os.environ.get("MEDIALIT_SHARED_CORPORA")
    beside_checkout = Path(__file__).resolve().parents[3] / "shared" / "corpora"
    folder = Path(configured) if configured else beside_checkout
    return folder if folder.is_dir() else None


def load_texts(
    manifest: Path | str, shared: Path | None = None, *, splits: Collection[str] | None = None
) -> list[CollectedText]:
    """Load the texts a manifest lists, with their annotations, validated like the articles.

    A manifest (``texts:``) lists each text's ``id``, ``file``, ``sha256``, ``split``,
    ``title``, ``published`` and optionally ``url``, ``licence``, ``topic`` (the group a split
    rule alternates within) and ``constructed``. A text
    written for the kit (``constructed: true``) sits beside the manifest; any other text is read
    from ``shared`` (default :func:`shared_corpora_dir`) and is never copied into the project.
    Annotations are in ``annotations/ID.yaml`` beside the manifest.

    Parameters
    ----------
    manifest
        The manifest file.
    shared
        The folder of third-party texts.
    splits
        Load only the texts of these splits (default: all).

    Raises
    ------
    CorpusError
        As :func:`load_corpus`; also when a file lies outside its folder, or when a
        third-party text is listed but ``shared`` is absent.
    """
    manifest = Path(manifest)
    folder = manifest.parent
    name = _display(manifest)
    top = _Item(_read_yaml(manifest), name, "top level")
    raw_texts = top.get("texts", list)
    top.done()
    refs = load_references()
    texts, seen = [], set()
    for i, raw in enumerate(raw_texts):
        handle = raw.get("id") if isinstance(raw, dict) else None
        item = _Item(raw, name, f"texts[{i}]" + (f" (id {handle!r})" if handle else ""))
        split = item.choice("split", SPLITS)
        if splits is not None and split not in splits:
            item.used.update(item.data)
            continue
        text = _collected(item, folder, shared, split, refs)
        item.done()
        if text.id in seen:
            item.fail("id", f"duplicate id {text.id!r}")
        seen.add(text.id)
        texts.append(text)
    _check_keys(texts, name)
    return texts


def _collected(
    item: _Item, folder: Path, shared: Path | None, split: str, refs: References
) -> CollectedText:
    text_id = item.get("id", str)
    file = item.get("file", str)
    constructed = item.get("constructed", bool, required=False, default=False)
    root = folder if constructed else (shared or shared_corpora_dir())
    if root is None:
        item.fail("file", "a third-party text, but no shared corpora folder was found")
    text = _read_text(item, root, file, item.get("sha256", str))
    return CollectedText(
        id=text_id,
        file=file,
        sha256=item.get("sha256", str),
        split=split,
        headline=item.get("title", str),
        published=_as_date(item, "published"),
        text=text,
        url=item.get("url", str, required=False, default=""),
        licence=item.get("licence", str, required=False, default=""),
        constructed=constructed,
        topic=item.get("topic", str, required=False, default=""),
        **load_annotations(text_id, text, folder, refs),
    )


def figure_by_key(key: str, texts: Sequence[AnnotatedText] | None = None) -> AnnotatedFigure:
    """The annotated figure whose ``key`` is ``key`` (pages name the figures they discuss so).

    >>> figure_by_key("dozens_dead").span.text
    'Dozens'
    """
    for text in load_corpus() if texts is None else texts:
        for fig in text.figures:
            if fig.key == key:
                return fig
    raise KeyError(f"no annotated figure has key {key!r}")


def get_article(article_id: str) -> Article:
    """One article by id.

    >>> get_article("003").outlet_short
    'Sputnik'
    """
    for article in load_corpus():
        if article.id == article_id:
            return article
    raise KeyError(f"no article with id {article_id!r}")


def main(argv: list[str] | None = None) -> int:
    """Validate the seeds and the extractors' lexicon, and print what was loaded
    (``python -m medialit.corpus [SEEDS_FOLDER]``).

    Any problem is one line on standard error and exit status 1, never a traceback.
    """
    from medialit.extract.language import LexiconError, load_lexicon  # only the validator

    folder = _arguments(argv).seeds
    try:
        articles = load_corpus(folder)
        lexicon = load_lexicon()
    except (CorpusError, LexiconError) as err:
        _print_error(str(err))
        return 1
    except Exception as err:  # a validator must say what broke, on one line
        _print_error(f"the validator itself failed ({type(err).__name__}: {err}); please report")
        return 2
    header = f"{'id':4} {'outlet':18} {'fig':>4} {'attr':>4} {'term':>4} {'lab':>4} {'iss':>4}"
    print(header)
    for a in articles:
        print(
            f"{a.id:4} {a.outlet_short:18} {len(a.figures):4} {len(a.attributions):4} "
            f"{len(a.loaded_terms):4} {len(a.labels):4} {len(a.issues):4}"
        )
    print(f"ok: {len(articles)} articles valid, {len(lexicon)} lexicon entries valid")
    return 0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    """The command line of ``python -m medialit.corpus``; ``--help`` prints it and exits 0."""
    parser = argparse.ArgumentParser(
        prog="python -m medialit.corpus",
        description="Validate the seed files (catalog, texts, annotations, references, story) "
        "and the extractors' lexicon, and print what was loaded. A problem is one line naming "
        "the file, the item and the field, with exit status 1.",
    )
    parser.add_argument(
        "seeds",
        nargs="?",
        type=Path,
        default=None,
        help="a seeds folder to validate (default: the one shipped with the package)",
    )
    return parser.parse_args(argv)


def _print_error(message: str) -> None:
    line = capped(message).encode("utf-8", "backslashreplace").decode("utf-8")
    print(f"error: {line}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
