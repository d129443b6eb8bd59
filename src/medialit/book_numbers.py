"""Every number the book's prose prints, computed from the data in one place.

Lesson pages call :func:`glue_numbers` in a hidden cell and write ``{glue:md}`deaths_final```
in their text, so no figure is typed by hand: change a reference or an annotation and the
page changes with it. ``tests/test_book_numbers.py`` pins every value, so such a change is
seen, and checks that the pages use no key this module does not define.

Examples
--------
>>> numbers = lesson_numbers()
>>> numbers["deaths_final"], numbers["deaths_retracted"]
('238', '164')
>>> numbers["detained_final"]
'9,900'
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from medialit.compare import (
    SOURCE_GROUP_ORDER,
    attribution_profile,
    describe_reference,
    figure_verdict,
    issue_about,
    source_group_shares,
    verdict_in_words,
)
from medialit.corpus import (
    ENTRY_KEY_PREFIXES,
    AnnotatedFigure,
    Article,
    Quantity,
    References,
    ReferenceValue,
    load_corpus,
    load_references,
)
from medialit.dates import PartialDate, parse_partial_date
from medialit.formatting import (
    format_amount,
    format_date,
    format_number,
    format_share,
    format_times,
)

FOOTNOTE_MARKER = re.compile(r"\[\d+\]")


def keyed_values(refs: References) -> dict[str, tuple[Quantity, ReferenceValue]]:
    """The reference values a page prints by name: those with a ``key`` in ``references.yaml``.

    >>> quantity, value = keyed_values(load_references())["deaths_final"]
    >>> quantity.key, value.ref
    ('deaths', 'DT-08')
    """
    return {v.key: (q, v) for q in refs.quantities.values() for v in q.values if v.key}


def _keyed_value(refs: References, key: str) -> float:
    """The exact number of the reference value named ``key`` in the data."""
    _, value = keyed_values(refs)[key]
    if value.value is None:
        raise ValueError(f"reference value {key!r} has no exact value")
    return value.value


def reference_numbers(refs: References) -> dict[str, str]:
    """Figures and dates from the reference ledger, each named by a ``key`` in the data.

    A keyed quantity value prints as ``KEY`` (its value in words, as
    :func:`medialit.compare.describe_reference` gives it) and ``KEY_date`` (the date it was
    given, at the precision its source gives); a keyed ledger entry prints its date as its
    key's prefix asks (:func:`entry_date`). The code names no ledger entry: which value a page
    prints is a choice made in the data, so a changed example needs no code change.

    >>> numbers = reference_numbers(load_references())
    >>> numbers["police_injured_taraz"], numbers["detained_later_date"]
    ('more than 200', 'December 2022')
    """
    numbers = {}
    for key, (quantity, value) in keyed_values(refs).items():
        numbers[key] = describe_reference(value, quantity.unit)
        if value.as_of is not None:
            numbers[f"{key}_date"] = format_date(value.as_of)
    for entry in refs.entries.values():
        if entry.key:
            numbers[entry.key] = entry_date(entry.key, entry.as_of)
    numbers["n_references"] = format_number(len(refs.entries))
    return numbers


def entry_date(key: str, as_of: str) -> str:
    """The date of a ledger entry as its key asks: ``date_…`` in full, ``day_…`` without the
    year, ``month_…`` the month and year, ``year_…`` the year alone
    (:data:`medialit.corpus.ENTRY_KEY_PREFIXES`).

    >>> entry_date("date_x", "2022-01-02"), entry_date("day_x", "2022-01-05")
    ('2 January 2022', '5 January')
    >>> entry_date("month_x", "2022-09-16"), entry_date("year_x", "1983")
    ('September 2022', '1983')
    """
    date = parse_partial_date(as_of)
    if key.startswith("day_"):
        return format_date(date, year=False)
    if key.startswith("month_"):
        return format_date(PartialDate.of(date.year, date.month, precision="month"))
    if key.startswith("year_"):
        return format_number(date.year, "year")
    if key.startswith("date_"):
        return format_date(date)
    raise ValueError(f"entry key {key!r} must start with one of {', '.join(ENTRY_KEY_PREFIXES)}")


def _exact(refs: References, key: str) -> float:
    """The one exact value of a quantity that has only one."""
    values = [v.value for v in refs.quantities[key].values if v.value is not None]
    if len(values) != 1:
        raise ValueError(f"quantity {key!r} has {len(values)} exact values, not one")
    return values[0]


def denominator_numbers(refs: References) -> dict[str, str]:
    """The Numbers and charts page: shares, rates per 100,000, the categories of the dead,
    and what the misleading charts do to the kit's own figures.

    The per-capita rates divide deaths *in* a place by the people who *live* there (2021
    census): the page says so, because the dead were not all residents. The totals they start
    from are the keyed values the page names (``injured_final``, ``police_injured_jan15``,
    ``deaths_mar14``, ``detained_final``).
    """
    from medialit.charts import official_toll_values, truncated_floor

    injured_all = _keyed_value(refs, "injured_final")
    injured_security = _keyed_value(refs, "police_injured_jan15")
    population = _exact(refs, "population")
    almaty_population = _exact(refs, "population_almaty")
    total = _keyed_value(refs, "deaths_mar14")
    almaty = _exact(refs, "deaths_almaty")
    elsewhere = total - almaty
    rate_almaty = 100_000 * almaty / almaty_population
    rate_elsewhere = 100_000 * elsewhere / (population - almaty_population)
    categories = {
        "assailants_almaty": _exact(refs, "deaths_assailants_almaty"),
        "unestablished_almaty": _exact(refs, "deaths_unestablished_almaty"),
        "assailants_regions": _exact(refs, "deaths_assailants_regions"),
        "civilians_crossfire": _exact(refs, "deaths_civilians_crossfire"),
    }
    # The Prosecutor General's statement also counted the security dead, the ledger's final value.
    classified = sum(categories.values()) + _keyed_value(refs, "security_deaths_final")
    (ngo,) = refs.quantities["civilians_killed_ngo"].values
    toll = [v.value for v in official_toll_values()]
    floor = truncated_floor(toll)
    numbers = {key: format_number(value) for key, value in categories.items()}
    numbers |= {
        "injured_security_share": format_share(injured_security / injured_all),
        "population_2021": format_number(population),
        "population_almaty": format_number(almaty_population),
        "population_almaty_share": format_share(almaty_population / population),
        "deaths_almaty": format_number(almaty),
        "deaths_almaty_share": format_share(almaty / total),
        "deaths_elsewhere": format_number(elsewhere),
        "rate_almaty": format_number(round(rate_almaty, 1)),
        "rate_elsewhere": format_number(round(rate_elsewhere, 2)),
        "rate_ratio": format_number(round(rate_almaty / rate_elsewhere)),
        "count_ratio": format_number(round(almaty / elsewhere, 1)),
        "assailants_total": format_number(
            categories["assailants_almaty"] + categories["assailants_regions"]
        ),
        "classified_sum": format_number(classified),
        "classified_excess": format_number(classified - total),
        "civilians_crossfire_almaty": format_number(
            _exact(refs, "deaths_civilians_crossfire_almaty")
        ),
        "detained_per_10000": format_number(
            round(10_000 * _keyed_value(refs, "detained_final") / population)
        ),
        "civilians_ngo": format_amount(ngo.value, ngo.low, ngo.high, ngo.qualifier),
        "toll_rise_share": format_share((toll[-1] - toll[0]) / toll[0]),
        "toll_axis_floor": format_number(floor),
        "toll_bar_ratio": format_number(round((toll[-1] - floor) / (toll[0] - floor), 1)),
    }
    return numbers


def corpus_numbers(articles: list[Article]) -> dict[str, str]:
    """Counts over the five articles and their annotations."""
    by_id = {a.id: a for a in articles}
    shares = source_group_shares(attribution_profile(articles))
    vague = {i: s[SOURCE_GROUP_ORDER[-1]] for i, s in shares.items()}
    most_vague = max(vague, key=vague.get)
    _, dozens = _keyed(articles, "dozens_dead")
    (repeat_outlet, repeat_cue), repeat_count = _most_repeated_vague_cue(articles)
    numbers = {
        "n_articles": format_number(len(articles)),
        "dozens_low": format_number(dozens.low),
        "dozens_high": format_number(dozens.high),
        "n_figures": format_number(sum(len(a.figures) for a in articles)),
        "n_attributions": format_number(sum(len(a.attributions) for a in articles)),
        "n_loaded_terms": format_number(sum(len(a.loaded_terms) for a in articles)),
        "n_labels": format_number(sum(len(a.labels) for a in articles)),
        "n_issues": format_number(sum(len(a.issues) for a in articles)),
        "n_bylines": format_number(sum(a.byline is not None for a in articles)),
        "n_words": format_number(sum(a.word_count for a in articles)),
        "most_vague_outlet": by_id[most_vague].outlet_short,
        "most_vague_share": format_share(vague[most_vague]),
        "repeated_vague_outlet": repeat_outlet,
        "repeated_vague_cue": repeat_cue,
        "repeated_vague_times": format_times(repeat_count),
    }
    for a in articles:
        voices = Counter(t.voice for t in a.loaded_terms)
        numbers[f"published_{a.id}"] = format_date(a.published)
        numbers[f"terms_{a.id}"] = format_number(len(a.loaded_terms))
        numbers[f"terms_outlet_{a.id}"] = format_number(voices["outlet"])
        numbers[f"terms_quoted_{a.id}"] = format_number(voices["quoted"])
        # Only the texts whose provenance notes record footnote markers left without notes.
        if any(p.kind == "footnote_markers" for p in a.provenance):
            markers = FOOTNOTE_MARKER.findall(a.text)
            numbers[f"footnote_markers_{a.id}"] = format_number(len(markers))
        numbers[f"terms_per_1000_{a.id}"] = format_number(
            round(1000 * len(a.loaded_terms) / a.word_count)
        )
        numbers[f"words_{a.id}"] = format_number(a.word_count)
        numbers[f"vague_share_{a.id}"] = format_share(vague[a.id])
    return numbers


def _most_repeated_vague_cue(articles: list[Article]) -> tuple[tuple[str, str], int]:
    """The vague attribution an outlet repeats most, word for word: (outlet, cue) and a count."""
    cues = Counter(
        (a.outlet_short, att.cue.text)
        for a in articles
        for att in a.attributions
        if att.source_type == "vague"
    )
    return cues.most_common(1)[0]


def arithmetic_numbers(articles: list[Article]) -> dict[str, str]:
    """The arithmetic checks of the numeric-verification chapter, done on the data."""
    counts = [f.value for a in articles for f in a.figures if f.quantity == "kaletaev_counts"]
    _, ngos_claimed = _keyed(articles, "ngos_claimed")
    ngos = ngos_claimed.value
    # The date an article gives for the US Embassy's warning, and that article's own date.
    alerting, alert_figure = _keyed(articles, "us_alert_date")
    alert = alert_figure.value
    return {
        "kaletaev_sum": format_number(sum(counts)),
        "kaletaev_terms": " + ".join(format_number(c) for c in counts),
        "kaletaev_share_of_ngos": format_share(sum(counts) / ngos),
        "ngos_claimed": format_number(ngos),
        "alert_date": format_date(dt.date.fromisoformat(alert)),
        "alert_days_before": format_number(
            (alerting.published - dt.date.fromisoformat(alert)).days
        ),
    }


def figure_numbers(articles: list[Article], refs: References) -> dict[str, str]:
    """Each figure a page discusses by ``key``: what it says (``figure_KEY``) and, when it counts
    a reference quantity, its verdict as the book words it (``verdict_KEY``,
    :func:`medialit.compare.verdict_in_words`, with what the figure's annotated factual issue
    found when the ledger has nothing to compare it with), so no page types a verdict by hand."""
    numbers = {}
    for article in articles:
        for fig in article.figures:
            if fig.key is None or isinstance(fig.value, str):
                continue
            unit = "year" if fig.kind == "year" else fig.unit
            said = format_amount(fig.value, fig.low, fig.high, fig.qualifier, unit)
            numbers[f"figure_{fig.key}"] = said
            if fig.quantity is not None:
                quantity = refs.quantities[fig.quantity]
                verdict = figure_verdict(fig, article.published, quantity)
                issue = issue_about(article, fig)
                numbers[f"verdict_{fig.key}"] = verdict_in_words(verdict, quantity, issue)
    return numbers


def _keyed(articles: list[Article], key: str) -> tuple[Article, AnnotatedFigure]:
    """The article and the annotated figure whose ``key`` the pages discuss."""
    for article in articles:
        for fig in article.figures:
            if fig.key == key:
                return article, fig
    raise KeyError(f"no annotated figure has key {key!r}")


def machine_numbers(article: Article) -> dict[str, str]:
    """How many of an article's annotated figures and loaded terms the extractors find.

    A found item overlaps an annotated one; an extra one overlaps none. These are
    **development figures**: the five articles are where the rules were first written, so
    the pages say so and give :func:`accuracy_numbers` (texts never tuned on) beside them.
    """
    from medialit.extract import extract_figures, find_loaded_terms

    def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return a[0] < b[1] and b[0] < a[1]

    numbers = {}
    pairs = {
        "fig": (
            [(f.span.start, f.span.end) for f in article.figures],
            [(f.start, f.end) for f in extract_figures(article.text)],
        ),
        "term": (
            [(t.span.start, t.span.end) for t in article.loaded_terms],
            [(t.start, t.end) for t in find_loaded_terms(article.text)],
        ),
    }
    for name, (gold, found) in pairs.items():
        hits = sum(any(overlap(g, f) for f in found) for g in gold)
        extra = sum(not any(overlap(f, g) for g in gold) for f in found)
        numbers[f"machine_{name}_gold_{article.id}"] = format_number(len(gold))
        numbers[f"machine_{name}_found_{article.id}"] = format_number(hits)
        numbers[f"machine_{name}_extra_{article.id}"] = format_number(extra)
    return numbers


def accuracy_numbers(articles: list[Article]) -> dict[str, str]:
    """How often the extractors miss what a person marked, and list what a person did not: on
    the test split (texts they were never tuned on) and, for contrast, on the five articles their
    rules were first written on, as ``benchmarks/accuracy.py --record`` measured them (the figures
    the analysis report prints too)."""
    from medialit.report import measured_accuracy

    measured = measured_accuracy()
    numbers = {
        "test_texts": format_number(measured["texts"]),
        "test_measured_on": format_date(dt.date.fromisoformat(str(measured["measured"]))),
    }
    for where, rows in (("test", measured["rows"]), ("seeds", measured["seeds"]["rows"])):
        for name in ("figures", "attributions", "attribution_sources", "loaded_terms"):
            score = rows[name]["lenient"]
            numbers[f"{where}_{name}_annotated"] = format_number(score["annotated"])
            numbers[f"{where}_{name}_missed"] = format_share(1 - score["recall"])
            numbers[f"{where}_{name}_false_alarms"] = format_share(1 - score["precision"])
    return numbers


def exercise_numbers() -> dict[str, str]:
    """The size of the question bank: lessons and unit test, practice and graded, by points."""
    from medialit.exercises.bank import HAND_GRADED, QUESTIONS, forms, points_by_role
    from medialit.exercises.report import FEW_STUDENTS

    form_numbers = {nb.number for nb in forms().values()}
    lessons = [q for q in QUESTIONS.values() if q.chapter not in form_numbers]
    form_a = [q for q in QUESTIONS.values() if q.chapter == forms()["A"].number]
    auto = points_by_role()
    return {
        "n_questions": format_number(len(lessons)),
        "n_questions_practice": format_number(
            sum(q.role == "practice" and q.kind not in HAND_GRADED for q in lessons)
        ),
        "n_questions_graded": format_number(
            sum(q.role == "graded" and q.kind not in HAND_GRADED for q in lessons)
        ),
        "n_questions_lateral": format_number(sum(q.kind == "lateral" for q in lessons)),
        "n_questions_open": format_number(sum(q.kind == "open" for q in lessons)),
        "n_questions_extension": format_number(sum(q.role == "extension" for q in lessons)),
        "n_form_items": format_number(len(form_a)),
        "n_form_points": format_number(sum(q.points for q in form_a)),
        "n_form_minutes": format_number(unit_test_minutes()),
        "n_few_students": format_number(FEW_STUDENTS),
        "n_points_practice": format_number(auto["practice"]),
        "n_points_graded": format_number(auto["graded"]),
    }


def unit_test_minutes() -> int:
    """The minutes the lesson plans give a form of the unit test (the same for both forms).

    >>> unit_test_minutes()
    30
    """
    from medialit.lessons import load_unit

    minutes = {
        sum(step.minutes for step in lesson.plan if step.kind == "test")
        for lesson in load_unit().lessons
        if lesson.unit_test
    }
    if len(minutes) != 1:
        raise ValueError(f"the plans give the two forms different times: {sorted(minutes)}")
    return minutes.pop()


def unseen_numbers() -> dict[str, str]:
    """The unseen texts of the graded questions, counted from their profiles: how many, how many
    are about the unrest the book covers, and how many are careful reporting. Empty outside a
    checkout (the wheel leaves the instructors' texts out; the book builds from a checkout).
    """
    from medialit.corpus import load_texts
    from medialit.exercises.keys import repository_root
    from medialit.exercises.unseen import load_profiles

    folder = repository_root() / "unseen"
    if not (folder / "texts.yaml").is_file():
        return {}
    profiles = load_profiles(folder / "profiles.yaml", load_texts(folder / "texts.yaml")).values()
    return {
        "n_unseen_texts": format_number(len(profiles)),
        "n_unseen_on_the_unrest": format_number(sum(not p.transfer for p in profiles)),
        "n_unseen_careful": format_number(sum(p.reliability == "careful" for p in profiles)),
    }


def lesson_numbers() -> dict[str, str]:
    """All the numbers, keyed by the name the pages use, formatted as printed."""
    articles = load_corpus()
    refs = load_references()
    numbers = reference_numbers(refs)
    numbers |= denominator_numbers(refs)
    numbers |= corpus_numbers(articles)
    numbers |= figure_numbers(articles, refs)
    numbers |= arithmetic_numbers(articles)
    for article in articles:
        numbers |= machine_numbers(article)
    numbers |= accuracy_numbers(articles)
    numbers |= exercise_numbers()
    numbers |= unseen_numbers()
    return numbers


def glue_numbers() -> None:
    """Glue every number into the running notebook for ``{glue:md}`` (book pages only)."""
    from IPython.display import Markdown
    from myst_nb import glue

    for key, text in lesson_numbers().items():
        glue(key, Markdown(text), display=False)
