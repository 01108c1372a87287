"""From findings to a to-be design: a proposal for every overlap and gap finding.

A consultant is paid for the fix, not the list. For a function nobody owns, the baseline standard
says which of its posts leads it and with which words; the design says which of its posts does
that standard post's work (by title, and by the functions their duties lead), which do other work
of the same area, and who reports to whom. The post with the most of that evidence is proposed as
the owner, and is given the standard's duty, cited. For two posts that both lead a function, the
one closer to the standard's owner keeps it and the other supports. Where the design holds no
evidence at all, the proposal says so rather than guessing (docs/proposals.md).

Every proposal is a plain edit of the design (:class:`~retailkg.validation.findings.Change`), so
:func:`~retailkg.validation.tobe.apply_proposals` can write the to-be design with each change marked, and
validating it again shows the findings resolved. This module holds the :class:`Proposer` and its rules (which
post, and when none); aligning posts with the standard's is validation/alignment.py, what a proposal cites
validation/evidence.py, what a decision says validation/decisions.py, how proposals refer to one another
validation/crossref.py, splits and merges validation/restructure.py, and applying proposals validation/tobe.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from rdflib import URIRef

from retailkg.design.model import DepartmentSpec
from retailkg.design.resolve import ResolvedDesign, ResolvedDuty, scope_functions
from retailkg.kg.catalog import Document
from retailkg.kg.knowledge import KnowledgeBase, StatementInfo, fold
from retailkg.ns import RKG
from retailkg.validation.alignment import GENERIC_TITLE_WORDS, Aligner, Post, StdPost, Titles, title_core
from retailkg.validation.crossref import cross_reference, live_proposals, resolved_via
from retailkg.validation.decisions import (
    decision_for_top,
    decision_guidance,
    decision_no_places,
    decision_sliver,
    undecided_proposal,
)
from retailkg.validation.evidence import confidence, give, leader_names, leading_duties, line_reasons, no_duty_reason
from retailkg.validation.findings import (
    Change,
    Evidence,
    Finding,
    Kind,
    PostAlignment,
    PostRef,
    Proposal,
    Reason,
    Ref,
    Report,
    StandardMatch,
)
from retailkg.validation.marks import Notes
from retailkg.validation.restructure import merges, splits
from retailkg.validation.tobe import apply_proposals, closest_ids, select_proposals, to_be_yaml

# apply_proposals, closest_ids, select_proposals, to_be_yaml (tobe.py), Notes (marks.py), live_proposals (crossref.py),
# title_core and GENERIC_TITLE_WORDS (alignment.py) are named here too for the callers that have always imported them
# from this module (cli/org.py, report/, tests, bench/)
__all__ = ["GENERIC_TITLE_WORDS", "Notes", "Proposer", "apply_proposals", "closest_ids", "live_proposals", "propose",
           "propose_everything", "select_proposals", "title_core", "to_be_yaml"]

ELIGIBLE_ALIGNMENT = 0.25
"""A post is a candidate owner of a function when it is at least this close to a standard post that leads it
(or does work of the function's area, or supports the function, or its title names the area's work)."""

ELIGIBLE_TITLE = 0.5

CREDIBLE_OWN_WORK = 0.5
"""A candidate is credible (may be proposed) when it already leads at least this much of the other work of a standard
post that leads the function, each function counted 1/n when n posts of the baseline lead it (营销策划, 活动运营,
线上商城运营 and 到家业务运营 all lead 线上活动: leading it alone does not say which of them the post is like) ..."""

CREDIBLE_OWN_SHARE = 0.2
"""... and when that is all the evidence, it is at least this share of the standard post's other work, or some of it
is that post's main work or in the function's own area (:meth:`Proposer.sliver`): 4.2.4 数字化运营 leads eight
functions of four areas."""

CREDIBLE_TITLE = 0.35
"""... or when its title names the function or the standard post that leads it at least this much, or it already
supports the function. Work of the same broad area alone (a display-ads buyer for livestreaming: both marketing) is
evidence for ranking, never enough to be proposed: then no post of the design does that work, and it is a decision."""

STEERING_WORDS = ("制定", "管理", "规范", "体系", "机制", "统筹", "监督", "考核", "监控")
"""Words of a standard duty that say it sets or steers the work (sets the norms, the system, the goals; manages,
supervises, appraises) rather than does it: such a duty is a manager's, so a manager as close as its report takes it."""

OUTWARD_WORDS = ("争取", "引入", "外部")
"""Words of a standard duty that wins resources or partners from outside (争取活动资源, 外部营销资源合作引入): work
needing negotiation and a budget, which a specialist titled for the trade but doing one narrow task of it leaves to its
manager (:meth:`Proposer.superior_over_title`)."""

COVER_WORDS = ("下班时间", "非上班时间", "休息时间", "不在岗", "休假期间")
"""Words of a duty that say it does the work only while another post is away (客服 tracks shipments 售后下班时间, when
after-sales is off): cover, not the work its post leads; the post it covers for does."""

PLACE_WORDS = ("门店", "卖场", "社区", "线下", "促销位", "专柜", "物料")
"""Words that set work in physical places (stores, sales floors, communities, offline, promotion spaces, counters) or
make physical things (物料, printed and display materials: the baseline says 素材 for online assets, 4.1.4 c
素材更替 beside 制作并布置活动物料): in a design none of whose units, posts and duties names such a place or thing (a
web shop), that work may not exist at all. 商场, the mall, is not one: the baseline calls the retailer itself 商场,
and runs its online campaigns (商场线上活动)."""

UNIT_NAMES_WORK = 0.5
"""A unit without posts is the one set up for a function's work when its name holds at least this much of the title
of a standard post leading the function, or of the function's area (数据中心 for 数据运营's work)."""

CREDIBLE_AREA_ALIGNMENT = 0.1
"""A title naming the function's whole area (推广 for 营销推广) makes a post credible only when it is at least this close
to a standard post that leads the function: a title says which area, not which of its posts."""

ANALYSIS_AREA = "fn:analytics"
"""The taxonomy's area of analysis functions (流量来源分析, 服务质量与履约分析, …): each analyses some other work."""
ANALYSIS_WORDS = ("分析", "数据", "洞察", "监控", "指标", "体系", "模型", "预测", "评估", "管理", "运营", "执行", "策划",
                  "支持", "规划", "计划", "制定", "实施", "建设")
"""Words of a function's name that say what is done, not to what: left out when an analysis function's name is read
for the work it analyses (流量 of 流量来源分析, not 分析)."""

CUSTOMER_WORDS = ("用户", "顾客", "客户", "消费者", "会员", "粉丝")
"""Words naming a shop's customers: every shop's own operating data records its customers (new, converted,
returning), so an analysis of them is an analysis of the shop's data (:meth:`Proposer.shop_analyst`), whereas
merchants, an incentive scheme or a data platform are things a design may not have."""

GUIDANCE_AREAS = 3
"""A standard duty whose functions are of this many areas or more guides across them (4.2.4 c: traffic management,
supply-chain methods, the annual online outline): not given to a post only for doing other work of its post."""

ACTION_WORDS = ("优化", "提升", "改进", "维护", "拓展", "研究")
"""Words of a function's name saying how the work is done, not which work (体验优化, 平台拓展, 趋势研究): a duty
writing them (主图优化) does not thereby write the function's work (:meth:`Proposer.duty_words`), nor do two functions
sharing them (竞争对手研究, 市场与行业趋势研究) name the same work (:meth:`Proposer.leads_named_alike`)."""

CLOSER_ELSEWHERE = 0.5
CLOSER_MARGIN = 0.25
"""An overlap's function goes to a post outside the overlap when that post is at least this close to the standard's
owner, and closer than every overlapping post by this margin (the work went to the wrong posts)."""


HELPER_CONFIDENCE = 0.5
"""How sure a post without duties is given its superior's work as support: its title and line say which work, not
which part of it (the detail is the organisation's)."""


