"""Build heldout34's documents and gold.yaml from sources.py, then check the gold against the files.

Usage: python tests/data/jobdocs/heldout34/make/build.py [--pdf]
Without --pdf the committed PDF is kept (and still checked); with it, LibreOffice exports it again.
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

import yaml
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sources as S

HERE = Path(__file__).resolve().parent.parent
FIXED = datetime(2025, 6, 1, 9, 0, 0)
FIXED_ISO = "2025-06-01T09:00:00Z"

F1 = "电商部岗位说明书汇编.docx"
F2 = "定制家居事业部岗位职责表.xlsx"
F3 = "楼层主管岗位说明书.docx"
F4 = "宠物美容师岗位职责与考核标准.docx"
F5 = "宠物生活馆岗位职责.pdf"
F6 = "商业中心运营岗位职责全解析.md"
F7 = "电商岗位招聘信息摘录.txt"


# ---------------------------------------------------------------- Word helpers


def new_document(landscape: bool = False) -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_height, sec.page_width = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.5)
    for name in ("Normal", "Heading 1", "Heading 2", "Title"):
        style = doc.styles[name]
        style.font.name = "宋体"
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        fonts.set(qn("w:eastAsia"), "宋体")
        fonts.set(qn("w:ascii"), "宋体")
        fonts.set(qn("w:hAnsi"), "宋体")
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.core_properties.author = "人力资源部"
    doc.core_properties.last_modified_by = "人力资源部"
    doc.core_properties.created = FIXED
    doc.core_properties.modified = FIXED
    doc.core_properties.last_printed = FIXED
    doc.core_properties.revision = 1
    return doc


def field(run, instr: str) -> None:
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instr
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(end)


def header_footer(doc: Document, header: str, footer_style: str = "page-of") -> None:
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = header
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if footer_style == "page-of":
        fp.add_run("第 ")
        field(fp.add_run(), "PAGE")
        fp.add_run(" 页 共 ")
        field(fp.add_run(), "NUMPAGES")
        fp.add_run(" 页")
    else:
        fp.add_run("- ")
        field(fp.add_run(), "PAGE")
        fp.add_run(" -")


def para(doc_or_cell, text: str = "", bold: bool = False, size: float | None = None, center: bool = False, indent: bool = False):
    p = doc_or_cell.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent:
        p.paragraph_format.first_line_indent = Cm(0.74)
    return p


def shade(cell, fill: str = "D9D9D9") -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def set_cell(cell, text: str, bold: bool = False, fill: str | None = None) -> None:
    cell.text = ""
    r = cell.paragraphs[0].add_run(text)
    r.bold = bold
    if fill:
        shade(cell, fill)


def cell_lines(cell, lines: list[str], first_bold: str | None = None) -> None:
    cell.text = ""
    p0 = cell.paragraphs[0]
    if first_bold:
        p0.add_run(first_bold).bold = True
        for line in lines:
            cell.add_paragraph(line)
    else:
        p0.add_run(lines[0])
        for line in lines[1:]:
            cell.add_paragraph(line)


def repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def page_break(doc: Document) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def save_docx(doc: Document, path: Path) -> None:
    buf = io.BytesIO()
    doc.save(buf)
    write_normalised_zip(buf.getvalue(), path)


def write_normalised_zip(data: bytes, path: Path) -> None:
    """Same bytes every run: fixed entry times and a fixed modified date in docProps/core.xml."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                for tag in ("dcterms:created", "dcterms:modified"):
                    text = re.sub(rf"(<{tag}[^>]*>)[^<]*(</{tag}>)", rf"\g<1>{FIXED_ISO}\g<2>", text)
                body = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 6, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, body)
    path.write_bytes(out.getvalue())


# ---------------------------------------------------------------- the documents


