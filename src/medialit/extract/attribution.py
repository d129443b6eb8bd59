"""Find every "who says so" in an English news text.

An attribution ties a claim to a source. A careful reader finds it in three steps, and
so does this module:

1. **The cue**: the verb or phrase that marks an attribution. ``CUE_RULES`` lists them,
   one readable regular expression each: the reporting verbs of English (``said``, ``told``,
   ``stated``, ``vowed``, ``accused``, ``described``..., every form, in
   ``_REPORTING_VERB_TEXT``), phrases of saying (``called for``, ``pointed out``, ``was quoted
   as saying``, ``claimed responsibility``, ``issued a statement``, ``expressed concern``),
   phrases that put the source after the cue (``according to``, ``quoted by``), vague cues
   with no source at all (``reportedly``, ``Reports have surfaced``, ``are said to``, ``it was
   intimated``, ``by early reports``), passive evidence (``were recorded``), social media
   (``posted to Twitter``, ``tweeted``), evidence that shows (``videos show``), picture credits
   (``© AFP``, ``via Twitter``), agency datelines (``LAGOS, May 3 (Northwire) —``), the
   speaker tags of transcripts (``Q:``, ``MAYOR OKAFOR:``, ``Kremlin spokesman:``, and a
   one-word name such as ``Tokayev:`` where other turns show the text is a transcript) and
   the credit line under a block quotation (``– harbour pilot, Coast Radio``).
2. **The source**: the noun phrase before the cue ("Lebedev said"), after it
   ("according to Tokayev", "– said Tokayev" after a quotation), or the tag's name.
3. **Who the source is** (``resolve_source``): a pronoun resolved to the last named speaker,
   a surname to the full name given earlier, an appositive or a title left out ("he" ->
   "Kassym-Jomart Tokayev"; "Foreign Ministry Spokeswoman Maria Zakharova" -> "Maria
   Zakharova").
4. **The kind of source** (``classify_source``): a named person, a named organisation, a
   named medium, a document, social media, or a vague one ("reports", "some estimates").
   The attribution is **direct** when the words are given in quotation marks.

The rules are tried only around trigger words (see ``medialit.extract.scanning``), and each cue
looks at most a few hundred characters around itself, so the time grows linearly with the
text.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import asdict, dataclass

from medialit.extract.scanning import (
    RuleMatch,
    TriggeredScanner,
    combine_rules,
    lower_same_length,
    trie_pattern,
)
from medialit.extract.text_index import TextIndex, as_index
from medialit.schema import SOURCE_TYPES  # the annotation scheme's source types

__all__ = [
    "SOURCE_TYPES",
    "Attribution",
    "classify_source",
    "classify_speaker_tag",
    "extract_attributions",
    "resolve_source",
]


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
    source_name : str
        Who the source is, resolved: a pronoun to the person it stands for, a surname to the
        full name given earlier ("he" -> "Kassym-Jomart Tokayev"); "" when there is none.
    """

    cue_start: int
    cue_end: int
    cue: str
    source_start: int | None
    source_end: int | None
    source: str
    source_type: str
    direct: bool
    source_name: str = ""

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
# Where a post is made, for the cue "posted on ...": the platforms above, newer ones and the
# generic "social media" (not used to type sources: "X" alone names nothing there). "wrote on
# social media" keeps "wrote" as its cue, as the guide's examples do.
_POST_PLACES = [*_PLATFORMS, "x", "threads", "bluesky", "mastodon", "linkedin", "whatsapp",
                "snapchat", "truth social", "social media", "its website", "their website",
                "his blog", "her blog", "a blog"]  # fmt: skip
_EVIDENCE = r"(?:videos?|footage|images?|photos?|pictures?|posts?|data|documents?|records?|logs?|"
_EVIDENCE += r"findings|tests?|inspections?|analysis|analyses|imagery|study|studies|results|"
_EVIDENCE += r"monitors|measurements|"
_EVIDENCE += r"figures|statistics|polls?|surveys?|tweets?|messages?|reports?)"
_BE = r"(?:is|are|was|were|has been|have been|had been|being|be)"

# Reporting verbs: the verbs English uses to say that someone said, wrote or claimed something
# (the "verbs of saying" of any grammar of reported speech), with the forms a news text uses.
# Regular forms are built by ``_forms``; a verb followed by "=" lists its forms by hand.
_REPORTING_VERB_TEXT = """
    say=say,says,said,saying  tell=tell,tells,told,telling  encourage  agree=agreed,agrees
    expect=expects
    reports=reports  write=writes,wrote,writing  state  announce  report=reported
    note  add=added,adds,adding  explain  insist  warn  vow  pledge  accuse  condemn  commend
    praise  deny=denies,denied  claim=claim,claimed,claiming  argue  assert  stress  emphasise
    emphasize  urge
    assure  recall  promise  acknowledge  admit=admits,admitted  confirm  blame  cite  declare
    comment=commented  allege  describe  brand  dub=dubbed,dubs  dismiss  reject  characterise
    characterize  confess  reveal  mention  suggest=suggested  predict  reply=replied,replies
    respond=responded  testify=testify,testified,testifies,testifying  disclose  concede
    complain  conclude
    maintain=maintained  observe=observed  remark  reiterate  criticise  criticize
    question=questioned  hint=hinted  propose=proposed  tweet  recount  boast  lament
    ask=asked,asks,asking  demand=demanded  slam=slammed,slams,slamming  lambast
    decry=decried,decries
    believe=believes  view=views  estimate=estimate,estimated,estimates  identify=identified
    inform=informed  brief=briefed  underline=underlined  underscore=underscored  dispute=disputed
    refute=refuted  denounce  deplore  hail=hailed  welcome=welcomed  applaud=applauded
    request=requested  recommend=recommended,recommends,recommending  advise=advised
    appeal=appealed  plead=pleaded
    reassure  caution=cautioned  speculate=speculated  contend=contended  clarify=clarified
    portray=portrayed  label=labelled,labeled  term=termed  proclaim  affirm  reaffirm
    echo=echoed  disagree=disagreed  nickname=nicknamed  rule=ruled,rules,ruling  find=found
    """
# More verbs of communication, from Levin (1993), English Verb Classes and Alternations: say
# verbs (37.7), tell and transfer of a message (37.1, 37.2), complain verbs (37.8), advise
# verbs (37.9), confess verbs (37.10), judgement verbs of praise and blame (33); and the
# reporting verbs of news style (quip, retort, counter, hit out at). Only their inflected forms
# are listed: the bare forms of most are nouns as well ("a joke", "an order").
_LEVIN_VERB_TEXT = """
    exclaim=exclaimed  quip=quipped  retort=retorted  joke=joked
    counter=countered  answer=answered  rebut=rebutted,rebuts  opine=opined,opines
    aver=averred,avers  reckon=reckoned,reckons  elaborate=elaborated  divulge=divulged
    convey=conveyed  relay=relayed  confide=confided  repeat=repeated  posit=posited
    theorise=theorised  theorize=theorized  surmise=surmised  muse=mused  wonder=wondered
    implore=implored,imploring  beg=begged  beseech=beseeched  exhort=exhorted
    brag=bragged,brags  grumble=grumbled  gripe=griped  grouse=groused  protest=protested
    object=objected  laud=lauded,lauds  rebuke=rebuked  reprimand=reprimanded
    censure=censured  chastise=chastised  castigate=castigated  excoriate=excoriated
    deride=derided,derides  ridicule=ridiculed  berate=berated  scold=scolded  assail=assailed
    blast=blasted,blasts,blasting  fault=faulted  disparage=disparaged  swear=swore,swears
    attest=attested  verify=verified  certify=certified  notify=notified  alert=alerted
    remind=reminded  order=ordered  instruct=instructed  direct=directed  threaten=threatened
    offer=offered  charge=charged  indicate=indicated  signal=signalled,signaled
    project=projected  calculate=calculated  decide=decided
    determine=determined  hold=held  imply=implied  insinuate=insinuated  depict=depicted
    paint=painted  frame=framed  email=emailed  text=texted  message=messaged
    shout=shouted  yell=yelled  scream=screamed  whisper=whispered  mutter=muttered
    murmur=murmured  mumble=mumbled  snap=snapped  snarl=snarled  growl=growled
    bellow=bellowed  roar=roared  hiss=hissed  fume=fumed  rage=raged  cry=cried  sob=sobbed
    sigh=sighed  gasp=gasped  laugh=laughed  chuckle=chuckled  scoff=scoffed  sneer=sneered
    stammer=stammered  stutter=stuttered  chant=chanted  plead=pleaded,pleads,pleading
    quote=quoted
    """


def _forms(verb: str) -> list[str]:
    """The forms of a regular verb: 'stress' -> stress, stresses, stressed, stressing.

    Examples
    --------
    >>> _forms("vow"), _forms("deny=denies,denied")
    (['vow', 'vows', 'vowed', 'vowing'], ['denies', 'denied'])
    """
    if "=" in verb:
        return verb.split("=")[1].split(",")
    stem = verb[:-1] if verb.endswith("e") else verb
    third = verb + "es" if verb.endswith(("s", "sh", "ch", "x", "z")) else verb + "s"
    return [verb, third, stem + "ed", stem + "ing"]


_ALL_VERB_TEXT = _REPORTING_VERB_TEXT + _LEVIN_VERB_TEXT
REPORTING_VERBS = sorted({f for v in _ALL_VERB_TEXT.split() for f in _forms(v)})
# Past participles that take an agent ("was condemned by the EU"); not those whose sense with
# "by" is seldom speech ("found by police", "ruled by", "observed by satellites").
_PASSIVE_FORMS = sorted(
    {f for v in _REPORTING_VERB_TEXT.split() for f in _forms(v) if f.endswith("ed")}
    | {"lauded", "rebuked", "reprimanded", "censured", "chastised", "castigated", "excoriated",
       "derided", "ridiculed", "berated", "scolded", "assailed", "blasted", "faulted",
       "disparaged", "ordered", "instructed"}
    - {"found", "ruled", "dismissed",
     "recalled", "observed", "maintained", "echoed", "questioned", "briefed", "requested",
     "viewed", "termed", "expected", "added"} | {"said", "told", "written"}
)  # fmt: skip
# Forms that are more often nouns or adjectives: a cue only where ``_keep_cue`` says so.
_AMBIGUOUS_FORMS = frozenset(["states", "state", "report", "notes", "note", "claims", "praise",
                              "promise", "tweet", "comment", "question", "estimate", "view",
                              "views", "believes", "declared", "alleged", "accused", "cited",
                              "identified", "stress", "blame", "demand", "brand", "hint",
                              "remark", "boast", "warn", "urge", "cite", "vow", "pledge", "add",
                              "say", "tell", "claim", "deny", "reject", "describe", "reply",
                              "respond", "dismiss", "reveal", "mention", "suggest", "predict",
                              "confirm", "assure", "admit", "recall", "insist", "note",
                              "announce", "lament", "decry", "slam", "ask", "explain",
                              "accuse", "condemn", "commend", "argue", "assert", "emphasise",
                              "emphasize", "acknowledge", "declare", "allege", "characterise",
                              "characterize", "confess", "testify", "disclose", "concede",
                              "complain", "conclude", "observe", "reiterate", "criticise",
                              "criticize", "threaten", "propose", "recount", "lambast",
                              "write", "believe", "identify", "maintain"])  # fmt: skip
# Forms that are only verbs ("said", "told"), never part of a name ("U.S. STATE DEPARTMENT").
_UNAMBIGUOUS_VERBS = sorted(set(REPORTING_VERBS) - _AMBIGUOUS_FORMS)
# Bare base forms ("say", "announce") are cues only in a present-tense headline or after a
# plural subject; ``_keep_cue`` checks.
_BASE_FORMS = frozenset(v.split("=")[0] for v in _REPORTING_VERB_TEXT.split())  # not Levin's

# Base forms that are more often nouns: a cue only before "that", a colon or a quotation.
_NOUN_LIKE_BASES_TEXT = """state report note claim comment question estimate view praise
    promise tweet demand brand blame stress hint remark boast"""
_NOUN_LIKE_BASES = frozenset(_NOUN_LIKE_BASES_TEXT.split())

# Attitudes one can express ("expressed concern"): the expression is the cue.
_ATTITUDES_TEXT = """hope concern concerns confidence regret support doubt doubts condolences
    surprise questions objections objection
    sympathy
    solidarity gratitude dismay outrage satisfaction disappointment optimism frustration
    alarm fears fear opposition anger interest readiness willingness"""
_ATTITUDES = _ATTITUDES_TEXT.split()
# Verbs that dismiss with a particle ("brushed it aside", "shrugged off", "waved away").
_DISMISSAL = r"(?:brush(?:ed|es|ing)?|wav(?:ed|es|ing)|shrugg?(?:ed|s|ing)?|laugh(?:ed|s|ing)?)"

# The notes transcripts put after a speaker's name: interpretation, the language, an inaudible
# or overlapping passage ("PUTIN (via interpreter):", "Q (inaudible):"). Lower case, as the rules.
_TRANSCRIBER_NOTE = (
    r"\((?:(?:via|through|as)[ \t]+(?:an[ \t]+)?interpret\w*|interpreted|translated|"
    r"in[ \t]+[a-z]+|inaudible|off[ -]?mic(?:rophone)?|continuing|cont[’']?d|crosstalk|"
    r"laughs|laughter|speaking[ \t]+[a-z]+)\)"
)

# What a transcript may put before a speaker's name: a time stamp ("[00:12:03]", "(12:03)",
# "00:12:03") or a dash ("— Ann Harper:"). Not part of the cue.
_TAG_PREFIX = (
    r"(?:[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])][ \t]*|\d{1,2}:\d{2}(?::\d{2})?[ \t]+|[–—][ \t]*)"
)
# Who a speaker is, in brackets after the name: a caller's name and town, a member's party
# ("CALLER (Jim, Leeds):", "Ann Harper (Labour):"). A tag with one is kept only in a transcript.
_TAG_DESCRIPTION = r"\([^()\n:]{1,40}\)"

