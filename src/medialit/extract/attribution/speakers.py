"""Who the source is (``resolve_source``).

A pronoun is resolved to the last named speaker, a surname to the full name given earlier, an
appositive or a title left out ("he" -> "Kassym-Jomart Tokayev"; "Foreign Ministry Spokeswoman
Maria Zakharova" -> "Maria Zakharova").
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from medialit.extract.attribution.record import Attribution
from medialit.extract.attribution.sources import (
    _ARTICLE_FIRST,
    _NAME,
    _PART_COMMA,
    _PARTY_AND_STATE,
    _POSSESSOR_THEN_NAME,
    _PREPOSITIONS,
    _SURNAME,
    _TITLE_ABBREVIATION_TEXT,
    _UPPER,
    _name_list_start,
    _place_apposition,
    _source_kinds,
    classify_source,
)
from medialit.extract.attribution.words import (
    _AGENT_PHRASE,
    _AGENT_SUFFIX,
    _DAYS_AND_MONTHS_TEXT,
    _IRREGULAR_PAST_ALT,
    _KIND_OF_WORD,
    _PERSON_NOUNS,
    _ROLE_HEADS,
    _TITLE_WORDS,
    SOURCE_WORDS,
)

_PRONOUN_PERSON = frozenset(["he", "she", "him", "her", "his", "i"])
_REFLEXIVES = frozenset(["himself", "herself", "itself", "themselves", "ourselves", "myself"])
_PRONOUN_GROUP = frozenset(["they", "them", "their", "we", "it", "its"])
# A capitalised word of a name: "Mujiv", "O'Brien", "Kassym-Jomart", an initial "J.", never a
# word that ends a sentence ("Trump. He").
_NAME_WORD = rf"[{_UPPER}](?:[\w’'-]*[\w’']|\.)?"
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:[ \t]+(?:(?:van|von|de|al|bin|da|di|del|le|la)"
                       rf"[ \t]+)?{_NAME_WORD})*")  # fmt: skip
_RESOLVE_WINDOW = 1500  # how far back a pronoun or a surname looks for who it names
_LOOK_BACK = 200  # how many earlier attributions a pronoun looks through for a named speaker
# Role words that also open the names of firms ("General Motors"): one name word after them is
# not enough to make a person.
_ROLE_OR_FIRM = frozenset(["general", "major", "chief", "head", "executive", "justice"])
_NAME_PARTICLES = frozenset(["van", "von", "de", "der", "al", "bin", "da", "di", "del", "le", "la"])


_TITLE_ABBREVIATION_WORD = re.compile(rf"(?:{'|'.join(_TITLE_ABBREVIATION_TEXT.split())})\.")
_POSSESSIVE_WORD = re.compile(r"[\w.-]+[’']s?$")  # "General's", "Workers'"


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
    if any(_POSSESSIVE_WORD.search(w) for w in names[:-1]):
        return ""  # "Attorney General's Office": the title holder's office, not a name
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
    """'Regional Governor Mujiv Hataman' -> 'Mujiv Hataman'; a bare title stays, and so does
    a title in the possessive: it is the possessor of what the name names, not a title
    before a person's name (the genitive as determiner, Quirk et al. 1985, 5.115).

    Examples
    --------
    >>> _strip_title("Regional Governor Mujiv Hataman")
    'Mujiv Hataman'
    >>> _strip_title("Attorney General's Office"), _strip_title("Governor Ann Ray's aide")
    ("Attorney General's Office", "Governor Ann Ray's aide")
    """
    person = _name_after_role(name)
    if person:
        return person
    words = name.split()
    if any(_POSSESSIVE_WORD.search(word) for word in words[:-1]):
        return name
    while len(words) > 1 and (
        words[0].lower().strip(",") in _TITLE_WORDS or _TITLE_ABBREVIATION_WORD.fullmatch(words[0])
    ):
        words = words[1:]  # "Regional Governor", "Sen.", "Lt. Gen."
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


_RELATIVE_PART = re.compile(
    r",[ \t]+(?:\d{1,3},[ \t]+)?(?:who|whose|which|[a-z]+[ \t]+of[ \t]+(?:whom|which))\s"
)


# An indefinite determiner or a quantifier opening a noun phrase: the phrase describes someone
# it does not name (indefinite reference, Quirk et al. 1985, 5.26-5.32).
_INDEFINITE_FIRST = re.compile(
    r"(?i:a|an|one|another|some|several|many|two|three|four|five|a[ \t]+few)[ \t,]"
)


def _without_relative_clause(source: str) -> str:
    """The mention without the non-restrictive relative clause that ends it (and an age before
    that clause): the clause describes a named source, the words before it name it. An
    unnamed source ("One official, who asked not to be named"; "Officials at the ministry,
    who spoke on condition of anonymity": an indefinite or a vague description) has no name
    but its whole description, which the guide's source span gives: it keeps the clause.

    Examples
    --------
    >>> _without_relative_clause("Dr Ana Ruiz, who asked not to be named")
    'Dr Ana Ruiz'
    >>> _without_relative_clause("Priya, 34, who lives on Canal Row")
    'Priya'
    >>> _without_relative_clause("The report, by the firm Tallis & Webb")
    'The report, by the firm Tallis & Webb'
    >>> _without_relative_clause("A doctor, who asked not to be named")
    'A doctor, who asked not to be named'
    >>> _without_relative_clause("Officials at the ministry, who asked not to be named")
    'Officials at the ministry, who asked not to be named'
    """
    relative = _RELATIVE_PART.search(source)
    if not relative or relative.start() == 0 or _INDEFINITE_FIRST.match(source):
        return source
    if classify_source(source[: relative.start()]) == "vague" and " of wh" not in relative.group():
        # "Officials in his office, who spoke on condition of anonymity"; a clause about some
        # of them ("many of whom lost their homes") does not describe who speaks
        return source
    return source[: relative.start()]


# Words in lower case (the first may open the sentence), then a name of two or three
# capitalised words: "engineer Paul Lind", "Local resident Ann Ray" (a description used as a
# title before a name).
_LOWER_THEN_NAME = re.compile(
    rf"(?:[{_UPPER}][\w’'-]*[ \t]+)?(?:[a-z0-9][\w’'-]*[ \t]+){{1,4}}"
    rf"({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})"
)


def _named_part(source: str) -> str:
    """The part of a source that names it: 'Leonid Kalashnikov, a Russian lawmaker' ->
    'Leonid Kalashnikov'; 'the El Paso mayor, Dee Margo' -> 'Dee Margo'."""
    parts = [p.strip() for p in _PART_COMMA.split(source) if p.strip()]
    if len(parts) > 1 and _name_list_start(parts) == len(parts) - 1:
        return source  # "Institute of Epidemiology, Disease Control and Research": one name
    if len(parts) == 2 and _place_apposition(*parts):
        return source  # "The mayor of Springfield, Illinois": the place is no name of its own
    for part in parts:
        if _PARTY_AND_STATE.fullmatch(part):
            continue  # "R-Texas" of "Sen. Jo Lake, R-Texas": a party and a state, no name
        bare = _ARTICLE_FIRST.sub("", part, count=1).strip()
        possessed = _POSSESSOR_THEN_NAME.fullmatch(part)
        if possessed and not _source_kinds(possessed.group("name")):
            return possessed.group("name")  # "Tesco's Ken Murphy": the person, not the firm
        described = _LOWER_THEN_NAME.fullmatch(bare)
        if (
            described
            and not _name_after_role(bare)
            and not any(
                w in _PREPOSITIONS or w in _LEADING_WORDS
                for w in bare[: described.start(1)].lower().split()
            )
        ):
            return described.group(1)  # "engineer Paul Lind": a description, then the name
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
    if len(parts) > 1 and classify_source(parts[0]) == "vague":
        # "Observers from the Election Watch, a monitoring group": unnamed people have no
        # name but their whole description, as the guide's span gives it (the same reading
        # as ``_without_relative_clause``'s for an unnamed source)
        return source
    return parts[0] if parts else source


# An unnamed spokesperson of a named body speaks for it (seeds/ANNOTATING.md: source_name
# "Body (spokesperson)"): "a spokeswoman for the Red Cross" is the Red Cross.
_SPOKESPERSON_FOR = re.compile(
    r"(?i:a|an|the|one)[ \t]+(?i:spokes(?:man|woman|person)|representative|press[ \t]+officer)"
    r"[ \t]+(?:for|of)[ \t]+(?:(?i:the)[ \t]+)?(?P<body>[A-Z][^,;:()]*)"
)


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
    >>> from medialit.extract.attribution import extract_attributions
    >>> text = "Kassym-Jomart Tokayev, the president, said order was restored. He added: “Calm.”"
    >>> [a.source_name for a in extract_attributions(text)]
    ['Kassym-Jomart Tokayev', 'Kassym-Jomart Tokayev']
    >>> text = "Josh Bash led the case. Bash said it was terrorism."
    >>> extract_attributions(text)[0].source_name
    'Josh Bash'
    """
    source = _without_relative_clause(found.source.strip())
    if not source:
        return ""
    emphatic = source.rsplit(" ", 1)
    if len(emphatic) == 2 and emphatic[0].lower() in _PRONOUNS_ALL and emphatic[1] in _REFLEXIVES:
        source = emphatic[0]  # "He himself said": the pronoun is resolved
        found = dataclasses.replace(
            found, source=source, source_end=found.source_start + len(source)
        )
    word = source.lower()
    window_start = max(0, found.cue_start - _RESOLVE_WINDOW)
    if word in _PRONOUN_PERSON:
        person = _last_person(text, window_start, found, earlier)
        return _title_holder(text, window_start, found.cue_start, person) or person or source
    if word in ("they", "them"):
        return _last_plural(text, found, earlier) or source
    if word == "it":
        return _last_group(found, earlier, word, text) or _last_body(text, found) or source
    if word in ("we", "us", "our"):
        # in a transcript's turn "we" are the speaker and those they speak for
        speaker = _turn_speaker(text, found, earlier)
        if speaker and speaker.lower() not in _PRONOUNS_ALL:
            return speaker
    if word in _PRONOUN_GROUP:
        return _last_group(found, earlier, word, text) or source
    body = _named_body(text, window_start, found.cue_start, source)
    if body:
        return body
    spokesperson = _SPOKESPERSON_FOR.fullmatch(source)
    if spokesperson and "title" not in _source_kinds(spokesperson.group("body")):
        return spokesperson.group("body")  # the guide: source_name "Body (spokesperson)"
    if _INDEFINITE_FIRST.match(source) and _RELATIVE_PART.search(source):
        return source  # "One official, who asked not to be named": no name but the description
    name = _named_part(source)
    if found.cue.rstrip().endswith(":") and found.source_start == found.cue_start:
        holder = _role_holder(text, found.cue_start, name)
        if holder:
            return holder  # "Minister:" under "Interview with the Minister of Finance, Petra Holm"
    surname = _strip_title(name)
    if " " not in surname and _SURNAME.fullmatch(surname):
        full = _full_name(text, window_start, found.cue_start, surname, titled=name != surname)
        if not full and surname.isupper() and len(surname) > 1:
            # "PUTIN:" in a transcript's tag: the header names "Vladimir Putin"
            full = _full_name(text, window_start, found.cue_start, surname.title())
        if not full:
            full = _speaker_named_first(found, earlier, surname)
        if full:
            return full
        if _name_after_role(name):
            return surname  # "Foreign Minister Lavrov" with no full name before: "Lavrov"
    return name


def _speaker_named_first(found: Attribution, earlier: list[Attribution], word: str) -> str:
    """The full name of an earlier speaker whose name starts with ``word``, the one name
    by which a text goes on calling them ("Tedros Adhanom Ghebreyesus ... Tedros said": many
    naming systems put the name used first); "" when none within reach."""
    for previous in reversed(earlier[-_LOOK_BACK:]):
        if found.cue_start - previous.cue_end > _RESOLVE_WINDOW:
            break
        name = previous.source_name
        if previous.source_type == "named_person" and name.split(" ", 1)[0] == word:
            return name if " " in name and " and " not in name else ""
    return ""


_DEFINITE_BODY = re.compile(r"(?i:the)[ \t]+([a-z]+)")
# Nouns that end the names of public bodies ("the Harbour Safety Agency"), so that the noun
# alone takes the name up again; not the generic ones a body is also called by whatever its
# name ("the organisation", "the group", "the company").
_BODY_HEADS_TEXT = """agency ministry council committee commission court tribunal university bureau
    authority service department institute foundation union party board inspectorate tribe
    club bank church"""
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
    quoted = [(m.start() + start, m.end() + start) for m in _QUOTED.finditer(text, start, end)]
    for previous in reversed(earlier[-_LOOK_BACK:]):
        name = previous.source_name
        if speaker and name == speaker:
            continue
        if pronoun not in ("i", "me") and any(a < previous.cue_start < b for a, b in quoted):
            # '“Reed has promised the money,” she said': a speaker named inside a quotation
            # is reported by its speaker, and a pronoun outside it does not take them up
            continue
        if (
            name
            and name.lower() not in _PRONOUNS_ALL
            and (previous.source_type == "named_person" or _one_person_described(name))
        ):
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
    # A pronoun after a name stands for it unless another person is named in between: the
    # gender evidence of a name stops at the next name (recency in pronoun resolution, Lappin
    # and Leass 1994).
    starts = sorted({m.start for m in mentions if not m.speaker})

    def other_gender(mention: _Mention) -> bool:
        after = next((s for s in starts if s >= mention.end), len(window))
        return _other_gender(window[:after], mention.end, pronoun)

    for mention in latest_first:
        if subject(mention) and alone(mention) and not other_gender(mention):
            return mention.name
    for mention in latest_first:
        if alone(mention) and not other_gender(mention):
            return mention.name
    first_subject = next((m for m in latest_first if subject(m)), None)
    return (first_subject or latest_first[0]).name if latest_first else ""


_PRONOUNS_ALL = _PRONOUN_PERSON | {"she", "me", "they", "we", "it"}


# "the minister", "the foreign minister": a definite description by a role noun, which takes
# up the latest person named with that role (anaphora by repetition of the head, Halliday
# and Hasan 1976, 6.1).
_DEFINITE_ROLE = re.compile(r"(?i:the)[ \t]+(?:[a-z-]+[ \t]+){0,2}?(?P<role>[a-z]+)")


def _title_holder(text: str, start: int, end: int, description: str) -> str:
    """Whom a definite description by a role names: the latest person before ``end`` given
    that role, before the name ("Finance Minister Petra Holm", "the minister, Petra Holm")
    or after it ("Petra Holm, the finance minister"); "" when there is none.

    Examples
    --------
    >>> text = "Finance Minister Petra Holm spoke. The minister said"
    >>> _title_holder(text, 0, 48, "The minister")
    'Petra Holm'
    >>> _title_holder("Petra Holm, the finance minister, spoke.", 0, 40, "the minister")
    'Petra Holm'
    >>> _title_holder(text, 0, 48, "The budget"), _title_holder(text, 0, 48, "Petra Holm")
    ('', '')
    """
    definite = _DEFINITE_ROLE.fullmatch(description.strip())
    if not definite or definite.group("role").lower() not in _ROLE_HEADS:
        return ""
    role = re.escape(definite.group("role").lower())
    name = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}}"
    holder = re.compile(
        rf"\b(?i:{role})(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[{_UPPER}][\w’'-]*)?,?[ \t]+"
        rf"(?P<a>{name})(?![\w’'-])"
        rf"|(?P<b>{name}),[ \t]+(?i:the|a|an)[ \t]+(?:[\w’'-]+[ \t]+){{0,3}}?(?i:{role})\b"
    )
    latest = ""
    for match in holder.finditer(text, start, end):
        latest = match.group("a") or match.group("b")
    return _strip_title(latest) if latest else ""


