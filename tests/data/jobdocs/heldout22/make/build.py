"""Rebuild the heldout22 documents and gold.yaml from sources.py, then check the gold against the files.

Usage: python tests/data/jobdocs/heldout22/make/build.py [--pdf]
Without --pdf the committed PDF is kept (LibreOffice output differs between versions) and only checked.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
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
FIXED = dt.datetime(2025, 6, 1, 9, 0, 0)
ZIP_TIME = (2025, 6, 1, 9, 0, 0)
FONT = "宋体"
NUM_CN = "一二三四五六七八九十"


# ---------------------------------------------------------------- helpers for Word


def new_doc(header: str, footer: str = "page") -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.5)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    hp = sec.header.paragraphs[0]
    hp.text = header
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if footer == "page":
        fp.add_run("第 ")
        add_field(fp, "PAGE")
        fp.add_run(" 页 共 ")
        add_field(fp, "NUMPAGES")
        fp.add_run(" 页")
    else:
        fp.add_run("- ")
        add_field(fp, "PAGE")
        fp.add_run(" -")
    return doc


def add_field(par, code: str) -> None:
    run = par.add_run()
    for kind, text in (("begin", None), ("instr", code), ("separate", None), ("text", "1"), ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


def para(doc, text: str = "", bold: bool = False, size: float | None = None, center: bool = False, indent: float | None = None):
    p = doc.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent is not None:
        p.paragraph_format.first_line_indent = Cm(indent)
    return p


def cell_text(cell, text: str, bold: bool = False, shade: bool = False, center: bool = False) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    r = p.add_run(text)
    r.bold = bold
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if shade:
        tc_pr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), "D9D9D9")
        tc_pr.append(shd)


def repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def table(doc, rows: int, cols: int, widths: list[float] | None = None):
    t = doc.add_table(rows=rows, cols=cols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    if widths:
        for row in t.rows:
            for i, w in enumerate(widths):
                row.cells[i].width = Cm(w)
    return t


def signoff(doc, line: str = "编制:人力资源部　　　审核:　　　　　　批准:　　　　　　日期:2025年6月1日") -> None:
    para(doc)
    para(doc, line)


def save_docx(doc, path: Path) -> None:
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.created = cp.modified = cp.last_printed = FIXED
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    write_zip_fixed(buf.getvalue(), path)


def write_zip_fixed(data: bytes, path: Path) -> None:
    """Rewrite the zip with one entry time, so two builds give the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            body = re.sub(rb"<dcterms:(created|modified) ([^>]*)>[^<]*<", rb"<dcterms:\1 \2>2025-06-01T09:00:00Z<", body)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, body)
    path.write_bytes(out.getvalue())


def revision_table(doc, rows: list[tuple[str, str, str, str]]) -> None:
    para(doc, "修订记录", bold=True)
    t = table(doc, len(rows) + 1, 4, [2.5, 3, 7, 3])
    for i, h in enumerate(("版本", "日期", "修订内容", "修订人")):
        cell_text(t.rows[0].cells[i], h, bold=True, shade=True, center=True)
    for r, row in enumerate(rows, 1):
        for i, v in enumerate(row):
            cell_text(t.rows[r].cells[i], v)


# ---------------------------------------------------------------- the documents


