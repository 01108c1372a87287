"""Build tests/data/jobdocs/heldout7 (documents and gold.yaml) from make/sources.py.

The documents imitate what one retailer's HR folder holds; every byte is reproducible (fixed core
properties and zip times; the PDF's dates and ids overwritten in place). After writing, every gold
string is looked up in the document it is claimed for, so a slip in a builder fails the build.
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
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import etree
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sources as S

HERE = Path(__file__).resolve().parent.parent
FIXED = datetime(2025, 6, 1, 9, 0, 0)
ZIP_TIME = (2025, 6, 1, 9, 0, 0)
CORE_DATE = "2025-06-01T09:00:00Z"

# ---------------------------------------------------------------- helpers: Word


def new_doc(header: str, footer: str = "page-of") -> Any:
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "宋体"
    st.font.size = Pt(10.5)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(25)
    sec.top_margin = sec.bottom_margin = Mm(25)
    hp = sec.header.paragraphs[0]
    hp.text = header
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if footer == "page-of":
        fp.add_run("第 ")
        add_field(fp, "PAGE")
        fp.add_run(" 页 共 ")
        add_field(fp, "NUMPAGES")
        fp.add_run(" 页")
    else:
        fp.add_run("- ")
        add_field(fp, "PAGE")
        fp.add_run(" -")
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 3
    cp.title = ""
    return doc


def add_field(p: Paragraph, code: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {code} ")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    p._p.append(fld)


def para(doc: Any, text: str, bold: bool = False, size: float | None = None,
         center: bool = False, style: str | None = None) -> Paragraph:
    p = doc.add_paragraph(style=style) if style else doc.add_paragraph()
    run = p.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def cell_text(cell: _Cell, text: str, bold: bool = False, center: bool = False) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    r = p.add_run(text)
    r.bold = bold
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def cell_lines(cell: _Cell, lines: list[str]) -> None:
    cell.text = ""
    first = True
    for line in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        p.add_run(line)
        first = False


def shade(cell: _Cell, fill: str = "D9D9D9") -> None:
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)


def page_break(doc: Any) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def grid(doc: Any, rows: int, cols: int) -> Any:
    t = doc.add_table(rows=rows, cols=cols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    return t


def set_widths(table: Any, widths: list[float]) -> None:
    """Column widths in points, in the grid too (LibreOffice reads the grid), rows never split."""
    table.autofit = False
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(w * 20)))
    for row in table.rows:
        trPr = row._tr.get_or_add_trPr()
        trPr.append(OxmlElement("w:cantSplit"))
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = Pt(w)


def signoff(doc: Any) -> None:
    t = grid(doc, 1, 6)
    for i, lab in enumerate(["编制人", "", "审核人", "", "批准人", ""]):
        cell_text(t.cell(0, i), lab, bold=bool(lab), center=True)


# ---------------------------------------------------------------- zip normalisation


def normalise_zip(data: bytes) -> bytes:
    """Fixed entry times and core dates, so the same sources give the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                text = re.sub(r"(<dcterms:created[^>]*>)[^<]*(<)", rf"\g<1>{CORE_DATE}\2", text)
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(<)", rf"\g<1>{CORE_DATE}\2", text)
                body = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, body)
    return out.getvalue()


def save_docx(doc: Any, path: Path) -> None:
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(normalise_zip(buf.getvalue()))


# ---------------------------------------------------------------- the documents