_ONE_PERSON = re.compile(
    r"(?i:a|an|one|the|another)[ \t]+(?:[\w’'-]+[ \t]+){0,3}?(?P<head>[a-z]+)"
    r"(?=[ \t]+(?:at|of|for|from|in|on|with|who|whose)\b|,|$)"
)


def _one_person_described(source: str) -> bool:
    """Does ``source`` describe one unnamed person ("A doctor at the district hospital",
    "One resident"), whom a later "he" or "she" can take up?

    Examples
    --------
    >>> [_one_person_described(s) for s in ("A doctor at the hospital", "One resident")]
    [True, True]
    >>> [_one_person_described(s) for s in ("The ministry", "Residents", "The report")]
    [False, False, False]
    """
    described = _ONE_PERSON.match(source)
    if not described:
        return False
    head = described.group("head")
    if _KIND_OF_WORD.get(head) in ("organisation", "media", "document", "social"):
        return False
    return head in _PERSON_NOUNS or bool(_AGENT_SUFFIX.fullmatch(head))


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


_IRREGULAR_PAST = re.compile(rf"\s(?:{_IRREGULAR_PAST_ALT})\b")
# A verb phrase, not a noun phrase: "spoke at the rally", "also wept".
_VERB_FIRST = re.compile(
    rf"(?:(?:[a-z]+ly|also|then|later)\s+)*(?:is|are|was|were|has|have|had|[a-z]{{2,}}ed|"
    rf"{_IRREGULAR_PAST_ALT})\b"
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
    rf"had|have|will|would|could|can|did|does|{_IRREGULAR_PAST_ALT}|"
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


# A body's head noun and "of" or "for" before a run of capitals: the run goes on naming the
# body ("Institute of Strategic Studies", "Ministry of Foreign Affairs", "Centre for Applied
# Ethics"), an of-phrase post-modifying an institution's proper name (Quirk et al. 1985,
# 5.66 on the names of institutions), not a person.
_BODY_OF_BEFORE = re.compile(rf"\b([{_UPPER}][\w-]*)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?$")
_BODY_HEAD_WORDS = frozenset(w for w in SOURCE_WORDS["organisation"] if " " not in w)


# The generic word that ends a place's proper name ("Harrow Road", "Kano Province"; street and
# place designators, USPS Publication 28, appendix C1, and the common geographic ones), left out
# where it is also a common surname ("Lane", "Hill", "Way", "Street", "Bridge": "Tom Bridge").
_PLACE_HEADS_TEXT = """road avenue boulevard square terrace crescent river airport
    station stadium island islands valley county province district harbour harbor motorway
    highway"""
_PLACE_HEADS = frozenset(_PLACE_HEADS_TEXT.split())
# A preposition of place before a name, or an address set off after a name ("Lee, of Mill
# Lane,"; the of-phrase of origin in apposition, Quirk et al. 1985, 17.65): a place follows.
_PLACE_PREPOSITION_BEFORE = re.compile(
    r"(?:,[ \t]+of|\b(?:in|at|near|outside|inside|into|across))[ \t]+(?:the[ \t]+)?$"
)


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
        titled = [
            i for i, w in enumerate(words) if w.lower() in _TITLE_WORDS or w.lower() in _ROLE_HEADS
        ]
        if titled and len(words) - titled[-1] - 1 >= 2:
            # "Health Minister Andrew Little": the name after the title, whatever the title's
            # first words
            words = words[titled[-1] + 1 :]
        if len(words) < 2 or any(w.lower() in excluded for w in words):
            continue  # one word, or an organisation, a medium, a place ("Interior Ministry")
        body = _BODY_OF_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if body and body.group(1).lower() in _BODY_HEAD_WORDS:
            continue  # "Institute of Strategic Studies": the rest of a body's name
        if words[-1].lower() in _PLACE_HEADS or _PLACE_PREPOSITION_BEFORE.search(
            text, max(0, match.start() - 16), match.start()
        ):
            continue  # "Lee, of Mill Lane,", "in Port Talbot": a place, not a person
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


# One capitalised word with no title or first name: a surname or a body's one-word name.
_ONE_NAME = re.compile(rf"[{_UPPER}][\w’'&-]+")
_PERSONAL = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Hh]erself|[Hh]imself)\b")


