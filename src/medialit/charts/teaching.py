"""Charts the kit draws twice, once honestly and once in a way that misleads.

Students say what the misleading version hides. Both versions of a pair plot the same numbers
from the ledger or the annotations; only the axis, the window or the denominator changes.
Each carries a stamp ("Teaching example, version A") above its title, so that an image lifted
out of the page cannot pass for real reporting, without telling a student which version
misleads. Which reference values a chart plots is data (``series`` in ``story.yaml``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from medialit.charts.style import (
    GREY,
    OKABE_ITO,
    WIDTH,
    ChartFigure,
    chart_style,
    fit_width,
    is_narrow,
    new_figure,
    responsive,
    wrap,
)
from medialit.corpus import Article, ReferenceValue, Story, load_corpus, load_story
from medialit.formatting import format_amount, format_date, format_number


def _stamp(fig: Figure, label: str | None) -> None:
    """The stamp, as a line of its own above the title (in the figure's layout)."""
    text = "Teaching example" + (f", version {label}" if label else "")
    fig.suptitle(text, x=0.01, ha="left", fontsize=10, color=GREY, style="italic", weight="normal")


def _titles(fig: Figure, ax: Axes, title: str, label: str | None, narrow: bool) -> None:
    """The chart's title under its stamp, wrapped to end inside the figure."""
    text = ax.set_title(title, fontsize=13 if narrow else None)
    _stamp(fig, label)
    fit_width(fig, text)


def official_toll_values(story: Story | None = None) -> list[ReferenceValue]:
    """The ledger values of the official death toll used by :func:`official_toll_chart`
    (the series ``official_toll`` of ``story.yaml``), in date order.

    >>> [v.value for v in official_toll_values()]
    [225, 230, 238]
    """
    story = load_story() if story is None else story
    return list(story.chart_series("official_toll").values)


def truncated_floor(values: Sequence[float]) -> float:
    """Where a truncated axis starts: just below the smallest bar, at a round number.

    >>> truncated_floor([225, 230, 238])
    220
    """
    return 10 * math.floor((min(values) - 1) / 10)


@responsive
def official_toll_chart(
    story: Story | None = None,
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
    story = load_story() if story is None else story
    series = story.chart_series("official_toll")
    values = official_toll_values(story)  # the values the book's numbers print, too
    numbers = [v.value for v in values]
    narrow = is_narrow(width)
    days = [format_date(v.as_of, short=True) for v in values]
    with chart_style():
        fig = new_figure(4.8 if narrow else 4.6, width)
        ax = fig.subplots()
        bars = ax.bar(range(len(values)), numbers, color=OKABE_ITO["blue"], width=0.6)
        ax.bar_label(bars, [format_number(n) for n in numbers], padding=3, fontsize=12)
        # On a phone the year goes under the day: three full dates do not fit on one line.
        ticks = [d.replace(" 20", "\n20") for d in days] if narrow else days
        ax.set_xticks(range(len(values)), ticks)
        bottom = truncated_floor(numbers) if misleading else 0
        ax.set_ylim(bottom, max(numbers) + (3 if misleading else max(numbers) * 0.15))
        ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda x, _: format_number(x)))
        ax.set_ylabel("people killed")
        _titles(fig, ax, series.title, label, narrow)
    axis = (
        f"The vertical axis starts at {format_number(bottom)}."
        if misleading
        else "The vertical axis starts at zero."
    )
    fig.alt_text = (
        "Bar chart of the official death toll as announced on three dates: "
        + "; ".join(f"{d}: {format_number(n)}" for d, n in zip(days, numbers, strict=True))
        + f". {axis}"
    )
    return fig


def _month_start(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after (or before) ``day``'s month.

    >>> _month_start(dt.date(2022, 1, 7), -1), _month_start(dt.date(2022, 12, 31), 1)
    (datetime.date(2021, 12, 1), datetime.date(2023, 1, 1))
    """
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


@responsive
def detained_chart(
    story: Story | None = None,
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
    story = load_story() if story is None else story
    series = story.chart_series("detained")
    exact = [v for v in series.values if v.value is not None]
    later = [v for v in series.values if v.value is None and v.low is not None]
    shown_later = [] if misleading else later
    narrow = is_narrow(width)
    with chart_style():
        fig = new_figure(4.8, width)
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
                wrap(format_amount(v.value, v.low, v.high, v.qualifier), 10 if narrow else 40),
                (v.as_of, v.low),
                xytext=(0, -12),
                textcoords="offset points",
                ha="right" if narrow else "center",
                va="top",
                fontsize=11,
            )
        tops = [v.value for v in exact] + [v.low for v in shown_later]
        ax.set_ylim(0, max(tops) * 1.2)
        ax.yaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda x, _: format_number(x)))
        _date_axis(ax, [*days, *(v.as_of for v in shown_later)], by_day=misleading, narrow=narrow)
        ax.set_ylabel("people detained (running total)", fontsize=11 if narrow else None)
        _titles(fig, ax, series.title, label, narrow)
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


def _date_axis(ax: Axes, days: Sequence[dt.date], *, by_day: bool, narrow: bool) -> None:
    """Date ticks that never touch: days (every other one on a phone) or quarters (halves).

    The axis starts a day (a month) before the first date, so the first tick label clears
    the vertical axis's "0".
    """
    if by_day:
        ax.set_xlim(days[0] - dt.timedelta(days=1), days[-1] + dt.timedelta(days=1))
        span = (days[-1] - days[0]).days
        step = 2 if narrow else 1
        ticks = [days[0] + dt.timedelta(days=d) for d in range(0, span + 1, step)]
        ax.set_xticks(ticks, [format_date(d, year=False, short=True) for d in ticks])
    else:
        ax.set_xlim(_month_start(days[0], -1), _month_start(days[-1], 2))
        months = (1, 7) if narrow else (1, 4, 7, 10)
        ax.xaxis.set_major_locator(mpl.dates.MonthLocator(bymonth=months))
        ax.xaxis.set_major_formatter(mpl.dates.DateFormatter("%b\n%Y" if narrow else "%b %Y"))
    ax.tick_params(axis="x", labelsize=10.5 if narrow else 11.5)


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
        fig = new_figure(1.9 + 0.55 * len(articles), width)
        ax = fig.subplots()
        values = [measure(a) for a in ranked]
        bars = ax.barh(range(len(ranked)), values, color=OKABE_ITO["orange"], height=0.6)
        ax.bar_label(bars, [format_number(round(v, 1)) for v in values], padding=3, fontsize=11)
        names = [wrap(a.outlet_short, 10) if narrow else a.outlet_short for a in ranked]
        ax.set_yticks(range(len(ranked)), names)
        ax.invert_yaxis()
        ax.set_xlim(0, max(values) * 1.18)
        ax.set_xlabel(unit, fontsize=11 if narrow else None)
        if narrow:
            ax.tick_params(labelsize=11)
        _titles(fig, ax, "Loaded terms in each article", label, narrow)
    fig.alt_text = (
        f"Bar chart ranking the articles by {unit}: "
        + "; ".join(
            f"{a.outlet_short} {format_number(round(v, 1))}"
            for a, v in zip(ranked, values, strict=True)
        )
        + "."
    )
    return fig
