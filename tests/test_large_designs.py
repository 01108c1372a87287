"""Large designs (issue 18): what the lean path must keep — the same design, the same statements for
the rules, the matcher only when needed, its corpus rows cached, and every finding in the JSON.

The speed and memory goals are measured in bench/large/run.py (bench/RESULTS.md, "large"), never here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import retailkg.design.matching as matching
from retailkg.cli import cli
from retailkg.design.classifier import Features
from retailkg.design.matching import Matcher
from retailkg.design.readers import read_design
from retailkg.design.resolve import ASIDE, DROP, STORE, resolve
from retailkg.errors import InputError
from retailkg.kg.knowledge import knowledge_base
from retailkg.ns import RKG
from retailkg.rdf.io import split_statements
from retailkg.validation.facts import SUBCLASS_AXIOMS
from retailkg.validation.loading import Router, bundled_needs, plan_split
from retailkg.validation.naming import needs_of
from retailkg.validation.pipeline import validate_file
from retailkg.validation.ruleset import load_rule_set

REPO = Path(__file__).resolve().parents[1]

HEAD = """organisation: {id: shop, name: 某店}
departments:
  - {id: store, name: 门店}
posts:
"""
# a post's duties shared by an anchor, the second post's fields in flow style, a tagged headcount
SHARED = HEAD + """  - id: manager
    name: 店长
    department: store
    headcount: !!int "2"
    duties: &duties
      - {standard: "T/CCAGM 003-2021 4.2.1 a"}
      - text: 组织门店团队的业务培训
        functions: [team-training]
  - {id: deputy, name: 副店长, department: store, reports_to: manager, duties: *duties}
"""


def _write(tmp_path: Path, text: str, name: str = "d.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_posts_with_aliases_and_tags_read_as_written(tmp_path: Path) -> None:
    d = read_design(_write(tmp_path, SHARED))
    manager, deputy = d.posts
    assert (manager.id, manager.headcount, deputy.reports_to) == ("manager", 2, "manager")
    assert [(x.standard, x.text, x.functions) for x in deputy.duties] == [(x.standard, x.text, x.functions) for x in manager.duties]
    assert [x.where.line for x in manager.duties] == [x.where.line for x in deputy.duties] == [10, 11]
    assert deputy.where.line == 13


@pytest.mark.parametrize(("text", "line", "words"), [
    (SHARED.replace("*duties", "*missing"), 13, "undefined alias"),
    (SHARED + "---\norganisation: {id: x}\n", 14, "another document"),
    (SHARED.replace("    name: 店长\n", "    name: 店长\n    name: 店主\n"), 7, "duplicate key 'name'"),
])
def test_broken_yaml_in_posts_is_refused_with_its_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    with pytest.raises(InputError) as e:
        read_design(_write(tmp_path, text))
    assert words in str(e.value) and e.value.line == line, str(e.value)


def test_errors_in_posts_come_in_file_order_with_the_others(tmp_path: Path) -> None:
    text = SHARED.replace("name: 某店", "name: ''").replace("headcount: !!int \"2\"", "headcount: 0").replace(
        "reports_to: manager", "reports_to: boss")
    with pytest.raises(InputError) as e:
        read_design(_write(tmp_path, text))
    lines = str(e.value).splitlines()
    assert [line.split(":")[1] for line in lines] == ["1", "8", "13"], lines


def _streams(path: Path, router: Router) -> dict[str, set[bytes]]:
    kb = knowledge_base()
    rdf = resolve(read_design(path), kb, route=router.route).rdf
    return {s: {line for c in rdf.chunks(s) for line in c.splitlines()} for s in (STORE, ASIDE, DROP)}


SUBCLASS_PAIRS = tuple((str(sub), str(sup)) for sub, sup in SUBCLASS_AXIOMS)


def test_resolution_writes_apart_what_loading_would_set_aside_or_drop() -> None:
    """The streams agree with the loader's own split of the whole text (which .nt designs still go
    through), both derived from what the bundled rules read."""
    router = Router(bundled_needs(), SUBCLASS_PAIRS)
    streams = _streams(REPO / "examples" / "ecom-ops-centre.yaml", router)
    assert all(streams.values())
    whole = b"\n".join(line for s in (STORE, ASIDE, DROP) for line in sorted(streams[s])) + b"\n"
    split = plan_split(whole, ox.RdfFormat.N_TRIPLES, bundled_needs(), SUBCLASS_PAIRS)
    kept, aside = split_statements(whole, split.drop, split.aside)
    assert set(kept.splitlines()) == streams[STORE]
    assert set(aside.splitlines()) == streams[ASIDE]
    assert router.split().aside_predicates == split.aside_predicates
    assert not any(b"_:" in line for line in streams[STORE] | streams[ASIDE])


def test_a_rule_that_reads_what_the_bundled_rules_do_not_finds_it_in_the_store(tmp_path: Path) -> None:
    """Duty item letters go nowhere for the bundled rules; a user's rule that reads them has them."""
    shapes = tmp_path / "rules.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rkg: <https://w3id.org/retailkg/ontology#> .
