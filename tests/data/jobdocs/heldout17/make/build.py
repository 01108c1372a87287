"""Rebuild the heldout17 documents and gold.yaml from make/sources.py, then check the gold against them.

Usage: python tests/data/jobdocs/heldout17/make/build.py [--pdf]
Without --pdf the committed PDF is kept (LibreOffice is needed only to re-export it) and checked.
"""

from __future__ import annotations

import argparse
import copy
import io
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import yaml
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sources as S

HERE = Path(__file__).resolve().parent.parent
FIXED = datetime(2025, 6, 1, 9, 0, 0, tzinfo=UTC)
ZIP_TIME = (2025, 6, 1, 9, 0, 0)
FONT = "宋体"


# ---------------------------------------------------------------- Word helpers


def new_document() -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.5)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name in ("Heading 1", "Heading 2", "Title"):
        st = doc.styles[name]
        st.font.name = FONT
        st.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.created = cp.modified = FIXED.replace(tzinfo=None)
    cp.revision = 1
    return doc


def add_field(paragraph, instr: str) -> None:
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instr} "
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    num = OxmlElement("w:t")
    num.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for el in (begin, text, sep, num, end):
        run._r.append(el)


def header_footer(doc: Document, header: str, footer: str) -> None:
    """footer: 'dash' for '- n -', 'pages' for '第 n 页 共 m 页'."""
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = header
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if footer == "dash":
        fp.add_run("- ")
        add_field(fp, "PAGE")
        fp.add_run(" -")
    else:
        fp.add_run("第 ")
        add_field(fp, "PAGE")
        fp.add_run(" 页 共 ")
        add_field(fp, "NUMPAGES")
        fp.add_run(" 页")


def para(doc: Document, text: str = "", bold: bool = False, size: float | None = None, center: bool = False, style=None):
    p = doc.add_paragraph(style=style)
    if text:
        r = p.add_run(text)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def shade(cell, fill: str = "D9D9D9") -> None:
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)


