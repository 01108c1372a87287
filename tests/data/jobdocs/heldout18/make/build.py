"""Rebuild heldout18's documents and gold.yaml from make/sources.py, then check the gold against the files.

    python tests/data/jobdocs/heldout18/make/build.py [--pdf]

Without --pdf the committed PDF is kept (LibreOffice differs between machines) and only checked.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
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
STAMP = dt.datetime(2025, 6, 1, 9, 0, 0)
ZIP_TIME = (2025, 6, 1, 9, 0, 0)


# ---------------------------------------------------------------- Word helpers
def new_doc(header: str, footer_style: str = "page_of") -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.2)
    style = doc.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    hp = sec.header.paragraphs[0]
    hp.text = header
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if footer_style == "page_of":
        fp.add_run("第 ")
        add_field(fp, "PAGE")
        fp.add_run(" 页 共 ")
        add_field(fp, "NUMPAGES")
        fp.add_run(" 页")
    else:
        fp.add_run("- ")
        add_field(fp, "PAGE")
        fp.add_run(" -")
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.created = cp.modified = cp.last_printed = STAMP
    cp.revision = 1
    return doc


def add_field(paragraph, code: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {code} ")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def para(doc, text: str = "", bold: bool = False, size: float | None = None, align=None, indent: float | None = None):
    p = doc.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if indent is not None:
        p.paragraph_format.first_line_indent = Cm(indent)
    return p


def title(doc, text: str, size: float = 16) -> None:
    para(doc, text, bold=True, size=size, align=WD_ALIGN_PARAGRAPH.CENTER)


def shade(cell, fill: str = "D9D9D9") -> None:
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)


def set_cell(cell, text: str, bold: bool = False, fill: str | None = None) -> None:
    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold
    if fill:
        shade(cell, fill)


def repeat_header(row) -> None:
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def table(doc, rows: int, cols: int, widths: list[float] | None = None):
    t = doc.add_table(rows=rows, cols=cols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    if widths:
        for row in t.rows:
            for i, w in enumerate(widths):
                row.cells[i].width = Cm(w)
    return t


def page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def fix_zip(data: bytes) -> bytes:
    """Same bytes on every run: fixed entry times and a fixed dcterms:modified."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(<)", rb"\g<1>2025-06-01T09:00:00Z\g<3>", body)
            zi = zipfile.ZipInfo(info.filename, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, body)
    return out.getvalue()


def save_docx(doc, path: Path) -> None:
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(fix_zip(buf.getvalue()))


def signoff(doc, text: str = "编制:人力资源部　　　审核:　　　　　　批准:　　　　　　日期:2025年6月1日") -> None:
    para(doc, "")
    para(doc, text)


