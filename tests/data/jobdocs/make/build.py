"""Build the job-description fixtures of tests/data/jobdocs/ and their gold, from sources.py.

    python tests/data/jobdocs/make/build.py            # Word, Excel, text, Markdown, bad/ and gold.yaml
    python tests/data/jobdocs/make/build.py --pdf      # also the PDFs (needs LibreOffice's soffice and pdftoppm)

Deterministic: fixed core properties and zip entry times, no random ids, so a re-run gives the same
bytes for every .docx, .xlsx, .txt and .md (the PDFs and the encrypted files carry the converter's or
the cipher's own dates and salts: they are committed and rebuilt only with --pdf). Needs
python-docx, openpyxl and PyYAML; --pdf also needs soffice, pdftoppm and Pillow; the encrypted
fixtures need msoffcrypto-tool and pypdf (skipped with a note when missing).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sources as S

OUT = Path(__file__).resolve().parents[1]
FIXED = dt.datetime(2024, 3, 1, 9, 0, 0)
ZIP_TIME = (2024, 3, 1, 9, 0, 0)
COMPANY_STORE = "示例连锁超市有限公司"
COMPANY_ONLINE = "示例电子商务有限公司"

# ---------------------------------------------------------------- numbering styles

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HAN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六"]


def num(i: int, style: str) -> str:
    """The list number of the i-th item (0-based) in one of the usual styles."""
    n = i + 1
    return {
        "1.": f"{n}.", "1. ": f"{n}. ", "1、": f"{n}、", "(1)": f"({n})", "（1）": f"（{n}）", "1)": f"{n})",
        "①": CIRCLED[i], "一、": f"{HAN[i]}、", "a)": f"{chr(ord('a') + i)})", "": "",
    }[style]


def numbered(items: Sequence[str], style: str) -> list[str]:
    return [num(i, style) + t for i, t in enumerate(items)]


# ---------------------------------------------------------------- Word helpers

def new_doc(company: str, header: str | None = None, footer: str = "内部资料 未经许可不得外传") -> DocxDocument:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "SimSun"
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = header or f"{company}  岗位说明书"
    sec.footer.paragraphs[0].text = footer
    return doc


def fix_core(doc: DocxDocument, title: str) -> None:
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.title = title
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 1
    cp.comments = ""
    cp.keywords = ""
    cp.subject = ""
    cp.category = ""


def normalise_zip(path: Path) -> None:
    """Rewrite an OOXML zip with fixed entry times and a fixed core.xml modified date."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>" + stamp + rb"\g<2>", data)
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    path.write_bytes(buf.getvalue())


def save_doc(doc: DocxDocument, path: Path, title: str) -> None:
    fix_core(doc, title)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    normalise_zip(path)


def set_cell(cell: Any, value: str | Sequence[str] | None, *, breaks: bool = False, bold: bool = False) -> None:
    """Write a value: a string, or lines as one paragraph each (breaks=True: line breaks in one paragraph)."""
    if value is None:
        cell.text = ""
        return
    lines = [value] if isinstance(value, str) else list(value)
    first = cell.paragraphs[0]
    if breaks:
        for i, line in enumerate(lines):
            run = first.add_run(line)
            run.bold = bold
            if i < len(lines) - 1:
                run.add_break()
        return
    for i, line in enumerate(lines):
        p = first if i == 0 else cell.add_paragraph()
        run = p.add_run(line)
        run.bold = bold


Row = tuple[Any, ...]


def kv_table(doc: DocxDocument, rows: Sequence[Row], cols: int, *, breaks_for: Sequence[str] = ()) -> Table:
    """A label/value form: each row is (label, value, label, value, ...); a row shorter than cols
    has its last value cell merged to the right edge; ("#span", text) is one merged full-width row;
    a value of the form ("#vmerge", label) continues the cell above (merged downwards)."""
    table = doc.add_table(rows=len(rows), cols=cols)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        cells = table.rows[r].cells
        if row[0] == "#span":
            merged = cells[0].merge(cells[cols - 1])
            set_cell(merged, row[1], bold=True)
            continue
        for c, value in enumerate(row):
            if isinstance(value, tuple) and value and value[0] == "#vmerge":
                continue
            label_cell = c % 2 == 0
            set_cell(cells[c], value, bold=label_cell, breaks=(not label_cell and row[c - 1] in breaks_for))
        if len(row) < cols:
            cells[len(row) - 1].merge(cells[cols - 1])
    # vertical merges after all text is in place
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, tuple) and value and value[0] == "#vmerge":
                table.cell(r - 1, c).merge(table.cell(r, c))
    return table


