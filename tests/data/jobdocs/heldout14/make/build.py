"""Build the heldout14 documents and gold.yaml from make/sources.py, then check the gold against them.

python tests/data/jobdocs/heldout14/make/build.py [--pdf]

Without --pdf the committed PDF is kept (LibreOffice is needed only to make it again) and checked.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import yaml
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
sys.path.insert(0, str(HERE))
import sources as S  # noqa: E402

FIXED_ZIP_TIME = (2025, 6, 1, 9, 0, 0)
FIXED_ISO = "2025-06-01T09:00:00Z"


# ---------------------------------------------------------------- Word helpers
def new_document(landscape: bool = False) -> Any:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.4)
    for name in ("Normal", "Heading 1", "Heading 2", "Title"):
        st = doc.styles[name]
        st.font.name = "宋体"
        rpr = st.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        fonts.set(qn("w:eastAsia"), "宋体")
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.core_properties.author = "人力资源部"
    doc.core_properties.last_modified_by = "人力资源部"
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


def header_footer(doc: Any, header: str, footer: str = "page-of") -> None:
    sec = doc.sections[0]
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


def shade(cell: Any, fill: str = "D9D9D9") -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def set_cell(cell: Any, text: str, bold: bool = False, center: bool = False) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.bold = bold
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def cell_para(cell: Any, text: str, bold: bool = False, first: bool = False) -> None:
    p = cell.paragraphs[0] if first else cell.add_paragraph()
    run = p.add_run(text)
    run.bold = bold


def title(doc: Any, text: str, size: int = 16) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(text)
    r.bold = True
    r.font.size = Pt(size)


def repeat_header(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def set_widths(table: Any, widths_cm: list[float]) -> None:
    table.autofit = False
    for i, w in enumerate(widths_cm):
        table.columns[i].width = Cm(w)
    for row in table.rows:
        for i, w in enumerate(widths_cm):
            row.cells[i].width = Cm(w)


def page_break(doc: Any) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def save_docx(doc: Any, path: Path) -> None:
    doc.core_properties.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    write_fixed_zip(buf.getvalue(), path)


def write_fixed_zip(data: bytes, path: Path) -> None:
    """Same bytes every run: fixed core-property dates and zip entry times."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                text = re.sub(
                    r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                    lambda m: m.group(1) + FIXED_ISO + m.group(3),
                    text,
                )
                text = re.sub(r"<cp:lastPrinted>[^<]*</cp:lastPrinted>", "", text)
                body = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, body)
    path.write_bytes(out.getvalue())


def revision_table(doc: Any, rows: list[tuple[str, str, str, str]]) -> None:
    doc.add_paragraph().add_run("修订记录").bold = True
    t = doc.add_table(rows=1 + len(rows), cols=4)
    t.style = "Table Grid"
    for i, h in enumerate(("版本", "修订日期", "修订内容", "修订人")):
        set_cell(t.cell(0, i), h, bold=True, center=True)
        shade(t.cell(0, i))
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            set_cell(t.cell(r, c), v)


