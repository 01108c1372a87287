"""Build the heldout11 documents and gold.yaml from sources.py, then check the gold against them.

    python tests/data/jobdocs/heldout11/make/build.py [--pdf]

Without --pdf the committed PDF is kept (and still checked); with it the PDF's Word file is built in a
temporary folder and converted by LibreOffice (soffice). Everything that is not the pages' text
(company, departments, superiors, codes, KPI tables, notes) is this script's own, see ../README.md.
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
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sources as S

HERE = Path(__file__).resolve().parent.parent
FIXED = dt.datetime(2025, 6, 1, 9, 0, 0)
FONT = "宋体"


# ---------------------------------------------------------------- Word helpers
def new_doc() -> Document:
    d = Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.5)
    st = d.styles["Normal"]
    st.font.name = FONT
    st.font.size = Pt(10.5)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        s = d.styles[name]
        s.font.name = FONT
        rpr = s.element.get_or_add_rPr()
        rpr.get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    return d


def para(d, text="", bold=False, size=None, align=None, indent=None):
    p = d.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
    if align == "c":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "r":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if indent:
        p.paragraph_format.first_line_indent = Cm(indent)
    return p


def field(par, instr):
    r = par.add_run()
    b = OxmlElement("w:fldChar")
    b.set(qn("w:fldCharType"), "begin")
    r._r.append(b)
    r2 = par.add_run()
    t = OxmlElement("w:instrText")
    t.set(qn("xml:space"), "preserve")
    t.text = f" {instr} "
    r2._r.append(t)
    r3 = par.add_run()
    s = OxmlElement("w:fldChar")
    s.set(qn("w:fldCharType"), "separate")
    r3._r.append(s)
    par.add_run("1")
    r4 = par.add_run()
    e = OxmlElement("w:fldChar")
    e.set(qn("w:fldCharType"), "end")
    r4._r.append(e)


def header_footer(d, left, code=None, footer="pages"):
    sec = d.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = left + (f"　　　　文件编号:{code}" if code else "")
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if footer == "pages":
        fp.add_run("第 ")
        field(fp, "PAGE")
        fp.add_run(" 页 共 ")
        field(fp, "NUMPAGES")
        fp.add_run(" 页")
    else:
        fp.add_run("- ")
        field(fp, "PAGE")
        fp.add_run(" -")


def shade(cell, color="D9D9D9"):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), color)
    tcPr.append(shd)


def cell_text(cell, text, bold=False, align=None):
    cell.text = ""
    p = cell.paragraphs[0]
    r = p.add_run(text)
    r.bold = bold
    if align == "c":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def table(d, rows, cols, widths=None):
    t = d.add_table(rows=rows, cols=cols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    if widths:
        for row in t.rows:
            for i, w in enumerate(widths):
                row.cells[i].width = Cm(w)
    return t


def page_break(d):
    from docx.enum.text import WD_BREAK
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def save_docx(d, path: Path):
    cp = d.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.created = cp.modified = FIXED
    cp.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    fix_zip(buf.getvalue(), path)


def fix_zip(data: bytes, path: Path):
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2025-06-01T09:00:00Z", body)
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 6, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    path.write_bytes(out.getvalue())


# ---------------------------------------------------------------- documents
def doc_v1(path: Path):
    """店长岗位说明书: a label|value form (word-table)."""
    d = new_doc()
    header_footer(d, S.SHORT + " 岗位说明书", "HJ-HR-JD-003")
    para(d, S.COMPANY, bold=True, size=12, align="c")
    para(d, "岗位说明书", bold=True, size=16, align="c")
    para(d, "文件编号:HJ-HR-JD-003　　版本:B/1　　生效日期:2025年6月1日", size=9, align="r")
    t = table(d, 9, 4, [3, 5, 3, 5])
    pairs = [("职位名称", "店长", "职位编号", "HJ-MD-001"),
             ("所属部门", "门店营运部", "汇报对象", "营运经理"),
             ("下属岗位", "副店长、收银员、理货员", "编制人数", "每店1人")]
    for i, (a, b, c, e) in enumerate(pairs):
        for j, v in enumerate((a, b, c, e)):
            cell_text(t.cell(i, j), v, bold=j in (0, 2))
            if j in (0, 2):
                shade(t.cell(i, j))
    merged = ["岗位目的", "工作职责", "任职要求", "考核要点", "工作时间", "备注"]
    for k, label in enumerate(merged, start=3):
        cell_text(t.cell(k, 0), label, bold=True)
        shade(t.cell(k, 0))
        m = t.cell(k, 1).merge(t.cell(k, 3))
        m.text = ""
        if label == "岗位目的":
            m.paragraphs[0].add_run("在营运经理领导下,全面负责本店的经营管理,完成公司下达的各项经营指标。")
        elif label == "工作职责":
            m.paragraphs[0].add_run(S.V1_INTRO)
            for n, duty in enumerate(S.V1_DUTIES, 1):
                m.add_paragraph(f"{n}、{duty}")
        elif label == "任职要求":
            m.paragraphs[0].add_run("按《门店管理人员任职资格标准》(HJ-HR-QS-001)执行。")
        elif label == "考核要点":
            m.paragraphs[0].add_run("销售额达成率、毛利率、损耗率、顾客投诉次数、员工流失率,按月考核,季度汇总。")
        elif label == "工作时间":
            m.paragraphs[0].add_run("做六休一,节假日轮休,需配合门店营业时间。")
        else:
            m.paragraphs[0].add_run("本说明书由人力资源部负责解释,每年复核一次。")
    t2 = table(d, 1, 6)
    for j, v in enumerate(["编制", "人力资源部", "审核", "营运经理", "批准", "总经理"]):
        cell_text(t2.cell(0, j), v, bold=j % 2 == 0)
    para(d)
    para(d, "任职者签字:____________　　日期:______年____月____日")
    save_docx(d, path)


def doc_v2(path: Path):
    """电商中心岗位职责汇编: a department handbook, posts under headings (word-handbook)."""
    d = new_doc()
    header_footer(d, S.COMPANY, "HJ-EC-GL-002")
    for _ in range(6):
        para(d)
    para(d, S.COMPANY, bold=True, size=18, align="c")
    para(d)
    para(d, "电商中心岗位职责汇编", bold=True, size=22, align="c")
    for _ in range(8):
        para(d)
    for line in ["文件编号:HJ-EC-GL-002", "版　　本:A/0", "编制部门:电商中心、人力资源部", "发布日期:2025年5月20日"]:
        para(d, line, size=12, align="c")
    page_break(d)
    para(d, "修订记录", bold=True, size=14, align="c")
    t = table(d, 4, 5)
    for j, v in enumerate(["版本", "修订日期", "修订内容", "修订人", "批准人"]):
        cell_text(t.cell(0, j), v, bold=True, align="c")
        shade(t.cell(0, j))
    rows = [["A/0", "2025-05-20", "首次发布", "周婷", "赵国强"], ["", "", "", "", ""], ["", "", "", "", ""]]
    for i, r in enumerate(rows, 1):
        for j, v in enumerate(r):
            cell_text(t.cell(i, j), v)
    page_break(d)
    d.add_heading("一、总则", level=1)
    para(d, "1. 为明确电商中心各岗位的工作职责,规范岗位管理,特制定本汇编。")
    para(d, "2. 本汇编适用于电商中心全体员工。各岗位的考核办法另行规定。")
    d.add_heading("二、岗位职责", level=1)
    sup = {"运营经理/主管": "电商中心总监", "网站/网店管理员": "运营经理/主管", "内容运营": "运营经理/主管",
           "营销经理/主管": "电商中心总监", "广告专员": "营销经理/主管", "社交媒体运营": "营销经理/主管",
           "客服经理/主管": "电商中心总监", "在线客服": "客服经理/主管", "投诉处理专员": "客服经理/主管",
           "供应链经理/主管": "电商中心总监", "物流专员": "供应链经理/主管"}
    for i, (dept, posts) in enumerate(S.V2, 1):
        d.add_heading(f"2.{i} {dept}", level=2)
        for j, (post, duty) in enumerate(posts, 1):
            d.add_heading(f"2.{i}.{j} {post}", level=3)
            para(d, f"岗位编号:HJ-EC-{i}{j:02d}　　所属部门:{dept}　　直接上级:{sup[post]}")
            para(d, "岗位职责:", bold=True)
            para(d, f"（1）{duty}")
    d.add_heading("三、附则", level=1)
    para(d, "1. 本汇编由人力资源部负责解释。")
    para(d, "2. 本汇编自发布之日起执行。")
    para(d)
    para(d, "编制:周婷　　　审核:孙浩　　　批准:赵国强")
    save_docx(d, path)


def doc_v3(path: Path):
    """拣货员岗位职责及考核标准: a 序号|职责描述|考核标准|权重 table (word-duty-table)."""
    d = new_doc()
    header_footer(d, S.SHORT + " 物流配送中心", None, footer="dash")
    para(d, "拣货员岗位职责及考核标准", bold=True, size=16, align="c")
    para(d, "岗位名称:拣货员　　所属部门:物流配送中心　　直接上级:仓储主管　　岗位编号:HJ-WL-012")
    para(d, "一、岗位职责及考核标准", bold=True)
    kpi = [("当日订单当日接收,漏接0单", "10%"), ("找位时间不超过标准工时", "10%"),
           ("拣货差错率≤0.1%", "20%"), ("临期、破损商品拣出率100%", "15%"),
           ("包装破损投诉0次", "15%"), ("按时交接,交接单完整", "10%"),
           ("盘点差异在允许范围内", "10%"), ("5S检查得分≥90分", "10%")]
    t = table(d, len(S.V3) + 2, 4, [1.5, 8, 5, 1.5])
    for j, v in enumerate(["序号", "职责描述", "考核标准", "权重"]):
        cell_text(t.cell(0, j), v, bold=True, align="c")
        shade(t.cell(0, j))
    for i, ((_title, duty), (std, w)) in enumerate(zip(S.V3, kpi, strict=True), 1):
        cell_text(t.cell(i, 0), str(i), align="c")
        cell_text(t.cell(i, 1), duty)
        cell_text(t.cell(i, 2), std)
        cell_text(t.cell(i, 3), w, align="c")
    last = len(S.V3) + 1
    m = t.cell(last, 0).merge(t.cell(last, 2))
    cell_text(m, "合计", bold=True, align="c")
    cell_text(t.cell(last, 3), "100%", align="c")
    para(d)
    para(d, "二、考核说明", bold=True)
    para(d, "1. 考核每月进行一次,由仓储主管评分,人力资源部汇总。")
    para(d, "2. 出现重大差错(整单错发、贵重商品遗失)的,当月考核不得评为合格。")
    para(d, "备注:本表考核标准如与公司绩效管理制度不一致的,以制度为准。")
    para(d)
    para(d, "被考核人:__________　　考核人:__________　　人力资源部:__________")
    save_docx(d, path)


def doc_v4(path: Path):
    """理货员岗位说明书 (Word, for the PDF)."""
    d = new_doc()
    header_footer(d, S.SHORT + " 岗位说明书", "HJ-HR-JD-011")
    para(d, "理货员岗位说明书", bold=True, size=16, align="c")
    para(d, "文件编号:HJ-HR-JD-011　　版本:A/1　　编制日期:2025年5月", size=9, align="c")
    para(d, "一、基本信息", bold=True)
    t = table(d, 3, 4, [3, 5, 3, 5])
    pairs = [("岗位名称", "理货员", "岗位编号", "HJ-MD-021"), ("所属部门", "门店营运部", "直接上级", "店长"),
             ("岗位定员", "按门店面积核定", "工作地点", "各门店卖场")]
    for i, row in enumerate(pairs):
        for j, v in enumerate(row):
            cell_text(t.cell(i, j), v, bold=j in (0, 2))
            if j in (0, 2):
                shade(t.cell(i, j))
    para(d)
    para(d, "二、岗位职责", bold=True)
    for n, duty in enumerate(S.V4, 1):
        para(d, f"（{'一二三四五'[n - 1]}）{duty}")
    para(d, "三、考核指标", bold=True)
    t = table(d, 4, 3, [5, 2, 9])
    for j, v in enumerate(["指标", "权重", "说明"]):
        cell_text(t.cell(0, j), v, bold=True, align="c")
        shade(t.cell(0, j))
    for i, row in enumerate([("陈列达标率", "40%", "按营运部陈列检查表逐项评分"),
                              ("缺货率", "30%", "每日开店前检查,缺货品项占比"),
                              ("价签准确率", "30%", "抽查价签与系统价格一致的比例")], 1):
        for j, v in enumerate(row):
            cell_text(t.cell(i, j), v)
    para(d)
    para(d, "编制:人力资源部　　审核:门店营运部　　批准:总经理")
    save_docx(d, path)


def build_pdf(path: Path):
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        src = tmpd / "理货员岗位说明书.docx"
        doc_v4(src)
        prof = tmpd / "profile"
        env = dict(os.environ, TZ="UTC", HOME=str(tmpd))
        cmd = ["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf",
               "--outdir", str(tmpd), str(src)]
        if shutil.which("setarch"):
            cmd = ["setarch", os.uname().machine, "-R", *cmd]
        subprocess.run(cmd, check=True, env=env, capture_output=True, timeout=180)
        data = (tmpd / "理货员岗位说明书.pdf").read_bytes()
    def same_len(m):
        s = m.group(0)
        return s[: s.index(b"(") + 1] + b"D:20250601090000Z"[: len(s) - s.index(b"(") - 2].ljust(len(s) - s.index(b"(") - 2, b"0") + b")"
    data = re.sub(rb"/(CreationDate|ModDate)\s*\(D:[^)]*\)", same_len, data)
    data = re.sub(rb"<[0-9A-Fa-f]{32}>", b"<" + b"0" * 32 + b">", data)
    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]{32}", lambda m: m.group(0)[:-32] + b"0" * 32, data)
    path.write_bytes(data)


def xlsx_v5(path: Path):
    """便利店岗位职责表: merged department/post cells, one row per duty (xlsx-merged)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    cols = ["部门", "岗位名称", "直接上级", "序号", "岗位职责", "任职要求", "定员", "备注"]
    widths = [12, 12, 12, 6, 60, 20, 8, 14]
    ws.merge_cells("A1:H1")
    ws["A1"] = S.COMPANY + " 便利店岗位职责表"
    ws["A1"].font = Font(name=FONT, size=14, bold=True)
    ws["A1"].alignment = center
    ws.merge_cells("A2:H2")
    ws["A2"] = "编制:人力资源部　　更新日期:2025-05-28　　表号:HJ-HR-T-07"
    ws["A2"].alignment = Alignment(horizontal="right")
    for j, (c, w) in enumerate(zip(cols, widths, strict=True), 1):
        cell = ws.cell(3, j, c)
        cell.font = Font(name=FONT, bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.alignment = center
        cell.border = box
        ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width = w
    sup = {"店长": "区域督导", "副店长": "店长", "收银员": "店长", "陈列员": "副店长",
           "库存管理员": "副店长", "商品采购员": "店长"}
    staff = {"店长": 1, "副店长": 1, "收银员": 3, "陈列员": 2, "库存管理员": 1, "商品采购员": 1}
    note = {"收银员": "含夜班1人", "商品采购员": "可由店长兼任"}
    r = 4
    first = r
    for post, duties in S.V5:
        start = r
        for n, duty in enumerate(duties, 1):
            ws.cell(r, 4, n).alignment = center
            ws.cell(r, 5, duty).alignment = wrap
            for j in range(1, 9):
                ws.cell(r, j).border = box
            r += 1
        ws.cell(start, 2, post).alignment = center
        ws.cell(start, 3, sup[post]).alignment = center
        ws.cell(start, 7, staff[post]).alignment = center
        ws.cell(start, 8, note.get(post, "")).alignment = center
        for col in (2, 3, 6, 7, 8):
            if r - 1 > start:
                ws.merge_cells(start_row=start, start_column=col, end_row=r - 1, end_column=col)
    ws.cell(first, 1, "便利店事业部").alignment = center
    ws.merge_cells(start_row=first, start_column=1, end_row=r - 1, end_column=1)
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=8)
    ws.cell(r, 1, "说明:任职要求见《门店岗位任职资格标准》;定员按标准店(120平方米)核定,大店另行审批。")
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws2 = wb.create_sheet("修订记录")
    for j, v in enumerate(["版本", "日期", "内容", "修订人"], 1):
        ws2.cell(1, j, v).font = Font(bold=True)
    for j, v in enumerate(["V1.0", "2025-05-28", "首次编制", "周婷"], 1):
        ws2.cell(2, j, v)
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    fix_zip(buf.getvalue(), path)


