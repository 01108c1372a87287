"""The registry of report formats, which the CLI reads its choices from.

Every renderer reads only the typed :class:`~retailkg.validation.findings.Report`, so the formats
cannot disagree; adding one is a module with a ``render_<name>(report, lang) -> str`` and one entry
in :data:`FORMATS` (and :data:`EXTENSIONS` for its file suffix): `retailkg validate --format`
accepts it with no change to the CLI.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from retailkg.report.html import render_html
from retailkg.report.json import iter_json, render_json
from retailkg.report.markdown import render_markdown
from retailkg.report.raci import render_raci_tsv
from retailkg.report.tsv import render_tsv
from retailkg.report.turtle import render_turtle
from retailkg.report.xlsx import render_xlsx
from retailkg.text.runtime import paused_gc
from retailkg.validation.findings import Report

FORMATS: dict[str, Callable[[Report, str], str | bytes]] = {
    "md": render_markdown,
    "html": render_html,
    "json": render_json,
    "ttl": render_turtle,
    "tsv": render_tsv,
    "xlsx": render_xlsx,
    "raci-tsv": render_raci_tsv,  # the RACI matrix (权责矩阵), functions × posts
}
EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json", ".ttl": "ttl", ".tsv": "tsv",
              ".xlsx": "xlsx", ".raci-tsv": "raci-tsv"}
BINARY = frozenset({"xlsx"})
"""Formats that are bytes, not text: written to a file (``-o``), never to a terminal."""


@paused_gc()
def render(report: Report, fmt: str = "md", lang: str = "zh", *, expand_units: bool = False) -> str | bytes:
    """Render ``report`` as ``fmt`` (md, html, json, ttl, tsv: text; xlsx: bytes) in ``lang`` (zh or en);
    ``expand_units``: JSON lists a finding repeated in many stores once per store instead of once with its units."""
    if fmt == "json" and expand_units:
        return render_json(report, lang, expand_units=True)
    return FORMATS[fmt](report, lang)


def render_pieces(report: Report, fmt: str = "md", lang: str = "zh", *, expand_units: bool = False) -> Iterator[str | bytes]:
    """:func:`render` in pieces: JSON a finding at a time, so a chain's report is written as it is made."""
    with paused_gc():  # inside the generator: a decorator's pause would end before the first piece
        if fmt == "json":
            yield from iter_json(report, lang, expand_units)
        else:
            yield FORMATS[fmt](report, lang)
