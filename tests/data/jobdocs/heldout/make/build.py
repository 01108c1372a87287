"""Build the held-out job-description documents and gold.yaml of tests/data/jobdocs/heldout.

    python tests/data/jobdocs/heldout/make/build.py          # .docx, .xlsx, .txt and gold.yaml
    python tests/data/jobdocs/heldout/make/build.py --pdf    # also the PDF (LibreOffice soffice)

Deterministic without --pdf: fixed core properties, fixed zip entry times, no random ids.
"""

from __future__ import annotations

import argparse
import datetime
import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sources as S

OUT = Path(__file__).resolve().parents[1]
FIXED = datetime.datetime(2024, 6, 30, 9, 0, 0)
COMPANY = "鑫源商贸集团有限公司"


# ---------------------------------------------------------------- helpers
def fix_zip(path: Path) -> None:
    """Rewrite an Office zip with fixed entry times, so the bytes are the same on every run."""
    data = path.read_bytes()
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 6, 30, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, blob)
    path.write_bytes(buf.getvalue())


def new_doc(title: str, header: str, footer: str) -> Document:
    doc = Document()
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.title = title
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 3
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = header
    sec.footer.paragraphs[0].text = footer
    sec.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    return doc


def save_doc(doc: Document, name: str) -> Path:
    path = OUT / name
    doc.save(str(path))
    fix_zip(path)
    return path


def centered(doc: Document, text: str, size: int = 12, bold: bool = False) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(text)
    r.bold = bold
    r.font.size = Pt(size)


def fill(cell, lines: list[str]) -> None:
    """One paragraph per line in a table cell."""
    cell.paragraphs[0].text = lines[0] if lines else ""
    for line in lines[1:]:
        cell.add_paragraph(line)


def revision_table(doc: Document, rows: list[tuple[str, str, str, str]]) -> None:
    t = doc.add_table(rows=1 + len(rows), cols=4)
    t.style = "Table Grid"
    for c, h in enumerate(("版本", "修订日期", "修订人", "修订内容")):
        t.cell(0, c).text = h
    for r, row in enumerate(rows, 1):
        for c, v in enumerate(row):
            t.cell(r, c).text = v


def signoff_table(doc: Document, dates: tuple[str, str, str]) -> None:
    t = doc.add_table(rows=2, cols=6)
    t.style = "Table Grid"
    for c, v in enumerate(("编制", "人力资源部", "审核", "", "批准", "")):
        t.cell(0, c).text = v
    for c, v in enumerate(("日期", dates[0], "日期", dates[1], "日期", dates[2])):
        t.cell(1, c).text = v


CN = "一二三四五六七八九十"


# ---------------------------------------------------------------- documents
def store_manager() -> dict:
    """word-table: a company cover line, a revision table, a label|value|label|value form with the
    duties in one merged cell under group lines (一、…) and numbered 1. per group, a sign-off table."""
    p = S.STORE_MANAGER
    doc = new_doc("服装店长岗位说明书", f"{COMPANY}    人力资源管理体系文件", "受控文件 · 未经许可不得复制")
    centered(doc, COMPANY, 14, True)
    centered(doc, "岗位说明书", 18, True)
    doc.add_paragraph("文件编号:XY-HR-JD-012")
    revision_table(doc, [("V1.0", "2023-03-01", "王敏", "首次发布"), ("V1.1", "2024-02-20", "王敏", "调整下属岗位")])
    doc.add_paragraph("")
    t = doc.add_table(rows=6, cols=4)
    t.style = "Table Grid"
    rows = [("岗位名称", p["name"], "岗位编号", "LS-DZ-01"),
            ("所属部门", p["department"], "编制人数", "每店1人"),
            ("直接上级", p["reports_to"], "直接下级", p["subordinates"])]
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    duty_lines = []
    for g, (group, duties) in enumerate(S.STORE_MANAGER_GROUPS):
        duty_lines.append(f"{CN[g]}、{group}")
        duty_lines += [f"{i}. {d}" for i, d in enumerate(duties, 1)]
    for r, (label, lines) in enumerate([("岗位职责", duty_lines),
                                        ("任职资格", [f"{i}. {q}" for i, q in enumerate(p["qualifications"], 1)]),
                                        ("工作关系", [""])], 3):
        t.cell(r, 0).text = label
        merged = t.cell(r, 1).merge(t.cell(r, 3))
        fill(merged, lines)
    doc.add_paragraph("")
    signoff_table(doc, ("2024-02-20", "2024-02-22", "2024-02-26"))
    save_doc(doc, "服装店长岗位说明书.docx")
    return {"file": "服装店长岗位说明书.docx", "source": "h1", "layout": "word-table",
            "posts": [post(p["name"], p["department"], p["reports_to"], p["duties"], p["qualifications"])]}


