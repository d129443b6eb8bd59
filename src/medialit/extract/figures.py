"""Find every numeric figure in an English news text.

A careful reader circles every number in an article: counts ("317", "eight", "dozens"),
money ("$100 million"), percentages ("70%"), ratios ("near doubling"), durations
("180-day"), dates ("Jan. 5") and years ("1991"). This module does the same with a
handful of readable rules, one regular expression each (``RULES``, in this order):

======================  ==========================================================
rule                    finds
======================  ==========================================================
``furniture``           page furniture that is *not* a figure: footnote markers
                        ``[3]``, comment counters ``4 comments``, counters and list
                        markers alone on a line, phone numbers, a picture's width
                        in its credit line ``Agency, 1920, 08.01.2022``, ``401(k)``,
                        codes ``100-200-300``
``date``                ``Jan 10, 2022``, ``January 5th``, ``6 January``,
                        ``06.01.2022``, ``2022-01-06``, ``early January``, ``in May``;
                        ``15 to 17 January`` is two dates
``time``                ``17:30``, ``10:39 a.m.``, ``5 p.m.``, ``1639 UTC``,
                        ``half past ten``, ``a quarter to six``, ``12 noon``,
                        ``at 3 in the morning``
``copyright_year``      the year in ``© AFP 2023``
``money``               ``$100 million``, ``120 tenge``, ``between $5 and $7 billion``,
                        ``HK$10 billion``, ``USD 300``, ``10 cents``, ``£4bn``, ``$1.5tn``
``percent``             ``70%``, ``12 per cent``, ``16–17 percent``, ``2.5pc``
``measure``             ``five miles``, ``160 square miles``, ``~23 m``,
                        ``magnitude 6.3``, ``5.3-magnitude``, ``3.5km``, ``the 100m
                        sprint``; temperatures ``30C``, ``22 degrees Celsius``
``duration``            ``180-day``, ``two-week``, ``a year and a half``, ``more than
                        a decade``, ages (``21-year-old``)
``ratio``               ``near doubling``, ``in half``, ``twice``, ``threefold``,
                        shares: ``two-thirds``, ``one in five``
``rank``                ``ninth-largest``, ``2nd place``, ``3rd`` (not ``his 2nd term``),
                        ``came second`` (not ``safety comes first``)
``age``                 an age by decade of life ``in their 30s``, ``her early
                        twenties``; after "aged": ``aged 34``, ``aged 40 to 45``
``decade``              ``the late nineties``, ``1990s``, ``the '80s``
``year``                ``1991``, ``2011``
``vague``               ``dozens``, ``hundreds of``, ``a host of``, ``decades``
``range``               ``between 20 and 30``, ``5-10``, ``ranging from 11 to 75``,
                        with a shared scale or measure: ``between 3 and 4 million``,
                        ``3-4m``, ``5-10 miles``, ``30-35C``
``count``               ``317``, ``16 000``, ``eight``, ``55-member``, ``four or more``,
                        ``half a million``, ``3.2m``, ``40k``, ``2½``, ``2 1/2``,
                        ``1.000.000``;
                        numbers that count different things
                        are apart (``230-to-197``, ``52% to 48%``, a score
                        either way round: ``lost 1-3``, ``a 48-52 vote``)
======================  ==========================================================

Numbers that name rather than count are left out: inside a name (``Ukraine 24``,
``Covid-19``, ``A-380``, ``iPhone 15``), after a designation (``flight 1344``,
``No. 1430/2019``, ``24/7``) or before a street (``10 Downing Street``).

A minus sign written against a count or a percentage makes it negative and joins its span
(``-5C``, ``fell by -0.3%``, ``minus 12 degrees``; ``_signed``).

A qualifier right before a figure (``more than``, ``at least``, ``about``, ``some``,
``up to``...) becomes part of it (``qualifier_before``). The leftmost match wins, and at
one position the rule listed first: so ``25 years`` beats the bare count ``25``, and
``Tuesday 4 January 2022`` gives one date. The rules are tried only around *triggers*
(a digit, a number word, a month...; see ``medialit.extract.scanning``), which keeps the time
linear in the length of the text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass

from medialit.extract.scanning import (
    RuleMatch,
    TriggeredScanner,
    combine_rules,
    trie_pattern,
)
from medialit.extract.text_index import TextIndex, as_index

__all__ = ["Figure", "extract_figures"]


@dataclass(frozen=True)
class Figure:
    """One numeric figure found in a text.

    Attributes
    ----------
    start, end : int
        Character offsets: ``text[start:end] == self.text``.
    text : str
        The figure as written, with its qualifier and unit word.
    kind : str
        count, money, percent, ratio, duration, date, year or rank.
    value : int, float, str or None
        The normalised number; an ISO date (``2022-01-05``, ``2022-01``, or ``--01-05``
        when no year is known) for dates; None when only bounds are known.
    low, high : int, float or None
        Bounds for vague and bounded figures ("dozens" is 24 to 99).
    qualifier : str
        exact, approx, more_than, at_least, less_than, up_to, range or vague.
    unit : str
        What the number is measured in: USD, percent, days, times, year...
    counts : str
        The words after the figure that say what it counts ("police" in "eight police").
    """

    start: int
    end: int
    text: str
    kind: str
    value: int | float | str | None
    low: int | float | None = None
    high: int | float | None = None
    qualifier: str = "exact"
    unit: str = ""
    counts: str = ""

    def to_dict(self) -> dict:
        """Return the figure as a plain dict, ready for JSON.

        Examples
        --------
        >>> extract_figures("at least 15 people")[0].to_dict()["low"]
        15
        """
        return asdict(self)


# --------------------------------------------------------------------------- vocabulary

UNIT_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 10**9,
               "trillion": 10**12, "mn": 1_000_000, "bn": 10**9, "m": 1_000_000,
               "k": 1_000, "crore": 10**7, "lakh": 10**5, "tn": 10**12, "trn": 10**12,
               "bln": 10**9, "mln": 1_000_000}  # fmt: skip
# Vulgar fractions written as one character ("2½ hours") and their values.
VULGAR_FRACTIONS = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5,
                    "⅖": 2 / 5, "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8,
                    "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8}  # fmt: skip
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000,
}  # fmt: skip
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                "seventies": 70, "eighties": 80, "nineties": 90}  # fmt: skip

# Qualifier phrase -> qualifier, as the guide's "Qualifiers" gives them ("nearly" and
# "almost" are less_than with a high bound). Longest first, so "more than" is tried before
# "more".
QUALIFIERS = {
    "more than": "more_than", "over": "more_than", "above": "more_than",
    "upwards of": "more_than", "in excess of": "more_than", "just over": "more_than",
    "well over": "more_than", "greater than": "more_than", "well above": "more_than",
    "just above": "more_than", "slightly more than": "more_than", "a little over": "more_than",
    "a little more than": "more_than", "north of": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least", "as low as": "at_least",
    "as few as": "at_least", "as little as": "at_least",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than",
    "below": "less_than", "just under": "less_than", "just below": "less_than",
    "well below": "less_than", "well under": "less_than", "slightly less than": "less_than",
    "a little under": "less_than", "a little less than": "less_than",
    "up to": "up_to", "as high as": "up_to", "as many as": "up_to", "as much as": "up_to",
    "at most": "up_to",
    "no more than": "up_to", "not more than": "up_to", "a maximum of": "up_to",
    "about": "approx", "around": "approx", "some": "approx", "approximately": "approx",
    "roughly": "approx", "nearly": "less_than", "almost": "less_than", "close to": "approx",
    "an estimated": "approx", "estimated": "approx", "near": "approx", "circa": "approx",
    "approx.": "approx", "in the region of": "approx", "upward of": "more_than",
}  # fmt: skip

# Vague quantities built on number words, with the bounds the annotation guide gives.
VAGUE = {
    "hundreds of thousands": (200_000, 999_999), "tens of thousands": (20_000, 99_999),
    "tens of millions": (20_000_000, 99_999_999), "several thousand": (3_000, 9_999),
    "several hundred": (300, 999), "several dozen": (36, 99), "a few hundred": (200, 500),
    "a few thousand": (2_000, 5_000), "a few dozen": (24, 60), "dozens": (24, 99),
    "hundreds": (200, 999), "thousands": (2_000, 9_999), "millions": (2_000_000, 9_999_999),
    "billions": (2 * 10**9, 9_999_999_999), "scores": (40, 99), "a handful": (3, 6),
    "a host of": (3, None), "half a dozen": (6, 6), "a dozen": (12, 12),
    "several tens of thousands": (30_000, 99_999), "a couple of": (2, 3),
    "in the hundreds": (200, 999), "in the thousands": (2_000, 9_999),
    "in the dozens": (24, 99), "in the millions": (2_000_000, 9_999_999),
}  # fmt: skip
# Vague durations, in years.
VAGUE_YEARS = {"decades": (20, 99), "several decades": (30, 99), "centuries": (200, 999)}

# Units of measure -> the unit recorded. "m" and "in" are left out: too often something else.
MEASURES = {
    "square miles": "square miles", "square mile": "square miles", "sq mi": "square miles",
    "square kilometres": "km2", "square kilometers": "km2", "square kilometre": "km2",
    "square kilometer": "km2", "sq km": "km2", "km2": "km2", "km²": "km2",
    "square metres": "m2", "square meters": "m2", "m2": "m2", "m²": "m2",
    "nautical miles": "nautical miles", "miles": "miles", "mile": "miles", "mi": "miles",
    "kilometres": "km", "kilometers": "km",
    "kilometre": "km", "kilometer": "km", "km": "km", "metres": "m", "meters": "m",
    "metre": "m", "meter": "m", "feet": "ft", "foot": "ft", "ft": "ft", "inches": "inches",
    "inch": "inches", "centimetres": "cm", "centimeters": "cm", "cm": "cm", "mm": "mm",
    "hectares": "hectares", "hectare": "hectares", "acres": "acres", "acre": "acres",
    "mph": "mph", "km/h": "km/h", "kph": "km/h", "knots": "knots", "kg": "kg",
    "kilograms": "kg", "kilogrammes": "kg", "tonnes": "tonnes", "tonne": "tonnes",
    "tons": "tons", "ton": "tons", "lbs": "lb", "lb": "lb", "litres": "litres",
    "liters": "litres", "litre": "litres", "liter": "litres", "gallons": "gallons",
    "barrels": "barrels", "cubic metres": "m3", "cubic meters": "m3", "cubic metre": "m3",
    "cubic meter": "m3", "cubic feet": "cubic ft", "cubic kilometres": "km3",
    "degrees": "degrees", "°c": "°C", "°f": "°F", "degrees celsius": "°C",
    "degrees centigrade": "°C", "degrees fahrenheit": "°F", "°": "degrees", "megawatts": "MW",
    "mw": "MW", "gigawatts": "GW", "gw": "GW", "kilowatts": "kW", "kw": "kW",
    # More SI units by their BIPM names and symbols (SI Brochure, 9th edition, tables 2 and
    # 7): lengths, masses and volumes with the prefixes milli-, micro- and centi-.
    "millimetres": "mm", "millimeters": "mm", "millimetre": "mm", "millimeter": "mm",
    "micrometres": "µm", "micrometers": "µm", "grams": "g", "gram": "g",
    "grammes": "g", "milligrams": "mg", "milligram": "mg", "mg": "mg", "micrograms": "µg",
    "microgram": "µg", "µg": "µg", "μg": "µg", "millilitres": "ml", "milliliters": "ml",
    "millilitre": "ml", "ml": "ml", "centilitres": "cl", "kilowatt-hours": "kWh",
    "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh",
    # Derived SI units with special names (SI Brochure, table 4) and the decibel (table 8):
    # energy, power, voltage, radiation dose and activity, sound level.
    "joules": "J", "kilojoules": "kJ", "kj": "kJ", "megajoules": "MJ", "watts": "W",
    "watt": "W", "volts": "V", "volt": "V", "kilovolts": "kV", "kv": "kV", "sieverts": "Sv",
    "millisieverts": "mSv", "msv": "mSv", "microsieverts": "µSv", "µsv": "µSv",
    "μsv": "µSv", "becquerels": "Bq", "bq": "Bq", "decibels": "dB", "db": "dB",
    # Speeds written out, the unit of time in the span: "15 kilometres per hour".
    "kilometres per hour": "km/h", "kilometers per hour": "km/h", "miles per hour": "mph",
    "metres per second": "m/s", "meters per second": "m/s", "miles an hour": "mph",
    # Nutrition's kilocalorie, and the kilogram as everyday speech shortens it.
    "calories": "kcal", "kcal": "kcal", "kilocalories": "kcal", "kilos": "kg",
    "kilo": "kg",
    # US customary and imperial units (NIST Handbook 44, appendix C).
    "yards": "yards", "yard": "yards", "yd": "yards", "ounces": "oz", "ounce": "oz",
    "oz": "oz", "pints": "pints", "pint": "pints", "quarts": "quarts",
    # Units of information (IEC 80000-13): bytes with the decimal prefixes.
    "bytes": "bytes", "kilobytes": "kB", "kb": "kB", "megabytes": "MB", "mb": "MB",
    "gigabytes": "GB", "gb": "GB", "terabytes": "TB", "tb": "TB", "petabytes": "PB",
}  # fmt: skip
# Concentrations and other quotients of SI units, as laboratories and the health press write
# them ("5.1 mmol/L", "200 mg/dL", "40 µg/m3"; SI Brochure, 9th edition, section 5.4.6: a
# solidus between two unit symbols).
_PER_NUMERATORS = ["mol", "mmol", "µmol", "μmol", "nmol", "g", "mg", "µg", "μg", "ng", "kg",
                   "ml", "l", "iu"]  # fmt: skip
_PER_DENOMINATORS = ["l", "dl", "ml", "kg", "m3", "m³", "day", "d", "h", "km"]


def _unit_symbol(symbol: str) -> str:
    """A unit symbol as the SI writes it: litres with a capital L ("mmol/L", "dL")."""
    symbol = symbol.replace("μ", "µ")
    return symbol.upper() if symbol == "l" else symbol.replace("dl", "dL")


MEASURES.update(
    {
        f"{numerator}/{denominator}": f"{_unit_symbol(numerator)}/{_unit_symbol(denominator)}"
        for numerator in _PER_NUMERATORS
        for denominator in _PER_DENOMINATORS
    }
)

# After "2m" or "5k", words that make it a length, not a million or a thousand: a size
# ("3m high", "a 2m-tall fence") or a race of athletics or swimming ("the 100m sprint").
_SIZE_WORDS = "long|tall|high|deep|wide|thick"
_RACE_WORDS = (
    "sprint|sprints|race|races|run|runs|hurdles|relay|freestyle|backstroke|breaststroke|"
    "butterfly|medley|dash|steeplechase|walk|final|heats?"
)

# Words that cannot be "what a figure counts": verbs, articles, prepositions.
_NOT_COUNTED_WORDS = """
    a an the of to in on at by for from with and or but as than that which who whom
    have has had having is are was were be been being will would can could should may
    might must do does did said says told more less over under about per each every
    this these those it its their his her our your my them they we he she you i
    there here then so if when while where after before since until into onto out up
    down off not no yes also just only still even later ago earlier"""
NOT_COUNTED = frozenset(_NOT_COUNTED_WORDS.split())


_WORD = re.compile(r"[^\s“”\"‘’'(\[]+")  # a word, without the quotation marks around it
_FRACTIONS = "".join(VULGAR_FRACTIONS)
# A fraction after a whole number: "2½", "2 1/2" (halves, thirds, quarters, eighths).
_FRACTION = rf"(?:[{_FRACTIONS}]|[ \u00a0](?:1/[2348]|[23]/3|3/4|[357]/8)(?![\d/]))"
# What may be written right after digits: a scale ("3.2m", "£4bn", "$1.5tn", "40k") or a
# unit of measure ("3.5km", "20C"); any other letter makes the digits part of a word.
_ATTACHED = trie_pattern(
    # British papers write the scale word against the digits too: "£14million".
    ["mn", "bn", "tn", "trn", "bln", "mln", "m", "k", "c", "f", "pc"]
    + ["million", "billion", "trillion"]
    + [unit for unit in MEASURES if " " not in unit]
)
# Digits with any thousands separator, or a fraction; never the "5" of "5th" or a digit
# inside a word.
_DIGITS = (
    r"(?<![\w.,])(?:(?:\d{1,3}(?:(?:,|[ \u00a0\u202f\u2009])\d{3})+|\d+(?:\.\d+)?)"
    rf"{_FRACTION}?|[{_FRACTIONS}])"
    rf"(?!\d|[.,]\d)(?!(?!(?:{_ATTACHED})\b)[^\W\d])"
)
_NUMBER_WORD = rf"(?:{trie_pattern([*UNIT_WORDS, 'hundred', 'thousand', 'million', 'billion'])})"
_WORD_NUMBER = rf"\b{_NUMBER_WORD}(?:(?:[ -]|\s+and\s+)(?:{_NUMBER_WORD})){{0,24}}\b"
_SCALE = r"(?:\s?(?:million|billion|trillion|thousand|mn|bn|tn|trn|bln|mln|crore|lakh)\b)"
# A scale written right after the digits as one letter: "3.2m", "40k".
_SCALE_LETTER = r"(?:[mk]\b)"
_AND_A_HALF = r"(?:[ -]and[ -]a[ -]half)"
# "a hundred", "a thousand million": a scale word counted once.
_A_SCALE = r"\ban?\s(?:hundred(?:\s(?:thousand|million|billion))?|thousand|million|billion)\b"
# A number in words: "twenty-five", "a hundred".
_WORDS_AMOUNT = rf"(?:{_A_SCALE}|{_WORD_NUMBER})"
# Full month names, or abbreviations with an optional full stop ("Jan. 5", not "January.").
_MONTH = (
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)\b|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?)"
)
_DAY = r"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
# Time zones written after a clock time ("7:38 pm IST", "1639 UTC").
_ZONES = (
    "utc|gmt|ist|est|edt|cst|cdt|mst|mdt|pst|pdt|bst|cet|cest|eet|eest|msk|jst|kst|hkt|pht|sast|"
    "wib|aest|aedt|ast|wat|eat|cat"
)
_TIME_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ies))"
_CURRENCY_SIGN = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₸": "tenge",
                  "₹": "INR", "₱": "PHP", "₩": "KRW", "₺": "TRY", "₴": "UAH", "₦": "NGN",
                  "₪": "ILS", "฿": "THB"}  # fmt: skip
_SIGNS = "".join(_CURRENCY_SIGN)  # for character classes: "[$€£...]"
_CURRENCY_WORD = {
    "dollars": "USD", "us dollars": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR",
    "eur": "EUR", "pounds": "GBP", "gbp": "GBP", "rubles": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rouble": "RUB", "rub": "RUB", "tenge": "tenge", "kzt": "tenge",
    "yuan": "CNY", "yen": "JPY", "złotys": "PLN", "złoty": "PLN", "zlotys": "PLN",
    "zloty": "PLN", "rupees": "INR", "rupee": "INR", "naira": "NGN", "rand": "ZAR",
    "lira": "TRY", "pesos": "peso", "peso": "peso", "francs": "franc", "kronor": "SEK",
    "kroner": "kroner", "dinars": "dinar", "dirhams": "AED", "riyals": "riyal",
    "shekels": "ILS", "hryvnias": "UAH", "forints": "HUF", "forint": "HUF", "baht": "THB",
    "ringgit": "MYR", "won": "KRW", "cents": "cents", "pence": "pence", "kopecks": "kopecks",
    "kopeks": "kopecks", "paise": "paise", "centimes": "centimes",
    "crowns": "crowns", "krona": "SEK", "krone": "kroner", "koruna": "CZK",
    "korunas": "CZK", "hryvnia": "UAH", "rials": "rial", "rial": "rial", "dinar": "dinar",
    "dirham": "AED", "shillings": "shilling", "shilling": "shilling", "cedis": "GHS",
    "kwacha": "kwacha", "birr": "ETB", "taka": "BDT", "rupiah": "IDR", "lari": "GEL",
    "manat": "manat", "drams": "AMD",
    # "quid": the everyday British name of the pound sterling (ISO 4217 GBP).
    "quid": "GBP",
}  # fmt: skip
# Currency names that are also common nouns ("marks" out of ten, "crowns" of kings): money
# only right after a scale word, where no other reading is left ("2.3 billion marks"). The
# names are those of ISO 4217's list of historic currencies (Deutsche Mark DEM, markka FIM).
_SCALED_CURRENCY_WORD = {"marks": "DEM", "mark": "DEM", "markka": "FIM", "markkas": "FIM"}
_MONEY_WORDS = _CURRENCY_WORD | _SCALED_CURRENCY_WORD
# Dollars of other countries: "HK$10", "C$5", "A$300" ("US$5" and "U.S. $5" are USD).
_DOLLAR_UNITS = {"us": "USD", "hk": "HKD", "nz": "NZD", "au": "AUD", "a": "AUD", "ca": "CAD",
                 "c": "CAD", "nt": "TWD", "sg": "SGD", "s": "SGD", "r": "BRL"}  # fmt: skip
_DOLLARS = rf"\b(?:{'|'.join(sorted(_DOLLAR_UNITS, key=len, reverse=True))})"
_DOLLAR_PREFIX = rf"(?P<prefix>{_DOLLARS}(?=\$)|\bus\s(?=\$)|\bu\.s\.\s?)?"
# Currency codes written before the amount ("USD 300", "EUR 4.50", "Rs 500").
_CURRENCY_CODE = {
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "chf": "CHF", "jpy": "JPY", "cny": "CNY",
    "rmb": "CNY", "rub": "RUB", "kzt": "tenge", "inr": "INR", "rs": "INR", "rs.": "INR",
    "aud": "AUD", "cad": "CAD", "uah": "UAH", "pln": "PLN", "huf": "HUF",
    # Local currency signs written in letters before the amount, as the national press
    # writes them (Kenyan and Ugandan shilling, Indonesian rupiah, Malaysian ringgit,
    # Bangladeshi taka, South African rand): "KSh 2,000", "Rp 15,000", "RM50", "R50 million".
    "ksh": "KES", "sh": "shilling", "ush": "UGX", "rp": "IDR", "rm": "MYR", "tk": "BDT",
    "r": "ZAR",
}  # fmt: skip
# Capitalised words that may stand before a number without making it part of a name
# ("In 2017", "Tuesday 4 January"); any other capitalised word makes a name ("Ukraine 24").
_NOT_NAME_WORDS = """In On At By Of For From To Since Until Till After Before During Over Under
    About Some Around Nearly Almost Roughly Approximately Only Just And But Or The With Than
    Between Up Least More Less Fewer Another Last Next Page Vol No Top Figure Table A An I
    Exactly Circa Approx Estimated Above Below Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday Jan January Feb February Mar March Apr April May Jun June Jul July Aug
    August Sep Sept September Oct October Nov November Dec December While When Where As If
    Although Though Because Whereas Once Then Now Today Yesterday Also All Those These Its Their
    His Her Our Both Each Every However Meanwhile Including Among Within Without Per Across
    Through Via Like Unlike Against Nearly Just Still Of Only Another"""
NOT_NAME_WORDS = frozenset(_NOT_NAME_WORDS.split())
_WORD_BEFORE = re.compile(r"(?<![\w’'.-])([A-Z][\w’'&.]*)[ -]$")
# Letters in capitals joined to the number by a hyphen ("A-380", "F-16", "MH-17"), or a word
# with a capital inside ("iPhone 15", "eBay 2"): a model or code name, even where the
# capitals would be an ordinary word ("A", "I").
_CODE_BEFORE = re.compile(r"(?<![\w’'.-])(?:[A-Z]{1,4}-|[a-z]+[A-Z][\w’'&.]*[ -])$")
# Words that make the number after them an identifier, not a quantity ("flight 1344").
_DESIGNATION_WORDS = """no nos number flight flights resolution article section route highway
    region room gate platform act chapter paragraph clause item code reference ref extension ext
    segment episode part phase season volume vol ward district zone terminal"""
_CALL_BEFORE = re.compile(
    r"\b(?i:call|dial|ring|phone|telephone)(?:\s+us)?(?:\s+on)?\s+$"
    r"|\b(?i:text|sms)\s+(?:\S+\s+)?to\s+$"  # an SMS short code: "text HELP to 80800"
)
_DESIGNATION_BEFORE = re.compile(rf"\b(?i:{'|'.join(_DESIGNATION_WORDS.split())})\.?[ \t]*#?$")

# --------------------------------------------------------------------------- helpers


def word_number_value(words: str) -> int | None:
    """Turn number words into a number.

    Examples
    --------
    >>> word_number_value("one hundred and twenty")
    120
    >>> word_number_value("twenty-five thousand")
    25000
    >>> word_number_value("a hundred")
    100
    """
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("and", "a", "an", ""):
            continue
        if word in UNIT_WORDS:
            current += UNIT_WORDS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALE_WORDS:
            total += max(current, 1) * SCALE_WORDS[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def digits_value(digits: str) -> int | float:
    """Parse digits with any thousands separator ("16 000", "1,250", "3.5").

    Examples
    --------
    >>> digits_value("16 000"), digits_value("1,250"), digits_value("3.5")
    (16000, 1250, 3.5)
    >>> digits_value("2 1/2"), digits_value("2½"), digits_value("¾")
    (2.5, 2.5, 0.75)
    """
    fraction = _FRACTION_END.search(digits)
    part = 0.0
    if fraction:
        digits = digits[: fraction.start()]
        written = fraction.group().strip()
        if written in VULGAR_FRACTIONS:
            part = VULGAR_FRACTIONS[written]
        else:
            numerator, denominator = written.split("/")
            part = int(numerator) / int(denominator)
    plain = re.sub(r"[,\s\u00a0\u202f\u2009]", "", digits)
    number = round((float(plain) if plain else 0.0) + part, 4)
    return int(number) if number.is_integer() else number


_FRACTION_END = re.compile(rf"(?:[{_FRACTIONS}]|[ \u00a0]?\d/\d)$")


def number_value(written: str) -> int | float | None:
    """Value of a number written in digits or words, with an optional scale word.

    Examples
    --------
    >>> number_value("100 million"), number_value("two"), number_value("1.5bn")
    (100000000, 2, 1500000000)
    """
    written = written.strip()
    if written.lower() in ("a", "an"):
        return 1
    half = re.match(rf"(.+?){_AND_A_HALF}$", written, re.IGNORECASE)
    if half:  # "two and a half"
        whole = number_value(half.group(1))
        return None if whole is None else whole + 0.5
    match = re.match(
        rf"([\d.,\s\u00a0\u202f\u2009/]*[\d{_FRACTIONS}])\s?([a-z]*)$", written, re.IGNORECASE
    )
    if match:
        number = digits_value(match.group(1))
        scale = SCALE_WORDS.get(match.group(2).lower(), 1)
        total = number * scale
        return int(total) if float(total).is_integer() else total
    return word_number_value(written)


def _bounds(value, qualifier: str):
    """Low and high bounds implied by a qualifier."""
    if value is None or isinstance(value, str):
        return None, None
    return {
        "more_than": (value, None),
        "at_least": (value, None),
        "less_than": (None, value),
        "up_to": (None, value),
    }.get(qualifier, (None, None))


_WORD_BREAKS = frozenset("“”\"‘’'([")
_QUALIFIER_LAST_WORDS = frozenset(phrase.split()[-1] for phrase in QUALIFIERS)


def _last_word(window: str) -> str:
    """The last word of ``window`` as ``_WORD`` splits it (a word ends at a space or a
    quotation mark or bracket)."""
    end = len(window)
    while end and (window[end - 1].isspace() or window[end - 1] in _WORD_BREAKS):
        end -= 1
    start = end
    while start and not (window[start - 1].isspace() or window[start - 1] in _WORD_BREAKS):
        start -= 1
    return window[start:end]


def qualifier_before(text: str, start: int) -> tuple[int, str] | None:
    """Where a qualifier right before ``start`` begins, and which one it is.

    Examples
    --------
    >>> qualifier_before("with over 100 police", 10)
    (5, 'more_than')
    """
    window_start = max(0, start - 24)
    window = text[window_start:start]
    if not window or not window[-1].isspace():
        return None  # "$100": nothing can stand between a qualifier and its number
    if _last_word(window).lower() not in _QUALIFIER_LAST_WORDS:
        return None  # the common case, decided without splitting the window into words
    words = list(_WORD.finditer(window))
    for count in (4, 3, 2, 1):  # the longest first: "no more than" before "more than"
        if len(words) < count:
            continue
        first = words[-count]
        phrase = " ".join(w.group() for w in words[-count:]).lower()
        whole = first.start() > 0 or window_start == 0 or not text[window_start - 1].isalnum()
        if phrase in QUALIFIERS and whole:
            return window_start + first.start(), QUALIFIERS[phrase]
    return None


def inside_name(text: str, start: int) -> bool:
    """Is the number at ``start`` part of a name ("Ukraine 24", "Covid-19", "flight 1344")?

    Examples
    --------
    >>> inside_name("on Ukraine 24.", 11), inside_name("In 2017 he left", 3)
    (True, False)
    >>> inside_name("resolution No. 1430", 15), inside_name("flight 1344", 7)
    (True, True)
    """
    if start and text[start - 1] == "/":
        return True  # "1430/2019", "24/7": one identifier
    designation = _DESIGNATION_BEFORE.search(text, max(0, start - 16), start)
    if designation or _CALL_BEFORE.search(text, max(0, start - 20), start):
        return True  # "flight 1344", "call 101": an identifier
    if _CODE_BEFORE.search(text, max(0, start - 30), start):
        return True  # "A-380", "F-16", "iPhone 15": a model or code name
    match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    word = match.group(1) if match else ""
    if word[-2:] in ("'s", "’s"):
        return False  # "Ukraine's 24 regions", "to Dunmore's 6": a possessive is no name
    # "Almaty. 120 shops": a full stop ends the sentence, it does not make a name.
    return bool(word) and not word.endswith(".") and word not in NOT_NAME_WORDS


_COUNTED = re.compile(
    r"[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?([A-Za-z][A-Za-z'’-]*)(?:[ \t]+([a-z][a-z'’-]*))?"
)


def counted_noun(text: str, end: int) -> str:
    """The one or two words after a figure that say what it counts.

    Examples
    --------
    >>> counted_noun("eight police and national guard troops", 5)
    'police'
    >>> counted_noun("53 international organisations operate", 2)
    'international organisations'
    >>> counted_noun("317 have been injured", 3)
    ''
    """
    match = _COUNTED.match(text, end)
    if not match or match.group(1).lower() in NOT_COUNTED:
        return ""
    words = [match.group(1)]
    second = match.group(2)
    if words[0].lower().endswith(("ed", "ing")):  # "dozens died", "hundreds injured"
        return ""
    if second and second not in NOT_COUNTED and not second.endswith(("ed", "ing", "ly")):
        words.append(second)
    return " ".join(words)


def _iso_date(year: int | None, month: int, day: int | None) -> str | None:
    """ISO date, partial ISO when day or year is missing, None when impossible."""
    try:
        dt.date(year or 2000, month, day or 1)  # 2000 is a leap year: allows 29 February
    except ValueError:
        return None
    if year is None:
        return f"--{month:02d}-{day:02d}" if day else None
    return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"


def _month_number(name: str) -> int:
    return MONTHS[name[:3].lower()]


# --------------------------------------------------------------------------- rules


# A builder turns a rule's match into a figure, several figures, or None (not a figure).
Builder = Callable[[RuleMatch, str], "Figure | list[Figure] | None"]


# Phrasal verbs of transfer whose "over" is a particle (the Cambridge and Collins lists of
# phrasal verbs: hand over, turn over, sign over, fork over): right after them "over" moves
# the object, it does not bound it. "hand", "turn" and "fork" take no counted object without
# the particle ("handed over £12,500", "turned over £2m", "forked over $300"), so after them
# "over" is the particle. "sign" does take one ("signed 1,000 copies", "signed 50 bills"), so
# "signed over 1,000 copies" is more than 1,000; "sign over" is the particle only in its
# frame of transfer, "sign something over to someone" ("signed over 300 acres to the trust").
# "take over", "win over" and "give over" are left out: "took over 2 hours", "won over 60%"
# bound.
_PARTICLE_OVER = re.compile(r"over\b", re.IGNORECASE)
_PARTICLE_VERB_BEFORE = re.compile(
    r"\b(?:hand|hands|handed|handing|turn|turns|turned|turning|fork|forks|forked|forking)[ \t]+$",
    re.IGNORECASE,
)
_SIGN_BEFORE = re.compile(r"\b(?:sign|signs|signed|signing)[ \t]+$", re.IGNORECASE)
# The recipient of a transfer, a few words after the object: "... to the trust", "... to her
# son" (not "to" before a number: "over 300 to 400" is a range).
_RECIPIENT_AFTER = re.compile(r"(?:[ \t]+[\w'’-]+){0,3}?[ \t]+to[ \t]+(?![\d$€£])\w")


def _over_is_a_particle(text: str, over: int, end: int) -> bool:
    """Is the "over" at ``over`` the particle of a phrasal verb of transfer, given that the
    figure after it ends at ``end``?

    Examples
    --------
    >>> text = "she signed over 1,000 copies"
    >>> _over_is_a_particle(text, 11, 21), _over_is_a_particle("handed over £500", 7, 16)
    (False, True)
    >>> _over_is_a_particle("signed over 300 acres to the trust", 7, 21)
    True
    """
    if not _PARTICLE_OVER.match(text, over):
        return False
    before = max(0, over - 12)
    if _PARTICLE_VERB_BEFORE.search(text, before, over):
        return True
    return bool(_SIGN_BEFORE.search(text, before, over) and _RECIPIENT_AFTER.match(text, end))


# Verbs whose complement is a length of time (Quirk et al. 1985, 10.16: "last", "take",
# "wait", "spend"), and "serve", whose object is a term or a sentence ("served 20 years"):
# after them "over 2 hours" bounds the length ("took over 2 hours", "served over 20 years"
# are more than), it does not place an event within it ("funded over 25 years").
_LENGTH_VERB_BEFORE = re.compile(
    r"\b(?:took|take|takes|taking|lasted|last|lasts|lasting|waited|wait|waits|waiting|spent"
    r"|spend|spends|spending|served|serve|serves|serving)[ \t]+$",
    re.IGNORECASE,
)


def _figure(match: RuleMatch, text: str, kind: str, value, *, qualifier=None, unit="",
            low=None, high=None, group: int | str = 0, counts: bool = False,
            over_means_during: bool = False) -> Figure:  # fmt: skip
    """Build a Figure from a rule's match (``group`` selects the output span).

    Without an explicit ``qualifier``, a qualifier right before the match ("more than",
    "some") joins the figure.
    """
    start, end = match.span(group)
    if qualifier == "range":
        found = qualifier_before(text, start)
        start = found[0] if found else start  # "about 16–17 percent"
    if qualifier is None and start and text[start - 1] == "~":
        start, qualifier = start - 1, "approx"  # "~23 m"
    if qualifier is None:
        found = qualifier_before(text, start)
        qualifier = "exact"
        if (
            found
            and over_means_during
            and text[found[0]] in "oO"
            and not _PREPOSITION_BEFORE.search(text, max(0, found[0] - 8), found[0])
            and not _LENGTH_VERB_BEFORE.search(text, max(0, found[0] - 10), found[0])
        ):
            pass  # "funded over 25 years" is "during 25 years"; "for over 20 years" is more
        elif found and _over_is_a_particle(text, found[0], end):
            pass  # "handed over £12,500": the particle of a phrasal verb, not "more than"
        elif found:
            start, qualifier = found
    if qualifier == "less_than" and value == 0:
        qualifier = "approx"  # "almost zero": nothing is less than none
    bound_low, bound_high = _bounds(value, qualifier)
    return Figure(
        start=start,
        end=end,
        text=text[start:end],
        kind=kind,
        value=value,
        low=low if low is not None else bound_low,
        high=high if high is not None else bound_high,
        qualifier=qualifier,
        unit=unit,
        counts=counted_noun(text, end) if counts else "",
    )


_PREPOSITION_BEFORE = re.compile(r"\b(?:for|in|after|of|within|since|by|than|at)\s+$", re.I)


def _furniture(match: RuleMatch, text: str) -> None:
    return None


def _inline_marker(match: RuleMatch, text: str) -> Figure | None:
    """'1. Unofficial results 2. Relative to ...': a note marker when the one before it is
    there too; otherwise a number ending a sentence ("The toll rose to 12. Officials said")."""
    number = int(match["amount"])
    previous = f"{number - 1}. "
    capital_next = text[match.end() + 1 : match.end() + 2].isupper()
    if (
        capital_next
        and number > 1
        and previous in text[max(0, match.start() - 300) : match.start()]
    ):
        return None
    return _count_digits(match, text, group="amount")


def _alone_on_line(match: RuleMatch, text: str) -> Figure | None:
    """Counters ("0 0") and list markers ("1.") are furniture at the start of a line."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    if text[line_start : match.start()].strip(" \t"):
        if _SHORT_YEAR_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            return _short_year(_Shifted(match, *match.span("amount")), text)  # "... in '98"
        return _count_digits(match, text, group="amount")  # mid-line: an ordinary number
    return None


