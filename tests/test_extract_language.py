"""Unit tests for medialit.extract.language and the lexicon: lexicon terms, scare quotes,
participant labels, voice, lexicon validation, the letter-tree patterns; properties."""

import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import medialit.extract
from medialit.extract import language as _language
from medialit.extract.language import (
    CATEGORIES,
    LexiconError,
    find_loaded_terms,
    find_participant_labels,
    load_lexicon,
)
from medialit.extract.scanning import trie_pattern


def terms(text: str) -> list[tuple[str, str]]:
    return [(t.term, t.category) for t in find_loaded_terms(text)]


@pytest.mark.parametrize(
    ("text", "term", "category"),
    [
        ("sponsors of the so-called reforms", "so-called", "doubt"),
        ("a Colour Revolution in the steppe", "Colour Revolution", "conspiracy_framing"),
        ("forces are restoring order in the city", "restoring order", "euphemism"),
        ("the carnage inflicted by the crowd", "carnage", "loaded_language"),
        ("the country is spiralling out of control", "spiralling out of control",
         "exaggeration"),
        ("riots tearing Kazakhstan apart", "tearing Kazakhstan apart", "exaggeration"),
        ("the ultra-violent operations", "ultra-violent", "loaded_language"),
        ("the bandits were preparing", "bandits", "name_calling"),
        ("the senator slammed the plan", "slammed", "loaded_language"),
        ("a self-styled expert", "self-styled", "doubt"),
    ],
)  # fmt: skip
def test_lexicon_and_label_terms(text, term, category):
    assert (term, category) in terms(text)


def test_a_term_carries_its_neutral_alternative():
    found = find_loaded_terms("The bandits were preparing")[0]
    assert (found.neutral, found.rule, found.lexeme) == (
        "protesters",
        "participant_label",
        "bandit",
    )


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Riots disguised as “protests” spread", "“protests”"),
        ("Russian ‘peacekeepers’ arrived", "‘peacekeepers’"),
        ("the “legal” regime change arm", "“legal”"),
        ("the fake Covid “pandemic” and more", "“pandemic”"),
        ("The “Peacekeepers” arrived in town.", "“Peacekeepers”"),  # capitals alone name nothing
        ("Her book about the “Freedom Fighters” sold well.", "“Freedom Fighters”"),  # its topic
        ("The newspaper's “Patriots” were out again.", "“Patriots”"),  # its people, not its name
    ],
)
def test_scare_quotes(text, term):
    found = [t for t in find_loaded_terms(text) if t.rule == "scare_quotes"]
    assert [t.term for t in found] == [term]
    assert found[0].neutral == term[1:-1]


@pytest.mark.parametrize(
    "text",
    [
        "Xi Jinping pledged “necessary support” to Kazakhstan",  # a quoted fragment
        "the state TV channel “Kazakhstan” was on fire",  # a name
        "He said “we will act with maximum severity against them”",  # a long quotation
        "don't and won't are contractions",  # apostrophes
        "“We are ready,” she said.",  # a quotation with its speaker
    ],
)
def test_quotations_that_are_not_scare_quotes(text):
    assert [t for t in find_loaded_terms(text) if t.rule == "scare_quotes"] == []


@pytest.mark.parametrize(
    "text",
    [
        "He presents “Open Line”, a phone-in programme on Radio North.",
        "The phone-in he hosts on weekday mornings, “Open Line”, drew complaints.",
        "She writes a weekly column titled “Plain Speaking” for the Herald.",
        "On the talk show “Face the Nation” he denied it.",
        "Her memoir, “The Long Road Home”, sold well.",
        "The “Open Line” programme drew complaints.",
        "He is the host of “Open Line” on Radio North.",
    ],
)
def test_a_quoted_title_is_a_name_not_scare_quotes(text):
    assert [t for t in find_loaded_terms(text) if t.rule == "scare_quotes"] == []


def test_voice_is_quoted_inside_a_quotation_or_reported_speech():
    quoted = find_loaded_terms("He said it was “a colour revolution”.")[0]
    reported = find_loaded_terms("Tokayev condemned the protests as terrorist action.")[0]
    outlet = find_loaded_terms("Russian forces are restoring order.")[0]
    assert (quoted.voice, reported.voice, outlet.voice) == ("quoted", "quoted", "outlet")


def test_block_quote_closed_by_a_dash_line_is_quoted():
    text = "Terrorist gangs are international.\n\n– said Tokayev"
    assert find_loaded_terms(text)[0].voice == "quoted"


@pytest.mark.parametrize(
    "text",
    [
        "a strict regimen",
        "the pro-regime crowd",
        "banditry",
        "the sanctions regime",
        "a bomb exploded",
    ],
)
def test_words_inside_longer_words_do_not_count(text):
    assert find_loaded_terms(text) == []


def test_a_word_that_needs_its_neighbour_takes_it_in():
    assert terms("Riots Explode in Almaty") == [("Riots Explode", "exaggeration")]