class Proposer:
    """Proposals for one validated design; build with the report, the resolved design and the knowledge base."""

    def __init__(self, report: Report, resolved: ResolvedDesign, kb: KnowledgeBase) -> None:
        self.report = report
        self.resolved = resolved
        self.kb = kb
        self.baseline: Document = resolved.baseline
        refs = {p.iri: p for f in report.findings for p in f.posts}  # the findings' own, so both name a post alike
        units = {d.id: d for d in resolved.design.departments}
        by_post: dict[URIRef, list[ResolvedDuty]] = defaultdict(list)
        for d in resolved.duties.values():
            by_post[d.post].append(d)
        specs = {p.id: p for p in resolved.design.posts}
        self.posts: dict[str, Post] = {}
        for i, p in enumerate(resolved.design.posts):
            iri = resolved.posts[p.id]
            unit = units.get(p.department)
            dept = Ref(str(resolved.departments[p.department]), f"dept/{p.department}", unit.name, unit.name_en) if unit else None
            ref = refs.get(str(iri)) or PostRef(str(iri), f"post/{p.id}", p.name, p.name_en, dept)
            duties = by_post.get(iri, [])
            post = Post(ref, p, duties, {f for d in duties for f in d.lead}, {f for d in duties for f in d.support}, order=i)
            seen, cur = {p.id}, p.reports_to
            while cur is not None and cur in specs and cur not in seen:
                post.depth += 1
                seen.add(cur)
                cur = specs[cur].reports_to
            self.posts[str(iri)] = post
        # the baseline's posts, their duties and the functions they lead
        std: dict[URIRef, list[StatementInfo]] = defaultdict(list)
        for s in kb.duties.values():
            if s.document == self.baseline and s.post is not None:
                std[s.post].append(s)
        self.std: dict[URIRef, StdPost] = {}
        for sp_iri, ds in sorted(std.items(), key=lambda kv: str(kv[0])):
            ds.sort(key=lambda d: (int(str(kb.graph.value(d.iri, RKG.order) or 0)), str(d.iri)))
            sref = PostRef(str(sp_iri), kb.short(sp_iri), kb.label(sp_iri, "zh"), kb.label(sp_iri, "en"))
            self.std[sp_iri] = StdPost(sref, ds, {f for d in ds for f in d.lead})
        self.leaders: dict[URIRef, list[StdPost]] = defaultdict(list)
        for sp in self.std.values():
            for f in sorted(sp.lead, key=str):
                self.leaders[f].append(sp)
        self.titles = Titles([sp.ref.zh for sp in self.std.values()]
                              + [a.zh for a in kb.areas.values()] + [f.zh for f in kb.functions.values()])
        self.aligner = Aligner(kb, self.std, self.titles)
        self._closest: dict[tuple[str, ...], list[Post]] = {}
        self._best: dict[tuple[tuple[str, ...], tuple[str, frozenset[URIRef], frozenset[URIRef]]], StandardMatch] = {}
        self.specs = {q.spec.id: q.spec for q in self.posts.values()}  # read for every post of a chain's overlaps
        self.heads = {q.spec.reports_to for q in self.posts.values() if q.spec.reports_to in self.specs}
        staffed = {q.spec.department for q in self.posts.values()}
        self.empty_units = [u for u in resolved.design.departments if u.id not in staffed]
        self.by_signature: dict[tuple[str, frozenset[URIRef], frozenset[URIRef]], list[Post]] = defaultdict(list)
        for q in self.posts.values():
            self.by_signature[q.signature].append(q)
        self.ordered = [(q.signature, q.order, q) for q in self.posts.values()]
        self._accountable: dict[URIRef, list[StdPost]] = {}
        self._by_work_only: dict[tuple[tuple[str, frozenset[URIRef], frozenset[URIRef]], URIRef], bool] = {}
        self._area_title_only: dict[tuple[tuple[str, frozenset[URIRef], frozenset[URIRef]], URIRef], bool] = {}
        self._places: bool | None = None
        self.excluded = set(scope_functions(resolved.design.organisation.exclude, kb, "exclude"))

    # ------------------------------------------------------------------ alignment

    def align(self, post: Post, sp: StdPost) -> StandardMatch:
        """How close ``post`` is to the standard's post ``sp`` (validation/alignment.py: :meth:`Aligner.align`)."""
        return self.aligner.align(post, sp)

    def work(self, functions: set[URIRef]) -> set[URIRef]:
        """The functions that tell posts apart (validation/alignment.py: :meth:`Aligner.work`)."""
        return self.aligner.work(functions)

    def alignments(self, top: int = 3) -> list[PostAlignment]:
        """Each post's closest standard posts, best first (validation/alignment.py: :meth:`Aligner.alignments`)."""
        return self.aligner.alignments(self.posts.values(), top)

    # ------------------------------------------------------------------ helpers

    def fn_ref(self, f: URIRef) -> Ref:
        info = self.kb.functions.get(f)
        return Ref(str(f), self.kb.short(f), info.zh if info else "", info.en if info else "")

    def area_name(self, f: URIRef, lang: str = "zh") -> str:
        a = self.kb.areas.get(self.kb.area_of.get(f, URIRef("")))
        return (a.zh if lang == "zh" else a.en) if a else ""

    def _rank(self, candidates: Sequence[Post], scores: dict[str, float], superior_first: bool = False) -> list[Post]:
        """Best first: by score (then the superior: one accountable per function), or the superior first."""
        if superior_first:
            return sorted(candidates, key=lambda p: (p.depth, -round(scores[p.ref.iri], 6), p.order))
        return sorted(candidates, key=lambda p: (-round(scores[p.ref.iri], 6), p.depth, p.order))

    def std_evidence(self, duties: Iterable[StatementInfo]) -> list[Evidence]:
        """The standard's duties a proposal cites, each with its post (public: the split and merge proposals,
        validation/restructure.py, cite them too)."""
        out = []
        for d in duties:
            sp = self.std.get(d.post) if d.post is not None else None
            if sp is not None:
                out.append(Evidence(sp.ref, "baseline", d.zh, d.en, d.citation, str(d.iri)))
        return out

    # ------------------------------------------------------------------ gaps

    def distinct(self, g: URIRef) -> float:
        """How much leading ``g`` says of which standard post a post is like: 1/n when n posts of the baseline lead it."""
        n = len(self.leaders.get(g, []))
        return 1.0 / n if n else 0.0

    def own_work(self, post: Post, f: URIRef) -> tuple[float, list[URIRef]]:
        """The other work ``post`` already leads of the standard post leading ``f`` it does most of (weighted by
        :meth:`distinct`), and those functions."""
        best: tuple[float, list[URIRef]] = (0.0, [])
        mine = self.work(post.lead) - {f}
        for sp in self.leaders.get(f, []):
            shared = sorted(mine & self.work(sp.lead), key=lambda g: self.kb.functions[g].sort_key)
            weight = sum(self.distinct(g) for g in shared)
            if weight > best[0]:
                best = (weight, shared)
        return best

    def gap_scores(self, f: URIRef) -> tuple[dict[str, float], dict[str, list[Reason]], list[Post]]:
        """Each post's evidence for owning function ``f``, and the posts with any."""
        scores: dict[str, float] = {}
        reasons: dict[str, list[Reason]] = {}
        eligible = []
        area = self.kb.area_of.get(f)
        fn = self.kb.functions[f]
        area_label = self.area_name(f)
        memo: dict[tuple[str, frozenset[URIRef], frozenset[URIRef]], tuple[float, list[Reason], bool]] = {}  # stores repeat posts
        for post in self.posts.values():
            sig = post.signature
            known = memo.get(sig)
            if known is not None:
                scores[post.ref.iri], reasons[post.ref.iri], ok = known
                if ok:
                    eligible.append(post)
                continue
            why: list[Reason] = []
            best = max((self.align(post, sp) for sp in self.leaders.get(f, [])), key=lambda m: m.score, default=None)
            a = best.score if best is not None else 0.0
            in_area = sorted((g for g in post.lead if area is not None and self.kb.area_of.get(g) == area),
                             key=lambda g: self.kb.functions[g].sort_key)
            share = len(in_area) / len(post.lead) if post.lead else 0.0
            supports = f in post.support
            t_area = self.titles.similarity(post.spec.name, f"{fn.zh}{area_label}")
            if best is not None and a > 0:
                why.append(Reason(f"与标准岗位 {best.post.zh}（主责该职能）最接近：{a:.2f}"
                                  f"（名称 {best.title:.2f}，职能 {best.functions:.2f}）",
                                  f"closest to the standard's {best.post.en or best.post.zh}, which leads it: {a:.2f} "
                                  f"(title {best.title:.2f}, functions {best.functions:.2f})", 0.5 * a))
            if in_area:
                names_zh = "、".join(self.kb.functions[g].zh for g in in_area[:4])
                names_en = ", ".join(self.kb.functions[g].en for g in in_area[:4])
                why.append(Reason(f"本岗位已主责同一领域（{area_label}）的 {len(in_area)} 项职能：{names_zh}",
                                  f"already leads {len(in_area)} function(s) of the same area ({self.area_name(f, 'en')}): {names_en}",
                                  0.25 * share))
            if supports:
                why.append(Reason("本岗位已配合该职能", "already supports the function", 0.15))
            if t_area >= ELIGIBLE_TITLE:
                why.append(Reason(f"岗位名称指向该领域的工作（{t_area:.2f}）", f"its title names the area's work ({t_area:.2f})",
                                  0.1 * t_area))
            sib, shared = self.own_work(post, f)
            t_fn = max(self.titles.similarity(post.spec.name, fn.zh), best.title if best is not None else 0.0)
            core = set(fold(title_core(post.spec.name)))
            if core and core <= set(fold(area_label)) and a < CREDIBLE_AREA_ALIGNMENT:
                t_fn = 0.0  # its title names the function only by the area's word (推广 of 营销推广 in 地面推广)
            near = a >= ELIGIBLE_ALIGNMENT or bool(in_area) or supports or t_area >= ELIGIBLE_TITLE
            titled = t_area >= 0.999 and a >= CREDIBLE_AREA_ALIGNMENT  # the title names the area, and the post is a little like the owner
            ok = near and (sib >= CREDIBLE_OWN_WORK or supports or t_fn >= CREDIBLE_TITLE or titled)
            self._by_work_only[(sig, f)] = not (supports or t_fn >= CREDIBLE_TITLE or titled)
            self._area_title_only[(sig, f)] = titled and not (sib >= CREDIBLE_OWN_WORK or supports or t_fn >= CREDIBLE_TITLE)
            if shared:
                why.append(Reason(f"已主责该标准岗位的其他工作：{'、'.join(self.kb.functions[g].zh for g in shared[:4])}（{sib:.2f}）",
                                  f"already leads other work of that standard post: "
                                  f"{', '.join(self.kb.functions[g].en for g in shared[:4])} ({sib:.2f})"))
            memo[sig] = (0.5 * a + 0.25 * share + (0.15 if supports else 0.0) + 0.1 * t_area, why, ok)
            scores[post.ref.iri], reasons[post.ref.iri] = memo[sig][0], why
            if ok:
                eligible.append(post)
        return scores, reasons, eligible

    def propose_gap(self, finding: Finding, f: URIRef) -> Proposal:
        fref = self.fn_ref(f)
        scores, reasons, eligible = self.gap_scores(f)
        leaders = self.leaders.get(f, [])
        base = Proposal(finding.id, finding.rule, finding.kind, fref, "none", "", "", finding.organisation)
        unit = self.unit_for(f)
        if unit is not None:
            base.summary_zh = (f"需决定：本设计为「{self.area_name(f)}」的工作设了「{unit.name}」，但它没有岗位——为其设岗位，"
                               "或把该职能交给其他部门，由组织决定")
            base.summary_en = (f"a decision: the design set up {unit.name_en or unit.name} for this work "
                               f"({self.area_name(f, 'en')}) and gave it no post; staff it, or give the function to another "
                               "department (the organisation decides)")
            base.standard = self.std_evidence(leading_duties(leaders, f))
            return base
        if not self.has_places() and self.placed_work(f):
            return decision_no_places(self, base, f, leaders)
        if not eligible:
            analyst = self.runs_analysed_work(f)
            if analyst is not None:
                return self._analysis_to_doer(base, analyst, f, leaders)
            reader = self.shop_analyst(f)
            if reader is not None:
                return self._customers_to_analyst(base, reader[0], reader[1], f, leaders)
            standing = self.only_post_of_area(f)
            if standing is not None:
                return self._to_area_post(base, standing, f, leaders)
            writer = self.duty_names_work(f)
            if writer is not None:
                return self._to_duty_naming(base, writer, f, leaders)
            area = self.area_name(f)
            names_zh, names_en = leader_names(leaders)
            base.summary_zh = (f"不提议：本设计没有岗位做「{area}」领域中主责「{fref.zh}」的标准岗位（{names_zh}）的工作，"
                               "岗位名称也不指向它——需新设岗位或明确排除（需决定）")
            base.summary_en = (f"no proposal: no post of this design does work of this area ({self.area_name(f, 'en')}) that the "
                               f"standard's post leading {fref.en} does ({names_en}), nor is titled for it: set up a post, or "
                               "exclude the function (a decision)")
            base.standard = self.std_evidence(leading_duties(leaders, f))
            return base
        ranked = self._rank(eligible, scores)
        alike = self.leads_named_alike(f, ranked)
        named: list[Reason] = []
        if alike is not None and alike is not ranked[0]:
            ranked = [alike, *[p for p in ranked if p is not alike]]
            named = [Reason(f"「{alike.ref.zh}」已主责同一领域中名称与该职能同指一项工作的职能：由已做这部分工作的岗位承担",
                            f"{alike.ref.en or alike.ref.zh} already leads the function of the same area named for the same "
                            "part of the work: the post already doing that part takes it")]
        trade = self.trade_report(ranked, f)
        undecided = self.doing_tie(ranked, f) if trade is None else None
        outside = self.outward_superior(ranked, f) if undecided is not None else None
        if undecided is not None and outside is None:
            return undecided_proposal(self, base, undecided, leaders, f)
        if outside is None:
            ranked, boss = self.superior_as_close(ranked, f) if trade is None else trade
        owner = ranked[0]
        if outside is not None:
            pair = self.doing_pair(ranked, f)
            lower = pair[0] if pair is not None else owner
            boss = [Reason(f"「{lower.ref.zh}」与其下属同样接近主责该职能的标准岗位，而这项工作是向外部争取支持："
                           f"由其上级「{outside.ref.zh}」对外承担（它主责同一领域的工作）",
                           f"{lower.ref.en or lower.ref.zh} and its report are as close to the standard's post leading it, "
                           f"and the work wins support from outside: their superior {outside.ref.en or outside.ref.zh}, "
                           "which leads work of the same area, faces outward and takes it")]
            ranked = [outside, *[p for p in ranked if p is not outside]]
            owner = outside
        above = self.superior_over_title(owner, f) if not boss else None
        planner = self.runs_owner_work(owner, f) if above is not None else None
        if planner is not None:
            boss = [Reason(f"「{owner.ref.zh}」只因名称像主责该职能的标准岗位；「{planner.ref.zh}」已主责该标准岗位在同一领域的"
                           f"其他工作（{'、'.join(self.kb.functions[g].zh for g in self.owner_area_work(planner, f))}）："
                           "由已做这部分工作的岗位承担",
                           f"{owner.ref.en or owner.ref.zh} is like the standard's post leading it by its title alone; "
                           f"{planner.ref.en or planner.ref.zh} already leads that standard post's other work of the same "
                           f"area ({', '.join(self.kb.functions[g].en for g in self.owner_area_work(planner, f))}): the post "
                           "already doing that work takes it")]
            ranked = [planner, *[p for p in ranked if p is not planner]]
            owner = planner
        elif above is not None:
            boss = [Reason(f"「{owner.ref.zh}」只因名称像主责该职能的标准岗位，其直接上级「{above.ref.zh}」主责同一领域的工作："
                           "由上级承担，可再分派",
                           f"{owner.ref.en or owner.ref.zh} is like the standard's post leading it by its title alone, and its "
                           f"superior {above.ref.en or above.ref.zh} leads work of the same area: the superior takes the work "
                           "and may delegate it")]
            ranked = [above, *[p for p in ranked if p is not above]]
            owner = above
        elif self._by_work_only.get((owner.signature, f)) and self.sliver(owner, f):
            # a sliver is no evidence: set it aside and rank the candidates doing the owner's main work
            rest = [q for q in ranked if not (self._by_work_only.get((q.signature, f)) and self.sliver(q, f))]
            if not rest:
                return decision_sliver(self, base, owner, f, leaders)
            ranked, boss = self.superior_as_close(rest, f)
            owner = ranked[0]
        peer = self.area_peer(owner, f) if not boss and owner is not alike else None
        if peer is not None:
            return undecided_proposal(self, base, Reason(
                f"需决定：「{owner.ref.zh}」只因名称指向该领域（{self.area_name(f)}）而是候选，不做主责该职能的标准岗位的工作；"
                f"「{peer.ref.zh}」也做该领域的工作——由哪个岗位承担，由组织决定",
                f"a decision: {owner.ref.en or owner.ref.zh} is a candidate only because its title names the area "
                f"({self.area_name(f, 'en')}), doing none of the work of the standard's post leading it, and "
                f"{peer.ref.en or peer.ref.zh} does work of the area too: which of them takes it is the organisation's "
                "decision"), leaders, f)
        if outside is None and self.is_top(owner) and (self.kb.area_of.get(f) not in self.main_areas(owner)
                                   or self.names_work(owner, f) < CREDIBLE_TITLE):
            kin = self.does_kindred_work(f)
            if kin is None:
                return decision_for_top(self, base, owner, f, leaders)
            post, g = kin
            boss = [Reason(f"最接近的岗位是整个设计的负责人「{owner.ref.zh}」；「{post.ref.zh}」已主责同一领域中同类的工作"
                           f"「{self.kb.functions[g].zh}」：由已做这类工作的部门岗位承担",
                           f"the closest post is {owner.ref.en or owner.ref.zh}, the head of the whole design; "
                           f"{post.ref.en or post.ref.zh} already leads work of the same kind in the same area "
                           f"({self.kb.functions[g].en}): the department's post already doing that kind of work takes it")]
            ranked = [post, *[p for p in ranked if p is not post]]
            owner = post
        top = scores[owner.ref.iri]
        second = scores[ranked[1].ref.iri] if len(ranked) > 1 else 0.0
        # the standard's duty to give: of the leader closest to the owner, its first duty leading f
        leader = min(leaders, key=lambda sp: (-self.align(owner, sp).score, sp.ref.iri), default=None)
        duty = next((d for d in leader.duties if f in d.lead), None) if leader is not None else None
        if (duty is not None and owner is not alike and outside is None and not boss
                and self._by_work_only.get((owner.signature, f))
                and len({self.kb.area_of.get(g) for g in duty.lead}) >= GUIDANCE_AREAS):
            return decision_guidance(self, base, owner, f, duty)
        if duty is None:  # the baseline's duties lead f but not through a post: nothing to cite
            base.summary_zh = f"不提议：对标标准没有岗位的职责主责「{fref.zh}」"
            base.summary_en = f"no proposal: no post of the baseline standard has a duty leading {fref.en}"
            return base
        base.status = "change"
        base.owner = owner.ref
        base.changes = [Change("add-duty", owner.ref, fref, None, duty.zh, duty.en, duty.citation)]
        base.standard = self.std_evidence([duty])
        base.reasons = (reasons[owner.ref.iri] + (named if owner is alike else []) + boss
                        + line_reasons(self.kb, self.posts.values(), owner, f))
        base.confidence, base.confidence_reasons = confidence(top, ranked, scores, owner)
        base.summary_zh = f"为「{owner.ref.zh}」增加职责（{duty.citation}）：{duty.zh}"
        base.summary_en = f"add to {owner.ref.en or owner.ref.zh} the duty ({duty.citation}): {duty.en or duty.zh}"
        if not owner.lead and not owner.support and second == top:
            base.confidence *= 0.5
        return base

    @staticmethod
    def _object_words(name: str) -> set[str]:
        """The two-character words of an analysis function's name that say what it analyses (:data:`ANALYSIS_WORDS`
        and words across 与 left out)."""
        for w in ANALYSIS_WORDS:
            name = name.replace(w, "|")
        return {name[i:i + 2] for i in range(len(name) - 1) if "|" not in name[i:i + 2] and "与" not in name[i:i + 2]}

    def runs_analysed_work(self, f: URIRef) -> Post | None:
        """For an analysis function (:data:`ANALYSIS_AREA`) no post is a candidate for (the design has no data post),
        the one post that leads the work it analyses: a function of another area whose name shares the object the
        analysis names (流量 of 流量来源分析 in 推广计划与渠道流量分配; 质量 of 服务质量与履约分析 in 客服质量与现场管理).
        The consultants' principle: without an analyst, the post running the work reads its own figures. None when the
        name names no object, when posts of different kinds lead such work (which is the organisation's choice), or when
        the only one heads the whole design."""
        area = self.kb.area_of.get(f)
        if area is None or self.kb.short(area) != ANALYSIS_AREA:
            return None
        words = self._object_words(self.kb.functions[f].zh)
        if not words:
            return None
        found: dict[tuple[str, frozenset[URIRef], frozenset[URIRef]], Post] = {}
        for post in self.posts.values():
            for g in self.work(post.lead):
                if self.kb.area_of.get(g) != area and words & {self.kb.functions[g].zh[i:i + 2]
                                                               for i in range(len(self.kb.functions[g].zh) - 1)}:
                    found.setdefault(post.signature, post)
        if len(found) != 1:
            return None
        post = next(iter(found.values()))
        return None if self.is_top(post) else post

    def _analysis_to_doer(self, base: Proposal, post: Post, f: URIRef, leaders: Sequence[StdPost]) -> Proposal:
        """Give an analysis function without an analyst to the post running the work it analyses
        (:meth:`runs_analysed_work`), with the standard's own duty leading it."""
        duty = self._duty_for(post, f, leaders)
        if duty is None:
            return undecided_proposal(self, base, no_duty_reason(self.fn_ref(f)), leaders, f)
        fref = self.fn_ref(f)
        words = self._object_words(self.kb.functions[f].zh)
        run = sorted((g for g in self.work(post.lead) if self.kb.area_of.get(g) != self.kb.area_of.get(f)
                      and words & {self.kb.functions[g].zh[i:i + 2] for i in range(len(self.kb.functions[g].zh) - 1)}),
                     key=lambda g: self.kb.functions[g].sort_key)
        ran_zh = "、".join(self.kb.functions[g].zh for g in run)
        ran_en = ", ".join(self.kb.functions[g].en for g in run)
        give(base, post, fref, duty)
        base.standard = self.std_evidence([duty])
        base.reasons = [Reason(f"本设计没有数据分析岗位；「{post.ref.zh}」主责被分析的工作：{ran_zh}——由做这项工作的岗位分析它",
                               f"no post of this design analyses data; {post.ref.en or post.ref.zh} leads the work analysed: "
                               f"{ran_en} — the post running the work analyses it", 0.2),
                        *line_reasons(self.kb, self.posts.values(), post, f)]
        base.confidence = 0.4
        base.confidence_reasons = [Reason("没有分析岗位，按被分析的工作推定", "no analyst: inferred from the work analysed")]
        return base

    def shop_analyst(self, f: URIRef) -> tuple[Post, URIRef] | None:
        """For an analysis function no post is a candidate for and no post runs the work of (:meth:`runs_analysed_work`),
        whose name says it analyses the customers (:data:`CUSTOMER_WORDS`: 用户 of 用户行为分析与洞察), the one kind of
        post below the head of the whole design that leads the design's analysis of its own data (a function of the
        analysis area; where posts of several kinds lead it, the one its overlap's proposal keeps), with that
        function. The consultants' principle: with no data post, the post reviewing the shop's data daily reads its
        customers' figures too (新客, 转化, 复购 are the shop's data). None when the name names no customers (merchants,
        an incentive scheme: work a design may not have), when posts of several kinds analyse the design's data (the
        organisation's choice), or none does."""
        area = self.kb.area_of.get(f)
        if area is None or self.kb.short(area) != ANALYSIS_AREA:
            return None
        if not any(w in self.kb.functions[f].zh for w in CUSTOMER_WORDS):
            return None
        found: dict[tuple[str, frozenset[URIRef], frozenset[URIRef]], tuple[Post, URIRef]] = {}
        for g in sorted({g for q in self.posts.values() for g in self.work(q.lead)} - {f},
                        key=lambda g: self.kb.functions[g].sort_key):
            if self.kb.area_of.get(g) != area:
                continue
            kinds = {q.signature: q for q in self.posts.values() if g in self.work(q.lead) and not self.is_top(q)}
            if len(kinds) > 1:
                kept = self.overlap_owner(g)
                kinds = {k: q for k, q in kinds.items() if kept is not None and q.ref.iri == kept}
            for k, q in kinds.items():
                found.setdefault(k, (q, g))
        return next(iter(found.values())) if len(found) == 1 else None

    def overlap_owner(self, g: URIRef) -> str | None:
        """The post (IRI) the proposal of an overlap on ``g`` keeps leading it, when there is one such overlap and its
        proposal names an owner."""
        proposals = [self.propose_overlap(x, g) for x in self.report.findings
                     if x.kind is Kind.OVERLAP and x.function is not None and URIRef(x.function.iri) == g]
        owners = {p.owner.iri for p in proposals if p.owner is not None}
        return next(iter(owners)) if len(proposals) == 1 and len(owners) == 1 else None

    def _customers_to_analyst(self, base: Proposal, post: Post, g: URIRef, f: URIRef,
                              leaders: Sequence[StdPost]) -> Proposal:
        """Give an analysis of the customers without an analyst to the post analysing the design's data
        (:meth:`shop_analyst`), with the standard's own duty leading it."""
        why = Reason(f"本设计没有数据分析岗位，也没有岗位主责被分析的工作；顾客的数据是本设计自身经营数据的一部分，"
                     f"「{post.ref.zh}」主责其数据分析（{self.kb.functions[g].zh}）——由它分析",
                     f"no post of this design analyses data or leads the work analysed; the customers' figures are "
                     f"part of the design's own operating data, which {post.ref.en or post.ref.zh} analyses "
                     f"({self.kb.functions[g].en}): it analyses them", 0.2)
        return self._give_inferred(base, post, f, leaders, why,
                                   Reason("没有分析岗位，由分析本设计数据的岗位推定",
                                          "no analyst: inferred from the post analysing the design's data"))

    def only_post_of_area(self, f: URIRef) -> Post | None:
        """For a function no post is a candidate for, whose every standard owner's own work the design excludes (a
        function it leads is in ``exclude:``: 到家业务运营, owner of the online shopping path, in a design that leaves
        on-demand delivery out), the one post below the head of the whole design that leads any work of its area (one
        kind of post: a chain's stores repeat it), if there is exactly one. The owner's business is not the client's,
        but this function still is, and the area's work is already that post's (the online shop's operator), so it
        stands in, as a consultant gives an excluded post's remaining work to the area's standing post. None when
        several posts do the area's work (which of them is the organisation's choice), none does, or the owner is only
        unlike every post (nothing excluded): then the design may lack a post, which is the organisation's decision."""
        area = self.kb.area_of.get(f)
        leaders = self.leaders.get(f, [])
        if area is None or not leaders or not all(sp.lead & self.excluded for sp in leaders):
            return None
        found: dict[tuple[str, frozenset[URIRef], frozenset[URIRef]], Post] = {}
        for post in self.posts.values():
            if not self.is_top(post) and any(self.kb.area_of.get(g) == area for g in self.work(post.lead) - {f}):
                found.setdefault(post.signature, post)
        return next(iter(found.values())) if len(found) == 1 else None

    @classmethod
    def work_words(cls, name: str) -> set[str]:
        """The two-character words of a function's name that say which work it is: :meth:`_object_words` without the
        words saying how it is done (:data:`ACTION_WORDS`)."""
        for w in ACTION_WORDS:
            name = name.replace(w, "|")
        return {w for w in cls._object_words(name) if "|" not in w}

    def duty_words(self, post: Post, f: URIRef) -> list[str]:
        """The words of ``f``'s name saying its work (not its area's, nor the words an analysis or a plan adds) that
        ``post``'s own duties write."""
        words = self.work_words(self.kb.functions[f].zh) - self._object_words(self.area_name(f))
        return sorted(w for w in words if any(w in d.zh for d in post.duties))

    def duty_names_work(self, f: URIRef) -> Post | None:
        """For a function no post is a candidate for, the one kind of post below the head of the whole design that
        already does work of its area and whose own duty writes the work the function's name says (宣传 of 品牌宣传 in
        文案策划专员's 宣传推广文案): the design's words put that work with it though no function of its duties is the
        standard owner's. None when posts of different kinds write it, or none that does the area's work."""
        area = self.kb.area_of.get(f)
        if area is None:
            return None
        found: dict[tuple[str, frozenset[URIRef], frozenset[URIRef]], Post] = {}
        for post in self.posts.values():
            if (not self.is_top(post) and any(self.kb.area_of.get(g) == area for g in self.work(post.lead) - {f})
                    and self.duty_words(post, f)):
                found.setdefault(post.signature, post)
        return next(iter(found.values())) if len(found) == 1 else None

    def _to_duty_naming(self, base: Proposal, post: Post, f: URIRef, leaders: Sequence[StdPost]) -> Proposal:
        """Give ``f`` to the post whose duty writes its work (:meth:`duty_names_work`), with the standard's own duty."""
        words = "、".join(self.duty_words(post, f))
        why = Reason(f"没有岗位像主责该职能的标准岗位；只有「{post.ref.zh}」做「{self.area_name(f)}」领域的工作且职责写到"
                     f"这项工作（{words}）——由它承担",
                     f"no post is like the standard's post leading it; only {post.ref.en or post.ref.zh} does work "
                     f"of its area ({self.area_name(f, 'en')}) and its own duty writes this work ({words}): it "
                     "takes it", 0.2)
        return self._give_inferred(base, post, f, leaders, why, Reason("只凭本岗位职责的字面", "by its own duty's words alone"))

    def _to_area_post(self, base: Proposal, post: Post, f: URIRef, leaders: Sequence[StdPost]) -> Proposal:
        """Give ``f`` to the only post doing its area's work (:meth:`only_post_of_area`), with the standard's own duty."""
        area = self.kb.area_of.get(f)
        done = sorted((g for g in self.work(post.lead) if self.kb.area_of.get(g) == area and g != f),
                      key=lambda g: self.kb.functions[g].sort_key)
        names_zh, names = leader_names(leaders)
        why = Reason(f"本设计排除了主责该职能的标准岗位（{names_zh}）的业务；"
                     f"只有「{post.ref.zh}」做「{self.area_name(f)}」领域的工作："
                     f"{'、'.join(self.kb.functions[g].zh for g in done)}——由它承担",
                     f"the design excludes the business of the standard's post leading it ({names}); only "
                     f"{post.ref.en or post.ref.zh} does work of its area ({self.area_name(f, 'en')}): "
                     f"{', '.join(self.kb.functions[g].en for g in done)} — it takes it", 0.2)
        return self._give_inferred(base, post, f, leaders, why,
                                   Reason("标准岗位的业务被排除，由该领域唯一的岗位承担",
                                          "the standard owner's business is excluded: the only post of its area takes it"))

    def _give_inferred(self, base: Proposal, post: Post, f: URIRef, leaders: Sequence[StdPost], why: Reason,
                       sure: Reason) -> Proposal:
        """Give ``f`` to ``post``, which no standard post resembles but the design's own work points at (``why``), with
        the standard's own duty and the low confidence (``sure`` says why) such an inference earns; no change when no
        standard post has a duty leading ``f``."""
        duty = self._duty_for(post, f, leaders)
        if duty is None:
            return undecided_proposal(self, base, no_duty_reason(self.fn_ref(f)), leaders, f)
        give(base, post, self.fn_ref(f), duty)
        base.standard = self.std_evidence([duty])
        base.reasons = [why, *line_reasons(self.kb, self.posts.values(), post, f)]
        base.confidence = 0.35
        base.confidence_reasons = [sure]
        return base

    def _duty_for(self, post: Post, f: URIRef, leaders: Sequence[StdPost]) -> StatementInfo | None:
        """The standard's duty to give ``post`` for ``f``: of the leader closest to it, its first duty leading ``f``."""
        leader = min(leaders, key=lambda sp: (-self.align(post, sp).score, sp.ref.iri), default=None)
        return next((d for d in leader.duties if f in d.lead), None) if leader is not None else None

    def sliver(self, post: Post, f: URIRef) -> bool:
        """Whether the other work ``post`` leads of a standard post leading ``f`` is only a sliver of it (under
        :data:`CREDIBLE_OWN_SHARE`), a side line of that post (none of it in the area most of the standard post's work
        is in) and of another area than ``f``: 4.2.4 数字化运营 is mostly management, and also allocates promotion
        traffic and monitors data; a promotion supervisor who allocates the traffic is not thereby the one to monitor
        the data. Doing a standard post's main work (a shop operator listing products, 4.2.7's) is evidence enough."""
        area = self.kb.area_of.get(f)
        mine = self.work(post.lead) - {f}
        for sp in self.leaders.get(f, []):
            theirs = self.work(sp.lead) - {f}
            shared = mine & theirs
            if sum(self.distinct(g) for g in shared) < CREDIBLE_OWN_WORK:
                continue
            counts: dict[URIRef | None, int] = defaultdict(int)
            for g in self.work(sp.lead):
                counts[self.kb.area_of.get(g)] += 1
            main = {a for a, n in counts.items() if n == max(counts.values())}
            if (len(shared) >= CREDIBLE_OWN_SHARE * len(theirs)
                    or any(self.kb.area_of.get(g) in main or self.kb.area_of.get(g) == area for g in shared)):
                return False
        return True

    def placed_work(self, f: URIRef) -> bool:
        """Whether ``f``'s work is done in physical places: its definition names one (:data:`PLACE_WORDS`: digital
        roll-out to departments and stores, shared promotion spaces; 线上线下, online and offline alike, is not a place)
        and a standard duty leading it does too (the taxonomy's store-floor functions are not the baseline's)."""
        fn = self.kb.functions[f]
        if not any(w in fn.definition_zh.replace("线上线下", "") for w in PLACE_WORDS):
            return False
        return any(w in d.zh.replace("线上线下", "") for sp in self.leaders.get(f, []) for d in sp.duties if f in d.lead
                   for w in PLACE_WORDS)

    def has_places(self) -> bool:
        """Whether the design names a physical place anywhere (a unit, a post, a duty): a web shop's design does not."""
        if self._places is None:
            texts = [u.name for u in self.resolved.design.departments] + [q.spec.name for q in self.posts.values()]
            texts += [d.zh for q in self.posts.values() for d in q.duties]
            self._places = any(w in t for t in texts for w in PLACE_WORDS)
        return self._places

    def unit_for(self, f: URIRef) -> DepartmentSpec | None:
        """A unit of the design without posts whose name names the work of ``f`` (the standard post that leads it, or
        its area): the client set that unit up for this work, so giving it to another post would undo a decision
        already made; staffing the unit is the open question (its own finding)."""
        names = [sp.ref.zh for sp in self.leaders.get(f, [])] + [self.area_name(f)]
        for unit in self.empty_units:
            if any(n and self.titles.similarity(n, unit.name) >= UNIT_NAMES_WORK for n in names):
                return unit
        return None

    def main_areas(self, post: Post) -> set[URIRef | None]:
        """The areas most of the work ``post`` leads is in (all of them on a tie)."""
        counts: dict[URIRef | None, int] = defaultdict(int)
        for g in self.work(post.lead):
            counts[self.kb.area_of.get(g)] += 1
        most = max(counts.values(), default=0)
        return {a for a, n in counts.items() if n == most}

    def names_work(self, post: Post, f: URIRef) -> float:
        """How much ``post``'s title names function ``f`` or a standard post that leads it."""
        fn = self.kb.functions[f]
        return max([self.titles.similarity(post.spec.name, fn.zh)]
                   + [self.titles.similarity(post.spec.name, sp.ref.zh) for sp in self.leaders.get(f, [])])

    def leads_named_alike(self, f: URIRef, candidates: Sequence[Post]) -> Post | None:
        """The one candidate leading the function of ``f``'s area that shares a word of ``f``'s name no other function
        of the area has (供应 of 线上商品供应管理 in 供应商管理): the post already running that part of the area's work.
        None when no such word, when posts of different kinds lead it, or when that post heads the whole design."""
        area = self.kb.area_of.get(f)
        if area is None:
            return None
        grams = self.work_words
        mine = grams(self.kb.functions[f].zh)
        others = [g for g in self.kb.functions if g != f and self.kb.area_of.get(g) == area]
        count: dict[str, list[URIRef]] = defaultdict(list)
        for g in others:
            for w in grams(self.kb.functions[g].zh) & mine:
                count[w].append(g)
        alike = {gs[0] for gs in count.values() if len(gs) == 1}
        if not alike:
            return None
        found: dict[tuple[str, frozenset[URIRef], frozenset[URIRef]], Post] = {}
        for post in candidates:
            if self.work(post.lead) & alike:
                found.setdefault(post.signature, post)
        if len(found) != 1:
            return None
        post = next(iter(found.values()))
        return None if self.is_top(post) else post

    def does_kindred_work(self, f: URIRef) -> tuple[Post, URIRef] | None:
        """Where the best candidate for gap ``f`` is the head of the whole design (:meth:`_decision_for_top`): the one kind
        of post below it leading a function of ``f``'s area whose name shares a word of ``f``'s saying what is done to
        what (研究 of 市场与行业趋势研究 in 竞争对手研究; not the words an analysis or a plan adds,
        :data:`ANALYSIS_WORDS`), with that function. The consultants' principle: research of the market goes with the
        post already researching the competitors, not to the head. None when no such post or several kinds."""
        area = self.kb.area_of.get(f)
        if area is None:
            return None
        mine = self._object_words(self.kb.functions[f].zh)
        found: dict[tuple[str, frozenset[URIRef], frozenset[URIRef]], tuple[Post, URIRef]] = {}
        for post in self.posts.values():
            if self.is_top(post):
                continue
            for g in sorted(self.work(post.lead) - {f}, key=lambda g: self.kb.functions[g].sort_key):
                if self.kb.area_of.get(g) == area and mine & self._object_words(self.kb.functions[g].zh):
                    found.setdefault(post.signature, (post, g))
        return next(iter(found.values())) if len(found) == 1 else None

    def is_top(self, post: Post) -> bool:
        """Whether ``post`` heads the whole design: no superior in it, and posts report to it."""
        return post.depth == 0 and post.spec.id in self.heads

    def superior_as_close(self, ranked: list[Post], f: URIRef) -> tuple[list[Post], list[Reason]]:
        """``ranked`` with the best post's direct superior first when that superior is a candidate as close (to two
        decimals) to the standard's post that leads ``f``: a report is not given the standard post's work over its own
        manager as like that post (the manager takes it, and may delegate it); and the reason to say so. Only the
        direct superior: a general manager is close to every senior standard post and would take everything."""
        leaders = self.leaders.get(f, [])
        if not leaders or len(ranked) < 2:
            return ranked, []

        def alignment(p: Post) -> float:
            return round(max(self.align(p, sp).score for sp in leaders), 2)

        best = ranked[0]
        siblings = self.work({g for sp in leaders for g in sp.lead}) - {f}  # the standard's owner's other work
        up = [p for p in ranked[1:] if p.spec.id == best.spec.reports_to]
        if not up or alignment(best) <= 0:
            return ranked, []
        boss = up[0]
        theirs = sorted(boss.lead & siblings, key=str)
        if alignment(boss) >= alignment(best):
            why = Reason(f"与其下属「{best.ref.zh}」同样接近主责该职能的标准岗位（{alignment(boss):.2f}）：由上级承担，可再分派",
                         f"as close to the standard's post that leads it as its report {best.ref.en or best.ref.zh} "
                         f"({alignment(boss):.2f}): the superior takes the work and may delegate it")
        elif theirs and not best.lead & siblings:
            names_zh = "、".join(self.fn_ref(g).zh for g in theirs)
            names_en = ", ".join(self.fn_ref(g).en or self.fn_ref(g).zh for g in theirs)
            why = Reason(f"已主责标准中同一岗位的其他工作（{names_zh}），其下属「{best.ref.zh}」没有：由上级承担，可再分派",
                         f"already leads other work of the same standard post ({names_en}), which its report "
                         f"{best.ref.en or best.ref.zh} does not: the superior takes the work and may delegate it")
        else:
            return ranked, []
        return [boss, *[p for p in ranked if p is not boss]], [why]

    def superior_over_title(self, post: Post, f: URIRef) -> Post | None:
        """``post``'s direct superior when ``post`` is a candidate for gap ``f`` by its title alone (it does not support
        the function, and does under :data:`CREDIBLE_OWN_WORK` of the standard owner's other work) and that superior,
        not the head of the whole design, leads work of ``f``'s area: a specialist titled for the owner's trade but
        doing one narrow task of it (活动专人, enrolling in platform campaigns) is not thereby the one to take on the
        trade's new work (bringing in partners, starting livestreams); its manager, who runs the area's work, takes it
        and may delegate it. None otherwise."""
        if self._by_work_only.get((post.signature, f), True) or f in post.support:
            return None
        if not (self.steering(f) or self.outward(f)):
            return None
        if self.own_work(post, f)[0] >= CREDIBLE_OWN_WORK:
            return None
        up = next((q for q in self.posts.values() if q.spec.id == post.spec.reports_to), None)
        area = self.kb.area_of.get(f)
        if up is None or self.is_top(up) or area is None:
            return None
        return up if any(self.kb.area_of.get(g) == area for g in self.work(up.lead)) else None

    def area_peer(self, post: Post, f: URIRef) -> Post | None:
        """Where ``post`` is a candidate for gap ``f`` only because its title names ``f``'s area (会员运营 of 用户与会员运营:
        none of the standard owner's work, no title for ``f`` itself, no support), another kind of post below the head
        of the whole design that leads work of that area too (新媒体运营专员, private traffic): the title does not say
        which of the area's posts the new work is for, and the consultants split on it. None otherwise."""
        if not self._area_title_only.get((post.signature, f)):
            return None
        area = self.kb.area_of.get(f)
        return next((q for q in self.posts.values() if q.signature != post.signature and not self.is_top(q)
                     and any(self.kb.area_of.get(g) == area for g in self.work(q.lead) - {f})), None)

    def owner_area_work(self, post: Post, f: URIRef) -> list[URIRef]:
        """The functions of ``f``'s area other than ``f`` that ``post`` leads and a standard post leading ``f`` leads
        too: the owner's own work of that area, already this post's."""
        area = self.kb.area_of.get(f)
        owners = set().union(*(sp.lead for sp in self.leaders.get(f, [])))
        return sorted((g for g in self.work(post.lead) & owners - {f} if self.kb.area_of.get(g) == area),
                      key=lambda g: self.kb.functions[g].sort_key)

    def runs_owner_work(self, post: Post, f: URIRef) -> Post | None:
        """Where the specialist ``post`` is a candidate for gap ``f`` by its title alone and its superior would take a
        duty that steers the work (:meth:`superior_over_title`): the one kind of post below the head of the whole
        design, ``post`` aside, that already leads the standard owner's other work of ``f``'s area (筹划主管 leading
        线上活动策划与执行, 活动运营's, for 4.1.4 e's 直播的策划、执行和管理). The consultants' principle: a new
        means of the owner's work goes with the post already planning and running that work. Not for work won from
        outside (:meth:`outward`): that needs the superior's standing. None when no such post or several kinds."""
        if self.outward(f):
            return None
        found: dict[tuple[str, frozenset[URIRef], frozenset[URIRef]], Post] = {}
        for q in self.posts.values():
            if q.signature != post.signature and not self.is_top(q) and self.owner_area_work(q, f):
                found.setdefault(q.signature, q)
        return next(iter(found.values())) if len(found) == 1 else None

    def outward(self, f: URIRef) -> bool:
        """Whether the standard's duties leading ``f`` win resources or partners from outside (:data:`OUTWARD_WORDS`)."""
        return any(w in d.zh for sp in self.leaders.get(f, []) for d in sp.duties if f in d.lead for w in OUTWARD_WORDS)

    def steering(self, f: URIRef) -> bool:
        """Whether the standard's duties leading ``f`` set or steer the work (:data:`STEERING_WORDS`) rather than do it."""
        return any(w in d.zh for sp in self.leaders.get(f, []) for d in sp.duties if f in d.lead for w in STEERING_WORDS)

    def doing_pair(self, ranked: list[Post], f: URIRef) -> tuple[Post, Post] | None:
        """The manager and its report as close (to two decimals) to the standard's post leading ``f``, the best post
        one of them, where that post's duty does the work rather than steers it (:meth:`steering`); or None."""
        leaders = self.leaders.get(f, [])
        if not leaders or len(ranked) < 2 or self.steering(f):
            return None

        def alignment(p: Post) -> float:
            return round(max(self.align(p, sp).score for sp in leaders), 2)

        best = ranked[0]
        if alignment(best) <= 0:
            return None
        boss = next((p for p in ranked[1:] if p.spec.id == best.spec.reports_to and alignment(p) >= alignment(best)), None)
        if boss is not None:
            return boss, best
        report = next((p for p in ranked[1:] if p.spec.reports_to == best.spec.id and alignment(p) == alignment(best)), None)
        return (best, report) if report is not None else None

    def trade_report(self, ranked: list[Post], f: URIRef) -> tuple[list[Post], list[Reason]] | None:
        """Where a manager and its report tie on work the duty does (:meth:`doing_pair`) and both are titled for that
        work's trade (their titles name the function or the standard post leading it, :meth:`names_work`: 美工主管 over
        美工 for page design): the report, who practises the trade, does it, and its manager manages it. ``ranked`` with
        the report first, and the reason; None otherwise (the choice stays the organisation's, :meth:`doing_tie`)."""
        pair = self.doing_pair(ranked, f)
        if pair is None:
            return None
        boss, report = pair
        if min(self.names_work(boss, f), self.names_work(report, f)) < CREDIBLE_TITLE:
            return None
        why = Reason(f"「{boss.ref.zh}」与其下属「{report.ref.zh}」同样接近主责该职能的标准岗位，名称都指向这门工作，"
                     "该职责是做事而非管理：由做这门工作的下属承担，上级管理",
                     f"{boss.ref.en or boss.ref.zh} and its report {report.ref.en or report.ref.zh} are as close to the "
                     "standard's post that leads it and both are titled for that trade, and the duty does the work rather "
                     "than steers it: the report, who practises the trade, takes it; its manager manages it")
        return [report, *[p for p in ranked if p is not report]], [why]

    def outward_superior(self, ranked: list[Post], f: URIRef) -> Post | None:
        """When a manager and its report tie on ``f`` (:meth:`doing_tie`) and the standard's duty wins support from
        outside (:data:`OUTWARD_WORDS`: 与政府、行业等外部资源沟通…获得外部支持), the manager's direct superior if it
        leads work of ``f``'s area, even the head of the whole design: the post facing outward for the area speaks for
        it (hand2-hand6 give ecom's external relations to 运营总监, who runs 网络商务拓展). None otherwise."""
        pair = self.doing_pair(ranked, f)
        area = self.kb.area_of.get(f)
        if pair is None or area is None or not self.outward(f):
            return None
        up = next((q for q in self.posts.values() if q.spec.id == pair[0].spec.reports_to), None)
        if up is None or not any(self.kb.area_of.get(g) == area for g in self.work(up.lead)):
            return None
        return up

    def doing_tie(self, ranked: list[Post], f: URIRef) -> Reason | None:
        """Why the choice is the organisation's, or None: the best post's direct superior is a candidate as close (to two
        decimals) to the standard's post leading ``f`` (or, the best post being the manager, a direct report is as
        close), and that post's duty does the work rather than steers it (:meth:`steering`). A manager takes a duty
        setting norms or goals (:meth:`superior_as_close`), a report titled for the trade as its manager is does the
        trade's work (:meth:`trade_report`); whether 运营主管 or the project operator under it deals with government and
        industry, the line does not say."""
        pair = self.doing_pair(ranked, f)
        if pair is None:
            return None
        boss, best = pair
        leaders = self.leaders.get(f, [])

        def alignment(p: Post) -> float:
            return round(max(self.align(p, sp).score for sp in leaders), 2)

        return Reason(f"需决定：「{boss.ref.zh}」与其下属「{best.ref.zh}」同样接近主责该职能的标准岗位（{alignment(boss):.2f}），"
                      "该职责是做事而非管理——由上级承担还是由下属承担，由组织决定",
                      f"a decision: {boss.ref.en or boss.ref.zh} and its report {best.ref.en or best.ref.zh} are as close "
                      f"to the standard's post that leads it ({alignment(boss):.2f}), and the duty does the work rather than "
                      "steers it: whether the manager or the report takes it is the organisation's decision")

    # ------------------------------------------------------------------ overlaps

    def owner_scores(self, posts: Sequence[Post], f: URIRef) -> tuple[dict[str, float], dict[str, list[Reason]]]:
        scores: dict[str, float] = {}
        reasons: dict[str, list[Reason]] = {}
        area = self.kb.area_of.get(f)
        for post in posts:
            why = []
            best = max((self.align(post, sp) for sp in self.leaders.get(f, [])), key=lambda m: m.score, default=None)
            a = best.score if best is not None else 0.0
            n = sum(1 for g in post.lead if self.kb.area_of.get(g) == area)
            share = n / len(post.lead) if post.lead else 0.0
            if best is not None:
                why.append(Reason(f"与标准岗位 {best.post.zh}（主责该职能）最接近：{a:.2f}", f"closest to the standard's "
                                  f"{best.post.en or best.post.zh}, which leads it: {a:.2f}", 0.6 * a))
            if n:
                why.append(Reason(f"主责同一领域的 {n} 项职能", f"leads {n} function(s) of the same area", 0.4 * share))
            scores[post.ref.iri] = 0.6 * a + 0.4 * share
            reasons[post.ref.iri] = why
        return scores, reasons

    def propose_overlap(self, finding: Finding, f: URIRef) -> Proposal:
        fref = self.fn_ref(f)
        posts = [self.posts[p.iri] for p in finding.posts if p.iri in self.posts]
        base = Proposal(finding.id, finding.rule, finding.kind, fref, "none", "", "", finding.organisation)
        if len(posts) < 2:
            base.summary_zh, base.summary_en = "不提议：该结果的岗位不在本设计中", "no proposal: the finding's posts are not this design's"
            return base
        scores, reasons = self.owner_scores(posts, f)
        team = self.kb.functions[f].team if f in self.kb.functions else False
        has_leader = bool(self.leaders.get(f))
        superior_first = team or not has_leader
        elsewhere = None if superior_first else self.closer_elsewhere(posts, self.leaders.get(f, []))
        if elsewhere is not None:
            return self._move_elsewhere(base, posts, f, *elsewhere)
        ranked = self._rank(posts, scores, superior_first=superior_first)
        boss: list[Reason] = []
        if not superior_first:
            trade = self.trade_report(ranked, f)
            undecided = self.doing_tie(ranked, f) if trade is None else None
            if undecided is not None:
                return undecided_proposal(self, base, undecided, self.leaders.get(f, []), f)
            ranked, boss = self.superior_as_close(ranked, f) if trade is None else trade
        ids = {p.spec.id for p in posts}
        heads = [p for p in ranked if not self.above(p) & ids]  # the posts no other post of the finding is above
        unit_lead = self.unit_analyses(heads, f) if superior_first and not team else None
        if unit_lead is not None:
            # an analysis of one department's work: the post of that department reads its own figures, and the
            # other line analyses its own side and supports
            lead, unit = unit_lead
            heads = [lead, *[p for p in heads if p is not lead]]
            ranked = [*heads, *[p for p in ranked if p not in heads]]
            boss = [Reason(f"互不隶属；「{fref.zh}」分析的是「{unit.name}」的工作，由该部门的「{lead.ref.zh}」主责，"
                           "其他条线分析自己一侧的数据并配合",
                           f"peers in no line to each other; {fref.en or fref.zh} analyses the work of "
                           f"{unit.name_en or unit.name}: its post {lead.ref.en or lead.ref.zh} leads, the other line "
                           "analyses its own side and supports")]
        if (superior_first and len(heads) > 1 and not team and not boss
                and not self.told_apart(heads[:2], scores)):
            # peers alike by the standard and the line: the one whose duties do more of the work leads it
            work = {p.ref.iri: self.duties_doing(p, f) for p in heads}
            heads.sort(key=lambda p: -work[p.ref.iri])
            count = {p.ref.iri: float(sum(1 for d in p.duties if f in d.lead and not self.cover(d))) for p in heads}
            tied = round(work[heads[0].ref.iri], 6) == round(work[heads[1].ref.iri], 6)
            dedicated = [p for p in heads[:2] if self.dedicated(p, f)] if tied else []
            if len(dedicated) == 1:
                # as much of the work each, but only one has a duty that is this work and nothing else: it leads
                lead = dedicated[0]
                heads = [lead, *[p for p in heads if p is not lead]]
                ranked = [*heads, *[p for p in ranked if p not in heads]]
                boss = [Reason(f"互不隶属、证据相同；「{lead.ref.zh}」有一项职责专做这项工作，"
                               f"「{heads[1].ref.zh}」做这项工作的职责都同时做别的事：专做的主责",
                               f"peers with the same evidence; {lead.ref.en or lead.ref.zh} has a duty that is this work "
                               f"alone, while each of {heads[1].ref.en or heads[1].ref.zh}'s duties doing it does other "
                               "work too: the one with the dedicated duty leads")]
            elif (round(work[heads[0].ref.iri], 6) > round(work[heads[1].ref.iri], 6)
                    and count[heads[0].ref.iri] > count[heads[1].ref.iri]):
                ranked = [*heads, *[p for p in ranked if p not in heads]]
                boss = [Reason(f"互不隶属、证据相同；「{heads[0].ref.zh}」有 {work[heads[0].ref.iri]:g} 项职责做这项工作，"
                               f"「{heads[1].ref.zh}」{work[heads[1].ref.iri]:g} 项（一项职责做几件事，各算几分之一）：做得多的主责",
                               f"peers with the same evidence; {heads[0].ref.en or heads[0].ref.zh} has "
                               f"{work[heads[0].ref.iri]:g} duties doing the work, {heads[1].ref.en or heads[1].ref.zh} "
                               f"{work[heads[1].ref.iri]:g} (a duty doing n things counts 1/n): the one doing more leads it")]
                covering = [p for p in heads[1:] if any(f in d.lead and self.cover(d) for d in p.duties)]
                if covering:
                    boss.append(Reason(f"「{covering[0].ref.zh}」只在他人不在岗时做这项工作（顶班），不算主责",
                                       f"{covering[0].ref.en or covering[0].ref.zh} does the work only while another post "
                                       "is away (cover), which is not leading it"))
        if superior_first and len(heads) > 1 and not team and not boss and not self.told_apart(heads[:2], scores):
            # peers with the same evidence and no owner in the standard: any choice would be a guess
            base.summary_zh = (f"需决定：对标标准没有岗位主责「{fref.zh}」，{'、'.join(p.ref.zh for p in heads)} 互不隶属、"
                               "证据相同——由组织决定谁主责、谁配合")
            base.summary_en = (f"a decision: no post of the baseline leads {fref.en or fref.zh}, and "
                               f"{', '.join(p.ref.en or p.ref.zh for p in heads)} are peers with the same evidence; "
                               "the organisation decides who leads and who supports")
            base.reasons = [r for p in heads for r in reasons[p.ref.iri]]
            return base
        if team and len(heads) > 1:
            # a team function: each head leads it for its own team; only the posts under another post of the finding
            # give it up (two supervisors, neither above the other, are not doing it for the same team)
            ranked = [*heads, *[p for p in ranked if p not in heads]]
            if len(heads) == len(posts):
                base.summary_zh = f"不提议修改：{'、'.join(p.ref.zh for p in heads)} 互不隶属，各为自己的团队主责「{fref.zh}」"
                base.summary_en = (f"no change: {', '.join(p.ref.en or p.ref.zh for p in heads)} are in no line to each other; "
                                   f"each leads {fref.en or fref.zh} for its own team")
                return base
        owner = ranked[0]
        others = [p for p in ranked[1:] if not (team and p in heads)]
        cascade = self.cascade(owner, others) if superior_first else None
        if cascade is not None:
            upper, lower = cascade
            base.summary_zh = (f"不提议修改：「{upper.ref.zh}」为其整个单位、「{lower.ref.zh}」为自己所领导的单位主责「{fref.zh}」"
                               "——逐级分解，不是重复；如要只留一个主责，由组织决定")
            base.summary_en = (f"no change: {upper.ref.en or upper.ref.zh} leads {fref.en or fref.zh} for its whole unit, "
                               f"{lower.ref.en or lower.ref.zh} for the unit it heads: a cascade, not duplicated work; "
                               "whether only one should lead it is the organisation's decision")
            base.reasons = [r for p in (upper, lower) for r in reasons[p.ref.iri]]
            return base
        doer = self.doer_below(owner, others, f) if superior_first and not team else None
        gathered = self.gathers(owner, others, f) if doer is not None else None
        if gathered is not None:
            # the superior's own duty names the report's work (美工作品建档: the designers' work, filed): it gathers and
            # checks what the report does, which is supporting it
            boss = [Reason(f"「{owner.ref.zh}」做这项工作的职责写的是其下属「{gathered.ref.zh}」的工作（汇总、整理、检查）："
                           "由做事的下属主责，上级配合",
                           f"{owner.ref.en or owner.ref.zh}'s duty doing it names its report {gathered.ref.en or gathered.ref.zh}'s "
                           "work (gathering, sorting, checking it): the report who does the work leads, the superior supports")]
            others = [p for p in ranked if p is not gathered and not (team and p in heads)]
            owner = gathered
            ranked = [owner, *others]
            doer = None
        if doer is not None:
            base.summary_zh = (f"需决定：对标标准没有岗位主责「{fref.zh}」；「{doer.ref.zh}」的职责做这项工作不少于其上级「{owner.ref.zh}」"
                               "——上级是检查、汇总下属的工作，还是自己做一部分，汇报线说不清，由组织决定谁主责")
            base.summary_en = (f"a decision: no post of the baseline leads {fref.en or fref.zh}, and {doer.ref.en or doer.ref.zh}'s "
                               f"duties do as much of the work as its superior {owner.ref.en or owner.ref.zh}'s: whether the "
                               "superior checks and gathers the report's work or does a part of its own, the line does not say; "
                               "the organisation decides who leads")
            base.reasons = [r for p in (owner, doer) for r in reasons[p.ref.iri]]
            return base
        base.status, base.owner, base.others = "change", owner.ref, [p.ref for p in others]
        if team and len(heads) > 1:
            names = "、".join(p.ref.zh for p in heads)
            base.reasons.append(Reason(f"{names} 互不隶属，各为自己的团队主责；其下属改为配合",
                                       f"{', '.join(p.ref.en or p.ref.zh for p in heads)} are in no line to each other and "
                                       "each leads it for its own team; their reports support"))
        for y in others:
            for d in y.duties:
                if f in d.lead:
                    base.changes.append(Change("support", y.ref, fref, None, d.zh, d.en, d.source, str(d.iri)))
        base.reasons = list(reasons[owner.ref.iri]) + boss + base.reasons
        if team:
            base.reasons.append(Reason("团队职能：由上级为其团队主责，下属配合（一个 A）",
                                       "a team function: the superior leads it for the team, the report supports (one A)"))
        elif not has_leader:
            base.reasons.append(Reason("对标标准没有岗位主责该职能：同一汇报线上由上级主责（一个 A）",
                                       "no post of the baseline leads it: the superior in the line leads it (one A)"))
        base.standard = self.std_evidence(d for sp in self.leaders.get(f, []) for d in sp.duties if f in d.lead)
        base.confidence, base.confidence_reasons = confidence(scores[owner.ref.iri], ranked, scores, owner)
        if superior_first:
            base.confidence = round(min(base.confidence, 0.5), 3)
            base.confidence_reasons.append(Reason("按汇报线而非标准决定", "decided by the reporting line, not by the standard"))
        names_zh = "、".join(p.ref.zh for p in others)
        names_en = ", ".join(p.ref.en or p.ref.zh for p in others)
        base.summary_zh = f"由「{owner.ref.zh}」主责「{fref.zh}」，{names_zh} 改为配合"
        base.summary_en = f"{owner.ref.en or owner.ref.zh} leads {fref.en or fref.zh}; {names_en} support it"
        return base

    def unit_analyses(self, heads: Sequence[Post], f: URIRef) -> tuple[Post, DepartmentSpec] | None:
        """For an analysis function (:data:`ANALYSIS_AREA`) no standard post leads and posts in no line to each other
        (``heads``) lead, the one kind of them whose department's name says the work analysed (运营 of 运营部 in
        店铺运营数据分析), with that department. The consultants' principle: a unit reads the figures of its own work;
        another line's analysis of them serves its own side (推广部 analyses for promotion) and supports. None when
        the function is no analysis, posts of no department or of several kinds are so named, or every head is."""
        area = self.kb.area_of.get(f)
        if len(heads) < 2 or area is None or self.kb.short(area) != ANALYSIS_AREA:
            return None
        name = self.kb.functions[f].zh
        grams = {name[i:i + 2] for i in range(len(name) - 1)}
        units = {d.id: d for d in self.resolved.design.departments}
        found: dict[tuple[str, frozenset[URIRef], frozenset[URIRef]], tuple[Post, DepartmentSpec]] = {}
        for post in heads:
            unit = units.get(post.spec.department or "")
            if unit is not None and {unit.name[i:i + 2] for i in range(len(unit.name) - 1)} & grams:
                found.setdefault(post.signature, (post, unit))
        named = {p.signature for p in heads if p.signature in found}
        if len(found) != 1 or named == {p.signature for p in heads}:
            return None
        return next(iter(found.values()))

    def doer_below(self, owner: Post, others: Sequence[Post], f: URIRef) -> Post | None:
        """Where only the reporting line would decide (no post of the baseline leads ``f``) and ``owner``'s own duties
        doing the work do not steer it (:data:`STEERING_WORDS`): a post below ``owner`` whose duties do at least as much
        of the work (:meth:`duties_doing`) and none helping it do it (a duty supporting ``f``), or None. 美工主管
        archives the team's work and each 美工 files his own: who leads is open; a planner who writes product copy and
        helps its supervisor write (帮助主管筹划文案的撰写) works under the supervisor's lead. A regional manager
        managing the stores' results steers what the store manager does; a director whose sales-task duty is one of
        two things it does, over a specialist for whom selling is one of five, does more of it: all keep the lead."""
        if any(w in d.zh for d in owner.duties if f in d.lead for w in STEERING_WORDS):
            return None
        mine = self.duties_doing(owner, f)
        for y in others:
            if (owner.spec.id in self.above(y) and f not in y.support
                    and round(self.duties_doing(y, f), 6) >= round(mine, 6)):
                return y
        return None

    def duties_doing(self, post: Post, f: URIRef) -> float:
        """How many of ``post``'s duties do the work of ``f``, a duty leading n functions counted 1/n: an agent keeping
        the customer-problem register does that work; a returns register that also records feedback, or a return call
        that also tracks the parcel, does it in part. A duty covering for another post (:meth:`cover`) does not count."""
        return sum(1 / max(1, len(d.lead)) for d in post.duties if f in d.lead and not self.cover(d))

    @staticmethod
    def cover(d: ResolvedDuty) -> bool:
        """Whether duty ``d`` does its work only while another post is away (:data:`COVER_WORDS`)."""
        return any(w in d.zh for w in COVER_WORDS)

    def dedicated(self, post: Post, f: URIRef) -> bool:
        """Whether ``post`` has a duty that does the work of ``f`` and nothing else (not as cover): keeping the
        customer-problem register is that work; a returns register that also records feedback is returns work first."""
        return any(d.lead == [f] and not self.cover(d) for d in post.duties)

    def gathers(self, owner: Post, others: Sequence[Post], f: URIRef) -> Post | None:
        """A post under ``owner`` whose title ``owner``'s own duty doing ``f`` names as the work it handles (美工主管's
        美工作品建档, the designers' works filed; 销售主管's 整顿客服反馈问题, sorting out the agents' feedback), and which
        does the work itself: the superior gathers and checks the report's work. None when no such report, or the
        text names a longer title too (售后客服 holds 客服)."""
        texts = [d.zh for d in owner.duties if f in d.lead]
        titles = {p.spec.name for p in others} | {owner.spec.name}
        for y in others:
            name = y.spec.name
            if not name or owner.spec.id not in self.above(y) or not any(f in d.lead and not self.cover(d) for d in y.duties):
                continue
            longer = [t for t in titles if t != name and name in t]
            if any(name in t and not any(x in t for x in longer) for t in texts):
                return y
        return None

    def heads_unit(self, post: Post) -> bool:
        """Whether ``post`` heads a unit of its own: posts report to it, or its superior sits in another unit (a store
        manager under a regional manager)."""
        if post.spec.id in self.heads:
            return True
        boss = self.specs.get(post.spec.reports_to or "")
        return boss is not None and boss.department != post.spec.department

    def cascade(self, owner: Post, others: Sequence[Post]) -> tuple[Post, Post] | None:
        """Where the reporting line decides (no post of the baseline leads the function, or it is a team function): a
        report the proposal would demote that heads a unit of its own under the owner (a store manager under a regional
        manager) does the work for its unit while the owner breaks it down: a cascade a consultant keeps, not duplicated
        work. Demoting it is wrong and keeping it leaves the overlap: no change. The owner and that report, or None."""
        for y in others:
            if owner.spec.id in self.above(y) and self.heads_unit(y):
                return owner, y
        return None

    def told_apart(self, posts: Sequence[Post], scores: Mapping[str, float]) -> bool:
        """Whether the evidence tells ``posts`` apart: different scores (to two decimals) or places in the hierarchy."""
        return len({(round(scores[p.ref.iri], 2), p.depth) for p in posts}) > 1

    def closer_elsewhere(self, posts: Sequence[Post], standard: Sequence[StdPost]) -> tuple[Post, StandardMatch, float] | None:
        """A post outside ``posts`` much closer to the standard's owner than any of them (the work went to the
        wrong posts, not to one too many): that post, its match, and the best of ``posts``."""
        if not standard:
            return None

        key = tuple(sorted(sp.ref.iri for sp in standard))
        memo = self._best

        def best(post: Post) -> StandardMatch:
            """Once per signature and set of standard posts, for the whole run: ranking reads every post of the
            chain, and an overlap in every store asks again (the best of the same posts is the same)."""
            k = (key, post.signature)
            found = memo.get(k)
            if found is None:
                found = memo[k] = max((self.align(post, sp) for sp in standard), key=lambda m: (m.score, m.post.iri))
            return found

        inside = max(best(p).score for p in posts)
        names = {p.ref.iri for p in posts}
        ranking = self._closest.get(key)
        if ranking is None:  # every post by its closeness to these standard posts, once (an overlap per store asks again)
            score = {sig: best(group[0]).score for sig, group in self.by_signature.items()}
            ranking = self._closest[key] = [p for _s, _o, p in sorted([(-score[sig], order, p) for sig, order, p in self.ordered])]
        post = next((p for p in ranking if p.ref.iri not in names), None)
        if post is None:
            return None
        match = best(post)
        if match.score >= CLOSER_ELSEWHERE and match.score - inside >= CLOSER_MARGIN:
            return post, match, inside
        return None

    def _move_elsewhere(self, base: Proposal, posts: Sequence[Post], f: URIRef, owner: Post, match: StandardMatch,
                        inside: float) -> Proposal:
        fref = self.fn_ref(f)
        leader = next(sp for sp in self.leaders[f] if sp.ref.iri == match.post.iri)
        duty = next(d for d in leader.duties if f in d.lead)
        base.status, base.owner, base.others = "change", owner.ref, [p.ref for p in posts]
        base.changes = [Change("add-duty", owner.ref, fref, None, duty.zh, duty.en, duty.citation)]
        for y in posts:
            for d in y.duties:
                if f in d.lead:
                    base.changes.append(Change("support", y.ref, fref, None, d.zh, d.en, d.source, str(d.iri)))
        base.standard = self.std_evidence([duty])
        base.reasons = [Reason(f"「{owner.ref.zh}」与主责该职能的标准岗位 {match.post.zh} 最接近（{match.score:.2f}），"
                               f"而交叉的岗位最多 {inside:.2f}",
                               f"{owner.ref.en or owner.ref.zh} is closest to the standard's {match.post.en or match.post.zh}, which "
                               f"leads it ({match.score:.2f}); the overlapping posts at most {inside:.2f}", match.score)]
        base.confidence = round(min(1.0, match.score) * (0.6 + 0.4 * min(1.0, 3 * (match.score - inside))), 3)
        base.confidence_reasons = [Reason(f"交叉的岗位都不像标准的主责岗位：差 {match.score - inside:.2f}",
                                          f"none of the overlapping posts is like the standard's owner: by {match.score - inside:.2f}")]
        names_zh = "、".join(p.ref.zh for p in posts)
        names_en = ", ".join(p.ref.en or p.ref.zh for p in posts)
        base.summary_zh = f"由「{owner.ref.zh}」主责「{fref.zh}」（{duty.citation}），{names_zh} 改为配合"
        base.summary_en = f"{owner.ref.en or owner.ref.zh} leads {fref.en or fref.zh} ({duty.citation}); {names_en} support it"
        return base

    def aligned_accountable(self, metric: URIRef) -> list[StdPost]:
        """The baseline's posts that the curated alignment (skos:exactMatch or closeMatch, either way) makes the same
        job as a post of another document accountable for ``metric``: that standard decided who answers for it."""
        from rdflib.namespace import SKOS

        out = []
        for other in self.kb.graph.subjects(RKG.accountableFor, metric):
            for rel in (SKOS.exactMatch, SKOS.closeMatch):
                for b in [*self.kb.graph.objects(other, rel), *self.kb.graph.subjects(rel, other)]:
                    sp = self.std.get(b) if isinstance(b, URIRef) else None
                    if sp is not None and sp not in out:
                        out.append(sp)
        return out

    def propose_metric(self, finding: Finding, m: Ref) -> Proposal:
        posts = [self.posts[p.iri] for p in finding.posts if p.iri in self.posts]
        base = Proposal(finding.id, finding.rule, finding.kind, m, "none", "", "", finding.organisation)
        if len(posts) < 2:
            base.summary_zh, base.summary_en = "不提议：该结果的岗位不在本设计中", "no proposal: the finding's posts are not this design's"
            return base
        metric = URIRef(m.iri)
        accountable = self._accountable.get(metric)
        if accountable is None:  # the same for the metric in every store: asked of the graph once
            accountable = self._accountable[metric] = [
                sp for sp in self.std.values() if (URIRef(sp.ref.iri), RKG.accountableFor, metric) in self.kb.graph]
        accountable = list(accountable)
        aligned = False
        if not accountable:  # another standard's metric: its accountable post there, mapped to the baseline's by the curated alignment
            accountable = self.aligned_accountable(metric)
            aligned = bool(accountable)
        scores: dict[str, float] = {}
        reasons: dict[str, list[Reason]] = {}
        for post in posts:
            best = max((self.align(post, sp) for sp in accountable), key=lambda x: x.score, default=None)
            scores[post.ref.iri] = best.score if best is not None else 0.0
            reasons[post.ref.iri] = [Reason(f"与对该指标负责的标准岗位 {best.post.zh} 最接近：{best.score:.2f}",
                                            f"closest to the standard's {best.post.en or best.post.zh}, accountable for it: "
                                            f"{best.score:.2f}", best.score)] if best is not None else []
        elsewhere = self.closer_elsewhere(posts, accountable)
        if elsewhere is not None:
            post, match, inside = elsewhere
            base.owner = post.ref
            base.summary_zh = (f"不提议修改：这些岗位都不像对「{m.zh}」负责的标准岗位 {match.post.zh}（最多 {inside:.2f}）；"
                               f"最接近的是「{post.ref.zh}」（{match.score:.2f}）——考虑由它负责")
            base.summary_en = (f"no change proposed: none of these posts is like the standard's {match.post.en or match.post.zh}, "
                               f"accountable for {m.en or m.zh} (at most {inside:.2f}); the closest is {post.ref.en or post.ref.zh} "
                               f"({match.score:.2f}): consider making it accountable")
            return base
        ranked = self._rank(posts, scores, superior_first=not accountable)
        owner, others = ranked[0], ranked[1:]
        head = next((p for p in others if self.is_top(p)), None)
        line: list[Reason] = []
        if head is not None and head.spec.id in self.above(owner):
            # the head of the whole design answers for the whole organisation's metric; the post most like the
            # standard's accountable post lowers its own part of it, which is contributing, not answering for it
            line = [Reason(f"「{head.ref.zh}」是整个设计的负责人，对全组织的「{m.zh}」负责；「{owner.ref.zh}」最像对它负责的标准岗位，"
                           "只为自己那部分出力：改为配合",
                           f"{head.ref.en or head.ref.zh} heads the whole design and answers for the whole organisation's "
                           f"{m.en or m.zh}; {owner.ref.en or owner.ref.zh}, the post most like the standard's accountable "
                           "post, contributes its own part: it no longer answers for the whole")]
            ranked = [head, *[p for p in ranked if p is not head]]
            owner, others = head, ranked[1:]
        elif head is not None:  # a head of another line than the owner's: no change, each answers for its part
            base.summary_zh = (f"不提议修改：「{head.ref.zh}」是整个设计的负责人，对全组织的「{m.zh}」负责；"
                               f"「{owner.ref.zh}」最像对它负责的标准岗位，为自己的部分负责——逐级分解，不是重复；"
                               "如要只留一个负责，由组织决定")
            base.summary_en = (f"no change: {head.ref.en or head.ref.zh} heads the whole design and answers for the whole "
                               f"organisation's {m.en or m.zh}; {owner.ref.en or owner.ref.zh}, the post most like the "
                               "standard's accountable post, answers for its part: a cascade, not duplicated accountability; "
                               "whether only one should answer for it is the organisation's decision")
            base.reasons = reasons[owner.ref.iri]
            return base
        base.status, base.owner, base.others = "change", owner.ref, [p.ref for p in others]
        for y in others:
            base.changes.append(Change("drop-metric", y.ref, None, m, source=self.resolved.metric_sources.get(
                (URIRef(y.ref.iri), metric), "")))
        base.reasons = reasons[owner.ref.iri] + line
        if aligned:
            base.reasons.append(Reason("该指标出自其他标准：对其负责的岗位经整理的岗位对照（exactMatch/closeMatch）对应到对标标准的岗位",
                                       "a metric of another standard: the post accountable for it there is mapped to the "
                                       "baseline's by the curated post alignment (exactMatch/closeMatch)"))
        if not accountable:
            base.reasons.append(Reason("对标标准没有岗位对该指标负责：由汇报线上的上级负责（一个 A）",
                                       "no post of the baseline is accountable for it: the superior in the line is (one A)"))
        base.confidence, base.confidence_reasons = confidence(scores[owner.ref.iri], ranked, scores, owner)
        if not accountable or line:
            base.confidence = round(min(base.confidence, 0.5), 3)
        names_zh = "、".join(p.ref.zh for p in others)
        names_en = ", ".join(p.ref.en or p.ref.zh for p in others)
        base.summary_zh = f"由「{owner.ref.zh}」对「{m.zh}」负责，{names_zh} 不再负责"
        base.summary_en = f"{owner.ref.en or owner.ref.zh} is accountable for {m.en or m.zh}; {names_en} no longer"
        return base

    # ------------------------------------------------------------------ split and merge

    def closest_std(self, post: Post) -> StdPost | None:
        """The standard's post closest to ``post`` (validation/alignment.py: :meth:`Aligner.closest_std`)."""
        return self.aligner.closest_std(post)

    def above(self, post: Post) -> set[str]:
        """The ids of the posts above ``post`` in its reporting line."""
        specs = self.specs
        seen: set[str] = set()
        cur = post.spec.reports_to
        while cur is not None and cur in specs and cur not in seen:
            seen.add(cur)
            cur = specs[cur].reports_to
        return seen

    def restructures(self) -> list[Proposal]:
        """The split and merge proposals (validation/restructure.py), from this proposer's reading of the posts."""
        return [*splits(self), *merges(self)]

    def std_citation(self, sp: StdPost) -> str:
        """A standard post cited as a consultant would (T/CCAGM 003-2021 4.1.5)."""
        return f"{self.baseline.citation} {sp.ref.iri.rsplit('/', 1)[-1]}"

    def organisation(self) -> Ref | None:
        """The design's organisation when it is one (a restructure is about posts, not a finding of one)."""
        orgs = self.report.organisations
        return orgs[0].organisation if len(orgs) == 1 else None

    # ------------------------------------------------------------------ the rest

    def propose_post_without_duty(self, finding: Finding, post: Post, taken: dict[str, list[str]]) -> Proposal:
        base = Proposal(finding.id, finding.rule, finding.kind, post.ref, "none", "", "", finding.organisation, owner=post.ref)
        via = taken.get(post.ref.iri, [])
        if via:
            resolved_via(base, list(via))
            return base
        best = max((self.align(post, sp) for sp in self.std.values()), key=lambda x: (x.score, x.post.iri), default=None)
        if best is not None and best.score >= ELIGIBLE_ALIGNMENT:
            base.summary_zh = (f"不提议：请填写职责；名称最接近的标准岗位是 {best.post.zh}（{best.score:.2f}），"
                               "其在范围内的工作已有岗位主责——或考虑合并岗位")
            base.summary_en = (f"no proposal: fill in its duties; the closest standard post by title is {best.post.en or best.post.zh} "
                               f"({best.score:.2f}), whose work in the scope other posts already lead; or merge the post")
        else:
            base.summary_zh = "不提议：没有名称相近的标准岗位；请填写职责或撤销岗位"
            base.summary_en = "no proposal: no standard post is close by title; fill in its duties or remove the post"
        return base

    def helps_superior(self, post: Post, taken: Mapping[str, list[str]], out: Mapping[str, Proposal]) -> list[Change]:
        """For a post without duties that no proposal gives work: the duties its direct superior takes by the gaps'
        proposals, when the post's title names the superior's trade (售后客服 and 售前客服 under 客服主管). The
        consultants' principle: a post's name and its place under its supervisor settle its work; it carries out,
        supporting, the work its supervisor now leads. Empty when the superior takes nothing or is of another trade."""
        boss = self.specs.get(post.spec.reports_to or "")
        if boss is None:
            return []
        trade = title_core(boss.name)
        if not trade or trade not in post.spec.name or trade == title_core(post.spec.name):
            return []
        iri = str(self.resolved.posts[boss.id])
        return [c for fid in taken.get(iri, []) for c in out[fid].changes if c.action == "add-duty" and c.post.iri == iri]

    def _support_superior(self, base: Proposal, post: Post, duties: Sequence[Change]) -> None:
        """Make ``base`` (a post without duties) the change giving ``post`` the standard's ``duties`` its superior takes,
        as support."""
        base.status = "change"
        base.owner = post.ref
        base.changes = [Change("add-support", post.ref, c.function, None, c.text_zh, c.text_en, c.source) for c in duties]
        boss = duties[0].post
        names_zh = "、".join(c.function.zh for c in duties if c.function is not None)
        names_en = ", ".join(c.function.en or c.function.zh for c in duties if c.function is not None)
        base.reasons = [Reason(f"岗位名称指向其直接上级「{boss.zh}」的工作，上级由其他提议主责：{names_zh}：由本岗位配合执行",
                               f"its title names the work of its superior {boss.en or boss.zh}, which other proposals make "
                               f"lead {names_en}: the post carries it out, supporting")]
        base.confidence = HELPER_CONFIDENCE
        base.confidence_reasons = [Reason("只凭岗位名称与汇报关系：具体分工由组织填写", "by the post's title and reporting line "
                                          "alone: the organisation writes the detail")]
        base.summary_zh = f"为「{post.ref.zh}」增加配合职责（{len(duties)} 项，配合「{boss.zh}」）：{names_zh}"
        base.summary_en = (f"add to {post.ref.en or post.ref.zh} {len(duties)} supporting duty(ies), under "
                           f"{boss.en or boss.zh}: {names_en}")

    def propose_all(self) -> list[Proposal]:
        out: dict[str, Proposal] = {}
        later: list[Finding] = []
        taken: dict[str, list[str]] = defaultdict(list)
        for finding in self.report.findings:
            if finding.kind not in (Kind.OVERLAP, Kind.GAP):
                continue
            if finding.kind is Kind.OVERLAP and finding.function is not None:
                out[finding.id] = self.propose_overlap(finding, URIRef(finding.function.iri))
            elif finding.kind is Kind.OVERLAP and finding.metric is not None:
                out[finding.id] = self.propose_metric(finding, finding.metric)
            elif finding.kind is Kind.GAP and finding.function is not None and URIRef(finding.function.iri) in self.kb.functions:
                p = out[finding.id] = self.propose_gap(finding, URIRef(finding.function.iri))
                if p.owner is not None:
                    taken[p.owner.iri].append(finding.id)
            else:
                later.append(finding)
        for finding in later:
            post = self.posts.get(finding.focus[0]) if len(finding.posts) == 1 and finding.focus else None
            if post is not None and not post.duties:
                out[finding.id] = self.propose_post_without_duty(finding, post, taken)
                helper = self.helps_superior(post, taken, out) if out[finding.id].status == "none" else []
                if helper:
                    self._support_superior(out[finding.id], post, helper)
                continue
            p = Proposal(finding.id, finding.rule, finding.kind, finding.subject, "none", "", "", finding.organisation)
            if finding.area is not None:
                p.summary_zh = f"需决定而非修改：把「{finding.area.zh}」加入 scope（其职能成为空白并各有提议）或加入 exclude"
                p.summary_en = (f"a decision, not an edit: add {finding.area.en or finding.area.zh} to scope: (its functions "
                                f"become gaps, each with a proposal) or to exclude:")
            elif finding.department is not None:
                p.summary_zh = "需决定：为该单位设岗位，或删除该单位"
                p.summary_en = "a decision: set up a post in the unit, or remove the unit"
            else:
                p.summary_zh = "不提议：该规则的结果没有可提议的修改"
                p.summary_en = "no proposal: this rule's findings have no edit to propose"
            out[finding.id] = p
        cross_reference([p for p in out.values() if p.kind is Kind.OVERLAP and p.status == "change"])
        return [out[f.id] for f in self.report.findings if f.id in out]


