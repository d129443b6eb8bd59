"""Every number the book's prose prints, pinned: a change in the data shows up here."""

import re
from pathlib import Path

from medialit.book_numbers import lesson_numbers

BOOK = Path(__file__).resolve().parents[1] / "book"
GLUE_ROLE = re.compile(r"\{glue:(?:md|text|)\}`([A-Za-z0-9_]+)")

EXPECTED = {
    "deaths_final": "238",
    "deaths_final_date": "16 August 2022",
    "deaths_retracted": "164",
    "deaths_jan15": "225",
    "deaths_mar14": "230",
    "deaths_ngo": "241",
    "security_deaths_final": "19",
    "security_deaths_first": "8",
    "injured_final": "4,353",
    "police_injured_final": "3,393",
    "police_injured_first": "317",
    "police_injured_shymkent": "45",
    "detained_final": "9,900",
    "csto_troops": "2,030",
    "csto_troops_planned": "2,500",
    "csto_members": "6",
    "lpg_before": "50–60",
    "lpg_after": "120",
    "lpg_rise": "2–2.4",
    "price_freeze_days": "180",
    "emergency_days": "14",
    "zhanaozen_deaths": "16",
    "zhanaozen_deaths_first": "15",
    "ngos_registered": "37,000",
    "osf_since": "1995",
    "date_protests_begin": "2 January 2022",
    "date_government_resigns": "5 January",
    "date_csto_decision": "6 January",
    "date_shoot_to_kill": "7 January",
    "date_withdrawal_done": "19 January",
    "date_uzbekistan_suspended": "19 December 2012",
    "date_eu_suspends_sputnik": "2 March 2022",
    "n_references": "86",
    "n_articles": "5",
    "n_figures": "75",
    "n_attributions": "75",
    "n_loaded_terms": "143",
    "n_labels": "73",
    "n_issues": "53",
    "n_bylines": "2",
    "n_words": "4,062",
    "footnote_markers_001": "12",
    "most_vague_outlet": "Red Fire",
    "most_vague_share": "37%",
    "sputnik_terms_quoted": "19",
    "sputnik_terms_total": "28",
    "published_000": "10 January 2022",
    "terms_000": "14",
    "terms_outlet_000": "10",
    "terms_per_1000_000": "39",
    "words_000": "358",
    "vague_share_000": "0%",
    "published_001": "8 January 2022",
    "terms_001": "62",
    "terms_outlet_001": "59",
    "terms_per_1000_001": "58",
    "words_001": "1,070",
    "vague_share_001": "37%",
    "published_002": "5 January 2022",
    "terms_002": "8",
    "terms_outlet_002": "6",
    "terms_per_1000_002": "9",
    "words_002": "869",
    "vague_share_002": "29%",
    "published_003": "8 January 2022",
    "terms_003": "28",
    "terms_outlet_003": "9",
    "terms_per_1000_003": "37",
    "words_003": "757",
    "vague_share_003": "6%",
    "published_004": "5 January 2022",
    "terms_004": "31",
    "terms_outlet_004": "16",
    "terms_per_1000_004": "31",
    "words_004": "1,008",
    "vague_share_004": "29%",
    "kaletaev_sum": "160",
    "kaletaev_terms": "53 + 30 + 77",
    "kaletaev_share_of_ngos": "1%",
    "ngos_claimed": "16,000",
    "alert_date": "16 December 2021",
    "alert_days_before": "23",
}


def test_lesson_numbers_are_pinned():
    assert lesson_numbers() == EXPECTED


def test_pages_use_only_defined_numbers():
    used = {key for page in BOOK.glob("*.md") for key in GLUE_ROLE.findall(page.read_text())}
    assert used, "no page uses a glued number: the pattern or the pages changed"
    assert used <= set(EXPECTED), sorted(used - set(EXPECTED))
