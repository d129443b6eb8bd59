"""The shared text index: sentences, quotations and lines found once, answered by bisection."""

import pytest

from medialit.corpus import load_corpus
from medialit.extract import (
    TextIndex,
    analyze,
    extract_attributions,
    extract_figures,
    find_loaded_terms,
)
from medialit.extract.text_index import as_index

TEXT = "On Jan. 5 U.S. officials said “the crowd was calm.”\nThen it “rained” again. End"


def test_sentences_do_not_end_at_abbreviations():
    index = TextIndex(TEXT)
    assert index.sentence_of(TEXT.index("officials")) == (0, TEXT.index("calm.") + 5)
    then = TEXT.index("Then")
    assert index.sentence_start(then + 3) == then
    assert index.sentence_break_between(0, then)
    assert not index.sentence_break_between(then, then + 5)


def test_quotations_and_what_they_hold():
    index = TextIndex(TEXT)
    assert [(TEXT[q.start : q.end], q.words) for q in index.quotations] == [
        ("“the crowd was calm.”", 4),
        ("“rained”", 1),
    ]
    crowd = TEXT.index("crowd")
    assert index.quotation_around(crowd, crowd + 5).words == 4
    assert index.quotation_around(0, 2) is None
    assert [q.words for q in index.quotations_from(0, TEXT.index("Then"))] == [4]


def test_lines():
    index = TextIndex(TEXT)
    assert index.line_number(0) == 1 and index.line_number(TEXT.index("Then")) == 2
    assert index.line_start(TEXT.index("rained")) == TEXT.index("Then")


def test_a_string_or_an_index_gives_the_same_results():
    text = load_corpus()[2].text
    index = TextIndex(text)
    assert extract_figures(index) == extract_figures(text)
    assert extract_attributions(index) == extract_attributions(text)
    assert find_loaded_terms(index) == find_loaded_terms(text)
    found = analyze(text)
    assert (found.figures, found.attributions, found.loaded_terms) == (
        extract_figures(text),
        extract_attributions(text),
        find_loaded_terms(text),
    )


def test_an_index_is_built_once_and_shared():
    index = TextIndex("Police said 5 people were hurt.")
    assert as_index(index) is index
    extract_figures(index)
    lowered = index.lowered
    find_loaded_terms(index)
    assert index.lowered is lowered  # computed once, then reused


@pytest.mark.parametrize("bad", [None, b"bytes", 5])
def test_only_text_is_indexed(bad):
    with pytest.raises(TypeError, match="expected a str"):
        TextIndex(bad)
