"""From rule results to findings: group them, name them, cite the duties behind them.

:mod:`retailkg.validation.compile` answers with bare (shape, focus, value, other) results. A consultant needs
*which posts* overlap on *which function*, in words, with the duties that say so, and, in a chain,
*in how many stores* the same thing happens. This module reads the names and citations from a
:class:`~retailkg.validation.lookup.Lookup` (only for the nodes the results cite) and the coverage numbers
from a few whole-graph queries, so its cost follows the findings, not the size of the design.

Grouping (docs/validation.md, "Large organisations"):

- overlap results come as pairs. A pair is keyed by its rule, its value and the stores/regions
  its two posts sit in (none for head-office posts); the pairs of one key are one finding. Posts
  of one head office that lead the same function are therefore one finding, as before, while the
  same overlap inside 3,000 stores is 3,000 findings, one per store;
- each finding has a ``scope`` (its innermost store or region) and a ``pattern`` (rule, value, and
  the posts' names and departments below the store), equal across stores, so a report can show a
  repeated finding once with the count and the list of stores;
- every other rule gives one finding per (rule, focus, value), or one per organisation when its
  shape says so (``rkgsh:findingPer``: the reporting-cycle rule).

What a finding shows beyond its focus and value (its posts, the duties that prove it, the
baseline's posts, the matcher's candidates) is declared in its rule's shape (``rkgsh:evidence``
and the rest of shapes/vocabulary.ttl, read as :class:`~retailkg.validation.shapes.Naming`) and
followed here the same way for every rule, a user's too: nothing here knows a rule by its name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from rdflib import RDFS, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from retailkg.design.resolve import ResolvedDesign
from retailkg.kg.catalog import DOCUMENTS, Document
from retailkg.kg.knowledge import KnowledgeBase
from retailkg.ns import RKG
from retailkg.query.engines import Engine
from retailkg.query.results import LexicalTable
from retailkg.validation.compile import RuleResult
from retailkg.validation.findings import (
    AreaCoverage,
    CoverageMatrix,
    CoverageRow,
    Evidence,
    Finding,
    Kind,
    OrgSummary,
    PostRef,
    Ref,
    Severity,
    breadth,
)
from retailkg.validation.lookup import Lookup
from retailkg.validation.shapes import EvidenceRecipe, PathExpr, RuleInfo

if TYPE_CHECKING:
    from retailkg.validation.reads import Needs
    from retailkg.validation.ruleset import RuleSet

__all__ = ["FACT_QUERIES", "LOOKUP_PREDICATES", "Context", "complete_area_findings", "count_findings", "coverage", "name_findings",
           "needs_of", "owner_of", "sort_findings"]

# rdflib's Namespace builds a new URIRef on every attribute access (100,000 times for a chain's
# findings); the terms used here are built once.
TERMS = SimpleNamespace(**{name: RKG[name] for name in (
    "accountableFor",
    "addressesFunction",
    "baseline",
    "concernsMetric",
    "dutyOf",
    "excludesFunction",
    "hasTask",
    "hasUnitFunction",
    "inDepartment",
    "inOrganisation",
    "reference",
    "routineOf",
    "sourceDocument",
    "stageOf",
    "subUnitOf",
    "supportsFunction",
    "unitKind",
    "unitOf",

)})

_REPLICATED = ("store", "region")
_DOCUMENT_BY_IRI = {str(d.iri): d for d in DOCUMENTS}


@dataclass
class Context:
    """What naming needs: the data, the knowledge base, and the design when there is one."""

    lookup: Lookup
    kb: KnowledgeBase
    design: ResolvedDesign | None
    baselines: dict[URIRef, Document]
    reference_orgs: frozenset[URIRef] = frozenset()

    def __post_init__(self) -> None:
        self._posts: dict[Node, PostRef] = {}
        self._refs: dict[Node, Ref] = {}
        self._owner: dict[Node, URIRef | None] = {}
        self._scope: dict[Node, URIRef | None] = {}
        self._unit_scopes: dict[Node, URIRef | None] = {}
        self._unit_places: dict[Node, str] = {}
        self._chains: dict[Node, list[URIRef]] = {}
        self.post_rows: dict[str, tuple[str, int, str, str | None]] | None = None  # post -> org, order, name, unit
        self.facts: dict[str, LexicalTable] = {}  # answers to FACT_QUERIES fetched beforehand (alongside the rules)
        self._leads: dict[tuple[str, str], list[str]] | None = None
        self._duty_post: dict[str, str] | None = None
        self._duties: dict[tuple[Node, URIRef, Node], list[URIRef]] = {}
        self._evidence: dict[tuple[Node, str], Evidence] = {}
        self._reached: dict[tuple[EvidenceRecipe, Node, Node | None], list[Node]] = {}
        self._walks: dict[tuple[PathExpr, Node], list[Node]] = {}
        self.covers: dict[tuple[str, URIRef], dict[Node, list[Any]]] = {}  # a baseline's duties by what they state
        self._post_en: dict[str, str] = {}
        self.result_ids: dict[RuleResult, str] = {}  # each a SHA-1, asked by naming and by the report graph

    def prefetch_posts(self, source: Engine, organisations: Iterable[URIRef]) -> None:
        """Every post of ``organisations`` with its names and unit, in one query: naming thousands of
        findings then needs no lookup per post, and the coverage matrix reuses the rows."""
        wanted = {str(o) for o in organisations}
        self.post_rows = {}
        t = self.table(source, _POSTS)
        i_org, i_post, i_unit, i_unit_order, i_order, i_name, i_en = (
            t.column(c) for c in ("org", "post", "unit", "unitOrder", "order", "name", "nameEn"))
        for row in t.rows:
            post, org = row[i_post], row[i_org]
            if org not in wanted or post is None or post in self.post_rows:
                continue
            order = _int(row[i_unit_order]) * 1000 + _int(row[i_order])
            self.post_rows[post] = (org, order, row[i_name] or "", row[i_unit])
            self._post_en[post] = row[i_en] or ""

    def table(self, source: Engine, text: str) -> LexicalTable:
        """The answer to one of FACT_QUERIES: fetched beforehand, or asked now."""
        found = self.facts.get(text)
        return found if found is not None else source.table(source.fetch(text))

    def result_id(self, r: RuleResult) -> str:
        """The id of a result's node in the report graph (computed once)."""
        found = self.result_ids.get(r)
        if found is None:
            found = self.result_ids[r] = result_id(r)
        return found

    # --- names ---------------------------------------------------------------------------------

    def short(self, node: Node) -> str:
        s = str(node)
        if self.design is not None and s.startswith(self.design.base):
            return s[len(self.design.base):]
        return self.kb.short(s)

    def ref(self, node: Node) -> Ref:
        r = self._refs.get(node)
        if r is None:
            zh, en = self.lookup.names(node)
            if isinstance(node, URIRef):  # the knowledge base labels IRIs only
                zh = zh or self.kb.label(node, "zh")
                en = en or self.kb.label(node, "en")
            r = self._refs[node] = Ref(str(node), self.short(node), zh, en)
        return r

    def post(self, node: Node) -> PostRef:
        if node not in self._posts and self.post_rows is not None and str(node) in self.post_rows:
            _org, _order, zh, unit = self.post_rows[str(node)]
            self._posts[node] = PostRef(str(node), self.short(node), zh, self._post_en.get(str(node), ""),
                                        self.ref(self.lookup.iri(unit)) if unit else None)
        if node not in self._posts:
            r = self.ref(node)
            dept = self.lookup.value(node, TERMS.inDepartment)
            self._posts[node] = PostRef(r.iri, r.id, r.zh, r.en, self.ref(dept) if isinstance(dept, URIRef) else None)
        return self._posts[node]

    def citation(self, statement: Node) -> str:
        if self.design is not None and isinstance(statement, URIRef) and statement in self.design.duties:
            return self.design.duties[statement].source
        doc = _DOCUMENT_BY_IRI.get(self.lookup.text(statement, TERMS.sourceDocument))
        ref = self.lookup.text(statement, TERMS.reference)
        if doc is not None:
            return f"{doc.citation} {ref}".strip()
        return ref or self.short(statement)

    def duty_evidence(self, duty: Node, role: str) -> Evidence:
        """A duty as evidence (cached: a head-office duty is cited in the finding of every store)."""
        key = (duty, role)
        found = self._evidence.get(key)
        if found is None:
            found = self._evidence[key] = self._duty_evidence(duty, role)
        return found

    def _duty_evidence(self, duty: Node, role: str) -> Evidence:
        post = self._post_of(duty)
        zh, en = self.lookup.names(duty)
        ev = Evidence(self.post(post) if isinstance(post, URIRef) else PostRef("", "", ""), role,
                      zh, en, self.citation(duty), str(duty))
        if self.design is not None and isinstance(duty, URIRef) and duty in self.design.duties:
            rd = self.design.duties[duty]
            fm = next(iter(rd.match.functions), None) if rd.match is not None else None
            if fm is not None:
                best = fm.evidence
                ev = Evidence(ev.post, role, ev.text_zh, ev.text_en, ev.source, ev.statement, fm.score,
                              self.ref(best.iri) if best else None, best.citation if best else "",
                              rd.match is not None and rd.match.to_review, tuple((x.text, x.url) for x in fm.examples))
            elif rd.match is not None and rd.match.to_review:  # unmapped, but the matcher was unsure of that too
                ev = Evidence(ev.post, role, ev.text_zh, ev.text_en, ev.source, ev.statement, rd.match.probability,
                              to_review=True)
            elif rd.corrected:  # a reviewer set its functions (the report workbook's Mapping review)
                ev = Evidence(ev.post, role, ev.text_zh, ev.text_en, ev.source, ev.statement, corrected=rd.corrected)
        return ev

    def duties_of(self, post: Node, pred: URIRef, value: Node) -> list[URIRef]:
        """The duties of ``post`` that say ``pred value``, by IRI."""
        if pred is TERMS.addressesFunction and _POST_FUNCTIONS in self.facts:
            return sorted(self.lookup.iri(d) for d in self._lead_duties().get((str(post), str(value)), ()))
        key = (post, pred, value)
        found = self._duties.get(key)
        if found is None:  # a head-office post recurs in the finding of every store it overlaps with
            found = self._duties[key] = sorted(d for d in self.lookup.subjects(TERMS.dutyOf, post)
                                               if isinstance(d, URIRef) and (d, pred, value) in self.lookup)
        return found

    def evidence(self, recipe: EvidenceRecipe, starts: Sequence[Node], value: Node | None, org: Node) -> list[Evidence]:
        """The evidence a shape declares (:class:`~retailkg.validation.shapes.EvidenceRecipe`) for
        a finding: from each start node, the statements its path reaches that state the value (and
        belong to the organisation), by post, each cited as :meth:`duty_evidence` does; a start with
        none is cited by the recipe's ``otherwise`` text, when it has one."""
        out: list[Evidence] = []
        for start in sorted(starts, key=str):
            statements = self._statements(recipe, start, value)
            if recipe.own:
                statements = [x for x in statements if self.owner(x) == org]
            statements = sorted(statements, key=lambda x: (str(self._post_of(x) or ""), str(x)))
            if recipe.first:
                statements = statements[:1]
            if statements:
                out += [self.duty_evidence(x, recipe.role) for x in statements]
            elif recipe.otherwise_zh or recipe.otherwise_en:
                vzh, ven = _value_names(value, self)
                out.append(Evidence(self.post(start), recipe.role, _render(recipe.otherwise_zh, "", vzh),
                                    _render(recipe.otherwise_en, "", ven), self.statement_source(start, value)))
        return out

    def _statements(self, recipe: EvidenceRecipe, start: Node, value: Node | None) -> list[Node]:
        """The statements a recipe reaches from ``start`` for ``value`` (cached: a head-office post is
        cited in the finding of every store it overlaps with)."""
        key = (recipe, start, value)
        found = self._reached.get(key)
        if found is None:
            found = self._reached[key] = self._reach(recipe, start, value)
        return found

    def _reach(self, recipe: EvidenceRecipe, start: Node, value: Node | None) -> list[Node]:
        if recipe.path is None:
            candidates: list[Node] = [start]
        elif recipe.stating is not None and value is not None and recipe.start == "organisation":
            # an organisation holds many statements, a value few: walk back from the value
            back = _inverse(recipe.path)
            return [x for x in self.walk(_inverse(recipe.stating), value) if start in self.walk(back, x)]
        elif recipe.stating == ("p", str(TERMS.addressesFunction)) and recipe.path == ("^", ("p", str(TERMS.dutyOf))) \
                and value is not None:
            return list(self.duties_of(start, TERMS.addressesFunction, value))  # the coverage query's rows answer it
        else:
            candidates = self.walk(recipe.path, start)
        if recipe.stating is None or value is None:
            return candidates
        return [x for x in candidates if value in self.walk(recipe.stating, x)]

    def walk(self, path: PathExpr, start: Node) -> list[Node]:
        """The nodes ``path`` reaches from ``start`` (memoised step by step: the duties of one post,
        the post of one duty, are walked for many findings)."""
        key = (path, start)
        found = self._walks.get(key)
        if found is None:
            found = self._walks[key] = _walk(self, path, start)
        return found

    def statement_source(self, subject: Node, value: Node | None) -> str:
        """Where the design states a link from ``subject`` to ``value`` (its row), else the subject's citation."""
        if self.design is not None and isinstance(subject, URIRef) and isinstance(value, URIRef):
            found = self.design.metric_sources.get((subject, value))
            if found:
                return found
        return self.citation(subject)

    def _post_of(self, duty: Node) -> Node | None:
        """The post of a duty: from the coverage query's rows when they hold it (fetched alongside
        the rules), else looked up."""
        if self._duty_post is None and _POST_FUNCTIONS in self.facts:
            t = self.facts[_POST_FUNCTIONS]
            i_duty, i_post = t.column("duty"), t.column("post")
            self._duty_post = {}
            for row in t.rows:
                d, p = row[i_duty], row[i_post]
                if d is not None and p is not None:  # both always bound
                    self._duty_post[d] = p
        post = self._duty_post.get(str(duty)) if self._duty_post is not None else None
        return self.lookup.iri(post) if post is not None else self.lookup.value(duty, TERMS.dutyOf)

    def _lead_duties(self) -> dict[tuple[str, str], list[str]]:
        """(post, function) -> the duties leading it, from the coverage query's rows (fetched
        alongside the rules): an overlap finding cites them for each of its posts."""
        if self._leads is None:
            self._leads = defaultdict(list)
            t = self.facts[_POST_FUNCTIONS]
            i_post, i_fn, i_role, i_duty = (t.column(c) for c in ("post", "function", "role", "duty"))
            for row in t.rows:
                post, fn, duty = row[i_post], row[i_fn], row[i_duty]
                if row[i_role] == "lead" and duty is not None and post is not None and fn is not None:  # post, fn: always bound
                    self._leads[(post, fn)].append(duty)
        return self._leads

    # --- where things belong -------------------------------------------------------------------

    def owner(self, node: Node) -> URIRef | None:
        """The organisation a post, duty, unit, statement or metric belongs to."""
        if node in self._owner:
            return self._owner[node]
        row = self.post_rows.get(str(node)) if self.post_rows is not None else None
        found = self.lookup.iri(row[0]) if row is not None else owner_of(self.lookup, node)
        self._owner[node] = found
        return found

    def _unit_of(self, post: Node) -> Node | None:
        row = self.post_rows.get(str(post)) if self.post_rows is not None else None
        if row is not None:
            return self.lookup.iri(row[3]) if row[3] else None
        return self.lookup.value(post, TERMS.inDepartment)

    def scope(self, post: Node) -> URIRef | None:
        """The innermost store or region unit ``post`` sits in (None: none, the head office)."""
        if post not in self._scope:
            unit = self._unit_of(post)
            self._scope[post] = self.unit_scope(unit) if unit is not None else None
        return self._scope[post]

    def unit_scope(self, unit: Node) -> URIRef | None:
        """The innermost store or region at or above ``unit`` (cached: a chain has few units)."""
        if unit not in self._unit_scopes:
            found: URIRef | None = None
            for u in _chain(self, unit):
                if self.lookup.text(u, TERMS.unitKind) in _REPLICATED:
                    found = u
                    break
            self._unit_scopes[unit] = found
        return self._unit_scopes[unit]

    def unit_place(self, unit: Node) -> str:
        """The names of ``unit`` and the units above it, up to its store (shown as ``<store>``)."""
        if unit not in self._unit_places:
            stop = self.unit_scope(unit)
            names = []
            for u in _chain(self, unit):
                if u == stop:
                    names.append(f"<{self.lookup.text(u, TERMS.unitKind)}>")
                    break
                names.append(self.ref(u).zh)
            self._unit_places[unit] = "/".join(names)
        return self._unit_places[unit]

    def place(self, post: Node, name: str | None = None, unit: Node | None = None) -> str:
        """A post's name and its units' names up to (not including) its store: equal across stores."""
        if name is None:
            ref = self.post(post)
            name = ref.zh or ref.en
        return self.named_place(name, unit if unit is not None else self._unit_of(post))

    def named_place(self, name: str, unit: Node | None) -> str:
        """:meth:`place` of a post whose name and unit are known (it needs no node for the post)."""
        return name + ("/" + self.unit_place(unit) if unit is not None else "")


