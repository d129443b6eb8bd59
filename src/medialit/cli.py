"""The ``medialit`` command line.

Each subcommand registers itself with one small function, ``add_<name>_command``, listed
in ``COMMANDS``; adding a command is one function and one line in that list.

``medialit analyze FILE`` reads an English article (``-`` reads standard input) and prints
its figures, attributions and loaded terms, each with the line it is on and its context;
``--format json`` prints the same for machines.

Bad input never ends in a traceback: a missing path, a directory, an empty file, a binary
file, a file that is not UTF-8 or one larger than ``--max-mb`` (10 MB unless raised) gets
one line naming the file and the problem, and exit status 2. Why a size limit rather than
streaming: a news article is a few kilobytes, a report on 50 MB would be unreadable, and a
50 MB input is far more often a wrong file than an article. The extractors themselves run
in linear time (see ``benchmarks/speed.py``), so ``--max-mb 100`` analyses a large corpus.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from medialit import __version__
from medialit.exercises.cli import add_exercises_command, add_grade_command, add_report_command

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2  # the same status argparse uses for a bad command line
DEFAULT_MAX_MB = 10.0
CONTEXT_CHARS = 40


class InputError(Exception):
    """Input the command cannot use; the message names the file and the problem."""


# --------------------------------------------------------------------------- reading


def read_text(path: str, max_bytes: int, stdin: BinaryIO | None = None) -> str:
    """Read a UTF-8 text file (or standard input for ``-``), refusing what is not text.

    Raises
    ------
    InputError
        For a missing path, a directory, an unreadable, empty, binary, non-UTF-8 or
        too large input.

    Examples
    --------
    >>> read_text("no/such/file.txt", 1000)
    Traceback (most recent call last):
    ...
    medialit.cli.InputError: no/such/file.txt: no such file
    """
    name = "<stdin>" if path == "-" else path
    data = _read_bytes(path, max_bytes, stdin)
    if len(data) > max_bytes:
        raise InputError(
            f"{name}: larger than the {_megabytes(max_bytes)} limit "
            "(raise it with --max-mb if this really is one text)"
        )
    return _decode(name, data)


def _read_bytes(path: str, max_bytes: int, stdin: BinaryIO | None) -> bytes:
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return stream.read(max_bytes + 1)
    file = Path(path)
    try:
        if file.is_dir():
            raise InputError(f"{path}: is a directory, not a text file")
        size = file.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path}: {_megabytes(size)} is larger than the {_megabytes(max_bytes)} limit "
                "(raise it with --max-mb if this really is one text)"
            )
        with file.open("rb") as handle:
            return handle.read(max_bytes + 1)  # bounded even for /dev/zero-like files
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read it ({error.strerror or error})") from None


def _decode(name: str, data: bytes) -> str:
    if not data.strip():
        raise InputError(f"{name}: is empty, there is nothing to analyse")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(f"{name}: is UTF-16 text; save it as UTF-8 and try again")
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise InputError(
            f"{name}: is not UTF-8 text (byte 0x{byte:02x} at offset {error.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None
    if not text.strip():
        raise InputError(f"{name}: is empty, there is nothing to analyse")
    return text


def _megabytes(size: float) -> str:
    return f"{size / 1_000_000:.1f} MB"


# --------------------------------------------------------------------------- analyze


def analyze_text(text: str) -> dict:
    """Figures, attributions and loaded terms of ``text`` as plain data.

    Examples
    --------
    >>> report = analyze_text("Lebedev said 500 bandits had foreign backing.")
    >>> [len(report[k]) for k in ("figures", "attributions", "loaded_terms")]
    [1, 1, 2]
    """
    from medialit.extract.attribution import extract_attributions
    from medialit.extract.figures import extract_figures
    from medialit.extract.language import find_loaded_terms

    return {
        "characters": len(text),
        "figures": [f.to_dict() for f in extract_figures(text)],
        "attributions": [a.to_dict() for a in extract_attributions(text)],
        "loaded_terms": [t.to_dict() for t in find_loaded_terms(text)],
    }


class _Lines:
    """Line numbers for offsets, by bisecting the newline positions once collected."""

    def __init__(self, text: str):
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def number(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def _context(text: str, start: int, end: int) -> str:
    """The span in brackets with a few words either side, on one line."""
    left = text[max(0, start - CONTEXT_CHARS) : start]
    right = text[end : end + CONTEXT_CHARS]
    snippet = f"{left}[{text[start:end]}]{right}"
    snippet = " ".join(snippet.split())
    return f"…{snippet}…"


def _figure_line(figure: dict) -> str:
    value = figure["value"]
    if value is None:
        low, high = figure["low"], figure["high"]
        value = f"{low if low is not None else '?'}–{high if high is not None else '?'}"
    details = [figure["kind"], f"value={value}"]
    if figure["unit"] and figure["unit"] not in (figure["kind"], "date"):
        details.append(f"unit={figure['unit']}")
    if figure["qualifier"] != "exact":
        details.append(figure["qualifier"])
    if figure["counts"]:
        details.append(f"counts: {figure['counts']}")
    return f"{figure['text']!r}  " + ", ".join(details)


def _attribution_line(item: dict) -> str:
    source = f"{item['source']!r}" if item["source"] else "no source named"
    quote = "direct quote" if item["direct"] else "indirect"
    return f"{item['cue']!r}  source: {source} ({item['source_type']}), {quote}"


def _term_line(item: dict) -> str:
    neutral = f"neutral: {item['neutral']!r}" if item["neutral"] else "neutral: (delete it)"
    return f"{item['term']!r}  {item['category']}, {neutral}, voice: {item['voice']}"


def format_report(name: str, text: str, report: dict) -> str:
    """The human-readable report: one block per extractor, each item with line and context."""
    lines = _Lines(text)
    sections = [
        ("FIGURES", report["figures"], "start", "end", _figure_line),
        ("ATTRIBUTIONS", report["attributions"], "cue_start", "cue_end", _attribution_line),
        ("LOADED TERMS", report["loaded_terms"], "start", "end", _term_line),
    ]
    out = [f"{name}: {report['characters']:,} characters", ""]
    for title, items, start_key, end_key, describe in sections:
        out.append(f"{title} ({len(items)})")
        for item in items:
            start, end = item[start_key], item[end_key]
            out.append(f"  line {lines.number(start):<4} {describe(item)}")
            out.append(f"            {_context(text, start, end)}")
        out.append("")
    return "\n".join(out)


def run_analyze(args: argparse.Namespace) -> int:
    """``medialit analyze``: read, extract, print."""
    if args.max_mb <= 0:
        raise InputError(f"--max-mb must be positive, got {args.max_mb}")
    text = read_text(args.file, int(args.max_mb * 1_000_000))
    name = "<stdin>" if args.file == "-" else args.file
    report = analyze_text(text)
    if args.format == "json":
        print(json.dumps({"file": name, **report}, ensure_ascii=False, indent=2))
    else:
        print(format_report(name, text, report))
    return EXIT_OK


def add_analyze_command(subparsers: argparse._SubParsersAction) -> None:
    """Register ``medialit analyze``."""
    parser = subparsers.add_parser(
        "analyze",
        help="list the figures, attributions and loaded terms of an article",
        description="Find every figure, every 'who says so' and every loaded term in an "
        "English text file (UTF-8), with the line and context of each.",
    )
    parser.add_argument("file", help="a UTF-8 text file, or - to read standard input")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="report format (text)"
    )
    parser.add_argument(
        "--max-mb",
        type=float,
        default=DEFAULT_MAX_MB,
        help=f"refuse inputs larger than this many megabytes ({DEFAULT_MAX_MB:g})",
    )
    parser.set_defaults(func=run_analyze)


# --------------------------------------------------------------------------- main

# One registration function per subcommand: add yours here.
COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    add_analyze_command,
    add_grade_command,
    add_exercises_command,
    add_report_command,
]


def build_parser() -> argparse.ArgumentParser:
    """The ``medialit`` parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="medialit", description="medialit: a media-literacy teaching kit."
    )
    parser.add_argument("--version", action="version", version=f"medialit {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add_command in COMMANDS:
        add_command(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Examples
    --------
    >>> main(["analyze", "no/such/file.txt"])
    2
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return args.func(args)
    except InputError as error:
        print(f"medialit {args.command}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader closed the pipe (| head): stop quietly; point stdout at devnull so
        # Python's final flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except ValueError as error:  # a malformed lexicon (LexiconError) names file and field
        print(f"medialit {args.command}: {error}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
