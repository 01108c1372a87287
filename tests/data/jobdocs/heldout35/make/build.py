"""Rebuild the documents of tests/data/jobdocs/heldout35 and their gold from make/sources.py.

Run from anywhere with a Python that has python-docx, openpyxl and PyYAML; the PDF needs LibreOffice
(`soffice`). Office files get fixed core-property dates and fixed zip timestamps so that a rebuild gives
the same bytes; the PDF carries LibreOffice's own creation date, so only its text is stable.
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
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, str(Path(__file__).parent))
import sources as s

OUT = Path(__file__).resolve().parent.parent
COMPANY = "汇优购电子商务有限公司"
SHORT = "汇优购"
FIXED = dt.datetime(2024, 3, 18, 9, 30, 0)


def _fix_zip(path: Path) -> None:
    """Rewrite an Office zip with one fixed timestamp so rebuilds are byte-identical."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the save time over the properties set above.
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2024-03-18T09:30:00Z", data)
            new = zipfile.ZipInfo(info.filename, date_time=(2024, 3, 18, 9, 30, 0))
            new.compress_type = zipfile.ZIP_DEFLATED
            new.external_attr = info.external_attr
            dst.writestr(new, data)
    tmp.replace(path)


def _new_doc() -> Document:
    doc = Document()
    props = doc.core_properties
    props.author = "人力资源部"
    props.last_modified_by = "人力资源部"
    props.created = FIXED
    props.modified = FIXED
    props.revision = 3
    style = doc.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    return doc


def _header_footer(doc: Document, header: str, footer: str, page_field: bool = True) -> None:
    section = doc.sections[0]
    hp = section.header.paragraphs[0]
    hp.text = header
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = section.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run(footer)
    if page_field:
        fp.add_run("　第 ")
        _field(fp, "PAGE")
        fp.add_run(" 页 共 ")
        _field(fp, "NUMPAGES")
        fp.add_run(" 页")


def _field(paragraph, code: str) -> None:  # type: ignore[no-untyped-def]
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = code
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instr)
    run._r.append(end)


def _shade(cell, fill: str = "D9D9D9") -> None:  # type: ignore[no-untyped-def]
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _title(doc: Document, text: str, size: int = 16) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(text)
    r.bold = True
    r.font.size = Pt(size)


def handbook() -> str:
    """Doc 1: a department handbook, 采购部 and 技术研发部, posts under headings."""
    name = "采购部及技术研发部岗位说明书汇编.docx"
    doc = _new_doc()
    _header_footer(doc, f"{SHORT}　文件编号：HYG-HR-JD-2024-03", f"{COMPANY}")
    for _ in range(6):
        doc.add_paragraph()
    _title(doc, COMPANY, 18)
    _title(doc, "采购部、技术研发部岗位说明书汇编", 22)
    doc.add_paragraph()
    cover = doc.add_table(rows=4, cols=2)
    cover.style = "Table Grid"
    cover.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, (k, v) in enumerate(
        [("文件编号", "HYG-HR-JD-2024-03"), ("版　　本", "V2.1"), ("编制部门", "人力资源部"), ("发布日期", "2024年3月18日")]
    ):
        cover.cell(i, 0).text = k
        cover.cell(i, 1).text = v
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("修订记录").runs[0].bold = True
    rev = doc.add_table(rows=4, cols=4)
    rev.style = "Table Grid"
    for j, h in enumerate(["版本", "修订日期", "修订内容", "修订人"]):
        rev.cell(0, j).text = h
        _shade(rev.cell(0, j))
    rows = [
        ("V1.0", "2022-07-01", "首次发布", "王丽"),
        ("V2.0", "2023-05-10", "增加技术研发部岗位", "王丽"),
        ("V2.1", "2024-03-18", "调整采购专员任职要求", "陈晨"),
    ]
    for i, row in enumerate(rows, start=1):
        for j, v in enumerate(row):
            rev.cell(i, j).text = v
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("第一章　总则", level=1)
    doc.add_paragraph(
        "为明确各岗位的工作职责与任职要求，规范招聘、培训与绩效考核工作，特编制本汇编。"
        "本汇编适用于公司采购部、技术研发部全体员工。"
    )
    chapters = [("第二章　采购部", "采购部"), ("第三章　技术研发部", "技术研发部")]
    n = 0
    for chapter, dept in chapters:
        doc.add_heading(chapter, level=1)
        for post in s.PURCHASING:
            if post["department"] != dept:
                continue
            n += 1
            doc.add_heading(f"{n}. {post['name']}", level=2)
            doc.add_paragraph(f"所属部门：{post['department']}　　直接上级：{post['reports_to']}　　工作地点：北京")
            p = doc.add_paragraph()
            p.add_run("岗位职责：").bold = True
            for i, duty in enumerate(post["duties"], start=1):
                doc.add_paragraph(f"{i}. {duty}")
            p = doc.add_paragraph()
            p.add_run("任职要求：").bold = True
            for i, q in enumerate(post["qualifications"], start=1):
                doc.add_paragraph(f"（{i}）{q}")
    doc.add_heading("第四章　附则", level=1)
    doc.add_paragraph("本汇编由人力资源部负责解释，自发布之日起执行。")
    doc.add_paragraph()
    doc.add_paragraph("编制：陈晨　　　　审核：王丽　　　　批准：刘建国")
    path = OUT / name
    doc.save(path)
    _fix_zip(path)
    return name


