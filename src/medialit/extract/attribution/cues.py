"""The cue: the verb or phrase that marks an attribution.

``CUE_RULES`` lists them, one readable regular expression each: the reporting verbs of English
(``said``, ``told``, ``stated``, ``vowed``, ``accused``, ``described``..., every form, in
``_REPORTING_VERB_TEXT``), phrases of saying (``called for``, ``pointed out``, ``was quoted as
saying``, ``claimed responsibility``, ``issued a statement``, ``expressed concern``), phrases that
put the source after the cue (``according to``, ``quoted by``), vague cues with no source at all
(``reportedly``, ``Reports have surfaced``, ``are said to``, ``it was intimated``, ``by early
reports``), passive evidence (``were recorded``, ``were spotted``), social media (``posted to
Twitter``, ``tweeted``, ``posted:``), evidence that shows (``videos show``, ``the study
suggests``), verbs of belief and expectation with a subject and a clause (``Police believe the
fire was set``, ``Analysts expect the bank to act``), court decisions (``ruled against``),
picture credits (``© AFP``, ``via Twitter``), agency datelines (``LAGOS, May 3 (Northwire)
—``), the speaker tags of transcripts (``Q:``, ``MAYOR OKAFOR:``, ``Kremlin spokesman:``, and a
one-word name such as ``Tokayev:`` where other turns show the text is a transcript) and the
credit line under a block quotation (``– harbour pilot, Coast Radio``). The rules are tried
only around trigger words (``_SCANNER``; see ``medialit.extract.scanning``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from medialit.extract.attribution.words import (
    _IRREGULAR_PAST_ALT,
    _KIND_OF_WORD,
    _NAME_LINKS,
    _PASSIVE_BEFORE,
    _PLATFORMS,
    _QUESTION_TAG,
    _TITLE_WORDS,
)
from medialit.extract.scanning import RuleMatch, TriggeredScanner, combine_rules, trie_pattern
from medialit.extract.text_index import TextIndex

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
_EVIDENCE += r"figures|statistics|polls?|surveys?|tweets?|messages?|reports?|"
# Documents and research that a text cites as showing something (the guide's documents and
# evidence as a source; PARC's evidence cues): "the research shows", "a leaked email shows".
_EVIDENCE += r"research|evidence|autops(?:y|ies)|post-mortems?|scans?|e-?mails?|memos?|letters?|"
_EVIDENCE += r"files|papers?|audits?|reviews?|experiments?|trials?|models?|projections?)"
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
    ask=asked,asks,asking  demand=demanded,demanding  slam=slammed,slams,slamming  lambast
    decry=decried,decries
    believe=believes  view=views  estimate=estimate,estimated,estimates  identify=identified
    inform=informed  brief=briefed  underline=underlined  underscore=underscored  dispute=disputed
    refute=refuted  denounce  deplore  hail=hailed  welcome=welcomed  applaud=applauded
    request=requested  recommend=recommend,recommended,recommends,recommending  advise=advised
    appeal=appealed  plead=pleaded
    reassure  caution=cautioned  speculate=speculated  contend=contended  clarify=clarified
    portray=portrayed  label=labelled,labeled  term=termed  proclaim  affirm  reaffirm
    echo=echoed  disagree=disagreed  nickname=nicknamed  rule=ruled,rules,ruling  find=found
    """
# The bare forms the lists above leave out, of the verbs that are no nouns: they report after
# a modal or "to" ("was quick to deny", "went on to admit", "Ministers deny ..."); the bare-form
# checks of ``_keep_cue`` apply to them as to "say".
_REPORTING_VERB_TEXT += """
    deny=deny  admit=admit  respond=respond  maintain=maintain  observe=observe
    propose=propose  ask=ask  decry=decry  refute=refute  applaud=applaud  advise=advise
    plead=plead  speculate=speculate  contend=contend  clarify=clarify  portray=portray
    disagree=disagree  inform=inform  identify=identify  underline=underline  add=add
    """
