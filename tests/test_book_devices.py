"""Every page of the built book as readers meet it: on a phone and a desktop, light and dark.

A phone is 390x844 CSS px with touch; a desktop 1280x900 with a mouse. The operating system's
colour setting is light or dark (the book follows it). Each page is opened once per screen,
with the OS set to dark, and then set to light; the checks below run on what is shown, and a
failure lists every problem found, each line naming its check. The pages come from the table
of contents (plus Sphinx's search and index pages), so a page added later is tested without
changing this file.

What is checked:

* the OS colour setting is honoured; native radio buttons are drawn for it (an unselected
  one looks like the page behind it, a selected one does not);
* the navigation opens (the menu button shows the chapter list on a phone and hides or shows
  the sidebar on a desktop) and lists every chapter;
* nothing is wider than the screen or cut off by it;
* quiz options wrap inside the page, and controls are tap targets at least 44 px high;
* the arrow keys stay inside one question (one radio group per question);
* at phone width every chart's smallest text is at least 11 CSS px as displayed;
* a citation and a highlighted word open their explanation by tap (or click) and by keyboard;
* widget text is as large as the body text, less a little (a projector's back row);
* no console error or warning.

``test_menu_reaches_every_chapter`` then walks the whole book through the phone menu.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from test_book_build import toc_pages

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Screen:
    width: int
    height: int
    touch: bool


SCREENS = {"phone": Screen(390, 844, touch=True), "desktop": Screen(1280, 900, touch=False)}
PAGES = [*toc_pages(), "search", "genindex"]
CHAPTERS = toc_pages()
MIN_TAP_PX = 44
MIN_CHART_TEXT_PX = 11
# Widget text at least 7/8 of the body's 16 px (it was 11-13 px): legible from a projector's
# back row. Superscript span numbers are smaller on purpose.
MIN_WIDGET_TEXT_RATIO = 0.875


def open_on(book_page, name: str, screen: str, scheme: str):
    device = SCREENS[screen]
    return book_page(
        f"{name}.html",
        viewport=(device.width, device.height),
        color_scheme=scheme,
        touch=device.touch,
    )


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("name", PAGES)
def test_page_on_screen(book_page, name: str, screen: str):
    """One load per page and screen: opened with the OS in dark mode, then switched to light.

    The colour checks run in both modes (the second also shows the page follows a change of
    the setting while open); the layout and behaviour checks, which colours do not affect,
    run once.
    """
    page, watch = open_on(book_page, name, screen, "dark")
    device = SCREENS[screen]
    problems = []
    for scheme in ("dark", "light"):
        page.emulate_media(color_scheme=scheme)
        problems += [f"[{scheme}] {line}" for line in colour_scheme(page, scheme)]
        problems += [f"[{scheme}] {line}" for line in radios_drawn_for_the_scheme(page)]
    problems += navigation(page, name, screen)
    problems += overflow(page)
    problems += tap_targets(page, phone=device.touch)
    problems += quiz_options_wrap(page)
    problems += arrow_keys_stay_in_their_group(page)
    if screen == "phone":
        problems += chart_text(page)
    else:
        problems += widget_text_size(page)
    problems += explanations_open(page, touch=device.touch)
    problems += watch.problems()
    assert problems == [], f"{name}.html on a {screen}:\n" + "\n".join(problems)


def test_menu_reaches_every_chapter(book_page):
    """On a phone, from the first page, the menu leads to each chapter in turn."""
    page, watch = open_on(book_page, CHAPTERS[0], "phone", "light")
    for chapter in CHAPTERS[1:]:
        page.locator(".bd-header-article .primary-toggle").click()
        menu = page.locator("#pst-primary-sidebar-modal")
        targets = page.evaluate(SITE_PATHS, "#pst-primary-sidebar-modal a.reference")
        assert chapter in targets, f"the menu shows no link to {chapter}.html"
        link = menu.locator("a.reference").nth(targets.index(chapter))
        assert link.is_visible(), f"the menu's link to {chapter}.html is hidden"
        link.click()
        page.wait_for_url(f"**/{chapter}.html")
        assert page.locator("#pst-primary-sidebar-modal").evaluate("(d) => !d.open")
    assert watch.problems() == []


# --------------------------------------------------------------------------- the checks


def colour_scheme(page, scheme: str) -> list[str]:
    try:
        page.wait_for_function(
            f"document.documentElement.dataset.theme === {scheme!r}", timeout=2000
        )
    except PlaywrightTimeout:
        shown = page.evaluate("document.documentElement.dataset.theme")
        return [f"colour scheme: OS says {scheme}, page shows {shown}"]
    return []


# The pages the links matched by a selector lead to, as paths from the book's root without
# ".html" ("lessons/01-pre-test-and-context"), resolved the way the browser resolves them, so a
# page in a subfolder ("../intro.html") is compared like one at the root; "#" is the page itself.
SITE_PATHS = """(selector) => {
    const root = new URL(document.documentElement.dataset.content_root || "./", location.href);
    return [...document.querySelectorAll(selector)].map((a) => {
        const target = new URL(a.getAttribute("href"), location.href);
        return target.pathname.slice(root.pathname.length).replace(/\\.html$/, "");
    });
}"""


def _linked_pages(page, scope: str) -> set[str]:
    """The book pages the visible links inside ``scope`` lead to ("#" is the page itself)."""
    visible = page.evaluate(
        """(scope) => [...document.querySelectorAll(scope + " a.reference")]
               .map((a) => a.offsetParent !== null)""",
        scope,
    )
    targets = page.evaluate(SITE_PATHS, scope + " a.reference")
    return {target for target, shown in zip(targets, visible, strict=True) if shown}


def navigation(page, name: str, screen: str) -> list[str]:
    problems = []
    toggle = page.locator(".bd-header-article .primary-toggle")
    if not toggle.is_visible():
        return ["navigation: no visible menu button"]
    if screen == "phone":
        toggle.click()
        menu = page.locator("#pst-primary-sidebar-modal")
        if not menu.evaluate("(d) => d.open"):
            return ["navigation: the menu button did not open the chapter list"]
        missing = set(CHAPTERS) - _linked_pages(page, "#pst-primary-sidebar-modal")
        if missing:
            problems.append(f"navigation: the menu lists no link to {sorted(missing)}")
        page.keyboard.press("Escape")
        if menu.evaluate("(d) => d.open"):
            problems.append("navigation: Escape did not close the menu")
        contents = page.locator(".bd-header-article .secondary-toggle")
        if contents.is_visible():
            contents.click()
            outline = page.locator("#pst-secondary-sidebar-modal")
            if not outline.evaluate("(d) => d.open && d.innerText.trim().length > 0"):
                problems.append("navigation: the contents button did not open the outline")
            page.keyboard.press("Escape")
    else:
        missing = set(CHAPTERS) - _linked_pages(page, "#pst-primary-sidebar")
        if missing:
            problems.append(f"navigation: the sidebar lists no link to {sorted(missing)}")
        toggle.click()
        try:
            page.wait_for_function(
                "() => getComputedStyle(document.querySelector('#pst-primary-sidebar'))"
                ".visibility === 'hidden'",
                timeout=3000,
            )
        except PlaywrightTimeout:
            return [*problems, "navigation: the menu button does not hide the sidebar"]
        toggle.click()
        try:
            page.wait_for_function(
                "() => getComputedStyle(document.querySelector('#pst-primary-sidebar'))"
                ".visibility === 'visible'",
                timeout=3000,
            )
        except PlaywrightTimeout:
            problems.append("navigation: the menu button did not bring the sidebar back")
    return problems


# Elements of the article reaching past the screen's right edge that no scroll box holds:
# content a reader cannot see.
_OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const found = [];
    if (document.documentElement.scrollWidth > width + 1) {
        found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    }
    const scrolls = (el) => {
        for (let box = el.parentElement; box; box = box.parentElement) {
            const style = getComputedStyle(box);
            if (/(auto|scroll)/.test(style.overflowX)) return true;
        }
        return false;
    };
    for (const el of document.querySelectorAll(".bd-article *")) {
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 || rect.right <= width + 1 || scrolls(el)) continue;
        if (getComputedStyle(el).visibility === "hidden") continue;
        const text = (el.innerText || el.getAttribute("alt") || "").trim().slice(0, 40);
        found.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(rect.right)}`
                   + ` px: ${JSON.stringify(text)}`);
        if (found.length >= 5) break;
    }
    return found;
}"""