def propose(report: Report, kb: KnowledgeBase) -> tuple[list[Proposal], list[PostAlignment]]:
    """The proposals for a validated design's overlap and gap findings, and each post's closest standard posts;
    nothing for a report without a design (RDF, an endpoint, the bundled documents)."""
    resolved = report.resolved
    if not isinstance(resolved, ResolvedDesign):
        return [], []
    proposer = Proposer(report, resolved, kb)
    return proposer.propose_all(), proposer.alignments()


def restructures(report: Report, kb: KnowledgeBase) -> list[Proposal]:
    """Proposals to split a post (its duties lead functions of more areas than its closest standard post's, each
    extra part like another standard post) or merge two (the standard gives all their work to one post). They
    resolve no finding and are applied only when chosen (``org propose --only S…``): the consultant decides."""
    resolved = report.resolved
    if not isinstance(resolved, ResolvedDesign):
        return []
    return Proposer(report, resolved, kb).restructures()


def propose_everything(report: Report, kb: KnowledgeBase) -> tuple[list[Proposal], list[PostAlignment], list[Proposal]]:
    """:func:`propose` and :func:`restructures` from one :class:`Proposer` (what validation reports): reading a
    chain's posts and aligning them with the standard's is most of either's work, and neither changes it."""
    resolved = report.resolved
    if not isinstance(resolved, ResolvedDesign):
        return [], [], []
    proposer = Proposer(report, resolved, kb)
    return proposer.propose_all(), proposer.alignments(), proposer.restructures()
