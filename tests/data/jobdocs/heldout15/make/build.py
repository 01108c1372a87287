"""Build heldout15's documents and gold.yaml from make/sources.py, then check the gold against the files.

Usage: python tests/data/jobdocs/heldout15/make/build.py [--pdf]
Without --pdf the committed PDF is kept and only checked. Everything written here that is not a page's sentence
(company, departments, superiors, codes, KPI rows, notes, covers) is ours and listed in ../README.md.
"""

from __future__ import annotations

import datetime as dt
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
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, str(Path(__file__).parent))
import sources as S

HERE = Path(__file__).resolve().parent.parent
STAMP = dt.datetime(2025, 6, 1, 9, 0, 0)
ZIP_TIME = (2025, 6, 1, 9, 0, 0)
FONT = "宋体"


# ---------------------------------------------------------------- Word helpers
def new_doc() -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.4)
    for name in ("Normal", "Heading 1", "Heading 2", "Title"):
        st = doc.styles[name]
        st.font.name = FONT
        rpr = st.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for k in ("w:ascii", "w:hAnsi", "w:eastAsia"):
            fonts.set(qn(k), FONT)
        for k in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme"):
            if fonts.get(qn(k)) is not None:
                del fonts.attrib[qn(k)]
    doc.styles["Normal"].font.size = Pt(10.5)
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.created = STAMP
    cp.modified = STAMP
    cp.revision = 1
    return doc


def field(run, instr: str) -> None:
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


def header_footer(doc: Document, head: str, foot: str) -> None:
    """foot: 'dash' for '- n -', 'pages' for '第 n 页 共 m 页'."""
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = head
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if foot == "dash":
        fp.add_run("- ")
        field(fp.add_run(), "PAGE")
        fp.add_run(" -")
    else:
        fp.add_run("第 ")
        field(fp.add_run(), "PAGE")
        fp.add_run(" 页 共 ")
        field(fp.add_run(), "NUMPAGES")
        fp.add_run(" 页")


def para(doc_or_cell, text: str = "", bold: bool = False, size: float | None = None,
         center: bool = False, indent: float | None = None):
    p = doc_or_cell.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent is not None:
        p.paragraph_format.first_line_indent = Cm(indent)
    return p


def shade(cell, fill: str = "D9D9D9") -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def set_cell(cell, text: str, bold: bool = False, fill: str | None = None, center: bool = False) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    r = p.add_run(text)
    r.bold = bold
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if fill:
        shade(cell, fill)


def repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def widths(table, cms: list[float]) -> None:
    for row in table.rows:
        for i, w in enumerate(cms):
            row.cells[i].width = Cm(w)