def build_category(path: Path) -> None:
    """x1: the classic four-column one-post form."""
    doc = new_doc("汇泰商业集团有限公司　　岗位说明书")
    para(doc, S.COMPANY, bold=True, size=14, center=True)
    para(doc, "品类经理岗位说明书", bold=True, size=16, center=True)
    para(doc, "文件编号：HT-HR-JD-0312　　版本：A/1　　生效日期：2025-03-01", size=9, center=True)
    t = grid(doc, 9, 4)
    pairs = [("岗位名称", "品类经理", "岗位编号", "SP-0203"),
             ("所属部门", "商品部", "直接上级", "商品总监"),
             ("直接下级", "品类专员", "岗位定员", "3人")]
    for r, row in enumerate(pairs):
        for c, val in enumerate(row):
            cell_text(t.cell(r, c), val, bold=c % 2 == 0, center=c % 2 == 0)
            if c % 2 == 0:
                shade(t.cell(r, c))
    merged = [
        ("岗位目的", [S.CATEGORY_SUMMARY]),
        ("岗位职责", [f"（{i}）{d}" for i, d in enumerate(S.CATEGORY_DUTIES, 1)]),
        ("任职资格", [f"（{i}）{q}" for i, q in enumerate(S.CATEGORY_QUALS, 1)]),
        ("关键绩效指标", ["品类销售额达成率、品类毛利率、库存周转天数、缺货率"]),
        ("工作关系", ["内部：采购部、营运部、市场部、财务部", "外部：供应商、经销商、第三方数据机构"]),
        ("备注", ["本说明书每年复核一次，岗位内容变化时由部门提出修订。"]),
    ]
    for i, (label, lines) in enumerate(merged, start=3):
        cell_text(t.cell(i, 0), label, bold=True, center=True)
        shade(t.cell(i, 0))
        m = t.cell(i, 1).merge(t.cell(i, 3))
        cell_lines(m, lines)
    para(doc, "")
    signoff(doc)
    para(doc, "任职者确认签字：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日")
    save_docx(doc, path)


def build_floor_word(path: Path) -> None:
    """x2: a Word form with cover, revision table, grouped duty table (category merged down)."""
    doc = new_doc("汇泰百货 · 营运部")
    for _ in range(6):
        doc.add_paragraph()
    para(doc, S.COMPANY, bold=True, size=18, center=True)
    para(doc, "岗 位 说 明 书", bold=True, size=26, center=True)
    doc.add_paragraph()
    para(doc, "岗位：楼面主管", size=14, center=True)
    para(doc, "编制单位：营运部　　编制日期：2025年4月", size=12, center=True)
    page_break(doc)
    para(doc, "修订记录", bold=True, size=12)
    rv = grid(doc, 3, 4)
    for c, v in enumerate(["版本", "修订日期", "修订内容", "修订人"]):
        cell_text(rv.cell(0, c), v, bold=True, center=True)
        shade(rv.cell(0, c))
    for c, v in enumerate(["V1.0", "2023-02-15", "首次发布", "张敏"]):
        cell_text(rv.cell(1, c), v, center=True)
    for c, v in enumerate(["V1.1", "2025-04-10", "调整部属管理内容，增加工作权限", "李娜"]):
        cell_text(rv.cell(2, c), v, center=True)
    para(doc, "")
    para(doc, "一、基本信息", bold=True, size=12)
    bi = grid(doc, 3, 4)
    for r, row in enumerate([("岗位名称", "楼面主管", "所属部门", "营运部"),
                             ("直接上级", "营运经理", "直接下级", "楼层管理员、商场管理员"),
                             ("岗位编号", "YY-0105", "工作地点", "百货一至五楼卖场")]):
        for c, v in enumerate(row):
            cell_text(bi.cell(r, c), v, bold=c % 2 == 0, center=c % 2 == 0)
            if c % 2 == 0:
                shade(bi.cell(r, c))
    para(doc, "")
    para(doc, "二、岗位职责", bold=True, size=12)
    n = sum(len(d) for _, d in S.FLOOR_GROUPS)
    dt = grid(doc, n + 1, 3)
    for c, v in enumerate(["职责类别", "序号", "工作内容"]):
        cell_text(dt.cell(0, c), v, bold=True, center=True)
        shade(dt.cell(0, c))
    r = 1
    for group, duties in S.FLOOR_GROUPS:
        top = r
        for i, d in enumerate(duties, 1):
            cell_text(dt.cell(r, 1), str(i), center=True)
            cell_text(dt.cell(r, 2), d)
            r += 1
        m = dt.cell(top, 0).merge(dt.cell(r - 1, 0))
        cell_text(m, group, bold=True, center=True)
    set_widths(dt, [70, 36, 345])
    para(doc, "")
    para(doc, "三、工作权限", bold=True, size=12)
    for line in ["1. 对所辖专柜经营行为的检查权和处罚建议权；",
                 "2. 对所属员工的考核权和奖惩建议权；",
                 "3. 对楼层商品调整及促销活动的建议权。"]:
        para(doc, line)
    para(doc, "四、审批", bold=True, size=12)
    signoff(doc)
    save_docx(doc, path)