def _last_group(
    found: Attribution, earlier: list[Attribution], pronoun: str, text: str = ""
) -> str:
    """'they', 'it': the last organisation or group that spoke before; when it spoke as
    "the company" or "the group", the body that general noun takes up."""
    kinds = ("named_organisation", "vague", "document", "named_media")
    for previous in reversed(earlier):
        if found.cue_start - previous.cue_end > _RESOLVE_WINDOW:
            break
        name = previous.source_name
        if pronoun == "they" and previous.source_type == "named_person" and " and " in name:
            return name  # "Tom Reed and Ana Ruiz wrote it. They said": both people
        if previous.source_type in kinds or (
            pronoun == "it"
            and _ONE_NAME.fullmatch(name)
            and previous.source_end is not None
            # "Ruiz said ... her ... It said": a name a personal pronoun takes up is a person
            and not _PERSONAL.search(text, previous.source_end, found.cue_start)
        ):
            # "Shell said ... It blamed": "it" never stands for a person (Quirk et al. 1985,
            # 6.10), so a body named by one word that was read as a surname is the body
            if not name or name.lower() in _PRONOUN_GROUP | _PRONOUNS_ALL:
                continue
            if text and previous.source_start is not None:
                start = max(0, previous.source_start - _RESOLVE_WINDOW)
                named = _general_noun_antecedent(text, start, previous.source_start, name)
                return named or name
            return name
    return ""


