"""Build tests/data/jobdocs/heldout2: documents and gold.yaml from sources.py.

python tests/data/jobdocs/heldout2/make/build.py        # .docx, .xlsx, .md, .txt, gold.yaml
python tests/data/jobdocs/heldout2/make/build.py --pdf  # also the PDF (LibreOffice)
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
from docx.enum.text import WD_BREAK
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sources as S

OUT = Path(__file__).resolve().parent.parent
FIXED = dt.datetime(2024, 3, 1, 9, 0, 0)
ZIP_TIME = (2024, 3, 1, 9, 0, 0)
CN = "一二三四五六七八九十"


def new_doc(title: str) -> Document:
    doc = Document()
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.title = title
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 1
    style = doc.styles["Normal"]
    style.font.size = Pt(10.5)
    return doc


def fix_zip(path: Path) -> None:
    """Rewrite an Office zip with fixed entry times, entries in their original order."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":  # openpyxl stamps the save time into dcterms:modified
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-03-01T09:00:00Z", data)
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def save(doc: Document, name: str) -> None:
    path = OUT / name
    doc.save(path)
    fix_zip(path)


def header_footer(doc: Document, head: str, foot: str) -> None:
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = head
    sec.footer.paragraphs[0].text = foot


def cell_lines(cell, lines: list[str]) -> None:
    cell.text = lines[0] if lines else ""
    for line in lines[1:]:
        cell.add_paragraph(line)


def revision_table(doc: Document, rows: list[tuple[str, str, str, str]]) -> None:
    t = doc.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ("版本", "修订日期", "修订内容", "修订人"), strict=True):
        c.text = h
    for r in rows:
        cells = t.add_row().cells
        for c, v in zip(cells, r, strict=True):
            c.text = v


# D1: 药店店长 — Word form, 职务/所在部门/汇报对象 pairs, 主要职责 (1), 任职条件 1.
def pharmacy() -> None:
    p = S.PHARMACY_MANAGER
    doc = new_doc("药店店长岗位说明书")
    header_footer(doc, "康宁大药房连锁有限公司　　文件编号：KN-HR-JD-007", "受控文件　未经许可不得复印")
    doc.add_paragraph("康宁大药房连锁有限公司")
    doc.add_paragraph("岗位说明书")
    revision_table(doc, [("A/0", "2022-06-01", "首次发布", "周敏"), ("A/1", "2024-02-20", "调整任职条件", "周敏")])
    doc.add_paragraph("")
    t = doc.add_table(rows=8, cols=4)
    t.style = "Table Grid"
    vals = [("职务", p["name"], "编制", "1人"), ("所在部门", "", "汇报对象", ""), ("直接下级", "营业员、收银员", "工作地点", "各门店")]
    for r, row in enumerate(vals):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    t.cell(3, 0).text = "岗位目的"
    t.cell(3, 1).merge(t.cell(3, 3)).text = "负责门店的日常经营与质量管理,完成公司下达的经营指标。"
    t.cell(4, 0).text = "主要职责"
    cell_lines(t.cell(4, 1).merge(t.cell(4, 3)), [f"（{i}）{d}" for i, d in enumerate(p["duties"], 1)])
    t.cell(5, 0).text = "任职条件"
    cell_lines(t.cell(5, 1).merge(t.cell(5, 3)), [f"{i}. {q}" for i, q in enumerate(p["qualifications"], 1)])
    t.cell(6, 0).text = "工作关系"
    t.cell(6, 1).merge(t.cell(6, 3)).text = "内部：营运部、质量管理部、配送中心；外部：药监部门、顾客"
    for c, v in zip(t.rows[7].cells, ("编制人：周敏", "审核人：", "批准人：", "日期：2024-02-20"), strict=True):
        c.text = v
    doc.add_paragraph("")
    doc.add_paragraph("本说明书自发布之日起执行,由人力资源部负责解释。")
    save(doc, "药店店长岗位说明书.docx")


# D2: 生鲜部 handbook — headings 一、二、, 直接上级 line, 工作职责 1、, 任职资格 (1)
def fresh_handbook() -> None:
    doc = new_doc("生鲜部岗位职责手册")
    header_footer(doc, "华联惠民超市 · 生鲜部岗位职责手册", "第 2 版　2024年3月")
    doc.add_paragraph("华联惠民超市有限公司")
    doc.add_paragraph("生鲜部岗位职责手册")
    doc.add_paragraph("部门:生鲜部")
    doc.add_paragraph("")
    revision_table(doc, [("1", "2023-01-10", "新建", "人力资源部"), ("2", "2024-03-01", "增加生鲜区主管", "人力资源部")])
    for i, p in enumerate([S.FRESH_MANAGER, S.FRESH_SUPERVISOR]):
        if i == 1:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_heading(f"{CN[i]}、{p['name']}", level=1)
        doc.add_paragraph(f"直接上级:{p['reports_to']}")
        doc.add_paragraph("工作职责:")
        for n, d in enumerate(p["duties"], 1):
            doc.add_paragraph(f"{n}、{d}")
        doc.add_paragraph("任职资格:")
        for n, q in enumerate(p["qualifications"], 1):
            doc.add_paragraph(f"({n}){q}")
        doc.add_paragraph("")
    doc.add_paragraph("以上职责如有调整,以人力资源部最新发文为准。")
    save(doc, "生鲜部岗位职责手册.docx")


