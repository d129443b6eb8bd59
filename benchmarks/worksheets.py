"""Benchmark the worksheets: what the pages weigh, how fast Check answers, how fast files grade.

Run from the repository root after ``make book``::

    .venv/bin/python benchmarks/worksheets.py --site book/_build/html
    .venv/bin/python benchmarks/worksheets.py --site book/_build/html --students 5  # quicker

Each figure comes with a baseline measured in the same run:

1. **Page weight.** Every byte a browser fetches to show a worksheet page (Chromium, an empty
   cache, transfer measured as the bodies received) against the chapter page of the same skill,
   and what the worksheet adds of its own: ``worksheet.js``, ``worksheet.css``, ``sha256.js``
   and the page's data, raw and gzipped. Budget: the worksheet's own files and data at most
   50 kB gzipped on any page.
2. **Check.** In Chromium with no kernel, from the click on Check to the first frame painted with
   the verdict, for every practice question of every worksheet answered with the solution
   (so every check hashes). Baseline: a plain button whose handler sets a paragraph's text,
   injected into the same page. Budget: 90th percentile under 100 ms (the widgets' budget).
3. **Grading.** ``--students`` students' random answers to every worksheet, as worksheet files
   and as the same answers in notebooks (the baseline), each folder graded with
   ``grade_folder``. Budget: the files grade at least as fast as the notebooks.
4. **Files.** The size of the file a student hands in, filled with the solution's answers.
5. With ``--build-cost`` (slow: two clean builds of the whole book), the clean build of a copy
   of the book with its worksheets and of the same copy without them (the part dropped from
   the table of contents), both with every page executed; warnings do not stop either build
   (the pages that link to a worksheet would fail the strict one without them).

Figures are printed and written to ``.benchmarks/worksheets.json``; the script exits with
status 1 when a budget is missed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # browser_tools, worksheet_tools
sys.path.append(str(ROOT / "book"))  # the book's static server and Chromium launcher

OUT = ROOT / ".benchmarks"
OWN_BUDGET_BYTES = 50_000  # gzipped: the worksheet's script, style, hashing and data
CHECK_BUDGET_MS = 100.0
OWN_ASSETS = ("worksheet.js", "worksheet.css", "sha256.js")
CHAPTER_PAGES = {  # the chapter page of the same skill, for the baseline page weight
    "01-sourcing": "sourcing",
    "02-attribution": "attribution",
    "03-loaded-terms": "loaded-terms",
    "04-numeric-verification": "numeric-verification",
    "05-checking-claims": "checking-claims",
    "06-capstone": "capstone",
}


def gzipped(data: bytes) -> int:
    """Bytes after gzip -9, as a host that compresses would send them.

    >>> gzipped(b"a" * 1000) < 100
    True
    """
    return len(gzip.compress(data, 9))


def page_data_bytes(page: Path) -> bytes:
    """The JSON of a worksheet page's data script."""
    text = page.read_text(encoding="utf-8")
    marker = 'class="ws-data">'
    start = text.index(marker) + len(marker)
    return text[start : text.index("</script>", start)].encode("utf-8")


# =========================================================================== 1. page weight


def fetched_bytes(browser, url: str) -> tuple[int, int]:
    """Bytes of every response body a fresh browser context receives loading ``url``, and the
    number of requests."""
    context = browser.new_context()
    sizes: list[int] = []

    def record(response) -> None:
        try:
            sizes.append(len(response.body()))
        except Exception:  # a redirect or an aborted request has no body
            sizes.append(0)

    try:
        page = context.new_page()
        page.on("response", record)
        page.goto(url, wait_until="networkidle")
    finally:
        context.close()
    return sum(sizes), len(sizes)


def page_weights(browser, base: str, site: Path, stems: list[str]) -> list[dict]:
    own_assets = b"".join((site / "_static" / name).read_bytes() for name in OWN_ASSETS)
    rows = []
    for stem in stems:
        page = site / "worksheets" / f"{stem}.html"
        data = page_data_bytes(page)
        total, requests = fetched_bytes(browser, f"{base}worksheets/{stem}.html")
        row = {
            "worksheet": stem,
            "html_bytes": page.stat().st_size,
            "data_bytes": len(data),
            "data_gzip": gzipped(data),
            "own_gzip": gzipped(own_assets) + gzipped(data),
            "fetched_bytes": total,
            "requests": requests,
        }
        chapter = CHAPTER_PAGES.get(stem)
        if chapter:
            row["chapter_page"] = chapter
            row["chapter_fetched_bytes"], _ = fetched_bytes(browser, f"{base}{chapter}.html")
        rows.append(row)
    return rows


# =========================================================================== 2. Check