def build_f1() -> None:
    """电商部 handbook: cover, 修订记录, headings per post."""
    doc = new_document()
    header_footer(doc, f"{S.COMPANY}　电商部岗位说明书汇编　YJH-HR-DS-2025-03")
    for _ in range(6):
        para(doc)
    para(doc, S.COMPANY, bold=True, size=18, center=True)
    para(doc)
    para(doc, "电商部岗位说明书汇编", bold=True, size=26, center=True)
    para(doc)
    for line in ("文件编号：YJH-HR-DS-2025-03", "版　　本：A/1", "编制部门：人力资源部", "发布日期：2025年6月1日"):
        para(doc, line, size=12, center=True)
    page_break(doc)
    para(doc, "修订记录", bold=True, size=14, center=True)
    t = doc.add_table(rows=4, cols=5)
    t.style = "Table Grid"
    for i, h in enumerate(("版本", "修订日期", "修订内容", "修订人", "审核人")):
        set_cell(t.cell(0, i), h, bold=True, fill="D9D9D9")
    rows = [
        ("A/0", "2024年3月1日", "初版发布", "周晓琳", "陈国栋"),
        ("A/1", "2025年6月1日", "电商部岗位调整，增加电商运营助理", "周晓琳", "陈国栋"),
        ("", "", "", "", ""),
    ]
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            set_cell(t.cell(r, c), v)
    page_break(doc)
    doc.add_heading("一、总则", level=1)
    para(doc, "为明确电商部各岗位的工作内容和任职条件，便于招聘、培训与考核，特编制本汇编。本汇编适用于集团电商部全体员工。", indent=True)
    doc.add_heading("二、岗位说明", level=1)
    numerals = "一二三四五六"
    for i, post in enumerate(S.P1_POSTS):
        doc.add_heading(f"（{numerals[i]}）{post['name']}", level=2)
        para(doc, f"所属部门：{post['department']}　　直接上级：{post['reports_to']}　　岗位定员：{i + 1}人")
        para(doc, "岗位职责：", bold=True)
        for n, d in enumerate(post["duties"], start=1):
            para(doc, f"{n}．{d}", indent=True)
        para(doc, "任职资格：", bold=True)
        para(doc, "必备条件：", indent=True)
        for n, q in enumerate(post["must"], start=1):
            para(doc, f"（{n}）{q}", indent=True)
        para(doc, "优先条件：", indent=True)
        for n, q in enumerate(post["plus"], start=1):
            para(doc, f"（{n}）{q}", indent=True)
    doc.add_heading("三、附则", level=1)
    para(doc, "本汇编由人力资源部负责解释，自发布之日起执行。岗位内容调整时由电商部提出，人力资源部修订。", indent=True)
    para(doc)
    para(doc, "编制：周晓琳　　　审核：陈国栋　　　批准：林永嘉")
    save_docx(doc, HERE / F1)


def build_f2() -> None:
    """定制家居事业部 岗位职责表: merged 部门/岗位 cells, one row per duty."""
    wb = Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    headers = ["序号", "部门", "岗位名称", "直接上级", "定员", "职责描述", "任职要求", "备注"]
    widths = [6, 12, 14, 10, 6, 60, 48, 12]
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(65 + i)].width = w
    ws.merge_cells("A1:H1")
    ws["A1"] = f"{S.COMPANY}定制家居事业部岗位职责表"
    ws["A1"].font = Font(name="宋体", size=16, bold=True)
    ws["A1"].alignment = center
    ws.merge_cells("A2:H2")
    ws["A2"] = "编制部门：人力资源部　　　更新日期：2025年6月1日　　　版本：V2.0"
    ws["A2"].alignment = Alignment(horizontal="right")
    fill = PatternFill("solid", fgColor="D9D9D9")
    for i, h in enumerate(headers, start=1):
        c = ws.cell(row=3, column=i, value=h)
        c.font = Font(name="宋体", bold=True)
        c.alignment = center
        c.fill = fill
        c.border = border
    row = 4
    n = 1
    first = row
    notes = {"店面店长": "专卖店", "网络专员": "新设岗位"}
    for post in S.P2_POSTS:
        start = row
        for d in post["duties"]:
            ws.cell(row=row, column=1, value=n).alignment = center
            ws.cell(row=row, column=6, value=d).alignment = wrap
            for col in range(1, 9):
                ws.cell(row=row, column=col).border = border
            n += 1
            row += 1
        end = row - 1
        ws.cell(row=start, column=3, value=post["name"]).alignment = center
        ws.cell(row=start, column=4, value=post["reports_to"]).alignment = center
        ws.cell(row=start, column=5, value=f"{post['headcount']}人").alignment = center
        quals = "\n".join(f"{k}、{q}" for k, q in enumerate(post["qualifications"], start=1))
        ws.cell(row=start, column=7, value=quals).alignment = wrap
        ws.cell(row=start, column=8, value=notes.get(post["name"], "")).alignment = center
        if end > start:
            for col in (3, 4, 5, 7, 8):
                ws.merge_cells(start_row=start, start_column=col, end_row=end, end_column=col)
    ws.cell(row=first, column=2, value=S.P2_DEPARTMENT).alignment = center
    ws.merge_cells(start_row=first, start_column=2, end_row=row - 1, end_column=2)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=8)
    note = "说明：1、本表由各部门负责人填写，人力资源部汇总；2、定员为2025年编制数；3、岗位职责如有调整，须报人力资源部备案。"
    ws.cell(row=row, column=1, value=note).alignment = wrap
    ws.row_dimensions[row].height = 30
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws2 = wb.create_sheet("修订记录")
    for i, h in enumerate(("版本", "日期", "修订内容", "修订人"), start=1):
        ws2.cell(row=1, column=i, value=h).font = Font(bold=True)
    ws2.append(["V1.0", "2024-02-20", "首次编制", "周晓琳"])
    ws2.append(["V2.0", "2025-06-01", "增加网络专员，调整定员", "周晓琳"])
    ws2.column_dimensions["C"].width = 30
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    write_normalised_zip(buf.getvalue(), HERE / F2)


