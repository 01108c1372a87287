"""The function taxonomy is fine enough: duties doing the same work share a function, duties doing
different work do not. Each pair says why; a change to the taxonomy or a mapping must keep them."""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SKOS

from retailkg.ns import BASE, FN, FUNCTION_SCHEME, RKG


def d(ref: str) -> URIRef:
    return URIRef(BASE + ref)


# (duty A, duty B, the function they must both lead, why)
MUST_SHARE = [
    ("ccagm-003-2021/duty/4.1.2-b", "ccagm-003-2021/duty/4.1.3-a", "user-growth",
     "new-media ops and membership ops both answer for user growth (对用户增长…负责 / 为会员用户的增长…负责)"),
    ("ccagm-003-2021/duty/4.1.2-b", "ccagm-003-2021/duty/4.1.3-a", "user-activation",
     "both answer for active users (活跃用户数 / 活跃会员用户数)"),
    ("ccagm-003-2021/duty/4.1.1-b", "ccagm-003-2021/duty/4.1.3-c", "member-campaigns",
     "marketing planning organises member campaigns; membership ops plans and runs member campaigns"),
    ("ccagm-003-2021/duty/4.1.4-a", "ccagm-003-2021/duty/4.2.7-d", "online-campaigns",
     "campaign ops and online-mall ops both plan and run online promotion campaigns"),
    ("ccagm-003-2021/duty/4.1.4-b", "ccagm-003-2021/duty/4.2.2-e", "merchant-resources",
     "both negotiate with brand merchants for campaign resources"),
    ("ccagm-003-2021/duty/4.1.4-e", "ccagm-003-2021/duty/4.1.2-e", "new-media-promotion",
     "both plan promotion through new media"),
    ("ccagm-003-2021/duty/4.2.3-a", "ccagm-003-2021/duty/4.2.6-c", "public-opinion",
     "new-media public-opinion response and community public-opinion management are one kind of work"),
    ("ccagm-003-2021/duty/4.2.5-i", "ccagm-003-2021/duty/4.3.5-a", "predictive-modelling",
     "data operations and data development both build forecasting/evaluation models"),
    ("ccagm-003-2021/duty/4.3.6-a", "ccagm-003-2021/duty/4.3.7-a", "security-policy",
     "information security and platform operations both write security rules"),
    ("ccagm-003-2021/duty/4.3.1-c", "ccagm-003-2021/duty/4.3.7-d", "requirements-management",
     "architecture analyses requirements; platform operations gathers and schedules them"),
    ("ccagm-003-2021/duty/4.1.1-c", "ccagm-003-2021/duty/4.2.4-a", "digital-rollout",
     "both coordinate the rollout of digital work across stores/departments"),
    ("ccagm-003-2021/duty/4.4.1-a", "ccagm-003-2021/duty/4.4.1-b", "reconciliation",
     "setting reconciliation procedures and reconciling daily are the same function"),
]

# (duty A, duty B, why they must share no function at all)
MUST_NOT_SHARE = [
    ("ccagm-003-2021/duty/4.2.2-b", "ccagm-003-2021/duty/4.1.3-a",
     "incentives for sales staff (导购激励) are not incentives for members (会员激励机制), though both say 激励"),
    ("ccagm-003-2021/duty/4.3.3-f", "ccagm-003-2021/duty/4.3.4-f",
     "source-code and environment management is not release management, though both say 版本"),
    ("ccagm-003-2021/duty/4.3.6-c", "ccagm-003-2021/duty/4.3.8-a",
     "security inspection of infrastructure is not running servers and networks"),
    ("ccagm-003-2021/duty/4.1.1-a", "ccagm-003-2021/duty/4.1.4-a",
     "the store promotion calendar (促销计划) is not online campaign planning (线上推广活动)"),
    ("ccagm-003-2021/duty/4.2.1-d", "ccagm-003-2021/duty/4.2.2-a",
     "managing suppliers is not running brand merchants (tenants)"),
    ("ccagm-003-2021/duty/4.4.1-c", "ccagm-003-2021/duty/4.2.2-b",
     "paying staff subsidies (finance) is not designing the staff incentive scheme (operations)"),
    ("ccagm-003-2021/duty/4.2.5-a", "ccagm-003-2021/duty/4.2.5-b",
     "traffic-source analysis is not user-behaviour analysis"),
    ("ccagm-003-2021/duty/4.1.5-a", "ccagm-003-2021/duty/4.1.5-b",
     "setting VI/UI standards is not designing pages"),
]


