"""The one look of every chart: palette, type sizes, the figure class and the phone layout.

Every chart uses the same colour-blind-safe palette (Okabe and Ito) and one style, sized to be
read at book width and on a projector. Each chart is also laid out a second time for a phone
(:data:`PHONE_WIDTH`, narrower panels, wrapped labels): a chart function decorated with
:func:`responsive` takes a ``width`` and its figures carry a ``phone_layout``.

The figures are built with :class:`matplotlib.figure.Figure`, not pyplot, so a lesson page
shows a chart only where it asks to, and no figure is left open.
"""

from __future__ import annotations

import contextlib
import functools
import textwrap
from collections.abc import Callable

import matplotlib as mpl
from matplotlib.figure import Figure

from medialit.corpus import Article
from medialit.formatting import format_date
from medialit.marking import (  # the charts use them, and other modules find them here
    CATEGORY_COLOURS,
    GREY,
    OKABE_ITO,
    PALETTE,
    SOURCE_TYPE_COLOURS,
)

__all__ = [
    "CATEGORY_COLOURS",
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
    "bar_label",
    "chart_style",
    "fit_width",
    "is_narrow",
    "new_figure",
    "outlet_colour",
    "outlet_label",
    "responsive",
    "short_label",
    "wrap",
]

# The Okabe-Ito palette and the colours of source types and term categories are defined once,
# in medialit.marking, for the charts, the widgets and the analysis report alike.
LIGHT_GREY = "#DDDDDD"
# One colour per outlet, in catalog order; a sixth article takes the next colour.
OUTLET_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
STATUS_COLOURS = {
    "current": OKABE_ITO["black"],
    "interim": GREY,
    "retracted": OKABE_ITO["vermillion"],
    "context": OKABE_ITO["sky blue"],
    "claim": OKABE_ITO["reddish purple"],
}

WIDTH = 9.0  # inches: about book width at 100 dpi, fonts stay legible when scaled down
# The phone layout: 4 inches at 90 dpi is a 360 px image, about the text column of a phone
# 390 px wide, so it is shown at nearly its own size. Screens up to PHONE_MEDIA get it.
PHONE_WIDTH = 4.0
PHONE_DPI = 90
PHONE_MEDIA = "(max-width: 40rem)"
MIN_TEXT_CSS_PX = 11  # the smallest chart text a reader should meet, in CSS pixels
STYLE = {
    "font.size": 13,
    "axes.titlesize": 15,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 13,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 11,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#444444",
    "axes.grid": False,
    "grid.color": LIGHT_GREY,
    "grid.linewidth": 0.8,
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "font.family": "DejaVu Sans",
}


@contextlib.contextmanager
def chart_style():
    """The one style of every chart (a ``matplotlib.rc_context``); use it around custom plots.

    >>> with chart_style():
    ...     mpl.rcParams["font.size"]
    13.0
    """
    with mpl.rc_context(STYLE):
        yield


class ChartFigure(Figure):
    """A Figure that knows its alt text and shows itself in notebooks as ``<img alt=...>``.

    ``phone_layout``, when set, builds the same chart laid out for a phone.
    """

    alt_text: str = ""
    phone_layout: Callable[[], ChartFigure] | None = None

    def _repr_html_(self) -> str:
        from medialit.charts.export import to_html  # export draws figures of this class

        return to_html(self)


def new_figure(
    height: float, width: float = WIDTH, layout: str | None = "constrained"
) -> ChartFigure:
    """An empty figure in the house style (call inside :func:`chart_style`).

    ``layout=None`` for a chart that places its parts itself, in inches.
    """
    return ChartFigure(figsize=(width, height), layout=layout)


def is_narrow(width: float) -> bool:
    """Whether a chart of this width (inches) is laid out for a phone.

    >>> is_narrow(PHONE_WIDTH), is_narrow(WIDTH)
    (True, False)
    """
    return width < 6


def responsive(chart: Callable[..., ChartFigure]) -> Callable[..., ChartFigure]:
    """Give a chart function's figures a ``phone_layout``: the same call with the phone width.

    The chart function takes a ``width`` keyword (inches) and lays itself out for it.
    """

    @functools.wraps(chart)
    def build(*args, width: float = WIDTH, **kwargs) -> ChartFigure:
        fig = chart(*args, width=width, **kwargs)
        if not is_narrow(width):
            fig.phone_layout = functools.partial(chart, *args, width=PHONE_WIDTH, **kwargs)
        return fig

    return build


def outlet_colour(index: int) -> str:
    """The colour of the article at position ``index`` in the catalog."""
    return OUTLET_COLOURS[index % len(OUTLET_COLOURS)]


def outlet_label(article: Article) -> str:
    """Outlet name and publication date on two lines."""
    return f"{article.outlet_short}\n{format_date(article.published, year=False, short=True)}"


def bar_label(article: Article, narrow: bool) -> str:
    """An outlet's label beside a horizontal bar: on one line, or wrapped for a phone."""
    return short_label(article) if narrow else outlet_label(article).replace("\n", ", ")


def short_label(article: Article) -> str:
    """Outlet name wrapped to fit a narrow column, with the publication date."""
    day = format_date(article.published, year=False, short=True)
    return f"{wrap(article.outlet_short, 10)}\n{day}"


def fit_width(fig: Figure, text: mpl.text.Text, margin_px: float = 4) -> None:
    """Wrap a text (a title) on fewer characters a line until it ends inside the figure.

    A title starts where its axes start, after the tick labels, so how much room it has is
    known only once the figure is laid out: the figure is laid out again after each try.

    >>> with chart_style():
    ...     fig = new_figure(2, 3)
    ...     title = fig.subplots().set_title("A title far too long for a figure this narrow")
    ...     fit_width(fig, title)
    >>> print(title.get_text())
    A title far too long for
    a figure this narrow
    """
    words = " ".join(text.get_text().split())
    tried = None
    for columns in range(len(words), 7, -1):
        lines = wrap(words, columns)
        if lines == tried:
            continue  # the same lines as the last try: nothing to lay out again
        tried = lines
        text.set_text(lines)
        fig.draw_without_rendering()
        box = text.get_window_extent(fig._get_renderer())
        if box.x1 <= fig.bbox.x1 - margin_px and box.x0 >= margin_px:
            return


def wrap(text: str, width: int) -> str:
    """Lines of at most ``width`` characters, words kept whole.

    >>> print(wrap("Revolution Report", 8))
    Revolution
    Report
    """
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text
