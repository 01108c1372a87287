"""Validating a chain: every input form gives the manifest's results, repeated findings carry one
pattern, RDF designs are read directly, and progress shows only on a terminal.

The chain is written by bench/generate.py (a few stores, so the test is quick); its manifest is an
independent oracle of what every rule must report (see that module).
"""

from __future__ import annotations

import fcntl
import importlib.util
import json
import os
import pty
import select
import struct
import subprocess
import sys
import termios
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import RDF, Namespace

from retailkg.cli import cli
from retailkg.errors import InputError
from retailkg.findings import Kind, Report
from retailkg.validate import validate_file

REPO = Path(__file__).resolve().parents[1]
SH = Namespace("http://www.w3.org/ns/shacl#")
RKGSH = "https://w3id.org/retailkg/shapes#"
STORES = 9
FORMS = ["chain.yaml", "chain-csv", "chain.xlsx", "chain.nt"]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_generate_scale", REPO / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("chain")
    _generator().generate(STORES, out, seed=11)
    return out


@pytest.fixture(scope="module")
def manifest(chain: Path) -> dict[str, Any]:
    return json.loads((chain / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reports(chain: Path) -> dict[str, Report]:
    return {form: validate_file(chain / form, quiet=True) for form in FORMS}


def results(r: Report) -> set[tuple[str, str, str | None]]:
    g = r.report_graph
    out = set()
    for n in g.subjects(RDF.type, SH.ValidationResult):
        v = g.value(n, SH.value)
        out.add((str(g.value(n, SH.sourceShape)), str(g.value(n, SH.focusNode)), None if v is None else str(v)))
    return out


@pytest.mark.parametrize("form", FORMS)
def test_every_form_gives_the_manifests_results(form: str, reports: dict[str, Report], manifest: dict[str, Any]) -> None:
    expected = {(RKGSH + x["rule"].split(":", 1)[1], x["focus"], x["value"]) for x in manifest["results"]}
    assert len(expected) > 50
    assert results(reports[form]) == expected


@pytest.mark.parametrize("form", FORMS)
def test_overlap_findings_are_the_manifests_groups(form: str, reports: dict[str, Report], manifest: dict[str, Any]) -> None:
    """One finding per overlapping pair's rule, value and stores: the manifest's grouping."""
    expected = {(x["rule"], x["value"], x.get("store"), frozenset(x["posts"]))
                for x in manifest["findings"] if x["rule"].startswith("rkgsh:Overlap")}
    got = {(f.rule, f.value, f.scope.iri if f.scope else None, frozenset(p.iri for p in f.posts))
           for f in reports[form].findings if f.kind is Kind.OVERLAP}
    assert got == expected


def test_a_finding_repeated_in_stores_shares_one_pattern(reports: dict[str, Report]) -> None:
    r = reports["chain.yaml"]
    patterns = Counter(f.pattern for f in r.findings if f.pattern)
    repeated = {p: n for p, n in patterns.items() if n > 1}
    assert repeated, "the chain plants the same overlap in several stores"
    for p in repeated:
        members = [f for f in r.findings if f.pattern == p]
        assert len({f.scope.iri for f in members if f.scope}) == len(members), "one member per store"
        assert len({f.rule for f in members}) == 1 and len({f.value for f in members}) == 1
    assert all(f.scope is None for f in r.findings if not f.pattern)


def test_the_coverage_matrix_has_one_column_per_store_post(reports: dict[str, Report]) -> None:
    r = reports["chain.yaml"]
    (cov,) = r.coverage
    names = [p.zh for p in cov.posts]
    assert any(n.endswith(f"×{STORES}") for n in names), names
    assert len(cov.posts) < r.posts


def test_a_broken_rdf_design_is_one_located_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.nt"
    bad.write_text('<urn:a> <urn:b> "x" .\n<urn:a> <urn:b> "unterminated .\n', encoding="utf-8")
    with pytest.raises(InputError) as e:
        validate_file(bad)
    assert "bad.nt:2" in str(e.value)
    assert str(e.value).count("bad.nt") == 1, "the location is given once"
    res = CliRunner().invoke(cli, ["validate", str(bad)])
    assert res.exit_code == 2
    assert len(res.output.strip().splitlines()) == 1 and "Traceback" not in res.output


def test_rdf_without_an_organisation_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.ttl"
    empty.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["validate", str(empty)])
    assert res.exit_code == 2 and "no organisation" in res.output


def _run_on_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run ``retailkg`` with stderr (and stdout) on a pseudo-terminal; return the exit code and output."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # a 120-column terminal
    env = {**os.environ, "RETAILKG_PROGRESS": "auto", "COLUMNS": "100"}
    proc = subprocess.Popen([sys.executable, "-m", "retailkg", *args], stdin=subprocess.DEVNULL, stdout=slave, stderr=slave,
                            cwd=cwd, env=env)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_progress_on_a_terminal_and_not_when_quiet_or_piped(chain: Path, tmp_path: Path) -> None:
    code, text = _run_on_terminal(["validate", str(chain / "chain.yaml"), "-o", str(tmp_path / "r.json")], tmp_path)
    assert code == 1 and "running rules" in text and "done" in text
    code, text = _run_on_terminal(["validate", str(chain / "chain.yaml"), "-o", str(tmp_path / "r.json"), "--quiet"], tmp_path)
    assert code == 1 and "running rules" not in text
    piped = subprocess.run([sys.executable, "-m", "retailkg", "validate", str(chain / "chain.yaml"), "--format", "tsv"],
                           capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert piped.returncode == 1 and piped.stderr == "" and piped.stdout.startswith("level\t")
