"""The shared HTML marking: numbered marks, legend, notes, escaping."""

from medialit.marking import (
    FIGURE_GROUP_COLOURS,
    Mark,
    count_groups,
    figure_group,
    highlight,
    legend,
    non_overlapping,
    notes_list,
)


def test_marks_are_numbered_in_text_order_and_escaped():
    text = "a <b> & 5 c"
    marks = [Mark(9, 10, "x", "second"), Mark(2, 5, "x", 'first "one"')]
    html_text = highlight(text, marks, {"x": "#0072B2"})
    assert html_text.index("<sup>1</sup>") < html_text.index("<sup>2</sup>")
    assert "&lt;b&gt;" in html_text and "&amp;" in html_text
    assert 'title="first &quot;one&quot;"' in html_text


def test_a_mark_inside_another_is_numbered_but_not_drawn():
    marks = [Mark(0, 10, "x", ""), Mark(3, 5, "x", ""), Mark(12, 14, "x", "")]
    assert [n for n, _ in non_overlapping(marks)] == [1, 3]


def test_legend_lists_only_groups_in_use_with_their_counts():
    group = figure_group("count")
    marks = [Mark(0, 1, group, ""), Mark(2, 3, group, "")]
    line = legend(FIGURE_GROUP_COLOURS, count_groups(marks))
    assert f"{group} (2)" in line and "money" not in line
    assert legend(FIGURE_GROUP_COLOURS, {}) == "<em>nothing marked</em>"


def test_notes_quote_the_marked_words():
    assert "<li><q>five</q>: a count</li>" in notes_list("five", [Mark(0, 4, "c", "a count")])
