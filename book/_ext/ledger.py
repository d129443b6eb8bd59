"""Cite the reference ledger in the book, and print it.

- The role ``{ledger}`DT-08``` (or ``{ledger}`DT-03, DT-08```) renders as ``[DT-08]``, a link to
  that entry on the Data and sources page, with the source, date and confidence as a tooltip.
  An entry of medium or low confidence says so in the citation itself, ``[OU-06 · medium]``,
  so a reader sees how much weight the sentence can bear (the prose around it hedges too:
  ``medialit.editorial.unhedged_citations`` checks it). An id that is not in
  ``seeds/references.yaml`` is an error, so a ``-W`` build fails on a bad citation.
- The directive ``{ledger-table}`` prints every ledger entry with an anchor per id.

Both read the references through :func:`medialit.corpus.load_references`, the same data the
charts and checks use.
"""

from __future__ import annotations

import html

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.application import Sphinx

from medialit.corpus import load_references

LEDGER_PAGE = "data-and-sources"


def anchor(ref_id: str) -> str:
    """The HTML id of a ledger entry: ``DT-08`` -> ``ledger-dt-08``."""
    return f"ledger-{ref_id.lower()}"


def ledger_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    entries = load_references().entries
    ids = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [i for i in ids if i not in entries]
    if not ids or unknown:
        message = inliner.reporter.error(
            f"ledger: unknown reference id(s) {unknown or text!r}; see seeds/references.yaml",
            line=lineno,
        )
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    result: list[nodes.Node] = [nodes.Text("[")]
    for n, ref_id in enumerate(ids):
        entry = entries[ref_id]
        link = nodes.reference(
            rawtext,
            citation_text(ref_id, entry.confidence),
            refuri="#",
            classes=["ledger-ref", f"ledger-{entry.confidence}"],
            reftitle=_tooltip(entry),
        )
        link["ledger_id"] = ref_id
        if n:
            result.append(nodes.Text(", "))
        result.append(link)
    result.append(nodes.Text("]"))
    return result, []


def citation_text(ref_id: str, confidence: str) -> str:
    """What a citation shows: the id, and the confidence when it is not high.

    >>> citation_text("DT-08", "high"), citation_text("OU-06", "medium")
    ('DT-08', 'OU-06 · medium')
    """
    return ref_id if confidence == "high" else f"{ref_id} · {confidence}"


def _tooltip(entry) -> str:
    return f"{entry.source}, {entry.source_date}: {entry.fact} ({entry.confidence} confidence)"


class LedgerTable(Directive):
    """Every ledger entry: id, fact, value, date, source, confidence, link."""

    has_content = False

    def run(self):
        rows = []
        for entry in load_references().entries.values():
            source = html.escape(entry.source)
            # Entries for searches that found nothing have no URL ("n/a"): no link to follow.
            if entry.url.startswith(("https://", "http://")):
                source = f'<a href="{html.escape(entry.url)}">{source}</a>'
            rows.append(
                f'<tr id="{anchor(entry.id)}"><td><strong>{entry.id}</strong></td>'
                f"<td>{html.escape(entry.fact)}</td><td>{html.escape(entry.value)}</td>"
                f"<td>{html.escape(entry.as_of)}</td>"
                f"<td>{source}, {html.escape(entry.source_date)}</td>"
                f"<td>{entry.confidence}</td></tr>"
            )
        table = (
            '<div class="ledger-table"><table class="table">'
            "<thead><tr><th>Id</th><th>Fact or figure</th><th>Value</th><th>As of</th>"
            "<th>Source, date</th><th>Confidence</th></tr></thead><tbody>"
            + "".join(rows)
            + "</tbody></table></div>"
        )
        return [nodes.raw("", table, format="html")]


def resolve_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Point every ledger link at the Data and sources page, relative to this page."""
    if LEDGER_PAGE not in app.env.all_docs:
        return
    base = "" if docname == LEDGER_PAGE else app.builder.get_relative_uri(docname, LEDGER_PAGE)
    for link in doctree.findall(nodes.reference):
        if "ledger_id" in link:
            link["refuri"] = f"{base}#{anchor(link['ledger_id'])}"


def setup(app: Sphinx):
    app.add_role("ledger", ledger_role)
    app.add_directive("ledger-table", LedgerTable)
    app.connect("doctree-resolved", resolve_links)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