# ---------------------------------------------------------------- r1: xlsx
def build_r1(path: Path) -> dict:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "财务部"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    head = ["序号", "部门", "岗位", "直接上级", "职责类别", "工作内容", "备注"]
    ws.merge_cells("A1:G1")
    ws["A1"] = f"{S.COMPANY}财务部岗位职责表"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A2:G2")
    ws["A2"] = "编制部门:人力资源部　　更新日期:2025-06-01　　文件编号:LQ-HR-FIN-01"
    for i, h in enumerate(head, 1):
        c = ws.cell(row=3, column=i, value=h)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="D9D9D9")
        c.alignment = Alignment(horizontal="center", vertical="center")
        c.border = box
    row = 4
    n = 0
    first = row
    duties = []
    for gtitle, items in S.R1_GROUPS:
        gstart = row
        for d in items:
            n += 1
            ws.cell(row=row, column=1, value=n)
            ws.cell(row=row, column=6, value=d)
            duties.append(d)
            row += 1
        ws.cell(row=gstart, column=5, value=gtitle)
        if row - 1 > gstart:
            ws.merge_cells(start_row=gstart, start_column=5, end_row=row - 1, end_column=5)
    last = row - 1
    ws.cell(row=first, column=2, value="财务部")
    ws.cell(row=first, column=3, value="出纳")
    ws.cell(row=first, column=4, value="财务经理")
    ws.cell(row=first, column=7, value="门店营业款由各店收银组长每日交至出纳,见《营业款交接规定》")
    for col in (2, 3, 4, 7):
        ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)
    for r in range(3, last + 1):
        for c in range(1, 8):
            cell = ws.cell(row=r, column=c)
            cell.border = box
            if r > 3:
                cell.alignment = Alignment(vertical="center", wrap_text=True, horizontal="center" if c in (1, 2, 3, 4, 5) else None)
    ws.merge_cells(start_row=last + 1, start_column=1, end_row=last + 1, end_column=7)
    note = "说明:1.本表按《岗位说明书》整理,职责如有调整以最新版本为准;2.职责类别仅为归类,考核以月度KPI为准。"
    ws.cell(row=last + 1, column=1, value=note)
    for col, w in zip("ABCDEFG", (6, 10, 10, 12, 14, 62, 24), strict=True):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    rev = wb.create_sheet("修订记录")
    for r in (
        ("版本", "日期", "修订内容", "修订人"),
        ("V1.0", "2024-03-01", "首次发布", "人力资源部"),
        ("V1.1", "2025-06-01", "按财务部意见补充收款、档案管理职责", "人力资源部"),
    ):
        rev.append(r)
    wb.properties.creator = "人力资源部"
    wb.properties.created = STAMP
    wb.properties.modified = STAMP
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(fix_zip(buf.getvalue()))
    return {"name": "出纳", "department": "财务部", "reports_to": "财务经理", "duties": duties, "qualifications": []}


# ---------------------------------------------------------------- r2: duty table
def build_r2(path: Path) -> dict:
    doc = new_doc(f"{S.SHORT}·电商部", footer_style="dash")
    title(doc, "客服主管岗位职责及考核标准")
    para(doc, "所属部门:电商部　　直接上级:电商运营经理　　岗位编号:LQ-EC-05　　定员:1人", align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "一、岗位职责与考核标准", bold=True)
    rows = 1 + sum(1 + len(items) for _, items in S.R2_GROUPS) + 1
    t = table(doc, rows, 4, [1.4, 9.6, 4.6, 1.4])
    for i, h in enumerate(("序号", "职责描述", "考核标准", "权重")):
        set_cell(t.rows[0].cells[i], h, bold=True, fill="D9D9D9")
    repeat_header(t.rows[0])
    r = 1
    n = 0
    duties = []
    for gtitle, items in S.R2_GROUPS:
        merged = t.rows[r].cells[0].merge(t.rows[r].cells[3])
        set_cell(merged, gtitle, bold=True, fill="F2F2F2")
        r += 1
        for d in items:
            kpi, w = S.R2_KPI[n]
            n += 1
            set_cell(t.rows[r].cells[0], str(n))
            set_cell(t.rows[r].cells[1], d)
            set_cell(t.rows[r].cells[2], kpi)
            set_cell(t.rows[r].cells[3], w)
            duties.append(d)
            r += 1
    merged = t.rows[r].cells[0].merge(t.rows[r].cells[2])
    set_cell(merged, "合计", bold=True)
    set_cell(t.rows[r].cells[3], "100%", bold=True)
    para(doc, "二、说明", bold=True)
    para(doc, "1.考核按月进行,由电商运营经理评分,结果与绩效工资挂钩。")
    para(doc, "2.大促期间(618、双11)的排班与考核另行通知。")
    signoff(doc, "编制:人力资源部　　审核:电商运营经理　　批准:总经理　　生效日期:2025年6月1日")
    save_docx(doc, path)
    return {"name": "客服主管", "department": "电商部", "reports_to": "电商运营经理", "duties": duties, "qualifications": []}