def repeat_header(row) -> None:
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def cell_text(cell, text: str, bold: bool = False, center: bool = False) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    r = p.add_run(text)
    r.bold = bold
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def table(doc: Document, rows: int, cols: int, widths: list[float]):
    t = doc.add_table(rows=rows, cols=cols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row in t.rows:
        for i, w in enumerate(widths):
            row.cells[i].width = Cm(w)
    return t


def save_docx(doc: Document, path: Path) -> None:
    buf = io.BytesIO()
    doc.save(buf)
    write_zip_fixed(buf.getvalue(), path)


def write_zip_fixed(data: bytes, path: Path) -> None:
    """Same bytes on every run: fixed entry times, entries in the original order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2025-06-01T09:00:00Z", body)
            zi = zipfile.ZipInfo(info.filename, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, body)
    path.write_bytes(out.getvalue())


def revision_table(doc: Document, rows: list[tuple[str, str, str, str]]) -> None:
    t = table(doc, 1 + len(rows), 4, [2.0, 3.0, 7.5, 3.5])
    for i, h in enumerate(("版本", "日期", "修订内容", "修订人")):
        cell_text(t.rows[0].cells[i], h, bold=True, center=True)
        shade(t.rows[0].cells[i])
    for r, row in enumerate(rows, start=1):
        for i, v in enumerate(row):
            cell_text(t.rows[r].cells[i], v)


# ---------------------------------------------------------------- documents


def build_q1_duty_table(path: Path) -> dict:
    """店长: 序号 | 职责描述 | 考核标准 | 权重, header repeated, a 合计 row."""
    doc = new_document()
    header_footer(doc, f"{S.SHORT}　门店营运部", "dash")
    para(doc, "店长岗位职责及考核标准", bold=True, size=16, center=True)
    para(doc, "所属部门:门店营运部　　直接上级:区域经理　　岗位编号:MD-01　　定员:每店1人")
    para(doc, "一、岗位职责与考核标准", bold=True)
    standards = [
        ("钥匙交接登记完整,开门准时率100%", "5%"),
        ("证照、公章无遗失,用章有登记", "10%"),
        ("卫生检查达标率≥95%", "10%"),
        ("每周值周表按时公示", "5%"),
        ("账款相符,营业款当日存入", "20%"),
        ("会议纪要按时上报", "10%"),
        ("门店缺编率≤5%", "10%"),
        ("合同签订及时率100%", "10%"),
        ("业务开发完成季度计划", "10%"),
        ("总部事务按时反馈", "10%"),
    ]
    t = table(doc, 2 + len(S.STORE_MANAGER), 4, [1.4, 8.6, 4.6, 1.4])
    for i, h in enumerate(("序号", "职责描述", "考核标准", "权重")):
        cell_text(t.rows[0].cells[i], h, bold=True, center=True)
        shade(t.rows[0].cells[i])
    repeat_header(t.rows[0])
    for n, (duty, (std, weight)) in enumerate(zip(S.STORE_MANAGER, standards, strict=True), start=1):
        row = t.rows[n]
        cell_text(row.cells[0], str(n), center=True)
        cell_text(row.cells[1], duty)
        cell_text(row.cells[2], std)
        cell_text(row.cells[3], weight, center=True)
    last = t.rows[-1]
    merged = last.cells[0].merge(last.cells[2])
    cell_text(merged, "合计", bold=True, center=True)
    cell_text(last.cells[3], "100%", center=True)
    para(doc, "二、说明", bold=True)
    para(doc, "1. 考核按月进行,由区域经理评分,结果报人力资源部备案。")
    para(doc, "2. 店长休假期间,由副店长代行上述职责。")
    para(doc, "编制:人力资源部　　审核:营运总监　　批准:总经理　　生效日期:2025年6月1日")
    save_docx(doc, path)
    return {"name": "店长", "department": "门店营运部", "reports_to": "区域经理", "duties": list(S.STORE_MANAGER), "qualifications": []}


def build_q2_pdf_docx(path: Path) -> dict:
    """仓库管理员: the Word form that is exported to PDF."""
    doc = new_document()
    header_footer(doc, f"{S.COMPANY}　文件编号:SL-HR-JD-031", "pages")
    para(doc, "仓库管理员岗位说明书", bold=True, size=16, center=True)
    para(doc, "编制部门:人力资源部　　生效日期:2025-06-01　　版本:A/0", center=True)
    para(doc, "一、基本信息", bold=True)
    t = table(doc, 3, 4, [2.6, 5.4, 2.6, 5.4])
    info = [
        ("岗位名称", "仓库管理员", "岗位编号", "CC-03"),
        ("所属部门", "仓储物流部", "直接上级", "仓储主管"),
        ("工作地点", "配送中心", "岗位定员", "4人"),
    ]
    for r, row in enumerate(info):
        for i, v in enumerate(row):
            cell_text(t.rows[r].cells[i], v, bold=(i % 2 == 0))
            if i % 2 == 0:
                shade(t.rows[r].cells[i])
    para(doc, "二、岗位概述", bold=True)
    para(doc, S.WAREHOUSE_LEAD)
    para(doc, "三、岗位职责", bold=True)
    t = table(doc, 1 + len(S.WAREHOUSE), 3, [1.4, 3.4, 11.2])
    for i, h in enumerate(("序号", "职责名称", "具体内容说明")):
        cell_text(t.rows[0].cells[i], h, bold=True, center=True)
        shade(t.rows[0].cells[i])
    repeat_header(t.rows[0])
    for n, (title, text) in enumerate(S.WAREHOUSE, start=1):
        cell_text(t.rows[n].cells[0], str(n), center=True)
        cell_text(t.rows[n].cells[1], title)
        cell_text(t.rows[n].cells[2], text)
    para(doc, "四、考核指标", bold=True)
    t = table(doc, 4, 3, [5.0, 2.0, 9.0])
    kpi = [
        ("指标", "权重", "说明"),
        ("账实相符率", "40%", "月度盘点差异金额/库存金额"),
        ("出库差错率", "30%", "错发、漏发单数/出库单数"),
        ("5S检查得分", "30%", "仓储物流部每周检查"),
    ]
    for r, row in enumerate(kpi):
        for i, v in enumerate(row):
            cell_text(t.rows[r].cells[i], v, bold=(r == 0))
    para(doc, "")
    para(doc, "编制:人力资源部　　审核:仓储物流部经理　　批准:总经理")
    save_docx(doc, path)
    return {
        "name": "仓库管理员",
        "department": "仓储物流部",
        "reports_to": "仓储主管",
        "duties": [d for _, d in S.WAREHOUSE],
        "qualifications": [],
    }


def build_q3_label_form(path: Path) -> dict:
    """自媒体运营: four-column label|value form with the synonyms 职位名称 / 汇报对象 / 工作职责 / 任职要求."""
    doc = new_document()
    header_footer(doc, f"{S.COMPANY}　岗位说明书", "dash")
    para(doc, S.COMPANY, bold=True, size=12, center=True)
    para(doc, "职位说明书", bold=True, size=16, center=True)
    para(doc, "编号:SL-PP-07　　版本:V2.0　　修订日期:2025年5月20日")
    rows = 3 + 4
    t = table(doc, rows, 4, [2.6, 5.4, 2.6, 5.4])
    pairs = [
        ("职位名称", "自媒体运营", "职位编号", "PP-07"),
        ("所属部门", "品牌市场部", "汇报对象", "品牌经理"),
        ("直接下级", "无", "职位定员", "2人"),
    ]
    for r, row in enumerate(pairs):
        for i, v in enumerate(row):
            cell_text(t.rows[r].cells[i], v, bold=(i % 2 == 0))
            if i % 2 == 0:
                shade(t.rows[r].cells[i])

    def block(r: int, label: str, lines: list[str]) -> None:
        cell_text(t.rows[r].cells[0], label, bold=True)
        shade(t.rows[r].cells[0])
        cell = t.rows[r].cells[1].merge(t.rows[r].cells[3])
        cell.text = ""
        first = True
        for line in lines:
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            p.add_run(line)
            first = False

    block(3, "职位概要", [S.MEDIA_SUMMARY])
    block(4, "工作职责", [f"{n}、{d}" for n, d in enumerate(S.MEDIA_DUTIES, start=1)])
    block(5, "任职要求", [f"{n}、{q}" for n, q in enumerate(S.MEDIA_QUALS, start=1)])
    block(6, "考核指标", ["粉丝净增长(30%);内容发布完成率(30%);互动率(20%);活动目标达成率(20%)。"])
    para(doc, "")
    para(doc, "编制人:人力资源部　　审核人:品牌经理　　批准人:总经理")
    para(doc, "任职者签字:______________　　日期:______________")
    save_docx(doc, path)
    return {
        "name": "自媒体运营",
        "department": "品牌市场部",
        "reports_to": "品牌经理",
        "duties": list(S.MEDIA_DUTIES),
        "qualifications": list(S.MEDIA_QUALS),
    }


def build_q7_list(path: Path) -> dict:
    """超市采购经理: label lines, bold group titles, each with the page's lead sentence and Word bullets."""
    doc = new_document()
    header_footer(doc, f"{S.SHORT}　采购部", "dash")
    para(doc, "超市采购经理岗位职责", bold=True, size=16, center=True)
    para(doc, "岗位名称:超市采购经理")
    para(doc, "所属部门:采购部")
    para(doc, "直接上级:营运总监")
    para(doc, "直接下级:采购主管、采购助理")
    para(doc, "一、岗位概述", bold=True)
    para(doc, S.BUYER_SUMMARY)
    para(doc, "二、岗位职责", bold=True)
    duties = []
    for n, (title, lead, bullets) in enumerate(S.BUYER_GROUPS, start=1):
        para(doc, f"{n}. {title}", bold=True)
        para(doc, lead)
        for b in bullets:
            doc.add_paragraph(b, style="List Bullet")
            duties.append(b)
    para(doc, "三、其他", bold=True)
    para(doc, "完成上级交办的其他工作。本职责自2025年6月1日起执行。")
    para(doc, "人力资源部　2025年5月")
    save_docx(doc, path)
    return {"name": "超市采购经理", "department": "采购部", "reports_to": "营运总监", "duties": duties, "qualifications": []}


def build_q8_handbook(path: Path) -> list[dict]:
    """电商部: cover, 修订记录, Heading 1/2, each post a Heading 2 and a 所属部门/直接上级 line."""
    doc = new_document()
    header_footer(doc, f"{S.SHORT}　电商部岗位职责汇编　SL-EC-2025-02", "pages")
    for _ in range(6):
        para(doc)
    para(doc, S.COMPANY, bold=True, size=18, center=True)
    para(doc, "电商部岗位职责汇编", bold=True, size=22, center=True)
    for _ in range(4):
        para(doc)
    for line in ("文件编号:SL-EC-2025-02", "版　　本:第2版", "编制部门:人力资源部", "发布日期:2025年6月1日"):
        para(doc, line, center=True)
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    para(doc, "修订记录", bold=True, size=14, center=True)
    revision_table(
        doc, [("1", "2024-03-01", "首次发布", "人力资源部"), ("2", "2025-06-01", "按电商部新组织架构修订,增加策划主管", "人力资源部")]
    )
    para(doc).add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("一、总则", level=1)
    para(doc, "1. 为明确电商部各岗位职责,特编制本汇编。")
    para(doc, "2. " + S.ECOM_LEAD)
    para(doc, "3. 摄影、美工岗位职责见《视觉组岗位职责》,不在本汇编内。")
    doc.add_heading("二、岗位职责", level=1)
    superiors = {"客服": "店长", "运营": "店长", "策划主管": "运营总监", "店长": "运营总监", "运营总监": "总经理"}
    posts = []
    for n, (name, text) in enumerate(S.ECOM_ROLES, start=1):
        doc.add_heading(f"2.{n} {name}", level=2)
        para(doc, f"所属部门:电商部　　直接上级:{superiors[name]}")
        para(doc, text)
        posts.append({"name": name, "department": "电商部", "reports_to": superiors[name], "duties": [text], "qualifications": []})
    doc.add_heading("三、附则", level=1)
    para(doc, "1. " + S.ECOM_CLOSE)
    para(doc, "2. 本汇编由人力资源部负责解释,自发布之日起执行。")
    para(doc, "编制:人力资源部　　审核:运营总监　　批准:总经理")
    save_docx(doc, path)
    return posts


def build_q6_xlsx(path: Path) -> list[dict]:
    """店助 / 副店长: one row per duty, 部门 merged down all rows, 岗位 and 直接上级 merged per post."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="D9D9D9")
    ws.merge_cells("A1:G1")
    ws["A1"] = f"{S.COMPANY}门店岗位职责表"
    ws["A1"].font = Font(name=FONT, size=14, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"] = "编制部门:人力资源部"
    ws["E2"] = "更新日期:2025-06-01"
    heads = ["序号", "部门", "岗位", "直接上级", "岗位职责", "考核要点", "备注"]
    for i, h in enumerate(heads, start=1):
        c = ws.cell(row=3, column=i, value=h)
        c.font = Font(name=FONT, bold=True)
        c.fill = head_fill
        c.border = border
        c.alignment = Alignment(horizontal="center", vertical="center")
    posts = [("店助", "副店长", S.ASSISTANT), ("副店长", "店长", S.DEPUTY)]
    points = {
        "店助": ["陈列、卫生检查", "排班、考勤", "客诉处理", "日报", "促销达成"],
        "副店长": ["计划达成率", "员工培训", "部门协调", "总部反馈", "事件处理"],
    }
    row = 4
    n = 1
    gold = []
    first_row = row
    for name, boss, duties in posts:
        start = row
        for i, d in enumerate(duties):
            ws.cell(row=row, column=1, value=n)
            ws.cell(row=row, column=5, value=d)
            ws.cell(row=row, column=6, value=points[name][i])
            n += 1
            row += 1
        ws.cell(row=start, column=3, value=name)
        ws.cell(row=start, column=4, value=boss)
        ws.merge_cells(start_row=start, start_column=3, end_row=row - 1, end_column=3)
        ws.merge_cells(start_row=start, start_column=4, end_row=row - 1, end_column=4)
        gold.append({"name": name, "department": "门店营运部", "reports_to": boss, "duties": list(duties), "qualifications": []})
    ws.cell(row=first_row, column=2, value="门店营运部")
    ws.merge_cells(start_row=first_row, start_column=2, end_row=row - 1, end_column=2)
    ws.cell(row=first_row, column=7, value="店长职责见《店长岗位职责及考核标准》")
    ws.merge_cells(start_row=first_row, start_column=7, end_row=row - 1, end_column=7)
    for r in range(3, row):
        for c in range(1, 8):
            cell = ws.cell(row=r, column=c)
            cell.border = border
            if r > 3:
                cell.font = Font(name=FONT)
                cell.alignment = Alignment(vertical="center", wrap_text=True, horizontal="center" if c in (1, 2, 3, 4) else None)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
    ws.cell(row=row, column=1, value="说明:1. 本表由人力资源部维护,岗位变动时更新;2. 考核要点为月度考核参考项。")
    for col, w in zip("ABCDEFG", (6, 12, 10, 10, 60, 16, 22), strict=True):
        ws.column_dimensions[col].width = w
    for r in range(4, row):
        ws.row_dimensions[r].height = 30
    ws.row_dimensions[row].height = 20
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    rev = wb.create_sheet("修订记录")
    for r in (
        ("版本", "日期", "修订内容", "修订人"),
        ("1", "2024-09-01", "首次编制", "人力资源部"),
        ("2", "2025-06-01", "增加考核要点列", "人力资源部"),
    ):
        rev.append(list(r))
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = FIXED.replace(tzinfo=None)
    wb.properties.modified = FIXED.replace(tzinfo=None)
    buf = io.BytesIO()
    wb.save(buf)
    write_zip_fixed(buf.getvalue(), path)
    return gold


def build_q4_md(path: Path) -> list[dict]:
    """会员运营: a blog article saved as Markdown, roles as '- **name**:duty' bullets, the page's mermaid diagram."""
    lines = [
        "# 会员运营的人员架构",
        "",
        "来源:51CTO博客　(网页另存为 Markdown)",
        "",
        S.MEMBER_INTRO,
        "",
        "## 会员运营的人员架构",
        "",
        S.MEMBER_LEAD,
        "",
    ]
    for name, duty in S.MEMBER_ROLES:
        lines.append(f"- **{name}**:{duty}")
        lines.append("")
    lines += [
        "## 会员运营的状态图",
        "",
        "```mermaid",
        "stateDiagram",
        "    [*] --> 会员运营经理",
        "    会员运营经理 --> 数据分析师",
        "    会员运营经理 --> 市场营销专员",
        "    会员运营经理 --> 客户关系管理人员",
        "```",
        "",
        "上面是一个简单的状态图,展示了会员运营的人员架构及其关系。",
        "",
        "---",
        "",
        f"原文地址:{S.SOURCES[3]['url']}",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8", newline="\n")
    return [{"name": n, "department": None, "reports_to": None, "duties": [d], "qualifications": []} for n, d in S.MEMBER_ROLES]


def build_q5_txt(path: Path) -> dict:
    """营业员: a page pasted into Notepad, UTF-8 with BOM and CRLF, the page's 1.1 / 2.1 numbers kept."""
    lines = [
        "门店营业员岗位职责",
        "发布时间:2023-01-16 12:08:24 来源:岗位职责",
        "",
        "营业员岗位职责",
        "",
        S.CLERK_LEAD,
        "",
        "一、销售职责",
        "",
    ]
    lines += [f"{num}{text}" for num, text in S.CLERK_SALES]
    lines += ["", "二、其他辅助工作", ""]
    lines += [f"{num}{text}" for num, text in S.CLERK_OTHER]
    lines += ["", "(本店水族用品区营业员参照执行。复制自网页,未改动。)", ""]
    path.write_bytes("\r\n".join(lines).encode("utf-8-sig"))
    duties = [t for _, t in S.CLERK_SALES] + [t for _, t in S.CLERK_OTHER]
    return {"name": "营业员", "department": None, "reports_to": None, "duties": duties, "qualifications": []}


# ---------------------------------------------------------------- PDF


def export_pdf(docx_path: Path, pdf_path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx_path)]
        if shutil.which("setarch"):
            cmd = ["setarch", platform.machine(), "-R", *cmd]
        subprocess.run(cmd, check=True, env={**os.environ, "TZ": "UTC"}, capture_output=True)
        data = (Path(tmp) / (docx_path.stem + ".pdf")).read_bytes()

    def same_len(m: re.Match[bytes]) -> bytes:
        body = m.group(2)
        const = b"D:20250601090000Z"[: len(body)].ljust(len(body), b"0")
        return m.group(1) + const + m.group(3)

    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\()([^)]*)(\))", same_len, data)
    data = re.sub(rb"<([0-9A-Fa-f]{16,})>", lambda m: b"<" + b"0" * len(m.group(1)) + b">", data)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", lambda m: m.group(1) + b"0" * len(m.group(2)), data)
    pdf_path.write_bytes(data)


