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

from medialit.compare import SOURCE_GROUP_ORDER, attribution_profile, source_group_shares
from medialit.corpus import Article, References, load_corpus, load_references

FOOTNOTE_MARKER = re.compile(r"\[\d+\]")


def number(x: float) -> str:
    """A number as the book prints it: thousands separated, no needless decimals.

    >>> number(9900), number(2.0), number(0.375), number(2.4), number(16000.0)
    ('9,900', '2', '0.38', '2.4', '16,000')
    """
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0")


def day(date: dt.date, *, year: bool = True) -> str:
    """A date as the book prints it.

    >>> day(dt.date(2022, 1, 5)), day(dt.date(2022, 1, 5), year=False)
    ('5 January 2022', '5 January')
    """
    text = f"{date.day} {date:%B}"
    return f"{text} {date.year}" if year else text


def percent(share: float) -> str:
    """A share as a whole percentage.

    >>> percent(0.2857)
    '29%'
    """
    return f"{round(100 * share)}%"


def _current(refs: References, key: str) -> float:
    value = refs.quantities[key].current()
    if value is None or value.value is None:
        raise ValueError(f"quantity {key!r} has no current value")
    return value.value


def _by_status(refs: References, key: str, status: str) -> list[float]:
    return [v.value for v in refs.quantities[key].values if v.status == status and v.value]


def _as_of(refs: References, ref_id: str) -> dt.date:
    return dt.date.fromisoformat(refs.entries[ref_id].as_of)


def reference_numbers(refs: References) -> dict[str, str]:
    """Figures and dates from the reference ledger."""
    lpg = refs.quantities["lpg_price"].values
    before = next(v for v in lpg if v.status == "context")
    rise = refs.quantities["lpg_price_rise"].current()
    interim_deaths = {v.ref: v.value for v in refs.quantities["deaths"].values}
    return {
        "deaths_final": number(_current(refs, "deaths")),
        "deaths_final_date": day(_as_of(refs, "DT-08")),
        "deaths_retracted": number(_by_status(refs, "deaths", "retracted")[0]),
        "deaths_jan15": number(interim_deaths["DT-03"]),
        "deaths_mar14": number(interim_deaths["DT-04"]),
        "deaths_ngo": number(interim_deaths["DT-09"]),
        "deaths_ngo_date": day(_as_of(refs, "DT-09")),
        "deaths_first_bound": number(refs.quantities["deaths"].values[0].high),
        "security_deaths_final": number(_current(refs, "security_deaths")),
        "security_deaths_first": number(refs.quantities["security_deaths"].values[0].value),
        "injured_final": number(_current(refs, "injured")),
        "police_injured_final": number(_current(refs, "police_injured")),
        "police_injured_first": number(refs.quantities["police_injured"].values[0].value),
        "police_injured_shymkent": number(_current_or_context(refs, "police_injured_south")),
        "detained_final": number(_current(refs, "detained")),
        "csto_troops": number(_current(refs, "csto_troops")),
        "csto_troops_planned": number(refs.quantities["csto_troops"].values[0].value),
        "csto_members": number(_current(refs, "csto_members")),
        "lpg_before": f"{number(before.low)}–{number(before.high)}",
        "lpg_after": number(refs.quantities["lpg_price"].values[1].value),
        "lpg_rise": f"{number(rise.low)}–{number(rise.high)}",
        "price_freeze_days": number(_current(refs, "price_freeze_days")),
        "emergency_days": number(_current(refs, "emergency_days")),
        "zhanaozen_deaths": number(_current(refs, "zhanaozen_2011_deaths")),
        "zhanaozen_deaths_first": number(refs.quantities["zhanaozen_2011_deaths"].values[0].value),
        "ngos_registered": number(refs.quantities["foreign_ngos"].values[0].low),
        "osf_since": str(int(_current(refs, "osf_since"))),
        "date_protests_begin": day(_as_of(refs, "MS-09")),
        "date_lpg_cap_ends": day(_as_of(refs, "LP-02")),
        "date_government_resigns": day(_as_of(refs, "GV-01"), year=False),
        "date_csto_decision": day(_as_of(refs, "CS-04"), year=False),
        "date_shoot_to_kill": day(_as_of(refs, "TK-01"), year=False),
        "date_withdrawal_done": day(_as_of(refs, "CS-10"), year=False),
        "date_uzbekistan_suspended": day(_as_of(refs, "CS-02")),
        "date_eu_suspends_sputnik": day(_as_of(refs, "OU-03")),
        "n_references": number(len(refs.entries)),
    }


def _current_or_context(refs: References, key: str) -> float:
    (value,) = [v.value for v in refs.quantities[key].values if v.value is not None]
    return value


