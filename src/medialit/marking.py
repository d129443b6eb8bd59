"""Marked-up text in HTML: the highlighting the book's explorer and the analysis report share.

A :class:`Mark` is a span of a text with a legend group and a note. :func:`highlight` turns a
text and its marks into HTML in which each mark is a numbered ``<mark>`` with its note as a
tooltip, a light tint of its group's colour behind it and the full colour underneath (so groups
differ in more than a pale shade); :func:`legend` and :func:`notes_list` give the key and the
numbered notes. The colours are the Okabe-Ito palette, distinguishable with every common colour
vision, defined here once for the charts, the widgets and the report.

This module knows no widget, no chart and no command line: plain strings in, HTML out.

Examples
--------
>>> marks = [Mark(0, 5, "count", "police killed")]
>>> html_text = highlight("eight police", marks, {"count": OKABE_ITO["blue"]})
>>> "<sup>1</sup>" in html_text and "police killed" in html_text
True
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from medialit.schema import TERM_CATEGORIES

__all__ = [
    "CATEGORY_COLOURS",
    "FIGURE_GROUP_COLOURS",
    "GREY",
    "OKABE_ITO",
    "PALETTE",
    "SOURCE_TYPE_COLOURS",
    "TINT",
    "Mark",
    "count_groups",
    "figure_group",
    "highlight",
    "legend",
    "non_overlapping",
    "notes_list",
    "tint",
]

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour vision.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "black": "#000000",
}
PALETTE = tuple(OKABE_ITO.values())
GREY = "#767676"  # 4.5:1 contrast on white, for secondary text
SOURCE_TYPE_COLOURS = {
    "named_person": "#0072B2",
    "named_organisation": "#56B4E9",
    "named_media": "#009E73",
    "document": "#F0E442",
    "social_media": "#E69F00",
    "vague": "#D55E00",
}
CATEGORY_COLOURS = dict(zip(TERM_CATEGORIES, PALETTE, strict=False))
# Figures in three groups, so that a legend stays short.
# The legend groups of figures, in words a reader knows (the figure kinds are identifiers).
FIGURE_GROUP_COLOURS = {
    "counts of people or things": OKABE_ITO["blue"],
    "money, percentages and ratios": OKABE_ITO["bluish green"],
    "dates, years, lengths of time and rankings": OKABE_ITO["orange"],
}

# Backgrounds are light tints of the colours (black text stays above 7:1 contrast); the full
# colour marks the underline.
TINT = 0.3


def tint(colour: str, amount: float = TINT) -> str:
    """A colour mixed with white: ``amount`` of the colour, the rest white.

    >>> tint("#000000", 0.5)
    '#808080'
    """
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * amount):02x}" for c in rgb)


def figure_group(kind: str) -> str:
    """The legend group of a figure kind.

    >>> figure_group("percent"), figure_group("rank")
    ('money, percentages and ratios', 'dates, years, lengths of time and rankings')
    """
    counts, money, time = FIGURE_GROUP_COLOURS
    if kind == "count":
        return counts
    if kind in ("money", "percent", "ratio"):
        return money
    return time


@dataclass(frozen=True)
class Mark:
    """A span to highlight: where, in which legend group, and the note a reader sees."""

    start: int
    end: int
    group: str
    note: str


def non_overlapping(marks: Iterable[Mark]) -> list[tuple[int, Mark]]:
    """Marks numbered in text order; a mark inside an earlier one is numbered but not drawn.

    >>> [n for n, _ in non_overlapping([Mark(0, 9, "a", ""), Mark(2, 4, "b", "")])]
    [1]
    """
    numbered = list(enumerate(sorted(marks, key=lambda m: (m.start, -m.end)), start=1))
    drawn, last_end = [], -1
    for n, mark in numbered:
        if mark.start >= last_end:
            drawn.append((n, mark))
            last_end = mark.end
    return drawn


def highlight(text: str, marks: Iterable[Mark], colours: dict[str, str]) -> str:
    """The text as HTML with each mark as a numbered ``<mark>`` carrying its note as a title.

    >>> marks = [Mark(0, 5, "count", "police killed")]
    >>> html_text = highlight("eight police", marks, {"count": "#0072B2"})
    >>> "<mark" in html_text and "police killed" in html_text and "<sup>1</sup>" in html_text
    True
    """
    pieces, pos = [], 0
    for n, mark in non_overlapping(marks):
        colour = colours.get(mark.group, GREY)
        pieces.append(html.escape(text[pos : mark.start]))
        pieces.append(
            f'<mark title="{html.escape(mark.note, quote=True)}" '
            f'style="background:{tint(colour)};color:#000;border-bottom:3px solid {colour};'
            f'padding:0 1px">{html.escape(text[mark.start : mark.end])}'
            f"<sup>{n}</sup></mark>"
        )
        pos = mark.end
    pieces.append(html.escape(text[pos:]))
    return "".join(pieces)


def count_groups(marks: Iterable[Mark]) -> dict[str, int]:
    """How many marks each legend group has.

    >>> count_groups([Mark(0, 1, "a", ""), Mark(2, 3, "a", "")])
    {'a': 2}
    """
    return dict(Counter(mark.group for mark in marks))


def legend(colours: dict[str, str], counts: dict[str, int]) -> str:
    """A legend line: a swatch, the group name and how many marks it has (groups in use only).

    >>> "count (2)" in legend({"count": "#0072B2"}, {"count": 2})
    True
    """
    items = []
    for group, colour in colours.items():
        if counts.get(group):
            items.append(
                f'<span style="display:inline-block;margin:0 1em 0.2em 0">'
                f'<span style="display:inline-block;width:1em;height:1em;vertical-align:-0.15em;'
                f'background:{tint(colour)};border-bottom:3px solid {colour}"></span> '
                f"{html.escape(group)} ({counts[group]})</span>"
            )
    return "".join(items) or "<em>nothing marked</em>"


def notes_list(text: str, marks: Iterable[Mark]) -> str:
    """The numbered notes, in text order: the marked words, then the note.

    >>> notes = notes_list("eight police", [Mark(0, 5, "c", "police killed")])
    >>> "<q>eight</q>: police killed" in notes
    True
    """
    ordered = sorted(marks, key=lambda m: (m.start, -m.end))
    items = "".join(
        f"<li><q>{html.escape(text[m.start : m.end])}</q>: {html.escape(m.note)}</li>"
        for m in ordered
    )
    return f'<ol style="margin:0.3em 0 0 1.2em;padding:0;font-size:0.92em">{items}</ol>'