def _phone(match: RuleMatch, text: str) -> Figure | None:
    """A phone number is furniture; digits grouped in threes by spaces or full stops
    ("16 000 000", "1.000.000", as much of Europe writes a million) are a count; by hyphens
    ("100-200-300", "978-3-16-148410-0") a code.

    Examples
    --------
    >>> [(f.text, f.value) for f in extract_figures("some 1.000.000 people, code 100-200-300")]
    [('some 1.000.000', 1000000)]
    """
    written = match["phone"]
    groups = [g for g in re.split(r"[ .()+-]+", written) if g]
    in_threes = written[0] not in "+(0" and all(len(g) == 3 for g in groups[1:])
    if not in_threes or "-" in written:
        return None
    return _count_digits(match, text, value=int("".join(groups)))


def _numeric_date(match: RuleMatch, text: str) -> Figure:
    first, second, year = int(match["d1"]), int(match["d2"]), int(match["y"])
    # Day first (06.01.2022) except with slashes, the US habit, when the month is valid.
    day, month = (second, first) if match["sep"] == "/" and first <= 12 else (first, second)
    return _figure(match, text, "date", _iso_date(year, month, day), unit="date")


def _iso_numeric_date(match: RuleMatch, text: str) -> Figure:
    value = _iso_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return _figure(match, text, "date", value, unit="date")


