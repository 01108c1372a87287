"""Result writers: W3C SPARQL 1.1 CSV, TSV and JSON exactly, and a table people can read."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef

from retailkg.query.engines import oxigraph_result
from retailkg.query.results import ResultTable, compact, normalise, render, write_csv, write_json, write_table, write_tsv
from retailkg.query.serve import write_xml
from retailkg.rdf.terms import ntriples_term

INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")

TABLE = ResultTable(
    ["post", "name", "n", "note", "b"],
    [
        (URIRef("https://w3id.org/retailkg/ccagm-003-2021/post/4.1.3"), Literal("会员运营", lang="zh"), Literal("3", datatype=INTEGER),
         Literal('said "hi", then\nleft\ttab \\ slash'), BNode("b0")),
        (URIRef("https://w3id.org/retailkg/function/user-growth"), Literal("user growth", lang="en"), None, Literal(""), None),
    ],
)


def test_csv_is_bare_values_with_crlf_and_rfc4180_quoting() -> None:
    text = write_csv(TABLE)
    assert text.startswith("post,name,n,note,b\r\n")
    assert text.endswith("\r\n")
    lines = text.split("\r\n")
    assert lines[1].startswith("https://w3id.org/retailkg/ccagm-003-2021/post/4.1.3,会员运营,3,")  # no <>, no @zh, no ^^
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1][3] == 'said "hi", then\nleft\ttab \\ slash'  # quoted field keeps quote, comma and newline
    assert rows[1][4] == "_:b0"
    assert rows[2][2] == "" and rows[2][4] == ""  # unbound → empty field
    assert '"said ""hi"", then' in text


def test_tsv_uses_rdf_term_syntax_and_parses_back() -> None:
    text = write_tsv(TABLE)
    header, first, *_ = text.split("\n")
    assert header == "?post\t?name\t?n\t?note\t?b"
    cells = first.split("\t")
    assert cells[0] == "<https://w3id.org/retailkg/ccagm-003-2021/post/4.1.3>"
    assert cells[1] == '"会员运营"@zh'
    assert cells[2] == '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    assert cells[3] == '"said \\"hi\\", then\\nleft\\ttab \\\\ slash"'  # no raw tab or newline inside a field
    parsed = oxigraph_result(ox.parse_query_results(text, ox.QueryResultsFormat.TSV))
    assert parsed.vars == TABLE.vars
    assert [r[:4] for r in parsed.rows] == [r[:4] for r in TABLE.rows]


def test_json_follows_the_w3c_format_and_parses_back() -> None:
    doc = json.loads(write_json(TABLE))
    assert doc["head"]["vars"] == TABLE.vars
    first = doc["results"]["bindings"][0]
    assert first["post"] == {"type": "uri", "value": "https://w3id.org/retailkg/ccagm-003-2021/post/4.1.3"}
    assert first["name"] == {"type": "literal", "value": "会员运营", "xml:lang": "zh"}
    assert first["n"] == {"type": "literal", "value": "3", "datatype": str(INTEGER)}
    assert first["note"]["type"] == "literal" and "datatype" not in first["note"]
    assert first["b"] == {"type": "bnode", "value": "b0"}
    assert "n" not in doc["results"]["bindings"][1]  # unbound variables are left out
    assert "会员运营" in write_json(TABLE)  # UTF-8, not \\u escapes
    parsed = oxigraph_result(ox.parse_query_results(write_json(TABLE), ox.QueryResultsFormat.JSON))
    assert [r[:4] for r in parsed.rows] == [r[:4] for r in TABLE.rows]


def test_xml_parses_back() -> None:
    parsed = oxigraph_result(ox.parse_query_results(write_xml(TABLE), ox.QueryResultsFormat.XML))
    assert [r[:4] for r in parsed.rows] == [r[:4] for r in TABLE.rows]


def test_ask_results() -> None:
    yes = ResultTable([], [], "ask", True)
    assert json.loads(write_json(yes)) == {"head": {}, "boolean": True}
    assert ox.parse_query_results(write_json(yes), ox.QueryResultsFormat.JSON)
    assert write_csv(yes) == "true\r\n"
    assert write_table(ResultTable([], [], "ask", False)) == "false\n"


def test_table_aligns_chinese_by_display_width_and_clips() -> None:
    t = ResultTable(["a", "b"], [(Literal("会员运营"), Literal("x")), (Literal("abcd"), Literal("y"))])
    lines = write_table(t).splitlines()
    # 会员运营 is 8 columns wide, like 8 ASCII characters
    assert lines[2].index("x") + 4 == lines[3].index("y")
    clipped = write_table(ResultTable(["a"], [(Literal("负" * 100),)]), max_width=10).splitlines()[2]
    assert clipped.endswith("…") and len(clipped) <= 10
    assert write_table(t).splitlines()[-1] == "(2 rows)"


@pytest.mark.parametrize(
    ("term", "shown"),
    [
        (URIRef("https://w3id.org/retailkg/ontology#Post"), "rkg:Post"),
        (URIRef("https://w3id.org/retailkg/function/user-growth"), "fn:user-growth"),
        (URIRef("https://w3id.org/retailkg/ccagm-003-2021/post/4.1.3"), "ccagm-003-2021/post/4.1.3"),
        (URIRef("http://example.org/a b"), "<http://example.org/a b>"),
        (Literal("a\nb"), "a b"),
        (None, ""),
    ],
)
def test_compact_forms_are_what_parameters_accept(term: object, shown: str) -> None:
    assert compact(term) == shown  # type: ignore[arg-type]


def test_ntriples_terms_escape_everything_that_could_end_a_literal() -> None:
    evil = Literal('会员" } ; DROP ALL ; #\n\\')
    assert ntriples_term(evil) == '"会员\\" } ; DROP ALL ; #\\n\\\\"'
    with pytest.raises(ValueError):
        ntriples_term(URIRef("http://x> <y"))
    assert ntriples_term(Literal("x", lang="zh-hans")) == '"x"@zh-hans'


def test_normalise_merges_the_spellings_of_one_term() -> None:
    assert normalise(Literal("a", datatype=STRING)) == Literal("a")
    assert normalise(Literal("a", lang="ZH")) == Literal("a", lang="zh")


def test_render_rejects_unknown_format() -> None:
    with pytest.raises(ValueError):
        render(TABLE, "xml")
