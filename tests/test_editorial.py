"""The book meets the standard it teaches: each editorial check passes on the real pages and
seed data, and fails on a planted example of the error it exists for.

The same checks run on the built site in ``test_book_build.py`` (number formats, internal
notes, citations showing their confidence).
"""

from __future__ import annotations

import doctest
import importlib.util
from pathlib import Path

import pytest
import yaml

from medialit import editorial
from medialit.book_numbers import lesson_numbers, reference_numbers
from medialit.corpus import load_corpus, load_references
from medialit.editorial import TextUnit

BOOK = Path(__file__).resolve().parents[1] / "book"
EXEMPTIONS = BOOK / "citation-exemptions.yaml"


def toc_pages() -> list[Path]:
    """The pages the book builds, as source files."""
    toc = yaml.safe_load((BOOK / "_toc.yml").read_text(encoding="utf-8"))
    names = [toc["root"]]
    for part in toc.get("parts", []):
        names += [chapter["file"] for chapter in part["chapters"]]
    return [BOOK / f"{name}.md" for name in names]


@pytest.fixture(scope="module")
def refs():
    return load_references()


@pytest.fixture(scope="module")
def page_units():
    units = []
    for page in toc_pages():
        units += editorial.page_units(page.read_text(encoding="utf-8"), page.name)
    return units


@pytest.fixture(scope="module")
def data_units():
    return editorial.data_units(load_corpus())


@pytest.fixture(scope="module")
def event_keys(refs):
    """Glued numbers that state something about events: the ledger's figures and dates, and the
    verdicts on the articles' figures (the ledger's size is not an event)."""
    verdicts = {key for key in lesson_numbers() if key.startswith("verdict_")}
    return (set(reference_numbers(refs)) - {"n_references"}) | verdicts


@pytest.fixture(scope="module")
def exemptions():
    return editorial.load_exemptions(EXEMPTIONS)


def _report(findings) -> str:
    return "\n".join(str(f) for f in findings)


# --------------------------------------------------------------------------- the real book


def test_every_claim_on_the_pages_cites_the_ledger(page_units, event_keys, exemptions):
    findings = editorial.uncited_claims(page_units, event_keys, exemptions)
    assert findings == [], _report(findings)


def test_every_note_in_the_data_cites_the_sources_it_names(data_units, event_keys, exemptions):
    findings = editorial.uncited_claims(data_units, event_keys, exemptions)
    assert findings == [], _report(findings)


def test_weak_citations_are_hedged_on_the_pages_and_in_the_questions(page_units, refs):
    findings = editorial.unhedged_citations(page_units, refs)
    assert findings == [], _report(findings)


def test_weak_references_are_hedged_in_the_notes_readers_see(data_units, refs):
    findings = editorial.unhedged_citations(data_units, refs)
    assert findings == [], _report(findings)


def test_every_low_confidence_entry_cited_on_the_pages_sits_in_hedged_wording(page_units, refs):
    """The rule for low-confidence entries, checked citation by citation, and not vacuously:
    the pages do cite low-confidence entries."""
    low = {i for i, entry in refs.entries.items() if entry.confidence == "low"}
    cited = [
        (unit, sentence)
        for unit in page_units
        for sentence in editorial._sentences(unit.text)
        if any(
            i.strip() in low
            for group in editorial.LEDGER_ROLE.findall(sentence)
            for i in group.split(",")
        )
    ]
    assert cited, "no page cites a low-confidence entry: the check would prove nothing"
    unhedged = [f"{u.where}: {s}" for u, s in cited if not editorial.HEDGE.search(s)]
    assert unhedged == []


def test_no_verdict_is_typed_by_hand(page_units, data_units):
    findings = editorial.handwritten_verdicts(page_units + data_units)
    assert findings == [], _report(findings)


