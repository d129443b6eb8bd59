"""How often ``medialit analyze`` misses what a person found, and lists what a person did not.

Students check the machine's first list instead of trusting it; for that they need its error
rates, measured on texts its rules were never tuned on. This module measures them against
hand annotations (a **miss**: an annotated item no extracted item overlaps; a **false alarm**: an
extracted item that overlaps no annotated one; items are paired one to one, largest overlap
first) and keeps the figures of the test split in ``extractor_error_rates.json`` beside it, so
that the book prints a measured number, with its date, and a test re-measures it.

Re-measure and write the file (needs the Wikinews texts in ``../shared/corpora``)::

    .venv/bin/python -m medialit.machine_check --write

Examples
--------
>>> from medialit.corpus import get_article
>>> rates = error_rates([get_article("002")])
>>> rates["figures"].annotated, rates["figures"].misses
(14, 0)
>>> measured = load_measured()
>>> measured.split, sorted(measured.rates)
('test', ['attributions', 'figures', 'loaded_terms'])
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

from medialit.corpus import AnnotatedText, load_texts, shared_corpora_dir

RESULTS_FILE = "extractor_error_rates.json"
MANIFEST = Path(__file__).resolve().parents[2] / "corpora" / "manifest.yaml"
COMMAND = "python -m medialit.machine_check --write"

Span = tuple[int, int]


@dataclass(frozen=True)
class ErrorRates:
    """What one extractor got right and wrong on a set of annotated texts."""

    annotated: int  # items a person annotated
    listed: int  # items the machine listed
    found: int  # annotated items the machine found (paired one to one)

    @property
    def misses(self) -> int:
        return self.annotated - self.found

    @property
    def false_alarms(self) -> int:
        return self.listed - self.found

    @property
    def miss_rate(self) -> float:
        """Share of the annotated items the machine missed."""
        return self.misses / self.annotated if self.annotated else 0.0

    @property
    def false_alarm_rate(self) -> float:
        """Share of the machine's items that a person did not annotate."""
        return self.false_alarms / self.listed if self.listed else 0.0


@dataclass(frozen=True)
class Measurement:
    """The committed measurement: which texts, when, and the rates per extractor."""

    split: str
    texts: int
    measured_on: str
    command: str
    rates: dict[str, ErrorRates]


def _figures(text: AnnotatedText) -> tuple[list[Span], list[Span]]:
    from medialit.extract import extract_figures

    gold = [(f.span.start, f.span.end) for f in text.figures]
    return gold, [(f.start, f.end) for f in extract_figures(text.text)]


def _attributions(text: AnnotatedText) -> tuple[list[Span], list[Span]]:
    from medialit.extract.attribution import extract_attributions

    gold = [(a.cue.start, a.cue.end) for a in text.attributions]
    return gold, [(a.cue_start, a.cue_end) for a in extract_attributions(text.text)]


def _terms(text: AnnotatedText) -> tuple[list[Span], list[Span]]:
    from medialit.extract import find_loaded_terms

    gold = [(t.span.start, t.span.end) for t in text.loaded_terms]
    return gold, [(t.start, t.end) for t in find_loaded_terms(text.text)]


# The three lists `medialit analyze` prints, with how to read each side from a text.
EXTRACTORS: dict[str, Callable[[AnnotatedText], tuple[list[Span], list[Span]]]] = {
    "figures": _figures,
    "attributions": _attributions,
    "loaded_terms": _terms,
}


def matched(gold: Sequence[Span], predicted: Sequence[Span]) -> int:
    """How many pairs of overlapping spans there are, each span used once, largest overlap first.

    >>> matched([(0, 5), (10, 15)], [(3, 12), (20, 25)])
    1
    """
    overlaps = sorted(
        (
            (min(g[1], p[1]) - max(g[0], p[0]), i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(predicted)
            if min(g[1], p[1]) > max(g[0], p[0])
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for _, i, j in overlaps:
        if i not in used_gold and j not in used_predicted:
            used_gold.add(i)
            used_predicted.add(j)
    return len(used_gold)


def _furniture(text: AnnotatedText) -> list[Span]:
    """Lines the annotation guide leaves out: a Wikinews file's 'Source:' line and a constructed
    text's label line. What an extractor finds there is neither a hit nor a false alarm."""
    spans, start = [], 0
    for line in text.text.splitlines(keepends=True):
        if line.startswith(("Source: Wikinews", "[Constructed")):
            spans.append((start, start + len(line)))
        start += len(line)
    return spans


def error_rates(texts: Sequence[AnnotatedText]) -> dict[str, ErrorRates]:
    """Misses and false alarms of each extractor, summed over the texts."""
    rates = {}
    for name, read in EXTRACTORS.items():
        annotated = listed = found = 0
        for text in texts:
            gold, predicted = read(text)
            skip = _furniture(text)
            predicted = [p for p in predicted if not any(a <= p[0] < b for a, b in skip)]
            annotated += len(gold)
            listed += len(predicted)
            found += matched(gold, predicted)
        rates[name] = ErrorRates(annotated, listed, found)
    return rates


def results_path() -> Path:
    """Where the committed measurement ships: inside the package."""
    return Path(str(resources.files("medialit"))) / RESULTS_FILE


def load_measured(path: Path | None = None) -> Measurement:
    """The committed measurement of the test split."""
    data = json.loads((path or results_path()).read_text(encoding="utf-8"))
    return Measurement(
        split=data["split"],
        texts=data["texts"],
        measured_on=data["measured_on"],
        command=data["command"],
        rates={name: ErrorRates(**counts) for name, counts in data["rates"].items()},
    )


def measure(split: str = "test", manifest: Path = MANIFEST, shared: Path | None = None) -> dict:
    """Measure the extractors on one split of the corpus; the dictionary the file holds."""
    texts = load_texts(manifest, shared or shared_corpora_dir(), splits={split})
    return {
        "split": split,
        "texts": len(texts),
        "measured_on": dt.date.today().isoformat(),
        "command": COMMAND,
        "rates": {name: asdict(rate) for name, rate in error_rates(texts).items()},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS_FILE}")
    args = parser.parse_args(argv)
    if shared_corpora_dir() is None:
        print("error: the Wikinews texts (../shared/corpora) are not here", file=sys.stderr)
        return 2
    result = measure()
    for name, counts in result["rates"].items():
        rate = ErrorRates(**counts)
        print(
            f"{name:13} annotated {rate.annotated:4}  listed {rate.listed:4}  "
            f"missed {rate.miss_rate:6.1%}  false alarms {rate.false_alarm_rate:6.1%}"
        )
    if args.write:
        results_path().write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"written: {results_path()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
