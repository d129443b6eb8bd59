"""Editorial checks: the book holds itself to the standard it teaches.

A media-literacy book is judged by its own accuracy first. These checks turn the kit's
editorial rules into tests, so that a page or a note that breaks one fails ``make test``:

* :func:`uncited_claims`: a paragraph (or list item, table row, in-page question, note) that
  states an event figure, a date or a named outside source must cite the reference ledger
  (``{ledger}`ID``` in the pages, a bare ``ID`` in questions and notes). The few reviewed
  exceptions sit in one list (:func:`load_exemptions`), each with its reason.
* :func:`unhedged_citations`: a statement that rests only on medium- or low-confidence entries
  (and any statement citing a low-confidence entry) must say so in its wording: "probably",
  "reportedly", "according to", "unverified"... (:data:`HEDGE`).
* :func:`internal_leaks`: readers never see file names of internal documents, author notes or
  placeholders.
* :func:`number_format_problems`: printed numbers never use scientific notation, years never
  carry a thousands separator, and dates are not hand-formatted ("05 Jan").

Whether a cited entry supports its sentence no pattern can decide: :func:`citations` (and
``python -m medialit.editorial PAGES --data``) lists each citation with its sentence and the
entry's fact and confidence for a reviewer to read.

Each check takes text in and returns :class:`Finding` objects (an empty list when all is well),
so the same code checks the pages' sources, the seed data and the built HTML, and tests plant
one error of each kind to prove the check can fail.

Examples
--------
>>> units = page_units("Police said 317 were injured on 5 January.\\n", "x.md")
>>> [f.problem for f in uncited_claims(units, event_keys=set())]
['states a figure or a date without a {ledger} citation']
>>> number_format_problems("<p>since 1,995 and more than 1e+08</p>", "x.html")[0].problem
'scientific notation: 1e+08'
"""

from __future__ import annotations

import ast
import html
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from medialit.corpus import Article, References, load_references
from medialit.safeyaml import load_yaml

# --------------------------------------------------------------------------- vocabulary

#: A ledger id as written in questions and notes: ``DT-08``, ``MS-10``.
LEDGER_ID = re.compile(r"\b[A-Z]{2}-\d{2}\b")
#: The ``{ledger}`` role of the pages, with its ids.
LEDGER_ROLE = re.compile(r"\{ledger\}`([^`]*)`")
GLUE_ROLE = re.compile(r"\{glue(?::md|:text)?\}`([A-Za-z0-9_]+)`")
OTHER_ROLE = re.compile(r"\{[a-z-]+\}`[^`]*`")

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: A day-level date ("5 January", "January 5th") or a year standing alone ("in 2011"). A month
#: and year ("January 2022") only names the period of the case: :data:`MONTH_YEAR` removes it.
DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:{MONTHS})\b"
    rf"|\b(?:{MONTHS}) \d{{1,2}}(?:st|nd|rd|th)?\b"
    r"|\b(?:19[5-9]\d|20[0-3]\d)\b"
)
MONTH_YEAR = re.compile(rf"\b(?:{MONTHS}) (?:19|20)\d\d\b")
#: A number a reader could check: two digits or more, or with a thousands separator.
NUMBER = re.compile(
    r"(?<![\w.,-])\d{1,3}(?:[,\u202f ]\d{3})+(?![\w,.]\d)|(?<![\w.,-])\d{2,}(?![\w])"
)
#: Numbers that are about the kit, not about events: class minutes, software versions,
#: question ids, checksums, per-1,000-word rates.
NOT_A_CLAIM = re.compile(
    r"\b\d+-minute\b|\b\d+'|Python \d+(?:\.\d+)*|\b\d+\.\d+\b|SHA-256|UTF-8|per 1,000 words"
    r"|\b\d+ (?:points?|questions?|lessons?|words|notebooks?)\b|\b\d{2,3}\b(?= seconds?\b)"
    r"|\b0\d+\b"  # article ids: 000 ... 004
)

