"""Worksheet pages in Chromium, from the session's book build, with no kernel and no network.

- The page's JavaScript normalises, hashes and scores exactly as the package does: every code
  point and thousands of generated strings against ``normalise_text``; the self-check line
  against ``check()`` on the solutions' answers and on generated ones.
- A student fills worksheets with the solutions' answers by mouse and keyboard, downloads
  them, and ``medialit grade`` gives each file the solution notebook's score; a blank download
  scores nothing; answers survive a reload; the pages fit a phone.
"""

from __future__ import annotations

import csv
import json
import random
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from browser_tools import PageWatch, guard_network
from conftest import REPO_DIR, load_book_build
from worksheet_tools import ROOT, as_file_value, fill, form_of, random_answer, solution_answers

from medialit.exercises import check
from medialit.exercises.answers import band_index, digest, is_url, normalise_text
from medialit.exercises.bank import CHAPTERS, QUESTIONS, Question, questions_of
from medialit.exercises.grade import grade_folder
from medialit.exercises.keys import load_key
from medialit.exercises.sandbox import Limits
from medialit.exercises.worksheet import page_data, text_tables

pytestmark = pytest.mark.slow

AXE_FAILING_IMPACTS = ("serious", "critical")
PHONE = (390, 844)
TAP_TARGET_PX = 44
FILLED = (1, 3, 4, 7)  # every kind of question, a code task, and a unit-test form
DATA = "JSON.parse(document.querySelector('script.ws-data').textContent)"


@pytest.fixture
def open_worksheet(chromium, book_site: str):
    """``page, watch = open_worksheet("02-attribution")``: a fresh browser context each call
    (its own storage), requests off localhost aborted, the page's script started."""
    contexts = []

    def open_page(
        stem: str,
        viewport=(1280, 900),
        touch: bool = False,
        init_script: str = "",
        color_scheme: str = "light",
    ):
        watch = PageWatch()
        context = chromium.new_context(
            viewport={"width": viewport[0], "height": viewport[1]},
            has_touch=touch,
            is_mobile=touch,
            accept_downloads=True,
            color_scheme=color_scheme,
        )
        contexts.append(context)
        guard_network(context, watch)
        if init_script:
            context.add_init_script(init_script)
        page = context.new_page()
        watch.attach(page)
        page.goto(f"{book_site}worksheets/{stem}.html", wait_until="load")
        page.wait_for_function("() => window.medialitWorksheet && window.medialitWorksheet.page")
        return page, watch

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def js_page(chromium, book_site: str):
    """One worksheet page to call the script's functions on (the attribution page: its data
    carries the full Unicode tables, as it has a practice quote question)."""
    context = chromium.new_context()
    watch = PageWatch()
    guard_network(context, watch)
    page = context.new_page()
    watch.attach(page)
    page.goto(f"{book_site}worksheets/02-attribution.html", wait_until="load")
    page.wait_for_function("() => window.medialitWorksheet")
    yield page
    context.close()
    assert watch.problems() == []


# =========================================================================== the normaliser


def _well_formed(text: str) -> str:
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


ALPHABET = (
    [chr(c) for c in range(0x20, 0x7F)]
    + [chr(c) for c in text_tables(False)["space"]]
    + list("\ufeff\u200b\u200d\u180e\u034f\ufe0f")
    + list("“”„‘’–—…«»′″")
    + list("\u0300\u0301\u0308\u0327\u0323\u0345\u0342")
    + list("éÉñÅﬁﬀﬃ½①㎏Ⅻ™ℌ²﹏ＡＢｃｶ豈ﷺﻻ")
    + list("가각각")
    + list("Σσςΐᾳᾼΰßẞİıǅǈŉǰ")
    + list("եւևᎠꭰꮜ𐐀𐐨𝔄𝕒")
    + list("\U0001ccd6\ua7cb\U00010d50\u0378\U000e0080\U0010ffff\ue000")  # newer or unassigned
    + list("🙂👩🏫\x00\x07\x1c\x1f\x85")
)