def _day_as_count(match: RuleMatch, text: str) -> Figure:
    """The number of a rule that turned out not to be a date, read as a count."""
    digits = re.match(r"\d+", match["day"]).group()
    start = match.span("day")[0]
    shifted = _Shifted(match, start, start + len(digits))
    return _figure(shifted, text, "count", int(digits), counts=True)


class _Shifted:
    """A match narrowed to one span (for a builder that reads only part of a rule's match)."""

    def __init__(self, match: RuleMatch, start: int, end: int):
        self._match, self._span = match, (start, end)

    def __getitem__(self, group: str):
        return self._match[group]

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._span if group == 0 else self._match.span(group)

    def start(self) -> int:
        return self._span[0]

    def end(self) -> int:
        return self._span[1]


def _capital_month(match: RuleMatch, text: str) -> bool:
    """Month names are capitalised: "May 5" is a date, "may 5" is not."""
    return text[match.span("month")[0]].isupper()


def _named_date(match: RuleMatch, text: str) -> Figure | None:
    if not _capital_month(match, text):
        return _day_as_count(match, text)  # "5 may be enough": a count, not a date
    year = int(match["year"]) if match["year"] else None
    day = int(re.match(r"\d+", match["day"]).group()) if match["day"] else None
    value = _iso_date(year, _month_number(match["month"]), day)
    return _figure(match, text, "date", value, unit="date")


def _days_of_a_month(match: RuleMatch, text: str) -> Figure | list[Figure] | None:
    first_start, first_end = match.span("d1")
    if not _capital_month(match, text):  # "15 to 17 may": no month, a range of counts
        low, high = (int(re.match(r"\d+", match[group]).group()) for group in ("d1", "day"))
        end = match.span("day")[0] + len(str(high))
        if low >= high:
            return None
        return _figure(_Shifted(match, first_start, end), text, "count", None,
                       qualifier="range", low=low, high=high)  # fmt: skip
    second = _named_date(_Shifted(match, match.span("day")[0], match.end()), text)
    day = int(re.match(r"\d+", match["d1"]).group())
    year = int(match["year"]) if match["year"] else None
    value = _iso_date(year, _month_number(match["month"]), day)
    first = _figure(_Shifted(match, first_start, first_end), text, "date", value, unit="date")
    return [first, second]


def _month_alone(match: RuleMatch, text: str) -> Figure | None:
    if not _capital_month(match, text):
        return None
    if match["prep"].lower() in ("and", "or", "to") and not _MONTH_BEFORE.search(
        text, max(0, match.start() - 12), match.start()
    ):
        return None  # "Corbyn and May": a month only when another month goes before
    value = f"--{_month_number(match['month']):02d}"  # the year comes from the dateline
    return _figure(match, text, "date", value, unit="date", group="span", qualifier="exact")


_MONTH_BEFORE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+$"
)


def _part_of_month(match: RuleMatch, text: str) -> Figure | None:
    if not _capital_month(match, text):
        return None
    year = int(match["year"]) if match["year"] else None
    month = _month_number(match["month"])
    value = f"{year:04d}-{month:02d}" if year else f"--{month:02d}"
    return _figure(match, text, "date", value, qualifier="approx", unit="date")


def _time_of_day(match: RuleMatch, text: str) -> Figure | None:
    hour, minute = int(match["h"]), int(match["m"] or match["m2"] or 0)
    ampm = match["ampm"] or match["ampm2"] or match["ampm3"] or match["ampm4"]
    if ampm and hour > 12:
        return None  # "14 pm" is no time
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    seconds = f":{match['sec']}" if match["sec"] else ""
    figure = _figure(match, text, "date", f"T{hour:02d}:{minute:02d}{seconds}", unit="time")
    before = _TIME_BOUND_BEFORE.search(text, max(0, figure.start - 8), figure.start)
    if before:  # "after 3 a.m.": the bound is part of the time
        figure = dataclasses.replace(
            figure, start=before.start(), text=text[before.start() : figure.end]
        )
    return figure


_TIME_BOUND_BEFORE = re.compile(r"\b(?:after|before)\s+$", re.IGNORECASE)


def _oclock(match: RuleMatch, text: str) -> Figure:
    hour = number_value(match["h"])
    return _figure(match, text, "date", f"T{int(hour):02d}:00", unit="time")


_CLOCK_HOUR = r"1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
# Minutes in words ("twenty past nine"); digits only with "minutes" ("10 minutes to six"),
# since "5 to 10" is a range.
_CLOCK_MINUTES = r"twenty[ -]five|twenty|ten|five"


def _clock_phrase(match: RuleMatch, text: str) -> Figure | None:
    """A time said in words: the guide's clock times include "10 o'clock", so "half past
    ten" (10:30) and "a quarter to six" (5:45) are times too; "noon" and "midnight" alone
    are not figures (no number), "12 noon" is.

    Examples
    --------
    >>> [(f.text, f.value) for f in extract_figures("From half past ten to a quarter to six.")]
    [('half past ten', 'T10:30'), ('a quarter to six', 'T05:45')]
    """
    if match["h2"]:
        hour = int(number_value(match["h2"]))
        hour += 12 if match["day"].lower() != "morning" and hour < 12 else 0
        return _figure(match, text, "date", f"T{hour:02d}:00", unit="time", qualifier="exact")
    if match["noon"]:
        hour = 0 if match["word"].lower() == "midnight" else 12
        return _figure(match, text, "date", f"T{hour:02d}:00", unit="time", qualifier="exact")
    to = match["mins2"] is not None
    mins = (match["mins2"] if to else match["mins"]).lower()
    if mins.endswith("quarter"):
        minutes = 15
    elif mins == "half":
        minutes = 30
    else:
        minutes = int(number_value(match["n2"] if to else match["n"]) or 0)
    if not 0 < minutes < 60:
        return None
    hour = int(number_value(match["h"]))
    if to:
        hour, minutes = (hour - 2) % 12 + 1, 60 - minutes  # "a quarter to one" is 12:45
    if match["ampm"] and match["ampm"].lower() == "p" and hour < 12:
        hour += 12
    return _figure(match, text, "date", f"T{hour:02d}:{minutes:02d}", unit="time")


def _copyright_year(match: RuleMatch, text: str) -> Figure:
    return _figure(match, text, "year", int(match["year"]), group="year", unit="year")


# Thousands after a full stop, as much of Europe writes them ("12.500 euros", "2.000
# people"; ISO 80000-1 and the EU's Interinstitutional Style Guide, 7.3.2, name both
# separators). In English the full stop is the decimal point, so one group of three digits
# after it ("12.500") is read as thousands only where the decimal reading cannot be meant:
# - money: an amount is written to the cent, two places (ISO 4217's minor unit), so a third
#   place would be a fraction of a cent; a price per unit ("1.500 euros a litre") is the
#   exception and is read as a decimal (``_PER_UNIT_AFTER``);
# - a count before the noun it counts ("1.500 people"): things counted one by one come in
#   whole numbers, and English writes no trailing zeros in a decimal ("1.5 people" would not
#   be written "1.500");
# - any amount in a text that writes its thousands with full stops elsewhere, in a number
#   with two groups ("1.500.000") or before a decimal comma ("1.250,50").
# A bare number in English copy ("Shares closed at 12.500") stays a decimal.
_POINT_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_POINT_THOUSANDS_IN_TEXT = re.compile(
    r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?!\.?\d|,\d)"  # "1.500.000"
    r"|(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d{1,2}(?![\d.,])"  # "1.250,50"
)


@functools.lru_cache(maxsize=1)
def _writes_point_thousands(text: str) -> bool:
    """Does ``text`` write thousands with full stops somewhere ("1.500.000", "1.250,50")?

    Cached for the text being read: asked only for a number that could be read either way.

    Examples
    --------
    >>> _writes_point_thousands("Some 1.500.000 voters"), _writes_point_thousands("on 06.01.2022")
    (True, False)
    """
    return bool(_POINT_THOUSANDS_IN_TEXT.search(text))


def _counted_after(text: str, end: int) -> bool:
    """Is the number ending at ``end`` a count: of the noun after it, or in a compound modifier
    ("a 1.500-strong crowd", "a 2.000-seat arena"), whose decimal would be written without the
    zeros ("a 1.5-metre wall")?"""
    return bool(counted_noun(text, end)) or (
        text.startswith("-", end) and text[end + 1 : end + 2].isalpha()
    )


def _amount_value(
    written: str, text: str = "", end: int = 0, *, money: bool = False
) -> int | float | None:
    """The value of an amount of money or a count, reading '12.500' as 12,500 where English
    cannot mean 12.5 (see ``_POINT_THOUSANDS``); ``end`` is where the amount ends in ``text``.

    Examples
    --------
    >>> _amount_value("12.500", money=True), _amount_value("1.799", money=True)
    (12500, 1.799)
    >>> _amount_value("12.500", "at 12.500 on Friday", 9), _amount_value("2.5")
    (12.5, 2.5)
    >>> _amount_value("1.500", "1.500 people", 5)
    1500
    """
    if not _POINT_THOUSANDS.fullmatch(written):
        return number_value(written)
    round_amount = written.endswith("00")  # "1.500", which a decimal would write "1.5"
    if (round_amount and (money or _counted_after(text, end))) or _writes_point_thousands(text):
        return int(written.replace(".", ""))
    return number_value(written)


# A price per unit ("1.500 euros a litre", "80.500 dollars per barrel") is where a decimal with
# three places is written, so it is never read as thousands.
_PER_UNIT_AFTER = re.compile(r"[ \t]+(?:a|an|per)[ \t]+[a-z]")


def _money(match: RuleMatch, text: str) -> Figure:
    per_unit = _PER_UNIT_AFTER.match(text, match.end())
    value = (
        number_value(match["amount"])
        if per_unit
        else _amount_value(match["amount"], text, match.end(), money=True)
    )
    sign, word = match["sign"], match["cur"]
    unit = _CURRENCY_SIGN.get(sign, "") if sign else _MONEY_WORDS.get(word.lower(), word)
    start, unit = _dollar_prefix(match, text, unit)
    return _figure(_Shifted(match, start, match.end()), text, "money", value, unit=unit)


def _dollar_prefix(match: RuleMatch, text: str, unit: str) -> tuple[int, str]:
    """Where a money figure starts and its unit, given a prefix before its dollar sign."""
    prefix = match["prefix"]
    if not prefix:
        return match.start(), unit
    start = match.span("prefix")[0]
    written = text[start : match.span("prefix")[1]]
    if written.strip(" .").lower().replace(".", "") == "us":
        return start, "USD"
    if written.isupper():
        return start, _DOLLAR_UNITS[written.lower()]
    return match.span("sign")[0], unit  # "a$5" is no Australian money