# The present tense of verbs of saying that take a that-clause and whose -s form is no noun
# (Levin 1993, 37.7 say verbs; news style reports standing positions in the present: "Her
# lawyer maintains that she is innocent", "The study's author contends ..."). The -s forms that
# are also plural nouns ("questions", "disputes", "estimates", "answers") stay out.
_REPORTING_VERB_TEXT += """
    maintain=maintains  observe=observes  contend=contends  clarify=clarifies
    speculate=speculates  propose=proposes  refute=refutes  respond=responds
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
    remind=reminded  order=ordered,ordering,orders  instruct=instructed,instructing
    direct=directed,directing  threaten=threatened
    offer=offered  charge=charged  indicate=indicated  signal=signalled,signaled
    project=projected  calculate=calculated  decide=decided
    determine=determined  hold=held  imply=implied  insinuate=insinuated  depict=depicted
    accept=accepted,accepts  recognise=recognised,recognises  recognize=recognized,recognizes
    paint=painted  frame=framed  email=emailed  text=texted  message=messaged
    radio=radioed  cable=cabled  fax=faxed  telegraph=telegraphed  phone=phoned
    shout=shouted  yell=yelled  scream=screamed  whisper=whispered  mutter=muttered
    murmur=murmured  mumble=mumbled  snap=snapped  snarl=snarled  growl=growled
    bellow=bellowed  roar=roared  hiss=hissed  fume=fumed  rage=raged  cry=cried  sob=sobbed
    sigh=sighed  gasp=gasped  laugh=laughed  chuckle=chuckled  scoff=scoffed  sneer=sneered
    stammer=stammered  stutter=stuttered  chant=chanted  plead=pleaded,pleads,pleading
    quote=quoted  thank=thanked  congratulate=congratulated,congratulates
    compliment=complimented  forecast=forecast,forecasts,forecasted
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

# Verbs of belief, fear and expectation: Levin (1993) conjecture verbs (29.4, 29.5: believe,
# suspect, think, doubt), verbs of psychological state (31.2: fear, worry, hope) and the
# "thinking" cues of the PARC attribution corpus (Pareti 2016). With a subject other than the
# writer and a clause for object they report a position someone holds ("Police believe the fire
# was started deliberately"); ``_holds_a_position`` checks both.
_BELIEF_VERB_TEXT = """believe believed believes think thinks thought suspect suspects suspected
    fear fears feared doubt doubts doubted worry worries worried hope hopes hoped
    expect expected anticipate anticipates anticipated
    want wants plan plans"""
_BELIEF_VERBS = _BELIEF_VERB_TEXT.split()
# Verbs of desire and intention (Levin 1993, 32.1 "want" verbs; "plan", an intention verb that
# takes an infinitive, Quirk et al. 1985, 16.38): a body or group stating what it wants
# ("The union wants the closures suspended", "Lawyers for the families plan to appeal") holds
# a position it has made known, as the guide's "What counts" has it for stated aims.
_VOLITION_VERBS = frozenset(["want", "wants", "plan", "plans"])
# Expectation verbs take a subject and an infinitive ("Analysts expect the bank to raise rates").
_EXPECTATION_VERBS = frozenset(["expect", "expected", "anticipate", "anticipates", "anticipated"])
# Characterising verbs (Levin 29.2: see, regard, view, consider ... as): a stated view
# with an "as" label ("Many farmers see the lease as a lifeline").
_CHARACTERISE_VERB_TEXT = "see sees regard regards regarded"
_CHARACTERISE_VERBS = _CHARACTERISE_VERB_TEXT.split()

# The notes transcripts put after a speaker's name: interpretation, the language, an inaudible
# or overlapping passage ("PUTIN (via interpreter):", "Q (inaudible):"). Lower case, as the rules.
_TRANSCRIBER_NOTE = (
    r"\((?:(?:via|through|as)[ \t]+(?:an[ \t]+)?interpret\w*|interpreted|translated|"
    r"in[ \t]+[a-z]+|inaudible|off[ -]?mic(?:rophone)?|continuing|cont[’']?d|crosstalk|"
    r"laughs|laughter|speaking[ \t]+[a-z]+)\)"
)

# What a transcript may put before a speaker's name: a time stamp ("[00:12:03]", "(12:03)",
# "00:12:03"), a dash ("— Ann Harper:") or chevrons (">> HOST:"). Not part of the cue.
_TAG_PREFIX = (
    r"(?:[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])][ \t]*|\d{1,2}:\d{2}(?::\d{2})?[ \t]+|[–—][ \t]*|"
    # the two chevrons of broadcast transcripts (">> ANDERSON COOPER:")
    r">>[ \t]*)"
)
# Who a speaker is, in brackets after the name: a caller's name and town, a member's party
# ("CALLER (Jim, Leeds):", "Ann Harper (Labour):"). A tag with one is kept only in a transcript.
_TAG_DESCRIPTION = r"\([^()\n:]{1,40}\)"
# A figure after "to" or "at" within a few words: "raised the toll to 31", "to around 40".
_FIGURE_AT = (
    r"(?:(?:about|around|some|nearly|over|at\s+least|more\s+than|roughly|almost|up\s+to|"
    r"just\s+over|just\s+under|under|fewer\s+than|less\s+than|below|close\s+to|"
    r"upwards\s+of)\s+)?(?:[£$€]?\d|(?:two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|a\s+dozen|dozens|hundreds)\b)"
)
_FIGURE_NEXT = re.compile(rf"\s+{_FIGURE_AT}")
_FIGURE_AFTER = rf"(?:\s+[^\s.;:!?]+){{0,6}}?\s+(?:to|at)\s+{_FIGURE_AT}"

# Each cue rule: (name, where the source is, pattern). Where: "before" the cue, "after"
# it, or "none" (the cue itself is vague). Patterns are lower case: they run on a
# lower-cased copy of the text. At one position the rule listed first wins.
CUE_RULES: list[tuple[str, str, str]] = [
    # A speaker's tag opening a turn of a transcript: "Q:", "MAYOR OKAFOR:", "Vladimir Putin:".
    # The patterns run on lower case; ``_keep_cue`` checks the capitals in the original.
    ("speaker_tag", "tag",
     # No verb of saying before the colon: "Chief Inspector Ann Reed said:" is the verb's cue,
     # and "One fan posted:" the post's.
     # A colon near the line start is looked for first: most lines (paragraphs) have none, and
     # are left before the verbs are sought along them.
     r"(?:(?<=\n)|^)(?=[^:\n]{0,160}:)"
     # a time stamp or a dash before the name: "[00:12:03] HOST:", "— Ann Harper:"
     rf"[ \t]*{_TAG_PREFIX}?(?![^:\n]*\b(?:{trie_pattern([*_UNAMBIGUOUS_VERBS, 'posted'])})\b)"
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
    # ... and before a measure with its figure ("with reported magnitude 6.3", "a reported
    # 6.3-magnitude quake", "the reported death toll of 40"): the participle as a hedge on it.
    ("reported_figure", "none",
     r"(?<=\ba\s)reported(?=\s+[£$€¥]?\d)|"
     r"(?:(?<=\ba\s)|(?<=\ban\s)|(?<=\bthe\s)|(?<=\bwith\s)|(?<=\bits\s)|(?<=\btheir\s))reported"
     r"(?=\s+(?:[a-z-]+\s+){1,2}(?:of\s+)?(?:about\s+|around\s+|some\s+)?"
     r"(?!(?:19|20)\d\d\b)[£$€¥]?\d)"),
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
    # "are said to", and its reduced passive without the "be" ("with sales expected to cover
    # the cost", "a man believed to be the leader"; ``_keep_cue`` wants a noun before it).
    # The passive with "to" of verbs of saying and of belief (Quirk et al. 1985, 16.50: "He is
    # said to be ill", "Some 300 are estimated to have died", "is feared to have drowned").
    ("said_to", "none",
     rf"\b(?:{_BE}\s+(?:said|reported|believed|thought|understood|rumou?red|alleged|expected|"
     r"estimated|feared|suspected|predicted|forecast|projected|claimed|reckoned)|"
     r"(?:expected|believed|thought|understood|rumou?red|feared|estimated))\s+to\b"),
    # ... and the passive with an extraposed clause, "it" standing for it (Quirk et al. 1985,
    # 16.35: "It is thought that the fire began in the kitchen", "It is hoped the road will
    # reopen"): verbs of saying and of belief, not before "to" ("it is expected to rain" is
    # the hedge above or weather).
    ("became_known", "none",
     r"\bit\s+(?:became|has\s+become|is|was|has\s+been|had\s+been)\s+(?:(?:widely|now|also|"
     r"generally)\s+)?(?:known|reported|intimated|announced|confirmed|rumou?red|alleged|claimed|"
     r"understood|believed|feared|(?:thought|hoped|expected|assumed|suspected|estimated|"
     r"predicted|said|suggested|argued|stated|agreed)(?!\s+(?:to|by|of|for)\b))\b"),
    ("presumed", "none",
     rf"\b{_BE}\s+(?:presumed|feared|deemed|considered|widely\s+(?:called|seen|regarded))\b"
     r"(?!\s+by\b)"),
    ("passive_evidence", "none",
     rf"\b{_BE}\s+(?:[a-z]+ly\s+|later\s+|also\s+)?(?:recorded|voiced|documented|filmed|alleged|accused|"
     r"claimed|rumou?red|spotted|snapped|photographed|overheard|forecast)\b"),
    ("placing_figure", "before",
     r"\b(?:placing|placed|places|putting|puts|put)\s+the\s+(?:[\w-]+\s+)?(?:figure|number|"
     r"toll|count|estimate|tally|total)\b|"
     # "put" in its sense of estimating, "put ... at" a figure, as general dictionaries give
     # it ("Organisers put the crowd at 20,000", "The commission put turnout at 61%"; the
     # same act as the rule's "put the number at" above): the size of something counted or
     # costed
     r"\b(?:placing|placed|places|putting|puts|put)\s+(?:(?:the|its|their|his|her)\s+)?"
     r"(?:[\w-]+\s+)?(?:crowd|turnout|attendance|cost|costs|damage|losses|bill|size|value)\b"
     rf"(?:\s+of\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?\s+at(?=\s+{_FIGURE_AT})|"
     # the same act in a relative clause, its object the noun before ("the fine, which the
     # regulator puts at £2 million"; English leaves a gap for the relative's object): "put"
     # with "at" and a figure right after it; the passive ("was put at", no agent) is left out
     r"(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )(?<!\bbeing )"
     rf"\bput(?:s|ting)?\s+at(?=\s+{_FIGURE_AT})|"
     # "gave the death toll as 32": the same act with "as"
     r"\b(?:gave|gives|giving|give)\s+the\s+(?:[\w-]+\s+)?(?:figure|number|toll|count|"
     r"estimate|tally|total)(?=\s+as\s+(?:(?:about|around|some|nearly|over|at\s+least|"
     r"more\s+than)\s+)?[£$€]?\d)"),
    # Revising a reported figure, the way news reports a toll that changes ("The ministry later
    # raised the death toll to 31", "officials lowered their estimate to 40", "The governor put
    # it at 16"): a source states the new figure. Only nouns that name a reported figure (a toll,
    # a tally, an estimate, a count, the number of dead), and only with the figure after
    # "to"/"at", so "raised rates to 5%" and "raised the flag" stay out.
    ("revised_figure", "before",
     r"\b(?:rais|increas|lower|revis|updat|reduc|adjust|downgrad|upgrad)(?:ed|es|ing)\s+"
     r"(?:the|its|their|his|her|an?|our)\s+(?:(?:[\w-]+\s+){0,2}?(?:toll|tally|estimate|count)s?|"
     r"(?:casualty|death|injury|fatality|victim)\s+(?:figures?|numbers?)|number\s+of\s+"
     r"(?:the\s+)?(?:dead|deaths|casualties|victims|injured|fatalities|missing|people\s+"
     r"(?:killed|dead|injured|missing)))\b"
     rf"(?={_FIGURE_AFTER})|"
     rf"\bput(?:s|ting)?\s+(?:it|them)(?=\s+at\s+{_FIGURE_AT})"),
    # A body that records or counts a figure states it ("Police recorded 1,340 incidents",
    # "The UN has documented 300 cases", "Observers counted more than 2,000 violations"; the
    # guide's data and statistics of an organisation, PARC's evidence cues): the verb with a
    # figure right after it. ``_keep_cue`` wants a body, a name or an observer as its subject.
    ("recorded_figure", "before",
     r"\b(?:recorded|records|documented|documents|registered|registers|counted|counts|logged|"
     rf"logs|tallied|tallies)(?=\s+{_FIGURE_AT})"),
    # Source after the cue.
    ("passive_by", "after",
     r"\b(?:reported|announced|confirmed|published|stated|claimed|denied|quoted|cited)\s+by\b"),
    ("quoted_as_saying", "before",
     rf"\b{_BE}\s+(?:quoted|reported|heard|recorded|cited)\s+(?:by\s+[\w .’'-]{{1,40}}?\s+)?"
     r"as\s+(?:saying|stating|telling|claiming|describing|calling)\b"),
    ("passive_by_any", "after",
     rf"\b{_BE}\s+(?:[a-z]+ly\s+)?(?:{trie_pattern(_PASSIVE_FORMS)})\s+by\b(?!\s+(?:phone|telephone|e-?mail|video|"
     r"videolink|letter|mail|post|text|a\s+margin|far|\d))"),
    ("request_of", "after",
     r"\b(?:at|on)\s+the\s+(?:request|behest|urging|invitation|orders?|instructions?)\s+of\b"),
    ("according_to", "after", r"\baccording\s+to\b"),
    # "per" as "according to" ("Turnout was 61%, per the commission"; the guide's "per ABC
    # News"), after a comma or opening a sentence, before "the" or a name (``_keep_cue``).
    ("per", "after", r"\bper\b"),
    # Phrases that hand the words to someone named after them, as "according to" does: "in the
    # words of one resident", "to quote the mayor", "in the view of the court".
    ("in_the_words_of", "after",
     r"\b(?:in\s+the\s+(?:words|view|opinion|estimation)\s+of|to\s+quote)\b"
     r"(?=\s+(?:the\s+|a\s+|an\s+|one\s+|some\s+)?[a-z])"),
    # The same with the holder in the possessive: "In the minister's view", "in her words",
    # "In Moscow's assessment" (Quirk et al. 1985, 5.115: the subjective genitive, its head a
    # noun of opinion or of speech). The source is the possessor, inside the cue.
    ("possessive_view", "inside",
     r"\bin\s+(?:his|her|their|its|(?:the\s+|a\s+)?(?:[\w.-]+\s+){0,3}?[\w.-]+['’]s?)"
     r"\s+(?:own\s+)?(?:view|opinion|words|estimation|assessment|judge?ment|reckoning)\b"),
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
    # A post with its words or its platform further on: "One fan posted: “...”", "he posted a
    # photo on Instagram", "On Facebook she posted that ..." (the guide's social-media posts).
    ("posted", "before", r"\bposted\b"),
    # News idioms of saying, objecting and warning: "cried foul", "pushed back against", "took
    # issue with", "made the case that", "sounded the alarm", "weighed in on", "went on record";
    # and court decisions (the guide's rulings): "ruled against", "found him guilty", "upheld
    # the appeal", "overturned the ban" (the verb is the cue).
    ("saying_idiom", "before",
     r"\b(?:cr(?:ied|ies|y|ying)\s+foul|push(?:ed|es|ing)?\s+back\s+(?:against|on)\b|"
     r"t(?:ook|akes|aking|ake)\s+issue\s+with|ma(?:de|kes|king|ke)\s+the\s+case\b|"
     r"(?:sound|rais)(?:ed|es|ing|s)?\s+the\s+alarm|weigh(?:ed|s|ing)?\s+in\s+on|"
     r"went\s+on\s+(?:the\s+)?record(?:\s+as\s+saying)?|"
     r"rul(?:ed|es|ing)(?=\s+(?:against|in\s+favou?r\s+of)\b)|"
     # a ruling with its object and the status it gives it ("ruled the ban unconstitutional",
     # "Court rules evictions unlawful"; Quirk et al. 1985, 16.43: the complex-transitive verb)
     r"rul(?:ed|es|ing)(?=\s+(?:[\w’'-]+\s+){1,5}?(?:un|il|in)?(?:lawful|constitutional|legal|"
     r"valid|admissible|void|null\s+and\s+void)\b)|"
     r"f(?:ound|inds|ind)(?=\s+(?:[\w’'-]+\s+){1,3}?(?:not\s+)?(?:guilty|liable|responsible|"
     r"innocent)\b)|(?:upheld|upholds|uphold|overturned|overturns|overturn|quashed|quashes|"
     r"quash|dismissed|dismisses|dismiss|rejected|rejects|reject)(?=\s+(?:the|a|an|his|her|"
     r"their|its)\s+(?:[\w’'-]+\s+){0,2}?(?:complaint|appeal|ruling|decision|conviction|ban|"
     r"sentence|verdict|claim|challenge|lawsuit|suit|case|petition|motion|application|"
     r"injunction)s?\b))"),
    # Evidence that shows: "videos ... show", "data show", "Twitter posts show".
    ("evidence_shows", "before",
     r"\b(?:show|shows|showed|reveal|reveals|revealed|indicate|indicates|confirm|confirms|"
     r"suggest|suggests|suggested|demonstrate|demonstrates|demonstrated|"
     r"found|find|finds|measured|point(?:s|ed)?\s+to)\b"),
    # Phrases of saying: the whole phrase is the cue.
    ("claimed_responsibility", "before",
     r"\bclaim(?:s|ed|ing)?\s+(?:responsibility|credit)\b|"
     # claiming a win is declaring it, a speech act like claiming responsibility (the guide's
     # declarations): "Both candidates claim victory"
     r"\bclaim(?:s|ed|ing)?(?=\s+(?:(?:a|an|the|an\s+outright|outright|overall)\s+)?"
     r"(?:victory|win|majority)\b)"),
    # Putting out a statement (the guide's "issued a corresponding press release"): issued,
    # released, published, put out, sent or delivered.
    ("issued_statement", "before",
     r"\b(?:(?:issu|releas|publish)(?:ed|es|ing)|put(?:s|ting)?\s+out|sen[dt]s?|sending|"
     r"deliver(?:ed|s|ing)?)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:statement|press\s+release|"
     r"communiqu[ée]|warning|denial|appeal|declaration|ultimatum|threat|rebuttal|"
     r"clarification)\b"),
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
    # Asking for something, and an appeal for it (the guide's requests): "appealed for calm".
    ("asked_for", "before", r"\b(?:ask(?:s|ed|ing)?|appeal(?:s|ed|ing))\s+for\b"),
    # News idioms of criticism: "hit out at", "lashed out at" (not "took aim at", which
    # soldiers do too).
    ("hit_out", "before", r"\b(?:hit|hits|hitting|lash(?:ed|es|ing)?)\s+out\s+at\b"),
    # Phrasal verbs of saying (the guide's "reporting verb with its particle"; the verbs of
    # news reports that answer, deny or play down in words): "hit back at critics", "ruled out
    # a second vote", "played down the risk", "spoke out against the plan", "cast doubt on the
    # figures", "stood by her claim". "ruled out" in the passive ("was ruled out of the
    # match") is a player's injury, and is left out.
    ("phrasal_saying", "before",
     r"\b(?:hit(?:s|ting)?\s+back\s+at|(?<!\bbeen\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)"
     r"(?<!\bare\s)(?<!\bbe\s)rul(?:ed|es|ing|e)\s+out|play(?:ed|s|ing)?\s+down(?=\s+(?:(?:the|a|"
     r"an|his|her|their|its|any|such)\s+)?(?:[\w-]+\s+)?(?:fears?|concerns?|reports?|"
     r"suggestions?|talk|claims?|risks?|threats?|chances?|prospects?|significance|importance|"
     r"impact|speculation|danger|dangers|severity|scale|extent|role|rift|tensions?|differences|"
     r"link|links|problem|problems|issue|incident|row|crisis)\b)|"
     r"sp(?:oke|eaks|eaking|eak)\s+out(?=\s+(?:against|about|on|in\s+favou?r|for)\b)|"
     r"cast(?:s|ing)?\s+(?:(?:new|further|fresh|serious)\s+)?doubts?\s+on|"
     r"st(?:ood|ands|and|anding)\s+by\s+(?:his|her|their|its|the|an?)\s+(?:[\w-]+\s+)?(?:claims?|"
     r"statements?|comments?|remarks?|assessment|account|allegations?|story|reporting|words))\b"),
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
    # Verbs of belief, fear and expectation, and "see ... as" ("Residents fear they will be cut
    # off"): a cue only with a subject and a clause (``_holds_a_position``).
    ("belief", "before",
     rf"\b(?:{trie_pattern(_BELIEF_VERBS + _CHARACTERISE_VERBS)})\b"),
    # Verbs of saying, source before ("Lebedev said") or after ("…,” said Tokayev).
    ("speech", "before", rf"\b(?:{trie_pattern(REPORTING_VERBS)})\b"),
    ("claims_verb", "before", r"\bclaims?\b(?=\s*(?:that\b|[“\"]))|"
     # after a singular subject pronoun ("She claims the money was stolen"; told by
     # ``_pronoun_then_reporting_verb``, which asks for the clause it reports) or a singular
     # noun of a body or a title ("The charity claims the figures ..."; told by
     # ``_singular_body_then_reporting_verb``), "claims" can only be the verb
     r"(?<=[a-z] )claims\b(?=[ \t]+\w)"),
    # "as one councillor put it": the source before, the words quoted around it.
    ("put_it", "before", r"\b(?:put(?:s)?\s+it|would\s+have\s+it)\b"),
    # Knowledge a source reports having gained, the way news credits its own unnamed sources
    # ("The Herald understands the deal is close", "The BBC has learned that ..."; PARC's
    # cognition cues, Pareti 2016): the medium or body is the source; a clause must follow
    # (``_learned_by_a_source``).
    ("learned_that", "before",
     r"\b(?:understands|(?:has|have)\s+(?:learned|learnt))\b(?=[ \t]+[a-z])"),
    # "The minister would have us believe that ...": an opinion writer's way of attributing.
    ("have_us_believe", "before",
     r"\bwould\s+(?:have|like)\s+(?:us|you|them|people|readers|voters)\s+(?:to\s+)?believe\b"),
    ("called", "before", r"\bcall(?:ed|s|ing)?\b"),
]  # fmt: skip

# Every cue contains one of these words (or ©, a colon, a bracket): the rules run only around
# them.
_TRIGGER_TEXT = """claim put puts expected understands learned learnt
    reportedly purportedly allegedly surfaced emerged circulated reports estimates
    claims suggestions rumours rumors allegations reported believed thought understood rumoured
    rumored known intimated feared presumed deemed considered widely figure number toll count
    according quoted cited via posted wrote shared tweet tweets tweeted show shows showed reveal
    reveals revealed indicate indicates confirm confirms expressed expresses expressing called
    calls calling call recorded voiced documented filmed published aside away off responsibility
    credit statement release communique communiqué warning denial appeal declaration out of
    found find finds measured point points pointed suggest suggests suggested demonstrate
    demonstrates demonstrated
    about to for appeared appears seemed seems saying by request behest urging invitation order
    orders instruction instructions statement announcement declaration remarks speech
    criticism condemnation ire rebuke rebukes release communique communiqué
    report interview letter op-ed editorial bulletin briefing conference
    statements messages expressions condemnations condolences tributes tribute reactions
    reaction warnings denials appeals words view opinion estimation quote raised raises raising
    voiced voices voicing offered offers
    offering clear launched launches launch launching took takes take taking heard hears
    read reads would assessment verdict account evidence testimony assurance assurances
    ultimatum threat rebuttal clarification spotted snapped photographed overheard per foul
    pushed pushes pushing case alarm weighed weigh weighs weighing record ruled rules ruling
    guilty liable responsible innocent upheld uphold upholds overturned overturn overturns
    quashed quash
    quashes tolls tally tallies counts records documents registered registers counted logged
    logs tallied judgement judgment reckoning assumed back rule played plays
    playing play spoke speak speaks speaking cast casts casting stood stand stands standing"""
_TRIGGER_TEXT += " " + _BELIEF_VERB_TEXT + " " + _CHARACTERISE_VERB_TEXT
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
                  "jury", "inquest", "tribunal", "hearing", "trial", "inquiry", "magistrates",
                  "sounded", "sound", "sounds", "sounding", "cried", "cries", "cry", "crying",
                  "went", "weigh", "weighs", "weighed", "weighing",
                  # the verbs that revise a figure ("raised the death toll to 31")
                  "increased", "increases", "increasing", "lowered", "lowers", "lowering",
                  "revised", "revises", "revising", "updated", "updates", "updating",
                  "reduced", "reduces", "reducing", "adjusted", "adjusts", "adjusting",
                  "downgraded", "downgrades", "downgrading", "upgraded", "upgrades",
                  "upgrading", "raised", "raises", "raising"]  # fmt: skip
# Common words whose rules start at the word itself (the belief verbs, "per", "suggests",
# "upheld"): the scanner tries no earlier start for them. None of them is inside another rule
# after its start ("is thought to", "was suggested by", "widely regarded", "it is hoped", "is
# suspected to" keep theirs).
_ANCHORED_TEXT = """believe think thinks suspect suspects fear fears doubt doubts doubted
    worry
    worries worried hope hopes expect anticipate anticipates anticipated want wants plan plans
    see sees regard
    regards per suggest suggests demonstrate demonstrates demonstrated upheld uphold upholds
    overturned overturn overturns quashed quash quashes pushed pushes pushing
    records documents registered registers counted logged logs tallied"""
_ANCHORED_TRIGGERS = frozenset(_ANCHORED_TEXT.split())
_SCANNER = TriggeredScanner(
    combine_rules([pattern for _name, _where, pattern in CUE_RULES]),
    re.compile(rf"©|:|\(|[–—]|\b(?:{trie_pattern(_TRIGGER_WORDS)})\b"),
    lookback=60,
    starters=re.compile(rf"©|\(|(?<![^\n])|(?<![\w])(?:{trie_pattern(_STARTER_WORDS)})\b"),
    anchored=_ANCHORED_TRIGGERS,
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
    while len(words) > 1 and (words[-1] in ("be", "been", "being") or words[-1].endswith("ly")):
        words = words[:-1]  # "could not be independently verified": a passive, negated
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


# Verbs of continuing and hastening before "to" and a verb of saying ("went on to say",
# "continued to insist", "hastened to add"), and of habit (``_HABIT_TO_SAY``: "likes to
# call"): the guide's cue span takes them in ("went on to say"), so the subject before them is
# the source.
_WENT_ON_TO = re.compile(
    r"\b(?:(?:went|goes|go|going)[ \t]+on|continued|continues|continuing|proceeded|proceeds|"
    r"hastened|hastens|likes?|liked|used|tends?|tended|loves?|loved)[ \t]+to[ \t]+$",
    re.IGNORECASE,
)


def _not_a_verb(words: list[str]) -> bool:
    """'the announced resignation', 'to say'; but 'appeared to acknowledge' is a cue."""
    if not words:
        return False
    if words[-1] == "to":
        if len(words) >= 2 and words[-2] in _HABIT_TO_SAY:
            return len(words) < 3 or words[-3] in _NOT_A_HABIT_HOLDER
        return len(words) < 2 or words[-2] not in _ON_TO_SAY
    return words[-1] in _NOT_A_VERB_WORDS


# Verbs of habit and liking before "to" and a verb of saying report what someone says as a
# habit ("Her allies like to call the critics dinosaurs", "He used to say that", "Officials
# tend to describe it as"; Quirk et al. 1985, 4.24 on "used to", 16.40 on catenatives); not a
# wish of the speaker's own ("I'd like to say", "would like to thank").
_HABIT_TO_SAY = frozenset(["like", "likes", "liked", "used", "tend", "tends", "tended", "love",
                           "loves", "loved"])  # fmt: skip
_NOT_A_HABIT_HOLDER = frozenset(["would", "i'd", "i’d", "we'd", "we’d", "you'd", "you’d", "i",
                                 "we", "you", "to", "not", "never", "didn't", "didn’t",
                                 "don't", "don’t", "doesn't", "doesn’t"])  # fmt: skip


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


_LINE_RULES = frozenset(["speaker_tag", "credit_line"])  # rules that take a line's start


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    name: str
    where: str


def _find_cues(index: TextIndex) -> list[_Cue]:
    """Every cue, leftmost first; a longer cue hides the cues inside it."""
    cues, text = [], index.text

    def not_a_tag(match: re.Match) -> bool:
        """A line that looks like a speaker's tag and is not ("One fan posted: ...") hides
        nothing: the cues inside it are still sought."""
        rule_match = RuleMatch(match)
        name = CUE_RULES[rule_match.rule][0]
        return name in _LINE_RULES and not _keep_cue(text, name, rule_match)

    for match in _SCANNER.matches(index.lowered, skip=not_a_tag):
        rule_match = RuleMatch(match)
        name, where, _pattern = CUE_RULES[rule_match.rule]
        if name not in _LINE_RULES and not _keep_cue(text, name, rule_match):  # tags: kept
            verb = rule_match.group().lower()
            if name not in ("evidence_shows", "belief") or verb not in REPORTING_VERBS:
                continue
            if not _keep_cue(text, "speech", rule_match):
                continue
            name, where = "speech", "before"  # "Magyar Nemzet revealed", "Russia Believes"
        gap = text[cues[-1].end : rule_match.start()] if cues else ","
        if len(gap) <= 2 and "," not in gap and cue_is_participle(rule_match.group()):
            continue  # "Reports have surfaced stating": one attribution, not two
        start, end = rule_match.span("agency") if name == "dateline" else rule_match.span()
        if name == "court_heard" and text[max(0, start - 4) : start].lower() == "the ":
            start -= 4  # "The court heard": the article is in the guide's span
        if name == "speaker_tag":
            start = _tag_start(text, start, end)  # not the time stamp or dash before the name
        if name in ("speech", "called"):
            went_on = _WENT_ON_TO.search(text, max(0, start - 30), start)
            start = went_on.start() if went_on else start  # "went on to say": one cue
        cues.append(_Cue(start, end, name, where))
    cues = _statement_and_participle_joined(index, _hedged_verbs_joined(text, cues))
    return _without_hedges_beside_verbs(index, _without_channels_beside_verbs(index, cues))


# Acts of putting words out whose words a participle then gives ("issued a statement on X
# saying ...", "posted a message urging ..."): one attribution (the guide's "One attribution
# per cue"), its cue the participle, as the dev annotations mark it.
_PUTTING_OUT = frozenset(["issued_statement", "made_statement", "posted", "posted_to"])
_JOIN_GAP = 60  # how far the participle may stand from the act


def _statement_and_participle_joined(index: TextIndex, cues: list[_Cue]) -> list[_Cue]:
    """'Albion Rovers issued a statement on X late on Saturday saying it would appeal': the
    act of putting out words and the participle that gives them are one attribution, the
    participle's."""
    text = index.text
    joined: list[_Cue] = []
    for cue in cues:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.name in _PUTTING_OUT
            and cue.name == "speech"
            and cue_is_participle(text[cue.start : cue.end])
            and cue.start - previous.end <= _JOIN_GAP
            and not _CLAUSE_BREAK.search(text, previous.end, cue.start)
            and index.sentence_start(cue.start) == index.sentence_start(previous.start)
        ):
            joined[-1] = cue  # the participle carries the words; its subject is the act's
            continue
        joined.append(cue)
    return joined


