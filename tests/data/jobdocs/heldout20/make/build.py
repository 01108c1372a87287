"""Build heldout20's documents and gold.yaml from make/sources.py, then check the gold against the files.

Run from anywhere: `python tests/data/jobdocs/heldout20/make/build.py [--pdf]`. Without --pdf the committed
PDF is kept and only checked. Every document is rebuilt the same way each time: fixed core-property dates,
fixed zip entry times, and for the PDF fixed dates and IDs written over LibreOffice's own.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import yaml
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
sys.path.insert(0, str(HERE))

import sources as S  # noqa: E402

FIXED = datetime(2025, 6, 1, 9, 0, 0)
ZIP_TIME = (2025, 6, 1, 9, 0, 0)
FONT = "宋体"


# ---------------------------------------------------------------- Word helpers


def new_doc() -> DocumentObject:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.5)
    for name in ("Normal", "Heading 1", "Heading 2", "Title", "List Number"):
        style = doc.styles[name]
        style.font.name = FONT
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if fonts.get(qn(theme)) is not None:
                del fonts.attrib[qn(theme)]
    doc.styles["Normal"].font.size = Pt(10.5)
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 1
    return doc


def field(paragraph: Any, instr: str) -> None:
    """A PAGE or NUMPAGES field, as Word writes it when a clerk inserts a page number."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def header_footer(doc: DocumentObject, header: str, footer: str) -> None:
    """footer: "page-of" gives 第 n 页 共 m 页, "dash" gives - n -."""
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = header
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if footer == "page-of":
        fp.add_run("第 ")
        field(fp, "PAGE")
        fp.add_run(" 页 共 ")
        field(fp, "NUMPAGES")
        fp.add_run(" 页")
    else:
        fp.add_run("- ")
        field(fp, "PAGE")
        fp.add_run(" -")


def para(doc: Any, text: str = "", *, bold: bool = False, size: float | None = None, center: bool = False, indent: bool = False) -> Any:
    p = doc.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent:
        p.paragraph_format.first_line_indent = Pt(21)
    return p


def shade(cell: _Cell, fill: str = "D9D9D9") -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def cell_text(cell: _Cell, text: str, *, bold: bool = False, center: bool = False) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.bold = bold
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def cell_add(cell: _Cell, text: str, *, bold: bool = False, first: bool = False) -> None:
    p = cell.paragraphs[0] if first else cell.add_paragraph()
    run = p.add_run(text)
    run.bold = bold


def repeat_header(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def revision_table(doc: DocumentObject, rows: list[tuple[str, str, str, str]]) -> None:
    para(doc, "修订记录", bold=True)
    t = doc.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ("版本", "修订日期", "修订内容", "修订人"), strict=True):
        cell_text(c, h, bold=True, center=True)
        shade(c)
    for r in rows:
        cells = t.add_row().cells
        for c, v in zip(cells, r, strict=True):
            cell_text(c, v)


def cover(doc: DocumentObject, title: str, meta: list[str]) -> None:
    for _ in range(6):
        para(doc)
    para(doc, S.COMPANY, bold=True, size=18, center=True)
    para(doc)
    para(doc, title, bold=True, size=26, center=True)
    for _ in range(8):
        para(doc)
    for line in meta:
        para(doc, line, size=12, center=True)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def save_docx(doc: DocumentObject, path: Path) -> None:
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(normalise_zip(buf.getvalue()))


# ---------------------------------------------------------------- zip normalisation

