#!/usr/bin/env python3
"""Vendor the browser libraries of ``retailkg serve``'s page into src/retailkg/query/static/.

The page must work with no internet and make no request beyond the server it came from, so the
libraries are copied into the package at pinned versions instead of loaded from a CDN. This tool
is how they got there and how to update them:

    python tools/vendor_web.py            # fetch the pinned versions with `npm pack`, rewrite the files
    python tools/vendor_web.py --check    # offline: every vendored file still has the sha256 its README records

To update, change a version in ``PACKAGES``, run the tool, read the diff of the README files, run
``python -m pytest tests/test_serve_browser.py`` and look at the screenshot. It needs ``npm`` (the
registry is used through its ordinary client); ``--check`` needs nothing.

What is taken: only the built files the page loads, each package's licence, and for YASGUI, whose
bundle contains its dependencies, their licences too (THIRD-PARTY-NOTICES.txt), found from the
bundle's source map and read from an ``npm install`` of the same version.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "src" / "retailkg" / "query" / "static"


@dataclass(frozen=True)
class Package:
    npm: str
    version: str
    folder: str
    files: dict[str, str]  # path in the npm tarball -> file name in the folder
    source: str  # the project's repository
    licence: str  # SPDX id as the package declares it
    licence_file: str | None  # path in the tarball; None: LICENSE_TEXT below is used
    why: str
    notices_from_bundle: str | None = None  # a source map whose node_modules packages are bundled in
    extra: dict[str, str] = field(default_factory=dict)


# The npm package @zazuko/yasgui ships no licence file; this is the LICENSE of its repository,
# github.com/rdfjs/Yasgui, verbatim (the same text as @triply/yasgui's LICENSE.txt; neither has a
# copyright line). packages/yasgui/package.json there says "license": "MIT", author Triply,
# contributor Zazuko GmbH.
YASGUI_LICENCE = """The MIT License (MIT)

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
"""

PACKAGES = [
    Package("@zazuko/yasgui", "4.6.2", "yasgui",
            {"package/build/yasgui.min.js": "yasgui.min.js", "package/build/yasgui.min.css": "yasgui.min.css"},
            "https://github.com/rdfjs/Yasgui", "MIT", None,
            "the query editor (YASQE) and results viewer (YASR); the community-maintained YASGUI that Apache Jena "
            "Fuseki's UI uses",
            notices_from_bundle="package/build/yasgui.min.js.map"),
    Package("jquery", "3.7.1", "jquery", {"package/dist/jquery.min.js": "jquery.min.js"},
            "https://github.com/jquery/jquery", "MIT", "package/LICENSE.txt", "what PivotTable.js is written against"),
    Package("jquery-ui", "1.14.2", "jquery-ui", {"package/dist/jquery-ui.min.js": "jquery-ui.min.js"},
            "https://github.com/jquery/jquery-ui", "MIT", "package/LICENSE.txt",
            "drag and drop of PivotTable.js's attribute lists (its sortable widget)"),
    Package("pivottable", "2.23.0", "pivottable",
            {"package/dist/pivot.min.js": "pivot.min.js", "package/dist/pivot.min.css": "pivot.min.css"},
            "https://github.com/nicolaskruchten/pivottable", "MIT", "package/LICENSE.md",
            "the Pivot view of the results (the pivot table YASR 2 offered; its table, bar and heatmap renderers)"),
]

_README_ROW = re.compile(r"^\| `([^`]+)` \| `([0-9a-f]{64})` \|$", re.M)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def npm(*args: str, cwd: Path) -> str:
    return subprocess.run(["npm", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def pack(pkg: Package, work: Path) -> tuple[Path, dict[str, str]]:
    """The package's tarball, unpacked, and what npm says of it (integrity)."""
    info = json.loads(npm("pack", f"{pkg.npm}@{pkg.version}", "--json", "--pack-destination", str(work), cwd=work))[0]
    out = work / pkg.folder
    with tarfile.open(work / info["filename"]) as tar:
        tar.extractall(out, filter="data")
    return out, {"integrity": info["integrity"], "tarball": info["filename"]}