_PERCENT_SIGN = re.compile(r"(?:\s?%|\s?per\s?cent\b|\s?percent\b)?")


_MIXED_CASE_SIGNS = ("Rs", "KSh", "Ksh", "Sh", "USh", "Rp", "Tk")
_ATTACHED_SIGNS = "ksh|ush|sh|rp|rm|tk|rs|r"
_SCALE_ENDINGS = ("million", "billion", "trillion", "bn", "m", "k")


def _money_code(match: RuleMatch, text: str) -> Figure | None:
    code_group, amount_group = ("code", "amount") if match["code"] else ("code2", "amount2")
    written = text[match.span(code_group)[0] : match.span(code_group)[1]]
    amount = match[amount_group]
    attached = code_group == "code2"
    if written == "R" and not amount.lower().endswith(_SCALE_ENDINGS):
        # "R2": a route or a model; "R50 million": rand
        return None if attached else _count_digits(_Shifted(match, *match.span("amount")), text)
    if not (written.isupper() or written.startswith(_MIXED_CASE_SIGNS)):  # "rub 300 times"
        if attached:
            return None  # "sh500": a code, as before
        start, end = match.span("amount")
        return _count_digits(_Shifted(match, start, end), text)
    return _figure(match, text, "money", number_value(amount),
                   unit=_CURRENCY_CODE[written.lower()])  # fmt: skip


def _money_range(match: RuleMatch, text: str) -> Figure | list[Figure] | None:
    low, high = _scaled_bounds(match, "low", "high", "lscale")
    if low is None or high is None:
        return None
    unit = _CURRENCY_SIGN.get(match["sign"], "")
    start, unit = _dollar_prefix(match, text, unit)
    if low >= high:  # "fell from $5 to $3": two amounts, not a range
        second = text.rfind(match["sign"], match.span("low")[1], match.span("high")[0])
        second = second if second >= 0 else match.span("high")[0]
        prefix = re.search(rf"{_DOLLARS}$", text[max(0, second - 2) : second], re.IGNORECASE)
        second -= len(prefix.group()) if prefix and match["sign"] == "$" else 0
        return [
            _figure(_Shifted(match, start, _low_end(match, "low", "lscale")), text, "money", low,
                    unit=unit),
            _figure(_Shifted(match, second, match.end()), text, "money", high, unit=unit,
                    qualifier="exact"),
        ]  # fmt: skip
    return _figure(match, text, "money", None, qualifier="range", low=low, high=high, unit=unit)


def _scaled_bounds(match: RuleMatch, low_group: str, high_group: str, low_scale: str):
    """Both ends of a range with their scale: "£2.5m-£3m" has one each; in "between 3 and 4
    million" and "$5 to $7 billion" the scale after the second end is the first end's too,
    unless the first is larger without it ("between 500 and 1 million").

    Examples
    --------
    >>> [(f.low, f.high) for f in extract_figures("between 3 and 4 million people")]
    [(3000000, 4000000)]
    """
    scale, own = match["scale"] or "", match[low_scale]
    low_written, high_written = match[low_group], match[high_group]
    in_words = _SCALE_WORD_AT_END.search(high_written)
    if not scale and in_words and not _SCALE_WORD_AT_END.search(low_written):
        # "between three and four million": the scale is written inside the second end.
        high_written, scale = high_written[: in_words.start()], in_words.group()
    high = number_value(high_written + scale)
    low = number_value(low_written + own) if own else number_value(low_written)
    if not own and scale and low is not None:
        unscaled_high = number_value(high_written)
        scaled = number_value(low_written + scale)
        if scaled is not None and unscaled_high is not None and low <= unscaled_high:
            low = scaled
    return low, high


_SCALE_WORD_AT_END = re.compile(r"\s(?:hundred|thousand|million|billion)$", re.IGNORECASE)


def _low_end(match: RuleMatch, low_group: str, low_scale: str) -> int:
    """Where the first end of a range ends, its own scale included."""
    return match.span(low_scale)[1] if match[low_scale] else match.span(low_group)[1]


def _percent_range(match: RuleMatch, text: str) -> Figure | list[Figure] | None:
    low, high = number_value(match["low"]), number_value(match["high"])
    if low is None or high is None:
        return None
    if low >= high:  # "split 52% to 48%": two percentages, not a range
        first_end = _PERCENT_SIGN.match(text, match.span("low")[1]).end()
        return [
            _figure(_Shifted(match, match.span("low")[0], first_end), text, "percent", low,
                    unit="percent"),
            _figure(_Shifted(match, match.span("high")[0], match.end()), text, "percent", high,
                    unit="percent", qualifier="exact", counts=True),
        ]  # fmt: skip
    return _figure(match, text, "percent", None, qualifier="range", low=low, high=high,
                   unit="percent", counts=True)  # fmt: skip


def _measure(match: RuleMatch, text: str) -> Figure | None:
    if inside_name(text, match.start()):
        return None
    if match["measure"] in ("c", "f"):
        return _temperature(match, text)
    value = number_value(match["amount"])
    if value is None:
        return None
    written = " ".join(match["measure"].lower().split())
    unit = MEASURES.get(written) or {"m": "m", "k": "km"}[written]
    return _figure(match, text, "count", value, unit=unit)


def _temperature(match: RuleMatch, text: str) -> Figure | None:
    """'30C' is a temperature; '30c' (cents? a footnote?) is left alone, as before."""
    letter = text[match.span("measure")[0]]
    if not letter.isupper():
        return None
    return _figure(match, text, "count", number_value(match["amount"]), unit=f"°{letter}")


def _magnitude(match: RuleMatch, text: str) -> Figure:
    return _figure(match, text, "count", number_value(match["amount"] or match["amount2"]),
                   unit="magnitude")  # fmt: skip


def _percent(match: RuleMatch, text: str) -> Figure:
    return _figure(match, text, "percent", number_value(match["amount"]), unit="percent",
                   counts=True)  # fmt: skip


def _duration(match: RuleMatch, text: str) -> Figure | None:
    amount = match["amount"].lower()
    if amount in ("a", "an") and match["unit"].lower() == "second":
        return None  # "a second wave" is an ordinal, not a duration
    before = text[max(0, match.start() - 12) : match.start()]
    in_a_short_time = before.lower().endswith("in ") and match["unit"].lower() in _SHORT_UNITS
    if amount in ("a", "an") and (_RATE_BEFORE.search(before) or in_a_short_time):
        return None  # "£180,000 a year", "deaths in a day": a rate, not a length of time
    if amount in ("a", "an") and _rate_after_quantity(text, match.start(), match.end()):
        return None  # "2.1 billion cubic metres of gas a year": a rate
    if (
        amount == "one"
        and _ONE_DAY_IDIOM.match(text, match.start())
        and not _PREPOSITION_BEFORE.search(text, max(0, match.start() - 8), match.start())
    ):
        return None  # "one day we will find out": some day, no length of time
    value = 0.5 if amount.startswith("half") else number_value(amount)
    if value is None:
        return None
    if match["half"]:
        value += 0.5
    multiple, unit = _duration_unit(match["unit"])
    age = _OLD_AFTER.match(text, match.end())  # "over 60 years old" is an age: more than
    # "over 3 years ago" dates an event by a length before now: more than, never "during"
    ago = _AGO_AFTER.match(text, match.end())
    figure = _figure(match, text, "duration", value * multiple, unit=unit,
                     over_means_during=not (age or ago))  # fmt: skip
    within = _WITHIN_BEFORE.search(text, max(0, figure.start - 8), figure.start)
    # "within eight minutes": at most. In "within roughly a day" the qualifier attached to the
    # number is "roughly", and only that one is in the span (the guide's rule for qualifiers).
    if within and figure.qualifier == "exact":
        figure = dataclasses.replace(
            figure, start=within.start(), text=text[within.start() : figure.end],
            qualifier="up_to", high=value,
        )  # fmt: skip
    return _or_more(figure, text)


def _duration_unit(word: str) -> tuple[int, str]:
    """How many units a time word is and the unit recorded: decades and centuries in years,
    as people count them.

    Examples
    --------
    >>> _duration_unit("Decade"), _duration_unit("week")
    ((10, 'years'), (1, 'weeks'))
    """
    word = word.lower()
    if word == "decade":
        return 10, "years"
    if word.startswith("centur"):
        return 100, "years"
    return 1, word + "s"


def _unit_and_a_half(match: RuleMatch, text: str) -> Figure:
    multiple, unit = _duration_unit(match["unit"])
    return _figure(match, text, "duration", 1.5 * multiple, unit=unit)


_WITHIN_BEFORE = re.compile(r"\bwithin\s+$", re.IGNORECASE)
_OLD_AFTER = re.compile(r"[ \t]+old\b", re.IGNORECASE)
_AGO_AFTER = re.compile(r"[ \t]+ago\b", re.IGNORECASE)
_ONE_DAY_IDIOM = re.compile(
    r"one day,?\s+(?:we|i|you|he|she|they|it|this|that|there|the|soon|when|all|someone)\b",
    re.IGNORECASE,
)
# A number earlier in the same clause ("5 million tonnes of grain a year").
_QUANTITY_BEFORE = re.compile(r"(\d[\d,.]*)[^\d.,;:!?()\n]{1,40}$")
_DURATION_AFTER = re.compile(
    r"[ \t-]*(?:later|ago|earlier|after|before|long|old|on|into|since|and\s+a\s+half)\b",
    re.IGNORECASE,
)


def _rate_after_quantity(text: str, start: int, end: int) -> bool:
    """Is "a year" at ``start`` the rate of a quantity said just before ("of gas a year")?

    Examples
    --------
    >>> text = "it moved 5 million tonnes of grain a year"
    >>> _rate_after_quantity(text, 35, 41)
    True
    >>> _rate_after_quantity("5 people died a year later", 14, 20)
    False
    """
    before = _QUANTITY_BEFORE.search(text, max(0, start - 48), start)
    if not before or re.fullmatch(_YEAR, before.group(1)):
        return False  # no number in the clause, or a year ("In 2019 a year of protests")
    if _PREPOSITION_BEFORE.search(text, max(0, start - 12), start) or _SPAN_BEFORE.search(
        text, max(0, start - 12), start
    ):
        return False  # "for a year", "in a year", "over a decade"
    return not _DURATION_AFTER.match(text, end)


# Prepositions of time that take a length of time (Quirk et al. 1985, 9.37-9.40: duration):
# "over a decade", "during a year", "throughout a month" state a span, never a rate.
_SPAN_BEFORE = re.compile(r"\b(?:over|during|across|throughout|through)\s+$", re.IGNORECASE)


_RATE_BEFORE = re.compile(r"(?:\d|\b(?:per|once|twice|thrice|times))\s+$", re.IGNORECASE)
_SHORT_UNITS = ("second", "minute", "hour", "day", "week", "month")

_RATIO_VALUES = {"doubl": 2, "tripl": 3, "quadrupl": 4, "halv": 0.5, "half": 0.5, "twice": 2,
                 "thrice": 3}  # fmt: skip


def _ratio(match: RuleMatch, text: str) -> Figure | None:
    word = match["ratio"].lower()
    fold = re.match(r"(\w+)-?fold$", word)
    if fold:
        value = number_value(fold.group(1))
    elif " " in word or "-" in word:  # "two-thirds", "a third"
        numerator, denominator = re.split(r"[\s-]+", word)[:2]
        value = round((number_value(numerator) or 1) / _DENOMINATORS[denominator.rstrip("s")], 4)
        return _figure(match, text, "ratio", value, unit="share")  # a fraction is a share
    else:
        value = next(v for k, v in _RATIO_VALUES.items() if word.startswith(k))
        if word in ("twice", "thrice") and not _MULTIPLIER_AFTER.match(text, match.end()):
            return _figure(match, text, "count", value, unit="times")  # "he scored twice"
    return _figure(match, text, "ratio", value, unit="times")


# "twice" multiplies what follows it ("twice as many", "twice the rate", "twice that",
# "twice higher") or counts repetitions ("he was arrested twice": the guide's count, 2 times).
_MULTIPLIER_AFTER = re.compile(
    r"[ \t]+(?:as|the|that|what|this|those|its|their|his|her|our|a|an|more|less|[a-z]+er)\b",
    re.IGNORECASE,
)


# Multiplicative verbs (the guide's "near doubling", "halving"; Levin 1993, 45.6, verbs of
# calibratable change of state: double, triple, halve). The -ing and -ed forms are found by
# the ratio rule. "halve" is only a verb; "doubles" is a verb unless a determiner makes it a
# noun ("the doubles final"); "double" and "halves" are verbs after "to", a modal or an adverb
# of degree ("expected to double", "could triple", "almost double"), not in "a double room",
# "pays double" or "two halves".
_VERB_SLOT_BEFORE = re.compile(
    r"(?:\b(?:to|will|would|could|can|may|might|must|should|shall|did|does|do|almost|nearly"
    r"|more\s+than|roughly|about|effectively))[ \t]+$",
    re.IGNORECASE,
)
_NOUN_SLOT_BEFORE = re.compile(
    r"\b(?:the|a|an|in|mixed|men['’]s|women['’]s|his|her|their|its|our|my|your|of|and|or)[ \t]+$",
    re.IGNORECASE,
)
_VERB_VALUES = {"doubl": 2, "tripl": 3, "quadrupl": 4, "halv": 0.5}


def _multiplied(match: RuleMatch, text: str) -> Figure | None:
    """'doubles', 'could double', 'halve': a multiplier; 'by a fifth', 'almost a quarter': a
    share (the guide: fractions are ratios, unit share; multipliers keep unit times).

    Examples
    --------
    >>> [(f.text, f.value) for f in extract_figures("Fees will almost double; use halves.")]
    [('almost double', 2)]
    >>> [(f.text, f.value) for f in extract_figures("Sales fell by a fifth last year.")]
    [('a fifth', 0.2)]
    """
    start = match.start()
    before = text[max(0, start - 16) : start]
    if match["fraction"]:
        if not (before.lower().endswith("by ") or qualifier_before(text, start)):
            return None  # "a fifth", alone and without "by" or a qualifier: a rank elsewhere
        numerator, denominator = re.split(r"[\s-]+", match["fraction"].lower())[:2]
        value = round((number_value(numerator) or 1) / _DENOMINATORS[denominator.rstrip("s")], 4)
        return _figure(match, text, "ratio", value, unit="share")
    verb = match["verb"].lower()
    if _NOUN_SLOT_BEFORE.search(before):
        return None
    if verb not in ("halve", "doubles", "triples", "quadruples") and not _VERB_SLOT_BEFORE.search(
        before
    ):
        return None  # "pays double", "two halves": an adverb, a noun
    value = next(v for k, v in _VERB_VALUES.items() if verb.startswith(k))
    return _figure(match, text, "ratio", value, unit="times")


_PART_VALUES = {"half": 0.5, "quarter": 0.25}
_DENOMINATORS = {"third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                 "ninth": 9, "tenth": 10}  # fmt: skip
_SCALE_VALUES = {**SCALE_WORDS, "dozen": 12}


def _part_of_scale(match: RuleMatch, text: str) -> Figure | None:
    """'half a million' (500 000), 'a quarter of a million', 'two and a half billion'."""
    part = match["part"].lower()
    words = part.split()
    word = words[0] if words[0] == "half" else words[1]  # "half a", "a quarter of a"
    share = _PART_VALUES[word] if word in _PART_VALUES else number_value(part)
    if share is None:
        return None
    value = share * _SCALE_VALUES[match["scale"].lower()]
    value = int(value) if float(value).is_integer() else value
    if match["cur"]:
        unit = _CURRENCY_WORD.get(match["cur"].lower(), match["cur"])
        return _figure(match, text, "money", value, unit=unit)
    return _figure(match, text, "count", value, counts=True)


def _rank(match: RuleMatch, text: str, group: int | str = 0) -> Figure:
    ordinal = (match["ordinal"] or match["ordinal2"]).lower()
    value = ORDINAL_WORDS.get(ordinal) or int(re.match(r"[\d,]+", ordinal).group().replace(",", ""))
    figure = _figure(match, text, "rank", value, unit="rank", group=group)
    unit = _MATCH_MINUTE_AFTER.match(text, figure.end) if ordinal[0].isdigit() else None
    if unit:  # "the 89th minute", "a 94th-minute header"
        figure = dataclasses.replace(figure, end=unit.end(), text=text[figure.start : unit.end()],
                                     unit=unit["unit"].lower())  # fmt: skip
    return figure


# The minute of a match in a sports report, written in digits ("the 89th minute", "a
# 94th-minute header"), reads like a time stamp on the match clock: the unit is in the span,
# as "a.m." is in a clock time (the guide's "Clock times"; the dev annotations). An ordinal in
# words keeps its noun out ("the fourth minute" -> "fourth", as "the fourth day" in the guide).
_MATCH_MINUTE_AFTER = re.compile(r"[ -](?P<unit>minute)\b(?!-)", re.IGNORECASE)
# An article before an ordinal and its noun: "a third officer" is the guide's `a third`
# Representative (one more of a series), not the fraction "a third of".
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])an?[ \t]+$", re.IGNORECASE)


