"""The SHACL shapes: well-formed (meta-SHACL), documented, and each one proven by examples.

LinkML style: ``shapes/examples/<rule>/valid/*.ttl`` must conform to every shape, and each
``invalid/*.ttl`` must give results of that rule and no other.
"""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from retailkg.ns import RKGSH, SH
from retailkg.resources import shapes_dir
from retailkg.validation.findings import Kind, Severity
from retailkg.validation.reference import validate_instance_graph
from retailkg.validation.shapes import load_shapes, rules

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = shapes_dir() / "examples"
RULES = rules()
RULE_NAMES = sorted(r.curie.split(":", 1)[1] for r in RULES)


def _examples(kind: str) -> list[tuple[str, Path]]:
    return sorted((p.parts[-3], p) for p in EXAMPLES.glob(f"*/{kind}/*.ttl"))


def _rules_fired(report: Graph) -> set[str]:
    return {str(report.value(r, SH.sourceShape)).split("#")[-1] for r in report.subjects(RDF.type, SH.ValidationResult)}


def test_shapes_pass_meta_shacl() -> None:
    """pySHACL validates the shapes graph against shacl-shacl before using it (meta_shacl=True)."""
    conforms, _g, text = pyshacl.validate(Graph(), shacl_graph=load_shapes(), meta_shacl=True)
    assert conforms, text


def test_meta_shacl_check_can_fail() -> None:
    broken = Graph()
    for t in load_shapes():
        broken.add(t)
    broken.add((RKGSH.PostLabel, SH.minCount, Literal("one")))  # sh:minCount must be an integer
    with pytest.raises(Exception, match=r"(?i)shacl"):
        pyshacl.validate(Graph(), shacl_graph=broken, meta_shacl=True)


def test_the_rule_set() -> None:
    """The issue's rules, one shape each (docs/validation.md explains every one)."""
    assert set(RULE_NAMES) == {
        "PostLabel", "PostDepartment", "DutyText", "HeadcountPositive", "ReportsToSameOrganisation", "NoReportingCycle",
        "MetricAccountablePost", "UnmappedDuty", "OverlapLeadFunction", "OverlapInSupervisionLine", "OverlapTeamFunction",
        "OverlapAccountableMetric", "OverlapAccountableMetricInLine", "GapBaselineFunction", "GapSupportOnly",
        "GapDepartmentWithoutPost", "GapPostWithoutDuty", "GapAreaOutOfScope",
    }
    sev = {r.curie: r.severity for r in RULES}
    assert sev["rkgsh:OverlapLeadFunction"] is Severity.VIOLATION
    assert sev["rkgsh:OverlapInSupervisionLine"] is Severity.WARNING
    assert sev["rkgsh:OverlapTeamFunction"] is Severity.INFO
    assert sev["rkgsh:UnmappedDuty"] is Severity.WARNING
    assert {r.kind for r in RULES} == set(Kind) - {Kind.CUSTOM}  # custom: a user's own rules (--shapes)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.curie)
def test_every_shape_is_named_and_speaks_both_languages(rule: object) -> None:
    shapes = load_shapes()
    iri = URIRef(rule.iri)  # type: ignore[attr-defined]
    assert str(iri).startswith(str(RKGSH))
    assert shapes.value(iri, SH.severity) in (SH.Violation, SH.Warning, SH.Info)
    langs = {o.language for o in shapes.objects(iri, SH.message) if isinstance(o, Literal)}
    assert langs == {"zh", "en"}
    assert {o.language for o in shapes.objects(iri, RDFS.label) if isinstance(o, Literal)} == {"zh", "en"}
    assert rule.label_zh and rule.message_en  # type: ignore[attr-defined]


def test_every_rule_has_valid_and_invalid_examples() -> None:
    folders = {p.name for p in EXAMPLES.iterdir() if p.is_dir()}
    assert folders == set(RULE_NAMES), "one example folder per rule, named after it"
    for name in RULE_NAMES:
        assert list((EXAMPLES / name / "valid").glob("*.ttl")), f"{name} has no valid example"
        assert list((EXAMPLES / name / "invalid").glob("*.ttl")), f"{name} has no invalid example"


@pytest.mark.parametrize(("rule", "path"), _examples("valid"), ids=lambda x: x if isinstance(x, str) else x.stem)
def test_valid_example_conforms(rule: str, path: Path) -> None:
    conforms, report = validate_instance_graph(Graph().parse(path))
    assert conforms and not _rules_fired(report), f"{path.relative_to(EXAMPLES)}: {_rules_fired(report)}"


@pytest.mark.parametrize(("rule", "path"), _examples("invalid"), ids=lambda x: x if isinstance(x, str) else x.stem)
def test_invalid_example_yields_exactly_its_rule(rule: str, path: Path) -> None:
    conforms, report = validate_instance_graph(Graph().parse(path))
    assert not conforms
    assert _rules_fired(report) == {rule}, path.relative_to(EXAMPLES)


def test_replication_rule_depends_on_the_unit_kind() -> None:
    """The two-stores example conforms because its units are stores; as departments they overlap."""
    g = Graph().parse(EXAMPLES / "OverlapLeadFunction" / "valid" / "two-stores.ttl")
    for s, p, o in list(g.triples((None, URIRef("https://w3id.org/retailkg/ontology#unitKind"), None))):
        g.remove((s, p, o))
    _conforms, report = validate_instance_graph(g)
    assert _rules_fired(report) == {"OverlapLeadFunction"}


def test_shapes_ship_with_the_package() -> None:
    assert (shapes_dir() / "overlap.ttl").is_file()
    assert not (REPO / "shapes" / ".gitkeep").exists()


def test_every_rule_is_documented() -> None:
    doc = (REPO / "docs" / "validation.md").read_text(encoding="utf-8")
    for r in RULES:
        assert f"`{r.curie}`" in doc, f"{r.curie} is missing from docs/validation.md"
