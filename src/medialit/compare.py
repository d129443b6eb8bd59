"""The figure ledger and the other per-outlet comparisons, as plain data.

Charts and widgets draw what this module computes; it imports only the data layer
(:mod:`medialit.corpus`, :mod:`medialit.schema`) and the number formatter, so a lesson, a test
or a grader can use the numbers without matplotlib or a screen.

* :func:`figure_ledger`: every figure an outlet reports for a reference quantity (deaths,
  police injured, detained...), next to the reference values, with its verdict from
  :func:`verdict_as_of`: against the value known on the article's date, and the current one.
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
    AnnotatedFigure,
    Article,
    FactualIssue,
    KeyEvent,
    Quantity,
    References,
    ReferenceValue,
    Statement,
    Story,
    load_corpus,
    load_references,
    load_story,
)
from medialit.formatting import format_amount, format_change
from medialit.schema import SOURCE_TYPES, TERM_CATEGORIES

# How what an outlet reported relates to one reference value.
MATCHES = "matches"  # the reference value lies within what the outlet reported
CONSISTENT = "consistent"  # they overlap, but the outlet says more than the reference shows
BELOW = "below"
ABOVE = "above"
NO_REFERENCE = "no_reference"
AGREEMENTS = (MATCHES, CONSISTENT, BELOW, ABOVE, NO_REFERENCE)
# A ledger row's status also says when a figure agreed with the value of its day only.
MATCHED_THEN = "matched_then"
STATUSES = (MATCHES, MATCHED_THEN, CONSISTENT, BELOW, ABOVE, NO_REFERENCE)
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

# --------------------------------------------------------------------------- the figure ledger


@dataclass(frozen=True)
class Comparison:
    """What an outlet reported, set against one reference value.

    ``agreement`` is one of :data:`AGREEMENTS`; ``distance`` is :func:`relative_distance`
    (None with no reference value).
    """

    agreement: str
    reference: ReferenceValue | None = None
    distance: float | None = None


@dataclass(frozen=True)
class FigureVerdict:
    """A figure judged twice: against the reference value known on the day it was published
    (``then``), and against the current one (``now``).

    Judge a figure by what was known when it was published, then say what changed: a figure
    right for its day is not wrong because the count was revised later, and a figure that
    matches a later value was not confirmed on its day.
    """

    then: Comparison
    now: Comparison

    @property
    def revised(self) -> bool:
        """True when the current value came after the one known on the day, and differs."""
        then, now = self.then.reference, self.now.reference
        return (
            now is not None
            and then is not None
            and now != then
            and reference_interval(now) != reference_interval(then)
        )


def compare_with(low: float, high: float, reference: ReferenceValue | None) -> Comparison:
    """Set a reported interval against one reference value.

    The figure *matches* when the reference value (or, for a reference given only by bounds,
    its whole interval) lies within what was reported; it is *consistent* when the two only
    overlap: "more than $100 million" against a reference of "more than $80 million" may be
    true, but the reference does not show it.

    >>> value = ReferenceValue("X", 238, None, None, "exact", None, "current")
    >>> compare_with(24, 99, value).agreement, compare_with(200, 300, value).agreement
    ('below', 'matches')
    >>> bound = ReferenceValue("X", None, 80e6, None, "more_than", None, "interim")
    >>> compare_with(100e6, float("inf"), bound).agreement
    'consistent'
    >>> compare_with(5, 5, None).agreement
    'no_reference'
    """
    interval = reference_interval(reference) if reference is not None else None
    if interval is None:
        return Comparison(NO_REFERENCE)
    distance = relative_distance(low, high, interval)
    if reference.value is not None:
        inside = low <= reference.value <= high
    else:
        inside = low <= interval[0] and interval[1] <= high
    if inside:
        agreement = MATCHES
    elif distance == 0:
        agreement = CONSISTENT
    else:
        agreement = BELOW if high < interval[0] else ABOVE
    return Comparison(agreement, reference, distance)


def verdict_as_of(low: float, high: float, quantity: Quantity, published: dt.date) -> FigureVerdict:
    """The one place a figure gets its verdict: against the reference value valid on its
    publication date, and separately against the current one.

    Parameters
    ----------
    low, high
        What the outlet reported (:func:`reported_interval`).
    quantity
        The reference quantity it reports.
    published
        The article's publication date.

    Examples
    --------
    A count right on its day and revised later (Vision Times, 5 January: 317 police injured):

    >>> injured = load_references().quantities["police_injured"]
    >>> verdict = verdict_as_of(317, 317, injured, dt.date(2022, 1, 5))
    >>> verdict.then.agreement, verdict.now.agreement, verdict.revised
    ('matches', 'below', True)

    A total that a later source gives, but no source gave by the article's date:

    >>> funding = load_references().quantities["osf_funding"]
    >>> verdict = verdict_as_of(100e6, float("inf"), funding, dt.date(2022, 1, 8))
    >>> verdict.then.agreement, verdict.then.reference.as_of.year
    ('consistent', 2018)
    """
    return FigureVerdict(
        then=compare_with(low, high, reference_as_of(quantity, published)),
        now=compare_with(low, high, quantity.current()),
    )


def no_reference_reason(quantity: Quantity) -> str:
    """Why a quantity has no value to check against, in words for readers.

    >>> no_reference_reason(load_references().quantities["foreign_ngos"])
    'no source found'
    """
    statuses = {v.status for v in quantity.values}
    if "claim" in statuses:
        return "only an unverified claim to compare with"
    if "not_found" in statuses:
        return "no source found"
    if "context" in statuses:
        return "no comparable figure found"
    return "no reference"


def describe_verdict(verdict: FigureVerdict, unit: str = "") -> str:
    """The verdict in words, the day's value first, then what changed.

    >>> injured = load_references().quantities["police_injured"]
    >>> describe_verdict(verdict_as_of(317, 317, injured, dt.date(2022, 1, 5)))
    'matches the figure known on its date (317, SF-01); later revised: 3,037 (IN-05)'
    """
    then, now = verdict.then, verdict.now
    words = {
        MATCHES: "matches",
        CONSISTENT: "consistent with, but not confirmed by,",
        BELOW: "below",
        ABOVE: "above",
    }
    if then.reference is None:
        if now.reference is None:
            return "no reference value"
        return (
            f"no reference value by its date; {words[now.agreement]} the later value "
            f"{_cite(now.reference, unit)}"
        )
    text = f"{words[then.agreement]} the figure known on its date {_cite(then.reference, unit)}"
    if verdict.revised:
        text += f"; later revised: {_value_and_ref(now.reference, unit)}"
    return text


#: How a verdict reads when the ledger gives nothing to compare with: verb phrases, like those of
#: :func:`describe_verdict`, so that "the figure {verdict}" reads right whichever one is printed.
NO_REFERENCE_PHRASES = {
    "only an unverified claim to compare with": "can be set only against an unverified claim",
    "no source found": "has no source to check it against",
    "no comparable figure found": "has no value for the same count in the ledger",
    "no reference": "has no reference value",
}
#: How an annotated factual issue's verdict reads after "it".
ISSUE_VERDICT_PHRASES = {
    "contradicted": "is contradicted by the references",
    "imprecise": "is imprecise against the references",
    "unsupported": "is not supported by the references",
    "unverified": "could not be verified",
}


def verdict_in_words(
    verdict: FigureVerdict, quantity: Quantity, issue: FactualIssue | None = None
) -> str:
    """What the book prints as a figure's verdict, a verb phrase: :func:`describe_verdict`, or,
    when the quantity has no value to compare with at all, why not (:data:`NO_REFERENCE_PHRASES`)
    followed by what the figure's annotated factual ``issue`` found, if it has one
    (:func:`issue_about`).

    The ledger table, the figure comparer, the pages' prose and the quizzes all print a figure's
    verdict through this function, so a page cannot word a verdict its data does not give.

    >>> refs = load_references()
    >>> two_weeks = verdict_as_of(14, 14, refs.quantities["emergency_days"], dt.date(2022, 1, 8))
    >>> verdict_in_words(two_weeks, refs.quantities["emergency_days"])
    'matches the figure known on its date (14, GV-03)'
    >>> ngos = refs.quantities["foreign_ngos"]
    >>> verdict_in_words(verdict_as_of(16000, 16000, ngos, dt.date(2022, 1, 8)), ngos)
    'has no source to check it against'

    A count the ledger has no value for, whose annotation judges it all the same:

    >>> from medialit.corpus import figure_by_key, get_article
    >>> article, fig = get_article("001"), figure_by_key("police_injured_several_cities")
    >>> south = refs.quantities[fig.quantity]
    >>> verdict, issue = figure_verdict(fig, article.published, south), issue_about(article, fig)
    >>> print(verdict_in_words(verdict, south, issue))  # doctest: +NORMALIZE_WHITESPACE
    has no value for the same count in the ledger; it is imprecise against the references (SF-07,
    SF-01, SF-03, MS-07, SF-08)
    """
    if verdict.then.reference is not None or verdict.now.reference is not None:
        return describe_verdict(verdict, quantity.unit)
    words = NO_REFERENCE_PHRASES[no_reference_reason(quantity)]
    if issue is not None and issue.verdict != "unverified":
        # "could not be verified" would repeat "no source"; any other finding adds to it.
        cited = f" ({', '.join(issue.references)})" if issue.references else ""
        words += f"; it {ISSUE_VERDICT_PHRASES[issue.verdict]}{cited}"
    return words


def issue_about(article: Article, fig: AnnotatedFigure) -> FactualIssue | None:
    """The factual issue annotated on the stretch of text that holds ``fig`` (the shortest, when
    several do), or None.

    >>> from medialit.corpus import figure_by_key, get_article
    >>> issue_about(get_article("001"), figure_by_key("police_injured_several_cities")).verdict
    'imprecise'
    >>> issue_about(get_article("002"), figure_by_key("police_injured_317")) is None
    True
    """
    covering = [
        issue
        for issue in article.issues
        if issue.span.start <= fig.span.start and fig.span.end <= issue.span.end
    ]
    return min(covering, key=lambda i: i.span.end - i.span.start, default=None)


@dataclass(frozen=True)
class VerdictMarks:
    """A verdict in marks short enough for a chart's cell, from :func:`verdict_as_of`.

    ``then`` judges the figure against the reference value known on the article's date:
    ``"✓"`` it matches, ``"≈"`` consistent with it but not confirmed by it, a signed
    percentage (``"−58%"``) how far it lies outside it; empty when no value was known then.
    ``later`` is the same mark against the latest value, given only when it says something
    else than ``then`` (a revision, or a value published only after the article).
    """

    then: str
    later: str = ""

    @property
    def text(self) -> str:
        """Both marks in words for a cell: "✓", "≈ then, ✓ later", "no value then, ✓ later".

        >>> VerdictMarks("✓").text, VerdictMarks("✓", "−90%").text
        ('✓', '✓ then, −90% later')
        """
        if not self.later:
            return self.then
        return f"{self.then or 'no value'} then, {self.later} later"


def verdict_marks(verdict: FigureVerdict) -> VerdictMarks:
    """The marks of a verdict (:class:`VerdictMarks`): the day's verdict, then what changed.

    A figure that matches only a value published after the article is not marked as matching:
    "more than $100 million" (8 January 2022) was consistent with the "more than $80 million"
    known then, and only a 2023 source gives more than $100 million.

    >>> funding = load_references().quantities["osf_funding"]
    >>> verdict_marks(verdict_as_of(100e6, float("inf"), funding, dt.date(2022, 1, 8))).text
    '≈ then, ✓ later'
    >>> injured = load_references().quantities["police_injured"]
    >>> verdict_marks(verdict_as_of(317, 317, injured, dt.date(2022, 1, 5)))
    VerdictMarks(then='✓', later='−90%')
    """
    then = _mark(verdict.then)
    now = _mark(verdict.now)
    changed = verdict.revised or (verdict.then.reference is None)
    return VerdictMarks(then, now if changed and now != then else "")


def _mark(comparison: Comparison) -> str:
    if comparison.agreement == MATCHES:
        return "✓"
    if comparison.agreement == CONSISTENT:
        return "≈"
    if comparison.agreement in (BELOW, ABOVE):
        return format_change(comparison.distance)
    return ""


def _value_and_ref(value: ReferenceValue, unit: str) -> str:
    return f"{describe_reference(value, unit)} ({value.ref})"


def _cite(value: ReferenceValue, unit: str) -> str:
    return f"({describe_reference(value, unit)}, {value.ref})"


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
    verdict: FigureVerdict
    note: str = ""

    @property
    def status(self) -> str:
        """One of :data:`STATUSES`: the agreement with the current value, or ``matched_then``
        when the figure agreed only with the value of its day."""
        now, then = self.verdict.now.agreement, self.verdict.then.agreement
        if now in (BELOW, ABOVE) and then in (MATCHES, CONSISTENT):
            return MATCHED_THEN
        return now

    @property
    def relative_distance(self) -> float | None:
        """How far the figure lies from the current reference value (:func:`relative_distance`)."""
        return self.verdict.now.distance

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

    Values are listed in the order they were published, so of two values of the same day the
    one listed later counts as the later (95 police injured on the morning of 5 January, 317
    that evening).

    >>> deaths = load_references().quantities["deaths"]
    >>> reference_as_of(deaths, dt.date(2022, 1, 10)).ref   # 164 was retracted
    'DT-01'
    >>> reference_as_of(deaths, dt.date(2022, 1, 20)).value
    225
    >>> reference_as_of(load_references().quantities["police_injured"], dt.date(2022, 1, 5)).value
    317
    """
    usable = [
        (position, v)
        for position, v in enumerate(quantity.values)
        if v.as_of is not None
        and v.as_of <= day
        and v.status in ("current", "interim")
        and reference_point(v) is not None
    ]
    if not usable:
        return None
    return max(usable, key=lambda item: (item[1].as_of, item[0]))[1]


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


