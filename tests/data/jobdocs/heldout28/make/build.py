"""Build the heldout28 documents and gold.yaml from make/sources.py, then check the gold against them.

Usage: python tests/data/jobdocs/heldout28/make/build.py [--pdf]

Without --pdf the committed PDF is kept (LibreOffice output differs between machines) and only checked.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import yaml
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.page import PageMargins

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
FIXED_ISO = "2025-06-01T09:00:00Z"
FIXED_ZIP = (2025, 6, 1, 9, 0, 0)

_spec = importlib.util.spec_from_file_location("heldout28_sources", HERE / "sources.py")
assert _spec is not None and _spec.loader is not None
S: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)

F_CASHIER = "收银员岗位说明书.docx"
F_HANDBOOK = "专卖店管理部岗位职责汇编.docx"
F_AREA = "区域经理岗位职责与考核标准.docx"
F_PDF = "营运督导部岗位说明.pdf"
F_XLSX = "电商仓储岗位职责表.xlsx"
F_TXT = "服装专卖店管理制度.txt"
F_MD = "餐饮店工作描述.md"
F_FRONT = "前台收银员岗位职责.docx"
F_CLERK = "店员营业员岗位说明.docx"


# ---------------------------------------------------------------- Word helpers


def new_doc() -> Any:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.4)
    normal = doc.styles["Normal"]
    normal.font.name = "宋体"
    normal.font.size = Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.title = ""
    cp.comments = ""
    cp.revision = 1
    return doc


def add_field(par: Paragraph, code: str) -> None:
    for kind, text in (("begin", None), ("instr", code), ("separate", None), ("text", "1"), ("end", None)):
        run = par.add_run()
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
            run._r.append(el)
        elif kind == "text":
            run.text = "1"
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)


def header_footer(doc: Any, header: str, footer: str) -> None:
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = header
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if footer == "pages":
        fp.add_run("第 ")
        add_field(fp, "PAGE")
        fp.add_run(" 页 共 ")
        add_field(fp, "NUMPAGES")
        fp.add_run(" 页")
    elif footer == "dash":
        fp.add_run("- ")
        add_field(fp, "PAGE")
        fp.add_run(" -")
    else:
        fp.add_run(footer + "　　第 ")
        add_field(fp, "PAGE")
        fp.add_run(" 页")


def para(
    target: Any,
    text: str = "",
    *,
    bold: bool = False,
    size: float | None = None,
    center: bool = False,
    style: str | None = None,
    indent: float | None = None,
) -> Paragraph:
    p = target.add_paragraph(style=style) if style else target.add_paragraph()
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


def cell_text(cell: _Cell, lines: list[str] | str, *, bold: bool = False) -> None:
    if isinstance(lines, str):
        lines = [lines]
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        p = first if i == 0 else cell.add_paragraph()
        r = p.add_run(line)
        r.bold = bold


def shade(cell: _Cell, fill: str = "D9D9D9") -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def row_flag(row: _Row, tag: str) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement(tag)
    trpr.append(el)


def widths(table: Table, cms: list[float]) -> None:
    table.autofit = False
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), cms, strict=False):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, cms, strict=False):
            cell.width = Cm(w)


def label_row(table: Table, label: str, value: list[str] | str, *, ncols: int) -> _Row:
    row = table.add_row()
    cells = row.cells
    cell_text(cells[0], label, bold=True)
    shade(cells[0])
    merged = cells[1].merge(cells[ncols - 1]) if ncols > 2 else cells[1]
    cell_text(merged, value)
    return row


def page_break(doc: Any) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def deterministic_zip(data: bytes, path: Path) -> None:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                text = re.sub(r"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", rf"\g<1>{FIXED_ISO}\g<2>", text)
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rf"\g<1>{FIXED_ISO}\g<2>", text)
                body = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, body)
    path.write_bytes(buf.getvalue())


def save_docx(doc: Any, path: Path) -> None:
    buf = io.BytesIO()
    doc.save(buf)
    deterministic_zip(buf.getvalue(), path)


# ---------------------------------------------------------------- documents


def build_cashier(path: Path) -> dict[str, Any]:
    """h1: a label|value 岗位说明书 with synonyms (职位名称, 汇报对象, 工作职责, 任职要求)."""
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}　岗位说明书　HR-JD-MD-012", "pages")
    para(doc, S.COMPANY, bold=True, size=14, center=True)
    para(doc, "岗 位 说 明 书", bold=True, size=18, center=True)
    para(doc, "文件编号:HR-JD-MD-012　　版本:A/1　　生效日期:2025年6月1日", center=True)
    t = doc.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    for a, b, c, d in (
        ("职位名称", "收银员", "职位编号", "MD-SY-03"),
        ("所属部门", "门店营运部", "汇报对象", "收银主管"),
        ("下属人数", "无", "工作时间", "早晚两班轮换"),
    ):
        cells = t.add_row().cells
        for cell, txt, lab in ((cells[0], a, True), (cells[1], b, False), (cells[2], c, True), (cells[3], d, False)):
            cell_text(cell, txt, bold=lab)
            if lab:
                shade(cell)
    label_row(t, "职位概述", "在收银主管领导下,负责门店前台收银及票据、现金相关工作,为顾客提供结账服务。", ncols=4)
    duties_cell_lines: list[tuple[str, bool]] = []
    i = 0
    for n, (title, count) in enumerate(S.H1_GROUPS, 1):
        duties_cell_lines.append((f"{n}. {title}", True))
        for k in range(count):
            duties_cell_lines.append((f"（{k + 1}）{S.H1_MAIN[i]}", False))
            i += 1
    row = t.add_row()
    cell_text(row.cells[0], "工作职责", bold=True)
    shade(row.cells[0])
    merged = row.cells[1].merge(row.cells[3])
    for j, (line, bold) in enumerate(duties_cell_lines):
        p = merged.paragraphs[0] if j == 0 else merged.add_paragraph()
        p.add_run(line).bold = bold
    row = t.add_row()
    cell_text(row.cells[0], "附加职责", bold=True)
    shade(row.cells[0])
    merged = row.cells[1].merge(row.cells[3])
    for n, (title, duty) in enumerate(S.H1_EXTRA, 1):
        p = merged.paragraphs[0] if n == 1 else merged.add_paragraph()
        p.add_run(f"{n}. {title}").bold = True
        merged.add_paragraph(duty)
    label_row(t, "任职要求", S.H1_QUALS, ncols=4)
    label_row(t, "考核指标", "收银差错率、长短款金额、顾客投诉次数、票据交接及时率(按月考核,详见《门店营运部绩效考核办法》)。", ncols=4)
    label_row(t, "备　　注", "本说明书由人力资源部负责解释,每年复核一次;岗位变动时同步修订。", ncols=4)
    for a, b, c, d in (("编制", "人力资源部", "审核", "营运总监"), ("批准", "总经理", "日期", "2025年6月1日")):
        cells = t.add_row().cells
        for cell, txt, lab in ((cells[0], a, True), (cells[1], b, False), (cells[2], c, True), (cells[3], d, False)):
            cell_text(cell, txt, bold=lab)
            if lab:
                shade(cell)
    widths(t, [2.6, 5.4, 2.6, 5.4])
    para(doc)
    para(doc, "任职者签字:______________　　　　日期:______________")
    save_docx(doc, path)
    return {
        "file": path.name,
        "source": "h1",
        "layout": "word-label-value",
        "posts": [post("收银员", "门店营运部", "收银主管", S.H1_MAIN + [d for _, d in S.H1_EXTRA], S.H1_QUALS)],
    }


def build_handbook(path: Path) -> dict[str, Any]:
    """h2: a department handbook, two posts under Heading 2, one list typed, one as Word bullets."""
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}　专卖店管理部岗位职责汇编　HR-ZMD-2025-03", "pages")
    for _ in range(4):
        para(doc)
    para(doc, S.COMPANY, bold=True, size=16, center=True)
    para(doc)
    para(doc, "专卖店管理部岗位职责汇编", bold=True, size=22, center=True)
    for _ in range(6):
        para(doc)
    for line in ("文件编号:HR-ZMD-2025-03", "版　　本:V1.0", "编制部门:人力资源部", "发布日期:2025年6月1日"):
        para(doc, line, size=12, center=True)
    page_break(doc)
    para(doc, "修订记录", bold=True, size=14, center=True)
    t = doc.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for cell, txt in zip(t.rows[0].cells, ("版本", "日期", "修订内容", "修订人"), strict=True):
        cell_text(cell, txt, bold=True)
        shade(cell)
    for rowv in (("V0.9", "2025-04-10", "初稿", "王晓燕"), ("V1.0", "2025-06-01", "增加店长职责,统一格式", "王晓燕")):
        for cell, txt in zip(t.add_row().cells, rowv, strict=True):
            cell_text(cell, txt)
    widths(t, [2.0, 3.0, 8.0, 3.0])
    page_break(doc)
    doc.add_heading("一、总则", level=1)
    para(doc, "1.1　本汇编适用于公司各直营专卖店,加盟店参照执行。")
    para(doc, "1.2　各岗位人员应熟悉本岗位职责,并接受专卖店管理部的检查与考核。")
    doc.add_heading("二、岗位职责", level=1)
    doc.add_heading("2.1　专卖店店员", level=2)
    para(doc, "所属部门:专卖店管理部　　直接上级:专卖店店长　　岗位编号:ZMD-03")
    para(doc, "岗位职责:", bold=True)
    for n, duty in enumerate(S.H2_CLERK, 1):
        para(doc, f"{n}、{duty}", indent=0.74)
    doc.add_heading("2.2　专卖店店长", level=2)
    para(doc, "所属部门:专卖店管理部　　直接上级:区域经理　　岗位编号:ZMD-02")
    para(doc, "岗位职责:", bold=True)
    for duty in S.H2_MANAGER:
        para(doc, duty, style="List Bullet")
    doc.add_heading("三、附则", level=1)
    para(doc, "3.1　本汇编由人力资源部负责解释,自发布之日起执行。")
    para(doc, "3.2　区域经理岗位职责见《区域经理岗位职责与考核标准》。")
    para(doc)
    para(doc, "编制:人力资源部　　　审核:专卖店管理部　　　批准:总经理")
    save_docx(doc, path)
    return {
        "file": path.name,
        "source": "h2",
        "layout": "word-handbook",
        "posts": [
            post("专卖店店员", "专卖店管理部", "专卖店店长", S.H2_CLERK, []),
            post("专卖店店长", "专卖店管理部", "区域经理", S.H2_MANAGER, []),
        ],
    }


def build_area(path: Path) -> dict[str, Any]:
    """h3: 序号 | 职责描述 | 考核标准 | 权重, the duties in traditional characters as pasted."""
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}　区域经理岗位职责与考核标准", "pages")
    para(doc, S.COMPANY, bold=True, size=14, center=True)
    para(doc, "区域经理岗位职责与考核标准", bold=True, size=16, center=True)
    para(doc, "编号:HR-ZMD-KH-01　　　修订日期:2025年6月1日", center=True)
    t = doc.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    for a, b, c, d in (("岗位名称", "区域经理", "岗位编号", "ZMD-01"), ("所属部门", "专卖店管理部", "直接上级", "营运总监")):
        cells = t.add_row().cells
        for cell, txt, lab in ((cells[0], a, True), (cells[1], b, False), (cells[2], c, True), (cells[3], d, False)):
            cell_text(cell, txt, bold=lab)
            if lab:
                shade(cell)
    widths(t, [2.6, 5.4, 2.6, 5.4])
    para(doc)
    para(doc, "一、岗位目的", bold=True)
    para(doc, "统筹所辖区域各专卖店的销售、人员与形象管理,确保区域经营目标达成。", indent=0.74)
    para(doc, "二、岗位职责与考核标准", bold=True)
    t = doc.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for cell, txt in zip(t.rows[0].cells, ("序号", "职责描述", "考核标准", "权重"), strict=True):
        cell_text(cell, txt, bold=True)
        shade(cell)
    row_flag(t.rows[0], "w:tblHeader")
    n = 0
    for group, items in (("关键任务", S.H3_KEY), ("日常任务", S.H3_DAILY)):
        row = t.add_row()
        merged = row.cells[0].merge(row.cells[3])
        cell_text(merged, group, bold=True)
        shade(merged, "F2F2F2")
        for duty in items:
            kpi, weight = S.H3_KPI[n]
            n += 1
            row = t.add_row()
            row_flag(row, "w:cantSplit")
            for cell, txt in zip(row.cells, (str(n), duty, kpi, weight), strict=True):
                cell_text(cell, txt)
    cells = t.add_row().cells
    merged = cells[0].merge(cells[2])
    cell_text(merged, "合计", bold=True)
    cell_text(cells[3], "100%", bold=True)
    widths(t, [1.2, 8.6, 4.6, 1.6])
    para(doc)
    para(doc, "三、任职资格", bold=True)
    para(doc, "见《专卖店管理部任职资格标准》(HR-ZG-2025-02)。", indent=0.74)
    para(doc, "四、备注", bold=True)
    para(doc, "1. 考核标准中的目标值每年初由营运总监核定。", indent=0.74)
    para(doc, "2. 权重合计为100%,按季度评分。", indent=0.74)
    para(doc)
    para(doc, "编制:人力资源部　　审核:专卖店管理部　　批准:总经理　　任职者签字:__________")
    save_docx(doc, path)
    return {
        "file": path.name,
        "source": "h3",
        "layout": "word-duty-table",
        "posts": [post("区域经理", "专卖店管理部", "营运总监", S.H3_KEY + S.H3_DAILY, [])],
    }


def build_pdf_docx(path: Path) -> None:
    """h4: the Word file behind the PDF, one label|value table per post."""
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}　营运督导部岗位说明　内部资料", "pages")
    para(doc, S.COMPANY, bold=True, size=14, center=True)
    para(doc, "营运督导部岗位说明", bold=True, size=16, center=True)
    para(doc, "文件编号:YY-DD-2025-01　　版本:V1.0　　发布日期:2025年6月1日", center=True)
    para(doc, "营运督导部负责公司各门店的巡店、检查与督导工作,下设以下岗位。", indent=0.74)
    for k, p in enumerate(S.H4_POSTS, 1):
        para(doc, f"{'一二三'[k - 1]}、{p['name']}", bold=True, size=12)
        t = doc.add_table(rows=0, cols=2)
        t.style = "Table Grid"
        for label, value in (
            ("岗位名称", p["name"]),
            ("所属部门", "营运督导部"),
            ("直接上级", p["reports_to"]),
            ("岗位编号", p["code"]),
            ("岗位概述", p["overview"]),
            ("岗位职责", [f"{n}. {d}" for n, d in enumerate(p["duties"], 1)]),
            ("任职资格", [f"{n}. {q}" for n, q in enumerate(p["quals"], 1)] or "按公司任职资格标准执行。"),
        ):
            row = label_row(t, label, value, ncols=2)
            row_flag(row, "w:cantSplit")
        widths(t, [2.8, 13.2])
        para(doc)
    para(doc, "四、考核指标", bold=True, size=12)
    t = doc.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    for cell, txt in zip(t.rows[0].cells, ("指标", "权重", "说明"), strict=True):
        cell_text(cell, txt, bold=True)
        shade(cell)
    for rowv in (
        ("巡店覆盖率", "30%", "按月巡店计划完成比例"),
        ("问题整改率", "40%", "巡店问题按期整改比例"),
        ("报告及时率", "30%", "巡店报告48小时内提交"),
    ):
        for cell, txt in zip(t.add_row().cells, rowv, strict=True):
            cell_text(cell, txt)
    widths(t, [4.0, 2.0, 10.0])
    para(doc)
    para(doc, "编制:人力资源部　　审核:营运督导部　　批准:总经理　　日期:2025年6月1日")
    save_docx(doc, path)


def h4_gold() -> dict[str, Any]:
    return {
        "file": F_PDF,
        "source": "h4",
        "layout": "pdf-from-word",
        "posts": [post(p["name"], "营运督导部", p["reports_to"], p["duties"], p["quals"]) for p in S.H4_POSTS],
    }


def soffice_pdf(docx_path: Path, pdf_path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        cmd = [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            str(docx_path),
        ]
        arch = os.uname().machine
        if shutil.which("setarch"):
            cmd = ["setarch", arch, "-R", *cmd]
        env = dict(os.environ, TZ="UTC")
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        data = (Path(tmp) / (docx_path.stem + ".pdf")).read_bytes()

    def same_len(m: re.Match[bytes]) -> bytes:
        return m.group(1) + b"0" * len(m.group(2)) + m.group(3)

    data = re.sub(rb"(/CreationDate\s*\(D:)([0-9]+)", lambda m: m.group(1) + b"2025060109" + b"0" * (len(m.group(2)) - 10), data)
    data = re.sub(rb"(/ModDate\s*\(D:)([0-9]+)", lambda m: m.group(1) + b"2025060109" + b"0" * (len(m.group(2)) - 10), data)
    data = re.sub(rb"(<)([0-9A-Fa-f]{32})(>)", same_len, data)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)()", same_len, data)
    pdf_path.write_bytes(data)


def build_xlsx(path: Path) -> dict[str, Any]:
    """h5: one row per duty, 部门 / 岗位名称 / 直接上级 / 备注 merged over all rows, 职责类别 per group."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells("A1:G1")
    ws["A1"] = f"{S.SHORT}电商部仓储组岗位职责表"
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = center
    ws.merge_cells("A2:G2")
    ws["A2"] = "编制部门:人力资源部　　更新日期:2025-06-01　　版本:V1.0"
    ws["A2"].alignment = Alignment(horizontal="right")
    heads = ("序号", "部门", "岗位名称", "直接上级", "职责类别", "岗位职责", "备注")
    for c, h in enumerate(heads, 1):
        cell = ws.cell(row=3, column=c, value=h)
        cell.font = Font(bold=True)
        cell.alignment = center
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.border = border
    r = 4
    n = 0
    first = r
    for group, clauses in S.H5_GROUPS:
        gstart = r
        for clause in clauses:
            n += 1
            ws.cell(row=r, column=1, value=n).alignment = center
            ws.cell(row=r, column=6, value=clause).alignment = wrap
            r += 1
        ws.cell(row=gstart, column=5, value=group).alignment = center
        if r - 1 > gstart:
            ws.merge_cells(start_row=gstart, start_column=5, end_row=r - 1, end_column=5)
    last = r - 1
    for col, value in ((2, "电商部仓储组"), (3, "淘宝仓库管理员"), (4, "仓储主管"), (7, "定员3人,含发货、退货岗轮换")):
        ws.cell(row=first, column=col, value=value).alignment = center
        ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)
    for row in ws.iter_rows(min_row=3, max_row=last, max_col=7):
        for cell in row:
            cell.border = border
    ws.merge_cells(start_row=last + 1, start_column=1, end_row=last + 1, end_column=7)
    note = "说明:1. 本表由人力资源部会同电商部编制;2. 仓储主管职责另见《电商部岗位说明书》;3. 如有调整以最新版本为准。"
    ws.cell(row=last + 1, column=1, value=note)
    ws.cell(row=last + 1, column=1).alignment = wrap
    for col, w in zip("ABCDEFG", (6, 12, 14, 10, 14, 60, 16), strict=True):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A4"
    ws.print_title_rows = "1:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws2 = wb.create_sheet("修订记录")
    for rowv in (("版本", "日期", "修订内容", "修订人"), ("V1.0", "2025-06-01", "新建", "李倩")):
        ws2.append(rowv)
    import datetime as _dt

    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = _dt.datetime(2025, 6, 1, 9, 0, 0)
    wb.properties.modified = _dt.datetime(2025, 6, 1, 9, 0, 0)
    buf = io.BytesIO()
    wb.save(buf)
    deterministic_zip(buf.getvalue(), path)
    duties = [c for _, clauses in S.H5_GROUPS for c in clauses]
    return {
        "file": path.name,
        "source": "h5",
        "layout": "xlsx-merged",
        "posts": [post("淘宝仓库管理员", "电商部仓储组", "仓储主管", duties, [])],
    }


