"""What hostile input costs: the extractors on repetitive text, and ``medialit analyze`` end to end.

Run from the repository root::

    .venv/bin/python benchmarks/hostile_input.py          # 250 kB per input, 9.9 MB end to end
    .venv/bin/python benchmarks/hostile_input.py --kb 20 --analyze-mb 0.2   # a quick check

Part 1 times each extractor on one piece of text (``--kb`` kilobytes; ``medialit analyze``
works in pieces of 250,000 characters) made of one short string repeated: quotation marks,
digits after a mark, speech verbs, brackets. The baseline is the five seed articles repeated
to the same size, timed in the same run. Times are CPU seconds of this process (best of
``--repeat``, after a warm-up that compiles the patterns and reads the lexicon); the table gives
seconds per megabyte, findings per megabyte and the ratio of the three extractors together to
the baseline. An input that yields findings is stopped by ``--max-items`` after a few pieces;
one that yields none is read to the end, so its seconds per megabyte times ``--max-mb`` bound
what it can cost.

Part 2 runs ``medialit analyze --format json`` in a child process on ``--analyze-mb`` megabytes
of "said said ..." (the attack of issue 14) and of the seed articles (the baseline, with
``--max-items`` raised so that it is analysed), and reports wall-clock seconds, the child's
peak resident memory and the bytes written.

There are no targets: the figures are for the README and for spotting a rule that rescans.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from medialit.corpus import load_corpus
from medialit.extract.attribution import extract_attributions
from medialit.extract.figures import extract_figures
from medialit.extract.language import find_loaded_terms

EXTRACTORS = {
    "figures": extract_figures,
    "attributions": extract_attributions,
    "loaded_terms": find_loaded_terms,
}
# Each found by probing the extractors with short strings repeated (see benchmarks/README.md).
INPUTS = ["said ", "„", "„a", "[", "©", "$", "'1", '"1', "(1", "1:", "“said", "(a said", "1x "]

# The child's own peak (VmHWM): ru_maxrss would carry this process's peak across fork and exec.
_MEASURED = """
import sys
from medialit.cli import main
try:
    status = main(sys.argv[1:])
finally:
    sys.stdout.flush()
    with open("/proc/self/status", encoding="ascii") as status_file:
        peak = next(int(l.split()[1]) for l in status_file if l.startswith("VmHWM:"))
    sys.stderr.write(f"\\npeak-kb {peak}\\n")
sys.exit(status)
"""


def news(size: int) -> str:
    text = "\n\n".join(article.text for article in load_corpus())
    return (text * (size // len(text) + 1))[:size]


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def time_extractors(text: str, repeat: int) -> dict:
    seconds, found = {}, {}
    for name, extract in EXTRACTORS.items():
        best = float("inf")
        for _ in range(repeat):
            start = time.process_time()
            items = extract(text)
            best = min(best, time.process_time() - start)
        seconds[name], found[name] = best, len(items)
    return {"seconds": seconds, "found": found}


def part_one(kb: float, repeat: int) -> dict:
    size = int(kb * 1000)
    for extract in EXTRACTORS.values():
        extract("Police said 5 “bandits” died.")  # warm-up
    rows = {"news (baseline)": time_extractors(news(size), repeat)}
    for unit in INPUTS:
        rows[repr(unit)] = time_extractors(repeated(unit, size), repeat)
    base = sum(rows["news (baseline)"]["seconds"].values())
    megabytes = size / 1_000_000
    return {
        "characters": size,
        "rows": {
            name: {
                "seconds_per_mb": {k: round(v / megabytes, 2) for k, v in row["seconds"].items()},
                "found_per_mb": round(sum(row["found"].values()) / megabytes),
                "ratio": round(sum(row["seconds"].values()) / base, 1),
            }
            for name, row in rows.items()
        },
    }


def analyze_in_child(path: Path, *extra: str) -> dict:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, "analyze", str(path), "--format", "json", *extra],
        capture_output=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    err, _, last = result.stderr.decode().rstrip("\n").rpartition("\n")
    return {
        "seconds": round(seconds, 2),
        "peak_mb": round(int(last.split()[1]) / 1024),
        "output_mb": round(len(result.stdout) / 1_000_000, 2),
        "status": result.returncode,
        "message": err.strip()[:160],
    }


def part_two(mb: float) -> dict:
    size = int(mb * 1_000_000)
    with tempfile.TemporaryDirectory() as folder:
        said, articles = Path(folder, "said.txt"), Path(folder, "news.txt")
        said.write_text(repeated("said ", size), encoding="utf-8")
        articles.write_text(news(size), encoding="utf-8")
        return {
            "mb": mb,
            "said": analyze_in_child(said),
            # Typographic quotes take three bytes: the news may pass 10 MB at 9.9 M characters.
            "news (baseline)": analyze_in_child(
                articles, "--max-items", "10000000", "--max-mb", "100"
            ),
        }


def machine() -> dict:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "load_average_1_5_15": [round(x, 2) for x in load],
    }


def format_report(report: dict) -> str:
    m, one = report["machine"], report["extractors"]
    lines = [
        f"{m['date']} | {m['cores']} cores | Python {m['python']} | "
        f"load average {m['load_average_1_5_15']}",
        f"Part 1: each input {one['characters']:,} characters; CPU seconds per MB (best of "
        f"{report['repeat']}), findings per MB, all three against the news baseline",
        f"{'input':<18}{'figures':>9}{'attrib.':>9}{'terms':>9}{'found/MB':>11}{'ratio':>8}",
    ]
    for name, row in one["rows"].items():
        s = row["seconds_per_mb"]
        lines.append(
            f"{name:<18}{s['figures']:>9.2f}{s['attributions']:>9.2f}{s['loaded_terms']:>9.2f}"
            f"{row['found_per_mb']:>11,}{row['ratio']:>7.1f}x"
        )
    if "analyze" in report:
        two = report["analyze"]
        lines += ["", f"Part 2: medialit analyze --format json on {two['mb']} MB (wall clock)"]
        for name in ("said", "news (baseline)"):
            r = two[name]
            lines.append(
                f"{name:<18}{r['seconds']:>8.2f} s{r['peak_mb']:>7} MB peak"
                f"{r['output_mb']:>9.2f} MB out  exit {r['status']}"
            )
        said, base = two["said"], two["news (baseline)"]
        lines.append(
            f"said / news: {said['seconds'] / base['seconds']:.2f}x the time, "
            f"{said['peak_mb'] / base['peak_mb']:.2f}x the memory"
        )
        for name in ("said", "news (baseline)"):
            if two[name]["message"]:
                lines.append(f"  {name}: {two[name]['message']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=float, default=250, help="size of each input, kB (250)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per input; fastest counts")
    parser.add_argument(
        "--analyze-mb", type=float, default=9.9, help="end-to-end input size, MB (9.9; 0 skips)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    report = {
        "machine": machine(),
        "repeat": args.repeat,
        "extractors": part_one(args.kb, args.repeat),
    }
    if args.analyze_mb > 0:
        report["analyze"] = part_two(args.analyze_mb)
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
