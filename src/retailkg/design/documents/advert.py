"""A job advert copied from a recruitment site: the browser's page title names the post and then the site,

    门店营运实习生_壹打工网-让工作来找你

and a campus advert names the post with the class of graduates it hires (招聘岗位：2015届门店营运实习生). A reader takes
the post from both without what the site or the year adds: the site is where the page was, the year whom the post
is for. Apart from parse.py's walk: these read one line's text, and the predicate that tells a post's title is
parse.py's, passed in.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["post_of_page_title", "without_cohort"]

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


def without_cohort(name: str) -> str:
    """A post's name less the class of graduates before it (2015届门店营运实习生 → 门店营运实习生); as it is otherwise."""
    rest = _COHORT.sub("", name)
    return rest if len(rest) >= 2 else name
