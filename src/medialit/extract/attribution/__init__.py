"""Find every "who says so" in an English news text.

An attribution ties a claim to a source. A careful reader finds it in four steps, and
so does this package, one module per step:

1. **The cue** (``cues``): the verb or phrase that marks an attribution. ``CUE_RULES`` lists
   them, one readable regular expression each: the reporting verbs of English (``said``,
   ``told``, ``stated``, ``vowed``, ``accused``, ``described``..., every form, in
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
2. **The source** (``sources``): the noun phrase before the cue ("Lebedev said"), after it
   ("according to Tokayev", "– said Tokayev" after a quotation), or the tag's name; elsewhere
   in the clause (``subjects``): a passive's agent, a shared or inverted subject, the people
   someone is "quoted as" or "citing".
3. **Who the source is** (``speakers``, ``resolve_source``): a pronoun resolved to the last
   named speaker, a surname to the full name given earlier, an appositive or a title left out
   ("he" -> "Kassym-Jomart Tokayev"; "Foreign Ministry Spokeswoman Maria Zakharova" -> "Maria
   Zakharova").
4. **The kind of source** (``sources``, ``classify_source``): a named person, a named
   organisation, a named medium, a document, social media, or a vague one ("reports", "some
   estimates"). The attribution is **direct** when the words are given in quotation marks
   (``quotes``).

``extraction`` puts the steps together (``extract_attributions``); ``record`` holds the
``Attribution`` it returns, and ``words`` the word lists more than one step uses.

The rules are tried only around trigger words (see ``medialit.extract.scanning``), and each cue
looks at most a few hundred characters around itself, so the time grows linearly with the
text.
"""

from __future__ import annotations

from medialit.extract.attribution.cues import CUE_RULES, REPORTING_VERBS, cue_is_participle
from medialit.extract.attribution.extraction import classify_speaker_tag, extract_attributions
from medialit.extract.attribution.record import Attribution
from medialit.extract.attribution.sources import classify_source
from medialit.extract.attribution.speakers import resolve_source
from medialit.extract.attribution.words import SOURCE_WORDS
from medialit.schema import SOURCE_TYPES  # the annotation scheme's source types

__all__ = [
    "CUE_RULES",
    "REPORTING_VERBS",
    "SOURCE_TYPES",
    "SOURCE_WORDS",
    "Attribution",
    "classify_source",
    "classify_speaker_tag",
    "cue_is_participle",
    "extract_attributions",
    "resolve_source",
]
