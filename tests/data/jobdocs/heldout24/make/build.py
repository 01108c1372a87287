"""Rebuild the documents of tests/data/jobdocs/heldout24 and its gold.yaml, then check them.

Run from anywhere: ``python tests/data/jobdocs/heldout24/make/build.py [--pdf]``. Without ``--pdf`` the
committed PDF is kept (LibreOffice output differs between machines) and only checked.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import yaml
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sources as S

HERE = Path(__file__).resolve().parent.parent
FIXED = datetime(2025, 6, 1, 9, 0, 0)
ZIP_TIME = (2025, 6, 1, 9, 0, 0)

CASHIER_DOCX = "收银员岗位说明书.docx"
BUYER_DOCX = "采购员岗位职责与考核标准.docx"
CLERK_PDF = "药店营业员岗位说明书.pdf"
SHOP_XLSX = "电商部岗位职责表.xlsx"
MEMBER_MD = "会员管理员与收银员职责.md"
STOCKER_TXT = "理货员是干什么.txt"
QA_DOCX = "质量管理部岗位职责手册.docx"

CN_NUM = "一二三四五六七八九十"


# ---------------------------------------------------------------- helpers


def new_document() -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.2)
    style = doc.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    props = doc.core_properties
    props.author = "人力资源部"
    props.last_modified_by = "人力资源部"
    props.created = FIXED
    props.modified = FIXED
    props.revision = 1
    return doc


def add_page_field(paragraph, code: str) -> None:
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instr)
    run._r.append(end)


def header_footer(doc: Document, header_text: str) -> None:
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = header_text
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("第 ")
    add_page_field(fp, "PAGE")
    fp.add_run(" 页 共 ")
    add_page_field(fp, "NUMPAGES")
    fp.add_run(" 页")


def title(doc: Document, text: str, size: int = 16) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(text)
    r.bold = True
    r.font.size = Pt(size)


def bold_para(doc: Document, text: str) -> None:
    doc.add_paragraph().add_run(text).bold = True


def shade(cell, fill: str = "D9D9D9") -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def set_cell(cell, text: str, bold: bool = False, label: bool = False) -> None:
    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold or label
    if label:
        shade(cell)


def cell_lines(cell, lines: list[str]) -> None:
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def normalise_zip(path: Path) -> None:
    """Give every zip entry the same time so two builds give the same bytes."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2025-06-01T09:00:00Z", data)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, data)
    tmp.replace(path)


# ---------------------------------------------------------------- s1: Word label|value form


def build_cashier(out: Path) -> None:
    doc = new_document()
    header_footer(doc, f"{S.COMPANY}　人力资源管理文件")
    title(doc, S.COMPANY, 12)
    title(doc, "岗 位 说 明 书")
    p = doc.add_paragraph("文件编号:HYT-HR-GW-031　　　版本:B/0　　　生效日期:2025年6月1日")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    t = doc.add_table(rows=10, cols=4)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    pairs = [
        ("职位名称", "收银员", "职位编号", "MD-SY-02"),
        ("所属部门", "门店营运部", "汇报对象", "店长"),
        ("直接下级", "无", "定员", "每店2-3人"),
    ]
    for i, (a, b, c, d) in enumerate(pairs):
        row = t.rows[i].cells
        set_cell(row[0], a, label=True)
        set_cell(row[1], b)
        set_cell(row[2], c, label=True)
        set_cell(row[3], d)
    blocks = [
        ("职位概要", ["在店长领导下,负责门店收银、款项交接及收银台日常管理,保证营业款安全。"]),
        ("工作职责", [f"{i}. {d}" for i, d in enumerate(S.CASHIER_DUTIES, 1)]),
        ("任职要求", [f"{i}. {q}" for i, q in enumerate(S.CASHIER_QUALS, 1)]),
        ("考核办法", [f"{i}. {a}" for i, a in enumerate(S.CASHIER_ASSESSMENT, 1)]),
        ("工作时间", ["早班 8:30-15:30,晚班 15:00-22:00,每周轮休一天。"]),
        ("工作环境", ["门店收银台,站立工作。"]),
    ]
    for k, (label, lines) in enumerate(blocks, start=3):
        row = t.rows[k].cells
        set_cell(row[0], label, label=True)
        merged = row[1].merge(row[3])
        cell_lines(merged, lines)
    last = t.rows[9].cells
    set_cell(last[0], "编制/日期", label=True)
    set_cell(last[1], "人力资源部 2025.05.20")
    set_cell(last[2], "审核/批准", label=True)
    set_cell(last[3], "营运总监　　总经理")
    for row in t.rows:
        row.cells[0].width = Cm(2.6)
        row.cells[2].width = Cm(2.6)
    doc.add_paragraph()
    doc.add_paragraph("任职者签字:________________　　日期:______年____月____日")
    doc.save(out)
    normalise_zip(out)


