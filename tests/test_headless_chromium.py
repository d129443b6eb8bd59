"""book/headless_chromium.py: one Chromium, one set of flags, a clear error when it is missing."""

from __future__ import annotations

from urllib.parse import urlsplit

import headless_chromium
import pytest
from static_server import serve


def test_a_missing_chromium_is_named_before_playwright_starts(monkeypatch, tmp_path):
    absent = str(tmp_path / "no-chromium")
    monkeypatch.setattr(headless_chromium, "CHROMIUM", absent)
    with (
        pytest.raises(
            headless_chromium.ChromiumMissing, match=r"no-chromium is missing.*make browser"
        ),
        headless_chromium.open_chromium(),
    ):
        pass


@pytest.mark.slow
def test_extra_flags_reach_the_browser(chromium, tmp_path):
    """A resolver rule passed as an extra flag sends a made-up host name to this machine."""
    (tmp_path / "page.html").write_text("<p>served here</p>", encoding="utf-8")
    rule = "--host-resolver-rules=MAP medialit.test 127.0.0.1"
    browser = headless_chromium.launch(chromium.browser_type, rule)
    try:
        with serve(tmp_path) as base:
            page = browser.new_page()
            page.goto(f"http://medialit.test:{urlsplit(base).port}/page.html")
            assert page.inner_text("p") == "served here"
    finally:
        browser.close()
