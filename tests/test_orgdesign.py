"""Organisation design files: YAML, CSV folders and Excel read alike; bad input is one line, exit 2."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from click.testing import CliRunner
from openpyxl import load_workbook
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from scripts import load_script

from retailkg.cli import cli
from retailkg.design.matching import matcher_for
from retailkg.design.model import OrgDesign
from retailkg.design.readers import read_design
from retailkg.design.resolve import resolve
from retailkg.design.tables import TABLES
from retailkg.design.templates import write_template, xlsx_bytes
from retailkg.errors import InputError
from retailkg.kg.knowledge import knowledge_base
from retailkg.ns import FN, RKG

REPO = Path(__file__).resolve().parents[1]

# The issue's YAML, verbatim but for the superior it names, which is added so that it exists.
ISSUE_YAML = """\
organisation: {id: acme, name: 某百货股份有限公司, baseline: T/CCAGM 003-2021, exclude_functions: []}
departments: [{id: planning, name: 企划部}, {id: region-east, name: 华东大区, kind: region},
  {id: store-001, name: 南京西路店, kind: store, parent: region-east}]
posts: [{id: marketing-planner, name: 营销策划专员, department: planning, reports_to: planning-head, headcount: 2,
    duties: [{standard: "T/CCAGM 003-2021 4.1.1 a"}, {text: 负责会员活动的策划与执行, role: support}], accountable_for: [会员活跃度]},
  {id: planning-head, name: 企划部经理, department: planning, duties: [{standard: "T/CCAGM 003-2021 4.1.1 d"}]},
  {id: store-manager, name: 店长, department: store-001, reports_to: planning-head,
    duties: [{text: 完成门店销售目标，负责门店业绩管理}]}]
"""

MIN_YAML = """\
organisation:
  id: mini
  name: 小店
departments:
  - id: planning
    name: 企划部
posts:
  - id: planner
    name: 营销策划专员
    department: planning
    headcount: 1
    duties:
      - standard: T/CCAGM 003-2021 4.1.1 a
      - text: 负责会员活动的策划与执行
"""


def _load_make_acme() -> ModuleType:
    return load_script("examples/make_acme.py", "make_acme")


def signature(d: OrgDesign) -> tuple[object, ...]:
    """What a design says, without where it was read from."""
    return (
        (d.organisation.id, d.organisation.name, d.organisation.baseline, [n for n, _ in d.organisation.exclude_functions]),
        [(x.id, x.name, x.kind, x.parent) for x in d.departments],
        [(p.id, p.name, p.department, p.reports_to, p.headcount,
          [(s.standard, s.text, s.role, s.functions) for s in p.duties], [n for n, _ in p.accountable_for]) for p in d.posts],
    )


def _write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return p


# ---------------------------------------------------------------------------------------------- reading


def test_the_issues_yaml_is_accepted(tmp_path: Path) -> None:
    d = read_design(_write(tmp_path, "acme.yaml", ISSUE_YAML))
    assert d.organisation.id == "acme" and [x.kind for x in d.departments] == ["department", "region", "store"]
    planner = d.posts[0]
    assert planner.headcount == 2 and planner.reports_to == "planning-head"
    assert planner.duties[0].standard == "T/CCAGM 003-2021 4.1.1 a"
    assert planner.duties[1].text == "负责会员活动的策划与执行" and planner.duties[1].role == "support"
    kb = knowledge_base()
    r = resolve(d, kb, matcher_for(kb))
    g = r.graph
    post = URIRef("https://w3id.org/retailkg/org/acme/post/marketing-planner")
    assert (post, RKG.inDepartment, URIRef("https://w3id.org/retailkg/org/acme/dept/planning")) in g
    assert (URIRef("https://w3id.org/retailkg/org/acme/dept/store-001"), RKG.subUnitOf,
            URIRef("https://w3id.org/retailkg/org/acme/dept/region-east")) in g
    duties = {rd.zh: rd for rd in r.duties.values() if rd.post == post}
    std = duties["制定年度、月度促销计划并策划、实施促销活动"]
    assert std.lead == [FN["promotion-planning"]] and std.source == "T/CCAGM 003-2021 4.1.1 a"
    text = duties["负责会员活动的策划与执行"]
    assert text.lead == [] and FN["member-campaigns"] in text.support
    assert text.match is not None and 0 < text.match.functions[0].score <= 1
    assert text.match.functions[0].evidence is not None and text.match.functions[0].evidence.citation == "T/CCAGM 003-2021 4.1.3 c"
    assert (post, RKG.accountableFor, URIRef("https://w3id.org/retailkg/ccfags-046-2023/metric/member-activity")) in g


def test_a_standard_post_reference_takes_all_its_duties(tmp_path: Path) -> None:
    text = MIN_YAML.replace("      - standard: T/CCAGM 003-2021 4.1.1 a\n", "      - standard: T/CCAGM 003-2021 4.1.3\n")
    kb = knowledge_base()
    r = resolve(read_design(_write(tmp_path, "m.yaml", text)), kb, matcher_for(kb))
    refs = sorted(d.source for d in r.duties.values() if d.standard)
    assert refs == [f"T/CCAGM 003-2021 4.1.3 {c}" for c in "abcdefgh"][: len(refs)] and len(refs) >= 7


def test_accountability_travels_with_a_standard_duty(tmp_path: Path) -> None:
    """4.1.2 b makes its post answer for user growth; a post that takes the duty answers for it too."""
    text = MIN_YAML.replace("4.1.1 a", "4.1.2 b")
    kb = knowledge_base()
    r = resolve(read_design(_write(tmp_path, "m.yaml", text)), kb, matcher_for(kb))
    post = r.posts["planner"]
    assert (post, RKG.accountableFor, URIRef("https://w3id.org/retailkg/ccagm-003-2021/metric/user-growth")) in r.graph


def test_design_rdf_snapshot(tmp_path: Path) -> None:
    """The RDF of a small design, compared as a graph (isomorphism), not as text."""
    text = """\