def _rank_before_noun(match: RuleMatch, text: str) -> Figure:
    figure = _rank(match, text)
    article = _ARTICLE_BEFORE.search(text, max(0, figure.start - 4), figure.start)
    if article and figure.start == match.start():
        figure = dataclasses.replace(figure, start=article.start(),
                                     text=text[article.start() : figure.end])  # fmt: skip
    return figure


_PLACE_AFTER = re.compile(r"[ \t]+place\b", re.IGNORECASE)


# A placing in a ranking said without "place" (the guide: `came in second` states a placing):
# after a verb of changing position, as Levin (1993, 45.6) lists the verbs of calibratable
# change ("rose to", "slipped to", "climbed to"), after a verb of staying put or "now"
# ("sit fourth", "are now seventh"), or before the table it is a place in ("fourth in the
# Premier Division"; the vocabulary of league tables, standings and polls).
_PLACING_BEFORE = re.compile(
    r"\b(?:(?:slip|slips|slipped|slipping|slide|slides|slid|sliding|drop|drops|dropped|dropping"
    r"|fall|falls|fell|falling|climb|climbs|climbed|climbing|rise|rises|rose|rising|move|moves"
    r"|moved|moving|jump|jumps|jumped|jumping|tumble|tumbles|tumbled|tumbling|sink|sinks|sank"
    r"|go|goes|went|up|down|back)\s+to"
    r"|now|sit|sits|sat|sitting|lie|lies|lying|remain|remains|remained|stay|stays|stayed"
    r"|finish|ended|end|ends)[ \t]+$",
    re.IGNORECASE,
)
_TABLE_AFTER = re.compile(
    r"[ \t]+(?:in|on)[ \t]+the[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:table|standings|league|division"
    r"|group|conference|championship|rankings?|polls?|ladder)\b",
    re.IGNORECASE,
)


def _standing(match: RuleMatch, text: str) -> Figure | None:
    """An ordinal standing alone is a placing after a verb of moving or staying in a table,
    or before the table; otherwise it orders events ("the first, then the second") and is
    not a figure (the guide's rule for ordinals).

    Examples
    --------
    >>> [f.text for f in extract_figures("Rovers slipped to fourth. They are now 7th.")]
    ['fourth', '7th']
    >>> [f.text for f in extract_figures("He spoke second, and she spoke third.")]
    []
    """
    start = match.start()
    if not (
        _PLACING_BEFORE.search(text, max(0, start - 14), start)
        or _TABLE_AFTER.match(text, match.end())
    ):
        return None
    return _rank(match, text)


# A placing names its contest or its rivals after the ordinal: "came second in the poll",
# "came first at the Games", "came third behind Ilves", "came second with 33.8%", "came
# fourth of 12", "came first overall" (the vocabulary of races, elections, polls and tables).
_CONTEST_AFTER = re.compile(
    r"[ \t]+(?:(?:in|at)[ \t]+(?:the|a|an|this|that|its|his|her|their|last|next)[ \t]+"
    r"(?:[\w'’-]+[ \t]+){0,3}?(?:race|races|poll|polls|election|elections|vote|ballot|primary"
    r"|primaries|contest|competition|final|finals|heat|heats|table|standings|league|division"
    r"|group|rankings?|championships?|tournament|round|event|survey|category|class|marathon"
    r"|cup|games|olympics|world|count|results?|leaderboard)\b"
    r"|behind\b|ahead[ \t]+of\b|overall\b|with[ \t]+\d|of[ \t]+\d|out[ \t]+of\b|place\b)",
    re.IGNORECASE,
)
_COME_BEFORE_ORDINAL = re.compile(r"\b(?P<verb>come|comes|coming|came)[ \t]+$", re.IGNORECASE)


# Adverbs of frequency (Quirk et al. 1985, 8.64) before "came" make it a habit, not a result
# ("family always came first"). "still" is no adverb of frequency: "she still came first"
# reports a result despite something.
_HABIT_BEFORE = re.compile(
    r"\b(?:always|never|usually|often|invariably|generally)[ \t]+$", re.IGNORECASE
)


def _finishing_place(match: RuleMatch, text: str) -> Figure | None:
    """A placing after a verb of finishing or winning ("finished fourth", "came in second",
    "won first place"). After "come" without "in", an ordinal is a placing only in a report of
    a result: before its contest or rivals ("comes second in the poll"), or after the past
    "came" ("Ilves came second.") when no adverb of frequency makes it a habit. Otherwise it
    ranks a priority, which the guide does not count ("Safety comes first", "Fairness must
    come first": an ordinary word).

    Examples
    --------
    >>> [f.text for f in extract_figures("She came second. Safety comes first.")]
    ['second']
    >>> [f.text for f in extract_figures("He comes third in the latest poll.")]
    ['third']
    """
    group = "span2" if match["span2"] else "span"
    start = match.span(group)[0]
    come = _COME_BEFORE_ORDINAL.search(text, max(0, start - 8), start)
    if come and not _CONTEST_AFTER.match(text, match.span(group)[1]):
        habit = _HABIT_BEFORE.search(text, max(0, come.start() - 12), come.start())
        if come["verb"].lower() != "came" or habit:
            return None  # a priority: "comes first", "always came first"
    return _rank(match, text, group=group)


def _ordinal(match: RuleMatch, text: str) -> Figure | None:
    """'1st' and '2nd' follow the guide's rule for "first" and "second": figures only when
    they state a placing ("2nd place", "2nd-largest"), not when they order events
    ("his 2nd term", "the 1st time"); "3rd" and higher order something checkable.

    Examples
    --------
    >>> [f.text for f in extract_figures("his 2nd term, her 2nd place, the 3rd round")]
    ['2nd', '3rd']
    """
    ordinal = match["ordinal2"]
    if ordinal and ordinal[:-2] in ("1", "2") and not _PLACE_AFTER.match(text, match.end()):
        return None
    return _rank(match, text)


def _year_range(match: RuleMatch, text: str) -> Figure | list[Figure] | None:
    low, high = int(match["low2"]), int(match["high2"])
    if low >= high:  # "2019-2018": two years, not a period
        return [
            _figure(_Shifted(match, *match.span(group)), text, "year", int(match[group]),
                    unit="year", qualifier="exact")
            for group in ("low2", "high2")
        ]  # fmt: skip
    return _figure(match, text, "year", None, qualifier="range", low=low, high=high,
                   unit="year")  # fmt: skip


def _category(match: RuleMatch, text: str) -> Figure:
    return _figure(match, text, "rank", int(match["ordinal"]), unit="category")


def _century(match: RuleMatch, text: str) -> Figure:
    number = int(match["n"])
    return _figure(match, text, "year", None, unit="year", qualifier="range",
                   low=(number - 1) * 100 + 1, high=number * 100)  # fmt: skip


def _year_approx(match: RuleMatch, text: str) -> Figure:
    return _figure(match, text, "year", int(match["year"]), unit="year", qualifier="approx")


def _fiscal_year(match: RuleMatch, text: str) -> Figure | None:
    first = int(match["year"])
    if int(match["next"]) != (first + 1) % 100:
        return None  # "1430/2019"-like identifiers are not fiscal years
    return _figure(match, text, "year", None, unit="year", qualifier="range", low=first,
                   high=first + 1)  # fmt: skip


_PART_OF_DECADE = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}


def _decade(match: RuleMatch, text: str) -> Figure:
    digits, word, short = match["digits"], match["word"], match["short"]
    # "the '80s" and "the eighties" are of the last century, as readers take them.
    last_century = 1900 + (int(short) if short else DECADE_WORDS.get((word or "").lower(), 0))
    base = int(digits) if digits else last_century
    part = (match["part"] or match["part2"] or match["part3"] or "").lower()
    low, high = _PART_OF_DECADE.get(part, (0, 9))
    # The guide: a decade is a range of years; its early, mid or late part is vague (the
    # seeds' "the late nineties"). "the 1970s" is written "1970s"; "the late nineties" needs
    # its article.
    group = "dspan" if digits else "sspan" if short else 0
    return _figure(match, text, "year", None, qualifier="vague" if part else "range",
                   unit="year", low=base + low, high=base + high, group=group)  # fmt: skip


# A possessive before an age by decade ("in their 30s"): lookbehinds, one per word, so the
# match starts at the age itself.
_POSSESSIVE_BEFORE = (
    "(?:"
    + "|".join(rf"(?<=\b{word}\s)" for word in ("their", "his", "her", "my", "your", "our"))
    + ")"
)


def _age_decade(match: RuleMatch, text: str) -> Figure:
    """'in their 30s' is an age of 30 to 39 years (the guide: ages are durations in years).

    Examples
    --------
    >>> f = extract_figures("Most victims were in their early 30s.")[0]
    >>> (f.text, f.kind, f.low, f.high, f.qualifier)
    ('early 30s', 'duration', 30, 33, 'vague')
    """
    word = (match["word"] or "").lower()
    if word == "teens":
        base, low, high = 10, 3, 9
    else:
        base = int(match["n"]) if match["n"] else DECADE_WORDS[word]
        low, high = 0, 9
    part = (match["part"] or "").lower()
    if part:
        low, high = _PART_OF_DECADE[part]
        low, high = (3, 5) if (word, part) == ("teens", "early") else (low, high)
    return _figure(match, text, "duration", None, qualifier="vague" if part else "range",
                   unit="years", low=base + low, high=base + high)  # fmt: skip


def _year(match: RuleMatch, text: str) -> Figure | None:
    # "more than 2000" counts; a bare 2011 is read as a year, the common case in news.
    if qualifier_before(text, match.start()):
        return _count_digits(match, text)
    named = inside_name(text, match.start()) and not _PERIOD_BEFORE.search(
        text, max(0, match.start() - 6), match.start()
    )
    if named or _STREET_AFTER.match(text, match.end()):
        return None  # "Boeing 2000", "1600 Pennsylvania Avenue"
    return _figure(match, text, "year", int(match["year"]), unit="year", qualifier="exact")


# A quarter or half of a financial year before its year ("Q3 2023", "H1 2024"): the year is
# a figure, as in "the summer of 2020" (the guide), not part of a name like "Windows 2000".
_PERIOD_BEFORE = re.compile(r"\b(?:Q[1-4]|H[12])[ \t]+$")


# Before a year written with an apostrophe and two digits: a preposition of time or a season
# ("in '98", "since '05", "the class of '05", "summer '69"), which tells it from a quotation.
_SHORT_YEAR_BEFORE = re.compile(
    r"\b(?:in|of|since|from|to|until|till|by|and|through|during|spring|summer|autumn|fall"
    r"|winter)[ \t]+['’]$",
    re.IGNORECASE,
)


def _short_year(match: RuleMatch, text: str) -> Figure | None:
    """'98 is 1998 and '05 is 2005 (two digits above 30 are read in the last century).

    Examples
    --------
    >>> [(f.text, f.value) for f in extract_figures("born in '98, married in '21")]
    [("'98", 1998), ("'21", 2021)]
    """
    start = match.start()
    digits = text[start : match.end()]
    if not _SHORT_YEAR_BEFORE.search(text, max(0, start - 12), start) or len(digits) != 2:
        return _count_digits(match, text)  # "'12 people'": a number in quotation marks
    two = int(digits)
    year = 1900 + two if two > 30 else 2000 + two
    return _figure(_Shifted(match, start - 1, match.end()), text, "year", year, unit="year",
                   qualifier="exact")  # fmt: skip


def _vague(match: RuleMatch, text: str) -> Figure:
    phrase = re.sub(r"\s+", " ", match["vague"].lower())
    if phrase == "scores" and not match.group().lower().endswith("of"):
        return None  # "test scores" counts nothing; "scores of" does
    low, high = VAGUE[phrase]
    # "hundreds of", "a handful of" keep their "of"; "tens of thousands" and "a host of" are
    # whole already.
    group = "core" if " of" in phrase else 0
    if low == high:  # "a dozen" is a number, not a range ("a dozen or so": about one)
        return _or_more(_figure(match, text, "count", low, counts=True, group=group), text)
    return _figure(match, text, "count", None, qualifier="vague", low=low, high=high,
                   counts=True, group=group)  # fmt: skip


def _vague_years(match: RuleMatch, text: str) -> Figure:
    low, high = VAGUE_YEARS[" ".join(match["years"].lower().split())]
    return _figure(match, text, "duration", None, qualifier="vague", low=low, high=high,
                   unit="years")  # fmt: skip


# A results line of a sports report: each side's name and its score, and nothing else
# ("DUNMORE ATHLETIC 2 ALBION ROVERS 1", "Arsenal 2 Chelsea 1"): the scores are counts.
_SIDE = r"(?:[A-Z][\w’'&.-]*[ \t]+){1,4}"
_RESULTS_LINE = re.compile(rf"^[ \t]*{_SIDE}\d{{1,2}}[ \t]+{_SIDE}\d{{1,2}}[ \t]*$", re.MULTILINE)


def _on_a_results_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return bool(_RESULTS_LINE.fullmatch(text, line_start, len(text) if line_end < 0 else line_end))


def _count_digits(
    match: RuleMatch, text: str, group: int | str = 0, value: int | None = None
) -> Figure | None:
    if inside_name(text, match.start()) and not _on_a_results_line(text, match.start()):
        return None  # "Ukraine 24", "Covid-19": part of a name
    if _STREET_AFTER.match(text, match.end()):
        return None  # "10 Downing Street": a house number names a place
    if text.startswith("/", match.end()) and text[match.end() + 1 : match.end() + 2].isdigit():
        return None  # "24/7", "1430/2019": one identifier
    if value is None:
        value = _amount_value(match["amount"], text, match.span("amount")[1])
    return _or_more(_figure(match, text, "count", value, counts=True, group=group), text)


# A street name after a house number: capitalised words, then the kind of street (the
# common English street suffixes).
_STREET_AFTER = re.compile(
    r"[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Boulevard|Blvd|"
    r"Drive|Square|Place|Way|Terrace|Crescent|Court|Close|Gardens|Row|Parkway)\b"
)
_OR_MORE = re.compile(
    r"[ \t]+(?:or[ \t]+(more|fewer|less|so|over|above|older|under|below|younger)"
    r"|and[ \t]+(over|above|older))\b(?![ \t]+\d)"
)


def _or_more(figure: Figure, text: str) -> Figure:
    """'four or more': the bound joins the figure."""
    after = _OR_MORE.match(text, figure.end)
    if not after or figure.qualifier != "exact" or not isinstance(figure.value, int | float):
        return figure
    word = after.group(1) or after.group(2)
    qualifier = {"more": "at_least", "over": "at_least", "above": "at_least",
                 "older": "at_least", "so": "approx"}.get(word, "up_to")  # fmt: skip
    return dataclasses.replace(
        figure,
        end=after.end(),
        text=text[figure.start : after.end()],
        qualifier=qualifier,
        low=figure.value if qualifier == "at_least" else None,
        high=figure.value if qualifier == "up_to" else None,
        counts=counted_noun(text, after.end()),
    )


def _ranging(match: RuleMatch, text: str) -> Figure | list[Figure] | None:
    """'ranging in age from eleven to 75': one range, its span from 'from'; a range of ages
    is a duration in years (the guide: ages are durations)."""
    low, high = number_value(match["low"]), number_value(match["high"])
    if low is None or high is None:
        return None
    if low >= high:
        return _separate_counts(match, text, ("low", "high"))
    age = "age" in match.group()[: match.span("span")[0] - match.start()]
    return _figure(match, text, "duration" if age else "count", None, qualifier="range",
                   low=low, high=high, group="span", unit="years" if age else "")  # fmt: skip