# ---------------------------------------------------------------- r3: markdown
def build_r3(path: Path) -> dict:
    lines = [f"# {S.R3_TITLE}", "", "发布时间:2025-11-01　来源:网络整理", "", S.R3_LEAD, "", S.R3_LEAD2, ""]
    lines += ["## 一、网店店长的主要工作", ""]
    for i, (t, d) in enumerate(S.R3_ITEMS, 1):
        lines += [f"### {i}. {t}", "", d, ""]
    lines += ["---", "", f"原文地址:{S.SOURCES[2]['url']}(电商部收集,仅供内部参考)", ""]
    path.write_text("\n".join(lines), encoding="utf-8", newline="\n")
    return {"name": "网店店长", "department": None, "reports_to": None, "duties": [d for _, d in S.R3_ITEMS], "qualifications": []}


# ---------------------------------------------------------------- r4: handbook
def build_r4(path: Path) -> list[dict]:
    doc = new_doc(f"{S.COMPANY}　文件编号:LQ-CVS-HR-02")
    for _ in range(6):
        para(doc)
    title(doc, S.COMPANY, size=20)
    title(doc, "便利店事业部岗位职责与任职要求", size=22)
    para(doc)
    for line in ("文件编号:LQ-CVS-HR-02", "版　　本:V2.0", "编制部门:人力资源部", "发布日期:2025年6月1日"):
        para(doc, line, align=WD_ALIGN_PARAGRAPH.CENTER)
    page_break(doc)
    para(doc, "修订记录", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    rev = table(doc, 3, 4)
    for i, h in enumerate(("版本", "日期", "修订内容", "修订人")):
        set_cell(rev.rows[0].cells[i], h, bold=True, fill="D9D9D9")
    revs = (("V1.0", "2023-09-01", "首次发布", "人力资源部"), ("V2.0", "2025-06-01", "增加维修员岗位;补充招聘条件", "人力资源部"))
    for r, vals in enumerate(revs, 1):
        for i, v in enumerate(vals):
            set_cell(rev.rows[r].cells[i], v)
    page_break(doc)
    doc.add_heading("一、总则", level=1)
    para(doc, "1.为明确便利店各岗位职责,规范门店招聘与用工,特制定本规定。")
    para(doc, "2.本规定适用于公司所属各便利店门店。各岗位直接上级均为门店店长。")
    doc.add_heading("二、通用招聘条件", level=1)
    for i, g in enumerate(S.R4_GENERAL, 1):
        para(doc, f"{i}.{g}")
    doc.add_heading("三、岗位职责与任职要求", level=1)
    posts = []
    for i, (name, duty, qual) in enumerate(S.R4_POSTS, 1):
        doc.add_heading(f"3.{i} {name}", level=2)
        para(doc, "所属部门:便利店事业部　　直接上级:店长")
        para(doc, "岗位职责:", bold=True)
        para(doc, duty, indent=0.74)
        para(doc, "任职要求:", bold=True)
        para(doc, qual, indent=0.74)
        posts.append({"name": name, "department": "便利店事业部", "reports_to": "店长", "duties": [duty], "qualifications": [qual]})
    doc.add_heading("四、附则", level=1)
    para(doc, "1.本规定由人力资源部负责解释,自发布之日起执行。")
    para(doc, "2.兼职及夜班人员参照相应岗位执行。")
    signoff(doc)
    save_docx(doc, path)
    return posts


# ---------------------------------------------------------------- r5: txt
def build_r5(path: Path) -> dict:
    lines = [S.R5_TITLE, "2023-06-12　来源:网络　　(电商部转存)", "", "一、直播运营的职责", "", S.R5_AD, ""]
    for i, (t, d) in enumerate(S.R5_ITEMS, 1):
        lines += [f"{i}. {t}", "", d, ""]
    lines += ["(以上为网页节选,技能要求部分略。——电商部 2025.6)", ""]
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    return {"name": "直播运营", "department": None, "reports_to": None, "duties": [d for _, d in S.R5_ITEMS], "qualifications": []}


# ---------------------------------------------------------------- r6: pdf
def r6_docx(path: Path) -> list[dict]:
    doc = new_doc(f"{S.COMPANY}　文件编号:LQ-WH-HR-01")
    title(doc, "仓储物流部岗位说明书")
    para(doc, "编制部门:人力资源部　　生效日期:2025年6月1日　　版本:V1.0", align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "一、概述", bold=True)
    para(doc, S.R6_INTRO, indent=0.74)
    posts = []
    cn = "二三四"
    for i, (name, alias, boss, duty) in enumerate(S.R6_POSTS):
        para(doc, f"{cn[i]}、{name}", bold=True)
        t = table(doc, 3, 4, [2.6, 5.4, 2.6, 5.4])
        form = (
            ("岗位名称", name, "别　　称", alias),
            ("所属部门", "仓储物流部", "直接上级", boss),
            ("岗位编号", f"LQ-WH-0{i + 1}", "定　　员", "1人" if i == 0 else "2人"),
        )
        for r, (a, b, c, d) in enumerate(form):
            set_cell(t.rows[r].cells[0], a, bold=True, fill="D9D9D9")
            set_cell(t.rows[r].cells[1], b)
            set_cell(t.rows[r].cells[2], c, bold=True, fill="D9D9D9")
            set_cell(t.rows[r].cells[3], d)
        para(doc, "岗位职责:", bold=True)
        para(doc, duty, indent=0.74)
        posts.append({"name": name, "department": "仓储物流部", "reports_to": boss, "duties": [duty], "qualifications": []})
    para(doc, "五、考核指标", bold=True)
    k = table(doc, 4, 3, [4, 2, 10])
    kpis = (
        ("指标", "权重", "说明"),
        ("库存准确率", "40%", "月度盘点账实相符率≥99.5%"),
        ("收货及时率", "30%", "到货4小时内完成验收入库"),
        ("损耗率", "30%", "月度损耗金额占库存金额≤0.3%"),
    )
    for r, vals in enumerate(kpis):
        for c, v in enumerate(vals):
            set_cell(k.rows[r].cells[c], v, bold=r == 0, fill="D9D9D9" if r == 0 else None)
    signoff(doc)
    save_docx(doc, path)
    return posts


def pdf_fix(data: bytes) -> bytes:
    def same(m: re.Match) -> bytes:
        return re.sub(rb"[0-9]", b"0", m.group(0))

    data = re.sub(rb"/(CreationDate|ModDate)\s*\(D:[^)]*\)", same, data)
    def zeros(m: re.Match) -> bytes:
        return b"0" * len(m.group(0))

    def ids(m: re.Match) -> bytes:
        return re.sub(rb"(?<=<)[0-9A-Fa-f]+(?=>)", zeros, m.group(0))

    def checksum(m: re.Match) -> bytes:
        return re.sub(rb"(?<=/)[0-9A-Fa-f]{8,}", zeros, m.group(0))

    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]", ids, data)
    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]+", checksum, data)
    return data


