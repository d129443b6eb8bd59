"""The main text of a web page saved from a browser.

Students bring articles as pages saved from a browser ("Save page as", HTML only or complete).
The article's text sits among menus, related links, comments and scripts; taking it out by
hand-written rules would break on the next site. :func:`main_text` uses trafilatura, a maintained
library built for exactly this, which the ``html`` extra installs (``pip install
"medialit[html]"``); the base install stays light, and without it the error says how to add it.

Examples
--------
>>> looks_like_html("page.HTML", "")
True
>>> looks_like_html("-", "  <!DOCTYPE html><html><body>...")
True
>>> looks_like_html("notes.txt", "Police said 12 were hurt.")
False
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

__all__ = ["WebPageError", "looks_like_html", "main_text"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
# The start of an HTML document, after any byte-order mark, blank lines and comments.
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
INSTALL_HINT = 'pip install "medialit[html]"'
MIN_WORDS = 12  # fewer words than a sentence or two: menus and footers, not an article


class WebPageError(ValueError):
    """A page the command cannot take a text from; the message names the file and the fix."""


def looks_like_html(name: str, text: str) -> bool:
    """Is this a web page: an .html name, or text that starts like an HTML document?"""
    return Path(name).suffix.lower() in HTML_SUFFIXES or bool(_HTML_START.match(text[:2000]))


def main_text(name: str, page: str) -> str:
    """The article's text in a saved page: title and paragraphs, without menus or comments.

    Parameters
    ----------
    name : str
        The file name, for messages.
    page : str
        The page's HTML.

    Raises
    ------
    WebPageError
        When trafilatura is not installed (the message says how to install it), or when the
        page holds no article text.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # its optional speed-ups warn when absent
            import trafilatura
    except ImportError:
        raise WebPageError(
            f"{name}: is a web page; reading one needs the html extra: {INSTALL_HINT} "
            "(or save the article as plain text)"
        ) from None
    text = trafilatura.extract(page, include_comments=False, include_tables=False)
    if not text or len(text.split()) < MIN_WORDS:
        raise WebPageError(
            f"{name}: no article text found in this page; save the article itself "
            "(or copy its text into a .txt file)"
        )
    return text.strip() + "\n"