def revision_table(doc: DocxDocument, rows: Sequence[tuple[str, str, str, str]]) -> None:
    doc.add_paragraph().add_run("修订记录").bold = True
    t = doc.add_table(rows=1 + len(rows), cols=4)
    t.style = "Table Grid"
    for c, h in enumerate(["版本", "修订日期", "修订内容", "修订人"]):
        set_cell(t.rows[0].cells[c], h, bold=True)
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            set_cell(t.rows[r].cells[c], v)


def signoff_table(doc: DocxDocument, names: tuple[str, str, str]) -> None:
    doc.add_paragraph()
    t = doc.add_table(rows=2, cols=6)
    t.style = "Table Grid"
    for c, (label, who) in enumerate(zip(["编制", "审核", "批准"], names, strict=True)):
        set_cell(t.rows[0].cells[2 * c], label, bold=True)
        set_cell(t.rows[0].cells[2 * c + 1], who)
        set_cell(t.rows[1].cells[2 * c], "日期", bold=True)
        set_cell(t.rows[1].cells[2 * c + 1], "2024-03-01")


def title(doc: DocxDocument, text: str) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text)
    run.bold = True
    run.font.size = Pt(16)


def extra(post: S.Post, label: str) -> str:
    return dict(post.extra)[label]


# ---------------------------------------------------------------- gold

GOLD: list[dict[str, Any]] = []


def gold(file: str, layout: str, posts: Sequence[S.Post], *, source: str | None = None) -> None:
    GOLD.append({
        "file": file,
        "source": source or posts[0].source,
        "layout": layout,
        "posts": [{
            "name": p.name,
            "department": p.department,
            "reports_to": p.reports_to,
            "duties": list(p.duties),
            "qualifications": list(p.qualifications),
        } for p in posts],
    })


# ---------------------------------------------------------------- one post per Word file, table form

REVISIONS = [("V1.0", "2022-06-15", "首次发布", "人力资源部"), ("V1.1", "2024-03-01", "调整岗位职责表述", "人力资源部")]