def test_participant_labels_loaded_or_not():
    found = find_participant_labels("Protesters, rioters, bandits and CSTO peacekeepers")
    assert [(x.label, x.refers_to, x.loaded) for x in found] == [
        ("protester", "participants", False),
        ("rioter", "participants", False),
        ("bandit", "participants", True),
        ("peacekeeper", "foreign_troops", False),
    ]
    assert [t.term for t in find_loaded_terms("Protesters, rioters and bandits")] == ["bandits"]


def test_terms_serialise_to_json():
    data = [t.to_dict() for t in find_loaded_terms("so-called “protests”")]
    assert [item["category"] for item in json.loads(json.dumps(data))] == [
        "doubt",
        "scare_quotes",
    ]


def test_non_text_input_is_a_type_error():
    with pytest.raises(TypeError, match="expects a str"):
        find_loaded_terms(42)


# --------------------------------------------------------------------------- the lexicon


def test_the_shipped_lexicon_is_valid_and_lives_with_the_extractors():
    entries = load_lexicon()
    assert (Path(medialit.extract.__file__).parent / "lexicon.yaml").is_file()
    assert {e.category for e in entries if e.loaded} <= set(CATEGORIES)
    assert all(e.forms or e.pattern for e in entries)


SOURCES = "sources:\n  guide: {name: n, what: w, citation: c, url: u, licence: l}\n"
PROVENANCE = "    source: [guide]\n    evidence: listed in the guide\n    example: an example\n"


def write_lexicon(tmp_path, body: str, provenance: bool = True):
    """A lexicon file; each entry gets a source, evidence and an example unless told not to."""
    if provenance:
        body = SOURCES + body
        out = []
        for line in body.split("\n"):
            out.append(line)
            if line.startswith("  - term: "):
                out.extend(PROVENANCE.rstrip("\n").split("\n"))
        body = "\n".join(out)
    path = tmp_path / "lexicon.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("terms:\n  - term: thugs\n    category: name_calling\n",
         r"terms\[0\] \('thugs'\): field 'neutral' is missing"),
        ("terms:\n  - term: thugs\n    category: insults\n    neutral: ''\n",
         r"terms\[0\] \('thugs'\): field 'category' is 'insults'"),
        ("terms:\n  - term: thugs\n    category: name_calling\n    neutral: ''\n    colour: red\n",
         r"terms\[0\]: unknown field\(s\) colour"),
        ("terms:\n  - term: a\n    category: doubt\n    neutral: ''\n"
         "  - term: b\n    forms: [A]\n    category: doubt\n    neutral: ''\n",
         r"form 'A' of 'b' is already listed under 'a'"),
        ("terms:\n  - term: x\n    pattern: '(unclosed'\n    category: doubt\n    neutral: ''\n",
         r"terms\[0\] \('x'\): field 'pattern' is not a regex"),
        ("terms:\n  - just a string\n", r"terms\[0\]: expected a mapping"),
        ("terms: [\n", r"malformed YAML at line \d+"),  # after the sources the helper adds
        ("terms:\n  - term: x\n    after: [two words]\n    category: doubt\n    neutral: ''\n",
         r"terms\[0\] \('x'\): field 'after' must be a list of single words"),
        ("labels: []\n", r"expected a mapping with a 'terms' list"),
        ("terms: []\nlabels:\n  - term: mob\n    loaded: true\n    category: name_calling\n"
         "    neutral: crowd\n", r"labels\[0\] \('mob'\): field 'refers_to' is missing"),
    ],
)  # fmt: skip
def test_a_bad_lexicon_names_file_item_and_field(tmp_path, body, message):
    path = write_lexicon(tmp_path, body)
    with pytest.raises(LexiconError, match=message) as error:
        load_lexicon(path)
    assert str(path) in str(error.value)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("terms:\n  - term: x\n    category: doubt\n    neutral: ''\n",
         r"expected a mapping 'sources'"),
        (SOURCES + "terms:\n  - term: x\n    category: doubt\n    neutral: ''\n"
         "    source: [seeds]\n    evidence: e\n    example: x\n",
         r"terms\[0\] \('x'\): field 'source' must name sources listed under 'sources:'"),
        (SOURCES + "terms:\n  - term: x\n    category: doubt\n    neutral: ''\n"
         "    source: [guide]\n    example: x\n",
         r"terms\[0\] \('x'\): field 'evidence' is missing"),
        (SOURCES + "terms:\n  - term: x\n    category: doubt\n    neutral: ''\n"
         "    source: [guide]\n    evidence: e\n",
         r"terms\[0\] \('x'\): field 'example' is missing"),
    ],
)  # fmt: skip
def test_every_entry_needs_its_provenance(tmp_path, body, message):
    path = write_lexicon(tmp_path, body, provenance=False)
    with pytest.raises(LexiconError, match=message):
        load_lexicon(path)


def test_a_missing_lexicon_is_a_clear_error(tmp_path):
    with pytest.raises(LexiconError, match=r"nowhere\.yaml: no such file"):
        load_lexicon(tmp_path / "nowhere.yaml")


