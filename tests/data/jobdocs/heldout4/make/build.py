"""Write the heldout4 documents and their gold from make/sources.py.

The set was made without reading the importer, so the documents follow what a client's HR department
hands over, not what the importer is known to read. Every byte is reproducible: Office files get fixed
core properties and zip entry times, the PDF is converted by LibreOffice from a Word file built here and
its dates and ids are overwritten in place with constants of the same length.

    python tests/data/jobdocs/heldout4/make/build.py          # everything except the PDF
    python tests/data/jobdocs/heldout4/make/build.py --pdf    # also the PDF (needs soffice)
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
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sources import F1, F2, F3, F4, F5, F6, F7, F8, SOURCES

HERE = Path(__file__).resolve().parent.parent
FIXED = datetime(2025, 3, 1, 9, 0, 0)
FIXED_W3C = "2025-03-01T09:00:00Z"
ZIP_TIME = (2025, 3, 1, 9, 0, 0)


# ----------------------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldPost:
    name: str
    department: str | None
    reports_to: str | None
    duties: tuple[str, ...]
    qualifications: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "department": self.department,
            "reports_to": self.reports_to,
            "duties": list(self.duties),
            "qualifications": list(self.qualifications),
        }


@dataclass(frozen=True)
class GoldDocument:
    file: str
    source: str
    layout: str
    posts: tuple[GoldPost, ...]


# ------------------------------------------------------------------------------ determinism


def _fixed_core(xml: bytes) -> bytes:
    text = xml.decode("utf-8")
    for tag in ("dcterms:created", "dcterms:modified"):
        text = re.sub(rf"(<{tag}[^>]*>)[^<]*(</{tag}>)", rf"\g<1>{FIXED_W3C}\g<2>", text)
    text = re.sub(r"<cp:lastPrinted>[^<]*</cp:lastPrinted>", "", text)
    return text.encode("utf-8")


def normalise_zip(path: Path) -> None:
    """Rewrite an OOXML package with fixed entry times and core dates (writers stamp the clock)."""
    with zipfile.ZipFile(path) as package:
        entries = [(info.filename, package.read(info.filename)) for info in package.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = _fixed_core(data)
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            out.writestr(info, data, compresslevel=6)
    path.write_bytes(buffer.getvalue())


# ------------------------------------------------------------------------------ Word helpers


def new_document(author: str, title: str) -> Document:
    document = Document()
    props = document.core_properties
    props.author = author
    props.last_modified_by = author
    props.title = title
    props.subject = ""
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.revision = 3
    props.created = FIXED
    props.modified = FIXED
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(25)
    normal = document.styles["Normal"]
    normal.font.name = "SimSun"
    normal.font.size = Pt(10.5)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "宋体")
    return document


def _page_field(paragraph, prefix: str, suffix: str) -> None:  # type: ignore[no-untyped-def]
    paragraph.add_run(prefix)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    paragraph.add_run(suffix)


def header_footer(document: Document, header: str, footer_prefix: str = "第 ", footer_suffix: str = " 页") -> None:
    section = document.sections[0]
    head = section.header.paragraphs[0]
    head.text = header
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(foot, footer_prefix, footer_suffix)


def centred(document: Document, text: str, size: float, bold: bool = True) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def bold_line(document: Document, text: str) -> None:
    document.add_paragraph().add_run(text).bold = True


def page_break(document: Document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def fill_cell(cell, lines: list[str], bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Put each line in its own paragraph of the cell, as Word does when Enter is pressed."""
    cell.paragraphs[0].text = ""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = bold


def grid(document: Document, rows: int, cols: int):  # type: ignore[no-untyped-def]
    table = document.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    return table


def save_docx(document: Document, path: Path) -> None:
    document.save(str(path))
    normalise_zip(path)


# ------------------------------------------------------------------------------ documents

CHINESE_NUMBERS = "一二三四五六七八九十"