def generated_texts(count: int = 3000, seed: int = 20261127) -> list[str]:
    rng = random.Random(seed)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randrange(41))) for _ in range(count)]
    # The quote answers of the practice key, spelt as students copy them.
    for question in QUESTIONS.values():
        if question.kind == "quote" and question.role == "practice":
            right = str(solution_answers(question.chapter)[question.id])
            texts += [
                right.upper(),
                f"“{right}.”",
                f"\u00a0 {right}\t!",
                right.replace(" ", "\u2003"),
                f"‘{right}’",
                unicodedata.normalize("NFD", right),
                "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in right),  # fullwidth
            ]
    return texts


def test_the_page_carries_this_pythons_unicode_tables(js_page):
    assert js_page.evaluate(f"() => {DATA}.text") == json.loads(json.dumps(text_tables(True)))


def test_every_code_point_normalises_as_in_python(js_page):
    """Each of the 1,112,064 code points on its own (surrogates apart: they never reach it)."""
    points = [cp for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF]
    mismatches = []
    for start in range(0, len(points), 65_536):
        chunk = points[start : start + 65_536]
        got = js_page.evaluate(
            f"""([first, last]) => {{
                const w = window.medialitWorksheet, t = w.decodeTables({DATA}.text), out = [];
                for (let cp = first; cp <= last; cp++) {{
                    if (cp >= 0xd800 && cp <= 0xdfff) continue;
                    out.push(w.normaliseText(String.fromCodePoint(cp), t));
                }}
                return out.join("\\u0001");
            }}""",
            [chunk[0], chunk[-1]],
        )
        expected = "\x01".join(normalise_text(chr(cp)) for cp in chunk)
        if got != expected:
            pairs = zip(chunk, got.split("\x01"), strict=True)
            mismatches += [hex(cp) for cp, text in pairs if text != normalise_text(chr(cp))]
    assert mismatches == []


def test_generated_texts_normalise_and_hash_as_in_python(js_page):
    texts = generated_texts()
    salt = load_key()["salt"]
    got = js_page.evaluate(
        f"""([texts, salt]) => {{
            const w = window.medialitWorksheet, t = w.decodeTables({DATA}.text);
            return texts.map((x) => {{
                const n = w.normaliseText(x, t);
                return [n, w.digest(salt, "2.4", n), w.normaliseLabel(x, t), w.isBlank(x, t)];
            }});
        }}""",
        [texts, salt],
    )
    wrong = []
    for text, (normal, hashed, label, blank) in zip(texts, got, strict=True):
        expected = normalise_text(text)
        if (normal, hashed, label, blank) != (
            expected,
            digest(salt, "2.4", expected),
            expected.replace(" ", "_"),
            not text.strip(),
        ):
            wrong.append(repr(text))
    assert wrong == []
    assert len(texts) > 3000


def test_lone_surrogates_become_the_replacement_character(js_page):
    got = js_page.evaluate(
        f"""() => {{
            const w = window.medialitWorksheet, t = w.decodeTables({DATA}.text);
            const lone = String.fromCharCode(0xd800), low = String.fromCharCode(0xdc00);
            return [w.normaliseText("a" + lone + "b", t), w.normaliseText(low + "X", t),
                    w.normaliseText("\\ud83d\\ude42", t)];
        }}"""
    )
    assert got == [normalise_text(_well_formed(t)) for t in ("a\ud800b", "\udc00X", "🙂")]


