"""Importing a client's job descriptions (岗位说明书): Word, PDF, Excel and text into a design.

Each test builds the documents it reads in tmp_path (python-docx, openpyxl, tests/minipdf.py), so
it states the layout it is about; the fixtures of tests/data/jobdocs/, when present, are read too.
"""

from __future__ import annotations

import importlib.util
import json
import zipfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import docx
import pytest
from minipdf import make_pdf
from openpyxl import Workbook

from retailkg.design.documents import import_documents, is_document
from retailkg.design.documents.numbering import strip_number
from retailkg.design.documents.page_shape import titled_post_heading
from retailkg.design.readers import read_design
from retailkg.errors import InputError

JOBDOCS = Path(__file__).parent / "data" / "jobdocs"


def form(path: Path, name: str, dept: str, boss: str, duties: list[str], quals: list[str], headcount: str = "1",
         signoff: bool = True) -> Path:
    """One post on a Word form: label cells beside their values, duties in one merged cell."""
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "某百货股份有限公司 受控文件"
    d.sections[0].footer.paragraphs[0].text = "第 1 页"
    d.add_paragraph(f"{name}岗位说明书")
    t = d.add_table(rows=0, cols=4)
    r = t.add_row().cells
    r[0].text, r[1].text, r[2].text, r[3].text = "岗位名称", name, "所属部门", dept
    r = t.add_row().cells
    r[0].text, r[1].text, r[2].text, r[3].text = "直接上级", boss, "编制人数", headcount
    r = t.add_row().cells
    r[0].text = "岗位职责"
    r[1].merge(r[3]).text = "\n".join(duties)
    r = t.add_row().cells
    r[0].text = "任职资格"
    r[1].merge(r[3]).text = "\n".join(quals)
    if signoff:
        r = t.add_row().cells
        r[0].text, r[1].text, r[2].text, r[3].text = "编制", "张三", "审核", "李四"
    d.save(path)
    return path


def texts(post: Any) -> list[str]:
    return [d.text for d in post.duties]


def by_name(result: Any) -> dict[str, Any]:
    return {p.name: p for p in result.posts}


# ---------------------------------------------------------------------------------------------- Word


def test_a_word_form_gives_its_post_with_duties_verbatim_and_qualifications_apart(tmp_path: Path) -> None:
    form(tmp_path / "店长.docx", "店长", "营运部", "区域经理",
         ["1. 负责门店日常运营管理，确保各项制度的执行；", "2、组织门店员工培训。", "（3）完成上级交办的其他工作"],
         ["1. 大专以上学历", "2. 三年以上零售管理经验"])
    result = import_documents([tmp_path / "店长.docx"])
    [post] = result.posts
    assert (post.id, post.name, post.department, post.headcount) == ("店长", "店长", "营运部", 1)
    assert texts(post) == ["负责门店日常运营管理，确保各项制度的执行；", "组织门店员工培训。", "完成上级交办的其他工作"]
    assert post.qualifications == ["大专以上学历", "三年以上零售管理经验"]
    assert post.where.file.endswith("店长.docx") and "table 1" in str(post.where.line)
    assert "table 1 row 3" in str(post.duties[0].where.line)
    # the header, the footer and the sign-off row (编制 张三 / 审核 李四) are not read as anything
    everything = " ".join([*texts(post), *post.qualifications, *(u.text for u in result.unplaced)])
    assert "受控文件" not in everything and "张三" not in everything and "第 1 页" not in everything


def test_superiors_resolve_to_imported_posts_exactly_then_by_the_closest_unique_title(tmp_path: Path) -> None:
    form(tmp_path / "店长.docx", "店长", "营运部", "区域经理", ["负责门店运营"], [])
    form(tmp_path / "副店长.docx", "副店长", "营运部", "店长", ["协助店长管理门店"], [])
    form(tmp_path / "收银员.docx", "收银员", "营运部", "收银组长", ["负责收银"], [])
    form(tmp_path / "收银主管.docx", "收银主管", "营运部", "门店店长", ["管理收银组"], [])
    posts = by_name(import_documents([tmp_path]))
    assert posts["副店长"].reports_to == posts["店长"].id  # exact
    assert posts["收银主管"].reports_to == posts["店长"].id  # 门店店长 → 店长, the closest unique title
    assert posts["收银主管"].reports_to_text == "门店店长"  # kept as written
    assert posts["店长"].reports_to is None and posts["店长"].reports_to_text == "区域经理"
    result = import_documents([tmp_path])
    assert any(u.text == "区域经理" and "names no imported post" in u.why for u in result.unplaced)


def test_the_same_files_give_the_same_ids_and_one_title_in_two_departments_is_two_posts(tmp_path: Path) -> None:
    form(tmp_path / "a.docx", "主管", "营运部", "", ["负责营运"], [])
    form(tmp_path / "b.docx", "主管", "财务部", "", ["负责财务"], [])
    first = [(p.id, p.name, p.department) for p in import_documents([tmp_path]).posts]
    again = [(p.id, p.name, p.department) for p in import_documents([tmp_path]).posts]
    assert first == again == [("营运部-主管", "主管", "营运部"), ("财务部-主管", "主管", "财务部")]