def build_f3() -> None:
    """楼层主管: a label|value 岗位说明书 with 职位名称/汇报对象/工作职责/任职要求."""
    post = S.P3_POST
    doc = new_document()
    header_footer(doc, f"{S.SHORT}购物中心　岗位说明书")
    para(doc, S.COMPANY, bold=True, size=14, center=True)
    para(doc, "岗 位 说 明 书", bold=True, size=20, center=True)
    para(doc, "文件编号：YJH-MALL-JD-007　　　版本：V1.2　　　修订日期：2025年5月20日", center=True)
    t = doc.add_table(rows=11, cols=4)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    pairs = [
        ("职位名称", post["name"], "职位编号", "YJH-MALL-OP-03"),
        ("所属部门", post["department"], "汇报对象", post["reports_to"]),
        ("直接下级", "楼层管理员", "岗位定员", "4人"),
        ("工作地点", f"{S.SHORT}购物中心", "工作时间", "综合工时制"),
    ]
    for r, (a, b, c, d) in enumerate(pairs):
        set_cell(t.cell(r, 0), a, bold=True, fill="D9D9D9")
        set_cell(t.cell(r, 1), b)
        set_cell(t.cell(r, 2), c, bold=True, fill="D9D9D9")
        set_cell(t.cell(r, 3), d)
    merged = [
        ("职位概要", ["在营运经理领导下，管理所辖楼层的商户经营与现场营运。"]),
        ("工作职责", [f"{n}. {d}" for n, d in enumerate(post["duties"], start=1)]),
        ("任职要求", [f"{n}. {q}" for n, q in enumerate(post["qualifications"], start=1)]),
        ("考核指标", ["租费收缴率、商铺开业率、顾客投诉处理及时率、楼层巡查记录完整率"]),
        ("备注", ["本说明书每年复核一次，岗位职责调整时同步修订。"]),
    ]
    for k, (label, lines) in enumerate(merged, start=4):
        set_cell(t.cell(k, 0), label, bold=True, fill="D9D9D9")
        m = t.cell(k, 1).merge(t.cell(k, 3))
        cell_lines(m, lines)
    set_cell(t.cell(9, 0), "编制人", bold=True, fill="D9D9D9")
    set_cell(t.cell(9, 1), "周晓琳")
    set_cell(t.cell(9, 2), "审核人", bold=True, fill="D9D9D9")
    set_cell(t.cell(9, 3), "陈国栋")
    set_cell(t.cell(10, 0), "批准人", bold=True, fill="D9D9D9")
    set_cell(t.cell(10, 1), "林永嘉")
    set_cell(t.cell(10, 2), "生效日期", bold=True, fill="D9D9D9")
    set_cell(t.cell(10, 3), "2025年6月1日")
    para(doc)
    para(doc, "任职者签字：____________　　　日期：____________")
    save_docx(doc, HERE / F3)


