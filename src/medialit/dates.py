"""Dates as precise as their sources: a day, a month or only a year.

A reference often gives a month ("December 2022") or a year ("2012") and no day. Stored as a
plain date, such a value would print as "31 December 2022": a precision the source never had.
:class:`PartialDate` is a date that remembers how much of it is known, so that
:func:`medialit.formatting.format_date` prints only that much, while comparisons and sorting
still work as for any date (a partial date stands for the last day of its month or year: by
then the value was known).

Examples
--------
>>> december = parse_partial_date("2022-12")
>>> december, december.precision
(PartialDate(2022, 12, 31, precision='month'), 'month')
>>> parse_partial_date("2012") < parse_partial_date("2013-01-05")
True
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = ["PRECISIONS", "PartialDate", "parse_partial_date", "precision_of"]

#: How much of a date is known, from the most precise.
PRECISIONS = ("day", "month", "year")

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


class PartialDate(dt.date):
    """A date known to the day, the month or the year (``precision``).

    A month or a year stands for its last day, so that a value "as of December 2022" counts as
    known on any day after it and on none before.

    >>> PartialDate.of(2012, precision="year")
    PartialDate(2012, 12, 31, precision='year')
    >>> PartialDate.of(2022, 12, precision="month") == dt.date(2022, 12, 31)
    True
    """

    __slots__ = ("precision",)

    def __new__(cls, year: int, month: int, day: int, precision: str = "day"):
        if precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {PRECISIONS}, not {precision!r}")
        self = super().__new__(cls, year, month, day)
        self.precision = precision
        return self

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None, *, precision: str):
        """The partial date for a year, a month or a day, its missing parts set to the last."""
        month = 12 if month is None else month
        day = calendar.monthrange(year, month)[1] if day is None else day
        return cls(year, month, day, precision)

    def __repr__(self) -> str:
        return f"PartialDate({self.year}, {self.month}, {self.day}, precision={self.precision!r})"

    def __reduce__(self):
        return (PartialDate, (self.year, self.month, self.day, self.precision))


def parse_partial_date(text: str) -> PartialDate:
    """An ISO date of any precision: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Raises
    ------
    ValueError
        When ``text`` is none of these, or names no real day or month.

    Examples
    --------
    >>> parse_partial_date("2022-01-05").precision, parse_partial_date("1997").precision
    ('day', 'year')
    >>> parse_partial_date("2022-13")
    Traceback (most recent call last):
    ...
    ValueError: not a date: '2022-13' (expected YYYY, YYYY-MM or YYYY-MM-DD)
    """
    match = _PARTIAL.fullmatch(text.strip())
    problem = f"not a date: {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)"
    if not match:
        raise ValueError(problem)
    year, month, day = (int(part) if part else None for part in match.groups())
    precision = "year" if month is None else "month" if day is None else "day"
    try:
        return PartialDate.of(year, month, day, precision=precision)
    except (ValueError, calendar.IllegalMonthError) as error:
        raise ValueError(problem) from error


def precision_of(date: dt.date) -> str:
    """How much of ``date`` is known: ``day`` for a plain date.

    >>> precision_of(dt.date(2022, 1, 5)), precision_of(parse_partial_date("2022-12"))
    ('day', 'month')
    """
    return getattr(date, "precision", "day")
