"""Adding a rule means writing the shape: its examples, and nothing else.

A consultant's rule that reads what no bundled rule reads (which standard duty a duty quotes,
``prov:wasDerivedFrom``, and where the design says so, ``rkg:reference``) is written as a shape in a
folder of its own with ``examples/valid`` and ``examples/invalid``, as the bundled ones are. Run on
a YAML design it must give exactly pySHACL's results on the design's RDF, compiled to a query on
the store (so the loader must keep what the shape reads), with the evidence the shape declares.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, URIRef

from retailkg.cli import cli
from retailkg.design.matching import matcher_for
from retailkg.design.readers import read_design
from retailkg.design.resolve import resolve
from retailkg.kg.knowledge import knowledge_base
from retailkg.ns import SH
from retailkg.validation.census import census_of_ntriples
from retailkg.validation.compile import plan_rules
from retailkg.validation.complete import as_written, run_complete
from retailkg.validation.facts import kb_facts
from retailkg.validation.naming import needs_of
from retailkg.validation.pipeline import validate_file
from retailkg.validation.ruleset import bundled_rule_set, load_rule_set, rule_set_of_graph
from retailkg.validation.shacl import validate_graph

RULE = "https://example.org/rules#QuotedTwice"
PROV = "http://www.w3.org/ns/prov#wasDerivedFrom"
REFERENCE = "https://w3id.org/retailkg/ontology#reference"

SHAPE = '''@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rkg: <https://w3id.org/retailkg/ontology#> .
@prefix rkgsh: <https://w3id.org/retailkg/shapes#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/rules#> .

ex: sh:declare [ sh:prefix "rkg" ; sh:namespace "https://w3id.org/retailkg/ontology#"^^xsd:anyURI ] ,
               [ sh:prefix "prov" ; sh:namespace "http://www.w3.org/ns/prov#"^^xsd:anyURI ] .

# A post that quotes one standard duty twice: a copy-and-paste slip in the design.
ex:QuotedTwice a sh:NodeShape ;
    sh:targetClass rkg:Post ;
    sh:sparql [ sh:prefixes ex: ; sh:select """
SELECT $this ?value ?where WHERE {
  ?first rkg:dutyOf $this ; prov:wasDerivedFrom ?value .
  ?second rkg:dutyOf $this ; prov:wasDerivedFrom ?value ; rkg:reference ?where .
  FILTER (?first != ?second)
}""" ] ;
    rkgsh:evidence [ rkgsh:path [ sh:inversePath rkg:dutyOf ] ; rkgsh:stating prov:wasDerivedFrom ; rkgsh:role "quoted" ] ;
    sh:severity sh:Warning ;
    sh:message "岗位「{$this}」重复引用标准职责（{?where}）"@zh , "The post {$this} quotes one standard duty twice ({?where})"@en .
'''

EXAMPLE = '''@prefix rkg: <https://w3id.org/retailkg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix ex: <https://example.org/acme/> .
ex:post a rkg:Post .
ex:d1 a rkg:Duty ; rkg:dutyOf ex:post ; prov:wasDerivedFrom <https://w3id.org/retailkg/ccagm-003-2021/duty/4.1.1-a> ;
    rkg:reference "acme.yaml:10" .
ex:d2 a rkg:Duty ; rkg:dutyOf ex:post ; prov:wasDerivedFrom <https://w3id.org/retailkg/ccagm-003-2021/duty/4.1.1-{second}> ;
    rkg:reference "acme.yaml:11" .
'''

DESIGN = """organisation: {id: acme, name: 某百货, baseline: T/CCAGM 003-2021}
departments:
  - {id: marketing, name: 营销部}
posts:
  - id: planner
    name: 营销策划专员
    department: marketing
    duties:
      - standard: "4.1.1 a"
      - text: 负责会员活动的策划与执行
      - standard: "4.1.1 a"
  - id: member-operator
    name: 会员运营专员
    department: marketing
    duties:
      - standard: "4.1.3 a"
      - standard: "4.1.3 b"
