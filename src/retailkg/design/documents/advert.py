"""A job advert copied from a recruitment site: the browser's page title names the post and then the site,

    门店营运实习生_壹打工网-让工作来找你

an advert's own title names the employer and the unit that hires before the post, perhaps with an aside on the
opening after it,

    宜得利NITORI桃園物流部倉庫倉儲人員(物流部門限定職)

and a campus advert names the post with the class of graduates it hires (招聘岗位：2015届门店营运实习生). A reader takes
the post from both without what the site or the year adds: the site is where the page was, the year whom the post
is for. Apart from parse.py's walk: these read one line's text, and the predicate that tells a post's title is
parse.py's, passed in.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["post_of_ad_title", "post_of_page_title", "without_cohort"]

_PAGE_TITLE = re.compile(r"^(.{2,16}?)\s*(?:_|\s[|｜-]\s|[|｜])\s*(.{2,40})$")
"""A browser's page title: the page's own title, a separator a site puts there (_, |, a spaced -), then the rest."""
_SITE = re.compile(r"网|招聘|人才|求职|直聘|职位|\.(?:com|cn|net)\b|www\.", re.I)
"""What names a site in what follows a page title's separator (壹打工网, 前程无忧招聘, xx.com)."""
_COHORT = re.compile(r"^(?:19|20)\d{2}\s*届\s*(?=\S)")
"""A class of graduates before a post's name (2015届, 2025 届): whom a campus advert hires, not the post."""


def post_of_page_title(text: str, is_post_title: Callable[[str], bool]) -> str | None:
    """The post a page title names before the site it was on (门店营运实习生_壹打工网-让工作来找你 → 门店营运实习生),
    or None: the part before the separator must read as a post's title and the rest must name a site, so that a
    title whose parts are two posts (店长 | 店员) or a company and a post is read as before."""
    m = _PAGE_TITLE.match(text.strip())
    if m is None or not _SITE.search(m.group(2)):
        return None
    name = m.group(1).strip()
    return name if is_post_title(name) else None


_END_ASIDE = re.compile(r"\s*[（(][^（）()]{1,16}[）)]\s*$")
"""An aside on the opening after an advert title's post (物流部門限定職, 急招, 2人)."""
_EMPLOYER = re.compile(r"公司|集团|集團")
_UNIT = re.compile(r"部|中心|门市|門市|门店|門店|分店|商场|商場|超市|公司|集团|集團")
"""What ends the employer's or its unit's name before the post (物流部, 配送中心, 桃园门市): a post's title is none of them."""


def post_of_ad_title(text: str, is_post_title: Callable[[str], bool]) -> str | None:
    """The post an advert's title names after its employer and unit (宜得利NITORI桃園物流部倉庫倉儲人員(物流部門限定職) →
    倉庫倉儲人員), or None. The aside at the end is dropped; what follows the employer (the last 公司 / 集团) is the
    post when it reads as one whole (营运部主管), else what follows the first unit word (部, 中心, 门店 …) after which
    a post's title stands alone. A title with no employer or unit before a post is read as before."""
    t = _END_ASIDE.sub("", text.strip())
    if not 4 <= len(t) <= 40 or re.search(r"[，,。；;：:！!？?\s|｜_]", t):
        return None
    employer = list(_EMPLOYER.finditer(t))
    if employer:
        rest = t[employer[-1].end():]
        if len(rest) >= 2 and rest != t and is_post_title(rest):
            return rest
        t0 = employer[-1].end()
    else:
        t0 = 0
    for m in _UNIT.finditer(t, t0):
        rest = t[m.end():]
        if m.end() >= 2 and 2 <= len(rest) <= 12 and not _UNIT.search(rest) and is_post_title(rest):
            return rest
    return None


def without_cohort(name: str) -> str:
    """A post's name less the class of graduates before it (2015届门店营运实习生 → 门店营运实习生); as it is otherwise."""
    rest = _COHORT.sub("", name)
    return rest if len(rest) >= 2 else name
