"""`retailkg search`: ranked, segmented Chinese and English search with post, document and clause."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import query_support as qs
from click.testing import CliRunner

from retailkg.cli import cli
from retailkg.query.engines import OxigraphEngine
from retailkg.query.search import KINDS, SearchIndex, index_key
from retailkg.text.index import BM25Index, Lexicon, tokenize


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


# --- the saved index: a search after the first loads neither jieba's dictionary nor the graph ----

QUERIES = ["会员", "会员 拉新", "会员拉新", "私域流量运营", "直播带货选品", "店长", "复购率", "Livestream KPI", "用户增长 user growth",
           "负责门店收银与备用金管理", "拉新促活的裂变玩法", "zzzz", "抖音快手小红书种草", "2023 年 GMV 目标"]


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory: pytest.TempPathFactory) -> Lexicon:
    return Lexicon.write(Lexicon.path_in(tmp_path_factory.mktemp("lexicon")))


def test_the_lexicon_segments_as_the_loaded_dictionary(index: SearchIndex, lexicon: Lexicon) -> None:
    """Every label of the corpus and every query: the same terms, in the same order."""
    texts = [t for e in index.entries for t in e.texts] + QUERIES
    assert len(texts) > 1000
    differ = [t for t in texts if lexicon.tokenize(t) != tokenize(t)]
    assert differ == []
    assert lexicon.tokenize("会员拉新") == tokenize("会员拉新") != ["会员拉新"]


def test_the_lexicon_needs_the_dictionary_entries(tmp_path: Path, lexicon: Lexicon) -> None:
    """The comparison above can fail: a lexicon without one word segments differently."""
    path = tmp_path / "partial.sqlite"
    shutil.copy(lexicon.path, path)
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM freq WHERE word = '会员'")
    db.close()
    assert Lexicon(path).tokenize("会员拉新") != tokenize("会员拉新")


def test_scores_are_rank_bm25s(index: SearchIndex) -> None:
    """The index scores without numpy: the same floating-point numbers as rank_bm25's BM25Okapi."""
    from rank_bm25 import BM25Okapi

    bm25 = BM25Index([" ".join(dict.fromkeys(e.texts)) for e in index.entries])
    reference = BM25Okapi([bm25.tokens(i) or ["\u0000"] for i in range(bm25.size)])
    for q in QUERIES:
        terms = tokenize(q)
        assert bm25.scores(terms) == reference.get_scores(terms).tolist(), q


def test_a_saved_index_answers_as_the_built_one(kg: Path, index: SearchIndex, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    first = SearchIndex.for_graph(kg, [tmp_path])
    assert sorted(p.name.split("-")[0] for p in tmp_path.iterdir()) == ["jieba", "search"]

    def no_build(*_a: object, **_k: object) -> None:
        raise AssertionError("the saved index was built again")

    monkeypatch.setattr(SearchIndex, "from_engine", no_build)
    saved = SearchIndex.for_graph(kg, [tmp_path])
    for q in QUERIES:
        expected = [(h.entry.iri, h.score) for h in index.search(q, limit=None)]
        assert [(h.entry.iri, h.score) for h in saved.search(q, limit=None)] == expected, q
        assert [(h.entry.iri, h.score) for h in first.search(q, limit=None)] == expected, q


def test_a_changed_graph_gets_its_own_index(kg: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.trig"
    other.write_bytes(kg.read_bytes().replace("会员运营".encode(), "会员经营".encode()))
    assert index_key(other) != index_key(kg)
    folder = tmp_path / "cache"
    SearchIndex.for_graph(kg, [folder])
    hits = SearchIndex.for_graph(other, [folder]).search("会员经营", limit=3)
    assert hits and any("会员经营" in h.entry.post for h in hits)
    assert [p.name for p in folder.glob("search-*.json")] == [f"search-{index_key(other)}.json"]


def test_an_unwritable_cache_folder_does_not_stop_a_search(kg: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    hits = SearchIndex.for_graph(kg, [blocker / "cache"]).search("会员", limit=1)
    assert hits and hits[0].entry.text


def test_a_search_after_the_first_loads_no_dictionary_no_numpy_no_validation(kg: Path) -> None:
    """What makes a warm search quick, checked in a fresh process (no timing)."""
    code = ("import sys\nfrom retailkg.cli import cli\ntry:\n    cli(['search', '会员', '-n', '1'])\nexcept SystemExit:\n    pass\n"
            "import jieba\n"
            "print(sorted(m for m in ('numpy', 'rank_bm25', 'pkg_resources', 'retailkg.cli.validate', 'retailkg.report.formats',"
            ") if m in sys.modules), jieba.dt.initialized)\n")
    env = dict(os.environ, XDG_CACHE_HOME=str(qs.cache_root()))
    for _ in range(2):  # the first search of the session may build and save the index
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[] False"
    assert "会员" in done.stdout


def test_a_damaged_saved_index_is_built_and_saved_again(kg: Path, tmp_path: Path) -> None:
    SearchIndex.for_graph(kg, [tmp_path])
    saved, lexicon = next(tmp_path.glob("search-*.json")), next(tmp_path.glob("jieba-*.sqlite"))
    saved.write_text("{ cut off", encoding="utf-8")
    lexicon.write_bytes(b"not a database")
    hits = SearchIndex.for_graph(kg, [tmp_path]).search("会员", limit=1)
    assert hits and hits[0].entry.text
    assert json.loads(saved.read_text(encoding="utf-8"))["entries"]
    assert Lexicon(lexicon).tokenize("会员拉新") == tokenize("会员拉新")
