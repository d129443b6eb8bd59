"""Precision, recall and F1 of the three extractors against the seed annotations.

Run from the repository root::

    .venv/bin/python benchmarks/accuracy.py              # all five articles
    .venv/bin/python benchmarks/accuracy.py --json       # the same numbers for machines
    .venv/bin/python benchmarks/accuracy.py --articles 002 --no-baseline   # quick check

Matching rule (printed with the results): a predicted item and an annotated item match when
their spans overlap by at least one character; for attributions the spans compared are the
cues. Each annotated item matches at most one prediction and each prediction at most one
annotated item (greedy, largest overlap first). Precision = matched / predicted, recall =
matched / annotated, F1 their harmonic mean. Exact-span agreement is printed beside it.

The baseline for figures is quantulum3 (PyPI), a general quantity extractor, scored with the
same rule on the same texts. The script exits with status 1 when a target is missed:
figures F1 >= 0.95, attributions F1 >= 0.85, loaded terms F1 >= 0.80.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

from medialit.corpus import load_corpus
from medialit.extract.attribution import extract_attributions
from medialit.extract.figures import extract_figures
from medialit.extract.language import find_loaded_terms, find_participant_labels

TARGETS = {"figures": 0.95, "attributions": 0.85, "loaded_terms": 0.80}
MATCHING_RULE = (
    "a prediction matches an annotation when their spans overlap by at least one character "
    "(attributions: the cue spans); one-to-one, largest overlap first"
)


@dataclass
class Item:
    """A span with the attributes compared once it is matched."""

    start: int
    end: int
    attrs: dict = field(default_factory=dict)


@dataclass
class Score:
    """Counts for one extractor on one or more articles."""

    predicted: int = 0
    annotated: int = 0
    matched: int = 0
    exact: int = 0
    agree: dict = field(default_factory=dict)  # attribute -> number of matches that agree

    def add(self, other: Score) -> None:
        self.predicted += other.predicted
        self.annotated += other.annotated
        self.matched += other.matched
        self.exact += other.exact
        for key, value in other.agree.items():
            self.agree[key] = self.agree.get(key, 0) + value

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.annotated if self.annotated else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "predicted": self.predicted,
            "annotated": self.annotated,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "exact_span": self.exact,
            "attribute_agreement": {
                key: round(value / self.matched, 4) if self.matched else None
                for key, value in self.agree.items()
            },
        }


def match_spans(gold: list[Item], predicted: list[Item]) -> list[tuple[Item, Item]]:
    """One-to-one matching of overlapping spans, largest overlap first."""
    pairs = []
    for g in gold:
        for p in predicted:
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                pairs.append((overlap, g, p))
    pairs.sort(key=lambda pair: -pair[0])
    used_gold, used_pred, matches = set(), set(), []
    for _overlap, g, p in pairs:
        if id(g) in used_gold or id(p) in used_pred:
            continue
        used_gold.add(id(g))
        used_pred.add(id(p))
        matches.append((g, p))
    return matches


def score(gold: list[Item], predicted: list[Item], compare: tuple[str, ...] = ()) -> Score:
    matches = match_spans(gold, predicted)
    result = Score(len(predicted), len(gold), len(matches))
    result.exact = sum(g.start == p.start and g.end == p.end for g, p in matches)
    for key in compare:
        result.agree[key] = sum(_same(g.attrs.get(key), p.attrs.get(key)) for g, p in matches)
    return result


def _same(gold, predicted) -> bool:
    if isinstance(gold, int | float) and isinstance(predicted, int | float):
        return abs(float(gold) - float(predicted)) < 1e-6
    return str(gold) == str(predicted)


# --------------------------------------------------------------------------- extractors


def gold_figures(article) -> list[Item]:
    return [
        Item(f.span.start, f.span.end, {"kind": f.kind, "value": _value(f.value, f.low, f.high)})
        for f in article.figures
    ]


def predicted_figures(text: str) -> list[Item]:
    return [
        Item(f.start, f.end, {"kind": f.kind, "value": _value(f.value, f.low, f.high)})
        for f in extract_figures(text)
    ]


def _value(value, low, high):
    """One comparable value: the number or date; else the bound ("more than 500": 500);
    else both bounds ("dozens": 24..99)."""
    if value is None and (low is None) != (high is None):
        value = low if low is not None else high
    if value is not None:
        return str(value) if not isinstance(value, int | float) else float(value)
    return f"{low}..{high}"


def gold_attributions(article) -> list[Item]:
    return [
        Item(a.cue.start, a.cue.end, {"source_type": a.source_type, "direct": a.direct})
        for a in article.attributions
    ]


def predicted_attributions(text: str) -> list[Item]:
    return [
        Item(a.cue_start, a.cue_end, {"source_type": a.source_type, "direct": a.direct})
        for a in extract_attributions(text)
    ]


def gold_terms(article) -> list[Item]:
    return [
        Item(t.span.start, t.span.end, {"voice": t.voice, "category": t.category})
        for t in article.loaded_terms
    ]


def predicted_terms(text: str) -> list[Item]:
    return [
        Item(t.start, t.end, {"voice": t.voice, "category": t.category})
        for t in find_loaded_terms(text)
    ]


def gold_labels(article) -> list[Item]:
    return [Item(x.span.start, x.span.end, {"label": x.label}) for x in article.labels]


def predicted_labels(text: str) -> list[Item]:
    return [Item(x.start, x.end, {"label": x.label}) for x in find_participant_labels(text)]


def quantulum_figures(text: str) -> list[Item]:
    """quantulum3's quantities, as spans (its `span` attribute)."""
    parser = _quantulum_parser()
    return [Item(q.span[0], q.span[1], {}) for q in parser.parse(text)]