# ------------------------------------------------------------------ documents
def build_z1(path: Path) -> dict[str, Any]:
    """Word 岗位说明书: a four-column label|value form with synonyms (职位名称, 汇报对象, 工作职责, 任职要求)."""
    doc = new_document()
    header_footer(doc, f"{S.SHORT} · 岗位说明书", footer="dash")
    p = doc.add_paragraph(S.COMPANY)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title(doc, "岗位说明书")
    p = doc.add_paragraph("编号:RK-HR-JD-011　　版本:V2.1　　修订日期:2025年5月20日")
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    t = doc.add_table(rows=9, cols=4)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    pairs = [
        ("职位名称", "店长", "职位编号", "MD-01"),
        ("所属部门", "门店营运部", "汇报对象", "区域经理"),
        ("下属岗位", "副店长、收银组长、理货组长", "编制人数", "每店1人"),
    ]
    for r, (a, b, c, d) in enumerate(pairs):
        for col, v in enumerate((a, b, c, d)):
            set_cell(t.cell(r, col), v, bold=col in (0, 2))
            if col in (0, 2):
                shade(t.cell(r, col))

    # merged rows: label | value across three columns
    def merged_row(r: int, label: str) -> Any:
        set_cell(t.cell(r, 0), label, bold=True)
        shade(t.cell(r, 0))
        return t.cell(r, 1).merge(t.cell(r, 3))

    c = merged_row(3, "职位概要")
    set_cell(c, S.Z1_LEAD)
    c = merged_row(4, "工作职责")
    first = True
    last_group = None
    sub_no = 0
    circled = "①②③④⑤⑥⑦⑧⑨⑩"
    duties: list[str] = []
    for group, sub, items in S.Z1_GROUPS:
        if group != last_group:
            cell_para(c, group, bold=True, first=first)
            first = False
            last_group = group
            sub_no = 0
        sub_no += 1
        cell_para(c, f"{sub_no}. {sub}", bold=True)
        for i, d in enumerate(items):
            cell_para(c, f"{circled[i]}{d}")
            duties.append(d)
    c = merged_row(5, "任职要求")
    set_cell(c, "见《门店管理人员任职资格标准》(RK-HR-QS-003),本说明书不再列出。")
    c = merged_row(6, "工作关系")
    set_cell(c, "内部:区域经理、商品部、财务部、人力资源部;外部:商场物业、供应商驻店人员、街道及市场监管部门。")
    c = merged_row(7, "考核指标")
    set_cell(c, "销售额达成率(40%)、毛利额达成率(20%)、损耗率(15%)、顾客投诉处理及时率(15%)、人员流失率(10%)")
    set_cell(t.cell(8, 0), "编制人:人力资源部 周敏", bold=False)
    set_cell(t.cell(8, 1), "审核人:门店营运部 陈立新")
    c = t.cell(8, 2).merge(t.cell(8, 3))
    set_cell(c, "批准人:总经理 王建华")
    set_widths(t, [2.6, 5.4, 2.6, 5.4])
    doc.add_paragraph()
    doc.add_paragraph("任职者签字:______________　　　　日期:______年____月____日")
    save_docx(doc, path)
    return {
        "file": path.name,
        "source": "z1",
        "layout": "word-table",
        "posts": [post("店长", "门店营运部", "区域经理", duties, [])],
    }


def z2_document() -> tuple[Any, list[str]]:
    """The Word form behind the PDF: 基本信息 table, 岗位职责 with group titles, KPI table, sign-off."""
    doc = new_document()
    header_footer(doc, f"{S.COMPANY}　　文件编号:RK-HR-JD-027")
    title(doc, "仓库管理人员岗位说明书")
    p = doc.add_paragraph("编制部门:人力资源部　　生效日期:2025年6月1日　　版本:A/1")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph().add_run("一、基本信息").bold = True
    t = doc.add_table(rows=3, cols=4)
    t.style = "Table Grid"
    rows = [
        ("岗位名称", "仓库管理人员", "岗位编号", "WL-03"),
        ("所属部门", "仓储物流部", "直接上级", "仓储主管"),
        ("直接下级", "无", "工作地点", "城东配送中心"),
    ]
    for r, vals in enumerate(rows):
        for col, v in enumerate(vals):
            set_cell(t.cell(r, col), v, bold=col in (0, 2))
            if col in (0, 2):
                shade(t.cell(r, col))
    doc.add_paragraph()
    doc.add_paragraph().add_run("二、岗位目的").bold = True
    doc.add_paragraph(S.Z2_PURPOSE)
    doc.add_paragraph().add_run("三、岗位职责").bold = True
    duties: list[str] = []
    cn = "一二三四五六"
    for gi, (group, items) in enumerate(S.Z2_GROUPS):
        doc.add_paragraph().add_run(f"（{cn[gi]}）{group}").bold = True
        for i, d in enumerate(items, start=1):
            para = doc.add_paragraph(f"{i}. {d}")
            para.paragraph_format.left_indent = Cm(0.74)
            duties.append(d)
    doc.add_paragraph().add_run("四、考核指标").bold = True
    t = doc.add_table(rows=5, cols=3)
    t.style = "Table Grid"
    kpi = [
        ("指标", "权重", "说明"),
        ("库存准确率", "35%", "月度盘点账实相符率≥99.5%"),
        ("出入库及时率", "25%", "当日单据当日处理完毕"),
        ("库存周转天数", "20%", "按品类目标考核"),
        ("安全与5S检查", "20%", "月度检查无重大隐患"),
    ]
    for r, vals in enumerate(kpi):
        for col, v in enumerate(vals):
            set_cell(t.cell(r, col), v, bold=r == 0, center=r == 0)
            if r == 0:
                shade(t.cell(r, col))
    doc.add_paragraph()
    doc.add_paragraph("编制:刘洋　　　　审核:赵德明　　　　批准:王建华")
    return doc, duties


