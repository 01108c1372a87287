"""`retailkg build`: artefacts that parse everywhere, agree with each other, and never vary."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from retailkg.cli import cli
from retailkg.kg.build import BuildResult
from retailkg.kg.catalog import DOCUMENTS, INFERRED_GRAPH
from retailkg.ns import graph_iri
from retailkg.resources import resource_root

FORMATS = {"retailkg.ttl": ("turtle", ox.RdfFormat.TURTLE), "retailkg.nt": ("nt", ox.RdfFormat.N_TRIPLES),
           "retailkg.jsonld": ("json-ld", ox.RdfFormat.JSON_LD)}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_union_formats_hold_the_same_triples(built: BuildResult, name: str) -> None:
    reference = Graph().parse(built.out_dir / "retailkg.nt", format="nt")
    rdflib_fmt, ox_fmt = FORMATS[name]
    g = Graph().parse(built.out_dir / name, format=rdflib_fmt)
    assert isomorphic(g, reference), f"{name} differs from retailkg.nt"
    assert len(list(ox.parse(path=str(built.out_dir / name), format=ox_fmt))) == len(reference)
    assert len(reference) == built.triples


def test_trig_has_one_named_graph_per_source(built: BuildResult) -> None:
    ds = Dataset()
    ds.parse(built.out_dir / "retailkg.trig", format="trig")
    graphs = {str(c.identifier) for c in ds.graphs() if len(c)}
    expected = {str(d.graph) for d in DOCUMENTS} | {str(graph_iri(n)) for n in ("ontology", "functions", "alignments")}
    expected.add(str(INFERRED_GRAPH))
    assert graphs == expected
    quads = list(ox.parse(path=str(built.out_dir / "retailkg.trig"), format=ox.RdfFormat.TRIG))
    assert {str(q.graph_name.value) for q in quads} == expected
    # the union of the named graphs is what the union files hold
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, Graph().parse(built.out_dir / "retailkg.nt", format="nt"))


def test_jsonld_context_is_published_and_inlined(built: BuildResult) -> None:
    import json

    doc = json.loads((built.out_dir / "retailkg.jsonld").read_text(encoding="utf-8"))
    published = json.loads((built.out_dir / "context.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == published["@context"]
    assert published["@context"]["rkg"] == "https://w3id.org/retailkg/ontology#"


def test_chinese_literals_survive_every_format(built: BuildResult) -> None:
    for name in ("retailkg.ttl", "retailkg.nt", "retailkg.jsonld", "retailkg.trig"):
        assert "会员运营" in (built.out_dir / name).read_text(encoding="utf-8"), name


def _build_in_subprocess(out: Path, seed: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    subprocess.run([sys.executable, "-m", "retailkg", "build", "-o", str(out), "-q"], check=True, env=env)


def test_build_is_deterministic(tmp_path: Path) -> None:
    """Two builds with different hash seeds write byte-identical files."""
    _build_in_subprocess(tmp_path / "a", "1")
    _build_in_subprocess(tmp_path / "b", "2")
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    assert "retailkg.trig" in names
    for n in names:
        assert (tmp_path / "a" / n).read_bytes() == (tmp_path / "b" / n).read_bytes(), n


def test_build_prints_counts_per_document(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "-o", str(tmp_path / "kg")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["document", "posts", "duties", "competencies", "metrics", "functions"]
    by_doc = {line.split()[0]: line.split()[1:] for line in lines[2:] if line.split()}
    for d in DOCUMENTS:
        assert d.id in by_doc
    assert by_doc["ccagm-003-2021"][0] == "23"


@pytest.fixture
def broken_checkout(tmp_path: Path) -> Path:
    """A copy of the sources with a curator's typo on a known line."""
    root = tmp_path / "src"
    shutil.copytree(resource_root() / "ontology", root / "ontology")
    shutil.copytree(resource_root() / "data", root / "data", ignore=shutil.ignore_patterns("sources"))
    f = root / "data" / "functions.ttl"
    lines = f.read_text(encoding="utf-8").splitlines()
    target = next(i for i, line in enumerate(lines) if line.strip().startswith("skos:prefLabel"))
    lines[target] = lines[target].replace('"@zh', "@zh", 1)  # drop a closing quote
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def broken_checkout_line(root: Path) -> int:
    """The 1-based line of the first prefLabel that lost its closing quote."""
    lines = (root / "data" / "functions.ttl").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if "prefLabel" in line and '@zh' in line and '"@zh' not in line)


def test_malformed_data_file_fails_cleanly(broken_checkout: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "retailkg.ttl").write_text("previous release\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--source-dir", str(broken_checkout), "-o", str(out)])
    assert result.exit_code == 2
    err = result.stderr.strip().splitlines()
    assert len(err) == 1, err
    assert "functions.ttl:" in err[0] and "Turtle syntax error" in err[0]
    line_no = int(err[0].split("functions.ttl:")[1].split(":")[0])
    assert line_no == broken_checkout_line(broken_checkout)
    assert "Traceback" not in result.output
    # nothing half-written: the previous release is untouched and no stray files remain
    assert (out / "retailkg.ttl").read_text(encoding="utf-8") == "previous release\n"
    assert sorted(p.name for p in out.iterdir()) == ["retailkg.ttl"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]


def test_source_dir_without_ontology_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--source-dir", str(tmp_path), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "--source-dir" in result.stderr


