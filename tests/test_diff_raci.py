"""`retailkg diff` shows the RACI matrix (权责矩阵) of the as-is and the to-be design side by side.

Checked on an example design and its `org propose` output: what the proposals do to the matrix
(a duty given to a post makes it the function's A; an overlapping post demoted to support becomes a
C) is what the diff marks as changed, and nothing else; every format shows the same cells.
"""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from retailkg.cli import cli
from retailkg.kg.knowledge import knowledge_base
from retailkg.report.diff import Diff, compare, load_side, side_from_report
from retailkg.report.diff_render import render_diff
from retailkg.report.formats import render
from retailkg.report.raci import raci_tables
from retailkg.validation.findings import Report
from retailkg.validation.pipeline import validate_file
from retailkg.validation.proposals import select_proposals, to_be_yaml

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("diff-raci"))


@cache
def sides(name: str, tmp: str) -> tuple[Report, Report, Path, Path]:
    before = validate_file(EXAMPLES / name)
    path = Path(tmp) / f"to-be-{Path(name).stem}.yaml"
    path.write_text(to_be_yaml(before, select_proposals(before.proposals), knowledge_base()), encoding="utf-8")
    return before, validate_file(path), EXAMPLES / name, path


def diff_of(name: str, tmp: str) -> Diff:
    before, after, _, _ = sides(name, tmp)
    return compare(side_from_report(before), side_from_report(after))


def letters(r: Report) -> dict[tuple[str, str], str]:
    (t,) = raci_tables(r)
    return {(row.function.id, p.id): c for i, row in enumerate(t.matrix.rows)
            for p, c in zip(t.matrix.posts, t.letters[i], strict=True) if c}


@pytest.mark.parametrize("name", ["taobao-ops.yaml", "ecom-ops-centre.yaml"])
def test_each_side_of_the_diff_is_the_matrix_of_its_report(name: str, tmp: str) -> None:
    before, after, _, _ = sides(name, tmp)
    (rc,) = diff_of(name, tmp).raci
    assert rc.old is not None and rc.new is not None
    assert rc.old.letters == letters(before) and rc.new.letters == letters(after)


def test_a_duty_proposed_to_a_post_makes_it_the_functions_one_accountable_post(tmp: str) -> None:
    before, _, _, _ = sides("taobao-ops.yaml", tmp)
    (rc,) = diff_of("taobao-ops.yaml", tmp).raci
    changed = {(f, p): (a, b) for f, p, a, b in rc.changed()}
    baseline = {f for f, *_ in rc.functions}
    added = {(c.function.id, c.post.id) for p in before.proposals if p.status == "change" for c in p.changes
             if c.action == "add-duty" and c.function is not None and c.function.id in baseline}
    assert added
    for cell in added:
        assert changed[cell] == ("", "A")
    # a supporting duty added (a post without duties helping its superior) makes the post consulted
    helping = {(c.function.id, c.post.id) for p in before.proposals if p.status == "change" for c in p.changes
               if c.action == "add-support" and c.function is not None and c.function.id in baseline}
    for cell in helping:
        assert changed[cell] == ("", "C")
    # every other cell that changed is the direct superior of a new A, now informed
    superiors = {f"post/{p.id}": f"post/{p.reports_to}" for p in before.resolved.design.posts if p.reports_to}
    for (f, p), (a, b) in changed.items():
        if (f, p) not in added | helping:
            assert (a, b) == ("", "I") and any(superiors.get(q) == p for g, q in added if g == f), (f, p)


def test_an_overlapping_post_demoted_to_support_becomes_consulted(tmp: str) -> None:
    before, _, _, _ = sides("ecom-ops-centre.yaml", tmp)
    (rc,) = diff_of("ecom-ops-centre.yaml", tmp).raci
    changed = {(f, p): (a, b) for f, p, a, b in rc.changed()}
    baseline = {f for f, *_ in rc.functions}  # the matrix has the baseline's functions only
    demoted = {(p.subject.id, c.post.id) for p in before.proposals if p.status == "change" and p.subject is not None
               and p.subject.id in baseline for c in p.changes if c.action == "support" and p.kind.value == "overlap"}
    assert demoted
    for cell in demoted:
        assert cell in changed and changed[cell][0] in ("A", "R") and changed[cell][1] == "C", cell
    assert all(sum(1 for (f, _p), c in rc.new.letters.items() if f == fid and c == "A") <= 1  # type: ignore[union-attr]
               for fid in {f for f, _ in demoted})


def test_markdown_html_json_and_excel_mark_the_same_changed_cells(tmp: str) -> None:
    d = diff_of("taobao-ops.yaml", tmp)
    (rc,) = d.raci
    changed = rc.changed()
    assert changed
    md = str(render_diff(d, "md", "zh"))
    section = md[md.index("权责矩阵"):]
    assert section.count("**·→A**") == sum(1 for *_, a, b in changed if (a, b) == ("", "A"))
    assert section.count("**") == 2 * len(changed)
    page = str(render_diff(d, "html", "en"))
    raci = page[page.index('id="raci"'):]
    assert raci.count('class="changed"') == 2 * len(changed)  # outlined in the as-is and in the to-be table
    assert raci.count("<table") == 2
    doc = json.loads(str(render_diff(d, "json", "en")))
    assert [(c["function"], c["post"], c["old"] or "", c["new"] or "") for c in doc["raci"][0]["changed"]] == changed
    assert doc["raci"][0]["new"]["fn:promotion-planning"]["post/campaign-planner"] == "A"
    wb = load_workbook(io.BytesIO(render_diff(d, "xlsx", "en")))  # type: ignore[arg-type]
    ws = wb["RACI"]
    commented = [c for row in ws.iter_rows() for c in row if c.comment is not None]
    assert len(commented) == 2 * len(changed)
    promo = next(r for r in ws.iter_rows(values_only=True) if r[0] == "fn:promotion-planning")
    assert promo.count("A") == 1


def test_the_diff_of_two_json_reports_reads_the_same_matrices(tmp: str, tmp_path: Path) -> None:
    before, after, _, _ = sides("ecom-ops-centre.yaml", tmp)
    files = []
    for n, r in (("old", before), ("new", after)):
        f = tmp_path / f"{n}.json"
        f.write_text(str(render(r, "json", "zh")), encoding="utf-8")
        files.append(f)
    from_json = compare(load_side(files[0]), load_side(files[1]))
    (a,) = from_json.raci
    (b,) = diff_of("ecom-ops-centre.yaml", tmp).raci
    assert a.changed() == b.changed() and a.changed()


def test_the_diff_says_so_when_a_side_has_no_reporting_lines(tmp_path: Path) -> None:
    nt = tmp_path / "bundled.json"
    from retailkg.validation.pipeline import validate_bundled

    nt.write_text(str(render(validate_bundled(), "json", "en")), encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", str(nt), str(EXAMPLES / "taobao-ops.yaml"), "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    assert "RACI not compared" in result.stdout


def test_the_diff_command_writes_the_side_by_side_matrix(tmp: str, tmp_path: Path) -> None:
    _, _, old, new = sides("taobao-ops.yaml", tmp)
    out = tmp_path / "diff.html"
    result = CliRunner().invoke(cli, ["diff", str(old), str(new), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "权责矩阵" in page and page.count('class="changed"') == 2 * len(diff_of("taobao-ops.yaml", tmp).raci[0].changed())