# General nouns for a body ("the company", "the group"): a text takes a named body up again
# with the superordinate noun it was introduced by (general nouns as cohesion, Halliday and
# Hasan 1976, 6.2): "Korvan Steel, the mining company, ... The company said".
_GENERAL_HEADS_TEXT = """company firm group organisation organization retailer carrier airline
    operator charity network broadcaster channel newspaper outlet movement alliance coalition
    bloc manufacturer producer lender insurer developer militia"""
_GENERAL_HEADS = frozenset(_GENERAL_HEADS_TEXT.split())
_GENERAL_DESCRIPTION = re.compile(r"(?i:the|this)[ \t]+(?:[a-z-]+[ \t]+)?(?P<head>[a-z]+)")
_BODY_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:(?:of|for|and|de|&)[ \t]+)?{_NAME_WORD}){{0,5}}"


def _general_noun_antecedent(text: str, start: int, end: int, description: str) -> str:
    """The body a general noun takes up ("the group" -> "Free Front"): the latest name set
    beside the same noun before ``end``, in an apposition ("the Free Front, a rebel group")
    or after it ("the rebel group Free Front"); "" when there is none.

    Examples
    --------
    >>> text = "Police blamed the Free Front, a rebel group. The group denied it."
    >>> _general_noun_antecedent(text, 0, 45, "The group")
    'Free Front'
    >>> text = "The mining company Castell Mining cut jobs. The company said"
    >>> _general_noun_antecedent(text, 0, 44, "The company")
    'Castell Mining'
    >>> _general_noun_antecedent(text, 0, 44, "The ministry")
    ''
    """
    general = _GENERAL_DESCRIPTION.fullmatch(description.strip())
    if not general or general.group("head").lower() not in _GENERAL_HEADS:
        return ""
    head = re.escape(general.group("head").lower())
    beside = re.compile(
        rf"(?P<a>{_BODY_NAME}),[ \t]+(?i:a|an|the)[ \t]+(?:[\w’'-]+[ \t]+){{0,3}}?{head}s?\b"
        rf"|(?i:the|a|an)[ \t]+(?:[\w’'-]+[ \t]+){{0,3}}?{head}[ \t]+(?P<b>{_BODY_NAME})"
    )
    latest = ""
    for match in beside.finditer(text, start, end):
        name = match.group("a") or match.group("b")
        first = name.split()[0]
        latest = name[len(first) + 1 :] if first.lower() == "the" and " " in name else name
    return latest


