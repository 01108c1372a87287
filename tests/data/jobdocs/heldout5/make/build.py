#!/usr/bin/env python3
"""Build the heldout5 documents and gold.yaml from sources.py.

Run from anywhere: ``python tests/data/jobdocs/heldout5/make/build.py [--pdf]``. Without ``--pdf`` the committed
PDF is left alone (LibreOffice is needed to rebuild it). Every output is byte-for-byte the same on each run: core
properties and zip entry times are fixed, and the PDF's dates and ids are overwritten in place with constants of the
same length.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any
from xml.sax.saxutils import escape

import openpyxl
import yaml
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.table import Table as SheetTable
from openpyxl.worksheet.table import TableStyleInfo

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
FIXED = datetime(2024, 6, 1, 9, 0, 0)
ZIP_TIME = (2024, 6, 1, 9, 0, 0)
W3CDTF = "2024-06-01T09:00:00Z"


def load_sources() -> ModuleType:
    spec = importlib.util.spec_from_file_location("heldout5_sources", HERE / "sources.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


S = load_sources()
CHINESE_NUMBERS = "一二三四五六七八九十"


# ---------------------------------------------------------------------------------------------------------------
# zip packages: fixed entry times and core properties


def fix_core_xml(body: bytes) -> bytes:
    text = body.decode("utf-8")
    for tag in ("dcterms:created", "dcterms:modified"):
        text = re.sub(rf"(<{tag}[^>]*>)[^<]*(</{tag}>)", rf"\g<1>{W3CDTF}\g<2>", text)
    return text.encode("utf-8")


def normalise_package(data: bytes) -> bytes:
    """Rewrites an OOXML zip so that its bytes depend on its content only."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = fix_core_xml(body)
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, body, compresslevel=6)
    return out.getvalue()


def save_docx(doc: DocumentObject, path: Path) -> None:
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(normalise_package(buffer.getvalue()))


def save_xlsx(wb: openpyxl.Workbook, path: Path) -> None:
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(normalise_package(buffer.getvalue()))


# ---------------------------------------------------------------------------------------------------------------
# Word helpers


def set_east_asian_font(style_element: Any, east: str, west: str | None = None) -> None:
    rpr = style_element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    fonts.set(qn("w:eastAsia"), east)
    if west is not None:
        fonts.set(qn("w:ascii"), west)
        fonts.set(qn("w:hAnsi"), west)


def new_document(title: str, author: str = "人力资源部") -> DocumentObject:
    doc = Document()
    props = doc.core_properties
    props.author = author
    props.last_modified_by = author
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1
    props.title = title
    props.comments = ""
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    set_east_asian_font(normal.element, "宋体", "Times New Roman")
    for name in ("Heading 1", "Heading 2", "Title"):
        style = doc.styles[name]
        set_east_asian_font(style.element, "黑体", "Arial")
        style.font.color.rgb = RGBColor(0, 0, 0)
    doc.styles["Heading 1"].font.size = Pt(15)
    doc.styles["Heading 2"].font.size = Pt(13)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.2)
    return doc


def add_para(
    container: Any,
    text: str = "",
    *,
    style: str | None = None,
    bold: bool = False,
    size: float | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
) -> Paragraph:
    paragraph = container.add_paragraph(style=style) if style else container.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold = bold
        if size is not None:
            run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    return paragraph


def add_field(paragraph: Paragraph, instruction: str, cached: str) -> None:
    """A complex field as Word writes it (PAGE, NUMPAGES, PAGEREF ...), with its last computed value."""
    begin = OxmlElement("w:r")
    begin.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>'))
    instr = OxmlElement("w:r")
    instr.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instruction} </w:instrText>'))
    separate = OxmlElement("w:r")
    separate.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>'))
    value = OxmlElement("w:r")
    value.append(parse_xml(f"<w:t {nsdecls('w')}>{escape(cached)}</w:t>"))
    end = OxmlElement("w:r")
    end.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))
    for run in (begin, instr, separate, value, end):
        paragraph._p.append(run)


def page_footer(section: Any, *, with_total: bool = True) -> None:
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("第 ")
    add_field(paragraph, "PAGE", "1")
    if with_total:
        paragraph.add_run(" 页　共 ")
        add_field(paragraph, "NUMPAGES", "1")
    paragraph.add_run(" 页")


def page_header(section: Any, text: str) -> None:
    paragraph = section.header.paragraphs[0]
    paragraph.text = text
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def cell_text(cell: _Cell, lines: list[str] | str, *, bold: bool = False, align: WD_ALIGN_PARAGRAPH | None = None) -> None:
    """Writes one paragraph per line into a cell (its first, empty paragraph reused)."""
    if isinstance(lines, str):
        lines = [lines]
    first = cell.paragraphs[0]
    for index, line in enumerate(lines):
        paragraph = first if index == 0 else cell.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = bold
        if align is not None:
            paragraph.alignment = align


