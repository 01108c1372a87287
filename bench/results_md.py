"""bench/RESULTS.md is shared by every benchmark: each one replaces only its own ``## name`` section."""

from __future__ import annotations

from pathlib import Path


def replace_section(text: str, section: str, heading: str) -> str:
    """``text`` with its ``heading`` section (up to the next level-2 heading) replaced, or appended."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, x in enumerate(lines) if x.startswith(heading) and (len(x) == len(heading) or x[len(heading)] in " :\n")), None)
    block = section if section.endswith("\n") else section + "\n"
    if start is None:
        return text.rstrip("\n") + "\n\n" + block if text.strip() else block
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    tail = "".join(lines[end:])
    return "".join(lines[:start]) + block + ("\n" + tail if tail else "")


def write_section(path: Path, section: str, heading: str) -> None:
    """Replace (or append) ``heading``'s section of the Markdown file at ``path``, keeping the others."""
    old = path.read_text(encoding="utf-8") if path.is_file() else "# Benchmark results\n"
    path.write_text(replace_section(old, section.rstrip("\n") + "\n", heading), encoding="utf-8")
