"""The lexicon's provenance: every entry comes from a general, documented resource.

The loaded-term lexicon (``src/medialit/extract/lexicon.yaml``) must hold on texts nobody here
has read, so no entry may be taken from the articles the kit analyses. These tests check what
can be checked mechanically: each entry cites a resource listed with its licence, carries an
example sentence in which it is found, and none is a quote from the five articles standing on
the kit's own scheme alone.
"""

import re

import pytest

from medialit.corpus import load_corpus
from medialit.extract.language import (
    find_loaded_terms,
    find_participant_labels,
    lexicon_sources,
    load_lexicon,
)

ENTRIES = load_lexicon()


def _normalise(words: str) -> str:
    return re.sub(r"\s+", " ", words.lower().replace("’", "'")).strip(" \"“”‘’'")


SEED_QUOTES = {_normalise(t.span.text) for a in load_corpus() for t in a.loaded_terms}
SEED_TEXTS = [a.text for a in load_corpus()]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.term)
def test_every_entry_is_found_in_its_own_example(entry):
    if entry.label and not entry.loaded:
        found = [label.label for label in find_participant_labels(entry.example)]
    else:
        found = [term.lexeme for term in find_loaded_terms(entry.example)]
    assert entry.term in found, (entry.example, found)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.term)
def test_every_example_is_written_for_the_kit_not_taken_from_the_articles(entry):
    assert not any(entry.example in text for text in SEED_TEXTS)


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.loaded], ids=lambda e: e.term)
def test_a_loaded_entry_cites_a_general_resource(entry):
    """The kit's own scheme documents only labels that are not loaded."""
    general = [s for s in entry.sources if s != "scheme"]
    assert general and entry.evidence.strip()


@pytest.mark.parametrize(
    "entry",
    [e for e in ENTRIES if e.loaded and any(_normalise(f) in SEED_QUOTES for f in e.forms)],
    ids=lambda e: e.term,
)
def test_an_entry_that_is_also_a_seed_quote_stands_on_a_general_source(entry):
    """A loaded word the seed annotations also mark must be in the lexicon for a general
    reason, never because it is in the seeds: it cites a resource other than the kit, with
    evidence."""
    assert set(entry.sources) - {"scheme"} and entry.evidence.strip(), entry.term


def test_the_seed_quote_check_fails_on_a_seed_quote_with_no_general_source():
    """The check above is not vacuous: a seed quote cited to the kit alone fails it."""
    quote = next(iter(sorted(SEED_QUOTES)))
    fake = type(ENTRIES[0])(
        term=quote, forms=(quote,), pattern=None, category="loaded_language", neutral="",
        sources=("scheme",), evidence="in the seeds", example=quote,
    )  # fmt: skip
    with pytest.raises(AssertionError):
        test_an_entry_that_is_also_a_seed_quote_stands_on_a_general_source(fake)


def test_every_source_says_where_it_is_and_under_which_licence():
    sources = lexicon_sources()
    assert {"ptc", "wtw", "vader", "pattern"} <= set(sources)
    for source in sources.values():
        assert source.url and source.licence and source.citation
    cited = {s for entry in ENTRIES for s in entry.sources}
    assert cited == set(sources), "every source is cited, and only listed sources are"


def test_near_keeps_a_legal_term_apart_from_a_label():
    assert find_loaded_terms("He was charged with domestic terrorism.") == []
    assert [t.term for t in find_loaded_terms("The president called the protests terrorism.")] == [
        "terrorism"
    ]