# Each cue rule: (name, where the source is, pattern). Where: "before" the cue, "after"
# it, or "none" (the cue itself is vague). Patterns are lower case: they run on a
# lower-cased copy of the text. At one position the rule listed first wins.
CUE_RULES: list[tuple[str, str, str]] = [
    # A speaker's tag opening a turn of a transcript: "Q:", "MAYOR OKAFOR:", "Vladimir Putin:".
    # The patterns run on lower case; ``_keep_cue`` checks the capitals in the original.
    ("speaker_tag", "tag",
     # No verb of saying before the colon: "Chief Inspector Ann Reed said:" is the verb's cue.
     # A colon near the line start is looked for first: most lines (paragraphs) have none, and
     # are left before the verbs are sought along them.
     r"(?:(?<=\n)|^)(?=[^:\n]{0,160}:)"
     # a time stamp or a dash before the name: "[00:12:03] HOST:", "— Ann Harper:"
     rf"[ \t]*{_TAG_PREFIX}?(?![^:\n]*\b(?:{trie_pattern(_UNAMBIGUOUS_VERBS)})\b)"
     r"(?:\[?[a-z][\w.’'-]*(?:[ \t]+[a-z][\w.’'-]*){0,4}\]?|q|a)"
     # a transcriber's note after the name: "PUTIN (via interpreter):", "Q (inaudible):", or
     # who the speaker is: "CALLER (Jim, Leeds):", "Ann Harper (Labour):"
     rf"(?:[ \t]*(?:{_TRANSCRIBER_NOTE}|{_TAG_DESCRIPTION}))?[ \t]*:(?=[ \t])"),
    # A credit line under a block quotation: "– harbour pilot, Coast Radio" (the guide's rule).
    ("credit_line", "tag",
     rf"(?:(?<=\n)|^)[ \t]*[–—][ \t]*(?![^\n]*\b(?:{trie_pattern(REPORTING_VERBS)})\b)"
     r"[^\W\d_]\S*(?:[ \t]+\S+){0,5}(?<![.!?])(?=[ \t]*(?:\n|$))"),
    # The heading of an official statement naming its issuer: "STATEMENT BY THE AUTHORITY".
    ("issuer_heading", "after",
     r"(?:(?<=\n)|^)[ \t]*(?:joint\s+|official\s+)?(?:statement|press\s+release|news\s+release|"
     r"media\s+release|communiqu[ée]|declaration|announcement)\s+(?:issued\s+)?(?:by|from)\b"),
    # A dateline crediting an agency: "LAGOS, May 3 (Northwire) —", or a known wire anywhere.
    ("dateline", "none",
     r"(?:(?<=\n)|^)[ \t]*[a-z][a-z .’'-]{1,40},[ \t]*(?:(?:[a-z]{3,9}\.?[ \t]+\d{1,2}|"
     r"\d{1,2}[ \t]+[a-z]{3,9}\.?),?[ \t]+"  # "May 3" or "3 May", as either side writes it
     r"(?:\d{4}[ \t]+)?)?(?P<agency>\([a-z][\w .&’'-]{1,40}\))(?=[ \t]*[–—-])"),
    # Vague cues: the source is missing or is a faceless "reports".
    ("reportedly", "none", r"\b(?:reportedly|purportedly|allegedly)\b"),
    # "following reports of gunfire", "amid reports that": the reports are the source.
    ("after_reports", "none",
     r"\b(?:following|after|amid|amidst|despite)\s+(?:(?:unconfirmed|initial|early|local|media|"
     r"press|news|several|many|numerous|widespread)\s+)?reports\s+(?:of|that)\b"),
    # "a reported £40 million", "an estimated 300 people": a figure credited to nobody named.
    ("reported_figure", "none", r"(?<=\ba\s)reported(?=\s+[£$€¥]?\d)"),
    ("reports_surfaced", "none",
     r"\b(?:reports|rumou?rs|claims)\s+(?:have|has)\s+(?:surfaced|emerged|circulated)\b"),
    ("there_are_reports", "none",
     r"\bthere\s+(?:are|were|have\s+been)\s+(?:some\s+|also\s+|unconfirmed\s+|many\s+)?"
     r"(?:reports|estimates|claims|suggestions|rumou?rs|allegations)\b"),
    ("by_reports", "none",
     r"\b(?:by|in|from)\s+(?:(?:early|initial|first|local|media|press|news|unconfirmed|"
     r"preliminary|earlier|some|other|several|many|official)\s+){0,2}reports\b(?!\s+(?:of|that|on|about)\b)"),
    # A channel phrase that is the only cue of its sentence ("In a statement, the ministry
    # apologised"; "In a situational report, the council listed 21 injured"): the guide's
    # "channel phrase" rule. ``_find_cues`` drops it where a verb of its sentence is the cue.
    ("channel", "none",
     r"\b(?:in|through)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:statement|"
     r"report|press\s+release|news\s+release|communiqu[ée]|interview|letter|tweet|op-ed|"
     r"editorial|speech|bulletin|briefing|press\s+conference|news\s+conference)\b"),
    # A statement named by a noun that comes "from" its source ("Statements of condemnation
    # came from ...", "Condolences poured in from"): a nominalised speech act.
    ("came_from", "after",
     r"\b(?:statements?|messages?|expressions?|condemnations?|criticism|praise|condolences|"
     r"tributes?|reactions?|warnings?|denials?|appeals?|calls?)(?:\s+of\s+[a-z]+)?\s+"
     r"(?:(?:have|has|had)\s+)?(?:came|come|poured\s+in|flowed\s+in)\s+from\b"),
    ("said_to", "none",
     rf"\b{_BE}\s+(?:said|reported|believed|thought|understood|rumou?red|alleged|expected)\s+to\b"),
    ("became_known", "none",
     r"\bit\s+(?:became|has\s+become|is|was|has\s+been|had\s+been)\s+(?:known|reported|"
     r"intimated|announced|confirmed|rumou?red|alleged|claimed|understood|believed|feared)\b"),
    ("presumed", "none",
     rf"\b{_BE}\s+(?:presumed|feared|deemed|considered|widely\s+(?:called|seen|regarded))\b"
     r"(?!\s+by\b)"),
    ("passive_evidence", "none",
     rf"\b{_BE}\s+(?:[a-z]+ly\s+|later\s+|also\s+)?(?:recorded|voiced|documented|filmed|alleged|accused|"
     r"claimed|rumou?red)\b"),
    ("placing_figure", "before",
     r"\b(?:placing|placed|places|putting|puts|put)\s+the\s+(?:figure|number|toll|count|"
     r"estimate)\b"),
    # Source after the cue.
    ("passive_by", "after",
     r"\b(?:reported|announced|confirmed|published|stated|claimed|denied|quoted|cited)\s+by\b"),
    ("quoted_as_saying", "before",
     rf"\b{_BE}\s+quoted\s+(?:by\s+[\w .’'-]{{1,40}}?\s+)?as\s+saying\b"),
    ("passive_by_any", "after",
     rf"\b{_BE}\s+(?:[a-z]+ly\s+)?(?:{trie_pattern(_PASSIVE_FORMS)})\s+by\b(?!\s+(?:phone|telephone|e-?mail|video|"
     r"videolink|letter|mail|post|text|a\s+margin|far|\d))"),
    ("request_of", "after",
     r"\b(?:at|on)\s+the\s+(?:request|behest|urging|invitation|orders?|instructions?)\s+of\b"),
    ("according_to", "after", r"\baccording\s+to\b"),
    # Phrases that hand the words to someone named after them, as "according to" does: "in the
    # words of one resident", "to quote the mayor", "in the view of the court".
    ("in_the_words_of", "after",
     r"\b(?:in\s+the\s+(?:words|view|opinion|estimation)\s+of|to\s+quote)\b"
     r"(?=\s+(?:the\s+|a\s+|an\s+|one\s+|some\s+)?[a-z])"),
    ("credit", "after", r"©"),
    # A wire service credited in brackets anywhere: "MOSCOW, March 3 (Reuters) -".
    ("wire_credit", "none",
     r"\((?:reuters|ap|afp|tass|interfax|bloomberg|xinhua|ria\s+novosti|upi|dpa|anadolu|efe)\)"),
    ("via_platform", "after", rf"\bvia\b(?=\s+(?:{_SOCIAL}|reuters|afp|ap|getty|tass)\b)"),
    # Social media.
    ("posted_to", "before",
     rf"\b(?:posted|wrote|shared|said)\s+(?:to|on)\s+{_SOCIAL}\b|"
     rf"\b(?:posted|shared)\s+(?:to|on)\s+(?:{'|'.join(_POST_PLACES)})(?![\w-])"),
    ("tweeted", "before", r"\btweet(?:s|ed)\b"),
    # Evidence that shows: "videos ... show", "data show", "Twitter posts show".
    ("evidence_shows", "before",
     r"\b(?:show|shows|showed|reveal|reveals|revealed|indicate|indicates|confirm|confirms|"
     r"found|find|finds|measured|point(?:s|ed)?\s+to)\b"),
    # Phrases of saying: the whole phrase is the cue.
    ("claimed_responsibility", "before",
     r"\bclaim(?:s|ed|ing)?\s+(?:responsibility|credit)\b"),
    # Putting out a statement (the guide's "issued a corresponding press release"): issued,
    # released, published, put out, sent or delivered.
    ("issued_statement", "before",
     r"\b(?:(?:issu|releas|publish)(?:ed|es|ing)|put(?:s|ting)?\s+out|sen[dt]s?|sending|"
     r"deliver(?:ed|s|ing)?)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:statement|press\s+release|"
     r"communiqu[ée]|warning|denial|appeal|declaration)\b"),
    # A light verb with a noun of speech ("gave a mixed assessment", "gave evidence", "gave a
    # warning"): the phrase is the cue, as "made a statement" is.
    ("gave_account", "before",
     r"\b(?:gave|gives|giving|give)\s+(?:(?:a|an|his|her|their|its)\s+)?"
     r"(?!(?:no|little|any)\b)(?:[\w-]+\s+){0,2}?"
     r"(?:assessment|verdict|warning|account|evidence|testimony|assurances?)\b"),
    ("made_statement", "before",
     r"\bma(?:de|kes|ke|king)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:statement|announcement|"
     r"declaration|remarks)\b"),
    ("drew_criticism", "none",
     r"\b(?:drew|draws|drawn|drawing|draw)\s+(?:\w+\s+)?(?:criticism|condemnation|praise|"
     r"ire|rebukes?)\b"),
    ("called_for", "before", r"\bcall(?:s|ed|ing)?\s+for\b"),
    ("pointed_out", "before", r"\bpoint(?:s|ed|ing)?\s+out\b"),
    ("spoke_of", "before", r"\b(?:spoke|speaks|speaking|speak)\s+of\b"),
    ("referred_to", "before",
     r"\brefer(?:s|red|ring)?\s+to\b(?=[^.;:!?]{1,80}?\bas\b)"),
    ("asked_for", "before", r"\bask(?:s|ed|ing)?\s+for\b"),
    # News idioms of criticism: "hit out at", "lashed out at" (not "took aim at", which
    # soldiers do too).
    ("hit_out", "before", r"\b(?:hit|hits|hitting|lash(?:ed|es|ing)?)\s+out\s+at\b"),
    # "launched a scathing attack on", "launched a tirade against": criticism in words. Only
    # nouns and adjectives of verbal attack, so "launched an attack on the town" stays out.
    ("launched_attack", "before",
     r"\blaunch(?:ed|es|ing)?\s+(?:a|an|another|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
     r"(?:tirade|broadside|diatribe|rant|verbal\s+attack|(?:scathing|blistering|withering|"
     r"stinging|astonishing|extraordinary|foul-mouthed|excoriating|scathing)\s+attack)\s+"
     r"(?:on|against)\b"),
    # Posting on a platform, said the newer way: "took to Twitter to deny", "took to social
    # media" (the guide's social-media posts); the verb after it is part of the same act.
    ("took_to", "before",
     rf"\b(?:took|takes|take|taking)\s+to\s+(?:social\s+media|the\s+airwaves|"
     rf"{'|'.join(_POST_PLACES)})(?![\w-])"),
    # Court reporting: "The court heard that ...", "the inquest heard" report evidence given to
    # a court, not the court's own words (the source is the unnamed witness: none here).
    ("court_heard", "none",
     r"\b(?:court|jury|inquest|tribunal|hearing|trial|inquiry|magistrates)\s+"
     r"(?:(?:has|had|was)\s+)?(?:heard|hears)\b(?!\s+(?:an?|the|its|their|his|her)\s+"
     r"(?:appeal|case|arguments?|evidence\b(?!\s+that)|submissions?|challenge|application|"
     r"motion|petition|closing))"),
    # Wording read off a document: "A statement from the club read: ...", "the banner reads".
    ("document_read", "before", r"\bread(?:s)?\b(?=[ \t]*[:,]?[ \t]*[“\"])"),
    ("dismissal", "before", rf"\b{_DISMISSAL}\s+(?:[\w’'-]+\s+){{0,2}}?(?:aside|away|off)\b"),
    # Expressing an attitude ("expressed hope", "voiced concern", "raised doubts", "offered
    # condolences"): the expression is the cue.
    ("expressed", "before",
     rf"\b(?:express|voic|rais)(?:ed|es|ing)\s+(?:(?:his|her|their|its|grave|deep|serious|"
     rf"strong|some|new)\s+)?(?:{'|'.join(_ATTITUDES)})\b|"
     r"\boffer(?:ed|s|ing)\s+(?:(?:his|her|their|its)\s+)?(?:condolences|sympathy)\b"),
    # "made clear that", "made it clear": a statement in all but name.
    ("made_clear", "before", r"\bma(?:de|kes|ke|king)\s+(?:it\s+)?clear\b(?=\s+(?:that|to)\b)"),
    ("appeared_to", "before",
     rf"\b(?:appeared|appears|seemed|seems)\s+to\s+(?:{trie_pattern(REPORTING_VERBS)})\b"),
    # Verbs of saying, source before ("Lebedev said") or after ("…,” said Tokayev).
    ("speech", "before", rf"\b(?:{trie_pattern(REPORTING_VERBS)})\b"),
    ("claims_verb", "before", r"\bclaims?\b(?=\s*(?:that\b|[“\"]))"),
    # "as one councillor put it": the source before, the words quoted around it.
    ("put_it", "before", r"\b(?:put(?:s)?\s+it|would\s+have\s+it)\b"),
    # "The minister would have us believe that ...": an opinion writer's way of attributing.
    ("have_us_believe", "before",
     r"\bwould\s+(?:have|like)\s+(?:us|you|them|people|readers|voters)\s+(?:to\s+)?believe\b"),
    ("called", "before", r"\bcall(?:ed|s|ing)\b"),
]  # fmt: skip

# Every cue contains one of these words (or ©, a colon, a bracket): the rules run only around
# them.
_TRIGGER_TEXT = """claim put puts expected
    reportedly purportedly allegedly surfaced emerged circulated reports estimates
    claims suggestions rumours rumors allegations reported believed thought understood rumoured
    rumored known intimated feared presumed deemed considered widely figure number toll count
    according quoted cited via posted wrote shared tweet tweets tweeted show shows showed reveal
    reveals revealed indicate indicates confirm confirms expressed expresses expressing called
    calls calling call recorded voiced documented filmed published aside away off responsibility
    credit statement release communique communiqué warning denial appeal declaration out of
    found find finds measured point points pointed
    about to for appeared appears seemed seems saying by request behest urging invitation order
    orders instruction instructions statement announcement declaration remarks speech
    criticism condemnation ire rebuke rebukes release communique communiqué
    report interview letter op-ed editorial bulletin briefing conference
    statements messages expressions condemnations condolences tributes tribute reactions
    reaction warnings denials appeals words view opinion estimation quote raised raises raising
    voiced voices voicing offered offers
    offering clear launched launches launch launching took takes take taking heard hears
    read reads would assessment verdict account evidence testimony assurance assurances"""
_WIRES = ["reuters", "ap", "afp", "tass", "interfax", "bloomberg", "xinhua", "novosti", "upi",
          "dpa", "anadolu", "efe"]  # fmt: skip
_TRIGGER_WORDS = sorted(set(_TRIGGER_TEXT.split() + _WIRES + REPORTING_VERBS))
# Words a cue may start with before its trigger ("is said to", "there are some reports").
_STARTER_WORDS = [*_TRIGGER_WORDS, *_PLATFORMS, "is", "are", "was", "were", "has", "have",
                  "had", "been", "being", "be", "there", "it", "so", "placing", "placed",
                  "places", "putting", "puts", "put", "first", "by", "in", "from", "claim",
                  "claimed", "claiming", "issued", "issues", "issuing", "point", "points",
                  "pointed", "pointing", "spoke", "speaks", "speaking", "speak", "refer",
                  "refers", "referred", "referring", "ask", "asks", "asked", "asking",
                  "brush", "brushed", "brushes", "brushing", "waved", "waves", "waving",
                  "shrugged", "shrugs", "shrugging", "laughed", "laughs", "laughing",
                  "express", "expressed", "expresses", "expressing", "at", "on", "made",
                  "makes", "make", "making", "drew", "draws", "drawn", "drawing", "draw",
                  "joint", "official", "statement", "press", "news", "media", "communique",
                  "communiqué", "declaration", "announcement", "following", "after", "amid",
                  "amidst", "despite", "a", "through", "hit", "hits", "hitting", "lash",
                  "lashed", "lashes", "lashing", "message", "released", "releases",
                  "releasing", "published", "publishes", "publishing", "sent", "send", "sends",
                  "sending", "delivered", "delivers", "deliver", "delivering",
                  "expression", "praise", "calls", "gave", "gives", "giving", "give", "court",
                  "jury", "inquest",
                  "tribunal", "hearing", "trial", "inquiry", "magistrates"]  # fmt: skip
_SCANNER = TriggeredScanner(
    combine_rules([pattern for _name, _where, pattern in CUE_RULES]),
    re.compile(rf"©|:|\(|[–—]|\b(?:{trie_pattern(_TRIGGER_WORDS)})\b"),
    lookback=60,
    starters=re.compile(rf"©|\(|(?<![^\n])|(?<![\w])(?:{trie_pattern(_STARTER_WORDS)})\b"),
)

# Words that stand between a subject and its verb ("Peskov had said", "He also said").
_AUX_TEXT = """has have had was were is are also then later previously already further again once
    immediately reportedly repeatedly publicly himself herself itself would will did does do
    just first recently earlier even not since now still never openly quickly widely
    subsequently initially separately themselves"""
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


