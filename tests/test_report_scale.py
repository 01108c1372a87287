"""Reports of a national chain: 5,000 stores repeat the same findings, and a person must still read them.

Markdown and HTML show a finding repeated in many stores (same ``Finding.pattern``) once, with the
count and the stores; HTML collapses long sections and groups the coverage matrix's columns. JSON
does too, with each store's own finding id, scope, focus and posts in the entry's ``units`` (or every
finding on its own with ``expand_units``); TSV and Turtle keep one row or node per finding. The reports here are built directly from
the typed model (no validation run), so each test states exactly what went in.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Namespace

from retailkg.report.common import HTML_PAGE, MAX_COLUMNS, MD_SCOPES, group_findings, matrix_columns
from retailkg.report.formats import render
from retailkg.validation.findings import CoverageMatrix, CoverageRow, Finding, Kind, OrgSummary, PostRef, Ref, Report, Severity

BASE = "https://w3id.org/retailkg/org/chain/"
FN = "https://w3id.org/retailkg/function/"
RKGSH = "https://w3id.org/retailkg/shapes#"
RKGV = Namespace("https://w3id.org/retailkg/validation#")
STORES = 5_000
ORG = Ref(BASE + "org", "org", "全国连锁", "national chain")


def store(i: int) -> Ref:
    return Ref(f"{BASE}dept/s{i:04d}", f"dept/s{i:04d}", f"门店{i:04d}", f"store {i:04d}")


def post(slot: str, zh: str, en: str, dept: Ref) -> PostRef:
    pid = f"post/{dept.id.removeprefix('dept/')}-{slot}"
    return PostRef(BASE + pid, pid, zh, en, department=dept)


def fn(name: str, zh: str) -> Ref:
    return Ref(FN + name, "fn:" + name, zh, name)


SALES = fn("sales-performance", "销售业绩管理")
TRAINING = fn("team-training", "团队培训")
PROMOTION = fn("promotion-planning", "促销策划")
HQ = Ref(BASE + "dept/marketing", "dept/marketing", "营销中心", "marketing centre")
PLANNER = post("planner", "营销策划专员", "marketing planner", HQ)


def finding(rule: str, kind: Kind, sev: Severity, msg: str, posts: list[PostRef], *, function: Ref | None = None,
            value: str = "", scope: Ref | None = None, pattern: str = "") -> Finding:
    return Finding(kind=kind, severity=sev, rule="rkgsh:" + rule, rule_iri=RKGSH + rule, message_zh=msg, message_en=msg,
                   organisation=ORG, focus=[p.iri for p in posts], posts=posts, function=function, value=value,
                   scope=scope, pattern=pattern)


def store_findings(s: Ref) -> list[Finding]:
    """What every store of the chain carries: the same three findings, each with a pattern."""
    manager = post("manager", "店长", "store manager", s)
    deputy = post("deputy", "副店长", "deputy store manager", s)
    trainee = post("trainee", "储备干部", "management trainee", s)
    return [
        finding("OverlapInSupervisionLine", Kind.OVERLAP, Severity.VIOLATION, "店长与副店长都主责销售业绩管理", [deputy, manager],
                function=SALES, value=SALES.iri, scope=s, pattern="line|sales-performance|店长/副店长"),
        finding("OverlapTeamFunction", Kind.OVERLAP, Severity.WARNING, "店长与副店长都组织团队培训", [deputy, manager],
                function=TRAINING, value=TRAINING.iri, scope=s, pattern="team|team-training|店长/副店长"),
        finding("GapPostWithoutDuty", Kind.GAP, Severity.WARNING, "储备干部没有职责", [trainee], scope=s,
                pattern="no-duty|储备干部"),
    ]


PATTERNS = ("line|sales-performance|店长/副店长", "team|team-training|店长/副店长", "no-duty|储备干部")


def unique_findings(extra: int) -> list[Finding]:
    """Findings that are not repeated: head office's own, and ``extra`` store-level ones without a pattern."""
    out = [
        finding("OverlapLeadFunction", Kind.OVERLAP, Severity.VIOLATION, "营销策划专员与门店0007商品主管都主责促销策划",
                [PLANNER, post("merchandiser", "商品主管", "merchandise supervisor", store(7))], function=PROMOTION, value=PROMOTION.iri),
        finding("GapBaselineFunction", Kind.GAP, Severity.WARNING, "没有岗位主责或协助对账", [], value=FN + "reconciliation"),
    ]
    out[1].focus = [ORG.iri]
    for k in range(extra):
        s = store(1 + k % STORES)
        out.append(finding("UnmappedDuty", Kind.UNMAPPED, Severity.INFO, f"职责未映射到职能：收银第{k}条",
                           [post("cashier", "收银员", "cashier", s)], value=f"{BASE}duty/cash-{k}", scope=s))
    return out