_DATE_RE = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def normalise_zip(data: bytes) -> bytes:
    """Same bytes on every run: entry times fixed, core.xml dates fixed."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _DATE_RE.sub(rb"\g<1>2025-06-01T09:00:00Z\g<3>", body)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, body)
    return out.getvalue()


# ---------------------------------------------------------------- the documents


def build_u1(path: Path) -> dict[str, Any]:
    """采购经理: a label|value 职位说明书 with synonyms (职位名称, 汇报对象, 工作职责, 任职要求)."""
    doc = new_doc()
    header_footer(doc, f"{S.SHORT} · 职位说明书", "dash")
    para(doc, S.COMPANY, bold=True, size=14, center=True)
    para(doc, "职 位 说 明 书", bold=True, size=18, center=True)
    para(doc, "编号:JHH-HR-JD-CG02　　版本:V2.0　　修订日期:2025年5月20日")
    t = doc.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    lab = S.U1_LABELS
    pairs = [
        ("职位名称", lab["岗位名称"], "职位编号", "CG-02"),
        ("所属部门", lab["所属部门"], "汇报对象", lab["直接上级"]),
        ("下属职位", lab["直接下属"], "职位定员", "1人"),
    ]
    for a, b, c, d in pairs:
        cells = t.add_row().cells
        cell_text(cells[0], a, bold=True)
        shade(cells[0])
        cell_text(cells[1], b)
        cell_text(cells[2], c, bold=True)
        shade(cells[2])
        cell_text(cells[3], d)

    def wide(label: str) -> _Cell:
        cells = t.add_row().cells
        cell_text(cells[0], label, bold=True)
        shade(cells[0])
        return cells[1].merge(cells[2]).merge(cells[3])

    c = wide("职位概要")
    for i, line in enumerate(S.U1_SUMMARY):
        cell_add(c, line, first=i == 0)
    c = wide("工作职责")
    first = True
    for gi, (title, lines) in enumerate(S.U1_GROUPS, 1):
        cell_add(c, f"{gi}、{title}", bold=True, first=first)
        first = False
        for li, line in enumerate(lines, 1):
            cell_add(c, f"（{li}）{line}")
    c = wide("任职要求")
    cell_add(c, "详见《采购部年度招聘需求表》。", first=True)  # MINE
    c = wide("考核指标")
    for i, line in enumerate(("采购成本降低率(年度降本目标达成率)", "供应商准时交货率≥95%", "采购合同合规率100%")):  # MINE
        cell_add(c, f"{i + 1}. {line}", first=i == 0)
    c = wide("工作地点")
    cell_add(c, "总部(采购中心)", first=True)
    c = wide("备注")
    cell_add(c, "本说明书每年复核一次,职位职责变化时由部门提出修订。", first=True)
    cells = t.add_row().cells
    cell_text(cells[0], "编制人:", bold=True)
    cell_text(cells[1], "人力资源部　王婷")
    cell_text(cells[2], "审核人:", bold=True)
    cell_text(cells[3], "采购总监　　　批准人:总经理")
    para(doc)
    para(doc, "任职者签字:______________　　日期:______________")
    save_docx(doc, path)
    return {
        "file": path.name,
        "source": "u1",
        "layout": "word-table",
        "posts": [
            post(lab["岗位名称"], lab["所属部门"], lab["直接上级"], [d for _, ds in S.U1_GROUPS for d in ds], []),
        ],
    }


def build_u2(path: Path) -> dict[str, Any]:
    """采购总监: a plain Word 岗位说明书, typed "1. title" lines each followed by a paragraph."""
    doc = new_doc()
    header_footer(doc, f"{S.COMPANY}　采购部", "dash")
    para(doc, "采购总监岗位说明书", bold=True, size=16, center=True)
    para(doc, "岗位编号:CG-01　　所属部门:采购部　　直接上级:总经理　　岗位定员:1人")
    para(doc, "一、岗位概述", bold=True)
    para(doc, S.U2_SUMMARY, indent=True)
    para(doc, "二、主要职责", bold=True)
    for i, (title, text) in enumerate(S.U2_DUTIES, 1):
        para(doc, f"{i}. {title}", bold=True)
        para(doc, text, indent=True)
    para(doc, "三、工作关系", bold=True)
    para(doc, "内部:财务部、门店营运部、物流配送中心、电商部;外部:供应商、招标代理机构。", indent=True)  # MINE
    para(doc, "四、备注", bold=True)
    para(doc, "本岗位任职资格另见《管理岗位任职资格标准》。", indent=True)  # MINE
    para(doc)
    para(doc, "编制:人力资源部　　　审核:副总经理　　　批准:总经理　　　日期:2025年5月")
    save_docx(doc, path)
    return {
        "file": path.name,
        "source": "u2",
        "layout": "word-numbered-titles",
        "posts": [post("采购总监", "采购部", "总经理", [d for _, d in S.U2_DUTIES], [])],
    }


def build_u3_docx(path: Path) -> None:
    """营业员: a GSP-style 岗位职责 form (traditional text as the page), to be exported to PDF."""
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}健康药房　质量管理文件", "page-of")
    para(doc, S.COMPANY, bold=True, size=12, center=True)
    para(doc, S.U3_TITLE, bold=True, size=16, center=True)
    para(doc, "文件编号:JHH-YF-GZ-007　　版本:B/1　　生效日期:2025年6月1日", center=True)
    revision_table(doc, [("A/0", "2023-03-01", "首次发布", "质量负责人"), ("B/1", "2025-06-01", "按新版GSP调整", "质量负责人")])
    para(doc)
    para(doc, "基本信息", bold=True)
    t = doc.add_table(rows=2, cols=4)
    t.style = "Table Grid"
    vals = [("岗位名称", "營業員", "岗位编号", "YF-03"), ("所属部门", "健康药房", "直接上级", "药房主管")]
    for row, (a, b, c, d) in zip(t.rows, vals, strict=True):
        cell_text(row.cells[0], a, bold=True)
        shade(row.cells[0])
        cell_text(row.cells[1], b)
        cell_text(row.cells[2], c, bold=True)
        shade(row.cells[2])
        cell_text(row.cells[3], d)
    para(doc)
    for i, line in enumerate(S.U3_HEAD, 1):
        para(doc, f"{i}、{line}")
    para(doc, "5、工作內容:")
    for i, line in enumerate(S.U3_DUTIES, 1):
        para(doc, f"5.{i}{line}", indent=True)
    para(doc, "6、主要考核指標:")
    for i, line in enumerate(S.U3_KPIS, 1):
        para(doc, f"6.{i}{line}", indent=True)
    para(doc, "7、任職資格:")
    for i, line in enumerate(S.U3_QUALS, 1):
        para(doc, f"7.{i}{line}", indent=True)
    para(doc)
    para(doc, "起草:质量管理员　　　审核:质量负责人　　　批准:企业负责人")
    save_docx(doc, path)


def u3_gold(path: Path) -> dict[str, Any]:
    return {
        "file": path.name,
        "source": "u3",
        "layout": "pdf-from-word",
        "posts": [post("營業員", "健康药房", "药房主管", S.U3_DUTIES, S.U3_QUALS)],
    }


def build_u4(path: Path) -> dict[str, Any]:
    """超市店长: a 序号 | 职责描述 | 考核标准 | 权重 table, each 职责描述 a bold title and the paragraph."""
    doc = new_doc()
    header_footer(doc, f"{S.SHORT} 门店营运部", "dash")
    para(doc, "超市店长岗位职责及考核标准", bold=True, size=16, center=True)
    para(doc, "所属部门:门店营运部　　直接上级:区域经理　　岗位编号:MD-01　　定员:每店1人")
    para(doc, "一、岗位概述", bold=True)
    para(doc, S.U4_LEAD, indent=True)
    para(doc, "二、岗位职责与考核标准", bold=True)
    t = doc.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ("序号", "职责描述", "考核标准", "权重"), strict=True):
        cell_text(c, h, bold=True, center=True)
        shade(c)
    repeat_header(t.rows[0])
    for i, ((title, text), (kpi, weight)) in enumerate(zip(S.U4_DUTIES, S.U4_KPI, strict=True), 1):
        cells = t.add_row().cells
        cell_text(cells[0], str(i), center=True)
        cell_add(cells[1], title, bold=True, first=True)
        cell_add(cells[1], text)
        cell_text(cells[2], kpi)
        cell_text(cells[3], weight, center=True)
    cells = t.add_row().cells
    merged = cells[0].merge(cells[1]).merge(cells[2])
    cell_text(merged, "合计", bold=True, center=True)
    cell_text(cells[3], "100%", center=True)
    t.autofit = False
    for i, width in enumerate((Cm(1.2), Cm(9.5), Cm(4.3), Cm(1.5))):
        t.columns[i].width = width
        for cell in t.columns[i].cells:
            cell.width = width
    para(doc, "三、说明", bold=True)
    para(doc, "1. 考核周期为月度,由区域经理评分,人力资源部汇总。")  # MINE
    para(doc, "2. 本表自2025年6月1日起执行,原《店长职责》同时废止。")
    para(doc)
    para(doc, "编制:人力资源部　　　审核:营运总监　　　批准:总经理")
    save_docx(doc, path)
    return {
        "file": path.name,
        "source": "u4",
        "layout": "word-duty-table",
        "posts": [post("超市店长", "门店营运部", "区域经理", [d for _, d in S.U4_DUTIES], [])],
    }


def build_u5(path: Path) -> dict[str, Any]:
    """烘焙坊: a department handbook, each post a Heading 2 with its department/superior line."""
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}烘焙坊岗位职责手册", "page-of")
    cover(doc, "烘焙坊岗位职责手册", ["文件编号:JHH-HB-SC-001", "版本:V1.1", "编制部门:人力资源部", "发布日期:2025年6月1日"])
    revision_table(
        doc, [("V1.0", "2024-09-01", "首次发布", "人力资源部"), ("V1.1", "2025-06-01", "增加配送员、营销/推广人员", "人力资源部")]
    )
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("一、总则", level=1)
    para(doc, "为明确烘焙坊各岗位的工作职责,规范日常管理,特制定本手册。本手册适用于公司各门店店内烘焙坊。", indent=True)
    doc.add_heading("二、组织架构", level=1)
    names = "、".join(n for n, _ in S.U5_POSTS if n != "店长")
    para(doc, f"烘焙坊设店长1名,下设{names}等岗位,人数按门店规模核定。", indent=True)
    doc.add_heading("三、岗位职责", level=1)
    gold_posts = []
    for i, (name, duty) in enumerate(S.U5_POSTS, 1):
        superior = S.U5_SUPERIOR.get(name, "店长")
        doc.add_heading(f"3.{i} {name}", level=2)
        para(doc, f"所属部门:烘焙坊　　直接上级:{superior}")
        para(doc, "岗位职责:", bold=True)
        para(doc, duty, indent=True)
        gold_posts.append(post(name, "烘焙坊", superior, [duty], []))
    doc.add_heading("四、附则", level=1)
    para(doc, "1. 本手册由人力资源部负责解释。")
    para(doc, "2. 本手册自发布之日起执行。")
    para(doc)
    para(doc, "编制:人力资源部　　　审核:烘焙事业部经理　　　批准:总经理")
    save_docx(doc, path)
    return {"file": path.name, "source": "u5", "layout": "word-handbook", "posts": gold_posts}


def build_u6(path: Path) -> dict[str, Any]:
    """超市收银员: an Excel 岗位职责表, one row per duty, 部门/岗位/直接上级/定员/备注 merged down."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells("A1:G1")
    ws["A1"] = f"{S.SHORT}生活超市 前台部岗位职责表"
    ws["A1"].font = Font(name=FONT, size=16, bold=True)
    ws["A1"].alignment = center
    ws.merge_cells("A2:G2")
    ws["A2"] = "编制部门:人力资源部　　文件编号:JHH-QT-ZZ-002　　更新日期:2025-06-01"
    heads = ["序号", "部门", "岗位", "直接上级", "岗位职责", "定员", "备注"]
    for col, h in enumerate(heads, 1):
        c = ws.cell(row=3, column=col, value=h)
        c.font = Font(name=FONT, bold=True)
        c.fill = PatternFill("solid", fgColor="D9D9D9")
        c.alignment = center
        c.border = border
    first = 4
    for i, duty in enumerate(S.U6_DUTIES):
        r = first + i
        ws.cell(row=r, column=1, value=i + 1).alignment = center
        ws.cell(row=r, column=5, value=duty).alignment = wrap
        for col in range(1, 8):
            ws.cell(row=r, column=col).border = border
            ws.cell(row=r, column=col).font = Font(name=FONT)
    last = first + len(S.U6_DUTIES) - 1
    for col, value in ((2, "前台部"), (3, "超市收银员"), (4, "收银主管"), (6, "每店8-12人"), (7, "早晚两班倒")):
        ws.cell(row=first, column=col, value=value).alignment = center
        ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)
    note = last + 1
    ws.merge_cells(start_row=note, start_column=1, end_row=note, end_column=7)
    ws.cell(
        row=note, column=1, value="说明:收银员同时执行《收银作业规范》及《现金管理办法》,违反者按《员工奖惩制度》处理。"
    ).alignment = wrap
    for col, width in zip("ABCDEFG", (6, 10, 12, 10, 60, 10, 12), strict=True):
        ws.column_dimensions[col].width = width
    for r in range(first, last + 1):
        ws.row_dimensions[r].height = 30
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    rev = wb.create_sheet("修订记录")
    for row in (
        ("版本", "日期", "内容", "修订人"),
        ("V1.0", "2024-03-01", "首次发布", "人力资源部"),
        ("V1.1", "2025-06-01", "调整定员", "人力资源部"),
    ):
        rev.append(row)
    for col in "ABCD":
        rev.column_dimensions[col].width = 14
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(normalise_zip(buf.getvalue()))
    return {
        "file": path.name,
        "source": "u6",
        "layout": "xlsx-merged",
        "posts": [post("超市收银员", "前台部", "收银主管", S.U6_DUTIES, [])],
    }


