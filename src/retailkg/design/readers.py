"""The one reader interface: a path in, an :class:`~retailkg.design.model.OrgDesign` out.

:func:`read_design` picks the form from what the path is (a folder of CSV files, an Excel
workbook in retailkg's template, a client's job descriptions: Word, PDF, text, a free-form
workbook or a folder of them, else YAML); each form lives in its own module, so adding one
touches this dispatch and nothing downstream.
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from retailkg.design.documents import ImportResult, import_documents, is_document
from retailkg.design.documents.xlsx import is_template, open_workbook, sheet_names
from retailkg.design.fields import decode_text, not_a_workbook, read_input
from retailkg.design.model import OrgDesign, Problems
from retailkg.design.review import apply_review, is_report_workbook
from retailkg.design.tables import design_from_tables, read_csv_folder, read_workbook, read_workbook_plain
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


def _opened(path: Path, raw: bytes) -> Any:
    """The workbook opened once for the readers below (each opening costs seconds on a chain's workbook), or
    None when it does not open: then each reader opens it as before and reports why, as before."""
    try:
        return open_workbook(path, raw)
    except Exception:  # whatever it is, the readers meet it again and say it as they always did
        return None


def _is_template(path: Path, raw: bytes, wb: Any = None) -> bool:
    try:
        return is_template(path, raw, wb)
    except (SyntaxError, TypeError, AttributeError, EOFError, zlib.error) as e:  # a zip whose parts are not a workbook
        raise not_a_workbook(str(path), e) from None


def _plain_workbook(path: Path, raw: bytes) -> OrgDesign | None:
    """A template workbook read the fast way (:func:`read_workbook_plain`), when that way can vouch for
    giving the same design and it has no problem at all; None sends the workbook the reference way,
    which also words every problem."""
    tables = read_workbook_plain(path, raw)
    if tables is None:
        return None
    problems = Problems()
    try:
        design = design_from_tables(tables, path, problems)
        design.check_references(problems)
    except InputError:
        return None
    return None if problems.errors else design


@paused_gc()
def read_design(path: Path) -> OrgDesign:
    """Read a design from YAML, a folder of CSV files, an Excel workbook, or job descriptions (by what ``path`` is).

    Job descriptions (.docx, .pdf, .txt, .md, .doc, a workbook that is not retailkg's template, or a
    folder of them with no CSV file) are imported in memory (:mod:`retailkg.design.documents`).
    """
    problems = Problems()  # up to MAX_ERRORS of the reading and the references, reported at once
    if path.is_dir():
        try:
            has_csv = any(p.suffix.lower() == ".csv" for p in path.iterdir())
            has_documents = not has_csv and any(is_document(p) for p in path.rglob("*") if p.is_file())
        except OSError as e:
            raise InputError(f"cannot read the folder: {e.strerror or e.__class__.__name__}", file=str(path)) from None
        design = _imported(path) if has_documents else design_from_tables(read_csv_folder(path, problems), path, problems)
    else:
        raw = read_input(path)  # a FIFO, a device, a dangling link or an oversized file is refused here
        suffix = path.suffix.lower()
        if suffix in (".xlsx", ".xlsm"):
            plain = _plain_workbook(path, raw)
            if plain is not None:
                return plain
        documents = suffix in (".docx", ".pdf", ".txt", ".md", ".doc")
        wb = _opened(path, raw) if suffix in (".xlsx", ".xlsm") or (raw[:4] == b"PK\x03\x04" and not documents) else None
        try:
            if documents or (suffix in (".xlsx", ".xlsm") and not _is_template(path, raw, wb)):
                if suffix in (".xlsx", ".xlsm") and is_report_workbook(sheet_names(path, raw, wb)):
                    raise InputError("a retailkg report workbook without the design's sheets (a report of RDF, an endpoint or "
                                     "the bundled documents): validate the design itself", file=str(path))
                design = _imported(path)
            elif suffix in (".xlsx", ".xlsm") or raw[:4] == b"PK\x03\x04":
                design = design_from_tables(read_workbook(path, raw, problems, wb), path, problems)
                apply_review(design, path, raw, problems, wb)  # a report workbook: the reviewer's corrections
            elif suffix == ".csv":
                raise InputError("a CSV design is a folder of CSV files (organisation.csv, departments.csv, posts.csv, "
                                 "duties.csv, metrics.csv): give the folder", file=str(path))
            elif suffix == ".xls":
                raise InputError("old Excel format (.xls): save the workbook as .xlsx", file=str(path))
            else:
                design = parse_yaml(decode_text(raw, path), path, problems)
        finally:
            if wb is not None:
                wb.close()
    design.check_references(problems)
    problems.raise_if_any()
    return design


_CLIENT_SUFFIXES = {".yaml": "a design (YAML)", ".yml": "a design (YAML)", ".csv": "a design table (CSV)",
                    ".docx": "a job description (Word)", ".doc": "a job description (Word)", ".pdf": "a job description (PDF)"}


def client_file(path: Path) -> str | None:
    """What an existing ``path`` holds when it is a client's work that no command may write over (a design:
    YAML, a CSV table or a folder of them, a workbook in the design template; a job description: Word or
    PDF), else None. A workbook that is not a design, or is one of retailkg's report workbooks, may be an
    earlier report and is not refused."""
    try:
        if path.is_dir():
            return "a design (a folder of CSV files)" if any(p.suffix.lower() == ".csv" for p in path.iterdir()) else None
        if not path.is_file():
            return None
        suffix = path.suffix.lower()
        if suffix in _CLIENT_SUFFIXES:
            return _CLIENT_SUFFIXES[suffix]
        if suffix in (".xlsx", ".xlsm"):
            raw = path.read_bytes()
            if raw[:4] != b"PK\x03\x04" or not is_template(path, raw):
                return None
            # a report workbook carries the design's sheets too: an earlier report, written again (the one with a
            # reviewer's answers is given as the input, and an input is never the output)
            return None if is_report_workbook(sheet_names(path, raw)) else "a design (an Excel workbook in the template)"
    except (OSError, SyntaxError, TypeError, AttributeError, EOFError, KeyError, ValueError, zlib.error):
        return None
    return None

