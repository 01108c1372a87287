"""Build heldout8's documents and gold.yaml from sources.py, then check the gold against them.

Usage: python tests/data/jobdocs/heldout8/make/build.py [--pdf]

The documents imitate one supermarket chain's HR folder (鑫悦生活超市连锁有限公司): Word forms, a department
handbook with real multilevel list numbering, a PDF exported from a Word form whose duty table runs over a
page break with its header row repeated, a 岗位职责表 workbook, a Markdown and a Notepad (GBK, CRLF) copy of
web pages. Bytes are reproducible: zip entries get one fixed time, core-property dates are rewritten, and
the PDF's dates, /ID and /DocChecksum are overwritten in place with same-length constants.
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
from pathlib import Path
from typing import Any

import yaml
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sources as S

HERE = Path(__file__).resolve().parent.parent
FIXED_ZIP_TIME = (2025, 6, 1, 9, 0, 0)
FIXED_ISO = "2025-06-01T09:00:00Z"
FONT = "宋体"


# ---------------------------------------------------------------- determinism helpers

def rezip(path: Path) -> None:
    """Rewrite an OOXML zip with fixed entry times and fixed core-property dates."""
    with zipfile.ZipFile(path) as zin:
        items = [(info.filename, zin.read(info.filename)) for info in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            if name == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", rf"\g<1>{FIXED_ISO}\g<2>", text)
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rf"\g<1>{FIXED_ISO}\g<2>", text)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, data)
    path.write_bytes(buf.getvalue())


# ---------------------------------------------------------------- Word helpers

def new_document() -> Any:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.5)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    for name in ("Heading 1", "Heading 2", "Title"):
        st = doc.styles[name]
        st.font.name = FONT
        st.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.revision = 3
    cp.title = ""
    cp.comments = ""
    return doc


def add_field(paragraph: Any, instr: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def header_footer(doc: Any, header_text: str, footer_style: str = "page-of") -> None:
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = header_text
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if footer_style == "page-of":
        fp.add_run("第 ")
        add_field(fp, " PAGE ")
        fp.add_run(" 页 共 ")
        add_field(fp, " NUMPAGES ")
        fp.add_run(" 页")
    else:
        fp.add_run("- ")
        add_field(fp, " PAGE ")
        fp.add_run(" -")


def para(container: Any, text: str = "", bold: bool = False, size: float | None = None,
         align: Any = None, style: str | None = None) -> Any:
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    return p


def cell_text(cell: Any, lines: list[tuple[str, bool]] | str, align: Any = None) -> None:
    """Fill a cell: a string, or (text, bold) lines, one paragraph each."""
    if isinstance(lines, str):
        lines = [(lines, False)]
    first = True
    for text, bold in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        run = p.add_run(text)
        run.bold = bold
        if align is not None:
            p.alignment = align


def shade(cell: Any, fill: str = "D9D9D9") -> None:
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)


def set_widths(table: Any, widths_cm: list[float]) -> None:
    table.autofit = False
    for row in table.rows:
        for idx, w in enumerate(widths_cm):
            if idx < len(row.cells):
                row.cells[idx].width = Cm(w)


def repeat_header(row: Any) -> None:
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    trPr.append(el)


def page_break(doc: Any) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def label_value_table(doc: Any, rows: list[list[str]], widths: list[float]) -> Any:
    """A form table whose even columns are shaded labels; a row of two cells merges its value across."""
    ncols = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=ncols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for ri, values in enumerate(rows):
        cells = table.rows[ri].cells
        if len(values) == 2 and ncols > 2:
            merged = cells[1].merge(cells[ncols - 1])
            cell_text(cells[0], values[0], WD_ALIGN_PARAGRAPH.CENTER)
            shade(cells[0])
            cell_text(merged, values[1])
        else:
            for ci, v in enumerate(values):
                cell_text(cells[ci], v, WD_ALIGN_PARAGRAPH.CENTER if ci % 2 == 0 else None)
                if ci % 2 == 0:
                    shade(cells[ci])
    set_widths(table, widths)
    return table


# ---------------------------------------------------------------- y1: a handbook with multilevel numbering

def add_multilevel_numbering(doc: Any) -> str:
    """Add a '1 / 1.1 / 1.1.1' multilevel list (as Word's chapter numbering) and return its numId."""
    numbering = doc.part.numbering_part.element
    abstract_id, num_id = "90", "90"
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    absnum = etree.SubElement(numbering, f"{{{w}}}abstractNum")
    absnum.set(f"{{{w}}}abstractNumId", abstract_id)
    mlt = etree.SubElement(absnum, f"{{{w}}}multiLevelType")
    mlt.set(f"{{{w}}}val", "multilevel")
    texts = ["%1", "%1.%2", "%1.%2.%3"]
    for lvl, text in enumerate(texts):
        el = etree.SubElement(absnum, f"{{{w}}}lvl")
        el.set(f"{{{w}}}ilvl", str(lvl))
        for tag, val in (("start", "1"), ("numFmt", "decimal"), ("lvlText", text), ("lvlJc", "left")):
            sub = etree.SubElement(el, f"{{{w}}}{tag}")
            sub.set(f"{{{w}}}val", val)
        ppr = etree.SubElement(el, f"{{{w}}}pPr")
        ind = etree.SubElement(ppr, f"{{{w}}}ind")
        ind.set(f"{{{w}}}left", str(425 + 425 * lvl))
        ind.set(f"{{{w}}}hanging", str(425 + 142 * lvl))
    # abstractNum elements must precede num elements
    first_num = numbering.find(f"{{{w}}}num")
    if first_num is not None:
        first_num.addprevious(absnum)
    num = etree.SubElement(numbering, f"{{{w}}}num")
    num.set(f"{{{w}}}numId", num_id)
    an = etree.SubElement(num, f"{{{w}}}abstractNumId")
    an.set(f"{{{w}}}val", abstract_id)
    return num_id


def numbered(p: Any, num_id: str, level: int) -> None:
    pPr = p._p.get_or_add_pPr()
    numPr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), num_id)
    numPr.append(ilvl)
    numPr.append(nid)
    pPr.insert(0, numPr) if pPr.find(qn("w:pStyle")) is None else pPr.find(qn("w:pStyle")).addnext(numPr)


