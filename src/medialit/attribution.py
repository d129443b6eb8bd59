"""Find every "who says so" in an English news text.

An attribution ties a claim to a source. A careful reader finds it in three steps, and
so does this module:

1. **The cue**: the verb or phrase that marks an attribution. ``CUE_RULES`` lists them,
   one readable regular expression each: speech verbs (``said``, ``told``, ``stated``,
   ``vowed``, ``accused``...), phrases that put the source after the cue (``according to``,
   ``quoted by``), vague cues with no source at all (``reportedly``, ``Reports have
   surfaced``, ``are said to``, ``it became known``), passive evidence (``were recorded``),
   social media (``posted to Twitter``, ``Twitter posts show``) and picture credits
   (``© AFP``, ``via Twitter``).
2. **The source**: the noun phrase before the cue ("Lebedev said"), or after it
   ("according to Tokayev", "– said Tokayev" after a quotation).
3. **The kind of source** (``classify_source``): a named person, a named organisation, a
   named medium, a document, social media, or a vague one ("reports", "some estimates").
   The attribution is **direct** when the words are given in quotation marks.

Each rule runs once over the text, and each cue looks at most a few hundred characters
around itself, so the time grows linearly with the text.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

__all__ = ["SOURCE_TYPES", "Attribution", "classify_source", "extract_attributions"]

SOURCE_TYPES = (
    "named_person",
    "named_organisation",
    "named_media",
    "vague",
    "document",
    "social_media",
)


@dataclass(frozen=True)
class Attribution:
    """One attribution found in a text.

    Attributes
    ----------
    cue_start, cue_end : int
        Character offsets of the cue: ``text[cue_start:cue_end] == self.cue``.
    cue : str
        The verb or phrase that marks the attribution ("said", "according to").
    source_start, source_end : int or None
        Offsets of the source mention, None when there is none ("reportedly").
    source : str
        The source as written ("Leonid Kalashnikov, a Russian lawmaker"), or "".
    source_type : str
        One of ``SOURCE_TYPES``.
    direct : bool
        True when the attributed words are given in quotation marks.
    """

    cue_start: int
    cue_end: int
    cue: str
    source_start: int | None
    source_end: int | None
    source: str
    source_type: str
    direct: bool

    def to_dict(self) -> dict:
        """Return the attribution as a plain dict, ready for JSON.

        Examples
        --------
        >>> extract_attributions("Lebedev said.")[0].to_dict()["source"]
        'Lebedev'
        """
        return asdict(self)


# --------------------------------------------------------------------------- cues

_SOCIAL = r"(?:Twitter|Facebook|Telegram|Instagram|YouTube|TikTok|VKontakte|VK|Weibo|Reddit|X)"
_EVIDENCE = r"(?:videos?|footage|images?|photos?|pictures?|posts?|data|documents?|records?|"
_EVIDENCE += r"figures|statistics|polls?|surveys?|tweets?|messages?|reports?)"
_BE = r"(?:is|are|was|were|has been|have been|had been|being|be)"

# Each cue rule: (name, where the source is, pattern). Where: "before" the cue, "after"
# it, or "none" (the cue itself is vague). Case-insensitive unless the pattern says so.
CUE_RULES: list[tuple[str, str, str]] = [
    # Vague cues: the source is missing or is a faceless "reports".
    ("reportedly", "none", r"\b(?:reportedly|purportedly)\b"),
    ("reports_surfaced", "none",
     r"\b(?:reports|rumou?rs|claims)\s+(?:have|has)\s+(?:surfaced|emerged|circulated)\b"),
    ("there_are_reports", "none",
     r"\bthere\s+(?:are|were|have\s+been)\s+(?:some\s+|also\s+|unconfirmed\s+|many\s+)?"
     r"(?:reports|estimates|claims|suggestions|rumou?rs|allegations)\b"),
    ("said_to", "none",
     rf"\b{_BE}\s+(?:said|reported|believed|thought|understood|rumou?red)\s+to\b"),
    ("became_known", "none", r"\bit\s+(?:became|has\s+become|is|was)\s+(?:known|reported)\b"),
    ("axiom", "none", r"\bso\s+goes\s+the\s+(?:axiom|saying|adage|proverb)\b"),
    ("passive_evidence", "none",
     rf"\b{_BE}\s+(?:recorded|voiced|documented|filmed|alleged|accused|claimed|rumou?red)\b"),
    ("placing_figure", "before",
     r"\b(?:plac|putt)ing\s+the\s+(?:figure|number|toll|count|estimate)\b"),
    # Source after the cue.
    ("according_to", "after", r"\baccording\s+to\b"),
    ("quoted_by", "after", r"\b(?:quoted|cited)\s+by\b"),
    ("credit", "after", r"©"),
    ("via_platform", "after", rf"\bvia\b(?=\s+(?:{_SOCIAL}|Reuters|AFP|AP|Getty|TASS)\b)"),
    # Social media.
    ("posted_to", "before", rf"\b(?:posted|wrote|shared|said)\s+(?:to|on)\s+{_SOCIAL}\b"),
    ("platform_posts_show", "none",
     rf"\b{_SOCIAL}\s+(?:posts?|videos?|messages?|footage)\s+"
     r"(?:show|shows|showed|suggest|suggests|indicate|indicates|reveal|reveals)\b"),
    ("tweeted", "before", r"\btweet(?:s|ed)\b"),
    # Evidence that shows: "videos ... show", "data show".
    ("evidence_shows", "before",
     r"\b(?:show|shows|showed|reveal|reveals|revealed|indicate|indicates|confirm|confirms)\b"),
    # Speech verbs, source before ("Lebedev said") or after ("…,” said Tokayev).
    ("speech", "before",
     r"\b(?:said|says|say|told|tells|stated|states|announced|announces|reported|noted|notes|"
     r"added|adding|wrote|writes|explained|insisted|insists|warned|warns|warning|vowed|vows|"
     r"vowing|pledged|pledges|pledging|accused|accuses|accusing|condemned|condemns|"
     r"commended|praised|denied|denies|claimed|argued|asserted|stressed|emphasi[sz]ed|"
     r"urged|assured|recalled|promised|acknowledged|acknowledge|admitted|confirmed|"
     r"blamed|blaming|citing|believes|views|declared|commented|alleged)\b"),
    ("claims_verb", "before", r"\bclaims\b(?=\s*(?:that\b|[“\"]))"),
    ("expressed", "before",
     r"\bexpressed\s+(?:hope|concern|confidence|regret|support|doubt|condolences|surprise)\b"),
    ("called", "before", r"\bcalled\b"),
]  # fmt: skip

_CUES = [(name, where, re.compile(pattern, re.IGNORECASE)) for name, where, pattern in CUE_RULES]

# Words that stand between a subject and its verb ("Peskov had said", "He also said").
_AUX = re.compile(
    r"(?:\s+(?:has|have|had|was|were|is|are|also|then|later|previously|already|further|"
    r"again|once|immediately|reportedly|repeatedly|publicly|himself|herself|itself|"
    r"would|will|did|does|do|just|first|recently|earlier|even|appeared\s+to|not))+\s*$",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?:not|never|declined\s+to|refused\s+to|n[’']t)\s+(?:immediately\s+|yet\s+)?$",
    re.IGNORECASE,
)
# "the announced resignation", "to say"; but "appeared to acknowledge" is a cue.
_NOT_A_VERB_BEFORE = re.compile(
    r"\b(?:the|a|an|(?<!appeared )(?<!seemed )to|would|could|let[’']s|I[’']d)\s+$", re.IGNORECASE
)
_EVIDENCE_BEFORE = re.compile(rf"\b{_EVIDENCE}\b", re.IGNORECASE)
_SUBJECT_PRONOUN_OR_NAME = re.compile(r"(?:\b(?:he|she|they|it|we|I|who|whom)|[A-Z][\w’'-]*)\s+$")
_CALLED_OBJECT = re.compile(
    r"\s+(?:for|on|it|them|him|her|what|this|these|the|a|an)\b", re.IGNORECASE
)
_CLAUSE_BREAK = re.compile(
    r"[;:!?…]|[.][”\"’]?(?=\s)|[”\"]\s*,?|,\s*(?:but|and|while|as|when)\s|\[\d+\]\s*"
    r"|\bthat\s"
)
_QUOTE_MARKS = '“”"«»„'
_WINDOW = 240  # how far a cue looks for its source and its quotation marks


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    name: str
    where: str


def _find_cues(text: str) -> list[_Cue]:
    """Every cue, leftmost first; a longer cue hides the cues inside it."""
    found = []
    for rank, (name, where, pattern) in enumerate(_CUES):
        for match in pattern.finditer(text):
            if _keep_cue(text, name, match):
                found.append((match.start(), -match.end(), rank, _Cue(*match.span(), name, where)))
    found.sort(key=lambda item: item[:3])
    cues, claimed_to = [], 0
    for start, neg_end, _rank, cue in found:
        if start >= claimed_to:
            cues.append(cue)
            claimed_to = -neg_end
    return cues


def _keep_cue(text: str, name: str, match: re.Match) -> bool:
    """Second look at ambiguous cues, using only the few words around them."""
    before = text[max(0, match.start() - 40) : match.start()]
    word = match.group().lower()
    if _NEGATED.search(before):
        return False  # "did not immediately comment": no claim is attributed
    if name == "speech":
        if _NOT_A_VERB_BEFORE.search(before):
            return False  # "the announced resignation", "to say"
        if word == "states":
            return bool(re.match(r"\s*(?:that\b|on\b|in\b|[:,“\"])", text[match.end() :][:8]))
        if word in ("believes", "views"):  # "Moscow views X as", not "in her views"
            inside_quote = before.rfind("“") > before.rfind("”")
            return bool(_SUBJECT_PRONOUN_OR_NAME.search(before)) and not inside_quote
        if word == "declared":
            return bool(re.match(r"\s*(?:that\b|[:“\"])", text[match.end() :][:8]))
    if name == "posted_to" and re.search(rf"{_EVIDENCE}\s+$", before, re.IGNORECASE):
        return False  # "a video posted to Twitter" names a source, it is not the cue
    if name == "called":
        after = text[match.end() : match.end() + 8]
        return bool(_SUBJECT_PRONOUN_OR_NAME.search(before) or _CALLED_OBJECT.match(after))
    if name == "evidence_shows":
        # "videos ... show", "Network data from NetBlocks confirm": evidence speaks.
        return bool(_EVIDENCE_BEFORE.search(_clause_before(text, match.start())))
    return True


# --------------------------------------------------------------------------- sources

_MEDIA = re.compile(
    r"\b(?:news|tv|times|post|journal|gazette|herald|radio|television|agency|press|telegraph|"
    r"tribune|daily|magazine|broadcaster|channel|newspaper|wire|interfax|reuters|tass|ria|"
    r"novosti|sputnik|afp|ap|bbc|cnn|fox|bloomberg|xinhua|al\s+jazeera|guardian|netblocks|"
    r"associated\s+press|kazinform|tengrinews|rferl|azattyq|euronews|media\s+outlet|outlet)\b",
    re.IGNORECASE,
)
_SOCIAL_SOURCE = re.compile(
    rf"\b(?:{_SOCIAL}|tweets?|social\s+(?:network|media)|telegram-channel|blog|page)\b"
)
_DOCUMENT = re.compile(
    r"\b(?:decree|statute|law|resolution|communiqu[ée]|document|website|web\s+page|report|"
    r"letter|memo|data|records?|transcript|constitution|order|bill|treaty)\b",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?:reports|sources?|estimates|claims|some|witnesses|officials|experts|analysts|"
    r"observers|media|rumou?rs|many|others|people|residents|critics|videos?|footage|"
    r"posts|accounts|it)\b",
    re.IGNORECASE,
)
_ORGANISATION = re.compile(
    r"\b(?:ministry|minister(?:ial)?\s+of|government|kremlin|white\s+house|authorities|"
    r"committee|organi[sz]ation|council|department|office|embassy|party|commission|police|"
    r"army|military|foundation|institute|union|alliance|bloc|parliament|duma|senate|"
    r"court|bank|company|corporation|movement|group|nato|csto|un|osce|eu|cis|who|imf|"
    r"administration|cabinet|state\s+department|moscow|beijing|washington|kyiv|kiev|"
    r"russia|china|ukraine|poland|kazakhstan|belarus|armenia|tajikistan|kyrgyzstan|"
    r"united\s+states|us|uk)\b",
    re.IGNORECASE,
)
_PERSON_PRONOUN = re.compile(r"^(?:he|she|him|her|i|me)$", re.IGNORECASE)
_PERSON_TITLE = re.compile(
    r"\b(?:president|minister|spokes(?:man|woman|person)|secretary|ambassador|lawmaker|"
    r"deputy|leader|mayor|governor|commissioner|chairman|chair|director|head|chief|"
    r"general|reporter|journalist|analyst|professor|senator|mr|mrs|ms|dr|prime)\b",
    re.IGNORECASE,
)
_SURNAME = re.compile(r"[A-Z][a-z’'-]+$")  # "Lebedev said"
_NAME = re.compile(r"\b[A-Z][a-z’'-]+(?:\s+(?:van|von|de|al|bin)?\s*[A-Z][a-z’'-]+)+")


def classify_source(source: str, cue: str = "") -> str:
    """Say what kind of source a mention is.

    Parameters
    ----------
    source : str
        The source as written ("Fox News", "earlier reports in Kazakh media", "He").
    cue : str, optional
        The cue, which sometimes names the kind ("posted to Twitter").

    Examples
    --------
    >>> classify_source("Fox News"), classify_source("Leonid Kalashnikov, a Russian lawmaker")
    ('named_media', 'named_person')
    >>> classify_source("the Kazakh authorities"), classify_source("some reports")
    ('named_organisation', 'vague')
    >>> classify_source("", "posted to Twitter")
    'social_media'
    """
    if _SOCIAL_SOURCE.search(cue) or _SOCIAL_SOURCE.search(source):
        return "social_media"
    if not source or source.lower() in ("they", "it", "others"):
        return "vague"
    if _PERSON_PRONOUN.match(source):
        return "named_person"
    head = source.split(",")[0]  # "Leonid Kalashnikov, a Russian lawmaker": the name first
    if _MEDIA.search(head) and not _PERSON_TITLE.search(head):
        return "named_media"
    if _NAME.search(head) and (_PERSON_TITLE.search(head) or not _ORGANISATION.search(head)):
        return "named_person"
    if _PERSON_TITLE.search(head) and re.match(r"(?i)(?:the|a)\b", head.strip()):
        return "named_person"  # "the President", "the head of state": a known person
    if _VAGUE.search(head) and not _ORGANISATION.search(head):
        return "vague"
    if _DOCUMENT.search(head):
        return "document"
    if _ORGANISATION.search(head) or re.search(r"\b[A-Z]{2,6}\b", head):
        return "named_organisation"
    if _PERSON_TITLE.search(head) or _NAME.search(head) or _SURNAME.match(head.strip()):
        return "named_person"
    return "vague"


def _clause_before(text: str, end: int) -> str:
    """The clause that ends at ``end``: back to the last sentence or clause break."""
    window = text[max(0, end - _WINDOW) : end]
    window = window.split("\n")[-1]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


_LEADING_JUNK = re.compile(
    r"^[\s“\"‘]*(?:(?:and|but|while|although|though|as|when|so|that|then|which|because|yet|"
    r"since|after|before|however|meanwhile|whom|who|in\s+which|of\s+which)\b[\s,]*)+",
    re.IGNORECASE,
)
_INTRO_PHRASE = re.compile(
    r"^[^,]*\b(?:on|in|at|by|following|addressing|after|during|given)\b[^,]*,\s*", re.IGNORECASE
)
_APPOSITIVE = re.compile(r"^\s*(?:a|an|the|his|her|its|their)?\s*[a-z]")


def _source_before(text: str, cue_start: int) -> tuple[int, int] | None:
    """Span of the subject before a cue: "Dmitri Peskov, spokesman for ..., had said"."""
    clause = _clause_before(text, cue_start)
    clause = _AUX.sub("", clause)  # drop "had", "also"...
    clause = clause.rstrip(" ,\t–—-")
    offset = cue_start - len(_clause_before(text, cue_start))
    stripped = _LEADING_JUNK.sub("", clause)
    offset += len(clause) - len(stripped)
    clause = stripped
    # "On Friday, Russian Ambassador ... Antonov said": skip an introductory phrase.
    intro = _INTRO_PHRASE.match(clause)
    if intro and intro.end() < len(clause):
        offset += intro.end()
        clause = clause[intro.end() :]
    # The subject sits right before the verb: keep the last comma-separated part, and the
    # name before it when that part is an appositive ("Kalashnikov, a Russian lawmaker,").
    parts = clause.split(",")
    last = _LEADING_JUNK.sub("", parts[-1]).strip()
    keep = 1
    appositive = _APPOSITIVE.match(last) and not _PERSON_PRONOUN.match(last)
    if len(parts) > 1 and appositive and re.search(r"[A-Z]", parts[-2]):
        keep = 2
    head = ",".join(parts[:-keep])
    if head:
        offset += len(head) + 1
        clause = clause[len(head) + 1 :]
        stripped = _LEADING_JUNK.sub("", clause)
        offset += len(clause) - len(stripped)
        clause = stripped
    words = clause.split()
    if not words or len(words) > 18:
        return None
    lead = len(clause) - len(clause.lstrip())
    return offset + lead, offset + len(clause)


_SOURCE_AFTER = re.compile(
    r"[ \t]*(?P<source>(?:the\s+|a\s+|an\s+)?[^,.;:!?“”\"\n(]{1,120}?)"
    r"(?=\s*(?:[,.;:!?“”\"\n(]|\bthat\b|\bwhose\b|\bwho\b|$))",
    re.IGNORECASE,
)


def _source_after(text: str, cue_end: int) -> tuple[int, int] | None:
    match = _SOURCE_AFTER.match(text, cue_end)
    if not match or not match.group("source").strip():
        return None
    return match.span("source")


def _speech_inverted(text: str, cue: _Cue) -> bool:
    """'…,” said Tokayev' or '– said the leader': the source comes after the verb."""
    before = text[max(0, cue.start - 6) : cue.start]
    after = text[cue.end : cue.end + 40]
    quote_before = re.search(
        r"[”\"’'],?\s*$|,[”\"’]\s*$|^\s*[–—-]\s*$|\n[ \t]*[–—-][ \t]*$", before
    )
    names_after = re.match(r"\s+(?:the\s+|a\s+)?[A-Za-z]", after)
    return bool(quote_before and names_after) and not re.match(r"\s+(?:that|to)\b", after)


# --------------------------------------------------------------------------- direct quotes

# Quotation marks never inside: each attempt stops at the next mark (linear time).
_QUOTATION = re.compile(r"[“\"«„]([^“”\"«»„\n]{1,400})[”\"»“]")
_SENTENCE_END = re.compile(r"[.!?…][”\"’»]?\s+(?=[A-Z“\"‘«–—-])|\n")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the sentence holding ``text[start:end]``, looking a window away."""
    low = max(0, start - _WINDOW)
    ends_before = [m.end() for m in _SENTENCE_END.finditer(text, low, start)]
    sentence_start = ends_before[-1] if ends_before else low
    after = _SENTENCE_END.search(text, end, min(len(text), end + _WINDOW))
    return sentence_start, after.start() + 1 if after else min(len(text), end + _WINDOW)


