"""Benchmark: grade 100 submissions with ``medialit grade`` and with nbgrader's autograde.

Run from the repository root::

    .venv/bin/python benchmarks/grading.py              # 100 notebooks, both graders
    .venv/bin/python benchmarks/grading.py --count 12 --skip-nbgrader   # quick smoke run

It makes ``--count`` submissions (a mix of solved, blank and partly wrong notebooks, one chapter
each, display cells removed so that neither grader draws charts), grades them with
:func:`medialit.exercises.grade.grade_folder` (``--jobs`` at once, and once more one at a time),
then builds an equivalent nbgrader course: each answer cell is followed by an nbgrader
autograder cell that scores the answer with the same medialit scoring code and outputs the
points (nbgrader's partial credit). nbgrader is installed only in its own virtual environment
(``.benchmarks/nbgrader-venv``, created on first run). The script prints seconds per notebook
for each grader, the ratio, and whether every (student, question) score agrees, and writes the
figures to ``.benchmarks/grading.json``.

For the cost of the isolation, it also grades the same notebooks with the layers that can be
left out here (PID, network and IPC namespaces, Landlock, seccomp) left out, and times
``--runs`` empty notebooks (fork, confine, end) with and without them. The private root and
the user namespace stay in both: without them uid 65534 cannot read a Python under /root.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from medialit.exercises.bank import CHAPTERS, HAND_GRADED, QUESTIONS
from medialit.exercises.build import ANSWER_TAG, blank_answer_cell, repository_root
from medialit.exercises.grade import grade_folder
from medialit.exercises.sandbox import ForkServer, Isolation, Limits
from medialit.exercises.submissions import SKIP_TAG, cell_source, read_notebook

ROOT = repository_root()
OUT = ROOT / ".benchmarks"
VENV = OUT / "nbgrader-venv"
# Layers that can be left out here for a comparison in the same run. The private root and the
# user namespace cannot: they are what lets uid 65534 read a Python installed under /root.
SEPARABLE = frozenset({"pidns", "netns", "ipcns", "landlock", "seccomp"})
WRONG = {
    "choice": '"a"',
    "choices": '["a"]',
    "quote": '"not the phrase"',
    "number": "12345",
    "classify": "{}",
    "code": "lambda *args: []",
}


# =========================================================================== submissions


def _answer_question(cell: dict) -> str | None:
    for q in QUESTIONS.values():
        if f"{q.variable} =" in cell_source(cell):
            return q.id
    return None


def make_submission(chapter: int, variant: str, rng: random.Random) -> dict:
    """A solution notebook, blanked or partly spoiled; display cells removed."""
    notebook = read_notebook(ROOT / "solutions" / f"{CHAPTERS[chapter]}.ipynb")
    cells = []
    for cell in notebook["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        if SKIP_TAG in tags or "solution-only" in tags:
            continue
        question = _answer_question(cell) if ANSWER_TAG in tags else None
        if question and QUESTIONS[question].kind not in HAND_GRADED:
            roll = rng.random()
            if variant == "blank" or (variant == "partial" and roll < 0.3):
                cell = {**cell, "source": blank_answer_cell(cell_source(cell))}
            elif variant == "partial" and roll < 0.5:
                wrong = WRONG[QUESTIONS[question].kind]
                cell = {**cell, "source": f"{QUESTIONS[question].variable} = {wrong}\n"}
        cells.append(cell)
    notebook["cells"] = cells
    return notebook


def make_submissions(folder: Path, count: int, seed: int) -> dict[str, int]:
    """``count`` notebooks ``folder/sNNN/NN-chapter.ipynb``; returns student -> chapter."""
    rng = random.Random(seed)
    variants = ["good", "blank", "partial", "partial"]
    students = {}
    for number in range(count):
        student, chapter = f"s{number:03d}", number % len(CHAPTERS) + 1
        notebook = make_submission(chapter, variants[number % len(variants)], rng)
        path = folder / student / f"{CHAPTERS[chapter]}.ipynb"
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(notebook), encoding="utf-8")
        students[student] = chapter
    return students


# =========================================================================== medialit


def measure(action):
    """Run ``action()``; return (wall seconds, CPU seconds of this process and its children)."""
    self_before = resource.getrusage(resource.RUSAGE_SELF)
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = action()
    wall = time.perf_counter() - started
    cpu = 0.0
    for who, before in (
        (resource.RUSAGE_SELF, self_before),
        (resource.RUSAGE_CHILDREN, children_before),
    ):
        after = resource.getrusage(who)
        cpu += (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result


def time_medialit(
    folder: Path, jobs: int, isolation: Isolation | None = None
) -> tuple[float, float, dict]:
    def grade() -> list:
        return grade_folder(folder, jobs=jobs, limits=Limits(), isolation=isolation)

    wall, cpu, results = measure(grade)
    scores = {
        (g.student, v.question): v.points
        for g in results
        for v in g.verdicts
        if QUESTIONS[v.question].kind not in HAND_GRADED
    }
    return wall, cpu, scores


def confinement_cost(runs: int, isolation: Isolation) -> tuple[float, float]:
    """Wall and CPU seconds of one run with no cells: forking, confining and ending a notebook.

    The CPU time of the server and its children is counted once they have been waited for,
    so each measurement starts and stops a server, and a server that runs nothing is
    measured alongside and subtracted.
    """

    def serve(count: int) -> float:
        with ForkServer(isolation=isolation) as server:
            server.probe()  # warm up
            started = time.perf_counter()
            for _ in range(count):
                server.probe()
            return time.perf_counter() - started

    wall, cpu, _ = measure(lambda: serve(runs))
    _, idle_cpu, _ = measure(lambda: serve(0))
    return wall / runs, (cpu - idle_cpu) / runs


# =========================================================================== nbgrader


def nbgrader_python() -> Path:
    """The benchmark's own environment with nbgrader; medialit is added by a .pth file."""
    python = VENV / "bin" / "python"
    if not (python.exists() and _has_nbgrader(python)):
        print("creating", VENV, "with nbgrader (first run only)...", flush=True)
        base = getattr(sys, "_base_executable", sys.executable)
        subprocess.run([base, "-m", "venv", str(VENV)], check=True)
        pip = [str(python), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, "nbgrader", "ipykernel", "PyYAML"], check=True)
    site = subprocess.run(
        [str(python), "-c", "import site; print(site.getsitepackages()[0])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "medialit-src.pth").write_text(str(ROOT / "src") + "\n", encoding="utf-8")
    return python


def _has_nbgrader(python: Path) -> bool:
    return (
        subprocess.run([str(python), "-c", "import nbgrader"], capture_output=True).returncode == 0
    )


def _grade_cell(question: str, index: int) -> dict:
    q = QUESTIONS[question]
    source = (
        f"# autograder test for question {question}: the same scoring as medialit grade\n"
        "from medialit.exercises.bank import QUESTIONS as _QUESTIONS\n"
        "from medialit.exercises.check import verdict_for as _verdict_for\n"
        "from medialit.exercises.keys import grading_key as _load_key\n"
        f"_verdict_for(_QUESTIONS[{question!r}], {q.variable}, _load_key()).points"
    )
    return {
        "cell_type": "code",
        "id": f"test-{question.replace('.', '-')}-{index}",
        "execution_count": None,
        "outputs": [],
        "source": source,
        "metadata": {
            "nbgrader": {
                "grade": True,
                "grade_id": f"q{question.replace('.', '_')}",
                "locked": True,
                "points": q.points,
                "schema_version": 3,
                "solution": False,
                "task": False,
            }
        },
    }


def with_test_cells(notebook: dict) -> dict:
    """The notebook with an nbgrader autograder cell after each auto-checked answer cell."""
    notebook = copy.deepcopy(notebook)
    cells = []
    for index, cell in enumerate(notebook["cells"]):
        cell.setdefault("id", f"cell-{index}")
        cells.append(cell)
        question = (
            _answer_question(cell)
            if ANSWER_TAG in cell.get("metadata", {}).get("tags", [])
            else None
        )
        if question and QUESTIONS[question].kind not in HAND_GRADED:
            cells.append(_grade_cell(question, index))
    notebook["cells"] = cells
    return notebook


def build_course(course: Path, submissions: Path, students: dict[str, int]) -> None:
    course.mkdir(parents=True)
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        f"c.CourseDirectory.root = {str(course)!r}\n"
        "c.CourseDirectory.db_url = 'sqlite:///' + c.CourseDirectory.root + '/gradebook.db'\n"
        "c.ExecutePreprocessor.timeout = 120\n",
        encoding="utf-8",
    )
    for chapter, stem in CHAPTERS.items():
        blank = make_submission(chapter, "blank", random.Random(0))
        path = course / "source" / f"ch{chapter}" / f"{stem}.ipynb"
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(with_test_cells(blank)), encoding="utf-8")
    for student, chapter in students.items():
        name = f"{CHAPTERS[chapter]}.ipynb"
        notebook = read_notebook(submissions / student / name)
        path = course / "submitted" / student / f"ch{chapter}" / name
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(with_test_cells(notebook)), encoding="utf-8")


