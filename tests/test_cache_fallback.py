"""An unwritable cache folder does not stop a query: the build goes to the documented fallback
(``<tempdir>/retailkg-<uid>``) and is found there next time (issue 17)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDFS, Dataset, Literal, URIRef

from retailkg.cli import cli
from retailkg.kg import build, cache
from retailkg.rdf.io import trig_bytes


@pytest.fixture
def unwritable_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    blocker = tmp_path / "cache-is-a-file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    builds: list[int] = []

    def small_build(files: object = None) -> bytes:
        builds.append(1)
        ds = Dataset()
        ds.graph(URIRef("https://w3id.org/retailkg/graph/test")).add(
            (URIRef("https://w3id.org/retailkg/s"), RDFS.label, Literal("fallback-answer")))
        return trig_bytes(ds)

    monkeypatch.setattr(build, "graph_trig", small_build)
    return builds


def test_an_unwritable_cache_folder_falls_back_to_the_temp_folder(unwritable_cache: list[int]) -> None:
    path = cache.ensure_graph()
    assert path.parent == cache.fallback_dir() and path.is_file()
    assert cache.ensure_graph() == path and unwritable_cache == [1]  # found there: not built again


def test_sparql_answers_with_an_unwritable_cache_folder(unwritable_cache: list[int]) -> None:
    res = CliRunner().invoke(cli, ["sparql", "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }"])
    assert res.exit_code == 0, res.output
    assert "fallback-answer" in res.output and "cannot write" not in res.output