def doc_cashier(path: Path) -> dict:
    """z2: a Word 职位说明书 as a label|value form with synonym labels."""
    doc = new_doc(f"{S.SHORT}·职位说明书", footer="dash")
    para(doc, S.COMPANY, bold=True, size=14, center=True)
    para(doc, "职位说明书", bold=True, size=18, center=True)
    para(doc, "编号:HJ-QT-003　　版本:A/1　　修订日期:2025-05-20", center=True)
    t = table(doc, 10, 4, [3, 4.5, 3, 4.5])
    pairs = [("职位名称", "收银员", "职位编号", "QT-003"), ("所属部门", "前台部", "汇报对象", "收银主管"),
             ("下属职位", "无", "职位定员", "每店6-10人")]
    for r, (a, b, c, d) in enumerate(pairs):
        cells = t.rows[r].cells
        cell_text(cells[0], a, bold=True, shade=True)
        cell_text(cells[1], b)
        cell_text(cells[2], c, bold=True, shade=True)
        cell_text(cells[3], d)
    long_rows = [
        ("职位概要", ["在收银主管领导下,负责门店收银台的结算、收款与顾客服务工作,保证款项准确、安全。"]),
        ("工作职责", [f"{i}. {d}" for i, d in enumerate(S.Z2_DUTIES, 1)]),
        ("任职要求", ["详见《前台部招聘标准》(2025版)。"]),
        ("考核指标", ["长短款差错率;收银速度;顾客投诉次数;交接班记录完整率。"]),
        ("工作地点", ["各门店收银区"]),
        ("工作时间", ["早班 7:30-15:30,晚班 14:30-22:30,轮班"]),
    ]
    for r, (label, lines) in enumerate(long_rows, 3):
        cells = t.rows[r].cells
        cell_text(cells[0], label, bold=True, shade=True)
        merged = cells[1].merge(cells[3])
        merged.text = ""
        merged.paragraphs[0].add_run(lines[0])
        for line in lines[1:]:
            merged.add_paragraph(line)
    cells = t.rows[9].cells
    cell_text(cells[0], "编制人", bold=True, shade=True)
    cell_text(cells[1], "人力资源部 李敏")
    cell_text(cells[2], "审核人", bold=True, shade=True)
    cell_text(cells[3], "前台部经理")
    para(doc)
    para(doc, "任职者签字:____________　　日期:____________")
    save_docx(doc, path)
    return {"posts": [post("收银员", "前台部", "收银主管", S.Z2_DUTIES)]}


def doc_handbook(path: Path) -> dict:
    """z1: a Word department handbook, each post a Heading 2."""
    doc = new_doc(f"{S.SHORT}　电商部岗位职责手册　HJ-DS-001", footer="page")
    for _ in range(6):
        para(doc)
    para(doc, S.COMPANY, bold=True, size=16, center=True)
    para(doc, "电商部岗位职责手册", bold=True, size=22, center=True)
    for _ in range(4):
        para(doc)
    for line in ("文件编号:HJ-DS-001", "版　　本:B/0", "编制部门:人力资源部 / 电商部", "发布日期:2025年6月1日"):
        para(doc, line, center=True)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    revision_table(doc, [("A/0", "2024-03-01", "首次发布", "人力资源部"),
                         ("B/0", "2025-06-01", "增设数据分析师、产品经理岗位;调整汇报关系", "人力资源部")])
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("一、总则", level=1)
    para(doc, "为明确电商部各岗位的工作内容与汇报关系,提高团队协作效率,特制定本手册。本手册适用于电商部全体员工。", indent=0.74)
    doc.add_heading("二、部门架构", level=1)
    para(doc, "电商部设电商部经理1名,下设运营经理、产品经理;运营经理下设电商运营主管、数据分析师、市场推广专员。", indent=0.74)
    doc.add_heading("三、岗位职责", level=1)
    posts = []
    for n, (name, boss, duties) in enumerate(S.Z1_POSTS, 1):
        doc.add_heading(f"3.{n} {name}", level=2)
        para(doc, f"所属部门:电商部　　直接上级:{boss}　　岗位定员:{'2' if n == 1 else '1'}人")
        para(doc, "岗位职责:", bold=True)
        if len(duties) > 1:
            for i, d in enumerate(duties, 1):
                para(doc, f"{i}. {d}", indent=0.74)
        else:
            para(doc, duties[0], indent=0.74)
        posts.append(post(name, "电商部", boss, duties))
    doc.add_heading("四、附则", level=1)
    para(doc, "1. 本手册由人力资源部负责解释,自发布之日起执行。", indent=0.74)
    para(doc, "2. 各岗位的任职资格另见《电商部招聘标准》。", indent=0.74)
    signoff(doc, "编制:人力资源部　　　审核:电商部经理　　　批准:总经理")
    save_docx(doc, path)
    return {"posts": posts}