"""


@pytest.fixture
def rule(tmp_path: Path) -> Path:
    """The rule as a user adds it: the shape and its examples, in a folder of its own."""
    folder = tmp_path / "my-rules"
    (folder / "examples" / "QuotedTwice" / "valid").mkdir(parents=True)
    (folder / "examples" / "QuotedTwice" / "invalid").mkdir(parents=True)
    (folder / "quoted-twice.ttl").write_text(SHAPE, encoding="utf-8")
    (folder / "examples" / "QuotedTwice" / "valid" / "two-duties.ttl").write_text(EXAMPLE.format(second="b"), encoding="utf-8")
    (folder / "examples" / "QuotedTwice" / "invalid" / "one-duty-twice.ttl").write_text(EXAMPLE.format(second="a"),
                                                                                        encoding="utf-8")
    return folder


def _pyshacl(data: Graph, shapes: Graph) -> set[tuple[str, str]]:
    return {(str(r.focus), str(r.value)) for r in run_complete(data, shapes, [URIRef(RULE)])}


def test_the_rules_examples_hold(rule: Path) -> None:
    """As for the bundled rules: the valid example conforms, the invalid one breaks this rule."""
    rule_set = rule_set_of_graph(Graph().parse(rule / "quoted-twice.ttl"))
    for example in sorted((rule / "examples").glob("*/*/*.ttl")):
        data = Graph().parse(example)
        conforms, results = validate_graph(data, rule_set)
        if example.parts[-2] == "valid":
            assert conforms, example
        else:
            assert {str(r.shape) for r in results} == {RULE}, example
            assert {(str(r.focus), str(r.value)) for r in results} == _pyshacl(data, rule_set.graph)


def test_a_new_rule_on_a_yaml_design_gives_pyshacls_results(rule: Path, tmp_path: Path) -> None:
    design_file = tmp_path / "acme.yaml"
    design_file.write_text(DESIGN, encoding="utf-8")
    rule_set = load_rule_set([rule / "quoted-twice.ttl"])

    # what the rule reads, the bundled rules do not: the loader would leave it out for them
    bundled, mine = needs_of(bundled_rule_set()), needs_of(rule_set)
    for p in (PROV, REFERENCE):
        assert not bundled.store.reads(p) and mine.store.reads_all(p), p

    # the reference: pySHACL with the shape on the design's RDF and the facts beside it
    kb = knowledge_base()
    resolved = resolve(read_design(design_file), kb, matcher_for(kb))
    nt = resolved.ntriples().encode("utf-8") + kb_facts(kb, resolved.baseline.id)
    with as_written():
        data = Graph().parse(data=nt, format="nt")
    expected = _pyshacl(data, rule_set.graph)
    assert expected == {(str(resolved.base) + "post/planner", "https://w3id.org/retailkg/ccagm-003-2021/duty/4.1.1-a")}, \
        "the design quotes 4.1.1 a twice in one post, and only there"

    # the rule runs compiled, on the store the loader fills
    plan = plan_rules(rule_set.graph, census_of_ntriples(nt), skip=rule_set.off)
    assert RULE in {s for q in plan.queries for s in q.shapes} and RULE not in plan.reasons

    report = validate_file(design_file, shapes=rule_set)
    g = report.report_graph
    got = {(str(g.value(r, SH.focusNode)), str(g.value(r, SH.value)))
           for r in g.subjects(RDF.type, SH.ValidationResult) if str(g.value(r, SH.sourceShape)) == RULE}
    assert got == expected

    finding = next(f for f in report.findings if f.rule_iri == RULE)
    quoting = {str(d) for d in data.subjects(URIRef(PROV), URIRef(next(iter(expected))[1]))}
    assert len(quoting) == 2
    assert [e.role for e in finding.evidence] == ["quoted", "quoted"], "the duties the shape's evidence path finds"
    assert {e.statement for e in finding.evidence} == quoting
    assert [p.id for p in finding.posts] == ["post/planner"]
    assert "4.1.1 a" in finding.message_en and "{?where}" not in finding.message_en, "the reference the rule read"


def test_the_same_through_the_command_line(rule: Path, tmp_path: Path) -> None:
    design_file = tmp_path / "acme.yaml"
    design_file.write_text(DESIGN, encoding="utf-8")
    res = CliRunner().invoke(cli, ["validate", "--quiet", str(design_file), "--shapes", str(rule / "quoted-twice.ttl"),
                                   "--format", "json"])
    assert res.exit_code in (0, 1), res.output
    found = [f for f in json.loads(res.stdout)["findings"] if f["rule_iri"] == RULE]
    assert len(found) == 1 and found[0]["severity"] == "warning" and len(found[0]["evidence"]) == 2