BASELINE_BUTTON = """() => {
    const box = document.createElement("div");
    box.innerHTML = '<button type="button" id="baseline-button">Baseline</button>'
        + '<p id="baseline-text"></p>';
    document.querySelector("main, body").prepend(box);
    let n = 0;
    box.querySelector("button").addEventListener("click", () => {
        box.querySelector("p").textContent = "clicked " + (++n);
    });
    return true;
}"""


def check_latencies(browser, base: str, stems: list[str]) -> tuple[list[float], list[float]]:
    """Milliseconds from a click on Check to the painted verdict (every practice question,
    answered with the solution), and the same for the baseline button, in the same pages."""
    from browser_tools import change_latency_ms
    from worksheet_tools import as_file_value, fill, form_of, solution_answers

    from medialit.exercises.bank import questions_of
    from medialit.exercises.worksheet import worksheet_ids

    checks, baseline = [], []
    for stem in stems:
        chapter = worksheet_ids()[stem]
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(f"{base}worksheets/{stem}.html", wait_until="load")
            page.wait_for_function(
                "() => window.medialitWorksheet && window.medialitWorksheet.page"
            )
            page.evaluate(BASELINE_BUTTON)
            answers = solution_answers(chapter)
            for question in questions_of(chapter):
                if question.role != "practice" or question.kind in ("open", "lateral", "code"):
                    continue
                fill(page, question, as_file_value(question, answers[question.id]))
                form = form_of(page, question)
                checks.append(change_latency_ms(form, form.locator(".ws-check").click))
                box = page.locator("#baseline-button").locator("xpath=..")
                baseline.append(change_latency_ms(box, page.locator("#baseline-button").click))
        finally:
            context.close()
    return checks, baseline


def p90(values: list[float]) -> float:
    """The 90th percentile.

    >>> p90(list(range(1, 11)))
    9.1
    """
    return round(statistics.quantiles(values, n=10, method="inclusive")[-1], 6)


# =========================================================================== 3. grading


def grading_seconds(students: int, seed: int = 7) -> dict:
    """Grade the same random answers as worksheet files and as notebooks; seconds of each."""
    from worksheet_tools import random_answer, solution_answers, write_pair

    from medialit.exercises.bank import CHAPTERS, questions_of
    from medialit.exercises.grade import grade_folder
    from medialit.exercises.sandbox import Limits

    rng = random.Random(seed)
    solutions = {chapter: solution_answers(chapter) for chapter in CHAPTERS}  # runs each once
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for student in range(students):
            for chapter in CHAPTERS:
                answers = {
                    q.id: random_answer(q, solutions[chapter][q.id], rng)
                    for q in questions_of(chapter)
                    if q.kind != "code"
                }
                write_pair(root, f"student{student:03d}", chapter, answers)
        timings = {}
        for kind in ("sheets", "notebooks"):
            started = time.perf_counter()
            results = grade_folder(root / kind, jobs=2, limits=Limits())
            timings[kind] = time.perf_counter() - started
            timings[f"{kind}_count"] = len(results)
            timings[f"{kind}_points"] = sum(g.points for g in results)
    return timings


def solution_file_sizes() -> dict[str, int]:
    from worksheet_tools import solution_file

    from medialit.exercises.bank import CHAPTERS

    return {
        stem: len((json.dumps(solution_file(chapter), indent=1) + "\n").encode("utf-8"))
        for chapter, stem in CHAPTERS.items()
    }


# =========================================================================== 5. build cost


def build_seconds(with_worksheets: bool) -> float:
    """A clean build of a copy of the book, every page executed, with or without worksheets."""
    import shutil

    import yaml
    from conftest import load_book_build

    build = load_book_build()
    build.fetch(build.SITE_PACKAGES)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "book"
        shutil.copytree(
            ROOT / "book", copy, ignore=shutil.ignore_patterns("_build", "_widgets", "__pycache__")
        )
        (copy / "_widgets").symlink_to(ROOT / "book" / "_widgets", target_is_directory=True)
        for item in ROOT.iterdir():  # the rest of the checkout (pyproject.toml, exercises/...)
            if item.name != "book" and not item.name.startswith("."):
                (Path(folder) / item.name).symlink_to(item, target_is_directory=item.is_dir())
        if not with_worksheets:
            toc = yaml.safe_load((copy / "_toc.yml").read_text(encoding="utf-8"))
            toc["parts"] = [
                part
                for part in toc["parts"]
                if not any(c["file"].startswith("worksheets/") for c in part["chapters"])
            ]
            (copy / "_toc.yml").write_text(yaml.safe_dump(toc, sort_keys=False), encoding="utf-8")
        return build.build(
            Path(folder) / "out",
            source=copy,
            rebuild_all=True,
            log=Path(folder) / "build.log",
            strict=False,
        )


# =========================================================================== the run