def figure_verdict(fig: AnnotatedFigure, published: dt.date, quantity: Quantity) -> FigureVerdict:
    """The verdict of an annotated figure published on ``published`` (:func:`verdict_as_of`).

    >>> from medialit.corpus import figure_by_key
    >>> refs = load_references()
    >>> fig = figure_by_key("police_injured_317")
    >>> verdict = figure_verdict(fig, dt.date(2022, 1, 5), refs.quantities["police_injured"])
    >>> verdict.then.reference.ref, verdict.now.reference.ref
    ('SF-01', 'IN-05')
    """
    low, high = reported_interval(fig.value, fig.low, fig.high, fig.qualifier)
    return verdict_as_of(low, high, quantity, published)


def _ledger_row(article: Article, fig, quantity: Quantity) -> LedgerRow:
    low, high = reported_interval(fig.value, fig.low, fig.high, fig.qualifier)
    verdict = figure_verdict(fig, article.published, quantity)
    current, then_ref = verdict.now.reference, verdict.then.reference
    now = reference_interval(current) if current else None
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
        verdict=verdict,
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


def describe_reference(value: ReferenceValue, unit: str = "") -> str:
    """A reference value in words: "238", "under 50", "more than 1,300", "50 to 60".

    >>> deaths = load_references().quantities["deaths"]
    >>> [describe_reference(v) for v in deaths.values][:2]
    ['under 50', '164']
    """
    return format_amount(value.value, value.low, value.high, value.qualifier, unit)


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