def build_y1(out: Path) -> dict[str, Any]:
    doc = new_document()
    header_footer(doc, f"{S.COMPANY}　　文件编号:XY-CG-003", "page-of")
    num_id = add_multilevel_numbering(doc)
    # cover
    for _ in range(6):
        para(doc)
    para(doc, S.COMPANY, bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc)
    para(doc, "采购部、促销部工作职责管理规定", bold=True, size=22, align=WD_ALIGN_PARAGRAPH.CENTER)
    for _ in range(8):
        para(doc)
    for line in ("文件编号:XY-CG-003", "版　　本:B/0", "编制部门:采购部", "发布日期:2025年6月1日"):
        para(doc, line, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    page_break(doc)
    # revision table
    para(doc, "修订记录", bold=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    rev = doc.add_table(rows=4, cols=4)
    rev.style = "Table Grid"
    for ci, h in enumerate(("版本", "修订内容", "修订人", "日期")):
        cell_text(rev.rows[0].cells[ci], [(h, True)], WD_ALIGN_PARAGRAPH.CENTER)
        shade(rev.rows[0].cells[ci])
    for ri, row in enumerate(
        [("A/0", "首次发布", "周敏", "2022-03-01"), ("A/1", "增加采购助理岗位", "周敏", "2023-08-15"),
         ("B/0", "调整采购部门经理职责,删除采购员岗位", "刘建华", "2025-06-01")], start=1):
        for ci, v in enumerate(row):
            cell_text(rev.rows[ri].cells[ci], v, WD_ALIGN_PARAGRAPH.CENTER)
    set_widths(rev, [2.0, 8.0, 2.5, 3.5])
    page_break(doc)
    para(doc, "采购部、促销部工作职责管理规定", bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)

    def h1(text: str) -> None:
        p = doc.add_paragraph(text, style="Heading 1")
        numbered(p, num_id, 0)

    h1("目的")
    para(doc, S.Y1_PURPOSE)
    h1("适用范围")
    para(doc, S.Y1_SCOPE)
    h1("相关文件")
    para(doc, "《鑫悦超市职位说明书》")
    h1("名词解释")
    para(doc, "(无)")
    h1("职责")
    posts = []
    for post in S.Y1_POSTS:
        p = doc.add_paragraph(post["heading"], style="Heading 2")
        numbered(p, num_id, 1)
        para(doc, f"所属部门:{post['department']}　　直接上级:{post['reports_to']}")
        for duty in post["duties"]:
            dp = doc.add_paragraph(duty)
            numbered(dp, num_id, 2)
        posts.append({"name": post["name"], "department": post["department"], "reports_to": post["reports_to"],
                      "duties": list(post["duties"]), "qualifications": []})
    h1("附则")
    para(doc, "本规定由采购部负责解释,自发布之日起执行。原《采购部岗位职责》(A/1版)同时废止。")
    para(doc)
    para(doc, "编制:周敏　　　　审核:刘建华　　　　批准:王志强", align=WD_ALIGN_PARAGRAPH.RIGHT)
    doc.save(out)
    rezip(out)
    return {"file": out.name, "source": "y1", "layout": "word-handbook", "posts": posts}


# ---------------------------------------------------------------- y2: a Word form exported to PDF

def build_y2_docx(out: Path) -> dict[str, Any]:
    doc = new_document()
    header_footer(doc, "鑫悦超市　岗位说明书", "page-of")
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    normal.paragraph_format.line_spacing = 1.5
    para(doc, "店长岗位说明书", bold=True, size=18, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "文件编号:HR-JD-MD-001　　版本:V2.0　　生效日期:2025年6月1日", size=10.5,
         align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "修订记录", bold=True)
    rev = doc.add_table(rows=3, cols=4)
    rev.style = "Table Grid"
    for ci, h in enumerate(("版本", "修订日期", "修订说明", "修订人")):
        cell_text(rev.rows[0].cells[ci], [(h, True)], WD_ALIGN_PARAGRAPH.CENTER)
        shade(rev.rows[0].cells[ci])
    for ri, row in enumerate([("V1.0", "2021-04-01", "新建", "陈丽"), ("V2.0", "2025-06-01", "按营运手册修订", "陈丽")],
                             start=1):
        for ci, v in enumerate(row):
            cell_text(rev.rows[ri].cells[ci], v, WD_ALIGN_PARAGRAPH.CENTER)
    set_widths(rev, [2.0, 3.0, 8.0, 3.0])
    para(doc, "一、基本信息", bold=True)
    label_value_table(doc, [
        ["岗位名称", "店长", "岗位编号", "MD-001"],
        ["所属部门", "营运部", "直接上级", "区域经理"],
        ["直接下级", "值班经理、收银主管、理货主管", "岗位定员", "每店1人"],
        ["工作地点", "所辖门店"],
    ], [3.0, 5.0, 3.0, 5.0])
    para(doc, "二、岗位职责", bold=True)
    para(doc, S.Y2_LEAD)
    table = doc.add_table(rows=1 + len(S.Y2_ROWS), cols=2)
    table.style = "Table Grid"
    for ci, h in enumerate(S.Y2_HEADER):
        cell_text(table.rows[0].cells[ci], [(h, True)], WD_ALIGN_PARAGRAPH.CENTER)
        shade(table.rows[0].cells[ci])
    repeat_header(table.rows[0])
    for ri, (item, content) in enumerate(S.Y2_ROWS, start=1):
        cell_text(table.rows[ri].cells[0], item, WD_ALIGN_PARAGRAPH.CENTER)
        cell_text(table.rows[ri].cells[1], content)
    set_widths(table, [4.5, 11.5])
    para(doc, "三、考核指标", bold=True)
    kpi = doc.add_table(rows=6, cols=3)
    kpi.style = "Table Grid"
    for ci, h in enumerate(("考核指标", "权重", "说明")):
        cell_text(kpi.rows[0].cells[ci], [(h, True)], WD_ALIGN_PARAGRAPH.CENTER)
        shade(kpi.rows[0].cells[ci])
    for ri, row in enumerate([("销售额达成率", "40%", "实际销售额/目标销售额"), ("毛利率", "20%", "按月统计"),
                              ("损耗率", "15%", "不高于公司核定标准"), ("顾客有效投诉", "10%", "每月不超过2次"),
                              ("员工流失率", "15%", "按季度统计")], start=1):
        for ci, v in enumerate(row):
            cell_text(kpi.rows[ri].cells[ci], v, WD_ALIGN_PARAGRAPH.CENTER)
    set_widths(kpi, [4.5, 2.5, 9.0])
    para(doc, "四、审批", bold=True)
    sign = doc.add_table(rows=2, cols=3)
    sign.style = "Table Grid"
    for ci, h in enumerate(("编制", "审核", "批准")):
        cell_text(sign.rows[0].cells[ci], [(h, True)], WD_ALIGN_PARAGRAPH.CENTER)
        cell_text(sign.rows[1].cells[ci], "签字:　　　　日期:")
    doc.save(out)
    rezip(out)
    post = {"name": "店长", "department": "营运部", "reports_to": "区域经理",
            "duties": [content for _, content in S.Y2_ROWS], "qualifications": []}
    return {"file": out.with_suffix(".pdf").name, "source": "y2", "layout": "pdf-from-word", "posts": [post]}


def convert_pdf(docx_path: Path, outdir: Path) -> Path:
    profile = Path(tempfile.mkdtemp(prefix="h8-lo-"))
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
           "--outdir", str(outdir), str(docx_path)]
    if shutil.which("setarch"):
        cmd = ["setarch", platform.machine(), "-R", *cmd]
    env = dict(os.environ, TZ="UTC")
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(profile, ignore_errors=True)
    return outdir / docx_path.with_suffix(".pdf").name


def fix_pdf(data: bytes) -> bytes:
    """Overwrite dates, /ID and /DocChecksum with same-length constants (no xref offset moves)."""
    def same_len(m: re.Match[bytes], fill: bytes) -> bytes:
        inner = m.group(2)
        const = (fill * (len(inner) // len(fill) + 1))[: len(inner)]
        return m.group(1) + const + m.group(3)

    def date(m: re.Match[bytes]) -> bytes:
        inner = m.group(2)
        const = b"D:20250601090000" + inner[16:]
        assert len(const) == len(inner)
        return m.group(1) + const + m.group(3)

    data = re.sub(rb"(/CreationDate\s*\()([^)]*)(\))", date, data)
    data = re.sub(rb"(/ModDate\s*\()([^)]*)(\))", date, data)
    data = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>)", lambda m: same_len(m, b"0123456789ABCDEF"), data)
    data = re.sub(rb"(>\s*<)([0-9A-Fa-f]+)(>\s*\])", lambda m: same_len(m, b"FEDCBA9876543210"), data)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)()", lambda m: same_len(m, b"0"), data)
    return data


# ---------------------------------------------------------------- y3: a four-column Word form

def build_y3(out: Path) -> dict[str, Any]:
    doc = new_document()
    header_footer(doc, f"{S.COMPANY}　电商部", "page-of")
    para(doc, S.COMPANY, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "电商客服岗位说明书", bold=True, size=18, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "编号:XY-DS-JD-07　　　　　　　　　　　　　　　　修订日期:2025年6月", size=9)
    duty_lines: list[tuple[str, bool]] = []
    for gi, (group, items) in enumerate(S.Y3_GROUPS, start=1):
        duty_lines.append((f"{gi}. {group}", True))
        for ii, item in enumerate(items, start=1):
            duty_lines.append((f"（{ii}）{item}", False))
    qual_lines = [(f"{i}、{q}", False) for i, q in enumerate(S.Y3_QUALS, start=1)]
    rows: list[list[Any]] = [
        ["岗位名称", "电商客服", "岗位编号", "DS-KF-02"],
        ["所属部门", "电商部", "直接上级", "客服主管"],
        ["直接下级", "无", "岗位定员", "6人"],
        ["岗位概述", S.Y3_SUMMARY],
        ["岗位职责", duty_lines],
        ["任职资格", qual_lines],
        ["考核指标", "首次响应时间≤30秒;咨询转化率;客户满意度≥95%;差评处理及时率100%"],
        ["备注", "本说明书由电商部提出,人力资源部归口管理,每年修订一次。"],
    ]
    table = doc.add_table(rows=len(rows) + 1, cols=4)
    table.style = "Table Grid"
    for ri, values in enumerate(rows):
        cells = table.rows[ri].cells
        if len(values) == 2:
            merged = cells[1].merge(cells[3])
            cell_text(cells[0], values[0], WD_ALIGN_PARAGRAPH.CENTER)
            shade(cells[0])
            cell_text(merged, values[1])
        else:
            for ci, v in enumerate(values):
                cell_text(cells[ci], v, WD_ALIGN_PARAGRAPH.CENTER)
                if ci % 2 == 0:
                    shade(cells[ci])
    last = table.rows[len(rows)].cells
    merged = last[0].merge(last[3])
    cell_text(merged, "编制人:　　　　　　审核人:　　　　　　批准人:　　　　　　")
    set_widths(table, [2.6, 5.4, 2.6, 5.4])
    para(doc)
    para(doc, "任职者签字:＿＿＿＿＿＿　　　　日期:＿＿＿＿年＿＿月＿＿日")
    doc.save(out)
    rezip(out)
    post = {"name": "电商客服", "department": "电商部", "reports_to": "客服主管",
            "duties": [d for _, items in S.Y3_GROUPS for d in items], "qualifications": list(S.Y3_QUALS)}
    return {"file": out.name, "source": "y3", "layout": "word-table", "posts": [post]}


# ---------------------------------------------------------------- y4: a web article saved as Markdown

def build_y4(out: Path) -> dict[str, Any]:
    lines = ["# 社区运营岗位要求", "", "发布时间:2024-11-06 · 阅读 2.3k · 分类:职场", "",
             "## 一、岗位概述", "", S.Y4_SUMMARY, "", "## 二、岗位职责", ""]
    for gi, (group, items) in enumerate(S.Y4_GROUPS, start=1):
        lines += [f"### {gi}、{group}", ""]
        lines += [f"- {d}" for d in items]
        lines.append("")
    lines += ["## 三、岗位要求", ""]
    for gi, (group, items) in enumerate(S.Y4_QUAL_GROUPS, start=1):
        lines += [f"### {gi}、{group}", ""]
        lines += [f"- {q}" for q in items]
        lines.append("")
    lines += ["---", "", "原文地址:https://www.oo7.cn/31335.html (复制于2025-06-03,会员社群招聘参考)", ""]
    out.write_text("\n".join(lines), encoding="utf-8", newline="\n")
    post = {"name": "社区运营", "department": None, "reports_to": None,
            "duties": [d for _, items in S.Y4_GROUPS for d in items],
            "qualifications": [q for _, items in S.Y4_QUAL_GROUPS for q in items]}
    return {"file": out.name, "source": "y4", "layout": "markdown-web-copy", "posts": [post]}


# ---------------------------------------------------------------- y5: a 岗位职责表 workbook

def build_y5(out: Path) -> dict[str, Any]:
    wb = Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    headers = ["序号", "岗位名称", "所属部门", "直接上级", "岗位职责", "任职要求", "定员", "备注"]
    ncol = len(headers)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.cell(1, 1, "鑫悦超市物流中心仓储部岗位职责表").font = Font(name=FONT, bold=True, size=16)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=4)
    ws.cell(2, 1, "编制部门:人力资源部")
    ws.merge_cells(start_row=2, start_column=5, end_row=2, end_column=ncol)
    ws.cell(2, 5, "更新日期:2025-06-01").alignment = Alignment(horizontal="right")
    for ci, h in enumerate(headers, start=1):
        c = ws.cell(3, ci, h)
        c.font = Font(name=FONT, bold=True)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
        c.alignment = Alignment(horizontal="center", vertical="center")
        c.border = border
    first = 4
    posts = []
    notes = {"包装工": "旺季可增设临时工", "仓库经理": "兼管退货仓"}
    heads = {"仓库经理": 1, "仓储主管": 2, "收货员": 4, "发货员": 4, "库存管理员": 2, "拣货员": 8, "包装工": 6}
    for i, (name, boss, duty) in enumerate(S.Y5_POSTS):
        r = first + i
        values = [i + 1, name, "仓储部" if i == 0 else None, boss, duty, None, heads[name], notes.get(name)]
        for ci, v in enumerate(values, start=1):
            c = ws.cell(r, ci, v)
            c.font = Font(name=FONT, size=11)
            c.alignment = Alignment(vertical="center", wrap_text=True,
                                    horizontal="left" if ci == 5 else "center")
            c.border = border
        posts.append({"name": name, "department": "仓储部", "reports_to": boss, "duties": [duty],
                      "qualifications": []})
    last = first + len(S.Y5_POSTS) - 1
    ws.merge_cells(start_row=first, start_column=3, end_row=last, end_column=3)
    note_row = last + 1
    ws.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=ncol)
    ws.cell(note_row, 1, "说明:本表所列为岗位主要职责,未尽事宜按公司《仓储管理制度》执行;任职要求见招聘需求表。")
    ws.cell(note_row, 1).alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[note_row].height = 30
    for col, width in zip("ABCDEFGH", (6, 12, 10, 10, 48, 16, 6, 16), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    rev = wb.create_sheet("修订记录")
    for row in (["版本", "日期", "修订内容", "修订人"], ["V1", "2023-02-10", "新建", "人力资源部"],
                ["V2", "2025-06-01", "增加包装工;拣货员定员调整为8人", "人力资源部"]):
        rev.append(row)
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.save(out)
    rezip(out)
    return {"file": out.name, "source": "y5", "layout": "xlsx-merged", "posts": posts}


# ---------------------------------------------------------------- y6: a web page pasted into Notepad (GBK)

def build_y6(out: Path) -> dict[str, Any]:
    lines = ["网店运营的岗位职责与任职要求", "", "2025-06-22　来源:网络", "", S.Y6_LEAD, "",
             "一、网店运营的主要岗位职责", ""]
    for i, (title, text) in enumerate(S.Y6_DUTIES, start=1):
        lines += [f"{i}. {title}", "", text, ""]
    lines += ["二、网店运营的任职要求", ""]
    for i, (title, text) in enumerate(S.Y6_QUALS, start=1):
        lines += [f"{i}. {title}", "", text, ""]
    lines += ["(以上内容复制自网页,供电商部招聘网店运营时参考)", ""]
    out.write_bytes("\r\n".join(lines).encode("gbk"))
    post = {"name": "网店运营", "department": None, "reports_to": None,
            "duties": [t for _, t in S.Y6_DUTIES], "qualifications": [t for _, t in S.Y6_QUALS]}
    return {"file": out.name, "source": "y6", "layout": "txt-web-copy", "posts": [post]}


# ---------------------------------------------------------------- y7: a two-column 项目 | 内容 Word table

def build_y7(out: Path) -> dict[str, Any]:
    doc = new_document()
    header_footer(doc, "鑫悦超市　防损部", "dash")
    para(doc, "超市防损员岗位说明", bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc)
    duties = " ".join(f"{i}. {d}" for i, d in enumerate(S.Y7_DUTIES, start=1))
    skills = " ".join(f"{i}. {s}" for i, s in enumerate(S.Y7_SKILLS, start=1))
    rows = [("项目", "内容"), ("岗位名称", "超市防损员"), ("别称", "防损专员 / 安保人员"), ("所属部门", "防损部"),
            ("直接上级", "防损主管"), ("主要职责", duties), *S.Y7_ROWS_AFTER, ("所需技能", skills), *S.Y7_ROWS_END]
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for ri, (k, v) in enumerate(rows):
        cells = table.rows[ri].cells
        cell_text(cells[0], [(k, ri == 0)], WD_ALIGN_PARAGRAPH.CENTER)
        cell_text(cells[1], [(v, ri == 0)], WD_ALIGN_PARAGRAPH.CENTER if ri == 0 else None)
        if ri == 0:
            shade(cells[0])
            shade(cells[1])
    set_widths(table, [3.5, 12.5])
    para(doc)
    para(doc, "编制:防损部　　　　审核:　　　　　　日期:2025年6月")
    doc.save(out)
    rezip(out)
    post = {"name": "超市防损员", "department": "防损部", "reports_to": "防损主管",
            "duties": list(S.Y7_DUTIES), "qualifications": list(S.Y7_SKILLS)}
    return {"file": out.name, "source": "y7", "layout": "word-table-2col", "posts": [post]}


# ---------------------------------------------------------------- reading back and checking

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(path: Path) -> str:
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if re.match(r"word/(document|header\d*|footer\d*)\.xml$", name):
                root = etree.fromstring(z.read(name))
                for p in root.iter(f"{W_NS}p"):
                    out.append("".join(t.text or "" for t in p.iter(f"{W_NS}t")))
    return "\n".join(out)


def document_text(path: Path) -> tuple[str, bool]:
    """The document's text, and whether whitespace should be ignored when comparing (PDF)."""
    if path.suffix == ".docx":
        return docx_text(path), False
    if path.suffix == ".xlsx":
        wb = load_workbook(path)
        cells = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
        return "\n".join(cells), False
    if path.suffix == ".pdf":
        res = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True)
        return strip_pdf_furniture(res.stdout.decode("utf-8")), True
    if path.suffix == ".txt":
        return path.read_bytes().decode("gbk"), False
    return path.read_text(encoding="utf-8"), False


