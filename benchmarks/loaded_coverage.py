"""How far general sentiment lexicons can take the loaded-term extractor: an upper bound.

Issue 15 asks for loaded terms found "from general knowledge, not from the seeds". The largest
general, licensed resources on PyPI are sentiment lexicons: VADER (vaderSentiment, MIT), AFINN
(afinn, GPL code, ODbL word list) and Pattern's adjective lexicon (shipped in textblob, MIT).
They are read here, in a benchmark the kit does not ship, and never become part of it. This
script asks what the best detector built on them alone could score: it flags **every** word a
lexicon rates at or above a strength (adjacent flagged words joined into one phrase) and scores
that against the annotations, leniently, as ``accuracy.py`` does. No detector that only chooses
among those words can find more terms than this, so its recall is a ceiling, and so is the last
column: the F1 of a perfect chooser that kept only the flagged words that match, 2R / (1 + R).
(The matching is accuracy.py's, largest overlap first; a maximum matching could pair a few more,
so the ceiling is close, not exact. It bounds detectors whose spans are the rated words.)

It reads the seeds and the dev split only (never the test split), so it can be run at will.
The three lexicons are not dependencies of the kit; install them beside it to run this::

    .venv/bin/pip install vaderSentiment textblob afinn
    .venv/bin/python benchmarks/loaded_coverage.py
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from accuracy import Item, Score, SetUnavailable, load_set, score, unannotated_lines

from medialit.corpus import AnnotatedText
from medialit.extract.language import find_loaded_terms

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# On VADER's scale (-4..4; AFINN and Pattern mapped to it); the first, just above 0, flags every
# rated word.
STRENGTHS = (1e-9, 1.0, 1.5, 2.0, 2.5, 3.0)


@dataclass(frozen=True)
class Lexicons:
    """Word strengths on one scale (0 to 4): the strongest rating any of the three gives."""

    strength: dict[str, float]

    def rate(self, word: str) -> float:
        return self.strength.get(word.lower().replace("’", "'"), 0.0)


def load_lexicons() -> Lexicons:
    """VADER's mean ratings, AFINN's scores and Pattern's adjectives on VADER's 0-4 scale.

    Pattern counts only where it judges a word subjective (subjectivity >= 0.5); its polarity
    (-1..1) is scaled by 4, AFINN's (-5..5) by 4/5.
    """
    try:
        import textblob
        from afinn import Afinn
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError as error:
        sys.exit(
            f"loaded_coverage.py needs the three lexicons ({error.name} is missing): "
            ".venv/bin/pip install vaderSentiment textblob afinn"
        )
    strength: dict[str, float] = {}

    def keep(word: str, value: float) -> None:
        strength[word] = max(strength.get(word, 0.0), abs(value))

    for word, value in SentimentIntensityAnalyzer().lexicon.items():
        keep(word, value)
    for word, value in Afinn()._dict.items():  # the package's word list, as it scores
        keep(word, value * 4 / 5)
    pattern = Path(textblob.__file__).parent / "en" / "en-sentiment.xml"
    for entry in ElementTree.parse(pattern).getroot():
        if float(entry.get("subjectivity", 0)) >= 0.5:
            keep(entry.get("form", "").lower(), float(entry.get("polarity", 0)) * 4)
    return Lexicons(strength)


def rated_phrases(text: str, lexicons: Lexicons, at_least: float) -> list[Item]:
    """Every run of adjacent words rated at least ``at_least``, as one span each."""
    spans: list[Item] = []
    for match in WORD.finditer(text):
        if lexicons.rate(match.group()) < at_least:
            continue
        gap = text[spans[-1].end : match.start()] if spans else None
        if gap is not None and gap.strip() == "":
            spans[-1] = Item(spans[-1].start, match.end())
        else:
            spans.append(Item(match.start(), match.end()))
    return spans


def lexicon_terms(text: str) -> list[Item]:
    return [Item(t.start, t.end) for t in find_loaded_terms(text)]


def scored(texts: list[AnnotatedText], finder: Callable[[str], list[Item]]) -> Score:
    total = Score()
    for text in texts:
        gold = [Item(t.span.start, t.span.end) for t in text.loaded_terms]
        skip = unannotated_lines(text)
        found = [
            i for i in finder(text.text) if not any(i.start < e and s < i.end for s, e in skip)
        ]
        total.add(score(gold, found, "lenient"))
    return total


def union(*finders: Callable[[str], list[Item]]) -> Callable[[str], list[Item]]:
    def find(text: str) -> list[Item]:
        found: list[Item] = []
        for finder in finders:
            for item in finder(text):
                if not any(item.start < f.end and f.start < item.end for f in found):
                    found.append(item)
        return found

    return find


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", nargs="+", choices=["seeds", "dev"], default=["seeds", "dev"])
    args = parser.parse_args(argv)
    lexicons = load_lexicons()
    print(f"{len(lexicons.strength)} rated words (VADER, AFINN, Pattern subjective adjectives)")
    print("Lenient matching as in accuracy.py; every rated word flagged (an upper bound).\n")
    for name in args.sets:
        try:
            texts = load_set(name)
        except SetUnavailable as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        terms = sum(len(t.loaded_terms) for t in texts)
        print(f"== {name} ({len(texts)} texts, {terms} annotated loaded terms)")
        print(f"{'detector':34} {'pred':>5} {'match':>5}   {'P':>5}  {'R':>5}  {'F1':>5}   best F1")
        rows: list[tuple[str, Callable[[str], list[Item]]]] = [("the kit's lexicon", lexicon_terms)]
        for at_least in STRENGTHS:

            def rated(text: str, at_least: float = at_least) -> list[Item]:
                return rated_phrases(text, lexicons, at_least)

            strength = "rated at all" if at_least < 1 else f"rated >= {at_least}"
            rows.append((f"every word {strength}", rated))
            rows.append((f"lexicon + every word {strength}", union(lexicon_terms, rated)))
        for label, finder in rows:
            s = scored(texts, finder)
            print(
                f"{label:34} {s.predicted:5} {s.matched:5}   {s.precision:.3f}  "
                f"{s.recall:.3f}  {s.f1:.3f}   {2 * s.recall / (1 + s.recall):.3f}"
            )
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
