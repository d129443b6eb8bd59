"""Each cue with its source, the source's kind and whether it is direct: ``extract_attributions``.

Each cue looks at most a few hundred characters around itself, so the time grows linearly with
the text.
"""

from __future__ import annotations

import dataclasses
import re

from medialit.extract.attribution.cues import (
    _WINDOW,
    _credit_line_speaker,
    _Cue,
    _find_cues,
    _tag_name_span,
    _would_report,
    cue_is_participle,
)
from medialit.extract.attribution.quotes import _is_direct, _sentence_subject
from medialit.extract.attribution.record import Attribution
from medialit.extract.attribution.sources import (
    _CREDIT_SOURCE,
    _attributive_participle,
    _comment_clause_subject,
    _contact_relative_subject,
    _source_after,
    _source_before,
    _source_kinds,
    _speech_inverted,
    _with_apposition_after,
    _without_trailing_adverbial,
    classify_source,
)
from medialit.extract.attribution.speakers import (
    _REFLEXIVES,
    _VERB_FIRST,
    resolve_source,
)
from medialit.extract.attribution.subjects import (
    _AFTER_PREPOSITION,
    _CITED_PEOPLE,
    _CITING,
    _FOLLOWS_PREVIOUS,
    _PARTICIPLE_BY,
    _TIME_AFTER_BY,
    _elided_subject,
    _inverted_after_comma,
    _main_subject_after,
    _passive_agent,
    _quoted_as,
    _reduced_relative,
    _sentence_opening,
    _subject_only,
    _with_agent_phrase,
    _with_set_off_relative,
)
from medialit.extract.attribution.words import (
    _PASSIVE_BEFORE,
)
from medialit.extract.text_index import TextIndex, as_index

# The holder of a view named inside its cue: "In the minister's view" -> "the minister".
_HOLDER_IN_CUE = re.compile(
    r"(?i:in)\s+(?P<holder>(?i:his|her|their|its)(?=\s)|[^\s’'][^’'\n]*?(?=['’]))"
)
# A by-phrase right after the cue, perhaps after a time: "It was announced on Monday by".
_BY_RIGHT_AFTER = re.compile(
    r"(?:[ \t]+(?:on|late|early|last|this)[ \t]+[\w’'-]+(?:[ \t]+[\w’'-]+)?)?[ \t]+by[ \t]"
)


# An emphatic reflexive right after the subject is part of its noun phrase ("the minister
# himself"; Quirk et al. 1985, 6.24), and the guide's span keeps it.
_EMPHATIC_REFLEXIVE = re.compile(rf"[ \t]+(?:{'|'.join(sorted(_REFLEXIVES))})")
_ONLY_AUXILIARIES = re.compile(
    r"(?:[ \t]+(?:has|have|had|is|are|was|were|will|would|also|been|[a-z]+ly))*[ \t]*"
)


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
    ) or (cue.name in _POST_VERBS and _speech_inverted(text, cue)):
        where = "after"  # "…,” said Tokayev"; "…,” tweeted the leader, as any verb of saying
    span = None
    quoted = _quoted_as(text, cue)
    if quoted:  # "It cited the Air Force as stating": the Air Force is the source
        span, where = quoted, "quoted_as"
    # "are urging", "is demanding": a be-form before an -ing form is the progressive, no passive
    first_word = text[cue.start : cue.end].split(" ", 1)[0].lower()
    progressive = first_word.endswith("ing") and first_word != "being"
    passive = not progressive and _PASSIVE_BEFORE.search(text, max(0, cue.start - 24), cue.start)
    passive_cue = (
        (where == "before" and passive)
        or cue.name == "passive_evidence"
        # "It was announced by the council that": an impersonal passive names its agent
        # in a by-phrase too (extraposition, Quirk et al. 1985, 18.33)
        or (cue.name == "became_known" and _BY_RIGHT_AFTER.match(text, cue.end))
        or (where == "before" and _PARTICIPLE_BY.match(text, cue.end) and cue.name == "speech")
    )
    agent = _passive_agent(index, cue.end) if passive_cue else None
    if where == "quoted_as":
        where = "before"  # the quoted person is named; the quoting medium is the channel
    elif agent:
        span, where = agent, "after"  # "was identified as Galicha by a spokesperson"
    elif where == "before" and cue.name == "speech" and passive:
        pass  # "“bandits” were blamed": a passive with no agent names no source
    elif where == "before" and _attributive_participle(text, cue.start, cue.end):
        pass  # "the total reported casualties": an adjective before its noun names nobody
    elif where == "before" and participle and (reduced := _reduced_relative(text, cue.start)):
        span = reduced  # "the posts on social media claiming otherwise"
    elif where == "before":
        span = _source_before(text, cue.start)
        if span:
            span = _comment_clause_subject(text, span, cue.end)
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
        covers_previous = (
            span is not None
            and previous
            and span[0] <= previous.cue_start < span[1]
            # "A review published by the regulator found": a reduced relative clause inside
            # the subject (Quirk et al. 1985, 17.30); the review finds, not the regulator
            and not (
                previous.cue.endswith(" by")
                and span[0] < previous.cue_start
                and previous.source_end is not None
                and previous.source_end <= span[1]
            )
        )
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
            span = _with_set_off_relative(text, span, cue.start)
    elif where == "inside":  # "In the minister's view": the holder inside the cue
        holder = _HOLDER_IN_CUE.match(text, cue.start)
        span = holder.span("holder") if holder else None
    elif cue.name == "credit":
        credit = _CREDIT_SOURCE.match(text, cue.end)  # "© AFP 2023 / NAME": the agency
        span = credit.span(1) if credit else None
    elif (
        where == "after"
        and cue.name.startswith("passive_by")
        and _TIME_AFTER_BY.match(text, cue.end)
    ):
        span = None  # "were confirmed by Friday": a deadline, a passive with no agent
    elif where == "after":
        span = _source_after(text, cue.end)
        if span:
            span = _with_apposition_after(text, span, cue.start)
        if span and span[0] < next_cue < span[1]:
            # "results published by the commission show": the next cue's verb ends the
            # agent's noun phrase (a noun phrase holds no finite verb)
            end = len(text[span[0] : next_cue].rstrip(" \t,"))
            span = (span[0], span[0] + end) if end else None
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
    if span and where == "before":
        emphatic = _EMPHATIC_REFLEXIVE.match(text, span[1])
        if emphatic and _ONLY_AUXILIARIES.fullmatch(text, emphatic.end(), cue.start):
            span = (span[0], emphatic.end())  # "The minister himself said"
    if span:
        # an opening quotation mark belongs to the quotation, not to its first word: "“I"
        skip = len(text[span[0] : span[1]]) - len(text[span[0] : span[1]].lstrip('“‘"«„ '))
        span = (span[0] + skip, span[1]) if skip < span[1] - span[0] else None
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
    return _first_person_quoted(index, found)