def build_r6(path: Path, make_pdf: bool) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (path.stem + ".docx")
        posts = r6_docx(src)
        if make_pdf:
            profile = Path(tmp) / "profile"
            cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)]
            arch = os.uname().machine
            if shutil.which("setarch"):
                cmd = ["setarch", arch, "-R", *cmd]
            subprocess.run(cmd, check=True, env={**os.environ, "TZ": "UTC"}, capture_output=True)
            path.write_bytes(pdf_fix((Path(tmp) / (path.stem + ".pdf")).read_bytes()))
    return posts


# ---------------------------------------------------------------- r7: label|value form
def build_r7(path: Path) -> dict:
    doc = new_doc(f"{S.SHORT}　职位说明书", footer_style="dash")
    para(doc, S.COMPANY, align=WD_ALIGN_PARAGRAPH.CENTER)
    title(doc, "职位说明书")
    para(doc, "编号:LQ-WH-JD-07　　版本:V1.1　　修订日期:2025-06-01", align=WD_ALIGN_PARAGRAPH.RIGHT)
    t = table(doc, 10, 4, [2.8, 5.2, 2.8, 5.2])
    form = (
        ("职位名称", "淘宝配货员", "职位编号", "LQ-WH-07"),
        ("所属部门", "仓储物流部", "汇报对象", "仓库主管"),
        ("下属职位", "无", "职位定员", "6人(两班)"),
    )
    for r, (a, b, c, d) in enumerate(form):
        set_cell(t.rows[r].cells[0], a, bold=True, fill="D9D9D9")
        set_cell(t.rows[r].cells[1], b)
        set_cell(t.rows[r].cells[2], c, bold=True, fill="D9D9D9")
        set_cell(t.rows[r].cells[3], d)
    rows = [
        ("职位概要", [S.R7_OVERVIEW]),
        ("工作职责", [f"{i}、{d}" for i, d in enumerate(S.R7_DUTIES, 1)]),
        ("工作环境", [S.R7_ENV]),
        ("任职要求", ["见《仓储物流部通用任职条件》,本职位无特别要求。"]),
        ("考核指标", ["拣货准确率≥99.9%(40%);当日订单当日发出率≥98%(40%);包装破损投诉≤2单/月(20%)"]),
        ("工作时间", ["两班倒:早班8:00-17:00,晚班14:00-23:00;大促期间另行排班"]),
        ("备　　注", ["配货流程见附表;使用仓库管理系统账号须本人操作,不得转借。"]),
    ]
    for i, (label, texts) in enumerate(rows, 3):
        set_cell(t.rows[i].cells[0], label, bold=True, fill="D9D9D9")
        m = t.rows[i].cells[1].merge(t.rows[i].cells[3])
        m.text = ""
        for j, tx in enumerate(texts):
            p = m.paragraphs[0] if j == 0 else m.add_paragraph()
            p.add_run(tx)
    para(doc, "")
    para(doc, "附表:配货工作流程", bold=True)
    f = table(doc, len(S.R7_FLOW), 4, [1.4, 3.2, 3.8, 7.6])
    for r, vals in enumerate(S.R7_FLOW):
        for c, v in enumerate(vals):
            set_cell(f.rows[r].cells[c], v, bold=r == 0, fill="D9D9D9" if r == 0 else None)
    signoff(doc, "编制人:　　　　　审核人:　　　　　批准人:　　　　　任职者签字:　　　　　日期:")
    save_docx(doc, path)
    return {"name": "淘宝配货员", "department": "仓储物流部", "reports_to": "仓库主管", "duties": list(S.R7_DUTIES), "qualifications": []}


