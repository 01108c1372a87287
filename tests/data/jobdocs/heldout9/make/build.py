"""Build heldout9's documents and gold.yaml from make/sources.py, then check the gold against the files.

Usage: python tests/data/jobdocs/heldout9/make/build.py [--pdf]
Without --pdf the committed PDF is kept (LibreOffice output differs between versions and fonts) and checked.
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
from datetime import UTC, datetime
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

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
sys.path.insert(0, str(HERE))
import sources as S  # noqa: E402

FIXED = datetime(2025, 6, 1, 9, 0, 0, tzinfo=UTC)
ZIP_TIME = (2025, 6, 1, 9, 0, 0)


# ---------------------------------------------------------------- Word helpers
def new_doc() -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.4)
    for name in ("Normal", "Heading 1", "Heading 2", "Title", "List Bullet"):
        st = doc.styles[name]
        st.font.name = "宋体"
        st.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    doc.styles["Normal"].font.size = Pt(10.5)
    for name, size in (("Heading 1", 14), ("Heading 2", 12)):
        st = doc.styles[name]
        st.font.size = Pt(size)
        st.font.bold = True
        st.font.color.rgb = None
        st.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "黑体")
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.revision = 1
    return doc


def para(doc_or_cell, text: str = "", bold: bool = False, size: float | None = None,
         align=None, style: str | None = None):
    p = doc_or_cell.add_paragraph(style=style) if style else doc_or_cell.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    return p


def field(paragraph, instr: str) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), ("instr", instr), ("separate", None), ("text", "1"), ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
            run._r.append(el)
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text
            run._r.append(el)
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)


def header_footer(doc, header: str, footer_prefix: str = "", total: bool = False) -> None:
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = header
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if footer_prefix:
        fp.add_run(footer_prefix)
    fp.add_run("第 ")
    field(fp, "PAGE")
    fp.add_run(" 页")
    if total:
        fp.add_run(" 共 ")
        field(fp, "NUMPAGES")
        fp.add_run(" 页")


def shade(cell, fill: str = "D9D9D9") -> None:
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)


def set_cell(cell, text: str, bold: bool = False, fill: str | None = None) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    r = p.add_run(text)
    r.bold = bold
    if fill:
        shade(cell, fill)


def table(doc, rows: int, cols: int, widths: list[float] | None = None):
    t = doc.add_table(rows=rows, cols=cols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    if widths:
        for row in t.rows:
            for i, w in enumerate(widths):
                row.cells[i].width = Cm(w)
    return t


def save_docx(doc, path: Path) -> None:
    buf = io.BytesIO()
    doc.save(buf)
    write_fixed_zip(buf.getvalue(), path)


def write_fixed_zip(data: bytes, path: Path) -> None:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<",
                                 rb"<dcterms:\1\2>2025-06-01T09:00:00Z<", content)
            if info.filename == "docProps/app.xml":
                content = re.sub(rb"<TotalTime>\d+</TotalTime>", b"<TotalTime>0</TotalTime>", content)
            zi = zipfile.ZipInfo(info.filename, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, content)
    path.write_bytes(out.getvalue())


# ---------------------------------------------------------------- documents
DOCS: list[dict] = []


def z1() -> None:
    """用户运营专员: a 岗位说明书 form, label|value table with 职位名称/汇报对象/工作职责/任职要求."""
    fname = "用户运营专员岗位说明书.docx"
    doc = new_doc()
    header_footer(doc, f"{S.COMPANY}　人力资源管理文件")
    para(doc, S.COMPANY, bold=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "岗 位 说 明 书", bold=True, size=18, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "文件编号:HL-HR-JD-021　　版本:A/1　　生效日期:2025年3月1日", size=9,
         align=WD_ALIGN_PARAGRAPH.RIGHT)
    t = table(doc, 10, 4, [2.6, 5.4, 2.6, 5.4])
    pairs = [("职位名称", "用户运营专员", "职位编号", "HL-HY-03"),
             ("所属部门", "会员中心", "汇报对象", "会员中心主管"),
             ("下属人员", "无", "编制人数", "2人")]
    for i, (a, b, c, d) in enumerate(pairs):
        set_cell(t.cell(i, 0), a, True, "D9D9D9")
        set_cell(t.cell(i, 1), b)
        set_cell(t.cell(i, 2), c, True, "D9D9D9")
        set_cell(t.cell(i, 3), d)
    labels = ["职位概述", "工作职责", "任职要求", "工作关系", "考核指标"]
    for k, lab in enumerate(labels):
        r = 3 + k
        set_cell(t.cell(r, 0), lab, True, "D9D9D9")
        t.cell(r, 1).merge(t.cell(r, 3))
    set_cell(t.cell(3, 1), S.Z1_OVERVIEW)
    cell = t.cell(4, 1)
    cell.text = ""
    first = True
    n = 0
    cn = "一二三四五六"
    for g, (title, duties) in enumerate(S.Z1_GROUPS):
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        p.add_run(f"（{cn[g]}）{title}").bold = True
        for d in duties:
            n += 1
            cell.add_paragraph(f"{n}．{d}")
    set_cell(t.cell(5, 1), "学历、专业及工作经验要求见《会员中心招聘需求表》(2025版)。")
    set_cell(t.cell(6, 1), "内部:营运部、电商部、信息部;外部:异业合作商户、会员")
    set_cell(t.cell(7, 1), "会员活跃率、复购率、社群转化率、会员投诉率(按月考核,详见会员中心KPI方案)")
    sign = [("编制人", "刘敏", "审核人", "王建国"), ("编制日期", "2025-02-20", "批准人", "陈志远")]
    for i, (a, b, c, d) in enumerate(sign):
        r = 8 + i
        set_cell(t.cell(r, 0), a, True, "D9D9D9")
        set_cell(t.cell(r, 1), b)
        set_cell(t.cell(r, 2), c, True, "D9D9D9")
        set_cell(t.cell(r, 3), d)
    para(doc, "")
    para(doc, "任职者确认:本人已阅读并理解上述职责。　　签字:____________　　日期:____________", size=9)
    save_docx(doc, OUT / fname)
    DOCS.append({"file": fname, "source": "z1", "layout": "word-table", "posts": [{
        "name": "用户运营专员", "department": "会员中心", "reports_to": "会员中心主管",
        "duties": [d for _, ds in S.Z1_GROUPS for d in ds], "qualifications": []}]})


def z2() -> None:
    """电商部 handbook: cover, 修订记录, Heading 1/2 per post, typed （1） numbers."""
    fname = "电商部岗位职责手册.docx"
    doc = new_doc()
    header_footer(doc, "HL-DS-ZZ-001　电商部岗位职责手册", total=True)
    for _ in range(6):
        para(doc, "")
    para(doc, S.COMPANY, bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "")
    para(doc, "电商部岗位职责手册", bold=True, size=26, align=WD_ALIGN_PARAGRAPH.CENTER)
    for _ in range(8):
        para(doc, "")
    for line in ("文件编号:HL-DS-ZZ-001", "版　　本:V2.0", "编制部门:电商部", "发布日期:2025年4月1日"):
        para(doc, line, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    para(doc, "修订记录", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    t = table(doc, 4, 4, [2.0, 3.0, 8.0, 3.0])
    rows = [("版本", "日期", "修订内容", "修订人"),
            ("V1.0", "2023-08-15", "首次发布", "周婷"),
            ("V1.1", "2024-03-10", "增加客服岗位", "周婷"),
            ("V2.0", "2025-04-01", "运营主管职责调整;删除推广专员岗位", "李航")]
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            set_cell(t.cell(i, j), v, bold=(i == 0), fill="D9D9D9" if i == 0 else None)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("一、部门职能", level=1)
    para(doc, "电商部负责公司天猫旗舰店、京东店及“惠邻优选”小程序商城的运营与客户服务,对线上销售额、毛利和客户满意度负责。")
    doc.add_heading("二、部门架构", level=1)
    para(doc, "电商部经理 → 运营主管 → 客服、美工、文案")
    para(doc, "部门定编:运营主管1人,客服4人,美工2人,文案1人。")
    doc.add_heading("三、岗位职责", level=1)
    cn = "一二三"
    posts = []
    for i, post in enumerate(S.Z2_POSTS):
        doc.add_heading(f"（{cn[i]}）{post['name']}", level=2)
        para(doc, f"岗位名称:{post['name']}　　所属部门:电商部　　直接上级:{post['reports_to']}")
        para(doc, "主要职责:", bold=True)
        for k, d in enumerate(post["duties"], 1):
            p = para(doc, f"（{k}）{d}")
            p.paragraph_format.first_line_indent = Cm(0.74)
        posts.append({"name": post["name"], "department": "电商部", "reports_to": post["reports_to"],
                      "duties": list(post["duties"]), "qualifications": []})
    doc.add_heading("四、附则", level=1)
    para(doc, "1. 本手册由电商部负责解释,自发布之日起执行。")
    para(doc, "2. 美工、文案岗位职责另行发布。")
    para(doc, "")
    para(doc, "编制:李航　　　　审核:张磊　　　　批准:陈志远", align=WD_ALIGN_PARAGRAPH.RIGHT)
    save_docx(doc, OUT / fname)
    DOCS.append({"file": fname, "source": "z2", "layout": "word-handbook", "posts": posts})


def z3() -> None:
    """客服专员: 序号|职责描述|考核标准|权重 duty table, 任职资格 section, notes, sign line."""
    fname = "客服专员岗位职责及考核标准.docx"
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}·客户服务中心")
    para(doc, "客服专员岗位职责及考核标准", bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    t = table(doc, 2, 4, [2.8, 5.2, 2.8, 5.2])
    info = [("岗位名称", "客服专员", "岗位编号", "HL-KF-02"), ("所属部门", "客户服务中心", "直接上级", "客服主管")]
    for i, row in enumerate(info):
        for j, v in enumerate(row):
            set_cell(t.cell(i, j), v, bold=(j % 2 == 0), fill="F2F2F2" if j % 2 == 0 else None)
    para(doc, "")
    para(doc, "一、岗位职责与考核标准", bold=True, size=12)
    t = table(doc, len(S.Z3_DUTIES) + 2, 4, [1.2, 8.8, 4.6, 1.4])
    for j, v in enumerate(("序号", "职责描述", "考核标准", "权重")):
        set_cell(t.cell(0, j), v, True, "D9D9D9")
    for i, (d, k, w) in enumerate(S.Z3_DUTIES, 1):
        set_cell(t.cell(i, 0), str(i))
        set_cell(t.cell(i, 1), d)
        set_cell(t.cell(i, 2), k)
        set_cell(t.cell(i, 3), w)
    last = len(S.Z3_DUTIES) + 1
    set_cell(t.cell(last, 0), "合计", True)
    t.cell(last, 1).merge(t.cell(last, 2))
    set_cell(t.cell(last, 3), "100%", True)
    para(doc, "")
    para(doc, "二、任职资格", bold=True, size=12)
    for i, q in enumerate(S.Z3_QUALS, 1):
        para(doc, f"{i}、{q}")
    para(doc, "")
    para(doc, "三、备注", bold=True, size=12)
    para(doc, "1、考核标准每季度由客服主管复核一次,权重调整须报人力资源部备案。")
    para(doc, "2、本表自2025年3月1日起执行,原《客服岗位职责》(2022版)同时废止。")
    para(doc, "")
    para(doc, "任职者签字:__________　　直接上级签字:__________　　日期:____年__月__日")
    save_docx(doc, OUT / fname)
    DOCS.append({"file": fname, "source": "z3", "layout": "word-duty-table", "posts": [{
        "name": "客服专员", "department": "客户服务中心", "reports_to": "客服主管",
        "duties": [d for d, _, _ in S.Z3_DUTIES], "qualifications": list(S.Z3_QUALS)}]})


def z4_docx(path: Path) -> None:
    doc = new_doc()
    header_footer(doc, f"{S.COMPANY}　采购部", footer_prefix="HL-CG-JD-005　　")
    para(doc, "采购员岗位说明书", bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "")
    t = table(doc, 2, 4, [2.8, 5.2, 2.8, 5.2])
    info = [("岗位名称", "采购员", "所属部门", "采购部"), ("直接上级", "采购经理", "岗位定员", "3人")]
    for i, row in enumerate(info):
        for j, v in enumerate(row):
            set_cell(t.cell(i, j), v, bold=(j % 2 == 0), fill="D9D9D9" if j % 2 == 0 else None)
    para(doc, "")
    para(doc, "一、岗位职责", bold=True, size=12)
    for i, (title, d) in enumerate(S.Z4_DUTIES, 1):
        para(doc, f"{i}. {title}", bold=True)
        p = para(doc, d)
        p.paragraph_format.first_line_indent = Cm(0.74)
    para(doc, "")
    para(doc, "二、任职要求", bold=True, size=12)
    for i, (title, q) in enumerate(S.Z4_QUAL_PARAS, 1):
        para(doc, f"{i}. {title}", bold=True)
        p = para(doc, q)
        p.paragraph_format.first_line_indent = Cm(0.74)
    para(doc, f"{len(S.Z4_QUAL_PARAS) + 1}. 技能要求", bold=True)
    for s in S.Z4_SKILLS:
        para(doc, s, style="List Bullet")
    para(doc, "")
    para(doc, "三、工作条件", bold=True, size=12)
    para(doc, "办公室工作为主,需不定期外出走访供应商及参加展会。")
    para(doc, "")
    para(doc, "编制:人力资源部　　审核:采购部　　批准:总经理　　日期:2025年3月", align=WD_ALIGN_PARAGRAPH.RIGHT)
    save_docx(doc, path)


def make_pdf(docx: Path, pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, TZ="UTC")
        cmd = ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
               "--convert-to", "pdf", "--outdir", tmp, str(docx)]
        arch = os.uname().machine
        if shutil.which("setarch"):
            cmd = ["setarch", arch, "-R", *cmd]
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        data = (Path(tmp) / (docx.stem + ".pdf")).read_bytes()

    def same_len(m: re.Match, const: bytes) -> bytes:
        return const[: len(m.group(1))].ljust(len(m.group(1)), b"0")

    data = re.sub(rb"/CreationDate\(([^)]*)\)",
                  lambda m: b"/CreationDate(" + same_len(m, b"D:20250601090000+00'00'") + b")", data)
    data = re.sub(rb"/ModDate\(([^)]*)\)",
                  lambda m: b"/ModDate(" + same_len(m, b"D:20250601090000+00'00'") + b")", data)
    data = re.sub(rb"<([0-9A-Fa-f]{32})>", lambda m: b"<" + b"0" * 32 + b">", data)
    data = re.sub(rb"/DocChecksum\s*/([0-9A-Fa-f]+)", lambda m: b"/DocChecksum /" + b"0" * len(m.group(1)), data)
    pdf.write_bytes(data)


def z4(pdf: bool) -> None:
    fname = "采购员岗位说明书.pdf"
    if pdf:
        with tempfile.TemporaryDirectory() as tmp:
            docx = Path(tmp) / "采购员岗位说明书.docx"
            z4_docx(docx)
            make_pdf(docx, OUT / fname)
    quals = [q for _, q in S.Z4_QUAL_PARAS] + list(S.Z4_SKILLS)
    DOCS.append({"file": fname, "source": "z4", "layout": "pdf-from-word", "posts": [{
        "name": "采购员", "department": "采购部", "reports_to": "采购经理",
        "duties": [d for _, d in S.Z4_DUTIES], "qualifications": quals}]})


def z5() -> None:
    """门店营运部 岗位职责表: merged 部门/岗位/直接上级 cells, one row per duty, title in 职责项目."""
    fname = "门店营运部岗位职责表.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "岗位职责"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells("A1:G1")
    ws["A1"] = f"{S.SHORT}门店营运部岗位职责表"
    ws["A1"].font = Font(name="宋体", size=16, bold=True)
    ws["A1"].alignment = center
    ws.merge_cells("A2:G2")
    ws["A2"] = "编制部门:人力资源部　　　　更新日期:2025-03-01"
    ws["A2"].alignment = Alignment(horizontal="right")
    heads = ["序号", "部门", "岗位", "直接上级", "职责项目", "职责内容", "考核频次"]
    for j, h in enumerate(heads, 1):
        c = ws.cell(3, j, h)
        c.font = Font(name="宋体", bold=True)
        c.fill = PatternFill("solid", fgColor="D9D9D9")
        c.alignment = center
        c.border = border
    bosses = {"营业员": "楼面主管", "理货员": "理货主管"}
    freq = ["每日", "每日", "每档期", "每周", "每日", "每日", "每周", "每月"]
    r = 4
    first = r
    posts = []
    k = 0
    for post in S.Z5_POSTS:
        start = r
        for i, (title, duty) in enumerate(post["items"], 1):
            ws.cell(r, 1, i)
            ws.cell(r, 5, title)
            ws.cell(r, 6, duty)
            ws.cell(r, 7, freq[k])
            k += 1
            r += 1
        ws.cell(start, 3, post["name"])
        ws.cell(start, 4, bosses[post["name"]])
        ws.merge_cells(start_row=start, start_column=3, end_row=r - 1, end_column=3)
        ws.merge_cells(start_row=start, start_column=4, end_row=r - 1, end_column=4)
        posts.append({"name": post["name"], "department": "门店营运部", "reports_to": bosses[post["name"]],
                      "duties": [d for _, d in post["items"]], "qualifications": []})
    ws.cell(first, 2, "门店营运部")
    ws.merge_cells(start_row=first, start_column=2, end_row=r - 1, end_column=2)
    for row in ws.iter_rows(min_row=4, max_row=r - 1, max_col=7):
        for c in row:
            c.border = border
            c.font = Font(name="宋体", size=10)
            c.alignment = wrap if c.column in (5, 6) else center
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)
    ws.cell(r, 1, "说明:1. 职责内容以门店实际分工为准,由店长每半年组织修订;2. 收银员、防损员职责见《前台部岗位职责表》。")
    ws.cell(r, 1).alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[r].height = 30
    for col, w in zip("ABCDEFG", (6, 12, 10, 10, 16, 60, 10), strict=True):
        ws.column_dimensions[col].width = w
    for rr in range(4, r):
        ws.row_dimensions[rr].height = 36
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws2 = wb.create_sheet("修订记录")
    for j, h in enumerate(("版本", "日期", "修订内容", "修订人"), 1):
        ws2.cell(1, j, h).font = Font(bold=True)
    ws2.append(["1.0", "2023-05-01", "首次编制", "赵丽"])
    ws2.append(["1.1", "2025-03-01", "营业员增加售后服务;理货员增加库存调整", "赵丽"])
    ws2.column_dimensions["C"].width = 40
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = FIXED.replace(tzinfo=None)
    wb.properties.modified = FIXED.replace(tzinfo=None)
    buf = io.BytesIO()
    wb.save(buf)
    write_fixed_zip(buf.getvalue(), OUT / fname)
    DOCS.append({"file": fname, "source": "z5", "layout": "xlsx-merged", "posts": posts})


def z6() -> None:
    """电商运营专员: a web page pasted into Notepad (UTF-8, CRLF); bullets lost in the paste."""
    fname = "电商运营专员岗位职责.txt"
    lines = [S.Z6_TITLE, "发布时间:2024-05-12　来源:网络", "", S.Z6_LEAD, ""]
    duties = []
    for title, prose, items in S.Z6_SECTIONS:
        lines += [title, prose, "岗位职责:"]
        lines += items
        lines.append("")
        duties += items
    lines += ["(以上内容摘自网络,供电商部修订岗位说明书参考。)", ""]
    (OUT / fname).write_bytes("\r\n".join(lines).encode("utf-8"))
    DOCS.append({"file": fname, "source": "z6", "layout": "txt-web-copy", "posts": [{
        "name": "电商运营专员", "department": None, "reports_to": None,
        "duties": duties, "qualifications": []}]})


def z7() -> None:
    """超市人员有哪些工作: a web page saved as Markdown; bold post lines each followed by its sentence."""
    fname = "超市人员岗位一览.md"
    lines = [f"# {S.Z7_TITLE}", "", S.Z7_LEAD, ""]
    posts = []
    for name, duty in S.Z7_POSTS:
        lines += [f"**{name}:**", "", duty, ""]
        posts.append({"name": name, "department": None, "reports_to": None,
                      "duties": [duty], "qualifications": []})
    lines += ["---", "", "> 网页摘录,整理:人力资源部 2025-02;店长职责见《店长岗位说明书》。", ""]
    (OUT / fname).write_text("\n".join(lines), encoding="utf-8")
    DOCS.append({"file": fname, "source": "z7", "layout": "markdown-web-copy", "posts": posts})


# ---------------------------------------------------------------- gold and checks
def docx_text(path: Path) -> str:
    z = zipfile.ZipFile(path)
    out = []
    for n in z.namelist():
        if n.startswith("word/") and n.endswith(".xml"):
            xml = z.read(n).decode("utf-8")
            for p in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
                out.append("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)))
    return "\n".join(out)


def file_text(path: Path) -> str:
    if path.suffix == ".docx":
        return docx_text(path)
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    if path.suffix == ".pdf":
        txt = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                             capture_output=True).stdout.decode("utf-8")
        return re.sub(r"\s+", "", txt)
    return path.read_bytes().decode("utf-8")


NUMBERED = re.compile(r"^\s*(\d+[.、．)]|[（(]\d+[)）]|[一二三四五六七八九十]+、|[-•·*])")


def check(gold: dict) -> None:
    n_posts = n_duties = n_quals = 0
    for d in gold["documents"]:
        text = file_text(OUT / d["file"])
        pdf = d["file"].endswith(".pdf")
        for p in d["posts"]:
            n_posts += 1
            values = [p["name"], p["department"], p["reports_to"]] + p["duties"] + p["qualifications"]
            for v in values:
                if v is None:
                    continue
                probe = re.sub(r"\s+", "", v) if pdf else v
                assert probe in text, f"{d['file']}: not found: {v}"
            for v in p["duties"] + p["qualifications"]:
                assert not NUMBERED.match(v), f"{d['file']}: numbered: {v}"
            n_duties += len(p["duties"])
            n_quals += len(p["qualifications"])
    print(f"checked {len(gold['documents'])} documents: {n_posts} posts, {n_duties} duties, {n_quals} qualifications")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdf", action="store_true", help="rebuild the PDF through LibreOffice")
    args = ap.parse_args()
    z1()
    z2()
    z3()
    z4(args.pdf)
    z5()
    z6()
    z7()
    gold = {"sources": S.SOURCES, "documents": DOCS}
    head = ("# Gold for tests/data/jobdocs/heldout9: what a perfect importer returns for each document.\n"
            "# Written by make/build.py from make/sources.py; do not edit by hand.\n"
            "# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and\n"
            "# reports_to as written in the document, or null where it gives none.\n")
    (OUT / "gold.yaml").write_text(head + yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=200),
                                   encoding="utf-8")
    check(gold)


if __name__ == "__main__":
    main()