def txt_v6(path: Path):
    """店長崗位職責 copied from a web page into Notepad (traditional script, UTF-8, CRLF)."""
    lines = [
        "店長崗位職責說明書(集合12篇)",
        "來源:onlinecha.com　2025-05-26 複製",
        "",
        "隨著社會一步步向前發展,各種崗位職責頻頻出現,崗位職責主要強調的是在工作範圍內所應盡的責任。",
        "",
        S.V6_TITLE + "2",
        "",
    ]
    lines += [f"{n}.{d}" for n, d in enumerate(S.V6, 1)]
    lines += ["", "(只摘錄超市店長一篇,其餘各篇為美容院等行業,未複製。)", ""]
    path.write_bytes("\r\n".join(lines).encode("utf-8"))


def md_v7(path: Path):
    """采购职位 saved as Markdown from a Q&A page (markdown-web-copy)."""
    out = ["# 采购职位有哪些", "", "> 有货号 · 科普 · 2025-05-18", "", S.V7_LEAD, ""]
    for name, duty in S.V7[:7]:
        out += [f"## {name}", "", duty, ""]
    for name, duty in S.V7[7:]:
        out += [f"- **{name}** :{duty}"]
    out += ["", S.V7_TAIL, "", "---", "", "原文地址:http://www.youhuohao.com/kepu/1194420.html", ""]
    path.write_text("\n".join(out), encoding="utf-8")