def overflow(page) -> list[str]:
    return [f"overflow: {line}" for line in page.evaluate(_OVERFLOW)]


def tap_targets(page, *, phone: bool) -> list[str]:
    selectors = [".widget-subarea .widget-radio-box label", ".widget-subarea select"]
    if phone:
        selectors.append(".bd-header-article button")
    small = page.evaluate(
        """([selectors, least]) => [...document.querySelectorAll(selectors.join(","))]
               .filter((el) => el.offsetParent !== null)
               .map((el) => [el, el.getBoundingClientRect()])
               .filter(([, r]) => r.height < least - 0.5)
               .map(([el, r]) => `${el.tagName.toLowerCase()} ${JSON.stringify(
                   (el.innerText || el.getAttribute("aria-label") || el.title || "").trim()
                   .slice(0, 30))} is ${r.height.toFixed(1)} px high`)""",
        [selectors, MIN_TAP_PX],
    )
    return [f"tap target: {line}" for line in small]


def quiz_options_wrap(page) -> list[str]:
    cut = page.evaluate(
        """() => [...document.querySelectorAll(".medialit-quiz .widget-radio-box label")]
               .filter((label) => label.offsetParent !== null)
               .filter((label) => {
                   const area = label.closest(".widget-subarea").getBoundingClientRect();
                   const rect = label.getBoundingClientRect();
                   return label.scrollWidth > label.clientWidth + 1 || rect.right > area.right + 1;
               })
               .map((label) => label.innerText.trim().slice(0, 50))"""
    )
    return [f"quiz option cut off: {text!r}" for text in cut]


