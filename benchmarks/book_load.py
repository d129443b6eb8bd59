"""Benchmark: every page of the built book on a slow phone network (Fast 3G), served gzipped.

Run from the repository root after ``make book``::

    .venv/bin/python benchmarks/book_load.py                    # book/_build/html, 3 loads a page
    .venv/bin/python benchmarks/book_load.py --site OTHER/html  # another build (before/after)
    .venv/bin/python benchmarks/book_load.py --pages intro,worksheets/01-sourcing --repeat 1

Every page of the site is measured, those in its folders too (``worksheets/``, ``lessons/``);
``--pages`` names them as paths from the site's root, without ``.html``.

Each page is opened in Chromium with an empty cache, behind DevTools network emulation of
the issue's Fast 3G profile (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up), from a local
server that gzips text (HTML, CSS, JavaScript, JSON, SVG, fonts other than woff/woff2) as
static hosts such as GitHub Pages do, and leaves images and woff2 alone.

Per page it prints

* **first paint** and **first contentful paint** (the browser's paint timings), budget
  5 s for the first contentful paint;
* **widgets interactive**: when every widget output of the page has been rendered by the
  widget manager (its controls then work) and a worksheet's form has been started by its
  script (shown as ``+ws``), budget 15 s;
* **bytes transferred** (what went over the wire, headers included) until the page is
  loaded and its widgets rendered, budget 1.5 MB for a page without widgets and 3 MB for
  a page with them; and the same bytes before compression;
* a **baseline** measured in the same run: the first contentful paint of the page's own
  HTML with every stylesheet and script removed (what the document alone costs on this
  network), and the ratio of the page to it.

The figure per page is the median of ``--repeat`` loads (the machine is shared; the worst
load is printed too). The worst page of each budget is summarised at the end; the exit
status is 1 when a budget is missed. Figures are written to ``.benchmarks/book_load.json``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import re
import statistics
import sys
import time
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the browser helpers the tests use
sys.path.append(str(ROOT / "book"))  # the book's static server and Chromium launcher

from browser_tools import WIDGET_VIEW  # noqa: E402
from headless_chromium import open_chromium  # noqa: E402
from publish import html_pages  # noqa: E402
from static_server import QuietHandler, serve  # noqa: E402

# The Fast 3G profile (Chromium DevTools network emulation).
LATENCY_MS = 150
DOWNLOAD_BYTES_PER_S = 1.6e6 / 8
UPLOAD_BYTES_PER_S = 750e3 / 8

FIRST_PAINT_BUDGET_S = 5.0
WIDGETS_BUDGET_S = 15.0
BYTES_BUDGET = 1_500_000
WIDGET_PAGE_BYTES_BUDGET = 3_000_000
PAGE_TIMEOUT_S = 90
PAGE_WIDTH = 40  # the page column: "lessons/12-post-test-and-reflection.html"

# What static hosts compress: text types. PNG, JPEG and woff2 are compressed already.
COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "font/ttf",
    "application/x-font-ttf",
    "application/vnd.ms-fontobject",
)
REDIRECT = re.compile(rb'<meta http-equiv="Refresh"', re.I)
STYLES_AND_SCRIPTS = re.compile(
    rb"<script\b[^>]*>.*?</script>|<link\b[^>]*rel=\"(?:stylesheet|preload)\"[^>]*>", re.S | re.I
)

WORKSHEET_DATA = "script.ws-data"  # a worksheet's form (worksheet.js starts it)

# Set up before any page script: records when every widget output has been rendered and a
# worksheet's form, if the page has one, has been started (its deferred script runs before
# DOMContentLoaded, so the first check sees it).
WIDGETS_READY_PROBE = """(() => {
    const selector = SELECTOR;
    const rendered = (view) => view.parentElement.querySelector(".widget-subarea .jupyter-widgets");
    const formStarted = () => !document.querySelector(WORKSHEET)
        || Boolean(window.medialitWorksheet && window.medialitWorksheet.page);
    const check = () => {
        const views = [...document.querySelectorAll(selector)];
        if (document.readyState === "loading" || !views.every(rendered) || !formStarted()) {
            return false;
        }
        window.__widgetsReady = performance.now();
        window.__widgetViews = views.length;
        return true;
    };
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    const everything = { childList: true, subtree: true };
    document.addEventListener("DOMContentLoaded", () => {
        if (!check()) observer.observe(document.documentElement, everything);
    });
})();""".replace("SELECTOR", json.dumps(WIDGET_VIEW)).replace(
    "WORKSHEET", json.dumps(WORKSHEET_DATA)
)


@dataclass
class Load:
    """One cold load of one page."""

    first_paint_s: float
    first_contentful_paint_s: float
    loaded_s: float  # the load event: every image, script and style sheet is in
    widgets_ready_s: float | None  # None: the page has no widget and no worksheet form
    widget_views: int
    worksheet: bool  # a worksheet's form, live when its script has started it
    bytes_transferred: int
    bytes_uncompressed: int
    requests: int


@dataclass
class PageFigures:
    """The median of a page's loads, its worst load, and the bare-document baseline."""

    page: str
    widget_views: int
    worksheet: bool
    first_paint_s: float
    first_contentful_paint_s: float
    worst_first_contentful_paint_s: float
    loaded_s: float
    widgets_ready_s: float | None
    worst_widgets_ready_s: float | None
    bytes_transferred: int
    bytes_uncompressed: int
    requests: int
    baseline_first_contentful_paint_s: float

    @property
    def bytes_budget(self) -> int:
        return WIDGET_PAGE_BYTES_BUDGET if self.widget_views else BYTES_BUDGET

    def missed(self) -> list[str]:
        """The budgets this page misses, one line each."""
        found = []
        if self.worst_first_contentful_paint_s > FIRST_PAINT_BUDGET_S:
            found.append(f"first paint {self.worst_first_contentful_paint_s:.1f} s")
        if self.worst_widgets_ready_s is not None and self.worst_widgets_ready_s > WIDGETS_BUDGET_S:
            found.append(f"widgets interactive {self.worst_widgets_ready_s:.1f} s")
        if self.bytes_transferred > self.bytes_budget:
            found.append(f"{self.bytes_transferred / 1e6:.2f} MB transferred")
        return found


