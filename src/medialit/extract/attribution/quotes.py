"""Direct quotes: whether the attributed words are given in quotation marks."""

from __future__ import annotations

from medialit.extract.attribution.cues import _DASH_LINE, _QUOTE_CLOSES_BEFORE, _WINDOW, _Cue
from medialit.extract.attribution.words import _OPENING_NAME
from medialit.extract.text_index import TextIndex


def _sentence_end_after(index: TextIndex, position: int) -> int:
    """Where the sentence holding ``position`` ends (at most a window away)."""
    return min(index.sentence_end(position), position + _WINDOW, len(index.text))


def _sentence_subject(index: TextIndex, position: int) -> tuple[int, int] | None:
    """The name that opens the sentence holding ``position`` ("President Tokayev")."""
    start = max(index.sentence_start(position), position - _WINDOW)
    match = _OPENING_NAME.match(index.text, start, position)
    return match.span(1) if match else None


def _is_direct(index: TextIndex, cue: _Cue, source: tuple[int, int] | None, next_cue: int) -> bool:
    """Are the attributed words in quotation marks?

    Yes when a quotation closes right before the source or cue ("…,” Lebedev said), or
    when the rest of the sentence after the cue quotes two words or more (a single quoted
    word is more likely a scare quote; a short one must come soon), or when a dash-cue
    closes a block quote. A quotation after the next cue belongs to that cue.
    """
    text = index.text
    line_start = text.rfind("\n", max(0, cue.start - _WINDOW), cue.start) + 1
    if _DASH_LINE.match(text, line_start, cue.start):
        return True  # "– said Tokayev" under a quoted paragraph: a block quote
    first = min(cue.start, source[0]) if source else cue.start
    before = text[max(0, first - 5) : first]
    if _QUOTE_CLOSES_BEFORE.search(before):
        return True  # "…,” Lebedev said"
    sentence_end = _sentence_end_after(index, cue.end)
    for quotation in index.quotations_from(cue.end, min(sentence_end, next_cue)):
        gap, words = quotation.start - cue.end, quotation.words
        if gap <= 3 or (words >= 2 and gap <= 60) or words >= 4:
            return True
    return False
