"""An output that cannot be written is the user's mistake: one line naming the path and why, exit
code 2, and nothing left behind (no traceback, no temporary file, no half-written output)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from retailkg.cli import cli
from retailkg.errors import InputError
from retailkg.rdf.io import atomic_directory, atomic_write

REPO = Path(__file__).resolve().parents[1]
DESIGN = str(REPO / "examples" / "taobao-ops.yaml")


@pytest.fixture
def blocked(tmp_path: Path) -> Path:
    """A file where the output's folder should be."""
    f = tmp_path / "report"
    f.write_text("not a folder")
    return f


@pytest.mark.parametrize("args", [
    ["validate", DESIGN, "--quiet", "-o", "{out}/r.json"],
    ["org", "rdf", DESIGN, "-o", "{out}/t.ttl"],
    ["org", "template", "--format", "yaml", "-o", "{out}/design.yaml"],
], ids=["validate", "org rdf", "org template"])
def test_an_unwritable_output_is_one_line_and_exit_2(args: list[str], blocked: Path) -> None:
    result = CliRunner().invoke(cli, [a.format(out=blocked) for a in args])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert lines == [f"retailkg: error: {blocked}/{Path(args[-1]).name}: cannot write: {blocked} is a file, not a folder"]
    assert blocked.read_text() == "not a folder"
    assert sorted(p.name for p in blocked.parent.iterdir()) == ["report"]


def test_atomic_write_names_the_path_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "r.md"
    target.mkdir()  # a folder where the file should go: the rename fails after the data is written
    with pytest.raises(InputError, match=r"r\.md: cannot write"):
        atomic_write(target, "# report\n")
    assert [p.name for p in folder.iterdir()] == ["r.md"] and target.is_dir()


def test_atomic_directory_under_a_file_is_an_input_error(blocked: Path) -> None:
    with pytest.raises(InputError, match="is a file, not a folder"), atomic_directory(blocked / "kg"):
        raise AssertionError("the staging folder cannot be made")
