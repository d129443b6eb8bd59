"""Find every "who says so" in an English news text.

An attribution ties a claim to a source. A careful reader finds it in three steps, and
so does this module:

1. **The cue**: the verb or phrase that marks an attribution. ``CUE_RULES`` lists them,
   one readable regular expression each: speech verbs (``said``, ``told``, ``stated``,
   ``vowed``, ``accused``...), phrases that put the source after the cue (``according to``,
   ``quoted by``), vague cues with no source at all (``reportedly``, ``Reports have
   surfaced``, ``are said to``, ``it became known``), passive evidence (``were recorded``),
   social media (``posted to Twitter``, ``Twitter posts show``), picture credits
   (``© AFP``, ``via Twitter``) and wire datelines (``(Reuters)``).
2. **The source**: the noun phrase before the cue ("Lebedev said"), or after it
   ("according to Tokayev", "– said Tokayev" after a quotation).
3. **The kind of source** (``classify_source``): a named person, a named organisation, a
   named medium, a document, social media, or a vague one ("reports", "some estimates").
   The attribution is **direct** when the words are given in quotation marks.

The rules are tried only around trigger words (see ``medialit.extract.scanning``), and each cue
looks at most a few hundred characters around itself, so the time grows linearly with the
text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass

from medialit.extract.scanning import (
    RuleMatch,
    TriggeredScanner,
    combine_rules,
    lower_same_length,
    trie_pattern,
)
from medialit.schema import SOURCE_TYPES  # the annotation scheme's source types

__all__ = ["SOURCE_TYPES", "Attribution", "classify_source", "extract_attributions"]


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

_PLATFORMS = ["twitter", "facebook", "telegram", "instagram", "youtube", "tiktok", "vkontakte",
              "vk", "weibo", "reddit"]  # fmt: skip
_SOCIAL = rf"(?:{'|'.join(_PLATFORMS)})"
_EVIDENCE = r"(?:videos?|footage|images?|photos?|pictures?|posts?|data|documents?|records?|"
_EVIDENCE += r"figures|statistics|polls?|surveys?|tweets?|messages?|reports?)"
_BE = r"(?:is|are|was|were|has been|have been|had been|being|be)"

# Each cue rule: (name, where the source is, pattern). Where: "before" the cue, "after"
# it, or "none" (the cue itself is vague). Patterns are lower case: they run on a
# lower-cased copy of the text. At one position the rule listed first wins.
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
     r"\b(?:placing|placed|places|putting|puts|put)\s+the\s+(?:figure|number|toll|count|"
     r"estimate)\b"),
    # Source after the cue.
    ("passive_by", "after",
     r"\b(?:reported|announced|confirmed|published|stated|claimed|denied|quoted|cited)\s+by\b"),
    ("according_to", "after", r"\baccording\s+to\b"),
    ("credit", "after", r"©"),
    # A wire service credited in a dateline: "MOSCOW, March 3 (Reuters) -".
    ("wire_credit", "none",
     r"\((?:reuters|ap|afp|tass|interfax|bloomberg|xinhua|ria\s+novosti|upi|dpa|anadolu|efe)\)"),
    ("via_platform", "after", rf"\bvia\b(?=\s+(?:{_SOCIAL}|reuters|afp|ap|getty|tass)\b)"),
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
     r"blamed|blaming|citing|believes|views|declared|commented|alleged|described|branded|"
    r"dubbed|dismissed|dismisses|rejected|rejects|estimate|estimated)\b"),
    ("brushed_aside", "before", r"\bbrush(?:ed|es)\s+(?:\w+\s+)?aside\b"),
    ("claims_verb", "before", r"\bclaims\b(?=\s*(?:that\b|[“\"]))"),
    ("expressed", "before",
     r"\bexpressed\s+(?:hope|concern|confidence|regret|support|doubt|condolences|surprise)\b"),
    ("called", "before", r"\bcalled\b"),
]  # fmt: skip

# Every cue contains one of these words (or ©): the rules run only around them.
_TRIGGER_TEXT = """reportedly purportedly surfaced emerged circulated reports estimates claims
    suggestions rumours rumors allegations said reported believed thought understood rumoured
    rumored known axiom saying adage proverb figure number toll count estimate according quoted
    cited via posted wrote shared tweet tweets tweeted show shows showed reveal reveals revealed
    indicate indicates suggest suggests confirm confirms says say told tells stated states
    announced announces noted notes added adding writes explained insisted insists warned warns
    warning vowed vows vowing pledged pledges pledging accused accuses accusing condemned
    condemns commended praised denied denies claimed argued asserted stressed emphasised
    emphasized urged assured recalled promised acknowledged acknowledge admitted confirmed
    blamed blaming citing believes views declared commented alleged expressed called recorded
    voiced documented filmed published described branded dubbed dismissed dismisses rejected
    rejects aside brushed brushes estimate estimated"""
_WIRES = ["reuters", "ap", "afp", "tass", "interfax", "bloomberg", "xinhua", "novosti", "upi",
          "dpa", "anadolu", "efe"]  # fmt: skip
_TRIGGER_WORDS = _TRIGGER_TEXT.split() + _WIRES
# Words a cue may start with before its trigger ("is said to", "there are some reports").
_STARTER_WORDS = [*_TRIGGER_WORDS, *_PLATFORMS, "is", "are", "was", "were", "has", "have",
                  "had", "been", "being", "be", "there", "it", "so", "placing", "placed",
                  "places", "putting", "puts", "put", "first"]  # fmt: skip
_SCANNER = TriggeredScanner(
    combine_rules([pattern for _name, _where, pattern in CUE_RULES]),
    re.compile(rf"©|\b(?:{trie_pattern(_TRIGGER_WORDS)})\b"),
    starters=re.compile(rf"©|\(|(?<![\w])(?:{trie_pattern(_STARTER_WORDS)})\b"),
)

# Words that stand between a subject and its verb ("Peskov had said", "He also said").
_AUX_TEXT = """has have had was were is are also then later previously already further again once
    immediately reportedly repeatedly publicly himself herself itself would will did does do
    just first recently earlier even not"""
_AUX_WORDS = frozenset(_AUX_TEXT.split())
# "the announced resignation", "to say"; but "appeared to acknowledge" is a cue.
_NOT_A_VERB_WORDS = frozenset(["the", "a", "an", "would", "could", "let's", "let’s", "i'd", "i’d"])


def _negated(words: list[str]) -> bool:
    """'did not (immediately) comment', 'declined to say', "didn't say": nothing attributed."""
    if words and words[-1] in ("immediately", "yet"):
        words = words[:-1]
    if not words:
        return False
    last = words[-1]
    if last in ("not", "never") or last.endswith(("n't", "n’t")):
        return True
    return last == "to" and len(words) > 1 and words[-2] in ("declined", "refused")


def _not_a_verb(words: list[str]) -> bool:
    """'the announced resignation', 'to say'; but 'appeared to acknowledge' is a cue."""
    if not words:
        return False
    if words[-1] == "to":
        return len(words) < 2 or words[-2] not in ("appeared", "seemed")
    return words[-1] in _NOT_A_VERB_WORDS


_EVIDENCE_BEFORE = re.compile(rf"\b{_EVIDENCE}\b", re.IGNORECASE)
_SUBJECT_PRONOUN_OR_NAME = re.compile(r"(?:\b(?:he|she|they|it|we|I|who|whom)|[A-Z][\w’'-]*)\s+$")
_CALLED_OBJECT = re.compile(
    r"\s+(?:for|on|it|them|him|her|what|this|these|the|a|an)\b", re.IGNORECASE
)
# Each alternative starts with a punctuation mark, so the engine skips to those quickly;
# "that" is looked for separately.
_CLAUSE_BREAK = re.compile(
    r"[;:!?…]|[.][”\"’]?(?=\s)|[”\"]\s*,?|,\s*(?:but|and|while|as|when)\s|\[\d+\]\s*"
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
    cues = []
    for match in _SCANNER.matches(lower_same_length(text)):
        rule_match = RuleMatch(match)
        name, where, _pattern = CUE_RULES[rule_match.rule]
        if _keep_cue(text, name, rule_match):
            cues.append(_Cue(rule_match.start(), rule_match.end(), name, where))
    return cues


_STATES_VERB = re.compile(r"\s*(?:that\b|on\b|in\b|[:,“\"])")  # "the organisation states on"
_THAT_NEXT = re.compile(r"\s+that\b")
_DECLARED_VERB = re.compile(r"\s*(?:that\b|[:“\"])")
_EVIDENCE_JUST_BEFORE = re.compile(rf"{_EVIDENCE}\s+$", re.IGNORECASE)
_NAME_AFTER = re.compile(r"\s+(?:the\s+|a\s+)?[A-Za-z]")
_THAT_AFTER = re.compile(r"\s+(?:that|to)\b")
_QUOTE_JUST_BEFORE = re.compile(r"[”\"’'],?\s*$|,[”\"’]\s*$|^\s*[–—-]\s*$|\n[ \t]*[–—-][ \t]*$")
_DASH_LINE = re.compile(r"[ \t]*[–—-]")
_QUOTE_CLOSES_BEFORE = re.compile(r"(?:[^.!?\s][”\"’»]|,[”\"’»]|[”\"’»],)[ \t]*(?:[–—-][ \t]*)?$")


def _keep_cue(text: str, name: str, match: RuleMatch) -> bool:
    """Second look at ambiguous cues, using only the few words around them."""
    before = text[max(0, match.start() - 40) : match.start()]
    word = match.group().lower()
    words_before = before.lower().split()[-3:]
    if _negated(words_before):
        return False  # "did not immediately comment": no claim is attributed
    if name == "speech":
        if _not_a_verb(words_before):
            return False  # "the announced resignation", "to say"
        if word == "states":
            return bool(_STATES_VERB.match(text, match.end(), match.end() + 8))
        if word in ("believes", "views"):  # "Moscow views X as", not "in her views"
            wider = text[max(0, match.start() - _WINDOW) : match.start()]
            inside_quote = wider.rfind("“") > wider.rfind("”")
            return bool(_SUBJECT_PRONOUN_OR_NAME.search(before)) and not inside_quote
        if word in ("estimate", "estimated"):  # "officials estimate that", not "an estimate"
            return bool(_THAT_NEXT.match(text, match.end(), match.end() + 8))
        if word == "declared":
            return bool(_DECLARED_VERB.match(text, match.end(), match.end() + 8))
    if name == "posted_to" and _EVIDENCE_JUST_BEFORE.search(before):
        return False  # "a video posted to Twitter" names a source, it is not the cue
    if name == "called":
        after = text[match.end() : match.end() + 8]
        return bool(_SUBJECT_PRONOUN_OR_NAME.search(before) or _CALLED_OBJECT.match(after))
    if name == "evidence_shows":
        # "videos ... show", "Network data from NetBlocks confirm": evidence speaks.
        return bool(_EVIDENCE_BEFORE.search(_clause_before(text, match.start())))
    return True


# --------------------------------------------------------------------------- sources

# Words that say what kind of source a mention is. One pass over the mention finds them all.
SOURCE_WORDS = {
    "social": [*_PLATFORMS, "tweet", "tweets", "social network", "social media",
               "telegram-channel", "blog", "page"],
    "media": ["news", "tv", "times", "post", "journal", "gazette", "herald", "radio",
              "television", "agency", "press", "telegraph", "tribune", "daily", "magazine",
              "broadcaster", "channel", "newspaper", "wire", "interfax", "reuters", "tass", "ria",
              "novosti", "sputnik", "afp", "ap", "bbc", "cnn", "fox", "bloomberg", "xinhua",
              "al jazeera", "guardian", "netblocks", "associated press", "kazinform",
              "tengrinews", "rferl", "azattyq", "euronews", "media outlet", "outlet"],
    "title": ["president", "minister", "spokesman", "spokeswoman", "spokesperson", "secretary",
              "ambassador", "lawmaker", "deputy", "leader", "mayor", "governor", "commissioner",
              "chairman", "chair", "director", "head", "chief", "general", "reporter",
              "journalist", "analyst", "professor", "senator", "mr", "mrs", "ms", "dr", "prime"],
    "organisation": ["ministry", "government", "kremlin", "white house", "authorities",
                     "committee", "organisation", "organization", "council", "department",
                     "office", "embassy", "party", "commission", "police", "army", "military",
                     "foundation", "institute", "union", "alliance", "bloc", "parliament", "duma",
                     "senate", "court", "bank", "company", "corporation", "movement", "group",
                     "nato", "csto", "un", "osce", "eu", "cis", "imf", "administration",
                     "cabinet", "state department", "moscow", "beijing", "washington", "kyiv",
                     "kiev", "russia", "china", "ukraine", "poland", "kazakhstan", "belarus",
                     "armenia", "tajikistan", "kyrgyzstan", "united states", "us", "uk"],
    "document": ["decree", "statute", "law", "resolution", "communique", "communiqué",
                 "document", "website", "web page", "report", "letter", "memo", "data",
                 "record", "records", "transcript", "constitution", "order", "bill", "treaty"],
    "vague": ["reports", "source", "sources", "estimates", "claims", "some", "witnesses",
              "officials", "experts", "analysts", "observers", "media", "rumours", "rumors",
              "many", "others", "people", "residents", "critics", "video", "videos", "footage",
              "posts", "accounts", "it"],
}  # fmt: skip
_KIND_OF_WORD = {word: kind for kind, words in SOURCE_WORDS.items() for word in words}
_SOURCE_WORD = re.compile(rf"\b(?:{trie_pattern(_KIND_OF_WORD)})\b")
_PERSON_PRONOUN = re.compile(r"^(?:he|she|him|her|i|me)$", re.IGNORECASE)
_SURNAME = re.compile(r"[A-Z][a-z’'-]+$")  # "Lebedev said"
_NAME = re.compile(r"\b[A-Z][a-z’'-]+(?:\s+(?:van|von|de|al|bin)?\s*[A-Z][a-z’'-]+)+")
_VAGUE_FIRST = re.compile(
    r"\s*(?:the\s+|some\s+|other\s+|several\s+|many\s+)?(?:sources?|officials|witnesses|"
    r"experts|analysts|observers|reports|rumou?rs|estimates|residents|people|critics)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_ARTICLE_FIRST = re.compile(r"\s*(?:the|a)\b", re.IGNORECASE)


def _source_kinds(words: str) -> set[str]:
    """Which kinds of source word occur in ``words``."""
    found = _SOURCE_WORD.finditer(lower_same_length(words))
    return {_KIND_OF_WORD.get(" ".join(m.group().split()), "vague") for m in found}


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
    if "social" in _source_kinds(cue) or "social" in _source_kinds(source):
        return "social_media"
    if not source or source.lower() in ("they", "it", "others"):
        return "vague"
    if _PERSON_PRONOUN.match(source):
        return "named_person"
    head = source.split(",")[0]  # "Leonid Kalashnikov, a Russian lawmaker": the name first
    kinds = _source_kinds(head)
    if _VAGUE_FIRST.match(head):
        return "vague"  # "Sources close to the government", "some officials"
    has_name = bool(_NAME.search(head))
    if "media" in kinds and "title" not in kinds:
        return "named_media"
    if has_name and ("title" in kinds or "organisation" not in kinds):
        return "named_person"
    if "title" in kinds and _ARTICLE_FIRST.match(head):
        return "named_person"  # "the President", "the head of state": a known person
    if "vague" in kinds and "organisation" not in kinds:
        return "vague"
    if "document" in kinds:
        return "document"
    if "organisation" in kinds or _ACRONYM.search(head):
        return "named_organisation"
    if "title" in kinds or has_name or _SURNAME.match(head.strip()):
        return "named_person"
    return "vague"


def _clause_before(text: str, end: int) -> str:
    """The clause that ends at ``end``: back to the last sentence or clause break."""
    window = text[max(0, end - _WINDOW) : end]
    window = window[window.rfind("\n") + 1 :]
    cut = 0
    for cut_match in _CLAUSE_BREAK.finditer(window):
        cut = cut_match.end()
    that = max(window.rfind(" that "), window.rfind("\tthat "))
    if that != -1 and that + 6 > cut:
        cut = that + 6  # "... said that Moscow views": the clause starts after "that"
    return window[cut:]


_LEADING_JUNK = re.compile(
    r"^[\s“\"‘]*(?:(?:and|but|while|although|though|as|when|so|that|then|which|because|yet|"
    r"since|after|before|however|meanwhile|whom|who|in\s+which|of\s+which)\b[\s,]*)+",
    re.IGNORECASE,
)
_INTRO_WORD = re.compile(r"\b(?:on|in|at|by|following|addressing|after|during|given)\b", re.I)


def _without_trailing_aux(clause: str) -> str:
    """'Dmitri Peskov had also' -> 'Dmitri Peskov': drop the words between subject and verb."""
    clause = clause.rstrip()
    while True:
        head, _, last = clause.rpartition(" ")
        word = last.lower()
        if word == "to" and head.lower().endswith(("appeared", "seemed")):
            head = head.rpartition(" ")[0]  # "appeared to acknowledge"
        elif word not in _AUX_WORDS or not head:
            return clause
        clause = head.rstrip()


# "Leonid Kalashnikov" before ", a Russian lawmaker,": a short phrase with a capital.
_NAME_PHRASE = re.compile(r"^(?=[^,]*[A-Z])\W*(?:\S+\s+){0,5}\S+\s*$")
_APPOSITIVE = re.compile(r"^\s*(?:a|an|the|his|her|its|their)?\s*[a-z]")


def _source_before(text: str, cue_start: int) -> tuple[int, int] | None:
    """Span of the subject before a cue: "Dmitri Peskov, spokesman for ..., had said"."""
    whole_clause = _clause_before(text, cue_start)
    clause = _without_trailing_aux(whole_clause)  # drop "had", "also"...
    clause = clause.rstrip(" ,\t–—-")
    offset = cue_start - len(whole_clause)
    stripped = _LEADING_JUNK.sub("", clause)
    offset += len(clause) - len(stripped)
    clause = stripped
    # "On Friday, Russian Ambassador ... Antonov said": skip an introductory phrase.
    first, comma, rest = clause.partition(", ")
    if comma and rest.strip() and _INTRO_WORD.search(first):
        offset += len(first) + len(comma)
        clause = rest
    # The subject sits right before the verb: keep the last comma-separated part, and the
    # name before it when that part is an appositive ("Kalashnikov, a Russian lawmaker,").
    parts = clause.split(", ")  # not "1,200"
    last = _LEADING_JUNK.sub("", parts[-1]).strip()
    keep = 1
    appositive = _APPOSITIVE.match(last) and not _PERSON_PRONOUN.match(last)
    if len(parts) > 1 and appositive and _NAME_PHRASE.search(parts[-2]):
        keep = 2
    head = ", ".join(parts[:-keep])
    if head:
        offset += len(head) + 2
        clause = clause[len(head) + 2 :]
        stripped = _LEADING_JUNK.sub("", clause)
        offset += len(clause) - len(stripped)
        clause = stripped
    words = clause.split()
    if not words or len(words) > 18:
        return None
    lead = len(clause) - len(clause.lstrip())
    return offset + lead, offset + len(clause)


_SOURCE_AFTER = re.compile(
    r"[ \t]*(?P<source>(?:the\s+|a\s+|an\s+)?[^,.;:!?“”\"\n()]{1,120}?)"
    r"(?=\s*(?:[,.;:!?“”\"\n()]|\bthat\b|\bwhose\b|\bwho\b|$))",
    re.IGNORECASE,
)


_CREDIT_SOURCE = re.compile(r"[ \t]*([^\W\d_][\w&.’'-]*(?:[ \t]+[^\W\d_][\w&.’'-]*){0,4})")


def _source_after(text: str, cue_end: int) -> tuple[int, int] | None:
    match = _SOURCE_AFTER.match(text, cue_end)
    if not match or not match.group("source").strip():
        return None
    return match.span("source")


def _speech_inverted(text: str, cue: _Cue) -> bool:
    """'…,” said Tokayev' or '– said the leader': the source comes after the verb."""
    before = text[max(0, cue.start - 6) : cue.start]
    after = text[cue.end : cue.end + 40]
    quote_before = _QUOTE_JUST_BEFORE.search(before)
    names_after = _NAME_AFTER.match(after)
    return bool(quote_before and names_after) and not _THAT_AFTER.match(after)


# --------------------------------------------------------------------------- direct quotes

# Quotation marks never inside: each attempt stops at the next mark (linear time).
_QUOTATION = re.compile(r"[“\"«„]([^“”\"«»„\n]{1,400})[”\"»“]")
_SENTENCE_END = re.compile(r"[.!?…][”\"’»]?\s+(?=[A-Z“\"‘«–—-])|\n")


class _TextIndex:
    """Quotations and sentence ends of a text, found once (two fast passes), then bisected."""

    def __init__(self, text: str):
        self.text = text
        self.quotes = [(m.start(), len(m.group(1).split())) for m in _QUOTATION.finditer(text)]
        self.quote_starts = [start for start, _words in self.quotes]
        self.sentence_ends = [m.start() for m in _SENTENCE_END.finditer(text)]

    def sentence_end_after(self, position: int) -> int:
        """Where the sentence holding ``position`` ends (at most a window away)."""
        index = bisect.bisect_left(self.sentence_ends, position)
        limit = min(len(self.text), position + _WINDOW)
        if index < len(self.sentence_ends) and self.sentence_ends[index] < limit:
            return self.sentence_ends[index] + 1
        return limit

    def sentence_subject(self, position: int) -> tuple[int, int] | None:
        """The name that opens the sentence holding ``position`` ("President Tokayev")."""
        index = bisect.bisect_right(self.sentence_ends, position) - 1
        start = self.sentence_ends[index] if index >= 0 else 0
        start = max(start, position - _WINDOW)
        match = _OPENING_NAME.match(self.text, start, position)
        return match.span(1) if match else None

    def sentence_end_between(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.sentence_ends, start)
        return index < len(self.sentence_ends) and self.sentence_ends[index] < end

    def quotes_from(self, position: int, before: int):
        """(start, number of words) of each quotation starting in [position, before)."""
        index = bisect.bisect_left(self.quote_starts, position)
        while index < len(self.quotes) and self.quotes[index][0] < before:
            yield self.quotes[index]
            index += 1


def _is_direct(index: _TextIndex, cue: _Cue, source: tuple[int, int] | None, next_cue: int) -> bool:
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
    sentence_end = index.sentence_end_after(cue.end)
    for start, words in index.quotes_from(cue.end, min(sentence_end, next_cue)):
        gap = start - cue.end
        if gap <= 3 or (words >= 2 and gap <= 60) or words >= 4:
            return True
    return False


# --------------------------------------------------------------------------- extraction

_AFTER_PREPOSITION = re.compile(r"\b(?:in|by|for|of|at|on|with|from|without|while)\s+$")
_OPENING_NAME = re.compile(r"\s*((?:The\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
_FOLLOWS_PREVIOUS = re.compile(r"\band\s*$")


def cue_is_participle(cue: str) -> bool:
    """'citing', 'vowing', 'adding': a verb that borrows the subject of the main clause."""
    return cue.lower().endswith("ing") and " " not in cue


def _attribution(
    index: _TextIndex, cue: _Cue, previous: Attribution | None, next_cue: int
) -> Attribution:
    text = index.text
    where = cue.where
    if cue.name == "speech" and _speech_inverted(text, cue):
        where = "after"
    span = None
    if where == "before":
        span = _source_before(text, cue.start)
        # "…, citing", "urged … and assured": the verb shares the previous subject.
        near_previous = (
            previous
            and cue.start - previous.cue_end < _WINDOW
            and not index.sentence_end_between(previous.cue_end, cue.start)
        )
        joined = _FOLLOWS_PREVIOUS.search(text[max(0, cue.start - 6) : cue.start]) or (
            cue_is_participle(text[cue.start : cue.end])
            and text[max(0, cue.start - 4) : cue.start].rstrip().endswith(",")
        )
        if near_previous and previous.source and (span is None or joined):
            span = previous.source_start, previous.source_end
        elif cue_is_participle(text[cue.start : cue.end]) and _AFTER_PREPOSITION.search(
            text, max(0, cue.start - 12), cue.start
        ):
            # "Tokayev is … validated in blaming": the subject of the sentence blames.
            span = index.sentence_subject(cue.start) or span
    elif cue.name == "credit":
        credit = _CREDIT_SOURCE.match(text, cue.end)  # "© AFP 2023 / NAME": the agency
        span = credit.span(1) if credit else None
    elif where == "after":
        span = _source_after(text, cue.end)
    if cue.name in ("reports_surfaced", "there_are_reports", "platform_posts_show"):
        span = (cue.start, cue.end)  # the cue names its own (vague) source
    if cue.name == "wire_credit":
        span = (cue.start + 1, cue.end - 1)  # the agency inside the brackets
    source = text[span[0] : span[1]] if span else ""
    cue_text = text[cue.start : cue.end]
    kind = classify_source(source, cue_text)
    if cue.name == "wire_credit":
        kind = "named_media"
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
        direct=_is_direct(index, cue, span, next_cue),
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
    index = _TextIndex(text)
    found: list[Attribution] = []
    for number, cue in enumerate(cues):
        next_cue = cues[number + 1].start if number + 1 < len(cues) else len(text)
        found.append(_attribution(index, cue, found[-1] if found else None, next_cue))
    return found