# ---------------------------------------------------------------- gold
def gold() -> dict:
    src = [{"id": s["id"], "url": s["url"], "note": s["note"]} for s in S.SOURCES]
    v2_sup = {"运营经理/主管": "电商中心总监", "网站/网店管理员": "运营经理/主管", "内容运营": "运营经理/主管",
              "营销经理/主管": "电商中心总监", "广告专员": "营销经理/主管", "社交媒体运营": "营销经理/主管",
              "客服经理/主管": "电商中心总监", "在线客服": "客服经理/主管", "投诉处理专员": "客服经理/主管",
              "供应链经理/主管": "电商中心总监", "物流专员": "供应链经理/主管"}
    v5_sup = {"店长": "区域督导", "副店长": "店长", "收银员": "店长", "陈列员": "副店长",
              "库存管理员": "副店长", "商品采购员": "店长"}

    def post(name, dept, sup, duties, quals=()):
        return {"name": name, "department": dept, "reports_to": sup, "duties": list(duties),
                "qualifications": list(quals)}

    docs = [
        {"file": "店长岗位说明书.docx", "source": "v1", "layout": "word-table",
         "posts": [post("店长", "门店营运部", "营运经理", S.V1_DUTIES)]},
        {"file": "电商中心岗位职责汇编.docx", "source": "v2", "layout": "word-handbook",
         "posts": [post(p, dept, v2_sup[p], [d]) for dept, ps in S.V2 for p, d in ps]},
        {"file": "拣货员岗位职责及考核标准.docx", "source": "v3", "layout": "word-duty-table",
         "posts": [post("拣货员", "物流配送中心", "仓储主管", [d for _t, d in S.V3])]},
        {"file": "理货员岗位说明书.pdf", "source": "v4", "layout": "pdf-from-word",
         "posts": [post("理货员", "门店营运部", "店长", S.V4)]},
        {"file": "便利店岗位职责表.xlsx", "source": "v5", "layout": "xlsx-merged",
         "posts": [post(p, "便利店事业部", v5_sup[p], ds) for p, ds in S.V5]},
        {"file": "店長崗位職責.txt", "source": "v6", "layout": "txt-web-copy",
         "posts": [post("店長", None, None, S.V6)]},
        {"file": "采购职位有哪些.md", "source": "v7", "layout": "markdown-web-copy",
         "posts": [post(n, None, None, [d]) for n, d in S.V7]},
    ]
    return {"sources": src, "documents": docs}


