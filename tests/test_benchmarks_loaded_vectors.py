"""benchmarks/loaded_vectors.py: how flagged words become spans, and the classifier it fits.

The script itself needs word vectors that are not dependencies of the kit (a PyPI wheel); its
figures are in benchmarks/README.md.
"""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from accuracy import Item
from loaded_vectors import WORD, Prepared, evaluate_residual, fit, learned_spans


def prepared(text, gold=(), lexicon=()):
    spans = [(m.start(), m.end()) for m in WORD.finditer(text)]
    return Prepared(
        "t", text, [Item(*g) for g in gold], [], [Item(*i) for i in lexicon], spans,
        np.zeros((len(spans), 1)), np.zeros(len(spans)),
    )  # fmt: skip


def words(p, items):
    return [p.text[i.start : i.end] for i in items]


def test_neighbours_joined_by_a_space_or_hyphen_are_one_span():
    p = prepared("a truly shameless, self-serving ploy")
    probs = np.array([0.1, 0.9, 0.9, 0.9, 0.9, 0.2])
    assert words(p, learned_spans(p, probs, 0.5)) == ["truly shameless", "self-serving"]


def test_words_below_the_threshold_are_left_out():
    p = prepared("the minister spoke on Tuesday")
    assert learned_spans(p, np.array([0.1, 0.4, 0.3, 0.2, 0.1]), 0.5) == []


def test_residual_scoring_ignores_terms_the_lexicon_already_found():
    text = "a vile and a rotten plan"
    vile, rotten = (2, 6), (13, 19)
    p = prepared(text, gold=[vile, rotten], lexicon=[vile])
    probs = np.array([0.0, 0.0, 0.0, 0.0, 0.9, 0.0])  # "rotten" only
    lenient = evaluate_residual(p, probs, 0.5)["lenient"]
    assert (lenient.annotated, lenient.predicted, lenient.matched) == (1, 1, 1)


def test_fit_separates_a_feature_that_predicts_the_label():
    X = np.array([[0.0], [0.1], [0.2], [0.8], [0.9], [1.0]])
    y = np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
    model = fit(X, y, l2=0.1)
    probs = model.probabilities(X)
    assert probs[:3].max() < 0.5 < probs[3:].min()
