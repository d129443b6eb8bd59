"""The widget gallery (book/widgets.md) in Chromium with no kernel: every widget responds.

Each test opens the built ``widgets.html`` from localhost, operates one widget with the
mouse and with the keyboard, and checks that what is shown changes to the right content,
that no request left localhost and that the console stayed clean. The last test runs
axe-core on the widgets after they were operated (other panes shown than the first).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_tools import broken_images, dropdown, expect_change, shown_text, unrendered_widgets
from conftest import REPO_DIR, load_book_build

from medialit import compare
from medialit.corpus import load_corpus, load_references
from medialit.formatting import format_date

pytestmark = pytest.mark.slow

# Order of the widgets on the gallery page.
ARTICLE_EXPLORER, FIGURE_COMPARER, QUOTE_TRACER, TERM_SWAPPER = range(4)
AXE_FAILING_IMPACTS = ("serious", "critical")


@pytest.fixture
def gallery(book_page):
    """The gallery page, its widget outputs in page order, and its watch."""
    page, watch = book_page("widgets.html")
    outputs = page.locator(".widget-subarea")
    assert outputs.count() == 4, "the gallery should show four widgets"
    assert unrendered_widgets(page) == []
    return page, outputs, watch


def radio(scope, text: str):
    """The radio button labelled ``text`` (ipywidgets RadioButtons)."""
    return scope.get_by_role("radio", name=text, exact=True)


def press_with_keyboard(page, control, key: str) -> None:
    """Focus ``control`` the way a keyboard user would land on it, then press ``key``."""
    control.focus()
    assert page.evaluate("document.activeElement.tagName") in ("SELECT", "INPUT")
    page.keyboard.press(key)


def clean(page, watch) -> list[str]:
    return watch.problems() + [f"broken image: {src}" for src in broken_images(page)]


def test_article_explorer_switches_article_and_highlight(gallery):
    page, outputs, watch = gallery
    explorer = outputs.nth(ARTICLE_EXPLORER)
    articles = load_corpus()
    assert articles[0].headline in shown_text(explorer)
    assert "figures annotated" in shown_text(explorer)

    # Mouse: pick Sputnik, then its loaded terms.
    select = dropdown(explorer, "Article")
    after = expect_change(explorer, lambda: select.select_option(index=3))
    assert f"{articles[3].outlet}, {format_date(articles[3].published)}" in after
    after = expect_change(explorer, lambda: radio(explorer, "Loaded terms").click())
    assert f"{len(articles[3].loaded_terms)} loaded terms annotated" in after
    assert radio(explorer, "Loaded terms").is_checked()

    # Keyboard: the arrow keys move to the next article, and from "Loaded terms" to the next
    # highlight, "Factual issues" (native radio buttons).
    after = expect_change(explorer, lambda: press_with_keyboard(page, select, "ArrowDown"))
    assert articles[4].outlet in after
    after = expect_change(
        explorer, lambda: press_with_keyboard(page, radio(explorer, "Loaded terms"), "ArrowDown")
    )
    assert f"{len(articles[4].issues)} factual issues annotated" in after
    assert radio(explorer, "Factual issues").is_checked()
    assert clean(page, watch) == []


def _shown_image_alt(scope) -> str:
    image = scope.locator("img:visible")
    assert image.count() == 1
    return image.get_attribute("alt")


def test_figure_comparer_switches_chart_and_table(gallery):
    page, outputs, watch = gallery
    comparer = outputs.nth(FIGURE_COMPARER)
    refs = load_references()
    order = compare.comparison_order(compare.figure_ledger())
    first_alt = _shown_image_alt(comparer)
    assert first_alt.startswith(refs.quantities[order[0]].label)

    select = dropdown(comparer, "Quantity")
    police = order.index("police_injured")
    after = expect_change(comparer, lambda: select.select_option(index=police))
    assert "“317”" in after and "Vision Times" in after
    alt = _shown_image_alt(comparer)
    assert alt.startswith(refs.quantities["police_injured"].label) and "3,037" in alt

    after = expect_change(comparer, lambda: press_with_keyboard(page, select, "ArrowUp"))
    assert _shown_image_alt(comparer).startswith(refs.quantities[order[police - 1]].label)
    assert clean(page, watch) == []


CARD_CELLS = """(table) => [...table.querySelectorAll("tbody td")].map((td) => {
    const box = td.getBoundingClientRect();
    return {label: td.dataset.label, before: getComputedStyle(td, "::before").content,
            left: box.left, right: box.right, text: td.innerText.trim()};
})"""


def test_figure_comparer_table_reads_as_cards_on_a_phone(book_page):
    """Six columns do not fit 390 px: the table was cut off at the widget's edge, verdict and
    all; on a phone each row is a card, each field under its column's name, inside the screen."""
    page, watch = book_page("widgets.html", viewport=(390, 844), color_scheme="dark", touch=True)
    comparer = page.locator(".widget-subarea").nth(FIGURE_COMPARER)
    table = comparer.locator("table.medialit-cards:visible")
    assert table.count() == 1
    assert not table.locator("thead").is_visible()
    rows = compare.ledger_for(compare.comparison_order(compare.figure_ledger())[0])
    cells = table.evaluate(CARD_CELLS)
    assert len(cells) == 6 * len(compare.distinct_reports(rows))
    width = page.evaluate("document.documentElement.clientWidth")
    for cell in cells:
        assert cell["before"] == f'"{cell["label"]}: "', cell
        assert cell["left"] >= 0 and cell["right"] <= width, cell
        assert cell["text"], cell
    quantity = load_references().quantities[rows[0].quantity]
    verdicts = [" ".join(c["text"].split()) for c in cells if c["label"] == "Against the reference"]
    assert verdicts == [
        " ".join(compare.verdict_in_words(row.verdict, quantity).split())
        for row, _ in compare.distinct_reports(rows)
    ]
    assert clean(page, watch) == []


