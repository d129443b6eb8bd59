"""Every page of the built book printed to PDF by Chromium (``page.pdf``, as a reader's Print).

A page prints whole: every pane of every explorer (an explorer shows one choice at a time on
screen; on paper it prints them all, each under a heading), article panes without their scroll
box, notes and collapsed sections open; and a quiz prints its question and options, never the
feedback. The check reads the PDF's text back (pypdf) and looks for the end of every pane the
page's widget state holds. The pages come from the table of contents, so new pages join.
"""

from __future__ import annotations

import html
import io
import json
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_book_build import toc_pages
from test_book_devices import overflow

pytestmark = pytest.mark.slow

PAGES = [*toc_pages(), "search", "genindex"]
# The printable width of an A4 sheet at Chromium's default margins, in CSS px.
A4_PRINTABLE = (718, 1050)
STATE = re.compile(
    r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', re.S
)
VIEW = re.compile(r'<script type="application/vnd.jupyter.widget-view\+json">(.*?)</script>', re.S)


def words(text: str) -> str:
    """Lower-case words only: PDF text loses layout, and span numbers and line numbers
    (digits) land between words, so both sides are compared without digits or punctuation;
    ligatures (ﬁ) count as their letters.

    >>> words("Leave a Reply17, 2022! ﬁrst")
    'leave a reply first'
    """
    return " ".join(re.findall(r"[^\W\d_]+", unicodedata.normalize("NFKC", text).lower()))


def pdf_words(pdf: bytes) -> list[str]:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return words(text).split()


def holds_in_order(printed: list[str], wanted: list[str], window: int = 40) -> bool:
    """Whether the words ``wanted`` appear in order within ``window`` words of ``printed``.

    In order but not necessarily adjacent: a table cell that wraps on paper comes out of the
    PDF interleaved with the lines of its neighbours.

    >>> holds_in_order("a b x c d".split(), ["b", "c"])
    True
    >>> holds_in_order("c b".split(), ["b", "c"])
    False
    """
    for start, word in enumerate(printed):
        if word != wanted[0]:
            continue
        position, found = start, 1
        for position in range(start + 1, min(start + window, len(printed))):
            if found == len(wanted):
                break
            if printed[position] == wanted[found]:
                found += 1
        if found == len(wanted):
            return True
    return False


REGION = re.compile(r'<div role="region"[^>]*>(.*?)</div>', re.S)


def _text(fragment: str) -> str:
    fragment = re.sub(r"<style.*?</style>", " ", fragment, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def panes_and_feedback(page_html: str) -> tuple[list[str], list[str]]:
    """The texts the page's explorers can show, and the quizzes' feedback texts.

    Each HTML pane counts, and each scroll box inside one (an article's text) on its own, so
    that a box cut off on paper is caught even when the notes after it print.
    """
    states = [json.loads(state) for state in STATE.findall(page_html)]
    models = {key: value for state in states for key, value in state["state"].items()}
    roots = [json.loads(view)["model_id"] for view in VIEW.findall(page_html)]
    panes: list[str] = []
    feedback: list[str] = []

    def walk(model_id: str, hidden: bool) -> None:
        model = models[model_id.removeprefix("IPY_MODEL_")]
        state = model["state"]
        # A stack showing nothing until asked is a quiz's feedback: never printed.
        hidden = hidden or (
            model["model_name"] == "StackModel" and state.get("selected_index") is None
        )
        if model["model_name"] == "HTMLModel":
            found = [_text(state["value"]), *(_text(box) for box in REGION.findall(state["value"]))]
            (feedback if hidden else panes).extend(text for text in found if words(text))
        for child in state.get("children", []):
            walk(child, hidden)

    for root in roots:
        walk(root, hidden=False)
    return panes, feedback


# What the page shows on paper: its text under print media, after the page prepared for
# printing as it does on the browser's beforeprint event; and what still scrolls or is closed.
_ON_PAPER = """() => {
    const clipped = [...document.querySelectorAll(".bd-article *")].filter((el) => {
        const style = getComputedStyle(el);
        return el.offsetParent !== null && /(auto|scroll|hidden)/.test(style.overflowY)
            && el.scrollHeight > el.clientHeight + 1;
    }).map((el) => `${el.tagName.toLowerCase()} shows ${el.clientHeight} of ${el.scrollHeight} px`);
    const closed = [...document.querySelectorAll(".bd-article details:not([open])")]
        .map((d) => d.querySelector("summary")?.innerText || "details");
    return { text: document.body.innerText, clipped, closed };
}"""


def paper_problems(printed: list[str], panes: list[str], feedback: list[str]) -> list[str]:
    problems = []
    for pane in panes:
        ending = words(pane).split()[-6:]
        if not holds_in_order(printed, ending):
            problems.append(f"a pane is missing or cut off on paper; it ends: {ending}")
    problems += [
        f"quiz feedback printed: {text.strip()[:60]!r}"
        for text in feedback
        if holds_in_order(printed, words(text).split(), window=len(words(text).split()))
    ]
    return problems


def missing_images(page) -> list[str]:
    """The alt texts of the images on paper that did not load (an explorer's charts are files
    fetched for the print copy: book/_ext/chart_files.py)."""
    page.wait_for_function(
        """() => [...document.images].filter((img) => img.offsetParent !== null)
               .every((img) => img.complete)"""
    )
    return page.evaluate(
        """() => [...document.images].filter((img) => img.offsetParent !== null)
               .filter((img) => img.naturalWidth === 0).map((img) => img.alt.slice(0, 60))"""
    )


@pytest.mark.parametrize("name", PAGES)
def test_page_prints_whole(book_page, book_html: Path, name: str):
    page, watch = book_page(f"{name}.html", viewport=A4_PRINTABLE)
    panes, feedback = panes_and_feedback((book_html / f"{name}.html").read_text(encoding="utf-8"))
    page.emulate_media(media="print")
    page.evaluate("window.medialitPrint.prepare()")
    paper = page.evaluate(_ON_PAPER)
    problems = paper_problems(words(paper["text"]).split(), panes, feedback)
    problems += [f"on paper, no picture: {alt!r}" for alt in missing_images(page)]
    problems += [f"on paper, {line}" for line in overflow(page)]
    problems += [f"cut off on paper: {line}" for line in paper["clipped"][:5]]
    problems += [f"closed on paper: {summary!r}" for summary in paper["closed"]]
    page.evaluate("window.medialitPrint.restore()")
    if page.locator(".medialit-print-copy, details[data-medialit-closed]").count():
        problems.append("after printing, the page did not return to how it was")
    problems += watch.problems()
    assert problems == [], f"{name}.html printed:\n" + "\n".join(problems[:10])


def test_printing_to_pdf_prints_every_pane(book_page, book_html: Path):
    """The real thing once: Chromium's print to PDF (which sends beforeprint and afterprint)
    on a page with explorers and quizzes, its text read back from the PDF."""
    name = "attribution"
    page, watch = book_page(f"{name}.html")
    panes, feedback = panes_and_feedback((book_html / f"{name}.html").read_text(encoding="utf-8"))
    assert panes and feedback, f"{name}.html should have explorers and quizzes to print"
    problems = paper_problems(pdf_words(page.pdf(format="A4")), panes, feedback)
    if page.locator(".medialit-print-copy").count():
        problems.append("the print-only copies were not removed after printing")
    assert problems + watch.problems() == []
