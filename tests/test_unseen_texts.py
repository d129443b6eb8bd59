"""The unseen texts: written for the kit, labelled, annotated, and their claims documented.

They are validated by the same loader as the articles; their profiles say what each is for and
list every checkable claim with its verdict and evidence. Where a graded key depends on a claim
or an annotation, the key and the data must agree.
"""

from __future__ import annotations

from collections import Counter

import pytest
from synthetic_class import solution_values

from medialit.corpus import CorpusError, load_texts
from medialit.exercises.build import repository_root
from medialit.exercises.unseen import load_profiles

FOLDER = repository_root() / "unseen"
TEXTS = load_texts(FOLDER / "texts.yaml")
PROFILES = load_profiles(FOLDER / "profiles.yaml", TEXTS)
NOTICE = "[Constructed for teaching by the medialit kit: not a real"


def test_there_are_enough_texts_of_the_right_size_each_labelled_as_constructed():
    assert len(TEXTS) >= 6
    for text in TEXTS:
        assert text.split == "unseen" and text.constructed, text.id
        assert 500 <= len(text.text) <= 2500, (text.id, len(text.text))
        assert text.text.startswith(NOTICE), text.id


def test_the_texts_cover_the_styles_students_meet_with_careful_reporting_and_transfer():
    styles = Counter(p.style for p in PROFILES.values())
    assert {"wire", "official_statement", "transcript", "machine_translation"} <= set(styles)
    assert styles["partisan"] + styles["state_media"] >= 2
    careful = [p for p in PROFILES.values() if p.reliability == "careful"]
    assert sum(p.style in ("wire", "local_news") for p in careful) >= 2
    assert sum(p.transfer for p in PROFILES.values()) >= 2
    real_transfer = [p for p in PROFILES.values() if p.transfer and "invented" not in p.event]
    assert real_transfer, "at least one transfer text about a real event (lateral reading)"


def test_every_claim_about_real_events_cites_the_ledger_and_every_invented_one_a_text():
    ids = {t.id for t in TEXTS}
    for profile in PROFILES.values():
        invented = "invented" in profile.event
        for claim in profile.claims:
            if invented:
                assert set(claim.evidence) <= ids, (profile.text.id, claim.span.text)
            else:
                assert not set(claim.evidence) & ids, (profile.text.id, claim.span.text)


def test_planted_errors_are_documented_and_never_supported():
    planted = [c for p in PROFILES.values() for c in p.claims if c.planted]
    assert len(planted) >= 15
    assert all(c.verdict != "supported" for c in planted)
    for profile in PROFILES.values():  # a careful report carries no planted error of its own
        if profile.reliability == "careful" and profile.style in ("wire", "local_news"):
            assert not [c for c in profile.claims if c.planted], profile.text.id


@pytest.mark.parametrize(
    "text", [t for t in TEXTS if "invented" not in PROFILES[t.id].event], ids=lambda t: t.id
)
def test_the_annotations_record_every_unsupported_claim_the_profile_lists(text):
    """For real events, the scheme's issues and the profile's claims say the same: each issue
    overlaps a claim with its verdict, and each claim that is not supported overlaps an issue."""
    issues = [i for i in text.issues if i.kind != "misspelling"]
    claims = [
        c
        for c in PROFILES[text.id].claims
        if c.verdict != "supported" and c.note != "A misspelt name."
    ]

    def overlap(a, b):
        return a.span.start < b.span.end and b.span.start < a.span.end and a.verdict == b.verdict

    assert all(any(overlap(i, c) for c in claims) for i in issues), text.id
    assert all(any(overlap(c, i) for i in issues) for c in claims), text.id


def test_a_profile_with_an_unknown_quote_or_verdict_is_refused(tmp_path):
    bad = tmp_path / "profiles.yaml"
    source = (FOLDER / "profiles.yaml").read_text(encoding="utf-8")
    bad.write_text(source.replace("'3,811 people had been detained", "'3,812 people"), "utf-8")
    with pytest.raises(CorpusError, match=r"texts.u01.claims\[0\]: field 'quote'"):
        load_profiles(bad, TEXTS)
    bad.write_text(source.replace("verdict: imprecise", "verdict: mostly true", 1), "utf-8")
    with pytest.raises(CorpusError, match="field 'verdict': 'mostly true'"):
        load_profiles(bad, TEXTS)
    twice = "verdict: imprecise\n        verdict: supported"
    bad.write_text(source.replace("verdict: imprecise", twice, 1), "utf-8")
    with pytest.raises(
        CorpusError,
        match=r"profiles\.yaml: texts\.u\d+\.claims\[\d+\]: field 'verdict': given twice",
    ):
        load_profiles(bad, TEXTS)


# --------------------------------------------------------------------------- keys agree with data

VALUES = solution_values("05-checking-claims") | solution_values("07-unit-test-form-a")
VALUES |= solution_values("08-unit-test-form-b") | solution_values("02-attribution")
VALUES |= solution_values("01-sourcing")