def build_txt(path: Path) -> dict[str, Any]:
    """h6: the page pasted into Notepad (traditional characters with the mirror's glosses)."""
    lines = [
        S.H6_TITLE,
        "時間:2022-08-12 09:13:01 制度",
        "",
        S.H6_INTRO,
        "",
        f"{S.H6_TITLE}1",
        "",
        f"一、{S.H6_NAME}工作職責(zé)",
        "",
        S.H6_LEAD,
        "",
        *[f"{n}、{d}" for n, d in enumerate(S.H6_DUTIES, 1)],
        "",
        f"二、{S.H6_NAME}的儀容儀表",
        "",
        *[f"{n}、{d}" for n, d in enumerate(S.H6_DRESS, 1)],
        "",
        f"三、{S.H6_NAME}的行為規(guī)范",
        "",
        "1、站",
        "",
        S.H6_STAND,
        "",
        "(以下略)",
        "",
        "原文地址:http://m.laquenouille.com/zhidu/5570093.html",
        "",
    ]
    text = "\r\n".join(lines)
    try:
        data = text.encode("gbk")
        enc = "gbk"
    except UnicodeEncodeError:
        data = b"\xef\xbb\xbf" + text.encode("utf-8")
        enc = "utf-8-sig"
    path.write_bytes(data)
    print(f"{path.name}: {enc}, CRLF")
    return {
        "file": path.name,
        "source": "h6",
        "layout": "txt-web-copy",
        "posts": [post(S.H6_NAME, None, None, S.H6_DUTIES, [])],
    }


