"""Sphinx extension: pages that paint before their heavy parts arrive.

- The widget state that myst-nb writes into the page head (a JSON script of up to 1 MB on a
  widget page) moves to the end of the body: the browser shows the text while it downloads.
  The widget manager reads it from anywhere in the page when the page has loaded.
- ``reader.js`` (what the book adds to the theme: see its comment) is added with ``defer``.

The template ``_templates/layout.html`` does the rest (no fontawesome.js, search scripts on the
search page only).
"""

from __future__ import annotations

from typing import Any

WIDGET_STATE_TYPE = "application/vnd.jupyter.widget-state+json"


def is_widget_state(script: Any) -> bool:
    """Whether a Sphinx script entry is myst-nb's embedded widget state.

    Examples
    --------
    >>> from types import SimpleNamespace as Script
    >>> is_widget_state(Script(filename=None, attributes={"type": WIDGET_STATE_TYPE, "body": "{}"}))
    True
    >>> is_widget_state(Script(filename="_static/doctools.js", attributes={}))
    False
    """
    attributes = getattr(script, "attributes", {}) or {}
    return script.filename is None and attributes.get("type") == WIDGET_STATE_TYPE


def state_tag(script: Any) -> str:
    """The ``<script>`` element for a widget state entry (its body is already escaped by myst-nb).

    Examples
    --------
    >>> from types import SimpleNamespace as Script
    >>> state_tag(Script(filename=None, attributes={"type": WIDGET_STATE_TYPE, "body": "{}"}))
    '<script type="application/vnd.jupyter.widget-state+json">{}</script>'
    """
    return f'<script type="{WIDGET_STATE_TYPE}">{script.attributes["body"]}</script>'


def move_widget_state(app, pagename, templatename, context, doctree) -> None:
    """Take the widget state out of the head's scripts; the layout writes it before </body>."""
    scripts = context.get("script_files")
    if not isinstance(scripts, list):
        return
    states = [script for script in scripts if is_widget_state(script)]
    if states:
        scripts[:] = [script for script in scripts if not is_widget_state(script)]
        context["widget_state_script"] = "\n".join(state_tag(script) for script in states)


def setup(app) -> dict[str, Any]:
    app.add_js_file("reader.js", defer="defer")
    # After myst-nb has added the page's scripts (it does so at the default priority).
    app.connect("html-page-context", move_widget_state, priority=800)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
