"""Rebuild the heldout12 documents and gold.yaml from sources.py, then check the gold against the files.

Usage: python tests/data/jobdocs/heldout12/make/build.py [--pdf]
Without --pdf the committed PDF is kept (and checked); with it the PDF is made again through LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import yaml
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, str(Path(__file__).parent))
import sources as S

OUT = Path(__file__).resolve().parent.parent
FIXED = dt.datetime(2025, 6, 1, 9, 0, 0)


def new_doc() -> Document:
    d = Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    st = d.styles["Normal"]
    st.font.name = "宋体"
    st.font.size = Pt(10.5)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    cp = d.core_properties
    cp.author = "人力资源部"
    cp.created = cp.modified = FIXED
    cp.last_modified_by = "人力资源部"
    cp.revision = 1
    return d


def header_footer(d: Document, head: str, foot: str) -> None:
    for sec in d.sections:
        sec.header.paragraphs[0].text = head
        sec.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p = sec.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(foot)
        # PAGE field
        r = p.add_run()
        for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("end", None)):
            if kind == "instr":
                it = OxmlElement("w:instrText")
                it.set(qn("xml:space"), "preserve")
                it.text = text
                r._r.append(it)
            else:
                fc = OxmlElement("w:fldChar")
                fc.set(qn("w:fldCharType"), kind)
                r._r.append(fc)
        p.add_run(" 页")


def shade(cell, fill: str = "D9D9D9") -> None:
    tcPr = cell._tc.get_or_add_tcPr()
    sh = OxmlElement("w:shd")
    sh.set(qn("w:val"), "clear")
    sh.set(qn("w:color"), "auto")
    sh.set(qn("w:fill"), fill)
    tcPr.append(sh)


def title(d: Document, text: str, size: int = 16) -> None:
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(text)
    r.bold = True
    r.font.size = Pt(size)


def cell_text(cell, lines: list[str], bold_first: bool = False) -> None:
    cell.text = ""
    first = True
    for ln in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        r = p.add_run(ln)
        if bold_first and first:
            r.bold = True
        first = False


def save_docx(d: Document, path: Path) -> None:
    d.save(path)
    normalise_zip(path)


def normalise_zip(path: Path) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in sorted(zin.infolist(), key=lambda i: i.filename):
            data = zin.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2025-06-01T09:00:00Z", data)
            zi = zipfile.ZipInfo(item.filename, date_time=(2025, 6, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)
    tmp.replace(path)


# ---------------------------------------------------------------------------------------------- z1
def build_z1() -> dict:
    d = new_doc()
    title(d, S.COMPANY, 14)
    title(d, "岗位说明书")
    d.add_paragraph("文件编号:HL-HR-JD-031　　版本:A/1　　生效日期:2025年6月1日")
    t = d.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    pairs = [
        ("职位名称", "售后客服主管", "岗位编号", "HL-KF-02"),
        ("所属部门", "客户服务部", "汇报对象", "客户服务经理/运营总监"),
        ("直接下级", "售后客服专员", "岗位定员", "1人"),
        ("工作地点", "总部客服中心", "薪资等级", "M2"),
    ]
    for a, b, c, e in pairs:
        row = t.add_row().cells
        row[0].text, row[1].text, row[2].text, row[3].text = a, b, c, e
        shade(row[0])
        shade(row[2])

    def merged(label: str, lines: list[str], bold_titles: set[str] | None = None) -> None:
        row = t.add_row().cells
        row[0].text = label
        shade(row[0])
        m = row[1].merge(row[3])
        m.text = ""
        for i, ln in enumerate(lines):
            p = m.paragraphs[0] if i == 0 else m.add_paragraph()
            r = p.add_run(ln)
            if bold_titles and ln in bold_titles:
                r.bold = True

    lines, titles = [], set()
    for i, (g, duties) in enumerate(S.Z1_GROUPS, 1):
        tl = f"{i}、{g}"
        lines.append(tl)
        titles.add(tl)
        lines.extend(duties)
    merged("工作职责", lines, titles)
    lines, titles = [], set()
    for g, quals in S.Z1_QUAL_GROUPS:
        lines.append(g)
        titles.add(g)
        lines.extend(f"{j}. {q}" for j, q in enumerate(quals, 1))
    merged("任职要求", lines, titles)
    merged("薪酬福利", S.Z1_PAY)
    merged("关键绩效指标", ["48小时售后问题解决率", "客户满意度(NPS)", "重复投诉率", "退款纠纷率"])
    row = t.add_row().cells
    row[0].text, row[1].text, row[2].text, row[3].text = "编制", "人力资源部 王敏", "审批", "运营总监 刘建国"
    d.add_paragraph()
    d.add_paragraph("任职者签字:______________　　日期:______年____月____日")
    header_footer(d, f"{S.SHORT} · 岗位说明书", "第 ")
    save_docx(d, OUT / "售后客服主管岗位说明书.docx")
    return {
        "file": "售后客服主管岗位说明书.docx",
        "source": "z1",
        "layout": "word-table",
        "posts": [
            {
                "name": "售后客服主管",
                "department": "客户服务部",
                "reports_to": "客户服务经理/运营总监",
                "duties": [x for _, ds in S.Z1_GROUPS for x in ds],
                "qualifications": [x for _, qs in S.Z1_QUAL_GROUPS for x in qs],
            }
        ],
    }


# ---------------------------------------------------------------------------------------------- z2
def build_z2() -> dict:
    d = new_doc()
    for _ in range(6):
        d.add_paragraph()
    title(d, S.COMPANY, 18)
    title(d, "24小时便利店门店岗位职责汇编", 22)
    for _ in range(4):
        d.add_paragraph()
    for ln in ["文件编号:HL-YY-002", "版　　本:V2.0", "编制部门:人力资源部", "发布日期:2025年6月1日"]:
        p = d.add_paragraph(ln)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("修订记录").runs[0].bold = True
    t = d.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ["版本", "修订日期", "修订内容", "修订人"], strict=False):
        c.text = h
    for r in [("V1.0", "2023-03-01", "首次发布", "李静"), ("V2.0", "2025-06-01", "增加夜班人员、兼职员工", "王敏")]:
        cells = t.add_row().cells
        for c, v in zip(cells, r, strict=False):
            c.text = v
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_heading("第一章　总则", level=1)
    d.add_paragraph("一、为明确24小时便利店门店各岗位的工作范围,规范门店日常运营,特编制本汇编。")
    d.add_paragraph("二、本汇编适用于公司所有直营24小时便利店。")
    d.add_heading("第二章　岗位职责", level=1)
    nums = "一二三四五六"
    for i, (name, duty, dept, boss) in enumerate(S.Z2_POSTS):
        d.add_heading(f"{nums[i]}、{name}", level=2)
        d.add_paragraph(f"所属部门:{dept}　　直接上级:{boss}")
        d.add_paragraph("岗位职责:").runs[0].bold = True
        d.add_paragraph(duty)
    d.add_heading("第三章　附则", level=1)
    d.add_paragraph("本汇编由人力资源部负责解释,自发布之日起执行。")
    d.add_paragraph("编制:王敏　　审核:李静　　批准:周海涛")
    header_footer(d, f"{S.SHORT}　HL-YY-002", "第 ")
    save_docx(d, OUT / "门店岗位职责汇编.docx")
    return {
        "file": "门店岗位职责汇编.docx",
        "source": "z2",
        "layout": "word-handbook",
        "posts": [{"name": n, "department": dp, "reports_to": b, "duties": [du], "qualifications": []} for n, du, dp, b in S.Z2_POSTS],
    }


# ---------------------------------------------------------------------------------------------- z3
def build_z3() -> dict:
    d = new_doc()
    title(d, f"{S.COMPANY}　{S.Z3_NAME}岗位职责及考核标准")
    t = d.add_table(rows=2, cols=4)
    t.style = "Table Grid"
    vals = [("岗位名称", S.Z3_NAME, "所在部门", S.Z3_DEPT), ("直接上级", S.Z3_BOSS, "岗位编号", "HL-SC-07")]
    for row, v in zip(t.rows, vals, strict=False):
        for c, x in zip(row.cells, v, strict=False):
            c.text = x
        shade(row.cells[0])
        shade(row.cells[2])
    d.add_paragraph()
    d.add_paragraph(f"本职:{S.Z3_SUMMARY}")
    d.add_paragraph("一、职责与考核").runs[0].bold = True
    t = d.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ["序号", "职责描述", "考核标准", "权重"], strict=False):
        c.text = h
        shade(c)
    for i, (duty, std, w) in enumerate(S.Z3_ROWS, 1):
        cells = t.add_row().cells
        cells[0].text, cells[1].text, cells[2].text, cells[3].text = str(i), duty, std, w
    cells = t.add_row().cells
    cells[0].merge(cells[2]).text = "合计"
    cells[3].text = "100%"
    for row in t.rows:
        row.cells[0].width = Cm(1.2)
        row.cells[1].width = Cm(8)
        row.cells[2].width = Cm(5)
        row.cells[3].width = Cm(1.5)
    d.add_paragraph()
    d.add_paragraph("二、考核说明").runs[0].bold = True
    d.add_paragraph("1. 考核周期为季度,由直接上级评分,人力资源部汇总。")
    d.add_paragraph("2. 各项得分按权重加总,满分100分。")
    d.add_paragraph("被考核人签字:__________　　考核人签字:__________　　日期:__________")
    header_footer(d, f"{S.SHORT}　市场企画部", "第 ")
    save_docx(d, OUT / "会员管理担当职责及考核.docx")
    return {
        "file": "会员管理担当职责及考核.docx",
        "source": "z3",
        "layout": "word-duty-table",
        "posts": [
            {"name": S.Z3_NAME, "department": S.Z3_DEPT, "reports_to": S.Z3_BOSS, "duties": [r[0] for r in S.Z3_ROWS], "qualifications": []}
        ],
    }


# ---------------------------------------------------------------------------------------------- z4
def build_z4(make_pdf: bool) -> dict:
    d = new_doc()
    title(d, S.COMPANY, 14)
    title(d, f"{S.Z4_NAME}岗位说明书")
    p = d.add_paragraph("编号:HL-DS-KF-01　　修订日期:2025-06-01")
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.add_paragraph("一、基本信息").runs[0].bold = True
    t = d.add_table(rows=2, cols=4)
    t.style = "Table Grid"
    for row, v in zip(t.rows, [("岗位名称", S.Z4_NAME, "所属部门", S.Z4_DEPT), ("直接上级", S.Z4_BOSS, "直接下级", "售前客服、售后客服")], strict=False):  # noqa: E501 (verbatim source text)
        for c, x in zip(row.cells, v, strict=False):
            c.text = x
    d.add_paragraph("二、岗位概述").runs[0].bold = True
    d.add_paragraph(S.Z4_LEAD)
    d.add_paragraph("三、岗位职责").runs[0].bold = True
    for i, x in enumerate(S.Z4_DUTIES, 1):
        d.add_paragraph(f"{i}. {x}")
    d.add_paragraph("四、任职要求").runs[0].bold = True
    d.add_paragraph("年龄:25-35岁")
    for i, x in enumerate(S.Z4_QUALS, 1):
        d.add_paragraph(f"{i}. {x}")
    d.add_paragraph("五、考核指标").runs[0].bold = True
    t = d.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ["指标", "权重", "说明"], strict=False):
        c.text = h
    for r in [("客服团队销售额达成率", "40%", "月度"), ("客户满意度", "30%", "平台DSR评分"), ("首次响应时间", "30%", "≤15秒")]:
        for c, v in zip(t.add_row().cells, r, strict=False):
            c.text = v
    d.add_paragraph()
    d.add_paragraph("编制:人力资源部　　审核:电商运营经理　　批准:总经理")
    header_footer(d, f"{S.SHORT}　电商客服部", "第 ")
    name = f"{S.Z4_NAME}岗位说明书"
    pdf = OUT / f"{name}.pdf"
    if make_pdf:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / f"{name}.docx"
            save_docx(d, src)
            env = dict(os.environ, TZ="UTC")
            subprocess.run(
                ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)],
                check=True,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            data = (Path(tmp) / f"{name}.pdf").read_bytes()
        data = re.sub(
            rb"/CreationDate\(D:[^)]*\)", lambda m: b"/CreationDate(D:20250601090000" + b"0" * (len(m.group(0)) - 31) + b")", data
        )
        data = re.sub(rb"<[0-9A-F]{32}>", b"<" + b"0" * 32 + b">", data)
        data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + b"0" * 32, data)
        pdf.write_bytes(data)
    return {
        "file": pdf.name,
        "source": "z4",
        "layout": "pdf-from-word",
        "posts": [
            {
                "name": S.Z4_NAME,
                "department": S.Z4_DEPT,
                "reports_to": S.Z4_BOSS,
                "duties": list(S.Z4_DUTIES),
                "qualifications": list(S.Z4_QUALS),
            }
        ],
    }


# ---------------------------------------------------------------------------------------------- z5
def build_z5() -> dict:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.merge_cells("A1:G1")
    ws["A1"] = f"{S.COMPANY}门店岗位职责表"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"] = "编制部门:人力资源部"
    ws["E2"] = "更新日期:2025-06-01"
    heads = ["部门", "岗位名称", "直接上级", "职责类别", "序号", "职责内容", "备注"]
    for i, h in enumerate(heads, 1):
        c = ws.cell(row=3, column=i, value=h)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
        c.border = border
        c.alignment = Alignment(horizontal="center", vertical="center")
    r = 4
    dept_start = r
    for name, boss, groups in S.Z5_POSTS:
        post_start = r
        n = 0
        for g, duties in groups:
            g_start = r
            for du in duties:
                n += 1
                ws.cell(row=r, column=4, value=g)
                ws.cell(row=r, column=5, value=n)
                ws.cell(row=r, column=6, value=du)
                r += 1
            if r - 1 > g_start:
                ws.merge_cells(start_row=g_start, start_column=4, end_row=r - 1, end_column=4)
        ws.cell(row=post_start, column=2, value=name)
        ws.cell(row=post_start, column=3, value=boss)
        ws.merge_cells(start_row=post_start, start_column=2, end_row=r - 1, end_column=2)
        ws.merge_cells(start_row=post_start, start_column=3, end_row=r - 1, end_column=3)
        ws.merge_cells(start_row=post_start, start_column=7, end_row=r - 1, end_column=7)
    ws.cell(row=dept_start, column=1, value=S.Z5_DEPT)
    ws.merge_cells(start_row=dept_start, start_column=1, end_row=r - 1, end_column=1)
    for row in ws.iter_rows(min_row=4, max_row=r - 1, max_col=7):
        for c in row:
            c.border = border
            c.alignment = Alignment(vertical="center", wrap_text=True)
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)
    ws.cell(row=r, column=1, value="说明:本表由人力资源部统一维护,各门店不得自行修改;如有调整,请于每月25日前报人力资源部。")
    for col, w in zip("ABCDEFG", [12, 10, 10, 10, 6, 48, 10], strict=False):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws2 = wb.create_sheet("修订记录")
    for row in [
        ("版本", "日期", "内容", "修订人"),
        ("1.0", "2024-02-01", "首次编制", "李静"),
        ("1.1", "2025-06-01", "调整职责类别", "王敏"),
    ]:
        ws2.append(row)
    wb.properties.creator = "人力资源部"
    wb.properties.created = wb.properties.modified = FIXED
    path = OUT / "门店岗位职责表.xlsx"
    wb.save(path)
    normalise_zip(path)
    return {
        "file": path.name,
        "source": "z5",
        "layout": "xlsx-merged",
        "posts": [
            {"name": n, "department": S.Z5_DEPT, "reports_to": b, "duties": [x for _, ds in gs for x in ds], "qualifications": []}
            for n, b, gs in S.Z5_POSTS
        ],
    }


# ---------------------------------------------------------------------------------------------- z6
def build_z6() -> dict:
    lines = ["# 会员管理员角色的定义与职责", "", S.Z6_INTRO, "", "## 一、定义", ""]
    lines += [f"{i}. {x}" for i, x in enumerate(S.Z6_DEF, 1)]
    lines += ["", "## 二、职责概述", ""]
    lines += [f"{i}. {x}" for i, x in enumerate(S.Z6_DUTIES, 1)]
    lines += ["", "---", "", f"原文地址:{S.SOURCES[5]['url']}　(保存于2025-06-01,{S.SHORT}会员中心参考资料)", ""]
    path = OUT / "会员管理员职责.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return {
        "file": path.name,
        "source": "z6",
        "layout": "markdown-web-copy",
        "posts": [{"name": S.Z6_NAME, "department": None, "reports_to": None, "duties": list(S.Z6_DUTIES), "qualifications": []}],
    }


# ---------------------------------------------------------------------------------------------- z7
def build_z7() -> dict:
    lines = ["值班经理和店长的区别", S.Z7_HEAD, S.Z7_LEAD, "区别"]
    for name, duties, rest in S.Z7_POSTS:
        lines.append(f"{name}:" + "".join(duties + rest))
    lines += ["", "(门店管理培训资料,营运部转发)", ""]
    path = OUT / "值班经理和店长的区别.txt"
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    return {
        "file": path.name,
        "source": "z7",
        "layout": "txt-web-copy",
        "posts": [{"name": n, "department": None, "reports_to": None, "duties": list(ds), "qualifications": []} for n, ds, _ in S.Z7_POSTS],
    }


# ---------------------------------------------------------------------------------------------- z8
def build_z8() -> dict:
    d = new_doc()
    sec = d.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21)
    title(d, "24小时便利店各岗位详细信息一览表")
    d.add_paragraph("编制部门:人力资源部　　　　　　　　　　　　　　日期:2025年6月")
    t = d.add_table(rows=1, cols=6)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ["序号", "岗位名称", "工作内容", "工作时间", "是否需要经验", "备注"], strict=False):
        c.text = h
        shade(c)
    for row in S.Z8_ROWS:
        for c, v in zip(t.add_row().cells, row, strict=False):
            c.text = v
    d.add_paragraph("注:各门店可根据客流情况调整兼职员工人数,报区域经理备案。")
    header_footer(d, S.SHORT, "第 ")
    save_docx(d, OUT / "便利店岗位一览表.docx")
    return {
        "file": "便利店岗位一览表.docx",
        "source": "z8",
        "layout": "word-table-post-rows",
        "posts": [{"name": r[1], "department": None, "reports_to": None, "duties": [r[2]], "qualifications": []} for r in S.Z8_ROWS],
    }


# ---------------------------------------------------------------------------------------------- check
def text_of(path: Path) -> str:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        return "\n".join(re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S))
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gbk")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def check(gold: dict) -> None:
    bad = 0
    n_posts = n_duties = n_quals = 0
    for doc in gold["documents"]:
        txt = text_of(OUT / doc["file"])
        flat = squash(txt)
        for p in doc["posts"]:
            n_posts += 1
            for field in ("name", "department", "reports_to"):
                v = p[field]
                if v is not None and squash(v) not in flat:
                    print("MISSING", doc["file"], field, v)
                    bad += 1
            for kind in ("duties", "qualifications"):
                for x in p[kind]:
                    if kind == "duties":
                        n_duties += 1
                    else:
                        n_quals += 1
                    if squash(x) not in flat:
                        print("MISSING", doc["file"], kind, x)
                        bad += 1
                    if re.match(r"^\s*(\d+[.、)]|[（(]\d+[)）]|[-•·])", x):
                        print("NUMBERED", doc["file"], x)
                        bad += 1
    print(f"{len(gold['documents'])} documents, {n_posts} posts, {n_duties} duties, {n_quals} qualifications")
    if bad:
        raise SystemExit(f"{bad} gold items not found")


def main() -> None:
    make_pdf = "--pdf" in sys.argv
    docs = [build_z1(), build_z2(), build_z3(), build_z4(make_pdf), build_z5(), build_z6(), build_z7(), build_z8()]
    gold = {"sources": S.SOURCES, "documents": docs}
    head = (
        "# Gold for tests/data/jobdocs/heldout12: what a perfect importer returns for each document.\n"
        "# Written by make/build.py from make/sources.py; do not edit by hand.\n"
        "# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and\n"
        "# reports_to as written in the document, or null where it gives none.\n"
    )
    (OUT / "gold.yaml").write_text(head + yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    check(gold)


if __name__ == "__main__":
    main()