# ---------------------------------------------------------------- s2: Word duty table


def build_buyer(out: Path) -> None:
    doc = new_document()
    header_footer(doc, f"{S.SHORT}　采购部　岗位职责与考核标准")
    title(doc, "采购员岗位职责与考核标准")
    p = doc.add_paragraph("编制部门:采购部　　　审核:人力资源部　　　2025年5月")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    info = doc.add_table(rows=2, cols=4)
    info.style = "Table Grid"
    for i, (a, b, c, d) in enumerate([("岗位名称", "采购员", "岗位编号", "CG-03"),
                                      ("所属部门", "采购部", "直接上级", "采购主管")]):
        row = info.rows[i].cells
        set_cell(row[0], a, label=True)
        set_cell(row[1], b)
        set_cell(row[2], c, label=True)
        set_cell(row[3], d)
    doc.add_paragraph()
    bold_para(doc, "一、岗位目的")
    doc.add_paragraph("按门店及电商渠道的需求,保质、保量、按时完成商品采购,并控制采购成本。")
    bold_para(doc, "二、岗位职责与考核标准")
    rows = 1 + len(S.BUYER_GROUPS) + sum(len(d) for _, d in S.BUYER_GROUPS) + 1
    t = doc.add_table(rows=rows, cols=4)
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, ["序号", "职责描述", "考核标准", "权重"], strict=True):
        set_cell(cell, text, label=True)
    r = 1
    n = 0
    for g, (group, duties) in enumerate(S.BUYER_GROUPS):
        merged = t.rows[r].cells[0].merge(t.rows[r].cells[3])
        set_cell(merged, f"（{CN_NUM[g]}）{group}", bold=True)
        r += 1
        for duty in duties:
            kpi, weight = S.BUYER_KPI[n]
            n += 1
            cells = t.rows[r].cells
            set_cell(cells[0], str(n))
            set_cell(cells[1], duty)
            set_cell(cells[2], kpi)
            set_cell(cells[3], weight)
            r += 1
    cells = t.rows[r].cells
    set_cell(cells[0], "合计", bold=True)
    cells[1].merge(cells[2])
    set_cell(cells[3], "100%", bold=True)
    for row in t.rows:
        row.cells[0].width = Cm(1.3)
    doc.add_paragraph()
    bold_para(doc, "三、任职资格")
    doc.add_paragraph("1. 学历:大专及以上,物流、工商管理相关专业优先。")
    doc.add_paragraph("2. 专业技能要求:")
    for q in S.BUYER_QUALS:
        doc.add_paragraph(f"　　- {q}")
    bold_para(doc, "四、备注")
    doc.add_paragraph("考核标准每年度由采购部与人力资源部共同修订一次,权重调整须经分管副总批准。")
    doc.add_paragraph()
    doc.add_paragraph("编制:李敏　　　审核:周建华　　　批准:陈立")
    doc.save(out)
    normalise_zip(out)


# ---------------------------------------------------------------- s3: Word form exported to PDF