def build_mall(path: Path) -> None:
    """x3: a WPS-style table, the 岗位职责 label merged down with one duty per row."""
    doc = new_doc("汇泰百货　岗位说明书")
    para(doc, "商场管理员岗位说明书", bold=True, size=16, center=True)
    rows = 4 + len(S.MALL_DUTIES) + len(S.MALL_QUALS) + 2
    t = grid(doc, rows, 3)
    head = [("岗位名称", "商场管理员"), ("所属部门", "营运部"), ("直接上级", "楼面主管"),
            ("岗位概述", S.MALL_SUMMARY)]
    for r, (lab, val) in enumerate(head):
        cell_text(t.cell(r, 0), lab, bold=True, center=True)
        shade(t.cell(r, 0))
        cell_text(t.cell(r, 1).merge(t.cell(r, 2)), val)
    r = len(head)

    def block(label: str, items: list[str]) -> None:
        nonlocal r
        top = r
        for i, item in enumerate(items, 1):
            cell_text(t.cell(r, 1), str(i), center=True)
            cell_text(t.cell(r, 2), item)
            r += 1
        m = t.cell(top, 0).merge(t.cell(r - 1, 0)) if r - 1 > top else t.cell(top, 0)
        cell_text(m, label, bold=True, center=True)
        shade(m)

    block("岗位职责", S.MALL_DUTIES)
    block("任职要求", S.MALL_QUALS)
    cell_text(t.cell(r, 0), "考核要点", bold=True, center=True)
    shade(t.cell(r, 0))
    cell_text(t.cell(r, 1).merge(t.cell(r, 2)), "业户出勤率、巡场记录完整率、安全隐患整改及时率、业户满意度")
    r += 1
    cell_text(t.cell(r, 0), "备注", bold=True, center=True)
    shade(t.cell(r, 0))
    cell_text(t.cell(r, 1).merge(t.cell(r, 2)), "本说明书自发布之日起执行，由营运部负责解释。")
    set_widths(t, [70, 30, 351])
    para(doc, "")
    para(doc, "部门负责人：　　　　　　人力资源部：　　　　　　任职者：")
    save_docx(doc, path)


def build_live_md(path: Path) -> None:
    """x4: a web article saved as Markdown."""
    lines = [f"# {S.LIVE_TITLE}", "", "宣传小二", "", f"> {S.LIVE_LEAD[0]}", "",
             S.LIVE_LEAD[1], "", f"## {S.LIVE_TITLE}", "", "### 一、直播电商团队的组织架构", "",
             S.LIVE_ORG[0], "", S.LIVE_ORG[1], "", "### 二、核心岗位职责详解", "",
             "#### 1. 直播运营", "", S.LIVE_OPS_INTRO, ""]
    lines += [f"- {d}" for d in S.LIVE_OPS_DUTIES]
    lines += ["", S.LIVE_OPS_AFTER, "", "#### 2. 主播/达人", "", S.LIVE_HOST_INTRO, ""]
    lines += [f"- {d}" for d in S.LIVE_HOST_DUTIES]
    lines += ["", "---", "", "原文：https://navdh.com/11474.html （网页另存，后文未保存）", ""]
    path.write_bytes("\n".join(lines).encode("utf-8"))


