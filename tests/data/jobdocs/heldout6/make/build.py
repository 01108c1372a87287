"""Build tests/data/jobdocs/heldout6: nine job-description files and gold.yaml.

The documents are made the way an HR department makes them in Word/WPS, Excel and Notepad, from the
page texts in sources.py; the gold is written from the same data, never by hand, and every gold
string is then looked for in the document it belongs to, so a slip in a builder fails the build.

    python tests/data/jobdocs/heldout6/make/build.py          # .docx, .xlsx, .md, .txt, gold.yaml
    python tests/data/jobdocs/heldout6/make/build.py --pdf    # also the PDF (LibreOffice)

Bytes are reproducible: fixed core properties, fixed zip entry times, and for the PDF a throw-away
LibreOffice profile, TZ=UTC, and its dates and ids overwritten in place with same-length constants.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any, cast

import openpyxl
import yaml
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True

import sources as S  # noqa: E402

FIXED = dt.datetime(2024, 3, 1, 9, 0, 0)
ZIP_TIME = (2024, 3, 1, 9, 0, 0)
CENTER = WD_ALIGN_PARAGRAPH.CENTER
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
LABEL_FILL = "F2F2F2"
SECTION_FILL = "D9D9D9"


# --------------------------------------------------------------------------------------------
# Word helpers


def _east_asia(style_or_run_element: Any, font: str) -> None:
    rpr = style_or_run_element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), font)


def new_doc(title: str) -> DocxDocument:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.54)
    sec.header_distance = sec.footer_distance = Cm(1.5)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(10.5)
    _east_asia(normal.element, "宋体")
    for name, size in (("Heading 1", 15), ("Heading 2", 12), ("Title", 20)):
        st = doc.styles[name]
        st.font.name = "Times New Roman"
        st.font.size = Pt(size)
        st.font.bold = True
        st.font.color.rgb = None
        _east_asia(st.element, "黑体")
    cp = doc.core_properties
    cp.title = title
    cp.subject = ""
    cp.author = "人力资源部"
    cp.last_modified_by = "HR-01"
    cp.comments = ""
    cp.keywords = ""
    cp.category = ""
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 3
    return doc


def para(
    doc_or_cell: Any,
    text: str = "",
    *,
    bold: bool = False,
    size: float | None = None,
    align: Any = None,
    style: str | None = None,
    indent_cm: float | None = None,
    space_after: float | None = None,
) -> Paragraph:
    p = doc_or_cell.add_paragraph(style=style) if style else doc_or_cell.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if indent_cm is not None:
        p.paragraph_format.first_line_indent = Cm(indent_cm)
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return cast(Paragraph, p)


def shade(cell: _Cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def fill(
    cell: _Cell, lines: str | list[str], *, bold: bool = False, align: Any = None, fill_colour: str | None = None, middle: bool = True
) -> _Cell:
    if isinstance(lines, str):
        lines = [lines]
    for i, line in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        run = p.add_run(line)
        run.bold = bold
        if align is not None:
            p.alignment = align
    if fill_colour:
        shade(cell, fill_colour)
    if middle:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return cell


def label(cell: _Cell, text: str) -> _Cell:
    return fill(cell, text, bold=True, align=CENTER, fill_colour=LABEL_FILL)


def widths(table: Table, cms: list[float]) -> None:
    table.autofit = False
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), cms, strict=True):
        col.set(qn("w:w"), str(int(w * 567)))
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            if i < len(cms):
                cell.width = Cm(cms[i])


def grid(doc: DocxDocument, rows: int, cols: int, cms: list[float]) -> Table:
    t = doc.add_table(rows=rows, cols=cols)
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths(t, cms)
    return cast(Table, t)


def field(p: Paragraph, instr: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    p._p.append(fld)


def header_footer(doc: DocxDocument, header: str, footer: str | None) -> None:
    """footer: None for none, 'n-of-m' for 第 n 页 共 m 页, 'dash' for - n -, 'n' for 第 n 页."""
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = header
    hp.alignment = CENTER
    if footer is None:
        return
    fp = sec.footer.paragraphs[0]
    fp.alignment = CENTER
    if footer == "n-of-m":
        fp.add_run("第 ")
        field(fp, " PAGE ")
        fp.add_run(" 页 共 ")
        field(fp, " NUMPAGES ")
        fp.add_run(" 页")
    elif footer == "dash":
        fp.add_run("- ")
        field(fp, " PAGE ")
        fp.add_run(" -")
    else:
        fp.add_run("第 ")
        field(fp, " PAGE ")
        fp.add_run(" 页")


def page_break(doc: DocxDocument) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def save_zip(build: Any, path: Path) -> None:
    """Save through build(path) and rewrite the zip with fixed entry times (same order, same bytes)."""
    tmp = path.with_name(path.name + ".tmp")
    build(tmp)
    with zipfile.ZipFile(tmp) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                    rb"\g<1>2024-03-01T09:00:00Z\g<2>",
                    data,
                )
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    tmp.unlink()


# --------------------------------------------------------------------------------------------
# w1: 店长, the classic four-column form


def build_w1(path: Path) -> None:
    d = S.W1
    doc = new_doc("店长岗位说明书")
    header_footer(doc, f"{S.COMPANY}　　　　岗位说明书", "n-of-m")
    para(doc, S.COMPANY, bold=True, size=14, align=CENTER)
    para(doc, "岗位说明书", bold=True, size=18, align=CENTER)
    para(doc, "文件编号：JH-HR-GW-012　　版本：A/1　　生效日期：2024年3月1日", size=9, align=RIGHT)
    t = grid(doc, 8, 4, [2.6, 5.4, 2.6, 5.4])
    rows = [
        ("岗位名称", d["post"], "岗位编号", d["code"]),
        ("所属部门", d["department"], "直接上级", d["reports_to"]),
        ("直接下级", d["subordinates"], "岗位定员", d["headcount"]),
    ]
    for r, (a, b, c, e) in enumerate(rows):
        label(t.cell(r, 0), a)
        fill(t.cell(r, 1), b, align=CENTER)
        label(t.cell(r, 2), c)
        fill(t.cell(r, 3), e, align=CENTER)
    wide = [
        ("岗位概述", [d["summary"]]),
        ("岗位职责", [f"{i}、{x}" for i, x in enumerate(d["duties"], 1)]),
        ("任职资格", [f"{i}、{x}" for i, x in enumerate(d["qualifications"], 1)]),
        ("工作时间", [d["hours"]]),
        ("备　　注", ["本说明书自生效日期起执行，由人力资源部负责解释。"]),
    ]
    for k, (lab, lines) in enumerate(wide, start=3):
        label(t.cell(k, 0), lab)
        fill(t.cell(k, 1).merge(t.cell(k, 3)), lines)
    para(doc)
    s = grid(doc, 2, 6, [2.2, 3.1, 2.2, 3.1, 2.2, 3.2])
    for k, who in enumerate(("编制人", "审核人", "批准人")):
        label(s.cell(0, 2 * k), who)
        label(s.cell(1, 2 * k), "日　期")
    para(doc, "任职者签字：　　　　　　　　　　日期：　　　年　　月　　日", space_after=0)
    save_zip(doc.save, path)


# --------------------------------------------------------------------------------------------
# w2: 电商客服, one table with section rows, a 序号 column and a 考核标准 column


def build_w2(path: Path) -> None:
    d = S.W2
    doc = new_doc("职位说明书-电商客服")
    header_footer(doc, S.COMPANY, "n")
    para(doc, "职位说明书", bold=True, size=16, align=CENTER)
    n_duty, n_qual = len(d["duties"]), len(d["qualifications"])
    nrows = 1 + 4 + 2 + n_duty + 1 + n_qual + 2
    t = grid(doc, nrows, 4, [2.2, 5.8, 3.0, 5.0])

    def section(r: int, text: str) -> None:
        fill(t.cell(r, 0).merge(t.cell(r, 3)), text, bold=True, fill_colour=SECTION_FILL)

    r = 0
    section(r, "一、基本信息")
    r += 1
    for a, b, c, e in (
        ("职位名称", d["post"], "职位编号", d["code"]),
        ("所属部门", d["department"], "汇报对象", d["reports_to"]),
        ("职位等级", d["grade"], "编制人数", d["headcount"]),
    ):
        label(t.cell(r, 0), a)
        fill(t.cell(r, 1), b)
        label(t.cell(r, 2), c)
        fill(t.cell(r, 3), e)
        r += 1
    label(t.cell(r, 0), "职位概要")
    fill(t.cell(r, 1).merge(t.cell(r, 3)), d["summary"])
    r += 1
    section(r, "二、工作职责")
    r += 1
    label(t.cell(r, 0), "序号")
    label(t.cell(r, 1).merge(t.cell(r, 2)), "职责描述")
    label(t.cell(r, 3), "考核标准")
    r += 1
    for i, (duty, kpi) in enumerate(zip(d["duties"], d["kpis"], strict=True), 1):
        fill(t.cell(r, 0), str(i), align=CENTER)
        fill(t.cell(r, 1).merge(t.cell(r, 2)), duty)
        fill(t.cell(r, 3), kpi)
        r += 1
    section(r, "三、任职要求")
    r += 1
    for i, q in enumerate(d["qualifications"], 1):
        fill(t.cell(r, 0), str(i), align=CENTER)
        fill(t.cell(r, 1).merge(t.cell(r, 3)), q)
        r += 1
    section(r, "四、签字确认")
    r += 1
    label(t.cell(r, 0), "任职者")
    fill(t.cell(r, 1), "")
    label(t.cell(r, 2), "直接上级")
    fill(t.cell(r, 3), "")
    para(doc, "注：本职位说明书一式两份，人力资源部与任职者各执一份。", size=9)
    save_zip(doc.save, path)


# --------------------------------------------------------------------------------------------
# w3: 客服主管, a Word form with a cover and a revision table, exported to PDF


def build_w3_docx(path: Path) -> None:
    d = S.W3
    doc = new_doc("客服主管岗位说明书")
    header_footer(doc, f"{S.COMPANY}　客服主管岗位说明书", "n-of-m")
    for _ in range(6):
        para(doc)
    para(doc, S.COMPANY, bold=True, size=16, align=CENTER)
    para(doc)
    para(doc, "客服主管岗位说明书", bold=True, size=26, align=CENTER)
    for _ in range(8):
        para(doc)
    for line in ("文件编号：JH-KF-GW-003", "版　　本：V2.1", "编制部门：人力资源部", "生效日期：2024年3月1日"):
        para(doc, line, size=12, align=CENTER)
    page_break(doc)
    para(doc, "修订记录", bold=True, size=12, align=CENTER)
    rev = grid(doc, 4, 4, [2.0, 3.0, 7.5, 3.5])
    for c, h in enumerate(("版本", "修订日期", "修订内容", "修订人")):
        label(rev.cell(0, c), h)
    for r, row in enumerate(
        (
            ("V1.0", "2022-05-10", "首次发布", "人力资源部"),
            ("V2.0", "2023-06-01", "调整直接下级，增加质检员", "人力资源部"),
            ("V2.1", "2024-02-20", "增补数据分析与报告职责", "人力资源部"),
        ),
        start=1,
    ):
        for c, v in enumerate(row):
            fill(rev.cell(r, c), v, align=CENTER)
    para(doc)
    para(doc, "一、岗位基本信息", style="Heading 2")
    info = grid(doc, len(d["info"]), 2, [3.5, 12.5])
    for r, (a, b) in enumerate(d["info"]):
        label(info.cell(r, 0), a)
        fill(info.cell(r, 1), b)
    para(doc, "二、岗位职责", style="Heading 2")
    for i, (group, duties) in enumerate(d["groups"], 1):
        para(doc, f"{i}. {group}", bold=True)
        for duty in duties:
            para(doc, duty, style="List Bullet")
    para(doc, "三、关键绩效指标（KPI）", style="Heading 2")
    k = grid(doc, len(d["kpis"]) + 1, 4, [1.5, 6.5, 3.5, 4.5])
    for c, h in enumerate(("序号", "指标名称", "考核周期", "目标值")):
        label(k.cell(0, c), h)
    for r, (name, period, target) in enumerate(d["kpis"], 1):
        fill(k.cell(r, 0), str(r), align=CENTER)
        fill(k.cell(r, 1), name)
        fill(k.cell(r, 2), period, align=CENTER)
        fill(k.cell(r, 3), target, align=CENTER)
    para(doc, "四、审批", style="Heading 2")
    a = grid(doc, 3, 4, [3.0, 4.3, 4.3, 4.4])
    label(a.cell(0, 0), "")
    for c, h in enumerate(("编制", "审核", "批准"), 1):
        label(a.cell(0, c), h)
    label(a.cell(1, 0), "签　字")
    label(a.cell(2, 0), "日　期")
    save_zip(doc.save, path)


def _zero_hex(m: re.Match[bytes]) -> bytes:
    return m.group(1) + b"0" * len(m.group(2)) + m.group(3)


def _pdf_constants(data: bytes) -> bytes:
    """Overwrite the PDF's dates, ids and checksum in place with same-length constants."""

    def date(m: re.Match[bytes]) -> bytes:
        new = b"D:20240301090000" + m.group(1)
        if len(new) != len(m.group(0)):
            raise SystemExit(f"PDF date of another shape: {m.group(0)!r}")
        return new

    out = re.sub(rb"D:\d{14}([^)>]*)", date, data)
    out = re.sub(rb"(/DocChecksum\s*/)([0-9A-F]+)()", _zero_hex, out)
    out = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>)", _zero_hex, out)
    out = re.sub(rb"(/ID\s*\[\s*<0+>\s*<)([0-9A-Fa-f]+)(>)", _zero_hex, out)
    if len(out) != len(data):
        raise SystemExit("PDF length changed")
    return out


