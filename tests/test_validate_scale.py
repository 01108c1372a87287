"""Validating a chain: every input form gives the manifest's results, repeated findings carry one
pattern, RDF designs are read directly, and progress shows only on a terminal.

The chain is written by bench/generate.py (a few stores, so the test is quick); its manifest is an
independent oracle of what every rule must report (see that module).
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import struct
import subprocess
import sys
import termios
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from scripts import load_script

from retailkg.cli import cli
from retailkg.errors import InputError
from retailkg.validation.findings import Kind, Report
from retailkg.validation.pipeline import validate_file

REPO = Path(__file__).resolve().parents[1]
SH = Namespace("http://www.w3.org/ns/shacl#")
RKGSH = "https://w3id.org/retailkg/shapes#"
STORES = 9
FORMS = ["chain.yaml", "chain-csv", "chain.xlsx", "chain.nt"]


def _generator() -> ModuleType:
    return load_script("bench/generate.py", "bench_generate")


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("chain")
    _generator().generate(STORES, out, seed=11)
    return out


@pytest.fixture(scope="module")
def manifest(chain: Path) -> dict[str, Any]:
    return json.loads((chain / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reports(chain: Path) -> dict[str, Report]:
    return {form: validate_file(chain / form) for form in FORMS}


def results(r: Report) -> set[tuple[str, str, str | None]]:
    g = r.report_graph
    out = set()
    for n in g.subjects(RDF.type, SH.ValidationResult):
        v = g.value(n, SH.value)
        out.add((str(g.value(n, SH.sourceShape)), str(g.value(n, SH.focusNode)), None if v is None else str(v)))
    return out


@pytest.mark.parametrize("form", FORMS)
def test_every_form_gives_the_manifests_results(form: str, reports: dict[str, Report], manifest: dict[str, Any]) -> None:
    expected = {(RKGSH + x["rule"].split(":", 1)[1], x["focus"], x["value"]) for x in manifest["results"]}
    assert len(expected) > 50
    assert results(reports[form]) == expected


@pytest.mark.parametrize("form", FORMS)
def test_overlap_findings_are_the_manifests_groups(form: str, reports: dict[str, Report], manifest: dict[str, Any]) -> None:
    """One finding per overlapping pair's rule, value and stores: the manifest's grouping."""
    expected = {(x["rule"], x["value"], x.get("store"), frozenset(x["posts"]))
                for x in manifest["findings"] if x["rule"].startswith("rkgsh:Overlap")}
    got = {(f.rule, f.value, f.scope.iri if f.scope else None, frozenset(p.iri for p in f.posts))
           for f in reports[form].findings if f.kind is Kind.OVERLAP}
    assert got == expected


def test_a_finding_repeated_in_stores_shares_one_pattern(reports: dict[str, Report]) -> None:
    r = reports["chain.yaml"]
    patterns = Counter(f.pattern for f in r.findings if f.pattern)
    repeated = {p: n for p, n in patterns.items() if n > 1}
    assert repeated, "the chain plants the same overlap in several stores"
    for p in repeated:
        members = [f for f in r.findings if f.pattern == p]
        assert len({f.scope.iri for f in members if f.scope}) == len(members), "one member per store"
        assert len({f.rule for f in members}) == 1 and len({f.value for f in members}) == 1
    assert all(f.scope is None for f in r.findings if not f.pattern)


def test_the_coverage_matrix_has_one_column_per_store_post(reports: dict[str, Report]) -> None:
    r = reports["chain.yaml"]
    (cov,) = r.coverage
    names = [p.zh for p in cov.posts]
    assert any(n.endswith(f"×{STORES}") for n in names), names
    assert len(cov.posts) < r.posts


def test_a_broken_rdf_design_is_one_located_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.nt"
    bad.write_text('<urn:a> <urn:b> "x" .\n<urn:a> <urn:b> "unterminated .\n', encoding="utf-8")
    with pytest.raises(InputError) as e:
        validate_file(bad)
    assert "bad.nt:2" in str(e.value)
    assert str(e.value).count("bad.nt") == 1, "the location is given once"
    res = CliRunner().invoke(cli, ["validate", str(bad)])
    assert res.exit_code == 2
    assert len(res.output.strip().splitlines()) == 1 and "Traceback" not in res.output


@pytest.mark.parametrize("piece", [1 << 10, 64 << 10])
def test_n_triples_loaded_in_pieces_give_the_manifests_results(piece: int, chain: Path, manifest: dict[str, Any],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The loader stores N-Triples a piece at a time (the default is 32 MiB, more than this chain):
    with pieces of a few lines the findings must be the same."""
    monkeypatch.setattr("retailkg.validation.loading.CHUNK_BYTES", piece)
    expected = {(RKGSH + r["rule"].split(":", 1)[1], r["focus"], r["value"]) for r in manifest["results"]}
    assert results(validate_file(chain / "chain.nt")) == expected


