"""The figure ledger and the other per-outlet comparisons, as plain data.

Charts and widgets draw what this module computes; it imports only :mod:`medialit.corpus`, so
a lesson, a test or a grader can use the numbers without matplotlib or a screen.

* :func:`figure_ledger`: every figure an outlet reports for a reference quantity (deaths,
  police injured, detained...), next to the reference values and how far it is from them.
* :func:`label_counts`, :func:`attribution_profile`, :func:`loaded_term_density`: who calls
  the participants what, who names its sources, who writes in loaded terms.
* :func:`timeline_events`, :func:`statement_renderings`: key dates, and one statement as
  each outlet renders it.

Examples
--------
>>> rows = figure_ledger()
>>> sorted({row.quantity for row in rows}) == sorted(reported_quantities(rows))
True
>>> all(row.article_id in {"000", "001", "002", "003", "004"} for row in rows)
True
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from medialit.corpus import (
    SOURCE_TYPES,
    TERM_CATEGORIES,
    Article,
    Quantity,
    References,
    ReferenceValue,
    load_corpus,
    load_references,
)

# How the reported interval relates to the reference value.
MATCHES = "matches"  # the reference lies inside what the outlet reported
MATCHED_THEN = "matched_then"  # off the current value, but right for its publication date
BELOW = "below"
ABOVE = "above"
NO_REFERENCE = "no_reference"
STATUSES = (MATCHES, MATCHED_THEN, BELOW, ABOVE, NO_REFERENCE)
# "About 2,500" allows 10% either side; the annotations give no tolerance of their own.
APPROX_TOLERANCE = 0.1

# Source types grouped into the three answers a reader cares about: can I look the source up?
SOURCE_GROUPS = {
    "named_person": "named",
    "named_organisation": "named",
    "named_media": "named",
    "document": "document or social media",
    "social_media": "document or social media",
    "vague": "vague or anonymous",
}
SOURCE_GROUP_ORDER = ("named", "document or social media", "vague or anonymous")

# Events on the timeline: reference id and a short label; the date is the reference's as_of.
KEY_EVENTS = (
    ("MS-09", "Protests begin in Zhanaozen"),
    ("GV-01", "Government resigns"),
    ("CS-04", "CSTO decides to send troops"),
    ("TK-01", "Tokayev: shoot to kill"),
    ("DT-02", "164 dead posted, then retracted"),
    ("DT-03", "Official toll: 225"),
    ("CS-10", "CSTO withdrawal complete"),
    ("DT-04", "Prosecutor: 230; ombudswoman: 238"),
    ("DT-08", "Final official toll: 238"),
)


# --------------------------------------------------------------------------- the figure ledger


@dataclass(frozen=True)
class LedgerRow:
    """One figure an outlet reports for a reference quantity, set against the references.

    ``low``/``high`` bound what the outlet said (both equal ``value`` for an exact figure,
    ``high`` is ``inf`` for "more than"); ``reference`` is the current reference value
    (``reference_low``/``reference_high`` its bounds), ``reference_then`` the latest one
    published by the article's date.
    """

    quantity: str
    quantity_label: str
    unit: str
    article_id: str
    outlet: str
    published: dt.date
    quote: str
    value: float | None
    low: float
    high: float
    qualifier: str
    source: str
    reference: float | None
    reference_low: float | None
    reference_high: float | None
    reference_ref: str | None
    reference_as_of: dt.date | None
    reference_then: float | None
    status: str
    relative_distance: float | None
    note: str = ""

    @property
    def point(self) -> float:
        """A single number to plot: the value, else the middle of a closed range, else the bound."""
        if self.value is not None:
            return float(self.value)
        if math.isinf(self.high):
            return self.low
        return (self.low + self.high) / 2


def reported_interval(value, low, high, qualifier: str) -> tuple[float, float]:
    """The interval of numbers a figure allows, from its normalised fields.

    An approximate figure ("about 2,500") allows :data:`APPROX_TOLERANCE` either side.

    >>> reported_interval(317, None, None, "exact")
    (317.0, 317.0)
    >>> reported_interval(None, 24, 99, "vague")
    (24.0, 99.0)
    >>> reported_interval(100, 100, None, "more_than")
    (100.0, inf)
    >>> reported_interval(None, None, 50, "less_than")
    (0.0, 50.0)
    >>> reported_interval(2, None, None, "approx")
    (1.8, 2.2)
    """
    if low is None and high is None:
        if value is None:
            raise ValueError("a figure needs a value or bounds")
        low = high = value
        if qualifier == "approx":
            low, high = value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)
        elif qualifier in ("more_than", "at_least"):
            high = math.inf
        elif qualifier in ("less_than", "up_to"):
            low = 0
    elif low is None:
        low = 0 if qualifier in ("less_than", "up_to", "range", "vague") else (value or high)
    elif high is None:
        high = math.inf if value is None or qualifier in ("more_than", "at_least") else value
    return float(low), float(high)


def reference_point(ref: ReferenceValue) -> float | None:
    """One number for a reference value: the value, else the middle of its bounds, else a bound.

    >>> reference_point(ReferenceValue("X", None, 50, 60, "range", None, "context"))
    55.0
    >>> reference_point(ReferenceValue("X", None, None, None, "exact", None, "not_found")) is None
    True
    """
    if ref.value is not None:
        return float(ref.value)
    if ref.low is not None and ref.high is not None:
        return (ref.low + ref.high) / 2
    bound = ref.low if ref.low is not None else ref.high
    return None if bound is None else float(bound)


def reference_interval(ref: ReferenceValue) -> tuple[float, float] | None:
    """The interval a reference value allows (same rules as :func:`reported_interval`).

    >>> reference_interval(ReferenceValue("X", None, 2.0, 2.4, "range", None, "current"))
    (2.0, 2.4)
    >>> reference_interval(ReferenceValue("X", None, 1300, None, "more_than", None, "interim"))
    (1300.0, inf)
    >>> missing = ReferenceValue("X", None, None, None, "exact", None, "not_found")
    >>> reference_interval(missing) is None
    True
    """
    if ref.value is None and ref.low is None and ref.high is None:
        return None
    return reported_interval(ref.value, ref.low, ref.high, ref.qualifier)


def reference_as_of(quantity: Quantity, day: dt.date) -> ReferenceValue | None:
    """The latest usable reference value published on or before ``day`` (retracted ones excluded).

    >>> deaths = load_references().quantities["deaths"]
    >>> reference_as_of(deaths, dt.date(2022, 1, 10)).ref   # 164 was retracted
    'DT-01'
    >>> reference_as_of(deaths, dt.date(2022, 1, 20)).value
    225
    """
    usable = [
        v
        for v in quantity.values
        if v.as_of is not None
        and v.as_of <= day
        and v.status in ("current", "interim")
        and reference_point(v) is not None
    ]
    return max(usable, key=lambda v: v.as_of) if usable else None


def relative_distance(
    low: float, high: float, reference: tuple[float, float] | None
) -> float | None:
    """How far the reported interval lies from the reference interval, as a fraction of it.

    Zero when the two overlap; negative when the outlet reports less, positive when more.

    >>> relative_distance(24, 99, (238, 238))
    -0.584...
    >>> relative_distance(317, 317, (3393, 3393)) < 0
    True
    >>> relative_distance(100, float("inf"), (45, 45))
    1.222...
    >>> relative_distance(1.8, 2.2, (2.0, 2.4))
    0.0
    >>> relative_distance(5, 5, None) is None
    True
    """
    if reference is None:
        return None
    ref_low, ref_high = reference
    if low <= ref_high and ref_low <= high:
        return 0.0
    if high < ref_low:
        return (high - ref_low) / ref_low if ref_low else None
    return (low - ref_high) / ref_high if ref_high else None


def _status(low: float, high: float, now, then) -> str:
    if now is None:
        return NO_REFERENCE
    if relative_distance(low, high, now) == 0:
        return MATCHES
    if then is not None and relative_distance(low, high, then) == 0:
        return MATCHED_THEN
    return BELOW if high < now[0] else ABOVE


def figure_ledger(
    articles: Sequence[Article] | None = None, refs: References | None = None
) -> list[LedgerRow]:
    """Every annotated figure that counts a reference quantity, with its reference values.

    Parameters
    ----------
    articles, refs
        Default to :func:`medialit.corpus.load_corpus` and ``load_references``.

    Returns
    -------
    list of LedgerRow
        In article order, then in order of appearance.

    Examples
    --------
    >>> rows = figure_ledger()
    >>> {row.status for row in rows} <= set(STATUSES)
    True
    >>> all(row.low <= row.high for row in rows)
    True
    """
    articles = load_corpus() if articles is None else articles
    refs = load_references() if refs is None else refs
    rows = []
    for article in articles:
        for fig in sorted(article.figures, key=lambda f: f.span.start):
            if fig.quantity is None or isinstance(fig.value, str):
                continue
            rows.append(_ledger_row(article, fig, refs.quantities[fig.quantity]))
    return rows


def _ledger_row(article: Article, fig, quantity: Quantity) -> LedgerRow:
    low, high = reported_interval(fig.value, fig.low, fig.high, fig.qualifier)
    current = quantity.current()
    now = reference_interval(current) if current else None
    then_ref = reference_as_of(quantity, article.published)
    then = reference_interval(then_ref) if then_ref else None
    return LedgerRow(
        quantity=quantity.key,
        quantity_label=quantity.label,
        unit=quantity.unit,
        article_id=article.id,
        outlet=article.outlet_short,
        published=article.published,
        quote=fig.span.text,
        value=None if fig.value is None else float(fig.value),
        low=low,
        high=high,
        qualifier=fig.qualifier,
        source=fig.source,
        reference=reference_point(current) if now else None,
        reference_low=now[0] if now else None,
        reference_high=now[1] if now else None,
        reference_ref=current.ref if current else None,
        reference_as_of=current.as_of if current else None,
        reference_then=reference_point(then_ref) if then else None,
        status=_status(low, high, now, then),
        relative_distance=relative_distance(low, high, now),
        note=fig.note,
    )


def reported_quantities(rows: Iterable[LedgerRow]) -> list[str]:
    """Quantity keys in the ledger, the most widely reported first (ties by first appearance).

    >>> rows = figure_ledger()
    >>> len(reported_quantities(rows)) == len({row.quantity for row in rows})
    True
    """
    rows = list(rows)
    outlets: dict[str, set[str]] = {}
    for row in rows:
        outlets.setdefault(row.quantity, set()).add(row.article_id)
    return sorted(outlets, key=lambda key: -len(outlets[key]))


def distinct_reports(rows: Iterable[LedgerRow]) -> list[tuple[LedgerRow, int]]:
    """The rows with repeats folded: one outlet giving the same figure twice counts once.

    Returns (first row, number of times) in the original order, so a chart draws "Dozens"
    (headline and body of one article) once, marked as said twice.

    >>> folded = distinct_reports(ledger_for("deaths"))
    >>> sum(n for _, n in folded) == len(ledger_for("deaths"))
    True
    """
    counts: dict[tuple, list] = {}
    for row in rows:
        key = (row.article_id, row.quote.lower(), row.low, row.high, row.source)
        counts.setdefault(key, [row, 0])[1] += 1
    return [(row, n) for row, n in counts.values()]


def comparison_order(rows: Iterable[LedgerRow]) -> list[str]:
    """Quantities to compare, those with a current reference value first, each group in the
    order of :func:`reported_quantities` (the widely reported first).

    >>> order = comparison_order(figure_ledger())
    >>> order[0]
    'deaths'
    """
    rows = list(rows)
    checked = {row.quantity for row in rows if row.status != NO_REFERENCE}
    return sorted(reported_quantities(rows), key=lambda key: key not in checked)


def ledger_for(quantity: str, rows: Iterable[LedgerRow] | None = None) -> list[LedgerRow]:
    """The ledger rows of one quantity.

    >>> all(row.quantity == "deaths" for row in ledger_for("deaths"))
    True
    """
    rows = figure_ledger() if rows is None else rows
    return [row for row in rows if row.quantity == quantity]


def format_number(x: float | None, unit: str = "") -> str:
    """A figure as a reader writes it: thousands separators, no needless decimals.

    >>> format_number(3393.0), format_number(2.4), format_number(float("inf")), format_number(None)
    ('3,393', '2.4', '∞', '–')
    >>> format_number(1995, unit="year")
    '1995'
    """
    if x is None:
        return "–"
    if math.isinf(x):
        return "∞"
    if unit == "year":
        return f"{x:.0f}"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2g}"


def describe_reference(value: ReferenceValue, unit: str = "") -> str:
    """A reference value in words: "238", "under 50", "over 1,300", "50 to 60".

    >>> deaths = load_references().quantities["deaths"]
    >>> [describe_reference(v) for v in deaths.values][:2]
    ['under 50', '164']
    """
    if value.value is not None:
        return format_number(value.value, unit)
    if value.low is not None and value.high is not None:
        return f"{format_number(value.low, unit)} to {format_number(value.high, unit)}"
    if value.low is not None:
        return f"over {format_number(value.low, unit)}"
    if value.high is not None:
        return f"under {format_number(value.high, unit)}"
    return "not found"


# --------------------------------------------------------------------------- words and sources


def label_counts(
    articles: Sequence[Article] | None = None, refers_to: str = "participants"
) -> dict[str, Counter]:
    """What each outlet calls the participants (or ``"foreign_troops"``): label counts per outlet.

    Returns a mapping article id -> Counter of normalised labels (every article present).

    >>> counts = label_counts()
    >>> sorted(counts)
    ['000', '001', '002', '003', '004']
    """
    articles = load_corpus() if articles is None else articles
    return {
        a.id: Counter(label.label for label in a.labels if label.refers_to == refers_to)
        for a in articles
    }


def attribution_profile(articles: Sequence[Article] | None = None) -> dict[str, Counter]:
    """Attributions per outlet counted by source type (every type present, zeros included).

    >>> profile = attribution_profile()
    >>> sorted(profile["002"]) == sorted(SOURCE_TYPES)
    True
    """
    articles = load_corpus() if articles is None else articles
    result = {}
    for a in articles:
        counts = Counter({kind: 0 for kind in SOURCE_TYPES})
        counts.update(att.source_type for att in a.attributions)
        result[a.id] = counts
    return result


def source_group_shares(profile: dict[str, Counter]) -> dict[str, dict[str, float]]:
    """Share of attributions in each :data:`SOURCE_GROUPS` group, per article (0 when none).

    >>> shares = source_group_shares({"x": Counter(named_person=3, vague=1)})
    >>> shares["x"]["named"], shares["x"]["vague or anonymous"]
    (0.75, 0.25)
    """
    shares = {}
    for article_id, counts in profile.items():
        total = sum(counts.values())
        grouped = Counter()
        for kind, n in counts.items():
            grouped[SOURCE_GROUPS[kind]] += n
        shares[article_id] = {g: (grouped[g] / total if total else 0.0) for g in SOURCE_GROUP_ORDER}
    return shares


def loaded_term_density(articles: Sequence[Article] | None = None) -> dict[str, dict[str, float]]:
    """Loaded terms per 1,000 words of the article, by category, per article.

    Counts every annotated term, in the outlet's voice or quoted, because the outlet chose to
    print both.

    >>> density = loaded_term_density()
    >>> sorted(density["001"]) == sorted(TERM_CATEGORIES)
    True
    """
    articles = load_corpus() if articles is None else articles
    result = {}
    for a in articles:
        counts = Counter(term.category for term in a.loaded_terms)
        result[a.id] = {c: 1000 * counts[c] / a.word_count for c in TERM_CATEGORIES}
    return result


# --------------------------------------------------------------------------- dates


@dataclass(frozen=True)
class Event:
    """A dated event from the references."""

    day: dt.date
    label: str
    ref: str


def timeline_events(refs: References | None = None) -> list[Event]:
    """The key events of :data:`KEY_EVENTS`, dated by their references, in date order.

    >>> events = timeline_events()
    >>> events[0].label, events[0].day.isoformat()
    ('Protests begin in Zhanaozen', '2022-01-02')
    """
    refs = load_references() if refs is None else refs
    events = []
    for ref_id, label in KEY_EVENTS:
        entry = refs.entries.get(ref_id)
        if entry is None:
            raise KeyError(f"references.yaml: KEY_EVENTS names unknown reference id {ref_id!r}")
        try:
            day = dt.date.fromisoformat(entry.as_of[:10])
        except ValueError:
            raise ValueError(
                f"references.yaml: {ref_id}: field 'as_of' is not an ISO date: {entry.as_of!r}"
            ) from None
        events.append(Event(day, label, ref_id))
    return sorted(events, key=lambda e: e.day)


# --------------------------------------------------------------------------- one statement, 5 ways


@dataclass(frozen=True)
class Statement:
    """A statement several outlets report.

    ``keywords`` are lower-case word stems of what was said; ``speaker_names`` the stems that
    name the speaker (misspellings the articles use included); ``reference`` is the reference
    id that checks the statement.
    """

    key: str
    title: str
    speaker: str
    keywords: tuple[str, ...]
    speaker_names: tuple[str, ...]
    reference: str

    def score(self, sentence: str) -> tuple[int, tuple[str, ...]]:
        """Two points per keyword found, one for naming the speaker; and the stems found.

        >>> statement_by_key("tokayev_terrorists").score("Tokayev blamed terrorist gangs.")
        (5, ('terror', 'gang', 'tokayev'))
        """
        lowered = sentence.lower()
        words = tuple(k for k in self.keywords if k in lowered)
        names = tuple(k for k in self.speaker_names if k in lowered)
        return 2 * len(words) + (1 if names else 0), words + names


STATEMENTS = (
    Statement(
        "tokayev_terrorists",
        "Tokayev: “terrorist gangs … trained abroad”",
        "Tokayev",
        ("terror", "gang", "group", "train", "abroad", "foreign", "international", "bandit"),
        ("tokayev", "toyakev", "president"),
        "TK-04",
    ),
    Statement(
        "csto_troops",
        "The CSTO sends troops",
        "CSTO",
        ("peacekeep", "troops", "contingent", "send", "sent", "forces", "units", "mobili"),
        ("csto", "collective security"),
        "CS-04",
    ),
    Statement(
        "police_casualties",
        "Police and soldiers killed and injured",
        "Interior Ministry",
        ("police", "kill", "died", "injur", "servicemen", "national guard", "soldier"),
        ("interior ministry", "ministry of internal affairs"),
        "SF-01",
    ),
)

SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[”\"’']?|$)")


@dataclass(frozen=True)
class Rendering:
    """The sentence in one article that best renders a statement (``text`` empty when none)."""

    article_id: str
    outlet: str
    text: str
    start: int
    matched: tuple[str, ...]


def sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of a text with their start offsets (a light splitter, lines kept apart).

    >>> sentences("One. Two!\\nThree")
    [(0, 'One.'), (5, 'Two!'), (10, 'Three')]
    """
    found = []
    for match in SENTENCE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            found.append((match.start() + raw.index(stripped), stripped))
    return found