def is_compressible(content_type: str) -> bool:
    """Whether a static host would gzip a response of this type.

    Examples
    --------
    >>> is_compressible("application/javascript"), is_compressible("image/png")
    (True, False)
    >>> is_compressible("font/woff2")
    False
    """
    return content_type.startswith(COMPRESSED_TYPES)


class GzipHandler(QuietHandler):
    """Serves a folder like a static host: text gzipped when the browser accepts it."""

    cache: ClassVar[dict[str, bytes]] = {}
    bare_pages: ClassVar[dict[str, bytes]] = {}

    def do_GET(self):
        path = self.translate_path(self.path)
        bare = self.bare_pages.get(self.path.split("?")[0])
        if bare is None and not Path(path).is_file():
            return super().do_GET()
        body = bare if bare is not None else Path(path).read_bytes()
        content_type = "text/html" if bare is not None else self.guess_type(path)
        encoding = None
        if is_compressible(content_type) and "gzip" in self.headers.get("Accept-Encoding", ""):
            key = self.path if bare is None else "bare:" + self.path
            if key not in self.cache:
                self.cache[key] = gzip.compress(body, compresslevel=6, mtime=0)
            body, encoding = self.cache[key], "gzip"
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


def serve_gzipped(site: Path, bare_pages: dict[str, bytes]) -> AbstractContextManager[str]:
    """Serve ``site`` (and the bare baseline pages at their own paths) on 127.0.0.1."""
    handler = type("Handler", (GzipHandler,), {"cache": {}, "bare_pages": bare_pages})
    return serve(site, handler)


def site_pages(site: Path) -> list[str]:
    """Every page of the site, in its folders too, as paths from its root
    (``worksheets/01-sourcing.html``); not redirect stubs nor Sphinx's ``_static``-like folders.

    New pages join by themselves.
    """
    return [
        page.relative_to(site).as_posix()
        for page in sorted(html_pages(site))
        if not REDIRECT.search(page.read_bytes()[:500])
    ]


def bare_document(html: bytes) -> bytes:
    """The page with every stylesheet and script removed: the baseline's document.

    Examples
    --------
    >>> bare_document(b'<head><script src="a.js"></script><link rel="stylesheet" href="b"></head>x')
    b'<head></head>x'
    """
    return STYLES_AND_SCRIPTS.sub(b"", html)


