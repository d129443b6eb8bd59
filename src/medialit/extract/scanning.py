"""Shared machinery that keeps the extractors fast and linear.

Regular expressions in Python are tried at every position of the text, so twenty rules
cost twenty passes, and a case-insensitive rule costs several times a case-sensitive one.
The extractors avoid both:

* they match a **lower-cased copy** of the text (``lower_same_length``: the same length,
  so every offset still points into the original);
* they fold word lists into **letter trees** (``trie_pattern``), which try each letter
  once instead of each word;
* they look for **triggers** first (a digit, a number word, a speech verb: one fast pass)
  and try their rules only at a trigger and the few words before it
  (``TriggeredScanner``). Every rule match contains a trigger, so nothing is missed, and
  the work per trigger is bounded, so the time grows linearly with the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

__all__ = ["TriggeredScanner", "lower_same_length", "trie_pattern"]


def lower_same_length(text: str) -> str:
    """``text.lower()`` with every offset unchanged (only "İ" grows when lowered).

    Examples
    --------
    >>> lower_same_length("İstanbul 5 MAY")
    'istanbul 5 may'
    """
    return text.replace("İ", "I").lower()


def _normalise(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower().replace("’", "'")).strip()


def trie_pattern(words: Iterable[str]) -> str:
    """One regular expression that matches any of ``words``, shaped like a letter tree.

    A plain alternation ``bandit|bandits|bloodbath`` makes the regex engine try every word
    at every position; the tree ``b(?:andit(?:s)?|loodbath)`` tries each letter once.
    Words are lower-cased; a space matches any run of whitespace and an apostrophe
    matches ' or ’.

    Examples
    --------
    >>> trie_pattern(["bandit", "bandits", "bloodbath"])
    'b(?:andit(?:s)?|loodbath)'
    >>> bool(re.fullmatch(trie_pattern(["so called"]), "so  called"))
    True
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in _normalise(word):
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _tree_to_regex(tree)


def _char_regex(char: str) -> str:
    return {" ": r"\s+", "'": "['’]"}.get(char, re.escape(char))


def _tree_to_regex(node: dict) -> str:
    branches = [_char_regex(c) + _tree_to_regex(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def combine_rules(patterns: list[str], flags: int = 0) -> re.Pattern:
    """All rule patterns as one: rule i is group ``r{i}``, its groups are ``r{i}_name``.

    At one position the first rule listed that matches wins; ``match.lastgroup`` names it.

    Examples
    --------
    >>> combined = combine_rules([r"(?P<n>\\d+)%", r"(?P<n>\\d+)"])
    >>> match = combined.match("70% of")
    >>> match.lastgroup, match.group("r0_n")
    ('r0', '70')
    """
    parts = []
    for index, pattern in enumerate(patterns):
        pattern = re.sub(r"\(\?P<(\w+)>", rf"(?P<r{index}_\1>", pattern)
        pattern = re.sub(r"\(\?P=(\w+)\)", rf"(?P=r{index}_\1)", pattern)
        parts.append(f"(?P<r{index}>{pattern})")
    return re.compile("|".join(parts), flags)


class RuleMatch:
    """One rule's view of a match of the combined pattern: its own groups and span."""

    __slots__ = ("_match", "_prefix", "rule")

    def __init__(self, match: re.Match):
        self._match = match
        self._prefix = match.lastgroup
        self.rule = int(self._prefix[1:])

    def _name(self, group: int | str) -> str:
        return self._prefix if group == 0 else f"{self._prefix}_{group}"

    def __getitem__(self, group: str):
        try:
            return self._match.group(self._name(group))
        except IndexError:  # this rule has no such group
            return None

    def group(self, group: int | str = 0) -> str:
        return self._match.group(self._name(group))

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._match.span(self._name(group))

    def start(self) -> int:
        return self._match.start(self._prefix)

    def end(self) -> int:
        return self._match.end(self._prefix)


# A position where a word starts: after whitespace, an opening bracket or quote, or a dash.
_WORD_START = re.compile(r"(?<![^\s(\[“\"‘'–—-])[^\s]")


class TriggeredScanner:
    """Try combined rules only at triggers and at the few words before each trigger.

    Parameters
    ----------
    rules : re.Pattern
        The combined rules (``combine_rules``), lower case.
    triggers : re.Pattern
        A fast pattern for something every rule match contains (a digit, a keyword).
    lookback : int
        How far before a trigger a rule may start ("between 5 and 10", "a year").
    starters : re.Pattern, optional
        What a rule can start with before its trigger, with its own word-start guard
        (``(?<![\\w])``); without it every word start in the lookback is tried.
    anchored : frozenset of str, optional
        Triggers that only rules starting at the trigger itself contain (common words such as
        "believe"): at them no start in the lookback is tried, which keeps them cheap.

    Examples
    --------
    >>> scanner = TriggeredScanner(combine_rules([r"between (?P<a>\\d+) and \\d+", r"\\d+"]),
    ...                            re.compile(r"\\d+"))
    >>> [m.group() for m in scanner.matches("between 5 and 10, then 7")]
    ['between 5 and 10', '7']
    """

    def __init__(
        self,
        rules: re.Pattern,
        triggers: re.Pattern,
        lookback: int = 25,
        starters: re.Pattern | None = None,
        anchored: frozenset[str] = frozenset(),
    ):
        self.rules, self.triggers, self.lookback = rules, triggers, lookback
        self.starters, self.anchored = starters, anchored

    def matches(
        self, lowered: str, skip: Callable[[re.Match], bool] | None = None
    ) -> Iterator[re.Match]:
        """Rule matches in ``lowered`` (already lower case), leftmost first, never overlapping.

        ``skip`` names matches to pass over as if they were not there, so that later starts
        inside them are still tried (a line that looked like a speaker's tag and is not).

        Examples
        --------
        >>> scanner = TriggeredScanner(combine_rules([r"a b c", r"b"]), re.compile(r"b"))
        >>> [m.group() for m in scanner.matches("a b c")]
        ['a b c']
        >>> [m.group() for m in scanner.matches("a b c", skip=lambda m: m.group() == "a b c")]
        ['b']
        >>> anchored = TriggeredScanner(scanner.rules, scanner.triggers, anchored=frozenset(["b"]))
        >>> [m.group() for m in anchored.matches("a b c")]
        ['b']
        """
        consumed = 0  # text before this is inside a match already found
        tried = 0  # every start before this has been tried (a start's result never changes)
        before = self.starters or _WORD_START
        for trigger in self.triggers.finditer(lowered):
            position = trigger.start()
            if trigger.end() <= consumed:
                continue
            earliest = max(consumed, tried, position - self.lookback)
            if trigger.group() in self.anchored:
                starts = []
            else:
                starts = [m.start() for m in before.finditer(lowered, earliest, position)]
            if position >= earliest:
                starts.append(position)
            for start in starts:
                if start < consumed:
                    continue
                match = self.rules.match(lowered, start)
                if match and match.end() > start:
                    if skip is not None and skip(match):
                        continue
                    yield match
                    consumed = match.end()
                    if consumed > position:
                        break
            tried = max(tried, position + 1)