def build_ad_txt(path: Path) -> None:
    """x5: a job advert pasted into Notepad (UTF-8 with BOM, CRLF)."""
    lines = ["楼层管理员", "汇泰百货（城东店）　|　4000-6000元/月　|　大专　|　1-3年", "",
             "职位描述", "岗位职责:"]
    lines += [f"{i}.{d}" for i, d in enumerate(S.AD_DUTIES, 1)]
    lines += ["岗位要求:"]
    lines += [f"{i}.{q}" for i, q in enumerate(S.AD_QUALS, 1)]
    lines += ["", "工作地点：城东店（百货楼层）", "（复制自招聘网站，2025-05-20）", ""]
    path.write_bytes("\ufeff".encode("utf-8") + "\r\n".join(lines).encode("utf-8"))


SUPPLY_META = {
    "采购员": ("采购部", "采购主管", ""),
    "业务员": ("采购部", "采购主管", ""),
    "保管员": ("仓储部", "仓储主管", "含夜班"),
    "理货员": ("营运部", "营运主管", ""),
    "收银员": ("收银部", "收银主管", "可招兼职"),
    "店长/经理": ("超市事业部", "区域总监", ""),
}


def build_supply_xlsx(path: Path) -> None:
    """x6: a 岗位职责表 workbook, 岗位类别 merged down each group."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    heads = ["序号", "岗位类别", "岗位名称", "所属部门", "直接上级", "岗位职责", "任职要求", "备注"]
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(heads))
    ws.cell(1, 1, "汇泰超市岗位职责一览表").font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(heads))
    ws.cell(2, 1, "编制部门：人力资源部　　　　更新日期：2025-05-01")
    for c, h in enumerate(heads, 1):
        cell = ws.cell(3, c, h)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.border = box
        cell.alignment = Alignment(horizontal="center", vertical="center")
    r = 4
    n = 1
    for group, posts in S.SUPPLY_GROUPS:
        top = r
        for name, duty in posts:
            dept, boss, note = SUPPLY_META[name]
            for c, v in enumerate([n, group if r == top else None, name, dept, boss, duty, None,
                                   note or None], 1):
                cell = ws.cell(r, c, v)
                cell.border = box
                cell.alignment = wrap
            r += 1
            n += 1
        if r - 1 > top:
            ws.merge_cells(start_row=top, start_column=2, end_row=r - 1, end_column=2)
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(heads))
    ws.cell(r, 1, "说明：" + S.SUPPLY_NOTE).alignment = wrap
    ws.row_dimensions[r].height = 48
    for col, w in zip("ABCDEFGH", [6, 10, 12, 12, 12, 60, 20, 12], strict=True):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    rv = wb.create_sheet("修订记录")
    for row in [("版本", "日期", "说明", "修订人"), ("1.0", "2024-08-01", "首次编制", "王芳"),
                ("1.1", "2025-05-01", "增加所属部门、直接上级两列", "王芳")]:
        rv.append(list(row))
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(normalise_zip(buf.getvalue()))


def build_cash_handbook(path: Path) -> None:
    """x7: a department handbook, posts as Heading 2 with typed numbering."""
    doc = new_doc("汇泰超市　收银部岗位职责汇编", footer="dash")
    for _ in range(6):
        doc.add_paragraph()
    para(doc, S.COMPANY, bold=True, size=16, center=True)
    para(doc, "收银部岗位职责汇编", bold=True, size=24, center=True)
    doc.add_paragraph()
    para(doc, "版本：V2.0　　编制：收银部　　审核：人力资源部", size=12, center=True)
    page_break(doc)
    doc.add_heading("第一章　总则", level=1)
    para(doc, "为明确收银部各岗位的工作职责，规范收银作业，特编制本汇编。")
    para(doc, "本汇编适用于汇泰超市收银部全体岗位。")
    doc.add_heading("第二章　岗位职责", level=1)
    doc.add_heading("一、收银主管", level=2)
    para(doc, "直接上级：前台经理　　直接下级：收银员")
    para(doc, "岗位职责：", bold=True)
    for i, d in enumerate(S.CASH_SUPERVISOR_DUTIES, 1):
        para(doc, f"{i}、{d}")
    para(doc, "工作流程：", bold=True)
    for phase, steps in S.CASH_PROCEDURE:
        para(doc, phase, bold=True)
        for s in steps:
            para(doc, s)
    doc.add_heading("二、收银员", level=2)
    para(doc, "直接上级：收银主管")
    para(doc, "岗位职责：", bold=True)
    for i, d in enumerate(S.CASHIER_DUTIES, 1):
        para(doc, f"({i}) {d}")
    doc.add_heading("第三章　附则", level=1)
    para(doc, "本汇编由人力资源部负责解释，自发布之日起执行。")
    save_docx(doc, path)


# ---------------------------------------------------------------- PDF


def to_pdf(docx_path: Path, pdf_path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, TZ="UTC", SOURCE_DATE_EPOCH="1748768400")
        cmd = ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
               "--convert-to", "pdf", "--outdir", tmp, str(docx_path)]
        if shutil.which("setarch"):
            cmd = ["setarch", platform.machine(), "-R", *cmd]
        subprocess.run(cmd, check=True, env=env, capture_output=True)
        data = (Path(tmp) / (docx_path.stem + ".pdf")).read_bytes()

    def same_len(pattern: bytes, make: Any) -> None:
        nonlocal data
        data = re.sub(pattern, lambda m: make(m), data)

    same_len(rb"/CreationDate\(D:[^)]*\)",
             lambda m: b"/CreationDate(D:" + b"20250601090000Z"[: len(m.group(0)) - 17].ljust(
                 len(m.group(0)) - 17, b"0") + b")")
    same_len(rb"/ModDate\(D:[^)]*\)",
             lambda m: b"/ModDate(D:" + b"20250601090000Z"[: len(m.group(0)) - 12].ljust(
                 len(m.group(0)) - 12, b"0") + b")")
    same_len(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]",
             lambda m: m.group(0).replace(m.group(1), b"0" * len(m.group(1))).replace(
                 m.group(2), b"0" * len(m.group(2))))
    same_len(rb"/DocChecksum\s*/([0-9A-Fa-f]+)",
             lambda m: m.group(0)[: len(m.group(0)) - len(m.group(1))] + b"0" * len(m.group(1)))
    pdf_path.write_bytes(data)


# ---------------------------------------------------------------- gold and checks


def post(name: str, dept: str | None, boss: str | None, duties: list[str],
         quals: list[str] | None = None) -> dict[str, Any]:
    return {"name": name, "department": dept, "reports_to": boss, "duties": list(duties),
            "qualifications": list(quals or [])}


def gold_documents() -> list[dict[str, Any]]:
    floor = [d for _, ds in S.FLOOR_GROUPS for d in ds]
    supply = []
    for _, posts in S.SUPPLY_GROUPS:
        for name, duty in posts:
            dept, boss, _ = SUPPLY_META[name]
            supply.append(post(name, dept, boss, [duty]))
    return [
        {"file": "品类经理岗位说明书.docx", "source": "x1", "layout": "word-table",
         "posts": [post("品类经理", "商品部", "商品总监", S.CATEGORY_DUTIES, S.CATEGORY_QUALS)]},
        {"file": "楼面主管岗位说明书.pdf", "source": "x2", "layout": "pdf-from-word",
         "posts": [post("楼面主管", "营运部", "营运经理", floor)]},
        {"file": "商场管理员岗位说明书.docx", "source": "x3", "layout": "word-table-vertical",
         "posts": [post("商场管理员", "营运部", "楼面主管", S.MALL_DUTIES, S.MALL_QUALS)]},
        {"file": "直播电商团队岗位配置.md", "source": "x4", "layout": "markdown-web-copy",
         "posts": [post("直播运营", None, None, S.LIVE_OPS_DUTIES),
                   post("主播/达人", None, None, S.LIVE_HOST_DUTIES)]},
        {"file": "楼层管理员招聘.txt", "source": "x5", "layout": "txt-web-copy",
         "posts": [post("楼层管理员", None, None, S.AD_DUTIES, S.AD_QUALS)]},
        {"file": "超市岗位职责一览表.xlsx", "source": "x6", "layout": "xlsx-merged",
         "posts": supply},
        {"file": "收银部岗位职责汇编.docx", "source": "x7", "layout": "word-handbook",
         "posts": [post("收银主管", "收银部", "前台经理", S.CASH_SUPERVISOR_DUTIES),
                   post("收银员", "收银部", "收银主管", S.CASHIER_DUTIES)]},
    ]


def read_back(path: Path) -> str:
    if path.suffix == ".docx":
        z = zipfile.ZipFile(path)
        out = []
        for name in z.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                root = etree.fromstring(z.read(name))
                for p in root.iter(qn("w:p")):
                    out.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
        return "\n".join(out)
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True)
                         for v in row if v is not None)
    if path.suffix == ".pdf":
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                              capture_output=True).stdout.decode("utf-8")
        return re.sub(r"\s+", "", text)
    return path.read_text(encoding="utf-8-sig")


LIST_MARK = re.compile(r"^(\d+[、.．)）]|[（(]\d+[)）]|[-•·●▪*]\s)")


def check(docs: list[dict[str, Any]]) -> None:
    problems = []
    for d in docs:
        path = HERE / d["file"]
        if not path.exists():
            problems.append(f"{d['file']}: missing (build with --pdf?)")
            continue
        text = read_back(path)
        squash = path.suffix == ".pdf"
        for p in d["posts"]:
            strings = [p["name"], p["department"], p["reports_to"], *p["duties"], *p["qualifications"]]
            for s in strings:
                if s is None:
                    continue
                needle = re.sub(r"\s+", "", s) if squash else s
                if needle not in text:
                    problems.append(f"{d['file']}: not found: {s}")
            for s in [*p["duties"], *p["qualifications"]]:
                if LIST_MARK.match(s) or s != s.strip():
                    problems.append(f"{d['file']}: numbering or spaces kept: {s}")
    if problems:
        raise SystemExit("\n".join(problems))


HEADER = """# Gold for tests/data/jobdocs/heldout7: what a perfect importer returns for each document.
# Written by make/build.py from make/sources.py; do not edit by hand.
# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and
# reports_to as written in the document, or null where it gives none.
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pdf", action="store_true", help="also build the PDF (needs soffice)")
    args = ap.parse_args()
    build_category(HERE / "品类经理岗位说明书.docx")
    build_mall(HERE / "商场管理员岗位说明书.docx")
    build_live_md(HERE / "直播电商团队岗位配置.md")
    build_ad_txt(HERE / "楼层管理员招聘.txt")
    build_supply_xlsx(HERE / "超市岗位职责一览表.xlsx")
    build_cash_handbook(HERE / "收银部岗位职责汇编.docx")
    if args.pdf:
        with tempfile.TemporaryDirectory() as tmp:
            word = Path(tmp) / "楼面主管岗位说明书.docx"
            build_floor_word(word)
            to_pdf(word, HERE / "楼面主管岗位说明书.pdf")
    docs = gold_documents()
    gold = {"sources": S.SOURCES, "documents": docs}
    (HERE / "gold.yaml").write_text(
        HEADER + yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=1000),
        encoding="utf-8")
    check(docs)
    print(f"ok: {len(docs)} documents, {sum(len(d['posts']) for d in docs)} posts, "
          f"{sum(len(p['duties']) for d in docs for p in d['posts'])} duties, "
          f"{sum(len(p['qualifications']) for d in docs for p in d['posts'])} qualifications")


if __name__ == "__main__":
    main()