def test_bands_rounding_and_item_names_as_in_python(js_page):
    rng = random.Random(7)
    bands = [
        (band["offset"], band["width"])
        for entry in load_key()["questions"].values()
        for band in entry.get("bands", [])
    ]
    cases = []
    for _ in range(3000):
        offset, width = rng.choice(bands) if rng.random() < 0.7 else (rng.random(), rng.random())
        value = rng.choice(
            [rng.uniform(-100, 100), rng.uniform(-1e6, 1e6), rng.uniform(-1e300, 1e300), 0.0]
        )
        cases.append([value, offset, width])
    cases += [[1e308, 0.0025, 0.01], [-1.7e308, 0.5, 0.001], [1e22, 0.5, 1.0]]
    got = js_page.evaluate(
        """(cases) => cases.map(([v, o, w]) => {
               const w2 = window.medialitWorksheet, i = w2.bandIndex(v, o, w);
               return i === null ? null : w2.intText(i);
           })""",
        cases,
    )
    expected = [None if (i := band_index(v, o, w)) is None else str(i) for v, o, w in cases]
    assert got == expected
    fractions = [top * k / n for top in (1, 2, 3) for n in range(1, 13) for k in range(n + 1)]
    fractions += [rng.uniform(0, 10) for _ in range(2000)] + [0.125, 0.375, 2.675, 1.005, 0.625]
    rounded = js_page.evaluate(
        "(xs) => xs.map((x) => window.medialitWorksheet.pyRound2(x))", fractions
    )
    assert rounded == [round(x, 2) for x in fractions]
    names = [item for q in QUESTIONS.values() for item in q.items] + ["it's", 'say "no"', "a\\b"]
    reprs = js_page.evaluate("(xs) => xs.map((x) => window.medialitWorksheet.pyRepr(x))", names)
    assert reprs == [repr(name) for name in names]


URLS = [
    "https://www.rferl.org/a/1.html",
    "http://rferl.org",
    "HTTPS://EXAMPLE.ORG/x",
    "rferl.org",
    "www.rferl.org",
    "ftp://x.org",
    "https://localhost/",
    "https:/x.org",
    "https:///x.org",
    "https://x.org/a b",
    " https://x.org ",
    "\x01https://x.org",
    "https://user@x.org:8080/p?q=1#f",
    "mailto:a@b.org",
    "https://a.b\uff03c",
    "https://a\uff0fb.org",
    "https://[abc.org",
    "https://bücher.de/",
    "javascript:alert(1)",
    "",
    "https://x.org\u00a0",
    "http://x.org\u2003",
]


def test_addresses_and_dates_are_judged_as_in_python(js_page):
    rng = random.Random(3)
    urls = URLS + [
        rng.choice(["https://", "http://", "", "HTTP://", "https:"])
        + "".join(rng.choice("abc.:/-_?#@%é ") for _ in range(rng.randrange(12)))
        for _ in range(2000)
    ]
    got = js_page.evaluate(
        f"""(urls) => {{
            const w = window.medialitWorksheet, t = w.decodeTables({DATA}.text);
            return urls.map((u) => w.isUrl(u, t));
        }}""",
        urls,
    )
    assert [u for u, g in zip(urls, got, strict=True) if g != is_url(u)] == []
    dates = ["2014-11-10", "2022-02-29", "2024-02-29", "2022-13-01", "0000-01-01", "2014-1-5"]
    parsed = js_page.evaluate(
        "(ds) => ds.map((d) => window.medialitWorksheet.parseDate(d) !== null)", dates
    )
    assert parsed == [True, False, True, False, False, True]


# =========================================================================== the self-check


def _js_value(value):
    return None if value is ... else value


def test_the_self_check_line_is_the_notebooks(js_page):
    """For every question of every worksheet, on the solution's answer, a blank and generated
    answers: the page prints what ``check()`` prints in a notebook."""
    rng = random.Random(11)
    key = load_key()
    cases, expected = [], []
    for chapter in CHAPTERS:
        data = page_data(chapter, key)
        solutions = solution_answers(chapter)
        for q in data["questions"]:
            question = QUESTIONS[q["id"]]
            if question.kind == "code":
                continue
            values = [as_file_value(question, solutions[question.id]), ...]
            values += [random_answer(question, solutions[question.id], rng) for _ in range(12)]
            for value in values:
                cases.append([data, q, _js_value(value)])
                expected.append(str(check(question.id, value)))
    got = js_page.evaluate(
        """(cases) => {
            const w = window.medialitWorksheet;
            return cases.map(([data, q, value]) => w.checkLine(
                q, value === null ? undefined : value, data, w.decodeTables(data.text)));
        }""",
        cases,
    )
    wrong = [(e, g) for e, g in zip(expected, got, strict=True) if e != g]
    assert wrong == []
    assert len(cases) > 1000
    assert any(line.startswith("✓") for line in got) and any("Hint:" in line for line in got)
    assert any("partly right" in line for line in got) or any(" of " in line for line in got)