def build_u7(path: Path) -> dict[str, Any]:
    """社群运营: a web page saved as Markdown (numbered bold titles with nested bullets, a Q&A)."""
    out = ["# 社群运营岗位职责范文", "", "> 来源:范文网　2025-05-12", "", "## 社群运营岗位职责", "", "### 一、岗位职责", ""]
    for i, (title, lines) in enumerate(S.U7_DUTY_GROUPS, 1):
        out.append(f"{i}. **{title}:**")
        out.extend(f"   - {line}" for line in lines)
    out += ["", "### 二、任职要求", ""]
    for i, (title, lines) in enumerate(S.U7_QUAL_GROUPS, 1):
        out.append(f"{i}. **{title}:**")
        out.extend(f"   - {line}" for line in lines)
    out += ["", "## 社群运营岗位职责相关常见问答", ""]
    for i, (q, a) in enumerate(S.U7_QA, 1):
        out += [f"{i}. {q}", "", f"   {a}", ""]
    out += ["---", "", f"原文地址:{S.SOURCES[6]['url']}", ""]
    path.write_text("\n".join(out), encoding="utf-8", newline="\n")
    return {
        "file": path.name,
        "source": "u7",
        "layout": "markdown-web-copy",
        "posts": [
            post(
                "社群运营",
                None,
                None,
                [d for _, ds in S.U7_DUTY_GROUPS for d in ds],
                [q for _, qs in S.U7_QUAL_GROUPS for q in qs],
            )
        ],
    }


