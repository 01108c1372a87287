"""Build the heldout30 documents and gold.yaml from make/sources.py, then check the gold against them.

    python tests/data/jobdocs/heldout30/make/build.py --pdf   # also re-export the PDF through LibreOffice

Word and Excel files are made the way a clerk would in Word/WPS and Excel; the dates inside them are fixed
and every zip entry gets the same time, so two runs give the same bytes.
"""

from __future__ import annotations

import argparse
import io
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
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, str(Path(__file__).parent))
import sources as S

HERE = Path(__file__).resolve().parent.parent
FIXED = datetime(2025, 6, 1, 9, 0, 0)
ZIP_TIME = (2025, 6, 1, 9, 0, 0)
CN_NUM = "一二三四五六七八九十"


# ---------------------------------------------------------------- Word helpers
def new_doc() -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.2)
    normal = doc.styles["Normal"]
    normal.font.name = "宋体"
    normal.font.size = Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    for name in ("Heading 1", "Heading 2", "Title"):
        st = doc.styles[name]
        st.font.name = "黑体"
        st.element.rPr.rFonts.set(qn("w:eastAsia"), "黑体")
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 3
    return doc


def field(run, instr: str) -> None:
    for kind, text in (("begin", None), ("instr", instr), ("separate", None), ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
        if kind == "separate":
            t = OxmlElement("w:t")
            t.text = "1"
            run._r.append(t)


def header_footer(doc: Document, header: str, style: str = "page-of") -> None:
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = header
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if style == "page-of":
        fp.add_run("第 ")
        field(fp.add_run(), "PAGE")
        fp.add_run(" 页 共 ")
        field(fp.add_run(), "NUMPAGES")
        fp.add_run(" 页")
    else:
        fp.add_run("- ")
        field(fp.add_run(), "PAGE")
        fp.add_run(" -")


def para(doc_or_cell, text: str = "", bold: bool = False, size: float | None = None,
         align=None, indent_cm: float | None = None):
    p = doc_or_cell.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if indent_cm is not None:
        p.paragraph_format.left_indent = Cm(indent_cm)
    return p


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


def label(cell, text: str) -> None:
    cell_text(cell, text, bold=True, center=True)
    shade(cell)


def repeat_header(row) -> None:
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def cant_split(row) -> None:
    trPr = row._tr.get_or_add_trPr()
    trPr.append(OxmlElement("w:cantSplit"))


def table(doc, rows: int, cols: int, widths: list[float]):
    t = doc.add_table(rows=rows, cols=cols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    grid = t._tbl.tblGrid
    for i, gc in enumerate(grid.findall(qn("w:gridCol"))):
        gc.set(qn("w:w"), str(int(widths[i] * 567)))
    for row in t.rows:
        for i, w in enumerate(widths):
            row.cells[i].width = Cm(w)
    return t


def save_docx(doc: Document, path: Path) -> None:
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
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2025-06-01T09:00:00Z", body)
            zi = zipfile.ZipInfo(info.filename, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, body)
    path.write_bytes(out.getvalue())


def sign_off(doc, with_holder: bool = True) -> None:
    t = table(doc, 1, 6, [2.0, 3.3, 2.0, 3.3, 2.0, 3.4])
    for i, (k, v) in enumerate((("编制", "人力资源部"), ("审核", ""), ("批准", ""))):
        label(t.rows[0].cells[2 * i], k)
        cell_text(t.rows[0].cells[2 * i + 1], v)
    if with_holder:
        para(doc, "任职者签字:＿＿＿＿＿＿　　　　日期:＿＿＿＿年＿＿月＿＿日")


# ---------------------------------------------------------------- m1: word-table
def build_m1() -> dict:
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}　人力资源管理文件")
    para(doc, S.COMPANY, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "岗位说明书", bold=True, size=18, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "文件编号:KY-HR-JD-031　　版本:A/1　　修订日期:2025年5月20日", size=9,
         align=WD_ALIGN_PARAGRAPH.RIGHT)
    t = table(doc, 5, 4, [3.0, 5.0, 3.0, 5.0])
    pairs = [("职位名称", "超市营业员", "职位编号", "KY-CS-YY-02"),
             ("汇报对象", "门店店长", "所属部门", "超市营运部"),
             ("工作地点", "各超市门店", "工作时间", "轮班制,每周五天半"),
             ("岗位定员", "按门店编制", "直接下级", "无")]
    for r, (a, b, c, d) in enumerate(pairs):
        label(t.rows[r].cells[0], a)
        cell_text(t.rows[r].cells[1], b)
        label(t.rows[r].cells[2], c)
        cell_text(t.rows[r].cells[3], d)
    label(t.rows[4].cells[0], "岗位概述")
    m = t.rows[4].cells[1].merge(t.rows[4].cells[3])
    cell_text(m, "在门店店长领导下,做好所辖区域的商品陈列、收银结账、顾客服务和卖场维护工作。")

    def merged_row(title: str):
        row = t.add_row()
        label(row.cells[0], title)
        c = row.cells[1].merge(row.cells[3])
        c.text = ""
        return c

    c = merged_row("工作职责")
    first = True
    for gi, (title, duties) in enumerate(S.M1_GROUPS, 1):
        p = c.paragraphs[0] if first else c.add_paragraph()
        first = False
        p.add_run(f"{gi}. {title}").bold = True
        for di, d in enumerate(duties, 1):
            c.add_paragraph(f"（{di}）{d}")
    c = merged_row("任职要求")
    for qi, q in enumerate(S.M1_QUALS, 1):
        p = c.paragraphs[0] if qi == 1 else c.add_paragraph()
        p.add_run(f"{qi}. {q}")
    c.add_paragraph(f"{len(S.M1_QUALS) + 1}. {S.M1_SKILL_TITLE}")
    for si, s in enumerate(S.M1_SKILLS, 1):
        c.add_paragraph(f"（{si}）{s}")
    c = merged_row("考核要点")
    cell_text(c, "月度销售任务完成率;顾客投诉次数;商品陈列检查得分;考勤。")
    c = merged_row("备注")
    cell_text(c, "本说明书每年修订一次;未尽事宜按公司《员工手册》执行。")
    para(doc)
    sign_off(doc)
    name = "超市营业员岗位说明书.docx"
    save_docx(doc, HERE / name)
    duties = [d for _, ds in S.M1_GROUPS for d in ds]
    return {"file": name, "source": "m1", "layout": "word-table", "posts": [
        post("超市营业员", "超市营运部", "门店店长", duties, S.M1_QUALS + S.M1_SKILLS)]}


# ---------------------------------------------------------------- m4: word-handbook
def build_m4() -> dict:
    doc = new_doc()
    header_footer(doc, "KY-EC-ZZ-001　电商事业部岗位职责汇编")
    for _ in range(6):
        para(doc)
    para(doc, S.COMPANY, bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "电商事业部岗位职责汇编", bold=True, size=24, align=WD_ALIGN_PARAGRAPH.CENTER)
    for _ in range(8):
        para(doc)
    for line in ("文件编号:KY-EC-ZZ-001", "版　　本:V1.2", "编制部门:人力资源部 / 电商事业部",
                 "发布日期:2025年6月1日"):
        para(doc, line, size=12, indent_cm=5.0)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    para(doc, "修订记录", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    t = table(doc, 4, 4, [2.0, 3.0, 8.0, 3.0])
    for i, h in enumerate(("版本", "日期", "修订内容", "修订人")):
        label(t.rows[0].cells[i], h)
    for r, row in enumerate((("V1.0", "2024-03-01", "首次发布", "张敏"),
                             ("V1.1", "2024-11-15", "增加商品采购组、财务组岗位", "张敏"),
                             ("V1.2", "2025-06-01", "调整客服组汇报关系", "李婷")), 1):
        for i, v in enumerate(row):
            cell_text(t.rows[r].cells[i], v)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("一、总则", level=1)
    para(doc, "1.1　为明确电商事业部各岗位的工作内容和汇报关系,特编制本汇编。")
    para(doc, "1.2　本汇编适用于电商事业部全体员工;各岗位的考核办法另行规定。")
    doc.add_heading("二、各岗位职责", level=1)
    groups: dict[str, list[tuple[str, str]]] = {}
    for name, text in S.M4_POSTS:
        groups.setdefault(S.M4_PLACES[name][0], []).append((name, text))
    posts = []
    n = 0
    for gi, (group, items) in enumerate(groups.items(), 1):
        para(doc, f"（{CN_NUM[gi - 1]}）{group}", bold=True)
        for name, text in items:
            n += 1
            superior = S.M4_PLACES[name][1]
            doc.add_heading(f"2.{n}　{name}", level=2)
            para(doc, f"所属部门:电商事业部　　所属小组:{group}　　直接上级:{superior}")
            para(doc, "岗位职责:", bold=True)
            para(doc, text, indent_cm=0.74)
            posts.append(post(name, "电商事业部", superior, [text], []))
    doc.add_heading("三、附则", level=1)
    para(doc, "3.1　本汇编由人力资源部负责解释,自发布之日起执行。")
    para(doc, "3.2　岗位设置调整时,由电商事业部提出,人力资源部修订本汇编。")
    para(doc)
    para(doc, "编制:人力资源部　　审核:电商事业部总经理　　批准:总经理", align=WD_ALIGN_PARAGRAPH.RIGHT)
    name = "电商事业部岗位职责汇编.docx"
    save_docx(doc, HERE / name)
    return {"file": name, "source": "m4", "layout": "word-handbook", "posts": posts}


# ---------------------------------------------------------------- m2: word-duty-table
M2_CRITERIA = [
    ("无顾客投诉服务态度", "10%"), ("仪容仪表检查合格", "5%"), ("神秘顾客评分≥90分", "10%"),
    ("月度销售任务完成", "20%"), ("处方药调配差错为零", "10%"), ("无假劣药品售出", "10%"),
    ("验收记录完整", "10%"), ("养护记录完整、无过期变质", "10%"), ("陈列检查合格、缺货及时补", "10%"),
    ("促销物料到位率100%", "5%"),
]


def build_m2() -> dict:
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}药房　岗位职责与考核标准", style="dash")
    para(doc, S.COMPANY, bold=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "药店营业员岗位职责与考核标准", bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "编号:KY-YF-GW-007　　生效日期:2025年6月1日", size=9, align=WD_ALIGN_PARAGRAPH.RIGHT)
    t = table(doc, 2, 4, [3.0, 5.0, 3.0, 5.0])
    for r, (a, b, c, d) in enumerate((("岗位名称", "药店营业员", "岗位编号", "KY-YF-03"),
                                      ("所属部门", "药房事业部", "直接上级", "药房店长"))):
        label(t.rows[r].cells[0], a)
        cell_text(t.rows[r].cells[1], b)
        label(t.rows[r].cells[2], c)
        cell_text(t.rows[r].cells[3], d)
    para(doc, "一、岗位职责与考核标准", bold=True)
    t = table(doc, 1, 4, [1.2, 9.3, 4.0, 1.5])
    for i, h in enumerate(("序号", "职责描述", "考核标准", "权重")):
        label(t.rows[0].cells[i], h)
    repeat_header(t.rows[0])
    duties = []
    for i, ((_, text), (crit, w)) in enumerate(zip(S.M2_ITEMS, M2_CRITERIA, strict=True), 1):
        row = t.add_row()
        cell_text(row.cells[0], str(i), center=True)
        cell_text(row.cells[1], text)
        cell_text(row.cells[2], crit)
        cell_text(row.cells[3], w, center=True)
        duties.append(text)
    row = t.add_row()
    m = row.cells[0].merge(row.cells[2])
    cell_text(m, "合计", bold=True, center=True)
    cell_text(row.cells[3], "100%", center=True)
    para(doc, "二、说明", bold=True)
    para(doc, "1. 考核每月一次,由药房店长评分,结果报药房事业部。")
    para(doc, "2. 执业药师的职责见《执业药师岗位说明书》。")
    para(doc)
    sign_off(doc)
    name = "药店营业员岗位职责与考核标准.docx"
    save_docx(doc, HERE / name)
    return {"file": name, "source": "m2", "layout": "word-duty-table", "posts": [
        post("药店营业员", "药房事业部", "药房店长", duties, [])]}


# ---------------------------------------------------------------- m3: pdf-from-word
def build_m3(make_pdf: bool) -> dict:
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}医药零售　内部资料")
    para(doc, S.COMPANY, bold=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "醫藥公司營業員職務說明書", bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "文件编号:KY-YF-ZW-002　　版本:B/0", size=9, align=WD_ALIGN_PARAGRAPH.RIGHT)
    t = table(doc, 5, 4, [3.0, 5.0, 3.0, 5.0])
    rows = [("崗位名稱", "營業員", "崗位編號", "YF-LS-05"),
            ("所在部門", S.M3_DEPARTMENT, "崗位定員", "每店3-6人"),
            ("直接上級", S.M3_SUPERIOR, "工資等級", "五級"),
            ("直接下級", "無", "薪酬類型", "基本工資+績效"),
            ("所轄人員", "無", "崗位分析日期", "2025年3月")]
    for r, (a, b, c, d) in enumerate(rows):
        label(t.rows[r].cells[0], a)
        cell_text(t.rows[r].cells[1], b)
        label(t.rows[r].cells[2], c)
        cell_text(t.rows[r].cells[3], d)
    row = t.add_row()
    label(row.cells[0], "描述")
    cell_text(row.cells[1].merge(row.cells[3]), S.M3_DESC)
    para(doc, "職責與工作任務:", bold=True)
    t = table(doc, 1, 3, [2.0, 5.0, 9.0])
    for i, h in enumerate(("職責", "職責表述", "工作任務")):
        label(t.rows[0].cells[i], h)
    repeat_header(t.rows[0])
    duties = []
    for key, statement, tasks in S.M3_GROUPS:
        first = None
        for task in tasks:
            row = t.add_row()
            cant_split(row)
            for i, w in enumerate((2.0, 5.0, 9.0)):
                row.cells[i].width = Cm(w)
            cell_text(row.cells[2], task)
            duties.append(task)
            if first is None:
                first = row
        last = t.rows[-1]
        a = first.cells[0].merge(last.cells[0])
        cell_text(a, key, bold=True, center=True)
        b = first.cells[1].merge(last.cells[1])
        cell_text(b, "職責表述:" + statement)
    para(doc, "（職責三及以下見附件,本頁從略。）", size=9)
    para(doc)
    sign_off(doc)
    docx_name = "營業員職務說明書.docx"
    pdf_name = "營業員職務說明書.pdf"
    if make_pdf:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / docx_name
            save_docx(doc, src)
            profile = Path(tmp) / "profile"
            cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                   "--convert-to", "pdf", "--outdir", tmp, str(src)]
            subprocess.run(cmd, check=True, capture_output=True, env={"TZ": "UTC", "HOME": tmp,
                                                                      "PATH": "/usr/bin:/bin"})
            data = (Path(tmp) / pdf_name).read_bytes()
        data = fix_pdf(data)
        (HERE / pdf_name).write_bytes(data)
    return {"file": pdf_name, "source": "m3", "layout": "pdf-from-word", "posts": [
        post("營業員", S.M3_DEPARTMENT, S.M3_SUPERIOR, duties, [])]}