def build_md(path: Path) -> dict[str, Any]:
    """h7: the page saved as Markdown; each post one paragraph (description, duty, requirement)."""
    out = [f"# {S.H7_TITLE}", "", "> 摘自网络,2025-05-20 保存,供美食广场招聘参考", "", S.H7_INTRO, ""]
    posts = []
    for name, sentences, duty_ix, qual_ix in S.H7_POSTS:
        out += [f"## {name}", "", "".join(sentences), ""]
        posts.append(post(name, None, None, [sentences[i] for i in duty_ix], [sentences[i] for i in qual_ix]))
    out += [S.H7_OUTRO, "", "---", "", f"原文:<{S.SOURCES[6]['url']}>", ""]
    path.write_text("\n".join(out), encoding="utf-8", newline="\n")
    return {"file": path.name, "source": "h7", "layout": "markdown-web-copy", "posts": posts}


def build_front(path: Path) -> dict[str, Any]:
    """h8: a short notice with the duties as Word's own numbered list (List Number, nothing typed)."""
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}　便利店事业部", "dash")
    para(doc, "前台收银员岗位职责", bold=True, size=16, center=True)
    para(doc, "所属部门:便利店事业部　　直接上级:值班店长　　发布日期:2025年6月1日", center=True)
    para(doc)
    para(doc, "一、工作内容", bold=True)
    for duty in S.H8_DUTIES:
        para(doc, duty, style="List Number")
    para(doc, "二、附则", bold=True)
    para(doc, "本岗位职责自发布之日起执行,由人力资源部负责解释。各门店可根据营业时间另行排班。", indent=0.74)
    para(doc)
    para(doc, f"{S.COMPANY}人力资源部")
    para(doc, "2025年6月1日")
    save_docx(doc, path)
    return {
        "file": path.name,
        "source": "h8",
        "layout": "word-numbered-list",
        "posts": [post("前台收银员", "便利店事业部", "值班店长", S.H8_DUTIES, [])],
    }