organisation: {id: snap, name: 快照百货, exclude_functions: [到家业务运营]}
departments: [{id: hq, name: 总部}]
posts:
  - {id: p, name: 营销策划, department: hq, headcount: 3,
     duties: [{standard: "T/CCAGM 003-2021 4.1.1 d"}, {text: 撰写活动文案, functions: [copywriting], role: support}],
     accountable_for: [门店坪效]}
"""
    kb = knowledge_base()
    r = resolve(read_design(_write(tmp_path, "snap.yaml", text)), kb, matcher_for(kb))
    expected = Graph().parse(data="""
@prefix rkg: <https://w3id.org/retailkg/ontology#> . @prefix fn: <https://w3id.org/retailkg/function/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> . @prefix s: <https://w3id.org/retailkg/org/snap/> .
@prefix org: <http://www.w3.org/ns/org#> .
s:design a rkg:SourceDocument ; rdfs:label "snap.yaml" .
s:org a rkg:Organisation ; rdfs:label "快照百货"@zh ; rkg:baseline <https://w3id.org/retailkg/ccagm-003-2021> ;
    rkg:excludesFunction fn:to-home-operations ; rkg:sourceDocument s:design .
s:dept\\/hq a rkg:Department ; rdfs:label "总部"@zh ; rkg:unitKind "department" ; rkg:unitOf s:org ; rkg:order 1 ;
    rkg:sourceDocument s:design ; org:transitiveSubOrganizationOf s:org .
s:post\\/p a rkg:Post ; rdfs:label "营销策划"@zh ; rkg:inDepartment s:dept\\/hq ; rkg:inOrganisation s:org ;
    rkg:headcount "3"^^xsd:positiveInteger ; rkg:order 1 ; rkg:reference "p" ; rkg:sourceDocument s:design ;
    rkg:accountableFor s:metric\\/门店坪效 .
