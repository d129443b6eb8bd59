"""A synthetic class for the unit-test report: simulated students take form A, then form B.

Each student has an ability per skill; the unit adds a known gain to it. Each item has a
difficulty; a student answers an item right with the logistic probability of ability minus
difficulty (a Rasch model), and otherwise gives an answer the key does not credit. The answers
are written into the student versions of the two forms, graded with ``medialit grade`` and
reported with ``medialit report``, so the report can be checked against the gains that made
the data.

Run it to see a report (it writes to the folder you give)::

    python tests/synthetic_class.py /tmp/class --students 30
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import random
import sys
from pathlib import Path

from medialit.exercises.bank import QUESTIONS, Question, forms, questions_of
from medialit.exercises.build import ANSWER_TAG, repository_root
from medialit.exercises.submissions import SKIP_TAG, cell_source, read_notebook

ROOT = repository_root()
# How much the unit adds to each skill's ability (in logits); the report should find the order.
GAINS = {
    "sourcing": 1.6,
    "attribution": 1.0,
    "loaded_terms": 1.3,
    "numeric_verification": 0.3,
    "checking_claims": 0.9,
}


def solution_values(stem: str) -> dict:
    """The answers and the other credited answers of a solution notebook, run in this process."""
    namespace: dict = {"__name__": "__main__"}
    for cell in read_notebook(ROOT / "solutions" / f"{stem}.ipynb")["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell["cell_type"] == "code" and SKIP_TAG not in tags:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(cell_source(cell), stem, "exec"), namespace)
    return {k: v for k, v in namespace.items() if k.startswith(("answer_", "accept_"))}


def wrong_answer(question: Question, right, accept, rng: random.Random):
    """An answer the key gives no credit for (for a classify item: some items mislabelled)."""
    accept = accept or {}
    if question.kind == "choice":
        return rng.choice([x for x in question.letters if x != right and x not in accept])
    if question.kind == "choices":
        either = set(accept.get("either", []))
        letter = rng.choice([x for x in question.letters if x not in either])
        return sorted(set(right) ^ {letter})
    if question.kind == "number":
        return right * 3 + 17
    if question.kind == "classify":
        wrong = dict(right)
        for item in rng.sample(list(right), k=max(1, len(right) // 2)):
            credited = {right[item], *accept.get(item, {})}
            wrong[item] = rng.choice([x for x in question.label_set if x not in credited])
        return wrong
    return "not the answer"


def logistic(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def answers(notebook: int, ability: dict[str, float], difficulty: dict[str, float], rng) -> dict:
    """A simulated student's answer to every item of a form, by variable name."""
    stem = forms()["A" if notebook == forms()["A"].number else "B"].stem
    values = solution_values(stem)
    given = {}
    for q in questions_of(notebook):
        right = values[q.variable]
        correct = rng.random() < logistic(ability[q.skill] - difficulty[q.id])
        given[q.variable] = (
            right if correct else wrong_answer(q, right, values.get(q.accept_variable), rng)
        )
    return given


def sitting(notebook: int, ability: dict[str, float], difficulty: dict[str, float], rng) -> dict:
    """The student's version of a form with every answer cell filled in."""
    stem = forms()["A" if notebook == forms()["A"].number else "B"].stem
    answers_ = answers(notebook, ability, difficulty, rng)
    exercise = read_notebook(ROOT / "exercises" / f"{stem}.ipynb")
    for cell in exercise["cells"]:
        if ANSWER_TAG in cell.get("metadata", {}).get("tags", []):
            name = cell_source(cell).split("=")[0].strip()
            cell["source"] = f"{name} = {answers_[name]!r}\n"
    return exercise


def make_class(folder: Path, students: int = 30, seed: int = 2024) -> Path:
    """Write ``folder/sNN/07-...ipynb`` (before) and ``08-...ipynb`` (after) for each student.

    Items of the same position in the two forms share a difficulty (the forms are parallel).
    """
    rng = random.Random(seed)
    for number, student, difficulty in _students(students, rng):
        folder_ = folder / f"s{number:02d}"
        folder_.mkdir(parents=True, exist_ok=True)
        for nb, ability in student:
            notebook = sitting(nb.number, ability, difficulty, rng)
            (folder_ / f"{nb.stem}.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    return folder


def scored_class(students: int, seed: int) -> list:
    """The same simulated class scored by the grader's scorer without notebooks: fast enough for
    a class large enough that its item statistics are not at the mercy of one seed."""
    from medialit.exercises.check import verdict_for
    from medialit.exercises.keys import grading_key
    from medialit.exercises.report import Sitting

    key, rng, sittings = grading_key(), random.Random(seed), []
    for number, student, difficulty in _students(students, rng):
        for nb, ability in student:
            given = answers(nb.number, ability, difficulty, rng)
            scores = {}
            for q in questions_of(nb.number):
                verdict = verdict_for(q, given[q.variable], key)
                scores[q.id] = (verdict.points, verdict.max_points)
            phase = "pre" if nb.form == "A" else "post"
            sittings.append(Sitting(f"s{number:03d}", nb.form, phase, scores))
    return sittings


def _students(students: int, rng: random.Random):
    """Item difficulties, then for each student the two forms with the ability for each."""
    a, b = forms()["A"], forms()["B"]
    base = {q.id.split(".")[1]: rng.gauss(-0.3, 0.8) for q in questions_of(a.number)}
    difficulty = {
        q.id: base[q.id.split(".")[1]]
        for q in QUESTIONS.values()
        if q.chapter in (a.number, b.number)
    }
    for number in range(students):
        general = rng.gauss(0, 0.8)
        before = {skill: general + rng.gauss(-0.2, 0.5) for skill in GAINS}
        after = {skill: value + GAINS[skill] + rng.gauss(0, 0.3) for skill, value in before.items()}
        yield number, ((a, before), (b, after)), difficulty


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="an empty folder for the class and its report")
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    from medialit.cli import main as medialit

    make_class(args.out / "submissions", args.students, args.seed)
    grades = args.out / "grades.csv"
    code = medialit(["grade", str(args.out / "submissions"), "--out", str(grades), "--no-progress"])
    if code:
        return code
    return medialit(["report", str(grades), "--out", str(args.out / "unit-test-report.md")])


if __name__ == "__main__":
    sys.exit(main())