# Words before "to" that leave the verb after it a report ("appeared to acknowledge", "went on
# to say", "was quick to deny", "sought to reassure"): verbs of seeming, continuing and trying.
_ON_TO_SAY = frozenset(["appeared", "appears", "seemed", "seems", "on", "proceeded", "continued",
                        "hastened", "quick", "sought", "rushed"])  # fmt: skip


def _not_a_verb(words: list[str]) -> bool:
    """'the announced resignation', 'to say'; but 'appeared to acknowledge' is a cue."""
    if not words:
        return False
    if words[-1] == "to":
        return len(words) < 2 or words[-2] not in _ON_TO_SAY
    return words[-1] in _NOT_A_VERB_WORDS


_EVIDENCE_BEFORE = re.compile(rf"\b{_EVIDENCE}\b", re.IGNORECASE)
_SUBJECT_PRONOUN_OR_NAME = re.compile(r"(?:\b(?:he|she|they|it|we|I|who|whom)|[A-Z][\w’'-]*)\s+$")
_CALLED_OBJECT = re.compile(
    r"\s+(?:for|on|it|them|him|her|what|this|these|the|a|an)\b", re.IGNORECASE
)
# Each alternative starts with a punctuation mark, so the engine skips to those quickly;
# "that" is looked for separately.
_CLAUSE_BREAK = re.compile(
    r"[;:!?…]|(?<!\b[A-Z])[.][”\"’]?(?=\s)|[”\"]\s*,?|,\s*(?:but|and|while|as|when)\s|"
    r"\[\d+\]\s*|"
    r"\s[–—]\s"
)
_QUOTE_MARKS = '“”"«»„'
_WINDOW = 240  # how far a cue looks for its source and its quotation marks


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    name: str
    where: str


def _find_cues(index: TextIndex) -> list[_Cue]:
    """Every cue, leftmost first; a longer cue hides the cues inside it."""
    cues, text = [], index.text
    for match in _SCANNER.matches(index.lowered):
        rule_match = RuleMatch(match)
        name, where, _pattern = CUE_RULES[rule_match.rule]
        if not _keep_cue(text, name, rule_match):
            verb = rule_match.group().lower()
            if name != "evidence_shows" or verb not in REPORTING_VERBS:
                continue
            if not _keep_cue(text, "speech", rule_match):
                continue
            name, where = "speech", "before"  # "Magyar Nemzet revealed": a verb of saying
        gap = text[cues[-1].end : rule_match.start()] if cues else ","
        if len(gap) <= 2 and "," not in gap and cue_is_participle(rule_match.group()):
            continue  # "Reports have surfaced stating": one attribution, not two
        start, end = rule_match.span("agency") if name == "dateline" else rule_match.span()
        if name == "court_heard" and text[max(0, start - 4) : start].lower() == "the ":
            start -= 4  # "The court heard": the article is in the guide's span
        if name == "speaker_tag":
            start = _tag_start(text, start, end)  # not the time stamp or dash before the name
        cues.append(_Cue(start, end, name, where))
    return _without_channels_beside_verbs(index, cues)


def _without_channels_beside_verbs(index: TextIndex, cues: list[_Cue]) -> list[_Cue]:
    """A channel phrase ("in a statement") belongs to the cue of its sentence when it has one,
    and is a cue of its own only where it opens the sentence ("In a report, ..."); later in a
    sentence it tells where an act was done ("approved the sale in a press release")."""
    sentences_with_cues = {index.sentence_start(cue.start) for cue in cues if cue.name != "channel"}
    return [
        cue
        for cue in cues
        if cue.name != "channel"
        or (
            index.sentence_start(cue.start) not in sentences_with_cues
            and _opens_sentence(index, cue.start)
        )
    ]


def _opens_sentence(index: TextIndex, position: int) -> bool:
    """Is ``position`` the first word of its sentence (after quotation marks or brackets)?"""
    return not index.text[index.sentence_start(position) : position].strip(" \t\n“\"‘'([")


_STATES_VERB = re.compile(r"\s*(?:that\b|on\b|in\b|[:,“\"])")  # "the organisation states on"
_THAT_NEXT = re.compile(r"\s+that\b")
_DECLARED_VERB = re.compile(r"\s*(?:that\b|[:“\"])")
_EVIDENCE_JUST_BEFORE = re.compile(rf"{_EVIDENCE}\s+$", re.IGNORECASE)
_NAME_AFTER = re.compile(r"\s+(?:the\s+|a\s+)?[A-Za-z]")
_THAT_AFTER = re.compile(r"\s+(?:that|to)\b")
_QUOTE_JUST_BEFORE = re.compile(r"[”\"’'],?\s*$|,[”\"’]\s*$|^\s*[–—-]\s*$|\n[ \t]*[–—-][ \t]*$")
_DASH_LINE = re.compile(r"[ \t]*[–—-]")
_QUOTE_CLOSES_BEFORE = re.compile(r"(?:[^.!?\s][”\"’»]|,[”\"’»]|[”\"’»],)[ \t]*(?:[–—-][ \t]*)?$")


# Before a verb form these make it a noun or an adjective ("the announced resignation",
# "his claims", "an alleged attack"), or not a claim at all ("to say", "would say").
_DETERMINERS_TEXT = """the a an his her their its our my your these those this such any
    some no several many new recent earlier of for with by about against in on at from into
    to would could should might may can will must shall"""
_DETERMINERS = frozenset(_DETERMINERS_TEXT.split())
# Verbs with a common sense that is not speech ("added 300 jobs", "recalled the ambassador",
# "concluded the talks"): a cue only when what follows is what was said.
_NEEDS_COMPLEMENT_TEXT = """add added adds maintain maintained maintains observe observed
    observes conclude concluded concludes propose proposed proposes boast boasted boasts recall
    recalled recalls question questioned questions questioning respond responded responds
    responding agreed agrees expects ruled found appealed briefed informed welcomed advised
    echoed"""
_NEEDS_COMPLEMENT_TEXT += """ quipped retorted joked countered answered rebutted elaborated
    conveyed relayed confided repeated mused wondered begged exhorted bragged grumbled griped
    groused objected swore attested verified certified emailed texted messaged"""
_NEEDS_COMPLEMENT = frozenset(_NEEDS_COMPLEMENT_TEXT.split())
# Manner of speaking (Levin 37.3) and non-verbal expression (40.2) used as speech tags: a cue
# only right next to what was said ("“Stop,” she shouted"; "he yelled: “Out!”").
_MANNER_OF_SPEAKING_TEXT = """shouted yelled screamed whispered muttered murmured mumbled
    snapped snarled growled bellowed roared hissed fumed raged cried sobbed sighed gasped
    laughed chuckled scoffed sneered stammered stuttered chanted exclaimed"""
_MANNER_OF_SPEAKING = frozenset(_MANNER_OF_SPEAKING_TEXT.split())
_QUOTE_NEXT = re.compile(
    r"(?:[ \t]+(?:at|to)[ \t]+[^.;:!?“”\"\n]{1,40}?)?[ \t]*(?:[:,][ \t]*)?[“\"‘]|[ \t]+that\b"
)
# Verbs whose speech sense takes a that-clause, maybe after a recipient ("indicated to
# reporters that", "the court held that"); without it they are actions ("held talks"). A threat
# "to" do something is as often a thing's ("floods threatened to cut the road").
_THAT_CLAUSE_VERBS_TEXT = """indicated signalled signaled projected calculated decided
    determined held implied protested charged threatened"""
_THAT_CLAUSE_VERBS = frozenset(_THAT_CLAUSE_VERBS_TEXT.split())
_THAT_CLAUSE = re.compile(
    r"[ \t]+(?:to[ \t]+[^.;:!?“”\"\n]{1,40}?[ \t]+)?that\b|[ \t]*:[ \t]*[“\"]"
)
# Directive and commissive verbs (order, instruct, offer; Searle's speech acts): a cue
# with what was ordered or offered ("ordered residents to leave", "offered to mediate").
_DIRECTIVE_VERBS_TEXT = "notified alerted reminded ordered instructed directed offered"
_DIRECTIVE_VERBS = frozenset(_DIRECTIVE_VERBS_TEXT.split())
_DIRECTIVE_CLAUSE = re.compile(r"[ \t]+(?:[\w’'-]+[ \t]+){0,4}?(?:that\b|to[ \t]+[a-z])")
# Verbs of depiction that characterise only with "as" ("depicted the rally as a riot").
# The tabloid verbs of criticism in forms that are also nouns or other verbs ("two blasts hit",
# "blasting rock", "slamming the door"): a cue only with a quoted label or an "as" label next.
_BLAST_FORMS = frozenset(["blasts", "blasting", "slams", "slamming"])
_LABEL_NEXT = re.compile(
    r"[ \t]*(?:[:,][ \t]*)?[“\"‘']|(?:[ \t]+[\w’'-]+){1,4}?[ \t]+as[ \t]+(?:[“\"‘']|an?[ \t])"
)
_DEPICTION_VERBS = frozenset(["depicted", "painted", "framed"])
_COMPLEMENT = re.compile(r"[ \t]*(?:[,.:;“\"‘]|that\b|whether\b|$)")
_EXPECTS = re.compile(r"[ \t]+(?:[\w’'-]+[ \t]+){1,4}?to\b")
# Labels that end in a colon but are no speaker ("Source:", "Note:", "Photo:").
_NOT_SPEAKERS_TEXT = """present attending participants transcript venue place headline
    above below left right pictured top bottom inset
    source sources note notes update updated photo photos image images
    picture caption credit credits read also related tags tag share posted published date time
    location address website email tel phone fax category categories warning correction
    disclaimer subscribe contact editor's editors by from to subject re cc bcc summary
    background context see example examples update(s) edit keywords exclusive breaking live
    watch listen video audio opinion analysis editorial explainer factbox comment comments
    translation translated warning trigger spoiler tl;dr ps p.s. nb n.b. speakers guests panel
    panelists cast starring featuring"""
_NOT_SPEAKERS = frozenset(_NOT_SPEAKERS_TEXT.split())
# Every word of a tag capitalised, but for the small words inside a title or a name ("President
# of Russia Vladimir Putin", "Ursula von der Leyen").
_CAPITALISED_TAG = re.compile(
    r"[ \t]*(?:Q|A|[A-Z][\w.’'-]*(?:[ \t]+(?:(?:of|the|for|and|von|van|der|de|al|bin|la|le)"
    r"[ \t]+)?[A-Z][\w.’'-]*){0,4})[ \t]*:"
)
# A transcriber's note between a tag's name and its colon ("(via interpreter)", "(translated)").
_TAG_NOTE = re.compile(rf"[ \t]*{_TRANSCRIBER_NOTE}(?=[ \t]*:?[ \t]*$)", re.IGNORECASE)
# A tag whose first word has a capital and whose lower-case words all belong to a role: "Kremlin
# spokesman:", "Foreign ministry spokeswoman Maria Zakharova:" (transcripts that capitalise only
# names). A role word must be there, so "The plan is simple:" is no tag.
_ROLE_TAG = re.compile(r"[ \t]*[A-Z][\w.’'-]*(?:[ \t]+[\w.’'-]+){1,4}[ \t]*:")
# The line after a turn's colon: what someone says, not a credit ("Host: Tess Amari"). A turn
# has a sentence's punctuation or at least four words.
_TURN_CONTENT = re.compile(r"[ \t]+(?=\S)(?:[^\n]*[.?!…”\"]|(?:[^\s:]+[ \t]+){3}[^\s:])")
# The roles of an exchange, which some transcripts set in lower case ("host:", "caller:").
_EXCHANGE_ROLES = (
    r"(?:host|co-host|caller|presenter|interviewer|guest|reporter|anchor|moderator|"
    r"audience[ \t]+member|questioner|q|a)"
)
_LOWER_ROLE_TAG = re.compile(rf"{_EXCHANGE_ROLES}(?:[ \t]+\d)?:")
# Another turn near a tag: a line opening with a capitalised tag, a colon and what was said.
_OTHER_TURN = re.compile(
    rf"(?m)^[ \t]*{_TAG_PREFIX}?\[?(Q|A|[A-Z][\w.’'-]*(?:[ \t]+[\w.’'-]+){{0,6}}|"
    rf"{_EXCHANGE_ROLES}(?:[ \t]+\d)?)\]?"
    rf"(?:[ \t]*{_TAG_DESCRIPTION})?[ \t]*:(?=[ \t]+\S)"
)
_NAME_WORD_PATTERN = r"[A-Z][\w’'-]*"
_TURN_WINDOW = 2000  # how far a one-word tag looks for the other turns of its transcript


def _keep_cue(text: str, name: str, match: RuleMatch) -> bool:
    """Second look at ambiguous cues, using only the few words around them."""
    before = text[max(0, match.start() - 40) : match.start()]
    word = match.group().lower()
    words_before = before.lower().split()[-3:]
    if name == "speaker_tag":
        return _is_speaker_tag(text, match)
    if name == "credit_line":
        return _is_credit_line(text, match)
    if _negated(words_before):
        return False  # "did not immediately comment": no claim is attributed
    previous = words_before[-1].strip('“"‘(') if words_before else ""
    if previous == "by" and word.endswith("ing"):
        return True  # "released by saying they forgave him": a gerund, the verb of saying
    reported_after_to = len(words_before) >= 2 and words_before[-2] in _ON_TO_SAY
    after_would = name == "speech" and "would" in words_before and _would_report(before)
    if after_would and _DEMONSTRATIVE_OBJECT.match(text, match.end()):
        return False  # "they would say that, wouldn't they": a supposition, no content reported
    if after_would:  # the verb's own checks, as if "would" were not there
        words_before = [w for w in words_before if w != "would"]
        previous = words_before[-1] if words_before else ""
    if name in _PHRASES_AS_NOUNS and previous in _DETERMINERS and not reported_after_to:
        return False  # "his call for assistance", "the calls for calm"
    if len(words_before) >= 2 and words_before[-2] in _MODALS and previous in _PRONOUNS:
        return False  # "Can you confirm that?": a question, nothing is attributed
    if name == "speech" and _SAID_NOTHING.match(text, match.end()):
        return False  # "said nothing about it": reported silence (the guide's rule)
    if name == "speech" and _GENERIC_SUBJECT.search(before):
        return False  # "Nobody asked", "Anyone who believes ...": no one in particular said it
    if name == "speech":
        if _not_a_verb(words_before) or (previous in _DETERMINERS and not reported_after_to):
            return False  # "the announced resignation", "to say", "his claims"
        if (
            word in _BASE_FORMS
            and word != "reports"
            and not reported_after_to
            and not (after_would and word not in _NOT_SPEECH_AFTER_WOULD)
            and not _COMPLEMENT.match(text, match.end())
            and not _bare_form_is_a_verb(text, match.start(), word, before)
        ):
            return _quote_just_before(text, match.start())  # "the state department"
        if word == "expects" and _EXPECTS.match(text, match.end()):
            return True  # "the weather office expects the winds to ease"
        if word == "welcomed" and _WELCOMED_STANCE.match(text, match.end()):
            return True  # "welcomed the ruling": a judgement of a decision, not of guests
        if word in _NEEDS_COMPLEMENT and not _COMPLEMENT.match(text, match.end()):
            return _quote_just_before(text, match.start())
        if word in _MANNER_OF_SPEAKING:
            return _quote_just_before(text, match.start()) or bool(
                _QUOTE_NEXT.match(text, match.end())
            )
        if word in _THAT_CLAUSE_VERBS:
            return bool(_THAT_CLAUSE.match(text, match.end()))
        if word in _DIRECTIVE_VERBS:
            return bool(_DIRECTIVE_CLAUSE.match(text, match.end()))
        if word in ("rules", "ruling"):  # "ruling that the evidence stands", not "the ruling"
            return bool(_THAT_NEXT.match(text, match.end(), match.end() + 8)) and (
                word == "rules" or before.rstrip().endswith(",")
            )
        if word in _BLAST_FORMS:  # "blasts 'disgraceful' ref", "blasting them as 'schoolboys'"
            return bool(_LABEL_NEXT.match(text, match.end()))
        if word in _DEPICTION_VERBS:
            return bool(_IDENTIFIED_AS.match(text, match.end()))
        if word == "reports" and not _SUBJECT_PRONOUN_OR_NAME.search(before):
            return False  # "media reports" is a noun; "Gazeta Prawna reports" a verb
        capital = text[match.start()].isupper() and re.search(r"[\w,]\s+$", before)
        if capital and not _in_headline(text, match.start()):
            return False  # "the United States": a capital inside a sentence makes a name
        if word == "states":
            return bool(_STATES_VERB.match(text, match.end(), match.end() + 8))
        if word in ("believes", "views"):  # "Moscow views X as", not "in her views"
            wider = text[max(0, match.start() - _WINDOW) : match.start()]
            inside_quote = wider.rfind("“") > wider.rfind("”")
            return bool(_SUBJECT_PRONOUN_OR_NAME.search(before)) and not inside_quote
        if word == "estimates" and not (  # "the ministry estimates", not "official estimates"
            previous in ("who", "which", "he", "she", "it", "they")
            or _KIND_OF_WORD.get(previous) in ("title", "organisation")
        ):
            return False
        if word in ("estimate", "estimated", "estimates"):  # "officials estimate that"
            return bool(
                _THAT_NEXT.match(text, match.end(), match.end() + 8)
                or _AT_A_FIGURE.match(text, match.end())  # "estimated the crowd at 40,000"
            )
        if word == "identified":  # "identified the suspect as"
            return bool(_IDENTIFIED_AS.match(text, match.end()))
        if word == "accused" and text.startswith(" of ", match.end()):
            return False  # "people accused of crimes": a description, not an accusation
        if word == "alleged" and not _ALLEGED_VERB.match(text, match.end()):
            return False  # "alleged police violence"
        if text[match.end() : match.end() + 1] == ":" and not previous:
            return False  # "Note: ..." opening a line
    if name == "passive_evidence" and _RELATIVE_BEFORE.search(before):
        return False  # "people who had been accused of crimes" describes, it attributes not
    if name == "document_read":
        return bool(_WRITTEN_THING.search(_clause_before(text, match.start())))
    if name == "put_it":
        return bool(_AS_SOMEONE.search(text, max(0, match.start() - 80), match.start()))
    if name == "according_to" and _ACCORDING_TO_PLAN.match(text, match.end()):
        return False  # "went according to plan": an idiom, nobody is cited
    passive = name != "speech" or _PASSIVE_BEFORE.search(
        text, max(0, match.start() - 24), match.start()
    )
    if (
        name in _PASSIVE_CUES
        and passive
        and _NOBODY_FIRST.match(_clause_before(text, match.start()))
    ):
        return False  # "No injuries have been reported": reported absence (the guide's rule)
    if (
        name == "speech"
        and word == "asked"
        and _ASKED_TO_PASSIVE.search(text, match.start() - 24, match.end() + 4)
    ):
        return False  # "Passengers are asked to arrive early": an instruction, not a claim
    if name == "posted_to" and _EVIDENCE_JUST_BEFORE.search(before):
        return False  # "a video posted to Twitter" names a source, it is not the cue
    if name == "called":
        after = text[match.end() : match.end() + 8]
        return bool(_SUBJECT_PRONOUN_OR_NAME.search(before) or _CALLED_OBJECT.match(after))
    if name == "evidence_shows":
        # "videos ... show", "Network data from NetBlocks confirm": evidence speaks.
        return bool(_EVIDENCE_BEFORE.search(_clause_before(text, match.start())))
    return True