def workbook() -> str:
    """Doc 2: a 岗位职责表 workbook, one row per duty, department and post cells merged."""
    name = "运营中心岗位职责表.xlsx"
    wb = Workbook()
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    headers = ["部门", "岗位名称", "直接上级", "序号", "岗位职责", "任职要求", "备注"]
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws.cell(1, 1, f"{COMPANY}运营中心岗位职责表").font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(headers))
    ws.cell(2, 1, "编制部门：人力资源部　　　　更新日期：2024年3月")
    for j, h in enumerate(headers, start=1):
        c = ws.cell(3, j, h)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
        c.border = border
        c.alignment = Alignment(horizontal="center", vertical="center")
    row = 4
    for dept in ["网站运营部", "商品运营部"]:
        dept_start = row
        for post in s.OPERATIONS:
            if post["department"] != dept:
                continue
            start = row
            for i, duty in enumerate(post["duties"], start=1):
                ws.cell(row, 4, i)
                ws.cell(row, 5, duty)
                row += 1
            end = row - 1
            ws.cell(start, 2, post["name"])
            ws.cell(start, 3, post["reports_to"])
            quals = "\n".join(f"{i}、{q}" for i, q in enumerate(post["qualifications"], start=1))
            ws.cell(start, 6, quals)
            ws.cell(start, 7, "工作地点：北京")
            if end > start:
                for col in (2, 3, 6, 7):
                    ws.merge_cells(start_row=start, start_column=col, end_row=end, end_column=col)
        ws.cell(dept_start, 1, dept)
        ws.merge_cells(start_row=dept_start, start_column=1, end_row=row - 1, end_column=1)
    for r in range(4, row):
        for c in range(1, len(headers) + 1):
            ws.cell(r, c).border = border
            ws.cell(r, c).alignment = wrap
    ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=len(headers))
    ws.cell(row + 1, 1, "说明：本表由人力资源部统一维护，各部门如有调整请于每月25日前提交人力资源部。")
    for col, width in zip("ABCDEFG", [12, 14, 14, 6, 60, 50, 14], strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    rev = wb.create_sheet("修订记录")
    for j, h in enumerate(["版本", "日期", "修订内容", "修订人"], start=1):
        rev.cell(1, j, h).font = Font(bold=True)
    rev.append(["V1.0", "2023-01-05", "首次编制", "陈晨"])
    rev.append(["V1.1", "2024-03-12", "增加社区运营岗位", "陈晨"])
    path = OUT / name
    wb.save(path)
    _fix_zip(path)
    return name


def duty_table() -> str:
    """Doc 3: 呼叫中心 posts, each a 序号|职责描述|考核标准|权重 table."""
    name = "呼叫中心岗位职责与考核标准.docx"
    doc = _new_doc()
    _header_footer(doc, f"{COMPANY}　呼叫中心", "内部资料　注意保密")
    _title(doc, "呼叫中心岗位职责与考核标准")
    doc.add_paragraph("文件编号：HYG-CC-002　　版本：V1.3　　生效日期：2024年1月1日").alignment = (
        WD_ALIGN_PARAGRAPH.CENTER
    )
    for k, post in enumerate(s.CALL_CENTRE, start=1):
        doc.add_heading(f"{'一二'[k - 1]}、{post['name']}", level=2)
        doc.add_paragraph(f"所属部门：{post['department']}　　直接上级：{post['reports_to']}　　编制人数：80人")
        t = doc.add_table(rows=1, cols=4)
        t.style = "Table Grid"
        for j, h in enumerate(["序号", "职责描述", "考核标准", "权重"]):
            t.cell(0, j).text = h
            _shade(t.cell(0, j))
        for i, (duty, std, w) in enumerate(zip(post["duties"], post["standards"], post["weights"], strict=True), 1):
            cells = t.add_row().cells
            cells[0].text = str(i)
            cells[1].text = duty
            cells[2].text = std
            cells[3].text = w
        cells = t.add_row().cells
        cells[0].text = "合计"
        cells[3].text = "100%"
        for row in t.rows:
            row.cells[0].width = Cm(1.5)
            row.cells[1].width = Cm(8.5)
            row.cells[2].width = Cm(5)
            row.cells[3].width = Cm(1.5)
        doc.add_paragraph()
        p = doc.add_paragraph()
        p.add_run("任职资格").bold = True
        for i, q in enumerate(post["qualifications"], start=1):
            doc.add_paragraph(f"{i}、{q}")
    doc.add_paragraph()
    doc.add_paragraph("备注：考核标准按月统计，由呼叫中心质检组出具数据，人力资源部汇总。")
    doc.add_paragraph("编制：呼叫中心　　审核：人力资源部　　日期：2023年12月20日")
    path = OUT / name
    doc.save(path)
    _fix_zip(path)
    return name


def _form(doc: Document, post: dict, code: str) -> None:  # type: ignore[type-arg]
    """A four-column label|value 岗位说明书 form, as an HR clerk draws it in Word."""
    t = doc.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    pairs = [
        ("职位名称", post["name"], "岗位编号", code),
        ("所属部门", post["department"], "汇报对象", post["reports_to"]),
        ("学历要求", post["education"], "工作地点", "上海"),
    ]
    for a, b, c, d in pairs:
        cells = t.add_row().cells
        cells[0].text, cells[1].text, cells[2].text, cells[3].text = a, b, c, d
        _shade(cells[0])
        _shade(cells[2])

    def block(label: str, lines: list[str], numbered: bool) -> None:
        cells = t.add_row().cells
        cells[0].text = label
        _shade(cells[0])
        merged = cells[1].merge(cells[3])
        merged.text = ""
        first = True
        for i, line in enumerate(lines, start=1):
            text = f"{i}. {line}" if numbered else line
            if first:
                merged.paragraphs[0].text = text
                first = False
            else:
                merged.add_paragraph(text)

    block("工作概述", [post["summary"]], False)
    block("工作职责", post["duties"], True)
    block("任职要求", post["qualifications"], True)
    block("考核指标", ["商品信息准确率", "上线及时率", "数据报告按时提交率"] if "商品" in post["name"] else
          ["咨询响应时长", "订单处理准确率", "顾客满意度"], False)
    cells = t.add_row().cells
    cells[0].text = "编制人：陈晨"
    cells[1].text = "审核人：周敏"
    cells[2].text = "批准人："
    cells[3].text = "日期：2024-03-01"


def ua_form() -> str:
    """Doc 4: a Word 岗位说明书 in a label|value table (电商商品管理专员)."""
    name = "电商商品管理专员岗位说明书.docx"
    doc = _new_doc()
    _header_footer(doc, f"{COMPANY}　人力资源部", "受控文件", page_field=False)
    _title(doc, COMPANY, 14)
    _title(doc, "岗位说明书")
    doc.add_paragraph("编号：HYG-EC-JD-07　　修订日期：2024年3月1日").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _form(doc, s.UA_GOODS, "EC-07")
    doc.add_paragraph()
    doc.add_paragraph("任职者签字：＿＿＿＿＿＿　　　　日期：＿＿＿＿＿＿")
    path = OUT / name
    doc.save(path)
    _fix_zip(path)
    return name


def ua_pdf() -> str:
    """Doc 5: the 电商客服 form as a PDF exported from Word by LibreOffice."""
    name = "电商客服岗位说明书.pdf"
    doc = _new_doc()
    doc.sections[0].orientation = WD_ORIENT.PORTRAIT
    _header_footer(doc, f"{COMPANY}　人力资源部", "受控文件")
    _title(doc, COMPANY, 14)
    _title(doc, "电商客服岗位说明书")
    doc.add_paragraph("编号：HYG-EC-JD-09　　修订日期：2024年3月1日").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _form(doc, s.UA_CS, "EC-09")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice (LibreOffice) is needed to build the PDF")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "电商客服岗位说明书.docx"
        doc.save(src)
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)],
            check=True,
            capture_output=True,
        )
        shutil.copyfile(Path(tmp) / "电商客服岗位说明书.pdf", OUT / name)
    return name