def build_z2(path: Path, make_pdf: bool) -> dict[str, Any]:
    doc, duties = z2_document()
    if make_pdf:
        with tempfile.TemporaryDirectory() as tmp:
            docx_path = Path(tmp) / (path.stem + ".docx")
            save_docx(doc, docx_path)
            to_pdf(docx_path, path)
    return {
        "file": path.name,
        "source": "z2",
        "layout": "pdf-from-word",
        "posts": [post("仓库管理人员", "仓储物流部", "仓储主管", duties, [])],
    }


def to_pdf(docx_path: Path, pdf_path: Path) -> None:
    outdir = docx_path.parent
    profile = outdir / "lo-profile"
    cmd = [
        "soffice",
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        str(docx_path),
    ]
    arch = os.uname().machine
    if shutil.which("setarch"):
        cmd = ["setarch", arch, "-R", *cmd]
    env = dict(os.environ, TZ="UTC")
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    data = (outdir / (docx_path.stem + ".pdf")).read_bytes()

    def same_len(m: re.Match[bytes], fill: bytes) -> bytes:
        return m.group(1) + (fill * len(m.group(2)))[: len(m.group(2))] + m.group(3)

    data = re.sub(rb"(/CreationDate\s*\(D:)([^)]*)(\))", lambda m: m.group(1) + fix_date(m.group(2)) + m.group(3), data)
    data = re.sub(rb"(/ModDate\s*\(D:)([^)]*)(\))", lambda m: m.group(1) + fix_date(m.group(2)) + m.group(3), data)
    data = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>)", lambda m: same_len(m, b"0"), data)
    data = re.sub(rb"(>\s*<)([0-9A-Fa-f]+)(>\s*\])", lambda m: same_len(m, b"0"), data)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)()", lambda m: same_len(m, b"0"), data)
    pdf_path.write_bytes(data)


def fix_date(old: bytes) -> bytes:
    new = b"20250601090000"
    rest = old[len(new) :]
    rest = re.sub(rb"[0-9]", b"0", rest)
    return (new + rest)[: len(old)]


