"""Build tests/data/jobdocs/heldout23 from make/sources.py: the documents, gold.yaml, and a check.

Run from anywhere: python tests/data/jobdocs/heldout23/make/build.py [--pdf]
Without --pdf the committed PDF is kept (LibreOffice output differs between versions) and checked.
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
FIXED_ISO = "2025-06-01T09:00:00Z"
ZIP_TIME = (2025, 6, 1, 9, 0, 0)

F1 = "电商部岗位职责手册.docx"
F2 = "收银员岗位说明书.docx"
F3 = "天猫运营经理岗位职责与考核标准.docx"
F4 = "天猫运营主管岗位说明书.pdf"
F5 = "店铺管理部岗位职责表.xlsx"
F6 = "超市里面的理货员都干些什么活.md"
F7 = "门店促销人员管理规范.txt"


# ---------------------------------------------------------------- helpers


def normalise_zip(path: Path) -> None:
    """Same bytes on every run: fixed entry times and fixed core-property dates."""
    data = path.read_bytes()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)", r"\g<1>" + FIXED_ISO + r"\g<3>", text)
                text = re.sub(r"(<cp:lastPrinted>)[^<]*(</cp:lastPrinted>)", r"\g<1>" + FIXED_ISO + r"\g<2>", text)
                body = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, body)
    path.write_bytes(out.getvalue())


def new_doc() -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.4)
    for name in ("Normal", "Heading 1", "Heading 2", "Title"):
        st = doc.styles[name]
        st.font.name = "宋体"
        st.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    doc.styles["Normal"].font.size = Pt(10.5)
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 3
    return doc


def add_field(par, instr: str) -> None:
    run = par.add_run()
    b = OxmlElement("w:fldChar")
    b.set(qn("w:fldCharType"), "begin")
    t = OxmlElement("w:instrText")
    t.set(qn("xml:space"), "preserve")
    t.text = instr
    s = OxmlElement("w:fldChar")
    s.set(qn("w:fldCharType"), "separate")
    r2 = OxmlElement("w:t")
    r2.text = "1"
    e = OxmlElement("w:fldChar")
    e.set(qn("w:fldCharType"), "end")
    run._r.append(b)
    run._r.append(t)
    run._r.append(s)
    run._r.append(r2)
    run._r.append(e)


def header_footer(doc: Document, head: str, pages: str = "of") -> None:
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = head
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if pages == "of":
        fp.add_run("第 ")
        add_field(fp, "PAGE")
        fp.add_run(" 页 共 ")
        add_field(fp, "NUMPAGES")
        fp.add_run(" 页")
    else:
        fp.add_run("- ")
        add_field(fp, "PAGE")
        fp.add_run(" -")


def para(doc_or_cell, text: str = "", bold: bool = False, size: float | None = None,
         align=None, space_after: float | None = None):
    p = doc_or_cell.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


def cell_text(cell, text: str, bold: bool = False, shade: str | None = None, align=None) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    r = p.add_run(text)
    r.bold = bold
    if align is not None:
        p.alignment = align
    if shade:
        tcpr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), shade)
        tcpr.append(shd)


def repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def revision_table(doc: Document, rows: list[tuple[str, str, str, str]]) -> None:
    para(doc, "修订记录", bold=True)
    t = doc.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ("版本", "日期", "修订内容", "修订人"), strict=False):
        cell_text(c, h, bold=True, shade="D9D9D9")
    for r in rows:
        cells = t.add_row().cells
        for c, v in zip(cells, r, strict=False):
            cell_text(c, v)


# ---------------------------------------------------------------- documents


def build_handbook(path: Path) -> None:
    """w1: a Word department handbook, a post per heading."""
    doc = new_doc()
    header_footer(doc, f"{S.COMPANY}　文件编号:MHL-HR-DS-2025-03")
    for _ in range(5):
        para(doc)
    para(doc, S.COMPANY, bold=True, size=18, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "电商部岗位职责手册", bold=True, size=26, align=WD_ALIGN_PARAGRAPH.CENTER)
    for _ in range(6):
        para(doc)
    for line in ("文件编号:MHL-HR-DS-2025-03", "版　　本:A/1", "编制部门:人力资源部", "发布日期:2025年3月1日"):
        para(doc, line, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    revision_table(doc, [
        ("A/0", "2024-08-15", "首次发布", "周敏"),
        ("A/1", "2025-03-01", "增加技术支持工程师、数字营销人员岗位;调整配送人员汇报关系", "周敏"),
    ])
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("一、部门职能", level=1)
    para(doc, "电商部负责公司天猫旗舰店、微信小程序商城及社区团购渠道的运营,"
              "统筹线上商品、营销推广、客户服务与订单发货工作。")
    doc.add_heading("二、岗位设置及定员", level=1)
    t = doc.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ("岗位", "定员", "直接上级"), strict=False):
        cell_text(c, h, bold=True, shade="D9D9D9")
    counts = {"运营管理人员": "1", "设计师/美工": "2", "客服人员": "4", "库管人员": "1", "配送人员": "3",
              "数据分析师": "1", "技术支持工程师": "1", "数字营销人员": "1"}
    for name, _ in S.W1_POSTS:
        cells = t.add_row().cells
        cell_text(cells[0], name)
        cell_text(cells[1], counts[name])
        cell_text(cells[2], S.W1_SUPERIOR[name])
    doc.add_heading("三、岗位职责", level=1)
    for i, (name, duty) in enumerate(S.W1_POSTS, 1):
        doc.add_heading(f"3.{i}　{name}", level=2)
        para(doc, f"所属部门:电商部　　直接上级:{S.W1_SUPERIOR[name]}")
        para(doc, "岗位职责:", bold=True)
        para(doc, duty)
    doc.add_heading("四、附则", level=1)
    para(doc, "1. 本手册由人力资源部负责解释,自发布之日起执行。")
    para(doc, "2. 各岗位的考核指标另见《电商部绩效考核办法》。")
    para(doc)
    para(doc, "编制:周敏　　　审核:电商部经理　　　批准:总经理")
    doc.save(path)
    normalise_zip(path)


def build_cashier(path: Path) -> None:
    """w2: a Word 岗位说明书 as a label|value table, labels in their own order."""
    doc = new_doc()
    header_footer(doc, f"{S.COMPANY_SHORT}·门店营运部", pages="dash")
    para(doc, S.COMPANY, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "岗 位 说 明 书", bold=True, size=20, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "编号:MHL-JD-MD-012　　　　修订日期:2025-04-10", size=9, align=WD_ALIGN_PARAGRAPH.RIGHT)
    t = doc.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER

    def pair_row(a: str, b: str, c: str, d: str) -> None:
        cells = t.add_row().cells
        cell_text(cells[0], a, bold=True, shade="E7E6E6")
        cell_text(cells[1], b)
        cell_text(cells[2], c, bold=True, shade="E7E6E6")
        cell_text(cells[3], d)

    def wide_row(label: str, lines: list[str]) -> None:
        cells = t.add_row().cells
        cell_text(cells[0], label, bold=True, shade="E7E6E6")
        m = cells[1].merge(cells[3])
        m.text = ""
        first = True
        for line in lines:
            p = m.paragraphs[0] if first else m.add_paragraph()
            p.add_run(line)
            first = False

    pair_row("职位名称", "收银员", "职位编号", "MD-012")
    pair_row("所属部门", "门店营运部", "汇报对象", "店长")
    pair_row("直接下级", "无", "定员", "每店3-6人")
    wide_row("职位概要", ["在店长领导下,负责门店收银台的结算服务及现金、票据的保管。"])
    wide_row("任职要求", [f"{i}、{q}" for i, q in enumerate(S.W2_QUALS, 1)])
    wide_row("工作职责", [f"{i})  {d}" for i, d in enumerate(S.W2_DUTIES, 1)])
    wide_row("工作时间", ["早班 7:30-15:00,晚班 14:30-22:00,每周轮换;节假日按排班表。"])
    wide_row("考核要点", ["长短款次数、收银差错率、顾客投诉次数、备用金管理。"])
    cells = t.add_row().cells
    for c, v in zip(cells, ("编制人:周敏", "审核人:王建国", "批准人:李卫东", "日期:2025-04-10"), strict=False):
        cell_text(c, v)
    para(doc)
    para(doc, "任职者签字:______________　　　日期:______________")
    doc.save(path)
    normalise_zip(path)


def build_duty_table(path: Path) -> None:
    """w3: a Word 序号|职责描述|考核标准|权重 table, each 职责描述 a bold title and the duty."""
    doc = new_doc()
    header_footer(doc, f"{S.COMPANY}　电商部")
    para(doc, "天猫运营经理岗位职责与考核标准", bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    t = doc.add_table(rows=2, cols=4)
    t.style = "Table Grid"
    vals = (("岗位名称", "天猫运营经理", "岗位编号", "DS-002"), ("所属部门", "电商部", "直接上级", "电商部经理"))
    for row, v in zip(t.rows, vals, strict=False):
        for i, (c, x) in enumerate(zip(row.cells, v, strict=False)):
            cell_text(c, x, bold=i % 2 == 0, shade="E7E6E6" if i % 2 == 0 else None)
    para(doc)
    para(doc, "一、岗位目的", bold=True)
    para(doc, "负责公司天猫旗舰店的整体经营,完成年度线上销售与利润目标。")
    para(doc, "二、岗位职责与考核标准", bold=True)
    t = doc.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ("序号", "职责描述", "考核标准", "权重"), strict=False):
        cell_text(c, h, bold=True, shade="D9D9D9", align=WD_ALIGN_PARAGRAPH.CENTER)
    repeat_header(t.rows[0])
    for i, (title, duty, kpi, weight) in enumerate(S.W3_ITEMS, 1):
        cells = t.add_row().cells
        cell_text(cells[0], str(i), align=WD_ALIGN_PARAGRAPH.CENTER)
        cells[1].text = ""
        cells[1].paragraphs[0].add_run(title).bold = True
        cells[1].add_paragraph(duty)
        cell_text(cells[2], kpi)
        cell_text(cells[3], weight, align=WD_ALIGN_PARAGRAPH.CENTER)
    cells = t.add_row().cells
    cell_text(cells[0], "合计", bold=True)
    cell_text(cells[3], "100%", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    widths = (Cm(1.2), Cm(9.5), Cm(4.3), Cm(1.5))
    for row in t.rows:
        for c, w in zip(row.cells, widths, strict=False):
            c.width = w
    para(doc)
    para(doc, "三、任职资格", bold=True)
    para(doc, "见《电商部任职资格标准》(2025版)。")
    para(doc, "四、备注", bold=True)
    para(doc, "考核结果按季度汇总,权重合计100%,季度得分低于70分者进行绩效面谈。")
    para(doc)
    para(doc, "编制:人力资源部　　　审核:电商部经理　　　批准:总经理　　　日期:2025年5月")
    doc.save(path)
    normalise_zip(path)


def build_pdf_docx(path: Path) -> None:
    """w4: the Word form that becomes the PDF."""
    doc = new_doc()
    header_footer(doc, f"{S.COMPANY}　岗位说明书")
    para(doc, "天猫运营主管岗位说明书", bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "文件编号:MHL-JD-DS-003　　版本:1.0　　生效日期:2025-05-20", size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "一、基本信息", bold=True)
    t = doc.add_table(rows=3, cols=4)
    t.style = "Table Grid"
    vals = (("岗位名称", "天猫运营主管", "岗位代码", "DS-003"),
            ("所属部门", "电商部", "上级岗位", "天猫运营经理"),
            ("下属岗位", "运营专员、美工、客服", "编制人数", "1人"))
    for row, v in zip(t.rows, vals, strict=False):
        for i, (c, x) in enumerate(zip(row.cells, v, strict=False)):
            cell_text(c, x, bold=i % 2 == 0, shade="E7E6E6" if i % 2 == 0 else None)
    para(doc)
    para(doc, "二、岗位职责", bold=True)
    cn = "一二三四"
    for gi, (group, items) in enumerate(S.W4_GROUPS):
        para(doc, f"（{cn[gi]}）{group.split('、', 1)[1]}", bold=True)
        for i, item in enumerate(items, 1):
            p = para(doc, f"{i}. {item}")
            p.paragraph_format.left_indent = Cm(0.74)
    para(doc)
    para(doc, "三、考核指标", bold=True)
    t = doc.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ("指标", "权重", "说明"), strict=False):
        cell_text(c, h, bold=True, shade="D9D9D9")
    for r in (("店铺销售额达成率", "40%", "按月统计"), ("推广投入产出比", "20%", "以生意参谋数据为准"),
              ("店铺DSR评分", "20%", "三项均不低于4.8"), ("团队人员稳定率", "20%", "按季度统计")):
        cells = t.add_row().cells
        for c, v in zip(cells, r, strict=False):
            cell_text(c, v)
    para(doc)
    para(doc, "四、修订记录", bold=True)
    t = doc.add_table(rows=2, cols=3)
    t.style = "Table Grid"
    for c, v in zip(t.rows[0].cells, ("版本", "日期", "说明"), strict=False):
        cell_text(c, v, bold=True, shade="D9D9D9")
    for c, v in zip(t.rows[1].cells, ("1.0", "2025-05-20", "新设岗位,首次编制"), strict=False):
        cell_text(c, v)
    para(doc)
    para(doc, "编制:人力资源部　　审核:天猫运营经理　　批准:电商部经理")
    doc.save(path)


def scrub_pdf(path: Path) -> None:
    data = path.read_bytes()

    def same_len(m: re.Match[bytes]) -> bytes:
        s = m.group(0)
        inner = re.sub(rb"\d", b"0", s)
        return inner

    data = re.sub(rb"/CreationDate\s*\(D:[^)]*\)", same_len, data)
    data = re.sub(rb"/ModDate\s*\(D:[^)]*\)", same_len, data)
    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]",
                  lambda m: re.sub(rb"<[0-9A-Fa-f]+>", lambda h: b"<" + b"0" * (len(h.group(0)) - 2) + b">",
                                   m.group(0)), data)
    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]+", lambda m: re.sub(rb"[0-9A-Fa-f]{32}", b"0" * 32, m.group(0)), data)
    path.write_bytes(data)


def build_pdf(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        src = tmpd / (path.stem + ".docx")
        build_pdf_docx(src)
        profile = tmpd / "profile"
        cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
               "--convert-to", "pdf", "--outdir", str(tmpd), str(src)]
        if shutil.which("setarch"):
            cmd = ["setarch", platform.machine(), "-R", *cmd]
        env = dict(os.environ, TZ="UTC")
        subprocess.run(cmd, check=True, env=env, capture_output=True)
        out = tmpd / (path.stem + ".pdf")
        shutil.copyfile(out, path)
    scrub_pdf(path)


def build_xlsx(path: Path) -> None:
    """w5: an Excel 岗位职责表, department merged down all rows, post and superior merged per post."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    heads = ("序号", "部门", "岗位名称", "直接上级", "岗位职责", "考核频次", "备注")
    ncol = len(heads)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.cell(1, 1, f"{S.COMPANY}{S.W5_DEPARTMENT}岗位职责表").font = Font(bold=True, size=16)
    ws.cell(1, 1).alignment = center
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncol)
    ws.cell(2, 1, "编制部门:人力资源部　　　　更新日期:2025年5月").alignment = Alignment(horizontal="right")
    for i, h in enumerate(heads, 1):
        c = ws.cell(3, i, h)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="D9D9D9")
        c.alignment = center
        c.border = border
    row = 4
    first = row
    n = 0
    freq = {"商场管理经理": "季度", "商场管理监督": "月度", "计划管理员": "月度"}
    notes = {("商场管理经理", 3): "店长任免报总经理备案", ("计划管理员", 4): "每月5日前提交"}
    for name, sup, duties in S.W5_POSTS:
        start = row
        for j, d in enumerate(duties, 1):
            n += 1
            ws.cell(row, 1, n).alignment = center
            ws.cell(row, 5, d).alignment = wrap
            ws.cell(row, 6, freq[name]).alignment = center
            ws.cell(row, 7, notes.get((name, j)))
            for col in range(1, ncol + 1):
                ws.cell(row, col).border = border
            row += 1
        ws.cell(start, 3, name).alignment = center
        ws.cell(start, 4, sup).alignment = center
        ws.merge_cells(start_row=start, start_column=3, end_row=row - 1, end_column=3)
        ws.merge_cells(start_row=start, start_column=4, end_row=row - 1, end_column=4)
    ws.cell(first, 2, S.W5_DEPARTMENT).alignment = center
    ws.merge_cells(start_row=first, start_column=2, end_row=row - 1, end_column=2)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncol)
    ws.cell(row, 1, "说明:1. 本表为店铺管理部各岗位的主要职责,具体工作以公司通知为准;"
                    "2. 门店店长、店员的职责见《门店岗位说明书》。").alignment = wrap
    ws.row_dimensions[row].height = 30
    for col, w in zip("ABCDEFG", (6, 10, 14, 14, 60, 10, 22), strict=False):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "E4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws2 = wb.create_sheet("修订记录")
    for r in (("版本", "日期", "修订内容", "修订人"), ("V1.0", "2024-11-01", "首次编制", "周敏"),
              ("V1.1", "2025-05-12", "计划管理员增加门店库存监管职责", "周敏")):
        ws2.append(r)
    for col, w in zip("ABCD", (8, 12, 40, 10), strict=False):
        ws2.column_dimensions[col].width = w
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.save(path)
    normalise_zip(path)


