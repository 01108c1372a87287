"""Build heldout21's documents and gold.yaml from make/sources.py, then check the gold against the files.

The documents imitate one retailer's HR folder (forms made in Word/WPS and Excel, a PDF exported from
Word, two web pages saved as text). Run from anywhere:

    python tests/data/jobdocs/heldout21/make/build.py --pdf   # also re-export the PDF through LibreOffice
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
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
from docx.shared import Cm, Pt, RGBColor
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sources as S

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
FIXED = dt.datetime(2025, 6, 1, 9, 0, 0)
ZIP_TIME = (2025, 6, 1, 9, 0, 0)
FONT = "宋体"


# ---------------------------------------------------------------- Word helpers

def new_doc() -> Document:
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
        st.font.color.rgb = RGBColor(0, 0, 0)
        st.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    doc.styles["Heading 1"].font.size = Pt(14)
    doc.styles["Heading 2"].font.size = Pt(12)
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 1
    cp.title = ""
    cp.comments = ""
    return doc


def para(doc_or_cell, text: str = "", bold: bool = False, size: float | None = None,
         align: str | None = None, indent: float | None = None):
    p = doc_or_cell.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if indent is not None:
        p.paragraph_format.first_line_indent = Cm(indent)
    return p


def add_field(paragraph, instr: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def header_footer(doc, header: str, footer: str) -> None:
    """footer: 'n-of-m' → 第 n 页 共 m 页; 'dash' → - n -."""
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = header
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if footer == "n-of-m":
        fp.add_run("第 ")
        add_field(fp, " PAGE ")
        fp.add_run(" 页 共 ")
        add_field(fp, " NUMPAGES ")
        fp.add_run(" 页")
    else:
        fp.add_run("- ")
        add_field(fp, " PAGE ")
        fp.add_run(" -")


def shade(cell, fill: str = "D9D9D9") -> None:
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)


def cell_text(cell, text: str, bold: bool = False, center: bool = False) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    r = p.add_run(text)
    r.bold = bold
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def table(doc, rows: int, cols: int, widths: list[float]):
    t = doc.add_table(rows=rows, cols=cols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row in t.rows:
        for i, w in enumerate(widths):
            row.cells[i].width = Cm(w)
    return t


def repeat_header(row) -> None:
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def revision_table(doc, rows: list[tuple[str, str, str, str]]) -> None:
    para(doc, "修订记录", bold=True)
    t = table(doc, 1 + len(rows), 4, [2.5, 3.0, 7.0, 3.5])
    for i, h in enumerate(("版本", "日期", "修订内容", "修订人")):
        cell_text(t.rows[0].cells[i], h, bold=True, center=True)
        shade(t.rows[0].cells[i])
    for r, vals in enumerate(rows, start=1):
        for i, v in enumerate(vals):
            cell_text(t.rows[r].cells[i], v)


def save_docx(doc, path: Path) -> None:
    buf = io.BytesIO()
    doc.save(buf)
    normalise_zip(buf.getvalue(), path)


def normalise_zip(data: bytes, path: Path) -> None:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>2025-06-01T09:00:00Z\g<3>", body)
            zi = zipfile.ZipInfo(info.filename, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, body)
    path.write_bytes(out.getvalue())


def sign_off(doc, text: str = "编制:人力资源部　　审核:　　　　批准:　　　　日期:2025年6月1日") -> None:
    para(doc)
    para(doc, text)


# ---------------------------------------------------------------- w1: word-table (label|value with synonyms)

def build_w1() -> dict:
    doc = new_doc()
    header_footer(doc, f"{S.COMPANY}　职位说明书", "dash")
    para(doc, S.COMPANY, bold=True, size=12, align="center")
    para(doc, "社区团购队长职位说明书", bold=True, size=16, align="center")
    para(doc, "编号:RHL-HR-JD-TG01　　版本:A/1　　修订日期:2025年5月20日", align="right")
    t = table(doc, 9, 4, [2.8, 5.2, 2.8, 5.2])
    pairs = [("职位名称", "社区团购队长", "职位编号", "RHL-TG-01"),
             ("所属部门", "社区团购部", "汇报对象", "社区团购主管"),
             ("下属职位", "无", "职位定员", "每个社区1人")]
    for r, (a, b, c, d) in enumerate(pairs):
        cells = t.rows[r].cells
        for i, v in enumerate((a, b, c, d)):
            cell_text(cells[i], v, bold=i in (0, 2))
        shade(cells[0])
        shade(cells[2])
    blocks = ["职位概要", "工作职责", "任职要求", "薪酬与权益", "考核指标", "工作地点"]
    for r, label in enumerate(blocks, start=3):
        row = t.rows[r]
        cell_text(row.cells[0], label, bold=True)
        shade(row.cells[0])
        merged = row.cells[1].merge(row.cells[3])
        merged.text = ""
        if label == "职位概要":
            merged.paragraphs[0].add_run("在所辖社区组织线上团购,联系供应商与社区居民,保障团购商品按时送达、售后问题及时解决。")
        elif label == "工作职责":
            first = True
            for i, d in enumerate(S.W1_DUTIES, start=1):
                p = merged.paragraphs[0] if first else merged.add_paragraph()
                p.add_run(f"{i}. {d}")
                first = False
        elif label == "任职要求":
            first = True
            for i, q in enumerate(S.W1_QUALS, start=1):
                p = merged.paragraphs[0] if first else merged.add_paragraph()
                p.add_run(f"({i}){q}")
                first = False
        elif label == "薪酬与权益":
            merged.paragraphs[0].add_run(S.W1_RIGHT)
        elif label == "考核指标":
            merged.paragraphs[0].add_run("1. 月团购订单量;")
            merged.add_paragraph("2. 按时送达率;")
            merged.add_paragraph("3. 顾客投诉处理及时率。")
        else:
            merged.paragraphs[0].add_run("所辖社区及就近门店自提点")
    last = t.rows[8].cells
    cell_text(last[0], "编制人", bold=True)
    cell_text(last[1], "人力资源部　张敏")
    cell_text(last[2], "审核人", bold=True)
    cell_text(last[3], "社区团购部　刘洋")
    para(doc)
    para(doc, "任职者签字:＿＿＿＿＿＿　　日期:＿＿＿＿年＿＿月＿＿日")
    path = OUT / "社区团购队长职位说明书.docx"
    save_docx(doc, path)
    return doc_entry(path, "w1", "word-table", [post("社区团购队长", "社区团购部", "社区团购主管", S.W1_DUTIES, S.W1_QUALS)])


# ---------------------------------------------------------------- w2: word-handbook

def build_w2() -> dict:
    doc = new_doc()
    header_footer(doc, "文件编号:RHL-ZB-2025-01　　直播电商部岗位职责手册", "n-of-m")
    for _ in range(6):
        para(doc)
    para(doc, S.COMPANY, bold=True, size=16, align="center")
    para(doc)
    para(doc, "直播电商部岗位职责手册", bold=True, size=22, align="center")
    for _ in range(8):
        para(doc)
    for line in ("文件编号:RHL-ZB-2025-01", "版　　本:V1.0", "编制部门:人力资源部", "发布日期:2025年6月1日"):
        para(doc, line, align="center")
    page_break(doc)
    revision_table(doc, [("V0.9", "2025-04-15", "初稿,征求直播电商部意见", "张敏"),
                         ("V1.0", "2025-06-01", "增加中控、助理岗位;正式发布", "张敏")])
    page_break(doc)
    doc.add_heading("一、总则", level=1)
    para(doc, "为明确直播电商部各岗位的工作内容,使直播各环节分工清楚、衔接顺畅,特制定本手册。本手册适用于直播电商部全体员工。", indent=0.74)
    doc.add_heading("二、组织架构", level=1)
    para(doc, "直播电商部设部门经理1名,下设主播、副播、场控、中控、运营、助理等岗位,每场直播由运营统筹,主播主导。", indent=0.74)
    doc.add_heading("三、岗位职责", level=1)
    posts = []
    for i, (name, duty, dept, sup) in enumerate(S.W2_POSTS, start=1):
        doc.add_heading(f"3.{i} {name}", level=2)
        para(doc, f"所属部门:{dept}　　直接上级:{sup}")
        para(doc, "岗位职责:", bold=True)
        para(doc, duty, indent=0.74)
        posts.append(post(name, dept, sup, [duty], []))
    doc.add_heading("四、附则", level=1)
    para(doc, "1. 本手册由人力资源部负责解释,自发布之日起执行。", indent=0.74)
    para(doc, "2. 各岗位的任职资格、考核办法另行规定。", indent=0.74)
    sign_off(doc)
    path = OUT / "直播电商部岗位职责手册.docx"
    save_docx(doc, path)
    return doc_entry(path, "w2", "word-handbook", posts)


# ---------------------------------------------------------------- w3: word-duty-table

def build_w3() -> dict:
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}　顾客服务部", "dash")
    para(doc, "服务台员工岗位职责及考核标准", bold=True, size=16, align="center")
    para(doc, "所属部门:顾客服务部　　直接上级:服务台主管　　岗位编号:RHL-KF-03　　定员:每店3-4人")
    para(doc, "一、岗位概述", bold=True)
    para(doc, "服务台员工在门店服务台当班,面向顾客办理咨询、退换货、会员和投诉等事务。", indent=0.74)
    para(doc, "二、岗位职责与考核标准", bold=True)
    standards = ["咨询应答准确率≥98%", "高峰期顾客等候不超过5分钟", "退换货差错0次", "问题退换货当日闭环",
                 "会员资料录入完整率100%", "会员活动按计划执行", "投诉24小时内回复率100%", "每月提交建议汇总1份"]
    weights = ["15%", "10%", "15%", "10%", "10%", "10%", "20%", "10%"]
    t = table(doc, 2 + len(S.W3_ITEMS), 4, [1.3, 9.2, 4.0, 1.5])
    for i, h in enumerate(("序号", "职责描述", "考核标准", "权重")):
        cell_text(t.rows[0].cells[i], h, bold=True, center=True)
        shade(t.rows[0].cells[i])
    repeat_header(t.rows[0])
    duties = []
    for r, (title, duty) in enumerate(S.W3_ITEMS, start=1):
        cells = t.rows[r].cells
        cell_text(cells[0], str(r), center=True)
        cells[1].text = ""
        cells[1].paragraphs[0].add_run(title).bold = True
        cells[1].add_paragraph(duty)
        cell_text(cells[2], standards[r - 1])
        cell_text(cells[3], weights[r - 1], center=True)
        duties.append(duty)
    last = t.rows[-1].cells
    m = last[0].merge(last[2])
    cell_text(m, "合计", bold=True, center=True)
    cell_text(last[3], "100%", center=True)
    para(doc)
    para(doc, "三、说明", bold=True)
    para(doc, "1. 考核每月一次,由服务台主管评分,顾客服务部经理复核。")
    para(doc, "2. 本表自2025年6月起执行。")
    sign_off(doc)
    path = OUT / "服务台员工岗位职责及考核标准.docx"
    save_docx(doc, path)
    return doc_entry(path, "w3", "word-duty-table", [post("服务台员工", "顾客服务部", "服务台主管", duties, [])])


# ---------------------------------------------------------------- w4: pdf-from-word

def build_w4_docx(path: Path) -> None:
    doc = new_doc()
    header_footer(doc, f"{S.COMPANY}　岗位说明书", "n-of-m")
    para(doc, S.COMPANY, bold=True, size=12, align="center")
    para(doc, "门店督导岗位说明书", bold=True, size=16, align="center")
    para(doc, "文件编号:RHL-YY-JD-07　　版本:2.0　　生效日期:2025年6月1日", align="right")
    revision_table(doc, [("1.0", "2023-03-01", "首次发布", "人力资源部"),
                         ("2.0", "2025-06-01", "按门店营运部新架构修订", "人力资源部")])
    para(doc)
    para(doc, "一、基本信息", bold=True)
    t = table(doc, 3, 4, [3.0, 5.0, 3.0, 5.0])
    for r, vals in enumerate((("岗位名称", "门店督导", "岗位编号", "RHL-YY-07"),
                              ("所属部门", "门店营运部", "直接上级", "区域经理"),
                              ("直接下级", "无", "工作地点", "所辖门店"))):
        for i, v in enumerate(vals):
            cell_text(t.rows[r].cells[i], v, bold=i in (0, 2))
        shade(t.rows[r].cells[0])
        shade(t.rows[r].cells[2])
    para(doc)
    para(doc, "二、岗位职责", bold=True)
    for i, d in enumerate(S.W4_DUTIES, start=1):
        para(doc, f"{i}. {d}", indent=0.74)
    para(doc, "三、任职资格", bold=True)
    para(doc, "详见《门店营运部岗位任职资格标准(2025版)》。", indent=0.74)
    para(doc, "四、考核指标", bold=True)
    k = table(doc, 4, 3, [5.0, 2.5, 8.5])
    for r, vals in enumerate((("指标", "权重", "说明"), ("区域销售计划达成率", "40%", "按月统计"),
                              ("商品损耗率", "30%", "不高于门店营运部下达指标"), ("顾客投诉次数", "30%", "有效投诉每次扣5分"))):
        for i, v in enumerate(vals):
            cell_text(k.rows[r].cells[i], v, bold=r == 0)
    sign_off(doc)
    save_docx(doc, path)


def export_pdf(docx_path: Path, pdf_path: Path) -> None:
    soffice = shutil.which("soffice")
    if not soffice:
        raise SystemExit("soffice not found; run without --pdf to keep the committed PDF")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, TZ="UTC", HOME=tmp)
        cmd = [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx_path)]
        setarch = shutil.which("setarch")
        if setarch:
            cmd = [setarch, os.uname().machine, "-R", *cmd]
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        data = (Path(tmp) / (docx_path.stem + ".pdf")).read_bytes()
    data = re.sub(rb"/CreationDate\s*\(D:[^)]*\)", lambda m: re.sub(rb"\d", b"0", m.group(0)), data)
    data = re.sub(rb"/ModDate\s*\(D:[^)]*\)", lambda m: re.sub(rb"\d", b"0", m.group(0)), data)
    zero_hex = re.compile(rb"[0-9A-Fa-f](?=[0-9A-Fa-f]*>)")
    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]", lambda m: zero_hex.sub(b"0", m.group(0)), data)
    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]+", lambda m: re.sub(rb"[0-9A-Fa-f](?=[0-9A-Fa-f]*$)", b"0", m.group(0)), data)
    pdf_path.write_bytes(data)


def build_w4(make_pdf: bool) -> dict:
    pdf = OUT / "门店督导岗位说明书.pdf"
    if make_pdf:
        with tempfile.TemporaryDirectory() as tmp:
            docx_path = Path(tmp) / "门店督导岗位说明书.docx"
            build_w4_docx(docx_path)
            export_pdf(docx_path, pdf)
    return doc_entry(pdf, "w4", "pdf-from-word", [post("门店督导", "门店营运部", "区域经理", S.W4_DUTIES, [])])


# ---------------------------------------------------------------- w5: xlsx-merged

def build_w5() -> dict:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    ws.merge_cells("A1:H1")
    ws["A1"] = f"{S.COMPANY} 收货部岗位职责表"
    ws["A1"].font = Font(name=FONT, size=14, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"] = "编制部门:人力资源部"
    ws["E2"] = "文件编号:RHL-SH-01"
    ws["G2"] = "更新日期:2025-06-01"
    heads = ["序号", "部门", "岗位", "直接上级", "类别", "岗位职责", "定员", "备注"]
    for i, h in enumerate(heads, start=1):
        c = ws.cell(row=3, column=i, value=h)
        c.font = Font(name=FONT, bold=True)
        c.fill = PatternFill("solid", fgColor="D9D9D9")
        c.border = box
        c.alignment = Alignment(horizontal="center", vertical="center")
    items = [("工作职责", S.W5_RESPONSIBILITY)] + [("工作流程", s) for s in S.W5_STEPS]
    first, last = 4, 3 + len(items)
    for n, (cat, text) in enumerate(items):
        r = first + n
        ws.cell(row=r, column=1, value=n + 1)
        ws.cell(row=r, column=5, value=cat)
        ws.cell(row=r, column=6, value=text)
        for col in range(1, 9):
            ws.cell(row=r, column=col).border = box
            ws.cell(row=r, column=col).alignment = wrap
    ws.cell(row=first, column=2, value="收货部")
    ws.cell(row=first, column=3, value="审单员")
    ws.cell(row=first, column=4, value="收货主管")
    ws.cell(row=first, column=7, value="2")
    ws.cell(row=first, column=8, value="早晚两班")
    for col in "BCDGH":
        ws.merge_cells(f"{col}{first}:{col}{last}")
    ws.merge_cells(f"E{first + 1}:E{last}")
    note = last + 1
    ws.merge_cells(f"A{note}:H{note}")
    ws[f"A{note}"] = "说明:本表由人力资源部会同收货部编制,岗位职责如有调整,以人力资源部最新发布版本为准。"
    ws[f"A{note}"].alignment = wrap
    for col, w in zip("ABCDEFGH", (6, 10, 10, 10, 10, 70, 6, 10), strict=True):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    rev = wb.create_sheet("修订记录")
    for row in (("版本", "日期", "修订内容", "修订人"), ("1.0", "2024-09-01", "首次发布", "张敏"),
                ("1.1", "2025-06-01", "补充未预约送货处理", "张敏")):
        rev.append(row)
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    path = OUT / "收货部岗位职责表.xlsx"
    normalise_zip(buf.getvalue(), path)
    duties = [S.W5_RESPONSIBILITY, *S.W5_STEPS]
    return doc_entry(path, "w5", "xlsx-merged", [post("审单员", "收货部", "收货主管", duties, [])])


# ---------------------------------------------------------------- w6: txt-web-copy, w7: markdown-web-copy

def build_w6() -> dict:
    lines = [S.W6_TITLE, "", "2024-11-08 09:12　来源:shiyingbao.com", "", S.W6_LEAD, ""]
    duties = []
    for title, paras in S.W6_SECTIONS:
        lines += [title, ""]
        for p in paras:
            lines += [p, ""]
            duties.append(p)
    lines += ["(以下略)", "", "原文地址:https://shiyingbao.com/ying/91639.html", ""]
    path = OUT / "电商拣货员是干什么活.txt"
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    return doc_entry(path, "w6", "txt-web-copy", [post("电商拣货员", None, None, duties, [])])


def build_w7() -> dict:
    lines = [f"# {S.W7_TITLE}", "", "> 来源:m.chnweiyu.com　2025-04", "", S.W7_LEAD, ""]
    for p in S.W7_DUTIES:
        lines += [p, ""]
    lines += [S.W7_CLOSE, "", "---", "", "原文地址:http://m.chnweiyu.com/zhhyzx/202504/502115.html", ""]
    path = OUT / "理货员的工作内容与职责.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return doc_entry(path, "w7", "markdown-web-copy", [post("理货员", None, None, S.W7_DUTIES, [])])


# ---------------------------------------------------------------- w8: word-numbered-titles

def build_w8() -> dict:
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}大药房", "dash")
    para(doc, "店员岗位职责", bold=True, size=16, align="center")
    para(doc, "所属部门:大药房　　直接上级:药房店长　　岗位编号:RHL-YF-02　　适用范围:各门店药房", align="center")
    para(doc)
    para(doc, "一、店员的职业道德和职业技能规则:", bold=True)
    duties = []
    for i, (title, duty) in enumerate(S.W8_RULES, start=1):
        if title is None:
            para(doc, f"{i}、{duty}")
        else:
            para(doc, f"{i}、{title}", bold=True)
            para(doc, duty, indent=0.74)
        duties.append(duty)
    para(doc, "二、工作流程", bold=True)
    for i, step in enumerate(S.W8_FLOW, start=1):
        para(doc, f"{i}、{step}")
        duties.append(step)
    para(doc, "三、备注", bold=True)
    para(doc, "本岗位须持健康证上岗;任职资格按《药房从业人员管理规定》执行。", indent=0.74)
    sign_off(doc, "编制:人力资源部　　审核:药房店长　　日期:2025年6月1日")
    path = OUT / "药房店员岗位职责.docx"
    save_docx(doc, path)
    return doc_entry(path, "w8", "word-numbered-titles", [post("店员", "大药房", "药房店长", duties, [])])


# ---------------------------------------------------------------- w9: word-post-table

def build_w9() -> dict:
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}　眼镜部", "dash")
    para(doc, "眼镜部岗位设置及职责", bold=True, size=16, align="center")
    para(doc, "所属部门:眼镜部　　直接上级:眼镜部主管　　更新日期:2025年6月1日")
    t = table(doc, 1 + len(S.W9_POSTS), 4, [1.3, 3.0, 9.0, 2.7])
    for i, h in enumerate(("序号", "岗位", "主要职责", "定员")):
        cell_text(t.rows[0].cells[i], h, bold=True, center=True)
        shade(t.rows[0].cells[i])
    posts = []
    for r, (name, duty) in enumerate(S.W9_POSTS, start=1):
        cells = t.rows[r].cells
        cell_text(cells[0], str(r), center=True)
        cell_text(cells[1], name)
        cell_text(cells[2], duty)
        cell_text(cells[3], "1-2人", center=True)
        posts.append(post(name, "眼镜部", "眼镜部主管", [duty], []))
    para(doc)
    para(doc, "说明:验光师须持验光员职业资格证书上岗;各岗位排班由眼镜部主管安排。")
    sign_off(doc, "编制:人力资源部　　审核:眼镜部主管　　日期:2025年6月1日")
    path = OUT / "眼镜部岗位设置.docx"
    save_docx(doc, path)
    return doc_entry(path, "w9", "word-post-table", posts)


# ---------------------------------------------------------------- gold and checks

def post(name: str, dept: str | None, sup: str | None, duties: list[str], quals: list[str]) -> dict:
    return {"name": name, "department": dept, "reports_to": sup, "duties": list(duties), "qualifications": list(quals)}


def doc_entry(path: Path, source: str, layout: str, posts: list[dict]) -> dict:
    return {"file": path.name, "source": source, "layout": layout, "posts": posts}


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts: list[str] = []

    def walk_tables(tables) -> None:
        for t in tables:
            for row in t.rows:
                for cell in row.cells:
                    parts.extend(p.text for p in cell.paragraphs)
                    walk_tables(cell.tables)

    parts.extend(p.text for p in doc.paragraphs)
    walk_tables(doc.tables)
    return "\n".join(parts)


def file_text(path: Path) -> str:
    if path.suffix == ".docx":
        return docx_text(path)
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    if path.suffix == ".pdf":
        out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True).stdout.decode("utf-8")
        furniture = re.compile(r"^\s*(第 \d+ 页 共 \d+ 页|.*岗位说明书\s*$)")
        keep = [ln for ln in out.splitlines() if not furniture.match(ln) or "门店督导岗位说明书" in ln]
        return "\n".join(keep)
    return path.read_bytes().decode("utf-8")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


NUMBERED = re.compile(r"^\s*([0-9０-９]+[.、．)）]|[（(][0-9一二三四五六七八九十]+[)）]|[-•·–*])")


def check(gold: dict) -> None:
    names: set[str] = set()
    n_posts = n_duties = 0
    for d in gold["documents"]:
        text = squash(file_text(OUT / d["file"]))
        for p in d["posts"]:
            assert p["name"] not in names, f"post {p['name']} twice"
            names.add(p["name"])
            n_posts += 1
            for v in (p["name"], p["department"], p["reports_to"]):
                if v is not None:
                    assert squash(v) in text, f"{d['file']}: {v!r} not found"
            for item in p["duties"] + p["qualifications"]:
                assert squash(item) in text, f"{d['file']}: {item[:30]!r} not found"
                assert not NUMBERED.match(item), f"numbered: {item[:20]}"
            n_duties += len(p["duties"])
    print(f"checked: {len(gold['documents'])} documents, {n_posts} posts, {n_duties} duties")


HEADER = """# Gold for tests/data/jobdocs/heldout21: what a perfect importer returns for each document.
# Written by make/build.py from make/sources.py; do not edit by hand.
# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and
# reports_to as written in the document, or null where it gives none.
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pdf", action="store_true", help="re-export the PDF through LibreOffice (else keep the committed one)")
    args = ap.parse_args()
    docs = [build_w1(), build_w2(), build_w3(), build_w4(args.pdf), build_w5(), build_w6(), build_w7(), build_w8(), build_w9()]
    gold = {"sources": S.SOURCES, "documents": docs}
    text = HEADER + yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=1000)
    (OUT / "gold.yaml").write_text(text, encoding="utf-8")
    check(yaml.safe_load(text))


if __name__ == "__main__":
    main()
