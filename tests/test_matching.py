"""The duty matcher: curated duties keep their curated functions, catch-alls map to nothing, every
answer carries a probability and its evidence, doubt is marked, and bad text never crashes it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from retailkg.design import classifier
from retailkg.design.classifier import NONE, Classifier, ModelError, corpus_digest, model_dir, with_context
from retailkg.design.matching import Match, Matcher, matcher_for, read_overrides, role_of
from retailkg.kg.knowledge import KnowledgeBase, knowledge_base


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return knowledge_base()


@pytest.fixture(scope="module")
def matcher(kb: KnowledgeBase) -> Matcher:
    return matcher_for(kb)


def ids(kb: KnowledgeBase, fms: list) -> set[str]:  # type: ignore[type-arg]
    return {kb.functions[f.function].id for f in fms}


def test_every_curated_duty_of_the_four_documents_maps_to_its_curated_functions(kb: KnowledgeBase, matcher: Matcher) -> None:
    wrong = []
    for d in kb.duties.values():
        if not d.zh or not (d.lead or d.support):
            continue
        m = matcher.match(d.zh)
        got_lead = {f.function for f in m.functions if f.role == "lead"}
        got_support = {f.function for f in m.functions if f.role == "support"}
        if (got_lead, got_support) != (set(d.lead), set(d.support)):
            wrong.append(d.citation)
    assert wrong == []


@pytest.mark.parametrize("text", [
    "完成上级交办的其他工作",
    "完成领导安排的其他临时性工作",
    "负责公司领导交办的其它事项",
    "完成上司交辦的其他工作",  # Traditional script
    "保守公司商业机密",
    "其他工作",
    "遵守公司各项规章制度",
])
def test_catch_all_and_compliance_lines_map_to_nothing(matcher: Matcher, text: str) -> None:
    m = matcher.match(text)
    assert m.unmapped and m.none.startswith(("catch-all", "labelled", "model"))


@pytest.mark.parametrize("text", [
    "完成上级布置的临时工作，提高主播的整体数量与质量",  # names real work too: the model decides
    "建立和执行人事管理制度",
    "负责订单处理、物流跟踪、配送安排等工作",
    "合理安排门店员工的工作",
])
def test_an_override_does_not_swallow_a_duty_that_names_real_work(matcher: Matcher, text: str) -> None:
    assert not matcher.match(text).none.startswith("catch-all")


def test_every_override_line_has_an_example_here() -> None:
    examples = ["完成上级交办的其他工作", "其他工作", "遵守公司各项规章制度", "保守商业机密"]
    for o in read_overrides():
        assert any(o.covers(x) for x in examples), f"overrides.tsv line {o.line} has no example in this test"


@pytest.mark.parametrize(("text", "post", "expected"), [
    ("负责门店收银与备用金管理", "收银主管", "cashiering"),
    ("组织新员工入职培训", "培训专员", "training-development"),
    ("每日盘点现金并登记现金日记账", "出纳", "cash-management"),
    ("负责天猫店铺直通车关键词出价与优化", "推广专员", "search-advertising"),
    ("录入并更新会员资料，维护CRM系统数据", "会员专员", "member-data"),
])
def test_real_duties_of_new_work_reach_their_functions(kb: KnowledgeBase, matcher: Matcher, text: str, post: str, expected: str) -> None:
    m = matcher.match(text, post)
    assert expected in ids(kb, m.functions) | ids(kb, m.candidates[:1])


def test_probabilities_are_a_distribution_and_doubt_is_marked(matcher: Matcher) -> None:
    p = matcher.model.probabilities(["负责门店陈列与补货", "负责公众号内容运营"], ["理货员", "新媒体专员"])
    assert np.allclose(p.sum(axis=1), 1.0) and (p >= 0).all()
    m = matcher.match("Responsible for store cashiering")  # English: little to go on
    assert m.to_review == (m.probability < matcher.review_below)
    sure = matcher.match("负责门店收银台的日常收款与找零", "收银员")
    assert not sure.to_review


def test_each_function_carries_its_evidence(kb: KnowledgeBase, matcher: Matcher) -> None:
    m = matcher.match("负责会员拉新，提升新会员数量", "会员运营")
    assert m.functions
    first = m.functions[0]
    assert 0.0 < first.score <= 1.0
    assert first.examples and all(first.function in {kb.function(g) for g in e.gold} for e in first.examples)
    assert first.evidence is not None and first.function in (*first.evidence.lead, *first.evidence.support)


CLASSES = ["cash-a", "cash-b", "store-a", NONE]
AREAS = {"cash-a": "cash", "cash-b": "cash", "store-a": "store"}


def test_a_duty_is_read_with_its_posts_other_duties() -> None:
    """Between two areas, a duty leans to the area of its post's other duties; within an area its own words decide."""
    p = np.array([
        [0.25, 0.15, 0.40, 0.20],  # unsure: store a little ahead of cash
        [0.80, 0.10, 0.05, 0.05],  # the post's other duties: cash work
        [0.10, 0.75, 0.10, 0.05],
    ])
    alone = with_context(p, CLASSES, ["a", "b", "c"], AREAS, 1.0)
    together = with_context(p, CLASSES, ["post", "post", "post"], AREAS, 1.0)
    assert np.array_equal(alone, p)
    assert CLASSES[int(p[0].argmax())] == "store-a" and CLASSES[int(together[0].argmax())] == "cash-a"
    assert np.allclose(together.sum(axis=1), 1.0)
    assert together[0, 0] / together[0, 1] == pytest.approx(p[0, 0] / p[0, 1])  # siblings keep their order and ratio
    assert together[0, 3] == pytest.approx(p[0, 3])  # none is none whatever the post
    assert np.array_equal(with_context(p, CLASSES, ["post"] * 3, AREAS, 0.0), p)
    assert np.array_equal(with_context(p, CLASSES, [None] * 3, AREAS, 1.0), p)  # no post: no context


