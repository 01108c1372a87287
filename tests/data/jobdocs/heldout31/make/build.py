"""Build heldout31's documents and gold.yaml from sources.py, then check the gold against the built files.

Usage: python tests/data/jobdocs/heldout31/make/build.py [--pdf]
Without --pdf the committed PDF is kept (LibreOffice makes it) and only checked.
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
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sources as S

HERE = Path(__file__).resolve().parent.parent
STAMP = datetime(2025, 9, 1, 9, 0, 0)
ZIP_TIME = (2025, 9, 1, 9, 0, 0)


# ---------------------------------------------------------------- helpers


def new_doc(header: str) -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.2)
    style = doc.styles["Normal"]
    style.font.name = "SimSun"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    style.font.size = Pt(10.5)
    doc.core_properties.author = "人力资源部"
    doc.core_properties.created = STAMP
    doc.core_properties.modified = STAMP
    doc.core_properties.last_modified_by = "人力资源部"
    hp = sec.header.paragraphs[0]
    hp.text = header
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer_page_numbers(sec.footer.paragraphs[0])
    return doc


def field(par, instr: str) -> None:
    run = par.add_run()
    for kind, text in (("begin", None), (None, instr), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == instr:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instr} "
            run._r.append(el)
        else:
            el = OxmlElement("w:t")
            el.text = text
            run._r.append(el)


def footer_page_numbers(par) -> None:
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    par.add_run("第 ")
    field(par, "PAGE")
    par.add_run(" 页 共 ")
    field(par, "NUMPAGES")
    par.add_run(" 页")


def shade(cell, color: str = "D9D9D9") -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), color)
    tcpr.append(shd)


def title(doc: Document, text: str, size: int = 16) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(text)
    r.bold = True
    r.font.size = Pt(size)


def bold_par(doc_or_cell, text: str):
    p = doc_or_cell.add_paragraph()
    p.add_run(text).bold = True
    return p


def set_cell(cell, text: str, bold: bool = False) -> None:
    cell.text = ""
    cell.paragraphs[0].add_run(text).bold = bold


def normalise_zip(path: Path) -> None:
    """Same bytes on every run: fixed entry times, entries in their original order."""
    data = path.read_bytes()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2025-09-01T09:00:00Z", body)
            ni = zipfile.ZipInfo(info.filename, ZIP_TIME)
            ni.compress_type = zipfile.ZIP_DEFLATED
            ni.external_attr = 0o644 << 16
            dst.writestr(ni, body)
    path.write_bytes(out.getvalue())


def save_docx(doc: Document, path: Path) -> None:
    doc.save(path)
    normalise_zip(path)


def signoff_table(doc: Document) -> None:
    t = doc.add_table(rows=2, cols=3)
    t.style = "Table Grid"
    for i, lab in enumerate(("编制:人力资源部", "审核:", "批准:")):
        set_cell(t.cell(0, i), lab)
        set_cell(t.cell(1, i), "日期:")


# ---------------------------------------------------------------- documents


def doc_n1(path: Path) -> dict:
    doc = new_doc(f"{S.SHORT}　人力资源管理文件　HY-HR-JD-031")
    p = doc.add_paragraph(S.COMPANY)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title(doc, "岗 位 说 明 书")
    doc.add_paragraph("文件编号:HY-HR-JD-031　　版本:A/1　　生效日期:2025年9月1日")
    t = doc.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    pairs = [
        ("职位名称", "客服专员", "职位编号", "KF-02"),
        ("汇报对象", "客服经理", "所属部门", "客户服务部"),
        ("工作地点", "总部客服中心(可远程)", "岗位定员", "6人"),
        ("薪资范围", "按公司薪酬制度", "直接下级", "无"),
    ]
    for a, b, c, d in pairs:
        cells = t.add_row().cells
        for cell, text, lab in ((cells[0], a, True), (cells[1], b, False), (cells[2], c, True), (cells[3], d, False)):
            set_cell(cell, text)
            if lab:
                shade(cell)

    def merged_row(label: str):
        cells = t.add_row().cells
        set_cell(cells[0], label)
        shade(cells[0])
        body = cells[1].merge(cells[3])
        body.text = ""
        return body

    body = merged_row("岗位目的")
    body.paragraphs[0].add_run("通过线上线下渠道为顾客提供咨询与售后服务,维护客户关系。")
    body = merged_row("工作职责")
    first = True
    n = 0
    for group, items in S.N1_GROUPS:
        p = body.paragraphs[0] if first else body.add_paragraph()
        first = False
        p.add_run(group).bold = True
        for item in items:
            n += 1
            body.add_paragraph(f"{n}. {item}")
    body = merged_row("任职要求")
    first = True
    for group, items in S.N1_QUALS:
        p = body.paragraphs[0] if first else body.add_paragraph()
        first = False
        p.add_run(group).bold = True
        for item in items:
            body.add_paragraph(f"● {item}")
    body = merged_row("考核要点")
    body.paragraphs[0].add_run("首次响应时长、问题解决率、客户满意度、知识库条目贡献。")
    body = merged_row("备注")
    body.paragraphs[0].add_run("本说明书每年复核一次;客服主管岗另行编制。")
    doc.add_paragraph()
    signoff_table(doc)
    doc.add_paragraph("任职者签字:____________　　日期:______")
    save_docx(doc, path)
    duties = [d for _, items in S.N1_GROUPS for d in items]
    quals = [q for _, items in S.N1_QUALS for q in items]
    return {"posts": [post("客服专员", "客户服务部", "客服经理", duties, quals)]}


def post(name, dept, sup, duties, quals) -> dict:
    return {"name": name, "department": dept, "reports_to": sup, "duties": list(duties), "qualifications": list(quals)}


def doc_n2(path: Path) -> dict:
    doc = new_doc(f"{S.SHORT}　茶饮事业部　HY-CY-SC-002")
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for _ in range(6):
        p.add_run().add_break()
    r = p.add_run(S.COMPANY)
    r.font.size = Pt(18)
    p2 = doc.add_paragraph()
    p2.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p2.add_run("茶饮事业部门店岗位手册")
    r.bold = True
    r.font.size = Pt(24)
    for line in ("文件编号:HY-CY-SC-002", "版　　本:B/0", "编制部门:茶饮事业部、人力资源部", "发布日期:2025年9月1日"):
        q = doc.add_paragraph(line)
        q.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    bold_par(doc, "修订记录")
    t = doc.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for i, h in enumerate(("版本", "日期", "修订内容", "修订人")):
        set_cell(t.rows[0].cells[i], h, bold=True)
    for row in (("A/0", "2024-03-01", "初版", "王敏"), ("B/0", "2025-09-01", "按新门店模型调整岗位设置", "李倩")):
        cells = t.add_row().cells
        for i, v in enumerate(row):
            set_cell(cells[i], v)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("第一章　总则", level=1)
    doc.add_paragraph("第一条　为明确茶饮门店各岗位的职责与任职条件,特编制本手册。")
    doc.add_paragraph("第二条　本手册适用于茶饮事业部所属直营门店。")
    doc.add_heading("第二章　岗位职责", level=1)
    out = []
    for i, p_ in enumerate(S.N2_POSTS, 1):
        doc.add_heading(f"第{'一二三四'[i - 1]}节　{p_['name']}", level=2)
        doc.add_paragraph(f"所属部门:茶饮事业部　　直接上级:{p_['reports_to']}")
        doc.add_paragraph(p_["lead"])
        bold_par(doc, "（一）职责")
        for k, d in enumerate(p_["duties"], 1):
            doc.add_paragraph(f"{k}. {d}")
        if p_["quals"]:
            bold_par(doc, "（二）所需技能")
            for k, q in enumerate(p_["quals"], 1):
                doc.add_paragraph(f"{k}. {q}")
        else:
            doc.add_paragraph("（二）所需技能:参照收银员执行。")
        out.append(post(p_["name"], "茶饮事业部", p_["reports_to"], p_["duties"], p_["quals"]))
    doc.add_heading("第三章　附则", level=1)
    doc.add_paragraph("第三条　本手册由人力资源部负责解释,自发布之日起施行。")
    doc.add_paragraph("编制:茶饮事业部　　审核:人力资源部　　批准:总经理")
    save_docx(doc, path)
    # the 服务员 section says its skills follow 收银员's; that is a note, not a qualification.
    return {"posts": out}


def doc_n3(path: Path) -> dict:
    doc = new_doc(f"{S.SHORT}　电商事业部")
    p = doc.add_paragraph(S.COMPANY)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title(doc, "直播运营专员岗位职责与考核标准")
    doc.add_paragraph("文件编号:HY-DS-KH-007　　版本:A/0　　日期:2025年9月1日")
    t = doc.add_table(rows=2, cols=4)
    t.style = "Table Grid"
    vals = (("岗位名称", "直播运营专员", "岗位编号", "DS-ZB-01"), ("所属部门", "电商事业部", "直接上级", "电商运营经理"))
    for r, row in enumerate(vals):
        for c, v in enumerate(row):
            set_cell(t.cell(r, c), v)
            if c % 2 == 0:
                shade(t.cell(r, c))
    doc.add_paragraph()
    bold_par(doc, "一、岗位职责与考核标准")
    t = doc.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for i, h in enumerate(("序号", "职责描述", "考核标准", "权重")):
        set_cell(t.rows[0].cells[i], h, bold=True)
        shade(t.rows[0].cells[i])
    trpr = t.rows[0]._tr.get_or_add_trPr()
    th = OxmlElement("w:tblHeader")
    th.set(qn("w:val"), "true")
    trpr.append(th)
    for i, (d, (kpi, w)) in enumerate(zip(S.N3_DUTIES, S.N3_KPI, strict=True), 1):
        cells = t.add_row().cells
        for c, v in enumerate((str(i), d, kpi, w)):
            set_cell(cells[c], v)
    cells = t.add_row().cells
    merged = cells[0].merge(cells[2])
    set_cell(merged, "合计", bold=True)
    set_cell(cells[3], "100%", bold=True)
    doc.add_paragraph()
    bold_par(doc, "二、任职要求")
    for i, q in enumerate(S.N3_QUALS, 1):
        doc.add_paragraph(f"（{i}）{q}")
    bold_par(doc, "三、说明")
    doc.add_paragraph("1. 考核每月一次,由直接上级评分。")
    doc.add_paragraph("2. 权重可按季度重点工作调整,调整须报人力资源部备案。")
    doc.add_paragraph()
    signoff_table(doc)
    doc.add_paragraph("任职者签字:____________")
    save_docx(doc, path)
    return {"posts": [post("直播运营专员", "电商事业部", "电商运营经理", S.N3_DUTIES, S.N3_QUALS)]}


def doc_n4_word(path: Path) -> None:
    doc = new_doc(f"{S.SHORT}　超市營運部　內部資料")
    p = doc.add_paragraph(S.COMPANY)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title(doc, "收銀主管崗位說明書")
    doc.add_paragraph("文件編號:HY-CS-JD-012　　版本:A/2　　日期:2025年9月1日")
    t = doc.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    for a, b, c, d in (("崗位名稱", "收銀主管", "崗位編號", "CS-SY-01"), ("所屬部門", "超市營運部", "直接上級", "門店店長"),
                       ("直接下級", "收銀員、總收室出納", "崗位定員", "每店1人")):
        cells = t.add_row().cells
        for i, v in enumerate((a, b, c, d)):
            set_cell(cells[i], v)
            if i % 2 == 0:
                shade(cells[i])
    cells = t.add_row().cells
    set_cell(cells[0], "崗位概述")
    shade(cells[0])
    m = cells[1].merge(cells[3])
    set_cell(m, S.N4_SUMMARY)
    for label, items in (("崗位職責", S.N4_DUTIES), ("崗位要求", S.N4_QUALS)):
        cells = t.add_row().cells
        set_cell(cells[0], label)
        shade(cells[0])
        m = cells[1].merge(cells[3])
        m.text = ""
        for i, it in enumerate(items, 1):
            par = m.paragraphs[0] if i == 1 else m.add_paragraph()
            par.add_run(f"{i}. {it}")
    cells = t.add_row().cells
    set_cell(cells[0], "發展方向")
    shade(cells[0])
    set_cell(cells[1].merge(cells[3]), S.N4_DEVELOP)
    doc.add_paragraph()
    doc.add_paragraph("編制:人力資源部　　審核:超市營運部　　批准:")
    doc.save(path)


def make_pdf(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "收銀主管崗位說明書.docx"
        doc_n4_word(src)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True)
        data = (Path(tmp) / "收銀主管崗位說明書.pdf").read_bytes()

    def same_len(m: re.Match) -> bytes:
        return re.sub(rb"[0-9A-Fa-f]", b"0", m.group(0))
    data = re.sub(rb"/CreationDate\(D:[^)]*\)", lambda m: b"/CreationDate(D:20250901090000" + b" " * (len(m.group(0)) - 31) + b")", data)
    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]", same_len, data)
    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]+", same_len, data)
    out.write_bytes(data)


def doc_n5(path: Path) -> dict:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    ws.merge_cells("A1:G1")
    ws["A1"] = f"{S.COMPANY}茶饮加盟事业部　门店岗位职责表"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A2:G2")
    ws["A2"] = "编制部门:茶饮加盟事业部　　更新日期:2025-09-01　　版本:V1.1"
    heads = ("序号", "部门", "岗位类别", "岗位名称", "直接上级", "岗位职责", "备注")
    for i, h in enumerate(heads, 1):
        c = ws.cell(row=3, column=i, value=h)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
        c.border = box
    r0 = 4
    for i, (grp, name, duty, sup) in enumerate(S.N5_ROWS):
        r = r0 + i
        for col, v in enumerate((i + 1, "茶饮加盟事业部", grp, name, sup, duty, ""), 1):
            c = ws.cell(row=r, column=col, value=v)
            c.border = box
            c.alignment = wrap
    last = r0 + len(S.N5_ROWS) - 1
    ws.merge_cells(start_row=r0, start_column=2, end_row=last, end_column=2)
    start = r0
    for i in range(1, len(S.N5_ROWS) + 1):
        if i == len(S.N5_ROWS) or S.N5_ROWS[i][0] != S.N5_ROWS[start - r0][0]:
            end = r0 + i - 1
            if end > start:
                ws.merge_cells(start_row=start, start_column=3, end_row=end, end_column=3)
                ws.merge_cells(start_row=start, start_column=7, end_row=end, end_column=7)
            start = end + 1
    ws.cell(row=r0 + 6, column=7, value="视门店规模设置")
    ws.cell(row=last + 1, column=1, value="说明:")
    ws.merge_cells(start_row=last + 1, start_column=2, end_row=last + 1, end_column=7)
    ws.cell(row=last + 1, column=2, value="小型门店(日客量≤50人)可由店长兼任收银、采购;节假日高峰可临时增加人手。")
    for col, w in zip("ABCDEFG", (6, 14, 12, 14, 14, 60, 14), strict=True):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws2 = wb.create_sheet("修订记录")
    for row in (
        ("版本", "日期", "内容", "修订人"),
        ("V1.0", "2025-03-15", "新建", "赵雪"),
        ("V1.1", "2025-09-01", "增加推广/市场人员", "赵雪"),
    ):
        ws2.append(row)
    wb.properties.created = STAMP
    wb.properties.modified = STAMP
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.save(path)
    normalise_zip(path)
    return {"posts": [post(name, "茶饮加盟事业部", sup, [duty], []) for _, name, duty, sup in S.N5_ROWS]}


def doc_n6(path: Path) -> dict:
    lines = [
        "# 品類管理基本崗位職責",
        "",
        "> 網頁另存 2025-08-20 · 來源見文末",
        "",
        S.N6_LEAD,
        "",
        "## 品類管理崗位職責",
        "",
    ]
    lines += [f"{i}. {d}" for i, d in enumerate(S.N6_DUTIES, 1)]
    lines += ["", "## 品類管理崗位要求", ""]
    lines += [f"{i}. {q}" for i, q in enumerate(S.N6_QUALS, 1)]
    lines += ["", "## 品類管理發展方向", "", S.N6_DEVELOP, "", "---", "", "來源: <http://iweibi.com/n_41996>", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return {"posts": [post("品類經理", None, None, S.N6_DUTIES, S.N6_QUALS)]}


def doc_n7(path: Path) -> dict:
    lines = ["开店要什么员工", "2025-01-11 07:06:20", S.N7_LEAD]
    out = []
    for head, items in S.N7_SECTIONS:
        lines.append(head)
        lines += [text for _, text in items]
        duties = [t for k, t in items if k == "duty"]
        quals = [t for k, t in items if k == "qual"]
        if duties:
            out.append(post(head, None, None, duties, quals))
    lines.append("建议")
    lines += S.N7_ADVICE
    lines += ["", "(网页复制,来源:https://qjbk.net/changshi/y4x2kMDvLW.html)", ""]
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    return {"posts": out}


def doc_n8(path: Path) -> dict:
    doc = new_doc(f"{S.SHORT}　茶饮事业部　门店培训资料")
    title(doc, "奶茶店员工基本职责(培训讲义)", 15)
    doc.add_paragraph("适用岗位:奶茶店员工　　所属部门:茶饮事业部　　直接上级:店长")
    doc.add_paragraph("奶茶店员工的工作可以分为多个方面,主要包括以下几个职责")
    for i, (head, text) in enumerate(S.N8_DUTIES, 1):
        doc.add_heading(f"{i}. {head}", level=3)
        doc.add_paragraph(text)
    doc.add_heading("所需技能", level=2)
    doc.add_paragraph("为了胜任奶茶店的工作,员工需要掌握一些特定的技能。")
    for head, text in S.N8_QUALS:
        doc.add_heading(head, level=3)
        doc.add_paragraph(text)
    doc.add_paragraph("(培训讲义,以下略)")
    save_docx(doc, path)
    return {"posts": [post("奶茶店员工", "茶饮事业部", "店长",
                           [t for _, t in S.N8_DUTIES], [t for _, t in S.N8_QUALS])]}


def doc_n9(path: Path) -> dict:
    lines = ["直播运营是做什么的?直播运营的职责和技能要求", "", S.N9_LEAD, "", "一、直播运营的职责", ""]
    for i, (head, text) in enumerate(S.N9_DUTIES, 1):
        lines += [f"{i}. {head}", "", text, ""]
    lines += ["……", "", "(复制自 http://chengdu.cdxwcx.cn/article/ecjjep.html)", ""]
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    return {"posts": [post("直播运营", None, None, [t for _, t in S.N9_DUTIES], [])]}


DOCS = [
    ("客服专员岗位说明书.docx", "n1", "word-table", doc_n1),
    ("茶饮事业部门店岗位手册.docx", "n2", "word-handbook", doc_n2),
    ("直播运营专员岗位职责与考核标准.docx", "n3", "word-duty-table", doc_n3),
    ("收銀主管崗位說明書.pdf", "n4", "pdf-from-word", None),
    ("茶饮加盟事业部岗位职责表.xlsx", "n5", "xlsx-merged", doc_n5),
    ("品類管理基本崗位職責.md", "n6", "markdown-web-copy", doc_n6),
    ("开店要什么员工.txt", "n7", "txt-web-copy", doc_n7),
    ("奶茶店员工基本职责.docx", "n8", "word-numbered-titles", doc_n8),
    ("直播运营的职责.txt", "n9", "txt-gbk", doc_n9),
]


# ---------------------------------------------------------------- check


def text_of(path: Path) -> str:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/") and n.endswith(".xml"))
        return re.sub(r"<[^>]+>", "", xml)
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True).stdout.decode("utf-8")
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gbk")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def check(gold: dict) -> None:
    n_posts = n_duties = 0
    for d in gold["documents"]:
        text = squash(text_of(HERE / d["file"]))
        for p in d["posts"]:
            n_posts += 1
            for v in [p["name"], p["department"], p["reports_to"], *p["duties"], *p["qualifications"]]:
                if v is not None:
                    assert squash(v) in text, (d["file"], v)
            for v in [*p["duties"], *p["qualifications"]]:
                assert not re.match(r"^(\d+[.、]|[（(]\d+[)）]|[-•●])", v), v
            n_duties += len(p["duties"])
    print(f"checked {len(gold['documents'])} documents, {n_posts} posts, {n_duties} duties")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdf", action="store_true", help="rebuild the PDF with LibreOffice")
    args = ap.parse_args()
    docs = []
    for fname, sid, layout, fn in DOCS:
        path = HERE / fname
        if fn is None:
            if args.pdf:
                if not shutil.which("soffice"):
                    sys.exit("soffice not found")
                make_pdf(path)
            result = {"posts": [post("收銀主管", "超市營運部", "門店店長", S.N4_DUTIES, S.N4_QUALS)]}
        else:
            result = fn(path)
        docs.append({"file": fname, "source": sid, "layout": layout, **result})
    gold = {"sources": S.SOURCES, "documents": docs}
    head = (
        "# Gold for tests/data/jobdocs/heldout31: what a perfect importer returns for each document.\n"
        "# Written by make/build.py from make/sources.py; do not edit by hand.\n"
        "# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and\n"
        "# reports_to as written in the document, or null where it gives none.\n"
    )
    (HERE / "gold.yaml").write_text(head + yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    check(gold)


if __name__ == "__main__":
    main()