READ_SCORES = """
import json, sys
from nbgrader.api import Gradebook
with Gradebook(sys.argv[1]) as gb:
    rows = []
    for assignment in gb.assignments:
        for submission in gb.assignment_submissions(assignment.name):
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    rows.append([submission.student_id, grade.name, grade.score])
print(json.dumps(rows))
"""


def time_nbgrader(course: Path, python: Path, chapters: set[int]) -> tuple[float, float, dict]:
    """Autograde every chapter; only ``autograde`` is timed, not ``generate_assignment``."""
    nbgrader = [str(python), "-m", "nbgrader"]
    env = {**os.environ, "PATH": f"{python.parent}:{os.environ['PATH']}"}
    seconds = cpu = 0.0
    for chapter in sorted(chapters):
        # Generated just before its autograde, so each chapter is set up the same way.
        run = [*nbgrader, "generate_assignment", f"ch{chapter}", "--force"]
        subprocess.run(run, cwd=course, env=env, check=True, capture_output=True)
        run = [*nbgrader, "autograde", f"ch{chapter}", "--force"]
        wall, used, done = measure(
            lambda run=run: subprocess.run(run, cwd=course, env=env, capture_output=True, text=True)
        )
        if done.returncode != 0:
            print(done.stderr[-3000:], file=sys.stderr)
            raise SystemExit(f"nbgrader autograde ch{chapter} failed")
        seconds, cpu = seconds + wall, cpu + used
    db = f"sqlite:///{course}/gradebook.db"
    out = subprocess.run(
        [str(python), "-c", READ_SCORES, db], capture_output=True, text=True, check=True
    ).stdout
    scores = {}
    for student, grade_id, score in json.loads(out):
        question = grade_id[1:].replace("_", ".")
        scores[(student, question)] = round(float(score or 0), 2)
    return seconds, cpu, scores