# Item of a graded verdict question -> (text, quote of the claim in its profile)
VERDICT_ITEMS = {
    ("answer_5_5", "u02: the government resigned on 5 January"): (
        "u02",
        "The government resigned on 5 January",
    ),
    ("answer_5_5", "u02: units from Uzbekistan joined the CSTO force"): (
        "u02",
        "units from Uzbekistan",
    ),
    ("answer_5_5", "u02: fuel prices tripled on New Year's Day"): (
        "u02",
        "fuel prices tripled overnight",
    ),
    ("answer_5_5", "u05 (the caller): twenty thousand bandits attacked Almaty"): (
        "u05",
        "twenty thousand bandits attacked Almaty",
    ),
    (
        "answer_5_5",
        "u05 (the caller): the president said that twenty thousand bandits attacked Almaty",
    ): ("u05", "The president said so himself yesterday"),
    ("answer_5_5", "u03: Sputnik is an independent news agency"): (
        "u03",
        "an independent international news agency",
    ),
    ("answer_5_5", "u03: the EU adopted the ban on RT and Sputnik on 1 March 2022"): (
        "u03",
        "On Tuesday the European Union adopted a ban on broadcasting by RT and Sputnik",
    ),
    ("answer_5_5", "u04: 99 000 people were detained"): ("u04", "detained 99 000 persons"),
    ("answer_7_18", "the new fares took effect on 1 March"): ("fa2", "On 1 March"),
    ("answer_7_18", "students and over-65s still pay 1 crown"): (
        "fa2",
        "Students and over-65s still pay 1 crown",
    ),
    ("answer_7_18", "the Authority doubled bus fares"): ("fa2", "doubled our bus fares"),
    ("answer_7_18", "tens of thousands marched"): (
        "fa2",
        "tens of thousands of us filled the streets",
    ),
    ("answer_8_18", "the new tariff is in force since 1 April"): ("fb2", "in force since 1 April"),
    ("answer_8_18", "families on the social tariff pay the same as before"): (
        "fb2",
        "Hard-working families on the social tariff will pay exactly the same as before",
    ),
    ("answer_8_18", "the price of water rose by 5%"): (
        "fb2",
        "a modest 5% adjustment in the price of water",
    ),
    ("answer_8_18", "a few hundred people protested"): ("fb2", "A few hundred troublemakers"),
}


@pytest.mark.parametrize(("item", "claim"), list(VERDICT_ITEMS.items()), ids=lambda x: str(x)[:40])
def test_graded_verdicts_are_the_verdicts_the_profiles_document(item, claim):
    variable, label = item
    text, quote = claim
    (found,) = [c for c in PROFILES[text].claims if c.span.text == quote]
    assert VALUES[variable][label] == found.verdict


def test_every_verdict_item_of_the_graded_questions_is_checked_above():
    covered = {item for item in VERDICT_ITEMS}
    for variable in ("answer_5_5", "answer_7_18", "answer_8_18"):
        assert {(variable, label) for label in VALUES[variable]} <= covered


def test_graded_source_types_are_those_of_the_annotations():
    texts = {t.id: t for t in TEXTS}
    by_cue = {
        "u02: It is an open secret in Almaty": ("u02", "It is an open secret in Almaty"),
        "u02: Sources close to the opposition say": ("u02", "say"),
        "u03: a senior European diplomat admitted privately": ("u03", "admitted privately"),
        "u04: Source: agencies": ("u04", "Source:"),
        "u01: Its secretary-general, Stanislav Zas, told the Russian state news agency Sputnik": (
            "u01",
            "told",
        ),
        "u01: NetBlocks, a group that monitors internet access, reported": ("u01", "reported"),
    }
    for label, (text, cue) in by_cue.items():
        found = {a.source_type for a in texts[text].attributions if a.cue.text == cue}
        assert VALUES["answer_2_6"][label] in found, label


def test_graded_traces_are_those_of_the_profile():
    traces = {t.span.text: t.kind for t in PROFILES["u04"].traces}
    answer = VALUES["answer_1_9"]
    assert answer["Views: 3 418   Comments: 0"] == traces["Views: 3 418   Comments: 0"]
    assert answer["Source: agencies"] == traces["Source: agencies"]
    assert answer["Peacekeepers of ODKB"] == traces["ODKB"]


def test_the_capstone_items_describe_the_extractors_as_they_are():
    """6.5 and 6.6 state what ``medialit analyze`` finds in u05 and u02. If the extractors
    improve, these statements become false: rewrite the items (and rebuild the keys)."""
    from medialit.extract.figures import extract_figures
    from medialit.extract.language import find_loaded_terms

    u05 = next(t.text for t in TEXTS if t.id == "u05")
    figures = [f.text for f in extract_figures(u05)]
    assert "a hundred" in figures and "eighty days" in figures
    assert "a hundred and eighty days" not in figures
    u02 = next(t.text for t in TEXTS if t.id == "u02")
    last = u02.index("This was never about terrorists")
    flagged = [t for t in find_loaded_terms(u02) if t.term == "terrorists" and t.start > last]
    assert flagged and flagged[0].category == "name_calling"