def build_md(path: Path) -> None:
    """w6: a web article saved as Markdown."""
    lines = [f"# {S.W6_TITLE}", "", "2025-09-16 10:42　来源:网络　阅读:1,326", "", S.W6_LEAD, "",
             "## 一、理货员的主要工作内容", ""]
    for i, (title, body) in enumerate(S.W6_ITEMS, 1):
        lines += [f"### {i}. {title}", "", body, ""]
    lines += ["## 二、理货员工作内容一览表", "", "| 工作内容 | 具体任务说明 |", "| --- | --- |"]
    lines += [f"| {a} | {b} |" for a, b in S.W6_TABLE]
    lines += ["", "---", "", f"原文地址:{S.SOURCES[5]['url']}", ""]
    path.write_text("\n".join(lines), encoding="utf-8", newline="\n")


def build_txt(path: Path) -> None:
    """w7: a web page pasted into Notepad (UTF-8, CRLF)."""
    lines = ["门店促销人员管理规范", "", "发布时间:2025-06-18　　来源:门店管理", "", S.W7_LEAD, "",
             "一、岗位职责", S.W7_DUTY_LEAD]
    lines += [f"{i}. {d}" for i, d in enumerate(S.W7_DUTIES, 1)]
    lines += ["", "二、招聘与入职"]
    lines += [f"{i}. {d}" for i, d in enumerate(S.W7_HIRING, 1)]
    lines += ["", "三、培训与发展"]
    lines += [f"{i}. {d}" for i, d in enumerate(S.W7_TRAINING, 1)]
    lines += ["", "(以下略,全文共七章)", ""]
    path.write_bytes("\r\n".join(lines).encode("utf-8"))