def fix_pdf(data: bytes) -> bytes:
    def same(m: re.Match) -> bytes:
        body = m.group(2)
        const = b"D:20250601090000Z"
        return m.group(1) + (const + b" " * max(0, len(body) - len(const)))[: len(body)] + m.group(3)
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\()([^)]*)(\))", same, data)

    def same_id(m: re.Match) -> bytes:
        return re.sub(rb"[0-9A-Fa-f]", b"0", m.group(0))
    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]", same_id, data)
    return re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", lambda m: m.group(1) + b"0" * len(m.group(2)), data)


# ---------------------------------------------------------------- m6: xlsx-merged
def build_m6() -> dict:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "岗位职责"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells("A1:F1")
    ws["A1"] = f"{S.COMPANY}药房事业部　岗位职责表"
    ws["A1"].font = Font(name="宋体", size=16, bold=True)
    ws["A1"].alignment = center
    ws.merge_cells("A2:F2")
    ws["A2"] = "编制部门:人力资源部　　更新日期:2025-05-28　　版本:2025版"
    ws["A2"].alignment = Alignment(horizontal="right")
    heads = ["序号", "部门", "岗位名称", "直接上级", "岗位职责", "备注"]
    fill = PatternFill("solid", fgColor="D9E1F2")
    for i, h in enumerate(heads, 1):
        c = ws.cell(row=3, column=i, value=h)
        c.font = Font(name="宋体", bold=True)
        c.alignment = center
        c.fill = fill
        c.border = border
    first = 4
    for i, d in enumerate(S.M6_DUTIES):
        r = first + i
        ws.cell(row=r, column=1, value=i + 1).alignment = center
        ws.cell(row=r, column=5, value=d).alignment = wrap
        for col in range(1, 7):
            ws.cell(row=r, column=col).border = border
    last = first + len(S.M6_DUTIES) - 1
    for col, value in ((2, "药房事业部"), (3, "門店營業員"), (4, "药房店长"),
                       (6, "持健康证上岗;执业药师岗位另见")):
        ws.cell(row=first, column=col, value=value).alignment = center
        ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)
    note = last + 1
    ws.merge_cells(start_row=note, start_column=1, end_row=note, end_column=6)
    ws.cell(row=note, column=1,
            value="说明:1.本表岗位职责摘自公司GSP质量管理文件;2.门店店长、质量管理员职责另见各自岗位说明书。")
    for col, w in zip("ABCDEF", (6, 12, 12, 10, 80, 16), strict=True):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    log = wb.create_sheet("修订记录")
    for row in (("版本", "日期", "修订内容", "修订人"), ("2024版", "2024-04-10", "首次编制", "王磊"),
                ("2025版", "2025-05-28", "按新版GSP调整", "王磊")):
        log.append(row)
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    name = "药房事业部岗位职责表.xlsx"
    normalise_zip(buf.getvalue(), HERE / name)
    return {"file": name, "source": "m6", "layout": "xlsx-merged", "posts": [
        post("門店營業員", "药房事业部", "药房店长", list(S.M6_DUTIES), [])]}


