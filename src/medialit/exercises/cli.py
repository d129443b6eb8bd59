"""Command-line subcommands of the exercises: ``medialit grade``, ``medialit exercises`` and
``medialit report``.

``medialit.cli`` lists :func:`add_grade_command`, :func:`add_exercises_command` and
:func:`add_report_command` in its ``COMMANDS``; each handler returns the exit code.

Examples
--------
>>> import argparse
>>> parser = argparse.ArgumentParser(prog="medialit")
>>> commands = parser.add_subparsers(dest="command")
>>> add_grade_command(commands)
>>> add_exercises_command(commands)
>>> args = parser.parse_args(["grade", "subs", "--out", "g.csv", "--jobs", "3"])
>>> args.jobs, args.out.name
(3, 'g.csv')
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_grade_command(commands) -> None:
    """``medialit grade SUBMISSIONS --out grades.csv``."""
    parser = commands.add_parser(
        "grade",
        help="grade a folder of submitted exercise notebooks and worksheet files",
        description="Run each submitted notebook in its own limited process, score each "
        "worksheet file downloaded from the book (data: nothing in it is run), and write a CSV "
        "(student, question, points, max_points, message), one feedback file per student and a "
        "summary. Submissions are only read.",
    )
    parser.add_argument(
        "submissions", type=Path, help="folder of .ipynb and worksheet .json files (or of folders)"
    )
    parser.add_argument("--out", type=Path, default=Path("grades.csv"), help="the CSV to write")
    parser.add_argument("--jobs", type=int, default=None, help="notebooks at once (cores)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per notebook")
    parser.add_argument("--cell-timeout", type=float, default=30.0, help="seconds per cell")
    parser.add_argument("--memory-mb", type=int, default=1024, help="memory per notebook")
    parser.add_argument("--feedback", type=Path, default=None, help="feedback folder")
    parser.add_argument("--summary", type=Path, default=None, help="summary Markdown file")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument(
        "--allow-weaker-isolation",
        action="store_true",
        help="grade even where the operating system cannot confine writes, reads of the answer "
        "key and the network (only for notebooks you trust)",
    )
    parser.add_argument(
        "--key",
        type=Path,
        default=None,
        help="the instructors' key of the graded items (default: solutions/instructor-key.json)",
    )
    parser.add_argument(
        "--private",
        type=Path,
        action="append",
        default=[],
        help="a private folder of instructor items built with `exercises build --private`",
    )
    parser.set_defaults(func=run_grade)


def run_grade(args: argparse.Namespace) -> int:
    """Handler of ``medialit grade``."""
    from medialit.exercises.bank import BankError, add_items
    from medialit.exercises.grade import NO_INSTRUCTOR_KEY, grade_command
    from medialit.exercises.keys import INSTRUCTOR_KEY_NAME, grading_key
    from medialit.exercises.result_files import submissions_text
    from medialit.exercises.sandbox import Isolation, IsolationError, Limits

    limits = Limits(
        wall_seconds=args.timeout, cell_seconds=args.cell_timeout, memory_mb=args.memory_mb
    )
    try:
        for folder in args.private:
            add_items(folder / "bank.yaml")
        key = grading_key(args.key, tuple(f / INSTRUCTOR_KEY_NAME for f in args.private))
        results = grade_command(
            args.submissions,
            args.out,
            jobs=args.jobs,
            limits=limits,
            feedback_dir=args.feedback,
            summary=args.summary,
            progress=not args.no_progress,
            isolation=Isolation(allow_weaker=args.allow_weaker_isolation),
            announce=lambda report: print(report.describe(), flush=True),
            key=key,
        )
    except IsolationError as error:
        print(
            f"medialit grade: refusing to grade, the notebooks cannot be confined here:\n{error}\n"
            "Pass --allow-weaker-isolation to grade anyway (only notebooks you trust).",
            file=sys.stderr,
        )
        return 3
    except (FileNotFoundError, ValueError, BankError) as error:
        print(f"medialit grade: {error}", file=sys.stderr)
        return 2
    ungraded = sum(v.message == NO_INSTRUCTOR_KEY for g in results for v in g.verdicts)
    if ungraded:
        print(
            f"medialit grade: warning: {ungraded} answers to graded items were not graded: "
            "no instructors' key for them (run `medialit exercises build`, or pass --key)",
            file=sys.stderr,
        )
    graded = [g for g in results if not g.skipped]
    troubled = sum(bool(g.problems) for g in graded)
    students = len({g.student for g in graded})
    skipped = [g for g in results if g.skipped and not g.quiet]
    print(
        f"graded {submissions_text(graded)} from {students} students; {troubled} had problems; "
        f"{len(skipped)} files not graded (listed in the summary); wrote {args.out}"
    )
    refused = [g for g in results if g.skipped == "name"]
    for g in refused:
        print(f"medialit grade: {g.path}: {g.problems[0]}", file=sys.stderr)
    return 1 if refused else 0


def add_exercises_command(commands) -> None:
    """``medialit exercises build`` (regenerate) and ``medialit exercises check`` (drift)."""
    parser = commands.add_parser(
        "exercises",
        help="build the student notebooks and the answer key from the solutions",
        description="solutions/ and the bank are the source of truth: `build` renders the "
        "questions, writes exercises/ (answers removed), the practice key (in the package) and "
        "the instructors' key of the graded items (solutions/instructor-key.json, never "
        "shipped); `check` fails when the notebooks have drifted.",
    )
    parser.add_argument("action", choices=["build", "check"])
    parser.add_argument("--solutions", type=Path, default=None)
    parser.add_argument("--exercises", type=Path, default=None)
    parser.add_argument("--no-key", action="store_true", help="do not rebuild the keys")
    parser.add_argument(
        "--private",
        type=Path,
        default=None,
        help="build an instructor's private folder (bank.yaml, solutions/) outside the repository",
    )
    parser.set_defaults(func=run_exercises)


def run_exercises(args: argparse.Namespace) -> int:
    """Handler of ``medialit exercises``."""
    from medialit.exercises.build import BuildError, build, drift, repository_root

    try:
        if args.action == "check":
            root = repository_root()
            problems = drift(
                args.solutions or root / "solutions", args.exercises or root / "exercises"
            )
            for problem in problems:
                print(problem, file=sys.stderr)
            print("exercises/ is in sync with solutions/" if not problems else "drift found")
            return 1 if problems else 0
        written = build(
            args.solutions, args.exercises, with_key=not args.no_key, private=args.private
        )
        for path in written:
            print(f"wrote {path}")
        if not written:
            print("everything was up to date")
    except (BuildError, FileNotFoundError, ValueError) as error:
        print(f"medialit exercises: {error}", file=sys.stderr)
        return 1
    return 0


def add_report_command(commands) -> None:
    """``medialit report GRADES.csv``: the unit test's item statistics and pre/post change."""
    parser = commands.add_parser(
        "report",
        help="item statistics and pre/post change per skill from graded unit tests",
        description="Read the grades of the unit-test forms (written by `medialit grade`) and "
        "write a Markdown report with a chart: difficulty and point-biserial discrimination of "
        "each item, and the mean score per skill before and after the unit. By default form A "
        "is the test before the unit and form B the one after; --pre and --post take the "
        "grades of each sitting instead (for forms given counterbalanced).",
    )
    parser.add_argument("grades", type=Path, nargs="*", help="grades CSV files")
    parser.add_argument("--pre-form", choices=["A", "B"], default="A", help="form given first")
    parser.add_argument("--pre", type=Path, action="append", default=[], help="grades before")
    parser.add_argument("--post", type=Path, action="append", default=[], help="grades after")
    parser.add_argument("--out", type=Path, default=Path("unit-test-report.md"))
    parser.set_defaults(func=run_report)


def run_report(args: argparse.Namespace) -> int:
    """Handler of ``medialit report``."""
    from medialit.exercises.report import ReportError, write_report

    if not (args.grades or args.pre or args.post):
        print("medialit report: give a grades CSV, or --pre and --post", file=sys.stderr)
        return 2
    try:
        out = write_report(args.grades, args.out, args.pre_form, args.pre, args.post)
    except ReportError as error:
        print(f"medialit report: {error}", file=sys.stderr)
        return 2
    chart = out.with_suffix(".png")
    if f"]({chart.name})" in out.read_text(encoding="utf-8"):
        print(f"wrote {out} and {chart}")
    else:
        print(f"wrote {out} (no chart: too few students to compare a class)")
    return 0