def test_the_pages_print_verdicts_from_the_data():
    """Prose verdicts are glued from medialit.compare; every glued verdict key exists."""
    numbers = lesson_numbers()
    used = {
        key
        for page in toc_pages()
        for key in editorial.GLUE_ROLE.findall(page.read_text(encoding="utf-8"))
        if key.startswith("verdict_")
    }
    assert used, "no page prints a computed verdict"
    assert used <= set(numbers)


def test_every_exemption_has_a_reason_and_still_matches(page_units, data_units, exemptions):
    assert exemptions, "the list is empty: remove the file and this test, or review it"
    assert all(len(e.reason.split()) >= 5 for e in exemptions), "a reason must say why"
    stale = editorial.stale_exemptions(page_units + data_units, exemptions)
    assert stale == [], _report(stale)


def test_no_internal_names_or_placeholders_in_the_sources_readers_see(data_units):
    findings = []
    for page in toc_pages():
        findings += editorial.internal_leaks(page.read_text(encoding="utf-8"), page.name)
    for unit in data_units:
        findings += editorial.internal_leaks(unit.text, unit.where)
    assert findings == [], _report(findings)


def test_the_checks_read_the_in_page_questions(page_units):
    questions = [u for u in page_units if u.kind == "quiz"]
    assert len(questions) > 40
    # f-strings with glued numbers become glue roles, so their figures are checked too.
    assert any("{glue:md}`police_injured_latest`" in u.text for u in questions)


# --------------------------------------------------------------------------- planted errors


PAGE = """---
kernelspec:
  name: python3
---

# A planted page

{body}
"""


def _units(body: str) -> list[TextUnit]:
    return editorial.page_units(PAGE.format(body=body), "planted.md")


def test_a_page_with_an_uncited_figure_fails():
    uncited = _units("The Interior Ministry counted 317 police injured on 5 January.")
    found = editorial.uncited_claims(uncited, set())
    assert len(found) == 1 and "317" in found[0].excerpt and "5 January" in found[0].excerpt
    cited = _units("The Interior Ministry counted 317 police injured on 5 January {ledger}`SF-01`.")
    assert editorial.uncited_claims(cited, set()) == []


def test_a_glued_event_number_without_a_citation_fails():
    found = editorial.uncited_claims(
        _units("The toll is {glue:md}`deaths_final`."), {"deaths_final"}
    )
    assert [f.problem for f in found] == ["states a figure or a date without a {ledger} citation"]


def test_an_outside_source_named_without_a_citation_fails():
    found = editorial.uncited_claims(_units("TASS reported the speech live."), set())
    assert [f.problem for f in found] == ["names an outside source without a {ledger} citation"]


def test_an_uncited_figure_in_an_in_page_question_fails():
    cell = (
        "```{code-cell} ipython3\n"
        'multiple_choice("How many?", [Option("Many", True, "Police said 317 on 5 January."),\n'
        '                              Option("Few", False, "No.")])\n'
        "```"
    )
    found = editorial.uncited_claims(_units(cell), set())
    assert [f.problem for f in found] == ["states a figure or a date without a ledger id"]
    fixed = cell.replace("on 5 January.", "on 5 January (SF-01).")
    assert editorial.uncited_claims(_units(fixed), set()) == []


def test_a_low_confidence_citation_in_plain_assertive_prose_fails(refs):
    assert refs.entries["US-02"].confidence == "low"
    plain = _units("The alert concerned a one-day demonstration {ledger}`US-02`.")
    found = editorial.unhedged_citations(plain, refs)
    assert [f.problem for f in found] == ["cites US-02 (low confidence) in assertive wording"]
    hedged = _units("According to partisan sites, the alert concerned a protest {ledger}`US-02`.")
    assert editorial.unhedged_citations(hedged, refs) == []


def test_a_low_confidence_entry_needs_the_hedge_even_beside_a_strong_one(refs):
    both = _units("The alert concerned a one-day demonstration {ledger}`US-02, CS-01`.")
    assert len(editorial.unhedged_citations(both, refs)) == 1