def bundled_notices(pkg: Package, unpacked: Path, work: Path) -> str:
    """The licences of the packages a bundle contains: their names from its source map, texts from npm install."""
    sources = json.loads((unpacked / str(pkg.notices_from_bundle)).read_text(encoding="utf-8"))["sources"]
    names = sorted({m.group(1) for s in sources if (m := re.search(r"node_modules/((?:@[^/]+/)?[^/]+)", s))})
    inst = work / "install"
    inst.mkdir()
    npm("install", "--ignore-scripts", "--no-audit", "--no-fund", "--no-save", f"{pkg.npm}@{pkg.version}", cwd=inst)
    parts = [f"Third-party software bundled in {pkg.npm} {pkg.version} (build/yasgui.min.js, build/yasgui.min.css)\n"
             f"{'=' * 78}\n\nThe packages below are those the bundle's source map names under node_modules/; their\n"
             "licence texts come from an `npm install` of the same version (the versions shown are the ones that\n"
             "install resolved; the bundle may hold an earlier patch release of some).\n"]
    for name in names:
        root = inst / "node_modules" / name
        meta = json.loads((root / "package.json").read_text(encoding="utf-8"))
        lic = meta.get("license") or meta.get("licenses") or "licence not declared in package.json: see its text"
        texts = sorted(p for p in root.iterdir() if re.match(r"(?i)^(licen[cs]e|copying)", p.name))
        body = texts[0].read_text(encoding="utf-8", errors="replace").strip() if texts else f"(no licence file; package.json says {lic})"
        parts.append(f"\n{'-' * 78}\n{name} {meta.get('version')} — {lic}\n{meta.get('homepage') or ''}\n\n{body}\n")
    return "".join(parts)


def readme(pkg: Package, meta: dict[str, str], hashes: dict[str, str]) -> str:
    rows = "\n".join(f"| `{name}` | `{digest}` |" for name, digest in sorted(hashes.items()))
    origin = ("" if pkg.licence_file else
              "\n- the npm package ships no licence file: `LICENSE` is the one of the source repository, verbatim")
    if pkg.notices_from_bundle:
        origin += "\n- the bundle contains its dependencies: their licences are in `THIRD-PARTY-NOTICES.txt`"
    return f"""# {pkg.npm} {pkg.version} (vendored)

{pkg.why}.

- npm package: `{pkg.npm}@{pkg.version}` (tarball integrity `{meta['integrity']}`)
- source: {pkg.source}
- licence: {pkg.licence}, in the files beside this one{origin}

Copied unmodified from the npm tarball by `python tools/vendor_web.py`, which is also how to update
it (change the version there and run it). `python tools/vendor_web.py --check` and the test suite
check these digests:

| file | sha256 |
| --- | --- |
{rows}
"""


def vendor(work: Path) -> None:
    for pkg in PACKAGES:
        unpacked, meta = pack(pkg, work)
        dest = STATIC / pkg.folder
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        for src, name in pkg.files.items():
            shutil.copyfile(unpacked / src, dest / name)
        if pkg.licence_file:
            shutil.copyfile(unpacked / pkg.licence_file, dest / Path(pkg.licence_file).name)
        else:
            (dest / "LICENSE").write_text(YASGUI_LICENCE, encoding="utf-8")
        if pkg.notices_from_bundle:
            (dest / "THIRD-PARTY-NOTICES.txt").write_text(bundled_notices(pkg, unpacked, work), encoding="utf-8")
        hashes = {p.name: sha256(p) for p in sorted(dest.iterdir()) if p.name != "README.md"}
        (dest / "README.md").write_text(readme(pkg, meta, hashes), encoding="utf-8")
        print(f"{pkg.npm}@{pkg.version} -> {dest.relative_to(STATIC.parents[3])}: {', '.join(hashes)}")


def check() -> list[str]:
    """Every vendored file against its README's digest; an empty list when all agree."""
    problems = []
    for pkg in PACKAGES:
        dest = STATIC / pkg.folder
        text = (dest / "README.md").read_text(encoding="utf-8") if (dest / "README.md").is_file() else ""
        if f"{pkg.npm} {pkg.version}" not in text:
            problems.append(f"{dest}/README.md does not record {pkg.npm} {pkg.version}")
        recorded = dict(_README_ROW.findall(text))
        present = {p.name for p in dest.iterdir() if p.name != "README.md"} if dest.is_dir() else set()
        for name in sorted(present | set(recorded) | set(pkg.files.values())):
            path = dest / name
            if not path.is_file():
                problems.append(f"{path}: missing")
            elif name not in recorded:
                problems.append(f"{path}: not recorded in README.md")
            elif sha256(path) != recorded[name]:
                problems.append(f"{path}: sha256 differs from README.md (edited by hand?)")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="verify the vendored files offline")
    args = parser.parse_args()
    if args.check:
        problems = check()
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    with tempfile.TemporaryDirectory(prefix="retailkg-vendor-") as tmp:
        vendor(Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