#: Sources outside the five articles: agencies, media, official bodies, watchdogs, authors.
OUTSIDE_SOURCES = re.compile(
    r"\b(?:Reuters|Associated Press|AP|AFP|TASS|Interfax|Xinhua|Kazinform|Khabar(?:[- ]24)?"
    r"|RFE/RL|Radio Free Europe|Azattyq|Human Rights Watch|HRW|Amnesty(?: International)?"
    r"|OHCHR|United Nations|WHO|World Health Organization|NetBlocks|EUvsDisinfo|Fox News"
    r"|Newsweek|New York Times|Wikipedia|State Department|Department of State|Treasury"
    r"|Global Engagement Center|Senate|Stanford History Education Group|Caulfield|PARC"
    r"|Interior Ministry|Health Ministry|Information Ministry|Prosecutor General"
    r"|Ombudswoman|The Diplomat|openDemocracy|Orda\.kz|RBC|Caliber)\b"
)

#: Wording that shows a statement is hedged or attributed, not asserted as fact.
HEDGE = re.compile(
    r"\b(?:probabl[ey]|(?:most |more )?likely|reportedly|apparently|allegedly|possibly|perhaps"
    r"|according to|unverified|not (?:been )?verified|could not be verified"
    r"|no (?:independent |reliable |other |official )?(?:sources?|evidence|records?)"
    r"|not found|inferr?(?:ed|ence)|uncertain|unconfirmed|(?:low|medium) confidence"
    r"|may|might|could|seems?|appears? to|suggests?|says|said|claims?|claimed|alleges?"
    r"|reported|quot(?:es|ed|ing)|cited|citing|put .{0,40}\bat\b|gave|told|writes|wrote"
    r"|described|calls? (?:it|them|him|her)|called|listed|catalogu(?:es|ed)|documented"
    r"|estimated|counted|only source|partisan sites?|relayed|attribut(?:ed|es)|no information"
    r"|nothing (?:was |could be )?found|was not found|were not found)\b",
    re.IGNORECASE,
)

#: Internal documents, author notes and placeholders that readers must never see.
INTERNAL = re.compile(
    r"\bfacts\.md\b|reference_ledger\.yaml|\.\./shared\b|\bshared/(?:references|seeds|notes)\b"
    r"|\bDESIGN\.md\b|\bpreamble\.md\b|\bTODO\b|\bFIXME\b|\bXXX\b|\bTBD\b|lorem ipsum"
    r"|not been tested here|note to (?:self|authors?)"
    r"|<(?:repository|your|insert|placeholder)[^<>]{0,40}>"
    r"|&lt;(?:repository|your|insert|placeholder)[^&]{0,40}&gt;",
    re.IGNORECASE,
)

#: Scientific notation as Python prints floats, whose exponent always has a sign: 1e+08, 7.5E-03
#: (a hexadecimal hash such as 03e43079 has none).
SCIENTIFIC = re.compile(r"(?<![\w.#-])\d+(?:\.\d+)?[eE][+-]\d+(?![\w.])")
#: A calendar year written with a thousands separator: 1,995 or 2,022.
YEAR_WITH_SEPARATOR = re.compile(r"(?<![\d,.])(?:1,[89]\d\d|2,0\d\d)(?![\d,]*\d)")
#: A day written with a leading zero ("05 Jan 2023"): dates go through format_date.
ZERO_PADDED_DAY = re.compile(
    r"(?<![\d.:/-])0\d (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)
#: Words before a year: "in 1,995" is a year whatever the data say.
YEAR_CONTEXT = re.compile(rf"(?:\b(?:in|since|year|founded|from|until|of|©)|{MONTHS}) $")

CONFIDENCE_RANK = {"high": 2, "medium": 1, "low": 0}


@dataclass(frozen=True)
class TextUnit:
    """One unit a reader takes in at once: a paragraph, a list item, a table row, a string of
    an in-page question, or a note in the seed data. ``kind`` is ``prose`` (cites with the
    ``{ledger}`` role) or ``quiz``/``note`` (cites with a bare ledger id)."""

    where: str
    text: str
    kind: str = "prose"


@dataclass(frozen=True)
class Finding:
    """A problem a check found: where, what, and the text it is in."""

    where: str
    problem: str
    excerpt: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}: {self.excerpt}"


@dataclass(frozen=True)
class Exemption:
    """A unit the citation check lets pass, with the reason a reviewer accepted."""

    where: str
    contains: str
    reason: str


# --------------------------------------------------------------------------- reading pages


FENCE = re.compile(r"^(`{3,})\s*(\{[\w-]+\})?\s*(.*)$")
PROSE_DIRECTIVES = {"{admonition}", "{important}", "{note}", "{tip}", "{warning}", "{glossary}"}
QUIZ_CALLS = {"multiple_choice", "Option"}