def _inverse(path: PathExpr) -> PathExpr:
    """The path walked the other way."""
    op = path[0]
    if op == "p":
        return ("^", path)
    if op == "^":
        inner: PathExpr = path[1]
        return inner
    if op == "/":
        return ("/", tuple(_inverse(x) for x in reversed(path[1])))
    if op == "|":
        return ("|", tuple(_inverse(x) for x in path[1]))
    return (op, _inverse(path[1]))


def _walk(ctx: Context, path: PathExpr, start: Node) -> list[Node]:
    """The nodes ``path`` reaches from ``start`` (SHACL path semantics, through lookups), in a stable
    order; each step through :meth:`Context.walk`."""
    lookup = ctx.lookup
    op = path[0]
    if op == "p":
        return lookup.objects(start, lookup.iri(path[1]))
    if op == "^":
        inner = path[1]
        if inner[0] == "p":
            return lookup.subjects(lookup.iri(inner[1]), start)
        return ctx.walk(_inverse(inner), start)
    if op == "/":
        nodes = [start]
        for step in path[1]:
            nodes = list(dict.fromkeys(n for x in nodes for n in ctx.walk(step, x)))
        return nodes
    if op == "|":
        return list(dict.fromkeys(n for step in path[1] for n in ctx.walk(step, start)))
    seen: list[Node] = [start] if op in ("*", "?") else []
    frontier = [start]
    while frontier:
        nxt = list(dict.fromkeys(n for x in frontier for n in ctx.walk(path[1], x) if n not in seen))
        seen += nxt
        frontier = nxt if op != "?" else []
    return seen