_NAME_WORDS_BEFORE = re.compile(rf"(?:{_NAME_WORD}[ \t]+){{1,3}}$")


# A name particle and the name words after it ("da Silva", "von der Leyen"): the rest of a
# full name when the word a text uses for the person stands before them.
_PARTICLE_NAME_AFTER = re.compile(
    rf"(?:[ \t]+(?:{'|'.join(sorted(_NAME_PARTICLES))}))+(?:[ \t]+{_NAME_WORD})+"
)


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
                    rest = _PARTICLE_NAME_AFTER.match(text, after)
                    return name + rest.group() if rest else name  # "Lula" of "Lula da Silva"
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


# A plural noun phrase: a determiner or a number, up to three modifiers and a plural head
# ("the striking drivers", "Farmers", "about 300 residents"), followed by what may follow a
# noun phrase (a verb, a preposition, a relative pronoun or punctuation), so that a verb in
# -s ("the company says demand") is not read as its head.
_PLURAL_NP = re.compile(
    r"(?<![\w’'-])(?P<np>(?:(?i:the|these|those|some|many|most|several|all|both|other|their|our|"
    r"its|his|her|local|about|around|\d[\d,]*)[ \t]+){0,2}(?:(?!(?:[a-z]+ed|[a-z]+s|and|or|but|"
    r"with|to|of|in|on|at|for|by|from|that|who|which|(?i:when|while|if|as|because|since|"
    r"although|though|once|until|unless|where|later|then|now|meanwhile|however|earlier|also|"
    r"still|yesterday|today)|"
    rf"{_IRREGULAR_PAST_ALT})\b)[\w’'-]+[ \t]+){{0,2}}?"
    r"(?P<head>[a-z]{2,}[^s\W_]s|[A-Z][a-z]+[^s\W_]s|(?i:police|people|staff|children|men|women)))"
    r"(?=[ \t]*[,.;:]|[ \t]+(?:are|were|have|had|will|would|could|can|did|do|say|said|told|"
    r"[a-z]{3,}ed|on|in|at|from|for|with|of|to|after|before|during|near|outside|who|which|"
    rf"and|also|{_IRREGULAR_PAST_ALT})\b)"
)
# Plural-looking words that are no plural nouns, and words a noun phrase does not start with.
_NOT_PLURAL_TEXT = """news series always perhaps whereas sometimes besides towards afterwards
    various analysis basis crisis status thesis emphasis diagnosis lens bus gas its his this
    thus plus says does has was is"""
