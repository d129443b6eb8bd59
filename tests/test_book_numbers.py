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
    "deaths_ngo_date": "29 July 2022",
    "deaths_first_bound": "50",
    "security_deaths_final": "19",
    "security_deaths_first": "8",
    "injured_final": "4,353",
    "police_injured_latest": "3,037",
    "police_injured_latest_date": "5 January 2023",
    "police_injured_morning": "95",
    "police_injured_evening": "317",
    "police_injured_jan6": "748",
    "police_injured_jan15": "3,393",
    "police_injured_mar14": "about 3,500",
    "police_injured_shymkent": "45",
    "police_injured_taraz": "more than 200",
    "osf_funding_2015": "more than $70 million",
    "osf_funding_2018": "more than $80 million",
    "osf_funding_2023": "more than $100 million",
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
    "date_lpg_cap_ends": "1 January 2022",
    "date_government_resigns": "5 January",
    "date_csto_decision": "6 January",
    "date_shoot_to_kill": "7 January",
    "date_withdrawal_done": "19 January",
    "date_uzbekistan_suspended": "19 December 2012",
    "date_eu_suspends_sputnik": "2 March 2022",
    "n_references": "114",
    "n_articles": "5",
    "dozens_low": "24",
    "dozens_high": "99",
    "n_figures": "75",
    "n_attributions": "75",
    "n_loaded_terms": "143",
    "n_labels": "73",
    "n_issues": "62",
    "n_bylines": "2",
    "n_words": "4,062",
    "most_vague_outlet": "Red Fire",
    "most_vague_share": "37%",
    "published_000": "10 January 2022",
    "terms_000": "14",
    "terms_outlet_000": "10",
    "terms_quoted_000": "4",
    "terms_per_1000_000": "39",
    "words_000": "358",
    "vague_share_000": "0%",
    "published_001": "8 January 2022",
    "terms_001": "62",
    "terms_outlet_001": "59",
    "terms_quoted_001": "3",
    "footnote_markers_001": "12",
    "terms_per_1000_001": "58",
    "words_001": "1,070",
    "vague_share_001": "37%",
    "published_002": "5 January 2022",
    "terms_002": "8",
    "terms_outlet_002": "6",
    "terms_quoted_002": "2",
    "terms_per_1000_002": "9",
    "words_002": "869",
    "vague_share_002": "29%",
    "published_003": "8 January 2022",
    "terms_003": "28",
    "terms_outlet_003": "9",
    "terms_quoted_003": "19",
    "terms_per_1000_003": "37",
    "words_003": "757",
    "vague_share_003": "6%",
    "published_004": "5 January 2022",
    "terms_004": "31",
    "terms_outlet_004": "16",
    "terms_quoted_004": "15",
    "terms_per_1000_004": "31",
    "words_004": "1,008",
    "vague_share_004": "29%",
    "figure_dozens_dead": "24 to 99",
    "verdict_dozens_dead": (
        "consistent with, but not confirmed by, the figure known on its date (under 50, "
        "DT-01); later revised: 238 (DT-08)"
    ),
    "figure_osf_funding_claim": "more than $100 million",
    "verdict_osf_funding_claim": (
        "consistent with, but not confirmed by, the figure known on its date (more than "
        "$80 million, SO-03); later revised: more than $100 million (SO-04)"
    ),
    "figure_ngos_claimed": "about 16,000",
    "verdict_ngos_claimed": "no source found",
    "figure_police_injured_several_cities": "more than 100",
    "verdict_police_injured_several_cities": "no comparable figure found",
    "figure_emergency_two_weeks": "14",
    "verdict_emergency_two_weeks": "matches the figure known on its date (14, GV-03)",
    "figure_lpg_near_doubling": "about 2",
    "verdict_lpg_near_doubling": (
        "consistent with, but not confirmed by, the figure known on its date (2 to 2.4, LP-01)"
    ),
    "figure_zhanaozen_at_least_15": "at least 15",
    "verdict_zhanaozen_at_least_15": "matches the figure known on its date (16, ZH-02)",
    "figure_police_injured_317": "317",
    "verdict_police_injured_317": (
        "matches the figure known on its date (317, SF-01); later revised: 3,037 (IN-05)"
    ),
    "kaletaev_sum": "160",
    "kaletaev_terms": "53 + 30 + 77",
    "kaletaev_share_of_ngos": "1%",
    "ngos_claimed": "16,000",
    "alert_date": "16 December 2021",
    "alert_days_before": "23",
    "machine_fig_gold_002": "14",
    "machine_fig_found_002": "14",
    "machine_fig_extra_002": "0",
    "machine_term_gold_002": "8",
    "machine_term_found_002": "5",
    "machine_term_extra_002": "0",
    "n_questions": "63",
    "n_questions_practice": "21",
    "n_questions_graded": "28",
    "n_questions_lateral": "5",
    "n_questions_open": "6",
    "n_questions_extension": "3",
    "n_form_items": "20",
    "n_form_points": "23",
    "n_points_practice": "25",
    "n_points_graded": "81",
}


def test_lesson_numbers_are_pinned():
    assert lesson_numbers() == EXPECTED


def test_pages_use_only_defined_numbers():
    used = {key for page in BOOK.glob("*.md") for key in GLUE_ROLE.findall(page.read_text())}
    assert used, "no page uses a glued number: the pattern or the pages changed"
    assert used <= set(EXPECTED), sorted(used - set(EXPECTED))
