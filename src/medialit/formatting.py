"""How the kit prints a figure: one formatter for every number a reader sees.

The book, the charts, the widgets and the exercise feedback all print numbers through these
functions, so a figure reads the same everywhere and the house rules hold in one place:

* years without a thousands separator (1995, not 1,995);
* counts with one (9,900), and no needless decimals (2, not 2.0);
* money with its currency and, from a million up, in words ($100 million, not 1e+08);
* never scientific notation;
* ranges and vague quantities in words ("24 to 99", "more than $80 million", "about 2,500").

Examples
--------
>>> format_number(1995, "year"), format_number(9900), format_number(1e8, "USD")
('1995', '9,900', '$100 million')
>>> format_amount(None, 80_000_000, None, "more_than", "USD")
'more than $80 million'
>>> format_date(dt.date(2022, 1, 5))
'5 January 2022'
"""

from __future__ import annotations

import datetime as dt
import math

from medialit.dates import parse_partial_date, precision_of

__all__ = [
    "YEAR_UNITS",
    "format_amount",
    "format_as_of",
    "format_change",
    "format_date",
    "format_number",
    "format_share",
    "format_times",
]

# Units whose values are calendar years: printed as written, with no separator.
YEAR_UNITS = frozenset({"year", "calendar year"})
CURRENCY_SYMBOLS = {"USD": "$"}
LARGE_NUMBER_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))

# How each qualifier reads before a number.
QUALIFIER_WORDS = {
    "exact": "",
    "approx": "about ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "under ",
    "up_to": "up to ",
}


def format_number(x: float | None, unit: str = "") -> str:
    """One number as a reader writes it.

    Parameters
    ----------
    x
        The number (None prints as a dash).
    unit
        Its unit: a year unit prints the year bare, a currency prefixes its symbol and writes
        millions and billions in words; any other unit is not printed.

    Examples
    --------
    >>> format_number(3393.0), format_number(2.4), format_number(0.375), format_number(None)
    ('3,393', '2.4', '0.38', '–')
    >>> format_number(2022.0, "year"), format_number(12_500, "USD"), format_number(2.5e9, "USD")
    ('2022', '$12,500', '$2.5 billion')
    >>> format_number(1e22), format_number(float("inf"))
    ('10,000,000,000,000,000,000,000', '∞')
    """
    if x is None:
        return "–"
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if unit in YEAR_UNITS:
        return f"{x:.0f}"
    symbol = CURRENCY_SYMBOLS.get(unit)
    if symbol is not None:
        return symbol + _money(abs(x)) if x >= 0 else "-" + symbol + _money(-x)
    return _plain(x)


def _plain(x: float) -> str:
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def _money(x: float) -> str:
    for size, word in LARGE_NUMBER_WORDS:
        if x >= size:
            return f"{_plain(round(x / size, 2))} {word}"
    return _plain(x)


def format_amount(
    value: float | None,
    low: float | None,
    high: float | None,
    qualifier: str = "exact",
    unit: str = "",
) -> str:
    """A figure or reference value in words, from its normalised fields.

    Examples
    --------
    >>> format_amount(238, None, None)
    '238'
    >>> format_amount(2500, None, None, "approx")
    'about 2,500'
    >>> format_amount(None, 24, 99, "vague")
    '24 to 99'
    >>> format_amount(None, None, 50, "less_than")
    'under 50'
    >>> format_amount(None, 1300, None, "more_than")
    'more than 1,300'
    >>> format_amount(None, 70e6, None, "more_than", "USD")
    'more than $70 million'
    >>> format_amount(None, None, None)
    'not found'
    """
    if value is not None:
        return QUALIFIER_WORDS.get(qualifier, "") + format_number(value, unit)
    if low is not None and high is not None:
        return f"{format_number(low, unit)} to {format_number(high, unit)}"
    if low is not None:
        words = "at least " if qualifier == "at_least" else "more than "
        return words + format_number(low, unit)
    if high is not None:
        words = "up to " if qualifier == "up_to" else "under "
        return words + format_number(high, unit)
    return "not found"


def format_date(date: dt.date, *, year: bool = True, short: bool = False) -> str:
    """A date as the book prints it: day, month in words, year; ``short`` abbreviates the month
    for tables and chart labels. A date known only to the month or the year
    (:class:`medialit.dates.PartialDate`) prints only that much: no day is invented.

    Examples
    --------
    >>> format_date(dt.date(2022, 1, 5)), format_date(dt.date(2022, 1, 5), year=False)
    ('5 January 2022', '5 January')
    >>> format_date(dt.date(2022, 1, 5), short=True)
    '5 Jan 2022'
    >>> from medialit.dates import parse_partial_date
    >>> format_date(parse_partial_date("2022-12")), format_date(parse_partial_date("2012"))
    ('December 2022', '2012')
    >>> format_date(parse_partial_date("2022-12"), short=True, year=False)
    'Dec'
    """
    precision = precision_of(date)
    if precision == "year":
        return str(date.year)
    month = f"{date:%b}" if short else f"{date:%B}"
    text = month if precision == "month" else f"{date.day} {month}"
    return f"{text} {date.year}" if year else text


def format_as_of(text: str) -> str:
    """An "as of" written in the data, as the book prints it: an ISO date of any precision
    through :func:`format_date`, anything else ("current", "2022-05 (reply to HRW)") as written.

    Examples
    --------
    >>> format_as_of("2022-01-05"), format_as_of("2022-12"), format_as_of("1983")
    ('5 January 2022', 'December 2022', '1983')
    >>> format_as_of("current")
    'current'
    """
    try:
        return format_date(parse_partial_date(text))
    except ValueError:
        return text


def format_share(share: float) -> str:
    """A share of a whole as a whole percentage.

    Examples
    --------
    >>> format_share(0.2857), format_share(1.0)
    ('29%', '100%')
    """
    return f"{round(100 * share)}%"


SMALL_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                      "nine", "ten")  # fmt: skip


def format_times(count: int) -> str:
    """How often something happens, in words up to ten, as prose writes it.

    Examples
    --------
    >>> format_times(1), format_times(2), format_times(3), format_times(1200)
    ('once', 'twice', 'three times', '1,200 times')
    """
    if count == 1:
        return "once"
    if count == 2:
        return "twice"
    words = SMALL_NUMBER_WORDS[count] if 0 <= count < len(SMALL_NUMBER_WORDS) else None
    return f"{words or format_number(count)} times"


def format_change(fraction: float) -> str:
    """A relative difference as a signed whole percentage, with a true minus sign.

    Examples
    --------
    >>> format_change(-0.584), format_change(0.0823), format_change(0)
    ('−58%', '+8%', '0%')
    """
    if round(100 * fraction) == 0:
        return "0%"
    sign = "−" if fraction < 0 else "+"
    return sign + format_share(abs(fraction))