def build_f4() -> None:
    """宠物美容师: 序号|职责描述|考核标准|权重, then 任职资格."""
    post = S.P4_POST
    doc = new_document()
    header_footer(doc, f"{S.SHORT}宠物生活馆　YJH-PET-JD-004", footer_style="dash")
    para(doc, S.COMPANY, bold=True, size=14, center=True)
    para(doc, f"{post['name']}岗位职责与考核标准", bold=True, size=18, center=True)
    para(doc, "文件编号：YJH-PET-JD-004　　　版本：V1.0　　　执行日期：2025年6月1日", center=True)
    t = doc.add_table(rows=2, cols=4)
    t.style = "Table Grid"
    for r, (a, b, c, d) in enumerate(
        [("岗位名称", post["name"], "岗位编号", "PET-04"), ("所属部门", post["department"], "直接上级", post["reports_to"])]
    ):
        set_cell(t.cell(r, 0), a, bold=True, fill="D9D9D9")
        set_cell(t.cell(r, 1), b)
        set_cell(t.cell(r, 2), c, bold=True, fill="D9D9D9")
        set_cell(t.cell(r, 3), d)
    para(doc)
    para(doc, "一、岗位职责与考核标准", bold=True, size=12)
    dt = doc.add_table(rows=1, cols=4)
    dt.style = "Table Grid"
    for i, h in enumerate(("序号", "职责描述", "考核标准", "权重")):
        set_cell(dt.cell(0, i), h, bold=True, fill="D9D9D9")
    repeat_header(dt.rows[0])
    for n, (d, (kpi, w)) in enumerate(zip(post["duties"], post["kpi"], strict=True), start=1):
        cells = dt.add_row().cells
        set_cell(cells[0], str(n))
        set_cell(cells[1], d)
        set_cell(cells[2], kpi)
        set_cell(cells[3], w)
    cells = dt.add_row().cells
    set_cell(cells[0], "合计", bold=True)
    cells[0].merge(cells[2])
    set_cell(cells[3], "100%", bold=True)
    for row in dt.rows:
        row.cells[0].width = Cm(1.2)
        row.cells[1].width = Cm(7.5)
        row.cells[2].width = Cm(5.8)
        row.cells[3].width = Cm(1.5)
    para(doc)
    para(doc, "二、任职资格", bold=True, size=12)
    for n, q in enumerate(post["qualifications"], start=1):
        para(doc, f"{n}、{q}", indent=True)
    para(doc, "三、考核说明", bold=True, size=12)
    for line in ("1、考核每月进行一次，由店长评分，宠物事业部复核。", "2、考核结果与当月绩效工资挂钩。"):
        para(doc, line, indent=True)
    para(doc)
    st = doc.add_table(rows=2, cols=3)
    st.style = "Table Grid"
    for i, h in enumerate(("编制", "审核", "批准")):
        set_cell(st.cell(0, i), h, bold=True, fill="D9D9D9")
    for i, v in enumerate(("周晓琳", "何嘉怡", "林永嘉")):
        set_cell(st.cell(1, i), v)
    save_docx(doc, HERE / F4)


def build_f5_docx(path: Path) -> None:
    """The Word file behind the PDF: two posts of the 宠物生活馆."""
    doc = new_document()
    header_footer(doc, f"{S.COMPANY}　宠物生活馆岗位职责　YJH-PET-JD-001")
    para(doc, S.COMPANY, bold=True, size=14, center=True)
    para(doc, "宠物生活馆岗位职责", bold=True, size=18, center=True)
    para(doc, "文件编号：YJH-PET-JD-001　　　版本：V1.1　　　编制：人力资源部　　　日期：2025年6月1日", center=True)
    numerals = "一二三"
    for i, post in enumerate(S.P5_POSTS):
        para(doc, f"{numerals[i]}、{post['name']}", bold=True, size=14)
        para(doc, f"所属部门：{post['department']}　　直接上级：{post['reports_to']}")
        p = para(doc)
        p.add_run("岗位概述：").bold = True
        p.add_run(post["summary"])
        para(doc, "岗位职责：", bold=True)
        for n, d in enumerate(post["duties"], start=1):
            para(doc, f"（{n}）{d}", indent=True)
        para(doc, "任职要求：", bold=True)
        for n, q in enumerate(post["qualifications"], start=1):
            para(doc, f"（{n}）{q}", indent=True)
    para(doc, "三、其他", bold=True, size=14)
    para(doc, "宠物美容师岗位职责见《宠物美容师岗位职责与考核标准》（YJH-PET-JD-004）。", indent=True)
    para(doc)
    para(doc, "编制：周晓琳　　　审核：何嘉怡　　　批准：林永嘉")
    save_docx(doc, path)


