"""Shared helpers of the query-layer tests (test_query_*.py): a seeded graph cache and servers.

Building the graph with inference takes seconds, and conftest's session ``dataset`` has already
paid for it; :func:`seeded_cache` writes that dataset once per test process into a temporary
XDG cache folder, where :mod:`retailkg.kg.cache` finds it, so no test builds the graph again and
no test touches the user's real cache. Servers are started on 127.0.0.1 on a free port and are
always stopped.
"""

from __future__ import annotations

import atexit
import contextlib
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from rdflib import Dataset

from retailkg.kg import cache as kgcache

_ROOT: Path | None = None


def cache_root() -> Path:
    """One temporary XDG_CACHE_HOME for the whole test process, removed at exit."""
    global _ROOT
    if _ROOT is None:
        _ROOT = Path(tempfile.mkdtemp(prefix="retailkg-test-xdg-"))
        atexit.register(shutil.rmtree, _ROOT, True)
    return _ROOT


def seeded_cache(dataset: Dataset) -> Path:
    """The cached TriG of ``dataset`` under :func:`cache_root`, written on first use."""
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(cache_root())
    try:
        path = kgcache.cached_graph_path()
        if not path.is_file():
            kgcache.write_trig(dataset, path)
        return path
    finally:
        if old is None:
            del os.environ["XDG_CACHE_HOME"]
        else:
            os.environ["XDG_CACHE_HOME"] = old


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def closed_port_url(path: str = "/query") -> str:
    """A URL on 127.0.0.1 where nothing listens (connection refused)."""
    return f"http://127.0.0.1:{free_port()}{path}"


def oxigraph_binary() -> str:
    """The ``oxigraph`` server executable of PyPI ``oxigraph`` (a test dependency)."""
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.is_file() else shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the oxigraph server is missing: pip install '.[test]' installs it")
    return found


def wait_until_ready(url: str, proc: subprocess.Popen[bytes] | None = None, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except Exception as e:
            last = e
        time.sleep(0.05)
    raise RuntimeError(f"server at {url} not ready after {timeout} s: {last}")


@contextlib.contextmanager
def oxigraph_server() -> Iterator[str]:
    """A fresh in-memory Oxigraph server on 127.0.0.1; yields its base URL (``http://127.0.0.1:PORT``)."""
    exe = oxigraph_binary()
    for attempt in range(3):
        port = free_port()
        proc = subprocess.Popen([exe, "serve", "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_ready(f"{base}/query?query=ASK%7B%7D", proc)
        except RuntimeError:
            _stop(proc)
            if attempt == 2:
                raise
            continue
        try:
            yield base
        finally:
            _stop(proc)
        return


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


class StubHandler(http.server.BaseHTTPRequestHandler):
    """Answers every request with the server's ``respond(handler)``; records what it received."""

    server: StubServer

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.requests.append({"method": self.command, "path": self.path, "headers": dict(self.headers), "body": body})
        self.server.respond(self)

    do_GET = do_POST = do_PUT = do_DELETE = _handle

    def log_message(self, format: str, *args: object) -> None:
        pass

    def reply(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class StubServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, respond: Callable[[StubHandler], None]) -> None:
        super().__init__(("127.0.0.1", 0), StubHandler)
        self.respond = respond
        self.requests: list[dict[str, object]] = []

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@contextlib.contextmanager
def stub_server(respond: Callable[[StubHandler], None]) -> Iterator[StubServer]:
    """A tiny HTTP server on 127.0.0.1 that answers as ``respond`` says (401, 403, slow, …)."""
    server = StubServer(respond)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
