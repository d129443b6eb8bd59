"""Shared fixtures. The book fixtures build the book once per session and serve it.

Set ``MEDIALIT_BOOK_SITE=book/_build/html`` to test an existing build instead of building
(useful while editing a widget: ``make book`` once, then rerun the browser tests).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

REPO_DIR = Path(__file__).resolve().parent.parent
BOOK_DIR = REPO_DIR / "book"
# The book's tooling modules (static_server, headless_chromium), shared with the tests.
# Appended, not prepended: book/build.py must not hide the installed `build` package.
if str(BOOK_DIR) not in sys.path:
    sys.path.append(str(BOOK_DIR))


def load_book_build() -> ModuleType:
    """Import book/build.py (a script, not part of the package)."""
    name = "medialit_book_build"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, BOOK_DIR / "build.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def book_build() -> ModuleType:
    """The book's build script as a module (fetch, build, asset pins)."""
    return load_book_build()


@pytest.fixture(scope="session")
def book_html(book_build: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: one clean build (every page executed) shared by all book tests."""
    existing = os.environ.get("MEDIALIT_BOOK_SITE")
    if existing:
        site = Path(existing).resolve()
        if not (site / "index.html").is_file():
            pytest.fail(f"MEDIALIT_BOOK_SITE={existing} holds no built book (no index.html)")
        return site
    output = tmp_path_factory.mktemp("book")
    log = output / "build.log"
    try:
        book_build.build(output, rebuild_all=True, log=log)
    except book_build.BuildError as error:
        pytest.fail(str(error), pytrace=False)
    return book_build.html_dir(output)


@pytest.fixture(scope="session")
def book_site(book_html: Path) -> Iterator[str]:
    """Base URL of the built book, served on 127.0.0.1 on a free port."""
    from static_server import serve

    with serve(book_html) as base:
        yield base


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright (never `playwright install`)."""
    from headless_chromium import ChromiumMissing, open_chromium, require_chromium

    try:
        require_chromium()
    except ChromiumMissing as error:
        pytest.fail(str(error), pytrace=False)
    with open_chromium() as browser:
        yield browser


@pytest.fixture
def book_page(chromium, book_site: str) -> Iterator[Callable]:
    """Open a page of the book: ``page, watch = book_page("widgets.html")``.

    Each call gets a fresh browser context whose requests off localhost are aborted and
    recorded; ``watch`` collects console errors and warnings, exceptions and failed requests.
    The page is returned once loaded and its widgets rendered. Keywords choose the reader's
    screen: ``viewport=(390, 844), touch=True`` is a phone; ``color_scheme="dark"`` is the
    operating system's dark setting.
    """
    from browser_tools import PageWatch, guard_network, unrendered_widgets, wait_for_widgets
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    contexts = []

    def open_page(
        path: str,
        *,
        viewport: tuple[int, int] = (1280, 900),
        color_scheme: str = "light",
        touch: bool = False,
    ):
        watch = PageWatch()
        context = chromium.new_context(
            viewport={"width": viewport[0], "height": viewport[1]},
            color_scheme=color_scheme,
            has_touch=touch,
            is_mobile=touch,
        )
        contexts.append(context)
        guard_network(context, watch)
        page = context.new_page()
        watch.attach(page)
        page.goto(book_site + path, wait_until="load")
        try:
            wait_for_widgets(page)
        except PlaywrightTimeout:
            problems = unrendered_widgets(page) + watch.problems()
            pytest.fail(f"{path}: widgets did not render:\n" + "\n".join(problems))
        return page, watch

    yield open_page
    for context in contexts:
        context.close()