def _lead(g: Graph, duty: URIRef) -> set[URIRef]:
    return set(g.objects(duty, RKG.addressesFunction))


def _any(g: Graph, duty: URIRef) -> set[URIRef]:
    return _lead(g, duty) | set(g.objects(duty, RKG.supportsFunction))


_SHARE_IDS = [f"{x[0].split('/')[-1]}~{x[1].split('/')[-1]}:{x[2]}" for x in MUST_SHARE]


@pytest.mark.parametrize(("a", "b", "fn", "why"), MUST_SHARE, ids=_SHARE_IDS)
def test_same_work_shares_a_function(union: Graph, a: str, b: str, fn: str, why: str) -> None:
    assert (d(a), RDF.type, RKG.Duty) in union and (d(b), RDF.type, RKG.Duty) in union
    assert FN[fn] in _lead(union, d(a)) & _lead(union, d(b)), why


@pytest.mark.parametrize(("a", "b", "why"), MUST_NOT_SHARE, ids=[f"{x[0].split('/')[-1]}!~{x[1].split('/')[-1]}" for x in MUST_NOT_SHARE])
def test_different_work_shares_no_function(union: Graph, a: str, b: str, why: str) -> None:
    assert (d(a), RDF.type, RKG.Duty) in union and (d(b), RDF.type, RKG.Duty) in union
    assert not (_any(union, d(a)) & _any(union, d(b))), why


def test_taxonomy_is_a_two_level_skos_scheme(union: Graph) -> None:
    areas = set(union.subjects(SKOS.topConceptOf, FUNCTION_SCHEME))
    assert len(areas) == 16  # data/README.md, "The function taxonomy"
    for f in union.subjects(RDF.type, RKG.Function):
        assert (f, SKOS.inScheme, FUNCTION_SCHEME) in union
        if f not in areas:
            parents = set(union.objects(f, SKOS.broader))
            assert len(parents) == 1 and parents <= areas, f
            assert (next(iter(parents)), SKOS.narrower, f) in union  # materialised inverse


def test_no_function_is_led_by_every_post(union: Graph) -> None:
    """Too coarse a taxonomy makes one function cover everything: no function may be led by more
    than a quarter of a document's posts (team functions excepted)."""
    from collections import Counter

    posts_by_doc: Counter[URIRef] = Counter()
    for p in union.subjects(RDF.type, RKG.Post):
        posts_by_doc[union.value(p, RKG.sourceDocument)] += 1
    leads: dict[tuple[URIRef, URIRef], set[URIRef]] = {}
    for duty, fn in union.subject_objects(RKG.addressesFunction):
        post = union.value(duty, RKG.dutyOf)
        if post is None or (fn, RDF.type, RKG.TeamFunction) in union:
            continue
        leads.setdefault((union.value(post, RKG.sourceDocument), fn), set()).add(post)
    for (doc, fn), posts in leads.items():
        if posts_by_doc[doc] >= 8:
            assert len(posts) <= posts_by_doc[doc] // 4, (doc, fn, len(posts))


def test_every_leaf_function_is_used_or_documented_as_unused(union: Graph) -> None:
    """A function no statement of any document addresses is dead weight in the taxonomy."""
    used = set(union.objects(None, RKG.addressesFunction)) | set(union.objects(None, RKG.supportsFunction))
    leaves = {f for f in union.subjects(RDF.type, RKG.Function) if (f, SKOS.broader, None) in union}
    unused = sorted(str(f).rsplit("/", 1)[1] for f in leaves - used if (f, SKOS.scopeNote, None) not in union)
    assert not unused, f"unused functions need a skos:scopeNote saying why they are kept: {unused}"