def customer_service() -> dict:
    """word-duty-table: a basic-information form (职位名称, 所属部门, 汇报对象 …), then a
    序号 | 职责模块 | 工作内容 | 考核标准 table with the module cell merged down its rows, a 任职要求
    heading that only refers elsewhere, and a typed sign-off line."""
    p = S.CS
    doc = new_doc("电商客服岗位说明书", "鑫源优选电商 · 客户服务部", "内部资料  注意保密")
    centered(doc, "鑫源优选电子商务有限公司", 14, True)
    centered(doc, "电商客服岗位说明书", 16, True)
    doc.add_paragraph("一、基本信息")
    t = doc.add_table(rows=4, cols=4)
    t.style = "Table Grid"
    for c, v in enumerate(("职位名称", p["name"], "所属部门", p["department"])):
        t.cell(0, c).text = v
    for c, v in enumerate(("汇报对象", p["reports_to"], "岗位性质", p["nature"])):
        t.cell(1, c).text = v
    for r, (label, value) in enumerate([("工作地点", p["place"]), ("岗位概述", p["summary"])], 2):
        t.cell(r, 0).text = label
        t.cell(r, 1).merge(t.cell(r, 3)).text = value
    doc.add_paragraph("")
    doc.add_paragraph("二、工作职责")
    n = sum(len(ds) for _, ds in S.CS_GROUPS)
    t = doc.add_table(rows=1 + n, cols=4)
    t.style = "Table Grid"
    for c, h in enumerate(("序号", "职责模块", "工作内容", "考核标准")):
        t.cell(0, c).text = h
    r = 1
    for group, duties in S.CS_GROUPS:
        top = r
        for d in duties:
            t.cell(r, 0).text = str(r)
            t.cell(r, 2).text = d
            t.cell(r, 3).text = S.CS_STANDARDS[r - 1]
            r += 1
        t.cell(top, 1).merge(t.cell(r - 1, 1)).text = group
    doc.add_paragraph("")
    doc.add_paragraph("三、任职要求")
    doc.add_paragraph("详见人力资源部《2024年客服岗位招聘需求表》。")
    doc.add_paragraph("")
    doc.add_paragraph("编制:客户服务部        审核:人力资源部        批准:        日期:2024年5月")
    save_doc(doc, "电商客服岗位说明书.docx")
    return {"file": "电商客服岗位说明书.docx", "source": "h2", "layout": "word-duty-table",
            "posts": [post(p["name"], p["department"], p["reports_to"], p["duties"], p["qualifications"])]}


def receiving_supervisor() -> dict:
    """word-table: labels across the top row (职位名称 | 部门 | 直接上级 | 编制人数), values in the
    row below; 工作职责 and 任职要求 as merged header rows, items numbered 1) one paragraph each;
    a 备注 row; the 修订记录 table after the form."""
    p = S.RECEIVING_SUPERVISOR
    doc = new_doc("收货主管岗位说明书", f"{COMPANY} 门店营运中心", "第1页 共1页")
    centered(doc, f"{COMPANY}", 12)
    centered(doc, "收货部 · 收货主管 岗位说明书", 16, True)
    t = doc.add_table(rows=7, cols=4)
    t.style = "Table Grid"
    for c, v in enumerate(("职位名称", "部门", "直接上级", "编制人数")):
        t.cell(0, c).text = v
    for c, v in enumerate((p["name"], p["department"], p["reports_to"], "1")):
        t.cell(1, c).text = v
    t.cell(2, 0).merge(t.cell(2, 3)).text = "工作职责"
    fill(t.cell(3, 0).merge(t.cell(3, 3)), [f"{i}){d}" for i, d in enumerate(p["duties"], 1)])
    t.cell(4, 0).merge(t.cell(4, 3)).text = "任职要求"
    fill(t.cell(5, 0).merge(t.cell(5, 3)), [f"{i}){q}" for i, q in enumerate(p["qualifications"], 1)])
    t.cell(6, 0).text = "备注"
    t.cell(6, 1).merge(t.cell(6, 3)).text = "本说明书自发布之日起执行,由人力资源部负责解释。"
    doc.add_paragraph("")
    doc.add_paragraph("修订记录")
    revision_table(doc, [("A/0", "2022-11-15", "李强", "新建"), ("A/1", "2024-01-08", "李强", "更新任职要求")])
    save_doc(doc, "收货主管岗位说明书.docx")
    return {"file": "收货主管岗位说明书.docx", "source": "h3", "layout": "word-table",
            "posts": [post(p["name"], p["department"], p["reports_to"], p["duties"], p["qualifications"])]}