def arrow_keys_stay_in_their_group(page) -> list[str]:
    groups = page.locator(".widget-subarea .widget-radio-box:visible")
    names = groups.evaluate_all(
        """(boxes) => boxes.map((box) =>
               [...new Set([...box.querySelectorAll("input[type=radio]")].map((i) => i.name))])"""
    )
    problems = []
    flat = [group[0] for group in names if len(group) == 1 and group[0]]
    if len(flat) != len(names) or len(set(flat)) != len(flat):
        problems.append(f"radio groups: each group needs a name of its own, found {names}")
    for index in range(groups.count()):
        group = groups.nth(index)
        last = group.locator("input[type=radio]").last
        last.focus()
        page.keyboard.press("ArrowDown")
        inside = group.evaluate("(box) => box.contains(document.activeElement)")
        if not inside:
            left_to = page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
            problems.append(f"arrow keys: ArrowDown left radio group {index + 1} for {left_to}")
    return problems


_CHART_TEXT = """() => [...document.querySelectorAll(".bd-article img")]
    .filter((img) => img.offsetParent !== null && img.clientWidth > 100)
    .map((img) => {
        const picture = img.parentElement.tagName === "PICTURE" ? img.parentElement : null;
        // srcset as written: a data URL, or a file's address relative to the page
        const source = picture && [...picture.querySelectorAll("source")]
            .find((s) => new URL(s.srcset, location.href).href === img.currentSrc);
        const px = (source || img).getAttribute("data-text-px");
        return { alt: (img.alt || img.src).slice(0, 50), px: px === null ? null : Number(px),
                 scale: img.clientWidth / img.naturalWidth };
    })"""


def chart_text(page) -> list[str]:
    # A chart inside a widget is a file fetched when its pane shows and is scrolled near
    # (book/_ext/chart_files.py): scroll to each, as a reader does, and let it arrive.
    shown = page.locator(".bd-article img[loading=lazy]:visible")
    for index in range(shown.count()):
        shown.nth(index).scroll_into_view_if_needed()
    page.wait_for_function(
        """() => [...document.querySelectorAll(".bd-article img")]
               .filter((img) => img.offsetParent !== null).every((img) => img.complete)"""
    )
    problems = []
    for chart in page.evaluate(_CHART_TEXT):
        if chart["px"] is None:
            problems.append(f"chart text: no data-text-px on {chart['alt']!r}")
        elif chart["px"] * chart["scale"] < MIN_CHART_TEXT_PX:
            shown = chart["px"] * chart["scale"]
            problems.append(f"chart text: {shown:.1f} CSS px in {chart['alt']!r}")
    return problems


def widget_text_size(page) -> list[str]:
    small = page.evaluate(
        """(ratio) => {
            const article = document.querySelector(".bd-article") || document.body;
            const body = parseFloat(getComputedStyle(article).fontSize);
            const found = [];
            for (const el of document.querySelectorAll(".widget-subarea *")) {
                if (el.offsetParent === null || el.closest("sup, sub")) continue;
                const own = [...el.childNodes].some(
                    (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
                const size = parseFloat(getComputedStyle(el).fontSize);
                if (own && size < body * ratio) {
                    found.push(`${size.toFixed(1)} px beside ${body} px: `
                               + JSON.stringify(el.textContent.trim().slice(0, 40)));
                }
            }
            return found.slice(0, 5);
        }""",
        MIN_WIDGET_TEXT_RATIO,
    )
    return [f"widget text: {line}" for line in small]