def _hedged_verbs_joined(text: str, cues: list[_Cue]) -> list[_Cue]:
    """'Her ex-wife reportedly warned police': the adverb and the verb it hedges are one cue (one
    attribution, the verb's subject its source), not a vague one and a named one."""
    joined: list[_Cue] = []
    for cue in cues:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.name == "reportedly"
            and cue.name == "speech"
            and not text[previous.end : cue.start].strip()
        ):
            joined[-1] = _Cue(previous.start, cue.end, cue.name, cue.where)
            continue
        joined.append(cue)
    return joined


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


# Hedges with no source of their own ("is expected to", "are said to"): the guide's rule says a
# hedge inside a sentence that already credits a source for the claim is no second attribution.
_HEDGES = frozenset(["said_to", "reported_figure"])  # the guide: "a reported sixteenth death"
# Cues that credit a named source for their sentence's claim ("..., the ministry said", "...,
# according to the UN", "..., per the ministry").
_CREDITING_CUES = frozenset(["speech", "according_to", "per"])


# A coordinated main clause: a comma or semicolon, then a coordinator ("..., and some were said
# to have fled"; Quirk et al. 1985, 13.9), or a concessive clause set off by a comma ("...,
# though the office would only say ..."; 15.19).
_COORDINATED_CLAUSE = re.compile(
    r"(?:,|;)[ \t]+(?:and|but|while|whereas|yet|though|although)[ \t]|;"
)


