"""Charts the kit draws twice, once honestly and once in a way that misleads.

Students say what the misleading version hides. Both versions of a pair plot the same numbers
from the ledger or the annotations; only the axis, the window or the denominator changes.
Each carries a stamp ("Teaching example, version A") so that an image lifted out of the page
cannot pass for real reporting, without telling a student which version misleads.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import matplotlib as mpl
from matplotlib.figure import Figure

from medialit.charts.style import (
    GREY,
    OKABE_ITO,
    WIDTH,
    ChartFigure,
    chart_style,
    is_narrow,
    new_figure,
    responsive,
)
from medialit.corpus import Article, References, load_corpus, load_references
from medialit.formatting import format_amount, format_date, format_number

# The official death toll as the authorities announced it on three dates (ledger ids).
OFFICIAL_TOLL_REFS = ("DT-03", "DT-04", "DT-08")


def _stamp(fig: Figure, label: str | None) -> None:
    text = "Teaching example" + (f", version {label}" if label else "")
    fig.text(0.99, 0.99, text, ha="right", va="top", fontsize=10, color=GREY, style="italic")


def official_toll_values(refs: References | None = None) -> list:
    """The ledger values of the official death toll used by :func:`official_toll_chart`.

    >>> [v.value for v in official_toll_values()]
    [225, 230, 238]
    """
    refs = load_references() if refs is None else refs
    values = [v for v in refs.quantities["deaths"].values if v.ref in OFFICIAL_TOLL_REFS]
    if len(values) != len(OFFICIAL_TOLL_REFS):
        raise ValueError(f"the deaths quantity lacks one of {OFFICIAL_TOLL_REFS}")
    return sorted(values, key=lambda v: v.as_of)


def truncated_floor(values: Sequence[float]) -> float:
    """Where a truncated axis starts: just below the smallest bar, at a round number.

    >>> truncated_floor([225, 230, 238])
    220
    """
    return 10 * math.floor((min(values) - 1) / 10)


@responsive
def official_toll_chart(
    refs: References | None = None,
    *,
    misleading: bool = False,
    label: str | None = None,
    width: float = WIDTH,
) -> ChartFigure:
    """The official death toll on three dates, as bars; misleading = the axis does not start at 0.

    Examples
    --------
    >>> honest, cut = official_toll_chart(), official_toll_chart(misleading=True)
    >>> [float(fig.axes[0].get_ylim()[0]) for fig in (honest, cut)]
    [0.0, 220.0]
    >>> "starts at 220" in cut.alt_text
    True
    """
    values = official_toll_values(refs)
    numbers = [v.value for v in values]
    narrow = is_narrow(width)
    with chart_style():
        fig = new_figure(4.6 if narrow else 4.4, width)
        ax = fig.subplots()
        labels = [f"{v.as_of:%d %b %Y}" for v in values]
        bars = ax.bar(range(len(values)), numbers, color=OKABE_ITO["blue"], width=0.6)
        ax.bar_label(bars, [format_number(n) for n in numbers], padding=3, fontsize=12)
        ax.set_xticks(range(len(values)), labels)
        bottom = truncated_floor(numbers) if misleading else 0
        ax.set_ylim(bottom, max(numbers) + (3 if misleading else max(numbers) * 0.15))
        ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda x, _: format_number(x)))
        ax.set_ylabel("people killed")
        ax.set_title(
            "The official death toll" if narrow else "The official death toll, as announced"
        )
        _stamp(fig, label)
    axis = (
        f"The vertical axis starts at {format_number(bottom)}."
        if misleading
        else ("The vertical axis starts at zero.")
    )
    fig.alt_text = (
        "Bar chart of the official death toll as announced on three dates: "
        + "; ".join(f"{t}: {format_number(n)}" for t, n in zip(labels, numbers, strict=True))
        + f". {axis}"
    )
    return fig


@responsive
def detained_chart(
    refs: References | None = None,
    *,
    misleading: bool = False,
    label: str | None = None,
    width: float = WIDTH,
) -> ChartFigure:
    """Cumulative totals of people detained, by date announced; misleading = only the first days.

    Examples
    --------
    >>> full, window = detained_chart(), detained_chart(misleading=True)
    >>> len(full.axes[0].lines[0].get_xdata()), len(window.axes[0].lines[0].get_xdata())
    (3, 3)
    >>> "more than 10,000" in full.alt_text and "more than 10,000" not in window.alt_text
    True
    """
    refs = load_references() if refs is None else refs
    quantity = refs.quantities["detained"]
    exact = [v for v in quantity.values if v.value is not None]
    later = [v for v in quantity.values if v.value is None and v.low is not None]
    shown_later = [] if misleading else later
    narrow = is_narrow(width)
    with chart_style():
        fig = new_figure(4.6, width)
        ax = fig.subplots()
        days = [v.as_of for v in exact]
        ax.plot(days, [v.value for v in exact], "o-", color=OKABE_ITO["vermillion"], lw=2.2, ms=7)
        for v in exact:
            ax.annotate(
                format_number(v.value),
                (v.as_of, v.value),
                xytext=(8, -4),
                textcoords="offset points",
                ha="left",
                va="top",
                fontsize=11,
            )
        for v in shown_later:
            ax.plot([v.as_of], [v.low], "^", color=OKABE_ITO["vermillion"], ms=9, mfc="white")
            ax.annotate(
                format_amount(v.value, v.low, v.high, v.qualifier),
                (v.as_of, v.low),
                xytext=(0, -18),
                textcoords="offset points",
                ha="center",
                fontsize=11,
            )
        tops = [v.value for v in exact] + [v.low for v in shown_later]
        ax.set_ylim(0, max(tops) * 1.2)
        ax.yaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda x, _: format_number(x)))
        if misleading:
            ax.set_xlim(days[0] - dt.timedelta(days=1), days[-1] + dt.timedelta(days=1))
            ax.xaxis.set_major_locator(mpl.dates.DayLocator())
            ax.xaxis.set_major_formatter(mpl.dates.DateFormatter("%d %b"))
        else:
            ax.xaxis.set_major_locator(mpl.dates.MonthLocator(bymonth=(1, 4, 7, 10)))
            ax.xaxis.set_major_formatter(mpl.dates.DateFormatter("%b %Y"))
        ax.tick_params(axis="x", labelsize=10.5 if narrow else 11.5)
        ax.set_ylabel("people detained (running total)")
        ax.set_title("People detained" if narrow else "People detained, as announced")
        _stamp(fig, label)
    points = [f"{format_number(v.value)} on {format_date(v.as_of)}" for v in exact]
    points += [
        f"{format_amount(v.value, v.low, v.high, v.qualifier)} by {v.as_of:%B %Y}"
        for v in shown_later
    ]
    last = (shown_later or exact)[-1].as_of
    end = format_date(last) if misleading else f"{last:%B %Y}"
    span = f"{format_date(days[0], year=not misleading)} to {end}"
    fig.alt_text = (
        f"Line chart of the number of people detained, as announced, from {span}: "
        + "; ".join(points)
        + ". The vertical axis starts at zero."
    )
    return fig


@responsive
def loaded_terms_totals_chart(
    articles: Sequence[Article] | None = None,
    *,
    misleading: bool = False,
    label: str | None = None,
    width: float = WIDTH,
) -> ChartFigure:
    """Loaded terms per article, ranked; misleading = raw counts, with no denominator (length).

    Examples
    --------
    >>> counts = loaded_terms_totals_chart(misleading=True)
    >>> [t.get_text() for t in counts.axes[0].get_yticklabels()][0]
    'Red Fire'
    >>> "per 1,000 words" in loaded_terms_totals_chart().alt_text
    True
    """
    articles = load_corpus() if articles is None else articles

    def measure(a: Article) -> float:
        n = len(a.loaded_terms)
        return n if misleading else 1000 * n / a.word_count

    ranked = sorted(articles, key=measure, reverse=True)
    narrow = is_narrow(width)
    unit = "loaded terms" if misleading else "loaded terms per 1,000 words"
    with chart_style():
        fig = new_figure(1.6 + 0.55 * len(articles), width)
        ax = fig.subplots()
        values = [measure(a) for a in ranked]
        bars = ax.barh(range(len(ranked)), values, color=OKABE_ITO["orange"], height=0.6)
        ax.bar_label(bars, [format_number(round(v, 1)) for v in values], padding=3, fontsize=11)
        ax.set_yticks(range(len(ranked)), [a.outlet_short for a in ranked])
        ax.invert_yaxis()
        ax.set_xlim(0, max(values) * 1.18)
        ax.set_xlabel(unit)
        ax.set_title("Loaded terms in each article" if not narrow else "Loaded terms")
        _stamp(fig, label)
    fig.alt_text = (
        f"Bar chart ranking the articles by {unit}: "
        + "; ".join(
            f"{a.outlet_short} {format_number(round(v, 1))}"
            for a, v in zip(ranked, values, strict=True)
        )
        + "."
    )
    return fig
