"""A client's job descriptions (岗位说明书) as they come: Word, PDF, Excel and text into a design.

One module per form says what is on the page (``docx.py``, ``pdf.py``, ``xlsx.py``, ``text.py``);
``parse.py`` reads posts out of it whatever the layout; this module puts the files together:
the same post stated by two files (a Word file and its PDF) is read once, and stated differently
is an error; each post gets a stable id; a superior is resolved to an imported post by title; and
the result is written as the design YAML users know (:meth:`ImportResult.to_yaml`) or handed to
validation in memory (:meth:`ImportResult.to_design`). Everything read keeps where it came from,
and whatever could not be placed is in :attr:`ImportResult.unplaced`, never dropped.

Usage::

    result = import_documents([Path("岗位说明书/")])
    for post in result.posts:
        print(post.id, post.name, post.reports_to, len(post.duties))
    text = result.to_yaml(matcher_for(knowledge_base()))
"""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from retailkg.design.documents.blocks import Block, Table
from retailkg.design.documents.drafts import DraftPost, Unplaced
from retailkg.design.documents.parse import parse_blocks
from retailkg.design.documents.result import UNASSIGNED, ImportedDuty, ImportedPost, ImportResult, slug
from retailkg.design.model import Where
from retailkg.errors import InputError
from retailkg.text import progress

__all__ = [
    "DOCUMENT_SUFFIXES",
    "ImportResult",
    "ImportedDuty",
    "ImportedPost",
    "Unplaced",
    "document_files",
    "import_documents",
    "is_document",
    "read_blocks",
]

DOCUMENT_SUFFIXES = (".docx", ".pdf", ".xlsx", ".xlsm", ".txt", ".md", ".doc")
"""What ``org import`` reads (a folder: every such file in it, recursively)."""

# ---------------------------------------------------------------------------------------------- files


def is_document(path: Path) -> bool:
    name = path.name
    return path.suffix.lower() in DOCUMENT_SUFFIXES and not name.startswith(("~$", ".", "._"))


def document_files(paths: Sequence[Path]) -> list[tuple[Path, bool]]:
    """Every document to read, in a stable order: (file, found in a folder)."""
    out: list[tuple[Path, bool]] = []
    for path in paths:
        if path.is_dir():
            found = sorted((p for p in path.rglob("*") if p.is_file() and is_document(p)), key=lambda p: p.as_posix())
            if not found:
                raise InputError(f"no document in this folder ({', '.join(DOCUMENT_SUFFIXES)})", file=str(path))
            out += [(p, True) for p in found]
        elif not path.exists():
            raise InputError("file not found", file=str(path))
        elif path.suffix.lower() not in DOCUMENT_SUFFIXES:
            raise InputError(f"not a document retailkg imports (it reads {', '.join(DOCUMENT_SUFFIXES)})", file=str(path))
        else:
            out.append((path, False))
    return list(dict.fromkeys(out))


def _convert_doc(path: Path) -> list[Block]:
    """A legacy .doc through LibreOffice (``soffice --headless --convert-to docx``) into a temporary folder."""
    from retailkg.design.documents.docx import read_docx

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise InputError("legacy Word .doc: install LibreOffice (soffice) to convert it on import, or open it in Word and "
                         "save it as .docx (文件 → 另存为 → Word 文档)", file=str(path))
    with tempfile.TemporaryDirectory(prefix="retailkg-doc-") as tmp:
        try:
            subprocess.run([soffice, "--headless", "--convert-to", "docx", "--outdir", tmp, str(path)],
                           check=True, capture_output=True, timeout=120)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
            raise InputError(f"LibreOffice could not convert this .doc ({e.__class__.__name__})", file=str(path)) from None
        converted = Path(tmp) / (path.stem + ".docx")
        if not converted.exists():
            raise InputError("LibreOffice could not convert this .doc (no .docx written)", file=str(path))
        blocks = read_docx(converted)
    file = str(path)
    return [_rehome(b, file) for b in blocks]


def _rehome(block: Block, file: str) -> Block:
    """A block read from a converted copy, cited as the original file."""
    if isinstance(block, Table):
        for row in block.rows:
            for c in row:
                c.where = Where(file, c.where.line)
                c.lines = [type(ln)(ln.text, Where(file, ln.where.line), ln.numbered, ln.soft, ln.heading) for ln in c.lines]
        block.where = Where(file, block.where.line)
        return block
    return type(block)(block.text, Where(file, block.where.line), block.numbered, block.soft, block.heading)