# What has wording one can read off ("A statement from the club read:", "the banner reads").
_WRITTEN_THING = re.compile(
    r"\b(?:statement|message|letter|note|post|tweet|notice|caption|banner|sign|placard|release|"
    r"headline|e-?mail|text|card|leaflet|poster|slogan|memo|press\s+release)s?\b",
    re.IGNORECASE,
)
# Putting a figure on something ("estimated the crowd at 40,000"), as "put the toll at" does.
_AT_A_FIGURE = re.compile(
    r"(?:[ \t]+[\w’'-]+){0,4}?[ \t]+at[ \t]+(?:(?:about|around|some|between|more[ \t]+than|"
    r"over|up[ \t]+to|nearly|almost|roughly|least)[ \t]+)?[£$€]?\d"
)
# "welcomed" judges (Levin 33) when its object is a decision or a statement ("welcomed the
# findings", "welcomed the court's ruling"); otherwise one welcomes guests.
_WELCOMED_STANCE = re.compile(
    r"[ \t]+(?:the|a|an|this|that|these|its|his|her|their|[\w’'-]+[’']s?)[ \t]+"
    r"(?:[\w’'-]+[ \t]+){0,2}?(?:decision|decisions|findings|ruling|verdict|move|announcement|"
    r"news|report|plan|proposal|proposals|deal|agreement|ceasefire|truce|result|results|"
    r"initiative|bill|law|step|offer|statement|report|judgment|judgement|outcome|reforms?|"
    r"pledge|commitment|release|resignation|vote|changes|measures?)\b"
)
_SAID_NOTHING = re.compile(r"\s+(?:nothing|not\s+a\s+word|little)\b")
# "as one councillor put it": the phrase quotes someone only after "as".
_AS_SOMEONE = re.compile(r"\bas\s+[^,.;:!?“”\"\n]{1,60}\s$", re.IGNORECASE)
# Idioms in which "according to" cites nobody.
_ACCORDING_TO_PLAN = re.compile(r"\s+(?:the\s+)?(?:plan|plans|schedule|script|design|taste)\b")
# Passive cues whose subject is a negation report that nothing was said or found.
_PASSIVE_CUES = frozenset(["passive_evidence", "speech", "said_to", "presumed"])
# ("No, the minister said" answers a question: the "No" is what was said.)
_NOBODY_FIRST = re.compile(
    r"\s*[“\"]?(?:no|none|nobody|neither)\b(?![ \t]*[,.;:!?”\"])(?!\s+(?:longer|doubt)\b)", re.I
)
# A subject that is nobody in particular ("Nobody asked", "Anyone who believes").
_GENERIC_SUBJECT = re.compile(
    r"\b(?:nobody|no\s+(?:one|[a-z]+)|(?:anyone|anybody|everyone|everybody|whoever)(?:\s+who)?)\s+"
    r"(?:(?:ever|really|still|seriously|honestly)\s+)?$",
    re.IGNORECASE,
)
# "Passengers are asked to arrive early" is a standing instruction; "Residents were asked to
# stay indoors" reports one that someone gave (the guide's passives). The perfect ("have been
# asked to") is left out, as the annotations mostly do.
_ASKED_TO_PASSIVE = re.compile(
    r"\b(?:is|are|be|been|being)\s+(?:\w+ly\s+)?asked\s+to\b", re.IGNORECASE
)
# "Residents on Canal Street say", "they insist": a plural subject right before a bare verb
# ("we condemn" in an opinion piece is the author's own voice).
_PLURAL_SUBJECT = re.compile(
    r"(?:\bthey|[^\W\d_]{2,}[^s\W]s|\b(?:people|police|men|women|children))"
    r"[ \t]+(?:(?:also|still|now|often|all|both|themselves)[ \t]+)?$"
)
# "Residents on Canal Street say", "families across the valley say": a plural noun and the place
# it is in, right before a bare verb.
_PLURAL_WITH_PLACE = re.compile(
    r"(?:^|\s)(?i:[a-z]{2,}[^s\W]s|people|police|men|women|children|staff)\s+"
    r"(?i:in|on|at|across|from|of|near|around|throughout|along|outside|inside|close\s+to|"
    r"familiar\s+with)\s+"
    r"[^,;:.!?“”\"]{1,40}?\s*$"
)
_MODALS = frozenset(["can", "could", "will", "would", "should", "shall", "may", "might", "must",
                     "do", "does", "did"])  # fmt: skip
_PRONOUNS = frozenset(["you", "we", "i", "they", "he", "she", "it"])
_ALLEGED_VERB = re.compile(r"\s*(?:that\b|to\b|in\b|on\b|at\b|[,.:“\"])")
# Phrases whose first word is also a noun ("his call for", "the point out"...).
_PHRASES_AS_NOUNS = frozenset(["called_for", "asked_for", "expressed", "speech", "claims_verb"])


# "he would testify", "who would later tell": "would" as the past of "will" after a third-person
# subject reports what someone said (a grammar of reported speech: the future in the past); not
# "I would say", "it would suggest", "that would confirm" (the speaker's hedge or an inference).
_WOULD_REPORT = re.compile(
    r"(?<![\w’'-])(?!(?:i|we|you|it|this|that|these|those|which|what|one|some|many|most|few|"
    r"anyone|anybody|everyone|people|nobody|there)\b)[^\W\d_][\w’'-]*,?"
    r"[ \t]+would[ \t]+(?:(?:later|then|soon|eventually|also)[ \t]+)?$",
    re.IGNORECASE,
)


# Base forms that after "would" are seldom speech ("he would find the body", "would hold").
_NOT_SPEECH_AFTER_WOULD = _NOUN_LIKE_BASES | frozenset(
    ["find", "hold", "rule", "expect", "believe", "agree", "encourage", "view", "recall",
     "maintain", "observe", "identify", "estimate", "welcome", "question", "reports"]
)  # fmt: skip


_DEMONSTRATIVE_OBJECT = re.compile(r"[ \t]+(?:that|this|so|it)[ \t]*[,.;!?…]")


def _would_report(before: str) -> bool:
    """'She would later tell', 'who would testify', 'Morrow would say': a report of speech.

    Examples
    --------
    >>> _would_report("the finance director, who would "), _would_report("I would ")
    (True, False)
    """
    return bool(_WOULD_REPORT.search(before))


def _in_headline(text: str, position: int) -> bool:
    """Is ``position`` on a short line with no full stop (a headline: "Kurds announce deal")?"""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return len(line) <= 120 and not re.search(r"[.!?]\s", line)


_IDENTIFIED_AS = re.compile(r"(?:\s+[\w’'.-]+){0,6}?\s+as\b")
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _quote_just_before(text: str, start: int) -> bool:
    """'…,” he added': a quotation closes right before the subject and verb."""
    before = text[max(0, start - 30) : start]
    return bool(re.search(r"[”\"’],?\s+(?:\w+\s+){0,3}$", before))


_TAG_PREFIX_AT = re.compile(rf"[ \t]*{_TAG_PREFIX}?")
_TAG_DESCRIPTION_AT_END = re.compile(rf"[ \t]*{_TAG_DESCRIPTION}[ \t]*:$")


def _tag_start(text: str, start: int, end: int) -> int:
    """Where a speaker tag's cue starts: after the spaces, time stamp or dash before the name.

    Examples
    --------
    >>> text = "[00:12:03] HOST: Welcome back."
    >>> text[_tag_start(text, 0, 16):16]
    'HOST:'
    """
    prefix = _TAG_PREFIX_AT.match(text, start, end)
    return prefix.end() if prefix else start