_NOT_PLURAL = frozenset(_NOT_PLURAL_TEXT.split())
_PLURAL_WINDOW = 400  # the sentence before the pronoun's, about, and its own up to it


def _last_plural(text: str, found: Attribution, earlier: list[Attribution]) -> str:
    """Whom "they" stands for: the latest plural noun phrase in the sentence before or the
    pronoun's own ("Farmers blocked the road. They said"), or the latest group that spoke,
    whichever comes later; a noun phrase inside the words a speaker is reported to say ranks
    below the speaker (salience of subjects over embedded phrases: Lappin and Leass 1994).

    Examples
    --------
    >>> from medialit.extract.attribution import extract_attributions
    >>> text = "Farmers blocked the road on Monday. They said fuel was too dear."
    >>> extract_attributions(text)[-1].source_name
    'Farmers'
    """
    group = _last_group(found, earlier, "they")
    group_at = next(
        (p.source_start or p.cue_start for p in reversed(earlier) if p.source_name == group),
        -1,
    )
    start = max(0, found.cue_start - _PLURAL_WINDOW)
    end = found.source_start if found.source_start is not None else found.cue_start
    window = text[start:end]
    sentences = [m.end() for m in re.finditer(r"[.!?][”\"’]?\s+|\n", window)]
    first = sentences[-2] if len(sentences) > 1 else 0  # the sentence before the pronoun's
    reported = [p.cue_end - start for p in earlier if start <= p.cue_end <= end]
    best, best_at, subject, subject_at = "", -1, "", -1
    for match in _PLURAL_NP.finditer(window, first):
        head = match.group("head")
        if head.lower() in _NOT_PLURAL or head.lower() in _KIND_OF_WORD.keys() - {
            "police",
            "people",
            "residents",
            "critics",
            "experts",
            "officials",
            "witnesses",
            "analysts",
            "observers",
            "protesters",
        }:
            continue
        np_start = match.start("np")
        if any(
            cue_end <= np_start and not re.search(r"[.!?\n]", window[cue_end:np_start])
            for cue_end in reported
        ):
            continue  # "Police said the protesters had ...": the protesters are reported
        coordinated = _COORDINATED_BEFORE.search(window, max(first, np_start - 60), np_start)
        if coordinated and _SENTENCE_OPENING.search(window, first, coordinated.start()):
            np_start = coordinated.start()  # "The government and the unions met": both
        best = _LEADING_ARTICLE.sub("", window[np_start : match.end("np")])
        best_at = start + np_start
        if _SENTENCE_OPENING.search(window, first, np_start):
            subject, subject_at = best, best_at
    for names in _COORDINATED_NAMES.finditer(window, first):
        # "Amnesty International and Human Rights Watch published": two named bodies or people
        # joined by "and" are a plural subject that "they" takes up
        if names.start() >= subject_at - start and _SENTENCE_OPENING.search(
            window, first, names.start()
        ):
            subject = _LEADING_ARTICLE.sub("", names.group("np"))
            subject_at = start + names.start()
            if subject_at > best_at:
                best, best_at = subject, subject_at
    if subject and not any(subject_at - start < s < best_at - start for s in sentences):
        # a subject outranks an object or a prepositional phrase after it in its sentence
        # (Lappin and Leass 1994): "Police arrested 40 people. They said": the police
        best, best_at = subject, subject_at
    if best and best_at > group_at:
        return best
    return group