def load_once(browser, url: str) -> Load:
    """Open ``url`` in a fresh context (empty cache) behind the Fast 3G emulation."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        page.add_init_script(WIDGETS_READY_PROBE)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": LATENCY_MS,
                "downloadThroughput": DOWNLOAD_BYTES_PER_S,
                "uploadThroughput": UPLOAD_BYTES_PER_S,
            },
        )
        transferred: dict[str, int] = {}
        cdp.on(
            "Network.loadingFinished",
            lambda event: transferred.__setitem__(event["requestId"], event["encodedDataLength"]),
        )
        page.goto(url, wait_until="load", timeout=PAGE_TIMEOUT_S * 1000)
        views = page.locator(WIDGET_VIEW).count()
        worksheet = page.locator(WORKSHEET_DATA).count() > 0
        if views or worksheet:
            page.wait_for_function("window.__widgetsReady !== undefined", timeout=60_000)
        page.wait_for_load_state("networkidle", timeout=PAGE_TIMEOUT_S * 1000)
        timings = page.evaluate(
            """() => {
                const paints = Object.fromEntries(
                    performance.getEntriesByType("paint").map((e) => [e.name, e.startTime]));
                const resources = performance.getEntriesByType("resource");
                const nav = performance.getEntriesByType("navigation")[0];
                const decoded = resources.reduce((sum, r) => sum + r.decodedBodySize, 0)
                    + nav.decodedBodySize;
                return { fp: paints["first-paint"], fcp: paints["first-contentful-paint"],
                         widgets: window.__widgetsReady ?? null, decoded,
                         load: nav.loadEventEnd };
            }"""
        )
    finally:
        context.close()
    return Load(
        first_paint_s=timings["fp"] / 1000,
        first_contentful_paint_s=timings["fcp"] / 1000,
        loaded_s=timings["load"] / 1000,
        widgets_ready_s=timings["widgets"] / 1000 if views or worksheet else None,
        widget_views=views,
        worksheet=worksheet,
        bytes_transferred=sum(transferred.values()),
        bytes_uncompressed=int(timings["decoded"]),
        requests=len(transferred),
    )


def load_with_retry(browser, url: str, attempts: int = 3) -> Load:
    """A cold load; one that stalls past the timeout (a shared machine) is tried again."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(1, attempts + 1):
        try:
            return load_once(browser, url)
        except PlaywrightTimeout:
            print(f"  ({url}: no load event within {PAGE_TIMEOUT_S} s, try {attempt})", flush=True)
    raise SystemExit(f"{url} did not load in {attempts} tries")


def measure_page(browser, base: str, page: str, repeat: int) -> PageFigures:
    loads = [load_with_retry(browser, base + page) for _ in range(repeat)]
    baseline = [load_with_retry(browser, base + "__bare__/" + page) for _ in range(repeat)]
    ready = [load.widgets_ready_s for load in loads if load.widgets_ready_s is not None]
    return PageFigures(
        page=page,
        widget_views=loads[0].widget_views,
        worksheet=loads[0].worksheet,
        first_paint_s=statistics.median(load.first_paint_s for load in loads),
        first_contentful_paint_s=statistics.median(load.first_contentful_paint_s for load in loads),
        worst_first_contentful_paint_s=max(load.first_contentful_paint_s for load in loads),
        loaded_s=statistics.median(load.loaded_s for load in loads),
        widgets_ready_s=statistics.median(ready) if ready else None,
        worst_widgets_ready_s=max(ready) if ready else None,
        bytes_transferred=int(statistics.median(load.bytes_transferred for load in loads)),
        bytes_uncompressed=int(statistics.median(load.bytes_uncompressed for load in loads)),
        requests=int(statistics.median(load.requests for load in loads)),
        baseline_first_contentful_paint_s=statistics.median(
            load.first_contentful_paint_s for load in baseline
        ),
    )


def format_row(figures: PageFigures) -> str:
    form = "+ws" if figures.worksheet else "   "
    widgets = (
        f"{figures.widgets_ready_s:5.1f} s ({figures.widget_views:2d}{form})"
        if figures.widgets_ready_s is not None
        else "      –        "
    )
    ratio = figures.first_contentful_paint_s / figures.baseline_first_contentful_paint_s
    flag = "   MISSED: " + ", ".join(figures.missed()) if figures.missed() else ""
    return (
        f"{figures.page:{PAGE_WIDTH}s} {figures.first_paint_s:5.2f}"
        f" {figures.first_contentful_paint_s:5.2f}"
        f" {figures.loaded_s:5.1f} s {widgets}  {figures.bytes_transferred / 1e6:6.3f} MB"
        f" ({figures.bytes_transferred / figures.bytes_budget:4.0%})"
        f" {figures.bytes_uncompressed / 1e6:6.3f} MB {figures.requests:3d}"
        f"   {figures.baseline_first_contentful_paint_s:4.2f} s {ratio:4.1f}x{flag}"
    )


