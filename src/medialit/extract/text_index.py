"""One index of a text, built once and shared by the three extractors.

Each extractor needs the same few facts about a text: a lower-cased copy to match rules on,
where its sentences end, where its quotations are. :class:`TextIndex` finds each of them in
one fast pass, the first time it is asked (so an extractor that needs only the lower-cased copy
pays for nothing else), and answers questions about positions by bisection, so the work stays
linear in the length of the text. :func:`medialit.extract.analyze` builds one index and hands
it to all three extractors; each extractor also accepts a plain string and builds its own.

Examples
--------
>>> index = TextIndex('Police said “the crowd was calm.” Then it rained.')
>>> index.lowered[:6]
'police'
>>> [(q.start, q.words) for q in index.quotations]
[(12, 4)]
>>> index.sentence_of(40)
(34, 49)
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from medialit.extract.scanning import lower_same_length

__all__ = ["Quotation", "TextIndex", "as_index"]

# A quotation: an opening mark, text with no quotation mark and no line break, a closing mark.
# Excluding every mark from the inside keeps each attempt short: linear time.
_QUOTATION = re.compile(
    r"“[^“”\"«»\n]{1,3000}[”“]|\"[^“”\"«»\n]{1,3000}\"|«[^“”\"«»\n]{1,3000}»|„[^“”\"«»„\n]{1,3000}“"
)
# The end of a sentence: a full stop, question or exclamation mark (a closing quotation mark may
# follow) before a space and a capital, a quotation mark or a dash; or a line break. "Jan. 5"
# and "U.S. officials" do not end sentences.
_SENTENCE_END = re.compile(r"[.!?…][”\"’»)]?\s+(?=[A-Z“\"‘«–—(-])|\n")


@dataclass(frozen=True)
class Quotation:
    """A stretch of text in quotation marks: ``text[start:end]`` includes the marks."""

    start: int
    end: int
    words: int  # how many words are quoted


class TextIndex:
    """The lower-cased text, its sentences and its quotations, each found once."""

    def __init__(self, text: str):
        if not isinstance(text, str):
            raise TypeError(f"expected a str, got {type(text).__name__}")
        self.text = text

    @cached_property
    def lowered(self) -> str:
        """The text in lower case, every offset unchanged (rules match on it, fast)."""
        return lower_same_length(self.text)

    @cached_property
    def quotations(self) -> list[Quotation]:
        """Every quotation, in order (never nested: a quotation mark ends one)."""
        return [
            Quotation(m.start(), m.end(), len(m.group()[1:-1].split()))
            for m in _QUOTATION.finditer(self.text)
        ]

    @cached_property
    def _quotation_starts(self) -> list[int]:
        return [q.start for q in self.quotations]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        """Where each sentence after the first starts (just after its break)."""
        return [m.end() for m in _SENTENCE_END.finditer(self.text)]

    @cached_property
    def _sentence_breaks(self) -> list[int]:
        """Where each sentence break starts (the full stop, or the line break)."""
        return [m.start() for m in _SENTENCE_END.finditer(self.text)]

    def sentence_start(self, position: int) -> int:
        """Where the sentence holding ``position`` starts."""
        index = bisect.bisect_right(self._sentence_starts, position) - 1
        return self._sentence_starts[index] if index >= 0 else 0

    def sentence_end(self, position: int) -> int:
        """Where the sentence holding ``position`` ends (just after its full stop)."""
        index = bisect.bisect_left(self._sentence_breaks, position)
        if index < len(self._sentence_breaks):
            return self._sentence_breaks[index] + 1
        return len(self.text)

    def sentence_of(self, position: int) -> tuple[int, int]:
        """The start and end of the sentence holding ``position``."""
        return self.sentence_start(position), self.sentence_end(position)

    def sentence_break_between(self, start: int, end: int) -> bool:
        """Does a sentence end between ``start`` and ``end``?"""
        index = bisect.bisect_left(self._sentence_breaks, start)
        return index < len(self._sentence_breaks) and self._sentence_breaks[index] < end

    def quotations_from(self, start: int, before: int) -> list[Quotation]:
        """The quotations that start in ``[start, before)``."""
        first = bisect.bisect_left(self._quotation_starts, start)
        last = bisect.bisect_left(self._quotation_starts, before)
        return self.quotations[first:last]

    def quotation_around(self, start: int, end: int) -> Quotation | None:
        """The quotation that holds ``[start, end)``, if any."""
        index = bisect.bisect_right(self._quotation_starts, start) - 1
        if index >= 0:
            quotation = self.quotations[index]
            if quotation.start <= start and end <= quotation.end:
                return quotation
        return None

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.text)]

    def line_number(self, position: int) -> int:
        """The line (from 1) that holds ``position``."""
        return bisect.bisect_right(self._line_starts, position)

    def line_start(self, position: int) -> int:
        """Where the line holding ``position`` starts."""
        return self._line_starts[self.line_number(position) - 1]


def as_index(text: str | TextIndex) -> TextIndex:
    """``text`` as a :class:`TextIndex` (itself when it already is one).

    Examples
    --------
    >>> index = TextIndex("x")
    >>> as_index(index) is index, as_index("x").text
    (True, 'x')
    """
    return text if isinstance(text, TextIndex) else TextIndex(text)
