"""The instructor's evidence: mean unit-test score per skill before and after the unit."""

from __future__ import annotations

from collections.abc import Sequence

from medialit.charts.style import (
    OKABE_ITO,
    ChartFigure,
    chart_style,
    new_figure,
)


def pre_post_chart(skills: Sequence[tuple[str, float, float, int]]) -> ChartFigure:
    """Mean unit-test score per skill before and after the unit: the instructor's evidence.

    Parameters
    ----------
    skills
        ``(skill label, percent before, percent after, students)`` for each skill, in order.

    >>> fig = pre_post_chart([("sourcing", 40.0, 70.0, 30), ("attribution", 55.0, 60.0, 30)])
    >>> fig.alt_text.split(":")[0]
    'Bar chart of the mean unit-test score per skill, before and after the unit (30 students)'
    """
    with chart_style():
        fig = new_figure(1.2 + 0.75 * max(len(skills), 1))
        ax = fig.add_subplot()
        if not skills:
            ax.text(0.5, 0.5, "No student took both tests.", ha="center", va="center")
            ax.set_axis_off()
            fig.alt_text = "No chart: no student took the unit test both before and after."
            return fig
        rows = list(range(len(skills)))[::-1]
        height = 0.38
        before = [pre for _, pre, _, _ in skills]
        after = [post for _, _, post, _ in skills]
        ax.barh(
            [r + height / 2 for r in rows],
            before,
            height,
            color=OKABE_ITO["sky blue"],
            label="before the unit",
        )
        ax.barh(
            [r - height / 2 for r in rows],
            after,
            height,
            color=OKABE_ITO["blue"],
            label="after the unit",
        )
        for r, pre, post in zip(rows, before, after, strict=True):
            ax.text(pre + 1, r + height / 2, f"{pre:.0f}%", va="center", fontsize=11)
            ax.text(post + 1, r - height / 2, f"{post:.0f}%", va="center", fontsize=11)
        ax.set_yticks(rows, [label for label, *_ in skills])
        ax.set_xlim(0, 110)
        ax.set_xticks(range(0, 101, 20), [f"{x}%" for x in range(0, 101, 20)])
        ax.set_xlabel("mean score on the skill's items")
        students = max(n for *_, n in skills)
        ax.set_title(f"Unit test: before and after, per skill ({students} students)")
        fig.legend(loc="outside lower center", ncols=2)
        parts = "; ".join(
            f"{label} {pre:.0f}% before, {post:.0f}% after" for label, pre, post, _ in skills
        )
        fig.alt_text = (
            "Bar chart of the mean unit-test score per skill, before and after the unit "
            f"({students} students): {parts}."
        )
    return fig