def _loaded(path: Path, piece: int, monkeypatch: pytest.MonkeyPatch) -> Graph:
    import pyoxigraph as ox

    from retailkg.validation.loading import load_rdf_file

    monkeypatch.setattr("retailkg.validation.loading.CHUNK_BYTES", piece)
    store = ox.Store()
    load_rdf_file(store, path)
    return Graph().parse(data=store.dump(format=ox.RdfFormat.N_QUADS, from_graph=ox.DefaultGraph()),
                         format="nt")


def test_the_loader_drops_only_what_nobody_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Matcher provenance and item letters are dropped; every other statement is stored, a literal
    that merely mentions a dropped IRI too, and blank nodes keep their identity across pieces."""
    rkgv, rkg = "https://w3id.org/retailkg/validation#", "https://w3id.org/retailkg/ontology#"
    rdf_type = str(RDF.type)
    lines = ['_:shared <urn:p> "first use" .']
    for i in range(200):
        lines += [f'<urn:duty{i}> <{rkg}dutyOf> <urn:post> .',
                  f'<urn:duty{i}> <{rkgv}match> _:m{i} .',
                  f'_:m{i} <{rdf_type}> <{rkgv}FunctionMatch> .',
                  f'_:m{i} <{rkgv}score> "0.5" .',
                  f'<urn:duty{i}> <{rkg}item> "a" .',
                  f'<urn:duty{i}> <{rkg}order> "{i}" .']
    lines += [f'<urn:note> <urn:says> "see <{rkgv}match> in the docs" .', '_:shared <urn:p> "last use" .']
    path = tmp_path / "design.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def unread(t: tuple[Any, Any, Any]) -> bool:
        _s, p, o = (str(x) for x in t)
        return p.startswith(rkgv) or p == rkg + "item" or (p == rdf_type and o.startswith(rkgv))

    written = Graph().parse(path, format="nt")
    expected = Graph()
    for t in written:
        if not unread(t):
            expected.add(t)
    assert len(expected) == 200 * 2 + 3
    for piece in (256, 4096, 32 << 20):
        got = _loaded(path, piece, monkeypatch)
        assert isomorphic(got, expected), f"pieces of {piece} bytes"
        assert len(set(got.subjects(URIRef("urn:p"), None))) == 1, "the two uses of _:shared are one node"


def _aside_design(tmp_path: Path, baseline: str) -> Path:
    rkg, base = "https://w3id.org/retailkg/ontology#", "https://w3id.org/retailkg/org/acme/"
    lines = [f'<{base}org> <{rkg}baseline> <{baseline}> .']
    for i in range(50):
        lines += [f'<{base}duty/{i}> <{rkg}dutyOf> <{base}post> .',
                  f'<{base}duty/{i}> <{rkg}reference> "row {i}" .',
                  f'<{base}duty/{i}> <{rkg}sourceDocument> <{base}design> .']
    lines += [f'<{base}std-duty> <{rkg}sourceDocument> <https://w3id.org/retailkg/ccagm-003-2021> .',  # a standard: the rules read it
              f'_:anonymous <{rkg}reference> "row b" .',  # a blank node means nothing beside its document
              f'<{base}note> <urn:says> "see <{rkg}reference> in the docs" .',
              f'<{base}duty\\u0041> <{rkg}reference> "escaped" .']
    path = tmp_path / "aside.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("baseline, source_aside", [("https://w3id.org/retailkg/ccagm-003-2021", True),
                                                    ("https://w3id.org/retailkg/org/other/design", False)])
def test_the_loader_sets_aside_what_only_naming_reads(tmp_path: Path, baseline: str, source_aside: bool) -> None:
    """A statement's clause reference, and a design's own source document, go beside the rules'
    store; naming still finds them. A design's source document stays with the rules when the data
    names a design as a baseline (the baseline-gap rule then reads it); blank-node subjects stay."""
    import pyoxigraph as ox

    from retailkg.validation.loading import load_rdf_file
    from retailkg.validation.lookup import Aside, StoreLookup

    rkg, base = "https://w3id.org/retailkg/ontology#", "https://w3id.org/retailkg/org/acme/"
    path = _aside_design(tmp_path, baseline)
    written = Graph().parse(path, format="nt")

    def goes_aside(t: tuple[Any, Any, Any]) -> bool:
        s, p, o = t
        if not isinstance(s, URIRef):
            return False
        return str(p) == rkg + "reference" or (source_aside and str(p) == rkg + "sourceDocument" and str(o).startswith(base))

    store, aside = ox.Store(), Aside()
    load_rdf_file(store, path, aside=aside)
    kept = Graph().parse(data=store.dump(format=ox.RdfFormat.N_QUADS, from_graph=ox.DefaultGraph()), format="nt")
    assert isomorphic(kept, Graph().parse(data="".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in written
                                                       if not goes_aside((s, p, o))), format="nt"))
    assert len(aside) == sum(goes_aside(t) for t in written) == 51 + (50 if source_aside else 0)
    lookup = StoreLookup(store, aside)
    assert lookup.text(URIRef(base + "duty/7"), URIRef(rkg + "reference")) == "row 7"
    assert lookup.text(URIRef(base + "dutyA"), URIRef(rkg + "reference")) == "escaped"
    assert lookup.value(URIRef(base + "duty/7"), URIRef(rkg + "sourceDocument")) == URIRef(base + "design")
    assert lookup.subjects(URIRef(rkg + "reference"), Literal("row 3")) == [URIRef(base + "duty/3")]
    assert lookup.text(URIRef(base + "std-duty"), URIRef(rkg + "sourceDocument")) == "https://w3id.org/retailkg/ccagm-003-2021"


@pytest.mark.parametrize("form", ["chain.nt", "chain.yaml"])
def test_setting_statements_aside_changes_no_result_and_no_name(form: str, chain: Path, reports: dict[str, Report],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The same report, citations included, as when every statement is loaded for the rules."""
    from retailkg.report.formats import render

    monkeypatch.setattr("retailkg.validation.loading.aside_predicates", lambda data: ())
    assert render(validate_file(chain / form), "json") == render(reports[form], "json")


