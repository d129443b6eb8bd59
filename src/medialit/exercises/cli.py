"""Command-line subcommands of the exercises: ``medialit grade`` and ``medialit exercises build``.

``medialit.cli`` lists :func:`add_grade_command` and
:func:`add_exercises_command` in its ``COMMANDS``; each handler returns the exit code.

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
        help="grade a folder of submitted exercise notebooks",
        description="Run each submitted notebook in its own limited process and write a CSV "
        "(student, question, points, max_points, message), one feedback file per student and a "
        "summary. Submissions are only read.",
    )
    parser.add_argument("submissions", type=Path, help="folder of .ipynb files (or of folders)")
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
    parser.set_defaults(func=run_grade)


def run_grade(args: argparse.Namespace) -> int:
    """Handler of ``medialit grade``."""
    from medialit.exercises.grade import grade_command
    from medialit.exercises.sandbox import Isolation, IsolationError, Limits

    limits = Limits(
        wall_seconds=args.timeout, cell_seconds=args.cell_timeout, memory_mb=args.memory_mb
    )
    try:
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
        )
    except IsolationError as error:
        print(
            f"medialit grade: refusing to grade, the notebooks cannot be confined here:\n{error}\n"
            "Pass --allow-weaker-isolation to grade anyway (only notebooks you trust).",
            file=sys.stderr,
        )
        return 3
    except (FileNotFoundError, ValueError) as error:
        print(f"medialit grade: {error}", file=sys.stderr)
        return 2
    graded = [g for g in results if not g.skipped]
    troubled = sum(bool(g.problems) for g in graded)
    students = len({g.student for g in graded})
    skipped = [g for g in results if g.skipped and not g.quiet]
    print(
        f"graded {len(graded)} notebooks from {students} students; {troubled} had problems; "
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
        description="solutions/ is the source of truth: `build` writes exercises/ (answers "
        "removed) and the hashed answer key; `check` fails when exercises/ has drifted.",
    )
    parser.add_argument("action", choices=["build", "check"])
    parser.add_argument("--solutions", type=Path, default=None)
    parser.add_argument("--exercises", type=Path, default=None)
    parser.add_argument("--no-key", action="store_true", help="do not rebuild the key")
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
        for path in build(args.solutions, args.exercises, with_key=not args.no_key):
            print(f"wrote {path}")
    except (BuildError, FileNotFoundError, ValueError) as error:
        print(f"medialit exercises: {error}", file=sys.stderr)
        return 1
    return 0
