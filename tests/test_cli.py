"""The `medialit analyze` command: reports, JSON, standard input, and every kind of bad input."""

import io
import json
import subprocess
import sys

import pytest

from medialit.cli import main
from medialit.corpus import load_corpus, seeds_dir


@pytest.fixture(scope="module")
def article_path():
    return seeds_dir() / load_corpus()[2].file


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_text_report_lists_each_section_with_lines_and_context(capsys, article_path):
    status, out, err = run(capsys, "analyze", str(article_path))
    assert (status, err) == (0, "")
    assert "FIGURES (" in out and "ATTRIBUTIONS (" in out and "LOADED TERMS (" in out
    assert "'near doubling'  ratio: 2" in out
    assert "[near doubling]" in out  # the span in brackets, in its context


def test_text_report_says_kinds_in_plain_words(capsys, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Q: How many?\nMAYOR OKAFOR: About 300 people came, the so-called experts said.\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "analyze", str(article))
    assert status == 0
    assert "source: 'Q' (vague or anonymous), quoted directly" in out
    assert "source: 'MAYOR OKAFOR' (named person), quoted directly" in out
    assert "'About 300'  count: 300, about" in out
    for identifier in ("named_person", "named_organisation", "approx", "value=", "voice:"):
        assert identifier not in out


def test_json_report_spans_point_into_the_file(capsys, article_path):
    status, out, _ = run(capsys, "analyze", str(article_path), "--format", "json")
    report = json.loads(out)
    text = article_path.read_text(encoding="utf-8")
    assert status == 0 and report["characters"] == len(text)
    for figure in report["figures"]:
        assert text[figure["start"] : figure["end"]] == figure["text"]
    for item in report["attributions"]:
        assert text[item["cue_start"] : item["cue_end"]] == item["cue"]
    for term in report["loaded_terms"]:
        assert text[term["start"] : term["end"]] == term["term"]


def test_standard_input(capsys, monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO(b"Dozens died, Fox News reported."))
    monkeypatch.setattr(sys, "stdin", stdin)
    status, out, _ = run(capsys, "analyze", "-", "--format", "json")
    report = json.loads(out)
    assert (status, report["file"], report["figures"][0]["text"]) == (0, "<stdin>", "Dozens")


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"  \n\t\n", "is empty"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin1.txt", "café 15 people".encode("latin-1"), "is not UTF-8 text (byte 0xe9"),
        ("utf16.txt", "15 people".encode("utf-16"), "is UTF-16"),
    ],
)
def test_bad_files_get_a_clear_message_and_status_2(capsys, tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    status, out, err = run(capsys, "analyze", str(path))
    assert (status, out) == (2, "")
    assert message in err and str(path) in err and "Traceback" not in err


def test_missing_path_and_directory(capsys, tmp_path):
    status, _, err = run(capsys, "analyze", str(tmp_path / "nope.txt"))
    assert status == 2 and "nope.txt: no such file" in err
    status, _, err = run(capsys, "analyze", str(tmp_path))
    assert status == 2 and "is a directory" in err


def test_a_50_mb_file_is_refused_without_reading_it(capsys, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB on paper, nothing to read
    status, _, err = run(capsys, "analyze", str(path))
    assert status == 2
    assert "50.0 MB is larger than the 10.0 MB limit" in err and "--max-mb" in err


def test_the_limit_can_be_raised(capsys, tmp_path):
    path = write(tmp_path, "two.txt", ("Dozens died. " * 200).encode())
    assert run(capsys, "analyze", str(path), "--max-mb", "0.001")[0] == 2
    status, out, _ = run(capsys, "analyze", str(path), "--max-mb", "1", "--format", "json")
    assert status == 0 and len(json.loads(out)["figures"]) == 200


def test_a_byte_order_mark_is_not_part_of_the_text(capsys, tmp_path):
    path = write(tmp_path, "bom.txt", "\ufeff317 injured".encode())
    status, out, _ = run(capsys, "analyze", str(path), "--format", "json")
    assert status == 0 and json.loads(out)["figures"][0]["start"] == 0


def test_no_command_prints_usage(capsys):
    status, _, err = run(capsys)
    assert status == 2 and "analyze" in err


def test_the_module_runs_as_a_program(tmp_path):
    path = write(tmp_path, "bad.txt", b"\xff\xfe\x00")
    result = subprocess.run(
        [sys.executable, "-m", "medialit.cli", "analyze", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "UTF-16" in result.stderr
    assert "Traceback" not in result.stderr


SAVED_PAGE = __import__("pathlib").Path(__file__).parent / "fixtures" / "saved-article.html"


def test_html_report_from_a_saved_page(capsys, tmp_path):
    report = tmp_path / "report.html"
    status, out, err = run(capsys, "analyze", str(SAVED_PAGE), "--html", str(report))
    page = report.read_text(encoding="utf-8")
    assert (status, out, err.strip()) == (0, "", f"wrote {report}")
    assert "taken out of a saved web page" in page and "Harbour Logistics" in page
    assert "Subscribe for £1" not in page  # the site's menu stayed out


def test_html_report_from_standard_input(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Police said 12 were hurt.")))
    report = tmp_path / "r.html"
    status, _, _ = run(capsys, "analyze", "-", "--html", str(report))
    assert status == 0 and "<mark" in report.read_text(encoding="utf-8")


def test_a_saved_page_is_read_as_text_reports_too(capsys):
    status, out, _ = run(capsys, "analyze", str(SAVED_PAGE))
    assert status == 0 and "'said in a statement'" not in out and "ATTRIBUTIONS" in out
    assert "<article>" not in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--html", "{tmp}"], "is a directory; give a file name"),
        (["--html", "{tmp}/no/such/dir/r.html"], "cannot write it"),
    ],
)
def test_html_report_bad_targets_get_one_line_and_status_2(capsys, tmp_path, argv, message):
    source = write(tmp_path, "a.txt", b"Police said 12 were hurt.")
    argv = [arg.format(tmp=tmp_path) for arg in argv]
    status, out, err = run(capsys, "analyze", str(source), *argv)
    assert status == 2 and out == "" and message in err and len(err.strip().splitlines()) == 1


def test_a_page_with_no_article_is_refused_in_one_line(capsys, tmp_path):
    page = write(tmp_path, "empty.html", b"<html><body><nav>Home</nav></body></html>")
    status, _, err = run(capsys, "analyze", str(page), "--html", str(tmp_path / "r.html"))
    assert status == 2 and "no article text found" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "r.html").exists()
