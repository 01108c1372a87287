#!/usr/bin/env python3
"""Write docs/api-reference.txt: the Python API reference, built by Sphinx autodoc from the docstrings
(docs/api/), so the reference never drifts from the code.

    python tools/api_docs.py            # rewrite docs/api-reference.txt
    python tools/api_docs.py --check    # exit 1 if it is stale (tests/test_api_docs.py does this)

The build is strict (``-n -W``): a reference to a method, function or attribute that does not exist
fails it. Sphinx's text builder gives plain text that reads on any screen and compares exactly.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "docs" / "api"
DOC = ROOT / "docs" / "api-reference.txt"


class BuildFailed(Exception):
    """Sphinx reported a warning or an error; its output says which."""


def build(source: Path = SOURCE) -> str:
    """The reference as Sphinx writes it from ``source`` (conf.py and index.rst), built afresh."""
    with tempfile.TemporaryDirectory(prefix="retailkg-api-docs-") as tmp:
        out = Path(tmp) / "text"
        cmd = [sys.executable, "-m", "sphinx", "-b", "text", "-n", "-W", "-q", "-E", "-d", str(Path(tmp) / "doctrees"),
               str(source), str(out)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise BuildFailed((done.stderr or done.stdout).strip())
        return (out / "index.txt").read_text(encoding="utf-8")


def main() -> int:
    try:
        text = build()
    except BuildFailed as e:
        print(f"the API reference does not build:\n{e}", file=sys.stderr)
        return 1
    if "--check" in sys.argv[1:]:
        if not DOC.is_file() or DOC.read_text(encoding="utf-8") != text:
            print(f"{DOC} is stale: run python tools/api_docs.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