def build_u8(path: Path) -> dict[str, Any]:
    """运输调度员: part of a web article pasted into Notepad, UTF-8 with BOM, CRLF."""
    lines = [
        "运输与配送岗位设置全解析(节选)",
        "2025-11-03　整理:物流配送中心",
        "",
        "一、基础操作岗位设置:构建高效物流的基石",
        "",
        S.U8_HEADING,
        S.U8_LEAD,
    ]
    lines += [f"- {d}" for d in S.U8_DUTIES]
    lines += ["", "(以下略)", "", f"原文地址:{S.SOURCES[7]['url']}", ""]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8"))
    return {"file": path.name, "source": "u8", "layout": "txt-web-copy", "posts": [post("运输调度员", None, None, S.U8_DUTIES, [])]}


def build_u9(path: Path) -> dict[str, Any]:
    """分拣员: a plain Word list, the items in Word's own List Number numbering (no typed numbers)."""
    doc = new_doc()
    header_footer(doc, f"{S.SHORT} 电商仓", "dash")
    para(doc, "分拣员岗位职责", bold=True, size=16, center=True)
    para(doc, "所属部门:电商仓　　直接上级:仓储主管　　适用范围:电商前置仓、门店拣货区")
    para(doc, "一、岗位概述", bold=True)
    para(doc, S.U9_LEAD, indent=True)
    para(doc, "二、岗位职责", bold=True)
    para(doc, S.U9_INTRO)
    for duty in S.U9_DUTIES:
        doc.add_paragraph(duty, style="List Number")
    para(doc, "三、其他", bold=True)
    para(doc, "大促期间服从仓储主管的临时排班与调岗安排。", indent=True)  # MINE
    para(doc)
    para(doc, "编制:人力资源部　　　审核:电商部　　　日期:2025年6月")
    save_docx(doc, path)
    return {
        "file": path.name,
        "source": "u9",
        "layout": "word-list-numbering",
        "posts": [post("分拣员", "电商仓", "仓储主管", S.U9_DUTIES, [])],
    }


