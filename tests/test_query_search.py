"""`retailkg search`: ranked, segmented Chinese and English search with post, document and clause."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
import query_support as qs
from click.testing import CliRunner

from retailkg.cli import cli
from retailkg.query.engines import OxigraphEngine
from retailkg.query.search import KINDS, SearchIndex


@pytest.fixture(scope="module")
def index(kg: Path) -> SearchIndex:
    return SearchIndex.from_engine(OxigraphEngine(kg))


@pytest.fixture(autouse=True)
def _cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(qs.cache_root()))


def test_corpus_holds_every_kind_with_provenance(index: SearchIndex) -> None:
    kinds = {e.kind for e in index.entries}
    assert kinds == set(KINDS)
    for e in index.entries:
        assert e.document in ("ccagm-003-2021", "ccfags-046-2023", "ecom-ops-centre", "ecom-ops-manuals"), e.iri
        assert e.text or e.text_en, e.iri
        if e.kind in ("duty", "competency", "post"):
            assert len(e.posts) == 1 and e.post, e.iri


def test_chinese_query_is_segmented_and_ranked(index: SearchIndex) -> None:
    """会员 拉新: the duty that says both (4.1.3 c) comes first; no hit needs the two words adjacent."""
    hits = index.search("会员 拉新", limit=5)
    top = hits[0].entry
    assert top.iri.endswith("ccagm-003-2021/duty/4.1.3-c")
    assert (top.kind, top.document, top.clause, top.post) == ("duty", "ccagm-003-2021", "4.1.3 c", "会员运营")
    assert [h.rank for h in hits] == [1, 2, 3, 4, 5]
    assert all(a.score >= b.score for a, b in itertools.pairwise(hits))
    joined = index.search("会员拉新", limit=1)[0].entry  # unsegmented input is segmented too
    assert joined.iri == top.iri


def test_english_query(index: SearchIndex) -> None:
    hits = index.search("Livestream", limit=3)
    assert hits and all("livestream" in " ".join(h.entry.texts).lower() for h in hits)


def test_type_filter_and_limit(index: SearchIndex) -> None:
    hits = index.search("复购率", kinds=["metric"], limit=2)
    assert len(hits) == 2 and {h.entry.kind for h in hits} == {"metric"}
    assert "复购" in hits[0].entry.text
    terms = index.search("私域流量", kinds=["term"], limit=1)
    assert terms[0].entry.clause == "3.4" and terms[0].entry.posts == {}
    assert index.search("zzzz qqqq") == []


def test_search_command_table_and_json() -> None:
    result = CliRunner().invoke(cli, ["search", "会员", "拉新", "--limit", "3"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["#", "score", "type", "document", "clause", "post", "text"]
    assert "4.1.3 c" in lines[2] and "会员运营" in lines[2] and "拉新" in lines[2]
    result = CliRunner().invoke(cli, ["search", "会员", "--type", "competency", "--format", "json", "-n", "2"])
    doc = json.loads(result.output)
    assert [h["type"] for h in doc] == ["competency", "competency"]
    assert set(doc[0]) == {"rank", "score", "type", "iri", "text", "text_en", "post", "post_label", "document", "clause"}
    assert doc[0]["document"] == "ccfags-046-2023" and doc[0]["clause"] and doc[0]["post_label"]


def test_search_command_says_when_nothing_matches() -> None:
    result = CliRunner().invoke(cli, ["search", "zzzz"])
    assert result.exit_code == 0 and "no hits" in result.output
    result = CliRunner().invoke(cli, ["search", "x", "--type", "clause"])
    assert result.exit_code == 2