def word_tables() -> None:
    # 1. label | value | label | value, merged value cells, qualifications before duties, empty 部门/上级,
    #    duties as line breaks inside one paragraph, numbered 1、
    p = S.STORE_MANAGER
    doc = new_doc(COMPANY_STORE)
    title(doc, "岗位说明书")
    revision_table(doc, REVISIONS)
    doc.add_paragraph()
    kv_table(doc, [
        ("岗位名称", p.name, "岗位编号", "MD-001"),
        ("所属部门", None, "直接上级", None),
        ("任职资格", numbered(p.qualifications, "1、")),
        ("岗位职责", numbered(p.duties, "1、")),
    ], 4, breaks_for=["岗位职责"])
    signoff_table(doc, ("人力资源部", "运营总监", "总经理"))
    save_doc(doc, OUT / "岗位说明书-店长.docx", "岗位说明书-店长")
    gold("岗位说明书-店长.docx", "word-table", [p])

    # 2. synonyms 职位名称 / 上级岗位 / 工作职责 / 任职要求; duties numbered （1）; label order changed
    p = S.CASHIER_TEAM_LEADER
    doc = new_doc(COMPANY_STORE)
    title(doc, "收银组长岗位说明书")
    kv_table(doc, [
        ("职位名称", p.name),
        ("上级岗位", p.reports_to),
        ("工作职责", numbered(p.duties, "（1）")),
        ("任职要求", numbered(p.qualifications, "（1）")),
    ], 2)
    doc.add_paragraph()
    revision_table(doc, REVISIONS[:1])
    signoff_table(doc, ("人力资源部", "营运部", "总经理室"))
    save_doc(doc, OUT / "收银组长岗位说明书.docx", "收银组长岗位说明书")
    gold("收银组长岗位说明书.docx", "word-table", [p])

    # 3. the page's own order (名称, 上级, 部门), traditional script values, numbered 1), extra rows
    p = S.ONLINE_SALES_MANAGER_TW
    doc = new_doc(COMPANY_ONLINE, header=f"{COMPANY_ONLINE}  網銷部部門崗位職責表")
    title(doc, "網銷部經理 岗位说明书")
    kv_table(doc, [
        ("岗位名称", p.name, "工作性質", extra(p, "工作性質")),
        ("直接上级", p.reports_to, "轄員人數", extra(p, "轄員人數")),
        ("所属部门", p.department),
        ("工作概要", extra(p, "工作概要")),
        ("主要职责", numbered(p.duties, "1)")),
    ], 4)
    revision_table(doc, REVISIONS)
    signoff_table(doc, ("網銷部", "人力資源部", "周總"))
    save_doc(doc, OUT / "online-sales-manager.docx", "網銷部經理")
    gold("online-sales-manager.docx", "word-table", [p])

    # 4. 职位名称 / 职责描述 / 岗位要求, duties 1. and requirements ①; no department or superior rows
    p = S.ECOMMERCE_MANAGER_TW
    doc = new_doc(COMPANY_ONLINE)
    title(doc, "電子商務部人員崗位職責及要求")
    kv_table(doc, [
        ("职位名称", p.name),
        ("职责描述", numbered(p.duties, "1.")),
        ("岗位要求", numbered(p.qualifications, "①")),
    ], 2)
    signoff_table(doc, ("電子商務部", "人力資源部", "總經理"))
    save_doc(doc, OUT / "ecommerce-manager.docx", "電子商務部經理")
    gold("ecommerce-manager.docx", "word-table", [p])

    # 5. labels across the top row, values below (岗位 | 部门 | 汇报对象), then a duties row
    p = S.ECOMMERCE_HEAD
    doc = new_doc(COMPANY_ONLINE)
    title(doc, "电商部部长岗位说明书")
    t = doc.add_table(rows=4, cols=3)
    t.style = "Table Grid"
    for c, (label, value) in enumerate([("岗位", p.name), ("部门", p.department), ("汇报对象", p.reports_to)]):
        set_cell(t.cell(0, c), label, bold=True)
        set_cell(t.cell(1, c), value)
    set_cell(t.cell(2, 0).merge(t.cell(2, 2)), "岗位职责", bold=True)
    set_cell(t.cell(3, 0).merge(t.cell(3, 2)), numbered(p.duties, "1、"))
    revision_table(doc, REVISIONS[:1])
    save_doc(doc, OUT / "ecommerce-head.docx", "电商部部长")
    gold("ecommerce-head.docx", "word-table", [p])

    # 6. traditional-script post, 岗位职责 / 任职资格 with 1、 numbering
    p = S.TMALL_CS_SUPERVISOR
    write_tmall(OUT / "tmall-cs-supervisor.docx", p)
    gold("tmall-cs-supervisor.docx", "word-table", [p])

    # 7. many label rows that are neither duties nor superiors (下属部门, 管理权限, 管理职能 ...)
    p = S.OPERATIONS_DIRECTOR
    doc = new_doc(COMPANY_ONLINE)
    title(doc, "运营部岗位说明书 运营总监")
    kv_table(doc, [
        ("岗位名称", p.name, "部门", p.department),
        ("直接上级", p.reports_to, "下属部门", extra(p, "下属部门")),
        ("部门性质", extra(p, "部门性质")),
        ("管理权限", extra(p, "管理权限")),
        ("管理职能", extra(p, "管理职能")),
        ("主要职责", numbered(p.duties, "1.")),
    ], 4)
    revision_table(doc, REVISIONS)
    signoff_table(doc, ("运营部", "人力资源部", "总经理"))
    save_doc(doc, OUT / "运营总监.docx", "运营总监")
    gold("运营总监.docx", "word-table", [p])

    # 8. 上级岗位, duties numbered 一、
    p = S.OPERATIONS_MANAGER
    doc = new_doc(COMPANY_ONLINE)
    title(doc, "运营部岗位说明书 运营经理")
    kv_table(doc, [
        ("岗位名称", p.name),
        ("上级岗位", p.reports_to),
        ("下属部门", extra(p, "下属部门")),
        ("主要职责", numbered(p.duties, "一、")),
    ], 2)
    signoff_table(doc, ("运营部", "人力资源部", "总经理"))
    save_doc(doc, OUT / "运营经理.docx", "运营经理")
    gold("运营经理.docx", "word-table", [p])

    # 9. 部门 / 汇报对象 with a 晋升方向 that names another post; qualifications as 年龄:/性别: lines;
    #    duties numbered a)
    p = S.SHOPPING_GUIDE
    doc = new_doc(COMPANY_STORE)
    title(doc, "人力资源管理 店面导购岗位说明书")
    kv_table(doc, [
        ("岗位名称", p.name, "部门", p.department),
        ("汇报对象", p.reports_to, "直接下属", extra(p, "直接下属")),
        ("晋升方向", extra(p, "晋升方向"), "岗位编制", "根据店编制"),
        ("岗位概述", extra(p, "岗位概述")),
        ("任职资格", p.qualifications),
        ("岗位职责", numbered(p.duties, "a)")),
    ], 4)
    revision_table(doc, REVISIONS[:1])
    signoff_table(doc, ("人资部", "销售部", "总经理"))
    save_doc(doc, OUT / "shopping-guide.docx", "导购员")
    gold("shopping-guide.docx", "word-table", [p])

    # 10. duties run on in one paragraph, numbered ① ② ...; requirements 1、 one per paragraph
    p = S.LOSS_PREVENTION
    doc = new_doc(COMPANY_STORE)
    title(doc, "超市防损员岗位说明书")
    kv_table(doc, [
        ("岗位名称", p.name),
        ("岗位要求", numbered(p.qualifications, "1、")),
        ("岗位职责", "".join(numbered(p.duties, "①"))),
    ], 2)
    signoff_table(doc, ("防损部", "人力资源部", "店长"))
    save_doc(doc, OUT / "loss-prevention.docx", "超市防损员")
    gold("loss-prevention.docx", "word-table", [p])

    # 11. plain form, duties 1. without space
    p = S.CASHIER
    doc = new_doc(COMPANY_STORE)
    title(doc, "收银员岗位职责")
    kv_table(doc, [
        ("岗位名称", p.name, "所属部门", p.department),
        ("直接上级", p.reports_to, "适用范围", extra(p, "适用范围")),
        ("岗位职责", numbered(p.duties, "1.")),
    ], 4)
    revision_table(doc, REVISIONS)
    signoff_table(doc, ("收银部", "人力资源部", "店长"))
    save_doc(doc, OUT / "cashier.docx", "收银员")
    gold("cashier.docx", "word-table", [p])

    # 12. a vertically merged group label (基本信息 over three rows), 岗位目的 that reads like duties
    p = S.DESIGNER
    doc = new_doc(COMPANY_ONLINE)
    title(doc, "美工岗位说明书")
    t = doc.add_table(rows=8, cols=3)
    t.style = "Table Grid"
    basic = [("职位名称", p.name), ("所属部门", p.department), ("直接上级", p.reports_to),
             ("晋升方向", extra(p, "晋升方向")), ("轮转岗位", extra(p, "轮转岗位"))]
    for r, (label, value) in enumerate(basic):
        set_cell(t.cell(r, 1), label, bold=True)
        set_cell(t.cell(r, 2), value)
    set_cell(t.cell(0, 0).merge(t.cell(4, 0)), "基本信息", bold=True)
    set_cell(t.cell(5, 0).merge(t.cell(5, 1)), "岗位目的", bold=True)
    set_cell(t.cell(5, 2), extra(p, "岗位目的"))
    set_cell(t.cell(6, 0).merge(t.cell(6, 1)), "工作职责", bold=True)
    set_cell(t.cell(6, 2), numbered(p.duties, "1、"))
    set_cell(t.cell(7, 0).merge(t.cell(7, 1)), "备注", bold=True)
    set_cell(t.cell(7, 2), "本说明书由运营部负责解释。")
    revision_table(doc, REVISIONS[:1])
    save_doc(doc, OUT / "designer.docx", "美工")
    gold("designer.docx", "word-table", [p])

    # 13. 职责描述 （1）; qualifications that read like work ("能够独立完成采购任务")
    p = S.PURCHASING_SPECIALIST
    doc = new_doc(COMPANY_STORE)
    title(doc, "采购专员岗位说明书")
    kv_table(doc, [
        ("岗位名称", p.name),
        ("职责描述", numbered(p.duties, "（1）")),
        ("任职资格", numbered(p.qualifications, "1.")),
    ], 2)
    revision_table(doc, REVISIONS)
    signoff_table(doc, ("采购部", "人力资源部", "总经理"))
    save_doc(doc, OUT / "purchasing-specialist.docx", "采购专员")
    gold("purchasing-specialist.docx", "word-table", [p])

    # 14. duties and requirements both "N. 主题:句子", numbered "1. " with a space
    p = S.SUPERMARKET_CASHIER
    doc = new_doc(COMPANY_STORE)
    title(doc, "超市收银员岗位说明书")
    kv_table(doc, [
        ("岗位名称", p.name),
        ("岗位职责", numbered(p.duties, "1. ")),
        ("岗位要求", numbered(p.qualifications, "1. ")),
    ], 2)
    signoff_table(doc, ("收银部", "人力资源部", "店长"))
    save_doc(doc, OUT / "supermarket-cashier.docx", "超市收银员")
    gold("supermarket-cashier.docx", "word-table", [p])