def strip_pdf_furniture(text: str) -> str:
    """Drop the page header, the footer and the repeated table header row, whitespace squashed.

    The duty table's row 门店损耗管理 breaks across the page (Word's default), so its content is interrupted
    by the footer, the next page's header and the repeated header row; a reader of the PDF joins it again.
    """
    squashed = re.sub(r"\s+", "", text)
    squashed = re.sub(r"第\d+页共\d+页", "", squashed)
    squashed = squashed.replace("鑫悦超市岗位说明书", "")
    header_row = "".join(S.Y2_HEADER)
    first = squashed.find(header_row) + len(header_row)
    return squashed[:first] + squashed[first:].replace(header_row, "")


NUMBERING = re.compile(r"^\s*(\d+[.、．)]|[（(]\d+[)）]|[-*•·])")


def check(gold: dict[str, Any], folder: Path) -> list[str]:
    problems = []
    for doc in gold["documents"]:
        text, squash = document_text(folder / doc["file"])
        hay = re.sub(r"\s+", "", text) if squash else text
        for post in doc["posts"]:
            values = [post["name"], post["department"], post["reports_to"], *post["duties"], *post["qualifications"]]
            for v in values:
                if v is None:
                    continue
                needle = re.sub(r"\s+", "", v) if squash else v
                if needle not in hay:
                    problems.append(f"{doc['file']}: not found: {v!r}")
            for v in [*post["duties"], *post["qualifications"]]:
                if NUMBERING.match(v):
                    problems.append(f"{doc['file']}: keeps a list number: {v!r}")
    return problems