def _tag_name_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The name part of a speaker tag: without its brackets, note, description and colon
    ("[Maria Lopez]:" -> "Maria Lopez", "CALLER (Jim, Leeds):" -> "CALLER")."""
    tag = text[start:end]
    note = _TAG_NOTE.search(tag.rstrip(" \t:")) or _TAG_DESCRIPTION_AT_END.search(tag)
    name = tag[: note.start()] if note else tag.rstrip(" \t:")
    name = name.rstrip(" \t:")
    skip = len(name) - len(name.lstrip(" \t["))
    name = name.rstrip("]")
    return start + skip, start + len(name)


def _is_speaker_tag(text: str, match: RuleMatch) -> bool:
    """'Q:', 'MAYOR OKAFOR:', 'Vladimir Putin:' at the start of a line, not 'Source:'."""
    start = _tag_start(text, match.start(), match.end())
    name_start, name_end = _tag_name_span(text, start, match.end())
    tag = text[name_start:name_end] + ":"
    bracketed = text[start] == "[" or text[name_end] != ":"
    if (
        bracketed
        and not _TAG_NOTE.search(text, name_end, match.end())
        and not _other_turns_near(text, start)
    ):
        return False  # "[Host]:", "CALLER (Jim, Leeds):" are tags only in a transcript
    words = tag.rstrip(" \t:").split()
    if not words:
        return False
    if words[0].lower() in _NOT_SPEAKERS or words[-1].lower() in _NOT_SPEAKERS:
        return False  # "Source:", "Editor's note:", "EXCLUSIVE:": a label, nobody speaking
    if _CAPITALISED_TAG.fullmatch(tag):
        if len(words) > 1 or words[0].isupper() or _QUESTION_TAG.fullmatch(words[0]):
            return len(words) <= 5
        # "Tokayev:" opens a turn of a transcript, "Kazakhstan: riots explode" a headline and
        # "Host: Tess Amari" a credit: a one-word name in mixed case is a tag only when it
        # opens what someone says and other turns are near (the text is a transcript).
        return _opens_a_turn(text, match.end()) and _other_turns_near(text, start)
    if _ROLE_TAG.fullmatch(tag):
        return _lower_words_name_a_role(words[1:])
    if _LOWER_ROLE_TAG.fullmatch(tag):  # "host:", "caller:" in a transcript set in lower case
        return _opens_a_turn(text, match.end()) and _other_turns_near(text, start)
    return False  # the words are not capitalised: a sentence, not a name


# Plural nouns of people who speak, the guide's unnamed sources ("officials", "experts",
# "critics", "protesters", "sources", "witnesses") and their kin, as a whole subject with what
# ties them to the story ("sources close to the club", "people familiar with the talks"): before
# a bare form that is also a noun ("claim", "report", "note") they make it a verb.
_PEOPLE_WHO_SPEAK = re.compile(
    r"(?:^|[\s,])(?i:sources|insiders|critics|officials|experts|witnesses|residents|pals|"
    r"friends|aides|allies|campaigners|activists|opponents|supporters|analysts|observers|"
    r"neighbou?rs|fans|locals|workers|doctors|scientists|economists|investigators|police|"
    r"prosecutors|lawyers|researchers|organi[sz]ers|protesters|protestors|families|parents|"
    r"teachers|unions|diplomats|people|staff|employees|users|readers|viewers|voters)"
    r"(?:\s+(?i:close\s+to|familiar\s+with|in|at|from|of|inside|near|on|across|around|"
    r"within|involved\s+in|with\s+knowledge\s+of)\s+[^,;:.!?“”\"]{1,40}?)?"
    r"\s+(?:(?i:also|still|now|often|all|privately|publicly|repeatedly)\s+)?$"
)


def _bare_form_is_a_verb(text: str, start: int, word: str, before: str) -> bool:
    """A bare form ("say", "announce") heads a headline or follows a plural subject ("Tenants
    on Mill Lane say"); worked out only for bare forms, the few cues that need it."""
    if word in _NOUN_LIKE_BASES:  # "Insiders claim", "Sources close to the club claim"
        return bool(_PEOPLE_WHO_SPEAK.search(_clause_before(text, start)))
    return bool(
        _in_headline(text, start)
        or _PLURAL_SUBJECT.search(before)
        or _PLURAL_WITH_PLACE.search(_clause_before(text, start))
    )


def _is_credit_line(text: str, match: RuleMatch) -> bool:
    """'– harbour pilot, Coast Radio' alone on its line under a paragraph: who said it.

    The rule itself keeps out sentences (a full stop, or a verb of saying: "– quoted by ..." is
    that verb's cue) and lines of more than six words; here: not an item of a dashed list (a
    dash line next to it), and under a paragraph.
    """
    line_start = text.rfind("\n", 0, match.start()) + 1
    previous_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    previous = text[previous_start : max(previous_start, line_start - 1)]
    following = text[match.end() + 1 : text.find("\n", match.end() + 1) % (len(text) + 1)]
    if not previous.strip() or _DASH_LINE.match(previous) or _DASH_LINE.match(following):
        return False  # no paragraph above it, or one item of a dashed list
    return len(previous.split()) >= 6  # a quoted paragraph, not a heading


def _credit_line_speaker(text: str, cue: _Cue) -> tuple[int, int]:
    """The speaker of a credit line: its words after the dash, before a comma (the medium)."""
    line = text[cue.start : cue.end]
    start = cue.start + len(line) - len(line.lstrip("–— \t"))
    comma = text.find(",", start, cue.end)
    end = comma if comma != -1 else cue.end
    return start, start + len(text[start:end].rstrip())


def _lower_words_name_a_role(words: list[str]) -> bool:
    """'spokesman', 'ministry spokeswoman Maria Zakharova': every lower-case word belongs to a
    title or a body, and a title is among them."""
    lower = [w.lower() for w in words if not w[0].isupper()]
    kinds = {_KIND_OF_WORD.get(w) for w in lower}
    roles = all(
        w in _TITLE_WORDS or _KIND_OF_WORD.get(w) in ("title", "organisation") or w in _NAME_LINKS
        for w in lower
    )
    return roles and ("title" in kinds or any(w in _TITLE_WORDS for w in lower))


# A credit line names people after its colon ("Host: Tess Amari. Guest: ..."): a name of two
# capitalised words or more, then a stop or a comma.
_CREDITED_NAME = re.compile(
    rf"[ \t]+{_NAME_WORD_PATTERN}(?:[ \t]+{_NAME_WORD_PATTERN})+[ \t]*[.,;(]"
)


def _opens_a_turn(text: str, colon_end: int) -> bool:
    """Is what follows a colon a turn (what someone says), not a credit?"""
    return bool(_TURN_CONTENT.match(text, colon_end)) and not _CREDITED_NAME.match(text, colon_end)


def _other_turns_near(text: str, tag_start: int) -> bool:
    """Does another turn (a tag at a line's start, then what was said) sit near this one?"""
    window_start = max(0, tag_start - _TURN_WINDOW)
    window_start = text.rfind("\n", 0, window_start) + 1 if window_start else 0
    window_end = min(len(text), tag_start + _TURN_WINDOW)
    for other in _OTHER_TURN.finditer(text, window_start, window_end):
        if other.start(1) == tag_start or other.group(1).split()[0].lower() in _NOT_SPEAKERS:
            continue
        if _opens_a_turn(text, other.end()):
            return True
    return False


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
                     "armenia", "tajikistan", "kyrgyzstan", "united states", "us", "uk",
                     "international", "association", "federation", "network", "society",
                     "league", "front", "forces", "guard", "coast guard", "fund", "inc", "ltd",
                     "university", "service", "services", "archive", "centre", "center",
                     "survey", "forum", "watch", "coalition", "board", "authority", "bureau",
                     "congress", "assembly", "presidency", "municipality", "secretariat",
                     "mission", "delegation", "command", "navy", "hospital", "club", "church",
                     "monitor", "observatory", "red cross", "who", "unicef", "united nations",
                     "prosecutors", "prosecutor's office", "firm", "airline", "council",
                     "force", "air force"],
    "document": ["decree", "statute", "law", "resolution", "communique", "communiqué",
                 "document", "website", "web page", "report", "letter", "memo", "data",
                 "record", "records", "transcript", "constitution", "order", "bill", "treaty",
                 "statement", "press release", "guidelines", "manifesto", "database",
                 "situation report", "study", "survey data", "poll", "census"],
    "vague": ["reports", "source", "sources", "estimates", "claims", "some", "witnesses",
              "officials", "experts", "analysts", "observers", "media", "rumours", "rumors",
              "many", "others", "people", "residents", "critics", "video", "videos", "footage",
              "posts", "accounts", "it"],
}  # fmt: skip
_KIND_OF_WORD = {word: kind for kind, words in SOURCE_WORDS.items() for word in words}
_SOURCE_WORD = re.compile(rf"\b(?:{trie_pattern(_KIND_OF_WORD)})\b")
_PERSON_PRONOUN = re.compile(r"^(?:he|she|him|her|i|me)$", re.IGNORECASE)
# A capital letter, in Latin scripts with accents too ("Erdoğan", "Ólafsson", "Łukasz").
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
_LETTERS = r"(?:[^\W\d_]|[’'-])"
_SURNAME = re.compile(rf"[{_UPPER}]{_LETTERS}+$")  # "Lebedev said"
_NAME = re.compile(
    rf"\b[{_UPPER}]{_LETTERS}+(?:\s+(?:van|von|de|al|bin|da|di|del|le|la)?\s*[{_UPPER}]{_LETTERS}+)+"
)
_VAGUE_FIRST = re.compile(
    r"\s*(?:the\s+|some\s+|other\s+|several\s+|many\s+)?(?:sources?|officials|witnesses|"
    r"experts|analysts|observers|reports|rumou?rs|estimates|residents|people|critics)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_ARTICLE_FIRST = re.compile(r"^\s*(?:the|a)\b", re.IGNORECASE)


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
    if source.isupper() and len(source) > 6:
        source = source.title()  # "MAYOR OKAFOR:" in a transcript is a name, not an acronym
    if not source or source.lower() in ("they", "it", "others"):
        return "vague"
    if _PERSON_PRONOUN.match(source):
        return "named_person"
    head = source.split(",")[0]  # "Leonid Kalashnikov, a Russian lawmaker": the name first
    kinds = _source_kinds(head)
    if not kinds and "," in source and not _NAME.search(head):
        # "Corvo, the ride-hailing firm": a bare name takes its kind from the appositive
        described = _source_kinds(source.split(",", 1)[1])
        if "title" not in described and described & {"media", "organisation"}:
            return "named_media" if "media" in described else "named_organisation"
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
    if that != -1 and that + 6 > cut and not _APPOSITIVE_RELATIVE.search(window, cut, that):
        cut = that + 6  # "... said that Moscow views": the clause starts after "that"
    return window[cut:]


# ", a group that tracks violence, said": "that" opens a relative clause inside an appositive
# set off by commas (its noun right after the comma and an article), not a reported clause.
_APPOSITIVE_RELATIVE = re.compile(r",[ \t]+(?:a|an|the)[ \t]+(?:[\w’'-]+[ \t]+){0,3}[\w’'-]+$")


_LEADING_JUNK = re.compile(
    r"^[\s,“\"‘]*(?:(?:and|but|while|although|though|as|when|so|that|then|which|because|yet|even|"
    r"since|after|before|however|meanwhile|whom|who|which|in\s+which|of\s+which|reportedly|allegedly|"
    r"apparently|also|with|instead|indeed|now|moreover|furthermore|nevertheless|nonetheless|"
    r"besides|thus|hence|therefore|likewise|similarly|finally|separately)(?![\w’'-])[\s,]*)+",
    re.IGNORECASE,
)
_INTRO_NO_COMMA = re.compile(
    r"\s*(?i:for|on|in|at|after|before|during|since|over|last|this|earlier|later|with)\s+"
    r"(?:[a-z0-9][\w’'-]*\s+|[A-Z][a-z]+day\s+){1,3}"
    r"(?=(?:the\s+)?[A-Z]|(?:the|his|her|their|its|our|my|your)\s+[a-z])"
)
# "85% were in favour and on Friday the government": a new clause after "and" or "but".
_CLAUSE_AND = re.compile(r"\s(?:and|but)\s(?!.*\s(?:and|but)\s)")
# "Prime Minister Tuilaepa, who told": the relative pronoun stands for the name before it.
_RELATIVE_ONLY = re.compile(r"\s*(?:who|which)\s*")
# A preposition of place before a name: the name is a place, not a person "who" speaks.
_PLACE_BEFORE = re.compile(r"\s(?:in|at|near|outside|inside)\s+(?:the\s+)?$")
_NAME_AT_END = re.compile(
    r"(?:\b[Tt]he\s+)?[A-Z][\w.’'-]*(?:\s+(?:(?:of|the|and|for|de|van|von|al)\s+)*[A-Z][\w.’'-]*)*"
    r"\s*$"
)
# A subject, then a finite verb (a past, a modal, a form of be or have): the words before a
# preposition make a clause, not an opening phrase ("She cited a study by ...", "The bridge
# will close to all traffic from ..."; not "Asked by reporters", "Late on Friday").
_PAST_AFTER_SUBJECT = re.compile(
    r"^\s*\S+(?:\s+\S+){0,5}?\s+(?:[a-z]{2,}ed|said|told|wrote|will|would|can|could|must|"
    r"shall|should|may|might|is|are|was|were|has|have|had)\s"
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
        elif not head or not (
            word in _AUX_WORDS
            or (  # "subsequently" is an adverb, "Italy" is not
                last.endswith("ly")
                and last.islower()
                and head.split()[-1].lower() not in _DETERMINERS
            )
        ):
            return clause  # "the rally" keeps its noun; "subsequently" goes
        clause = head.rstrip()


# "Leonid Kalashnikov" before ", a Russian lawmaker,": a short phrase with a capital.
_NAME_PHRASE = re.compile(r"^(?=[^,]*[A-Z])\W*(?:\S+\s+){0,5}\S+\s*$")
_NAME_LINKS = frozenset(["of", "the", "and", "de", "van", "von", "al", "bin", "for", "la", "le"])


def _looks_like_name(part: str) -> bool:
    """'Leonid Kalashnikov', 'Lebedev', 'the Ministry of Defence': capitalised words only;
    not 'The so-called reform was a sham'."""
    words = _LEADING_JUNK.sub("", part).split()
    if not words or len(words) > 6 or not _NAME_PHRASE.search(part):
        return False
    return all(w[0].isupper() or w.lower() in _NAME_LINKS for w in words)


_APPOSITIVE = re.compile(r"^\s*(?:a|an|the|his|her|its|their)?\s*[a-z]")
# A comma that separates parts of a clause; not the comma of a date ("March 14, 2019").
_PART_COMMA = re.compile(r"(?<!\d), |(?<=\d), (?!\d{4}\b)")
# A verb inside a would-be subject: an auxiliary, or a past tense; not "-based" of "UK-based".
_FINITE_INSIDE = re.compile(
    r"(?<![\w’'-])(?:is|are|was|were|has|have|had|will|would|[a-z]{3,}ed)\b"
)
# Prepositions (a grammar of English: Quirk et al. 1985, ch. 9) and the subordinators that
# open adverbials: a phrase that starts with one is an adverbial, never a subject.
_PREPOSITIONS_TEXT = """about above across after against along amid amidst among around as at before
    behind below beneath beside besides between beyond by despite during except for from in
    inside into like near of off on onto outside over past per since than through throughout
    to toward towards under until upon via with within without although because though
    unless whereas while when whenever if once"""
_PREPOSITIONS = frozenset(_PREPOSITIONS_TEXT.split())
# Capitalised words, "of", "and", "the" and an acronym in brackets: the parts of a name.
_NAME_LIST_PART = re.compile(
    r"(?:[A-Z][\w’'.-]*|of|the|and|for|&|\([A-Z][\w.-]*\))(?:\s+(?:[A-Z][\w’'.-]*|of|the|and|for|&|"
    r"\([A-Z][\w.-]*\)))*"
)
# An aside between dashes right before the verb: "two towns —including Makilala— declared".
_DASH_ASIDE = re.compile(r"\s*[—–]\s*[^—–\n]{1,120}[—–]\s*$")
# A past tense right after a name, followed by its object or the end: "Hungary launched a
# plan", "Waseem appeared": the name is the subject and the verb starts the predicate.
_VERB_AFTER_NAME = re.compile(
    rf"\b[{_UPPER}][\w’'-]*\s+(?P<verb>[a-z]{{3,}}ed)(?=\s+(?:the|a|an|his|her|their|its|\d)\b|\s*$)"
)
_AUX_INSIDE = re.compile(
    r"(?:\s(?:who|which|that))?\s(?:is|are|was|were|has|have|had|will|would|can|could|did|does)\s"
)
# A dash or a colon before a name: "LONDON, 12 May - Brisko", "Update: Corvo".
_NAME_AFTER_DASH = re.compile(r"(?:^|\s[–—-]\s+|:\s+)(?=[A-Z])")


# A preposition that modifies a number is part of the noun phrase: "at least two towns".
_NUMBER_MODIFIER = re.compile(
    r"(?i:at\s+(?:least|most)|up\s+to|as\s+many\s+as|about|around|over|under|after|like)\s+"
    r"(?:\d|(?i:one|two|three|four|five|six|seven|eight|nine|ten|a\s+(?:dozen|hundred|thousand)|"
    r"dozens|hundreds|thousands|several|some)\b)"
)


def _starts_with_preposition(phrase: str) -> bool:
    """'for over 20 years', 'in the pay of ...': an adverbial, not a noun phrase; 'at least
    two towns' is a noun phrase."""
    words = phrase.split(maxsplit=1)
    if not words or words[0].lower() not in _PREPOSITIONS:
        return False
    return not _NUMBER_MODIFIER.match(phrase)


def _name_start(part: str) -> int | None:
    """Where the name before an appositive starts in ``part``, or None if it is no name.

    A name is capitalised words ("Leonid Kalashnikov"), the capitalised words after a dash or
    a colon ("LISBRECHT, 12 May - Brisko"), or a noun phrase with a capitalised word and no
    verb ("Russia and other members of the Organization"), never an adverbial ("In Kyiv").
    """
    if _looks_like_name(part):
        return 0
    after_dash = list(_NAME_AFTER_DASH.finditer(part))
    if after_dash and after_dash[-1].end() > 0 and _looks_like_name(part[after_dash[-1].end() :]):
        return after_dash[-1].end()
    words = part.split()
    first = words[0].lower() if words else ""
    if (
        1 < len(words) <= 14
        and first not in _PREPOSITIONS
        and not first.endswith(("ed", "ing"))
        and any(w[0].isupper() for w in words[1:])
        and not _FINITE_INSIDE.search(part)
        and not _PAST_ONLY.search(part)
        and not _CONNECTIVE.fullmatch(words[0])
    ):
        return 0
    return None


# Simple past forms that are never participles ("orders fell by a quarter"): a clause, not a
# noun phrase; the forms that are also participles ("led by", "held in") may sit in one.
_PAST_ONLY_TEXT = """fell rose went came took gave wrote spoke broke chose drove ran began grew
    drew flew threw shook saw knew"""
_PAST_ONLY = re.compile(rf"(?<![\w’'-])(?:{'|'.join(_PAST_ONLY_TEXT.split())})\b")


def _name_list_start(parts: list[str]) -> int:
    """How many parts before the last belong to a list of names ending with "and": "Russia,
    Belarus, Tajikistan and Armenia", "Institute of Epidemiology, Disease Control and Research"."""
    last = parts[-1].strip()
    if " and " not in last or not _NAME_LIST_PART.fullmatch(last):
        return 0
    count = 0
    for part in reversed(parts[:-1]):
        bare = part.strip()
        if bare.split()[0].lower() in _PREPOSITIONS or bare.lower() in _DAYS.split():
            break  # "On Tuesday, Tom and Ann", "Tuesday, Tom and Ann": a time, not a name
        if not _looks_like_name(bare) or not _NAME_LIST_PART.fullmatch(bare):
            # "Officials at the Ministry of Health, Labour and Welfare": the name's first
            # part ends a noun phrase
            tail = _NAME_AT_END.search(bare)
            if tail and tail.group().strip() and not _FINITE_INSIDE.search(bare):
                count += 1
            break
        count += 1
    return count


# Verbs of beginning, going on and stopping that take an -ing complement (Quirk et al. 1985,
# 16.39): "the government cease referring" -> the subject is "the government".
_ASPECTUAL_TEXT = """begin begins began start starts started stop stops stopped cease ceases ceased
    continue continues continued keep keeps kept quit quits resume resumes resumed finish
    finishes finished"""
_ASPECTUAL = frozenset(_ASPECTUAL_TEXT.split())
# Quantifiers and reflexives that float to the end of a subject (Quirk et al. 1985, 6.33).
_FLOATING_TEXT = "both all each alone themselves himself herself itself"
_FLOATING = frozenset(_FLOATING_TEXT.split())


# A subject pronoun right before the verb is the whole subject, whatever comes before it.
_PRONOUN_LAST = re.compile(r"(?<=\s)(?:he|she|they|we|I|you|it)\s*$")


def _noun_phrase(clause: str) -> str:
    """The subject without the verb phrase a rule let through: 'Waseem appeared' -> 'Waseem';
    'the group that has claimed' -> 'the group'; 'the government cease' -> 'the government'."""
    head, _, last = clause.rstrip().rpartition(" ")
    if head and (last in _ASPECTUAL or last in _FLOATING):
        clause = head  # "the government cease", "Ana Brnabić and Aleksandar Vučić both"
    aux = _AUX_INSIDE.search(clause)
    if aux and aux.start() > 0:
        clause = clause[: aux.start()]
    verb = _VERB_AFTER_NAME.search(clause)
    if verb:
        clause = clause[: verb.start("verb")].rstrip()
    return clause


def _source_before(text: str, cue_start: int) -> tuple[int, int] | None:
    """Span of the subject before a cue: "Dmitri Peskov, spokesman for ..., had said".

    A subject is a noun phrase: when the clause before the cue gives an adverbial instead
    ("for over 20 years" after a quotation inside a relative clause), the whole sentence
    before the cue is read again, quotation marks and all; when that fails too, there is none.
    """
    antecedent = _relative_antecedent(text, cue_start)
    if antecedent:
        return antecedent  # "a video which shows", "the report that says"
    span = _subject_in(text, cue_start, _clause_before(text, cue_start))
    if span and _starts_with_preposition(text[span[0] : span[1]]):
        span = _subject_in(text, cue_start, _sentence_before(text, cue_start))
        if span and _starts_with_preposition(text[span[0] : span[1]]):
            return None
    return span


# A relative pronoun with no comma right before the cue, perhaps with a verb of seeming:
# "a video which shows", "footage which appears to show" (a restrictive relative clause).
_RELATIVE_GAP = re.compile(
    r"(?<=[^\s,])\s+(?:which|that|who)\s+(?:(?:appears?|seems?|appeared|seemed)\s+to\s+)?$"
)
_ADJECTIVE_OF = re.compile(r"[a-z]+\s+(?:of|about)\s+")  # "aware of footage": footage


def _relative_antecedent(text: str, cue_start: int) -> tuple[int, int] | None:
    """The noun phrase a restrictive relative clause hangs on when the cue is its verb:
    what follows the main clause's last verb ("Police released a video which shows")."""
    near = text[max(0, cue_start - 40) : cue_start]
    if " which " not in near and " that " not in near and " who " not in near:
        return None  # most cues: no relative pronoun near, no search
    gap = _RELATIVE_GAP.search(text, max(0, cue_start - 40), cue_start)
    if not gap:
        return None
    clause = _clause_before(text, gap.start())
    verbs = [*_VERB_BEFORE_OBJECT.finditer(clause), *_IRREGULAR_PAST_AFTER.finditer(clause)]
    start = max((v.end() for v in verbs), default=0)
    adjective = _ADJECTIVE_OF.match(clause, start)
    start = adjective.end() if adjective else start
    phrase = _LEADING_JUNK.sub("", clause[start:]).rstrip()
    words = phrase.split()
    if not words or len(words) > 8 or _starts_with_preposition(phrase) or words[0] == "there":
        return None
    begin = gap.start() - len(phrase)
    return begin, gap.start()


_SENTENCE_BREAK = re.compile(r"[;!?…]|(?<!\b[A-Z])[.](?=\s)|\[\d+\]\s*")


def _sentence_before(text: str, end: int) -> str:
    """The sentence up to ``end``, quotations inside it included."""
    window = text[max(0, end - _WINDOW) : end]
    window = window[window.rfind("\n") + 1 :]
    cut = 0
    for cut_match in _SENTENCE_BREAK.finditer(window):
        cut = cut_match.end()
    return window[cut:]


# Agent nouns ("farmer", "director", "analyst", "historian", "consultant"): a description
# of a person that can stand in apposition without an article.
_AGENT_NOUN = re.compile(r"[a-z]+(?:er|or|ist|ian|ant|ent)\b")


_POSSESSIVE_DESCRIPTION = re.compile(r"\s*[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*[’']s\s+[a-z]")


def _is_appositive(part: str) -> bool:
    """A description after a name: with an article or a possessive ("the ride-hailing firm",
    "a Russian lawmaker"), or a role or agent noun ("head of the union", "farmer from X");
    not a bare noun that is a subject of its own ("In Oslo, Bergen, police said")."""
    if _POSSESSIVE_DESCRIPTION.match(part):
        return True  # "Tom King, Beijing's envoy, said"
    if not _APPOSITIVE.match(part) or _PERSON_PRONOUN.match(part):
        return False
    first = part.split()[0].lower()
    return (
        first in _DETERMINERS
        or first in _ROLE_HEADS
        or first in _TITLE_WORDS
        or bool(_AGENT_NOUN.fullmatch(first))
    )


def _set_off(part: str, adjacent: bool) -> bool:
    """Is ``part`` a phrase set off by commas between the subject and its verb: a relative
    clause (unless it runs into the verb: "which the BBC describes"), a prepositional or
    participial phrase, or a connective ("CNN, however, reported")?"""
    if _RELATIVE_CLAUSE.match(part):
        return not adjacent
    if _starts_with_preposition(part) and part[:1].islower() and not adjacent:
        return True  # "The rebels, for their part, denied"; "Smith, of the Greens, said"
    return bool(_PARENTHETICAL.match(part) or (part[:1].islower() and _CONNECTIVE.fullmatch(part)))


def _subject_in(text: str, cue_start: int, whole_clause: str) -> tuple[int, int] | None:
    """The subject at the end of ``whole_clause``, which ends at ``cue_start``."""
    bare = _without_trailing_aux(whole_clause)  # drop "had", "also"...
    comma_before_cue = bare.rstrip().endswith(",")
    clause = bare.rstrip(" ,\t")
    aside = ("—" in clause or "–" in clause) and _DASH_ASIDE.search(clause)
    if aside and aside.start() > 0:  # "two towns —including Makilala— declared"
        clause = clause[: aside.start()]
    clause = clause.rstrip(" ,\t–—-")
    offset = cue_start - len(whole_clause)
    intro = _INTRO_NO_COMMA.match(clause)  # "With the acquisition Salling said"
    if intro and clause[: intro.end()].split()[0].lower() in _PREPOSITIONS:
        offset += intro.end()
        clause = clause[intro.end() :]
    stripped = _LEADING_JUNK.sub("", clause)
    offset += len(clause) - len(stripped)
    clause = stripped
    # "On Friday, Russian Ambassador ... Antonov said": skip an introductory phrase.
    first, comma, rest = clause.partition(", ")
    intro_word = _INTRO_WORD.search(first) or _CONNECTIVE.fullmatch(first)
    if intro_word and comma and _name_list_start([first, rest]):
        intro_word = None  # "Officials at the Ministry of Health, Labour and Welfare"
    if (
        intro_word
        and _PAST_AFTER_SUBJECT.search(first)
        and first.split()[0].lower() not in _PREPOSITIONS
        and not first.split()[0].lower().endswith(("ing", "ed"))  # "Addressing those who were"
    ):
        intro_word = None  # "She cited a study by the Institute, ...": a clause, no opening
    if comma and rest.strip() and intro_word and not _RELATIVE_ONLY.fullmatch(rest):
        offset += len(first) + len(comma)
        stripped = _LEADING_JUNK.sub("", rest)  # "On Monday, with others ...": "others"
        offset += len(rest) - len(stripped)
        clause = stripped
    intro = _INTRO_NO_COMMA.match(clause)  # "For several days Iran denied"
    if intro:
        offset += intro.end()
        clause = clause[intro.end() :]
    if comma_before_cue:  # "The leader, who has been in exile since 2019, said": set off
        parts = _PART_COMMA.split(clause)
        while len(parts) > 1 and _set_off(parts[-1], adjacent=False):
            parts.pop()
        clause = ", ".join(parts)
    # "Water was cut off after tests showed": a subordinate clause has its own subject.
    subordinate = _SUBORDINATOR.search(clause)
    if subordinate and _MAIN_CLAUSE_VERB.search(clause, 0, subordinate.start()):
        offset += subordinate.end()
        clause = clause[subordinate.end() :]
    and_clause = _CLAUSE_AND.search(clause)
    if and_clause and _FINITE_INSIDE.search(clause, 0, and_clause.start()):
        offset += and_clause.end()
        clause = clause[and_clause.end() :]
        intro = _INTRO_NO_COMMA.match(clause)  # "... and on Friday the government announced"
        if intro:
            offset += intro.end()
            clause = clause[intro.end() :]
    # The subject sits right before the verb: keep the last comma-separated part, and the
    # name before it when that part is an appositive ("Kalashnikov, a Russian lawmaker,").
    parts = _PART_COMMA.split(clause)
    adjacent = not comma_before_cue  # the last part runs into the verb, no comma between
    while len(parts) > 1 and _set_off(parts[-1], adjacent):
        parts.pop()  # "the ISIL, which is linked to Abu Sayyaf, claimed": the ISIL claimed
        clause = ", ".join(parts)
        adjacent = False
    if len(parts) > 1 and _RELATIVE_ONLY.fullmatch(parts[-1]):
        head = ", ".join(parts[:-1])
        antecedent = _NAME_AT_END.search(head)
        if (
            antecedent
            and parts[-1].strip() == "who"
            and _PLACE_BEFORE.search(head, 0, antecedent.start())
        ):
            antecedent = None  # "A doctor at the clinic in Hesk, who": a place says nothing
        if antecedent and antecedent.group().strip():
            start = offset + antecedent.start()
            return start, start + len(antecedent.group().rstrip())
        # "Given the US playbook, which claimed": the noun phrase before the comma, after the
        # last verb ("condemned by the IG Metall union, which called")
        last_part = parts[-2]
        if len(parts) > 2 and _REDUCED_RELATIVE_PART.match(last_part):
            # "a report by the Agency, published last month, which found": the participle
            # phrase is set off, the noun phrase before it is the antecedent
            head = ", ".join(parts[:-2])
            last_part = parts[-3]
        verbs = [
            *_VERB_BEFORE_OBJECT.finditer(last_part),
            *_IRREGULAR_PAST_AFTER.finditer(last_part),
        ]
        last_part = last_part[max((v.end() for v in verbs), default=0) :]
        bare_part = _LEADING_JUNK.sub("", last_part)
        words = bare_part.split()
        if words and words[0].lower() in _PREPOSITIONS | {"given"}:
            bare_part = bare_part[len(words[0]) :].lstrip()
        if not bare_part or _FINITE_INSIDE.search(bare_part) or len(bare_part.split()) > 8:
            return None
        start = offset + len(head) - len(bare_part)
        return start, start + len(bare_part)
    last = _LEADING_JUNK.sub("", parts[-1]).strip()
    keep, name_start = 1 + _name_list_start(parts), 0
    if keep == 1 and len(parts) > 1 and _is_appositive(last):
        named = len(parts) - 2
        while named > 0 and _set_off(parts[named], adjacent=False):
            named -= 1  # "Anna Berg, 34, a teacher, said": past the age
        found_start = _name_start(parts[named])
        if found_start is not None:
            keep, name_start = len(parts) - named, found_start
    head = ", ".join(parts[:-keep])
    if head or name_start:
        skip = len(head) + 2 if head else 0
        skip += name_start
        offset += skip
        clause = clause[skip:]
        stripped = _LEADING_JUNK.sub("", clause)
        offset += len(clause) - len(stripped)
        clause = stripped
    # "NDRRMC report on Saturday", "the leader on the air": what follows the subject goes.
    trailing = _TRAILING_PHRASE.search(clause)
    if trailing and trailing.start() > 0:
        clause = clause[: trailing.start()]
    clause = _noun_phrase(clause)
    pronoun = _PRONOUN_LAST.search(clause)
    if pronoun and pronoun.start() > 0:  # "who has studied what he calls": he calls
        offset += pronoun.start()
        clause = clause[pronoun.start() :]
    words = clause.split()
    if not words or len(words) > 18 or all(w.lower() in _AUX_WORDS for w in words):
        return None  # "first announced": no subject
    if _TIME_BEFORE_VERB.fullmatch(" " + clause):
        return None  # "and last year accused": a time, the subject is left out
    lead = len(clause) - len(clause.lstrip())
    return offset + lead, offset + len(clause)


# A past participle opening a phrase between commas: a reduced relative clause after a noun
# ("a report, published last month, which found"; Quirk et al. 1985, 17.30).
_REDUCED_RELATIVE_PART = re.compile(
    r"\s*(?:[a-z]{3,}ed|written|given|taken|shown|seen|made|held|released|issued)\s"
)
_RELATIVE_CLAUSE = re.compile(
    r"\s*(?:(?:which|who|whose|whom)\s+\S+\s+\S|"
    r"(?:many|some|most|all|none|several|one|two|both|each|few)\s+of\s+(?:whom|which)\b)"
)
# A phrase set off by commas between a subject and its verb ("The coach, in an interview with
# the Courier, said"; "A coalition, led by the Union, says"; "The minister, speaking to
# reporters, said"): a prepositional or participial phrase, never the subject itself.
_PARENTHETICAL = re.compile(
    r"\s*(?:(?:in|at|on|during|after|before|when|while|via|through|under|like|unlike|despite|"
    r"alongside|together)\s(?!(?:which|whom|whose)\b)|[a-z]+ing\s+(?:to|at|in|on|from|with|before|after|"
    r"during|for|about|outside|inside)\s|(?:[a-z]+ed|led|run|known|born|made|held)\s+(?:by|in|as|"
    r"from|for|at|on)\s|"
    # a time adverb alone between commas: "Brisko, the delivery firm, today announced"
    r"(?:today|yesterday|tonight|earlier|later|recently|previously|meanwhile|too|again)\s*$|"
    # a participle phrase: "Reuters, quoting a senior official, said"
    r"[a-z]{2,}ing\s|"
    # members named after the group: "Critics, including two lawmakers, argue"
    r"(?:including|such\s+as|among\s+them|notably|especially)\s|"
    r"\d{1,3}\s*$)"  # an age: "Mr Osk, 54, said"
)
# A single connective or sentence adverb before a comma opens the sentence, it is no subject
# ("Instead, the council said"; "Well, the marshal says").
_CONNECTIVE = re.compile(
    r"\s*(?i:instead|however|meanwhile|still|yet|now|well|indeed|separately|later|earlier|also|"
    r"moreover|furthermore|nevertheless|nonetheless|similarly|likewise|today|yesterday|overall|"
    r"finally|first|second|third|then|thus|therefore|so|again|besides|otherwise|elsewhere|yes|"
    r"no|ok|okay|but|and|in\s+turn|in\s+response|for\s+example|for\s+instance|[a-z]+ly)\s*"
)
_SUBORDINATOR = re.compile(
    r"\s(?:after|before|because|since|until|unless|once|when|whenever|while|whereas|although|"
    r"though|if)\s(?!.*\s(?:after|before|because|since|until|unless|once|when|whenever|while|"
    r"whereas|although|though|if)\s)"
)
# A finite verb of a main clause before the subordinator ("Water was cut off after ...");
# without one the word is a preposition inside the subject ("Residents after the storm").
_MAIN_CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can)\b")


_DAYS = "monday tuesday wednesday thursday friday saturday sunday weekend morning afternoon"
_TRAILING_PHRASE = re.compile(
    rf"\s(?:(?:on|during|at|in|over|late|early|last|this)\s+(?:the\s+)?"
    rf"(?i:{'|'.join((_DAYS + ' evening night day week air radio television').split())})\b|"
    r"in\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b|"
    r"(?:in|at|during|on)\s+(?:a|an|his|her|their|its)\s+|"
    r"(?:earlier|later|yesterday|today|tonight)\b)"
)


# The source after a cue runs to the next punctuation; an abbreviation ("U.S.") and a date's
# comma ("a March 14, 2019 NATO press release") do not end it.
_SOURCE_AFTER = re.compile(
    r"[ \t]*(?P<source>(?:the\s+|a\s+|an\s+)?(?:[^,.;:!?“”\"\n()]|(?<=\b[A-Z])\.|"
    r"(?<=\d),(?=\s\d{4}\b))"
    r"{1,120}?)(?=\s*(?:,(?!(?<=\d,)\s\d{4}\b)|\.(?<!\b[A-Z]\.)|[;:!?“”\"\n()]|\bthat\b|"
    r"\bwhose\b|\bwho\b|\bas\b|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b|\bbecause\b|$))",
    re.IGNORECASE,
)
# "said the El Paso mayor, Dee Margo": a name in apposition after the source joins it.
_NAME_APPOSITION = re.compile(
    rf",[ \t]+((?:[{_UPPER}][\w’'-]+[ \t]+){{1,3}}[{_UPPER}][\w’'-]+)(?=[,.;])"
)


_CREDIT_SOURCE = re.compile(r"[ \t]*([^\W\d_][\w&.’'-]*(?:[ \t]+[^\W\d_][\w&.’'-]*){0,4})")


# An outlet named in quotation marks right after the noun that says what it is: "the
# Telegram channel “Kelin heard”", "the blog 'Left Field'" (short, then the clause goes on).
_QUOTED_TITLE = re.compile(r"[ \t]*([“\"‘'][^“”\"‘’'\n]{1,40}[”\"’'])(?=[ \t]*(?:[,.;:!?)]|$))")
_TITLED_MEDIA_TEXT = """channel telegram-channel newspaper paper magazine programme program show
    blog page account group website site podcast column series"""
_TITLED_MEDIA = frozenset(_TITLED_MEDIA_TEXT.split())


# What ends a source noun phrase at its right edge wherever the source was found: a time
# adverbial ("The UN committee last year urged", "told by the council three years ago"; Quirk
# et al. 1985, 8.55: adverbials of time position) and the complement of a verb of accusing
# after its agent ("accused by rights groups of curbing"; Levin 1993, 33: judgement verbs).
_TRAILING_ADVERBIAL = re.compile(
    r"\s(?:(?:last|this|next|that)\s+(?:year|month|week|spring|summer|autumn|fall|winter)\b|"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|a\s+few)"
    r"\s+(?:years?|months?|weeks?|days?|decades?)\s+(?:ago|earlier|before)\b|"
    r"of\s+[a-z]+ing\b)"
)