def d1_mall_sheet(out: Path) -> GoldDocument:
    """f1: one post per row, the duties typed into one cell with Alt+Enter, numbered 1、."""
    department = "商城运营部"
    superiors = {"运营经理": "总经理", "客服人员": "运营经理", "配送人员": "运营经理", "商城美工": "运营经理"}
    headcount = {"运营经理": 1, "客服人员": 3, "配送人员": 2, "商城美工": 1}
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "岗位职责表"
    sheet.append(["华联商城各岗位职责一览表"])
    sheet.merge_cells("A1:G1")
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(["编制:人力资源部    更新日期:2024年3月"])
    sheet.merge_cells("A2:G2")
    sheet.append(["序号", "部门", "岗位名称", "直接上级", "编制(人)", "岗位职责", "任职要求"])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    posts = []
    for index, post in enumerate(F1.posts, start=1):
        cell_text = "\n".join(f"{n}、{duty}" for n, duty in enumerate(post.duties, start=1))
        sheet.append([index, department, post.title, superiors[post.title], headcount[post.title], cell_text, None])
        sheet.cell(row=sheet.max_row, column=6).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[sheet.max_row].height = 16 * len(post.duties)
        posts.append(GoldPost(post.title, department, superiors[post.title], post.duties))
    sheet.merge_cells(start_row=4, start_column=2, end_row=3 + len(F1.posts), end_column=2)
    sheet["B4"].alignment = Alignment(vertical="center", horizontal="center")
    sheet.append(["注:本表岗位职责如有调整,以人力资源部最新发布版本为准。"])
    sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=7)
    for column, width in zip("ABCDEFG", (6, 12, 12, 12, 9, 70, 24), strict=True):
        sheet.column_dimensions[column].width = width
    org = workbook.create_sheet("组织结构")
    org.append(["组织结构"])
    org.append(list(F1.extra["组织结构"]))
    _workbook_properties(workbook, "华联商城各岗位职责一览表")
    path = out / "华联商城岗位职责一览表.xlsx"
    workbook.save(str(path))
    normalise_zip(path)
    return GoldDocument(path.name, F1.id, "xlsx-row-per-post", tuple(posts))


def _workbook_properties(workbook: Workbook, title: str) -> None:
    props = workbook.properties
    props.creator = "人力资源部"
    props.lastModifiedBy = "人力资源部"
    props.title = title
    props.created = FIXED
    props.modified = FIXED


def d2_shop_forms(out: Path) -> GoldDocument:
    """f2: three one-page forms in one file, a page break between them; labels 职务, 隶属部门, 汇报对象."""
    department = "网店运营部"
    superiors: dict[str, str | None] = {"店主": None, "客服": "店主", "美工": "店主"}
    headcount = {"店主": "1人", "客服": "2人", "美工": "1人"}
    document = new_document("人力资源部", "网店岗位说明书")
    header_footer(document, "悦享家居旗舰店 · 岗位说明书")
    posts = []
    for index, post in enumerate(F2.posts):
        if index:
            page_break(document)
        centred(document, "岗位说明书", 16)
        table = grid(document, 7, 4)
        cells = table.rows
        for column, text in enumerate(("职务", post.title, "编制", headcount[post.title])):
            cells[0].cells[column].text = text
        for column, text in enumerate(("隶属部门", department, "汇报对象", superiors[post.title] or "")):
            cells[1].cells[column].text = text
        heading = cells[2].cells[0].merge(cells[2].cells[3])
        fill_cell(heading, ["岗位职责"], bold=True)
        body = cells[3].cells[0].merge(cells[3].cells[3])
        fill_cell(body, [f"({n}){duty}" for n, duty in enumerate(post.duties, start=1)])
        cells[4].cells[0].text = "任职资格"
        cells[4].cells[1].merge(cells[4].cells[3])
        cells[5].cells[0].text = "工作关系"
        relation = cells[5].cells[1].merge(cells[5].cells[3])
        fill_cell(relation, ["内部:仓储、财务、客服", "外部:平台小二、快递公司"])
        for column, text in enumerate(("员工签字", "", "日期", "    年  月  日")):
            cells[6].cells[column].text = text
        posts.append(GoldPost(post.title, department, superiors[post.title], post.duties))
    path = out / "网店岗位说明书.docx"
    save_docx(document, path)
    return GoldDocument(path.name, F2.id, "word-forms-page-breaks", tuple(posts))


