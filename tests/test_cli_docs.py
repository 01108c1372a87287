"""Every command documents itself with examples, and docs/cli.md is the current --help of each."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner
from scripts import load_script

from retailkg.cli import cli

TOOL = Path(__file__).resolve().parents[1] / "tools" / "cli_docs.py"


def _tool() -> ModuleType:
    return load_script("tools/cli_docs.py", "cli_docs")


COMMANDS = _tool().commands(cli)


def test_every_layer_has_its_commands() -> None:
    names = {" ".join(c) for c in COMMANDS}
    for expected in ("build", "ingest", "validate", "org template", "query run", "sparql", "load", "serve", "search"):
        assert expected in names


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p))
def test_every_command_has_help_with_examples(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="retailkg")
    assert result.exit_code == 0
    assert "Example" in result.output, f"retailkg {' '.join(path)} --help shows no example"


def test_cli_reference_is_current() -> None:
    doc = TOOL.parents[1] / "docs" / "cli.md"
    assert doc.read_text(encoding="utf-8") == _tool().render(), "docs/cli.md is stale: run python tools/cli_docs.py"