@prefix ex: <https://example.org/rules#> .
ex:DutyItem a sh:PropertyShape ; sh:targetClass rkg:Duty ; sh:path rkg:item ; sh:maxCount 0 ;
  sh:severity sh:Info ; sh:message "职责有条目号"@zh , "The duty has an item letter"@en .
""", encoding="utf-8")
    rule_set = load_rule_set([shapes], None)
    design = _write(tmp_path, SHARED)
    assert Router(bundled_needs(), SUBCLASS_PAIRS).route(str(RKG.item), "", True, False) == DROP
    assert Router(needs_of(rule_set), SUBCLASS_PAIRS).route(str(RKG.item), "", True, False) == STORE
    report = validate_file(design, shapes=rule_set)
    assert len([f for f in report.findings if f.rule == "ex:DutyItem"]) == report.duties == 4


def test_the_matcher_is_not_loaded_when_no_duty_is_free_text_to_match(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(kb: object) -> Matcher:
        raise AssertionError("the matcher was loaded")

    monkeypatch.setattr(matching, "matcher_for", refuse)
    report = validate_file(_write(tmp_path, SHARED))  # a standard's duty and a duty whose functions are given
    assert report.posts == 2
    with pytest.raises(AssertionError, match="was loaded"):  # a duty left to the matcher does load it
        validate_file(_write(tmp_path, SHARED.replace("        functions: [team-training]\n", ""), "free.yaml"))


def test_the_corpus_rows_are_cached_by_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    kb = knowledge_base()
    first = Matcher(kb).examples("team-training", "组织门店团队的业务培训")
    cached = list((tmp_path / "retailkg").glob("matcher-corpus-*.npz"))
    assert len(cached) == 1
    transform = Features.transform

    def only_short(self: Features, texts: list[str], posts: list[str]) -> object:
        assert len(texts) < 100, "the corpus was transformed again"
        return transform(self, texts, posts)

    monkeypatch.setattr(Features, "transform", only_short)
    assert Matcher(kb).examples("team-training", "组织门店团队的业务培训") == first
    cached[0].write_bytes(b"not a zip")  # a broken cache file is made again, not an error
    with pytest.raises(AssertionError, match="transformed again"):
        Matcher(kb).examples("team-training", "组织门店团队的业务培训")


def test_validate_writes_json_entries_or_every_finding(tmp_path: Path) -> None:
    design = REPO / "examples" / "ecom-ops-centre.yaml"
    runner = CliRunner()
    for flag, name in (([], "a.json"), (["--expand-units"], "b.json")):
        result = runner.invoke(cli, ["validate", str(design), "-o", str(tmp_path / name), "--quiet", *flag])
        assert result.exit_code in (0, 1), result.output
    grouped = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    expanded = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert (grouped["units_expanded"], expanded["units_expanded"]) == (False, True)
    ids = sorted(u["id"] for f in grouped["findings"] for u in (f["units"] or [f]))
    assert ids == sorted(f["id"] for f in expanded["findings"])
    assert grouped["summary"]["findings"] == expanded["summary"]["findings"] == len(ids)


def test_json_groups_repeated_posts_and_proposals_and_expands_them_to_the_same_objects(tmp_path: Path) -> None:
    """A chain's posts and proposals repeat in every store: the JSON writes each once with its units,
    and expanding the units (``retailkg.report.json.expanded``) gives back exactly the objects
    ``--expand-units`` writes one by one, in the model's order once sorted back; diff reads both."""
    from retailkg.report.json import expanded

    design = REPO / "examples" / "acme-department-store.xlsx"
    runner = CliRunner()
    for flag, name in (([], "a.json"), (["--expand-units"], "b.json")):
        result = runner.invoke(cli, ["validate", str(design), "-o", str(tmp_path / name), "--quiet", *flag])
        assert result.exit_code in (0, 1), result.output
    grouped = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    one_by_one = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    for key, unit in (("design_posts", "id"), ("proposals", "finding")):
        assert any(e["units"] for e in grouped[key]), key  # the stores' repeats are grouped
        assert len(grouped[key]) < len(one_by_one[key])
        assert all(e["units"] is None for e in one_by_one[key])
        order = [e[unit] for e in one_by_one[key]]
        back = sorted(expanded(grouped[key]), key=lambda e: order.index(e[unit]))
        assert back == [{k: v for k, v in e.items() if k != "units"} for e in one_by_one[key]], key
    from retailkg.report.diff import side_from_json

    a, b = (side_from_json(tmp_path / n, d) for n, d in (("a.json", grouped), ("b.json", one_by_one)))
    assert a.posts is not None and b.posts is not None
    assert sorted(a.posts, key=lambda p: p.id) == sorted(b.posts, key=lambda p: p.id) and len(a.posts) == len(one_by_one["design_posts"])
    assert a.findings == b.findings and a.raci == b.raci
    grouped["report_version"] = 3  # a report written before the posts were grouped is still read
    for e in grouped["design_posts"]:
        e.pop("units")
    assert side_from_json(tmp_path / "a.json", grouped).posts is not None