def test_medium_confidence_alone_needs_a_hedge_but_not_beside_a_high_entry(refs):
    assert refs.entries["OU-06"].confidence == "medium"
    assert editorial.unhedged_citations(_units("The text is from SCF {ledger}`OU-06`."), refs)
    assert not editorial.unhedged_citations(
        _units("It is probably from SCF {ledger}`OU-06`."), refs
    )
    strong = _units("The ministry counted 317 {ledger}`SF-01, MS-07`.")
    assert editorial.unhedged_citations(strong, refs) == []


def test_a_weak_reference_in_an_assertive_note_fails(refs):
    note = TextUnit(
        "article 001 figure", "The alert concerned a protest. (references: US-02)", "note"
    )
    assert editorial.unhedged_citations([note], refs)
    hedged = TextUnit("article 001 figure", "Partisan sites say so. (references: US-02)", "note")
    assert editorial.unhedged_citations([hedged], refs) == []


def test_scientific_notation_in_the_html_fails():
    found = editorial.number_format_problems("<td>more than 1e+08</td>", "planted.html")
    assert [f.problem for f in found] == ["scientific notation: 1e+08"]
    assert editorial.number_format_problems("<td>7.5E-03</td>", "planted.html")
    fine = "<td>more than $100 million</td><img src='data:image/png;base64,AAA1e+08AAA='>"
    assert editorial.number_format_problems(fine, "planted.html") == []


def test_a_year_with_a_thousands_separator_fails():
    found = editorial.number_format_problems("<td>1,995 (SO-01)</td>", "planted.html")
    assert [f.problem for f in found] == ["year with a thousands separator: 1,995"]
    # A count the data hold is printed with its separator, unless the words make it a year.
    troops = "<p>2,030 troops</p>"
    assert editorial.number_format_problems(troops, "planted.html", counts=[2030]) == []
    assert editorial.number_format_problems("<p>since 2,030</p>", "planted.html", counts=[2030])


def test_a_date_printed_without_the_formatter_fails():
    found = editorial.number_format_problems("<p>3,037 on 05 Jan 2023</p>", "planted.html")
    assert [f.problem for f in found] == ["date not printed by format_date: 05 Jan"]
    assert editorial.number_format_problems("<p>3,037 on 5 Jan 2023</p>", "planted.html") == []


def test_the_widgets_saved_text_is_scanned_but_scripts_are_not():
    state = '<script type="application/vnd.jupyter.widget-state+json">{"v": "1,995"}</script>'
    assert editorial.number_format_problems(state, "planted.html")
    # A tooltip inside the saved HTML of a widget is text readers see, escaped quotes and all.
    tooltip = (
        '<script type="application/vnd.jupyter.widget-state+json">'
        '{"value": "<mark title=\\"founded in 1,995\\">1995</mark>"}</script>'
    )
    assert [f.problem for f in editorial.number_format_problems(tooltip, "planted.html")] == [
        "year with a thousands separator: 1,995"
    ]
    # Attributes readers never see (a stylesheet's cache hash) are not numbers on the page.
    assert editorial.number_format_problems('<link href="a.css?v=03e+4307">', "planted.html") == []
    code = "<script>var x = 1e+08;</script>"
    assert editorial.number_format_problems(code, "planted.html") == []


def test_an_internal_file_name_in_the_html_fails():
    for planted in (
        "<p>as facts.md section 4 states</p>",
        "<li>see ../shared/references/reference_ledger.yaml</li>",
        "<p>pip install git+&lt;repository URL&gt;</p>",
        "<p>this has not been tested here</p>",
        "<p>TODO: cite</p>",
    ):
        assert editorial.internal_leaks(planted, "planted.html"), planted
    assert editorial.internal_leaks("<p>The reference ledger lists the facts.</p>", "x") == []


def test_a_handwritten_verdict_fails():
    found = editorial.handwritten_verdicts(_units("Red Fire's figure matches the reference."))
    assert len(found) == 1
    assert (
        editorial.handwritten_verdicts(_units("It {glue:md}`verdict_emergency_two_weeks`.")) == []
    )


