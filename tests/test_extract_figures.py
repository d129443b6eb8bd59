"""Unit tests for medialit.extract.figures: one case per rule, the exclusions, and properties."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit.extract.figures import Figure, extract_figures


def only(text: str) -> Figure:
    figures = extract_figures(text)
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


@pytest.mark.parametrize(
    ("text", "figure", "kind", "value", "qualifier"),
    [
        ("317 have been injured", "317", "count", 317, "exact"),
        ("some 16 000 foreign funded NGOs", "some 16 000", "count", 16000, "approx"),
        ("placing it at 22,000 instead", "22,000", "count", 22000, "exact"),
        ("with over 100 police injured", "over 100", "count", 100, "more_than"),
        ("at least six waves of attacks", "at least six", "count", 6, "at_least"),
        ("about a hundred offices", "about a hundred", "count", 100, "approx"),
        ("one hundred and twenty people", "one hundred and twenty", "count", 120, "exact"),
        ("funded to the tune of more than $100 million", "more than $100 million", "money",
         100_000_000, "more_than"),
        ("a loaf cost 120 tenge", "120 tenge", "money", 120, "exact"),
        ("with 70% of the funding", "70%", "percent", 70, "exact"),
        ("a 180-day moratorium", "180-day", "duration", 180, "exact"),
        ("a two-week state of emergency", "two-week", "duration", 2, "exact"),
        ("in just 30 minutes", "30 minutes", "duration", 30, "exact"),
        ("funded over 25 years", "25 years", "duration", 25, "exact"),
        ("a year and a half ago", "a year and a half", "duration", 1.5, "exact"),
        ("the worst in more than a decade", "more than a decade", "duration", 10, "more_than"),
        ("almost a month ago", "almost a month", "duration", 1, "approx"),
        ("against a near doubling in fuel prices", "near doubling", "ratio", 2, "approx"),
        ("the promise to cut prices in half", "in half", "ratio", 0.5, "exact"),
        ("the ninth-largest country", "ninth-largest", "rank", 9, "exact"),
        ("she won 2nd place", "2nd", "rank", 2, "exact"),
        ("some 16 000 000 voters", "some 16 000 000", "count", 16_000_000, "approx"),
        ("which collapsed in 1991.", "1991", "year", 1991, "exact"),
        ("© AFP 2023 / RUSLAN", "2023", "year", 2023, "exact"),
        ("Sputnik, 06.01.2022", "06.01.2022", "date", "2022-01-06", "exact"),
        ("08-01-2022: Never believe", "08-01-2022", "date", "2022-01-08", "exact"),
        ("posted 12/25/2021 online", "12/25/2021", "date", "2021-12-25", "exact"),
        ("on December 16, 2021 – the day", "December 16, 2021", "date", "2021-12-16", "exact"),
        ("on Tuesday 4 January 2022, progressing", "4 January 2022", "date", "2022-01-04",
         "exact"),
        ("published 2022-01-05 at noon", "2022-01-05", "date", "2022-01-05", "exact"),
        ("updated at 5.30 pm", "5.30 pm", "date", "T17:30", "exact"),
        ("the curfew starts at 23:00 sharp", "23:00", "date", "T23:00", "exact"),
    ],
)  # fmt: skip
def test_each_rule_finds_its_figure(text, figure, kind, value, qualifier):
    found = only(text)
    assert (found.text, found.kind, found.value, found.qualifier) == (
        figure,
        kind,
        value,
        qualifier,
    )
    assert text[found.start : found.end] == figure


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Dozens have died", 24, 99),
        ("ransacked hundreds of businesses", 200, 999),
        ("among a host of other buildings", 3, None),
        ("several thousand misguided combatants", 3000, 9999),
        ("hundreds of thousands of people", 200_000, 999_999),
        ("between 20 and 30 people", 20, 30),
    ],
)
def test_vague_and_ranges_get_bounds_not_a_value(text, low, high):
    found = only(text)
    assert (found.value, found.low, found.high) == (None, low, high)


def test_bounded_qualifiers_set_the_bound():
    assert (only("more than 500 cases").low, only("up to 300 people").high) == (500, 300)


def test_decade_words_become_a_range_of_years():
    found = only("in the late nineties he retired")
    assert (found.kind, found.low, found.high) == ("year", 1997, 1999)


def test_dates_without_a_year_take_the_year_of_the_dateline():
    text = "Jan 10, 2022\n\nOn January 5th, a series of events unfolded. On 6 January, more."
    values = [f.value for f in extract_figures(text)]
    assert values == ["2022-01-10", "2022-01-05", "2022-01-06"]


def test_a_date_without_any_year_in_the_text_is_partial_iso():
    assert only("On 6 January troops arrived").value == "--01-06"


def test_month_names_need_their_capital():
    assert [(f.text, f.kind) for f in extract_figures("they may 5 times refuse")] == [
        ("5", "count")
    ]
    assert [(f.text, f.kind) for f in extract_figures("5 may be enough")] == [("5", "count")]
    assert only("on May 5 they left").kind == "date"


def test_what_a_figure_counts_is_the_next_noun():
    assert only("eight police and national guard troops died").counts == "police"
    assert only("53 international organisations").counts == "international organisations"
    assert only("317 have been injured").counts == ""


@pytest.mark.parametrize(
    "text",
    [
        "as seen on the TV channel Ukraine 24.",  # a number inside a name
        "broadcast by Message 24",
        "the Covid-19 pandemic",
        "a claim without evidence[2] and more[10]",  # footnote markers
        "4 thoughts on “Kazakhstan”",  # a comment counter
        "Newsfeed\n0\nTo participate",  # a counter alone on its line
        "Jan 5\n0 0\n",  # two counters on a line (the date stays)
        "  1. excellent analysis",  # a list marker
        "call +7 701 123 4567 now",  # phone numbers
        "or dial 0800 123 4567 today",
        "Sputnik International, 1920, 06.01.2022",  # an image width (the date stays)
    ],
)
def test_page_furniture_is_not_a_figure(text):
    kinds = {f.kind for f in extract_figures(text)}
    assert kinds <= {"date"}, [f.text for f in extract_figures(text)]


@pytest.mark.parametrize(
    "text",
    [
        "for several days",
        "many people and numerous cities",
        "one can find the dirty fingerprints",
        "one of his addresses",
        "no one knows",
        "the first clash with police",
        "There is zero that is progressive",
        "a second wave of protests",
        "the double standards of the West",
        "test scores rose",
        "On Wednesday evening",
    ],
)
def test_words_that_are_not_figures(text):
    assert extract_figures(text) == []


def test_figures_serialise_to_json():
    data = [f.to_dict() for f in extract_figures("Rioters beat some 500 civilians on Jan. 5")]
    assert json.loads(json.dumps(data))[0]["value"] == 500


def test_non_text_input_is_a_type_error():
    with pytest.raises(TypeError, match="expects a str"):
        extract_figures(b"317 injured")


@pytest.mark.parametrize(
    "text",
    ["1 " * 20000, "“" * 20000, "January " * 5000, "[" * 20000, "9" * 50000, "more than " * 5000],
)
def test_repetitive_input_finishes_and_stays_consistent(text):
    for figure in extract_figures(text):
        assert text[figure.start : figure.end] == figure.text


_PIECES = st.sampled_from(
    ["5", "16 000", "1,250", "January", "Jan.", "2022", "more than", "$", "%", "dozens", "a",
     "year", "half", "[3]", "“", "”", " ", "\n", "-", ".", ",", "İ", "ß", "one", "of", "the",
     "Ukraine", "©", "early", "between", "and", "ninth-largest", "0"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=40).map(" ".join)))
def test_any_text_gives_spans_that_lie_inside_it_and_match(text):
    previous_end = 0
    for figure in extract_figures(text):
        assert 0 <= figure.start < figure.end <= len(text)
        assert text[figure.start : figure.end] == figure.text
        assert figure.start >= previous_end  # in reading order, never overlapping
        previous_end = figure.end


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=40).map(" ".join)))
def test_scanning_only_around_triggers_misses_nothing(text):
    # The rules run only near triggers (medialit.extract.scanning); a full scan must agree.
    from medialit.extract import figures
    from medialit.extract.scanning import lower_same_length

    lowered = lower_same_length(text)
    scanner = figures._SCANNER
    around_triggers = [(m.span(), m.lastgroup) for m in scanner.matches(lowered)]
    everywhere = [
        (m.span(), m.lastgroup) for m in scanner.rules.finditer(lowered) if m.end() > m.start()
    ]
    assert around_triggers == everywhere
