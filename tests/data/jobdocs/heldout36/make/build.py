"""Rebuild the heldout36 documents and gold.yaml from sources.py.

Run from anywhere: python make/build.py. Needs python-docx, openpyxl, PyYAML, and LibreOffice
(soffice) for the PDF. The .docx and .xlsx files are normalised (fixed core properties and zip
timestamps) so that rebuilds are byte-identical; the PDF carries LibreOffice's own dates.
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

import yaml
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sources as s

OUT = Path(__file__).resolve().parent.parent
FIXED = dt.datetime(2025, 3, 1, 9, 0, 0)


def _font(doc: Document) -> None:
    style = doc.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")


def _core(doc: Document, title: str) -> None:
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.title = title
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 1


def _shade(cell, fill: str = "D9D9D9") -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _page_field(paragraph, instr: str) -> None:
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instr
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(end)


def _header_footer(doc: Document, header: str) -> None:
    section = doc.sections[0]
    hp = section.header.paragraphs[0]
    hp.text = header
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = section.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("第 ")
    _page_field(fp, "PAGE")
    fp.add_run(" 页 共 ")
    _page_field(fp, "NUMPAGES")
    fp.add_run(" 页")


def _title(doc: Document, text: str, size: int = 16) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text)
    run.bold = True
    run.font.size = Pt(size)


def _normalise_zip(path: Path) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(src.namelist()):
            info = zipfile.ZipInfo(name, date_time=(2025, 3, 1, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(name)
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-03-01T09:00:00Z", data)
                data = re.sub(rb"(<dcterms:created[^>]*>)[^<]*", rb"\g<1>2025-03-01T09:00:00Z", data)
            dst.writestr(info, data)
    tmp.replace(path)


def _save(doc: Document, path: Path, title: str) -> None:
    _core(doc, title)
    doc.save(str(path))
    _normalise_zip(path)


# ---------------------------------------------------------------- r4: label|value form
def antifake_form() -> dict:
    name = "网络打假专员"
    doc = Document()
    _font(doc)
    _header_footer(doc, f"{s.SHORT}　人力资源部　岗位说明书")
    p = doc.add_paragraph(s.COMPANY)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _title(doc, "岗位说明书")
    doc.add_paragraph("编号：BS-HR-JD-031　　　　修订日期：2025年3月1日　　　　版本：B/0")
    table = doc.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    pairs = [
        ("职位名称", name, "岗位编号", "DS-07"),
        ("所属部门", "电商部", "汇报对象", "电商经理"),
        ("工作地点", "总部（线上）", "岗位定员", "2人"),
    ]
    for a, b, c, d in pairs:
        row = table.add_row().cells
        for cell, text in zip(row, (a, b, c, d), strict=False):
            cell.text = text
        _shade(row[0])
        _shade(row[2])

    def long_row(label: str, lines: list[str]) -> None:
        row = table.add_row().cells
        row[0].text = label
        _shade(row[0])
        merged = row[1].merge(row[2]).merge(row[3])
        merged.text = lines[0]
        for line in lines[1:]:
            merged.add_paragraph(line)

    long_row("岗位目的", ["维护公司授权品牌在各电商平台的价格秩序与正品形象，减少假货与侵权链接。"])
    long_row("工作职责", [f"{i}. {d}" for i, d in enumerate(s.ANTIFAKE_DUTIES, 1)])
    long_row("任职要求", [f"{i}、{q}" for i, q in enumerate(s.ANTIFAKE_QUALIFICATIONS, 1)])
    long_row("考核指标", ["侵权链接处理数量、投诉成功率、维权渠道开发数（按月度考核表执行）"])
    row = table.add_row().cells
    for cell, text in zip(row, ("编制人", "人力资源部 王芳", "审核人", "电商经理 陈立"), strict=False):
        cell.text = text
    doc.add_paragraph("")
    doc.add_paragraph("任职者签字：______________　　　　日期：______年____月____日")
    _save(doc, OUT / "网络打假专员岗位说明书.docx", "网络打假专员岗位说明书")
    return {
        "file": "网络打假专员岗位说明书.docx",
        "source": "r4",
        "layout": "word-table",
        "posts": [_post(name, "电商部", "电商经理", s.ANTIFAKE_DUTIES, s.ANTIFAKE_QUALIFICATIONS)],
    }


# ---------------------------------------------------------------- r2: duty table with 考核标准 and 权重
STANDARDS = [
    ("门店巡检合格率≥95%", "15%"),
    ("月度销售目标达成率≥100%", "25%"),
    ("员工培训完成率100%，流失率≤10%", "15%"),
    ("顾客有效投诉≤2起/月", "10%"),
    ("费用率不超过预算", "10%"),
    ("总部通知落实及时率100%", "5%"),
    ("安全事故0起", "10%"),
    ("报表按时提交率100%", "10%"),
]


def manager_duty_table() -> dict:
    name = "店长"
    doc = Document()
    _font(doc)
    _header_footer(doc, f"{s.SHORT}　营运部")
    _title(doc, "店长岗位职责与考核标准")
    doc.add_paragraph("文件编号：BS-YY-012　　　　生效日期：2025年3月1日")
    doc.add_paragraph("所属部门：营运部　　直接上级：区域经理　　直接下级：副店长、收银组长、理货组长")
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("序号", "职责类别", "职责描述", "考核标准", "权重"), strict=False):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
        _shade(cell)
    for i, ((cat, duty), (std, weight)) in enumerate(zip(s.MANAGER_ITEMS, STANDARDS, strict=False), 1):
        row = table.add_row().cells
        for cell, text in zip(row, (str(i), cat, duty, std, weight), strict=False):
            cell.text = text
    row = table.add_row().cells
    merged = row[0].merge(row[1]).merge(row[2]).merge(row[3])
    merged.text = "合计"
    row[4].text = "100%"
    widths = (Cm(1.2), Cm(3.2), Cm(7.0), Cm(3.8), Cm(1.4))
    for r in table.rows:
        for cell, w in zip(r.cells, widths, strict=False):
            cell.width = w
    doc.add_paragraph("")
    doc.add_paragraph("备注：考核标准按季度评分，权重合计100%；考核结果与店长季度绩效奖金挂钩。")
    doc.add_paragraph("编制：营运部　　　　审核：人力资源部　　　　批准：总经理")
    _save(doc, OUT / "店长岗位职责与考核标准.docx", "店长岗位职责与考核标准")
    return {
        "file": "店长岗位职责与考核标准.docx",
        "source": "r2",
        "layout": "word-duty-table",
        "posts": [_post(name, "营运部", "区域经理", [d for _, d in s.MANAGER_ITEMS], [])],
    }


# ---------------------------------------------------------------- r5 (1, 2): department handbook
def ecommerce_handbook() -> dict:
    doc = Document()
    _font(doc)
    for _ in range(6):
        doc.add_paragraph("")
    p = doc.add_paragraph(s.COMPANY)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _title(doc, "电商部岗位职责", 22)
    cover = doc.add_table(rows=4, cols=2)
    cover.style = "Table Grid"
    cover.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row, (a, b) in zip(
        cover.rows,
        [
            ("文件编号", "BS-DS-003"),
            ("版本", "A/1"),
            ("编制部门", "电商部"),
            ("发布日期", "2025年3月1日"),
        ],
        strict=False,
    ):
        row.cells[0].text = a
        row.cells[1].text = b
    doc.add_paragraph("").add_run().add_break(WD_BREAK.PAGE)
    _title(doc, "修订记录", 12)
    rev = doc.add_table(rows=1, cols=4)
    rev.style = "Table Grid"
    for cell, text in zip(rev.rows[0].cells, ("版本", "修订内容", "修订人", "日期"), strict=False):
        cell.text = text
    for v, c, who, d in [("A/0", "首次发布", "陈立", "2024-06-01"), ("A/1", "增加客服人员岗位", "陈立", "2025-03-01")]:
        row = rev.add_row().cells
        for cell, text in zip(row, (v, c, who, d), strict=False):
            cell.text = text
    doc.add_paragraph("").add_run().add_break(WD_BREAK.PAGE)
    _header_footer(doc, f"{s.SHORT}　BS-DS-003　电商部岗位职责")
    doc.add_heading("一、部门职责", level=1)
    doc.add_paragraph("电商部负责公司天猫旗舰店、京东专营店及微信小程序商城的日常运营、客户服务与视觉设计，对线上销售目标负责。")
    doc.add_heading("二、岗位职责", level=1)
    for i, (name, duty, staff) in enumerate([("运营人员", s.SHOP_OPS, "2人"), ("客服人员", s.SHOP_CS, "4人")], 1):
        doc.add_heading(f"{i}. {name}", level=2)
        doc.add_paragraph(f"所属部门：电商部　　直接上级：电商经理　　编制：{staff}")
        p = doc.add_paragraph()
        p.add_run("岗位职责：").bold = True
        doc.add_paragraph(duty)
    doc.add_heading("三、附则", level=1)
    doc.add_paragraph("本职责自发布之日起执行，由电商部负责解释。")
    doc.add_paragraph("编制：陈立　　　　审核：人力资源部　　　　批准：总经理")
    _save(doc, OUT / "电商部岗位职责.docx", "电商部岗位职责")
    return {
        "file": "电商部岗位职责.docx",
        "source": "r5",
        "layout": "word-handbook",
        "posts": [
            _post("运营人员", "电商部", "电商经理", [s.SHOP_OPS], []),
            _post("客服人员", "电商部", "电商经理", [s.SHOP_CS], []),
        ],
    }


# ---------------------------------------------------------------- r3: two-column form, exported to PDF
def clerk_pdf(tmpdir: Path) -> dict:
    name = "采购文员"
    doc = Document()
    _font(doc)
    _header_footer(doc, f"{s.SHORT}　采购部")
    _title(doc, "采购文员岗位说明书")
    doc.add_paragraph("文件编号：BS-CG-005　　　　版本：A/0　　　　日期：2025年3月1日")
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    rows: list[tuple[str, list[str]]] = [
        ("岗位名称", [name]),
        ("所属部门", ["采购部"]),
        ("直接上级", ["采购主管"]),
        ("岗位编制", ["1人"]),
        ("岗位职责", [f"（{i}）{d}" for i, d in enumerate(s.CLERK_DUTIES, 1)]),
        ("任职资格", [f"（{i}）{q}" for i, q in enumerate(s.CLERK_QUALIFICATIONS, 1)]),
        ("工作环境", ["办公室，偶需到仓库核对到货单据"]),
    ]
    for label, lines in rows:
        cells = table.add_row().cells
        cells[0].text = label
        _shade(cells[0])
        cells[1].text = lines[0]
        for line in lines[1:]:
            cells[1].add_paragraph(line)
    for r in table.rows:
        r.cells[0].width = Cm(3.0)
        r.cells[1].width = Cm(13.0)
    doc.add_paragraph("")
    doc.add_paragraph("编制：采购部　　　　审核：人力资源部　　　　批准：总经理")
    docx = tmpdir / "采购文员岗位说明书.docx"
    _save(doc, docx, "采购文员岗位说明书")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmpdir), str(docx)],
        check=True,
        capture_output=True,
    )
    shutil.copyfile(tmpdir / "采购文员岗位说明书.pdf", OUT / "采购文员岗位说明书.pdf")
    return {
        "file": "采购文员岗位说明书.pdf",
        "source": "r3",
        "layout": "pdf-from-word",
        "posts": [_post(name, "采购部", "采购主管", s.CLERK_DUTIES, s.CLERK_QUALIFICATIONS)],
    }


# ---------------------------------------------------------------- r1: workbook with merged cells
def promoter_workbook() -> dict:
    name = "商超促销员"
    wb = Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    headers = ["部门", "岗位名称", "直接上级", "职责类别", "序号", "岗位职责", "备注"]
    ws.merge_cells("A1:G1")
    ws["A1"] = f"{s.COMPANY}　门店岗位职责表（促销）"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A2:G2")
    ws["A2"] = "编制部门：人力资源部　　更新日期：2025-03-01"
    for col, text in enumerate(headers, 1):
        cell = ws.cell(row=3, column=col, value=text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center")
    row = 4
    first = row
    n = 0
    duties: list[str] = []
    for cat, items in s.PROMOTER_GROUPS:
        start = row
        for duty in items:
            n += 1
            duties.append(duty)
            ws.cell(row=row, column=5, value=n)
            ws.cell(row=row, column=6, value=duty)
            row += 1
        ws.cell(row=start, column=4, value=cat)
        ws.merge_cells(start_row=start, start_column=4, end_row=row - 1, end_column=4)
    last = row - 1
    for col, value in ((1, "营运部"), (2, name), (3, "楼面主管"), (7, "含厂家派驻促销员，按本表执行")):
        ws.cell(row=first, column=col, value=value)
        ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)
    for r in ws.iter_rows(min_row=4, max_row=last, max_col=7):
        for cell in r:
            cell.border = border
            cell.alignment = wrap
    ws.merge_cells(start_row=last + 2, start_column=1, end_row=last + 2, end_column=7)
    ws.cell(row=last + 2, column=1, value="说明：促销员考核标准见《促销员管理办法》，本表仅列工作职责。")
    for col, width in zip("ABCDEFG", (10, 12, 10, 16, 6, 60, 18), strict=False):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    rev = wb.create_sheet("修订记录")
    rev.append(["版本", "修订内容", "修订人", "日期"])
    rev.append(["A/0", "首次发布", "王芳", "2025-03-01"])
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    path = OUT / "商超促销员岗位职责表.xlsx"
    wb.save(str(path))
    _normalise_zip(path)
    return {
        "file": "商超促销员岗位职责表.xlsx",
        "source": "r1",
        "layout": "xlsx-merged",
        "posts": [_post(name, "营运部", "楼面主管", duties, [])],
    }


# ---------------------------------------------------------------- r5 (3, 4): web copies
def art_markdown() -> dict:
    text = "\n".join(
        [
            "# 开网店需要哪些人员?有哪些岗位?",
            "",
            "> 转自 bytenew.com　2022-11-21　（只摘美工部分，招聘美工时参考）",
            "",
            "想要开网店并且长久的运营下去,是不能只依靠一个人的,因为网店运营包括很多的工作内容,"
            "所以需要进行合理的工作安排和分配,话不多说,一起去看看开网店需要哪些人员?",
            "",
            "## 3、美工人员",
            "",
            s.SHOP_ART,
            "",
            "---",
            "",
            "（其余岗位见《电商部岗位职责》）",
            "",
        ]
    )
    (OUT / "美工人员岗位职责.md").write_text(text, encoding="utf-8")
    return {
        "file": "美工人员岗位职责.md",
        "source": "r5",
        "layout": "markdown-web-copy",
        "posts": [_post("美工人员", None, None, [s.SHOP_ART], [])],
    }


def pack_text() -> dict:
    lines = [
        "开网店需要哪些人员?有哪些岗位?",
        "2022-11-21　来源：bytenew.com",
        "",
        "4、打包员",
        s.SHOP_PACK,
        "",
        "当然了如果你店铺的业务量很小,很多人都是兼职去做的,就是一个人兼职很多身份,要去做很多事情,就会省下一些开支。",
        "",
        "（仓库招打包员用，2025.3 王芳存）",
        "",
    ]
    (OUT / "打包员岗位职责.txt").write_bytes("\r\n".join(lines).encode("gbk"))
    return {
        "file": "打包员岗位职责.txt",
        "source": "r5",
        "layout": "txt-web-copy",
        "posts": [_post("打包员", None, None, [s.SHOP_PACK], [])],
    }


def _post(name: str, dept: str | None, boss: str | None, duties: list[str], quals: list[str]) -> dict:
    return {
        "name": name,
        "department": dept,
        "reports_to": boss,
        "duties": [d.strip() for d in duties],
        "qualifications": [q.strip() for q in quals],
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        documents = [
            antifake_form(),
            manager_duty_table(),
            ecommerce_handbook(),
            clerk_pdf(Path(tmp)),
            promoter_workbook(),
            art_markdown(),
            pack_text(),
        ]
    gold = {"sources": s.SOURCES, "documents": documents}
    head = (
        "# Gold for tests/data/jobdocs/heldout36: what a perfect importer returns for each document.\n"
        "# Written by make/build.py from make/sources.py; do not edit by hand.\n"
        "# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and\n"
        "# reports_to as written in the document, or null where it gives none.\n"
    )
    body = yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=1000)
    (OUT / "gold.yaml").write_text(head + body, encoding="utf-8")


if __name__ == "__main__":
    main()