def build_clerk(path: Path) -> dict[str, Any]:
    """h9: a two-column 项目 | 内容 table; each duty is a 内容 cell whose 项目 cell is its title."""
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}　门店营运部", "pages")
    para(doc, "店员/营业员岗位说明", bold=True, size=16, center=True)
    para(doc, f"{S.COMPANY}　　编号:MD-DY-01", center=True)
    t = doc.add_table(rows=1, cols=2)
    t.style = "Table Grid"
    for cell, txt in zip(t.rows[0].cells, ("项目", "内容"), strict=True):
        cell_text(cell, txt, bold=True)
        shade(cell)
    for label, value in (("岗位名称", "店员/营业员"), ("所属部门", "门店营运部"), ("直接上级", "店长")):
        cells = t.add_row().cells
        cell_text(cells[0], label, bold=True)
        cell_text(cells[1], value)
    row = t.add_row()
    merged = row.cells[0].merge(row.cells[1])
    cell_text(merged, "岗位职责", bold=True)
    shade(merged, "F2F2F2")
    for title, duty in S.H9_DUTIES:
        cells = t.add_row().cells
        cell_text(cells[0], title)
        cell_text(cells[1], duty)
    cells = t.add_row().cells
    cell_text(cells[0], "任职要求", bold=True)
    cell_text(cells[1], S.H9_QUALS)
    for label, value in (("工作时间", "做六休一,早晚班轮换"), ("晋升方向", "店长助理、店长")):
        cells = t.add_row().cells
        cell_text(cells[0], label, bold=True)
        cell_text(cells[1], value)
    widths(t, [3.2, 12.8])
    para(doc)
    para(doc, "编制:人力资源部　　审核:门店营运部　　日期:2025年6月1日")
    save_docx(doc, path)
    return {
        "file": path.name,
        "source": "h9",
        "layout": "word-table-2col",
        "posts": [post("店员/营业员", "门店营运部", "店长", [d for _, d in S.H9_DUTIES], S.H9_QUALS)],
    }