def coverage(stores: int) -> CoverageMatrix:
    """Head office's planner and three posts per store: every manager leads sales, one deputy (the last
    store's) does too, trainees do nothing; nobody covers reconciliation."""
    posts = [PLANNER]
    for i in range(1, stores + 1):
        s = store(i)
        posts += [post("manager", "店长", "store manager", s), post("deputy", "副店长", "deputy store manager", s),
                  post("trainee", "储备干部", "management trainee", s)]
    by_slot = {p.iri: p.id.rsplit("-", 1)[-1] for p in posts}
    last_deputy = posts[-2].iri

    def cells(fn_id: str) -> list[str]:
        row = []
        for p in posts:
            slot = by_slot[p.iri]
            if fn_id == "sales":
                row.append("lead" if slot == "manager" or p.iri == last_deputy else ("support" if slot == "deputy" else ""))
            elif fn_id == "promotion":
                row.append("lead" if p is PLANNER else "")
            else:
                row.append("")
        return row

    rows = [CoverageRow(SALES, "1.1", cells("sales")), CoverageRow(PROMOTION, "2.1", cells("promotion")),
            CoverageRow(fn("reconciliation", "对账"), "3.1", cells("reconciliation"))]
    return CoverageMatrix(ORG, Ref("https://w3id.org/retailkg/ccagm-003-2021", "ccagm-003-2021", "T/CCAGM 003-2021"), posts, rows)


@cache
def chain(stores: int = STORES, extra: int = 3) -> Report:
    """A chain of ``stores`` stores, each with the three patterned findings, plus head office's two
    findings and ``extra`` unique store-level ones, in the validator's order."""
    findings = [f for i in range(1, stores + 1) for f in store_findings(store(i))] + unique_findings(extra)
    findings.sort(key=Finding.sort_key)
    summary = OrgSummary(ORG, reference=False, posts=1 + 3 * stores, duties=4 * stores, baseline=None, baseline_functions=3,
                         covered_lead=2, covered_support_only=0, excluded=0)
    return Report(source="chain.yaml", baseline=None, organisations=[summary], findings=findings, coverage=[coverage(stores)],
                  shacl_conforms=False, generated_by="test")