def write_tmall(path: Path, p: S.Post) -> None:
    doc = new_doc(COMPANY_ONLINE)
    title(doc, "天貓客服主管 岗位说明书")
    kv_table(doc, [
        ("岗位名称", p.name),
        ("岗位职责", numbered(p.duties, "1、")),
        *([("任职资格", numbered(p.qualifications, "1、"))] if p.qualifications else []),
    ], 2)
    revision_table(doc, REVISIONS[:1])
    signoff_table(doc, ("客服部", "人力资源部", "总经理"))
    save_doc(doc, path, p.name)


# ---------------------------------------------------------------- handbooks: several posts under headings

def restart_numbering(doc: DocxDocument) -> int:
    """A new w:num on List Number's abstract list, restarting at 1; its numId."""
    numbering = doc.part.numbering_part.element
    style_num = int(doc.styles["List Number"].element.pPr.numPr.numId.val)
    abstract = next(n.abstractNumId.val for n in numbering.num_lst if n.numId == style_num)
    new = numbering.add_num(abstract)
    new.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(new.numId)


def auto_numbered(doc: DocxDocument, text: str, num_id: int) -> None:
    p = doc.add_paragraph(text, style="List Number")
    num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def handbooks() -> None:
    # purchasing department: headings 一、..., 所属部门 line, duties as Word's own list numbering
    posts = [S.PURCHASING_DIRECTOR, S.PURCHASING_DEPT_MANAGER, S.BUYER, S.BUYER_ASSISTANT]
    doc = new_doc(COMPANY_STORE, header=f"{COMPANY_STORE}  采购部岗位职责")
    title(doc, "采购部岗位职责")
    doc.add_paragraph("由于不同业态的商品种类不同,采购部的部门分配有所不同。本手册列出采购部主要岗位的工作职责。")
    for i, p in enumerate(posts):
        doc.add_heading(f"{num(i, '一、')}{p.name}", level=1)
        doc.add_paragraph(f"所属部门：{p.department}")
        doc.add_paragraph("工作职责：")
        nid = restart_numbering(doc)
        for d in p.duties:
            auto_numbered(doc, d, nid)
    revision_table(doc, REVISIONS[:1])
    save_doc(doc, OUT / "采购部岗位职责.docx", "采购部岗位职责")
    gold("采购部岗位职责.docx", "word-headings", posts)

    # e-commerce department: typed numbering, 考核 lines after each post's duties, and one duty whose
    # second half is on the next page (a paragraph that starts with a page break, no number)
    posts = [S.ECOM_MANAGER, S.CS_MANAGER, S.LOGISTICS_MANAGER]
    write_ecommerce_handbook(OUT / "ecommerce-handbook.docx", posts)
    gold("ecommerce-handbook.docx", "word-headings", posts)