GOLD_HEADER = """# Gold for tests/data/jobdocs/heldout8: what a perfect importer returns for each document.
# Written by make/build.py from make/sources.py; do not edit by hand.
# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and
# reports_to as written in the document, or null where it gives none.
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pdf", action="store_true", help="also build the PDF (needs LibreOffice)")
    args = ap.parse_args()
    docs = [build_y1(HERE / "采购部工作职责管理规定.docx")]
    with tempfile.TemporaryDirectory(prefix="h8-") as tmp:
        y2_docx = Path(tmp) / "店长岗位说明书.docx"
        y2 = build_y2_docx(y2_docx)
        if args.pdf:
            pdf = convert_pdf(y2_docx, Path(tmp))
            (HERE / y2["file"]).write_bytes(fix_pdf(pdf.read_bytes()))
    docs.append(y2)
    docs.append(build_y3(HERE / "电商客服岗位说明书.docx"))
    docs.append(build_y4(HERE / "社区运营岗位要求.md"))
    docs.append(build_y5(HERE / "仓储部岗位职责表.xlsx"))
    docs.append(build_y6(HERE / "网店运营岗位职责与任职要求.txt"))
    docs.append(build_y7(HERE / "超市防损员岗位说明.docx"))
    gold = {"sources": copy.deepcopy(S.SOURCES), "documents": docs}
    (HERE / "gold.yaml").write_text(
        GOLD_HEADER + yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    if not (HERE / y2["file"]).exists():
        print(f"{y2['file']} missing: run with --pdf", file=sys.stderr)
        return 1
    problems = check(gold, HERE)
    for p in problems:
        print(p, file=sys.stderr)
    n_posts = sum(len(d["posts"]) for d in docs)
    n_duties = sum(len(p["duties"]) for d in docs for p in d["posts"])
    n_quals = sum(len(p["qualifications"]) for d in docs for p in d["posts"])
    print(f"{len(docs)} documents, {n_posts} posts, {n_duties} duties, {n_quals} qualifications; "
          f"{'OK' if not problems else f'{len(problems)} problems'}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
