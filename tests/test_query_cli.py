"""The query commands end to end (CliRunner), bad input, and the cached build."""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import shutil
from pathlib import Path

import pytest
import query_support as qs
from click.testing import CliRunner, Result
from rdflib import Dataset

from retailkg.cli import cli
from retailkg.kg import cache as kgcache
from retailkg.kg.catalog import source_files
from retailkg.query.catalogue import catalogue
from retailkg.rdf.io import trig_bytes
from retailkg.resources import resource_root

EXAMPLES = [(name, ex) for name, q in catalogue().items() for ex in q.examples]


@pytest.fixture(autouse=True)
def _cache(monkeypatch: pytest.MonkeyPatch, kg: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(qs.cache_root()))


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def one_error_line(result: Result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize(("name", "example"), EXAMPLES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(EXAMPLES)])
def test_every_documented_example_runs(tmp_path: Path, name: str, example: str) -> None:
    args = shlex.split(example)[1:]
    if "-o" in args:
        args[args.index("-o") + 1] = str(tmp_path / args[args.index("-o") + 1])
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    if "-o" in args:
        text = Path(args[args.index("-o") + 1]).read_text(encoding="utf-8")
        assert text.count("\n") > 1
    else:
        text = result.output
    if "--format" not in args:
        assert "(0 rows)" not in text, "an example should show something"


def test_query_list_and_show() -> None:
    result = run("query", "list")
    assert result.exit_code == 0
    for name in catalogue():
        assert name in result.output
    doc = json.loads(run("query", "list", "--format", "json").output)
    assert {q["name"] for q in doc} == set(catalogue())
    shown = run("query", "show", "reporting-chain").output
    assert shown == catalogue()["reporting-chain"].path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "table"])
