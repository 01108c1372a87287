"""examples/analyst.ipynb runs in a Jupyter kernel, answers its five questions with a finding and a
chart each, and docs/analyst.md is what it shows today (tools/notebook_docs.py)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import query_support as qs
from click.testing import CliRunner
from scripts import load_script

from retailkg.cli import cli

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _tool() -> ModuleType:
    return load_script("tools/notebook_docs.py", "notebook_docs")


@pytest.fixture(scope="module")
def executed(kg: Path) -> Any:
    """The notebook run once, in a fresh kernel, on the test session's cached build."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(qs.cache_root()))
        return _tool().execute()


def sections(nb: Any) -> dict[str, list[Any]]:
    """The code cells' outputs under each "## N." heading."""
    out: dict[str, list[Any]] = {}
    current = None
    for cell in nb.cells:
        if cell.cell_type == "markdown" and (m := re.match(r"## (\d)\.", cell.source)):
            current = m.group(1)
            out[current] = []
        elif cell.cell_type == "code" and current:
            out[current] += cell.outputs
    return out


def findings(nb: Any) -> dict[str, str]:
    return {q: o["data"]["text/markdown"] for q, outs in sections(nb).items() for o in outs
            if "text/markdown" in o.get("data", {}) and o["data"]["text/markdown"].startswith("**Finding.**")}


def cli_rows(*args: str) -> list[dict[str, str]]:
    result = CliRunner().invoke(cli, ["query", "run", *args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8"))))


@pytest.mark.slow
def test_five_questions_each_with_a_finding_and_a_chart(executed: Any) -> None:
    found = sections(executed)
    assert sorted(found) == ["1", "2", "3", "4", "5"]
    for question, outputs in found.items():
        assert sum("image/png" in o.get("data", {}) for o in outputs) == 1, f"question {question}: one chart"
    assert sorted(findings(executed)) == ["1", "2", "3", "4", "5"]
    assert not [o for outs in found.values() for o in outs if o.get("output_type") == "error"]


@pytest.mark.slow
def test_the_findings_quote_what_the_cli_answers(executed: Any, kg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The numbers in the prose are computed by the notebook; here they are counted again, from the CLI."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(qs.cache_root()))
    said = findings(executed)

    def assigned(doc: str) -> set[str]:
        return {r["fn"] for r in cli_rows("function-coverage-matrix", "-p", f"doc={doc}") if r["post"]}

    both = assigned("ccagm-003-2021") & assigned("ccfags-046-2023")
    assert f"**{len(both)}** are assigned by both" in said["1"]
    orphans = cli_rows("metrics-without-accountable-post")
    metrics = sum(int(r["metrics"]) for r in cli_rows("documents"))
    assert said["4"].startswith(f"**Finding.** {len(orphans)} of {metrics} metrics")
    taobao = json.loads(CliRunner().invoke(cli, ["validate", str(EXAMPLES / "taobao-ops.yaml"), "--format", "json"]).stdout)
    share = taobao["summary"]["per_organisation"][0]["share_in_scope"]
    assert f"taobao-ops.yaml covers {share:.0%} of its scope" in said["5"]


@pytest.mark.slow
def test_the_rendered_page_is_what_the_notebook_shows_today(executed: Any) -> None:
    tool = _tool()
    rendered = tool.render(executed)
    assert tool.DOC.read_text(encoding="utf-8") == rendered.markdown, "docs/analyst.md is stale: run python tools/notebook_docs.py"
    linked = set(re.findall(r"\]\(analyst_files/([^)]+\.png)\)", rendered.markdown))
    assert linked == set(rendered.images) and len(linked) == 5
    assert {p.name for p in tool.IMAGES.glob("*.png")} == linked, "every chart is committed, and no stale one"


def test_the_committed_notebook_carries_no_outputs() -> None:
    """Outputs live in docs/analyst.md; the notebook stays small and its diffs readable."""
    import nbformat

    nb = nbformat.read(_tool().NOTEBOOK, as_version=4)
    assert [c.outputs for c in nb.cells if c.cell_type == "code"] == [[] for c in nb.cells if c.cell_type == "code"]
    assert nb.metadata.kernelspec.name == "python3"


def test_a_dataframe_becomes_a_markdown_table() -> None:
    tool = _tool()
    named_index = ("<table><thead><tr><th>status</th><th>lead</th><th>gap</th></tr><tr><th>design</th><th></th><th></th></tr>"
                   "</thead><tbody><tr><th>a|b.yaml</th><td>10</td><td>76</td></tr></tbody></table>")
    assert tool.markdown_table(named_index) == "| design | lead | gap |\n| --- | --- | --- |\n| a\\|b.yaml | 10 | 76 |"
    spanned = "<table><thead><tr><th colspan='2'>x</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
    assert tool.markdown_table(spanned) is None, "what a Markdown table cannot show stays text"
