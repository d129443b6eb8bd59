"""The figure ledger and the per-outlet comparisons, checked against the annotations.

The regression tests pin figures from the annotation files as committed (seeds/annotations,
first full passes and second passes of 21 Nov 2026): a change there must be deliberate.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import Counter

import pytest

from medialit import compare
from medialit.corpus import ReferenceValue, load_corpus, load_references, load_story
from medialit.schema import TERM_CATEGORIES


@pytest.fixture(scope="module")
def articles():
    return load_corpus()


@pytest.fixture(scope="module")
def refs():
    return load_references()


@pytest.fixture(scope="module")
def ledger(articles, refs):
    return compare.figure_ledger(articles, refs)


def _row(ledger, article_id, quantity):
    rows = [r for r in ledger if r.article_id == article_id and r.quantity == quantity]
    assert rows, f"no ledger row for article {article_id}, quantity {quantity}"
    return rows[0]


# --------------------------------------------------------------------------- intervals


@pytest.mark.parametrize(
    ("value", "low", "high", "qualifier", "expected"),
    [
        (317, None, None, "exact", (317, 317)),
        (None, 24, 99, "vague", (24, 99)),
        (100, None, None, "more_than", (100, math.inf)),
        (15, None, None, "at_least", (15, math.inf)),
        (None, None, 50, "less_than", (0, 50)),
        (2500, None, None, "approx", (2250, 2750)),
        (None, 3, None, "vague", (3, math.inf)),
    ],
)
def test_reported_interval(value, low, high, qualifier, expected):
    assert compare.reported_interval(value, low, high, qualifier) == pytest.approx(expected)


def test_reported_interval_refuses_a_figure_without_numbers():
    with pytest.raises(ValueError, match="value or bounds"):
        compare.reported_interval(None, None, None, "exact")


@pytest.mark.parametrize(
    ("low", "high", "reference", "expected"),
    [
        (317, 317, (3393, 3393), (317 - 3393) / 3393),
        (24, 99, (238, 238), (99 - 238) / 238),
        (100, math.inf, (45, 45), (100 - 45) / 45),
        (200, 300, (238, 238), 0.0),
        (1.8, 2.2, (2.0, 2.4), 0.0),
        (5, 5, None, None),
    ],
)
def test_relative_distance(low, high, reference, expected):
    result = compare.relative_distance(low, high, reference)
    assert result == (None if expected is None else pytest.approx(expected))


def test_reference_as_of_skips_retracted_values(refs):
    deaths = refs.quantities["deaths"]
    # On 10 January the 164 of the 9th had been posted and retracted: the usable one is <50.
    assert compare.reference_as_of(deaths, dt.date(2022, 1, 10)).ref == "DT-01"
    assert compare.reference_as_of(deaths, dt.date(2022, 1, 16)).value == 225
    assert compare.reference_as_of(deaths, dt.date(2021, 12, 1)) is None


def test_reference_point_of_a_range():
    value = ReferenceValue("LP-01", None, 50, 60, "range", dt.date(2021, 12, 31), "context")
    assert compare.reference_point(value) == 55


# --------------------------------------------------------------------------- the ledger


def test_ledger_holds_every_figure_with_a_quantity(articles, ledger):
    expected = [
        (a.id, f.span.text)
        for a in articles
        for f in sorted(a.figures, key=lambda f: f.span.start)
        if f.quantity and not isinstance(f.value, str)
    ]
    assert [(r.article_id, r.quote) for r in ledger] == expected


def test_ledger_rows_carry_the_current_reference(ledger, refs):
    for row in ledger:
        current = refs.quantities[row.quantity].current()
        if current is None or compare.reference_point(current) is None:
            assert row.status == compare.NO_REFERENCE and row.relative_distance is None
        else:
            assert row.reference == compare.reference_point(current)
            assert row.reference_ref == current.ref


def test_status_agrees_with_distance(ledger):
    for row in ledger:
        if row.status == compare.MATCHES:
            assert row.relative_distance == 0
        elif row.status == compare.BELOW:
            assert row.relative_distance < 0
        elif row.status == compare.ABOVE:
            assert row.relative_distance > 0


def test_pinned_police_figures(ledger):
    """Vision Times (5 Jan): eight police killed, 317 injured, right for the day, far off now.

    The latest count of injured police and servicemen found is 3,037 (January 2023, IN-05).
    """
    injured = _row(ledger, "002", "police_injured")
    assert (injured.quote, injured.value, injured.reference) == ("317", 317, 3037)
    assert injured.status == compare.MATCHED_THEN
    assert injured.reference_then == 317
    assert injured.relative_distance == pytest.approx((317 - 3037) / 3037)
    killed = _row(ledger, "002", "security_deaths")
    assert (killed.quote, killed.value, killed.reference, killed.reference_then) == (
        "eight",
        8,
        19,
        8,
    )


def test_pinned_death_toll(ledger):
    """Revolution Report (10 Jan): "Dozens" killed, 24 to 99, against 238 now."""
    dozens = _row(ledger, "000", "deaths")
    assert (dozens.quote, dozens.low, dozens.high) == ("Dozens", 24, 99)
    assert dozens.reference == 238 and dozens.reference_ref == "DT-08"
    assert dozens.relative_distance == pytest.approx((99 - 238) / 238)


def test_pinned_vague_and_open_figures(ledger):
    beaten = {r.article_id: r for r in ledger if r.quantity == "civilians_beaten"}
    assert set(beaten) == {"001", "004"}
    assert (beaten["004"].quote, beaten["004"].low, beaten["004"].high) == (
        "more than 500",
        500,
        math.inf,
    )
    south = _row(ledger, "001", "police_injured_south")
    assert (south.quote, south.low, south.high) == ("over 100", 100, math.inf)


def test_reported_quantities_puts_the_widely_reported_first(ledger):
    order = compare.reported_quantities(ledger)
    outlets = Counter()
    for key in {r.quantity for r in ledger}:
        outlets[key] = len({r.article_id for r in ledger if r.quantity == key})
    assert sorted(order) == sorted(outlets)
    assert [outlets[k] for k in order] == sorted(outlets.values(), reverse=True)


# --------------------------------------------------------------------------- words and sources


def test_label_counts_add_up_to_the_annotations(articles):
    for target in ("participants", "foreign_troops"):
        counts = compare.label_counts(articles, target)
        for a in articles:
            assert sum(counts[a.id].values()) == sum(1 for x in a.labels if x.refers_to == target)


def test_attribution_profile_counts_every_attribution(articles):
    profile = compare.attribution_profile(articles)
    shares = compare.source_group_shares(profile)
    for a in articles:
        assert sum(profile[a.id].values()) == len(a.attributions)
        vague = sum(1 for x in a.attributions if x.source_type == "vague")
        if a.attributions:
            assert shares[a.id]["vague or anonymous"] == pytest.approx(vague / len(a.attributions))
            assert sum(shares[a.id].values()) == pytest.approx(1)


def test_loaded_term_density_is_per_thousand_words(articles):
    density = compare.loaded_term_density(articles)
    for a in articles:
        assert set(density[a.id]) == set(TERM_CATEGORIES)
        total = sum(density[a.id].values())
        assert total == pytest.approx(1000 * len(a.loaded_terms) / a.word_count)


def test_timeline_events_are_dated_by_their_references(refs):
    events = compare.timeline_events()
    assert [e.day for e in events] == sorted(e.day for e in events)
    by_ref = {e.ref: e.day for e in events}
    assert by_ref["MS-09"] == dt.date(2022, 1, 2)
    assert by_ref["DT-08"] == dt.date(2022, 8, 16)
    assert all(e.day == dt.date.fromisoformat(refs.entries[e.ref].as_of[:10]) for e in events)


# --------------------------------------------------------------------------- statements


def test_each_rendering_is_a_sentence_of_its_article(articles):
    for statement in load_story().statements:
        for article, rendering in zip(
            articles, compare.statement_renderings(statement, articles), strict=True
        ):
            if rendering.text:
                end = rendering.start + len(rendering.text)
                assert article.text[rendering.start : end] == rendering.text


def test_tokayev_statement_found_in_every_outlet(articles):
    renderings = compare.statement_renderings("tokayev_terrorists", articles)
    assert all(r.text for r in renderings)
    assert "training abroad" in renderings[4].text  # 004: "received extensive training abroad"
    assert "terrorist" in renderings[2].text  # 002: "condemned the protests as terrorist action"


def test_unknown_statement_is_named():
    with pytest.raises(KeyError, match="no statement 'nope'"):
        compare.statement_renderings("nope")


def test_comparison_order_puts_checked_quantities_first(ledger):
    order = compare.comparison_order(ledger)
    checked = [key in {r.quantity for r in ledger if r.reference is not None} for key in order]
    assert checked == sorted(checked, reverse=True)
    assert sorted(order) == sorted(compare.reported_quantities(ledger))


# --------------------------------------------------------------------------- verdicts as of a date


def test_a_figure_revised_after_publication_is_judged_on_its_day(refs):
    """317 police injured on 5 January was the ministry's count; later counts were higher."""
    injured = refs.quantities["police_injured"]
    verdict = compare.verdict_as_of(317, 317, injured, dt.date(2022, 1, 5))
    assert (verdict.then.agreement, verdict.then.reference.ref) == (compare.MATCHES, "SF-01")
    assert (verdict.now.agreement, verdict.now.reference.ref) == (compare.BELOW, "IN-05")
    assert verdict.revised
    assert compare.describe_verdict(verdict).startswith("matches the figure known on its date")
    assert "later revised: 3,037 (IN-05)" in compare.describe_verdict(verdict)


