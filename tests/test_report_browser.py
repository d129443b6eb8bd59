"""The analysis report made from a saved web page, opened in a real browser (Chromium)."""

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from medialit.extract import analyze
from medialit.webpage import main_text

SAVED = Path(__file__).parent / "fixtures" / "saved-article.html"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    subprocess.run(
        [sys.executable, "-m", "medialit.cli", "analyze", str(SAVED), "--html", str(path)],
        check=True,
        capture_output=True,
    )
    return path


@pytest.fixture
def report_page(report, chromium):
    """The report opened from disk; requests that would leave the file are aborted and listed."""
    leaving, errors = [], []
    context = chromium.new_context(viewport={"width": 900, "height": 1200})

    def route(route):
        if urlsplit(route.request.url).scheme in {"file", "data", "about"}:
            route.continue_()
        else:
            leaving.append(route.request.url)
            route.abort("blockedbyclient")

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(report.as_uri())
    yield page
    context.close()
    assert leaving == [] and errors == []


def test_the_report_of_a_saved_page_reads_in_a_browser(report_page):
    page = report_page
    found = analyze(main_text(SAVED.name, SAVED.read_text(encoding="utf-8")))
    marks = page.locator("mark")
    total = len(found.figures) + len(found.attributions) + len(found.loaded_terms)
    assert marks.count() == total > 0
    assert marks.first.is_visible()
    # Each mark is numbered and carries its note as a tooltip.
    assert marks.first.locator("sup").inner_text() == "1"
    assert marks.first.get_attribute("title")
    # The summary counts per category, linked to each section.
    summary = page.locator("table").first
    assert summary.locator("tbody tr").count() == 3
    row = summary.locator("tr", has_text="Figures")
    assert row.locator("td").first.inner_text() == str(len(found.figures))
    page.get_by_role("link", name="Figures").first.click()
    assert page.locator("#figures").is_visible()
    # Notes open on a click; the checklist and the error rates are there.
    notes = page.locator("#loaded-terms details")
    notes.locator("summary").click()
    assert notes.locator("li").count() == len(found.loaded_terms)
    assert notes.locator("li").first.is_visible()
    assert page.locator("#checklist li").count() == 13
    assert page.get_by_role("heading", name="How often the machine is wrong").is_visible()
    assert "taken out of a saved web page" in page.inner_text("header")


def test_a_report_with_long_words_fits_a_phone(tmp_path, chromium):
    """A URL or a word longer than a phone is wide wraps inside the page (it made the page
    1,683 px wide at 390 px)."""
    long_url = "https://example.org/" + "averylongpathsegment" * 8
    text = (
        "Officials said 317 police were injured in Almaty, according to the ministry. "
        f"See {long_url} and the {'unbreakable' * 9} word. The bloodthirsty mob, "
        "reportedly 5,000 strong, said an official.\n"
    )
    source, report = tmp_path / "long.txt", tmp_path / "long.html"
    source.write_text(text, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "medialit.cli", "analyze", str(source), "--html", str(report)],
        check=True,
        capture_output=True,
    )
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(report.as_uri())
        page.locator("details summary").first.click()  # the notes repeat the long words
        widths = page.evaluate(
            "() => [document.documentElement.clientWidth, document.scrollingElement.scrollWidth]"
        )
        assert widths == [390, 390]
        assert long_url[:40] in page.inner_text(".text >> nth=0").replace("\n", "")
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_report_fits_a_phone_and_a_desktop(report, chromium, width):
    context = chromium.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(report.as_uri())
        # Nothing wider than the screen: no sideways scrolling to read the summary or the text.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        summary = page.locator("table").first
        box = summary.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        kinds = summary.locator("ul.kinds li")
        assert kinds.count() > 0
        for text in kinds.all_inner_texts():
            kind, count = text.rsplit(":\xa0", 1)  # "named person: 4": words, then a count
            assert count.isdigit() and "_" not in kind and kind[:1].isalpha()
    finally:
        context.close()
