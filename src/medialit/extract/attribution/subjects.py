"""Where a source stands in its clause, when it is not just before the cue.

The grammar of English puts the one who speaks in a few places besides the subject right
before the verb: the agent of a passive ("was condemned by the union"), the subject a second
verb shares ("The mayor said ... but admitted"), the subject after an inverted verb of saying
("..., reported local officials"), the opening subject of a sentence whose participle is the
cue, a text noun before a reduced relative ("posts on social media claiming"), the people
quoted or cited by someone else ("quoted X as saying"). ``extraction`` tries these in turn.
"""

from __future__ import annotations

import re

from medialit.extract.attribution.cues import (
    _DETERMINERS,
    _WINDOW,
    _clause_before,
    _Cue,
    cue_is_participle,
)
from medialit.extract.attribution.quotes import _sentence_end_after
from medialit.extract.attribution.sources import (
    _HEAD_NOUNS,
    _LEADING_JUNK,
    _PREPOSITIONS,
    _UPPER,
    _source_after,
    _starts_with_preposition,
)
from medialit.extract.attribution.speakers import (
    _IRREGULAR_PAST,
    _VERB_NEXT,
)
from medialit.extract.attribution.words import (
    _AGENT_PHRASE,
    _DAYS_AND_MONTHS_TEXT,
    _LY_NOUNS,
    _TIME_BEFORE_VERB,
    _VERB_BEFORE_OBJECT,
    SOURCE_WORDS,
)
from medialit.extract.scanning import lower_same_length
from medialit.extract.text_index import TextIndex

_AFTER_PREPOSITION = re.compile(r"\b(?:in|by|for|of|at|on|with|from|without|while)\s+$")
# A verb phrase coordinated with the one before shares its subject ("said ... and added",
# "welcomed it but warned"; coordination of predicates, Quirk et al. 1985, 13.41).
_FOLLOWS_PREVIOUS = re.compile(
    rf"\b(?:and|but)\s+(?:(?:later|also|then|again|(?!{_LY_NOUNS}\b)[a-z]+ly)\s+)?$"
)


# Finite verbs that end a subject ("Conservative groups hold rally ... claiming").
_FINITE_VERB = re.compile(
    r"\s(?:is|are|was|were|has|have|had|hold|holds|held|make|makes|made|take|takes|took|give|"
    r"gives|gave|go|goes|went|get|gets|got|[a-z]+ed)\b"
)