CONTEXT_DUTY = ("负责单据的核对与整理", "主管")  # papers checked and filed: goods received, or the books?
CONTEXT_SIBLINGS = ["负责商品的验收入库", "负责仓库货物的堆放与保管", "负责出入库登记"]
CONTEXT_AREA = {"goods-receiving", "warehousing"}  # the siblings' work: read among them, the papers are the warehouse's
CONTEXT_ALONE = "reconciliation"  # alone, the books' reconciliation


def share(kb: KnowledgeBase, m: Match, functions: set[str]) -> float:
    """The probability a match gives these functions, its first answers and its near misses together."""
    return sum(f.score for f in (*m.functions, *m.candidates) if ids(kb, [f]) <= functions)


def test_the_matcher_reads_a_posts_duties_together_and_only_them(kb: KnowledgeBase, matcher: Matcher) -> None:
    """Among warehouse duties an ambiguous duty moves toward warehouse work, and away from what it reads as alone; a
    duty of another post (another group) moves nothing. Stated as the shift of probability, not as a flip of the first
    answer: which function comes first is the model's to decide and changes as the corpus grows."""
    duty, post = CONTEXT_DUTY
    alone = matcher.match_many([duty], [post])[0]
    among = matcher.match_many([duty, *CONTEXT_SIBLINGS], [post] * (1 + len(CONTEXT_SIBLINGS)))[0]
    apart = matcher.match_many([duty, *CONTEXT_SIBLINGS], [post] * (1 + len(CONTEXT_SIBLINGS)),
                               groups=["one", *["other"] * len(CONTEXT_SIBLINGS)])[0]
    assert matcher.model.context_weight > 0
    assert share(kb, among, CONTEXT_AREA) > share(kb, alone, CONTEXT_AREA) + 0.05
    assert share(kb, among, {CONTEXT_ALONE}) < share(kb, alone, {CONTEXT_ALONE})
    assert (apart.functions, apart.probability) == (alone.functions, alone.probability)


def test_a_designs_answers_do_not_depend_on_what_the_process_matched_before(kb: KnowledgeBase) -> None:
    """The server and the CLI keep one matcher: a duty read among one design's siblings must not carry that reading into the next design."""
    duty, post = CONTEXT_DUTY
    m = Matcher(kb)
    m.prepare([(duty, post), *((s, post) for s in CONTEXT_SIBLINGS)])
    among = m.match(duty, post)
    m.prepare([(duty, post), ("负责门店员工排班", post)])  # the next design: the same duty under the same post name, other company
    later = m.match(duty, post)
    fresh = Matcher(kb)
    fresh.prepare([(duty, post), ("负责门店员工排班", post)])
    first = fresh.match(duty, post)
    assert (ids(kb, later.functions), later.probability) == (ids(kb, first.functions), first.probability)
    assert share(kb, among, CONTEXT_AREA) > share(kb, later, CONTEXT_AREA) + 0.05


