"""Printable handouts: the articles, the exercise notebooks, and the book pages marked as handouts.

Run it with the project's Python after ``make book`` (``make handouts`` does both)::

    .venv/bin/python book/handouts.py                       # into book/_build/handouts/
    .venv/bin/python book/handouts.py --out DIR --site DIR
    .venv/bin/python book/handouts.py --notebooks 'exercises/*.ipynb' 'book/worksheets/*.md'

* ``articles/ID-OUTLET.pdf``: the article exactly as collected, wrapped at
  :data:`LINE_WIDTH` characters and numbered line by line, so a class can say "line 23", with
  its outlet, date, byline and headline on top and space in the margin for marking up.
* ``notebooks/NAME.pdf``: an exercise notebook (``.ipynb``, or a MyST Markdown notebook such
  as a book worksheet), its text and code as printed pages; each answer cell (tagged
  ``answer``) is followed by ruled space to write the answer.
* ``KIND/PAGE.pdf``: each page of the table of contents whose front matter names a handout
  kind, printed from the built site (``--site``) with the book's print styles; the lesson
  plans go to ``lesson-plan/``, the worksheets to ``worksheet/``. A page asks for it so::

      ---
      handout: lesson-plan
      ---

The notebooks come from the globs in :data:`NOTEBOOK_GLOBS` (or ``--notebooks``): a folder of
worksheets joins by adding its glob there. The PDFs are printed by Debian's Chromium through
Playwright (``page.pdf``), A4, with the title and page numbers in the footer. When a marked
page is missing from the site, nothing is printed.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import re
import sys
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from headless_chromium import ChromiumMissing, open_chromium

BOOK_DIR = Path(__file__).resolve().parent
REPO_DIR = BOOK_DIR.parent
DEFAULT_OUTPUT = BOOK_DIR / "_build" / "handouts"
DEFAULT_SITE = BOOK_DIR / "_build" / "html"
NOTEBOOK_GLOBS = ("exercises/*.ipynb",)
LINE_WIDTH = 72  # characters: fits the A4 text column at 10.5 pt, so no line wraps again
ANSWER_TAG = "answer"
ANSWER_LINES = 5  # ruled lines left under each answer cell

STYLE = """
body { font-family: "DejaVu Serif", Georgia, serif; font-size: 10.5pt; color: #000; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 4pt; }
.meta { font-family: "DejaVu Sans", sans-serif; font-size: 9pt; color: #333; margin: 0 0 10pt; }
.lines { font-size: 10.5pt; line-height: 15pt; }
.line { display: flex; white-space: pre-wrap; break-inside: avoid; }
.line .n { flex: none; width: 3.2em; padding-right: 0.8em; text-align: right; color: #666;
           font-family: "DejaVu Sans", sans-serif; font-size: 8pt; }
.line.blank { height: 15pt; }
.notebook { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.45; }
.notebook pre { font-size: 9pt; background: #f4f4f4; border: 1px solid #ccc; padding: 5pt 7pt;
                white-space: pre-wrap; break-inside: avoid; }
.notebook code { font-size: 9pt; }
.notebook table { border-collapse: collapse; }
.notebook td, .notebook th { border: 1px solid #999; padding: 2pt 5pt; }
.answer { border: 1px solid #666; margin: 0 0 12pt; padding: 0 6pt; break-inside: avoid; }
.answer .label { font-size: 8.5pt; color: #333; margin: 3pt 0; }
.answer .rule { border-bottom: 1px solid #bbb; height: 22pt; }
"""

FOOTER = (
    '<div style="font-size:8pt;width:100%;padding:0 16mm;color:#555;'
    'font-family:DejaVu Sans,sans-serif;display:flex;justify-content:space-between">'
    '<span class="title"></span><span>page <span class="pageNumber"></span> of '
    '<span class="totalPages"></span></span></div>'
)
# Margins of the self-contained handouts (articles, notebooks) and of printed book pages.
HANDOUT_MARGINS = {"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}
PAGE_MARGINS = {"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"}
# A built page is ready to print when its widgets are drawn, the print copies of its explorers
# are made (reader.js), and every image on paper has arrived: an explorer's charts are files
# fetched when shown (book/_ext/chart_files.py), and Chromium prints without waiting for them.
READY_TO_PRINT = """() => {
    const views = [...document.querySelectorAll(
        'script[type="application/vnd.jupyter.widget-view+json"]')];
    if (!views.every((v) => v.parentElement.querySelector(".widget-subarea .jupyter-widgets"))) {
        return false;
    }
    if (window.medialitPrint) window.medialitPrint.prepare();
    // What paper shows: the screen's own explorer is hidden there, its lazy charts never load.
    return [...document.images].filter((img) => img.offsetParent !== null)
        .every((img) => img.complete);
}"""
READY_TIMEOUT_MS = 60_000


class HandoutError(RuntimeError):
    """A handout could not be made; the message names the file or page."""


@dataclass(frozen=True)
class Handout:
    """One PDF to print: where it goes (relative to the output folder), its title and page."""

    path: str
    title: str
    html: str


@dataclass(frozen=True)
class MarkedPage:
    """A page of the book to print: its document name and the kind of handout."""

    docname: str
    kind: str


# --------------------------------------------------------------------------- articles, notebooks


def numbered_lines(text: str, width: int = LINE_WIDTH) -> list[str]:
    """The text's lines as printed: each paragraph wrapped at ``width``, blank lines kept.

    Examples
    --------
    >>> numbered_lines("one two three\\n\\nfour", width=8)
    ['one two', 'three', '', 'four']
    """
    lines: list[str] = []
    for paragraph in text.strip("\n").split("\n"):
        if not paragraph.strip():
            lines.append("")
            continue
        lines.extend(textwrap.wrap(paragraph, width, replace_whitespace=False) or [""])
    return lines


def page(title: str, body: str) -> str:
    """A complete HTML document for one handout."""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>'
        f"{html.escape(title)}</title><style>{STYLE}</style></head><body>{body}</body></html>"
    )


def slug(text: str) -> str:
    """A file-name piece.

    >>> slug("Revolution Report")
    'revolution-report'
    """
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def article_handout(article) -> Handout:
    """The article with numbered lines and the facts a reader needs to cite it."""
    rows = []
    number = 0
    for line in numbered_lines(article.text):
        if not line:
            rows.append('<div class="line blank"></div>')
            continue
        number += 1
        rows.append(
            f'<div class="line"><span class="n">{number}</span>'
            f"<span>{html.escape(line)}</span></div>"
        )
    byline = f" · {html.escape(article.byline)}" if article.byline else ""
    meta = (
        f"{html.escape(article.outlet)} · {article.published:%d %B %Y}{byline} · "
        f"article {article.id} of the medialit kit, printed as collected "
        f"({number} numbered lines)"
    )
    title = f"{article.outlet_short}: {article.headline}"
    body = (
        f"<h1>{html.escape(article.headline)}</h1><p class='meta'>{meta}</p>"
        f"<div class='lines'>{''.join(rows)}</div>"
    )
    return Handout(
        f"articles/{article.id}-{slug(article.outlet_short)}.pdf", title, page(title, body)
    )


def read_notebook(path: Path):
    """An ``.ipynb`` or MyST Markdown notebook as an nbformat notebook, or a clear error."""
    import nbformat

    try:
        if path.suffix == ".ipynb":
            return nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
        if path.suffix == ".md":
            from myst_nb.core.read import read_myst_markdown_notebook

            return read_myst_markdown_notebook(path.read_text(encoding="utf-8"), path=path)
    except (OSError, ValueError, json.JSONDecodeError) as error:
        raise HandoutError(f"{path}: cannot be read as a notebook ({error})") from error
    raise HandoutError(f"{path}: not a notebook (.ipynb or MyST .md)")


def notebook_handout(path: Path) -> Handout:
    """A notebook's cells as printed pages: text, code, and ruled space after each answer."""
    from markdown_it import MarkdownIt

    notebook = read_notebook(path)
    markdown = MarkdownIt("commonmark").enable("table")
    parts, title = [], path.stem
    for cell in notebook.cells:
        source = cell.source if isinstance(cell.source, str) else "".join(cell.source)
        if cell.cell_type == "markdown":
            if title == path.stem:
                heading = re.search(r"^#\s+(.+)$", source, re.M)
                title = heading.group(1).strip() if heading else title
            parts.append(markdown.render(source))
        elif cell.cell_type == "code" and source.strip():
            parts.append(f"<pre><code>{html.escape(source.rstrip())}</code></pre>")
            if ANSWER_TAG in cell.metadata.get("tags", []):
                rules = "<div class='rule'></div>" * ANSWER_LINES
                parts.append(f"<div class='answer'><p class='label'>Your answer</p>{rules}</div>")
    body = f"<div class='notebook'>{''.join(parts)}</div>"
    return Handout(f"notebooks/{path.stem}.pdf", title, page(title, body))


def notebook_paths(globs: Iterable[str], root: Path = REPO_DIR) -> list[Path]:
    """The notebooks the globs name, in order, each once."""
    found: list[Path] = []
    for pattern in globs:
        for path in sorted(root.glob(pattern)):
            if path not in found:
                found.append(path)
    return found


def save_pdf(tab, target: Path, margins: dict[str, str]) -> None:
    """Print what ``tab`` shows to ``target``: A4, the page-number footer, no backgrounds."""
    tab.pdf(
        path=str(target),
        format="A4",
        print_background=False,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=FOOTER,
        margin=margins,
    )


def print_pdfs(handouts: Sequence[Handout], out: Path, browser=None) -> list[Path]:
    """Print each handout to ``out/handout.path`` with Chromium; return the files written.

    ``browser``: a Playwright browser to use (the tests share theirs); by default Debian's
    Chromium is started and closed here.
    """
    written = []
    with _tab(browser) as tab:
        # The handouts are self-contained: nothing may be fetched from anywhere.
        tab.context.route("**/*", lambda route: route.abort())
        for handout in handouts:
            target = out / handout.path
            target.parent.mkdir(parents=True, exist_ok=True)
            tab.set_content(handout.html, wait_until="load")
            save_pdf(tab, target, HANDOUT_MARGINS)
            written.append(target)
    return written


@contextlib.contextmanager
def _chromium(browser=None) -> Iterator:
    """``browser`` when given (the tests share theirs); else Debian's Chromium, for the job."""
    if browser is not None:
        yield browser
        return
    try:
        with open_chromium() as own:
            yield own
    except ChromiumMissing as error:
        raise HandoutError(str(error)) from None


@contextlib.contextmanager
def _tab(browser=None) -> Iterator:
    """A tab in a fresh browser context of :func:`_chromium`, closed with its context."""
    with _chromium(browser) as chromium:
        context = chromium.new_context()
        try:
            yield context.new_page()
        finally:
            context.close()


# --------------------------------------------------------------------------- marked book pages


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


def require_built(pages: Sequence[MarkedPage], site: Path) -> None:
    """Raise :class:`HandoutError` naming every page the built site lacks."""
    missing = [p.docname for p in pages if not (site / f"{p.docname}.html").is_file()]
    if missing:
        raise HandoutError(f"{site}: not built: {', '.join(missing)} (run make book first)")


def print_pages(pages: Sequence[MarkedPage], site: Path, out: Path, browser=None) -> list[Path]:
    """Print each page of the built site to ``out/KIND/NAME.pdf``; return the files written.

    ``browser`` is a Playwright browser to print with (a test passes its own); by default
    Debian's Chromium is launched for the job.
    """
    require_built(pages, site)
    written = []
    with _tab(browser) as tab:
        for marked in pages:
            target = out / marked.kind / f"{Path(marked.docname).name}.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            tab.goto((site / f"{marked.docname}.html").resolve().as_uri(), wait_until="load")
            tab.emulate_media(media="print")
            tab.wait_for_function(READY_TO_PRINT, timeout=READY_TIMEOUT_MS)
            save_pdf(tab, target, PAGE_MARGINS)
            written.append(target)
    return written


# --------------------------------------------------------------------------- the command


def all_handouts(notebook_globs: Iterable[str] = NOTEBOOK_GLOBS) -> list[Handout]:
    """Every article of the corpus, then every notebook the globs name."""
    from medialit.corpus import load_corpus

    handouts = [article_handout(article) for article in load_corpus()]
    paths = notebook_paths(notebook_globs)
    if not paths:
        raise HandoutError(f"no notebook matches {list(notebook_globs)}")
    return handouts + [notebook_handout(path) for path in paths]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, help="output folder")
    parser.add_argument(
        "--notebooks", nargs="+", default=list(NOTEBOOK_GLOBS), help="notebook globs"
    )
    parser.add_argument(
        "--site", type=Path, default=DEFAULT_SITE, help="the built book (for the marked pages)"
    )
    args = parser.parse_args(argv)
    try:
        pages = marked_pages()
        require_built(pages, args.site)  # before anything is printed
        handouts = all_handouts(args.notebooks)
        with _chromium() as browser:  # one browser for both kinds
            written = print_pdfs(handouts, args.out, browser)
            written += print_pages(pages, args.site, args.out, browser)
    except HandoutError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)
    print(f"{len(written)} handouts written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
