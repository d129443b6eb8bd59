"""``make handouts``: each article with line numbers, each exercise notebook, and the book
pages marked as handouts (lesson plans, worksheets), as PDFs.

The PDFs of the articles and notebooks are printed once per session by Chromium (about 10 s)
and read back with pypdf: one PDF per article and per notebook, a sensible page count, and the
text holds the end of each article (its last sentence and last line number) and of each
notebook. The marked pages are printed from the built site.
"""

from __future__ import annotations

import doctest
import importlib.util
import json
import math
import re
import sys
from pathlib import Path

import pytest
from conftest import BOOK_DIR
from pypdf import PdfReader
from test_book_print import holds_in_order, words

from medialit.corpus import load_corpus
from medialit.exercises.bank import CHAPTERS
from medialit.lessons import load_unit

# An A4 page holds 44 numbered lines at 15 pt (the first page less, under the title).
MIN_LINES_PER_PAGE = 30


def load_handouts():
    name = "medialit_book_handouts"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, BOOK_DIR / "handouts.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module")
def handouts():
    return load_handouts()


def test_handouts_doctests(handouts):
    result = doctest.testmod(handouts)
    assert result.attempted > 0 and result.failed == 0


def test_every_answer_cell_gets_room_to_write(handouts):
    path = handouts.REPO_DIR / "exercises" / "02-attribution.ipynb"
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    answers = sum("answer" in cell["metadata"].get("tags", []) for cell in cells)
    page = handouts.notebook_handout(path)
    assert answers > 0 and page.html.count("class='answer'") == answers
    assert page.title == "2. Attribution: who says so?"


def test_a_file_that_is_no_notebook_is_named(handouts, tmp_path: Path):
    broken = tmp_path / "worksheet.ipynb"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(handouts.HandoutError, match=r"worksheet\.ipynb"):
        handouts.notebook_handout(broken)
    with pytest.raises(handouts.HandoutError, match="no notebook matches"):
        handouts.all_handouts(["no-such-folder/*.ipynb"])


@pytest.fixture(scope="module")
def printed(handouts, chromium, tmp_path_factory) -> Path:
    """What `make handouts` writes, printed with the session's browser."""
    out = tmp_path_factory.mktemp("handouts")
    written = handouts.print_pdfs(handouts.all_handouts(handouts.NOTEBOOK_GLOBS), out, chromium)
    assert all(path.is_file() for path in written)
    return out


def _pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), " ".join(page.extract_text() for page in reader.pages)


def _last_sentence(text: str) -> str:
    last_paragraph = [p for p in text.strip().split("\n") if p.strip()][-1]
    return re.split(r"(?<=[.!?])\s+", last_paragraph.strip())[-1]


@pytest.mark.slow
def test_one_pdf_per_article_and_per_notebook(handouts, printed: Path):
    articles = sorted(p.name for p in (printed / "articles").glob("*.pdf"))
    notebooks = sorted(p.stem for p in (printed / "notebooks").glob("*.pdf"))
    assert len(articles) == len(load_corpus())
    assert notebooks == [p.stem for p in handouts.notebook_paths(handouts.NOTEBOOK_GLOBS)]


@pytest.mark.slow
@pytest.mark.parametrize("article", load_corpus(), ids=lambda a: a.id)
def test_article_pdf_holds_the_whole_article_with_line_numbers(handouts, printed, article):
    (path,) = (printed / "articles").glob(f"{article.id}-*.pdf")
    pages, text = _pdf_text(path)
    lines = [line for line in handouts.numbered_lines(article.text) if line]
    assert 1 <= pages <= math.ceil(len(lines) / MIN_LINES_PER_PAGE)
    assert holds_in_order(words(text).split(), words(_last_sentence(article.text)).split())
    assert holds_in_order(words(text).split(), words(article.headline).split())
    numbers = [int(n) for n in re.findall(r"(?m)^(\d+) ", text)]
    assert numbers[:3] == [1, 2, 3] and max(numbers) == len(lines)


@pytest.mark.slow
def test_notebook_pdfs_hold_each_notebook_to_its_end(handouts, printed):
    for path in handouts.notebook_paths(handouts.NOTEBOOK_GLOBS):
        pages, text = _pdf_text(printed / "notebooks" / f"{path.stem}.pdf")
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        last = "".join(cells[-1]["source"])
        answers = sum("answer" in cell["metadata"].get("tags", []) for cell in cells)
        assert pages >= 1
        assert holds_in_order(words(text).split(), words(last).split()[-6:]), path.name
        assert text.count("Your answer") == answers, path.name


# The pages marked as handouts in their front matter, printed from the built site.


