"""How far two annotators agree on loaded terms: the ceiling for the extractor's score.

Run from the repository root::

    .venv/bin/python benchmarks/agreement.py           # the table
    .venv/bin/python benchmarks/agreement.py --json    # the same numbers for machines
    .venv/bin/python benchmarks/agreement.py --disagreements   # every term only one marked

Annotator A wrote ``corpora/annotations/`` (the reference the accuracy benchmark scores the
extractors against). Annotator B annotated the loaded terms of 14 development texts again,
blind to A, in ``corpora/agreement/`` (the selection rule and the protocol are in its README).
Both are read with the project's loader, and matched with the functions of
``benchmarks/accuracy.py``: strict (identical spans) and lenient (spans overlap by at least
one character, largest overlap first), one-to-one either way. A is the reference; F1 is
symmetric, so B-against-A and A-against-B give the same F1 (precision and recall swap).

For the matched pairs (lenient) the table gives the share with the same category and voice, and
Cohen's kappa on category (agreement corrected for chance, from the two annotators' category
shares over those pairs). The extractor's lenient F1 is printed against each annotator, so one
table shows extractor-vs-A, extractor-vs-B and A-vs-B on the same texts.

All these texts are in the development split: the extractor was tuned on A's annotation of
them, so extractor-vs-A here is a development figure, and extractor-vs-B is the extractor
scored by an annotator it was not tuned on.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from medialit.corpus import AnnotatedText, CorpusError, load_annotations, load_references

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/ is not a package
from accuracy import (  # found through the path above
    EXTRACTORS,
    MANIFEST,
    MATCHING_RULE,
    MODES,
    Item,
    Score,
    SetUnavailable,
    gold_terms,
    load_set,
    match_spans,
    predictions,
    score,
)

CORPORA = MANIFEST.parent
SECOND = "agreement"  # the second annotator's folder, beside annotations/
COMPARE = ("category", "voice")


@dataclass
class Comparison:
    """Counts for one group of texts: A against B, and the extractor against each."""

    between: dict[str, Score]  # matching mode -> B scored against A
    extractor_a: Score  # lenient
    extractor_b: Score  # lenient
    categories: list[tuple[str, str]]  # (A's, B's) category of each lenient match

    @classmethod
    def empty(cls) -> Comparison:
        return cls({mode: Score() for mode in MODES}, Score(), Score(), [])

    def add(self, other: Comparison) -> None:
        for mode in MODES:
            self.between[mode].add(other.between[mode])
        self.extractor_a.add(other.extractor_a)
        self.extractor_b.add(other.extractor_b)
        self.categories += other.categories


def cohen_kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters' labels on the same items (None when it is undefined).

    Examples
    --------
    >>> cohen_kappa([("a", "a"), ("b", "b"), ("a", "b"), ("b", "a")])
    0.0
    >>> cohen_kappa([("a", "a"), ("b", "b")])
    1.0
    >>> cohen_kappa([("a", "a")]) is None
    True
    """
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    if expected == 1:
        return None  # one category on both sides: chance explains everything
    return (observed - expected) / (1 - expected)


def second_annotation(text: AnnotatedText) -> AnnotatedText:
    """``text`` with annotator B's loaded terms in place of A's (``corpora/agreement/ID.yaml``)."""
    refs = load_references()
    terms = load_annotations(text.id, text.text, CORPORA, refs, subfolder=SECOND)["loaded_terms"]
    return dataclasses.replace(text, loaded_terms=terms)


def compare(text: AnnotatedText) -> Comparison:
    """A against B, and the extractor against each, on one text."""
    first, second = gold_terms(text), gold_terms(second_annotation(text))
    found = predictions(EXTRACTORS["loaded_terms"], text)
    between = {mode: score(first, second, mode, COMPARE) for mode in MODES}
    return Comparison(
        between,
        score(first, found, "lenient"),
        score(second, found, "lenient"),
        _category_pairs(first, second),
    )


def _category_pairs(first: list[Item], second: list[Item]) -> list[tuple[str, str]]:
    matches = match_spans(first, second, "lenient")
    return [(a.attrs["category"], b.attrs["category"]) for a, b in matches]


def chosen_texts() -> list[AnnotatedText]:
    """The development texts annotator B annotated, in the manifest's order."""
    ids = {path.stem for path in (CORPORA / SECOND).glob("*.yaml")}
    texts = [t for t in load_set("dev") if t.id in ids]
    missing = ids - {t.id for t in texts}
    if missing:
        raise CorpusError(
            f"corpora/{SECOND}/: {', '.join(sorted(missing))} not in the dev split of the manifest"
        )
    return texts


