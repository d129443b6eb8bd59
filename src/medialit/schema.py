"""The annotation scheme's vocabularies, defined once.

Every closed list of words the kit uses to describe a text lives here: the kinds of outlet and
of figure, the source types of an attribution, the categories of a loaded term, the verdicts a
claim can get. The corpus loader validates the annotations against them, the extractors label
what they find with them, and the book, the notebooks and the answer key print them, so a
category renamed here is renamed everywhere (``seeds/ANNOTATING.md`` explains each value).

Each vocabulary is a tuple of the values in their teaching order; where a reader needs more than
the identifier, a mapping gives the words the book prints for each value and its definition.

Examples
--------
>>> "name_calling" in TERM_CATEGORIES
True
>>> ISSUE_VERDICTS == CLAIM_VERDICTS[1:]
True
>>> describe(SOURCE_TYPE_LABELS, "vague")
'vague or anonymous'
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "ATTRIBUTION_PARTS",
    "CLAIM_VERDICTS",
    "CONFIDENCES",
    "FIGURE_KINDS",
    "FIGURE_KIND_LABELS",
    "ISSUES_WITHOUT_REFERENCE",
    "ISSUE_KINDS",
    "ISSUE_VERDICTS",
    "LABEL_TARGETS",
    "MEASURE_UNITS",
    "OUTLET_KINDS",
    "PROVENANCE_KINDS",
    "PROVENANCE_KIND_LABELS",
    "QUALIFIERS",
    "QUALIFIER_LABELS",
    "REFERENCE_STATUSES",
    "RELIABILITY",
    "SKILLS",
    "SKILL_LABELS",
    "SOURCE_TYPES",
    "SOURCE_TYPE_DEFINITIONS",
    "SOURCE_TYPE_LABELS",
    "SPLITS",
    "TERM_CATEGORIES",
    "TERM_CATEGORY_DEFINITIONS",
    "TERM_CATEGORY_LABELS",
    "TEXT_STYLES",
    "VERDICT_DEFINITIONS",
    "VOICES",
    "VOICE_LABELS",
    "describe",
]

OUTLET_KINDS = (
    "state_media",
    "state_affiliated",
    "partisan",
    "movement_affiliated",
    "unidentified",
)
PROVENANCE_KINDS = (
    "scraping_leftover",
    "copied_text",
    "machine_translation",
    "footnote_markers",
    "anachronism",
    "unidentified_credit",
    "unsourced",
    "other",
)
PROVENANCE_KIND_LABELS = {
    "scraping_leftover": "page furniture",
    "copied_text": "copied text",
    "machine_translation": "machine translation",
    "footnote_markers": "footnotes with no notes",
    "anachronism": "anachronism",
    "unidentified_credit": "credit nobody could identify",
    "unsourced": "unsourced",
    "other": "other",
}
FIGURE_KINDS = ("count", "money", "percent", "ratio", "duration", "date", "year", "rank")
FIGURE_KIND_LABELS = {
    "count": "count",
    "money": "money",
    "percent": "percentage",
    "ratio": "ratio",
    "duration": "length of time",
    "date": "date",
    "year": "year",
    "rank": "ranking",
}
QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "up_to", "range", "vague")
QUALIFIER_LABELS = {
    "exact": "exact",
    "approx": "about",
    "more_than": "more than",
    "at_least": "at least",
    "less_than": "less than",
    "up_to": "up to",
    "range": "a range",
    "vague": "vague",
}

SOURCE_TYPES = (
    "named_person",
    "named_organisation",
    "named_media",
    "vague",
    "document",
    "social_media",
)
SOURCE_TYPE_LABELS = {
    "named_person": "named person",
    "named_organisation": "named organisation",
    "named_media": "named medium",
    "vague": "vague or anonymous",
    "document": "document",
    "social_media": "social media",
}
SOURCE_TYPE_DEFINITIONS = {
    "named_person": "a person identified by name, with or without a title",
    "named_organisation": "a specific body: a ministry, an alliance, a government, a company",
    "named_media": "a newspaper, agency, broadcaster or other publisher, identified by name",
    "vague": "a source nobody can look up: reports, some estimates, it became known",
    "document": "a decree, statute, report or web page named precisely enough to find",
    "social_media": "a post, video or channel on a social-media platform",
}

TERM_CATEGORIES = (
    "name_calling",
    "loaded_language",
    "scare_quotes",
    "exaggeration",
    "doubt",
    "conspiracy_framing",
    "euphemism",
    "other",
)
TERM_CATEGORY_LABELS = {
    "name_calling": "name calling",
    "loaded_language": "loaded language",
    "scare_quotes": "scare quotes",
    "exaggeration": "exaggeration",
    "doubt": "doubt",
    "conspiracy_framing": "conspiracy framing",
    "euphemism": "euphemism",
    "other": "other",
}
TERM_CATEGORY_DEFINITIONS = {
    "name_calling": "a label that condemns the people it names",
    "loaded_language": "an emotive or judging word where a plain one would do",
    "scare_quotes": "quotation marks that quote nobody but cast doubt on the word inside them",
    "exaggeration": "a sweeping claim larger than the facts it stands on",
    "doubt": "a word that casts doubt without evidence",
    "conspiracy_framing": "presenting events as the work of a hidden hand, without evidence",
    "euphemism": "a soft word for a hard thing",
    "other": "a judging word that fits none of the other categories",
}

# The three parts of an attribution (PARC): who says it, the words that mark it, what is said.
ATTRIBUTION_PARTS = ("source", "cue", "content")

# Who speaks a loaded word: the outlet itself, or someone it quotes.
VOICES = ("outlet", "quoted")
VOICE_LABELS = {"outlet": "the outlet's own words", "quoted": "inside someone else's words"}
LABEL_TARGETS = ("participants", "foreign_troops")

ISSUE_KINDS = (
    "wrong_fact",
    "imprecise",
    "unsupported",
    "unverified",
    "misspelling",
    "anachronism",
    "copied_text",
    "other",
)
# What a claim deserves once checked against the references. An annotated issue is a problem,
# so it never has the verdict "supported"; a claim in an exercise can.
CLAIM_VERDICTS = ("supported", "imprecise", "contradicted", "unsupported", "unverified")
ISSUE_VERDICTS = CLAIM_VERDICTS[1:]
VERDICT_DEFINITIONS = {
    "supported": "an independent reference says the same",
    "imprecise": "right in substance but wrong in a detail (a number, a date, a name, a title)",
    "contradicted": "an independent reference says otherwise",
    "unsupported": "a source exists but does not show what the text says it shows",
    "unverified": "no independent source could be found either way; not the same as false",
}
# Issues about the text itself need no outside reference.
ISSUES_WITHOUT_REFERENCE = ("misspelling", "copied_text", "anachronism")

REFERENCE_STATUSES = ("current", "interim", "retracted", "claim", "context", "not_found")
CONFIDENCES = ("high", "medium", "low")

# Units of measure: a figure compared with a quantity must use the quantity's own unit.
MEASURE_UNITS = (
    "days",
    "weeks",
    "months",
    "years",
    "year",
    "minutes",
    "hours",
    "times",
    "USD",
    "tenge per litre",
)

# What a text is for. The five articles are the case the lessons analyse; texts the extractors
# are tuned on (dev) and measured on (test) are kept apart from it, and unseen texts are kept
# for graded exercises, which the lesson pages never analyse.
SPLITS = ("case", "dev", "test", "unseen")

# The skills the kit teaches, in the book's order: every exercise item and every learning
# objective belongs to one. Synthesis is the capstone's: the four skills applied together.
SKILLS = (
    "sourcing",
    "attribution",
    "loaded_terms",
    "numeric_verification",
    "checking_claims",
    "synthesis",
)
SKILL_LABELS = {
    "sourcing": "sourcing",
    "attribution": "attribution",
    "loaded_terms": "loaded terms",
    "numeric_verification": "numeric verification",
    "checking_claims": "checking claims",
    "synthesis": "synthesis",
}

# The kinds of text the unseen texts imitate, and how far each deserves trust: the graded
# items ask students to recognise careful reporting as well as unreliable texts.
TEXT_STYLES = (
    "wire",
    "local_news",
    "partisan",
    "state_media",
    "official_statement",
    "transcript",
    "machine_translation",
)
RELIABILITY = ("careful", "unreliable", "primary")


def describe(labels: Mapping[str, str], value: str) -> str:
    """The reader's words for a vocabulary value, or the value with underscores as spaces.

    >>> describe(TERM_CATEGORY_LABELS, "conspiracy_framing")
    'conspiracy framing'
    >>> describe({}, "named_media")
    'named media'
    """
    return labels.get(value, value.replace("_", " "))