def page_units(source: str, page: str) -> list[TextUnit]:
    """The units of a MyST page: paragraphs, list items and table rows of its prose, and the
    strings of its in-page questions (``multiple_choice`` and ``Option`` calls in code cells).

    Front matter, headings, code and the ``include``/``ledger-table`` directives are left out.

    >>> text = "# T\\n\\nOne.\\nStill one.\\n\\n- item a\\n- item b\\n\\n"
    >>> text += "| a | b |\\n| --- | --- |\\n| c | d |\\n"
    >>> [u.text for u in page_units(text, "p.md")]
    ['One. Still one.', 'item a', 'item b', '| a | b |', '| c | d |']
    """
    lines = source.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        start = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0) + 1
    units: list[TextUnit] = []
    block: list[tuple[int, str]] = []
    fence: tuple[str, str] | None = None  # (backticks, directive)
    code: list[str] = []
    code_line = 0

    def flush() -> None:
        units.extend(_block_units(block, page))
        block.clear()

    for number, line in enumerate(lines[start:], start=start + 1):
        match = FENCE.match(line.strip())
        if fence is not None:
            if match and match.group(1) == fence[0] and not match.group(2) and not match.group(3):
                if fence[1] == "{code-cell}":
                    units.extend(_quiz_units("\n".join(code), page, code_line))
                elif fence[1] in PROSE_DIRECTIVES:
                    flush()
                fence = None
                continue
            if fence[1] == "{code-cell}":
                code.append(line)
            elif fence[1] in PROSE_DIRECTIVES:
                if line.strip().startswith(":"):
                    continue  # a directive option (:class: tip)
                if line.strip():
                    block.append((number, line))
                else:
                    flush()
            continue
        if match:
            flush()
            fence = (match.group(1), match.group(2) or "")
            code, code_line = [], number + 1
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            flush()
            continue
        block.append((number, line))
    flush()
    return units


LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
TABLE_SEPARATOR = re.compile(r"^\s*\|[\s|:-]+\|\s*$")


def _block_units(block: Sequence[tuple[int, str]], page: str) -> list[TextUnit]:
    units: list[TextUnit] = []
    current: list[str] = []
    first = 0

    def close() -> None:
        if current:
            units.append(TextUnit(f"{page}, line {first}", " ".join(current).strip()))
            current.clear()

    for number, line in block:
        stripped = line.strip()
        if stripped.startswith("|"):
            close()
            if not TABLE_SEPARATOR.match(stripped):
                units.append(TextUnit(f"{page}, line {number}", stripped))
            continue
        if LIST_ITEM.match(line):
            close()
            first = number
            current.append(LIST_ITEM.sub("", line, count=1).strip())
            continue
        if not current:
            first = number
        current.append(stripped)
    close()
    return units


def _quiz_units(code: str, page: str, first_line: int) -> list[TextUnit]:
    """The strings of the in-page questions in a code cell; ``n['key']`` in an f-string is a
    glued number, so it is written as the glue role the prose would use."""
    if not any(name in code for name in QUIZ_CALLS):
        return []
    # Cell options (":tags: [remove-input]") head the cell; they are not Python.
    lines = code.splitlines()
    for n, line in enumerate(lines):
        if not line.lstrip().startswith(":"):
            break
        lines[n] = ""  # blanked, not removed, so line numbers still point at the page
    code = "\n".join(lines)
    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        raise ValueError(
            f"{page}, line {first_line}: a code cell with questions does not parse: {error}"
        ) from error
    units = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in QUIZ_CALLS:
            for arg in node.args:
                text = _string_of(arg)
                if text:
                    units.append(
                        TextUnit(f"{page}, line {first_line + arg.lineno - 1}", text, "quiz")
                    )
    return units