# ---------------------------------------------------------------- m5: markdown-web-copy
def build_m5() -> dict:
    out = ["# 超市电脑员的职责", "", "> 保存自网页,2025-05-12", "", S.M5_LEAD, ""]
    duties = []
    for section, items in S.M5_SECTIONS:
        out += [f"## {section}", ""]
        for title, lead, bullets in items:
            if title:
                out += [f"### {title}", ""]
            if lead:
                out += [lead, ""]
                duties.append(lead)
            for b in bullets:
                out.append(f"- {b}")
                duties.append(b)
            if bullets:
                out.append("")
    out += ["**说明:**", "", S.M5_NOTE, "", "**声明:**", "", S.M5_DISCLAIMER, "", "---", "",
            f"原文地址:{S.SOURCES[4]['url']}", ""]
    name = "超市电脑员的职责.md"
    (HERE / name).write_text("\n".join(out), encoding="utf-8", newline="\n")
    return {"file": name, "source": "m5", "layout": "markdown-web-copy", "posts": [
        post("超市电脑员", None, None, duties, [])]}


# ---------------------------------------------------------------- m7: txt-web-copy
def build_m7() -> dict:
    lines = ["【参考资料】便利店员工 —— 摘自网络,供编写便利店员工岗位说明书参考", "",
             S.M7_TITLE, "", S.M7_LEAD, ""]
    duties, quals = [], []
    for part, secs in S.M7_PARTS:
        lines += [part, ""]
        for num, title, text in secs:
            lines += [f"{num} {title}", text, ""]
            if part == S.M7_QUAL_SECTION:
                quals.append(text)
            elif part == S.M7_DUTY_SECTION and num != S.M7_CUT:
                duties.append(text)
    lines += ["……(以下略)", "", f"来源:{S.SOURCES[6]['url']}", ""]
    name = "便利店工作介绍.txt"
    (HERE / name).write_bytes("\r\n".join(lines).encode("utf-8"))
    return {"file": name, "source": "m7", "layout": "txt-web-copy", "posts": [
        post("便利店员工", None, None, duties, quals)]}