# D3: 专卖店店长 — header lines and a duty table 序号 | 工作内容 (merged) | 职责描述 | 考核标准
def shop_duty_table() -> None:
    p = S.SHOP_MANAGER
    doc = new_doc("专卖店店长工作职责表")
    header_footer(doc, "雅衣坊服饰有限公司", "HR-F-012　第 1 页")
    doc.add_paragraph("雅衣坊服饰有限公司 专卖店店长工作职责表")
    doc.add_paragraph(f"职位名称:{p['name']}　　所属部门:　　直接上级:　　编制:每店1人")
    doc.add_paragraph("职位概要:店长负责商店的盈亏与经营绩效。")
    n = len(p["duties"])
    t = doc.add_table(rows=n + 1, cols=4)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ("序号", "工作内容", "职责描述", "考核标准"), strict=True):
        c.text = h
    row = 1
    for group, duties in S.SHOP_MANAGER_GROUPS:
        first = row
        for d in duties:
            t.cell(row, 0).text = str(row)
            t.cell(row, 2).text = d
            t.cell(row, 3).text = "店铺月度检查" if group == "店铺运作" else "盘点差异率"
            row += 1
        t.cell(first, 1).merge(t.cell(row - 1, 1)).text = group
    doc.add_paragraph("")
    sign = doc.add_table(rows=1, cols=3)
    sign.style = "Table Grid"
    for c, v in zip(sign.rows[0].cells, ("员工签字:", "店铺督导签字:", "日期:"), strict=True):
        c.text = v
    save(doc, "专卖店店长工作职责表.docx")


# D4: 淘宝网店客服 — labels across the top row, merged section rows, 序号 | 职责模块 | 职责描述 sub-rows
def online_cs() -> None:
    p = S.ONLINE_CS
    doc = new_doc("淘宝网店客服岗位说明书")
    header_footer(doc, "杭州优品汇电子商务有限公司", "")
    doc.add_paragraph("岗位说明书（电商部）")
    t = doc.add_table(rows=2, cols=4)
    t.style = "Table Grid"
    for c, v in zip(t.rows[0].cells, ("岗位名称", "所属部门", "直接上级", "直接下级"), strict=True):
        c.text = v
    for c, v in zip(t.rows[1].cells, (p["name"], p["department"], p["reports_to"], "无"), strict=True):
        c.text = v
    r = t.add_row().cells
    r[0].merge(r[3]).text = "工作职责"
    r = t.add_row().cells
    r[0].text, r[1].text = "序号", "职责模块"
    r[2].merge(r[3]).text = "职责描述"
    for i, (mod, d) in enumerate(S.CS_MODULES, 1):
        r = t.add_row().cells
        r[0].text, r[1].text = str(i), mod
        r[2].merge(r[3]).text = d
    r = t.add_row().cells
    r[0].merge(r[3]).text = "任职要求"
    r = t.add_row().cells
    cell_lines(r[0].merge(r[3]), [f"{i}、{q}" for i, q in enumerate(p["qualifications"], 1)])
    r = t.add_row().cells
    r[0].text = "备注"
    r[1].merge(r[3]).text = "大促期间实行轮班制。"
    doc.add_paragraph("")
    doc.add_paragraph("制表:人事行政部　　　审批:　　　　生效日期:2024年3月1日")
    save(doc, "淘宝网店客服岗位说明书.docx")


