"""The malformed-input corpus: every case in tests/data/malformed/ behaves, run as a user runs it.

Each folder there is one case: the input files as a careless or hostile user would hand them over,
and ``case.yaml`` saying the command line, the exit code a user must get and the words the one
line on stderr must contain. Cases that cannot live in git (a FIFO, a link to /dev/zero, a damaged
workbook) are made by a ``setup`` step below. The command runs in a fresh process (the real
console script: real exit code, real stderr, a traceback would show) in a copy of the folder.

"Behaves" is the project's contract for bad input: exit 2, exactly one line on stderr naming what
was wrong, no traceback, nothing written, every input byte for byte as it was. For the valid but
odd inputs of the corpus (exit 0 or 1): the output written, nothing else changed, no traceback.

To add a case: a folder with its inputs and a case.yaml (see tests/data/malformed/README.md).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import query_support as qs
import yaml
from rdflib import Dataset

from retailkg.design.templates import xlsx_bytes

CORPUS = Path(__file__).parent / "data" / "malformed"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "case.yaml").is_file())
RETAILKG = [sys.executable, "-m", "retailkg"]

TEMPLATE_TABLES: dict[str, list[list[Any]]] = {
    "organisation": [["id", "name"], ["acme", "某百货"]],
    "departments": [["id", "name"], ["marketing", "营销部"], ["planning", "企划部"]],
    "posts": [["id", "name", "department"], ["planner", "营销策划专员", "marketing"]],
    "duties": [["post", "standard", "text"], ["planner", "", "负责会员活动的策划与执行"]],
}


def _rezip(raw: bytes, replace: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, replace.get(item.filename, src.read(item.filename)))
    return out.getvalue()


def _posts_part(raw: bytes) -> str:
    """The worksheet part that holds the posts table (the one whose cells say ``planner``)."""
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and b"planner" in z.read(name) and b"department" in z.read(name):
                return name
        strings = z.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in z.namelist() else b""
    raise AssertionError(f"no posts sheet found (shared strings: {len(strings)} bytes)")


def _setup(case_dir: Path, step: str) -> None:
    """Make what git cannot hold: links, FIFOs, workbooks damaged on purpose, re-encoded text."""
    op, *args = step.split()
    path = case_dir / args[0]
    path.parent.mkdir(parents=True, exist_ok=True)
    if op == "symlink":
        path.symlink_to(args[1])
    elif op == "hardlink":
        os.link(case_dir / args[1], path)
    elif op == "fifo":
        os.mkfifo(path)
    elif op == "template-xlsx":
        path.write_bytes(xlsx_bytes(TEMPLATE_TABLES))
    elif op == "template-xlsx-truncated":
        raw = xlsx_bytes(TEMPLATE_TABLES)
        part = _posts_part(raw)
        sheet = zipfile.ZipFile(io.BytesIO(raw)).read(part)
        path.write_bytes(_rezip(raw, {part: sheet[: len(sheet) // 2]}))
    elif op == "template-xlsx-stray-cell":
        raw = xlsx_bytes(TEMPLATE_TABLES)
        part = _posts_part(raw)
        sheet = zipfile.ZipFile(io.BytesIO(raw)).read(part)
        sheet = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', sheet)
        sheet = sheet.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is>'
                                               b"</c></row></sheetData>")
        path.write_bytes(_rezip(raw, {part: sheet}))
    elif op == "zip-junk":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("hello.txt", "junk")
            z.writestr("[Content_Types].xml", b"\x00\xff not xml")
        path.write_bytes(buf.getvalue())
    elif op == "design-nt":
        source = case_dir / "_design.yaml"
        source.write_text(yaml.safe_dump({
            "organisation": {"id": "acme", "name": "某百货"},
            "departments": [{"id": "marketing", "name": "营销部"}],
            "posts": [{"id": "planner", "name": "营销策划专员", "department": "marketing",
                       "duties": ["负责会员活动的策划与执行"]}],
        }, allow_unicode=True), encoding="utf-8")
        subprocess.run([*RETAILKG, "org", "rdf", str(source), "--format", "nt", "-o", str(path)], check=True,
                       capture_output=True, timeout=300)
        source.unlink()
    elif op == "gbk":
        path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    elif op == "bom":
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    else:
        raise AssertionError(f"unknown setup step {step!r}")


def _snapshot(root: Path) -> dict[str, str]:
    """Every entry under ``root`` with what it is: a link's target, a file's hash, a FIFO, a folder."""
    seen: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            rel = str(p.relative_to(root))
            if p.is_symlink():
                seen[rel] = "link -> " + os.readlink(p)
            elif p.is_fifo():
                seen[rel] = "fifo"
            elif p.is_dir():
                seen[rel] = "dir"
            else:
                seen[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return seen


def _spec(case: str) -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load((CORPUS / case / "case.yaml").read_text(encoding="utf-8"))
    return spec


def test_the_corpus_covers_every_bullet_of_the_issue_and_many_of_our_own() -> None:
    issues = [_spec(c)["issue"] for c in CASES]
    for bullet in ("the client's design is destroyed", "CSV data is dropped silently", "tracebacks with exit 1",
                   "names that crash a report"):
        assert bullet in issues, bullet
    assert len(CASES) >= 53


@pytest.fixture(scope="module")
def user_env(dataset: Dataset) -> dict[str, str]:
    """A user's environment whose graph is already built (a first run's progress line is not an error)."""
    qs.seeded_cache(dataset)
    return dict(os.environ, XDG_CACHE_HOME=str(qs.cache_root()))


@pytest.mark.parametrize("case", CASES)
def test_malformed_input_behaves(case: str, tmp_path: Path, user_env: dict[str, str]) -> None:
    spec = _spec(case)
    work = tmp_path / case
    shutil.copytree(CORPUS / case, work, symlinks=True)
    (work / "case.yaml").unlink()
    for step in spec.get("setup", []):
        _setup(work, step)
    before = _snapshot(work)
    done = subprocess.run([*RETAILKG, *spec["argv"]], cwd=work, capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL, env=user_env)
    stderr = done.stderr
    assert "Traceback" not in stderr, stderr
    assert done.returncode == spec["exit"], f"exit {done.returncode}, wanted {spec['exit']}: {stderr}"
    after = _snapshot(work)
    written = set(spec.get("written", []))
    if spec["exit"] == 2:
        lines = [line for line in stderr.splitlines() if line.strip()]
        assert len(lines) == 1, f"wanted one line on stderr, got {len(lines)}: {stderr}"
        for word in spec.get("says", []):
            assert word in lines[0], f"{word!r} not named in: {lines[0]}"
        assert not written
    else:
        for name in written:
            assert (work / name).is_dir() or (work / name).stat().st_size > 0, name
        for text in spec.get("finds", []):
            assert text in done.stdout, f"{text!r} not in the output"
    for name in written:
        after.pop(name, None)
    assert after == before, "the case's input changed or something else was written"