def test_every_lesson_plan_and_the_unit_plan_are_marked(handouts):
    marked = [p for p in handouts.marked_pages() if p.kind == "lesson-plan"]
    expected = ["lessons/unit", *(lesson.page for lesson in load_unit().lessons)]
    assert [p.docname for p in marked] == expected


def test_every_worksheet_is_marked(handouts):
    marked = [p.docname for p in handouts.marked_pages() if p.kind == "worksheet"]
    assert marked == [f"worksheets/{stem}" for stem in CHAPTERS.values()]
    assert {p.kind for p in handouts.marked_pages()} == {"lesson-plan", "worksheet"}


def test_front_matter_of_a_page_without_it_is_empty(handouts, tmp_path):
    page = tmp_path / "plain.md"
    page.write_text("# Title\n\nText.\n", encoding="utf-8")
    assert handouts.front_matter(page) == {}


def test_an_unbuilt_site_is_named_and_nothing_is_written(handouts, tmp_path):
    with pytest.raises(handouts.HandoutError, match=r"not built: lessons/unit"):
        plans = [p for p in handouts.marked_pages() if p.kind == "lesson-plan"]
        handouts.print_pages(plans[:1], tmp_path / "site", tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert handouts.main(["--site", str(tmp_path / "site"), "--out", str(tmp_path / "o")]) == 1


@pytest.mark.slow
def test_a_worksheet_prints_to_a_pdf_without_its_buttons(handouts, book_html, chromium, tmp_path):
    page = next(p for p in handouts.marked_pages() if p.kind == "worksheet")
    (written,) = handouts.print_pages([page], book_html, tmp_path, browser=chromium)
    assert written.read_bytes().startswith(b"%PDF-")
    assert written.relative_to(tmp_path).as_posix() == "worksheet/01-sourcing.pdf"
    context = chromium.new_context()
    try:
        tab = context.new_page()
        tab.goto((book_html / f"{page.docname}.html").resolve().as_uri(), wait_until="load")
        tab.emulate_media(media="print")
        shown = tab.evaluate(
            """() => [...document.querySelectorAll(".ws-check, .ws-download, .ws-clear")]
                   .filter((e) => e.offsetParent !== null).length"""
        )
        options = tab.locator(".ws-option").count()
    finally:
        context.close()
    assert shown == 0 and options > 10  # the options to tick stay, the buttons go


@pytest.mark.slow
def test_a_worksheet_prints_every_chart_of_its_explorer(handouts, book_html, chromium, tmp_path):
    """Worksheet 4's comparer holds a chart per quantity as files fetched when shown
    (book/_ext/chart_files.py): on paper every one is printed, with the page's own chart."""
    page = next(
        p for p in handouts.marked_pages() if p.docname == "worksheets/04-numeric-verification"
    )
    state = (book_html / f"{page.docname}.html").read_text(encoding="utf-8")
    charts = state.count('<img loading=\\"lazy\\"')  # in the widget state's JSON
    (written,) = handouts.print_pages([page], book_html, tmp_path, browser=chromium)
    printed = sum(len(sheet.images) for sheet in PdfReader(written).pages)
    assert charts >= 20 and printed >= charts + 1


@pytest.mark.slow
def test_a_lesson_plan_prints_to_a_pdf(handouts, book_html, chromium, tmp_path):
    page = [p for p in handouts.marked_pages() if p.kind == "lesson-plan"][2]
    (written,) = handouts.print_pages([page], book_html, tmp_path, browser=chromium)
    data = written.read_bytes()
    assert (
        data.startswith(b"%PDF-") and data.count(b"/Type /Page\n") + data.count(b"/Type/Page") >= 1
    )
    assert (
        written.relative_to(tmp_path).as_posix() == f"lesson-plan/{page.docname.split('/')[-1]}.pdf"
    )


def test_without_chromium_each_printer_and_the_command_say_so_in_one_line(
    handouts, monkeypatch, tmp_path, capsys
):
    def missing():
        raise handouts.ChromiumMissing("Chromium is not installed: apt install chromium")

    monkeypatch.setattr(handouts, "open_chromium", missing)
    article = handouts.article_handout(load_corpus()[0])
    with pytest.raises(handouts.HandoutError, match="apt install chromium"):
        handouts.print_pdfs([article], tmp_path)
    monkeypatch.setattr(handouts, "require_built", lambda pages, site: None)
    with pytest.raises(handouts.HandoutError, match="apt install chromium"):
        handouts.print_pages([], tmp_path, tmp_path)
    assert handouts.main(["--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err == "error: Chromium is not installed: apt install chromium\n"
    assert list(tmp_path.iterdir()) == []
