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
        ("ranging in age from eleven to 75", 11, 75),
        ("costs between $5 and $7 billion", 5_000_000_000, 7_000_000_000),
        ("about 16–17 percent of trade", 16, 17),
        ("for decades", 20, 99),
    ],
)
def test_vague_and_ranges_get_bounds_not_a_value(text, low, high):
    found = only(text)
    assert (found.value, found.low, found.high) == (None, low, high)


@pytest.mark.parametrize(
    ("text", "figure", "kind", "value", "unit", "qualifier"),
    [
        ("roughly five miles (eight kilometers) away", "roughly five miles", "count", 5, "miles",
         "approx"),
        ("a 75 ft (~23 m) long boat", "~23 m", "count", 23, "m", "approx"),
        ("covering 160 square miles", "160 square miles", "count", 160, "square miles", "exact"),
        ("an earthquake of magnitude 6.3 struck", "magnitude 6.3", "count", 6.3, "magnitude",
         "exact"),
        ("a 5.3-magnitude quake", "5.3-magnitude", "count", 5.3, "magnitude", "exact"),
        ("a 21-year-old man", "21-year-old", "duration", 21, "years", "exact"),
        ("at 10:39 a.m. local time", "10:39 a.m.", "date", "T10:39", "time", "exact"),
        ("at 5 p.m. on Friday", "5 p.m.", "date", "T17:00", "time", "exact"),
        ("local time (1639 UTC)", "1639 UTC", "date", "T16:39", "time", "exact"),
        ("said in May that", "May", "date", "--05", "date", "exact"),
        ("in early September", "early September", "date", "--09", "date", "approx"),
        ("where four or more people died", "four or more", "count", 4, "", "at_least"),
        ("of the 55-member union", "55-member", "count", 55, "", "exact"),
        ("since the 1970s", "1970s", "year", None, "year", "vague"),
        ("While 54 nations signed", "54", "count", 54, "", "exact"),
    ],
)  # fmt: skip
def test_measures_times_ages_and_partial_dates(text, figure, kind, value, unit, qualifier):
    """The conventions of seeds/ANNOTATING.md for genres beyond the seeds."""
    found = next(f for f in extract_figures(text) if f.text == figure)
    assert (found.text, found.kind, found.value, found.unit, found.qualifier) == (
        figure,
        kind,
        value,
        unit,
        qualifier,
    )


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
        "Sputnik International, 1920, 06.01.2022",  # a picture's width (the date stays)
        "Agency, 640, 12/03/2019",
        "flight 1344 landed",  # designations
        "under resolution No. 1430/2019 the state",
        "open 24/7",
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


@pytest.mark.parametrize(
    ("text", "figure", "kind"),
    [
        ("the rally started around 18:00 local time", "around 18:00", "date"),
        ("I went to bed at 1 o'clock", "1 o'clock", "date"),
        ("on the scene within eight minutes", "within eight minutes", "duration"),
        ("at about four times the guideline", "about four times", "ratio"),
        ("one out of every thousand children", "one out of every thousand", "ratio"),
        ("when half the town was away", "half", "ratio"),
        ("a cost of one billion złotys", "one billion złotys", "money"),
        ("for a day or more", "a day or more", "duration"),
        ("after two consecutive days of tests", "two consecutive days", "duration"),
        ("visited by several tens of thousands of people", "several tens of thousands", "count"),
        ("a handful of clerks", "a handful of", "count"),
        ("Buttigieg came in second", "second", "rank"),
        ("as reported in mid-2019", "mid-2019", "year"),
        ("In the 2019/20 fiscal year", "2019/20", "year"),
        ("the biggest rally in a decade", "a decade", "duration"),
        ("by the end of January", "January", "date"),
        ("cases fell to almost zero", "almost zero", "count"),
        ("It struck around 7:38 pm IST on Sunday", "around 7:38 pm IST", "date"),
        ("The fire started some time after 3 a.m. local time", "after 3 a.m.", "date"),
        ("Support rose from 45% to 60% this year", "45% to 60%", "percent"),
        ("He tried four times to leave", "four times", "count"),
        ("All but one of the members signed", "All but one", "count"),
        ("Not even one bus came", "Not even one", "count"),
        ("A couple of shops closed", "A couple of", "count"),
        ("Losses were in the hundreds", "in the hundreds", "count"),
        ("It was the sixteenth death in the city", "sixteenth", "rank"),
        ("the June inspection found two faults", "June", "date"),
    ],
)
def test_more_conventions_of_the_annotation_guide(text, figure, kind):
    found = [(f.text, f.kind) for f in extract_figures(text)]
    assert (figure, kind) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "in the first half of this year",  # a period, not a ratio
        "the branch will save £180,000 a year",  # the rate is not a duration
        "the most deaths in a day",
        "aboard Marine One",  # a name
        "on one occasion, offering to leave",  # "once" is not counted
        "1. Unofficial results 2. Relative to seats 3. At dissolution",  # note markers
    ],
)
def test_not_these_figures(text):
    assert [f.kind for f in extract_figures(text)] in ([], ["money"]), extract_figures(text)


@pytest.mark.parametrize(
    ("text", "figure", "kind"),
    [
        ("a 5 percentage point rise", "5 percentage point", "percent"),
        ("raised $1.2m in a day", "$1.2m", "money"),
        ("a Category 5 hurricane", "Category 5", "rank"),
        ("in the 21st century", "21st century", "year"),
        ("the eleventh governor of the state", "eleventh", "rank"),
        ("a two-thirds majority", "two-thirds", "ratio"),
        ("the 2019–2020 season", "2019–2020", "year"),
    ],
)
def test_general_news_figures(text, figure, kind):
    assert [(f.text, f.kind) for f in extract_figures(text)] == [(figure, kind)]
