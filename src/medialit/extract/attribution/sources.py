"""The source: the noun phrase an attribution's cue ties its claim to, and its kind.

The source is found before the cue ("Lebedev said") or after it ("according to Tokayev", "– said
Tokayev" after a quotation); ``classify_source`` tells its kind: a named person, a named
organisation, a named medium, a document, social media, or a vague one ("reports", "some
estimates").
"""

from __future__ import annotations

import re

from medialit.extract.attribution.cues import (
    _AUX_WORDS,
    _DETERMINERS,
    _NAME_AFTER,
    _QUOTE_JUST_BEFORE,
    _THAT_AFTER,
    _WINDOW,
    _clause_before,
    _Cue,
)
from medialit.extract.attribution.words import (
    _AGENT_SUFFIX,
    _IRREGULAR_PAST_AFTER,
    _IRREGULAR_PAST_ALT,
    _KIND_OF_WORD,
    _LY_NOUN,
    _NAME_LINKS,
    _PERSON_NOUNS,
    _PLATFORMS,
    _ROLE_HEADS,
    _TIME_BEFORE_VERB,
    _TITLE_WORDS,
    _VERB_BEFORE_OBJECT,
)
from medialit.extract.scanning import lower_same_length, trie_pattern

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
_THE_NAME = re.compile(
    rf"(?i:the)[ \t]+[{_UPPER}][\w’'&.-]*(?:[ \t]+(?:of|for|and|&|[{_UPPER}][\w’'&.-]*))+"
)
# A body or a person in the possessive, then a person's name: "the Kremlin's Dmitry Peskov",
# "Tesco's Ken Murphy" (a possessive determiner before a proper name, Quirk et al. 1985, 5.113).
_POSSESSOR_THEN_NAME = re.compile(
    rf"(?:(?i:the)[ \t]+)?[{_UPPER}][\w.&-]*(?:[ \t]+[{_UPPER}][\w.&-]*)*[’']s[ \t]+"
    rf"(?P<name>[{_UPPER}][\w’'-]+(?:[ \t]+[{_UPPER}][\w’'-]+){{1,2}})"
)
_AGE_FIRST = re.compile(r"^[ \t]*\d{1,3},")  # "Priya, 34, who lives ...": past the age
# Abbreviated titles before a name ("Sen. Jo Lake", "Lt. Gen. Ed Ray"; AP Stylebook,
# "abbreviations"): their full stop ends no sentence.
_TITLE_ABBREVIATION_TEXT = """Sen Rep Gov Lt Gen Col Capt Sgt Maj Adm Dr Mr Mrs Ms Prof Rev Supt
    Insp Det"""
# "Sen" is also a surname ("Hun Sen", "Amartya Sen"): its full stop is a title's only before
# a full name ("Sen. Jo Lake"); before one capital word it may end the sentence. Capitals
# count as capitals even in a pattern that ignores case.
_ALSO_A_SURNAME = {"Sen"}


def _title_before_its_dot(word: str) -> str:
    """A zero-width pattern that stands right after the title ``word``, before its full stop."""
    if word in _ALSO_A_SURNAME:
        return rf"(?<=\b{word})(?-i:(?=\.\s+[{_UPPER}][\w’'-]*\s+[{_UPPER}]))"
    return rf"(?<=\b{word})"


_TITLE_ABBREVIATIONS = (
    "(?:" + "|".join(_title_before_its_dot(word) for word in _TITLE_ABBREVIATION_TEXT.split()) + ")"
)
_TITLE_ABBREVIATION_DOT = rf"{_TITLE_ABBREVIATIONS}\.(?=\s+[A-Z])"
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_ARTICLE_FIRST = re.compile(r"^\s*(?:the|a)\b", re.IGNORECASE)


def _source_kinds(words: str) -> set[str]:
    """Which kinds of source word occur in ``words``."""
    found = _SOURCE_WORD.finditer(lower_same_length(words))
    return {_KIND_OF_WORD.get(" ".join(m.group().split()), "vague") for m in found}


def _appositive_kind(described_by: str) -> str:
    """The kind of a body an appositive names ("the ride-hailing firm": named_organisation),
    or "" when it names none or gives a person's role ("the company founder").

    Examples
    --------
    >>> _appositive_kind(" the company behind the project"), _appositive_kind(" the firm's founder")
    ('named_organisation', '')
    """
    words = lower_same_length(described_by).replace("’s", "").replace("'s", "").split()
    if any(w in _ROLE_HEADS or _AGENT_NOUN.fullmatch(w) for w in words):
        return ""
    described = _source_kinds(described_by)
    if "title" in described or not described & {"media", "organisation"}:
        return ""
    return "named_media" if "media" in described else "named_organisation"


# An unnamed person described by a noun that is no title: "a doctor at the hospital", "one
# resident", "a local shopkeeper" (the guide: an unnamed inspector or dispatcher is vague).
_UNNAMED_PERSON = re.compile(
    r"\s*(?i:a|an|one|another|the)\s+(?:[a-z][\w’'-]*\s+){0,3}?(?P<head>[a-z]+)"
    r"(?=\s+(?:at|of|from|in|on|with|for|near|who)\b|\s*$)"
)


