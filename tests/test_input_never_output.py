"""A user's input is never the output: every command that reads a file and writes -o refuses to
write over that file, however the path is spelled, with one line and exit 2, and leaves it as it was."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from retailkg.cli import cli

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _design(tmp: Path) -> Path:
    p = tmp / "d.yaml"
    shutil.copy(EXAMPLES / "taobao-ops.yaml", p)
    return p


def _same(p: Path) -> Path:
    return p


def _dotdot(p: Path) -> Path:
    (p.parent / "sub").mkdir(exist_ok=True)
    return p.parent / "sub" / ".." / p.name


def _symlink(p: Path) -> Path:
    link = p.parent / ("link-" + p.name)
    link.symlink_to(p)
    return link


def _hardlink(p: Path) -> Path:
    link = p.parent / ("hard-" + p.name)
    os.link(p, link)
    return link


SPELLINGS: list[Callable[[Path], Path]] = [_same, _dotdot, _symlink, _hardlink]


def _commands(tmp: Path) -> dict[str, tuple[Path, Callable[[Path], list[str]]]]:
    design = _design(tmp)
    standard = tmp / "std.txt"
    standard.write_text("3.1 会员\n指在商场注册的顾客。\n", encoding="utf-8")
    duties = tmp / "duties.txt"
    duties.write_text("负责门店收银\n", encoding="utf-8")
    query = tmp / "q.rq"
    query.write_text("SELECT * WHERE { ?s ?p ?o } LIMIT 1\n", encoding="utf-8")
    return {
        "validate": (design, lambda out: ["validate", str(design), "-o", str(out)]),
        "org rdf": (design, lambda out: ["org", "rdf", str(design), "-o", str(out)]),
        "ingest": (standard, lambda out: ["ingest", str(standard), "--id", "x-1", "-o", str(out)]),
        "org match --file": (duties, lambda out: ["org", "match", "--file", str(duties), "-o", str(out)]),
        "org match --design": (design, lambda out: ["org", "match", "--design", str(design), "-o", str(out)]),
        "sparql --file": (query, lambda out: ["sparql", "--file", str(query), "-o", str(out)]),
    }


@pytest.mark.parametrize("spelling", SPELLINGS, ids=lambda f: f.__name__.strip("_"))
@pytest.mark.parametrize("command", ["validate", "org rdf", "ingest", "org match --file", "org match --design", "sparql --file"])
def test_the_input_is_never_overwritten(tmp_path: Path, command: str, spelling: Callable[[Path], Path]) -> None:
    source, argv = _commands(tmp_path)[command]
    before = source.read_bytes()
    result = CliRunner().invoke(cli, argv(spelling(source)))
    assert result.exit_code == 2, result.output
    assert "would overwrite the input" in result.output and "Traceback" not in result.output
    assert source.read_bytes() == before


def test_a_table_of_a_csv_design_is_not_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "design"
    assert CliRunner().invoke(cli, ["org", "template", "--format", "csv", "-o", str(folder)]).exit_code == 0
    before = (folder / "duties.csv").read_bytes()
    result = CliRunner().invoke(cli, ["validate", str(folder), "-o", str(folder / "duties.csv")])
    assert result.exit_code == 2 and "would overwrite the input" in result.output
    assert (folder / "duties.csv").read_bytes() == before


def test_a_build_over_its_own_sources_is_refused(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    for part in ("ontology", "data"):
        shutil.copytree(Path(__file__).resolve().parents[1] / part, checkout / part)
    before = sorted(p.name for p in (checkout / "data").iterdir())
    result = CliRunner().invoke(cli, ["build", "--source-dir", str(checkout), "-o", str(checkout)])
    assert result.exit_code == 2 and "holds the input" in result.output
    assert sorted(p.name for p in (checkout / "data").iterdir()) == before


def test_a_report_beside_the_input_is_written(tmp_path: Path) -> None:
    design = _design(tmp_path)
    result = CliRunner().invoke(cli, ["validate", str(design), "-o", str(tmp_path / "report.json")])
    assert result.exit_code in (0, 1)
    assert (tmp_path / "report.json").exists()


def _other_design(tmp: Path, name: str = "other.yaml") -> Path:
    p = tmp / name
    shutil.copy(EXAMPLES / "taobao-ops.yaml", p)
    return p


@pytest.mark.parametrize("command", ["validate --format md", "org rdf --format ttl", "ingest"])
def test_no_output_replaces_another_design(tmp_path: Path, command: str) -> None:
    """`org rdf a.yaml -o b.yaml` is not the input written over, but it is a client's design lost: refused."""
    target = _other_design(tmp_path)
    before = target.read_bytes()
    design = _design(tmp_path)
    standard = tmp_path / "std.txt"
    standard.write_text("3.1 会员\n指在商场注册的顾客。\n", encoding="utf-8")
    args = {"validate --format md": ["validate", str(design), "--format", "md"],
            "org rdf --format ttl": ["org", "rdf", str(design), "--format", "ttl"],
            "ingest": ["ingest", str(standard), "--id", "x-1"]}[command]
    result = CliRunner().invoke(cli, [*args, "-o", str(target)])
    assert result.exit_code == 2, result.output
    assert "would overwrite a design (YAML)" in result.output and len(result.output.strip().splitlines()) == 1
    assert target.read_bytes() == before


def test_no_report_replaces_a_design_workbook(tmp_path: Path) -> None:
    workbook = tmp_path / "acme.xlsx"
    shutil.copy(EXAMPLES / "acme-department-store.xlsx", workbook)
    before = workbook.read_bytes()
    result = CliRunner().invoke(cli, ["validate", str(_design(tmp_path)), "--format", "md", "-o", str(workbook)])
    assert result.exit_code == 2 and "an Excel workbook in the template" in result.output
    assert workbook.read_bytes() == before


@pytest.mark.parametrize("fmt", ["yaml", "xlsx"])
def test_a_template_never_replaces_a_design(tmp_path: Path, fmt: str) -> None:
    target = _other_design(tmp_path, f"design.{fmt}")
    before = target.read_bytes()
    result = CliRunner().invoke(cli, ["org", "template", "--format", fmt, "-o", str(target)])
    assert result.exit_code == 2 and "--force" in result.output and target.read_bytes() == before
    assert CliRunner().invoke(cli, ["org", "template", "--format", fmt, "-o", str(target), "--force"]).exit_code == 0
    assert target.read_bytes() != before


def test_a_csv_template_never_replaces_a_csv_design(tmp_path: Path) -> None:
    folder = tmp_path / "design"
    assert CliRunner().invoke(cli, ["org", "template", "--format", "csv", "-o", str(folder)]).exit_code == 0
    (folder / "posts.csv").write_text("id,name,department\np,店长,d\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["org", "template", "--format", "csv", "-o", str(folder)])
    assert result.exit_code == 2
    assert (folder / "posts.csv").read_text(encoding="utf-8") == "id,name,department\np,店长,d\n"