def test_a_handbook_has_several_posts_under_headings_with_word_numbering(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("营运部岗位说明书", 0)
    d.add_heading("营运部", 1)
    d.add_heading("店长", 2)
    d.add_paragraph("直接上级：营运总监")
    d.add_paragraph("岗位职责：")
    d.add_paragraph("负责门店经营目标的制定与达成", style="List Number")
    d.add_paragraph("负责门店人员的招聘与培训", style="List Number")
    d.add_paragraph("任职要求：")
    d.add_paragraph("本科以上学历", style="List Number")
    d.add_heading("理货员", 2)
    d.add_paragraph("汇报对象：店长")
    d.add_paragraph("工作职责")
    d.add_paragraph("a) 负责商品上架与陈列")
    d.add_paragraph("b) 负责货架的清洁")
    d.save(tmp_path / "手册.docx")
    result = import_documents([tmp_path / "手册.docx"])
    posts = by_name(result)
    assert list(posts) == ["店长", "理货员"]
    assert texts(posts["店长"]) == ["负责门店经营目标的制定与达成", "负责门店人员的招聘与培训"]
    assert posts["店长"].qualifications == ["本科以上学历"]
    assert texts(posts["理货员"]) == ["负责商品上架与陈列", "负责货架的清洁"]
    assert posts["理货员"].reports_to == posts["店长"].id
    assert {p.department for p in result.posts} == {"营运部"}


def test_a_duty_table_with_one_duty_per_row_and_a_revision_table_ignored(tmp_path: Path) -> None:
    d = docx.Document()
    rev = d.add_table(rows=3, cols=3)
    for cell, text in zip(rev.rows[0].cells, ["修订记录", "", ""], strict=True):
        cell.text = text
    for cell, text in zip(rev.rows[1].cells, ["版本", "修订日期", "修订内容"], strict=True):
        cell.text = text
    for cell, text in zip(rev.rows[2].cells, ["V1.0", "2023-01-01", "新建岗位"], strict=True):
        cell.text = text
    t = d.add_table(rows=0, cols=4)
    r = t.add_row().cells
    r[0].text, r[1].text, r[2].text, r[3].text = "职位名称", "采购专员", "部门", "采购部"
    r = t.add_row().cells
    r[0].text, r[1].text, r[2].text, r[3].text = "序号", "职责描述", "考核标准", "权重"
    for n, (duty, std, w) in enumerate([("负责供应商开发与评估", "新增供应商数", "40%"),
                                        ("负责采购订单的跟踪", "到货及时率", "60%")], start=1):
        r = t.add_row().cells
        r[0].text, r[1].text, r[2].text, r[3].text = str(n), duty, std, w
    r = t.add_row().cells
    r[0].text = "岗位要求"
    r[1].merge(r[3]).text = "熟悉采购流程"
    d.save(tmp_path / "采购专员.docx")
    result = import_documents([tmp_path / "采购专员.docx"])
    [post] = result.posts
    assert (post.name, post.department) == ("采购专员", "采购部")
    assert texts(post) == ["负责供应商开发与评估", "负责采购订单的跟踪"]
    assert post.qualifications == ["熟悉采购流程"]
    assert not any("新建岗位" in u.text for u in result.unplaced)


def test_a_revision_table_without_a_title_row_is_ignored(tmp_path: Path) -> None:
    form(tmp_path / "店长.docx", "店长", "营运部", "", ["负责门店运营"], [])
    d = docx.Document(str(tmp_path / "店长.docx"))
    rev = d.add_table(rows=2, cols=3)
    for cell, text in zip(rev.rows[0].cells, ["版本", "修订日期", "修订人"], strict=True):
        cell.text = text
    for cell, text in zip(rev.rows[1].cells, ["V1.0", "2022-06-15", "人力资源部"], strict=True):
        cell.text = text
    d.save(tmp_path / "店长.docx")
    result = import_documents([tmp_path / "店长.docx"])
    assert [u.text for u in result.unplaced] == []


def test_a_label_merged_down_over_its_rows_takes_every_row(tmp_path: Path) -> None:
    d = docx.Document()
    t = d.add_table(rows=4, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "岗位名称", "仓管员"
    label = t.cell(1, 0).merge(t.cell(3, 0))
    label.text = "主要职责"
    t.cell(1, 1).text, t.cell(2, 1).text, t.cell(3, 1).text = "1.负责入库验收", "2.负责出库复核", "3.负责月度盘点"
    d.save(tmp_path / "仓管员.docx")
    [post] = import_documents([tmp_path / "仓管员.docx"]).posts
    assert texts(post) == ["负责入库验收", "负责出库复核", "负责月度盘点"]


# ---------------------------------------------------------------------------------------------- Excel, text, PDF


def test_a_duty_workbook_with_merged_department_and_post_cells(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["某超市岗位职责表"])
    ws.merge_cells("A1:E1")
    ws.append(["部门", "岗位", "序号", "职责描述", "考核标准"])
    rows = [("生鲜部", "生鲜主管", 1, "负责生鲜商品的订货", "缺货率"), (None, None, 2, "负责损耗控制", "损耗率"),
            (None, "生鲜理货员", 1, "负责生鲜商品的陈列", ""), (None, None, 2, "负责价签更换", "")]
    for row in rows:
        ws.append(list(row))
    ws.merge_cells("A3:A6")
    ws.merge_cells("B3:B4")
    ws.merge_cells("B5:B6")
    wb.save(tmp_path / "岗位职责表.xlsx")
    result = import_documents([tmp_path / "岗位职责表.xlsx"])
    posts = by_name(result)
    assert list(posts) == ["生鲜主管", "生鲜理货员"]
    assert texts(posts["生鲜主管"]) == ["负责生鲜商品的订货", "负责损耗控制"]
    assert texts(posts["生鲜理货员"]) == ["负责生鲜商品的陈列", "负责价签更换"]
    assert {p.department for p in result.posts} == {"生鲜部"}
    assert posts["生鲜主管"].duties[1].where.line == "Sheet!D4"
    design = read_design(tmp_path / "岗位职责表.xlsx")  # a free-form workbook is not the template
    assert [p.name for p in design.posts] == ["生鲜主管", "生鲜理货员"]


def test_text_and_markdown(tmp_path: Path) -> None:
    (tmp_path / "岗位.md").write_text(
        "# 客服部\n\n## 客服专员\n\n**所属部门**：客服部\n\n**岗位职责**：\n\n1. 负责接听客户来电，\n   解答咨询\n"
        "2. 处理客户投诉\n\n**任职资格**：\n\n- 普通话标准\n", encoding="utf-8")
    (tmp_path / "导购.txt").write_text("岗位名称：导购员\n部门：营运部\n主要职责：\n一、负责顾客接待\n二、负责商品介绍\n",
                                       encoding="gb18030")
    posts = by_name(import_documents([tmp_path]))
    assert texts(posts["客服专员"]) == ["负责接听客户来电，解答咨询", "处理客户投诉"]
    assert posts["客服专员"].qualifications == ["普通话标准"]
    assert texts(posts["导购员"]) == ["负责顾客接待", "负责商品介绍"]


def _pdf_page(lines: list[str], n: int, pages: int) -> list[tuple[float, float, str]]:
    return [(50, 800, "某公司岗位说明书汇编"), *((50, 760 - 20 * i, t) for i, t in enumerate(lines)),
            (280, 30, f"第 {n} 页 共 {pages} 页")]


def test_a_pdf_duty_that_runs_across_a_page_break_is_joined_and_headers_and_footers_dropped(tmp_path: Path) -> None:
    make_pdf(tmp_path / "收银员.pdf", [
        _pdf_page(["岗位名称：收银员", "所属部门：营运部", "岗位职责：",
                   "1. 负责商品收银工作，做好每日现金与票据的核对，确保账款一致并按规定时间将营业款", "交财务部门"], 1, 2),
        _pdf_page(["2. 维护收银台整洁。", "任职资格：", "1. 高中以上学历"], 2, 2)])
    result = import_documents([tmp_path / "收银员.pdf"])
    [post] = result.posts
    assert texts(post) == ["负责商品收银工作，做好每日现金与票据的核对，确保账款一致并按规定时间将营业款交财务部门", "维护收银台整洁。"]
    assert post.qualifications == ["高中以上学历"]
    assert post.duties[1].where.line == "page 2 line 2"
    assert not any("汇编" in u.text or "页" in u.text for u in result.unplaced)


@pytest.mark.parametrize(("line", "text"), [
    ("1. 负责收银", "负责收银"), ("1、负责收银", "负责收银"), ("（1）负责收银", "负责收银"), ("(2) 负责收银", "负责收银"),
    ("① 负责收银", "负责收银"), ("一、负责收银", "负责收银"), ("a) 负责收银", "负责收银"), ("第三条 负责收银", "负责收银"),
    ("• 负责收银", "负责收银"), ("- 负责收银", "负责收银"), ("1.2 负责收银", "负责收银"), ("10．负责收银", "负责收银"),
    ("2023年完成销售目标", "2023年完成销售目标"), ("1.5倍于去年", "1.5倍于去年"),
    ("5.1.1监管所有的采购决定", "监管所有的采购决定"), ("1.2万元以上", "1.2万元以上"),
    ("★ 负责收银", "负责收银"), ("➢负责收银", "负责收银"), ("▲ 负责收银", "负责收银"),
    ("1、3 年以上客服工作经验", "3 年以上客服工作经验"), ("2、25-45岁", "25-45岁"), ("1、2、3号仓库的盘点", "1、2、3号仓库的盘点"),
    ("1.1了解公司下达的销售任务", "了解公司下达的销售任务"), ("2.4听从店长安排", "听从店长安排"),
    ("3.5公斤以内的货物", "3.5公斤以内的货物"),
])
def test_numbering_of_every_common_kind_is_removed_and_numbers_in_the_text_are_kept(line: str, text: str) -> None:
    assert strip_number(line)[0] == text


# ---------------------------------------------------------------------------------------------- YAML


class _FakeMatcher:
    """Enough of the matcher for the YAML: one function per duty, the second one doubtful."""

    def __init__(self) -> None:
        self.kb = SimpleNamespace(functions={"F": SimpleNamespace(id="store-operations", zh="门店运营")}, label=lambda *_: "")

    def match_many(self, texts: list[str], posts: list[str]) -> list[Any]:
        fm = SimpleNamespace(function="F", score=0.9, role="lead")
        return [SimpleNamespace(functions=[fm], candidates=[], none="", to_review=i == 1, probability=0.4 if i == 1 else 0.9,
                                review_below=0.5, area=None) for i, _ in enumerate(texts)]


def test_the_yaml_reads_back_as_the_same_design_with_origins_and_proposals_as_comments(tmp_path: Path) -> None:
    form(tmp_path / "店长.docx", "店长", "营运部", "区域经理", ["1. 负责门店运营: 每日巡店 #1", "2. 负责排班"], ["大专"])
    form(tmp_path / "副店长.docx", "副店长", "营运部", "店长", ["协助店长"], [])
    result = import_documents([tmp_path])
    text = result.to_yaml(_FakeMatcher())  # type: ignore[arg-type]
    assert "# 店长.docx, table 1 row 3 cell 2 line 1" in text
    assert "# functions: [store-operations]" in text and "待复核 to review" in text
    assert "区域经理" in text.split("organisation:")[0]  # the unplaced superior, at the top
    out = tmp_path / "design.yaml"
    out.write_text(text, encoding="utf-8")
    design = read_design(out)
    assert [(p.id, p.name, p.department, p.reports_to) for p in design.posts] == [
        ("副店长", "副店长", "营运部", "店长"), ("店长", "店长", "营运部", None)]
    assert [d.text for d in design.posts[1].duties] == ["负责门店运营: 每日巡店 #1", "负责排班"]
    assert "大专" not in [d.text for p in design.posts for d in p.duties]
    # uncommenting the proposal pins the functions
    out.write_text(text.replace("# functions: [store-operations]", "functions: [store-operations]"), encoding="utf-8")
    assert read_design(out).posts[0].duties[0].functions == [("store-operations", "lead")]


def test_read_design_imports_documents_and_folders_of_them_in_memory(tmp_path: Path) -> None:
    form(tmp_path / "docs" / "店长.docx" if (tmp_path / "docs").mkdir() is None else tmp_path, "店长", "营运部", "", ["负责门店运营"], [])
    design = read_design(tmp_path / "docs")
    assert [p.name for p in design.posts] == ["店长"]
    assert design.posts[0].duties[0].where.file.endswith("店长.docx")
    assert [p.name for p in read_design(tmp_path / "docs" / "店长.docx").posts] == ["店长"]


# ---------------------------------------------------------------------------------------------- bad input


def _fails(path: Path, match: str) -> None:
    with pytest.raises(InputError, match=match) as e:
        import_documents([path])
    assert e.value.file is not None and Path(e.value.file).name == path.name


def test_a_file_that_is_not_a_word_document_or_pdf_is_told_in_the_user_s_terms_not_by_an_exception_class(
        tmp_path: Path) -> None:
    other = tmp_path / "其实是压缩包.docx"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("photo.txt", "not word")
    broken = tmp_path / "坏了.docx"
    broken.write_bytes(b"PK\x03\x04 cut off here")
    renamed = tmp_path / "改名.pdf"
    renamed.write_bytes(b"%PDF-1.4 but nothing else of a PDF")
    for path, why in ((other, "a zip of something else"), (broken, "not a zip archive"), (renamed, "does not parse")):
        with pytest.raises(InputError) as e:
            import_documents([path])
        assert why in e.value.message, e.value.message
        assert "Error" not in e.value.message and "Exception" not in e.value.message, e.value.message
        assert "save it as .docx" in e.value.message or "to PDF again" in e.value.message


def test_bad_documents_are_one_line_naming_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    enc = tmp_path / "加密.docx"
    enc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 100)
    _fails(enc, "password-protected")
    other = tmp_path / "其实是压缩包.docx"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("photo.txt", "not word")
    _fails(other, "not a Word document")
    empty = tmp_path / "空白.docx"
    docx.Document().save(empty)
    _fails(empty, "empty document")
    nopost = tmp_path / "通知.docx"
    d = docx.Document()
    d.add_paragraph("各部门：请于周五前提交月度报表。")
    d.save(nopost)
    _fails(nopost, "no post recognised")
    make_pdf(tmp_path / "扫描件.pdf", [[]])
    _fails(tmp_path / "扫描件.pdf", "no text layer; this file needs OCR first")
    make_pdf(tmp_path / "加密.pdf", [[(50, 800, "岗位名称：收银员")]], encrypt=True)
    _fails(tmp_path / "加密.pdf", "password-protected PDF")
    (tmp_path / "零字节.txt").write_bytes(b"")
    _fails(tmp_path / "零字节.txt", "empty file")
    monkeypatch.setattr("shutil.which", lambda _name: None)
    (tmp_path / "旧版.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    _fails(tmp_path / "旧版.doc", r"install LibreOffice .*save it as \.docx")


def test_two_files_that_define_the_same_post_differently_are_refused_and_the_same_post_twice_is_read_once(tmp_path: Path) -> None:
    form(tmp_path / "a.docx", "店长", "营运部", "", ["负责门店运营"], [])
    form(tmp_path / "b.docx", "店长", "营运部", "", ["负责门店运营"], [])
    assert len(import_documents([tmp_path]).posts) == 1
    form(tmp_path / "c.docx", "店长", "营运部", "", ["负责门店运营", "负责排班"], [])
    with pytest.raises(InputError, match="post '店长' is defined differently") as e:
        import_documents([tmp_path])
    assert e.value.file is not None and e.value.file.endswith("c.docx")


def test_in_a_folder_unreadable_files_are_listed_and_skipped_only_when_asked(tmp_path: Path) -> None:
    form(tmp_path / "店长.docx", "店长", "营运部", "", ["负责门店运营"], [])
    make_pdf(tmp_path / "扫描件.pdf", [[]])
    with pytest.raises(InputError, match="OCR"):
        import_documents([tmp_path])
    result = import_documents([tmp_path], skip_unreadable=True)
    assert [p.name for p in result.posts] == ["店长"]
    assert [Path(e.file or "").name for e in result.unreadable] == ["扫描件.pdf"]


@pytest.mark.skipif(not JOBDOCS.is_dir(), reason="tests/data/jobdocs/ not there yet")
def test_the_jobdocs_fixtures_import() -> None:
    files = sorted(p for p in JOBDOCS.iterdir() if p.is_file() and is_document(p) and p.name != "README.md")  # bad/ holds the bad ones
    for f in files:  # one by one: how well each is read is bench/importing's to measure
        assert all(p.name and p.id for p in import_documents([f]).posts)
    for bad in sorted((JOBDOCS / "bad").glob("*.*")):
        with pytest.raises(InputError):
            import_documents([bad])


# ---------------------------------------------------------------------------------------------- CLI


def test_org_import_writes_the_yaml_and_one_summary_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from retailkg.cli import cli

    form(tmp_path / "店长.docx", "店长", "营运部", "区域经理", ["负责门店运营"], [])
    out = tmp_path / "design.yaml"
    result = CliRunner().invoke(cli, ["org", "import", str(tmp_path), "--no-match", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().splitlines()[-1] == f"1 posts, 1 duties, 1 unplaced; written to {out}"
    assert [p.name for p in read_design(out).posts] == ["店长"]


def test_org_import_refuses_to_write_onto_an_input_and_lists_unreadable_files(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from retailkg.cli import cli

    doc = form(tmp_path / "店长.docx", "店长", "营运部", "", ["负责门店运营"], [])
    before = doc.read_bytes()
    result = CliRunner().invoke(cli, ["org", "import", str(doc), "--no-match", "-o", str(doc)])
    assert result.exit_code == 2 and "-o would overwrite" in result.stderr and doc.read_bytes() == before
    make_pdf(tmp_path / "扫描件.pdf", [[]])
    out = tmp_path / "design.yaml"
    result = CliRunner().invoke(cli, ["org", "import", str(tmp_path), "--no-match", "-o", str(out)])
    assert result.exit_code == 2 and "扫描件.pdf: no text layer; this file needs OCR first" in result.stderr
    assert not out.exists()
    result = CliRunner().invoke(cli, ["org", "import", str(tmp_path), "--no-match", "--skip-unreadable", "-o", str(out)])
    assert result.exit_code == 0 and "skipped" in result.stderr and out.exists()


def test_validate_reads_a_folder_of_job_descriptions(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from retailkg.cli import cli

    form(tmp_path / "店长.docx", "店长", "营运部", "", ["负责门店日常运营管理", "负责门店员工培训"], [])
    form(tmp_path / "副店长.docx", "副店长", "营运部", "店长", ["负责门店日常运营管理"], [])
    result = CliRunner().invoke(cli, ["validate", str(tmp_path), "--format", "json", "-q"])
    assert result.exit_code in (0, 1), result.output
    assert "店长" in result.stdout
    # what could not be placed is not dropped silently: the summary line of org import, on stderr
    assert "2 posts, 3 duties, 0 unplaced (imported in memory" in result.stderr
    result = CliRunner().invoke(cli, ["org", "rdf", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "2 posts, 3 duties, 0 unplaced (imported in memory" in result.stderr


# ---------------------------------------------------------------------------------------------- layouts (issue 20, round 2)


def test_a_handbook_title_naming_no_post_and_assessment_lines_after_the_duties_are_not_duties(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("门店员工岗位职责")  # the document's title, not a post
    d.add_paragraph("本手册自发布之日起执行。")
    for n, (name, duties) in enumerate([("店长", ["负责门店运营。", "负责人员排班。"]), ("理货员", ["负责商品上架。"])]):
        d.add_heading(f"{'一二'[n]}、{name}", 1)
        d.add_paragraph("岗位职责：")
        d.add_paragraph("1.负责门店")  # a duty split in two paragraphs (a page break between them)
        d.add_paragraph("整体经营。")
        for k, duty in enumerate(duties, start=2):
            d.add_paragraph(f"{k}.{duty}")
        d.add_paragraph("考核：按公司的考核办法")
        d.add_paragraph("考核：")
        d.add_paragraph("1. 销售达成率考核")
    d.save(tmp_path / "手册.docx")
    result = import_documents([tmp_path / "手册.docx"])
    posts = by_name(result)
    assert list(posts) == ["店长", "理货员"]
    assert texts(posts["店长"]) == ["负责门店整体经营。", "负责门店运营。", "负责人员排班。"]
    assert texts(posts["理货员"]) == ["负责门店整体经营。", "负责商品上架。"]
    unplaced = [u.text for u in result.unplaced]
    assert "本手册自发布之日起执行。" in unplaced and "1. 销售达成率考核" in unplaced


def test_a_department_title_sets_the_department_and_word_numbering_restarting_per_post(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("采购部岗位职责")
    d.add_paragraph("本手册列出采购部主要岗位的工作职责。")
    for n, (name, duties) in enumerate([("采购经理", ["负责采购计划", "负责供应商谈判"]), ("采购助理", ["负责单据整理"])]):
        d.add_heading(f"{'一二'[n]}、{name}", 1)
        d.add_paragraph("工作职责：")
        for duty in duties:
            d.add_paragraph(duty, style="List Number")
    d.save(tmp_path / "采购部.docx")
    result = import_documents([tmp_path / "采购部.docx"])
    posts = by_name(result)
    assert list(posts) == ["采购经理", "采购助理"]
    assert texts(posts["采购经理"]) == ["负责采购计划", "负责供应商谈判"]
    assert {p.department for p in result.posts} == {"采购部"}


def test_merged_section_rows_of_a_duty_table_are_not_duties(tmp_path: Path) -> None:
    d = docx.Document()
    t = d.add_table(rows=0, cols=4)
    r = t.add_row().cells
    r[0].text, r[1].text, r[2].text, r[3].text = "岗位名称", "店长", "所属部门", "营运部"
    r = t.add_row().cells
    r[0].text, r[1].text, r[2].text, r[3].text = "序号", "职责描述", "考核标准", "权重"
    rows = [("一、门店运营", None), ("1", "负责门店运营;"), ("二、人员管理", None), ("2", "负责员工培训;")]
    for first, duty in rows:
        r = t.add_row().cells
        if duty is None:
            r[0].merge(r[3]).text = first
        else:
            r[0].text, r[1].text, r[2].text, r[3].text = first, duty, "检查", "10%"
    d.save(tmp_path / "店长.docx")
    [post] = import_documents([tmp_path / "店长.docx"]).posts
    assert texts(post) == ["负责门店运营;", "负责员工培训;"]


@pytest.mark.parametrize(("cell", "duties"), [
    ("①负责防损工作。②负责巡查。③完成交办的其它工作。", ["负责防损工作。", "负责巡查。", "完成交办的其它工作。"]),
    ("（1）负责收银；（2）负责对账；（3）保管备用金", ["负责收银；", "负责对账；", "保管备用金"]),
    ("1. 负责收银； 2. 负责对账； 3. 完成1.5倍目标", ["负责收银；", "负责对账；", "完成1.5倍目标"]),
    ("1、负责收银。2、负责对账。", ["负责收银。", "负责对账。"]),
])
def test_duties_numbered_inline_in_one_paragraph_are_split(tmp_path: Path, cell: str, duties: list[str]) -> None:
    form(tmp_path / "防损员.docx", "防损员", "防损部", "店长", [cell], ["①高中以上学历。②身体健康。"])
    [post] = import_documents([tmp_path / "防损员.docx"]).posts
    assert texts(post) == duties
    assert post.qualifications == ["高中以上学历。", "身体健康。"]


def test_a_circled_or_bracketed_number_inside_a_sentence_does_not_split_it(tmp_path: Path) -> None:
    form(tmp_path / "防损员.docx", "防损员", "防损部", "店长", ["1. 按附件②执行（2）号文件。", "2. 负责巡查。"], [])
    [post] = import_documents([tmp_path / "防损员.docx"]).posts
    assert texts(post) == ["按附件②执行（2）号文件。", "负责巡查。"]


def test_labels_in_traditional_script_are_recognised_and_the_text_kept_verbatim(tmp_path: Path) -> None:
    d = docx.Document()
    t = d.add_table(rows=0, cols=2)
    for label, value in [("職務名稱", "網銷部經理"), ("所屬部門", "網銷部"), ("直接上級", "總經理"),
                         ("職務說明", "1.負責網店運營。\n2.負責團隊管理。"), ("任職資格", "1.大專以上學歷。")]:
        r = t.add_row().cells
        r[0].text, r[1].text = label, value
    d.save(tmp_path / "網銷部經理.docx")
    [post] = import_documents([tmp_path / "網銷部經理.docx"]).posts
    assert (post.name, post.department, post.reports_to_text) == ("網銷部經理", "網銷部", "總經理")
    assert texts(post) == ["負責網店運營。", "負責團隊管理。"]
    assert post.qualifications == ["大專以上學歷。"]


def test_a_pdf_handbook_finds_posts_under_numbered_headings_without_styles(tmp_path: Path) -> None:
    lines = ["门店员工岗位职责", "本手册自发布之日起执行。",
             "一、店长", "岗位职责：", "1.负责门店运营。", "2.负责人员排班。", "考核：按公司的考核办法",
             "二、收银员", "岗位职责：", "1.负责收银。", "2.负责对账。",
             "三、理货员", "1.负责商品上架。"]
    make_pdf(tmp_path / "手册.pdf", [[(50, 800 - 20 * i, t) for i, t in enumerate(lines)]])
    result = import_documents([tmp_path / "手册.pdf"])
    posts = by_name(result)
    assert list(posts) == ["店长", "收银员", "理货员"]
    assert texts(posts["店长"]) == ["负责门店运营。", "负责人员排班。"]
    assert texts(posts["收银员"]) == ["负责收银。", "负责对账。"]
    assert texts(posts["理货员"]) == ["负责商品上架。"]


def test_a_pdf_heading_is_found_by_its_larger_font(tmp_path: Path) -> None:
    path = tmp_path / "手册.pdf"
    make_pdf(path, [[(50, 790, "店长"), (50, 770, "1.负责门店运营。"), (50, 750, "2.负责人员排班。"),
                     (50, 720, "收银员"), (50, 700, "1.负责收银。")]])
    raw = path.read_bytes()  # the two headings in 18 pt, the body in 12 pt (the same length in the content stream)
    raw = raw.replace(b"/F1 12 Tf 50 790 Td", b"/F1 18 Tf 50 790 Td").replace(b"/F1 12 Tf 50 720 Td", b"/F1 18 Tf 50 720 Td")
    path.write_bytes(raw)
    posts = by_name(import_documents([path]))
    assert list(posts) == ["店长", "收银员"]
    assert texts(posts["店长"]) == ["负责门店运营。", "负责人员排班。"] and texts(posts["收银员"]) == ["负责收银。"]


# ---------------------------------------------------------------------------------------------- layouts (issue 20, round 3: general causes)


def _info_form(d: Any, rows: list[tuple[str, str, str, str]]) -> None:
    t = d.add_table(rows=0, cols=4)
    for a, b, c, e in rows:
        r = t.add_row().cells
        r[0].text, r[1].text, r[2].text, r[3].text = a, b, c, e


@pytest.mark.parametrize("duty_header", ["工作内容", "工作任务", "具体内容", "主要工作", "职责内容"])
@pytest.mark.parametrize("module_header", ["职责模块", "工作模块"])
def test_a_duty_table_with_a_merged_module_column_under_a_basic_information_form(
        tmp_path: Path, duty_header: str, module_header: str) -> None:
    d = docx.Document()
    d.add_paragraph("一、基本信息")
    _info_form(d, [("岗位名称", "收货主管", "所属部门", "收货部"), ("直接上级", "店长", "编制人数", "1")])
    d.add_paragraph("二、岗位职责")
    t = d.add_table(rows=5, cols=4)
    for cell, text in zip(t.rows[0].cells, ["序号", module_header, duty_header, "考核标准"], strict=True):
        cell.text = text
    for k, (duty, std) in enumerate([("负责供应商到货的验收；", "验收差错率"), ("负责收货单据的录入。", "单据及时率"),
                                     ("负责收货区的安全与卫生。", "检查结果"), ("完成上级交办的其他工作。", "")], start=1):
        t.cell(k, 0).text, t.cell(k, 2).text, t.cell(k, 3).text = str(k), duty, std
    t.cell(1, 1).merge(t.cell(2, 1)).text = "收货管理"  # the module, merged down over its duties
    t.cell(3, 1).merge(t.cell(4, 1)).text = "现场管理"
    d.save(tmp_path / "收货主管.docx")
    result = import_documents([tmp_path / "收货主管.docx"])
    [post] = result.posts
    assert (post.name, post.department, post.reports_to_text) == ("收货主管", "收货部", "店长")
    assert texts(post) == ["负责供应商到货的验收；", "负责收货单据的录入。", "负责收货区的安全与卫生。", "完成上级交办的其他工作。"]
    everything = [*texts(post), *post.qualifications, *(u.text for u in result.unplaced)]
    assert not any("收货管理" in t or "现场管理" in t for t in everything[:4])
    assert not any("负责" in u.text for u in result.unplaced)


@pytest.mark.parametrize("title_style", ["Title", "Normal"])
@pytest.mark.parametrize("superior_first", [True, False])
def test_the_label_cell_names_the_post_and_a_title_naming_a_department_gives_it(
        tmp_path: Path, title_style: str, superior_first: bool) -> None:
    d = docx.Document()
    d.add_paragraph("收货部 · 收货主管", style=title_style)
    rows = [("直接上级", "收货经理", "编制人数", "2"), ("职位名称", "收货主管", "岗位编号", "SH-01")]
    _info_form(d, rows if superior_first else rows[::-1])
    t = d.tables[0]
    r = t.add_row().cells
    r[0].text = "岗位职责"
    r[1].merge(r[3]).text = "1. 负责到货验收；\n2. 负责单据录入。"
    d.save(tmp_path / "收货主管.docx")
    [post] = import_documents([tmp_path / "收货主管.docx"]).posts
    assert (post.name, post.department, post.reports_to_text, post.headcount) == ("收货主管", "收货部", "收货经理", 2)
    assert texts(post) == ["负责到货验收；", "负责单据录入。"]


def test_a_company_title_and_labels_across_the_top_with_their_values_in_the_row_below(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("某某商贸有限公司岗位说明书", style="Title")
    t = d.add_table(rows=4, cols=3)
    for cell, text in zip(t.rows[0].cells, ["职位名称", "所属部门", "直接上级"], strict=True):
        cell.text = text
    for cell, text in zip(t.rows[1].cells, ["理货员", "营运部", "理货主管"], strict=True):
        cell.text = text
    t.cell(2, 0).merge(t.cell(2, 2)).text = "工作职责"
    t.cell(3, 0).merge(t.cell(3, 2)).text = "1. 负责商品上架；\n2. 负责货架清洁。"
    d.save(tmp_path / "理货员.docx")
    result = import_documents([tmp_path / "理货员.docx"])
    [post] = result.posts
    assert (post.name, post.department, post.reports_to_text) == ("理货员", "营运部", "理货主管")
    assert texts(post) == ["负责商品上架；", "负责货架清洁。"]
    assert [u.text for u in result.unplaced if u.text in ("理货员", "营运部")] == []


_GROUPED = ["一、店铺运营管理", "1. 负责店铺日常运营；", "2. 负责商品陈列。", "二、人员管理", "1. 负责员工排班；", "2. 负责新员工培训。"]


@pytest.mark.parametrize("layout", ["cell", "paragraphs"])
def test_group_lines_among_the_duties_are_headings_not_duties(tmp_path: Path, layout: str) -> None:
    path = tmp_path / "店长.docx"
    if layout == "cell":
        form(path, "店长", "营运部", "区域经理", _GROUPED, ["大专以上学历"])
    else:
        d = docx.Document()
        for line in ["岗位名称：店长", "所属部门：营运部", "岗位职责：", *_GROUPED, "任职资格：", "大专以上学历"]:
            d.add_paragraph(line)
        d.save(path)
    result = import_documents([path])
    [post] = result.posts
    assert texts(post) == ["负责店铺日常运营；", "负责商品陈列。", "负责员工排班；", "负责新员工培训。"]
    assert post.qualifications == ["大专以上学历"]
    assert {"一、店铺运营管理", "二、人员管理"} <= {u.text for u in result.unplaced}


def test_a_department_stated_once_at_the_top_of_a_handbook_is_every_post_s_unless_it_states_its_own(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("门店岗位说明书", 0)
    d.add_paragraph("部门：营运部")
    for name, own in [("店长", None), ("收银员", "前台部"), ("理货员", None)]:
        d.add_heading(name, 1)
        if own:
            d.add_paragraph(f"所属部门：{own}")
        d.add_paragraph("岗位职责：")
        d.add_paragraph(f"1. 负责{name}的工作。")
    d.save(tmp_path / "手册.docx")
    result = import_documents([tmp_path / "手册.docx"])
    assert [(p.name, p.department) for p in result.posts] == [("店长", "营运部"), ("收银员", "前台部"), ("理货员", "营运部")]


def test_closing_lines_after_a_blank_line_are_not_glued_to_the_last_item(tmp_path: Path) -> None:
    d = docx.Document()
    for line in ["岗位名称：店长", "岗位职责：", "1. 负责门店运营。", "2. 负责人员排班", "", "本说明书由人力资源部负责解释",
                 "任职资格：", "1. 大专以上学历", "2. Good at Excel and", "", "word processing", "",
                 "发展方向：区域经理"]:
        d.add_paragraph(line)
    d.save(tmp_path / "店长.docx")
    form(tmp_path / "收银员.docx", "收银员", "营运部", "店长", ["1. 负责收银；", "2. 负责对账，", "", "并保管备用金", "",
                                                          "以上职责须严格执行"], [])
    result = import_documents([tmp_path])
    posts = by_name(result)
    assert texts(posts["店长"]) == ["负责门店运营。", "负责人员排班"]
    assert posts["店长"].qualifications == ["大专以上学历", "Good at Excel and word processing"]
    assert texts(posts["收银员"]) == ["负责收银；", "负责对账，并保管备用金"]
    unplaced = {u.text for u in result.unplaced}
    assert {"本说明书由人力资源部负责解释", "区域经理", "以上职责须严格执行"} <= unplaced  # 区域经理: under 发展方向


def test_a_number_directly_followed_by_a_digit_is_numbering(tmp_path: Path) -> None:
    form(tmp_path / "导购员.docx", "导购员", "营运部", "店长", ["1. 负责顾客接待"], ["1)25—45岁；", "2)3年以上导购经验", "3）高中以上学历"])
    [post] = import_documents([tmp_path / "导购员.docx"]).posts
    assert post.qualifications == ["25—45岁；", "3年以上导购经验", "高中以上学历"]
    assert strip_number("1)25—45岁")[0] == "25—45岁"
    assert strip_number("1.5倍于去年")[0] == "1.5倍于去年"
    form(tmp_path / "收银员.docx", "收银员", "营运部", "店长", ["1. 负责收银"], ["1)18—35岁；2)1年以上收银经验"])
    [post] = import_documents([tmp_path / "收银员.docx"]).posts
    assert post.qualifications == ["18—35岁；", "1年以上收银经验"]


def test_a_workbook_with_a_stray_cell_far_away_is_read_at_once(tmp_path: Path) -> None:
    """One stray value at XFD1048576 must not make a sheet of a billion cells (issue 17)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["部门", "岗位", "序号", "职责"])
    ws.append(["营运部", "店长", 1, "负责门店日常营运管理"])
    ws.append([None, None, 2, "负责门店销售目标的分解与达成"])
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:B3")
    ws["XFD1048576"] = "x"
    path = tmp_path / "stray.xlsx"
    wb.save(path)
    result = import_documents([path])
    (post,) = result.posts
    assert post.name == "店长" and [d.text for d in post.duties] == ["负责门店日常营运管理", "负责门店销售目标的分解与达成"]


# ---------------------------------------------------------------------------------------------- held-out causes (issue 20)


def test_several_labels_in_one_paragraph_or_cell_separated_by_wide_spaces_are_split(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("专卖店店长\u3000\u3000所属部门:\u3000\u3000直接上级:\u3000\u3000编制:每店1人")
    d.add_paragraph("岗位职责：")
    d.add_paragraph("1. 负责专卖店的日常运营；")
    d.add_paragraph("2. 负责店员的排班与培训。")
    d.save(tmp_path / "a.docx")
    [post] = import_documents([tmp_path / "a.docx"]).posts
    assert (post.name, post.department, post.reports_to_text) == ("专卖店店长", None, None)
    assert texts(post) == ["负责专卖店的日常运营；", "负责店员的排班与培训。"]
    d = docx.Document()
    t = d.add_table(rows=2, cols=1)
    t.cell(0, 0).text = "岗位名称:店长\u3000所属部门:营运部    直接上级:\t区域经理"
    t.cell(1, 0).text = "岗位职责：\n1. 负责门店运营；\n2. 负责门店安全。"
    d.save(tmp_path / "b.docx")
    [post] = import_documents([tmp_path / "b.docx"]).posts
    assert (post.name, post.department, post.reports_to_text) == ("店长", "营运部", "区域经理")
    assert texts(post) == ["负责门店运营；", "负责门店安全。"]


def test_a_merged_work_content_column_is_the_group_and_the_description_column_the_duties(tmp_path: Path) -> None:
    d = docx.Document()
    _info_form(d, [("岗位名称", "店长", "所属部门", "营运部")])
    t = d.add_table(rows=5, cols=4)
    for cell, text in zip(t.rows[0].cells, ["序号", "工作内容", "职责描述", "考核标准"], strict=True):
        cell.text = text
    duties = ["负责店铺每日开店与闭店的检查；", "负责店铺卫生与安全的管理。", "负责货品的盘点与订货；", "负责滞销货品的调拨。"]
    for k, duty in enumerate(duties, start=1):
        t.cell(k, 0).text, t.cell(k, 2).text, t.cell(k, 3).text = str(k), duty, "达标"
    t.cell(1, 1).merge(t.cell(2, 1)).text = "店铺运作"
    t.cell(3, 1).merge(t.cell(4, 1)).text = "货品管理"
    d.save(tmp_path / "店长.docx")
    result = import_documents([tmp_path / "店长.docx"])
    [post] = result.posts
    assert texts(post) == duties
    assert {"店铺运作", "货品管理"} <= {u.text for u in result.unplaced}


@pytest.mark.parametrize("before", ["cover", "table"])
def test_a_department_stated_once_after_a_title_line_or_a_table_is_every_post_s(tmp_path: Path, before: str) -> None:
    d = docx.Document()
    d.add_paragraph("金沙百货门店员工手册", style="Title")
    if before == "table":
        _info_form(d, [("版本", "修订日期", "修订内容", "修订人"), ("V1.0", "2020-01-01", "初版", "张三")])
    d.add_paragraph("部门：营运部")
    for k, (name, own) in enumerate([("店长", None), ("收银员", "前台部"), ("理货员", None)]):
        d.add_paragraph(f"{'一二三'[k]}、{name}")
        if own:
            d.add_paragraph(f"所属部门：{own}")
        d.add_paragraph("岗位职责：")
        d.add_paragraph(f"1. 负责{name}的工作。")
    d.save(tmp_path / "手册.docx")
    result = import_documents([tmp_path / "手册.docx"])
    assert [(p.name, p.department) for p in result.posts] == [("店长", "营运部"), ("收银员", "前台部"), ("理货员", "营运部")]


@pytest.mark.parametrize("title", ["金沙百货-门店 导购岗位说明", "XX公司 导购岗位职责", "某某商贸有限公司导购岗位说明书"])
def test_the_company_or_store_in_a_title_is_no_department(tmp_path: Path, title: str) -> None:
    (tmp_path / "导购.txt").write_text(f"{title}\n岗位职责：\n1. 负责顾客接待；\n2. 负责商品介绍。\n", encoding="utf-8")
    (tmp_path / "导购.md").write_text(f"# {title}\n\n岗位职责：\n\n1. 负责顾客接待；\n2. 负责商品介绍。\n", encoding="utf-8")
    for path in (tmp_path / "导购.txt", tmp_path / "导购.md"):
        [post] = import_documents([path]).posts
        assert (post.name, post.department) == ("导购", None), path
        assert texts(post) == ["负责顾客接待；", "负责商品介绍。"]


def test_a_superior_naming_no_imported_post_is_not_linked_to_a_loosely_similar_one(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["部门", "岗位", "直接上级", "职责"])
    rows = [("营运部", "运营总监", "总经理", "负责全公司门店的运营管理"), (None, None, None, "负责营运制度的制定"),
            (None, "店经理", "地区营运总监", "负责门店的日常管理"), (None, None, None, "负责门店业绩的达成"),
            (None, "店员", "店经理", "负责顾客接待"), (None, "副店经理", "门店店经理", "协助店经理管理门店")]
    for row in rows:
        ws.append(list(row))
    ws.merge_cells("A2:A7")
    for a, b in (("B2", "B3"), ("C2", "C3"), ("B4", "B5"), ("C4", "C5")):
        ws.merge_cells(f"{a}:{b}")
    wb.save(tmp_path / "职责表.xlsx")
    result = import_documents([tmp_path / "职责表.xlsx"])
    posts = by_name(result)
    assert list(posts) == ["运营总监", "店经理", "店员", "副店经理"]
    assert posts["运营总监"].reports_to is None and posts["运营总监"].reports_to_text == "总经理"
    assert posts["店经理"].reports_to is None and posts["店经理"].reports_to_text == "地区营运总监"
    assert posts["店员"].reports_to == posts["店经理"].id
    assert posts["副店经理"].reports_to == posts["店经理"].id  # 门店店经理 contains 店经理: the closest unique title
    unplaced = {u.text for u in result.unplaced if "names no imported post" in u.why}
    assert {"总经理", "地区营运总监"} <= unplaced


def test_a_markdown_section_heading_under_a_post_named_in_a_table_opens_its_duties(tmp_path: Path) -> None:
    (tmp_path / "拣货员.md").write_text(
        "# 拣货员 岗位说明\n\n| 项目 | 内容 |\n| --- | --- |\n| 岗位名称 | 拣货员 |\n| 工作时间 | 两班倒 |\n\n"
        "## 工作职责\n\n1. 按拣货单拣选商品\n2. 复核拣货数量\n\n## 任职要求\n\n- 能适应夜班\n\n---\n有事请找仓库主管。\n",
        encoding="utf-8")
    result = import_documents([tmp_path / "拣货员.md"])
    [post] = result.posts
    assert post.name == "拣货员"
    assert texts(post) == ["按拣货单拣选商品", "复核拣货数量"]
    assert post.qualifications == ["能适应夜班"]
    assert "有事请找仓库主管。" in {u.text for u in result.unplaced}


def test_a_handbook_s_company_heading_chapters_and_appendix_name_no_post(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("万家福百货", 1)
    d.add_paragraph("岗位职责汇编")
    d.add_paragraph("第一章 管理岗位")
    d.add_heading("一、店长", 2)
    d.add_paragraph("岗位职责：")
    d.add_paragraph("负责全店经营。", style="List Bullet")
    d.add_paragraph("负责人员排班。", style="List Bullet")
    d.add_paragraph("第二章 营运部")
    d.add_heading("二、收银员", 2)
    d.add_paragraph("岗位职责：")
    d.add_paragraph("负责收银结算。", style="List Bullet")
    d.add_heading("附：员工通用要求", 2)
    d.add_paragraph("遵守考勤制度。", style="List Bullet")
    d.save(tmp_path / "手册.docx")
    result = import_documents([tmp_path / "手册.docx"])
    assert [(p.name, texts(p)) for p in result.posts] == [("店长", ["负责全店经营。", "负责人员排班。"]),
                                                          ("收银员", ["负责收银结算。"])]
    assert by_name(result)["收银员"].department == "营运部"  # a chapter naming a department gives it
    unplaced = {u.text for u in result.unplaced}
    assert {"万家福百货", "第一章 管理岗位", "附：员工通用要求", "遵守考勤制度。"} <= unplaced


def test_group_titles_by_their_own_word_and_number_inside_a_duty_cell_are_not_duties(tmp_path: Path) -> None:
    form(tmp_path / "主管.docx", "客服主管", "客服部", "客服经理",
         ["职责一：团队管理", "（1）负责客服排班；", "（2）负责客服考核；", "职责二：服务质量", "（3）负责抽检聊天记录。"], [])
    result = import_documents([tmp_path / "主管.docx"])
    [post] = result.posts
    assert texts(post) == ["负责客服排班；", "负责客服考核；", "负责抽检聊天记录。"]
    assert {"职责一：团队管理", "职责二：服务质量"} <= {u.text for u in result.unplaced}


def test_a_post_table_with_a_bracketed_header_a_maker_line_and_a_total_row(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["某商场 岗位设置表"])
    ws.merge_cells("A1:D1")
    ws.append(["制表：行政部  2024年5月"])
    ws.merge_cells("A2:D2")
    ws.append(["部门", "岗位（职务）", "直接上级", "主要职责"])
    ws.append(["行政部", "行政经理", "总经理", "负责行政事务"])
    ws.append(["行政部", "前台文员", "行政经理", "负责来访接待"])
    ws.append(["部门合计", "部门合计", "2", None])
    ws.merge_cells("A6:B6")
    wb.save(tmp_path / "岗位设置表.xlsx")
    result = import_documents([tmp_path / "岗位设置表.xlsx"])
    assert [(p.name, p.department, texts(p)) for p in result.posts] == [
        ("行政经理", "行政部", ["负责行政事务"]), ("前台文员", "行政部", ["负责来访接待"])]
    assert by_name(result)["前台文员"].reports_to == by_name(result)["行政经理"].id
    assert any("合计" in u.text for u in result.unplaced)


def test_labels_one_space_apart_as_a_pdf_text_layer_keeps_them_and_an_unknown_label_beside_them(tmp_path: Path) -> None:
    (tmp_path / "主任.txt").write_text(
        "岗位名称:防损主任 所属部门:防损课\n部门:安保部　维护人:人力资源部\n岗位职责:\n1、负责卖场巡查。\n2、负责收货稽核。\n",
        encoding="utf-8")
    [post] = import_documents([tmp_path / "主任.txt"]).posts
    assert (post.name, post.department) == ("防损主任", "安保部")
    assert texts(post) == ["负责卖场巡查。", "负责收货稽核。"]


def test_headings_of_parts_of_one_post_s_document_are_no_posts_and_their_numbered_items_its_duties(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("岗位名称：会员主管")
    d.add_heading("一、部门职能", 1)
    d.add_paragraph("会员部负责会员制度的制定和管理")
    d.add_heading("二、会员管理", 1)
    d.add_paragraph("（一）负责会员资料维护。")
    d.add_paragraph("（二）负责积分兑换。")
    d.add_heading("三、活动管理", 1)
    d.add_paragraph("（一）负责会员活动策划。")
    d.add_heading("四、任职资格", 1)
    d.add_paragraph("详见《会员部任职资格标准》。")
    d.add_paragraph("大专以上学历")
    d.save(tmp_path / "会员主管.docx")
    result = import_documents([tmp_path / "会员主管.docx"])
    [post] = result.posts
    assert post.name == "会员主管"
    assert texts(post) == ["负责会员资料维护。", "负责积分兑换。", "负责会员活动策划。"]
    assert post.qualifications == ["大专以上学历"]
    assert {"部门职能", "会员部负责会员制度的制定和管理", "详见《会员部任职资格标准》。"} <= {u.text for u in result.unplaced}


def test_a_title_naming_the_labelled_post_opens_its_duties_and_the_next_part_of_the_document_ends_them(tmp_path: Path) -> None:
    (tmp_path / "仓管.txt").write_text(
        "仓管员岗位职责及作业规定\n岗位名称：仓管员\n\n一、仓管员岗位职责\n1, 负责入库验收。\n2. 负责库存盘点。\n"
        "二、商品入库规定\n1、入库单交财务记账。\n", encoding="gb18030")
    result = import_documents([tmp_path / "仓管.txt"])
    [post] = result.posts
    assert texts(post) == ["负责入库验收。", "负责库存盘点。"]
    assert {"二、商品入库规定", "1、入库单交财务记账。"} <= {u.text for u in result.unplaced}


def test_duties_run_on_by_semicolons_in_one_cell_are_its_items(tmp_path: Path) -> None:
    form(tmp_path / "地区经理.docx", "地区经理", "营运部", "大区经理",
         ["对地区销售目标负责;对资金回笼负责;负责新店开拓;负责货品调配;"], [])
    [post] = import_documents([tmp_path / "地区经理.docx"]).posts
    assert texts(post) == ["对地区销售目标负责;", "对资金回笼负责;", "负责新店开拓;", "负责货品调配;"]


def test_a_cover_page_naming_the_post_and_the_form_after_it_are_one_post(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("岗 位 说 明 书")
    d.add_paragraph("岗位:采购经理")
    d.add_paragraph("文件编号:HR-01")
    t = d.add_table(rows=0, cols=2)
    for label, value in [("职位名称", "采购经理"), ("所在部门", "采购部"), ("主要职责说明", "负责采购计划的制订。")]:
        r = t.add_row().cells
        r[0].text, r[1].text = label, value
    d.add_paragraph("四、关键绩效指标(KPI)")
    d.add_paragraph("采购计划完成率")
    d.save(tmp_path / "采购经理.docx")
    result = import_documents([tmp_path / "采购经理.docx"])
    [post] = result.posts
    assert (post.name, post.department, texts(post), post.qualifications) == ("采购经理", "采购部", ["负责采购计划的制订。"], [])
    assert "采购计划完成率" in {u.text for u in result.unplaced}


def test_a_big5_text_file_is_read_as_big5_not_as_gb18030_nonsense(tmp_path: Path) -> None:
    (tmp_path / "導購員.txt").write_bytes(
        "崗位名稱：導購員\n直屬主管：店長\n一、崗位職責及考核（每月基礎分100分，扣分計入績效）\n1、負責顧客接待。\n"
        "2、負責商品介紹。\n二、附則\n本職責自2024年3月1日起執行。\n".encode("big5"))
    result = import_documents([tmp_path / "導購員.txt"])
    [post] = result.posts
    assert (post.name, post.reports_to_text) == ("導購員", "店長")
    assert texts(post) == ["負責顧客接待。", "負責商品介紹。"]


def _content_control(paragraph: Any, value: str, placeholder: bool = False) -> None:
    """Wrap ``value`` in an inline content control (w:sdt) at the end of ``paragraph``."""
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    shown = "<w:showingPlcHdr/>" if placeholder else ""
    paragraph._p.append(parse_xml(f'<w:sdt {ns}><w:sdtPr><w:alias w:val="x"/>{shown}<w:text/></w:sdtPr>'
                                  f'<w:sdtContent><w:r><w:t>{value}</w:t></w:r></w:sdtContent></w:sdt>'))


def test_a_form_of_content_controls_is_read_and_a_control_showing_its_prompt_is_empty(tmp_path: Path) -> None:
    d = docx.Document()
    t = d.add_table(rows=4, cols=2)
    for r, (label, value, prompt) in enumerate([("岗位名称", "采购员", False), ("岗位编号", "单击或点击此处输入文字。", True),
                                                ("所属部门", "采购部", False), ("岗位职责", "1. 负责供应商开发。", False)]):
        t.cell(r, 0).text = label
        _content_control(t.cell(r, 1).paragraphs[0], value, prompt)
    d.save(tmp_path / "采购员.docx")
    result = import_documents([tmp_path / "采购员.docx"])
    [post] = result.posts
    assert (post.name, post.department, texts(post)) == ("采购员", "采购部", ["负责供应商开发。"])
    assert "单击或点击此处输入文字。" not in {u.text for u in result.unplaced}


def test_a_table_of_contents_and_labels_typed_one_character_a_line(tmp_path: Path) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    d = docx.Document()
    d.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("一、理货员\t3", style="toc 1")  # a table of contents line naming the post again
    t = d.add_table(rows=3, cols=2)
    for r, (label, value) in enumerate([("岗位名称", "理货员"), ("岗\n位\n职\n责", "1、负责补货。\n2、负责陈列。"),
                                        ("任\n职\n要\n求", "1、高中以上学历。")]):
        t.cell(r, 0).text, t.cell(r, 1).text = label, value
    d.save(tmp_path / "理货员.docx")
    result = import_documents([tmp_path / "理货员.docx"])
    [post] = result.posts
    assert (texts(post), post.qualifications) == (["负责补货。", "负责陈列。"], ["高中以上学历。"])
    assert "一、理货员\t3" not in {u.text for u in result.unplaced}


def test_a_row_merged_across_a_form_naming_a_section_keeps_the_post(tmp_path: Path) -> None:
    d = docx.Document()
    t = d.add_table(rows=5, cols=3)
    t.cell(0, 0).text, t.cell(0, 1).text = "岗位名称", "采购员"
    t.cell(1, 0).merge(t.cell(1, 2)).text = "一、岗位职责"
    t.cell(2, 0).text, t.cell(2, 1).text, t.cell(2, 2).text = "序号", "职责", "职责描述"
    t.cell(3, 0).text, t.cell(3, 1).text, t.cell(3, 2).text = "1", "供应商管理", "负责寻找潜在供应商。"
    t.cell(4, 0).text, t.cell(4, 1).text, t.cell(4, 2).text = "2", "订单跟踪", "负责跟踪订单执行。"
    d.save(tmp_path / "采购员.docx")
    [post] = import_documents([tmp_path / "采购员.docx"]).posts
    assert texts(post) == ["负责寻找潜在供应商。", "负责跟踪订单执行。"]


def test_a_workbook_of_one_post_per_row_with_columns_of_no_interest_and_a_merged_requirement(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "职位名称", "直接上级", "主要职责说明", "编制(人)", "班次", "任职要求"])
    ws.append([1, "店长", "区域督导", "负责门店运营。", 1, "白班", "高中以上学历"])
    ws.append([2, "店员", "店长", "负责商品上架。", 4, "三班倒", None])
    ws.merge_cells("G2:G3")
    wb.save(tmp_path / "一览表.xlsx")
    result = import_documents([tmp_path / "一览表.xlsx"])
    assert [(p.name, texts(p)) for p in result.posts] == [("店长", ["负责门店运营。"]), ("店员", ["负责商品上架。"])]
    assert by_name(result)["店员"].reports_to == by_name(result)["店长"].id
    assert by_name(result)["店长"].qualifications == ["高中以上学历"]  # the merged cell read once


def test_a_table_with_one_post_per_column(tmp_path: Path) -> None:
    d = docx.Document()
    t = d.add_table(rows=4, cols=3)
    for r, row in enumerate([("项目", "店长", "收银员"), ("所属部门", "营运部", "营运部"), ("直接上级", "区域经理", "店长"),
                             ("岗位职责", "（1）负责门店运营。\n（2）负责排班。", "（1）负责收银。")]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.save(tmp_path / "对照表.docx")
    result = import_documents([tmp_path / "对照表.docx"])
    assert [(p.name, p.department, texts(p)) for p in result.posts] == [
        ("店长", "营运部", ["负责门店运营。", "负责排班。"]), ("收银员", "营运部", ["负责收银。"])]
    assert by_name(result)["收银员"].reports_to == by_name(result)["店长"].id


def test_markdown_items_with_items_nested_under_them_are_groups_and_lone_asterisks_stay(tmp_path: Path) -> None:
    (tmp_path / "客服.md").write_text(
        "| 项目 | 内容 |\n| --- | --- |\n| 岗位名称 | 售后客服 |\n\n## 岗位职责\n\n1. **售后处理**\n   - 处理退换货申请。\n"
        "   - 针对***及时回访。\n2. **数据反馈**\n   - 统计每日退货数据。\n\n## 任职要求\n\n1. **学历**\n   - 大专及以上学历。\n",
        encoding="utf-8")
    result = import_documents([tmp_path / "客服.md"])
    [post] = result.posts
    assert texts(post) == ["处理退换货申请。", "针对***及时回访。", "统计每日退货数据。"]
    assert post.qualifications == ["大专及以上学历。"]


def test_basic_information_headings_references_and_specific_work_labels(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("收银主管岗位说明书")
    d.add_paragraph("一、基本信息")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "职位名称", "收银主管"
    d.add_paragraph("具体工作：")
    d.add_paragraph("1. 负责收银区管理。")
    d.add_paragraph("三、任职资格")
    d.add_paragraph("按《前台部任职资格标准》执行。")
    d.save(tmp_path / "收银主管.docx")
    result = import_documents([tmp_path / "收银主管.docx"])
    [post] = result.posts
    assert (post.name, texts(post), post.qualifications) == ("收银主管", ["负责收银区管理。"], [])
    assert "按《前台部任职资格标准》执行。" in {u.text for u in result.unplaced}


def test_a_form_table_whose_merged_section_rows_switch_duties_to_requirements(tmp_path: Path) -> None:
    d = docx.Document()
    t = d.add_table(rows=7, cols=3)
    t.cell(0, 0).text, t.cell(0, 1).text = "职位名称", "网店客服"
    t.cell(1, 0).merge(t.cell(1, 2)).text = "二、工作职责"
    t.cell(2, 0).text, t.cell(2, 1).text, t.cell(2, 2).text = "序号", "职责描述", "考核标准"
    t.cell(3, 0).text, t.cell(3, 1).text, t.cell(3, 2).text = "1", "负责在线咨询接待；", "响应时间"
    t.cell(4, 0).merge(t.cell(4, 2)).text = "三、任职要求"
    t.cell(5, 0).text, t.cell(5, 1).text = "1", "打字速度每分钟60字以上；"
    t.cell(6, 0).text, t.cell(6, 1).text = "2", "普通话标准。"
    d.save(tmp_path / "客服.docx")
    [post] = import_documents([tmp_path / "客服.docx"]).posts
    assert (texts(post), post.qualifications) == (["负责在线咨询接待；"], ["打字速度每分钟60字以上；", "普通话标准。"])


def test_symbol_font_bullets_under_numbered_group_titles(tmp_path: Path) -> None:
    (tmp_path / "主管.txt").write_text(
        "岗位名称：客服主管\n岗位职责\n1. 团队管理\n\uf0b7 负责人员排班；\n\uf0b7 负责绩效考核。\n2. 培训与发展\n"
        "\uf0b7 制定培训计划。\n", encoding="utf-8")
    result = import_documents([tmp_path / "主管.txt"])
    [post] = result.posts
    assert texts(post) == ["负责人员排班；", "负责绩效考核。", "制定培训计划。"]
    assert {"团队管理", "培训与发展"} <= {u.text for u in result.unplaced}


def test_a_handbook_whose_posts_are_bold_outline_lines_most_of_them_post_titles(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("电商部岗位职责手册")
    d.add_paragraph("第三章\u3000岗位职责")
    for title, duty in [("一、运营经理", "负责店铺运营。"), ("二、市场推广", "负责品牌推广。"), ("三、客服专员", "负责售后服务。"),
                        ("四、美工/设计", "负责视觉设计。")]:
        d.add_paragraph().add_run(title).bold = True
        d.add_paragraph(f"1.{duty}")
    d.save(tmp_path / "手册.docx")
    result = import_documents([tmp_path / "手册.docx"])
    assert [(p.name, p.department, texts(p)) for p in result.posts] == [
        ("运营经理", "电商部", ["负责店铺运营。"]), ("市场推广", "电商部", ["负责品牌推广。"]),
        ("客服专员", "电商部", ["负责售后服务。"]), ("美工/设计", "电商部", ["负责视觉设计。"])]


def test_a_web_article_its_overview_heading_its_bracketed_title_and_titled_duty_paragraphs(tmp_path: Path) -> None:
    (tmp_path / "文章.md").write_text(
        "# 岗位详解\n\n## 一、岗位分类概览\n\n- **运营类岗位**:负责店铺运营\n\n#### 1.1 内容运营\n\n**主要职责:**\n\n"
        "- 策划电商内容\n\n**实际案例:** 某店铺小王通过内容提升了转化。\n\n**关键技能:**\n\n- 文案能力\n", encoding="utf-8")
    (tmp_path / "理货员.txt").write_text(
        "【超市理货员岗位职责与工作规范】理货员是超市的重要岗位。\n一、岗位职责\n1. 商品陈列\n按照门店的陈列图摆放商品,保持货架整齐美观。\n"
        "2. 协助盘点\n按要求参加月度盘点,如实登记每一种商品的数量差异。\n二、工作规范\n1. 仪容仪表\n着工装上岗。\n", encoding="utf-8")
    result = import_documents([tmp_path / "文章.md", tmp_path / "理货员.txt"])
    posts = by_name(result)
    assert list(posts) == ["内容运营", "超市理货员"]
    assert (texts(posts["内容运营"]), posts["内容运营"].qualifications) == (["策划电商内容"], ["文案能力"])
    assert texts(posts["超市理货员"]) == ["按照门店的陈列图摆放商品,保持货架整齐美观。",
                                       "按要求参加月度盘点,如实登记每一种商品的数量差异。"]


def test_a_label_merged_down_beside_a_row_number_column(tmp_path: Path) -> None:
    d = docx.Document()
    t = d.add_table(rows=4, cols=3)
    t.cell(0, 0).text, t.cell(0, 1).text = "岗位名称", "商场管理员"
    label = t.cell(1, 0).merge(t.cell(2, 0))
    label.text = "岗位职责"
    t.cell(1, 1).text, t.cell(1, 2).text = "1", "监督业户的出勤情况。"
    t.cell(2, 1).text, t.cell(2, 2).text = "2", "维护商场的经营秩序。"
    t.cell(3, 0).text, t.cell(3, 1).text, t.cell(3, 2).text = "考核要点", "业户出勤率", ""
    d.save(tmp_path / "管理员.docx")
    [post] = import_documents([tmp_path / "管理员.docx"]).posts
    assert (texts(post), post.qualifications) == (["监督业户的出勤情况。", "维护商场的经营秩序。"], [])


def test_a_job_advert_its_first_line_the_post_and_a_number_followed_by_a_range(tmp_path: Path) -> None:
    (tmp_path / "招聘.txt").write_text(
        "\ufeff楼层管理员\n某百货　|　4000-6000元/月　|　大专\n\n职位描述\n岗位职责:\n1.负责楼层日常巡视\n2.维护商户关系\n"
        "岗位要求:\n1.大专及以上学历。\n2.1-3年商场楼层管理经验。\n工作流程：\n营业前\n10-1)检查商户开门情况。\n", encoding="utf-8")
    result = import_documents([tmp_path / "招聘.txt"])
    [post] = result.posts
    assert (post.name, texts(post)) == ("楼层管理员", ["负责楼层日常巡视", "维护商户关系"])
    assert post.qualifications == ["大专及以上学历。", "1-3年商场楼层管理经验。"]


# ---------------------------------------------------------------------------------------------- heldout8's layouts


@pytest.mark.parametrize("heading", ["{}的工作职责", "{}"])
def test_a_handbook_post_heading_keeps_its_duties_after_a_line_of_labels(tmp_path: Path, heading: str) -> None:
    """采购部工作职责管理规定: Heading 1 parts (目的, 名词解释, 职责), each post a Heading 2 ("X的工作职责", or
    the post alone), a line of labels, then the duties numbered by Word's list numbering (nothing typed)."""
    d = docx.Document()
    d.add_paragraph("采购部工作职责管理规定")
    for part, text in (("目的", "为明确采购部的工作职责，特制定本规定。"), ("名词解释", "（无）")):
        d.add_heading(part, 1)
        d.add_paragraph(text)
    d.add_heading("职责", 1)
    for name, boss, duties in (("采购总监", "总经理", ["监管所有的采购决定;", "负责年度促销计划的制订和监督落实"]),
                               ("采购助理", "采购总监", ["协助采购总监开展工作", "负责订单发放和送货跟踪"])):
        d.add_heading(heading.format(name), 2)
        d.add_paragraph(f"所属部门:采购部\u3000\u3000直接上级:{boss}")
        for duty in duties:
            d.add_paragraph(duty, style="List Number")
    d.add_heading("附则", 1)
    d.add_paragraph("本规定由采购部负责解释。")
    d.save(tmp_path / "规定.docx")
    result = import_documents([tmp_path / "规定.docx"])
    assert [(p.name, p.department, p.reports_to_text, texts(p)) for p in result.posts] == [
        ("采购总监", "采购部", "总经理", ["监管所有的采购决定;", "负责年度促销计划的制订和监督落实"]),
        ("采购助理", "采购部", "采购总监", ["协助采购总监开展工作", "负责订单发放和送货跟踪"]),
    ]
    assert "名词解释" not in by_name(result)


def test_markdown_headings_below_the_duties_heading_name_groups_of_bullets_not_posts(tmp_path: Path) -> None:
    """A web article saved as Markdown: ``# X岗位要求``, ``## 二、岗位职责`` with ``### 1、社区管理`` over its
    bullets, ``## 三、岗位要求`` with ``### 1、教育背景`` (a qualification word) over its bullets."""
    (tmp_path / "社区运营.md").write_text(
        "# 社区运营岗位要求\n\n发布时间:2024-11-06 · 阅读 2.3k\n\n## 一、岗位概述\n\n社区运营负责社区的日常管理和运营工作。\n\n"
        "## 二、岗位职责\n\n### 1、社区管理\n\n- 负责社区的日常管理。\n- 维护社区的秩序和氛围。\n\n"
        "### 2、数据分析\n\n- 收集和分析社区的运营数据。\n\n"
        "## 三、岗位要求\n\n### 1、教育背景\n\n- 本科及以上学历。\n\n### 2、工作经验\n\n- 有社区运营经验者优先。\n\n---\n\n"
        "原文地址:https://example.com/1.html\n", encoding="utf-8")
    result = import_documents([tmp_path / "社区运营.md"])
    [post] = result.posts
    assert post.name == "社区运营"
    assert texts(post) == ["负责社区的日常管理。", "维护社区的秩序和氛围。", "收集和分析社区的运营数据。"]
    assert post.qualifications == ["本科及以上学历。", "有社区运营经验者优先。"]
    groups = [u.text for u in result.unplaced if "group" in u.why]
    assert groups == ["1、社区管理", "2、数据分析", "1、教育背景", "2、工作经验"]


def test_a_gbk_crlf_web_copy_with_titled_paragraphs_and_a_requirements_part(tmp_path: Path) -> None:
    """A page pasted into Notepad (GBK, CRLF): the title names the post, 一、X的主要岗位职责 and 二、X的任职要求
    its parts, each item a "1. 店铺管理" title line, a blank line, and the paragraph that is the item."""
    text = ("网店运营的岗位职责与任职要求\n\n2025-06-22\u3000来源:网络\n\n本文将详细介绍网店运营的岗位职责与任职要求。\n\n"
            "一、网店运营的主要岗位职责\n\n1. 店铺管理\n\n负责店铺的整体管理和日常维护。这包括产品的上架、下架以及库存更新等。\n\n"
            "2. 营销策划\n\n根据市场需求制定并执行营销策略,提高店铺的曝光率和销售额。\n\n"
            "二、网店运营的任职要求\n\n1. 专业知识\n\n拥有电子商务或相关领域的学历背景,熟悉电商平台的操作规则。\n\n"
            "2. 实践经验\n\n至少一年以上的电商行业经验,能够独立完成店铺的日常运营工作。\n\n"
            "(以上内容复制自网页,供招聘时参考)\n")
    (tmp_path / "网店运营.txt").write_bytes(text.replace("\n", "\r\n").encode("gbk"))
    result = import_documents([tmp_path / "网店运营.txt"])
    [post] = result.posts
    assert (post.name, post.department) == ("网店运营", None)
    assert texts(post) == ["负责店铺的整体管理和日常维护。这包括产品的上架、下架以及库存更新等。",
                           "根据市场需求制定并执行营销策略,提高店铺的曝光率和销售额。"]
    assert post.qualifications == ["拥有电子商务或相关领域的学历背景,熟悉电商平台的操作规则。",
                                   "至少一年以上的电商行业经验,能够独立完成店铺的日常运营工作。"]
    unplaced = [u.text for u in result.unplaced]
    assert "(以上内容复制自网页,供招聘时参考)" in unplaced and "店铺管理" in unplaced and "1. 专业知识" in unplaced


def test_a_short_line_past_a_blank_line_after_untitled_items_still_ends_the_list(tmp_path: Path) -> None:
    """Only a list whose items so far were each a title over its paragraph goes on past a blank line: after
    plain items, a short last item and a long paragraph under it stay apart."""
    (tmp_path / "店员.txt").write_text(
        "店员岗位职责\n1. 负责商品陈列。\n2. 顾客接待\n\n本岗位的工作时间为每日八小时，节假日按门店排班安排轮休。\n", encoding="utf-8")
    result = import_documents([tmp_path / "店员.txt"])
    [post] = result.posts
    assert texts(post) == ["负责商品陈列。", "顾客接待"]
    assert "本岗位的工作时间为每日八小时，节假日按门店排班安排轮休。" in [u.text for u in result.unplaced]


@pytest.mark.parametrize("lead", ["门店店长的岗位职责及具体内容见下表:", "店长的岗位职责如下表所示。"])
def test_a_duty_table_headed_item_and_content_of_the_post_s_duties_and_its_lead_line(tmp_path: Path, lead: str) -> None:
    """店长的岗位职责项目 | 店长的岗位职责内容: the first column names each duty, the second is the duty; the line
    before the table that leads into it (…见下表：, …如下表所示。) is no duty."""
    d = docx.Document()
    d.add_paragraph("店长岗位说明书")
    t = d.add_table(rows=0, cols=4)
    r = t.add_row().cells
    r[0].text, r[1].text, r[2].text, r[3].text = "岗位名称", "店长", "所属部门", "营运部"
    d.add_paragraph("二、岗位职责")
    d.add_paragraph(lead)
    t = d.add_table(rows=0, cols=2)
    for item, content in (("店长的岗位职责项目", "店长的岗位职责内容"), ("门店日常经营管理", "监督门店的商品进货验收、仓库管理。"),
                          ("门店损耗管理", "针对门店的主要损耗商品进行重点管理。")):
        r = t.add_row().cells
        r[0].text, r[1].text = item, content
    d.save(tmp_path / "店长.docx")
    result = import_documents([tmp_path / "店长.docx"])
    [post] = result.posts
    assert texts(post) == ["监督门店的商品进货验收、仓库管理。", "针对门店的主要损耗商品进行重点管理。"]
    unplaced = [u.text for u in result.unplaced]
    assert "门店日常经营管理" in unplaced and lead in unplaced


def _ruled(top: float, rows: list[tuple[str, str]], xs: tuple[float, ...] = (50, 220, 545),
           h: float = 20) -> tuple[list[tuple[float, float, str]], list[tuple[float, float, float, float]]]:
    """A ruled table for make_pdf: its cells' text lines and its borders, rows ``h`` high from ``top`` down."""
    lines = [(x + 4, top - (k + 1) * h + 5, t) for k, cells in enumerate(rows) for x, t in zip(xs, cells, strict=False) if t]
    rules = [(xs[0], top - k * h, xs[-1], top - k * h) for k in range(len(rows) + 1)]
    return lines, rules + [(x, top, x, top - len(rows) * h) for x in xs]


@pytest.mark.parametrize("header_repeated", [True, False])
def test_a_duty_row_cut_by_a_page_end_is_joined_on_the_next_page(tmp_path: Path, header_repeated: bool) -> None:
    """Word lets a table row break across pages: the PDF's next page starts a table (its header row repeated,
    or not) whose first row has an empty title cell and the rest of the cut sentence."""
    head = ("岗位职责项目", "岗位职责内容")
    lines1, rules1 = _ruled(740, [head, ("门店销售管理", "掌握每日的销售目标的完成情况。"), ("门店损耗管理", "针对门店的主要损耗商品进行")])
    rest = [("", "重点管理,将损耗降到较低。"), ("信息的搜集", "有关商圈的动向等各种信息的搜集。")]
    lines2, rules2 = _ruled(800, [head, *rest] if header_repeated else rest)
    make_pdf(tmp_path / "店长.pdf", [[(50, 800, "店长岗位说明书"), (50, 780, "岗位名称：店长"), (50, 760, "二、岗位职责"), *lines1,
                                     (250, 40, "第1页共2页")], [*lines2, (250, 40, "第2页共2页")]], rules=[rules1, rules2])
    [post] = import_documents([tmp_path / "店长.pdf"]).posts
    assert texts(post) == ["掌握每日的销售目标的完成情况。", "针对门店的主要损耗商品进行重点管理,将损耗降到较低。",
                           "有关商圈的动向等各种信息的搜集。"]


def _listed(d: Any, text: str, level: int) -> None:
    """A paragraph of Word's list numbering (numbering.xml) at ``level`` (w:ilvl), nothing typed."""
    numpr = d.add_paragraph(text, style="List Number")._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = 1


def test_word_multilevel_list_items_with_items_nested_under_them_name_groups(tmp_path: Path) -> None:
    """Word's multilevel numbering: a short item at level 1 with items at level 2 under it names their group;
    an item that is a sentence (负责…，包括：) keeps its place as a duty though details are nested under it."""
    d = docx.Document()
    d.add_paragraph("岗位名称：电商客服")
    d.add_paragraph("岗位职责：")
    for text, level in (("接待与咨询", 0), ("及时响应客户的在线咨询。", 1), ("耐心解答客户关于物流状态等问题。", 1),
                        ("订单处理", 0), ("协助客户完成订单操作。", 1),
                        ("负责售后工作，包括：", 0), ("处理退换货申请。", 1)):
        _listed(d, text, level)
    d.add_paragraph("任职资格：")
    _listed(d, "大专及以上学历。", 0)
    d.save(tmp_path / "客服.docx")
    result = import_documents([tmp_path / "客服.docx"])
    [post] = result.posts
    assert texts(post) == ["及时响应客户的在线咨询。", "耐心解答客户关于物流状态等问题。", "协助客户完成订单操作。",
                           "负责售后工作，包括：", "处理退换货申请。"]
    assert post.qualifications == ["大专及以上学历。"]
    assert [u.text for u in result.unplaced if "group" in u.why] == ["接待与咨询", "订单处理"]


def test_once_a_list_s_items_are_titled_paragraphs_a_short_paragraph_is_an_item_too(tmp_path: Path) -> None:
    """1. 收银结算, a blank line, its paragraph; then 2. 票据管理 over a paragraph of twenty characters: the list
    is one of titled paragraphs, so the second paragraph is the item, not the title."""
    (tmp_path / "收银员.txt").write_text(
        "收银员岗位职责\n\n主要职责：\n\n1. 收银结算\n\n负责顾客购物的收银结算工作，确保收款准确无误。\n\n2. 票据管理\n\n"
        "负责发票的开具与保管，做好每日对账工作。\n\n任职要求：\n\n1. 高中及以上学历。\n", encoding="utf-8")
    [post] = import_documents([tmp_path / "收银员.txt"]).posts
    assert texts(post) == ["负责顾客购物的收银结算工作，确保收款准确无误。", "负责发票的开具与保管，做好每日对账工作。"]
    assert post.qualifications == ["高中及以上学历。"]


def test_requirements_in_one_cell_merged_across_a_duty_table_under_their_section_row(tmp_path: Path) -> None:
    """序号 | 职责 | 职责描述 rows, then 二、任职资格 merged across the table and, below it, one merged cell holding
    every requirement under its own group titles (（一）教育背景 then the sentence, （三）技能要求 then bullets)."""
    d = docx.Document()
    t = d.add_table(rows=6, cols=3)
    t.cell(0, 0).text, t.cell(0, 1).text = "岗位名称", "采购员"
    t.cell(1, 0).text, t.cell(1, 1).text, t.cell(1, 2).text = "序号", "职责", "职责描述"
    t.cell(2, 0).text, t.cell(2, 1).text, t.cell(2, 2).text = "1", "供应商管理", "负责寻找潜在供应商,建立并维护长期合作关系。"
    t.cell(3, 0).merge(t.cell(3, 2)).text = "二、任职资格"
    t.cell(4, 0).merge(t.cell(4, 2)).text = ("（一）教育背景\n大专及以上学历,物流管理、工商管理等相关专业优先考虑。\n"
                                             "（二）技能要求\n● 熟悉采购流程及相关法律法规;\n● 具备良好的沟通协调能力和谈判技巧;")
    t.cell(5, 0).merge(t.cell(5, 2)).text = "三、绩效考核"
    d.save(tmp_path / "采购员.docx")
    result = import_documents([tmp_path / "采购员.docx"])
    [post] = result.posts
    assert texts(post) == ["负责寻找潜在供应商,建立并维护长期合作关系。"]
    assert post.qualifications == ["大专及以上学历,物流管理、工商管理等相关专业优先考虑。", "熟悉采购流程及相关法律法规;",
                                   "具备良好的沟通协调能力和谈判技巧;"]


def test_a_requirements_cell_of_labelled_lines_keeps_every_line(tmp_path: Path) -> None:
    """任职资格 | 年龄:25-45岁⏎性别:女性⏎学历:… — the value cell is lines that each start with a requirement's label:
    every line is a qualification as written, none is lost after the first."""
    form(tmp_path / "导购员.docx", "导购员", "销售部", "店长", ["1. 热情接待顾客"],
         ["年龄:25-45岁", "性别:女性", "学历:初中以上学历,有相关经验可放宽"])
    [post] = import_documents([tmp_path / "导购员.docx"]).posts
    assert post.qualifications == ["年龄:25-45岁", "性别:女性", "学历:初中以上学历,有相关经验可放宽"]


def test_an_assessment_section_after_the_requirements_is_no_requirement(tmp_path: Path) -> None:
    """3. 任职要求 then 4. 岗位考核标准 with its own numbered items: those say how the post is assessed, not what
    it requires, and are listed as unplaced."""
    (tmp_path / "店员.txt").write_text(
        "门店员工岗位职责\n1. 岗位职责\n1) 负责商品陈列;\n2. 任职要求\n1) 高中以上学历;\n\n3. 岗位考核标准\n"
        "1) 顾客满意度:定期进行顾客满意度调查;\n2) 销售业绩:根据销售额评定;\n", encoding="utf-8")
    result = import_documents([tmp_path / "店员.txt"])
    [post] = result.posts
    assert (texts(post), post.qualifications) == (["负责商品陈列;"], ["高中以上学历;"])
    assert "2) 销售业绩:根据销售额评定;" in [u.text for u in result.unplaced]


def test_a_pdf_handbook_numbered_by_a_decimal_outline_ends_a_list_at_a_higher_heading(tmp_path: Path) -> None:
    """A Word handbook of multilevel numbering exported to PDF, the numbers now typed: 5.1 采购总监工作职责 and
    5.2 采购助理 head posts (each followed by its labels), 5.1.1 … their duties, and 6 附则 — a heading higher up
    the outline — ends the last list instead of being glued onto its last duty."""
    lines = ["采购部工作职责管理规定", "1 目的", "为明确采购部的工作职责，特制定本规定。", "5 职责", "5.1 采购总监工作职责",
             "所属部门:采购部 直接上级:总经理", "5.1.1 监管所有的采购决定;", "5.1.2 负责制定销售计划和毛利预算", "5.2 采购助理",
             "所属部门:采购部 直接上级:采购总监", "5.2.1 协助采购总监开展工作", "5.2.2 负责订单发放和送货跟踪", "6 附则",
             "本规定由采购部负责解释。"]
    make_pdf(tmp_path / "规定.pdf", [[(50, 800 - 20 * i, t) for i, t in enumerate(lines)]])
    result = import_documents([tmp_path / "规定.pdf"])
    assert [(p.name, p.reports_to_text, texts(p)) for p in result.posts] == [
        ("采购总监", "总经理", ["监管所有的采购决定;", "负责制定销售计划和毛利预算"]),
        ("采购助理", "采购总监", ["协助采购总监开展工作", "负责订单发放和送货跟踪"]),
    ]
    assert "6 附则" in [u.text for u in result.unplaced]


@pytest.mark.parametrize("title", ["收银员的岗位职责是什么？", "收银员岗位职责（精选）", "收银员岗位职责有哪些"])
def test_a_web_article_s_title_asking_or_with_an_aside_names_the_post(tmp_path: Path, title: str) -> None:
    (tmp_path / "文章.txt").write_text(f"{title}\n1. 负责收银结算。\n2. 负责票据管理。\n", encoding="utf-8")
    [post] = import_documents([tmp_path / "文章.txt"]).posts
    assert (post.name, texts(post)) == ("收银员", ["负责收银结算。", "负责票据管理。"])


def test_a_heading_above_a_post_s_own_heading_ends_the_post(tmp_path: Path) -> None:
    """A handbook: 三、岗位职责 (Heading 1) with each post a Heading 2 named again by a 岗位名称 line, then 四、附则
    (Heading 1): the 附则's numbered lines are the document's, not the last post's duties."""
    d = docx.Document()
    d.add_heading("三、岗位职责", level=1)
    posts = (("一", "运营主管", ["负责制定店铺运营计划。", "负责团队管理。"]), ("二", "客服", ["负责解答顾客咨询。", "负责处理售后问题。"]))
    for number, name, duties in posts:
        d.add_heading(f"（{number}）{name}", level=2)
        d.add_paragraph(f"岗位名称:{name}\u3000\u3000所属部门:电商部")
        d.add_paragraph("主要职责:")
        for k, duty in enumerate(duties, start=1):
            d.add_paragraph(f"（{k}）{duty}")
    d.add_heading("四、附则", level=1)
    d.add_paragraph("1. 本手册由电商部负责解释,自发布之日起执行。")
    d.add_paragraph("2. 美工岗位职责另行发布。")
    d.save(tmp_path / "手册.docx")
    result = import_documents([tmp_path / "手册.docx"])
    found = by_name(result)
    assert texts(found["运营主管"]) == ["负责制定店铺运营计划。", "负责团队管理。"]
    assert texts(found["客服"]) == ["负责解答顾客咨询。", "负责处理售后问题。"]
    unplaced = [u.text for u in result.unplaced]
    assert "1. 本手册由电商部负责解释,自发布之日起执行。" in unplaced and "2. 美工岗位职责另行发布。" in unplaced


def test_a_pdf_title_line_over_a_paragraph_that_wraps_titles_the_duty(tmp_path: Path) -> None:
    """A PDF of a Word form: each duty a "1. 供应商管理" title line over a paragraph the page wrapped onto
    several lines; the paragraph, joined, is the duty, the title line none (as when the paragraph is one line)."""
    long1 = "负责寻找、评估和维护优质的供应商资源,确保所采购的物资或服务符合企业的质量和安全"
    long2 = "根据公司生产、销售或项目需求,制定合理的采购计划,确保物资及时到位,避免因缺货影响"
    make_pdf(tmp_path / "采购员.pdf", [[
        (50, 800, "岗位名称:采购员"), (50, 780, "岗位职责:"),
        (50, 760, "1. 供应商管理"), (50, 740, long1), (50, 720, "标准与成本控制要求。"),
        (50, 700, "2. 采购计划制定"), (50, 680, long2), (50, 660, "正常运营。"),
        (50, 640, "3. 成本控制"), (50, 620, "不断探索降低成本的途径,提升采购效率与企业整体盈利能力。"),
    ]])
    result = import_documents([tmp_path / "采购员.pdf"])
    [post] = result.posts
    assert texts(post) == [long1 + "标准与成本控制要求。", long2 + "正常运营。",
                           "不断探索降低成本的途径,提升采购效率与企业整体盈利能力。"]
    assert {"供应商管理", "采购计划制定", "成本控制"} <= {u.text for u in result.unplaced}


def test_a_web_copy_s_lead_and_section_prose_before_each_duties_label_are_no_duties(tmp_path: Path) -> None:
    """A page pasted into Notepad (CRLF): the title says the duties follow, but the page labels them itself, a
    section at a time (a title line, a prose paragraph, 岗位职责:, then the duties one per line without
    bullets); the date line, the lead, the section titles and their prose are none of the duties, nor is a
    closing note in brackets."""
    text = ("收银员的岗位职责\n发布时间:2024-05-12\u3000来源:网络\n\n收银员是门店的重要岗位,以下是收银员的岗位职责概述。\n\n"
            "收银作业\n收银员每天要为大量顾客结账,准确和速度同样重要,这需要熟练的操作。\n岗位职责:\n"
            "负责顾客购物的商品结算。\n核对每日营业款,确保账款一致。\n\n"
            "顾客服务\n优秀的服务能让顾客愿意再来,收银员是顾客最后接触的员工。\n岗位职责:\n解答顾客关于价格和促销的疑问。\n\n"
            "(以上内容摘自网络,仅供参考。)\n")
    (tmp_path / "收银员.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    result = import_documents([tmp_path / "收银员.txt"])
    [post] = result.posts
    assert post.name == "收银员"
    assert texts(post) == ["负责顾客购物的商品结算。", "核对每日营业款,确保账款一致。", "解答顾客关于价格和促销的疑问。"]
    unplaced = {u.text for u in result.unplaced}
    assert {"收银员是门店的重要岗位,以下是收银员的岗位职责概述。", "收银作业", "顾客服务",
            "(以上内容摘自网络,仅供参考。)"} <= unplaced


def test_markdown_bold_post_lines_with_a_colon_each_head_a_post_whose_sentence_is_its_duty(tmp_path: Path) -> None:
    """A page saved as Markdown: "**收银员岗:**" lines (bold, not headings), each followed by its one-sentence
    paragraph, name the posts ("岗" is a post's suffix); a thematic break ends the last post's list, and the
    quote line after it is no duty."""
    (tmp_path / "超市岗位.md").write_text(
        "# 超市人员有哪些工作\n\n超市员工的职位可以分为以下几类:\n\n**收银员岗:**\n\n负责顾客购物时的商品结算工作。\n\n"
        "**营业员:**\n\n负责商品的展示和销售,提供顾客服务。\n\n**商场账务岗:**\n\n负责超市的账务管理和记录工作。\n\n---\n\n"
        "> 网页摘录,整理:人力资源部 2025-02。\n", encoding="utf-8")
    result = import_documents([tmp_path / "超市岗位.md"])
    assert {p.name: texts(p) for p in result.posts} == {
        "收银员岗": ["负责顾客购物时的商品结算工作。"], "营业员": ["负责商品的展示和销售,提供顾客服务。"],
        "商场账务岗": ["负责超市的账务管理和记录工作。"]}
    unplaced = {u.text for u in result.unplaced}
    assert {"超市员工的职位可以分为以下几类:", "网页摘录,整理:人力资源部 2025-02。"} <= unplaced


def test_a_post_line_with_a_colon_then_a_duties_label_keeps_the_label_s_list(tmp_path: Path) -> None:
    """收银员: on its own line names the post; when a 岗位职责: label follows its lead sentence, the labelled list
    is its duties and the lead none."""
    (tmp_path / "岗位.txt").write_text(
        "收银员:\n收银员是顾客最后接触的员工。\n岗位职责:\n1. 负责商品结算。\n2. 负责核对营业款。\n", encoding="utf-8")
    result = import_documents([tmp_path / "岗位.txt"])
    [post] = result.posts
    assert (post.name, texts(post)) == ("收银员", ["负责商品结算。", "负责核对营业款。"])
    assert "收银员是顾客最后接触的员工。" in {u.text for u in result.unplaced}


def test_a_markdown_line_underlined_with_equals_or_dashes_is_a_heading_not_a_break(tmp_path: Path) -> None:
    """Setext headings: 店长 over ===, 收银员 over ---, each naming a post with its numbered duties."""
    (tmp_path / "岗位.md").write_text(
        "店长\n===\n\n1. 负责门店全面管理。\n\n收银员\n---\n\n1. 负责商品结算。\n", encoding="utf-8")
    result = import_documents([tmp_path / "岗位.md"])
    assert {p.name: texts(p) for p in result.posts} == {"店长": ["负责门店全面管理。"], "收银员": ["负责商品结算。"]}


def test_a_requirement_that_only_points_to_another_document_is_no_qualification(tmp_path: Path) -> None:
    """任职要求: 学历、专业及工作经验要求见《招聘需求表》(2025版)。: a pointer, not a requirement, wherever the 见《…》
    stands in the sentence."""
    form(tmp_path / "会员专员.docx", "会员专员", "会员中心", "会员中心主管", ["负责会员招募。"],
         ["学历、专业及工作经验要求见《会员中心招聘需求表》(2025版)。"])
    result = import_documents([tmp_path / "会员专员.docx"])
    [post] = result.posts
    assert post.qualifications == []
    assert "学历、专业及工作经验要求见《会员中心招聘需求表》(2025版)。" in {u.text for u in result.unplaced}


def test_duties_apart_by_blank_lines_before_a_second_duties_label_stay_duties(tmp_path: Path) -> None:
    """Only a section's title line and its prose, past a blank line, lead into a following 岗位职责 label: duty
    sentences apart by blank lines before 工作内容: stay duties."""
    (tmp_path / "店员.txt").write_text(
        "店员岗位说明书\n岗位职责:\n负责商品陈列。\n\n负责顾客接待。\n\n工作内容:\n负责门店清洁。\n", encoding="utf-8")
    [post] = import_documents([tmp_path / "店员.txt"]).posts
    assert texts(post) == ["负责商品陈列。", "负责顾客接待。", "负责门店清洁。"]


@pytest.mark.parametrize("text", [
    "收银员岗位说明书\n岗位职责:\n1. 负责商品结算。\n2. 做好交接:\n收银组长:\n核对当班营业款。\n",
    "理货员岗位说明书\n岗位职责:\n负责商品上架。\n协助店长:\n完成每月盘点。\n",
])
def test_a_post_s_title_with_a_colon_inside_a_numbered_list_or_after_a_duty_verb_heads_no_post(tmp_path: Path, text: str) -> None:
    """收银组长: within a numbered list, or 协助店长: (a duty's verb, then a post), is part of the post's duties, not
    the start of another post."""
    (tmp_path / "岗位.txt").write_text(text, encoding="utf-8")
    assert [p.name for p in import_documents([tmp_path / "岗位.txt"]).posts] == [text.split("岗位说明书")[0]]


def test_a_bare_skills_line_after_a_post_s_duties_heads_its_requirements(tmp_path: Path) -> None:
    """A handbook's post: 职责 on a line of its own over （1） items, then 技能要求 on a line of its own over more （1）
    items: the second list is the post's requirements, not more duties (a requirement read as a duty makes a false
    overlap)."""
    (tmp_path / "仓储部.txt").write_text(
        "仓库管理员\n所属部门:仓储部 直接上级:仓储经理\n职责\n（1）负责货物的入库验收。\n（2）负责库区的日常巡查。\n"
        "技能要求\n（1）熟悉仓库管理流程。\n（2）具备基本的电脑操作能力。\n", encoding="utf-8")
    [post] = import_documents([tmp_path / "仓储部.txt"]).posts
    assert texts(post) == ["负责货物的入库验收。", "负责库区的日常巡查。"]
    assert post.qualifications == ["熟悉仓库管理流程。", "具备基本的电脑操作能力。"]


@pytest.mark.parametrize(("written", "name"), [("運營主管 / 數字運營經理", "運營主管"), ("店长/店员", "店长/店员")])
def test_a_pasted_web_page_its_core_duties_label_and_bulleted_group_titles_ending_in_a_colon(
        tmp_path: Path, written: str, name: str) -> None:
    """A recruiting page pasted into Notepad (traditional script, BOM, CRLF): 崗位核心職責 with an English aside
    labels the duties; the paste flattened the nesting, so a group's title is a "- " line like its duties and is
    told by its closing colon; a duty's own "标题: sentence" prefix stays. The labelled name "运营主管 / 数字运营经理"
    gives a title and another it goes by: the post is the first; 店长/店员 with no spaces is one post's name."""
    (tmp_path / "運營.txt").write_bytes(("\ufeff" + (
        f"職位名稱: {written}\n所屬部門: 運營部\n匯報對象: 運營總監\n\n一、 崗位核心職責 (Job Responsibilities)\n"
        "- 戰略規劃與目標管理:\n- 制定并執行公司電商運營戰略。\n- 合理分解任務至各業務板塊。\n- 流量與資源整合:\n"
        "- 公域流量獲取: 統領多平臺店鋪運營策略。\n")).replace("\n", "\r\n").encode("utf-8"))
    result = import_documents([tmp_path / "運營.txt"])
    [post] = result.posts
    assert (post.name, post.department, post.reports_to_text) == (name, "運營部", "運營總監")
    assert texts(post) == ["制定并執行公司電商運營戰略。", "合理分解任務至各業務板塊。", "公域流量獲取: 統領多平臺店鋪運營策略。"]
    assert {"戰略規劃與目標管理:", "流量與資源整合:"} <= {u.text for u in result.unplaced}


def test_a_duty_table_whose_specific_description_column_holds_the_duties_beside_their_titles(tmp_path: Path) -> None:
    """序号 | 工作内容 | 具体描述: the 工作内容 cells are short titles, the 具体描述 cells the duties."""
    d = docx.Document()
    d.add_paragraph("店长助理岗位说明书")
    d.add_paragraph("岗位名称:店长助理")
    t = d.add_table(rows=0, cols=3)
    for row in (("序号", "工作内容", "具体描述"), ("1", "团队管理", "负责员工排班、考勤记录、培训安排等"),
                ("2", "客户服务", "处理客户投诉、解答疑问、收集客户反馈")):
        cells = t.add_row().cells
        for c, v in zip(cells, row, strict=True):
            c.text = v
    d.save(tmp_path / "店长助理.docx")
    [post] = import_documents([tmp_path / "店长助理.docx"]).posts
    assert (post.name, texts(post)) == ("店长助理", ["负责员工排班、考勤记录、培训安排等", "处理客户投诉、解答疑问、收集客户反馈"])


def test_a_markdown_table_of_posts_and_a_summary_column_then_a_part_about_every_post(tmp_path: Path) -> None:
    """| 职位名称 | 工作内容简述 |: one post a row, its summary its duty; a later heading about the posts at large
    (二、各职位的工作特点) names no post, and its numbered notes on each post are neither posts nor duties."""
    (tmp_path / "便利店职位.md").write_text(
        "# 便利店有什么职位\n\n## 一、主要职位概述\n\n| 职位名称 | 工作内容简述 |\n|---|---|\n"
        "| 收银员 | 负责顾客结账、处理支付等。 |\n| 店长/店员 | 管理店铺日常运营。 |\n\n"
        "## 二、各职位的工作特点\n\n1. 收银员:要求具备良好的沟通能力。\n2. 店长/店员:需要较强的组织协调能力。\n", encoding="utf-8")
    result = import_documents([tmp_path / "便利店职位.md"])
    assert {p.name: texts(p) for p in result.posts} == {"收银员": ["负责顾客结账、处理支付等。"], "店长/店员": ["管理店铺日常运营。"]}


def test_a_requirement_pointing_to_a_standard_by_its_title_and_code_is_no_qualification(tmp_path: Path) -> None:
    """任职要求: 按《门店管理岗位任职资格标准》(HR-ZG-003)执行。: the standard's code in brackets between its title and
    执行 keeps it a pointer, not a requirement."""
    form(tmp_path / "店长.docx", "店长", "营运部", "区域经理", ["负责门店运营。"], ["按《门店管理岗位任职资格标准》(HR-ZG-003)执行。"])
    result = import_documents([tmp_path / "店长.docx"])
    [post] = result.posts
    assert post.qualifications == []
    assert "按《门店管理岗位任职资格标准》(HR-ZG-003)执行。" in {u.text for u in result.unplaced}


def test_a_plain_text_titled_as_a_post_s_description_takes_the_numbered_lines_below_its_prose(tmp_path: Path) -> None:
    """A page pasted into Notepad (Traditional script, CRLF) whose first line names the post's description
    (店長崗位職責說明書, with an aside in brackets): no label follows, but the numbered lines below the source line,
    the page's lead and a numbered sub-title are the post's duties; the lines before them and the closing note are
    listed, none of them a duty."""
    text = ("店長崗位職責說明書(集合3篇)\n來源:example.com 2025-05-26\n\n隨著社會發展,各種崗位職責頻頻出現。\n\n"
            "店長崗位職責說明書2\n\n1.負責店面日常管理。\n2.控制商品毛利。\n\n(只摘錄一篇。)\n")
    (tmp_path / "店長.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    result = import_documents([tmp_path / "店長.txt"])
    [post] = result.posts
    assert (post.name, texts(post)) == ("店長", ["負責店面日常管理。", "控制商品毛利。"])
    assert {"隨著社會發展,各種崗位職責頻頻出現。", "店長崗位職責說明書2", "(只摘錄一篇。)"} <= {u.text for u in result.unplaced}


def test_a_markdown_post_heading_over_one_paragraph_takes_the_paragraph_as_its_duty(tmp_path: Path) -> None:
    """A Q&A page saved as Markdown: each ``##`` heading names a post (an aside in brackets allowed) and the one
    sentence under it, before the next heading or a thematic break, is the post's duty; the lead and the closing
    sentence are none."""
    (tmp_path / "采购职位.md").write_text(
        "# 采购职位有哪些\n\n采购职位主要分为以下几类:\n\n## 采购员(师)\n\n负责物资采购,执行采购计划。\n\n"
        "## 采购经理/主管\n\n制定采购策略与计划。\n\n---\n\n以上内容仅供参考。\n", encoding="utf-8")
    result = import_documents([tmp_path / "采购职位.md"])
    assert {p.name: texts(p) for p in result.posts} == {
        "采购员(师)": ["负责物资采购,执行采购计划。"], "采购经理/主管": ["制定采购策略与计划。"]}
    assert {"采购职位主要分为以下几类:", "以上内容仅供参考。"} <= {u.text for u in result.unplaced}


def test_a_markdown_heading_over_one_paragraph_that_names_no_post_takes_no_duty(tmp_path: Path) -> None:
    """The paragraph under a heading is a duty only when the heading reads as a post's title: under a heading that
    names no post (``## 节假日安排``) the paragraph stays listed."""
    (tmp_path / "岗位.md").write_text(
        "## 收银员\n\n1. 负责商品结算。\n\n## 节假日安排\n\n门店营业时间内轮班工作。\n", encoding="utf-8")
    result = import_documents([tmp_path / "岗位.md"])
    assert {p.name: texts(p) for p in result.posts} == {"收银员": ["负责商品结算。"]}
    assert "门店营业时间内轮班工作。" in {u.text for u in result.unplaced}


def test_markdown_bullets_led_by_a_bold_post_title_and_a_colon_each_name_a_post(tmp_path: Path) -> None:
    """``- **采购助理** :sentence`` (the colon outside or inside the bold): the bold post title names a post and the
    sentence after the colon is its duty, as a bold post line would over its own paragraph; a bullet led by a bold
    group name (客户服务) is a duty of the post above, whole; and the sentence under a post heading followed by
    such bullets is that post's duty."""
    (tmp_path / "职位.md").write_text(
        "## 门店经理\n\n- **客户服务**:处理客户投诉。\n- **商品管理**:负责商品陈列。\n\n## 供应链经理\n\n整合供应链管理。\n\n"
        "- **采购助理** :处理日常事务、档案管理。\n- **国际采购专员:** 负责跨国业务。\n", encoding="utf-8")
    result = import_documents([tmp_path / "职位.md"])
    assert {p.name: texts(p) for p in result.posts} == {
        "门店经理": ["客户服务:处理客户投诉。", "商品管理:负责商品陈列。"], "供应链经理": ["整合供应链管理。"],
        "采购助理": ["处理日常事务、档案管理。"], "国际采购专员": ["负责跨国业务。"]}


@pytest.mark.parametrize("lead", ["一个连锁分店的店长的工作职责包括:", "店长的主要工作职责如下："])
def test_a_sentence_ending_in_a_colon_before_the_numbered_duties_of_a_cell_is_their_lead(tmp_path: Path, lead: str) -> None:
    """工作职责 holding an unnumbered sentence ending in a colon, then the items 1、… 2、…: the sentence leads into
    the list, it is no duty, and is listed."""
    form(tmp_path / "店长.docx", "店长", "营运部", "区域经理",
         [lead, "1、负责门店日常运营;", "2、负责员工排班;", "3、完成销售目标。"], [])
    result = import_documents([tmp_path / "店长.docx"])
    [post] = result.posts
    assert texts(post) == ["负责门店日常运营;", "负责员工排班;", "完成销售目标。"]
    assert lead in {u.text for u in result.unplaced}


def test_an_unnumbered_first_duty_ending_in_a_colon_with_no_numbered_list_after_it_stays_a_duty(tmp_path: Path) -> None:
    """Only a lead into numbered items is dropped: a cell of unnumbered duties whose first ends in a colon keeps it."""
    form(tmp_path / "店长.docx", "店长", "营运部", "区域经理", ["负责以下区域的巡店:", "完成销售目标。"], [])
    result = import_documents([tmp_path / "店长.docx"])
    [post] = result.posts
    assert texts(post) == ["负责以下区域的巡店:", "完成销售目标。"]


def test_two_whole_sentence_paragraphs_under_one_numbered_group_title_are_two_duties(tmp_path: Path) -> None:
    """工作职责 holding 1、团队管理 then two unnumbered paragraphs each ending a sentence, 2、流程优化 then two more:
    each title names its group and is no duty; each paragraph under it is a duty of its own, not joined to the one
    before it."""
    duties = ["组建并管理售后客服团队,制定排班计划与考核标准;", "定期组织业务培训,提升团队服务能力和处理投诉的水平。",
              "梳理售后服务体系,推动SOP标准化,优化工单系统;", "定期输出售后问题分析报告,提出产品与物流环节的改进建议。"]
    form(tmp_path / "售后主管.docx", "售后主管", "客服部", "客服经理",
         ["1、团队管理", duties[0], duties[1], "2、流程优化", duties[2], duties[3]], ["大专及以上学历。"])
    result = import_documents([tmp_path / "售后主管.docx"])
    [post] = result.posts
    assert texts(post) == duties
    assert {"团队管理", "流程优化"} <= {u.text for u in result.unplaced}


def test_a_web_page_on_a_role_s_definition_and_duties_takes_only_the_duties_part(tmp_path: Path) -> None:
    """# 收银员角色的定义与职责 names the post; its intro paragraph ending in a colon leads into the page; ## 一、定义
    with numbered "label:sentence" items (工作内容:… among them) describes the role, no duty and no section of its own;
    ## 二、职责概述 holds the duties, each kept whole with its title."""
    (tmp_path / "收银员.md").write_text(
        "# 收银员角色的定义与职责\n\n收银员在门店中扮演着重要的角色。以下是对收银员角色的定义与职责的概述:\n\n## 一、定义\n\n"
        "1. 角色定位:收银员是负责门店收银结算的人员,主要任务包括收款和找零。\n"
        "2. 工作内容:他们需要确保收银准确,处理顾客的各种支付请求和问题。\n\n## 二、职责概述\n\n"
        "1. 收银结算:负责顾客购物的收银结算工作,确保收款准确无误。\n2. 票据管理:负责发票的开具与保管,做好每日对账工作。\n",
        encoding="utf-8")
    result = import_documents([tmp_path / "收银员.md"])
    [post] = result.posts
    assert post.name == "收银员"
    assert texts(post) == ["收银结算:负责顾客购物的收银结算工作,确保收款准确无误。", "票据管理:负责发票的开具与保管,做好每日对账工作。"]


def test_a_page_comparing_posts_line_by_line_gives_each_post_its_sentences_as_duties(tmp_path: Path) -> None:
    """A GBK web copy comparing two posts: its title and lead line name both and are no post and no duty; then one
    line per post, "收银员:" and its sentences run together: each sentence is a duty, except what it says of pay,
    prospects or work the post does not do."""
    (tmp_path / "区别.txt").write_bytes(
        "收银员和理货员的区别\r\n收银员负责收款;理货员负责陈列。\r\n区别\r\n"
        "收银员:负责顾客购物的收银结算工作。做好每日对账并上交营业款。不参与商品陈列,专注收银。薪资固定,晋升空间有限。\r\n"
        "理货员:负责商品的陈列和补货。定期检查商品保质期。工资按件计算。\r\n\r\n(门店培训资料)\r\n".encode("gbk"))
    result = import_documents([tmp_path / "区别.txt"])
    assert {p.name: texts(p) for p in result.posts} == {
        "收银员": ["负责顾客购物的收银结算工作。", "做好每日对账并上交营业款。"],
        "理货员": ["负责商品的陈列和补货。", "定期检查商品保质期。"]}
    assert {"不参与商品陈列,专注收银。", "薪资固定,晋升空间有限。", "工资按件计算。"} <= {u.text for u in result.unplaced}


def test_plain_group_titles_over_renumbered_requirements_and_a_pay_row_are_no_qualifications(tmp_path: Path) -> None:
    """任职资格 holding 学历与经验 then 1. 2., 核心技能 then 1. again: each plain short line names the group of the
    numbered items under it and is neither joined to the item before it nor a qualification; a 薪酬福利 row after
    them is about pay, not more requirements."""
    path = form(tmp_path / "主管.docx", "客服主管", "客服部", "客服经理", ["负责客服团队的日常管理。"],
                ["学历与经验", "1. 大专及以上学历;", "2. 三年以上客服经验。", "核心技能", "1. 熟练使用办公软件;",
                 "2. 具备良好的沟通能力。"], signoff=False)
    d = docx.Document(str(path))
    r = d.tables[0].add_row().cells
    r[0].text = "薪酬福利"
    r[1].merge(r[3]).text = "面议。\n五险一金、带薪年假;"
    d.save(path)
    [post] = import_documents([path]).posts
    assert post.qualifications == ["大专及以上学历;", "三年以上客服经验。", "熟练使用办公软件;", "具备良好的沟通能力。"]


# ---------------------------------------------------------------------------------------------- heldout13 round


def test_department_and_superior_labels_are_read_by_their_qualifier_and_head_noun(tmp_path: Path) -> None:
    """A label no list names is read as a reader parses it: a qualifier (直属, 隶属 …) and a head noun (部门, 单位; 上级,
    主管 …): 直屬部門 (Traditional script) is the department, 直线主管 the superior."""
    d = docx.Document()
    d.add_paragraph("店經理崗位說明書")
    t = d.add_table(rows=0, cols=4)
    r = t.add_row().cells
    r[0].text, r[1].text, r[2].text, r[3].text = "岗位名称", "店經理", "直屬部門", "營運部"
    r = t.add_row().cells
    r[0].text, r[1].text = "直线主管", "地區營運總監"
    r[2].merge(r[3])
    r = t.add_row().cells
    r[0].text = "岗位职责"
    r[1].merge(r[3]).text = "1. 負責門店日常營運。"
    d.save(tmp_path / "店經理.docx")
    [post] = import_documents([tmp_path / "店經理.docx"]).posts
    assert (post.name, post.department, post.reports_to_text) == ("店經理", "營運部", "地區營運總監")


def test_a_superior_written_with_an_aside_in_brackets_keeps_the_aside(tmp_path: Path) -> None:
    """直接上级:副总经理(运营): the bracket belongs to the value (which deputy), not to the label; a label's own aside
    (岗位职责(主要)) is still the label's."""
    (tmp_path / "运营经理.txt").write_text(
        "岗位名称:运营经理\n所属部门:运营部　　直接上级:副总经理(运营)\n岗位职责(主要):\n1. 负责制定运营计划。\n", encoding="utf-8")
    [post] = import_documents([tmp_path / "运营经理.txt"]).posts
    assert (post.reports_to_text, texts(post)) == ("副总经理(运营)", ["负责制定运营计划。"])


def test_a_title_naming_the_post_s_duties_and_their_assessment_names_the_post(tmp_path: Path) -> None:
    """电商运营专员岗位职责及考核标准 over a 序号 | 职责描述 | 考核标准 | 权重 table: the post is 电商运营专员, not the title."""
    d = docx.Document()
    d.add_paragraph("电商运营专员岗位职责及考核标准")
    t = d.add_table(rows=0, cols=4)
    for row in (("序号", "职责描述", "考核标准", "权重"), ("1", "协助上架商品,优化商品信息。", "差错率≤1%", "50%"),
                ("2", "策划并执行促销活动。", "按期上线率100%", "50%")):
        cells = t.add_row().cells
        for c, v in zip(cells, row, strict=True):
            c.text = v
    d.save(tmp_path / "专员.docx")
    [post] = import_documents([tmp_path / "专员.docx"]).posts
    assert (post.name, texts(post)) == ("电商运营专员", ["协助上架商品,优化商品信息。", "策划并执行促销活动。"])


def test_a_handbook_post_heading_its_line_of_fields_then_one_paragraph_takes_the_paragraph_whole(tmp_path: Path) -> None:
    """A handbook: ``1. 总经理`` as a heading, a line of its fields (所属部门:…　　直接上级:…), then one paragraph and the
    next heading: the paragraph is the post's one duty, whole, even where semicolons part its second sentence (they
    list no items: a full stop came before the first); the part under 四、附则 is no post's."""
    d = docx.Document()
    d.add_heading("二、高层管理团队", level=1)
    d.add_heading("1. 总经理", level=2)
    d.add_paragraph("所属部门:总经办\u3000\u3000直接上级:董事会")
    d.add_paragraph("总经理是超市的核心领导者,全面负责超市的运营管理。")
    d.add_heading("2. 副总经理", level=2)
    d.add_paragraph("所属部门:总经办\u3000\u3000直接上级:总经理")
    whole = "副总经理协助总经理开展工作。通常包括分管运营的副总经理,负责运营;分管采购的副总经理,负责采购;分管财务的副总经理,负责财务。"
    d.add_paragraph(whole)
    d.add_heading("四、附则", level=1)
    d.add_paragraph("本汇编由人力资源部负责解释。")
    d.save(tmp_path / "汇编.docx")
    result = import_documents([tmp_path / "汇编.docx"])
    assert {p.name: (p.department, p.reports_to_text, texts(p)) for p in result.posts} == {
        "总经理": ("总经办", "董事会", ["总经理是超市的核心领导者,全面负责超市的运营管理。"]),
        "副总经理": ("总经办", "总经理", [whole])}


def test_a_web_copy_s_date_line_question_lead_and_conclusion_are_no_duties(tmp_path: Path) -> None:
    """A page pasted into Notepad (GBK, CRLF) titled with the post's duties: its date and source line, the lead that
    asks what the paragraphs answer, the 总之 paragraph and the note after it are listed; the paragraphs between,
    首先… 其次…, are the duties, their openers kept."""
    text = ("超市理货员的岗位职责是什么\n2025-06-18  来源:网络\n\n"
            "在日常生活中,超市很重要。那么,理货员的具体职责是什么呢?让我们一起来了解一下。\n\n"
            "首先,理货员需要负责商品的整理与摆放。\n\n其次,理货员还需要关注库存情况。\n\n总之,理货员是超市不可或缺的一部分。\n\n(复制自网页)\n")
    (tmp_path / "理货员.txt").write_bytes(text.replace("\n", "\r\n").encode("gbk"))
    result = import_documents([tmp_path / "理货员.txt"])
    [post] = result.posts
    assert (post.name, texts(post)) == ("超市理货员", ["首先,理货员需要负责商品的整理与摆放。", "其次,理货员还需要关注库存情况。"])
    assert {"2025-06-18  来源:网络", "总之,理货员是超市不可或缺的一部分。", "(复制自网页)"} <= {u.text for u in result.unplaced}


def test_a_title_on_a_post_s_content_over_part_headings_takes_the_bullets_of_every_part(tmp_path: Path) -> None:
    """``# 会员运营岗位内容怎么写`` names the post; ``## 一、会员招募`` and ``## 二、会员管理`` name no post, they are parts
    of its page: the bullets under them are its duties, the prose and the lines leading into the bullets are listed."""
    (tmp_path / "会员运营.md").write_text(
        "# 会员运营岗位内容怎么写\n\n会员运营岗位内容需要包含以下几点:会员招募、会员管理。\n\n"
        "## 一、会员招募\n\n会员招募是会员运营的起点。\n\n"
        "有效的会员招募策略还应包括:\n\n- 精准定位:明确目标用户群体。\n- 持续推广:保持会员招募的热度。\n\n## 二、会员管理\n\n"
        "会员管理是核心。\n\n具体措施包括:\n\n- 会员分级:将会员分为不同等级。\n", encoding="utf-8")
    result = import_documents([tmp_path / "会员运营.md"])
    assert {p.name: texts(p) for p in result.posts} == {
        "会员运营": ["精准定位:明确目标用户群体。", "持续推广:保持会员招募的热度。", "会员分级:将会员分为不同等级。"]}
    assert {"会员招募是会员运营的起点。", "有效的会员招募策略还应包括:", "会员管理是核心。"} <= {u.text for u in result.unplaced}


def test_a_requirement_that_says_see_another_paper_is_no_qualification(tmp_path: Path) -> None:
    """任职要求: 另见招聘简章 points elsewhere; it states no requirement itself."""
    form(tmp_path / "客服.docx", "电商客服", "电商事业部", "客服组长", ["1. 负责在线咨询。"], ["另见招聘简章"])
    [post] = import_documents([tmp_path / "客服.docx"]).posts
    assert post.qualifications == []


def test_where_the_rules_see_no_section_under_a_post_the_line_classifier_reads_its_paragraphs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A handbook's post heading and line of fields, then two paragraphs with no 岗位职责 label: no rule opens a
    section, the line classifier reads them as the post's duties; without the model they are listed, not dropped."""
    import retailkg.design.documents.parse as parse

    d = docx.Document()
    d.add_heading("门店岗位职责汇编", level=1)
    d.add_heading("收银主管", level=2)
    d.add_paragraph("所属部门:营运部\u3000\u3000直接上级:店长")
    duties = ["负责收银区的日常管理,安排收银员排班,核对每日营业款。", "监督收银员执行收银制度,处理顾客在收银台的投诉。"]
    for text in duties:
        d.add_paragraph(text)
    d.save(tmp_path / "汇编.docx")
    [post] = import_documents([tmp_path / "汇编.docx"]).posts
    assert (post.name, texts(post)) == ("收银主管", duties)
    monkeypatch.setattr(parse, "load_model", lambda *a, **k: None)
    result = import_documents([tmp_path / "汇编.docx"])
    assert all(not p.duties for p in result.posts) or not result.posts
    assert set(duties) <= {u.text for u in result.unplaced}


def test_the_line_classifier_is_trained_only_on_sets_older_than_the_newest_held_out_set() -> None:
    """The shipped weights name the sets they learnt from: the corpus and heldout … heldout19, never heldout20 (the
    newest set measured fresh) or later."""
    from retailkg.design.documents.lines import load_model

    model = load_model()
    assert model is not None
    assert "main" in model.trained_on and "heldout19" in model.trained_on
    assert not any(name.startswith("heldout") and name[7:].isdigit() and int(name[7:]) >= 20 for name in model.trained_on)


def test_a_training_line_is_labelled_from_the_gold_with_its_bullet_or_number_removed_as_the_importer_removes_it() -> None:
    """The gold states each duty without its list number or bullet; a line typed "- 负责…", " 负责…" or "2、5年以上…" (a
    number before a digit, which the bench's removal keeps as it may be a decimal) is that duty or requirement as the
    importer reads it, so the classifier learns it as one, not as other."""
    keys = _train_lines()._keys
    assert "负责商品上架与陈列。" in keys("- 负责商品上架与陈列。")
    assert "5年以上采购经验,熟悉供应链管理;" in keys("2、5年以上采购经验,熟悉供应链管理;")
    assert "嚴格遵守本公司紀律。" in keys("5.1嚴格遵守本公司紀律。")


def _train_lines() -> Any:
    """bench/importing/train_lines.py, the script that builds lines.json (it needs scikit-learn, a test dependency)."""
    path = Path(__file__).resolve().parents[1] / "bench" / "importing" / "train_lines.py"
    spec = importlib.util.spec_from_file_location("bench_importing_train_lines", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_line_classifier_was_fitted_from_today_s_line_walk_features_and_gold() -> None:
    """lines.json records the SHA-256 of what its weights were fitted from: every training line's features and label as
    parse.document_lines, lines.features and the gold make them today, the sets and the fit's settings. A change to any
    of them leaves the weights stale until bench/importing/train_lines.py is run again."""
    from retailkg.design.documents.lines import MODEL_FILE

    train = _train_lines()
    shipped = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert shipped["trained_on"] == train.TRAIN_SETS
    assert shipped["inputs_sha256"] == train.inputs_digest(train.training_sets()), (
        "stale line classifier: run python bench/importing/train_lines.py")


def test_the_line_classifier_s_fingerprint_changes_with_any_line_s_features_or_label_or_the_sets() -> None:
    train = _train_lines()
    rows = [({"bias": 1.0, "sec=duties": 1.0}, "duty", "负责收银。"), ({"bias": 1.0, "meta": 1.0}, "other", "来源:网络")]
    base = train.inputs_digest({"main": rows})
    assert base == train.inputs_digest({"main": list(rows)})
    assert base != train.inputs_digest({"main": [rows[0], (rows[1][0], "duty", rows[1][2])]})
    assert base != train.inputs_digest({"main": [rows[0], ({**rows[1][0], "meta": 0.5}, "other", rows[1][2])]})
    assert base != train.inputs_digest({"heldout": rows})


@pytest.mark.parametrize(("text", "section", "kind"), [
    ("负责门店日常运营管理,确保各项制度的执行。", "duties", "duty"),
    ("大专以上学历,三年以上零售管理经验。", "qualifications", "qualification"),
    ("2025-06-18  来源:网络", "none", "other"),
])
def test_the_line_classifier_tells_a_duty_a_requirement_and_a_page_s_date_line_apart(text: str, section: str, kind: str) -> None:
    from retailkg.design.documents.lines import LineContext, load_model

    model = load_model()
    assert model is not None
    assert model.kind(text, LineContext(section=section))[0] == kind


# ---------------------------------------------------------------------------------------------- heldout14 round


def _paragraphs(path: Path, lines: list[str], *, title: str = "仓库管理员岗位说明书") -> Path:
    d = docx.Document()
    d.add_paragraph(title)
    for text in lines:
        d.add_paragraph(text)
    d.save(path)
    return path


def test_the_last_item_of_a_group_before_the_next_group_s_title_is_a_duty_not_a_title(tmp_path: Path) -> None:
    """（一）物料管理 over 1. … 4., then （二）仓库管理: the line before （二） goes back up the outline; it ends its group's
    items (a short line with no full stop, as the others), it titles nothing."""
    _paragraphs(tmp_path / "仓管.docx", [
        "岗位名称:仓库管理员", "岗位职责:", "（一）物料管理", "1. 对仓库内各类物料进行分类", "2. 进行物料的生产/过期检查和处置",
        "（二）仓库管理", "1. 督促执行仓库的安全管理规定", "2. 制定仓库清洁规范,开展定期清洁和消毒"])
    [post] = import_documents([tmp_path / "仓管.docx"]).posts
    assert texts(post) == ["对仓库内各类物料进行分类", "进行物料的生产/过期检查和处置", "督促执行仓库的安全管理规定",
                           "制定仓库清洁规范,开展定期清洁和消毒"]


def test_a_subgroup_title_that_starts_like_a_duty_is_a_title_like_its_siblings(tmp_path: Path) -> None:
    """一、… over 1. 日常运营维护 over ①…②…: every "1." line over circled items names a subgroup; so does 1. 执行总部政策,
    though 执行 may start a duty."""
    _paragraphs(tmp_path / "店长.docx", [
        "岗位名称:店长", "岗位职责:", "一、门店运营管理", "1. 日常运营维护", "①负责店面的卫生与陈列。", "②主持晨会与夕会。",
        "2. 数据与财务管理", "①定期统计销售数据。", "二、战略执行", "1. 执行总部政策", "①落实公司制定的经营方针。",
        "②根据市场变化调整门店策略。"], title="店长岗位说明书")
    result = import_documents([tmp_path / "店长.docx"])
    [post] = result.posts
    assert texts(post) == ["负责店面的卫生与陈列。", "主持晨会与夕会。", "定期统计销售数据。", "落实公司制定的经营方针。",
                           "根据市场变化调整门店策略。"]
    assert "执行总部政策" in {u.text for u in result.unplaced}


def test_a_requirement_that_opens_with_see_a_named_standard_is_no_qualification(tmp_path: Path) -> None:
    """任职要求: 见《门店管理人员任职资格标准》,本说明书不再列出。 points at another document."""
    form(tmp_path / "店长.docx", "店长", "营运部", "区域经理", ["1. 负责门店运营。"],
         ["见《门店管理人员任职资格标准》(RK-HR-QS-003),本说明书不再列出。"])
    [post] = import_documents([tmp_path / "店长.docx"]).posts
    assert post.qualifications == []


def test_a_document_number_field_before_the_version_is_no_post(tmp_path: Path) -> None:
    """编号:RK-HR-JD-011　　版本:V2.1　　修订日期:… at the top of a form: the first part is a field whose label is not
    known, not the post's name; the form's 岗位名称 names the one post."""
    d = docx.Document()
    d.add_paragraph("岗位说明书")
    d.add_paragraph("编号:RK-HR-JD-011\u3000\u3000版本:V2.1\u3000\u3000修订日期:2025年5月20日")
    d.save(tmp_path / "x.docx")
    form(tmp_path / "店长.docx", "店长", "营运部", "区域经理", ["1. 负责门店运营。"], [])
    merged = docx.Document(str(tmp_path / "x.docx"))
    body = docx.Document(str(tmp_path / "店长.docx"))
    for element in body.element.body.iterchildren():
        if element.tag.endswith("}tbl"):
            merged.element.body.append(element)
    merged.save(tmp_path / "店长.docx")
    [post] = import_documents([tmp_path / "店长.docx"]).posts
    assert (post.name, texts(post)) == ("店长", ["负责门店运营。"])


def test_a_short_line_right_over_a_duty_table_is_the_table_s_title_not_a_duty(tmp_path: Path) -> None:
    """仓库管理员岗位职责及考核标准, its fields line, then 一、物品验收入库职责 over a 序号 | 职责描述 | 考核标准 table: the line
    names the table; the 职责描述 cells are the duties."""
    d = docx.Document()
    d.add_paragraph("仓库管理员岗位职责及考核标准")
    d.add_paragraph("所属部门:仓储物流部\u3000\u3000直接上级:后勤主管")
    d.add_paragraph("一、物品验收入库职责")
    t = d.add_table(rows=0, cols=3)
    rows = (("序号", "职责描述", "考核标准"), ("1", "对单验收:逐项检查商品。", "漏检0次"), ("2", "验收一般应在当天完成。", "完成率100%"))
    for row in rows:
        cells = t.add_row().cells
        for c, text in zip(cells, row, strict=True):
            c.text = text
    d.save(tmp_path / "仓库管理员.docx")
    result = import_documents([tmp_path / "仓库管理员.docx"])
    [post] = result.posts
    assert (post.name, texts(post)) == ("仓库管理员", ["对单验收:逐项检查商品。", "验收一般应在当天完成。"])
    assert "物品验收入库职责" in {u.text for u in result.unplaced}


def test_a_web_table_pasted_into_notepad_as_tab_separated_lines_is_read_as_a_table(tmp_path: Path) -> None:
    """A page titled 生活配送员是做什么的 (the page is about that post), pasted into Notepad (GBK, CRLF): its 工作内容 |
    具体说明 table arrives as tab-separated lines. The table's rows are the duties, each the 具体说明 part; the 工作内容
    part titles it. The 工作特点 lines after it describe the job and are no duties."""
    text = ("生活配送员是做什么的\r\n2025-11-20 来源:网络\r\n\r\n一、工作职责总结\r\n工作内容\t具体说明\r\n"
            "接收订单\t通过平台系统接收用户下单信息,包括商品种类、数量\r\n取货\t到指定地点取货,检查商品是否齐全、完好\r\n\r\n"
            "二、工作特点\r\n1. 灵活的工作时间:多数配送员可以根据自身情况选择工作时间段。\r\n")
    (tmp_path / "配送员.txt").write_bytes(text.encode("gbk"))
    result = import_documents([tmp_path / "配送员.txt"])
    assert {p.name: texts(p) for p in result.posts} == {
        "生活配送员": ["通过平台系统接收用户下单信息,包括商品种类、数量", "到指定地点取货,检查商品是否齐全、完好"]}
    assert {"接收订单", "取货"} <= {u.text for u in result.unplaced}


def test_label_lines_apart_by_tabs_stay_label_lines(tmp_path: Path) -> None:
    """直接上级:<TAB>区域经理 on three lines in a row is a form's labels, not a table."""
    (tmp_path / "店长.txt").write_text("岗位名称:\t店长\n所属部门:\t营运部\n直接上级:\t区域经理\n岗位职责:\n1. 负责门店运营。\n",
                                        encoding="utf-8")
    [post] = import_documents([tmp_path / "店长.txt"]).posts
    assert (post.name, post.department, post.reports_to_text, texts(post)) == ("店长", "营运部", "区域经理", ["负责门店运营。"])


def test_a_page_about_one_post_reads_its_titled_tables_under_headings_that_name_the_post(tmp_path: Path) -> None:
    """# 导购员是什么意思, then ## 二、导购员的主要职责 over a 职责内容 | 具体说明 table and ## 三、导购员需要具备的技能 over a
    技能类型 | 具体要求 table: one post, 导购员; the 具体说明 cells are its duties, the 具体要求 cells its requirements, the
    first column of each only titles them; the parts on its definition and its workplace hold neither."""
    (tmp_path / "导购员.md").write_text(
        "# 导购员是什么意思\n\n## 一、导购员的定义\n\n导购员是零售行业中负责协助顾客选购商品的专业人员。\n\n"
        "## 二、导购员的主要职责\n\n| 职责内容 | 具体说明 |\n|---|---|\n| 商品介绍 | 向顾客详细介绍商品的功能、特点 |\n"
        "| 售后服务 | 协助处理顾客的退换货、投诉等问题 |\n\n## 三、导购员需要具备的技能\n\n| 技能类型 | 具体要求 |\n|---|---|\n"
        "| 沟通能力 | 能与不同类型的顾客有效沟通 |\n| 产品知识 | 熟悉所售商品的特点和优势 |\n\n"
        "## 四、导购员的工作环境\n\n导购员一般在实体店中工作,如服装店、家电卖场等。\n", encoding="utf-8")
    result = import_documents([tmp_path / "导购员.md"])
    [post] = result.posts
    assert (post.name, texts(post)) == ("导购员", ["向顾客详细介绍商品的功能、特点", "协助处理顾客的退换货、投诉等问题"])
    assert post.qualifications == ["能与不同类型的顾客有效沟通", "熟悉所售商品的特点和优势"]


def test_a_title_asking_what_a_post_does_then_naming_its_duties_names_that_post(tmp_path: Path) -> None:
    """# 门店督导是做什么的?岗位职责有哪些: the page's question, then what follows; the post is the one the question asks
    about, 门店督导, not the whole question."""
    (tmp_path / "督导.md").write_text(
        "# 门店督导是做什么的?岗位职责有哪些\n\n## 一、运营管理\n\n### 日常运营监控\n\n负责门店人员管理,监督员工遵守公司制度。\n\n"
        "### 成本控制\n\n监控商品价格、损耗,提出优化建议。\n", encoding="utf-8")
    result = import_documents([tmp_path / "督导.md"])
    assert {p.name: texts(p) for p in result.posts} == {
        "门店督导": ["负责门店人员管理,监督员工遵守公司制度。", "监控商品价格、损耗,提出优化建议。"]}


@pytest.mark.parametrize("name, text", [
    ("督导.md", "# 督导岗位职责\n\n督导是零售行业中的核心岗位,其核心职责可分为以下几类:\n\n## 一、运营管理\n\n### 日常运营监控\n\n"
                "负责门店人员管理,监督员工遵守公司制度。\n\n### 成本控制\n\n监控商品价格、损耗,提出优化建议。\n"),
    ("督导.txt", "督导岗位职责\n\n督导是零售行业中的核心岗位,其核心职责可分为以下几类:\n\n"
                 "日常运营监控\n- 负责门店人员管理,监督员工遵守公司制度。\n成本控制\n- 监控商品价格、损耗,提出优化建议。\n"),
], ids=["markdown-headings", "text-title-lines"])
def test_a_lead_ending_in_a_colon_before_the_first_group_title_is_no_duty(tmp_path: Path, name: str, text: str) -> None:
    """A page's lead paragraph ending in a colon (…可分为以下几类:), then the groups of duties, each under its title (a
    heading, or a short line over bullets): the lead leads into the groups, it is no duty."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = import_documents([tmp_path / name])
    [post] = result.posts
    assert (post.name, texts(post)) == ("督导", ["负责门店人员管理,监督员工遵守公司制度。", "监控商品价格、损耗,提出优化建议。"])
    assert "督导是零售行业中的核心岗位,其核心职责可分为以下几类:" in {u.text for u in result.unplaced}


def test_a_numbered_duty_led_by_a_label_word_among_duties_led_by_their_topic_is_a_duty(tmp_path: Path) -> None:
    """1. 人员安排:…, 2. 培训与带教:…, then 3. 绩效考核:制定KPI…: the items are each led by a topic and a colon, so 绩效考核,
    though a label word, is the third item's topic, not a label ending the list. An unnumbered 考核指标: line after the
    list is still the label."""
    _paragraphs(tmp_path / "主管.docx", [
        "岗位名称:客服收银主管", "岗位职责:", "1. 人员安排:根据门店客流高峰灵活排班,确保收银台开放数量充足。",
        "2. 培训与带教:定期组织收银员技能培训。", "3. 绩效考核:制定KPI,通过每日晨会总结问题、月度评分激励优秀员工。",
        "考核指标:收银差错率、客诉一次解决率。"], title="客服收银主管岗位说明书")
    [post] = import_documents([tmp_path / "主管.docx"]).posts
    assert texts(post) == ["人员安排:根据门店客流高峰灵活排班,确保收银台开放数量充足。", "培训与带教:定期组织收银员技能培训。",
                           "绩效考核:制定KPI,通过每日晨会总结问题、月度评分激励优秀员工。"]


def test_an_item_and_requirement_table_gives_each_row_s_requirement_as_a_qualification(tmp_path: Path) -> None:
    """任职资格 as a 项目 | 要求 table (年龄要求 | 19-38岁, 学历要求 | 大专, 工作经验 | 1-3年经验): the header names no kind, the
    first cells name requirements; each second cell is a qualification as written, its row's first cell only titles it."""
    path = _paragraphs(tmp_path / "主管.docx", ["岗位名称:客服收银主管", "岗位职责:", "1. 统筹客服与收银团队的日常运作。", "五、任职资格"],
                       title="客服收银主管岗位说明书")
    d = docx.Document(str(path))
    t = d.add_table(rows=0, cols=2)
    for row in (("项目", "要求"), ("年龄要求", "19-38岁"), ("学历要求", "大专"), ("工作经验", "1-3年经验")):
        cells = t.add_row().cells
        cells[0].text, cells[1].text = row
    d.save(path)
    result = import_documents([path])
    [post] = result.posts
    assert (texts(post), post.qualifications) == (["统筹客服与收银团队的日常运作。"], ["19-38岁", "大专", "1-3年经验"])
    assert {u.why for u in result.unplaced if u.text == "年龄要求"} == {"the title of the requirement beside it: not a qualification"}


def test_a_sibling_of_a_duties_part_numbered_under_the_duties_label_is_the_next_part_of_the_duties(tmp_path: Path) -> None:
    """二、岗位职责 over (一)核心职责 and (二)运营支持, each over titled groups of （1）（2） items: (二) is numbered like the
    part (一) that reopened the duties, not like 二、, so it is their next part, not the next part of the document;
    三、任职要求, numbered like 二、, ends them."""
    _paragraphs(tmp_path / "主播.docx", [
        "岗位名称:电商主播", "二、岗位职责", "(一)核心职责", "1. 直播策划与执行", "（1）制定直播计划,确保直播顺利进行。",
        "（2）处理直播中的突发情况。", "(二)运营支持", "1. 数据分析与优化", "（1）收集直播数据,优化直播策略。", "2. 跨部门协作",
        "（1）与供应链部门保持沟通。", "三、任职要求", "1. 形象与素养: 需具备良好的形象气质。"], title="电商主播岗位说明书")
    result = import_documents([tmp_path / "主播.docx"])
    [post] = result.posts
    assert texts(post) == ["制定直播计划,确保直播顺利进行。", "处理直播中的突发情况。", "收集直播数据,优化直播策略。",
                           "与供应链部门保持沟通。"]
    assert post.qualifications == ["形象与素养: 需具备良好的形象气质。"]
    assert "(二)运营支持" in {u.text for u in result.unplaced}


def test_a_line_numbered_like_the_duties_label_ends_the_parts_numbered_inside_them(tmp_path: Path) -> None:
    """二、岗位职责 over (一)核心职责 (a duties label again) and (二)团队管理, then 三、附则 with no label word: numbered like
    二、, not like (一), it is the next part of the document; its numbered note is no duty."""
    _paragraphs(tmp_path / "店长.docx", [
        "岗位名称:店长", "二、岗位职责", "(一)核心职责", "1. 负责门店的日常运营。", "2. 审核每日营业报表。", "(二)团队管理",
        "1. 组织员工培训。", "三、附则", "1. 本说明书自发布之日起执行。"], title="店长岗位说明书")
    result = import_documents([tmp_path / "店长.docx"])
    [post] = result.posts
    assert texts(post) == ["负责门店的日常运营。", "审核每日营业报表。", "组织员工培训。"]
    assert {"三、附则", "1. 本说明书自发布之日起执行。"} <= {u.text for u in result.unplaced}


def test_paragraphs_each_opening_with_a_role_s_name_and_a_full_stop_each_name_a_post(tmp_path: Path) -> None:
    """A page listing a shop's roles as "- 01" bullets, each over a paragraph that opens with the role's name and a full
    stop and goes on with a sentence starting with that name (网店美工。网店美工负责…): each paragraph names a post and is
    its one duty, whole, with the name as its subject; most names read as post titles (美工, 客服), so 店铺推广 beside
    them is a post too. The bullets' numbers and the page's 赞 (0) are no duties."""
    (tmp_path / "分工.md").write_text(
        "# 网店各岗位的分工与职责\n\n网店各岗位的分工与职责有哪些呢?一起来看看。\n\n## 操作方法\n\n"
        "- 01\n\n  店铺推广。店铺推广负责站内外的推广投放。\n\n"
        "- 02\n\n  网店美工。网店美工负责商品拍照和详情页设计。主图也由美工完成。\n\n"
        "- 03\n\n  网店客服。网店客服负责售前咨询和售后处理。\n\n赞 (0)\n", encoding="utf-8")
    result = import_documents([tmp_path / "分工.md"])
    assert {p.name: texts(p) for p in result.posts} == {
        "店铺推广": ["店铺推广负责站内外的推广投放。"], "网店美工": ["网店美工负责商品拍照和详情页设计。主图也由美工完成。"],
        "网店客服": ["网店客服负责售前咨询和售后处理。"]}


@pytest.mark.parametrize("labels", [
    ["任职要求:", "①熟悉商品知识;②吃苦耐劳。", "岗位职责:", "①按照采购计划采购各类用品;②收集供应商信息。"],
    ["岗位职责:", "①按照采购计划采购各类用品;②收集供应商信息。", "任职要求:", "①熟悉商品知识;②吃苦耐劳。"],
], ids=["requirements-first", "duties-first"])
def test_a_definition_before_a_page_s_labels_is_their_lead_not_a_duty(tmp_path: Path, labels: list[str]) -> None:
    """A pasted page's title and source line, a sentence saying what the post is (采购员是指…的工作人员。), then 任职要求:
    and 岗位职责: in either order: the document labels its duties, so the prose before its labels leads into them, even
    where the line classifier would read it as the post's work; it is no duty."""
    definition = "采购员是指根据工作需要专职从事货物或办公物资采购的工作人员。"
    (tmp_path / "采购员.txt").write_text("\n".join(["采购员岗位职责与任职要求", "来源:网络　2025-05-15", "", definition, *labels]) + "\n",
                                       encoding="utf-8")
    result = import_documents([tmp_path / "采购员.txt"])
    [post] = result.posts
    assert (post.name, texts(post)) == ("采购员", ["按照采购计划采购各类用品;", "收集供应商信息。"])
    assert post.qualifications == ["熟悉商品知识;", "吃苦耐劳。"]
    assert definition in {u.text for u in result.unplaced}


def test_a_pasted_page_s_two_level_numbers_typed_without_a_space_are_list_numbers(tmp_path: Path) -> None:
    """A page pasted into Notepad numbers each section's items 1.1 … 2.4 with no space before the text (1.1了解…): the
    number is the item's list number and goes, as 1.1 with a space would; a decimal quantity (1.5倍) is the text's."""
    (tmp_path / "营业员.txt").write_text(
        "营业员岗位职责\n一、销售职责\n1.1了解公司下达的销售任务指标,协助店长进行销售任务的分解。\n"
        "1.2营业中应随时保持货架商品整齐和充足。\n二、其他辅助工作\n2.1听从店长安排,完成店长临时交办的工作。\n",
        encoding="utf-8")
    [post] = import_documents([tmp_path / "营业员.txt"]).posts
    assert texts(post) == ["了解公司下达的销售任务指标,协助店长进行销售任务的分解。", "营业中应随时保持货架商品整齐和充足。",
                           "听从店长安排,完成店长临时交办的工作。"]


def test_a_handbook_heading_over_the_post_s_fields_heads_a_post_whatever_its_name_looks_like(tmp_path: Path) -> None:
    """A department handbook: each post a heading (2.1 客服, 2.2 运营), a line of its fields (所属部门:… 直接上级:…) and one
    paragraph saying its work. 运营 does not read as a post title by its word, but the fields under its heading say it is a
    post, as beside it 客服; its paragraph is its duty, whole."""
    d = docx.Document()
    d.add_heading("二、岗位职责", 1)
    said = {"客服": "客服团队主要负责客户关系管理,包括建立客户档案、售后服务跟踪。他们还需熟悉电商平台规则。",
            "运营": "运营团队专注于产品优化与推广,包括标题、主图的优化。他们需要对电商平台规则有深入理解。"}
    for n, (name, text) in enumerate(said.items(), 1):
        d.add_heading(f"2.{n} {name}", 2)
        d.add_paragraph("所属部门:电商部\u3000\u3000直接上级:店长")
        d.add_paragraph(text)
    d.add_heading("三、附则", 1)
    d.add_paragraph("1. 本汇编由人力资源部负责解释。")
    d.save(tmp_path / "电商部.docx")
    result = import_documents([tmp_path / "电商部.docx"])
    assert {p.name: (texts(p), p.department) for p in result.posts} == {
        name: ([text], "电商部") for name, text in said.items()}


@pytest.mark.parametrize("bullet", ["List Bullet", "①"], ids=["word-bullets", "circled"])
def test_a_sentence_leading_from_a_group_s_title_into_its_items_is_no_duty_and_titled_items_stay_whole(
        tmp_path: Path, bullet: str) -> None:
    """二、岗位职责 over group titles (1. 商品采购策略制定, short, no sentence), each followed by a sentence ending in a colon
    (…这包括:) and then items numbered another way (Word's bullets, or ①②): the title names the group, the sentence leads
    into its items, neither is a duty. Each item is "topic:sentence" on one line; it is a duty verbatim, its topic kept."""
    path = _paragraphs(tmp_path / "采购经理.docx", ["岗位名称:采购经理", "二、岗位职责"], title="采购经理岗位职责")
    d = docx.Document(str(path))
    groups = {"1. 商品采购策略制定": ("采购经理的首要职责是制定商品采购策略。这包括:",
                                    ["市场调研:分析市场需求,了解消费者偏好。", "采购计划:根据销售预测和库存情况,制定采购计划。"]),
              "2. 成本控制": ("成本控制是采购经理的另一大职责:", ["成本分析:分析商品成本,寻找降低成本的机会。"])}
    for title, (lead, items) in groups.items():
        d.add_paragraph(title)
        d.add_paragraph(lead)
        for n, item in enumerate(items):
            if bullet == "List Bullet":
                d.add_paragraph(item, style="List Bullet")
            else:
                d.add_paragraph(chr(0x2460 + n) + item)
    d.add_paragraph("三、其他")
    d.save(path)
    result = import_documents([path])
    [post] = result.posts
    assert texts(post) == [item for _, items in groups.values() for item in items]
    unplaced = {u.text for u in result.unplaced}
    assert {"商品采购策略制定", "成本控制", *(lead for lead, _ in groups.values())} <= unplaced


def test_a_policy_s_numbered_items_each_led_by_a_post_s_title_each_state_a_post_and_its_duty(tmp_path: Path) -> None:
    """A 管理制度 whose one chapter divides the work among posts (二、岗位职责划分, then 1. 理货员:负责….), between chapters of
    rules that are no post's duties: each item is a post, the sentence after the colon its duty; the rules before and
    after belong to none of them."""
    said = {"理货员": "负责商品上架、补货及陈列维护。", "防损员": "负责卖场巡查、防盗防损及安全检查。",
            "收货员": "协助核对供应商送货单据,办理商品验收。"}
    _paragraphs(tmp_path / "门店管理制度.docx", [
        "发文部门:营运部", "为规范门店员工的日常工作,特制定本制度。", "一、行为规范", "1. 员工应遵守公司各项规章制度。",
        "2. 工作期间必须佩戴工牌。", "二、岗位职责划分", *(f"{n}. {name}:{text}" for n, (name, text) in enumerate(said.items(), 1)),
        "三、考勤制度", "1. 员工需按时上下班,迟到超过10分钟视为旷工。", "2. 请假需经主管批准。"], title="某超市门店管理制度")
    result = import_documents([tmp_path / "门店管理制度.docx"])
    assert {p.name: texts(p) for p in result.posts} == {name: [text] for name, text in said.items()}


def test_numbered_remarks_on_posts_the_document_already_stated_name_no_post_again(tmp_path: Path) -> None:
    """A page that states its posts in a table, then 二、各职位的工作特点 with 1. 收银员:… 2. 理货员:… about the same posts: the
    remarks are not those posts stated again (nor a second definition of them)."""
    path = tmp_path / "便利店职位.md"
    path.write_text("# 便利店有什么职位\n\n## 一、职位\n\n| 职位名称 | 工作内容 |\n| --- | --- |\n"
                    "| 收银员 | 负责顾客结账、商品扫码。 |\n| 理货员 | 负责商品上架、补货。 |\n\n## 二、各职位的工作特点\n\n"
                    "1. 收银员:是与顾客直接接触最多的职位之一。\n2. 理货员:对细节要求高,需定期盘点。\n", encoding="utf-8")
    result = import_documents([path])
    assert {p.name: texts(p) for p in result.posts} == {"收银员": ["负责顾客结账、商品扫码。"], "理货员": ["负责商品上架、补货。"]}


def test_a_handbook_chapter_of_conditions_for_every_post_is_no_post(tmp_path: Path) -> None:
    """二、通用招聘条件 (its numbered 年龄要求:…, 学历要求:… hold for every post) before 三、岗位职责 and its post headings: a
    heading that starts as no post's title does (通用, 基本, 其他 …) and ends in no post word names no post."""
    d = docx.Document()
    d.add_heading("一、总则", 1)
    d.add_paragraph("1.为明确各岗位职责,特制定本规定。")
    d.add_heading("二、通用招聘条件", 1)
    for line in ["1.年龄要求:员工年龄一般在18-45岁之间。", "2.学历要求:初中及以上学历。", "3.身体素质要求:身体健康。"]:
        d.add_paragraph(line)
    d.add_heading("三、岗位职责与任职要求", 1)
    d.add_heading("3.1 收银员", 2)
    d.add_paragraph("所属部门:便利店事业部\u3000\u3000直接上级:店长")
    d.add_paragraph("岗位职责:")
    d.add_paragraph("负责顾客结账、找零、退货等工作。")
    d.add_paragraph("任职要求:")
    d.add_paragraph("熟练掌握收银系统操作。")
    d.save(tmp_path / "便利店.docx")
    result = import_documents([tmp_path / "便利店.docx"])
    assert {p.name: (texts(p), p.qualifications) for p in result.posts} == {
        "收银员": (["负责顾客结账、找零、退货等工作。"], ["熟练掌握收银系统操作。"])}


def test_a_table_attached_after_the_form_as_an_appendix_holds_no_duty(tmp_path: Path) -> None:
    """附表:配货工作流程 after the post's form, then a 步骤 | 工作内容 | 负责人 | 备注 table: an attached table (附表, as 附件
    and 附录) ends the post's document; its cells, though they read like work, are no duties (nor its header a label)."""
    path = form(tmp_path / "配货员.docx", "配货员", "仓储部", "仓库主管", ["1、订单核对:确认商品名称、数量是否正确。"], [],
                signoff=False)
    d = docx.Document(str(path))
    d.add_paragraph("附表:配货工作流程")
    t = d.add_table(rows=0, cols=4)
    for row in [("步骤", "工作内容", "负责人", "备注"), ("1", "订单接收", "系统", "接收来自平台的订单数据"),
                ("2", "商品分拣", "配货员", "根据订单清单从货架中取货")]:
        cells = t.add_row().cells
        for c, text in zip(cells, row, strict=True):
            c.text = text
    d.save(path)
    [post] = import_documents([path]).posts
    assert texts(post) == ["订单核对:确认商品名称、数量是否正确。"]


def test_a_page_titled_on_a_post_s_work_with_a_part_on_its_main_work_takes_the_sentence_under_each_title(
        tmp_path: Path) -> None:
    """# 理货员的工作内容 names the post as 理货员岗位职责 does; ## 一、理货员的主要工作, a part of its page, holds its duties; under
    it each ### 1. 商品陈列 titles the sentence that follows, which is the duty. The lead before the part is none."""
    said = {"商品陈列": "负责货架商品的陈列与整理,确保陈列整齐美观。", "补货盘点": "根据销售情况及时补货,参与月度盘点。"}
    path = tmp_path / "理货员的工作内容.md"
    path.write_text("# 理货员的工作内容\n\n发布时间:2025-11-01　来源:网络整理\n\n"
                    "为了更清晰地了解理货员的职责范围,以下是对该岗位工作内容的总结:\n\n## 一、理货员的主要工作\n\n"
                    + "".join(f"### {n}. {title}\n\n{text}\n\n" for n, (title, text) in enumerate(said.items(), 1)),
                    encoding="utf-8")
    result = import_documents([path])
    assert {p.name: texts(p) for p in result.posts} == {"理货员": list(said.values())}
    assert set(said) <= {strip_number(u.text)[0] for u in result.unplaced}


def test_a_title_asking_what_a_role_does_then_asking_its_duties_names_a_post_whatever_its_word(tmp_path: Path) -> None:
    """直播运营是做什么的?直播运营职责有哪些?: the page's question about 直播运营, then one about its duties. 运营 is no post
    word (as 店长 or 专员 are), but a page asking for a role's duties is about a post; its duties follow under
    一、直播运营的职责."""
    path = tmp_path / "直播运营.txt"
    path.write_text("直播运营是做什么的?直播运营职责有哪些?\n2023-06-12 来源:网络\n\n一、直播运营的职责\n\n"
                    "1. 负责直播平台的内容管理。\n2. 负责直播平台的推广工作。\n", encoding="utf-8")
    result = import_documents([path])
    assert {p.name: texts(p) for p in result.posts} == {"直播运营": ["负责直播平台的内容管理。", "负责直播平台的推广工作。"]}


def test_numbered_titles_each_over_a_paragraph_title_the_duties_and_a_paragraph_under_no_title_is_the_lead(
        tmp_path: Path) -> None:
    """A page pasted into Notepad: 理货员岗位职责, then a paragraph (the site's advertisement), then 1. 商品陈列 and 2. 补货盘点,
    each a short title over a paragraph of sentences. Each paragraph is a duty, whole; the titles name them; the paragraph
    before the first title stands under no title: the list's lead, no duty."""
    said = ["理货员需要负责货架商品的陈列与整理。陈列的质量直接关系到顾客的购物体验。",
            "理货员需要根据销售情况及时补货。同时参与月度盘点,确保账实相符。"]
    path = tmp_path / "理货员岗位职责.txt"
    path.write_text("理货员岗位职责\n\n某某网络公司是一家专业提供网站建设、服务器托管的互联网公司。\n\n"
                    f"1. 商品陈列\n\n{said[0]}\n\n2. 补货盘点\n\n{said[1]}\n", encoding="utf-8")
    result = import_documents([path])
    assert {p.name: texts(p) for p in result.posts} == {"理货员": said}
    assert {"商品陈列", "补货盘点", "某某网络公司是一家专业提供网站建设、服务器托管的互联网公司。"} <= {
        u.text for u in result.unplaced}


def test_a_note_after_titled_paragraphs_is_no_second_paragraph_of_the_last_title(tmp_path: Path) -> None:
    """A Word list of title lines (1. 质量把控), each over a paragraph of sentences (the duty), then a note (注:…。): a note
    closes the list as 以上… or 本说明书… do; though it is a whole sentence right under the last paragraph, it is no second
    paragraph of the last title, and no duty."""
    said = {"质量把控": "分拣员需要检查每一批蔬菜的新鲜程度。确保进入超市的蔬菜都符合食品安全标准。",
            "卫生管理": "分拣员需要保持工作区域的卫生,定期对分拣设备进行清洁消毒。"}
    note = "注:本岗位人员须持有效健康证上岗,每半年复检一次。"
    _paragraphs(tmp_path / "分拣员.docx", [
        "所属部门:生鲜部\u3000\u3000直接上级:生鲜主管",
        *(x for n, (title, text) in enumerate(said.items(), 1) for x in (f"{n}. {title}", text)), note],
        title="蔬菜分拣员岗位职责")
    result = import_documents([tmp_path / "分拣员.docx"])
    assert {p.name: texts(p) for p in result.posts} == {"蔬菜分拣员": list(said.values())}
    assert note in {u.text for u in result.unplaced}


@pytest.mark.parametrize(("name", "duties", "requirements", "part"), [
    ("收银主管", "岗位职责", "岗位要求", "发展方向"), ("收銀主管", "崗位職責", "崗位要求", "發展方向"),
    ("收银主管", "岗位职责", "岗位要求", "的工作环境"), ("收银主管", "岗位职责", "岗位要求", "的发展前景"),
    ("收银主管", "岗位职责", "岗位要求", "发展方向:")],
    ids=["simplified", "traditional", "with-de", "prospects", "colon"])
def test_a_line_of_the_post_s_name_and_a_part_s_label_opens_that_part_not_more_requirements(
        tmp_path: Path, name: str, duties: str, requirements: str, part: str) -> None:
    """A pasted page names each part by the post's name and the part's word (收银主管岗位职责, 收银主管岗位要求, then
    收银主管发展方向): the line is that part's label, as 发展方向 alone would be; the sentence under it is no requirement of
    the list before it (nor a duty), and the line itself no requirement."""
    path = tmp_path / "收银主管.txt"
    path.write_text(f"{name}\n\n{name}{duties}\n1.负责收银人员的操作管理;\n2.负责员工的培训考评工作。\n"
                    f"{name}{requirements}\n1.大专以上学历;\n2.具有较强的管理能力和沟通能力。\n{name}{part}\n可往部门经理方向发展。\n",
                    encoding="utf-8")
    inline = tmp_path / "收银主管2.txt"  # the part's label and its sentence on one line
    inline.write_text(path.read_text(encoding="utf-8").replace(f"{part}\n", f"{part.rstrip(':')}:"), encoding="utf-8")
    result = import_documents([path])
    [post] = result.posts
    assert (post.name, texts(post)) == (name, ["负责收银人员的操作管理;", "负责员工的培训考评工作。"])
    assert post.qualifications == ["大专以上学历;", "具有较强的管理能力和沟通能力。"]
    assert "可往部门经理方向发展。" in {u.text for u in result.unplaced}
    [post] = import_documents([inline]).posts
    assert post.qualifications == ["大专以上学历;", "具有较强的管理能力和沟通能力。"] and len(post.duties) == 2


@pytest.mark.parametrize("indent", ["  ", ""], ids=["indented", "lazy"])
def test_markdown_list_items_of_a_bold_post_title_over_an_indented_paragraph_each_state_a_post(
        tmp_path: Path, indent: str) -> None:
    """A web Q&A saved as Markdown: a question title that names no post (仓库系统有哪些等级管理), a lead, then "- **仓库管理员:**"
    items, each a post's title and a colon in bold with the item's paragraph indented on the next line, and a closing
    sentence (or the paragraph right under the item, not indented: Markdown's lazy continuation of the item). Each item
    is a post and its paragraph, whole, its duty (as "- **采购助理** :…" on one line already was);
    仓库所有者 ends in no post word, but the items beside it, led alike, name posts, so it does too. The title is no post,
    the lead and the closing sentence no duties."""
    said = {"仓库管理员": "仓库管理员是最基本的管理等级。他们负责日常的货物收发、储存、盘点等。",
            "仓库主管": "仓库主管通常负责多个仓库的管理工作。他们负责监督仓库管理员的工作。",
            "仓库所有者": "仓库所有者是对仓库系统负有最终责任的管理者。他们负责制定仓库系统的整体发展战略。"}
    path = tmp_path / "仓库系统有哪些等级管理.md"
    path.write_text("# 仓库系统有哪些等级管理\n\n> 某某问答 | 保存于 2025-05-18\n\n"
                    "仓库系统的管理分为多个层级。以下是常见的几个管理等级:\n\n"
                    + "".join(f"- **{name}:**\n{indent}{text}\n\n" for name, text in said.items())
                    + "总的来说,每个管理等级都有不同的职责和权限。\n", encoding="utf-8")
    result = import_documents([path])
    assert {p.name: texts(p) for p in result.posts} == {name: [text] for name, text in said.items()}
    unplaced = {u.text for u in result.unplaced}
    assert "总的来说,每个管理等级都有不同的职责和权限。" in unplaced


def test_markdown_bold_items_over_paragraphs_that_mostly_name_no_post_name_none(tmp_path: Path) -> None:
    """The same layout under a post's page, its items' names topics of the work (商品陈列:, 库存盘点:, 仓库所有者:), most no
    post's title: they state no posts; the page's one post keeps its duties."""
    path = tmp_path / "理货员岗位职责.md"
    path.write_text("# 理货员岗位职责\n\n- **商品陈列:**\n  负责货架商品的陈列与整理。\n\n"
                    "- **库存盘点:**\n  参与月度盘点,确保账实相符。\n\n"
                    "- **仓库所有者:**\n  配合仓库所有者做好交接。\n", encoding="utf-8")
    result = import_documents([path])
    assert [p.name for p in result.posts] == ["理货员"]


def test_label_lines_of_names_over_paragraphs_that_mostly_name_posts_all_state_posts(tmp_path: Path) -> None:
    """In a text file, lines of a name and a colon (仓库管理员:), each over its paragraph: most names are post titles, so
    the one that ends in no post word (仓库所有者:) states a post too, as its siblings do; its paragraph is its duty."""
    said = {"仓库管理员": "仓库管理员负责日常的货物收发、储存、盘点等。", "仓库经理": "仓库经理负责管理整个仓库系统的运作。",
            "仓库所有者": "仓库所有者对仓库系统的经营状况负有最终责任。"}
    path = tmp_path / "仓库等级.txt"
    path.write_text("仓库系统的管理等级\n\n" + "".join(f"{name}:\n{text}\n\n" for name, text in said.items()), encoding="utf-8")
    result = import_documents([path])
    assert {p.name: texts(p) for p in result.posts} == {name: [text] for name, text in said.items()}


def test_headings_alike_each_over_one_paragraph_that_mostly_name_posts_all_state_posts(tmp_path: Path) -> None:
    """A page with a heading per level (## 仓库管理员, ## 仓库经理, ## 仓库所有者), each over one paragraph: the headings
    alike mostly name posts, so 仓库所有者, with no post word, heads a post too and its paragraph is its duty; 总结 and
    its sentence are the page's own."""
    said = {"仓库管理员": "仓库管理员负责日常的货物收发、储存、盘点等。", "仓库经理": "仓库经理负责管理整个仓库系统的运作。",
            "仓库所有者": "仓库所有者对仓库系统的经营状况负有最终责任。"}
    path = tmp_path / "仓库等级.md"
    path.write_text("# 仓库系统有哪些等级\n\n仓库系统分为多个等级:\n\n" + "".join(f"## {name}\n\n{text}\n\n" for name, text in said.items())
                    + "## 总结\n\n总的来说,等级依次递增。\n", encoding="utf-8")
    result = import_documents([path])
    assert {p.name: texts(p) for p in result.posts} == {name: [text] for name, text in said.items()}


def test_unnumbered_lines_of_a_post_a_colon_and_one_sentence_each_state_a_post(tmp_path: Path) -> None:
    """A pasted page listing its posts one line each, a name, a colon and one sentence (仓库管理员:负责…。), no numbers, no
    label: each line is a post and its sentence its duty; most names are post titles, so 仓库所有者 beside them too. Under a
    post's duties, lines led by their topic (商品管理:负责…。) stay that post's duties."""
    said = {"仓库管理员": "仓库管理员负责日常的货物收发、储存、盘点等。", "仓库经理": "仓库经理负责管理整个仓库系统的运作。",
            "仓库所有者": "仓库所有者对仓库系统的经营状况负有最终责任。"}
    path = tmp_path / "仓库等级.txt"
    path.write_text("仓库系统有哪些等级\n\n" + "".join(f"{name}：{text}\n\n" for name, text in said.items()), encoding="utf-8")
    result = import_documents([path])
    assert {p.name: texts(p) for p in result.posts} == {name: [text] for name, text in said.items()}
    duties = ["商品管理:负责商品的陈列与补货。", "人员管理:负责店员的排班与培训。"]
    (tmp_path / "店长.txt").write_text("店长岗位职责\n\n" + "\n".join(duties) + "\n", encoding="utf-8")
    assert {p.name: texts(p) for p in import_documents([tmp_path / "店长.txt"]).posts} == {"店长": duties}


def test_a_label_with_a_qualifier_before_it_is_that_label_and_ends_the_duties(tmp_path: Path) -> None:
    """A form's sections 5、工作内容: then 6、主要考核指标: (a known label, 考核指标, with 主要 before it): the qualifier only
    says which of its kind, so the line is that label and the items under it are no duties; 7、任职资格 follows as usual."""
    duties = ["5.1 严格遵守本公司纪律、规章制度。", "5.2 做好药品的防盗和防止药品变质的工作。"]
    path = tmp_path / "营业员岗位职责.txt"
    path.write_text("营业员岗位职责要求\n岗位名称:营业员\n5、工作内容:\n" + "\n".join(duties)
                    + "\n6、主要考核指标:\n6.1 执行本公司规章制度的情况。\n6.2 顾客的服务和质量的投诉。\n"
                    "7、任职资格:\n7.1 高中以上文化程度。\n", encoding="utf-8")
    [post] = import_documents([path]).posts
    assert (post.name, texts(post)) == ("营业员", [strip_number(d)[0] for d in duties])
    assert post.qualifications == ["高中以上文化程度。"]


def test_duty_cells_that_each_open_with_a_title_over_the_duty_s_paragraph_give_the_paragraphs(tmp_path: Path) -> None:
    """A 序号 | 职责描述 | 考核标准 | 权重 table whose every duty cell holds a short title (bold, no sentence) and then the
    duty's paragraph: the paragraphs are the duties, the titles name them (as titled paragraphs of a page do). When one
    cell of the table holds a duty alone, the cells are not so titled and every line stays a duty."""
    titled = [("制定经营计划", "超市店长需要制定和执行超市的经营计划,并根据实际情况进行调整。"),
              ("负责超市内部管理", "超市店长需要制定并执行各项管理制度,包括人员考核、库存管理等。")]

    def table(path: Path, rows: list[tuple[str, ...]]) -> Path:
        d = docx.Document()
        d.add_paragraph("超市店长岗位职责及考核标准")
        d.add_paragraph("所属部门:门店营运部　　直接上级:区域经理")
        t = d.add_table(rows=1, cols=4)
        for cell, text in zip(t.rows[0].cells, ["序号", "职责描述", "考核标准", "权重"], strict=True):
            cell.text = text
        for n, lines in enumerate(rows, start=1):
            r = t.add_row().cells
            r[0].text, r[2].text, r[3].text = str(n), "达成率≥95%", "50%"
            r[1].paragraphs[0].add_run(lines[0]).bold = len(lines) > 1
            for line in lines[1:]:
                r[1].add_paragraph(line)
        d.save(str(path))
        return path

    [post] = import_documents([table(tmp_path / "超市店长.docx", titled)]).posts
    assert (post.name, texts(post)) == ("超市店长", [paragraph for _, paragraph in titled])
    mixed = [*titled, ("负责门店安全管理,确保无安全事故。",)]
    [post] = import_documents([table(tmp_path / "超市店长2.docx", mixed)]).posts
    assert texts(post) == [line for lines in mixed for line in lines]


def test_a_heading_on_the_page_s_questions_and_answers_names_no_post(tmp_path: Path) -> None:
    """A web page saved as Markdown: the post's duties and requirements, then ## 社群运营岗位职责相关常见问答 (or ## 常见问题)
    with numbered questions and their answers: the page's Q&A about the post, no post, its answers no duties."""
    duties = ["负责制定社群运营策略。", "撰写社群文章、帖子,提升内容质量。"]
    for heading in ("社群运营岗位职责相关常见问答", "常见问题"):
        path = tmp_path / "社群运营岗位职责.md"
        path.write_text("# 社群运营岗位职责范文\n\n## 社群运营岗位职责\n\n### 一、岗位职责\n\n"
                        + "".join(f"- {d}\n" for d in duties) + "\n### 二、任职要求\n\n- 本科及以上学历。\n\n"
                        f"## {heading}\n\n1. 问:社群运营的主要目标是什么?\n\n   答:社群运营的主要目标是提升用户粘性。\n", encoding="utf-8")
        [post] = import_documents([path]).posts
        assert (post.name, texts(post), post.qualifications) == ("社群运营", duties, ["本科及以上学历。"])


def test_a_numbered_heading_of_a_post_s_title_a_colon_and_a_tagline_names_the_post(tmp_path: Path) -> None:
    """An article pasted into Notepad presents its posts under headings like 1.1 运输调度员:物流网络的“神经中枢”, a post's
    title, a colon and a tagline with no sentence: the heading names the post (the tagline says nothing of it), and the
    "- title:sentence" items after the lead are its duties."""
    duties = ["订单接收与审核:对接客户订单,核对货物信息,确保订单准确性。例如,在大促期间快速处理订单。",
              "车辆调度与配载:根据货物特性匹配合适的车型,提高车辆装载率。"]
    path = tmp_path / "岗位设置.txt"
    path.write_text("运输与配送岗位设置全解析(节选)\n2025-11-03　整理:物流配送中心\n\n一、基础操作岗位设置:构建高效物流的基石\n\n"
                    "1.1 运输调度员:物流网络的“神经中枢”\n运输调度员是物流运输环节的关键岗位,负责车辆资源的分配。其核心职责包括:\n"
                    + "".join(f"- {d}\n" for d in duties) + "\n(以下略)\n", encoding="utf-8")
    result = import_documents([path])
    assert {p.name: texts(p) for p in result.posts} == {"运输调度员": duties}
    assert "物流网络的“神经中枢”" in {u.text for u in result.unplaced}
    assert titled_post_heading("1.1 运输调度员:物流网络的“神经中枢”") == ("1.1 运输调度员", "物流网络的“神经中枢”")
    # what follows the colon says the post's work, or the line is no post's title: no tagline
    assert titled_post_heading("1.1 店长:负责门店全面管理") is None
    assert titled_post_heading("1.1 订单接收与审核:核对订单") is None


def test_a_question_title_on_what_work_a_post_does_with_an_aside_names_the_post(tmp_path: Path) -> None:
    """A web article titled 电商拣货员是干什么活(电商拣货员的工作内容与职责) asks what the post does, with an aside in
    brackets: the title names the post, as 生活配送员是做什么的 does."""
    duties = ["作为电商拣货员,首先要负责仓库的管理,以确保仓库的有序和高效。", "拣货员需要根据订单信息,从仓库中找到相应的商品。"]
    path = tmp_path / "拣货.txt"
    path.write_text("电商拣货员是干什么活(电商拣货员的工作内容与职责)\n\n1. 仓库管理\n\n" + duties[0] + "\n\n2. 订单处理\n\n"
                    + duties[1] + "\n", encoding="utf-8")
    [post] = import_documents([path]).posts
    assert (post.name, texts(post)) == ("电商拣货员", duties)


def test_titles_each_over_two_paragraphs_past_blank_lines_take_both_as_duties(tmp_path: Path) -> None:
    """A page pasted into Notepad titles each duty group (1. 仓库管理) over two paragraphs, blank lines between: both
    paragraphs under every title are duties, the last title's as many as its siblings', and what follows (以下略) is none."""
    groups = [("仓库管理", ["拣货员负责仓库的管理,包括货物的分类、摆放和整理。", "拣货员还需要定期盘点货物,确保库存数量准确无误。"]),
              ("订单处理", ["拣货员根据订单信息从仓库中找到相应的商品,并进行准确的拣货。",
                           "拣货员使用扫描枪将拣货信息输入系统,以便后续跟踪。"]),
              ("质量控制", ["拣货员仔细检查商品的质量和完整性,发现次品及时上报。",
                           "拣货员还需要注意商品的保质期,合理安排货物的存放位置。"])]
    body = "".join(f"{n}. {title}\n\n" + "".join(f"{p}\n\n" for p in paragraphs) for n, (title, paragraphs) in enumerate(groups, 1))
    path = tmp_path / "拣货员岗位职责.txt"
    path.write_text("拣货员岗位职责\n\n" + body + "总的来看,这是一份辛苦但重要的工作,值得认真对待。\n", encoding="utf-8")
    [post] = import_documents([path]).posts
    assert texts(post) == [p for _, paragraphs in groups for p in paragraphs]


def test_a_page_s_lead_saying_what_the_post_is_is_no_duty(tmp_path: Path) -> None:
    """A Markdown article titled 理货员的工作内容与职责 opens with 理货员是…岗位 (what the post is), then the paragraphs
    saying its work: the title names the post and opens its duties; the defining lead is none of them."""
    duties = ["首先,理货员需要对商品进行分类和整理,将货物摆放到指定的位置。", "其次,理货员还需要定期检查商品库存,及时补充货物。"]
    path = tmp_path / "理货员.md"
    path.write_text("# 理货员的工作内容与职责\n\n理货员是商业零售行业中不可或缺的重要岗位,他们的主要职责是负责商品的整理和陈列。\n\n"
                    + "".join(f"{d}\n\n" for d in duties), encoding="utf-8")
    result = import_documents([path])
    [post] = result.posts
    assert (post.name, texts(post)) == ("理货员", duties)
    assert any(u.text.startswith("理货员是商业零售行业") for u in result.unplaced)


def test_a_part_on_the_rules_a_post_works_by_holds_its_duties_though_it_names_skills(tmp_path: Path) -> None:
    """店员岗位职责, then 一、店员的职业道德和职业技能规则: with "1、title:" lines over their paragraphs and single items: a
    part on the rules the post works by lists what it must do (its duties); 技能 inside it makes no requirements heading.
    A part on what the post must have (店员需要具备的技能) still holds requirements."""
    from docx import Document

    duties = ["着装整齐,工牌端正,举止文明,能使顾客产生信任感。", "热情招呼,微笑待客,纯熟使用礼貌用语。",
              "店员要学会辨认处方、分析处方、调配处方,注重配伍禁忌。", "负责办理商品进货验收和退换。"]
    skills = ["熟悉常见药品的用途和用法。", "能够识别常见处方。", "懂得药品的贮藏方法。", "具备良好的沟通能力。"]

    def document(path: Path, heading: str, said: list[str]) -> Path:
        d = Document()
        for line in ["店员岗位职责", "所属部门:大药房　　直接上级:药房店长", heading, "1、行为举止和仪表:", said[0],
                     "2、服务和态度:", said[1], "3、理解处方:", said[2], f"4、{said[3]}"]:
            d.add_paragraph(line)
        d.save(str(path))
        return path

    [post] = import_documents([document(tmp_path / "店员.docx", "一、店员的职业道德和职业技能规则:", duties)]).posts
    assert (texts(post), post.qualifications) == (duties, [])
    [post] = import_documents([document(tmp_path / "店员2.docx", "一、店员需要具备的技能", skills)]).posts
    assert (texts(post), [q.split(":")[-1] for q in post.qualifications]) == ([], skills)


def test_a_category_column_beside_the_duties_names_each_row_s_kind_and_the_rows_stay_duties(tmp_path: Path) -> None:
    """A duty workbook with a 类别 column whose cells say 工作职责 on the first row and 工作流程 merged down the others: the
    column says what kind of duty each row of the 岗位职责 column is; its cells are no labels, every row is the post's."""
    duties = ["负责对送货供应商定单的审核。", "审单员上岗前将预约送货报表拿到审单处。", "审单员要对定单进行严格审核。"]
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "部门", "岗位", "直接上级", "类别", "岗位职责", "备注"])
    for n, (kind, duty) in enumerate(zip(["工作职责", "工作流程", "工作流程"], duties, strict=True), 1):
        ws.append([n, "收货部", "审单员", "收货主管", kind, duty, "早晚两班"])
    for column in "BCDG":
        ws.merge_cells(f"{column}2:{column}4")
    ws.merge_cells("E3:E4")
    wb.save(tmp_path / "收货部岗位职责表.xlsx")
    [post] = import_documents([tmp_path / "收货部岗位职责表.xlsx"]).posts
    assert (post.name, post.department, post.reports_to_text, texts(post)) == ("审单员", "收货部", "收货主管", duties)


def test_a_handbook_s_heading_on_the_department_s_organisation_names_no_post(tmp_path: Path) -> None:
    """A department handbook: Heading 1 一、总则, 二、组织架构 over a paragraph naming the posts, 三、岗位职责, then each post a
    Heading 2 (3.1 主播) with its fields and one paragraph: 组织架构 is the handbook's own part, no post, so the first post
    under 三、 is 主播, not a part of it. Inside one post's form (岗位名称:…, then 二、部门组织架构) it stays that form's part."""
    from docx import Document

    d = Document()
    d.add_heading("一、总则", 1)
    d.add_paragraph("为明确直播电商部各岗位的工作内容,特制定本手册。")
    d.add_heading("二、组织架构", 1)
    d.add_paragraph("直播电商部设部门经理1名,下设主播、副播等岗位。")
    d.add_heading("三、岗位职责", 1)
    said = {"主播": "一场直播的主导者,对直播节奏把控到位。", "副播": "一场直播的辅助者,配合主播完成直播。"}
    for n, (name, duty) in enumerate(said.items(), 1):
        d.add_heading(f"3.{n} {name}", 2)
        d.add_paragraph("所属部门:直播电商部　　直接上级:直播电商部经理")
        d.add_paragraph("岗位职责:")
        d.add_paragraph(duty)
    d.add_heading("四、附则", 1)
    d.save(str(tmp_path / "直播电商部岗位职责手册.docx"))
    posts = by_name(import_documents([tmp_path / "直播电商部岗位职责手册.docx"]))
    assert {name: texts(p) for name, p in posts.items()} == {name: [duty] for name, duty in said.items()}

    form = Document()
    form.add_heading("会员中心主管岗位说明书", 1)
    form.add_paragraph("岗位名称:会员中心主管\t所属部门:会员中心")
    form.add_heading("一、部门组织架构", 1)
    form.add_paragraph("部门组织架构组成:部门主管1名,下设办公室职员2名")
    form.add_heading("二、岗位职责", 1)
    for duty in ("负责组建团队;", "负责策划各类会员活动;"):
        form.add_paragraph(duty, style="List Number")
    form.save(str(tmp_path / "会员中心主管.docx"))
    [post] = import_documents([tmp_path / "会员中心主管.docx"]).posts
    assert (post.name, texts(post)) == ("会员中心主管", ["负责组建团队;", "负责策划各类会员活动;"])


def test_a_title_and_fields_over_a_table_of_one_post_a_row_give_each_post_its_superior_and_name_no_post(
        tmp_path: Path) -> None:
    """A Word page: 眼镜部岗位设置及职责, a line 所属部门:眼镜部　直接上级:眼镜部主管, then 序号 | 岗位 | 主要职责 | 定员 with one
    post a row: the title names the document, no post; the department and the superior over the table are every row's
    post's, unless a row states its own."""
    from docx import Document

    said = {"验光师": "负责视力检查、瞳距测量等。", "配镜师": "操作磨边机、调整镜架。"}
    d = Document()
    d.add_paragraph("眼镜部岗位设置及职责")
    d.add_paragraph("所属部门:眼镜部　　直接上级:眼镜部主管　　更新日期:2025年6月1日")
    t = d.add_table(rows=1, cols=4)
    for c, head in zip(t.rows[0].cells, ["序号", "岗位", "主要职责", "定员"], strict=True):
        c.text = head
    for n, (name, duty) in enumerate(said.items(), 1):
        for c, value in zip(t.add_row().cells, [str(n), name, duty, "1-2人"], strict=True):
            c.text = value
    d.save(str(tmp_path / "眼镜部岗位设置.docx"))
    result = import_documents([tmp_path / "眼镜部岗位设置.docx"])
    assert {p.name: (p.department, p.reports_to_text, texts(p)) for p in result.posts} == {
        name: ("眼镜部", "眼镜部主管", [duty]) for name, duty in said.items()}
    assert "眼镜部岗位设置及职责" in {u.text for u in result.unplaced}


@pytest.mark.parametrize("label", ["薪酬与权益", "考核指标与标准", "工作环境及条件"])
def test_a_form_row_labelled_by_a_label_of_no_duty_joined_to_another_word_holds_neither_duty_nor_requirement(
        tmp_path: Path, label: str) -> None:
    """A form whose rows are 工作职责, 任职要求, then 薪酬与权益 (a pay label and a word of its own): the row is a part of the
    form that holds no duty and no requirement, not one more line of the requirements above it."""
    d = docx.Document()
    _info_form(d, [("职位名称", "社区团购队长", "所属部门", "社区团购部")])
    t = d.add_table(rows=0, cols=2)
    for head, value in [("工作职责", "1. 协调团购活动:负责与供应商协商商品及价格。"), ("任职要求", "(1)热爱社区团购:对此充满热情。"),
                        (label, "提成收入:队长将享有团购活动的一定提成。")]:
        r = t.add_row().cells
        r[0].text, r[1].text = head, value
    d.save(str(tmp_path / "队长.docx"))
    [post] = import_documents([tmp_path / "队长.docx"]).posts
    assert (texts(post), post.qualifications) == (["协调团购活动:负责与供应商协商商品及价格。"], ["热爱社区团购:对此充满热情。"])


def test_a_duty_led_by_a_topic_joining_a_label_word_to_a_work_stays_a_duty(tmp_path: Path) -> None:
    """Under 岗位职责, 2. 薪酬与福利管理:负责… joins a label word (薪酬) to a work of its own (福利管理): the item's topic,
    no label of a part that holds no duty, so the list goes on."""
    duties = ["负责公司招聘计划的制定与实施。", "薪酬与福利管理:负责制定薪酬方案并核算工资。", "负责员工培训的组织。"]
    path = tmp_path / "人事专员岗位职责.txt"
    path.write_text("岗位名称:人事专员\n岗位职责:\n" + "".join(f"{n}. {d}\n" for n, d in enumerate(duties, 1)), encoding="utf-8")
    [post] = import_documents([path]).posts
    assert texts(post) == duties


@pytest.mark.parametrize("title", ["导购职责有哪些?", "导购的职责是什么？", "导购职责有哪些?一文看懂导购岗位要求",
                                   "导购岗位职责有哪些?一文看懂导购岗位要求"])
def test_a_title_asking_what_a_posts_duties_are_names_that_post_whatever_tail_follows(tmp_path: Path, title: str) -> None:
    """# 导购职责有哪些?一文看懂导购岗位要求: a page's title asking what a post's duties are (职责 alone, or 岗位职责),
    then a tail naming the post again that says what the page gives: the post is the one asked about, 导购."""
    (tmp_path / "a.md").write_text(
        f"# {title}\n\n## 日常工作\n\n1. 主动了解商品详情并为顾客答疑解惑。\n2. 保持门店环境整洁,及时补货。\n", encoding="utf-8")
    result = import_documents([tmp_path / "a.md"])
    assert {p.name: texts(p) for p in result.posts} == {"导购": ["主动了解商品详情并为顾客答疑解惑。", "保持门店环境整洁,及时补货。"]}


def test_a_question_title_with_a_tail_not_naming_the_post_is_no_posts_title(tmp_path: Path) -> None:
    """The tail must name the post again: 管理职责有哪些?看这里 is a page's question, not a post's title, and a later
    heading that names a post is still read as that post."""
    (tmp_path / "a.md").write_text(
        "# 管理职责有哪些?看这里\n\n## 店长岗位职责\n\n1. 负责门店日常运营管理。\n", encoding="utf-8")
    result = import_documents([tmp_path / "a.md"])
    assert {p.name: texts(p) for p in result.posts} == {"店长": ["负责门店日常运营管理。"]}


def test_question_headings_over_the_duties_title_their_paragraphs_and_are_no_duties(tmp_path: Path) -> None:
    """Under a page's duties, ## headings that ask a question (## 导购入职要做哪些日常工作?), each over one paragraph
    answering it: the paragraphs are the duties, the questions title them and are none of them."""
    (tmp_path / "a.md").write_text(
        "# 导购岗位职责\n\n## 导购入职要做哪些日常工作?\n\n导购需主动了解商品详情并为顾客答疑解惑,包括货品上新、陈列等。\n\n"
        "## 导购对企业内部有哪些沟通与协作义务?\n\n导购需与上级主管汇报销售数据和顾客反馈,配合营销活动执行。\n", encoding="utf-8")
    result = import_documents([tmp_path / "a.md"])
    assert {p.name: texts(p) for p in result.posts} == {"导购": [
        "导购需主动了解商品详情并为顾客答疑解惑,包括货品上新、陈列等。", "导购需与上级主管汇报销售数据和顾客反馈,配合营销活动执行。"]}
    assert {"导购入职要做哪些日常工作?", "导购对企业内部有哪些沟通与协作义务?"} <= {u.text for u in result.unplaced}


def test_a_markdown_image_is_no_text_of_the_page(tmp_path: Path) -> None:
    """A web copy's picture (![]() where the image was lost, ![门店](a.png)) says nothing: no duty, nothing unplaced."""
    (tmp_path / "a.md").write_text(
        "# 导购岗位职责\n\n![]()\n\n1. 主动了解商品详情。\n\n![门店](a.png)\n\n2. 保持门店环境整洁。\n", encoding="utf-8")
    result = import_documents([tmp_path / "a.md"])
    assert {p.name: texts(p) for p in result.posts} == {"导购": ["主动了解商品详情。", "保持门店环境整洁。"]}
    assert not any("![" in u.text for u in result.unplaced)


_SORTER_PAGE = ("揭秘南康蔬菜分拣员:辛勤与智慧\n发布时间:2025-03-12 来源:百科问答\n\n"
                "一、南康蔬菜分拣员的工作环境\n\n1. 工作地点:分拣员通常在蔬菜批发市场工作。\n2. 工作时间:一般为早中晚三餐时段。\n"
                "3. 工作内容:主要包括蔬菜的验收、分拣和搬运等。\n\n"
                "二、南康蔬菜分拣员的工作流程\n\n1. 验收:对送来的蔬菜进行质量验收。\n2. 分拣:根据蔬菜的种类、大小进行分类。\n\n"
                "三、南康蔬菜分拣员的辛勤付出\n\n1. 体力劳动:分拣员需要长时间站立和搬运重物。\n")


@pytest.mark.parametrize("file, name", [("蔬菜分拣员的工作流程.txt", "蔬菜分拣员"), ("分拣.txt", "南康蔬菜分拣员")],
                         ids=["file-named-for-the-work", "file-named-otherwise"])
def test_a_page_whose_parts_name_a_post_is_that_posts_and_its_work_steps_are_its_duties(tmp_path: Path, file: str,
                                                                                          name: str) -> None:
    """A pasted page titled by no post (揭秘南康蔬菜分拣员:辛勤与智慧) whose parts each name one (一、南康蔬菜分拣员的工作环境,
    二、…的工作流程, 三、…的辛勤付出) is about that post; its part on the work steps, the page giving no duties before it,
    holds its duties, and the items of the other parts are none (3. 工作内容:… under 工作环境 is that part's item, not a
    duties label). A file named for the post's work (蔬菜分拣员的工作流程.txt) names the post without what the page puts
    before it (a place)."""
    (tmp_path / file).write_text(_SORTER_PAGE, encoding="utf-8")
    result = import_documents([tmp_path / file])
    assert {p.name: texts(p) for p in result.posts} == {
        name: ["验收:对送来的蔬菜进行质量验收。", "分拣:根据蔬菜的种类、大小进行分类。"]}


def test_a_work_steps_part_after_the_duties_part_holds_no_duties(tmp_path: Path) -> None:
    """一、蔬菜分拣员的职责 then 二、蔬菜分拣员的工作流程: the page gave the duties; the steps that follow are not more of them."""
    (tmp_path / "a.txt").write_text(
        "揭秘蔬菜分拣员\n\n一、蔬菜分拣员的职责\n\n1. 负责蔬菜的验收和分拣。\n\n二、蔬菜分拣员的工作流程\n\n"
        "1. 验收:对送来的蔬菜进行质量验收。\n2. 分拣:根据蔬菜的种类进行分类。\n", encoding="utf-8")
    result = import_documents([tmp_path / "a.txt"])
    assert {p.name: texts(p) for p in result.posts} == {"蔬菜分拣员": ["负责蔬菜的验收和分拣。"]}


def test_a_handbook_s_staffing_table_and_each_post_s_section_are_one_post_each(tmp_path: Path) -> None:
    """A handbook lists its posts in a staffing table (岗位 | 定员 | 直接上级) before giving each its section: the table's
    row and the section state one post (its headcount from the table, its duties from the section), not the same post
    twice differently, and the file is read, not refused."""
    d = docx.Document()
    d.add_heading("电商部岗位职责手册", 0)
    d.add_heading("一、岗位设置及定员", 1)
    t = d.add_table(rows=1, cols=3)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text, t.rows[0].cells[2].text = "岗位", "定员", "直接上级"
    for name, n, boss in [("运营专员", "1", "电商部经理"), ("客服专员", "3", "运营专员")]:
        r = t.add_row().cells
        r[0].text, r[1].text, r[2].text = name, n, boss
    d.add_heading("二、岗位职责", 1)
    for name, boss, duty in [("运营专员", "电商部经理", "负责网店的整体规划和推广。"),
                             ("客服专员", "运营专员", "通过聊天工具与客户沟通,处理订单和售后服务。")]:
        d.add_heading(f"2.1　{name}", 2)
        d.add_paragraph(f"所属部门:电商部　　直接上级:{boss}")
        d.add_paragraph("岗位职责:").runs[0].bold = True
        d.add_paragraph(duty)
    d.save(tmp_path / "手册.docx")
    posts = by_name(import_documents([tmp_path / "手册.docx"]))
    assert {n: (texts(p), p.reports_to_text) for n, p in posts.items()} == {
        "运营专员": (["负责网店的整体规划和推广。"], "电商部经理"),
        "客服专员": (["通过聊天工具与客户沟通,处理订单和售后服务。"], "运营专员")}
    assert posts["运营专员"].headcount == 1


@pytest.mark.parametrize("title, name", [("超市里面的理货员都干些什么活", "理货员"), ("商场中的导购员是做什么的", "导购员"),
                                         ("理货员都干些什么活", "理货员")])
def test_a_question_title_on_what_a_post_does_names_it_without_its_setting(tmp_path: Path, title: str, name: str) -> None:
    """A web article asking what a post does, in a place (超市里面的理货员都干些什么活): the page is about the post, 理货员;
    the place is where the post works, not part of its title."""
    (tmp_path / "a.md").write_text(f"# {title}\n\n## 一、{name}的主要工作内容\n\n1. 负责商品的补货和陈列。\n\n2. 负责货架的清洁。\n",
                                   encoding="utf-8")
    result = import_documents([tmp_path / "a.md"])
    assert {p.name: texts(p) for p in result.posts} == {name: ["负责商品的补货和陈列。", "负责货架的清洁。"]}


_STOCKER_PAGE = ("# 理货员都干些什么活\n\n2025-09-16 10:42　来源:网络\n\n"
                 "在超市中,理货员是保障商品陈列和顾客购物体验的重要角色。下面是对理货员主要工作内容的总结。\n\n"
                 "## 一、理货员的主要工作内容\n\n### 1. 商品补货与整理\n\n理货员需要根据销售情况及时补充货架上的商品。\n\n"
                 "### 2. 清洁与维护\n\n保持货架、地面等区域的整洁,及时清理垃圾。\n\n"
                 "## 二、理货员工作内容一览表\n\n| 工作内容 | 具体任务说明 |\n| --- | --- |\n"
                 "| 商品补货 | 检查货架商品数量,及时补充缺货商品 |\n| 清洁维护 | 保持货架、地面的卫生 |\n")


def test_a_post_page_s_lead_and_its_summary_table_are_not_duties(tmp_path: Path) -> None:
    """A page about a post: the lead under its title says what the post is (read as work by the line classifier) and the
    part on the duties follows, so the lead is none of them; a later part of the page summing the duties up
    (## 二、理货员工作内容一览表, a table) restates them in other words and adds none, nor a post."""
    (tmp_path / "a.md").write_text(_STOCKER_PAGE, encoding="utf-8")
    result = import_documents([tmp_path / "a.md"])
    assert {p.name: texts(p) for p in result.posts} == {
        "理货员": ["理货员需要根据销售情况及时补充货架上的商品。", "保持货架、地面等区域的整洁,及时清理垃圾。"]}


@pytest.mark.parametrize("lead", ["促销员作为门店与消费者之间的桥梁,需具备良好的服务意识。其主要职责包括:",
                                  "促销员的主要职责包括:"])
def test_rules_naming_no_post_take_the_post_their_duties_lead_names(tmp_path: Path, lead: str) -> None:
    """A page of rules (门店促销人员管理规范) names no post by its title; the sentence leading into its duties says whose
    they are (促销员作为…,其主要职责包括:): that is the post, not the file's name."""
    (tmp_path / "门店促销人员管理规范.txt").write_text(
        f"门店促销人员管理规范\n\n发布时间:2025-06-18　　来源:门店管理\n\n一、岗位职责\n{lead}\n"
        "1. 负责商品的陈列与展示;\n2. 向顾客介绍产品特性;\n\n二、培训与发展\n1. 定期组织业务学习;\n", encoding="utf-8")
    result = import_documents([tmp_path / "门店促销人员管理规范.txt"])
    assert {p.name: texts(p) for p in result.posts} == {"促销员": ["负责商品的陈列与展示;", "向顾客介绍产品特性;"]}


_TWO_POSTS_PAGE = ("# 店员与收银员的区别\n\n> 来源:门店管理　发布时间:2025-03-02\n\n## 两个岗位的区别及联系\n\n"
                   "很多门店会把这两个岗位混淆。本文将从多个角度详细解析。\n\n"
                   "### 一、店员是什么?\n\n店员,顾名思义,是负责门店销售的工作人员。其主要职责包括:\n\n"
                   "- 商品的陈列与补货\n- 顾客的接待与咨询\n\n店员的工作核心在于提升顾客满意度。\n\n"
                   "### 二、收银员是什么?\n\n收银员是门店中最基础的岗位之一。具体职责包括:\n\n"
                   "- 完成商品结算\n- 清点营业款并与财务对账\n\n收银员的工作更偏向于流程执行。\n\n"
                   "### 三、店员不是收银员\n\n| 岗位 | 主要职责 |\n|---|---|\n"
                   "| 店员 | 销售、陈列等 |\n| 收银员 | 结账、资金管理等 |\n")


def test_headings_asking_what_each_post_is_give_each_post_the_list_its_lead_says_are_its_duties(tmp_path: Path) -> None:
    """A web article on two posts: ### 一、店员是什么? and ### 二、收银员是什么?, headings asking alike at one level, each
    name a post; under each, a sentence ending 其主要职责包括: (具体职责包括:) says the duties follow, as a 岗位职责 label
    would, and the "- " list under it is them, the sentence and the paragraph after the list none of them. A later table
    of the same posts (岗位 | 主要职责) compares them in other words: no more duties, and not the posts stated twice."""
    (tmp_path / "a.md").write_text(_TWO_POSTS_PAGE, encoding="utf-8")
    result = import_documents([tmp_path / "a.md"])
    assert {p.name: texts(p) for p in result.posts} == {
        "店员": ["商品的陈列与补货", "顾客的接待与咨询"], "收银员": ["完成商品结算", "清点营业款并与财务对账"]}
    assert any(u.text == "店员 | 销售、陈列等" for u in result.unplaced)


def _quality_handbook(path: Path) -> None:
    d = docx.Document()
    d.add_heading("质量管理部岗位职责手册", 0)
    d.add_heading("一、岗位设置", 1)
    t = d.add_table(rows=1, cols=3)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text, t.rows[0].cells[2].text = "岗位", "定员", "直接上级"
    for name, n, boss in [("质量负责人", "1", "企业负责人"), ("质量验收员", "2", "质量负责人"), ("养护员", "1", "质量负责人")]:
        r = t.add_row().cells
        r[0].text, r[1].text, r[2].text = name, n, boss
    d.add_heading("二、岗位职责", 1)
    d.add_heading("2.1　质量验收员", 2)
    d.add_paragraph("所属部门:质量管理部　　直接上级:质量负责人")
    d.add_paragraph("岗位职责:").runs[0].bold = True
    d.add_paragraph("1、负责对购进药品进行质量验收。")
    d.add_paragraph("2、验收药品要做好验收记录。")
    d.add_paragraph("注:质量负责人、养护员的岗位职责见《质量职责汇编》,本手册不再重复。")
    d.save(path)


def test_a_staffing_table_s_posts_that_the_handbook_gives_no_section_are_not_its_posts(tmp_path: Path) -> None:
    """A handbook's staffing table (岗位 | 定员 | 直接上级) lists three posts and the handbook describes one: every row is
    read alike, the described post takes its headcount from its row, and the two it describes elsewhere are listed as
    such, not posts with no duty; so the folder that also holds their own description is read, not refused as stating
    养护员 twice differently."""
    _quality_handbook(tmp_path / "手册.docx")
    result = import_documents([tmp_path / "手册.docx"])
    assert {p.name: (texts(p), p.headcount) for p in result.posts} == {
        "质量验收员": (["负责对购进药品进行质量验收。", "验收药品要做好验收记录。"], 2)}
    assert {u.text for u in result.unplaced if "staffing table" in u.why} == {"质量负责人", "养护员"}
    form(tmp_path / "养护员.docx", "养护员", "质量管理部", "质量负责人", ["负责在库药品的养护。"], [])
    posts = by_name(import_documents([tmp_path]))
    assert set(posts) == {"质量验收员", "养护员"} and texts(posts["养护员"]) == ["负责在库药品的养护。"]


_GUARD_PAGE = """# 超市保安员的工作职责

## 引言

超市人流量大,安全问题备受关注。本文将介绍超市保安员的工作职责。

## 巡逻检查

保安员负责巡查卖场各区域。发现异常及时上报。

## 协助顾客和员工

保安员帮助顾客寻找失物。遇到纠纷时协助员工处理。

## 消防管理

保安员负责检查消防器材。定期组织消防演练。

## 总结

保安员的工作职责涵盖了巡逻检查、协助顾客和……
"""


def test_headings_over_one_paragraph_each_under_a_title_on_a_post_s_duties_title_its_duties(tmp_path: Path) -> None:
    """A page titled 超市保安员的工作职责, then headings of one level each over one paragraph: the headings title the
    post's duties and each paragraph, whole, is one. A heading among them ending in a post word (协助顾客和员工: 员工
    is what the post helps) is one more title, not a post, since most of its siblings name none; ## 引言 and ## 总结
    are the page's own parts, what they say introduces and sums up the duties, none of them."""
    (tmp_path / "a.md").write_text(_GUARD_PAGE, encoding="utf-8")
    result = import_documents([tmp_path / "a.md"])
    assert {p.name: texts(p) for p in result.posts} == {"超市保安员": [
        "保安员负责巡查卖场各区域。发现异常及时上报。", "保安员帮助顾客寻找失物。遇到纠纷时协助员工处理。",
        "保安员负责检查消防器材。定期组织消防演练。"]}
    assert any(u.text.startswith("超市人流量大") for u in result.unplaced)


def test_headings_over_one_paragraph_each_that_mostly_name_posts_are_still_posts(tmp_path: Path) -> None:
    """The other way round: headings of one level each over one paragraph that mostly read as post titles (## 收银员,
    ## 理货员, ## 商品陈列) name posts, as they did before, under a title that names no post's duties."""
    page = ("# 超市岗位介绍\n\n## 收银员\n\n负责顾客结账。\n\n## 理货员\n\n负责商品上架。\n\n## 防损员\n\n负责门店防损。\n")
    (tmp_path / "a.md").write_text(page, encoding="utf-8")
    result = import_documents([tmp_path / "a.md"])
    assert {p.name: texts(p) for p in result.posts} == {
        "收银员": ["负责顾客结账。"], "理货员": ["负责商品上架。"], "防损员": ["负责门店防损。"]}


_KEEPER_PAGE = """\ufeff某某仓库管理员的职责\r
\r
来自:某某研究院\r
\r
某某作为国内领先的电子商务平台之一,其仓储管理十分关键。本文将介绍某某仓库管理员的职责。\r
\r
一、工作职责概述\r
\r
仓库管理员的主要职责包括库存管理、出入库管理等多个方面。\r
\r
二、主要工作内容\r
\r
1. 库存管理\r
\r
  • 库存监控: 负责实时监控仓库库存情况。\r
  • 库存盘点: 定期进行库存盘点,确保数据准确。\r
\r
2. 出入库管理\r
\r
  • 货物入库: 负责到货验收并录入系统。\r
  • 人员培训: 组织部门人员\r
\r
(复制自网页,内容未完)\r
"""


def test_a_page_titled_by_a_post_s_duties_names_the_post_less_the_company_it_says_it_is(tmp_path: Path) -> None:
    """某某仓库管理员的职责 (X的职责) titles a page on a post's duties. The page says 某某作为…电子商务平台之一: 某某 is a
    company, and the post is 仓库管理员, as a company's name before a post in a title is no part of it. 一、工作职责概述
    is the page's overview, no duty, and the lines before 二、主要工作内容 (its source, its lead) lead into the duties."""
    (tmp_path / "a.txt").write_bytes(_KEEPER_PAGE.encode("utf-8"))
    result = import_documents([tmp_path / "a.txt"])
    assert [p.name for p in result.posts] == ["仓库管理员"]
    assert texts(result.posts[0])[:3] == [
        "库存监控: 负责实时监控仓库库存情况。", "库存盘点: 定期进行库存盘点,确保数据准确。", "货物入库: 负责到货验收并录入系统。"]


def test_a_page_s_last_item_cut_short_where_the_copy_says_it_is_cut_is_no_duty(tmp_path: Path) -> None:
    """(复制自网页,内容未完) says the copy was cut: the last item before it, ending mid-sentence (人员培训: 组织部门人员)
    where every item before it ends in a full stop, was cut with it and is no duty. A last item so written with no such
    note is kept (the page may just not use full stops)."""
    (tmp_path / "a.txt").write_bytes(_KEEPER_PAGE.encode("utf-8"))
    result = import_documents([tmp_path / "a.txt"])
    assert len(texts(result.posts[0])) == 3
    assert any(u.text == "人员培训: 组织部门人员" for u in result.unplaced)
    (tmp_path / "b.txt").write_bytes(_KEEPER_PAGE.replace("(复制自网页,内容未完)", "").encode("utf-8"))
    assert texts(import_documents([tmp_path / "b.txt"]).posts[0])[-1] == "人员培训: 组织部门人员"
    (tmp_path / "c.txt").write_bytes(_KEEPER_PAGE.replace("(复制自网页,内容未完)", "  • 工作未完成时及时上报").encode("utf-8"))
    assert texts(import_documents([tmp_path / "c.txt"]).posts[0])[-2:] == ["人员培训: 组织部门人员", "工作未完成时及时上报"]


def test_a_company_only_the_title_puts_before_a_post_stays_in_its_name(tmp_path: Path) -> None:
    """Without a sentence of the page saying the name before the post is a company, the title's name is kept whole
    (天猫运营经理 is a post of its own)."""
    page = _KEEPER_PAGE.replace("某某作为国内领先的电子商务平台之一,其仓储管理十分关键。", "")
    (tmp_path / "a.txt").write_bytes(page.encode("utf-8"))
    assert [p.name for p in import_documents([tmp_path / "a.txt"]).posts] == ["某某仓库管理员"]


_SUMMARY_OF_DUTIES_PAGE = (
    "# 门店主管职责是什么\n\n> 2025-01-01　来源:网络整理\n\n"
    "在零售行业,门店主管是一个关键的管理角色,负责门店日常运营和团队管理等工作。了解其职责有助于求职者准备面试。\n\n"
    "## 一、门店主管的核心职责总结\n\n门店主管主要负责门店的运营管理。以下是主管的主要职责:\n\n"
    "| 职责类别 | 具体内容 |\n| --- | --- |\n"
    "| 门店运营 | 监督门店日常运营,确保各项流程正常运行。 |\n"
    "| 团队管理 | 招聘、培训、考核员工,提升员工工作效率。 |\n"
    "| 客户服务 | 处理顾客投诉与建议,提升客户满意度。 |\n\n"
    "## 二、总结\n\n门店主管是连接公司总部与门店一线的重要桥梁,需要具备良好的管理能力。\n")


def test_a_part_summing_up_a_post_s_duties_holds_them_and_the_page_s_conclusion_holds_none(tmp_path: Path) -> None:
    """## 一、门店主管的核心职责总结 sums up the post's duties, not the page: its words before 总结 name the duties, so it is
    the part on them (as ## 一、…的主要职责 is) and its table's 具体内容 cells are the duties; the prose under the title before
    it is the page's lead. ## 二、总结 alone is the page's conclusion and holds no duty."""
    (tmp_path / "a.md").write_text(_SUMMARY_OF_DUTIES_PAGE, encoding="utf-8")
    result = import_documents([tmp_path / "a.md"])
    [post] = result.posts
    assert post.name == "门店主管"
    assert texts(post) == ["监督门店日常运营,确保各项流程正常运行。", "招聘、培训、考核员工,提升员工工作效率。",
                           "处理顾客投诉与建议,提升客户满意度。"]
    unplaced = {u.text for u in result.unplaced}
    assert "门店主管是连接公司总部与门店一线的重要桥梁,需要具备良好的管理能力。" in unplaced
    assert any(t.startswith("在零售行业,门店主管是一个关键的管理角色") for t in unplaced)


def test_a_part_summing_up_duties_the_page_already_gave_restates_them_and_adds_none(tmp_path: Path) -> None:
    """The other way round: under a title on a post's duties, headings titling each duty (## 收银结算, ## 票据管理) give
    them; a part after them summing them up (## 核心职责总结, a 职责类别 | 具体内容 table) restates them in other words,
    as 理货员工作内容一览表 does after 一、理货员的主要工作内容: the duties stay those the page gave."""
    (tmp_path / "a.md").write_text(
        "# 收银员的工作职责\n\n## 收银结算\n\n负责顾客购物的收银结算工作,确保收款准确。\n\n## 票据管理\n\n"
        "负责发票的开具与保管,做好每日对账。\n\n## 核心职责总结\n\n| 职责类别 | 具体内容 |\n| --- | --- |\n"
        "| 收银 | 收银结算与票据管理。 |\n| 服务 | 热情接待每位顾客。 |\n", encoding="utf-8")
    [post] = import_documents([tmp_path / "a.md"]).posts
    assert texts(post) == ["负责顾客购物的收银结算工作,确保收款准确。", "负责发票的开具与保管,做好每日对账。"]


def test_a_pasted_collection_s_articles_and_a_post_s_part_name_the_posts_without_their_numbers(tmp_path: Path) -> None:
    """A web page collecting articles (店长岗位职责(共2篇)) numbers them 第1篇:, 第2篇: and 篇一:, as 第一章 numbers a
    chapter: the number is no part of the post a title names (第1篇:店长岗位职责 names 店长), nor is a comma typed before
    what the title says of it (第2篇:店长,岗位职责). A part 二、收银员篇 is the article's part on 收银员, no duty of the post
    before it; the second article, naming 店长 again with no duty of its own, is the same 店长."""
    (tmp_path / "a.txt").write_bytes((
        "店长岗位职责(共2篇)\r\n\r\n第1篇:店长岗位职责\r\n\r\n  1、负责门店日常运营。\r\n\r\n  2、负责员工排班与考勤。\r\n\r\n"
        "第2篇:店长,岗位职责\r\n\r\n  篇一:店长工作职责与工作规范\r\n\r\n  二、收银员篇\r\n\r\n  1、收银员的岗位职责\r\n\r\n"
        "  (1)负责顾客购物的收银结算;\r\n\r\n  (2)负责发票的开具与保管;\r\n").encode())
    result = import_documents([tmp_path / "a.txt"])
    assert {p.name: texts(p) for p in result.posts} == {
        "店长": ["负责门店日常运营。", "负责员工排班与考勤。"],
        "收银员": ["负责顾客购物的收银结算;", "负责发票的开具与保管;"]}


def test_a_pointer_naming_its_issuer_and_a_cell_left_to_be_filled_in_are_no_qualifications(tmp_path: Path) -> None:
    """按人力资源部《门店人员任职资格标准》执行。 points at another document, the issuer between 按 and its title, as
    按《…》执行 does; (待人力资源部补充) and 待定 hold the place of requirements the form will state later. Neither is a
    requirement of the person; a requirement beside them is kept."""
    form(tmp_path / "a.docx", "品类经理", "商品部", "商品部经理", ["负责品类规划。"], ["按人力资源部《门店人员任职资格标准》执行。"])
    form(tmp_path / "b.docx", "采购员", "商品部", "商品部经理", ["负责商品采购。"], ["大专及以上学历。", "(待人力资源部补充)", "待定"])
    posts = by_name(import_documents([tmp_path / "a.docx", tmp_path / "b.docx"]))
    assert posts["品类经理"].qualifications == []
    assert posts["采购员"].qualifications == ["大专及以上学历。"]


def test_a_title_asking_what_post_a_name_is_names_that_post_whatever_its_word(tmp_path: Path) -> None:
    """公司督导是什么职位 asks what post 公司督导 is: the question itself says the name is a post's, though 督导 ends in no
    word a post's title usually ends in; the page is about that post, and its requirements part gives its requirements."""
    (tmp_path / "a.txt").write_text(
        "公司督导是什么职位\n\n公司督导的职责因公司而异,可归纳为以下要点:\n四、所需技能\n管理能力:团队管理与决策能力。\n"
        "沟通能力:与员工及客户有效沟通。\n", encoding="utf-8")
    [post] = import_documents([tmp_path / "a.txt"]).posts
    assert post.name == "公司督导"
    assert post.qualifications == ["管理能力:团队管理与决策能力。", "沟通能力:与员工及客户有效沟通。"]


_REQUIREMENTS_PAGE = (
    "# 网店客服岗位要求\n\n> 2025-01-01　来源:网络\n\n网店客服岗位通常要求具备以下条件:\n\n"
    "## 1. 基本要求\n\n- 学历:高中或中专以上学历。\n- 经验:有客服经验者优先。\n\n"
    "## 2. 软件使用\n\n- 办公软件:熟练使用Word、Excel等。\n\n"
    "## 3. 工作态度\n\n- 责任心:认真对待客户问题。\n\n"
    "## 4. 其他要求\n\n- 工作时间:能适应轮班制,包括夜班。\n- 抗压能力:能在高强度下保持高效。\n\n"
    "## 5. 岗位职责\n\n- 客户咨询:解答客户关于订单的问题。\n- 售后服务:处理客户投诉。\n\n"
    "## 6. 薪资福利\n\n- 福利:五险一金。\n\n## 总结\n\n网店客服岗位要求具备良好的沟通能力。\n")


def test_a_page_titled_by_a_post_s_requirements_reads_its_parts_as_groups_of_them(tmp_path: Path) -> None:
    """# 网店客服岗位要求 names the post and says the page states its requirements: its parts (## 1. 基本要求, ## 2. 软件使用,
    ## 3. 工作态度) group them, whatever each is called, and none of them is a post or the page's own heading; a part with
    a label of its own (## 5. 岗位职责, ## 6. 薪资福利) is read as that label, ## 总结 as the page's. Each requirement is kept
    as written, its topic and colon included, and a topic that is also a label word (工作时间) among requirements led alike
    is one more requirement."""
    (tmp_path / "a.md").write_text(_REQUIREMENTS_PAGE, encoding="utf-8")
    [post] = import_documents([tmp_path / "a.md"]).posts
    assert post.name == "网店客服"
    assert texts(post) == ["客户咨询:解答客户关于订单的问题。", "售后服务:处理客户投诉。"]
    assert post.qualifications == ["学历:高中或中专以上学历。", "经验:有客服经验者优先。", "办公软件:熟练使用Word、Excel等。",
                                   "责任心:认真对待客户问题。", "工作时间:能适应轮班制,包括夜班。", "抗压能力:能在高强度下保持高效。"]


def test_a_pdf_header_typed_as_a_table_on_every_page_is_dropped_and_the_list_runs_on_past_it(tmp_path: Path) -> None:
    """A company standard's header block is a table (文件名 | … | 页码 | 2-1) at the top of every page, the same cells but
    for the page number: a running header, as a repeated first line is. Between two pages it is no end of the duties:
    those after the page break are the same list's."""
    def page(n: int, body: list[str]) -> tuple[list[tuple[float, float, str]], list[tuple[float, float, float, float]]]:
        cells, rules = _ruled(820, [("文件名", f"收银主管岗位标准　页码 2-{n}")])
        return [*cells, *((50, 760 - 20 * i, t) for i, t in enumerate(body))], rules

    first, rules1 = page(1, ["岗位名称：收银主管", "岗位职责：", "◆ 制定收银工作计划。", "◆ 检查收银员的工作情况。"])
    second, rules2 = page(2, ["◆ 对收银差错进行总结分析。", "◆ 组织收银员的业务培训。"])
    make_pdf(tmp_path / "收银主管.pdf", [first, second], rules=[rules1, rules2])
    result = import_documents([tmp_path / "收银主管.pdf"])
    [post] = result.posts
    assert texts(post) == ["制定收银工作计划。", "检查收银员的工作情况。", "对收银差错进行总结分析。", "组织收银员的业务培训。"]
    assert not any("文件名" in u.text for u in result.unplaced)


def test_a_form_s_rows_on_the_post_s_authority_and_equipment_and_a_sign_off_row_of_paired_fields_hold_nothing(
        tmp_path: Path) -> None:
    """权限范围 (what the post may decide) and 使用设备 (what it works with) are parts of a form that hold no duty: a row so
    labelled after the duties ends them, its value is no duty nor a part of the last one. A sign-off row whose cells each
    name two of its fields (编制/日期 | 赵敏 2025.05.20 | 审核/批准 | …) signs the form off: no requirement."""
    d = docx.Document()
    t = d.add_table(rows=0, cols=4)
    rows = [("职位名称", "理货员", "所属部门", "营运部"), ("工作职责", "1. 负责商品陈列。\n2. 收集卖场异常信息", "", ""),
            ("权限范围", "1. 分店订货权；2. 店内异常报告", "", ""), ("使用设备", "理货工具包", "", ""),
            ("任职要求", "高中以上学历。", "", ""), ("编制/日期", "赵敏　2025.05.20", "审核/批准", "孙立伟　2025.06.01")]
    for k, (a, b, c, e) in enumerate(rows):
        r = t.add_row().cells
        r[0].text = a
        if k in (1, 2, 3, 4):
            r[1].merge(r[3]).text = b
        else:
            r[1].text, r[2].text, r[3].text = b, c, e
    d.save(tmp_path / "a.docx")
    [post] = import_documents([tmp_path / "a.docx"]).posts
    assert texts(post) == ["负责商品陈列。", "收集卖场异常信息"]
    assert post.qualifications == ["高中以上学历。"]


_TITLED_LINES_PAGE = (
    "门店督导是什么职位\n\n来源:网络\n\n门店督导的职责因公司而异,其核心职能可归纳为以下要点:\n一、核心职能\n"
    "运营管理 负责门店日常运营管理,包括销售业务与库存管理。\n监督与指导\n监督门店执行公司政策与营运标准,对员工进行培训。\n"
    "问题分析与改进\n汇总巡店发现的问题,提出改善方案并落实。\n二、岗位定位\n承上启下作用: 作为公司政策与门店执行之间的桥梁。\n"
    "三、常见应用场景\n零售行业:监督门店销售业绩及库存管理。\n服务行业:确保服务流程标准化。\n")


def test_duties_each_under_an_unnumbered_title_line_are_read_without_their_titles(tmp_path: Path) -> None:
    """一、核心职能 (the post's core functions) opens its duties as 岗位职责 would. Under it, short lines with no punctuation
    alternate with sentences (监督与指导, then 监督门店执行…。): each short line titles the sentence under it and is no
    duty, and the first title, typed before its duty on the same line (运营管理 负责…), is cut off as its siblings are.
    二、岗位定位 (where the post stands) holds no duty, and what 三、常见应用场景 lists after it is no duty either."""
    (tmp_path / "a.txt").write_text(_TITLED_LINES_PAGE, encoding="utf-8")
    result = import_documents([tmp_path / "a.txt"])
    [post] = result.posts
    assert post.name == "门店督导"
    assert texts(post) == ["负责门店日常运营管理,包括销售业务与库存管理。", "监督门店执行公司政策与营运标准,对员工进行培训。",
                           "汇总巡店发现的问题,提出改善方案并落实。"]
    assert {"运营管理", "监督与指导", "问题分析与改进"} <= {u.text for u in result.unplaced}


def test_one_short_line_over_a_sentence_is_no_title_of_it(tmp_path: Path) -> None:
    """The alternation must recur: among duties as unnumbered lines, one short line with no punctuation before a sentence
    (商品陈列) is a duty of its own, as short as it is."""
    (tmp_path / "a.txt").write_text(
        "理货员岗位职责\n\n岗位职责:\n商品陈列\n负责门店商品的补货与上架工作,保持货架整洁。\n做好价签的核对与更换工作。\n",
        encoding="utf-8")
    [post] = import_documents([tmp_path / "a.txt"]).posts
    assert texts(post) == ["商品陈列", "负责门店商品的补货与上架工作,保持货架整洁。", "做好价签的核对与更换工作。"]


def test_a_pointer_to_the_company_s_standard_with_no_title_is_no_qualification(tmp_path: Path) -> None:
    """按公司任职资格标准执行。 says the requirements are the company's standard's, stated elsewhere: a pointer, as
    按《…》执行 is, though it names no document's title. A requirement of the person beside it is kept."""
    form(tmp_path / "a.docx", "巡店主管", "营运督导部", "营运总监", ["负责巡店计划的制定。"],
         ["按公司任职资格标准执行。", "大专及以上学历。"])
    [post] = import_documents([tmp_path / "a.docx"]).posts
    assert post.qualifications == ["大专及以上学历。"]


def _item_form(path: Path, items: list[tuple[str, str]]) -> Path:
    """A two-column 项目 | 内容 form: the post's fields, a 岗位职责 row merged across, then ``items`` a row each."""
    d = docx.Document()
    t = d.add_table(rows=0, cols=2)
    for a, b in [("项目", "内容"), ("岗位名称", "营业员"), ("所属部门", "门店营运部"), ("岗位职责", None), *items,
                 ("任职要求", "具备良好的沟通能力。")]:
        r = t.add_row().cells
        if b is None:
            r[0].merge(r[1]).text = a
        else:
            r[0].text, r[1].text = a, b
    d.save(path)
    return path


def test_a_form_s_rows_of_a_short_title_beside_a_sentence_give_the_sentence_as_the_duty(tmp_path: Path) -> None:
    """Under a 项目 | 内容 form's 岗位职责 row, rows of a short cell with no punctuation beside a sentence (顾客服务 |
    营业员负责…。, 收银和结账 | …): each short cell titles the duty beside it and is none, as siblings alike."""
    _item_form(tmp_path / "a.docx", [("顾客服务", "营业员负责接待顾客,回答顾客的咨询并解决问题。"),
                                     ("收银和结账", "营业员负责商品的收银和结账,确保准确计算商品价格。")])
    [post] = import_documents([tmp_path / "a.docx"]).posts
    assert texts(post) == ["营业员负责接待顾客,回答顾客的咨询并解决问题。", "营业员负责商品的收银和结账,确保准确计算商品价格。"]
    assert post.qualifications == ["具备良好的沟通能力。"]


def test_one_row_of_a_short_cell_beside_a_sentence_is_read_as_before(tmp_path: Path) -> None:
    """The run decides: one such row alone (商品陈列 | 负责…。) may be a label the importer does not know and its value,
    and both cells are read as they were."""
    _item_form(tmp_path / "a.docx", [("商品陈列", "负责门店商品的补货与上架工作,保持货架整洁。")])
    [post] = import_documents([tmp_path / "a.docx"]).posts
    assert texts(post) == ["商品陈列", "负责门店商品的补货与上架工作,保持货架整洁。"]


_POSTS_ONE_PARAGRAPH_EACH = (
    "# 餐厅工作描述\n\n餐饮行业有各种各样的工作岗位。下面我们来看一下常见的岗位。\n\n"
    "## 服务员\n\n服务员是餐厅中最常见的职位之一。他们负责接待顾客、推荐菜品等。服务员需要具备良好的沟通能力。\n\n"
    "## 厨师\n\n厨师是餐厅中最重要的职位之一,他们制作出美味可口的菜肴。厨师需要具备熟练的烹调技巧。\n\n"
    "## 传菜员\n\n传菜员负责将厨房做好的菜品及时送到餐桌,并协助服务员收台。\n\n"
    "## 经理\n\n经理是餐厅中最高级别的职位之一。他们负责管理餐厅的运营、人员、财务等方面。经理需要具备较强的领导能力。\n\n"
    "总之,在餐饮行业里,每个岗位都有其独特的职责和要求。\n")


def test_a_post_s_paragraph_saying_what_it_is_does_and_needs_gives_the_work_as_duty_and_the_needs_as_requirement(
        tmp_path: Path) -> None:
    """Under ## 服务员, 服务员是…之一。他们负责…。服务员需要具备…。 says what the post is (no duty), what it does (its duty)
    and, closing, what it needs (a requirement). A sentence saying what the post is and, after a comma, what it does
    (厨师是…之一,他们制作…。) is the duty whole; a paragraph with no closing sentence on what the post needs is one duty."""
    (tmp_path / "a.md").write_text(_POSTS_ONE_PARAGRAPH_EACH, encoding="utf-8")
    result = import_documents([tmp_path / "a.md"])
    posts = by_name(result)
    assert texts(posts["服务员"]) == ["他们负责接待顾客、推荐菜品等。"]
    assert posts["服务员"].qualifications == ["服务员需要具备良好的沟通能力。"]
    assert texts(posts["厨师"]) == ["厨师是餐厅中最重要的职位之一,他们制作出美味可口的菜肴。"]
    assert posts["厨师"].qualifications == ["厨师需要具备熟练的烹调技巧。"]
    assert texts(posts["传菜员"]) == ["传菜员负责将厨房做好的菜品及时送到餐桌,并协助服务员收台。"]
    assert posts["传菜员"].qualifications == []
    assert "服务员是餐厅中最常见的职位之一。" in {u.text for u in result.unplaced}


def test_the_last_of_a_run_of_post_headings_keeps_its_paragraph_before_the_page_s_closing(tmp_path: Path) -> None:
    """## 经理, the last of the headings each over one paragraph, is followed by its paragraph and then the page's closing
    paragraph (总之,…): it is a post as its siblings are, the paragraph its own, the closing none of its duties."""
    (tmp_path / "a.md").write_text(_POSTS_ONE_PARAGRAPH_EACH, encoding="utf-8")
    posts = by_name(import_documents([tmp_path / "a.md"]))
    assert list(posts) == ["服务员", "厨师", "传菜员", "经理"]
    assert texts(posts["经理"]) == ["他们负责管理餐厅的运营、人员、财务等方面。"]
    assert posts["经理"].qualifications == ["经理需要具备较强的领导能力。"]


def _duties_handbook(path: Path) -> Path:
    """A handbook whose posts are Heading 2 "2.1　店长的职务" (职务: the post's duties), each over its fields line."""
    d = docx.Document()
    d.add_heading("二、各岗位职务", 1)
    d.add_heading("2.1\u3000店长的职务", 2)
    d.add_paragraph("所属部门:便利店事业部\u3000\u3000直接上级:区域督导")
    d.add_paragraph("(2) 贩卖管理:")
    d.add_paragraph("1、顾客进门时的招呼声。(接待顾客)")
    d.add_paragraph("2、欢送顾客、建立交易后之好感(售后服务)")
    d.add_paragraph("(3) 事物管理(情报管理)")
    d.add_paragraph("1、保守公司的内部秘密。")
    d.add_paragraph("2、店内的重要资料除上级外不可让第三人看。")
    d.add_heading("2.2\u3000店员的职务", 2)
    d.add_paragraph("所属部门:便利店事业部\u3000\u3000直接上级:店长")
    d.add_paragraph("最主要的职责就是顾客服务、热情、主动、耐心。")
    d.add_paragraph("(以下原稿缺)")
    d.add_heading("三、附则", 1)
    d.add_paragraph("3.1\u3000本手册由营运部负责解释。")
    d.save(path)
    return path


def test_a_heading_on_a_post_s_duties_with_zhiwu_names_the_post(tmp_path: Path) -> None:
    """2.1　店长的职务 (职务 after 的: the post's duties, as 的职责) names the post 店长, not 店长的职务; its department and
    superior are the fields line's."""
    posts = by_name(import_documents([_duties_handbook(tmp_path / "a.docx")]))
    assert list(posts) == ["店长", "店员"]
    assert posts["店员"].reports_to == posts["店长"].id


def test_the_last_item_of_a_group_before_the_next_group_title_is_an_item(tmp_path: Path) -> None:
    """(2) 贩卖管理: over 1、… 2、…, then (3) 事物管理: the (n) lines name the groups, so 2、欢送顾客…, short and with no full
    stop, followed by (3) is the last item of its group (the outline goes back up), not a title of a group."""
    posts = by_name(import_documents([_duties_handbook(tmp_path / "a.docx")]))
    assert texts(posts["店长"]) == ["顾客进门时的招呼声。(接待顾客)", "欢送顾客、建立交易后之好感(售后服务)",
                                  "保守公司的内部秘密。", "店内的重要资料除上级外不可让第三人看。"]


def test_a_note_that_the_copy_is_cut_does_not_hide_a_post_s_one_paragraph(tmp_path: Path) -> None:
    """A post heading, its fields line and one paragraph, then (以下原稿缺), a note that the source goes on: the paragraph is
    still the post's duty and the note none."""
    result = import_documents([_duties_handbook(tmp_path / "a.docx")])
    assert texts(by_name(result)["店员"]) == ["最主要的职责就是顾客服务、热情、主动、耐心。"]
    assert "(以下原稿缺)" in {u.text for u in result.unplaced}


def test_a_semicolon_inside_brackets_does_not_split_a_run_on_duty(tmp_path: Path) -> None:
    """负责…拆放;筛选…挂回至仓库(按照…挂置;散户品牌集中归置): the semicolon inside the brackets parts the aside, not the
    items, so the cell is two run-on items, not three; semicolons outside brackets still split three or more."""
    one = "负责每日接收新来快递的拆放;筛选好商品后将未选中的商品挂回至仓库(按照品牌分类的原则挂置;散户品牌集中归置)"
    form(tmp_path / "a.docx", "主播", "电商直播部", "直播运营主管", [one], ["熟悉直播流程。"])
    [post] = import_documents([tmp_path / "a.docx"]).posts
    assert texts(post) == [one]
    three = "负责商品陈列;负责补货;负责卫生(含货架;含地面)"
    form(tmp_path / "b.docx", "理货员", "营运部", "店长", [three], ["细心。"])
    [post] = import_documents([tmp_path / "b.docx"]).posts
    assert texts(post) == ["负责商品陈列;", "负责补货;", "负责卫生(含货架;含地面)"]


def test_a_form_s_row_on_the_post_s_benefits_holds_no_duty(tmp_path: Path) -> None:
    """职位福利 (岗位福利, 员工福利: the post's benefits) after 岗位职责 is a row of the form that holds no duty: its value
    (餐补、交通补助) is neither a duty nor the last duty's tail."""
    d = docx.Document()
    t = d.add_table(rows=0, cols=2)
    for a, b in [("岗位名称", "收银员"), ("所属部门", "超市前台部"), ("岗位职责", "1. 确保收银准确。\n2. 每日与出纳交接现金。"),
                 ("职位福利", "餐补、交通补助、五险"), ("任职资格", "高中及以上学历。")]:
        r = t.add_row().cells
        r[0].text, r[1].text = a, b
    d.save(tmp_path / "a.docx")
    [post] = import_documents([tmp_path / "a.docx"]).posts
    assert texts(post) == ["确保收银准确。", "每日与出纳交接现金。"]
    assert post.qualifications == ["高中及以上学历。"]


def test_a_form_s_titled_rows_whose_text_has_no_full_stop_give_the_text_as_the_duty(tmp_path: Path) -> None:
    """Under a 项目 | 内容 form's 岗位职责 row, 商品陈列 | 按照…整理商品,保持货架丰满、整齐、美观 (clauses with no full
    stop, as the page's bullets ended), two or more such rows: each short cell titles the duty beside it and is none."""
    _item_form(tmp_path / "a.docx", [("商品陈列", "按照店铺陈列标准整理商品,保持货架丰满、整齐、美观"),
                                     ("库存管理", "定期盘点商品数量,记录库存变化,及时发现缺货并通知补货")])
    [post] = import_documents([tmp_path / "a.docx"]).posts
    assert texts(post) == ["按照店铺陈列标准整理商品,保持货架丰满、整齐、美观", "定期盘点商品数量,记录库存变化,及时发现缺货并通知补货"]


def test_a_pointer_to_the_company_s_standard_with_a_long_name_and_an_aside_is_no_qualification(tmp_path: Path) -> None:
    """按公司母婴门店店长任职资格标准执行(见《任职资格标准汇编》第三章)。: the company's standard named at length and where
    to find it in brackets, still a pointer, not a requirement of the person."""
    form(tmp_path / "a.docx", "店长", "母婴事业部", "区域经理", ["负责门店日常管理。"],
         ["按公司母婴门店店长任职资格标准执行(见《任职资格标准汇编》第三章)。", "大专及以上学历。"])
    [post] = import_documents([tmp_path / "a.docx"]).posts
    assert post.qualifications == ["大专及以上学历。"]


def test_a_requirements_table_headed_by_two_joined_words_gives_the_second_cells_as_qualifications(tmp_path: Path) -> None:
    """Under 三、任职资格, a 技能/素质 | 说明 table (two requirement words joined by a slash: what both name): each
    说明 cell is a qualification, as written; the first cell (责任心强) titles it."""
    d = docx.Document()
    d.add_paragraph("理货员岗位说明书")
    t = d.add_table(rows=0, cols=2)
    for a, b in [("岗位名称", "理货员"), ("所属部门", "超市营运部")]:
        r = t.add_row().cells
        r[0].text, r[1].text = a, b
    d.add_paragraph("二、岗位职责")
    d.add_paragraph("1. 按照陈列标准整理货架上的商品。")
    d.add_paragraph("三、任职资格")
    t = d.add_table(rows=0, cols=2)
    for a, b in [("技能/素质", "说明"), ("责任心强", "需要细心、耐心,确保每一件商品都准确无误。"),
                 ("团队合作", "与同事配合完成工作任务,提高整体效率。")]:
        r = t.add_row().cells
        r[0].text, r[1].text = a, b
    d.save(tmp_path / "a.docx")
    [post] = import_documents([tmp_path / "a.docx"]).posts
    assert texts(post) == ["按照陈列标准整理货架上的商品。"]
    assert post.qualifications == ["需要细心、耐心,确保每一件商品都准确无误。", "与同事配合完成工作任务,提高整体效率。"]


def test_numbered_lines_each_over_a_post_heading_name_groups_of_posts_not_duties(tmp_path: Path) -> None:
    """A handbook groups its posts under lines of their own, （一）运营组 over 2.1 店长, （二）客服组 over 2.3 客服: read
    in turn, （二）客服组 follows the last paragraph of 运营专员 and would be one more of its duties. Two or more lines
    numbered alike, each right over a post's heading, name groups of posts: none is a duty. 二、各岗位职责 (every
    post's duties, each under its own heading) names no post."""
    d = docx.Document()
    d.add_heading("二、各岗位职责", level=1)
    for group, posts in [("（一）运营组", [("2.1　店长", "负责门店的整体经营。"), ("2.2　运营专员", "负责商品上架和价格调整等工作。")]),
                         ("（二）客服组", [("2.3　客服", "负责解答顾客的问题。")])]:
        d.add_paragraph(group)
        for heading, duty in posts:
            d.add_heading(heading, level=2)
            d.add_paragraph("所属部门:电商事业部　　直接上级:总经理")
            d.add_paragraph("岗位职责:")
            d.add_paragraph(duty)
    d.save(tmp_path / "a.docx")
    result = import_documents([tmp_path / "a.docx"])
    assert {p.name: texts(p) for p in result.posts} == {
        "店长": ["负责门店的整体经营。"], "运营专员": ["负责商品上架和价格调整等工作。"], "客服": ["负责解答顾客的问题。"]}
    assert "（二）客服组" in [u.text for u in result.unplaced]


def test_a_post_s_name_on_its_own_line_over_the_sentence_of_its_work_is_a_post_in_a_list_of_them(tmp_path: Path) -> None:
    """A page pasted into Notepad lists the posts a shop needs: each name alone on a line, then the sentence of its
    work (负责…。), then perhaps a line on what it needs (需要…: its requirement) or how many are needed (a note). Three
    or more such names make the list; a line that is no post's name (辅助人员 is one, but over no 负责 sentence) is
    not a post."""
    (tmp_path / "a.txt").write_text(
        "开店要什么员工\n以下是一些常见职位:\n店长/经理\n负责整体运营管理、员工协调等。\n需要有管理经验,能够处理各种问题。\n"
        "收银员\n负责顾客结账、找零等工作。\n根据店铺规模,可能需要一名或多名收银员。\n清洁人员\n负责店内的清洁卫生工作。\n"
        "辅助人员\n根据具体情况可能需要其他辅助人员。\n", encoding="utf-8")
    result = import_documents([tmp_path / "a.txt"])
    posts = by_name(result)
    assert {n: texts(p) for n, p in posts.items()} == {
        "店长/经理": ["负责整体运营管理、员工协调等。"], "收银员": ["负责顾客结账、找零等工作。"], "清洁人员": ["负责店内的清洁卫生工作。"]}
    assert posts["店长/经理"].qualifications == ["需要有管理经验,能够处理各种问题。"]
    assert posts["收银员"].qualifications == []
    assert "根据店铺规模,可能需要一名或多名收银员。" in [u.text for u in result.unplaced]


def test_the_post_named_by_an_applicable_post_label_on_a_line_of_fields(tmp_path: Path) -> None:
    """适用岗位:奶茶店员工　所属部门:…　直接上级:… (the post the handout applies to) names the post as 岗位名称 does."""
    (tmp_path / "a.txt").write_text("员工基本职责\n适用岗位:奶茶店员工　　所属部门:茶饮事业部　　直接上级:店长\n岗位职责:\n"
                                    "1. 接待顾客,为顾客点单。\n2. 按照配方制作饮品。\n", encoding="utf-8")
    [post] = import_documents([tmp_path / "a.txt"]).posts
    assert (post.name, post.department, post.reports_to_text) == ("奶茶店员工", "茶饮事业部", "店长")
    assert texts(post) == ["接待顾客,为顾客点单。", "按照配方制作饮品。"]


def test_a_heading_naming_the_work_takes_the_post_the_page_s_lead_names_for_it(tmp_path: Path) -> None:
    """## 品类管理岗位职责 (品类管理 is work, not a post's title) under a lead saying 与此相关的工作岗位是品类经理: the
    post is 品类经理, as the page writes it; a lead naming a post of other work (岗位是收银员) renames nothing."""
    body = "## 品类管理岗位职责\n\n1. 建立渠道档案;\n2. 规划年度促销费用。\n"
    (tmp_path / "a.md").write_text("# 品类管理基本岗位职责\n\n品类管理是指…的一系列活动。與此相關的工作崗位是品類經理。\n\n" + body,
                                   encoding="utf-8")
    (tmp_path / "b.md").write_text("# 品类管理基本岗位职责\n\n与此相关的工作岗位是收银员。\n\n" + body, encoding="utf-8")
    [post] = import_documents([tmp_path / "a.md"]).posts
    assert (post.name, texts(post)) == ("品類經理", ["建立渠道档案;", "规划年度促销费用。"])
    assert [p.name for p in import_documents([tmp_path / "b.md"]).posts] == ["品类管理"]


def test_a_duty_table_whose_columns_all_name_the_duties_takes_the_one_differing_every_row(tmp_path: Path) -> None:
    """职责 | 职责表述 | 工作任务, 职责 and 职责表述 merged down their rows, one 工作任务 a row: every header names the
    duties, so the column whose cells differ in every row holds them; the merged ones name and state their group."""
    d = docx.Document()
    t = d.add_table(rows=0, cols=2)
    for a, b in [("岗位名称", "营业员"), ("所在部门", "零售事业部")]:
        r = t.add_row().cells
        r[0].text, r[1].text = a, b
    d.add_paragraph("职责与工作任务:")
    rows = [("职责一", "职责表述:协助门店经理提供销售建议", "根据部门营销规划协助门店经理实施年度规划"),
            ("职责一", "职责表述:协助门店经理提供销售建议", "协助门店经理搜集行业政策和竞争对手信息"),
            ("职责二", "职责表述:协助部门经理完成市场调研", "按照门店工作计划和预算,执行销售计划"),
            ("职责二", "职责表述:协助部门经理完成市场调研", "严格执行公司物价政策")]
    t = d.add_table(rows=1 + len(rows), cols=3)
    for i, head in enumerate(["职责", "职责表述", "工作任务"]):
        t.cell(0, i).text = head
    for n, (_, _, c) in enumerate(rows, 1):
        t.cell(n, 2).text = c
    for col in (0, 1):
        for first, last in [(1, 2), (3, 4)]:
            t.cell(first, col).merge(t.cell(last, col)).text = rows[first - 1][col]
    d.save(tmp_path / "a.docx")
    result = import_documents([tmp_path / "a.docx"])
    [post] = result.posts
    assert texts(post) == [r[2] for r in rows]
    assert {"职责一", "职责表述:协助门店经理提供销售建议"} <= {u.text for u in result.unplaced}


def test_a_paragraph_under_a_group_heading_after_a_group_of_bullets_is_a_duty(tmp_path: Path) -> None:
    """# 超市电脑员的职责, then ### 商品管理 over - bullets and ### 库存管理 over one paragraph: the heading starts a new
    group, so its paragraph is its duty, not a line after the list above it. A saved-on line (保存自网页,2025-05-12) is
    where the page came from, and the lead ending in a colon leads into the groups: neither is a duty."""
    (tmp_path / "a.md").write_text(
        "# 超市电脑员的职责\n\n保存自网页,2025-05-12\n\n其核心工作可分为以下几类:\n\n## 一、基础运营类\n\n### 商品管理\n\n"
        "- 商品上架/下架操作\n- 价格调整与促销活动设置\n\n### 库存管理\n\n记录商品进货、出货及库存盘点,确保数据与实际库存一致。\n",
        encoding="utf-8")
    [post] = import_documents([tmp_path / "a.md"]).posts
    assert (post.name, texts(post)) == ("超市电脑员", ["商品上架/下架操作", "价格调整与促销活动设置",
                                                     "记录商品进货、出货及库存盘点,确保数据与实际库存一致。"])


def test_a_topic_of_the_requirements_typed_as_a_label_inside_their_cell_is_no_requirement(tmp_path: Path) -> None:
    """In a form's 任职要求 cell, 核心能力: over ● items, then 经验要求: over its own ●: the topic heads the items under
    it; it is neither a requirement nor the tail of the item before it."""
    cell = "核心能力:\n● 普通话标准,打字速度≥50字/分钟;\n● 基础Excel操作能力(如数据录入、筛选);\n经验要求:\n● 1年以上客服经验;"
    form(tmp_path / "a.docx", "客服专员", "客户服务部", "客服经理", ["解答用户咨询。"], [cell])
    [post] = import_documents([tmp_path / "a.docx"]).posts
    assert post.qualifications == ["普通话标准,打字速度≥50字/分钟;", "基础Excel操作能力(如数据录入、筛选);", "1年以上客服经验;"]


def test_headings_after_a_sentence_announcing_the_duties_title_them_under_a_post_named_by_its_label(tmp_path: Path) -> None:
    """适用岗位:奶茶店员工 …, then …主要包括以下几个职责 (no colon), then ### 1. 接待顾客 over its paragraph, ### 2. 制作饮品
    over its: the sentence announces the duties and the headings title them, each paragraph one duty. Under ## 所需技能,
    a sentence announcing skills in general words (员工需要掌握一些特定的技能。) leads into the titled requirements; it is
    none of them."""
    d = docx.Document()
    d.add_paragraph("奶茶店员工基本职责")
    d.add_paragraph("适用岗位:奶茶店员工　　所属部门:茶饮事业部　　直接上级:店长")
    d.add_paragraph("奶茶店员工的工作可以分为多个方面,主要包括以下几个职责")
    duties = ["员工需要热情、礼貌地与顾客沟通。", "员工需按照配方准确制作各种饮品。"]
    for title, text in zip(["1. 接待顾客", "2. 制作饮品"], duties, strict=True):
        d.add_heading(title, level=3)
        d.add_paragraph(text)
    d.add_heading("所需技能", level=2)
    d.add_paragraph("为了胜任奶茶店的工作,员工需要掌握一些特定的技能。")
    skills = ["员工需要始终以顾客为中心。", "员工需熟悉各种饮品的制作流程。"]
    for title, text in zip(["服务意识", "制作技能"], skills, strict=True):
        d.add_heading(title, level=3)
        d.add_paragraph(text)
    d.save(tmp_path / "a.docx")
    [post] = import_documents([tmp_path / "a.docx"]).posts
    assert (post.name, texts(post), post.qualifications) == ("奶茶店员工", duties, skills)


def test_a_page_on_a_trade_names_its_post_in_a_clerk_s_note_and_its_parts_by_subject_and_label(tmp_path: Path) -> None:
    """A page pasted into Notepad about working in a convenience store: the clerk's first line says whose job description
    it is material for (供编写便利店员工岗位说明书参考: the post); 三、便利店入职要求 and 四、便利店日常工作 (the trade, then
    入职要求 or 日常工作) are the parts of its requirements and its duties, each titled item's paragraph one of them; the
    last item, cut mid-sentence before ……(以下略), is no duty."""
    needs = ["便利店员工年龄一般在18岁以上,部分地区可能对年龄有所限制。", "便利店对学历要求不高,高中及以上学历即可。"]
    does = ["便利店员工需要根据商品特点合理陈列商品,提高销售额。", "便利店员工需热情接待顾客,解答顾客疑问,提供优质服务。"]
    (tmp_path / "便利店工作介绍.txt").write_text(
        "【参考资料】便利店员工 —— 摘自网络,供编写便利店员工岗位说明书参考\n\n揭秘便利店工作:轻松上手\n\n"
        "一、便利店工作概述\n\n1.1 便利店定义\n便利店是一种小型零售商店。\n\n"
        f"三、便利店入职要求\n\n3.1 年龄要求\n{needs[0]}\n\n3.2 学历要求\n{needs[1]}\n\n"
        f"四、便利店日常工作\n\n4.1 商品陈列\n{does[0]}\n\n4.2 顾客服务\n{does[1]}\n\n"
        "4.3 收银工作\n收银员负责顾客结账、找零等工作,确保收银准确无误\n\n……(以下略)\n", encoding="utf-8")
    [post] = import_documents([tmp_path / "便利店工作介绍.txt"]).posts
    assert (post.name, texts(post), post.qualifications) == ("便利店员工", does, needs)


def test_the_last_duties_of_posts_each_right_before_the_next_heading_are_no_groups_of_posts(tmp_path: Path) -> None:
    """Each post's duties numbered (一) (二) …, the last one with no full stop right before the next post's heading:
    (二)完成上级交办的其他工作 and (三)完成上级交办的其他工作 do not count up from one as group lines do; they are duties."""
    d = docx.Document()
    for heading, duties in [("1. 店长", ["（一）负责门店的整体经营。", "（二）完成上级交办的其他工作"]),
                            ("2. 店员", ["（一）负责商品陈列。", "（二）负责收银。", "（三）完成上级交办的其他工作"]),
                            ("3. 收银员", ["（一）负责收银。"])]:
        d.add_heading(heading, level=2)
        d.add_paragraph("岗位职责:")
        for duty in duties:
            d.add_paragraph(duty)
    d.save(tmp_path / "a.docx")
    posts = by_name(import_documents([tmp_path / "a.docx"]))
    assert texts(posts["店长"]) == ["负责门店的整体经营。", "完成上级交办的其他工作"]
    assert texts(posts["店员"]) == ["负责商品陈列。", "负责收银。", "完成上级交办的其他工作"]


_CALLED_POST_PAGE = (
    "# 仓管主要做些什么\n\n"
    "在现代企业运营中,仓库管理是一个不可或缺的环节。很多人对“仓管”这一职位了解不深,认为只是简单的“看仓库”,其实不然。"
    "那么,仓管主要做些什么呢?\n\n"
    "首先,仓管的核心职责是物资的收发与保管。他们需要负责接收供应商送来的货物,并进行数量、质量的核对,确保入库物品准确无误。\n\n"
    "其次,库存管理也是仓管的重要工作之一。他们需要定期盘点库存,确保账物一致,及时发现并处理积压或短缺的问题。\n\n"
    "最后,与各部门的沟通协调也是仓管工作中不可忽视的一环。他们需要与采购、销售等多个部门保持良好的沟通,确保物资流转顺畅。\n\n"
    "总的来说,仓管的工作内容远不止“看仓库”那么简单。\n"
)


def test_a_question_title_on_a_name_with_no_post_word_names_the_post_the_page_calls_it(tmp_path: Path) -> None:
    """# 仓管主要做些什么 asks what 仓管 does, and 仓管 ends in no post word; the lead calls it one (“仓管”这一职位), so the
    page is about the post 仓管, and its paragraphs (首先…, 其次…, 最后…) are its duties, the lead and 总的来说 none."""
    (tmp_path / "a.md").write_text(_CALLED_POST_PAGE, encoding="utf-8")
    [post] = import_documents([tmp_path / "a.md"]).posts
    assert post.name == "仓管"
    assert [t[:3] for t in texts(post)] == ["首先,", "其次,", "最后,"]


def test_a_question_title_on_a_name_the_page_never_calls_a_post_is_still_refused(tmp_path: Path) -> None:
    """The same page with a lead that says nothing of what 仓管 is (一个环节, no 职位 or 岗位): the name is no post's by its
    word or by the page, and the page is refused as naming no post rather than given a post it may not have."""
    (tmp_path / "a.md").write_text(_CALLED_POST_PAGE.replace("很多人对“仓管”这一职位了解不深", "很多人对这个环节了解不深"),
                                   encoding="utf-8")
    with pytest.raises(InputError, match="no post recognised"):
        import_documents([tmp_path / "a.md"])


_ASIDE_TITLE_DUTIES = ["直播间场控需要负责对直播现场的秩序进行监督和管理,确保直播进行的有序和规范。",
                       "直播间场控需要对可能出现的风险进行及时的甄别和预防,保障直播的顺利进行。",
                       "直播间场控需要协助主播进行抽奖和互动环节,营造一个良好的直播氛围。"]
_ASIDE_TITLE_PAGE = (
    "直播间场控(场控的工作职责)\r\n\r\nzydadmin2024-04-14  123\r\n\r\n"
    "在直播行业蓬勃发展的今天,直播间场控作为一个重要职位,在直播现场的秩序维护方面起着举足轻重的作用。\r\n\r\n"
    f"确保直播秩序井然\r\n\r\n{_ASIDE_TITLE_DUTIES[0]}\r\n\r\n"
    f"甄别风险并加以防范\r\n\r\n{_ASIDE_TITLE_DUTIES[1]}\r\n\r\n"
    f"协助主播进行直播互动\r\n\r\n{_ASIDE_TITLE_DUTIES[2]}\r\n\r\n"
    "维护直播平台的形象和声誉\r\n\r\n作为直播间的管理者和执行者,场控需要以专业……\r\n\r\n(网页复制,以下内容未显示)\r\n"
)


def test_a_title_naming_a_post_then_its_duties_by_a_short_name_in_brackets_names_the_post(tmp_path: Path) -> None:
    """直播间场控(场控的工作职责): the name, then in brackets that the page is on the duties of the same post by its short
    name; the lead calls it a post (作为一个重要职位). Each title line over its paragraph titles a duty and is none; the
    last title's paragraph is cut (……) before (网页复制,以下内容未显示), a note that the copy is cut: neither that paragraph
    nor its title is a duty."""
    (tmp_path / "a.txt").write_bytes(_ASIDE_TITLE_PAGE.encode("gbk"))
    result = import_documents([tmp_path / "a.txt"])
    [post] = result.posts
    assert post.name == "直播间场控"
    assert texts(post) == _ASIDE_TITLE_DUTIES
    assert {"维护直播平台的形象和声誉", "(网页复制,以下内容未显示)"} <= {u.text for u in result.unplaced}


def test_a_bracketed_aside_on_another_name_s_duties_names_no_post(tmp_path: Path) -> None:
    """The aside must name the title's own post by a part of its name: 直播间场控(主播的工作职责) is on another post's duties,
    and with no other sign of a post the page is refused."""
    page = _ASIDE_TITLE_PAGE.replace("(场控的工作职责)", "(主播的工作职责)").replace("直播间场控作为一个重要职位", "直播间场控很重要")
    (tmp_path / "a.txt").write_bytes(page.encode("gbk"))
    with pytest.raises(InputError, match="no post recognised"):
        import_documents([tmp_path / "a.txt"])


def test_a_duty_cut_short_before_a_note_that_the_copy_is_cut_goes_with_its_title_line(tmp_path: Path) -> None:
    """Under 岗位职责:, duties each under a title line of its own; the last title's paragraph ends mid-sentence (……) before a
    note that the copy is cut: the paragraph and its title line are dropped together, the whole duties kept."""
    does = ["负责对直播现场的秩序进行监督和管理,确保直播进行的有序和规范。", "负责对可能出现的风险进行及时的甄别和预防,保障直播安全。"]
    (tmp_path / "a.txt").write_text(
        f"直播场控岗位职责\n\n岗位职责:\n确保直播秩序井然\n{does[0]}\n甄别风险并加以防范\n{does[1]}\n"
        "维护直播平台的形象和声誉\n作为直播间的管理者和执行者,场控需要以专业……\n(网页复制,以下内容未显示)\n", encoding="utf-8")
    result = import_documents([tmp_path / "a.txt"])
    [post] = result.posts
    assert texts(post) == does
    assert "维护直播平台的形象和声誉" in {u.text for u in result.unplaced}


def test_a_group_title_whose_topic_is_a_label_word_is_one_of_its_siblings(tmp_path: Path) -> None:
    """导购员岗位职责 says the duties follow; its groups 一、工作时间: 二、形象: 三、纪律: are numbered alike, and the first's
    topic, 工作时间, happens to be a label of a part holding no duty: among siblings that are no labels it is a group title
    too, and its paragraph a duty. Under a page whose parts are labels (一、岗位职责 … 二、工作时间:), it is the label."""
    does = ["不迟到早退,具体上下班时间根据商场规定执行。", "上岗时必须穿着商场制服上班,保持工作服整洁。",
            "导购员必须遵守商场的规章制度。", "员工不得擅自更换上班时间。"]
    (tmp_path / "a.txt").write_text(
        "导购员岗位职责\n所属部门:百货专柜部　　直接上级:柜组长\n\n"
        f"一、工作时间:\n{does[0]}\n二、形象:\n{does[1]}\n三、纪律:\n1、{does[2]}\n2、{does[3]}\n", encoding="utf-8")
    [post] = import_documents([tmp_path / "a.txt"]).posts
    assert (post.name, texts(post)) == ("导购员", does)
    (tmp_path / "b.txt").write_text(
        "导购员岗位职责\n所属部门:百货专柜部　　直接上级:柜组长\n\n"
        f"一、岗位职责:\n1、{does[2]}\n2、{does[3]}\n二、工作时间:\n{does[0]}\n三、工作地点:\n商场一楼。\n", encoding="utf-8")
    [post] = import_documents([tmp_path / "b.txt"]).posts
    assert texts(post) == does[2:]


_ADVERT_DUTIES = ["学习营运标准及流程,掌握部门商品知识及操作技能等；", "协助门店部门的管理工作,协调部门各个方面的工作安排；"]
_ADVERT_NEEDS = ["掌握电脑操作,有一定的逻辑思维能力；"]


def _advert(title: str, *, post_line: str = "") -> str:
    return (f"{title}\r\n\r\n发布时间： 2025年04月03日\r\n工资：3000-4000元/月\r\n地区：上海市 - 徐汇区\r\n\r\n职位描述\r\n\r\n"
            f"{post_line}岗位职责：\r\n1、{_ADVERT_DUTIES[0]}\r\n2、{_ADVERT_DUTIES[1]}\r\n任职资格：\r\n1、{_ADVERT_NEEDS[0]}\r\n")


def test_a_browser_s_page_title_names_the_post_before_the_site_it_was_on(tmp_path: Path) -> None:
    """A job advert copied from a recruitment site opens with the browser's page title, the post, an underscore and the
    site (门店营运实习生_某某打工网-让工作来找你): the post is the part before the site, whatever the file is called."""
    (tmp_path / "招聘信息.txt").write_bytes(_advert("门店营运实习生_某某打工网-让工作来找你").encode("gbk"))
    [post] = import_documents([tmp_path / "招聘信息.txt"]).posts
    assert (post.name, texts(post), list(post.qualifications)) == ("门店营运实习生", _ADVERT_DUTIES, _ADVERT_NEEDS)


def test_a_title_s_part_before_an_underscore_names_no_post_unless_a_site_follows(tmp_path: Path) -> None:
    """门店营运实习生_2025年度汇总 is no page title and a site: its first part is not taken as the post's name (the post is
    named from the file, as any untitled document's)."""
    (tmp_path / "招聘信息.txt").write_text(_advert("门店营运实习生_2025年度汇总"), encoding="utf-8")
    [post] = import_documents([tmp_path / "招聘信息.txt"]).posts
    assert post.name == "招聘信息"


@pytest.mark.parametrize("name", ["门店营运实习生", "管培生", "烘焙学徒"])
def test_an_intern_a_trainee_or_an_apprentice_is_a_post_s_title(tmp_path: Path, name: str) -> None:
    """实习生, 培训生 / 管培生 and 学徒 are posts a retailer hires for: a job advert's first line naming one names its post."""
    (tmp_path / "招聘信息.txt").write_text(_advert(name), encoding="utf-8")
    [post] = import_documents([tmp_path / "招聘信息.txt"]).posts
    assert (post.name, texts(post)) == (name, _ADVERT_DUTIES)


def test_an_advert_s_post_label_names_the_post_less_the_class_of_graduates_it_hires(tmp_path: Path) -> None:
    """招聘岗位：2025届管理培训生 under 职位描述 names the post the advert hires for (2025届, the graduates it is for, is
    no part of its name); the label line is no duty."""
    (tmp_path / "招聘信息.txt").write_text(
        _advert("某某超市校园招聘", post_line="招聘岗位：2025届管理培训生\r\n"), encoding="utf-8")
    [post] = import_documents([tmp_path / "招聘信息.txt"]).posts
    assert (post.name, texts(post)) == ("管理培训生", _ADVERT_DUTIES)


def test_a_sub_label_naming_how_binding_the_requirements_are_is_no_requirement(tmp_path: Path) -> None:
    """任职资格:, then 必备条件: over its items and 优先条件: over its own: the second sub-label names the group of the items
    under it, as the first does; it is no requirement, nor the tail of the requirement before it."""
    needs = ["有责任心", "熟练使用办公软件。", "喜欢数码及摄影", "有手绘能力"]
    (tmp_path / "a.txt").write_text(
        "店员岗位说明书\n岗位名称：店员\n岗位职责：\n1．整理货架\n2．接待顾客\n任职资格：\n必备条件：\n"
        f"（1）{needs[0]}\n（2）{needs[1]}\n优先条件：\n（1）{needs[2]}\n（2）{needs[3]}\n", encoding="utf-8")
    result = import_documents([tmp_path / "a.txt"])
    [post] = result.posts
    assert (texts(post), list(post.qualifications)) == (["整理货架", "接待顾客"], needs)
    assert "优先条件：" in {u.text for u in result.unplaced}


_LISTING = ("某某公司-工作机会\n\n3、天猫店长（急招）\n学历要求：大专以上\n招聘对象：一年以上工作经验\n任职要求：\n"
            "1、负责天猫旗舰店的整体规划；\n2、报名各平台相关活动等。\n\n7、京东运营\n学历要求：大专以上\n招聘对象：不限\n任职要求：\n"
            "1、优化产品关键词、库存和产品线；\n2、工作认真、细心、积极主动。\n")


def test_the_numbered_names_of_a_job_board_listing_each_over_its_fields_are_posts(tmp_path: Path) -> None:
    """A recruiting page copied into Notepad: each opening a number and a post's name (an aside on the opening after it,
    （急招）), then the board's fields and 任职要求：. Each name is a post, the aside dropped, even with no post word
    (京东运营); the items under each 任职要求 are that post's."""
    (tmp_path / "a.txt").write_bytes(_LISTING.encode("gbk"))
    posts = import_documents([tmp_path / "a.txt"]).posts
    assert [p.name for p in posts] == ["天猫店长", "京东运营"]
    assert "工作认真、细心、积极主动。" in posts[1].qualifications
    assert not any("京东运营" in q for q in posts[0].qualifications)


def test_one_numbered_name_over_fields_is_no_listing(tmp_path: Path) -> None:
    """The shape must recur: one numbered line over fields and a label may title anything, and the page is read as
    before (its one opening no post of its own)."""
    (tmp_path / "a.txt").write_bytes(_LISTING.split("\n\n7、")[0].encode("gbk") + b"\n")
    assert "天猫店长" not in [p.name for p in import_documents([tmp_path / "a.txt"]).posts]


def test_items_stating_work_under_the_requirements_of_a_post_with_no_duties_are_its_duties(tmp_path: Path) -> None:
    """A job board's opening listing everything under 任职要求: items opening with the verb of a task (负责…, 报名…) are
    duties; items saying what the person must be or have, and one opening with 负责任 (a trait), stay requirements."""
    (tmp_path / "a.txt").write_text(
        "店员招聘\n岗位名称：店员\n任职要求：\n1、负责门店日常销售；\n2、报名各平台相关活动等。\n3、负责任，有耐心；\n"
        "4、较强的沟通能力。\n", encoding="utf-8")
    [post] = import_documents([tmp_path / "a.txt"]).posts
    assert texts(post) == ["负责门店日常销售；", "报名各平台相关活动等。"]
    assert list(post.qualifications) == ["负责任，有耐心；", "较强的沟通能力。"]


def test_requirements_stay_requirements_where_the_post_states_its_duties(tmp_path: Path) -> None:
    """Where a 岗位职责 list states the duties, an item under 任职要求 is read as the label says, whatever verb opens it."""
    (tmp_path / "a.txt").write_text(
        "店员招聘\n岗位名称：店员\n岗位职责：\n1、整理货架。\n任职要求：\n1、负责任心强者优先；\n2、协助能力强。\n", encoding="utf-8")
    [post] = import_documents([tmp_path / "a.txt"]).posts
    assert texts(post) == ["整理货架。"]


_AD_DUTIES = ["倉庫作業、商品貼標。", "清點商品到貨數量。"]
_AD_NEEDS = ["可接受排班排休制度者。", "有物流相關經驗者佳。"]


def _tw_ad(title: str) -> str:
    return (f"\ufeff{title}\r\n\r\n本公司為家具家飾連鎖店,現正積極招募從業人員。\r\n\r\n※工作內容:\r\n1.{_AD_DUTIES[0]}\r\n"
            f"2.{_AD_DUTIES[1]}\r\n\r\n※招募對象:\r\n1.{_AD_NEEDS[0]}\r\n2.{_AD_NEEDS[1]}\r\n\r\n※工作時段：\r\n"
            "1.上班時間9:00~18:00。\r\n\r\n※薪資待遇:\r\n1.月薪 30,000~40,000元。\r\n")


def test_a_label_marked_with_a_reference_mark_is_the_label(tmp_path: Path) -> None:
    """A Taiwanese advert marks each of its parts with ※ (※工作內容:, ※招募對象:, ※工作時段：, ※薪資待遇:): the mark is
    typography, the label is the word after it; 招募對象 (whom the advert recruits) labels the requirements, and the
    parts on working hours and pay hold no duty."""
    (tmp_path / "倉儲人員.txt").write_text(_tw_ad("倉儲人員"), encoding="utf-8")
    [post] = import_documents([tmp_path / "倉儲人員.txt"]).posts
    assert (post.name, texts(post), list(post.qualifications)) == ("倉儲人員", _AD_DUTIES, _AD_NEEDS)


@pytest.mark.parametrize(("title", "name"), [
    ("宜得利NITORI桃園物流部倉庫倉儲人員(物流部門限定職)", "倉庫倉儲人員"),
    ("某某百货有限公司营运部主管（急招）", "营运部主管"),
    ("华联综合超市股份有限公司配送中心仓库管理员", "配送中心仓库管理员"),
])
def test_an_advert_title_names_its_post_after_the_employer_and_the_unit(tmp_path: Path, title: str, name: str) -> None:
    """An advert's title names the employer and the unit that hires before the post, perhaps an aside on the opening
    after it: the post is what follows the unit (or the employer, when that reads whole as a post), less the aside."""
    (tmp_path / "招募資訊.txt").write_text(_tw_ad(title), encoding="utf-8")
    [post] = import_documents([tmp_path / "招募資訊.txt"]).posts
    assert (post.name, texts(post)) == (name, _AD_DUTIES)


def test_an_advert_title_naming_no_post_after_its_unit_is_no_post_name(tmp_path: Path) -> None:
    """宜得利NITORI桃園物流部招募資訊 names the unit and what the page is, no post: the post is named from the file, as
    any untitled document's."""
    (tmp_path / "倉儲人員.txt").write_text(_tw_ad("宜得利NITORI桃園物流部招募資訊"), encoding="utf-8")
    [post] = import_documents([tmp_path / "倉儲人員.txt"]).posts
    assert post.name == "倉儲人員"


@pytest.mark.parametrize(("stem", "name"), [("理货员招聘信息", "理货员"), ("倉儲人員招募資訊", "倉儲人員"), ("招聘信息", "招聘信息")])
def test_a_post_named_from_an_advert_s_file_is_named_without_the_kind_of_page(tmp_path: Path, stem: str, name: str) -> None:
    """A document whose text names no post is named from its file; a file saved from a job advert adds the kind of page
    after the post (招聘信息, 招募資訊, 招聘启事): that is no part of the post's name. A file named only so keeps its name."""
    (tmp_path / f"{stem}.txt").write_text("岗位职责：\n1.整理货架\n2.接待顾客\n", encoding="utf-8")
    [post] = import_documents([tmp_path / f"{stem}.txt"]).posts
    assert (post.name, texts(post)) == (name, ["整理货架", "接待顾客"])