def test_another_lexicon_can_be_used(tmp_path):
    path = write_lexicon(
        tmp_path,
        "terms:\n  - term: jackboots\n    category: loaded_language\n    neutral: police\n",
    )
    assert [t.term for t in find_loaded_terms("Jackboots marched; bandits ran", path)] == [
        "Jackboots"
    ]


# --------------------------------------------------------------------------- letter trees

_WORD = st.text(alphabet="abcde -'", min_size=1, max_size=6).filter(lambda w: w.strip() == w)


@settings(max_examples=100, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=12), _WORD)
def test_a_letter_tree_matches_exactly_its_words(words, probe):
    tree = re.compile(trie_pattern(words))
    listed = {re.sub(r"\s+", " ", w) for w in words}
    # A space in a word matches any run of whitespace in the text.
    assert bool(tree.fullmatch(probe)) == (re.sub(r"\s+", " ", probe) in listed)


_PIECES = st.sampled_from(
    ["bandits", "so-called", "“", "”", "‘", "’", "'", "protests", "regime", "change", "said",
     " ", "\n", "–", "colour", "revolution", "ultra-", "tearing", "apart", "İ", "."]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=40).map(" ".join)))
def test_any_text_gives_spans_that_lie_inside_it_and_match(text):
    previous_end = 0
    for term in find_loaded_terms(text):
        assert 0 <= term.start < term.end <= len(text)
        assert text[term.start : term.end] == term.term
        assert term.start >= previous_end
        assert term.category in CATEGORIES
        previous_end = term.end
    for label in find_participant_labels(text):
        assert text[label.start : label.end] == label.text


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("It was a disgusting smear.", ["disgusting smear"]),
        ("The rabid and frenzied force.", ["rabid and frenzied"]),
        ("The bandits torched the office.", ["bandits", "torched"]),  # a label stays a noun
        ("He called them terrorists and bandits.", ["terrorists", "bandits"]),
    ],
)
def test_loaded_words_side_by_side_are_one_phrase_but_labels_stay_apart(text, terms):
    assert [t.term for t in find_loaded_terms(text)] == terms


@pytest.mark.parametrize(
    "text",
    [
        "The building was gutted by fire on Monday.",  # literal
        "Residents woke to find the road flooded.",  # the verb, not the label
        "She booked a smear test.",  # medical
        "The streamlining of the product range continued.",  # plain business copy
    ],
)
def test_plain_senses_of_listed_words_are_not_loaded(text):
    assert find_loaded_terms(text) == []


# --------------------------------------------------------------------------- pattern heads

_PATTERNS = [p for p, _ in _language._matcher(str(_language._lexicon_path())).patterns]
# Words the patterns open with and go on with, so that the texts drawn below hold matches,
# near misses, matches inside words and matches that overlap.
_WORDS = sorted({w for p in _PATTERNS for w in re.findall(r"[a-z]{2,}", p.pattern)})
_HEADS = _language._PatternHeads.of(_PATTERNS)
_HEAD_PIECES = st.sampled_from([*_WORDS, " ", "  ", "\n", "-", "x", "?", "ultra-", "tear "])


def test_every_lexicon_pattern_has_heads():
    # A pattern without heads runs over the whole text on its own (slow, still right):
    # this says when a new pattern does.
    assert [p.pattern for p in _PATTERNS if _language.pattern_heads(p.pattern) is None] == []


@settings(max_examples=300, deadline=None)
@given(st.lists(_HEAD_PIECES, max_size=40).map(" ".join))
@example("absolutely utterly totally wrong")  # a match hides the one starting inside it
@example("xtear it apart, tear them apart")  # a match inside a word
@example("do you know what that means")  # one pattern's head inside another's ("you ")
def test_patterns_tried_at_their_heads_find_what_finditer_finds(text):
    starts = _HEADS.starts(text, len(_PATTERNS))
    for i, pattern in enumerate(_PATTERNS):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in _language._matches_at(pattern, text, starts[i])] == expected


@pytest.mark.parametrize(
    "pattern",
    [r"(?=ab)a", r"(?:ab|)c", r"a*b", r"(?i)abc", r"[^a]b", r"a?b", r"\sab", r"a{2}b"],
)
def test_pattern_heads_never_miss_a_match(pattern):
    text = "xab abc ABC c b aab aaab  ab zb"
    heads = _language._PatternHeads.of([re.compile(pattern)])
    matches = (
        re.compile(pattern).finditer(text)
        if 0 in heads.headless
        else _language._matches_at(re.compile(pattern), text, heads.starts(text, 1)[0])
    )
    assert [m.span() for m in matches] == [m.span() for m in re.finditer(pattern, text)]


@pytest.mark.parametrize("flags", [re.IGNORECASE, re.VERBOSE])
def test_patterns_compiled_with_flags_run_on_their_own(flags):
    # The flags are not in the pattern's text: heads read off it would miss "ABC".
    pattern = re.compile("abc", flags)
    heads = _language._PatternHeads.of([pattern])
    assert 0 in heads.headless