def timeline_events(story: Story | None = None) -> list[KeyEvent]:
    """The key events of the story (``seeds/story.yaml``), dated by their references.

    >>> events = timeline_events()
    >>> events[0].label, events[0].day.isoformat()
    ('Protests begin in Zhanaozen', '2022-01-02')
    """
    return list((load_story() if story is None else story).events)


# --------------------------------------------------------------------------- one statement, 5 ways


@dataclass(frozen=True)
class StatementRendering:
    """The sentence in which one article renders a statement (``text`` empty when it has none),
    and the statement's keywords found in it."""

    article_id: str
    outlet: str
    text: str
    start: int
    matched: tuple[str, ...]


def statement_renderings(
    statement: Statement | str,
    articles: Sequence[Article] | None = None,
    story: Story | None = None,
) -> list[StatementRendering]:
    """For each article, the sentence its annotations anchor as rendering ``statement``.

    >>> found = statement_renderings("tokayev_terrorists")
    >>> [r.article_id for r in found]
    ['000', '001', '002', '003', '004']
    >>> "abroad" in found[4].text
    True
    """
    if isinstance(statement, str):
        statement = (load_story() if story is None else story).statement(statement)
    articles = load_corpus() if articles is None else articles
    result = []
    for a in articles:
        span = next((r.span for r in a.renderings if r.statement == statement.key), None)
        if span is None:
            result.append(StatementRendering(a.id, a.outlet_short, "", -1, ()))
            continue
        lowered = span.text.lower()
        matched = tuple(k for k in statement.keywords if k in lowered)
        result.append(StatementRendering(a.id, a.outlet_short, span.text, span.start, matched))
    return result


