"""Each cue with its source, the source's kind and whether it is direct: ``extract_attributions``.

Each cue looks at most a few hundred characters around itself, so the time grows linearly with
the text.
"""

from __future__ import annotations

import dataclasses
import re

from medialit.extract.attribution.cues import (
    _DETERMINERS,
    _WINDOW,
    _clause_before,
    _credit_line_speaker,
    _Cue,
    _find_cues,
    _tag_name_span,
    _would_report,
    cue_is_participle,
)
from medialit.extract.attribution.quotes import _is_direct, _sentence_end_after, _sentence_subject
from medialit.extract.attribution.record import Attribution
from medialit.extract.attribution.sources import (
    _CREDIT_SOURCE,
    _LEADING_JUNK,
    _PREPOSITIONS,
    _UPPER,
    _contact_relative_subject,
    _source_after,
    _source_before,
    _source_kinds,
    _speech_inverted,
    _starts_with_preposition,
    _without_trailing_adverbial,
    classify_source,
)
from medialit.extract.attribution.speakers import (
    _IRREGULAR_PAST,
    _VERB_FIRST,
    _VERB_NEXT,
    resolve_source,
)
from medialit.extract.attribution.words import (
    _AGENT_PHRASE,
    _KIND_OF_WORD,
    _LY_NOUNS,
    _PASSIVE_BEFORE,
    _TIME_BEFORE_VERB,
    _VERB_BEFORE_OBJECT,
    SOURCE_WORDS,
)
from medialit.extract.scanning import lower_same_length
from medialit.extract.text_index import TextIndex, as_index

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


# "by the end of the day", "by 2030": a time, not an agent.
_BY_AGENT = re.compile(
    r"(?:[ \t]+(?:[^\s.,;:!?“”\"]|(?<=\d)[.,](?=\d))+){0,8}?[ \t]+by[ \t]+"
    r"(?!(?:the[ \t]+)?(?:end|time|start|beginning|middle|way|noon|midnight|then|now|far)\b|\d)"
)


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
# grammar of reported speech: quotative inversion, Quirk et al. 1985, 14.31).
_INVERTING_TEXT = "said says reported reports added adds wrote writes noted"
_INVERTING_VERBS = frozenset(_INVERTING_TEXT.split())
_INVERTED_SOURCE = re.compile(
    rf"[ \t]+(?:the[ \t]+)?(?:[{_UPPER}][\w’'.-]*|[a-z][\w’'-]*)(?:[ \t]+[\w’'.-]+){{0,3}}"
    r"[ \t]*(?=[,.;](?:\s|$))"
)


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
    if any(w.lower() in _PREPOSITIONS or w.lower() in ("that", "it", "nothing") for w in words):
        return False  # "…, said it would", "…, reported the theft to police"
    head = words[-1]
    return head[0].isupper() or lower_same_length(head) in _KIND_OF_WORD


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


