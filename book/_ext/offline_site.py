"""Sphinx extension: keep pages free of scripts that would reach outside the site.

Jupyter Book 1 always loads sphinx-thebe. Even with thebe switched off, it writes a
``const THEBE_JS_URL = "https://unpkg.com/..."`` script into every page, once per read
phase, so an incremental build declares the constant twice and the browser logs a
SyntaxError. The book has no thebe button (readers launch Binder or Colab instead), so this
extension drops thebe's scripts from every page.
"""

from __future__ import annotations

from typing import Any

THEBE_MARKERS = ("THEBE_JS_URL", "sphinx-thebe.js")


def is_thebe_script(script: Any) -> bool:
    """Whether a Sphinx script entry belongs to sphinx-thebe.

    Examples
    --------
    >>> from types import SimpleNamespace as Script
    >>> is_thebe_script(Script(filename=None, attributes={"body": 'const THEBE_JS_URL = "x"'}))
    True
    >>> is_thebe_script(Script(filename="_static/sphinx-thebe.js", attributes={}))
    True
    >>> is_thebe_script(Script(filename="_static/doctools.js", attributes={}))
    False
    """
    text = f"{script.filename or ''} {getattr(script, 'attributes', {}).get('body', '')}"
    return any(marker in text for marker in THEBE_MARKERS)


def drop_thebe_scripts(app, pagename, templatename, context, doctree) -> None:
    """Remove thebe's scripts from this page (Sphinx restores the list for the next page)."""
    scripts = context.get("script_files")
    if isinstance(scripts, list):
        scripts[:] = [script for script in scripts if not is_thebe_script(script)]


def setup(app) -> dict[str, Any]:
    # Late priority: run after every extension that adds scripts to the page.
    app.connect("html-page-context", drop_thebe_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