def _unnamed_person(head: str) -> bool:
    """'A doctor at the district hospital' -> True; 'the minister', 'a report' -> False."""
    found = _UNNAMED_PERSON.match(head)
    if not found or _NAME.search(head):
        return False
    noun = found.group("head")
    if noun in _ROLE_HEADS or noun in _TITLE_WORDS or noun in _KIND_OF_WORD:
        return False  # a title identifies one person: "the minister" (the guide)
    return noun in _PERSON_NOUNS or bool(_AGENT_SUFFIX.fullmatch(noun))


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
    possessed = _POSSESSOR_THEN_NAME.fullmatch(head.strip())
    if possessed and not _source_kinds(possessed.group("name")):
        return "named_person"  # "the Kremlin's Dmitry Peskov": a person of the body
    if _unnamed_person(head) and not _NAME.search(source):
        return "vague"  # "A doctor at the district hospital": an unnamed person (the guide)
    kinds = _source_kinds(head)
    described_by = _AGE_FIRST.sub("", source.split(",", 1)[1]) if "," in source else ""
    if (
        not kinds
        and described_by
        and not _NAME.search(head)
        and not _RELATIVE_CLAUSE.match(described_by)
    ):
        # "Corvo, the ride-hailing firm": a bare name takes its kind from the appositive (a
        # relative clause describes what it says, not what the source is)
        if _NAME.fullmatch(described_by.strip()):
            return "named_person"  # "His publicist, Ray Mercer": the name in apposition
        described = _appositive_kind(described_by)
        if described:
            return described
    if _VAGUE_FIRST.match(head):
        return "vague"  # "Sources close to the government", "some officials"
    has_name = bool(_NAME.search(head))
    if "media" in kinds and "title" not in kinds:
        return "named_media"
    if has_name and not kinds and described_by and not _RELATIVE_CLAUSE.match(described_by):
        # "Corvex Mining, the company behind the project": the appositive says what the name is
        described = _appositive_kind(described_by)
        if described:
            return described
    if has_name and "title" not in kinds and _THE_NAME.fullmatch(head.strip()):
        # "The National Grid", "the Harbour Trust": English names of people take no article
        # (Quirk et al. 1985, 5.65, proper nouns with the definite article), names of bodies do
        return "named_organisation"
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