def _attribution(
    index: TextIndex, cue: _Cue, previous: Attribution | None, next_cue: int
) -> Attribution:
    text = index.text
    where = cue.where
    participle = cue_is_participle(text[cue.start : cue.end])
    if (
        cue.name == "speech"
        and not participle
        and (_speech_inverted(text, cue) or _inverted_after_comma(text, cue))
    ):
        where = "after"
    span = None
    quoted = _quoted_as(text, cue)
    if quoted:  # "It cited the Air Force as stating": the Air Force is the source
        span, where = quoted, "quoted_as"
    passive = _PASSIVE_BEFORE.search(text, max(0, cue.start - 24), cue.start)
    passive_cue = (
        (where == "before" and passive)
        or cue.name == "passive_evidence"
        or (where == "before" and _PARTICIPLE_BY.match(text, cue.end) and cue.name == "speech")
    )
    agent = _passive_agent(index, cue.end) if passive_cue else None
    if where == "quoted_as":
        where = "before"  # the quoted person is named; the quoting medium is the channel
    elif agent:
        span, where = agent, "after"  # "was identified as Galicha by a spokesperson"
    elif where == "before" and cue.name == "speech" and passive:
        pass  # "“bandits” were blamed": a passive with no agent names no source
    elif where == "before" and participle and (reduced := _reduced_relative(text, cue.start)):
        span = reduced  # "the posts on social media claiming otherwise"
    elif where == "before":
        span = _source_before(text, cue.start)
        if span is None and not participle:
            span = _elided_subject(index, cue.start)  # "Tesco sold ...; announced"
        # "…, citing", "urged … and assured": the verb shares the previous subject.
        near_previous = (
            previous
            and cue.start - previous.cue_end < _WINDOW
            and not index.sentence_break_between(previous.cue_end, cue.start)
        )
        joined = _FOLLOWS_PREVIOUS.search(text[max(0, cue.start - 24) : cue.start]) or (
            cue_is_participle(text[cue.start : cue.end])
            and text[max(0, cue.start - 4) : cue.start].rstrip().endswith(",")
        )
        covers_previous = span is not None and previous and span[0] <= previous.cue_start < span[1]
        if near_previous and previous.source and (span is None or joined or covers_previous):
            span = previous.source_start, previous.source_end  # "Iran admits ..., cites"
        elif span and joined and _VERB_FIRST.match(text, span[0]):
            # "Gorka, a former adviser, spoke at the rally and encouraged": a verb phrase
            # joined to the first shares the sentence's subject
            span = _sentence_opening(index, cue.start) or span
        elif span and (cue_is_participle(text[cue.start : cue.end]) or joined):
            span = _subject_only(text, span)  # "The KGB arrested 33 men, claiming"
        elif cue_is_participle(text[cue.start : cue.end]) and _AFTER_PREPOSITION.search(
            text, max(0, cue.start - 12), cue.start
        ):
            # "Tokayev is … validated in blaming": the subject of the sentence blames.
            span = _sentence_subject(index, cue.start) or span
        elif span is None and participle:
            span = _main_subject_after(index, cue.end)  # "When announcing it, NAME called"
        if span and not participle:
            span = _with_agent_phrase(text, span, cue.start)
    elif cue.name == "credit":
        credit = _CREDIT_SOURCE.match(text, cue.end)  # "© AFP 2023 / NAME": the agency
        span = credit.span(1) if credit else None
    elif where == "after":
        span = _source_after(text, cue.end)
    cited = (
        _CITED_PEOPLE.match(text, cue.end) if _CITING.fullmatch(text[cue.start : cue.end]) else None
    )
    if cited:
        span = cited.span(1)  # "Reuters, citing anonymous sources, reported": the sources
    if cue.name in ("reports_surfaced", "there_are_reports"):
        span = None  # "Reports have surfaced": nobody is named
    if cue.name == "by_reports":
        span = _reports_span(text, cue)  # "by early reports": the reports
    if cue.name in ("wire_credit", "dateline"):
        span = (cue.start + 1, cue.end - 1)  # the agency inside the brackets
    if cue.name == "speaker_tag":
        span = _tag_name_span(text, cue.start, cue.end)  # "MAYOR OKAFOR" of "MAYOR OKAFOR:"
    if cue.name == "credit_line":
        span = _credit_line_speaker(text, cue)  # "harbour pilot" of "– harbour pilot, Radio"
    if span and cue.name not in ("speaker_tag", "credit_line", "wire_credit", "dateline"):
        span = _contact_relative_subject(text, _without_trailing_adverbial(text, span))
    source = text[span[0] : span[1]] if span else ""
    cue_text = text[cue.start : cue.end]
    kind = classify_source(source, cue_text)
    if cue.name in ("wire_credit", "dateline"):
        kind = "named_media"
    elif cue.name in ("speaker_tag", "credit_line"):
        kind = classify_speaker_tag(source)
    elif where == "none" and kind != "social_media":
        kind = "vague"
    return Attribution(
        cue_start=cue.start,
        cue_end=cue.end,
        cue=cue_text,
        source_start=span[0] if span else None,
        source_end=span[1] if span else None,
        source=source,
        source_type=kind,
        direct=cue.name in ("speaker_tag", "credit_line") or _is_direct(index, cue, span, next_cue),
        source_name=source,
    )


# Tags that name a role in the exchange, not who fills it: "Q:", "REPORTER:", "Moderator:".
_ANONYMOUS_TAG = re.compile(
    r"(?i:q|a|questions?|answers?|reporters?|journalists?|audience(?:[ \t]+members?)?|voices?|"
    r"unidentified[\w \t]*|unnamed[\w \t]*|moderator|host|interviewer|presenter|anchor|caller|"
    r"participants?|speaker|male[ \t]+voice|female[ \t]+voice|crowd)"
)