# ---------------------------------------------------------------- gold


def post(name: str, dept: str | None, sup: str | None, duties: list[str], quals: list[str]) -> dict:
    return {"name": name, "department": dept, "reports_to": sup, "duties": list(duties),
            "qualifications": list(quals)}


def gold() -> dict:
    docs = [
        {"file": F1, "source": "w1", "layout": "word-handbook",
         "posts": [post(n, "电商部", S.W1_SUPERIOR[n], [d], []) for n, d in S.W1_POSTS]},
        {"file": F2, "source": "w2", "layout": "word-table",
         "posts": [post("收银员", "门店营运部", "店长", S.W2_DUTIES, S.W2_QUALS)]},
        {"file": F3, "source": "w3", "layout": "word-duty-table",
         "posts": [post("天猫运营经理", "电商部", "电商部经理", [d for _, d, _, _ in S.W3_ITEMS], [])]},
        {"file": F4, "source": "w4", "layout": "pdf-from-word",
         "posts": [post("天猫运营主管", "电商部", "天猫运营经理",
                        [i for _, items in S.W4_GROUPS for i in items], [])]},
        {"file": F5, "source": "w5", "layout": "xlsx-merged",
         "posts": [post(n, S.W5_DEPARTMENT, sup, d, []) for n, sup, d in S.W5_POSTS]},
        {"file": F6, "source": "w6", "layout": "markdown-web-copy",
         "posts": [post("理货员", None, None, [b for _, b in S.W6_ITEMS], [])]},
        {"file": F7, "source": "w7", "layout": "txt-web-copy",
         "posts": [post("促销员", None, None, S.W7_DUTIES, S.W7_QUALS)]},
    ]
    return {"sources": [{"id": s["id"], "url": s["url"], "note": s["note"]} for s in S.SOURCES], "documents": docs}