def read_blocks(path: Path) -> list[Block]:
    """What is on the pages of one document, by its form."""
    from retailkg.design.documents.docx import read_docx
    from retailkg.design.documents.pdf import read_pdf
    from retailkg.design.documents.text import read_text
    from retailkg.design.documents.xlsx import read_xlsx

    suffix = path.suffix.lower()
    try:
        if path.stat().st_size == 0:
            raise InputError("empty file", file=str(path))
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", file=str(path)) from None
    readers: dict[str, Callable[[Path], list[Block]]] = {
        ".docx": read_docx, ".pdf": read_pdf, ".xlsx": read_xlsx, ".xlsm": read_xlsx, ".txt": read_text, ".md": read_text,
        ".doc": _convert_doc,
    }
    return readers[suffix](path)


# ---------------------------------------------------------------------------------------------- posts

_TITLE_NOISE = re.compile(r"(?:岗位说明书|职位说明书|岗位职责说明书|职务说明书|工作说明书|岗位职责|说明书)")


_ADVERT_NOISE = re.compile(r"(?:招聘|招募)(?:信息|资讯|資訊|启事|啟事|简章|簡章)$")
"""What a file saved from a job advert adds after the post (理货员招聘信息, 倉儲人員招募資訊): the kind of page, not the post."""


def _name_from_file(path: Path) -> str:
    name = _TITLE_NOISE.sub("", _ADVERT_NOISE.sub("", path.stem))
    name = re.sub(r"^[\d\s._\-—–()（）]+", "", name)
    return name.strip(" _-—–.") or path.stem


def _read_file(path: Path) -> tuple[list[DraftPost], list[Unplaced]]:
    blocks = read_blocks(path)
    if not any((b.rows and any(c.text for r in b.rows for c in r)) if isinstance(b, Table) else b.text.strip() for b in blocks):
        raise InputError("empty document: no text in it", file=str(path))
    drafts, unplaced = parse_blocks(str(path), blocks)
    unnamed = [d for d in drafts if d.name is None]
    if len(drafts) == 1 and unnamed:
        unnamed[0].name = _name_from_file(path)
        unnamed[0].name_from = "file"
    else:
        for d in unnamed:
            unplaced += [Unplaced(i.text, i.where, "in a post with no name") for i in d.duties]
        drafts = [d for d in drafts if d.name is not None]
    if not drafts:
        raise InputError("no post recognised: no 岗位名称 label, no 岗位职责 section and no post heading", file=str(path))
    return drafts, unplaced


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def _same(a: DraftPost, b: DraftPost) -> bool:
    return ([_norm(d.text) for d in a.duties] == [_norm(d.text) for d in b.duties]
            and _norm(a.reports_to.text if a.reports_to else None) == _norm(b.reports_to.text if b.reports_to else None)
            and (a.headcount == b.headcount or a.headcount is None or b.headcount is None))


def _roster_and_section(a: DraftPost, b: DraftPost) -> DraftPost | None:
    """One post of a file stated twice, once with no duty or requirement (a row of a staffing table,
    岗位 | 定员 | 直接上级) and once with them (the post's own section), when nothing the two state
    contradicts: the one post both describe, its duties from the section, else None.

    A handbook lists its posts in a staffing table before giving each its section; refusing the file
    as stating a post twice would lose every post of it."""
    if bool(a.duties or a.qualifications) == bool(b.duties or b.qualifications):
        return None
    roster, section = (a, b) if b.duties or b.qualifications else (b, a)
    up, down = (_norm(p.reports_to.text) if p.reports_to else None for p in (roster, section))
    if up is not None and down is not None and up != down:
        return None
    if roster.headcount is not None and section.headcount is not None and roster.headcount != section.headcount:
        return None
    return replace(section, reports_to=section.reports_to or roster.reports_to,
                   headcount=section.headcount if section.headcount is not None else roster.headcount)


def _differs(a: DraftPost, b: DraftPost) -> str:
    if [_norm(d.text) for d in a.duties] != [_norm(d.text) for d in b.duties]:
        return "different duties"
    if _norm(a.reports_to.text if a.reports_to else None) != _norm(b.reports_to.text if b.reports_to else None):
        return "a different superior"
    return "a different headcount"