class Cards(HTMLParser):
    """The finding cards of an HTML report, in page order: id, data attributes, the stores its
    ``ul.scopes`` lists, and whether it sits in a collapsed ``details.more`` block."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[dict[str, object]] = []
        self.ids: list[str] = []
        self.more = 0  # details.more blocks
        self._details: list[str] = []  # classes of the open <details>
        self._in_scopes = False
        self._in_li = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if tag == "details":
            self._details.append(" ".join(cls))
            self.more += "more" in cls
        elif tag == "div" and "finding" in cls:
            self.cards.append({"id": a["id"], "pattern": a.get("data-pattern"), "count": a.get("data-count"), "stores": [],
                               "collapsed": "more" in self._details})
        elif tag == "ul":
            self._in_scopes = "scopes" in cls
        self._in_li = tag == "li" and self._in_scopes

    def handle_endtag(self, tag: str) -> None:
        if tag == "details":
            self._details.pop()
        elif tag == "ul":
            self._in_scopes = False
        elif tag == "li":
            self._in_li = False

    def handle_data(self, data: str) -> None:
        if self._in_li:
            stores = self.cards[-1]["stores"]
            assert isinstance(stores, list)
            stores.append(data)


def cards(page: str) -> Cards:
    parser = Cards()
    parser.feed(page)
    return parser


# ------------------------------------------------------------------------------------------ grouping


def test_findings_with_one_pattern_form_one_group_where_the_first_stands() -> None:
    r = chain()
    groups = group_findings(r.findings)
    assert len(r.findings) == 3 * STORES + 5
    assert len(groups) == 3 + 5
    repeated = [g for g in groups if len(g) > 1]
    assert sorted(g[0].pattern for g in repeated) == sorted(PATTERNS)
    assert all(len(g) == STORES for g in repeated)
    firsts = [g[0] for g in groups]
    positions = [r.findings.index(f) for f in firsts]
    assert positions == sorted(positions), "a group stands where its first member stands"
    assert all(len({f.severity for f in g}) == 1 for g in groups)


def test_a_pattern_is_per_organisation_and_severity() -> None:
    a, b = store_findings(store(1))[0], store_findings(store(2))[0]
    b.organisation = Ref(BASE + "other", "other", "另一公司")
    assert [len(g) for g in group_findings([a, b])] == [1, 1]
    c = store_findings(store(3))[0]
    c.severity = Severity.WARNING
    assert [len(g) for g in group_findings([a, c])] == [1, 1]
    assert [len(g) for g in group_findings([a, store_findings(store(4))[0]])] == [2]


# ------------------------------------------------------------------------------------------ Markdown


def test_markdown_shows_each_pattern_once_with_its_count_and_first_stores() -> None:
    md = render(chain(), "md")
    headings = [line for line in md.splitlines() if re.match(r"\d+\. \*\*\[", line)]
    assert len(headings) == 3 + 5
    repeated = [h for h in headings if "× 5,000 个门店/区域" in h]
    assert len(repeated) == 3
    lists = [line for line in md.splitlines() if line.startswith("   - 门店/区域: ")]
    assert len(lists) == 3
    r = chain()
    repeated_groups = [g for g in group_findings(r.findings) if len(g) > 1]
    for line, g in zip(lists, repeated_groups, strict=True):
        listed = line.split(": ", 1)[1].split(" … ")[0].split("、")
        assert listed == [f"{m.scope.zh if m.scope else ''} `{m.id}`" for m in g[:MD_SCOPES]]
        assert [x.split(" `")[0] for x in listed] == [store(i).zh for i in range(1, MD_SCOPES + 1)]
        assert line.endswith(f"… 及另外 {STORES - MD_SCOPES:,} 个")
        assert all(m.id not in md for m in g[MD_SCOPES:]), "stores after the first few are counted, not listed"
    assert all(g[0].id in md for g in group_findings(r.findings))
    assert "结果 15,005 条，合并重复后 8 条（其中 3 条在多个门店/区域重复出现）" in md


def test_markdown_in_english_says_how_many_more() -> None:
    md = render(chain(), "md", "en")
    assert len(re.findall(r"Stores/regions: store 0001 `F[0-9a-f]{10}`, store 0002 `", md)) == 3
    assert md.count(f"… and {STORES - MD_SCOPES:,} more") == 3
    assert "15,005 findings, 8 distinct (3 repeated across stores/regions)" in md
    assert "#### warning (10,001; 3 distinct)" in md


def test_markdown_of_a_small_design_is_unchanged_by_grouping() -> None:
    small = chain(stores=1)
    md = render(small, "md")
    assert "×" not in md.split("## 覆盖矩阵")[0], "one store: nothing is repeated"
    for f in small.findings:
        assert f.id in md


# ------------------------------------------------------------------------------------------ HTML


def test_html_shows_each_pattern_once_and_lists_every_store() -> None:
    page = render(chain(), "html")
    c = cards(page)
    repeated = [card for card in c.cards if card["pattern"]]
    assert sorted(str(card["pattern"]) for card in repeated) == sorted(PATTERNS)
    assert all(card["count"] == str(STORES) for card in repeated)
    every_store = [store(i).zh for i in range(1, STORES + 1)]
    for card in repeated:
        assert card["stores"] == every_store
    assert len(c.cards) == 3 + 5
    assert page.count('<details class="scopes">') == 3


def test_html_keeps_every_finding_linkable_exactly_once() -> None:
    ids = cards(render(chain(), "html")).ids
    finding_ids = [i for i in ids if re.fullmatch(r"F[0-9a-f]{10}", i)]
    assert sorted(finding_ids) == sorted(f.id for f in chain().findings)


def test_html_cards_follow_the_report_order() -> None:
    r = chain()
    assert [card["id"] for card in cards(render(r, "html")).cards] == [g[0].id for g in group_findings(r.findings)]


def test_html_collapses_a_long_section() -> None:
    extra = 2 * HTML_PAGE + 50
    r = chain(stores=3, extra=extra)
    c = cards(render(r, "html"))
    total = 3 + 2 + extra
    assert len(c.cards) == total
    assert sum(not card["collapsed"] for card in c.cards) == HTML_PAGE
    assert c.more == -(-(total - HTML_PAGE) // HTML_PAGE)
    page = render(r, "html")
    assert f"第 {HTML_PAGE + 1}–{2 * HTML_PAGE} 条（共 {total} 条）" in page
    assert "<script" not in page.lower() and not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)


def test_a_short_section_is_not_collapsed() -> None:
    c = cards(render(chain(stores=3, extra=HTML_PAGE - 10), "html"))
    assert c.more == 0 and not any(card["collapsed"] for card in c.cards)


# ------------------------------------------------------------------------------------------ coverage matrix


def _header(page: str) -> list[str]:
    table = page[page.index('<table class="matrix">'):]
    return re.findall(r'<th class="post"[^>]*>([^<]*)</th>', table[: table.index("</thead>")])


def test_a_wide_matrix_groups_posts_of_one_name_placed_directly_in_stores() -> None:
    page = render(chain(), "html")
    assert _header(page) == ["营销策划专员", "店长 ×5,000", "副店长 ×5,000", "储备干部 ×5,000"]
    cov = chain().coverage[0]
    cols = matrix_columns(cov)
    assert [len(c.posts) for c in cols] == [1, STORES, STORES, STORES]
    assert cols[1].title("zh") == "store manager — 5,000 个门店/部门", "grouped by name alone: the hover says over how many units"
    sales = cov.rows[0]
    assert [c.cell(sales.cells) for c in cols] == [("", 0), ("lead", STORES), ("lead", 1), ("", 0)]
    assert 'title="1/5,000">●</td>' in page, "one deputy leads: the column leads, the hover says how many"


def test_posts_in_like_named_sub_units_group_by_name_and_department() -> None:
    """Stores with a 收银组 each: grouping keeps the department, so two 组长 of different groups stay apart."""
    posts = []
    for i in range(1, 100):
        for key, name in (("cash", "收银组"), ("fresh", "生鲜组")):
            team = Ref(f"{BASE}dept/s{i}-{key}", f"dept/s{i}-{key}", name)
            posts.append(PostRef(f"{team.iri}/lead", f"{team.id}-lead", "组长", department=team))
    fresh_leads = ["lead" if p.department and p.department.zh == "生鲜组" else "" for p in posts]
    cov = CoverageMatrix(ORG, ORG, posts, [CoverageRow(SALES, "1.1", fresh_leads)])
    cols = matrix_columns(cov)
    assert [(c.posts[0].department.zh if c.posts[0].department else "", len(c.posts)) for c in cols] == [("收银组", 99), ("生鲜组", 99)]
    assert [c.cell(cov.rows[0].cells)[0] for c in cols] == ["", "lead"]
    assert all(c.title("zh").endswith("收银组") or c.title("zh").endswith("生鲜组") for c in cols)


def test_a_narrow_matrix_keeps_one_column_per_post() -> None:
    cov = chain(stores=MAX_COLUMNS // 3 - 1).coverage[0]
    assert len(cov.posts) <= MAX_COLUMNS
    assert [c.posts for c in matrix_columns(cov)] == [[p] for p in cov.posts]


def test_markdown_matrix_is_grouped_too() -> None:
    md = render(chain(), "md")
    head = next(line for line in md.splitlines() if line.startswith("| 职能 | 状态 |"))
    assert head == "| 职能 | 状态 | 营销策划专员 | 店长 ×5,000 | 副店长 ×5,000 | 储备干部 ×5,000 |"
    assert "| 1.1 销售业绩管理 | 主责 |  | ● | ● |  |" in md


# ------------------------------------------------------------------------------------------ JSON, TSV, Turtle


def test_json_lists_a_repeated_finding_once_with_its_units() -> None:
    r = chain()
    doc = json.loads(render(r, "json"))
    assert doc["units_expanded"] is False
    assert doc["summary"]["findings"] == 3 * STORES + 5
    assert doc["summary"]["entries"] == len(doc["findings"]) == len(PATTERNS) + 5
    repeated = [f for f in doc["findings"] if f["units"] is not None]
    assert sorted(f["pattern"] for f in repeated) == sorted(PATTERNS)
    # the entry is its first unit; every unit keeps its own id, store, focus and posts
    by_id = {f.id: f for f in r.findings}
    for entry in repeated:
        assert entry["id"] == entry["units"][0]["id"]
        assert len(entry["units"]) == STORES
        for u in entry["units"]:
            f = by_id[u["id"]]
            assert (u["scope"]["iri"], u["focus"], u["posts"]) == (f.scope.iri, f.focus, [p.iri for p in f.posts])
    scoped = next(f for f in repeated if f["pattern"] == PATTERNS[0])
    assert sorted(u["scope"]["name"]["zh"] for u in scoped["units"]) == [store(i).zh for i in range(1, STORES + 1)]


def test_json_loses_no_finding_id_and_expands_on_request() -> None:
    r = chain()
    grouped = json.loads(render(r, "json"))
    ids = [u["id"] for f in grouped["findings"] for u in (f["units"] or [f])]
    assert sorted(ids) == sorted(f.id for f in r.findings)
    expanded = json.loads(render(r, "json", expand_units=True))
    assert expanded["units_expanded"] is True
    assert [f["id"] for f in expanded["findings"]] == [f.id for f in r.findings]
    assert all(f["units"] is None for f in expanded["findings"])
    assert expanded["summary"]["findings"] == expanded["summary"]["entries"] == 3 * STORES + 5
    by_pattern: dict[str | None, int] = {}
    for f in expanded["findings"]:
        by_pattern[f["pattern"]] = by_pattern.get(f["pattern"], 0) + 1
    assert by_pattern == {**dict.fromkeys(PATTERNS, STORES), None: 5}


def test_tsv_has_one_row_per_focus_node_with_scope_and_pattern() -> None:
    lines = render(chain(), "tsv").splitlines()
    assert lines[0].split("\t") == ["level", "rule", "subject", "property", "value", "scope", "pattern", "review"]
    rows = [x.split("\t") for x in lines[1:]]
    assert len(rows) == sum(len(f.focus) for f in chain().findings)
    assert all(len(r) == 8 for r in rows)
    line_rows = [r for r in rows if r[6] == PATTERNS[0]]
    assert len(line_rows) == 2 * STORES  # deputy and manager of every store
    assert {r[5] for r in line_rows} == {store(i).id for i in range(1, STORES + 1)}
    assert [r for r in rows if r[1] == "rkgsh:GapBaselineFunction"] == [["WARN", "rkgsh:GapBaselineFunction", "org", "",
                                                                          FN + "reconciliation", "", "", ""]]


def test_turtle_still_holds_every_finding() -> None:
    r = chain(stores=40)
    g = Graph().parse(data=render(r, "ttl"), format="turtle")
    assert len(set(g.subjects(RDF.type, RKGV.Finding))) == len(r.findings) == 3 * 40 + 5


# ------------------------------------------------------------------------------------------ in a browser


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_the_chain_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    binary = _chromium()
    if binary is None:
        pytest.skip("chromium not installed (CI installs it: apt-get install -y chromium)")
    r = chain(stores=STORES, extra=HTML_PAGE + 20)
    page = tmp_path / "chain.html"
    page.write_text(render(r, "html"), encoding="utf-8")
    dom = subprocess.run(
        [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=180, check=False,
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert dom.stdout.rstrip().endswith("</html>")
    last = group_findings(r.findings)[-1][0]
    assert f'id="{last.id}"' in dom.stdout, "the last card, inside the last collapsed block, is in the DOM"
    line = next(g for g in group_findings(r.findings) if g[0].pattern == PATTERNS[0])
    assert f'<li id="{line[-1].id}">门店{STORES:04d}</li>' in dom.stdout, "the last store of a group's collapsed list"
