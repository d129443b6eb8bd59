"""Sphinx extension: the search finds what the widgets show, and its snippets keep cells apart.

- A widget's text (its HTML panes, its menus' choices and labels) lives in the page's widget
  state, not in the page's text, so Sphinx's search index never saw it: a word that appears
  only in an explorer (an article's sentence, a quantity's name) found nothing. Each page's
  doctree gets that text in a node the search indexer reads and the HTML writer skips.
  A quiz's feedback (a stack that shows nothing until an answer is chosen) is left out, so a
  search cannot give the answers away.
- Search snippets are the page's text content, in which table cells written without
  whitespace between them ("…</td><td>…") ran together ("IdFact or figureValue"): a line
  break now separates every cell.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from docutils import nodes

STATE_KEY = "ipywidgets_state"  # myst-nb's name for the page's embedded widget state
SELECTIONS = ("DropdownModel", "RadioButtonsModel", "ToggleButtonsModel", "SelectModel")
TAGS = re.compile(r"<[^>]+>")
STYLE = re.compile(r"<(style|script)\b.*?</\1>", re.S | re.I)
ADJACENT_CELLS = re.compile(r"</(td|th)>(<t[dh][\s>])")


class widget_text(nodes.General, nodes.Element):  # docutils names nodes in lower case
    """The text of a page's widgets: indexed for search, never rendered."""


def skip(translator, node) -> None:
    raise nodes.SkipNode


def plain_text(fragment: str) -> str:
    """The text of an HTML fragment, styles and tags removed.

    >>> plain_text("<style>p{}</style><p>Dozens <mark>died</mark></p>")
    'Dozens died'
    """
    return " ".join(html.unescape(TAGS.sub(" ", STYLE.sub(" ", fragment))).split())


def widget_texts(models: dict[str, Any]) -> list[str]:
    """What the widgets can show: HTML panes, menu labels and choices; no quiz feedback.

    Examples
    --------
    >>> models = {
    ...     "a": {"model_name": "HTMLModel", "state": {"value": "<b>Almaty</b> airport"}},
    ...     "q": {"model_name": "StackModel",
    ...           "state": {"selected_index": None, "children": ["IPY_MODEL_f"]}},
    ...     "f": {"model_name": "HTMLModel", "state": {"value": "Right. The answer"}},
    ...     "d": {"model_name": "DropdownModel",
    ...           "state": {"description": "Quantity", "_options_labels": ["Deaths"]}},
    ... }
    >>> widget_texts(models)
    ['Almaty airport', 'Quantity', 'Deaths']
    """
    hidden = {
        child.removeprefix("IPY_MODEL_")
        for model in models.values()
        if model["model_name"] == "StackModel" and model["state"].get("selected_index") is None
        for child in model["state"].get("children", [])
    }
    texts = []
    for model_id, model in models.items():
        state = model["state"]
        if model_id in hidden:
            continue
        if model["model_name"] in ("HTMLModel", "HTMLMathModel", "LabelModel"):
            texts.append(plain_text(state.get("value", "")))
        elif model["model_name"] in SELECTIONS:
            texts += [state.get("description", ""), *state.get("_options_labels", [])]
    return [text for text in texts if text]


def add_widget_text(app, doctree: nodes.document, docname: str) -> None:
    """Give the page's doctree its widgets' text (the search indexer reads the doctree)."""
    from myst_nb.sphinx_ import NbMetadataCollector

    entry = NbMetadataCollector.get_js_files(app.env, docname).get(STATE_KEY)
    if entry is None:
        return
    models = json.loads(entry[1]["body"])["state"]
    node = widget_text()
    node += nodes.Text("\n".join(widget_texts(models)))
    doctree += node


def separate_cells(body: str) -> str:
    """A line break between adjacent table cells (invisible in the page, kept in snippets).

    >>> separate_cells("<tr><td>DT-08</td><td>238</td></tr>")
    '<tr><td>DT-08</td>\\n<td>238</td></tr>'
    """
    return ADJACENT_CELLS.sub(r"</\1>\n\2", body)


def separate_page_cells(app, pagename, templatename, context, doctree) -> None:
    if isinstance(context.get("body"), str):
        context["body"] = separate_cells(context["body"])


def setup(app) -> dict[str, Any]:
    app.add_node(widget_text, html=(skip, None), latex=(skip, None), text=(skip, None))
    app.connect("doctree-resolved", add_widget_text)
    app.connect("html-page-context", separate_page_cells)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
