"""bench/generate.py: a synthetic chain design whose manifest says what the validator must find.

The chain here is small (three stores) so that pySHACL runs in seconds; with three stores every
planted store finding still occurs (they recur every ``min(PERIOD, stores)``-th store).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from scripts import load_script

from retailkg.design.matching import matcher_for
from retailkg.design.readers import read_design
from retailkg.design.resolve import resolve
from retailkg.kg.knowledge import knowledge_base
from retailkg.ns import RKG
from retailkg.validation.pipeline import validate_file
from retailkg.validation.shapes import rules

REPO = Path(__file__).resolve().parents[1]
STORES = 3


def _load() -> ModuleType:
    return load_script("bench/generate.py", "bench_generate")


gen = _load()


@pytest.fixture(scope="module")
def chain_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("chain")
    gen.generate(STORES, out, seed=7)
    return out


@pytest.fixture(scope="module")
def manifest(chain_dir: Path) -> dict[str, Any]:
    return json.loads((chain_dir / "manifest.json").read_text(encoding="utf-8"))


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _key(r: dict[str, Any]) -> tuple[str, str, str | None]:
    return (r["rule"], r["focus"], r["value"])


# --- the files ------------------------------------------------------------------------------


def test_writes_every_format_and_a_manifest(chain_dir: Path, manifest: dict[str, Any]) -> None:
    names = set(_files(chain_dir))
    assert {"chain.yaml", "chain.xlsx", "chain.nt", "manifest.json"} <= names
    assert {f"chain-csv/{t}.csv" for t in ("organisation", "departments", "posts", "duties", "metrics")} <= names
    assert manifest["seed"] == 7
    assert manifest["counts"]["stores"] == STORES
    assert manifest["counts"]["regions"] == 2


def test_same_seed_gives_identical_bytes(chain_dir: Path, tmp_path: Path) -> None:
    gen.generate(STORES, tmp_path, seed=7)
    assert _files(tmp_path) == _files(chain_dir)


def test_another_seed_gives_another_design(chain_dir: Path, tmp_path: Path) -> None:
    gen.generate(STORES, tmp_path, seed=8)
    mine, theirs = _files(chain_dir), _files(tmp_path)
    assert mine.keys() == theirs.keys()
    for name in ("chain.yaml", "chain.xlsx", "chain.nt", "chain-csv/posts.csv"):
        assert mine[name] != theirs[name], name


def _normalised(g: Graph, source: str) -> Graph:
    """The graph with the source's citations blanked: the file name of the design and, for free
    text, the file:line (or file:sheet!row) that resolve() cites. Those are the only triples
    that should depend on the format."""
    cite = re.compile(rf"^{re.escape(source)}:\S+$")
    out = Graph()
    for s, p, o in g:
        if p == RKG.reference and isinstance(o, Literal) and cite.match(str(o)):
            o = Literal("<citation>")
        elif s == URIRef(f"{gen.ORG_BASE}design") and isinstance(o, Literal):
            o = Literal("<design file>")
        out.add((s, p, o))
    return out


def test_yaml_csv_and_excel_resolve_to_the_graph_in_chain_nt(chain_dir: Path, manifest: dict[str, Any]) -> None:
    kb = knowledge_base()
    nt = Graph().parse(chain_dir / "chain.nt", format="nt")
    assert len(nt) == manifest["counts"]["triples"]
    yaml_graph = resolve(read_design(chain_dir / "chain.yaml"), kb, matcher_for(kb)).graph
    assert isomorphic(yaml_graph, nt)  # chain.nt is the YAML resolved: equal, citations included
    expected = _normalised(nt, "chain.yaml")
    for form, cited in (("chain-csv", "duties.csv"), ("chain.xlsx", "chain.xlsx")):
        g = resolve(read_design(chain_dir / form), kb, matcher_for(kb)).graph
        cited_lines = {o for o in g.objects(None, RKG.reference) if str(o).startswith(cited + ":")}
        assert len(cited_lines) == manifest["counts"]["free_text_duties"], form
        assert isomorphic(_normalised(g, cited), expected), form


def test_the_triple_count_is_predicted_exactly(manifest: dict[str, Any]) -> None:
    assert manifest["counts"]["triples"] == manifest["counts"]["triples_predicted"]


def test_the_10k_scale_is_within_15_percent_of_10000_triples(tmp_path: Path) -> None:
    m = gen.generate("10k", tmp_path, formats=["nt"])
    lines = (tmp_path / "chain.nt").read_text(encoding="utf-8").count("\n")
    assert lines == m["counts"]["triples"]
    assert 8_500 <= lines <= 11_500
    assert m["scale"] == "10k" and m["target_triples"] == 10_000


def test_an_unknown_scale_or_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown scale"):
        gen.generate("10m", tmp_path)
    with pytest.raises(ValueError, match="unknown format"):
        gen.generate(2, tmp_path, formats=["yaml", "ttl"])
    with pytest.raises(ValueError, match="at least 1"):
        gen.generate(0, tmp_path)


# --- the manifest ---------------------------------------------------------------------------


def test_the_oracle_covers_every_rule_of_the_shapes(manifest: dict[str, Any]) -> None:
    assert set(gen.RULES) == {r.curie for r in rules()}
    assert set(manifest["rules"]) == set(gen.RULES)


def test_every_planted_item_appears_in_the_expected_results(manifest: dict[str, Any]) -> None:
    results = {_key(r) for r in manifest["results"]}
    kinds = {p["kind"] for p in manifest["planted"]}
    assert {kind for kind, _what in gen.STORE_PLANTS} <= kinds  # three stores carry every store plant
    for p in manifest["planted"]:
        assert p["expect"] or p["absent"], p["kind"]
        for r in p["expect"]:
            assert _key(r) in results, (p["kind"], p["where"], r)
        for r in p["absent"]:
            assert _key(r) not in results, (p["kind"], p["where"], r)


def test_every_rule_that_should_fire_does(manifest: dict[str, Any]) -> None:
    firing = {rule for rule, n in manifest["rules"].items() if n["results"]}
    assert firing == {
        "rkgsh:OverlapLeadFunction", "rkgsh:OverlapInSupervisionLine", "rkgsh:OverlapTeamFunction",
        "rkgsh:OverlapAccountableMetric", "rkgsh:OverlapAccountableMetricInLine",
        "rkgsh:GapBaselineFunction", "rkgsh:GapSupportOnly", "rkgsh:GapDepartmentWithoutPost", "rkgsh:GapPostWithoutDuty",
        "rkgsh:MetricAccountablePost", "rkgsh:UnmappedDuty",
    }  # the structure rules stay silent: the generator writes well-formed designs


def test_grouped_findings_partition_the_results(manifest: dict[str, Any]) -> None:
    """Each overlap group holds pairs of one rule and value; its posts are exactly those results."""
    from_groups = set()
    for f in manifest["findings"]:
        if "posts" in f:
            assert len(f["posts"]) >= 2
            from_groups |= {(f["rule"], p, f["value"]) for p in f["posts"]}
        else:
            from_groups.add(_key(f))
    assert from_groups == {_key(r) for r in manifest["results"]}
    store_groups = [f for f in manifest["findings"] if f.get("store")]
    assert {f["store"] for f in store_groups} >= {f"{gen.ORG_BASE}dept/s000{i}" for i in (1, 2, 3)}


def test_pool_sentences_lead_the_functions_they_are_written_for() -> None:
    """The planted findings rely on each sentence's functions: the matcher (or the pin) must agree."""
    kb = knowledge_base()
    matcher = matcher_for(kb)
    sentences = [s for variants in gen.POOL.values() for s in variants]
    sentences += [gen.GM_RULES, gen.HEAD_TRAINING, gen.HEAD_APPRAISAL, gen.REGION_COST, gen.REGION_APPRAISAL, gen.REGION_RECRUITMENT]
    for s in sentences:
        if s.pinned:
            lead = {f for f, role in s.pinned if role == "lead"}
        elif s.role == "support":
            lead = set()
        else:
            lead = {kb.short(fm.function)[3:] for fm in matcher.match(s.text).functions if fm.role == "lead"}
        assert lead == set(s.meant), s.text


def test_the_manifest_expects_what_the_validator_reports(chain_dir: Path, manifest: dict[str, Any]) -> None:
    """The oracle restates the shapes in Python; pySHACL runs them. They must agree result for result."""
    report = validate_file(chain_dir / "chain.yaml")
    reported = {(f.rule, focus, f.value or None) for f in report.findings for focus in f.focus}
    expected = {_key(r) for r in manifest["results"]}
    assert sorted(expected - reported) == []  # expected, not reported
    assert sorted(reported - expected) == []  # reported, not expected
    # the validator groups an overlap by organisation, rule and value: the union of our groups
    overlap_posts: dict[tuple[str, str], set[str]] = {}
    for f in manifest["findings"]:
        if "posts" in f:
            overlap_posts.setdefault((f["rule"], f["value"]), set()).update(f["posts"])
    assert overlap_posts == {(f.rule, f.value): set(f.focus) for f in report.findings if f.rule in gen.OVERLAP_RULES}
