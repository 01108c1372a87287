"""The one reader interface: a path in, an :class:`~retailkg.design.model.OrgDesign` out.

:func:`read_design` picks the form from what the path is (a folder of CSV files, an Excel
workbook in retailkg's template, a client's job descriptions: Word, PDF, text, a free-form
workbook or a folder of them, else YAML); each form lives in its own module, so adding one
touches this dispatch and nothing downstream.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path

from retailkg.design.documents import ImportResult, import_documents, is_document
from retailkg.design.documents.xlsx import is_template
from retailkg.design.fields import decode_text
from retailkg.design.model import OrgDesign
from retailkg.design.tables import design_from_tables, read_csv_folder, read_workbook
from retailkg.design.yaml_reader import parse_yaml
from retailkg.errors import InputError
from retailkg.text.runtime import paused_gc

_ON_IMPORT: ContextVar[Callable[[ImportResult], None] | None] = ContextVar("retailkg_on_import", default=None)


@contextlib.contextmanager
def on_import(report: Callable[[ImportResult], None]) -> Iterator[None]:
    """Within the block, every import of job descriptions by :func:`read_design` is handed to ``report``
    (``validate`` and ``org rdf`` print its summary line, so unplaced lines are never dropped silently)."""
    token = _ON_IMPORT.set(report)
    try:
        yield
    finally:
        _ON_IMPORT.reset(token)


def _imported(path: Path) -> OrgDesign:
    result = import_documents([path])
    report = _ON_IMPORT.get()
    if report is not None:
        report(result)
    return result.to_design(path)


@paused_gc()
def read_design(path: Path) -> OrgDesign:
    """Read a design from YAML, a folder of CSV files, an Excel workbook, or job descriptions (by what ``path`` is).

    Job descriptions (.docx, .pdf, .txt, .md, .doc, a workbook that is not retailkg's template, or a
    folder of them with no CSV file) are imported in memory (:mod:`retailkg.design.documents`).
    """
    if path.is_dir():
        has_csv = any(p.suffix.lower() == ".csv" for p in path.iterdir())
        if not has_csv and any(is_document(p) for p in path.rglob("*") if p.is_file()):
            design = _imported(path)
        else:
            design = design_from_tables(read_csv_folder(path), path)
    elif not path.exists():
        raise InputError("file not found", file=str(path))
    else:
        raw = path.read_bytes()
        suffix = path.suffix.lower()
        if suffix in (".docx", ".pdf", ".txt", ".md", ".doc") or (suffix in (".xlsx", ".xlsm") and not is_template(path, raw)):
            design = _imported(path)
        elif suffix in (".xlsx", ".xlsm") or raw[:4] == b"PK\x03\x04":
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


