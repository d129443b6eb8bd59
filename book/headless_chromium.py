"""Debian's Chromium, started headless through Playwright (never ``playwright install``).

The handouts, the browser tests and the benchmarks all start it here, with the same flags::

    with open_chromium() as browser:                 # starts Playwright, closes both after
        page = browser.new_page()

    browser = launch(playwright.chromium, "--host-resolver-rules=...")   # a Playwright of yours

The book's tooling runs as scripts from ``book/``, which puts this folder on ``sys.path``; the
tests (``tests/conftest.py``) and the benchmarks add it themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserType

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",  # Chromium refuses to start as root (as in the test container) sandboxed
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Nothing but the pages asked for: no updates, no sync, no pings to Google.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


class ChromiumMissing(RuntimeError):
    """Debian's Chromium is not installed; the message says how to install it."""


def require_chromium() -> None:
    """Raise :class:`ChromiumMissing` when :data:`CHROMIUM` is not installed."""
    if not Path(CHROMIUM).exists():
        raise ChromiumMissing(
            f"{CHROMIUM} is missing: install Debian's chromium package (make browser)"
        )


def launch(browser_type: BrowserType, *extra_flags: str) -> Browser:
    """Start :data:`CHROMIUM` with :data:`CHROMIUM_FLAGS` (and ``extra_flags``) from a Playwright.

    ``browser_type`` is ``playwright.chromium`` of a running Playwright; the caller closes the
    browser.
    """
    require_chromium()
    return browser_type.launch(executable_path=CHROMIUM, args=[*CHROMIUM_FLAGS, *extra_flags])


@contextmanager
def open_chromium(*extra_flags: str) -> Iterator[Browser]:
    """Start Playwright and :data:`CHROMIUM` for a ``with`` block; both stop when it ends."""
    from playwright.sync_api import sync_playwright

    require_chromium()  # before Playwright starts, so the error is the only thing that happens
    with sync_playwright() as playwright:
        browser = launch(playwright.chromium, *extra_flags)
        try:
            yield browser
        finally:
            browser.close()