def _without_hedges_beside_verbs(index: TextIndex, cues: list[_Cue]) -> list[_Cue]:
    """'Exports are expected to reach 9 Mt, the ministry said': one attribution, the ministry's."""
    crediting: dict[int, list[_Cue]] = {}  # a verb of saying, or "according to", with its
    # source, by the start of its sentence
    for cue in cues:
        if cue.name in _CREDITING_CUES:
            crediting.setdefault(index.sentence_start(cue.start), []).append(cue)

    def credited(hedge: _Cue) -> bool:
        """Is the hedge's clause credited: a crediting cue in its sentence, no coordinated
        clause between them ("..., and some were said to have fled" is a claim of its own)?"""
        for cue in crediting.get(index.sentence_start(hedge.start), []):
            low, high = (cue.end, hedge.start) if cue.end <= hedge.start else (hedge.end, cue.start)
            if not _COORDINATED_CLAUSE.search(index.text, low, high):
                return True
        return False

    return [cue for cue in cues if cue.name not in _HEDGES or not credited(cue)]


def _opens_sentence(index: TextIndex, position: int) -> bool:
    """Is ``position`` the first word of its sentence (after quotation marks or brackets)?"""
    return not index.text[index.sentence_start(position) : position].strip(" \t\n“\"‘'([")