SPLIT_DUTY = "科学分析市场数据,结合公司实际制定部门中长期工作目标。"
SPLIT_AT = len("科学分析市场数据,结合公司实际")


def write_ecommerce_handbook(path: Path, posts: Sequence[S.Post]) -> None:
    doc = new_doc(COMPANY_ONLINE, header=f"{COMPANY_ONLINE}  电子商务部岗位职责手册")
    title(doc, "电子商务员工岗位职责")
    doc.add_paragraph("本手册适用于电子商务部全体员工,自发布之日起执行。")
    for i, p in enumerate(posts):
        doc.add_heading(f"{num(i, '一、')}{p.name}", level=1)
        doc.add_paragraph("岗位职责：")
        for k, d in enumerate(p.duties):
            if d == SPLIT_DUTY:
                doc.add_paragraph(num(k, "1.") + d[:SPLIT_AT])
                cont = doc.add_paragraph(d[SPLIT_AT:])
                cont.paragraph_format.page_break_before = True
            else:
                doc.add_paragraph(num(k, "1.") + d)
        lines = extra(p, "考核").split("\n")
        if len(lines) == 1:
            doc.add_paragraph(f"考核：{lines[0]}")
        else:
            doc.add_paragraph("考核：")
            for k, line in enumerate(lines):
                doc.add_paragraph(num(k, "1. ") + line)
    save_doc(doc, path, "电子商务员工岗位职责")


