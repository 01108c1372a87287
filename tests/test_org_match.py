"""`retailkg org match`: many duties at once, from arguments, a file, standard input or a design,
each with its outcome, doubt and evidence, as a table, TSV or JSON; bad input is one line and exit 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from retailkg.cli import cli
from retailkg.cli.org import TSV_COLUMNS
from retailkg.design.readers import read_design

REPO = Path(__file__).resolve().parents[1]
TAOBAO = REPO / "examples" / "taobao-ops.yaml"
CATCH_ALL = "完成领导交办的其他工作"


def run(*args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["org", "match", *args], input=input)


def as_json(*args: str, input: str | bytes | None = None) -> list[dict[str, Any]]:
    result = run(*args, "--format", "json", input=input)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert isinstance(doc, list)
    return doc


def first_function(duty: dict[str, Any]) -> str | None:
    return duty["functions"][0]["id"] if duty["functions"] else None


def one_error_line(result: Result) -> str:
    assert result.exit_code == 2, result.output
    assert result.stdout == "", "nothing is written for bad input"
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("retailkg: error: ")
    return lines[0]


# ---------------------------------------------------------------------------------------------- inputs


def test_each_argument_is_one_duty_and_results_keep_their_order() -> None:
    texts = ["负责会员活动的策划与执行", "跟踪物流查单", CATCH_ALL, "负责门店收银"]
    doc = as_json(*texts)
    assert [d["text"] for d in doc] == texts
    assert [d["duty_no"] for d in doc] == [1, 2, 3, 4]
    assert [first_function(d) for d in doc] == ["member-campaigns", "shipment-tracking", None, "cashiering"]


def test_file_gives_one_duty_per_non_blank_line_with_the_post(tmp_path: Path) -> None:
    src = tmp_path / "duties.txt"
    src.write_text("负责会员活动的策划与执行\n\n   \n跟踪物流查单\n", encoding="utf-8")
    doc = as_json("--file", str(src), "--post", "运营专员")
    assert [(d["text"], d["post"], d["where"]) for d in doc] == [
        ("负责会员活动的策划与执行", "运营专员", "duties.txt:1"), ("跟踪物流查单", "运营专员", "duties.txt:4")]


def test_file_in_gbk_is_read() -> None:
    doc = as_json("--file", "-", input="跟踪物流查单\n".encode("gbk"))
    assert first_function(doc[0]) == "shipment-tracking"


def test_dash_reads_standard_input() -> None:
    doc = as_json("--file", "-", input="跟踪物流查单\n负责会员活动的策划与执行\n")
    assert [first_function(d) for d in doc] == ["shipment-tracking", "member-campaigns"]
    assert doc[0]["where"] == "<stdin>:1"


def test_a_lone_dash_as_text_reads_standard_input_like_file_dash() -> None:
    """`-` is how a command line spells standard input; matched as a duty it would be a silent none."""
    doc = as_json("-", input="跟踪物流查单\n负责会员活动的策划与执行\n")
    assert [first_function(d) for d in doc] == ["shipment-tracking", "member-campaigns"]
    assert doc[0]["where"] == "<stdin>:1"


def test_design_gives_its_free_text_duties_with_their_posts() -> None:
    design = read_design(TAOBAO)
    free = [(d.text, p.name) for p in design.posts for d in p.duties if d.standard is None and not d.functions]
    pinned = [d.text for p in design.posts for d in p.duties if d.functions]
    assert free and pinned, "the example has both kinds of duty"
    doc = as_json("--design", str(TAOBAO))
    assert [(d["text"], d["post"]) for d in doc] == free
    assert not {d["text"] for d in doc} & set(pinned), "a duty that gives its functions is not matched"
    assert all(d["where"].startswith("taobao-ops.yaml:") for d in doc)


def test_post_is_refused_with_a_design() -> None:
    assert "--post" in one_error_line(run("--design", str(TAOBAO), "--post", "运营专员"))


# ---------------------------------------------------------------------------------------------- formats


def test_table_shows_function_evidence_candidates_and_summary() -> None:
    result = run("负责会员活动的策划与执行", CATCH_ALL)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "[1] 负责会员活动的策划与执行" in out and f"[2] {CATCH_ALL}" in out
    assert "member-campaigns" in out and "lead" in out
    assert "standard: T/CCAGM 003-2021 4.1.3 c" in out, "the standard's duty is the evidence"
    assert "labelled: 「" in out, "the nearest labelled sentences are evidence too"
    assert "candidates:" in out
    assert "→ none (catch-all" in out
    assert out.rstrip().endswith("2 duties: 1 matched, 1 none, 0 to review (待复核)")


DOUBTFUL = ["负责卖场的日常巡视与商品补货", "负责店铺数据", "负责门店商品相关工作", "负责门店收银"]


def test_table_marks_a_doubtful_match_to_review_with_its_area() -> None:
    """Whichever of these vague duties the shipped model is unsure of, the CLI says so, with the area."""
    from retailkg.design.matching import matcher_for
    from retailkg.kg.knowledge import knowledge_base

    kb = knowledge_base()
    doubtful = [t for t in DOUBTFUL if (m := matcher_for(kb).match(t)).to_review and m.area is not None]
    assert doubtful, "the model is sure of every vague duty: add a vaguer one"
    text = doubtful[0]
    area = matcher_for(kb).match(text).area
    doc = as_json(text)
    assert doc[0]["to_review"] is True and doc[0]["probability"] < doc[0]["review_below"]
    assert doc[0]["area"]["id"] == str(area).rsplit("/", 1)[1]
    out = run(text).stdout
    assert "待复核 to review" in out and doc[0]["area"]["id"] in out


def test_json_has_the_documented_keys() -> None:
    doc = as_json("负责会员活动的策划与执行")
    keys = {"duty_no", "text", "post", "where", "outcome", "none", "probability", "to_review", "review_below",
            "area", "verbatim", "labelled", "functions", "candidates"}
    assert set(doc[0]) == keys
    fn = doc[0]["functions"][0]
    assert set(fn) == {"function", "id", "zh", "en", "probability", "role", "evidence", "examples"}
    assert fn["function"] == "https://w3id.org/retailkg/function/member-campaigns"
    assert fn["evidence"]["citation"] == "T/CCAGM 003-2021 4.1.3 c"
    assert fn["examples"] and {"text", "post", "source", "url"} == set(fn["examples"][0])
    assert 0 < fn["probability"] <= 1
    assert all(0 <= c["probability"] < fn["probability"] for c in doc[0]["candidates"])
    help_text = run("--help").stdout
    for key in keys:
        assert key in help_text, f"JSON key {key} is not documented in --help"


def test_tsv_has_the_documented_header_and_one_row_per_function_shown() -> None:
    result = run("负责会员活动的策划与执行", CATCH_ALL, "--format", "tsv")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == list(TSV_COLUMNS)
    assert {"duty_no", "text", "post", "rank", "function", "label_zh", "probability", "role", "kept",
            "to_review", "evidence_citation", "example"} <= set(TSV_COLUMNS)
    rows = [dict(zip(TSV_COLUMNS, line.split("\t"), strict=True)) for line in lines[1:]]
    first = [r for r in rows if r["duty_no"] == "1"]
    assert first[0]["function"] == "member-campaigns" and first[0]["kept"] == "yes" and first[0]["rank"] == "1"
    assert first[0]["evidence_citation"] == "T/CCAGM 003-2021 4.1.3 c" and first[0]["example"]
    assert [r["kept"] for r in first[1:]] and all(r["kept"] == "no" for r in first[1:]), "then the candidates"
    assert [r["rank"] for r in first] == [str(i) for i in range(1, len(first) + 1)]
    catch_all = [r for r in rows if r["duty_no"] == "2"]
    assert len(catch_all) == 1 and catch_all[0]["outcome"].startswith("none: catch-all") and catch_all[0]["function"] == ""
    help_text = " ".join(run("--help").stdout.split())
    for column in TSV_COLUMNS:
        assert column in help_text, f"TSV column {column} is not documented in --help"


def test_output_file_is_written_and_stdout_stays_empty(tmp_path: Path) -> None:
    out = tmp_path / "matches.json"
    result = run("跟踪物流查单", "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "1 duties written to" in result.stderr or "1 duty written to" in result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))[0]["text"] == "跟踪物流查单"


# ---------------------------------------------------------------------------------------------- outcomes


def test_catch_all_duty_is_none_with_its_reason() -> None:
    doc = as_json(CATCH_ALL)
    assert doc[0]["outcome"] == "none" and doc[0]["functions"] == []
    assert doc[0]["none"].startswith("catch-all")


def test_traditional_chinese_matches_like_simplified() -> None:
    trad, simp = as_json("負責門店收銀", "负责门店收银")
    assert first_function(trad) == first_function(simp) == "cashiering"
    assert trad["probability"] == simp["probability"]
    assert [c["id"] for c in trad["candidates"]] == [c["id"] for c in simp["candidates"]]


@pytest.mark.parametrize("text", ["Handle the cash register and daily takings", "收银" * 5000],
                         ids=["english", "10000-characters"])
def test_unusual_text_does_not_crash(text: str) -> None:
    doc = as_json(text)
    assert len(doc) == 1 and doc[0]["text"] == text
    assert doc[0]["outcome"] in ("functions", "none")
    table = run(text)
    assert table.exit_code == 0, table.output
    assert max(len(line) for line in table.stdout.splitlines()) < 400, "the table clips a long duty"


def test_to_review_is_not_a_failure() -> None:
    result = run("负责门店收银")
    assert result.exit_code == 0


# ---------------------------------------------------------------------------------------------- bad input


def test_no_input_is_exit_2() -> None:
    assert "TEXT" in one_error_line(run())


def test_blank_text_is_exit_2() -> None:
    one_error_line(run("  ", ""))


@pytest.mark.parametrize("content", [b"", b"\n  \n\n"], ids=["empty", "blank-lines"])
def test_empty_file_is_exit_2(tmp_path: Path, content: bytes) -> None:
    src = tmp_path / "duties.txt"
    src.write_bytes(content)
    assert "duties.txt" in one_error_line(run("--file", str(src)))


def test_missing_file_is_exit_2(tmp_path: Path) -> None:
    assert "missing.txt" in one_error_line(run("--file", str(tmp_path / "missing.txt")))


def test_two_inputs_at_once_are_exit_2(tmp_path: Path) -> None:
    src = tmp_path / "duties.txt"
    src.write_text("跟踪物流查单\n", encoding="utf-8")
    one_error_line(run("收银", "--file", str(src)))


def test_output_onto_the_file_input_is_refused_and_leaves_it_intact(tmp_path: Path) -> None:
    src = tmp_path / "duties.txt"
    src.write_text("跟踪物流查单\n负责门店收银\n", encoding="utf-8")
    before = src.read_bytes()
    line = one_error_line(run("--file", str(src), "--format", "tsv", "-o", str(src)))
    assert "overwrite" in line
    assert src.read_bytes() == before


def test_output_onto_the_design_input_is_refused(tmp_path: Path) -> None:
    design = tmp_path / "design.yaml"
    design.write_bytes(TAOBAO.read_bytes())
    assert "overwrite" in one_error_line(run("--design", str(design), "-o", str(design)))
    assert design.read_bytes() == TAOBAO.read_bytes()


def test_an_invalid_design_is_one_line(tmp_path: Path) -> None:
    design = tmp_path / "design.yaml"
    design.write_text("organisation: [\n", encoding="utf-8")
    assert "design.yaml" in one_error_line(run("--design", str(design)))


def test_a_file_name_given_as_text_is_matched_as_asked_and_the_user_is_told_to_give_it_as_file(tmp_path: Path) -> None:
    duties = tmp_path / "duties.txt"
    duties.write_text("负责门店收银\n", encoding="utf-8")
    for name in (str(duties), "missing-duties.txt"):
        result = run(name, "--format", "json")
        assert result.exit_code == 0, result.output
        assert [d["text"] for d in json.loads(result.stdout)] == [name]
        assert f"give --file {name}" in result.stderr
    plain = run("负责门店收银", "--format", "json")
    assert plain.exit_code == 0 and plain.stderr == ""  # a duty is not mistaken for a file