def _string_of(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            elif (
                isinstance(value, ast.FormattedValue)
                and isinstance(value.value, ast.Subscript)
                and isinstance(value.value.slice, ast.Constant)
            ):
                parts.append(f"{{glue:md}}`{value.value.slice.value}`")
            else:
                parts.append("«value»")
        return "".join(parts)
    return None


# --------------------------------------------------------------------------- seed data


def data_units(articles: Iterable[Article]) -> list[TextUnit]:
    """The texts of the seed data that readers see: annotation notes and problems (shown in
    the widgets, with the item's reference ids), outlet profiles and provenance notes (shown on
    the pages, next to the outlet's reference ids)."""
    units = []
    for a in articles:
        where = f"article {a.id}"
        profile_refs = _with_references("", a.profile_references)
        units += [
            TextUnit(f"{where} catalog", text + profile_refs, "note")
            for text in (a.behind, a.profile)
        ]
        units += [TextUnit(f"{where} provenance", p.note, "note") for p in a.provenance]
        for kind, items in (
            ("figure", a.figures),
            ("attribution", a.attributions),
            ("loaded term", a.loaded_terms),
            ("label", a.labels),
        ):
            units += [
                TextUnit(
                    f"{where} {kind}",
                    _with_references(i.note, getattr(i, "references", ())),
                    "note",
                )
                for i in items
                if i.note
            ]
        for issue in a.issues:
            text = _with_references(f"{issue.claim} {issue.problem}", issue.references)
            units.append(TextUnit(f"{where} issue", text, "note"))
    return units


def _with_references(text: str, references: Sequence[str]) -> str:
    return f"{text} (references: {', '.join(references)})" if references else text


# --------------------------------------------------------------------------- the checks


def bare_text(text: str) -> str:
    """The text a claim could hide in: roles, code, quotations and markup taken out.

    Quoted words belong to the articles (or to a speaker), not to the book, so a figure inside
    quotation marks or italics is not the book's claim.

    >>> bare_text('Reuters said “317” and *Fox News reported* 8 {ledger}`SF-01`.')
    'Reuters said   and   8  .'
    """
    text = LEDGER_ROLE.sub(" ", text)
    text = GLUE_ROLE.sub(" ", text)
    text = OTHER_ROLE.sub(" ", text)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", text)
    text = re.sub(r"\*[^*\n]+\*", " ", text)
    text = re.sub(r"“[^”]*”|\"[^\"\n]*\"|‘[^’]*’(?!\w)|(?<!\w)'[^'\n]+'(?!\w)", " ", text)
    return text


def cites(unit: TextUnit) -> bool:
    """True when the unit cites the ledger in the way its kind allows.

    In questions and notes a bare id cites; so does a glued verdict, whose text names the ledger
    entries it was judged against ("matches the figure known on its date (14, GV-03)").
    """
    if unit.kind == "prose":
        return bool(LEDGER_ROLE.search(unit.text))
    verdicts = [key for key in GLUE_ROLE.findall(unit.text) if key.startswith("verdict_")]
    return bool(LEDGER_ID.search(unit.text) or verdicts)


def claim_triggers(unit: TextUnit, event_keys: set[str]) -> list[str]:
    """What in the unit is a checkable claim: glued event numbers, dates, figures, sources.

    >>> claim_triggers(TextUnit("x", "The toll was {glue:md}`deaths_final`."), {"deaths_final"})
    ['event number deaths_final']
    >>> claim_triggers(TextUnit("x", "Six 50-minute lessons in Python 3.10."), set())
    []
    >>> claim_triggers(TextUnit("x", "Dated 8 Jan; TASS says so.", "note"), set())
    ['source TASS']
    """
    found = [f"event number {key}" for key in GLUE_ROLE.findall(unit.text) if key in event_keys]
    text = MONTH_YEAR.sub(" ", NOT_A_CLAIM.sub(" ", bare_text(unit.text)))
    if unit.kind == "note":
        # Notes discuss the article's own figures and dates; what they must not do is lean
        # on an outside source the reader cannot look up in the ledger.
        return [f"source {m.group(0)}" for m in OUTSIDE_SOURCES.finditer(text)]
    found += [f"date {m.group(0)}" for m in DATE.finditer(text)]
    dated = {m.span() for m in DATE.finditer(text)}
    found += [
        f"figure {m.group(0)}"
        for m in NUMBER.finditer(text)
        if not any(a <= m.start() < b for a, b in dated)
    ]
    found += [f"source {m.group(0)}" for m in OUTSIDE_SOURCES.finditer(text)]
    return found


def uncited_claims(
    units: Iterable[TextUnit],
    event_keys: set[str],
    exemptions: Sequence[Exemption] = (),
) -> list[Finding]:
    """Units that state an event figure, a date or a named outside source without citing the
    ledger, less the reviewed exemptions (:func:`stale_exemptions` finds those that no longer
    match anything).
    """
    findings = []
    for unit in units:
        triggers = claim_triggers(unit, event_keys)
        if not triggers or cites(unit):
            continue
        if any(_exempts(e, unit) for e in exemptions):
            continue
        kinds = {t.split()[0] for t in triggers}
        what = "names an outside source" if kinds == {"source"} else "states a figure or a date"
        role = "{ledger} citation" if unit.kind == "prose" else "ledger id"
        findings.append(
            Finding(
                unit.where,
                f"{what} without a {role}",
                f"{_short(unit.text)} ({', '.join(triggers)})",
            )
        )
    return findings


def stale_exemptions(units: Iterable[TextUnit], exemptions: Sequence[Exemption]) -> list[Finding]:
    """Exemptions that match no unit any more: they must be removed or updated."""
    units = list(units)
    return [
        Finding(e.where, "exemption matches no paragraph", e.contains)
        for e in exemptions
        if not any(_exempts(e, u) for u in units)
    ]


#: Shorter ``contains`` texts must equal the whole unit (an answer option such as "Interfax"),
#: so that a short word cannot exempt every paragraph that mentions it.
EXACT_BELOW = 12


def _exempts(exemption: Exemption, unit: TextUnit) -> bool:
    if unit.where.split(",")[0] != exemption.where:
        return False
    if len(exemption.contains) < EXACT_BELOW:
        return exemption.contains == unit.text.strip()
    return exemption.contains in unit.text


def unhedged_citations(units: Iterable[TextUnit], refs: References) -> list[Finding]:
    """Sentences whose citation rests on weak entries but whose wording asserts.

    A sentence must be hedged (:data:`HEDGE`) when it cites a low-confidence entry, or when all
    the entries it cites are medium or low.

    >>> from medialit.corpus import load_references
    >>> refs = load_references()
    >>> unit = TextUnit("p.md", "The alert concerned a one-day demonstration {ledger}`US-02`.")
    >>> [f.problem for f in unhedged_citations([unit], refs)]
    ['cites US-02 (low confidence) in assertive wording']
    >>> hedged = "According to partisan sites, it concerned a protest {ledger}`US-02`."
    >>> unhedged_citations([TextUnit("p.md", hedged)], refs)
    []
    """
    findings = []
    for unit in units:
        text, suffix = unit.text, ""
        match = REFERENCES_SUFFIX.search(text)
        if unit.kind == "note" and match:
            # An item's reference list stands for the whole note: the note as a whole must hedge.
            text, suffix = text[: match.start()], match.group(1)
            findings += _unhedged(unit.where, text, [LEDGER_ID.findall(suffix)], refs)
        for sentence in _sentences(text):
            groups = (
                [[i.strip() for i in m.split(",")] for m in LEDGER_ROLE.findall(sentence)]
                if unit.kind == "prose"
                else [LEDGER_ID.findall(sentence)]
            )
            findings += _unhedged(unit.where, sentence, groups, refs)
    return findings


REFERENCES_SUFFIX = re.compile(r"\s*\(references: ([^)]*)\)$")


def _unhedged(where: str, text: str, groups: list[list[str]], refs: References) -> list[Finding]:
    findings = []
    for ids in groups:
        known = [i for i in ids if i in refs.entries]
        if not known:
            continue
        ranks = {i: CONFIDENCE_RANK[refs.entries[i].confidence] for i in known}
        weak = [i for i, r in ranks.items() if r == 0] or (known if max(ranks.values()) < 2 else [])
        if weak and not HEDGE.search(LEDGER_ROLE.sub(" ", text)):
            named = ", ".join(f"{i} ({refs.entries[i].confidence} confidence)" for i in weak)
            findings.append(Finding(where, f"cites {named} in assertive wording", _short(text)))
    return findings


SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z“\"(*{])|(?<=[;])\s+")