_POST_VERBS = frozenset(["tweeted", "posted"])  # verbs of saying on social media
_FIRST_PERSON = frozenset(["i", "me", "we", "us"])
_QUOTE_TO_CUE = 60  # how far a quotation's own cue stands from its closing mark ('," said X')


def _first_person_quoted(index: TextIndex, found: list[Attribution]) -> list[Attribution]:
    """'I' or 'we' inside a quotation is whoever the quotation is attributed to ("“I told
    them,” said Paul Lind": Lind told them): a first-person pronoun's referent is the
    speaker of the words it stands in (deixis in direct speech, Quirk et al. 1985, 14.29).

    Examples
    --------
    >>> text = "“I told them it was unsafe,” said engineer Paul Lind."
    >>> [a.source_name for a in extract_attributions(text)]
    ['Paul Lind', 'Paul Lind']
    """
    if not any(a.source.strip().lower() in _FIRST_PERSON for a in found):
        return found  # most texts: nothing to do
    result = list(found)
    for number, attribution in enumerate(found):
        if attribution.source.strip().lower() not in _FIRST_PERSON:
            continue
        quotation = index.quotation_around(attribution.cue_start, attribution.cue_end)
        if quotation is None:
            continue
        speaker = next(
            (
                later
                for later in found[number + 1 :]
                if later.cue_start >= quotation.end
                and later.cue_start - quotation.end <= _QUOTE_TO_CUE
                and index.quotation_around(later.cue_start, later.cue_end) is None
            ),
            None,
        )
        # a full stop that closes the quotation ends its sentence: '.” Later, Reed said'
        if speaker and index.sentence_break_between(quotation.end - 2, speaker.cue_start):
            speaker = None
        if speaker is None:  # 'Lind said: “I told them”': the cue before the quotation
            speaker = next(
                (
                    earlier
                    for earlier in reversed(found[:number])
                    if earlier.cue_end <= quotation.start
                    and quotation.start - earlier.cue_end <= _QUOTE_TO_CUE
                    and index.quotation_around(earlier.cue_start, earlier.cue_end) is None
                    and not index.sentence_break_between(earlier.cue_end, quotation.start)
                ),
                None,
            )
        if speaker is None:
            continue
        name = speaker.source_name
        if name and name.strip().lower() not in _FIRST_PERSON | {"he", "she", "they"}:
            result[number] = dataclasses.replace(attribution, source_name=name)
    return result


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