# ---------------------------------------------------------------- r8: 管理制度
def build_r8(path: Path) -> list[dict]:
    doc = new_doc(f"{S.SHORT}大药房　制度编号:LQ-YF-ZD-03")
    title(doc, "邻趣大药房员工管理制度")
    para(doc, "发文部门:大药房营运部　　生效日期:2025年6月1日", align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, S.R8_LEAD, indent=0.74)
    chapters = [
        ("一、员工行为规范", S.R8_RULES_1),
        ("二、岗位职责划分", [f"{n}:{d}" for n, d in S.R8_POSTS]),
        ("三、考勤与请假制度", S.R8_RULES_3),
        ("四、奖惩机制", S.R8_RULES_4),
        ("五、安全与卫生管理", S.R8_RULES_5),
    ]
    for head, items in chapters:
        para(doc, head, bold=True)
        for i, it in enumerate(items, 1):
            para(doc, f"{i}. {it}")
    para(doc, "六、附则", bold=True)
    para(doc, "1. 本制度由大药房营运部负责解释,自发布之日起执行。")
    signoff(doc, "编制:大药房营运部　　审核:质量负责人　　批准:总经理")
    save_docx(doc, path)
    return [{"name": n, "department": None, "reports_to": None, "duties": [d], "qualifications": []} for n, d in S.R8_POSTS]