_STATES_VERB = re.compile(r"\s*(?:that\b|on\b|in\b|[:,“\"])")  # "the organisation states on"
_THAT_NEXT = re.compile(r"\s+that\b")
_IN_NEXT = re.compile(r"[ \t]+in\b")
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
    responding agreed agrees expects ruled found appealed briefed informed welcomed
    echoed"""
_NEEDS_COMPLEMENT_TEXT += """ quipped retorted joked countered answered rebutted elaborated
    conveyed relayed confided repeated mused wondered begged exhorted bragged grumbled griped
    groused objected swore attested verified certified"""
_NEEDS_COMPLEMENT = frozenset(_NEEDS_COMPLEMENT_TEXT.split())
# The complement after an adverbial of time or place ("added on Monday that", "ruled on Tuesday
# that", "concluded in its report that"; Quirk et al. 1985, 8.25: adjuncts between the verb
# and its clause).
_TIMED_COMPLEMENT = re.compile(
    r"[ \t]+(?:on|in|at|during|late|early|earlier|later|last|this|yesterday|today|again|also)\b"
    r"(?:[ \t]+[^\s.;:!?“”\"]+){0,4}?[ \t]*,?[ \t]+that\b"
)
# Verbs of instrument of communication (Levin 1993, 37.4: email, text, radio, fax, phone ...):
# a cue with what was sent, after the recipient and a time ("texted a friend that night: “...”",
# "radioed the tower that the engine had failed"); without it they name only the act ("phoned
# the police", "emailed the file").
_MESSAGE_VERBS = frozenset(["emailed", "texted", "messaged", "radioed", "cabled", "faxed",
                            "telegraphed", "phoned"])  # fmt: skip
_RECIPIENT_THEN_WORDS = re.compile(
    r"[ \t]+[^.;:!?“”\"\n]{1,50}?(?:[ \t]*:[ \t]*[“\"‘]|,?[ \t]*[“\"]|[ \t]+that[ \t]+"
    r"(?!(?:night|day|morning|evening|afternoon|week|month|year|time)\b))"
)
_FULL_STOP_NEXT = re.compile(r"[ \t]*[.]")
# Of those, the verbs that name a speech act by its manner and take what it was about with
# "of" or "about" (Levin 1993, 37.8 complain verbs and 37.6 chitchat: "bragged of a big
# payday", "grumbled about the fares", "joked about the weather"): the topic is the content.
# "About" before a number is "roughly" ("The hotel boasts about 200 rooms": it has them).
# Known gap: "The city boasts of a fine harbour" (boast as "have") is taken as speech.
_COMPLAIN_VERBS = frozenset(["boasted", "boasts", "bragged", "brags", "grumbled", "griped",
                             "groused", "joked", "quipped", "mused"])  # fmt: skip
_TOPIC_NEXT = re.compile(r"[ \t]+(?:of|about(?![ \t]+[\d£$€]))\b")
# Those of them that take a that-clause, which may drop its "that" ("He added the plan was
# sound", "The inquiry concluded the crash was an accident"; the zero that-clause, Quirk et al.
# 1985, 15.3): the clause (a subject and a finite verb) makes them cues. Not "found", whose
# clause is as often a discovery as a finding ("found the hikers were safe").
_ZERO_THAT_TEXT = """add added adds maintain maintained maintains observe observed observes
    conclude concluded concludes boast boasted boasts recall recalled recalls agreed agrees
    ruled confided bragged swore attested mused quipped retorted countered joked"""
_ZERO_THAT_VERBS = frozenset(_ZERO_THAT_TEXT.split())
# "Add" with a quantity as its object is arithmetic ("adding roughly 3 miles to the route").
_ADD_FORMS = frozenset(["add", "adds", "added", "adding"])
_RELATIVE_WORD = re.compile(r"\b(?:which|who|whom|whose|where|when)\b", re.IGNORECASE)


_COORDINATOR = re.compile(r"\b(?:and|or|but)\b", re.IGNORECASE)


def _zero_that_clause(text: str, end: int, *, coordination: bool = True) -> bool:
    """A subject and its finite verb after the verb, with no relative pronoun between them
    ('added a clause which was dropped' has an object and a relative clause, not a clause);
    with ``coordination=False`` no "and" either ('estimated the distance badly and fell' has
    an object and a second verb of the same subject).

    Examples
    --------
    >>> _zero_that_clause(" the distance badly and fell.", 0, coordination=False)
    False
    >>> _zero_that_clause(" 1,500 homes were damaged.", 0, coordination=False)
    True
    """
    clause = _BELIEF_CLAUSE.match(text, end)
    return (
        bool(clause)
        and not _RELATIVE_WORD.search(clause.group())
        and (coordination or not _COORDINATOR.search(clause.group()))
    )


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
# reporters that", "the court held that"); without it they are actions ("held talks"); so are
# the verbs of conceding beside "concede" and "admit" (Levin 1993, 29.5: "recognised that",
# "accepted that"; not "accepted the offer"). A threat
# "to" do something is as often a thing's ("floods threatened to cut the road").
_THAT_CLAUSE_VERBS_TEXT = """indicated signalled signaled projected calculated decided
    determined held implied protested charged threatened
    accepted accepts recognised recognises recognized recognizes"""
_THAT_CLAUSE_VERBS = frozenset(_THAT_CLAUSE_VERBS_TEXT.split())
_CONCEDING_FORMS = frozenset(
    ["accepted", "accepts", "recognised", "recognises", "recognized", "recognizes"]
)
# "that" as a determiner, not a complementiser ("accepted that offer", "has learned that
# lesson well", "understands that frustration"): one noun after it, then the end of the
# clause or a phrase that cannot go on a subject, and no finite verb before the clause ends
# (a complement clause has a subject and a verb; Quirk et al. 1985, 6.40 on demonstratives)
_DEMONSTRATIVE_THAT = re.compile(
    r"[ \t]+that[ \t]*(?=[.,;:!?)\n]|$)|"  # "accepted that.": the pronoun
    r"[ \t]+that[ \t]+[a-z][\w’'-]*(?:[ \t]*(?=[.,;:!?)\n]|$)|[ \t]+(?:well|again|too|with|on|"
    r"for|every|each|this|last|today|yesterday|now)\b(?:[ \t]+(?!(?:will|would|was|were|is|are|"
    r"has|have|had|could|can|may|might|should|must|did|does|do|"
    + _IRREGULAR_PAST_ALT
    + r")\b)(?![a-z]+(?:ed|s)\b)[\w’'-]+)*[ \t]*(?=[.,;:!?)\n]|$))"
)
_THAT_CLAUSE = re.compile(
    r"[ \t]+(?:to[ \t]+[^.;:!?“”\"\n]{1,40}?[ \t]+)?that\b|[ \t]*:[ \t]*[“\"]"
)
# "Forecast", a verb of prediction (Levin 1993, 29.5 conjecture verbs beside "predict"; a stated
# expectation, the guide's speech acts) that is as often a noun ("the weather forecast"): a
# verb after an auxiliary, a pronoun, a name, a body or a plural subject, with what is forecast
# after it (a noun phrase, a clause, a subject and infinitive), or with its source last.
_FORECAST_FORMS = frozenset(["forecast", "forecasts", "forecasted"])
_FORECAST_OBJECT = re.compile(
    r"[ \t]+(?:that\b|(?!(?:is|was|were|are|be|been|has|had|have|will|would|could|may|might|"
    r"of|for|in|on|at|by|to|and|or|but|from|with|which|who|shows?|showed|says?|said|"
    r"suggests?|suggested|predicts?|predicted|warns?|warned|issued|published|released)\b)"
    r"[a-z\d£$€])"
)


def _forecasts(text: str, match: RuleMatch, words_before: list[str]) -> bool:
    """'Analysts had forecast a narrower win', 'The IMF forecasts growth of 2%'; not 'the
    weather forecast was wrong', 'their forecast of growth'.

    Examples
    --------
    >>> from medialit.extract.attribution import extract_attributions
    >>> [a.source for a in extract_attributions("Economists had forecast a recession.")]
    ['Economists']
    >>> extract_attributions("The weather forecast was wrong about the storm.")
    []
    """
    previous = words_before[-1] if words_before else ""
    if not previous or previous in _DETERMINERS:
        return False
    subject = (
        previous in _AUX_WORDS
        or previous in _PRONOUNS
        or previous in ("who", "which")
        or match.group().lower() != "forecast"  # "forecasts", "forecasted": only verbs
        or text[match.start() - 1 - len(previous) : match.start() - 1][:1].isupper()
        or _KIND_OF_WORD.get(previous) in ("organisation", "media", "vague", "title")
        or bool(_PLURAL_SUBJECT.search(text, max(0, match.start() - 40), match.start()))
    )
    return subject and (
        bool(_FORECAST_OBJECT.match(text, match.end())) or _source_last(text, match)
    )


# Directive and commissive verbs (order, instruct, offer; Searle's speech acts): a cue
# with what was ordered or offered ("ordered residents to leave", "offered to mediate").
_DIRECTIVE_VERBS_TEXT = """notified alerted reminded ordered instructed directed offered advised
    ordering instructing directing"""
_DIRECTIVE_VERBS = frozenset(_DIRECTIVE_VERBS_TEXT.split())
# A court's order is a ruling with a content whatever its object ("The court ordered the
# release of the journalist", "Judge orders retrial"; the guide's court rulings and "orders with
# a content"): the bodies and officers that decide cases.
_COURT_ORDER_FORMS = frozenset(["ordered", "orders", "ordering"])
_COURT_SUBJECT = re.compile(
    r"\b(?:courts?|judges?|justices?|tribunals?|magistrates?|jury|juries|bench|coroner|"
    r"arbitrators?|ombudsm[ae]n|regulators?)\b(?:[ \t]+[^\s,;]+){0,4}[ \t]*$",
    re.IGNORECASE,
)
_NOUN_ORDERS_NEXT = re.compile(
    r"[ \t]*(?:[,.;:!?)]|$|(?:were|are|was|is|have|had|has|and|or|of|to|from|against|for)\b)"
)


def _court_orders(text: str, match: RuleMatch) -> bool:
    """'Court orders release of jailed journalist', 'A judge orders a retrial': the present
    tense of a court's order has the court as the whole subject, at its clause's start, and an
    object after it; 'court orders' elsewhere is a compound noun ('defied court orders')."""
    clause = _clause_before(text, match.start()).split()
    if not clause or len(clause) > 4 or not _COURT_SUBJECT.search(clause[-1]):
        return False
    return not _NOUN_ORDERS_NEXT.match(text, match.end())


# (the infinitive may open a quotation: "directing units to “intensify” patrols")
_DIRECTIVE_CLAUSE = re.compile(
    r"[ \t]+(?:[\w’'-]+[ \t]+){0,4}?(?:that\b|to[ \t]+[“\"‘']?"
    # an infinitive, not a place or a person ("directed traffic to the car park")
    r"(?!(?:the|a|an|his|her|their|its|this|that|these|those|my|our|your)\b)[a-z])"
)
# Judgement verbs of thanks and congratulation (Levin 33) report a judgement only with its
# reason ("thanked the crews for their courage"); "she thanked him and left" reports manners.
_THANKING_VERBS = frozenset(["thanked", "congratulated", "congratulates", "complimented"])
_FOR_A_REASON = re.compile(r"(?:[ \t]+[^\s.;:!?]+){1,5}?[ \t]+for\b")
# Verbs of depiction that characterise only with "as" ("depicted the rally as a riot").
# The tabloid verbs of criticism in forms that are also nouns or other verbs ("two blasts hit",
# "blasting rock", "slamming the door"): a cue only with a quoted label or an "as" label next.
_BLAST_FORMS = frozenset(["blasts", "blasting", "slams", "slamming"])
_LABEL_NEXT = re.compile(
    r"[ \t]*(?:[:,][ \t]*)?[“\"‘']|(?:[ \t]+[\w’'-]+){1,4}?[ \t]+as[ \t]+(?:[“\"‘']|an?[ \t])"
)
_DEPICTION_VERBS = frozenset(["depicted", "painted", "framed"])
_COMPLEMENT = re.compile(r"[ \t]*(?:[,.:;“\"‘]|that\b|whether\b|$)")
_EXPECTS = re.compile(r"[ \t]+(?:(?:\d[\d,.]*\d|[\w’'-]+)[ \t]+){1,4}?to\b")
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


# Quantifiers used as pronouns, the whole subject ("Some say", "Many believe", "Several warn";
# Quirk et al. 1985, 6.59-6.61 on quantifiers used independently), the guide's vague "some"
# and "many". Only at the start of a clause: after a sentence end, a comma or a conjunction.
_QUANTIFIER_PRONOUNS = frozenset(["some", "many", "several", "most", "few", "both", "all"])
_CLAUSE_OPENERS = frozenset(["and", "but", "while", "though", "although", "yet", "whereas"])


_SUBJECT_DETERMINERS = frozenset(["the", "a", "an", "our", "its", "his", "her", "their", "this",
                                  "one", "another", "your", "my"])  # fmt: skip
_AGENT = re.compile(r"[a-z]+(?:er|or|ist|ent|ant)")  # "correspondent", "reporter"


def _quantifier_subject(words_before: list[str]) -> bool:
    """Is the word before the cue a quantifier standing alone as the clause's subject?

    Examples
    --------
    >>> _quantifier_subject(["fair.", "some"]), _quantifier_subject(["though", "many"])
    (True, True)
    >>> _quantifier_subject(["have", "some"]), _quantifier_subject(["the", "many"])
    (False, False)
    """
    if not words_before or words_before[-1] not in _QUANTIFIER_PRONOUNS:
        return False
    if len(words_before) < 2:
        return True
    opener = words_before[-2]
    return opener[-1] in '.,;:!?”"' or opener in _CLAUSE_OPENERS


def _earlier_modifies_a_noun(words_before: list[str]) -> bool:
    """Is "earlier" before a cue an adjective ("his earlier claims", "the earlier reported
    figure"), not the adverb of "Police had earlier said" (Quirk et al. 1985, 8.57: the adverb
    between the auxiliary and the verb, or after the subject)?

    Examples
    --------
    >>> _earlier_modifies_a_noun(["his", "earlier"]), _earlier_modifies_a_noun(["had", "earlier"])
    (True, False)
    """
    if len(words_before) < 2:
        return False
    word = words_before[-2]
    return word in _DETERMINERS or word.endswith(("'s", "’s", "s'", "s’"))


def _keep_cue(text: str, name: str, match: RuleMatch) -> bool:
    """Second look at ambiguous cues, using only the few words around them."""
    before = text[max(0, match.start() - 40) : match.start()]
    word = match.group().lower()
    words_before = before.lower().split()[-3:]
    if name == "speaker_tag":
        return _is_speaker_tag(text, match)
    if name == "credit_line":
        return _is_credit_line(text, match)
    if name == "learned_that":
        return _learned_by_a_source(text, match)
    if _negated(words_before):
        return False  # "did not immediately comment": no claim is attributed
    previous = words_before[-1].strip('“"‘(') if words_before else ""
    if previous == "by" and word.endswith("ing"):
        return True  # "released by saying they forgave him": a gerund, the verb of saying
    reported_after_to = len(words_before) >= 2 and (
        words_before[-2] in _ON_TO_SAY
        or (
            words_before[-1] == "to"
            and words_before[-2] in _HABIT_TO_SAY
            and not (len(words_before) >= 3 and words_before[-3] in _NOT_A_HABIT_HOLDER)
        )
    )
    after_would = name == "speech" and "would" in words_before and _would_report(before)
    if after_would and _DEMONSTRATIVE_OBJECT.match(text, match.end()):
        return False  # "they would say that, wouldn't they": a supposition, no content reported
    if after_would:  # the verb's own checks, as if "would" were not there
        words_before = [w for w in words_before if w != "would"]
        previous = words_before[-1] if words_before else ""
    if previous == "earlier" and not _earlier_modifies_a_noun(words_before):
        words_before = words_before[:-1]  # "Police had earlier said": an adverb of time
        previous = words_before[-1] if words_before else ""
    quantifier = (
        name == "speech"
        and not word.endswith("s")  # "Some calls for calm": a plural noun after "some"
        and _quantifier_subject(words_before)
    ) and bool(
        _COMPLEMENT.match(text, match.end()) or _BELIEF_CLAUSE.match(text, match.end())
    )  # "Some say the vote was fair", "Many warn that ..."
    if name == "claims_verb" and not _DECLARED_VERB.match(text, match.end()):
        return _pronoun_then_reporting_verb(
            text, match.end(), word, previous
        ) or _singular_body_then_reporting_verb(text, match.end(), word, before)
    if (
        name in _PHRASES_AS_NOUNS
        and previous in _DETERMINERS
        and not reported_after_to
        and not quantifier
    ):
        return False  # "his call for assistance", "the calls for calm"
    if len(words_before) >= 2 and words_before[-2] in _MODALS and previous in _PRONOUNS:
        return False  # "Can you confirm that?": a question, nothing is attributed
    if name == "speech" and _SAID_NOTHING.match(text, match.end()):
        return False  # "said nothing about it": reported silence (the guide's rule)
    if name == "speech" and _GENERIC_SUBJECT.search(before):
        return False  # "Nobody asked", "Anyone who believes ...": no one in particular said it
    if name == "speech" and word.endswith("ed") and _COUNT_BEFORE.fullmatch(previous):
        return False  # "the state's 41 pledged delegates": a participle before its noun
    if name == "speech":
        if _not_a_verb(words_before) or (
            previous in _DETERMINERS and not reported_after_to and not quantifier
        ):
            return False  # "the announced resignation", "to say", "his claims"
        if _capital_inside_a_name(text, match.start(), before):
            return False  # "Marco Tell said", "Sam Brand, the coach": a surname, not a verb
        if _pronoun_then_reporting_verb(text, match.end(), word, previous):
            return True  # "They claim the vote was rigged", "She notes that rents rose"
        if _pronoun_then_noun_like_verb_without_words(text, match, word, previous):
            return False  # "He reports to the board", "She notes the score": no claim
        if _singular_body_then_reporting_verb(text, match.end(), word, before):
            return True  # "The institute estimates that 3,000 families are homeless"
        if (
            word in _BASE_FORMS
            and not quantifier
            and word != "reports"
            and not reported_after_to
            and not (after_would and word not in _NOT_SPEECH_AFTER_WOULD)
            and not _COMPLEMENT.match(text, match.end())
            and not _bare_form_is_a_verb(text, match.start(), word, before)
            and not (word == "estimate" and _AT_A_FIGURE.match(text, match.end()))
        ):
            return _quote_just_before(text, match.start())  # "the state department"
        if word == "expects" and _EXPECTS.match(text, match.end()):
            return True  # "the weather office expects the winds to ease"
        if word == "welcomed" and _WELCOMED_STANCE.match(text, match.end()):
            return True  # "welcomed the ruling": a judgement of a decision, not of guests
        if word in _ADD_FORMS and _FIGURE_NEXT.match(text, match.end()):
            return False  # "adding roughly 3 miles to the route": sums, not words
        if word in _ZERO_THAT_VERBS and _zero_that_clause(text, match.end()):
            return True  # "Researchers concluded the drug was safe": "that" left out
        if word in _COMPLAIN_VERBS and _TOPIC_NEXT.match(text, match.end()):
            return True  # "bragged of a big payday", "joked about the weather"
        if word in _MESSAGE_VERBS:  # "texted a friend that night: “...”"
            end = match.end()
            words_next = _COMPLEMENT.match(text, end) and not _FULL_STOP_NEXT.match(text, end)
            return bool(words_next or _RECIPIENT_THEN_WORDS.match(text, end)) or (
                _quote_just_before(text, match.start())
            )
        if word in _NEEDS_COMPLEMENT and not (
            _COMPLEMENT.match(text, match.end()) or _TIMED_COMPLEMENT.match(text, match.end())
        ):
            return _quote_just_before(text, match.start())
        if word in _MANNER_OF_SPEAKING:
            return _quote_just_before(text, match.start()) or bool(
                _QUOTE_NEXT.match(text, match.end())
            )
        if word in _FORECAST_FORMS:  # "Analysts had forecast a narrower win"
            return _forecasts(text, match, words_before)
        if word == "threatened" and _threat_by_a_speaker(text, match):
            return True  # "The union threatened to strike", not "floods threatened to cut"
        if word in _CONCEDING_FORMS and _DEMONSTRATIVE_THAT.match(text, match.end()):
            return False  # "accepted that offer on Monday": "that" is a determiner
        if word in _THAT_CLAUSE_VERBS:  # "..., Amnesty charged.": the clause comes first
            return bool(
                _THAT_CLAUSE.match(text, match.end()) or _TIMED_COMPLEMENT.match(text, match.end())
            ) or _source_last(text, match)
        if word == "orders":  # "Court orders release", not "defied court orders" (a noun)
            return _court_orders(text, match)
        if word in _COURT_ORDER_FORMS and _COURT_SUBJECT.search(
            _clause_before(text, match.start())
        ):
            return True  # "The court ordered the release of ...": a ruling (the guide's)
        if word in _DIRECTIVE_VERBS:
            return bool(_DIRECTIVE_CLAUSE.match(text, match.end()))
        if word == "demanding":  # "are demanding", ", demanding that"; not "a demanding job"
            return previous in _BE_FORMS or before.rstrip().endswith(",") or previous == "and"
        if word in _THANKING_VERBS:  # "thanked voters for “a historic mandate”"
            return bool(_FOR_A_REASON.match(text, match.end()))
        if word in ("rules", "ruling"):  # "ruling that the evidence stands", not "the ruling"
            return bool(_THAT_NEXT.match(text, match.end(), match.end() + 8)) and (
                word == "rules" or before.rstrip().endswith(",")
            )
        if word in _BLAST_FORMS:  # "blasts 'disgraceful' ref", "blasting them as 'schoolboys'"
            return bool(_LABEL_NEXT.match(text, match.end()))
        if word in _DEPICTION_VERBS:
            return bool(_IDENTIFIED_AS.match(text, match.end()))
        if word == "reports" and not _SUBJECT_PRONOUN_OR_NAME.search(before):
            # "media reports" is a noun; "Gazeta Prawna reports" a verb, and so is "reports"
            # after a determiner and a noun when a clause or a comma follows ("our
            # correspondent reports that", "the agency reports,"): a singular subject agrees
            # with the verb, a noun compound would not take "that" (Quirk et al. 1985, 10.34)
            if (
                _APPOSITIVE_NAME_BEFORE.search(before)
                and _BELIEF_CLAUSE.match(text, match.end())
                and not _VERB_NEXT.match(text, match.end())
            ):
                return True  # "Our editor in Rome, Paola Conti, reports that ..."
            return bool(
                len(words_before) >= 2
                and words_before[-2] in _SUBJECT_DETERMINERS
                and (
                    _KIND_OF_WORD.get(previous) in ("media", "title") or _AGENT.fullmatch(previous)
                )
                and (
                    _THAT_NEXT.match(text, match.end(), match.end() + 8)
                    # set off by commas: "The town, our correspondent reports, is calm"
                    or (
                        len(words_before) >= 3
                        and words_before[-3].endswith(",")
                        and text.startswith(",", match.end())
                    )
                )
            )
        capital = text[match.start()].isupper() and re.search(r"[\w,]\s+$", before)
        if capital and not _in_headline(text, match.start()):
            return False  # "the United States": a capital inside a sentence makes a name
        if word == "states":
            return bool(_STATES_VERB.match(text, match.end(), match.end() + 8))
        if word == "believes" and _IN_NEXT.match(text, match.end()):
            return False  # "She believes in ghosts": faith in a thing, no claim
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
                # "that" left out, as after the other verbs of belief: "The ministry
                # estimates 1,500 homes were damaged"
                or _zero_that_clause(text, match.end(), coordination=False)
            )
        if word == "identified":  # "identified the suspect as"
            return bool(_IDENTIFIED_AS.match(text, match.end()))
        if word == "accused" and text.startswith(" of ", match.end()):
            return False  # "people accused of crimes": a description, not an accusation
        if word == "alleged" and not _ALLEGED_VERB.match(text, match.end()):
            return False  # "alleged police violence"
        if text[match.end() : match.end() + 1] == ":" and not previous:
            return False  # "Note: ..." opening a line
    if (
        name == "passive_evidence"
        and word.endswith("recorded")
        and not _AGENT_OR_READING_NEXT.match(text, match.end())
        and _NATURAL_READING.search(_clause_before(text, match.start()))
    ):
        return False  # "Waves of nine metres were recorded overnight": a reading, no claim
    if name == "passive_evidence" and _RELATIVE_BEFORE.search(before):
        return False  # "people who had been accused of crimes" describes, it attributes not
    if name == "said_to" and word.split(" ", 1)[0] not in _BE_FORMS | {"has", "have", "had"}:
        return bool(re.search(r"[a-z,][ \t]$", before)) and _reduced_passive(previous, before)
    if name == "belief" and _quantifier_subject(words_before):
        return bool(_BELIEF_CLAUSE.match(text, match.end()))  # "Many believe the count was fair"
    if name == "belief":
        return _holds_a_position(text, match, previous)
    if name == "phrasal_saying" and _NATURAL_READING.search(_clause_before(text, match.start())):
        return False  # "Rain ruled out any play": the weather, nobody speaking
    if name == "document_read":
        return bool(_WRITTEN_THING.search(_clause_before(text, match.start())))
    if name == "recorded_figure":  # "Police recorded 40", not "The striker recorded 12 goals"
        if _SPORTS_TALLY.match(text, match.end()):
            return False  # "Smith recorded 12 points": a performance, not a report
        if _A_RATE_NEXT.match(text, match.end()):
            return False  # "Exports registered 5% growth": a thing's change, nobody counting
        return _a_body_or_observer(text, match.start())
    if name == "put_it":
        return bool(_AS_SOMEONE.search(text, max(0, match.start() - 80), match.start()))
    if name == "per":  # ", per the ministry", "Per Reuters,"; not "per cent", "5 per day"
        opens = not before.strip() or before.rstrip()[-1] in ",.!?\n"
        return opens and bool(_PER_SOURCE.match(text, match.end()))
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
    if ((name == "speech" and word == "asked") or name == "asked_for") and _ASKED_NOT_A_CLAIM.match(
        text, match.start() + len(word.split()[0])
    ):
        return False  # "who asked not to be named": a condition of anonymity, nothing claimed
    if name == "speech" and word == "asked" and _opens_a_participle(text, match.start()):
        return False  # "Asked about the delay, she said ...": the question, answered by "said"
    if name == "posted":
        return _is_a_post(text, match, previous, before)
    if name == "posted_to" and _EVIDENCE_JUST_BEFORE.search(before):
        return False  # "a video posted to Twitter" names a source, it is not the cue
    if name == "passive_by" and _EVIDENCE_JUST_BEFORE.search(before):
        # "Satellite images published by the group show ...": a reduced relative (Quirk et al.
        # 1985, 17.28) naming the evidence's publisher inside its noun phrase, as "a video
        # posted to Twitter" does; the verb the evidence governs is the cue (the dev
        # annotations never mark such a "published by")
        return False
    if name == "called" and word == "call":  # "like to call the critics dinosaurs"
        return reported_after_to and bool(_CALLED_OBJECT.match(text, match.end()))
    if name == "called":
        after = text[match.end() : match.end() + 8]
        return bool(_SUBJECT_PRONOUN_OR_NAME.search(before) or _CALLED_OBJECT.match(after))
    if name == "evidence_shows":
        # "videos ... show", "Network data from NetBlocks confirm": evidence speaks.
        return bool(_EVIDENCE_BEFORE.search(_clause_before(text, match.start())))
    return True


# The readings of instruments on nature (quakes, waves, weather): "recorded" with no agent
# reports that a thing happened, not that someone says so; with an agent or a reading as
# ("was recorded as magnitude 6.4 by the USGS") the body stays the source.
_NATURAL_READING = re.compile(
    r"\b(?:magnitude|quakes?|earthquakes?|tremors?|aftershocks?|waves?|winds?|gusts?|"
    r"rain(?:fall)?|snow(?:fall)?|temperatures?|heat|frost|floods?|tides?|storms?)\b",
    re.IGNORECASE,
)
_AGENT_OR_READING_NEXT = re.compile(r"\s+(?:\w+\s+){0,3}?(?:by|as)\b")
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
    r"pledge|commitment|release|resignation|vote|changes|measures?|"
    # published figures and studies, judged as findings and results are
    r"figures?|data|statistics|estimates?|forecasts?|study|review|inquiry|audit)\b"
    # unless the noun only modifies a noun of people after it ("welcomed the audit team",
    # "the inquiry chairman", "the deal team"): a noun compound names the guests
    r"(?![ \t]+(?:[\w’'-]+[ \t]+)?(?:team|teams|group|groups|panel|panels|staff|members|"
    r"delegation|delegates|chairman|chairwoman|chair|head|chief|leaders?|officials|experts|"
    r"authors?)\b)"
)
_SAID_NOTHING = re.compile(r"\s+(?:nothing|not\s+a\s+word|little)\b")
# "as one councillor put it": the phrase quotes someone only after "as".
_AS_SOMEONE = re.compile(r"\bas\s+[^,.;:!?“”\"\n]{1,60}\s$", re.IGNORECASE)
_PER_SOURCE = re.compile(r"\s+(?:the\s+(?!(?:same|usual|way)\b)[a-z]|[A-Z])")
# Idioms in which "according to" cites nobody.
_ACCORDING_TO_PLAN = re.compile(r"\s+(?:the\s+)?(?:plan|plans|schedule|script|design|taste)\b")
# Passive cues whose subject is a negation report that nothing was said or found.
_PASSIVE_CUES = frozenset(["passive_evidence", "speech", "said_to", "presumed"])
# ("No, the minister said" answers a question: the "No" is what was said.)
_NOBODY_FIRST = re.compile(
    r"\s*[“\"]?(?:no|none|nobody|neither|nothing)\b(?![ \t]*[,.;:!?”\"])(?!\s+(?:longer|doubt)\b)",
    re.I,
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
# "guidelines, which recommend", "doctors, who say": a plural and its relative pronoun.
_PLURAL_RELATIVE = re.compile(r"[^\W\d_][^s\W]s,[ \t]+(?:who|which)[ \t]+(?:currently[ \t]+)?")
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


# A count right before a participle makes it an adjective ("41 pledged delegates", "300
# confirmed cases"); not a year ("in 2019 announced") nor an age set off by commas ("Ostrova, 61,").
_COUNT_BEFORE = re.compile(r"(?!(?:19|20)\d\d$)\d[\d,.]*(?<!,)")


# "he would testify", "who would later tell": "would" as the past of "will" after a third-person
# subject reports what someone said (a grammar of reported speech: the future in the past); not
# "I would say", "it would suggest", "that would confirm" (the speaker's hedge or an inference).
_WOULD_REPORT = re.compile(
    r"(?<![\w’'-])(?!(?:i|we|you|it|this|that|these|those|which|what|one|some|many|most|few|"
    r"anyone|anybody|everyone|people|nobody|there)\b)[^\W\d_][\w’'-]*,?"
    r"[ \t]+would[ \t]+(?:(?:later|then|soon|eventually|also|only|simply|merely)[ \t]+)?$",
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


# Words before a belief verb that make it a noun ("amid fears that", "there is hope") or its
# subject the writer or the reader ("I think", "we fear", "you believe"); be-forms leave the
# passives ("it is thought", "are feared") to their own rules.
_NOT_A_HOLDER = _DETERMINERS | frozenset(
    ["i", "we", "you", "amid", "amidst", "despite", "over", "among", "is", "are", "was", "were",
     "be", "been", "being", "am", "there", "here", "and", "or", "but", "what", "whatever",
     "only", "main", "biggest", "greatest", "real", "worst", "first", "one", "public", "old"]
)  # fmt: skip
# A belief inside what a verb of saying reports, held by the same speaker ("The union said it
# expects talks to fail"): the guide's rule on a hedge inside a sentence already credited.
_SPEAKER_AGAIN = re.compile(
    rf"\b(?:{trie_pattern(REPORTING_VERBS)})(?:[ \t]+(?:reporters|journalists|us|me|him|her|"
    r"them|the[ \t]+\w+))?[ \t]+(?:that[ \t]+)?(?:he|she|they|it|we|i)[ \t]+"
    r"(?:(?:also|still|now|firmly|strongly|genuinely)[ \t]+)?$",
    re.IGNORECASE,
)
# Third-person forms that are more often plural nouns ("the usual suspects", "fears of war").
_PLURAL_LIKE_BELIEFS = frozenset(["suspects", "fears", "doubts", "hopes", "worries", "thinks"])
# The clause a belief verb takes: "that ...", or a subject and a finite verb within a few words
# ("fear they will be cut off", "believe the fire was started"), not "believe in", "hope for".
_BELIEF_CLAUSE = re.compile(
    r"[ \t]+that\b|[ \t]+(?!(?:in|for|about(?![ \t]+\d)|of|on|to|so|not|with|from|at|by|as|"
    r"and)\b)"
    # a word, or a number with its separators ("believe around 1,200 people are")
    r"(?:(?:\d[\d,.]*\d|[\w’'-]+)[ \t]+){1,6}?(?:will|would|was|were|is|are|has|have|had|could|"
    r"can|may|"
    rf"might|should|must|did|does|{_IRREGULAR_PAST_ALT}|[a-z]{{3,}}ed)\b|"
    # the clause's subject with a non-restrictive relative set off by commas ("believe the
    # party, which won six seats, will join"; Quirk et al. 1985, 17.22): the verb after it
    r"[ \t]+(?!(?:in|for|about|of|on|to|so|not|with|from|at|by|as|and)\b)(?:[\w’'-]+[ \t]+){0,4}"
    r"[\w’'-]+,[ \t]+(?:who|which|whose)\b[^,.;:!?\n]{1,80},[ \t]+(?:[a-z]+ly[ \t]+)?"
    r"(?:will|would|was|were|is|are|has|have|had|could|can|may|might|should|must)\b"
)
# What is feared, as a noun phrase: an event to come ("Residents fear more attacks", "fear a
# second wave", "fear the worst"; fear as expectation of harm, Levin 1993, 31.2): not "fear
# the dark" or "fear spiders", which report no expected event.
_FEARED_EVENT = re.compile(
    r"[ \t]+(?:more|further|worse|another|renewed|fresh|new|a|an|the[ \t]+worst)(?![\w’'-])"
)
_FEAR_VERBS = frozenset(["fear", "feared", "fearing"])
# An expectation's object: a clause, a subject and infinitive ("expect the central bank to raise
# rates"), or what is expected ("Economists expect a rebound"; a stated expectation, the guide's
# speech acts), but not "expected to" alone nor a preposition.
_EXPECTATION_CLAUSE = re.compile(
    r"[ \t]+that\b|(?:[ \t]+(?!to\b)(?:\d[\d,.]*\d|[\w’'-]+)){1,5}?[ \t]+to[ \t]+[a-z]|"
    r"[ \t]+(?:a|an|the|no|some|more|fewer|further|little|growth|inflation|prices|"
    r"[\d£$€])(?![\w’'-])"
)
# "see the deal as a betrayal", not "see the castle as they drive up" (a clause of time).
_SEEN_AS = re.compile(
    r"(?:[ \t]+[\w’'.-]+){1,6}?[ \t]+as\b"
    r"(?![ \t]+(?:he|she|they|it|we|i|you|soon|well|long|much|far|a[ \t]+result)\b)"
)
# Source last, after what is held: "The crash killed 12, police believe."
_HELD_BEFORE = re.compile(r"[\w’'%)”\"],[ \t]+(?:[\w’'.-]+[ \t]+){0,5}")
_HELD_AFTER = re.compile(r"[ \t]*[.;!?,]")


def _holds_a_position(text: str, match: RuleMatch, previous: str) -> bool:
    """'Police believe the fire was started', 'Analysts expect the bank to act', 'Farmers see
    the lease as a lifeline', '..., police believe.': a subject other than the writer, then
    the clause held (or the clause before, the source last).

    Examples
    --------
    >>> from medialit.extract.attribution import extract_attributions
    >>> [a.cue for a in extract_attributions("Residents fear they will be cut off.")]
    ['fear']
    >>> extract_attributions("We fear nothing, and I believe in ghosts.")
    []
    """
    word = match.group().lower()
    if not previous or previous in _NOT_A_HOLDER or previous.endswith(("ed", "ing", ".", ":")):
        return False  # "amid fears", "I think", "sparked fears", "... harvest. Fears grow"
    before = text[max(0, match.start() - 80) : match.start()]
    if text[match.start()].isupper() or _GENERIC_SUBJECT.search(before):
        return False  # "Truth, Inspiration, Hope", "Anyone who believes": no one holds it
    if _SPEAKER_AGAIN.search(before):
        return False  # "said they fear ...": the speaker's own words, credited by "said"
    if word in _PLURAL_LIKE_BELIEFS and previous not in ("who", "which"):
        # "usual suspects", "fears of war": only "fears that"; after a relative pronoun the
        # form is the verb ("a teacher who fears her street is lost")
        return bool(_THAT_NEXT.match(text, match.end(), match.end() + 8)) or (
            _singular_subject_before(before, previous)
            and bool(_BELIEF_CLAUSE.match(text, match.end()))
            and not _VERB_NEXT.match(text, match.end())
        )  # "The union fears the plant will close", "She doubts the team can win"
    if word in _CHARACTERISE_VERBS:  # "see the deal as a betrayal", "sees inflation at 4%"
        return bool(_SEEN_AS.match(text, match.end()) or _AT_A_FIGURE.match(text, match.end()))
    if word in _FEAR_VERBS and _FEARED_EVENT.match(text, match.end()):
        return True
    if word in _VOLITION_VERBS:
        return _states_an_aim(text, match, previous)
    clause = _EXPECTATION_CLAUSE if word in _EXPECTATION_VERBS else _BELIEF_CLAUSE
    return bool(clause.match(text, match.end())) or _source_last(text, match)


# Words before "expected to" that make it active ("had expected to", "they expected to") or no
# passive ("as expected to"); a noun before it makes it a reduced passive.
_NOT_BEFORE_REDUCED = _NOT_A_HOLDER | _AUX_WORDS | _PRONOUNS | frozenset(["who", "which", "that"])
# Words before a verb of desire that leave no body stating an aim: a relative or negation
# ("who did not want to be named"), a noun's modifier ("the peace plan to"), a pronoun (the
# speaker's own words, credited by the verb of saying before it).
_NOT_AN_AIM_HOLDER = _NOT_BEFORE_REDUCED | frozenset(["nobody", "everyone", "anyone"])
# What is wanted: an infinitive, or a thing with what should happen to it ("wants the bill
# passed", "want a 15% pay rise"); "plan" takes only the infinitive.
_AIM_NEXT = re.compile(r"[ \t]+to[ \t]+[a-z]")
_WANTED_NEXT = re.compile(r"[ \t]+(?:a|an|the|all|more|its|their|[\d£$€])(?![\w’'-])")


def _inside_quotation(text: str, start: int) -> bool:
    """Does ``start`` stand inside quotation marks opened earlier in its paragraph?

    Examples
    --------
    >>> _inside_quotation('He said: "We want it." They want more.', 13)
    True
    >>> _inside_quotation('He said: "We want it." They want more.', 28)
    False
    """
    paragraph = text[text.rfind("\n", 0, start) + 1 : start]
    opened = paragraph.count("“") - paragraph.count("”")
    return opened > 0 or paragraph.count('"') % 2 == 1


def _states_an_aim(text: str, match: RuleMatch, previous: str) -> bool:
    """'The union wants the closures suspended', 'Supporters plan to gather': a body or a
    group (a plural for the bare "plan", which is otherwise a noun) and what it aims at.

    Examples
    --------
    >>> from medialit.extract.attribution import extract_attributions
    >>> [a.source for a in extract_attributions("The union wants a 10% pay rise.")]
    ['The union']
    >>> extract_attributions("A man, who did not want to be named, left. The peace plan to end it.")
    []
    """
    if previous in _NOT_AN_AIM_HOLDER or previous.endswith(("’s", "'s")):
        return False
    if _inside_quotation(text, match.start()):
        return False  # a speaker's own wish, already credited by the quotation's cue
    word = match.group().lower()
    if word == "plan" and not (previous.endswith("s") and previous.isalpha()):
        return False  # "a new plan to": the noun
    if word == "plans" and not _singular_subject_before(
        text[max(0, match.start() - 60) : match.start()], previous
    ):
        return False  # "government plans to ...", "the peace plans": the plural noun
    return bool(_AIM_NEXT.match(text, match.end())) or (
        # only "want" takes a noun phrase as a stated aim ("wants a pay rise"); "plans the
        # funeral", "plans a new road" is arranging, not a position (Levin 1993, 32.1)
        word in ("want", "wants") and bool(_WANTED_NEXT.match(text, match.end()))
    )


def _reduced_passive(previous: str, before: str) -> bool:
    """'sales expected to rise', 'a man believed to be the leader': a noun, then the passive."""
    word = previous.rstrip(",")
    return bool(word.isalpha()) and word not in _NOT_BEFORE_REDUCED and not word.endswith("ly")


def _source_last(text: str, match: RuleMatch) -> bool:
    """'The crash killed 12, police believe.': what is held or said comes first, then the
    source and the verb, which ends its clause."""
    if not _HELD_AFTER.match(text, match.end()):
        return False
    before = text[max(0, match.start() - 80) : match.start()]
    comma = before.rfind(",")
    return comma > 0 and bool(_HELD_BEFORE.fullmatch(before, comma - 1))


# A player's or a team's statistics after a verb of recording: performances, nothing reported.
_SPORTS_TALLY = re.compile(
    r"\s+(?:(?:more|fewer|less)\s+than\s+|under\s+|over\s+)?[^\s]+\s+(?:[\w-]+\s+)?(?:points?|goals?|runs?|assists?|rebounds?|wickets?|saves?|"
    r"tackles?|yards|wins?|victories|strikeouts?|birdies|aces|laps?|sacks?|touchdowns?)\b",
    re.IGNORECASE,
)
_A_RATE_NEXT = re.compile(r"\s+[^\s]*\d[\d.,]*\s*(?:%|per\s*cent|percent)", re.IGNORECASE)
# People who count and report what they observe (the guide's monitors and observers).
_OBSERVERS = frozenset(["monitors", "observers", "researchers", "scientists", "inspectors",
                        "investigators", "rescuers", "volunteers", "activists", "campaigners",
                        "officials", "authorities", "seismologists", "meteorologists"])  # fmt: skip


def _a_body_or_observer(text: str, start: int) -> bool:
    """The subject before a verb of recording: a name or acronym ('Phivolcs', 'the UN'), a body
    ('Police', 'the ministry') or observers; not a person ('he', 'the striker')."""
    words = [w.strip("’'") for w in text[max(0, start - 60) : start].split()]
    while words and words[-1].lower() in _AUX_WORDS:
        words.pop()  # "The UN has documented"
    if not words:
        return False
    last = words[-1]
    lowered = last.lower()
    if lowered in _PRONOUNS or lowered in _NOT_A_HOLDER or lowered in ("who", "which", "that"):
        return False
    if last[0].isupper():
        return True  # a name: "the UN", "Human Rights Watch", "Phivolcs"
    return lowered in _OBSERVERS or _KIND_OF_WORD.get(lowered) in ("organisation", "media")


# News style's conditions of anonymity ("who asked not to be named", "asked for anonymity",
# "asked that her name not be used", "asked to remain anonymous"): the source's request to the
# reporter, not a claim the story reports.
_ASKED_NOT_A_CLAIM = re.compile(
    r"[ \t]+(?:not[ \t]+to[ \t]+be[ \t]+(?:named|identified|quoted)|for[ \t]+anonymity|"
    r"to[ \t]+remain[ \t]+(?:anonymous|unnamed)|to[ \t]+be[ \t]+identified[ \t]+only|"
    r"that[ \t]+(?:his|her|their|its)[ \t]+names?[ \t]+(?:not[ \t]+)?be)\b",
    re.IGNORECASE,
)
# A participle opening its sentence before a question ("Asked about Mensah, ...", "Asked
# whether he would resign, ..."): the question put to the subject of the main clause.
_ASKED_WHAT = re.compile(
    r"[ \t]+(?:about|whether|if|why|how|what|when|where|who|for|to[ \t]+comment)\b",
    re.IGNORECASE,
)


def _opens_a_participle(text: str, position: int) -> bool:
    """'Asked about the delay, ...': a capitalised participle at a sentence's start, a question
    after it."""
    if not text[position].isupper():
        return False
    line_before = text[max(0, position - 3) : position]
    at_start = position == 0 or not line_before.strip() or line_before.rstrip()[-1:] in '.!?”"’'
    end = position + len("asked")
    return at_start and bool(_ASKED_WHAT.match(text, end))


_POST_PLACE = rf"(?:{'|'.join(_POST_PLACES)})(?![\w-])"
# What a post says, next to "posted": a colon or a quotation, or "that".
_POST_WORDS_NEXT = re.compile(r"[ \t]*(?::|,?[ \t]*[“\"])|[ \t]+that\b")
# The platform after the thing posted: "posted a photo of the crowd on Instagram".
_POST_PLACE_NEXT = re.compile(
    rf"(?:[ \t]+[^\s.;:!?“”\"]+){{1,8}}?[ \t]+(?:on|to)[ \t]+(?:his[ \t]+|her[ \t]+|their[ \t]+|"
    rf"its[ \t]+)?{_POST_PLACE}",
    re.IGNORECASE,
)
_POST_PLACE_BEFORE = re.compile(rf"\b(?:on|to)[ \t]+{_POST_PLACE}", re.IGNORECASE)
_BE_FORMS = frozenset(["is", "are", "was", "were", "be", "been", "being", "am"])


def _is_a_post(text: str, match: RuleMatch, previous: str, before: str) -> bool:
    """'One fan posted: “...”', 'he posted a photo on Instagram': someone posted words; not
    'the letter was posted', 'a video posted online' (the thing posted)."""
    if previous in _BE_FORMS or previous in _DETERMINERS or _EVIDENCE_JUST_BEFORE.search(before):
        return False
    return bool(
        _POST_WORDS_NEXT.match(text, match.end())
        or _POST_PLACE_NEXT.match(text, match.end())
        or _POST_PLACE_BEFORE.search(_clause_before(text, match.start()))
    )


# A capitalised word right after another capitalised word, with a lower-case word or a
# comma after it, is part of a name ("Marco Tell said", "Sam Brand, the coach"): English
# capitalises a verb inside a sentence only in a Title-Case headline ("Putin Says Talks
# Failed"), where the next word is capitalised too (the capitalisation conventions of any
# style guide, e.g. the Chicago Manual of Style on title case).
_NAME_WORD_BEFORE = re.compile(r"(?:^|[\s(“\"])[A-Z][\w’'.-]*[ \t]+$")
# The small words a title-case headline leaves in lower case ("Mayor Warns of Floods").
_LOWER_OR_COMMA_NEXT = re.compile(
    r"[ \t]*,|[ \t]+(?!(?:a|an|the|and|but|or|nor|for|so|yet|as|at|by|in|of|on|to|up|"
    r"via|over|about|from|into|with|that|than|off|out)\b)[a-z]"
)


# Reporting verbs whose bare and -s forms are also nouns ("a claim", "the notes") and that take
# a reported clause ("claim that", "note that"; the verbs of saying with a that-clause in
# Levin 1993, 37.7). Right after a subject pronoun, which no noun follows in a noun phrase,
# the word agreeing with it can only be the verb: "they claim", "she notes", "it states".
_CLAUSE_TAKING_NOUN_VERBS = frozenset(
    ["claim", "state", "note", "report", "estimate", "stress", "hint", "remark", "boast",
     "promise"]
)  # fmt: skip
_SINGULAR_PRONOUNS = frozenset(["he", "she", "it"])


def _pronoun_then_reporting_verb(text: str, end: int, word: str, previous: str) -> bool:
    """Is ``word`` a present-tense verb of saying after a subject pronoun, with its clause?

    Examples
    --------
    >>> text = "They claim the vote was rigged."
    >>> _pronoun_then_reporting_verb(text, 10, "claim", "they")
    True
    >>> text = "He reports to the board."
    >>> _pronoun_then_reporting_verb(text, 10, "reports", "he")
    False
    """
    if previous == "they":
        agrees = word in _CLAUSE_TAKING_NOUN_VERBS
    elif previous in _SINGULAR_PRONOUNS:
        agrees = word.endswith("s") and (
            word[:-1] in _CLAUSE_TAKING_NOUN_VERBS or word[:-2] in _CLAUSE_TAKING_NOUN_VERBS
        )
    else:
        return False
    return agrees and bool(_BELIEF_CLAUSE.match(text, end))


# "Our correspondent in Vosk, Ana Bell, reports that": a name of two capitalised words or more,
# set off by commas, is the subject's apposition; "In Paris, reports that ..." (one word, one
# comma) stays a noun.
_VERB_NEXT = re.compile(
    r"[ \t]+(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|did|"
    r"do|does)\b"
)
_APPOSITIVE_NAME_BEFORE = re.compile(r",[ \t]+[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)+,[ \t]+$")


def _singular_body_before(words_before: list[str]) -> bool:
    """'the statistics office reports', 'the ministry reports': a determiner's singular noun of an
    organisation agrees with "reports" (a noun compound, "police reports", has no determiner
    there or a plural head).

    Examples
    --------
    >>> _singular_body_before(["the", "statistics", "office"]), _singular_body_before(["police"])
    (True, False)
    >>> _singular_body_before(["news,", "the", "national", "statistics", "committee"])
    True
    """
    if not words_before or not (
        _KIND_OF_WORD.get(words_before[-1]) in ("organisation", "title")
        or _AGENT.fullmatch(words_before[-1])  # "the prosecutor", "the researcher"
    ):
        return False
    head = words_before[-1]
    if head in ("police", "staff") or (head.endswith("s") and not head.endswith("ss")):
        return False  # plurals: "police reports that ..." is a noun compound
    return any(w in _SUBJECT_DETERMINERS for w in words_before[-4:-1])


def _pronoun_then_noun_like_verb_without_words(
    text: str, match: RuleMatch, word: str, previous: str
) -> bool:
    """'He reports to the board', 'She notes the score on a card': the verb after a pronoun,
    but in its other sense (to answer to someone, to write something down), told by what
    follows: neither a clause, nor a colon, comma or quotation, and no quotation just before.

    Examples
    --------
    >>> text = "He reports to the board."
    >>> verb = re.search("reports", text)
    >>> _pronoun_then_noun_like_verb_without_words(text, verb, "reports", "he")
    True
    >>> text = "He reports that the board met."
    >>> verb = re.search("reports", text)
    >>> _pronoun_then_noun_like_verb_without_words(text, verb, "reports", "he")
    False
    """
    if previous not in _SINGULAR_PRONOUNS or not (
        word.endswith("s") and word[:-1] in _CLAUSE_TAKING_NOUN_VERBS
    ):
        return False
    end = match.end()
    return not (
        _COMPLEMENT.match(text, end)
        or _BELIEF_CLAUSE.match(text, end)
        or _quote_just_before(text, match.start())
    )


def _singular_subject_before(before: str, previous: str) -> bool:
    """Does ``before`` end with a singular subject: "he", "she", "it", or a determiner's singular
    noun of a body or a title ("the union", "the chief prosecutor")? An -s form agrees with it
    as a verb ("The union fears ..."), where after a plural or a modifier it is a noun.

    Examples
    --------
    >>> _singular_subject_before("The union ", "union"), _singular_subject_before("Job ", "job")
    (True, False)
    """
    return previous in _SINGULAR_PRONOUNS or _singular_body_before(before.lower().split()[-4:])


_SPEAKING_PRONOUNS = frozenset(["he", "she", "they", "who"])


def _threat_by_a_speaker(text: str, match: RuleMatch) -> bool:
    """'The union threatened to strike', 'Dessel Marine has threatened to walk away': a threat
    (the guide's speech acts) is stated when its subject can speak: a pronoun for people, a
    name inside the sentence, a body, a title or an agent, or people who speak ("workers"); a
    flood, a storm or a debt threatens with no words. One capitalised word opening the sentence
    is left out: it may be a name ("Iran") or a common noun ("Fire").

    Examples
    --------
    >>> text = "The union threatened to strike."
    >>> _threat_by_a_speaker(text, re.search("threatened", text))
    True
    >>> text = "The floods threatened to cut the road."
    >>> _threat_by_a_speaker(text, re.search("threatened", text))
    False
    """
    if not _AIM_NEXT.match(text, match.end()):
        return False
    words = _clause_before(text, match.start()).split()
    while words and words[-1].lower() in _AUX_WORDS:
        words.pop()
    if not words:
        return False
    last = words[-1].rstrip(",")
    lowered = [w.lower().rstrip(",") for w in words[-4:]]
    return bool(
        last.lower() in _SPEAKING_PRONOUNS
        or (last[:1].isupper() and last.lower() not in _DETERMINERS and len(words) > 1)
        or _singular_body_before(lowered)
        or _KIND_OF_WORD.get(lowered[-1].removesuffix("s")) == "title"  # "ministers"
        or _PEOPLE_WHO_SPEAK.search(" ".join(words[-3:]) + " ")
    )


def _learned_by_a_source(text: str, match: RuleMatch) -> bool:
    """'The Herald understands the deal is close': a named medium or body (a capitalised name,
    or a determiner's body, title or agent) with a clause after the verb; not "I understand",
    "understands the risks", "has learned to swim".

    Examples
    --------
    >>> text = "The Herald understands the deal is close."
    >>> _learned_by_a_source(text, re.search("understands", text))
    True
    >>> text = "She understands the rules."
    >>> _learned_by_a_source(text, re.search("understands", text))
    False
    """
    if not _BELIEF_CLAUSE.match(text, match.end()) or _VERB_NEXT.match(text, match.end()):
        return False
    if _DEMONSTRATIVE_THAT.match(text, match.end()):
        return False  # "has learned that lesson well", "understands that frustration"
    words = _clause_before(text, match.start()).split()
    if not words:
        return False
    last = words[-1]
    return bool(
        (last[:1].isupper() and last.lower() not in _PRONOUNS and len(words) > 1)
        or _singular_body_before([w.lower() for w in words[-4:]])
    )


def _singular_body_then_reporting_verb(text: str, end: int, word: str, before: str) -> bool:
    """'The institute estimates that ...', 'The mayor claims the budget ...': the -s form of a verb
    of saying that is also a plural noun, after a determiner and a singular noun of a body or a
    title, with a clause after it and no auxiliary (which would make it the noun: "the union
    claims were rejected").

    Examples
    --------
    >>> text = "The institute estimates that 3,000 families are homeless."
    >>> _singular_body_then_reporting_verb(text, 23, "estimates", text[:14])
    True
    >>> text = "The union claims were rejected."
    >>> _singular_body_then_reporting_verb(text, 16, "claims", text[:10])
    False
    """
    if not (word.endswith("s") and word[:-1] in _CLAUSE_TAKING_NOUN_VERBS):
        return False
    if not _singular_body_before(before.lower().split()[-4:]):
        return False
    return bool(_BELIEF_CLAUSE.match(text, end)) and not _VERB_NEXT.match(text, end)


def _capital_inside_a_name(text: str, start: int, before: str) -> bool:
    """Is the capitalised cue word at ``start`` a surname after a given name ("Marco Tell said")?

    Examples
    --------
    >>> text = "Marco Tell said it."
    >>> _capital_inside_a_name(text, 6, text[:6])
    True
    >>> text = "Putin Says Talks Failed"
    >>> _capital_inside_a_name(text, 6, text[:6])
    False
    """
    if not text[start].isupper() or not _NAME_WORD_BEFORE.search(before):
        return False
    end = start
    while end < len(text) and (text[end].isalpha() or text[end] in "’'-"):
        end += 1
    return bool(_LOWER_OR_COMMA_NEXT.match(text, end))


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


# Common nouns for the bodies a headline credits before a colon ("Police: ...", "Ministry:
# ..."); a proper name there is as often a place or a topic ("Kazakhstan: riots explode").
_BODY_NOUNS = frozenset(["police", "government", "ministry", "army", "military", "court",
                         "council", "prosecutors", "authorities", "officials", "doctors",
                         "scientists", "researchers", "report", "study", "survey", "poll",
                         "witnesses", "residents", "analysts", "experts"])  # fmt: skip


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
        if not _opens_a_turn(text, match.end()):
            return False
        # A headline that opens with its source and a colon ("Police: two men held after
        # raid"; the headline convention of a source before its claim) is a tag when the word
        # names a body, a title or a group of people, not a place ("Kazakhstan: riots").
        word = words[0].lower()
        headline_source = _in_headline(text, start) and (
            _KIND_OF_WORD.get(word) in ("title", "vague") or word in _BODY_NOUNS
        )
        return headline_source or _other_turns_near(text, start)
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


def _plural_relative_before(before: str) -> bool:
    """Does ``before`` end with a plural, a comma and "who" or "which" ("guidelines, which ")?"""
    comma = before.rfind(",")
    return comma > 2 and bool(_PLURAL_RELATIVE.fullmatch(before, comma - 3))


def _bare_form_is_a_verb(text: str, start: int, word: str, before: str) -> bool:
    """A bare form ("say", "announce") heads a headline or follows a plural subject ("Tenants
    on Mill Lane say"); worked out only for bare forms, the few cues that need it."""
    if word in _NOUN_LIKE_BASES:  # "Insiders claim", "Sources close to the club claim"
        return bool(_PEOPLE_WHO_SPEAK.search(_clause_before(text, start)))
    return bool(
        _in_headline(text, start)
        or _PLURAL_SUBJECT.search(before)
        or _plural_relative_before(before)
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


def cue_is_participle(cue: str) -> bool:
    """'citing', 'vowing', 'pointing out': a verb that borrows the subject of the main clause.

    Examples
    --------
    >>> cue_is_participle("pointing out"), cue_is_participle("according to")
    (True, False)
    """
    first = cue.lower().split(" ", 1)[0]
    return first.endswith("ing") and first != "according"