def test_two_values_of_the_same_day_count_in_the_order_they_are_listed(refs):
    """95 injured on the morning of 5 January, 317 that evening: the later one is the day's."""
    injured = refs.quantities["police_injured"]
    morning, evening = injured.values[:2]
    assert morning.as_of == evening.as_of == dt.date(2022, 1, 5)
    assert compare.reference_as_of(injured, dt.date(2022, 1, 5)) == evening
    swapped = dataclasses.replace(injured, values=(evening, morning, *injured.values[2:]))
    assert compare.reference_as_of(swapped, dt.date(2022, 1, 5)) == morning


def test_a_later_total_does_not_confirm_an_earlier_claim(refs):
    """'More than $100 million' in January 2022: by then a source showed only > $80 million."""
    funding = refs.quantities["osf_funding"]
    verdict = compare.verdict_as_of(100e6, math.inf, funding, dt.date(2022, 1, 8))
    assert verdict.then.agreement == compare.CONSISTENT
    assert (verdict.then.reference.ref, verdict.then.reference.as_of) == (
        "SO-03",
        dt.date(2018, 6, 1),
    )
    assert verdict.now.reference.ref == "SO-04"
    words = compare.describe_verdict(verdict, "USD")
    assert words.startswith("consistent with, but not confirmed by, the figure known on its date")
    assert "more than $80 million" in words and "e+" not in words