def test_a_supporting_verb_makes_a_supporting_match() -> None:
    assert role_of("协助店长做好月度盘点") == "support"
    assert role_of("为销售团队提供数据分析支持") == "support"
    assert role_of("负责门店月度盘点") == "lead"


@pytest.mark.parametrize("text", ["", "   ", "。。。！！", "——"])
def test_empty_or_punctuation_only_text_is_none(matcher: Matcher, text: str) -> None:
    m = matcher.match(text)
    assert m.unmapped and m.none == "empty"


def test_long_english_and_traditional_text_never_crash(kb: KnowledgeBase, matcher: Matcher) -> None:
    assert matcher.match("负责门店收银。" * 1500) is not None
    assert matcher.match("Plan and run member campaigns", "CRM manager") is not None
    simplified = matcher.match("负责门店收银与对账", "收银主管")
    traditional = matcher.match("負責門店收銀與對賬", "收銀主管")
    assert ids(kb, traditional.functions) == ids(kb, simplified.functions)
    assert traditional.probability == pytest.approx(simplified.probability, abs=1e-6)


def test_matching_is_deterministic(kb: KnowledgeBase) -> None:
    texts = ["负责商品采购与供应商谈判", "策划直播选品与脚本", "处理顾客投诉与退换货"]
    a = Matcher(kb).match_many(texts, ["采购", "主播", "客服"])
    b = Matcher(kb).match_many(texts, ["采购", "主播", "客服"])
    assert [(x.functions, x.candidates, x.probability) for x in a] == [(y.functions, y.candidates, y.probability) for y in b]


def test_the_shipped_model_was_trained_on_this_corpus() -> None:
    header = json.loads((model_dir() / "model.json").read_text(encoding="utf-8"))
    assert header["corpus_sha256"] == corpus_digest(), "stale model: run python tools/train_matcher.py"


def test_a_missing_model_is_one_line_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as e:
        Classifier.load(tmp_path)
    assert "model.json" in str(e.value) and "train_matcher" in str(e.value)