def build_clerk_docx(out: Path) -> None:
    doc = new_document()
    header_footer(doc, f"{S.COMPANY}　GSP质量管理体系文件")
    title(doc, "药店营业员岗位说明书")
    p = doc.add_paragraph("文件号:HYT-ZL-GW-012　　版本:A/1　　受控状态:受控")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    bold_para(doc, "一、基本信息")
    t = doc.add_table(rows=3, cols=4)
    t.style = "Table Grid"
    for i, (a, b, c, d) in enumerate([("岗位名称", "药店营业员", "岗位编号", "MD-YY-04"),
                                      ("所属部门", "门店营运部", "上级岗位", "店长"),
                                      ("下属岗位", "无", "适用范围", "各直营药房")]):
        row = t.rows[i].cells
        set_cell(row[0], a, label=True)
        set_cell(row[1], b)
        set_cell(row[2], c, label=True)
        set_cell(row[3], d)
    doc.add_paragraph()
    bold_para(doc, "二、岗位职责")
    for i, d in enumerate(S.CLERK_DUTIES, 1):
        para = doc.add_paragraph(f"（{i}）{d}")
        para.paragraph_format.left_indent = Cm(0.74)
        para.paragraph_format.first_line_indent = Cm(-0.74)
    bold_para(doc, "三、考核指标")
    k = doc.add_table(rows=4, cols=3)
    k.style = "Table Grid"
    for i, (a, b, c) in enumerate([("指标", "权重", "说明"),
                                   ("GSP检查符合率", "40%", "质管员每月抽查"),
                                   ("顾客投诉", "30%", "有效投诉每次扣5分"),
                                   ("陈列与卫生", "30%", "店长每周检查")]):
        row = k.rows[i].cells
        set_cell(row[0], a, label=(i == 0))
        set_cell(row[1], b, label=(i == 0))
        set_cell(row[2], c, label=(i == 0))
    doc.add_paragraph()
    bold_para(doc, "四、修订记录")
    rv = doc.add_table(rows=3, cols=4)
    rv.style = "Table Grid"
    for i, row_text in enumerate([("版本", "日期", "修订内容", "修订人"),
                                  ("A/0", "2023.03.01", "首次发布", "质管部"),
                                  ("A/1", "2025.05.15", "补充不良反应记录要求", "质管部")]):
        for cell, text in zip(rv.rows[i].cells, row_text, strict=True):
            set_cell(cell, text, label=(i == 0))
    doc.add_paragraph()
    doc.add_paragraph("起草:质管部　　　审核:质量负责人　　　批准:企业负责人")
    doc.save(out)


def build_clerk_pdf(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        src = tmpdir / (Path(CLERK_PDF).stem + ".docx")
        build_clerk_docx(src)
        profile = tmpdir / "profile"
        cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
               "--convert-to", "pdf", "--outdir", str(tmpdir), str(src)]
        if shutil.which("setarch"):
            cmd = ["setarch", os.uname().machine, "-R", *cmd]
        env = dict(os.environ, TZ="UTC")
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        data = (tmpdir / (src.stem + ".pdf")).read_bytes()
    data = re.sub(rb"D:\d{14}[^)]*", lambda m: b"D:20250601090000" + b"Z" * (len(m.group(0)) - 16), data)
    data = re.sub(rb"<[0-9A-Fa-f]{32}>", lambda m: b"<" + b"0" * 32 + b">", data)
    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]+", lambda m: b"/DocChecksum /" + b"0" * (len(m.group(0)) - 14), data)
    out.write_bytes(data)


# ---------------------------------------------------------------- s4: Excel, merged cells


