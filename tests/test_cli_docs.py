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


def test_the_lazy_command_table_names_what_each_module_registers() -> None:
    """The group imports a command's module only when the command is asked for, by this table."""
    import importlib
    import pkgutil

    import click

    import retailkg.cli
    from retailkg.cli import COMMAND_MODULES

    registered: dict[str, str] = {}
    for info in pkgutil.iter_modules(retailkg.cli.__path__):
        module = importlib.import_module(f"retailkg.cli.{info.name}")
        if hasattr(module, "register"):
            group = click.Group()
            module.register(group)
            registered.update(dict.fromkeys(group.commands, info.name))
    assert registered == COMMAND_MODULES