def build_f5(pdf: bool) -> None:
    if not pdf:
        if not (HERE / F5).exists():
            raise SystemExit(f"{F5} missing: run with --pdf")
        return
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "宠物生活馆岗位职责.docx"
        build_f5_docx(src)
        profile = Path(tmp) / "profile"
        cmd = [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            str(src),
        ]
        if shutil.which("setarch"):
            cmd = ["setarch", platform.machine(), "-R", *cmd]
        env = dict(os.environ, TZ="UTC")
        subprocess.run(cmd, check=True, env=env, capture_output=True)
        data = (Path(tmp) / "宠物生活馆岗位职责.pdf").read_bytes()
    (HERE / F5).write_bytes(fix_pdf(data))


def fix_pdf(data: bytes) -> bytes:
    """Overwrite dates, /ID and /DocChecksum with same-length constants so no xref offset moves."""

    data = re.sub(rb"D:\d{14}[^)]*", lambda m: (b"D:20250601090000Z" + b" " * 40)[: len(m.group(0))], data)
    data = re.sub(rb"<[0-9A-Fa-f]{32}>", lambda m: b"<" + b"0" * 32 + b">", data)
    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]+", lambda m: m.group(0)[:14] + b"0" * (len(m.group(0)) - 14), data)
    return data


def build_f6() -> None:
    """A web article saved as Markdown (an excerpt: the page goes on with departments)."""
    lines = [
        f"# {S.P6_TITLE}",
        "",
        "发布时间：2025-03-18　来源：网络　阅读：1263",
        "",
        "## 引言",
        "",
        S.P6_LEAD,
        "",
        "## 一、商业中心运营概述",
        "",
        S.P6_OVERVIEW,
        "",
        "## 二、商业中心运营岗位职责解析",
        "",
        "### 1. 管理层",
        "",
    ]
    for i, post in enumerate(S.P6_POSTS, start=1):
        lines += [f"#### 1.{i} {post['name']}", ""]
        lines += [f"- {d}" for d in post["duties"]]
        lines.append("")
    lines += ["（以下略，运营部门、商户管理、客户服务各岗位见原文）", "", "---", "", f"原文地址：{S.SOURCES[5]['url']}", ""]
    (HERE / F6).write_text("\n".join(lines), encoding="utf-8")


def build_f7() -> None:
    """A job page pasted into Notepad and saved as ANSI (GBK), CRLF."""
    lines = ["韩菲诗-工作机会", ""]
    for post in S.P7_POSTS:
        lines += [post["heading"], f"学历要求：{post['edu']}", f"招聘对象：{post['exp']}", "任职要求："]
        lines += [f"{n}、{t}" for n, (t, _) in enumerate(post["items"], start=1)]
        lines.append("")
    lines += ["（人力资源部 2025年5月 摘录，供电商部招聘时参考）", ""]
    (HERE / F7).write_bytes("\r\n".join(lines).encode("gbk"))


# ---------------------------------------------------------------- gold