s:metric\\/门店坪效 a rkg:Metric ; rdfs:label "门店坪效"@zh ; rkg:sourceDocument s:design .
s:duty\\/p-1 a rkg:Duty ; rdfs:label "负责竞争对手的研究与分析工作"@zh , "Research and analyse competitors"@en ;
    rkg:dutyOf s:post\\/p ; rkg:item "1" ; rkg:order 1 ; rkg:reference "T/CCAGM 003-2021 4.1.1 d" ;
    rkg:sourceDocument s:design ; rkg:addressesFunction fn:competitor-research ;
    prov:wasDerivedFrom <https://w3id.org/retailkg/ccagm-003-2021/duty/4.1.1-d> .
s:duty\\/p-2 a rkg:Duty ; rdfs:label "撰写活动文案"@zh ; rkg:dutyOf s:post\\/p ; rkg:item "2" ; rkg:order 2 ;
    rkg:reference "snap.yaml:5" ; rkg:sourceDocument s:design ; rkg:supportsFunction fn:copywriting .
""", format="turtle")
    assert isomorphic(r.graph, expected), (set(r.graph) ^ set(expected))


def _csv_folder(tmp_path: Path, tables: dict[str, list[list[object]]], encoding: str, delimiter: str = ",") -> Path:
    folder = tmp_path / encoding
    folder.mkdir()
    for name, rows in tables.items():
        buf = io.StringIO()
        csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
        (folder / f"{name}.csv").write_bytes(buf.getvalue().encode(encoding))
    return folder


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-8", ","), ("utf-8-sig", ","), ("gb18030", ","), ("gbk", ","), ("utf-16", "\t")])
def test_csv_in_every_excel_encoding_reads_like_the_workbook(tmp_path: Path, encoding: str, delimiter: str) -> None:
    acme = _load_make_acme()
    from_xlsx = read_design(REPO / "examples" / "acme-department-store.xlsx")
    from_csv = read_design(_csv_folder(tmp_path, acme.tables(), encoding, delimiter))
    assert signature(from_csv) == signature(from_xlsx)


def test_csv_rows_are_cited_by_file_and_line(tmp_path: Path) -> None:
    acme = _load_make_acme()
    d = read_design(_csv_folder(tmp_path, acme.tables(), "utf-8-sig"))
    assert d.posts[0].where.file.endswith("posts.csv") and d.posts[0].where.line == 2
    assert d.posts[0].duties[0].where.line == 2 and d.posts[0].duties[0].where.file.endswith("duties.csv")


def test_the_acme_workbook_is_what_make_acme_writes(tmp_path: Path) -> None:
    acme = _load_make_acme()
    out = tmp_path / "acme.xlsx"
    out.write_bytes(xlsx_bytes(acme.tables()))
    assert signature(read_design(out)) == signature(read_design(REPO / "examples" / "acme-department-store.xlsx"))


@pytest.mark.parametrize("fmt", ["yaml", "csv", "xlsx"])
def test_template_writes_a_readable_design_with_one_example_row(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / {"yaml": "t.yaml", "csv": "t", "xlsx": "t.xlsx"}[fmt]
    res = CliRunner().invoke(cli, ["org", "template", "--format", fmt, "-o", str(out)])
    assert res.exit_code == 0, res.output
    d = read_design(out)
    assert d.organisation.id == "acme" and d.posts[0].id == "marketing-planner"
    assert d.posts[0].duties[0].standard == "T/CCAGM 003-2021 4.1.1 a"
    if fmt == "xlsx":
        wb = load_workbook(out)
        assert [ws.title for ws in wb.worksheets][:5] == [t.name for t in TABLES]
        assert all(wb[t.name].max_row == 2 for t in TABLES)
    if fmt == "csv":
        assert sorted(p.name for p in out.iterdir()) == sorted(f"{t.name}.csv" for t in TABLES)
        assert (out / "posts.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    res = CliRunner().invoke(cli, ["validate", str(out), "--format", "json"])
    assert res.exit_code in (0, 1), res.output


def test_yaml_template_goes_to_stdout_and_is_valid_yaml() -> None:
    res = CliRunner().invoke(cli, ["org", "template"])
    assert res.exit_code == 0
    assert yaml.safe_load(res.output)["organisation"]["id"] == "acme"


def test_xlsx_template_needs_an_output_path() -> None:
    with pytest.raises(InputError):
        write_template("xlsx", None)
    res = CliRunner().invoke(cli, ["org", "template", "--format", "xlsx"])
    assert res.exit_code == 2 and "-o" in res.output


def test_org_rdf_command_writes_turtle(tmp_path: Path) -> None:
    src = _write(tmp_path, "mini.yaml", MIN_YAML)
    res = CliRunner().invoke(cli, ["org", "rdf", str(src)])
    assert res.exit_code == 0, res.output
    g = Graph().parse(data=res.output, format="turtle")
    assert (URIRef("https://w3id.org/retailkg/org/mini/post/planner"), RKG.inDepartment, None) in g


@pytest.mark.parametrize(("name", "args", "first"), [
    ("d.nt", [], "<"), ("d.ttl", [], "@prefix"), ("d.rdf", ["--format", "ttl"], "@prefix"), ("d.ttl", ["--format", "nt"], "<"),
])
def test_org_rdf_takes_its_format_from_the_output_name(tmp_path: Path, name: str, args: list[str], first: str) -> None:
    """`-o design.nt` writes N-Triples (what `validate design.nt` then reads) unless --format says otherwise."""
    src = _write(tmp_path, "mini.yaml", MIN_YAML)
    out = tmp_path / name
    res = CliRunner().invoke(cli, ["org", "rdf", str(src), "-o", str(out), *args])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8").startswith(first)
    if first == "<":
        assert CliRunner().invoke(cli, ["validate", str(out), "--quiet", "--format", "json"]).exit_code in (0, 1)


def test_org_rdf_refuses_an_extension_that_names_no_rdf_format(tmp_path: Path) -> None:
    """`-o design.rdf` (RDF/XML by its name) is not written as Turtle: one line with the known extensions."""
    src = _write(tmp_path, "mini.yaml", MIN_YAML)
    res = CliRunner().invoke(cli, ["org", "rdf", str(src), "-o", str(tmp_path / "d.rdf")])
    assert res.exit_code == 2 and ".nt .ttl" in res.output and len(res.output.strip().splitlines()) == 1
    assert not (tmp_path / "d.rdf").exists()


# ---------------------------------------------------------------------------------------------- bad input


def _bad(tmp_path: Path, path: Path, *where: str) -> str:
    out = tmp_path / "report.md"
    res = CliRunner().invoke(cli, ["validate", str(path), "-o", str(out)])
    assert res.exit_code == 2, res.output
    lines = [x for x in res.output.splitlines() if x.strip()]
    assert len(lines) == 1, res.output
    assert lines[0].startswith("retailkg: error: ")
    for w in where:
        assert w in lines[0], (w, lines[0])
    assert not out.exists(), "no report is written for bad input"
    return lines[0]


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_bad_invalid_yaml(tmp_path: Path) -> None:
    text = MIN_YAML.replace("    name: 企划部\n", "    name: [企划部\n")
    p = _write(tmp_path, "bad.yaml", text)
    msg = _bad(tmp_path, p, "bad.yaml:", "invalid YAML")
    assert f"bad.yaml:{_line_of(text, 'name: [') + 1}" in msg or f"bad.yaml:{_line_of(text, 'name: [')}" in msg


def test_bad_unknown_department(tmp_path: Path) -> None:
    text = MIN_YAML.replace("department: planning", "department: marketing")
    _bad(tmp_path, _write(tmp_path, "d.yaml", text), f"d.yaml:{_line_of(text, 'id: planner')}:", "[department]", "'marketing'")


def test_bad_unknown_post(tmp_path: Path) -> None:
    text = MIN_YAML.replace("    headcount: 1\n", "    headcount: 1\n    reports_to: ghost\n")
    _bad(tmp_path, _write(tmp_path, "p.yaml", text), f"p.yaml:{_line_of(text, 'id: planner')}:", "[reports_to]", "'ghost'")


def test_bad_unknown_standard_clause(tmp_path: Path) -> None:
    text = MIN_YAML.replace("4.1.1 a", "4.1.1 z")
    _bad(tmp_path, _write(tmp_path, "c.yaml", text), f"c.yaml:{_line_of(text, '4.1.1 z')}:", "[standard]", "4.1.1 z")


def test_bad_unknown_standard(tmp_path: Path) -> None:
    text = MIN_YAML.replace("T/CCAGM 003-2021 4.1.1 a", "GB/T 9999-2020 4.1.1 a")
    _bad(tmp_path, _write(tmp_path, "s.yaml", text), "s.yaml:", "[standard]", "GB/T 9999-2020")


def test_bad_duplicate_ids(tmp_path: Path) -> None:
    text = MIN_YAML + "  - {id: planner, name: 第二个, department: planning}\n"
    _bad(tmp_path, _write(tmp_path, "dup.yaml", text), f"dup.yaml:{_line_of(text, '第二个')}:", "[id]", "duplicate")


def test_bad_headcount_zero(tmp_path: Path) -> None:
    text = MIN_YAML.replace("headcount: 1", "headcount: 0")
    _bad(tmp_path, _write(tmp_path, "h.yaml", text), f"h.yaml:{_line_of(text, 'headcount')}:", "[headcount]", "0")


def test_bad_headcount_in_words(tmp_path: Path) -> None:
    text = MIN_YAML.replace("headcount: 1", "headcount: two")
    _bad(tmp_path, _write(tmp_path, "w.yaml", text), f"w.yaml:{_line_of(text, 'headcount')}:", "[headcount]", "'two'")


def _workbook(tmp_path: Path, drop_sheet: str | None = None, drop_column: tuple[str, str] | None = None) -> Path:
    tables = _load_make_acme().tables()
    if drop_sheet:
        del tables[drop_sheet]
    if drop_column:
        sheet, col = drop_column
        i = tables[sheet][0].index(col)
        tables[sheet] = [r[:i] + r[i + 1:] for r in tables[sheet]]
    p = tmp_path / "acme.xlsx"
    p.write_bytes(xlsx_bytes(tables))
    return p


def test_bad_excel_missing_sheet(tmp_path: Path) -> None:
    _bad(tmp_path, _workbook(tmp_path, drop_sheet="posts"), "acme.xlsx:", "[posts]", "missing sheet")


def test_bad_excel_missing_column(tmp_path: Path) -> None:
    _bad(tmp_path, _workbook(tmp_path, drop_column=("posts", "department")), "acme.xlsx:posts!1:", "[department]")


def test_bad_excel_cell_is_cited_by_sheet_and_row(tmp_path: Path) -> None:
    tables = _load_make_acme().tables()
    tables["posts"][3][5] = "two"  # the third post's headcount
    p = tmp_path / "acme.xlsx"
    p.write_bytes(xlsx_bytes(tables))
    _bad(tmp_path, p, "acme.xlsx:posts!4:", "[headcount]", "'two'")


def test_bad_empty_file(tmp_path: Path) -> None:
    _bad(tmp_path, _write(tmp_path, "empty.yaml", ""), "empty.yaml:", "empty file")


def test_bad_empty_workbook_file(tmp_path: Path) -> None:
    _bad(tmp_path, _write(tmp_path, "empty.xlsx", b""), "empty.xlsx:", "empty")


def test_bad_binary_file(tmp_path: Path) -> None:
    _bad(tmp_path, _write(tmp_path, "design.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), "design.yaml:", "binary")


def test_bad_undecodable_csv(tmp_path: Path) -> None:
    folder = _csv_folder(tmp_path, _load_make_acme().tables(), "utf-8")
    raw = (folder / "posts.csv").read_bytes().splitlines(keepends=True)
    raw[3] = b"bad,\xff\xfe\xff\xff,planning\r\n"
    (folder / "posts.csv").write_bytes(b"".join(raw))
    _bad(tmp_path, folder, "posts.csv:4:", "decode")


def test_bad_not_a_workbook(tmp_path: Path) -> None:
    _bad(tmp_path, _write(tmp_path, "fake.xlsx", b"PK\x03\x04 this is not a zip archive at all"), "fake.xlsx:", "Excel")


def test_bad_unknown_field_is_named(tmp_path: Path) -> None:
    text = MIN_YAML.replace("    headcount: 1\n", "    headcount: 1\n    reports-to: planner\n")
    _bad(tmp_path, _write(tmp_path, "f.yaml", text), f"f.yaml:{_line_of(text, 'reports-to')}:", "[reports-to]", "unknown field")


def test_bad_unknown_baseline_option(tmp_path: Path) -> None:
    p = _write(tmp_path, "m.yaml", MIN_YAML)
    res = CliRunner().invoke(cli, ["validate", str(p), "--baseline", "ISO 9001"])
    assert res.exit_code == 2 and "[--baseline]" in res.output


def test_a_reporting_cycle_is_a_finding_not_an_input_error(tmp_path: Path) -> None:
    text = MIN_YAML.replace("    headcount: 1\n", "    headcount: 1\n    reports_to: planner\n")
    res = CliRunner().invoke(cli, ["validate", str(_write(tmp_path, "cyc.yaml", text)), "--format", "tsv"])
    assert res.exit_code == 1
    assert "rkgsh:NoReportingCycle" in res.output


# ---------------------------------------------------------------------------------------------- matcher


@pytest.mark.parametrize(("text", "expected"), [
    ("负责会员活动的策划与执行", ["member-campaigns"]),
    ("跟踪物流查单", ["shipment-tracking"]),
    ("定时组织部门培训", ["team-training"]),  # one's own team: not the company's training system
    ("Plan and run member campaigns", ["member-campaigns"]),
])
def test_matcher(text: str, expected: list[str]) -> None:
    kb = knowledge_base()
    m = matcher_for(kb).match(text)
    assert [kb.functions[f.function].id for f in m.functions] == expected


def test_a_compound_duty_keeps_its_second_function_in_sight() -> None:
    """培训 … 考核: team training first; appraisal kept or shown as the nearest candidate."""
    kb = knowledge_base()
    m = matcher_for(kb).match("负责本部门员工业务技能培训与考核")
    ranked = [kb.functions[f.function].id for f in [*m.functions, *m.candidates]]
    assert ranked[0] == "team-training" and "performance-appraisal" in ranked[:2]


@pytest.mark.parametrize("duty", ["负责食品加工", "负责驾驶车辆", "负责厨房出品"])
def test_work_outside_the_taxonomy_is_unmapped_or_marked_to_review(duty: str) -> None:
    """The labelling guide's own examples of work outside the taxonomy (data/matching/LABELLING.md, principle 8).
    A staff canteen's management is not among them: it is office-administration's 后勤保障 (tests/test_examples.py)."""
    kb = knowledge_base()
    m = matcher_for(kb).match(duty)
    assert m.unmapped or m.to_review
    assert m.candidates, "the nearest functions are shown either way"


def test_matcher_takes_a_standard_duty_verbatim() -> None:
    kb = knowledge_base()
    m = matcher_for(kb).match("负责新媒体内容发布、管理维护、粉丝互动、话题制造，提高影响力和关注度，对用户增长和活跃用户数负责")
    assert m.verbatim is not None and m.verbatim.citation == "T/CCAGM 003-2021 4.1.2 b"
    assert {kb.functions[f.function].id for f in m.functions} == {"new-media-content", "user-growth", "user-activation"}


def test_the_n_triples_hold_each_triple_once(tmp_path: Path) -> None:
    """A post accountable for a metric both by name and through a standard's duty is one triple."""
    p = tmp_path / "d.yaml"
    p.write_text("organisation: {id: d, name: 测试}\ndepartments: [{id: a, name: 部门}]\n"
                 "posts:\n  - {id: s, name: 客服主管, department: a, duties: [{standard: T/CCAGM 003-2021 4.2.3 b}],\n"
                 "     accountable_for: [顾客满意度]}\n", encoding="utf-8")
    kb = knowledge_base()
    lines = resolve(read_design(p), kb, matcher_for(kb)).ntriples().splitlines()
    assert len(lines) == len(set(lines))
    assert sum("accountableFor" in line for line in lines) >= 1