def test_a_syntax_error_in_a_statement_set_aside_names_its_line(tmp_path: Path) -> None:
    """Statements set aside are parsed when a finding cites them, but their syntax is checked as
    the file loads: a broken clause reference fails the run with its line, as any broken line does."""
    path = _aside_design(tmp_path, "https://w3id.org/retailkg/ccagm-003-2021")
    lines = path.read_text(encoding="utf-8").splitlines()
    broken = next(i for i, line in enumerate(lines) if "#reference>" in line and "row 20" in line)
    lines[broken] = lines[broken].replace('"row 20" .', '"row 20 .')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        validate_file(path)
    assert f"aside.nt:{broken + 1}" in str(e.value)
    res = CliRunner().invoke(cli, ["validate", str(path)])
    assert res.exit_code == 2 and "Traceback" not in res.output


def test_a_syntax_error_in_a_later_piece_names_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyoxigraph as ox

    from retailkg.validation.loading import load_rdf_file

    rkgv = "https://w3id.org/retailkg/validation#"
    lines = [f'<urn:d{i}> <{rkgv}score> "1" .\n<urn:d{i}> <urn:p> "ok" .' for i in range(100)]
    lines.append('<urn:x> <urn:p> "unterminated .')
    path = tmp_path / "late.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr("retailkg.validation.loading.CHUNK_BYTES", 512)
    with pytest.raises(InputError) as e:
        load_rdf_file(ox.Store(), path)
    assert "late.nt:201" in str(e.value), "the line in the file as written, not in a shortened piece"


