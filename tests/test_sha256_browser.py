"""book/_assets/sha256.js hashes exactly as Python's hashlib does, in Chromium, on a plain-http
page where Web Crypto is missing (as on a school server)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import BOOK_DIR
from headless_chromium import launch
from static_server import serve

pytestmark = pytest.mark.slow

SCRIPT = BOOK_DIR / "_assets" / "sha256.js"
# A name that is not localhost, so Chromium treats the page as an insecure (plain http) origin;
# the resolver rule sends it to this machine, so no request leaves it.
SCHOOL_HOST = "school-server.test"


@pytest.fixture(scope="module")
def assets_server() -> Iterator[int]:
    with serve(SCRIPT.parent) as base:
        yield urlsplit(base).port


@pytest.fixture(scope="module")
def school_page(chromium, assets_server: int):
    """A page served over plain http from a non-local name, with sha256.js loaded.

    The resolver rule needs a browser of its own, launched from the session's Playwright
    (a second Playwright cannot start while the session's runs).
    """
    rule = f"--host-resolver-rules=MAP {SCHOOL_HOST} 127.0.0.1"
    browser = launch(chromium.browser_type, rule)
    page = browser.new_page()
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))  # not ours
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"http://{SCHOOL_HOST}:{assets_server}/book.css")
    page.add_script_tag(url=f"http://{SCHOOL_HOST}:{assets_server}/sha256.js")
    yield page
    browser.close()
    assert errors == []


def sample_texts() -> list[str]:
    """Block-boundary lengths, the FIPS examples, and seeded random text in many scripts."""
    rng = random.Random(20260101)
    alphabet = "abcXYZ019 .,;'\"\\\n\t\x00éçøßЖжΩ中文字한국어🙂👩‍🏫\u200b\ufeff"
    texts = ["", "abc", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"]
    texts += ["a" * n for n in range(0, 140)]  # 55/56/64 bytes: where the padding changes
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(300))) for _ in range(300)]
    texts.append("The answer is 42. " * 60_000)  # about 1 MB: many blocks
    return texts


def test_the_page_has_no_web_crypto(school_page):
    """The reason for sha256.js: on plain http, crypto.subtle is not there."""
    assert school_page.evaluate("window.isSecureContext") is False
    assert school_page.evaluate("typeof (window.crypto && window.crypto.subtle)") == "undefined"


def test_sha256_js_matches_hashlib_on_text(school_page):
    texts = sample_texts()
    hashed = school_page.evaluate("texts => texts.map(t => window.medialitSha256(t))", texts)
    expected = [hashlib.sha256(text.encode("utf-8")).hexdigest() for text in texts]
    mismatches = [
        repr(t[:40]) for t, got, want in zip(texts, hashed, expected, strict=True) if got != want
    ]
    assert mismatches == []
    assert len(hashed) == len(texts) > 400


def test_sha256_js_matches_hashlib_on_bytes(school_page):
    rng = random.Random(7)
    blobs = [bytes(rng.randrange(256) for _ in range(n)) for n in (0, 1, 63, 64, 65, 1000)]
    hashed = school_page.evaluate(
        "blobs => blobs.map(b => window.medialitSha256.bytes(new Uint8Array(b)))",
        [list(blob) for blob in blobs],
    )
    assert hashed == [hashlib.sha256(blob).hexdigest() for blob in blobs]


def test_the_built_site_serves_it(book_html: Path):
    served = book_html / "_static" / "sha256.js"
    assert served.read_bytes() == SCRIPT.read_bytes()
