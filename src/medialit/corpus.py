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

import datetime as dt
import functools
import hashlib
import re
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

OUTLET_KINDS = (
    "state_media",
    "state_affiliated",
    "partisan",
    "movement_affiliated",
    "unidentified",
)
PROVENANCE_KINDS = (
    "scraping_leftover",
    "copied_text",
    "machine_translation",
    "footnote_markers",
    "anachronism",
    "unidentified_credit",
    "unsourced",
    "other",
)
FIGURE_KINDS = ("count", "money", "percent", "ratio", "duration", "date", "year", "rank")
QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "up_to", "range", "vague")
SOURCE_TYPES = (
    "named_person",
    "named_organisation",
    "named_media",
    "vague",
    "document",
    "social_media",
)
TERM_CATEGORIES = (
    "name_calling",
    "loaded_language",
    "scare_quotes",
    "exaggeration",
    "doubt",
    "conspiracy_framing",
    "euphemism",
    "other",
)
VOICES = ("outlet", "quoted")
LABEL_TARGETS = ("participants", "foreign_troops")
ISSUE_KINDS = (
    "wrong_fact",
    "imprecise",
    "unsupported",
    "unverified",
    "misspelling",
    "anachronism",
    "copied_text",
    "other",
)
ISSUE_VERDICTS = ("contradicted", "imprecise", "unsupported", "unverified")
REFERENCE_STATUSES = ("current", "interim", "retracted", "claim", "context", "not_found")
CONFIDENCES = ("high", "medium", "low")
# Units of measure: a figure compared with a quantity must use the quantity's own unit.
MEASURE_UNITS = (
    "days",
    "weeks",
    "months",
    "years",
    "year",
    "minutes",
    "hours",
    "times",
    "USD",
    "tenge per litre",
)
# Issues about the text itself need no outside reference.
ISSUES_WITHOUT_REFERENCE = ("misspelling", "copied_text", "anachronism")


class CorpusError(ValueError):
    """A seed file is wrong; the message names the file, the item and the field."""


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
class Article:
    """One article: its catalog entry, its text and its annotations."""

    id: str
    file: str
    sha256: str
    outlet: str
    outlet_short: str
    outlet_url: str
    outlet_kind: str
    behind: str
    profile: str
    profile_references: tuple[str, ...]
    headline: str
    published: dt.date
    byline: str | None
    text: str
    provenance: tuple[ProvenanceNote, ...] = ()
    figures: tuple[AnnotatedFigure, ...] = ()
    attributions: tuple[AnnotatedAttribution, ...] = ()
    loaded_terms: tuple[AnnotatedTerm, ...] = ()
    labels: tuple[Label, ...] = ()
    issues: tuple[FactualIssue, ...] = ()

    @property
    def word_count(self) -> int:
        """Number of words in the text (runs of letters and digits, apostrophes inside)."""
        return len(WORD.findall(self.text))


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


@dataclass(frozen=True)
class ReferenceValue:
    """One reference value of a quantity, as of a date."""

    ref: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    as_of: dt.date | None
    status: str
    note: str = ""


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
            self.fail(name, f"expected {names}, found {value!r}")
        if isinstance(value, str) and required and not value.strip():
            self.fail(name, "must not be empty")
        return value

    def choice(self, name: str, choices: tuple[str, ...], *, required: bool = True):
        value = self.get(name, str, required=required)
        if value is not None and value not in choices:
            self.fail(name, f"unknown value {value!r}; expected one of: {', '.join(choices)}")
        return value

    def ids(self, name: str, known: dict, *, required: bool = False) -> tuple[str, ...]:
        values = self.get(name, list, required=required, default=[])
        for value in values:
            if value not in known:
                self.fail(name, f"unknown reference id {value!r} (not in references.yaml)")
        return tuple(values)

    def done(self):
        extra = sorted(set(self.data) - self.used)
        if extra:
            self.fail(extra[0], "unknown field (a typo?)")


def _tuple(types) -> tuple:
    return types if isinstance(types, tuple) else (types,)