def test_atomic_write_leaves_an_ordinary_readable_file(tmp_path: Path) -> None:
    from retailkg.rdf.io import atomic_write

    target = tmp_path / "report.md"
    atomic_write(target, "内容\n")
    assert target.read_text(encoding="utf-8") == "内容\n"
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


# --- the query cache ---------------------------------------------------------------------------


def test_a_build_fills_the_cache_the_query_commands_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One build feeds everything: the first query after `retailkg build` builds nothing."""
    from retailkg.kg import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert CliRunner().invoke(cli, ["build", "-o", str(tmp_path / "kg"), "-q"]).exit_code == 0
    cached = cache.cached_graph_path()
    assert cached.read_bytes() == (tmp_path / "kg" / "retailkg.trig").read_bytes()
    result = CliRunner().invoke(cli, ["query", "run", "documents", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "building the knowledge graph" not in result.stderr
    assert "T/CCAGM 003-2021" in result.stdout or "ccagm-003-2021" in result.stdout
    # what a query builds when no build ran is the same file
    assert cache.ensure_graph(rebuild=True) == cached
    assert cached.read_bytes() == (tmp_path / "kg" / "retailkg.trig").read_bytes()


def test_a_build_of_edited_sources_leaves_the_cache_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The query commands read the bundled sources: a curator's edited checkout is not what they
    read, so its build must not stand in for theirs (an unedited checkout is the same build)."""
    from retailkg.kg import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    root = tmp_path / "src"
    shutil.copytree(resource_root() / "ontology", root / "ontology")
    shutil.copytree(resource_root() / "data", root / "data", ignore=shutil.ignore_patterns("sources", "repairs", "matching"))
    assert CliRunner().invoke(cli, ["build", "--source-dir", str(root), "-o", str(tmp_path / "same"), "-q"]).exit_code == 0
    assert cache.cached_graph_path().read_bytes() == (tmp_path / "same" / "retailkg.trig").read_bytes()
    with (root / "data" / "functions.ttl").open("a", encoding="utf-8") as f:
        f.write('\n<https://w3id.org/retailkg/function/user-growth> <http://www.w3.org/2004/02/skos/core#altLabel> "编辑"@zh .\n')
    assert CliRunner().invoke(cli, ["build", "--source-dir", str(root), "-o", str(tmp_path / "edited"), "-q"]).exit_code == 0
    assert sorted(p.name for p in cache.cached_graph_path().parent.iterdir()) == [cache.cached_graph_path().name]
    assert cache.cached_graph_path().read_bytes() == (tmp_path / "same" / "retailkg.trig").read_bytes()
    assert "编辑" in (tmp_path / "edited" / "retailkg.trig").read_text(encoding="utf-8")


def test_the_graph_in_memory_writes_the_build_trig(dataset: Dataset, built: BuildResult) -> None:
    """load_dataset (rdflib terms) and the build (pyoxigraph terms) hold the same graph: its TriG is
    the build's, byte for byte, whichever wrote the query cache (a build, a query, the tests' seeding)."""
    from retailkg.kg.build import graph_trig
    from retailkg.rdf.io import trig_bytes

    trig = (built.out_dir / "retailkg.trig").read_bytes()
    assert trig_bytes(dataset) == trig == graph_trig()


def test_an_ontology_construct_the_build_does_not_materialise_is_a_warning(tmp_path: Path) -> None:
    """A curator who adds a restriction learns that no fact is drawn from it (the build goes on)."""
    root = tmp_path / "src"
    shutil.copytree(resource_root() / "ontology", root / "ontology")
    shutil.copytree(resource_root() / "data", root / "data", ignore=shutil.ignore_patterns("sources", "repairs", "matching"))
    with (root / "ontology" / "retailkg.ttl").open("a", encoding="utf-8") as f:
        f.write("\nrkg:Manager owl:equivalentClass [ owl:onProperty rkg:supervises ; owl:someValuesFrom rkg:Post ] .\n")
    result = CliRunner().invoke(cli, ["build", "--source-dir", str(root), "-o", str(tmp_path / "kg"), "-q"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == ["retailkg: warning: the ontology uses owl:someValuesFrom, whose consequences the build "
                                          "does not materialise (see docs/ontology.md, inference at build time)"]
    bundled = CliRunner().invoke(cli, ["build", "-o", str(tmp_path / "bundled"), "-q"])
    assert bundled.exit_code == 0 and bundled.stderr == ""


def test_the_faster_turtle_writer_writes_rdflibs_bytes(union: Graph) -> None:
    """prefixed_graph remembers prefix lookups: the Turtle must stay exactly rdflib's, including the
    prefix rdflib makes up (ns1) for a predicate's namespace, which the subject of the same triple
    then uses although its own lookup, a moment before, found none."""
    from rdflib import Literal, URIRef

    from retailkg.ns import PREFIXES
    from retailkg.rdf.io import prefixed_graph

    extra = [(URIRef("http://example.org/vocab#rank"), URIRef("http://example.org/vocab#note"), Literal("x"))]
    plain, fast = Graph(), prefixed_graph()
    for prefix, ns in PREFIXES.items():
        plain.bind(prefix, ns)
    for g in (plain, fast):
        for t in [*union, *extra]:
            g.add(t)
    text = plain.serialize(format="turtle", encoding="utf-8")
    assert b'ns1:rank ns1:note "x"' in text
    assert fast.serialize(format="turtle", encoding="utf-8") == text