def test_quote_tracer_switches_statement(gallery):
    page, outputs, watch = gallery
    tracer = outputs.nth(QUOTE_TRACER)
    text = shown_text(tracer)
    assert "training abroad" in text
    for article in load_corpus():
        assert article.outlet_short in text
    select = dropdown(tracer, "Statement")
    after = expect_change(tracer, lambda: select.select_option(index=1))
    assert "peacekeeping" in after and "training abroad" not in after
    after = expect_change(tracer, lambda: press_with_keyboard(page, select, "ArrowDown"))
    assert "317" in after
    assert clean(page, watch) == []


def test_term_swapper_toggles_neutral_terms(gallery):
    page, outputs, watch = gallery
    swapper = outputs.nth(TERM_SWAPPER)
    assert "Original: loaded terms marked." in shown_text(swapper)
    after = expect_change(swapper, lambda: radio(swapper, "Neutral terms").click())
    assert "Neutral version" in after
    # Keyboard: back to the original with the arrow key, then the next paragraph.
    after = expect_change(
        swapper, lambda: press_with_keyboard(page, radio(swapper, "Neutral terms"), "ArrowUp")
    )
    assert "Original: loaded terms marked." in after
    select = dropdown(swapper, "Paragraph")
    before = shown_text(swapper)
    after = expect_change(swapper, lambda: press_with_keyboard(page, select, "ArrowDown"))
    assert after != before
    assert clean(page, watch) == []


@pytest.fixture(scope="module")
def axe_script() -> Path:
    """axe-core from the npm registry, pinned and checked by book/build.py."""
    build = load_book_build()
    (folder,) = build.fetch([build.AXE_CORE], REPO_DIR / "book" / "_build" / "test-tools")
    return folder / "axe.min.js"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_operated_gallery_has_no_serious_accessibility_violation(
    book_page, axe_script: Path, scheme: str
):
    """In both colour schemes: in dark mode the comparer's table caption took the theme's
    muted grey on the widget's light pane (contrast 1.7:1)."""
    page, watch = book_page("widgets.html", color_scheme=scheme)
    outputs = page.locator(".widget-subarea")
    # Show panes other than the first ones, so the audit sees more than the initial state.
    radio(outputs.nth(ARTICLE_EXPLORER), "Attributions").click()
    radio(outputs.nth(TERM_SWAPPER), "Neutral terms").click()
    dropdown(outputs.nth(QUOTE_TRACER), "Statement").select_option(index=2)
    page.add_script_tag(path=str(axe_script))  # inlined: no request leaves the page
    # The widgets only: the theme's own controls are audited by test_book_browser.py.
    results = page.evaluate(
        """() => axe.run({ include: [".widget-subarea"] }, { resultTypes: ["violations"] })"""
    )
    failing = [
        f"{v['impact']}: {v['id']} ({v['help']}) at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in results["violations"]
        if v["impact"] in AXE_FAILING_IMPACTS
    ]
    assert failing == [], "\n".join(failing)
    assert watch.problems() == []
