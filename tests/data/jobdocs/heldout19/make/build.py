"""Build the heldout19 documents and gold.yaml from sources.py, then check the gold against the files.

Run from anywhere:  python tests/data/jobdocs/heldout19/make/build.py [--pdf]
Without --pdf the committed PDF is kept (and checked); with it the PDF is made again through LibreOffice.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
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
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sources as S

HERE = Path(__file__).resolve().parent.parent
FIXED = datetime(2025, 6, 1, 9, 0, 0)
ZIP_TIME = (2025, 6, 1, 9, 0, 0)
SPACE = "\u3000\u3000"


# ---------------------------------------------------------------- Word helpers
def new_doc() -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.5)
    for name in ("Normal", "Heading 1", "Heading 2", "Title"):
        st = doc.styles[name]
        st.font.name = "宋体"
        st.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    doc.styles["Normal"].font.size = Pt(10.5)
    # One font everywhere (no theme fonts in the defaults), so LibreOffice embeds a single font in the PDF.
    fonts = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(key), "宋体")
    cp = doc.core_properties
    cp.author = "人力资源部"
    cp.last_modified_by = "人力资源部"
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 3
    return doc


def field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) as Word writes it: begin, instruction, separate, cached text, end."""
    def fld(kind: str) -> None:
        r = OxmlElement("w:r")
        f = OxmlElement("w:fldChar")
        f.set(qn("w:fldCharType"), kind)
        r.append(f)
        paragraph._p.append(r)

    fld("begin")
    r = OxmlElement("w:r")
    t = OxmlElement("w:instrText")
    t.set(qn("xml:space"), "preserve")
    t.text = f" {code} "
    r.append(t)
    paragraph._p.append(r)
    fld("separate")
    paragraph.add_run("1")
    fld("end")


def header_footer(doc: Document, header: str, footer: str) -> None:
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = header
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if footer == "dash":
        fp.add_run("- ")
        field(fp, "PAGE")
        fp.add_run(" -")
    else:
        fp.add_run("第 ")
        field(fp, "PAGE")
        fp.add_run(" 页 共 ")
        field(fp, "NUMPAGES")
        fp.add_run(" 页")


def para(doc_or_cell, text: str = "", bold: bool = False, size: float | None = None, center: bool = False, indent: bool = False):
    p = doc_or_cell.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent:
        p.paragraph_format.first_line_indent = Cm(0.74)
    return p


def shade(cell, fill: str = "D9D9D9") -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def cell_text(cell, text: str, bold: bool = False, center: bool = False) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    r = p.add_run(text)
    r.bold = bold
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader")
    trpr.append(h)