# ---------------------------------------------------------------- gold and checks
def post(name, dept, sup, duties, quals) -> dict:
    return {"name": name, "department": dept, "reports_to": sup, "duties": list(duties),
            "qualifications": list(quals)}


def text_of(path: Path) -> str:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            parts = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/")
                     and n.endswith(".xml")]
        return re.sub(r"<[^>]+>", "", "".join(parts))
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row
                         if c.value is not None)
    if path.suffix == ".pdf":
        out = subprocess.run(["pdftotext", str(path), "-"], check=True,
                             capture_output=True).stdout.decode("utf-8")
        return out
    return path.read_bytes().decode("utf-8")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def check(gold: dict) -> None:
    bad = []
    for d in gold["documents"]:
        path = HERE / d["file"]
        text = text_of(path)
        flat = squash(text)
        if path.suffix == ".pdf":
            flat = re.sub(r"第\d+页共\d+页|康宜生活医药零售内部资料|職責職責表述工作任務", "", flat)
        for p in d["posts"]:
            items = [p["name"]] + [x for x in (p["department"], p["reports_to"]) if x]
            items += p["duties"] + p["qualifications"]
            for it in items:
                hay = flat if path.suffix == ".pdf" else text
                needle = squash(it) if path.suffix == ".pdf" else it
                if needle not in hay:
                    bad.append(f"{d['file']}: {it[:40]}")
            for it in p["duties"] + p["qualifications"]:
                if re.match(r"^\s*(\d+[.、,:]|[（(]\d+[)）]|[-•·])", it):
                    bad.append(f"{d['file']}: numbered: {it[:40]}")
    if bad:
        raise SystemExit("gold check failed:\n" + "\n".join(bad))


HEADER = """\
# Gold for tests/data/jobdocs/heldout30: what a perfect importer returns for each document.
# Written by make/build.py from make/sources.py; do not edit by hand.
# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and
# reports_to as written in the document, or null where it gives none.
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdf", action="store_true", help="re-export the PDF through LibreOffice")
    args = ap.parse_args()
    if args.pdf and not shutil.which("soffice"):
        raise SystemExit("--pdf needs soffice")
    docs = [build_m1(), build_m4(), build_m2(), build_m3(args.pdf), build_m6(), build_m5(), build_m7()]
    gold = {"sources": [dict(s) for s in S.SOURCES], "documents": docs}
    check(gold)
    body = yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=10_000)
    (HERE / "gold.yaml").write_text(HEADER + body, encoding="utf-8")
    posts = sum(len(d["posts"]) for d in docs)
    duties = sum(len(p["duties"]) for d in docs for p in d["posts"])
    quals = sum(len(p["qualifications"]) for d in docs for p in d["posts"])
    print(f"{len(docs)} documents, {posts} posts, {duties} duties, {quals} qualifications")


if __name__ == "__main__":
    main()
