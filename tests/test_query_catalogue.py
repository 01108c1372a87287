"""The named queries: their headers, parameters, portability rules and generated docs."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from retailkg.cli import cli
from retailkg.errors import InputError
from retailkg.query.catalogue import Param, catalogue, get_query, load_query, parse_term, render_docs, resolve_iri
from retailkg.query.sparqltext import check
from retailkg.resources import queries_dir

REPO = Path(__file__).resolve().parents[1]
XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
QUERIES = sorted(catalogue())

# What issue #4 asks the catalogue to answer, and the query that answers it.
REQUIRED = {
    "posts by department for each document": "posts-by-department",
    "the duties of a post with their source clauses": "post-duties",
    "the posts accountable for a metric": "metric-accountable-posts",
    "the function coverage matrix of a document": "function-coverage-matrix",
    "functions owned by more than one post": "functions-shared",
    "functions owned by exactly one post": "functions-single-owner",
    "a post's competencies by level and module": "post-competencies",
    "equivalent posts across documents": "equivalent-posts",
    "a post's reporting chain": "reporting-chain",
    "headcount by department": "headcount-by-department",
    "posts of one document with no counterpart in another": "posts-without-counterpart",
    "metrics with no accountable post": "metrics-without-accountable-post",
    "terms and definitions": "terms",
    "business processes and their posts": "business-processes",
    "duties and competencies that mention a keyword": "keyword-mentions",
}


def test_at_least_fifteen_named_queries_cover_the_issue() -> None:
    assert len(QUERIES) >= 15
    missing = {need: name for need, name in REQUIRED.items() if name not in QUERIES}
    assert not missing, missing
    assert not (queries_dir() / ".gitkeep").exists()


@pytest.mark.parametrize("name", QUERIES)
def test_header_documents_the_query(name: str) -> None:
    q = get_query(name)
    assert re.search(r"[\u4e00-\u9fff]", q.title_zh), "title@zh must be Chinese"
    assert re.search(r"[A-Za-z]", q.title_en)
    assert len(q.description) > 40
    assert q.examples, "an example call"
    for ex in q.examples:
        words = shlex.split(ex)
        assert words[:4] == ["retailkg", "query", "run", name], ex
    for p in q.params:
        assert p.description
        if p.required:
            assert p.name in q.example_params(), f"the first example must give required parameter {p.name}"
    assert q.header.startswith("# title@zh:")


@pytest.mark.parametrize("name", QUERIES)
def test_query_is_portable_and_pageable(name: str) -> None:
    """Rules that make a named query answer the same on every engine and store."""
    q = get_query(name)
    info = check(q.text, name)
    assert info.kind == "select"
    # ORDER BY and no LIMIT: deterministic output, and an endpoint can page past row caps
    assert info.pageable, "needs ORDER BY and no LIMIT/OFFSET/trailing VALUES"
    # parameters are bound by substitution (SEP-0007): they must be selected
    for p in q.params:
        assert info.projected is None or p.name in info.projected, f"?{p.name} must be in the SELECT clause"
    body = "\n".join(line for line in q.text.splitlines() if not line.lstrip().startswith("#"))
    # written against the union default graph: no dataset clauses or GRAPH patterns
    assert not re.search(r"\b(FROM|GRAPH|SERVICE)\b", body), "use the union default graph"
    # aggregates whose result depends on the engine's internal order
    assert not re.search(r"\b(GROUP_CONCAT|SAMPLE)\b", body, re.I)
    # property paths with * or + would do at query time what the build materialised
    assert not re.search(r"[>\w]\s*[*+]\s*\?", body), "use the materialised closure (e.g. rkg:reportingChain)"


def test_docs_are_generated_from_the_headers() -> None:
    """docs/queries.md is stale when it differs from what `retailkg query docs` writes."""
    page = (REPO / "docs" / "queries.md").read_text(encoding="utf-8")
    assert page == render_docs(), "docs/queries.md is stale: run `retailkg query docs -o docs/queries.md`"
    for name in QUERIES:
        assert f"## {name}" in page


def test_docs_check_reports_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "queries.md"
    stale.write_text("# old\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["query", "docs", "--check", str(stale)])
    assert result.exit_code == 1
    assert "stale" in result.stderr
    result = CliRunner().invoke(cli, ["query", "docs", "-o", str(stale)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["query", "docs", "--check", str(stale)])
    assert result.exit_code == 0, result.output


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / f"{name}.rq"
    p.write_text(text, encoding="utf-8")
    return p


GOOD = """# title@zh: 测试
# title@en: Test
# description: A query for the header parser, with a description that runs on
#   to a second line.
# param doc (iri) = *: the document
# param n (integer) = 3: a number
# example: retailkg query run t --param doc=ccagm-003-2021
SELECT ?doc ?n WHERE { ?x ?p ?doc } ORDER BY ?doc
"""


def test_header_parser_reads_fields_and_continuations(tmp_path: Path) -> None:
    q = load_query(_write(tmp_path, "t", GOOD))
    assert q.name == "t"
    assert q.description.endswith("runs on to a second line.")
    assert [p.name for p in q.params] == ["doc", "n"]
    assert q.param("doc") == Param("doc", "iri", "*", "the document")
    assert q.example_params() == {"doc": "ccagm-003-2021"}


@pytest.mark.parametrize(
    ("broken", "line", "message"),
    [
        (GOOD.replace("# title@en: Test\n", ""), 1, "no title@en"),
        (GOOD.replace("# param n (integer) = 3", "# param n (number) = 3"), 6, "param type"),
        (GOOD.replace("# param n (integer) = 3: a number", "# param n integer"), 6, "param must read"),
        (GOOD.replace("# param n (integer)", "# param m (integer)"), 6, "not a variable"),
        (GOOD.replace("# example:", "# exmaple:"), 7, "unknown header field"),
    ],
)
def test_malformed_header_is_located(tmp_path: Path, broken: str, line: int, message: str) -> None:
    path = _write(tmp_path, "t", broken)
    with pytest.raises(InputError) as e:
        load_query(path)
    assert e.value.file == str(path)
    assert e.value.line == line
    assert message in e.value.message


def test_unknown_query_suggests_close_names() -> None:
    with pytest.raises(InputError) as e:
        get_query("post-duty")
    assert "post-duties" in str(e.value)
    with pytest.raises(InputError) as e:
        get_query("zzz")
    assert "query list" in str(e.value)


def test_bindings_check_names_and_fill_defaults() -> None:
    q = get_query("posts-without-counterpart")
    b = q.bindings({"other": "ecom-ops-manuals"})
    assert b == {"doc": URIRef("https://w3id.org/retailkg/ccagm-003-2021"), "other": URIRef("https://w3id.org/retailkg/ecom-ops-manuals")}
    assert get_query("posts-by-department").bindings({}) == {}  # default * leaves ?doc unbound
    with pytest.raises(InputError, match="has no parameter"):
        q.bindings({"document": "x"})
    with pytest.raises(InputError, match="needs --param post"):
        get_query("post-duties").bindings({})
    with pytest.raises(InputError, match="only allowed where the default is"):
        get_query("post-duties").bindings({"post": "*"})


@pytest.mark.parametrize(
    ("value", "iri"),
    [
        ("ccagm-003-2021/post/4.1.3", "https://w3id.org/retailkg/ccagm-003-2021/post/4.1.3"),
        ("fn:user-growth", "https://w3id.org/retailkg/function/user-growth"),
        ("skos:closeMatch", "http://www.w3.org/2004/02/skos/core#closeMatch"),
        ("<http://example.org/x>", "http://example.org/x"),
        ("urn:isbn:1", "urn:isbn:1"),
    ],
)
def test_iri_parameters_accept_the_forms_tables_show(value: str, iri: str) -> None:
    assert resolve_iri(value) == URIRef(iri)


@pytest.mark.parametrize("bad", ['x> <y', "a b", 'x"y', "{}", "a\\b"])
def test_iri_parameters_refuse_what_could_leave_an_iri(bad: str) -> None:
    with pytest.raises(InputError, match="not an IRI"):
        resolve_iri(bad)


def test_typed_parameters() -> None:
    assert Param("n", "integer", None, "").parse("42") == Literal("42", datatype=XSD_INTEGER)
    with pytest.raises(InputError, match="not an integer"):
        Param("n", "integer", None, "").parse("4x")
    assert Param("l", "lang", None, "").parse("zh") == Literal("zh")
    with pytest.raises(InputError, match="language tag"):
        Param("l", "lang", None, "").parse("ZH")
    assert Param("s", "string", None, "").parse('a"b') == Literal('a"b')


@pytest.mark.parametrize(
    ("value", "term"),
    [
        ("<http://example.org/a>", URIRef("http://example.org/a")),
        ("rkg:Post", URIRef("https://w3id.org/retailkg/ontology#Post")),
        ('"会员"@zh', Literal("会员", lang="zh")),
        ('"5"^^xsd:integer', Literal("5", datatype=XSD_INTEGER)),
        ("42", Literal("42", datatype=XSD_INTEGER)),
        ("会员 运营", Literal("会员 运营")),
    ],
)
def test_adhoc_parameter_terms(value: str, term: object) -> None:
    assert parse_term(value) == term


def test_queries_are_checked_safely_from_several_threads() -> None:
    """validate asks an endpoint the rules' queries from two threads, and each is checked first:
    rdflib's parser keeps state between calls, so two parses at once must not break each other."""
    from concurrent.futures import ThreadPoolExecutor

    from retailkg.validation.compile import compiled_rules

    texts = [q.text for q in compiled_rules()] * 3
    with ThreadPoolExecutor(4) as pool:
        kinds = list(pool.map(lambda t: check(t, "rule").kind, texts))
    assert kinds == ["select"] * len(texts)
