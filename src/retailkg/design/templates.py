"""Blank design templates (YAML, CSV folder, Excel workbook) that `retailkg org template` writes.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from retailkg.design.tables import TABLES
from retailkg.errors import InputError

# ---------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------

YAML_TEMPLATE = """\
# retailkg organisation design. Validate with: retailkg validate THIS_FILE
# Ids: letters, digits, '-', '_' and '.'. Names in Chinese (name_en optional).
organisation:
  id: acme                          # becomes https://w3id.org/retailkg/org/acme/…
  name: 某百货股份有限公司
  baseline: T/CCAGM 003-2021        # optional, the default
  scope: []                         # optional: the taxonomy areas or functions this design covers (ids or labels);
                                    # none: the areas in which a post leads a duty
  exclude: []                       # areas or functions deliberately not set up (clause 5 动态设置): ids or labels
departments:
  - {id: planning, name: 企划部}                                   # kind: department (default)
  - {id: region-east, name: 华东大区, kind: region}
  - {id: store-001, name: 南京西路店, kind: store, parent: region-east}
posts:
  - id: marketing-planner
    name: 营销策划专员
    department: planning
    reports_to:                      # optional: the id of the direct superior's post
    headcount: 2                     # optional: a positive whole number
    duties:
      - standard: T/CCAGM 003-2021 4.1.1 a       # a standard's duty, by clause (or a whole post: 4.1.1)
      - text: 负责会员活动的策划与执行             # free text: matched to functions by similarity
        role: support                            # lead (default) or support
    accountable_for: [会员活跃度]                  # metrics by label or id; unknown ones become the organisation's own
"""


def write_template(fmt: str, out: Path | None) -> bytes | str | None:
    """An empty design with one example row: YAML text, a folder of CSV files, or an Excel workbook.

    YAML is returned (and written when ``out`` is given); CSV and Excel need ``out``.
    """
    from retailkg.rdf.io import atomic_write

    if fmt == "yaml":
        if out is not None:
            atomic_write(out, YAML_TEMPLATE)
        return YAML_TEMPLATE
    if out is None:
        raise InputError(f"--format {fmt} needs -o PATH (a {'folder' if fmt == 'csv' else 'file'})", field="-o")
    if fmt == "csv":
        if out.exists() and not out.is_dir():
            raise InputError("the CSV template is a folder of CSV files; this path is a file", file=str(out), field="-o")
        out.mkdir(parents=True, exist_ok=True)
        for t in TABLES:
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\r\n")
            w.writerow([*t.required, *t.optional])
            w.writerow(t.example)
            atomic_write(out / f"{t.name}.csv", "\ufeff" + buf.getvalue())  # BOM: Excel opens it as UTF-8
        return None
    if fmt == "xlsx":
        atomic_write(out, xlsx_bytes({t.name: [[*t.required, *t.optional], list(t.example)] for t in TABLES}))
        return None
    raise InputError(f"unknown template format {fmt!r}", field="--format")


def xlsx_bytes(sheets: dict[str, list[list[Any]]]) -> bytes:
    """A workbook with one sheet per table (header row bold, frozen) plus a README sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for col in ws.columns:
            width = max(len(str(c.value or "")) for c in col)
            ws.column_dimensions[col[0].column_letter].width = min(60, max(12, width * 2))
    readme = wb.create_sheet("README")
    for line in README_ROWS:
        readme.append([line])
    readme.column_dimensions["A"].width = 110
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


README_ROWS = [
    "retailkg 岗位设计模板 / organisation design template — validate with: retailkg validate THIS_FILE",
    "organisation: id, name, baseline (default T/CCAGM 003-2021), scope (范围: the areas or functions the design covers; "
    "empty: inferred from the duties), exclude (不设置: areas or functions deliberately not set up); ids or labels separated by ;",
    "departments: id, name, kind (department / store / region), parent (the id of the unit above)",
    "posts: id, name, department (a department id), reports_to (a post id), headcount (a positive whole number)",
    "duties: post, and either standard (e.g. T/CCAGM 003-2021 4.1.1 a) or text (free text, matched to functions); "
    "role: lead (default) or support; functions: optional function ids for a text duty",
    "metrics: post, metric (a label or id; metrics the standards lack become the organisation's own)",
]
