"""The built book in a real browser (Debian's Chromium), served from localhost, no kernel.

Every page: loads with no console error, no uncaught exception, no failed request, no
broken image, every widget rendered, and nothing requested from another host. The widget
gallery: its controls change what is shown, and axe-core finds no serious or critical
accessibility violation.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from browser_tools import broken_images, operate_every_control, unrendered_widgets
from conftest import REPO_DIR, load_book_build
from test_book_build import toc_pages

pytestmark = pytest.mark.slow

AXE_FAILING_IMPACTS = ("serious", "critical")


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where each page's full-page screenshot goes (printed when a page test fails)."""
    return tmp_path_factory.mktemp("screenshots")


# The pages of the table of contents, and the two Sphinx makes (search results, index).
@pytest.mark.parametrize("name", [*toc_pages(), "search", "genindex"])
def test_page_loads_cleanly(book_page, screenshots: Path, name: str):
    page, watch = book_page(f"{name}.html")
    shot = screenshots / f"{name}.png"
    page.screenshot(path=shot, full_page=True)
    problems = [f"broken image: {src}" for src in broken_images(page)]
    problems += unrendered_widgets(page)
    _, dead = operate_every_control(page)
    problems += [f"dead control: {line}" for line in dead]
    problems += watch.problems()  # after operating the widgets: they must not log errors
    assert problems == [], f"{name}.html (screenshot {shot}):\n" + "\n".join(problems)


def test_gallery_has_controls_and_each_one_changes_what_is_shown(book_page):
    page, watch = book_page("widgets.html")
    operated, dead = operate_every_control(page)
    assert operated > 0, "widgets.html has no dropdown, toggle buttons or tabs to operate"
    assert dead == []
    assert watch.problems() == []


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core from the npm registry (pinned and checked like the site's JavaScript)."""
    build = load_book_build()
    root = REPO_DIR / "book" / "_build" / "test-tools"
    (folder,) = build.fetch([build.AXE_CORE], root)
    return folder / "axe.min.js"


def test_widget_gallery_has_no_serious_accessibility_violation(book_page, axe_script: Path):
    page, watch = book_page("widgets.html")
    page.add_script_tag(path=str(axe_script))  # inlined: no request leaves the page
    results = page.evaluate("""() => axe.run(document, { resultTypes: ["violations"] })""")
    failing = [
        f"{violation['impact']}: {violation['id']} ({violation['help']}) at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results["violations"]
        if violation["impact"] in AXE_FAILING_IMPACTS
    ]
    assert failing == [], "\n".join(failing)
    assert watch.problems() == []


def test_anywidget_module_loads_from_the_site(book_page):
    """The anywidget front end (for widgets with their own JavaScript) is served locally."""
    page, watch = book_page("widgets.html")
    exported = page.evaluate(
        """() => new Promise((resolve, reject) =>
               window.requirejs(["anywidget"], (module) => resolve(Object.keys(module)), reject))"""
    )
    assert {"AnyModel", "AnyView"} <= set(exported)
    assert watch.problems() == []


# --------------------------------------------------------------------------- search

STATE = re.compile(
    r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', re.S
)
MAIN = re.compile(r'<main id="main-content".*?</main>', re.S)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]{7,}", text.lower()))


def widget_only_words(site: Path, per_page: int = 1) -> dict[str, list[str]]:
    """For each page with widgets, a few long words its widgets show and no page's text has."""
    extension = _load_search_text()
    pages = {page.name: page.read_text(encoding="utf-8") for page in site.glob("*.html")}
    in_text = set().union(
        *(
            _words(extension.plain_text(m))
            for h in pages.values()
            for m in MAIN.findall(STATE.sub("", h))
        )
    )
    found = {}
    for name, page in sorted(pages.items()):
        states = STATE.findall(page)
        if not states:
            continue
        models = json.loads(states[0])["state"]
        only = sorted(_words(" ".join(extension.widget_texts(models))) - in_text)
        if only:
            found[name] = only[:: max(1, len(only) // per_page)][:per_page]
    return found


def _load_search_text():
    spec = importlib.util.spec_from_file_location(
        "search_text", REPO_DIR / "book" / "_ext" / "search_text.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_search_finds_words_shown_only_inside_widgets(book_page, book_html: Path):
    wanted = widget_only_words(book_html)
    assert wanted, "no page has widget text that its prose lacks: nothing to test"
    missing = []
    for page_name, words in wanted.items():
        for word in words:
            page, watch = book_page(f"search.html?q={word}")
            page.wait_for_function(
                "() => document.querySelector('#search-results p.search-summary')", timeout=15_000
            )
            hits = page.locator("#search-results a").evaluate_all(
                "(links) => links.map((a) => a.getAttribute('href').split(/[?#]/)[0])"
            )
            if page_name not in hits:
                missing.append(f"{word!r} (shown by a widget on {page_name}): results {hits}")
            assert watch.problems() == []
    assert missing == []