def build_shop(out: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "岗位职责"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells("A1:F1")
    ws["A1"] = f"{S.COMPANY}　电商部岗位职责表"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = center
    ws.merge_cells("A2:F2")
    ws["A2"] = "编制部门:电商部　　　更新日期:2025-05-28　　　版本:V2.0"
    ws["A2"].alignment = Alignment(horizontal="right")
    headers = ["序号", "部门", "岗位名称", "直接上级", "岗位职责", "备注"]
    for c, h in enumerate(headers, 1):
        cell = ws.cell(row=3, column=c, value=h)
        cell.font = Font(bold=True)
        cell.fill = head_fill
        cell.alignment = center
        cell.border = border
    notes = {"美工": "兼拍摄修图", "客服": "早晚两班", "包装操作员": "旺季增设临时工"}
    first = 4
    for i, (name, _page, superior, duty) in enumerate(S.SHOP_POSTS):
        r = first + i
        ws.cell(row=r, column=1, value=i + 1).alignment = center
        ws.cell(row=r, column=3, value=name).alignment = center
        ws.cell(row=r, column=4, value=superior).alignment = center
        ws.cell(row=r, column=5, value=duty).alignment = wrap
        ws.cell(row=r, column=6, value=notes.get(name)).alignment = wrap
        for c in range(1, 7):
            ws.cell(row=r, column=c).border = border
    last = first + len(S.SHOP_POSTS) - 1
    ws.cell(row=first, column=2, value="电商部").alignment = center
    ws.merge_cells(start_row=first, start_column=2, end_row=last, end_column=2)
    note_row = last + 1
    ws.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=6)
    ws.cell(row=note_row, column=1, value="说明:电商部经理岗位职责见《部门负责人岗位说明书》;店铺规模较小时一人可兼任多岗。")
    for col, width in zip("ABCDEF", [6, 10, 14, 14, 60, 16], strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    rv = wb.create_sheet("修订记录")
    for row in [("版本", "日期", "修订内容", "修订人"),
                ("V1.0", "2024-03-01", "首次发布", "电商部"),
                ("V2.0", "2025-05-28", "增设摄影人员、活动策划人员", "电商部")]:
        rv.append(row)
    wb.properties.creator = "电商部"
    wb.properties.lastModifiedBy = "电商部"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.save(out)
    normalise_zip(out)


# ---------------------------------------------------------------- s7: Word department handbook


def build_qa(out: Path) -> None:
    doc = new_document()
    header_footer(doc, "文件编号:HYT-ZL-SC-003　　质量管理部岗位职责手册")
    for _ in range(6):
        doc.add_paragraph()
    title(doc, S.COMPANY, 18)
    doc.add_paragraph()
    title(doc, "质量管理部岗位职责手册", 22)
    for _ in range(8):
        doc.add_paragraph()
    for line in ["文件编号:HYT-ZL-SC-003", "版　　本:A/0", "编制部门:质量管理部", "发布日期:2025年5月20日"]:
        p = doc.add_paragraph(line)
        p.paragraph_format.left_indent = Cm(5)
    doc.add_page_break()
    bold_para(doc, "修订记录")
    rv = doc.add_table(rows=3, cols=4)
    rv.style = "Table Grid"
    for i, row_text in enumerate([("版本", "修订日期", "修订内容", "修订人"),
                                  ("A/0", "2025.05.20", "首次发布", "质管部"),
                                  ("", "", "", "")]):
        for cell, text in zip(rv.rows[i].cells, row_text, strict=True):
            set_cell(cell, text, label=(i == 0))
    doc.add_page_break()
    doc.add_heading("一、部门职能", level=1)
    doc.add_paragraph("质量管理部在质量负责人领导下,负责公司及各直营药房的药品质量管理,"
                      "组织药品验收、养护和质量查询,督促各岗位执行GSP。")
    doc.add_heading("二、岗位设置", level=1)
    t = doc.add_table(rows=4, cols=3)
    t.style = "Table Grid"
    for i, row_text in enumerate([("岗位", "定员", "直接上级"),
                                  ("质量负责人", "1", "企业负责人"),
                                  ("质量验收员", "2", "质量负责人"),
                                  ("养护员", "1", "质量负责人")]):
        for cell, text in zip(t.rows[i].cells, row_text, strict=True):
            set_cell(cell, text, label=(i == 0))
    doc.add_heading("三、岗位职责", level=1)
    doc.add_heading("3.1　质量验收员", level=2)
    doc.add_paragraph("所属部门:质量管理部　　直接上级:质量负责人　　岗位编号:ZL-YS-01")
    bold_para(doc, "岗位职责:")
    for i, d in enumerate(S.INSPECTOR_DUTIES, 1):
        doc.add_paragraph(f"{i}、{d}")
    doc.add_paragraph("注:质量负责人、养护员的岗位职责见《GSP质量职责汇编》(HYT-ZL-ZZ-001),本手册不再重复。")
    doc.add_heading("四、附则", level=1)
    doc.add_paragraph("1. 本手册由质量管理部负责解释,自发布之日起执行。")
    doc.add_paragraph("2. 岗位设置或职责调整时,由质量管理部提出修订,经质量负责人批准后发布。")
    doc.add_paragraph()
    doc.add_paragraph("编制:质管部　　　审核:质量负责人　　　批准:企业负责人")
    doc.save(out)
    normalise_zip(out)


# ---------------------------------------------------------------- s5: web article saved as Markdown


def build_member(out: Path) -> None:
    lines = [
        f"# {S.MEMBER_TITLE}",
        "",
        "> 来源:银领数智　发布时间:2025-07-14　阅读:1.2万",
        "",
        f"**{S.MEMBER_SUBTITLE}**",
        "",
        f"## {S.MEMBER_H2}",
        "",
        S.MEMBER_LEAD,
        "",
        "### 一、会员管理员是什么?",
        "",
        S.MEMBER_INTRO,
        "",
        *[f"- {d}" for d in S.MEMBER_DUTIES],
        "",
        S.MEMBER_AFTER,
        "",
        "### 二、收银员是什么?",
        "",
        S.CASHIER2_INTRO,
        "",
        *[f"- {d}" for d in S.CASHIER2_DUTIES],
        "",
        S.CASHIER2_AFTER,
        "",
        "### 三、会员管理员不是收银员",
        "",
        S.MEMBER_PART3,
        "",
        "**1. 职责不同**",
        "",
        "| 岗位 | 主要职责 |",
        "|---|---|",
        *[f"| {a} | {b} |" for a, b in S.MEMBER_TABLE],
        "",
        S.MEMBER_TABLE_AFTER + "……",
        "",
        "---",
        "",
        "原文地址:https://www.yinlingshuzhi.com/article-167552.html(2025-07-20 保存,后文未保存)",
        "",
    ]
    out.write_text("\n".join(lines), encoding="utf-8")


# ---------------------------------------------------------------- s6: web page pasted into Notepad


def build_stocker(out: Path) -> None:
    lines = [
        "理货员是干什么",
        "2025-07-09  来源:网络  浏览:386",
        "",
        "【理货员是干什么】" + S.STOCKER_LEAD,
        "",
        "一、理货员的主要职责",
        "理货员的工作内容主要包括以下几个方面:",
    ]
    for i, (head, para) in enumerate(S.STOCKER_ITEMS, 1):
        lines += [f"{i}. {head}", para]
    lines += [
        "",
        "二、理货员的工作特点",
        "特点 | 说明 |",
        *[f"{a} | {b} |" for a, b in S.STOCKER_TRAITS],
        "",
        "三、理货员的职业发展",
        S.STOCKER_CAREER,
        "",
        "四、总结",
        S.STOCKER_END,
        "",
        "(复制于 2025-07-20,页面其余部分未加载)",
        "",
    ]
    out.write_bytes("\r\n".join(lines).encode("utf-8"))


# ---------------------------------------------------------------- gold and checks


def gold() -> dict:
    buyer_duties = [d for _, ds in S.BUYER_GROUPS for d in ds]
    docs = [
        {"file": CASHIER_DOCX, "source": "s1", "layout": "word-table", "posts": [
            {"name": "收银员", "department": "门店营运部", "reports_to": "店长",
             "duties": S.CASHIER_DUTIES, "qualifications": S.CASHIER_QUALS}]},
        {"file": BUYER_DOCX, "source": "s2", "layout": "word-duty-table", "posts": [
            {"name": "采购员", "department": "采购部", "reports_to": "采购主管",
             "duties": buyer_duties, "qualifications": S.BUYER_QUALS}]},
        {"file": CLERK_PDF, "source": "s3", "layout": "pdf-from-word", "posts": [
            {"name": "药店营业员", "department": "门店营运部", "reports_to": "店长",
             "duties": S.CLERK_DUTIES, "qualifications": []}]},
        {"file": SHOP_XLSX, "source": "s4", "layout": "xlsx-merged", "posts": [
            {"name": name, "department": "电商部", "reports_to": superior, "duties": [duty], "qualifications": []}
            for name, _page, superior, duty in S.SHOP_POSTS]},
        {"file": MEMBER_MD, "source": "s5", "layout": "markdown-web-copy", "posts": [
            {"name": "会员管理员", "department": None, "reports_to": None,
             "duties": S.MEMBER_DUTIES, "qualifications": []},
            {"name": "收银员", "department": None, "reports_to": None,
             "duties": S.CASHIER2_DUTIES, "qualifications": []}]},
        {"file": QA_DOCX, "source": "s7", "layout": "word-handbook", "posts": [
            {"name": "质量验收员", "department": "质量管理部", "reports_to": "质量负责人",
             "duties": S.INSPECTOR_DUTIES, "qualifications": []}]},
        {"file": STOCKER_TXT, "source": "s6", "layout": "txt-web-copy", "posts": [
            {"name": "理货员", "department": None, "reports_to": None,
             "duties": [p for _, p in S.STOCKER_ITEMS], "qualifications": []}]},
    ]
    return {"sources": S.SOURCES, "documents": docs}


GOLD_HEAD = """\
# Gold for tests/data/jobdocs/heldout24: what a perfect importer returns for each document.
# Written by make/build.py from make/sources.py; do not edit by hand.
# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and
# reports_to as written in the document, or null where it gives none.
"""


def text_of(path: Path) -> str:
    if path.suffix == ".docx":
        doc = Document(str(path))
        parts = [p.text for p in doc.paragraphs]
        for table in doc.tables:
            for row in table.rows:
                for cell in row.cells:
                    parts.append(cell.text)
        return "\n".join(parts)
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                              text=True).stdout
    return path.read_text(encoding="utf-8")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