def test_formats_and_output_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"r.{fmt}"
    result = run("query", "run", "terms", "--param", "doc=ccagm-003-2021", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "7 rows written to" in result.stderr
    data = out.read_bytes()
    assert "全渠道".encode() in data
    if fmt == "csv":
        assert data.startswith(b"doc,reference,term,") and b"\r\n" in data
    if fmt == "tsv":
        assert data.startswith(b"?doc\t?reference\t")
    if fmt == "json":
        assert len(json.loads(data)["results"]["bindings"]) == 7
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # written atomically, nothing left behind


def test_engines_give_the_same_output() -> None:
    args = ["query", "run", "reporting-chain", "-p", "post=ecom-ops-centre/post/project-operator", "--format", "csv"]
    assert run(*args, "--engine", "rdflib").output == run(*args, "--engine", "oxigraph").output == run(*args).output


def test_adhoc_sparql(tmp_path: Path) -> None:
    result = run("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://w3id.org/retailkg/ontology#Post> }", "--format", "csv")
    assert result.exit_code == 0 and int(result.stdout_bytes.decode().split("\r\n")[1]) >= 50
    f = tmp_path / "q.rq"
    f.write_text("PREFIX rkg: <https://w3id.org/retailkg/ontology#>\nSELECT ?org ?post WHERE { ?post a rkg:Post ; "
                 "rkg:inOrganisation ?org } ORDER BY ?post", encoding="utf-8")
    result = run("sparql", "-f", str(f), "-p", "org=<https://w3id.org/retailkg/ccagm-003-2021/org>", "--format", "json")
    rows = json.loads(result.output)["results"]["bindings"]
    assert len(rows) == 23 and {r["org"]["value"] for r in rows} == {"https://w3id.org/retailkg/ccagm-003-2021/org"}
    assert run("sparql", "ASK { ?s ?p ?o }").output == "true\n"


# --- bad input: one clear line on stderr, exit 2 -------------------------------------------------


def test_unknown_query_name_suggests() -> None:
    line = one_error_line(run("query", "run", "post-dutys"))
    assert "no query named 'post-dutys'; did you mean post-duties" in line


def test_missing_and_unknown_parameters() -> None:
    line = one_error_line(run("query", "run", "post-duties"))
    assert "needs --param post=" in line
    line = one_error_line(run("query", "run", "post-duties", "-p", "post=x", "-p", "lang=en"))
    assert "has no parameter lang" in line
    result = run("query", "run", "post-duties", "-p", "post")  # an option error: click's usage message
    assert result.exit_code == 2 and "expected NAME=VALUE" in result.stderr
    line = one_error_line(run("query", "run", "post-duties", "-p", "post=a b"))
    assert "not an IRI" in line


def test_malformed_sparql_names_line_and_column(tmp_path: Path) -> None:
    f = tmp_path / "bad.rq"
    f.write_text("SELECT ?s\nWHERE {\n  ?s ?p\n}\n", encoding="utf-8")
    line = one_error_line(run("sparql", "-f", str(f)))
    assert line == f"retailkg: error: {f}:3:3: SPARQL syntax error near '?s ?p'"
    line = one_error_line(run("sparql", "SELECT * WHERE { ?s ?p }", "--engine", "rdflib"))
    assert line.startswith("retailkg: error: query:1:")


def test_update_where_a_read_is_expected() -> None:
    line = one_error_line(run("sparql", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"))
    assert "this is a SPARQL update (INSERT)" in line


def test_endpoint_down_and_slow() -> None:
    url = qs.closed_port_url()
    line = one_error_line(run("query", "run", "documents", "--endpoint", url))
    assert line == f"retailkg: error: {url}: connection refused; is the server running?"

    def slow(h: qs.StubHandler) -> None:
        import time

        time.sleep(3)
        # the client gave up, as it should; a traceback here would land in a later test's output
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            h.reply(200, b"{}")

    with qs.stub_server(slow) as stub:
        line = one_error_line(run("query", "run", "documents", "--endpoint", f"{stub.base}/sparql", "--timeout", "1"))
    assert "no answer within 1 s (--timeout)" in line


@pytest.mark.parametrize(("status", "text"), [(401, "HTTP 401: the server refused the credentials"), (403, "HTTP 403"),
                                              (404, "HTTP 404")])
def test_endpoint_refusals(status: int, text: str) -> None:
    with qs.stub_server(lambda h: h.reply(status, b"no")) as stub:
        line = one_error_line(run("query", "run", "documents", "--endpoint", f"{stub.base}/sparql"))
    assert text in line


def test_option_conflicts_are_usage_errors(tmp_path: Path) -> None:
    result = run("query", "run", "documents", "--endpoint", "http://127.0.0.1:9/q", "--engine", "rdflib")
    assert result.exit_code == 2 and "do not combine" in result.stderr
    result = run("sparql")
    assert result.exit_code == 2 and "give the query" in result.stderr
    line = one_error_line(run("query", "run", "documents", "--graph-file", str(tmp_path / "missing.trig")))
    assert "graph file not found" in line


def test_graph_option_queries_a_given_build(tmp_path: Path) -> None:
    f = tmp_path / "tiny.ttl"
    f.write_text('<https://w3id.org/retailkg/x/post/1> a <https://w3id.org/retailkg/ontology#Post> ; '
                 '<https://w3id.org/retailkg/ontology#sourceDocument> <https://w3id.org/retailkg/x> ; '
                 '<http://www.w3.org/2000/01/rdf-schema#label> "测试岗位"@zh .\n', encoding="utf-8")
    for engine in ("oxigraph", "rdflib"):
        result = run("query", "run", "posts-by-department", "--graph-file", str(f), "--engine", engine, "--format", "csv")
        assert result.exit_code == 0, result.output
        assert "测试岗位" in result.output and result.stdout_bytes.count(b"\r\n") == 2


# --- the cached build ----------------------------------------------------------------------------


def test_cache_respects_xdg_cache_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert kgcache.cache_dir() == tmp_path / "retailkg"
    assert kgcache.cached_graph_path().parent == tmp_path / "retailkg"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the XDG spec says: ignore relative paths
    assert kgcache.cache_dir() == Path.home() / ".cache" / "retailkg"


def test_cache_key_follows_the_sources(tmp_path: Path) -> None:
    shutil.copytree(resource_root() / "ontology", tmp_path / "ontology")
    shutil.copytree(resource_root() / "data", tmp_path / "data", ignore=shutil.ignore_patterns("sources", "repairs", "_proposed"))
    before = kgcache.fingerprint(source_files(tmp_path))
    assert before == kgcache.fingerprint(source_files(tmp_path))
    with (tmp_path / "data" / "functions.ttl").open("a", encoding="utf-8") as f:
        f.write("\n# a curator's edit\n")
    assert kgcache.fingerprint(source_files(tmp_path)) != before
    assert str(kgcache.cached_graph_path()).endswith(f"retailkg-{__import__('retailkg').__version__}-{kgcache.fingerprint()}.trig")


def test_cached_graph_is_reused_and_rebuilt_when_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kg: Path) -> None:
    import retailkg.kg.build

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    target = kgcache.cached_graph_path()
    target.parent.mkdir(parents=True)
    stale = target.parent / "retailkg-0.0.0-0000000000000000.trig"
    stale.write_text("old build\n", encoding="utf-8")
    calls = []
    small = Dataset()
    small.graph("https://w3id.org/retailkg/graph/x").parse(data='<urn:a> <urn:b> "会员" .', format="turtle")
    monkeypatch.setattr(retailkg.kg.build, "graph_trig", lambda files=None: calls.append(1) or trig_bytes(small))
    notices: list[Path] = []
    assert kgcache.ensure_graph(on_build=notices.append) == target
    assert calls == [1] and notices == [target] and "会员" in target.read_text(encoding="utf-8")
    assert not stale.exists(), "builds of other versions are cleaned up"
    assert kgcache.ensure_graph() == target and calls == [1], "the second call reuses the cache"
    assert oct(os.stat(target).st_mode)[-3:] in ("600", "644")


def test_an_iri_parameter_that_names_nothing_is_a_usage_error() -> None:
    """A mistyped post would match no row and read as "no duties"; it is one line and exit 2 instead."""
    result = run("query", "run", "post-duties", "-p", "post=ccagm-003-2021/post/9.9.9")
    assert result.exit_code == 2
    assert "names nothing in the graph" in one_error_line(result)


def test_the_options_of_0_1_0_still_work_with_a_note(tmp_path: Path) -> None:
    """--graph FILE and --out are deprecated aliases: the command works, and says what to write instead."""
    kg = tmp_path / "missing.trig"
    result = run("query", "run", "documents", "--graph", str(kg))
    assert result.exit_code == 2
    assert "--graph is deprecated; use --graph-file" in result.output
    assert "[--graph-file] graph file not found" in result.output


def test_out_is_a_deprecated_alias_of_output(tmp_path: Path) -> None:
    out = tmp_path / "design.yaml"
    result = run("org", "template", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.is_file()
    assert "--out is deprecated; use -o/--output" in result.stderr


def test_ctrl_c_exits_130_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import retailkg.query.catalogue

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(retailkg.query.catalogue, "catalogue", interrupted)
    result = run("query", "list")
    assert result.exit_code == 130
    assert "Traceback" not in result.output and "interrupted" in result.stderr