def post(name: str, dept: str | None, boss: str | None, duties: list[str], quals: list[str]) -> dict[str, Any]:
    return {
        "name": name,
        "department": dept,
        "reports_to": boss,
        "duties": list(duties),
        "qualifications": list(quals),
    }


# ---------------------------------------------------------------- checks


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts: list[str] = []

    def walk_tables(tables: list[Table]) -> None:
        for table in tables:
            for row in table.rows:
                for cell in row.cells:
                    parts.extend(p.text for p in cell.paragraphs)
                    walk_tables(cell.tables)

    parts.extend(p.text for p in doc.paragraphs)
    walk_tables(doc.tables)
    return "\n".join(parts)


def xlsx_text(path: Path) -> str:
    wb = openpyxl.load_workbook(path)
    return "\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None)


def doc_text(path: Path) -> str:
    if path.suffix == ".docx":
        return docx_text(path)
    if path.suffix == ".xlsx":
        return xlsx_text(path)
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gbk")


LIST_MARK = re.compile(r"^\s*(\(?\d+[.、)）]|（\d+）|[一二三四五六七八九十]+、|[-*•●◆·])")


def squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s)


def check(gold: dict[str, Any]) -> None:
    problems = []
    n_posts = n_duties = n_quals = 0
    for d in gold["documents"]:
        text = squeeze(doc_text(OUT / d["file"]))
        for p in d["posts"]:
            n_posts += 1
            n_duties += len(p["duties"])
            n_quals += len(p["qualifications"])
            for field in ("name", "department", "reports_to"):
                if p[field] is not None and squeeze(p[field]) not in text:
                    problems.append(f"{d['file']}: {field} {p[field]!r} not in document")
            for item in p["duties"] + p["qualifications"]:
                if squeeze(item) not in text:
                    problems.append(f"{d['file']}: {item[:30]!r} not in document")
                if LIST_MARK.match(item):
                    problems.append(f"{d['file']}: {item[:30]!r} keeps a list mark")
    if problems:
        raise SystemExit("\n".join(problems))
    print(f"gold checked: {len(gold['documents'])} documents, {n_posts} posts, {n_duties} duties, {n_quals} qualifications")


HEADER = """\
# Gold for tests/data/jobdocs/heldout28: what a perfect importer returns for each document.
# Written by make/build.py from make/sources.py; do not edit by hand.
# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and
# reports_to as written in the document, or null where it gives none.
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pdf", action="store_true", help="rebuild the PDF through LibreOffice")
    args = ap.parse_args()
    docs = [
        build_cashier(OUT / F_CASHIER),
        build_handbook(OUT / F_HANDBOOK),
        build_area(OUT / F_AREA),
    ]
    if args.pdf:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "营运督导部岗位说明.docx"
            build_pdf_docx(src)
            soffice_pdf(src, OUT / F_PDF)
    docs.append(h4_gold())
    docs += [
        build_xlsx(OUT / F_XLSX),
        build_txt(OUT / F_TXT),
        build_md(OUT / F_MD),
        build_front(OUT / F_FRONT),
        build_clerk(OUT / F_CLERK),
    ]
    gold = {"sources": S.SOURCES, "documents": docs}
    body = yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=1000)
    (OUT / "gold.yaml").write_text(HEADER + body, encoding="utf-8")
    check(gold)


if __name__ == "__main__":
    main()