def owner_of(lookup: Lookup, node: Node) -> URIRef | None:
    """The organisation of a node, following the design's own links (no inference)."""
    org = lookup.value(node, TERMS.inOrganisation)
    if org is not None:
        return org if isinstance(org, URIRef) else None
    for pred in (TERMS.unitOf, TERMS.routineOf, TERMS.stageOf):
        org = lookup.value(node, pred)
        if isinstance(org, URIRef):
            return org
    post = lookup.value(node, TERMS.dutyOf)
    if isinstance(post, URIRef):
        return owner_of(lookup, post)
    for pred in (TERMS.hasUnitFunction, TERMS.hasTask):
        for holder in lookup.subjects(pred, node):
            org = owner_of(lookup, holder)
            if org is not None:
                return org
    for post in lookup.subjects(TERMS.accountableFor, node):
        org = owner_of(lookup, post)
        if org is not None:
            return org
    for statement in lookup.subjects(TERMS.concernsMetric, node):
        org = owner_of(lookup, statement)
        if org is not None:
            return org
    if lookup.value(node, TERMS.baseline) is not None or (node, TERMS.excludesFunction, None) in lookup:
        return node if isinstance(node, URIRef) else None
    return None


# ---------------------------------------------------------------------------------------------
# Findings
# ---------------------------------------------------------------------------------------------