# An opening mark, then anything but a mark, then a closing one: the articles' reposts also close
# with an opening mark (“...“), which still marks the words as quoted.
QUOTED_PASSAGE = re.compile(r"[“\"«][^“”\"«»\n]*[”“\"»]")


@dataclass(frozen=True)
class Quotation:
    """How a stretch of an article gives someone's words, read from its quotation marks: the
    passages in quotation marks that overlap it, and how many of its words they hold."""

    passages: tuple[str, ...]
    quoted_words: int
    words: int

    @property
    def kind(self) -> str:
        """``direct quote`` when every word is inside quotation marks, ``partly quoted`` when
        some are, ``paraphrase`` when none is."""
        if self.words and self.quoted_words == self.words:
            return "direct quote"
        return "partly quoted" if self.quoted_words else "paraphrase"


def quotation_in(text: str, start: int, end: int) -> Quotation:
    """How ``text[start:end]`` quotes: computed from the quotation marks of the article text
    (pairs of double quotation marks within one paragraph), never assumed from an annotation.

    >>> text = 'He said the groups “received training abroad”, and called them gangs.'
    >>> quotation_in(text, 8, 45).kind, quotation_in(text, 8, 45).passages
    ('partly quoted', ('“received training abroad”',))
    >>> quotation_in(text, 20, 44).kind, quotation_in(text, 51, 68).kind
    ('direct quote', 'paraphrase')
    """
    regions = [
        m.span() for m in QUOTED_PASSAGE.finditer(text) if m.start() < end and start < m.end()
    ]
    words = [m.start() + start for m in WORDS.finditer(text[start:end])]
    quoted = sum(any(a < w < b for a, b in regions) for w in words)
    return Quotation(tuple(text[a:b] for a, b in regions), quoted, len(words))


def words_unique_to(
    rendering: StatementRendering, others: Iterable[StatementRendering]
) -> set[str]:
    """Content words of ``rendering`` that no other rendering uses: where an outlet departs.

    Lower-cased; function words ("the", "was", "he"...) and numbers are left out.

    >>> a = StatementRendering("1", "A", "the terrorist gangs were trained abroad", 0, ())
    >>> b = StatementRendering("2", "B", "terrorist groups trained abroad", 0, ())
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