# ---------------------------------------------------------------- gold and checks


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    xml = re.sub(r"</w:p>", "\n", xml)
    return re.sub(r"<[^>]+>", "", xml).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


def xlsx_text(path: Path) -> str:
    wb = openpyxl.load_workbook(path)
    return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)


def file_text(path: Path) -> str:
    suffix = path.suffix
    if suffix == ".docx":
        return docx_text(path)
    if suffix == ".xlsx":
        return xlsx_text(path)
    if suffix == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    raw = path.read_bytes()
    return raw.decode("utf-8-sig")


NUMBERED = re.compile(r"^\s*(\d+[.、)]|[（(]\d+[)）]|[-•·*]|[①-⑩]|[一二三四五六七八九十]+、)")


def check(gold: dict) -> None:
    for doc in gold["documents"]:
        text = re.sub(r"\s+", "", file_text(HERE / doc["file"]))
        for post in doc["posts"]:
            for key in ("name", "department", "reports_to"):
                value = post[key]
                if value is not None:
                    assert re.sub(r"\s+", "", value) in text, (doc["file"], key, value)
            for item in post["duties"] + post["qualifications"]:
                assert re.sub(r"\s+", "", item) in text, (doc["file"], item)
                assert not NUMBERED.match(item), (doc["file"], item)
    posts = sum(len(d["posts"]) for d in gold["documents"])
    duties = sum(len(p["duties"]) for d in gold["documents"] for p in d["posts"])
    quals = sum(len(p["qualifications"]) for d in gold["documents"] for p in d["posts"])
    print(f"gold checked: {len(gold['documents'])} documents, {posts} posts, {duties} duties, {quals} qualifications")


