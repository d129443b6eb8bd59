"""Reading untrusted files: only regular files, bounded, never waiting on a FIFO."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import medialit.inputs as inputs
from medialit.inputs import (
    MAX_MESSAGE_CHARS,
    InputError,
    capped,
    decode_utf8,
    display_name,
    inside,
    read_file,
    read_stream,
)


def test_a_regular_file_is_read_whole(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 3000)
    assert read_file(path, 3000) == b"x" * 3000


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "is a directory, not a file"),
        (lambda p: os.mkfifo(p), "is a named pipe (FIFO), not a regular file"),
    ],
)
def test_what_is_not_a_regular_file_is_refused_by_its_type(tmp_path, make, message):
    path = tmp_path / "thing"
    make(path)
    with pytest.raises(InputError, match="thing: " + re.escape(message)):
        read_file(path, 1000)


def test_devices_are_refused_without_reading():
    for device in ("/dev/zero", "/dev/urandom", "/dev/null"):
        if os.path.exists(device):
            with pytest.raises(InputError, match="is a device, not a regular file"):
                read_file(device, 1000)


def test_a_link_to_a_fifo_is_refused_too(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "link.txt").symlink_to(tmp_path / "pipe")
    with pytest.raises(InputError, match="named pipe"):
        read_file(tmp_path / "link.txt", 1000)


def test_a_fifo_never_blocks_even_when_it_appears_after_the_type_check(tmp_path):
    # The file is checked again once open (non-blocking), so a FIFO swapped in between the
    # first look and the open cannot make the reader wait for a writer. Simulated by
    # opening with the type check skipped; run in a child so a regression cannot hang here.
    os.mkfifo(tmp_path / "pipe")
    program = textwrap.dedent(
        f"""
        import medialit.inputs as inputs
        looks, real = [], inputs.why_not_regular
        def first_look_misses(mode):  # the FIFO "appears" after the first look
            looks.append(mode)
            return None if len(looks) == 1 else real(mode)
        inputs.why_not_regular = first_look_misses
        try:
            inputs.read_file({str(tmp_path / "pipe")!r}, 10)
        except inputs.InputError as error:
            print(error)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=30, check=False
    )
    assert "named pipe" in result.stdout, result.stderr


def test_a_directory_swapped_in_after_the_type_check_is_refused_and_closed(tmp_path, monkeypatch):
    # A directory opens (read-only) but is no file: the check on the open descriptor refuses
    # it with the usual message, and the descriptor is closed, not leaked.
    (tmp_path / "sub.json").mkdir()
    looks, real = [], inputs.why_not_regular

    def first_look_misses(mode):
        looks.append(mode)
        return None if len(looks) == 1 else real(mode)

    monkeypatch.setattr(inputs, "why_not_regular", first_look_misses)
    before = len(os.listdir("/proc/self/fd"))
    with pytest.raises(InputError, match=r"sub.json: is a directory, not a file$"):
        read_file(tmp_path / "sub.json", 1000, follow_links=False)
    assert len(os.listdir("/proc/self/fd")) == before


@pytest.mark.parametrize("target", ["real.txt", "missing.txt"])
def test_without_following_links_a_link_is_refused_and_names_its_target(tmp_path, target):
    (tmp_path / "real.txt").write_text("words", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / target)
    with pytest.raises(
        InputError, match=rf"link.txt: is a symbolic link \(to .*{target}\), not a file"
    ) as refused:
        read_file(tmp_path / "link.txt", 1000, follow_links=False)
    assert refused.value.reason.startswith("is a symbolic link (to ")
    assert read_file(tmp_path / "real.txt", 1000, follow_links=False) == b"words"


def test_without_following_links_a_link_swapped_in_after_the_first_look_is_refused(
    tmp_path, monkeypatch
):
    # The first look sees a regular file; by the time of the open it is a link. O_NOFOLLOW
    # makes the open fail, and the message says why.
    (tmp_path / "real.txt").write_text("words", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    regular, real_lstat, looks = os.stat(tmp_path / "real.txt"), os.lstat, []

    def first_look_sees_a_file(path, *args, **kwargs):
        looks.append(path)
        return regular if len(looks) == 1 else real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(inputs.os, "lstat", first_look_sees_a_file)
    with pytest.raises(InputError, match=r"link.txt: is a symbolic link \(to "):
        read_file(tmp_path / "link.txt", 1000, follow_links=False)


def test_a_file_larger_than_the_limit_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(5_000_000)  # sparse
    with pytest.raises(
        InputError, match=r"big.txt: 5.0 MB is larger than the 1.0 MB limit \(hint\)"
    ):
        read_file(path, 1_000_000, too_large="hint")


def test_a_stream_is_read_only_up_to_the_limit():
    class Endless:
        calls = 0

        def read(self, size):
            self.calls += 1
            return b"z" * size

    stream = Endless()
    with pytest.raises(InputError, match=r"<stdin>: larger than the 10,000-byte limit"):
        read_stream(stream, 10_000, name="<stdin>")
    assert stream.calls == 1


def test_missing_paths_and_odd_names():
    with pytest.raises(InputError, match="no such file"):
        read_file("/no/such/dir/file.txt", 10)
    with pytest.raises(InputError, match="not a usable file name"):
        read_file("a\0b", 10)
    with pytest.raises(InputError, match=r"a\\nb: no such file"):
        read_file("a\nb", 10)


def test_utf8_with_or_without_a_byte_order_mark():
    assert decode_utf8(b"\xef\xbb\xbfcaf\xc3\xa9", "x") == "café"
    with pytest.raises(InputError, match=r"x: not UTF-8 text \(byte 0xff at offset 0"):
        decode_utf8(b"\xff\xfe", "x")


def test_messages_are_one_bounded_line():
    message = capped("a\n" * 10_000)
    assert "\n" not in message and len(message) <= MAX_MESSAGE_CHARS + 40
    assert InputError("x" * 10**6).args[0].endswith("more characters)")
    assert display_name("evil\rname\x1b[31m") == "evil\\rname\\x1b[31m"


def test_inside_confines_paths_and_links(tmp_path):
    root = tmp_path / "seeds"
    (root / "sub").mkdir(parents=True)
    (root / "ok.txt").write_text("x")
    (root / "out").symlink_to(tmp_path)
    (root / "loop").symlink_to(root / "loop")
    assert inside(root, "ok.txt") == (root / "ok.txt").resolve()
    assert inside(root, "sub/../ok.txt") == (root / "ok.txt").resolve()
    for escape in ("../x", "/etc/passwd", "out/x", "sub/../../x", "loop", "a\0b"):
        assert inside(root, escape) is None, escape
    assert inside(Path("relative-root"), Path("relative-root/file").absolute()) is not None
