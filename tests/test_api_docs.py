"""The Python API reference (docs/api-reference.txt) is what Sphinx autodoc builds from today's
docstrings, and the strict build fails on a reference to something that does not exist."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

import pytest
from scripts import load_script


def _tool() -> ModuleType:
    return load_script("tools/api_docs.py", "api_docs")


@pytest.mark.slow
def test_api_reference_is_current() -> None:
    tool = _tool()
    text = tool.build()
    assert tool.DOC.read_text(encoding="utf-8") == text, "docs/api-reference.txt is stale: run python tools/api_docs.py"
    for name in ("retailkg.api.open", "KnowledgeGraph", "to_pandas()", "findings_frame", "coverage_frame", "InputError"):
        assert name in text


@pytest.mark.slow
def test_a_broken_reference_fails_the_build(tmp_path: Path) -> None:
    tool = _tool()
    source = tmp_path / "api"
    shutil.copytree(tool.SOURCE, source)
    with (source / "index.rst").open("a", encoding="utf-8") as f:
        f.write("\nSee :meth:`retailkg.api.KnowledgeGraph.no_such_method`.\n")
    with pytest.raises(tool.BuildFailed, match="no_such_method"):
        tool.build(source)