def _without_trailing_adverbial(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The source span without a time adverbial or an accusation's complement at its end.

    Examples
    --------
    >>> text = "The watchdog last year urged reform."
    >>> text[slice(*_without_trailing_adverbial(text, (0, 26)))]
    'The watchdog'
    >>> text = "The Last Year Foundation said so."
    >>> text[slice(*_without_trailing_adverbial(text, (0, 24)))]
    'The Last Year Foundation'
    """
    trailing = _TRAILING_ADVERBIAL.search(text, span[0], span[1])
    if (
        trailing
        and trailing.start() > span[0]
        and not _PARTICIPLE_BEFORE.search(text, span[0], trailing.start())
    ):
        return span[0], trailing.start()
    return span


# A past participle that a time adverbial modifies inside the noun phrase ("a study published
# last year", "figures released on Monday"): a reduced relative clause, Quirk et al. 1985,
# 17.30; the time belongs to the participle, not to the verb of saying.
_PARTICIPLE_BEFORE = re.compile(
    r"\s(?:[a-z]{3,}ed|written|given|taken|shown|seen|made|held|done|begun|put)\s*$"
)


# "..., a charge Tervia denies": a noun naming a speech act, then an object relative clause
# whose relative pronoun is left out (a contact clause, Quirk et al. 1985, 17.15); the
# relative clause's subject denies, not the charge.
_CONTACT_RELATIVE = re.compile(
    r"(?i:a|an|the)\s+(?:charge|claim|accusation|allegation|assertion|account|version|"
    r"characteri[sz]ation|description|label)s?\s+(?:(?:that|which)\s+)?"
    r"(?=(?:the|his|her|their|its|our|my|[A-Z]\w*)\b)"  # a subject, not "the charge sheet"
)


def _contact_relative_subject(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """'a charge her government rejects' -> 'her government'; other spans unchanged.

    Examples
    --------
    >>> text = "He was accused of bribery, a charge the minister denies."
    >>> [a.source for a in extract_attributions(text) if a.cue == "denies"]
    ['the minister']
    >>> text = "The charge sheet says he fled."
    >>> [a.source for a in extract_attributions(text)]
    ['The charge sheet']
    """
    opening = _CONTACT_RELATIVE.match(text, span[0], span[1])
    if opening and opening.end() < span[1]:
        return opening.end(), span[1]
    return span


def _source_after(text: str, cue_end: int) -> tuple[int, int] | None:
    match = _SOURCE_AFTER.match(text, cue_end)
    if not match or not match.group("source").strip():
        return None
    start, end = match.span("source")
    trailing = _TRAILING_PHRASE.search(text, start, end)  # "the NDRRMC report on Saturday"
    after_noun = trailing and not _PARTICIPLE_BEFORE.search(text, start, trailing.start())
    if trailing and trailing.start() > start and after_noun:
        end = trailing.start()
    named = _NAME_APPOSITION.match(text, end)
    if named and not _ARTICLE_FIRST.match(named.group(1)):
        end = named.end(1)
    title = _QUOTED_TITLE.match(text, end)
    if title and lower_same_length(text[start:end].split()[-1]) in _TITLED_MEDIA:
        end = title.end(1)  # 'the Telegram channel “Kelin heard”': the outlet's name in quotes
    return start, end


def _speech_inverted(text: str, cue: _Cue) -> bool:
    """'…,” said Tokayev' or '– said the leader': the source comes after the verb."""
    before = text[max(0, cue.start - 6) : cue.start]
    after = text[cue.end : cue.end + 40]
    quote_before = _QUOTE_JUST_BEFORE.search(before)
    names_after = _NAME_AFTER.match(after)
    return bool(quote_before and names_after) and not _THAT_AFTER.match(after)


# --------------------------------------------------------------------------- direct quotes


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


# --------------------------------------------------------------------------- extraction

_AFTER_PREPOSITION = re.compile(r"\b(?:in|by|for|of|at|on|with|from|without|while)\s+$")
_OPENING_NAME = re.compile(r"\s*((?:The\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
# Nouns and names that end in -ly but are no adverbs ("family says"): -ly words not derived
# from adjectives (Quirk et al. 1985, 7.46, on adverbs in -ly).
_LY_NOUNS = "(?:family|ally|assembly|rally|supply|monopoly|anomaly|bully|july|italy)"
# A verb phrase coordinated with the one before shares its subject ("said ... and added",
# "welcomed it but warned"; coordination of predicates, Quirk et al. 1985, 13.41).
_FOLLOWS_PREVIOUS = re.compile(
    rf"\b(?:and|but)\s+(?:(?:later|also|then|again|(?!{_LY_NOUNS}\b)[a-z]+ly)\s+)?$"
)


_PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|been|being|be)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE
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


def cue_is_participle(cue: str) -> bool:
    """'citing', 'vowing', 'pointing out': a verb that borrows the subject of the main clause.

    Examples
    --------
    >>> cue_is_participle("pointing out"), cue_is_participle("according to")
    (True, False)
    """
    first = cue.lower().split(" ", 1)[0]
    return first.endswith("ing") and first != "according"


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


# A time adverbial or an adverb between a conjunction and its verb: "and last year accused".
_TIME_BEFORE_VERB = re.compile(
    r"(?:\s+(?:(?:last|this|next|that|the\s+same|the\s+following)\s+(?:year|month|week|day|"
    r"morning|evening|night|weekend|spring|summer|autumn|fall|winter)|yesterday|today|"
    rf"tonight|later|earlier|then|also|once|again|(?-i:(?!{_LY_NOUNS}\b)[a-z]+ly)))+\s*$",
    re.IGNORECASE,
)


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
_VERB_BEFORE_OBJECT = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|seen|saw|read|heard|found|got|made|"
    r"[a-z]{2,}ed)\s+"
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


# A by-phrase set off between a subject and its verb names who stands behind the subject
# ("The report, by the engineering firm Tallis & Webb, says"; "A coalition, led by the Water
# Alliance, claims"): the guide's spans keep it, as it says whose report or group speaks.
_AGENT_PHRASE = re.compile(
    r",[ \t]+(?:(?:led|run|backed|funded|commissioned|written|published|headed|chaired|"
    r"founded|organi[sz]ed)[ \t]+)?by[ \t]+[^,;:.!?“”\"\n()]{1,80}(?=,[ \t]*$)"
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


_QUESTION_TAG = re.compile(r"Q|A|Questions?|Answers?")
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


# --------------------------------------------------------------------------- who the source is

_PRONOUN_PERSON = frozenset(["he", "she", "him", "her", "his", "i"])
_PRONOUN_GROUP = frozenset(["they", "them", "their", "we", "it", "its"])
# Words of a title that come before a name ("Regional Governor Mujiv Hataman").
_TITLE_WORDS_TEXT = """president vice minister prime foreign defence defense interior
    secretary spokesman spokeswoman spokesperson ambassador governor regional mayor chief
    executive general commander lieutenant colonel major captain admiral sergeant officer
    senator representative rep congressman congresswoman judge justice prosecutor attorney
    u.s. us mr mrs ms dr sir lord lady king queen prince princess pope cardinal bishop sheikh
    chairman chairwoman chair director head deputy commissioner leader premier chancellor
    speaker professor prof. inspector superintendent police coast guard commandant
    opposition former acting interim state federal national senior"""
_TITLE_WORDS = frozenset(_TITLE_WORDS_TEXT.split())
# A capitalised word of a name: "Mujiv", "O'Brien", "Kassym-Jomart", an initial "J.", never a
# word that ends a sentence ("Trump. He").
_NAME_WORD = rf"[{_UPPER}](?:[\w’'-]*[\w’']|\.)?"
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:[ \t]+(?:(?:van|von|de|al|bin|da|di|del|le|la)"
                       rf"[ \t]+)?{_NAME_WORD})*")  # fmt: skip
_RESOLVE_WINDOW = 1500  # how far back a pronoun or a surname looks for who it names
_LOOK_BACK = 200  # how many earlier attributions a pronoun looks through for a named speaker


# The nouns that end a title before a name ("Foreign Ministry Spokeswoman Maria Zakharova").
_ROLE_HEADS_TEXT = """president minister secretary spokesman spokeswoman spokesperson ambassador
    governor mayor chief executive commander lieutenant colonel major captain admiral sergeant
    officer senator representative rep congressman congresswoman judge justice prosecutor
    attorney mr mrs ms dr sir lord lady king queen prince princess pope cardinal bishop sheikh
    chairman chairwoman chair director head deputy commissioner leader premier chancellor
    speaker professor prof. inspector superintendent commandant general envoy adviser advisor
    aide official lawmaker councillor councilor councilman councilwoman mp analyst economist
    researcher scientist lawyer activist candidate correspondent reporter editor founder
    ceo cfo coo manager"""
_ROLE_HEADS = frozenset(_ROLE_HEADS_TEXT.split())
# Role words that also open the names of firms ("General Motors"): one name word after them is
# not enough to make a person.
_ROLE_OR_FIRM = frozenset(["general", "major", "chief", "head", "executive", "justice"])
_NAME_PARTICLES = frozenset(["van", "von", "de", "der", "al", "bin", "da", "di", "del", "le", "la"])


def _name_after_role(mention: str) -> str:
    """The person's name after the title that ends a mention, or "" when there is none.

    A title ends with a role noun ("spokeswoman", "President"); what follows it, all in
    capitals, is the name. After "of" or "for" the body comes first, so the name is the last
    two words ("President of Russia Vladimir Putin").

    Examples
    --------
    >>> _name_after_role("Foreign Ministry Spokeswoman Maria Zakharova")
    'Maria Zakharova'
    >>> _name_after_role("Kremlin spokesman Dmitry Peskov"), _name_after_role("General Motors")
    ('Dmitry Peskov', '')
    >>> _name_after_role("Secretary of State for Defence Jane Alder"), _name_after_role("Kremlin")
    ('Jane Alder', '')
    >>> _name_after_role("a spokesperson for the Drivers' Union North")
    ''
    """
    words = mention.split()
    heads = [i for i, w in enumerate(words[:-1]) if w.lower().strip(",") in _ROLE_HEADS]
    if not heads:
        return ""
    role_end = heads[-1]
    rest = words[role_end + 1 :]
    after_body = bool(rest) and rest[0].lower() in ("of", "for")
    if after_body:
        rest = [w for w in rest[1:] if w.lower() not in ("the", "and", "of", "for")]
    names = [w for w in rest if w.lower() not in _NAME_PARTICLES]
    if not names or not all(w[0].isupper() and w[-1] not in ",;:" for w in names):
        return ""
    if after_body:
        # Only a title in capitals comes before a name ("President of Russia Vladimir Putin");
        # a role in lower case is a description ("a spokesperson for the Drivers' Union North").
        titled = words[role_end][:1].isupper()
        return " ".join(rest[-2:]) if len(rest) >= 3 and titled else ""
    if len(names) == 1 and words[role_end].lower() in _ROLE_OR_FIRM:
        return ""
    return " ".join(rest)


def _strip_title(name: str) -> str:
    """'Regional Governor Mujiv Hataman' -> 'Mujiv Hataman'; a bare title stays."""
    person = _name_after_role(name)
    if person:
        return person
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(",") in _TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


# Capitalised words that open a sentence or a phrase, not a name.
_LEADING_TEXT = """in on at by for from to of with after before during since the a an and but or as
    when while according this that these those his her their its our my"""
_LEADING_WORDS = frozenset(_LEADING_TEXT.split())


def _both_people(source: str) -> str:
    """'Prime Minister Ana Brnabić and President Aleksandar Vučić' -> 'Ana Brnabić and
    Aleksandar Vučić': two titled people stay two, each without the title; '' otherwise."""
    conjuncts = source.split(" and ")
    if len(conjuncts) != 2 or not all(c.strip()[:1].isupper() for c in conjuncts):
        return ""
    people = [_strip_title(c.strip()) for c in conjuncts]
    if not all(_NAME.fullmatch(person) for person in people):
        return ""
    return " and ".join(people)


def _person_of_body(bare: str, person: str) -> str:
    """'Dr Lena Ross of Avon University' -> 'Lena Ross': a person's name, then 'of' and the
    body they belong to (a titled person, or a body's word after 'of'); '' otherwise, as for
    'Bank of England' or 'United States of America'.

    Examples
    --------
    >>> _person_of_body("Dr Lena Ross of Avon University", "Lena Ross of Avon University")
    'Lena Ross'
    >>> _person_of_body("Central Bank of Russia", "Central Bank of Russia")
    ''
    """
    name, of, body = person.partition(" of ")
    if not of or not _NAME.fullmatch(name) or len(name.split()) > 3:
        return ""
    if any(word.lower() in _KIND_OF_WORD for word in name.split()):
        return ""
    titled = person != bare
    return name if titled or _source_kinds(body) & {"organisation", "media"} else ""


def _named_part(source: str) -> str:
    """The part of a source that names it: 'Leonid Kalashnikov, a Russian lawmaker' ->
    'Leonid Kalashnikov'; 'the El Paso mayor, Dee Margo' -> 'Dee Margo'."""
    parts = [p.strip() for p in _PART_COMMA.split(source) if p.strip()]
    if len(parts) > 1 and _name_list_start(parts) == len(parts) - 1:
        return source  # "Institute of Epidemiology, Disease Control and Research": one name
    for part in parts:
        bare = _ARTICLE_FIRST.sub("", part, count=1).strip()
        if not bare or not (bare[0].isupper() or _name_after_role(bare)):
            continue  # "local councillor Dimitar Kolev": a title in lower case, then a name
        both = _both_people(bare)
        if both:
            return both
        person = _strip_title(bare)
        if not _NAME.fullmatch(person):
            person = _person_of_body(bare, person)
            if person:
                return person  # "Marcus Dole of Brennhall University": a name, then a body
            continue
        if person != bare:
            kinds = _source_kinds(bare)
            if "title" not in kinds and kinds & {"organisation", "media"}:
                continue  # "the US Geological Survey": a body, no title to take off
        return person
    # "the victims' mother, Anwar": a description, then a one-word name
    for part in parts[1:]:
        if _SURNAME.fullmatch(part) and part.lower() not in _KIND_OF_WORD:
            return part
    if len(parts) > 1 and all(_AGENT_PHRASE.match(", " + part + ",") for part in parts[1:]):
        return source  # "The report, by the firm Tallis & Webb": whose report it is
    return parts[0] if parts else source


def resolve_source(text: str, found: Attribution, earlier: list[Attribution]) -> str:
    """Who a source is: a pronoun resolved to the last named speaker, a surname to the full
    name given earlier, an appositive or a title left out.

    Parameters
    ----------
    text : str
        The whole text.
    found : Attribution
        The attribution whose source is resolved.
    earlier : list of Attribution
        The attributions before it, already resolved.

    Examples
    --------
    >>> text = "Kassym-Jomart Tokayev, the president, said order was restored. He added: “Calm.”"
    >>> [a.source_name for a in extract_attributions(text)]
    ['Kassym-Jomart Tokayev', 'Kassym-Jomart Tokayev']
    >>> text = "Josh Bash led the case. Bash said it was terrorism."
    >>> extract_attributions(text)[0].source_name
    'Josh Bash'
    """
    source = found.source.strip()
    if not source:
        return ""
    word = source.lower()
    window_start = max(0, found.cue_start - _RESOLVE_WINDOW)
    if word in _PRONOUN_PERSON:
        return _last_person(text, window_start, found, earlier) or source
    if word in _PRONOUN_GROUP:
        return _last_group(found, earlier, word) or source
    body = _named_body(text, window_start, found.cue_start, source)
    if body:
        return body
    name = _named_part(source)
    surname = _strip_title(name)
    if " " not in surname and _SURNAME.fullmatch(surname):
        full = _full_name(text, window_start, found.cue_start, surname, titled=name != surname)
        if not full and surname.isupper() and len(surname) > 1:
            # "PUTIN:" in a transcript's tag: the header names "Vladimir Putin"
            full = _full_name(text, window_start, found.cue_start, surname.title())
        if full:
            return full
        if _name_after_role(name):
            return surname  # "Foreign Minister Lavrov" with no full name before: "Lavrov"
    return name


_DEFINITE_BODY = re.compile(r"(?i:the)[ \t]+([a-z]+)")
# Nouns that end the names of public bodies ("the Harbour Safety Agency"), so that the noun
# alone takes the name up again; not the generic ones a body is also called by whatever its
# name ("the organisation", "the group", "the company").
_BODY_HEADS_TEXT = """agency ministry council committee commission court tribunal university bureau
    authority service department institute foundation union party board inspectorate"""
_BODY_HEADS = frozenset(_BODY_HEADS_TEXT.split())


def _named_body(text: str, start: int, end: int, source: str) -> str:
    """The body a definite description names: 'the agency' after 'the National Disaster
    Management Agency' is that agency (a definite noun phrase takes up the latest name whose
    head it repeats: anaphora by repetition of the head, Halliday and Hasan 1976, 6.1);
    '' when no name before ends with the noun.

    Examples
    --------
    >>> text = "The Harbour Safety Agency said on Monday ... The agency said"
    >>> _named_body(text, 0, 50, "The agency")
    'Harbour Safety Agency'
    >>> _named_body(text, 0, 50, "The harbour"), _named_body(text, 0, 50, "The minister")
    ('', '')
    """
    definite = _DEFINITE_BODY.fullmatch(source)
    if not definite or definite.group(1) not in _BODY_HEADS:
        return ""
    head = definite.group(1).capitalize()
    position = text.rfind(head, start, end)
    while position > start:
        after = position + len(head)
        if after >= len(text) or not text[after].isalnum():
            words = _NAME_WORDS_BEFORE.search(text, max(start, position - 80), position)
            if words:
                name = words.group() + head
                first = name.split()[0]
                return name[len(first) + 1 :] if first.lower() == "the" else name
        position = text.rfind(head, start, position)
    return ""


def _last_person(text: str, start: int, found: Attribution, earlier: list[Attribution]) -> str:
    """The person a personal pronoun stands for: the same pronoun's person again, else the
    latest person who was a subject or a speaker, else the latest person named at all.

    A pronoun prefers the subject of an earlier clause to a name in an object or a
    prepositional phrase (salience in pronoun resolution: Lappin and Leass 1994; centering:
    Grosz, Joshi and Weinstein 1995); a name followed by the other gender's pronouns is
    left out. Names inside quotation marks (a nickname) name nobody who speaks.
    """
    pronoun = found.source.strip().lower()
    # The pronoun's own words do not count as evidence of a name's gender.
    end = found.source_start if found.source_start is not None else found.cue_start
    window = _QUOTED.sub(lambda m: " " * len(m.group()), text[start:end])
    for previous in reversed(earlier[-_LOOK_BACK:]):
        if found.cue_start - previous.cue_end > _PRONOUN_CHAIN:
            break
        said = previous.source.strip().lower()
        if said == pronoun and previous.source_name.lower() != pronoun:
            # "She spoke ... She asked": the same person again, unless another person of
            # fitting gender became the subject in between ("Berzins defended it. He said")
            since = max(0, previous.cue_end - start)
            between = [
                m
                for m in _person_mentions(window[since:], earlier)
                if m.name != previous.source_name
                and _is_subject(window, since + m.start, since + m.end)
                and not _other_gender(window, since + m.end, pronoun)
            ]
            if between:
                break
            return previous.source_name
        if (
            previous.source_type == "named_person"
            and said not in _PRONOUNS_ALL
            and previous.source_end is not None
            and not _other_gender(window, previous.source_end - start, pronoun)
        ):
            break  # "He denied it. Waseem said ... He added": another person spoke between
    # In a transcript a speaker says "I" of themselves: "he" or "she" in their turn is
    # someone else.
    speaker = _turn_speaker(text, found, earlier)
    if pronoun in ("i", "me"):
        if speaker:
            return speaker  # "MAYOR OKAFOR: ... I announced it"
    elif speaker and speaker.lower() in _PRONOUNS_ALL:
        speaker = ""
    mentions = _person_mentions(window, earlier)
    # A speaker is a subject; looking back a bounded number of attributions keeps the time
    # linear in the length of the text.
    if pronoun in ("i", "me"):
        speaker = ""  # outside a turn, "I" is the latest speaker as before
    for previous in reversed(earlier[-_LOOK_BACK:]):
        name = previous.source_name
        if speaker and name == speaker:
            continue
        if previous.source_type == "named_person" and name and name.lower() not in _PRONOUNS_ALL:
            mentions.append(
                _Mention(previous.cue_end - start, previous.cue_end - start, name, True)
            )
            break
    mentions = [m for m in mentions if not speaker or m.name != speaker]
    latest_first = sorted(mentions, key=lambda m: m.end, reverse=True)

    def subject(mention: _Mention) -> bool:
        return mention.speaker or _is_subject(window, mention.start, mention.end)

    def alone(mention: _Mention) -> bool:
        # "Dan Kell and Rudi Morrow had beaten": one of two people joined by "and" is part
        # of a plural, which a singular pronoun does not take up
        if mention.speaker:
            return " and " not in mention.name  # "Lena Ruiz and Maria Tal said": two people
        return not (
            _AND_BEFORE.search(window, max(0, mention.start - 40), mention.start)
            or _AND_NAME_AFTER.match(window, mention.end)
        )

    # A subject whose gender fits, anyone whose gender fits, then (the gender evidence is only
    # the pronouns near a name, which may stand for someone else) the latest subject. Each
    # test runs only on the candidates tried, latest first.
    for mention in latest_first:
        if subject(mention) and alone(mention) and not _other_gender(window, mention.end, pronoun):
            return mention.name
    for mention in latest_first:
        if alone(mention) and not _other_gender(window, mention.end, pronoun):
            return mention.name
    first_subject = next((m for m in latest_first if subject(m)), None)
    return (first_subject or latest_first[0]).name if latest_first else ""


_PRONOUNS_ALL = _PRONOUN_PERSON | {"she", "me", "they", "we", "it"}
_AND_BEFORE = re.compile(rf"[{_UPPER}][\w’'-]*[ \t]+and[ \t]+(?:[{_UPPER}][\w’'-]*[ \t]+){{0,2}}$")
_AND_NAME_AFTER = re.compile(rf"[ \t]+and[ \t]+[{_UPPER}]")


def _turn_speaker(text: str, found: Attribution, earlier: list[Attribution]) -> str:
    """Who speaks the transcript turn that holds ``found`` ("MAYOR OKAFOR: ... He said"):
    the latest speaker tag on the same line, or ""."""
    for previous in reversed(earlier[-_LOOK_BACK:]):
        if "\n" in text[previous.cue_end : found.cue_start]:
            return ""
        if previous.cue.rstrip().endswith(":") and previous.source_start == previous.cue_start:
            return previous.source_name  # a tag: its source is its own text
    return ""


@dataclass(frozen=True)
class _Mention:
    """A person named in the text: where the mention starts and ends, the full name, and
    whether a speaker's attribution names them (a speaker is a subject)."""

    start: int
    end: int
    name: str
    speaker: bool = False


# A mention is a subject when it opens a sentence, or when a verb follows it (after an
# appositive between commas or a bracket): "Qawi was later accused", "Ann Lee, a nurse, said",
# "The governor, Tom Brenner, met". Past tenses of common irregular verbs (the list of any
# English grammar) and any word after a closing comma that is no preposition or conjunction.
_IRREGULAR_PAST_TEXT = """said told met went came took gave made left won lost held led sent spent
    paid fled found saw knew thought wrote spoke broke chose drove rose fell struck stood sat ran
    began brought bought sold caught fought sought taught built kept meant felt heard put set cut
    wept swore threw grew drew flew hid shook woke wore tore rode forgave forgot fed dealt hung"""
_IRREGULAR_PAST = re.compile(rf"\s(?:{'|'.join(_IRREGULAR_PAST_TEXT.split())})\b")
_IRREGULAR_PAST_AFTER = re.compile(rf"\b(?:{'|'.join(_IRREGULAR_PAST_TEXT.split())})\s+")
# A verb phrase, not a noun phrase: "spoke at the rally", "also wept".
_VERB_FIRST = re.compile(
    rf"(?:(?:[a-z]+ly|also|then|later)\s+)*(?:is|are|was|were|has|have|had|[a-z]{{2,}}ed|"
    rf"{'|'.join(_IRREGULAR_PAST_TEXT.split())})\b"
)
_JOINERS_TEXT = """and or but nor who whom whose which that the a an his her their its this
    these those"""
_NOT_A_VERB_AFTER_COMMA = _PREPOSITIONS | frozenset(_JOINERS_TEXT.split())
_NOT_A_VERB = "|".join(sorted(_NOT_A_VERB_AFTER_COMMA))
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?][”\"’]?\s+|\n\s*)$")
_VERB_NEXT = re.compile(
    # after an appositive between commas, any word that joins nothing: "NAME, a nurse, wept"
    rf"(?P<apposition>,[^,.;:!?\n]{{1,80}}),\s+(?:(?:[a-z]+ly|also|later|then|still|again)\s+)?"
    rf"(?!(?:{_NOT_A_VERB})\b)[a-z]{{2,}}\b|"
    r"(?:\s*\([^()\n]{1,40}\))?,?\s+(?:[a-z]+ly\s+)?(?:is|are|was|were|has|"
    rf"had|have|will|would|could|can|did|does|{'|'.join(_IRREGULAR_PAST_TEXT.split())}|"
    r"[a-z]{2,}ed|[a-z]{2,}[^s\W]s)\b"
    rf"|,\s+(?!(?:{_NOT_A_VERB})\b)[a-z]{{2,}}\b"
)


