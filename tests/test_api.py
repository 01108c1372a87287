"""The Python API (retailkg.open, KnowledgeGraph, Result, Report frames) on the bundled data: what it
answers, that it answers what the CLI answers for every named query, its bad input (the project's
InputError carrying the very line the CLI prints with exit 2), and endpoint mode against a real
Oxigraph server."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import query_support as qs
import rdflib.namespace as rdfns
from click.testing import CliRunner
from click.testing import Result as CliResult
from rdflib import Literal, URIRef

import retailkg
from retailkg.api import IRI, KnowledgeGraph, python_value
from retailkg.cli import cli
from retailkg.errors import InputError
from retailkg.query.catalogue import catalogue
from retailkg.resources import queries_dir

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = [(name, ex) for name, q in catalogue().items() for ex in q.examples]


def example_params(example: str) -> dict[str, str]:
    """The ``--param k=v`` of one documented example call (what test_query_cli runs the CLI with)."""
    words = shlex.split(example)
    return dict(words[i + 1].split("=", 1) for i, w in enumerate(words) if w in ("--param", "-p"))


@pytest.fixture(autouse=True)
def _cache(monkeypatch: pytest.MonkeyPatch, kg: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(qs.cache_root()))
    monkeypatch.delenv("RETAILKG_USER", raising=False)
    monkeypatch.delenv("RETAILKG_PASSWORD", raising=False)


@pytest.fixture(scope="module")
def graph(kg: Path) -> KnowledgeGraph:
    """The bundled build, opened as an analyst would (the same cached file the CLI queries)."""
    return retailkg.open(kg)


def cli_run(*args: str) -> CliResult:
    return CliRunner().invoke(cli, list(args))


def cli_out(*args: str) -> str:
    """What the CLI writes to stdout, byte for byte (CRLF of CSV included)."""
    return cli_run(*args).stdout_bytes.decode("utf-8")


def cli_error_line(*args: str) -> str:
    """The one line the CLI prints for a user's mistake (and its exit code 2)."""
    result = cli_run(*args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


def api_error(call: Any) -> InputError:
    with pytest.raises(InputError) as info:
        call()
    assert "\n" not in str(info.value)
    return info.value


# --- opening -------------------------------------------------------------------------------------


def test_open_without_arguments_reuses_the_cached_bundled_build(monkeypatch: pytest.MonkeyPatch, kg: Path) -> None:
    import retailkg.kg.build

    monkeypatch.setattr(retailkg.kg.build, "load_dataset", lambda files=None: pytest.fail("the cached build is not reused"))
    opened = retailkg.open()
    assert len(opened.engine.store) == len(retailkg.open(kg).engine.store) > 10_000  # type: ignore[attr-defined]


def test_open_takes_the_folder_retailkg_build_wrote(tmp_path: Path, kg: Path) -> None:
    shutil.copyfile(kg, tmp_path / "retailkg.trig")
    assert retailkg.open(tmp_path).query("documents").column("identifier")[0] == "T/CCAGM 003-2021"
    empty = tmp_path / "empty"
    empty.mkdir()
    expected = f"{empty}: no retailkg.trig in this folder (`retailkg build -o FOLDER` writes one)"
    assert str(api_error(lambda: retailkg.open(empty))) == expected


def test_open_with_the_rdflib_engine_answers_alike(graph: KnowledgeGraph, kg: Path) -> None:
    by_rdflib = retailkg.open(kg, engine="rdflib").query("reporting-chain", post="ecom-ops-centre/post/project-operator")
    assert by_rdflib.rows == graph.query("reporting-chain", post="ecom-ops-centre/post/project-operator").rows
    assert "unknown engine 'jena'" in str(api_error(lambda: retailkg.open(kg, engine="jena")))


def test_import_retailkg_exports_the_api() -> None:
    assert retailkg.open is retailkg.api.open and retailkg.KnowledgeGraph is KnowledgeGraph
    assert retailkg.InputError is InputError and retailkg.Report.__name__ == "Report"
    assert set(retailkg.__all__) <= set(dir(retailkg))
    with pytest.raises(AttributeError):
        retailkg.no_such_name  # noqa: B018


# --- what it answers -----------------------------------------------------------------------------


def test_queries_lists_every_named_query_with_its_parameters(graph: KnowledgeGraph) -> None:
    listed = graph.queries()
    assert [q.name for q in listed] == sorted(p.stem for p in queries_dir().glob("*.rq"))
    duties = next(q for q in listed if q.name == "post-duties")
    assert [(p.name, p.type, p.required) for p in duties.params] == [("post", "iri", True)]
    shared = next(q for q in listed if q.name == "functions-shared")
    assert [(p.name, p.default) for p in shared.params] == [("doc", "*")]


def test_rows_hold_typed_python_values(graph: KnowledgeGraph) -> None:
    docs = {row["doc"]: row for row in graph.query("documents").dicts()}
    ccagm = docs["https://w3id.org/retailkg/ccagm-003-2021"]
    assert isinstance(next(iter(docs)), IRI)
    posts = graph.sparql("PREFIX rkg: <https://w3id.org/retailkg/ontology#> SELECT ?p WHERE "
                         "{ ?p a rkg:Post ; rkg:sourceDocument <https://w3id.org/retailkg/ccagm-003-2021> }")
    assert ccagm["posts"] == len(posts) == 23 and type(ccagm["posts"]) is int
    team = graph.query("function-taxonomy").column("teamFunction")
    assert {type(v) for v in team} == {bool} and True in team and False in team
    chain = graph.query("reporting-chain", post="ecom-ops-centre/post/project-operator")
    assert [row[-1] for row in chain] == [1, 2]
    assert graph.sparql("ASK { ?s ?p ?o }").boolean is True
    assert graph.sparql("ASK { ?s ?p ?o }") and not graph.sparql("ASK { <urn:x:none> ?p ?o }")
    assert graph.query("documents") and not graph.query("keyword-mentions", keyword="no such word at all")


@pytest.mark.parametrize(("term", "value"), [
    (URIRef("https://w3id.org/retailkg/function/user-growth"), IRI("https://w3id.org/retailkg/function/user-growth")),
    (Literal("会员", lang="zh"), "会员"),
    (Literal("7", datatype=rdfns.XSD.integer), 7),
    (Literal("2.50", datatype=rdfns.XSD.decimal), 2.5),
    (Literal("1.0E2", datatype=rdfns.XSD.double), 100.0),
    (Literal("true", datatype=rdfns.XSD.boolean), True),
    (Literal("0", datatype=rdfns.XSD.boolean), False),
    (Literal("seven", datatype=rdfns.XSD.integer), "seven"),
    (None, None),
])
def test_terms_become_python_values(term: Any, value: Any) -> None:
    got = python_value(term)
    assert got == value and type(got) is type(value)


def test_iris_print_as_themselves_and_compact_as_the_table_shows_them() -> None:
    iri = IRI("https://w3id.org/retailkg/ccagm-003-2021/post/4.1.3")
    assert iri == "https://w3id.org/retailkg/ccagm-003-2021/post/4.1.3" and repr(iri).startswith("IRI(")
    assert iri.compact == "ccagm-003-2021/post/4.1.3"
    assert IRI("https://w3id.org/retailkg/function/user-growth").compact == "fn:user-growth"


def test_to_pandas_has_the_query_variables_as_columns(graph: KnowledgeGraph) -> None:
    result = graph.query("posts-by-department")
    frame = result.to_pandas()
    assert list(frame.columns) == result.vars and len(frame) == len(result) > 40
    headcount = frame["headcount"]
    assert str(headcount.dtype) == "Int64", "integers with unbound cells stay integers"
    assert headcount.isna().any() and headcount.sum() == sum(graph.query("headcount-by-department").column("headcount")) > 0
    assert list(graph.sparql("ASK { ?s ?p ?o }").to_pandas()["boolean"]) == [True]


def test_the_writers_are_the_clis(graph: KnowledgeGraph, tmp_path: Path) -> None:
    result = graph.query("terms", doc="ccagm-003-2021")
    for fmt in ("csv", "tsv", "json", "table"):
        assert result.render(fmt) == cli_out("query", "run", "terms", "-p", "doc=ccagm-003-2021", "--format", fmt)
    out = result.write(tmp_path / "terms.csv")
    assert out.read_bytes() == result.to_csv().encode("utf-8") and [p.name for p in tmp_path.iterdir()] == ["terms.csv"]
    err = api_error(lambda: result.write(tmp_path / "terms.xlsx"))
    assert "cannot tell the format from the suffix '.xlsx'" in str(err)
    graph_answer = graph.sparql("CONSTRUCT { ?s a ?t } WHERE { ?s a ?t ; <https://w3id.org/retailkg/ontology#clauseNumber> \"4.1.3\" }")
    assert graph_answer.kind == "graph" and "@prefix rkg:" in graph_answer.to_turtle()


def test_parameters_are_bound_never_pasted(graph: KnowledgeGraph) -> None:
    """A value that would end the literal and add query text if pasted is only ever a value."""
    sneaky = '会员" } UNION { ?item ?p ?text } #'
    assert graph.query("keyword-mentions", keyword=sneaky).rows == []
    assert graph.sparql("SELECT ?k WHERE { }", k=sneaky).rows == [(sneaky,)]
    assert graph.sparql("SELECT ?k WHERE { }", k=Literal(sneaky, lang="zh")).table.rows == [(Literal(sneaky, lang="zh"),)]
    typed = graph.sparql("SELECT ?n ?f ?b ?post WHERE { }", n=3, f=0.5, b=True, post=IRI("ccagm-003-2021/post/4.1.3"))
    assert typed.rows == [(3, 0.5, True, IRI("https://w3id.org/retailkg/ccagm-003-2021/post/4.1.3"))]


def test_search_ranks_as_the_cli_does(graph: KnowledgeGraph) -> None:
    hits = graph.search("会员 拉新", limit=5)
    assert hits.to_csv() == cli_out("search", "会员", "拉新", "-n", "5", "--format", "csv")
    assert [h.rank for h in hits.hits] == hits.column("#") == [1, 2, 3, 4, 5]
    assert all(isinstance(s, float) for s in hits.column("score"))
    assert "会员" in hits.hits[0].entry.text
    duties = graph.search("会员", kinds="duty", limit=None)
    assert len(duties) > 5 and set(duties.column("type")) == {"duty"}


def test_validate_returns_the_report_the_cli_writes(graph: KnowledgeGraph) -> None:
    design = REPO / "examples" / "taobao-ops.yaml"
    report = graph.validate(design)
    written = json.loads(cli_out("validate", str(design), "--format", "json"))
    assert [f.id for f in report.findings] == [f["id"] for f in written["findings"]]
    findings = report.findings_frame(lang="en")
    assert list(findings["id"]) == [f.id for f in report.findings]
    assert dict(findings["kind"].value_counts()) == {k: v for k, v in report.counts()[0].items() if v}
    overlap = findings[findings["kind"] == "overlap"].iloc[0]
    assert len(overlap["posts"]) == len(overlap["post_names"]) >= 2 and overlap["message"].startswith("Overlap")
    coverage = report.coverage_frame()
    summary = report.organisations[0]
    assert len(coverage) == summary.baseline_functions
    status = coverage["status"].value_counts()
    assert (status.get("lead", 0), status.get("support", 0), status.get("excluded", 0)) == (
        summary.covered_lead, summary.covered_support_only, summary.excluded)
    assert all(coverage[coverage["status"] == "gap"]["lead"].map(len) == 0)


def test_validate_without_a_design_checks_the_bundled_documents(graph: KnowledgeGraph) -> None:
    report = graph.validate()
    assert report.source == "bundled documents" and len(report.organisations) == 5
    assert len(report.findings_frame()) == len(report.findings) > 0


# --- bad input: InputError, the same line the CLI prints ----------------------------------------


@pytest.mark.parametrize(("cli_args", "call"), [
    (["query", "run", "post-dutys"], lambda g: g.query("post-dutys")),
    (["query", "run", "post-duties"], lambda g: g.query("post-duties")),
    (["query", "run", "post-duties", "-p", "post=ccagm-003-2021/post/4.1.3", "-p", "lang=en"],
     lambda g: g.query("post-duties", post="ccagm-003-2021/post/4.1.3", lang="en")),
    (["query", "run", "post-duties", "-p", "post=a b"], lambda g: g.query("post-duties", post="a b")),
    (["query", "run", "post-duties", "-p", "post=ccagm-003-2021/post/9.9.9"],
     lambda g: g.query("post-duties", post="ccagm-003-2021/post/9.9.9")),
    (["query", "run", "function-coverage-matrix", "-p", "doc=*"], lambda g: g.query("function-coverage-matrix", doc="*")),
    (["sparql", "SELECT * WHERE { ?s ?p }"], lambda g: g.sparql("SELECT * WHERE { ?s ?p }")),
    (["sparql", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"], lambda g: g.sparql("INSERT DATA { <urn:a> <urn:b> <urn:c> }")),
    (["sparql", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"],
     lambda g: g.sparql("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")),
    (["validate", "no-such-design.yaml"], lambda g: g.validate("no-such-design.yaml")),
    (["validate", "--baseline", "GB 0000"], lambda g: g.validate(baseline="GB 0000")),
], ids=["unknown-query", "missing-param", "unknown-param", "bad-iri", "iri-names-nothing", "any-not-allowed",
        "sparql-syntax", "sparql-update", "sparql-service", "missing-design", "unknown-baseline"])
def test_a_mistake_is_the_clis_line(graph: KnowledgeGraph, cli_args: list[str], call: Any) -> None:
    assert f"retailkg: error: {api_error(lambda: call(graph))}" == cli_error_line(*cli_args)


def test_a_sparql_syntax_error_names_line_and_column(graph: KnowledgeGraph) -> None:
    assert str(api_error(lambda: graph.sparql("SELECT ?s\nWHERE {\n  ?s ?p\n}\n"))) == "query:3:3: SPARQL syntax error near '?s ?p'"


def test_values_a_parameter_cannot_take(graph: KnowledgeGraph) -> None:
    assert "give a str (an IRI too) or an int, not list" in str(api_error(lambda: graph.query("terms", doc=["a"])))  # type: ignore[arg-type]
    assert "cannot bind a dict" in str(api_error(lambda: graph.sparql("SELECT ?x WHERE { }", x={})))  # type: ignore[arg-type]
    assert "must be a str of SPARQL, not bytes" in str(api_error(lambda: graph.sparql(b"ASK {}")))  # type: ignore[arg-type]
    assert "the query's name must be a str, not int" in str(api_error(lambda: graph.query(1)))  # type: ignore[arg-type]
    assert "search for a str, not NoneType" in str(api_error(lambda: graph.search(None)))  # type: ignore[arg-type]
    assert "no variable ?nope" in str(api_error(lambda: graph.query("documents").column("nope")))
    assert "limit must be at least 1" in str(api_error(lambda: graph.search("会员", limit=0)))
    unknown_type = api_error(lambda: graph.search("会员", kinds="posts"))
    assert str(unknown_type) == "[--type] unknown type 'posts'; one of post, duty, competency, metric, term"


def test_an_unreachable_endpoint_is_the_clis_line() -> None:
    url = qs.closed_port_url()
    err = api_error(lambda: retailkg.open(endpoint=url))
    assert f"retailkg: error: {err}" == cli_error_line("query", "run", "documents", "--endpoint", url)
    assert str(err) == f"{url}: connection refused; is the server running?"


def test_an_endpoint_with_a_path_is_refused(kg: Path) -> None:
    assert "do not combine it with a path" in str(api_error(lambda: retailkg.open(kg, endpoint="http://127.0.0.1:9/query")))


@pytest.mark.parametrize(("module", "call", "expected"), [
    ("pandas", lambda g: g.query("documents").to_pandas(),
     "Result.to_pandas() needs pandas, which is not installed: pip install 'retailkg[pandas]'"),
    ("pandas", lambda g: g.validate(REPO / "examples" / "taobao-ops.yaml").findings_frame(),
     "Report.findings_frame() needs pandas, which is not installed: pip install 'retailkg[pandas]'"),
    ("pandas", lambda g: g.validate(REPO / "examples" / "taobao-ops.yaml").coverage_frame(),
     "Report.coverage_frame() needs pandas, which is not installed: pip install 'retailkg[pandas]'"),
    ("matplotlib", lambda g: retailkg.pyplot(),
     "retailkg.pyplot() needs matplotlib, which is not installed: pip install 'retailkg[notebook]'"),
])
def test_a_missing_optional_dependency_is_one_line(monkeypatch: pytest.MonkeyPatch, graph: KnowledgeGraph, module: str, call: Any,
                                                   expected: str) -> None:
    for name in [m for m in sys.modules if m == module or m.startswith(module + ".")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, module, None)  # what import sees when the package is not installed
    assert str(api_error(lambda: call(graph))) == expected


def test_pyplot_draws_chinese_with_an_installed_cjk_font() -> None:
    from matplotlib import font_manager, ft2font

    from retailkg.api import CJK_FONTS

    installed = {f.name for f in font_manager.fontManager.ttflist}
    if not installed & set(CJK_FONTS):
        pytest.skip("no CJK font installed (.ci/run installs fonts-wqy-microhei)")
    retailkg.pyplot()
    path = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]), fallback_to_default=False)
    assert ft2font.FT2Font(path).get_char_index(ord("会")) != 0


# --- CLI and API agree on every named query ------------------------------------------------------


def cli_rows(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Rows decoded from the CLI's SPARQL JSON by the W3C rules, independently of the API's code."""
    ints = {str(rdfns.XSD[t]) for t in ("integer", "int", "long", "nonNegativeInteger")}
    floats = {str(rdfns.XSD[t]) for t in ("decimal", "double", "float")}

    def value(b: dict[str, str] | None) -> Any:
        if b is None:
            return None
        if b["type"] == "uri":
            return IRI(b["value"])
        dt = b.get("datatype", "")
        if dt in ints:
            return int(b["value"])
        if dt in floats:
            return float(b["value"])
        if dt == str(rdfns.XSD.boolean):
            return b["value"] in ("true", "1")
        return b["value"]

    names = doc["head"]["vars"]
    return [tuple(value(b.get(v)) for v in names) for b in doc["results"]["bindings"]]


@pytest.mark.parametrize(("name", "example"), EXAMPLES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(EXAMPLES)])
def test_cli_and_api_give_the_same_rows(graph: KnowledgeGraph, name: str, example: str) -> None:
    params = example_params(example)
    args = ["query", "run", name, *(a for k, v in params.items() for a in ("--param", f"{k}={v}"))]
    as_json = cli_run(*args, "--format", "json")
    assert as_json.exit_code == 0, as_json.output
    result = graph.query(name, **params)
    assert result.rows == cli_rows(json.loads(as_json.stdout))
    assert len(result) > 0, "a documented example shows something"
    assert result.to_json() == as_json.stdout_bytes.decode("utf-8")
    assert result.to_csv() == cli_out(*args, "--format", "csv")


def test_every_named_query_has_an_example_to_compare() -> None:
    assert {name for name, _ in EXAMPLES} == set(catalogue())


# --- endpoint mode, against a real Oxigraph server -----------------------------------------------


@pytest.fixture(scope="module")
def remote(kg: Path) -> Iterator[str]:
    from retailkg.query.graphstore import load_graphs

    with qs.oxigraph_server() as base:
        load_graphs(kg, endpoint=f"{base}/query")
        yield f"{base}/query"


@pytest.mark.slow
def test_an_endpoint_answers_every_named_query_as_the_embedded_store(graph: KnowledgeGraph, remote: str) -> None:
    opened = retailkg.open(endpoint=remote)
    assert opened.endpoint == remote
    for name, example in EXAMPLES:
        params = example_params(example)
        here, there = graph.query(name, **params), opened.query(name, **params)
        assert there.vars == here.vars and sorted(map(repr, there.rows)) == sorted(map(repr, here.rows)), name
    assert opened.search("会员 拉新").to_csv() == graph.search("会员 拉新").to_csv()
    err = api_error(lambda: opened.query("post-duties", post="ccagm-003-2021/post/9.9.9"))
    assert "names nothing in the graph" in str(err)


@pytest.mark.slow
def test_validate_on_an_endpoint_is_the_clis(remote: str) -> None:
    report = retailkg.open(endpoint=remote).validate()
    written = json.loads(cli_out("validate", "--endpoint", remote, "--format", "json"))
    assert [f.id for f in report.findings] == [f["id"] for f in written["findings"]] and report.findings


def test_the_guide_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """docs/python-api.md's Python blocks, run in order in one namespace from a scratch folder."""
    text = (REPO / "docs" / "python-api.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 8
    (tmp_path / "examples").symlink_to(REPO / "examples")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {}
    for block in blocks:
        exec(compile(block, "docs/python-api.md", "exec"), namespace)
    assert json.loads((tmp_path / "duties.json").read_text(encoding="utf-8"))["head"]["vars"] == namespace["duties"].vars
    assert "no query named 'post-dutys'" in capsys.readouterr().out


@pytest.mark.slow
def test_a_users_type_checker_sees_the_apis_types(tmp_path: Path) -> None:
    """The package says it is typed (PEP 561 py.typed), so mypy checks an analyst's script against the API."""
    import subprocess

    script = tmp_path / "script.py"
    script.write_text("import retailkg\n\nkg = retailkg.open()\nrows = kg.query('documents').rows\nreveal_type(rows)\n"
                      "n: int = kg.query('documents')\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), str(script)],
                          capture_output=True, text=True, cwd=tmp_path, check=False)
    typed_rows = r'Revealed type is "(builtins\.)?list\[(builtins\.)?tuple\[(builtins\.)?str \| (builtins\.)?int'
    assert re.search(typed_rows, done.stdout), done.stdout
    assert 'Incompatible types in assignment (expression has type "Result", variable has type "int")' in done.stdout


def test_validate_takes_your_own_shapes_and_profile_as_the_cli_does(graph: KnowledgeGraph, tmp_path: Path) -> None:
    design = Path(__file__).resolve().parents[1] / "examples" / "taobao-ops.yaml"
    shapes = tmp_path / "mine.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix rkg: <https://w3id.org/retailkg/ontology#> .\n"
                      "@prefix ex: <https://example.org/rules#> .\n"
                      "ex:On a sh:NodeShape ; sh:targetClass rkg:Post ; sh:property [ sh:path rkg:headcount ; sh:minCount 1 ] .\n",
                      encoding="utf-8")
    profile = tmp_path / "profile.tsv"
    profile.write_text("rule\tlevel\nrkgsh:GapBaselineFunction\toff\n", encoding="utf-8")
    report = graph.validate(design, shapes=[shapes], profile=profile)
    from_cli = json.loads(cli_run("validate", str(design), "--shapes", str(shapes), "--profile", str(profile), "--format", "json",
                                  "--quiet").stdout)
    assert {f.id for f in report.findings} == {f["id"] for f in from_cli["findings"]}
    assert any(f.rule == "ex:On/rkg:headcount" for f in report.findings)
    assert not any(f.rule == "rkgsh:GapBaselineFunction" for f in report.findings)