HEADER = (
    f"{'page':{PAGE_WIDTH}s} {'FP':>5s} {'FCP':>5s} {'load':>5s}   {'widgets (n)':15s} {'gzip':>9s}"
    f" {'(budget)':7s} {'raw':>9s} {'req':>3s}   {'bare FCP':8s} ratio"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "book" / "_build" / "html")
    parser.add_argument("--repeat", type=int, default=3, help="cold loads per page")
    parser.add_argument(
        "--pages",
        help="comma-separated pages, e.g. intro,worksheets/01-sourcing (default: every page)",
    )
    parser.add_argument("--json", type=Path, default=ROOT / ".benchmarks" / "book_load.json")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site} holds no built book: run `make book` first, or pass --site")
    pages = site_pages(site)
    if args.pages:
        names = args.pages.split(",")
        wanted = {name if name.endswith(".html") else f"{name}.html" for name in names}
        unknown = wanted - set(pages)
        if unknown:
            raise SystemExit(f"no such page in {site}: {', '.join(sorted(unknown))}")
        pages = [page for page in pages if page in wanted]
    bare = {f"/__bare__/{page}": bare_document((site / page).read_bytes()) for page in pages}

    started = time.perf_counter()
    print(
        f"{site}: {len(pages)} pages, {args.repeat} cold loads each, Fast 3G "
        f"({LATENCY_MS} ms, {DOWNLOAD_BYTES_PER_S * 8 / 1e6:.1f} Mbit/s), gzip as a static host",
        flush=True,
    )
    print(HEADER, flush=True)
    results = []
    with serve_gzipped(site, bare) as base, open_chromium() as browser:
        for page in pages:
            figures = measure_page(browser, base, page, args.repeat)
            results.append(figures)
            print(format_row(figures), flush=True)

    plain = [r for r in results if not r.widget_views]
    with_widgets = [r for r in results if r.widget_views]
    print("\nWorst case:")
    worst_paint = max(results, key=lambda r: r.worst_first_contentful_paint_s)
    print(
        f"  first contentful paint  {worst_paint.worst_first_contentful_paint_s:5.2f} s"
        f" ({worst_paint.page}; budget {FIRST_PAINT_BUDGET_S:.0f} s)"
    )
    interactive = [r for r in results if r.worst_widgets_ready_s is not None]
    if interactive:
        worst_ready = max(interactive, key=lambda r: r.worst_widgets_ready_s)
        print(
            f"  widgets interactive     {worst_ready.worst_widgets_ready_s:5.2f} s"
            f" ({worst_ready.page}; budget {WIDGETS_BUDGET_S:.0f} s)"
        )
    for label, group, budget in (
        ("page without widgets", plain, BYTES_BUDGET),
        ("page with widgets", with_widgets, WIDGET_PAGE_BYTES_BUDGET),
    ):
        if group:
            heaviest = max(group, key=lambda r: r.bytes_transferred)
            print(
                f"  {label:22s}  {heaviest.bytes_transferred / 1e6:5.2f} MB transferred"
                f" ({heaviest.page}; budget {budget / 1e6:.1f} MB)"
            )
    missed = [f"{r.page}: {', '.join(r.missed())}" for r in results if r.missed()]
    print("\n" + ("Budgets missed:\n  " + "\n  ".join(missed) if missed else "All budgets met."))

    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {
                "site": str(site),
                "network": {
                    "latency_ms": LATENCY_MS,
                    "download_bytes_per_s": DOWNLOAD_BYTES_PER_S,
                    "upload_bytes_per_s": UPLOAD_BYTES_PER_S,
                },
                "repeat": args.repeat,
                "pages": [asdict(r) for r in results],
                "missed": missed,
                "python": platform.python_version(),
                "wall_seconds": time.perf_counter() - started,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    shown = args.json.relative_to(ROOT) if args.json.is_relative_to(ROOT) else args.json
    print(f"Figures written to {shown}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
