"""A design given as RDF that the rules cannot read is one located line and exit 2, never a
traceback (issue 17): a literal where an IRI belongs, a blank node as an organisation, department
or post; and a node the loader took leniently does not stop the Turtle report."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from retailkg.cli import cli

RKG = "https://w3id.org/retailkg/ontology#"
A = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
ORG = "<https://w3id.org/retailkg/org/x/org>"
POST = "<https://w3id.org/retailkg/org/x/post/a>"
DEPT = "<https://w3id.org/retailkg/org/x/dept/d>"

DESIGN = [
    f"{ORG} {A} <{RKG}Organisation> .",
    f"{DEPT} {A} <{RKG}Department> .",
    f"{DEPT} <{RKG}unitOf> {ORG} .",
    f"{POST} {A} <{RKG}Post> .",
    f"{POST} <{RKG}inOrganisation> {ORG} .",
    f"{POST} <{RKG}inDepartment> {DEPT} .",
]


def _run(path: Path, out: str = "r.html") -> tuple[int, str]:
    res = CliRunner().invoke(cli, ["validate", str(path), "-o", str(path.parent / out)])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res.exit_code, res.output


def _nt(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "d.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("line", "says"), [
    (6, 'rkg:inDepartment "x": a literal where an IRI belongs'),
])
def test_a_literal_where_an_iri_belongs_is_one_located_line(tmp_path: Path, line: int, says: str) -> None:
    lines = list(DESIGN)
    s, p, _o = lines[line - 1].split(" ", 2)
    lines[line - 1] = f'{s} {p} "x" .'
    code, out = _run(_nt(tmp_path, lines))
    assert code == 2
    assert f"d.nt:{line}:" in out and says in out and "Traceback" not in out and len(out.strip().splitlines()) == 1


@pytest.mark.parametrize(("node", "what", "line"), [
    (ORG, "a blank node is an rkg:Organisation", 1),
    (POST, "a blank node is a rkg:Post", 4),
    (DEPT, "a blank node is a rkg:Department", 2),
])
def test_a_blank_node_organisation_post_or_department_is_one_located_line(tmp_path: Path, node: str, what: str,
                                                                          line: int) -> None:
    code, out = _run(_nt(tmp_path, [x.replace(node, "_:b") for x in DESIGN]))
    assert code == 2 and f"d.nt:{line}: {what}" in out and "Traceback" not in out


def test_a_blank_node_organisation_in_turtle_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "d.ttl"
    path.write_text(f"@prefix rkg: <{RKG}> .\n[] a rkg:Organisation .\n{POST} a rkg:Post ; rkg:inOrganisation [] .\n",
                    encoding="utf-8")
    code, out = _run(path)
    assert code == 2 and out.strip().endswith("a blank node is an rkg:Organisation: organisations, departments and "
                                              "posts need an IRI to be named in findings")
    assert "d.ttl: " in out


def test_a_malformed_iri_the_loader_took_is_one_located_line(tmp_path: Path) -> None:
    odd = "<https://w3id.org/retailkg/org/x/post/a[1]>"
    code, out = _run(_nt(tmp_path, [x.replace(POST, odd) for x in DESIGN]), "r.ttl")
    assert code == 2 and f"d.nt:4: {odd} is not a valid IRI" in out and not (tmp_path / "r.ttl").exists()


def test_a_good_rdf_design_still_validates(tmp_path: Path) -> None:
    code, out = _run(_nt(tmp_path, DESIGN), "r.ttl")
    assert code in (0, 1), out
    Graph().parse(tmp_path / "r.ttl", format="turtle")