def _superior(text: str, post: ImportedPost, posts: list[ImportedPost]) -> tuple[str, bool] | None:
    """The imported post ``text`` names and whether by its exact title: the exact title, else the closest
    title only when it is unique and one title contains the other (门店店长 → 店长; never 总经理 → 店经理);
    else None."""
    others = [p for p in posts if p is not post]
    parts = [text, *(s for s in re.split(r"[/／、,，;；]|或|及", text) if s.strip() and s != text)]
    for part in parts:
        want = re.sub(r"\s+", "", part).removesuffix("岗位").removesuffix("岗")
        if not want:
            continue
        exact = [p for p in others if p.name == want or f"{p.department or ''}{p.name}" == want]
        if len(exact) > 1:
            exact = [p for p in exact if p.department == post.department] or exact
        if len(exact) == 1:
            return exact[0].id, True
        if exact:
            continue
        scored = []
        for p in others:
            if len(p.name) < 2 or not (p.name in want or want in p.name):
                continue
            s = max(difflib.SequenceMatcher(None, want, p.name).ratio(),
                    difflib.SequenceMatcher(None, want, f"{p.department or ''}{p.name}").ratio())
            scored.append((s, p))
        scored.sort(key=lambda sp: -sp[0])
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            return scored[0][1].id, False
    return None


def _cycles(post: ImportedPost, by_id: dict[str, ImportedPost]) -> bool:
    """Whether following the superiors from ``post`` comes back to it."""
    seen: set[str] = set()
    cur = post.reports_to
    while cur is not None and cur not in seen:
        if cur == post.id:
            return True
        seen.add(cur)
        nxt = by_id.get(cur)
        cur = nxt.reports_to if nxt is not None else None
    return False


def import_documents(paths: Sequence[Path], *, skip_unreadable: bool = False) -> ImportResult:
    """Read job-description documents (files and folders, recursively) into posts.

    An unreadable file raises :class:`InputError` naming it; with ``skip_unreadable``, files found
    in a folder that cannot be read are listed in :attr:`ImportResult.unreadable` instead (a file
    named on its own is always read or refused).
    """
    files = document_files(paths)
    drafts: list[tuple[DraftPost, Path]] = []
    unplaced: list[Unplaced] = []
    unreadable: list[InputError] = []
    read: list[Path] = []
    with progress.task("reading documents", total=len(files)) as bar:
        for path, in_folder in files:
            try:
                found, left = _read_file(path)
            except InputError as e:
                if not (skip_unreadable and in_folder):
                    raise
                unreadable.append(e)
                bar.advance()
                continue
            read.append(path)
            drafts += [(d, path) for d in found]
            unplaced += left
            bar.advance()
    # the same post stated twice (a Word file and its PDF): read once; stated differently: refused
    kept: dict[tuple[str | None, str], tuple[DraftPost, Path]] = {}
    for d, path in drafts:
        assert d.name is not None
        key = (d.department, d.name)
        first = kept.get(key)
        if first is None:
            kept[key] = (d, path)
        elif first[1] == path and (merged := _roster_and_section(first[0], d)) is not None:
            kept[key] = (merged, path)
        elif not _same(first[0], d):
            where = "the same file" if first[1] == path else str(first[1])
            raise InputError(f"post {d.name!r} is defined differently ({_differs(first[0], d)}) here and in {where}",
                             file=str(path), field=d.name)
    names: dict[str, int] = {}
    for d, _ in kept.values():
        assert d.name is not None
        names[d.name] = names.get(d.name, 0) + 1
    used: set[str] = set()
    posts: list[ImportedPost] = []
    for d, _ in kept.values():
        assert d.name is not None
        base = slug(d.name if names[d.name] == 1 or not d.department else f"{d.department}-{d.name}")
        ident, k = base, 2
        while ident in used:
            ident, k = f"{base}-{k}", k + 1
        used.add(ident)
        posts.append(ImportedPost(ident, d.name, d.department, d.reports_to.text if d.reports_to else None, None, d.headcount,
                                  [ImportedDuty(i.text, i.where) for i in d.duties], [i.text for i in d.qualifications], d.where))
        if d.department is None:
            unplaced.append(Unplaced(d.name, d.where, f"no department given: listed under {UNASSIGNED}"))
    guessed: list[ImportedPost] = []  # linked by a closest title, not the exact one
    for p in posts:
        if p.reports_to_text:
            link = _superior(p.reports_to_text, p, posts)
            if link is not None:
                p.reports_to = link[0]
                if not link[1]:
                    guessed.append(p)
    by_id = {p.id: p for p in posts}
    for p in guessed:  # a guess never makes a reporting cycle: the text is kept and reported instead
        if _cycles(p, by_id):
            p.reports_to = None
    for p, (d, _) in zip(posts, kept.values(), strict=True):
        if p.reports_to_text and p.reports_to is None and d.reports_to is not None:
            unplaced.append(Unplaced(p.reports_to_text, d.reports_to.where,
                                     f"the superior of {p.name} names no imported post: kept as text"))
    return ImportResult(posts, unplaced, read, unreadable)