# =========================================================================== report


def compare(ours: dict, theirs: dict) -> list[str]:
    keys = sorted(set(ours) | set(theirs))
    return [
        f"{student} {question}: medialit {ours.get((student, question))} "
        f"nbgrader {theirs.get((student, question))}"
        for student, question in keys
        if ours.get((student, question)) != theirs.get((student, question))
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100, help="submissions to grade")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--skip-nbgrader", action="store_true", help="medialit only (smoke)")
    parser.add_argument("--runs", type=int, default=50, help="empty notebooks timed per setting")
    parser.add_argument("--out", type=Path, default=OUT / "grading.json", help="figures file")
    args = parser.parse_args(argv)
    figures: dict = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "notebooks": args.count,
        "jobs": args.jobs,
    }
    with tempfile.TemporaryDirectory(prefix="medialit-grading-benchmark-") as tmp:
        submissions = Path(tmp) / "submissions"
        students = make_submissions(submissions, args.count, args.seed)
        n = args.count
        figures["load_before"] = os.getloadavg()[0]
        wall, cpu, ours = time_medialit(submissions, args.jobs)
        serial, _, _ = time_medialit(submissions, 1)
        figures["load_after_medialit"] = os.getloadavg()[0]
        print(
            f"medialit grade: {wall / n:.3f} s per notebook ({args.jobs} at once), "
            f"{cpu / n:.3f} CPU s",
            flush=True,
        )
        print(f"medialit grade: {serial / n:.3f} s per notebook (one at a time)", flush=True)
        weaker = Isolation(allow_weaker=True, skip=SEPARABLE)
        fewer, _, _ = time_medialit(submissions, args.jobs, weaker)
        empty_full, empty_full_cpu = confinement_cost(args.runs, Isolation())
        empty_fewer, empty_fewer_cpu = confinement_cost(args.runs, weaker)
        print(
            f"medialit grade without PID/network/IPC namespaces, Landlock and seccomp: "
            f"{fewer / n:.3f} s per notebook ({args.jobs} at once)\n"
            f"one empty notebook, forked, confined and ended (mean of {args.runs}, one at a "
            f"time): {empty_full * 1000:.1f} ms, {empty_full_cpu * 1000:.1f} ms CPU with every "
            f"layer; {empty_fewer * 1000:.1f} ms, {empty_fewer_cpu * 1000:.1f} ms CPU without "
            "those",
            flush=True,
        )
        figures.update(
            medialit_s_per_notebook=wall / n,
            medialit_cpu_s_per_notebook=cpu / n,
            medialit_serial_s_per_notebook=serial / n,
            medialit_fewer_layers_s_per_notebook=fewer / n,
            empty_notebook_all_layers_s=empty_full,
            empty_notebook_all_layers_cpu_s=empty_full_cpu,
            empty_notebook_fewer_layers_s=empty_fewer,
            empty_notebook_fewer_layers_cpu_s=empty_fewer_cpu,
        )
        if args.skip_nbgrader:
            print("nbgrader: skipped (--skip-nbgrader)")
        else:
            python = nbgrader_python()
            course = Path(tmp) / "course"
            build_course(course, submissions, students)
            theirs_wall, theirs_cpu, theirs = time_nbgrader(course, python, set(students.values()))
            figures["load_after_nbgrader"] = os.getloadavg()[0]
            # Grade again right after nbgrader, so both graders are timed on a similar load.
            again, again_cpu, _ = time_medialit(submissions, args.jobs)
            figures["load_after_second_medialit"] = os.getloadavg()[0]
            ours_wall = (wall + again) / 2
            ours_cpu = (cpu + again_cpu) / 2
            mismatches = compare(ours, theirs)
            figures.update(
                medialit_second_run_s_per_notebook=again / n,
                nbgrader_s_per_notebook=theirs_wall / n,
                nbgrader_cpu_s_per_notebook=theirs_cpu / n,
                ratio=theirs_wall / ours_wall,
                ratio_serial=theirs_wall / serial,
                ratio_cpu=theirs_cpu / ours_cpu,
                scores_compared=len(ours),
                score_mismatches=mismatches,
            )
            print(
                f"nbgrader autograde: {theirs_wall / n:.3f} s per notebook, "
                f"{theirs_cpu / n:.3f} CPU s"
            )
            print(f"medialit grade again: {again / n:.3f} s per notebook")
            print(
                f"ratio: medialit is {theirs_wall / ours_wall:.1f}x faster per notebook "
                f"(mean of its two runs; {theirs_wall / serial:.1f}x one at a time; "
                f"{theirs_cpu / ours_cpu:.1f}x in CPU time); target >= 20x"
            )
            print(f"scores: {len(ours) - len(mismatches)} of {len(ours)} (student, question) agree")
            for line in mismatches[:20]:
                print("  differs:", line)
        loads = {k: round(v, 1) for k, v in figures.items() if k.startswith("load_")}
        print(f"1-minute load average (other work on the machine skews timings): {loads}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