def page_break(doc: Document) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def save_zip(obj, path: Path) -> None:
    """Save, then rewrite the zip with one fixed time on every entry so the bytes do not depend on the clock."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    obj.save(tmp)
    with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2025-06-01T09:00:00Z", data)
            ni = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            ni.compress_type = zipfile.ZIP_DEFLATED
            ni.external_attr = 0o600 << 16
            zout.writestr(ni, data)
    tmp.unlink()


# ---------------------------------------------------------------- documents
def doc_w1(path: Path) -> dict:
    """Word label|value form with synonyms (职位名称/汇报对象/工作职责/任职要求); three titled lists in one cell."""
    doc = new_doc()
    header_footer(doc, f"{S.SHORT} · 岗位说明书", "dash")
    para(doc, S.COMPANY, bold=True, size=14, center=True)
    para(doc, "岗位说明书", bold=True, size=18, center=True)
    para(doc, "编号:JH-HR-JD-003　　版本:A/1　　修订日期:2025年5月20日", size=9, center=True)
    t = doc.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    pairs = [("职位名称", "店长", "职位编号", "JH-YY-01"),
             ("所属部门", "营运部", "汇报对象", "区域营运经理"),
             ("直接下级", "值班经理、各部门主管", "职位定员", "每店1人"),
             ("工作地点", "各门店", "职级", "M3")]
    for a, b, c, d in pairs:
        cells = t.add_row().cells
        set_cell(cells[0], a, bold=True, fill="D9D9D9", center=True)
        set_cell(cells[1], b)
        set_cell(cells[2], c, bold=True, fill="D9D9D9", center=True)
        set_cell(cells[3], d)

    def wide(label: str):
        cells = t.add_row().cells
        set_cell(cells[0], label, bold=True, fill="D9D9D9", center=True)
        m = cells[1].merge(cells[2]).merge(cells[3])
        m.text = ""
        return m

    m = wide("职位概要")
    m.paragraphs[0].add_run("在区域营运经理领导下,全面负责本门店的经营管理工作,完成公司下达的各项营运指标。")
    m = wide("工作职责")
    first = True
    for title, items in (("一、岗位职责", S.W1_GANGWEI), ("二、主要工作", S.W1_ZHUYAO), ("三、辅助工作", S.W1_FUZHU)):
        p = m.paragraphs[0] if first else m.add_paragraph()
        first = False
        p.add_run(title).bold = True
        for i, s in enumerate(items, 1):
            m.add_paragraph(f"{i}. {s}")
    m = wide("任职要求")
    m.paragraphs[0].add_run("见《门店管理人员任职资格标准》(JH-HR-ZG-001)。")
    m = wide("考核指标")
    m.paragraphs[0].add_run("销售额达成率40%,毛利额达成率20%,损耗率15%,人事费用率15%,顾客满意度10%。")
    cells = t.add_row().cells
    for i, s in enumerate(("编制人", "人力资源部 王丽", "批准人", "总经理 陈建国")):
        set_cell(cells[i], s, bold=i % 2 == 0, fill="D9D9D9" if i % 2 == 0 else None, center=i % 2 == 0)
    widths(t, [2.6, 5.4, 2.6, 5.4])
    para(doc)
    para(doc, "任职者签字:____________　　　　日期:______年____月____日")
    save_zip(doc, path)
    duties = S.W1_GANGWEI + S.W1_ZHUYAO + S.W1_FUZHU
    return {"file": path.name, "source": "w1", "layout": "word-table",
            "posts": [post("店长", "营运部", "区域营运经理", duties, [])]}


def doc_w2(path: Path) -> dict:
    """Word 序号|职责描述|考核标准|权重 table with a 合计 row."""
    doc = new_doc()
    header_footer(doc, f"{S.COMPANY}　电商部", "dash")
    para(doc, "电商客服岗位职责及考核标准", bold=True, size=16, center=True)
    para(doc, "所属部门:电商部　　直接上级:客服主管　　岗位编号:JH-DS-05　　定员:6人", size=10, center=True)
    para(doc, "一、岗位职责与考核标准", bold=True)
    std = ["客户档案完整率≥95%", "每日咨询记录及时上传", "新人带教计划按月完成", "每月回访不少于100人次",
           "老客户复购率≥20%", "售后工单48小时内结案", "两表每日18:00前提交", "产品知识考试≥85分",
           "询单转化率≥45%", "无重大服务差错", "次月5日前提交计划"]
    wts = ["10%", "10%", "10%", "10%", "5%", "10%", "10%", "10%", "10%", "5%", "10%"]
    t = doc.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for i, h in enumerate(("序号", "职责描述", "考核标准", "权重")):
        set_cell(t.rows[0].cells[i], h, bold=True, fill="BDD7EE", center=True)
    repeat_header(t.rows[0])
    for i, (d, s, w) in enumerate(zip(S.W2, std, wts, strict=True), 1):
        cells = t.add_row().cells
        set_cell(cells[0], str(i), center=True)
        set_cell(cells[1], d)
        set_cell(cells[2], s)
        set_cell(cells[3], w, center=True)
    cells = t.add_row().cells
    m = cells[0].merge(cells[1]).merge(cells[2])
    set_cell(m, "合计", bold=True, center=True)
    set_cell(cells[3], "100%", bold=True, center=True)
    widths(t, [1.3, 8.6, 4.6, 1.5])
    para(doc)
    para(doc, "二、说明", bold=True)
    for i, s in enumerate(("本表自2025年6月1日起执行,原《网店客服工作职责》同时废止。",
                           "考核每月一次,由客服主管评分,电商部经理审核后报人力资源部。",
                           "售前、售后客服的排班见《电商部客服排班表》。"), 1):
        para(doc, f"{i}. {s}")
    para(doc)
    para(doc, "编制:人力资源部　　　审核:电商部经理　　　批准:运营副总")
    save_zip(doc, path)
    return {"file": path.name, "source": "w2", "layout": "word-duty-table",
            "posts": [post("电商客服", "电商部", "客服主管", S.W2, [])]}


def doc_w3(path: Path, make_pdf: bool) -> dict:
    """A Word form exported to PDF by LibreOffice (text layer)."""
    if make_pdf:
        doc = new_doc()
        header_footer(doc, f"{S.COMPANY}　　文件编号:JH-HR-JD-012", "pages")
        para(doc, "超市客服收银主管岗位说明书", bold=True, size=16, center=True)
        para(doc, "编制部门:人力资源部　　生效日期:2025年6月1日　　版本:A/0", size=9, center=True)
        para(doc, "一、基本信息", bold=True)
        t = doc.add_table(rows=0, cols=4)
        t.style = "Table Grid"
        for row in (("岗位名称", "超市客服收银主管", "岗位编号", "JH-QT-02"),
                    ("所属部门", "前台部", "直接上级", "店长"),
                    ("直接下级", "客服员、收银员", "岗位定员", "每店1人")):
            cells = t.add_row().cells
            for i, s in enumerate(row):
                set_cell(cells[i], s, bold=i % 2 == 0, fill="D9D9D9" if i % 2 == 0 else None)
        widths(t, [2.6, 5.4, 2.6, 5.4])
        para(doc, "二、岗位概述", bold=True)
        para(doc, S.W3_LEAD, indent=0.74)
        para(doc, "三、核心职责", bold=True)
        for i, s in enumerate(S.W3_CORE, 1):
            para(doc, f"{i}. {s}", indent=0.74)
        para(doc, "四、具体工作内容", bold=True)
        para(doc, "(一)团队管理", bold=True, indent=0.74)
        for i, s in enumerate(S.W3_TEAM, 1):
            para(doc, f"{i}. {s}", indent=0.74)
        para(doc, "五、任职资格", bold=True)
        t = doc.add_table(rows=1, cols=2)
        t.style = "Table Grid"
        set_cell(t.rows[0].cells[0], "项目", bold=True, fill="D9D9D9", center=True)
        set_cell(t.rows[0].cells[1], "要求", bold=True, fill="D9D9D9", center=True)
        for a, b in S.W3_QUAL:
            cells = t.add_row().cells
            set_cell(cells[0], a, center=True)
            set_cell(cells[1], b)
        widths(t, [4.0, 12.0])
        para(doc, "六、考核指标", bold=True)
        t = doc.add_table(rows=1, cols=3)
        t.style = "Table Grid"
        for i, h in enumerate(("指标", "权重", "说明")):
            set_cell(t.rows[0].cells[i], h, bold=True, fill="D9D9D9", center=True)
        for row in (("收银差错率", "30%", "长短款、漏扫金额占营业额比例"),
                    ("客诉一次解决率", "30%", "以服务台登记为准"),
                    ("排班执行率", "20%", "高峰时段开台数达标"),
                    ("培训完成率", "20%", "按月度培训计划")):
            cells = t.add_row().cells
            for i, s in enumerate(row):
                set_cell(cells[i], s, center=i == 1)
        widths(t, [4.0, 2.0, 10.0])
        para(doc)
        para(doc, "编制:人力资源部　　　审核:营运部　　　批准:总经理")
        with tempfile.TemporaryDirectory() as td:
            src = Path(td) / "超市客服收银主管岗位说明书.docx"
            save_zip(doc, src)
            to_pdf(src, path)
    return {"file": path.name, "source": "w3", "layout": "pdf-from-word",
            "posts": [post("超市客服收银主管", "前台部", "店长", S.W3_CORE + S.W3_TEAM,
                           [b for _, b in S.W3_QUAL])]}


def to_pdf(src: Path, dst: Path) -> None:
    prof = Path(tempfile.mkdtemp(prefix="lo-h15-"))
    env = dict(os.environ, TZ="UTC")
    cmd = ["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf",
           "--outdir", str(src.parent), str(src)]
    arch = os.uname().machine
    if shutil.which("setarch"):
        cmd = ["setarch", arch, "-R", *cmd]
    subprocess.run(cmd, check=True, env=env, capture_output=True)
    shutil.rmtree(prof, ignore_errors=True)
    data = src.with_suffix(".pdf").read_bytes()

    def same_len(m: re.Match) -> bytes:
        return re.sub(rb"[0-9A-Fa-f]", b"0", m.group(0))

    data = re.sub(rb"/(CreationDate|ModDate)\s*\(D:[^)]*\)",
                  lambda m: m.group(0)[: m.group(0).index(b"(D:") + 3] + b"20250601090000"
                  + m.group(0)[m.group(0).index(b"(D:") + 17:], data)
    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]", same_len, data)
    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]+", same_len, data)
    dst.write_bytes(data)


def doc_w4(path: Path) -> dict:
    """Word department handbook: cover, 修订记录, Heading 1/2 with typed numbers, 主要职责: inline label."""
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}　网店运营中心岗位职责手册", "pages")
    for _ in range(6):
        para(doc)
    para(doc, S.COMPANY, bold=True, size=16, center=True)
    para(doc)
    para(doc, "网店运营中心岗位职责手册", bold=True, size=22, center=True)
    for _ in range(8):
        para(doc)
    for s in ("文件编号:JH-DS-GL-002", "版　　本:B/0", "编制部门:网店运营中心", "发布日期:2025年6月1日"):
        para(doc, s, size=12, center=True)
    page_break(doc)
    para(doc, "修订记录", bold=True, size=14, center=True)
    t = doc.add_table(rows=1, cols=5)
    t.style = "Table Grid"
    for i, h in enumerate(("版本", "修订日期", "修订内容", "修订人", "批准人")):
        set_cell(t.rows[0].cells[i], h, bold=True, fill="D9D9D9", center=True)
    for row in (("A/0", "2023-03-01", "首次发布", "刘洋", "周涛"),
                ("A/1", "2024-02-15", "增加数据分析员、推广专员", "刘洋", "周涛"),
                ("B/0", "2025-06-01", "网店部更名为网店运营中心,增加售后处理岗", "孙悦", "周涛")):
        cells = t.add_row().cells
        for i, s in enumerate(row):
            set_cell(cells[i], s, center=i != 2)
    page_break(doc)
    doc.add_heading("一、总则", level=1)
    for i, s in enumerate(("为明确网店运营中心各岗位的工作内容,提高团队协作效率,特制定本手册。",
                           "本手册适用于公司天猫、京东、拼多多及微信小程序店铺的全部人员。",
                           "各岗位人员须熟悉本岗位职责,并服从中心负责人的统一调配。"), 1):
        para(doc, f"{i}. {s}")
    doc.add_heading("二、岗位职责", level=1)
    for i, (name, duty) in enumerate(S.W4, 1):
        doc.add_heading(f"2.{i} {name}", level=2)
        boss = "电商总监" if i == 1 else "店长/运营主管"
        para(doc, f"所属部门:网店运营中心　　直接上级:{boss}")
        p = doc.add_paragraph()
        p.add_run("主要职责:").bold = True
        p.add_run(duty)
    doc.add_heading("三、附则", level=1)
    for i, s in enumerate(("本手册由网店运营中心负责解释。",
                           "本手册自发布之日起执行,原《网店部岗位分工》同时废止。"), 1):
        para(doc, f"{i}. {s}")
    para(doc)
    para(doc, "编制:孙悦　　　审核:人力资源部　　　批准:周涛")
    save_zip(doc, path)
    posts = [post(n, "网店运营中心", "电商总监" if i == 0 else "店长/运营主管", [d], [])
             for i, (n, d) in enumerate(S.W4)]
    return {"file": path.name, "source": "w4", "layout": "word-handbook", "posts": posts}


def doc_w5(path: Path) -> dict:
    """Excel 岗位职责表: one row per duty, 部门 merged down all rows, 岗位/直接上级/备注 merged per post."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    mid = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells("A1:G1")
    ws["A1"] = f"{S.COMPANY}门店岗位职责表"
    ws["A1"].font = Font(name=FONT, size=16, bold=True)
    ws["A1"].alignment = mid
    ws.merge_cells("A2:G2")
    ws["A2"] = "编制部门:人力资源部　　更新日期:2025-06-01　　适用:全部直营门店"
    ws["A2"].font = Font(name=FONT, size=10)
    heads = ("序号", "部门", "岗位", "直接上级", "职责项目", "职责内容", "备注")
    for i, h in enumerate(heads, 1):
        c = ws.cell(row=3, column=i, value=h)
        c.font = Font(name=FONT, bold=True)
        c.fill = PatternFill("solid", fgColor="D9E1F2")
        c.alignment = mid
        c.border = box
    rows = [("门店店长", "区域经理", t, d, "每店1人") for t, d in S.W5_MANAGER]
    rows += [("导购", "门店店长", None, d, "按客流配置") for d in S.W5_GUIDE]
    rows += [("收银员", "门店店长", None, d, "每班不少于2人") for d in S.W5_CASHIER]
    r0 = 4
    for i, (name, boss, title, duty, note) in enumerate(rows):
        r = r0 + i
        vals = (i + 1, "门店运营部", name, boss, title, duty, note)
        for j, v in enumerate(vals, 1):
            c = ws.cell(row=r, column=j, value=v)
            c.font = Font(name=FONT, size=10)
            c.alignment = wrap if j == 6 else mid
            c.border = box
    last = r0 + len(rows) - 1
    ws.merge_cells(f"B{r0}:B{last}")
    start = r0
    for n in (4, 4, 4):
        for col in "CDG":
            ws.merge_cells(f"{col}{start}:{col}{start + n - 1}")
        start += n
    note_row = last + 1
    ws.merge_cells(f"A{note_row}:G{note_row}")
    ws.cell(row=note_row, column=1,
            value="说明:1. 本表为岗位基本职责,门店可根据实际情况细化;2. 职责调整须报人力资源部备案。").font = Font(name=FONT, size=9)
    for col, w in zip("ABCDEFG", (6, 12, 12, 12, 16, 60, 14), strict=True):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws2 = wb.create_sheet("修订记录")
    for row in (("版本", "日期", "内容", "修订人"), ("A/0", "2024-09-01", "首次编制", "王丽"),
                ("A/1", "2025-06-01", "店长职责按项目拆分", "王丽")):
        ws2.append(row)
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = STAMP
    wb.properties.modified = STAMP
    save_zip(wb, path)
    posts = [post("门店店长", "门店运营部", "区域经理", [d for _, d in S.W5_MANAGER], []),
             post("导购", "门店运营部", "门店店长", S.W5_GUIDE, []),
             post("收银员", "门店运营部", "门店店长", S.W5_CASHIER, [])]
    return {"file": path.name, "source": "w5", "layout": "xlsx-merged", "posts": posts}


