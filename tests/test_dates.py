"""medialit.dates: a date keeps the precision its source gives, and sorts like any date."""

import datetime as dt

import pytest

from medialit.dates import PartialDate, parse_partial_date, precision_of


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("2022-01-05", dt.date(2022, 1, 5), "day"),
        ("2022-12", dt.date(2022, 12, 31), "month"),
        ("2024-02", dt.date(2024, 2, 29), "month"),
        ("2012", dt.date(2012, 12, 31), "year"),
    ],
)
def test_a_partial_date_stands_for_the_last_day_it_covers(text, expected, precision):
    date = parse_partial_date(text)
    assert date == expected and date.precision == precision


@pytest.mark.parametrize(
    "text", ["", "22", "2022-1", "2022-13", "2022-02-30", "2022-01-05T10", "n/a"]
)
def test_anything_else_is_refused(text):
    with pytest.raises(ValueError, match="expected YYYY, YYYY-MM or YYYY-MM-DD"):
        parse_partial_date(text)


def test_partial_dates_compare_and_sort_with_plain_dates():
    december = parse_partial_date("2022-12")
    assert dt.date(2022, 12, 1) < december <= dt.date(2022, 12, 31) < dt.date(2023, 1, 1)
    assert sorted([december, dt.date(2022, 1, 5)])[-1] is december
    assert precision_of(dt.date(2022, 1, 5)) == "day" and precision_of(december) == "month"


def test_an_unknown_precision_is_refused():
    with pytest.raises(ValueError, match="precision must be one of"):
        PartialDate(2022, 1, 1, "week")
