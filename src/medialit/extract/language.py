"""Find the words in a news text that judge rather than report.

Three readable rules:

1. **The lexicon** (``lexicon.yaml``, beside this module): words and phrases that carry a judgement
   ("bandits", "carnage", "so-called", "colour revolution", "restoring order"), each with
   a category, a neutral alternative, the general resources it comes from (``sources:``: the
   PTC propaganda techniques, Wikipedia's Words to watch, the VADER and Pattern lexicons...),
   what they say about it and an example sentence. All spellings are folded into one regular
   expression shaped like a tree of letters (``medialit.extract.scanning.trie_pattern``), so the
   text is read once however long the lexicon grows; an entry can ask for the word before
   it (``after``: "riots explode") or refuse one (``not_after``: "sanctions regime").
2. **Scare quotes**: quotation marks around one to three words that nobody is quoted as
   saying (the “protests”, Russian ‘peacekeepers’). Quotation marks near a speech verb
   ("pledged “necessary support”") or around a name (the TV channel “Kazakhstan”) are
   quotations, not scare quotes.
3. **Labels for the participants**: what the text calls the people in the unrest.
   ``find_participant_labels`` reports every label (protesters, rioters, bandits...);
   ``find_loaded_terms`` keeps those the lexicon marks as loaded (bandits, terrorists,
   rebels, provocateurs...).

Each term also says its **voice**: ``outlet`` when the article uses the word itself,
``quoted`` when it sits inside someone else's quotation.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

try:  # the standard library's regex parser, to read the heads of the lexicon's patterns
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse

from medialit.extract.attribution import REPORTING_VERBS as ATTRIBUTION_VERBS
from medialit.extract.scanning import trie_pattern
from medialit.extract.text_index import TextIndex, as_index
from medialit.inputs import InputError, capped, decode_utf8, read_file, short_repr
from medialit.safeyaml import load_yaml
from medialit.schema import LABEL_TARGETS, TERM_CATEGORIES

__all__ = [
    "CATEGORIES",
    "LexiconEntry",
    "LexiconError",
    "LexiconSource",
    "LoadedTerm",
    "ParticipantLabel",
    "find_loaded_terms",
    "find_participant_labels",
    "lexicon_sources",
    "load_lexicon",
    "trie_pattern",
]

# The annotation scheme's vocabularies: what the extractor finds is scored against them.
CATEGORIES = TERM_CATEGORIES
REFERS_TO = LABEL_TARGETS


class LexiconError(ValueError):
    """The lexicon file is malformed; the message names the file, the item and the field.

    The message is one line of bounded length, however large the offending value.
    """

    def __init__(self, message: str):
        super().__init__(capped(message))


_MAX_LEXICON_BYTES = 1_000_000  # the lexicon is 18 kB


@dataclass(frozen=True)
class LexiconEntry:
    """One lexicon entry: a headword, how it is spelt, and what it does."""

    term: str
    forms: tuple[str, ...]
    pattern: str | None
    category: str
    neutral: str
    notes: str = ""
    label: bool = False
    refers_to: str = ""
    loaded: bool = True
    after: tuple[str, ...] = ()  # the word before must be one of these (and joins the term)
    not_after: tuple[str, ...] = ()  # never after one of these ("sanctions regime")
    not_before: tuple[str, ...] = ()  # never before one of these ("terrorist attack")
    near: tuple[str, ...] = ()  # one of these must be in the same sentence
    sources: tuple[str, ...] = ()  # ids of the general resources that document the entry
    evidence: str = ""  # what those resources say about it
    example: str = ""  # a sentence, written for the kit, in which the entry is found


@dataclass(frozen=True)
class LexiconSource:
    """A general, documented resource the lexicon draws on."""

    id: str
    name: str
    what: str
    citation: str
    url: str
    licence: str


@dataclass(frozen=True)
class LoadedTerm:
    """One loaded word or phrase found in a text.

    Attributes
    ----------
    start, end : int
        Character offsets: ``text[start:end] == self.term``.
    term : str
        The words as written (with the quotation marks, for scare quotes).
    category : str
        One of ``CATEGORIES``.
    neutral : str
        A neutral alternative ('' when the right move is to delete the words).
    voice : str
        ``outlet`` (the article's own words) or ``quoted`` (inside a quotation).
    rule : str
        Which rule found it: ``lexicon``, ``scare_quotes`` or ``participant_label``.
    lexeme : str
        The lexicon headword it matched ('' for scare quotes).
    """

    start: int
    end: int
    term: str
    category: str
    neutral: str
    voice: str = "outlet"
    rule: str = "lexicon"
    lexeme: str = ""

    def to_dict(self) -> dict:
        """Return the term as a plain dict, ready for JSON.

        Examples
        --------
        >>> find_loaded_terms("so-called reforms")[0].to_dict()["category"]
        'doubt'
        """
        return asdict(self)


@dataclass(frozen=True)
class ParticipantLabel:
    """A noun naming the people in an unrest or the troops sent in."""

    start: int
    end: int
    text: str
    label: str
    refers_to: str
    loaded: bool

    def to_dict(self) -> dict:
        """Return the label as a plain dict, ready for JSON.

        Examples
        --------
        >>> find_participant_labels("rioters and bandits")[1].to_dict()["loaded"]
        True
        """
        return asdict(self)


# --------------------------------------------------------------------------- the lexicon


def _lexicon_path() -> Path:
    # The lexicon ships with the extractors, in the wheel and in a checkout alike.
    return Path(__file__).with_name("lexicon.yaml")


def _field(raw: dict, name: str, where: str, kind: type, *, required: bool = True, default=None):
    if name not in raw or raw[name] is None:
        if required:
            raise LexiconError(f"{where}: field '{name}' is missing")
        return default
    value = raw[name]
    if not isinstance(value, kind):
        raise LexiconError(
            f"{where}: field '{name}' must be {kind.__name__}, got {type(value).__name__}"
        )
    return value


def _entry(raw: Any, where: str, *, label: bool, sources: dict) -> LexiconEntry:
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: expected a mapping, got {type(raw).__name__}")
    known = {"term", "forms", "pattern", "category", "neutral", "notes", "after", "not_after",
             "not_before", "near", "source", "evidence", "example"}  # fmt: skip
    known |= {"refers_to", "loaded"} if label else set()
    unknown = sorted(set(raw) - known, key=repr)  # keys may be of any type
    if unknown:
        names = (k if isinstance(k, str) else short_repr(k) for k in unknown)
        raise LexiconError(f"{where}: unknown field(s) {', '.join(names)}")
    term = _field(raw, "term", where, str)
    where = f"{where} ({short_repr(term)})"
    forms = _field(raw, "forms", where, list, required=False, default=None)
    pattern = _field(raw, "pattern", where, str, required=False)
    if forms is not None and pattern is not None:
        raise LexiconError(f"{where}: give either 'forms' or 'pattern', not both")
    if forms is not None and (not forms or not all(isinstance(f, str) and f for f in forms)):
        raise LexiconError(f"{where}: field 'forms' must be a list of non-empty strings")
    if pattern is not None:
        try:
            re.compile(pattern)
        except (re.error, OverflowError, RecursionError) as error:  # a huge repeat, deep nesting
            raise LexiconError(f"{where}: field 'pattern' is not a regex: {error}") from None
    loaded = _field(raw, "loaded", where, bool, required=label, default=True)
    needs_category = not label or loaded
    category = _field(raw, "category", where, str, required=needs_category, default="")
    if needs_category and category not in CATEGORIES:
        raise LexiconError(
            f"{where}: field 'category' is {short_repr(category)}, not one of {CATEGORIES}"
        )
    context = {}
    for name in ("after", "not_after", "not_before", "near"):
        words = _field(raw, name, where, list, required=False, default=[])
        if not all(isinstance(w, str) and w and " " not in w.strip() for w in words):
            raise LexiconError(f"{where}: field '{name}' must be a list of single words")
        context[name] = tuple(w.strip().lower() for w in words)
    refers_to = _field(raw, "refers_to", where, str, required=label, default="")
    if label and refers_to not in REFERS_TO:
        raise LexiconError(
            f"{where}: field 'refers_to' is {short_repr(refers_to)}, not one of {REFERS_TO}"
        )
    cited = _field(raw, "source", where, list)
    unknown_sources = [c for c in cited if not isinstance(c, str) or c not in sources]
    if not cited or unknown_sources:
        raise LexiconError(
            f"{where}: field 'source' must name sources listed under 'sources:' "
            f"({', '.join(sorted(sources))}), got {short_repr(cited)}"
        )
    return LexiconEntry(
        term=term,
        forms=tuple(forms) if forms is not None else (() if pattern else (term,)),
        pattern=pattern,
        category=category,
        neutral=_field(raw, "neutral", where, str, required=needs_category, default=""),
        notes=_field(raw, "notes", where, str, required=False, default=""),
        label=label,
        refers_to=refers_to,
        loaded=loaded,
        sources=tuple(cited),
        evidence=_field(raw, "evidence", where, str),
        example=_field(raw, "example", where, str),
        **context,
    )


def _sources(raw: Any, path: str) -> dict[str, LexiconSource]:
    if not isinstance(raw, dict) or not raw:
        raise LexiconError(f"{path}: expected a mapping 'sources' of the resources cited")
    found = {}
    for key, value in raw.items():
        where = f"{path}: sources.{key}"
        if not isinstance(value, dict):
            raise LexiconError(f"{where}: expected a mapping, got {type(value).__name__}")
        fields = {n: _field(value, n, where, str) for n in LexiconSource.__dataclass_fields__
                  if n != "id"}  # fmt: skip
        unknown = sorted(set(value) - set(fields), key=repr)  # keys may be of any type
        if unknown:
            names = (k if isinstance(k, str) else short_repr(k) for k in unknown)
            raise LexiconError(f"{where}: unknown field(s) {', '.join(names)}")
        found[key] = LexiconSource(id=key, **fields)
    return found


def lexicon_sources(path: Path | str | None = None) -> dict[str, LexiconSource]:
    """The general resources the lexicon cites, by id.

    Examples
    --------
    >>> lexicon_sources()["wtw"].licence
    'CC BY-SA 4.0 (single words cited, no text copied)'
    """
    path = str(path) if path else str(_lexicon_path())
    return _sources(_read_lexicon(path).get("sources"), path)


def load_lexicon(path: Path | str | None = None) -> tuple[LexiconEntry, ...]:
    """Read and validate the lexicon (``lexicon.yaml`` beside this module unless ``path`` is given).

    Raises
    ------
    LexiconError
        When the file is missing, not YAML, or an entry lacks a field or has a wrong one;
        the message names the file, the item and the field.

    Examples
    --------
    >>> entries = load_lexicon()
    >>> next(e for e in entries if e.term == "so-called").category
    'doubt'
    """
    return _load_lexicon(str(path) if path else str(_lexicon_path()))


@lru_cache(maxsize=8)
def _read_lexicon(path: str) -> dict:
    try:  # read like the seed files: a regular file, bounded, safe YAML
        data = read_file(path, _MAX_LEXICON_BYTES, too_large="not a lexicon")
        raw = load_yaml(decode_utf8(data, path), path)
    except InputError as error:
        raise LexiconError(str(error)) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("terms"), list):
        raise LexiconError(f"{path}: expected a mapping with a 'terms' list")
    unknown = sorted(set(raw) - {"sources", "terms", "labels"}, key=repr)
    if unknown:
        raise LexiconError(f"{path}: unknown top-level field {short_repr(unknown[0])}")
    return raw


@lru_cache(maxsize=8)
def _load_lexicon(path: str) -> tuple[LexiconEntry, ...]:
    raw = _read_lexicon(path)
    sources = _sources(raw.get("sources"), path)
    entries = [
        _entry(item, f"{path}: terms[{i}]", label=False, sources=sources)
        for i, item in enumerate(raw["terms"])
    ]
    labels = raw.get("labels") or []
    if not isinstance(labels, list):
        raise LexiconError(f"{path}: field 'labels' must be a list")
    entries += [
        _entry(item, f"{path}: labels[{i}]", label=True, sources=sources)
        for i, item in enumerate(labels)
    ]
    _check_duplicates(entries, path)
    return tuple(entries)


def _check_duplicates(entries: list[LexiconEntry], path: str) -> None:
    seen: dict[str, str] = {}
    for entry in entries:
        for form in entry.forms:
            key = _normalise(form)
            if key in seen:
                raise LexiconError(
                    f"{path}: form {form!r} of {entry.term!r} is already listed under {seen[key]!r}"
                )
            seen[key] = entry.term


# --------------------------------------------------------------------------- matching


def _normalise(words: str) -> str:
    """Lower case, one space between words, straight apostrophes."""
    return re.sub(r"\s+", " ", words.lower().replace("’", "'")).strip()


@dataclass(frozen=True)
class _Matcher:
    forms: re.Pattern  # every spelling of every entry, one letter tree
    by_form: dict  # normalised spelling -> entry
    patterns: tuple  # (compiled pattern, entry) for entries given by a pattern
    near: dict  # headword -> pattern of the words one of which must share the sentence
    heads: _PatternHeads  # where the patterns can match, found in one pass


@lru_cache(maxsize=8)
def _matcher(path: str) -> _Matcher:
    entries = _load_lexicon(path)
    by_form = {_normalise(f): e for e in entries for f in e.forms}
    # The reporting verbs ride along in the same pass (they mark reported speech).
    words = sorted(set(by_form) | set(REPORTING_VERBS))
    # Word edges on both sides: "regime" must not fire inside "regimen". Lower case: the
    # pattern runs on a lower-cased copy of the text, far faster than ignoring case.
    forms = re.compile(rf"\b(?:{trie_pattern(words)})(?![\w-])")
    # Each pattern runs on its own: one that starts with letters ("ultra-") is found by a
    # fast literal scan. A leading \b is checked afterwards for the same reason.
    patterns = tuple(
        (re.compile(_without_leading_edge(e.pattern)), e) for e in entries if e.pattern
    )
    near = {e.term: re.compile(rf"\b(?:{trie_pattern(e.near)})\b") for e in entries if e.near}
    return _Matcher(forms, by_form, patterns, near, _PatternHeads.of(p for p, _ in patterns))


def _near(index: TextIndex, position: int, words: re.Pattern) -> bool:
    """Does the sentence holding ``position`` contain one of ``words``?"""
    start, end = index.sentence_of(position)
    return words.search(index.lowered, start, end) is not None


def _without_leading_edge(pattern: str) -> str:
    return pattern[2:] if pattern.startswith(r"\b") else pattern


# --------------------------------------------------------------------------- pattern heads
# A lexicon pattern that opens with a list of words ("(?:do|does|would)\s+(?:you|anyone)...")
# is tried at every position of the text, one word after another: most of the loaded-term
# time. Instead, the words every match must open with (its *heads*: "do you", "does you"...)
# of all patterns go into one letter tree, found in one pass, and each pattern is tried only
# where one of its heads is. Heads are read off the parsed pattern (the standard library's
# parser, private: should it change, every pattern just runs on its own again).

_MAX_HEADS = 1000  # heads per pattern; past this a pattern keeps the heads it has so far
_HEAD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
_SPACE_CLASS = [(_sre.CATEGORY, _sre.CATEGORY_SPACE)]
_Heads = frozenset  # of (text, complete): complete when the head may grow with what follows


def _element_heads(op, av) -> _Heads | None:
    """What one parsed element can open with (None: unknown, the head stops before it)."""
    if op is _sre.LITERAL:
        return _Heads({(chr(av), True)}) if chr(av) in _HEAD_CHARS else None
    if op is _sre.IN:
        if av == _SPACE_CLASS:
            return _Heads({(" ", True)})  # the letter tree's " " is \s+: one or more
        if all(o is _sre.LITERAL and chr(a) in _HEAD_CHARS for o, a in av):
            return _Heads((chr(a), True) for _, a in av)
        return None
    if op is _sre.MAX_REPEAT or op is _sre.MIN_REPEAT:
        low, _, item = av
        if low < 1:
            return None
        if list(item) == [(_sre.IN, _SPACE_CLASS)]:
            return _Heads({(" ", True)})
        return _Heads((text, False) for text, _ in _sequence_heads(item))
    if op is _sre.SUBPATTERN:
        _, add_flags, del_flags, item = av
        return None if add_flags or del_flags else _sequence_heads(item)
    if op is _sre.BRANCH:
        return _Heads().union(*(_sequence_heads(item) for item in av[1]))
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return _Heads({("", True)})  # takes no text: dropping a condition only widens
    return None


def _sequence_heads(items) -> _Heads:
    heads = _Heads({("", True)})
    for op, av in items:
        step = _element_heads(op, av)
        grown = step is not None and _Heads(
            (head + text if not (text == " " and head.endswith(" ")) else head, done)
            for head, complete in heads
            if complete
            for text, done in step
            if head or text != " "  # a head never opens with a space
        ) | {(head, False) for head, complete in heads if not complete}
        if not grown or len(grown) > _MAX_HEADS:
            return _Heads((head, False) for head, _ in heads)
        heads = grown
    return heads


def pattern_heads(pattern: str) -> frozenset[str] | None:
    """The words every match of ``pattern`` opens with, or None when they are unknown.

    A space stands for any run of whitespace, as in ``trie_pattern``; a head may be shorter
    than the text a match opens with, never longer.

    Examples
    --------
    >>> sorted(pattern_heads(r"(?:do|does)\\s+(?:you|anyone)\\s+(?:really\\s+)?believe"))
    ['do anyone ', 'do you ', 'does anyone ', 'does you ']
    >>> sorted(pattern_heads(r"t(?:ear(?:s|ing)?|or[en])\\s+\\w+"))
    ['tear', 'tore ', 'torn ']
    >>> pattern_heads(r"\\w+ly") is None  # any word: no head to look for
    True
    """
    try:
        parsed = _sre_parse.parse(pattern)
        if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
            return None
        heads = frozenset(head for head, _ in _sequence_heads(list(parsed)))
    except Exception:  # the parser's internals changed: run the pattern on its own
        return None
    return heads if heads and "" not in heads else None


@dataclass(frozen=True)
class _PatternHeads:
    """The heads of a list of patterns in one letter tree, and the patterns each head opens."""

    tree: re.Pattern | None  # every head of every pattern (None: no pattern has heads)
    opens: dict  # head -> indices of the patterns one of whose heads begins it
    headless: frozenset  # indices of the patterns without heads: they run on their own

    @classmethod
    def of(cls, patterns: Iterable[re.Pattern]) -> _PatternHeads:
        # Flags given to ``re.compile`` are not in the pattern's text: with them, no heads.
        heads = [
            None if p.flags & (re.IGNORECASE | re.VERBOSE) else pattern_heads(p.pattern)
            for p in patterns
        ]
        normalised = [{_normalise(h) for h in hs} if hs else set() for hs in heads]
        every = set().union(*normalised)
        # The tree finds the longest head at a position: every head found there begins it.
        opens = {
            head: tuple(i for i, hs in enumerate(normalised) if any(map(head.startswith, hs)))
            for head in every
        }
        tree = re.compile(trie_pattern(sorted(every))) if every else None
        return cls(tree, opens, frozenset(i for i, hs in enumerate(heads) if hs is None))

    def starts(self, text: str, count: int) -> list[list[int]]:
        """For each of ``count`` patterns, where one of its heads opens in ``text``, in order.

        A head may open inside another ("the most" in "be the most"), so the search resumes
        one character after each head found, not after its end.
        """
        starts: list[list[int]] = [[] for _ in range(count)]
        if self.tree is None:
            return starts
        search, opens = self.tree.search, self.opens
        found = search(text)
        while found:
            head = found.group()
            for i in opens.get(head) or opens[_normalise(head)]:
                starts[i].append(found.start())
            found = search(text, found.start() + 1)
        return starts


def _matches_at(pattern: re.Pattern, text: str, starts: list[int]) -> list[re.Match]:
    """``pattern.finditer(text)``, trying only ``starts`` (every position it can match at).

    As ``finditer`` does, a match hides the matches that would start inside it.

    Examples
    --------
    >>> pattern = re.compile(r"ab+a")
    >>> [m.span() for m in _matches_at(pattern, "abba aba", [0, 3, 5])]
    [(0, 4), (5, 8)]
    >>> [m.span() for m in _matches_at(re.compile("aa"), "aaa", [0, 1])]
    [(0, 2)]
    """
    found, free_from = [], 0
    for start in starts:
        if start >= free_from and (match := pattern.match(text, start)):
            found.append(match)
            free_from = match.end()
    return found


# --------------------------------------------------------------------------- quotations

# Scare quotes: one to three words in quotation marks, single or double.
# The opening mark comes first (a fast scan for it), then a look back: it must follow a
# space, a bracket or a dash, or open the text ("don't" has no scare quote).
_SHORT_QUOTE = re.compile(
    r"[“\"‘'«](?<![^\s(\[—–-].)"
    r"(?:(?<=“)(?P<a>[^“”\"\n]{1,40})”|(?<=\")(?P<b>[^“”\"\n]{1,40})\""
    r"|(?<=‘)(?P<c>[^‘’\n]{1,40})’|(?<=')(?P<d>[^'\n]{1,40})'(?!\w)|(?<=«)(?P<e>[^«»\n]{1,40})»)"
)
# Speech verbs near a quotation make it a quotation, not a scare quote.
# Speech verbs near a quotation make it a quotation, not a scare quote: the reporting verbs the
# attribution extractor knows, and a few words that introduce someone else's term.
_SPEECH_NEAR = re.compile(
    rf"\b(?:{trie_pattern(ATTRIBUTION_VERBS)}|according\s+to|quoted|quoting|termed|labelled|"
    r"labeled|combating|against|(?<!so-)called|calls)\b",
    re.IGNORECASE,
)
_NAME_BEFORE = re.compile(
    r"\b(?:channel|newspaper|magazine|movement|party|operation|campaign|programme|program|"
    r"book|film|song|titled|entitled|named|hashtag|slogan|slogans|chanting|chanted|"
    r"chants|show|station|agency|website|group|brand)\W{0,3}$",
    re.IGNORECASE,
)
# A capitalised quotation near a word that introduces a title is the name of a work, a show or a
# publication ("the phone-in programme he hosts, “Open Line”", "“Open Line”, a phone-in show").
# Not an operation, a campaign or a slogan, nor what someone "named" or "dubbed" a thing: those
# names are often the loaded words themselves ("named it “Operation Peace Spring”").
_TITLE_NOUNS = (
    r"programmes?|programs?|shows?|series|broadcasts?|podcasts?|columns?|newspapers?|papers?|"
    r"magazines?|journals?|tabloids?|books?|novels?|memoirs?|films?|movies?|documentar(?:y|ies)|"
    r"songs?|albums?|plays?|operas?|episodes?|editions?|issues?|channels?|stations?|websites?|"
    r"blogs?|pages?|reports?|articles?|essays?|"
    r"poems?|paintings?|exhibitions?|games?|apps?|brands?|bands?|segments?|bulletins?|features?"
)
_TITLE_INTRO = re.compile(
    rf"\b(?:{_TITLE_NOUNS}|called|titled|entitled|hosts?|hosted|hosting|"
    r"presents|presented|presenter|author|wrote|writes|published|directed|aired|airs|"
    r"episode\s+of|edition\s+of|issue\s+of)\b",
    re.IGNORECASE,
)
_TITLE_AFTER = re.compile(
    rf"\W{{0,3}}(?:(?:,|\s+[–—-])\s+(?:a|an|the|his|her|their|its)\s+(?:[\w’'-]+\s+){{0,3}})?"
    rf"(?:{_TITLE_NOUNS})\b",
    re.IGNORECASE,
)
# After the word that introduces a title, these say the quotation is its topic or its owner's
# ("her book about the “Freedom Fighters”", "the newspaper's “Patriots”"), not its name.
_TOPIC_WORD = re.compile(
    r"^[’']s\b|\b(?:about|against|over|(?:on|for|with|from|by|to)\s+(?:the|a|an|these|those))\b",
    re.IGNORECASE,
)
_TITLE_WORDS_BEFORE = 8  # how many words before a quotation may introduce a title
# A title: every word capitalised but the small ones inside it ("Face the Nation").
_TITLE_CASE = re.compile(
    r"[^\W\d_][\w’'-]*(?:\s+(?:(?:a|an|the|of|in|on|at|to|for|and|or|with|by)\s+)*"
    r"[^\W\d_][\w’'-]*)*[?!.]?"
)
_SPEECH_WINDOW = 120  # characters before a quotation searched for a speech verb
_HEADLINE = 120  # a line no longer than this may be a headline ("…, X Says")
# Verbs that report what someone said, making the rest of the sentence their words.
_REPORTING_VERBS = """said says told tells stated states according noted accused accusing called
    condemned declared urged vowed vowing warned added adding insisted believes views described
    branded recalled assured announced"""
REPORTING_VERBS = frozenset(_REPORTING_VERBS.split())


_BLOCK_QUOTE_CLOSE = re.compile(
    r"\n[ \t]*\n?[ \t]*[–—-][ \t]*(?:said|says|writes|wrote|quoted|stated|added)\b",
    re.IGNORECASE,
)


class _SpeechIndex:
    """Where the reporting verbs of a text are, beside its shared index."""

    def __init__(self, index: TextIndex, verbs: list[int]):
        self.index = index
        self.text = index.text
        self.verbs = verbs  # where reporting verbs start, in order

    def reported(self, start: int, end: int) -> bool:
        """Is this passage someone else's words, without quotation marks?

        Two shapes: a sentence with a reporting verb ("Tokayev condemned the protests as
        terrorist action", "…, CIS Executive Committee Says"), and a paragraph closed by a
        dash line ("– said Tokayev"), the way some outlets set block quotes.
        """
        sentence_start = max(self.index.sentence_start(start), start - 2 * _SPEECH_WINDOW)
        sentence_end = min(self.index.sentence_end(end), end + 2 * _SPEECH_WINDOW)
        # A reporting verb before the term in its sentence ("condemned the protests as
        # terrorist action"); after it only in a headline-length line ("…, X Says").
        verb = bisect.bisect_left(self.verbs, sentence_start)
        if verb < len(self.verbs) and self.verbs[verb] < start:
            return True
        short_line = (
            sentence_end - sentence_start <= _HEADLINE
            and "\n"
            in self.text[max(0, sentence_start - 1) : sentence_start + 1]
            + self.text[sentence_end : sentence_end + 1]
        )
        verb = bisect.bisect_left(self.verbs, end)
        if short_line and verb < len(self.verbs) and self.verbs[verb] < sentence_end:
            return True
        paragraph_end = self.text.find("\n", end, end + 3000)
        return paragraph_end != -1 and bool(_BLOCK_QUOTE_CLOSE.match(self.text, paragraph_end))


def _scare_quotes(index: TextIndex) -> list[tuple[int, int, str]]:
    """Short quotations that quote nobody: no speech verb in their sentence, no name before."""
    found, text = [], index.text
    for match in _SHORT_QUOTE.finditer(text):
        inner = next(g for g in match.groups() if g is not None)
        words = inner.split()
        if not 1 <= len(words) <= 3 or not re.search(r"[^\W\d_]", inner):
            continue
        before = text[max(0, match.start() - _SPEECH_WINDOW) : match.start()]
        sentence_before = re.split(r"[.!?]\s", before)[-1]
        after = text[match.end() : match.end() + 25]
        if _SPEECH_NEAR.search(sentence_before) or _NAME_BEFORE.search(before):
            continue  # a quoted fragment or a name
        if _is_title(inner, sentence_before, text[match.end() : match.end() + 60]):
            continue  # the name of a show, a book, a newspaper
        sentence_after = text[match.end() : index.sentence_end(match.end())]
        if _SPEECH_NEAR.search(sentence_after[:_SPEECH_WINDOW]):
            continue  # '"human error" was the cause, the ministry said': a quotation
        if re.match(r"[,.]?\s*(?:he|she|they|it|we|[A-Z][a-z]+)\s+(?:said|says|wrote)\b", after):
            continue  # “…,” she said
        found.append((match.start(), match.end(), inner.strip()))
    return found


def _is_title(inner: str, sentence_before: str, after: str) -> bool:
    """Is a quotation the name of a work or a publication rather than scare quotes?

    Its words are capitalised, and a word that introduces a title comes a few words before it
    ("a programme called", "the show he hosts,") or right after it ("“Open Line”, a phone-in
    show").

    >>> _is_title("Open Line", "He hosts a talk programme, ", " on Sundays.")
    True
    >>> _is_title("Open Line", "He presents ", ", a phone-in programme.")
    True
    >>> _is_title("reform", "The programme of ", " failed.")
    False
    >>> _is_title("Peacekeepers", "The ", " arrived.")
    False
    >>> _is_title("Freedom Fighters", "Her book about the ", " sold well.")
    False
    """
    words = inner.split()
    if not words or not words[0][:1].isupper() or not _TITLE_CASE.fullmatch(inner.strip()):
        return False
    if any(word[:1].islower() for word in words[1:]) and len(words) < 3:
        return False  # "Open line": a phrase, not a title
    if _TITLE_AFTER.match(after):
        return True
    last_words = " ".join(sentence_before.split()[-_TITLE_WORDS_BEFORE:])
    intros = list(_TITLE_INTRO.finditer(last_words))
    # "her book about the “Freedom Fighters”": the quotation is the book's topic, not its title
    return bool(intros) and not _TOPIC_WORD.search(last_words[intros[-1].end() :])


# --------------------------------------------------------------------------- finding


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    rank: int  # on a tie of position and length, the lower rank wins
    category: str
    neutral: str
    rule: str
    lexeme: str


_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_WORD_AFTER = re.compile(r"\s+(\w+)")


@dataclass(frozen=True)
class _Span:
    """A match widened to the word before it ("riots explode")."""

    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


def _in_context(lowered: str, match: re.Match, entry: LexiconEntry):
    """Check ``after`` / ``not_after``; with ``after``, the span takes in the word before."""
    before = _WORD_BEFORE.search(lowered, max(0, match.start() - 30), match.start())
    word = before.group(1) if before else ""
    if word in entry.not_after:
        return None
    after = _WORD_AFTER.match(lowered, match.end())
    if after and after.group(1) in entry.not_before:
        return None
    if entry.after:
        return _Span(before.start(1), match.end()) if word in entry.after else None
    return match


def _lexicon_hits(
    lowered: str, matcher: _Matcher, verbs: list[int] | None = None
) -> list[tuple[re.Match, LexiconEntry]]:
    """Every lexicon spelling and pattern in the lower-cased text (one pass for the
    spellings, one for the heads of the patterns, each pattern tried only at its heads);
    reporting verbs' positions go to ``verbs``."""
    hits = []
    for match in matcher.forms.finditer(lowered):
        if match.start() and lowered[match.start() - 1] == "-":
            continue  # "pro-regime", "so-called": the word is part of a longer one
        form = match.group()
        entry = matcher.by_form.get(form) or matcher.by_form.get(_normalise(form))
        if entry is not None and (entry.after or entry.not_after or entry.not_before):
            match = _in_context(lowered, match, entry)
        if entry is not None and match is not None:
            hits.append((match, entry))
        elif verbs is not None and form in REPORTING_VERBS:
            verbs.append(match.start())
    starts = matcher.heads.starts(lowered, len(matcher.patterns))
    for i, (pattern, entry) in enumerate(matcher.patterns):
        matches = (
            pattern.finditer(lowered)
            if i in matcher.heads.headless
            else _matches_at(pattern, lowered, starts[i])
        )
        hits += [
            (m, entry)
            for m in matches
            if not (
                m.start() and (lowered[m.start() - 1].isalnum() or lowered[m.start() - 1] in "_-")
            )
        ]
    return hits


def _leftmost_longest(found: list[_Found]) -> list[_Found]:
    found.sort(key=lambda f: (f.start, -f.end, f.rank))
    kept, claimed_to = [], 0
    for item in found:
        if item.start >= claimed_to:
            kept.append(item)
            claimed_to = item.end
    return kept


# Between two loaded words that make one phrase: a space ("a disgusting smear", "Coincidence?
# I don't think so"), or "and"/"or" between two single words ("rabid and frenzied").
_SPACE = re.compile(r"[ \t]+")
_AND_OR = re.compile(r"[ \t]+(?:and|or)[ \t]+")


# Never joined to a neighbour: a label is a noun ("bandits torched").
_KEPT_APART = frozenset({"scare_quotes", "participant_label"})


def _joined(kept: list[_Found], text: str) -> list[_Found]:
    """Merge loaded words that stand side by side into one phrase, as a reader marks them.

    Examples
    --------
    >>> [t.term for t in find_loaded_terms("It was a disgusting smear.")]
    ['disgusting smear']
    """
    merged: list[_Found] = []
    for item in kept:
        last = merged[-1] if merged else None
        single_words = last and " " not in text[last.start : last.end] + text[item.start : item.end]
        joins = last and (
            _SPACE.fullmatch(text, last.end, item.start)
            or (single_words and _AND_OR.fullmatch(text, last.end, item.start))
        )
        if joins and not _KEPT_APART & {last.rule, item.rule}:
            merged[-1] = dataclasses.replace(last, end=item.end)
        else:
            merged.append(item)
    return merged


def find_loaded_terms(text: str | TextIndex, lexicon: Path | str | None = None) -> list[LoadedTerm]:
    """Find loaded words and phrases in ``text``, in reading order.

    Parameters
    ----------
    text : str or TextIndex
        Any English text, or its index (shared with the other extractors).
    lexicon : path, optional
        Another lexicon file with the same shape as ``lexicon.yaml`` beside this module.

    Returns
    -------
    list of LoadedTerm
        Non-overlapping terms; ``text[t.start:t.end] == t.term`` for each.

    Examples
    --------
    >>> [(t.term, t.category) for t in find_loaded_terms("The bandits torched the office.")]
    [('bandits', 'name_calling'), ('torched', 'loaded_language')]
    >>> [(t.term, t.neutral) for t in find_loaded_terms("Russian ‘peacekeepers’ arrived.")]
    [('‘peacekeepers’', 'peacekeepers')]
    >>> find_loaded_terms('He said it was “a colour revolution”.')[0].voice
    'quoted'
    """
    if not isinstance(text, str | TextIndex):
        raise TypeError(f"find_loaded_terms expects a str, got {type(text).__name__}")
    index = as_index(text)
    text, lowered = index.text, index.lowered
    matcher = _matcher(str(lexicon) if lexicon else str(_lexicon_path()))
    verbs: list[int] = []
    found = [
        _Found(m.start(), m.end(), 2 if e.label else 1, e.category, e.neutral,
               "participant_label" if e.label else "lexicon", e.term)
        for m, e in _lexicon_hits(lowered, matcher, verbs)
        if e.loaded and (not e.near or _near(index, m.start(), matcher.near[e.term]))
    ]  # fmt: skip
    found += [
        _Found(start, end, 0, "scare_quotes", inner, "scare_quotes", "")
        for start, end, inner in _scare_quotes(index)
    ]
    speech = _SpeechIndex(index, verbs)
    terms = []
    for item in _joined(_leftmost_longest(found), text):
        quoted = item.rule != "scare_quotes" and (
            index.quotation_around(item.start, item.end) is not None
            or speech.reported(item.start, item.end)
        )
        terms.append(
            LoadedTerm(
                start=item.start,
                end=item.end,
                term=text[item.start : item.end],
                category=item.category,
                neutral=item.neutral,
                voice="quoted" if quoted else "outlet",
                rule=item.rule,
                lexeme=item.lexeme,
            )
        )
    return terms


def find_participant_labels(
    text: str | TextIndex, lexicon: Path | str | None = None
) -> list[ParticipantLabel]:
    """Find every noun the text uses for the people in an unrest or the troops sent in.

    Examples
    --------
    >>> [(l.text, l.label, l.loaded) for l in find_participant_labels("Protesters, not bandits")]
    [('Protesters', 'protester', False), ('bandits', 'bandit', True)]
    """
    if not isinstance(text, str | TextIndex):
        raise TypeError(f"find_participant_labels expects a str, got {type(text).__name__}")
    index = as_index(text)
    text = index.text
    matcher = _matcher(str(lexicon) if lexicon else str(_lexicon_path()))
    return [
        ParticipantLabel(
            m.start(), m.end(), text[m.start() : m.end()], e.term, e.refers_to, e.loaded
        )
        for m, e in _lexicon_hits(index.lowered, matcher)
        if e.label
    ]