# ---------------------------------------------------------------- duties one per row (序号 | 职责描述 | 考核标准 | 权重)

KPI = ["店铺形象检查", "活动执行检查", "销售任务达成率", "信息传达及时", "培训计划完成率", "考核按时完成", "储备人员数量", "员工满意度",
       "新员工考核通过率", "纪律检查记录", "员工关系", "信息上报及时", "事务分配", "物品盘点无缺失", "陈列检查达标", "报表准确及时"]
WEIGHTS = [10, 5, 10, 5, 5, 5, 5, 5, 5, 10, 5, 5, 5, 5, 5, 10]


def duty_table() -> None:
    p = S.SALES_STORE_MANAGER
    doc = new_doc(COMPANY_STORE)
    title(doc, "店长岗位说明书")
    kv_table(doc, [
        ("岗位名称", p.name, "岗位编号", extra(p, "岗位编号")),
        ("所属部门", p.department, "岗位编制", extra(p, "岗位编制")),
        ("直接上级", p.reports_to, "工资等级", extra(p, "工资等级")),
        ("直接下级", extra(p, "直接下级"), "晋升方向", None),
        ("工作总述", extra(p, "工作总述")),
        ("任职资格", numbered(p.qualifications, "1.")),
    ], 4)
    doc.add_paragraph().add_run("职责与工作任务").bold = True
    sections = S.SALES_STORE_MANAGER_SECTIONS
    t = doc.add_table(rows=1 + len(p.duties) + len(sections), cols=4)
    t.style = "Table Grid"
    for c, h in enumerate(["序号", "职责描述", "考核标准", "权重"]):
        set_cell(t.cell(0, c), h, bold=True)
    r = 1
    for i, d in enumerate(p.duties):
        if i in sections:
            set_cell(t.cell(r, 0).merge(t.cell(r, 3)), sections[i], bold=True)
            r += 1
        set_cell(t.cell(r, 0), str(i + 1))
        set_cell(t.cell(r, 1), d)
        set_cell(t.cell(r, 2), KPI[i])
        set_cell(t.cell(r, 3), f"{WEIGHTS[i]}%")
        r += 1
    t.autofit = False
    for row in t.rows:
        if len({id(c._tc) for c in row.cells}) == 4:
            for cell, width in zip(row.cells, (Cm(1.2), Cm(9.5), Cm(4.0), Cm(1.5)), strict=True):
                cell.width = width
    revision_table(doc, REVISIONS)
    signoff_table(doc, ("销售部", "人力资源部", "总经理"))
    save_doc(doc, OUT / "sales-store-manager-kpi.docx", "销售部店长")
    gold("sales-store-manager-kpi.docx", "word-duty-table", [p])


# ---------------------------------------------------------------- Excel: 部门 | 岗位 | 序号 | 职责, merged

def workbook() -> None:
    groups = [("电商运营部门", [S.ECOM_OPS_MANAGER, S.ECOM_OPS_SUPERVISOR, S.ECOM_OPS_SPECIALIST]), ("电商部", [S.WEB_EDITOR])]
    wb = Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    ws["A1"] = f"{COMPANY_ONLINE}岗位职责表"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:D1")
    for c, h in enumerate(["部门", "岗位", "序号", "职责"], start=1):
        ws.cell(row=2, column=c, value=h).font = Font(bold=True)
    row = 3
    for dept, posts in groups:
        dept_start = row
        for p in posts:
            post_start = row
            for i, d in enumerate(p.duties, start=1):
                ws.cell(row=row, column=3, value=i)
                ws.cell(row=row, column=4, value=d).alignment = Alignment(wrap_text=True, vertical="top")
                row += 1
            ws.cell(row=post_start, column=2, value=p.name)
            ws.merge_cells(start_row=post_start, start_column=2, end_row=row - 1, end_column=2)
        ws.cell(row=dept_start, column=1, value=dept)
        ws.merge_cells(start_row=dept_start, start_column=1, end_row=row - 1, end_column=1)
    ws.cell(row=row + 1, column=1, value="注:本表由各部门填写,人力资源部汇总。")
    for col, width in zip("ABCD", [14, 14, 6, 70], strict=True):
        ws.column_dimensions[col].width = width
    notes = wb.create_sheet("填写说明")
    lines = ["1. 每个岗位的职责逐条填写,一行一条。", "2. 部门、岗位单元格可合并。", "3. 任职资格另见各岗位说明书。"]
    for r, line in enumerate(lines, start=1):
        notes.cell(row=r, column=1, value=line)
    props = wb.properties
    props.creator = "人力资源部"
    props.lastModifiedBy = "人力资源部"
    props.created = FIXED
    props.modified = FIXED
    props.title = "岗位职责表"
    path = OUT / "岗位职责表.xlsx"
    wb.save(str(path))
    normalise_zip(path)
    gold("岗位职责表.xlsx", "xlsx-merged", [p for _, ps in groups for p in ps], source="s8")
    GOLD[-1]["sources"] = ["s8", "s5"]