# ---------------------------------------------------------------- r9: list
def build_r9(path: Path) -> dict:
    doc = new_doc(f"{S.SHORT}大药房", footer_style="dash")
    title(doc, "药房收银员岗位职责")
    para(doc, "所属部门:大药房　　直接上级:药房店长　　适用门店:各社区店药房专柜", align=WD_ALIGN_PARAGRAPH.CENTER)
    cn = "一二三四五六七"
    for i, d in enumerate(S.R9_DUTIES):
        para(doc, f"{cn[i]}、{d}", indent=0.74)
    para(doc, "")
    para(doc, "注:收银差错按《营业款管理办法》处理。")
    signoff(doc, "编制:大药房营运部　　　审核:　　　　　　日期:2025年6月1日")
    save_docx(doc, path)
    return {"name": "药房收银员", "department": "大药房", "reports_to": "药房店长", "duties": list(S.R9_DUTIES), "qualifications": []}


# ---------------------------------------------------------------- gold and checks
DOCS = [
    ("财务部岗位职责表.xlsx", "r1", "xlsx-merged"),
    ("客服主管岗位职责及考核标准.docx", "r2", "word-duty-table"),
    ("网店店长的工作内容.md", "r3", "markdown-web-copy"),
    ("便利店事业部岗位职责与任职要求.docx", "r4", "word-handbook"),
    ("直播运营岗位职责.txt", "r5", "txt-web-copy"),
    ("仓储物流部岗位说明书.pdf", "r6", "pdf-from-word"),
    ("淘宝配货员职位说明书.docx", "r7", "word-table"),
    ("邻趣大药房员工管理制度.docx", "r8", "word-policy"),
    ("药房收银员岗位职责.docx", "r9", "word-list"),
]


def text_of(path: Path) -> str:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True).stdout.decode("utf-8")
    if path.suffix == ".txt":
        return path.read_bytes().decode("gbk")
    return path.read_text(encoding="utf-8")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


LIST_MARK = re.compile(r"^\s*(\d+[.、)]|[(（]\d+[)）]|[一二三四五六七八九十]+、|[-•·*])")


def check(gold: dict) -> int:
    problems = 0
    for d in gold["documents"]:
        hay = squash(text_of(HERE / d["file"]))
        for p in d["posts"]:
            items = [p["name"], p["department"], p["reports_to"], *p["duties"], *p["qualifications"]]
            for it in items:
                if it is None:
                    continue
                if squash(it) not in hay:
                    print(f"MISSING in {d['file']}: {it[:40]}")
                    problems += 1
            for it in p["duties"] + p["qualifications"]:
                if LIST_MARK.match(it):
                    print(f"LIST MARK in {d['file']}: {it[:40]}")
                    problems += 1
    return problems


HEADER = """# Gold for tests/data/jobdocs/heldout18: what a perfect importer returns for each document.
# Written by make/build.py from make/sources.py; do not edit by hand.
# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and
# reports_to as written in the document, or null where it gives none.
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pdf", action="store_true", help="rebuild the PDF through LibreOffice")
    args = ap.parse_args()
    builders = {
        "r1": build_r1, "r2": build_r2, "r3": build_r3, "r4": build_r4, "r5": build_r5,
        "r7": build_r7, "r8": build_r8, "r9": build_r9,
    }
    documents = []
    for file, src, layout in DOCS:
        path = HERE / file
        posts = build_r6(path, args.pdf) if src == "r6" else builders[src](path)
        if isinstance(posts, dict):
            posts = [posts]
        documents.append({"file": file, "source": src, "layout": layout, "posts": posts})
    gold = {"sources": S.SOURCES, "documents": documents}
    text = HEADER + yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=4096)
    (HERE / "gold.yaml").write_text(text, encoding="utf-8")
    n_posts = sum(len(d["posts"]) for d in documents)
    n_duties = sum(len(p["duties"]) for d in documents for p in d["posts"])
    n_quals = sum(len(p["qualifications"]) for d in documents for p in d["posts"])
    problems = check(gold)
    print(f"{len(documents)} documents, {n_posts} posts, {n_duties} duties, {n_quals} qualifications; {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