def statement_renderings(
    statement: Statement | str, articles: Sequence[Article] | None = None
) -> list[Rendering]:
    """For each article, the sentence that matches the most keywords of ``statement``.

    Sentences are scored by :meth:`Statement.score`; an article whose best sentence scores
    below 3 (one keyword and the speaker, or two keywords) gets an empty rendering.

    >>> found = statement_renderings("tokayev_terrorists")
    >>> [r.article_id for r in found]
    ['000', '001', '002', '003', '004']
    >>> "abroad" in found[4].text
    True
    """
    if isinstance(statement, str):
        statement = statement_by_key(statement)
    articles = load_corpus() if articles is None else articles
    result = []
    for a in articles:
        best = (0, -1, "", ())
        for start, sentence in sentences(a.text):
            score, matched = statement.score(sentence)
            if score > best[0]:
                best = (score, start, sentence, matched)
        score, start, text, matched = best
        if score < 3:  # at least one keyword and the speaker, or two keywords
            start, text, matched = -1, "", ()
        result.append(Rendering(a.id, a.outlet_short, text, start, matched))
    return result


def statement_by_key(key: str) -> Statement:
    """One of :data:`STATEMENTS` by key.

    >>> statement_by_key("csto_troops").speaker
    'CSTO'
    """
    for statement in STATEMENTS:
        if statement.key == key:
            return statement
    known = ", ".join(s.key for s in STATEMENTS)
    raise KeyError(f"no statement {key!r}; known: {known}")


def words_unique_to(rendering: Rendering, others: Iterable[Rendering]) -> set[str]:
    """Content words of ``rendering`` that no other rendering uses: where an outlet departs.

    Lower-cased; function words ("the", "was", "he"...) and numbers are left out.

    >>> a = Rendering("1", "A", "the terrorist gangs were trained abroad", 0, ())
    >>> b = Rendering("2", "B", "terrorist groups trained abroad", 0, ())
    >>> sorted(words_unique_to(a, [b]))
    ['gangs']
    """
    seen: set[str] = set()
    for other in others:
        if other.article_id != rendering.article_id:
            seen.update(w.lower() for w in WORDS.findall(other.text))
    own = {w.lower() for w in WORDS.findall(rendering.text)}
    return {w for w in own - seen if w not in FUNCTION_WORDS and not w.isdigit()}


WORDS = re.compile(r"\w+(?:['’-]\w+)*")
_FUNCTION_WORDS = """
a about after all also an and any are as at be been before being but by can could did do does
for from had has have he her his how i if in into is it its it's it’s may might more most much
no not of on or our over she should so some such than that the their them then there these they
this those through to under up was we were what when which while who whom will with would you
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