def vertical_label(cell: _Cell, label: str) -> None:
    """A label typed one character per line, as forms set a tall row's label."""
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for index, char in enumerate(label):
        run = paragraph.add_run(char)
        run.bold = True
        if index < len(label) - 1:
            run.add_break()


def shade(cell: _Cell, fill: str = "D9D9D9") -> None:
    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def set_widths(table: Table, widths_cm: list[float]) -> None:
    """Column widths in the grid (which LibreOffice follows) and in every cell (which Word follows)."""
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=True):
        column.set(qn("w:w"), str(round(width * 567)))
    for tr in table._tbl.tr_lst:
        start = 0
        for tc in tr.tc_lst:
            tc.width = Cm(sum(widths_cm[start : start + tc.grid_span]))
            start += tc.grid_span


def repeat_header(row: Any) -> None:
    row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def row_height(row: Any, cm: float) -> None:
    row.height = Cm(cm)


def signoff_table(doc: DocumentObject, labels: list[str]) -> None:
    table = doc.add_table(rows=2, cols=len(labels))
    table.style = "Table Grid"
    for index, label in enumerate(labels):
        cell_text(table.cell(0, index), f"{label}：")
        cell_text(table.cell(1, index), "日期：")


def revision_table(container: Any, rows: list[tuple[str, str, str, str]]) -> None:
    table = container.add_table(rows=1 + len(rows), cols=4)
    table.style = "Table Grid"
    for index, label in enumerate(("版本", "修订日期", "修订内容", "修订人")):
        cell_text(table.cell(0, index), label, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values):
            cell_text(table.cell(r, c), value)
    set_widths(table, [2.0, 3.0, 8.0, 3.0])


# ---------------------------------------------------------------------------------------------------------------
# content controls (structured document tags), as Word templates carry them

_SDT_COUNTER = [470000000]


def next_sdt_id() -> int:
    _SDT_COUNTER[0] += 1
    return _SDT_COUNTER[0]


PLACEHOLDER = "单击或点击此处输入文字。"


def inline_control(paragraph: Paragraph, tag: str, value: str | None) -> None:
    """A plain-text content control inside a paragraph; None leaves Word's placeholder showing."""
    shown = PLACEHOLDER if value is None else value
    placeholder = "<w:showingPlcHdr/>" if value is None else ""
    colour = '<w:rPr><w:color w:val="808080"/></w:rPr>' if value is None else ""
    xml = (
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/><w:id w:val="{next_sdt_id()}"/>'
        f"{placeholder}<w:text/></w:sdtPr>"
        f'<w:sdtContent><w:r>{colour}<w:t xml:space="preserve">{escape(shown)}</w:t></w:r></w:sdtContent></w:sdt>'
    )
    paragraph._p.append(parse_xml(xml))


def block_control(cell: _Cell, tag: str, paragraphs: list[Paragraph]) -> None:
    """Moves a cell's paragraphs into one rich-text content control, the whole cell's content."""
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/>'
        f'<w:id w:val="{next_sdt_id()}"/></w:sdtPr><w:sdtContent/></w:sdt>'
    )
    content = sdt.find(qn("w:sdtContent"))
    tc = cell._tc
    first = paragraphs[0]._p
    first.addprevious(sdt)
    for paragraph in paragraphs:
        content.append(paragraph._p)
    assert tc.find(qn("w:sdt")) is sdt


# ---------------------------------------------------------------------------------------------------------------
# v1: a one-post form with vertical section labels


