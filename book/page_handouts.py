"""Print the book pages marked as handouts (lesson plans, worksheets) to PDF, from the built site.

A page asks to be a handout in its front matter::

    ---
    handout: lesson-plan
    ---

The value names the kind of handout and the folder it goes to. This script reads the table of
contents, keeps the marked pages, and prints each built HTML page with Chromium (print styles,
A4, the title and page numbers in the footer) to ``book/_build/handouts/KIND/PAGE.pdf``.
The handout script of the articles and notebooks can take these pages over through
:func:`marked_pages`; until then, run it after ``make book``::

    .venv/bin/python book/page_handouts.py                 # every marked page
    .venv/bin/python book/page_handouts.py --site DIR --out DIR
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

BOOK_DIR = Path(__file__).resolve().parent
DEFAULT_SITE = BOOK_DIR / "_build" / "html"
DEFAULT_OUTPUT = BOOK_DIR / "_build" / "handouts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
FOOTER = (
    '<div style="font-size:8pt;width:100%;padding:0 16mm;color:#555;'
    'font-family:DejaVu Sans,sans-serif;display:flex;justify-content:space-between">'
    '<span class="title"></span><span>page <span class="pageNumber"></span> of '
    '<span class="totalPages"></span></span></div>'
)


class HandoutError(RuntimeError):
    """A handout could not be made; the message names the page."""


@dataclass(frozen=True)
class MarkedPage:
    """A page of the book to print: its document name and the kind of handout."""

    docname: str
    kind: str


def front_matter(path: Path) -> dict:
    """The YAML front matter of a MyST page (empty when there is none).

    >>> front_matter(BOOK_DIR / "lessons" / "unit.md")
    {'handout': 'lesson-plan'}
    """
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---", 4)
    data = yaml.safe_load(text[4:end]) if end > 0 else None
    return data if isinstance(data, dict) else {}


def toc_docnames(toc: Path = BOOK_DIR / "_toc.yml") -> list[str]:
    """Every page of the table of contents, in order."""
    data = yaml.safe_load(toc.read_text(encoding="utf-8"))
    names = [data["root"]]

    def walk(entries) -> None:
        for entry in entries or []:
            if "file" in entry:
                names.append(entry["file"])
            walk(entry.get("sections"))

    for part in data.get("parts") or []:
        walk(part.get("chapters"))
    walk(data.get("chapters"))
    return names


def marked_pages(book: Path = BOOK_DIR) -> list[MarkedPage]:
    """The pages of the table of contents whose front matter names a handout.

    >>> pages = marked_pages()
    >>> pages[0], len(pages) > 10
    (MarkedPage(docname='worksheets/01-sourcing', kind='worksheet'), True)
    >>> next(page for page in pages if page.kind == "lesson-plan")
    MarkedPage(docname='lessons/unit', kind='lesson-plan')
    """
    marked = []
    for name in toc_docnames(book / "_toc.yml"):
        kind = front_matter(book / f"{name}.md").get("handout")
        if kind:
            marked.append(MarkedPage(name, str(kind)))
    return marked


def print_pages(pages: Sequence[MarkedPage], site: Path, out: Path, browser=None) -> list[Path]:
    """Print each page of the built site to ``out/KIND/NAME.pdf``; return the files written.

    ``browser`` is a Playwright browser to print with (a test passes its own); by default
    Debian's Chromium is launched for the job.
    """
    missing = [p.docname for p in pages if not (site / f"{p.docname}.html").is_file()]
    if missing:
        raise HandoutError(f"{site}: not built: {', '.join(missing)} (run make book first)")
    if browser is not None:
        return _print_with(browser, pages, site, out)
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise HandoutError(f"{CHROMIUM} is missing: install Debian's chromium (make browser)")
    with sync_playwright() as playwright:
        own = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_FLAGS))
        try:
            return _print_with(own, pages, site, out)
        finally:
            own.close()


def _print_with(browser, pages: Sequence[MarkedPage], site: Path, out: Path) -> list[Path]:
    written = []
    context = browser.new_context()
    try:
        tab = context.new_page()
        for page in pages:
            target = out / page.kind / f"{Path(page.docname).name}.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            tab.goto((site / f"{page.docname}.html").resolve().as_uri(), wait_until="load")
            tab.emulate_media(media="print")
            tab.pdf(
                path=str(target),
                format="A4",
                print_background=False,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
                margin={"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
            )
            written.append(target)
    finally:
        context.close()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=DEFAULT_SITE, help="the built book")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, help="output folder")
    args = parser.parse_args(argv)
    try:
        written = print_pages(marked_pages(), args.site, args.out)
    except HandoutError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    print(f"{len(written)} page handouts written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