def _subject_only(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The subject of a clause: what comes before its first finite verb."""
    verbs = [_FINITE_VERB.search(text, span[0], span[1])]
    verbs.append(_IRREGULAR_PAST.search(text, span[0], span[1]))  # "He left the report"
    starts = [v.start() for v in verbs if v and v.start() > span[0]]
    return (span[0], min(starts)) if starts else span


# "by the end of the day", "by 2030", "by Friday", "by late March", "by the weekend": "by"
# before a time is a deadline, not an agent (Quirk et al. 1985, 9.35 on "by" as a preposition
# of time), so the names of days and months and the deictic time words open no agent. "May" is
# left out: it is also a surname ("was rejected by May").
_BY_TIME_TEXT = """end time start beginning middle way noon midnight then now far"""
# The names of days and months (capitalised in English) and the common time nouns (lower case:
# a capitalised "Dawn" or "Summer" inside a sentence is a name). Each is a time only where it
# ends its noun phrase: before a noun it is a modifier ("the morning papers", "weekend
# visitors", "the night shift", "Sunday newspapers"; Quirk et al. 1985, 17.104 on nouns as
# premodifiers), and the phrase is an agent; another time word may follow ("Friday morning").
_BY_DAY_TEXT = _DAYS_AND_MONTHS_TEXT
_BY_TIME_NOUN_TEXT = """today tonight tomorrow yesterday weekend morning afternoon evening
    night dawn dusk summer winter spring autumn"""
_BY_TIME_WORDS = "|".join((_BY_DAY_TEXT + " " + _BY_TIME_NOUN_TEXT).split())
_BY_TIME_END = (
    r"\b(?![’'-]|[ \t]+[A-Z]|[ \t]+(?!(?i:"
    + _BY_TIME_WORDS
    + r"|at|to|and|or|if|in|on|of|for|from|but|when|after|before|as|with|so|the|a|an|he|she|"
    r"it|they|we|i|you)\b)[a-z])"
)
_BY_TIME = (
    r"(?i:(?:the|this|next|last|early|late|mid-?)[ \t]*)*(?:(?i:"
    + "|".join(_BY_TIME_TEXT.split())
    # a name that opens with a time word is no time: "the Sunday Times", "Monday Group"
    + r")\b(?![’'-]|[ \t]+[A-Z])|(?:(?i:"
    + "|".join(_BY_DAY_TEXT.split())
    + r")|(?:"
    + "|".join(_BY_TIME_NOUN_TEXT.split())
    + r"))"
    + _BY_TIME_END
    + r")|\d"
)
_BY_AGENT = re.compile(
    r"(?:[ \t]+(?:[^\s.,;:!?“”\"]|(?<=\d)[.,](?=\d))+){0,8}?[ \t]+by[ \t]+" rf"(?!{_BY_TIME})"
)
# A time right after a cue that ends in "by" ("were confirmed by Friday"): no agent follows.
_TIME_AFTER_BY = re.compile(rf"[ \t]+(?:{_BY_TIME})")


# A past participle right before "by" and its agent, its auxiliary left out ("welcomed by
# investors but condemned by the union"); "by phone" names a channel, not an agent.
_PARTICIPLE_BY = re.compile(
    r"(?<=ed)[ \t]+by[ \t]+(?!(?:tele)?phone\b|video\b|e-?mail\b|letter\b|text\b|radio\b|"
    r"post\b|fax\b|satellite\b|video[ \t]?link\b)"
)


def _passive_agent(index: TextIndex, cue_end: int) -> tuple[int, int] | None:
    """The agent of a passive cue, within its sentence: "was recorded as magnitude 6.4 by the
    US Geological Survey" (a passive names its source only in its by-phrase)."""
    end = _sentence_end_after(index, cue_end)
    agent = _BY_AGENT.match(index.text, cue_end, end)
    return _source_after(index.text, agent.end()) if agent else None


# The verbs of saying that invert after a comma with no quotation: "…, said officials." (a
# grammar of reported speech: quotative inversion, Quirk et al. 1985, 14.31; the later rows add
# Levin's 1993 verbs of saying and of complaining, 37.7-37.8, and "predict"), also with a
# plural subject in the present, as headlines write it ("…, say officials").
_INVERTING_TEXT = """said says say reported reports added adds wrote writes noted warned warns
    explained explains insisted insists argued argues claimed claims stated states declared
    declares announced announces confirmed confirms admitted admits conceded concedes
    concluded concludes continued continues remarked remarks observed observes asked asks
    replied replies answered answers commented comments suggested suggests
    predicted predicts complained complains acknowledged acknowledges cautioned cautions
    alleged alleges stressed stresses emphasised emphasises emphasized emphasizes recalled
    recalls countered counters responded responds vowed"""
_INVERTING_VERBS = frozenset(_INVERTING_TEXT.split())
_INVERTED_SOURCE = re.compile(
    rf"[ \t]+(?:the[ \t]+)?(?:[{_UPPER}][\w’'.-]*|[a-z][\w’'-]*)(?:[ \t]+[\w’'.-]+){{0,3}}"
    # a post-modifier, which a proper name may end ("from the Emergency Management Agency")
    rf"(?:[ \t]+(?:of|at|for|from|in|with|by)(?:[ \t]+[\w’'.-]+){{1,3}}"
    rf"(?:[ \t]+[{_UPPER}][\w’'.-]*){{0,4}})?"
    r"[ \t]*(?=[,.;](?:\s|$)|(?<![.,;])[ \t]*(?:\n|$))"  # or the end of a headline's line
)


# Prepositions that open a post-modifier of a people noun ("officials at the ministry",
# "residents of the valley", "a spokesman for the police"; Quirk et al. 1985, 17.37) or of a
# document's noun, its author after "by" ("a report by the UN"; 17.51).
_MODIFIER_PREPOSITIONS = frozenset(["of", "at", "for", "from", "in", "with", "by"])


def _head_before_modifier(words: list[str]) -> list[str]:
    """The words up to a people noun that a prepositional phrase modifies, or all of them.

    Examples
    --------
    >>> _head_before_modifier(["officials", "at", "the", "ministry"])
    ['officials']
    >>> _head_before_modifier(["the", "theft", "to", "police"])
    ['the', 'theft', 'to', 'police']
    """
    for at, word in enumerate(words[1:], start=1):
        if word.lower() in _MODIFIER_PREPOSITIONS:
            head = lower_same_length(words[at - 1])
            if head in _HEAD_NOUNS:
                return words[:at]
            return words
    return words


def _inverted_after_comma(text: str, cue: _Cue) -> bool:
    """'The toll rose to 22, reported officials, with …': the source follows the verb."""
    if text[cue.start : cue.end].lower() not in _INVERTING_VERBS:
        return False
    if not text[max(0, cue.start - 3) : cue.start].rstrip(" \t").endswith(","):
        return False
    after = _INVERTED_SOURCE.match(text, cue.end)
    if not after:
        return False
    words = after.group().split()
    words = _head_before_modifier(words)
    if any(
        (w.lower() in _PREPOSITIONS and not (before[:1].isupper() and after[:1].isupper()))
        or w.lower() in ("that", "it", "nothing")
        for before, w, after in zip(["", *words[:-1]], words, [*words[1:], ""], strict=True)
    ):
        # "…, said it would", "…, reported the theft to police"; a preposition inside a
        # name ("…, argues the Institute for Fiscal Studies") does not count
        return False
    head = words[-1]
    bare = lower_same_length(head)
    return head[0].isupper() or bare in _HEAD_NOUNS


_OPENING_WORD = re.compile(r"\s*[\w’'-]+")


def _opening_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The shortest run of words (five at most) at ``start`` that a verb follows: "Tesco
    sold", "the mayor called"; it opens with a capital or a determiner, not a preposition."""
    first = _OPENING_WORD.match(text, start, end)
    if not first:
        return None
    word = first.group().strip()
    if word.lower() in _PREPOSITIONS or not (word[0].isupper() or word in _DETERMINERS):
        return None
    position, last = first.end(), word
    for _ in range(5):
        verb = last.lower() not in _DETERMINERS and _VERB_NEXT.match(text, position, end)
        if verb:
            begin = start + len(first.group()) - len(first.group().lstrip())
            return begin, verb.end("apposition") if verb.group("apposition") else position
        following = _OPENING_WORD.match(text, position, end)
        if not following:
            return None
        position, last = following.end(), following.group().strip()
    return None


def _elided_subject(index: TextIndex, cue_start: int) -> tuple[int, int] | None:
    """The subject a verb shares with the sentence's first verb when its own is left out
    after a semicolon, a comma or "and" ("Tesco sold its stores in March; announced
    leaving"; "She called him a dictator and last year accused him")."""
    before = index.text[max(0, cue_start - 60) : cue_start]
    time = _TIME_BEFORE_VERB.search(before)
    before = before[: time.start()] if time else before.rstrip()
    if not before.endswith((";", ",", " and", " but")):
        return None
    start = max(index.sentence_start(cue_start), cue_start - _WINDOW)
    return _opening_subject(index.text, start, cue_start)


def _sentence_opening(index: TextIndex, position: int) -> tuple[int, int] | None:
    """The subject that opens the sentence holding ``position``, appositive included."""
    start = max(index.sentence_start(position), position - _WINDOW)
    return _opening_subject(index.text, start, position)


def _main_subject_after(index: TextIndex, cue_end: int) -> tuple[int, int] | None:
    """A participle in an opening adverbial takes the subject of the main clause after the
    comma: "When announcing the shutdown, Prime Minister Tuilaepa called"."""
    end = _sentence_end_after(index, cue_end)
    comma = index.text.find(", ", cue_end, end)
    if comma == -1:
        return None
    return _opening_subject(index.text, comma + 2, end)


# Nouns of texts and recordings: one followed by a participle of saying, with no comma, is
# the participle's subject in a reduced relative clause ("a letter saying", "posts claiming";
# Quirk et al. 1985, 17.27).
_TEXT_NOUNS = frozenset(
    [w for kind in ("social", "document", "media") for w in SOURCE_WORDS[kind]]
    + ["reports", "posts", "video", "videos", "footage", "accounts", "claims", "messages"]
)


def _reduced_relative(text: str, cue_start: int) -> tuple[int, int] | None:
    """The noun phrase of a text right before a participle cue ("I have seen the posts on
    social media claiming"), or None when the word before is no such noun or a comma."""
    before = text[max(0, cue_start - 40) : cue_start]
    if not before.endswith((" ", "\t")) or before.rstrip().endswith(","):
        return None
    words = [lower_same_length(w) for w in before.split()[-4:]]
    if not any(w in _TEXT_NOUNS for w in words):
        return None  # "posts on social media": the noun heads a phrase of up to four words
    clause = _clause_before(text, cue_start)
    verbs = list(_VERB_BEFORE_OBJECT.finditer(clause))
    start = verbs[-1].end() if verbs else 0
    phrase = _LEADING_JUNK.sub("", clause[start:])
    if not phrase.strip() or _starts_with_preposition(phrase) or len(phrase.split()) > 8:
        return None
    begin = cue_start - len(phrase)
    return begin, begin + len(phrase.rstrip())


# "X quoted/cited Y as saying": Y is the source, X the medium it came through (the
# annotation guide, "Chains": "It cited the Air Force as stating X").
_QUOTE_VERB_TEXT = "quoted quotes quoting quote cited cites citing cite"
_QUOTE_VERB_WORDS = frozenset(_QUOTE_VERB_TEXT.split())
_QUOTE_VERBS = rf"(?:{'|'.join(_QUOTE_VERB_TEXT.split())})"
_QUOTED_AS_AFTER = re.compile(
    r"[ \t]+(?P<source>[^,.;:!?“”\"\n]{1,80}?)[ \t]+as[ \t]+(?:having[ \t]+)?"
    r"(?:saying|stating|said|stated|telling|writing|claiming|describing|calling|warning)\b"
)
_QUOTED_AS_BEFORE = re.compile(
    rf"\b{_QUOTE_VERBS}[ \t]+(?P<source>[^,.;:!?“”\"\n]{{1,80}}?)[ \t]+as[ \t]+"
    r"(?:having[ \t]+)?$",
    re.IGNORECASE,
)


def _quoted_as(text: str, cue: _Cue) -> tuple[int, int] | None:
    """The person a quoting verb credits: "quoted a police officer as saying" ->
    "a police officer", for the cue "quoted" and for the cue "saying" alike."""
    word = text[cue.start : cue.end].lower()
    if word in _QUOTE_VERB_WORDS:
        after = _QUOTED_AS_AFTER.match(text, cue.end)
        return after.span("source") if after else None
    if (cue_is_participle(word) or word == "said") and " as" in text[cue.start - 12 : cue.start]:
        before = _QUOTED_AS_BEFORE.search(text, max(0, cue.start - 100), cue.start)
        return before.span("source") if before else None
    return None


# The annotation guide's chains ("Reuters, citing anonymous sources, reported X": `citing` ->
# the sources): people cited by a participle are its source; a document or a reason cited
# ("citing a report", "citing inflation") leaves the citer as the source.
_CITING = re.compile(r"(?i:citing)")
_CITED_PEOPLE = re.compile(
    r"[ \t]+((?:(?:an?|the|two|three|four|several|some|many|other|unnamed|anonymous|senior|"
    r"local|western|government|military|security|diplomatic|intelligence|police|u\.s\.|"
    r"[A-Z][\w’'-]*|[a-z]+ian)[ \t]+){0,4}"
    r"(?:sources?|officials?|witnesses|diplomats?|residents|people|insiders|aides?|"
    r"spokes(?:man|woman|person)|investigators?|experts?|analysts?|officers?|doctors?)"
    r"(?:[ \t]+(?:familiar[ \t]+with|close[ \t]+to|with[ \t]+knowledge[ \t]+of|briefed[ \t]+on)"
    r"[ \t]+(?:the|his|her|their|its)[ \t]+[\w-]+)?)\b"
)


def _with_agent_phrase(text: str, span: tuple[int, int], cue_start: int) -> tuple[int, int]:
    """The subject with the by-phrase set off right after it, if any.

    Examples
    --------
    >>> text = "The survey, by the firm Orr & Lee, says rents rose."
    >>> text[slice(*_with_agent_phrase(text, (0, 10), 35))]
    'The survey, by the firm Orr & Lee'
    >>> text = "The survey, in its summary, says rents rose."
    >>> text[slice(*_with_agent_phrase(text, (0, 10), 28))]
    'The survey'
    """
    agent = _AGENT_PHRASE.match(text, span[1], cue_start)
    return (span[0], agent.end()) if agent else span


# A non-restrictive relative clause set off between the subject and its verb, perhaps after an
# age ("Officials, who spoke on condition of anonymity, said"; "Priya, 34, who lives on Canal
# Row, said"): the guide's source span is the whole mention, appositions and non-restrictive
# relative clauses included (seeds/ANNOTATING.md, the attributions example; Quirk et al. 1985,
# 17.3 on non-restrictive relative clauses).
_SET_OFF_RELATIVE = re.compile(
    r",[ \t]+(?:\d{1,3},[ \t]+)?(?:who|whose|which|(?:many|some|most|all|one|two|both|several|"
    r"none|each)[ \t]+of[ \t]+(?:whom|which))[ \t](?:[^,;:()“”\"\n]|(?<=\d),(?=\d)){1,160}"
    r"(?=,[ \t]*(?:[a-z]+[ \t]+){0,2}$)|"  # auxiliaries and adverbs may follow: ", has said"
    r",[ \t]+\d{1,3}(?=,[ \t]*(?:[a-z]+[ \t]+){0,2}$)"  # an age alone: "Dennis, 71, said"
)


def _with_set_off_relative(text: str, span: tuple[int, int], cue_start: int) -> tuple[int, int]:
    """The subject with the non-restrictive relative clause set off right after it, if any.

    Examples
    --------
    >>> text = "Officials, who spoke on condition of anonymity, said talks stalled."
    >>> text[slice(*_with_set_off_relative(text, (0, 9), 48))]
    'Officials, who spoke on condition of anonymity'
    >>> text = "Dennis, 71, said the bridge was unsafe."
    >>> text[slice(*_with_set_off_relative(text, (0, 6), 12))]
    'Dennis, 71'
    >>> text = "Officials, speaking on condition of anonymity, said talks stalled."
    >>> text[slice(*_with_set_off_relative(text, (0, 9), 47))]
    'Officials'
    """
    relative = _SET_OFF_RELATIVE.match(text, span[1], cue_start)
    return (span[0], relative.end()) if relative else span
