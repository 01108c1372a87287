"""A post's one paragraph that says what the post is, what it does and what it needs, in that order, as a web article
presenting posts one heading each writes it:

    ## 服务员
    服务员是餐厅中最常见的职位之一。他们负责接待顾客、引导顾客就座…。服务员需要具备良好的沟通能力…。

A consultant reads three things there: a sentence saying what the post is (no duty), the post's work (its duty) and
what the post needs (a requirement of the person). Apart from parse.py's walk: it reads one paragraph's sentences, not
the lines as they come. A paragraph with no closing sentence on what the post needs is not so written and stays one
duty, whole; so does a sentence that says what the post is and, after a comma, what it does (厨师是…之一,他们制作…。).
"""

from __future__ import annotations

import re

__all__ = ["is_does_needs"]

_SENTENCE = re.compile(r"(?<=[。！!？?])")
_PRONOUN = r"他们|他們|她们|她們|该岗位|該崗位|此岗位|本岗位|该职位|本职位|其"
_NEEDS = r"(?:通常|一般|还|還|也|同时|同時|则|則)?(?:需要|需|应该|應該|应|應|要|必须|必須)(?:具备|具備|具有|拥有|擁有|掌握)"


def _sentences(text: str) -> list[str]:
    return [t for t in (x.strip() for x in _SENTENCE.split(text)) if t]


def is_does_needs(name: str, text: str) -> tuple[list[str], str, list[str]] | None:
    """``text``, a paragraph under the post ``name``, as (what the post is, what it does, what it needs): the sentences
    saying what the post is (only a first sentence ``name`` 是 … with no comma), the rest joined as written (its one
    duty), and the closing sentences that open with the post's name or a pronoun and say it needs (需要具备 …). None when
    the paragraph closes with no such sentence, or says nothing else."""
    sentences = _sentences(text)
    subject = f"(?:{re.escape(name)}|{_PRONOUN})"
    needs: list[str] = []
    while len(sentences) > len(needs) and re.match(rf"^{subject}{_NEEDS}", sentences[len(sentences) - 1 - len(needs)]):
        needs.insert(0, sentences[len(sentences) - 1 - len(needs)])
    rest = sentences[: len(sentences) - len(needs)]
    if not needs or not rest:
        return None
    what = rest[:1] if len(rest) > 1 and re.fullmatch(rf"{re.escape(name)}是[^，,；;：:]*[。.]", rest[0]) else []
    return what, "".join(rest[len(what):]), needs