def doc_duty_table(path: Path) -> dict:
    """z4: a Word 序号|职责描述|考核标准|权重 table, the page's group titles as merged rows."""
    doc = new_doc(f"{S.SHORT}·仓储部", footer="dash")
    para(doc, "物流仓储工作人员岗位职责及考核标准", bold=True, size=16, center=True)
    para(doc, "所属部门:仓储部　　直接上级:仓储主管　　岗位编号:CC-002　　定员:8人", center=True)
    para(doc, "一、岗位概述", bold=True)
    para(doc, "负责配送中心及门店后仓的收货、存储、发货和库存管理,保证账实相符、收发及时。", indent=0.74)
    para(doc, "二、岗位职责与考核标准", bold=True)
    standards = ["库位标识完整率100%", "月度盘点差异率≤0.3%", "验收差错0次", "单据当日归档",
                 "错发、漏发0次", "运单信息当日更新", "每季度提出改进建议1条", "物流费用不超预算"]
    weights = ["15%", "15%", "15%", "10%", "15%", "10%", "10%", "10%"]
    rows = 1 + len(S.Z4_GROUPS) + sum(len(g[1]) for g in S.Z4_GROUPS) + 1
    t = table(doc, rows, 4, [1.3, 9.2, 3.5, 1.5])
    for i, h in enumerate(("序号", "职责描述", "考核标准", "权重")):
        cell_text(t.rows[0].cells[i], h, bold=True, shade=True, center=True)
    repeat_header(t.rows[0])
    r, k = 1, 0
    duties = []
    for gi, (title, items) in enumerate(S.Z4_GROUPS):
        cells = t.rows[r].cells
        m = cells[0].merge(cells[3])
        cell_text(m, f"{NUM_CN[gi]}、{title}", bold=True)
        r += 1
        for d in items:
            cells = t.rows[r].cells
            cell_text(cells[0], str(k + 1), center=True)
            cell_text(cells[1], d)
            cell_text(cells[2], standards[k])
            cell_text(cells[3], weights[k], center=True)
            duties.append(d)
            r += 1
            k += 1
    cells = t.rows[r].cells
    m = cells[0].merge(cells[2])
    cell_text(m, "合计", bold=True, center=True)
    cell_text(cells[3], "100%", center=True)
    para(doc)
    para(doc, "三、说明", bold=True)
    para(doc, "1. 考核每月一次,由仓储主管评分,人力资源部复核。")
    para(doc, "2. 发生重大差错(货值5000元以上)的,当月考核不合格。")
    signoff(doc)
    save_docx(doc, path)
    return {"posts": [post("物流仓储工作人员", "仓储部", "仓储主管", duties)]}


def doc_cleaner_docx(path: Path) -> None:
    """z3: the Word form behind the PDF."""
    doc = new_doc(f"{S.SHORT}　岗位说明书　HJ-HQ-005", footer="page")
    para(doc, S.COMPANY, size=12, center=True)
    para(doc, "超市保洁员岗位说明书", bold=True, size=18, center=True)
    para(doc, "文件编号:HJ-HQ-005　　版本:A/0　　生效日期:2025年6月1日", center=True)
    revision_table(doc, [("A/0", "2025-06-01", "首次发布", "人力资源部")])
    para(doc)
    para(doc, "一、基本信息", bold=True)
    t = table(doc, 3, 4, [3, 4.5, 3, 4.5])
    pairs = [("岗位名称", "超市保洁员", "岗位编号", "HQ-005"), ("所属部门", "后勤保障部", "直接上级", "后勤主管"),
             ("岗位定员", "每店4人", "工作时间", "两班倒")]
    for r, row in enumerate(pairs):
        for i, v in enumerate(row):
            cell_text(t.rows[r].cells[i], v, bold=i % 2 == 0, shade=i % 2 == 0)
    para(doc)
    para(doc, "二、岗位职责", bold=True)
    for i, d in enumerate(S.Z3_DUTIES, 1):
        para(doc, f"{i}、{d}", indent=0.74)
    para(doc, "三、任职资格", bold=True)
    for i, q in enumerate(S.Z3_QUALS, 1):
        para(doc, f"{i}、{q}", indent=0.74)
    para(doc, "四、考核指标", bold=True)
    t = table(doc, 4, 3, [4, 2, 9])
    for r, row in enumerate([("指标", "权重", "说明"), ("卫生检查合格率", "50%", "每日巡检,按区域计分"),
                             ("顾客投诉", "30%", "因卫生问题被投诉每次扣5分"), ("物料消耗", "20%", "清洁剂、垃圾袋按月定额")]):
        for i, v in enumerate(row):
            cell_text(t.rows[r].cells[i], v, bold=r == 0, shade=r == 0)
    signoff(doc, "编制:人力资源部　　　审核:后勤主管　　　批准:店长")
    save_docx(doc, path)