def _person_mentions(window: str, earlier: list[Attribution]) -> list[_Mention]:
    """Every person named in ``window``: full names, and a surname alone when a full name
    ending with it came before ("Abdul Qawi ... Qawi was accused")."""
    mentions, full_names = [], {}
    for previous in earlier[-_LOOK_BACK:]:
        if previous.source_type == "named_person" and " " in previous.source_name.strip():
            full_names[previous.source_name.split()[-1]] = previous.source_name
    for run_start, end, name in _person_runs(window):
        full_names[name.split()[-1]] = name
        mentions.append(_Mention(run_start, end, name))
    for surname, full in full_names.items():
        start = window.find(surname)
        while start != -1:
            end = start + len(surname)
            if _WORD_ALONE.match(window, end) and (start == 0 or not window[start - 1].isalnum()):
                mentions.append(_Mention(start, end, full))
            start = window.find(surname, end)
    return mentions


_WORD_ALONE = re.compile(r"(?:[’']s)?(?![\w’'-])")  # "Qawi", "Qawi's"; not "Qawiyya"


def _is_subject(window: str, start: int, end: int) -> bool:
    before = max(0, start - 6)  # a sentence end and its spaces
    return bool(_SENTENCE_OPEN.search(window, before, start) or _VERB_NEXT.match(window, end))