def ua_markdown() -> str:
    """Doc 6: the 电商粤语客服 ad saved from the web as Markdown."""
    name = "电商粤语客服招聘信息.md"
    p = s.UA_CS_YUE
    lines = [
        f"# {p['name']}",
        "",
        "> 转自官网“加入我们”页面，2024-02-26 整理",
        "",
        "**工作地点**：上海　　**学历要求**：" + p["education"],
        "",
        "## 工作概述",
        "",
        p["summary"],
        "",
        "## 主要职责",
        "",
        *[f"- {d}" for d in p["duties"]],
        "",
        "## 职位要求",
        "",
        *[f"- {q}" for q in p["qualifications"]],
        "",
        "---",
        "",
        "简历请发送至人力资源部邮箱，邮件标题注明“应聘岗位+姓名”。",
        "",
    ]
    (OUT / name).write_text("\n".join(lines), encoding="utf-8")
    return name


def nitori_txt() -> str:
    """Doc 7: a Taiwanese job ad pasted into Notepad (UTF-8 with BOM, CRLF)."""
    name = "倉庫倉儲人員招募資訊.txt"
    p = s.NITORI_POST
    lines = [
        s.NITORI_TITLE,
        "",
        s.NITORI_LEAD,
        "",
        "※工作內容:",
        *[f"{i}.{d}" for i, d in enumerate(p["duties"], start=1)],
        "",
        "※招募對象:",
        *[f"{i}.{q}" for i, q in enumerate(p["qualifications"], start=1)],
        "",
        "※工作時段：",
        *[f"{i}.{h}" for i, h in enumerate(s.NITORI_HOURS, start=1)],
        "",
        "※薪資待遇:",
        *[f"{i}.{h}" for i, h in enumerate(s.NITORI_PAY, start=1)],
        "",
        "（摘自招募網站，供物流中心招聘參考）",
        "",
    ]
    (OUT / name).write_bytes("\ufeff".encode() + "\r\n".join(lines).encode("utf-8"))
    return name