# Two names joined by "and", then a finite verb: a plural subject of proper names.
_COORDINATED_NAMES = re.compile(
    rf"(?P<np>(?:(?i:the)[ \t]+)?{_BODY_NAME}[ \t]+and[ \t]+(?:(?i:the)[ \t]+)?{_BODY_NAME})"
    rf"(?=[ \t]+(?:[a-z]{{3,}}ed|have|had|were|are|will|"
    rf"{_IRREGULAR_PAST_ALT})\b)"
)
# A noun phrase and "and" right before a plural, opening the sentence: one subject of two.
_COORDINATED_BEFORE = re.compile(
    r"(?:(?i:the)[ \t]+)?(?:[\w’'-]+[ \t]+){0,3}?[\w’'-]+[ \t]+and[ \t]+$"
)
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?][”\"’]?\s+|\n)\s*$")
_LEADING_ARTICLE = re.compile(r"^(?i:the|about|around)[ \t]+")


_HEADER_WINDOW = 2000  # how far back a role-only speaker tag looks for the header that names it


def _role_holder(text: str, end: int, tag: str) -> str:
    """Who a speaker tag that is only a role ("Minister:", "MAYOR:") names: the person the
    transcript's header gives that role ("the Minister of Finance, Petra Holm", "Mayor Ruth
    Okoye"), or "".

    Examples
    --------
    >>> header = "Interview with the Minister of Finance, Petra Holm\\n\\nMinister:"
    >>> _role_holder(header, 53, "Minister")
    'Petra Holm'
    >>> _role_holder("Minister Holm spoke.\\nMinister:", 21, "Minister")
    ''
    """
    role = tag.strip().lower()
    if " " in role or role not in _ROLE_HEADS:
        return ""
    holder = re.compile(
        rf"\b(?i:{re.escape(role)})(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[{_UPPER}][\w’'-]*"
        rf"(?:[ \t]+(?:and[ \t]+)?[{_UPPER}][\w’'-]*)*)?,?[ \t]+"
        rf"({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})(?![\w’'-])"
    )
    found = holder.search(text, max(0, end - _HEADER_WINDOW), end)
    return found.group(1) if found else ""


