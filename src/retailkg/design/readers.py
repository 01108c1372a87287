"""The one reader interface: a path in, an :class:`~retailkg.design.model.OrgDesign` out.

:func:`read_design` picks the form from what the path is (a folder of CSV files, an Excel
workbook, else YAML); each form lives in its own module, so adding one touches this dispatch and
nothing downstream.
"""

from __future__ import annotations

from pathlib import Path

from retailkg.design.fields import decode_text
from retailkg.design.model import OrgDesign
from retailkg.design.tables import design_from_tables, read_csv_folder, read_workbook
from retailkg.design.yaml_reader import parse_yaml
from retailkg.errors import InputError
from retailkg.text.runtime import paused_gc


@paused_gc()
def read_design(path: Path) -> OrgDesign:
    """Read a design from YAML, a folder of CSV files or an Excel workbook (by what ``path`` is)."""
    if path.is_dir():
        design = design_from_tables(read_csv_folder(path), path)
    elif not path.exists():
        raise InputError("file not found", file=str(path))
    else:
        raw = path.read_bytes()
        suffix = path.suffix.lower()
        if suffix in (".xlsx", ".xlsm") or raw[:4] == b"PK\x03\x04":
            design = design_from_tables(read_workbook(path, raw), path)
        elif suffix == ".csv":
            raise InputError("a CSV design is a folder of CSV files (organisation.csv, departments.csv, posts.csv, "
                             "duties.csv, metrics.csv): give the folder", file=str(path))
        elif suffix == ".xls":
            raise InputError("old Excel format (.xls): save the workbook as .xlsx", file=str(path))
        else:
            design = parse_yaml(decode_text(raw, path), path)
    design.check_references()
    return design


