"""Build the documents of tests/data/jobdocs/heldout3 and its gold.yaml, deterministically.

    . /tmp/venv/bin/activate && python tests/data/jobdocs/heldout3/make/build.py [--pdf]

--pdf also re-exports 网络客服岗位说明书.pdf from the .docx with `soffice --headless`; its dates and
/ID are then fixed in place, so the bytes depend only on the LibreOffice version.
"""

from __future__ import annotations

import datetime as dt
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
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from openpyxl.styles import Alignment, Font

sys.path.insert(0, str(Path(__file__).parent))
import sources as S

OUT = Path(__file__).resolve().parent.parent
WHEN = dt.datetime(2024, 3, 1, 9, 0, 0)
ZIP_TIME = (2024, 3, 1, 9, 0, 0)


def fixed_zip(path: Path) -> None:
    """Rewrite an Office zip with sorted entries and fixed times."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    stamp = WHEN.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    items = [(n, re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp, d) if n == "docProps/core.xml" else d)
             for n, d in items]
    items.sort(key=lambda kv: (kv[0] != "[Content_Types].xml", kv[0]))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            z.writestr(info, data)


def new_doc(title: str, author: str) -> Document:
    d = Document()
    cp = d.core_properties
    cp.title, cp.author, cp.last_modified_by = title, author, author
    cp.created, cp.modified, cp.last_printed = WHEN, WHEN, WHEN
    cp.revision = 3
    style = d.styles["Normal"]
    style.font.size = Pt(10.5)
    return d


def save_doc(d: Document, name: str) -> None:
    path = OUT / name
    d.save(str(path))
    fixed_zip(path)


def header_footer(d: Document, head: str, foot: str) -> None:
    sec = d.sections[0]
    sec.header.paragraphs[0].text = head
    sec.footer.paragraphs[0].text = foot
    sec.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def revision_table(d: Document, rows: list[tuple[str, str, str, str]]) -> None:
    t = d.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for c, text in zip(t.rows[0].cells, ["版本", "修订日期", "修订内容", "修订人"], strict=True):
        c.text = text
    for r in rows:
        cells = t.add_row().cells
        for c, text in zip(cells, r, strict=True):
            c.text = text


def multiline(cell, lines: list[str]) -> None:
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


# 1. 网络客服: a one-post Word table form, duties numbered "1、" in one cell (also exported to PDF)
def netcs() -> None:
    d = new_doc("网络客服岗位说明书", "禾丰商贸人力资源部")
    header_footer(d, "禾丰商贸有限公司 · 人力资源部 · 受控文件", "文件编号 HF-HR-JD-017    第 1 页")
    d.add_paragraph("禾丰商贸有限公司").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_heading("岗位说明书", level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER
    revision_table(d, [("A/0", "2023-06-12", "首次发布", "李敏"), ("A/1", "2024-02-20", "调整任职要求", "李敏")])
    d.add_paragraph("")
    t = d.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    rows = [
        ("岗位名称", ["网络客服"]),
        ("岗位编号", ["HF-KF-03"]),
        ("岗位性质", [S.NETCS_NATURE]),
        ("岗位目标", [f"{i}. {g}" for i, g in enumerate(S.NETCS_GOALS, 1)]),
        ("岗位职责", [f"{i}、{x}" for i, x in enumerate(S.NETCS_DUTIES, 1)]),
        ("任职要求", [f"{i}、{x}" for i, x in enumerate(S.NETCS_QUALS, 1)]),
        ("工作环境", [S.NETCS_ENV]),
    ]
    for label, lines in rows:
        cells = t.add_row().cells
        cells[0].text = label
        multiline(cells[1], lines)
    d.add_paragraph("")
    s = d.add_table(rows=2, cols=3)
    s.style = "Table Grid"
    for c, text in zip(s.rows[0].cells, ["编制:人力资源部", "审核:客服部经理", "批准:总经理"], strict=True):
        c.text = text
    for c in s.rows[1].cells:
        c.text = "日期:    年  月  日"
    d.add_paragraph("本说明书自批准之日起执行,由人力资源部负责解释。")
    save_doc(d, "网络客服岗位说明书.docx")


# 2. 客服主管: a 4-column form, labels beside values, duties one per row (序号 | 职责描述)
def cslead() -> None:
    d = new_doc("职务说明书-客服主管", "华锦电子商务 综合管理部")
    header_footer(d, "华锦电子商务有限公司", "内部资料 注意保密")
    d.add_paragraph("华锦电子商务有限公司  职务说明书")
    t = d.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    r = t.add_row().cells
    r[0].text, r[1].text, r[2].text, r[3].text = "职务名称", "客服主管", "编制", "1人"
    r = t.add_row().cells
    r[0].text, r[1].text, r[2].text, r[3].text = "直接下级", "售前客服、售后客服", "工作地点", "广州"
    r = t.add_row().cells
    m = r[0].merge(r[3])
    m.text = "主要职责"
    r = t.add_row().cells
    r[0].text = "序号"
    m = r[1].merge(r[3])
    m.text = "职责描述"
    for i, duty in enumerate(S.CSLEAD_DUTIES, 1):
        r = t.add_row().cells
        r[0].text = str(i)
        m = r[1].merge(r[3])
        m.text = duty
    r = t.add_row().cells
    r[0].text = "任职条件"
    m = r[1].merge(r[3])
    multiline(m, [f"({i}) {q}" for i, q in enumerate(S.CSLEAD_QUALS, 1)])
    d.add_paragraph("")
    d.add_paragraph("任职者签字:__________        部门负责人签字:__________")
    save_doc(d, "客服主管职务说明书.docx")


# 3. 客户服务主管: labels as the page gives them, 直接上级 left blank, duties under 职责一..四 titles
def cssup() -> None:
    d = new_doc("客户服务主管职位描述", "lin.w")
    header_footer(d, "某电商企业 客户服务部", "2024版")
    d.add_heading("客户服务主管职位描述", level=1)
    t = d.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    for a, b, c, e in [("职位", "客户服务主管", "职位编号", ""), ("部门", "客户服务部", "直接上级", ""),
                       ("管辖人数", "", "直接下级", ""), ("工作级别", "", "可轮换或晋升职位", "")]:
        r = t.add_row().cells
        r[0].text, r[1].text, r[2].text, r[3].text = a, b, c, e
    r = t.add_row().cells
    r[0].text = "岗位概述"
    r[1].merge(r[3]).text = S.CSSUP_SUMMARY
    r = t.add_row().cells
    r[0].text = "工作职责"
    cell = r[1].merge(r[3])
    lines: list[str] = []
    n = 0
    for title, duties in S.CSSUP_GROUPS:
        lines.append(title)
        for duty in duties:
            n += 1
            lines.append(f"（{n}）{duty}")
    multiline(cell, lines)
    r = t.add_row().cells
    r[0].text = "工作关系"
    multiline(r[1].merge(r[3]), S.CSSUP_RELATIONS)
    r = t.add_row().cells
    r[0].text = "工作条件"
    r[1].merge(r[3]).text = S.CSSUP_CONDITIONS
    save_doc(d, "客户服务主管岗位说明书.docx")


# 4. a supermarket's handbook: several posts under headings, bulleted duties, a closing section that is no post
def market() -> None:
    d = new_doc("门店岗位职责手册", "鑫盛超市 行政人事部")
    header_footer(d, "鑫盛连锁超市 门店岗位职责手册", "鑫盛连锁超市 版权所有")
    d.add_heading("鑫盛连锁超市", level=0)
    d.add_paragraph("门店岗位职责手册(2024年修订)")
    revision_table(d, [("V1.0", "2021-09-01", "初版", "行政人事部"), ("V2.0", "2024-01-15", "合并收银岗位", "行政人事部")])
    d.add_paragraph("")
    d.add_paragraph("第一章 门店管理岗位")
    numerals = "一二三四五"
    for k, (post, duties) in enumerate(S.MARKET_POSTS):
        if k == 2:
            d.add_paragraph("第二章 门店作业岗位")
        d.add_heading(f"{numerals[k]}、{post}", level=2)
        d.add_paragraph("岗位职责:")
        for duty in duties:
            d.add_paragraph(duty, style="List Bullet")
        d.add_paragraph("")
    d.add_heading("附:其他基础岗位要求", level=2)
    for line in S.MARKET_GENERAL:
        d.add_paragraph(line, style="List Bullet")
    d.add_paragraph("以上职责需结合超市实际运营情况细化,确保各环节高效协同。")
    save_doc(d, "门店岗位职责手册.docx")


# 5. a workbook: 部门、岗位设置及人员编制 with the department merged over its posts
def hr_book() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "岗位设置"
    ws["A1"] = "恒泰购物中心 部门、岗位设置及人员编制"
    ws.merge_cells("A1:E1")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "制表:人力资源部    2024年3月"
    ws.merge_cells("A2:E2")
    ws.append(["部门", "岗位(职务)", "编制", "直接上级", "主要职责"])
    first = ws.max_row + 1
    for post, n, boss, duty in S.HR_ROWS:
        ws.append([S.HR_DEPARTMENT, post, n, boss, duty])
    last = ws.max_row
    for r in range(first + 1, last + 1):
        ws.cell(r, 1).value = None
    ws.merge_cells(f"A{first}:A{last}")
    ws.cell(first, 1).alignment = Alignment(vertical="center", horizontal="center")
    ws.append(["部门合计", None, len(S.HR_ROWS), None, None])
    ws.merge_cells(f"A{ws.max_row}:B{ws.max_row}")
    ws.append([])
    ws.append(["注:编制为满编人数,实际在岗人数以人力资源部月报为准。"])
    for col, w in zip("ABCDE", [12, 16, 8, 14, 48], strict=True):
        ws.column_dimensions[col].width = w
    wb.properties.creator = "恒泰购物中心 人力资源部"
    wb.properties.lastModifiedBy = "恒泰购物中心 人力资源部"
    wb.properties.created = WHEN
    wb.properties.modified = WHEN
    path = OUT / "人力资源部岗位设置表.xlsx"
    wb.save(str(path))
    fixed_zip(path)


# 6. a Markdown page of a warehouse wiki
def picker_md() -> None:
    lines = [
        "# 淘宝配货员 岗位说明",
        "",
        "> 电商仓储中心 内部知识库 · 最后更新 2024-03-01",
        "",
        "| 项目 | 内容 |",
        "| --- | --- |",
        "| 岗位名称 | 淘宝配货员 |",
        f"| 工作环境 | {S.PICKER_ENV} |",
        f"| 工作时间 | {S.PICKER_HOURS} |",
        "",
        "## 岗位职责",
        "",
        *[f"{i}. {x}" for i, x in enumerate(S.PICKER_DUTIES, 1)],
        "",
        "## 任职条件",
        "",
        *[f"- {x}" for x in S.PICKER_QUALS],
        "",
        "---",
        "如有疑问请联系仓储中心主管。",
        "",
    ]
    (OUT / "淘宝配货员岗位说明.md").write_text("\n".join(lines), encoding="utf-8")


def pdf() -> None:
    src = OUT / "网络客服岗位说明书.docx"
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True)
        data = (Path(tmp) / (src.stem + ".pdf")).read_bytes()
    # same-length replacements only, so the cross-reference offsets stay valid
    data = re.sub(rb"D:\d{14}", b"D:20240301090000", data)
    data = re.sub(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", b"2024-03-01T09:00:00", data)
    data = re.sub(rb"<[0-9A-Fa-f]{32}>", b"<" + b"0" * 32 + b">", data)
    data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + b"0" * 32, data)
    data = re.sub(rb"uuid:[0-9a-f-]{36}", b"uuid:00000000-0000-0000-0000-000000000000", data)
    (OUT / (src.stem + ".pdf")).write_bytes(data)


def post(name, department, reports_to, duties, quals):
    return {"name": name, "department": department, "reports_to": reports_to,
            "duties": list(duties), "qualifications": list(quals)}


def gold() -> None:
    netcs_post = post("网络客服", None, None, S.NETCS_DUTIES, S.NETCS_QUALS)
    docs = [
        {"file": "网络客服岗位说明书.docx", "source": "t1", "layout": "word-table", "posts": [netcs_post]},
        {"file": "网络客服岗位说明书.pdf", "source": "t1", "layout": "pdf-from-word", "posts": [netcs_post]},
        {"file": "客服主管职务说明书.docx", "source": "t2", "layout": "word-table-duty-rows",
         "posts": [post("客服主管", None, None, S.CSLEAD_DUTIES, S.CSLEAD_QUALS)]},
        {"file": "客户服务主管岗位说明书.docx", "source": "t3", "layout": "word-table-grouped",
         "posts": [post("客户服务主管", "客户服务部", None, [x for _, g in S.CSSUP_GROUPS for x in g], [])]},
        {"file": "门店岗位职责手册.docx", "source": "t4", "layout": "word-handbook",
         "posts": [post(n, None, None, ds, []) for n, ds in S.MARKET_POSTS]},
        {"file": "人力资源部岗位设置表.xlsx", "source": "t5", "layout": "xlsx-merged",
         "posts": [post(n, S.HR_DEPARTMENT, boss, [duty], []) for n, _, boss, duty in S.HR_ROWS]},
        {"file": "淘宝配货员岗位说明.md", "source": "t6", "layout": "markdown",
         "posts": [post("淘宝配货员", None, None, S.PICKER_DUTIES, S.PICKER_QUALS)]},
    ]
    head = (
        "# Gold for tests/data/jobdocs/heldout3: what a perfect importer returns for each document.\n"
        "# Written by make/build.py from make/sources.py; do not edit by hand. Made without reading the importer.\n"
        "# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and\n"
        "# reports_to as written in the document, or null where it gives none.\n"
    )
    body = yaml.safe_dump({"sources": S.SOURCES, "documents": docs}, allow_unicode=True, sort_keys=False, width=1000)
    (OUT / "gold.yaml").write_text(head + body, encoding="utf-8")


def main() -> None:
    netcs()
    cslead()
    cssup()
    market()
    hr_book()
    picker_md()
    if "--pdf" in sys.argv and shutil.which("soffice"):
        pdf()
    gold()


if __name__ == "__main__":
    main()