# D5: workbook 部门 | 岗位 | 直接上级 | 序号 | 职责内容, merged 部门/岗位/直接上级 cells
def workbook() -> None:
    wb = Workbook()
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    ws = wb.active
    ws.title = "岗位职责汇总"
    ws.append(["百佳联合商业集团 岗位职责汇总表"])
    ws.merge_cells("A1:E1")
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["部门", "岗位", "直接上级", "序号", "职责内容"])
    row = 3
    for p in (S.STORE_MANAGER, S.OPS_DIRECTOR):
        first = row
        for i, d in enumerate(p["duties"], 1):
            ws.cell(row, 4, i)
            ws.cell(row, 5, d).alignment = Alignment(wrap_text=True)
            row += 1
        for col, v in ((1, p["department"]), (2, p["name"]), (3, p["reports_to"])):
            ws.cell(first, col, v).alignment = Alignment(vertical="center")
            ws.merge_cells(start_row=first, start_column=col, end_row=row - 1, end_column=col)
    row += 1
    ws.cell(row, 1, "注:本表由人力资源部统一维护,各部门如需调整请提交岗位变更申请。")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
    ws.column_dimensions["E"].width = 80
    ws2 = wb.create_sheet("版本记录")
    ws2.append(["版本", "日期", "说明"])
    ws2.append(["V1.0", "2023-12-01", "初版"])
    ws2.append(["V1.1", "2024-03-01", "补充运营部"])
    path = OUT / "岗位职责汇总表.xlsx"
    wb.save(path)
    fix_zip(path)


# D6: markdown, two posts under ##, 工作职责 numbered 1. / bullets
def markdown() -> None:
    a, b = S.EC_DIRECTOR, S.EC_OPERATOR
    lines = [
        "# 电商中心岗位职责",
        "",
        "> 文档维护:电商中心综合组 | 最近更新:2024-03-01",
        "",
        f"## {a['name']}",
        "",
        f"- 所属部门:{a['department']}",
        "- 编制:1人",
        "",
        "**工作职责**",
        "",
        *[f"{i}. {d}" for i, d in enumerate(a["duties"], 1)],
        "",
        f"## {b['name']}",
        "",
        f"- 所属部门:{b['department']}",
        "- 编制:2人",
        "",
        "**主要职责**",
        "",
        *[f"* {d}" for d in b["duties"]],
        "",
        "---",
        "",
        "如有疑问请联系电商中心综合组。",
        "",
    ]
    (OUT / "电商中心岗位职责.md").write_text("\n".join(lines), encoding="utf-8", newline="\n")


# D7: txt, CRLF, 职责与工作任务 numbered 1)
def text() -> None:
    p = S.GUIDE
    lines = [
        "金沙百货 门店岗位说明",
        "",
        f"职位名称:{p['name']}",
        "所属部门:",
        "上级:",
        "",
        "职责与工作任务:",
        *[f"{i}) {d}" for i, d in enumerate(p["duties"], 1)],
        "",
        "",
        "本岗位说明经门店负责人确认后生效。",
        "",
    ]
    (OUT / "导购岗位说明.txt").write_bytes("\r\n".join(lines).encode("utf-8"))


def pdf() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(OUT / "药店店长岗位说明书.docx")],
            check=True,
            capture_output=True,
        )
        shutil.copy(Path(tmp) / "药店店长岗位说明书.pdf", OUT / "药店店长岗位说明书.pdf")


def post(p: dict) -> dict:
    return {k: p[k] for k in ("name", "department", "reports_to", "duties", "qualifications")}


def gold() -> None:
    docs = [
        ("药店店长岗位说明书.docx", "k3", "word-table", [S.PHARMACY_MANAGER]),
        ("药店店长岗位说明书.pdf", "k3", "pdf-from-word", [S.PHARMACY_MANAGER]),
        ("生鲜部岗位职责手册.docx", "k1, k2", "word-headings", [S.FRESH_MANAGER, S.FRESH_SUPERVISOR]),
        ("专卖店店长工作职责表.docx", "k4", "word-duty-table", [S.SHOP_MANAGER]),
        ("淘宝网店客服岗位说明书.docx", "k9", "word-table", [S.ONLINE_CS]),
        ("岗位职责汇总表.xlsx", "k5, k6", "xlsx-merged", [S.STORE_MANAGER, S.OPS_DIRECTOR]),
        ("电商中心岗位职责.md", "k7, k8", "md", [S.EC_DIRECTOR, S.EC_OPERATOR]),
        ("导购岗位说明.txt", "k10", "txt", [S.GUIDE]),
    ]
    data = {
        "sources": S.SOURCES,
        "documents": [{"file": f, "source": s, "layout": lay, "posts": [post(p) for p in ps]} for f, s, lay, ps in docs],
    }
    head = (
        "# Gold for tests/data/jobdocs/heldout2: what a perfect importer returns for each document.\n"
        "# Written by make/build.py from make/sources.py; do not edit by hand.\n"
        "# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and\n"
        "# reports_to as written in the document, or null where it gives none.\n"
    )
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    (OUT / "gold.yaml").write_text(head + body, encoding="utf-8")


def main(argv: list[str]) -> int:
    pharmacy()
    fresh_handbook()
    shop_duty_table()
    online_cs()
    workbook()
    markdown()
    text()
    if "--pdf" in argv:
        pdf()
    gold()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
