"""Unit and property tests for medialit.formatting: the one number formatter."""

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medialit.formatting import (
    format_amount,
    format_change,
    format_date,
    format_number,
    format_share,
)

SCIENTIFIC = re.compile(r"\d[eE][+-]?\d")


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (1995, "year", "1995"),
        (1995.0, "year", "1995"),
        (9900, "", "9,900"),
        (16000.0, "people", "16,000"),
        (2.0, "times", "2"),
        (0.375, "", "0.38"),
        (7e7, "USD", "$70 million"),
        (1e8, "USD", "$100 million"),
        (1.25e9, "USD", "$1.25 billion"),
        (120, "USD", "$120"),
        (None, "", "–"),
    ],
)
def test_format_number(value, unit, expected):
    assert format_number(value, unit) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((None, 80e6, None, "more_than", "USD"), "more than $80 million"),
        ((None, 24, 99, "vague", "people"), "24 to 99"),
        ((2500, None, None, "approx", ""), "about 2,500"),
        ((15, None, None, "at_least", ""), "at least 15"),
        ((None, None, 50, "less_than", ""), "under 50"),
        ((None, None, None, "exact", ""), "not found"),
    ],
)
def test_format_amount_in_words(args, expected):
    assert format_amount(*args) == expected


@given(st.floats(min_value=-1e30, max_value=1e30, allow_nan=False), st.sampled_from(["", "USD"]))
def test_never_scientific_notation(x, unit):
    assert not SCIENTIFIC.search(format_number(x, unit))


@given(st.integers(min_value=1000, max_value=2999))
def test_years_have_no_separator(year):
    assert format_number(year, "year") == str(year)
    assert format_number(float(year), "year") == str(year)


@given(st.integers(min_value=0, max_value=10**12))
def test_counts_read_back_to_their_value(n):
    assert int(format_number(n).replace(",", "")) == n


def test_dates_and_shares():
    assert format_date(dt.date(2022, 1, 16)) == "16 January 2022"
    assert format_date(dt.date(2022, 1, 16), year=False) == "16 January"
    assert format_share(2 / 7) == "29%"


@pytest.mark.parametrize(
    ("fraction", "expected"),
    [
        (-0.584, "\u221258%"),
        (0.0823, "+8%"),
        (-0.896, "\u221290%"),
        (1.0, "+100%"),
        (2.5, "+250%"),
        (0.004, "0%"),
        (-0.004, "0%"),  # rounds to zero: no sign on nothing
        (0, "0%"),
    ],
)
def test_format_change_is_a_signed_whole_percentage_with_a_true_minus(fraction, expected):
    assert format_change(fraction) == expected
    assert "-" not in format_change(fraction)  # U+2212, never a hyphen


@given(st.floats(min_value=-1, max_value=10, allow_nan=False))
def test_format_change_reads_back_to_its_rounded_value(fraction):
    text = format_change(fraction)
    assert int(text.replace("\u2212", "-").rstrip("%")) == round(100 * fraction)


def test_a_date_prints_only_the_precision_its_source_gives():
    from medialit.dates import parse_partial_date

    assert format_date(parse_partial_date("2022-12")) == "December 2022"
    assert format_date(parse_partial_date("2012")) == "2012"
    assert format_date(parse_partial_date("2012"), year=False) == "2012"
    assert format_date(parse_partial_date("2022-12"), short=True) == "Dec 2022"
    assert format_date(parse_partial_date("2022-01-05"), year=False) == "5 January"


def test_an_as_of_in_the_data_is_printed_as_a_date_when_it_is_one():
    from medialit.formatting import format_as_of

    assert format_as_of("2022-12") == "December 2022"
    assert format_as_of("2022-01-07") == "7 January 2022"
    for text in ("current", "n/a", "2022-05 (reply to HRW)", "2022-01-07/13"):
        assert format_as_of(text) == text
