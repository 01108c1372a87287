"""Field readers: one place for what a value of a design may be.

YAML and the tables (CSV, Excel) hand the same raw values to these functions, so a headcount of 0
or an unknown role is refused with the same one-line message whatever form the design came in.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from retailkg.design.model import DutySpec, Where
from retailkg.errors import InputError

ID_PATTERN = re.compile(r"^[\w][\w.\-]*$")
_ID = ID_PATTERN
_KINDS = {"department": "department", "store": "store", "region": "region",
          "部门": "department", "门店": "store", "店": "store", "区域": "region", "大区": "region"}
_ROLES = {"lead": "lead", "support": "support", "主责": "lead", "负责": "lead", "协助": "support", "配合": "support"}
_LIST_SPLIT = re.compile(r"[;；,，、\n]+")
# ---------------------------------------------------------------------------------------------
# Field readers: one place for what a value may be
# ---------------------------------------------------------------------------------------------


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text_field(value: Any, where: Where, fld: str, required: bool = False) -> str | None:
    if type(value) is str:  # nearly every value: a chain's design has a million of them
        s = value.strip()
        if s:
            return s
        value = None
    if is_blank(value):
        if required:
            raise where.error(f"missing {fld}", fld)
        return None
    if isinstance(value, (dict, list)):
        raise where.error(f"{fld} must be text, got a {'mapping' if isinstance(value, dict) else 'list'}", fld)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def ident_field(value: Any, where: Where, fld: str, required: bool = True) -> str | None:
    s = text_field(value, where, fld, required)
    if s is not None and not _ID.match(s):
        raise where.error(f"{fld} {s!r} is not an id (letters, digits, '-', '_' and '.', no spaces or '/')", fld)
    return s


def headcount_field(value: Any, where: Where) -> int | None:
    if is_blank(value):
        return None
    n: int | None = None
    if isinstance(value, bool):
        n = None
    elif isinstance(value, int):
        n = value
    elif (isinstance(value, float) and value.is_integer()) or (isinstance(value, str) and re.fullmatch(r"\s*\d+\s*", value)):
        n = int(value)
    if n is None or n < 1:
        raise where.error(f"headcount must be a positive whole number, got {value!r}", "headcount")
    return n


def kind_field(value: Any, where: Where) -> str:
    s = text_field(value, where, "kind")
    if s is None:
        return "department"
    k = _KINDS.get(s.lower())
    if k is None:
        raise where.error(f"kind must be department, store or region, got {s!r}", "kind")
    return k


def role_field(value: Any, where: Where) -> tuple[str, bool]:
    s = text_field(value, where, "role")
    if s is None:
        return "lead", False
    r = _ROLES.get(s.lower())
    if r is None:
        raise where.error(f"role must be lead or support, got {s!r}", "role")
    return r, True


def names_field(value: Any, where: Where, fld: str) -> list[str]:
    """A list of names: a YAML list, or one cell separated by ; ， 、 or new lines."""
    if is_blank(value):
        return []
    if isinstance(value, list):
        out = []
        for v in value:
            s = text_field(v, where, fld)
            if s:
                out.append(s)
        return out
    if isinstance(value, dict):
        raise where.error(f"{fld} must be a list, got a mapping", fld)
    return [s.strip() for s in _LIST_SPLIT.split(str(value)) if s.strip()]


def functions_field(value: Any, where: Where, role: str) -> list[tuple[str, str]]:
    """``functions:`` of a free-text duty: a list (all with the duty's role) or {lead: [...], support: [...]}."""
    if isinstance(value, dict):
        out: list[tuple[str, str]] = []
        for key, names in value.items():
            r = _ROLES.get(str(key).lower())
            if r is None:
                raise where.error(f"functions keys must be lead or support, got {key!r}", "functions")
            out += [(n, r) for n in names_field(names, where, "functions")]
        return out
    out = []
    for n in names_field(value, where, "functions"):
        if ":" in n and n.split(":", 1)[0].lower() in _ROLES:  # "support:product-selection" in a cell
            r, name = n.split(":", 1)
            out.append((name.strip(), _ROLES[r.lower()]))
        else:
            out.append((n, role))
    return out


def duty_field(raw: dict[str, Any], where: Where) -> DutySpec:
    standard = text_field(raw.get("standard"), where, "standard")
    text = text_field(raw.get("text"), where, "text")
    if (standard is None) == (text is None):
        raise where.error("a duty has either standard (a clause, e.g. 'T/CCAGM 003-2021 4.1.1 a') or text, not both or neither",
                          "standard" if standard else "text")
    role, given = role_field(raw.get("role"), where)
    functions = raw.get("functions")
    fns = functions_field(functions, where, role) if functions is not None else []
    if fns and standard is not None:
        raise where.error("functions can only be given for a free-text duty (a standard's duty has its own)", "functions")
    return DutySpec(where, standard, text, role, given, fns)


# ---------------------------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------------------------

def not_a_workbook(file: str, error: BaseException) -> InputError:
    """The one line for a file that does not open as an .xlsx workbook, saying what is wrong with it in
    the user's terms (the zip and XML libraries say it with a class name or an archive member's path)."""
    import zipfile
    import zlib

    if isinstance(error, zipfile.BadZipFile):
        why = "it is not a zip archive, as every .xlsx file is (another format renamed, or damaged)"
    elif isinstance(error, KeyError):
        why = "it is a zip archive without a workbook's parts ([Content_Types].xml, xl/workbook.xml): a zip of something else"
    elif isinstance(error, (zlib.error, EOFError)):
        why = "its archive is truncated or corrupt"
    elif isinstance(error, SyntaxError):  # an XML part that does not parse (ParseError is a SyntaxError)
        why = "a part of it is not well-formed XML (damaged, or written by a tool that broke it)"
    else:
        detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
        why = f"its parts cannot be read{': ' + detail[:120] if detail else ''}"
    return InputError(f"not an Excel workbook (.xlsx): {why}; open it in Excel or WPS and save it as .xlsx", file=file)


MAX_INPUT_BYTES = 50 * 1024 * 1024
"""The largest design file read (50 MB; a chain's design is about 10 MB of YAML): a bigger one is refused, not read
until memory runs out."""


def read_input(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a design file, or an InputError: a folder, a dangling link, a FIFO, a device or a socket is
    refused before reading (a FIFO would hang, ``/dev/zero`` never end), an unreadable file names why, and at most
    ``limit`` bytes are read."""
    file = str(path)
    try:
        # O_NONBLOCK: opening a FIFO with no writer returns at once instead of hanging; fstat then refuses it
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(f"dangling symbolic link (its target {os.readlink(path)!r} does not exist)", file=file) from None
        raise InputError("file not found", file=file) from None
    except IsADirectoryError:
        raise InputError("is a folder, expected a file", file=file) from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e.__class__.__name__}", file=file) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError("is a folder, expected a file", file=file)
        if not stat.S_ISREG(mode):
            kind = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) \
                else "a socket" if stat.S_ISSOCK(mode) else "not a regular file"
            raise InputError(f"{kind}, not a regular file: give a file", file=file)
        chunks: list[bytes] = []
        size = 0
        try:
            while size <= limit:
                chunk = os.read(fd, min(1 << 20, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except OSError as e:
            raise InputError(f"cannot read: {e.strerror or e.__class__.__name__}", file=file) from None
        if size > limit:
            raise InputError(f"too large: more than {limit // (1024 * 1024)} MB (the limit for a design file)", file=file)
        return b"".join(chunks)
    finally:
        os.close(fd)


def decode_text(raw: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 (a superset of GBK and GB2312) or Big5."""
    if not raw.strip():
        raise InputError("empty file", file=str(path))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(f"cannot decode UTF-16 text ({e.reason})", file=str(path)) from None
    if b"\x00" in raw[:8192]:
        raise InputError("binary file, expected text (UTF-8 or GB18030/GBK)", file=str(path))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        utf8_at = e.start
    try:
        gb = raw.decode("gb18030")
    except UnicodeDecodeError as e:
        # the encoding that read further is the one the file is mostly in: cite where it broke
        at = max(utf8_at, e.start)
        line = raw[:at].count(b"\n") + 1
        raise InputError("cannot decode: neither UTF-8 nor GB18030/GBK text", file=str(path), line=line) from None
    try:
        raw.decode("big5")
    except UnicodeDecodeError:
        return gb
    # Both read it: GB18030 reads nearly any bytes, so Big5 text (Taiwan, Hong Kong) would come out as
    # nonsense without a word said. charset-normalizer tells them apart by which reading is language.
    import charset_normalizer

    best = charset_normalizer.from_bytes(raw, cp_isolation=["gb18030", "big5"]).best()
    return raw.decode("big5") if best is not None and best.encoding == "big5" else gb