def build_z3(path: Path) -> dict[str, Any]:
    """Word file with a 序号 | 职责描述 | 考核标准 | 权重 duty table."""
    doc = new_document()
    header_footer(doc, f"{S.SHORT} 仓储物流部", footer="dash")
    title(doc, "仓库管理员岗位职责及考核标准", size=15)
    p = doc.add_paragraph("所属部门:仓储物流部　　直接上级:" + S.Z3_SUPERIOR + "　　岗位编号:WL-05　　定员:2人")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph().add_run("一、物品验收入库职责").bold = True
    n = len(S.Z3_DUTIES)
    t = doc.add_table(rows=n + 2, cols=4)
    t.style = "Table Grid"
    for i, h in enumerate(("序号", "职责描述", "考核标准", "权重")):
        set_cell(t.cell(0, i), h, bold=True, center=True)
        shade(t.cell(0, i))
    repeat_header(t.rows[0])
    for r, (d, (kpi, w)) in enumerate(zip(S.Z3_DUTIES, S.Z3_KPI, strict=True), start=1):
        set_cell(t.cell(r, 0), str(r), center=True)
        set_cell(t.cell(r, 1), d)
        set_cell(t.cell(r, 2), kpi)
        set_cell(t.cell(r, 3), w, center=True)
    c = t.cell(n + 1, 0).merge(t.cell(n + 1, 2))
    set_cell(c, "合计", bold=True, center=True)
    set_cell(t.cell(n + 1, 3), "100%", center=True)
    set_widths(t, [1.2, 8.8, 4.6, 1.4])
    doc.add_paragraph()
    doc.add_paragraph().add_run("二、任职资格").bold = True
    for i, q in enumerate(S.Z3_QUALS, start=1):
        doc.add_paragraph(f"{i}. {q}")
    doc.add_paragraph().add_run("三、说明").bold = True
    doc.add_paragraph("1. 存放、发放、盘点等职责见《仓库管理员岗位标准(二)》。")
    doc.add_paragraph("2. 考核标准每季度由仓储物流部复核一次,权重调整须经人力资源部备案。")
    doc.add_paragraph()
    doc.add_paragraph("岗位任职者:__________　　部门负责人:__________　　日期:__________")
    save_docx(doc, path)
    return {
        "file": path.name,
        "source": "z3",
        "layout": "word-duty-table",
        "posts": [post("仓库管理员", "仓储物流部", S.Z3_SUPERIOR, list(S.Z3_DUTIES), list(S.Z3_QUALS))],
    }


def build_z4(path: Path) -> dict[str, Any]:
    """Word department handbook: cover, 修订记录, Heading 1 sections, each post a Heading 2."""
    doc = new_document()
    header_footer(doc, f"{S.COMPANY}　便利店事业部岗位职责手册")
    for _ in range(6):
        doc.add_paragraph()
    title(doc, S.COMPANY, size=18)
    title(doc, "便利店事业部岗位职责手册", size=22)
    for _ in range(8):
        doc.add_paragraph()
    for line in ("文件编号:RK-BLD-SC-002", "版　　本:第3版", "编制部门:便利店事业部 / 人力资源部", "发布日期:2025年6月1日"):
        p = doc.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_break(doc)
    revision_table(
        doc,
        [
            ("第1版", "2023-03-01", "首次发布", "周敏"),
            ("第2版", "2024-04-15", "增加夜班人员岗位", "周敏"),
            ("第3版", "2025-06-01", "店长与店员岗位合并;增加前台接待", "刘洋"),
        ],
    )
    page_break(doc)
    doc.add_heading("一、总则", level=1)
    doc.add_paragraph("1. 为明确24小时便利店各岗位的工作内容,保证门店全天候稳定运营,特制定本手册。")
    doc.add_paragraph("2. 本手册适用于公司直营及加盟便利店全体员工。")
    doc.add_heading("二、门店岗位职责", level=1)
    posts = []
    for i, (name, duty, sup) in enumerate(S.Z4_POSTS, start=1):
        doc.add_heading(f"2.{i} {name}", level=2)
        doc.add_paragraph(f"所属部门:{S.Z4_DEPARTMENT}　　直接上级:{sup}")
        p = doc.add_paragraph()
        p.add_run("岗位职责:").bold = True
        doc.add_paragraph(duty)
        posts.append(post(name, S.Z4_DEPARTMENT, sup, [duty], []))
    doc.add_heading("三、附则", level=1)
    doc.add_paragraph("1. 本手册由便利店事业部负责解释,自发布之日起施行。")
    doc.add_paragraph("2. 各门店可根据营业面积和客流情况合并岗位,合并后职责相加。")
    doc.add_paragraph()
    doc.add_paragraph("编制:刘洋　　审核:陈立新　　批准:王建华")
    save_docx(doc, path)
    return {"file": path.name, "source": "z4", "layout": "word-handbook", "posts": posts}