def test_before_any_reference_value_there_is_nothing_to_match(refs):
    deaths = refs.quantities["deaths"]
    verdict = compare.verdict_as_of(10, 10, deaths, dt.date(2021, 12, 1))
    assert verdict.then == compare.Comparison(compare.NO_REFERENCE)
    assert compare.describe_verdict(verdict).startswith("no reference value by its date")


@pytest.mark.parametrize(
    ("quantity", "low", "high", "published", "marks", "text"),
    [
        # right on its day, revised since: 317 police injured (5 January), 3,037 later
        ("police_injured", 317, 317, "2022-01-05", ("✓", "\u221290%"), "✓ then, \u221290% later"),
        # only a later source confirms it: "more than $100 million" (8 January 2022)
        ("osf_funding", 100e6, math.inf, "2022-01-08", ("≈", "✓"), "≈ then, ✓ later"),
        # the same reference value then and now: nothing changed, so one mark
        ("deaths", 238, 238, "2022-09-01", ("✓", ""), "✓"),
        ("deaths", 100, 100, "2022-09-01", ("\u221258%", ""), "\u221258%"),
        # revised (225 -> 238), but a range holding both still matches: one mark
        ("deaths", 200, 250, "2022-01-20", ("✓", ""), "✓"),
        # published before any reference value
        ("deaths", 10, 10, "2021-12-01", ("", "\u221296%"), "no value then, \u221296% later"),
        # no reference value at all
        ("foreign_ngos", 5, 5, "2022-01-08", ("", ""), ""),
    ],
)
def test_verdict_marks(refs, quantity, low, high, published, marks, text):
    verdict = compare.verdict_as_of(
        low, high, refs.quantities[quantity], dt.date.fromisoformat(published)
    )
    got = compare.verdict_marks(verdict)
    assert (got.then, got.later) == marks
    assert got.text == text


