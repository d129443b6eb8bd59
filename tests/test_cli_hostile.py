"""`medialit analyze` against hostile input: bounded memory, no waiting on a FIFO, every
option checked, line numbers right for every line ending, and random input never a traceback.

Each attack of issue 14 ("medialit analyze") is a test here. The ones that could exhaust memory
or hang run in a child process, with a timeout as a hang guard and its peak memory measured.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from peak_memory import run_measured as measured

from medialit.cli import DEFAULT_MAX_ITEMS, PIECE_CHARS, analyze_text, main, write_json
from medialit.corpus import load_corpus, seeds_dir
from medialit.inputs import MAX_MESSAGE_CHARS


def run_measured(*args: str, timeout: float = 120, stdin=None):
    """(exit status, stdout, stderr, peak memory in MB) of ``medialit`` run in a child."""
    return measured("medialit.cli", list(args), timeout=timeout, stdin=stdin)


def fingerprint(path: Path) -> tuple:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def one_clear_line(err: str, name: str) -> None:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"medialit analyze: {name}: "), err
    assert len(lines[0]) <= MAX_MESSAGE_CHARS + 80


# --------------------------------------------------------------------------- memory and time


def test_said_said_under_the_size_limit_is_refused_in_bounded_memory(tmp_path):
    # Was 235 s, 4.66 GB and 590 MB of JSON. Now the findings are counted piece by piece
    # and the input is refused once past the limit (measured: about 9 s and 135 MB).
    path = tmp_path / "said.txt"
    path.write_text("said " * (9_900_000 // 5), encoding="utf-8")
    before = fingerprint(path)
    status, out, err, peak_mb = run_measured("analyze", str(path), "--format", "json")
    assert (status, out) == (2, "")
    one_clear_line(err, str(path))
    assert f"more than {DEFAULT_MAX_ITEMS:,} findings" in err and "--max-items" in err
    assert peak_mb < 600, f"peak memory {peak_mb:.0f} MB"
    assert fingerprint(path) == before


def test_a_long_text_is_written_item_by_item_in_bounded_memory(tmp_path):
    # Forty seed articles in a row, about 230 kB and 2,000 findings: the report streams.
    articles = [a.text for a in load_corpus()]
    text = "\n\n".join(articles * 8)
    path = tmp_path / "corpus.txt"
    path.write_text(text, encoding="utf-8")
    status, out, err, peak_mb = run_measured("analyze", str(path), "--format", "json")
    assert status == 0, err
    report = json.loads(out)
    assert len(report["figures"]) == 8 * sum(len(analyze_text(t)["figures"]) for t in articles)
    assert peak_mb < 400, f"peak memory {peak_mb:.0f} MB"


def test_the_item_limit_can_be_raised_and_lowered(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Dozens died, police said. " * 10, encoding="utf-8")
    assert main(["analyze", str(path), "--max-items", "19"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "more than 19 findings: 20 in the first 260 characters" in err
    assert main(["analyze", str(path), "--max-items", "20", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["attributions"]) == 10


# --------------------------------------------------------------------------- special files


def test_a_fifo_with_no_writer_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    status, out, err, _ = run_measured("analyze", str(fifo), timeout=30)
    assert (status, out) == (2, "")
    one_clear_line(err, str(fifo))
    assert "is a named pipe (FIFO), not a regular file" in err


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused(capsys, device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    assert main(["analyze", device]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "is a device, not a regular file" in err
    one_clear_line(err, device)


def test_a_link_to_a_device_is_refused(capsys, tmp_path):
    link = tmp_path / "article.txt"
    link.symlink_to("/dev/zero")
    assert main(["analyze", str(link)]) == 2
    assert "is a device" in capsys.readouterr().err


def test_endless_standard_input_is_read_only_to_the_limit():
    with open("/dev/zero", "rb") as zeros:
        status, out, err, peak_mb = run_measured(
            "analyze", "-", "--max-mb", "5", stdin=zeros, timeout=60
        )
    assert (status, out) == (2, "")
    one_clear_line(err, "<stdin>")
    assert "larger than the 5.0 MB limit" in err
    assert peak_mb < 200


# --------------------------------------------------------------------------- options


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--max-mb", "inf", "'inf' is not a finite number"),
        ("--max-mb", "-inf", "'-inf' is not a finite number"),
        ("--max-mb", "nan", "'nan' is not a finite number"),
        ("--max-mb", "1e400", "'1e400' is not a finite number"),
        ("--max-mb", "-1", "'-1' is out of range: give more than 0 and at most 1,000"),
        ("--max-mb", "0", "'0' is out of range"),
        ("--max-mb", "1e-12", None),  # positive: allowed, and then the file is too large
        ("--max-mb", "1001", "'1001' is out of range"),
        ("--max-mb", "ten", "'ten' is not a number of megabytes"),
        ("--max-mb", "", "'' is not a number of megabytes"),
        ("--max-items", "0", "'0' is out of range"),
        ("--max-items", "-3", "'-3' is out of range"),
        ("--max-items", "2.5", "'2.5' is not a whole number"),
        ("--max-items", "1e9", "'1e9' is not a whole number"),
        ("--max-items", "99999999999", "'99999999999' is out of range"),
        ("--format", "xml", "invalid choice: 'xml'"),
    ],
)
def test_every_option_is_checked(capsys, option, value, message):
    path = seeds_dir() / load_corpus()[0].file
    if message is None:
        assert main(["analyze", str(path), f"{option}={value}"]) == 2
        assert "larger than the 0-byte limit" in capsys.readouterr().err
        return
    with pytest.raises(SystemExit) as info:
        main(["analyze", str(path), f"{option}={value}"])
    out, err = capsys.readouterr()
    assert info.value.code == 2 and out == ""
    assert f"argument {option}: {message}" in err and "Traceback" not in err


# --------------------------------------------------------------------------- line numbers


def lines_of(capsys, path: Path) -> list[int]:
    assert main(["analyze", str(path)]) == 0
    out = capsys.readouterr().out
    return [int(line.split()[1]) for line in out.splitlines() if line.startswith("  line ")]


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"], ids=["CR", "CRLF", "LF"])
def test_line_numbers_count_every_kind_of_line_ending(capsys, tmp_path, ending):
    body = ["Dozens died.", "", "Police said 5 were hurt.", "Bandits attacked 3 offices."]
    path = tmp_path / "a.txt"
    path.write_bytes(ending.join(body).encode())
    assert lines_of(capsys, path) == [1, 3, 4, 3, 4]  # figures, attributions, terms


def test_mixed_line_endings_and_cr_only_files_analyse_like_lf(capsys, tmp_path):
    lf = "Line one.\nPolice said 5 died.\nAnother line.\nFourth: 9 bandits rioted.\n"
    mixed = "Line one.\rPolice said 5 died.\r\nAnother line.\nFourth: 9 bandits rioted.\r"
    cr = lf.replace("\n", "\r")
    reports = {}
    for name, text in {"lf": lf, "mixed": mixed, "cr": cr}.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(text.encode())
        assert main(["analyze", str(path), "--format", "json"]) == 0
        reports[name] = json.loads(capsys.readouterr().out)
        assert lines_of(capsys, path) == [2, 4, 2, 4]
    # Same findings at the same offsets for LF and CR (one character a line break either way).
    assert {k: v for k, v in reports["cr"].items() if k != "file"} == {
        k: v for k, v in reports["lf"].items() if k != "file"
    }
    assert [f["text"] for f in reports["mixed"]["figures"]] == ["5", "9"]


# --------------------------------------------------------------------------- the report


def test_the_streamed_json_is_the_same_text_as_one_dump(capsys):
    article = load_corpus()[1]
    path = seeds_dir() / article.file
    assert main(["analyze", str(path), "--format", "json"]) == 0
    out = capsys.readouterr().out
    report = analyze_text(article.text)
    expected = json.dumps({"file": str(path), **report}, ensure_ascii=False, indent=2)
    assert out == expected + "\n"
    buffer = io.StringIO()
    write_json(buffer, "x", {"characters": 0, "figures": [], "nested": {"a": [1, {"b": 2}]}})
    assert json.loads(buffer.getvalue()) == {
        "file": "x",
        "characters": 0,
        "figures": [],
        "nested": {"a": [1, {"b": 2}]},
    }


def test_a_text_longer_than_a_piece_gives_spans_into_the_whole_text():
    paragraph = "Police said 164 people died in Almaty, and “bandits” were blamed.\n\n"
    text = paragraph * (2 * PIECE_CHARS // len(paragraph) + 3)
    report = analyze_text(text)
    assert len(report["figures"]) == text.count("164")
    for figure in report["figures"]:
        assert text[figure["start"] : figure["end"]] == figure["text"] == "164"
    for item in report["attributions"]:
        assert text[item["cue_start"] : item["cue_end"]] == item["cue"]
        if item["source_start"] is not None:  # "were blamed", a passive, names no source
            assert text[item["source_start"] : item["source_end"]] == item["source"]
    assert sum(item["source"] == "Police" for item in report["attributions"]) == text.count("Pol")
    assert sum(item["cue"] == "blamed" for item in report["attributions"]) == text.count("Pol")
    for term in report["loaded_terms"]:
        assert text[term["start"] : term["end"]] == term["term"]
    # An article shorter than a piece gets exactly what the extractors find in one go.
    one = analyze_text(paragraph * 3)
    from medialit.extract import extract_figures

    assert one["figures"] == [f.to_dict() for f in extract_figures(paragraph * 3)]


# --------------------------------------------------------------------------- random input


def analyse_quietly(path: Path, *extra: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["analyze", str(path), *extra])
    return status, out.getvalue(), err.getvalue()


def check_outcome(path: Path, status: int, out: str, err: str) -> None:
    """Success with a report whose spans point into the text, or one clear line and 2."""
    if status == 2:
        assert out == ""
        one_clear_line(err, str(path))
        return
    assert status == 0 and err == "", err
    report = json.loads(out)
    text = path.read_bytes().decode("utf-8-sig")
    assert report["characters"] == len(text)
    seen = re.sub(r"\r(?!\n)", "\n", text)  # what the extractors read: same offsets
    for figure in report["figures"]:
        assert seen[figure["start"] : figure["end"]] == figure["text"]
    for item in report["attributions"]:
        assert seen[item["cue_start"] : item["cue_end"]] == item["cue"]
    for term in report["loaded_terms"]:
        assert seen[term["start"] : term["end"]] == term["term"]


_NEWSY = st.sampled_from(
    ["said", "police", "bandits", "“", "”", '"', "'", "‘", "\r", "\n", "\r\n", " ", ",", ".",
     "164", "dozens", "1,200", "January 5", "2022", "%", "$", "so-called", "—", "\ufeff", "\x00"]
)  # fmt: skip


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("random-analyze")


@settings(
    max_examples=80, deadline=20_000, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.lists(_NEWSY, max_size=300).map(lambda words: " ".join(words).encode()),
    )
)
def test_random_input_gives_a_report_or_one_clear_line(scratch, data):
    path = scratch / "random.txt"
    path.write_bytes(data)
    status, out, err = analyse_quietly(path, "--format", "json")
    check_outcome(path, status, out, err)
    status, out, err = analyse_quietly(path)  # the text report too
    assert status in (0, 2) and "Traceback" not in err
    assert path.read_bytes() == data