def _is_direct(text: str, cue: _Cue, source: tuple[int, int] | None, next_cue: int) -> bool:
    """Are the attributed words in quotation marks?

    Yes when a quotation closes right before the source or cue ("…,” Lebedev said), or
    when the rest of the sentence after the cue quotes two words or more (a single quoted
    word is more likely a scare quote; a short one must come soon), or when a dash-cue
    closes a block quote. A quotation after the next cue belongs to that cue.
    """
    line_start = text.rfind("\n", max(0, cue.start - _WINDOW), cue.start) + 1
    if re.match(r"[ \t]*[–—-]", text[line_start : cue.start]):
        return True  # "– said Tokayev" under a quoted paragraph: a block quote
    first = min(cue.start, source[0]) if source else cue.start
    before = text[max(0, first - 5) : first]
    if re.search(r"(?:[^.!?\s][”\"’»]|,[”\"’»]|[”\"’»],)[ \t]*(?:[–—-][ \t]*)?$", before):
        return True  # "…,” Lebedev said"
    _, sentence_end = _sentence_bounds(text, cue.start, cue.end)
    search_end = min(len(text), sentence_end + 400)
    for quote in _QUOTATION.finditer(text, cue.end, search_end):
        if quote.start() >= min(sentence_end, next_cue):
            break
        words, gap = len(quote.group(1).split()), quote.start() - cue.end
        if gap <= 3 or (words >= 2 and gap <= 60) or words >= 4:
            return True
    return False


