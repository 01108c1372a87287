"""Text normalisation used to compare encoded Chinese text with its source document.

The source files are text extracted from PDFs and web pages: lines are broken mid-sentence,
half-width and full-width punctuation are mixed and Markdown emphasis is sprinkled in. The data
keeps the wording verbatim but may normalise exactly those things, so comparisons normalise both
sides the same way and nothing more.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

__all__ = ["found_in", "normalise", "to_simplified"]

_DROP = re.compile(r"[\s*#`>\u3000\u00a0]+")
# Punctuation pairs that the extraction mixes; after NFKC only these remain to be unified.
_PUNCT = str.maketrans({"。": ".", "、": ",", "“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "－": "-", "～": "~"})


def normalise(text: str) -> str:
    """Fold width, drop whitespace and Markdown, unify punctuation.

    >>> normalise("负责会员常态运营，拉新；\\n 留存。") == normalise("负责会员常态运营,拉新;留存.")
    True
    """
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_PUNCT)
    return _DROP.sub("", text)


def found_in(needle: str, haystack_normalised: str) -> bool:
    """True when ``needle`` (without trailing punctuation) occurs in an already normalised text."""
    n = normalise(needle).rstrip(",.;:!?")
    return bool(n) and n in haystack_normalised


def display_width(s: str) -> int:
    """Columns ``s`` takes in a terminal: East Asian wide and full-width characters take two,
    combining marks none (a Chinese label would otherwise overflow its column or wrap its line)."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def clip(s: str, width: int, mark: str = "…") -> str:
    """``s`` cut to ``width`` terminal columns, ``mark`` showing that it was cut."""
    if width <= 0 or display_width(s) <= width:
        return s
    out, w = [], 0
    for ch in s:
        cw = display_width(ch)
        if w + cw > width - display_width(mark):
            break
        out.append(ch)
        w += cw
    return "".join(out) + mark


@functools.cache
def _t2s() -> Any:
    import opencc  # pure-Python OpenCC tables: loaded only when a text holds Chinese

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional Chinese in Simplified script (OpenCC t2s), so that a client's Traditional text is read and
    matched as its Simplified form; a text without Chinese is returned as it is, no tables loaded."""
    if all(ord(c) < 0x3400 for c in text):
        return text
    return str(_t2s().convert(text))
