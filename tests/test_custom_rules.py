"""A user's own rules (``retailkg validate --shapes``) and profiles (``--profile``), as a new user meets them.

Each case of issue 15 is here: a shape without rkgsh:findingKind, a deactivated one, a blank-node
shape, an unknown finding kind, an untranslated constraint, integer datatypes, sh:maxCount on 1 and
1.0, $this only in a FILTER, SERVICE (with a listener that must see no connection), a bad profile.
Expected answers come from pySHACL on the same graph, never typed in.
"""

from __future__ import annotations

import json
import socket
import threading
from pathlib import Path

from click.testing import CliRunner
from rdflib import Graph

from retailkg.cli import cli
from retailkg.validation.complete import as_written, run_complete
from retailkg.validation.shacl import validate_graph
from retailkg.validation.shapes import top_shapes

REPO = Path(__file__).resolve().parents[1]
DESIGN = REPO / "examples" / "taobao-ops.yaml"
PREFIXES = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rkg: <https://w3id.org/retailkg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/rules#> .
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(PREFIXES + text, encoding="utf-8")
    return p


def run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, ["validate", "--quiet", *args])
    return res.exit_code, res.stdout, res.stderr


def custom_findings(out: str) -> list[dict[str, object]]:
    return [f for f in json.loads(out)["findings"] if f["kind"] == "custom"]


def test_a_shape_without_finding_kind_reports_its_findings_with_its_message(tmp_path: Path) -> None:
    shapes = write(tmp_path, "rules.ttl", """
ex:PostHeadcount a sh:PropertyShape ; sh:targetClass rkg:Post ; sh:path rkg:headcount ; sh:minCount 1 ;
  sh:severity sh:Warning ; sh:message "岗位「{$this}」没有编制"@zh , "The post {$this} has no headcount"@en .
""")
    code, out, err = run(str(DESIGN), "--shapes", str(shapes), "--format", "json")
    assert code in (0, 1), err
    found = custom_findings(out)
    posts = json.loads(out)["summary"]["posts"]
    assert len(found) == posts  # the example gives no post a headcount
    assert all(f["rule"] == "ex:PostHeadcount" and f["severity"] == "warning" for f in found)
    assert all(str(f["message"]["en"]).startswith("The post ") and "{$this}" not in str(f["message"]["en"]) for f in found)


def test_a_yaml_design_naming_its_shapes_runs_them_and_a_bad_entry_is_one_line(tmp_path: Path) -> None:
    write(tmp_path, "rules.ttl", """
ex:PostHeadcount a sh:PropertyShape ; sh:targetClass rkg:Post ; sh:path rkg:headcount ; sh:minCount 1 ;
  sh:severity sh:Warning ; sh:message "The post {$this} has no headcount"@en .
""")
    text = DESIGN.read_text(encoding="utf-8")
    design = tmp_path / "design.yaml"
    design.write_text(text + "\nshapes: [rules.ttl]\n", encoding="utf-8")
    code, out, err = run(str(design), "--format", "json")
    assert code in (0, 1), err
    report = json.loads(out)
    assert len(custom_findings(out)) == report["summary"]["posts"]
    _code, plain, _ = run(str(DESIGN), "--format", "json")
    assert not custom_findings(plain)
    design.write_text(text + "\nshapes: 3\n", encoding="utf-8")
    code, _out, err = run(str(design), "--format", "json")
    assert code == 2 and "shapes: a file name or a list of them" in err and "Traceback" not in err


def test_a_deactivated_shape_and_a_profile_off_run_nothing(tmp_path: Path) -> None:
    shapes = write(tmp_path, "rules.ttl", """
ex:Off a sh:NodeShape ; sh:targetClass rkg:Post ; sh:deactivated true ; sh:property [ sh:path rkg:headcount ; sh:minCount 1 ] .
ex:On a sh:NodeShape ; sh:targetClass rkg:Post ; sh:property [ sh:path rkg:headcount ; sh:minCount 1 ] .
""")
    _code, out, _ = run(str(DESIGN), "--shapes", str(shapes), "--format", "json")
    rules = {f["rule"] for f in custom_findings(out)}
    assert rules == {"ex:On/rkg:headcount"}  # a blank property shape, named after its node shape and path
    profile = tmp_path / "p.tsv"
    profile.write_text("rule\tlevel\n# silence it\nex:On\toff\nrkgsh:UnmappedDuty\tinfo\n", encoding="utf-8")
    _code, out, _ = run(str(DESIGN), "--shapes", str(shapes), "--profile", str(profile), "--format", "json")
    report = json.loads(out)
    assert not custom_findings(out)
    assert {f["severity"] for f in report["findings"] if f["rule"] == "rkgsh:UnmappedDuty"} <= {"info"}