# --------------------------------------------------------------------------- extraction

_FOLLOWS_PREVIOUS = re.compile(r"\band\s*$")


def cue_is_participle(cue: str) -> bool:
    """'citing', 'vowing', 'adding': a verb that borrows the subject of the main clause."""
    return cue.lower().endswith("ing") and " " not in cue


def _attribution(text: str, cue: _Cue, previous: Attribution | None, next_cue: int) -> Attribution:
    where = cue.where
    if cue.name == "speech" and _speech_inverted(text, cue):
        where = "after"
    span = None
    if where == "before":
        span = _source_before(text, cue.start)
        # "…, citing", "urged … and assured": the verb shares the previous subject.
        near_previous = previous and cue.start - previous.cue_end < _WINDOW
        joined = _FOLLOWS_PREVIOUS.search(text[max(0, cue.start - 6) : cue.start]) or (
            cue_is_participle(text[cue.start : cue.end])
            and text[: cue.start].rstrip().endswith(",")
        )
        if near_previous and previous.source and (span is None or joined):
            span = previous.source_start, previous.source_end
    elif where == "after":
        span = _source_after(text, cue.end)
    if cue.name in ("reports_surfaced", "there_are_reports", "platform_posts_show"):
        span = (cue.start, cue.end)  # the cue names its own (vague) source
    source = text[span[0] : span[1]] if span else ""
    cue_text = text[cue.start : cue.end]
    kind = classify_source(source, cue_text)
    if where == "none" and kind != "social_media":
        kind = "vague"
    return Attribution(
        cue_start=cue.start,
        cue_end=cue.end,
        cue=cue_text,
        source_start=span[0] if span else None,
        source_end=span[1] if span else None,
        source=source,
        source_type=kind,
        direct=_is_direct(text, cue, span, next_cue),
    )


def extract_attributions(text: str) -> list[Attribution]:
    """Find every attribution in ``text``, in reading order.

    Parameters
    ----------
    text : str
        Any English text.

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
    if not isinstance(text, str):
        raise TypeError(f"extract_attributions expects a str, got {type(text).__name__}")
    cues = _find_cues(text)
    found: list[Attribution] = []
    for index, cue in enumerate(cues):
        next_cue = cues[index + 1].start if index + 1 < len(cues) else len(text)
        found.append(_attribution(text, cue, found[-1] if found else None, next_cue))
    return found
