"""Rebuild heldout13's documents and gold.yaml from make/sources.py, then check the gold against the files.

python tests/data/jobdocs/heldout13/make/build.py [--pdf]
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import yaml
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

sys.path.insert(0, str(Path(__file__).parent))
import sources as S

OUT = Path(__file__).resolve().parent.parent
FIXED = datetime(2025, 6, 1, 9, 0, 0, tzinfo=UTC)


# ---------- Word helpers ----------
def new_doc(header: str, footer: str, tail: str = " 页") -> Document:
    d = Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    st = d.styles["Normal"]
    st.font.name = "宋体"
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    st.font.size = Pt(10.5)
    sec.header.paragraphs[0].text = header
    sec.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run(footer)
    _page_field(fp, tail)
    return d


def _page_field(p, tail: str) -> None:
    r = p.add_run()
    for tag, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if tag:
            e = OxmlElement("w:fldChar")
            e.set(qn("w:fldCharType"), tag)
        else:
            e = OxmlElement("w:instrText")
            e.set(qn("xml:space"), "preserve")
            e.text = text
        r._r.append(e)
    p.add_run(tail)


def shade(cell, color="D9D9D9") -> None:
    tcPr = cell._tc.get_or_add_tcPr()
    s = OxmlElement("w:shd")
    s.set(qn("w:val"), "clear")
    s.set(qn("w:color"), "auto")
    s.set(qn("w:fill"), color)
    tcPr.append(s)


def title(d, text, size=16):
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(text)
    r.bold = True
    r.font.size = Pt(size)
    return p


def cell_text(cell, text, bold=False):
    cell.text = ""
    r = cell.paragraphs[0].add_run(text)
    r.bold = bold


def save_docx(d, path: Path) -> None:
    d.core_properties.author = "人力资源部"
    d.core_properties.created = FIXED.replace(tzinfo=None)
    d.core_properties.modified = FIXED.replace(tzinfo=None)
    d.core_properties.last_modified_by = "人力资源部"
    d.core_properties.revision = 1
    d.save(str(path))
    normalise_zip(path)


def normalise_zip(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2025-06-01T09:00:00Z", data)
            zi = zipfile.ZipInfo(name, date_time=(2025, 6, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


# ---------- w1: 店經理 form -> PDF ----------
def build_w1_docx(path: Path) -> None:
    d = new_doc(f"{S.SHORT} 岗位说明书  HR-JD-YY-001", "第 ")
    title(d, S.COMPANY, 12)
    title(d, "店經理岗位说明书")
    d.add_paragraph("文件编号:HR-JD-YY-001　　版本:A/1　　生效日期:2025年6月1日")
    d.add_paragraph("一、基本信息").runs[0].bold = True
    t = d.add_table(rows=3, cols=4)
    t.style = "Table Grid"
    rows = [
        ("岗位名称", "店經理", "岗位编号", "YY-01"),
        ("直屬部門", "營運部", "直屬上級", "地區營運總監"),
        ("直接下级", "值班经理、各部门主管", "岗位定员", "每店1人"),
    ]
    for r, vals in zip(t.rows, rows, strict=False):
        for i, v in enumerate(vals):
            cell_text(r.cells[i], v, bold=(i % 2 == 0))
            if i % 2 == 0:
                shade(r.cells[i])
    d.add_paragraph("二、崗位職責").runs[0].bold = True
    for i, s in enumerate(S.W1_DUTIES_A, 1):
        d.add_paragraph(f"{i}. {s}")
    d.add_paragraph("三、主要工作").runs[0].bold = True
    for i, s in enumerate(S.W1_DUTIES_B, 1):
        d.add_paragraph(f"{i}. {s}")
    d.add_paragraph("四、考核指标").runs[0].bold = True
    k = d.add_table(rows=4, cols=3)
    k.style = "Table Grid"
    for r, vals in zip(
        k.rows,
        [("指标", "权重", "说明"), ("销售达成率", "40%", "按月考核"), ("毛利率", "30%", "按季度考核"), ("损耗率", "30%", "以盘点结果为准")], strict=False,  # noqa: E501 (verbatim source text)
    ):
        for i, v in enumerate(vals):
            cell_text(r.cells[i], v, bold=(vals[0] == "指标"))
    d.add_paragraph("")
    d.add_paragraph("编制:人力资源部　　审核:营运总监　　批准:总经理　　日期:2025年6月1日")
    save_docx(d, path)


def build_w1_pdf(dest: Path) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="h13pdf"))
    src = tmp / "店經理岗位说明书.docx"
    build_w1_docx(src)
    prof = tmp / "profile"
    env = dict(os.environ, TZ="UTC")
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(src)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    data = (tmp / "店經理岗位说明书.pdf").read_bytes()
    data = re.sub(
        rb"/CreationDate\s*\(D:[^)]*\)",
        lambda m: (
            m.group(0)[: m.group(0).index(b"(")]
            + b"("
            + b"D:20250601090000Z".ljust(len(m.group(0)) - m.group(0).index(b"(") - 2, b" ")[: len(m.group(0)) - m.group(0).index(b"(") - 2]
            + b")"
        ),
        data,
    )
    data = re.sub(
        rb"/ModDate\s*\(D:[^)]*\)",
        lambda m: (
            m.group(0)[: m.group(0).index(b"(")]
            + b"("
            + b"D:20250601090000Z".ljust(len(m.group(0)) - m.group(0).index(b"(") - 2, b" ")[: len(m.group(0)) - m.group(0).index(b"(") - 2]
            + b")"
        ),
        data,
    )
    data = re.sub(rb"<[0-9A-Fa-f]{32}>", lambda m: b"<" + b"0" * 32 + b">", data)
    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]{32}", lambda m: m.group(0)[:-32] + b"0" * 32, data)
    dest.write_bytes(data)
    shutil.rmtree(tmp)


# ---------- w2: 电商客服 label|value form ----------
def build_w2(path: Path) -> None:
    d = new_doc(f"{S.SHORT} 电商事业部", "- ", " -")
    title(d, S.COMPANY, 12)
    title(d, "岗位说明书")
    d.add_paragraph("编号:HF-DS-KF-03　　修订日期:2025-05-20")
    t = d.add_table(rows=0, cols=2)
    t.style = "Table Grid"

    def row(label, value=None, paras=None):
        r = t.add_row()
        cell_text(r.cells[0], label, bold=True)
        shade(r.cells[0])
        c = r.cells[1]
        if paras is None:
            cell_text(c, value)
        else:
            c.text = ""
            first = True
            for kind, txt in paras:
                p = c.paragraphs[0] if first else c.add_paragraph()
                first = False
                run = p.add_run(txt)
                run.bold = kind == "title"

    row("职位名称", "电商客服")
    row("所属部门", "电商事业部")
    row("汇报对象", "客服组长")
    row("下属人数", "无")
    row("职位目的", "本岗位说明书旨在详细描述电商客服的核心职责、任职要求及工作目标,为企业招聘、培训及绩效考核提供依据。")
    paras = []
    for i, (ttl, duty) in enumerate(S.W2_ITEMS, 1):
        paras.append(("title", f"{i}. {ttl}"))
        paras.append(("duty", duty))
    row("工作职责", paras=paras)
    row("工作时间", "早班 8:30-17:30 / 晚班 14:30-23:30,轮班")
    row("任职要求", "另见招聘简章")
    row("考核指标", "首次响应时间、询单转化率、客户满意度、差评处理及时率")
    r = t.add_row()
    for c, txt in zip(r.cells, ("编制人:王婷　　审核人:李志强", "批准人:陈立新　　日期:2025年5月20日"), strict=False):
        cell_text(c, txt)
    for r in t.rows:
        r.cells[0].width = Cm(3.2)
        r.cells[1].width = Cm(12.8)
    d.add_paragraph("")
    d.add_paragraph("任职者签字:____________　　日期:____________")
    save_docx(d, path)


# ---------- w3: 序号|职责描述|考核标准|权重 ----------
def build_w3(path: Path) -> None:
    d = new_doc(f"{S.SHORT} 绩效管理文件", "第 ")
    title(d, "电商运营专员岗位职责及考核标准")
    d.add_paragraph("所属部门:电商事业部　　直接上级:电商运营主管　　岗位编号:HF-DS-YY-02")
    d.add_paragraph("一、岗位职责与考核").runs[0].bold = True
    t = d.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ("序号", "职责描述", "考核标准", "权重"), strict=False):
        cell_text(c, h, bold=True)
        shade(c)
    for i, (_cat, duty, std, w) in enumerate(S.W3_DUTIES, 1):
        r = t.add_row()
        for c, v in zip(r.cells, (str(i), duty, std, w), strict=False):
            cell_text(c, v)
    r = t.add_row()
    m = r.cells[0].merge(r.cells[2])
    cell_text(m, "合计", bold=True)
    cell_text(r.cells[3], "100%")
    d.add_paragraph("")
    d.add_paragraph("二、任职资格").runs[0].bold = True
    for i, (cat, q) in enumerate(S.W3_QUALS, 1):
        d.add_paragraph(f"({i}){cat}:{q}")
    d.add_paragraph("三、说明").runs[0].bold = True
    d.add_paragraph("1. 考核周期为月度,得分与当月绩效工资挂钩。")
    d.add_paragraph("2. 本表由人力资源部负责解释。")
    d.add_paragraph("被考核人签字:________　　考核人签字:________")
    save_docx(d, path)


# ---------- w4: xlsx 岗位职责表 ----------
def build_w4(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "岗位职责表"
    thin = Side(style="thin")
    b = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.merge_cells("A1:G1")
    ws["A1"] = f"{S.COMPANY}便利店门店岗位职责表"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"] = "编制部门:人力资源部"
    ws["E2"] = "更新日期:2025-06-01"
    heads = ["序号", "所属部门", "岗位名称", "直接上级", "岗位职责", "定员", "备注"]
    for i, h in enumerate(heads, 1):
        c = ws.cell(row=3, column=i, value=h)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
        c.border = b
        c.alignment = Alignment(horizontal="center", vertical="center")
    row = 4
    for i, (name, dept, sup, duty, n) in enumerate(S.W4_POSTS, 1):
        vals = [i, dept, name, sup, duty, n, "24小时轮班" if name in ("夜班人员",) else None]
        for col, v in enumerate(vals, 1):
            c = ws.cell(row=row, column=col, value=v)
            c.border = b
            c.alignment = Alignment(vertical="center", wrap_text=True)
        row += 1
    # merge contiguous equal departments
    start = 4
    for r in range(5, row + 1):
        if r == row or ws.cell(row=r, column=2).value != ws.cell(row=start, column=2).value:
            if r - 1 > start:
                ws.merge_cells(start_row=start, start_column=2, end_row=r - 1, end_column=2)
            start = r
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
    ws.cell(row=row, column=1, value="说明:配送员仅在开通外送服务的门店设置;兼职人员不在本表内。")
    for col, w in zip("ABCDEFG", (6, 12, 12, 12, 60, 6, 12), strict=False):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws2 = wb.create_sheet("修订记录")
    for r in (
        ("版本", "日期", "修订内容", "修订人"),
        ("A/0", "2024-03-01", "首次发布", "人力资源部"),
        ("A/1", "2025-06-01", "增加配送员岗位", "人力资源部"),
    ):
        ws2.append(r)
    wb.properties.creator = "人力资源部"
    wb.properties.created = FIXED.replace(tzinfo=None)
    wb.properties.modified = FIXED.replace(tzinfo=None)
    wb.save(str(path))
    normalise_zip(path)


# ---------- w5: handbook ----------
def build_w5(path: Path) -> None:
    d = new_doc(f"{S.SHORT} 管理人员岗位职责汇编", "第 ")
    for _ in range(6):
        d.add_paragraph("")
    title(d, S.COMPANY, 18)
    title(d, "管理人员岗位职责汇编", 22)
    d.add_paragraph("")
    p = d.add_paragraph("编制部门:人力资源部\n版本:2025版\n发布日期:2025年6月1日")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_page_break()
    d.add_paragraph("修订记录").runs[0].bold = True
    t = d.add_table(rows=3, cols=4)
    t.style = "Table Grid"
    for r, vals in zip(
        t.rows,
        [
            ("版本", "日期", "修订内容", "修订人"),
            ("2024版", "2024-01-10", "首次编制", "人力资源部"),
            ("2025版", "2025-06-01", "增加区域运营主管", "人力资源部"),
        ], strict=False,
    ):
        for c, v in zip(r.cells, vals, strict=False):
            cell_text(c, v)
    d.add_page_break()
    d.add_heading("一、总则", level=1)
    d.add_paragraph("为明确各管理岗位的职责分工,特编制本汇编。本汇编适用于公司总部及各门店管理人员。")
    d.add_heading("二、高层管理团队", level=1)
    posts = S.W5_POSTS
    for i, (name, dept, sup, para) in enumerate(posts[:2], 1):
        d.add_heading(f"{i}. {name}", level=2)
        d.add_paragraph(f"所属部门:{dept}　　直接上级:{sup}")
        d.add_paragraph(para)
    d.add_heading("三、中层管理部门(运营部)", level=1)
    for i, (name, dept, sup, para) in enumerate(posts[2:], 1):
        d.add_heading(f"{i}. {name}", level=2)
        d.add_paragraph(f"所属部门:{dept}　　直接上级:{sup}")
        d.add_paragraph(para)
    d.add_heading("四、附则", level=1)
    d.add_paragraph("本汇编由人力资源部负责解释,自发布之日起施行。")
    d.add_paragraph("编制:人力资源部　　审核:副总经理　　批准:总经理")
    save_docx(d, path)


# ---------- w6: txt (GBK, CRLF) ----------
def build_w6(path: Path) -> None:
    lines = ["超市理货员的岗位职责是什么", "2025-06-18  来源:网络", "", S.W6_INTRO, ""]
    for p in S.W6_DUTIES:
        lines += [p, ""]
    lines += [S.W6_OUTRO, "", "(复制自网页,供门店培训参考)"]
    path.write_bytes("\r\n".join(lines).encode("gbk") + b"\r\n")


# ---------- w7: md ----------
def build_w7(path: Path) -> None:
    out = [
        "# 会员运营岗位内容怎么写",
        "",
        "> 转载 | 2025-06 | 用于会员中心岗位设置参考",
        "",
        S.W7_LEAD,
        "",
        "## 一、会员招募",
        "",
        S.W7_S1,
        "",
        "有效的会员招募策略还应包括:",
        "",
    ]
    out += [f"- {b}" for b in S.W7_S1_BULLETS]
    out += ["", "## 二、会员管理", "", S.W7_S2, "", "具体措施包括:", ""]
    out += [f"- {b}" for b in S.W7_S2_BULLETS]
    out += ["", "---", "", "原文地址:https://vientianeark.cn/p/574203 (后文“积分体系”以下未保存)", ""]
    path.write_text("\n".join(out), encoding="utf-8")


FILES = {
    "w1": "店經理岗位说明书.pdf",
    "w2": "电商客服岗位说明书.docx",
    "w3": "电商运营专员岗位职责及考核标准.docx",
    "w4": "便利店门店岗位职责表.xlsx",
    "w5": "管理人员岗位职责汇编.docx",
    "w6": "超市理货员岗位职责.txt",
    "w7": "会员运营岗位内容.md",
}


def gold() -> dict:
    docs = [
        {
            "file": FILES["w1"],
            "source": "w1",
            "layout": "pdf-from-word",
            "posts": [
                {
                    "name": "店經理",
                    "department": "營運部",
                    "reports_to": "地區營運總監",
                    "duties": S.W1_DUTIES_A + S.W1_DUTIES_B,
                    "qualifications": [],
                }
            ],
        },
        {
            "file": FILES["w2"],
            "source": "w2",
            "layout": "word-table",
            "posts": [
                {
                    "name": "电商客服",
                    "department": "电商事业部",
                    "reports_to": "客服组长",
                    "duties": [d for _t, d in S.W2_ITEMS],
                    "qualifications": [],
                }
            ],
        },
        {
            "file": FILES["w3"],
            "source": "w3",
            "layout": "word-duty-table",
            "posts": [
                {
                    "name": "电商运营专员",
                    "department": "电商事业部",
                    "reports_to": "电商运营主管",
                    "duties": [d for _c, d, _s, _w in S.W3_DUTIES],
                    "qualifications": [f"{c}:{q}" for c, q in S.W3_QUALS],
                }
            ],
        },
        {
            "file": FILES["w4"],
            "source": "w4",
            "layout": "xlsx-merged",
            "posts": [
                {"name": n, "department": dep, "reports_to": sup, "duties": [duty], "qualifications": []}
                for n, dep, sup, duty, _k in S.W4_POSTS
            ],
        },
        {
            "file": FILES["w5"],
            "source": "w5",
            "layout": "word-handbook",
            "posts": [
                {"name": n, "department": dep, "reports_to": sup, "duties": [para], "qualifications": []}
                for n, dep, sup, para in S.W5_POSTS
            ],
        },
        {
            "file": FILES["w6"],
            "source": "w6",
            "layout": "txt-web-copy",
            "posts": [{"name": "超市理货员", "department": None, "reports_to": None, "duties": list(S.W6_DUTIES), "qualifications": []}],
        },
        {
            "file": FILES["w7"],
            "source": "w7",
            "layout": "markdown-web-copy",
            "posts": [
                {
                    "name": "会员运营",
                    "department": None,
                    "reports_to": None,
                    "duties": S.W7_S1_BULLETS + S.W7_S2_BULLETS,
                    "qualifications": [],
                }
            ],
        },
    ]
    return {"sources": [{"id": i, "url": u, "note": n} for i, u, n in S.SOURCES], "documents": docs}


HEAD = """# Gold for tests/data/jobdocs/heldout13: what a perfect importer returns for each document.
# Written by make/build.py from make/sources.py; do not edit by hand.
# duties and qualifications: in order, list numbering removed, whitespace trimmed; department and
# reports_to as written in the document, or null where it gives none.
"""


def text_of(path: Path) -> str:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/") and n.endswith(".xml"))
        paras = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S)
        return "\n".join("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in paras)
    if path.suffix == ".xlsx":
        wb = load_workbook(path)
        return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    if path.suffix == ".txt":
        return path.read_bytes().decode("gbk")
    return path.read_text(encoding="utf-8")


def check(g: dict) -> tuple[int, int]:
    posts = duties = 0
    for doc in g["documents"]:
        raw = text_of(OUT / doc["file"])
        flat = re.sub(r"\s+", "", raw)
        flat = re.sub(r"-\d+-|第\d+页", "", flat) if doc["file"].endswith(".pdf") else flat
        for p in doc["posts"]:
            posts += 1
            for field in [p["name"], p["department"], p["reports_to"]] + p["duties"] + p["qualifications"]:
                if field is None:
                    continue
                assert re.sub(r"\s+", "", field) in flat, (doc["file"], field)
            for s in p["duties"] + p["qualifications"]:
                assert not re.match(r"^\s*(\d+[.、)]|[-•·]|\(\d+\)|（\d+）)", s), s
            duties += len(p["duties"])
    return posts, duties


def main() -> None:
    build_w2(OUT / FILES["w2"])
    build_w3(OUT / FILES["w3"])
    build_w4(OUT / FILES["w4"])
    build_w5(OUT / FILES["w5"])
    build_w6(OUT / FILES["w6"])
    build_w7(OUT / FILES["w7"])
    if "--pdf" in sys.argv or not (OUT / FILES["w1"]).exists():
        build_w1_pdf(OUT / FILES["w1"])
    g = gold()
    (OUT / "gold.yaml").write_text(HEAD + yaml.safe_dump(g, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    posts, duties = check(g)
    print(f"ok: {len(g['documents'])} documents, {posts} posts, {duties} duties")


if __name__ == "__main__":
    main()