def _aged(match: RuleMatch, text: str) -> Figure | list[Figure] | None:
    """An age after "aged" is a duration in years (the guide's "Ages"); the verb stays out of
    the span, as in its "She was 26" -> "26".

    Examples
    --------
    >>> [(f.text, f.kind, f.low, f.high) for f in extract_figures("those aged 40 to 45")]
    [('40 to 45', 'duration', 40, 45)]
    """
    low = number_value(match["low"])
    high = number_value(match["high"]) if match["high"] else None
    if low is None or (match["high"] and high is None):
        return None
    between = match["span"].lower().startswith("between")
    if between and high is None:
        return None  # "aged between 18" is no range: let the other rules read it
    unit = (match["unit"] or "year").lower() + "s"
    if high is None:
        return _or_more(_figure(match, text, "duration", low, unit=unit, group="span"), text)
    if low >= high or (not between and "and" in match["conn"]):  # "aged 5 and 12": two ages
        return [
            _figure(_Shifted(match, *match.span(group)), text, "duration",
                    number_value(match[group]), unit=unit, qualifier="exact")
            for group in ("low", "high")
        ]  # fmt: skip
    return _figure(match, text, "duration", None, qualifier="range", low=low, high=high,
                   unit=unit, group="span")  # fmt: skip


_PRONOUN_ONE_NEXT = re.compile(
    r"[ \t]*(?:(?:of|another|can|could|would|must|should|may|might|will|who|that|which|is|was|"
    r"has|had|does|did|but|and|or|to|in|at|from|with|less|more"
    # "one last thing": "a final", a determiner, not a count (the guide: `one` as a pronoun)
    r"|last)\b|[’']s|[.,;:!?)\"“”]|$)",
    re.IGNORECASE,
)


_ONE_OCCASION = re.compile(r"[ \t]+occasion\b", re.IGNORECASE)
_PRONOUN_ONE_BEFORE = re.compile(
    r"\b(?:no|any|every|each|this|that|which|another|the)\s+$", re.IGNORECASE
)


def _range(match: RuleMatch, text: str) -> Figure | list[Figure] | None:
    low, high = _scaled_bounds(match, "low", "high", "lscale")
    if low is None or high is None:
        return None
    times = _two_times(match, text, ("low", "high"))
    if times:
        return times
    if low >= high:  # "between 20 and 10": two numbers, not a range
        return _separate_counts(match, text, ("low", "high"))
    if match["measure"]:
        return _measure_range(match, text, low, high)
    if match["unit"]:  # "between five and ten years"
        return _figure(match, text, "duration", None, qualifier="range", low=low, high=high,
                       unit=_duration_unit(match["unit"])[1])  # fmt: skip
    return _figure(match, text, "count", None, qualifier="range", low=low, high=high,
                   counts=True)  # fmt: skip


def _measure_range(match: RuleMatch, text: str, low, high) -> Figure:
    """'5-10 miles', 'between 60 and 70 mph': a range of a measure, the measure in the span
    (the guide's "Measures", as for one number); a lower-case 'c' or 'f' is no temperature.

    Examples
    --------
    >>> f = extract_figures("winds of 60-70mph")[0]
    >>> (f.text, f.low, f.high, f.unit)
    ('60-70mph', 60, 70, 'mph')
    """
    written = " ".join(match["measure"].lower().split())
    letter = text[match.span("measure")[0]]
    if written in ("c", "f"):
        if not letter.isupper():
            end = match.span("measure")[0]
            return _figure(_Shifted(match, match.start(), end), text, "count", None,
                           qualifier="range", low=low, high=high, counts=True)  # fmt: skip
        unit = f"°{letter}"
    else:
        unit = MEASURES[written]
    return _figure(match, text, "count", None, qualifier="range", low=low, high=high, unit=unit)


# A scale word needs a number before it to be a numeral ("a hundred", "two million"; Quirk et
# al. 1985, 6.63): alone it is part of something the rules did not read.
_BARE_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
_ONE_IDIOMS = {"-sided", "-off", "-way", "-time", "-stop", "-size", "-liner", "-on"}


def _count_words(match: RuleMatch, text: str) -> Figure | None:
    amount = match["amount"]
    if amount.lower() in _BARE_SCALES:
        return None  # "R2 million" (a currency not known here), "the million-dollar question"
    if amount.lower() == "one" and (match["noun"] or "").lower() in _ONE_IDIOMS:
        return None  # "one-sided", "a one-off": no count
    if text[match.start()].isupper() and inside_name(text, match.start()):
        return None  # "Marine One", "Formula One"
    if _DESIGNATION_BEFORE.search(text, max(0, match.start() - 16), match.start()):
        return None  # "segment two", "phase three": a designation
    if (
        amount.lower() == "zero"
        and not counted_noun(text, match.end())
        and not qualifier_before(text, match.start())
    ):
        return None  # "there is zero that is progressive": emphasis, not a count
    if amount.lower() == "one" and (
        _PRONOUN_ONE_NEXT.match(text, match.end())
        or _PRONOUN_ONE_BEFORE.search(text, max(0, match.start() - 12), match.start())
    ):
        return None  # "one can find", "one of them", "no one": a pronoun
    if amount.lower() == "one" and _ONE_OCCASION.match(text, match.end()):
        return None  # "on one occasion" means once, which the guide does not count
    return _or_more(_figure(match, text, "count", word_number_value(amount), counts=True), text)


# A measure written after a number in a range, for its first end.
_MEASURE_WORD = rf"(?:{trie_pattern(MEASURES)}|(?<=\d)[cf]\b)(?![\w/²])"


def _same_measure_at_both_ends(match: RuleMatch) -> bool:
    """'between 30C and 35C' is one range; 'between 5km and 10 miles' is not."""
    first = match["lmeasure"] or match["lmeasure2"]
    if not first:
        return True
    return bool(match["measure"]) and first.lower() == match["measure"].lower().strip()


def _two_measures(match: RuleMatch, text: str) -> list[Figure]:
    """Each end of '5km-10 miles' with its own measure: two figures."""
    figures = []
    ends = (("low", "lmeasure"), ("high", "measure")) if match["low"] else (
        ("low2", "lmeasure2"), ("high2", "measure"))  # fmt: skip
    for number, measure in ends:
        end = match.span(measure)[1] if match[measure] else match.span(number)[1]
        shifted = _Shifted(match, match.span(number)[0], end)
        written = " ".join((match[measure] or "").lower().split())
        unit = MEASURES.get(written) or (f"°{written.upper()}" if written in ("c", "f") else "")
        figures.append(_figure(shifted, text, "count", number_value(match[number]), unit=unit,
                               qualifier=None if not figures else "exact"))  # fmt: skip
    return figures


# Fixed phrases with number words that count nothing, as the Oxford Dictionary of Idioms and
# the Cambridge Idioms Dictionary list them, and political slogans of the same shape ("one
# country, two systems", "one person, one vote"). Lower case: the rules run on lowered text.
_IDIOMS = [
    "one by one", "two by two", "in two minds", "two-faced", "two and two together",
    "seventh heaven", "one country, two systems", "one country two systems",
    "one man, one vote", "one person, one vote", "one member, one vote", "six feet under",
    "one-horse town", "one-horse race", "two-horse race",
]  # fmt: skip
# Idioms whose first word is no number: the match starts at the number, the word before it
# is looked behind for (the rules are tried only from a number or a known first word).
_IDIOMS_AFTER_A_WORD = (
    r"(?<=cloud )nine|(?<=to square )one|(?<=my )two cents|(?<=kill )two birds with one stone"
    r"|(?<=kills )two birds with one stone|(?<=killed )two birds with one stone"
)


def _rule(pattern: str, builder: Builder) -> tuple[str, Builder]:
    return pattern, builder


# Fractions in words: "two-thirds", "seven-tenths", "an eighth of".
_NUMERATORS = "one|two|three|four|five|six|seven|eight|nine"
_FRACTION_WORDS = "thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?"
_THIRD_AND_HIGHER = [word for word in ORDINAL_WORDS if word not in ("first", "second")]


