"""The analysis report: one self-contained page with marks, counts, checklist and error rates."""

import re
from pathlib import Path

import pytest

from medialit.extract import analyze
from medialit.report import build_report, load_checklist, measured_accuracy, sections

REPO = Path(__file__).resolve().parent.parent
TEXT = (
    "Police said 12 people were hurt on Monday. The so-called reform was a sham, "
    "the minister said. <b>Bold</b> & more."
)


@pytest.fixture(scope="module")
def page():
    return build_report("note.txt", TEXT, analyze(TEXT))


def test_every_mark_is_numbered_and_every_category_counted(page):
    found = analyze(TEXT)
    total = len(found.figures) + len(found.attributions) + len(found.loaded_terms)
    assert page.count("<mark") == total
    assert f"<h2>Attributions ({len(found.attributions)})</h2>" in page
    assert f"<h2>Loaded terms ({len(found.loaded_terms)})</h2>" in page
    assert f"<h2>Figures ({len(found.figures)})</h2>" in page
    doubts = sum(t.category == "doubt" for t in found.loaded_terms)
    assert doubts and f"<li>doubt:&nbsp;{doubts}</li>" in page  # the summary counts per category
    assert "source: Police; named organisation; paraphrased" in page  # a note


def test_the_text_is_escaped(page):
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; more." in page and "<b>Bold</b>" not in page


def test_the_page_is_self_contained(page):
    assert "<script" not in page
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)
    assert "<link" not in page


def test_the_checklist_is_all_there(page):
    for section in load_checklist():
        assert f"<h3>{section.section}</h3>" in page
        for item in section.items:
            assert item.replace("*", "").replace('"', "&quot;") in page


def test_the_capstone_page_prints_the_same_checklist():
    capstone = (REPO / "book" / "capstone.md").read_text(encoding="utf-8")
    printed = re.findall(r"^- ☐ (.+)$", capstone, flags=re.MULTILINE)
    assert printed == [item for section in load_checklist() for item in section.items]


def test_the_measured_error_rates_come_from_the_recorded_benchmark(page):
    measured = measured_accuracy()
    figures = measured["rows"]["figures"]["lenient"]
    assert f"Measured on {measured['texts']} news reports" in page  # and texts written blind
    wrong = f"{round(100 * (1 - figures['precision']))}%"
    missed = f"{round(100 * (1 - figures['recall']))}%"
    assert f"<th scope='row'>Figures</th><td>{wrong}</td><td>{missed}</td>" in page


def test_a_text_from_a_web_page_says_so():
    text = "Police said 12 were hurt."
    assert "taken out of a saved web page" in build_report("p.html", text, analyze(text),
                                                          from_page=True)  # fmt: skip
    assert "taken out of a saved web page" not in build_report("p.txt", text, analyze(text))


def test_the_summary_says_each_kind_in_plain_words():
    text = (
        "Q: How bad was it?\nMAYOR OKAFOR: The fire ranked third largest in 2019; it burned "
        "for 12 hours and cost $4 million, 30% more than planned, and 17 people were hurt. "
        "The so-called experts were “wrong”.\n"
    )
    found = analyze(text)
    page = build_report("note.txt", text, found)
    summary = page[page.index("<table>") : page.index("</table>")]
    cells = re.findall(r"<li>([^<]*)</li>", summary)
    plain = {group for part in sections(found) for group in part.colours}
    assert cells and len(cells) == sum(len({m.group for m in p.marks}) for p in sections(found))
    for cell in cells:
        kind, count = cell.rsplit(":&nbsp;", 1)
        assert kind in plain and count.isdigit(), cell  # "named person: 1", never "rank 12"
    assert "_" not in summary
    assert "dates, years, lengths of time and rankings:&nbsp;" in summary
    assert "vague or anonymous:&nbsp;1" in summary and "named person:&nbsp;1" in summary
