"""Credentials go to the origin they were given for, through every client: the endpoint engine
(query, sparql, validate --endpoint) and `retailkg load` (issue 17).

Two stub servers on 127.0.0.1: "home", the URL the user gave, redirects to "away", another origin
(a different port, reached as ``localhost``); away must never see an Authorization header.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import query_support as qs
from click.testing import CliRunner

from retailkg.cli import cli
from retailkg.query.engines import EndpointEngine
from retailkg.query.graphstore import load_graphs
from retailkg.query.remote import Credentials, origin

PASSWORD = "s3cret-Pa55"
ASK_TRUE = b'{"head":{},"boolean":true}'
BASIC = "Basic " + base64.b64encode(f"dba:{PASSWORD}".encode()).decode()


def _answer(h: qs.StubHandler) -> None:
    if h.command == "PUT":
        h.reply(201)
    else:
        h.reply(200, ASK_TRUE, {"Content-Type": "application/sparql-results+json"})


@contextmanager
def _home_and_away(code: int, *, away_digest: bool = False, same_origin: bool = False) -> Iterator[tuple[qs.StubServer, qs.StubServer]]:
    def away_respond(h: qs.StubHandler) -> None:
        if away_digest and not h.headers.get("Authorization"):
            h.reply(401, b"", {"WWW-Authenticate": 'Digest realm="away", nonce="n0", qop="auth", algorithm=MD5'})
        else:
            _answer(h)

    with qs.stub_server(away_respond) as away:
        away_base = away.base.replace("127.0.0.1", "localhost")

        def home_respond(h: qs.StubHandler) -> None:
            if h.path.startswith("/moved"):
                _answer(h)
            elif same_origin:
                h.reply(code, b"", {"Location": f"/moved{h.path}"})
            else:
                h.reply(code, b"", {"Location": f"{away_base}{h.path}"})

        with qs.stub_server(home_respond) as home:
            yield home, away


def _auth_headers(stub: qs.StubServer) -> list[str]:
    return [str(r["headers"].get("Authorization", "")) for r in stub.requests]  # type: ignore[union-attr]


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_the_endpoint_engine_drops_credentials_on_a_redirect_to_another_origin(code: int) -> None:
    with _home_and_away(code) as (home, away):
        eng = EndpointEngine(f"{home.base}/sparql", graphs=[], credentials=Credentials("dba", PASSWORD))
        eng.query("ASK { ?s ?p ?o }")
    assert _auth_headers(home) == [BASIC]
    assert away.requests, "the redirect was followed"
    assert _auth_headers(away) == [""] * len(away.requests)


def test_a_redirect_within_the_origin_keeps_the_credentials() -> None:
    with _home_and_away(307, same_origin=True) as (home, _):
        EndpointEngine(f"{home.base}/sparql", graphs=[], credentials=Credentials("dba", PASSWORD)).query("ASK { ?s ?p ?o }")
    assert _auth_headers(home) == [BASIC, BASIC]


def test_digest_challenges_from_another_origin_are_not_answered() -> None:
    with _home_and_away(307, away_digest=True) as (home, away):
        eng = EndpointEngine(f"{home.base}/sparql", graphs=[], credentials=Credentials("dba", PASSWORD, "digest"))
        with pytest.raises(Exception, match="HTTP 401"):
            eng.query("ASK { ?s ?p ?o }")
    assert away.requests and _auth_headers(away) == [""] * len(away.requests)


@pytest.mark.parametrize("scheme", ["basic", "digest"])
def test_load_drops_credentials_on_a_redirect_to_another_origin(kg: object, scheme: str) -> None:
    with _home_and_away(307, away_digest=scheme == "digest") as (home, away):
        try:
            load_graphs(kg, endpoint=f"{home.base}/query", credentials=Credentials("dba", PASSWORD, scheme),  # type: ignore[arg-type]
                        timeout=5, verify=False)
        except Exception as e:  # digest: away's 401 is reported, not answered
            assert "HTTP 401" in str(e) and PASSWORD not in str(e)
    assert away.requests
    assert _auth_headers(away) == [""] * len(away.requests)


def test_sparql_command_keeps_credentials_home(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI path (`sparql`, `query run`, `validate --endpoint` build the same engine)."""
    monkeypatch.setenv("RETAILKG_USER", "dba")
    monkeypatch.setenv("RETAILKG_PASSWORD", PASSWORD)
    with _home_and_away(302) as (home, away):
        result = CliRunner().invoke(cli, ["sparql", "ASK { ?s ?p ?o }", "--endpoint", f"{home.base}/sparql"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "true"
    assert _auth_headers(home) == [BASIC] and _auth_headers(away) == [""]
    assert PASSWORD not in result.output


def test_origin() -> None:
    assert origin("http://Example.org/x") == ("http", "example.org", 80)
    assert origin("http://example.org:80/y") == origin("http://example.org/")
    assert origin("https://example.org/") != origin("http://example.org/")
    assert origin("http://127.0.0.1:7878/q") != origin("http://localhost:7878/q")
