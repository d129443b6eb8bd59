"""The extractors: English news text in, spans out.

Three rule-based extractors, readable so that a student can open them and see how a claim is
found, and general so that they work on any English news text, not only on the five articles:

* :func:`extract_figures`: every number a reader could check, with its normalised value;
* :func:`extract_attributions`: every "who says so", with its cue, source and source type;
* :func:`find_loaded_terms`: words that judge rather than report, from a documented lexicon,
  scare quotes and labels for the people in a story.

They share the scanning machinery in :mod:`medialit.extract.scanning`, one index of the text
(:class:`TextIndex`: the lower-cased text, its sentences and quotations, each found once) and the
vocabularies of the annotation scheme in :mod:`medialit.schema`; they know nothing of the
corpus, the questions or the charts. :func:`analyze` runs all three on one index.

Examples
--------
>>> text = "Police said 164 people had died as bandits attacked the so-called reformers."
>>> [f.text for f in extract_figures(text)]
['164']
>>> [a.cue for a in extract_attributions(text)]
['said']
>>> [t.term for t in find_loaded_terms(text)]
['bandits', 'so-called']
>>> [len(found) for found in analyze(text)]
[1, 1, 2]
"""

from dataclasses import dataclass

from medialit.extract.attribution import Attribution, extract_attributions
from medialit.extract.figures import Figure, extract_figures
from medialit.extract.language import (
    LexiconError,
    LoadedTerm,
    ParticipantLabel,
    find_loaded_terms,
    find_participant_labels,
    load_lexicon,
)
from medialit.extract.text_index import TextIndex


@dataclass(frozen=True)
class Analysis:
    """What the three extractors find in one text, in reading order each."""

    figures: list[Figure]
    attributions: list[Attribution]
    loaded_terms: list[LoadedTerm]

    def __iter__(self):
        return iter((self.figures, self.attributions, self.loaded_terms))


def analyze(text: str) -> Analysis:
    """Run the three extractors on ``text``, sharing one :class:`TextIndex`.

    Examples
    --------
    >>> analyze("Tokayev said 164 people died.").figures[0].value
    164
    """
    index = TextIndex(text)
    return Analysis(extract_figures(index), extract_attributions(index), find_loaded_terms(index))


__all__ = [
    "Analysis",
    "Attribution",
    "Figure",
    "LexiconError",
    "LoadedTerm",
    "ParticipantLabel",
    "TextIndex",
    "analyze",
    "extract_attributions",
    "extract_figures",
    "find_loaded_terms",
    "find_participant_labels",
    "load_lexicon",
]