# ---------------------------------------------------------------- text and Markdown

def text_files() -> None:
    p = S.STORE_STAFF
    lines = [
        "门店员工职位说明书",
        "",
        f"岗位名称：{p.name}",
        "",
        "1. 岗位概述",
        extra(p, "岗位概述"),
        "",
        "2. 岗位职责",
        *numbered(p.duties, "1)"),
        "",
        "3. 岗位要求",
        *numbered(p.qualifications, "1)"),
        "",
        "4. 岗位考核标准",
        *extra(p, "岗位考核标准").split("\n"),
        "",
    ]
    # a Windows client's text file: CRLF line ends
    (OUT / "store-staff.txt").write_bytes("\r\n".join(lines).encode("utf-8"))
    gold("store-staff.txt", "txt", [p])

    posts = [S.MERCHANDISE_MANAGER, S.PROMOTION_MANAGER, S.CUSTOMER_SERVICE_MANAGER, S.VISUAL_DESIGNER]
    md = ["# 电商部门核心职位说明", "", "电商部门作为企业中负责在线销售和运营的核心部门,以下列出其核心职位的职责与胜任要素。", ""]
    for i, p in enumerate(posts):
        md += [f"## {num(i, '一、')}{p.name}", "", "**岗位职责**", ""]
        md += [f"- {d}" for d in p.duties]
        md += ["", "**任职要求**", ""]
        md += [f"{k + 1}. {q}" for k, q in enumerate(p.qualifications)]
        md += [""]
    md += ["---", "", "*本文件仅供内部参考。*", ""]
    (OUT / "ecommerce-roles.md").write_text("\n".join(md), encoding="utf-8")
    gold("ecommerce-roles.md", "md", posts)


# ---------------------------------------------------------------- PDFs (LibreOffice)

def soffice_pdf(docx: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", "pdf",
                        "--outdir", tmp, str(docx)], check=True, capture_output=True)
        shutil.move(str(Path(tmp) / (docx.stem + ".pdf")), out)


def pdfs() -> None:
    for name in ("online-sales-manager", "ecommerce-handbook"):
        soffice_pdf(OUT / f"{name}.docx", OUT / f"{name}.pdf")
    # a scanned page: the store manager's form rendered to an image, wrapped as an image-only PDF
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "form.pdf"
        soffice_pdf(OUT / "岗位说明书-店长.docx", pdf)
        subprocess.run(["pdftoppm", "-r", "72", "-gray", "-png", "-singlefile", str(pdf), str(Path(tmp) / "page")], check=True)
        img = Image.open(Path(tmp) / "page.png").convert("L")
        (OUT / "bad").mkdir(exist_ok=True)
        img.save(OUT / "bad" / "scanned.pdf", "PDF", resolution=72.0, title="scan", author="scanner",
                 creationDate=FIXED.timetuple(), modDate=FIXED.timetuple())


def pdf_gold() -> None:
    gold("online-sales-manager.pdf", "pdf-from-word", [S.ONLINE_SALES_MANAGER_TW])
    gold("ecommerce-handbook.pdf", "pdf-from-word", [S.ECOM_MANAGER, S.CS_MANAGER, S.LOGISTICS_MANAGER])


# ---------------------------------------------------------------- bad input

BAD: list[dict[str, str]] = []