@pytest.mark.parametrize("damage", ["truncate-npz", "json-garbage", "wrong-shape", "other-format"])
def test_a_corrupt_model_is_one_line_naming_it(tmp_path: Path, damage: str) -> None:
    for name in ("model.json", "model.npz"):
        shutil.copy(model_dir() / name, tmp_path / name)
    if damage == "truncate-npz":
        data = (tmp_path / "model.npz").read_bytes()
        (tmp_path / "model.npz").write_bytes(data[: len(data) // 2])
    elif damage == "json-garbage":
        (tmp_path / "model.json").write_text("{not json", encoding="utf-8")
    else:
        header = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
        if damage == "wrong-shape":
            header["classes"] = header["classes"][:-1]
        else:
            header["format"] = 99
        (tmp_path / "model.json").write_text(json.dumps(header), encoding="utf-8")
    with pytest.raises(ModelError) as e:
        Classifier.load(tmp_path)
    assert str(tmp_path) in str(e.value) and "corrupt" in str(e.value)


def test_the_cli_reports_a_corrupt_model_with_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from retailkg.cli import cli

    (tmp_path / "model.json").write_text("{}", encoding="utf-8")
    (tmp_path / "model.npz").write_bytes(b"junk")
    monkeypatch.setattr(classifier, "model_dir", lambda: tmp_path)
    matcher_for.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["org", "match", "负责门店收银"])
    finally:
        matcher_for.cache_clear()
    assert result.exit_code == 2
    assert "model" in result.output and "Traceback" not in result.output


def test_training_gives_the_same_model_file_twice(tmp_path: Path) -> None:
    """The model is rebuilt by a documented command and shipped: the same corpus must give the same bytes."""
    corpus = classifier.read_corpus()[:400]
    for run in ("a", "b"):
        model = Classifier.fit_plain(corpus)
        (tmp_path / run).mkdir()
        model.save(tmp_path / run, {"corpus_sha256": "x"})
    for name in ("model.json", "model.npz"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_the_features_are_scikit_learns_tfidf_rows_to_the_last_bit() -> None:
    """Matching computes the TF-IDF rows itself (importing scikit-learn is most of a design's matching
    time); the rows must be exactly those of the vectorizer the model was trained with, on every
    sentence of the corpus and on text with capitals, runs of spaces and words outside the vocabulary."""
    from scipy import sparse

    from retailkg.design.classifier import normalise_duty, read_corpus

    model = Classifier.load()
    examples = read_corpus()
    extra = ["Store  Manager   负责ＰＯＳ收银", "", "完全陌生的词语组合 xyz", "   "]
    texts = [normalise_duty(e.text) for e in examples] + [normalise_duty(t) for t in extra]
    titles = [normalise_duty(e.post) for e in examples] + [normalise_duty(t) for t in extra]
    for block in model.features.blocks:
        given = titles if block.kind == "title" else texts
        ours = block.transform(given)
        theirs = block.vectorizer().transform(block.vectorizer_input(given))
        theirs = sparse.csr_matrix(theirs * block.weight if block.weight != 1.0 else theirs)
        assert ours.shape == theirs.shape
        assert np.array_equal(ours.indptr, theirs.indptr) and np.array_equal(ours.indices, theirs.indices), block.kind
        assert np.array_equal(ours.data, theirs.data), block.kind


def test_matching_a_design_does_not_import_scikit_learn() -> None:
    """scikit-learn is for training: a process that matches duties never loads it."""
    import subprocess
    import sys

    code = ("import sys; from retailkg.kg.knowledge import knowledge_base; from retailkg.design.matching import matcher_for; "
            "m = matcher_for(knowledge_base()); m.prepare([('负责门店收银与对账', '收银员'), ('组织门店团队的业务培训', '店长')]); "
            "print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


def test_the_post_context_and_the_labelled_sentences_vote_are_saved_with_the_model(tmp_path: Path) -> None:
    corpus = classifier.read_corpus()[:300]
    model = Classifier.fit_plain(corpus)
    model.context_weight, model.neighbour_weight = 0.75, 0.3
    model.save(tmp_path, {"corpus_sha256": "x"})
    loaded = Classifier.load(tmp_path)
    assert (loaded.context_weight, loaded.neighbour_weight) == (0.75, 0.3)
    texts, posts = ["负责门店收银与对账", "策划直播选品"], ["收银主管", "主播"]
    assert np.allclose(loaded.scores(texts, posts), model.scores(texts, posts), atol=1e-2)
    _, votes = loaded.score_parts([corpus[0].text], [corpus[0].post])  # a labelled sentence is its own nearest
    assert loaded.classes[int(votes[0].argmax())] in corpus[0].gold


def test_a_word_seen_only_in_compound_duties_points_to_each_of_their_functions() -> None:
    """A duty labelled with two functions is a positive example of both: trained one row per label, each
    row was also a negative example of the other function and the two cancelled, so the duty taught
    neither (any function of its gold set is a right first answer)."""
    corpus = classifier.read_corpus()[:300]
    compound = [classifier.Example(f"zqxv {t}", ("cashiering", "reconciliation")) for t in ("工作", "任务", "事项")]
    model = Classifier.fit_plain(corpus + compound)
    linear, _ = model.score_parts(["zqxv"])
    scores = dict(zip(model.classes, linear[0], strict=True))
    first_two = sorted(scores, key=scores.__getitem__, reverse=True)[:2]
    assert set(first_two) == {"cashiering", "reconciliation"}
    assert scores["cashiering"] > 0 and scores["reconciliation"] > 0  # each function's scorer says yes


def test_the_functions_of_one_area_share_its_area_scorer(kb: KnowledgeBase) -> None:
    """With the areas given, each function's scorer gains its area's (the same for every sibling), so what
    marks the area is learnt from all its functions' sentences, not from a leaf's few."""
    corpus = classifier.read_corpus()[:300]
    areas = classifier.function_areas(kb)
    plain = Classifier.fit_plain(corpus)
    with_areas = Classifier.fit_plain(corpus, areas=areas)
    assert plain.classes == with_areas.classes
    gained = with_areas.weights - plain.weights
    by_area: dict[str, list[int]] = {}
    for i, c in enumerate(plain.classes):
        by_area.setdefault(areas.get(c, c), []).append(i)
    siblings = [rows for rows in by_area.values() if len(rows) > 1]
    assert siblings
    for rows in siblings:
        assert np.abs(gained[rows[0]]).sum() > 0
        for i in rows[1:]:
            assert np.allclose(gained[i], gained[rows[0]], atol=1e-6)