def test_bad_shapes_and_profiles_are_one_line_exit_2(tmp_path: Path) -> None:
    cases = {
        "syntax.ttl": ("ex:A a sh:NodeShape ;; sh:targetClass rkg:Post", "syntax"),
        "kind.ttl": ('ex:A a sh:NodeShape ; sh:targetClass rkg:Post ; <https://w3id.org/retailkg/shapes#findingKind> "oops" ;\n'
                     '  sh:property [ sh:path rkg:headcount ; sh:minCount 1 ] .', "finding kind"),
        "severity.ttl": ("ex:A a sh:NodeShape ; sh:targetClass rkg:Post ; sh:severity ex:Bad ;\n"
                         "  sh:property [ sh:path rkg:headcount ; sh:minCount 1 ] .", "severity"),
        "meta.ttl": ('ex:A a sh:PropertyShape ; sh:targetClass rkg:Post ; sh:path rkg:headcount ; sh:minCount "one" .', "SHACL"),
        "twice.ttl": ("<https://w3id.org/retailkg/shapes#PostLabel> a sh:NodeShape ; sh:targetClass rkg:Post ;\n"
                      "  sh:property [ sh:path rkg:headcount ; sh:minCount 1 ] .", "twice"),
        "minus.ttl": ('ex:A a sh:NodeShape ; sh:targetClass rkg:Post ; sh:sparql [ sh:select """\n'
                      'SELECT $this WHERE { $this ?p ?o MINUS { $this a ?x } }""" ] .', "MINUS"),
        "evidence.ttl": ('ex:A a sh:NodeShape ; sh:targetClass rkg:Post ; sh:property [ sh:path rkg:headcount ; sh:minCount 1 ] ;\n'
                         '  <https://w3id.org/retailkg/shapes#evidence> [ <https://w3id.org/retailkg/shapes#from> "elsewhere" ] .',
                         "rkgsh:from"),
    }
    for name, (text, word) in cases.items():
        out = tmp_path / "report.md"
        code, _stdout, err = run(str(DESIGN), "--shapes", str(write(tmp_path, name, text)), "-o", str(out))
        assert code == 2, (name, err)
        assert name in err and word in err and "Traceback" not in err and len(err.strip().splitlines()) == 1, (name, err)
        assert not out.exists()
    profile = tmp_path / "p.tsv"
    profile.write_text("rule\tlevel\nrkgsh:PostLabell\twarning\n", encoding="utf-8")
    code, _stdout, err = run(str(DESIGN), "--profile", str(profile))
    assert code == 2 and "p.tsv:2" in err and "[rule]" in err and "rkgsh:PostLabel" in err


def _pyshacl_count(data: Graph, shapes: Graph) -> int:
    return len(run_complete(data, shapes, top_shapes(shapes)))


def _graphs(data: str, shapes: str) -> tuple[Graph, Graph]:
    with as_written():
        return Graph().parse(data=PREFIXES + data, format="turtle"), Graph().parse(data=PREFIXES + shapes, format="turtle")


def test_divergences_of_the_issue_give_pyshacls_answer() -> None:
    cases = [
        # integer datatypes: positiveInteger is not xsd:integer, xsd:int values are xsd:int
        ('ex:a ex:n "2"^^xsd:positiveInteger . ex:b ex:n "3"^^xsd:integer .',
         "ex:S a sh:PropertyShape ; sh:targetSubjectsOf ex:n ; sh:path ex:n ; sh:datatype xsd:integer ."),
        ('ex:a ex:n "2"^^xsd:int . ex:b ex:n "3"^^xsd:int .',
         "ex:S a sh:PropertyShape ; sh:targetSubjectsOf ex:n ; sh:path ex:n ; sh:datatype xsd:int ."),
        # two values, 1 and 1.0: two terms
        ('ex:a ex:n 1 , 1.0 .', "ex:S a sh:PropertyShape ; sh:targetNode ex:a ; sh:path ex:n ; sh:maxCount 1 ."),
        # $this only in a FILTER
        ("ex:a ex:p ex:b . ex:c ex:p ex:b .",
         'ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:sparql [ sh:select """'
         'SELECT $this WHERE { ?x <https://example.org/rules#p> ?y FILTER (?x = $this) }""" ] .'),
        # a shape written as a blank node, and an untranslated constraint
        ('ex:a ex:name "x1" . ex:b ex:name "y" .',
         '[ a sh:PropertyShape ; sh:targetSubjectsOf ex:name ; sh:path ex:name ; sh:pattern "^x" ] .'),
    ]
    counts = []
    for data, shapes in cases:
        d, s = _graphs(data, shapes)
        conforms, results = validate_graph(d, s)
        assert len(results) == _pyshacl_count(d, s), (data, shapes, results)
        assert conforms == (not results)
        counts.append(len(results))
    assert counts == [1, 0, 1, 1, 1]  # the valid xsd:int values are valid


class _Listener:
    """A TCP listener on 127.0.0.1 that counts connections."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop:
            try:
                conn, _addr = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.stop = True
        self.thread.join(timeout=2)
        self.sock.close()


def test_no_shape_makes_the_process_send_a_request(tmp_path: Path) -> None:
    listener = _Listener()
    try:
        url = f"http://127.0.0.1:{listener.port}"
        service = write(tmp_path, "service.ttl", f'ex:A a sh:NodeShape ; sh:targetClass rkg:Post ; sh:sparql [ sh:select """\n'
                                                 f'SELECT $this WHERE {{ $this ?p ?o SERVICE <{url}/sparql> {{ ?a ?b ?c }} }}""" ] .')
        imports = write(tmp_path, "imports.ttl", f"<https://example.org/rules> <http://www.w3.org/2002/07/owl#imports> <{url}/x> .\n"
                                                 "ex:A a sh:NodeShape ; sh:targetClass rkg:Post ;\n"
                                                 "  sh:property [ sh:path rkg:headcount ; sh:minCount 1 ] .")
        for shapes, word in ((service, "SERVICE"), (imports, "owl:imports")):
            code, _out, err = run(str(DESIGN), "--shapes", str(shapes))
            assert code == 2 and word in err and shapes.name in err, err
        assert listener.connections == 0
    finally:
        listener.close()
