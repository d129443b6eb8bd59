"""Charts that compare the outlets, one function per chart, each returning a Figure.

Every chart uses the same colour-blind-safe palette (Okabe and Ito) and one style
(:mod:`~medialit.charts.style`), sized to be read at book width and on a projector, and laid
out a second time for a phone. Each returned figure carries ``alt_text``, a sentence that
states what the chart shows; :func:`to_html` (:mod:`~medialit.charts.export`) renders it as a
``<picture>`` with that alt text, and in a notebook the figure displays itself that way.

The charts, by what they show:

* :mod:`~medialit.charts.comparison`: one quantity, what each outlet reports against the
  reference values over time (:func:`figure_comparison`);
* :mod:`~medialit.charts.ledger`: every quantity and outlet at a glance
  (:func:`figure_ledger_chart`);
* :mod:`~medialit.charts.words`: what each outlet calls the people (:func:`labels_chart`);
* :mod:`~medialit.charts.profiles`: who the claims come from (:func:`attribution_chart`) and
  how loaded the words are (:func:`loaded_language_chart`);
* :mod:`~medialit.charts.context`: the articles among the events (:func:`timeline`) and the
  places they name (:func:`kazakhstan_map`);
* :mod:`~medialit.charts.teaching`: honest and misleading pairs for the Numbers and charts page;
* :mod:`~medialit.charts.pre_post`: the unit test before and after, for instructors.

:data:`CHARTS` names every chart of the case, for the tests and the book.

Examples
--------
>>> fig = figure_comparison("deaths")
>>> fig.alt_text.startswith("People killed")
True
>>> to_html(fig).startswith("<picture><source ")
True
"""

from __future__ import annotations

from medialit.charts.comparison import figure_comparison
from medialit.charts.context import kazakhstan_map, timeline
from medialit.charts.export import alt_text, text_px, to_html, to_png
from medialit.charts.ledger import figure_ledger_chart
from medialit.charts.pre_post import pre_post_chart
from medialit.charts.profiles import attribution_chart, loaded_language_chart
from medialit.charts.style import (
    CATEGORY_COLOURS,
    GREY,
    LIGHT_GREY,
    MIN_TEXT_CSS_PX,
    OKABE_ITO,
    OUTLET_COLOURS,
    PALETTE,
    PHONE_DPI,
    PHONE_MEDIA,
    PHONE_WIDTH,
    SOURCE_TYPE_COLOURS,
    STATUS_COLOURS,
    STYLE,
    WIDTH,
    ChartFigure,
    chart_style,
    is_narrow,
    new_figure,
    outlet_colour,
    responsive,
)
from medialit.charts.teaching import (
    detained_chart,
    loaded_terms_totals_chart,
    official_toll_chart,
    official_toll_values,
    truncated_floor,
)
from medialit.charts.words import labels_chart

__all__ = [
    "CATEGORY_COLOURS",
    "CHARTS",
    "GREY",
    "LIGHT_GREY",
    "MIN_TEXT_CSS_PX",
    "OKABE_ITO",
    "OUTLET_COLOURS",
    "PALETTE",
    "PHONE_DPI",
    "PHONE_MEDIA",
    "PHONE_WIDTH",
    "SOURCE_TYPE_COLOURS",
    "STATUS_COLOURS",
    "STYLE",
    "WIDTH",
    "ChartFigure",
    "alt_text",
    "attribution_chart",
    "chart_style",
    "detained_chart",
    "figure_comparison",
    "figure_ledger_chart",
    "is_narrow",
    "kazakhstan_map",
    "labels_chart",
    "loaded_language_chart",
    "loaded_terms_totals_chart",
    "new_figure",
    "official_toll_chart",
    "official_toll_values",
    "outlet_colour",
    "pre_post_chart",
    "responsive",
    "text_px",
    "timeline",
    "to_html",
    "to_png",
    "truncated_floor",
]

# Every chart of the case, by name; the teaching pairs in both versions.
CHARTS = {
    "figure_ledger": figure_ledger_chart,
    "labels": labels_chart,
    "attribution": attribution_chart,
    "loaded_language": loaded_language_chart,
    "timeline": timeline,
    "kazakhstan_map": kazakhstan_map,
    "official_toll_honest": official_toll_chart,
    "official_toll_misleading": lambda: official_toll_chart(misleading=True),
    "detained_honest": detained_chart,
    "detained_misleading": lambda: detained_chart(misleading=True),
    "loaded_terms_honest": loaded_terms_totals_chart,
    "loaded_terms_misleading": lambda: loaded_terms_totals_chart(misleading=True),
}