def _explanation_after(trigger) -> bool:
    """Whether an explanation is shown right after ``trigger`` (an element handle)."""
    return trigger.evaluate(
        """(el) => {
            const box = el.nextElementSibling;
            if (!box || !box.classList.contains("medialit-explanation")) return false;
            const rect = box.getBoundingClientRect();
            return box.innerText.trim().length > 10 && rect.width > 0
                && rect.right <= document.documentElement.clientWidth + 1;
        }"""
    )


def explanations_open(page, *, touch: bool) -> list[str]:
    problems = []
    for kind, selector, key in (
        ("citation", "a.ledger-ref", "Enter"),
        ("highlighted word", ".widget-subarea mark[title]", " "),
    ):
        triggers = page.locator(f"{selector}:visible")
        if not triggers.count():
            continue
        trigger = triggers.first.element_handle()
        url = page.url
        if touch:
            trigger.tap()
        else:
            trigger.click()
        page.wait_for_timeout(50)
        if page.url != url:
            return [*problems, f"explanation: a {kind} leads away without explaining itself"]
        if not _explanation_after(trigger):
            action = "tapping" if touch else "clicking"
            problems.append(f"explanation: {action} a {kind} shows none")
        page.keyboard.press("Escape")
        trigger.focus()
        page.keyboard.press(key)
        page.wait_for_timeout(50)
        if page.url != url:
            return [*problems, f"explanation: {key!r} on a {kind} leads away unexplained"]
        if not _explanation_after(trigger):
            problems.append(f"explanation: the keyboard ({key!r}) opens none on a {kind}")
        page.keyboard.press("Escape")
        if page.locator(".medialit-explanation").count():
            problems.append(f"explanation: Escape does not close the {kind}'s")
    return problems


def _centre_luminance(element) -> float:
    image = Image.open(io.BytesIO(element.screenshot())).convert("L")
    width, height = image.size
    return image.getpixel((width // 2, height // 2)) / 255


_BACKGROUND_BEHIND = """(el) => {
    for (let box = el.parentElement; box; box = box.parentElement) {
        const colour = getComputedStyle(box).backgroundColor;
        const rgba = colour.match(/[\\d.]+/g).map(Number);
        if (rgba.length === 3 || rgba[3] > 0) {
            return (0.299 * rgba[0] + 0.587 * rgba[1] + 0.114 * rgba[2]) / 255;
        }
    }
    return 1;
}"""


def radios_drawn_for_the_scheme(page) -> list[str]:
    """An unselected radio looks like the panel behind it; a selected one does not."""
    problems = []
    unchecked = page.locator(".widget-subarea input[type=radio]:not(:checked):visible").first
    if unchecked.count():
        behind = unchecked.evaluate(_BACKGROUND_BEHIND)
        if abs(_centre_luminance(unchecked) - behind) > 0.3:
            problems.append("radio: an unselected radio button looks filled")
    checked = page.locator(".widget-subarea input[type=radio]:checked:visible").first
    if checked.count():
        behind = checked.evaluate(_BACKGROUND_BEHIND)
        if abs(_centre_luminance(checked) - behind) < 0.2:
            problems.append("radio: the selected radio button looks like an empty one")
    return problems


def test_a_citation_leads_to_its_ledger_entry_shown_whole_and_marked(book_page):
    """On a phone: tap a citation, follow its explanation's link, land on the marked entry."""
    page, watch = open_on(book_page, "attribution", "phone", "light")
    citation = page.locator("a.ledger-ref:visible").first
    ledger_id = citation.inner_text().strip()
    citation.tap()
    page.locator(".medialit-explanation a").tap()
    page.wait_for_url(f"**/data-and-sources.html#ledger-{ledger_id.lower()}")
    page.wait_for_timeout(300)
    entry = page.evaluate(
        """() => {
            const row = document.querySelector(":target");
            const rect = row.getBoundingClientRect();
            const header = document.querySelector(".bd-header-article").getBoundingClientRect();
            return { top: rect.top, bottom: rect.bottom, right: rect.right,
                     headerBottom: header.bottom, width: innerWidth, height: innerHeight,
                     outline: getComputedStyle(row).outlineStyle, text: row.innerText };
        }"""
    )
    assert ledger_id in entry["text"]
    assert entry["outline"] != "none", "the cited entry is not marked"
    assert entry["top"] >= entry["headerBottom"] - 1, "the entry hides under the header"
    assert entry["right"] <= entry["width"] + 1, "the entry runs off the screen"
    assert entry["bottom"] <= entry["height"], "the entry does not fit on the screen"
    assert watch.problems() == []