def test_an_exemption_without_a_reason_is_refused(tmp_path):
    path = tmp_path / "exemptions.yaml"
    path.write_text("- where: intro.md\n  contains: the case\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"exemptions\.yaml: entry 0 lacks reason"):
        editorial.load_exemptions(path)


def test_an_exemption_lets_its_paragraph_pass_and_a_stale_one_is_reported():
    units = _units("TASS reported the speech live.")
    exemption = editorial.Exemption(
        "planted.md", "TASS reported", "A planted example for the test."
    )
    assert editorial.uncited_claims(units, set(), [exemption]) == []
    gone = editorial.Exemption("planted.md", "Reuters said", "A planted example for the test.")
    assert editorial.stale_exemptions(units, [exemption, gone]) == [
        editorial.Finding("planted.md", "exemption matches no paragraph", "Reuters said")
    ]


# --------------------------------------------------------------------------- the ledger role


def _ledger_extension():
    spec = importlib.util.spec_from_file_location("ledger_ext", BOOK / "_ext" / "ledger.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_citation_shows_the_confidence_of_a_weak_entry():
    ledger = _ledger_extension()
    result = doctest.testmod(ledger)
    assert result.attempted > 0 and result.failed == 0
    assert ledger.citation_text("US-02", "low") == "US-02 · low"
    assert ledger.citation_text("DT-08", "high") == "DT-08"


# --------------------------------------------------------------------------- citation audit


def test_the_audit_lists_citations_in_prose_with_their_entry(refs):
    unit = TextUnit(
        "p.md, line 3", "Calm returned. Police said 95 were injured {ledger}`MS-09, XX-99`."
    )
    found = editorial.citations([unit], refs)
    assert [c.ref_id for c in found] == ["MS-09", "XX-99"]
    assert found[0].sentence == "Police said 95 were injured {ledger}`MS-09, XX-99`."
    assert (found[0].confidence, found[0].fact) == (
        refs.entries["MS-09"].confidence,
        refs.entries["MS-09"].fact,
    )


def test_the_audit_reports_an_id_the_ledger_lacks(refs):
    (citation,) = editorial.citations([TextUnit("p.md", "It rose {ledger}`XX-99`.")], refs)
    assert (citation.confidence, citation.fact) == ("unknown", "no such entry in the ledger")
    assert "XX-99 [unknown]" in str(citation)


def test_the_audit_reads_bare_ids_in_notes_and_their_reference_list(refs):
    note = TextUnit("001 note", "Per MS-09 it was calm. Later (references: GV-03)", kind="note")
    found = editorial.citations([note], refs)
    assert sorted(c.ref_id for c in found) == ["GV-03", "MS-09"]
    assert all("(references:" not in c.sentence for c in found)


def test_the_audit_command_prints_citations_and_filters_by_id(tmp_path, capsys):
    page = tmp_path / "p.md"
    page.write_text("A {ledger}`MS-09`.\n\nB {ledger}`GV-03`.\n", encoding="utf-8")
    assert editorial.main([str(page), "--id", "GV-03"]) == 0
    out = capsys.readouterr().out
    assert "GV-03" in out and "MS-09" not in out


def test_the_audit_command_on_a_missing_page_says_so_in_one_line(tmp_path, capsys):
    assert editorial.main([str(tmp_path / "missing.md")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "missing.md" in lines[0] and "Traceback" not in captured.err


def test_the_audit_command_on_an_undecodable_page_says_so_in_one_line(tmp_path, capsys):
    page = tmp_path / "bad.md"
    page.write_bytes(b"\xff\xfe\x00 not utf-8 \xc3")
    assert editorial.main([str(page)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "bad.md" in lines[0]


def test_every_citation_in_the_book_and_the_data_names_an_entry(capsys):
    pages = [str(page) for page in toc_pages()]
    assert editorial.main([*pages, "--data"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n    ") > 100  # one indented sentence per citation
    assert "[unknown]" not in out
