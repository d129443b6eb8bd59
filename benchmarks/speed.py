"""Throughput of the three extractors, their scaling with input size, and quantulum3's.

Run from the repository root::

    .venv/bin/python benchmarks/speed.py                  # >= 10 MB corpus, 60 s of quantulum3
    .venv/bin/python benchmarks/speed.py --mb 0.05 --baseline-seconds 1   # a quick check

The corpus is the five seed articles, repeated (each copy separated by a blank line) until
it holds ``--mb`` megabytes of UTF-8. Each extractor runs once on 1/16, 1/4 and all of it
(1x, 4x, 16x), ``--repeat`` times (3; the fastest run counts, as with timeit, since the
slower runs measure the other jobs on a shared machine), in one process on one core (the
extractors are single-threaded), timed in
CPU seconds of the process (``time.process_time``: on a shared machine, wall-clock time
would also count the other jobs; the load average is printed). Throughput is the full
size divided by its time; "together" is the size divided by the sum of the three
times. Scaling is linear when the time grows like the size: the script prints the time per
MB at each size and the exponent k in time ~ size^k between 1x and 16x.

quantulum3 (the PyPI quantity extractor) is far slower and its time grows faster than the
input, so it cannot read 10 MB in a sensible time: it gets the same corpus article by
article, from the start, for ``--baseline-seconds`` (after one warm-up call that loads its
data), and its throughput is the bytes it finished divided by the time. The ratio compares
it with our three extractors together on exactly the same articles, timed in the same run.

Targets (exit status 1 when one is missed): the three together >= 1 MB/s, >= 10x
quantulum3, and linear scaling (k <= 1.15).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import sys
import time
import warnings
from collections.abc import Callable

from medialit.corpus import load_corpus
from medialit.extract.attribution import extract_attributions
from medialit.extract.figures import extract_figures
from medialit.extract.language import find_loaded_terms

EXTRACTORS: dict[str, Callable[[str], list]] = {
    "figures": extract_figures,
    "attributions": extract_attributions,
    "loaded_terms": find_loaded_terms,
}
TARGET_MB_S = 1.0
TARGET_RATIO = 10.0
TARGET_EXPONENT = 1.15
SEPARATOR = "\n\n"


def _clock() -> float:
    """CPU seconds of this process: what one core spends, whatever else runs on the machine.

    The benchmark machine is shared (other jobs raise the load average, printed with the
    results), and wall-clock time would measure them too. The extractors are single-threaded,
    so CPU time is the time they would take alone on one core.
    """
    return time.process_time()


def seed_articles() -> list[str]:
    return [article.text for article in load_corpus()]


def build_corpus(megabytes: float) -> list[str]:
    """The seed articles repeated until their UTF-8 size reaches ``megabytes``."""
    articles = seed_articles()
    target = megabytes * 1_000_000
    chunks, size = [], 0
    while size < target:
        for text in articles:
            chunks.append(text)
            size += len(text.encode("utf-8")) + len(SEPARATOR)
            if size >= target:
                break
    return chunks


def megabytes(text: str) -> float:
    return len(text.encode("utf-8")) / 1_000_000


def time_extractors(text: str) -> dict[str, float]:
    """Seconds each extractor takes on ``text`` (one run each)."""
    seconds = {}
    for name, extract in EXTRACTORS.items():
        started = _clock()
        extract(text)
        seconds[name] = _clock() - started
    return seconds


def best_of(text: str, repeat: int) -> tuple[dict[str, float], float]:
    """The fastest of ``repeat`` runs of each extractor (as timeit does: the slower runs
    measure the other jobs on the machine), and the wall-clock time of the fastest round."""
    best: dict[str, float] = {}
    best_wall = float("inf")
    for _ in range(max(1, repeat)):
        wall_started = time.perf_counter()
        seconds = time_extractors(text)
        best_wall = min(best_wall, time.perf_counter() - wall_started)
        for name, value in seconds.items():
            best[name] = min(best.get(name, float("inf")), value)
    return best, best_wall


def scaling(chunks: list[str], repeat: int = 1) -> list[dict]:
    """Time the extractors on 1/16, 1/4 and all of the corpus."""
    rows = []
    for share, label in ((16, "1x"), (4, "4x"), (1, "16x")):
        text = SEPARATOR.join(chunks[: max(1, len(chunks) // share)])
        seconds, wall = best_of(text, repeat)
        size = megabytes(text)
        total = sum(seconds.values())
        rows.append(
            {
                "size": label,
                "mb": round(size, 3),
                "seconds": {name: round(s, 3) for name, s in seconds.items()},
                "seconds_total": round(total, 3),
                "seconds_per_mb": round(total / size, 3),
                "wall_seconds_total": round(wall, 3),
            }
        )
    return rows


def exponent(rows: list[dict]) -> float:
    """k in time ~ size^k, from the smallest and the largest size."""
    first, last = rows[0], rows[-1]
    if first["seconds_total"] <= 0 or last["mb"] <= first["mb"]:
        return float("nan")
    ratio_time = last["seconds_total"] / first["seconds_total"]
    return math.log(ratio_time) / math.log(last["mb"] / first["mb"])


def quantulum_parser():
    # quantulum3 warns at import that its optional classifier is not installed; it works
    # without it (rule-based disambiguation), which is what is measured here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser
    return parser


def baseline(chunks: list[str], budget: float) -> dict:
    """quantulum3 on the corpus, article by article, for ``budget`` seconds; then ours on
    exactly the articles it finished."""
    parser = quantulum_parser()
    started = _clock()
    parser.parse(chunks[0][:200])  # warm-up: loads its unit and entity data
    warm_up = _clock() - started
    done, seconds = [], 0.0
    for text in chunks:
        if seconds >= budget and done:
            break
        started = _clock()
        parser.parse(text)
        seconds += _clock() - started
        done.append(text)
    size = sum(len(t.encode("utf-8")) for t in done) / 1_000_000
    ours = 0.0
    for text in done:
        ours += sum(time_extractors(text).values())
    quantulum_mb_s = size / seconds
    ours_mb_s = size / ours if ours else float("inf")
    return {
        "articles": len(done),
        "mb": round(size, 4),
        "warm_up_seconds": round(warm_up, 2),
        "quantulum3_seconds": round(seconds, 2),
        "quantulum3_mb_s": round(quantulum_mb_s, 5),
        "ours_seconds_same_articles": round(ours, 3),
        "ours_mb_s_same_articles": round(ours_mb_s, 3),
        "ratio": round(ours_mb_s / quantulum_mb_s, 1),
    }


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(
                (line.split(":", 1)[1].strip() for line in info if line.startswith("model name")),
                cpu,
            )
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "load_average_1_5_15": [round(x, 2) for x in load],
    }


def run(mb: float, baseline_seconds: float | None, repeat: int = 3) -> dict:
    chunks = build_corpus(mb)
    for extract in EXTRACTORS.values():
        extract(chunks[0])  # warm-up: compile patterns, read the lexicon
    rows = scaling(chunks, repeat)
    full = rows[-1]
    throughput = {name: round(full["mb"] / s, 3) for name, s in full["seconds"].items()}
    together = full["mb"] / full["seconds_total"]
    report = {
        "repeat": repeat,
        "together_mb_s_wall_clock": round(full["mb"] / full["wall_seconds_total"], 3),
        "machine": machine(),
        "corpus_mb": full["mb"],
        "throughput_mb_s": throughput,
        "together_mb_s": round(together, 3),
        "scaling": rows,
        "exponent": round(exponent(rows), 3),
    }
    checks = {
        "together >= 1 MB/s": together >= TARGET_MB_S,
        f"linear (exponent <= {TARGET_EXPONENT})": report["exponent"] <= TARGET_EXPONENT,
    }
    if baseline_seconds is not None:
        report["baseline"] = baseline(chunks, baseline_seconds)
        checks[f">= {TARGET_RATIO:g}x quantulum3"] = report["baseline"]["ratio"] >= TARGET_RATIO
    report["checks"] = checks
    report["targets_met"] = all(checks.values())
    return report


def format_report(report: dict) -> str:
    m = report["machine"]
    lines = [
        f"{m['date']} | {m['cpu']} | {m['cores']} cores (extractors use one) | Python "
        f"{m['python']} | {m['system']} | load average {m['load_average_1_5_15']}",
        f"Times are CPU seconds of this process (one core), not wall-clock; best of"
        f" {report['repeat']} runs.",
        f"Corpus: the seed articles repeated, {report['corpus_mb']:.2f} MB",
        "",
        f"{'extractor':<16}{'MB/s':>10}",
    ]
    for name, value in report["throughput_mb_s"].items():
        lines.append(f"{name:<16}{value:>10.2f}")
    lines.append(f"{'all three':<16}{report['together_mb_s']:>10.2f}   (size / sum of the times)")
    lines.append(
        f"{'(wall clock)':<16}{report['together_mb_s_wall_clock']:>10.2f}   (the same run timed"
        " by the clock on the wall, other jobs included)"
    )
    lines += [
        "",
        f"Scaling (best of {report['repeat']} runs per size):",
        f"{'size':<6}{'MB':>8}{'seconds':>10}{'s/MB':>8}",
    ]
    for row in report["scaling"]:
        lines.append(
            f"{row['size']:<6}{row['mb']:>8.2f}{row['seconds_total']:>10.2f}"
            f"{row['seconds_per_mb']:>8.2f}"
        )
    lines.append(f"time ~ size^k with k = {report['exponent']:.2f} (1 is linear)")
    if "baseline" in report:
        b = report["baseline"]
        lines += [
            "",
            f"quantulum3 on the first {b['articles']} articles of the same corpus"
            f" ({b['mb']:.3f} MB,"
            f" {b['quantulum3_seconds']:.1f} s after a {b['warm_up_seconds']:.1f} s warm-up):"
            f" {b['quantulum3_mb_s']:.4f} MB/s",
            f"our three extractors on the same articles: {b['ours_mb_s_same_articles']:.2f} MB/s"
            f" -> {b['ratio']:.0f}x quantulum3",
        ]
    lines += ["", "Targets:"]
    lines += [f"  {name}: {'met' if ok else 'MISSED'}" for name, ok in report["checks"].items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (10)")
    parser.add_argument(
        "--baseline-seconds", type=float, default=60.0, help="time given to quantulum3 (60)"
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip quantulum3")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per size; the fastest counts (3)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    report = run(args.mb, None if args.no_baseline else args.baseline_seconds, args.repeat)
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    return 0 if report["targets_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
