"""Sphinx extension: the charts inside a page's widget state become image files, loaded lazily.

An explorer that shows one chart at a time (``FigureComparer``: a chart per quantity, each
with its phone layout) holds every chart in the widget state as a PNG data URL: on the
numeric-verification chapter, its worksheet and the gallery, 40 PNGs, 0.75 MB of base64 that a
phone downloaded before any widget of the page worked. Here each becomes a file in
``_images/`` named by its content, and its ``<img>`` is marked ``loading="lazy"``: the browser
fetches the chart of the pane on show, and another when the reader picks it. The state keeps
the rest (text, tables, the phone layout's ``<source>``); a chart outside the widget state
(the page's own ``<img>``) is left alone.

Printing builds its copy of every pane from the same state (``reader.js``), whose charts are
then fetched at once (``loading="eager"``); ``handouts.py`` waits for them before printing.

It runs after ``fast_pages`` has moved the state to ``context["widget_state_script"]``.
"""

from __future__ import annotations

import base64
import hashlib
import re
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

IMAGE_FOLDER = "_images"
# A chart's address in the state: an attribute inside a JSON string, its quotes escaped.
DATA_PNG = re.compile(r'(src|srcset)=\\"data:image/png;base64,([A-Za-z0-9+/]+={0,2})\\"')
CHART_IMG = re.compile(r'<img (?=src=\\"data:image/png;base64,)')
LAZY_IMG = r'<img loading=\\"lazy\\" '


def chart_file_name(png: bytes) -> str:
    """The chart's file name: the same chart on two pages is one file.

    Examples
    --------
    >>> chart_file_name(b"not really a png")
    'widget-chart-e90137d39de304ee.png'
    """
    return f"widget-chart-{hashlib.sha256(png).hexdigest()[:16]}.png"


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG, from its header.

    Examples
    --------
    >>> png_size(bytes(16) + (720).to_bytes(4, "big") + (432).to_bytes(4, "big"))
    (720, 432)
    """
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def charts_to_files(state_script: str, save: Callable[[str, bytes], str]) -> str:
    """The widget state with every PNG data URL replaced by the address ``save`` gives it.

    ``save(name, png)`` writes the file and returns its address from the page. Chart images
    are marked ``loading="lazy"`` and given their size (``width``, ``height``), so the page
    keeps their place before they arrive.

    Examples
    --------
    >>> png = bytes(16) + (720).to_bytes(4, "big") + (432).to_bytes(4, "big")
    >>> url = "data:image/png;base64," + base64.b64encode(png).decode()
    >>> state = r'{"value": "<img src=\\"URL\\" alt=\\"A chart\\">"}'.replace("URL", url)
    >>> saved = {}
    >>> def save(name, png):
    ...     saved[name] = png
    ...     return "../_images/chart.png"
    >>> print(charts_to_files(state, save))  # doctest: +NORMALIZE_WHITESPACE
    {"value": "<img loading=\\"lazy\\" src=\\"../_images/chart.png\\"
                    width=\\"720\\" height=\\"432\\" alt=\\"A chart\\">"}
    >>> list(saved.values()) == [png]
    True
    """
    lazy = CHART_IMG.sub(LAZY_IMG, state_script)

    def to_file(match: re.Match) -> str:
        attribute, png = match.group(1), base64.b64decode(match.group(2))
        width, height = png_size(png)
        address = save(chart_file_name(png), png)
        return rf'{attribute}=\"{address}\" width=\"{width}\" height=\"{height}\"'

    return DATA_PNG.sub(to_file, lazy)


def move_charts(app, pagename, templatename, context, doctree) -> None:
    """Write the charts of the page's widget state to ``_images/`` and point the state at them."""
    state = context.get("widget_state_script")
    if not state:
        return
    folder = Path(app.outdir) / IMAGE_FOLDER

    def save(name: str, png: bytes) -> str:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / name
        if not target.is_file():
            target.write_bytes(png)
        return context["pathto"](f"{IMAGE_FOLDER}/{name}", 1)

    context["widget_state_script"] = charts_to_files(state, save)


def setup(app) -> dict[str, Any]:
    # After fast_pages (priority 800) has taken the state out of the head.
    app.connect("html-page-context", move_charts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