HEADER = """# Gold for tests/data/jobdocs/heldout17: what a perfect importer returns for each document.
# Written by make/build.py from make/sources.py; do not edit by hand.
# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and
# reports_to as written in the document, or null where it gives none.
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pdf", action="store_true", help="re-export the PDF through LibreOffice")
    args = ap.parse_args()
    docs = []

    def add(file: str, source: str, layout: str, posts) -> None:
        docs.append({"file": file, "source": source, "layout": layout, "posts": posts if isinstance(posts, list) else [posts]})

    add("店长岗位职责及考核标准.docx", "q1", "word-duty-table", build_q1_duty_table(HERE / "店长岗位职责及考核标准.docx"))
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "仓库管理员岗位说明书.docx"
        post = build_q2_pdf_docx(src)
        if args.pdf:
            export_pdf(src, HERE / "仓库管理员岗位说明书.pdf")
    add("仓库管理员岗位说明书.pdf", "q2", "pdf-from-word", post)
    add("自媒体运营职位说明书.docx", "q3", "word-table", build_q3_label_form(HERE / "自媒体运营职位说明书.docx"))
    add("会员运营的人员架构.md", "q4", "markdown-web-copy", build_q4_md(HERE / "会员运营的人员架构.md"))
    add("门店营业员岗位职责.txt", "q5", "txt-web-copy", build_q5_txt(HERE / "门店营业员岗位职责.txt"))
    add("门店岗位职责表.xlsx", "q6", "xlsx-merged", build_q6_xlsx(HERE / "门店岗位职责表.xlsx"))
    add("超市采购经理岗位职责.docx", "q7", "word-list", build_q7_list(HERE / "超市采购经理岗位职责.docx"))
    add("电商部岗位职责汇编.docx", "q8", "word-handbook", build_q8_handbook(HERE / "电商部岗位职责汇编.docx"))
    gold = {"sources": copy.deepcopy(S.SOURCES), "documents": docs}
    body = yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=150)
    (HERE / "gold.yaml").write_text(HEADER + body, encoding="utf-8")
    check(gold)


if __name__ == "__main__":
    main()