def doc_buyer(path: Path) -> dict:
    """z6: a plain Word 岗位职责 with typed numbers."""
    doc = new_doc(f"{S.SHORT}　采购部", footer="dash")
    para(doc, "商品采购员岗位职责", bold=True, size=16, center=True)
    para(doc, "部门:采购部　　上级:采购经理　　更新:2025.05", center=True)
    para(doc)
    para(doc, "一、岗位职责", bold=True)
    for i, d in enumerate(S.Z6_DUTIES, 1):
        para(doc, f"{i}、{d}")
    para(doc, "二、工作标准", bold=True)
    para(doc, "1、采购订单须经采购经理审批后方可下达;")
    para(doc, "2、新供应商引进须填写《供应商准入评审表》。")
    para(doc, "三、备注", bold=True)
    para(doc, "本职责自2025年6月1日起执行,原《采购员工作规范》同时废止。")
    signoff(doc, "编制:采购部　　　审核:人力资源部　　　日期:2025年5月28日")
    save_docx(doc, path)
    return {"posts": [post("商品采购员", "采购部", "采购经理", S.Z6_DUTIES)]}


def doc_post_table(path: Path) -> dict:
    """z5: a Word table with one post per row."""
    doc = new_doc(f"{S.SHORT}·直播电商部", footer="dash")
    para(doc, "直播电商部岗位设置", bold=True, size=16, center=True)
    para(doc, "所属部门:直播电商部　　直接上级:直播电商部经理　　更新日期:2025-05-30", center=True)
    para(doc)
    t = table(doc, 1 + len(S.Z5_POSTS), 4, [1.3, 3, 9.2, 2])
    for i, h in enumerate(("序号", "岗位", "岗位职责", "定员")):
        cell_text(t.rows[0].cells[i], h, bold=True, shade=True, center=True)
    posts = []
    for r, (name, duty) in enumerate(S.Z5_POSTS, 1):
        cells = t.rows[r].cells
        cell_text(cells[0], str(r), center=True)
        cell_text(cells[1], name)
        cell_text(cells[2], duty)
        cell_text(cells[3], "2人", center=True)
        posts.append(post(name, "直播电商部", "直播电商部经理", [duty]))
    para(doc)
    para(doc, "说明:主播、场控等岗位由合作机构派驻,不列入本表。")
    signoff(doc)
    save_docx(doc, path)
    return {"posts": posts}