def build_z5(path: Path) -> dict[str, Any]:
    """Excel 岗位职责表: department, post and superior merged down, one row per duty."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="D9E1F2")
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells("A1:G1")
    ws["A1"] = f"{S.COMPANY}直播电商部岗位职责表(直播当天分工)"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = center
    ws["A2"] = "编制部门:直播电商部"
    ws["E2"] = "更新日期:2025-06-01"
    heads = ["序号", "部门", "岗位", "直接上级", "工作职责", "执行时段", "备注"]
    for i, h in enumerate(heads, start=1):
        c = ws.cell(row=3, column=i, value=h)
        c.font = Font(bold=True)
        c.fill = head_fill
        c.alignment = center
        c.border = border
    row = 4
    first = row
    posts = []
    times = {
        "开场": "开播0-5分钟",
        "活动介绍": "开场后",
        "产品卖点": "逐款讲解",
        "承接流量": "流量高峰",
        "粉丝互动": "全程",
        "引导下单": "每款讲解后",
        "结束语": "下播前",
        "预告下一场直播": "下播前",
    }
    n = 0
    for name, duties in S.Z5_POSTS:
        start = row
        for d in duties:
            n += 1
            ws.cell(row=row, column=1, value=n)
            ws.cell(row=row, column=5, value=d)
            ws.cell(row=row, column=6, value=times.get(d, "全程"))
            row += 1
        ws.cell(row=start, column=3, value=name)
        ws.cell(row=start, column=4, value=S.Z5_SUPERIOR)
        ws.merge_cells(start_row=start, start_column=3, end_row=row - 1, end_column=3)
        ws.merge_cells(start_row=start, start_column=4, end_row=row - 1, end_column=4)
        ws.cell(row=start, column=7, value=S.Z5_LEADS[name])
        ws.merge_cells(start_row=start, start_column=7, end_row=row - 1, end_column=7)
        posts.append(post(name, S.Z5_DEPARTMENT, S.Z5_SUPERIOR, list(duties), []))
    ws.cell(row=first, column=2, value=S.Z5_DEPARTMENT)
    ws.merge_cells(start_row=first, start_column=2, end_row=row - 1, end_column=2)
    for r in range(3, row):
        for col in range(1, 8):
            c = ws.cell(row=r, column=col)
            c.border = border
            if r > 3:
                c.alignment = wrap if col in (5, 7) else center
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
    ws.cell(row=row, column=1, value="说明:本表只列直播当天的分工;选品、脚本、投放复盘等见《直播电商部工作手册》。")
    widths = {"A": 6, "B": 12, "C": 10, "D": 11, "E": 30, "F": 14, "G": 34}
    for k, v in widths.items():
        ws.column_dimensions[k].width = v
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws2 = wb.create_sheet("修订记录")
    for r, vals in enumerate(
        [
            ("版本", "日期", "修订内容", "修订人"),
            ("V1.0", "2024-09-01", "首次编制", "孙悦"),
            ("V1.1", "2025-06-01", "增加直播切片发布", "孙悦"),
        ],
        start=1,
    ):
        for col, v in enumerate(vals, start=1):
            ws2.cell(row=r, column=col, value=v)
    wb.properties.creator = "直播电商部"
    buf = io.BytesIO()
    wb.save(buf)
    write_fixed_zip(buf.getvalue(), path)
    return {"file": path.name, "source": "z5", "layout": "xlsx-merged", "posts": posts}


def build_z6(path: Path) -> dict[str, Any]:
    """A web article saved as Markdown, with the page's two pipe tables."""
    lines = [
        "# 导购员是什么意思",
        "",
        "> 2025-09 · 职场百科",
        "",
        S.Z6_INTRO,
        "",
        "## 一、导购员的定义",
        "",
        S.Z6_DEFINITION,
        "",
        "## 二、导购员的主要职责",
        "",
        "| 职责内容 | 具体说明 |",
        "| --- | --- |",
        *[f"| {a} | {b} |" for a, b in S.Z6_DUTIES],
        "",
        "## 三、导购员需要具备的技能",
        "",
        "| 技能类型 | 具体要求 |",
        "| --- | --- |",
        *[f"| {a} | {b} |" for a, b in S.Z6_QUALS],
        "",
        "## 四、导购员的工作环境",
        "",
        S.Z6_ENVIRONMENT,
        "",
        "## 五、导购员的职业发展路径",
        "",
        S.Z6_CAREER,
        "",
        "---",
        "",
        f"原文地址:{S.SOURCES[5]['url']}",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8", newline="\n")
    return {
        "file": path.name,
        "source": "z6",
        "layout": "markdown-web-copy",
        "posts": [post("导购员", None, None, [b for _, b in S.Z6_DUTIES], [b for _, b in S.Z6_QUALS])],
    }


def build_z7(path: Path) -> dict[str, Any]:
    """A web page pasted into Notepad (GBK, CRLF): the page's table arrives tab-separated."""
    lines = [
        "生活配送员是做什么的",
        "2025-11-20 来源:网络",
        "",
        S.Z7_LEAD,
        "",
        "一、工作职责总结",
        "工作内容\t具体说明",
        *[f"{a}\t{b}" for a, b in S.Z7_DUTIES],
        "",
        "二、工作特点",
        *[f"{i}. {x}" for i, x in enumerate(S.Z7_TRAITS, start=1)],
        "",
        "三、职业前景",
        S.Z7_OUTLOOK,
        "",
        "(以上内容转自网络,仅供内部招聘参考)",
        "",
    ]
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    return {
        "file": path.name,
        "source": "z7",
        "layout": "txt-web-copy",
        "posts": [post("生活配送员", None, None, [b for _, b in S.Z7_DUTIES], [])],
    }


def build_z8(path: Path) -> dict[str, Any]:
    """Word table of the shop's posts: 岗位类别 merged down, one post per row."""
    doc = new_document()
    header_footer(doc, f"{S.SHORT} 服装事业部", footer="dash")
    title(doc, "服装门店岗位设置及职责一览表", size=15)
    p = doc.add_paragraph(f"所属部门:{S.Z8_DEPARTMENT}　　适用:各服装门店　　执行日期:2025年6月1日")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    n = len(S.Z8_POSTS)
    t = doc.add_table(rows=n + 1, cols=5)
    t.style = "Table Grid"
    for i, h in enumerate(("岗位类别", "序号", "岗位名称", "主要职责", "直接上级")):
        set_cell(t.cell(0, i), h, bold=True, center=True)
        shade(t.cell(0, i))
    posts = []
    start = 1
    for r, (cat, name, duty) in enumerate(S.Z8_POSTS, start=1):
        set_cell(t.cell(r, 1), str(r), center=True)
        set_cell(t.cell(r, 2), name, center=True)
        set_cell(t.cell(r, 3), duty)
        set_cell(t.cell(r, 4), S.Z8_SUPERIOR, center=True)
        posts.append(post(name, S.Z8_DEPARTMENT, S.Z8_SUPERIOR, [duty], []))
        nxt = S.Z8_POSTS[r][0] if r < n else None
        if nxt != cat:
            merged = t.cell(start, 0).merge(t.cell(r, 0))
            set_cell(merged, cat, center=True)
            start = r + 1
    set_widths(t, [2.4, 1.2, 2.8, 7.4, 2.2])
    doc.add_paragraph()
    doc.add_paragraph("备注:")
    doc.add_paragraph("1. 店长岗位职责另见《门店店长岗位说明书》。")
    doc.add_paragraph("2. 面积200平方米以下门店,收银员可由导购员兼任。")
    save_docx(doc, path)
    return {"file": path.name, "source": "z8", "layout": "word-post-table", "posts": posts}


# ------------------------------------------------------------------ gold
def post(name: str, dept: str | None, sup: str | None, duties: list[str], quals: list[str]) -> dict[str, Any]:
    return {"name": name, "department": dept, "reports_to": sup, "duties": duties, "qualifications": quals}


GOLD_HEAD = """\
# Gold for tests/data/jobdocs/heldout14: what a perfect importer returns for each document.
# Written by make/build.py from make/sources.py; do not edit by hand.
# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and
# reports_to as written in the document, or null where it gives none.
"""


def write_gold(documents: list[dict[str, Any]]) -> None:
    data = {"sources": S.SOURCES, "documents": documents}
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    (OUT / "gold.yaml").write_text(GOLD_HEAD + body, encoding="utf-8")


# ------------------------------------------------------------------ checks
def docx_text(path: Path) -> str:
    z = zipfile.ZipFile(path)
    parts = []
    for name in z.namelist():
        if name.startswith("word/") and name.endswith(".xml"):
            xml = z.read(name).decode("utf-8")
            xml = re.sub(r"</w:p>", "\n", xml)
            parts.append(re.sub(r"<[^>]+>", "", xml))
    return "\n".join(parts)


def document_text(path: Path) -> str:
    if path.suffix == ".docx":
        return docx_text(path)
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    if path.suffix == ".txt":
        return path.read_bytes().decode("gbk")
    return path.read_text(encoding="utf-8")


NUMBERED = re.compile(r"^\s*(\d+[.、)]|[（(]\d+[)）]|[①-⑩]|[-*•·]\s)")


def check(documents: list[dict[str, Any]]) -> None:
    problems = []
    n_posts = n_duties = n_quals = 0
    for d in documents:
        text = re.sub(r"\s+", "", document_text(OUT / d["file"]))
        for p in d["posts"]:
            n_posts += 1
            n_duties += len(p["duties"])
            n_quals += len(p["qualifications"])
            for field in ("name", "department", "reports_to"):
                v = p[field]
                if v is not None and re.sub(r"\s+", "", v) not in text:
                    problems.append(f"{d['file']}: {field} {v!r} not found")
            for kind in ("duties", "qualifications"):
                for s in p[kind]:
                    if re.sub(r"\s+", "", s) not in text:
                        problems.append(f"{d['file']}: {kind[:-1]} not found: {s}")
                    if NUMBERED.match(s):
                        problems.append(f"{d['file']}: {kind[:-1]} keeps a list number: {s}")
    if problems:
        print("\n".join(problems))
        raise SystemExit(1)
    print(f"ok: {len(documents)} documents, {n_posts} posts, {n_duties} duties, {n_quals} qualifications")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdf", action="store_true", help="make the PDF again through LibreOffice")
    args = ap.parse_args()
    documents = [
        build_z1(OUT / "店长岗位说明书.docx"),
        build_z2(OUT / "仓库管理人员岗位说明书.pdf", args.pdf),
        build_z3(OUT / "仓库管理员岗位职责及考核标准.docx"),
        build_z4(OUT / "便利店事业部岗位职责手册.docx"),
        build_z5(OUT / "直播电商部岗位职责表.xlsx"),
        build_z6(OUT / "导购员岗位职责.md"),
        build_z7(OUT / "生活配送员工作职责.txt"),
        build_z8(OUT / "服装门店岗位设置及职责一览表.docx"),
    ]
    write_gold(documents)
    check(documents)


if __name__ == "__main__":
    main()