def _person_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each run of capitalised words that may name a person."""
    runs = []
    excluded = _KIND_OF_WORD.keys() | _PRONOUN_PERSON | _PRONOUN_GROUP
    for match in _NAME_RUN.finditer(text):
        words = match.group().split()
        while words and (  # "In Almaty", "Kazakhstan Kassym-Jomart Tokayev": not the name
            words[0].lower() in _TITLE_WORDS
            or words[0].lower() in _KIND_OF_WORD
            or words[0].lower() in _LEADING_WORDS
        ):
            words = words[1:]
        if len(words) < 2 or any(w.lower() in excluded for w in words):
            continue  # one word, or an organisation, a medium, a place ("Interior Ministry")
        runs.append((match.start(), match.end(), " ".join(words)))
    return runs


_PRONOUN_CHAIN = 400  # how far back the same pronoun still names the same person


_MALE = re.compile(r"\b(?:he|his|him|himself|mr)\b", re.IGNORECASE)
_FEMALE = re.compile(r"\b(?:she|her|hers|herself|mrs|ms)\b", re.IGNORECASE)


def _other_gender(window: str, end: int, pronoun: str) -> bool:
    """Do the pronouns right after a name show it is not the one ``pronoun`` stands for?"""
    after = window[end : end + 200]
    male, female = len(_MALE.findall(after)), len(_FEMALE.findall(after))
    if pronoun in ("she", "her"):
        return male > female
    return female > male


_QUOTED = re.compile(r"[“\"][^“”\"\n]{0,400}[”\"]")


def _last_group(found: Attribution, earlier: list[Attribution], pronoun: str) -> str:
    """'they', 'it': the last organisation or group that spoke before."""
    kinds = ("named_organisation", "vague", "document", "named_media")
    for previous in reversed(earlier):
        if found.cue_start - previous.cue_end > _RESOLVE_WINDOW:
            break
        name = previous.source_name
        if previous.source_type in kinds and name and name.lower() not in _PRONOUN_GROUP:
            return name
    return ""


_NAME_WORDS_BEFORE = re.compile(rf"(?:{_NAME_WORD}[ \t]+){{1,3}}$")


def _full_name(text: str, start: int, end: int, surname: str, titled: bool = True) -> str:
    """The first full name before ``end`` that ends with ``surname`` ('Josh Bash'); with a
    title ('Dr Meerjady'), one that starts with it ('Meerjady Sabrina Flora'). A single word
    with no title may be a body ('Tesco'), which words after it do not extend ('Tesco
    Polska' is another body): English names a person by the surname, the last word.

    Examples
    --------
    >>> text = "Tesco Polska cut jobs. Tesco said"
    >>> _full_name(text, 0, 29, "Tesco", titled=False), _full_name(text, 0, 29, "Tesco")
    ('', 'Tesco Polska')
    """
    # Each occurrence of the surname, then the name words right before it: str.find first
    # keeps this fast on long windows.
    position = text.find(surname, start, end)
    while position != -1:
        after = position + len(surname)
        if after >= len(text) or not (text[after].isalnum() or text[after] == "_"):
            words = _NAME_WORDS_BEFORE.search(text, max(start, position - 80), position)
            if words and words.group().split()[0].lower() in _LEADING_WORDS:
                words = None  # "The Hesk Front": an article, not a first name
            if words:
                name = _strip_title(words.group() + surname)
                if " " in name and not any(w.lower() in _KIND_OF_WORD for w in name.split()[:-1]):
                    return name
        position = text.find(surname, after, end)
    if not titled:
        return ""
    # "Dr Meerjady" after "Dr Meerjady Sabrina Flora": a first name, then the rest
    after = re.compile(rf"\b{re.escape(surname)}((?:[ \t]+{_NAME_WORD}){{1,2}})")
    for match in after.finditer(text, start, end):
        rest = match.group(1).split()
        if not any(w.lower() in _KIND_OF_WORD or w.lower() in _LEADING_WORDS for w in rest):
            return f"{surname} {' '.join(rest)}"
    return ""