def _render(template: str, this: str, value: str) -> str:
    return template.replace("{$this}", this).replace("{?this}", this).replace("{?value}", value).replace("{$value}", value)


def name_findings(results: list[RuleResult], ctx: Context, rule_info: dict[str, Any],
                  organisations: set[URIRef]) -> list[Finding]:
    """The findings of ``results``, unsorted. Results are grouped within one shape only, so the
    results of each shape can be named on their own, as soon as the shape's queries are answered."""
    groups: dict[tuple[Any, ...], list[RuleResult]] = defaultdict(list)
    for res in results:
        rule = rule_info.get(res.shape)
        if rule is None:
            continue
        focus = ctx.lookup.iri(res.focus)
        org = _organisation(rule, res, ctx)
        if org is None and (focus, TERMS.baseline, None) not in ctx.lookup:
            org = focus if focus in organisations else None
        if org not in organisations:
            continue
        if res.other is not None:
            # a pair: both orientations share the key, so they land in the same finding
            scopes = tuple(sorted({str(s) for s in (ctx.scope(focus), ctx.scope(ctx.lookup.iri(res.other))) if s is not None}))
            key: tuple[Any, ...] = (res.shape, org, res.value, scopes)
        elif rule.kind is Kind.OVERLAP and rule.naming.per == "result" and not rule.custom:
            continue  # the bundled overlap rules speak of pairs; a result without its other post names none
        elif rule.naming.per == "organisation":
            key = (res.shape, org)
        else:
            key = (res.shape, res.focus, res.value)
        groups[key].append(res)
    return [_finding(rule_info[rs[0].shape], rs, ctx) for rs in groups.values()]


