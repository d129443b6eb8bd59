"""The ``medialit`` command line.

Each subcommand registers itself with one small function, ``add_<name>_command``, listed
in ``COMMANDS``; adding a command is one function and one line in that list.

``medialit analyze FILE`` reads an English article (``-`` reads standard input; a page saved
from a browser is read through :mod:`medialit.webpage`) and prints its figures, attributions and
loaded terms, each with the line it is on and its context; ``--format json`` prints the same for
machines, and ``--html REPORT.html`` writes the report a student reads (:mod:`medialit.report`).

Bad input never ends in a traceback: a missing path, a directory, a named pipe or a device,
an empty file, a binary file, a file that is not UTF-8, one larger than ``--max-mb`` (10 MB
unless raised) or one with more than ``--max-items`` findings (100,000 unless raised) gets one
line naming the file and the problem, and exit status 2; so does an option out of range.
Why limits rather than no limits: a news article is a few kilobytes with a few dozen
findings, a report on 50 MB would be unreadable, and such an input is far more often a wrong
file than an article. Within the limits, time and memory grow linearly with the input: the
text is analysed in pieces of :data:`PIECE_CHARS` characters cut at paragraph breaks, the
count of findings is checked after each piece, and the report is written item by item
rather than built whole. An article shorter than a piece (every article we have seen) is
analysed in one go; in a longer text, a date without a year takes the year of the first full
date in its own piece.

Line numbers count ``\n``, ``\r\n`` and a lone ``\r`` alike as one line break, and the
extractors see a lone ``\r`` as a line break too (offsets are unchanged: it is one character
either way).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from medialit import __version__
from medialit.exercises.cli import add_exercises_command, add_grade_command, add_report_command
from medialit.inputs import InputError, display_name, read_file, read_stream
from medialit.schema import (
    FIGURE_KIND_LABELS,
    QUALIFIER_LABELS,
    SOURCE_TYPE_LABELS,
    TERM_CATEGORY_LABELS,
    VOICE_LABELS,
    describe,
)

__all__ = ["InputError", "analyze_text", "format_report", "main", "read_text", "write_report"]

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2  # the same status argparse uses for a bad command line
DEFAULT_MAX_MB = 10.0
MAX_MAX_MB = 1000.0  # the text is held in memory, with a few copies while it is analysed
DEFAULT_MAX_ITEMS = 100_000  # news has about one finding per 90 characters: 9 MB of articles
MAX_MAX_ITEMS = 10_000_000
PIECE_CHARS = 250_000  # fifty times a long article
CONTEXT_CHARS = 40
SECTIONS = ("figures", "attributions", "loaded_terms")


class TooManyItems(InputError):
    """More findings than ``--max-items``: the input is refused before the report is written."""


# --------------------------------------------------------------------------- reading


def read_text(path: str, max_bytes: int, stdin: BinaryIO | None = None) -> str:
    """Read a UTF-8 text file (or standard input for ``-``), refusing what is not text.

    Only a regular file is opened (a named pipe or a device is refused by its type, before
    it is opened), and never more than ``max_bytes`` are read.

    Raises
    ------
    InputError
        For a missing path, a directory, a named pipe, a device, an unreadable, empty,
        binary, non-UTF-8 or too large input.

    Examples
    --------
    >>> read_text("no/such/file.txt", 1000)
    Traceback (most recent call last):
    ...
    medialit.inputs.InputError: no/such/file.txt: no such file
    """
    hint = "raise it with --max-mb if this really is one text"
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        name = "<stdin>"
        data = read_stream(stream, max_bytes, name=name, too_large=hint)
    else:
        name = display_name(path)
        data = read_file(path, max_bytes, name=name, too_large=hint)
    return _decode(name, data)


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


# --------------------------------------------------------------------------- analyze


def analyze_text(text: str, max_items: int | None = None) -> dict:
    """Figures, attributions and loaded terms of ``text`` as plain data.

    Parameters
    ----------
    text
        Any English text.
    max_items
        Refuse the text (:class:`TooManyItems`) once more findings than this are found,
        before finding the rest.

    Examples
    --------
    >>> report = analyze_text("Lebedev said 500 bandits had foreign backing.")
    >>> [len(report[k]) for k in ("figures", "attributions", "loaded_terms")]
    [1, 1, 2]
    >>> analyze_text("He said, she said, they said.", max_items=2)
    Traceback (most recent call last):
    ...
    medialit.cli.TooManyItems: more than 2 findings: 3 in the first 29 characters
    """
    report: dict = {"characters": len(text), **{key: [] for key in SECTIONS}}
    found = 0
    for offset, piece in _pieces(_lone_cr_as_newline(text), PIECE_CHARS):
        sections = _extract(piece)
        found += sum(len(items) for items in sections.values())
        if max_items is not None and found > max_items:
            raise TooManyItems(
                f"more than {max_items:,} findings: {found:,} in the first "
                f"{offset + len(piece):,} characters"
            )
        for key, items in sections.items():
            report[key].extend(_shifted(item.to_dict(), offset) for item in items)
    return report


def _extract(text: str) -> dict[str, list]:
    from medialit.extract import analyze

    found = analyze(text)  # one shared index of the text for the three extractors
    return {
        "figures": found.figures,
        "attributions": found.attributions,
        "loaded_terms": found.loaded_terms,
    }


_LONE_CR = re.compile(r"\r(?!\n)")


def _lone_cr_as_newline(text: str) -> str:
    """A lone carriage return (old Mac line ends) as a line feed: same length, same offsets.

    >>> _lone_cr_as_newline("a\\rb\\r\\nc")
    'a\\nb\\r\\nc'
    """
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def _pieces(text: str, size: int) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` of ``text`` in pieces of about ``size`` characters, cut after a
    paragraph break where there is one in the second half of a piece, else after a line
    break, else after a space.

    >>> list(_pieces("one two\\n\\nthree four five", 12))
    [(0, 'one two\\n\\n'), (9, 'three four '), (20, 'five')]
    """
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            end = _cut(text, start + size // 2, end)
        yield start, text[start:end]
        start = end


def _cut(text: str, low: int, high: int) -> int:
    paragraph = max(text.rfind("\n\n", low, high), text.rfind("\n\r\n", low, high))
    if paragraph != -1:
        return text.index("\n", paragraph + 1) + 1
    for mark in ("\n", " "):
        at = text.rfind(mark, low, high)
        if at != -1:
            return at + 1
    return high


def _shifted(item: dict, offset: int) -> dict:
    """An item's offsets (``start``, ``end``, ``*_start``, ``*_end``) moved by ``offset``."""
    if not offset:
        return item
    return {
        key: value + offset
        if isinstance(value, int) and not isinstance(value, bool) and _is_offset(key)
        else value
        for key, value in item.items()
    }


def _is_offset(key: str) -> bool:
    return key in ("start", "end") or key.endswith(("_start", "_end"))


class _Lines:
    """Line numbers for offsets: ``\\n``, ``\\r\\n`` and a lone ``\\r`` each end a line.

    >>> lines = _Lines("a\\rb\\r\\nc\\nd")
    >>> [lines.number(i) for i in (0, 2, 5, 7)]
    [1, 2, 3, 4]
    """

    def __init__(self, text: str):
        self.starts = array("q", [0])  # 8 bytes a line, however many lines
        self.starts.extend(match.end() for match in _LINE_BREAK.finditer(text))

    def number(self, offset: int) -> int:
        return bisect_right(self.starts, offset)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


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
    details = [f"{describe(FIGURE_KIND_LABELS, figure['kind'])}: {value}"]
    if figure["unit"] and figure["unit"] not in (figure["kind"], "date"):
        details[0] += f" {figure['unit']}"
    if figure["qualifier"] != "exact":
        details.append(describe(QUALIFIER_LABELS, figure["qualifier"]))
    if figure["counts"]:
        details.append(f"counts: {figure['counts']}")
    return f"{figure['text']!r}  " + ", ".join(details)


def _attribution_line(item: dict) -> str:
    source = f"{item['source']!r}" if item["source"] else "no source named"
    kind = describe(SOURCE_TYPE_LABELS, item["source_type"])
    quote = "quoted directly" if item["direct"] else "paraphrased"
    return f"{item['cue']!r}  source: {source} ({kind}), {quote}"


def _term_line(item: dict) -> str:
    neutral = f"neutral: {item['neutral']!r}" if item["neutral"] else "neutral: leave it out"
    category = describe(TERM_CATEGORY_LABELS, item["category"])
    return f"{item['term']!r}  {category}, {neutral}, {describe(VOICE_LABELS, item['voice'])}"


def write_report(out: TextIO, name: str, text: str, report: dict) -> None:
    """Write the human-readable report to ``out``, one line at a time: one block per
    extractor, each item with its line and context."""
    lines = _Lines(text)
    sections = [
        ("FIGURES", report["figures"], "start", "end", _figure_line),
        ("ATTRIBUTIONS", report["attributions"], "cue_start", "cue_end", _attribution_line),
        ("LOADED TERMS", report["loaded_terms"], "start", "end", _term_line),
    ]
    out.write(f"{name}: {report['characters']:,} characters\n\n")
    for title, items, start_key, end_key, line_of in sections:
        out.write(f"{title} ({len(items)})\n")
        for item in items:
            start, end = item[start_key], item[end_key]
            out.write(f"  line {lines.number(start):<4} {line_of(item)}\n")
            out.write(f"            {_context(text, start, end)}\n")
        out.write("\n")


def format_report(name: str, text: str, report: dict) -> str:
    """The human-readable report as one string (see :func:`write_report`)."""
    from io import StringIO

    buffer = StringIO()
    write_report(buffer, name, text, report)
    return buffer.getvalue()[:-1]  # as before: no newline after the last block


def write_json(out: TextIO, name: str, report: dict) -> None:
    """Write ``{"file": name, **report}`` as indented JSON, one item at a time: the same text
    as ``json.dumps(..., indent=2)`` without holding all of it in memory.

    >>> import io
    >>> out, report = io.StringIO(), {"characters": 3, "figures": [{"start": 0}], "terms": []}
    >>> write_json(out, "a.txt", report)
    >>> out.getvalue() == json.dumps({"file": "a.txt", **report}, indent=2) + "\\n"
    True
    """
    fields = list({"file": name, **report}.items())
    out.write("{\n")
    for number, (key, value) in enumerate(fields):
        out.write(f"  {json.dumps(key)}: ")
        if isinstance(value, list) and value:
            out.write("[\n")
            for index, item in enumerate(value):
                block = json.dumps(item, ensure_ascii=False, indent=2)
                out.write("    " + block.replace("\n", "\n    "))
                out.write(",\n" if index + 1 < len(value) else "\n")
            out.write("  ]")
        else:
            out.write(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  "))
        out.write(",\n" if number + 1 < len(fields) else "\n")
    out.write("}\n")


def read_article(path: str, max_bytes: int) -> tuple[str, bool]:
    """The article's text, and whether it was taken out of a saved web page (.html)."""
    from medialit.webpage import WebPageError, looks_like_html, main_text

    text = read_text(path, max_bytes)
    name = "<stdin>" if path == "-" else path
    if not looks_like_html(name, text):
        return text, False
    try:
        return main_text(name, text), True
    except WebPageError as error:
        raise InputError(str(error)) from None


def write_html_report(
    path: str, name: str, text: str, from_page: bool, max_items: int | None = None
) -> None:
    """Write the self-contained HTML report (``--html``), refused over ``max_items`` findings."""
    from medialit.extract import analyze
    from medialit.report import build_report

    found = analyze(text)
    total = len(found.figures) + len(found.attributions) + len(found.loaded_terms)
    if max_items is not None and total > max_items:
        error = TooManyItems(f"more than {max_items:,} findings: {total:,} in the whole text")
        raise InputError(_too_many(name, error))
    page = build_report(name, text, found, from_page=from_page)
    target = Path(path)
    if target.is_dir():
        raise InputError(f"--html {path}: is a directory; give a file name such as report.html")
    try:
        target.write_text(page, encoding="utf-8")
    except OSError as error:
        raise InputError(f"--html {path}: cannot write it ({error.strerror or error})") from None


def _too_many(name: str, error: TooManyItems) -> str:
    return (
        f"{name}: {error}; this does not look like one article, so nothing is written "
        "(raise the limit with --max-items if it is what you meant)"
    )


def run_analyze(args: argparse.Namespace) -> int:
    """``medialit analyze``: read, extract, write (or write the HTML report)."""
    text, from_page = read_article(args.file, int(args.max_mb * 1_000_000))
    name = "<stdin>" if args.file == "-" else display_name(args.file)
    if args.html:
        write_html_report(args.html, name, text, from_page, args.max_items)
        print(f"wrote {args.html}", file=sys.stderr)
        return EXIT_OK
    try:
        report = analyze_text(text, max_items=args.max_items)
    except TooManyItems as error:
        raise InputError(_too_many(name, error)) from None
    if args.format == "json":
        write_json(sys.stdout, name, report)
    else:
        write_report(sys.stdout, name, text, report)
    return EXIT_OK


def _bounded_number(kind: Callable, low: float, high: float, what: str) -> Callable:
    """An argparse type: a finite ``kind`` number in ``(low, high]``, or a clear error."""

    def parse(value: str):
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not {what}") from None
        if isinstance(number, float) and not math.isfinite(number):
            raise argparse.ArgumentTypeError(f"{value!r} is not a finite number")
        if not low < number <= high:
            raise argparse.ArgumentTypeError(
                f"{value!r} is out of range: give more than {low:g} and at most {high:,.0f}"
            )
        return number

    return parse


def add_analyze_command(subparsers: argparse._SubParsersAction) -> None:
    """Register ``medialit analyze``."""
    parser = subparsers.add_parser(
        "analyze",
        help="list the figures, attributions and loaded terms of an article",
        description="Find every figure, every 'who says so' and every loaded term in an "
        "English text file (UTF-8), with the line and context of each.",
    )
    parser.add_argument(
        "file",
        help="a UTF-8 text file, a web page saved from a browser (.html, needs the html extra), "
        "or - to read standard input",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="report format (text)"
    )
    parser.add_argument(
        "--html",
        metavar="REPORT.html",
        help="write a report a student can read: one self-contained HTML page with every mark "
        "highlighted, a count per category, the capstone checklist and the measured error rates",
    )
    parser.add_argument(
        "--max-mb",
        type=_bounded_number(float, 0, MAX_MAX_MB, "a number of megabytes"),
        default=DEFAULT_MAX_MB,
        metavar="MB",
        help=f"refuse inputs larger than this many megabytes ({DEFAULT_MAX_MB:g}; "
        f"at most {MAX_MAX_MB:g})",
    )
    parser.add_argument(
        "--max-items",
        type=_bounded_number(int, 0, MAX_MAX_ITEMS, "a whole number"),
        default=DEFAULT_MAX_ITEMS,
        metavar="N",
        help=f"refuse inputs with more findings than this ({DEFAULT_MAX_ITEMS:,})",
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