GOLD_HEAD = """# Gold for tests/data/jobdocs/heldout23: what a perfect importer returns for each document.
# Written by make/build.py from make/sources.py; do not edit by hand.
# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and
# reports_to as written in the document, or null where it gives none.
"""


# ---------------------------------------------------------------- check


def docx_text(path: Path) -> str:
    d = Document(str(path))
    parts = [p.text for p in d.paragraphs]

    def walk(tables) -> None:
        for t in tables:
            for r in t.rows:
                for c in r.cells:
                    parts.extend(p.text for p in c.paragraphs)
                    walk(c.tables)

    walk(d.tables)
    return "\n".join(parts)


def xlsx_text(path: Path) -> str:
    wb = openpyxl.load_workbook(path)
    return "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None)


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True).stdout
    return out.decode("utf-8")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def check(g: dict) -> None:
    n_posts = n_duties = n_quals = 0
    for d in g["documents"]:
        path = HERE / d["file"]
        suffix = path.suffix
        if suffix == ".docx":
            text = docx_text(path)
        elif suffix == ".xlsx":
            text = xlsx_text(path)
        elif suffix == ".pdf":
            text = pdf_text(path)
        else:
            text = path.read_bytes().decode("utf-8")
        hay = squash(text)
        for p in d["posts"]:
            n_posts += 1
            items = [p["name"], *(x for x in (p["department"], p["reports_to"]) if x)]
            for x in items + p["duties"] + p["qualifications"]:
                assert squash(x) in hay, (d["file"], x)
            for x in p["duties"] + p["qualifications"]:
                assert not re.match(r"^\s*(\d+[.、)]|[（(]\d+[)）]|[-*•])", x), (d["file"], x)
            n_duties += len(p["duties"])
            n_quals += len(p["qualifications"])
    print(f"checked {len(g['documents'])} documents: {n_posts} posts, {n_duties} duties, {n_quals} qualifications")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pdf", action="store_true", help="rebuild the PDF through LibreOffice")
    args = ap.parse_args()
    build_handbook(HERE / F1)
    build_cashier(HERE / F2)
    build_duty_table(HERE / F3)
    if args.pdf or not (HERE / F4).exists():
        build_pdf(HERE / F4)
    build_xlsx(HERE / F5)
    build_md(HERE / F6)
    build_txt(HERE / F7)
    g = gold()
    body = yaml.safe_dump(g, allow_unicode=True, sort_keys=False, width=1000)
    (HERE / "gold.yaml").write_text(GOLD_HEAD + body, encoding="utf-8")
    check(g)


if __name__ == "__main__":
    main()
