"""Precision, recall and F1 of the three extractors, per split, strict and lenient.

Run from the repository root::

    .venv/bin/python benchmarks/accuracy.py                      # seeds, dev and test
    .venv/bin/python benchmarks/accuracy.py --sets seeds dev     # development sets only
    .venv/bin/python benchmarks/accuracy.py --json               # the same numbers for machines
    .venv/bin/python benchmarks/accuracy.py --sets dev --errors  # every miss and extra, dev only
    .venv/bin/python benchmarks/accuracy.py --sets dev --ids wn-006 wn-015  # only these texts
    .venv/bin/python benchmarks/accuracy.py --sets dev --exclude-ids wn-006  # all but these

Three sets of texts, scored apart:

* ``seeds``: the five case articles (``seeds/``). The rules were first written on them: a score
  here is a **development figure**.
* ``dev``: the development split of ``corpora/manifest.yaml`` (Wikinews reports in
  ``../shared/corpora`` and texts written for the kit). The rules are tuned on it: also a
  development figure.
* ``test``: the test split of the same manifest. Never tuned on: only its totals are printed,
  and ``--errors`` refuses it, so nobody reads its items while changing a rule. The targets are
  checked here.

Lines the annotation guide leaves out (a Wikinews file's ``Source:`` line, a constructed text's
first line) are not scored: what an extractor finds on them is dropped.

Matching rules (printed with the results). **Strict**: a prediction matches an annotation with
exactly the same span. **Lenient**: the spans overlap by at least one character. Either way
each annotation matches at most one prediction and each prediction at most one annotation
(lenient: largest overlap first). For attributions the spans compared are the cues; an
attribution's **source** is right when its cue matches (leniently) and the source agrees after
normalisation (:func:`same_source`), so the sources row is a stricter score of the same items.

Targets, on the test split (exit status 1 when one is missed): figures strict F1 >= 0.95,
attribution cues lenient F1 >= 0.85, attribution sources F1 >= 0.75, loaded terms lenient
F1 >= 0.75. The baseline for figures is quantulum3 (PyPI), scored with the same rules.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from medialit.corpus import AnnotatedText, load_corpus, load_texts, shared_corpora_dir
from medialit.extract.attribution import extract_attributions
from medialit.extract.figures import extract_figures
from medialit.extract.language import find_loaded_terms, find_participant_labels

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "corpora" / "manifest.yaml"
# The test split's scores as the analysis report prints them (``--record`` writes the file).
MEASURED = ROOT / "src" / "medialit" / "extract" / "measured.yaml"
SETS = ("seeds", "dev", "test")
MODES = ("strict", "lenient")
# (row, matching mode) -> F1 the test split must reach.
TARGETS = {
    ("figures", "strict"): 0.95,
    ("attributions", "lenient"): 0.85,
    ("attribution_sources", "lenient"): 0.75,
    ("loaded_terms", "lenient"): 0.75,
}
TARGET_SET = "test"
MATCHING_RULE = (
    "strict: identical spans; lenient: spans overlap by at least one character (largest "
    "overlap first); one-to-one either way; attributions compare cue spans, and a source is "
    "right when its cue matches leniently and the normalised sources agree"
)


@dataclass
class Item:
    """A span with the attributes compared once it is matched."""

    start: int
    end: int
    attrs: dict = field(default_factory=dict)


@dataclass
class Score:
    """Counts for one extractor, one matching mode, on one or more texts."""

    predicted: int = 0
    annotated: int = 0
    matched: int = 0
    agree: dict = field(default_factory=dict)  # attribute -> number of matches that agree

    def add(self, other: Score) -> None:
        self.predicted += other.predicted
        self.annotated += other.annotated
        self.matched += other.matched
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
            "attribute_agreement": {
                key: round(value / self.matched, 4) if self.matched else None
                for key, value in self.agree.items()
            },
        }


def match_spans(gold: list[Item], predicted: list[Item], mode: str) -> list[tuple[Item, Item]]:
    """One-to-one matching: identical spans (strict) or overlapping, largest first (lenient).

    Examples
    --------
    >>> gold, pred = [Item(0, 5)], [Item(0, 4)]
    >>> len(match_spans(gold, pred, "strict")), len(match_spans(gold, pred, "lenient"))
    (0, 1)
    """
    pairs = []
    for g in gold:
        for p in predicted:
            if mode == "strict":
                if g.start == p.start and g.end == p.end:
                    pairs.append((0, g, p))
                continue
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


def score(
    gold: list[Item], predicted: list[Item], mode: str, compare: tuple[str, ...] = ()
) -> Score:
    matches = match_spans(gold, predicted, mode)
    result = Score(len(predicted), len(gold), len(matches))
    for key in compare:
        result.agree[key] = sum(_same(g.attrs.get(key), p.attrs.get(key)) for g, p in matches)
    return result


def _same(gold, predicted) -> bool:
    if isinstance(gold, int | float) and isinstance(predicted, int | float):
        return abs(float(gold) - float(predicted)) < 1e-6
    return str(gold) == str(predicted)


# --------------------------------------------------------------------------- sources

_PRONOUN_TEXT = "he she they it we i you him her them us his its their our"
_PRONOUNS = frozenset(_PRONOUN_TEXT.split())
_LEADING = re.compile(r"^(?:the|a|an)\s+")


def normalise_source(source: str | None) -> str:
    """A source as compared: lower case, no brackets, quotation marks, possessive or article.

    Examples
    --------
    >>> normalise_source("The Kazakh Interior Ministry's")
    'kazakh interior ministry'
    >>> normalise_source("Hong Kong protesters (unnamed)")
    'hong kong protesters'
    """
    text = re.sub(r"\([^)]*\)", " ", (source or "").lower().replace("’", "'"))
    text = re.sub(r"'s\b|s'(?=\s|$)", lambda m: "" if m.group() == "'s" else "s", text)
    text = re.sub(r"[^\w\s&-]", " ", text)
    text = " ".join(text.split())
    return _LEADING.sub("", text)


def same_source(gold_span: str | None, gold_name: str, gold_type: str, predicted: str) -> bool:
    """Does a predicted source name the annotated one?

    It does when, normalised, it equals the annotated source as written or as resolved
    (``source_name``); a pronoun as written counts only through what it resolves to. For a
    named person, the surname alone names them ("Putin" for "Vladimir Putin"). No source on
    either side agrees only with no source on the other.

    Examples
    --------
    >>> same_source("he", "Kassym-Jomart Tokayev", "named_person", "Tokayev")
    True
    >>> same_source("he", "Kassym-Jomart Tokayev", "named_person", "he")
    False
    >>> same_source(None, "", "vague", "")
    True
    """
    written = normalise_source(gold_span)
    candidates = {normalise_source(gold_name)}
    if written and written not in _PRONOUNS:
        candidates.add(written)
    candidates.discard("")
    guess = normalise_source(predicted)
    if not candidates or not guess:
        return not guess and not (written and written not in _PRONOUNS)
    if guess in candidates:
        return True
    if gold_type == "named_person":
        surnames = {c.split()[-1] for c in candidates}
        return guess.split()[-1] in surnames and guess.split()[0] not in _PRONOUNS
    return False


# --------------------------------------------------------------------------- extractors


def gold_figures(text: AnnotatedText) -> list[Item]:
    return [
        Item(f.span.start, f.span.end, {"kind": f.kind, "value": _value(f.value, f.low, f.high)})
        for f in text.figures
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


def gold_attributions(text: AnnotatedText) -> list[Item]:
    return [
        Item(
            a.cue.start,
            a.cue.end,
            {
                "source_type": a.source_type,
                "direct": a.direct,
                "source": (a.source.text if a.source else None, a.source_name, a.source_type),
            },
        )
        for a in text.attributions
    ]


def predicted_attributions(text: str) -> list[Item]:
    return [
        Item(
            a.cue_start,
            a.cue_end,
            {"source_type": a.source_type, "direct": a.direct, "source": a.source_name},
        )
        for a in extract_attributions(text)
    ]


def gold_terms(text: AnnotatedText) -> list[Item]:
    return [
        Item(t.span.start, t.span.end, {"voice": t.voice, "category": t.category})
        for t in text.loaded_terms
    ]


def predicted_terms(text: str) -> list[Item]:
    return [
        Item(t.start, t.end, {"voice": t.voice, "category": t.category})
        for t in find_loaded_terms(text)
    ]


def gold_labels(text: AnnotatedText) -> list[Item]:
    return [Item(x.span.start, x.span.end, {"label": x.label}) for x in text.labels]


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


@dataclass(frozen=True)
class Extractor:
    """How to read the annotations and the predictions of one extractor."""

    gold: Callable[[AnnotatedText], list[Item]]
    predicted: Callable[[str], list[Item]]
    compare: tuple[str, ...]
    # Scored only where a set annotates it (the corpus leaves participant labels out).
    optional: bool = False


EXTRACTORS: dict[str, Extractor] = {
    "figures": Extractor(gold_figures, predicted_figures, ("kind", "value")),
    "attributions": Extractor(gold_attributions, predicted_attributions, ("source_type", "direct")),
    "loaded_terms": Extractor(gold_terms, predicted_terms, ("voice", "category")),
    "participant_labels": Extractor(gold_labels, predicted_labels, ("label",), optional=True),
}


def source_score(gold: list[Item], predicted: list[Item]) -> Score:
    """Attributions whose cue matches (leniently) *and* whose source agrees."""
    matches = match_spans(gold, predicted, "lenient")
    right = sum(same_source(*g.attrs["source"], p.attrs["source"]) for g, p in matches)
    return Score(len(predicted), len(gold), right)


# --------------------------------------------------------------------------- sets


class SetUnavailable(Exception):
    """A set cannot be scored here (the shared corpora folder is absent)."""


@dataclass(frozen=True)
class TextChoice:
    """Which texts of a set to score: only ``ids`` (when given), less ``excluded``.

    A choice lets a developer keep a few development texts aside (scored, never read) to
    see whether a change generalises beyond the texts it was tuned on.
    """

    ids: frozenset[str] | None = None
    excluded: frozenset[str] = frozenset()

    def keeps(self, text_id: str) -> bool:
        """Is the text with this id scored?

        Examples
        --------
        >>> TextChoice(excluded=frozenset({"wn-006"})).keeps("wn-006")
        False
        >>> TextChoice(ids=frozenset({"wn-006"})).keeps("wn-003")
        False
        """
        return (self.ids is None or text_id in self.ids) and text_id not in self.excluded


ALL_TEXTS = TextChoice()


def load_set(
    name: str, manifest: Path = MANIFEST, choice: TextChoice = ALL_TEXTS
) -> list[AnnotatedText]:
    """The annotated texts of one set: ``seeds``, ``dev`` or ``test`` (those ``choice`` keeps)."""
    if name == "seeds":
        return [t for t in load_corpus() if choice.keeps(t.id)]
    if shared_corpora_dir() is None:
        raise SetUnavailable(
            f"{name}: the shared corpora folder (../shared/corpora beside the checkout, or "
            "$MEDIALIT_SHARED_CORPORA) is absent, so its texts cannot be read"
        )
    return [t for t in load_texts(manifest, splits={name}) if choice.keeps(t.id)]


def unannotated_lines(text: AnnotatedText) -> list[tuple[int, int]]:
    """Lines the annotation guide leaves out (``seeds/ANNOTATING.md``, "Other genres").

    A Wikinews file's second line (``Source: Wikinews, DATE, URL; via ...``) was added when the
    corpus was built, and a constructed text's first line says it was written for the kit:
    nothing on them is annotated, so nothing found on them is scored either.
    """
    lines = text.text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    spans = []
    if getattr(text, "constructed", False):
        spans.append((0, len(lines[0])))
    elif len(lines) > 1 and lines[1].startswith("Source: Wikinews"):
        spans.append((starts[1], starts[1] + len(lines[1])))
    return spans


def known_ids(manifest: Path = MANIFEST) -> set[str]:
    """Every text id a choice may name: the seeds' and the manifest's."""
    listed = yaml.safe_load(manifest.read_text(encoding="utf-8")).get("texts") or []
    return {t.id for t in load_corpus()} | {str(entry["id"]) for entry in listed}


def _outside(items: list[Item], spans: list[tuple[int, int]]) -> list[Item]:
    return [i for i in items if not any(i.start < end and start < i.end for start, end in spans)]


def predictions(extractor: Extractor, text: AnnotatedText) -> list[Item]:
    """What an extractor finds in a text, less what it finds on unannotated lines."""
    return _outside(extractor.predicted(text.text), unannotated_lines(text))


def evaluate_set(texts: list[AnnotatedText], baseline: bool = True) -> dict:
    """Scores of every extractor on ``texts``, per matching mode."""
    totals = {(name, mode): Score() for name in EXTRACTORS for mode in MODES}
    totals |= {("attribution_sources", "lenient"): Score()}
    for text in texts:
        for name, extractor in EXTRACTORS.items():
            gold, predicted = extractor.gold(text), predictions(extractor, text)
            for mode in MODES:
                totals[name, mode].add(score(gold, predicted, mode, extractor.compare))
            if name == "attributions":
                totals["attribution_sources", "lenient"].add(source_score(gold, predicted))
    rows = {}
    for (name, mode), result in totals.items():
        extractor = EXTRACTORS.get(name)
        if extractor and extractor.optional and result.annotated == 0:
            continue  # not annotated in this set
        rows.setdefault(name, {})[mode] = result.as_dict()
    report = {"texts": [t.id for t in texts], "rows": rows}
    if baseline:
        started = time.perf_counter()
        quantulum = {mode: Score() for mode in MODES}
        for text in texts:
            predicted = _outside(quantulum_figures(text.text), unannotated_lines(text))
            for mode in MODES:
                quantulum[mode].add(score(gold_figures(text), predicted, mode))
        report["rows"]["figures: quantulum3"] = {m: s.as_dict() for m, s in quantulum.items()}
        report["baseline_seconds"] = round(time.perf_counter() - started, 2)
    return report


def check_targets(report: dict) -> dict:
    """Each target with the F1 it got on the target set (None when that set was not scored)."""
    rows = report["sets"].get(TARGET_SET, {}).get("rows")
    checks = {}
    for (name, mode), target in TARGETS.items():
        f1 = rows[name][mode]["f1"] if rows else None
        checks[f"{name} ({mode})"] = {"target": target, "f1": f1}
    return checks


def evaluate(
    sets: tuple[str, ...] = SETS,
    baseline: bool = True,
    manifest: Path = MANIFEST,
    choice: TextChoice = ALL_TEXTS,
) -> dict:
    """Score every extractor on each set; the targets on the test split."""
    report: dict = {"matching_rule": MATCHING_RULE, "sets": {}, "skipped": {}}
    for name in sets:
        try:
            texts = load_set(name, manifest, choice)
        except SetUnavailable as reason:
            report["skipped"][name] = str(reason)
            continue
        report["sets"][name] = evaluate_set(texts, baseline)
    report["targets"] = check_targets(report)
    measured = [t["f1"] for t in report["targets"].values() if t["f1"] is not None]
    report["targets_met"] = (
        None if not measured else all(t["f1"] >= t["target"] for t in report["targets"].values())
    )
    return report


# --------------------------------------------------------------------------- errors (dev only)


def list_errors(
    set_name: str, extractor: str, manifest: Path = MANIFEST, choice: TextChoice = ALL_TEXTS
) -> str:
    """Every miss and every extra of one extractor on a development set (lenient matching).

    Refused for the test split: its items are measured, never read while tuning.
    """
    if set_name == TARGET_SET:
        raise SystemExit(
            f"--errors is refused for the {TARGET_SET} split: it is measured, never tuned on"
        )
    chosen = EXTRACTORS[extractor]
    out = []
    for text in load_set(set_name, manifest, choice):
        gold, predicted = chosen.gold(text), predictions(chosen, text)
        matches = match_spans(gold, predicted, "lenient")
        hit_gold = {id(g) for g, _ in matches}
        hit_pred = {id(p) for _, p in matches}
        lines = []
        for g in gold:
            if id(g) not in hit_gold:
                lines.append(("miss", g))
        for p in predicted:
            if id(p) not in hit_pred:
                lines.append(("extra", p))
        for g, p in matches:
            if (g.start, g.end) != (p.start, p.end):
                lines.append(("span", g, p))
            elif extractor == "attributions" and not same_source(
                *g.attrs["source"], p.attrs["source"]
            ):
                lines.append(("source", g, p))
        for entry in sorted(lines, key=lambda e: e[1].start):
            out.append(f"{text.id} {_describe(text.text, entry)}")
    return "\n".join(out)


def _describe(text: str, entry: tuple) -> str:
    kind, item = entry[0], entry[1]
    where = _context(text, item.start, item.end)
    if kind == "span":
        predicted = entry[2]
        return f"span   gold {where}  predicted {text[predicted.start : predicted.end]!r}"
    if kind == "source":
        predicted = entry[2]
        return f"source gold {item.attrs['source'][:2]} predicted {predicted.attrs['source']!r}"
    return f"{kind:<6} {where} {item.attrs}"


def _context(text: str, start: int, end: int) -> str:
    left = " ".join(text[max(0, start - 30) : start].split())
    right = " ".join(text[end : end + 30].split())
    return f"…{left}[{text[start:end]}]{right}…"


# --------------------------------------------------------------------------- printing


def format_report(report: dict) -> str:
    lines = [f"Matching rule: {report['matching_rule']}.", ""]
    for set_name, result in report["sets"].items():
        role = "measured only, never tuned on" if set_name == TARGET_SET else "development figures"
        lines.append(f"== {set_name} ({len(result['texts'])} texts; {role})")
        lines.append(
            f"{'':<24}{'pred':>5}{'gold':>6}  {'strict P':>8}{'R':>7}{'F1':>7}"
            f"  {'lenient P':>9}{'R':>7}{'F1':>7}"
        )
        for name, modes in result["rows"].items():
            strict = modes.get("strict")
            lenient = modes["lenient"]
            head = f"{name:<24}{lenient['predicted']:>5}{lenient['annotated']:>6}  "
            head += (
                f"{strict['precision']:>8.3f}{strict['recall']:>7.3f}{strict['f1']:>7.3f}"
                if strict
                else f"{'':>8}{'':>7}{'':>7}"
            )
            head += f"  {lenient['precision']:>9.3f}{lenient['recall']:>7.3f}{lenient['f1']:>7.3f}"
            lines.append(head)
        agreement = []
        for name, modes in result["rows"].items():
            values = modes["lenient"]["attribute_agreement"]
            shown = ", ".join(f"{k} {v:.2f}" for k, v in values.items() if v is not None)
            if shown:
                agreement.append(f"  {name:<22} {shown}")
        if agreement:
            lines.append("Agreement on lenient matches (share with the same attribute):")
            lines += agreement
        lines.append("")
    for set_name, reason in report["skipped"].items():
        lines += [f"== {set_name}: skipped ({reason})", ""]
    lines.append(f"Targets on the {TARGET_SET} split:")
    for name, check in report["targets"].items():
        if check["f1"] is None:
            verdict = "not measured"
        else:
            verdict = f"{check['f1']:.3f} {'met' if check['f1'] >= check['target'] else 'MISSED'}"
        lines.append(f"  {name:<34} >= {check['target']:.2f}  {verdict}")
    return "\n".join(lines)


def record(report: dict, path: Path = MEASURED) -> dict:
    """Write the test split's scores, and the seeds' for contrast, for the analysis report
    (``medialit analyze --html``) and the book's capstone page.

    Each row keeps its counts (annotated, predicted, matched) beside precision, recall and F1,
    so a reader sees how many items a rate rests on.
    """

    def rows(set_name: str) -> dict:
        return {
            name: {mode: {k: scores[k] for k in RECORDED}
                   for mode, scores in modes.items()}
            for name, modes in report["sets"][set_name]["rows"].items()
            if name in ("figures", "attributions", "attribution_sources", "loaded_terms")
        }  # fmt: skip

    data = {
        "split": TARGET_SET,
        "what": "news reports (English Wikinews, CC BY 2.5) and texts with loaded language written "
        "for the kit blind to the extractors",
        "texts": len(report["sets"][TARGET_SET]["texts"]),
        "measured": dt.date.today().isoformat(),
        "command": "benchmarks/accuracy.py --record",
        "rows": rows(TARGET_SET),
        "seeds": {
            "what": "the five case articles (development figures: the rules were first "
            "written on them)",
            "texts": len(report["sets"]["seeds"]["texts"]),
            "rows": rows("seeds"),
        },
    }
    header = "# Written by benchmarks/accuracy.py --record; do not edit by hand.\n"
    path.write_text(header + yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return data


RECORDED = ("annotated", "predicted", "matched", "precision", "recall", "f1")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument("--no-baseline", action="store_true", help="skip quantulum3")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--manifest", type=Path, default=MANIFEST, help=argparse.SUPPRESS)
    parser.add_argument(
        "--ids", nargs="+", metavar="ID", help="score only the texts with these ids"
    )
    parser.add_argument(
        "--exclude-ids", nargs="+", metavar="ID", default=[], help="leave these texts out"
    )
    parser.add_argument(
        "--record",
        action="store_true",
        help=f"write the test split's and the seeds' scores to {MEASURED.relative_to(ROOT)} "
        "(for the report and the book)",
    )
    parser.add_argument(
        "--errors",
        choices=[*EXTRACTORS, "all"],
        nargs="?",
        const="all",
        help="list the misses and extras of one extractor (or all) on the chosen "
        "development sets; refused for the test split",
    )
    args = parser.parse_args(argv)
    choice = TextChoice(frozenset(args.ids) if args.ids else None, frozenset(args.exclude_ids))
    unknown = (set(args.ids or ()) | set(args.exclude_ids)) - known_ids(args.manifest)
    if unknown:
        raise SystemExit(
            f"no text has the id {', '.join(sorted(unknown))} (seeds or {args.manifest})"
        )
    if args.record and choice != ALL_TEXTS:
        raise SystemExit("--record scores every text: it takes neither --ids nor --exclude-ids")
    if args.errors:
        names = list(EXTRACTORS)[:3] if args.errors == "all" else [args.errors]
        for set_name in args.sets:
            for name in names:
                print(f"== {set_name}: {name}")
                print(list_errors(set_name, name, args.manifest, choice))
        return 0
    report = evaluate(
        tuple(args.sets), baseline=not args.no_baseline, manifest=args.manifest, choice=choice
    )
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    if args.record:
        if not {TARGET_SET, "seeds"} <= set(report["sets"]):
            raise SystemExit(
                f"--record needs the {TARGET_SET} split and the seeds measured (--sets seeds test)"
            )
        record(report)
    return 1 if report["targets_met"] is False else 0


if __name__ == "__main__":
    sys.exit(main())