def measure(texts: list[AnnotatedText]) -> dict:
    """Per-text comparisons, and pooled ones for the constructed texts, Wikinews and all."""
    per_text = {t.id: compare(t) for t in texts}
    groups = {
        "constructed": [t.id for t in texts if t.constructed],
        "wikinews": [t.id for t in texts if not t.constructed],
        "pooled": [t.id for t in texts],
    }
    pooled = {}
    for name, ids in groups.items():
        total = Comparison.empty()
        for text_id in ids:
            total.add(per_text[text_id])
        pooled[name] = total
    return {"texts": per_text, "pooled": pooled}


def as_dict(result: Comparison) -> dict:
    kappa = cohen_kappa(result.categories)
    return {
        "a_vs_b": {mode: s.as_dict() for mode, s in result.between.items()},
        "category_kappa": None if kappa is None else round(kappa, 4),
        "extractor_vs_a_lenient": result.extractor_a.as_dict(),
        "extractor_vs_b_lenient": result.extractor_b.as_dict(),
    }


HEADER = (
    f"{'':<12}{'A':>4}{'B':>4}{'ext':>5}  {'A-B strict F1':>13}"
    f"  {'A-B lenient P':>13}{'R':>6}{'F1':>6}  {'cat':>5}{'kappa':>6}{'voice':>6}"
    f"  {'ext-A F1':>8}{'ext-B F1':>9}"
)


def format_row(name: str, result: Comparison) -> str:
    strict, lenient = result.between["strict"], result.between["lenient"]
    agree = lenient.as_dict()["attribute_agreement"]
    kappa = cohen_kappa(result.categories)
    return (
        f"{name:<12}{lenient.annotated:>4}{lenient.predicted:>4}{result.extractor_a.predicted:>5}"
        f"  {strict.f1:>13.3f}  {lenient.precision:>13.3f}{lenient.recall:>6.3f}{lenient.f1:>6.3f}"
        f"  {_share(agree['category'])}{_share(kappa)}{_share(agree['voice'])}"
        f"  {result.extractor_a.f1:>8.3f}{result.extractor_b.f1:>9.3f}"
    )


def _share(value: float | None) -> str:
    return f"{'-':>6}" if value is None else f"{value:>6.2f}"


def format_report(measured: dict) -> str:
    lines = [
        "Loaded terms: annotator A (corpora/annotations, the reference) against annotator B",
        "(corpora/agreement, blind to A), and the extractor against each; development texts.",
        f"Matching rule: {MATCHING_RULE}.",
        "A, B, ext: terms each marked. cat, voice: share of lenient A-B matches with the same",
        "category, voice; kappa: Cohen's kappa on category over those matches. ext-A, ext-B:",
        "the extractor's lenient F1 against A, against B. A text neither annotator marks a",
        "term in scores 1.000 (they agree there is none).",
        "",
        HEADER,
    ]
    lines += [format_row(text_id, result) for text_id, result in measured["texts"].items()]
    lines.append("")
    lines += [format_row(name, result) for name, result in measured["pooled"].items()]
    return "\n".join(lines)


def disagreements(texts: list[AnnotatedText]) -> str:
    """Every term only one annotator marked, and every lenient match that differs in span or
    category, text by text (all these texts are development texts: reading them is allowed)."""
    out = []
    for text in texts:
        first, second = gold_terms(text), gold_terms(second_annotation(text))
        matches = match_spans(first, second, "lenient")
        matched_a = {id(a) for a, _ in matches}
        matched_b = {id(b) for _, b in matches}
        entries = [
            (a.start, "A only", _quote(text, a), "") for a in first if id(a) not in matched_a
        ]
        entries += [
            (b.start, "B only", _quote(text, b), "") for b in second if id(b) not in matched_b
        ]
        for a, b in matches:
            if (a.start, a.end) != (b.start, b.end) or a.attrs["category"] != b.attrs["category"]:
                detail = f"B {_quote(text, b)}"
                entries.append((a.start, "differ", _quote(text, a), detail))
        for _start, kind, quote, detail in sorted(entries):
            out.append(f"{text.id} {kind:<7} {quote} {detail}".rstrip())
    return "\n".join(out)


def _quote(text: AnnotatedText, item: Item) -> str:
    return f"{text.text[item.start : item.end]!r} {item.attrs['category']}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument(
        "--disagreements", action="store_true", help="list every term only one annotator marked"
    )
    args = parser.parse_args(argv)
    try:
        texts = chosen_texts()
        if args.disagreements:
            print(disagreements(texts))
            return 0
        measured = measure(texts)
    except (SetUnavailable, CorpusError) as err:
        print(f"agreement: {err}", file=sys.stderr)
        return 2
    if args.json:
        data = {
            "matching_rule": MATCHING_RULE,
            "texts": {k: as_dict(v) for k, v in measured["texts"].items()},
            "pooled": {k: as_dict(v) for k, v in measured["pooled"].items()},
        }
        print(json.dumps(data, indent=2))
    else:
        print(format_report(measured))
    return 0


if __name__ == "__main__":
    sys.exit(main())
