"""book/static_server.py: one folder served on 127.0.0.1 for a ``with`` block, then closed."""

from __future__ import annotations

import doctest
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest
import static_server
from static_server import QuietHandler, serve


def test_doctests():
    result = doctest.testmod(static_server)
    assert result.attempted > 0 and result.failed == 0


def test_a_handler_subclass_answers_and_the_port_closes_after(tmp_path, capsys):
    class Refusing(QuietHandler):
        def do_GET(self) -> None:
            self.send_error(403)

    (tmp_path / "page.html").write_text("<p>x</p>", encoding="utf-8")
    with serve(tmp_path, Refusing) as base:
        port = urlsplit(base).port
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(base + "page.html")
        refused.value.close()
    assert refused.value.code == 403
    assert capsys.readouterr().err == ""  # no line per request
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0  # nobody listens any more
