"""Page noise: what a document carries that no post states, and how a reader knows it by its words alone. A page
number or footer (第 3 页 共 8 页, - 2 -), a web page's date and source line, a note that a copied page was cut
((以下略), 未完待续), a closing line after a list (以上职责…, 注：…), a pointer to another document (详见《…》), a form's
cell left to be filled in (待定, 暂无), a table's totals row (合计).

Apart from parse.py's walk: these read one line's text; the walk decides what ends where. pdf.py drops page numbers by
:func:`is_page_number` before the walk sees the lines.
"""

from __future__ import annotations

import re

__all__ = ["CLOSING", "CUT_NOTE", "PLACEHOLDER", "REFERENCE", "TOTAL", "is_dateline", "is_page_number"]

CLOSING = re.compile(r"^[（(]?(?:本(?:岗位|职位)?(?:说明书|说明|职责|规定|制度)|以上|上述|注\s*[:：]|备注"
                     r"|总之|综上|总而言之|总的来说|由此可见)")
"""A closing line after a list (本说明书由人力资源部负责解释, 以上职责…, 注：…, or in brackets: (以上内容摘自网络…)), or a
page's conclusion (总之, 综上…): the list has ended."""
_DATELINE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}日?)?")
_BYLINE = re.compile(r"来源|作者|编辑|转载|发布|阅读|浏览|出处|保存自|另存|摘自|转自|网页")


CUT_NOTE = re.compile(r"^(?:…+|\.{3,})?[（(][^（）()。]{0,16}(?:未完|待续|不全|未完整|原稿缺|原文缺|未显示"
                      r"|(?<=[下后])略)[^（）()。]{0,6}[）)]$"
                      r"|^(?:内容)?(?:未完待续|未完|待续)[。.…]*$")
"""A note that a copied page was cut ((复制自网页,内容未完), 未完待续, (以下原稿缺), (以下略), (网页复制,以下内容未显示)): in
brackets, or the words alone (not a duty that says what to do when work is unfinished, 工作未完成时及时上报)."""


def is_dateline(text: str) -> bool:
    """A web page's date and source line (2025-06-18  来源:网络, 发布时间:2024-05-12 作者:…): short, a date and a word
    of publishing; it says where the page came from, never what a post does."""
    t = text.strip()
    return len(t) <= 40 and bool(_DATELINE.search(t)) and bool(_BYLINE.search(t)) and not re.search(r"[。；;！!]", t)


REFERENCE = re.compile(r"^(?:详见|参见|参照|见附件|见附表|具体见|具体详见|另见|请见|请参见|参阅|请参阅|见《"
                       r"|(?:按照?|依据|依照|参照)[^《》，,；;。]{0,12}《[^》]{1,30}》(?:[（(][^（）()]{1,20}[）)])?(?:的?(?:规定|要求))?"
                       r"(?:执行|为准|办理)"
                       r"|(?:按照?|依据|依照|参照)(?:本?公司|集团|总部|人力资源部|人事部|相关|有关)[^《》，,；;。]{0,16}?"
                       r"(?:标准|规定|制度|办法|规范)(?:的?(?:规定|要求))?(?:执行|为准|办理)(?:[（(][^（）()]{1,30}[）)])?[。.]?$"
                       r"|[^，,；;。！!？?]{1,24}?(?:详见|参见|参照|见)《[^》]{1,30}》(?:[（(][^（）()]{1,12}[）)])?[。.]?$)")
"""详见《会员中心人员任职资格标准》, 学历及工作经验要求见《招聘需求表》(2025版)。, 见《门店管理人员任职资格标准》,本说明书
不再列出。, 按人力资源部《电商部人员任职资格标准》执行。 (the issuer between 按 and the title), 按公司任职资格标准执行。 (the
issuer's standard, no title; 按公司母婴门店店长任职资格标准执行(见《…》第三章)。, with where it is): a pointer to
another document, not a duty or a qualification itself."""
PLACEHOLDER = re.compile(r"^[（(]?(?:[^（）()，,。；;]{0,12}?(?:待|暂未|尚未|另行)[^（）()，,。；;]{0,8}?"
                         r"(?:补充|确定|填写|完善|制定|提供|补齐)|暂无|暂缺|待定|略|无)[）)]?[。.]?$")
"""A form's cell left to be filled in ((待人力资源部补充), 待定, 暂无, 略): what the form will say, not what it says."""


_PAGE = re.compile(r"^(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|[-—\s]*\d+\s*[-—\s]*|\d+\s*/\s*\d+"
                   r"|page\s*\d+(?:\s*of\s*\d+)?)$", re.I)


def is_page_number(text: str) -> bool:
    """A line that only numbers its page (第 3 页 共 8 页, - 2 -, 3/8, Page 3 of 8): a PDF repeats it on every page,
    between the lines of a duty it would cut."""
    return bool(_PAGE.match(text.strip()))


TOTAL = re.compile(r"^(?:.{0,8})(?:合计|小计|总计|共计)$")
"""A table's totals row (合计, 权重小计): it sums the rows above it, it is no duty."""