def _sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if s.strip()]


#: The phrases :func:`medialit.compare.describe_verdict` and
#: :func:`medialit.compare.no_reference_reason` use: a page that types one by hand words a
#: verdict its data may not give.
VERDICT_PHRASES = re.compile(
    r"the figure known on its date|later revised:|consistent with, but not confirmed by"
    r"|no comparable figure found|only an unverified claim to compare with"
    r"|has no value for the same count in the ledger|has no source to check it against"
    r"|can be set only against an unverified claim"
    r"|is (?:contradicted by|imprecise against|not supported by) the references"
    r"|\b(?:matches|matched|differs from|agrees with) the (?:reference|official (?:count|figure))"
    r"|\bit holds(?=[.,;:!?])|\bholds\.",
    re.IGNORECASE,
)


def handwritten_verdicts(units: Iterable[TextUnit]) -> list[Finding]:
    """Units that word a figure's verdict by hand instead of printing it from the data.

    >>> [f.problem for f in handwritten_verdicts([TextUnit("p.md", "The figure holds.")])]
    ['a verdict typed by hand; print it with {glue:md}`verdict_KEY`']
    >>> handwritten_verdicts([TextUnit("p.md", "It {glue:md}`verdict_emergency_two_weeks`.")])
    []
    """
    return [
        Finding(
            unit.where, "a verdict typed by hand; print it with {glue:md}`verdict_KEY`", m.group(0)
        )
        for unit in units
        for m in VERDICT_PHRASES.finditer(GLUE_ROLE.sub(" ", unit.text))
    ]