def test_every_ledger_row_takes_its_verdict_from_verdict_as_of(ledger, articles, refs):
    published = {a.id: a.published for a in articles}
    for row in ledger:
        quantity = refs.quantities[row.quantity]
        expected = compare.verdict_as_of(row.low, row.high, quantity, published[row.article_id])
        assert row.verdict == expected


# --------------------------------------------------------------------------- verdicts in words


def test_a_verdict_with_nothing_to_compare_still_reads_as_a_verb_phrase(refs):
    """Pages print "the figure {verdict}": a noun phrase ("no comparable figure found") needed a
    template clause around it that contradicted the page (issue 5 of the review)."""
    for quantity in refs.quantities.values():
        verdict = compare.verdict_as_of(1, 1, quantity, dt.date(1900, 1, 1))
        if verdict.now.reference is None:
            words = compare.verdict_in_words(verdict, quantity)
            assert words.split()[0] in {"has", "can"}, words


def test_a_figure_the_ledger_cannot_check_keeps_its_annotated_finding(articles, refs):
    """Red Fire's "over 100 police injured": no value for the same count, judged imprecise."""
    red_fire = next(a for a in articles if a.id == "001")
    fig = next(f for f in red_fire.figures if f.key == "police_injured_several_cities")
    issue = compare.issue_about(red_fire, fig)
    assert issue is not None and issue.verdict == "imprecise"
    quantity = refs.quantities[fig.quantity]
    verdict = compare.figure_verdict(fig, red_fire.published, quantity)
    words = compare.verdict_in_words(verdict, quantity, issue)
    assert words.startswith("has no value for the same count in the ledger; it is imprecise")
    assert "(SF-07, SF-01, SF-03, MS-07, SF-08)" in words
    # An "unverified" finding would only repeat "no source": it is not added.
    unverified = dataclasses.replace(issue, verdict="unverified")
    assert compare.verdict_in_words(verdict, quantity, unverified) == (
        "has no value for the same count in the ledger"
    )


def test_a_verdict_against_a_reference_ignores_the_issue(articles, refs):
    red_fire = next(a for a in articles if a.id == "001")
    fig = next(f for f in red_fire.figures if f.key == "osf_funding_claim")
    quantity = refs.quantities[fig.quantity]
    verdict = compare.figure_verdict(fig, red_fire.published, quantity)
    issue = compare.issue_about(red_fire, fig)
    assert issue is not None
    assert compare.verdict_in_words(verdict, quantity, issue) == compare.describe_verdict(
        verdict, quantity.unit
    )


# --------------------------------------------------------------------------- quotation marks


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("“We will act,” he said.", "direct quote"),
        ('He said "we will act" firmly.', "partly quoted"),
        ("He said they would act.", "paraphrase"),
        ("“We will act with severity “, he said.", "direct quote"),  # a repost's closing mark
    ],
)
def test_quotation_is_read_from_the_quotation_marks(text, kind):
    end = text.index("act") + len("act")
    start = 0 if kind != "partly quoted" else text.index("said")
    assert compare.quotation_in(text, start, end).kind == kind


def test_no_annotation_calls_words_without_quotation_marks_direct(articles):
    wrong = [
        (a.id, att.cue.text, att.content.text[:60])
        for a in articles
        for att in a.attributions
        if att.direct
        and att.content
        and compare.quotation_in(a.text, att.content.start, att.content.end).kind == "paraphrase"
    ]
    assert not wrong