def classify_speaker_tag(tag: str) -> str:
    """The source type of a transcript's speaker tag (the name part, without its colon).

    A tag is a turn's speaker, so it names a person unless it only names a role in the
    exchange (an unnamed questioner: ``vague``), a medium or a body with nobody's title in it.
    A short tag in capitals is a surname ("PUTIN"), not an acronym, unless it is a known one.

    Examples
    --------
    >>> [classify_speaker_tag(t) for t in ("Vladimir Putin", "PUTIN", "MAYOR OKAFOR", "SPOKESMAN")]
    ['named_person', 'named_person', 'named_person', 'named_person']
    >>> [classify_speaker_tag(t) for t in ("Q", "REPORTER", "Moderator")]
    ['vague', 'vague', 'vague']
    >>> [classify_speaker_tag(t) for t in ("KREMLIN", "U.S. STATE DEPARTMENT", "NATO", "BBC")]
    ['named_organisation', 'named_organisation', 'named_organisation', 'named_media']
    >>> classify_speaker_tag("FOREIGN MINISTRY SPOKESWOMAN MARIA ZAKHAROVA")
    'named_person'
    """
    tag = tag.strip()
    if _ANONYMOUS_TAG.fullmatch(tag):
        return "vague"
    kinds = _source_kinds(tag)
    if "title" in kinds:
        return "named_person"  # "KREMLIN SPOKESMAN", "Foreign Minister Lavrov": a person
    if "media" in kinds:
        return "named_media"
    if "organisation" in kinds or "document" in kinds:
        return "named_organisation"
    return "named_person"  # a name: "Vladimir Putin", "PESKOV", "Dr Marsh"


_REPORTS_WORD = re.compile(r"(?i:[\w ]*\breports\b)")


def _reports_span(text: str, cue: _Cue) -> tuple[int, int]:
    """'by early reports' -> 'early reports'; 'Reports have surfaced' -> the whole cue."""
    if cue.name != "by_reports":
        return cue.start, cue.end
    words = text[cue.start : cue.end].split(maxsplit=1)
    return cue.end - len(words[-1]), cue.end


def extract_attributions(text: str | TextIndex) -> list[Attribution]:
    """Find every attribution in ``text``, in reading order.

    Parameters
    ----------
    text : str or TextIndex
        Any English text, or its index (shared with the other extractors).

    Returns
    -------
    list of Attribution
        One per cue; ``text[a.cue_start:a.cue_end] == a.cue``.

    Examples
    --------
    >>> a = extract_attributions('“It is obvious,” Lebedev said.')[0]
    >>> (a.cue, a.source, a.source_type, a.direct)
    ('said', 'Lebedev', 'named_person', True)
    >>> a = extract_attributions("Protesters reportedly stormed the airport.")[0]
    >>> (a.cue, a.source, a.source_type)
    ('reportedly', '', 'vague')
    >>> [(a.cue, a.source) for a in extract_attributions("It was set ablaze, Fox News reported.")]
    [('reported', 'Fox News')]
    """
    if not isinstance(text, str | TextIndex):
        raise TypeError(f"extract_attributions expects a str, got {type(text).__name__}")
    index = as_index(text)
    cues = _find_cues(index)
    found: list[Attribution] = []
    for number, cue in enumerate(cues):
        next_cue = cues[number + 1].start if number + 1 < len(cues) else len(index.text)
        attribution = _with_auxiliary(
            index.text, _attribution(index, cue, found[-1] if found else None, next_cue), cue
        )
        name = resolve_source(index.text, attribution, found)
        found.append(dataclasses.replace(attribution, source_name=name))
    return found


# The auxiliaries the guide's spans take in with the verb: a perfect ("has called for", "have
# told", "has repeatedly offered") and an agentless passive ("were told", "was announced").
_PERFECT_BEFORE = re.compile(
    r"\b(?:has|have|had)[ \t]+(?:(?:also|already|since|now|just|long|[a-z]+ly)[ \t]+)?"
    r"(?:been[ \t]+)?$",
    re.IGNORECASE,
)
_PASSIVE_AUX_BEFORE = re.compile(r"\b(?:is|are|was|were)[ \t]+$", re.IGNORECASE)
_BY_AFTER = re.compile(r"[ \t]+by\b")
_VERB_CUES = frozenset(["speech", "called_for", "asked_for", "pointed_out"])
_WOULD_BEFORE = re.compile(r"\bwould[ \t]+(?:(?:later|then|soon|eventually|also)[ \t]+)?$")


def _with_auxiliary(text: str, attribution: Attribution, cue: _Cue) -> Attribution:
    """The cue with its auxiliary, as the guide's spans have it ("has said", "were told").

    Only the span changes: the source was found from the verb.

    Examples
    --------
    >>> [a.cue for a in extract_attributions("Officials have said the dam is safe.")]
    ['have said']
    >>> [a.cue for a in extract_attributions("Residents were told to leave.")]
    ['were told']
    """
    if cue.name not in _VERB_CUES:
        return attribution
    before = text[max(0, cue.start - 40) : cue.start]
    aux = _PERFECT_BEFORE.search(before)
    if not aux and "would" in before and _would_report(before):
        aux = _WOULD_BEFORE.search(before)  # "who would testify"
    if not aux and cue.end < len(text) and not _BY_AFTER.match(text, cue.end):
        aux = _PASSIVE_AUX_BEFORE.search(before)
    if not aux:
        return attribution
    start = cue.start - (len(before) - aux.start())
    return dataclasses.replace(attribution, cue_start=start, cue=text[start : cue.end])