@dataclass(frozen=True)
class Citation:
    """One ledger id cited in one sentence, with what the entry says: for a reviewer to check that
    the entry supports the sentence (a check no pattern can make)."""

    where: str
    sentence: str
    ref_id: str
    confidence: str
    fact: str

    def __str__(self) -> str:
        return f"{self.where}: {self.ref_id} [{self.confidence}] {self.fact}\n    {self.sentence}"


def citations(units: Iterable[TextUnit], refs: References) -> list[Citation]:
    """Every citation in ``units``, sentence by sentence: ``{ledger}`` roles in prose, bare ids in
    questions and notes (an item's reference list counts for the whole note).

    >>> unit = TextUnit("p.md", "Protests began on 2 January {ledger}`MS-09`. Nothing else.")
    >>> [(c.ref_id, c.sentence) for c in citations([unit], load_references())]
    [('MS-09', 'Protests began on 2 January {ledger}`MS-09`.')]
    """
    found = []
    for unit in units:
        text = unit.text
        match = REFERENCES_SUFFIX.search(text)
        if unit.kind == "note" and match:
            text = text[: match.start()]
            found += [
                _citation(unit.where, _short(text, 400), ref_id, refs)
                for ref_id in LEDGER_ID.findall(match.group(1))
            ]
        for sentence in _sentences(text):
            if unit.kind == "prose":
                ids = [
                    i.strip() for group in LEDGER_ROLE.findall(sentence) for i in group.split(",")
                ]
            else:
                ids = LEDGER_ID.findall(sentence)
            found += [_citation(unit.where, " ".join(sentence.split()), i, refs) for i in ids]
    return found


def _citation(where: str, sentence: str, ref_id: str, refs: References) -> Citation:
    entry = refs.entries.get(ref_id)
    if entry is None:
        return Citation(where, sentence, ref_id, "unknown", "no such entry in the ledger")
    return Citation(where, sentence, ref_id, entry.confidence, entry.fact)


def internal_leaks(text: str, where: str) -> list[Finding]:
    """File names of internal documents, author notes and placeholders in ``text``.

    >>> [f.excerpt for f in internal_leaks("as facts.md section 4 states", "x")]
    ['facts.md']
    >>> internal_leaks("The reference ledger lists 114 entries.", "x")
    []
    """
    return [
        Finding(where, "internal note, file name or placeholder", m.group(0))
        for m in INTERNAL.finditer(text)
    ]


def number_format_problems(page: str, where: str, counts: Iterable[float] = ()) -> list[Finding]:
    """Scientific notation and years with a thousands separator in a built page.

    Images embedded as data URLs, styles and scripts (other than the widgets' saved state,
    which holds text readers see) are left out first. ``counts`` are the numbers the data hold
    that are not years, such as 2,030 troops: printed with a separator, those are right, unless
    a word such as "in" or "since" shows that a year is meant.

    >>> found = number_format_problems("<p>2,030 troops arrived in 1,995</p>", "x", counts=[2030])
    >>> [f.problem for f in found]
    ['year with a thousands separator: 1,995']
    """
    text = _readable(page)
    allowed = {f"{int(c):,}" for c in counts if float(c).is_integer()}
    findings = [
        Finding(where, f"scientific notation: {m.group(0)}", _around(text, m))
        for m in SCIENTIFIC.finditer(text)
    ]
    findings += [
        Finding(where, f"date not printed by format_date: {m.group(0)}", _around(text, m))
        for m in ZERO_PADDED_DAY.finditer(text)
    ]
    for m in YEAR_WITH_SEPARATOR.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        if m.group(0) not in allowed or YEAR_CONTEXT.search(before):
            findings.append(
                Finding(where, f"year with a thousands separator: {m.group(0)}", _around(text, m))
            )
    return findings


