"""Shared fixtures: the graph is built once per test session, from the installed resources."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from retailkg.kg.build import BuildResult, build, load_dataset
from retailkg.rdf.io import dataset_union

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def private_query_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """No test reads or writes the user's query cache (a build fills it: kg.cache.store_build):
    the whole session, and the commands it runs, use a temporary XDG_CACHE_HOME of its own (not
    query_support's, whose seeded build the query tests read)."""
    root = tmp_path_factory.mktemp("xdg")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(root))
        yield root


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="session")
def union(dataset: Dataset) -> Graph:
    return dataset_union(dataset)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build(tmp_path_factory.mktemp("kg"))


@pytest.fixture(scope="session")
def kg(dataset: Dataset) -> Path:
    """The built graph, seeded into a temporary query cache so query commands need no rebuild."""
    from query_support import seeded_cache

    return seeded_cache(dataset)