def _read_yaml(path: Path) -> Any:
    name = _display(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CorpusError(f"{name}: file not found") from None
    except UnicodeDecodeError as err:
        raise CorpusError(f"{name}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(err, "problem", None) or str(err)
        raise CorpusError(f"{name}: malformed YAML{where}: {problem}") from None


def _display(path: Path) -> str:
    """A short name for messages: the path below the seeds folder's parent."""
    parts = path.parts
    return "/".join(parts[parts.index("seeds") :]) if "seeds" in parts else str(path)


def _as_date(item: _Item, name: str, *, required: bool = True) -> dt.date | None:
    value = item.get(name, (str, dt.date), required=required)
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        item.fail(name, f"expected an ISO date YYYY-MM-DD, found {value!r}")


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
    >>> len(refs.entries)
    86
    >>> refs.quantities["deaths"].current().value
    238
    """
    return _load_references(folder or seeds_dir())


@functools.lru_cache(maxsize=8)
def _load_references(folder: Path) -> References:
    path = folder / "references.yaml"
    name = _display(path)
    data = _read_yaml(path)
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
        )
        item.done()
        if ref.id in entries:
            item.fail("id", f"duplicate id {ref.id!r}")
        entries[ref.id] = ref
    quantities = {key: _quantity(key, raw, name, entries) for key, raw in raw_quantities.items()}
    return References(entries, quantities)


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
                as_of=_as_date(v, "as_of", required=False),
                status=v.choice("status", REFERENCE_STATUSES),
                note=v.get("note", str, required=False, default=""),
            )
        )
        v.done()
    item.done()
    return Quantity(key, label, unit, tuple(values))


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


def load_annotations(article_id: str, text: str, folder: Path, refs: References) -> dict:
    """Read ``annotations/ID.yaml`` and resolve every anchor against ``text``."""
    path = folder / "annotations" / f"{article_id}.yaml"
    name = _display(path)
    top = _Item(_read_yaml(path), name, "top level")
    declared = top.get("article", str)
    if declared != article_id:
        top.fail("article", f"says {declared!r} but the file is for article {article_id!r}")
    result = {}
    for list_name, build in ANNOTATION_LISTS.items():
        raw_items = top.get(list_name, list, required=False)
        if raw_items is None:
            top.fail(list_name, "missing (write [] when the article has none)")
        items = []
        for i, raw in enumerate(raw_items):
            item = _Item(raw, name, f"{list_name}[{i}]{_describe(raw)}")
            items.append(build(item, text, refs))
            item.done()
        result[list_name] = tuple(items)
    top.done()
    return result


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
    path = folder / "catalog.yaml"
    name = _display(path)
    top = _Item(_read_yaml(path), name, "top level")
    raw_articles = top.get("articles", list)
    top.done()
    articles, seen = [], set()
    for i, raw in enumerate(raw_articles):
        handle = raw.get("id") if isinstance(raw, dict) else None
        item = _Item(raw, name, f"articles[{i}]" + (f" (id {handle!r})" if handle else ""))
        article = _article(item, folder, refs)
        item.done()
        if article.id in seen:
            item.fail("id", f"duplicate id {article.id!r}")
        seen.add(article.id)
        articles.append(article)
    if not articles:
        top.fail("articles", "the catalog lists no article")
    return tuple(articles)


def _article(item: _Item, folder: Path, refs: References) -> Article:
    article_id = item.get("id", str)
    file = item.get("file", str)
    sha = item.get("sha256", str)
    text = _read_text(item, folder / file, sha)
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
        **load_annotations(article_id, text, folder, refs),
    )


def _read_text(item: _Item, path: Path, sha256: str) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        item.fail("file", f"{_display(path)} not found")
    actual = hashlib.sha256(data).hexdigest()
    if actual != sha256:
        item.fail("sha256", f"{_display(path)} has sha256 {actual}, the catalog says {sha256}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        item.fail("file", f"{_display(path)} is not UTF-8 ({err.reason} at byte {err.start})")


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
    """Validate the seeds and print what was loaded (``python -m medialit.corpus``)."""
    folder = Path(argv[0]) if argv else None
    try:
        articles = load_corpus(folder)
    except CorpusError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    header = f"{'id':4} {'outlet':18} {'fig':>4} {'attr':>4} {'term':>4} {'lab':>4} {'iss':>4}"
    print(header)
    for a in articles:
        print(
            f"{a.id:4} {a.outlet_short:18} {len(a.figures):4} {len(a.attributions):4} "
            f"{len(a.loaded_terms):4} {len(a.labels):4} {len(a.issues):4}"
        )
    print(f"ok: {len(articles)} articles valid")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