def test_nothing_the_rules_or_the_report_read_is_dropped() -> None:
    """Every IRI the compiled rules, the report's queries and the lookups name must survive loading."""
    from retailkg.validation.compile import compiled_rules
    from retailkg.validation.loading import UNREAD_PREDICATES
    from retailkg.validation.naming import FACT_QUERIES, TERMS
    from retailkg.validation.pipeline import LOOKUP_PREDICATES

    texts = [q.text for q in compiled_rules()] + list(FACT_QUERIES)
    named = {str(p) for p in LOOKUP_PREDICATES} | {str(v) for v in vars(TERMS).values()}
    rkgv, item = "https://w3id.org/retailkg/validation#", "https://w3id.org/retailkg/ontology#item"
    assert {p.decode() for p in UNREAD_PREDICATES} == {f"<{rkgv}", f"<{item}>", f"<{RDF.type}> <{rkgv}"}, \
        "a new unread predicate needs its own check here"
    for text in texts:
        assert rkgv not in text and "rkgv:" not in text
        assert item not in text and "rkg:item" not in text
    assert not any(n.startswith(rkgv) or n == item for n in named)


def test_what_is_set_aside_is_read_by_no_rule_but_the_baseline_gap() -> None:
    """rkg:reference is read by no rule and no report query; rkg:sourceDocument only by the
    baseline-gap rules, for the organisation's baseline (ASIDE_PREDICATES says why that is safe)."""
    from retailkg.validation.compile import compiled_rules
    from retailkg.validation.loading import ASIDE_PREDICATES
    from retailkg.validation.naming import FACT_QUERIES

    rkg = "https://w3id.org/retailkg/ontology#"
    assert [p.decode().split(" ")[0] for p in ASIDE_PREDICATES] == [f"<{rkg}reference>", f"<{rkg}sourceDocument>"], \
        "a new predicate set aside needs its own check here"
    for text in [q.text for q in compiled_rules()] + list(FACT_QUERIES):
        assert "reference" not in text
    readers = [q for q in compiled_rules() if "sourceDocument" in q.text]
    gaps = ("GapAreaOutOfScope", "GapBaselineFunction", "GapSupportOnly")  # each reads the baseline's coverage
    assert sorted(s for q in readers for s in q.shapes) == [f"https://w3id.org/retailkg/shapes#{g}" for g in gaps]
    for q in readers:  # and only so: the organisation's baseline's duties
        assert " rkg:baseline ?standard" in q.text and q.text.count("sourceDocument") == q.text.count("rkg:sourceDocument ?standard")
    assert not any("sourceDocument" in t for t in FACT_QUERIES)


def test_rdf_without_an_organisation_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.ttl"
    empty.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["validate", str(empty)])
    assert res.exit_code == 2 and "no organisation" in res.output


