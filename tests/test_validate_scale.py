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
RKGV, RKG_ITEM = "https://w3id.org/retailkg/validation#", "https://w3id.org/retailkg/ontology#item"


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
    """With the bundled rules, matcher provenance, item letters and predicates of no rule or report
    are dropped; everything a rule, the report's queries or naming reads is stored (the duty order
    the report sorts by, labels), a literal that merely mentions a dropped IRI too, and blank nodes
    keep their identity across pieces."""
    rkgv, rkg = "https://w3id.org/retailkg/validation#", "https://w3id.org/retailkg/ontology#"
    label, rdf_type = "http://www.w3.org/2000/01/rdf-schema#label", str(RDF.type)
    lines = [f'_:shared <{label}> "first use" .']
    for i in range(200):
        lines += [f'<urn:duty{i}> <{rkg}dutyOf> <urn:post> .',
                  f'<urn:duty{i}> <{rkgv}match> _:m{i} .',
                  f'_:m{i} <{rdf_type}> <{rkgv}FunctionMatch> .',
                  f'_:m{i} <{rkgv}score> "0.5" .',
                  f'<urn:duty{i}> <{rkg}item> "a" .',
                  f'<urn:duty{i}> <urn:nobody-reads> "x" .',
                  f'<urn:duty{i}> <{rkg}order> "{i}" .']
    lines += [f'<urn:note> <{label}> "see <{rkgv}match> in the docs" .', f'_:shared <{label}> "last use" .']
    path = tmp_path / "design.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def unread(t: tuple[Any, Any, Any]) -> bool:
        _s, p, o = (str(x) for x in t)
        return p.startswith(rkgv) or p in (rkg + "item", "urn:nobody-reads") or (p == rdf_type and o.startswith(rkgv))

    written = Graph().parse(path, format="nt")
    expected = Graph()
    for t in written:
        if not unread(t):
            expected.add(t)
    assert len(expected) == 200 * 2 + 3
    for piece in (256, 4096, 32 << 20):
        got = _loaded(path, piece, monkeypatch)
        assert isomorphic(got, expected), f"pieces of {piece} bytes"
        assert len(set(got.subjects(URIRef(label), None))) == 2, "the two uses of _:shared are one node"


def _aside_design(tmp_path: Path, baseline: str) -> Path:
    rkg, base = "https://w3id.org/retailkg/ontology#", "https://w3id.org/retailkg/org/acme/"
    lines = [f'<{base}org> <{rkg}baseline> <{baseline}> .']
    for i in range(50):
        lines += [f'<{base}duty/{i}> <{rkg}dutyOf> <{base}post> .',
                  f'<{base}duty/{i}> <{rkg}reference> "row {i}" .',
                  f'<{base}duty/{i}> <{rkg}sourceDocument> <{base}design> .']
    lines += [f'<{base}std-duty> <{rkg}sourceDocument> <https://w3id.org/retailkg/ccagm-003-2021> .',
              f'_:anonymous <{rkg}reference> "row b" .',  # a blank node means nothing beside its document
              f'<{base}note> <{rkg}dutyOf> "see <{rkg}reference> in the docs" .',
              f'<{base}duty\\u0041> <{rkg}reference> "escaped" .']
    path = tmp_path / "aside.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("baseline", ["https://w3id.org/retailkg/ccagm-003-2021", "https://w3id.org/retailkg/org/acme/design"])
def test_the_loader_sets_aside_what_only_naming_reads(tmp_path: Path, baseline: str) -> None:
    """A statement's clause reference (only naming reads it) goes beside the rules' store; so does
    a source document, which the baseline-gap rule reads only for the organisation's baseline: once
    loaded, those whose object is a baseline go back to the store (all of them when the data names
    the design itself as a baseline). Naming still finds everything; blank-node subjects stay."""
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
        return str(p) == rkg + "reference" or (str(p) == rkg + "sourceDocument" and str(o) != baseline)

    store, aside = ox.Store(), Aside()
    load_rdf_file(store, path, aside=aside)
    aside.settle(store)
    kept = Graph().parse(data=store.dump(format=ox.RdfFormat.N_QUADS, from_graph=ox.DefaultGraph()), format="nt")
    assert isomorphic(kept, Graph().parse(data="".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in written
                                                       if not goes_aside((s, p, o))), format="nt"))
    assert len(aside) == sum(goes_aside(t) for t in written) == 51 + (50 if "ccagm" in baseline else 1)
    lookup = StoreLookup(store, aside)
    assert lookup.text(URIRef(base + "duty/7"), URIRef(rkg + "reference")) == "row 7"
    assert lookup.text(URIRef(base + "dutyA"), URIRef(rkg + "reference")) == "escaped"
    assert lookup.value(URIRef(base + "duty/7"), URIRef(rkg + "sourceDocument")) == URIRef(base + "design")
    assert lookup.subjects(URIRef(rkg + "reference"), Literal("row 3")) == [URIRef(base + "duty/3")]
    assert lookup.text(URIRef(base + "std-duty"), URIRef(rkg + "sourceDocument")) == "https://w3id.org/retailkg/ccagm-003-2021"