def doc_w6(path: Path) -> dict:
    """A web article saved as Markdown."""
    out = ["# 门店督导是做什么的?岗位职责有哪些", "", "> 2025-09-03 10:12　职场百科　阅读 1286", "", S.W6_INTRO, ""]
    for group, items in S.W6:
        out += [f"## {group}", ""]
        for title, text in items:
            out += [f"### {title}", "", text, ""]
    out += ["## 五、其他职责", ""]
    out += [f"- {s}" for s in S.W6_OTHER]
    out += ["", "**总结:**", "", S.W6_SUMMARY, "", "---", "", f"原文地址:{S.SOURCES[5]['url']}", ""]
    path.write_text("\n".join(out), encoding="utf-8")
    duties = [text for _, items in S.W6 for _, text in items] + S.W6_OTHER
    return {"file": path.name, "source": "w6", "layout": "markdown-web-copy",
            "posts": [post("门店督导", None, None, duties, [])]}


def doc_w7(path: Path) -> dict:
    """A web page pasted into Notepad, saved as ANSI (GBK) with CRLF."""
    out = ["营业员的岗位职责有哪些", "2025-07-18　来源:网络整理", "", S.W7_INTRO, ""]
    for group, subs in S.W7:
        out.append(group)
        for title, items in subs:
            out.append(title)
            out += [f"- {s}" for s in items]
        out.append("")
    out += ["总结:", S.W7_SUMMARY, "", "(本文内容来源于网络,仅供参考,如有侵权请联系删除。)", ""]
    path.write_bytes("\r\n".join(out).encode("gbk"))
    duties = [s for _, subs in S.W7 for _, items in subs for s in items]
    return {"file": path.name, "source": "w7", "layout": "txt-web-copy",
            "posts": [post("营业员", None, None, duties, [])]}