# The rules, most specific first: at each position the first rule that matches wins, so a
# date beats the count inside it and "25 years" beats "25". The patterns are lower case:
# they run on a lower-cased copy of the text (much faster than case-insensitive matching);
# builders that need capitals (month names, names) look at the original text.
RULES: list[tuple[str, Builder]] = [
    # Page furniture: matched so that it is consumed, then dropped.
    _rule(r"\[\d{1,3}(?:\s?[,–-]\s?\d{1,3})*\]", _furniture),  # footnote markers [3]
    _rule(r"(?<![\w.,])(?P<amount>\d{1,3})(?:[ \t]+\d{1,3})*[ \t]*$", _alone_on_line),  # "0 0"
    _rule(r"(?<=[a-z] )(?P<amount>\d{1,2})\.(?= [a-z])", lambda m, t: _inline_marker(m, t)),
    _rule(r"(?<![\w.,])(?P<amount>\d{1,3})[.)](?=[ \t])", _alone_on_line),  # list markers "1."
    _rule(
        r"\b\d+\s+(?:thoughts?|comments?|repl(?:y|ies)|responses?|likes?|shares?|views?)"
        r"(?:\s+on)?\b",
        _furniture,
    ),
    # Idioms and slogans whose number words count nothing (the guide: figures are numbers "a
    # reader could check"; fixed phrases as dictionaries of idioms list them).
    _rule(rf"\b(?:{trie_pattern(_IDIOMS)}|{_IDIOMS_AFTER_A_WORD})(?![\w-])", _furniture),
    # A US retirement plan, "401(k)": a name.
    _rule(r"\b401\(?k\)?(?!\w)", _furniture),
    # A share or view counter in a byline: "Report | 3 March 2026 | Shared 48,000 times".
    _rule(
        r"(?:(?<=\| )|^)(?:shared|liked|viewed|read)[ \t]+[\d,.]+[km]?[ \t]+times\b",
        _furniture,
    ),
    # Picture metadata "Agency, 1920, 08.01.2022": a bare number (a width) just before a
    # numeric date, between commas.
    _rule(r"(?<=, )\d{3,4}(?=, [0-3]?\d[./][01]?\d[./]\d{4}\b)", _furniture),
    # Dates.
    _rule(
        r"(?<![\d.])(?P<d1>[0-3]?\d)(?P<sep>[./-])(?P<d2>[0-3]?\d)(?P=sep)(?P<y>\d{4})(?!\d)",
        _numeric_date,
    ),
    _rule(r"(?<!\d)(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)", _iso_numeric_date),
    _rule(
        r"(?<!\w)(?P<phone>(?P<amount>\+?\(?\d{1,5}\)?(?:[ .-]\d{2,4}){2,}"
        r"|0\d{3,4}[ .-]?\d{5,7}"  # a trunk prefix "0": "01632 960983"
        r"|\d+(?:-\d+){3,}(?![\w-])))(?!\w)",  # a code: an ISBN "978-3-16-148410-0"
        _phone,
    ),  # phones, after dates
    # Two days of one month: "15 to 17 January" is two dates (a date, like a time, has no
    # numeric bounds), the first taking the month of the second.
    _rule(
        rf"(?P<d1>{_DAY})\s*(?:to|–|-|and|or)\s*"
        rf"(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?",
        lambda m, t: _days_of_a_month(m, t),
    ),
    _rule(
        rf"(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?",
        _named_date,
    ),
    _rule(
        rf"\b(?P<month>{_MONTH})\s+(?:(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?"
        rf"|(?P<year2>{_YEAR}))",
        lambda m, t: _month_year(m, t),
    ),
    _rule(rf"©\s*[^\d\n]{{0,40}}?(?P<year>{_YEAR})", _copyright_year),
    # Times of day, part of a time stamp: "17:30", "5.30 pm".
    _rule(
        # with seconds, as a transcript's or a recording's time stamp writes it: "00:12:45"
        r"(?<![\d.:])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d)(?::(?P<sec>[0-5]\d))?"
        r"(?:\s?(?P<ampm>[ap])\.?m\b\.?)?"
        r"|\.(?P<m2>[0-5]\d)\s?(?P<ampm2>[ap])\.?m\b\.?"
        r"|\s?(?P<ampm3>[ap])\.\s?m\.?|\s?(?P<ampm4>[ap])m\b)(?![\d:])"
        rf"(?:\s?(?:{_ZONES})\b)?",
        _time_of_day,
    ),
    # "10 o'clock", "two o'clock".
    _rule(
        r"(?P<h>\b(?:1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
        r"twelve))[ \t]+o['’]clock\b",
        _oclock,
    ),
    # Clock phrases: "half past ten", "a quarter to six", "twenty past nine", "12 noon".
    _rule(
        rf"\b(?:(?P<mins>half|(?:a\s+)?quarter|(?P<n>{_CLOCK_MINUTES}))(?:\s+minutes)?\s+past"
        rf"|(?P<mins2>(?:a\s+)?quarter|(?P<n2>{_CLOCK_MINUTES}|[1-5]?\d)\s+minutes)\s+to)"
        # not "a quarter to three-quarters", "half past one of them": no hour there
        rf"\s+(?P<h>{_CLOCK_HOUR})\b(?![.:]\d|-|[ \t]+(?:of|another)\b)"
        r"(?:[ \t]+o['’]clock\b|\s?(?P<ampm>[ap])(?:\.\s?m\b\.?|m\b))?"
        rf"|\b(?P<noon>12|twelve)[ \t]+(?P<word>noon|midday|midnight)\b"
        # "at 3 in the morning": the part of the day does what "a.m." does.
        rf"|(?<=\bat )(?P<h2>{_CLOCK_HOUR})(?:[ \t]+o['’]clock)?[ \t]+in[ \t]+the[ \t]+"
        r"(?P<day>morning|afternoon|evening)\b",
        lambda m, t: _clock_phrase(m, t),
    ),
    # A 24-hour time with its zone: "1639 UTC", "0800 GMT".
    _rule(rf"(?<![\d.,])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s?(?:{_ZONES})\b", _time_of_day),
    _rule(
        rf"\b(?P<part>early|mid|late)[\s-]+"
        rf"(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR}))?",
        _part_of_month,
    ),
    # A month alone after a preposition: "in May", "last October" (the span is the month).
    _rule(
        r"\b(?P<prep>in|since|by|until|till|last|next|this|during|from|through|before|after|of|the"
        r"|and|or|to)\s+(?P<span>(?P<month>january|february|march|april|may|june|july|august|september|"
        r"october|november|december))\b(?![ \t,]*\d)",
        _month_alone,
    ),
    # Money, percentages.
    # Ranges first: "45% to 60%" is one figure, not two.
    # Ranges of money and percentages written as one expression: "between $5 and $7 billion",
    # "16–17 percent", "45% to 60%".
    _rule(
        rf"(?:\bbetween\s+)?{_DOLLAR_PREFIX}(?P<sign>[{_SIGNS}])\s?(?P<low>{_DIGITS})"
        rf"(?P<lscale>{_SCALE}|{_SCALE_LETTER})?"  # "£2.5m-£3m": each end with its scale
        rf"(?:\s?(?:–|-|to)\s?|\s+and\s+)(?:{_DOLLARS}(?=\$))?(?P=sign)?\s?(?P<high>{_DIGITS})"
        rf"(?P<scale>{_SCALE}|{_SCALE_LETTER})?",
        _money_range,
    ),
    _rule(
        rf"(?:\bbetween\s+)?(?P<low>{_DIGITS}|{_WORD_NUMBER})\s?%?"
        rf"(?:\s?(?:–|(?<![a-z])-|to)\s?|\s+and\s+)"
        rf"(?P<high>{_DIGITS}|{_WORD_NUMBER})\s?(?:%|per\s?cent\b|percent\b)",
        _percent_range,
    ),
    _rule(
        rf"{_DOLLAR_PREFIX}(?P<sign>[{_SIGNS}])\s?(?P<amount>{_DIGITS}(?:{_SCALE}|{_SCALE_LETTER})?)"
        rf"(?P<cur>)",
        _money,
    ),
    _rule(
        rf"\b(?P<code>{trie_pattern(_CURRENCY_CODE)})\s?"
        rf"(?P<amount>{_DIGITS}(?:{_SCALE}|{_SCALE_LETTER})?)"
        # a local sign written against the digits: "Sh500", "RM50", "R50 million"
        rf"|\b(?P<code2>{_ATTACHED_SIGNS})(?P<amount2>(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
        rf"(?![\d.,]\d)(?:{_SCALE}|{_SCALE_LETTER})?)(?!\w)",
        _money_code,
    ),
    _rule(
        rf"(?P<amount>(?:{_DIGITS}|{_WORDS_AMOUNT}){_SCALE}?)\s(?P<sign>)"
        rf"(?P<cur>{trie_pattern(_CURRENCY_WORD)}"
        rf"|(?<=llion )(?:{trie_pattern(_SCALED_CURRENCY_WORD)}))\b",
        _money,
    ),
    # Pence written with their symbol against the digits, as British prices are: "50p", "5.9p"
    # (not "3p.m."; one or two digits, so "720p" and "1080p" video are left alone).
    _rule(
        r"(?<![\w.,£$€])(?P<amount>\d{1,2}(?:\.\d)?)p\b(?!\.?\s?m\b)",
        lambda m, t: _figure(m, t, "money", number_value(m["amount"]), unit="pence"),
    ),
    _rule(
        rf"(?P<amount>{_DIGITS}|{_WORDS_AMOUNT})\s?(?:%|per\s?cent\b|percentage\s+points?\b|"
        rf"percent\b|(?<=\d)pc\b)",  # "2.5pc", the British press's per cent
        _percent,
    ),
    # Measures: "five miles", "160 square miles", "75 ft", "magnitude 6.3", "5.3-magnitude".
    _rule(
        rf"(?P<amount>{_DIGITS}{_SCALE}?|{_WORDS_AMOUNT})[ -]?(?P<measure>{trie_pattern(MEASURES)}"
        rf"|m(?=[ \t]*[),;]|[ \t-]+(?:{_SIZE_WORDS}|{_RACE_WORDS})\b)"
        rf"|k(?=[ \t-]+(?:{_RACE_WORDS})\b)"
        # A temperature with its scale letter attached, as British news writes it: "30C".
        rf"|(?<=\d)[cf]\b)(?![\w/²])(?:-(?:{_SIZE_WORDS})\b)?"
        r"(?!\s?[–-]\s?\d)",  # "30C-35C": a range, the range rule's
        _measure,
    ),
    _rule(
        r"\bmagnitude(?:\s+of)?(?:\s+|-)(?P<amount>\d(?:\.\d)?)(?![\d.]\d)"
        r"|(?P<amount2>\d(?:\.\d)?)[ -]magnitude\b",
        _magnitude,
    ),
    # Durations: "180-day", "two-week", "a year and a half", "more than a decade".
    _rule(
        rf"(?P<amount>\bhalf an?|(?:{_DIGITS}|{_WORD_NUMBER}){_AND_A_HALF}|{_DIGITS}{_SCALE}?"
        rf"|{_WORDS_AMOUNT}"
        rf"|\ban?)[ -](?:(?:consecutive|straight|"
        rf"successive|full|whole|more|further|additional|extra|long)\s+)?(?P<unit>{_TIME_UNIT})"
        # not "a second-tier side", "a second-largest": ranks (the ordinal rules)
        rf"(?:s\b|\b)(?!-(?:tier|placed|ranked|seeded|[a-z]+est)\b)"
        rf"(?P<half>\s+and\s+a\s+half)?(?:-olds?\b)?",
        _duration,
    ),
    # "in the past year and a half": the unit stands for one.
    _rule(
        rf"\b(?P<unit>{_TIME_UNIT})\s+and\s+a\s+half\b",
        lambda m, t: _unit_and_a_half(m, t),
    ),
    # Parts of a large number: "half a million", "a quarter of a million", "two and a half
    # billion", with the currency when one follows.
    _rule(
        rf"\b(?P<part>half\s+an?|an?\s+quarter\s+of\s+an?|(?:{_DIGITS}|{_WORD_NUMBER})"
        rf"{_AND_A_HALF})\s+(?P<scale>million|billion|thousand|hundred|dozen)\b"
        rf"(?:\s+(?P<cur>{trie_pattern(_CURRENCY_WORD)})\b)?",
        lambda m, t: _part_of_scale(m, t),
    ),
    # Multiplicative verbs in their other forms (see _multiplied), and a fraction standing
    # alone after "by" or a qualifier ("cut by a fifth", "almost a quarter"; _fraction_alone).
    _rule(
        r"\b(?P<verb>doubles|triples|quadruples|halves|halve|double|triple|quadruple)\b"
        r"(?![ -](?:standards?|agents?|digits?|figures?|dutch|jeopardy|bed|room|decker|edged|"
        r"crown|lock|check|click|take|act|life|talk|threat|whammy|header|fault)\b)"
        rf"|\b(?P<fraction>(?:an?|one|{_NUMERATORS})[ -](?:{_FRACTION_WORDS}))"
        r"(?=[ \t]*(?:[.,;:!?)\n]|$)|[ \t]+(?:in|on|at|since|from|over|between|and|or|but|to|than"
        r"|compared|last|this|after|before|during|within|by|a|per|each|every|overall|while|when"
        r"|as|because|among|across|year|years)\b)",
        lambda m, t: _multiplied(m, t),
    ),
    # Ratios (only verb forms: "double standards" is no ratio) and ranks.
    _rule(
        rf"\b(?P<ratio>doubl(?:ing|ed)|tripl(?:ing|ed)|quadrupl(?:ing|ed)"
        rf"|halv(?:ing|ed)|twice|thrice|(?:{_NUMBER_WORD}|\d+)-?fold"
        rf"|(?:{_NUMERATORS})-(?:{_FRACTION_WORDS})\b"
        rf"|(?:an?|{_NUMERATORS})[ -](?:{_FRACTION_WORDS})"
        rf"(?:\s+part\b|(?=\s+(?:of|majority)\b)))\b"
        rf"|\bin (?P<ratio2>half)\b"
        rf"|(?<!first )(?<!second )(?<!latter )(?<!former )\b(?P<ratio3>half)"
        rf"(?=\s+(?:of|the|a|an|all|its|their|his|her)\b)"
        rf"|\b(?P<num>one|an?|\d+)\s+out\s+of\s+every\s+(?P<den>{_DIGITS}|{_WORD_NUMBER})"
        rf"|\b(?P<num2>one|1)\s+in\s+(?:every\s+)?(?!{_YEAR})"
        rf"(?P<den2>{_DIGITS}|{_WORD_NUMBER}|an?\s+(?:hundred|thousand|million))\b"
        rf"|(?P<times>{_DIGITS}|{_WORD_NUMBER})\s+times(?=\s+(?:the|as|more|less|higher|lower|"
        rf"larger|greater|bigger|smaller|that|what)\b)",
        lambda m, t: _ratio_any(m, t),
    ),
    # Centuries: "the 21st century".
    _rule(r"\b(?P<n>\d{1,2})(?:st|nd|rd|th)[ -]centur(?:y|ies)\b", lambda m, t: _century(m, t)),
    _rule(
        rf"\b(?P<ordinal>{trie_pattern(ORDINAL_WORDS)}|\d+(?:st|nd|rd|th))(?:[ -](?:largest|biggest"
        rf"|smallest|highest|lowest|richest|poorest|longest|busiest|most|least"
        # the irregular superlatives of English (good, bad, far): "the third-worst"
        rf"|best|worst|furthest|farthest)\b"
        # a level or a seeding: "second-tier", "third-placed", "fifth-seeded"
        rf"|-[a-z]+est\b|-(?:tier|placed|ranked|seeded)\b)"
        # "2nd place", "the 1,000th day"
        rf"|(?<![\d,])(?P<ordinal2>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:st|nd|rd|th))\b",
        lambda m, t: _ordinal(m, t),
    ),
    # Storm categories: "Category 5".
    _rule(r"\bcategory[ \t]+(?P<span>(?P<ordinal>[1-5]))\b", lambda m, t: _category(m, t)),
    # "the eleventh governor", "the fourth day": third and higher ordinals order something.
    _rule(
        rf"\b(?P<ordinal>{trie_pattern(_THIRD_AND_HIGHER)})"
        r"(?=[ \t]+[a-z])(?![ \t]+(?:of|and|or|to|in|time|times|largest|biggest)\b)",
        _rank_before_noun,
    ),
    # A finishing place: "came in second", "finished fourth", "won first place".
    _rule(
        r"\b(?:came|come|comes|coming|finished|finishes|finishing|placed|ranked|ranks)\s+"
        rf"(?:in\s+)?(?P<span>(?P<ordinal>{trie_pattern(ORDINAL_WORDS)}|\d+(?:st|nd|rd|th)))\b"
        r"|\b(?:won|win|wins|winning|took|take|takes|taking|secured|claimed|in)\s+"
        rf"(?P<span2>(?P<ordinal2>{trie_pattern(ORDINAL_WORDS)}|\d+(?:st|nd|rd|th)))(?=\s+place\b)",
        _finishing_place,
    ),
    # A place in a table said without "place": "slipped to fourth", "are now seventh",
    # "fourth in the Premier Division" (see _standing).
    _rule(
        rf"\b(?P<ordinal>{trie_pattern(ORDINAL_WORDS)}|\d+(?:st|nd|rd|th))"
        r"(?=[ \t]*(?:[.,;:!?)\n]|$)|[ \t]+(?:in|on|with|after|behind|and|but|at|overall)\b)",
        lambda m, t: _standing(m, t),
    ),
    # Years: "mid-2019", a fiscal year "2019/20".
    _rule(rf"\bmid-(?P<year>{_YEAR})\b", lambda m, t: _year_approx(m, t)),
    _rule(rf"(?<![\w$€£.,/])(?P<year>{_YEAR})[/–-](?P<next>\d{{2}})(?![\d/])", _fiscal_year),
    # Years and decades.
    # An age by decade of life: "in their 30s", "his early twenties", "her teens".
    _rule(
        rf"{_POSSESSIVE_BEFORE}(?:(?P<part>early|mid|late)[\s-]+)?"
        rf"(?:(?P<n>[1-9]0)['’]?s|(?P<word>{trie_pattern(DECADE_WORDS)}|teens))\b",
        lambda m, t: _age_decade(m, t),
    ),
    _rule(
        r"\b(?:the\s+)?(?P<dspan>(?:(?P<part>early|mid|late)[\s-]+)?(?P<digits>1[5-9]\d0|20\d0)'?s)\b"
        rf"|\bthe\s+(?:(?P<part2>early|mid|late)[\s-]+)?(?P<word>{trie_pattern(DECADE_WORDS)})\b"
        # "the '80s", "the 80s": a decade of the last century, like "the eighties".
        r"|\bthe\s+(?P<sspan>(?:(?P<part3>early|mid|late)[\s-]+)?['’]?(?P<short>[2-9]0)['’]?s)\b",
        _decade,
    ),
    # A year cut to two digits after an apostrophe: "in '98", "the class of '05".
    _rule(r"(?<=[ \t]['’])(?P<amount>\d{2})(?![\w'’%]|[.,]\d)", lambda m, t: _short_year(m, t)),
    _rule(rf"(?<![\w$€£.,])(?P<low2>{_YEAR})\s?[–-]\s?(?P<high2>{_YEAR})\b", _year_range),
    _rule(rf"(?<![\w$€£.,])(?P<year>(?P<amount>{_YEAR}))(?![\w%])", _year),
    # Counts: "all but one" (of a total said elsewhere), "not even one", "four times".
    _rule(rf"\ball\s+but\s+(?:{_WORD_NUMBER}|{_DIGITS})\b", lambda m, t: _all_but(m, t)),
    _rule(r"\bnot\s+even\s+(?:one|a\s+single)\b", lambda m, t: _figure(m, t, "count", 0)),
    _rule(
        rf"(?P<amount>{_DIGITS}|{_WORD_NUMBER})\s+times\b(?!\s+(?:square|new|of\s+india)\b)",
        lambda m, t: _times(m, t),
    ),
    _rule(rf"\b(?P<core>(?P<vague>{trie_pattern(VAGUE)})\b(?:-strong\b)?)(?P<of>\s+of\b)?", _vague),
    _rule(rf"\b(?P<years>{trie_pattern(VAGUE_YEARS)})\b", _vague_years),
    # An age after "aged": "aged 34", "aged 40 to 45", "aged between 18 and 25 years".
    _rule(
        rf"\baged\s+(?:(?:{trie_pattern(QUALIFIERS)})\s+)?(?P<span>(?:between\s+)?"
        rf"(?P<low>{_DIGITS}|{_WORD_NUMBER})"
        rf"(?:(?P<conn>\s?(?:–|-|to)\s?|\s+and\s+)(?P<high>{_DIGITS}|{_WORD_NUMBER}))?"
        rf"(?:\s(?P<unit>year|month|week|day)s?\b)?)(?!-)",
        lambda m, t: _aged(m, t),
    ),
    _rule(
        r"\b(?:rang(?:e|es|ed|ing)|aged?|ages)(?:\s+in\s+age)?\s+"
        rf"(?P<span>from\s+(?P<low>{_DIGITS}|{_WORD_NUMBER})\s+to\s+(?P<high>{_DIGITS}|{_WORD_NUMBER}))",
        _ranging,
    ),
    _rule(
        rf"(?:\bbetween\s+(?P<low>{_DIGITS}|{_WORD_NUMBER})(?P<lscale>{_SCALE}|{_SCALE_LETTER})?"
        # each end may carry the measure: "between 30C and 35C", "5km-10km" (one range)
        rf"(?:[ -]?(?P<lmeasure>{_MEASURE_WORD}))?"
        rf"\s+and\s+(?P<high>{_DIGITS}|{_WORD_NUMBER})"
        rf"|(?P<low2>{_DIGITS})(?P<lscale2>{_SCALE}|{_SCALE_LETTER})?"
        rf"(?P<lmeasure2>{_MEASURE_WORD})?\s?(?:–|-|to)\s?"
        rf"(?P<high2>{_DIGITS}))"
        # A scale after the second end ("3 to 4 million", "3-4m"); a unit of time, joined by a
        # space or a hyphen ("2-3 hour", "30-40-year-olds").
        rf"(?P<scale>{_SCALE}|{_SCALE_LETTER})?"
        rf"(?:[\s-](?P<unit>{_TIME_UNIT})s?\b(?:-olds?\b)?"
        # or a measure, as for one number ("5-10 miles", "60-70mph", "30-35C")
        rf"|[ -]?(?P<measure>{trie_pattern(MEASURES)}|(?<=\d)[cf]\b)(?![\w/²]))?",
        lambda m, t: _range_any(m, t),
    ),
    # "10,000-strong", "55-member": a hyphenated noun after the number joins it.
    _rule(
        rf"(?P<amount>{_DIGITS}(?:{_SCALE}|{_SCALE_LETTER})?)(?:-(?!and\b|or\b|to\b)[a-z]+\b)?",
        _count_digits,
    ),
    _rule(
        rf"(?P<amount>(?<!-){_WORD_NUMBER}|{_A_SCALE})(?P<noun>-(?!and\b|or\b|to\b)[a-z]+\b)?",
        _count_words,
    ),
]


def _month_year(match: RuleMatch, text: str) -> Figure | None:
    if not _capital_month(match, text):
        # "they may 5 times refuse": no date, but the number after the word still counts.
        if match["year2"]:
            return _figure(match, text, "year", int(match["year2"]), unit="year",
                           qualifier="exact", group="year2")  # fmt: skip
        return _day_as_count(match, text)
    if match["year2"]:
        value = _iso_date(int(match["year2"]), _month_number(match["month"]), None)
        return _figure(match, text, "date", value, unit="date")
    return _named_date(match, text)


# A score after the side it is against: a verb of winning, losing or drawing a match, or
# "against"/"v", and the side's capitalised name ("beat Albion Rovers 2-1", "drew with
# Kelso 1-1", "lost to the Reds 0-3"): the name ends before the score, as a possessive does.
_RESULT_BEFORE = re.compile(
    r"\b(?:beat|beats|beating|defeated|defeat|defeats|defeating|edged|edges|thrashed|thrash"
    r"|hammered|trounced|routed|downed|overcame|stunned|(?:lost|lose|loses|losing)\s+to"
    r"|(?:drew|draw|draws|drawing|tied)\s+with|against|v|vs\.?|versus)\s+(?:the\s+)?"
    r"(?:[A-Z][\w’'&.-]*\s+){1,4}$"
)
_SCORE = re.compile(r"\d{1,2}\s?[-–]\s?\d{1,2}$")