def gold() -> dict:
    docs = []
    docs.append(
        {
            "file": F1,
            "source": "p1",
            "layout": "word-handbook",
            "posts": [
                {
                    "name": p["name"],
                    "department": p["department"],
                    "reports_to": p["reports_to"],
                    "duties": p["duties"],
                    "qualifications": p["must"] + p["plus"],
                }
                for p in S.P1_POSTS
            ],
        }
    )
    docs.append(
        {
            "file": F2,
            "source": "p2",
            "layout": "xlsx-merged",
            "posts": [
                {
                    "name": p["name"],
                    "department": S.P2_DEPARTMENT,
                    "reports_to": p["reports_to"],
                    "duties": p["duties"],
                    "qualifications": p["qualifications"],
                }
                for p in S.P2_POSTS
            ],
        }
    )
    p3 = S.P3_POST
    docs.append(
        {
            "file": F3,
            "source": "p3",
            "layout": "word-table",
            "posts": [{k: p3[k] for k in ("name", "department", "reports_to", "duties", "qualifications")}],
        }
    )
    p4 = S.P4_POST
    docs.append(
        {
            "file": F4,
            "source": "p4",
            "layout": "word-duty-table",
            "posts": [{k: p4[k] for k in ("name", "department", "reports_to", "duties", "qualifications")}],
        }
    )
    docs.append(
        {
            "file": F5,
            "source": "p5",
            "layout": "pdf-from-word",
            "posts": [{k: p[k] for k in ("name", "department", "reports_to", "duties", "qualifications")} for p in S.P5_POSTS],
        }
    )
    docs.append(
        {
            "file": F6,
            "source": "p6",
            "layout": "markdown-web-copy",
            "posts": [
                {"name": p["name"], "department": None, "reports_to": None, "duties": p["duties"], "qualifications": []} for p in S.P6_POSTS
            ],
        }
    )
    docs.append(
        {
            "file": F7,
            "source": "p7",
            "layout": "txt-gbk",
            "posts": [
                {
                    "name": p["name"],
                    "department": None,
                    "reports_to": None,
                    "duties": [t for t, k in p["items"] if k == "d"],
                    "qualifications": [t for t, k in p["items"] if k == "q"],
                }
                for p in S.P7_POSTS
            ],
        }
    )
    return {"sources": S.SOURCES, "documents": docs}


HEAD = """# Gold for tests/data/jobdocs/heldout34: what a perfect importer returns for each document.
# Written by make/build.py from make/sources.py; do not edit by hand.
# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and
# reports_to as written in the document, or null where it gives none.
"""


def write_gold(g: dict) -> None:
    text = yaml.safe_dump(g, allow_unicode=True, sort_keys=False, width=1000)
    (HERE / "gold.yaml").write_text(HEAD + text, encoding="utf-8")


# ---------------------------------------------------------------- check


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            for c in row.cells:
                parts.append(c.text)
    sec = doc.sections[0]
    parts += [p.text for p in sec.header.paragraphs] + [p.text for p in sec.footer.paragraphs]
    return "\n".join(parts)


def file_text(path: Path) -> str:
    if path.suffix == ".docx":
        return docx_text(path)
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path)
        return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    if path.suffix == ".pdf":
        out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
        return re.sub(r"\s+", "", out)
    if path.suffix == ".txt":
        return path.read_bytes().decode("gbk")
    return path.read_text(encoding="utf-8")


NUMBERED = re.compile(r"^\s*(\d+[、.．)）]|[（(]\d+[）)]|[-•·*])")


def check(g: dict) -> None:
    problems = []
    posts = duties = quals = 0
    for d in g["documents"]:
        text = file_text(HERE / d["file"])
        squash = d["file"].endswith(".pdf")
        for p in d["posts"]:
            posts += 1
            wanted = [p["name"], p["department"], p["reports_to"], *p["duties"], *p["qualifications"]]
            duties += len(p["duties"])
            quals += len(p["qualifications"])
            for w in wanted:
                if w is None:
                    continue
                probe = re.sub(r"\s+", "", w) if squash else w
                if probe not in text:
                    problems.append(f"{d['file']}: not found: {w}")
            for w in [*p["duties"], *p["qualifications"]]:
                if NUMBERED.match(w):
                    problems.append(f"{d['file']}: keeps a number or bullet: {w}")
    if problems:
        raise SystemExit("\n".join(problems))
    print(f"ok: {len(g['documents'])} documents, {posts} posts, {duties} duties, {quals} qualifications")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pdf", action="store_true", help="export the PDF again through LibreOffice")
    args = ap.parse_args()
    build_f1()
    build_f2()
    build_f3()
    build_f4()
    build_f5(args.pdf)
    build_f6()
    build_f7()
    g = gold()
    write_gold(g)
    check(g)


if __name__ == "__main__":
    main()
