"""IRIs minted from a design's own text are valid and one to one (issue 17): two different metric
names never share an IRI, and no name, whatever it holds, makes an IRI a parser refuses."""

from __future__ import annotations

import string
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef

from retailkg.cli import cli
from retailkg.design.model import ORG_BASE
from retailkg.design.readers import read_design
from retailkg.design.resolve import iri_segment, resolve
from retailkg.kg.knowledge import knowledge_base
from retailkg.ns import RKG

PUNCTUATION = list(string.punctuation)
CONTROLS = [chr(n) for n in (*range(0x20), 0x7F)]
ODD = [" ", "\u3000", "\u00a0", "\u200b", "\u200e", "\ue000", "\ufdd0", "\ufffe", "\U0001fffe", "\U000f0000", "\ud800",
       ".", "..", "...", "", "%", "%25", "%2E", "-", "--x"]


def _valid(iri: str) -> bool:
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


def _mint(label: str) -> str:
    return f"{ORG_BASE}acme/metric/{iri_segment(label)}"


@pytest.mark.parametrize("label", ["销售任务", "PPC", "VIP顾客的粘性", "投入产出比", "ops-director", "store-001",
                                   "退货率(月)", "a.b", "O'Neil&Co", "x~y", "季度:目标@华东", "Ⅱ类商品"])
def test_a_label_that_is_already_safe_keeps_its_iri(label: str) -> None:
    assert iri_segment(label) == label


@pytest.mark.parametrize("mark", PUNCTUATION + CONTROLS + ODD)
def test_every_punctuation_mark_and_control_makes_a_valid_distinct_iri(mark: str) -> None:
    labels = [f"退货率{mark}5%", f"{mark}", f"{mark}{mark}", f"a{mark}", f"{mark}b", "退货率5%", "退货率-5", "a", "b"]
    iris = {label: _mint(label) for label in labels}
    for label, iri in iris.items():
        assert _valid(iri), (label, iri)
        assert unquote(iri_segment(label), errors="surrogatepass") == label
    assert len(set(iris.values())) == len(set(labels))


@pytest.mark.parametrize("label", ["\U000E0100", "店长\U000E0101", "\U000E0001tag"])
def test_plane_14_below_e1000_is_encoded_as_rfc_3987_asks(label: str) -> None:
    """Variation selectors 17-256 and tag characters (U+E0000-E0FFF) are outside RFC 3987's ucschar
    (plane 14 is in it only from U+E1000), so Oxigraph refuses them raw: they are percent-encoded."""
    iri = _mint(label)
    assert _valid(iri), (label, iri)
    assert unquote(iri_segment(label), errors="surrogatepass") == label
    assert not any(0xE0000 <= ord(c) < 0xE1000 for c in iri)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec=None) | st.sampled_from(PUNCTUATION + CONTROLS), max_size=12),
       st.text(alphabet=st.sampled_from(PUNCTUATION + CONTROLS + ["退", "率", "5", "a"]), max_size=6))
def test_any_label_makes_a_valid_iri_that_gives_the_label_back(a: str, b: str) -> None:
    for label in (a, b, a + b):
        iri = _mint(label)
        assert _valid(iri), (label, iri)
        assert unquote(iri_segment(label), errors="surrogatepass") == label  # one to one: the label is recovered
    if a != b:
        assert iri_segment(a) != iri_segment(b)


def _design(tmp_path: Path, *metrics: list[str]) -> Path:
    posts = [{"id": "lead", "name": "运营主管", "department": "ops", "accountable_for": metrics[0]}]
    for i, names in enumerate(metrics[1:], start=1):
        posts.append({"id": f"p{i}", "name": f"客服主管{i}", "department": "ops", "reports_to": "lead",
                      "accountable_for": names})
    design = {"organisation": {"id": "ret", "name": "小店"}, "departments": [{"id": "ops", "name": "运营部"}],
              "posts": posts}
    path = tmp_path / "d.yaml"
    path.write_text(yaml.safe_dump(design, allow_unicode=True), encoding="utf-8")
    return path


def test_two_metrics_that_differ_by_a_mark_are_two_metrics(tmp_path: Path) -> None:
    r = resolve(read_design(_design(tmp_path, ["退货率<5%"], ["退货率>5%"])), knowledge_base())
    lead, other = r.posts["lead"], r.posts["p1"]
    mine = {m for (p, m) in r.metric_sources if p == lead}
    theirs = {m for (p, m) in r.metric_sources if p == other}
    assert len(mine) == len(theirs) == 1 and mine != theirs
    assert (lead, RKG.accountableFor, URIRef(f"{ORG_BASE}ret/metric/退货率%3C5%25")) in r.graph


def test_no_false_overlap_between_two_metrics_that_differ_by_a_mark(tmp_path: Path) -> None:
    from retailkg.validation.pipeline import validate_design

    r = resolve(read_design(_design(tmp_path, ["退货率<5%"], ["退货率>5%"])), knowledge_base())
    report = validate_design(r)
    assert [f for f in report.findings if f.metric is not None] == []


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_a_name_with_brackets_or_a_control_makes_a_report_and_rdf(tmp_path: Path, fmt: str) -> None:
    names = ["库存[周]", "a]b[", "退货\x01率", "退货\x7f率", "周转 天数", "\\u0041"]
    design = _design(tmp_path, names, ["库存周"])
    runner = CliRunner()
    report = tmp_path / "report.ttl"
    res = runner.invoke(cli, ["validate", str(design), "-o", str(report)])
    assert res.exit_code in (0, 1) and (res.exception is None or isinstance(res.exception, SystemExit)), res.output
    rdf = tmp_path / f"design.{fmt}"
    res = runner.invoke(cli, ["org", "rdf", str(design), "-o", str(rdf)])
    assert res.exit_code == 0, res.output
    for out, kind in ((report, "ttl"), (rdf, fmt)):
        g = Graph().parse(out, format="turtle" if kind == "ttl" else "nt")
        labels = {str(o) for s, o in g.subject_objects(URIRef("http://www.w3.org/2000/01/rdf-schema#label"))
                  if "/metric/" in str(s)}
        assert set(names) <= labels
        metrics = {s for s in g.subjects(URIRef("http://www.w3.org/2000/01/rdf-schema#label")) if "/ret/metric/" in str(s)}
        assert len(metrics) == len(names) + 1
        list(ox.parse(out.read_bytes(), format=ox.RdfFormat.TURTLE if kind == "ttl" else ox.RdfFormat.N_TRIPLES))