def bad_inputs(encrypt: bool) -> None:
    bad = OUT / "bad"
    bad.mkdir(exist_ok=True)
    # an empty Word document
    doc = Document()
    save_doc(doc, bad / "empty.docx", "")
    BAD.append({"file": "bad/empty.docx", "expect": "empty: a document with no text"})

    # a .docx that is a zip of something else
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("photos/readme.txt", "门店照片 2024-03\n".encode()), ("photos/list.csv", b"file,store\n001.jpg,A01\n")]:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    (bad / "not-a-word-file.docx").write_bytes(buf.getvalue())
    BAD.append({"file": "bad/not-a-word-file.docx", "expect": "not a Word document: a zip without word/document.xml"})

    # a memo: no post can be recognised
    doc = new_doc(COMPANY_STORE, header=f"{COMPANY_STORE}  行政通知")
    title(doc, "关于调整门店营业时间的通知")
    for line in ["各门店:", "自2024年4月1日起,各门店营业时间调整为每日8:30至22:00。请各门店做好排班安排,并于3月25日前将排班表报送营运部。",
                 "特此通知。", "营运部", "2024年3月1日"]:
        doc.add_paragraph(line)
    save_doc(doc, bad / "memo.docx", "关于调整门店营业时间的通知")
    BAD.append({"file": "bad/memo.docx", "expect": "no post recognised"})

    # two files that define the same post differently (篇1 and 篇2 of the same page)
    write_tmall(bad / "conflict" / "天貓客服主管-1.docx", S.TMALL_CS_SUPERVISOR)
    write_tmall(bad / "conflict" / "天貓客服主管-2.docx", S.TMALL_CS_SUPERVISOR_2)
    BAD.append({"file": "bad/conflict/", "expect": "the same post (天貓客服主管) defined differently in two files"})

    # the scanned PDF is written by pdfs(); recorded here so the list is whole
    BAD.append({"file": "bad/scanned.pdf", "expect": "no text layer; this file needs OCR first"})

    # password-protected files (password: retailkg); the cipher salts them at random, so they are
    # rebuilt only with --pdf, like the PDFs
    if encrypt:
        encrypted()
    for name in ("encrypted.docx", "encrypted.pdf"):
        if (bad / name).exists():
            BAD.append({"file": f"bad/{name}", "expect": "password-protected (password: retailkg)"})


def encrypted() -> None:
    bad = OUT / "bad"
    try:
        import msoffcrypto
        from msoffcrypto.format.ooxml import OOXMLFile

        with open(OUT / "cashier.docx", "rb") as fin, open(bad / "encrypted.docx", "wb") as fout:
            OOXMLFile(fin).encrypt("retailkg", fout)
        del msoffcrypto
    except ImportError:
        print("msoffcrypto-tool not installed: bad/encrypted.docx not rebuilt", file=sys.stderr)
    if (OUT / "online-sales-manager.pdf").exists():
        try:
            from pypdf import PdfReader, PdfWriter

            writer = PdfWriter(clone_from=PdfReader(OUT / "online-sales-manager.pdf"))
            writer.encrypt(user_password="retailkg", owner_password="retailkg-owner", algorithm="AES-256")
            with open(bad / "encrypted.pdf", "wb") as f:
                writer.write(f)
        except ImportError:
            print("pypdf not installed: bad/encrypted.pdf not rebuilt", file=sys.stderr)


# ---------------------------------------------------------------- main

def write_gold() -> None:
    order = {d["file"]: i for i, d in enumerate(GOLD)}
    docs = sorted(GOLD, key=lambda d: order[d["file"]])
    data = {
        "sources": [{"id": s.id, "url": s.url, "note": s.note} for s in S.SOURCES],
        "documents": docs,
        "bad": BAD,
    }
    head = ("# Gold for tests/data/jobdocs: what a perfect importer returns for each document.\n"
            "# Written by make/build.py from make/sources.py; do not edit by hand.\n"
            "# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and\n"
            "# reports_to as written in the document, or null where it gives none.\n")
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
    (OUT / "gold.yaml").write_text(head + text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pdf", action="store_true",
                    help="also rebuild the committed binary fixtures: the PDFs (LibreOffice), the scanned PDF, the encrypted files")
    args = ap.parse_args(argv)
    steps: list[Callable[[], None]] = [word_tables, handbooks, duty_table, workbook, text_files]
    for step in steps:
        step()
    if args.pdf:
        pdfs()
    pdf_gold()
    bad_inputs(encrypt=args.pdf)
    write_gold()
    n_posts = sum(len(d["posts"]) for d in GOLD)
    n_duties = sum(len(p["duties"]) for d in GOLD for p in d["posts"])
    print(f"{len(GOLD)} documents, {n_posts} posts, {n_duties} duties; {len(BAD)} bad inputs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