# "who" in capitals is the World Health Organization's acronym, not the relative pronoun: the
# relative pronouns are matched in lower case only (or capitalised, opening a sentence).
_LEADING_JUNK = re.compile(
    r"^[\s,“\"‘]*(?:(?:and|but|while|although|though|as|when|so|that|then|which|because|yet|even|"
    r"since|after|before|however|meanwhile|(?-i:[Ww]hom?)|in\s+which|of\s+which|reportedly|allegedly|"
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
# A past participle: regular, in -en, or one of the common irregular ones.
_PAST_PARTICIPLE = r"(?:[a-z]{3,}ed|[a-z]{3,}en|shown|seen|made|shot|put|sent|held)"
# Two reduced relative clauses joined by "and" inside one noun phrase ("footage filmed by
# residents and verified by Reuters"; reduced relatives, Quirk et al. 1985, 17.30, and their
# coordination, 13.64): the second participle opens no new clause.
_PARTICIPLE_PHRASE = re.compile(rf"{_PAST_PARTICIPLE}\s+(?:by|on|in|from|to|via|across|through)\b")
_PARTICIPLE_BY_INSIDE = re.compile(rf"\b{_PAST_PARTICIPLE}\s+(?:by|on|in|from|via)\b")
# "Prime Minister Tuilaepa, who told": the relative pronoun stands for the name before it.
_RELATIVE_ONLY = re.compile(r"\s*(?:who|which)\s*")
# A preposition of place before a name: the name is a place, not a person "who" speaks.
_PLACE_BEFORE = re.compile(r"\s(?:in|at|near|outside|inside)\s+(?:the\s+)?$")
# A lower-case noun and "of" before a name: the name post-modifies that noun ("the mayor of").
# Only a source's or a role's noun, and no complex preposition ("in front of", "on behalf
# of", "with the help of"; Quirk et al. 1985, 9.10): a bare noun after a preposition.
_OF_BEFORE = re.compile(
    r"(?<![\w’'-])(?<!\bin\s)(?<!\bon\s)(?<!\bat\s)(?<!\bby\s)"
    r"(?P<noun>[a-z][\w’'-]*)\s+of\s+(?:the\s+)?$"
)
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
# An opening prepositional phrase that runs to a comma with no verb inside: a channel or a
# time set off before the subject ("In an interview with the BBC, the minister said"; Quirk et
# al. 1985, 8.17, on initial adverbials); the subject starts after the comma.
_INTRO_BEFORE_COMMA = re.compile(
    r"\s*(?i:in|at|on|during|after|before|with|through|via|speaking|writing)\s[^,;:\n]{1,80}?,\s+(?=\S)"
)
# The first word of an opening adverbial: a preposition, a participle ("Speaking on Monday",
# "Asked about"), or a time word that a prepositional phrase follows ("Late on Friday"); a
# noun phrase with a prepositional post-modifier ("A doctor at the hospital") opens otherwise
# (Quirk et al. 1985, 8.17 on initial adverbials, 17.37 on post-modifying prepositional phrases).
_OPENS_ADVERBIAL = re.compile(
    r"\s*(?:(?i:on|in|at|by|following|addressing|after|during|given|late|early|earlier|later|"
    r"shortly|just|soon|speaking|writing)\b|[A-Za-z][a-z]+(?:ing|ed)\b)"
)
_SUBORDINATOR_FIRST = re.compile(
    r"[\s,“\"‘]*(?i:while|although|though|as|when|because|since|after|before|once|even)\b"
)
_INTRO_WORD = re.compile(r"\b(?:on|in|at|by|following|addressing|after|during|given)\b", re.I)


_RAISING_VERBS = (" appear", " appears", " appeared", " seem", " seems", " seemed")


def _without_trailing_aux(clause: str) -> str:
    """'Dmitri Peskov had also' -> 'Dmitri Peskov': drop the words between subject and verb."""
    clause = clause.rstrip()
    while True:
        head, _, last = clause.rpartition(" ")
        word = last.lower()
        if word == "to" and head.lower().endswith(_RAISING_VERBS):
            # "appeared to acknowledge", "appears to show", "seem to suggest": a raising
            # verb lends its subject to the cue (Quirk et al. 1985, 16.49 on "seem" and
            # "appear" with a to-infinitive)
            head = head.rpartition(" ")[0]
        elif not head or not (
            word in _AUX_WORDS
            or (  # "subsequently" is an adverb, "Italy" is not
                last.endswith("ly")
                and last.islower()
                and head.split()[-1].lower() not in _DETERMINERS
                # "Reed's family", "the ally": a noun in -ly after a possessive or as such
                and not head.endswith(("'s", "’s", "s'", "s’"))
                and not _LY_NOUN.fullmatch(word)
            )
        ):
            return clause  # "the rally" keeps its noun; "subsequently" goes
        clause = head.rstrip()


# "Leonid Kalashnikov" before ", a Russian lawmaker,": a short phrase with a capital.
_NAME_PHRASE = re.compile(r"^(?=[^,]*[A-Z])\W*(?:\S+\s+){0,5}\S+\s*$")


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
    if _DEFINITE_SOURCE_NOUN.fullmatch(part) and words[-1].lower() in _HEAD_NOUNS:
        return 0  # "The bank, a big lender,": a definite noun phrase that a source's noun heads
    return None


# A definite noun phrase of a few words (Quirk et al. 1985, 17.65: an appositive may follow any
# noun phrase, not only a name).
_DEFINITE_SOURCE_NOUN = re.compile(
    r"\s*(?i:the|its|their|his|her|our)[ \t]+(?:[\w’'-]+[ \t]+){0,3}[\w’'-]+\s*"
)


# Simple past forms that are never participles ("orders fell by a quarter"): a clause, not a
# noun phrase; the forms that are also participles ("led by", "held in") may sit in one.
_PAST_ONLY_TEXT = """fell rose went came took gave wrote spoke broke chose drove ran began grew
    drew flew threw shook saw knew"""
_PAST_ONLY_ALT = "|".join(_PAST_ONLY_TEXT.split())
_PAST_ONLY = re.compile(rf"(?<![\w’'-])(?:{_PAST_ONLY_ALT})\b")
_PAST_VERB_ONLY = re.compile(rf"(?:[a-z]{{2,}}ed|{_IRREGULAR_PAST_ALT})[ \t]*")


def _name_list_start(parts: list[str]) -> int:
    """How many parts before the last belong to a list of names ending with "and": "Russia,
    Belarus, Tajikistan and Armenia", "Institute of Epidemiology, Disease Control and Research"."""
    last = parts[-1].strip()
    head, _, floating = last.rpartition(" ")
    if head and floating in _FLOATING:
        last = head  # "Tesco, Asda and Sainsbury's all": the quantifier floats off the list
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


# A comment clause set in the middle of what it reports ("Most residents, our correspondent
# reports, are weary"; Quirk et al. 1985, 15.53-15.54 on comment clauses): the verb is followed
# by a comma and the reported clause goes on with its finite verb, so the noun phrase between
# the commas is the clause's own subject, not an appositive.
_REPORTED_GOES_ON = re.compile(
    r",[ \t]+(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|"
    # or a verb in the past ("Prices, the ministry says, rose")
    rf"[a-z]{{3,}}ed|{_PAST_ONLY_ALT})\b"
)


def _comment_clause_subject(text: str, span: tuple[int, int], cue_end: int) -> tuple[int, int]:
    """The subject of a comment clause: the last comma-separated part of ``span``.

    Examples
    --------
    >>> text = "Most residents, our correspondent reports, are weary."
    >>> text[slice(*_comment_clause_subject(text, (0, 33), 41))]
    'our correspondent'
    """
    if not _REPORTED_GOES_ON.match(text, cue_end):
        return span
    comma = text.rfind(", ", span[0], span[1])
    return (comma + 2, span[1]) if comma != -1 else span


# A coordinator right before the verb: the verb is the second of two predicates that share
# the first one's subject, left out here (Quirk et al. 1985, 13.60 on coordinated predicates).
_COORDINATOR_LAST = re.compile(r"\s(?:and|but)[ \t,]*$")
_SUBJECT_PRONOUN = re.compile(r"\s(he|she|they|we|I)\s")


_TITLE_ABBREVIATION_DOT_ONLY = re.compile(rf"{_TITLE_ABBREVIATIONS}\.")


def _title_dot_ends_at(text: str, start: int) -> bool:
    """Whether an abbreviated title and its full stop end at ``start``, spaces aside:
    "Prof.| Ann"."""
    # The window reaches past ``start`` for the name a surname-like title needs after it.
    window = _TITLE_ABBREVIATION_DOT_ONLY.finditer(text, max(0, start - 10), start + 40)
    return any(
        match.end() <= start and not text[match.end() : start].strip(" \t") for match in window
    )


def _clause_through_titles(text: str, end: int) -> str:
    """The clause that ends at ``end``, read on past an abbreviated title's full stop ("A team
    led by Prof. Ann Berg concluded"), which ends no sentence."""
    clause = _clause_before(text, end)
    start = end - len(clause)
    for _ in range(3):  # "Lt. Gen. Ed Ray": a few titles in a row
        if "." not in text[max(0, start - 3) : start] or not _title_dot_ends_at(text, start):
            break
        dot = text.rindex(".", 0, start)
        earlier = _clause_before(text, dot)
        clause = earlier + text[dot:end]
        start = end - len(clause)
    return clause


def _described_name_before(parts: list[str]) -> tuple[int, int] | None:
    """The name and the appositive or age after it that a relative pronoun follows, as
    offsets into ``", ".join(parts)``: "Ana Lind, a nurse from Bergen, who said" stands for
    Ana Lind, described (the name heads the noun phrase; Quirk et al. 1985, 17.65 on
    apposition, 17.22 on the antecedent of a non-restrictive relative clause).

    Examples
    --------
    >>> parts = ["Ana Lind", "a nurse from Bergen", "who"]
    >>> text = ", ".join(parts)
    >>> text[slice(*_described_name_before(parts))]
    'Ana Lind, a nurse from Bergen'
    >>> _described_name_before(["the union", "a powerful lobby", "which"]) is None
    True
    """
    if len(parts) < 3:
        return None
    description = parts[-2]
    if not (_is_appositive(description) or description.strip().isdigit()):
        return None
    named = _NAME_AT_END.search(parts[-3])
    if not named or not named.group().strip():
        return None
    before = len(", ".join(parts[:-3])) + (2 if len(parts) > 3 else 0)
    return before + named.start(), len(", ".join(parts[:-1]))


# A nominal relative clause ("what analysts describe as", "what critics call"; Quirk et al.
# 1985, 15.8): its subject stands between "what" and the cue, whatever precedes "what".
_WHAT_THEN_SUBJECT = re.compile(
    r"(?<![\w’'-])(?i:what)[ \t]+(?P<np>(?:the[ \t]+|some[ \t]+|many[ \t]+|most[ \t]+)?"
    r"[\w’'-]+(?:[ \t]+[\w’'-]+){0,2}?)[ \t]*$"
)


def _nominal_relative_subject(text: str, cue_start: int) -> tuple[int, int] | None:
    """The subject of a nominal relative clause whose verb is the cue.

    Examples
    --------
    >>> text = "The vote is what analysts describe as a landslide."
    >>> text[slice(*_nominal_relative_subject(text, 26))]
    'analysts'
    >>> _nominal_relative_subject("Analysts describe it as a landslide.", 9) is None
    True
    """
    near = text[max(0, cue_start - 60) : cue_start]
    if "what " not in near.lower():
        return None  # most cues: no "what" near, no search
    bare = _without_trailing_aux(near)
    found = _WHAT_THEN_SUBJECT.search(bare)
    if not found:
        return None
    words = found.group("np").split()
    if any(w.lower() in _AUX_WORDS or w.lower() in _PREPOSITIONS for w in words):
        return None  # "what is seen as", "what in fact amounts to": no subject
    if _PAST_ONLY.search(found.group("np")) or _FINITE_INSIDE.search(" " + found.group("np")):
        return None
    start = cue_start - len(near) + found.start("np")
    return start, start + len(found.group("np"))


def _source_before(text: str, cue_start: int) -> tuple[int, int] | None:
    """Span of the subject before a cue: "Dmitri Peskov, spokesman for ..., had said".

    A subject is a noun phrase: when the clause before the cue gives an adverbial instead
    ("for over 20 years" after a quotation inside a relative clause), the whole sentence
    before the cue is read again, quotation marks and all; when that fails too, there is none.
    """
    antecedent = _relative_antecedent(text, cue_start)
    if antecedent:
        return antecedent  # "a video which shows", "the report that says"
    nominal = _nominal_relative_subject(text, cue_start)
    if nominal:
        return nominal  # "The vote is what analysts describe as a landslide"
    span = _subject_in(text, cue_start, _clause_through_titles(text, cue_start))
    if span and _COORDINATOR_LAST.search(text, span[0], span[1]):
        # "Facebook he thanked them and said": the verb shares the first predicate's subject,
        # which a subject pronoun gives when there is one (only a subject takes the nominative)
        pronoun = _SUBJECT_PRONOUN.search(text, span[0], span[1])
        if pronoun and "," not in text[span[0] : pronoun.start()]:
            return pronoun.span(1)
    if span and _starts_with_preposition(text[span[0] : span[1]]):
        span = _subject_in(text, cue_start, _sentence_before(text, cue_start))
        if span and _starts_with_preposition(text[span[0] : span[1]]):
            return None
    if span and text.endswith("that ", 0, span[0]):
        span = _with_that_relative_head(text, span) or span
    if span and text[span[1] : cue_start].strip() == ",":
        aside = _SUBORDINATOR_ASIDE.search(text, max(0, span[0] - 12), span[0])
        if aside and _NON_FINITE_FIRST.match(text, span[0]):
            # "Lind, when asked about the verdict, said": a non-finite clause with its
            # subordinator set off after the subject (Quirk et al. 1985, 15.34 on
            # non-finite and verbless adverbial clauses); the subject stands before it
            return _source_before(text, aside.start()) or span
    return span


_SUBORDINATOR_ASIDE = re.compile(
    r",[ \t]+(?i:when|while|if|though|although|once|unless|until|whether|after|before)[ \t]+$"
)
_NON_FINITE_FIRST = re.compile(rf"(?:[a-z]{{2,}}(?:ed|ing|en)|{_IRREGULAR_PAST_ALT})\b")


# A noun phrase with a source's noun as its head, a restrictive relative clause opened by
# "that" after it, and the relative clause's verb then its object or complement ("The group
# that monitors the war said"; Quirk et al. 1985, 17.14-17.15 on restrictive relatives): the
# clause is read from "that", which ends the clause before a reported one ("said that ...").
_HEAD_BEFORE_THAT = re.compile(
    r"(?<![\w’'-])(?i:the|a|an|this|its|their|his|her|one)[ \t]+(?:[\w’'-]+[ \t]+){0,2}?"
    r"(?P<noun>[a-z][\w’'-]*)[ \t]+that[ \t]+$"
)
_HEAD_NOUNS = frozenset(_KIND_OF_WORD) | _ROLE_HEADS  # the nouns of sources and of roles
_RELATIVE_VERB_FIRST = re.compile(rf"(?P<verb>[a-z]+(?:s|ed)|{_PAST_ONLY_ALT})[ \t]+\S")


def _with_that_relative_head(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The subject with its head noun when ``span`` is a "that" relative clause's verb phrase.

    Examples
    --------
    >>> text = "The group that monitors the war said"
    >>> text[slice(*_with_that_relative_head(text, (15, 31)))]
    'The group that monitors the war'
    >>> text = "The ministry said that officials denied it"
    >>> _with_that_relative_head(text, (22, 31)) is None
    True
    """
    verb = _RELATIVE_VERB_FIRST.match(text, span[0], span[1])
    if not verb or verb.group("verb") in _KIND_OF_WORD:
        return None  # "reports that officials said": a noun after "that" is a subject
    head = _HEAD_BEFORE_THAT.search(text, max(0, span[0] - 60), span[0])
    if not head:
        return None
    noun = head.group("noun")
    if not {noun, noun.removesuffix("s")} & _HEAD_NOUNS:
        return None
    return head.start(), span[1]


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


_SENTENCE_BREAK = re.compile(rf"[;!?…]|(?<!\b[A-Z])(?!{_TITLE_ABBREVIATIONS})[.](?=\s)|\[\d+\]\s*")


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


# "Beijing's envoy", and a plural's possessive with the apostrophe alone ("Harlow Foods' chief
# executive"; the genitive of a plural in -s, Quirk et al. 1985, 5.114), perhaps with a name
# before the role ("Workers' Party leader").
_POSSESSIVE_DESCRIPTION = re.compile(
    r"\s*[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*(?:[’']s|(?<=s)[’'])(?:\s+[A-Z][\w.-]*){0,3}\s+[a-z]"
)


# A legislator's party and state after the name, in the news agencies' style ("Sen. Jo Lake,
# R-Texas,"; AP Stylebook, "party affiliation"): an appositive, not a subject.
_PARTY_AND_STATE = re.compile(r"\s*[DRI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*")


def _is_appositive(part: str) -> bool:
    """A description after a name: with an article or a possessive ("the ride-hailing firm",
    "a Russian lawmaker"), or a role or agent noun ("head of the union", "farmer from X");
    not a bare noun that is a subject of its own ("In Oslo, Bergen, police said")."""
    if _POSSESSIVE_DESCRIPTION.match(part) or _PARTY_AND_STATE.fullmatch(part):
        return True  # "Tom King, Beijing's envoy, said"; "Sen. Jo Lake, R-Texas, said"
    if not _APPOSITIVE.match(part) or _PERSON_PRONOUN.match(part):
        return False
    words = part.split()
    first = words[0].lower()
    if len(words) == 1 and first in _TITLE_WORDS and first not in _ROLE_HEADS:
        return False  # "..., police said": a word that only opens a title is a noun of its own
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


# A description that a name follows in apposition: a determiner or a possessive, then words
# that end with a noun in lower case ("the mayor", "His publicist", "The Labour Party's
# leader", "Another former Trump adviser"; appositives, Quirk et al. 1985, 17.65-17.72).
_DESCRIPTION_BEFORE_NAME = re.compile(
    r"\s*(?:(?i:the|a|an|his|her|its|their|our|another|one)\s+|"
    r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*[’']s\s+)(?:[\w’'-]+\s+){0,5}?[a-z][\w’'-]*\s*$"
)
# Descriptions of a time, not of a person: "The next day, Tom Reed said".
_TIME_DESCRIPTION = re.compile(
    r"\b(?:day|days|week|weeks|month|months|year|years|morning|afternoon|evening|night|time|"
    r"hour|hours|weekend|moment|later|earlier|ago|meanwhile)\b",
    re.IGNORECASE,
)


# A place and the larger place it lies in, set off by commas ("Springfield, Illinois,"; "Lyon,
# France,"): the second name is an appositive of the first, and both belong to the noun phrase
# whose locative post-modifier they end ("The mayor of Springfield, Illinois, said"; commas
# around a state or country after a city, Chicago Manual of Style 6.17; post-modifying
# prepositional phrases, Quirk et al. 1985, 17.37).
_PLACE_ENDS_PART = re.compile(
    rf"\s(?:in|of|at|near|from|outside)\s+(?:the\s+)?[{_UPPER}][\w.’'-]*(?:\s+[{_UPPER}][\w.’'-]*)*$"
)
_LARGER_PLACE = re.compile(
    rf"(?:(?:New|North|South|East|West|Northern|Southern|Upper|Lower)\s+)?[{_UPPER}][a-z][\w’'-]*"
)


def _place_apposition(before: str, part: str) -> bool:
    """Is ``part`` the larger place that names where the place ending ``before`` lies?

    Examples
    --------
    >>> _place_apposition("The mayor of Springfield", "Illinois")
    True
    >>> _place_apposition("The Court of Appeal in Vantor", "South Lorvia")
    True
    >>> _place_apposition("The mayor of Springfield", "Joan Pike")
    False
    >>> _place_apposition("The mayor", "Illinois")
    False
    """
    return bool(_LARGER_PLACE.fullmatch(part.strip()) and _PLACE_ENDS_PART.search(before))


def _described_then_named(description: str, name: str) -> bool:
    """Is ``name`` a name in apposition to ``description`` ("His publicist", "Ray Mercer")?

    Examples
    --------
    >>> _described_then_named("His publicist", "Ray Mercer")
    True
    >>> _described_then_named("The next day", "Ray Mercer")
    False
    >>> _described_then_named("the mayor", "police")
    False
    """
    head = lower_same_length(description.split()[-1]) if description.split() else ""
    return bool(
        _looks_like_name(name)
        and _NAME.search(name)
        # the description names a person or a body, not a thing: "The result, Tom Reed said,
        # was clear" sets the cue off inside another subject
        and (
            _names_people(head)
            or _KIND_OF_WORD.get(head) in ("organisation", "media")
            or _KIND_OF_WORD.get(head) == "title"
        )
        and _DESCRIPTION_BEFORE_NAME.fullmatch(description)
        and not _TIME_DESCRIPTION.search(description)
        and not _FINITE_INSIDE.search(description)
        and not _CONNECTIVE.fullmatch(description)
    )


# The object of the last preposition in a phrase: "a row with the fourth official".
_PERSON_AFTER_PREPOSITION = re.compile(
    r"\b(?:with|to|for|from|by|at|on|against|between|among)\s+"
    r"(?P<np>(?:(?:the|a|an|his|her|their|its|two|three|several|some)\s+)?(?:[\w’'-]+\s+){0,2}?"
    r"(?P<head>[a-z][\w’'-]*))\s*$"
)


def _names_people(head: str) -> bool:
    """Is ``head`` a noun for a person or people ("official", "residents", "farmer")?"""
    word = head[:-1] if head.endswith("s") and head[:-1] in _PERSON_NOUNS else head
    return word in _PERSON_NOUNS or bool(_AGENT_SUFFIX.fullmatch(word))


# An adverbial between the subject and its verb, with no commas: an additive ("too", "as
# well"), a stance phrase ("for its part", "in turn") or what a time phrase the subject's
# span already lost leaves of itself ("late" of "late on Sunday"); medial adverbials, Quirk et
# al. 1985, 8.20 and 8.89.
_MEDIAL_ADVERBIAL = re.compile(
    r"\s+(?:too|as\s+well|in\s+turn|in\s+response|"
    r"for\s+(?:its|his|her|their|our|my|your)\s+(?:own\s+)?part|late|early)\s*$"
)


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
    if intro and _INTRO_BEFORE_COMMA.match(clause):
        intro = None  # "In an interview with the BBC, the minister": the comma ends it
    if intro and clause[: intro.end()].split()[0].lower() in _PREPOSITIONS:
        offset += intro.end()
        clause = clause[intro.end() :]
    stripped = _LEADING_JUNK.sub("", clause)
    subordinate_first = bool(_SUBORDINATOR_FIRST.match(clause, 0, len(clause) - len(stripped)))
    offset += len(clause) - len(stripped)
    clause = stripped
    # "On Friday, Russian Ambassador ... Antonov said": skip an introductory phrase.
    first, comma, rest = clause.partition(", ")
    intro_word = _INTRO_WORD.search(first) or _CONNECTIVE.fullmatch(first)
    if (
        intro_word
        and not subordinate_first  # "While trade in Africa uses dollars, the AU said"
        and not _CONNECTIVE.fullmatch(first)
        and not _OPENS_ADVERBIAL.match(first)
        # a clause before the comma has its own verb: "The goal came in the last minute,
        # after Wyatt had waved away ..." is no subject
        and not _FINITE_INSIDE.search(first)
        and not _IRREGULAR_PAST_AFTER.search(first + " ")
    ):
        # "A doctor at the hospital, who ...": a preposition inside a noun phrase that opens
        # the sentence post-modifies its noun; the phrase is the subject, not an opening
        intro_word = None
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
    if (
        and_clause
        and _PARTICIPLE_PHRASE.match(clause, and_clause.end())
        and _PARTICIPLE_BY_INSIDE.search(clause, 0, and_clause.start())
    ):
        and_clause = None  # "Footage filmed by residents and verified by Reuters shows"
    if and_clause and _PAST_VERB_ONLY.fullmatch(clause, and_clause.end()):
        # "The firm he founded and ran said": a past verb alone after "and" is the second of
        # two coordinated verbs (Quirk et al. 1985, 13.60), here in a contact relative clause,
        # and opens no clause of its own: a clause needs its subject
        and_clause = None
    if and_clause and (
        _FINITE_INSIDE.search(clause, 0, and_clause.start())
        # "Prices rose by 5% and unions said": an irregular past is a finite verb too
        # (the "and" clause opens with a space, which ends the verb's match)
        or _IRREGULAR_PAST_AFTER.search(clause, 0, and_clause.start() + 1)
    ):
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
        described = _described_name_before(parts)
        if described:
            return offset + described[0], offset + described[1]
        antecedent = _NAME_AT_END.search(head)
        if (
            antecedent
            and parts[-1].strip() == "who"
            and _PLACE_BEFORE.search(head, 0, antecedent.start())
        ):
            antecedent = None  # "A doctor at the clinic in Hesk, who": a place says nothing
        of_before = antecedent and _OF_BEFORE.search(head, 0, antecedent.start())
        if of_before and of_before.group("noun") in _HEAD_NOUNS:
            # "the city council of Harwick, which says": a name in an of-phrase post-modifies
            # the noun before it, and the relative stands for the whole noun phrase (Quirk et
            # al. 1985, 17.37 on post-modifiers, 17.22 on antecedents)
            antecedent = None
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
        if parts[-1].strip() == "who":
            # "after a row with the fourth official, who said": "who" stands for the nearest
            # noun phrase that names a person, the object of the last preposition
            person = _PERSON_AFTER_PREPOSITION.search(bare_part)
            if person and _names_people(person.group("head")):
                bare_part = bare_part[person.start("np") :]
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
    if keep == 1 and len(parts) > 1 and comma_before_cue and _place_apposition(parts[-2], last):
        keep = 2  # "The mayor of Springfield, Illinois, said": the place's own apposition
    if keep == 1 and len(parts) > 1 and _described_then_named(parts[-2], last):
        keep = 2  # "His publicist, Ray Mercer, said": the description and the name, one source
    head = ", ".join(parts[:-keep])
    if head or name_start:
        skip = len(head) + 2 if head else 0
        skip += name_start
        offset += skip
        clause = clause[skip:]
        stripped = _LEADING_JUNK.sub("", clause)
        offset += len(clause) - len(stripped)
        clause = stripped
    # "NDRRMC report on Saturday", "the leader on the air": what follows the subject goes;
    # after a past participle the phrase is the participle's own ("a report published on
    # Tuesday by the group"), part of a reduced relative clause (Quirk et al. 1985, 17.30).
    pronoun = _PRONOUN_LAST.search(clause)
    if pronoun and pronoun.start() > 0:
        # "Speaking at a rally in Leeds she said": a subject pronoun right before the verb
        # is the subject, whatever opening phrase runs into it without a comma
        offset += pronoun.start()
        clause = clause[pronoun.start() :]
    trailing = _TRAILING_PHRASE.search(clause)
    if trailing and _in_a_body(clause, trailing):
        trailing = None  # "Officials in his office": people in a body, no occasion
    if (
        trailing
        and trailing.start() > 0
        and not _PARTICIPLE_BEFORE.search(clause, 0, trailing.start())
    ):
        clause = clause[: trailing.start()]
    clause = _noun_phrase(clause)
    medial = _MEDIAL_ADVERBIAL.search(clause)
    if medial and medial.start() > 0:
        clause = clause[: medial.start()]  # "The army too said", "The union for its part said"
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
    clitic = _PRONOUN_CLITIC.search(clause)
    if clitic:
        clause = clause[: clitic.start(1)]  # "She's said", "They've argued": the pronoun
    return offset + lead, offset + len(clause)


# A subject pronoun with a contracted auxiliary ("she's", "they've", "he'd", "we'll"; Quirk
# et al. 1985, 3.23 on contracted forms): the clitic belongs to the verb phrase.
_PRONOUN_CLITIC = re.compile(
    r"(?<![\w’'-])(?i:he|she|it|they|we|i|you)(['’](?:s|ve|d|ll|re|m))\s*$"
)


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
    r"during|for|about|outside|inside)\s|(?:[a-z]+ed|led|run|known|born|made|held|written|given|"
    r"taken|shown|seen|chosen|driven|drawn|sent|built|paid|brought|found|kept|sold|told|won|"
    r"beaten|bought|caught|hit|set|put)\s+(?:by|in|as|"
    r"from|for|at|on)\s|"
    # a time adverb alone between commas: "Brisko, the delivery firm, today announced"
    r"(?:today|yesterday|tonight|earlier|later|recently|previously|meanwhile|too|again)\s*$|"
    # a participle dated by a time phrase: "The report, published last year, found"
    r"(?:[a-z]+ed|written|given|taken|shown|seen|made|held)\s+(?:last|this|earlier|yesterday|"
    # or any count of a unit of time ("two weeks ago", "four years ago", "18 months ago"); a
    # count of anything else is an object ("Hallan, received 38%, the commission said")
    r"today|(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"several)\s+(?:hour|day|week|month|year|decade)s?)\b|"
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


def _in_a_body(clause: str, trailing: re.Match[str]) -> bool:
    """Whether a trailing "in his ...", "at their ..." names a body the subject's people work
    in ("Officials in his office", "Staff at their ministry"): a post-modifier of the noun
    (Quirk et al. 1985, 17.37), not an occasion of speaking ("in his speech").

    Examples
    --------
    >>> clause = "Officials in his office"
    >>> _in_a_body(clause, _TRAILING_PHRASE.search(clause))
    True
    >>> clause = "The minister in his speech"
    >>> _in_a_body(clause, _TRAILING_PHRASE.search(clause))
    False
    """
    if not trailing.group().lstrip().startswith(("in ", "at ")):
        return False
    noun = _WORD_AT.match(clause, trailing.end())
    return bool(noun) and _KIND_OF_WORD.get(noun.group().lower()) == "organisation"


_WORD_AT = re.compile(r"[\w’'-]+")
_TRAILING_PHRASE = re.compile(
    rf"\s(?:(?:on|during|at|in|over|late|early|last|this)\s+(?:the\s+)?"
    rf"(?i:{'|'.join((_DAYS + ' evening night day week air radio television').split())})\b|"
    r"in\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b|"
    r"(?:in|at|during|on)\s+(?:a|an|his|her|their|its)\s+|"
    # the channel: "wrote Smith on Twitter", "said Smith via Telegram"
    rf"(?:on|via)\s+(?i:{'|'.join(_PLATFORMS)})\b|"
    r"(?:on|via)\s+X\b|"  # the platform once called Twitter, a capital alone
    r"(?:earlier|later|yesterday|today|tonight)\b)"
)


# The source after a cue runs to the next punctuation; an abbreviation ("U.S.") and a date's
# comma ("a March 14, 2019 NATO press release") do not end it.
_SOURCE_AFTER = re.compile(
    rf"[ \t]*(?P<source>(?:the\s+|a\s+|an\s+)?(?:[^,.;:!?“”\"\n()]|(?<=\b[A-Z])\.|"
    rf"{_TITLE_ABBREVIATION_DOT}|(?<=\d),(?=\s\d{{4}}\b))"
    r"{1,120}?)(?=\s*(?:,(?!(?<=\d,)\s\d{4}\b)|"
    rf"\.(?<!\b[A-Z]\.)(?!(?<={_TITLE_ABBREVIATIONS}\.)\s+[A-Z])|[;:!?“”\"\n()]|\bthat\b|"
    r"\bwhose\b|\bwho\b|\bas\b|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b|\bbecause\b|"
    # an indirect question after the agent: "Asked by reporters whether he would resign"
    r"(?-i:\b(?:whether|if|how|why)\b)|$))",
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
    # or the agent of that participle or of an event noun ("results published by the board
    # on Monday", "a survey by the institute in October"): the by-phrase names who did the
    # event the time dates, so the time stays in the noun phrase (Quirk et al. 1985, 17.30
    # and 17.51-17.53: agentive by-phrases in reduced relatives and nominalisations)
    r"|\sby\s+(?:the\s|a\s|an\s|its\s|their\s|[A-Z])[^,;:()“”\"\n]{0,80}$"
)


# "..., a charge Tervia denies": a noun naming a speech act, then an object relative clause
# whose relative pronoun is left out (a contact clause, Quirk et al. 1985, 17.15); the
# relative clause's subject denies, not the charge.
# The head is a noun naming something said or done, or a figure, the things a speaker
# judges, describes or disputes ("a figure the police described as", "a move critics
# called reckless"): the objects of Levin's (1993) verbs of characterizing (29.2) and
# dubbing (29.3) and of the verbs of saying. Its subject is a determiner's phrase, a name,
# or a bare plural ("critics").
_CONTACT_RELATIVE = re.compile(
    r"(?i:a|an|the)\s+(?:charge|claim|accusation|allegation|assertion|account|version|"
    r"characteri[sz]ation|description|label|figure|number|estimate|total|toll|tally|count|"
    r"move|decision|step|plan|policy|proposal|measure|offer|promise|pledge|reply|response|"
    r"statement|remark|comment|explanation|excuse|argument|suggestion|idea|theory|"
    r"assessment|forecast|prediction|ruling|verdict|finding|conclusion|term|word|phrase)"
    r"s?\s+(?:(?:that|which)\s+)?"
    r"(?=(?:the|his|her|their|its|our|my|[A-Z]\w*)\b"  # a subject, not "the charge sheet"
    r"|[a-z]{2,}[^s\W_]s\s*$)"  # "a reply campaigners slammed": a bare plural
)


def _contact_relative_subject(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """'a charge her government rejects' -> 'her government'; other spans unchanged.

    Examples
    --------
    >>> from medialit.extract.attribution import extract_attributions
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
    verb = _FINITE_IN_AGENT.search(text, start, end)
    if verb and verb.start() > start:
        end = verb.start()  # "The total reported by officials rose": the noun phrase ends
    return start, end


# A finite verb that no noun phrase holds: a simple past that is never a participle, a form of
# "be" or a modal, not inside a relative clause ("officials who were there"): the subject's
# verb after a by-phrase inside it ("The total reported by officials rose to 40").
_FINITE_IN_AGENT = re.compile(
    rf"(?<!who)(?<!which)(?<!that)[ \t]+(?:{_PAST_ONLY_ALT}|is|are|was|were|"
    r"will|would|can|could|may|might|must|should|shall)\b"
)


# An appositive, an age or a non-restrictive relative clause after a source that follows its
# verb, up to the end of the sentence ("…, said Maria Kosta, 58, a teacher from Leeds.";
# appositives, Quirk et al. 1985, 17.65; the guide's span is the whole mention).
_APPOSITION_AFTER = re.compile(
    r",[ \t]+(?:\d{1,3}|(?:\d{1,3},[ \t]+)?(?:(?:a|an|the|his|her|their|its)[ \t]+|"
    r"[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*)*[’']s[ \t]+|(?P<relative>who|whose|which)[ \t]+)"
    r"(?:[^,;:()“”\"\n]|(?<=\d),(?=\d)){1,140}?)(?=[ \t]*(?:[.;!?](?:\s|$)|$))"
)
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?][”\"’]?\s+|\n)[\s“\"‘]*$")


def _with_apposition_after(text: str, span: tuple[int, int], cue_start: int) -> tuple[int, int]:
    """A source after its verb with the appositive or relative clause that ends the sentence.

    Not after a cue that opens its sentence ("According to police, the man needs help."):
    there the words after the comma are the main clause.

    Examples
    --------
    >>> text = "Rain is due, said Maria Kosta, a teacher from Leeds."
    >>> text[slice(*_with_apposition_after(text, (18, 29), 13))]
    'Maria Kosta, a teacher from Leeds'
    >>> text = "According to police, the man needs help."
    >>> text[slice(*_with_apposition_after(text, (13, 19), 0))]
    'police'
    """
    if _SENTENCE_OPENS.search(text, max(0, cue_start - 8), cue_start):
        return span
    apposition = _APPOSITION_AFTER.match(text, span[1])
    if not apposition:
        return span
    words = apposition.group()
    if apposition.group("relative") or words.strip(", \t").isdigit():
        return span[0], apposition.end()
    if _FINITE_INSIDE.search(words) or _IRREGULAR_PAST_AFTER.search(words):
        return span  # "…, said police, the first arrests were made": a clause, no appositive
    nouns = lower_same_length(words).replace(",", " ").split()
    if not any(w in _ROLE_HEADS or w in _TITLE_WORDS or _AGENT_NOUN.fullmatch(w) for w in nouns):
        return span  # "The fund is, to quote the auditor, a black hole": the complement
    return span[0], apposition.end()


def _speech_inverted(text: str, cue: _Cue) -> bool:
    """'…,” said Tokayev' or '– said the leader': the source comes after the verb."""
    before = text[max(0, cue.start - 6) : cue.start]
    after = text[cue.end : cue.end + 40]
    quote_before = _QUOTE_JUST_BEFORE.search(before)
    names_after = _NAME_AFTER.match(after)
    return bool(quote_before and names_after) and not _THAT_AFTER.match(after)


# A determiner, perhaps an adjective, then the cue, then a noun and no object or clause: the
# participle is an attributive adjective ("the total reported casualties", "a claimed
# victory"; participial adjectives, Quirk et al. 1985, 7.15), which has no subject.
_DETERMINER_BEFORE = re.compile(
    r"(?:^|[^\w’'-])(?i:the|a|an|its|their|his|her|our|this|these|those)"
    r"(?:[ \t]+(?!(?i:is|are|was|were|has|have|had)\b)(?P<word>[a-z][\w-]*))?[ \t]+$"
)
# Adjective and adverb endings (Quirk et al. 1985, I.37 and I.41): a word with none of them
# before the participle is read as a noun.
_MODIFIER_OF_PARTICIPLE = re.compile(
    r"[a-z-]*(?:al|ive|ous|ful|less|ary|able|ible|est|ly)|overall|first|new|so-called"
)
_NOUN_AFTER = re.compile(
    r"[ \t]+(?!(?:that|by|to|in|on|at|for|from|with|as|the|a|an|it|he|she|they|we|his|her|"
    r"their|its|this|these|those|what|how|why|whether|if|about|of)\b)[a-z][\w-]*[ \t]+"
    r"(?:is|are|was|were|has|have|had|will|would|rose|fell|increased|decreased|[a-z]+ed)\b"
)


def _attributive_participle(text: str, cue_start: int, cue_end: int) -> bool:
    """Is the cue a participle used as an adjective before its noun, which a verb follows?

    Examples
    --------
    >>> text = "Meanwhile, the total reported casualties increased to 167."
    >>> _attributive_participle(text, 21, 29)
    True
    >>> text = "Officials reported 40 cases."
    >>> _attributive_participle(text, 10, 18)
    False
    """
    cue = text[cue_start:cue_end]
    if " " in cue or not cue.endswith("ed"):
        return False
    determiner = _DETERMINER_BEFORE.search(text, max(0, cue_start - 30), cue_start)
    if not determiner or not _NOUN_AFTER.match(text, cue_end):
        return False
    word = determiner.group("word") or ""
    # "The ministry reported deaths rose": a noun for who speaks is the verb's subject
    if word in _KIND_OF_WORD or _names_people(word) or _AGENT_NOUN.fullmatch(word):
        return False
    # Only an adjective or an adverb stands between the determiner and an attributive
    # participle ("the total reported", "the widely reported"); any other word is taken for
    # a noun that may speak ("the school reported absences rose"), lists or no lists.
    return not word or bool(_MODIFIER_OF_PARTICIPLE.fullmatch(word))