def post(name: str, dept: str | None, superior: str | None, duties: list[str], quals: list[str]) -> dict[str, Any]:
    return {"name": name, "department": dept, "reports_to": superior, "duties": list(duties), "qualifications": list(quals)}


# ---------------------------------------------------------------- PDF

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern">
    <test qual="any" name="family"><string>宋体</string></test>
    <edit name="family" mode="assign" binding="strong"><string>WenQuanYi Micro Hei</string></edit>
  </match>
</fontconfig>
"""


def build_pdf(docx: Path, pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        (t / "fonts.conf").write_text(FONTS_CONF, encoding="utf-8")
        env = dict(os.environ, TZ="UTC", FONTCONFIG_FILE=str(t / "fonts.conf"), HOME=str(t))
        cmd = [
            "soffice",
            f"-env:UserInstallation=file://{t}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(t / "out"),
            str(docx),
        ]
        if shutil.which("setarch"):
            cmd = ["setarch", platform.machine(), "-R", *cmd]
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        data = (t / "out" / (docx.stem + ".pdf")).read_bytes()
    data = re.sub(rb"/(CreationDate|ModDate)\s*\(D:[^)]*\)", lambda m: fixed_date(m.group(0)), data)
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", lambda m: fixed_id(m.group(0)), data)
    data = re.sub(rb"/DocChecksum\s*/([0-9A-Fa-f]+)", lambda m: re.sub(rb"[0-9A-Fa-f]", b"0", m.group(0)), data)
    pdf.write_bytes(data)


def fixed_date(s: bytes) -> bytes:
    key, rest = s.split(b"(", 1)
    const = b"D:20250601090000Z"
    body = rest[:-1]
    return key + b"(" + (const + b" " * len(body))[: len(body)] + b")"


def fixed_id(s: bytes) -> bytes:
    return re.sub(rb"<([0-9A-Fa-f]+)>", lambda m: b"<" + b"0" * len(m.group(1)) + b">", s)


# ---------------------------------------------------------------- gold and checks


def write_gold(documents: list[dict[str, Any]]) -> None:
    head = (
        "# Gold for tests/data/jobdocs/heldout20: what a perfect importer returns for each document.\n"
        "# Written by make/build.py from make/sources.py; do not edit by hand.\n"
        "# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and\n"
        "# reports_to as written in the document, or null where it gives none.\n"
    )
    body = yaml.safe_dump({"sources": S.SOURCES, "documents": documents}, allow_unicode=True, sort_keys=False, width=4096)
    (OUT / "gold.yaml").write_text(head + body, encoding="utf-8")


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]

    def walk(tables: Any) -> None:
        for t in tables:
            for row in t.rows:
                for cell in row.cells:
                    parts.extend(p.text for p in cell.paragraphs)
                    walk(cell.tables)

    walk(doc.tables)
    return "\n".join(parts)


def file_text(path: Path) -> str:
    if path.suffix == ".docx":
        return docx_text(path)
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    if path.suffix == ".pdf":
        out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True).stdout.decode("utf-8")
        # page furniture a duty may run across: header, footer
        out = re.sub(r".*质量管理文件.*", "", out)
        out = re.sub(r".*第 \d+ 页 共 \d+ 页.*", "", out)
        return out
    raw = path.read_bytes()
    return raw.decode("utf-8-sig")


_NUM = re.compile(r"^\s*(\d+[.、)]|（\d+）|\(\d+\)|[①-⑳]|[一二三四五六七八九十]+、|[-•·*])")


def check(documents: list[dict[str, Any]]) -> None:
    names: set[str] = set()
    n_posts = n_duties = n_quals = 0
    for d in documents:
        text = file_text(OUT / d["file"])
        flat = re.sub(r"\s+", "", text)
        for p in d["posts"]:
            assert p["name"] not in names, f"post name {p['name']} twice"
            names.add(p["name"])
            n_posts += 1
            for key in ("name", "department", "reports_to"):
                if p[key] is not None:
                    assert re.sub(r"\s+", "", p[key]) in flat, f"{d['file']}: {key} {p[key]!r} not found"
            for kind in ("duties", "qualifications"):
                for line in p[kind]:
                    assert not _NUM.match(line), f"{d['file']}: numbered {line!r}"
                    assert line == line.strip()
                    assert re.sub(r"\s+", "", line) in flat, f"{d['file']}: {kind[:-1]} not found: {line!r}"
            n_duties += len(p["duties"])
            n_quals += len(p["qualifications"])
    print(f"checked {len(documents)} documents: {n_posts} posts, {n_duties} duties, {n_quals} qualifications")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pdf", action="store_true", help="rebuild the PDF through LibreOffice (soffice)")
    args = ap.parse_args()
    pdf = OUT / "营业员岗位职责.pdf"
    docs = [
        build_u1(OUT / "采购经理职位说明书.docx"),
        build_u2(OUT / "采购总监岗位说明书.docx"),
    ]
    if args.pdf:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "营业员岗位职责.docx"
            build_u3_docx(src)
            build_pdf(src, pdf)
    if not pdf.exists():
        sys.exit(f"{pdf.name} is missing: run with --pdf (needs soffice)")
    docs.append(u3_gold(pdf))
    docs += [
        build_u4(OUT / "超市店长岗位职责及考核标准.docx"),
        build_u5(OUT / "烘焙坊岗位职责手册.docx"),
        build_u6(OUT / "前台部岗位职责表.xlsx"),
        build_u7(OUT / "社群运营岗位职责.md"),
        build_u8(OUT / "运输调度员岗位职责.txt"),
        build_u9(OUT / "分拣员岗位职责.docx"),
    ]
    write_gold(docs)
    check(docs)


if __name__ == "__main__":
    main()