def table(doc, rows: int, cols: int, widths: list[float]):
    t = doc.add_table(rows=rows, cols=cols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row in t.rows:
        for i, w in enumerate(widths):
            row.cells[i].width = Cm(w)
    return t


def page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def save_docx(doc: Document, path: Path) -> None:
    buf = io.BytesIO()
    doc.save(buf)
    normalise_zip(buf.getvalue(), path)


def normalise_zip(data: bytes, path: Path) -> None:
    """Same bytes on every run: fixed entry times and order as written."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2025-06-01T09:00:00Z", body)
            dst.writestr(zi, body)
    path.write_bytes(out.getvalue())


def signoff(doc, text: str) -> None:
    para(doc)
    para(doc, text)


# ---------------------------------------------------------------- documents
def z1_duty_table(path: Path) -> dict:
    doc = new_doc()
    header_footer(doc, f"{S.COMPANY}{SPACE}文件编号:HL-YY-GW-012", "dash")
    para(doc, "理货员岗位职责及考核标准", bold=True, size=16, center=True)
    para(doc, f"所属部门:门店营运部{SPACE}直接上级:营运主管{SPACE}岗位编号:YY-03{SPACE}定员:每店4人")
    para(doc, "一、岗位职责与考核标准", bold=True)
    t = table(doc, len(S.Z1_ROWS) + 2, 5, [1.2, 2.4, 7.0, 3.4, 1.6])
    for i, h in enumerate(("序号", "工作项目", "职责描述", "考核标准", "权重")):
        cell_text(t.rows[0].cells[i], h, bold=True, center=True)
        shade(t.rows[0].cells[i])
    repeat_header(t.rows[0])
    for n, (item, duty, standard, weight) in enumerate(S.Z1_ROWS, 1):
        cells = t.rows[n].cells
        cell_text(cells[0], str(n), center=True)
        cell_text(cells[1], item)
        cell_text(cells[2], duty)
        cell_text(cells[3], standard)
        cell_text(cells[4], weight, center=True)
    last = t.rows[-1].cells
    merged = last[0].merge(last[3])
    cell_text(merged, "合计", bold=True, center=True)
    cell_text(last[4], "100%", center=True)
    para(doc)
    para(doc, "二、任职资格", bold=True)
    for n, q in enumerate(S.Z1_QUALS, 1):
        para(doc, f"{n}. {q}")
    para(doc, "三、说明", bold=True)
    para(doc, "1. 本表由人力资源部会同门店营运部编制,每年修订一次。")
    para(doc, "2. 考核结果按月汇总,与理货员月度绩效工资挂钩。")
    signoff(doc, f"编制:人力资源部{SPACE}审核:{SPACE}{SPACE}批准:{SPACE}{SPACE}日期:2025年6月")
    save_docx(doc, path)
    return {"posts": [{"name": "理货员", "department": "门店营运部", "reports_to": "营运主管",
                       "duties": [r[1] for r in S.Z1_ROWS], "qualifications": list(S.Z1_QUALS)}]}


def z2_form(path: Path) -> dict:
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}{SPACE}职位说明书", "dash")
    para(doc, S.COMPANY, bold=True, size=14, center=True)
    para(doc, "职位说明书", bold=True, size=16, center=True)
    para(doc, "编号:HL-DS-JD-004　版本:A/1　修订日期:2025-05-20")
    t = table(doc, 10, 4, [2.6, 5.0, 2.6, 5.0])
    pairs = [("职位名称", "电商运营助理", "职位编号", "DS-07"),
             ("所属部门", "电商事业部", "汇报对象", "运营经理"),
             ("下属职位", "无", "职位定员", "2人")]
    for r, (a, b, c, d) in enumerate(pairs):
        cells = t.rows[r].cells
        for i, txt in enumerate((a, b, c, d)):
            cell_text(cells[i], txt, bold=i in (0, 2))
        shade(cells[0])
        shade(cells[2])
    labels = ["职位概要", "工作职责", "任职要求", "考核指标", "工作时间", "备注", "签字"]
    for k, label in enumerate(labels, 3):
        cells = t.rows[k].cells
        cell_text(cells[0], label, bold=True)
        shade(cells[0])
        body = cells[1].merge(cells[3])
        body.text = ""
        first = body.paragraphs[0]
        if label == "职位概要":
            first.add_run("协助运营经理完成店铺商品、数据、活动与平台规则等日常运营工作。")
        elif label == "工作职责":
            for g, (title, items) in enumerate(S.Z2_GROUPS, 1):
                p = first if g == 1 else body.add_paragraph()
                p.add_run(f"{g}. {title}").bold = True
                for j, item in enumerate(items, 1):
                    body.add_paragraph(f"（{j}）{item}")
        elif label == "任职要求":
            for j, (kind, req) in enumerate(S.Z2_ABILITIES, 1):
                p = first if j == 1 else body.add_paragraph()
                p.add_run(f"{j}、{kind}:{req}")
        elif label == "考核指标":
            first.add_run("商品信息准确率、活动按时上线率、数据报告及时率、客户满意度。")
        elif label == "工作时间":
            first.add_run("标准工时制;618、双11等大促期间按排班轮值。")
        elif label == "备注":
            first.add_run("本说明书随组织架构调整同步修订,解释权归人力资源部。")
        else:
            first.add_run(f"编制人:{SPACE}{SPACE}审核人:{SPACE}{SPACE}批准人:{SPACE}{SPACE}任职者:")
    save_docx(doc, path)
    duties = [item for _, items in S.Z2_GROUPS for item in items]
    quals = [f"{kind}:{req}" for kind, req in S.Z2_ABILITIES]
    return {"posts": [{"name": "电商运营助理", "department": "电商事业部", "reports_to": "运营经理",
                       "duties": duties, "qualifications": quals}]}


def z3_pdf_docx(path: Path) -> dict:
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}{SPACE}岗位说明书", "page")
    para(doc, "收银客服岗位说明书", bold=True, size=16, center=True)
    para(doc, f"文件编号:HL-YY-GW-021{SPACE}生效日期:2025年6月1日{SPACE}版本:V1.0", center=True)
    para(doc, "一、基本信息", bold=True)
    t = table(doc, 3, 4, [2.6, 5.0, 2.6, 5.0])
    rows = [("岗位名称", "收银客服", "岗位编号", "YY-05"),
            ("所属部门", "前台服务部", "直接上级", "收银主管"),
            ("工作地点", "各门店收银区", "定员", "按收银台数配置")]
    for r, vals in enumerate(rows):
        for i, txt in enumerate(vals):
            cell_text(t.rows[r].cells[i], txt, bold=i in (0, 2))
        shade(t.rows[r].cells[0])
        shade(t.rows[r].cells[2])
    para(doc, "二、岗位概述", bold=True)
    para(doc, S.Z3_SUMMARY, indent=True)
    para(doc, "三、岗位职责", bold=True)
    for n, d in enumerate(S.Z3_DUTIES, 1):
        para(doc, f"{n}. {d}")
    para(doc, "四、考核指标", bold=True)
    k = table(doc, 5, 3, [4.0, 2.0, 9.0])
    krows = [("指标", "权重", "说明"), ("收银差错率", "40%", "长短款、错收漏收次数"),
             ("顾客满意度", "30%", "神秘顾客及投诉记录"), ("收银效率", "20%", "高峰时段平均结账时长"),
             ("区域整洁", "10%", "收银台及周边卫生检查")]
    for r, vals in enumerate(krows):
        for i, txt in enumerate(vals):
            cell_text(k.rows[r].cells[i], txt, bold=r == 0)
    para(doc, "五、审批", bold=True)
    para(doc, f"编制:人力资源部{SPACE}审核:前台服务部{SPACE}批准:{SPACE}{SPACE}日期:2025年5月28日")
    save_docx(doc, path)
    return {"posts": [{"name": "收银客服", "department": "前台服务部", "reports_to": "收银主管",
                       "duties": list(S.Z3_DUTIES), "qualifications": []}]}


def z4_txt(path: Path) -> dict:
    lines = ["收銀主管", "", "2025-05-12  收藏", "", S.Z4_INTRO, "", "收銀主管崗位職責"]
    lines += [f"{n}.{d}" for n, d in enumerate(S.Z4_DUTIES, 1)]
    lines += ["收銀主管崗位要求"]
    lines += [f"{n}.{q}" for n, q in enumerate(S.Z4_QUALS, 1)]
    lines += ["收銀主管發展方向", "可往部門經理方向發展。", "", "原文地址:http://www.xueyaji365.com/n_42043", ""]
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    return {"posts": [{"name": "收銀主管", "department": None, "reports_to": None,
                       "duties": list(S.Z4_DUTIES), "qualifications": list(S.Z4_QUALS)}]}


def z5_xlsx(path: Path) -> dict:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "岗位职责"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    heads = ["序号", "部门", "岗位", "直接上级", "岗位职责", "任职要求", "定员", "备注"]
    ws.merge_cells("A1:H1")
    ws["A1"] = f"{S.SHORT}物流配送中心岗位职责表"
    ws["A1"].font = Font(name="宋体", size=16, bold=True)
    ws["A1"].alignment = center
    ws["A2"] = "编制部门:人力资源部"
    ws["E2"] = "文件编号:HL-WL-ZZ-003"
    ws["G2"] = "更新日期:2025-05-30"
    for i, h in enumerate(heads, 1):
        c = ws.cell(row=3, column=i, value=h)
        c.font = Font(name="宋体", bold=True)
        c.fill = PatternFill("solid", fgColor="D9D9D9")
        c.alignment = center
        c.border = box
    first = 4
    last = first + len(S.Z5_DUTIES) - 1
    for n, d in enumerate(S.Z5_DUTIES):
        r = first + n
        ws.cell(row=r, column=1, value=n + 1).alignment = center
        ws.cell(row=r, column=5, value=d).alignment = wrap
        for col in range(1, 9):
            ws.cell(row=r, column=col).border = box
    merged_values = {2: "物流配送中心", 3: "分拣员", 4: "分拣组长", 6: S.Z5_QUALS[0], 7: "12人(两班)", 8: "夜班另计夜班津贴"}
    for col, value in merged_values.items():
        ws.cell(row=first, column=col, value=value).alignment = center if col != 6 else wrap
        letter = openpyxl.utils.get_column_letter(col)
        ws.merge_cells(f"{letter}{first}:{letter}{last}")
    note = last + 1
    ws.merge_cells(f"A{note}:H{note}")
    ws[f"A{note}"] = "说明:1. 本表列示岗位主要职责,具体作业标准见《配送中心作业指导书》;2. 定员按日均出库单量核定,旺季可临时增补。"
    ws[f"A{note}"].alignment = wrap
    for letter, width in zip("ABCDEFGH", (6, 12, 10, 10, 52, 22, 10, 16), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    rev = wb.create_sheet("修订记录")
    for row in (("版本", "修订日期", "修订内容", "修订人"),
                ("V1.0", "2024-03-01", "首次发布", "人力资源部"),
                ("V1.1", "2025-05-30", "增加贴标签、协助发货两项职责", "人力资源部")):
        rev.append(row)
    wb.properties.creator = "人力资源部"
    wb.properties.lastModifiedBy = "人力资源部"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    normalise_zip(buf.getvalue(), path)
    return {"posts": [{"name": "分拣员", "department": "物流配送中心", "reports_to": "分拣组长",
                       "duties": list(S.Z5_DUTIES), "qualifications": list(S.Z5_QUALS)}]}


def z6_list(path: Path) -> dict:
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}{SPACE}生鲜部", "dash")
    para(doc, "蔬菜分拣员岗位职责", bold=True, size=16, center=True)
    para(doc, f"所属部门:生鲜部{SPACE}直接上级:生鲜主管{SPACE}适用范围:各门店生鲜加工间")
    for n, (title, text) in enumerate(S.Z6_ITEMS, 1):
        para(doc, f"{n}. {title}", bold=True)
        para(doc, text, indent=True)
    para(doc, "注:本岗位人员须持有效健康证上岗,每半年复检一次。")
    signoff(doc, f"生鲜部{SPACE}2025年5月")
    save_docx(doc, path)
    return {"posts": [{"name": "蔬菜分拣员", "department": "生鲜部", "reports_to": "生鲜主管",
                       "duties": [text for _, text in S.Z6_ITEMS], "qualifications": []}]}


def z7_handbook(path: Path) -> dict:
    doc = new_doc()
    header_footer(doc, f"{S.SHORT}{SPACE}HL-DS-SC-001", "page")
    for _ in range(6):
        para(doc)
    para(doc, S.COMPANY, bold=True, size=18, center=True)
    para(doc)
    para(doc, "电商事业部岗位职责手册", bold=True, size=22, center=True)
    for _ in range(8):
        para(doc)
    for line in ("文件编号:HL-DS-SC-001", "版　　本:V2.0", "编制部门:人力资源部", "发布日期:2025年6月1日"):
        para(doc, line, size=12, center=True)
    page_break(doc)
    para(doc, "修订记录", bold=True, size=14, center=True)
    rv = table(doc, 4, 4, [2.0, 3.0, 7.5, 3.0])
    for r, vals in enumerate((("版本", "日期", "修订内容", "修订人"),
                              ("V1.0", "2023-08-15", "首次发布", "人力资源部"),
                              ("V1.1", "2024-04-10", "增加推广专员、数据分析员岗位", "人力资源部"),
                              ("V2.0", "2025-06-01", "增加法务专员岗位,调整汇报关系", "人力资源部"))):
        for i, txt in enumerate(vals):
            cell_text(rv.rows[r].cells[i], txt, bold=r == 0)
    page_break(doc)
    doc.add_heading("一、总则", level=1)
    para(doc, "1.1 为明确电商事业部各岗位的工作职责,规范天猫店铺的日常运营,特制定本手册。")
    para(doc, "1.2 本手册适用于电商事业部全体员工,由人力资源部负责解释。")
    doc.add_heading("二、组织架构", level=1)
    para(doc, "电商事业部在事业部总监领导下设运营经理一名,下设商品采购、客服、美工设计、推广、数据分析、物流等岗位;"
              "法务专员直接向事业部总监汇报。")
    doc.add_heading("三、岗位职责", level=1)
    posts = []
    for n, (name, text, boss) in enumerate(S.Z7_POSTS, 1):
        doc.add_heading(f"3.{n} {name}", level=2)
        para(doc, f"所属部门:电商事业部{SPACE}直接上级:{boss}")
        para(doc, "岗位职责:", bold=True)
        para(doc, text, indent=True)
        posts.append({"name": name, "department": "电商事业部", "reports_to": boss,
                      "duties": [text], "qualifications": []})
    doc.add_heading("四、附则", level=1)
    para(doc, "4.1 本手册自发布之日起执行,原V1.1版同时废止。")
    para(doc, "4.2 各岗位具体考核办法另行制定。")
    signoff(doc, f"编制:人力资源部{SPACE}审核:电商事业部{SPACE}批准:总经理办公室")
    save_docx(doc, path)
    return {"posts": posts}


def z8_md(path: Path) -> dict:
    out = ["# 仓库系统有哪些等级管理", "",
           "> 简道云 · 问答 | 保存于 2025-05-18", "", S.Z8_LEAD, ""]
    for name, text in S.Z8_LEVELS:
        out += [f"- **{name}:**", f"  {text}", ""]
    out += [S.Z8_CLOSE, "", "---", "", f"原文地址:{S.SOURCES[7]['url']}", ""]
    path.write_text("\n".join(out), encoding="utf-8")
    return {"posts": [{"name": name, "department": None, "reports_to": None, "duties": [text], "qualifications": []}
                      for name, text in S.Z8_LEVELS]}


DOCS = [
    ("理货员岗位职责及考核标准.docx", "z1", "word-duty-table", z1_duty_table),
    ("电商运营助理职位说明书.docx", "z2", "word-table", z2_form),
    ("收银客服岗位说明书.pdf", "z3", "pdf-from-word", z3_pdf_docx),
    ("收銀主管崗位職責.txt", "z4", "txt-web-copy", z4_txt),
    ("物流配送中心岗位职责表.xlsx", "z5", "xlsx-merged", z5_xlsx),
    ("蔬菜分拣员岗位职责.docx", "z6", "word-list", z6_list),
    ("电商事业部岗位职责手册.docx", "z7", "word-handbook", z7_handbook),
    ("仓库系统有哪些等级管理.md", "z8", "markdown-web-copy", z8_md),
]


# ---------------------------------------------------------------- PDF
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern">
    <test name="family"><string>宋体</string></test>
    <edit name="family" mode="assign" binding="strong"><string>WenQuanYi Micro Hei</string></edit>
  </match>
</fontconfig>
"""


def to_pdf(docx: Path, pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, TZ="UTC", HOME=tmp, XDG_CONFIG_HOME=f"{tmp}/.config")
        # 宋体 is not installed: map it, Latin included, to one font so the PDF embeds one font in a fixed order.
        conf = Path(tmp) / ".config" / "fontconfig" / "fonts.conf"
        conf.parent.mkdir(parents=True)
        conf.write_text(FONTS_CONF, encoding="utf-8")
        cmd = ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
               "--convert-to", "pdf", "--outdir", tmp, str(docx)]
        if shutil.which("setarch"):
            cmd = ["setarch", platform.machine(), "-R", *cmd]
        subprocess.run(cmd, check=True, env=env, capture_output=True)
        data = (Path(tmp) / (docx.stem + ".pdf")).read_bytes()
    data = re.sub(rb"/(CreationDate|ModDate)\s*\(D:\d{14}", lambda m: m.group(0)[:-14] + b"20250601090000", data)
    data = re.sub(rb"<[0-9A-Fa-f]{32}>", lambda m: b"<" + b"0" * 32 + b">", data)
    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]+", lambda m: re.sub(rb"[0-9A-Fa-f]{32}$", b"0" * 32, m.group(0)), data)
    pdf.write_bytes(data)