def _organisation(rule: RuleInfo, res: RuleResult, ctx: Context) -> URIRef | None:
    """Whose finding a result is: the focus node's organisation, or the value (rkgsh:findingOrganisation)."""
    if rule.naming.organisation == "value" and res.value:
        return ctx.lookup.iri(res.value)
    return ctx.owner(ctx.lookup.iri(res.focus))


def sort_findings(findings: list[Finding], ctx: Context) -> list[Finding]:
    """Organisation, severity, then how much of the organisation a finding touches (:func:`breadth`,
    most first: a finding repeated in many stores counts them all), then kind, rule, the taxonomy's
    order of functions and the stores: deterministic, and the most important first."""
    by_iri = {str(f): info.sort_key for f, info in ctx.kb.functions.items()}
    by_iri |= {str(a): info.sort_key for a, info in ctx.kb.areas.items()}
    groups: dict[tuple[str, str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        if f.pattern:
            groups[(f.organisation.iri if f.organisation else "", f.severity.value, f.pattern)].append(f)
    wide = {k: breadth(g) for k, g in groups.items()}

    def key(f: Finding) -> tuple[Any, ...]:
        k = f.sort_key()
        subject = f.function or f.area
        taxonomy = by_iri.get(subject.iri, (999,)) if subject else (999,)
        scope = f.scope.id if f.scope else ""
        wide_f = wide[(k[0], f.severity.value, f.pattern)] if f.pattern else breadth([f])
        return (*k[:2], -wide_f, *k[2:4], taxonomy, f.pattern, scope, *k[4:])

    return sorted(findings, key=key)


def _value_node(value: str | None, ctx: Context) -> Node | None:
    if value is None:
        return None
    return ctx.lookup.iri(value) if ":" in value and " " not in value else Literal(value)


def _finding(rule: RuleInfo, rs: list[RuleResult], ctx: Context) -> Finding:
    """One finding of a rule's results, named as the rule's shape declares (:class:`Naming`)."""
    kb = ctx.kb
    naming = rule.naming
    first = rs[0]
    focus_node = ctx.lookup.iri(first.focus)
    org = _organisation(rule, first, ctx) or focus_node
    value = _value_node(first.value, ctx)
    focus = sorted({ctx.lookup.iri(r.focus) for r in rs} | {ctx.lookup.iri(r.other) for r in rs if r.other}, key=str)
    f = Finding(
        rule.kind, rule.severity, rule.curie, str(rule.iri), "", "",
        ctx.ref(org), [str(x) for x in focus], value=first.value or "", path=rule.path,
        results=[ctx.result_id(r) for r in rs],
    )
    if isinstance(value, URIRef) and (naming.value == "function" or (not naming.value and value in kb.functions)):
        f.function = ctx.ref(value)
    elif isinstance(value, URIRef) and naming.value == "area":
        f.area = ctx.ref(value)
    elif isinstance(value, URIRef) and naming.value == "metric":
        f.metric = ctx.ref(value)
    if naming.focus == "unit":
        f.department = ctx.ref(focus_node)
    elif naming.focus == "metric":
        f.metric = ctx.ref(focus_node)
    if any(r.other for r in rs) or naming.focus == "post" or (
            naming.focus in ("", "duty") and ctx.lookup.value(focus_node, TERMS.inOrganisation) is not None):
        f.posts = [ctx.post(p) for p in focus]
    elif naming.focus in ("", "duty") and (post := ctx.lookup.value(focus_node, TERMS.dutyOf)) is not None:
        f.posts = [ctx.post(post)]
        if not naming.evidence:
            f.evidence = [ctx.duty_evidence(focus_node, "statement")]
    for recipe in naming.evidence:
        starts: list[Node] = [org] if recipe.start == "organisation" else [ctx.lookup.iri(p.iri) for p in f.posts] \
            if recipe.start == "posts" else [ctx.lookup.iri(r) for r in dict.fromkeys(r.focus for r in rs)]
        f.evidence += ctx.evidence(recipe, starts, value, org)
    if naming.posts == "evidence":
        f.posts = [ctx.post(ctx.lookup.iri(p)) for p in dict.fromkeys(e.post.iri for e in f.evidence if e.post.iri)]
    if naming.baseline is not None and value is not None:
        std = ctx.baselines.get(focus_node)
        if std is not None:
            f.standard_posts, extra = _standard_cover(ctx, std, URIRef(naming.baseline), value)
            f.evidence += extra
    if naming.candidates and ctx.design is not None:
        d = ctx.design.duties.get(focus_node)
        if d is not None and d.match is not None:
            f.candidates = [(ctx.ref(c.function), round(c.score, 3)) for c in d.match.candidates]
    # where in the chain, and the key that is equal for the same finding in another store
    duty_post = ctx.lookup.value(focus_node, TERMS.dutyOf)
    posts: list[Node | None] = [ctx.lookup.iri(p.iri) for p in f.posts] or [focus_node if duty_post is None else duty_post]
    scopes = [s for s in (ctx.scope(p) for p in posts if p is not None) if s is not None]
    if f.department is not None:
        unit_scope = ctx.unit_scope(focus_node)
        scopes = [unit_scope] if unit_scope is not None else []
    if scopes:
        inner = max(scopes, key=lambda s: len(_chain(ctx, s)))
        f.scope = ctx.ref(inner)
        places = sorted(ctx.place(p) for p in posts if p is not None) if not f.department else [
            ctx.unit_place(focus_node)]
        f.pattern = "|".join([rule.curie, first.value or "", *places])
    this_ref = ctx.ref(focus_node)
    vzh, ven = _value_names(value, ctx)
    f.message_zh = _render(rule.message_zh, this_ref.name("zh"), vzh)
    f.message_en = _render(rule.message_en, this_ref.name("en"), ven)
    if rule.custom:  # a SPARQL constraint's other variables (SHACL 5.3.2), or the engine's own message
        given = dict(first.bindings)
        f.message_zh = given.get("message@zh") or _render_bindings(f.message_zh, first.bindings, ctx, "zh") or rule.curie
        f.message_en = given.get("message@en") or _render_bindings(f.message_en, first.bindings, ctx, "en") or rule.curie
    return f


def _value_names(value: Node | None, ctx: Context) -> tuple[str, str]:
    if isinstance(value, URIRef):
        vref = ctx.ref(value)
        return vref.name("zh"), vref.name("en")
    return str(value or ""), str(value or "")


def _render_bindings(template: str, bindings: tuple[tuple[str, str], ...], ctx: Context, lang: str) -> str:
    for name, value in bindings:
        if name.startswith("message@"):
            continue
        shown = ctx.ref(ctx.lookup.iri(value)).name(lang) if ":" in value and " " not in value else value
        template = template.replace("{?" + name + "}", shown).replace("{$" + name + "}", shown)
    return template


def _chain(ctx: Context, unit: Node) -> list[URIRef]:
    """``unit`` and the units above it, innermost first (cached: a chain has few units, asked often)."""
    found = ctx._chains.get(unit)
    if found is None:
        out: list[URIRef] = []
        u: Node | None = unit
        while isinstance(u, URIRef) and u not in out:
            out.append(u)
            u = ctx.lookup.value(u, TERMS.subUnitOf)
        found = ctx._chains[unit] = out
    return found


def result_id(r: RuleResult) -> str:
    import hashlib

    key = "|".join([r.shape, r.focus, r.value or "", r.other or ""])
    return "r" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _standard_cover(ctx: Context, std: Document, predicate: URIRef, value: Node) -> tuple[list[PostRef], list[Evidence]]:
    """The baseline's posts whose duties state ``value`` by ``predicate``, and those duties (from
    the knowledge base, indexed once per baseline and predicate)."""
    index = ctx.covers.get((std.id, predicate))
    if index is None:
        index = ctx.covers[(std.id, predicate)] = defaultdict(list)
        for d in sorted((d for d in ctx.kb.duties.values() if d.document == std), key=lambda d: str(d.iri)):
            for o in ctx.kb.graph.objects(d.iri, predicate):
                index[o].append(d)
    posts: dict[URIRef, PostRef] = {}
    evidence = []
    for d in index.get(value, ()):
        if d.post is None:
            continue
        if d.post not in posts:
            r = Ref(str(d.post), ctx.kb.short(d.post), ctx.kb.label(d.post, "zh"), ctx.kb.label(d.post, "en"))
            posts[d.post] = PostRef(r.iri, r.id, r.zh, r.en, None)
        evidence.append(Evidence(posts[d.post], "baseline", d.zh, d.en, d.citation, str(d.iri)))
    return list(posts.values()), evidence


# ---------------------------------------------------------------------------------------------
# Summaries and coverage: whole-graph queries, one row per post and function
# ---------------------------------------------------------------------------------------------

_POSTS = """
PREFIX rkg: <https://w3id.org/retailkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?org ?post ?unit ?unitOrder ?order ?name ?nameEn WHERE {
  ?post a rkg:Post ;
        rkg:inOrganisation ?org .
  OPTIONAL { ?post rkg:inDepartment ?unit . OPTIONAL { ?unit rkg:order ?unitOrder } }
  OPTIONAL { ?post rkg:order ?order }
  OPTIONAL { ?post rdfs:label ?name . FILTER (langMatches(lang(?name), "zh")) }
  OPTIONAL { ?post rdfs:label ?nameEn . FILTER (langMatches(lang(?nameEn), "en")) }
}"""

_POST_FUNCTIONS = """
PREFIX rkg: <https://w3id.org/retailkg/ontology#>
SELECT ?post ?function ?role ?duty WHERE {
  ?duty rkg:dutyOf ?post .
  { ?duty rkg:addressesFunction ?function . BIND ("lead" AS ?role) }
  UNION
  { ?duty rkg:supportsFunction ?function . BIND ("support" AS ?role) }
  FILTER (isIRI(?duty))
}"""

_DUTY_COUNT = """
PREFIX rkg: <https://w3id.org/retailkg/ontology#>
SELECT ?org (COUNT(DISTINCT ?duty) AS ?n) WHERE {
  ?duty a rkg:Duty ;
        rkg:dutyOf ?post .
  ?post rkg:inOrganisation ?org .
} GROUP BY ?org"""

_EXCLUDED = """
PREFIX rkg: <https://w3id.org/retailkg/ontology#>
SELECT ?org ?function WHERE { ?org rkg:excludesFunction ?function }"""


_SCOPE = """
PREFIX rkg: <https://w3id.org/retailkg/ontology#>
SELECT ?org ?function WHERE { ?org rkg:scopeFunction ?function }"""


FACT_QUERIES = (_POSTS, _POST_FUNCTIONS, _DUTY_COUNT, _EXCLUDED, _SCOPE)
"""What naming and coverage read with whole-graph queries: asked alongside the rules (rules.iter_parallel)."""

LOOKUP_PREDICATES = (*(str(t) for t in vars(TERMS).values()), str(RDFS.label))
"""Every predicate naming asks a :class:`Lookup` about, besides those the shapes' evidence declares."""


@lru_cache(maxsize=16)
def needs_of(rule_set: RuleSet, queries: tuple[str, ...] = ()) -> Needs:
    """What a run with ``rule_set`` reads of its data: the rules (from their shapes), the report's
    whole-graph queries (:data:`FACT_QUERIES`, and ``queries`` the caller also runs on the store)
    and naming's lookups (:data:`LOOKUP_PREDICATES` and the shapes' evidence); once per rule set."""
    from retailkg.validation.reads import Needs, Reads, evidence_reads, query_reads, rule_reads

    nodes = [r.node for r in rule_set.rules if r.node is not None]
    asked = Reads()
    for text in (*FACT_QUERIES, *queries):
        asked |= query_reads(text)
    return Needs(rule_reads(rule_set.graph, nodes), asked,
                 Reads(frozenset(LOOKUP_PREDICATES)) | evidence_reads(rule_set.graph, nodes))


def _int(x: str | None) -> int:
    try:
        return int(float(x)) if x is not None else 0
    except ValueError:
        return 0


def coverage(source: Engine, ctx: Context, organisations: list[URIRef],
             baseline: Document) -> tuple[list[OrgSummary], list[CoverageMatrix]]:
    """Per organisation: size and baseline coverage (the findings are counted by :func:`count_findings`,
    so this can run before they are known); and the functions × posts matrix.

    Posts that sit in stores or regions are one column per place (name and units below the store,
    see :meth:`Context.place`), so a chain of 3,000 stores has a column "店长 ×3,000" instead of
    3,000 columns; a cell is lead (support) when any post of the column leads (supports).
    """
    kb = ctx.kb
    if ctx.post_rows is None:
        ctx.prefetch_posts(source, organisations)
    posts_by_org: dict[str, list[tuple[int, str]]] = defaultdict(list)
    post_unit: dict[str, tuple[str, str | None]] = {}
    for post, (org_iri, order, name, unit) in (ctx.post_rows or {}).items():
        posts_by_org[org_iri].append((order, post))
        post_unit[post] = (name, unit)
    roles: dict[str, dict[str, str]] = defaultdict(dict)
    t = ctx.table(source, _POST_FUNCTIONS)
    i_post, i_fn, i_role = (t.column(c) for c in ("post", "function", "role"))
    for row in t.rows:
        post_iri, fn, role = row[i_post], row[i_fn], row[i_role]
        if post_iri is None or fn is None or role is None:  # post and role always bound
            continue
        cell = roles[post_iri]
        if role == "lead" or cell.get(fn) != "lead":
            cell[fn] = role
    duty_n = {str(d["org"]): _int(d["n"]) for d in ctx.table(source, _DUTY_COUNT).dicts()}
    excluded: dict[str, set[str]] = defaultdict(set)
    for d in ctx.table(source, _EXCLUDED).dicts():
        function = d["function"]
        if function is not None:  # always bound
            excluded[str(d["org"])].add(function)
    declared: dict[str, set[str]] = defaultdict(set)
    for d in ctx.table(source, _SCOPE).dicts():
        function = d["function"]
        if function is not None:  # always bound
            declared[str(d["org"])].add(function)
    base_fns = sorted(kb.covered_functions(baseline), key=lambda f: kb.functions[f].sort_key)
    areas = {fn: kb.graph.value(fn, SKOS.broader) for fn in base_fns}
    base_ref = Ref(str(baseline.iri), baseline.id, baseline.citation, baseline.citation)
    summaries, matrices = [], []
    for org in organisations:
        posts = [p for _, p in sorted(posts_by_org.get(str(org), []))]
        columns: dict[str, list[str]] = {}
        for p in posts:
            name, unit = post_unit[p]
            unit_node = ctx.lookup.iri(unit) if unit else None
            replicated = unit_node is not None and ctx.unit_scope(unit_node) is not None
            key = "place:" + ctx.named_place(name, unit_node) if replicated else p
            columns.setdefault(key, []).append(p)
        col_refs = []
        for key, members in columns.items():
            ref = ctx.post(ctx.lookup.iri(members[0]))
            if key.startswith("place:"):
                n = len(members)
                ref = PostRef(ref.iri, ref.id, f"{ref.zh} ×{n:,}", f"{ref.en or ref.zh} ×{n:,}", ref.department)
            col_refs.append(ref)
        rows = []
        lead_n = support_n = excl_n = 0
        org_excluded = excluded.get(str(org), set())
        column_roles = []  # per column: function -> lead if any member leads, else support
        for members in columns.values():
            merged: dict[str, str] = {}
            for m in members:
                for fn_iri, role in roles.get(m, {}).items():
                    if role == "lead" or fn_iri not in merged:
                        merged[fn_iri] = role
            column_roles.append(merged)
        # the scope as the gap rules read it (shapes/gap.ttl): declared, else the areas a post leads in
        led = {fn_iri for merged in column_roles for fn_iri, role in merged.items() if role == "lead"}
        org_declared = declared.get(str(org), set())
        led_areas = {str(a) for fn_iri in led if (a := kb.area_of.get(URIRef(fn_iri))) is not None}

        def in_scope(fn: URIRef, org_declared: set[str] = org_declared, led_areas: set[str] = led_areas) -> bool:
            return str(fn) in org_declared if org_declared else str(kb.area_of.get(fn)) in led_areas

        for fn in base_fns:
            cells = [merged.get(str(fn), "") for merged in column_roles]
            area = areas[fn]
            cov_row = CoverageRow(ctx.ref(fn), kb.functions[fn].notation, cells, str(fn) in org_excluded,
                                  ctx.ref(area) if isinstance(area, URIRef) else None, in_scope(fn))
            rows.append(cov_row)
            lead_n += cov_row.status == "lead"
            support_n += cov_row.status == "support"
            excl_n += cov_row.status == "excluded"
        is_ref = org in ctx.reference_orgs
        bl = ctx.baselines.get(org)
        summaries.append(OrgSummary(
            ctx.ref(org), is_ref, len(posts), duty_n.get(str(org), 0),
            Ref(str(bl.iri), bl.id, bl.citation, bl.citation) if bl else None,
            len(base_fns), lead_n, support_n, excl_n,
            scope="declared" if org_declared else "inferred", areas=_areas(ctx, rows, in_scope),
        ))
        matrices.append(CoverageMatrix(ctx.ref(org), base_ref, col_refs, rows))
    return summaries, matrices


def _areas(ctx: Context, rows: list[CoverageRow], in_scope: Callable[[URIRef], bool]) -> list[AreaCoverage]:
    """The baseline's coverage per area of the taxonomy, in taxonomy order (every area, with no baseline
    function too: the scope may take it)."""
    kb = ctx.kb
    by_area: dict[URIRef, list[CoverageRow]] = defaultdict(list)
    for r in rows:
        area = kb.area_of.get(URIRef(r.function.iri))
        if area is not None:
            by_area[area].append(r)
    out = []
    for a, info in kb.areas.items():
        mine = by_area.get(a, [])
        scoped = [r for r in mine if r.in_scope and not r.excluded]
        takes = [in_scope(f) for f in (info.functions if not mine else [URIRef(r.function.iri) for r in mine])]
        cov = AreaCoverage(ctx.ref(a), info.notation, len(mine), scoped=len(scoped),
                           in_scope="all" if takes and all(takes) else ("part" if any(takes) else "none"))
        for r in mine:
            st = r.status
            if st == "lead":
                cov.lead += 1
            elif st == "support":
                cov.support += 1
            elif st == "excluded":
                cov.excluded += 1
            elif st == "gap":
                cov.gap += 1
            else:
                cov.outside += 1
        out.append(cov)
    return out


def complete_area_findings(findings: list[Finding], summaries: list[OrgSummary], matrices: list[CoverageMatrix],
                           kb: KnowledgeBase) -> None:
    """Say in each out-of-scope area finding how much of the area the organisation leads ("0 of 18") and
    which functions it concerns, from the coverage the report shows (so the two cannot disagree)."""
    by_org = {m.organisation.iri: m for m in matrices}
    for f in findings:
        if f.area is None or f.organisation is None:  # a finding whose value is an area (rkgsh:valueIs "area")
            continue
        matrix = by_org.get(f.organisation.iri)
        if matrix is None:
            continue
        area = URIRef(f.area.iri)
        mine = [r for r in matrix.rows if kb.area_of.get(URIRef(r.function.iri)) == area and not r.excluded]
        led = sum(r.status == "lead" for r in mine)
        f.functions = [r.function for r in mine if r.status in ("outside", "support") and not r.in_scope]
        zh, en = f.area.name("zh"), f.area.name("en")
        f.message_zh = f"范围外？职能领域「{zh}」：对标标准的 {len(mine)} 项职能中本组织主责 {led} 项——是否不在本设计的范围内？"
        f.message_en = (f"Out of scope? area {en}: the organisation leads {led} of the baseline's {len(mine)} functions "
                        "in it. Is it outside the design's scope?")


def count_findings(summaries: list[OrgSummary], findings: list[Finding]) -> None:
    """Fill in each organisation's findings by kind and by severity."""
    for summary in summaries:
        mine = [f for f in findings if f.organisation is not None and f.organisation.iri == summary.organisation.iri]
        summary.by_kind = {k.value: sum(f.kind is k for f in mine) for k in Kind}
        summary.by_severity = {s.value: sum(f.severity is s for f in mine) for s in Severity}
