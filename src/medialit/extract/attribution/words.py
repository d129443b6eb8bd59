"""Word lists and patterns that more than one step of attribution finding uses.

They live here, below the steps, so that ``cues``, ``sources``, ``quotes``, ``speakers`` and
``extraction`` import them without importing one another in a circle: the platforms of social
media, the source words by kind (``SOURCE_WORDS``), titles and role heads, and a few patterns
of English verbs and subjects.
"""

from __future__ import annotations

import re

_PLATFORMS = ["twitter", "facebook", "telegram", "instagram", "youtube", "tiktok", "vkontakte",
              "vk", "weibo", "reddit"]  # fmt: skip


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
_NAME_LINKS = frozenset(["of", "the", "and", "de", "van", "von", "al", "bin", "for", "la", "le"])
_OPENING_NAME = re.compile(r"\s*((?:The\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
# Nouns and names that end in -ly but are no adverbs ("family says"): -ly words not derived
# from adjectives (Quirk et al. 1985, 7.46, on adverbs in -ly).
_LY_NOUNS = "(?:family|ally|assembly|rally|supply|monopoly|anomaly|bully|july|italy)"
_LY_NOUN = re.compile(_LY_NOUNS)
# Days and months; "may" is left out, since it is far more often the modal verb.
_DAYS_AND_MONTHS_TEXT = """monday tuesday wednesday thursday friday saturday sunday january february
    march april june july august september october november december"""


# A form of "be" before the cue makes it a passive, with up to two adverbs between them: an
# -ly adverb or one of the time and focus adverbs that sit in the middle position of the verb
# phrase ("are now estimated", "was later denied", "has since been widely reported"; Quirk et
# al. 1985, 8.21-8.24, on medial adverbials).
_MEDIAL_ADVERB_TEXT = (
    "now later also still already then since once often never even just again first"
)
_MEDIAL_ADVERB = rf"(?:[a-z]+ly|{'|'.join(_MEDIAL_ADVERB_TEXT.split())})"
_PASSIVE_BEFORE = re.compile(
    rf"\b(?:is|are|was|were|been|being|be)\s+(?:{_MEDIAL_ADVERB}\s+){{0,2}}$", re.IGNORECASE
)


# A time adverbial or an adverb between a conjunction and its verb: "and last year accused".
_TIME_BEFORE_VERB = re.compile(
    r"(?:\s+(?:(?:last|this|next|that|the\s+same|the\s+following)\s+(?:year|month|week|day|"
    r"morning|evening|night|weekend|spring|summer|autumn|fall|winter)|yesterday|today|"
    rf"tonight|later|earlier|then|also|once|again|(?-i:(?!{_LY_NOUNS}\b)[a-z]+ly)))+\s*$",
    re.IGNORECASE,
)
_VERB_BEFORE_OBJECT = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|seen|saw|read|heard|found|got|made|"
    r"[a-z]{2,}ed)\s+"
)


# A by-phrase set off between a subject and its verb names who stands behind the subject
# ("The report, by the engineering firm Tallis & Webb, says"; "A coalition, led by the Water
# Alliance, claims"): the guide's spans keep it, as it says whose report or group speaks.
_AGENT_PHRASE = re.compile(
    r",[ \t]+(?:(?:led|run|backed|funded|commissioned|written|published|headed|chaired|"
    r"founded|organi[sz]ed)[ \t]+)?by[ \t]+[^,;:.!?“”\"\n()]{1,80}(?=,[ \t]*$)"
)


_QUESTION_TAG = re.compile(r"Q|A|Questions?|Answers?")
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


# Nouns that name one person by what they are or do, for an unnamed speaker ("a doctor at the
# hospital", "one resident"): the role heads of a title, agent nouns in -er, -or, -ist and -ian
# (agential suffixes, Quirk et al. 1985, App. I.34) and the common nouns for people in news
# reports that have no such suffix.
_PERSON_NOUNS_TEXT = """doctor nurse witness resident neighbour neighbor man woman person source
    student parent mother father son daughter wife husband passenger survivor victim local
    medic paramedic soldier guard volunteer employee participant assistant patient citizen
    pilot engineer inspector dispatcher member fan supporter owner farmer worker teacher
    coach boss expert analyst academic colleague friend relative child boy girl pupil
    graduate veteran refugee migrant priest imam rabbi athlete"""
_PERSON_NOUNS = frozenset(_PERSON_NOUNS_TEXT.split()) | _ROLE_HEADS
_AGENT_SUFFIX = re.compile(r"[a-z]{3,}(?:er|or|ist|ian)")


# A mention is a subject when it opens a sentence, or when a verb follows it (after an
# appositive between commas or a bracket): "Qawi was later accused", "Ann Lee, a nurse, said",
# "The governor, Tom Brenner, met". Past tenses of common irregular verbs (the list of any
# English grammar) and any word after a closing comma that is no preposition or conjunction.
_IRREGULAR_PAST_TEXT = """said told met went came took gave made left won lost held led sent spent
    paid fled found saw knew thought wrote spoke broke chose drove rose fell struck stood sat ran
    began brought bought sold caught fought sought taught built kept meant felt heard put set cut
    wept swore threw grew drew flew hid shook woke wore tore rode forgave forgot fed dealt hung"""
_IRREGULAR_PAST_ALT = "|".join(_IRREGULAR_PAST_TEXT.split())  # the list as a regex alternation
_IRREGULAR_PAST_AFTER = re.compile(rf"\b(?:{_IRREGULAR_PAST_ALT})\s+")
