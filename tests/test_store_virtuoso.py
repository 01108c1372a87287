"""The store suite on Virtuoso Open Source 7 (Debian's virtuoso-opensource-7-bin), beside Oxigraph.

One private server per module (tests/virtuoso_support.py): stock settings first, as Debian ships
them; the tests that need the documented settings (docs/triple-stores.md) restart the same
database with them. Every answer is compared with the embedded pyoxigraph run, never with rows
written down here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import query_support as qs
import requests
import virtuoso_support as vs
from requests.auth import HTTPDigestAuth

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _cache(monkeypatch: pytest.MonkeyPatch, kg: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(qs.cache_root()))
    monkeypatch.delenv("RETAILKG_USER", raising=False)
    monkeypatch.delenv("RETAILKG_PASSWORD", raising=False)


@pytest.fixture(scope="module")
def virtuoso() -> Iterator[vs.Virtuoso]:
    with vs.virtuoso_server() as server:
        yield server


def _put(server: vs.Virtuoso, password: str) -> int:
    r = requests.put(f"{server.graph_store}?graph-uri=urn:retailkg:test:probe", data=b"<urn:a> <urn:b> <urn:c> .",
                     headers={"Content-Type": "text/turtle"}, auth=HTTPDigestAuth("dba", password), timeout=30)
    return r.status_code


def test_the_private_server_takes_writes_only_with_its_own_password(virtuoso: vs.Virtuoso) -> None:
    assert virtuoso.password != "dba"
    assert _put(virtuoso, "dba") == 401, "the well-known default password must no longer work"
    assert _put(virtuoso, virtuoso.password) in (200, 201, 204)


def _listening(port: int) -> set[str]:
    """The local addresses of the sockets listening on ``port`` (Linux /proc/net/tcp, tcp6), hex as there."""
    found = set()
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        for line in table.read_text().splitlines()[1:] if table.is_file() else []:
            local, state = line.split()[1], line.split()[3]
            address, _, hexport = local.rpartition(":")
            if state == "0A" and int(hexport, 16) == port:
                found.add(address)
    return found


def test_the_private_server_listens_on_loopback_only(virtuoso: vs.Virtuoso) -> None:
    if not Path("/proc/net/tcp").is_file():
        pytest.skip("no /proc/net/tcp to read listening sockets from (not Linux)")
    for port in (virtuoso.http_port, virtuoso.sql_port):
        assert _listening(port) == {"0100007F"}, f"port {port} listens on {_listening(port)}, not 127.0.0.1 only"