def corpus_numbers(articles: list[Article]) -> dict[str, str]:
    """Counts over the five articles and their annotations."""
    by_id = {a.id: a for a in articles}
    shares = source_group_shares(attribution_profile(articles))
    vague = {i: s[SOURCE_GROUP_ORDER[-1]] for i, s in shares.items()}
    most_vague = max(vague, key=vague.get)
    red_fire = by_id["001"]
    dozens = next(f for f in by_id["000"].figures if f.span.text == "Dozens")
    sputnik_voices = Counter(t.voice for t in by_id["003"].loaded_terms)
    numbers = {
        "n_articles": number(len(articles)),
        "dozens_low": number(dozens.low),
        "dozens_high": number(dozens.high),
        "n_figures": number(sum(len(a.figures) for a in articles)),
        "n_attributions": number(sum(len(a.attributions) for a in articles)),
        "n_loaded_terms": number(sum(len(a.loaded_terms) for a in articles)),
        "n_labels": number(sum(len(a.labels) for a in articles)),
        "n_issues": number(sum(len(a.issues) for a in articles)),
        "n_bylines": number(sum(a.byline is not None for a in articles)),
        "n_words": number(sum(a.word_count for a in articles)),
        "footnote_markers_001": number(len(FOOTNOTE_MARKER.findall(red_fire.text))),
        "most_vague_outlet": by_id[most_vague].outlet_short,
        "most_vague_share": percent(vague[most_vague]),
        "sputnik_terms_quoted": number(sputnik_voices["quoted"]),
        "sputnik_terms_total": number(len(by_id["003"].loaded_terms)),
    }
    for a in articles:
        numbers[f"published_{a.id}"] = day(a.published)
        numbers[f"terms_{a.id}"] = number(len(a.loaded_terms))
        numbers[f"terms_outlet_{a.id}"] = number(sum(t.voice == "outlet" for t in a.loaded_terms))
        numbers[f"terms_per_1000_{a.id}"] = f"{1000 * len(a.loaded_terms) / a.word_count:.0f}"
        numbers[f"words_{a.id}"] = number(a.word_count)
        numbers[f"vague_share_{a.id}"] = percent(vague[a.id])
    return numbers


def arithmetic_numbers(articles: list[Article]) -> dict[str, str]:
    """The arithmetic checks of the numeric-verification chapter, done on the data."""
    red_fire = next(a for a in articles if a.id == "001")
    counts = [f.value for f in red_fire.figures if f.quantity == "kaletaev_counts"]
    ngos = next(f.value for f in red_fire.figures if f.span.text == "some 16 000")
    # The date the article gives for the US Embassy's warning.
    alert = next(f.value for f in red_fire.figures if f.span.text.startswith("December 16"))
    return {
        "kaletaev_sum": number(sum(counts)),
        "kaletaev_terms": " + ".join(number(c) for c in counts),
        "kaletaev_share_of_ngos": f"{100 * sum(counts) / ngos:.0f}%",
        "ngos_claimed": number(ngos),
        "alert_date": day(dt.date.fromisoformat(alert)),
        "alert_days_before": number((red_fire.published - dt.date.fromisoformat(alert)).days),
    }


def machine_numbers(article: Article) -> dict[str, str]:
    """How many of an article's annotated figures and loaded terms the extractors find.

    A found item overlaps an annotated one; an extra one overlaps none.
    """
    from medialit.extract.figures import extract_figures
    from medialit.extract.language import find_loaded_terms

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
        numbers[f"machine_{name}_gold_{article.id}"] = number(len(gold))
        numbers[f"machine_{name}_found_{article.id}"] = number(hits)
        numbers[f"machine_{name}_extra_{article.id}"] = number(extra)
    return numbers


def exercise_numbers() -> dict[str, str]:
    """The size of the question bank."""
    from medialit.exercises.bank import QUESTIONS

    auto = [q for q in QUESTIONS.values() if q.kind != "open"]
    return {
        "n_questions": number(len(QUESTIONS)),
        "n_questions_auto": number(len(auto)),
        "n_questions_open": number(len(QUESTIONS) - len(auto)),
        "n_points": number(sum(q.points for q in QUESTIONS.values())),
    }


def lesson_numbers() -> dict[str, str]:
    """All the numbers, keyed by the name the pages use, formatted as printed."""
    articles = load_corpus()
    numbers = reference_numbers(load_references())
    numbers |= corpus_numbers(articles)
    numbers |= arithmetic_numbers(articles)
    numbers |= machine_numbers(next(a for a in articles if a.id == "002"))
    numbers |= exercise_numbers()
    return numbers


def glue_numbers() -> None:
    """Glue every number into the running notebook for ``{glue:md}`` (book pages only)."""
    from IPython.display import Markdown
    from myst_nb import glue

    for key, text in lesson_numbers().items():
        glue(key, Markdown(text), display=False)