HANDBOOK_POSTS = ["仓库经理", "仓库主管", "入库管理员", "出库管理员"]


def warehouse_handbook() -> dict:
    """word-headings: a department handbook; cover lines, a 修订记录 table, a typed table of
    contents that names the posts, then each post under Heading 1 (一、仓库经理 …) with a 岗位职责:
    line and its duties in Word's bullet list (no numbers in the text); a page break before post 三."""
    doc = new_doc("仓储部岗位职责手册", f"{COMPANY} · 仓储部", "仓储部岗位职责手册  V2.0")
    centered(doc, COMPANY, 14, True)
    centered(doc, "仓储部岗位职责手册", 20, True)
    centered(doc, "(电商仓库适用)", 12)
    doc.add_paragraph("部门:仓储部")
    revision_table(doc, [("V1.0", "2021-09-01", "赵磊", "首次发布"), ("V2.0", "2024-04-12", "赵磊", "按电商仓库组织架构重编")])
    doc.add_paragraph("")
    doc.add_paragraph("目  录")
    for i, name in enumerate(HANDBOOK_POSTS):
        doc.add_paragraph(f"{CN[i]}、{name}\t{i + 2}")
    for i, name in enumerate(HANDBOOK_POSTS):
        if i == 2:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_heading(f"{CN[i]}、{name}", level=1)
        doc.add_paragraph("岗位职责:")
        for d in S.WAREHOUSE[name]:
            doc.add_paragraph(d, style="List Bullet")
        doc.add_paragraph("")
    doc.add_paragraph("本手册由仓储部负责编制和解释,自发布之日起执行。")
    save_doc(doc, "仓储部岗位职责手册.docx")
    return {"file": "仓储部岗位职责手册.docx", "source": "h4", "layout": "word-headings",
            "posts": [post(n, "仓储部", None, S.WAREHOUSE[n], []) for n in HANDBOOK_POSTS]}


def receiving_clerk() -> dict:
    """word-plain: no table, no headings style: a title paragraph, 部门 line, and the duties as
    typed 1、 paragraphs; a closing line and a sign-off line."""
    doc = new_doc("收货人员工作职责", f"{COMPANY}", "")
    centered(doc, "收货人员工作职责", 16, True)
    doc.add_paragraph("部门:收货部")
    doc.add_paragraph("")
    for i, d in enumerate(S.RECEIVING_CLERK, 1):
        doc.add_paragraph(f"{i}、 {d}")
    doc.add_paragraph("")
    doc.add_paragraph("以上职责自2024年7月1日起执行。")
    doc.add_paragraph("收货部  2024年6月")
    save_doc(doc, "收货人员工作职责.docx")
    return {"file": "收货人员工作职责.docx", "source": "h5", "layout": "word-plain",
            "posts": [post("收货人员", "收货部", None, S.RECEIVING_CLERK, [])]}


XLSX_POSTS = ["库存管理员", "物流协调员"]