# ---------------------------------------------------------------- reading back
def text_of(path: Path) -> str:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        xml = re.sub(r"</w:p>", "\n", xml)
        return re.sub(r"<[^>]+>", "", xml).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return path.read_bytes().decode("utf-8")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def check(gold: dict) -> int:
    problems = 0
    numbering = re.compile(r"^\s*(\d+[.、)]|[（(]\d+[)）]|[-•·*]|[一二三四五六七八九十]+、)")
    for d in gold["documents"]:
        body = squash(text_of(HERE / d["file"]))
        for post in d["posts"]:
            items = [post["name"], *(x for x in (post["department"], post["reports_to"]) if x)]
            items += post["duties"] + post["qualifications"]
            for item in items:
                if squash(item) not in body:
                    print(f"MISSING in {d['file']}: {item}")
                    problems += 1
            for item in post["duties"] + post["qualifications"]:
                if numbering.match(item):
                    print(f"NUMBERED in {d['file']}: {item}")
                    problems += 1
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pdf", action="store_true", help="make the PDF again through LibreOffice")
    args = ap.parse_args()
    documents = []
    for name, source, layout, make in DOCS:
        target = HERE / name
        if target.suffix == ".pdf":
            with tempfile.TemporaryDirectory() as tmp:
                docx = Path(tmp) / (target.stem + ".docx")
                posts = make(docx)
                if args.pdf or not target.exists():
                    to_pdf(docx, target)
        else:
            posts = make(target)
        documents.append({"file": name, "source": source, "layout": layout, **posts})
    gold = {"sources": S.SOURCES, "documents": documents}
    head = ("# Gold for tests/data/jobdocs/heldout19: what a perfect importer returns for each document.\n"
            "# Written by make/build.py from make/sources.py; do not edit by hand.\n"
            "# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and\n"
            "# reports_to as written in the document, or null where it gives none.\n")
    text = yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=1000)
    (HERE / "gold.yaml").write_text(head + text, encoding="utf-8")
    problems = check(gold)
    posts = sum(len(d["posts"]) for d in documents)
    duties = sum(len(p["duties"]) for d in documents for p in d["posts"])
    quals = sum(len(p["qualifications"]) for d in documents for p in d["posts"])
    print(f"{len(documents)} documents, {posts} posts, {duties} duties, {quals} qualifications; {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
