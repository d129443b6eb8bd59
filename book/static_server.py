"""Serve a folder over http on this machine only, for as long as a ``with`` block runs.

The book's tooling (``publish.py check``), the browser tests and the benchmarks all open the
built book through this one server::

    with serve(Path("book/_build/html")) as base:    # "http://127.0.0.1:PORT/"
        page.goto(base + "intro.html")

It listens on 127.0.0.1 on a port the system picks (so runs never collide), answers each
request in its own thread (a browser opens several connections at once), logs nothing, and is
shut down and its socket closed when the block ends, even on an error.

The book's tooling runs as scripts from ``book/``, which puts this folder on ``sys.path``; the
tests (``tests/conftest.py``) and the benchmarks add it themselves.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOST = "127.0.0.1"


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files like ``python -m http.server`` but writes no line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass  # a line per request would drown the output of a test or benchmark


@contextmanager
def serve(
    folder: Path | str, handler: type[SimpleHTTPRequestHandler] = QuietHandler
) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port); yield its base address.

    Parameters
    ----------
    folder
        The folder whose files are served (its ``index.html`` at ``/``).
    handler
        The request handler class, :class:`QuietHandler` by default; a subclass changes what
        is answered (a host's 404 page, gzip, counting requests).

    Yields
    ------
    str
        The base address, ending in ``/``.

    Examples
    --------
    >>> import tempfile, urllib.request
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = (Path(folder) / "page.html").write_text("<p>hello</p>", encoding="utf-8")
    ...     with serve(folder) as base, urllib.request.urlopen(base + "page.html") as answer:
    ...         body = answer.read()
    ...     base.startswith("http://127.0.0.1:"), body
    (True, b'<p>hello</p>')
    """
    server = ThreadingHTTPServer((HOST, 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