# A noun phrase whose head names a body or a document ("The ministry", "a new report").
_BODY_NP = re.compile(
    r"(?<![\w’'-])(?i:the|a|an|its|their|this|that)[ \t]+(?:[\w’'-]+[ \t]+){0,3}[\w’'-]+"
)
_BODY_KINDS = ("organisation", "document", "media")


def _body_head(np: str) -> str:
    """The noun phrase up to its first word (or pair of words) that names a body, a document
    or a medium: "The health ministry opened" -> "The health ministry"; "" when none does.

    Examples
    --------
    >>> _body_head("The Red Cross sent two"), _body_head("the storm hit the")
    ('The Red Cross', '')
    """
    words = np.split()
    for i in range(1, len(words)):
        word = words[i].lower()
        pair = f"{words[i - 1].lower()} {word}"
        if _KIND_OF_WORD.get(pair) in _BODY_KINDS or _KIND_OF_WORD.get(word) in _BODY_KINDS:
            return " ".join(words[: i + 1])
    return ""


# An opening prepositional phrase up to its comma ("In a statement, ").
_OPENING_ADVERBIAL = re.compile(r"\s*(?i:in|on|at|through|via|with)[ \t][^,.;:!?\n]{1,60},")
# One capitalised word opening a sentence, then a past verb: "Toyota recalled".
_NAME_SUBJECT = re.compile(
    rf"\s*([{_UPPER}][\w&’'-]+)(?=[ \t]+(?:[a-z]{{3,}}ed|"
    rf"{_IRREGULAR_PAST_ALT})\b)"
)
_CALENDAR = frozenset(_DAYS_AND_MONTHS_TEXT.split()) | {"may", "today", "yesterday"}


def _last_body(text: str, found: Attribution) -> str:
    """What "it" stands for when no body has spoken before: in the sentence before the
    pronoun's (or its own), the subject if it names a body or a document, else the latest
    noun phrase that does ("The ministry issued a report. According to it": the report;
    subjects first, Lappin and Leass 1994); "" when there is none.

    Examples
    --------
    >>> from medialit.extract.attribution import extract_attributions
    >>> text = "The ministry issued a report. According to it, prices fell."
    >>> extract_attributions(text)[0].source_name
    'The ministry'
    """
    start = max(0, found.cue_start - _PLURAL_WINDOW)
    end = found.source_start if found.source_start is not None else found.cue_start
    window = text[start:end]
    sentences = [m.end() for m in re.finditer(r"[.!?][”\"’]?\s+|\n", window)]
    first = sentences[-2] if len(sentences) > 1 else 0
    own = sentences[-1] if sentences else 0
    # "In a statement, it said": a noun phrase in the opening adverbial of the pronoun's own
    # clause is its channel, not what it stands for
    opening = _OPENING_ADVERBIAL.match(window, own)
    channel_end = own + opening.end() if opening else own
    latest = ""
    for match in _BODY_NP.finditer(window, first):
        np = _body_head(match.group())
        if not np or own <= match.start() < channel_end:
            continue
        if _SENTENCE_OPENING.search(window, first, match.start()):
            return np  # the subject of a sentence
        latest = np
    if not latest:
        # "Toyota recalled 2 million cars. It said": the one-word name that is the previous
        # sentence's subject; "it" stands for no person, so the name is a body's
        named = _NAME_SUBJECT.match(window, first)
        if (
            named
            and named.group(1).lower() not in _LEADING_WORDS | _PRONOUNS_ALL | _CALENDAR
            # "Ruiz said she had resigned": a name a personal pronoun takes up is a person's
            and not _PERSONAL.search(window, named.end())
        ):
            return named.group(1)
    return latest
