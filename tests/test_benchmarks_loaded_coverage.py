"""benchmarks/loaded_coverage.py: the phrase joining its upper bound rests on.

The script itself needs three sentiment lexicons that are not dependencies of the kit; its
figures are in benchmarks/README.md.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from loaded_coverage import Lexicons, rated_phrases

LEXICONS = Lexicons({"vile": 3.1, "greedy": 2.0, "calm": 1.2})


def spans(text, at_least):
    return [text[i.start : i.end] for i in rated_phrases(text, LEXICONS, at_least)]


def test_adjacent_rated_words_are_one_phrase():
    assert spans("These vile greedy men.", 2.0) == ["vile greedy"]


def test_words_apart_are_two_phrases_and_weak_ones_are_left_out():
    text = "A vile plan, a greedy one, a calm reply."
    assert spans(text, 2.0) == ["vile", "greedy"]
    assert spans(text, 1.0) == ["vile", "greedy", "calm"]


def test_ratings_ignore_case_and_curly_apostrophes():
    assert spans("VILE and Greedy", 1.0) == ["VILE", "Greedy"]
    assert Lexicons({"don't": 1.0}).rate("don’t") == 1.0