def _quantulum_parser():
    # quantulum3 warns at import that its optional classifier is not installed; the
    # parser works without it (rule-based disambiguation), which is what we measure.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser
    return parser


# name -> (gold, predicted, attributes compared on matches)
EXTRACTORS: dict[str, tuple[Callable, Callable, tuple[str, ...]]] = {
    "figures": (gold_figures, predicted_figures, ("kind", "value")),
    "attributions": (gold_attributions, predicted_attributions, ("source_type", "direct")),
    "loaded_terms": (gold_terms, predicted_terms, ("voice", "category")),
    "participant_labels": (gold_labels, predicted_labels, ("label",)),
}


def evaluate(article_ids: list[str] | None = None, baseline: bool = True) -> dict:
    """Score every extractor (and quantulum3 on figures) on the annotated articles."""
    articles = [a for a in load_corpus() if not article_ids or a.id in article_ids]
    if not articles:
        raise SystemExit(f"no annotated article matches {article_ids}")
    totals = {name: Score() for name in EXTRACTORS}
    per_article = {}
    for article in articles:
        per_article[article.id] = {}
        for name, (gold, predicted, compare) in EXTRACTORS.items():
            result = score(gold(article), predicted(article.text), compare)
            totals[name].add(result)
            per_article[article.id][name] = result
    report = {
        "articles": [a.id for a in articles],
        "matching_rule": MATCHING_RULE,
        "totals": {name: s.as_dict() for name, s in totals.items()},
        "per_article": {
            aid: {name: round(s.f1, 4) for name, s in scores.items()}
            for aid, scores in per_article.items()
        },
    }
    if baseline:
        started = time.perf_counter()
        quantulum = Score()
        for article in articles:
            quantulum.add(score(gold_figures(article), quantulum_figures(article.text)))
        report["baseline"] = {
            "figures_quantulum3": quantulum.as_dict(),
            "seconds": round(time.perf_counter() - started, 2),
        }
    report["targets"] = {
        name: {"target": target, "f1": report["totals"][name]["f1"]}
        for name, target in TARGETS.items()
    }
    report["targets_met"] = all(t["f1"] >= t["target"] for t in report["targets"].values())
    return report


def format_report(report: dict) -> str:
    lines = [
        f"Articles: {', '.join(report['articles'])}",
        f"Matching rule: {report['matching_rule']}.",
        "",
        f"{'extractor':<22}{'pred':>6}{'gold':>6}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}"
        f"{'exact':>7}  target",
    ]
    rows = list(report["totals"].items())
    if "baseline" in report:
        rows.append(("figures: quantulum3", report["baseline"]["figures_quantulum3"]))
    for name, s in rows:
        target = TARGETS.get(name)
        verdict = ""
        if target is not None:
            verdict = f">= {target:.2f} {'met' if s['f1'] >= target else 'MISSED'}"
        lines.append(
            f"{name:<22}{s['predicted']:>6}{s['annotated']:>6}{s['matched']:>7}"
            f"{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{s['exact_span']:>7}"
            f"  {verdict}"
        )
    lines += ["", "Agreement on matched items (share of matches with the same attribute):"]
    for name, s in report["totals"].items():
        agreement = ", ".join(
            f"{key} {value:.2f}"
            for key, value in s["attribute_agreement"].items()
            if value is not None
        )
        lines.append(f"  {name:<20} {agreement}")
    lines += ["", "F1 per article:"]
    names = list(EXTRACTORS)
    lines.append("  article " + "".join(f"{n[:18]:>20}" for n in names))
    for aid, f1s in report["per_article"].items():
        lines.append(f"  {aid:<7} " + "".join(f"{f1s[n]:>20.3f}" for n in names))
    lines.append("")
    lines.append("All targets met." if report["targets_met"] else "Some targets MISSED.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", nargs="*", help="article ids to score (default: all)")
    parser.add_argument("--no-baseline", action="store_true", help="skip quantulum3")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    report = evaluate(args.articles, baseline=not args.no_baseline)
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    return 0 if report["targets_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