NUMBERED = re.compile(r"^\s*(\d+[.、)]|[（(]\d+[)）]|[一二三四五六七八九十]+、|[-•·])")


def check(g: dict) -> None:
    total_posts = total_duties = 0
    for d in g["documents"]:
        body = squash(text_of(HERE / d["file"]))
        for post in d["posts"]:
            total_posts += 1
            for field in ("name", "department", "reports_to"):
                value = post[field]
                assert value is None or squash(value) in body, (d["file"], field, value)
            for item in post["duties"] + post["qualifications"]:
                assert squash(item) in body, (d["file"], item)
                assert not NUMBERED.match(item), (d["file"], item)
            total_duties += len(post["duties"])
    print(f"checked {len(g['documents'])} documents, {total_posts} posts, {total_duties} duties")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pdf", action="store_true", help="rebuild the PDF through LibreOffice")
    args = ap.parse_args()
    build_cashier(HERE / CASHIER_DOCX)
    build_buyer(HERE / BUYER_DOCX)
    if args.pdf or not (HERE / CLERK_PDF).exists():
        build_clerk_pdf(HERE / CLERK_PDF)
    build_shop(HERE / SHOP_XLSX)
    build_member(HERE / MEMBER_MD)
    build_qa(HERE / QA_DOCX)
    build_stocker(HERE / STOCKER_TXT)
    g = gold()
    text = GOLD_HEAD + yaml.safe_dump(g, allow_unicode=True, sort_keys=False, width=1000)
    (HERE / "gold.yaml").write_text(text, encoding="utf-8")
    check(g)


if __name__ == "__main__":
    main()