@pytest.mark.parametrize("form", ["chain.nt", "chain.yaml"])
def test_leaving_statements_out_changes_no_result_and_no_name(form: str, chain: Path, reports: dict[str, Report],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The same report, citations included, as when every statement is loaded for the rules."""
    from retailkg.report.formats import render
    from retailkg.validation.loading import Split

    monkeypatch.setattr("retailkg.validation.loading.plan_split", lambda *args, **kwargs: Split())
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


def test_a_syntax_error_in_a_dropped_statement_names_its_line(tmp_path: Path) -> None:
    """A line no rule reads is not stored, but a broken one is still a broken file (the sample,
    which covers a small file whole, finds it, and nothing is left out)."""
    rkgv = "https://w3id.org/retailkg/validation#"
    lines = [f'<urn:d{i}> <{rkgv}score> "1" .' for i in range(50)] + [f'<urn:d50> <{rkgv}score> "unterminated .']
    path = tmp_path / "dropped.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        validate_file(path)
    assert "dropped.nt:51" in str(e.value)


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


def _kinds(data: bytes) -> Counter[str]:
    """Each predicate of N-Triples ``data``, and ``rdf:type <class>``, with how often it occurs."""
    import pyoxigraph as ox

    out: Counter[str] = Counter()
    for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
        p = q.predicate.value
        out[f"{p} {q.object.value}" if p == str(RDF.type) else p] += 1
    return out


def _stored_kinds(path: Path, needs: Any = None) -> tuple[Counter[str], Counter[str]]:
    import pyoxigraph as ox

    from retailkg.validation.loading import load_rdf_file
    from retailkg.validation.lookup import Aside

    store, aside = ox.Store(), Aside()
    load_rdf_file(store, path, aside=aside, needs=needs)
    aside.settle(store)
    return _kinds(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())), Counter(
        q.predicate.value for q in aside)


def test_what_the_loader_leaves_out_is_what_the_shapes_do_not_read(chain: Path) -> None:
    """No list of predicates is kept in the code: a chain's statements are stored exactly when the
    rules or the report's queries read them, by the reads derived from the shapes and the queries
    (naming.needs_of), set aside when only naming reads them (or a rule, where a join holds), and
    dropped when nobody does. Checked kind by kind against the derived reads, not the loader's plan."""
    from retailkg.validation.facts import SUBCLASS_AXIOMS
    from retailkg.validation.loading import FREQUENT
    from retailkg.validation.naming import needs_of
    from retailkg.validation.reads import subclasses
    from retailkg.validation.ruleset import bundled_rule_set

    needs = needs_of(bundled_rule_set())
    below = subclasses((str(a), str(b)) for a, b in SUBCLASS_AXIOMS)
    written = _kinds((chain / "chain.nt").read_bytes())
    stored, aside = _stored_kinds(chain / "chain.nt")
    rare = sum(written.values()) / FREQUENT  # a kind this rare is not worth a scan of the data: it stays
    for kind, n in written.items():
        p, _, cls = kind.partition(" ")
        if cls:
            read = needs.any.reads_class(cls, below)
            assert stored[kind] == n if read else (stored[kind] == 0 or n < rare), kind
        elif needs.store.reads_all(p):
            assert stored[kind] == n and not aside[p], kind
        elif needs.store.reads(p) or needs.lookups.reads(p):
            assert stored[kind] + aside[p] == n and (aside[p] > n / 2 or n < rare), kind  # aside, a few back in the store
        else:
            assert stored[kind] == aside[p] == 0 or n < rare, kind
    assert {k for k in written if not stored[k]} >= {RKG_ITEM, RKGV + "match", RKGV + "score"}, \
        "the chain holds what the bundled rules do not read"


def test_a_rule_that_reads_what_the_bundled_ones_do_not_gets_it_stored(chain: Path, tmp_path: Path) -> None:
    """Adding a shape is enough for the data it reads to reach the store: a rule that reads the
    matcher's score, the item letters and the clause references (dropped or set aside for the
    bundled rules) finds every one of them in the store."""
    from retailkg.validation.naming import needs_of
    from retailkg.validation.ruleset import load_rule_set

    shapes = tmp_path / "rules.ttl"
    shapes.write_text("""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rkg: <https://w3id.org/retailkg/ontology#> .
@prefix rkgv: <https://w3id.org/retailkg/validation#> .
@prefix ex: <https://example.org/rules#> .
ex:Score a sh:PropertyShape ; sh:targetClass rkg:Duty ; sh:path ( rkgv:match rkgv:score ) ; sh:maxCount 3 .
ex:Cited a sh:NodeShape ; sh:targetClass rkg:Duty ; sh:sparql [ sh:select \"\"\"
SELECT $this WHERE { $this <https://w3id.org/retailkg/ontology#item> ?i . FILTER NOT EXISTS { $this rkg:reference ?r } }\"\"\" ;
  sh:prefixes ex: ] .
ex: sh:declare [ sh:prefix "rkg" ; sh:namespace "https://w3id.org/retailkg/ontology#"^^<http://www.w3.org/2001/XMLSchema#anyURI> ] .
""", encoding="utf-8")
    written = _kinds((chain / "chain.nt").read_bytes())
    stored, _aside = _stored_kinds(chain / "chain.nt", needs_of(load_rule_set([shapes])))
    for p in (RKGV + "match", RKGV + "score", RKG_ITEM, "https://w3id.org/retailkg/ontology#reference"):
        assert written[p] and stored[p] == written[p], p
    assert not stored[RKGV + "function"], "what neither set of rules reads is still dropped"


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
