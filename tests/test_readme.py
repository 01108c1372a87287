"""The README's shell examples run as written (offline, on the bundled data), so they cannot drift
from the CLI: every ``retailkg …`` line of a ``sh`` block, except those that need a server or a file
the reader makes first, is run through click's CliRunner in a scratch folder."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from retailkg.cli import cli

REPO = Path(__file__).resolve().parents[1]
NEEDS_A_SERVER = ("--endpoint", "retailkg serve", "retailkg load")
NEEDS_A_FILE = ("chain.nt", "岗位说明书/")  # written by bench/generate.py first; a client's folder of job descriptions
SLOW = ("retailkg build", "retailkg validate                ")


def examples() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            if "retailkg " not in line:
                continue
            command = line[line.index("retailkg "):].split("  #")[0].strip()
            if command.startswith("retailkg ") and not any(s in command for s in NEEDS_A_SERVER + NEEDS_A_FILE):
                lines.append(command)
    return lines


def test_the_readme_has_examples_to_run() -> None:
    assert len(examples()) >= 10


@pytest.mark.parametrize("command", [pytest.param(c, marks=pytest.mark.slow) if c.startswith(SLOW) or c == "retailkg validate" else c
                                     for c in examples()])
def test_a_readme_example_runs(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("examples", "data", "ontology"):
        (tmp_path / name).symlink_to(REPO / name)
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(cli, shlex.split(command)[1:], catch_exceptions=False)
    assert res.exit_code in (0, 1), f"{command}\n{res.output}"  # 1: validate found violations, as documented
    assert "deprecated" not in res.output


def test_the_readme_endpoint_examples_use_the_query_endpoint() -> None:
    """`--help` says the endpoint is the store's SPARQL query URL (…/query); the README must agree."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    urls = re.findall(r"--endpoint (\S+)", text)
    assert urls and all(u.endswith("/query") for u in urls), urls