def _score_after_a_side(match: RuleMatch, text: str) -> bool:
    """Is this "2-1" a match score after the name of a side ("beat Albion Rovers 2-1")?"""
    start = match.start()
    return bool(
        _SCORE.match(text[start : match.end()])
        and _RESULT_BEFORE.search(text, max(0, start - 60), start)
    )


# A score or a tally of votes: each number counts one side (the guide: "Numbers that count
# different things are separate figures even when joined"), whichever side is written first.
# It is told from a range by what it is the score of: a result or a vote after it ("a 1-2
# defeat", "a 48-52 vote", "a 5-4 decision"), or a verb of winning, losing, drawing, trailing
# or voting before it, with no counted noun after ("lost 1-3", "trailed 0-2 at the break",
# "voted 48-52"; but "won 3-4 medals" is a range of medals). A majority or a margin is one
# number, so "a 12-15 majority" stays a range.
_TALLY = re.compile(r"\d{1,3}\s?[-–]\s?\d{1,3}$")
_RESULT_AFTER = re.compile(
    r"[ \t-]+(?:(?:home|away|shock|surprise|narrow|comfortable|convincing|dramatic|late"
    r"|unanimous|party-line|aggregate)[ \t]+)?(?:win|wins|victory|victories|defeat|defeats"
    r"|loss|losses|draw|draws|tie|ties|lead|scoreline|result|results|vote|votes|decision"
    r"|decisions|verdict|ruling|split|thrashing|drubbing|triumph|upset"
    r"|reverse|setback)\b",
    re.IGNORECASE,
)
_RESULT_VERB_BEFORE = re.compile(
    r"\b(?:won|win|wins|winning|lost|lose|loses|losing|drew|draw|draws|drawing|tied|ties"
    r"|trail|trails|trailed|trailing|led|leads|leading|beaten|voted|votes|vote|voting"
    r"|rejected|approved|passed|defeated)(?:[ \t]+(?:the[ \t]+)?(?:[a-z-]+[ \t]+)?(?:set|game"
    r"|match|tie|final|leg|motion|bill|vote)|[ \t]+by|[ \t]+at[ \t]+home|[ \t]+away)?[ \t]+$",
    re.IGNORECASE,
)
# A partitive "of" after the numbers: they count a part of something ("20-30 of the staff").
_PARTITIVE_AFTER = re.compile(r"[ \t]+of\b", re.IGNORECASE)
# Words after a score that say where, when or against whom, not what it counts.
_SCORE_CONTEXT_AFTER = re.compile(
    r"[ \t]+(?:against|behind|ahead|overall|away|home|aggregate|again|today|tonight"
    r"|yesterday)\b",
    re.IGNORECASE,
)


def _is_a_score(match: RuleMatch, text: str) -> bool:
    """Is this "1-2" a score or a vote rather than a range?

    Examples
    --------
    >>> [(f.text, f.value) for f in extract_figures("They lost 1-3 at home.")]
    [('1', 1), ('3', 3)]
    >>> [(f.text, f.low, f.high) for f in extract_figures("They won 3-4 medals.")]
    [('3-4', 3, 4)]
    """
    if match["unit"] or match["measure"] or match["scale"] or match["lscale2"]:
        return False  # "2-3 days", "5-10 miles", "3-4m": a range of a measure
    start, end = match.start(), match.end()
    if not _TALLY.match(text[start:end]):
        return False  # a score or a tally of votes has one to three digits a side
    if _RESULT_AFTER.match(text, end):
        return True
    if _PARTITIVE_AFTER.match(text, end):
        return False  # "lost 20-30 of their staff": a range of a part of something counted
    return bool(
        _RESULT_VERB_BEFORE.search(text, max(0, start - 30), start)
        and (not counted_noun(text, end) or _SCORE_CONTEXT_AFTER.match(text, end))
    )


def _range_any(match: RuleMatch, text: str) -> Figure | list[Figure] | None:
    if not _same_measure_at_both_ends(match):
        return _two_measures(match, text)
    if match["low2"]:
        if inside_name(text, match.start()):
            if not _score_after_a_side(match, text):
                return None
            return _separate_counts(match, text, ("low2", "high2"))  # "lost to X 0-3"
        low, high = _scaled_bounds(match, "low2", "high2", "lscale2")
        if low is None or high is None:
            return None
        times = _two_times(match, text, ("low2", "high2"))
        if times:
            return times
        if low >= high or _is_a_score(match, text):  # "a 230-to-197 vote", "lost 1-3"
            return _separate_counts(match, text, ("low2", "high2"))
        if match["measure"]:
            return _measure_range(match, text, low, high)
        if match["unit"]:  # "41-50 years old"
            return _figure(match, text, "duration", None, qualifier="range", low=low,
                           high=high, unit=match["unit"].lower() + "s")  # fmt: skip
        return _figure(match, text, "count", None, qualifier="range", low=low, high=high,
                       counts=True)  # fmt: skip
    return _range(match, text)


_AM_PM_AFTER = re.compile(
    rf"\s?(?P<ampm>[ap])(?:\.\s?m\b\.?|m\b)(?:\s?(?:{_ZONES})\b)?", re.IGNORECASE
)


def _two_times(match: RuleMatch, text: str, groups: tuple[str, str]) -> list[Figure] | None:
    """'between 8 and 10 p.m.': each end of a time range is a time of its own (the guide)."""
    after = _AM_PM_AFTER.match(text, match.end())
    if not after or match.end() != match.span(groups[1])[1]:
        return None  # no "a.m."/"p.m." right after the second number
    hours = [number_value(match[group]) for group in groups]
    if not all(isinstance(h, int) and 1 <= h <= 12 for h in hours):
        return None
    pm = after["ampm"].lower() == "p"
    figures = []
    for group, hour, end in zip(
        groups, hours, (match.span(groups[0])[1], after.end()), strict=True
    ):
        hour += 12 if pm and hour < 12 and not (group == groups[0] and hours[0] > hours[1]) else 0
        figures.append(_figure(_Shifted(match, match.span(group)[0], end), text, "date",
                               f"T{hour:02d}:00", unit="time", qualifier="exact"))  # fmt: skip
    return figures


def _separate_counts(match: RuleMatch, text: str, groups: tuple[str, ...]) -> list[Figure]:
    """One count per group: numbers joined in writing that count different things."""
    figures = []
    for group in groups:
        start, end = match.span(group)
        figure = _figure(_Shifted(match, start, end), text, "count",
                         number_value(match[group]), counts=True,
                         qualifier=None if not figures else "exact")  # fmt: skip
        figures.append(figure)
    return figures


def _all_but(match: RuleMatch, text: str) -> Figure:
    # The total is said elsewhere ("all but one of the 55 members"): no value from the words.
    return _figure(match, text, "count", None, counts=True)


# Verbs whose repetitions a page counts for its audience: sight verbs (Levin 1993, 30.2: see,
# watch, view) and the engagement counters of social platforms (liked, shared, retweeted,
# downloaded, streamed, played). "viewed 400,000 times" states a number of views, as the
# counter "400K views" does; the guide's figures of this kind end at the number (unit views).
_ENGAGEMENT_UNITS = {
    "viewed": "views", "watched": "views", "seen": "views", "liked": "likes",
    "shared": "shares", "retweeted": "retweets", "reposted": "reposts", "reshared": "shares",
    "downloaded": "downloads", "streamed": "streams", "played": "plays", "clicked": "clicks",
    "forwarded": "forwards", "upvoted": "upvotes", "favourited": "likes", "favorited": "likes",
}  # fmt: skip
_ENGAGEMENT_BEFORE = re.compile(
    rf"\b(?P<verb>{trie_pattern(_ENGAGEMENT_UNITS)})(?:\s+(?:by|on|across)\s+[\w-]+)?"
    r"(?:\s+(?:almost|nearly|about|around|some|over|roughly|already|now|since))?\s+$",
    re.IGNORECASE,
)


def _times(match: RuleMatch, text: str) -> Figure | None:
    value = number_value(match["amount"])  # "four times": how often, unit "times"
    if value is None:
        return None
    figure = _figure(match, text, "count", value, unit="times")
    engaged = _ENGAGEMENT_BEFORE.search(text, max(0, figure.start - 40), figure.start)
    if engaged:  # "viewed more than 400,000 times": a count of views, "times" left out
        end = match.span("amount")[1]
        unit = _ENGAGEMENT_UNITS[engaged["verb"].lower()]
        figure = dataclasses.replace(figure, end=end, text=text[figure.start : end], unit=unit)
    return figure


def _ratio_any(match: RuleMatch, text: str) -> Figure | None:
    if match["ratio2"] or match["ratio3"]:  # "in half", "half of"
        return _figure(match, text, "ratio", 0.5, unit="times")
    if match["den"] or match["den2"]:  # "one out of every thousand", "one in five"
        numerator = number_value(match["num"] or match["num2"])
        denominator = number_value(match["den"] or match["den2"])
        if not denominator:
            return None
        return _figure(match, text, "ratio", round(numerator / denominator, 6), unit="share")
    if match["times"]:  # "four times the guideline"
        return _figure(match, text, "ratio", number_value(match["times"]), unit="times")
    return _ratio(match, text)


# --------------------------------------------------------------------------- extraction


# Every figure contains one of these: a digit run, a currency or footnote sign, or a word
# from the number, time, month and ratio vocabularies. The rules run only around them.
_TRIGGER_WORDS = [
    *UNIT_WORDS, *SCALE_WORDS, *ORDINAL_WORDS, *DECADE_WORDS, "teens", "dozen", "dozens",
    "hundreds",
    "thousands", "millions", "billions", "scores", "handful", "host", "twice", "thrice",
    "couple", "but", "even",
    "decades", "centuries", "times", "clock",
    "half", "thirds", "quarter", "quarters", "fifths", "doubling", "doubled", "tripling",
    "tripled", "quadrupling", "quadrupled", "halving", "halved", "double", "doubles",
    "triple", "triples", "quadruple", "quadruples", "halve", "halves", "fifth", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
    "weeks", "fortnight", "month", "months", "year", "years", "decade", "decades", "century",
    "centuries", "dollars", "euros", "pounds", "rubles", "roubles", "tenge", "yuan", "yen",
]  # fmt: skip
_TRIGGERS = re.compile(
    rf"\d+|[{_SIGNS}{_FRACTIONS}©\[]|\b(?:{trie_pattern(_TRIGGER_WORDS)})(?:-?fold)?\b"
)
# Words a rule may start with before its trigger ("between 5", "a year", "the late
# nineties", "several thousand"); other words before a trigger are not tried.
_STARTER_WORDS = ["a", "an", "the", "in", "between", "early", "mid", "late", "several", "tens",
                  "magnitude", "category", "came", "come", "comes", "coming", "finished",
                  "finishes",
                  "finishing", "placed", "ranked", "ranks", "mid", "within", "of", "since",
                  "by", "until", "till", "last", "next", "this", "during", "from", "through",
                  "before", "after", "ranging", "ranged", "range", "ranges", "aged", "age",
                  "ages",
                  "us", "u", "few", "all", "not", "and", "or", "to", "shared", "liked",
                  "viewed", "read", "won", "win", "wins", "winning", "took", "take", "takes",
                  "taking", "secured", "claimed", *_DOLLAR_UNITS, *_CURRENCY_CODE,
                  *_TRIGGER_WORDS]  # fmt: skip
_STARTERS = re.compile(
    rf"(?<![\w.,])(?:[\d{_SIGNS}{_FRACTIONS}©\[+(]|(?:{trie_pattern(_STARTER_WORDS)})\b"
    rf"|(?:{_ATTACHED_SIGNS})(?=\d))"
)
_BUILDERS = [builder for _pattern, builder in RULES]


@functools.cache
def _scanner() -> TriggeredScanner:
    """The rules combined into one pattern, compiled on first use and kept.

    Compiling the combined rules is most of the cost of importing this module (about
    0.1 s); a program that imports the extractors and never reads a figure does not pay it.
    """
    return TriggeredScanner(
        combine_rules([pattern for pattern, _builder in RULES], re.MULTILINE),
        _TRIGGERS,
        starters=_STARTERS,
    )


def _fill_missing_years(figures: list[Figure]) -> list[Figure]:
    """Give dates without a year the year of the first full date (usually the dateline)."""
    full = next((f for f in figures if f.kind == "date" and str(f.value)[:1].isdigit()), None)
    if full is None:
        return figures
    year = str(full.value)[:4]
    return [
        _replace_value(f, year + str(f.value)[1:])  # "--01-05" -> "2022-01-05"
        if f.kind == "date" and str(f.value).startswith("--")
        else f
        for f in figures
    ]


def _replace_value(figure: Figure, value) -> Figure:
    return dataclasses.replace(figure, value=value)


def extract_figures(text: str | TextIndex) -> list[Figure]:
    """Find every numeric figure in ``text``, in reading order.

    Parameters
    ----------
    text : str or TextIndex
        Any English text, or its index (shared with the other extractors).

    Returns
    -------
    list of Figure
        Non-overlapping figures; ``text[f.start:f.end] == f.text`` for each.

    Examples
    --------
    >>> [(f.text, f.kind, f.value) for f in extract_figures("Rioters beat some 500 civilians.")]
    [('some 500', 'count', 500)]
    >>> [f.text for f in extract_figures("A 180-day freeze from Jan. 5 cost $100 million.")]
    ['180-day', 'Jan. 5', '$100 million']
    >>> f = extract_figures("Dozens have died")[0]
    >>> (f.qualifier, f.low, f.high)
    ('vague', 24, 99)
    >>> extract_figures("as reported on Ukraine 24 [3]")
    []
    """
    if not isinstance(text, str | TextIndex):
        raise TypeError(f"extract_figures expects a str, got {type(text).__name__}")
    index = as_index(text)
    text = index.text
    figures: list[Figure] = []
    # The rules run on a lower-cased copy, only around triggers (see medialit.extract.scanning):
    # leftmost match first, and at one position the rule listed first. Builders read the
    # original text.
    for match in _scanner().matches(index.lowered):
        rule_match = RuleMatch(match)
        built = _BUILDERS[rule_match.rule](rule_match, text)
        # None: page furniture, or a rule that looked again and declined; a list: several
        # figures written as one expression ("230-to-197").
        for figure in [] if built is None else built if isinstance(built, list) else [built]:
            figure = _signed(figure, text)
            if figures and figure.start < figures[-1].end:  # a qualifier reaching back
                figure = _replace_start(figure, figures[-1].end, text)
            figures.append(figure)
    return _fill_missing_years(figures)


# A minus sign before a number: "-5C", "fell by -0.3%", "minus 12 degrees". The hyphen is a
# sign only after a space or an opening bracket and not after a number ("5 -10" is a range),
# and it is written right against the digits.
_MINUS_BEFORE = re.compile(
    r"(?:(?:^|(?<=[\s(\[]))(?<![\d%][ \t])(?<![\d%][ \t][ \t])[-\u2212]|\bminus\s+)$",
    re.IGNORECASE,
)


def _signed(figure: Figure, text: str) -> Figure:
    """A count or percentage after a minus sign is negative, and the sign is in its span.

    The guide has no negative example; a sign is part of how the number is written, like the
    "~" of "~23 m", so it joins the span (its section "figures": the whole expression).

    Examples
    --------
    >>> [(f.text, f.value) for f in extract_figures("Lows of -5C and minus 12 degrees")]
    [('-5C', -5), ('minus 12 degrees', -12)]
    """
    if figure.kind not in ("count", "percent") or figure.qualifier != "exact":
        return figure
    if not isinstance(figure.value, int | float) or not figure.start:
        return figure
    before = text[figure.start - 1]
    if before not in "-\u2212" and not (
        before.isspace()
        and text[max(0, figure.start - 12) : figure.start].rstrip().lower().endswith("minus")
    ):
        return figure  # the common case, decided without a regular expression
    sign = _MINUS_BEFORE.search(text, max(0, figure.start - 8), figure.start)
    if not sign or (len(sign.group()) == 1 and not text[figure.start].isdigit()):
        return figure
    return dataclasses.replace(
        figure, start=sign.start(), text=text[sign.start() : figure.end], value=-figure.value
    )


def _replace_start(figure: Figure, start: int, text: str) -> Figure:
    start = max(start, figure.start)
    return dataclasses.replace(figure, start=start, text=text[start : figure.end])