# =========================================================================== a student's visit


def verdict_after_check(page, question: Question) -> str:
    form = form_of(page, question)
    form.locator(".ws-check").click()
    return form.locator(".ws-verdict").inner_text()


def download(page, folder: Path) -> Path:
    with page.expect_download() as info:
        page.locator(".ws-download").click()
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target


def grade_with_the_command(folder: Path, out: Path) -> list[dict]:
    quiet = "--no-progress"
    result = subprocess.run(
        [sys.executable, "-m", "medialit.cli", "grade", str(folder), "--out", str(out), quiet],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_solutions_filled_in_the_page_get_the_solution_notebooks_score(open_worksheet, tmp_path):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    for chapter in FILLED:
        page, watch = open_worksheet(CHAPTERS[chapter])
        answers = solution_answers(chapter)
        for question in questions_of(chapter):
            if question.kind == "code":
                assert form_of(page, question).count() == 0
                continue
            fill(page, question, as_file_value(question, answers[question.id]))
            line = verdict_after_check(page, question)
            if question.role == "practice" and question.kind not in ("open", "lateral"):
                assert line.startswith(f"✓ {question.id}: right"), line
            else:
                assert line.startswith(f"• {question.id}: ") and "recorded" in line, line
        page.locator("#ws-student").click()
        page.keyboard.type(f"Student {chapter}")
        saved = download(page, downloads)
        assert saved.name == f"{CHAPTERS[chapter]}-Student-{chapter}.json"
        assert "Hand in this file" in page.locator(".ws-hand-in-status").inner_text()
        assert watch.problems() == []
    rows = grade_with_the_command(downloads, tmp_path / "grades.csv")
    # The solution notebooks themselves, graded the same way.
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    for chapter in FILLED:
        name = f"{CHAPTERS[chapter]}.ipynb"
        (notebooks / name).write_bytes((ROOT / "solutions" / name).read_bytes())
    solved = {g.chapter: g for g in grade_folder(notebooks, jobs=2, limits=Limits())}
    for chapter in FILLED:
        mine = {r["question"]: r for r in rows if r["student"] == f"Student {chapter}"}
        for verdict in solved[chapter].verdicts:
            question = QUESTIONS[verdict.question]
            if question.kind == "code":
                assert mine[question.id]["points"] == "0"  # answered in the notebook only
                continue
            row = mine[question.id]
            expected = "" if question.kind in ("open", "lateral") else f"{verdict.points:g}"
            assert (row["points"], row["max_points"]) == (expected, f"{verdict.max_points:g}")
        counted = [r for q, r in mine.items() if QUESTIONS[q].counts_toward_total]
        total = sum(float(r["points"]) for r in counted)
        assert total == solved[chapter].points == solved[chapter].max_points > 0


def test_a_blank_download_scores_nothing(open_worksheet, tmp_path):
    page, watch = open_worksheet("07-unit-test-form-a")
    page.locator(".ws-download").click()
    assert "Write your name first" in page.locator(".ws-hand-in-status").inner_text()
    page.locator("#ws-student").click()
    page.keyboard.type("Nobody")
    saved = download(page, tmp_path)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["answers"] == {} and data["student"] == "Nobody"
    rows = grade_with_the_command(tmp_path, tmp_path.parent / "blank.csv")
    assert len(rows) == len(questions_of(7))
    assert all(r["points"] == "0" and r["message"] == "not answered yet" for r in rows)
    assert watch.problems() == []


def _shown_inputs(page) -> dict:
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll(".ws-question")].map((q) => [
               q.dataset.question,
               [...q.querySelectorAll("input, select, textarea")].map((e) =>
                   e.type === "radio" || e.type === "checkbox" ? e.checked : e.value)]))"""
    )


def test_answers_survive_a_reload_and_clear_removes_them(open_worksheet):
    page, watch = open_worksheet("02-attribution")
    answers = solution_answers(2)
    for qid in ("2.1", "2.2", "2.3", "2.4", "2.5", "2.11"):
        question = QUESTIONS[qid]
        fill(page, question, as_file_value(question, answers[qid]))
    page.locator("#ws-student").click()
    page.keyboard.type("Ann Lee")
    fill(page, QUESTIONS["2.7"], "a")  # a graded one too
    before = _shown_inputs(page)
    first_check = verdict_after_check(page, QUESTIONS["2.4"])
    page.reload(wait_until="load")
    page.wait_for_function("() => window.medialitWorksheet && window.medialitWorksheet.page")
    assert _shown_inputs(page) == before
    assert page.locator("#ws-student").input_value() == "Ann Lee"
    assert verdict_after_check(page, QUESTIONS["2.4"]) == first_check == "✓ 2.4: right (1/1)"
    assert "You have answered 7 of" in page.locator(".ws-progress").inner_text()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".ws-clear").click()
    page.reload(wait_until="load")
    page.wait_for_function("() => window.medialitWorksheet && window.medialitWorksheet.page")
    cleared = _shown_inputs(page)
    assert all(not value for values in cleared.values() for value in values)
    assert page.locator("#ws-student").input_value() == ""
    assert watch.problems() == []


def test_without_storage_the_page_says_so_and_still_downloads(open_worksheet, tmp_path):
    # Storage refused to this page's keys only (the theme keeps its own setting there too).
    refuse = """
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
            if (String(key).startsWith("medialit-worksheet:")) throw new Error("storage is off");
            return setItem.call(this, key, value);
        };"""
    page, watch = open_worksheet("07-unit-test-form-a", init_script=refuse)
    assert "does not keep answers" in page.locator(".ws-hand-in-status").inner_text()
    fill(page, QUESTIONS["7.1"], "b")
    page.locator("#ws-student").fill("Offline")
    saved = download(page, tmp_path)
    assert json.loads(saved.read_text(encoding="utf-8"))["answers"] == {"7.1": "b"}
    assert watch.problems() == []


# =========================================================================== the page itself


TARGETS = ".ws-option, .ws-text, .ws-textarea, .ws-select, .ws-check, .ws-download, .ws-clear"


def test_a_phone_shows_every_worksheet_without_sideways_scrolling_and_with_big_targets(
    open_worksheet, book_site: str
):
    page, watch = open_worksheet(CHAPTERS[1], viewport=PHONE, touch=True)
    problems, targets = [], 0
    for stem in CHAPTERS.values():
        page.goto(f"{book_site}worksheets/{stem}.html", wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE[0]:
            problems.append(f"{stem}: the page is {width} px wide")
        small = page.evaluate(
            """([selector, least]) => [...document.querySelectorAll(selector)]
                   .filter((e) => e.offsetParent !== null)
                   .map((e) => [e.className, e.getBoundingClientRect()])
                   .filter(([, r]) => r.width < least || r.height < least || r.right > innerWidth)
                   .map(([name, r]) => `${name}: ${r.width | 0}x${r.height | 0}`)""",
            [TARGETS, TAP_TARGET_PX],
        )
        problems += [f"{stem}: {target}" for target in small]
        targets += page.locator(TARGETS).count()
    assert problems == []
    assert targets > 300
    assert watch.problems() == []


SCREENS = {"phone": (PHONE, True), "desktop": ((1280, 900), False)}


def first_checked_question(chapter: int) -> Question:
    """The first question whose Check gives a verdict of its own: a practice question checked
    right or wrong, else one whose answer is recorded (the capstone has no practice)."""
    shown = [q for q in questions_of(chapter) if q.kind != "code"]
    practice = [q for q in shown if q.role == "practice" and q.kind not in ("open", "lateral")]
    return (practice or shown)[0]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("stem", CHAPTERS.values())
def test_every_worksheet_on_a_phone_and_a_desktop_in_light_and_dark(
    open_worksheet, axe_path, stem: str, screen: str, scheme: str
):
    """The page follows the OS colour setting, scrolls only downwards, answers a question by
    tap (phone) or click (desktop) with its verdict on the screen, and axe finds no serious
    violation, colour contrast included, with that verdict on show."""
    viewport, touch = SCREENS[screen]
    page, watch = open_worksheet(stem, viewport=viewport, touch=touch, color_scheme=scheme)
    problems = []
    theme = page.evaluate("document.documentElement.dataset.theme")
    if theme != scheme:
        problems.append(f"the OS says {scheme}, the page shows {theme}")
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > viewport[0]:
        problems.append(f"the page is {width} px wide on a {viewport[0]} px screen")
    chapter = next(number for number, name in CHAPTERS.items() if name == stem)
    question = first_checked_question(chapter)
    fill(page, question, solution_answers(chapter)[question.id])
    check_button = form_of(page, question).locator(".ws-check")
    if touch:
        check_button.tap()
    else:
        check_button.click()
    verdict = form_of(page, question).locator(".ws-verdict")
    line = verdict.inner_text()
    if not line.startswith(f"✓ {question.id}: right") and "recorded" not in line:
        problems.append(f"{question.id}: the solution's answer is checked as {line!r}")
    box = verdict.bounding_box()
    if box is None or box["x"] < 0 or box["x"] + box["width"] > viewport[0] + 1:
        problems.append(f"{question.id}: the verdict is not inside the screen ({box})")
    page.add_script_tag(path=str(axe_path))
    results = page.evaluate(
        """() => axe.run(document.querySelector("main") || document,
                         { resultTypes: ["violations"] })"""
    )
    problems += [
        f"axe {v['impact']}: {v['id']} at "
        + ", ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        for v in results["violations"]
        if v["impact"] in AXE_FAILING_IMPACTS
    ]
    assert problems + watch.problems() == [], f"{stem} on a {screen}, {scheme}"


@pytest.fixture(scope="module")
def axe_path() -> Path:
    """axe-core from the npm registry, pinned and checked like the site's JavaScript."""
    build = load_book_build()
    (folder,) = build.fetch([build.AXE_CORE], REPO_DIR / "book" / "_build" / "test-tools")
    return folder / "axe.min.js"


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_a_worksheet_has_no_serious_accessibility_violation(open_worksheet, axe_path, mode):
    """In the theme's light and dark modes (colour contrast included), with a right, a wrong
    and a recorded verdict on show."""
    page, watch = open_worksheet("01-sourcing")
    page.evaluate("(mode) => { document.documentElement.dataset.theme = mode; }", mode)
    answers = solution_answers(1)
    wrong = next(letter for letter in QUESTIONS["1.1"].letters if letter != answers["1.1"])
    for qid, value in (("1.1", wrong), ("1.3", answers["1.3"]), ("1.8", "a")):
        fill(page, QUESTIONS[qid], value)
        verdict_after_check(page, QUESTIONS[qid])
    assert (
        page.locator(".ws-verdict.ws-right, .ws-verdict.ws-wrong, .ws-verdict.ws-recorded").count()
        == 3
    )
    page.add_script_tag(path=str(axe_path))
    results = page.evaluate(
        """() => axe.run(document.querySelector("main") || document,
                         { resultTypes: ["violations"] })"""
    )
    failing = [
        f"{v['impact']}: {v['id']} ({v['help']}) at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in results["violations"]
        if v["impact"] in AXE_FAILING_IMPACTS
    ]
    assert failing == []
    assert watch.problems() == []


def test_each_built_page_holds_exactly_the_page_data(book_html: Path):
    key = load_key()
    for chapter, stem in CHAPTERS.items():
        raw = (book_html / "worksheets" / f"{stem}.html").read_text(encoding="utf-8")
        found = re.findall(r'<script type="application/json" class="ws-data">(.*?)</script>', raw)
        assert len(found) == 1
        assert json.loads(found[0]) == json.loads(json.dumps(page_data(chapter, key)))
