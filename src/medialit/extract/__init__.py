"""The extractors: English news text in, spans out.

Three rule-based extractors, readable so that a student can open them and see how a claim is
found, and general so that they work on any English news text, not only on the five articles:

* :func:`extract_figures`: every number a reader could check, with its normalised value;
* :func:`extract_attributions`: every "who says so", with its cue, source and source type;
* :func:`find_loaded_terms`: words that judge rather than report, from a documented lexicon,
  scare quotes and labels for the people in a story.

They share the scanning machinery in :mod:`medialit.extract.scanning` and the vocabularies of
the annotation scheme in :mod:`medialit.schema`; they know nothing of the corpus, the
questions or the charts.

Examples
--------
>>> text = "Police said 164 people had died as bandits attacked the so-called reformers."
>>> [f.text for f in extract_figures(text)]
['164']
>>> [a.cue for a in extract_attributions(text)]
['said']
>>> [t.term for t in find_loaded_terms(text)]
['bandits', 'so-called']
"""

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

__all__ = [
    "Attribution",
    "Figure",
    "LexiconError",
    "LoadedTerm",
    "ParticipantLabel",
    "extract_attributions",
    "extract_figures",
    "find_loaded_terms",
    "find_participant_labels",
    "load_lexicon",
]