PURCHASING_STANDARDS = (
    ("部门各项工作有序开展,年度采购目标达成", 15),
    ("团队分工明确,工作方向与公司目标一致", 10),
    ("采购计划按月编制,执行偏差不超过5%", 10),
    ("制度完整并按年度修订", 8),
    ("采购原则书面发布,执行无重大偏差", 8),
    ("预测准确,无断货、无积压", 8),
    ("每季度至少组织一次培训", 8),
    ("全年无违规采购事件", 6),
    ("批量合理,库存周转达标", 7),
    ("物流异常及时处理,无不合理采购", 8),
    ("单据规范,配合审计无差错", 7),
    ("按时完成,上级满意", 5),
)


def d3_purchasing(out: Path) -> GoldDocument:
    """f3: a cover, a revision table, a basic-information form, 工作内容 | 工作标准 | 权重 rows, a KPI table."""
    post = F3.posts[0]
    assert len(PURCHASING_STANDARDS) == len(post.duties)
    assert sum(weight for _, weight in PURCHASING_STANDARDS) == 100
    company = "美居家居建材超市有限公司"
    document = new_document("人力资源部", "采购经理岗位说明书")
    header_footer(document, f"{company}    岗位说明书    HR-JD-CG-001")
    for _ in range(4):
        document.add_paragraph()
    centred(document, company, 18)
    centred(document, "岗 位 说 明 书", 26)
    for line in ("岗位:采购经理", "文件编号:HR-JD-CG-001", "版本:V2.1", "生效日期:2024年3月1日"):
        centred(document, line, 12, bold=False)
    page_break(document)

    bold_line(document, "修订记录")
    revisions = grid(document, 3, 4)
    for row, values in zip(
        revisions.rows,
        (
            ("版本", "修订日期", "修订内容", "修订人"),
            ("V1.0", "2022-05-10", "首次发布", "人力资源部"),
            ("V2.1", "2024-02-20", "调整工作内容权重", "人力资源部"),
        ),
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph()

    bold_line(document, "一、基本信息")
    basic = grid(document, 4, 4)
    for row, values in zip(
        basic.rows[:3],
        (
            ("职位名称", "采购经理", "职位编号", "CG-01"),
            ("所在部门", "采购部", "直接上级", "总经理"),
            ("直接下级", "采购主管、采购员", "编制人数", "1"),
        ),
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    basic.rows[3].cells[0].text = "职位概要"
    summary = basic.rows[3].cells[1].merge(basic.rows[3].cells[3])
    summary.text = "全面负责公司商品及物资采购工作,保障门店经营所需商品的及时供应。"
    document.add_paragraph()

    bold_line(document, "二、工作内容")
    work = grid(document, len(post.duties) + 2, 4)
    for cell, value in zip(work.rows[0].cells, ("序号", "工作内容", "工作标准", "权重"), strict=True):
        fill_cell(cell, [value], bold=True)
    for number, (duty, (standard, weight)) in enumerate(zip(post.duties, PURCHASING_STANDARDS, strict=True), start=1):
        row = work.rows[number]
        for cell, value in zip(row.cells, (str(number), duty, standard, f"{weight}%"), strict=True):
            cell.text = value
    last = work.rows[-1]
    total = last.cells[0].merge(last.cells[2])
    total.text = "合计"
    last.cells[3].text = "100%"
    document.add_paragraph()

    bold_line(document, "三、任职资格")
    for number, qualification in enumerate(post.qualifications, start=1):
        document.add_paragraph(f"（{number}）{qualification}")
    document.add_paragraph()

    bold_line(document, "四、关键绩效指标(KPI)")
    kpi_rows = (
        ("序号", "考核指标", "计算方式", "目标值", "权重"),
        ("1", "采购计划完成率", "实际完成采购项数/计划采购项数×100%", "≥98%", "30%"),
        ("2", "采购成本降低率", "(上年同期单价-本期单价)/上年同期单价×100%", "≥3%", "30%"),
        ("3", "到货及时率", "按期到货批次/到货总批次×100%", "≥95%", "25%"),
        ("4", "供应商评估合格率", "评估合格供应商数/供应商总数×100%", "≥90%", "15%"),
    )
    kpi = grid(document, len(kpi_rows), 5)
    for row, values in zip(kpi.rows, kpi_rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph()

    bold_line(document, "五、签字确认")
    sign = grid(document, 2, 6)
    for cell, value in zip(sign.rows[0].cells, ("编制人", "", "审核人", "", "批准人", ""), strict=True):
        cell.text = value
    for cell, value in zip(sign.rows[1].cells, ("日期", "", "日期", "", "日期", ""), strict=True):
        cell.text = value

    path = out / "采购经理岗位说明书.docx"
    save_docx(document, path)
    gold = GoldPost(post.title, "采购部", "总经理", post.duties, post.qualifications)
    return GoldDocument(path.name, F3.id, "word-duty-table", (gold,))


def _loss_prevention_docx(path: Path) -> GoldPost:
    """f4's Word file (only its PDF is shipped): a cover, then headings and (一) paragraphs, no tables."""
    post = F4.posts[0]
    document = new_document("营运部", "防损主任〈课长〉工作规范")
    header_footer(document, "恒安连锁超市  门店营运作业规范", "- ", " -")
    for _ in range(6):
        document.add_paragraph()
    centred(document, "恒安连锁超市", 20)
    centred(document, "门店营运作业规范", 26)
    centred(document, "(防损篇)", 16, bold=False)
    centred(document, "OP-LP-03", 12, bold=False)
    page_break(document)

    centred(document, "防损主任〈课长〉工作规范", 16)
    document.add_paragraph("文件编号:OP-LP-03-02\u3000\u3000版本:A/2\u3000\u3000生效日期:2023年10月1日")
    document.add_paragraph("岗位名称:防损主任\u3000\u3000所属部门:防损课")
    for line in F4.extra["preamble"]:
        document.add_paragraph(line)
    sizes = [int(size) for size in F4.extra["group_sizes"]]
    duties = iter(post.duties)
    for group, size in zip(F4.extra["groups"], sizes, strict=True):
        document.add_heading(group, level=2)
        for number in range(size):
            document.add_paragraph(f"({CHINESE_NUMBERS[number]}){next(duties)}")
    assert next(duties, None) is None
    document.add_paragraph()
    document.add_paragraph("附:防损课岗位工作联系单(附表二)另行下发。")
    document.add_paragraph("编制:防损课\u3000\u3000审核:营运部\u3000\u3000批准:总经理")
    save_docx(document, path)
    return GoldPost("防损主任", "防损课", None, post.duties)


PDF_DATE = re.compile(rb"D:\d{14}")
PDF_ID = re.compile(rb"/ID \[ <([0-9A-F]{32})>\s*<([0-9A-F]{32})> \]")
PDF_CHECKSUM = re.compile(rb"/DocChecksum /([0-9A-F]{32})")


def fix_pdf(data: bytes) -> bytes:
    """Overwrite LibreOffice's dates, document id and checksum with same-length constants."""
    data = PDF_DATE.sub(b"D:20250301090000", data)
    data = PDF_ID.sub(lambda match: match.group(0).replace(match.group(1), b"0" * 32).replace(match.group(2), b"0" * 32), data)
    data = PDF_CHECKSUM.sub(lambda match: b"/DocChecksum /" + b"0" * 32, data)
    return data


def d4_loss_prevention_pdf(out: Path, make_pdf: bool) -> GoldDocument:
    """f4: the Word file above through `soffice --headless --convert-to pdf`."""
    target = out / "防损主任工作规范.pdf"
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        source = work / "防损主任工作规范.docx"
        gold = _loss_prevention_docx(source)
        if make_pdf:
            soffice = shutil.which("soffice")
            if soffice is None:
                raise SystemExit("--pdf needs LibreOffice (soffice): apt-get install libreoffice-writer-nogui")
            profile = (work / "profile").as_uri()
            subprocess.run(
                [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(source)],
                check=True,
                capture_output=True,
            )
            target.write_bytes(fix_pdf((work / "防损主任工作规范.pdf").read_bytes()))
    return GoldDocument(target.name, F4.id, "pdf-from-word", (gold,))


def d5_warehouse_txt(out: Path) -> GoldDocument:
    """f5: a text file saved by Notepad on a Chinese Windows: GBK (ANSI), CRLF, the page's own numbering."""
    post = F5.posts[0]
    lines = ["仓库管理员岗位职责及仓管作业规定", "岗位名称：仓库管理员", "适用范围：公司总仓及各门店仓库", "", "一、仓库管理员岗位职责"]
    lines += [f"{number}{duty}" for number, duty in zip(F5.extra["numbering"], post.duties, strict=True)]
    for section in ("二、商品验收入库", "三、销售出库及送货"):
        lines.append(section)
        lines += [f"{number}、{rule}" for number, rule in enumerate(F5.extra[section], start=1)]
    lines += ["", "（以上规定自2024年1月1日起执行）", ""]
    path = out / "仓库管理员岗位职责.txt"
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    return GoldDocument(path.name, F5.id, "txt-gbk", (GoldPost(post.title, None, None, post.duties),))


def d6_member_centre(out: Path) -> GoldDocument:
    """f6: labels in tab-separated paragraphs, headings, duties in Word's own list numbering."""
    post = F6.posts[0]
    document = new_document("会员中心", "会员中心主管岗位说明书")
    header_footer(document, "", "会员中心 · 内部资料    第 ", " 页")
    document.add_heading("会员中心主管岗位说明书", level=0)
    document.add_paragraph(f"岗位名称：{post.title}\t所属部门：会员中心")
    document.add_paragraph("直接上级：\t直接下级：办公室职员")
    document.add_heading("一、部门职能", level=1)
    document.add_paragraph(F6.extra["会员中心职能"][0])
    document.add_heading("二、部门组织架构", level=1)
    document.add_paragraph("部门组织架构组成:" + F6.extra["部门组织架构组成"][0])
    document.add_heading("三、岗位职责", level=1)
    for duty in post.duties:
        document.add_paragraph(duty, style="List Number")
    document.add_heading("四、任职资格", level=1)
    document.add_paragraph("详见《会员中心人员任职资格标准》(HR-QS-07)。")
    path = out / "会员中心主管岗位说明书.docx"
    save_docx(document, path)
    return GoldDocument(path.name, F6.id, "word-list-numbering", (GoldPost(post.title, "会员中心", None, post.duties),))


def d7_area_manager(out: Path) -> GoldDocument:
    """f7: a one-sheet form; the duties run on in one merged cell, parted only by the page's ';'."""
    post = F7.posts[0]
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "岗位说明书"
    sheet.append(["地区经理岗位说明书"])
    sheet.merge_cells("A1:D1")
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(["岗位名称", "地区经理", "岗位编号", "YY-DQ-02"])
    sheet.append(["所属部门", None, "直接上级", "大区经理"])
    sheet.append(["直接下级", "店长、终端店员、办事处人员", "工作地点", "驻外(所辖地区)"])
    for label, text in (
        ("岗位职责", "".join(post.duties)),
        ("任职要求", post.qualifications[0]),
        ("考核指标", "销售目标达成率、资金回笼率、货品损耗率、新店开拓数"),
        ("备注", "本说明书由营运部负责解释。"),
    ):
        sheet.append([label, text])
        row = sheet.max_row
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
        sheet.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[row].height = 160 if label == "岗位职责" else 18
    for column, width in zip("ABCD", (12, 40, 12, 40), strict=True):
        sheet.column_dimensions[column].width = width
    history = workbook.create_sheet("修订记录")
    history.append(["版本", "日期", "说明"])
    history.append(["A/0", "2023-06-01", "新建"])
    history.append(["A/1", "2024-01-15", "增加考核指标"])
    _workbook_properties(workbook, "地区经理岗位说明书")
    path = out / "地区经理岗位说明书.xlsx"
    workbook.save(str(path))
    normalise_zip(path)
    gold = GoldPost("地区经理", None, "大区经理", post.duties, post.qualifications)
    return GoldDocument(path.name, F7.id, "xlsx-form", (gold,))


def d8_ecommerce_md(out: Path) -> GoldDocument:
    """f8: a wiki page exported to Markdown: front matter, a 部门 line, the page's pipe table of posts."""
    department = "电商运营部"
    lines = [
        "---",
        "title: 电商运营部岗位职责",
        "space: 人力资源/岗位体系",
        "updated: 2025-07-10",
        "---",
        "",
        "# 【电商运营部岗位职责】",
        "",
        f"**部门**:{department}　**维护人**:人力资源部",
        "",
        "> 本页由知识库导出,如与 OA 发布版本不一致,以 OA 为准。",
        "",
        "## 一、岗位职责概述",
        "",
        F8.extra["一、岗位职责概述"][0],
        "",
        "## 二、岗位职责汇总表",
        "",
        "| 岗位名称 | 主要职责说明 |",
        "| --- | --- |",
    ]
    lines += [f"| {post.title} | {post.duties[0]} |" for post in F8.posts]
    lines += ["", "## 三、总结", "", F8.extra["三、总结"][0], ""]
    path = out / "电商运营部岗位职责.md"
    path.write_text("\n".join(lines), encoding="utf-8", newline="\n")
    posts = tuple(GoldPost(post.title, department, None, post.duties) for post in F8.posts)
    return GoldDocument(path.name, F8.id, "markdown-table", posts)


# ----------------------------------------------------------------------------------- gold file

GOLD_HEADER = """\
# Gold for tests/data/jobdocs/heldout4: what a perfect importer returns for each document.
# Written by make/build.py from make/sources.py; do not edit by hand. Made without reading the importer.
# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and
# reports_to as written in the document, or null where it gives none.
"""


def write_gold(documents: list[GoldDocument]) -> None:
    body = {
        "sources": [{"id": source.id, "url": source.url, "note": source.note} for source in SOURCES],
        "documents": [
            {
                "file": document.file,
                "source": document.source,
                "layout": document.layout,
                "posts": [post.as_dict() for post in document.posts],
            }
            for document in documents
        ],
    }
    text = yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=1000)
    (HERE / "gold.yaml").write_text(GOLD_HEADER + text, encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pdf", action="store_true", help="also convert the PDF with LibreOffice")
    args = parser.parse_args(argv)
    documents = [
        d1_mall_sheet(HERE),
        d2_shop_forms(HERE),
        d3_purchasing(HERE),
        d4_loss_prevention_pdf(HERE, args.pdf),
        d5_warehouse_txt(HERE),
        d6_member_centre(HERE),
        d7_area_manager(HERE),
        d8_ecommerce_md(HERE),
    ]
    write_gold(documents)
    posts = sum(len(document.posts) for document in documents)
    duties = sum(len(post.duties) for document in documents for post in document.posts)
    print(f"{len(documents)} documents, {posts} posts, {duties} duties")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