def build_v1(path: Path) -> None:
    doc = new_document("楼层主管岗位说明书")
    section = doc.sections[0]
    page_header(section, "万隆购物广场　人力资源部")
    page_footer(section)
    add_para(doc, "万隆购物广场", bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_para(doc, "岗位说明书", bold=True, size=18, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_para(doc, "文件编号：WL-HR-JD-017　　版本：A/1　　生效日期：2024年6月1日", size=9)
    add_para(doc, "修订记录", bold=True)
    revision_table(
        doc,
        [
            ("A/0", "2022-03-15", "首次发布", "李敏"),
            ("A/1", "2024-05-20", "更新任职要求及考核指标", "王志强"),
        ],
    )
    add_para(doc)
    table = doc.add_table(rows=7, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    pairs = [
        ("岗位名称", "楼层主管", "岗位编号", "WL-YY-03"),
        ("所属部门", "营运部", "直接上级", "营运经理"),
        ("直接下级", "楼层管理员", "岗位定员", "4人"),
    ]
    for r, (l1, v1, l2, v2) in enumerate(pairs):
        cell_text(table.cell(r, 0), l1, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        cell_text(table.cell(r, 1), v1)
        cell_text(table.cell(r, 2), l2, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        cell_text(table.cell(r, 3), v2)
    blocks: list[tuple[str, list[str], bool]] = [
        ("岗位职责", [f"{i}、{d}" for i, d in enumerate(S.V1_DUTIES, 1)], True),
        ("任职要求", [f"{i}、{q}" for i, q in enumerate(S.V1_QUALIFICATIONS, 1)], True),
        ("工作时间", ["早班8:30-17:00、晚班13:30-22:00轮换，月休4天"], False),
        ("考核指标", ["楼层销售目标达成率、商户满意度、各项费用收缴率、巡场记录完整率"], False),
    ]
    for r, (label, lines, vertical) in enumerate(blocks, start=3):
        if vertical:
            vertical_label(table.cell(r, 0), label)
        else:
            cell_text(table.cell(r, 0), label, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        merged = table.cell(r, 1).merge(table.cell(r, 3))
        cell_text(merged, lines)
    set_widths(table, [2.4, 5.6, 2.4, 5.6])
    add_para(doc)
    signoff_table(doc, ["编制", "审核", "批准"])
    save_docx(doc, path)


# ---------------------------------------------------------------------------------------------------------------
# v2: a Word form whose duty table runs across a page break, header row repeated, converted to PDF


def build_v2_docx(path: Path) -> None:
    doc = new_document("收银主管岗位说明书")
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    page_header(section, "佳惠超市连锁有限公司　　　　文件编号：JH-HR-JD-QT02")
    page_footer(section)
    for _ in range(6):
        add_para(doc)
    add_para(doc, "佳惠超市连锁有限公司", bold=True, size=20, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_para(doc)
    add_para(doc, "岗 位 说 明 书", bold=True, size=26, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_para(doc)
    add_para(doc, "（收银主管）", size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    for _ in range(10):
        add_para(doc)
    add_para(doc, "人力资源部　编制", size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    last = add_para(doc, "二〇二四年六月", size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    last.add_run().add_break(WD_BREAK.PAGE)

    add_para(doc, "收银主管岗位说明书", bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_para(doc, "一、基本信息", bold=True, size=12)
    info = doc.add_table(rows=5, cols=4)
    info.style = "Table Grid"
    rows = [
        ("职位名称", "收银主管", "职位编号", "JH-QT-02"),
        ("所在部门", "前台部", "汇报对象", "店长"),
        ("下属岗位", "收银员、总收室出纳", "编制人数", "2人"),
    ]
    for r, (l1, v1, l2, v2) in enumerate(rows):
        cell_text(info.cell(r, 0), l1, bold=True)
        cell_text(info.cell(r, 1), v1)
        cell_text(info.cell(r, 2), l2, bold=True)
        cell_text(info.cell(r, 3), v2)
    cell_text(info.cell(3, 0), "岗位概述", bold=True)
    cell_text(info.cell(3, 1).merge(info.cell(3, 3)), "统筹门店收银作业与收银区现场管理，保障营业款安全、准确、及时上缴。")
    cell_text(info.cell(4, 0), "工作关系", bold=True)
    cell_text(info.cell(4, 1).merge(info.cell(4, 3)), ["内部：财务部、防损部、电脑部、各营运课", "外部：开户银行、税务机关、团购客户"])
    set_widths(info, [2.6, 5.4, 2.6, 5.4])

    add_para(doc, "二、工作职责", bold=True, size=12)
    duties = doc.add_table(rows=1 + len(S.V2_DUTIES), cols=2)
    duties.style = "Table Grid"
    cell_text(duties.cell(0, 0), "序号", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    cell_text(duties.cell(0, 1), "工作职责", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    shade(duties.cell(0, 0))
    shade(duties.cell(0, 1))
    repeat_header(duties.rows[0])
    for index, duty in enumerate(S.V2_DUTIES, start=1):
        cell_text(duties.cell(index, 0), str(index), align=WD_ALIGN_PARAGRAPH.CENTER)
        cell_text(duties.cell(index, 1), duty)
        row_height(duties.rows[index], 1.1)
    set_widths(duties, [1.6, 14.4])

    add_para(doc, "三、任职资格", bold=True, size=12)
    add_para(doc, "按《前台部任职资格标准》执行。")
    add_para(doc, "四、关键绩效指标（KPI）", bold=True, size=12)
    kpis = [
        ("序号", "指标名称", "目标值", "权重"),
        ("1", "收银差错率", "≤0.1%", "30%"),
        ("2", "营业款上缴及时率", "100%", "25%"),
        ("3", "顾客投诉处理及时率", "100%", "25%"),
        ("4", "收银员培训完成率", "≥95%", "20%"),
    ]
    kpi = doc.add_table(rows=len(kpis), cols=4)
    kpi.style = "Table Grid"
    for r, values in enumerate(kpis):
        for c, value in enumerate(values):
            cell_text(kpi.cell(r, c), value, bold=r == 0, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_para(doc, "五、审批", bold=True, size=12)
    signoff_table(doc, ["编制人", "审核人", "批准人"])
    save_docx(doc, path)


def soffice_to_pdf(docx: Path, outdir: Path) -> Path:
    profile = Path(tempfile.mkdtemp(prefix="heldout5-lo-"))
    env = dict(os.environ, TZ="UTC", SOURCE_DATE_EPOCH="1717232400")
    try:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(docx),
            ],
            check=True,
            capture_output=True,
            env=env,
            timeout=300,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return outdir / (docx.stem + ".pdf")


def same_length(match: re.Match[bytes], constant: bytes) -> bytes:
    value = match.group(2)
    filled = (constant * (len(value) // len(constant) + 1))[: len(value)]
    return match.group(1) + filled + match.group(3)


def fix_pdf(data: bytes) -> bytes:
    """Overwrites the converter's dates, document ids and checksum with constants of the same length."""
    length = len(data)
    data = re.sub(rb"(/CreationDate\s*\(D:)(\d{14})([^)]*\))", lambda m: same_length(m, b"20240601090000"), data)
    data = re.sub(rb"(/ModDate\s*\(D:)(\d{14})([^)]*\))", lambda m: same_length(m, b"20240601090000"), data)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)(\s)", lambda m: same_length(m, b"0"), data)
    data = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>)", lambda m: same_length(m, b"48454C444F555435"), data)
    data = re.sub(rb"(>\s*<)([0-9A-Fa-f]+)(>\s*\])", lambda m: same_length(m, b"48454C444F555435"), data)
    data = re.sub(rb"(<xmp:CreateDate>)([^<]+)(</xmp:CreateDate>)", lambda m: same_length(m, b"2024-06-01T09:00:00"), data)
    data = re.sub(rb"(<xmp:ModifyDate>)([^<]+)(</xmp:ModifyDate>)", lambda m: same_length(m, b"2024-06-01T09:00:00"), data)
    data = re.sub(rb"(uuid:)([0-9a-fA-F-]{36})()", lambda m: same_length(m, b"00000000"), data)
    assert len(data) == length, "the PDF fix-up must not move any byte (xref offsets)"
    return data


def build_v2_pdf(path: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="heldout5-pdf-") as tmp:
        docx = Path(tmp) / (path.stem + ".docx")
        build_v2_docx(docx)
        pdf = soffice_to_pdf(docx, Path(tmp))
        path.write_bytes(fix_pdf(pdf.read_bytes()))


# ---------------------------------------------------------------------------------------------------------------
# v3: a plain text file in Big5 (cp950), as Notepad saves it on a traditional-Chinese Windows


def build_v3(path: Path) -> None:
    lines = [
        "美居軒傢俬　門市部崗位職責",
        "",
        "崗位名稱：導購員",
        "所屬部門：門市部",
        "直屬主管：店長",
        "",
        "一、崗位職責及考核（每月基礎分100分，扣分計入當月績效）",
        *[f"{i}、{duty}" for i, duty in enumerate(S.V3_DUTIES, 1)],
        "",
        "二、附則",
        "本職責自2024年3月1日起執行，由門市部負責解釋。",
        "",
    ]
    path.write_bytes("\r\n".join(lines).encode("cp950"))


# ---------------------------------------------------------------------------------------------------------------
# v4: a template filled in through content controls


def build_v4(path: Path) -> None:
    doc = new_document("采购员岗位说明书")
    section = doc.sections[0]
    page_header(section, "采购部　岗位说明书")
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("受控文件　未经许可不得复制　　第 ")
    add_field(footer, "PAGE", "1")
    footer.add_run(" 页")
    add_para(doc, "岗位说明书", bold=True, size=18, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_para(doc, "（本表由部门负责人填写，灰色文字处为填写项）", size=9, align=WD_ALIGN_PARAGRAPH.CENTER)

    header = S.V4_HEADER
    n_duties = len(S.V4_DUTY_ITEMS)
    table = doc.add_table(rows=3 + 2 + n_duties + 2 + 2, cols=4)
    table.style = "Table Grid"

    def label(r: int, c: int, text: str) -> None:
        cell_text(table.cell(r, c), text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        shade(table.cell(r, c), "F2F2F2")

    label(0, 0, "岗位名称")
    inline_control(table.cell(0, 1).paragraphs[0], "岗位名称", header["岗位名称"])
    label(0, 2, "岗位编号")
    inline_control(table.cell(0, 3).paragraphs[0], "岗位编号", None)
    label(1, 0, "所属部门")
    inline_control(table.cell(1, 1).paragraphs[0], "所属部门", header["所属部门"])
    label(1, 2, "直接上级")
    inline_control(table.cell(1, 3).paragraphs[0], "直接上级", header["直接上级"])
    label(2, 0, "工作地点")
    inline_control(table.cell(2, 1).merge(table.cell(2, 3)).paragraphs[0], "工作地点", header["工作地点"])

    row = 3
    section_row = table.cell(row, 0).merge(table.cell(row, 3))
    cell_text(section_row, "一、岗位职责", bold=True)
    shade(section_row)
    row += 1
    label(row, 0, "序号")
    label(row, 1, "职责")
    merged = table.cell(row, 2).merge(table.cell(row, 3))
    cell_text(merged, "职责描述", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    shade(merged, "F2F2F2")
    for index, (topic, sentence) in enumerate(S.V4_DUTY_ITEMS, start=1):
        row += 1
        cell_text(table.cell(row, 0), str(index), align=WD_ALIGN_PARAGRAPH.CENTER)
        cell_text(table.cell(row, 1), topic)
        cell_text(table.cell(row, 2).merge(table.cell(row, 3)), sentence)

    row += 1
    section_row = table.cell(row, 0).merge(table.cell(row, 3))
    cell_text(section_row, "二、任职资格", bold=True)
    shade(section_row)
    row += 1
    quals = table.cell(row, 0).merge(table.cell(row, 3))
    lines: list[str] = []
    for g, (group, items) in enumerate(S.V4_QUALIFICATION_GROUPS):
        lines.append(f"（{CHINESE_NUMBERS[g]}）{group}")
        lines.extend(items if len(items) == 1 else [f"● {item}" for item in items])
    cell_text(quals, lines)
    block_control(quals, "任职资格", list(quals.paragraphs))

    row += 1
    section_row = table.cell(row, 0).merge(table.cell(row, 3))
    cell_text(section_row, "三、绩效考核", bold=True)
    shade(section_row)
    row += 1
    kpi = table.cell(row, 0).merge(table.cell(row, 3))
    inline_control(kpi.paragraphs[0], "绩效考核", None)
    assert row == len(table.rows) - 1
    set_widths(table, [2.4, 4.6, 2.4, 6.6])

    add_para(doc)
    add_para(doc, "修订记录", bold=True)
    revision_table(doc, [("V1.0", "2023-08-01", "新建", "采购部"), ("V1.1", "2024-05-28", "调整工作地点及任职资格", "采购部")])
    save_docx(doc, path)


# ---------------------------------------------------------------------------------------------------------------
# v5: a handbook with a real table-of-contents field and posts under Heading 2


def bookmark(paragraph: Paragraph, name: str, ident: int) -> None:
    start = parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{ident}" w:name="{name}"/>')
    end = parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{ident}"/>')
    runs = paragraph._p.findall(qn("w:r"))
    runs[0].addprevious(start)
    runs[-1].addnext(end)


def toc_entry(doc: DocumentObject, text: str, anchor: str, page: str, level: int) -> Paragraph:
    paragraph = doc.add_paragraph(style=f"toc {level}")
    link = parse_xml(f'<w:hyperlink {nsdecls("w")} w:anchor="{anchor}" w:history="1"/>')
    paragraph._p.append(link)
    run = OxmlElement("w:r")
    run.append(parse_xml(f'<w:t {nsdecls("w")} xml:space="preserve">{escape(text)}</w:t>'))
    link.append(run)
    tab = OxmlElement("w:r")
    tab.append(OxmlElement("w:tab"))
    link.append(tab)
    holder = doc.add_paragraph()
    add_field(holder, f"PAGEREF {anchor} \\h", page)
    for element in list(holder._p):
        if element.tag == qn("w:r"):
            link.append(element)
    holder._p.getparent().remove(holder._p)
    return paragraph


def build_v5(path: Path) -> None:
    doc = new_document("新店筹备期岗位职责手册")
    for level, indent in ((1, 0.0), (2, 0.74)):
        style = doc.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.paragraph_format.left_indent = Cm(indent)
        style.paragraph_format.tab_stops.add_tab_stop(Cm(16.0), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    page_header(section, "鲜丰汇生活超市　新店筹备期岗位职责手册")
    page_footer(section, with_total=False)

    for _ in range(8):
        add_para(doc)
    add_para(doc, "鲜丰汇生活超市", bold=True, size=20, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_para(doc, "新店筹备期岗位职责手册", bold=True, size=24, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_para(doc, "（第1版）", size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    for _ in range(8):
        add_para(doc)
    add_para(doc, "人力资源部　编", size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    cover_end = add_para(doc, "2024年6月", size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    cover_end.add_run().add_break(WD_BREAK.PAGE)

    headings = [
        ("前言", 1, "3"),
        (S.V5_PHASE_TITLE, 1, "3"),
        ("一、门店店长", 2, "3"),
        ("二、招聘培训主管", 2, "4"),
        ("附：修订记录", 1, "4"),
    ]
    anchors = [f"_Toc1700000{index:02d}" for index in range(1, len(headings) + 1)]

    # The table of contents as Word inserts it: a content control holding a TOC field whose last result lists the headings.
    toc_title = add_para(doc, "目　录", bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    entries = [toc_entry(doc, text, anchor, page, level) for (text, level, page), anchor in zip(headings, anchors, strict=True)]
    first_link = entries[0]._p
    first_link.insert(
        1 if first_link.find(qn("w:pPr")) is not None else 0,
        parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'),
    )
    first_link.insert(
        2 if first_link.find(qn("w:pPr")) is not None else 1,
        parse_xml(f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>'),
    )
    first_link.insert(
        3 if first_link.find(qn("w:pPr")) is not None else 2,
        parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'),
    )
    entries[-1]._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:id w:val="{next_sdt_id()}"/><w:docPartObj>'
        '<w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent/></w:sdt>'
    )
    toc_title._p.addprevious(sdt)
    content = sdt.find(qn("w:sdtContent"))
    for paragraph in [toc_title, *entries]:
        content.append(paragraph._p)
    add_para(doc).add_run().add_break(WD_BREAK.PAGE)

    def heading(index: int) -> Paragraph:
        text, level, _ = headings[index]
        paragraph = doc.add_heading(text, level=level)
        bookmark(paragraph, anchors[index], index + 1)
        return paragraph

    heading(0)
    add_para(doc, S.V5_INTRO)
    heading(1)
    add_para(doc, S.V5_PHASE_TEXT)

    posts = [
        (2, "新店筹备组", "营运总监", S.V5_MANAGER_CORE, S.V5_MANAGER_DUTIES),
        (3, "新店筹备组", "门店店长", S.V5_RECRUITER_CORE, S.V5_RECRUITER_DUTIES),
    ]
    for index, department, superior, core, duties in posts:
        if index == 3:
            add_para(doc).add_run().add_break(WD_BREAK.PAGE)
        heading(index)
        add_para(doc, f"所属部门：{department}　　汇报对象：{superior}")
        purpose = add_para(doc)
        purpose.add_run("岗位目的：").bold = True
        purpose.add_run(core)
        add_para(doc, "具体工作：", bold=True)
        for duty in duties:
            add_para(doc, duty, style="List Bullet")

    heading(4)
    revision_table(doc, [("第1版", "2024-06-01", "首次发布", "人力资源部")])
    add_para(doc)
    add_para(doc, "本手册由人力资源部负责解释，自发布之日起执行。")
    save_docx(doc, path)


# ---------------------------------------------------------------------------------------------------------------
# v6: a workbook with one post per row inside an Excel table (ListObject) with its filter buttons


THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def build_v6(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "岗位职责"
    ws["A1"] = "24小时便利店门店岗位职责一览表"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = CENTER
    ws.merge_cells("A1:G1")
    ws["A2"] = "制表：营运部　　更新日期：2024-05-30"
    ws.merge_cells("A2:G2")
    headers = ["序号", "职位名称", "直接上级", "主要职责说明", "编制(人)", "班次", "备注"]
    for c, text in enumerate(headers, start=1):
        ws.cell(row=4, column=c, value=text)
    staffing = {"店长": 1, "店员": 4, "收银员": 3, "理货员": 2, "清洁工": 1, "安全员": 1, "配送员": 2}
    shifts = {"店长": "白班", "清洁工": "早班"}
    for r, (name, duty) in enumerate(S.V6_ROWS, start=5):
        superior = S.V6_SUPERIORS.get(name, "店长")
        values = [r - 4, name, superior, duty, staffing[name], shifts.get(name, "三班倒"), ""]
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.alignment = WRAP if c == 4 else CENTER
    last = 4 + len(S.V6_ROWS)
    table = SheetTable(displayName="PostDuties", ref=f"A4:G{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True, showColumnStripes=False)
    ws.add_table(table)
    ws.cell(row=last + 2, column=1, value="注：本表由营运部维护，岗位调整请报人力资源部备案。")
    ws.merge_cells(start_row=last + 2, start_column=1, end_row=last + 2, end_column=7)
    ws.freeze_panes = "A5"
    for column, width in zip("ABCDEFG", (6, 10, 10, 60, 9, 9, 10), strict=True):
        ws.column_dimensions[column].width = width

    shifts_sheet = wb.create_sheet("班次说明")
    for r, values in enumerate(
        [("班次", "时间"), ("早班", "07:00-15:00"), ("中班", "15:00-23:00"), ("夜班", "23:00-次日07:00"), ("白班", "09:00-18:00")],
        start=1,
    ):
        for c, value in enumerate(values, start=1):
            shifts_sheet.cell(row=r, column=c, value=value).border = BOX
    save_xlsx(wb, path)


# ---------------------------------------------------------------------------------------------------------------
# v7: one table with the posts as columns, on a landscape page


def build_v7(path: Path) -> None:
    doc = new_document("门店岗位职责对照表")
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.8)
    section.top_margin = section.bottom_margin = Cm(1.8)
    page_header(section, "悦家便利连锁　门店运营手册")
    page_footer(section)
    add_para(doc, "门店主要岗位工作职责对照表", bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_para(doc, "适用范围：各直营门店　　　编号：YJ-YY-2024-06", size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_para(doc, S.V7_INTRO)
    names = [name for name, _ in S.V7_POSTS]
    table = doc.add_table(rows=6, cols=1 + len(names))
    table.style = "Table Grid"
    cell_text(table.cell(0, 0), "项目", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for c, name in enumerate(names, start=1):
        cell_text(table.cell(0, c), name, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        shade(table.cell(0, c))
    shade(table.cell(0, 0))
    repeat_header(table.rows[0])
    cell_text(table.cell(1, 0), "所属部门", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    cell_text(table.cell(1, 1).merge(table.cell(1, len(names))), "门店营运部", align=WD_ALIGN_PARAGRAPH.CENTER)
    cell_text(table.cell(2, 0), "直接上级", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for c, name in enumerate(names, start=1):
        cell_text(table.cell(2, c), S.V7_SUPERIORS[name], align=WD_ALIGN_PARAGRAPH.CENTER)
    cell_text(table.cell(3, 0), "岗位职责", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for c, (_, duties) in enumerate(S.V7_POSTS, start=1):
        cell_text(table.cell(3, c), [f"（{i}）{duty}" for i, duty in enumerate(duties, 1)])
    cell_text(table.cell(4, 0), "任职要求", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    cell_text(table.cell(4, 1).merge(table.cell(4, len(names))), "详见《门店人员任职资格标准》（另行发布）")
    cell_text(table.cell(5, 0), "备注", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    cell_text(table.cell(5, 1).merge(table.cell(5, len(names))), "各岗位须服从店长临时工作安排；节假日排班另行通知。")
    set_widths(table, [2.0] + [6.0] * len(names))
    add_para(doc)
    add_para(doc, "制表：人力资源部　　　审核：　　　　　　批准：")
    save_docx(doc, path)


# ---------------------------------------------------------------------------------------------------------------
# v8: a Markdown export of an online document, with groups as bold items and the duties as nested bullets


def build_v8(path: Path) -> None:
    lines = [
        "# 电商售后客服岗位说明",
        "",
        "> 飞书文档导出 · 客服部 · 最后更新 2024-06-18",
        "",
        "| 项目 | 内容 |",
        "| --- | --- |",
        "| 岗位名称 | 电商售后客服 |",
        "| 所属部门 | 客服部 |",
        "| 汇报对象 |  |",
        "| 工作地点 | 西安市 |",
        "| 薪资范围 | 4-5千 |",
        "",
        "## 一、岗位职责",
        "",
    ]
    for number, (group, items) in enumerate(S.V8_DUTY_GROUPS, start=1):
        lines.append(f"{number}. **{group}**")
        lines.extend(f"   - {item}" for item in items)
    lines += ["", "## 二、岗位要求", ""]
    for number, (group, items) in enumerate(S.V8_QUALIFICATION_GROUPS, start=1):
        lines.append(f"{number}. **{group}**")
        lines.extend(f"   - {item}" for item in items)
    lines += [
        "",
        "---",
        "",
        "*本岗位说明由客服部提出，人力资源部审核；薪资范围以录用通知为准。*",
        "",
    ]
    path.write_bytes("\n".join(lines).encode("utf-8"))


# ---------------------------------------------------------------------------------------------------------------
# v9: a duty workbook with department, post, superior and requirements merged down the post's rows


def build_v9(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "电商部"
    ws["A1"] = "电商部岗位职责表"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = CENTER
    ws.merge_cells("A1:G1")
    ws["A2"] = "说明：职责项目为考核归类用，职责描述为岗位实际工作内容。"
    ws.merge_cells("A2:G2")
    headers = ["部门", "岗位", "直接上级", "序号", "职责项目", "职责描述", "任职要求"]
    fill = PatternFill("solid", fgColor="DDEBF7")
    for c, text in enumerate(headers, start=1):
        cell = ws.cell(row=3, column=c, value=text)
        cell.font = Font(bold=True)
        cell.alignment = CENTER
        cell.fill = fill
        cell.border = BOX
    first = 4
    last = first + len(S.V9_DUTY_ITEMS) - 1
    for r, (topic, sentence) in enumerate(S.V9_DUTY_ITEMS, start=first):
        ws.cell(row=r, column=4, value=r - first + 1).alignment = CENTER
        ws.cell(row=r, column=5, value=topic).alignment = WRAP
        ws.cell(row=r, column=6, value=sentence).alignment = WRAP
        for c in range(1, 8):
            ws.cell(row=r, column=c).border = BOX
    ws.cell(row=first, column=1, value="电商部").alignment = CENTER
    ws.cell(row=first, column=2, value="淘宝美工").alignment = CENTER
    ws.cell(row=first, column=3, value="运营主管").alignment = CENTER
    requirements = "\n".join(f"{i}. {content}" for i, (_, content) in enumerate(S.V9_SKILLS, 1))
    ws.cell(row=first, column=7, value=requirements).alignment = WRAP
    for c in (1, 2, 3, 7):
        ws.merge_cells(start_row=first, start_column=c, end_row=last, end_column=c)
    ws.cell(row=last + 2, column=1, value="注：本表每年修订一次，岗位职责变更须经电商部负责人及人力资源部确认。")
    ws.merge_cells(start_row=last + 2, start_column=1, end_row=last + 2, end_column=7)
    for column, width in zip("ABCDEFG", (8, 10, 10, 6, 18, 56, 40), strict=True):
        ws.column_dimensions[column].width = width

    history = wb.create_sheet("修订记录")
    for r, values in enumerate(
        [("版本", "日期", "修订内容", "修订人"), ("1.0", "2023-09-01", "新建", "周倩"), ("1.1", "2024-05-15", "增加任职要求", "周倩")],
        start=1,
    ):
        for c, value in enumerate(values, start=1):
            history.cell(row=r, column=c, value=value).border = BOX
    save_xlsx(wb, path)


# ---------------------------------------------------------------------------------------------------------------
# gold


GOLD_HEADER = """\
# Gold for tests/data/jobdocs/heldout5: what a perfect importer returns for each document.
# Written by make/build.py from make/sources.py; do not edit by hand. Made without reading the importer.
# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and
# reports_to as written in the document, or null where it gives none.
"""


def write_gold(path: Path) -> None:
    data = {"sources": S.SOURCES, "documents": S.DOCUMENTS}
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10000, default_flow_style=False)
    path.write_text(GOLD_HEADER + body, encoding="utf-8")


def document_text(path: Path) -> str:
    """The document's text, one line per paragraph, cell line or row, read without any importer code."""
    if path.suffix == ".docx":
        root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
        return "\n".join("".join(p.itertext()) for p in root.iter(qn("w:p")))
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(value) for ws in wb for row in ws.iter_rows(values_only=True) for value in row if value is not None)
    if path.suffix == ".pdf":
        text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True).stdout.decode("utf-8")
        return re.sub(r"\s+", "", text)
    if path.suffix == ".txt":
        return path.read_bytes().decode("cp950")
    return path.read_text(encoding="utf-8")


def check_gold() -> None:
    """Every gold value must be in its document as written: a slip in a builder fails the build, not the benchmark."""
    for document in S.DOCUMENTS:
        path = OUT / document["file"]
        text = document_text(path)
        for post in document["posts"]:
            values = [post["name"], post["department"], post["reports_to"], *post["duties"], *post["qualifications"]]
            for value in values:
                if value is None:
                    continue
                wanted = re.sub(r"\s+", "", value) if path.suffix == ".pdf" else value
                assert wanted in text, f"{document['file']}: {value!r} is not in the document"


BUILDERS = {
    "楼层主管岗位说明书.docx": build_v1,
    "導購員崗位職責.txt": build_v3,
    "采购员岗位说明书.docx": build_v4,
    "新店筹备期岗位职责手册.docx": build_v5,
    "便利店岗位职责一览表.xlsx": build_v6,
    "门店岗位职责对照表.docx": build_v7,
    "电商售后客服岗位说明.md": build_v8,
    "电商部岗位职责表.xlsx": build_v9,
}
PDFS = {"收银主管岗位说明书.pdf": build_v2_pdf}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pdf", action="store_true", help="also rebuild the PDF (needs LibreOffice's soffice)")
    args = parser.parse_args(argv)
    files = {document["file"] for document in S.DOCUMENTS}
    assert files == set(BUILDERS) | set(PDFS), "every gold document needs a builder"
    for name, build in BUILDERS.items():
        build(OUT / name)
        print(f"wrote {name}")
    if args.pdf:
        for name, build in PDFS.items():
            build(OUT / name)
            print(f"wrote {name}")
    write_gold(OUT / "gold.yaml")
    print("wrote gold.yaml")
    check_gold()
    print("checked: every gold name, department, superior, duty and qualification is in its document")
    return 0


if __name__ == "__main__":
    sys.exit(main())