def _run_on_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run ``retailkg`` with stderr (and stdout) on a pseudo-terminal; return the exit code and output."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # a 120-column terminal
    env = {**os.environ, "RETAILKG_PROGRESS": "auto", "COLUMNS": "100"}
    proc = subprocess.Popen([sys.executable, "-m", "retailkg", *args], stdin=subprocess.DEVNULL, stdout=slave, stderr=slave,
                            cwd=cwd, env=env)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_progress_on_a_terminal_and_not_when_quiet_or_piped(chain: Path, tmp_path: Path) -> None:
    code, text = _run_on_terminal(["validate", str(chain / "chain.yaml"), "-o", str(tmp_path / "r.json")], tmp_path)
    assert code == 1 and "running rules" in text and "done" in text
    code, text = _run_on_terminal(["validate", str(chain / "chain.yaml"), "-o", str(tmp_path / "r.json"), "--quiet"], tmp_path)
    assert code == 1 and "running rules" not in text
    piped = subprocess.run([sys.executable, "-m", "retailkg", "validate", str(chain / "chain.yaml"), "--format", "tsv"],
                           capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert piped.returncode == 1 and piped.stderr == "" and piped.stdout.startswith("level\t")


def test_a_shape_of_several_queries_is_named_after_all_of_them(tmp_path: Path) -> None:
    """Findings are named while the rules still run, a shape once every query compiled from it
    has answered: PostDepartment is three queries (none, not a department, more than one), and a
    post that breaks each must all be reported, whichever query answers first."""
    design = tmp_path / "departments.ttl"
    design.write_text("""
@prefix rkg:  <https://w3id.org/retailkg/ontology#> .
@prefix fn:   <https://w3id.org/retailkg/function/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex:   <https://example.org/acme/> .
ex:org a rkg:Organisation ; rdfs:label "示例百货"@zh .
ex:planning a rkg:Department ; rdfs:label "企划部"@zh ; rkg:unitOf ex:org .
ex:buying a rkg:Department ; rdfs:label "采购部"@zh ; rkg:unitOf ex:org .
ex:nowhere-post a rkg:Post ; rdfs:label "营销策划"@zh ; rkg:inOrganisation ex:org .
ex:elsewhere-post a rkg:Post ; rdfs:label "陈列"@zh ; rkg:inDepartment ex:nowhere ; rkg:inOrganisation ex:org .
ex:two-post a rkg:Post ; rdfs:label "采购"@zh ; rkg:inDepartment ex:planning , ex:buying ; rkg:inOrganisation ex:org .
ex:d1 a rkg:Duty ; rdfs:label "制定促销计划"@zh ; rkg:dutyOf ex:nowhere-post ; rkg:addressesFunction fn:promotion-planning .
ex:d2 a rkg:Duty ; rdfs:label "商品陈列"@zh ; rkg:dutyOf ex:elsewhere-post ; rkg:addressesFunction fn:visual-merchandising .
ex:d3 a rkg:Duty ; rdfs:label "采购谈判"@zh ; rkg:dutyOf ex:two-post ; rkg:addressesFunction fn:supplier-negotiation .
""", encoding="utf-8")
    for _ in range(3):  # the threads answer in a different order from run to run
        report = validate_file(design)
        foci = [x for f in report.findings if f.rule == "rkgsh:PostDepartment" for x in f.focus]
        assert sorted(foci) == sorted(f"https://example.org/acme/{p}" for p in ("elsewhere-post", "nowhere-post", "two-post")), \
            "each post once: a shape named early would lose or repeat the later queries' results"


def test_a_pair_query_returns_only_the_rows_a_shape_takes(chain: Path) -> None:
    """The overlap validator finds every pair with its parameters; the pairs no shape takes (team
    functions of posts outside one supervision line) are filtered out in the store. Without the
    filter this chain has such rows, so the test can tell."""
    import pyoxigraph as ox

    from retailkg.kg.knowledge import knowledge_base
    from retailkg.query.engines import OxigraphEngine
    from retailkg.validation.compile import compiled_rules
    from retailkg.validation.facts import kb_facts
    from retailkg.validation.loading import load_rdf_file

    store = ox.Store()
    load_rdf_file(store, chain / "chain.nt")
    facts = kb_facts(knowledge_base(), "T/CCAGM 003-2021")  # team functions
    store.load(facts, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode("urn:kb"))
    source = OxigraphEngine(store=store)
    for q in (q for q in compiled_rules() if q.pairs):
        rows = list(source.select(q.text))
        assert rows, f"{q.shapes}: the chain has pairs"
        taken = [r for r in rows if any(all((r[k] == "true") == v for k, v in params.items()) for params in q.dispatch.values())]
        assert taken == rows
    unfiltered = next(q for q in compiled_rules() if q.pairs and any("TeamFunction" in s for s in q.shapes))
    whole = unfiltered.text[unfiltered.text.index("{\nSELECT") + 1:unfiltered.text.rindex("}\nFILTER")]
    prologue = unfiltered.text[:unfiltered.text.index("SELECT *")]
    assert len(list(source.select(prologue + whole))) > len(list(source.select(unfiltered.text)))