def measure(site: Path, browser, stems: list[str], students: int) -> dict:
    """Every figure of the benchmark, with a served copy of ``site`` and ``browser``."""
    from static_server import serve

    with serve(site) as base:
        weights = page_weights(browser, base, site, stems)
        checks, baseline = check_latencies(browser, base, stems)
    assets = {name: (site / "_static" / name).read_bytes() for name in OWN_ASSETS}
    return {
        "pages": weights,
        "assets": {n: {"bytes": len(d), "gzip": gzipped(d)} for n, d in assets.items()},
        "check_ms": checks,
        "baseline_ms": baseline,
        "grading": grading_seconds(students),
        "file_bytes": solution_file_sizes(),
    }


def report(figures: dict) -> bool:
    """Print the figures and the verdicts; True when every budget is met."""
    print("Page weight (bytes a browser fetches with an empty cache; own = the worksheet's")
    print("script, style, hashing and data, gzipped):")
    for row in figures["pages"]:
        chapter = row.get("chapter_fetched_bytes")
        ratio = f", {row['fetched_bytes'] / chapter:.2f}x its chapter page" if chapter else ""
        print(
            f"  {row['worksheet']:26} {row['fetched_bytes'] / 1e6:6.2f} MB in {row['requests']:3}"
            f" requests{ratio}; html {row['html_bytes'] / 1e3:.0f} kB, data"
            f" {row['data_bytes'] / 1e3:.1f} kB ({row['data_gzip'] / 1e3:.1f} kB gz),"
            f" own {row['own_gzip'] / 1e3:.1f} kB gz"
        )
    for name, size in figures["assets"].items():
        print(f"  {name:26} {size['bytes'] / 1e3:6.1f} kB, {size['gzip'] / 1e3:.1f} kB gzipped")
    worst_own = max(row["own_gzip"] for row in figures["pages"])
    checks, baseline = figures["check_ms"], figures["baseline_ms"]
    print(
        f"Check, click to painted verdict ({len(checks)} practice questions): p90 "
        f"{p90(checks):.1f} ms, max {max(checks):.1f} ms; baseline button p90 "
        f"{p90(baseline):.1f} ms (ratio {p90(checks) / p90(baseline):.2f})"
    )
    grading = figures["grading"]
    per_sheet = grading["sheets"] / grading["sheets_count"]
    per_notebook = grading["notebooks"] / grading["notebooks_count"]
    print(
        f"Grading {grading['sheets_count']} worksheet files: {grading['sheets']:.2f} s "
        f"({per_sheet * 1000:.1f} ms each); the same answers in {grading['notebooks_count']} "
        f"notebooks: {grading['notebooks']:.2f} s ({per_notebook * 1000:.1f} ms each); "
        f"{per_notebook / per_sheet:.1f}x faster; points equal: "
        f"{grading['sheets_points'] == grading['notebooks_points']}"
    )
    if "build_seconds" in figures:
        built = figures["build_seconds"]
        print(
            f"Clean build of the book: {built['with']:.1f} s with the worksheets, "
            f"{built['without']:.1f} s without (ratio {built['with'] / built['without']:.2f})"
        )
    sizes = figures["file_bytes"]
    print(
        "File handed in, with the solution's answers: "
        + ", ".join(f"{stem} {size / 1e3:.1f} kB" for stem, size in sizes.items())
    )
    verdicts = {
        f"own files and data <= {OWN_BUDGET_BYTES / 1e3:.0f} kB gzipped": worst_own
        <= OWN_BUDGET_BYTES,
        f"Check p90 < {CHECK_BUDGET_MS:.0f} ms": p90(checks) < CHECK_BUDGET_MS,
        "worksheet files grade at least as fast as notebooks": per_sheet <= per_notebook,
        "the same points either way": grading["sheets_points"] == grading["notebooks_points"],
    }
    for name, met in verdicts.items():
        print(f"  {'met' if met else 'MISSED'}: {name}")
    return all(verdicts.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "book" / "_build" / "html")
    parser.add_argument("--students", type=int, default=20, help="students for the grading")
    parser.add_argument("--pages", nargs="*", default=None, help="worksheet stems (all)")
    parser.add_argument(
        "--build-cost", action="store_true", help="also build the book with and without them"
    )
    args = parser.parse_args(argv)
    from headless_chromium import open_chromium

    from medialit.exercises.bank import CHAPTERS

    if not (args.site / "worksheets").is_dir():
        print(f"{args.site}: no built worksheets (run make book first)", file=sys.stderr)
        return 2
    stems = args.pages or list(CHAPTERS.values())
    with open_chromium() as browser:
        figures = measure(args.site, browser, stems, args.students)
    if args.build_cost:
        figures["build_seconds"] = {
            "without": build_seconds(with_worksheets=False),
            "with": build_seconds(with_worksheets=True),
        }
    OUT.mkdir(exist_ok=True)
    (OUT / "worksheets.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0 if report(figures) else 1


if __name__ == "__main__":
    sys.exit(main())