def post(name, dept, boss, duties, quals) -> dict:
    return {"name": name, "department": dept, "reports_to": boss, "duties": list(duties),
            "qualifications": list(quals)}


# ---------------------------------------------------------------- checks
def text_of(path: Path) -> str:
    suf = path.suffix
    if suf == ".docx":
        with zipfile.ZipFile(path) as z:
            xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/"))
        return re.sub(r"<[^>]+>", "", xml)
    if suf == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    if suf == ".pdf":
        out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True)
        return out.stdout.decode("utf-8")
    if suf == ".txt":
        return path.read_bytes().decode("gbk")
    return path.read_text(encoding="utf-8")


def check(gold: dict) -> None:
    n_posts = n_duties = n_quals = 0
    bad = re.compile(r"^\s*(\d+[.、)]|[(（]\d+[)）]|[-•·*①-⑩]|[一二三四五六七八九十]+、)")
    for d in gold["documents"]:
        path = HERE / d["file"]
        flat = re.sub(r"\s+", "", text_of(path))
        # the PDF's lines may break inside a sentence; the text layer keeps the characters in order
        for p in d["posts"]:
            n_posts += 1
            for s in [p["name"], p["department"], p["reports_to"]]:
                if s is not None:
                    assert re.sub(r"\s+", "", s) in flat, (d["file"], s)
            for s in p["duties"] + p["qualifications"]:
                assert re.sub(r"\s+", "", s) in flat, (d["file"], s)
                assert not bad.match(s), (d["file"], s)
            n_duties += len(p["duties"])
            n_quals += len(p["qualifications"])
    print(f"checked: {len(gold['documents'])} documents, {n_posts} posts, {n_duties} duties, {n_quals} qualifications")


def main() -> None:
    make_pdf = "--pdf" in sys.argv
    docs = [
        doc_w1(HERE / "店长岗位说明书.docx"),
        doc_w2(HERE / "电商客服岗位职责及考核标准.docx"),
        doc_w3(HERE / "超市客服收银主管岗位说明书.pdf", make_pdf),
        doc_w4(HERE / "网店运营中心岗位职责手册.docx"),
        doc_w5(HERE / "门店岗位职责表.xlsx"),
        doc_w6(HERE / "门店督导岗位职责.md"),
        doc_w7(HERE / "营业员岗位职责.txt"),
    ]
    gold = {"sources": [{"id": s["id"], "url": s["url"], "note": s["note"]} for s in S.SOURCES],
            "documents": docs}
    head = ("# Gold for tests/data/jobdocs/heldout15: what a perfect importer returns for each document.\n"
            "# Written by make/build.py from make/sources.py; do not edit by hand.\n"
            "# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and\n"
            "# reports_to as written in the document, or null where it gives none.\n")
    (HERE / "gold.yaml").write_text(head + yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=120),
                                    encoding="utf-8")
    check(gold)


if __name__ == "__main__":
    main()
