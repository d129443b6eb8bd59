"""The question bank: what kind of answer each question takes, its points, hint and test inputs.

Nothing here is an answer. The answers live in the solution notebooks (``solutions/``); the
package carries only their salted hashes (``key.json``, written by ``medialit exercises build``).
The question texts live in the notebooks' markdown.

Examples
--------
>>> QUESTIONS["3.4"].variable
'answer_3_4'
>>> [q.id for q in questions_of(6)][:2]
['6.1', '6.2']
>>> sum(q.kind != "open" for q in QUESTIONS.values()) >= 30
True
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("choice", "choices", "quote", "number", "classify", "code", "open")
LETTERS = ("a", "b", "c", "d")

CHAPTERS = {
    1: "01-sourcing",
    2: "02-attribution",
    3: "03-loaded-terms",
    4: "04-numeric-verification",
    5: "05-checking-claims",
    6: "06-capstone",
}


@dataclass(frozen=True)
class Question:
    """How one question is checked.

    Parameters
    ----------
    id
        ``"chapter.number"``, e.g. ``"2.3"``; the notebook assigns ``answer_2_3``.
    kind
        ``choice`` (one letter), ``choices`` (a list of letters), ``quote`` (an exact phrase
        from an article), ``number`` (within ``tolerance``), ``classify`` (a dict mapping each
        of ``items`` to a label), ``code`` (a function run on ``inputs``), ``open`` (graded by
        hand with the rubric in the solutions).
    points
        Maximum points; classify and code tasks earn a share for each right item or test.
    hint
        Shown with a wrong answer. It must help without giving the answer away.
    """

    id: str
    kind: str
    points: int = 1
    hint: str = ""
    options: tuple[str, ...] = LETTERS
    tolerance: float = 0.5
    items: tuple[str, ...] = ()
    inputs: tuple[tuple, ...] = ()

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"question {self.id}: kind {self.kind!r} is not one of {KINDS}")
        if self.kind == "number" and self.tolerance <= 0:
            raise ValueError(f"question {self.id}: tolerance must be positive")
        if self.kind == "classify" and not self.items:
            raise ValueError(f"question {self.id}: a classify question lists its items")
        if self.kind == "code" and not self.inputs:
            raise ValueError(f"question {self.id}: a code task lists its test inputs")

    @property
    def chapter(self) -> int:
        """The chapter number, from the id."""
        return int(self.id.split(".")[0])

    @property
    def variable(self) -> str:
        """The name of the variable that holds the answer in the notebook."""
        return "answer_" + self.id.replace(".", "_")


def questions_of(chapter: int) -> list[Question]:
    """The questions of one chapter, in order."""
    return [q for q in QUESTIONS.values() if q.chapter == chapter]


def _bank(*questions: Question) -> dict[str, Question]:
    bank = {}
    for q in questions:
        if q.id in bank:
            raise ValueError(f"question {q.id} is defined twice")
        bank[q.id] = q
    return bank


_SCARE_QUOTE_INPUTS = (
    ("The “protests” were riots.",),
    ("He said “we will never give up the fight” and left.",),
    ("Russian ‘peacekeepers’ arrived on Thursday.",),
    ('So-called "experts" and "real journalists" disagree.',),
    ("No quotation marks here.",),
    ("It’s a “colour revolution”, not a ‘protest’.",),
)
_RELATIVE_ERROR_INPUTS = ((317, 3393), (8, 19), (500, 500), (100, 45), (2030, 2500), (0, 16))
_DIRECT_QUOTE_INPUTS = (
    ("Lebedev said: “It is obvious today that they prepared.”",),
    ("The “protests” were riots.",),
    ('“We will act,” he said. "Order is back," she added.',),
    ("No quotes at all.",),
    ("A “short one” and “a much longer quoted phrase here”.",),
)

QUESTIONS: dict[str, Question] = _bank(
    # 1. Sourcing: who published, when, and where the information comes from
    Question(
        "1.1", "choice", hint="Which reading leaves December 16, 2021 'almost a month' earlier?"
    ),
    Question("1.2", "number", hint="Subtract two datetime.date objects and take .days."),
    Question(
        "1.3", "quote", hint="Look at the end of the sentence about the presidential residence."
    ),
    Question(
        "1.4", "choice", hint="When was the page saved, and when was the photo credit written?"
    ),
    Question(
        "1.5",
        "classify",
        points=2,
        items=("000", "001", "002", "003", "004"),
        hint="Read the byline field of each article: None means no byline.",
    ),
    Question("1.6", "number", hint="Compare each article's published date with 2022-01-06."),
    Question("1.7", "choices", hint="Search the text for each name; keep those it cites."),
    Question("1.8", "open", points=3),
    # 2. Attribution: who says so
    Question(
        "2.1",
        "classify",
        points=2,
        items=(
            "Fox News reported",
            "according to earlier reports in Kazakh media",
            "Reports have surfaced",
            "Leonid Kalashnikov, a Russian lawmaker, told Interfax",
            "police forces are said to have walked off the job",
            "Global watchdog organization Netblocks has said",
            "According to a video posted to Twitter",
        ),
        hint="Could a reader look the source up by name? If not, it is vague.",
    ),
    Question("2.2", "quote", hint="Who did Kalashnikov speak to?"),
    Question(
        "2.3", "choice", hint="Read the sentence that gives the 16 000 figure from its start."
    ),
    Question("2.4", "number", hint="Count attributions whose source_type is 'vague'."),
    Question("2.5", "number", tolerance=0.005, hint="Vague attributions over all attributions."),
    Question("2.6", "quote", hint="Compute the share of vague attributions per article first."),
    Question("2.7", "quote", hint="Read the line under the quotation of Tokayev's appeal."),
    Question("2.8", "open", points=3),
    # 3. Loaded terms: words that judge
    Question("3.1", "quote", hint="The headline is the line about the CIS Executive Committee."),
    Question(
        "3.2",
        "classify",
        points=2,
        items=(
            "puppet master",
            "dirty fingerprints",
            "so-called",
            "restoring order",
            "rabid and frenzied",
            "tearing Kazakhstan apart",
        ),
        hint="Use the categories of the annotation guide; each is used once.",
    ),
    Question("3.3", "choice", hint="Who would call them peacekeepers, and who doubts it?"),
    Question(
        "3.4",
        "code",
        points=3,
        inputs=_SCARE_QUOTE_INPUTS,
        hint="A regular expression with one alternative per kind of quotation mark helps.",
    ),
    Question("3.5", "number", hint="Call your find_scare_quotes on the text of article 001."),
    Question("3.6", "number", hint="Lower-case each text, then count the substring."),
    Question("3.7", "quote", hint="Counter(...).most_common(1) on the labels for participants."),
    Question("3.8", "open", points=3),
    # 4. Numeric verification
    Question("4.1", "number", tolerance=0.05, hint="Divide the new price by the lowest old one."),
    Question("4.2", "choice", hint="Compare 'near doubling' with the reference range."),
    Question("4.3", "number", hint="Use the quantity's current() value."),
    Question("4.4", "number", hint="Take the high bound of 'Dozens' from the annotation."),
    Question(
        "4.5",
        "code",
        points=3,
        inputs=_RELATIVE_ERROR_INPUTS,
        hint="(reported - reference) / reference; a negative result means the outlet reports less.",
    ),
    Question(
        "4.6", "number", tolerance=0.005, hint="Use your relative_error with the current value."
    ),
    Question("4.7", "number", tolerance=0.005, hint="Which reference value existed on 5 January?"),
    Question("4.8", "number", tolerance=0.05, hint="Total divided by the number of years."),
    Question("4.9", "choice", hint="Read the status of each value of the deaths quantity."),
    Question("4.10", "open", points=3),
    # 5. Checking claims against references
    Question("5.1", "choice", hint="Look up the CSTO's members in January 2022 (CS-01, CS-02)."),
    Question("5.2", "choice", hint="Whom did Tokayev's 5 January appeal name (OS-01)?"),
    Question(
        "5.3",
        "classify",
        points=2,
        items=(
            "003: the CSTO includes Uzbekistan",
            "002: NetBlocks saw a disruption from the evening of 4 January",
            "000: the riots answered the removal of an oil price cap",
            "001: some 16 000 foreign funded NGOs operate in Kazakhstan",
            "002: at least 15 people were shot dead in Zhanaozen in 2011",
            "002: eight police and national guard troops died and 317 were hurt (5 January)",
        ),
        hint="A claim no source confirms or denies is unverified, not contradicted.",
    ),
    Question("5.4", "quote", hint="Which fuel's price cap was removed on 1 January 2022?"),
    Question(
        "5.5", "number", hint="Count issues whose verdict is 'contradicted', in all articles."
    ),
    Question("5.6", "quote", hint="len(article.issues) for each article."),
    Question("5.7", "number", hint="Count the countries in the sentence that starts 'The bloc'."),
    Question("5.8", "open", points=3),
    # 6. Capstone
    Question(
        "6.1",
        "code",
        points=3,
        inputs=_DIRECT_QUOTE_INPUTS,
        hint='Match “...” and "..." separately and keep quotations of four words or more.',
    ),
    Question(
        "6.2",
        "classify",
        points=2,
        items=("000", "001", "002", "003", "004"),
        hint="Count labels with refers_to == 'participants'; break ties alphabetically.",
    ),
    Question("6.3", "number", tolerance=0.05, hint="len(loaded_terms) / word_count * 100."),
    Question(
        "6.4",
        "choices",
        options=("a", "b", "c", "d", "e"),
        hint="Look for issues with verdict 'contradicted' in each article.",
    ),
    Question("6.5", "quote", hint="Compute loaded terms per 100 words for every article."),
    Question("6.6", "open", points=3),
)
