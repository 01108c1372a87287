"""Build the heldout10 documents and gold.yaml from make/sources.py, then check the gold against them.

Run from anywhere:  python tests/data/jobdocs/heldout10/make/build.py [--pdf]
Without --pdf the committed PDF is kept (and still checked); with it the PDF's Word file is built in a
temporary folder and converted by LibreOffice.
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

import yaml
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, str(Path(__file__).parent))
import sources as S

HERE = Path(__file__).resolve().parent.parent
FIXED = datetime(2025, 6, 1, 9, 0, 0, tzinfo=UTC)
ZIP_TIME = (2025, 6, 1, 9, 0, 0)


# ---------------------------------------------------------------- Word helpers
def new_doc() -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.2)
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Title"):
        st = doc.styles[name]
        st.font.name = "宋体"
        st.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    doc.styles["Normal"].font.size = Pt(10.5)
    for name in ("Heading 1", "Heading 2"):
        doc.styles[name].font.color.rgb = None
    return doc


def para(doc_or_cell, text: str = "", bold: bool = False, size: float | None = None,
         align: int | None = None, style: str | None = None, indent_cm: float | None = None):
    p = doc_or_cell.add_paragraph(style=style) if style else doc_or_cell.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if indent_cm is not None:
        p.paragraph_format.first_line_indent = Cm(indent_cm)
    return p


def cell_text(cell, text: str, bold: bool = False, align: int | None = None, shade: str | None = None):
    cell.text = ""
    p = cell.paragraphs[0]
    r = p.add_run(text)
    r.bold = bold
    if align is not None:
        p.alignment = align
    if shade:
        tcPr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), shade)
        tcPr.append(shd)
    return p


def add_field(run, instr: str) -> None:
    for kind, val in (("begin", None), ("instr", instr), ("separate", None), ("text", "1"), ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = val
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = val
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


def header_footer(doc, left: str, right: str, footer: str = "page") -> None:
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = f"{left}\t\t{right}"
    hp.runs[0].font.size = Pt(9)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if footer == "page":
        for t, instr in (("第 ", None), ("", "PAGE"), (" 页 共 ", None), ("", "NUMPAGES"), (" 页", None)):
            r = fp.add_run(t)
            r.font.size = Pt(9)
            if instr:
                add_field(r, instr)
    else:
        r = fp.add_run("- ")
        add_field(fp.add_run(), "PAGE")
        fp.add_run(" -")


def save_docx(doc, path: Path) -> None:
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    write_zip_fixed(buf.getvalue(), path)


def write_zip_fixed(data: bytes, path: Path) -> None:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time over ours
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-06-01T09:00:00Z", body)
            dst.writestr(zi, body)
    path.write_bytes(out.getvalue())


def table(doc, rows: int, cols: int, widths: list[float]):
    t = doc.add_table(rows=rows, cols=cols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row in t.rows:
        for i, w in enumerate(widths):
            row.cells[i].width = Cm(w)
    return t


def signoff(doc, labels=("编制人:", "审核人:", "批准人:")) -> None:
    para(doc, "　　　　".join(f"{x}__________" for x in labels))


# ---------------------------------------------------------------- D1: 店长 (label|value form)
def build_d1(path: Path) -> dict:
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}·人力资源管理文件", "HR-GW-MD-001")
    para(doc, S.COMPANY, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "岗 位 说 明 书", bold=True, size=18, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "文件编号:HR-GW-MD-001　　版本:B/1　　生效日期:2025年6月1日", size=9,
         align=WD_ALIGN_PARAGRAPH.RIGHT)
    t = table(doc, 11, 4, [3.0, 5.0, 3.0, 5.0])
    shade = "D9E2F3"
    pairs = [("职位名称", "店长", "职位编号", "MD-01"),
             ("所属部门", "门店营运部", "汇报对象", "区域经理"),
             ("下属岗位", "店长助理、收银主管、理货组长", "编制人数", "每店1人")]
    for i, (a, b, c, d) in enumerate(pairs):
        r = t.rows[i].cells
        cell_text(r[0], a, bold=True, shade=shade)
        cell_text(r[1], b)
        cell_text(r[2], c, bold=True, shade=shade)
        cell_text(r[3], d)
    # 岗位目的
    r = t.rows[3].cells
    cell_text(r[0], "岗位目的", bold=True, shade=shade)
    m = r[1].merge(r[3])
    cell_text(m, "在区域经理领导下全面负责本门店的经营与管理,完成公司下达的各项经营指标。")
    # 工作职责
    r = t.rows[4].cells
    cell_text(r[0], "工作职责", bold=True, shade=shade)
    m = r[1].merge(r[3])
    m.text = ""
    first = True
    for i, (title, sentence) in enumerate(S.W4_ITEMS, 1):
        p = m.paragraphs[0] if first else m.add_paragraph()
        first = False
        run = p.add_run(f"{i}. {title}")
        run.bold = True
        q = m.add_paragraph(sentence)
        q.paragraph_format.left_indent = Cm(0.6)
    # 任职要求 (a reference, ours)
    r = t.rows[5].cells
    cell_text(r[0], "任职要求", bold=True, shade=shade)
    m = r[1].merge(r[3])
    cell_text(m, "按《门店管理岗位任职资格标准》(HR-ZG-003)执行。")
    # 考核要点 (ours)
    r = t.rows[6].cells
    cell_text(r[0], "考核要点", bold=True, shade=shade)
    m = r[1].merge(r[3])
    cell_text(m, "销售目标达成率40%;毛利率及损耗率25%;顾客满意度15%;人员流失率10%;门店检查得分10%。")
    r = t.rows[7].cells
    cell_text(r[0], "工作时间", bold=True, shade=shade)
    m = r[1].merge(r[3])
    cell_text(m, "综合工时制,按门店排班执行。")
    r = t.rows[8].cells
    cell_text(r[0], "晋升方向", bold=True, shade=shade)
    m = r[1].merge(r[3])
    cell_text(m, "区域经理")
    r = t.rows[9].cells
    cell_text(r[0], "备注", bold=True, shade=shade)
    m = r[1].merge(r[3])
    cell_text(m, "本说明书每年复核一次,岗位职责调整时由门店营运部提出修订。")
    r = t.rows[10].cells
    cell_text(r[0], "编制", bold=True, shade=shade)
    cell_text(r[1], "人力资源部 2025.05")
    cell_text(r[2], "批准", bold=True, shade=shade)
    cell_text(r[3], "")
    para(doc)
    para(doc, "任职者签字:______________　　日期:______年____月____日")
    save_docx(doc, path)
    return {
        "file": path.name, "source": "w4", "layout": "word-table",
        "posts": [{"name": "店长", "department": "门店营运部", "reports_to": "区域经理",
                   "duties": [s for _, s in S.W4_ITEMS], "qualifications": []}],
    }


# ---------------------------------------------------------------- D2: 物流仓储部 handbook
W1_SUPERIORS = {"仓库管理员": "仓储主管", "采购专员": "物流仓储部经理", "库存管理员": "仓储主管",
                "物流协调员": "物流仓储部经理"}
W1_CODES = {"仓库管理员": "WL-03", "采购专员": "WL-05", "库存管理员": "WL-04", "物流协调员": "WL-06"}


def build_d2(path: Path) -> dict:
    doc = new_doc()
    header_footer(doc, f"{S.COMPANY}　物流仓储部", "WL-SC-2025")
    for _ in range(6):
        para(doc)
    para(doc, S.COMPANY, bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc)
    para(doc, "物流仓储部岗位说明汇编", bold=True, size=24, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc)
    for line in ("文件编号:WL-SC-2025", "版　　本:第二版", "编制部门:物流仓储部 / 人力资源部",
                 "发布日期:2025年6月1日"):
        para(doc, line, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    para(doc, "修订记录", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    t = table(doc, 4, 5, [1.5, 2.0, 3.0, 6.0, 2.5])
    for i, h in enumerate(("版本", "修订日期", "修订人", "修订内容", "批准人")):
        cell_text(t.rows[0].cells[i], h, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for r, vals in enumerate((("A/0", "2023.03.01", "王晓东", "首次发布", "周海"),
                              ("A/1", "2024.02.15", "王晓东", "增加物流协调员岗位", "周海"),
                              ("B/0", "2025.05.20", "刘颖", "按新组织架构调整直接上级", "周海")), 1):
        for i, v in enumerate(vals):
            cell_text(t.rows[r].cells[i], v)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("一、总则", level=1)
    para(doc, "1. 为明确物流仓储部各岗位的工作范围和任职条件,便于招聘、培训和考核,特编制本汇编。")
    para(doc, "2. 本汇编适用于公司配送中心及各区域仓库。仓储主管、物流仓储部经理岗位另见《管理岗位说明书》。")
    para(doc, "3. 各岗位人员应熟悉本岗位职责,并服从上级的工作安排。")
    doc.add_heading("二、部门岗位设置", level=1)
    t = table(doc, 5, 4, [1.5, 4.0, 4.5, 3.0])
    for i, h in enumerate(("序号", "岗位名称", "直接上级", "定编")):
        cell_text(t.rows[0].cells[i], h, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for r, (name, _, _) in enumerate(S.W1_POSTS, 1):
        for i, v in enumerate((str(r), name, W1_SUPERIORS[name], ("6人", "1人", "2人", "2人")[r - 1])):
            cell_text(t.rows[r].cells[i], v)
    doc.add_heading("三、岗位职责", level=1)
    posts = []
    for n, (name, duties, quals) in enumerate(S.W1_POSTS, 1):
        doc.add_heading(f"3.{n} {name}", level=2)
        para(doc, f"岗位编号:{W1_CODES[name]}　　所属部门:物流仓储部　　直接上级:{W1_SUPERIORS[name]}")
        para(doc, "职责", bold=True)
        for i, d in enumerate(duties, 1):
            para(doc, f"（{i}）{d}", indent_cm=0.74)
        para(doc, "技能要求", bold=True)
        for i, q in enumerate(quals, 1):
            para(doc, f"（{i}）{q}", indent_cm=0.74)
        posts.append({"name": name, "department": "物流仓储部", "reports_to": W1_SUPERIORS[name],
                      "duties": list(duties), "qualifications": list(quals)})
    doc.add_heading("四、附则", level=1)
    para(doc, "1. 本汇编由人力资源部负责解释,自发布之日起执行。")
    para(doc, "2. 岗位职责如有调整,由物流仓储部提出,经人力资源部审核后修订。")
    para(doc)
    signoff(doc, ("编制:", "审核:", "批准:"))
    save_docx(doc, path)
    return {"file": path.name, "source": "w1", "layout": "word-handbook", "posts": posts}


# ---------------------------------------------------------------- D3: 收银主管 duty table
W3_STANDARDS = [
    "收银区检查无违规,礼仪抽查合格率≥95%",
    "收银差错率≤0.1%",
    "账务调整及时,差异当日说明",
    "发票、POS机领用登记完整,无遗失",
    "跨部门事项按时闭环",
    "每月培训不少于2次,考核合格率≥90%",
    "报表次日10:00前提交,数据准确",
    "提成核算无差错,按月上报",
    "疑难问题当班处理或上报",
    "排班表提前一周公布,考勤准确",
    "销售对单每日完成,差异有记录",
]
W3_WEIGHTS = [10, 10, 10, 8, 8, 10, 10, 8, 8, 8, 10]


def build_d3(path: Path) -> dict:
    doc = new_doc()
    header_footer(doc, S.COMPANY, "门店营运部·收银部")
    para(doc, "收银主管岗位职责及考核标准", bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "岗位名称:收银主管　　所属部门:收银部　　直接上级:店长　　岗位编号:SY-01")
    para(doc, "一、岗位职责及考核标准", bold=True)
    t = table(doc, len(S.W3_ITEMS) + 2, 5, [1.2, 3.2, 6.0, 4.6, 1.4])
    for i, h in enumerate(("序号", "工作项目", "职责描述", "考核标准", "权重")):
        cell_text(t.rows[0].cells[i], h, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, shade="E7E6E6")
    for r, ((title, duty), std, w) in enumerate(zip(S.W3_ITEMS, W3_STANDARDS, W3_WEIGHTS, strict=True), 1):
        row = t.rows[r].cells
        cell_text(row[0], str(r), align=WD_ALIGN_PARAGRAPH.CENTER)
        cell_text(row[1], title)
        cell_text(row[2], duty)
        cell_text(row[3], std)
        cell_text(row[4], f"{w}%", align=WD_ALIGN_PARAGRAPH.CENTER)
    last = t.rows[-1].cells
    m = last[0].merge(last[3])
    cell_text(m, "合计", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    cell_text(last[4], "100%", align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc)
    para(doc, "二、考核说明", bold=True)
    para(doc, "1. 考核每月进行一次,由店长评分,人力资源部汇总。")
    para(doc, "2. 单项得分=权重×完成系数;出现重大资金差错的,当月考核为不合格。")
    para(doc, "备注:本表自2025年6月起执行,原《收银组长考核表》同时废止。")
    para(doc)
    signoff(doc, ("被考核人:", "考核人:", "人力资源部:"))
    save_docx(doc, path)
    return {"file": path.name, "source": "w3", "layout": "word-duty-table",
            "posts": [{"name": "收银主管", "department": "收银部", "reports_to": "店长",
                       "duties": [d for _, d in S.W3_ITEMS], "qualifications": []}]}


# ---------------------------------------------------------------- D4: 店长助理 (Word form -> PDF)
def build_d4_docx(path: Path) -> None:
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}　岗位说明书", "HR-GW-MD-002")
    para(doc, "店长助理岗位说明书", bold=True, size=18, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "文件编号:HR-GW-MD-002　　版本:A/2　　编制日期:2025-05-28", size=9,
         align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "一、基本信息", bold=True, size=12)
    t = table(doc, 3, 4, [3.0, 5.0, 3.0, 5.0])
    for i, (a, b, c, d) in enumerate((("岗位名称", "店长助理", "岗位编号", "MD-02"),
                                       ("所属部门", "门店营运部", "直接上级", "店长"),
                                       ("直接下级", "无", "岗位定员", "每店1-2人"))):
        r = t.rows[i].cells
        cell_text(r[0], a, bold=True)
        cell_text(r[1], b)
        cell_text(r[2], c, bold=True)
        cell_text(r[3], d)
    para(doc)
    para(doc, "二、岗位概述", bold=True, size=12)
    para(doc, S.W5_LEAD, indent_cm=0.74)
    para(doc, "三、工作内容", bold=True, size=12)
    t = table(doc, len(S.W5_ROWS) + 1, 3, [1.4, 4.2, 10.4])
    for i, h in enumerate(("序号", "工作内容", "具体描述")):
        cell_text(t.rows[0].cells[i], h, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, shade="D9D9D9")
    for r, (title, desc) in enumerate(S.W5_ROWS, 1):
        cell_text(t.rows[r].cells[0], str(r), align=WD_ALIGN_PARAGRAPH.CENTER)
        cell_text(t.rows[r].cells[1], title)
        cell_text(t.rows[r].cells[2], desc)
    para(doc)
    para(doc, "四、任职条件", bold=True, size=12)
    para(doc, "参照《门店管理岗位任职资格标准》(HR-ZG-003)执行。", indent_cm=0.74)
    para(doc, "五、考核指标", bold=True, size=12)
    t = table(doc, 4, 3, [5.0, 2.0, 9.0])
    for i, h in enumerate(("指标", "权重", "说明")):
        cell_text(t.rows[0].cells[i], h, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for r, vals in enumerate((("门店销售目标达成率", "40%", "与店长同口径"),
                              ("顾客投诉处理及时率", "30%", "24小时内回复"),
                              ("报表及时准确率", "30%", "日报、周报按时提交")), 1):
        for i, v in enumerate(vals):
            cell_text(t.rows[r].cells[i], v)
    para(doc)
    signoff(doc)
    save_docx(doc, path)


def pdf_from_docx(docx: Path, out_pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        env = dict(os.environ, TZ="UTC", HOME=tmp)
        cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
               "--outdir", tmp, str(docx)]
        arch = shutil.which("setarch")
        if arch:
            cmd = [arch, os.uname().machine, "-R", *cmd]
        subprocess.run(cmd, check=True, env=env, capture_output=True, timeout=300)
        data = (Path(tmp) / (docx.stem + ".pdf")).read_bytes()
    def same_length_date(m: re.Match[bytes]) -> bytes:
        width = len(m.group(2))
        return b"/" + m.group(1) + b"(" + b"D:20250601090000Z".ljust(width)[:width] + b")"

    data = re.sub(rb"/(CreationDate|ModDate)\(([^)]*)\)", same_length_date, data)
    data = re.sub(rb"<([0-9A-Fa-f]{32})>", lambda m: b"<" + b"0" * 32 + b">", data)
    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]{32}", lambda m: b"/DocChecksum /" + b"0" * 32, data)
    out_pdf.write_bytes(data)


def d4_gold(name: str) -> dict:
    return {"file": name, "source": "w5", "layout": "pdf-from-word",
            "posts": [{"name": "店长助理", "department": "门店营运部", "reports_to": "店长",
                       "duties": [d for _, d in S.W5_ROWS], "qualifications": []}]}


# ---------------------------------------------------------------- D5: 采购部 xlsx
W2_SUPERIORS = {"采购部经理": "总经理", "采购员": "采购部经理", "采购文员": "采购部经理"}
W2_HEADCOUNT = {"采购部经理": 1, "采购员": 4, "采购文员": 1}


def build_d5(path: Path) -> dict:
    wb = Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    heads = ["部门", "岗位名称", "直接上级", "序号", "岗位职责", "任职要求", "编制人数", "备注"]
    widths = [10, 12, 12, 6, 46, 40, 9, 14]
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(heads))
    ws.cell(1, 1, f"{S.COMPANY}采购部岗位职责表").font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = center
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(heads))
    ws.cell(2, 1, "编制:人力资源部　　更新日期:2025年5月　　表号:HR-B-07")
    for i, (h, w) in enumerate(zip(heads, widths, strict=True), 1):
        c = ws.cell(3, i, h)
        c.font = Font(bold=True)
        c.alignment = center
        c.fill = PatternFill("solid", fgColor="DDEBF7")
        c.border = border
        ws.column_dimensions[chr(64 + i)].width = w
    row = 4
    start = row
    posts = []
    for name, duties, quals in S.W2_POSTS:
        top = row
        for i, d in enumerate(duties, 1):
            ws.cell(row, 4, i).alignment = center
            ws.cell(row, 5, d).alignment = wrap
            row += 1
        ws.cell(top, 2, name)
        ws.cell(top, 3, W2_SUPERIORS[name])
        ws.cell(top, 6, "\n".join(f"{i}、{q}" for i, q in enumerate(quals, 1)))
        ws.cell(top, 7, W2_HEADCOUNT[name])
        for col in (2, 3, 6, 7, 8):
            ws.merge_cells(start_row=top, start_column=col, end_row=row - 1, end_column=col)
            ws.cell(top, col).alignment = wrap if col == 6 else center
        posts.append({"name": name, "department": "采购部", "reports_to": W2_SUPERIORS[name],
                      "duties": list(duties), "qualifications": list(quals)})
    ws.cell(start, 1, "采购部")
    ws.merge_cells(start_row=start, start_column=1, end_row=row - 1, end_column=1)
    ws.cell(start, 1).alignment = center
    ws.cell(start + 3, 8, "含生鲜采购2人")
    for r in range(3, row):
        for c in range(1, len(heads) + 1):
            ws.cell(r, c).border = border
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(heads))
    ws.cell(row, 1, "说明:1. 本表按2025年组织架构编制;2. 岗位职责调整需经人力资源部审核;3. 任职要求为最低要求。")
    ws.freeze_panes = "C4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws2 = wb.create_sheet("修订记录")
    for r, vals in enumerate((("版本", "日期", "修订内容", "修订人"), ("1.0", "2024-03-01", "首次编制", "刘颖"),
                              ("1.1", "2025-05-20", "增加采购文员岗位", "刘颖")), 1):
        for c, v in enumerate(vals, 1):
            ws2.cell(r, c, v)
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = FIXED.replace(tzinfo=None)
    wb.properties.modified = FIXED.replace(tzinfo=None)
    buf = io.BytesIO()
    wb.save(buf)
    write_zip_fixed(buf.getvalue(), path)
    return {"file": path.name, "source": "w2", "layout": "xlsx-merged", "posts": posts}


# ---------------------------------------------------------------- D6: 運營主管 txt (UTF-8 BOM, CRLF)
def build_d6(path: Path) -> dict:
    lines = [S.W6_TITLE, "來源:招聘網站職位詳情　複製於2025-05-12", ""]
    lines += S.W6_HEAD
    lines += ["", "一、 崗位核心職責 (Job Responsibilities)"]
    duties = []
    for title, items in S.W6_GROUPS:
        lines.append(f"- {title}")
        for it in items:
            lines.append(f"- {it}")
            duties.append(it)
    lines += ["", "(任職資格要求未複製完整,見招聘系統原頁面)", ""]
    path.write_bytes(("\ufeff" + "\r\n".join(lines)).encode("utf-8"))
    return {"file": path.name, "source": "w6", "layout": "txt-web-copy",
            "posts": [{"name": "運營主管", "department": "運營部", "reports_to": "運營總監/公司負責人",
                       "duties": duties, "qualifications": []}]}


# ---------------------------------------------------------------- D7: 便利店 md
def build_d7(path: Path) -> dict:
    out = [f"# {S.W7_TITLE}", "", "> 整理自网络,供便利店项目定岗参考(2025-05)", "",
           f"【{S.W7_TITLE}】{S.W7_INTRO}", "", "## 一、主要职位概述", "", S.W7_OVERVIEW, "",
           "| 职位名称 | 工作内容简述 |", "| --- | --- |"]
    for name, desc in S.W7_ROWS:
        out.append(f"| {name} | {desc} |")
    out += ["", "## 二、各职位的工作特点", ""]
    for i, t in enumerate(S.W7_TRAITS, 1):
        out.append(f"{i}. {t}")
    out += ["", "## 三、总结", "", S.W7_SUMMARY, ""]
    path.write_text("\n".join(out), encoding="utf-8")
    return {"file": path.name, "source": "w7", "layout": "markdown-table",
            "posts": [{"name": n, "department": None, "reports_to": None, "duties": [d],
                       "qualifications": []} for n, d in S.W7_ROWS]}


# ---------------------------------------------------------------- checking
def text_of(path: Path) -> str:
    suf = path.suffix
    if suf == ".docx":
        from lxml import etree
        z = zipfile.ZipFile(path)
        parts = [n for n in z.namelist() if re.match(r"word/(document|header\d*|footer\d*)\.xml", n)]
        out = []
        for n in parts:
            root = etree.fromstring(z.read(n))
            for p in root.iter(qn("w:p")):
                out.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
        return "\n".join(out)
    if suf == ".xlsx":
        from openpyxl import load_workbook
        wb = load_workbook(path)
        return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    if suf == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                              text=True).stdout
    if suf == ".txt":
        return path.read_bytes().decode("utf-8-sig")
    return path.read_text(encoding="utf-8")


def check(gold: dict) -> int:
    bad = 0
    for doc in gold["documents"]:
        path = HERE / doc["file"]
        raw = text_of(path)
        flat = re.sub(r"\s+", "", raw)
        for post in doc["posts"]:
            items = [post["name"], *(x for x in (post["department"], post["reports_to"]) if x)]
            items += post["duties"] + post["qualifications"]
            for item in items:
                if re.sub(r"\s+", "", item) not in flat:
                    print(f"MISSING in {doc['file']}: {item}")
                    bad += 1
            for item in post["duties"] + post["qualifications"]:
                if re.match(r"^\s*([0-9]+[.、．)]|[（(][0-9一二三四五六七八九十]+[)）]|[-•·*])", item):
                    print(f"NUMBERED in {doc['file']}: {item}")
                    bad += 1
    return bad


HEADER = """# Gold for tests/data/jobdocs/heldout10: what a perfect importer returns for each document.
# Written by make/build.py from make/sources.py; do not edit by hand.
# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and
# reports_to as written in the document, or null where it gives none.
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pdf", action="store_true", help="rebuild the PDF through LibreOffice")
    args = ap.parse_args()
    docs = [build_d1(HERE / "店长岗位说明书.docx"),
            build_d2(HERE / "物流仓储部岗位说明汇编.docx"),
            build_d3(HERE / "收银主管岗位职责及考核标准.docx")]
    pdf = HERE / "店长助理岗位说明书.pdf"
    if args.pdf:
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp) / "店长助理岗位说明书.docx"
            build_d4_docx(d)
            pdf_from_docx(d, pdf)
    docs.append(d4_gold(pdf.name))
    docs += [build_d5(HERE / "采购部岗位职责表.xlsx"),
             build_d6(HERE / "運營主管任職要求.txt"),
             build_d7(HERE / "24小时便利店职位.md")]
    gold = {"sources": S.SOURCES, "documents": docs}
    (HERE / "gold.yaml").write_text(HEADER + yaml.safe_dump(gold, allow_unicode=True, sort_keys=False,
                                                            width=120), encoding="utf-8")
    bad = check(gold)
    n_posts = sum(len(d["posts"]) for d in docs)
    n_duties = sum(len(p["duties"]) for d in docs for p in d["posts"])
    n_quals = sum(len(p["qualifications"]) for d in docs for p in d["posts"])
    print(f"{len(docs)} documents, {n_posts} posts, {n_duties} duties, {n_quals} qualifications; "
          f"{bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