WIDGET_SCRIPT = re.compile(r'type="application/vnd\.jupyter\.widget-(?:state|view)\+json"')


def _readable(page: str) -> str:
    page = re.sub(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+", " ", page)
    page = re.sub(r"<style\b.*?</style>", " ", page, flags=re.S | re.I)
    # Code shows strings as code (the corrections page quotes a wrong "1e+08" so); it is not a
    # printed figure.
    page = re.sub(r"<(code|pre)\b.*?</\1>", " ", page, flags=re.S | re.I)

    def script(match: re.Match) -> str:
        return match.group(0) if WIDGET_SCRIPT.search(match.group(1)) else " "

    page = re.sub(r"<script\b([^>]*)>.*?</script>", script, page, flags=re.S | re.I)
    # A tag shows readers only its tooltip and alternative text; the rest (links, classes, cache
    # hashes) is not printed. Tags inside the widgets' saved state have escaped quotes.
    page = re.sub(r"</?[a-zA-Z][^<>]*>", _shown_attributes, page)
    return html.unescape(page)


SHOWN_ATTRIBUTE = re.compile(r'\b(?:title|alt|aria-label)=\\?["\']((?:(?!\\?["\']).)*)')


def _shown_attributes(tag: re.Match) -> str:
    return " " + " ".join(SHOWN_ATTRIBUTE.findall(tag.group(0))) + " "


def _around(text: str, match: re.Match, width: int = 40) -> str:
    start, end = max(0, match.start() - width), match.end() + width
    return "…" + " ".join(text[start:end].split()) + "…"


def _short(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------- exemptions


def load_exemptions(path: Path) -> list[Exemption]:
    """Read the reviewed list of exemptions: each needs ``where``, ``contains`` and a ``reason``.

    Raises
    ------
    ValueError
        When an entry lacks one of the three fields, naming the file and the entry.
    """
    data = load_yaml(path.read_text(encoding="utf-8"), path.name) or []
    exemptions = []
    for n, entry in enumerate(data):
        missing = [k for k in ("where", "contains", "reason") if not str(entry.get(k, "")).strip()]
        if missing:
            raise ValueError(f"{path.name}: entry {n} lacks {', '.join(missing)}")
        exemptions.append(Exemption(entry["where"], entry["contains"], entry["reason"]))
    return exemptions


# --------------------------------------------------------------------------- for reviewers


def main(argv: list[str] | None = None) -> int:
    """List every citation of the given pages (and, with ``--data``, of the seed notes), each
    with its sentence and the fact of the entry it cites, so a reviewer can see at a glance
    whether the entry supports the sentence::

        python -m medialit.editorial book/*.md book/lessons/*.md --data
    """
    import argparse

    from medialit.corpus import load_corpus

    parser = argparse.ArgumentParser(
        prog="python -m medialit.editorial",
        description="List each ledger citation with its sentence and the entry's fact.",
    )
    parser.add_argument("pages", nargs="*", type=Path, help="MyST pages of the book")
    parser.add_argument("--data", action="store_true", help="also the notes of the seed data")
    parser.add_argument("--id", action="append", default=[], help="only citations of this id")
    args = parser.parse_args(argv)
    units: list[TextUnit] = []
    for page in args.pages:
        try:
            units += page_units(page.read_text(encoding="utf-8"), page.name)
        except (OSError, UnicodeDecodeError, ValueError) as error:
            print(f"error: {page}: {error}", file=sys.stderr)
            return 1
    if args.data:
        units += data_units(load_corpus())
    for citation in citations(units, load_references()):
        if not args.id or citation.ref_id in args.id:
            print(citation)
    return 0


if __name__ == "__main__":
    sys.exit(main())
