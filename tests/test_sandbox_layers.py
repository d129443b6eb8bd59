"""The layers report, and the refusal to grade when writes, the key or the network are open."""

from __future__ import annotations

import argparse
import shutil

import pytest

import medialit.exercises.sandbox as sandbox
from medialit.exercises.build import repository_root
from medialit.exercises.cli import add_grade_command
from medialit.exercises.grade import grade_folder
from medialit.exercises.sandbox import Isolation, IsolationError, LayerReport, Limits
from medialit.exercises.sandbox.layers import LAYERS, unavailable_here

ROOT = repository_root()
LIMITS = Limits(wall_seconds=60, cell_seconds=30)


@pytest.mark.parametrize(
    ("active", "uncovered"),
    [
        ({"mountns", "netns"}, []),
        ({"landlock", "netns"}, []),
        ({"landlock"}, ["network"]),
        ({"netns", "pidns", "userns", "seccomp"}, ["writes", "key"]),
        (set(), ["writes", "key", "network"]),
    ],
)
def test_what_each_combination_of_layers_confines(active, uncovered):
    assert LayerReport(dict.fromkeys(active, ""), {}).uncovered() == uncovered


def test_the_refusal_names_each_missing_layer_and_why():
    report = LayerReport({"netns": ""}, {"mountns": "unshare: EPERM", "landlock": "kernel 5.4"})
    assert report.refusal().splitlines() == [
        "cannot confine writes outside the notebook's folder: mount namespace is missing "
        "(unshare: EPERM) and Landlock is missing (kernel 5.4)",
        "cannot confine reads of the answer key: mount namespace is missing (unshare: EPERM) "
        "and Landlock is missing (kernel 5.4)",
    ]


def test_macos_and_windows_say_that_every_kernel_layer_is_missing(monkeypatch):
    monkeypatch.setattr("sys.platform", "darwin")
    report = unavailable_here()
    assert report.uncovered() == ["writes", "key", "network"]
    assert "network namespace is missing (not available on macOS)" in report.refusal()
    monkeypatch.setattr("sys.platform", "win32")
    assert "(not available on Windows)" in unavailable_here().refusal()


def test_a_notebook_here_gets_every_layer():
    """This machine (Linux 6.x as root, Landlock ABI >= 6) offers all of them."""
    with sandbox.ForkServer(preload=False) as server:
        report = server.probe()
    assert set(report.active) == set(LAYERS), report.missing
    assert report.refusal() == ""
    assert "uid 65534" in report.active["userns"]


def test_a_missing_layer_stops_grading_before_any_notebook_runs(tmp_path):
    shutil.copy(ROOT / "solutions" / "01-sourcing.ipynb", tmp_path / "ana.ipynb")
    with pytest.raises(IsolationError, match="cannot confine the network: network namespace"):
        grade_folder(
            tmp_path, jobs=1, limits=LIMITS, isolation=Isolation(skip=frozenset({"netns"}))
        )


def test_weaker_isolation_grades_when_allowed_and_says_what_is_off(tmp_path):
    shutil.copy(ROOT / "solutions" / "01-sourcing.ipynb", tmp_path / "ana.ipynb")
    seen = []
    results = grade_folder(
        tmp_path,
        jobs=1,
        limits=LIMITS,
        isolation=Isolation(allow_weaker=True, skip=frozenset({"netns"})),
        announce=seen.append,
    )
    assert results[0].points == results[0].max_points > 0
    assert seen[0].missing == {"netns": "left out on purpose"}
    assert "off   network namespace" in seen[0].describe()


def _grade_args(tmp_path, *extra: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="medialit")
    add_grade_command(parser.add_subparsers())
    out = str(tmp_path / "out" / "grades.csv")
    return parser.parse_args(
        ["grade", str(tmp_path / "subs"), "--out", out, "--no-progress", *extra]
    )


@pytest.fixture
def submissions(tmp_path):
    (tmp_path / "subs").mkdir()
    shutil.copy(ROOT / "solutions" / "01-sourcing.ipynb", tmp_path / "subs" / "ana.ipynb")
    return tmp_path


def test_the_command_prints_the_layers_once(submissions, capsys):
    args = _grade_args(submissions)
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert out.count("isolation of each notebook on this machine") == 1
    assert "on    Landlock" in out and "on    network namespace" in out


def test_the_command_refuses_without_the_flag_and_grades_with_it(submissions, monkeypatch, capsys):
    monkeypatch.setattr(sandbox.ForkServer, "probe", lambda self: unavailable_here())
    args = _grade_args(submissions)
    assert args.func(args) == 3
    err = capsys.readouterr().err
    assert "refusing to grade" in err and "--allow-weaker-isolation" in err
    assert "cannot confine the network: network namespace is missing" in err
    assert not (submissions / "out" / "grades.csv").exists()
    args = _grade_args(submissions, "--allow-weaker-isolation")
    assert args.func(args) == 0
    assert "off   Landlock" in capsys.readouterr().out
    rows = (submissions / "out" / "grades.csv").read_text().splitlines()
    assert "ana,1.1,1,1,right" in rows