# LibreOffice orders the embedded fonts by address: without address-space randomisation (setarch -R)
# the order, and so the bytes, are the same from run to run.
SETARCH = ["setarch", os.uname().machine, "-R"] if shutil.which("setarch") else []


def build_w3_pdf(path: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="heldout6-") as tmp:
        tmpd = Path(tmp)
        src = tmpd / "客服主管岗位说明书.docx"
        build_w3_docx(src)
        env = dict(os.environ, TZ="UTC", HOME=str(tmpd))
        subprocess.run(
            [
                *SETARCH,
                "soffice",
                f"-env:UserInstallation=file://{tmpd}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmpd),
                str(src),
            ],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        data = (tmpd / "客服主管岗位说明书.pdf").read_bytes()
    path.write_bytes(_pdf_constants(data))


# --------------------------------------------------------------------------------------------
# w4: the 电商部 handbook: cover, Heading 1 chapters, posts as bold lines, typed "1." duties


def build_w4(path: Path) -> None:
    d = S.W4
    doc = new_doc("电商部岗位职责手册")
    header_footer(doc, f"{S.COMPANY}　电商部岗位职责手册", "dash")
    for _ in range(8):
        para(doc)
    para(doc, S.COMPANY, bold=True, size=16, align=CENTER)
    para(doc, "电商部岗位职责手册", bold=True, size=26, align=CENTER)
    para(doc, "（2024年版）", size=14, align=CENTER)
    for _ in range(12):
        para(doc)
    para(doc, "人力资源部　编制", size=12, align=CENTER)
    para(doc, "二〇二四年三月", size=12, align=CENTER)
    page_break(doc)
    para(doc, "第一章　总则", style="Heading 1")
    para(doc, "一、目的：为明确电商部各岗位的工作职责，规范部门分工与协作，提高工作效率，特制定本手册。", indent_cm=0.74)
    para(doc, "二、适用范围：本手册适用于公司电商部全体岗位。", indent_cm=0.74)
    para(doc, "三、各岗位人员应熟悉本岗位职责，并服从部门的统一安排。", indent_cm=0.74)
    para(doc, "第二章　岗位设置", style="Heading 1")
    para(doc, d["lead"], indent_cm=0.74)
    names = "、".join(name for name, _ in d["posts"])
    para(doc, f"本部门现设{names}共{len(d['posts'])}个岗位，各岗位编制由人力资源部按年度核定。", indent_cm=0.74)
    para(doc, "第三章　岗位职责", style="Heading 1")
    cn = "一二三四五六七八九十"
    for k, (name, duties) in enumerate(d["posts"]):
        para(doc, f"{cn[k]}、{name}", bold=True)
        for i, duty in enumerate(duties, 1):
            para(doc, f"{i}.{duty}", indent_cm=0.74)
    para(doc, "第四章　附则", style="Heading 1")
    para(doc, "一、本手册由人力资源部负责解释，自发布之日起执行。", indent_cm=0.74)
    para(doc, "二、岗位职责如有调整，以公司最新发文为准。", indent_cm=0.74)
    save_zip(doc.save, path)


# --------------------------------------------------------------------------------------------
# w5: the convenience-store 岗位职责表: 部门, 岗位, 直接上级 merged down the posts' rows


def build_w5(path: Path) -> None:
    d = S.W5
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body = Font(name="宋体", size=11)
    head = Font(name="宋体", size=11, bold=True)
    wrap = Alignment(wrap_text=True, vertical="center")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells("A1:G1")
    ws["A1"] = "嘉和便利店岗位职责表"
    ws["A1"].font = Font(name="宋体", size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    ws.merge_cells("A2:G2")
    ws["A2"] = "编制部门：人力资源部　　　　　　更新日期：2024年3月1日"
    ws["A2"].font = body
    ws["A2"].alignment = Alignment(horizontal="right", vertical="center")
    headers = ["部门", "岗位名称", "直接上级", "序号", "岗位职责", "任职要求", "备注"]
    for c, h in enumerate(headers, 1):
        cell = ws.cell(row=3, column=c, value=h)
        cell.font = head
        cell.alignment = centre
        cell.border = border
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
    row = 4
    first = row
    notes = {"店员": "兼职店员参照执行"}
    for name, boss, duties in d["posts"]:
        start = row
        for i, duty in enumerate(duties, 1):
            ws.cell(row=row, column=4, value=i).alignment = centre
            ws.cell(row=row, column=5, value=duty).alignment = wrap
            row += 1
        end = row - 1
        ws.cell(row=start, column=2, value=name)
        ws.cell(row=start, column=3, value=boss)
        if name in notes:
            ws.cell(row=start, column=7, value=notes[name])
        for col in (2, 3, 6, 7):
            ws.merge_cells(start_row=start, start_column=col, end_row=end, end_column=col)
            ws.cell(row=start, column=col).alignment = centre
    last = row - 1
    ws.cell(row=first, column=1, value=d["department"])
    ws.merge_cells(start_row=first, start_column=1, end_row=last, end_column=1)
    ws.cell(row=first, column=1).alignment = centre
    for r in range(first, last + 1):
        for c in range(1, 8):
            cell = ws.cell(row=r, column=c)
            cell.border = border
            cell.font = body
        ws.row_dimensions[r].height = 30
    note_row = last + 1
    ws.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=7)
    ws.cell(row=note_row, column=1, value="注：1. 本表由人力资源部统一维护，各门店不得自行修改；2. 岗位职责如有调整，以公司最新发文为准。")
    ws.cell(row=note_row, column=1).font = Font(name="宋体", size=10)
    for letter, w in zip("ABCDEFG", (12, 10, 10, 6, 60, 20, 16), strict=True):
        ws.column_dimensions[letter].width = w
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    rev = wb.create_sheet("修订记录")
    for r, values in enumerate(
        (
            ("版本", "日期", "修订内容", "修订人"),
            ("V1.0", "2023-01-05", "首次发布", "人力资源部"),
            ("V1.1", "2024-03-01", "更新店员职责，增加直接上级列", "人力资源部"),
        ),
        start=1,
    ):
        for c, v in enumerate(values, 1):
            cell = rev.cell(row=r, column=c, value=v)
            cell.border = border
            cell.font = head if r == 1 else body
    for letter, w in zip("ABCD", (8, 12, 36, 12), strict=True):
        rev.column_dimensions[letter].width = w
    props = wb.properties
    props.creator = "人力资源部"
    props.lastModifiedBy = "HR-01"
    props.title = "岗位职责表"
    props.created = FIXED
    props.modified = FIXED
    save_zip(wb.save, path)


# --------------------------------------------------------------------------------------------
# w6: 生鲜员, label lines and Word's own list numbering, a 工作标准 table


def build_w6(path: Path) -> None:
    d = S.W6
    doc = new_doc("生鲜员岗位说明书")
    header_footer(doc, "嘉和超市 · 生鲜部", None)
    para(doc, "生鲜员岗位说明书", bold=True, size=16, align=CENTER)
    para(doc, f"岗位名称：{d['post']}　　　　　　所属部门：{d['department']}")
    para(doc, f"直接上级：{d['reports_to']}　　　　　岗位定员：{d['headcount']}")
    para(doc, "一、岗位概述", bold=True)
    para(doc, d["summary"], indent_cm=0.74)
    para(doc, "二、岗位职责", bold=True)
    for duty in d["duties"]:
        para(doc, duty, style="List Number")
    para(doc, "三、工作标准与考核指标", bold=True)
    t = grid(doc, len(d["standards"]) + 1, 3, [3.0, 8.0, 5.0])
    for c, h in enumerate(d["standards_header"]):
        label(t.cell(0, c), h)
    for r, row in enumerate(d["standards"], 1):
        for c, v in enumerate(row):
            fill(t.cell(r, c), v, align=CENTER if c != 1 else None)
    para(doc)
    para(doc, "任职人签字：　　　　　　　部门负责人签字：　　　　　　　日期：　　年　　月　　日")
    save_zip(doc.save, path)


# --------------------------------------------------------------------------------------------
# w7: a web article saved as Markdown


def build_w7(path: Path) -> None:
    d = S.W7
    out = [f"# {d['title']}", "", d["lead"], "", "## 一、电商行业岗位分类概览", "", d["overview_lead"], ""]
    for item in d["overview"]:
        kind, _, rest = item.partition(":")
        out.append(f"- **{kind}**:{rest}")
    out += ["", "## 二、核心岗位职责详解", "", "### 1. 运营类岗位", ""]
    for i, post in enumerate(d["posts"], 1):
        out += [f"#### 1.{i} {post['name']}", "", "**主要职责:**", ""]
        out += [f"- {x}" for x in post["duties"]]
        out.append("")
        if post["case"]:
            out += [f"**实际案例:** {post['case']}", ""]
        if post["skills"]:
            out += ["**关键技能:**", ""]
            out += [f"- {x}" for x in post["skills"]]
            out.append("")
    out += ["---", "", "> 资料来源：网络整理，仅供内部参考。", ""]
    path.write_bytes("\n".join(out).encode("utf-8"))


# --------------------------------------------------------------------------------------------
# w8: a web article pasted into Notepad (UTF-8, CRLF)


def build_w8(path: Path) -> None:
    d = S.W8
    out = [d["lead"], "一、岗位职责"]
    for i, (title, text) in enumerate(d["duties"], 1):
        out += [f"{i}. {title}", text]
    out.append("二、工作规范")
    for i, (title, text) in enumerate(d["rules"], 1):
        out += [f"{i}. {title}", text]
    out += ["", "（以上内容转自网络，供各门店参考）", ""]
    path.write_bytes("\r\n".join(out).encode("utf-8"))


# --------------------------------------------------------------------------------------------
# w9: 收银员, a two-column form with circled numbers


def build_w9(path: Path) -> None:
    d = S.W9
    doc = new_doc("收银员岗位说明书")
    header_footer(doc, "嘉和超市　岗位说明书", None)
    para(doc, "收银员岗位说明书", bold=True, size=16, align=CENTER)
    circled = "①②③④⑤⑥⑦⑧⑨⑩"
    rows = [
        ("岗位名称", [d["post"]]),
        ("所属部门", [d["department"]]),
        ("直接上级", [d["reports_to"]]),
        ("岗位定义", [d["definition"]]),
        ("工作内容", [f"{circled[i]} {x}" for i, x in enumerate(d["duties"])]),
        ("任职条件", [f"{circled[i]} {x}" for i, x in enumerate(d["qualifications"])]),
        ("工作环境", [d["environment"]]),
    ]
    t = grid(doc, len(rows), 2, [3.0, 13.0])
    for r, (a, lines) in enumerate(rows):
        label(t.cell(r, 0), a)
        fill(t.cell(r, 1), lines)
    para(doc)
    para(doc, "说明书确认", bold=True)
    s = grid(doc, 2, 4, [3.0, 5.0, 3.0, 5.0])
    label(s.cell(0, 0), "任职者签名")
    label(s.cell(0, 2), "部门负责人签名")
    label(s.cell(1, 0), "日期")
    label(s.cell(1, 2), "日期")
    save_zip(doc.save, path)


# --------------------------------------------------------------------------------------------
# gold


def post(name: str, department: str | None, reports_to: str | None, duties: list[str], qualifications: list[str]) -> dict[str, Any]:
    return {
        "name": name,
        "department": department,
        "reports_to": reports_to,
        "duties": list(duties),
        "qualifications": list(qualifications),
    }


def gold_documents() -> list[dict[str, Any]]:
    w1, w2, w3, w4, w5, w6, w7, w8, w9 = S.W1, S.W2, S.W3, S.W4, S.W5, S.W6, S.W7, S.W8, S.W9
    return [
        {
            "file": "店长岗位说明书.docx",
            "source": "w1",
            "layout": "word-table",
            "posts": [post(w1["post"], w1["department"], w1["reports_to"], w1["duties"], w1["qualifications"])],
        },
        {
            "file": "电商客服职位说明书.docx",
            "source": "w2",
            "layout": "word-table-sections",
            "posts": [post(w2["post"], w2["department"], w2["reports_to"], w2["duties"], w2["qualifications"])],
        },
        {
            "file": "客服主管岗位说明书.pdf",
            "source": "w3",
            "layout": "pdf-from-word",
            "posts": [post(w3["post"], w3["department"], w3["reports_to"], [x for _, duties in w3["groups"] for x in duties], [])],
        },
        {
            "file": "电商部岗位职责手册.docx",
            "source": "w4",
            "layout": "word-handbook",
            "posts": [post(name, w4["department"], None, duties, []) for name, duties in w4["posts"]],
        },
        {
            "file": "便利店岗位职责表.xlsx",
            "source": "w5",
            "layout": "xlsx-merged",
            "posts": [post(name, w5["department"], boss, duties, []) for name, boss, duties in w5["posts"]],
        },
        {
            "file": "生鲜员岗位说明书.docx",
            "source": "w6",
            "layout": "word-list-numbering",
            "posts": [post(w6["post"], w6["department"], w6["reports_to"], w6["duties"], [])],
        },
        {
            "file": "电商岗位职责参考.md",
            "source": "w7",
            "layout": "markdown-web-copy",
            "posts": [post(p["name"], None, None, p["duties"], p["skills"]) for p in w7["posts"]],
        },
        {
            "file": "防损员岗位职责.txt",
            "source": "w8",
            "layout": "txt-web-copy",
            "posts": [post(w8["post"], None, None, [text for _, text in w8["duties"]], [])],
        },
        {
            "file": "收银员岗位说明书.docx",
            "source": "w9",
            "layout": "word-table-2col",
            "posts": [post(w9["post"], w9["department"], w9["reports_to"], w9["duties"], w9["qualifications"])],
        },
    ]


GOLD_HEADER = """\
# Gold for tests/data/jobdocs/heldout6: what a perfect importer returns for each document.
# Written by make/build.py from make/sources.py; do not edit by hand.
# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and
# reports_to as written in the document, or null where it gives none.
"""


def write_gold(docs: list[dict[str, Any]]) -> None:
    data = {"sources": S.SOURCES, "documents": docs}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    (OUT / "gold.yaml").write_text(GOLD_HEADER + text, encoding="utf-8")


# --------------------------------------------------------------------------------------------
# the check: every gold string is in its document


W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    lines = []
    for p in root.iter(f"{W_NS}p"):
        lines.append("".join(t.text or "" for t in p.iter(f"{W_NS}t")))
    return "\n".join(lines)


def xlsx_text(path: Path) -> str:
    wb = openpyxl.load_workbook(path)
    return "\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None)


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True)
    return out.stdout.decode("utf-8")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def check(docs: list[dict[str, Any]]) -> int:
    problems: list[str] = []
    checked = 0
    for doc in docs:
        path = OUT / doc["file"]
        if not path.exists():
            problems.append(f"{doc['file']}: missing (build it; the PDF needs --pdf)")
            continue
        suffix = path.suffix
        if suffix == ".docx":
            text, norm = docx_text(path), (lambda s: s)
        elif suffix == ".xlsx":
            text, norm = xlsx_text(path), (lambda s: s)
        elif suffix == ".pdf":
            text, norm = pdf_text(path), squash  # PDF text wraps lines: compare without whitespace
        else:
            text, norm = path.read_bytes().decode("utf-8"), (lambda s: s)
        hay = norm(text)
        for p in doc["posts"]:
            values = [p["name"], p["department"], p["reports_to"], *p["duties"], *p["qualifications"]]
            for v in values:
                if v is None:
                    continue
                checked += 1
                if norm(v) not in hay:
                    problems.append(f"{doc['file']}: not found: {v}")
            for v in [*p["duties"], *p["qualifications"]]:
                if v != v.strip() or re.match(r"^\s*(\d+[.、．]|[①-⑩]|[-*•●])", v):
                    problems.append(f"{doc['file']}: numbering or spaces left in: {v}")
    for msg in problems:
        print(msg, file=sys.stderr)
    if problems:
        raise SystemExit(1)
    return checked


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pdf", action="store_true", help="also build the PDF with LibreOffice")
    args = ap.parse_args()
    build_w1(OUT / "店长岗位说明书.docx")
    build_w2(OUT / "电商客服职位说明书.docx")
    if args.pdf:
        if shutil.which("soffice") is None:
            raise SystemExit("--pdf needs soffice (LibreOffice)")
        build_w3_pdf(OUT / "客服主管岗位说明书.pdf")
    build_w4(OUT / "电商部岗位职责手册.docx")
    build_w5(OUT / "便利店岗位职责表.xlsx")
    build_w6(OUT / "生鲜员岗位说明书.docx")
    build_w7(OUT / "电商岗位职责参考.md")
    build_w8(OUT / "防损员岗位职责.txt")
    build_w9(OUT / "收银员岗位说明书.docx")
    docs = gold_documents()
    write_gold(docs)
    n = check(docs)
    posts = sum(len(d["posts"]) for d in docs)
    duties = sum(len(p["duties"]) for d in docs for p in d["posts"])
    quals = sum(len(p["qualifications"]) for d in docs for p in d["posts"])
    print(f"{len(docs)} documents, {posts} posts, {duties} duties, {quals} qualifications; {n} gold strings found")


if __name__ == "__main__":
    main()