HEAD = """# Gold for tests/data/jobdocs/heldout11: what a perfect importer returns for each document.
# Written by make/build.py from make/sources.py; do not edit by hand.
# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and
# reports_to as written in the document, or null where it gives none.
"""


# ---------------------------------------------------------------- checks
def text_of(path: Path) -> str:
    if path.suffix == ".docx":
        z = zipfile.ZipFile(path)
        parts = []
        for n in z.namelist():
            if n.startswith("word/") and n.endswith(".xml"):
                root = etree.fromstring(z.read(n))
                parts.append("".join(root.itertext()))
        return "".join(parts)
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True,
                              text=True).stdout
    return path.read_bytes().decode("utf-8-sig")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def check(g: dict):
    bad = []
    numbering = re.compile(r"^(\d+[.、)]|[（(][一二三四五六七八九十\d]+[)）]|[-•·*])")
    for doc in g["documents"]:
        text = squash(text_of(HERE / doc["file"]))
        for p in doc["posts"]:
            items = [p["name"]] + [v for v in (p["department"], p["reports_to"]) if v]
            items += p["duties"] + p["qualifications"]
            for it in items:
                if squash(it) not in text:
                    bad.append(f"{doc['file']}: not found: {it}")
            for it in p["duties"] + p["qualifications"]:
                if numbering.match(it):
                    bad.append(f"{doc['file']}: keeps numbering: {it}")
    posts = sum(len(d["posts"]) for d in g["documents"])
    duties = sum(len(p["duties"]) for d in g["documents"] for p in d["posts"])
    quals = sum(len(p["qualifications"]) for d in g["documents"] for p in d["posts"])
    if bad:
        sys.exit("\n".join(bad))
    print(f"ok: {len(g['documents'])} documents, {posts} posts, {duties} duties, {quals} qualifications")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdf", action="store_true", help="rebuild the PDF through LibreOffice")
    a = ap.parse_args()
    doc_v1(HERE / "店长岗位说明书.docx")
    doc_v2(HERE / "电商中心岗位职责汇编.docx")
    doc_v3(HERE / "拣货员岗位职责及考核标准.docx")
    if a.pdf:
        build_pdf(HERE / "理货员岗位说明书.pdf")
    xlsx_v5(HERE / "便利店岗位职责表.xlsx")
    txt_v6(HERE / "店長崗位職責.txt")
    md_v7(HERE / "采购职位有哪些.md")
    g = gold()
    (HERE / "gold.yaml").write_text(HEAD + yaml.safe_dump(g, allow_unicode=True, sort_keys=False, width=120),
                                    encoding="utf-8")
    check(g)


if __name__ == "__main__":
    main()
