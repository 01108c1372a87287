"""A line classifier for job descriptions: is a line a duty, a qualification or neither?

The rules of ``parse.py`` read a document's structure (labels, numbering, headings, tables). Where the
structure says nothing, as in a web page pasted into Notepad (a title, a date and source line, a lead
paragraph, the duties as paragraphs, a closing paragraph, a note), a rule per wording never ends: each
new page words its lead and its closing its own way. A person tells them apart by what the line says
and where it stands, so this module does the same with a linear model over the features a reader
uses: the section label above the line (岗位职责, 任职资格, 说明, none), whether it is numbered and how,
its length and ending (a question, a colon, a full stop), whether it opens like a duty (负责, 协助 …) or
reads like a requirement (学历, 经验, 熟悉, 具备 …), how it opens (a lead: 那么, 随着 …; a closing: 总之, 以上 …; a
step of an enumeration: 首先, 其次 …), its place in
the document, and its characters (uni- and bigrams of its opening, bigrams of the whole).

The model is trained by ``bench/importing/train_lines.py`` on the gold of the corpus and the held-out
sets before the newest (the script names which), and shipped as plain JSON weights (``lines.json``):
loading it runs no code and needs no scikit-learn. ``parse.py`` asks it only where its rules are
unsure (see :func:`retailkg.design.documents.parse.parse_blocks`).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from retailkg.text.normalise import to_simplified

__all__ = ["CLASSES", "LineContext", "LineModel", "features", "load_model"]

CLASSES = ("duty", "qualification", "other")
MODEL_FILE = Path(__file__).with_name("lines.json")

_DUTY_VERB = re.compile(r"^(?:负责|协助|参与|完成|制定|执行|组织|做好|配合|根据|按照|确保|保证|定期|及时|对|督促|监督|落实|处理|"
                        r"审核|审批|编制|建立|维护|跟进|跟踪|收集|整理|开展|指导|统筹|管理|主持|策划|推动|监控|检查|核对|"
                        r"带领|协调|分析|规划|接待|解答|办理|安排|提供|控制|制订|贯彻|宣传|培训|招聘|计划)")
_QUAL_WORD = re.compile(r"学历|大专|本科|中专|高中|以上学历|专业|经验|年以上|熟悉|熟练|具备|具有|掌握|了解|能力|优先|证书|"
                        r"性别|年龄|身体健康|吃苦耐劳|责任心|善于|良好的|较强的|沟通能力|亲和力|形象")
_LEAD = re.compile(r"^(?:那么|而在|在当今|在日常|在现代|随着|如今|众所周知|作为)")
_CLOSE = re.compile(r"^(?:总之|综上|总而言之|总的来说|因此|由此可见|本(?:说明书|汇编|手册|表|文|制度)|以上|注|备注|说明|附)")
_ENUM = re.compile(r"^(?:首先|其次|再者|此外|除此之外|另外|最后|同时|第[一二三四五六七八九十]|一方面|另一方面)")
_META = re.compile(r"\d{4}\s*[-年/.]\s*\d{1,2}|来源|转载|原文|https?://|www\.|发布时间|发布日期|作者|阅读|浏览|编辑")
_NUMBERED = re.compile(r"^\s*(?:[（(]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]|\d{1,3}(?:[.．]\d{1,3})*\s*[.．、)）]"
                       r"|[①-⑳⑴-⒇]|[一二三四五六七八九十]{1,3}\s*[、.．]|[a-zA-Z][)）.、]|[•·●○■□◆◇▪►▶✓√★☆▲△◎❖➢➤✔\-*+]\s?)")


@dataclass(frozen=True)
class LineContext:
    """Where a line stands: the section label above it (a kind of :data:`labels.LABELS`, or "none"), the lines
    since that label, its heading level, whether Word numbered it, whether it is in a table, and its place in
    the document (0 at the top, 1 at the end)."""

    section: str = "none"
    since_label: int = 0
    heading: int = 0
    numbered: bool = False
    in_table: bool = False
    position: float = 0.0
    previous_colon: bool = False  # the line before it ends in a colon (具体措施包括:)
    listed: bool = False  # its section holds numbered or bulleted lines: an unnumbered line there is rarely an item


@functools.lru_cache(maxsize=8192)
def _simplified(text: str) -> str:
    out = to_simplified(text)
    return out if len(out) == len(text) else text


def _bucket(n: float, edges: Sequence[float]) -> int:
    return sum(n > e for e in edges)


def features(text: str, ctx: LineContext) -> dict[str, float]:
    """The line's features by name (what the model's weights are keyed by)."""
    t = _simplified(text.strip())
    m = _NUMBERED.match(t)
    body = t[m.end():].strip() if m else t
    f: dict[str, float] = {"bias": 1.0, f"sec={ctx.section}": 1.0, f"since={_bucket(ctx.since_label, (0, 1, 4, 12))}": 1.0,
                           f"len={_bucket(len(body), (6, 12, 20, 40, 80, 160))}": 1.0, f"pos={_bucket(ctx.position, (0.1, 0.5, 0.9))}": 1.0}
    if ctx.heading:
        f["heading"] = 1.0
    if ctx.numbered or m:
        f["numbered"] = 1.0
        f[f"mark={(m.group(0).strip()[:1] if m else 'w')}"] = 1.0
    if ctx.in_table:
        f["table"] = 1.0
    if ctx.previous_colon:
        f["after_colon"] = 1.0
    if ctx.listed and not (ctx.numbered or m):
        f["unnumbered_in_list"] = 1.0
    end = body[-1:] if body else ""
    ending = "stop" if end in "。；;！!" else "q" if end in "?？" else "colon" if end in ":：" else "comma" if end in "，,、" else "none"
    f["end=" + ending] = 1.0
    if _DUTY_VERB.match(body):
        f["duty_verb"] = 1.0
    f[f"qual={min(len(_QUAL_WORD.findall(body)), 3)}"] = 1.0
    for name, pattern in (("lead", _LEAD), ("close", _CLOSE), ("enum", _ENUM)):
        if pattern.match(body) or pattern.match(body.lstrip("(（")):
            f["opener=" + name] = 1.0
    if re.search(r"[?？]", body):
        f["question"] = 1.0
    if _META.search(body):
        f["meta"] = 1.0
    if body.startswith(("(", "（")) and body.endswith((")", "）")):
        f["bracketed"] = 1.0
    if re.search(r"[:：]", body[:12]):
        f["colon_head"] = 1.0
    sentences = len([s for s in re.split(r"[。！!？?]", body) if s.strip()])
    f[f"sentences={min(sentences, 4)}"] = 1.0
    for k in range(min(len(body), 4)):
        f["p1:" + body[k]] = 1.0 / (k + 1)
    for k in range(min(len(body) - 1, 4)):
        f["p2:" + body[k:k + 2]] = 1.0
    for k in range(len(body) - 1):
        f["b:" + body[k:k + 2]] = 1.0 / math.sqrt(max(len(body) - 1, 1))
    return f


class LineModel:
    """A multinomial logistic model over :func:`features`, from its JSON weights."""

    def __init__(self, data: dict[str, object]) -> None:
        classes, weights, intercept = data["classes"], data["weights"], data["intercept"]
        if not isinstance(classes, list) or not isinstance(weights, dict) or not isinstance(intercept, list):
            raise ValueError("lines.json: classes and intercept must be lists and weights a mapping")
        self.classes: list[str] = [str(c) for c in classes]
        self.weights: dict[str, list[float]] = {str(k): [float(x) for x in v] for k, v in weights.items()}
        self.intercept = [float(x) for x in intercept]
        trained_on = data.get("trained_on", [])
        self.trained_on: list[str] = [str(x) for x in trained_on] if isinstance(trained_on, list) else []

    def probabilities(self, text: str, ctx: LineContext) -> dict[str, float]:
        scores = list(self.intercept)
        for name, value in features(text, ctx).items():
            w = self.weights.get(name)
            if w is not None:
                for i, x in enumerate(w):
                    scores[i] += x * value
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}

    def kind(self, text: str, ctx: LineContext) -> tuple[str, float]:
        """The most likely class and its probability."""
        p = self.probabilities(text, ctx)
        best = max(p, key=lambda c: p[c])
        return best, p[best]


@functools.cache
def load_model(path: Path = MODEL_FILE) -> LineModel | None:
    """The shipped model; None when there is none (the rules then decide alone)."""
    try:
        return LineModel(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None