def test_posts_grouped_from_their_records_are_the_generic_grouping_of_their_json() -> None:
    from retailkg.report.json import POST_UNIT, grouped, grouped_posts

    report = validate_file(REPO / "examples" / "acme-department-store.xlsx")
    assert report.posts_detail
    for expand in (False, True):
        assert list(grouped_posts(report.posts_detail, expand)) == list(grouped((p.to_json() for p in report.posts_detail),
                                                                                POST_UNIT, expand))


def test_chunks_compressed_on_a_pool_thread_are_the_design_as_written_without_one() -> None:
    """Resolution hands the compression of its chunks to the loader's thread (validate_file): the
    streams read back are the same bytes as those compressed where they were written, and as those
    kept uncompressed without a sink."""
    from concurrent.futures import ThreadPoolExecutor

    from retailkg.design.resolve import NTriples

    design = read_design(REPO / "examples" / "ecom-ops-centre.yaml")
    kb = knowledge_base()
    route = Router(bundled_needs(), SUBCLASS_PAIRS).route
    old_lines = NTriples.CHUNK_LINES
    NTriples.CHUNK_LINES = 50  # several chunks per stream
    try:
        handed: list[bytes] = []
        with ThreadPoolExecutor(1) as pool:
            pooled = resolve(design, kb, None, None, sink=handed.append, route=route, pool=pool)
        inline = resolve(design, kb, None, None, sink=[].append, route=route)
        plain = resolve(design, kb, None, None, route=route)
    finally:
        NTriples.CHUNK_LINES = old_lines
    assert len(pooled.rdf.chunks(STORE)) > 1
    for stream in (STORE, ASIDE, DROP):
        assert pooled.rdf.chunks(stream) == inline.rdf.chunks(stream) == plain.rdf.chunks(stream)
    assert b"".join(handed) == b"".join(plain.rdf.chunks(STORE))
