"""Where the ontology, data, shapes and queries live.

They ship inside the wheel as ``retailkg/resources/…`` so that an installed ``retailkg`` works from
any directory; in a source checkout they are the top-level folders of the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["data_dir", "ontology_file", "queries_dir", "resource_root", "shapes_dir", "sources_dir"]


@cache
def resource_root() -> Path:
    """The folder that holds ``ontology/``, ``data/``, ``shapes/`` and ``queries/``."""
    packaged = Path(__file__).resolve().parent / "resources"
    if (packaged / "ontology").is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "ontology").is_dir():
        return checkout
    raise FileNotFoundError("retailkg resources not found: reinstall the package")  # pragma: no cover


def ontology_file() -> Path:
    return resource_root() / "ontology" / "retailkg.ttl"


def data_dir() -> Path:
    return resource_root() / "data"


def sources_dir() -> Path:
    return data_dir() / "sources"


def shapes_dir() -> Path:
    return resource_root() / "shapes"


def queries_dir() -> Path:
    return resource_root() / "queries"