def _gold_post(post: dict) -> dict:  # type: ignore[type-arg]
    return {
        "name": post["name"],
        "department": post["department"],
        "reports_to": post["reports_to"],
        "duties": list(post["duties"]),
        "qualifications": list(post["qualifications"]),
    }


def main() -> None:
    docs = [
        (handbook(), "q1", "word-handbook", s.PURCHASING),
        (workbook(), "q1", "xlsx-merged", s.OPERATIONS),
        (duty_table(), "q1", "word-duty-table", s.CALL_CENTRE),
        (ua_form(), "q2", "word-table", [s.UA_GOODS]),
        (ua_pdf(), "q2", "pdf-from-word", [s.UA_CS]),
        (ua_markdown(), "q2", "markdown-web-copy", [s.UA_CS_YUE]),
        (nitori_txt(), "q3", "txt-web-copy", [s.NITORI_POST]),
    ]
    gold = {
        "sources": [
            {"id": "q1", "url": s.EYPG, "note": "repository bbhpgh/eypg, jobs.jsp: 一元云购's 招聘 page (a 3C online shop), posts under 网站运营部, 技术研发部, 商品运营部, 采购部, 呼叫中心"},  # noqa: E501 (verbatim source text)
            {"id": "q2", "url": s.UA, "note": "repository QingshanLuoyue/SportMall, join-us.php: Under Armour 官方购物网站's 加入我们 (电商商品管理专员, 电商粤语客服, 电商客服)"},  # noqa: E501 (verbatim source text)
            {"id": "q3", "url": s.NITORI, "note": "repository TWBug/GoldCardHenge: a Cake Resume ad kept as Markdown, 宜得利NITORI桃園物流部倉庫倉儲人員 (工作內容 1-4, 招募對象 1-4)"},  # noqa: E501 (verbatim source text)
        ],
        "documents": [
            {"file": f, "source": src, "layout": lay, "posts": [_gold_post(p) for p in posts]}
            for f, src, lay, posts in docs
        ],
    }
    header = (
        "# Gold for tests/data/jobdocs/heldout35: what a perfect importer returns for each document.\n"
        "# Written by make/build.py from make/sources.py; do not edit by hand.\n"
        "# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and\n"
        "# reports_to as written in the document, or null where it gives none.\n"
    )
    body = yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=1000)
    (OUT / "gold.yaml").write_text(header + body, encoding="utf-8")


if __name__ == "__main__":
    main()