def xlsx_shop(path: Path) -> dict:
    """z8: an Excel 岗位职责表 with merged department cells."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head = ["序号", "部门", "岗位名称", "直接上级", "岗位职责", "工作位置", "定员", "备注"]
    ws.merge_cells("A1:H1")
    ws["A1"] = f"{S.COMPANY}门店岗位职责表"
    ws["A1"].font = Font(name=FONT, size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"] = "编制部门:人力资源部"
    ws["E2"] = "文件编号:HJ-MD-010"
    ws["G2"] = "更新日期:2025-06-01"
    for i, h in enumerate(head, 1):
        c = ws.cell(row=3, column=i, value=h)
        c.font = Font(name=FONT, bold=True)
        c.fill = PatternFill("solid", fgColor="D9D9D9")
        c.alignment = Alignment(horizontal="center", vertical="center")
        c.border = border
    posts = []
    start = 4
    for n, (dept, name, boss, duty, where) in enumerate(S.Z8_ROWS):
        r = start + n
        values = [n + 1, dept, name, boss, duty, where, 1 if "店长" in name else 2, ""]
        for i, v in enumerate(values, 1):
            c = ws.cell(row=r, column=i, value=v)
            c.font = Font(name=FONT)
            c.alignment = Alignment(vertical="center", wrap_text=True)
            c.border = border
        posts.append(post(name, dept, boss, [duty]))
    ws.cell(row=start + 4, column=8, value="外包人员除外")
    # merge the department cells of consecutive rows
    r = start
    while r < start + len(S.Z8_ROWS):
        end = r
        while end + 1 < start + len(S.Z8_ROWS) and S.Z8_ROWS[end + 1 - start][0] == S.Z8_ROWS[r - start][0]:
            end += 1
        if end > r:
            ws.merge_cells(start_row=r, start_column=2, end_row=end, end_column=2)
        r = end + 1
    last = start + len(S.Z8_ROWS)
    ws.merge_cells(start_row=last, start_column=1, end_row=last, end_column=8)
    ws.cell(row=last, column=1, value="说明:1. 本表适用于各直营门店;2. 岗位职责如有调整,以人力资源部最新发文为准。")
    for col, w in zip("ABCDEFGH", (6, 12, 18, 12, 40, 24, 6, 12), strict=True):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws2 = wb.create_sheet("修订记录")
    for row in (["版本", "日期", "修订内容", "修订人"], ["A/0", "2024-09-01", "首次发布", "人力资源部"],
                ["A/1", "2025-06-01", "增加工作位置列", "人力资源部"]):
        ws2.append(row)
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    write_zip_fixed(buf.getvalue(), path)
    return {"posts": posts}


def md_guide(path: Path) -> dict:
    """z7: a web article saved as Markdown."""
    lines = ["# 导购职责有哪些?一文看懂导购岗位要求", "", "> 来源:新零售 · 2025-04-18 · 阅读 3521", "", S.Z7_LEAD, "", "![]()", ""]
    for q, a in S.Z7_SECTIONS:
        lines += [f"## {q}", "", a, ""]
    lines += ["---", "", f"原文地址:{S.SOURCES[6]['url']}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return {"posts": [post("导购", None, None, [a for _, a in S.Z7_SECTIONS])]}


def txt_picker(path: Path) -> dict:
    """z9: a web article pasted into Notepad, saved as ANSI (GBK) with CRLF."""
    lines = [S.Z9_TITLE, "发布时间:2025-03-12　来源:百科问答", "", "引言", "", S.Z9_INTRO, "", "一、南康蔬菜分拣员的工作环境", ""]
    lines += [f"{i}. {x}" for i, x in enumerate(S.Z9_ENV, 1)]
    lines += ["", "二、南康蔬菜分拣员的工作流程", ""]
    lines += [f"{i}. {x}" for i, x in enumerate(S.Z9_DUTIES, 1)]
    lines += ["", "三、南康蔬菜分拣员的辛勤付出", ""]
    lines += [f"{i}. {x}" for i, x in enumerate(S.Z9_HARD, 1)]
    lines += ["", "(以下略)", "", f"本文地址:{S.SOURCES[8]['url']}", ""]
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    return {"posts": [post("蔬菜分拣员", None, None, S.Z9_DUTIES)]}


def post(name: str, dept: str | None, boss: str | None, duties: list[str], quals: list[str] | None = None) -> dict:
    return {"name": name, "department": dept, "reports_to": boss, "duties": list(duties), "qualifications": list(quals or [])}


# ---------------------------------------------------------------- the PDF


def build_pdf(pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (pdf.stem + ".docx")
        doc_cleaner_docx(src)
        profile = Path(tmp) / "profile"
        cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)]
        if shutil.which("setarch"):
            cmd = ["setarch", platform.machine(), "-R", *cmd]
        subprocess.run(cmd, check=True, env={**os.environ, "TZ": "UTC"}, capture_output=True)
        data = (Path(tmp) / (pdf.stem + ".pdf")).read_bytes()
    data = re.sub(rb"/(CreationDate|ModDate)\(D:[^)]*\)", lambda m: same_len(m.group(0), b"/" + m.group(1) + b"(D:20250601090000"), data)
    data = re.sub(rb"/ID *\[[^\]]*\]", lambda m: re.sub(rb"<([0-9A-Fa-f]+)>", zero_hex, m.group(0)), data)
    data = re.sub(rb"(/DocChecksum */)([0-9A-Fa-f]+)", lambda m: m.group(1) + b"0" * len(m.group(2)), data)
    pdf.write_bytes(data)


def zero_hex(m: re.Match[bytes]) -> bytes:
    return b"<" + b"0" * len(m.group(1)) + b">"


def same_len(old: bytes, prefix: bytes) -> bytes:
    body = prefix + b"0" * (len(old) - len(prefix) - 1) + b")"
    return body if len(body) == len(old) else old


# ---------------------------------------------------------------- gold and checks

DOCS = [
    ("电商部岗位职责手册.docx", "z1", "word-handbook", doc_handbook),
    ("收银员职位说明书.docx", "z2", "word-table", doc_cashier),
    ("超市保洁员岗位说明书.pdf", "z3", "pdf-from-word", None),
    ("物流仓储工作人员岗位职责及考核标准.docx", "z4", "word-duty-table", doc_duty_table),
    ("直播电商部岗位设置.docx", "z5", "word-post-table", doc_post_table),
    ("商品采购员岗位职责.docx", "z6", "word-list", doc_buyer),
    ("导购职责有哪些.md", "z7", "markdown-web-copy", md_guide),
    ("门店岗位职责表.xlsx", "z8", "xlsx-merged", xlsx_shop),
    ("蔬菜分拣员的工作流程.txt", "z9", "txt-web-copy", txt_picker),
]


def doc_text(path: Path) -> str:
    if path.suffix == ".docx":
        d = Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts += [c.text for c in row.cells]
        for sec in d.sections:
            parts += [p.text for p in sec.header.paragraphs + sec.footer.paragraphs]
        return "\n".join(parts)
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    if path.suffix == ".pdf":
        out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
        furniture = re.compile(r"^\s*(第\s*\d+\s*页\s*共\s*\d+\s*页|禾嘉优选\s*岗位说明书\s*HJ-HQ-005)\s*$")
        keep = [ln for ln in out.splitlines() if not furniture.match(ln)]
        return "\n".join(keep)
    if path.suffix == ".txt":
        return path.read_bytes().decode("gbk")
    return path.read_text(encoding="utf-8")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def check(gold: dict) -> None:
    names = [p["name"] for d in gold["documents"] for p in d["posts"]]
    assert len(names) == len(set(names)), "a post name occurs twice"
    for d in gold["documents"]:
        text = squash(doc_text(HERE / d["file"]))
        for p in d["posts"]:
            for field in ("name", "department", "reports_to"):
                if p[field] is not None:
                    assert squash(p[field]) in text, (d["file"], field, p[field])
            for item in p["duties"] + p["qualifications"]:
                assert squash(item) in text, (d["file"], item)
                assert not re.match(r"^\s*([0-9]+[.、)]|[（(][0-9一二三四五六七八九十]+[)）]|[-•·])", item), item


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pdf", action="store_true", help="rebuild the PDF through LibreOffice")
    args = ap.parse_args()
    documents = []
    for file, source, layout, fn in DOCS:
        path = HERE / file
        if fn is None:
            if args.pdf or not path.exists():
                build_pdf(path)
            res = {"posts": [post("超市保洁员", "后勤保障部", "后勤主管", S.Z3_DUTIES, S.Z3_QUALS)]}
        else:
            res = fn(path)
        documents.append({"file": file, "source": source, "layout": layout, "posts": res["posts"]})
    gold = {"sources": S.SOURCES, "documents": documents}
    header = (
        "# Gold for tests/data/jobdocs/heldout22: what a perfect importer returns for each document.\n"
        "# Written by make/build.py from make/sources.py; do not edit by hand.\n"
        "# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and\n"
        "# reports_to as written in the document, or null where it gives none.\n"
    )
    body = yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=1000)
    (HERE / "gold.yaml").write_text(header + body, encoding="utf-8")
    check(gold)
    posts = [p for d in documents for p in d["posts"]]
    print(f"{len(documents)} documents, {len(posts)} posts, {sum(len(p['duties']) for p in posts)} duties, "
          f"{sum(len(p['qualifications']) for p in posts)} qualifications; gold checked against the files")


if __name__ == "__main__":
    main()