def workbook() -> dict:
    """xlsx-merged: a merged title row and a merged note row, then 部门 | 岗位 | 序号 | 工作职责 | 备注
    with 部门 merged over all its rows and 岗位 merged over each post's rows; a closing note; a
    second sheet with the revision record."""
    wb = Workbook()
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    ws = wb.active
    ws.title = "岗位职责"
    ws.append([f"{COMPANY} 岗位职责明细表(2024版)"])
    ws.merge_cells("A1:E1")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(["编制部门:人力资源部    更新日期:2024-06-30"])
    ws.merge_cells("A2:E2")
    ws.append(["部门", "岗位", "序号", "工作职责", "备注"])
    row = 4
    dept_top = row
    for name in XLSX_POSTS:
        top = row
        for i, d in enumerate(S.WAREHOUSE[name], 1):
            ws.append(["仓储部" if row == dept_top else None, name if i == 1 else None, i, d,
                       "与仓库主管共同负责" if (name, i) == ("库存管理员", 2) else None])
            ws.cell(row, 4).alignment = Alignment(wrap_text=True, vertical="top")
            row += 1
        ws.merge_cells(start_row=top, start_column=2, end_row=row - 1, end_column=2)
    ws.merge_cells(start_row=dept_top, start_column=1, end_row=row - 1, end_column=1)
    ws.append([])
    row += 1
    ws.append(["注:本表由各部门负责人确认后报人力资源部备案;岗位职责如有调整,以最新版本为准。"])
    ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=5)
    for col, width in zip("ABCDE", (10, 14, 6, 60, 20), strict=True):
        ws.column_dimensions[col].width = width
    rev = wb.create_sheet("修订记录")
    rev.append(["版本", "日期", "修订人", "内容"])
    rev.append(["2024版", "2024-06-30", "人力资源部", "新增仓储部库存、物流岗位"])
    path = OUT / "岗位职责明细表.xlsx"
    wb.save(str(path))
    fix_zip_core(path)
    return {"file": "岗位职责明细表.xlsx", "source": "h4", "layout": "xlsx-merged",
            "posts": [post(n, "仓储部", None, S.WAREHOUSE[n], []) for n in XLSX_POSTS]}


def fix_zip_core(path: Path) -> None:
    """openpyxl stamps docProps/core.xml with the save time; put the fixed time back, then fix the zip."""
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    buf = io.BytesIO()
    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ")
    import re
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = blob.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rf"\g<1>{stamp}\g<2>", text)
                blob = text.encode("utf-8")
            dst.writestr(info.filename, blob)
    path.write_bytes(buf.getvalue())
    fix_zip(path)


def cashier_txt() -> dict:
    """txt: UTF-8 with a byte-order mark and CRLF, as Notepad writes it; empty 所属部门 and 直接上级;
    岗位概述 prose; duties 1、, requirements (1); a 发展方向 line and a sign-off line."""
    p = S.CASHIER_SUPERVISOR
    lines = [COMPANY, "收银主管岗位说明书", "=" * 24, "",
             f"岗位名称:{p['name']}", "所属部门:", "直接上级:", "",
             "岗位概述:", p["summary"], "",
             "岗位职责:", *[f"{i}、{d}" for i, d in enumerate(p["duties"], 1)], "",
             "岗位要求:", *[f"({i}){q}" for i, q in enumerate(p["qualifications"], 1)], "",
             f"发展方向:{p['career']}", "",
             "编制:人力资源部      审核:            批准:", ""]
    (OUT / "收银主管岗位说明.txt").write_bytes(("\ufeff" + "\r\n".join(lines)).encode("utf-8"))
    return {"file": "收银主管岗位说明.txt", "source": "h6", "layout": "txt",
            "posts": [post(p["name"], p["department"], p["reports_to"], p["duties"], p["qualifications"])]}


def pdf_of(docx_name: str) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("--pdf needs LibreOffice (soffice)")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
                        "--outdir", tmp, str(OUT / docx_name)], check=True, capture_output=True)
        shutil.copy(Path(tmp) / (Path(docx_name).stem + ".pdf"), OUT / (Path(docx_name).stem + ".pdf"))


def post(name, department, reports_to, duties, qualifications) -> dict:
    return {"name": name, "department": department, "reports_to": reports_to,
            "duties": list(duties), "qualifications": list(qualifications)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pdf", action="store_true", help="also rebuild 服装店长岗位说明书.pdf with soffice")
    args = ap.parse_args()
    docs = [store_manager(), customer_service(), receiving_supervisor(), warehouse_handbook(), receiving_clerk(),
            workbook(), cashier_txt()]
    if args.pdf:
        pdf_of("服装店长岗位说明书.docx")
    docs.append({**docs[0], "file": "服装店长岗位说明书.pdf", "layout": "pdf-from-word"})
    gold = {"sources": S.SOURCES, "documents": docs}
    header = ("# Gold for tests/data/jobdocs/heldout: what a perfect importer returns for each document.\n"
              "# Written by make/build.py from make/sources.py; do not edit by hand.\n"
              "# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and\n"
              "# reports_to as written in the document, or null where it gives none.\n")
    (OUT / "gold.yaml").write_text(header + yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=1000),
                                   encoding="utf-8")
    print(f"wrote {len(docs)} documents' gold, {sum(len(d['posts']) for d in docs)} posts, "
          f"{sum(len(p['duties']) for d in docs for p in d['posts'])} duties")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
